"""Dated events across documents, one event per real-world happening.

An event is made from a dated decision record. The same decision reported by
several documents (same actor, same day; or same actor, same month or year and
similar wording) becomes one event with several sources. Given the documents'
dates, undated proposals are placed at the date of their document.

:func:`link_outcomes` links planned and proposed events to what later happened:
a later adopted/realized event with similar wording (confirmed, ``outcome``
"realized"), a later rejection ("contradicted"), or, through the subject
relations of :mod:`pipeline.link.subjects`, the event that reports the outcome
("realized" for realized_as, "diverged" for diverged). :func:`timeline` does
all of it from an index folder; :func:`to_csv` exports (the offline HTML page is
:func:`pipeline.reports.timeline_html`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from ..models import Decision

_log = logging.getLogger(__name__)

_SEASON_MONTH = {"SP": "03", "SU": "06", "FA": "09", "WI": "12"}
SAME_EVENT_SIMILARITY = 60
OUTCOME_SIMILARITY = 70
PLANNED = ("planned", "proposed")
DONE = ("adopted", "realized")
UNDATED_AT_DOCUMENT = PLANNED


class Source(BaseModel):
    doc_id: str
    page: int
    start: int
    end: int


class Link(BaseModel):
    """What became of a planned event: a later event, or a subject relation's evidence."""

    relation: str  # realized | contradicted | diverged | realized_as | ...
    date: str | None
    what: str
    doc_id: str
    page: int
    event: int | None = None  # index of the linked event in the same list


class Event(BaseModel):
    date: str
    actor: str | None
    what: str
    status: str
    sources: list[Source] = Field(default_factory=list)
    date_source: str = "text"  # "text": written in the sentence; "document": the document's date
    outcome: str | None = None  # for planned/proposed events: realized | contradicted | diverged
    linked: list[Link] = Field(default_factory=list)


def sort_key(value: str) -> str:
    """A string that sorts ISO dates, months, years, seasons and intervals by their start."""
    first = value.split("/")[0]
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", first)
    if m:
        return f"{m.group(1)}-{_SEASON_MONTH[m.group(2)]}-00"
    return first


MIN_OBJECT_WORDS = 4


def _what(dec: Decision) -> str:
    """What happened: the decision's object when it says enough, else its whole sentence or row."""
    obj = " ".join((dec.object or "").split())
    if len(re.findall(r"\w{2,}", obj)) >= MIN_OBJECT_WORDS and not re.search(r"\(\W*\)", obj):
        return obj[:200]
    return " ".join(dec.text.split())[:200]


def _same(event: Event, dec: Decision, date: str, from_document: bool) -> bool:
    if event.actor != dec.actor or event.date != date:
        return False
    if from_document or event.date_source == "document":
        return (all(s.doc_id != dec.doc_id for s in event.sources)
                and fuzz.token_set_ratio(event.what.casefold(), _what(dec).casefold()) >= SAME_EVENT_SIMILARITY)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date or ""):
        return True
    return fuzz.token_set_ratio(event.what.casefold(), _what(dec).casefold()) >= SAME_EVENT_SIMILARITY


def in_range(date: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Whether a date value (any precision, season or interval) falls within ISO prefixes from/to."""
    if not (date_from or date_to):
        return True
    if not date:
        return False
    key = sort_key(date)
    return not (date_from and key < date_from or date_to and key[: len(date_to)] > date_to)


def acted_by(dec: Decision, actor: str | None) -> bool:
    """Whether ``actor`` (canonical id or surface text, any case) is the decision's actor; None matches all."""
    return not actor or actor.casefold() in {(dec.actor or "").casefold(), (dec.actor_text or "").casefold()}


def events(decisions: Iterable[Decision], date_from: str | None = None, date_to: str | None = None,
           actor: str | None = None, documents: dict[str, str | None] | None = None) -> list[Event]:
    """Dated decisions as events in date order, merging reports of the same event.

    ``documents`` (doc_id -> document date) places undated proposed and planned
    decisions at their document's date (``date_source`` "document")."""
    out: list[Event] = []
    documents = documents or {}
    dated = []
    for d in decisions:
        if d.date:
            dated.append((d, d.date, False))
        elif d.status in UNDATED_AT_DOCUMENT and documents.get(d.doc_id):
            dated.append((d, documents[d.doc_id], True))
    by_key: dict[tuple, list[Event]] = {}  # (actor, date) -> events: only those can be the same event
    for dec, date, from_document in sorted(dated, key=lambda x: (sort_key(x[1]), x[0].doc_id, x[0].start)):
        if not in_range(date, date_from, date_to) or not acted_by(dec, actor):
            continue
        source = Source(doc_id=dec.doc_id, page=dec.page, start=dec.start, end=dec.end)
        candidates = by_key.setdefault((dec.actor, date), [])
        match = next((e for e in candidates if _same(e, dec, date, from_document)), None)
        if match:
            if all(s.doc_id != source.doc_id or s.start != source.start for s in match.sources):
                match.sources.append(source)
            continue
        out.append(Event(date=date, actor=dec.actor, what=_what(dec), status=dec.status, sources=[source],
                         date_source="document" if from_document else "text"))
        candidates.append(out[-1])
    return out


def link_outcomes(evs: list[Event], relations: Iterable | None = None) -> list[Event]:
    """Link planned/proposed events to later events that confirm or contradict them (in place; returns ``evs``).

    A later adopted/realized event of the same actor (or either without one) whose wording is
    alike (two content words in common and rapidfuzz token_set_ratio >= OUTCOME_SIMILARITY) realizes it; a later rejected one
    contradicts it. ``relations`` (subject relations with evidence and ``via``, the proposal) add
    links from the event holding the proposal to the event that reports the outcome."""
    for i, ev in enumerate(evs):
        if ev.status not in PLANNED:
            continue
        for j in range(i + 1, len(evs)):
            later = evs[j]
            if later.status not in DONE + ("rejected",) or sort_key(later.date) <= sort_key(ev.date):
                continue
            if ev.actor and later.actor and ev.actor != later.actor:
                continue
            shared = _content(ev.what) & _content(later.what)
            if len(shared) < 2 or fuzz.token_set_ratio(_words(ev.what), _words(later.what)) < OUTCOME_SIMILARITY:
                continue
            relation = "contradicted" if later.status == "rejected" else "realized"
            _link(ev, relation, later, j)
            break
    for rel in relations or ():
        if rel.via is None or rel.type not in ("realized_as", "diverged", "moved_to"):
            continue
        i = _event_at(evs, rel.via.doc_id, rel.via.start)
        if i is None:
            continue
        j = _event_at(evs, rel.evidence.doc_id, rel.evidence.start, before=True)
        ev = evs[i]
        what = f"{rel.type.replace('_', ' ')} {rel.target_name}: {rel.evidence.text[:160]}"
        link = Link(relation=rel.type, date=evs[j].date if j is not None else rel.evidence.date, what=what,
                    doc_id=rel.evidence.doc_id, page=rel.evidence.page, event=j)
        if all(x.what != link.what for x in ev.linked):
            ev.linked.append(link)
        outcome = "diverged" if rel.type == "diverged" else "realized"
        if ev.outcome != "diverged":
            ev.outcome = outcome
    return evs


def _content(text: str) -> set[str]:
    from .records import stems

    return stems(text)


def _words(text: str) -> str:
    return " ".join(w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2)


def _link(ev: Event, relation: str, later: Event, j: int) -> None:
    src = later.sources[0]
    ev.linked.append(Link(relation=relation, date=later.date, what=later.what, doc_id=src.doc_id, page=src.page, event=j))
    ev.outcome = ev.outcome or relation


def _event_at(evs: list[Event], doc_id: str | None, offset: int | None, before: bool = False) -> int | None:
    """Index of the event whose source covers ``offset`` in ``doc_id`` (or, with ``before``, the nearest one before it)."""
    if doc_id is None or offset is None:
        return None
    best, best_start = None, -1
    for i, ev in enumerate(evs):
        for s in ev.sources:
            if s.doc_id != doc_id:
                continue
            if s.start <= offset < max(s.end, s.start + 1):
                return i
            if before and s.start <= offset and offset - s.start < 2000 and s.start > best_start:
                best, best_start = i, s.start
    return best


def timeline(folder, subject: str | None = None, date_from: str | None = None, date_to: str | None = None,
             actor: str | None = None) -> list[Event]:
    """The linked timeline of an index folder, optionally only the events naming one subject.

    Raises :class:`pipeline.link.subjects.UnknownSubject` when ``subject`` matches nothing."""
    from ..store import open_store
    from .evolution import find, load

    subjects = load(folder)
    with open_store(folder) as store:
        docs = {d.doc_id: d.date for d in store.documents()}
        evs = link_outcomes(events(store.decisions(), documents=docs), store.relations())
    if subject:
        s = find(subjects, subject)
        spans = [(d, st, en) for d, st, en, _ in s.spans]
        names = [n.casefold() for n in [s.name, *s.aliases] if len(n) >= 3]
        evs = [e for e in evs if e.actor == s.id or any(n in e.what.casefold() for n in names) or any(
            src.doc_id == d and src.start <= st and en <= src.end for src in e.sources for d, st, en in spans)]
    out = []
    for e in evs:
        key = sort_key(e.date)
        if date_from and key < date_from or date_to and key[: len(date_to)] > date_to:
            continue
        if actor and actor.casefold() != (e.actor or "").casefold():
            continue
        out.append(e)
    return out


CSV_FIELDS = ("date", "date_source", "actor", "status", "what", "outcome", "sources", "linked")


def to_csv(evs: list[Event], path) -> None:
    """Write events as CSV: one row per event; sources and links joined as 'doc_id p.N'."""
    import csv

    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_FIELDS)
        for e in evs:
            writer.writerow([e.date, e.date_source, e.actor or "", e.status, e.what, e.outcome or "",
                             "; ".join(f"{s.doc_id} p.{s.page}" for s in e.sources),
                             "; ".join(f"{l.relation} {l.date or ''} {l.doc_id} p.{l.page}" for l in e.linked)])
