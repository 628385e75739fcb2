"""Search quality and latency of both backends on the same queries: SQLite + Whoosh, and PostgreSQL.

Builds the sample corpus (and, with --docs N, a generated corpus of N documents from
bench/make_corpus.py) into an index folder and into a fresh PostgreSQL database, then runs the
question set of tests/data/questions.json on both (MRR of the answering document, share of
questions whose answer words are in one of the top-3 snippets) and times every question on both.

    .venv/bin/python bench/bench_backends.py --store postgresql://spoor:spoor@localhost/spoor
    .venv/bin/python bench/bench_backends.py --docs 1000        # latency on a larger corpus too

--store names a role that may create databases; the benchmark makes its own and drops it after.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.build import build  # noqa: E402
from pipeline.search import search  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "questions.json"


def fresh_database(admin_url: str) -> tuple[str, callable]:
    import psycopg

    name = f"spoor_bench_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(admin_url, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return admin_url.rsplit("/", 1)[0] + "/" + name, drop


def quality(target: str, questions: list[dict]) -> tuple[float, float]:
    rr, answered = [], 0
    for item in questions:
        result = search(target, item["q"], 50)
        ranked = list(dict.fromkeys(h.doc_id[:3] for h in result.hits))
        rr.append(1 / (ranked.index(item["doc"]) + 1) if item["doc"] in ranked else 0.0)
        top = " ".join(h.snippet for h in result.hits[:3]).casefold().replace("**", "")
        answered += any(a.casefold() in top for a in item["answer"])
    return sum(rr) / len(rr), answered / len(questions)


def latency(target: str, queries: list[str], rounds: int) -> tuple[float, float]:
    search(target, queries[0])  # warm: open the index or connection, load the alias table
    times = []
    for _ in range(rounds):
        for q in queries:
            t0 = time.perf_counter()
            search(target, q, 10)
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", default=os.environ.get("SPOOR_TEST_PG", "postgresql://spoor:spoor@localhost/spoor"),
                    help="PostgreSQL role that may create databases")
    ap.add_argument("--docs", type=int, default=0, help="also time a generated corpus of this many documents")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    queries = [q["q"] for q in questions]
    corpora = [("sample corpus (5 documents)", ROOT / "corpus")]
    work = Path(tempfile.mkdtemp(prefix="spoor-backends-"))
    if args.docs:
        sys.path.insert(0, str(ROOT / "bench"))
        from make_corpus import generate  # noqa: E402

        generate(work / "generated", args.docs, pdf_share=0.0)
        corpora.append((f"generated corpus ({args.docs} documents)", work / "generated"))
    print(f"| {'corpus':<34} | {'backend':<20} | {'build s':>7} | {'MRR':>5} | {'top-3':>5} | "
          f"{'median ms':>9} | {'p95 ms':>7} |")
    print(f"|{'-' * 36}|{'-' * 22}|{'-' * 9}|{'-' * 7}|{'-' * 7}|{'-' * 11}|{'-' * 9}|")
    for label, corpus in corpora:
        url, drop = fresh_database(args.store)
        try:
            for backend, target in (("SQLite + Whoosh", str(work / f"ix-{corpus.name}")), ("PostgreSQL FTS", url)):
                t0 = time.perf_counter()
                build([corpus], target)
                built = time.perf_counter() - t0
                mrr, top3 = quality(target, questions) if corpus == ROOT / "corpus" else (float("nan"),) * 2
                med, p95 = latency(target, queries, args.rounds)
                print(f"| {label:<34} | {backend:<20} | {built:>7.1f} | {mrr:>5.2f} | {top3:>5.0%} | "
                      f"{med:>9.1f} | {p95:>7.1f} |")
        finally:
            drop()


if __name__ == "__main__":
    main()
