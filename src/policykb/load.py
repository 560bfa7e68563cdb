"""Read a source file: bytes → decoded text, with the encoding detected and bad input refused."""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import BinaryFileError, DecodeError, EmptyFileError, FileTooLargeError, UnreadableError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class SourceText:
    path: str
    name: str
    sha256: str
    size: int
    encoding: str
    text: str


def read_source(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode one file, raising an :class:`InputError` subclass for bad input."""
    p = Path(path)
    shown = str(p)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise FileTooLargeError(shown, size, max_bytes)
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as err:
        raise UnreadableError(shown, err.strerror or type(err).__name__) from None
    if len(data) > max_bytes:
        raise FileTooLargeError(shown, len(data), max_bytes)
    text, encoding = decode_bytes(data, shown)
    return SourceText(shown, p.name, hashlib.sha256(data).hexdigest(), len(data), encoding, text)


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

    >>> decode_bytes("公安".encode("gbk"))
    ('公安', 'gb18030')
    >>> decode_bytes(codecs.BOM_UTF8 + "公安".encode())
    ('公安', 'utf-8-sig')
    """
    if not data.strip():
        raise EmptyFileError(path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), path), "utf-16"
        except UnicodeDecodeError:
            raise DecodeError(path, ["utf-16"]) from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _checked(data[3:].decode("utf-8"), path), "utf-8-sig"
        except UnicodeDecodeError:
            raise DecodeError(path, ["utf-8-sig"]) from None
    if b"\x00" in data:
        raise BinaryFileError(path)
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("gb18030"), path), "gb18030"
    except UnicodeDecodeError:
        raise DecodeError(path, ["utf-8", "gb18030"]) from None


def _checked(text: str, path: str) -> str:
    """Refuse text that decoded but is not prose: empty, NULs, or mostly control characters."""
    if not text.strip():
        raise EmptyFileError(path)
    if "\x00" in text:
        raise BinaryFileError(path)
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(sample) // 100):
        raise BinaryFileError(path)
    if not any("\u3400" <= ch <= "\u9fff" for ch in sample):
        # GB18030 decodes nearly any byte string; a real article has Chinese in it.
        letters = sum(1 for ch in sample if ch.isalpha())
        if letters < len(sample.strip()) // 2:
            raise BinaryFileError(path)
    return text


def iter_source_paths(paths: list[str]) -> list[Path]:
    """Files to ingest: the files given, and the .txt/.md files under each folder, sorted, no duplicates.

    Symlink loops are not followed twice.
    """
    found: list[Path] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root_s, dirs, files in os.walk(p, followlinks=True):
                real = os.path.realpath(root_s)
                if real in seen:
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs.sort()
                for f in sorted(files):
                    if f.lower().endswith(SUFFIXES):
                        found.append(Path(root_s) / f)
        else:
            found.append(p)
    unique: list[Path] = []
    keys: set[str] = set()
    for f in found:
        key = os.path.realpath(f)
        if key not in keys:
            keys.add(key)
            unique.append(f)
    return unique
