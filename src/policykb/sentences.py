"""Sentence boundaries in cleaned Chinese text."""

from __future__ import annotations

import re

# A sentence ends at 。！？!? (with any closing quotes/brackets after it) or at a line break.
_END = re.compile(r"[。！？!?…]+[”’」』\"')）]*|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``, whitespace trimmed.

    >>> t = "要深化改革。坚持“枫桥经验”！\\n下一段"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['要深化改革。', '坚持“枫桥经验”！', '下一段']
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _END.finditer(text):
        end = m.end() if text[m.start()] != "\n" else m.start()
        _append(spans, text, pos, end)
        pos = m.end()
    _append(spans, text, pos, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
