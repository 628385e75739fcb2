"""Every answer search gives, written to a file, to check that a change for speed changed no answer.

    .venv/bin/python bench/search_answers.py --index IX [--index IX2] --out before.json [--code OLD_CHECKOUT]
    .venv/bin/python bench/search_answers.py --index IX [--index IX2] --out after.json --compare before.json

For each index and each query (the questions of tests/data/questions*.json, bench_serve's 16 common
queries and 250 of its distinct ones) it keeps what `spoor search --json` prints (10 and 50 documents),
what the web page's search gives for pages 1 and 2 (``web.results.run``: documents, passages, snippets,
scores, facets, counts, notes) and what ``/api/search`` answers for them (its JSON), with no time budget,
so that a loaded machine cannot cut an answer short. ``--compare`` prints how many answers differ from an
earlier file and which, and exits 1 if any do. ``--code`` runs the search of another checkout (its
``pipeline/``), to write the "before" file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def answers(indexes: list[Path]) -> dict:
    from bench_serve import QUERIES, distinct_queries

    from pipeline.reports import search_json
    from pipeline.search import engine, search
    from pipeline.web import results

    results.SEARCH_BUDGET_S = engine.SEARCH_BUDGET_S = 600.0  # no answer cut short by a busy machine
    queries = [q["q"] for f in sorted((ROOT / "tests" / "data").glob("questions*.json"))
               for q in json.loads(f.read_text(encoding="utf-8"))["questions"]]
    fresh = distinct_queries()
    queries += QUERIES + [next(fresh)[0] for _ in range(250)]
    no_filters = {k: None for k in results.FILTER_FIELDS}
    out = {}
    for ix in indexes:
        api = _api_search(ix)
        for q in queries:
            found = {"cli": search_json(search(ix, q)), "cli50": search_json(search(ix, q, 50))}
            for page in (1, 2):
                p = results.run(ix, q, no_filters, page=page)
                found[f"web{page}"] = {
                    "error": p.error, "documents": p.documents, "pages": p.pages,
                    "groups": [g.model_dump() for g in p.groups],
                    "facets": {k: [f.model_dump() for f in v] for k, v in p.facets.items()},
                    **({"total": p.result.total, "notes": p.result.notes, "suggestion": p.result.suggestion,
                        "also": p.result.also} if p.result else {})}
                found[f"api{page}"] = api(q, page)
            out[f"{ix.name}|{q}"] = found
    return out


def _api_search(ix: Path):
    """``api(q, page)``: what ``/api/search?q=..&page=..`` answers, as parsed JSON (the route's handler
    called directly, no HTTP, nothing kept between requests)."""
    from urllib.parse import urlencode

    from starlette.requests import Request

    from pipeline.web import create_app

    app = create_app(ix)
    handler = next(r.endpoint for r in app.routes if getattr(r, "path", "") == "/api/search").__wrapped__

    def api(q: str, page: int):
        query = urlencode({"q": q, **({"page": page} if page != 1 else {})}).encode()
        response = handler(Request({"type": "http", "method": "GET", "path": "/api/search", "raw_path": b"/api/search",
                                    "query_string": query, "headers": [(b"host", b"127.0.0.1")], "root_path": "",
                                    "scheme": "http", "server": ("127.0.0.1", 80), "app": app}))
        return {"status": response.status_code, "body": json.loads(response.body)}

    return api


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, action="append", required=True, help="an index folder built by `spoor build`")
    ap.add_argument("--out", type=Path, required=True, help="where to write the answers (JSON)")
    ap.add_argument("--compare", type=Path, help="answers written before, to compare with")
    ap.add_argument("--code", type=Path, default=ROOT, help="folder whose pipeline/ to search with (another checkout)")
    args = ap.parse_args()
    sys.path[:0] = [str(args.code.resolve()), str(ROOT / "bench")]
    found = answers([ix.resolve() for ix in args.index])
    args.out.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{len(found)} queries' answers written to {args.out}")
    if args.compare:
        old = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = [k for k in old.keys() | found.keys() if old.get(k) != found.get(k)]
        print(f"{len(differ)} of {len(old.keys() | found.keys())} differ from {args.compare}")
        for key in sorted(differ)[:20]:
            parts = [p for p in (old.get(key) or {}).keys() | (found.get(key) or {}).keys()
                     if (old.get(key) or {}).get(p) != (found.get(key) or {}).get(p)]
            print(f"  {key}: {', '.join(sorted(parts))}")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
