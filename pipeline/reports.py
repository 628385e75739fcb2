"""Plain-text renderings of records for the terminal (the CLI prints these)."""

from __future__ import annotations

import csv
import textwrap
from collections import Counter, defaultdict
from pathlib import Path

from .models import Decision, Document, Entity
from .search import SearchResult
from .timeline import Event, sort_key

SUMMARY_EVENTS = 8


def build_summary(report, folder: Path, examples: bool = True) -> str:
    """Counts of a build, then (optionally) one example search and the first timeline lines."""
    c = report.counts
    labels = ", ".join(f"{k.split('.', 1)[1]} {v}" for k, v in c.items() if k.startswith("entities."))
    lines = [
        f"index: {folder}",
        f"documents: {c.get('documents', 0)} ({len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, {len(report.problems)} failed)",
        f"pages: {c.get('pages', 0)}   passages: {c.get('passages', 0)}   decisions: {c.get('decisions', 0)}",
        f"entities: {labels or 'none'}",
    ]
    if examples and c.get("documents"):
        lines += ["", *_example(folder)]
    return "\n".join(lines)


def _example(folder: Path) -> list[str]:
    from .search import search
    from .store import Store
    from .timeline import events

    with Store(folder) as store:
        names = Counter(e.text for e in store.entities(label="ORGAN"))
        evs = events(store.decisions())
    lines = []
    if names:
        query = names.most_common(1)[0][0]
        lines += [f"example: spoor search {query!r}", render_hits(search(folder, query, limit=3)), ""]
    lines += [f"timeline (first {min(SUMMARY_EVENTS, len(evs))} of {len(evs)} events; `spoor timeline` for all):",
              render_timeline(evs[:SUMMARY_EVENTS])]
    return lines


def render_hits(result: SearchResult) -> str:
    if not result.hits:
        hint = f" Did you mean: {result.suggestion}?" if result.suggestion else ""
        return f"no passages match {result.query!r}.{hint}"
    lines = [f"{result.total} passages match {result.query!r}"
             + (f" (did you mean: {result.suggestion}?)" if result.suggestion else "")]
    for n, hit in enumerate(result.hits, 1):
        lines.append(f"{n:>2}. {hit.doc_id}  p.{hit.page}  {hit.date or 'undated'}  {hit.doc_type}  "
                     f"score {hit.score:.2f}  {hit.title}")
        lines.append(textwrap.indent(textwrap.fill(hit.snippet, 100), "    "))
    return "\n".join(lines)


def render_document(doc: Document, ents: list[Entity], decs: list[Decision], text: str | None) -> str:
    counts = Counter(e.label for e in ents)
    lines = [
        f"{doc.doc_id}: {doc.title}",
        f"  type {doc.doc_type}, date {doc.date or 'unknown'} ({doc.date_source or 'not found'}), "
        f"{doc.pages} pages, {doc.words} words, {doc.format}",
        f"  file {doc.path}  sha256 {doc.sha256[:16]}…",
        "  entities: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"),
    ]
    bodies = sorted({e.canonical or e.text for e in ents if e.label == "ORGAN"})
    if bodies:
        lines.append("  bodies: " + ", ".join(bodies))
    for w in doc.warnings:
        lines.append(f"  warning: {w}")
    if decs:
        lines += ["", render_decisions(decs)]
    if text:
        lines += ["", text]
    return "\n".join(lines)


def render_timeline(evs: list[Event]) -> str:
    if not evs:
        return "no dated events"
    lines = []
    for ev in evs:
        src = "; ".join(f"{s.doc_id[:3]} p.{s.page}" for s in ev.sources)
        lines.append(f"{ev.date:<22} {ev.status:<9} {(ev.actor or '?'):<24} {ev.what[:90]}  [{src}]")
    return "\n".join(lines)


def group_entities(ents: list[Entity]) -> list[dict]:
    """Entities grouped by (label, canonical): surface forms, documents and pages."""
    groups: dict[tuple, dict] = {}
    for e in ents:
        key = (e.label, e.canonical or e.value or e.text)
        g = groups.setdefault(key, {"label": e.label, "canonical": key[1], "forms": Counter(),
                                    "occurrences": defaultdict(set)})
        g["forms"][e.text] += 1
        g["occurrences"][e.doc_id].add(e.page)
    out = []
    for g in sorted(groups.values(), key=lambda g: (g["label"], -sum(g["forms"].values()), g["canonical"])):
        out.append({"label": g["label"], "canonical": g["canonical"], "count": sum(g["forms"].values()),
                    "forms": [f for f, _ in g["forms"].most_common()],
                    "documents": {d: sorted(p) for d, p in sorted(g["occurrences"].items())}})
    return out


def entity_table(groups: list[dict]) -> str:
    if not groups:
        return "no entities"
    lines = []
    for g in groups:
        docs = ", ".join(f"{d[:3]} p.{','.join(map(str, p))}" for d, p in g["documents"].items())
        lines.append(f"{g['label']:<6} {g['canonical'][:40]:<40} {g['count']:>4}  "
                     f"{' | '.join(g['forms'][:4])[:60]:<60}  {docs}")
    return "\n".join(lines)


def filter_decisions(decs: list[Decision], actor: str | None, date_from: str | None, date_to: str | None,
                     status: str | None) -> list[Decision]:
    out = []
    for d in decs:
        if actor and actor.casefold() not in {(d.actor or "").casefold(), (d.actor_text or "").casefold()}:
            continue
        if status and d.status != status:
            continue
        key = sort_key(d.date) if d.date else None
        if (date_from or date_to) and key is None:
            continue
        if date_from and key < date_from or date_to and key[: len(date_to)] > date_to:
            continue
        out.append(d)
    return out


def render_decisions(decs: list[Decision]) -> str:
    if not decs:
        return "no decisions"
    lines = []
    for d in decs:
        num = f"#{d.number} " if d.number else ""
        lines.append(f"{d.doc_id[:3]} p.{d.page:<3} {(d.date or 'undated'):<12} {d.status:<9} "
                     f"{(d.actor or d.actor_text or '?'):<22} {num}{(d.predicate or '')}: "
                     f"{' '.join((d.object or d.text).split())[:100]}")
    return "\n".join(lines)


def write_csv(rows: list[dict], path: Path) -> None:
    fields = list(Decision.model_fields)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
