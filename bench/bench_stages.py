"""Core time per word of each stage of a build, in one process, for finding what to make faster (issue 19).

    .venv/bin/python bench/bench_stages.py [FOLDER] [--docs 100] [--rounds 3] [--profile N]

FOLDER holds the documents (text, Markdown, HTML or PDF); without it ``bench/make_corpus.py`` generates
``--docs`` text documents into a temporary folder. Every stage runs ``--rounds`` times over all documents
and the least CPU time (user + system of this process) is printed, per word and in total: reading and
cleaning, spaCy's tokenizer, each pipeline component, the records (``pipeline.extract.analyse`` minus the
pipeline), storing them (SQLite), and writing the search index of them in one process as a build's index
writer processes do (the compounds' parts included). The least of several rounds is the figure that
varies least on a shared machine; caches warmed by the first round (tokenizer, memos) stay warm, as they
do over a large build. ``--profile N`` also prints the N functions of most own time (cProfile) of one
more round of each stage. Runs against whatever ``pipeline`` is importable, so the same script measures
an older checkout (run it from that checkout's folder).

The figures are one core's: a build on two cores extracts in two processes and writes the index in two
more while the main process stores, links and derives subjects (``bench/bench_build.py`` measures that).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path.cwd()))  # the checkout it is run from (see the docstring)


def _cpu() -> float:
    return time.process_time()


def measure(folder: Path, rounds: int, profile: int) -> list[tuple[str, float]]:
    from pipeline import ingest
    from pipeline.build import _index_rows
    from pipeline.extract import analyse, get_nlp, run_pipeline
    from pipeline.index import writer as windex
    from pipeline.ingest import clean
    from pipeline.nlp import register_extensions
    from pipeline.store import open_store

    nlp = get_nlp()
    register_extensions()
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    raws = [(p, ingest.read(p)) for p in paths]
    cleaned = [(p, raw, clean.clean_pages(raw.pages)) for p, raw in raws]
    words = sum(len(c.text.split()) for _, _, c in cleaned)
    best: Counter = Counter()
    profiles: dict[str, cProfile.Profile] = {}

    def stage(name: str, run) -> None:
        times = []
        for _ in range(rounds):
            t0 = _cpu()
            run()
            times.append(_cpu() - t0)
        best[name] = min(times)
        if profile:
            prof = profiles[name] = cProfile.Profile()
            prof.enable()
            run()
            prof.disable()

    stage("read and clean", lambda: [clean.clean_pages(ingest.read(p).pages) for p in paths])
    stage("spaCy tokenizer", lambda: [nlp.make_doc(c.text) for _, _, c in cleaned])
    for name, proc in nlp.pipeline:
        docs = []
        for p, _, c in cleaned:  # each component gets the documents as the ones before it leave them
            doc = nlp.make_doc(c.text)
            doc.user_data["spoor_text"] = c.text
            doc._.meta = {"doc_id": p.stem}
            for before, earlier in nlp.pipeline:
                if before == name:
                    break
                doc = earlier(doc)
            docs.append(doc)
        stage(f"component {name}", lambda docs=docs, proc=proc: [proc(d) for d in docs])
    results = [analyse(p.stem, c, nlp, path=str(p), fmt=raw.format) for p, raw, c in cleaned]
    pipeline_only = []
    for _ in range(rounds):
        t0 = _cpu()
        for p, _, c in cleaned:
            run_pipeline(nlp, c.text, {"doc_id": p.stem})
        pipeline_only.append(_cpu() - t0)
    stage("analyse (records included)", lambda: [analyse(p.stem, c, nlp, path=str(p), fmt=raw.format)
                                                 for p, raw, c in cleaned])
    best["records (analyse minus pipeline)"] = max(0.0, best.pop("analyse (records included)") - min(pipeline_only))
    profiles.pop("analyse (records included)", None)

    with tempfile.TemporaryDirectory() as tmp:
        def store_all(folder=Path(tmp)) -> None:
            for sub in folder.iterdir():
                shutil.rmtree(sub) if sub.is_dir() else sub.unlink()
            store = open_store(folder)
            with store.transaction():
                for r in results:
                    store.put(r)
            store.close()

        stage("store (SQLite)", store_all)
        store = open_store(Path(tmp))
        rows = list(_index_rows(store, {r.document.doc_id for r in results}))
        store.close()

        def index_all(folder=Path(tmp) / "ix") -> None:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            writer = windex.PassageWriter(folder, 1)
            fields = writer._writer.schema  # the stand-ins an index writer process uses (_SubWriter)
            for fname in fields.names():
                field = fields[fname]
                quick = windex._QuickAnalyzer.wrap(getattr(field, "analyzer", None))
                if quick is not None:
                    field.analyzer = quick
                    quick_format = windex._QuickPositions.wrap(field.format)
                    if quick_format is not None:
                        field.format = quick_format
            for row in rows:
                writer.add(*row)
            writer._writer._finalize_segment()  # the segment written, as a writer process hands it over
            writer._writer._finish()  # not committed: the stand-ins stay out of the index's schema

        stage("search index (one writer process)", index_all)

    total = sum(best.values())
    print(f"{folder}: {len(paths)} documents, {words:,} words; least CPU time of {rounds} rounds")
    print(f"{'stage':40s} {'seconds':>8s} {'us/word':>8s}")
    for name, seconds in best.items():
        print(f"{name:40s} {seconds:8.2f} {seconds / words * 1e6:8.2f}")
    print(f"{'total':40s} {total:8.2f} {total / words * 1e6:8.2f}")
    for name, prof in profiles.items():
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(profile)
        lines = [ln for ln in out.getvalue().splitlines() if ln.strip() and not ln.startswith(("   Ordered", "   List"))]
        print(f"\n--- {name}: most own time (cProfile)\n" + "\n".join(lines[-profile - 1:]))
    return list(best.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", help="documents to measure (default: generated)")
    parser.add_argument("--docs", type=int, default=100, help="documents to generate without FOLDER (default 100)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per stage; the least time counts (default 3)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print each stage's N hottest functions")
    args = parser.parse_args(argv)
    if args.folder is not None:
        if not args.folder.is_dir():
            parser.error(f"{args.folder} is not a folder")
        measure(args.folder, args.rounds, args.profile)
        return 0
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import generate

    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), args.docs, 0.0, 8, ROOT / "corpus")
        measure(Path(tmp) / "text", args.rounds, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
