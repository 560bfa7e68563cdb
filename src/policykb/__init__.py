"""policykb: a structured knowledge base of Chinese policy writing.

>>> import policykb
>>> kb = policykb.open_kb("kb.db")            # doctest: +SKIP
>>> kb.ingest(["seeds/"])                     # doctest: +SKIP
>>> kb.provinces("枫桥经验")                   # doctest: +SKIP

Nothing heavy happens at import: jieba's dictionary loads only when text is parsed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "KnowledgeBase",
    "PolicyKBError",
    "__version__",
    "open_kb",
    "parse_file",
    "parse_text",
]

if TYPE_CHECKING:
    from .api import KnowledgeBase, open_kb, parse_file, parse_text
    from .errors import PolicyKBError

_LAZY = {
    "KnowledgeBase": "policykb.api",
    "open_kb": "policykb.api",
    "parse_text": "policykb.api",
    "parse_file": "policykb.api",
    "PolicyKBError": "policykb.errors",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'policykb' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
