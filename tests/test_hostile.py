"""Hostile and broken input: bad files, broken databases, and injection through every query.

- Bad files (random bytes, GB18030 byte soup, truncated UTF-8, mixed encodings, NULs, a 1 GB
  sparse file, symlink loops, FIFOs, unreadable files, parser crashes and runaway parses): each
  is one line on stderr naming the file, the run goes on, and the good files land.
- Broken databases (not SQLite, truncated, newer schema, read-only): one clear line, no traceback,
  the file unchanged; queries on a read-only database still work.
- Injection: ``sql`` and every filter with the usual payloads; the database is unchanged and the
  answers are right (a filter matches its text literally: ``%`` matches only a literal %).

Tests run as root in CI, where chmod does not stop reads or writes: the unreadable-file and
read-only-database tests then run the CLI under ``setpriv`` without CAP_DAC_OVERRIDE.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import inspect, text

import policykb
from policykb.cli import main
from policykb.errors import PolicyKBError, QueryError
from policykb.load import read_source
from policykb.store.db import open_engine

from .conftest import ON_PG, SEEDS, _drop_pg_database, _pg_database, sqlite_only
from .helpers_corpus import stopped_after

ARTICLE = (
    "深化平安建设 护航高质量发展\n\n■ 周明远\n\n一、坚持党的领导\n\n"
    "全省公安机关要坚持和发展新时代“枫桥经验”，依法打掉犯罪团伙12个。\n\n"
    "二、推进改革\n\n要深化“两队一室”改革，严禁以罚代管。\n"
)
GB = 1024**3


# ----------------------------------------------------------------------------- helpers


def run(*args: str, db: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", db, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(code: int, err: str, *words: str) -> str:
    """A non-zero exit with exactly one line on stderr, no traceback, containing ``words``."""
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def without_dac_override() -> list[str] | None:
    """A command prefix under which file permissions apply: none needed for a normal user; for root,
    ``setpriv`` dropping CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH; None when that is not possible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else None


def cli_process(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """The CLI in a fresh process where chmod is honoured (see without_dac_override)."""
    prefix = without_dac_override()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    cmd = [*prefix, sys.executable, "-m", "policykb.cli", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


# ----------------------------------------------------------------------------- bad files

BadFile = Callable[[Path], None]


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(4096))


def _gb18030_soup(path: Path) -> None:
    """High bytes only: every pair decodes as GB18030, none of it is text."""
    rng = random.Random(8)
    path.write_bytes(bytes(rng.randrange(0x81, 0xFF) for _ in range(4096)))


def _truncated_utf8(path: Path) -> None:
    path.write_bytes(ARTICLE.rstrip("\n").encode("utf-8")[:-1])  # the last character cut in half


def _utf8_then_gbk(path: Path) -> None:
    half = len(ARTICLE) // 2
    path.write_bytes(ARTICLE[:half].encode("utf-8") + ARTICLE[half:].encode("gb18030"))


def _gbk_then_utf8(path: Path) -> None:
    half = len(ARTICLE) // 2
    path.write_bytes(ARTICLE[:half].encode("gb18030") + ARTICLE[half:].encode("utf-8"))


def _nul_bytes(path: Path) -> None:
    path.write_bytes(ARTICLE.encode("utf-8").replace("改革".encode(), b"\x00\x00"))


def _utf16_without_bom(path: Path) -> None:
    path.write_bytes(ARTICLE.encode("utf-16-le"))


def _control_characters(path: Path) -> None:
    path.write_text("".join(ch + "\x01" for ch in ARTICLE), encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _blank(path: Path) -> None:
    path.write_text(" \n\u3000\n\t\n", encoding="utf-8")


def _sparse_1gb(path: Path) -> None:
    path.touch()
    os.truncate(path, GB)


def _symlink_to_itself(path: Path) -> None:
    path.symlink_to(path.name)


def _dangling_symlink(path: Path) -> None:
    path.symlink_to("nowhere.txt")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


BAD_FILES: list[tuple[str, BadFile, str]] = [
    ("random.txt", _random_bytes, "binary file"),
    ("gb18030_soup.txt", _gb18030_soup, "cannot decode"),
    ("truncated_utf8.txt", _truncated_utf8, "invalid byte at offset"),
    ("utf8_then_gbk.txt", _utf8_then_gbk, "truncated or mixed encodings"),
    ("gbk_then_utf8.txt", _gbk_then_utf8, "mixed with UTF-8"),
    ("nul.txt", _nul_bytes, "binary file"),
    ("utf16_no_bom.txt", _utf16_without_bom, "binary file"),
    ("controls.txt", _control_characters, "binary file"),
    ("empty.txt", _empty, "empty file"),
    ("blank.txt", _blank, "empty file"),
    ("sparse_1gb.txt", _sparse_1gb, "file too large (1,073,741,824 bytes"),
    ("self_loop.txt", _symlink_to_itself, "Too many levels of symbolic links"),
    ("dangling.txt", _dangling_symlink, "No such file or directory"),
    ("fifo.txt", _fifo, "not a regular file"),
]


def _good_folder(folder: Path, count: int = 2) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        p = folder / f"good_{i}.txt"
        p.write_text(ARTICLE.replace("12个", f"{12 + i}个"), encoding="utf-8")
        paths.append(p)
    return paths


def _sources(db: str) -> list[str]:
    with policykb.open_kb(db) as kb:
        return [str(r[0]) for r in kb.sql("SELECT name FROM sources ORDER BY name").rows]


@pytest.mark.parametrize(("name", "make", "words"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_one_line_error(tmp_path: Path, name: str, make: BadFile, words: str) -> None:
    path = tmp_path / name
    make(path)
    with stopped_after(30), pytest.raises(PolicyKBError) as info:
        read_source(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and words in message and "\n" not in message


@pytest.mark.parametrize("jobs", [1, 2])
def test_cli_ingest_goes_on_past_every_bad_file(db_url: str, tmp_path: Path, jobs: int) -> None:
    folder = tmp_path / "in"
    good = _good_folder(folder)
    for name, make, _ in BAD_FILES:
        make(folder / name)
    loop = folder / "sub"
    loop.mkdir()
    (loop / "up").symlink_to("..")  # a directory symlink loop: followed once, not forever
    with stopped_after(120):
        code, out, err = run("ingest", str(folder), "--jobs", str(jobs), db=db_url)
    assert code == 1
    lines = err.strip().splitlines()
    assert "Traceback" not in err
    expected = {f"error: {folder / name}: ": words for name, _, words in BAD_FILES}
    assert len(lines) == len(expected), err
    for line in lines:
        prefix = next(p for p in expected if line.startswith(p))
        assert expected.pop(prefix) in line
    assert out.startswith(f"{len(BAD_FILES) + len(good)} files: {len(good)} stored, 0 already stored,")
    assert _sources(db_url) == [p.name for p in good]


def test_sparse_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    _sparse_1gb(path)

    def no_open(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    with pytest.raises(PolicyKBError, match="file too large"):
        read_source(path)


def test_missing_path_on_the_command_line(db_url: str, tmp_path: Path) -> None:
    good = _good_folder(tmp_path / "in", count=1)
    code, out, err = run("ingest", str(tmp_path / "nope.txt"), str(good[0]), db=db_url)
    assert_one_line_error(code, err, "nope.txt", "no such file")
    assert "1 stored" in out


@sqlite_only
def test_unreadable_file_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = _good_folder(folder)
    secret = folder / "secret.txt"
    secret.write_text(ARTICLE.replace("周明远", "吴立新"), encoding="utf-8")
    secret.chmod(0)
    db = tmp_path / "kb.db"
    proc = cli_process("ingest", str(folder), db=db)
    line = assert_one_line_error(proc.returncode, proc.stderr, str(secret), "Permission denied")
    assert line.startswith("error: ")
    assert f"{len(good)} stored" in proc.stdout
    assert _sources(str(db)) == [p.name for p in good]


@sqlite_only
def test_unreadable_file_named_on_the_command_line(tmp_path: Path) -> None:
    good = _good_folder(tmp_path / "in", count=1)
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE.replace("周明远", "吴立新"), encoding="utf-8")
    secret.chmod(0)
    db = tmp_path / "kb.db"
    proc = cli_process("ingest", str(secret), str(good[0]), db=db)
    assert_one_line_error(proc.returncode, proc.stderr, str(secret), "Permission denied")
    assert proc.returncode == 1 and "1 stored" in proc.stdout


# ----------------------------------------------------------------------------- parser failures


def _slow_or_broken_parse(real: Callable[..., Any]) -> Callable[..., Any]:
    def parse(text: str, name: str, **kwargs: Any) -> Any:
        if name.startswith("runaway"):
            while True:  # a parse that never ends
                pass
        if name.startswith("crash"):
            raise ValueError("zip() argument 2 is shorter than argument 1\nsecond line")
        return real(text, name, **kwargs)

    return parse


@pytest.mark.parametrize("jobs", [1, 2])
def test_runaway_and_crashing_parses_cost_one_file(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """The per-file time budget (POLICYKB_PARSE_TIMEOUT) stops a runaway parse; a parser exception
    is charged to its file. Workers are forked, so they see the patched parser and the variable."""
    import policykb.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "parse_text", _slow_or_broken_parse(ingest_module.parse_text))
    monkeypatch.setenv("POLICYKB_PARSE_TIMEOUT", "0.5")
    ingest_module.parse_text("预热。", "warm")  # jieba loads outside the budget
    folder = tmp_path / "in"
    good = _good_folder(folder)
    (folder / "runaway.txt").write_text(ARTICLE.replace("周明远", "吴立新"), encoding="utf-8")
    (folder / "crash.txt").write_text(ARTICLE.replace("周明远", "林海"), encoding="utf-8")
    with stopped_after(60):
        code, _, err = run("ingest", str(folder), "--jobs", str(jobs), db=db_url)
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # the caller's own alarm was put back
    assert code == 1 and "Traceback" not in err
    lines = sorted(err.strip().splitlines())
    assert lines == [
        f"error: {folder / 'crash.txt'}: parser error (ValueError: zip() argument 2 is shorter than "
        "argument 1); please report it",
        f"error: {folder / 'runaway.txt'}: parsing took longer than 0.5 s; file skipped",
    ]
    assert _sources(db_url) == [p.name for p in good]


# ----------------------------------------------------------------------------- broken databases


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small SQLite knowledge base (WAL mode, as policykb leaves it), checkpointed: everything is
    in the main file, so copying that file copies the database."""
    path = tmp_path_factory.mktemp("good") / "kb.db"
    with policykb.open_kb(path) as kb:
        assert kb.ingest([SEEDS / "001_61c4b67b3b4ec782.txt", SEEDS / "003_32807b01a9652c49.txt"]).ok
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def _copy(src: Path, dest: Path) -> Path:
    shutil.copyfile(src, dest)
    return dest


QUERY_COMMANDS = [("stats",), ("documents",), ("provinces", "枫桥经验"), ("sql", "SELECT 1")]


@sqlite_only
@pytest.mark.parametrize("command", [("ingest", str(SEEDS / "004_b7f468352ddaff21.txt")), *QUERY_COMMANDS])
def test_not_sqlite_is_one_line_error(tmp_path: Path, command: tuple[str, ...]) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes("这不是数据库。\n".encode() * 200)
    before = file_digest(path)
    code, _, err = run(*command, db=str(path))
    assert_one_line_error(code, err, str(path), "not a SQLite database")
    assert file_digest(path) == before


@sqlite_only
@pytest.mark.parametrize("command", [("ingest", str(SEEDS / "004_b7f468352ddaff21.txt")), *QUERY_COMMANDS])
def test_foreign_sqlite_database_is_one_line_error(tmp_path: Path, command: tuple[str, ...]) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE bookmarks (url TEXT)")
    con.commit()
    con.close()
    code, _, err = run(*command, db=str(path))
    assert_one_line_error(code, err, str(path), "not a policykb database")


@sqlite_only
def test_foreign_sqlite_database_is_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE bookmarks (url TEXT)")
    con.commit()
    con.close()
    before = file_digest(path)
    code, _, _ = run("stats", db=str(path))
    assert code == 1
    assert file_digest(path) == before


@sqlite_only
@pytest.mark.parametrize("keep", [0.5, 0.9, 4096 / 2])
@pytest.mark.parametrize("command", [("ingest", str(SEEDS / "004_b7f468352ddaff21.txt")), *QUERY_COMMANDS])
def test_truncated_database_is_one_line_error(
    tmp_path: Path, good_db: Path, command: tuple[str, ...], keep: float
) -> None:
    data = good_db.read_bytes()
    size = int(len(data) * keep) if keep < 1 else int(keep)
    path = tmp_path / "cut.db"
    path.write_bytes(data[:size])
    before = file_digest(path)
    code, _, err = run(*command, db=str(path))
    assert_one_line_error(code, err)
    assert file_digest(path) == before


@sqlite_only
def test_truncated_database_error_names_the_file(tmp_path: Path, good_db: Path) -> None:
    path = tmp_path / "cut.db"
    path.write_bytes(good_db.read_bytes()[: good_db.stat().st_size // 2])
    code, _, err = run("stats", db=str(path))
    line = assert_one_line_error(code, err, str(path), "malformed")
    assert "internal error" not in line


@sqlite_only
@pytest.mark.parametrize("command", [("ingest", str(SEEDS / "004_b7f468352ddaff21.txt")), *QUERY_COMMANDS])
def test_newer_schema_is_one_line_error(tmp_path: Path, good_db: Path, command: tuple[str, ...]) -> None:
    path = _copy(good_db, tmp_path / "future.db")
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = 'ffffffffffff_from_the_future'")
    con.close()
    before = file_digest(path)
    code, _, err = run(*command, db=str(path))
    assert_one_line_error(code, err, str(path), "newer than this policykb")
    assert file_digest(path) == before


@sqlite_only
def test_read_only_database_answers_queries_and_refuses_ingest(tmp_path: Path, good_db: Path) -> None:
    path = _copy(good_db, tmp_path / "ro.db")
    path.chmod(0o444)
    before = file_digest(path)
    proc = cli_process("documents", "--format", "json", db=path)
    assert proc.returncode == 0, proc.stderr
    assert '"id": 1' in proc.stdout
    proc = cli_process("sql", "SELECT count(*) AS n FROM sources", "--format", "csv", db=path)
    assert (proc.returncode, proc.stdout.split()) == (0, ["n", "2"])
    proc = cli_process("search", "公安工作", db=path)
    assert proc.returncode == 0 and "«公安工作»" in proc.stdout
    proc = cli_process("ingest", str(SEEDS / "004_b7f468352ddaff21.txt"), db=path)
    line = assert_one_line_error(proc.returncode, proc.stderr)
    assert re.search(r"read-?only database", line), line
    assert file_digest(path) == before


@sqlite_only
def test_chmod_444_database_is_not_written_even_by_root(tmp_path: Path, good_db: Path) -> None:
    path = _copy(good_db, tmp_path / "ro.db")
    path.chmod(0o444)
    before = file_digest(path)
    code, _, err = run("ingest", str(SEEDS / "004_b7f468352ddaff21.txt"), db=str(path))
    assert_one_line_error(code, err, "read")
    assert file_digest(path) == before


@sqlite_only
def test_open_kb_readonly_answers_queries(tmp_path: Path, good_db: Path) -> None:
    path = _copy(good_db, tmp_path / "ro.db")
    before = file_digest(path)
    with policykb.open_kb(path, readonly=True) as kb:
        assert [r[0] for r in kb.sql("SELECT count(*) FROM documents").rows] == [2]
        assert kb.search("公安工作")
        assert kb.stats().tables["sources"] == 2
    assert file_digest(path) == before


@sqlite_only
def test_open_kb_readonly_refuses_ingest_with_a_policykb_error(tmp_path: Path, good_db: Path) -> None:
    path = _copy(good_db, tmp_path / "ro.db")
    before = file_digest(path)
    with policykb.open_kb(path, readonly=True) as kb, pytest.raises(PolicyKBError) as info:
        kb.ingest([SEEDS / "004_b7f468352ddaff21.txt"])
    assert "read-only" in str(info.value) and "\n" not in str(info.value)
    assert file_digest(path) == before


# ----------------------------------------------------------------------------- injection

# Articles whose text holds the payloads' characters literally, so a filter has true matches to find
# and false ones (a wildcard, a quote) to avoid.
LITERAL_ARTICLES = {
    "percent.txt": "全省治安形势调研报告\n\n■ 周明远\n\n一、总体情况\n\n"
    "全省刑事案件同比下降15%，群众安全感达到98.3%。\n\n二、下一步工作\n\n"
    "要确保重点场所视频监控覆盖率达到100%。\n",
    "underscore.txt": "基层治理机制研究\n\n■ 欧阳明\n\n一、A_B机制\n\n"
    "要落实“网格_联动”机制，推动矛盾纠纷就地化解，全年化解纠纷320起。\n",
    "backslash.txt": "执法规范化建设\n\n■ 李建国\n\n一、路径\\方法\n\n"
    "要坚持C\\D原则，严禁以罚代管，全年整改问题45个。\n",
    "quotes.txt": "平安建设问答\n\n■ 王立\n\n一、' OR 1=1 --式的“问责”\n\n"
    "要坚持' OR 1=1 --原则，不得\"; DROP TABLE documents; --，全年办结案件8件。\n",
}

PAYLOADS = [
    "' OR 1=1 --",
    '"; DROP TABLE documents; --',
    "' OR ''='",
    "1; DELETE FROM sources",
    "%",
    "_",
    "\\",
    "%%",
    "_%",
    "\\%",
    "[a-z]",
    "*",
    '"',
    "NEAR(要 坚持)",
    "body:要",
    "\x00",
    "a\x00b",
    "要\x00坚持",
    "\x00不存在的词",
]


@pytest.fixture(scope="module")
def inj_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Seeds plus the literal-payload articles, in a database of this module's own (SQLite or PG)."""
    folder = tmp_path_factory.mktemp("literal")
    for name, body in LITERAL_ARTICLES.items():
        (folder / name).write_text(body, encoding="utf-8")
    if ON_PG:
        name = "pkb_inj_" + os.urandom(6).hex()
        url = _pg_database(name)
    else:
        url = str(tmp_path_factory.mktemp("inj") / "kb.db")
    with policykb.open_kb(url) as kb:
        assert kb.ingest([SEEDS, folder]).ok
    yield url
    if ON_PG:
        _drop_pg_database(name)


def database_digest(url: str) -> str:
    """Every table's rows (order-free) and the schema, hashed."""
    engine = open_engine(url)
    h = hashlib.sha256()
    try:
        with engine.connect() as conn:
            names = sorted(inspect(conn).get_table_names())
            h.update(repr(names).encode())
            for name in names:
                rows = conn.execute(text(f'SELECT * FROM "{name}"')).all()
                h.update(name.encode() + repr(sorted(repr(tuple(r)) for r in rows)).encode())
    finally:
        engine.dispose()
    return h.hexdigest()


@pytest.fixture(scope="module")
def truth(inj_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """What the filters look at, fetched without any filter, so that answers are checked in Python:
    authors and bodies from their tables; figures and directives as the unfiltered API lists them
    (a figure's sentence is cut from the body by offsets, not stored)."""
    engine = open_engine(inj_url)
    with engine.connect() as conn:
        authors = conn.execute(
            text("SELECT a.document_id, p.name FROM authorships a JOIN people p ON p.id = a.person_id")
        ).all()
        bodies = conn.execute(text("SELECT id, body FROM documents")).all()
    engine.dispose()
    with policykb.open_kb(inj_url) as kb:
        figures = [(f.document_id, f.text, f.sentence, f.subject or "") for f in kb.figures()]
        directives = [(d.document_id, d.text, d.section or "") for d in kb.directives()]
    return {
        "authors": [tuple(r) for r in authors],
        "bodies": [tuple(r) for r in bodies],
        "figures": figures,
        "directives": directives,
    }


@pytest.fixture(scope="module")
def digest_before(inj_url: str) -> str:
    return database_digest(inj_url)


def _answer(kb: Any, query: str, payload: str) -> Counter[tuple[Any, ...]]:
    """What the API answers, as a multiset of comparable keys."""
    if query == "author":
        return Counter((r.id,) for r in kb.documents(author=payload))
    if query == "text":
        return Counter((r.id,) for r in kb.documents(text=payload))
    if query == "search":
        return Counter((r.document_id,) for r in kb.search(payload, limit=None))
    if query == "subject":
        return Counter((r.document_id, r.text, r.sentence) for r in kb.figures(subject=payload))
    if query == "directive_text":
        return Counter((r.document_id, r.text) for r in kb.directives(text=payload))
    if query == "section":
        return Counter((r.document_id, r.text) for r in kb.directives(section=payload))
    raise AssertionError(query)


def _expected(truth: dict[str, list[tuple[Any, ...]]], query: str, p: str) -> Counter[tuple[Any, ...]]:
    """The right answer: rows whose text contains the payload literally."""
    if query == "author":
        return Counter({(d,): 1 for d, name in truth["authors"] if p in name})
    if query in ("text", "search"):
        return Counter({(d,): 1 for d, body in truth["bodies"] if p.strip() and p.strip() in body})
    if query == "subject":
        return Counter((d, t, s) for d, t, s, subj in truth["figures"] if p in subj or p in s)
    if query == "directive_text":
        return Counter((d, t) for d, t, _ in truth["directives"] if p in t)
    if query == "section":
        return Counter((d, t) for d, t, title in truth["directives"] if p in title)
    raise AssertionError(query)


FILTERS = ["author", "text", "search", "subject", "directive_text", "section"]


def _filter_params() -> list[Any]:
    params = []
    for query in FILTERS:
        for payload in PAYLOADS:
            params.append(pytest.param(query, payload, id=f"{query}-{payload!r}"))
    return params


@pytest.mark.parametrize(("query", "payload"), _filter_params())
def test_filters_match_payloads_literally(
    inj_url: str,
    truth: dict[str, list[tuple[Any, ...]]],
    digest_before: str,
    query: str,
    payload: str,
) -> None:
    with policykb.open_kb(inj_url) as kb:
        try:
            got = _answer(kb, query, payload)
        except QueryError as err:  # refusing a NUL, or empty search text, is a fine answer too
            assert "\x00" in payload or not payload.strip(), err
            got = Counter()
    assert got == _expected(truth, query, payload)
    assert database_digest(inj_url) == digest_before


def test_literal_percent_matches_only_literal_percent(inj_url: str, truth: dict[str, Any]) -> None:
    bodies = dict(truth["bodies"])
    with policykb.open_kb(inj_url) as kb:
        docs = kb.documents(text="%")
        figures = kb.figures(subject="%")
        underscored = kb.documents(text="_")
    assert "percent.txt" in {d.source for d in docs}
    assert all("%" in bodies[d.id] for d in docs)
    assert figures and all("%" in (f.subject or "") + f.sentence for f in figures)
    assert [d.source for d in underscored] == ["underscore.txt"]


_WILDCARDS = ("%", "_", "%%", "_%")


def _region_params() -> list[Any]:
    params = []
    for p in PAYLOADS:
        params.append(pytest.param(p, id=repr(p)))
    return params


@pytest.mark.parametrize("payload", _region_params())
def test_region_payloads_are_unknown_regions(inj_url: str, digest_before: str, payload: str) -> None:
    with policykb.open_kb(inj_url) as kb:
        for ask in (
            lambda: kb.documents(region=payload),
            lambda: kb.figures(region=payload),
            lambda: kb.directives(region=payload),
            lambda: kb.initiatives(region=payload),
            lambda: kb.compare(payload, "山东"),
        ):
            with pytest.raises(QueryError, match=r"unknown region|NUL"):
                ask()
    assert database_digest(inj_url) == digest_before


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if "\x00" not in p])
def test_cli_filters_with_payloads_exit_cleanly(inj_url: str, digest_before: str, payload: str) -> None:
    for args in (
        ("documents", "--author", payload),
        ("documents", "--text", payload),
        ("figures", "--subject", payload),
        ("directives", "--text", payload, "--section", payload),
        ("search", payload),
        ("provinces", payload),
    ):
        code, _, err = run(*args, db=inj_url)
        assert code in (0, 1) and "Traceback" not in err and len(err.strip().splitlines()) <= 1, (args, err)
    assert database_digest(inj_url) == digest_before


SQL_REFUSED = [
    "DROP TABLE documents",
    "DELETE FROM sources",
    "UPDATE documents SET title = 'x'",
    "INSERT INTO people (name) VALUES ('x')",
    "SELECT 1; DROP TABLE documents",
    "SELECT * FROM documents; DELETE FROM documents",
    "WITH x AS (SELECT 1) DELETE FROM documents",
    "CREATE TABLE t (x)",
    "ALTER TABLE documents ADD COLUMN x",
    "' OR 1=1 --",
    '"; DROP TABLE documents; --',
    "SELECT 1\x00; DROP TABLE documents",
]
SQL_REFUSED_SQLITE = [
    "ATTACH DATABASE ':memory:' AS x",
    "PRAGMA writable_schema = ON",
    "PRAGMA journal_mode = DELETE",
    "SELECT load_extension('/tmp/evil')",
    "VACUUM INTO '/tmp/policykb_evil.db'",
    "REPLACE INTO people (id, name) VALUES (1, 'x')",
    "CREATE TEMP TABLE t (x)",
    "INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')",
]
SQL_REFUSED_PG = [
    "WITH x AS (DELETE FROM documents RETURNING id) SELECT * FROM x",
    "SELECT nextval('documents_id_seq')",
    "COPY documents TO '/tmp/policykb_evil.csv'",
    "SELECT id FROM documents LIMIT 1 FOR UPDATE",
]


@pytest.mark.parametrize("statement", SQL_REFUSED + (SQL_REFUSED_PG if ON_PG else SQL_REFUSED_SQLITE))
def test_sql_refuses_everything_but_reading(inj_url: str, digest_before: str, statement: str) -> None:
    with policykb.open_kb(inj_url) as kb, pytest.raises(QueryError) as info:
        kb.sql(statement)
    assert "\n" not in str(info.value)
    assert database_digest(inj_url) == digest_before
    assert not Path("/tmp/policykb_evil.db").exists()


def test_sql_payload_as_a_quoted_literal_is_just_data(inj_url: str, truth: dict[str, Any]) -> None:
    with policykb.open_kb(inj_url) as kb:
        rows = kb.sql("SELECT id FROM documents WHERE body LIKE '%'' OR 1=1 --%' ORDER BY id").rows
    assert [r[0] for r in rows] == sorted(d for d, body in truth["bodies"] if "' OR 1=1 --" in body)


def test_sql_readable_after_refusals(inj_url: str) -> None:
    """The refused statements leave the pooled connection usable and read-only mode switched off."""
    with policykb.open_kb(inj_url) as kb:
        for statement in SQL_REFUSED:
            with pytest.raises(QueryError):
                kb.sql(statement)
        assert kb.sql("SELECT count(*) FROM sources").rows[0][0] == 5 + len(LITERAL_ARTICLES)
        assert kb.documents(author="周明远")


def test_bom_and_encodings_still_land(db_url: str, tmp_path: Path) -> None:
    """The stricter decoder still takes what real files look like."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gbk.txt").write_bytes(ARTICLE.encode("gb18030"))
    (folder / "bom.txt").write_bytes(codecs.BOM_UTF8 + ARTICLE.replace("12个", "13个").encode())
    (folder / "utf16.txt").write_bytes(ARTICLE.replace("12个", "14个").encode("utf-16"))
    with policykb.open_kb(db_url) as kb:
        report = kb.ingest([folder])
    assert report.ok and report.stored == 3, report.failed


@sqlite_only
def test_a_folders_own_documentation_and_hidden_files_are_not_articles(tmp_path: Path) -> None:
    """A collection folder's README.md / SOURCES.md and a .git folder are not articles; named on the
    command line, such a file is ingested as asked."""
    folder = tmp_path / "in"
    good = _good_folder(folder, count=2)
    (folder / "SOURCES.md").write_text("# Sources\n\n- 013.txt: 某县公安局调研报告\n", encoding="utf-8")
    (folder / "README.txt").write_text("这些文章来自公开网站。\n", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "notes.md").write_text(ARTICLE.replace("周明远", "吴立新"), encoding="utf-8")
    db = tmp_path / "kb.db"
    proc = cli_process("ingest", str(folder), db=db)
    assert proc.returncode == 0, proc.stderr
    assert _sources(str(db)) == [p.name for p in good]
    proc = cli_process("ingest", str(folder / "SOURCES.md"), db=db)
    assert proc.returncode == 0, proc.stderr
    assert "SOURCES.md" in _sources(str(db))
