"""Read a source file: bytes → decoded text, with the encoding detected and bad input refused."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import BinaryFileError, DecodeError, EmptyFileError, FileTooLargeError, UnreadableError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".md")
# A folder's own documentation, not an article: skipped when a folder is walked (named on the command
# line, such a file is ingested like any other).
NOT_ARTICLES = frozenset({"readme", "sources", "license", "licence", "changelog", "contributing"})
# A UTF-8 file broken after this many multi-byte characters is UTF-8 with bad bytes (truncated, or
# another encoding pasted in), not a GB18030 file that happened to start like UTF-8.
UTF8_PREFIX_CHARS = 16
# Runs of three UTF-8-encoded CJK characters: never seen in real GB18030 text, common when a
# UTF-8 paragraph sits in a GB18030 file.
_UTF8_CJK_RUN = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){3}")
_CJK = re.compile(r"[\u3400-\u9fff]")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# In real GB18030/GBK Chinese text nearly every ideograph is in GB2312 and none is private-use;
# bytes that only happen to decode (random data, Big5, mojibake) fall far below these shares.
MIN_GB2312_SHARE = 0.8
MAX_PRIVATE_USE_SHARE = 0.01
SAMPLE_CHARS = 20000


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
    data = _read_bytes(p, shown, max_bytes)
    text, encoding = decode_bytes(data, shown)
    return SourceText(shown, p.name, hashlib.sha256(data).hexdigest(), len(data), encoding, text)


def _read_bytes(p: Path, shown: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing by its size before reading (a 1 GB sparse file costs one stat) and
    refusing anything but a regular file (a FIFO would block the run forever, a device never ends)."""
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableError(shown, "not a regular file")
        if st.st_size > max_bytes:
            raise FileTooLargeError(shown, st.st_size, max_bytes)
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as err:
        raise UnreadableError(shown, err.strerror or type(err).__name__) from None
    if len(data) > max_bytes:  # it grew between stat and read
        raise FileTooLargeError(shown, len(data), max_bytes)
    return data


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
    except UnicodeDecodeError as err:
        bad_at = err.start
    if _is_broken_utf8(data, bad_at):
        raise DecodeError(path, [f"utf-8 (invalid byte at offset {bad_at}: truncated or mixed encodings)"])
    tried = f"utf-8 (invalid byte at offset {bad_at})"
    if _UTF8_CJK_RUN.search(data):
        raise DecodeError(path, [tried, "gb18030 (mixed with UTF-8)"])
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DecodeError(path, [tried, "gb18030"]) from None
    why = _implausible_gb18030(text)
    if why:
        raise DecodeError(path, [tried, f"gb18030 ({why})"])
    return _checked(text, path), "gb18030"


def _is_broken_utf8(data: bytes, bad_at: int) -> bool:
    """Valid UTF-8 with many multi-byte characters up to ``bad_at``: a UTF-8 file with bad bytes.

    >>> cut = "公安工作高质量发展新篇章奋力谱写新征程".encode()[:-1]  # the last character cut in half
    >>> _is_broken_utf8(cut, len(cut) - 2)
    True
    >>> _is_broken_utf8("公安".encode("gbk"), 0)
    False
    """
    prefix = data[:bad_at].decode("utf-8")
    return len(_NON_ASCII.findall(prefix[:SAMPLE_CHARS])) >= UTF8_PREFIX_CHARS


def _implausible_gb18030(text: str) -> str | None:
    """Why text that decoded as GB18030 is not real GB18030 text, or None when it looks real."""
    sample = text[:SAMPLE_CHARS]
    non_ascii = len(_NON_ASCII.findall(sample))
    if non_ascii and len(_PRIVATE_USE.findall(sample)) > MAX_PRIVATE_USE_SHARE * non_ascii:
        return "private-use characters: not text in this encoding"
    ideographs = "".join(_CJK.findall(sample))
    common = len(ideographs.encode("gb2312", errors="ignore")) // 2
    if ideographs and common < MIN_GB2312_SHARE * len(ideographs):
        return "mostly rare characters: not text in this encoding"
    return None


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


def _is_article_file(name: str) -> bool:
    """Whether a file met in a folder walk is taken as a source.

    >>> [_is_article_file(n) for n in ("013.txt", "新闻.md", "SOURCES.md", "readme.txt", ".x.txt", "a.pdf")]
    [True, True, False, False, False, False]
    """
    lower = name.lower()
    if not lower.endswith(SUFFIXES) or name.startswith("."):
        return False
    return lower.rsplit(".", 1)[0] not in NOT_ARTICLES


def iter_source_paths(paths: list[str]) -> list[Path]:
    """Files to ingest: the files given, and the .txt/.md files under each folder, sorted, no duplicates.

    In a folder, hidden files and folders (.git) and the folder's own documentation (README.md,
    SOURCES.md, LICENSE.txt …) are left out. Symlink loops are not followed twice.
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
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if _is_article_file(name):
                        found.append(Path(root_s) / name)
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
