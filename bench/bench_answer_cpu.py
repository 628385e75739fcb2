"""CPU time of one distinct search answered by the JSON API, in one process, without HTTP: where
`spoor serve`'s milliseconds per answer go when the machine is shared and wall-clock figures wander.

    .venv/bin/python bench/bench_answer_cpu.py --index IX [--code OLD_CHECKOUT] [--rounds 4] [--queries 200]

The ``/api/search`` handler (``pipeline.web.api``: filters checked, ``results.run``, JSON written) is
called with ``bench_serve``'s distinct queries (none sent twice, so no kept answer is used), after 450
others to open the index and fill the process' word caches. Each round prints the process' CPU time
(``time.process_time``: other work on the machine slows it down little) per answer twice: "warm", with
the passages' prepared words and sentences (``search.snippets``) kept from the queries before, as in a
server that has run for a while on an index of a few thousand passages; and "cold", with those caches
emptied first, as in a server process just started, or one whose index holds many more passages than
the caches keep (``snippets._prepared``: 4,096). ``--code`` runs another checkout's ``pipeline/`` (run
both, alternating, to compare). Each round uses other queries. The process collects its garbage as
``spoor serve``'s do (``web.pool.calm_collector``, where the code run has it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, required=True, help="an index folder built by `spoor build`")
    ap.add_argument("--code", type=Path, default=ROOT, help="folder whose pipeline/ to run (another checkout)")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--queries", type=int, default=200, help="distinct queries per round and kind")
    args = ap.parse_args()
    sys.path[:0] = [str(args.code.resolve()), str(ROOT / "bench")]
    from bench_serve import distinct_queries
    from starlette.requests import Request

    from pipeline.search import snippets
    from pipeline.web import create_app

    app = create_app(args.index)
    from pipeline.web import pool

    if hasattr(pool, "calm_collector"):  # the garbage collection of a `spoor serve` process (where the code has it)
        pool.calm_collector()
    handler = next(r.endpoint for r in app.routes if getattr(r, "path", "") == "/api/search").__wrapped__
    fresh = distinct_queries()

    def answer(q: str, page: int) -> None:
        query = urlencode({"q": q, **({"page": page} if page != 1 else {})}).encode()
        response = handler(Request({"type": "http", "method": "GET", "path": "/api/search", "raw_path": b"/api/search",
                                    "query_string": query, "headers": [(b"host", b"127.0.0.1")], "root_path": "",
                                    "scheme": "http", "server": ("127.0.0.1", 80), "app": app}))
        assert response.status_code == 200, response.body

    def per_answer(cold: bool) -> float:
        batch = [next(fresh) for _ in range(args.queries)]
        if cold:
            for cache in (snippets._prepared, snippets._features, snippets._number_words):
                cache.cache_clear()
        started = time.process_time()
        for q, page in batch:
            answer(q, page)
        return (time.process_time() - started) / len(batch) * 1000

    for _ in range(450):
        answer(*next(fresh))
    found: dict[str, list[float]] = {"warm": [], "cold": []}
    print(f"{args.code}: CPU ms per answer of /api/search, {args.queries} distinct queries a round")
    for n in range(args.rounds):
        for kind in found:
            found[kind].append(per_answer(kind == "cold"))
        print(f"round {n + 1}: warm {found['warm'][-1]:.2f} ms, cold {found['cold'][-1]:.2f} ms")
    print(f"median: warm {statistics.median(found['warm']):.2f} ms, cold {statistics.median(found['cold']):.2f} ms")


if __name__ == "__main__":
    main()
