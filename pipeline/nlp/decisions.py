"""Decision points (issue 5): who decided or proposed what, when, with what outcome.

``spoor_decisions`` runs after ``spoor_dates`` and ``spoor_entities`` and reads
their spans: DATE spans in ``doc.spans["dates"]`` (``span._.value``) and ORGAN
spans in ``doc.spans["entities"]`` (``span._.canonical``).  It sets
``doc._.decisions`` to a list of dicts with the keys of ``models.Decision``
(without ``doc_id``/``page``).

How it reads a document:

1. ``segment`` cuts the text into units: sentences inside paragraphs (wrapped
   lines re-joined), list items and lines of schedules, each with its list marker.
2. Each unit is matched against the vocabulary in ``data/decisions.json``
   (verb forms with their auxiliaries and separable particles, nouns of
   deciding, vote phrases).  Tense and context give the status.
3. Numbered points after an intro ("Het college besluit:", "Voorgesteld
   hoofdlijnenbesluit") become one record each, with ``number``.
4. Actor: the ORGAN that is the agent ("door de X"), the subject next to the
   finite verb, or the body the step is "in"; bodies after "aan/naar/met" are
   recipients, never actors.  Date: the DATE span of the unit (labels such as
   "begroting 2016" do not count), else the governing one: the list intro, the
   paragraph, the schedule row, the document date (decision lists).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import logging
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from ..models import DECISION_STATUSES
from . import register_extensions, doc_text
from .reading import (  # noqa: F401  (DATA_PATH, Lexicon, Trigger: re-exported)
    DATA_PATH, Lexicon, Reading, Trigger, clean_object, compare_dates, is_negated, nothing_decided, read_object, pick_actor,
    pick_actor_scored, pick_date, read_unit, decide_status, read_tense, span_value, read_vote, load_lexicon)
from .dates import CITED_DAY, PUBLISHED_DECISION
from .entities import CHAIR_RE
from .metadata import dated_by_meeting
from .segment import Unit, segment  # noqa: F401  (Unit: re-exported)
from .structure import (HELD_ITEMS, MOTION_STAMP, RESOLUTION_GROUNDS, SUBORDINATE, Context, adoption_formula,
                        body_id, headed_decisions, is_header_row, load_structure, opening_meeting, read_context,
                        structure_decisions, structure_promises)

_log = logging.getLogger(__name__)
register_extensions()

STATUSES = DECISION_STATUSES  # (defined with the record, in models)
CLASSES = ("decide", "reject", "propose", "discuss", "note", "change", "plan", "postpone")


# --------------------------------------------------------------------------- the component
@dataclass
class _Ctx:
    doc_date: str | None
    issuer: str | None
    minutes: bool
    voice: str | None = None  # whom "we" means: in a proposal to a council, the college that proposes
    reported: str | None = None  # the body of the one meeting a news item tells of (see _reported_meeting)
    reported_day: str | None = None  # and its day
    layout: str | None = None  # the frame's layout: "minutes", "decision_list", "agenda", "letter", ...


def find_decisions(doc: Doc, lex: Lexicon | None = None) -> list[dict]:
    """Read the decisions, proposals, plans and realized changes of ``doc``.

    Needs ``doc.spans["dates"]`` and ``doc.spans["entities"]`` (either may be
    empty) and returns dicts with the keys of ``models.Decision`` (without
    ``doc_id`` and ``page``), in document order.
    """
    lex = lex or load_lexicon()
    text = doc_text(doc)
    meta = doc._.meta or {}
    head = text[:800].lower()
    organs = sorted([s for s in doc.spans.get("entities", []) if s.label_ == "ORGAN"], key=lambda s: s.start) if "entities" in doc.spans else []
    dates = sorted(doc.spans["dates"], key=lambda s: s.start) if "dates" in doc.spans else []
    doc_date = doc._.doc_date or meta.get("doc_date")
    frame = read_context(text, organs, dates, doc_date, meta.get("structure"))
    doc_date = dated_by_meeting(frame.layout, frame.meeting_date) or doc_date  # (as its document record is; not by the
    # month most of its dates fall in: "Vastgesteld verslag van de vergadering ... van 1 september 2008")
    doc._.issuer, doc._.meeting, doc._.layout = frame.issuer, frame.meeting, frame.layout
    doc._.structure = {"layout": frame.layout, "issuer": frame.issuer, "issuer_text": frame.issuer_text,
                       "meeting": frame.meeting, "mandate_holder": frame.mandate_holder}
    minutes = any(m in head for m in lex.raw.get("minutes_markers", [])) and not any(
        w in head for w in load_structure()["not_meetings"])  # "verslag van een schriftelijk overleg": no meeting
    ctx = _Ctx(doc_date, meta.get("issuer") or frame.issuer, minutes or frame.layout in ("decision_list", "minutes"),
               layout=frame.layout)
    if frame.layout == "proposal" and frame.meeting_body in _PROPOSERS:
        ctx.voice = _PROPOSERS[frame.meeting_body]
    units = segment(text, lex.words("abbreviations"))
    readings = [read_unit(doc, u, lex, organs, dates) for u in units]
    reported = _reported_meeting(readings, frame)
    ctx.reported, ctx.reported_day = (reported[0], reported[1]) if reported else (None, None)
    records: list[dict] = []
    consumed: set[int] = set()
    schedule_left = 0
    sched_words = lex.words("schedule_headings")
    if frame.layout in ("decision_list", "minutes", "agenda"):
        sched_words = sched_words - {"agenda"}  # "Agenda / De agenda wordt vastgesteld.": the meeting's item, no schedule
    for idx, r in enumerate(readings):
        if r is None:
            continue
        u = r.unit
        first_word = re.sub(r"[^a-zà-ÿ]", "", r.low[0]) if r.low else ""
        if r.low and (first_word in sched_words or (len(r.low) > 1 and r.low[0] in "#*" and re.sub(r"[^a-z]", "", r.low[1]) in sched_words)) and (u.heading or ":" in r.low[:4]):
            schedule_left = 15
        elif u.md_heading or (len(r.low) > 25 and u.marker is None):
            schedule_left = 0
        in_schedule = schedule_left > 0 or first_word in sched_words
        schedule_left = max(0, schedule_left - 1)
        if idx in consumed:
            continue
        intro = _list_intro(r, lex)
        if intro:
            recs, used = _read_list(doc, readings, idx, intro, lex, ctx)
            if recs:
                own = _read_unit(doc, readings, idx, lex, ctx, in_schedule) if intro.grounds else None
                if own is not None and own.get("date_text"):  # "overwegende dat het bestuur op 9 mei 2023 ... heeft
                    records.append(own)  # vastgesteld": what the preamble cites, with its own date
                records.extend(recs)
                consumed.update(used)
                continue
        rec = _read_unit(doc, readings, idx, lex, ctx, in_schedule)
        if rec is None or is_header_row(rec.get("text", "").split("\n")[0]):
            continue  # "Nr | Onderwerp | Besluit": a table's header, no decision
        nxt = readings[idx + 1] if idx + 1 < len(readings) else None
        if not rec.get("_attach") and rec.get("object") is None and rec.get("text", "").rstrip().endswith(":") and nxt is not None \
                and nxt.unit.marker is None and nxt.unit.start - rec["end"] <= 3 and (
                    not nxt.triggers or re.match(r"\s*(?:[a-zà-ÿ]|\w+ te \w+)", text[nxt.unit.start:nxt.unit.end])):
            # "De raad besluit unaniem:" with what it decides on the next line
            rec["end"] = nxt.unit.end
            rec["text"] = text[rec["start"]:rec["end"]]
            rec["object"] = clean_object(text[nxt.unit.start:nxt.unit.end])
            consumed.add(idx + 1)
        if rec.pop("_attach", False):
            if records and idx - records[-1]["_idx"] <= 3 and not (
                    u.marker is not None and readings[records[-1]["_idx"]].unit.marker is not None) and not any(
                    readings[k] is not None and readings[k].unit.heading for k in range(records[-1]["_idx"] + 1, idx)):
                # (not across a heading: "Dit stuk wordt unaniem aangenomen" / "Voorjaarsrapportage 2018" / "Ook dit
                # stuk wordt unaniem aangenomen" are two decisions, each item's own; nor from one list item to the
                # item before: "- Amendement C (verworpen)" / "- Amendement over de kosten (aangenomen)")
                records[-1]["vote"] = records[-1]["vote"] or rec["vote"]
                if rec["status"] == "rejected":
                    records[-1]["status"] = "rejected"
                continue
            rec = _read_unit(doc, readings, idx, lex, ctx, in_schedule, attach=False)
            if rec is None:  # "De VVD diende een motie in ... De motie werd unaniem aangenomen.": no decision before
                continue  # to take the vote, so the outcome is a record of its own
        if u.marker is not None:
            rec["_bullet"] = True  # (two items of a list are two decisions, however alike: see _dedupe)
        records.append(rec)
    records = _dedupe(records)
    struct = structure_decisions(text, frame, organs, dates, lambda s: read_vote(s, lex))
    if reported is not None and frame.layout not in ("decision_list", "minutes"):
        # "Het college zegde o.a. een overzicht van leegstaande gebouwen toe aan de raad.": a news item on one
        # meeting tells its promises as minutes do, on its day
        told_at = dataclasses.replace(frame, meeting_body=reported[0], meeting_date=reported[1],
                                      meeting_date_text=reported[2])
        struct = sorted(struct + structure_promises(text, told_at, organs), key=lambda r: r["start"])
    merged = _merge(records, struct, frame, lex, text)
    out = _plan_actors(_motion_stamp(_resolution(merged, text, frame, dates, organs), frame), text)
    told = [r for r in out if not r.get("_row")]
    out = [r for r in out if not (r.get("_row") and any(_same_decision(r, t) for t in told))]  # a table row the text tells
    out = _item_days(_meeting_days(out, frame), text, frame, dates)
    out = _one_per_mention(_same_letter(out, text, dates))
    out = _co_actors(_motion_adopters(out, organs), text, organs, dates)
    for rec, para_end in headed_decisions(text, frame):  # a summary's subject whose paragraph tells no decision itself
        if not any(rec["start"] <= r["start"] < para_end and r["actor"] == frame.meeting_body and not r.get("cited")
                   for r in out):
            rec.pop("_item", None)
            out.append(rec)
    out.sort(key=lambda r: r["start"])
    out = [r for r in out if not (r.get("_register") and r["status"] == "adopted" and any(
        o is not r and (o["actor"], o["date"], o["status"]) == (r["actor"], r["date"], r["status"]) for o in out))]
    for rec in out:
        if rec["actor"] == "wethouder" and rec.get("predicate") in ("benoemen", "herbenoemen", "plannen") \
                and _appointed(rec["text"]):
            rec["actor"], rec["actor_text"] = "gemeenteraad", None  # "Op 20 april worden de nieuwe wethouders benoemd":
            # the council appoints them (Gemeentewet art. 35); they do not appoint
    if reported is not None:  # a news item on a meeting: "Afgelopen donderdag 20 april vergaderde de gemeenteraad."
        for rec in out:
            if rec["actor"] == reported[0] and not rec.get("cited") and (rec["date"] is None or (
                    rec.get("date_text") is None and rec["date"] == frame.doc_date)) \
                    and rec["status"] in ("adopted", "rejected", "withdrawn", "postponed"):
                rec["date"], rec["date_text"] = reported[1], reported[2]
    out = [r for k, r in enumerate(out) if not (
        _BARE_INTRO.fullmatch(r["text"]) and k + 1 < len(out) and out[k + 1].get("number")
        and (out[k + 1]["actor"], out[k + 1]["date"]) == (r["actor"], r["date"]))]  # "Besloten is om" over its points
    out = _each_thing(_second_outcomes(_without_restatements(_proposal_taken(out, text))))
    out = _taking_effect(out, text, dates)
    out = [r for r in out if not (r["status"] == "proposed" and _TO_READER.search(r["text"]) and _APPEAL.search(
        text, max(0, r["start"] - 600), min(len(text), r["end"] + 300)))]  # "Wij adviseren u zo mogelijk een kopie
    # van het besluit bij te voegen": how to object, said to the reader, no proposal
    for rec in out:
        rec.pop("_put", None)
        rec.pop("_row", None)
        rec.pop("_register", None)
        rec.pop("_bullet", None)
        rec.pop("_present", None)
        office = _office_kind(rec["actor"])
        if office is not None:  # "minister_ienw": the actor is a minister, the office is kept beside it
            rec["actor_office"], rec["actor"] = rec["actor"], office
    return out


#: a body's formal intention, as a notice of a draft decision says it
_INTENDS = re.compile(r"(?i)\b(?:is|zijn)\s+(?:\w+\s+){0,2}voornemens\b|\b(?:heeft|hebben)\s+het\s+voornemen\b")
_FROM = r"(?:met\s+ingang\s+van|m\.i\.v\.)"
_FROM_DAY, _FROM_DAY_SPAN = re.compile(r"(?i)\b" + _FROM + r"\s*$"), re.compile(r"(?i)" + _FROM + r"\s")


def _taking_effect(records: list[dict], text: str, dates: list[Span]) -> list[dict]:
    """"Besluiten: met ingang van 7 november 2025 ... de verkeersmaatregel vast te stellen": what is decided takes effect
    on a later day, a step of its own on the timeline (planned by the body that decided it) beside the decision."""
    out = []
    for rec in records:
        out.append(rec)
        if rec["status"] != "adopted" or rec.get("cited") or not rec["actor"] or not rec["date"]:
            continue
        for d in dates:
            if not rec["start"] <= d.start_char < rec["end"] or not _DAY_VALUE.match(str(d._.value or "")) \
                    or compare_dates(str(d._.value), rec["date"]) != 1 \
                    or not (_FROM_DAY.search(text, max(0, d.start_char - 20), d.start_char) or _FROM_DAY_SPAN.match(d.text)):
                continue  # (a day the decision takes effect from; the span may hold its "met ingang van")
            value = str(d._.value)
            if any(r["date"] == value and r["status"] == "planned" for r in records):
                break  # ("Dit besluit treedt in werking met ingang van 10 oktober 2014": told on its own)
            a = max(rec["start"], text.rfind("\n", 0, d.start_char) + 1)
            b = text.find("\n", d.end_char, rec["end"])
            b = rec["end"] if b < 0 else b
            step = dict(rec, status="planned", date=value, date_text=d.text, predicate="inwerkingtreden",
                        text=text[a:b].strip(), start=a, end=b, number=None, vote=None)
            out.append(step)
            break
    return out


#: the verbs that take several things at once: "zijn het jaarverslag 2017, de begroting 2019 en de eerste bestuurlijke
#: rapportage vastgesteld"
_ONE_BY_ONE = frozenset({"vaststellen", "instemmen", "goedkeuren", "aannemen", "verwerpen", "afwijzen", "intrekken"})
_LIST_LEAD = re.compile(r"(?i)^(?:ook|tevens|daarnaast|verder|eveneens|vervolgens|voorts)\s+")
_THING = re.compile(r"(?i)(?:de|het|een)\s+\S")
_OWNED_BY = re.compile(r"(?i)\bvan\s+(?:de|het|een)\s+\S+$")
#: "ingestemd met de voorgestelde maatregelen en is het wateradvies afgedaan": a second clause, no second thing
_SECOND_CLAUSE = re.compile(r"(?i)\ben\s+(?:is|zijn|wordt|worden|werd|werden|was|waren|heeft|hebben|had)\b")


def _things(obj: str) -> list[str]:
    """The things one clause decides together, each named with its article ("het jaarverslag 2017, de begroting 2019
    en de eerste bestuurlijke rapportage"); [] for one thing ("de kaders voor wonen en werken")."""
    o = _LIST_LEAD.sub("", " ".join(obj.split()))
    if any(c in o for c in "():;"):
        return []
    parts = re.split(r",\s+(?:en\s+)?|\s+en\s+", o)
    if not 2 <= len(parts) <= 6 or not all(_THING.match(p) and len(p.split()) >= 2 for p in parts):
        return []
    if any(_OWNED_BY.search(p) for p in parts[:-1]) or any(SUBORDINATE.search(p.lower()) for p in parts):
        return []  # "een motie van de VVD en het CDA waarin ...": two owners of one thing; a thing told by a clause
    return parts


@functools.lru_cache(maxsize=1)
def _shared_verb() -> tuple[dict[str, str], re.Pattern, re.Pattern, re.Pattern, dict[str, tuple[str, str]]]:
    """The outcome words that are participles ("aangenomen" -> adopted, from the structure's outcomes) and the two forms
    of a second outcome that borrows the first one's verb: "De motie is aangenomen en de verordening vastgesteld.";
    "Het amendement werd met 9 stemmen voor en 6 tegen aangenomen en het voorstel met 11 voor en 4 tegen." (its whole
    verb left out, its vote told)."""
    lex = load_lexicon()
    done = {w: status for w, status in load_structure()["outcomes"].items() if (w,) in lex.participles}
    words = "|".join(sorted(done, key=len, reverse=True))
    second = re.compile(rf"\b(?:is|zijn|werd|werden)\s+(?:\w+\s+){{0,2}}(?:{words})\s+en\s+"
                        rf"(?P<thing>(?:de|het|een)\s+[^,.;:]{{2,80}}?)\s+(?P<done>{words})\s*[.;]?\s*$", re.I)
    voted = re.compile(rf"\b(?:is|zijn|werd|werden)\s+(?:[^.;:]{{0,80}}?\s)?(?P<done>{words})\s+en\s+"
                       r"(?P<thing>(?:de|het|dat|die)\s+\w+(?:\s+\w+)?)\s+(?:\([^)]{0,300}\)\s+)?met\s+"
                       r"(?P<vote>[^.;:]{0,60}?\b(?:voor|tegen)\b[^.;:]{0,30}?)\s*\.?\s*$", re.I)
    classes = {" ".join(k): (lemma, lex.raw["verbs"].get(lemma, {}).get("class")) for k, lemma in lex.participles.items()}
    acts = {p: (lemma, cls) for p, (lemma, cls) in classes.items() if cls in ("decide", "change", "reject")}
    parts = "|".join(sorted(map(re.escape, acts), key=len, reverse=True))
    clause = re.compile(rf"\b(?:is|zijn|werd|werden)\s+(?:\w+\s+){{0,2}}(?:{words})\s+en\s+"
                        rf"(?P<thing>(?:de|het|een)\s+[^,.;:]{{2,80}}?)\s+(?:is|zijn|werd|werden)\s+(?:\w+\s+){{0,2}}?"
                        rf"(?P<part>{parts})\s*[.;]?\s*$", re.I)
    return done, second, voted, clause, acts


def _appointed(text: str) -> bool:
    """Whether the wethouders a sentence names are the ones appointed ("De benoeming van de wethouders staat gepland",
    "worden de nieuwe wethouders benoemd", "Drie wethouders benoemd"), not a wethouder who appoints."""
    said = " ".join(text.split())
    if re.search(r"(?i)\bbenoeming\s+van\s+(?:de\s+)?(?:\w+\s+)?wethouders?\b", said):
        return True
    m = re.search(r"(?i)\bwethouders?\b(?P<mid>[^.]{0,60}?)\bbenoemd\b", said)
    return m is not None and not re.search(r"(?i)\b(?:heeft|hebben|had|hadden)\b", m.group("mid"))


def _second_outcomes(recs: list[dict]) -> list[dict]:
    """"De motie is aangenomen en de verordening vastgesteld.": two decisions, the second's auxiliary left out (or its
    whole verb, its vote told: "... aangenomen en het voorstel met 11 voor en 4 tegen")."""
    done, second, voted, clause, acts = _shared_verb()
    out = []
    for r in recs:
        out.append(r)
        if r["status"] not in done.values():
            continue
        said = " ".join(r["text"].split())
        m = second.search(said) or voted.search(said)
        own = None if m is not None else clause.search(said)  # "... de profielschets is vastgesteld en de
        # Vertrouwenscommissie is ingesteld.": a second clause with a verb of its own
        if m is None and own is None:
            continue
        thing = (m or own).group("thing")
        if not any(o is not r and o["start"] == r["start"] and o.get("object") == thing for o in recs):
            if own is not None:
                lemma, cls = acts[own.group("part").lower()]
                status = "rejected" if cls == "reject" else r["status"]
                out.append({**r, "status": status, "object": thing, "predicate": lemma, "vote": None})
                continue
            vote = m.group("vote").strip() if "vote" in m.groupdict() else None
            out.append({**r, "status": done[m.group("done").lower()], "object": thing, "predicate": None, "vote": vote})
    return out


def _each_thing(recs: list[dict]) -> list[dict]:
    """A sentence that adopts several things at once gives one decision per thing (the scorer and a reader of the
    timeline count each): "In de vergadering van 9 juli zijn ook het jaarverslag 2017, de begroting 2019 en de eerste
    bestuurlijke rapportage vastgesteld." A list's numbered point stays one decision."""
    out = []
    for r in recs:
        parts = _things(r.get("object") or "") if r["status"] in ("adopted", "rejected", "withdrawn") \
            and r.get("predicate") in _ONE_BY_ONE and not r.get("number") and not _SECOND_CLAUSE.search(r["text"]) else []
        out += [{**r, "object": p} for p in parts] if parts else [r]
    return out


def _without_restatements(recs: list[dict]) -> list[dict]:
    """Records that only restate a decision told beside them, or only label or date one, left out:
    "Het college besluit conform het voorstel." under the points it decided; the label "Besluit" over a resolution's
    points; "Datum besluit: 20 maart 2017" on a page that names no body ("Type besluit: GS-vergadering" does)."""
    out = []
    for k, r in enumerate(recs):
        said = r["text"].strip()
        if _AS_PROPOSED.fullmatch(said) and any(
                o["status"] == r["status"] and (o["actor"], o["date"]) == (r["actor"], r["date"])
                and r["start"] - 1500 <= o["start"] < r["start"] for o in recs[:k]):
            continue
        if r.get("object") is None and said.strip(" :\n").lower() in ("besluit", "besluiten") and any(
                o is not r and o["status"] == r["status"] and o["actor"] == r["actor"] for o in recs):
            continue
        if not r["actor"] and _DATE_FIELD.fullmatch(said):
            continue
        out.append(r)
    return out


def _object_key(rec: dict) -> str:
    """What a record decides, for comparing two: its object's words, without a point's number."""
    obj = re.sub(r"^\W*(?:\d{1,2}[.)]|[a-z][.)])?\s*", "", (rec.get("object") or "").casefold())
    return " ".join(re.findall(r"\w+", obj))


_AS_PROPOSED = re.compile(r"(?i)\W*(?:(?:het|de)\s+[\w-]+\s+)?(?:besluit|besluiten|beslist|stemt\s+in|stemmen\s+in)\s+"
                          r"(?:conform|overeenkomstig)\s+(?:het\s+)?(?:voorstel|advies)\W*")
#: a field that only dates the document's decision, no decision itself
_DATE_FIELD = re.compile(r"(?i)datum\s+(?:van\s+(?:het\s+)?)?(?:besluit|besluitvorming|vaststelling|ondertekening)\s*:?\s*"
                         r"(?:\w+dag\s+)?\d{1,2}[-\s./]+(?:\w+|\d{1,2})[-\s./]+\d{4}\.?")
_DECISION_LABEL = re.compile(r"(?im)^[ \t]*(?:besluit|besluiten|besloten)[ \t]*:?[ \t]*$")


def _proposal_taken(recs: list[dict], text: str) -> list[dict]:
    """A proposal the same body then decided in the same words on the same day, under the item's decision label, is
    that one decision, no proposal beside it: "Voorgesteld besluit" / "1. in te stemmen met ..." then "Besluit" /
    "1. in te stemmen met ..." (iBabs, Notubiz). (An agenda's item and the outcome a report tells later stay two.)"""
    decided: dict[tuple, list[int]] = {}
    for r in recs:
        if r["status"] in ("adopted", "rejected", "withdrawn", "postponed") and r.get("actor"):
            decided.setdefault((r["actor"], r["date"], _object_key(r)), []).append(r["start"])

    def taken(r: dict) -> bool:
        if r["status"] != "proposed" or not r.get("actor") or len(_object_key(r).split()) < 3:
            return False
        return any(r["end"] <= at and _DECISION_LABEL.search(text, r["end"], at)
                   for at in decided.get((r["actor"], r["date"], _object_key(r)), []))
    return [r for r in recs if not taken(r)]


@functools.lru_cache(maxsize=256)
def _office_kind(actor: str | None) -> str | None:
    """The kind of a person's office that is a named instance of it ("minister_ienw" -> "minister"), else None:
    a decision's actor is the office by its kind, as it is for "wethouder" and "gedeputeerde"."""
    from .kb import load_kb

    kb = load_kb()
    entry = kb.get(actor)
    kind = kb.get(entry.type) if entry is not None and entry.kind == "instance" and entry.type else None
    return kind.id if kind is not None and kind.person_office else None


#: a date that names the record or letter a meeting deals with: "vaststelling notulen Raadscommissie van 15 november"
_RECORD_OF = re.compile(r"(?i)\b(?:notulen|verslag|besluitenlijst|brief|e-mail|memo)\b(?:\s+[\w-]+){0,4}\s+(?:van|d\.d\.)\s*$")
_NO_AGENT = {"inwerkingtreden"}  # what no body does: a law takes effect
#: the head of an item's background in a decision list: "Toelichting:", "Context:", "Achtergrond"
_BACKGROUND_HEAD = re.compile(r"(?im)^[ \t]*(?:toelichting|context|achtergrond|aanleiding|kanttekeningen?)[ \t]*:?[ \t]*$")


def _background_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each background section of a decision list: from "Toelichting:" to the next short head line
    (the next item's title) or the next decision label."""
    out = []
    for m in _BACKGROUND_HEAD.finditer(text):
        end = len(text)
        for nm in re.finditer(r"\n[ \t]*\n[ \t]*([^\n]{1,80})[ \t]*(?=\n[ \t]*\n|\n?$)", text[m.end():]):
            line = nm.group(1).strip()
            if line and len(line.split()) <= 8 and not line.endswith((".", ";", ",")):
                end = m.end() + nm.start()
                break
        label = _BACKGROUND_END.search(text, m.end(), end)
        out.append((m.start(), label.start() if label else end))
    for m in _GROUNDS_HEAD.finditer(text):  # a motion's grounds, quoted in the list: "Constaterende dat: ... Zorgverzekeraar
        # CZ heeft besloten ..." up to what it asks ("Verzoekt het college")
        ask = _GROUNDS_END.search(text, m.end(), m.end() + 4000)
        out.append((m.start(), ask.start() if ask else min(len(text), m.end() + 1500)))
    return out


_GROUNDS_HEAD = re.compile(r"(?im)^[ \t]*(?:constaterende|overwegende|van\s+mening)\b[^\n]{0,40}?\bdat\b")
_GROUNDS_END = re.compile(r"(?im)^[ \t]*(?:verzoekt|verzoeken|draagt|dragen|roept|roepen|spreekt|spreken|besluit|besluiten"
                          r"|en\s+gaat\s+over)\b")


_BACKGROUND_END = re.compile(r"(?im)^[ \t]*(?:(?:besluit|besluiten|besloten|conclusie|afspraken?|voorstel)\b|\d{1,2}[ \t]*[|.)])")


#: an intro with nothing decided in it, its points follow: "Besloten is om", "Besluit: het bestuur besluit:"
_BARE_INTRO = re.compile(r"(?is)\W*(?:besluit\s*:\s*)?(?:(?:het|de)\s+\w+\s+)?(?:besloten\s+(?:is|wordt)|besluit|heeft\s+besloten)"
                         r"(?:\s+(?:om|tot))?\s*:?\s*")
_SAME_LETTER = re.compile(r"(?i)^\W*(?:met|in|bij)\s+(?:dezelfde|die|diezelfde)\s+(?:brief|e-?mail|mail)\b")
_LETTER_OF = re.compile(r"(?i)\b(?:brief|e-?mail|mail)\s+(?:van|d\.d\.?)\s*$")


def _same_letter(records: list[dict], text: str, dates: list[Span]) -> list[dict]:
    """"In de brief van 3 juni 2021 ... In dezelfde brief is de beslistermijn verdaagd": what that letter did, on the
    day the sentence before gave it (not the letter's own date; "met deze brief" is the letter itself)."""
    for rec in records:
        if not _SAME_LETTER.match(rec["text"]) or rec.get("date_text"):
            continue
        before = [d for d in dates if rec["start"] - 400 <= d.start_char < rec["start"] and d._.value
                  and _LETTER_OF.search(text[max(0, d.start_char - 20):d.start_char])]
        if before:
            rec["date"], rec["date_text"] = str(before[-1]._.value), before[-1].text
    return records


def _one_per_mention(records: list[dict]) -> list[dict]:
    """One record for what is one decision: an earlier decision cited twice ("mijn besluit van 24 december 2020",
    twice in a letter) and a heading joined to the sentence under it ("Besluit Ik heb besloten ..." and "Ik heb
    besloten ...", the sentence's own reading kept); a notice that tells its decision again in other words ("Het
    algemeen bestuur heeft op 3 november 2015 de peilbesluiten 2015-2025 vastgesteld" ... "Op 3 november 2015 zijn de
    peilbesluiten definitief vastgesteld door het algemeen bestuur"), the first telling kept."""
    out: list[dict] = []
    for rec in records:
        body = " ".join(rec["text"].split())
        twin = next((o for o in out if o["actor"] == rec["actor"] and o["date"] == rec["date"] and not (
            o.get("cited") and rec.get("cited") and o["start"] == rec["start"] and o["end"] != rec["end"])
            # (one citation of several councils' decisions, "bij raadsbesluit van Delfzijl d.d. 28 februari 2013, Eemsmond
            # d.d. 28 februari 2013", is many)
            and ((o.get("cited") and rec.get("cited") and _overlap(o["text"], rec["text"]) >= 0.6)
            or (not o.get("number") and not rec.get("number") and len(body) >= 30 and body != " ".join(o["text"].split())
                and (body in " ".join(o["text"].split()) or " ".join(o["text"].split()) in body)))), None)
        retold = twin is None and next((o for o in out if _retold(o, rec)), None)
        if retold:
            continue
        if twin is None:
            out.append(rec)
        elif not rec.get("cited") and len(body) < len(" ".join(twin["text"].split())):
            out[out.index(twin)] = rec  # (the sentence, not the heading run into it)
    return out


def _retold(a: dict, b: dict) -> bool:
    """The same decision told twice: one body, one day, one verb and the same thing decided."""
    return (a["actor"] is not None and (a["actor"], a["date"], a["status"], a["predicate"]) == (
                b["actor"], b["date"], b["status"], b["predicate"]) and _DAY_VALUE.match(a["date"] or "") is not None
            and not a.get("number") and not b.get("number") and not a.get("cited") and not b.get("cited")
            and bool(re.search(r"\w{5,}", a.get("object") or "")) and bool(re.search(r"\w{5,}", b.get("object") or ""))
            and _words_within(a["object"], b["object"]))


def _words_within(a: str, b: str) -> bool:
    """Every word (numbers too) of the shorter text is in the other: "de peilbesluiten" in "de peilbesluiten
    2015-2025", not "document 30" in "document 31"."""
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}$")


_PROPOSERS = load_structure()["proposers"]  # who proposes to an assembly: whom "we" means in its proposals
_ASSEMBLIES = frozenset(load_structure()["assemblies"])
_GOV_DEFAULTS = load_structure()["government_default_body"]  # the body a government acts through as a subject
_DECIDES = re.compile(r"\b(?:besluit|besluiten|stemt in met|stemmen in met)\b", re.I)
_PERFECT = re.compile(r"\b(?:heeft|hebben)\b[^.;]{0,120}\b(?:besloten|ingestemd|vastgesteld|goedgekeurd|verleend|toegekend"
                      r"|afgewezen|geweigerd)\b"
                      r"|\b(?:is|werd)\s+(?:daarom\s+|dan\s+ook\s+|dus\s+)?besloten\b", re.I)  # "daarom is besloten ..."
#: the addressee's own acts in a decision letter: an objection, an appeal, a request ("heeft uw cliënt bezwaar gemaakt")
_ADDRESSEE = re.compile(r"(?i)\b(?:(?:heeft|hebt)\s+u|u\s+(?:heeft|hebt)|uw\s+cli[eë]nt|verzoeker|bezwaarmaker|aanvrager|appellant"
                        r"|indiener|belanghebbende)\b[^.]{0,80}\b(?:pro\s+forma\s+)?(?:bezwaar|beroep|verzoek|aanvraag|zienswijze|klacht)"
                        r"\w*\b[^.]{0,80}\b(?:gemaakt|ingesteld|ingediend|gedaan|aangetekend)\b")
#: a notice's legal remedies: who may object or appeal, and how; never a decision of their own
_REMEDY = re.compile(r"(?i)\b(?:kan|kunnen|kunt)\b[^.]{0,120}\b(?:bezwaar\s+(?:maken|indienen|aantekenen)|beroep\s+(?:instellen|"
                     r"aantekenen)|een\s+bezwaarschrift\s+indienen|(?:een\s+)?zienswijze[n]?\s+(?:indienen|naar\s+voren\s+brengen|"
                     r"kenbaar\s+maken|geven))\b"
                     r"|^\W*(?:de|het)\s+(?:beroeps|bezwaar|zienswijze|inspraak)\w*termijn\b"  # ("De beroepstermijn start op")
                     r"|^\W*bent\s+u\s+het\s+niet\s+eens\s+met\b")  # ("Bent u het niet eens met het besluit?")
#: a sentence that says where decisions can be read, not what was decided: "... zijn terug te vinden op de website",
#: "In dit artikel treft u een overzicht van de besluiten", "Hieronder leest u welke besluiten ..."
_POINTER = re.compile(r"(?i)\b(?:(?:zijn|is)\s+(?:terug\s+)?te\s+(?:vinden|raadplegen|bekijken|lezen)|na\s+te\s+lezen|"
                      r"treft\s+u\s+een\s+overzicht|vindt\s+u\s+een\s+overzicht|(?:hieronder|hier)\s+(?:leest|vindt)\s+u)\b")
_DECISION_WORD = re.compile(r"(?i)\b(?:vast(?:gesteld|stellen|te\s+stellen)|besl(?:oten|uit|uiten)|aangenomen|verworpen|"
                            r"ingestemd|instemmen|in\s+te\s+stemmen|benoem\w*|gekozen|stemm\w+|hamerstuk\w*|aangehouden|"
                            r"ingetrokken|akkoord|goedgekeurd|unaniem|aanvaard|verleend|geweigerd|vastgelegd)\b")
_TE_INF = re.compile(r"\bte\s+[a-zà-ÿ]{3,}")  # a point written as its decision: "... vast te stellen"
#: a resolution's dictum on a line of its own, which reads like a heading: "vast te stellen de Beleidsregel Wet Bibob
#: ... 2019" (the numbered chapters under it are the regulation's, not its points)
_DICTUM = re.compile(r"\s*(?:[a-zà-ÿ]+\s+){0,2}te\s+[a-zà-ÿ]{3,}\s+(?:de|het|een)\s")
_TAKE = frozenset({"neemt", "nemen", "nam", "namen", "genomen", "neem"})
_LONE_LABEL = re.compile(r"(?i)(?:besluit|besluiten|besloten)\s*:?")
_ISSUER_DECIDES = re.compile(r"(?i)\W*(?:het|de)\s+[^.;:]{2,80}?\s+besluit(?:en)?\s+(?!:)")
#: a clause that tells what a body decides in general, with no decision of its own ("staat vermeld wat de gemeenteraad
#: tijdens een vergadering heeft besloten", "leest u welke besluiten het college heeft genomen")
_WHAT_DECIDED = re.compile(r"\b(?:wat|welke\s+besluiten|waarover)\s+(?:(?:de|het)\s+)?[^.;:]{2,60}?\s+(?:heeft|hebben|besluit|besluiten|"
                           r"beslist|beslissen)\s*(?:besloten|genomen|beslist)?\s*[.?]?$")
_OWNER_PREPS = {"van", "aan", "bij", "met", "voor"}  # a body that belongs to a phrase: "de commissaris van de Koning"
_ANNOUNCES_THAT = re.compile(r"\b(?:maakt|maken)\s+(?:\S+\s+){0,12}?bekend\s*,?\s+dat$")
_ANNOUNCES = re.compile(r"\b(?:maakt|maken)\s+bekend\s*,?\s+dat\s+(?:zij|ze|hij|het)\b")
_SENTENCE_END = re.compile(r"[.!]\s*$")
_PROPOSED = r"(?:voorgestelde?|ontwerp-?|concept-?|gevraagde?)\s*besluit(?:en)?|besluitvoorstel"  # "Voorgesteld besluit"
_PROPOSED_LABEL = re.compile(r"(?i)\W*(?:" + _PROPOSED + r")\s*:?")
_LAID_OPEN_INTRO = re.compile(r"\b(?:ingezien|inzien|ter\s+inzage|inzage|bekijken|raadplegen|verkrijgbaar)\b")
_PUT_LABEL = re.compile(r"(?i)\b(?:" + _PROPOSED + r"|beslispunten)\b|\bbesluit(?:en)?\s*:")  # (on an agenda, "Het Algemeen Bestuur besluit:" is what it is asked)
_DECIDES_COLON = re.compile(r"\bbesluit(?:en)?\s*:", re.I)
_TO_READER = re.compile(r"\b(?:(?:wij|we|ik)\s+(?:adviseren|adviseer|verzoeken|verzoek|raden|raad)\s+u|"
                        r"(?:adviseren|adviseer|verzoeken|verzoek|raden|raad)\s+(?:wij|we|ik)\s+u)\b", re.I)
_APPEAL = re.compile(r"(?i)\bbezwaarschrift|\bbezwaar\s+(?:maken|indienen)|\bberoep\s+(?:instellen|indienen)|"
                     r"\bvoorlopige\s+voorziening")
_ASKED = re.compile(r"\b(?:wordt|worden)\s+(?:gevraagd|voorgesteld|verzocht)\b", re.I)
_PARTY_SUBJECT = re.compile(r"(?<!\bals )\b(?:fractie|fracties|fractievoorzitter|raadslid|raadsleden|statenlid|statenleden)\b")
# (not "is de heer Ram geïnstalleerd als statenlid": the member is who the meeting installs)
_GENERIC_ACTORS = {"raad", "de raad", "commissie", "de commissie", "vergadering", "de vergadering", "overleg",
                   "het overleg", "bestuur", "het bestuur"}


def _merge(records: list[dict], struct: list[dict], frame: Context, lex: Lexicon, text: str = "") -> list[dict]:
    """The sentence records and the records of the document's frame, as one list in document order.

    A sentence record inside an item the frame read (the same decision) gives way; one without an
    actor gets the body the document implies (the meeting's body, the letter's issuer), and a
    decision of a meeting without a date of its own the meeting's date."""
    pronouns = lex.words("subject_pronouns")
    meeting_kind = frame.layout in ("decision_list", "minutes", "agenda")
    kept: list[dict] = []
    # an item that is a paragraph of prose ("De Staten stemden in met ... Verder hebben Provinciale Staten ...
    # vastgesteld. Ook is ..."): its sentences are its decisions, each with its own words
    prose = {id(t) for t in struct if meeting_kind and not t.get("cited") and _is_prose(t["text"])}
    # an item read from the list's head down to a sentence that tells the decision itself, paragraphs apart ("GS-
    # besluitenlijst 18 augustus 2020 / Beantwoording ... / Vaststellen Cultuurnota / De ontwerp-Cultuurnota is door
    # Gedeputeerde Staten vastgesteld."): the sentences are the decisions
    spread = {id(t) for t in struct if meeting_kind and not t.get("cited") and t["text"].count("\n\n") >= 2
              and any(r["actor"] is not None and t["start"] < r["start"] and r["end"] == t["end"] for r in records)}
    prose |= spread
    # an item whose decision opens its points ("Gedeputeerde Staten besluiten: 1. ... 2. ..."): the points are its
    # decisions
    intros = {id(t) for t in struct if meeting_kind and re.search(r"\bbesluit(?:en)?\s*:\s*$", t["text"], re.I)}
    explicit = {id(r) for r in records if r["actor"] is not None}  # bodies the sentences name themselves
    background = _background_spans(text) if meeting_kind else []
    for rec in records:
        rec.setdefault("cited", False)
        if _LONE_LABEL.fullmatch(rec["text"].strip()):
            # "Besluit" on a line of its own above what was decided: the decision is what stands under it (a meeting
            # page: the paragraph; a resolution: the line, "vast te stellen het volgende Informatieprotocol ...")
            above = text[:rec["start"]].rstrip().rsplit("\n", 1)[-1]
            if re.search(r"(?i)(?:/|\bonderwerp)\s*$", above):
                continue  # "Nr.Onderwerp /" over "Besluit": a table's column heads, no decision
            m = re.match(r"\s*([^\n]+(?:\n(?!\s*\n)[^\n]+)*)" if meeting_kind else r"\s*([^\n]+)", text[rec["end"]:])
            if meeting_kind:
                under = re.split(r"\n[ \t]*(?:\d{1,2}(?:\.\d{1,2})*[.)]?[ \t]+\d|\d{1,2}[.)][ \t]*\n|[•▪][ \t]*\d)",
                                 text[rec["end"]:rec["end"] + 800])[0]  # (the item's text, to the next item: "4.", "• 2")
                if m and m.group(1).strip() and not _DECISION_WORD.search(under):
                    continue  # "Besluit: De voorzitter opent de vergadering": nothing decided under the label
            elif m and not (_TE_INF.search(m.group(1)) or _DECISION_WORD.search(m.group(1))):
                m = None
            if m and m.group(1).strip():
                rec["end"] = rec["end"] + m.end(1)
                rec["text"] = text[rec["start"]:rec["end"]]
                rec["object"] = " ".join(m.group(1).split())[:220]
        if frame.layout == "motion" and rec["actor"] is None and rec["status"] == "proposed":
            continue  # "Voorgesteld 6 juli 2021": the motion's requests are its proposals
        point = bool(rec.get("number"))
        if any(rec["start"] < t["end"] and t["start"] < rec["end"] and id(t) not in prose
               and not (point and id(t) in intros) and not (
                t.get("cited") and not rec.get("cited") and (t["actor"], t["date"]) != (rec["actor"], rec["date"]))
               for t in struct):
            continue  # (an earlier decision cited inside it, "conform het voorstel van het DB van 30 mei", leaves it be)
        cited_in = next((t for t in struct if t.get("cited") and rec["start"] <= t["start"] and t["end"] <= rec["end"]
                         and t["date"] == rec["date"] and t["actor"] != rec["actor"]), None)
        if cited_in is not None:  # "Het AB besluit conform het voorstel van het DB van 30 mei 2023:": that date is the proposal's
            rec["date"], rec["date_text"] = None, None
            if meeting_kind and rec["actor"] == frame.meeting_body:
                rec["date"], rec["date_text"] = frame.meeting_date, frame.meeting_date_text
            if rec["status"] == "proposed" and _DECIDES.search(rec["text"][:cited_in["start"] - rec["start"]]):
                rec["status"] = "adopted"
        text_low = (rec.get("actor_text") or "").lower()
        head = text_low.split()[-1] if text_low else ""
        generic = text_low in _GENERIC_ACTORS and (  # "de raad" of a ministerraad; not of a bestuurlijk overleg
            body_id(text_low) in (None, frame.meeting_body) or head in (frame.meeting_body or ""))
        if (meeting_kind and frame.meeting_body and rec["actor"] == frame.meeting_body and frame.meeting_date
                and not rec.get("cited") and rec["status"] in ("planned", "proposed") and _ASKED.search(rec["text"])):
            # "Provinciale Staten wordt gevraagd de notulen van 27-5-2019 vast te stellen": put to this meeting
            rec["status"], rec["date"], rec["date_text"] = "proposed", frame.meeting_date, frame.meeting_date_text
        elif (meeting_kind and frame.layout != "agenda" and frame.meeting_body and rec["actor"] == frame.meeting_body
              and frame.meeting_date
              and not rec.get("cited") and rec["status"] in ("adopted", "rejected", "withdrawn", "postponed", "proposed")
              and rec["date"] != frame.meeting_date and (rec.get("date_text") is None or (
                  rec["date_text"] in rec["text"]
                  and (_DECIDES_COLON.search(rec["text"][:rec["text"].find(rec["date_text"])])
                       or _RECORD_OF.search(rec["text"][:rec["text"].find(rec["date_text"])])
                       or (frame.layout == "decision_list"
                           and _DECIDES.search(rec["text"][:rec["text"].find(rec["date_text"])])
                           and not re.search(r"\b(?:besluit|besluiten|stemt|stemmen)\s+(?:op|per|d\.d\.)\s*$",
                                             rec["text"][:rec["text"].find(rec["date_text"])]))))
            # ("Het college besluit de raadsvragen van de commissievergadering 17 mei te beantwoorden": in a decision
            # list, a day after "besluit" names what is decided, not when; "besluit op 3 mei" says when)
                  or (rec["date_text"] not in rec["text"] and rec["status"] == "proposed"))):
            # ("Provinciale Staten ... in hun vergadering van 29 september ..." then "Gedeputeerde Staten stellen voor
            # om ...": in GS's decision list, the day the sentence before names is not the day GS proposed it)
            # "Provinciale Staten besluiten: de geheimhouding ... zoals bekrachtigd d.d. 14 december 2018 op te
            # heffen": the meeting decides now what an earlier date is named in
            rec["date"], rec["date_text"] = frame.meeting_date, frame.meeting_date_text
        elif (frame.layout == "decision_list" and frame.meeting_body and rec["actor"] == frame.meeting_body
              and frame.meeting_date and rec["status"] in ("adopted", "rejected") and not rec.get("cited")
              and re.fullmatch(r"\d{4}", rec["date"] or "") and re.fullmatch(r"\d{4}", (rec.get("date_text") or "").strip())):
            # "Gedeputeerde Staten hebben besloten ... voor de cofinanciering in 2017 en 2018": in a decision list the
            # year names what was decided; the list's meeting decided it
            rec["date"], rec["date_text"] = frame.meeting_date, frame.meeting_date_text
        elif (frame.layout == "agenda" and frame.meeting_body and rec["actor"] == frame.meeting_body
              and (frame.meeting_date or frame.doc_date) and rec["status"] == "adopted" and not rec.get("cited")
              and rec["date"] in (None, frame.meeting_date or frame.doc_date)
              and _PUT_LABEL.search(text[max(0, rec["start"] - 400):rec["start"]])):
            # "Voorgesteld besluit / Het Algemeen Bestuur besluit: 1. Kennis te nemen ...": on an agenda, what the
            # meeting is asked to decide
            rec["status"] = "proposed"
            if frame.meeting_date:
                rec["date"], rec["date_text"] = frame.meeting_date, frame.meeting_date_text
        elif (frame.layout == "agenda" and frame.meeting_body and rec["actor"] == frame.meeting_body
              and frame.meeting_date and rec["status"] == "proposed" and not rec.get("cited")
              and rec["date"] != frame.meeting_date and not (rec.get("date_text") and rec["date_text"] in rec["text"])):
            # "Voorgesteld besluit: 1. Kennis te nemen van ...": put to this meeting (not the day the sentence before
            # it names, "Op 3 december 2019 heeft het college besloten ...")
            rec["date"], rec["date_text"] = frame.meeting_date, frame.meeting_date_text
        elif meeting_kind and frame.meeting_body and (rec["actor"] is None or generic):
            if rec["actor"] is None and rec.get("actor_text") and text_low not in pronouns:
                pass
            elif rec["actor"] is None and (rec.get("predicate") in _NO_AGENT or any(
                    s <= rec["start"] < e for s, e in background)):
                continue  # "Toelichting: ... Er is voor gekozen ...", "Op 1 mei is de Woo in werking getreden": the
                # background of an item, or a law taking effect, is no decision of the meeting
            elif rec["actor"] is None and _PARTY_SUBJECT.search(" ".join(rec["text"].lower().split()[:16])):
                continue  # "De fractie van D66 dient een amendement in": a party group's act, no decision of a body
            else:
                rec["actor"] = frame.meeting_body
                rec["actor_text"] = rec.get("actor_text") or frame.meeting_body_text
            if rec["status"] not in ("planned", "realized") and frame.meeting_date and (
                    rec["date"] is None or rec.get("date_text") is None
                    or (len(rec["date"]) < len(frame.meeting_date) and frame.meeting_date.startswith(rec["date"]))
                    or rec["date_text"] not in rec["text"]  # (a day carried from the sentence before)
                    or _RECORD_OF.search(rec["text"][:rec["text"].find(rec["date_text"])])  # ("De notulen van de
                    # vergadering van 16 mei 1973 worden vastgesteld": the day names the record the meeting adopts)
                    or (rec.get("number") and (rec["date_text"] not in rec["text"] or re.search(
                        r"\b(?:van|d\.d\.)\s*$", rec["text"][:rec["text"].find(rec["date_text"])])))):
                # ("1. het aangevochten verkeersbesluit van 17 mei 2023 in te trekken": the date names what is withdrawn)
                # (a year in a name, "de Berap 2023 wordt aangenomen", is not the day the meeting took it)
                rec["date"], rec["date_text"] = frame.meeting_date, frame.meeting_date_text
        elif (frame.layout == "proposal" and rec["status"] == "adopted" and not rec.get("cited")
              and frame.meeting_body is not None and rec["actor"] in (None, frame.meeting_body)
              and (rec.get("date_text") is None or rec["date"] in (frame.meeting_date, frame.doc_date))
              and rec.get("number")):
            # "Het college besluit: 1. In te stemmen met ...": in a proposal, what it puts to the meeting
            # (unless a signed closing after it shows the meeting took it: see _resolution)
            rec["status"], rec["actor"], rec["_put"] = "proposed", frame.meeting_body, True
            rec["actor_text"] = rec.get("actor_text") or frame.meeting_body_text
            if frame.meeting_date:
                rec["date"], rec["date_text"] = frame.meeting_date, frame.meeting_date_text
        elif (frame.layout == "proposal" and rec["status"] == "proposed" and rec["date"] is None and rec.get("number")
              and rec["actor"] is not None and rec["actor"] == frame.meeting_body and frame.meeting_date
              and "besluit" not in (rec.get("actor_text") or "").lower()):  # (not the raadsbesluit's own points)
            rec["date"], rec["date_text"] = frame.meeting_date, frame.meeting_date_text  # "Het AB wordt voorgesteld om: 1. ..."
        elif (frame.layout == "proposal" and rec["actor"] is None and rec["status"] == "proposed"
              and frame.meeting_body in _ASSEMBLIES):
            # "Voorgesteld besluit: 1. ... vast te stellen": what the raadsvoorstel puts to the council's meeting
            rec["actor"], rec["actor_text"] = frame.meeting_body, rec.get("actor_text") or frame.meeting_body_text
            if rec["date"] is None and frame.meeting_date:
                rec["date"], rec["date_text"] = frame.meeting_date, frame.meeting_date_text
        elif frame.issuer and rec["actor"] is None and not meeting_kind and _ADDRESSEE.search(rec["text"][:160]) \
                and not rec.get("actor_text"):
            continue  # "Bij brief van 10 februari heeft uw cliënt bezwaar gemaakt": the addressee's act, not the writer's
        elif frame.issuer and rec["actor"] is None and not meeting_kind and not (
                frame.layout == "notice" and rec["status"] == "adopted" and rec.get("date")
                and re.search(r"vaststelling|vastgesteld", rec["text"]) and _plan_body(rec["text"])):
            # (in a notice, "Het besluit tot vaststelling van het bestemmingsplan is genomen op ...": the body the law
            # names adopted the plan, not the college that publishes it; see _plan_actors)
            assembly = next((a for a, p in _PROPOSERS.items() if p == frame.issuer), None)
            if assembly and not rec.get("actor_text") and rec["status"] in ("adopted", "rejected") \
                    and rec.get("predicate") in ("aannemen", "verwerpen") and _MOTION_OUTCOME.search(rec["text"]):
                # "Op 8 november 2023 werd een motie ... aangenomen" in a letter of GS: their assembly voted on it
                rec["actor"], rec["actor_text"] = assembly, None
                kept.append(rec)
                continue
            rec["actor"] = frame.issuer
            rec["actor_text"] = rec.get("actor_text") or frame.issuer_text
            if rec["date"] is None and text_low in pronouns and rec["status"] in ("adopted", "rejected", "proposed", "postponed"):
                rec["date"] = frame.doc_date  # ("Hierbij verdaag ik de beslistermijn met vier weken")
        elif (frame.layout in ("letter", "notice", "proposal", None) and rec["date"] is None and text_low in pronouns
              and rec["status"] == "proposed" and rec.get("_present") and not rec.get("cited")
              and rec["actor"] is not None and rec["actor"] in (frame.issuer, frame.meeting_body and _PROPOSERS.get(frame.meeting_body))):
            rec["date"] = frame.doc_date  # "We stellen u voor een uitzondering te maken", "wij adviseren u ...": the
            # writer proposes it in the text, on its date
        elif (frame.layout == "letter" and rec["date"] is None and rec["actor"] == frame.issuer
              and rec["status"] == "realized" and rec.get("_present") and not rec.get("cited")):
            rec["date"] = frame.doc_date  # "Het college beschouwt de motie hiermee als afgedaan": done by this letter
        elif (frame.layout == "notice" and rec["date"] is None and rec["actor"] == frame.issuer and frame.doc_date
              and rec["status"] == "planned" and not rec.get("cited") and _INTENDS.search(rec["text"])):
            rec["date"], rec["status"] = frame.doc_date, "proposed"  # "Dijkgraaf en hoogheemraden zijn voornemens de
            # legger te wijzigen": a notice of a draft decision proposes it on its day
        elif (frame.layout in ("letter", "notice", None) and rec["date"] is None and rec["actor"] == frame.issuer
              and rec["status"] in ("adopted", "rejected", "postponed") and (text_low in pronouns or (frame.layout is not None and (
                  _PERFECT.search(rec["text"]) or _ISSUER_DECIDES.match(rec["text"]))))):
            rec["date"] = frame.doc_date  # "Wij hebben besloten ...": decided when the letter was written (a text
            # without a letter's closing only when the writer says "wij": "Namens burgemeester en wethouders" signed)
            # ("Het college van dijkgraaf en hoogheemraden besluit het ontwerp ... vrij te geven": when the notice was)
        if meeting_kind and not any(rec["start"] < t["end"] and t["start"] < rec["end"] and id(t) not in prose
                                    for t in struct) and _HEADLINE.match(rec["text"].strip()) \
                and len(rec["text"].split()) <= 8:
            continue  # "Besluiten Provinciale Staten 1 juni 2016": the list's own head line
        if meeting_kind and frame.meeting_body and any(
                t["_item"][0] <= rec["start"] < t["_item"][1] and t["actor"] == rec["actor"] and t["date"] == rec["date"]
                and id(t) not in prose and not (point and id(t) in intros) for t in struct):
            continue
        if meeting_kind and frame.meeting_body and rec["status"] == "planned" and rec.get("date_text") and any(
                abs(t["_item"][0] - rec["start"]) <= 6 and t["actor"] == frame.meeting_body
                and t["status"] in ("adopted", "rejected", "withdrawn", "postponed") and rec["date_text"] in t["text"]
                for t in struct):
            continue  # "b. Besluit verlenging ... (Verlenging Wet markt en overheid 1 juli 2025 – 1 juli 2027)": an item's
            # title with a term in it is no step of a schedule; the item's outcome tells what was decided
        kept.append(rec)
    if intros:
        struct = [t for t in struct if id(t) not in intros or not any(
            t["_item"][0] <= r["start"] < t["_item"][1] and r.get("number") for r in kept)]
    if prose:  # a prose item gives way to its sentences when two or more of them name the body that decided
        struct = [t for t in struct if id(t) not in prose or sum(
            t["start"] <= r["start"] < t["end"] and id(r) in explicit for r in kept) < (1 if id(t) in spread else 2)]
        kept = [r for r in kept if not any(t["start"] <= r["start"] < t["end"] for t in struct if id(t) in prose)]
    if frame.layout == "agenda":
        struct = _points_over_titles(struct, text, lex)
    told = [r for r in kept + struct if not r.get("_subject") and not r.get("cited") and r["actor"] == frame.issuer
            and r["date"] == frame.doc_date and r["status"] in ("adopted", "rejected")]
    struct = [t for t in struct if not (t.pop("_subject", False) and told)]  # (the subject gives way to what is told)
    for rec in kept + struct:
        rec.pop("_item", None)
        if rec["actor"] is None and not rec.get("actor_text") and rec.get("date_text") is None and rec["date"]:
            rec["date"] = None  # a date the text does not give, for a decision of nobody known, would be a guess
        if frame.layout == "proposal" and (rec.get("actor_text") or "").lower() in ("we", "wij") and rec["status"] == "adopted" \
                and rec.get("date_text") is None:
            rec["date"] = None  # "We kiezen hiermee voor ...": what a proposal argues, no decision taken on its date
        if (rec.get("actor_text") or "").lower() in pronouns and rec["actor"] == frame.issuer and frame.issuer_text:
            rec["actor_text"] = frame.issuer_text  # "ik", "wij": the body that writes, as the letter names it
        if rec.get("vote") and rec.get("votes_for") is None:
            m = re.match(r"^(\d+)-(\d+)$", rec["vote"])
            if m:
                rec["votes_for"], rec["votes_against"] = int(m.group(1)), int(m.group(2))
        if frame.mandate_holder and rec["actor"] is not None and rec["actor"] == frame.issuer and not rec.get("cited"):
            rec["mandate_holder"] = frame.mandate_holder
    return sorted(kept + struct, key=lambda r: r["start"])


_HEADLINE = re.compile(r"(?i)(?:besluiten|besluitenlijst|agenda|verslag|notulen)\b(?![^\n]*:)")


def _is_prose(text: str) -> bool:
    """Three sentences or more and over 60 words: a paragraph, not an item's title and outcome."""
    return len(text.split()) > 60 and len(re.findall(r"[a-zà-ÿ)][.!?]\s+[A-Z]", text)) >= 2


def _points_over_titles(struct: list[dict], text: str, lex: Lexicon) -> list[dict]:
    """An agenda item whose "Voorgesteld wordt: 1. ... 2. ..." points were read is those points, not also its title."""
    intro = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lex.raw["proposal_intro_words"]) + r")\b[^\n:]{0,40}:", re.I)
    order = sorted(struct, key=lambda r: r["start"])
    drop = set()
    attachments = lex.words("attachment_words")
    for t in order:  # "4.1 Oplegnotitie Begroting 2025" in a bundle's contents: a document that goes with an item
        first = (t.get("object") or t["text"]).split(maxsplit=1)[:1]
        if t["status"] == "proposed" and re.fullmatch(r"\d+\.\d+", t.get("number") or "") and first \
                and first[0].lower().strip(":") in attachments:
            drop.add(id(t))
    for t, nxt in zip(order, order[1:]):
        if t["status"] == nxt["status"] == "proposed" and t.get("number") and nxt.get("number") in ("1", "a", "A") \
                and (t["actor"], t["date"]) == (nxt["actor"], nxt["date"]) and intro.search(text[t["end"]:nxt["start"]]) \
                and not re.search(r"(?m)^[ \t]*\d+(?:\.\d+)*[.)]?[ \t]+\w", text[t["end"]:nxt["start"]]):  # (no other item between)
            drop.add(id(t))
    titles = {_title_key(t) for t in order if id(t) in drop}
    # the same item's title in the bundle's table of contents gives way too
    drop |= {id(t) for t in order if t["status"] == "proposed" and re.fullmatch(r"\d+", t.get("number") or "")
             and _title_key(t) in titles}
    return [t for t in struct if id(t) not in drop]


def _title_key(t: dict) -> str:
    """An agenda item's title without its number and "(bijlage 3.1)": "bestemming resultaat jaarrekening 2023"."""
    text = re.sub(r"\((?:bijlage|bijlagen)[^)]*\)?", "", t.get("object") or t["text"], flags=re.I)
    return " ".join(re.sub(r"^\s*\d+[.)]?\s*", "", text).lower().split())


def _resolution(records: list[dict], text: str, frame: Context, dates: list[Span],
                organs: list[Span] = ()) -> list[dict]:
    """A resolution or notice closes with "Aldus besloten in de vergadering van <date>": that is the date of
    the decisions of its "besluit:" block (which otherwise carry the date at the top: a publication or the
    proposal's date), and the closing line is no decision of its own then. The heading that names the same
    decision ("Besluit van het college ... tot vaststelling van X") gives way to the block."""
    if frame.layout in ("decision_list", "minutes"):
        return _record_adopted(records, text, frame, dates)
    if frame.layout == "agenda":
        return records
    formula = adoption_formula(text, dates)
    if formula is None:
        return _opened(records, text, frame, dates, organs)
    f_start, f_end, f_date, f_text = formula
    # a raadsvoorstel's closing "Aldus besloten in de openbare vergadering" is the council's, not the college's
    adopter, adopter_text = ((frame.meeting_body, frame.meeting_body_text)
                             if frame.layout == "proposal" and frame.meeting_body else (frame.issuer, frame.issuer_text))
    block_from = 0
    if frame.layout == "proposal":  # the raadsbesluit under a raadsvoorstel: its "besluit:" block, not the argument
        heads = [m.start() for m in _BESLUIT_HEAD.finditer(text, 0, f_start)]
        block_from = heads[-1] if heads else 0
    for r in records:
        if r.pop("_put", False) and block_from <= r["start"] < f_start and adopter == frame.meeting_body:
            r["status"], r["date_text"] = "adopted", None  # the council's own "besluit:" block, signed and dated
    block = [r for r in records if block_from <= r["start"] < f_start and r["status"] == "adopted" and not r.get("cited")
             and r.get("date_text") is None and r["actor"] in (frame.issuer, adopter, None)
             and not (frame.layout == "proposal" and re.search(r"(?i)\b(?:we|wij)\b", r["text"]))]
    # (a proposal's "we kiezen voor ...", even inside the block, argues; it is not what the meeting took)
    if not block:
        for r in records:  # the closing line is the only record of the decision: it is the adopter's
            if r["start"] < f_end and f_start < r["end"] and r["actor"] in (None, frame.issuer) and adopter != frame.issuer:
                r["actor"], r["actor_text"], r["date"], r["date_text"] = adopter, adopter_text, f_date, f_text
        return records
    for r in block:
        r["date"], r["date_text"] = f_date, f_text
        if r["actor"] in (None, frame.issuer):
            r["actor"], r["actor_text"] = adopter, adopter_text
    out = [r for r in records if not (r["start"] < f_end and f_start < r["end"] and r not in block)]
    kept: list[dict] = []
    for r in out:
        twin = next((k for k in kept if k in block and r in block and _same_decision(k, r)), None)
        if twin is not None:
            kept[kept.index(twin)] = r  # the block's wording, not the heading's
            continue
        kept.append(r)
    return kept


def _opened(records: list[dict], text: str, frame: Context, dates: list[Span], organs: list[Span] = ()) -> list[dict]:
    """A resolution that opens with the meeting that took it ("De gemeenteraad van Enschede, in zijn openbare
    vergadering van 12 december 2022 heeft overwogen dat: ... Besluit 1. ... vast te stellen"): its decisions after
    that line are the issuer's, of that day."""
    opening = opening_meeting(text, dates)
    if opening is None:
        return records
    o_start, o_end, o_date, o_text = opening
    issuer, issuer_text = frame.issuer, frame.issuer_text
    if issuer is None:  # "Het AB van de Gemeenschappelijke regeling ..., bijeen in zijn vergadering van 15 september
        # 2021;" with no letterhead or signature: the body the opening names
        named = next((o for o in organs if o_start <= o.start_char < o_end), None)
        if named is None:
            return records
        issuer, issuer_text = named._.canonical, named.text
    for r in records:
        if r["start"] > o_start and r["status"] == "adopted" and not r.get("cited") and r.get("date_text") is None \
                and r["actor"] in (None, issuer):
            r["actor"], r["actor_text"] = issuer, r.get("actor_text") or issuer_text
            r["date"], r["date_text"] = o_date, o_text
    return records


_BESLUIT_HEAD = re.compile(r"(?im)^\W*(?:besluit|besluiten|besluit\s+het\s+volgende)\s*:?\s*$")


#: where a board's decision is told: the verb after which a day belongs to what was decided
_DECIDED_VERB = re.compile(r"(?i)\b(?:besluit|besloot|besloten|beslist|vastgesteld|stelt|stelde|stemt|stemde|ingestemd|"
                           r"akkoord|goedgekeurd|neemt|nam|gaat|ging)\b")


def _meeting_days(records: list[dict], frame: Context) -> list[dict]:
    """In a decision list, what the meeting's body decided is dated by the meeting, not by a day inside what it decided:
    "Het college heeft besloten de vragen over de uitzending van 9 december 2020 te beantwoorden", "Het college heeft
    vastgesteld met terugwerkende kracht 01-01-2021 de nieuwe gemeenschappelijke regeling" (a day before the verb, "Op 3
    februari heeft het college besloten", stays)."""
    if frame.layout != "decision_list" or not frame.meeting_body or not frame.meeting_date:
        return records
    for r in records:
        if r["actor"] != frame.meeting_body or r.get("cited") or not r.get("date") or r["date"] == frame.meeting_date \
                or not r.get("date_text"):
            continue
        said = r["text"]
        verb, day = _DECIDED_VERB.search(said), said.find(r["date_text"])
        if verb is None or day <= verb.start():
            continue
        if r["status"] in ("adopted", "rejected", "postponed", "withdrawn") and compare_dates(r["date"], frame.meeting_date) != 1:
            r["date"], r["date_text"] = frame.meeting_date, frame.meeting_date_text
        elif r["status"] == "planned" and r.get("_present") and (
                _TERM_BEFORE.search(said[:day]) or _TERM_WORDS.match(r["date_text"])):
            # "De raad stemt in met de voortzetting van het voorzitterschap tot 3 november 2026": the term of what was
            # decided at the meeting, not a decision still to come
            r["date"], r["date_text"], r["status"] = frame.meeting_date, frame.meeting_date_text, "adopted"
    return records


#: the words before a day that make it a term of what is decided: "tot 3 november 2026", "met ingang van 1 januari"
_TERM = r"(?:tot(?:\s+en\s+met)?|t/m|per|vanaf|met\s+ingang\s+van|ingaande)"
_TERM_BEFORE, _TERM_WORDS = re.compile(r"(?i)\b" + _TERM + r"\s*$"), re.compile(r"(?i)" + _TERM + r"\b")


def _item_days(records: list[dict], text: str, frame: Context, dates: list[Span]) -> list[dict]:
    """A decision list whose items carry their own meeting's day ("NR Datum overleg Besluit" / "1. 25 januari 2021
    Concept-kadernota 2022" / "Het Algemeen Bestuur besluit ..."): what the list's body decided under an item was
    decided on that item's day, not on the day of the list. Only where two items or more open with a day."""
    if frame.layout != "decision_list" or not frame.meeting_body or not frame.meeting_date:
        return records
    heads = []
    for d in dates:
        if not _DAY_VALUE.match(str(d._.value or "")):
            continue
        line_start = text.rfind("\n", 0, d.start_char) + 1
        line_end = text.find("\n", d.end_char)
        line_end = len(text) if line_end < 0 else line_end
        if re.fullmatch(r"[ \t]*\d{1,2}[.)]?[ \t]+", text[line_start:d.start_char]) \
                and len(re.findall(r"[A-Za-zÀ-ÿ]{3,}", text[d.end_char:line_end])) >= 1:
            heads.append((line_start, str(d._.value), d.text))
    if len(heads) < 2:
        return records
    for r in records:
        if r["actor"] != frame.meeting_body or r.get("cited") or r["date"] != frame.meeting_date:
            continue
        head = next((h for h in reversed(heads) if h[0] <= r["start"]), None)
        if head is not None:
            r["date"], r["date_text"] = head[1], head[2]
    return records


#: "In december werd een motie aangenomen", "Het amendement is verworpen": a motion's outcome, whoever it names
_MOTION_OUTCOME = re.compile(r"(?i)\b(?:motie|moties|amendement|amendementen)\b[^.;:]{0,80}?\b(?:aangenomen|verworpen)\b"
                             r"|\b(?:aangenomen|verworpen)\b[^.;:]{0,40}?\b(?:motie|moties|amendement|amendementen)\b")
#: a sentence whose subject is a motion or amendment: "De motie van GroenLinks om ...", "Het amendement A3"
_MOTION_SUBJECT = re.compile(r"(?i)\W*(?:de|het|deze|dit)\s+(?:motie|amendement)\b")


def _motion_adopters(records: list[dict], organs: list[Span]) -> list[dict]:
    """A motion adopted or rejected with no body named ("In december werd een motie aangenomen met 10-9 stemmen"): the
    assembly the text speaks of voted on it (motions are an assembly's), when the text names just one."""
    named = {o._.canonical for o in organs if o._.canonical in _ASSEMBLIES}
    if len(named) != 1:
        return records
    body = next(iter(named))
    text_of = next(o.text for o in organs if o._.canonical == body)
    for r in records:
        if r["actor"] is None and not r.get("actor_text") and (r["status"] in ("adopted", "rejected") and r.get(
                "predicate") in ("aannemen", "verwerpen") and _MOTION_OUTCOME.search(r["text"]) or (
                r["status"] == "withdrawn" and r.get("predicate") == "intrekken" and _MOTION_SUBJECT.match(r["text"]))):
            r["actor"], r["actor_text"] = body, text_of
    return records


#: what may stand between two bodies that act together: "de gemeenteraden (met uitzondering van Rijssen-Holten),
#: Provinciale Staten (30 juni 2021) en algemeen besturen", "De gemeenteraad van Hengelo en het college"
_CO_GAP = re.compile(r"(?i)\s*(?:van\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s*)?(?:\([^()]{0,120}\)\s*)?"
                     r"(?:,\s*(?:en\s+)?|en\s+)(?:de\s+|het\s+)?")
_CO_OBJECT = re.compile(r"(?i)\b(?:aan|met|naar|voor|bij|tot|over|tussen|van|namens|tegen|via)\s+(?:de\s+|het\s+)?$")
_CO_PAREN = re.compile(r"\s*(?:van\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s*)?\(([^()]{0,120})\)")


def _paren_date(text: str, o: Span, dates: list[Span]) -> Span | None:
    """The date in parentheses right after a body: "Provinciale Staten (30 juni 2021)"."""
    m = _CO_PAREN.match(text, o.end_char)
    if m is None:
        return None
    return next((d for d in dates if m.start(1) <= d.start_char and d.end_char <= m.end(1)), None)


def _co_actors(records: list[dict], text: str, organs: list[Span], dates: list[Span]) -> list[dict]:
    """Bodies that act together are each an actor: "De RES 1.0 is door de gemeenteraden, Provinciale Staten (30 juni
    2021) en algemeen besturen van de waterschappen vastgesteld" is three decisions, one per body, with the text of
    the one sentence. A date in parentheses after one body is that body's ("Provinciale Staten (30 juni 2021)"); the
    others then have none the sentence gives them."""
    out: list[dict] = []
    for rec in records:
        out.append(rec)
        if not rec["actor"] or not rec.get("actor_text") or rec.get("cited"):
            continue
        inside = [o for o in organs if rec["start"] <= o.start_char and o.end_char <= rec["end"]]
        k = next((i for i, o in enumerate(inside) if o._.canonical == rec["actor"] and o.text == rec["actor_text"]), None)
        if k is None:
            continue
        lo = hi = k
        while lo > 0 and _CO_GAP.fullmatch(text, inside[lo - 1].end_char, inside[lo].start_char):
            lo -= 1
        while hi + 1 < len(inside) and _CO_GAP.fullmatch(text, inside[hi].end_char, inside[hi + 1].start_char):
            hi += 1
        group = inside[lo:hi + 1]
        bodies = {o._.canonical for o in group}
        if not 2 <= len(bodies) <= 5 or None in bodies or bodies == {"burgemeester", "wethouder"} \
                or _CO_OBJECT.search(text, max(0, group[0].start_char - 20), group[0].start_char):
            continue  # ("door Burgmeester en Wethouders": the college; "dat de rapportage aan de raad en het college wordt
            # uitgebracht": bodies it is sent to, not bodies that act)

        owned = {id(o): _paren_date(text, o, dates) for o in group}
        in_paren = any(d is not None and rec.get("date_text") == d.text for d in owned.values())
        seen: set[str] = set()
        out.pop()
        for o in group:  # one record per body, the actor's own mention for the actor
            if o._.canonical in seen or (o._.canonical == rec["actor"] and o is not inside[k]):
                continue
            seen.add(o._.canonical)
            r = dict(rec, actor=o._.canonical, actor_text=o.text)
            d = owned[id(o)]
            if d is not None:
                r["date"], r["date_text"] = span_value(d), d.text
            elif in_paren:
                r["date"], r["date_text"] = None, None  # the sentence's date is another body's
            out.append(r)
    return out


def _motion_stamp(records: list[dict], frame: Context) -> list[dict]:
    """A motion stamped "Aldus aangenomen in de openbare raadsvergadering van 23 januari 2025": the stamp is
    the outcome of the motion's requests (read by ``structure``), not a decision of its own."""
    if frame.layout != "motion":
        return records
    asks = [r for r in records if r.get("predicate") == "verzoeken"]
    stamps = [r for r in records if MOTION_STAMP.match(r["text"]) and r not in asks]
    if not asks or not stamps:
        return records
    return [r for r in records if r not in stamps]  # structure's motion records read the stamp themselves


def _record_adopted(records: list[dict], text: str, frame: Context, dates: list[Span]) -> list[dict]:
    """A decision list or minutes close with "Vastgesteld in de vergadering gehouden op 7 januari 2025": the
    record itself was adopted then, by the meeting's body, a later date than the meeting's. A line that says
    so without a date ("Deze besluitenlijst is digitaal vastgesteld") is no dated decision."""
    formula = adoption_formula(text, dates, meeting=True)
    if formula is not None:
        f_start, f_end, f_date, f_text = formula
        said = text.find(f_text, f_start) if f_text else -1
        f_end = min(f_end, said + len(f_text) + 1) if said >= 0 else f_end  # (a page run on into one line: the formula
        # ends with its date, the items after it are the meeting's own)
        for r in records:
            if r["start"] < f_end and f_start < r["end"] and not r.get("cited"):
                r["date"], r["date_text"], r["status"] = f_date, f_text, "adopted"
                r["actor"] = r["actor"] or frame.meeting_body
                if not r["actor_text"] or (r["actor"] == frame.meeting_body and r["actor_text"].lower().endswith("vergadering")):
                    r["actor_text"] = frame.meeting_body_text or r["actor_text"]  # the body, not "commissievergadering"
                r["start"] = max(r["start"], f_start)
                r["text"] = text[r["start"]:r["end"]]
                r["object"] = _own_record_object(frame)
    for r in records:
        if (r.get("date_text") is None or r["date_text"] not in r["text"]) and _SELF_ADOPTED.search(r["text"]):
            r["date"] = None
    return records


_SELF_ADOPTED = re.compile(r"(?i)\b(?:deze|dit)\s+(?:besluitenlijst|notulen|verslag|actielijst)\s+(?:is|zijn|wordt|worden)\s+"
                           r"(?:\w+\s+){0,2}(?:vastgesteld|goedgekeurd)\b")


def _own_record_object(frame: Context) -> str:
    kind = "notulen" if frame.layout == "minutes" else "besluitenlijst"
    return f"{kind} van de vergadering van {frame.meeting_date} vastgesteld" if frame.meeting_date else f"{kind} vastgesteld"


#: days a news item names by its own: "vanavond" is the item's day, "gisteravond" the day before
_TOLD_DAYS = {"vandaag": 0, "vanavond": 0, "vanmiddag": 0, "vanochtend": 0, "gisteren": 1, "gisteravond": 1}


def _told_day(low: list[str], doc_date: str | None) -> tuple[str, str] | None:
    """(ISO day, word) of the day a news item names relative to its own day ("vanavond", "gisteravond"), or None."""
    word = next((w for w in low if w in _TOLD_DAYS), None)
    if word is None or not doc_date or not _DAY_VALUE.match(doc_date):
        return None
    day = datetime.date.fromisoformat(doc_date) - datetime.timedelta(days=_TOLD_DAYS[word])
    return day.isoformat(), word


def _reported_meeting(readings: list[Reading | None], frame: Context) -> tuple[str, str, str] | None:
    """The one meeting a report or news item tells of ("Afgelopen donderdagavond 20 april vergaderde de
    gemeenteraad."; "Op 3 maart 2024 vergaderden Provinciale Staten over ..."): its body and day, which date what the
    body "besloot" there without a day of its own. None for a decision list, minutes or an agenda (their own meeting
    frames them) and where the text tells of more than one meeting."""
    if frame.layout in ("decision_list", "minutes", "agenda", "proposal") or frame.meeting_body:
        return None
    found: set[tuple[str, str, str]] = set()
    meeting_of = load_structure()["meeting_bodies"]  # "raadsvergadering" -> gemeenteraad
    assemblies = set(meeting_of.values())
    heading: list = []  # the bodies the heading above names ("Besluiten en plannen van het college van B en W")
    for n, r in enumerate(readings):
        if r is None:
            continue
        if (r.unit.heading or (len(r.low) <= 14 and r.low[-1] not in (".", "!", "?"))) \
                and any(o._.canonical for o in r.organs):
            heading = [o for o in r.organs if o._.canonical]
        if heading and len(r.low) >= 4 and r.low[0] in ("in", "tijdens") and r.low[1:3] == ["de", "vergadering"] \
                and r.low[3] == "van":
            ds = [d for d in r.dates if _DAY_VALUE.match(str(d._.value or ""))
                  and d.start - r.span.start <= 6]
            if ds:  # "In de vergadering van 22 oktober jl. is o.a. aan de orde geweest:" under that heading
                found.add((heading[0]._.canonical, str(ds[0]._.value), ds[0].text))
                continue
        if len(r.low) <= 8 and r.low[-1] not in (".", "!", "?", ":") and not any(
                w.endswith("vergadering") for w in r.low):  # "Uit de raad van Oudewater 17 december": a heading that
            # names an assembly and a day tells of that day's meeting
            os_ = [o for o in r.organs if o._.canonical in assemblies]
            ds = [d for d in r.dates if _DAY_VALUE.match(str(d._.value or ""))]
            if os_ and ds and r.low[0] in ("uit", "nieuws", "terugblik", "besluiten", "vergadering"):
                found.add((os_[0]._.canonical, str(ds[0]._.value), ds[0].text))
                continue
        held = next((w for w in r.low if w.endswith("vergadering") and w in meeting_of), None)
        at = r.low.index(held) if held else -1
        if held is None and "vergadering" in r.low:  # "de besluiten die gemeenteraad heeft genomen tijdens de
            # vergadering op 29 januari": what a body decided at a meeting of that day (not one decision it cites: "De
            # gemeenteraad heeft in de vergadering van 26 juni 2017 besloten ...")
            at = r.low.index("vergadering")
            ds = [d for d in r.dates if _DAY_VALUE.match(str(d._.value or "")) and 1 <= d.start - r.span.start - at <= 8]
            os_ = [o for o in r.organs if o._.canonical]
            if at >= 2 and r.low[at - 2] in ("tijdens", "in") and r.low[at - 1] == "de" and r.low[at + 1] in ("op", "van") \
                    and ds and os_ and "genomen" in r.low and any(w in ("besluiten", "besluit") for w in r.low):
                found.add((os_[0]._.canonical, str(ds[0]._.value), ds[0].text))
                continue
            at = -1
        if held and at == 0 and len(r.low) <= 6 and r.low[-1] not in (".", "!", "?", ":"):
            ds = [d for d in r.dates if _DAY_VALUE.match(str(d._.value or ""))]
            if ds:  # "Nieuws uit de raad" / "Raadsvergadering 19 juni 2018": the heading names the meeting told of
                found.add((meeting_of[held], str(ds[0]._.value), ds[0].text))
                continue
        if held and (any(w in ("tijdens", "afgelopen", "gisteren", "gisteravond", "terugblik", "uitkomsten", "uitslagen")
                             for w in r.low[:at])
                     or any(w in ("was", "werd") for w in r.low[:at])
                     or (at == 1 and r.low[0] == "de" and r.low[at + 1:at + 2] == ["van"] and any(
                         d.start - r.span.start - at <= 4 for d in r.dates if _DAY_VALUE.match(str(d._.value or ""))))):
            # ("Op 26 november was de raadsvergadering uit de novembercyclus.", "De raadsvergadering van dinsdag 21
            # maart kende geen uitgebreide agenda.")
            ds = [d for d in r.dates if _DAY_VALUE.match(str(d._.value or ""))]
            if ds:  # "Tijdens de afgelopen raadsvergadering op 6 juli 2021 werden alle voorstellen aangenomen."
                found.add((meeting_of[held], str(ds[0]._.value), ds[0].text))
            elif told := _told_day(r.low, frame.doc_date):  # "Tijdens de raadsvergadering zijn vanavond drie
                found.add((meeting_of[held], *told))  # wethouders benoemd." in a news item of that day
            continue
        took_place = ("vond" in r.low or "vonden" in r.low) and "plaats" in r.low
        if took_place:  # "Op dinsdagavond 12 december vond ... de laatste besluitvormende vergadering van de gemeenteraad
            # Hoeksche Waard plaats."
            held = next((w for w in r.low if w.endswith("vergadering")), None)
            os_ = [o for o in r.organs if o._.canonical]
            known = [o for o in os_ if o._.canonical in assemblies]  # (the council, not "besluitvormende
            # vergadering" it held)
            body = meeting_of.get(held or "") or ((known or os_)[0]._.canonical if os_ and held else None)
            ds = [d for d in r.dates if _DAY_VALUE.match(str(d._.value or ""))]
            if body is None and held and ds:  # "Maandag 9 juli vond de eerste bestuursvergadering van ODWH plaats." /
                # "Het algemeen bestuur heeft in de vergadering ... gekozen": the body the next sentences say met
                body = next((o._.canonical for x in readings[n + 1:n + 4] if x is not None for o in x.organs
                             if o._.canonical and o.start - x.span.start <= 3
                             and "vergadering" in x.low[o.end - x.span.start:o.end - x.span.start + 5]), None)
            if body and ds:
                found.add((body, str(ds[0]._.value), ds[0].text))
            continue
        met = ("kwam" in r.low or "kwamen" in r.low) and ("bijeen" in r.low or "bij elkaar" in " ".join(r.low))
        if not ("vergaderde" in r.low or "vergaderden" in r.low or met):  # ("De gemeenteraad kwam voor een vergadering
            continue  # bij elkaar op dinsdag 6 en woensdag 7 juli.")
        os_ = [o for o in r.organs if o._.canonical]
        ds = [d for d in r.dates if _DAY_VALUE.match(str(d._.value or ""))]
        if os_ and ds:
            found.add((os_[0]._.canonical, str(ds[0]._.value), ds[0].text))
    meetings = {(body, day) for body, day, _ in found}  # (one meeting, its day written twice: "Maandag 9 juli", "9 juli")
    return min(found, key=lambda f: f[2]) if len(meetings) == 1 else None


def _plan_actors(records: list[dict], text: str) -> list[dict]:
    """"Het bestemmingsplan X is op 30 maart 2017 vastgesteld": the law says who adopts a plan (the
    gemeenteraad a bestemmingsplan, the college a wijzigingsplan or uitwerkingsplan, Provinciale Staten a
    streekplan or inpassingsplan); an adoption without an actor gets that body. A status line with no plan
    word ("Vastgesteld d.d. 26 mei 2016") is the document's own plan, named in its opening lines."""
    own = None
    for rec in records:
        if rec["actor"] is None and rec["status"] == "realized" and rec["date"] and rec.get("predicate") == "inwerkingtreden":
            body = _plan_body(rec["text"].split(" in werking")[0])  # "Op 17 december 2010 is het bestemmingsplan
            if body is not None:  # Buitengebied in werking getreden": the plan of the body that adopted it
                rec["actor"] = body
            continue
        if rec["actor"] is not None or rec["status"] != "adopted" or not rec["date"] or not (
                rec.get("predicate") == "vaststellen" or (rec.get("predicate") == "besluiten" and "vaststelling" in rec["text"])):
            continue  # ("Het besluit tot vaststelling van het bestemmingsplan is genomen op 5 juli 2021")
        body = _plan_body(rec["text"])
        if body is None and len(rec["text"].split()) <= 8:
            own = own if own is not None else (_plan_body(text[:1500]) or "")
            body = own or None
        if body is not None:
            rec["actor"] = body
    return records


@functools.lru_cache(maxsize=1)
def _plan_rx() -> tuple[re.Pattern, dict, tuple]:
    data = load_structure()
    bodies = data["adopting_bodies"]
    rx = re.compile(r"(?:(\w+)\s+)?\b(" + "|".join(sorted(map(re.escape, bodies), key=len, reverse=True)) + r")", re.I)
    return rx, bodies, tuple(data["adopting_bodies_skip"])


def _plan_body(words: str) -> str | None:
    """The body the law gives the plan ``words`` name ("bestemmingsplan" -> gemeenteraad), or None."""
    rx, bodies, skip = _plan_rx()
    found = [m for m in rx.finditer(words) if not (m.group(1) or "").lower().startswith(skip)]
    verb = re.search(r"vastgest|vast te stellen|vaststell", words, re.I)
    if not found:
        return None
    before = [m for m in found if verb is None or m.start(2) < verb.start()]
    m = before[-1] if before else found[0]
    return bodies[m.group(2).lower()]


_NAMED_SUBJECT = re.compile(r"^(?:De|Het)\s+((?:[A-Z][\w-]+\s+){0,3}[A-Z][\w-]+)\s+(?=[a-z])")
_NAMED_AFTER = re.compile(r"\s+(?:de|het)\s+((?:[A-Z][\w-]+\s+){0,3}[A-Z][\w-]+)\b")


_GOV_WORD = r"(provincie|gemeente|waterschap|hoogheemraadschap)\b(?:\s+(?:van\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?"
_GOV_SUBJECT = re.compile(r"^(?:De|Het)\s+" + _GOV_WORD + r"\s+(?=[a-z])")
_GOV_AFTER = re.compile(r"\s+(?:de|het)\s+" + _GOV_WORD + r"(?=\s+[a-z])")


def _government_subject(r: Reading, doc: Doc, trig: Trigger) -> tuple[str | None, str | None]:
    """"De provincie dient in juni een gebiedsaanpak in", "Op 23 juni heeft de provincie bekend gemaakt ...": a
    government as the subject acts through its executive (gedeputeerde staten, the college, the water board's
    board), as the convention for "namens GS" has it."""
    defaults = _GOV_DEFAULTS
    text = doc_text(doc)[r.span.start_char:r.span.end_char].strip()  # (Span.text makes a token per word)
    m = _GOV_SUBJECT.match(text)
    if m is not None and len(m.group(0).split()) <= trig.i:
        return defaults[m.group(1).lower()], m.group(0).strip()
    for k in sorted(set(r.aux) | {trig.i}):  # the subject after the finite verb: "heeft de provincie ..."
        if 0 <= k < len(r.span) and k <= trig.i:
            tok = r.span[k]
            m = _GOV_AFTER.match(doc_text(doc), tok.idx + len(tok.text), r.span.end_char)
            if m is not None:
                return defaults[m.group(1).lower()], m.group(0).strip()
    return None, None


def _same_decision(a: dict, b: dict) -> bool:
    """Two records of one decision: the same actor, date and status, and the words of one in the other."""
    if (a["actor"], a["date"], a["status"]) != (b["actor"], b["date"], b["status"]) or (a.get("number") and b.get("number")):
        return False
    return _overlap(a.get("object") or a["text"], b.get("object") or b["text"]) >= 0.6


def _overlap(a: str, b: str) -> float:
    """The share of the shorter text's words (of five letters or more) that the other has too."""
    wa = {w[:6] for w in re.findall(r"\w{5,}", a.lower())}
    wb = {w[:6] for w in re.findall(r"\w{5,}", b.lower())}
    small = min(len(wa), len(wb))
    return len(wa & wb) / small if small else 0.0


def _dedupe(records: list[dict]) -> list[dict]:
    """One record per decision read twice (a point under a heading and under the sentence that opens the points);
    the reading that names the actor and the date it was taken on is kept."""
    out: list[dict] = []
    for rec in records:
        dup = False
        for k, o in enumerate(out):
            if dup:
                break
            if rec.get("number") and rec["number"] == o.get("number") and rec["status"] == o["status"] \
                    and _similar(rec["text"], o["text"]):
                # (a raadsvoorstel's proposed points and its raadsbesluit's adopted ones are two decisions)
                dup = True
            elif (rec["start"], rec["end"]) == (o["start"], o["end"]):
                dup = True
            elif not rec.get("number") and not (rec.get("_bullet") and o.get("_bullet")) and abs(rec["_idx"] - o["_idx"]) <= 3 and rec["date"] and rec["predicate"] and all(
                    rec[key] == o[key] for key in ("actor", "date", "predicate", "status")) \
                    and (min(len(rec["text"].split()), len(o["text"].split())) <= 12 or _overlap(rec["text"], o["text"]) >= 0.6) \
                    and not (_SENTENCE_END.search(rec["text"]) and _SENTENCE_END.search(o["text"])
                             and rec["text"].strip() != o["text"].strip()) \
                    and not ("\t" in rec["text"].strip() and "\t" in o["text"].strip()):
                # (two sentences, "Dit amendement is daarmee verworpen." under each of two items, are two decisions;
                # so are two rows of a table, each with its outcome cell)
                dup = True  # a heading and the sentence under it
            if dup and (rec["actor"] is not None, rec.get("date_text") is not None) > (
                    o["actor"] is not None, o.get("date_text") is not None):
                out[k] = rec  # ("Besluit" over "Het dagelijks bestuur heeft op 22 maart 2022 besloten: 1. ...")
        if not dup:
            out.append(rec)
    for rec in out:
        rec.pop("_idx", None)
    return out


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(a, b) >= 70


def _record(r: Reading | None, doc: Doc, *, status: str, trig: Trigger | None, actor: Span | None,
            actor_fallback: tuple[str | None, str | None] = (None, None), date: Span | None = None,
            date_fallback: tuple[str | None, str | None] = (None, None), start: int, end: int,
            obj: str | None, number: str | None = None, vote: str | None = None,
            predicate: str | None = None, idx: int = 0) -> dict:
    return {
        "actor": (getattr(actor._, "canonical", None) if actor is not None else actor_fallback[0]),
        "actor_text": actor.text if actor is not None else actor_fallback[1],
        "date": span_value(date) if date is not None else date_fallback[0],
        "date_text": date.text if date is not None else date_fallback[1],
        "status": status,
        "predicate": predicate or (trig.lemma if trig else None),
        "object": obj,
        "number": number,
        "vote": vote,
        "text": doc_text(doc)[start:end],
        "start": start,
        "end": end,
        "_idx": idx,
    }


def _governing_date(readings: list[Reading | None], idx: int, lex: Lexicon, schedule: bool,
                    actor: Span | None = None) -> Span | None:
    """The nearest DATE that governs unit ``idx``: the meeting named in an
    earlier sentence of the same paragraph ("In de AB-vergadering van 15 mei ...
    er is ingestemd met ..."), or (in a schedule) the row next to it."""
    r = readings[idx]
    canon = getattr(actor._, "canonical", None) if actor is not None else None
    for k in range(idx - 1, max(-1, idx - 4), -1):
        p = readings[k]
        if p is None or p.unit.block != r.unit.block:
            break
        meeting = any(m in w for w in p.low for m in lex.words("meeting_words"))
        same_body = canon is not None and any(getattr(o._, "canonical", None) == canon for o in p.organs)
        d = pick_date(p, lex, None)
        if d is not None and (meeting or same_body) and re.match(r"\d{4}-\d{2}", span_value(d) or ""):
            return d  # (a month or a day: not the year "voor 2008" some meetings were about)
    if schedule:
        for k in (idx + 1, idx - 1):
            if 0 <= k < len(readings) and readings[k] is not None:
                p = readings[k]
                ds = [d for d in p.dates if span_value(d)]
                if ds and sum(len(d.text) for d in ds) >= 0.5 * len(p.span.text) and not p.triggers and not p.organs:
                    return ds[0]
    return None


def _pronoun_subject(r: Reading, trig: Trigger | None, lex: Lexicon) -> str | None:
    """'Wij adviseren', 'hebben wij besloten': the writer is the subject."""
    pron = lex.words("subject_pronouns")
    finite = set(r.aux) | ({trig.i} if trig is not None and trig.kind in ("present", "past") else set())
    owned = {o.start - r.span.start for o in r.organs}
    for k in finite:
        for j in (k - 1, k + 1):
            if 0 <= j < len(r.low) and r.low[j] in pron and not (r.low[j] in ("ons", "onze") and j + 1 in owned):
                return r.low[j]  # (not "heeft ons algemeen bestuur besloten": the board is the subject)
    return None


#: verbs of sending and offering, whose unnamed sender is only known in a letter (the writer)
_SENT = frozenset(("sturen", "toesturen", "aanbieden"))


def _addressed_subject(r: Reading, trig: Trigger | None) -> bool:
    """'heeft u ons ... gestuurd', 'u besloot': the one the letter is addressed to is the subject."""
    finite = set(r.aux) | ({trig.i} if trig is not None and trig.kind in ("present", "past") else set())
    return any(0 <= j < len(r.low) and r.low[j] == "u" for k in finite for j in (k - 1, k + 1))


def _subject_pronoun(r: Reading, lex: Lexicon, ctx: _Ctx, trig: Trigger | None = None) -> tuple[str | None, str | None]:
    word = _pronoun_subject(r, trig, lex)
    if word == "ik" and ctx.minutes:
        return None, None  # a speaker in the minutes, not the body that issued them
    if word:
        return (ctx.voice if word in ("we", "wij") and ctx.voice else ctx.issuer), word
    return None, None


#: a motion or amendment named by its own number or letter: "Motie A (aangenomen)", "- Amendement 4: verworpen"
_OWN_MOTION = re.compile(r"(?i)^[\W\d.]*(?:motie|amendement|subamendement)\s+(?:[a-z]?\d+(?:[.-]\d+)*[a-z]?|[a-z])\b")


def _read_unit(doc: Doc, readings: list[Reading | None], idx: int, lex: Lexicon, ctx: _Ctx,
               schedule: bool, attach: bool = True) -> dict | None:
    r = readings[idx]
    u = r.unit
    text = doc_text(doc)[r.span.start_char:r.span.end_char].strip()  # (Span.text makes a token per word)
    if _is_question(r, lex) and not _REMEDY.search(text):
        trig = min(r.triggers, key=lambda t: t.rank(lex)) if r.triggers else None
        qlemma = lex.raw["question_lemmas"].get(r.low[_first_word(r)])
        date = pick_date(r, lex, None)
        return _record(r, doc, status="proposed", trig=trig, actor=None, date=date,
                       start=r.span.start_char, end=r.span.end_char,
                       obj=clean_object(r.span[_first_word(r) + 2:].text), predicate=qlemma or (trig.lemma if trig else None), idx=idx)
    k = _first_word(r)
    if r.low[k] in _WH_WORDS and "?" in r.low and (not r.triggers or min(r.triggers, key=lambda t: t.rank(lex)).i
                                                   < r.low.index("?")):
        return None  # "Wat heeft de gemeenteraad besloten op 8 november?": a news item's title asks, it decides nothing
    opening = " ".join(r.low[k:k + 4]) + " "
    if any(opening.startswith(p + " ") for p in lex.raw["not_taken_openers"]):
        return None  # "U kunt ervoor kiezen niet in te stemmen", "In het geval dat u ...": an option, a condition
    if _REMEDY.search(text):
        return None  # "kunnen belanghebbenden beroep instellen tegen het besluit": the notice's legal remedy
    if _POINTER.search(text):
        return None  # "Alle stukken incl. genomen besluiten op 10 juni zijn terug te vinden op ...": where to read them
    if not r.triggers:
        if schedule and r.organs and r.dates and len(r.low) <= 25 and r.low[_first_word(r)] not in lex.words("title_words"):
            actor = pick_actor(r, lex, None)
            date = pick_date(r, lex, None)
            if actor is not None and date is not None:
                # a step of a schedule: planned, unless it lies before the document ("ontwerp | College | 10 april 2018"
                # in a plan adopted in July 2018: done)
                step = "realized" if compare_dates(span_value(date), ctx.doc_date) == -1 else "planned"
                return _record(r, doc, status=step, trig=None, actor=actor, date=date,
                               start=r.span.start_char, end=r.span.end_char, obj=read_object(r, None, actor, date, lex), idx=idx)
        return None
    trig = min(r.triggers, key=lambda t: t.rank(lex))
    if lex.vclass.get(trig.lemma) == "plan":  # "besluit het AB dat een extra vergadering wordt gepland": the decision
        trig = min((t for t in r.triggers if lex.vclass.get(t.lemma) in ("decide", "reject", "propose")
                    and t.kind in ("present", "past")), key=lambda t: t.rank(lex), default=trig)
        # (not "We hebben gepland de eerste gebieden open te stellen": what is planned)
    cls = lex.vclass.get(trig.lemma, "discuss")
    tense = read_tense(r, trig, lex)
    short_row = u.heading or (len(r.low) <= 14 and u.first_in_block and r.unit.marker is not None)
    sched = schedule or (tense == "bare" and short_row)
    if nothing_decided(r, trig):
        return None
    if trig.lemma == "besluiten" and not r.dates and ":" not in r.low[trig.i:] and r.low[max(0, trig.i - 2):trig.i] != [
            "een", "besluit"] and any(w in _TAKE for w in r.low[max(0, trig.i - 4):trig.i + 3]):
        return None  # "tijdens deze vergadering neemt de raad besluiten": what a meeting is for, no decision
    if u.heading and _PROPOSED_LABEL.fullmatch(text):
        return None  # "Voorgesteld besluit" over what the meeting is asked: a label, the points under it are read
    if _WHAT_DECIDED.search(" ".join(r.low)) and not r.dates:
        return None  # "In de besluitenlijst staat vermeld wat de gemeenteraad tijdens een vergadering heeft besloten"
    scored = pick_actor_scored(r, lex, trig)
    actor = scored[0] if scored else None
    if tense == "bare" and not schedule and scored is not None and scored[1] < 3:
        actor = None  # a noun row needs its body as agent or meeting: "Voorstel door DB", "in DB van ..."
    if r.organs and "bekend" in r.low[:trig.i] and _ANNOUNCES.search(" ".join(r.low[:trig.i])):
        first = r.organs[0]  # "De colleges van B&W van ... maken bekend dat zij op 8 januari 2015 met toestemming van
        at = first.start - r.span.start  # de gemeenteraden hebben besloten ...": the colleges decided
        if at <= 4 and at < r.low.index("bekend") and (actor is None or actor.start > first.start):
            actor = first
    elif r.organs and "bekend" in r.low[:trig.i] and actor is not None and actor is r.organs[0]:
        # "Burgemeester en wethouders van Veere maken bekend dat als gevolg van artikel 3.8 Wro de gemeenteraad van
        # Veere ... heeft vastgesteld": the body of the clause after "dat", not the one that publishes it
        said = r.low.index("bekend")
        that = next((k for k in range(said + 1, min(trig.i, said + 4)) if r.low[k] == "dat"), None)
        if that is not None and _ANNOUNCES_THAT.search(" ".join(r.low[:that + 1])):
            inner = [o for o in r.organs if that < o.start - r.span.start < trig.i
                     and not set(r.low[max(0, o.start - r.span.start - 2):o.start - r.span.start]) & _OWNER_PREPS]
            actor = inner[0] if inner else None  # ("... maken bekend dat het bestemmingsplan X is vastgesteld": the
            # publisher is not who adopted it)
    pron = _pronoun_subject(r, trig, lex)
    before = r.low[max(0, actor.start - r.span.start - 2): actor.start - r.span.start] if actor is not None else []
    if pron and actor is not None and before[-1:] != ["door"] and before != [pron, "als"]:
        actor = None  # "Wij adviseren dat het orgaan ...": the organ is not the actor (but "namen we als
        # gemeenteraad ... aan" says who "we" are)
    # "de uitgangspunten die met deze agenda zijn vastgesteld": a decision a relative clause mentions takes no date
    # it does not write (the plan "dat de raad op 3 maart heeft vastgesteld" keeps its own)
    before = _clause_before(r.low, trig.i)
    if len(r.low) > 2 and r.low[0] in ("dat", "die") and r.low[2] in lex.aux and before[:1] == [r.low[0]]:
        before = before[1:]  # "Dat amendement werd ... aangenomen": a demonstrative, no clause it opens
    relative = tense == "past" and bool(SUBORDINATE.search(" ".join(before)))
    date = pick_date(r, lex, trig, ctx.doc_date if tense == "past" and not relative and cls != "plan" else None)
    if relative and date is None and not ctx.minutes:
        return None
    if date is None and cls != "change" and tense in ("past", "present", "present_passive", "bare", "future"):
        date = _governing_date(readings, idx, lex, sched, actor)
        if date is not None and tense == "past" and compare_dates(span_value(date), ctx.doc_date) == 1:
            date = None  # "... de vergadering van HR die op 30 juni plaats heeft. De commissie stemde in met ...": a
            # meeting still to come does not date what was done
    when = compare_dates(span_value(date) if date is not None else None, ctx.doc_date)
    if trig.kind == "noun" and "ter" in r.low[max(0, trig.i - 1):trig.i] and (date is not None or actor is not None):
        sched = True  # "ter bespreking op de agenda van ..."
    if trig.lemma == "aanhouden" and not HELD_ITEMS.search(" ".join(r.low[:trig.i])):
        return None  # "De verdachte werd aangehouden": an arrest, no item put off (a term "verdaagd" is put off)
    outcome = ctx.layout == "minutes" and cls in ("decide", "reject") and trig.kind == "part" and (
        trig.j >= len(r.low) or r.low[trig.j] in (".", ";", ":"))  # "De agenda wordt ongewijzigd vastgesteld.": the
    # minutes tell the meeting's outcome in the present, the verb last
    if tense == "present_passive" and date is None and not sched and not (cls == "postpone" and (ctx.minutes or ctx.reported)) \
            and not (ctx.reported and cls in ("decide", "reject") and trig.kind == "part") and not outcome:
        # ("Het voorstel om woningbouw mogelijk te maken wordt aangenomen.": a report on one meeting tells it in the
        # present)
        return None  # generic: "worden vastgesteld door de raden" (not "Uiteindelijk wordt de motie aangehouden" in
        # minutes or a report of one meeting)
    status = decide_status(cls, tense, when, sched, is_negated(r, trig, lex))
    if status is None:
        return None
    if status == "adopted" and trig.lemma == "intrekken" and _MOTION_SUBJECT.match(text):
        status = "withdrawn"  # "De motie van GroenLinks ... is ingetrokken": the motion, withdrawn
    vote = read_vote(text, lex)
    act_fb = _subject_pronoun(r, lex, ctx, trig) if actor is None else (None, None)
    if actor is None and act_fb == (None, None) and _addressed_subject(r, trig):
        return None  # "Op 7 mei 2024 heeft u ons een aanvullende brief gestuurd": the addressee's act, not the writer's
    if tense == "past" and cls != "plan" and date is not None and date.start - r.span.start > trig.i \
            and r.low[date.start - r.span.start - 1] in lex.words("date_preps_term"):
        date = None  # "heb ik besloten ... rente vanaf 4 februari 2018 ...": a term of the decision, not its date
    if actor is None and act_fb[0] is None and trig.lemma == "besluiten" and trig.kind in ("part", "past") and tense == "past" \
            and r.low[trig.i] != "genomen" and ctx.issuer and not ctx.minutes and re.search(r"\b(?:is|werd)\b", " ".join(r.low[max(0, trig.i - 4):trig.i])) \
            and not SUBORDINATE.search(" ".join(before)):
        act_fb = (ctx.issuer, None)  # "Daarom is besloten ...": in a letter, by the body that writes it
    if actor is None and act_fb == (None, None):
        act_fb = _government_subject(r, doc, trig)
    if actor is None and act_fb == (None, None):
        # "De Verbindende Coalitie stemde in met ...", "In april stemde de Verbindende Coalitie in": a body the KB
        # does not know, named as the subject
        named = _NAMED_SUBJECT.match(text)
        if not (named and trig.i >= len(named.group(0).split())) and 0 <= trig.i < len(r.span):
            tok = r.span[trig.i]
            named = _NAMED_AFTER.match(doc_text(doc), tok.idx + len(tok.text), r.span.end_char)
        if named:
            act_fb = (None, named.group(1))
    agent = next((k for k in range(trig.i - 1, max(-1, trig.i - 9), -1) if r.low[k] == "door"), None)
    if actor is None and trig.kind == "part" and agent is not None and tense != "bare" \
            and r.low[agent + 1] not in lex.words("agent_pronouns"):
        return None  # "De wet is door de eerste en tweede kamer goedgekeurd": the act of an agent it does not know
        # (not "door ons vastgesteld": the writer's)
    if actor is None and act_fb == (None, None) and (trig.lemma in _SENT or trig.lemma in lex.told_verbs) and agent is None:
        if ctx.layout != "letter" or not ctx.issuer or ctx.minutes:
            return None  # "De brieven worden op 7 oktober naar de Kamer gestuurd": sent by someone the text leaves out
        act_fb = (ctx.issuer, None)  # "De kaderbrief is op 31 januari naar de gemeenten gestuurd": in a letter, the writer
    if actor is None and act_fb == (None, None) and trig.kind == "part" and trig.lemma in lex.words("put_before_lemmas") \
            and not SUBORDINATE.search(" ".join(before)):
        # "Op 22 januari werd de visie aan de raad voorgelegd": put before the body that is to decide, as an agenda
        # item is
        dets = lex.words("determiners")
        actor = next((o for o in r.organs if o.start - r.span.start < trig.i and "aan" in [
            w for w in r.low[max(0, o.start - r.span.start - 2): o.start - r.span.start] if w not in dets][-1:]), None)
    if tense == "bare" and not schedule and actor is None:
        return None  # a noun alone ("Procesvoorstel ..., 10 oktober 2012") is no step
    # "Het voorstel werd unaniem aangenomen.": the vote of the decision before
    if attach and trig.lemma in ("aannemen", "verwerpen", "aanvaarden") and actor is None and not r.dates and (
            " ".join(r.low[:3]).startswith(tuple(lex.raw["anaphoric_subjects"])) or len(r.low) <= 8) \
            and not _OWN_MOTION.match(text):  # ("- Amendement 4 (aangenomen)": an item of its own, not the vote of
        # the one before)
        return {"_attach": True, "vote": vote, "status": status}
    if cls == "change" and date is None and not (
            tense == "present" and ctx.layout == "letter" and trig.lemma not in lex.told_verbs):
        return None  # (but a letter's "Het college beschouwt de motie hiermee als afgedaan": done as it is written)
    date_fb = (None, None)
    other = actor._.canonical if actor is not None else act_fb[0]
    if date is None and (cls in ("decide", "reject", "note") and status in ("adopted", "rejected")
                         or status == "postponed") and ctx.minutes and not ctx.reported \
            and not (tense == "past" and other and ctx.issuer and other != ctx.issuer):
        date_fb = (ctx.doc_date, None)  # (not "Wel heeft GS besloten om ...": another body's decision the minutes
        # report, taken before the meeting)
    elif date is None and cls == "propose" and status == "proposed" and tense == "present" and ctx.layout == "minutes" \
            and (actor is not None or act_fb[0] is not None):
        date_fb = (ctx.doc_date, None)  # "Voor het gebied stelt de provincie voor ...": proposed at the meeting the
        # minutes record (not in an agenda, whose explanations tell what the college proposes)
    if actor is None and act_fb[0] is None and date_fb[0] in (None, ctx.reported_day) and ctx.reported \
            and (date is None or span_value(date) == ctx.reported_day) \
            and (tense in ("past", "present_passive") and cls in ("decide", "reject")
                 and status in ("adopted", "rejected", "withdrawn") or status == "postponed") \
            and trig.kind == "part" \
            and (not SUBORDINATE.search(" ".join(before)) or _MOTION_SUBJECT.match(text)):
        act_fb = (ctx.reported, None)  # "Daarmee is ... het bestemmingsplan vastgesteld.": in a news item on one
        # meeting, what that meeting adopted (its day is given below)
    if actor is None and act_fb[0] is None and date is None and date_fb[0] is None:
        return None
    if tense == "present" and date is None and not ctx.minutes and not _strong_present(r, trig, lex) \
            and not (act_fb[0] and act_fb[1] in ("ik", "wij", "we")) \
            and not (ctx.layout == "letter" and actor is not None and actor._.canonical == ctx.issuer):
        return None  # generic present: "het bestuur besluit over de begroting" (not the writer's "verleng ik", nor
        # the writer named in the third person: "Het college beschouwt de motie hiermee als afgedaan")
    rec = _record(r, doc, status=status, trig=trig, actor=actor, actor_fallback=act_fb, date=date,
                  date_fallback=date_fb, start=r.span.start_char, end=r.span.end_char,
                  obj=read_object(r, trig, actor, date, lex), vote=vote, idx=idx)
    if tense == "past" and status in ("adopted", "rejected", "realized") and date is not None:
        rec["date"] = _year_before(rec["date"], date.text, ctx.doc_date)
    if tense == "present":
        rec["_present"] = True
    return rec


def _year_before(value: str | None, written: str, doc_date: str | None) -> str | None:
    """"Op 28 september heeft de gemeenteraad deze ingesteld" in a text of 28 juni 2023: a day written without its
    year that the text tells in the past lies before the text, in the year before (not September 2023)."""
    if not value or not doc_date or re.search(r"\d{4}|'\d\d|’\d\d", written) or not re.match(r"\d{4}-\d{2}-\d{2}$", value) \
            or not re.match(r"\d{4}-\d{2}-\d{2}$", doc_date):
        return value  # (only against a text dated to the day: "10 juni" in a text of 2021 may be June 2021)
    if value <= doc_date:
        return value
    earlier = f"{int(value[:4]) - 1}{value[4:]}"
    return earlier if earlier <= doc_date and value[5:] != "02-29" else value


def _clause_before(low: list[str], i: int) -> list[str]:
    """The words of the clause before token ``i`` (back to a comma or a colon)."""
    back = low[max(0, i - 20):i]
    cut = max((k for k, w in enumerate(back) if w in (",", ":", ";")), default=-1)
    return back[cut + 1:]


def _strong_present(r: Reading, trig: Trigger, lex: Lexicon) -> bool:
    nxt = r.low[trig.j:trig.j + 4]
    if trig.lemma == "besluiten" and "te" in r.low[trig.j:trig.j + 20] and r.low[-1:] == ["."]:
        return True  # "Het college besluit het ontwerp-peilbesluit polder Oudendijk vrij te geven voor terinzagelegging."
    return any(w in (":", "te", "tot", "om", "dat") for w in nxt) or read_vote(" ".join(nxt), lex) is not None


def _first_word(r: Reading) -> int:
    k = 0
    while k < len(r.low) - 1 and not r.low[k].isalpha():
        k += 1
    return k


_WH_WORDS = frozenset(("wat", "waar", "waarover", "waarom", "welke", "welk", "wie", "wanneer", "hoe", "hoeveel"))


def _is_question(r: Reading, lex: Lexicon) -> bool:
    if not r.low or r.low[-1] != "?":
        return False
    k = _first_word(r)
    if r.low[k] not in lex.words("question_verbs"):
        return False
    addressee = " ".join(r.low[k + 1:k + 3])
    if not any(addressee.startswith(a) for a in lex.raw["question_addressees"]):
        return False
    return any(w.startswith(tuple(lex.raw["question_keywords"])) for w in r.low)


# --------------------------------------------------------------------------- numbered decision points
@dataclass
class _Intro:
    status: str
    actor: Span | None
    date: Span | None
    vote: str | None
    any_start: bool = False  # "licht de beslispunten 5 t/m 8 toe": the list may start at 5
    grounds: bool = False  # "... overwegende dat ...; gelet op ...:": the preamble, its own sentences read apart
    announced: bool = False  # "Op 6 juli werden de volgende hamerstukken vastgesteld.": its bullets are what was decided


_NOT_LETTER = re.compile(r"[^a-zà-ÿ:]")
_LETTERS: dict[str, str] = {}


def _letters(word: str) -> str:
    """``word`` without anything but lower-case letters and colons (cached: a corpus has few distinct words)."""
    out = _LETTERS.get(word)
    if out is None:
        out = _NOT_LETTER.sub("", word)
        if len(_LETTERS) < 200_000:
            _LETTERS[word] = out
    return out


def _list_intro(r: Reading, lex: Lexicon) -> _Intro | None:
    """Is this unit the head of a list of decision points?"""
    low = r.low
    text = " ".join(low)
    listed = _ANNOUNCED_LIST.search(text) is not None
    # ("Op 6 juli 2021 werden de volgende hamerstukken ongewijzigd vastgesteld." over its bullets, as with a colon)
    ends_colon = bool(low) and (low[-1].endswith(":") or listed)
    if not (ends_colon or r.unit.heading or (low and low[0] in ("besluit", "besluiten"))
            or "beslispunten" in _NOT_LETTER.sub("", text)):
        return None  # (most sentences: none of the forms below can hold)
    words = [_letters(w) for w in low]
    decide_verb = any(t.lemma == "besluiten" and t.kind in ("present", "past", "part") for t in r.triggers)
    noun = any(w.endswith(("besluit", "beslispunten", "beslispunt")) for w in words) or (
        ends_colon and "besluiten" in words[-2:])  # "... te komen tot de volgende besluiten:"
    if noun and not decide_verb and _LAID_OPEN_INTRO.search(" ".join(r.low)):
        noun = False  # "Het peilbesluit kan worden ingezien van 30 maart 2021 tot en met 11 mei 2021:": where, not what
    points = "beslispunten" in words and r.unit.end == _block_end_char(r)
    last = next((w for w in reversed(words) if w), "")
    heading = r.unit.heading and (last.endswith(("besluit", "beslispunten")) or (last == "besluiten" and _after_grounds(r))) \
        and len(low) <= 8 \
        and not is_header_row(r.span.text)
    # ("Agendanummer Onderwerp en besluit": a table's column heads, the rows under it read as items)
    # "BESLUIT AB 10 oktober 2024 Begroting 2025": the title of what a meeting decided, its points below
    titled = bool(low) and low[0] in ("besluit", "besluiten") and r.unit.first_in_block and r.unit.last_in_block \
        and any(o.start - r.span.start <= 3 for o in r.organs) and bool(r.dates) and not r.span.text.rstrip().endswith(".")
    put = ends_colon and len(low) <= 12 and (any(t.lemma == "voorstellen" and t.kind == "part" for t in r.triggers)
                                             or bool(_ASKED.search(text)))  # ("Provinciale Staten wordt gevraagd:")
    # ("Het Algemeen Bestuur wordt voorgesteld om:")
    # "gelet op de Omgevingswet ...:" then "1) ... in te trekken;": a resolution whose "besluit:" the page lost
    grounds = ends_colon and bool(re.search(r"(?:^|[;,]\s*)gelet\s+op\b[^;]*:$", text))
    announced = listed and (any(t.kind in ("part", "past", "present") for t in r.triggers)
                            or re.search(r"\bgenomen\s*:$", text) is not None)
    if not ((ends_colon and (decide_verb or noun or announced)) or heading or points or titled or put or grounds):
        return None
    proposal = points or put or any(p in text for p in lex.raw["proposal_intro_words"]) or (
        ends_colon and not decide_verb and any(t.lemma == "voorstellen" and t.kind in ("present", "past") for t in r.triggers))
    # ("Gezien het vorenstaande stelt het college de raad voor het volgende besluit te nemen:": a raadsvoorstel's)
    status = "proposed" if proposal else "adopted"
    trig = next((t for t in r.triggers if t.lemma == "besluiten"), None)
    if grounds and not (decide_verb or noun):
        return _Intro("adopted", None, None, None, False, True)
    if ends_colon and RESOLUTION_GROUNDS.match(text) and ";" not in text and re.search(r"\bbesluit(?:en)?\s*:$", text):
        # "gezien het advies van de commissie Burger en Bestuur d.d. 27 november 2025" / "besluit:" (a line run on to
        # the preamble's last ground): the resolution's body decides, not the body the ground names
        return _Intro("adopted", None, None, None, False, True)
    return _Intro(status, pick_actor(r, lex, trig), pick_date(r, lex, trig), read_vote(r.span.text, lex), points,
                  announced=announced)


#: a sentence that announces the list under it: "werden de volgende hamerstukken vastgesteld."
_ANNOUNCED_LIST = re.compile(r"\b(?:werden|werd|zijn|is|worden|wordt|heeft|hebben)\s+(?:[a-zà-ÿ]+\s+){0,3}(?:de|het)\s+"
                             r"volgende\s+[a-zà-ÿ]+\b[^.:;]{0,80}\.$"  # (not "Voor de volgende fase zoeken we ...")
                             r"|\b(?:heeft|hebben)\s+(?:[a-zà-ÿ0-9]+\s+){0,10}over\s+de\s+volgende\s+[a-zà-ÿ]+\s+"
                             r"(?:een\s+)?besluit(?:en)?\s+genomen\s*:$"
                             r"|\bde\s+volgende\s+besluiten\s+genomen\s*:$")
# ("De gemeenteraad heeft in de vergadering van 1 februari 2023 over de volgende punten een besluit genomen:", "Tijdens
# de raadsvergadering zijn verder de volgende besluiten genomen:")


def _after_grounds(r: Reading) -> bool:
    """A "Besluiten" under a resolution's preamble ("Gelezen het voorstel van ...;", "Gelet op ...;"), not a decision
    list's heading over its items."""
    above = doc_text(r.span.doc)[max(0, r.span.start_char - 700):r.span.start_char]
    return any(RESOLUTION_GROUNDS.match(line) for line in above.splitlines())


def _indented(text: str, start: int) -> bool:
    """True when the unit at ``start`` begins an indented line (a bullet's note under it)."""
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start >= 2 and not text[line_start:start].strip()


_NOT_APPLICABLE = re.compile(r"\s*(?:n\.?v\.?t\.?|niet van toepassing|geen(?: besluit)?|-|–)\s*", re.I)


def _block_end_char(r: Reading) -> int:
    return r.unit.end if r.unit.last_in_block else -1


def _ground_dated(doc: Doc, r0: Reading, day: str) -> bool:
    """True when ``day`` (or the month or year it names) is the day of a ground in the preamble around this "besluit:"
    or title ("gezien het voorstel van de griffier d.d. 25 november 2025;"), so it is not the day of the decision."""
    text = doc_text(doc)
    start = max(0, r0.span.start_char - 1500)
    for d in doc.spans.get("dates", []) if "dates" in doc.spans else []:
        if start <= d.start_char < r0.span.end_char + 1500 and str(d._.value).startswith(day) \
                and CITED_DAY.search(text[max(0, d.start_char - 90):d.start_char]) \
                and not PUBLISHED_DECISION.search(text[max(0, d.start_char - 80):d.start_char]):
            # (not "Bekendmaking van het besluit van 19 december 2018": the day of this decision)
            return True
    return False


def _read_list(doc: Doc, readings: list[Reading | None], idx: int, intro: _Intro, lex: Lexicon,
               ctx: _Ctx) -> tuple[list[dict], set[int]]:
    """The numbered points after an intro, or the one decision the intro heads."""
    r0 = readings[idx]
    if intro.status == "proposed" and ctx.layout == "decision_list" and _NOT_LETTER.sub("", " ".join(r0.low)).rstrip(":") \
            in ("beslispunten", "beslispunt"):
        intro = dataclasses.replace(intro, status="adopted")  # a decision list's "Beslispunten": the points it took (a
        # proposal's or an agenda's are put to the meeting)
    date_fb = (None, None)
    other_body = (ctx.minutes and intro.actor is not None and ctx.issuer is not None
                  and getattr(intro.actor._, "canonical", None) != ctx.issuer)
    if intro.date is None and intro.status == "adopted" and ctx.doc_date and not other_body:
        # (minutes that report another body's decision, "De raad heeft ... besloten:", do not date it)
        date_fb = (ctx.doc_date, None)
        if intro.grounds or len(r0.low) <= 3 or r0.low[0] in ("besluit", "besluiten"):  # a resolution's "besluit:"
            if doc._.doc_date_source == "inferred":
                date_fb = (ctx.doc_date[:4], None)  # (a guessed month is not the resolution's: its year)
            elif _ground_dated(doc, r0, ctx.doc_date):
                date_fb = (None, None)  # the day of the proposal or advice it read: it was taken later
    act_fb = (None, None) if intro.actor is not None else _subject_pronoun(r0, lex, ctx)
    if act_fb == (None, None) and intro.actor is None and ctx.reported and intro.announced:
        act_fb = (ctx.reported, None)  # "Op 6 juli werden de volgende hamerstukken vastgesteld.": the reported meeting's
    if intro.status == "adopted" and intro.date is not None and \
            compare_dates(span_value(intro.date), ctx.doc_date) == 1:  # "vindt in kwartaal 1 2019 besluitvorming plaats over:"
        intro = dataclasses.replace(intro, status="planned")
    recs: list[dict] = []
    used: set[int] = {idx}
    expected: str | None = None  # the next top-level marker
    nested: list[str] = []  # the next marker of each list nested in the last point, outermost first
    nested_short = False
    roman = False
    top_number: str | None = None
    top_indent = 0
    gap = 0
    dashed = False  # points written as bullets
    k = idx + 1
    while k < len(readings):
        r = readings[k]
        if r is None:
            k += 1
            continue
        u = r.unit
        if not recs and u.marker is None and _NOT_APPLICABLE.fullmatch(r.span.text):
            break  # "Besluit" / "N.v.t." and then the chair's opening words: no decision under the label
        announced = intro.announced
        if u.marker == "-" and u.first_in_block and (dashed or (expected is None and not recs and gap == 0)) \
                and r0.low and (r0.low[-1].endswith(":") or announced) and len(r.low) >= (2 if announced else 4) and (
                    r.triggers or _TE_INF.search(r.span.text) or _DECISION_WORD.search(r.span.text)
                    or announced):  # ("werden de volgende hamerstukken vastgesteld." / "• Bestemmingsplan Molengaerde")
            # "Tot slot besloot de raad unaniem om:" "- de verordening ... vast te stellen." "- geen zienswijze ...":
            # one decision a bullet
            dashed = True
            end_k = _block_end(readings, k)
            point = _point(doc, readings, k, end_k, None, intro, lex, date_fb, act_fb)
            bullet = len(point["text"]) - len(point["text"].lstrip("-•*–·▪◦ \t"))
            point["start"], point["text"] = point["start"] + bullet, point["text"][bullet:]
            point["object"] = clean_object(re.sub(r"^\s*[-•*–·▪◦]\s*", "", point.get("object") or ""))
            point["_bullet"] = True
            recs.append(point)
            used.update(range(k, end_k + 1))
            k = end_k + 1
            continue
        nxt_bullet = k + 1 < len(readings) and readings[k + 1] is not None and readings[k + 1].unit.marker == "-"
        if dashed and announced and u.marker is None and (nxt_bullet or _indented(doc_text(doc), u.start)):
            k += 1  # "• Bestemmingsplan Molengaerde" / "  In dit plan zijn de kavels ...": the bullet's own note
            continue
        if dashed:
            break
        m = u.marker if u.first_in_block and u.marker != "-" else None
        if m is None and u.first_in_block:
            lone = re.fullmatch(r"\s*\(?([0-9]{1,2}|[a-zA-Z])[.)]\s*", r.span.text)
            m = lone.group(1) if lone and expected is not None else None  # "d." alone: an empty point
        if m:
            if expected is None and (m.lower() in ("1", "a") or m == "I" or (intro.any_start and m.isdigit())):
                top_indent, expected, roman = u.indent, m, m == "I"
            if expected is None:
                break
            short = len(r.low) <= 8
            level = next((i for i in range(len(nested) - 1, -1, -1) if nested[i] == m), None)
            is_nested = level is not None and (  # ("A." "a." "b." "B.": a list nested in a nested one)
                u.indent > top_indent or m != expected or (short and nested_short))
            if not is_nested and m == expected and u.indent <= top_indent:
                end_k = _block_end(readings, k)
                point = _point(doc, readings, k, end_k, m, intro, lex, date_fb, act_fb)
                if not _REMEDY.search(point["text"]) and not _told_not_decided(readings, k, end_k, point["text"]):
                    # (a notice's "b. ... kunnen belanghebbenden beroep instellen"; "1. Wethouder Neeleman deelt met het
                    # college de stand van zaken ...": a point that reports, under a list's "Besluit")
                    recs.append(point)
                used.update(range(k, end_k + 1))
                expected, nested, gap, top_number = _next_marker(m, roman), [], 0, m
                k = end_k + 1
                continue
            if recs and (is_nested or (m.lower() in ("1", "a") and gap == 0)):
                nested = (nested[:level] if is_nested else nested) + [_next_marker(m)]
                nested_short = short
                used.update(range(k, _block_end(readings, k) + 1))  # a nested enumeration: part of the point
                k = _block_end(readings, k) + 1
                continue
            break
        if recs and expected is not None and (u.marker == "-" or (len(r.low) <= 6 and r.low[-1].endswith(":"))):
            k += 1  # a point's own bullets and sub-headings ("Bestuurlijk opdrachtgevers:" "- Sixhaven: ...")
            continue
        if not recs and expected is None and not u.marker and r.low and r.low[-1].endswith(":") \
                and _list_intro(r, lex) is None and not _TE_INF.search(r.span.text):
            break  # "Besluit" / "De volgende zes personen maken van het spreekrecht gebruik:" / "1. mevrouw J. Hesen
            # ...": the points are that sentence's list, not decisions
        if expected is None and not recs and gap == 0 and not r.triggers and 2 <= len(r.low) <= 10 and r.low[-1] == ";" \
                and (r.low[0] in ("voorzover", "onder") or r.low[:2] == ["voor", "zover"]):
            k += 1  # "Besluiten" / "Voor zover het hun bevoegdheid betreft;" / "vast te stellen ...": a proviso first
            continue
        gap += 1
        if expected is None and gap == 1 and not recs and not u.marker and (
                not u.heading or _DICTUM.match(r.span.text)) and (r0.low[-1].endswith(":") or r.triggers):
            # "De raad besluit unaniem: vast te stellen de verordening": one decision
            end_k = _block_end(readings, k)
            rec = _point(doc, readings, k, end_k, None, intro, lex, date_fb, act_fb)
            rec["start"] = r0.span.start_char
            rec["text"] = doc_text(doc)[rec["start"]:rec["end"]]
            return [rec], used | set(range(k, end_k + 1))
        if gap > (3 if not recs else 4) or (len(r.low) > 40 and not u.marker and not nested):
            break  # (a long paragraph inside a point's own list, "a. ... b. ... Specifieke opdrachten ...", goes on)
        k += 1
    return recs, used


#: a point that opens with who acts: "1. Wethouder Neeleman deelt ...", "5. Het college krijgt ...", "2. Hij doet ..."
_REPORTED_SUBJECT = re.compile(r"(?i)\s*(?:[-•*–·▪◦]\s*)?\(?[0-9a-zA-Z]{1,2}[.)]?\s+(?:(?:de\s+)?(?:wethouder|burgemeester|gedeputeerde|"
                               r"portefeuillehouder|voorzitter|dijkgraaf|secretaris|directeur)\b|(?:hij|zij|ze)\s|"
                               r"(?:het|de)\s+(?:college|raad|bestuur|commissie|staten)\s+(?!besl))")


def _told_not_decided(readings: list[Reading | None], k: int, end_k: int, text: str) -> bool:
    """A numbered point that tells something without deciding it: a sentence of eight words or more that opens with
    who acts, with no verb of deciding, no "te" infinitive ("... vast te stellen") and no outcome word ("Wethouder
    Neeleman deelt met het college de actuele stand van zaken", "Het college krijgt op 30 oktober ... op bezoek")."""
    if len(text.split()) < 8 or not _REPORTED_SUBJECT.match(text):
        return False  # "1. Akkoord.", "1. Verordening parkeerbelastingen 2021": a subject with its outcome; "11. Opgaven
        # ... oppakken binnen programma's": a point without "te" (only a sentence with its own subject tells)
    if any(readings[i] is not None and readings[i].triggers for i in range(k, end_k + 1)):
        return False
    if _BOARD_THEN_INFINITIVE.match(text):
        return False  # "1. De raad informeren over ...": a point in the infinitive, what was decided (the told form
        # is finite: "Het college krijgt ...")
    return not (_TE_INF.search(text) or _DECISION_WORD.search(text))


#: a point opening with a board and an infinitive: "1. De raad informeren over", "2. Het college opdracht geven"
_BOARD_THEN_INFINITIVE = re.compile(r"(?i)\s*(?:[-•*–·▪◦]\s*)?\(?[0-9a-zA-Z]{1,2}[.)]?\s+(?:het|de)\s+(?:college|raad|gemeenteraad|"
                                    r"bestuur|commissie|staten)\s+(?:\w+\s+)?(?!hebben\b|zijn\b|worden\b|kunnen\b)"
                                    r"[a-zà-ÿ]{3,}en\b")


def _block_end(readings: list[Reading | None], k: int) -> int:
    block = readings[k].unit.block
    while k + 1 < len(readings) and readings[k + 1] is not None and readings[k + 1].unit.block == block:
        k += 1
    return k


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _next_marker(m: str, roman: bool = False) -> str:
    if m.isdigit():
        return str(int(m) + 1)
    if roman and m in _ROMAN[:-1]:  # "I." "II." "III.": the articles of a notice's "BESLUIT:"
        return _ROMAN[_ROMAN.index(m) + 1]
    return chr(ord(m) + 1)


def _point(doc: Doc, readings: list[Reading | None], k: int, end_k: int, number: str | None, intro: _Intro,
           lex: Lexicon, date_fb: tuple, act_fb: tuple) -> dict:
    r = readings[k]
    start, end = r.span.start_char, readings[end_k].span.end_char
    body = doc_text(doc)[start:end]
    body = re.sub(r"^\s*(?:[-•*–·▪◦]\s*)?\(?[0-9a-zA-Z]{1,2}[.)]?\s+", "", body) if number else body
    pred = None
    te = [i for i, w in enumerate(r.low) if w == "te" and i + 1 < len(r.low) and r.low[i + 1].isalpha()]
    verbs = [t for t in r.triggers if t.kind in ("te_inf", "inf", "present")]
    if verbs:
        pred = min(verbs, key=lambda t: t.rank(lex)).lemma
    elif te:
        i = te[0]
        inf = r.low[i + 1]
        if inf == "laten" and i + 2 < len(r.low) and r.low[i + 2].isalpha():
            inf = r.low[i + 2]
        prev = r.low[i - 1] if i else ""
        pred = (prev + inf) if prev in lex.words("particles") else inf
    elif r.triggers:
        pred = min(r.triggers, key=lambda t: t.rank(lex)).lemma
    date = intro.date
    actor = intro.actor
    if actor is None and number is None and r.triggers:  # "Voorgesteld besluit" + "Provinciale Staten stellen ... vast"
        actor = pick_actor(r, lex, min(r.triggers, key=lambda t: t.rank(lex)))
    return _record(r, doc, status=intro.status, trig=None, actor=actor, actor_fallback=act_fb,
                   date=date, date_fallback=date_fb if date is None else (None, None), start=start, end=end,
                   obj=clean_object(body), number=number, vote=intro.vote, predicate=pred, idx=k)


def _meeting_chair(doc: Doc) -> None:
    """'De voorzitter opent de vergadering': in the record of a body's meeting (its decision list, minutes or
    agenda) the bare word names the chair of that body (kb_bodies.json ``meeting_chair``), an ORGAN mention."""
    from .kb import load_kb

    meeting = doc._.meeting or {}
    target = load_kb().meeting_chair.get(meeting.get("body") or "")
    if doc._.layout not in ("decision_list", "minutes", "agenda") or not target or "entities" not in doc.spans:
        return
    text = doc_text(doc)
    spans = list(doc.spans["entities"])
    taken = [(e.start_char, e.end_char) for e in spans]
    for m in CHAIR_RE.finditer(text):
        span = doc.char_span(m.start(), m.end(), label="ORGAN")
        if span is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        span._.canonical = target
        spans.append(span)
    doc.spans["entities"] = sorted(spans, key=lambda e: e.start_char)


def _meeting_body_mention(doc: Doc) -> None:
    """"Verslag bestuurlijk overleg programmeringsafspraken Hellendoorn": the body whose meeting the head records is an
    ORGAN mention there, also where its name is one the KB does not know (the meeting was read from the head's shape)."""
    meeting = doc._.meeting or {}
    body, words = meeting.get("body"), (meeting.get("body_text") or "").strip()
    if doc._.layout not in ("decision_list", "minutes", "agenda") or not body or len(words) < 4 or "entities" not in doc.spans:
        return
    text = doc_text(doc)
    at = text.find(words, 0, 3000)
    if at < 0 or re.search(r"\d", words):
        return
    spans = list(doc.spans["entities"])
    end = at + len(words)
    if any(e.start_char < end and at < e.end_char and (e.label_ == "ORGAN" or not (at <= e.start_char and e.end_char <= end))
           for e in spans):
        return
    span = doc.char_span(at, end, label="ORGAN", alignment_mode="contract")
    if span is None or not len(span):
        return
    span._.canonical = body
    spans = [e for e in spans if not (at <= e.start_char and e.end_char <= end)] + [span]  # (its place is in its name)
    doc.spans["entities"] = sorted(spans, key=lambda e: e.start_char)


@Language.factory("spoor_decisions")
def make_decisions(nlp: Language, name: str):
    """The ``spoor_decisions`` component: sets ``doc._.decisions``."""
    lex = load_lexicon()

    def decisions(doc: Doc) -> Doc:
        # A failure is not caught here: extract.run_pipeline reports it (file and component) and marks
        # the document, instead of storing it as if it held no decisions.
        doc._.decisions = find_decisions(doc, lex)
        _meeting_chair(doc)
        _meeting_body_mention(doc)
        return doc

    return decisions
