"""The package's one jieba tokenizer: loaded on first use, quiet, with its own user words.

jieba's module-level functions share one global dictionary, so words added there leak into
every other user of jieba in the process. policykb owns a ``jieba.Tokenizer()`` instance and a
``jieba.posseg.POSTokenizer`` on top of it instead. Loading the dictionary costs about a second:
nothing is loaded until text is segmented for the first time.

Segmentation runs without jieba's HMM for unknown words: the extractors only segment short
windows, where a dictionary cut is good enough and some 20 times faster.

The windows are cut by :class:`_Router`, which computes exactly what jieba's ``cut(text,
HMM=False)`` and ``posseg.cut(text, HMM=False)`` compute (the same dictionary, the same most
probable route, the same ties) in one pass instead of jieba's three (DAG, route, words), with each
word's log frequency computed once: the parser cuts some 10,000 windows a megabyte, and jieba's
per-call work was a fifth of the parse. ``tests/test_segment.py`` checks it against jieba.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from functools import cache
from math import log
from typing import Any

USER_WORD_TAG = "nz"  # user words are names (initiatives, programmes): tag them as proper nouns

_lock = threading.Lock()
_pending: list[str] = []  # user words added before the tokenizer was loaded
_added: set[str] = set()  # every user word given so far
_loaded = False


# jieba's block patterns: what its cut and its posseg cut hand to the dictionary, and the rest
_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_HAN_POS = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ALNUM = re.compile("[a-zA-Z0-9]")
_NUM = re.compile("[\\.0-9]+")
_ENG = re.compile("[a-zA-Z0-9]+")
_MISSING: Any = object()


class _Router:
    """jieba's dictionary route through a block of text, computed in one backward pass."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        # the dictionary's strings as the route needs them: log frequency of a word, None for a
        # string that only starts words (jieba stores those with frequency 0); filled as met
        self.log_freq: dict[str, float | None] = {}

    def forget(self) -> None:
        """The dictionary changed (a user word was added): frequencies are read afresh."""
        self.log_freq.clear()

    def ends(self, block: str) -> list[int]:
        """For each start position, where the word of the most probable route starting there ends.

        Same arithmetic and tie-break as jieba's ``calc``: the route maximises (score, end), score
        being log(freq or 1) - log(total) + the score of the rest.
        """
        freq: dict[str, int] = self.tokenizer.FREQ
        table = self.log_freq
        get = table.get
        log_total = log(self.tokenizer.total)
        n = len(block)
        score = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best = 0.0
            end = -1
            i = k
            frag = block[k]
            while i < n:
                lf = get(frag, _MISSING)
                if lf is _MISSING:
                    f = freq.get(frag)
                    if f is None:
                        break  # no dictionary string starts this way
                    lf = table[frag] = log(f) if f else None
                if lf is not None:
                    s = lf - log_total + score[i + 1]
                    if end < 0 or s >= best:
                        best, end = s, i
                i += 1
                frag = block[k : i + 1]
            if end < 0:  # no dictionary word starts here: the character alone, frequency 1
                best, end = 0.0 - log_total + score[k + 1], k
            score[k] = best
            ends[k] = end + 1
        return ends

    def block_words(self, block: str) -> list[tuple[str, bool]]:
        """The words of the route through one block, each with whether it is a run of single
        letters and digits (jieba joins those: its "eng" words)."""
        ends = self.ends(block)
        out: list[tuple[str, bool]] = []
        x, n, buf = 0, len(block), ""
        while x < n:
            y = ends[x]
            word = block[x:y]
            if y - x == 1 and _ALNUM.match(word):
                buf += word  # single letters and digits run together
            else:
                if buf:
                    out.append((buf, True))
                    buf = ""
                out.append((word, False))
            x = y
        if buf:
            out.append((buf, True))
        return out

    def words(self, text: str) -> list[str]:
        """``list(tokenizer.cut(text, HMM=False))``."""
        out: list[str] = []
        for block in _HAN.split(text):
            if not block:
                continue
            if _HAN.match(block):
                out.extend(word for word, _ in self.block_words(block))
            else:
                for part in _SKIP.split(block):
                    if _SKIP.match(part):
                        out.append(part)
                    else:
                        out.extend(part)
        return out

    def tagged(self, text: str, tags: dict[str, str]) -> list[tuple[str, str]]:
        """``[(p.word, p.flag) for p in POSTokenizer(tokenizer).cut(text, HMM=False)]``."""
        out: list[tuple[str, str]] = []
        for block in _HAN_POS.split(text):
            if _HAN_POS.match(block):
                out.extend((w, "eng" if eng else tags.get(w, "x")) for w, eng in self.block_words(block))
            else:
                for part in _SKIP.split(block):
                    if _SKIP.match(part):
                        out.append((part, "x"))
                        continue
                    eng = _ENG.match(part) is not None  # jieba tests the whole part here
                    for ch in part:
                        out.append((ch, "m" if _NUM.match(ch) else "eng" if eng else "x"))
        return out


@cache
def _tokenizers() -> tuple[_Router, Any]:
    """Build the tokenizer and its part-of-speech tokenizer (once), with the queued user words.

    The dictionary is a copy of the plain tokenizer's (a dict copy instead of a second load from
    disk: half a second in every process that parses).
    """
    global _loaded
    import jieba
    import jieba.posseg

    plain = plain_tokenizer()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = dict(plain.FREQ), plain.total
    tokenizer.initialized = True
    pos_tokenizer = jieba.posseg.POSTokenizer(tokenizer)
    with _lock:
        for word in _pending:
            tokenizer.add_word(word, tag=USER_WORD_TAG)
        _pending.clear()
        _loaded = True
    return _Router(tokenizer), pos_tokenizer


@cache
def _plain_router() -> _Router:
    return _Router(plain_tokenizer())


@cache
def plain_tokenizer() -> Any:
    """A tokenizer with jieba's own dictionary only, never given user words.

    Word-boundary checks use it: with 最美湘警 added as a user word, the plain cut still shows that
    湘警 is a word of its own, and a lexicon term does not vouch for its own boundaries.
    """
    import jieba

    # jieba logs "Building prefix dict …" at DEBUG level on stderr when it loads.
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def plain_cut(text: str) -> list[str]:
    """Split ``text`` into words with jieba's own dictionary (no user words).

    >>> plain_cut("抓获犯罪嫌疑人")
    ['抓获', '犯罪', '嫌疑人']
    """
    if not text:
        return []
    return _plain_router().words(text)


def plain_word_ends(text: str, start: int, stop: int) -> list[int]:
    """The ends of jieba's own dictionary words (no user words) that start at ``start`` and end by
    ``stop``: what a cut of ``text[:stop]`` could take as a word there.

    >>> plain_word_ends("抓获犯罪嫌疑人", 4, 7)
    [5, 6, 7]
    """
    freq: dict[str, int] = plain_tokenizer().FREQ
    out: list[int] = []
    i = start + 1
    while i <= stop:
        f = freq.get(text[start:i])
        if f is None:
            break
        if f:
            out.append(i)
        i += 1
    return out


def add_words(words: Iterable[str]) -> None:
    """Keep ``words`` whole when segmenting (initiatives, names), without loading jieba yet."""
    with _lock:
        fresh = [w for w in (w.strip() for w in words) if w and w not in _added]
        _added.update(fresh)
        if not fresh:
            return
        if not _loaded:
            _pending.extend(fresh)
            return
    router = _tokenizers()[0]
    for word in fresh:
        router.tokenizer.add_word(word, tag=USER_WORD_TAG)
    router.forget()


def cut(text: str) -> list[str]:
    """Split ``text`` into words.

    >>> cut("抓获犯罪嫌疑人")
    ['抓获', '犯罪', '嫌疑人']
    """
    if not text:
        return []
    return _tokenizers()[0].words(text)


def opens_word(text: str) -> bool:
    """Whether some dictionary word (user words included) starts with ``text``: where none does,
    a cut cannot join ``text`` into one word, and a caller can skip the cut.

    >>> opens_word("个人"), opens_word("个百")
    (True, False)
    """
    return text in _tokenizers()[0].tokenizer.FREQ


def pos_cut(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (word, part-of-speech tag) pairs, jieba's tag set (n, v, m, x …).

    >>> pos_cut("抓获嫌疑人")
    [('抓获', 'v'), ('嫌疑人', 'n')]
    """
    if not text:
        return []
    router, pos_tokenizer = _tokenizers()
    pos_tokenizer.makesure_userdict_loaded()  # user words' tags
    return router.tagged(text, pos_tokenizer.word_tag_tab)
