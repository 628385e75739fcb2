"""Search speed and answer quality of spoor against a bare Whoosh search, in one run.

    .venv/bin/python bench/bench_search.py                  # 100,000 passages
    .venv/bin/python bench/bench_search.py --passages 20000 # quicker
    .venv/bin/python bench/bench_search.py --quality-only   # just MRR and snippet answer rate

Speed: the sample corpus is built once (through the real pipeline) into a temp dir; its passages
are then recombined into ``--passages`` synthetic passages (sentences shuffled across passages,
documents re-dated) and written straight into a fresh index with ``pipeline.index.write``. The
same queries go to spoor's ``search()`` and to a bare Whoosh search (same fields, OR group,
Whoosh's own highlights for the shown hits), each opening the index per call as spoor does.

Quality: the questions in tests/data/questions.json against the sample corpus index: MRR of the
document that answers, and the share of questions with an answer word in one of the top-3
snippets, for the bare Whoosh search with the Dutch analyzer and for spoor.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from whoosh import highlight  # noqa: E402
from whoosh.qparser import MultifieldParser, OrGroup  # noqa: E402

from pipeline import index as windex  # noqa: E402
from pipeline.models import Document, Passage  # noqa: E402
from pipeline.search import search  # noqa: E402
from pipeline.store import Store  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "questions.json"
PASSAGES_PER_DOC = 40
EXTRA_QUERIES = ["samenwerking", "gemeenten", "Regio Twente", "\"algemeen bestuur\"", "GGD AND OZJT",
                 "bedrijfsvoering NOT personeel", "heroriëntatie", "Twenteraad", "regioraad besluit",
                 "recreatie en toerisme", "financiën begroting", "sociaal domein"]


def build_corpus(folder: Path) -> None:
    from pipeline.build import build

    report = build([ROOT / "corpus"], folder)
    if report.problems:
        print("problems:", *report.problems, sep="\n  ", file=sys.stderr)


def synthesise(source: Path, target: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` passages recombined from the store in ``source`` into a new index in ``target``."""
    rng = random.Random(seed)
    with Store(source) as store:
        docs = store.documents()
        passages = store.passages()
    sentences = [s for p in passages for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", p.text) if len(s) > 20]
    doc_types = sorted({d.doc_type for d in docs})

    def batches():
        made = 0
        k = 0
        while made < n:
            base = rng.choice(docs)
            year = rng.randint(2005, 2024)
            doc = Document(doc_id=f"syn{k:06d}", title=base.title, date=f"{year}-{rng.randint(1, 12):02d}",
                           doc_type=rng.choice(doc_types), pages=PASSAGES_PER_DOC // 4, sha256="0" * 64,
                           path=f"/synthetic/syn{k:06d}.txt", format="text")
            out = []
            for i in range(min(PASSAGES_PER_DOC, n - made)):
                text = " ".join(rng.sample(sentences, rng.randint(2, 6)))
                out.append(Passage(doc_id=doc.doc_id, passage_no=i, page=1 + i // 4, start=i * 1000,
                                   end=i * 1000 + len(text), text=text))
            made += len(out)
            k += 1
            yield doc, out, []

    return windex.write(target, [], batches())


def bare_search(folder: Path, query: str, limit: int = 10, highlights: bool = True) -> list[tuple[str, str]]:
    """Plain Whoosh with spoor's schema and Dutch analyzer: parse, search, highlight."""
    ix = windex.open_existing(folder)
    parser = MultifieldParser(["text", "title", "names"], ix.schema, group=OrGroup,
                              fieldboosts={"text": 1.0, "title": 0.5, "names": 1.2})
    try:
        q = parser.parse(query)
    except Exception:  # noqa: BLE001
        q = parser.parse(re.sub(r"[^\w\s]", " ", query))
    with ix.searcher() as searcher:
        results = searcher.search(q, limit=limit)
        results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
        return [(h["doc_id"], h.highlights("text", top=2) if highlights else "") for h in results]


def timings(fn, queries: list[str], rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - t) * 1000)
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def speed(corpus_ix: Path, target: Path, n: int, rounds: int, facets: bool) -> None:
    if windex.exists(target):
        with windex.open_existing(target).searcher() as s:
            written = s.doc_count()
        print(f"reusing {written} passages in {target}")
    else:
        t = time.perf_counter()
        written = synthesise(corpus_ix, target, n)
        print(f"generated {written} passages in {time.perf_counter() - t:.1f} s", flush=True)
    questions = [q["q"] for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]]
    queries = questions + EXTRA_QUERIES
    for q in queries:  # warm the OS cache and Whoosh's per-process caches for both
        search(target, q, 10)
        bare_search(target, q)
    engines = [("bare Whoosh (search + highlights)", lambda q: bare_search(target, q)),
               ("bare Whoosh (search only)", lambda q: bare_search(target, q, highlights=False)),
               ("spoor search()", lambda q: search(target, q, 10))]
    if facets:
        engines.append(("spoor search(facets=True)", lambda q: search(target, q, 10, facets=True)))
    print(f"\n{len(queries)} queries x {rounds} rounds on {written} passages (targets: spoor median <= 10 ms, "
          f"p95 <= 50 ms, <= 1.2x bare Whoosh)\n")
    print(f"| {'engine':<36} | {'median ms':>9} | {'p95 ms':>8} | {'x bare':>6} |")
    print(f"|{'-' * 38}|{'-' * 11}|{'-' * 10}|{'-' * 8}|", flush=True)
    base = None
    for name, fn in engines:
        values = timings(fn, queries, rounds)
        med = statistics.median(values)
        base = base or med
        print(f"| {name:<36} | {med:>9.1f} | {p95(values):>8.1f} | {med / base:>6.2f} |", flush=True)


def quality(corpus_ix: Path) -> None:
    data = json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]

    def score(run) -> tuple[float, float]:
        rr, answered = [], 0
        for item in data:
            docs, snippets = run(item["q"])
            ranked = list(dict.fromkeys(d[:3] for d in docs))
            rr.append(1 / (ranked.index(item["doc"]) + 1) if item["doc"] in ranked else 0.0)
            top = " ".join(snippets[:3]).casefold().replace("**", "")
            answered += any(a.casefold() in top for a in item["answer"])
        return sum(rr) / len(rr), answered / len(data)

    def plain(q):
        hits = bare_search(corpus_ix, q, limit=50)
        return [d for d, _ in hits], [s for _, s in hits]

    def spoor(q):
        result = search(corpus_ix, q, 50)
        return [h.doc_id for h in result.hits], [h.snippet for h in result.hits]

    print(f"\n{len(data)} questions from {QUESTIONS.relative_to(ROOT)} on the sample corpus\n")
    print(f"| {'engine':<36} | {'MRR':>5} | {'answer in top-3 snippets':>24} |")
    print(f"|{'-' * 38}|{'-' * 7}|{'-' * 26}|")
    for name, run in (("bare Whoosh, Dutch analyzer", plain), ("spoor search()", spoor)):
        mrr, rate = score(run)
        print(f"| {name:<36} | {mrr:>5.2f} | {rate:>23.0%} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passages", type=int, default=100_000, help="synthetic passages to index (default 100000)")
    ap.add_argument("--rounds", type=int, default=3, help="times each query is run")
    ap.add_argument("--quality-only", action="store_true", help="only the question set, no speed run")
    ap.add_argument("--facets", action="store_true", help="also time search(facets=True) (the web page's call)")
    ap.add_argument("--keep", type=Path, help="keep the synthetic index here and reuse it on the next run")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="spoor-bench-") as tmp:
        corpus_ix = Path(tmp) / "corpus"
        build_corpus(corpus_ix)
        quality(corpus_ix)
        sys.stdout.flush()
        if not args.quality_only:
            speed(corpus_ix, args.keep or Path(tmp) / "big", args.passages, args.rounds, args.facets)


if __name__ == "__main__":
    main()
