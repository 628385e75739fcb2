"""The README's table of decisions per document type: how many, and the share with an actor and a date.

Run:  .venv/bin/spoor extract ../shared/real/docs --jsonl /tmp/real.jsonl
      .venv/bin/python bench/decisions_per_type.py /tmp/real.jsonl

Prints a Markdown table (one row per document type, most decisions first, and a row for all).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict


def table(lines) -> str:
    docs, decisions = {}, []
    for line in lines:
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get("kind") == "document":
            docs[rec["doc_id"]] = rec.get("doc_type") or "onbekend"
        elif rec.get("kind") == "decision":
            decisions.append(rec)
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # docs, decisions, actor, date, both
    for doc_type in docs.values():
        per[doc_type][0] += 1
    for d in decisions:
        row = per[docs.get(d.get("doc_id"), "onbekend")]
        actor, date = bool(d.get("actor")), bool(d.get("date"))
        row[1] += 1
        row[2] += actor
        row[3] += date
        row[4] += actor and date

    def share(n: int, of: int) -> str:
        return f"{100 * n / of:.0f}%" if of else "–"

    out = ["| document type | documents | decisions | with an actor | with a date | with both |",
           "|---|---:|---:|---:|---:|---:|"]
    for doc_type, r in sorted(per.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0])):
        out.append(f"| {doc_type} | {r[0]} | {r[1]} | {share(r[2], r[1])} | {share(r[3], r[1])} | {share(r[4], r[1])} |")
    total = [sum(r[i] for r in per.values()) for i in range(5)]
    out.append(f"| **all** | {total[0]} | {total[1]} | {share(total[2], total[1])} | {share(total[3], total[1])} "
               f"| {share(total[4], total[1])} |")
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as fh:
        print(table(fh))
