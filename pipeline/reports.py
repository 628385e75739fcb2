"""Plain-text renderings of records for the terminal (the CLI prints these)."""

from __future__ import annotations

import csv
import textwrap
from collections import Counter, defaultdict
from pathlib import Path

from .store.postgres import safe_url
from .models import Decision, Document, Entity
from .search import SearchResult
from .link.timeline import Event, in_range, sort_key

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
    their passages and how many more match in each, and the passages shown as one list (``hits``);
    ``notes`` says (in Dutch) what was left out to answer in time, like the web page."""
    return {"query": result.query, "documents": result.documents, "passages": result.total,
            "suggestion": result.suggestion, "notes": list(result.notes),
            "groups": [{**g.model_dump(exclude={"hits"}), "passages": [h.model_dump() for h in g.hits]}
                       for g in result.groups],
            "hits": [h.model_dump() for h in result.hits]}


def render_document(doc: Document, ents: list[Entity], decs: list[Decision], text: str | None,
                    ref: str | None = None) -> str:
    counts = Counter(e.label for e in ents)
    lines = [
        f"{doc.doc_id}: {doc.title}",
        *([f"  reference: {ref}"] if ref else []),
        *([f"  government: {doc.government}" + (f" ({doc.government_kind}, {doc.government_code})"
                                                   if doc.government_code else "")] if doc.government else []),
        f"  type {doc.doc_type}, date {doc.date or 'unknown'} ({doc.date_source or 'not found'}), "
        f"{doc.pages} pages, {doc.words} words, {doc.format}",
        *([f"  in force {doc.valid_from or '?'} to {doc.valid_until or 'now'}"]
          if getattr(doc, "valid_from", None) or getattr(doc, "valid_until", None) else []),
        f"  file {doc.path}  sha256 {doc.sha256[:16]}…",
        "  entities: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"),
    ]
    bodies = sorted({e.canonical or e.text for e in ents if e.label == "ORGAN"})
    if bodies:
        lines.append("  bodies: " + ", ".join(bodies))
    for w in doc.warnings:
        lines.append(f"  warning: {w}")
    if decs:
        lines += ["", render_decisions(decs, {doc.doc_id: "p."} if ref else None)]
    if text:
        lines += ["", text]
    return "\n".join(lines)


def render_timeline(evs: list[Event], empty: str = "no dated events") -> str:
    """Events grouped per date: a date line, then one line per event with its status, actor (with its
    government), what happened and where it is written (``sources_text``)."""
    if not evs:
        return empty
    lines = []
    last = None
    for ev in evs:
        if ev.date != last:
            same = sum(e.date == ev.date for e in evs)
            lines.append(f"{ev.date}" + (f"  ({same} events)" if same > 1 else "")
                         + ("  (document date)" if ev.date_source == "document" else ""))
            last = ev.date
        actor = f"{ev.actor_name or ev.actor}: " if ev.actor else ""
        outcome = f"  -> {ev.outcome}" if ev.outcome else ""
        lines.append(f"  {ev.status:<9} {actor}{' '.join(ev.what.split())[:100]}{outcome}  "
                     f"[{sources_text(ev.sources)}]")
    return "\n".join(lines)


MAX_PLACES = 3


def sources_text(sources) -> str:
    """Where an event is written, per document with its pages: "besluitenlijst Den Helder 2015-06-29 p.1, 2";
    many places collapse: "17 places in 1 document: besluitenlijst ... p.1-4"."""
    pages: dict[str, list[int]] = {}
    for s in sources:
        pages.setdefault(getattr(s, "ref", None) or s.doc_id, [])
        if s.page not in pages[getattr(s, "ref", None) or s.doc_id]:
            pages[getattr(s, "ref", None) or s.doc_id].append(s.page)
    parts = [f"{ref} p.{_page_list(ps)}" for ref, ps in pages.items()]
    if len(sources) > MAX_PLACES:
        docs = f"{len(pages)} document" + ("s" if len(pages) > 1 else "")
        shown = "; ".join(parts[:2]) + ("; …" if len(parts) > 2 else "")
        return f"{len(sources)} places in {docs}: {shown}"
    return "; ".join(parts)


def _page_list(pages: list[int]) -> str:
    pages = sorted(set(pages))
    if len(pages) > 2 and pages[-1] - pages[0] == len(pages) - 1:
        return f"{pages[0]}-{pages[-1]}"
    return ", ".join(map(str, pages))


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
        docs = ", ".join(f"{d} p.{','.join(map(str, p))}" for d, p in g["documents"].items())
        lines.append(f"{g['label']:<6} {g['canonical'][:40]:<40} {g['count']:>4}  "
                     f"{' | '.join(g['forms'][:4])[:60]:<60}  {docs}")
    return "\n".join(lines)


def filter_decisions(decs: list[Decision], actor: str | None, date_from: str | None, date_to: str | None,
                     status: str | None) -> list[Decision]:
    """The decisions of ``actor`` (a name as people write it, resolved like the timeline's ``--actor``),
    ``status`` and period; a filter naming nothing raises :class:`pipeline.link.timeline.BadFilter`."""
    from .link.timeline import check_date, check_status, resolve_actor

    date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
    status = check_status(status, {d.status for d in decs})
    wanted = gov = None
    if actor:
        wanted, gov = resolve_actor(actor, {(d.actor, d.government) for d in decs if d.actor})
    return [d for d in decs if (not wanted or d.actor == wanted and (gov is None or d.government == gov))
            and (not status or d.status == status) and in_range(d.date, date_from, date_to)]


def render_decisions(decs: list[Decision], refs: dict[str, str] | None = None) -> str:
    """One line per decision: where (reference and page), when, status, actor with government, what."""
    from .link.timeline import actor_name

    if not decs:
        return "no decisions"
    refs = refs or {}
    lines = []
    for d in decs:
        num = f"#{d.number} " if d.number else ""
        where = refs.get(d.doc_id, d.doc_id)
        where = f"p.{d.page:<3}" if where == "p." else f"{where} p.{d.page}"
        actor = actor_name(d.actor, d.government) if d.actor else (d.actor_text or "?")
        lines.append(f"{where}  {(d.date or 'undated'):<10} {d.status:<9} {actor}: {num}{(d.predicate or '')}: "
                     f"{' '.join((d.object or d.text).split())[:100]}")
    return "\n".join(lines)


def why_empty(filters: dict, everything: list[Event]) -> str:
    """Why a timeline is empty, in one line: what the index holds and which filters left nothing."""
    if not everything:
        return "no dated events: the index holds no dated decisions or plans"
    given = ", ".join(f"--{k.replace('date_', '')} {v}" for k, v in filters.items() if v)
    dates = sorted(sort_key(e.date) for e in everything)
    return (f"no dated events match {given}; the index holds {len(everything)} dated events from "
            f"{dates[0][:10]} to {dates[-1][:10]}")


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
                     f"{s.last_seen or '?':<10} {s.name[:64]}" + (f"  (also: {also})" if also else "")
                     + (f"  → {rels}" if rels else ""))
    return "\n".join(lines)


def subjects_json(subjects) -> list[dict]:
    """The ``spoor subjects --json`` contract: id, name, label, aliases, documents, first/last seen, relations."""
    out = []
    for s in subjects:
        out.append({"id": s.id, "name": s.name, "label": s.label, "kind": s.kind, "aliases": s.aliases,
                    "government": s.government, "body": s.body,
                    "documents": [d.model_dump() for d in s.documents], "first_seen": s.first_seen,
                    "last_seen": s.last_seen, "mentions": s.mentions,
                    "relations": [r.model_dump() for r in s.relations],
                    "incoming": [r.model_dump() for r in s.incoming]})
    return out


def render_evolution(evo) -> str:
    """A subject's account, one line per step with its source and page."""
    s = evo.subject
    refs = getattr(evo, "refs", {}) or {}
    docs = "; ".join(f"{refs.get(d.doc_id, d.doc_id)} p.{_page_list(d.pages)}" for d in s.documents)
    lines = [f"{s.name} [{s.id}, {s.label}]" + (f" — also: {', '.join(s.aliases[:6])}" if s.aliases else ""),
             f"seen {s.first_seen or '?'} – {s.last_seen or '?'} in {len(s.documents)} documents: {docs}", ""]
    for st in evo.steps:
        src = f"[{st.ref or st.doc_id} p.{st.page}]" if st.doc_id else ""
        body = textwrap.fill((f"{st.actor} — " if getattr(st, "actor", None) else "") + st.text, 96,
                             subsequent_indent=" " * 30)
        lines.append(f"{(st.date or 'undated'):<12} {st.kind:<16} {body}  {src}")
    lines += ["", f"outcome: {evo.outcome}"]
    return "\n".join(lines)


STATUS_NL = {"proposed": "voorgesteld", "planned": "gepland", "adopted": "besloten", "realized": "gerealiseerd",
             "rejected": "verworpen", "withdrawn": "ingetrokken", "postponed": "aangehouden", "promised": "toegezegd",
             "first mention": "eerste vermelding", "replaced by": "vervangen door", "ended": "beëindigd",
             "dissolved into": "opgegaan in", "realized as": "gerealiseerd als", "diverged": "anders gelopen",
             "renamed": "andere naam", "came from": "komt voort uit", "contradicted": "tegengesproken",
             "realized_as": "gerealiseerd als", "moved to": "verplaatst naar"}
TIMELINE_CSS = (
    ".tl{font-family:system-ui,sans-serif;color:#1d2733;line-height:1.45;max-width:1100px}"
    ".tl h2{font-size:1.05rem;margin:1.2rem 0 .3rem;color:#154273;border-bottom:1px solid #dde2e8}"
    ".tl ul{list-style:none;padding:0;margin:0}.tl li{margin:.35rem 0;padding-left:.6rem;border-left:3px solid #dde2e8}"
    ".tl .st{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.8rem;color:#fff;background:#6b7785}"
    ".tl .proposed,.tl .planned{background:#b36b00}.tl .adopted{background:#2f6fab}.tl .realized{background:#2e8b57}"
    ".tl .rejected{background:#b03030}.tl .bron{color:#5a6673;font-size:.85rem}.tl .bron a{color:#154273}"
    ".tl .uit{font-size:.85rem;color:#2e5e3a}.tl .axis{overflow-x:auto}.tl svg{width:100%;min-width:640px;height:auto}"
    ".tl .dot{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.25rem;vertical-align:middle}"
    ".tl .dot.proposed{background:#e8a33d}.tl .dot.adopted{background:#2f7bbf}.tl .dot.realized{background:#2e9e5b}"
    ".tl .dot.rejected{background:#c23b3b}.tl .dot.other{background:#8895a3}.tl svg text{font-size:11px;fill:#444}"
    ".tl circle.proposed,.tl circle.planned{fill:#e8a33d}.tl circle.adopted{fill:#2f7bbf}.tl circle.realized{fill:#2e9e5b}"
    ".tl circle.rejected{fill:#c23b3b}.tl circle{fill:#8895a3}.tl .legend span{margin-right:.8rem;font-size:.85rem}"
    "@media (max-width:600px){.tl li{padding-left:.4rem}.tl .bron{display:block}}")
#: Events further than this many years from the others do not stretch the axis: they sit beyond a break.
OUTLIER_GAP_YEARS = 5


def status_nl(status: str) -> str:
    return STATUS_NL.get(status, status)


def timeline_body(evs: list[Event], link=None) -> str:
    """The timeline as an HTML fragment (``TIMELINE_CSS`` styles it): a time axis, then the events grouped
    per day, each with its status, actor, outcome and sources; ``link(doc_id, page)`` gives a source's
    address (None: sources are not links). Everything a document says is escaped."""
    from html import escape

    parts = ['<div class="tl">']
    if evs:
        parts.append(f'<div class="axis">{_axis_svg(evs)}</div>')
        parts.append('<p class="legend"><span><i class="dot proposed"></i>voorgesteld of gepland</span>'
                     '<span><i class="dot adopted"></i>besloten</span><span><i class="dot realized"></i>gerealiseerd</span>'
                     '<span><i class="dot rejected"></i>verworpen</span><span><i class="dot other"></i>anders</span>'
                     '<span>een getal: zoveel gebeurtenissen op dat moment</span></p>')
    last = None
    for i, e in enumerate(evs):
        if e.date != last:
            if last is not None:
                parts.append("</ul>")
            n = sum(x.date == e.date for x in evs)
            note = " (datum van het document)" if e.date_source == "document" else ""
            parts.append(f'<h2 id="d{escape(e.date)}">{escape(_date_nl(e.date))}{note}'
                         f'{f" · {n} gebeurtenissen" if n > 1 else ""}</h2><ul>')
            last = e.date
        actor = f"<b>{escape(e.actor_name or e.actor)}</b>: " if e.actor else ""
        outcome = ""
        if e.outcome or e.linked:
            outcome = '<br><span class="uit">Uitkomst: ' + escape(status_nl(e.outcome or "")) + "".join(
                f" · {escape(status_nl(l.relation))} {escape(l.date or '')}: {escape(l.what[:140])}" for l in e.linked) + "</span>"
        parts.append(f'<li id="e{i}"><span class="st {escape(e.status)}">{escape(status_nl(e.status))}</span> '
                     f"{actor}{escape(' '.join(e.what.split()))} {_sources_html(e.sources, link)}{outcome}</li>")
    if last is not None:
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def _sources_html(sources, link) -> str:
    from html import escape

    pages: dict[str, tuple[str, list[int]]] = {}
    for s in sources:
        ref = s.ref or s.doc_id
        pages.setdefault(ref, (s.doc_id, []))
        if s.page not in pages[ref][1]:
            pages[ref][1].append(s.page)
    items = []
    for ref, (doc_id, ps) in pages.items():
        ps = sorted(ps)
        pl = ", ".join(f'<a href="{escape(link(doc_id, p))}">p. {p}</a>' if link else f"p. {p}" for p in ps)
        items.append(f"{escape(ref)}, {pl}")
    many = f"{len(sources)} plaatsen in {len(pages)} document{'en' if len(pages) > 1 else ''}: " if len(sources) > MAX_PLACES else ""
    return f'<span class="bron">(bron: {many}{"; ".join(items)})</span>'


_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")
_SEASONS_NL = {"SP": "voorjaar", "SU": "zomer", "FA": "najaar", "WI": "winter"}


def _date_nl(date: str) -> str:
    """An ISO date value as Dutch readers write it: "29 juni 2015", "juni 2015", "voorjaar 2015"."""
    import re as _re

    if "/" in date:
        return " – ".join(_date_nl(p) for p in date.split("/"))
    m = _re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    if m:
        return f"{int(m.group(3))} {_MONTHS_NL[int(m.group(2)) - 1]} {m.group(1)}"
    m = _re.fullmatch(r"(\d{4})-(\d{2})", date)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{_MONTHS_NL[int(m.group(2)) - 1]} {m.group(1)}"
    m = _re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", date)
    if m:
        return f"{_SEASONS_NL[m.group(2)]} {m.group(1)}"
    return date


def axis_range(years: list[float]) -> tuple[float, float]:
    """The years the axis spans: all of them, except a few (at most a tenth) lying more than
    OUTLIER_GAP_YEARS before or after the rest, which are drawn beyond a break instead."""
    ys = sorted(years)
    lo, hi = 0, len(ys) - 1
    most_cut = len(ys) // 10
    while lo < most_cut and ys[lo + 1] - ys[lo] > OUTLIER_GAP_YEARS:
        lo += 1
    while len(ys) - 1 - hi < most_cut - lo and ys[hi] - ys[hi - 1] > OUTLIER_GAP_YEARS:
        hi -= 1
    # one far event among few also counts: a gap larger than the rest of the span
    if lo == 0 and len(ys) > 2 and ys[1] - ys[0] > max(OUTLIER_GAP_YEARS, 2 * (ys[-1] - ys[1])):
        lo = 1
    if hi == len(ys) - 1 and len(ys) > 2 and ys[-1] - ys[-2] > max(OUTLIER_GAP_YEARS, 2 * (ys[-2] - ys[lo])):
        hi = len(ys) - 2
    return ys[lo], ys[hi]


def _axis_svg(evs: list[Event]) -> str:
    from html import escape

    dated = [(i, e, _year_of(e.date)) for i, e in enumerate(evs)]
    dated = [(i, e, y) for i, e, y in dated if y is not None]
    if not dated:
        return ""
    first, last = axis_range([y for _, _, y in dated])
    lo, hi = int(first), int(last) + 1
    width, lane_h = 1000, 12
    left = 40 + (70 if any(y < first for _, _, y in dated) else 0)
    right = 20 + (70 if any(y > last for _, _, y in dated) else 0)
    x = lambda y: left + (y - lo) / max(hi - lo, 1) * (width - left - right)  # noqa: E731
    lanes: dict[int, int] = {}
    marks, extra = [], []
    for i, e, y in dated:
        if y < first:
            px = 40
        elif y > last:
            px = width - 40
        else:
            px = round(x(y))
        lane = lanes.get(px // 10, 0)
        lanes[px // 10] = lane + 1
        if lane >= 12:
            continue  # the list below has them all; the axis shows how many share a moment
        tip = escape(f"{e.date} {status_nl(e.status)} {e.actor_name or e.actor or ''}: {e.what[:160]}")
        marks.append(f'<a href="#e{i}"><circle cx="{px}" cy="{42 + lane * lane_h}" r="5" class="{escape(e.status)}">'
                     f"<title>{tip}</title></circle></a>")
    labelled = -100
    for px, count in sorted(lanes.items()):
        if count > 1 and px * 10 - labelled >= 24:  # a count only where it does not run into the last one
            labelled = px * 10
            extra.append(f'<text x="{px * 10 + 5}" y="{40 + min(count, 12) * lane_h + 8}" text-anchor="middle">{count}</text>')
    height = 70 + min(max(lanes.values(), default=1), 12) * lane_h
    axis = [f'<line x1="{left}" y1="25" x2="{width - right}" y2="25" stroke="#888"/>']
    step = max(1, (hi - lo) // 12)
    for year in range(lo, hi + 1, step):
        axis.append(f'<line x1="{x(year):.0f}" y1="20" x2="{x(year):.0f}" y2="30" stroke="#888"/>'
                    f'<text x="{x(year):.0f}" y="15" text-anchor="middle">{year}</text>')
    early = sorted({int(y) for _, _, y in dated if y < first})
    late = sorted({int(y) for _, _, y in dated if y > last})
    if early:
        axis.append(f'<text x="40" y="15" text-anchor="middle">{", ".join(map(str, early))}</text>'
                    f'<text x="{left - 35}" y="29" text-anchor="middle">≈</text>')
    if late:
        axis.append(f'<text x="{width - 40}" y="15" text-anchor="middle">{", ".join(map(str, late))}</text>'
                    f'<text x="{width - right + 35}" y="29" text-anchor="middle">≈</text>')
    return (f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="tijdas van {lo} tot {hi}">'
            + "".join(axis + marks + extra) + "</svg>")


def timeline_html(evs: list[Event], title: str = "Tijdlijn", link=None) -> str:
    """A self-contained HTML page in Dutch (inline CSS and SVG, no scripts, works offline): the events on
    a time axis that one far-off year does not stretch, then grouped per day with status, actor, outcome
    and sources; ``link(doc_id, page)`` makes the sources links (the export links the original files)."""
    from html import escape

    return "\n".join([
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>',
        f"<style>body{{margin:1rem 1.2rem;background:#f6f7f9}}{TIMELINE_CSS}</style></head><body>",
        f"<h1 style=\"font-family:system-ui,sans-serif;color:#154273\">{escape(title)}</h1>",
        f'<p style="font-family:system-ui,sans-serif">{len(evs)} gebeurtenissen, per dag; elke bron met document en pagina.</p>',
        timeline_body(evs, link), "</body></html>"])


def _year_of(date: str) -> float | None:
    key = sort_key(date)
    try:
        year = int(key[:4])
    except ValueError:
        return None
    month = int(key[5:7]) if len(key) >= 7 and key[5:7].isdigit() else 6
    return year + (max(month, 1) - 1) / 12


PLOT_LABELS = 40  # up to this many points get a short label of what happened


def plot_timeline(evs: list[Event], ax=None, title: str = "Tijdlijn"):
    """Draw the events with matplotlib, one row per status; events sharing a month and status are one
    point sized by their number and labelled with it ("16x"), single ones with a few words of what
    happened (when there are few points), on an axis one far-off year does not stretch; returns the axes."""
    import matplotlib.pyplot as plt

    colours = {"proposed": "#e8a33d", "planned": "#e8a33d", "adopted": "#2f7bbf", "realized": "#2e9e5b",
               "rejected": "#c23b3b"}
    rows = ["proposed", "planned", "adopted", "realized", "rejected", "other"]
    if ax is None:
        _, ax = plt.subplots(figsize=(12, 3.8))
    points: dict[tuple[float, int], list[Event]] = {}
    for e in evs:
        year = _year_of(e.date)
        if year is not None:
            points.setdefault((round(year, 2), rows.index(e.status) if e.status in rows else len(rows) - 1), []).append(e)
    if not points:
        ax.set_title(f"{title}: geen gedateerde gebeurtenissen")
        return ax
    first, last = axis_range([x for x, _ in points])
    label_each = len(points) <= PLOT_LABELS
    for (x, y), group in points.items():
        shown = min(max(x, first - 0.6), last + 0.6)  # a far-off point sits just beyond the axis' ends
        e = group[0]
        ax.scatter(shown, y, s=30 + 18 * len(group), color=colours.get(e.status, "#777"),
                   edgecolor="black" if any(g.linked for g in group) else "none", zorder=3)
        text = f"{len(group)}x" if len(group) > 1 else (" ".join(e.what.split()[:4]) if label_each else "")
        if shown != x:
            text = f"{e.date[:4]}: {text}".rstrip(": ")
        if text:
            ax.annotate(text, (shown, y), xytext=(4, 6), textcoords="offset points", fontsize=7, rotation=20)
    ax.set_xlim(first - 1, last + 1)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2007.5
    ax.set_yticks(range(len(rows)), [status_nl(r) if r != "other" else "anders" for r in rows])
    ax.set_ylim(-0.6, len(rows) - 0.2)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    return ax


def _who(event) -> str:
    """"gemeenteraad Den Helder: " (the actor with its government), else "Den Helder: ", else nothing."""
    who = event.actor_name or event.government
    return f"{who}: " if who else ""


def render_card(card) -> str:
    """A subject's evolution card (``search.Card``) above the search results."""
    seen = f"{card.first_seen or '?'} – {card.last_seen or '?'}"
    lines = [f"== {card.name} ({card.kind}); seen {seen} in {len(card.documents)} documents",
             f"   other names: {', '.join(f for f in card.forms if f != card.name) or '-'}",
             f"   {card.what}"]
    lines += [f"   {e.date or '':<12} {e.status:<14} {_who(e)}{' '.join(e.what.split())[:80]}  [{e.ref or e.doc_id} p.{e.page}]"
              for e in card.events[:8]]
    if card.outcome:
        lines.append(f"   outcome: {card.outcome}")
    return "\n".join(lines)
