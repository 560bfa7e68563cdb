"""Directives: sentences that tell someone to do something or commit to doing it.

A sentence is a directive when

- an explicit modal word governs it (要, 必须, 将, 严禁 … standing outside quotation marks and not
  inside another word such as 重要, 应对 or 即将), or
- its main clause opens with a task verb, a bare imperative (坚持…, 深化…, 大力提振消费。), and it does
  not report past work: it is not in a section about past work, not in a paragraph that a marker such
  as 近年来 turned to the past, and it carries no past-tense marker (了, 已经, 先后 …).

A question (为什么要推进…？) is never a directive. Where a bare imperative cannot count (past work), a
later explicit modal word still governs the sentence.

The governing cue is the first one in the sentence (要充分发挥…，坚决贯彻… is "should"), except that
the 要 of a purpose clause yields to a following 必须 (要谱写新篇章，必须坚持… is "must").

The words live in ``data/modality.tsv``, ``data/directive_verbs.txt`` and
``data/reporting_markers.txt``; this module holds the grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import alternation, read_lines, read_tsv
from ..segment import cut, pos_cut
from ..sentences import split_sentences
from .hits import DirectiveHit

# Quoted terms, titles and quoted speech: a modal word inside them does not govern the sentence
# (认真履行“上级一把手必须抓好下级一把手”的要求 is no "must" sentence).
_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』|《[^《》]*》|\"[^\"]*\"|‘[^‘’]*’")
_MASK = "□"
_OPENING_QUOTES = ("“", "「", "『")
_CLOSING_QUOTES = ("”", "」", "』")
_QUOTE_MARK = re.compile(r"[“”「」『』《》\"‘’]")  # any mark _QUOTED or the unpaired checks look at
_CLAUSE = re.compile(r"[^，,；;：:]+")
_CLAUSE_MARKS = "，,；;：:"
# An enumeration label opening a sentence: 一是 / 二要 / （三） / 4. / 第五，
_ENUMERATION = re.compile(
    r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}(?:是|要|、)"
    r"|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]{1,3}(?:[，,、]|是))"
)
# A list bullet opening a sentence (——坚持扩大有效需求，…).
_BULLET = re.compile(r"[—－\-●■◆▲•·]+\s*")
# An enumerated sentence this short, with no modal word of its own, is a heading (一是加强政治领导。).
_HEADING_MAX = 40
# How many opening clauses may carry a marker of past work (为了…，…，近年来，各地…).
_REPORT_CLAUSES = 3
# 要 that is no modal, judged by what precedes it in its clause: a full verb "ask for" (向科技要警力) or
# a comparison (比预计的要多).
_NOT_MODAL_YAO = re.compile(r"[向比][^，,；;：:]{1,12}$")
# 有…要做: an existential "to be done" (仍有大量工作要做), when 要 is followed by a bare verb.
_EXISTENTIAL = re.compile(r"(?<![关所])有(?![关效力序机利])[^，,；;：:]*$")
# 应保尽保, 应收尽收: "whatever is due", no modal.
_DUE = re.compile(r"应(.)尽\1")
# 需要指出的是: a modal inside a cleft that introduces a remark.
_CLEFT = re.compile(r"[^，,；;：:。]{0,4}的是")
# A modal after a copula, in a clause ending in 的 + a short noun, describes that noun (是必须解决的问题).
_COPULA_BEFORE = re.compile(r"是|到了|成为")
_ATTRIBUTIVE_END = re.compile(r"的[^，,；;：:。！？!?的]{1,4}[。！？!?]?$")
# In a passage about past work, 还要/仍需/尚须 … state a shortcoming, not a task.
_SHORTCOMING = ("还", "仍", "尚", "有待", "亟待")
# A 在… frame ends in a locative before the main clause starts.
_LOCATIVE_END = ("中", "上", "下", "时", "里", "内", "外", "前", "后", "间", "方面", "之际", "当中")
# A clause ending so is a time clause (抵达现场后，/ 会议召开之际，), not the main clause.
_TEMPORAL_END = ("后", "以后", "之后", "时", "之时", "的时候", "之际", "期间", "前夕")
# 将 after these reports a past action (成功将嫌疑人押解回国): it means 把.
_PAST_BEFORE_JIANG = ("成功", "已", "已经", "先后", "相继", "分别")
# Past-tense markers that turn a bare imperative into a report. 了 in 为了/除了/了解 … is no marker.
# 已有 (existing) and 已建成的 (already built, a modifier) are no markers either.
_PAST = re.compile(
    r"(?<![为除罢])了(?![解如然不])|已经|业已|(?<![不而])已(?!知|有|[\u4e00-\u9fff]{1,3}的)|先后|相继"
)
# A copula in the main clause makes it a statement (治理现代化是…), not a bare imperative.
_COPULA = re.compile(r"(?<![实于凡但可只总还而若要])是(?!否)")
# What may stand between two adverbs or an adverb and its verb: 扎实地推进…, 全方位、全流程保障…
_ADVERB_JOINERS = ("地", "、")
_JIEBA_WINDOW = 6
_WINDOW_CACHE = 8192
# jieba tags that may open the predicate after a modal word: verbs, adverbs, prepositions, adjectives.
_PREDICATE_TAGS = ("v", "d", "p", "a")
# A question (为什么要…？ / 如何把握…？) asks; it tells no one to do anything.
_QUESTION = re.compile(r"[？?][”’」』\"')）]*\s*$")


@dataclass(frozen=True, slots=True)
class _Cue:
    """What makes a sentence a directive, found at ``start`` of the masked sentence."""

    modality: str
    start: int
    end: int  # where the governed predicate begins
    explicit: bool  # an explicit modal word (要/必须/将 …), not a bare imperative
    word: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    modals: dict[str, tuple[str, str]]  # word -> (modality, kind)
    modal_re: re.Pattern[str]
    disposal_re: re.Pattern[str]
    leads: dict[str, str]  # word -> verb | adverb | modifier | frame | connective
    lead_sizes: dict[str, tuple[int, ...]]  # first character -> lengths of the words it opens, longest first
    stop_re: re.Pattern[str]
    heading_markers: tuple[str, ...]
    report_re: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    modals: dict[str, tuple[str, str]] = {}
    disposal: list[str] = []
    for word, modality, kind in read_tsv("modality.tsv"):
        if kind == "disposal":
            disposal.append(word)
        else:
            modals[word] = (modality, kind)
    leads: dict[str, str] = {}
    stops: list[str] = []
    for line in read_lines("directive_verbs.txt"):
        word, _, kind = line.partition("\t")
        kind = kind.strip() or "verb"
        if kind == "stop":
            stops.append(word)
        else:
            leads.setdefault(word, kind)
    sizes: dict[str, set[int]] = {}
    for word in leads:
        sizes.setdefault(word[0], set()).add(len(word))
    heading, lead = _reporting_markers()
    lead_alt = alternation(lead)
    return _Lexicon(
        modals=modals,
        modal_re=re.compile(alternation(tuple(modals))),
        disposal_re=re.compile(alternation(tuple(disposal))),
        leads=leads,
        lead_sizes={c: tuple(sorted(s, reverse=True)) for c, s in sizes.items()},
        stop_re=re.compile(alternation(tuple(stops))),
        heading_markers=heading,
        report_re=re.compile(rf"^(?:{lead_alt})|(?:{lead_alt})$"),
    )


def _reporting_markers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    heading: list[str] = []
    lead: list[str] = []
    for line in read_lines("reporting_markers.txt"):
        word, _, where = line.partition("\t")
        where = where.strip() or "both"
        if where in ("heading", "both"):
            heading.append(word)
        if where in ("lead", "both"):
            lead.append(word)
    return tuple(heading), tuple(lead)


def mask_quotes(sentence: str) -> str:
    """``sentence`` with the inside of quotation marks and titles blanked out, same length.

    Quoted speech that runs over several sentences leaves a quotation mark open (or closed) in each:
    the part of the sentence on the quoted side of it is blanked too.

    >>> mask_quotes("坚持“两个维护”，落实《条例》。")
    '坚持“□□□□”，落实《□□》。'
    >>> mask_quotes("总书记指出：“要强化创新驱动。"), mask_quotes("必须坚持人民至上。”")
    ('总书记指出：“□□□□□□□□', '□□□□□□□□□”')
    """
    if _QUOTE_MARK.search(sentence) is None:
        return sentence  # nothing quoted: the common case
    masked = _QUOTED.sub(lambda m: m.group()[0] + _MASK * (len(m.group()) - 2) + m.group()[-1], sentence)
    unpaired = _QUOTED.sub(lambda m: _MASK * len(m.group()), sentence)
    opened = max(unpaired.rfind(mark) for mark in _OPENING_QUOTES)
    if opened >= 0:
        masked = masked[: opened + 1] + _MASK * (len(masked) - opened - 1)
    closed = max(unpaired.find(mark) for mark in _CLOSING_QUOTES)
    if closed > 0:
        masked = _MASK * closed + masked[closed:]
    return masked


def _clause_start(masked: str, pos: int) -> int:
    return max(masked.rfind(c, 0, pos) for c in _CLAUSE_MARKS) + 1


def _clause_end(masked: str, pos: int) -> int:
    m = _CLAUSE.match(masked, pos)
    return m.end() if m else pos


def _lead_at(text: str, pos: int) -> tuple[str, str] | None:
    """The longest word of directive_verbs.txt at ``pos``, with its kind."""
    if pos >= len(text):
        return None
    lex = _lexicon()
    for size in lex.lead_sizes.get(text[pos], ()):
        word = text[pos : pos + size]
        kind = lex.leads.get(word)
        if kind is not None:
            return word, kind
    return None


@lru_cache(maxsize=_WINDOW_CACHE)
def _cut_window(window: str) -> tuple[str, ...]:
    return tuple(cut(window))


@lru_cache(maxsize=_WINDOW_CACHE)
def _pos_cut_window(window: str) -> tuple[tuple[str, str], ...]:
    return tuple(pos_cut(window))


# --- explicit modal words -------------------------------------------------------------------------


def _explicit_cue(masked: str) -> _Cue | None:
    """The first explicit modal word of the masked sentence that is used as one."""
    lex = _lexicon()
    for m in lex.modal_re.finditer(masked):
        word = m.group()
        modality, kind = lex.modals[word]
        if kind in ("none", "lead"):
            continue
        if kind in ("verbal", "need") and not _starts_predicate(masked, m.end()):
            continue
        if _is_modal_use(masked, m.start(), m.end(), word):
            return _Cue(modality, m.start(), m.end(), True, word)
    return None


def _starts_predicate(masked: str, pos: int) -> bool:
    """Whether a predicate opens the text at ``pos``: 需要加强… / 应依法… but not 群众需要的 / 白应苍、"""
    lead = _lead_at(masked, pos)
    if lead is not None:
        return lead[1] != "connective"
    if masked.startswith("把", pos):
        return True
    window = masked[pos : pos + _JIEBA_WINDOW]
    if not window or not ("\u4e00" <= window[0] <= "\u9fff"):
        return False
    return _pos_cut_window(window)[0][1].startswith(_PREDICATE_TAGS)


def _is_modal_use(masked: str, start: int, end: int, word: str) -> bool:
    if _CLEFT.match(masked, end):
        return False  # 需要指出的是，… / 应当看到的是，…
    if _is_attributive(masked, start, end):
        return False
    if word == "将":
        return not (_is_disposal(masked, end) or _is_prediction(masked, end))
    if word == "要":
        before = masked[_clause_start(masked, start) : start]
        if _NOT_MODAL_YAO.search(before):
            return False
        return not (_EXISTENTIAL.search(before) and _clause_end(masked, end) - end <= 2)
    if word == "应":
        return not _DUE.match(masked, start)
    return True


def _is_attributive(masked: str, start: int, end: int) -> bool:
    """这是必须解决的问题 / 到了必须下大力气抓好的时候: the modal sits in a clause that describes a noun
    (or is itself the predicate adjective: …是必须的)."""
    clause_end = _clause_end(masked, end)
    if masked[end:clause_end].rstrip("。！？!?") == "的":
        return True  # 坚持党的领导是必须的
    before = masked[_clause_start(masked, start) : start]
    if not _COPULA_BEFORE.search(before):
        return False
    return _ATTRIBUTIVE_END.search(masked, end, clause_end) is not None


def _is_prediction(masked: str, pos: int) -> bool:
    """将成为… / 将达到…: a forecast, not a commitment (but 将为…提供… commits)."""
    m = _lexicon().stop_re.match(masked, pos)
    return m is not None and m.group() != "为"


def _is_disposal(masked: str, pos: int) -> bool:
    """Whether the 将 ending at ``pos`` means 把 (将X纳入Y, 将嫌疑人抓获) rather than "will".

    "Will" is followed by a predicate (将持续深化…, 将以…为…, 将把…); 把 by the noun phrase it moves,
    and a disposal verb (作为, 纳入 …) closes the clause.

    >>> _is_disposal("将打击电诈作为民生工程来抓", 1), _is_disposal("将持续深化改革", 1)
    (True, False)
    >>> _is_disposal("将我公安机关通缉的嫌疑人抓获", 1)
    True
    """
    if masked.startswith("把", pos):
        return False
    if masked.endswith(_PAST_BEFORE_JIANG, 0, pos - 1):
        return True
    lead = _lead_at(masked, pos)
    if lead is not None and lead[1] in ("adverb", "frame", "connective"):
        return False
    if _lexicon().disposal_re.search(masked, pos, _clause_end(masked, pos)) is not None:
        return True  # 将标准化建设作为突破口
    if lead is not None:
        return False
    window = masked[pos : pos + _JIEBA_WINDOW]
    if not window or "的" in window[:4]:
        return True  # 将到案的嫌疑人…: a noun phrase follows
    return not _pos_cut_window(window)[0][1].startswith(_PREDICATE_TAGS)


# --- bare imperatives -----------------------------------------------------------------------------


def _lead_cue(masked: str) -> _Cue | None:
    """A bare imperative: the main clause, after frames and connectives, opens with a task verb."""
    for index, m in enumerate(_CLAUSE.finditer(masked)):
        if index > 3:
            break
        start, end = m.span()
        pos = _skip_label(masked, start) if index == 0 else start
        pos = _skip_connectives(masked, pos, end)
        if pos >= end:
            continue
        lead = _lead_at(masked, pos)
        if lead is not None and lead[1] == "frame":
            if _frame_is_closed(masked, lead[0], pos + len(lead[0]), end):
                continue
            return _Cue("should", pos, pos, False, lead[0])
        if masked.endswith(_TEMPORAL_END, pos, end):
            continue  # 抵达现场后，… / 会议召开之际，…: a time clause before the main clause
        return _task_cue(masked, pos, end)
    return None


def _skip_label(masked: str, pos: int) -> int:
    m = _BULLET.match(masked, pos)
    pos = m.end() if m else pos
    m = _ENUMERATION.match(masked, pos)
    return m.end() if m else pos


def _skip_connectives(masked: str, pos: int, end: int) -> int:
    while pos < end:
        lead = _lead_at(masked, pos)
        if lead is None or lead[1] != "connective":
            return pos
        pos += len(lead[0])
    return pos


def _frame_is_closed(masked: str, frame: str, pos: int, end: int) -> bool:
    """Whether a clause opened by a frame word is only the frame (以X为Y，/ 在X中，/ 在云南文山，), not a
    main clause that carries its own task verb (以更大力度推进…, 在深挖根治上发力…)."""
    body = masked[pos:end]
    if frame == "以" and "为" not in body:
        return not _has_task_verb(masked, pos, end)
    if frame == "在" and not body.endswith(_LOCATIVE_END):
        return not _has_task_verb(masked, pos, end, after_locative=True)
    return True


def _has_task_verb(masked: str, pos: int, end: int, *, after_locative: bool = False) -> bool:
    """Whether a task verb stands inside the clause (after a locative: 在深挖根治上发力…)."""
    for i in range(pos + 1, end):
        if after_locative and not masked.startswith(_LOCATIVE_END, i - 1):
            continue
        lead = _lead_at(masked, i)
        if lead is not None and lead[1] == "verb" and _is_word_at(masked, i, lead[0]):
            return True
    return False


def _is_word_at(masked: str, pos: int, word: str) -> bool:
    """Whether ``word`` at ``pos`` is a word of its own, not the head of a longer one (发布会, 服务业)."""
    size = len(word)
    if pos + size >= len(masked):
        return True
    covered = 0
    for token in _cut_window(masked[pos : pos + size + 3]):
        covered += len(token)
        if covered >= size:
            return covered == size
    return True


def _task_cue(masked: str, pos: int, end: int) -> _Cue | None:
    """The cue of a main clause at ``pos`` if it opens with (adverbs and) a task verb."""
    start, strong = pos, False
    while pos < end:
        modal = _lead_modal(masked, pos)
        if modal is not None:
            # 杜绝… is itself the task verb; 坚决 stands before one.
            verb_at = pos if _lead_at(masked, pos) == (modal, "verb") else pos + len(modal)
            return _Cue(_lexicon().modals[modal][0], start, verb_at, False, modal)
        if masked.startswith("把", pos) or (masked.startswith("将", pos) and _is_disposal(masked, pos + 1)):
            return _Cue("should", start, pos, False, masked[pos])
        lead = _lead_at(masked, pos)
        if lead is None or lead[1] in ("frame", "connective"):
            break
        word, kind = lead
        if kind == "verb":
            return _verb_cue(masked, start, pos, end, word) if _is_word_at(masked, pos, word) else None
        strong = strong or kind == "adverb"
        pos += len(word)
        if masked.startswith(_ADVERB_JOINERS, pos):
            pos += 1
    if strong and pos > start:
        return _Cue("should", start, start, False, masked[start:pos])
    return None


def _verb_cue(masked: str, start: int, pos: int, end: int, verb: str) -> _Cue | None:
    """A bare imperative on ``verb``, unless the verb is a noun subject (发展是…, 服务业…)."""
    if _lexicon().stop_re.match(masked, pos + len(verb)) or _COPULA.search(masked, pos, end):
        return None
    return _Cue("should", start, pos, False, verb)


def _lead_modal(masked: str, pos: int) -> str | None:
    """A modal word of kind ``lead`` (坚决, 杜绝) at ``pos``."""
    lex = _lexicon()
    m = lex.modal_re.match(masked, pos)
    if m is None:
        return None
    modality, kind = lex.modals[m.group()]
    return m.group() if kind == "lead" and modality != "-" else None


# --- the governing cue and the sentence's context --------------------------------------------------


def _governing_cue(masked: str, explicit: _Cue | None, *, past: bool = False) -> _Cue | None:
    """The cue that governs the sentence: the first one, but 必须 over the 要 of a purpose clause.

    With ``past`` (the sentence reports past work, or sits where past work is reported) a bare
    imperative cannot govern, so a later explicit modal word does (充分利用…，已建成的系统要加强…).
    """
    lead = None if past else _lead_cue(masked)
    if explicit is None or (lead is not None and lead.start < explicit.start):
        return lead
    if explicit.word == "要":
        return _must_after_purpose(masked, explicit) or explicit
    return explicit


def _must_after_purpose(masked: str, cue: _Cue) -> _Cue | None:
    """要X，必须Y: the 要 clause states a purpose and the 必须 clause governs."""
    lex = _lexicon()
    end = _clause_end(masked, cue.end)
    for index, m in enumerate(_CLAUSE.finditer(masked, end)):
        if index > 2:
            break
        pos = m.start() + (1 if masked.startswith("就", m.start()) else 0)
        modal = lex.modal_re.match(masked, pos)
        if modal and lex.modals[modal.group()] == ("must", "modal"):
            return _Cue("must", modal.start(), modal.end(), True, modal.group())
    return None


def _is_enumerated_heading(masked: str, cue: _Cue) -> bool:
    """一是加强政治领导。: a short enumerated sentence whose only modal is its label's 要."""
    label = _ENUMERATION.match(masked)
    if label is None or (cue.explicit and cue.start >= label.end()):
        return False
    return len(masked.rstrip("。！？!?；;")) <= _HEADING_MAX


def _opens_report(masked: str) -> bool:
    """Whether one of the sentence's first clauses turns to past work: 近年来，… / 2019年会议召开以来，…"""
    report_re = _lexicon().report_re
    for index, m in enumerate(_CLAUSE.finditer(masked)):
        if index >= _REPORT_CLAUSES:
            break
        if report_re.search(m.group()):
            return True
    return False


def _states_shortcoming(masked: str, cue: _Cue) -> bool:
    """In a passage about past work: 还要加强…, 仍需提升…, or a modal in a list of problems after a colon."""
    if cue.modality not in ("should", "must"):
        return False
    before = masked[: cue.start]
    if before.endswith(_SHORTCOMING) or "：" in before or ":" in before:
        return True
    return _lexicon().modals[cue.word][1] == "need"


def has_past_marker(sentence: str) -> bool:
    """Whether a sentence carries a past-tense marker (了, 已经, 先后 …).

    >>> has_past_marker("有效提升了派出所的服务能力。"), has_past_marker("为了群众，深入了解民情。")
    (True, False)
    """
    return _PAST.search(sentence) is not None


# --- the verb --------------------------------------------------------------------------------------


def _verb_after(masked: str, pos: int) -> str | None:
    """The task verb a cue governs: after any adverbs, frames (以X为Y，) and connectives."""
    for _ in range(6):
        if masked.startswith(("把", "将"), pos):
            disposal = _lexicon().disposal_re.search(masked, pos, _clause_end(masked, pos))
            return disposal.group() if disposal else None
        lead = _lead_at(masked, pos)
        if lead is None:
            return _first_verb(masked[pos : pos + 2 * _JIEBA_WINDOW])
        word, kind = lead
        if kind == "verb":
            return word
        if kind == "frame":
            pos = _clause_end(masked, pos) + 1
            continue
        pos += len(word)
        if masked.startswith(_ADVERB_JOINERS, pos):
            pos += 1
    return None


def _first_verb(window: str) -> str | None:
    """The first verb jieba finds in a short window (搞, 摆在 …), skipping copulas and the like."""
    stop_re = _lexicon().stop_re
    for word, flag in _pos_cut_window(window):
        if flag.startswith("v") and (len(word) > 1 or flag == "v") and not stop_re.fullmatch(word):
            return word
    return None


# --- public API ------------------------------------------------------------------------------------


def modality_of(sentence: str) -> str | None:
    """The modality of a sentence read on its own, or None when it is no directive.

    >>> modality_of("要深化构建公安“大监督”格局。")
    'should'
    >>> modality_of("必须坚持党对公安工作的绝对领导。")
    'must'
    >>> modality_of("严禁违规插手干预经济纠纷。")
    'prohibit'
    >>> modality_of("我们将持续深化公安改革。")
    'will'
    >>> modality_of("大力提振消费。")
    'should'
    >>> print(modality_of("这是一项重要任务。"), modality_of("会议即将召开。"))
    None None
    >>> print(modality_of("已经完成了改造。"))
    None
    """
    masked = mask_quotes(sentence)
    if _QUESTION.search(masked):
        return None
    cue = _governing_cue(masked, _explicit_cue(masked), past=has_past_marker(masked))
    return None if cue is None else cue.modality


def is_reporting_heading(title: str) -> bool:
    """Whether a section heading is about past work.

    >>> is_reporting_heading("一、2025年工作回顾"), is_reporting_heading("主要经验做法与工作成效")
    (True, True)
    >>> is_reporting_heading("三、2026年重点工作")
    False
    """
    compact = re.sub(r"\s+", "", title)
    return any(marker in compact for marker in _lexicon().heading_markers)


def extract_directives(text: str, *, reporting: bool = False) -> list[DirectiveHit]:
    """Directive sentences of one paragraph; ``reporting`` when it sits in a section about past work.

    >>> [(h.text, h.modality, h.verb) for h in extract_directives("近年来，深入推进改革。要深化警务改革。")]
    [('要深化警务改革。', 'should', '深化')]
    """
    hits: list[DirectiveHit] = []
    past = False  # an opening such as 近年来 turned the paragraph to past work
    for start, end in split_sentences(text):
        sentence = text[start:end]
        masked = mask_quotes(sentence)
        if _ENUMERATION.match(masked):
            past = False  # 三是…: a new item of the enumeration
        past = past or _opens_report(masked)
        in_report = reporting or past
        if _QUESTION.search(masked):
            continue
        explicit = _explicit_cue(masked)
        no_imperative = in_report or has_past_marker(masked)
        if explicit is None and no_imperative:
            continue  # only an explicit modal word could make it a directive
        cue = _governing_cue(masked, explicit, past=no_imperative)
        if cue is None:
            continue
        if cue.explicit and in_report and _states_shortcoming(masked, cue):
            continue
        if cue.explicit:
            past = False  # 我们将…: the paragraph turns from what was done to what is to be done
        if not _is_enumerated_heading(masked, cue):
            hits.append(DirectiveHit(sentence, cue.modality, _verb_after(masked, cue.end), start, end))
    return hits
