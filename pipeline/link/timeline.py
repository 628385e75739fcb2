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
from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from ..models import Decision
from ..nlp.kb import fold as kb_fold, load_kb

_log = logging.getLogger(__name__)

_SEASON_MONTH = {"SP": "03", "SU": "06", "FA": "09", "WI": "12"}
SAME_EVENT_SIMILARITY = 60
OUTCOME_SIMILARITY = 70
PLANNED = ("planned", "proposed")
DONE = ("adopted", "realized")
UNDATED_AT_DOCUMENT = PLANNED
DECISION_LIST = "besluitenlijst"  # the doc_type whose records are each a decision of their own


class Source(BaseModel):
    doc_id: str
    page: int
    start: int | None = None
    end: int | None = None
    ref: str | None = None  # the document's reference as people read it (``references.references``)


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
    government: str | None = None  # the actor's government ("Den Helder"), from the decision record
    actor_name: str | None = None  # how people name the actor: "gemeenteraad Den Helder"


def sort_key(value: str) -> str:
    """A string that sorts ISO dates, months, years, seasons and intervals by their start."""
    first = value.split("/")[0]
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", first)
    if m:
        return f"{m.group(1)}-{_SEASON_MONTH[m.group(2)]}-00"
    return first


MIN_OBJECT_WORDS = 4
#: Two mentions in one document are one decision (a summary and the body telling it again) only when
#: their wording is this alike (rapidfuzz token_sort_ratio); across documents SAME_EVENT_SIMILARITY will do.
RETOLD_SIMILARITY = 85
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _what(dec: Decision) -> str:
    """What happened: the decision's object when it says enough, else its whole sentence or row."""
    obj = " ".join((dec.object or "").split())
    if len(re.findall(r"\w{2,}", obj)) >= MIN_OBJECT_WORDS and not re.search(r"\(\W*\)", obj):
        return obj[:200]
    return " ".join(dec.text.split())[:200]


def _alike(a: str, b: str) -> int:
    return fuzz.token_set_ratio(_words(a), _words(b))


def _retold(dec: Decision, other: Decision) -> bool:
    """Whether two decision records of one document are the same decision told twice (summary and body).

    Two numbered items (of a decision list or an agenda) never are; otherwise the status must be the
    same and the wording nearly so (or one sentence holds the other)."""
    if dec.number and other.number and dec.number != other.number:
        return False
    if dec.status != other.status:
        return False
    a, b = _words(_what(dec)), _words(_what(other))
    if not a or not b:
        return False
    return a in b or b in a or fuzz.token_sort_ratio(a, b) >= RETOLD_SIMILARITY


def _same_happening(dec: Decision, first: Decision, date: str, sole: bool, from_document: bool) -> bool:
    """Whether ``dec`` (of another document than ``first``, same government, actor and date) reports the
    same happening: matching wording, or, for a full date, both documents reporting only this one
    decision of that body on that day (``sole``)."""
    if from_document:
        return _alike(_what(first), _what(dec)) >= SAME_EVENT_SIMILARITY
    if _alike(_what(first), _what(dec)) >= SAME_EVENT_SIMILARITY and (dec.status == first.status or sole):
        return True
    return sole and bool(_FULL_DATE.fullmatch(date or "")) and dec.actor is not None


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
           actor: str | None = None, documents: dict[str, str | None] | None = None,
           refs: dict[str, str] | None = None, decision_lists: set[str] | None = None) -> list[Event]:
    """Dated decisions as events in date order: one event per decision.

    Records are one event only when they tell the same happening: one decision told twice in one
    document (:func:`_retold`), or the same government, actor and date in different documents with
    matching wording (or each document reporting only that one decision of the body that day).
    Two items of one decision list never are. ``documents`` (doc_id -> document date) places undated
    proposed and planned decisions at their document's date (``date_source`` "document"); ``refs``
    (doc_id -> reference) names the sources; in the documents of ``decision_lists`` every record is a
    decision of its own, however alike the wording (boilerplate items of a ministerraad list)."""
    decision_lists = decision_lists or set()
    out: list[Event] = []
    documents = documents or {}
    refs = refs or {}
    dated = []
    for d in decisions:
        if d.date:
            dated.append((d, d.date, False))
        elif d.status in UNDATED_AT_DOCUMENT and documents.get(d.doc_id):
            dated.append((d, documents[d.doc_id], True))
    dated = [x for x in dated if in_range(x[1], date_from, date_to) and acted_by(x[0], actor)]
    per_doc = Counter((d.doc_id, d.government, d.actor, date) for d, date, _ in dated)
    by_key: dict[tuple, list[tuple[Event, list[Decision]]]] = {}  # only these can be the same event
    for dec, date, from_document in sorted(dated, key=lambda x: (sort_key(x[1]), x[0].doc_id, x[0].start)):
        source = Source(doc_id=dec.doc_id, page=dec.page, start=dec.start, end=dec.end, ref=refs.get(dec.doc_id))
        candidates = by_key.setdefault((dec.government, dec.actor, date, from_document), [])
        match = None
        for ev, told in candidates:
            same_doc = [t for t in told if t.doc_id == dec.doc_id]
            if same_doc:
                if dec.doc_id not in decision_lists and any(_retold(dec, t) for t in same_doc):
                    match = ev
                    break
                continue
            sole = per_doc[(dec.doc_id, dec.government, dec.actor, date)] == 1 and all(
                per_doc[(t.doc_id, t.government, t.actor, date)] == 1 for t in told)
            if _same_happening(dec, told[0], date, sole, from_document):
                match = ev
                break
        if match is not None:
            told = next(t for e, t in candidates if e is match)
            told.append(dec)
            if all(s.doc_id != source.doc_id or s.start != source.start for s in match.sources):
                match.sources.append(source)
            continue
        out.append(Event(date=date, actor=dec.actor, what=_what(dec), status=dec.status, sources=[source],
                         date_source="document" if from_document else "text", government=dec.government,
                         actor_name=actor_name(dec.actor, dec.government) if dec.actor else None))
        candidates.append((out[-1], [dec]))
    return out


def actor_name(actor: str | None, government: str | None = None) -> str:
    """How people name a body: its knowledge-base name with its government ("gemeenteraad Den Helder";
    "regioraad" when the government is not known; an id the knowledge base lacks with spaces)."""
    if not actor:
        return ""
    entry = load_kb().get(actor)
    name = entry.name if entry and entry.name else actor.replace("_", " ")
    if government and kb_fold(government) not in kb_fold(name) and kb_fold(name) not in kb_fold(government):
        name = f"{name} {government}"
    return name


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


class BadFilter(ValueError):
    """A filter value that names nothing or is no date; the message is one line naming what is valid
    (``str()``: English, for the CLI and the API's ``error_en``; ``dutch``: the same for the web page)."""

    def __init__(self, message: str, dutch: str | None = None):
        super().__init__(message)
        self.dutch = dutch or message


from ..nlp.dates_scan import TypedDateError, parse_typed_date  # noqa: E402
from ..models import DECISION_STATUSES as STATUSES  # noqa: E402  (without loading spaCy, as nlp.decisions would)


def check_date(value: str | None, option: str = "--from") -> str | None:
    """``value`` as the ISO prefix filters compare with (2021, 2021-02, 2021-02-28; "28-02-2021" and
    "feb 2021" are read too), or BadFilter naming the form when it is no date or no day of the calendar."""
    if value is None:
        return None
    form = "write a year, year-month or date: 2021, 2021-02 or 2021-02-28"
    try:
        return parse_typed_date(value)
    except TypedDateError as exc:
        what = "is no day of the calendar" if exc.kind == "calendar" else "is no date"
        wat = "is geen dag van de kalender" if exc.kind == "calendar" else "is geen datum"
        raise BadFilter(f"{option} {value!r} {what}; {form}",
                        f"{_OPTIONS_NL.get(option, option)}: ‘{value}’ {wat}; schrijf een jaar, maand of dag: "
                        "2021, feb 2021, 28-02-2021 of 2021-02-28") from None


#: The options of the filters as the web page names them
_OPTIONS_NL = {"--from": "Vanaf", "--to": "Tot en met", "--status": "Status", "--actor": "Orgaan",
               "--government": "Overheid", "--subject": "Onderwerp"}


def check_status(value: str | None, known: Iterable[str] = STATUSES) -> str | None:
    """``value`` as a status (any case), or BadFilter naming the statuses."""
    if value is None:
        return None
    known = list(dict.fromkeys([*STATUSES, *known]))
    if value.strip().casefold() in known:
        return value.strip().casefold()
    raise BadFilter(f"--status {value!r} is no status; use one of {', '.join(known)}",
                    f"Status: ‘{value}’ is geen status. Kies uit: {', '.join(known)}")


def actor_names(actors: Iterable[tuple[str, str | None]]) -> list[tuple[str, tuple[str, str | None]]]:
    """(name, (actor, government or None)) for every name people may use for the actors given: the id,
    the knowledge base's name, aliases and abbreviations, alone (every government) or with the government."""
    pairs = sorted(set(actors), key=lambda p: (p[0], p[1] or ""))
    kb = load_kb()
    out: list[tuple[str, tuple[str, str | None]]] = []
    forms = {}
    for actor, _ in pairs:
        entry = kb.get(actor)
        forms[actor] = list(dict.fromkeys([actor, actor.replace("_", " "), *(
            [entry.name, *entry.aliases, *entry.abbreviations] if entry else [])]))
        out += [(f, (actor, None)) for f in forms[actor]]
    for actor, gov in pairs:
        if gov:
            out += [(n, (actor, gov)) for f in forms[actor] for n in (f"{f} {gov}", f"{f} van {gov}", f"{gov} {f}")]
    return out


def resolve_actor(query: str, actors: Iterable[tuple[str, str | None]]) -> tuple[str, str | None]:
    """(actor id, government or None for all) that ``query`` names ("Dagelijks Bestuur", "DB", "gemeenteraad
    Den Helder", a typo), through the resolver ``spoor evolution`` uses; else BadFilter with close names."""
    from .evolution import pick

    actors = list(actors)
    found, close = pick(query, actor_names(actors), lambda item: actor_name(*item))
    if found is None:
        hint = f" Close: {', '.join(close)}." if close else ""
        hint_nl = f" Bedoelt u: {', '.join(close)}?" if close else ""
        known = sorted({actor_name(a, None) for a, _ in actors})
        listing = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
        raise BadFilter(f"--actor {query!r} names no body that has events.{hint} Bodies: {listing}",
                        f"Orgaan: ‘{query}’ is geen orgaan met gebeurtenissen.{hint_nl} Orgaan kan zijn: {listing}")
    return found


def resolve_government(query: str, governments: Iterable[str]) -> str:
    """The government (as events name it) that ``query`` names, typos tolerated; else BadFilter."""
    from .evolution import pick

    govs = sorted({g for g in governments if g})
    found, close = pick(query, [(g, g) for g in govs])
    if found is None:
        raise BadFilter(f"--government {query!r} has no events; governments: {', '.join(govs[:20]) or 'none known'}",
                        f"Overheid: ‘{query}’ heeft geen gebeurtenissen. Overheden: "
                        f"{', '.join(govs[:20]) or 'geen bekend'}")
    return found


def timeline(folder, subject: str | None = None, date_from: str | None = None, date_to: str | None = None,
             actor: str | None = None, government: str | None = None, status: str | None = None) -> list[Event]:
    """The linked timeline of an index folder, optionally only the events naming one subject.

    ``actor`` and ``government`` are names as people write them ("Dagelijks Bestuur", "DB",
    "gemeenteraad Den Helder"), resolved like ``spoor evolution`` resolves subjects. With a subject, its
    account's other steps (proposals in the text, renamings, outcomes) are events too. Raises
    :class:`pipeline.link.subjects.UnknownSubject` when ``subject`` matches nothing and
    :class:`BadFilter` for a filter that names nothing or a date that is none."""
    from ..store import open_store
    from .evolution import evolution, find, load, takes
    from .references import references

    date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
    status = check_status(status)
    with open_store(folder) as store:
        docs = store.documents()
        dates = {d.doc_id: d.date for d in docs}
        refs = references(docs)
        lists = {d.doc_id for d in docs if d.doc_type == DECISION_LIST}
        evs = link_outcomes(events(store.decisions(), documents=dates, refs=refs, decision_lists=lists),
                            store.relations())
        if subject:
            s = find(load(folder, spans=False), subject)
            spans = store.subject_spans(s.id)
    if subject:
        by_doc: dict[str, list[tuple[int, int]]] = {}
        for d, st, en, _ in spans:
            by_doc.setdefault(d, []).append((st, en))
        names = [n.casefold() for n in [s.name, *s.aliases] if len(n) >= 3]
        evs = [e for e in evs if takes(s, e) or any(n in e.what.casefold() for n in names) or any(
            src.start is not None and src.start <= st and en <= src.end
            for src in e.sources for st, en in by_doc.get(src.doc_id, ()))]
        evs = sorted(evs + _steps_as_events(evolution(folder, s.id), evs, dates, refs), key=lambda e: sort_key(e.date))
    if actor:
        wanted, gov = resolve_actor(actor, {(e.actor, e.government) for e in evs if e.actor})
        evs = [e for e in evs if e.actor == wanted and (gov is None or e.government == gov)]
    if government:
        gov = resolve_government(government, {e.government for e in evs})
        evs = [e for e in evs if e.government == gov]
    return [e for e in evs if in_range(e.date, date_from, date_to) and (not status or e.status == status)]


_FROM_DECISION = re.compile(r"^(" + "|".join(STATUSES) + r"): ")
_STEP_STATUS = {"proposal": "proposed", "decision": "adopted"}


def _steps_as_events(evo, evs: list[Event], dates: dict[str, str | None], refs: dict[str, str]) -> list[Event]:
    """The steps of a subject's account that no decision event holds, as events (dated ones only)."""
    out = []
    for st in evo.steps:
        if not st.date or _FROM_DECISION.match(st.text) or not st.doc_id:
            continue
        if any(src.doc_id == st.doc_id and src.page == st.page and _words(e.what)[:40] in _words(st.text)
               for e in evs for src in e.sources):
            continue
        out.append(Event(date=st.date, actor=None, what=st.text, status=_STEP_STATUS.get(st.kind, st.kind),
                         date_source="document" if st.date == dates.get(st.doc_id) else "text",
                         sources=[Source(doc_id=st.doc_id, page=st.page or 1, ref=refs.get(st.doc_id))]))
    return out


CSV_FIELDS = ("date", "date_source", "actor", "status", "what", "outcome", "sources", "linked", "government",
              "actor_name")


def to_csv(evs: list[Event], path) -> None:
    """Write events as CSV: one row per event; sources and links joined as 'doc_id p.N'."""
    import csv

    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_FIELDS)
        for e in evs:
            writer.writerow([e.date, e.date_source, e.actor or "", e.status, e.what, e.outcome or "",
                             "; ".join(f"{s.ref or s.doc_id} p.{s.page}" for s in e.sources),
                             "; ".join(f"{l.relation} {l.date or ''} {l.doc_id} p.{l.page}" for l in e.linked),
                             e.government or "", e.actor_name or ""])
