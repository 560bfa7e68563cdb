"""One file → articles.

A magazine compilation holds an editor's preface (ending ``--编者``) and several signed
articles, each opening with a title line that ends in its author's positions and name, or a
title followed by a byline line (``■ NAME``, ``文/NAME``, ``本刊记者 NAME``, ``POSITION NAME``).
Each signed article becomes its own segment; the preface is not an article. A file without
several signed heads is one article.
"""

from __future__ import annotations

import re

from .byline import parse_byline_line, parse_editor, parse_mark_byline, parse_trailing_byline
from .clean import CleanDoc, Para

_PREFACE_END = re.compile(r"^[-—–－]{1,3}\s*编\s*者\s*$|^[（(]\s*编\s*者\s*[）)]$|编者按")


def is_prose(para: Para) -> bool:
    """A body paragraph rather than a title line: it holds a full stop or runs long."""
    return "。" in para.text or len(para.text) > 90


def _head_start(paras: list[Para], i: int, has_title: bool) -> int:
    """Where the article whose byline is paragraph ``i`` begins (its title line)."""
    if has_title:
        return i
    j = i
    while j > 0 and i - j < 3:
        prev = paras[j - 1]
        if prev.kind != "text" or is_prose(prev) or _PREFACE_END.search(prev.text):
            break
        j -= 1
    return j


def article_heads(paras: list[Para]) -> list[int]:
    """Indexes of the paragraphs where signed articles begin."""
    heads: list[int] = []
    for i, para in enumerate(paras):
        if para.kind != "text" or (is_prose(para) and len(para.text) > 120) or parse_editor(para.raw):
            continue
        trailing = parse_trailing_byline(para.raw)
        if trailing is not None and "。" not in para.text:
            heads.append(_head_start(paras, i, bool(trailing.prefix)))
        elif parse_mark_byline(para.raw) or (
            "。" not in para.text and parse_byline_line(para.raw, bare=False)
        ):
            heads.append(_head_start(paras, i, False))
    return sorted(set(heads))


def split_articles(doc: CleanDoc) -> list[list[Para]]:
    """The paragraphs of each article of a file, in reading order."""
    paras = doc.paras
    heads = article_heads(paras)
    if len(heads) < 2:
        return [paras] if paras else []
    segments: list[list[Para]] = []
    preface = paras[: heads[0]]
    if preface and not _is_preface(preface):
        segments.append(preface)
    for a, b in zip(heads, [*heads[1:], len(paras)], strict=True):
        segments.append(paras[a:b])
    return segments


def _is_preface(paras: list[Para]) -> bool:
    """An editor's note or a compilation's own heading: no byline, or closing with --编者."""
    if any(_PREFACE_END.search(p.text) for p in paras):
        return True
    return sum(len(p.text) for p in paras if p.kind == "text") < 400
