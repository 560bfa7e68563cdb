"""Every occurrence of a growing set of strings in a text, found in one compiled pass.

The lexicon of known initiatives holds thousands of spellings, and each paragraph is searched for
all of them. An Aho–Corasick automaton (``pyahocorasick``, C) reports every occurrence in one pass
over the text, where a Python loop over the text's positions cost a tenth of the parse.

An automaton takes no new strings once built; rebuilding it for every string added would make a
growing lexicon quadratic. New strings go to a second, small automaton, rebuilt when it changed and
merged into the main one when it grows past a quarter of it: each string is built into an
automaton a bounded number of times on average.

>>> s = TermScanner(["两队一室", "两队一室一站"])
>>> s.add("情指行一体化")
>>> s.starts("推行两队一室一站和情指行一体化")
{2: ['两队一室一站', '两队一室'], 9: ['情指行一体化']}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ahocorasick

MIN_RECENT = 256  # the small automaton is merged into the main one past this size or a quarter of it


class TermScanner:
    """The occurrences of a set of strings, by start position."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._main_words: list[str] = list(dict.fromkeys(w for w in words if w))
        self._recent_words: list[str] = []
        self._known: set[str] = set(self._main_words)
        self._main: Any = None
        self._recent: Any = None

    def __len__(self) -> int:
        return len(self._known)

    def add(self, word: str) -> None:
        if not word or word in self._known:
            return
        self._known.add(word)
        self._recent_words.append(word)
        self._recent = None
        if len(self._recent_words) > max(MIN_RECENT, len(self._main_words) // 4):
            self._main_words.extend(self._recent_words)
            self._recent_words = []
            self._main = None

    def starts(self, text: str) -> dict[int, list[str]]:
        """Each position where some of the strings start, with those strings, longest first."""
        found: dict[int, list[str]] = {}
        for automaton in self._automata():
            for end, word in automaton.iter(text):
                found.setdefault(end - len(word) + 1, []).append(word)
        for words in found.values():
            if len(words) > 1:
                words.sort(key=len, reverse=True)
        return found

    def _automata(self) -> list[Any]:
        if self._main is None and self._main_words:
            self._main = _build(self._main_words)
        if self._recent is None and self._recent_words:
            self._recent = _build(self._recent_words)
        return [a for a in (self._main, self._recent) if a is not None]

    def __getstate__(self) -> dict[str, Any]:
        # the automata are rebuilt where they are used, not shipped to worker processes
        return {"main": self._main_words + self._recent_words}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["main"])  # type: ignore[misc]


def _build(words: list[str]) -> Any:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton
