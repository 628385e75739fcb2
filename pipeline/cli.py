"""The ``spoor`` command: parse, call one library function, report.

Exit codes: 0 everything worked; 1 some input could not be read (each file is
named with its problem, the rest was processed); 2 wrong usage or nothing to
work on (no index yet, unknown document, unanswerable query).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from enum import Enum
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from whoosh.index import LockError

from . import __version__

app = typer.Typer(help="spoor: extract, index and search Dutch policy documents.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode="markdown")
out = Console(highlight=False, markup=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DEFAULT_INDEX = os.environ.get("SPOOR_STORE") or os.environ.get("SPOOR_INDEX", "index")


def _default_shown() -> str:
    from .store.postgres import safe_url  # no password in --help when $SPOOR_STORE holds one

    return safe_url(DEFAULT_INDEX)


IndexOpt = Annotated[str, typer.Option("--index", "--store", metavar="FOLDER|URL", show_default=_default_shown(), help=(
    "Folder holding the store and the search index (default index/, or $SPOOR_INDEX), or the address of "
    "a shared PostgreSQL database, postgresql://user:password@host/db (or $SPOOR_STORE)."))]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, only results and problems.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


class PdfReaderName(str, Enum):
    pdfminer = "pdfminer"
    fast = "fast"


PdfReaderOpt = Annotated[PdfReaderName, typer.Option(
    "--pdf-reader", help="PDF text: pdfminer (layout analysis, default) or fast (PDFium's text layer, ~10x faster).")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", markup=True)
    return typer.Exit(code)


def _progress(quiet: bool):
    if quiet:
        return None
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn("{task.fields[file]}"), console=err, transient=True)


def _report_problems(problems) -> None:
    for problem in problems:
        err.print(f"[yellow]skipped[/yellow] {problem.path}: {problem.message}", markup=True)


def _version(value: bool) -> None:
    if value:
        out.print(f"spoor {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_version,
                                               help="Show the version and exit.")] = False,
         verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what each stage does.")] = False) -> None:
    """spoor reads policy documents (PDF, text, Markdown, HTML), extracts bodies, dates and
    decisions, and builds a Whoosh index you can search."""
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")


@app.command()
def build(paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (default: corpus/).")] = None,
          index: IndexOpt = DEFAULT_INDEX, quiet: QuietOpt = False,
          workers: Annotated[Optional[int], typer.Option("--workers", "-j", min=1, help="Extraction processes (default: one per core).")] = None,
          summary: Annotated[bool, typer.Option(help="Print an example search and the timeline after the build.")] = True,
          pdf_reader: PdfReaderOpt = PdfReaderName.pdfminer,
          scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help=(
              "Extract on a Dask cluster: 'local' starts one of --workers processes (default 2) for this "
              "build, tcp://host:port uses a running scheduler. Workers read the files: they must see the "
              "same paths. Needs Dask (spoor's cluster extra)."))] = None,
          exclude: Annotated[Optional[list[str]], typer.Option("--exclude", metavar="GLOB", help=(
              "Leave out files matching this pattern (by name, or by path with a /); repeat for more. "
              "README* and SOURCES* are left out unless --all-files."))] = None,
          all_files: Annotated[bool, typer.Option("--all-files", help="Also read README* and SOURCES* files.")] = False,
          rederive: Annotated[bool, typer.Option("--rederive", help=(
              "Link entities and derive subjects and relations over the whole corpus again, "
              "even when no document changed."))] = False,
          follow_links: Annotated[bool, typer.Option("--follow-links", help=(
              "Also read files and folders that symbolic links lead to outside the given folders "
              "(by default such links are named and skipped)."))] = False) -> None:
    """Extract new or changed documents and bring the store and index up to date.

    Unchanged files (same SHA-256) are not read again; documents whose file is gone are removed.
    Exit code 0: all files read; 1: some file could not be read (each is named on stderr with
    its problem; the rest is still built and what the index held before is kept), or the search index
    could not be written (the cause is on stderr; the store and the index keep the last build).

    Without --scheduler, --workers local processes extract. With --scheduler, the workers of a Dask
    cluster extract (each loads the spaCy pipeline once) and this process alone writes the store and
    the index: `--scheduler local --workers 4`, or `--scheduler tcp://host:8786` after `dask scheduler`
    and `dask worker tcp://host:8786` on each machine. The machines must share the filesystem. With a
    PostgreSQL --store the workers write their documents to the database themselves (each must reach
    it) and this process only links, derives subjects and updates the word list at the end."""
    from .build import NothingToBuild, build as run_build
    from .index.writer import IndexWriteError
    from .reports import build_summary
    from .store import StoreError

    paths = paths or [Path("corpus")]
    for p in paths:
        if not (p.exists() or p.is_symlink()):
            raise _fail(f"{p} does not exist")
    _check_database(index)
    bar = _progress(quiet)
    options = dict(workers=workers, pdf_reader=pdf_reader.value, scheduler=scheduler, exclude=exclude or [],
                   default_excludes=not all_files, rederive=rederive, follow_links=follow_links)
    try:
        if bar:
            with bar:
                task = bar.add_task("extracting", total=None, file="")
                report = run_build(paths, index, **options,
                                   progress=lambda f, n, t: bar.update(task, completed=n, total=t, file=Path(f).name))
        else:
            report = run_build(paths, index, **options)
    except (NothingToBuild, *_cluster_errors(scheduler)) as exc:
        raise _fail(str(exc))
    except LockError:
        raise _fail(f"another `spoor build` is writing the index in {_shown(index)}; wait for it to finish and run again")
    except IndexWriteError as exc:
        raise _fail(str(exc), 1)
    except StoreError as exc:
        raise _fail(str(exc), 1)
    except OSError as exc:  # the index folder turned out not writable
        raise _fail(f"the index in {_shown(index)} cannot be written ({exc.strerror or exc}); nothing was changed; "
                    "name a folder you may write to with --index", 1)
    if report.excluded:
        names = ", ".join(Path(p).name for p in report.excluded[:5]) + (" …" if len(report.excluded) > 5 else "")
        err.print(f"note: {len(report.excluded)} file(s) left out ({names}): README*/SOURCES* and --exclude "
                  "patterns; --all-files reads README* and SOURCES* too")
    _report_problems(report.problems)
    out.print(build_summary(report, index, examples=summary))
    if report.failed:
        raise typer.Exit(1)


def _cluster_errors(scheduler: str | None) -> tuple[type[Exception], ...]:
    """The errors of a cluster build that the user can fix (none, and no Dask import, without one)."""
    if not scheduler:
        return ()
    from .distributed import ClusterError

    return (ClusterError,)


@app.command()
def extract(paths: Annotated[list[Path], typer.Argument(help="Files or folders to extract.")],
            jsonl: Annotated[Path, typer.Option("--jsonl", help="Write the records here as JSON Lines (- for standard output).")],
            quiet: QuietOpt = False, pdf_reader: PdfReaderOpt = PdfReaderName.pdfminer,
            exclude: Annotated[Optional[list[str]], typer.Option("--exclude", metavar="GLOB", help=(
                "Leave out files matching this pattern (by name, or by path with a /); repeat for more. "
                "README* and SOURCES* are left out unless --all-files."))] = None,
            all_files: Annotated[bool, typer.Option("--all-files", help="Also read README* and SOURCES* files.")] = False,
            ) -> None:
    """Extract documents, entities and decisions to JSON Lines, without touching the index.

    One object per line with "kind": document, entity or decision. Exit code 1 when some
    file could not be read (each is named); the others are still written. Files are chosen as
    `build` chooses them (README* and SOURCES* left out unless --all-files)."""
    from .build import select_files
    from .extract import extract_file, get_nlp
    from .link.names import link_entities
    from .store.sqlite import extraction_records, write_jsonl

    for p in paths:
        if not (p.exists() or p.is_symlink()):
            raise _fail(f"{p} does not exist")
    if str(jsonl) != "-":
        _check_writable(jsonl, "--jsonl")
    files, skipped = select_files(paths, exclude or [], not all_files)
    if skipped:
        names = ", ".join(p.name for p in skipped[:5]) + (" …" if len(skipped) > 5 else "")
        err.print(f"note: {len(skipped)} file(s) left out ({names}): README*/SOURCES* and --exclude "
                  "patterns; --all-files reads README* and SOURCES* too")
    if not files:
        raise _fail("no files found under " + ", ".join(map(str, paths)))
    results, problems = [], []
    bar = _progress(quiet)
    nlp = get_nlp()
    with bar or _Null():
        task = bar.add_task("extracting", total=len(files), file="") if bar else None
        for path in files:
            result = extract_file(path, nlp, pdf_reader=pdf_reader.value)
            (results.append(result) if result.document else problems.extend(result.errors))
            if bar:
                bar.update(task, advance=1, file=path.name)
    by_doc: dict[str, list] = {}
    for ent in link_entities([e for r in results for e in r.entities]):
        by_doc.setdefault(ent.doc_id, []).append(ent)
    for r in results:
        r.entities = by_doc.get(r.document.doc_id, [])
    records = (rec for r in results for rec in extraction_records(r))
    if str(jsonl) == "-":
        n = write_jsonl(records, sys.stdout)
        sys.stdout.flush()
    else:
        with _writing(jsonl) as fh:
            n = write_jsonl(records, fh)
    _report_problems(problems)
    (err if str(jsonl) == "-" else out).print(f"{len(results)} documents, {n} records written to {_where(jsonl)}")
    if problems:
        raise typer.Exit(1)


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@app.command()
def search(query: Annotated[str, typer.Argument(help="Words, \"a phrase\", AND/OR/NOT, field:value.")],
           limit: Annotated[int, typer.Option("--limit", "-n", min=1,
                                              help="How many documents, each with its best passages.")] = 10,
           doc_type: Annotated[Optional[str], typer.Option("--type", help="Only this document type (advies, brief, besluitenlijst, ...).")] = None,
           body: Annotated[Optional[str], typer.Option("--body", help="Only passages naming this body.")] = None,
           org: Annotated[Optional[str], typer.Option("--org", help="Only passages naming this organisation.")] = None,
           date_from: Annotated[Optional[str], typer.Option("--from", help="From this year, month or day (2019, 2019-07, dec 2019, 31-12-2019).")] = None,
           date_to: Annotated[Optional[str], typer.Option("--to", help="Up to this year or date.")] = None,
           sort: Annotated[str, typer.Option("--sort", help="relevance, date (newest first) or date_asc.")] = "relevance",
           government: Annotated[Optional[str], typer.Option("--government", help="Only documents of this government (its name, or its code: gm0153).")] = None,
           index: IndexOpt = DEFAULT_INDEX, as_json: JsonOpt = False) -> None:
    """Search the indexed passages, grouped per document; matched terms are marked `**like this**`.

    A query that names a body or organisation also prints its evolution card (not with --json)."""
    from .reports import search_json
    from .search import SORTS, QueryError, search as run_search, subject_card

    from .web.filters import FilterError, check_name, check_type, parse_date
    from .web.results import check_government

    _check_database(index)
    try:
        doc_type, date_from, date_to = check_type(doc_type), parse_date(date_from, "--from"), parse_date(date_to, "--to")
        government = check_government(index, government, "--government")
        if sort not in SORTS:
            raise _fail(f"--sort {sort!r} is no order; use one of {', '.join(SORTS)}")
        body, org = check_name(index, body, "--body", "ORGAN"), check_name(index, org, "--org", "ORG")
    except FilterError as exc:
        raise _fail(str(exc))
    try:
        result = run_search(index, query, limit, doc_type=doc_type, body=body, organisation=org,
                            date_from=date_from, date_to=date_to, sort=sort, government=government)
    except (QueryError, FileNotFoundError) as exc:
        raise _fail(str(exc))
    if as_json:
        out.print(json.dumps(search_json(result), ensure_ascii=False, indent=1))
        return
    from .reports import render_card, render_hits

    card = subject_card(index, query)
    if card:
        out.print(render_card(card) + "\n")
    out.print(render_hits(result))
    for note in result.notes:  # what was left out to answer in time (in Dutch, as the page says it)
        err.print(f"spoor: let op: {note}")


@app.command()
def show(doc_id: Annotated[str, typer.Argument(help=(
             "The document: its id (the file name without extension), a start of it no other id shares, "
             "or the reference spoor prints (\"besluitenlijst Den Helder 2015-06-29 p.2\")."))],
         index: IndexOpt = DEFAULT_INDEX, text: Annotated[bool, typer.Option("--text", help="Also print the cleaned text.")] = False,
         as_json: JsonOpt = False) -> None:
    """Show one document: metadata, entities per label, decisions."""
    from .link.references import references, resolve
    from .reports import render_document
    from .store import open_store

    _need_store(index)
    with open_store(index) as store:
        docs = store.documents()
        found_id = resolve(docs, doc_id)
        if not found_id:
            refs = references(docs)
            raise _fail(f"no document {doc_id!r} in {_shown(index)}; `spoor show` takes an id, a start of one "
                        f"or a reference, like " + ", ".join(repr(refs[d.doc_id]) for d in docs[:3]))
        doc, body = store.document(found_id)
        ents, decs = store.entities(found_id), store.decisions(found_id)
        ref = references(docs)[found_id]
    if as_json:
        out.print(json.dumps({"document": doc.model_dump(), "reference": ref, "entities": [e.model_dump() for e in ents],
                              "decisions": [d.model_dump() for d in decs]}, ensure_ascii=False, indent=1))
        return
    out.print(render_document(doc, ents, decs, body if text else None, ref=ref))


@app.command()
def timeline(index: IndexOpt = DEFAULT_INDEX, as_json: JsonOpt = False,
             date_from: Annotated[Optional[str], typer.Option("--from", help="From this date (2013, 2013-05, 2013-05-31).")] = None,
             date_to: Annotated[Optional[str], typer.Option("--to", help="Up to this date.")] = None,
             actor: Annotated[Optional[str], typer.Option("--actor", "--body", help=(
                 "Only events of this body: its name, abbreviation or id, alone or with its government "
                 "(\"Dagelijks Bestuur\", DB, \"gemeenteraad Den Helder\"); small typos do not matter."))] = None,
             government: Annotated[Optional[str], typer.Option("--government", help="Only events of this government (Den Helder, Overijssel).")] = None,
             status: Annotated[Optional[str], typer.Option("--status", help="proposed, planned, adopted, realized, rejected or promised.")] = None,
             subject: Annotated[Optional[str], typer.Option("--subject", help="Only events about this subject (id, name or alias, as `spoor evolution` takes it).")] = None,
             csv_file: Annotated[Optional[Path], typer.Option("--csv", help="Write the events to this CSV file.")] = None,
             html_file: Annotated[Optional[Path], typer.Option("--html", help="Write an offline HTML page (in Dutch) with a time axis.")] = None) -> None:
    """Dated decisions and plans from all documents, grouped per date: one event per decision.

    A decision told by several documents is one event with every place it is written; planned and
    proposed events are linked to what later happened (outcome, linked). A filter that names nothing
    or a date that is none exits 2 and says what is valid."""
    from .reports import render_timeline, timeline_html, why_empty
    from .link.subjects import UnknownSubject
    from .link.timeline import BadFilter, timeline as run_timeline, to_csv

    from .web.filters import FilterError, check_status, parse_date

    _need_store(index)
    try:
        date_from, date_to = parse_date(date_from, "--from"), parse_date(date_to, "--to")
        status = check_status(status)
    except FilterError as exc:
        raise _fail(str(exc))
    filters = dict(subject=subject, date_from=date_from, date_to=date_to, actor=actor, government=government,
                   status=status)
    try:
        evs = run_timeline(index, **filters)
    except (UnknownSubject, BadFilter) as exc:
        raise _fail(str(exc))
    empty = why_empty(filters, run_timeline(index)) if not evs else ""
    if csv_file or html_file:
        if csv_file:
            _check_writable(csv_file, "--csv")
            to_csv(evs, csv_file)
            out.print(f"{len(evs)} events written to {csv_file}")
        if html_file:
            with _writing(html_file, "--html") as fh:
                fh.write(timeline_html(evs, _timeline_title(filters), link=_file_links(index)))
            out.print(f"{len(evs)} events written to {html_file}")
        if empty:
            err.print(empty)
    elif as_json:
        out.print(json.dumps([e.model_dump() for e in evs], ensure_ascii=False, indent=1))
    else:
        out.print(render_timeline(evs, empty=empty))


def _file_links(index: str):
    """(doc_id, page) -> the original file's address at that page, for an offline page's sources."""
    from .store import open_store

    with open_store(index) as store:
        paths = {d.doc_id: d.path for d in store.documents()}

    def link(doc_id: str, page: int) -> str:
        path = Path(paths.get(doc_id, doc_id))
        return (path.resolve().as_uri() if path.exists() else str(path)) + f"#page={page}"

    return link


def _timeline_title(filters: dict) -> str:
    words = {"subject": "over", "actor": "van", "government": "bij", "status": "status", "date_from": "vanaf",
             "date_to": "tot en met"}
    shown = [f"{words[k]} {v}" for k, v in filters.items() if v]
    return "Tijdlijn" + (" " + ", ".join(shown) if shown else "")


@app.command()
def entities(index: IndexOpt = DEFAULT_INDEX,
             label: Annotated[Optional[str], typer.Option("--label", help="ORGAN, ORG, PERSON, LOC, DATE, MONEY or LAW.")] = None,
             doc: Annotated[Optional[str], typer.Option("--doc", help="Only this document.")] = None,
             as_json: JsonOpt = False) -> None:
    """Canonical entities with their surface forms and where they occur."""
    from .models import ENTITY_LABELS
    from .reports import entity_table, group_entities
    from .web.filters import FilterError, check_document
    from .store import open_store

    _need_store(index)
    if label and label.upper() not in ENTITY_LABELS:
        raise _fail(f"--label {label!r} is no entity label; use one of {', '.join(ENTITY_LABELS)}")
    with open_store(index) as store:
        try:
            doc = check_document(store.hashes(), doc)
        except FilterError as exc:
            raise _fail(str(exc))
        groups = group_entities(store.entities(doc, label.upper() if label else None))
    if as_json:
        out.print(json.dumps(groups, ensure_ascii=False, indent=1))
        return
    out.print(entity_table(groups))


@app.command()
def decisions(index: IndexOpt = DEFAULT_INDEX,
              actor: Annotated[Optional[str], typer.Option("--actor", "--body", help="Only this body: name, abbreviation or id, alone or with its government.")] = None,
              date_from: Annotated[Optional[str], typer.Option("--from", help="From this date.")] = None,
              date_to: Annotated[Optional[str], typer.Option("--to", help="Up to this date.")] = None,
              status: Annotated[Optional[str], typer.Option("--status", help="adopted, rejected, proposed, planned, realized or promised.")] = None,
              as_json: JsonOpt = False,
              csv_file: Annotated[Optional[Path], typer.Option("--csv", help="Write the decisions to this CSV file.")] = None) -> None:
    """Decision records: who decided or proposed what, when, with what status."""
    from .link.references import references
    from .link.timeline import BadFilter
    from .reports import filter_decisions, render_decisions, write_csv
    from .store import open_store

    from .web.filters import FilterError, check_status, parse_date

    _need_store(index)
    try:
        date_from, date_to = parse_date(date_from, "--from"), parse_date(date_to, "--to")
        status = check_status(status)
    except FilterError as exc:
        raise _fail(str(exc))
    with open_store(index) as store:
        try:
            decs = filter_decisions(store.decisions(), actor, date_from, date_to, status)
        except BadFilter as exc:
            raise _fail(str(exc))
        refs = references(store.documents())
    if csv_file:
        _check_writable(csv_file, "--csv")
        write_csv([d.model_dump() for d in decs], csv_file)
        out.print(f"{len(decs)} decisions written to {csv_file}")
    elif as_json:
        out.print(json.dumps([d.model_dump() for d in decs], ensure_ascii=False, indent=1))
    else:
        out.print(render_decisions(decs, refs))


@app.command()
def status(index: IndexOpt = DEFAULT_INDEX, as_json: JsonOpt = False) -> None:
    """What the index holds and what went wrong: nothing fails silently.

    Documents per government, type and year; when the last build ran and what it did; the files it
    could not read and why; documents with pages without text, pages read through OCR, dates to
    check and pipeline components that failed on them. `spoor serve` shows the same at /status."""
    from .web.status import status as run_status

    _need_store(index)
    st = run_status(index)
    if as_json:
        out.print(json.dumps(st.as_dict(), ensure_ascii=False, indent=1))
        return
    build = st.last_build
    out.print(f"index: {_shown(index)}: {st.documents} documents, {st.pages} pages")
    out.print("last build: " + (f"{build['finished']} UTC, {build['added']} added, {build['updated']} updated, "
                                f"{build['removed']} removed, {build['failed']} failed" if build else "not recorded"))
    for title, rows in (("per government", st.by_government), ("per type", st.by_type), ("per year", st.by_year)):
        out.print(f"{title}: " + ", ".join(f"{name} {n}" for name, n in rows))
    out.print(f"files that failed: {len(st.failed_files)}")
    for path, why in st.failed_files:
        out.print(f"  {path}: {why}")
    for title, items in (("pages without text", st.no_text), ("pages read through OCR", st.ocr),
                         ("dates to check", st.dates), ("component failures", st.components)):
        out.print(f"{title}: {len(items)}")
        for i in items:
            pages = f" p.{', '.join(map(str, i.pages))}" if i.pages else ""
            out.print(f"  {i.doc_id}{pages}" + (f": {i.detail}" if i.detail else ""))


def _check_writable(path: Path, option: str) -> None:
    """A file the user asked for that cannot be written ends the command with one line saying why."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise _fail(f"{option} {path} is a folder; name a file in it")
    if not folder.is_dir():
        raise _fail(f"{option} {path}: the folder {folder} does not exist; create it or name another file")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise _fail(f"{option} {path} cannot be written (no permission)")


@contextmanager
def _writing(path: Path, option: str = "--jsonl"):
    """Open ``path`` for writing text, or end the command with one line naming the problem."""
    _check_writable(path, option)
    try:
        fh = open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise _fail(f"{option} {path} cannot be written ({exc.strerror or exc})")
    with fh:
        yield fh


def _where(path: Path) -> str:
    return "standard output" if str(path) == "-" else str(path)


def _need_store(index: str) -> None:
    from .store import store_exists

    _check_database(index)
    if not store_exists(index):
        raise _fail(f"no index in {_shown(index)}: run `spoor build` first (or pass --index)")


def _check_database(index: str) -> None:
    """A store that cannot be reached (or used) is named with its problem, exit code 2."""
    from .store import StoreError, locate

    try:
        locate(index).check()
    except StoreError as exc:
        raise _fail(str(exc))


def _shown(index: str) -> str:
    """The store as named in messages (a database address without its password)."""
    from .store.postgres import safe_url

    return safe_url(index)




@app.command()
def serve(index: IndexOpt = DEFAULT_INDEX,
          host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
          workers: Annotated[int, typer.Option("--workers", "-j", min=1, help=(
              "Server processes answering requests side by side (one per core serves the most users)."))] = 1) -> None:
    """Start the web page: search with facets and filters, documents with their pages, subjects."""
    import uvicorn

    from .web import SERVE_ENV, create_app
    from .web.pool import NoDelayHTTPProtocol, serve_workers

    _need_store(index)
    _check_port(host, port)
    err.print(f"spoor: open http://{host}:{port}/ (Ctrl+C stops)")
    if workers > 1:  # each process opens the index itself
        os.environ[SERVE_ENV] = str(index)
        serve_workers("pipeline.web:app_from_environment", workers, host, port, factory=True, log_level="warning",
                      http=NoDelayHTTPProtocol or "auto")
        return
    uvicorn.run(create_app(index, warm=True), host=host, port=port, log_level="warning", http=NoDelayHTTPProtocol or "auto")


def _check_port(host: str, port: int) -> None:
    """A port another program listens on ends `spoor serve` with one line, before it is announced."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise _fail(f"--host {host!r} is no address of this machine ({exc.strerror})")
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        try:
            probe.bind(address)
        except OSError as exc:
            why = "is in use by another program" if exc.errno in (98, 48, 10048) else f"cannot be used ({exc.strerror})"
            raise _fail(f"port {port} on {host} {why}; stop that program or pass another port, e.g. --port {port + 1}")


@app.command()
def subjects(index: IndexOpt = DEFAULT_INDEX, as_json: JsonOpt = False,
             label: Annotated[Optional[str], typer.Option("--label", help="Only ORGAN, ORG, LAW, PROGRAMME, NAME or TOPIC.")] = None) -> None:
    """Subjects followed through the corpus: bodies, organisations, programmes, laws, proposals, topics.

    Each with its other names, the documents and pages it appears in, first and last date seen,
    and its relations (same_as, replaced_by, ended, dissolved_into, realized_as, diverged) with evidence."""
    from .reports import render_subjects, subjects_json
    from .link.subjects import load

    _need_store(index)
    subs = load(index)
    labels = sorted({s.label for s in subs})
    if label and label.upper() not in labels:
        raise _fail(f"--label {label!r} is no subject label here; use one of {', '.join(labels)}")
    subs = [s for s in subs if not label or s.label == label.upper()]
    if as_json:
        out.print(json.dumps(subjects_json(subs), ensure_ascii=False, indent=1))
        return
    out.print(render_subjects(subs))


@app.command()
def evolution(subject: Annotated[str, typer.Argument(help="Subject id, name or alias (case and small typos do not matter).")],
              index: IndexOpt = DEFAULT_INDEX, as_json: JsonOpt = False) -> None:
    """How one subject evolved: first mention, proposals, decisions, renamings, outcome, each with source and page.

    An unknown subject exits 2 and names the closest matches."""
    from .reports import render_evolution
    from .link.subjects import UnknownSubject, evolution as run_evolution

    _need_store(index)
    try:
        evo = run_evolution(index, subject)
    except UnknownSubject as exc:
        raise _fail(str(exc))
    if as_json:
        out.print(json.dumps(evo.model_dump(), ensure_ascii=False, indent=1))
        return
    out.print(render_evolution(evo))


@app.command()
def export(parquet: Annotated[Optional[Path], typer.Option("--parquet", metavar="DIR", help="Write Parquet files into this folder.")] = None,
           sqlite: Annotated[Optional[Path], typer.Option("--sqlite", metavar="DIR", help="Write a Datasette-ready spoor.db (foreign keys, full-text search, views) and its metadata into this folder.")] = None,
           index: IndexOpt = DEFAULT_INDEX, quiet: QuietOpt = False) -> None:
    """Export the store for analysts: as Parquet, or as an SQLite database for Datasette.

    --parquet DIR: DIR/documents, passages, entities, decisions, subjects and relations, each as
    year=YYYY/part-0.parquet (year=unknown for undated documents); read them with
    pandas.read_parquet("DIR/entities") or DuckDB's read_parquet('DIR/entities/**/*.parquet',
    hive_partitioning=1). Documents are exported a batch at a time, so any corpus fits in memory.

    --sqlite DIR: DIR/spoor.db with this spoor's schema whatever made the store (every doc_id links to
    its document, passages_fts, the *_view views) and DIR/datasette-metadata.json; open it with
    datasette DIR/spoor.db --metadata DIR/datasette-metadata.json"""
    from .store.export import ExportError, export_parquet, export_sqlite

    if parquet is None and sqlite is None:
        raise _fail("name what to write: --parquet DIR, --sqlite DIR or both")
    _need_store(index)
    bar = _progress(quiet)
    try:
        if parquet is not None:
            with bar or _Null():
                task = bar.add_task("exporting", total=None, file="") if bar else None
                counts = export_parquet(index, parquet, progress=(lambda n, t: bar.update(task, completed=n, total=t))
                                        if bar else None)
            out.print(", ".join(f"{n} {table}" for table, n in counts.items()) + f" written to {parquet}")
        if sqlite is not None:
            counts = export_sqlite(index, sqlite)
            out.print(", ".join(f"{n} {table}" for table, n in counts.items() if table in ("documents", "passages",
                      "entities", "decisions", "subjects", "relations")) + f" written to {sqlite / 'spoor.db'}; "
                      f"open it with: datasette {sqlite / 'spoor.db'} --metadata {sqlite / 'datasette-metadata.json'}")
    except ExportError as exc:
        raise _fail(str(exc))
    except OSError as exc:
        raise _fail(f"cannot write the export: {exc.strerror or exc} ({exc.filename or ''})")


if __name__ == "__main__":
    app()
