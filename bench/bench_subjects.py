"""Subjects of an index: how long deriving them takes and what they are (issue 16).

    .venv/bin/python bench/bench_subjects.py INDEX [--repeat 5]

Reads the corpus from INDEX's store once, derives subjects and relations ``--repeat`` times (the build's
"derived subjects and relations" phase without writing them) and prints the best and median time, then
counts: subjects per label and kind, subjects per government, kinds of bodies whose mentions span
documents of more than one government, generic words, and relations per type. Runs against whatever
``pipeline`` is importable, so the same script measures an older checkout (PYTHONPATH=that/checkout).

Generic words are counted the same way whatever the code: a subject whose name is one word (or a kind of
plan or document of ``nlp/data/subject_words.json`` when that file exists) that the corpus writes in lower
case in running text, and that no knowledge-base entry names as one body.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--show", type=int, default=0, help="also list this many generic subjects")
    args = ap.parse_args()

    from pipeline.link import subjects as mod
    from pipeline.nlp.kb import fold, load_kb
    from pipeline.store import open_store

    with open_store(args.index) as store:
        t0 = time.perf_counter()
        docs, ents, decs = mod.corpus_from_store(store)
        read = time.perf_counter() - t0
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        subjects, relations = mod.derive(docs, ents, decs)
        times.append(time.perf_counter() - t0)
    print(f"index {args.index}: {len(docs)} documents, {len(ents)} mentions, {len(decs)} decisions")
    print(f"read corpus {read:.2f} s; derive best {min(times):.2f} s, median {statistics.median(times):.2f} s "
          f"({args.repeat} runs)")

    gov_of = {d.doc_id: getattr(d, "government", None) for d in docs}
    if not any(gov_of.values()):
        with open_store(args.index) as store:
            gov_of = {d.doc_id: d.government for d in store.documents()}
    kb = load_kb()
    print(f"\nsubjects: {len(subjects)}")
    print("  per label: " + ", ".join(f"{k} {n}" for k, n in Counter(s.label for s in subjects).most_common()))
    print("  per kind:  " + ", ".join(f"{k} {n}" for k, n in Counter(s.kind for s in subjects).most_common()))
    with_gov = [s for s in subjects if getattr(s, "government", None)]
    per_gov = Counter(s.government for s in with_gov)
    print(f"  with a government: {len(with_gov)} in {len(per_gov)} governments; most: "
          + ", ".join(f"{g} {n}" for g, n in per_gov.most_common(6)))
    mixed = []
    for s in subjects:
        entry = kb.get(getattr(s, "body", None) or s.id)
        if entry is None or entry.kind != "type" or s.label != "ORGAN":
            continue
        govs = {gov_of.get(d) for d, *_ in s.spans if gov_of.get(d)}
        if len(govs) > 1:
            mixed.append((s.name, len(govs)))
    print(f"  kinds of bodies whose mentions span documents of several governments: {len(mixed)}"
          + (" (" + ", ".join(f"{n} {k}" for n, k in sorted(mixed, key=lambda x: -x[1])[:5]) + ")" if mixed else ""))

    try:
        from pipeline.link.subjects import is_kind_word
    except ImportError:
        is_kind_word = None
        import json

        data = Path(__file__).resolve().parents[1] / "pipeline" / "nlp" / "data" / "subject_words.json"
        kinds = {fold(w) for w in json.loads(data.read_text(encoding="utf-8"))["kinds"]} if data.exists() else set()
    lower_words: set[str] = set()
    for d in docs:
        lower_words.update(w for w in re.findall(r"(?<=[a-z,] )[a-z\u00C0-\u017F-]{3,}", d.text))
    generic = []
    for s in subjects:
        name = s.name
        entry = kb.get(s.id)
        if s.label == "LAW" or entry is not None and entry.kind not in ("programme",):
            continue
        kind_word = is_kind_word(name) if is_kind_word else fold(name) in kinds
        if kind_word or (len(name.split()) == 1 and fold(name) in lower_words):
            generic.append(s)
    print(f"  generic words: {len(generic)}"
          + (": " + ", ".join(s.name for s in generic[:args.show]) if args.show else ""))
    print(f"\nrelations: {len(relations)}")
    print("  per type: " + ", ".join(f"{k} {n}" for k, n in Counter(r.type for r in relations).most_common()))


if __name__ == "__main__":
    main()
