"""Search speed and answer quality of spoor against a bare Whoosh search, in one run.

    .venv/bin/python bench/bench_search.py                  # about 100,000 passages (4,900 documents)
    .venv/bin/python bench/bench_search.py --docs 1000      # quicker, about 20,000 passages
    .venv/bin/python bench/bench_search.py --quality-only   # just MRR and snippet answer rate
    .venv/bin/python bench/bench_search.py --speed-only --facets --misses

Speed: ``bench/make_corpus.py`` generates ``--docs`` text documents (about 20 passages each) and
``spoor build`` indexes them, once: corpus and index are kept in /tmp/spoor-bench-search/ and reused
by later runs with the same arguments (delete that folder to build them with newer code). The same
queries (the question set and some plain ones) go, interleaved, to spoor's ``search()`` and to a bare
Whoosh search that opens the index, parses with the same fields and OR group, searches the top 10 and
reads their stored fields (optionally with Whoosh's own highlights), as a plain app would per request.
Prints median and p95 per engine and spoor's ratio to the bare search, and spoor's first run of each
query (before its words' scores are kept between searches), reading Whoosh's posting blocks and
then again with the common words' postings written as arrays by ``postings.warm`` (what
``spoor serve`` has a separate process do for each index generation).

Quality: the questions in tests/data/questions.json against the sample corpus index (or another
``--corpus`` folder, built into a temporary index): MRR of the document that answers, and the share
of questions with an answer word in one of the top-3 snippets, for the bare Whoosh search with the
Dutch analyzer and for spoor, separately for the original questions and the ones marked
``"set": "new"``, and for the questions of ``"kind"`` typo/variant/compound and id:

    .venv/bin/python bench/bench_search.py --quality-only --corpus ../shared/real/docs \\
        --questions tests/data/questions_real.json --questions tests/data/questions_real_holdout.json
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from whoosh import highlight  # noqa: E402
from whoosh.qparser import MultifieldParser, OrGroup  # noqa: E402

from pipeline.index import writer as windex  # noqa: E402
from pipeline.search import postings  # noqa: E402
from pipeline.search import engine as searching  # noqa: E402
from pipeline.search import search  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "spoor-bench-search"
QUESTIONS = ROOT / "tests" / "data" / "questions.json"
EXTRA_QUERIES = ["samenwerking", "gemeenten", "Regio Twente", "\"algemeen bestuur\"", "GGD AND OZJT",
                 "bedrijfsvoering NOT personeel", "heroriëntatie", "Twenteraad", "regioraad besluit",
                 "recreatie en toerisme", "financiën begroting", "sociaal domein"]


def build_corpus(folder: Path, corpus: Path = ROOT / "corpus") -> None:
    from pipeline.build import build

    report = build([corpus], folder)
    if report.problems:
        print("problems:", *report.problems, sep="\n  ", file=sys.stderr)


def big_index(docs: int, seed: int = 8) -> Path:
    """The index of ``docs`` generated documents, built with ``spoor build`` (kept under /tmp and reused)."""
    from make_corpus import generate

    home = CACHE / f"docs{docs}-seed{seed}"
    folder, done = home / "index", home / "index" / "bench-complete"
    if done.exists():
        return folder
    if not (home / "corpus" / "text").exists():
        counts = generate(home / "corpus", docs, pdf_share=0.0, seed=seed)
        print(f"generated {counts['documents']} documents, {counts['words']:,} words", flush=True)
    t = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("spoor")), "build", str(home / "corpus" / "text"),
                    "--index", str(folder), "--quiet", "--no-summary"], check=True)
    print(f"built the index in {time.perf_counter() - t:.0f} s", flush=True)
    done.write_text("built\n", encoding="utf-8")
    return folder


def bare_search(folder: Path, query: str, limit: int = 10, highlights: bool = False) -> list[tuple[str, str]]:
    """Plain Whoosh with spoor's schema and Dutch analyzer: open, parse, search, read the hits (and highlight)."""
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
        return [(h["doc_id"], h.highlights("text", top=2) if highlights else h.get("text", "")[:300])
                for h in results]


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def speed(target: Path, rounds: int, facets: bool) -> None:
    with windex.open_existing(target).searcher() as s:
        passages = s.doc_count()
        docs = len(list(s.lexicon("doc_id")))
    questions = [q["q"] for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]]
    queries = questions + EXTRA_QUERIES
    engines = [("bare Whoosh (open, search, fields)", lambda q: bare_search(target, q)),
               ("bare Whoosh (+ Whoosh highlights)", lambda q: bare_search(target, q, highlights=True)),
               ("spoor search()", lambda q: search(target, q, 10))]
    if facets:
        engines.append(("spoor search(facets=True)", lambda q: search(target, q, 10, facets=True)))
    first: dict[str, list[float]] = {name: [] for name, _ in engines}
    shutil.rmtree(target / postings.CACHE, ignore_errors=True)
    search(target, "opening the index", 10)  # opening the index (field lengths, aliases) is not a query
    for q in queries:  # the first run of each query fills the OS cache and spoor's per-index caches
        for name, fn in engines:
            t = time.perf_counter()
            fn(q)
            first[name].append((time.perf_counter() - t) * 1000)
    # What `spoor serve` has done by now in a process of its own: the common words' postings as arrays.
    t = time.perf_counter()
    postings.warm(target)
    warm_s = time.perf_counter() - t
    size = sum(f.stat().st_size for f in (target / postings.CACHE).rglob("*") if f.is_file())
    searching._STATES.clear()
    search(target, "opening the index", 10)
    first_warm = []
    for q in queries:
        t = time.perf_counter()
        search(target, q, 10)
        first_warm.append((time.perf_counter() - t) * 1000)
    times: dict[str, list[float]] = {name: [] for name, _ in engines}
    for _ in range(rounds):  # interleaved, so a busy moment of the machine hits every engine alike
        for q in queries:
            for name, fn in engines:
                t = time.perf_counter()
                fn(q)
                times[name].append((time.perf_counter() - t) * 1000)
    print(f"\n{len(queries)} queries x {rounds} rounds on {passages:,} passages of {docs:,} documents ({target})\n"
          f"targets: spoor median <= 10 ms, p95 <= 50 ms, <= 1.2x bare Whoosh\n")
    print(f"| {'engine':<36} | {'median ms':>9} | {'p95 ms':>8} | {'median x bare':>13} | {'p95 x bare':>10} |")
    print(f"|{'-' * 38}|{'-' * 11}|{'-' * 10}|{'-' * 15}|{'-' * 12}|")
    base = None
    rows = [*times.items(), *((f"{name}, first run", values) for name, values in first.items() if name == "spoor search()"),
            ("spoor search(), first run, arrays", first_warm)]
    for name, values in rows:
        med, high = statistics.median(values), p95(values)
        base = base or (med, high)
        print(f"| {name:<36} | {med:>9.1f} | {high:>8.1f} | {med / base[0]:>13.2f} | {high / base[1]:>10.2f} |")
    print("\n(first run: each query's first search in this process, before its words' scores are kept,"
          " reading Whoosh's posting blocks; first run, arrays: the same in a new search state once"
          f" postings.warm wrote the common words' postings as arrays ({warm_s:.1f} s, {size / 1e6:.0f} MB),"
          " as `spoor serve` has done in the background; the bare search reopens the index every time,"
          " so it has no warm state)")
    # The evolution card above the results (web page and CLI) for queries that name a subject: the
    # first card of an index generation reads the subjects and decisions, a new subject then its own
    # mentions, a repeat is kept.
    from pipeline.search import card as cards

    cards._CARDS.clear()
    names = ["Twenteraad", "Veilig Thuis Twente", "SSNT", "Twente Board", "Agenda voor Twente"]
    card_times = []
    for n in names + names:
        t = time.perf_counter()
        cards.subject_card(target, n)
        card_times.append((time.perf_counter() - t) * 1000)
    print(f"\nsubject card: first of the index generation {card_times[0]:,.0f} ms; another subject "
          f"median {statistics.median(card_times[1:len(names)]):,.0f} ms; the same subject again "
          f"median {statistics.median(card_times[len(names):]):.1f} ms")
    slow = sorted(((statistics.median(times["spoor search()"][i::len(queries)]), q) for i, q in enumerate(queries)),
                  reverse=True)[:5]
    print("\nslowest spoor queries (median ms):", "; ".join(f"{q!r} {ms:.0f}" for ms, q in slow))


def quality(corpus_ix: Path, misses: bool = False, questions: Path = QUESTIONS, corpus: str = "the sample corpus") -> None:
    data = json.loads(questions.read_text(encoding="utf-8"))["questions"]
    sets = {"original": [q for q in data if q.get("set") != "new"], "new": [q for q in data if q.get("set") == "new"]}
    # typo/variant: a word mistyped, another spelling, a compound typed apart or joined; id: identifiers
    kinds = {"typo/variant": [q for q in data if q.get("kind") in ("typo", "variant", "compound")],
             "identifiers": [q for q in data if q.get("kind") == "id"]}

    def score(run, items) -> tuple[float, float, list[str]]:
        rr, answered, missed = [], 0, []
        for item in items:
            docs, snippets = run(item["q"])
            ranked = list(dict.fromkeys(docs))
            rank = next((i + 1 for i, d in enumerate(ranked) if d.startswith(item["doc"])), None)
            rr.append(1 / rank if rank else 0.0)
            top = " ".join(snippets[:3]).casefold().replace("**", "")
            ok = any(a.casefold() in top for a in item["answer"])
            answered += ok
            if rank != 1 or not ok:
                missed.append(f"{item['q']!r}: document rank {rank}, answer in top-3 snippets: {'yes' if ok else 'no'}")
        return sum(rr) / len(rr), answered / len(items), missed

    def plain(q):
        hits = bare_search(corpus_ix, q, limit=50, highlights=True)
        return [d for d, _ in hits], [s for _, s in hits]

    def spoor(q):
        result = search(corpus_ix, q, 50)
        return [h.doc_id for h in result.hits], [h.snippet for h in result.hits]

    print(f"\n{len(data)} questions from {questions} on {corpus}\n")
    print(f"| {'engine':<30} | {'questions':<18} | {'MRR':>5} | {'answer in top-3 snippets':>24} |")
    print(f"|{'-' * 32}|{'-' * 20}|{'-' * 7}|{'-' * 26}|")
    for name, run in (("bare Whoosh, Dutch analyzer", plain), ("spoor search()", spoor)):
        groups = [*((k, v) for k, v in sets.items() if v and len(v) < len(data)), *((k, v) for k, v in kinds.items() if v),
                  ("all", data)]
        for label, items in groups:
            mrr, rate, missed = score(run, items)
            print(f"| {name:<30} | {label + f' ({len(items)})':<18} | {mrr:>5.2f} | {rate:>23.0%} |")
            if misses and label == "all" and name.startswith("spoor"):
                print(*(f"    miss: {m}" for m in missed), sep="\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=4900,
                    help="generated documents to index for the speed run (default 4900: about 100,000 passages)")
    ap.add_argument("--rounds", type=int, default=3, help="times each query is run")
    ap.add_argument("--quality-only", action="store_true", help="only the question set, no speed run")
    ap.add_argument("--speed-only", action="store_true", help="only the speed run")
    ap.add_argument("--misses", action="store_true", help="list the questions spoor does not answer at rank 1")
    ap.add_argument("--facets", action="store_true", help="also time search(facets=True) (the web page's call)")
    ap.add_argument("--questions", type=Path, action="append",
                    help="question file(s) for the quality run (default tests/data/questions.json; "
                         "tests/data/questions_holdout.json was written apart from the tuning)")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus",
                    help="folder of documents the question set asks about (default: the sample corpus; "
                         "tests/data/questions_real*.json ask about ../shared/real/docs)")
    args = ap.parse_args()
    if not args.speed_only:
        if not args.corpus.is_dir():
            ap.error(f"--corpus {args.corpus}: no such folder")
        with tempfile.TemporaryDirectory(prefix="spoor-bench-") as tmp:
            corpus_ix = Path(tmp) / "corpus"
            build_corpus(corpus_ix, args.corpus)
            for questions in args.questions or [QUESTIONS]:
                quality(corpus_ix, args.misses, questions, str(args.corpus))
            sys.stdout.flush()
    if not args.quality_only:
        speed(big_index(args.docs), args.rounds, args.facets)


if __name__ == "__main__":
    main()
