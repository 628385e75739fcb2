"""Benchmark spoor's DATE tagger against dateparser on the seed gold.

Run:  .venv/bin/python bench/bench_dates.py [--gold PATH] [--corpus DIR] [--repeat N]

Prints one plain table: precision/recall/F1 by value (the multiset of DATE values
per document, intervals counted by their endpoints, optional gold rows neither
help nor hurt, as in shared/eval/score.py) and speed in words per second.
dateparser (``pip install dateparser``) is optional; without it its row says so.
"""

from __future__ import annotations

import argparse
import collections
import json
import logging
import os
import re
import sys
import time
import warnings
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.nlp.dates import document_date, find_dates  # noqa: E402

_log = logging.getLogger(__name__)


def _default_gold() -> Path:
    for base in (os.environ.get("SPOOR_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if base and (Path(base) / "gold" / "dates.jsonl").exists():
            return Path(base) / "gold" / "dates.jsonl"
    return ROOT.parent / "shared" / "gold" / "dates.jsonl"


def load_texts(corpus: Path, doc_ids: set[str]) -> dict[str, str]:
    """Text of each seed document: .txt/.md as is, .pdf through pdfminer."""
    texts = {}
    for doc_id in sorted(doc_ids):
        for ext in (".txt", ".md"):
            path = corpus / f"{doc_id}{ext}"
            if path.exists():
                texts[doc_id] = path.read_text(encoding="utf-8", errors="replace")
                break
        else:
            path = corpus / f"{doc_id}.pdf"
            if path.exists():
                from pdfminer.high_level import extract_text
                texts[doc_id] = extract_text(str(path))
    return texts


def endpoints(value: str) -> list[str]:
    return [v.strip() for v in str(value).split("/") if v.strip()]


def score(gold_rows: list[dict], system: dict[str, list[str]]) -> tuple[float, float, float]:
    """Precision, recall, F1 over per-document multisets of values (as shared/eval/score.py)."""
    tp = n_sys = n_gold = 0
    for doc in sorted({g["doc"] for g in gold_rows}):
        gold, opt = collections.Counter(), collections.Counter()
        for g in gold_rows:
            if g["doc"] == doc:
                for v in endpoints(g["value"]):
                    (opt if g.get("optional") else gold)[v] += 1
        sysc = collections.Counter(v for value in system.get(doc, []) for v in endpoints(value))
        tp += sum((sysc & gold).values())
        n_gold += sum(gold.values())
        n_sys += sum(sysc.values()) - sum(((sysc - gold) & opt).values())
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def spoor_values(text: str) -> list[str]:
    return [m.value for m in find_dates(text)]


_DAY_MONTH = re.compile(r"\b[0-3]?[0-9]\b.*[a-zA-Z]{3,}|\b[0-3]?[0-9][-/.][01]?[0-9][-/.][0-9]{2,4}")
_MONTH_WORD = re.compile(r"[a-zA-Z]{3,}")


def make_dateparser() -> Callable[[str], list[str]] | None:
    """A function text -> values using dateparser.search, or None when it is not installed."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    import datetime as dt

    def values(text: str) -> list[str]:
        base, _ = document_date(text)
        settings = {"PREFER_DATES_FROM": "past"}
        if base and len(base) >= 4:
            y, m, d = (base.split("-") + ["1", "1"])[:3]
            settings["RELATIVE_BASE"] = dt.datetime(int(y), int(m), int(d))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=["nl"], settings=settings) or []
        out = []
        for surface, when in found:
            # dateparser returns full datetimes; keep the precision the surface shows
            if _DAY_MONTH.search(surface):
                out.append(when.strftime("%Y-%m-%d"))
            elif _MONTH_WORD.search(surface):
                out.append(when.strftime("%Y-%m"))
            else:
                out.append(when.strftime("%Y"))
        return out

    return values


def run(name: str, fn: Callable[[str], list[str]], texts: dict[str, str], repeat: int) -> tuple:
    fn(next(iter(texts.values())))  # warm up (regex compilation, language data)
    words = sum(len(t.split()) for t in texts.values())
    system = {}
    start = time.perf_counter()
    for _ in range(repeat):
        system = {doc: fn(text) for doc, text in texts.items()}
    elapsed = time.perf_counter() - start
    return name, system, words * repeat / elapsed if elapsed else float("inf")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=_default_gold())
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--repeat", type=int, default=20, help="passes over the corpus for spoor's speed")
    args = ap.parse_args()
    if not args.gold.exists():
        print(f"gold file {args.gold} not found: pass --gold PATH to shared/gold/dates.jsonl")
        return 2
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = load_texts(args.corpus, {g["doc"] for g in gold})
    missing = sorted({g["doc"] for g in gold} - set(texts))
    if missing:
        print(f"note: no text in {args.corpus} for {', '.join(missing)}; scored as empty")
    gold_scored = [g for g in gold if g["doc"] in texts] if texts else gold

    rows = [run("spoor", spoor_values, texts, args.repeat)]
    dp = make_dateparser()
    if dp is None:
        print("note: dateparser is not installed (pip install dateparser): its row is skipped")
    else:
        rows.append(run("dateparser", dp, texts, 1))

    words = sum(len(t.split()) for t in texts.values())
    print(f"seed gold: {len(gold_scored)} rows, {len(texts)} documents, {words} words")
    print(f"{'system':<12}{'precision':>10}{'recall':>10}{'F1':>8}{'words/s':>12}")
    for name, system, wps in rows:
        p, r, f = score(gold_scored, system)
        print(f"{name:<12}{p:>10.3f}{r:>10.3f}{f:>8.3f}{wps:>12,.0f}")
    if dp is None:
        print(f"{'dateparser':<12}{'(not installed)':>40}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
