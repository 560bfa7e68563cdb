"""The ``policykb`` command: a thin click layer over the Python API.

Each command opens the knowledge base, calls one API function, and prints through the shared
output options. Errors become one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

from .errors import PolicyKBError

F = TypeVar("F", bound=Callable[..., Any])


class State:
    def __init__(self, db: str | None) -> None:
        self.db = db

    def kb(self, *, create: bool = False) -> Any:
        from .api import open_kb

        return open_kb(self.db, create=create)


def _fail(message: str) -> click.ClickException:
    return click.ClickException(message.splitlines()[0] if message else "error")


def _guard(fn: F) -> F:
    """Turn policykb's errors (and a few others) into one-line click errors."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except PolicyKBError as err:
            raise _fail(str(err)) from None
        except KeyboardInterrupt:
            raise _fail("interrupted") from None
        except OSError as err:
            raise _fail(f"{getattr(err, 'filename', '') or ''}: {err.strerror or err}".lstrip(": ")) from None
        except Exception as err:  # the last line of defence: no traceback reaches a user
            from sqlalchemy.exc import SQLAlchemyError

            if isinstance(err, SQLAlchemyError):
                orig = getattr(err, "orig", None)
                raise _fail(f"database error: {str(orig or err).splitlines()[0]}") from None
            if os.environ.get("POLICYKB_DEBUG"):
                raise
            first = str(err).splitlines()[0] if str(err) else ""
            hint = "(set POLICYKB_DEBUG=1 for a traceback)"
            raise _fail(f"internal error: {type(err).__name__}: {first} {hint}") from None

    return wrapper  # type: ignore[return-value]


# ----------------------------------------------------------------------------- output


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _cell(value: Any, max_width: int = 60) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = str(value).replace("\n", " ")
    if _width(s) > max_width:
        out, w = "", 0
        for ch in s:
            w += _width(ch)
            if w > max_width - 1:
                break
            out += ch
        s = out + "…"
    return s


def _as_dict(row: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
    return dict(row)


def render(rows: Sequence[Any], fmt: str, columns: Sequence[str] | None = None) -> str:
    """Rows (dataclasses or dicts) as an aligned table, JSON or CSV."""
    dicts = [_as_dict(r) for r in rows]
    if fmt == "json":
        return json.dumps(dicts, ensure_ascii=False, indent=1, default=str)
    cols = list(columns or (dicts[0].keys() if dicts else []))
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        for d in dicts:
            w.writerow(["" if d.get(c) is None else d.get(c) for c in cols])
        return buf.getvalue().rstrip("\n")
    if not dicts:
        return "(no rows)"
    cells = [[_cell(d.get(c)) for c in cols] for d in dicts]
    widths = [max(_width(c), *(_width(r[i]) for r in cells)) for i, c in enumerate(cols)]

    def line(values: Iterable[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(cols), line("-" * w for w in widths)]
    out += [line(r) for r in cells]
    return "\n".join(out)


def output_options(fn: F) -> F:
    fn = click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "csv"]),
        default="table",
        show_default=True,
        help="Output format.",
    )(fn)
    fn = click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many rows.")(fn)
    return fn


# ----------------------------------------------------------------------------- group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="POLICYKB_DB",
    default=None,
    metavar="PATH_OR_URL",
    help="Database file or SQLAlchemy URL (default: $POLICYKB_DB or ./policykb.db).",
)
@click.version_option(package_name="policykb")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """policykb: a structured knowledge base of Chinese policy writing.

    Ingest articles, then ask which provinces mention an initiative, who wrote what,
    which figures were quoted and which directives were issued.

    Example:

        policykb ingest seeds/
        policykb provinces 枫桥经验
    """
    ctx.obj = State(db)


# ----------------------------------------------------------------------------- ingest / export


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--force", is_flag=True, help="Re-parse files already stored and replace their rows.")
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=20 * 1024 * 1024,
    show_default=True,
    help="Skip files larger than this many bytes.",
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Parser processes."
)
@click.pass_obj
@_guard
def ingest(state: State, paths: tuple[str, ...], force: bool, max_size: int, jobs: int) -> None:
    """Parse files and folders (.txt, .md, recursively) and store them.

    A file already stored (same content) is skipped; each file lands whole or not at all.

    Example:

        policykb ingest seeds/ ~/articles/ --jobs 2
    """
    kb = state.kb(create=True)
    bar = _Progress()
    try:
        report = kb.ingest(list(paths), force=force, max_bytes=max_size, jobs=jobs, progress=bar)
    finally:
        bar.close()
        kb.close()
    for _path, reason in report.failed:
        click.echo(f"error: {reason}", err=True)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


class _Progress:
    """A progress line on stderr, for runs longer than a couple of seconds and only on a terminal."""

    def __init__(self) -> None:
        import time

        self._t0 = time.monotonic()
        self._tty = sys.stderr.isatty()
        self._shown = False

    def __call__(self, path: str, done: int, total: int) -> None:
        import time

        if not self._tty or time.monotonic() - self._t0 < 2:
            return
        self._shown = True
        name = path[-40:]
        sys.stderr.write(f"\r[{done}/{total}] {name:<40}")
        sys.stderr.flush()

    def close(self) -> None:
        if self._shown:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="File (default: stdout).",
)
@click.pass_obj
@_guard
def export(state: State, fmt: str, output: str | None) -> None:
    """Write every stored article with its facts as JSON (the gold/SCHEMA.md format).

    Example:

        policykb export --output kb.json
    """
    with state.kb() as kb:
        fh = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
        try:
            if fmt == "jsonl":
                for doc in kb.export():
                    fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
            else:
                fh.write('{"documents": [\n')
                for i, doc in enumerate(kb.export()):
                    fh.write((",\n" if i else "") + json.dumps(doc, ensure_ascii=False))
                fh.write("\n]}\n")
        finally:
            if output:
                fh.close()


# ----------------------------------------------------------------------------- questions


@main.command()
@click.argument("term")
@output_options
@click.pass_obj
@_guard
def provinces(state: State, term: str, fmt: str, limit: int | None) -> None:
    """Which provinces' articles mention an initiative (by any variant, quoted or not).

    Example:

        policykb provinces 枫桥经验 --format json
    """
    with state.kb() as kb:
        answer = kb.provinces(term)
    if answer.fallback:
        click.echo(f"note: {term!r} is not a known initiative; answered by text search", err=True)
    elif fmt == "table":
        click.echo(f"initiative: {answer.initiative} (variants: {'、'.join(answer.variants)})")
    rows = list(answer.rows[:limit] if limit else answer.rows)
    click.echo(render(rows, fmt, ["region", "code", "articles", "document_id", "title", "snippet"]))


@main.command("initiatives")
@click.option("--region", default=None, help="Only articles of this region (name, short name or code).")
@click.option("--min-regions", type=click.IntRange(min=0), default=0, help="Mentioned in at least N regions.")
@output_options
@click.pass_obj
@_guard
def initiatives_cmd(state: State, region: str | None, min_regions: int, fmt: str, limit: int | None) -> None:
    """Initiatives ranked by how many regions and articles mention them.

    Example:

        policykb initiatives --min-regions 3 --limit 20
    """
    with state.kb() as kb:
        rows = kb.initiatives(region=region, min_regions=min_regions, limit=limit)
    click.echo(render(rows, fmt))


@main.command()
@click.argument("region_a")
@click.argument("region_b")
@output_options
@click.pass_obj
@_guard
def compare(state: State, region_a: str, region_b: str, fmt: str, limit: int | None) -> None:
    """The initiatives two regions share and those only one of them has.

    Example:

        policykb compare 山东 湖南
    """
    with state.kb() as kb:
        c = kb.compare(region_a, region_b)
    rows = [{"initiative": x, "in": "both"} for x in c.shared]
    rows += [{"initiative": x, "in": c.a} for x in c.only_a]
    rows += [{"initiative": x, "in": c.b} for x in c.only_b]
    click.echo(render(rows[:limit] if limit else rows, fmt, ["initiative", "in"]))


@main.command("variants")
@click.option("--initiative", default=None, help="Only the spellings of this initiative.")
@output_options
@click.pass_obj
@_guard
def variants_cmd(state: State, initiative: str | None, fmt: str, limit: int | None) -> None:
    """How spellings are grouped under initiatives (一室两队 under 两队一室 …).

    Example:

        policykb variants --initiative 两队一室
    """
    with state.kb() as kb:
        rows = kb.variants(initiative=initiative, limit=limit)
    click.echo(render(rows, fmt))


@main.command()
@click.argument("variant", required=False)
@click.argument("target", required=False)
@click.option(
    "--file",
    "groups_file",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="TSV of 'spelling<TAB>initiative' lines to apply.",
)
@click.pass_obj
@_guard
def regroup(state: State, variant: str | None, target: str | None, groups_file: str | None) -> None:
    """Move a spelling under another initiative (your choice is kept across re-ingests).

    Example:

        policykb regroup 两警合一 一警多能
        policykb regroup --file my_groups.tsv
    """
    pairs: list[tuple[str, str]] = []
    if groups_file:
        with open(groups_file, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        for n, raw in enumerate(lines, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                raise _fail(f"{groups_file}:{n}: expected 'spelling<TAB>initiative'")
            pairs.append((parts[0].strip(), parts[1].strip()))
    if variant or target:
        if not (variant and target):
            raise _fail("give both a spelling and the initiative to put it under")
        pairs.append((variant, target))
    if not pairs:
        raise _fail("nothing to regroup: give SPELLING INITIATIVE or --file")
    with state.kb() as kb:
        for v, t in pairs:
            old, new = kb.regroup(v, t)
            click.echo(f"{v}: {old} → {new}")


@main.command("documents")
@click.option("--region", default=None, help="Home region (name, short name or code).")
@click.option("--author", default=None, help="Author name (part of it).")
@click.option("--text", default=None, help="Text the article body contains.")
@output_options
@click.pass_obj
@_guard
def documents_cmd(
    state: State, region: str | None, author: str | None, text: str | None, fmt: str, limit: int | None
) -> None:
    """List articles, filtered by region, author and text (alias: docs).

    Example:

        policykb documents --region 内蒙古 --author 衡
    """
    with state.kb() as kb:
        rows = kb.documents(region=region, author=author, text=text, limit=limit)
    click.echo(render(rows, fmt))


main.add_command(documents_cmd, "docs")


@main.command()
@click.argument("document_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
@_guard
def show(state: State, document_id: int, fmt: str) -> None:
    """One article: header, outline and counts.

    Example:

        policykb show 3
    """
    with state.kb() as kb:
        doc = kb.show(document_id)
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=1))
        return
    lines = [f"#{doc['id']}  {doc['title'] or '(untitled)'}"]
    if doc["subtitle"]:
        lines.append(f"    {doc['subtitle']}")
    lines.append(f"source: {doc['source']}   region: {doc['region'] or '-'}")
    for a in doc["authors"]:
        pos = "、".join(a["positions"])
        lines.append(
            f"{a['role']}: {a['name']}"
            + (f" ({pos})" if pos else "")
            + (f" [{a['region']}]" if a["region"] else "")
        )
    if doc["editors"]:
        lines.append("editors: " + "、".join(doc["editors"]))
    if doc["keywords"]:
        lines.append("keywords: " + " ".join(doc["keywords"]))
    if doc["sections"]:
        lines.append("outline:")
        for s in doc["sections"]:
            label = f"{s['label']} " if s["label"] else ""
            lines.append("  " + "  " * (s["depth"] - 1) + label + s["title"])
    lines.append("counts: " + ", ".join(f"{k} {v}" for k, v in doc["counts"].items()))
    click.echo("\n".join(lines))


@main.command("figures")
@click.option("--subject", default=None, help="Text in the figure's subject or sentence.")
@click.option("--unit", default=None, help="Unit (个, 名, 元, %, …).")
@click.option("--region", default=None, help="Home region of the article.")
@click.option("--min", "min_value", type=float, default=None, help="Smallest value.")
@click.option("--max", "max_value", type=float, default=None, help="Largest value.")
@click.option(
    "--sort", type=click.Choice(["document", "value", "subject"]), default="document", show_default=True
)
@click.option("--desc", is_flag=True, help="Sort descending.")
@output_options
@click.pass_obj
@_guard
def figures_cmd(
    state: State,
    subject: str | None,
    unit: str | None,
    region: str | None,
    min_value: float | None,
    max_value: float | None,
    sort: str,
    desc: bool,
    fmt: str,
    limit: int | None,
) -> None:
    """Quoted figures, with their sentence and article.

    Example:

        policykb figures --unit 亿元 --sort value --desc --limit 10
    """
    with state.kb() as kb:
        rows = kb.figures(
            subject=subject,
            unit=unit,
            region=region,
            min_value=min_value,
            max_value=max_value,
            sort=sort,
            descending=desc,
            limit=limit,
        )
    click.echo(render(rows, fmt))


@main.command("directives")
@click.option("--region", default=None, help="Home region of the article.")
@click.option("--modality", type=click.Choice(["must", "prohibit", "will", "should"]), default=None)
@click.option("--text", default=None, help="Text the directive contains.")
@click.option("--section", default=None, help="Text in the section title.")
@output_options
@click.pass_obj
@_guard
def directives_cmd(
    state: State,
    region: str | None,
    modality: str | None,
    text: str | None,
    section: str | None,
    fmt: str,
    limit: int | None,
) -> None:
    """Directives (要…, 必须…, 严禁…, 将…) with their modality and section.

    Example:

        policykb directives --region 山东 --modality must
    """
    with state.kb() as kb:
        rows = kb.directives(region=region, modality=modality, text=text, section=section, limit=limit)
    click.echo(render(rows, fmt))


@main.command("search")
@click.argument("text")
@output_options
@click.pass_obj
@_guard
def search_cmd(state: State, text: str, fmt: str, limit: int | None) -> None:
    """Full-text search over article bodies, with the hit marked «…».

    Example:

        policykb search 矛盾纠纷
    """
    with state.kb() as kb:
        rows = kb.search(text, limit=limit or 20)
    click.echo(render(rows, fmt))


@main.command("sql")
@click.argument("statement")
@click.option(
    "--timeout", type=float, default=10.0, show_default=True, help="Seconds before the query is stopped."
)
@output_options
@click.pass_obj
@_guard
def sql_cmd(state: State, statement: str, timeout: float, fmt: str, limit: int | None) -> None:
    """Run one read-only SQL statement (writes, ATTACH, PRAGMA changes and extensions are refused).

    Example:

        policykb sql "SELECT region, article_count FROM initiative_regions WHERE initiative = '枫桥经验'"
    """
    with state.kb() as kb:
        result = kb.sql(statement, timeout=timeout, limit=limit)
    rows = [dict(zip(result.columns, r, strict=True)) for r in result.rows]
    click.echo(render(rows, fmt, list(result.columns)))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
@_guard
def stats(state: State, fmt: str) -> None:
    """Rows per table, articles per region, and the database's size.

    Example:

        policykb stats
    """
    with state.kb() as kb:
        s = kb.stats()
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(s), ensure_ascii=False, indent=1))
        return
    click.echo(render([{"table": k, "rows": v} for k, v in s.tables.items()], "table"))
    click.echo("")
    click.echo(render([{"region": k, "articles": v} for k, v in s.regions.items()], "table"))
    if s.size_bytes is not None:
        click.echo(f"\ndatabase size: {s.size_bytes:,} bytes")


if __name__ == "__main__":  # pragma: no cover
    main()
