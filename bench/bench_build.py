"""Benchmark a full spoor build, a no-change rebuild, search latency and the PDF readers.

Run:  .venv/bin/python bench/bench_build.py --docs 300            # small: a few minutes
      .venv/bin/python bench/bench_build.py --docs 5000           # full: ~10 million words

Generates a corpus with ``bench/make_corpus.py`` (or takes ``--corpus DIR`` made by it), then in one
run measures, and prints as one table beside the targets:

* full build of the text documents (``spoor -v build`` in a subprocess, ``--workers``): words/s,
  pages/s, core time (user+sys of every process of the build) per word, the phases the build logs,
  peak RSS of the whole process tree (sampled with psutil; forked processes' shared pages
  count in each) and its peak PSS (shared pages counted once), index size;
* ``--add N`` (default 7) text documents added to that index (the full build leaves them out): the
  incremental build's wall time as a share of the full build's (issue 19: at most 5%), its phases, and
  its peak RSS;
* ``--base-index IX``: instead of the full build, a copy of ``IX`` (built before from the same corpus but
  its last ``--add`` text documents) gets the ``--add`` documents, and only that is measured (the cost of
  adding a few documents to a large index without building it again; issue 19: at most 5 s beyond
  their extraction);
* the PDF documents added to that index (an incremental build: only they are extracted);
* a no-change rebuild (``spoor build`` again: nothing may be extracted), measured and per 1,000 docs;
* query latency of ``pipeline.search.engine.search`` (median, p95) against a bare Whoosh search
  (open index, parse, top 10 with stored fields) of the same queries;
* PDF reading alone, pages/s: pdfminer reader, fast (PDFium) reader and poppler's ``pdftotext``,
  each over the same PDFs in ``--workers`` parallel processes. Without ``pdftotext`` (Debian
  ``poppler-utils``) that row says so.

``--previous FILE`` (the ``--json`` of an earlier run) shows that run's figures beside this one's.

Speed is only ever measured here, never in a unit test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

QUERIES = [
    "gemeenteraad", "Twenteraad", "regioraad", "begroting", "heroriëntatie", "herorientatie",
    '"algemeen bestuur"', '"10 oktober"', "samenwerking Twente", "regioraad AND besluit",
    "subsidie NOT provincie", "Enschede", "Hengelo Almelo", "economie arbeidsmarkt", "Wgr-plus",
    "dagelijks bestuur", "gemeenteraden", "netwerkstad", "recreatie toerisme", "innovatie",
    "zorg jeugd", "wethouder", "secretarissen", "bestuursopdracht", "financiële bijdrage",
    "Regio Twente", '"Twentse samenwerking"', "mobiliteit", "kwets*", "besluitvorming",
]

TARGETS = {
    "text_words_s": 50_000,       # full build, text input, 2 cores
    "pdfminer_pages_s": 15,       # pdfminer reader, 2 cores
    "fast_vs_pdftotext": 0.6,     # fast reader pages/s as a share of pdftotext's
    "nochange_1000_s": 2.0,       # no-change rebuild of 1,000 documents
    "peak_rss_mb": 1024,          # whole build, all processes
}


# -- measuring ----------------------------------------------------------------------------------

class TreeRss:
    """Samples the summed RSS of a process and its children every ``every`` seconds, and every
    ``pss_every`` seconds their summed PSS (proportional set size: a page shared by n processes
    counts 1/n in each, so forked processes are not counted twice; Linux only, slower to read)."""

    def __init__(self, pid: int, every: float = 0.1, pss_every: float = 1.0):
        import psutil

        self.proc, self.every, self.peak, self.peak_pss = psutil.Process(pid), every, 0, 0
        self.pss_every = pss_every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        last_pss = 0.0
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
                if time.perf_counter() - last_pss >= self.pss_every:
                    last_pss = time.perf_counter()
                    pss = 0
                    for p in procs:
                        try:
                            pss += getattr(p.memory_full_info(), "pss", 0)
                        except (psutil.Error, OSError):
                            pass
                    self.peak_pss = max(self.peak_pss, pss)
            except psutil.Error:
                return
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def spoor_build(paths: list[Path], ix: Path, workers: int, pdf_reader: str = "pdfminer") -> dict:
    """Run ``spoor build`` in a subprocess; wall time, peak RSS of its process tree, exit code."""
    cmd = [sys.executable, "-m", "pipeline.cli", "-v", "build", *map(str, paths), "--index", str(ix),
           "--quiet", "--no-summary", "--workers", str(workers), "--pdf-reader", pdf_reader]
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        import psutil  # noqa: F401
        sampler = TreeRss(proc.pid)
    except ImportError:
        sampler = None
    if sampler:
        with sampler:
            _, errors = proc.communicate()
    else:
        _, errors = proc.communicate()
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build and every process it waited for
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"spoor build failed ({proc.returncode}):\n{errors}")
    peak = sampler.peak if sampler else 0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # largest single child
    logged = [line for line in errors.splitlines() if line.startswith(("INFO ", "WARNING ", "DEBUG "))]
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_rss": peak, "peak_pss": sampler.peak_pss if sampler else 0,
            "max_child_rss": kids, "code": proc.returncode,
            "phases": [line.split(": ", 1)[1] for line in logged if line.startswith("INFO pipeline.build: ")],
            "problems": [line for line in errors.splitlines() if line.strip() and line not in logged]}


def store_totals(ix: Path, doc_ids: set[str] | None = None) -> tuple[int, int, int]:
    """(documents, words, pages) in the store, of ``doc_ids`` if given."""
    import sqlite3

    from pipeline.store.sqlite import DB_NAME

    con = sqlite3.connect(ix / DB_NAME)
    try:
        rows = con.execute("SELECT doc_id, words, pages FROM documents").fetchall()
    finally:
        con.close()
    rows = [r for r in rows if doc_ids is None or r[0] in doc_ids]
    return len(rows), sum(r[1] for r in rows), sum(r[2] for r in rows)


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def query_latency(ix: Path, repeat: int) -> dict:
    """Median and p95 seconds per query: spoor's search and a bare Whoosh search."""
    from whoosh.qparser import MultifieldParser, OrGroup

    from pipeline.index.writer import open_existing
    from pipeline.search import search

    def bare(query: str) -> int:
        index = open_existing(ix)
        parser = MultifieldParser(["title", "text"], index.schema, group=OrGroup)
        with index.searcher() as searcher:
            hits = searcher.search(parser.parse(query), limit=10)
            return len([h.fields() for h in hits])

    def spoor(query: str) -> int:
        return len(search(ix, query).hits)

    for q in QUERIES:  # warm caches (alias table, lexicon, OS page cache) for both alike
        spoor(q), bare(q)
    times: dict[str, list[float]] = {"spoor": [], "bare": []}
    for _ in range(repeat):
        for q in QUERIES:
            for name, fn in (("spoor", spoor), ("bare", bare)):
                t0 = time.perf_counter()
                fn(q)
                times[name].append(time.perf_counter() - t0)
    out = {}
    for name, values in times.items():
        values.sort()
        out[name] = (statistics.median(values), values[min(len(values) - 1, int(0.95 * len(values)))])
    return out


def _read_pdf(args: tuple[str, str]) -> int:
    from pipeline.ingest import read

    path, reader = args
    return len(read(Path(path), reader).pages)


def _pdftotext(path: str) -> int:
    done = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True)
    return done.stdout.count("\f") or 1


def pdf_rates(pdfs: list[Path], workers: int) -> dict[str, tuple[float, int] | None]:
    """Pages per second of each PDF reader over ``pdfs`` in ``workers`` processes."""
    rates: dict[str, tuple[float, int] | None] = {}
    for reader in ("pdfminer", "fast"):
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_read_pdf, [(str(pdfs[0]), reader)] * workers))  # start and import first
            t0 = time.perf_counter()
            pages = sum(pool.map(_read_pdf, [(str(p), reader) for p in pdfs], chunksize=1))
            rates[reader] = (pages / (time.perf_counter() - t0), pages)
    if shutil.which("pdftotext"):
        with ThreadPoolExecutor(workers) as pool:  # each call is its own process
            t0 = time.perf_counter()
            pages = sum(pool.map(_pdftotext, map(str, pdfs)))
            rates["pdftotext"] = (pages / (time.perf_counter() - t0), pages)
    else:
        rates["pdftotext"] = None
    return rates


# -- the run ------------------------------------------------------------------------------------

def run(args) -> list[tuple[str, str, str, str]]:
    work = Path(args.work or tempfile.mkdtemp(prefix="spoor-bench-"))
    corpus = args.corpus
    if corpus is None:
        from make_corpus import generate

        corpus = work / "corpus"
        if not (corpus / "text").exists():
            t0 = time.perf_counter()
            counts = generate(corpus, args.docs, args.pdf_share, args.seed, processes=args.workers)
            _say(f"corpus: {counts} in {time.perf_counter() - t0:.0f} s -> {corpus}")
    texts = sorted((corpus / "text").glob("*.txt"))
    pdfs = sorted((corpus / "pdf").glob("*.pdf"))
    text_dirs = [corpus / "text"]
    if args.add:  # the full build leaves the last ``add`` documents out; they are added after it
        base, new = work / "split" / "base", work / "split" / "new"
        shutil.rmtree(work / "split", ignore_errors=True)
        base.mkdir(parents=True)
        new.mkdir()
        for k, path in enumerate(texts):
            _link(path, (new if k >= len(texts) - args.add else base) / path.name)
        text_dirs = [base, new]
    ix = work / "index"
    shutil.rmtree(ix, ignore_errors=True)
    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, value: str, target: str = "", ok: bool | None = None) -> None:
        rows.append((name, value, target, "" if ok is None else ("yes" if ok else "NO")))
        _say(f"{name}: {value}")

    rows.append((f"corpus: {len(texts)} text + {len(pdfs)} PDF documents, workers={args.workers}, "
                 f"cpus={os.cpu_count()}", "", "", ""))

    if args.base_index:  # only the documents added to an index built before
        shutil.copytree(args.base_index, ix)
        n_docs, _, _ = store_totals(ix)
        add_rows(row, spoor_build(text_dirs, ix, args.workers), args.add, n_docs, None)
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
        return rows

    # 1. full build of the text documents
    full = spoor_build(text_dirs[:1], ix, args.workers)
    n_docs, words, pages = store_totals(ix)
    rate = words / full["seconds"]
    row("full build, text: documents / words / pages", f"{n_docs:,} / {words:,} / {pages:,}")
    row("full build, text: wall time", f"{full['seconds']:.1f} s")
    row("full build, text: words/s", f"{rate:,.0f}", f">= {TARGETS['text_words_s']:,} (2 cores)",
        rate >= TARGETS["text_words_s"] if args.workers == 2 else None)
    row("full build, text: pages/s", f"{pages / full['seconds']:,.1f}")
    row("full build, text: core time (user+sys, all processes) / per word",
        f"{full['cpu_seconds']:,.0f} s / {full['cpu_seconds'] / max(1, words) * 1e6:.1f} µs")
    peak_mb = full["peak_rss"] / 2**20
    row("full build: peak RSS, all processes", f"{peak_mb:,.0f} MB", f"<= {TARGETS['peak_rss_mb']:,} MB",
        peak_mb <= TARGETS["peak_rss_mb"] if peak_mb else None)
    if full["peak_pss"]:
        row("full build: peak PSS, all processes (shared pages once)", f"{full['peak_pss'] / 2**20:,.0f} MB")
    row("full build: largest single process RSS", f"{full['max_child_rss'] / 2**20:,.0f} MB")
    for phase in full["phases"]:  # `spoor -v build` logs how long each phase took
        row(f"full build, phase: {phase.rsplit(' in ', 1)[0]}", phase.rsplit(" in ", 1)[-1])

    # 2. text documents added to that index: what the build derives again grows with what changed
    if args.add:
        add_rows(row, spoor_build(text_dirs, ix, args.workers), args.add, n_docs, full["seconds"])

    # 3. the PDFs, added incrementally with the default reader
    if pdfs:
        before = {p.stem for p in texts}
        added = spoor_build([*text_dirs, corpus / "pdf"], ix, args.workers)
        _, pdf_words, pdf_pages = store_totals(ix, {p.stem for p in pdfs})
        row("build, add PDFs (pdfminer): pages / words", f"{pdf_pages:,} / {pdf_words:,}")
        row("build, add PDFs (pdfminer): pages/s in the build", f"{pdf_pages / added['seconds']:,.1f}")
        row(f"build, add {len(pdfs):,} PDFs to {len(texts):,} documents: wall time / share of the full build",
            f"{added['seconds']:.1f} s / {added['seconds'] / full['seconds']:.0%}", "<= 5% (issue 19)",
            added["seconds"] <= 0.05 * full["seconds"])
        for phase in added["phases"]:  # what grows with the corpus (linking, subjects) and what with the new files
            row(f"build, add PDFs, phase: {phase.rsplit(' in ', 1)[0]}", phase.rsplit(" in ", 1)[-1])
        assert before  # the text documents were not extracted again: see the no-change row
    ix_size = du(ix / "whoosh") if (ix / "whoosh").exists() else 0
    row("index size: Whoosh / SQLite store", f"{ix_size / 2**20:,.0f} MB / {du(ix) / 2**20 - ix_size / 2**20:,.0f} MB")

    # 3. no-change rebuild: start-up (imports) once, then the per-document work (stat, hash, compare)
    paths = text_dirs + ([corpus / "pdf"] if pdfs else [])
    n_all = len(texts) + len(pdfs)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import pipeline.cli, pipeline.build, pipeline.reports"], cwd=ROOT,
                   check=True)
    startup = time.perf_counter() - t0
    again = spoor_build(paths, ix, args.workers)
    per_1000 = startup + max(0.0, again["seconds"] - startup) * 1000 / max(1, n_all)
    row(f"no-change rebuild of {n_all:,} docs (spoor build, incl. {startup:.1f} s start-up)",
        f"{again['seconds']:.2f} s")
    row("no-change rebuild of 1,000 docs (start-up + per-doc part scaled)", f"{per_1000:.2f} s",
        f"<= {TARGETS['nochange_1000_s']} s", per_1000 <= TARGETS["nochange_1000_s"])
    from pipeline.build import build

    t0 = time.perf_counter()
    report = build(paths, ix, workers=args.workers)
    in_process = time.perf_counter() - t0
    row("no-change rebuild, library call build() (no start-up)",
        f"{in_process:.2f} s; extracted {len(report.added) + len(report.updated)}")

    # 4. queries
    lat = query_latency(ix, args.repeat)
    (sm, sp), (bm, bp) = lat["spoor"], lat["bare"]
    row(f"query latency, spoor search ({len(QUERIES)} queries x {args.repeat}): median / p95",
        f"{sm * 1000:.1f} / {sp * 1000:.1f} ms")
    row("query latency, bare Whoosh: median / p95", f"{bm * 1000:.1f} / {bp * 1000:.1f} ms")
    row("query latency ratio spoor / bare: median / p95", f"{sm / bm:.1f}x / {sp / bp:.1f}x")

    # 5. PDF readers alone
    if pdfs:
        sample = pdfs[: args.pdf_sample] if args.pdf_sample else pdfs
        rates = pdf_rates(sample, args.workers)
        mine, fast, ptt = rates["pdfminer"], rates["fast"], rates["pdftotext"]
        row(f"PDF read, pdfminer ({mine[1]:,} pages, {args.workers} procs): pages/s", f"{mine[0]:,.1f}",
            f">= {TARGETS['pdfminer_pages_s']} (2 cores)", mine[0] >= TARGETS["pdfminer_pages_s"])
        if ptt:
            row("PDF read, pdftotext -layout: pages/s", f"{ptt[0]:,.1f}")
            ratio = fast[0] / ptt[0]
            row("PDF read, fast (PDFium): pages/s", f"{fast[0]:,.1f} ({ratio:.2f}x pdftotext)",
                f">= {TARGETS['fast_vs_pdftotext']}x pdftotext", ratio >= TARGETS["fast_vs_pdftotext"])
        else:
            row("PDF read, fast (PDFium): pages/s", f"{fast[0]:,.1f}")
            row("PDF read, pdftotext", "skipped: not installed (apt-get install poppler-utils)")
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    else:
        _say(f"kept {work}")
    return rows


def add_rows(row, few: dict, add: int, n_docs: int, full_seconds: float | None) -> None:
    """The rows of a build adding ``add`` text documents to an index of ``n_docs``: its wall time (and share
    of the full build's), the time beyond extracting and storing them, its phases, its peak RSS."""
    if full_seconds:
        row(f"build, add {add} text documents to {n_docs:,}: wall time / share of the full build",
            f"{few['seconds']:.1f} s / {few['seconds'] / full_seconds:.1%}", "<= 5% (issue 19)",
            few["seconds"] <= 0.05 * full_seconds)
    else:
        row(f"build, add {add} text documents to {n_docs:,}: wall time", f"{few['seconds']:.1f} s")
    phases = [(p.rsplit(" in ", 1)[0], p.rsplit(" in ", 1)[-1]) for p in few["phases"]]
    extraction = sum(float(t.split()[0]) for name, t in phases if name.startswith("extracted"))
    beyond = few["seconds"] - extraction
    row(f"build, add {add} text documents to {n_docs:,}: wall time beyond extracting and storing them",
        f"{beyond:.1f} s (start-up included)", "<= 5 s (issue 19)", beyond <= 5)
    row(f"build, add {add} text documents: core time (user+sys, all processes)", f"{few['cpu_seconds']:.1f} s")
    row(f"build, add {add} text documents: peak RSS, all processes", f"{few['peak_rss'] / 2**20:,.0f} MB")
    for name, took in phases:
        row(f"build, add {add} text documents, phase: {name}", took)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _say(text: str) -> None:
    print(f"  .. {text}", file=sys.stderr, flush=True)


def table(rows: list[tuple[str, ...]], previous: dict[str, str] | None = None) -> str:
    head: tuple[str, ...] = ("measure", "value", "target", "met")
    if previous is not None:  # an earlier run's value of the same measure beside this one's
        head = ("measure", "before", "value", "target", "met")
        rows = [(r[0], previous.get(r[0], ""), *r[1:]) for r in rows]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="documents to generate (default 300; 5000 = full)")
    parser.add_argument("--pdf-share", type=float, default=0.05, help="share of documents rendered to PDF")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="build and reader processes (default 2)")
    parser.add_argument("--corpus", type=Path, help="a corpus made by make_corpus.py (skip generating)")
    parser.add_argument("--work", type=Path, help="working folder (kept); default a temporary one")
    parser.add_argument("--keep", action="store_true", help="keep the temporary working folder")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the query set")
    parser.add_argument("--pdf-sample", type=int, default=0, help="read only this many PDFs (0: all)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    parser.add_argument("--add", type=int, default=7,
                        help="text documents the full build leaves out and a second build adds (default 7; 0: none)")
    parser.add_argument("--base-index", type=Path,
                        help="measure only adding the --add documents to a copy of this index (built from the corpus "
                             "without its last --add text documents)")
    parser.add_argument("--previous", type=Path, help="the --json of an earlier run, shown beside this one")
    args = parser.parse_args(argv)
    previous = None
    if args.previous:
        previous = {r[0]: r[1] for r in json.loads(args.previous.read_text(encoding="utf-8"))}
    t0 = time.perf_counter()
    rows = run(args)
    rows.append((f"benchmark wall time {time.perf_counter() - t0:.0f} s", "", "", ""))
    print(table(rows, previous))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
