"""Plain-text renderings of records for the terminal (the CLI prints these)."""

from __future__ import annotations

import csv
import textwrap
from collections import Counter, defaultdict
from pathlib import Path

from .store.postgres import safe_url
from .models import Decision, Document, Entity
from .search import SearchResult
from .link.timeline import Event, acted_by, in_range, sort_key

SUMMARY_EVENTS = 8


def build_summary(report, folder: Path, examples: bool = True) -> str:
    """Counts of a build, then (optionally) one example search and the first timeline lines."""
    c = report.counts
    labels = ", ".join(f"{k.split('.', 1)[1]} {v}" for k, v in c.items() if k.startswith("entities."))
    lines = [
        f"index: {safe_url(str(folder))}",
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
    from .store import open_store
    from .link.timeline import events

    with open_store(folder) as store:
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
    lines = [f"{result.total} passages in {result.documents} documents match {result.query!r}"
             + (f" (did you mean: {result.suggestion}?)" if result.suggestion else "")]
    n = 0
    for group in result.groups:
        for hit in group.hits:
            n += 1
            lines.append(f"{n:>2}. {hit.doc_id}  p.{hit.page}  {hit.date or 'undated'}  {hit.doc_type}  "
                         f"score {hit.score:.2f}  {hit.title}")
            lines.append(textwrap.indent(textwrap.fill(hit.snippet, 100), "    "))
        if group.more:
            lines.append(f"    (+{group.more} more passage{'s' if group.more > 1 else ''} in {group.doc_id})")
    return "\n".join(lines)


def search_json(result: SearchResult) -> dict:
    """The search's JSON: both counts (documents and passages that match), the documents shown with
    their passages and how many more match in each, and the passages shown as one list (``hits``)."""
    return {"query": result.query, "documents": result.documents, "passages": result.total,
            "suggestion": result.suggestion,
            "groups": [{**g.model_dump(exclude={"hits"}), "passages": [h.model_dump() for h in g.hits]}
                       for g in result.groups],
            "hits": [h.model_dump() for h in result.hits]}


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
    return [d for d in decs if acted_by(d, actor) and (not status or d.status == status)
            and in_range(d.date, date_from, date_to)]


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


# --------------------------------------------------------------------------- subjects and evolution (issue 6)
def render_subjects(subjects) -> str:
    """One line per subject: id, label, documents, first and last seen, relations."""
    if not subjects:
        return "no subjects"
    lines = []
    for s in subjects:
        rels = ", ".join(f"{r.type} {r.target_name}" for r in s.relations if r.type != "same_as")
        also = ", ".join(s.aliases[:3])
        lines.append(f"{s.id[:34]:<34} {s.label:<9} {len(s.documents)} docs  {s.first_seen or '?':<10} – "
                     f"{s.last_seen or '?':<10} {s.name[:40]}" + (f"  (also: {also})" if also else "")
                     + (f"  → {rels}" if rels else ""))
    return "\n".join(lines)


def subjects_json(subjects) -> list[dict]:
    """The ``spoor subjects --json`` contract: id, name, label, aliases, documents, first/last seen, relations."""
    out = []
    for s in subjects:
        out.append({"id": s.id, "name": s.name, "label": s.label, "kind": s.kind, "aliases": s.aliases,
                    "documents": [d.model_dump() for d in s.documents], "first_seen": s.first_seen,
                    "last_seen": s.last_seen, "mentions": s.mentions,
                    "relations": [r.model_dump() for r in s.relations],
                    "incoming": [r.model_dump() for r in s.incoming]})
    return out


def render_evolution(evo) -> str:
    """A subject's account, one line per step with its source and page."""
    s = evo.subject
    docs = "; ".join(f"{d.doc_id[:3]} ({d.date or '?'}) p.{','.join(map(str, d.pages))}" for d in s.documents)
    lines = [f"{s.name} [{s.id}, {s.label}]" + (f" — also: {', '.join(s.aliases[:6])}" if s.aliases else ""),
             f"seen {s.first_seen or '?'} – {s.last_seen or '?'} in {len(s.documents)} documents: {docs}", ""]
    for st in evo.steps:
        src = f"[{st.doc_id} p.{st.page}]" if st.doc_id else ""
        body = textwrap.fill(st.text, 96, subsequent_indent=" " * 30)
        lines.append(f"{(st.date or 'undated'):<12} {st.kind:<16} {body}  {src}")
    lines += ["", f"outcome: {evo.outcome}"]
    return "\n".join(lines)


def timeline_html(evs: list[Event], title: str = "spoor timeline") -> str:
    """A self-contained HTML page (inline CSS and SVG, no scripts, works offline): the events on a
    time axis, then a table with every event's sources and what became of it."""
    from html import escape

    dated = [(e, _year_of(e.date)) for e in evs]
    dated = [(e, y) for e, y in dated if y is not None]
    lines = [f"<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>",
             "<style>body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;width:100%}"
             "td,th{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top;font-size:13px}"
             ".proposed,.planned{fill:#e8a33d}.adopted{fill:#2f7bbf}.realized{fill:#2e9e5b}.rejected{fill:#c23b3b}"
             "svg text{font-size:11px;fill:#444}.src{color:#555;font-size:12px}</style></head><body>",
             f"<h1>{escape(title)}</h1>", f"<p>{len(evs)} events. Colours: proposed/planned orange, adopted blue, "
             "realized green, rejected red.</p>"]
    if dated:
        lo = min(y for _, y in dated)
        hi = max(y for _, y in dated)
        lo, hi = int(lo), int(hi) + 1
        width, left, right, lane_h = 1000, 40, 20, 14
        x = lambda y: left + (y - lo) / max(hi - lo, 1) * (width - left - right)  # noqa: E731
        lanes: dict[int, int] = {}
        marks = []
        for i, (e, y) in enumerate(dated):
            px = round(x(y))
            lane = lanes.get(px // 12, 0)
            lanes[px // 12] = lane + 1
            tip = escape(f"{e.date} {e.status} {e.actor or ''}: {e.what} [" + "; ".join(
                f"{s.doc_id} p.{s.page}" for s in e.sources) + "]")
            marks.append(f"<a href=\"#e{i}\"><circle cx=\"{px}\" cy=\"{40 + lane * lane_h}\" r=\"5\" "
                         f"class=\"{escape(e.status)}\"><title>{tip}</title></circle></a>")
        height = 60 + max(lanes.values(), default=1) * lane_h
        axis = [f"<line x1=\"{left}\" y1=\"25\" x2=\"{width - right}\" y2=\"25\" stroke=\"#888\"/>"]
        for year in range(lo, hi + 1):
            axis.append(f"<line x1=\"{x(year):.0f}\" y1=\"20\" x2=\"{x(year):.0f}\" y2=\"30\" stroke=\"#888\"/>"
                        f"<text x=\"{x(year):.0f}\" y=\"15\" text-anchor=\"middle\">{year}</text>")
        lines.append(f"<svg width=\"100%\" viewBox=\"0 0 {width} {height}\" "
                     f"role=\"img\" aria-label=\"time axis\">" + "".join(axis + marks) + "</svg>")
    lines.append("<table><tr><th>date</th><th>status</th><th>actor</th><th>what</th><th>sources</th><th>outcome</th></tr>")
    index = {id(e): i for i, (e, _) in enumerate(dated)}
    for e in evs:
        anchor = f" id=\"e{index[id(e)]}\"" if id(e) in index else ""
        srcs = "<br>".join(escape(f"{s.doc_id} p.{s.page} [{s.start}–{s.end}]") for s in e.sources)
        outcome = escape(e.outcome or "") + "".join(
            f"<br><span class=\"src\">{escape(l.relation)} {escape(l.date or '')}: {escape(l.what[:140])} "
            f"({escape(l.doc_id)} p.{l.page})</span>" for l in e.linked)
        date = escape(e.date) + (" <span class=\"src\">(document date)</span>" if e.date_source == "document" else "")
        lines.append(f"<tr{anchor}><td>{date}</td><td>{escape(e.status)}</td><td>{escape(e.actor or '')}</td>"
                     f"<td>{escape(e.what)}</td><td class=\"src\">{srcs}</td><td>{outcome}</td></tr>")
    lines.append("</table></body></html>")
    return "\n".join(lines)


def _year_of(date: str) -> float | None:
    key = sort_key(date)
    try:
        year = int(key[:4])
    except ValueError:
        return None
    month = int(key[5:7]) if len(key) >= 7 and key[5:7].isdigit() else 6
    return year + (max(month, 1) - 1) / 12


def plot_timeline(evs: list[Event], ax=None, title: str = "spoor timeline"):
    """Draw the events on a time axis with matplotlib (one row per status); returns the axes."""
    import matplotlib.pyplot as plt

    colours = {"proposed": "#e8a33d", "planned": "#e8a33d", "adopted": "#2f7bbf", "realized": "#2e9e5b",
               "rejected": "#c23b3b"}
    rows = ["proposed", "planned", "adopted", "realized", "rejected"]
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 3.2))
    for e in evs:
        year = _year_of(e.date)
        if year is None:
            continue
        y = rows.index(e.status) if e.status in rows else len(rows)
        ax.scatter(year, y, s=20 + 25 * len(e.sources), color=colours.get(e.status, "#777"),
                   edgecolor="black" if e.linked else "none", zorder=3)
        for link in e.linked:
            ly = _year_of(link.date) if link.date else None
            if ly is not None:
                ax.annotate("", xy=(ly, y - 0.15), xytext=(year, y),
                            arrowprops={"arrowstyle": "->", "color": "#999", "lw": 0.8})
    ax.set_yticks(range(len(rows)), rows)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    return ax


def render_card(card) -> str:
    """A subject's evolution card (``search.Card``) above the search results."""
    seen = f"{card.first_seen or '?'} – {card.last_seen or '?'}"
    lines = [f"== {card.name} ({card.kind}); seen {seen} in {len(card.documents)} documents",
             f"   other names: {', '.join(f for f in card.forms if f != card.name) or '-'}",
             f"   {card.what}"]
    lines += [f"   {e.date or '':<12} {e.status:<14} {' '.join(e.what.split())[:80]}  [{e.doc_id[:3]} p.{e.page}]"
              for e in card.events[:8]]
    if card.outcome:
        lines.append(f"   outcome: {card.outcome}")
    return "\n".join(lines)
