"""Folding for matching: full-width digits and letters to ASCII, traditional characters to
simplified. One character for one, so offsets in the folded text are offsets in the original."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import read_tsv


@cache
def _table() -> dict[int, str]:
    table = {cp: chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)}  # ０-９
    table.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
    table.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
    table[0xFF05] = "%"  # ％
    table[0xFF0E] = "."  # ．
    table[0xFF0B] = "+"  # ＋
    for trad, simp in read_tsv("trad_simp.tsv"):
        table[ord(trad)] = simp
    return table


@cache
def _foldable() -> re.Pattern[str]:
    """Any character the table changes (most paragraphs hold none: they are returned as they are)."""
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_table())) + "]")


def fold_for_matching(text: str) -> str:
    """The text with width and script folded, same length as the input.

    >>> fold_for_matching("楓橋經驗１２３％")
    '枫桥经验123%'
    >>> fold_for_matching("八个显著提升")  # 著 is simplified too: kept
    '八个显著提升'
    """
    if _foldable().search(text) is None:
        return text
    return text.translate(_table())
