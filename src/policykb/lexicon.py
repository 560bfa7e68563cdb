"""Loads the word lists and patterns in ``policykb/data`` once each.

Data files are UTF-8 text; lines starting with ``#`` are comments (every file opens with
one naming what it holds and where it came from); blank lines are ignored.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The non-comment, non-blank lines of a data file, stripped."""
    text = resources.files("policykb").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def read_words(name: str) -> frozenset[str]:
    """A word list: one word per line (anything after a tab is a note and ignored)."""
    return frozenset(line.split("\t")[0].strip() for line in read_lines(name))


@cache
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated file; its first non-comment line is the header and is skipped."""
    rows = read_lines(name)
    return tuple(tuple(cell.strip() for cell in row.split("\t")) for row in rows[1:])


@cache
def read_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """One regular expression per line."""
    return tuple(re.compile(line) for line in read_lines(name))


def alternation(words: frozenset[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first so the longest match wins.

    >>> alternation(frozenset({"厅长", "副厅长"}))
    '副厅长|厅长'
    """
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
