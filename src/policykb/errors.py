"""Errors: one class per condition, each a one-line message naming the file and the problem."""

from __future__ import annotations


class PolicyKBError(Exception):
    """Base class of every error policykb raises on purpose."""


class InputError(PolicyKBError):
    """A source file that cannot be read as an article."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class EmptyFileError(InputError):
    def __init__(self, path: str) -> None:
        super().__init__(path, "empty file")


class BinaryFileError(InputError):
    def __init__(self, path: str) -> None:
        super().__init__(path, "binary file (not text)")


class DecodeError(InputError):
    def __init__(self, path: str, tried: list[str]) -> None:
        super().__init__(path, f"cannot decode text (tried {', '.join(tried)})")
        self.tried = tried


class FileTooLargeError(InputError):
    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(path, f"file too large ({size:,} bytes; limit {limit:,} bytes, see --max-size)")


class UnreadableError(InputError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(path, f"cannot read file ({why})")


class ParseTimeoutError(InputError):
    def __init__(self, path: str, seconds: float) -> None:
        super().__init__(path, f"parsing took longer than {seconds:g} s; file skipped")


class DatabaseError(PolicyKBError):
    """The database cannot be used: not a policykb database, too new, corrupt, unreachable."""


class QueryError(PolicyKBError):
    """A question that cannot be answered as asked (bad SQL, unknown region, refused statement)."""
