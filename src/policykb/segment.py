"""The package's one jieba tokenizer: loaded on first use, quiet, with its own user words.

jieba's module-level functions share one global dictionary, so words added there leak into
every other user of jieba in the process. policykb owns a ``jieba.Tokenizer()`` instance and a
``jieba.posseg.POSTokenizer`` on top of it instead. Loading the dictionary costs about a second:
nothing is loaded until text is segmented for the first time.

Segmentation runs without jieba's HMM for unknown words: the extractors only segment short
windows, where a dictionary cut is good enough and some 20 times faster.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from functools import cache
from typing import Any

USER_WORD_TAG = "nz"  # user words are names (initiatives, programmes): tag them as proper nouns

_lock = threading.Lock()
_pending: list[str] = []  # user words added before the tokenizer was loaded
_added: set[str] = set()  # every user word given so far
_loaded = False


@cache
def _tokenizers() -> tuple[Any, Any]:
    """Build the tokenizer and its part-of-speech tokenizer (once), with the queued user words."""
    global _loaded
    import jieba
    import jieba.posseg

    # jieba logs "Building prefix dict …" at DEBUG level on stderr when it loads.
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    pos_tokenizer = jieba.posseg.POSTokenizer(tokenizer)
    with _lock:
        for word in _pending:
            tokenizer.add_word(word, tag=USER_WORD_TAG)
        _pending.clear()
        _loaded = True
    return tokenizer, pos_tokenizer


@cache
def plain_tokenizer() -> Any:
    """A second tokenizer with jieba's own dictionary only, never given user words.

    Word-boundary checks use it: with 最美湘警 added as a user word, the plain cut still shows that
    湘警 is a word of its own, and a lexicon term does not vouch for its own boundaries.
    """
    import jieba

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
    return list(plain_tokenizer().cut(text, HMM=False))


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
    tokenizer = _tokenizers()[0]
    for word in fresh:
        tokenizer.add_word(word, tag=USER_WORD_TAG)


def cut(text: str) -> list[str]:
    """Split ``text`` into words.

    >>> cut("抓获犯罪嫌疑人")
    ['抓获', '犯罪', '嫌疑人']
    """
    if not text:
        return []
    return list(_tokenizers()[0].cut(text, HMM=False))


def pos_cut(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (word, part-of-speech tag) pairs, jieba's tag set (n, v, m, x …).

    >>> pos_cut("抓获嫌疑人")
    [('抓获', 'v'), ('嫌疑人', 'n')]
    """
    if not text:
        return []
    return [(pair.word, pair.flag) for pair in _tokenizers()[1].cut(text, HMM=False)]
