"""The layout of a decision document, for ``spoor_decisions``: who speaks, which meeting, which items.

Sentences alone do not say who decided in a decision list ("Vastgesteld."), minutes ("Verslag is
besproken en akkoord.") or a letter ("Wij wijzen uw verzoek af."). This module reads the document's
frame from ``data/structure.json``:

* :func:`read_context` -> :class:`Context`: the layout (decision list, minutes, agenda, motion,
  notice, proposal, letter), the meeting (body and date, from the title line, a labelled field or
  the lines under the title), the issuing body (the meeting's body; else the signature, "Gedeputeerde
  Staten van Overijssel, namens deze," with the mandate holder; else the government of the letterhead).
* :func:`structure_decisions`: records read from that frame: numbered items with an outcome
  ("Aangenomen.", "Het verslag wordt ongewijzigd vastgesteld", "Besluit:" blocks, the chair's
  conclusion) as decisions of the meeting's body on the meeting's date; agenda items as proposals;
  promises in minutes ("Wethouder X zegt toe ...") on the meeting's date; a motion's requests (with
  the outcome its record states, "Uitslag: Aangenomen"); a letter's refusal, its first-person
  requests (on the letter's date, never the deadline they name), its convocation of a meeting;
  earlier decisions cited as noun phrases.
* :func:`adoption_formula`: the "Aldus besloten in de vergadering van <date>" line that dates the
  "besluit:" block of a resolution or notice.
* :func:`body_id`: the body a meeting's words name; an actor is always a body id, never a title.

Records are dicts with the keys of ``models.Decision`` (without ``doc_id``/``page``) plus ``_item``:
the character range of the item they were read from.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Span

from ..ingest.clean import run_in_heading

from .dates_scan import scan_dates
from .government import lookup
from .kb import load_kb
from .register import read_register
from .reading import compare_dates, load_lexicon, strip_label
from .segment import EMPTY_FIELDS, ends_no_sentence, is_prose, label_column, tells

_log = logging.getLogger(__name__)

DATA_PATH = Path(__file__).parent / "data" / "structure.json"
_HEAD_LINES = 45
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEK = re.compile(r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$")
_ITEM = re.compile(
    r"^[ \t]*(?:[-•*▪–][ \t]*)*(?:(?:agendapunt|punt|item)[ \t]+)?"
    r"(?P<num>\d{1,2}(?:[a-z]|\.\d{1,2})?(?:\.(?:[a-z]|\d{1,2})(?![\w]))*|[A-Z]\.\d{1,2}|[a-zA-Z](?=[.)]))[.)]?(?:[ \t]+(?P<title>\S.*))?$", re.I)
_BULLET = re.compile(r"^[ \t]*(?:[-•*▪–·][ \t]*)+")
#: a point of a resolution: a te-infinitive ("De nota vast te stellen", "In te stemmen met ...", "Een voorziening in
#: te stellen")
_RESOLVES = re.compile(r"(?i)\bte\s+[a-zà-ÿ]{2,}en\b")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\b")  # "00:10:00 - 00:12:00 - H.C. Klavers": a speaker in a meeting's recording
_BARE_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*[a-z]?\.?")
#: the label of what is put to the meeting, on a line of its own above it: "Voorgesteld besluit" (iBabs, Notubiz)
_PROPOSED_LABELS = ("voorgesteld besluit", "voorgestelde besluit", "ontwerpbesluit", "beslispunten", "voorstel")
_PROPOSED_LABEL = re.compile(r"(?i)\s*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _PROPOSED_LABELS)
                             + r")[ \t]*:?[ \t]*\n\s*(?=\S)")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[\"'“(]?[A-Z0-9])")
_COUNTS = re.compile(r"^(\d+)-(\d+)$")
_MEETING_TITLE = re.compile(r"^\S+(?:\s+\S+)?\s+van\s+de\s+(?:openbare\s+|besloten\s+)?(?:\w+\s+)?vergadering\b")
#: "Het college van dijkgraaf en heemraden nam in de vergadering van dinsdag 24 november de volgende besluiten:",
#: "In zijn vergadering van 3 maart 2020 heeft het college de volgende besluiten genomen": a list of what a meeting decided
_DECIDED_AT = re.compile(r"\b(?:in|tijdens)\s+(?:de|zijn|haar|hun)\s+(?:\w+\s+)?vergadering\s+van\s+[^.]{0,40}?\d{1,2}\s+[a-z]+"
                         r"[^.]{0,60}?\b(?:de\s+)?(?:volgende\s+)?besluit(?:en)?\b")
_HELD_MEETING = re.compile(r"^(?:openbare\s+|besloten\s+)?vergadering\s+(?:van\s+)?(?:de\s+|het\s+)?\S+(?:\s+\S+){0,5}?\s+gehouden\s+op\b")
#: a scanned record's head, its line breaks lost: "... Openbare vergadering van de raad der gemeente Zundert op dinsdag
#: 26 juni 1973 om 19.30 uur ..." (the body that met and its day, early in the first line)
_MEETING_OF_ON = re.compile(r"\bvergadering\s+van\s+de\s+(?:gemeente)?raad\s+(?:der|van\s+de)\s+gemeente\s+[a-zà-ÿ\-]+"
                            r"(?:\s+[a-zà-ÿ\-]+){0,3}?,?\s+(?:gehouden\s+)?op\s+(?:[a-z]+dag\W?\s+)?\d{1,2}\s+[a-z]+\s+(?:19|20)\d\d\b")
_PUBLISHED_RECORD = re.compile(r"\b(besluitenlijst|notulen|verslag)\s+(?:van\s+de\s+)?(?:openbare\s+)?"
                               r"(?:raads|commissie|staten|bestuurs|college)?vergadering\b[^.]{0,40}?\b\d{1,2}\s+[a-z]+\s+(?:19|20)\d\d\b")
#: a proposal's field naming the meeting it goes to: "Raadsvergadering : 21 februari 2013"
_FOR_MEETING = re.compile(r"(?i)[ \t]*(?:[0-9]{1,3}[ \t]+)?(?:datum[ \t]+)?(?:raads|staten)vergadering[ \t]*:[ \t]*"
                          r"(?:\w+dag[ \t]+)?\d{1,2}[ \t]+[a-z]+[ \t]+(?:19|20)\d\d")
#: how a proposal puts its points or is addressed: "Voorgesteld wordt:", "stellen wij u voor", "Aan de raad,"
_PROPOSES = re.compile(r"(?i)\bvoorgesteld\s+wordt\b|\bstellen\s+(?:wij|we)\s+(?:u|de\s+raad)\s+voor\b"
                       r"|\bwij\s+stellen\s+(?:u|de\s+raad)\s+voor\b|^\s*aan\s+de\s+(?:gemeente)?raad\b", re.M)
_CELLS = re.compile(r"\t+|[ \t]+\|[ \t]*|[ \t]*\|[ \t]+")


@lru_cache(maxsize=2)
def load_structure(path: str = str(DATA_PATH)) -> dict[str, Any]:
    """The layout vocabulary (``data/structure.json``)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


@dataclass
class Context:
    """What frames a document's decisions: its layout, its meeting and its issuing body."""

    layout: str | None = None
    issuer: str | None = None
    issuer_text: str | None = None
    meeting_body: str | None = None
    meeting_body_text: str | None = None
    meeting_date: str | None = None
    meeting_date_text: str | None = None
    mandate_holder: str | None = None
    doc_date: str | None = None

    @property
    def meeting(self) -> dict | None:
        """``{"body", "body_text", "date"}`` for decision lists, minutes and agendas, else None."""
        if not self.meeting_body and not self.meeting_date:
            return None
        return {"body": self.meeting_body, "body_text": self.meeting_body_text, "date": self.meeting_date}


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        s = raw.strip()
        if s:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(s), s))
        pos += len(raw) + 1
    return out


def _starts(low: str, phrases: list[str]) -> str | None:
    for p in sorted(phrases, key=len, reverse=True):
        if low == p or (low.startswith(p) and not low[len(p)].isalnum() and low[len(p)] not in "_-+/"):
            return p
    return None


def _clean_head(s: str) -> str:
    s = re.sub(r"^[\s#*_>\-–•]+", "", s).strip().lower()
    s = re.sub(r"^(?:nieuwsbericht|persbericht|nieuws)\s*[:\-–]?\s+(?=(?:kort\s+)?(?:verslag|besluitenlijst|notulen)\b)", "", s)
    s = re.sub(r"^kort\s+(?=verslag\b)", "", s)  # "Nieuwsbericht Kort verslag regiocommissie op 23 juni 2010"
    s = re.sub(r"^[a-z]{2,6}_(?=[a-z])", "", s)  # "HRL_Algemeen Bestuur": a system's code before the meeting's body
    return re.sub(r"^(?:nr\.?\s*\d+\s+|\d{1,3}(?:\s\d{3})?\s+(?=[a-z]))", "", s)  # "Nr. 143 MOTIE VAN ..."


def _slug(s: str) -> str:
    return re.sub(r"[^0-9a-zà-ÿ]+", "_", s.lower()).strip("_")


@lru_cache(maxsize=1)
def _kb_bodies() -> tuple[dict, ...]:
    path = Path(__file__).parent / "data" / "kb_bodies.json"
    return tuple(json.loads(path.read_text(encoding="utf-8"))["bodies"])


def _kb_body_ids() -> frozenset[str]:
    return frozenset(b["id"] for b in _kb_bodies())


def _offices() -> frozenset[str]:
    """Offices of one person in a council or board (wethouder, gedeputeerde, dijkgraaf) whose "zal ..." in
    minutes is a promise to that meeting; a minister's "zal de brief sturen" in a cabinet's decision list is
    a follow-up, not a promise."""
    return frozenset(b["id"] for b in _kb_bodies() if b.get("person_office") and b.get("level") != "rijk")


def body_id(words: str, data: dict | None = None) -> str | None:
    """The body id a meeting's words name: "raadsvergadering" -> gemeenteraad, "Bestuurlijk overleg wind
    ZSDZ" -> bestuurlijk_overleg, "Beeldvormende vergadering" -> beeldvormende_vergadering; None when the
    words name no body (an actor is a body, never an id made from a title)."""
    data = data or load_structure()
    low = " ".join(re.sub(r"[^\w&.\- ]+", " ", words.lower()).split())
    if not low:
        return None
    if low in data["meeting_bodies"]:
        return data["meeting_bodies"][low]
    if _slug(low) in _kb_body_ids():
        return _slug(low)
    if any(re.search(r"\b" + re.escape(w) + r"\b", low) for w in data["not_meetings"]):
        return None
    for head, body in sorted(data["body_heads"].items(), key=lambda kv: -len(kv[0])):
        compound = head.endswith(("vergadering", "overleg"))  # "werkoverleg", "bestuursvergadering"
        if re.search((r"(?:^|\s|\w)" if compound else r"(?:^|\s)") + re.escape(head) + r"\b", low):
            return body
    return None


# --------------------------------------------------------------------------- the frame
def read_context(text: str, organs: list[Span], dates: list[Span], doc_date: str | None,
                 known: dict | None = None) -> Context:
    """The layout, meeting and issuer of a document (``known``: what an earlier chunk found)."""
    data = load_structure()
    ctx = Context(doc_date=doc_date)
    if known and (known.get("issuer") or known.get("meeting") or known.get("layout")):
        meeting = known.get("meeting") or {}
        ctx.layout = known.get("layout")
        ctx.issuer, ctx.issuer_text = known.get("issuer"), known.get("issuer_text")
        ctx.meeting_body, ctx.meeting_body_text = meeting.get("body"), meeting.get("body_text")
        ctx.meeting_date = meeting.get("date")
        return ctx
    lines = _lines(text)
    head = lines[:_HEAD_LINES]
    ctx.layout, title_idx = _layout(head, text, data)
    if ctx.layout is None and any(_starts(ln.text.lower().rstrip(" :"), ["vergaderdatum", "datum vergadering"])
                                  for ln in lines[:150]):
        ctx.layout, title_idx = "proposal", -1  # a proposal to a meeting, its fields below a table
    if ctx.layout is None and any(_FOR_MEETING.match(ln.text) for ln in lines[:12]) and _PROPOSES.search(text[:6000]):
        ctx.layout, title_idx = "proposal", -1  # "Raadsvergadering : 21 februari 2013 / ... / Aan de raad, ... Voorgesteld
        # wordt: 1. ...": a proposal to that meeting
    if ctx.layout == "proposal" and 0 <= title_idx < len(head):
        kind = _starts(_clean_head(head[title_idx].text), list(data["proposal_bodies"]))
        if kind:  # "Raadsvoorstel": to the council; "Statenvoorstel": to the States; "Voordracht voor het college"
            ctx.meeting_body, ctx.meeting_body_text = data["proposal_bodies"][kind], head[title_idx].text.strip()
    if ctx.layout in ("decision_list", "minutes", "agenda", "proposal"):
        _meeting(ctx, lines[:150] if ctx.layout == "proposal" else head, title_idx, organs, dates, data)
    if ctx.layout in ("decision_list", "minutes", "agenda") and ctx.meeting_body:
        ctx.issuer, ctx.issuer_text = ctx.meeting_body, ctx.meeting_body_text
    elif ctx.layout == "motion" and _motion_body(lines, organs, data):
        ctx.issuer, ctx.issuer_text = _motion_body(lines, organs, data)[1:]
    else:
        _signature(ctx, text, lines, organs, data)
        if ctx.layout == "proposal" and ctx.issuer and ctx.issuer == ctx.meeting_body and ctx.issuer in data["proposers"]:
            # "De raad voornoemd," under the raadsbesluit a raadsvoorstel carries: the proposal is the college's
            ctx.issuer, ctx.issuer_text = data["proposers"][ctx.issuer], None
        if ctx.issuer in data["collective_bodies"] and ctx.layout in ("letter", None):
            plural = len(re.findall(r"(?i)\b(?:wij|we)\b", text))
            from_board = re.search(r"(?i)\bvan\s+(?:het\s+)?college\s+(?:van\s+b&w\s+)?aan\s+de\s+(?:gemeente)?raad\b", text[:3000])
            # (not a body that signs with a mandate holder under it: "Burgemeester van de gemeente Amsterdam" /
            # "Namens deze," signs the mayor's own decision, whoever "wij" are in the letter)
            mandated = ctx.issuer_text and re.search(
                re.escape(ctx.issuer_text) + r"[^\n]{0,60}\s*namens\s+dezen?\b", text[-3000:], re.I)
            if (plural > len(re.findall(r"(?i)\bik\b", text)) or from_board) and not mandated:
                # a wethouder signs what "wij", the college, write ("Ter informatie van college aan de gemeenteraad")
                ctx.issuer, ctx.issuer_text = data["collective_bodies"][ctx.issuer], None
    if ctx.issuer and not ctx.issuer_text:  # the issuer as the document names it (a default body, a signing role)
        ctx.issuer_text = next((o.text for o in organs if o._.canonical == ctx.issuer), None)
    if ctx.layout in ("decision_list", "minutes", "agenda") and ctx.meeting_date and not ctx.meeting_body \
            and ctx.issuer and ctx.issuer not in _offices() and any(
                o._.canonical == ctx.issuer and o.start_char < 400 for o in organs):
        # "Besluitenlijst vergadering 2 april 2024" / "Het college van burgemeester en wethouders Barendrecht van 2 april
        # 2024": the body its head names is the one that met
        ctx.meeting_body = ctx.issuer
        ctx.meeting_body_text = ctx.issuer_text
    if ctx.meeting_body in _MEETING_FORMS:  # "Besluitvormende raadsvergadering": the council, meeting to decide
        ctx.meeting_body = _MEETING_FORMS[ctx.meeting_body]
        if ctx.issuer in _MEETING_FORMS:
            ctx.issuer = ctx.meeting_body
    if ctx.layout == "decision_list" and ctx.meeting_date and not ctx.meeting_body:
        holder = _portfolio_board(lines, organs)
        if holder:  # "Portefeuillehouder / Wethouder Jansma" over each item: the college's list (its members' items)
            ctx.meeting_body, ctx.meeting_body_text = holder, None
            ctx.issuer = ctx.issuer or holder
    if ctx.layout == "decision_list" and ctx.meeting_date and not ctx.meeting_body:
        proposer = _proposer_by_business(text, data)
        if proposer:  # "Besluitenlijst 23 april 2024" with no body named, whose items answer the council's questions and
            # put plans to it ("Dit voornemen ter besluitvorming voor te leggen aan de gemeenteraad"): the college's list
            ctx.meeting_body = ctx.issuer = proposer
            ctx.meeting_body_text = ctx.issuer_text = next((o.text for o in organs if o._.canonical == proposer), None)
    return ctx


#: a form of meeting named as a body in the knowledge base, and the body that meets in it
_MEETING_FORMS = {"besluitvormende_vergadering": "gemeenteraad"}


#: what only the board that prepares an assembly's business decides: to put a matter to the assembly, to inform it,
#: to answer its members' questions ("voor te leggen aan de gemeenteraad", "de raad te informeren", "Beantwoording
#: raadsvragen"); the assembly is the group's name
_ASSEMBLY = {"gemeenteraad": "gemeenteraad", "raad": "gemeenteraad", "raads": "gemeenteraad",
             "staten": "provinciale_staten", "provinciale staten": "provinciale_staten",
             "algemeen bestuur": "algemeen_bestuur"}
_ASSEMBLY_WORDS = r"(?:gemeenteraad|raad|provinciale\s+staten|staten|algemeen\s+bestuur)"
_TO_ASSEMBLY = re.compile(
    r"(?i)\b(?:(?:voor\s+te\s+leggen|aan\s+te\s+bieden|toe\s+te\s+sturen|te\s+sturen|voor\s+te\s+stellen)\s+aan\s+"
    rf"(?:de\s+|het\s+)?(?P<a>{_ASSEMBLY_WORDS})\b"
    rf"|\b(?:de\s+|het\s+)?(?P<b>{_ASSEMBLY_WORDS})\s+(?:te\s+informeren|voor\s+te\s+stellen)\b"
    r"|\bbeantwoording\s+(?:van\s+(?:de\s+)?)?(?:schriftelijke\s+)?(?P<c>raads|staten)vragen\b)")
#: a board's decision to put a matter to its assembly: "De raad met bijgevoegd raadsvoorstel voor te stellen ...",
#: "De gemeenteraad te adviseren om ...", "Provinciale Staten voor te stellen ..."
_TO_ASSEMBLY_POINT = re.compile(
    rf"(?i)\W*(?:\d{{1,2}}[.)]\s*)?(?:de\s+|het\s+)?{_ASSEMBLY_WORDS}\b"
    r"[^.;:]{0,120}?\b(?:voor\s+te\s+stellen|te\s+adviseren|voor\s+te\s+leggen)\b")


#: the member of a board who brings an item, and the board: "Portefeuillehouder: wethouder Jansma" on a college's list
_PORTFOLIO_HOLDERS = {"wethouder": "college_bw", "burgemeester": "college_bw", "gedeputeerde": "gedeputeerde_staten",
                      "commissaris_van_de_koning": "gedeputeerde_staten"}
_PORTFOLIO_LABEL = re.compile(r"(?i)\s*(?:portefeuillehouder|portefeuille|verantwoordelijk\s+portefeuillehouder)\b")


def _portfolio_board(lines: list[_Line], organs: list[Span]) -> str | None:
    """The board a decision list's items belong to when each names its portfolio holder ("Portefeuillehouder" /
    "Wethouder Jansma", twice or more, all of one board): the college, or Gedeputeerde Staten."""
    boards = []
    labels = 0
    for k, ln in enumerate(lines):
        if not _PORTFOLIO_LABEL.match(ln.text):
            continue
        labels += 1
        for cand in (ln, lines[k + 1] if k + 1 < len(lines) else None):
            os_ = _organs_in(organs, cand.start, cand.end) if cand is not None else []
            if os_ and os_[0]._.canonical in _PORTFOLIO_HOLDERS:
                boards.append(_PORTFOLIO_HOLDERS[os_[0]._.canonical])
                break
    if not boards and labels >= 2 and lines:  # "Portefeuillehouder" / "Verbeek, L.": the members by name only; the
        # executive board of the government the text speaks of
        words = " ".join(ln.text for ln in lines).lower()
        if re.search(r"\bgedeputeerde|\bprovincia|\bprovincie\b|\bstaten\b", words):
            return "gedeputeerde_staten"
        if re.search(r"\bwaterschap|\bhoogheemraadschap|\bdijkgraaf", words):
            return "dagelijks_bestuur"
        return "college_bw" if re.search(r"\bwethouder|\bburgemeester|\bb\s?&\s?w\b|\bgemeenteraad|\bgemeente\b", words) \
            else None  # ("het college" alone may be Gedeputeerde Staten's)
    return boards[0] if len(boards) >= 2 and len(set(boards)) == 1 else None


def _proposer_by_business(text: str, data: dict) -> str | None:
    """The board whose decision list this is, told by its business when its head names no body: the proposer of
    the assembly its decisions address (two such decisions, all to one assembly)."""
    found = set()
    count = 0
    for m in _TO_ASSEMBLY.finditer(text):
        word = " ".join((m.group("a") or m.group("b") or m.group("c")).lower().split())
        found.add(_ASSEMBLY[word])
        count += 1
    if count >= 2 and len(found) == 1:
        return data["proposers"].get(found.pop())
    return None


#: a letter's closing on a line of its own, wherever it stands (annexes may follow a signed letter)
_CLOSING_LINE = re.compile(r"(?im)^[ \t]*(?:hoogachtend|met (?:een )?vriendelijke groet(?:en)?)\b")


def _layout(head: list[_Line], text: str, data: dict) -> tuple[str | None, int]:
    layouts = data["layouts"]
    for i, ln in enumerate(head[:12]):
        low = ln.text.lower()
        if any(p in low for p in layouts["notice"]):
            for k, record in enumerate(head[i:i + 4], start=i):  # "Gemeenteblad ... Gemeente Nijkerk - Besluitenlijst
                # raadsvergadering 25 maart 2021": a meeting's record published in the official journal
                m = _PUBLISHED_RECORD.search(_clean_head(record.text))
                if m:
                    return ("decision_list" if m.group(1) == "besluitenlijst" else "minutes"), k
            return "notice", i
    page = _meeting_page(head, data)
    told = False  # a sentence seen: a paragraph of prose stands above
    for i, ln in enumerate(head):
        if page is not None and page < i:
            break  # (a meeting's page: its "Agenda documenten" and items come after the body and the day)
        low = _clean_head(ln.text)
        if told and low == "agenda" and i + 1 < len(head) and is_prose(head[i + 1].text):
            continue  # "Agenda" over a news item's third paragraph: a heading in the story, not the document's title
            # (a liveblog's "Agenda" over "1 Opening en mededelingen" is the meeting's agenda)
        told = told or tells(low)
        if len(low.split()) > 16 and not _MEETING_TITLE.match(low) and not re.match(r"(?:motie|amendement)\s*:", low) \
                and not (i == 0 and re.search(r"\b\d{1,2}\s+[a-z]+\s+(?:19|20)\d\d\b", low[:120])) \
                and not (re.match(r"(?:concept[- ]?)?(?:besluitenlijst|notulen|verslag)\b", low)
                         and re.search(r"\b\d{1,2}\s+[a-z]+\s+(?:19|20)\d\d\b", low[:300])):
            continue  # a sentence, unless it is "Notulen van de openbare vergadering van de gemeenteraad van X, gehouden
            # op ...", a motion's labelled title, or a first line that runs on, its line breaks lost ("Besluitenlijst 8e
            # vergadering gemeenteraad, 11 juli 2023 Voorzitter: ...")
        if i >= 2 and len(low.split()) <= 16 and re.match(r"\s*\d{1,2}[.)]?\s+\D", ln.text):
            continue  # an agenda's item under its title: "5 concept-besluitenlijst raad 22 februari 2018"
        for kind in ("decision_list", "minutes", "agenda", "motion", "proposal"):
            if _starts(low, layouts[kind]):
                if kind == "minutes" and any(w in low for w in data["not_meetings"]):
                    break  # "Verslag van een schriftelijk overleg": written questions, no meeting
                return kind, i
    bodies = "|".join(re.escape(b) for b in sorted(data["resolution_list_bodies"], key=len, reverse=True))
    for i, ln in enumerate(head[:3]):  # "BESLUIT AB 10 oktober 2024 Begroting 2025": the points a meeting decided
        if re.match(r"(?:de\s+)?besluit(?:en)?\s+(?:van\s+(?:het|de)\s+)?(?:" + bodies + r")\s+(?:van\s+|d\.d\.\s+)?\d{1,2}\s+[a-z]+\s+(?:19|20)\d\d\b",
                    _clean_head(ln.text)):  # (and "De besluiten van het college van burgemeester en wethouders van 2 juli 2024.")
            return "decision_list", i
    for i, ln in enumerate(head[:3]):  # "Bestuur Besluitenlijst van B&W van 8 februari 2024": a site's section before it
        if _NAMED_LIST.match(_clean_head(ln.text)):
            return "decision_list", i
    for i, ln in enumerate(head[:6]):
        if _starts(_clean_head(ln.text), data["promise_lists"]):
            return "promise_list", i
    for i, ln in enumerate(head[:3]):
        if _HELD_MEETING.match(_clean_head(ln.text)):
            return "minutes", i  # "Vergadering gemeenteraad Den Haag gehouden op vrijdag 29 november 2024"
    for i, ln in enumerate(head[:2]):
        m = _MEETING_OF_ON.search(_clean_head(ln.text)[:400])
        if m and m.start() <= 200:
            return "minutes", i
    for i, ln in enumerate(head[:5]):
        if len(ln.text.split()) <= 30 and _DECIDED_AT.search(_clean_head(ln.text)):
            return "decision_list", i
    for i, ln in enumerate(head[:3]):  # "Collegevergadering 12 juni 2023" over items that each end in "Besluit / akkoord."
        low = _clean_head(ln.text)
        body_day = re.fullmatch(r"([a-zà-ÿ&][a-zà-ÿ& ]{1,40}?)\s+\d{1,2}\s+[a-z]+\s+(?:19|20)\d\d", low)
        # ("Dagelijks Bestuur 12 maart 2018": the body that met and its day)
        if (_MEETING_DAY_TITLE.fullmatch(low) or (body_day and body_id(body_day.group(1), data))) and len(
                re.findall(r"(?im)^[ \t]*besluit[ \t]*:?[ \t]*(?:$|\S.{0,40}$)", text)) >= 2:
            return "decision_list", i
    if page is not None:  # after the meeting its page tells what it decided: "Besluit" under each item
        decided = re.search(r"(?im)(?:^[ \t]*|[.;)][ \t]+)besluit[ \t]*:?[ \t]*$", text) \
            or len(_PAGE_OUTCOME.findall(text)) >= 2  # (or closing the item's line; or its items' outcomes told:
        # "Het besluit bij de voordracht is vastgesteld met algemene stemmen.", "Status: Verworpen")
        if not decided and re.search(r"(?im)^[ \t]*toezegging(?:en)?[ \t]*:?[ \t]*$", text):
            return "minutes", page  # "Toezeggingen:" under an item: the page tells what the meeting promised
        return ("decision_list" if decided else "agenda"), page
    tail = text[-3000:].lower()
    if any(c in tail for c in data["letter_closings"]) or _CLOSING_LINE.search(text) or any(
            re.search(r"^\s*" + re.escape(o) + r"\b", text[:4000], re.I | re.M) for o in data["letter_openings"]):
        return "letter", -1
    return None, -1


#: an outcome a meeting's page tells of an item: "is vastgesteld met algemene stemmen", "die na stemming is verworpen",
#: "Status: Aangenomen" (not "De notulen zijn reeds vastgesteld in de raadsvergadering van 16 maart": an earlier session's)
_PAGE_OUTCOME = re.compile(r"(?i)\b(?:is|zijn|werd|werden)\s+(?!reeds\b|al\b|eerder\b)(?:\w+\s+){0,3}"
                           r"(?:vastgesteld|aangenomen|verworpen|ingetrokken)\b(?!\s+(?:in|bij|tijdens)\s+de\s+\w*vergadering\s+van)"
                           r"|\b(?:status|uitslag)\s*:\s*(?:aangenomen|verworpen|ingetrokken|aangehouden)")
#: a decision list's title after a word or two of the site's path: "Bestuur Besluitenlijst van B&W van 8 februari 2024"
_NAMED_LIST = re.compile(r"(?:[a-z]+\s+){1,2}besluitenlijst\s+(?:van\s+)?(?:het\s+|de\s+)?(?:college|b\s?&\s?w|b\s+en\s+w|"
                         r"burgemeester\s+en\s+wethouders|gemeenteraad|raad|dagelijks\s+bestuur|algemeen\s+bestuur)\b"
                         r"[^\n]{0,40}?\b\d{1,2}\s+[a-z]+\s+(?:19|20)\d\d\s*$")
_MEETING_DAY_TITLE = re.compile(r"(?:college|raads|staten|bestuurs|commissie|b&w-?|db-?|ab-?)?vergadering\s+(?:van\s+)?"
                                r"(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag\s+)?\d{1,2}\s+[a-z]+\s+(?:19|20)\d\d")


def _meeting_page(head: list[_Line], data: dict) -> int | None:
    """A meeting's page in a council information system (iBabs, Notubiz, a web page): a line that is the body or the
    meeting alone ("Algemeen bestuur en dagelijks bestuur", "Commissie Watersysteembeheer", "RAADSVERGADERING"), its
    day, its fields as labels ("Datum", "Aanvang", "Locatie", "Voorzitter") and its items ("1. Opening",
    "Agendapunten"): that meeting's page; the line of the body, or None."""
    bodies = "|".join(re.escape(b) for b in sorted(data["resolution_list_bodies"] + data["meeting_page_bodies"]["bodies"]
                                                   + list(data["body_heads"]), key=len, reverse=True))
    body_line = re.compile(rf"(?:\(\w{{1,6}}\)\s*|\d{{1,2}}\.\s+)?(?:openbare\s+)?(?:vergadering\s+(?:van\s+)?(?:de|het)\s+)?"
                           rf"(?:{bodies})(?:\s+(?:en|&)\s+(?:{bodies}))?(?:\s+vergadering)?"
                           rf"(?:\s+(?:besluitvormend|oordeelsvormend|beeldvormend|informerend))?"
                           r"(?:\s*[-–,]\s*(?:[a-z]+dag\s+)?\d{1,2}\s+[a-z]+\s+(?:19|20)\d\d"
                           r"|(?:\s*[-–,]\s*|\s+)\d{1,2}-\d{1,2}-(?:19|20)\d\d)?")
    # ("Raadsvergadering - 24 mei 2016", "Provinciale Staten 30-05-2018": the day on the body's line)
    # ("01. AB Besluitvormend": the meeting's order before the body, the session's kind after)
    named = re.compile(r"(?:[a-zà-ÿ]+e\s+)?(?:raads|staten)?commissie(?:\s+[a-zà-ÿ][\w&,\- ]{2,60})?")
    # ("Commissie Watersysteembeheer", "Informatieve commissie")
    for i, ln in enumerate(head[:10]):
        low = _clean_head(ln.text)
        timed = _timed_title(head, i)
        if low.endswith(":") or not (body_line.fullmatch(low) or named.fullmatch(low) or timed):
            continue  # (not a label: "Overleg:" heads a field of minutes)
        if timed and (body_line.fullmatch(low) or named.fullmatch(low)):
            return i  # "Raad" / "dinsdag 23 maart 2021" / "21:00 - 23:00": a body's meeting, its day and its hours
        below = head[i + 1:i + 16]
        labels = {_starts(x.text.lower().strip().rstrip(" :"), data["meeting_page_labels"]["labels"]) for x in below}
        labels.discard(None)
        items = any(re.match(r"\s*\d{1,2}[.)]?\s+opening\b", x.text.lower()) for x in head[i + 1:]) or any(
            _clean_head(x.text).rstrip(" :") in ("agenda", "agendapunten") for x in below) or any(
            re.fullmatch(r"\s*1[.)]?\s*", x.text) and re.match(r"\s*opening\b", y.text.lower())
            for x, y in zip(head[i + 1:], head[i + 2:]))  # ("1" / "Opening": the number on a line of its own)
        dated = any(m.kind == "date" and m.y is not None for x in head[i:i + 4] for m in scan_dates(x.text))
        if items and (("datum" in labels and len(labels) >= 3) or (dated and (labels or i + 4 < len(head)))):
            return i
    return None


_TIME_RANGE = re.compile(rf"\s*{_CLOCK.pattern}\s*[-–]\s*{_CLOCK.pattern}\s*(?:uur)?\s*")


def _timed_title(head: list[_Line], i: int) -> bool:
    """A meeting's name over its day and its hours ("Zaanstad Beraad Raadzaal" / "donderdag 15 september 2022" /
    "18:30 - 22:51"), as a council information system heads a meeting's page whatever the meeting is called."""
    low = _clean_head(head[i].text)
    if not low or len(low.split()) > 6 or re.search(r"\d", low) or i + 2 >= len(head):
        return False
    day = [m for m in scan_dates(head[i + 1].text) if m.kind == "date" and m.y is not None]
    return bool(day) and bool(_TIME_RANGE.fullmatch(head[i + 2].text))


def _day_dates(dates: list[Span], start: int, end: int) -> list[Span]:
    """The dates of one day between ``start`` and ``end``, and weeks ("Volgnummer: week 22, 2022": a weekly list's)."""
    return [d for d in dates if start <= d.start_char and d.end_char <= end and (
        _DAY.match(str(d._.value or "")) or (d.text[:4].lower() == "week" and _WEEK.match(str(d._.value or ""))))]


def _organs_in(organs: list[Span], start: int, end: int) -> list[Span]:
    return [o for o in organs if start <= o.start_char and o.end_char <= end]


def _label_column(head: list[_Line]) -> dict[int, int]:
    return label_column([ln.text for ln in head])


def _meeting(ctx: Context, head: list[_Line], title_idx: int, organs: list[Span], dates: list[Span], data: dict) -> None:
    labels = data["meeting_labels"]
    column = _label_column(head)
    # labelled fields: "Vergadering: Gemeenteraad Heerlen", "Vergaderdatum: 29 januari 2025"
    for i, ln in enumerate(head):
        low = ln.text.lower().rstrip(" :")
        lab = _starts(low, labels)
        if lab is None and i in column and _starts(low, data["meeting_body_labels"]) and ctx.meeting_body is None:
            os_ = _organs_in(organs, head[column[i]].start, head[column[i]].end)  # "Oplegnotitie voor:" ... "algemeen bestuur"
            if os_:
                ctx.meeting_body, ctx.meeting_body_text = os_[0]._.canonical, os_[0].text
            continue
        own = ctx.layout == "proposal" and ctx.meeting_body == "college_bw" and re.search(r"college|b&w|b en w", low)
        if lab is None or len(low) > len(lab) + 60 or (_starts(low, data["not_meeting_labels"]) and not own):
            continue  # "Datum collegebesluit: 23 januari 2024" is not the meeting's date (but a college proposal's)
        rest = ln.text[len(lab):].strip(" :\t")
        nxt = head[column[i]] if i in column else (head[i + 1] if i + 1 < len(head) else None)
        if rest and ln.text.rstrip().endswith(":") and not re.search(r"\d", rest):
            rest = ""  # "Datum collegevergadering:" with the date on the next line
        span_start, span_end = (ln.start, ln.end) if rest else ((nxt.start, nxt.end) if nxt else (ln.start, ln.end))
        ds = _day_dates(dates, span_start, span_end)
        if not ds and "datum" in lab and rest and not re.search(r"\d", rest) and nxt is not None:
            ds = _day_dates(dates, nxt.start, nxt.end)  # "Datum en tijdstip" with the date on the next line
        if ds and ctx.meeting_date is None and ("datum" in lab or lab.endswith("vergadering")):
            ctx.meeting_date, ctx.meeting_date_text = str(ds[0]._.value), ds[0].text
        if (lab in ("vergadering", "orgaan", "gremium", "overleg") or lab.endswith("svergadering")) and ctx.meeting_body is None:
            # ("Raadsvergadering : 21 februari 2013" over a raadsvoorstel: the council meets that day)
            # "Vergadering gemeenteraad Den Haag gehouden op vrijdag 29 november 2024": the body and the date
            os_ = _organs_in(organs, span_start, span_end)
            if os_:
                ctx.meeting_body, ctx.meeting_body_text = os_[0]._.canonical, os_[0].text
    if 0 <= title_idx < len(head):
        title = head[title_idx]
        ds = _day_dates(dates, title.start, title.end)
        held = _MEETING_OF_ON.search(title.text.lower()[:400])
        if held:  # "28 augustus 1973 ... Openbare vergadering van de raad der gemeente Zundert op dinsdag 26 juni 1973"
            ds = _day_dates(dates, title.start + held.start(), title.start + held.end()) or ds
        if ds and ctx.meeting_date is None:
            ctx.meeting_date, ctx.meeting_date_text = str(ds[0]._.value), ds[0].text
        if ctx.meeting_body is None:
            _body_from_line(ctx, title, ds[0] if ds else None, organs, data, strip_type=True)
        if ctx.meeting_body is None:  # "BESLUITENLIJST" / "van de openbare vergadering van het algemeen bestuur"
            for ln in head[title_idx + 1:title_idx + 4]:
                os_ = _organs_in(organs, ln.start, ln.end)
                if os_ and _meeting_word(ln.text.lower(), data):
                    ctx.meeting_body, ctx.meeting_body_text = os_[0]._.canonical, os_[0].text
                    break
        if ctx.meeting_date is None:  # the lines under the title: "Donderdag 8 februari 08.30 uur", "Datum: ..."
            for ln in head[title_idx + 1:title_idx + 16]:
                if re.match(r"\s*\d{1,2}[a-z]?[.)]?\s+[A-Za-z]", ln.text) and not _day_dates(dates, ln.start, ln.start + 12):
                    continue  # "4 Vaststellen besluitenlijst raadsvergadering 28 september 2023": an item's own date
                ds = _day_dates(dates, ln.start, ln.end)
                if ds:
                    ctx.meeting_date, ctx.meeting_date_text = str(ds[0]._.value), ds[0].text
                    break
    if ctx.meeting_date is None:  # "Gemeenteraad 12 oktober 2015 19:30 uur" above the type word
        for ln in head[:max(title_idx, 0) + 1]:
            ds = _day_dates(dates, ln.start, ln.end)
            if ds and (_organs_in(organs, ln.start, ln.end) or _meeting_word(ln.text.lower(), data)):
                ctx.meeting_date, ctx.meeting_date_text = str(ds[0]._.value), ds[0].text
                if ctx.meeting_body is None:
                    _body_from_line(ctx, ln, ds[0], organs, data, strip_type=False)
                break
    if ctx.meeting_body is None:  # a body alone on a head line: "MINISTERRAAD", "Gemeenteraad"
        for k, ln in enumerate(head[:max(title_idx, 0) + 4]):
            low = _clean_head(ln.text)
            os_ = _organs_in(organs, ln.start, ln.end)
            if os_ and (os_[0]._.canonical in _PORTFOLIO_HOLDERS and _PORTFOLIO_LABEL.match(head[k - 1].text if k else "")
                        or _PORTFOLIO_LABEL.match(ln.text)):
                continue  # "Portefeuillehouder" / "Wethouder Jansma": who brought the item, not the body that met
            if os_ and re.match(r"\s*[\w ]+:", ln.text) and ln.text.find(":") < os_[0].end_char - ln.start + 2:
                continue  # "Griffier: drs. C. Jansen", "Voorzitter: de heer R. Sluijs": who sat, not which body met
            if os_ and len(low.split()) <= 6:
                ctx.meeting_body, ctx.meeting_body_text = os_[0]._.canonical, _named_body(ln.text, os_[0])
                break
            if low in data["meeting_bodies"]:
                ctx.meeting_body, ctx.meeting_body_text = data["meeting_bodies"][low], ln.text.strip()
                break
    if ctx.meeting_date is None and ctx.layout in ("decision_list", "minutes", "agenda"):
        # a title run on with its meeting, line breaks lost: "Notulen van de openbare vergadering van de raad der
        # gemeente Noordwijk, gehouden op dinsdag 17 december 2002, aanvang 20.00h"
        for ln in head:
            for d in _day_dates(dates, ln.start, ln.end):
                before = " ".join(ln.text[max(0, d.start_char - ln.start - 80):d.start_char - ln.start].lower().split())
                if _HELD_ON.search(before):
                    ctx.meeting_date, ctx.meeting_date_text = str(d._.value), d.text
                    break
            if ctx.meeting_date is not None:
                break
    if ctx.meeting_body is None and ctx.layout != "proposal":  # "Beeldvormende vergadering" as a field value
        for ln in head:
            low = _clean_head(ln.text)
            if 2 <= len(low.split()) <= 5 and re.search(r"(?:vergadering|overleg|commissie|beraad)$", low) and ":" not in low:
                found = body_id(low, data)
                if found:
                    ctx.meeting_body, ctx.meeting_body_text = found, ln.text.strip()
                    break
    if ctx.meeting_body is None and ctx.layout in ("decision_list", "minutes", "agenda") and head:
        # "Iedere veertien dagen vergadert het dagelijks bestuur.": a head that says which body meets
        o = next((o for o in _organs_in(organs, head[0].start, head[-1].end) if _meets(o)), None)
        if o is not None:
            ctx.meeting_body, ctx.meeting_body_text = o._.canonical, o.text
    if ctx.meeting_body and ctx.meeting_body_text and len(ctx.meeting_body_text.split()) == 1 and head:
        # "BESLUITENLIJST OPENBARE COMMISSIEVERGADERING" over "Raadscommissie voor Ruimte, wonen en natuur": the
        # body goes by the name the head gives it
        named = [o for o in _organs_in(organs, head[0].start, head[min(len(head), max(title_idx, 0) + 4) - 1].end)
                 if o._.canonical == ctx.meeting_body and len(o.text.split()) > 1]
        if named:
            ctx.meeting_body_text = named[0].text


#: a body named as the one that meets: "vergadert het dagelijks bestuur", "een bijeenkomst van de Verenigde
#: Vergadering", "het algemeen bestuur vergadert"
_MEETS_BEFORE = re.compile(r"\b(?:vergadert|vergaderde|vergaderen|(?:vergadering|bijeenkomst|zitting)\s+van)\s+(?:het|de)\s*$")
_MEETS_AFTER = re.compile(r"\s+(?:vergadert|vergaderde|vergaderen|heeft\s+(?:op\s+.{0,30}\s+)?vergaderd)\b")


def _meets(o: Span) -> bool:
    """True when the text names body ``o`` as the one that meets (see ``_MEETS_BEFORE``, ``_MEETS_AFTER``)."""
    text = o.doc.text
    before = " ".join(text[max(0, o.start_char - 40):o.start_char].lower().split())
    return bool(_MEETS_BEFORE.search(before) or _MEETS_AFTER.match(text[o.end_char:o.end_char + 20].lower()))


_HELD_ON = re.compile(r"\b(?:gehouden|vergaderd|bijeengekomen)\s+(?:op\s+)?(?:\w+dag\s*)?,?\s*$"
                      r"|\bvergadering\s+(?:van|op)\s+(?:\w+dag\s*)?,?\s*$"
                      r"|\bvergadering\s+van\s+(?:de|het)\s+(?:[\w&'-]+\s+){1,6}(?:van|op)(?:\s+\w+dag)?\s*,?\s*$")
# ("verslag van de openbare vergadering van de Commissie Economie en Mobiliteit van 1 september 2008")


def _meeting_word(low: str, data: dict) -> bool:
    return any(re.search(r"\b" + re.escape(w), low) for w in data["meeting_words"])


def _body_from_line(ctx: Context, ln: _Line, date: Span | None, organs: list[Span], data: dict, strip_type: bool) -> None:
    """The body a title line names: an ORGAN in it, else its words between the type word and the date."""
    end = date.start_char if date is not None else ln.end
    os_ = _organs_in(organs, ln.start, end)
    if os_:
        ctx.meeting_body, ctx.meeting_body_text = os_[0]._.canonical, _named_body(ln.text[: end - ln.start], os_[0])
        return
    words = ln.text[: end - ln.start]
    words = re.sub(r"\([^)]*\)", " ", words)
    if strip_type:
        low = _clean_head(words)
        for kind in ("decision_list", "minutes", "agenda", "proposal"):
            p = _starts(low, data["layouts"][kind])
            if p:
                words = re.sub(r"^[\s#*_>\-–•]*" + re.escape(p), "", words, flags=re.I)
                if not words.strip(" ,:-–") and p in data["body_heads"]:  # "Collegebesluitenlijst 26 maart 2019"
                    at = re.match(r"[\s#*_>\-–•]*", ln.text).end()
                    ctx.meeting_body, ctx.meeting_body_text = data["body_heads"][p], ln.text[at:at + len(p)]
                    return
                break
    words = re.sub(r"^\s*(?:van\s+)?(?:de|het)?\s*(?:openbare\s+)?(?:vergadering\s+)?(?:van\s+)?(?:de|het)?\s*", "", words, flags=re.I)
    words = re.sub(r"\s*(?:,|\bd\.?d\.?|\bvan|\bop|\bgehouden(?: op)?|\bd\.d)\s*$", "", words.strip(), flags=re.I).strip(" ,:-–")
    words = re.sub(r"\s*\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s*$", "", words, flags=re.I).strip(" ,:-–")
    low = words.lower()
    if not words or len(low.split()) > 10 or low in ("vergadering", "de vergadering"):
        return
    found = body_id(words, data)
    if found:
        ctx.meeting_body, ctx.meeting_body_text = found, words
    elif strip_type and ctx.layout in ("decision_list", "minutes") and _OWN_NAME.fullmatch(words) \
            and lookup(words) is None and not any(w.lower() in STOP_WORDS for w in words.split()[:1]):
        ctx.meeting_body_text = words  # "Besluitenlijst Carrousel", "Verslag Politieke Markt": a meeting the KB
        # does not know, by its own name (its records name it in actor_text; no canonical id is made up)


def _named_body(line: str, organ: Span) -> str:
    """The name a head line gives a body: "Achterhoek Raad" for the ORGAN "Raad" a capitalised name opens, else the
    ORGAN's own text."""
    named = line.strip(" \t,:-–")
    if len(organ.text.split()) == 1 and re.fullmatch(r"(?:[A-Z][a-zà-ÿ][\w-]* ){1,2}" + re.escape(organ.text), named):
        data = load_structure()
        if not any(_starts(named.lower(), data["layouts"][kind]) for kind in data["layouts"]) \
                and not re.match(r"(?:openbare|concept|vergadering|gemeente|provincie|waterschap)\b", named.lower()):
            return named  # (not "Agenda Gemeenteraad", "Openbare Raad", "Gemeente Raad")
    return organ.text


_OWN_NAME = re.compile(r"[A-Z][\w-]{2,}(?: [A-Za-z][\w-]+){0,2}")


#: a resolution that opens with the meeting that took it: "De gemeenteraad van Enschede, in zijn openbare vergadering van
#: 12 december 2022 heeft overwogen dat:"
OPENING_MEETING = re.compile(r"(?i)^\W*(?:de|het)\s+[^,;:\n]{2,80}?,?\s+(?:bijeen\s+)?in\s+(?:zijn|haar|hun)\s+(?:openbare\s+)?vergadering\s+"
                             r"(?:van|d\.\s?d\.?|gehouden\s+op)\s+")
RESOLUTION_GROUNDS = re.compile(r"(?i)\W*(?:gelet\s+op|gelezen\s+(?:het|de)|overwegende|gehoord|gezien\s+(?:het|de))\b")


#: a resolution's operative word on a line of its own: "BESLUITEN:", "besluit:"
_OPERATIVE = re.compile(r"(?im)^[ \t]*(?:besluit|besluiten)[ \t]*:")


def _signature(ctx: Context, text: str, lines: list[_Line], organs: list[Span], data: dict) -> None:
    """The issuing body of a letter or notice: the signature, the formula, the letterhead's government."""
    closings = data["letter_closings"]
    tail_from = max(0, len(text) - 3000)
    body: Span | None = None
    for i, ln in enumerate(lines):
        if ln.start < tail_from:
            continue
        low = ln.text.lower()
        if not any(c in low or c.replace(" ", "") in low.replace(" ", "") for c in closings):
            continue  # (also "H o o g a c h t e n d," spelled out letter by letter)
        formula = any(f in low for f in data["adoption_formulas"])
        after = [o for o in organs if o.start_char >= ln.start and o.start_char - ln.end < 250
                 and not (formula and o._.canonical in data["clerks"])]  # "Aldus besloten ... De griffier, de voorzitter,"
        if after:
            body = after[0]
            break
    if body is None:  # a closing on its own line before annexes: "Hoogachtend," / "De minister van ..., namens deze,"
        for ln in lines:
            if ln.start >= tail_from or not _CLOSING_LINE.match(ln.text):
                continue
            after = [o for o in organs if o.start_char >= ln.start and o.start_char - ln.end < 250
                     and o._.canonical not in data["clerks"]]
            if after:
                body = after[0]
                break
    if body is None:  # "de minister voor Basis- en Voortgezet Onderwijs en Media, namens deze, de directeur ...":
        for i, ln in enumerate(lines):  # the body that gave the mandate, wherever the signature stands (annexes after it)
            m = re.search(r"(?i)\bnamens\s+dezen?\b", ln.text)
            if m is None:
                continue
            since = lines[i - 1].start if i and len(ln.text[:m.start()].strip(" ,")) < 3 else ln.start
            os_ = [o for o in _organs_in(organs, since, ln.start + m.start()) if o._.canonical not in data["clerks"]]
            if os_:
                body = os_[-1]
                break
    if body is None:  # "Namens burgemeester en wethouders van Zwolle, de teamleider Vergunningen": the body that
        for m in re.finditer(r"(?i)\bnamens\s+", text[tail_from:]):  # gave the mandate
            at = tail_from + m.end()
            os_ = [o for o in organs if at <= o.start_char <= at + 4 and o._.canonical not in data["clerks"]]
            if os_:
                body = os_[0]
                break
    formula_tail = any(f in text[tail_from:].lower() for f in data["adoption_formulas"])
    if body is None:  # "Gedeputeerde Staten van Overijssel," alone on a line near the end
        for ln in lines:
            if ln.start < tail_from or not ln.text.endswith(",") or re.match(r"(?i)\s*(?:geachte|beste|aan)\b", ln.text):
                continue  # (not the salutation: "Geachte wethouders duurzaamheid,")
            os_ = [o for o in _organs_in(organs, ln.start, ln.end)
                   if not (formula_tail and o._.canonical in data["clerks"])]  # "Aldus vastgesteld ... De griffier,"
            if os_ and re.search(r"[-–:]", text[ln.start:os_[0].start_char]):
                continue  # an entry of a list of letters: "Brief regering - staatssecretaris van Financiën,"
            if os_ and (len(ln.text) - len(os_[0].text) < 25 or (  # "De Staatssecretaris van Veiligheid en Justitie,"
                    os_[0].start_char - ln.start <= 4 and re.match(r"\s+van\s+[A-Z]", text[os_[0].end_char:ln.end]))):
                body = os_[0]
                break
    if body is None:  # a letter that ends with its signing body alone: "Gedeputeerde Staten van Overijssel"
        ends = [ln for ln in lines if ln.start >= tail_from and ln.text.strip()][-4:]
        for ln in reversed(ends):
            os_ = [o for o in _organs_in(organs, ln.start, ln.end) if o._.canonical not in data["clerks"]]
            if os_ and os_[0].start_char - ln.start <= 4 and re.fullmatch(
                    r"(?:\s+van\s+(?:de\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?[\s,.]*", text[os_[0].end_char:ln.end]):
                body = os_[0]
                break
    if body is None:  # a notice signed "Bergen, 23 december 2015" / "Burgemeester en wethouders van Bergen (NH)"
        tail = [ln for ln in lines if ln.start >= tail_from and ln.text.strip()]
        for i, ln in enumerate(tail):
            if not _PLACE_DATE.match(ln.text.strip()):
                continue
            for nxt in tail[i + 1:i + 3]:
                os_ = [o for o in _organs_in(organs, nxt.start, nxt.end) if o._.canonical not in data["clerks"]]
                if os_ and os_[0].start_char - nxt.start <= 4:
                    body = os_[0]
                    break
            if body is not None:
                break
    if body is None:  # "Burgemeester en wethouders van Deventer maken bekend", "Het college van ... besluit"
        for k, ln in enumerate(lines[:40]):
            os_ = _organs_in(organs, ln.start, min(ln.end, ln.start + 60))
            nxt = next((x.text for x in lines[k + 1:k + 3] if x.text.strip()), "")
            if os_ and os_[0].start_char - ln.start <= 4 and (re.search(
                    r"\b(maken bekend|maakt bekend|besluit|besluiten|hebben besloten|heeft besloten|zijn voornemens|is voornemens)\b",
                    ln.text, re.I)
                    or (ln.text.rstrip().endswith(";") and len(ln.text.split()) <= 14)
                    or (ln.text.rstrip().endswith(",") and len(ln.text.split()) <= 10 and _OPERATIVE.search(text))
                    or OPENING_MEETING.search(ln.text[:160])
                    or (len(ln.text.split()) <= 10 and RESOLUTION_GROUNDS.match(nxt))):
                body = os_[0]  # (the opening of a resolution: "De raad van de gemeente Utrecht;")
                break
    if body is None:  # a notice's head line that is the body alone: "Stadsdeel West - 24 januari 2018"
        for ln in lines[:15]:
            os_ = _organs_in(organs, ln.start, ln.end)
            if os_ and os_[0].start_char - ln.start <= 4 and not re.match(r"(?i)\s*aan\b", ln.text) and re.fullmatch(
                    r"[\s\-–—,:|]*(?:\d{1,2}\s+\w+\.?\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})?[\s.]*",
                    text[os_[0].end_char:ln.end]) and os_[0]._.canonical not in data["clerks"] \
                    and not os_[0].text.isupper():  # (not a stray "PS" a scan's logo became)
                body = os_[0]
                break
    if body is None:  # "Hoogachtend, wethouder Financiën, ...": a signing office
        for ln in lines:
            if ln.start < tail_from or not any(c in ln.text.lower() for c in closings):
                continue
            after = text[ln.start:ln.end + 200].lower()
            for role, cid in data["signing_roles"].items():
                m = re.search(r"(?:^|[,\n])\s*(?:de\s+)?(" + re.escape(role) + r")\b", after[after.find(",") + 1 if "," in after else 0:])
                if m:
                    ctx.issuer, ctx.issuer_text = cid, role
                    break
            if ctx.issuer:
                break
    if body is None and ctx.issuer is None:  # a decision's own page: "GS brief open brief ..." / "Datum besluit: ..."
        first = next((ln for ln in lines[:3] if ln.text.strip()), None)
        os_ = _organs_in(organs, first.start, first.end) if first is not None else []
        if os_ and os_[0].start_char - first.start <= 4 and os_[0]._.canonical not in data["clerks"] \
                and re.search(r"(?im)^\s*(?:datum|type)\s+besluit\s*:", text[:3000]):
            body = os_[0]
    to = _addressee(lines, organs, data)[0] if body is None and ctx.issuer is None and ctx.layout in ("letter", None) \
        else None
    if body is not None:
        ctx.issuer, ctx.issuer_text = body._.canonical, body.text
    elif to in data["proposers"] and len(re.findall(r"(?i)\b(?:wij|we|ons college)\b", text)) >= 2:
        # "Aan de leden van Provinciale Staten / ... Wij hebben besloten": the board that answers to the assembly
        ctx.issuer, ctx.issuer_text = data["proposers"][to], None
    elif ctx.layout in ("letter", "notice") and ctx.issuer is None:
        kinds = data["government_default_body"]
        found: dict[str, int] = {}
        for m in re.finditer(r"\b((?i:provincie|gemeente|waterschap|hoogheemraadschap))\s+(?:van\s+)?[A-Z]", text[:6000]):
            found[m.group(1).lower()] = found.get(m.group(1).lower(), 0) + 1
        if found:
            kind = max(found, key=found.get)
            ctx.issuer, ctx.issuer_text = kinds[kind], None
    # mandate: "namens deze," then the holder's role line
    low_tail = text[tail_from:].lower()
    for w in sorted(data["mandate_words"], key=len, reverse=True):  # "namens dezen" before "namens deze"
        k = low_tail.find(w)
        if k < 0:
            continue
        pos = tail_from + k + len(w)
        seen = 0
        for ln in lines:
            if ln.start < pos and ln.end <= pos:
                continue
            rest = text[max(pos, ln.start):ln.end].strip(" ,:;.")
            rest = re.sub(r"^van\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s*,\s*", "", rest)  # ("namens B&W" "van Zwolle,")
            if not rest:
                continue
            if any(re.search(r"\b" + re.escape(r) + r"\b", rest.lower()) for r in data["holder_roles"]):
                ctx.mandate_holder = rest[:120]  # "het hoofd van de afdeling Vergunningen", maybe under a name line
                break
            seen += 1
            if seen >= 3:
                break
        if ctx.mandate_holder is None:
            ctx.mandate_holder = w  # the mandate is there, its holder is not written
        break


# --------------------------------------------------------------------------- items and outcomes
@dataclass
class _Item:
    number: str | None
    title_start: int
    title_end: int
    end: int


def _heads_group(items: list[_Item], it: _Item) -> bool:
    """True for an item whose next item is its own first sub-item ("4 Voorstellen ter advisering" over "4.1 ..."): a
    group's heading, no subject of its own."""
    k = items.index(it)
    nxt = items[k + 1].number if k + 1 < len(items) else None
    return bool(it.number and nxt and nxt.lower().startswith(it.number.lower().rstrip(".") + "."))


def _next_number(num: str) -> str:
    head, _, last = num.rpartition(".")  # "1.1" -> "1.2"
    if head:
        return f"{head}.{_next_number(last)}"
    return str(int(num) + 1) if num.isdigit() else chr(ord(num) + 1)


def _point_step(num: str, expect: str, inner: str | None) -> tuple[str | None, str, str | None]:
    """Where number ``num`` stands in the numbered points under "Besluit:": ("point", ...) the next point,
    ("sub", ...) a point of a list inside the point before ("indien: 1. ...; 2. ...;"), (None, ...) neither;
    with the next point's and sub-point's numbers. ``expect`` is "1" before the first point (or "a")."""
    if inner is not None and num == inner:
        return "sub", expect, _next_number(num)
    if num == expect or (expect == "1" and num in ("a", "1.1")):  # ("Besluit:" / "1.1 ..." / "1.2 ...")
        return "point", _next_number(num), None
    if num in ("1", "a"):
        return "sub", expect, _next_number(num)
    return None, expect, inner


#: the outcome sentence run on after an item's title: "... 2024 Het voorstel wordt unaniem aangenomen."
_TOLD_ON_TITLE = re.compile(r"\S\s+((?:De|Het|Dit|Deze|Conform|Unaniem|Met)\s[^.;:]{0,200}?\b(?:aangenomen|verworpen|vastgesteld|"
                            r"aangehouden|ingetrokken|besloten|akkoord|hamerstuk|conform)\b[^.;:]{0,120}\.)\s*$")


def _items(text: str, lines: list[_Line], dates: list[Span]) -> list[_Item]:
    date_starts = {d.start_char for d in dates}
    data = load_structure()
    labels, fields = data["outcome_labels"], set(data["meeting_page_labels"]["labels"])
    items: list[_Item] = []
    expect: str | None = None  # the next point's number under "Besluit:" ("1.", "2." are points, not items)
    inner: str | None = None  # the next sub-point's number, in a list inside a point
    sub_point: str | None = None  # the next letter of a lettered list under a line that ends in a colon
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = _ITEM.match(ln.text)
        label = re.fullmatch(r"(\w+)\s*:", ln.text.strip().lower())
        if label and label.group(1) in labels:
            expect, inner = "1", None
            i += 1
            continue
        gap_fields = _fields_only(text[items[-1].title_end:ln.start]) if m and expect is None and items else None
        if m and gap_fields is not None and m.group("num") == "1" and m.group("title") \
                and items[-1].number and "." in items[-1].number \
                and (_RESOLVES.search(m.group("title")) or _RESOLVES.search(gap_fields)):
            expect, inner = "1", None  # "3.1 Tweede bestuursrapportage" / "1. De ... vast te stellen.": its points
        if m and expect is not None and m.group("title"):
            step, expect, inner = _point_step(m.group("num").lower(), expect, inner)
            if step:  # a point under the label, or one of its own list: part of the item
                i += 1
                continue
        if m:
            expect = None
        if m and i > 0 and lines[i - 1].text.strip(" :").lower() in fields:
            m = None  # "Voorzitter" / "J. Hamming": a field of the meeting's page, no item "J."
        if m and not any(ln.start <= s <= ln.start + len(m.group("num")) + 4 for s in date_starts):
            title, num = m.group("title"), m.group("num")
            if title and _BARE_NUMBER.fullmatch(title.strip()):  # "2. 2.1": a list's counter over the item's number
                num = title.strip().rstrip(".")
                nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
                sentence = nxt.endswith(".") and len(nxt.split()) > 6  # (the item's explanation, no title)
                if nxt and len(nxt.split()) <= 16 and not sentence and not _CLOCK.match(nxt) \
                        and nxt.lower().rstrip(" :") not in labels and nxt.lower().rstrip(" :") not in _PROPOSED_LABELS:
                    title = None  # (its title on the next line, not a label, a speaker's time stamp or a sentence)
            t_start = ln.start + (m.start("title") if title else 0)
            t_end = ln.end
            if not title and i + 1 < len(lines) and not _ITEM.match(lines[i + 1].text):
                t_start, t_end = lines[i + 1].start, lines[i + 1].end
                title = lines[i + 1].text
                i += 1
            after_colon = i > 0 and lines[i - 1].text.rstrip().endswith((":", ";"))
            lettered = len(num) == 1 and num.isalpha()
            point = bool(title) and ((title[0].islower() and after_colon) or (lettered and (
                after_colon and num.lower() == "a" or num.lower() == sub_point)))
            sub_point = _next_number(num.lower()) if point and lettered else None
            # ("1. ... het DB te machtigen tot:" / "a. Het aangaan van ..." / "b. ...": the points of a point)
            clock = re.search(rf"\s+[-–]\s+{_CLOCK.pattern}\s*$", title) if title else None
            if clock:  # "Vaststellen agenda - 19:32": the item's hour on a meeting's page, not its title
                t_end -= len(title) - clock.start()
                title = title[:clock.start()]
            told = _TOLD_ON_TITLE.search(title) if title else None
            if told:  # "3. Verordening parkeerbelastingen 2024 Het voorstel wordt unaniem aangenomen.": the item's
                # title and its outcome on one line (a list whose line breaks were lost); the outcome is its text
                t_end = t_start + told.start(1)
                title = title[:told.start(1)]
            if title and len(title.split()) <= 30 and not title.rstrip().endswith(";") and not point:
                if items:
                    items[-1].end = ln.start
                items.append(_Item(num, t_start, t_end, len(text)))
        i += 1
    return items


_SENTENCES_OF: list = [None, {}]  # the text last split and its sentences by (start, end): a document's readers ask alike


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences and bullet points of text[start:end] as (start, end) offsets."""
    memo = _SENTENCES_OF
    if memo[0] is not text:
        memo[0], memo[1] = text, {}
    found = memo[1].get((start, end))
    if found is None:
        found = memo[1][(start, end)] = _split_sentences(text, start, end)
    return list(found)


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    chunk = text[start:end]
    # a bullet, a paragraph that opens with a capital, a line after a colon, a table row (its cells tab-separated),
    # a line that ends in an outcome ("Motie 67 wordt unaniem aangenomen"), a line that opens with a motion
    pieces = re.split(r"(\n[ \t]*(?:[-•*▪–·][ \t]*)+|\n[ \t]*\n(?=[ \t]*[A-Z])|(?<=:)[ \t]*\n|\n(?=[^\n\t]+\t)|\n[ \t]*\n(?=\d+[ \t][^\n]*\t)"
                      r"|(?:(?<=aangenomen)|(?<=verworpen)|(?<=ingetrokken)|(?<=aangehouden))[ \t]*\n"
                      r"|\n(?=[ \t]*(?:De |Het )?(?:Motie|Amendement)\b))", chunk)
    pos = start
    for piece in pieces:
        p_start = pos
        pos += len(piece)
        if not piece.strip() or re.fullmatch(r"\s*(?:[-•*▪–·]\s*)*", piece):
            continue
        cuts = [0] + [m.end() for m in _SENT.finditer(piece)
                      if not ends_no_sentence(piece[:m.start()], load_lexicon().words("abbreviations"))] + [len(piece)]
        if "\n" in piece:  # a heading run into its paragraph: "... in 2027 uitgevoerd" / "In het kader van ..."
            rows = piece.split("\n")
            starts = [0]
            for row in rows[:-1]:
                starts.append(starts[-1] + len(row) + 1)
            cuts = sorted(set(cuts) | {starts[k + 1] for k in range(len(rows) - 1) if run_in_heading(rows[k], rows[k + 1])})
        for a, b in zip(cuts, cuts[1:]):
            s, e = p_start + a, p_start + b
            while s < e and (text[s].isspace() or text[s] in "-•*▪–·"):
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
    return out


_PASSIVE = re.compile(r"^(?P<subj>(?:[\w‘’“”\"'()/.,-]+\s+){0,14}?)(?:is|wordt|werd|zijn|worden|werden)\s+(?P<mid>(?:[\w-]+\s+){0,5}?)(?P<out>[a-z][\w ]*)")
SUBORDINATE = re.compile(r"\b(?:die|dat|welke|wat|waarin|waarbij|waarmee|waarover|waartoe|waarvan|waarop|als|indien|wanneer|zodra|nadat|"
                         r"voordat|zodat|of)\b")  # words that open a subordinate clause
_AGREE = re.compile(r"\b(?:zijn|is|gaat|gaan|ging|gingen)\s+(?:hier|daar)?(?:mee\s+)?(?:allen\s+)?akkoord\b|\bstem(?:t|men|de|den)\s+(?:hier|daar)mee\s+in\b")


#: what a meeting can put off ("aanhouden"): a motion, a proposal, an item ("Uiteindelijk wordt de motie aangehouden";
#: not "werd een demonstrant aangehouden")
HELD_ITEMS = re.compile(r"\b(?:motie|moties|amendement|amendementen|voorstel|raadsvoorstel|statenvoorstel|agendapunt|"
                        r"punt|onderwerp|besluitvorming|behandeling|stuk)\b")

_NOT_YET = ("niet", "geen", "nog", "mogelijk", "misschien", "wellicht", "eventueel", "waarschijnlijk")
# ("De motie wordt mogelijk ingetrokken": no outcome yet)


def _outcome(sentence: str, data: dict) -> tuple[str, str] | None:
    """(status, phrase) of an outcome sentence: "Vastgesteld.", "Het verslag wordt ongewijzigd vastgesteld"."""
    low = " ".join(_BULLET.sub("", sentence).lower().split()).rstrip(".!; ")
    outcomes = data["outcomes"]
    words = low.split()
    if not words:
        return None
    first = _starts(low, list(outcomes))
    if first and len(words) <= 14 and "?" not in low:
        return outcomes[first], first
    trailing = next((p for p in data["trailing_outcomes"] if p != "_doc" and (low == p or low.endswith(" " + p))), None)
    if trailing and len(words) <= 30 and "?" not in low and not re.search(
            r"\b(?:is|zijn|wordt|worden|werd|werden|nog)\s+(?:\w+\s+)?" + re.escape(trailing) + "$", low):
        # (not a clause that says so: "een wetsvoorstel ..., maar deze is nog niet behandeld")
        return data["trailing_outcomes"][trailing], trailing  # "Leegstandsdebat NIET AAN DE ORDE GEWEEST"
    last = words[-1].strip(".,;:!")
    if last in outcomes and len(words) <= 30 and "?" not in low and re.match(
            r"(?:met|bij|na|zonder|in|unaniem|conform)\b", low) and not re.search(r"\b(niet|geen)\b", low):
        return outcomes[last], last  # "Met de stemmen tegen van VVD en CDA aangenomen.", "Zonder hoofdelijke stemming aangenomen."
    for clause in re.split(r"\s*[:;(]\s*|\s+en\s+(?=(?:is|wordt|werd|zijn|worden|werden)\s+(?:daarmee|dus|daarom)\b)", low):
        # ("Dit amendement heeft geen meerderheid behaald en is daarmee verworpen": the outcome's own clause)
        # "Motie X wordt, na een stemverklaring van FVD, unaniem aangenomen": the aside left out
        clause = re.sub(r"\b(wordt|werd|is|worden|werden|zijn),[^,]{1,60},\s*", r"\1 ", clause)
        m = _PASSIVE.match(clause)
        later = re.fullmatch(r"(?:\w+\s+)?nog\s+niet\s+(\w+)", m.group("mid") + m.group("out")) if m else None
        if later and len(clause.split()) <= 24 and outcomes.get(later.group(1)) == "adopted" \
                and not SUBORDINATE.search(m.group("subj")):
            return "postponed", "nog niet " + later.group(1)  # "De verslagen worden nog niet vastgesteld"
        if m and len(clause.split()) <= 24 and not re.search(r"\b(niet|geen|nog)\b", m.group("subj") + m.group("mid")) \
                and not SUBORDINATE.search(m.group("subj")):  # "regels die naar verwachting in 2025 worden vastgesteld"
            after = (m.group("mid") + m.group("out")).split()
            for j in range(min(5, len(after)) + 1):  # "worden zonder wijzigingen vastgesteld": the participle after adverbs
                if j and (after[j - 1] in _NOT_YET or after[j - 1] in outcomes):
                    break
                rest = " ".join(after[j:])
                for p in sorted(outcomes, key=len, reverse=True):
                    if rest == p or rest.startswith(p + " ") or rest.startswith("besproken en " + p):
                        if p in ("besloten", "conform", "ingestemd") and not m.group("subj").strip():
                            continue
                        held = m.group("subj") + " ".join(after[:j])
                        if p == "aangehouden" and not (HELD_ITEMS.search(held) or re.fullmatch(
                                r"\s*(?:dit|deze|het|hij|zij)?\s*", held)):  # (the item itself: "Dit wordt aangehouden")
                            continue  # "Na afloop werd een demonstrant aangehouden": an arrest, no item put off
                        return outcomes[p], p
    for phrase in data["proposal_phrases"]:
        if re.search(phrase, low):
            return "proposed", "voorstellen"
    if _AGREE.search(low) and len(words) <= 16 and not re.search(r"\b(niet|geen)\b", low):
        return "adopted", "akkoord"
    return None


def _vote_fields(vote: str | None) -> tuple[int | None, int | None]:
    m = _COUNTS.match(vote or "")
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def _record(text: str, ctx: Context, *, status: str, start: int, end: int, obj: str | None,
            actor: str | None = None, actor_text: str | None = None, date: str | None = None,
            date_text: str | None = None, number: str | None = None, vote: str | None = None,
            predicate: str | None = None, item: tuple[int, int] | None = None, cited: bool = False) -> dict:
    vf, va = _vote_fields(vote)
    obj = strip_label(" ".join((obj or "").split()).strip(" .,:;-–•*")) or None  # "Besluit: conform" -> "conform"
    if obj and len(obj) > 220:
        obj = obj[:220].rsplit(" ", 1)[0] + " …"
    return {"actor": actor, "actor_text": actor_text, "date": date, "date_text": date_text, "status": status,
            "predicate": predicate, "object": obj, "number": number, "vote": vote, "text": text[start:end],
            "start": start, "end": end, "votes_for": vf, "votes_against": va, "cited": cited,
            "mandate_holder": None, "_item": item or (start, end)}


#: the head of a summary of a board's decisions: "Samenvatting collegebesluiten 26 oktober 2021", "De besluiten van het
#: college van burgemeester en wethouders van 2 juli 2024."
_SUMMARY_HEAD = re.compile(r"(?i)\b(?:collegebesluiten|besluiten\s+van\s+(?:het\s+college|burgemeester\s+en\s+wethouders|b\s*(?:&|en)\s*w"
                           r"|gedeputeerde\s+staten|het\s+dagelijks\s+bestuur))\b")
_HEADING = re.compile(r"(?m)(?<=\n\n)[ \t]*([A-ZÀ-Ý][^\n:;!?]{2,140}?)[ \t]*\n[ \t]*\n(?=[ \t]*\S)")


def headed_decisions(text: str, ctx: Context) -> list[tuple[dict, int]]:
    """In a summary of a board's decisions (see ``_SUMMARY_HEAD``; a decision list of its meeting), each subject
    heading over a paragraph that explains it ("Begrotingswijziging n.a.v. de septembercirculaire gemeentefonds" /
    "Jaarlijks ontvangt de gemeente ..."): that board's decision of that day, as (record, end of its paragraph). The
    caller keeps those whose paragraph tells no decision of the board itself."""
    if ctx.layout != "decision_list" or not ctx.meeting_body or not ctx.meeting_date:
        return []
    if not _SUMMARY_HEAD.search(text[:400]):
        return []
    data = load_structure()
    heads = [m for m in _HEADING.finditer(text) if m.start() > 120  # (not the title lines; not a one-line paragraph)
             and len(m.group(1).split()) <= 16 and not m.group(1).rstrip().endswith(".")]
    out = []
    fields = set(data["meeting_page_labels"]["labels"])
    labels = set(data["outcome_labels"]) | set(_PROPOSED_LABELS) | {"toelichting", "samenvatting"}
    for k, m in enumerate(heads):
        title = m.group(1).strip()
        if not _agenda_subject(title, data) or title.lower() in labels:
            continue  # "Bespreekstukken", "Hamerstukken"; "Voorgesteld besluit": a field of an item
        above = text[:m.start()].rstrip().rsplit("\n", 1)[-1].strip(" :").lower()
        if above in fields:
            continue  # "Locatie" / "Collegekamer Het Klavier": a field of the meeting's page
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        rec = _record(text, ctx, status="adopted", start=m.start(1), end=m.start(1) + len(title), obj=title,
                      actor=ctx.meeting_body, actor_text=ctx.meeting_body_text, date=ctx.meeting_date,
                      date_text=ctx.meeting_date_text, predicate="besluiten")
        out.append((rec, end))
    return out


def structure_decisions(text: str, ctx: Context, organs: list[Span], dates: list[Span],
                        read_vote=None) -> list[dict]:
    """Decisions read from the document's frame (see the module docstring), in document order."""
    data = load_structure()
    lines = _lines(text)
    out: list[dict] = []
    if ctx.layout in ("decision_list", "minutes", "agenda") and (ctx.meeting_body or ctx.meeting_body_text) \
            and ctx.meeting_date:
        out += _meeting_items(text, ctx, lines, dates, data, read_vote)
        if ctx.layout == "agenda":
            taken = [(r["start"], r["end"]) for r in out]
            out += [r for r in _agenda_proposals(text, ctx, lines)
                    if not any(s < r["end"] and r["start"] < e for s, e in taken)]
    if ctx.layout == "motion":
        out += _motion(text, ctx, lines, organs, dates, data)
    elif ctx.layout is None and re.search(r"(?i)\b(?:motie|moties|amendement)\b", text[:600]):
        out += _motion_page(text, ctx, lines, organs, dates, data)  # (a motion's page: "Moties" / "MO01 motie ...")
    out += _ratified(text, ctx, organs, data, dates)
    out += _dated_table_rows(text, ctx, lines, dates, data)
    if ctx.layout == "promise_list":
        out += _promise_rows(text, ctx, lines, organs, dates, data)
    if ctx.layout in ("letter", "notice", "proposal", None) and ctx.issuer:
        out += _refusals(text, ctx, data)
        out += _letter_acts(text, ctx, dates, data, organs)
        out += _taken_on(text, ctx, dates)
        out += _published(text, ctx, dates)
        if ctx.layout in ("notice", None):
            out += _draft_laid_open(text, ctx)
            out += _laid_open(text, ctx, dates)
    out += _register(text, ctx)
    if ctx.layout in ("letter", None) and ctx.issuer:
        out += _subject_decision(text, ctx, lines)
        out += _receipt(text, ctx, dates)
    if ctx.layout in ("letter", "proposal", None):
        out += _advice(text, ctx, lines, organs, data)
    if ctx.layout in ("letter", None) and ctx.issuer:
        out += _addressee_acts(text, lines, organs, dates, data)
        out += _letter_requests(text, ctx, data)
        out += _convocations(text, ctx, dates, data)
    if ctx.layout in ("decision_list", "minutes") and ctx.meeting_body and ctx.meeting_date:
        for nd in _not_dealt_with(text, ctx):
            if any(r["start"] == nd["start"] for r in out):
                continue
            for r in out:  # a line under a row it does not belong to: "322168 Motie R.1 ...<TAB>Aangenomen" /
                if r["start"] < nd["start"] < r["end"]:  # "AGENDAPUNTEN S, T ... zijn niet aan de orde geweest"
                    r["end"] = len(text[:nd["start"]].rstrip())
                    r["text"] = text[r["start"]:r["end"]]
            out.append(nd)
    if ctx.layout in ("decision_list", "minutes", "agenda") and ctx.meeting_body and ctx.meeting_date:
        out += _asked(text, ctx, organs)
    if ctx.layout in ("decision_list", "minutes", "agenda") and ctx.meeting_body and ctx.meeting_date:
        out += _bullet_decisions(text, ctx, lines, organs)
    if ctx.layout == "decision_list" and ctx.meeting_body and ctx.meeting_date:
        out += _bullet_outcomes(text, ctx, lines, data)
    if ctx.layout in ("decision_list", "minutes"):
        out += _promises(text, ctx, organs, data)
    elif ctx.layout is None:  # a promise's own card ("Toezegging ... / zegt wethouder Rog op verzoek van D66 het
        out += _promises(text, ctx, organs, data, present_only=True)  # volgende toe"), a news item: on its day
    if ctx.layout == "proposal" and ctx.meeting_body and ctx.meeting_date:
        out += _proposal(text, ctx, lines, data)
    if ctx.layout in ("proposal", "letter", None):
        out += _meeting_plans(text, ctx, organs, dates, data)
    if ctx.layout not in ("decision_list", "minutes"):
        out += _announced_agenda(text, ctx, organs, dates, data)
        out += _inline_agenda(text, ctx, organs, dates, data)
        taken = [(r["start"], r["end"]) for r in out]
        out += [r for r in _hammer_items(text, ctx, organs, dates, data)
                if not any(s < r["end"] and r["start"] < e for s, e in taken)]
    out += _royal_decree(text, ctx, organs, dates)
    out += _cited(text, organs, dates, data)
    out += _cited_named(text, ctx, organs, dates, data)
    out += _cited_participles(text, ctx, organs, dates)
    out += _cited_own(text, ctx, dates, data)
    out.sort(key=lambda r: r["start"])
    return out


def _meeting_items(text: str, ctx: Context, lines: list[_Line], dates: list[Span], data: dict, read_vote) -> list[dict]:
    out: list[dict] = []
    items = _items(text, lines, dates)
    first = items[0].title_start if items else len(text)
    unnumbered_start = unnumbered_end = -1
    if lines and first > lines[0].end:  # minutes without numbered items: the text before the first one
        items.insert(0, _Item(None, lines[0].start, lines[0].end, first))
        unnumbered_start, unnumbered_end = lines[0].start, first
    body, body_text, day, day_text = ctx.meeting_body, ctx.meeting_body_text, ctx.meeting_date, ctx.meeting_date_text
    number_rx = re.compile(data["motion_number"])
    head_end = text.find(day_text) if day_text else -1  # ("01. AB Besluitvormend" above the day: the meeting's title)
    for it in items:
        title = text[it.title_start:it.title_end]
        nm = number_rx.search(title)
        number = nm.group(1).replace(" ", "") if nm else it.number
        found = 0
        it_start = text.rfind("\n", 0, it.title_start) + 1  # with its number: "4. Subsidieregeling X"
        row = _row_outcome(text, it.title_start, it.title_end, data)
        if row is not None:  # "Agendapunt 5 | Raadsvoorstel X | Besluit: aangenomen (unaniem)", a table row
            subject, status, phrase, cell = row
            title = subject
            out.append(_record(text, ctx, status=status, start=it.title_start, end=it.title_end, obj=subject,
                               actor=body, actor_text=body_text, date=day, date_text=day_text, number=number,
                               vote=read_vote(cell) if read_vote else None, predicate=phrase,
                               item=(it_start, it.title_end)))  # the row, not the text under it
            found += 1
        elif (when := _date_cell(text, it.title_start, it.title_end, dates)) is not None:
            out += _scheduled(text, ctx, it.title_start, it.title_end, when, number, (it_start, it.title_end))
            found += 1
        sents = _sentences(text, it.title_end, it.end)
        k = 0
        while k < len(sents):
            s, e = sents[k]
            sent = text[s:e]
            low = _BULLET.sub("", sent).lower().strip()
            row = _row_outcome(text, s, e, data)
            if row is not None:  # a row under the item: "- Motie M1 (SP) Betaalbare huurwoningen | aangenomen"
                subject, status, phrase, cell = row
                rm = number_rx.search(subject)
                out.append(_record(text, ctx, status=status, start=s, end=e, obj=subject, actor=body,
                                   actor_text=body_text, date=day, date_text=day_text,
                                   number=rm.group(1).replace(" ", "") if rm else number,
                                   vote=read_vote(cell) if read_vote else None, predicate=phrase,
                                   item=(s, e)))
                found += 1
                k += 1
                continue
            when = _date_cell(text, s, e, dates)
            if when is not None:
                out += _scheduled(text, ctx, s, e, when, number, (s, e))
                found += 1
                k += 1
                continue
            chair = re.fullmatch(r"(\w+)\s+(?:van\s+)?(?:de\s+)?voorzitter", low)  # "Conclusie voorzitter" as a heading
            label = re.match(r"^(\w+)\s*:\s*(.*)$", chair.group(1) + ":" if chair else low, re.S)
            if label and label.group(1) in data["outcome_field_labels"] and label.group(2).strip():
                # "Uitslag: Verworpen" / "Status: Ingetrokken" (Notubiz, iBabs): an outcome only when it states one
                said = _outcome(label.group(2), data)
                if said is not None and said[0] != "proposed":
                    out.append(_record(text, ctx, status=said[0], start=it_start if not found else s, end=e,
                                       obj=title if not found else sent, actor=body, actor_text=body_text, date=day,
                                       date_text=day_text, number=number,
                                       vote=read_vote(text[s:it.end]) if read_vote else None, predicate=said[1],
                                       item=(it_start, it.end)))
                    found += 1
                k += 1
                continue
            if label and label.group(1) in data["outcome_labels"]:
                # "Besluit:" / "Conclusie:": the block under the label, one record
                st = data["outcome_labels"][label.group(1)]
                end = e if label.group(2).strip() else (sents[k + 1][1] if k + 1 < len(sents) else e)
                obj = label.group(2).strip() or (text[sents[k + 1][0]:sents[k + 1][1]] if k + 1 < len(sents) else "")
                said = _outcome(obj, data) if obj and st == "adopted" else None
                if said is not None and said[0] != "proposed":
                    st = said[0]  # "Besluit: Aangehouden; het voorstel komt terug ..."
                points = []
                if not label.group(2).strip():
                    # "Besluit:" then "1. De ... vast te stellen." "2. De raad te informeren ...": one record a point
                    points = _block_points(text, e, it.end) or _introduced_points(text, e, it.end)
                elif obj.rstrip().endswith(":") and label.group(2).strip():
                    # "Besluit: Het college besluit:" then "1. in te stemmen met ...;" "2. de raad ... te informeren."
                    blk_end = text.find("\n\n", e)
                    blk_end = it.end if blk_end < 0 or blk_end > it.end else blk_end
                    points = [(e + pm.start(), e + pm.end(), pm.group(1), e + pm.start(2))
                              for pm in _POINTS.finditer(text[e:blk_end])]
                else:  # "Besluit: Besloten is om" then "1. De notitie ... vast te stellen;" "2. ...": one record a point
                    points = _introduced_points(text, s + len(sent.split(":", 1)[0]) + 1, it.end)
                for ps, pe, pn, po in points:
                    out.append(_record(text, ctx, status=st, start=ps, end=pe, obj=text[po:pe], actor=body,
                                       actor_text=body_text, date=day, date_text=day_text,
                                       number=pn, predicate="besluiten", item=(it_start, it.end)))
                    found += 1
                if points:
                    k += 1
                    while k < len(sents) and sents[k][0] < points[-1][1]:
                        k += 1
                    continue
                if obj and st != "promised":
                    out.append(_record(text, ctx, status=st, start=s, end=end, obj=obj or title, actor=body,
                                       actor_text=body_text, date=day, date_text=day_text, number=number,
                                       predicate="besluiten", item=(it_start, it.end)))
                    out[-1]["_put_label"] = st == "proposed"
                    found += 1
                k += 2 if not label.group(2).strip() else 1
                continue
            alone = low.rstrip(" :") in _PROPOSED_LABELS
            put = alone or _PROPOSED_LABEL.match(sent)
            if put and ctx.layout == "decision_list" and re.match(r"beslispunt(?:en)?\s*:?\s*$", low.split("\n")[0]) \
                    and _POINTS.match(text, (sents[k + 1][0] if k + 1 < len(sents) else e) if alone else s + put.end()):
                put = None  # a decision list's "Beslispunten" over numbered points: the points it took (read as a list)
            if put:  # "Voorgesteld besluit" / "De besluitenlijst ... wordt vastgesteld.": put to the meeting, no outcome
                ps_, pe_ = (sents[k + 1] if k + 1 < len(sents) else (e, e)) if alone else (s + put.end(), e)
                said = text[ps_:pe_].strip()
                if pe_ > ps_ and not _POINTS.match(said) and not said.endswith(":") and not re.match(r"\w+\s*:", said) \
                        and not re.fullmatch(r"\(?\w{1,2}[.)]", said):  # (nor a point's number alone: "1.")
                    # (numbered points or an intro to them: one record a point, read as a list; "Portefeuillehouder:
                    # burgemeester X": a field)
                    out.append(_record(text, ctx, status="proposed", start=ps_, end=pe_, obj=text[ps_:pe_], actor=body,
                                       actor_text=body_text, date=day, date_text=day_text, number=number,
                                       predicate="voorstellen", item=(it_start, it.end)))
                    out[-1]["_put_label"] = True
                    found += 1
                k += 2 if alone else 1
                continue
            if any(low.startswith(c) for c in data["conclusion_openers"]):
                end = sents[k + 1][1] if low.rstrip().endswith(":") and k + 1 < len(sents) else e
                obj = text[sents[k + 1][0]:sents[k + 1][1]] if low.rstrip().endswith(":") and k + 1 < len(sents) else sent
                out.append(_record(text, ctx, status="adopted", start=s, end=end, obj=obj, actor=body,
                                   actor_text=body_text, date=day, date_text=day_text, number=number,
                                   predicate="concluderen", item=(it_start, it.end)))
                found += 1
                k += 1
                continue
            oc = _outcome(sent, data)
            if oc is not None:
                vote = read_vote(sent) if read_vote else None
                motion = re.match(r"(?i)\W*(?:(?:de\s+|het\s+|dit\s+|deze\s+)?(?:motie|amendement)|(?:de\s+)?voorzitter\.\s+(?:de|het)\s+(?:motie|amendement))", sent)
                own = number_rx.search(sent) if motion else None
                if motion and own is None:  # "In stemming komt motie H.1." then "De motie wordt aangenomen ..."
                    for ps_, pe_ in reversed(sents[max(0, k - 2):k]):
                        own = number_rx.search(text[ps_:pe_])
                        if own:
                            break
                # "Motie M3 ... wordt verworpen": the motion's, not the item's; "Het voorstel wordt aangenomen": the item's
                whole = own is None and (not found or re.match(r"(?i)\W*(?:het|dit)\s+(?:raads|staten)?voorstel\b", sent))
                obj_, start_ = (title, it.title_start) if whole else (sent, s)
                if motion and own is None and k > 0:  # "... een amendement ingediend over 'Museale voorzieningen'." then
                    ps_, pe_ = sents[k - 1]  # "Dit amendement ... is daarmee verworpen.": the amendment named before
                    named = _QUOTED.search(text[ps_:pe_])
                    if named and re.search(r"(?i)\b(?:motie|amendement)", text[ps_:pe_]):
                        obj_, start_ = named.group(1), ps_
                out.append(_record(text, ctx, status=oc[0], start=start_, end=e,
                                   obj=obj_, actor=body, actor_text=body_text, date=day,
                                   date_text=day_text, number=own.group(1).replace(" ", "") if own else number,
                                   vote=vote, predicate=oc[1], item=(it_start, it.end)))
                found += 1
            k += 1
        if found == 0 and ctx.layout == "decision_list" and it.number:
            for ps, pe, pn, po in _resolved_points(text, it.title_end, it.end):
                if ("." not in it.number and _DECIDES_WORD.search(text, it.title_start, ps)) \
                        or _PROPOSES_POINTS.search(text, it.title_start, ps):
                    break  # "7. Voorstel ... De raad besluit unaniem:" / "vast te stellen ...": read with its vote as a
                    # sentence; "Voorstel aan de raad om: 1. De begroting 2020 vast te stellen": proposed, not decided
                if _RESOLVES.search(text[po:pe]):  # "3.1 Tweede bestuursrapportage" / "1. De ... vast te stellen."
                    out.append(_record(text, ctx, status="adopted", start=ps, end=pe, obj=text[po:pe], actor=body,
                                       actor_text=body_text, date=day, date_text=day_text, number=pn,
                                       predicate="besluiten", item=(it_start, it.end)))
                    found += 1
        if found == 0:
            told = re.match(r"(?i)\s*(?:is|wordt|werd|zijn|worden|werden)\s+(.+)", title)
            oc = _outcome(told.group(1), data) if told else None
            if oc is not None:  # "Agendapunt 7 is unaniem aangenomen.": the outcome of the item of that number
                named = next((r for r in reversed(out) if r.get("number") == number and r["status"] == "proposed"), None)
                out.append(_record(text, ctx, status=oc[0], start=it_start, end=it.title_end,
                                   obj=named["object"] if named else title, actor=body, actor_text=body_text, date=day,
                                   date_text=day_text, number=number, vote=read_vote(title) if read_vote else None,
                                   predicate=oc[1], item=(it_start, it.end)))
            elif ctx.layout == "agenda" and not _heads_group(items, it) and (
                    _agenda_decides(title, data) or _agenda_action(text, it, data)
                                           or (it.number is not None and it.title_start > head_end
                                               and _agenda_subject(title, data)
                                               and not _agenda_action(text, it, data, "agenda_information_labels"))):
                out.append(_record(text, ctx, status="proposed", start=it.title_start, end=it.title_end, obj=title,
                                   actor=body, actor_text=body_text, date=day, date_text=day_text, number=number,
                                   predicate="agenderen", item=(it_start, it.end)))
    for r in out:  # the text of a list without numbered items is no item: a record there holds only its own sentences
        if r["_item"][0] == unnumbered_start and r["start"] >= unnumbered_start and r["end"] <= unnumbered_end:
            r["_item"] = (r["start"], r["end"])
    for r in out:  # "De raad met bijgevoegd raadsvoorstel te adviseren om ...": the board proposes to the assembly
        if r["status"] == "adopted" and r["actor"] in data["proposers"].values() \
                and _TO_ASSEMBLY_POINT.match(r["object"] or ""):
            r["status"] = "proposed"
    for r in out:  # "Over dit raadsvoorstel is reeds een besluit genomen in de raadsvergadering van 16 maart 2021.":
        # a suspended meeting's agenda, continued; the item was decided at the first session
        done = _ALREADY_DECIDED.search(r["text"]) \
            if r["status"] in ("proposed", "adopted") and r["date"] == day else None
        held = [d for d in dates if done and r["start"] + done.start() <= d.start_char < r["start"] + done.end() + 40
                and _DAY.match(str(d._.value or ""))] if done else []
        if held:
            r["status"], r["date"], r["date_text"] = "adopted", str(held[0]._.value), held[0].text
    put = [r.pop("_put_label", False) for r in out]
    if ctx.layout != "agenda":  # "Voorstel: X" then "Besluit: ...": the proposal is what the meeting then decided
        out = [r for k, r in enumerate(out) if not (put[k] and k + 1 < len(out) and out[k + 1]["status"]
                                                    in ("adopted", "rejected", "withdrawn", "postponed"))]
    return out


_QUOTED = re.compile(r"['‘“\"]([^'’”\"\n]{3,160})['’”\"]")


def _introduced_points(text: str, start: int, end: int) -> list[tuple[int, int, str, int]]:
    """The numbered points under a short intro that ends on "om" or "besloten" ("Besloten is om" then "1. ...")."""
    first = _POINTS.search(text, start, end)
    intro = text[start:first.start()] if first else ""
    if first is None or not _POINTS_INTRO.search(intro) or len(intro.split()) > 8:
        return []
    return _block_points(text, first.start(), end)


#: an item decided at an earlier session of the same meeting: "is reeds een besluit genomen bij de raadsvergadering van",
#: "zijn reeds vastgesteld in de raadsvergadering van"
_ALREADY_DECIDED = re.compile(r"(?i)\breeds\s+(?:een\s+besluit\s+genomen|vastgesteld|besloten|aangenomen)\s+"
                              r"(?:bij|in|tijdens)\s+de\s+\w*vergadering\s+van\b")
_DECIDES_WORD = re.compile(r"(?i)\b(?:besluit|besluiten|besloten)\b")
_PROPOSES_POINTS = re.compile(r"(?i)\b(?:voorstel\s+(?:aan|om|tot)|voorgesteld|voorgestelde?\s+besluit)\b")


def _fields_only(gap: str) -> str | None:
    """The last of the few short field lines between an item's title and its points ("Zaaknummer 19913-2023",
    "Vast te stellen"), "" when there are none; None when the gap holds more than fields (a sentence, a paragraph)."""
    rows = [r.strip() for r in gap.splitlines() if r.strip()]
    if len(rows) > 3 or any(len(r.split()) > 6 or r.endswith(".") for r in rows):
        return None
    return rows[-1] if rows else ""


def _resolved_points(text: str, start: int, end: int) -> list[tuple[int, int, str | None, int]]:
    """What a numbered item of a board's decision list resolves, below its title and field lines: its numbered
    points, or the intro that resolves with the points it lists ("Vast te stellen" / "1. de portefeuilleverdeling"
    / "2. de vervangingsregeling") as one, or its one resolving paragraph ("Bijgaande brief vast te stellen en ...")."""
    body = start
    intro = None  # "Vast te stellen": a short line that resolves what the points below it list
    for row in re.finditer(r"[^\n]*\n?", text[start:end]):
        line = row.group().strip()
        if line and (len(line.split()) > 6 or line.endswith(".") or _POINTS.match(line)):
            break
        if line.endswith(":") or line.lower() in _PROPOSED_LABELS:
            return []  # "Voorgesteld besluit" / "Resultaat stemming:": labelled fields, read as such
        if line and _RESOLVES.search(line) and line[:1].isupper():
            intro = start + row.start()
        body = start + row.end()
        if not row.group() or intro is not None:
            break
    points = _block_points(text, body, end)
    if intro is not None:
        if points and not any(_RESOLVES.search(text[po:pe]) for _, pe, _, po in points):
            return [(intro, points[-1][1], None, intro)]
        body = intro
        points = _block_points(text, body, end)
    if points:
        return points
    bullets = _bullet_points(text, body, end)
    if bullets:  # "- De raad met bijgevoegd raadsvoorstel te adviseren ...", "- Akkoord te gaan met ...": one each
        return bullets
    para = re.search(r"\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*", text[body:end])
    if para and re.match(r"(?:\S+\s+){0,5}te\s+[a-zà-ÿ]{2,}en\b", para.group()):  # the paragraph resolves right away
        return [(body + para.start(), body + para.end(), None, body + para.start())]
    return []


def _bullet_points(text: str, start: int, end: int) -> list[tuple[int, int, str | None, int]]:
    """The bulleted lines right at ``start`` (a line that follows a bullet without one of its own continues it),
    (start, end, None, text start) each; none unless the block opens with a bullet."""
    out: list[list[int]] = []
    for row in re.finditer(r"[^\n]+|\n[ \t]*(?=\n)", text[start:end]):  # the lines, and the blank ones
        line = row.group()
        if not line.strip():
            if out:
                break
            continue
        b = _BULLET.match(line)
        if b:
            out.append([start + row.start(), start + row.end(), start + row.start() + b.end()])
        elif out:
            out[-1][1] = start + row.end()
        else:
            return []
    return [(s_, e_, None, o_) for s_, e_, o_ in out]


def _block_points(text: str, start: int, end: int) -> list[tuple[int, int, str, int]]:
    """The numbered points right under an outcome label, (start, end, number, text start) each, a point
    running to the next one (a page break may cut it: "van het\n\nRekenkameronderzoek ..."); none unless
    they count from 1 or a."""
    block = text[start:end]
    found = []
    expect, inner = "1", None
    for pm in _POINTS.finditer(block):
        if not found and block[:pm.start()].strip():
            break  # text before the first point: not a list under the label
        step, expect, inner = _point_step(pm.group(1).lower(), expect, inner)
        if step == "point":
            found.append(pm)
        elif step is None and found:
            break
    out = []
    for k, pm in enumerate(found):
        p_end = found[k + 1].start() if k + 1 < len(found) else len(block)
        if k + 1 == len(found):  # the last point ends with its full stop, else at the next paragraph
            stop = re.search(r"[.;][ \t]*(?:\n|$)", block[pm.start():])
            para = re.search(r"\n[ \t]*\n", block[pm.end():])
            p_end = (pm.start() + stop.end() if stop else pm.end() + para.start() if para else len(block))
        seg = block[pm.start():p_end].rstrip()
        out.append((start + pm.start(), start + pm.start() + len(seg), pm.group(1), start + pm.start(2)))
    return out


def _scheduled(text: str, ctx: Context, start: int, end: int, when: Span, number: str | None,
               item: tuple[int, int]) -> list[dict]:
    """A row whose outcome is a date ("Datumbepaling initiatiefvoorstel X (RIS321353)<TAB>Q2 2025"): the meeting set,
    on its day, when the subject will be treated; two records, the setting and the plan."""
    subject = text[start:when.start_char].strip()
    body, body_text = ctx.meeting_body, ctx.meeting_body_text
    return [_record(text, ctx, status="adopted", start=start, end=end, obj=subject, actor=body, actor_text=body_text,
                    date=ctx.meeting_date, date_text=ctx.meeting_date_text, number=number, predicate="plannen",
                    item=item),
            _record(text, ctx, status="planned", start=start, end=end, obj=subject, actor=body, actor_text=body_text,
                    date=str(when._.value), date_text=when.text, number=number, predicate="plannen", item=item)]


def _date_cell(text: str, start: int, end: int, dates: list[Span]) -> Span | None:
    """The date that fills a row's last cell, its outcome column ("Datumbepaling X (RIS321353)<TAB>Q2 2025"), or None."""
    row = text[start:end].split("\n")[0].rstrip()
    cut = list(_CELLS.finditer(row))
    subject = row[:cut[-1].start()].strip() if cut else ""
    if len(subject.split()) < 3 or subject.endswith(":"):
        return None  # "Datum:<TAB>18 maart 2024": a field of the meeting, no item
    at = start + cut[-1].end()
    return next((d for d in dates if d.start_char == at and d.end_char == start + len(row)
                 and d._.value is not None), None)


#: a row whose cells ran together: the subject, then the outcome capitalised as a cell's first word is ("... (RIS321266)
#: Aangenomen"); in a sentence the participle is lower case ("... wordt aangenomen")
_LOST_CELL = re.compile(r"^[ \t]*(?P<subj>\S.{7,}?[\w)])[ \t]+(?P<out>[A-Z][a-zé]+(?:[ \t]+[a-z]+){0,3})[ \t]*$")
_AUX_END = re.compile(r"(?i)\b(?:is|zijn|wordt|worden|werd|werden|was|waren|heeft|hebben|niet|geen)$")


def _row_outcome(text: str, start: int, end: int, data: dict) -> tuple[str, str, str, str] | None:
    """(subject, status, outcome phrase, outcome cell) of a table row or pipe row whose later cell states
    the outcome: "Raadsvoorstel X | Besluit: aangenomen (unaniem)", "Motie M27 (CDA) ...\tAangenomen (49 voor, 0 tegen)"."""
    row = text[start:end]
    lost = None if _CELLS.search(row) else _LOST_CELL.match(row.split("\n")[0])
    if lost is not None and lost.group("out").lower() in data["outcomes"] and not _AUX_END.search(lost.group("subj")):
        # "E.6 Voorstel van het college inzake X (RIS321266) Aangenomen": the outcome's cell, its tab lost in reading
        return lost.group("subj"), data["outcomes"][lost.group("out").lower()], lost.group("out").lower(), lost.group("out")
    if not _CELLS.search(row) or is_header_row(row.split("\n")[0]):
        return None
    cells = [c.strip(" *_") for c in _CELLS.split(_BULLET.sub("", row))]
    cells = [c for c in cells if c and c not in ("-", "–")]
    cells = [c for c in cells if not re.fullmatch(r"(?:(?:agendapunt|punt|nr\.?)\s*)?\d{1,2}(?:[a-z]|\.\d{1,2})?[.)]?", c, re.I)]
    if len(cells) < 2:
        return None
    subject = cells[0]
    if len(subject) == 1 and len(cells) == 2:  # "Q<TAB>Leegstandsdebat NIET AAN DE ORDE GEWEEST": an item letter
        subject = cells[1]
    for cell in cells[1:]:
        m = re.match(r"^(\w+)\s*:\s*(.+)$", cell, re.S)
        if m and m.group(1).lower() not in data["outcome_labels"]:
            m = None  # "https://...", "Locatie: Stadhuis": a colon that labels no outcome
        said = m.group(2) if m else cell
        oc = _outcome(said, data)
        if oc is None and m and data["outcome_labels"][m.group(1).lower()] == "adopted" and not _PROMISE_CELL.search(said):
            oc = ("adopted", m.group(1).lower())  # "Besluit: Het college besluit het ontwerp ter inzage te leggen"
        if oc is None and not m and len(cell.split()) >= 2 and _DECIDE_CELL.search(cell) and not re.search(r"\b(?:niet|geen)\b", cell, re.I):
            oc = ("adopted", _DECIDE_CELL.search(cell).group(0).lower())  # "Het college besluit ...", "...; akkoord"
        if oc is not None:
            return subject, oc[0], oc[1], " ".join(cells[1:])  # the votes may stand in a cell of their own
    return None


def is_header_row(row: str) -> bool:
    """True for a table's header row: "Nr | Onderwerp | Besluit", "Agendapunt\tOnderwerp\tBesluit", or its column
    heads on a line of their own with the cells run together ("Agendanummer Onderwerp en besluit")."""
    words = set(load_structure()["table_header_words"])
    if not _CELLS.search(row.strip()):
        heads = [w.strip(".:") for w in row.lower().split() if w != "en"]
        return 3 <= len(heads) <= 6 and "onderwerp" in heads and all(w in words for w in heads)
    cells = [c.strip(" *_:").lower() for c in _CELLS.split(_BULLET.sub("", row.strip()))]
    cells = [c for c in cells if c]
    return len(cells) >= 2 and all(c in words or all(w in words for w in c.split()) for c in cells)  # "Punt Omschrijving"


_POINTS = re.compile(r"^[ \t]*(\d{1,2}\.\d{1,2}|\d{1,2}(?=[.)])|[a-z](?=[.)]))[.)]?[ \t]+(\S.*)$", re.M)
#: an outcome label's short intro to its numbered points: "Besloten is om", "Het bestuur heeft besloten om", "besluit"
_POINTS_INTRO = re.compile(r"\b(?:om|besluit|besluiten|besloten|te)\s*$", re.I)
_DECIDE_CELL = re.compile(r"\b(?:besluit|besluiten|besloten|stemt in|stemmen in|ingestemd|akkoord)\b", re.I)
_PROMISE_CELL = re.compile(r"\btoe\b|\btoegezegd\b")


def _agenda_action(text: str, it: _Item, data: dict, labels: str = "agenda_action_labels") -> bool:
    """An agenda item marked for the meeting's decision on its line or the line under it: "Halfjaarrapportage
    Ter besluitvorming", "Uitgangspuntenbrief 2024\nAdviesnota" (not "Ter informatie", "Informatienota")."""
    nxt = text.find("\n", it.title_end + 1)
    near = " ".join(text[it.title_start:min(it.end, nxt if nxt > 0 else it.end, it.title_end + 120)].lower().split())
    return any(re.search(r"\b" + re.escape(w) + r"\b", near) for w in data[labels])


def _agenda_decides(title: str, data: dict) -> bool:
    low = " ".join(title.lower().split()).rstrip(". ")
    if any(low.startswith(k) or low.endswith(" en " + k) for k in data["agenda_keep"]):  # "Opening en vaststelling agenda"
        return True
    if _starts(low, data["agenda_procedural"]):
        return False
    return any(re.search(r"\b" + re.escape(w) + r"\b", low) for w in data["agenda_decision_words"])


def _agenda_subject(title: str, data: dict) -> bool:
    """A numbered agenda item that names a subject ("Jaarstukken 2018", "Aanpak actualisering van de gemeenschappelijke
    regeling") is put to the meeting; not a procedural item, a group heading ("Hamerstukken", "Vragensessie"), a
    document of the meeting itself ("Besluitenlijst (concept) Provinciale Staten 28 maart 2023") or a bare number."""
    low = " ".join(title.lower().split()).strip(" .:-–")
    words = re.findall(r"[a-zà-ÿ]{2,}", low)
    if not words or (len(words) == 1 and len(words[0]) < 6) or len(words) > 16:
        return False
    if title.rstrip().endswith((";", ",", ":")) or re.search(r"\bte\s+[a-zà-ÿ]+\s*[.;,]?\s*$", low) \
            or re.search(r"\.(?:mp3|mp4|pdf|docx?|xlsx?)\b", low):
        return False  # a point of a proposed decision ("2. De aanbevelingen ... te beschouwen als afgedaan;"), a recording
    return not (_starts(low, data["agenda_procedural"]) or _starts(low, data["agenda_headings"]))


def _motion_body(lines: list[_Line], organs: list[Span], data: dict) -> tuple[int, str, str] | None:
    """(line index, body id, body text) of a motion's opening formula: "De Kamer,", "De raad van de gemeente X,"."""
    for i, ln in enumerate(lines[:60]):
        low = ln.text.lower().rstrip()
        p = _starts(low, data["motion_bodies"])
        if p and (low.endswith((",", ";")) or re.search(r"\bbijeen\b", low) or len(low) <= len(p) + 40):
            os_ = _organs_in(organs, ln.start, ln.end)
            if os_:
                return i, os_[0]._.canonical, os_[0].text
            key = p[3:] if p.startswith("de ") and p not in data["meeting_bodies"] else p
            found = data["meeting_bodies"].get(key) or body_id(p, data)
            if found:
                return i, found, ln.text[:len(p)]
    return None


def _motion(text: str, ctx: Context, lines: list[_Line], organs: list[Span], dates: list[Span], data: dict) -> list[dict]:
    out: list[dict] = []
    found = _motion_body(lines, organs, data)
    if found is None:
        return _motion_page(text, ctx, lines, organs, dates, data)
    body_line, actor, actor_text = found
    ln = lines[body_line]
    ds = _day_dates(dates, ln.start, ln.end) or _day_dates(dates, lines[0].start, ln.start)
    date, date_text = (str(ds[0]._.value), ds[0].text) if ds else (ctx.doc_date, None)
    requests = data["motion_requests"]
    status = _motion_outcome(lines[:body_line + 1], data) or "proposed"
    stamp = MOTION_STAMP.search(text, ln.end)
    if stamp:  # "Aldus aangenomen in de openbare raadsvergadering van 23 januari 2025", stamped under the text
        status = data["outcomes"].get(stamp.group(1).lower(), status)
        ds = _day_dates(dates, stamp.start(), min(len(text), stamp.end() + 120))
        if ds:
            date, date_text = str(ds[0]._.value), ds[0].text
    i = body_line + 1
    while i < len(lines):
        low = lines[i].text.lower()
        amends = low.startswith("besluit") and re.match(r"besluit\s+(?:om\s|het\s|de\s|:)", low) and re.search(r"(?i)\bamendement\b", text[:lines[body_line].start])
        if _starts(low, requests) and (not low.startswith("besluit") or amends):
            j = i
            while j < len(lines) - 1 and not lines[j].text.rstrip().endswith((";", ".")) and not lines[j + 1].text.lower().startswith(("en gaat over", "verzoekt", "draagt", "roept", "spreekt")):
                j += 1
            s, e = lines[i].start, lines[j].end
            out.append(_record(text, ctx, status=status, start=s, end=e, obj=text[s:e], actor=actor,
                               actor_text=actor_text, date=date, date_text=date_text, predicate="verzoeken"))
            i = j + 1
            continue
        if low.startswith("en gaat over tot de orde"):
            break
        i += 1
    return out


MOTION_STAMP = re.compile(r"(?im)^\W*aldus\s+(aangenomen|verworpen|aangehouden|ingetrokken)\b")  # a motion's outcome stamp


def _fields(lines: list[_Line]):
    """A record page's fields as (label, value, line holding the value): "Uitslag: Aangenomen" on one line, or a label
    on a line of its own with its value on the next ("- Status" / "- Aangenomen"; "Raadzaal/Heijezaal - Datum" /
    "- 04-12-2025", a row's last field)."""
    for i, ln in enumerate(lines):
        m = re.match(r"^(\w+)\s*[:\t ]\s*(.+)$", ln.text.strip())
        if m:
            yield m.group(1).lower(), m.group(2), ln
        lab = ln.text.strip(" -•*\t:").lower().split(" - ")[-1]
        nxt = next((x for x in lines[i + 1:i + 3] if x.text.strip(" -•*\t")), None)
        if lab and nxt is not None:
            yield lab, nxt.text.strip(" -•*\t"), nxt


def _motion_page(text: str, ctx: Context, lines: list[_Line], organs: list[Span], dates: list[Span],
                 data: dict) -> list[dict]:
    """A motion's page in a council information system, its fields a line each ("Titel" / "MO01 motie vreemd ...",
    "Status" / "Aangenomen", "Datum" / "04-12-2025", "Toelichting" / "Verzoekt het college: ..."): the assembly's
    decision on the motion, on the day the page names (none without an outcome and a day). The assembly is the one the
    page names, else the one its words imply ("raadsvoorstel", "de raad")."""
    date = date_text = title = None
    status = _motion_outcome(lines[:120], data)
    for lab, _, at in _fields(lines[:120]):
        if lab in ("datum", "vergaderdatum", "datum vergadering", "datum besluit") and date is None:
            ds = _day_dates(dates, at.start, at.end)
            if ds:
                date, date_text = str(ds[0]._.value), ds[0].text
        elif lab in ("titel", "onderwerp") and title is None:
            title = at
    if status in (None, "proposed") or date is None:
        return []
    assemblies = set(data["assemblies"])
    actor = next((o._.canonical for o in organs if o._.canonical in assemblies), None)
    if actor is None:
        low = text[:4000].lower()
        words = {**data["meeting_bodies"], **data["proposal_bodies"]}
        actor = next((cid for w, cid in sorted(words.items(), key=lambda kv: -len(kv[0]))
                      if cid in assemblies and re.search(r"\b" + re.escape(w) + r"\b", low)), None)
    if actor is None:
        return []
    start, end = (title.start, title.end) if title is not None else (lines[0].start, lines[0].end)
    return [_record(text, ctx, status=status, start=start, end=end, obj=text[start:end].strip(" -•*\t"), actor=actor,
                    actor_text=None, date=date, date_text=date_text, predicate="besluiten")]


def _motion_outcome(head: list[_Line], data: dict) -> str | None:
    """The outcome a motion's record states in a field: "Uitslag: Aangenomen", or "Status" with "Aangenomen" under it."""
    for lab, value, _ in _fields(head):
        if lab in data["motion_outcome_labels"]:
            value = " ".join(value.lower().split()).rstrip(". ")
            if value in data["outcomes"]:
                return data["outcomes"][value]
    return None


def structure_promises(text: str, ctx: Context, organs: list[Span]) -> list[dict]:
    """The promises a text tells ("Het college zegde ... toe aan de raad"), made at the meeting ``ctx`` names."""
    return _promises(text, ctx, organs, load_structure())


def _promises(text: str, ctx: Context, organs: list[Span], data: dict, present_only: bool = False) -> list[dict]:
    """Promises in minutes and decision lists: "Wethouder Wagner zegt toe dat ...", "De gedeputeerde doet de
    toezegging ...": the promising body (the office named before the verb) on the meeting's date.
    ``present_only``: only what is promised in the present tense ("zegt ... toe", not "zegde ... toe"), for
    documents that are no record of a meeting: a promise told in the past is of a day they do not give."""
    out: list[dict] = []
    date, date_text = (ctx.meeting_date, ctx.meeting_date_text) if ctx.meeting_date else (ctx.doc_date, None)
    if not date:
        return out
    rxs = [re.compile(p, re.I) for p in data["promises"]]
    future = re.compile(data["promise_future"], re.I)
    offices = _offices() - {"griffier"}
    previous: Span | None = None  # the office that opens the previous sentence ("Wethouder Bot geeft aan ...")
    sentences = _sentences(text, 0, len(text))
    listed: set[int] = set()  # sentences under "... heeft de volgende toezeggingen gedaan:", one promise each
    for k, (s, e) in enumerate(sentences):
        if k in listed:
            continue
        sent = text[s:e]
        opener = next((o for o in _organs_in(organs, s, min(e, s + 120))  # at the start of the sentence or its line
                       if o.start_char - max(s, text.rfind("\n", s, o.start_char) + 1) <= 4), None)
        plain = re.sub(r"\b([a-z])\.([a-z])\.", r"\1\2  ", sent)  # ("zegde o.a. ... toe": an abbreviation, not a stop)
        m = next((m for rx in rxs for m in [rx.search(plain)] if m), None)
        if present_only:
            m = m if m is not None and re.match(r"(?i)zeg(?:t|gen)\b|do(?:et|en)\b", m.group(0)) else None
        if m is None and "?" not in sent and not present_only:
            f = future.match(sent)  # what an office "zal" do: planned, its day unwritten (a promise is "zegt toe")
            if f and f.group("pron") and previous is not None:
                # "Hij zal dit in de staf gaan voorbereiden": the office of the sentence before
                out.append(_record(text, ctx, status="planned", start=s, end=e, obj=sent, actor=previous._.canonical,
                                   actor_text=previous.text, predicate="toezeggen"))
            elif f and opener is not None and opener._.canonical in offices and opener.end_char <= s + f.end("lead"):
                out.append(_record(text, ctx, status="planned", start=s, end=e, obj=sent, actor=opener._.canonical,
                                   actor_text=opener.text, predicate="toezeggen"))
        previous = opener if opener is not None and opener._.canonical in offices else None
        if m is None or "?" in sent:
            continue
        verb_at = s + m.start()
        before = [o for o in _organs_in(organs, s, verb_at + 1)
                  if not re.search(r"\b(?:aan|met|naar|van|bij|voor)\s+(?:de\s+|het\s+)?$", text[max(s, o.start_char - 12):o.start_char], re.I)
                  and not o.text.lower().endswith(("voorstel", "voorstellen", "besluit", "besluiten"))]  # "Raadsvoorstel X" is a title
        if not before:  # "Bij de behandeling van agendapunt 8 zegt wethouder Rog het volgende toe."
            before = [o for o in _organs_in(organs, verb_at, s + m.end()) if o._.canonical in offices
                      and o.start_char - verb_at <= 12]
        if not before:
            continue
        actor = before[0]
        if re.search(r"\bhet\s+volgende\s+toe\W*$", sent):  # ... and what follows in the paragraph is the promise
            j = k + 1
            while j < len(sentences) and "\n\n" not in text[sentences[j - 1][1]:sentences[j][0]]:
                listed.add(j)
                j += 1
            if j > k + 1:
                ls, le = sentences[k + 1][0], sentences[j - 1][1]
                out.append(_record(text, ctx, status="promised", start=ls, end=le, obj=text[ls:le], actor=actor._.canonical,
                                   actor_text=actor.text, date=date, date_text=date_text, predicate="toezeggen"))
                continue
        if sent.rstrip().endswith(":"):  # "Wethouder De Jonge heeft ... de volgende toezeggingen gedaan:" and the list
            j = k + 1
            while j < len(sentences):
                ls, le = sentences[j]
                item = text[ls:le]
                if any(rx.search(item) for rx in rxs) or (len(item.split()) <= 4 and not item.rstrip().endswith(".")):
                    break  # the next intro, or a heading ("Aantekeningen")
                listed.add(j)
                out.append(_record(text, ctx, status="promised", start=ls, end=le, obj=item, actor=actor._.canonical,
                                   actor_text=actor.text, date=date, date_text=date_text, predicate="toezeggen"))
                j += 1
            if j > k + 1:
                continue
        s = max(s, text.rfind("\n", s, actor.start_char) + 1)  # not the item's title line above it
        out.append(_record(text, ctx, status="promised", start=s, end=e, obj=text[s:e], actor=actor._.canonical,
                           actor_text=actor.text, date=date, date_text=date_text, predicate="toezeggen"))
    return out


def _promise_rows(text: str, ctx: Context, lines: list[_Line], organs: list[Span], dates: list[Span],
                  data: dict) -> list[dict]:
    """A list of promises ("Lijst van toezeggingen"), one a row: promised on the row's date by the office the row
    names (else the college); a row marked done ("afgedaan") is that too, realized, with no date of its own."""
    out: list[dict] = []
    offices = _offices() - {"griffier"}
    for ln in lines:
        if len(_CELLS.split(ln.text)) < 3 or is_header_row(ln.text):
            continue  # a row of cells ("T2024-12 | 5 maart 2024 | De raad ontvangt ... | wethouder Bakker")
        ds = _day_dates(dates, ln.start, ln.end)
        if not ds:
            continue
        os_ = [o for o in _organs_in(organs, ln.start, ln.end) if o._.canonical in offices]
        actor, actor_text = (os_[0]._.canonical, os_[0].text) if os_ else ("college_bw", None)
        cells = [c.strip() for c in _CELLS.split(ln.text) if c.strip()]
        what = max(cells, key=len) if cells else ln.text
        out.append(_record(text, ctx, status="promised", start=ln.start, end=ln.end, obj=what, actor=actor,
                           actor_text=actor_text, date=str(ds[0]._.value), date_text=ds[0].text, predicate="toezeggen"))
        if any(c.lower().rstrip(".") in data["promise_done"] for c in cells):
            out.append(_record(text, ctx, status="realized", start=ln.start, end=ln.end, obj=what, actor=actor,
                               actor_text=actor_text, predicate="afdoen"))
    return out


def _letter_requests(text: str, ctx: Context, data: dict) -> list[dict]:
    """A letter's requests in the first person ("Wij verzoeken u ... voor 1 juli 2023 ..."): proposals of the
    issuer on the letter's date (a date in the sentence is the deadline asked for, not the request's date)."""
    out: list[dict] = []
    if not ctx.doc_date:
        return out
    rxs = [re.compile(p, re.I) for p in data["letter_requests"]]
    own = data["letter_self_names"].get(ctx.issuer or "")
    if own:  # the writer in the third person, its verb before it after an adverb: "Daarom verzoekt het college ..."
        # (not a motion's dictum quoted in the letter: "Verzoekt het college:" opens its sentence)
        rxs.append(re.compile(rf"(?<=\w)[ \t,]+(?:verzoekt|verzoeken|vraagt|vragen)\s+(?:{own})\b", re.I))
    for s, e in _sentences(text, 0, len(text)):
        sent = text[s:e]
        if "?" in sent or not any(rx.search(sent) for rx in rxs):
            continue
        out.append(_record(text, ctx, status="proposed", start=s, end=e, obj=sent, actor=ctx.issuer,
                           actor_text=ctx.issuer_text, date=ctx.doc_date, predicate="verzoeken"))
    return out


def _convocations(text: str, ctx: Context, dates: list[Span], data: dict) -> list[dict]:
    """A letter that calls a meeting: the call, by the writer on the letter's date (realized), and the
    meeting it calls, of the body its meeting word names on the meeting's date (planned)."""
    out: list[dict] = []
    if not ctx.doc_date:
        return out
    rxs = [re.compile(p, re.I) for p in data["convocations"]]
    words = sorted(data["meeting_words"] + list(data["meeting_bodies"]), key=len, reverse=True)
    meeting_rx = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I)
    for s, e in _sentences(text, 0, len(text)):
        sent = text[s:e]
        if not any(rx.search(sent) for rx in rxs):
            continue
        out.append(_record(text, ctx, status="realized", start=s, end=e, obj=sent, actor=ctx.issuer,
                           actor_text=ctx.issuer_text, date=ctx.doc_date, predicate="oproepen"))
        m = meeting_rx.search(sent)
        ds = _day_dates(dates, s + m.end(), e) if m else []
        body = body_id(m.group(1), data) if m else None
        if body and ds:
            out.append(_record(text, ctx, status="planned", start=s + m.start(), end=ds[0].end_char,
                               obj=text[s + m.start():ds[0].end_char], actor=body, actor_text=m.group(1),
                               date=str(ds[0]._.value), date_text=ds[0].text, predicate="vergaderen"))
        break
    return out


#: a notice or letter that lists what a meeting will deal with: "Op de agenda van deze bijeenkomst staan onder meer de
#: volgende zaken:", "Op de agenda staan:", "Aan de orde komen onder andere:", "De agenda bevat de volgende punten:"
_AGENDA_INTRO = re.compile(
    r"(?:\bop\s+de\s+(?:[a-z]+\s+)?agenda\b[^.:\n]{0,60}?\b(?:sta(?:an|at)|zijn)\b(?:\s*\([^)\n]{0,80}\))?|\baan\s+de\s+orde\s+(?:komen|zijn)\b|\bde\s+agenda\s+"
    r"(?:bevat|omvat|vermeldt|luidt|is\s+als\s+volgt|ziet\s+er\s+als\s+volgt\s+uit)\b|\bgeagendeerd\s+(?:zijn|staan)\b"
    r"|\b(?:dit|hier)\s+is\s+de\s+agenda\b)[^.:\n]{0,60}:[ \t]*$", re.I | re.M)
_AGENDA_HEAD = re.compile(r"^[ \t]*(?:onderwerpen|agenda|agendapunten|op\s+de\s+agenda)\b[^\n:.]{0,60}:?[ \t]*$", re.I | re.M)
#: an agenda item on a line of its own: a short phrase opening with a capital, not a sentence's wrapped rest or a label
_PLAIN_ITEM = re.compile(r"^(?![^\n]*[a-zà-ÿ0-9]{2}\.[ \t]+[A-ZÀ-Ý])[ \t]*([A-ZÀ-Ý][^\n:]{2,110}?)[ \t]*$")
# (not a line of prose that holds the end of a sentence: "Koersplan 2018-2021. De Jaarrekening 2017 is vastgesteld.")
_LISTED = re.compile(r"^[ \t]*(?:[-•*▪–·]|\d{1,2}[.)]|[a-z][.)])[ \t]+(\S.*?)\s*$")


def _announced_meeting(text: str, organs: list[Span], dates: list[Span], at: int, end: int) -> tuple[Span, Span] | None:
    """(body, day) of the meeting a text announces before an agenda that starts at ``at`` (up to ``end``): the last
    body named as meeting ("vergadert de gemeenteraad"), else the last meeting named ("de raadsvergadering"), and the
    day named nearest to it."""
    before_from = max(0, at - 1200)
    named = list(reversed(_organs_in(organs, before_from, end)))
    body = next((o for o in named if _meets(o)), None) or next(
        (o for o in named if o.text.lower().endswith("vergadering")), None)
    ds = [d for d in _day_dates(dates, before_from, end)
          if not re.search(r"\b\d{4}\s*$", text[max(0, d.start_char - 12):d.start_char])]  # (not "2004 2008")
    if body is None or not ds:
        return None
    return body, min(ds, key=lambda d: abs(d.start_char - body.start_char))


def _announced_agenda(text: str, ctx: Context, organs: list[Span], dates: list[Span], data: dict) -> list[dict]:
    """The points a notice or letter says a meeting will deal with, each proposed to the meeting's body on the
    meeting's day: "... dat op woensdag 26 november 2003 een openbare bijeenkomst van de Verenigde Vergadering zal
    worden gehouden ... Op de agenda van deze bijeenkomst staan onder meer de volgende zaken:" then "* Begroting 2004"."""
    out: list[dict] = []
    intros = list(_AGENDA_INTRO.finditer(text))
    if ctx.layout != "agenda":  # "De gemeenteraad vergadert op maandag 26 januari 2026 ..." / "Onderwerpen oriënterende
        # raadsbijeenkomst" over bullets: a news item's list of what the meeting takes
        intros += [m for m in _AGENDA_HEAD.finditer(text) if not any(i.start() <= m.start() < i.end() for i in intros)]
    for m in intros:
        found = _announced_meeting(text, organs, dates, text.rfind("\n", 0, m.start()), m.end())
        if found is None:
            continue
        body, day = found
        for s_, e_ in _items_below(text, m.end(), plain=True):
            if _agenda_subject(text[s_:e_].rstrip().removesuffix(";"), data):  # (bullets that end in ";" as a
                # sentence's parts do: "• Bommenregeling 2023;")
                out.append(_record(text, ctx, status="proposed", start=s_, end=e_, obj=text[s_:e_],
                                   actor=body._.canonical, actor_text=body.text, date=str(day._.value),
                                   date_text=day.text, predicate="agenderen"))
    return out


def _next_line(text: str, nl: int) -> str:
    """The next non-blank line after the line break at ``nl``."""
    while 0 <= nl < len(text):
        end = text.find("\n", nl + 1)
        end = len(text) if end < 0 else end
        if text[nl + 1:end].strip():
            return text[nl + 1:end]
        nl = end
    return ""


def _items_below(text: str, at: int, plain: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the items listed from the line after ``at`` on: bulleted, numbered or lettered lines, an item's
    wrapped rest (an indented or lower-case line under it) joined to it, blank lines between them allowed, up to the
    first line that is none of these. ``plain``: items may also be lines of their own without a bullet ("Opening." /
    "Vaststellen agenda."), when the first item has none; the list then ends at "Sluiting"."""
    nl = text.find("\n", at)
    pos = nl + 1 if nl >= 0 else len(text)
    items: list[tuple[int, int]] = []
    last: tuple[int, int] | None = None  # the item being read
    bare = None  # whether the items are lines without bullets
    while pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl]
        item = _LISTED.match(line)
        if plain and item is None and line.strip() and len(line.split()) <= 12 \
                and not line.rstrip().endswith((".", ";", ":")) and _LISTED.match(_next_line(text, nl)):
            if last is not None:  # "Hamerstukken (geen inhoudelijke behandeling)" over bullets: a group's heading
                items.append(last)
                last = None
            pos = nl + 1
            continue
        if bare is None and line.strip():
            bare = plain and item is None
        if item is None and bare:
            item = _PLAIN_ITEM.match(line)
            if item is not None and _starts(item.group(1).lower(), ["sluiting"]):
                break  # the meeting's last item: what follows is the page's text
        if item is None:
            if line.strip() and last is not None and not bare and line.lstrip()[:1].isupper() \
                    and len(line.split()) > 12 and re.search(r"[a-zà-ÿ]{2}\.(?:\s|$)", line) \
                    and (_LISTED.match(_next_line(text, nl)) or nl >= len(text) - 1):
                items.append(last)  # "• Raadsvoorstel Dashboard ..." / "  Met het Dashboard wordt ... inzicht gegeven.":
                last = None  # the item's explanation under it, not its wrapped rest
                pos = nl + 1
                continue
            if line.strip() and last is not None and not bare and (line[:1].isspace() or line.lstrip()[:1].islower()):
                last = (last[0], pos + len(line.rstrip()))  # the item's wrapped rest on the next line
                pos = nl + 1
                continue
            if line.strip():
                break
            if last is not None:
                items.append(last)
                last = None
            pos = nl + 1
            continue
        if last is not None:
            items.append(last)
        last = (pos + item.start(1), pos + item.end(1))
        pos = nl + 1
    if last is not None:
        items.append(last)
    return items


#: what a news item says is on a meeting's agenda, in one sentence: "Ook op de agenda: de Programmarekening 2019, het
#: onttrekkingsbesluit van de Maarssenbroekse Slag, ...", "Verder staan er twee bespreekstukken op de agenda, namelijk
#: een besluit over ... en een besluit om ...", "... staan er twee akkoordstukken op, te weten een besluit over ..."
_INLINE_AGENDA = re.compile(
    r"(?i)(?:\bop\s+de\s+agenda\b[^.:\n]{0,80}?|\bstaan\s+er\s+[^.:\n]{0,60}?\bop)"
    r"(?::|,?\s+(?:te\s+weten|namelijk)\b)\s*((?:de|het|een)\s[^.\n]{5,600}?)\.(?=\s|$)")
#: where an enumeration of agenda items is cut: ", het ...", " en een besluit ..."
_ITEM_CUT = re.compile(r"(?i),\s+(?:en\s+)?(?=(?:de|het|een)\s)|\s+en\s+(?=(?:de|het|een)\s)")


#: what announces the items a meeting takes without debate: a heading ("Hamerstukken", "Zonder bespreking") or a
#: sentence ending in a colon that names them ("... staan voor die avond op de hamerstukkenlijst:", "De volgende
#: onderwerpen worden zonder bespreking bij hamerslag afgedaan, de zogenoemde B-lijst van hamerslagpunten:")
_HAMMER_INTRO = re.compile(
    r"(?im)^[ \t]*(?:hamerstukken(?:lijst)?|hamerpunten|zonder\s+bespreking|akkoordstukken)[ \t]*:?[ \t]*$"
    r"|\b(?:hamerstuk|hamersla|hamerpunt|zonder\s+(?:bespreking|debat)|akkoordstuk)[^.:\n]{0,120}:[ \t]*$"
    r"|\b(?:ingestemd|akkoord\s+gegaan)\s+met\s+de\s+(?:voorliggende\s+|volgende\s+)?hamerstukken\.[ \t]*$")
# ("Tijdens de afgelopen vergadering heeft de gemeenteraad unaniem ingestemd met de voorliggende hamerstukken." over them)
#: a text that tells of the meeting as held: "vergaderde de gemeenteraad", "welke besluiten de gemeenteraad in deze
#: vergadering genomen heeft"
_MEETING_HELD = re.compile(r"(?i)\b(?:vergaderden?|kwam(?:en)?\s+[^.]{0,60}\bbijeen|besluiten\b[^.]{0,80}\bgenomen"
                           r"|(?:heeft|hebben)\s+[^.]{0,80}\b(?:besloten|ingestemd))\b")


def _hammer_subject(title: str, data: dict) -> bool:
    """An item of a list taken without debate: a subject as for an agenda (``_agenda_subject``), however long
    ("Gemeentelijke rekenkamer: vaststellen verordening; benoemen voorzitter en leden; ...")."""
    low = " ".join(title.lower().split()).strip(" .:;,-–")
    return len(re.findall(r"[a-zà-ÿ]{2,}", low)) >= 2 and not title.rstrip().endswith(":") and not (
        _starts(low, data["agenda_procedural"]) or _starts(low, data["agenda_headings"]))


def _hammer_items(text: str, ctx: Context, organs: list[Span], dates: list[Span], data: dict) -> list[dict]:
    """The items a news item or agenda lists as taken without debate ("Hamerstukken" / "• Vaststelling
    bouwverordening"): each put to the meeting's body on its day, adopted when the text tells of the meeting as
    held (a hamerstuk is adopted as proposed), else proposed."""
    out: list[dict] = []
    seen: set[int] = set()
    for m in _HAMMER_INTRO.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        found = _announced_meeting(text, organs, dates, line_start, m.end())
        if found is not None:
            body, day = found
            actor, actor_text, date, date_text = body._.canonical, body.text, str(day._.value), day.text
        elif ctx.meeting_body and ctx.meeting_date:
            actor, actor_text, date, date_text = ctx.meeting_body, ctx.meeting_body_text, ctx.meeting_date, \
                ctx.meeting_date_text
        else:
            continue
        held = bool(_MEETING_HELD.search(text, max(0, line_start - 1200), m.end())) or bool(
            ctx.doc_date and date and len(date) == 10 and date < ctx.doc_date)
        for s_, e_ in _items_below(text, m.end()):
            if s_ not in seen and _hammer_subject(text[s_:e_], data):
                seen.add(s_)
                out.append(_record(text, ctx, status="adopted" if held else "proposed", start=s_, end=e_,
                                   obj=text[s_:e_], actor=actor, actor_text=actor_text, date=date,
                                   date_text=date_text, predicate="hamerstuk" if held else "agenderen"))
    return out


def _inline_agenda(text: str, ctx: Context, organs: list[Span], dates: list[Span], data: dict) -> list[dict]:
    """The subjects a sentence says are on the agenda of a meeting the text announced before it, each proposed to
    that meeting's body on its day (see ``_INLINE_AGENDA``)."""
    out: list[dict] = []
    for m in _INLINE_AGENDA.finditer(text):
        if m.group(0).lower().startswith("staan") and "agenda" not in text[max(0, m.start() - 400):m.start()].lower():
            continue  # ("staan er ... op, te weten": only after the agenda was named)
        found = _announced_meeting(text, organs, dates, m.start(), m.start())
        if found is None:
            continue
        body, day = found
        pos = m.start(1)
        for part in _ITEM_CUT.split(m.group(1)):
            item = part.strip(" ,;")
            at = text.find(item, pos)
            pos = at + len(item)
            if len(item.split()) < 2 or not _agenda_subject(re.sub(r"(?i)^(?:de|het|een)\s+", "", item), data):
                continue
            out.append(_record(text, ctx, status="proposed", start=at, end=at + len(item), obj=item,
                               actor=body._.canonical, actor_text=body.text, date=str(day._.value),
                               date_text=day.text, predicate="agenderen"))
    return out


#: a royal decree's opening: "Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden, ..."
_ROYAL = re.compile(r"(?m)^\s*Wij\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,\s+bij\s+de\s+gratie\s+Gods,\s+(Koning(?:in)?\s+der\s+Nederlanden)")
_DECREE_TITLE = re.compile(r"(?i)^\s*(?:besluit|wet|koninklijk\s+besluit)\s+van\s+")
_NOMINATION = re.compile(r"(?im)^[ \t]*op\s+(?:de\s+)?voordracht\s+van\s+[^\n;]{0,160}")


def _royal_decree(text: str, ctx: Context, organs: list[Span], dates: list[Span]) -> list[dict]:
    """A royal decree (an AMvB or a Koninklijk Besluit in the Staatsblad): "Besluit van 8 april 2019 tot wijziging
    van ..." over "Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden" is the King's decision on that
    day; "Op de voordracht van de Staatssecretaris van Justitie en Veiligheid van 25 februari 2019" is the proposal
    of the minister or state secretary who put it forward, on that day."""
    royal = _ROYAL.search(text[:3000])
    if royal is None:
        return []
    out: list[dict] = []
    first = re.search(r"\S[^\n]*", text[:royal.start()])
    if first and _DECREE_TITLE.match(first.group(0)):
        ds = _day_dates(dates, first.start(), first.end())
        if ds:
            out.append(_record(text, ctx, status="adopted", start=first.start(), end=first.end(), obj=first.group(0),
                               actor="koning", actor_text=royal.group(1), date=str(ds[0]._.value), date_text=ds[0].text,
                               predicate="vaststellen", item=(first.start(), royal.end())))
    nom = _NOMINATION.search(text, royal.end(), royal.end() + 1500)
    if nom is not None:
        who = next((o for o in _organs_in(organs, nom.start(), nom.end())
                    if o._.canonical == "staatssecretaris" or str(o._.canonical).startswith("minister")), None)
        ds = _day_dates(dates, nom.start(), nom.end())
        if who is not None and ds:
            out.append(_record(text, ctx, status="proposed", start=nom.start(), end=nom.end(), obj=nom.group(0).strip(),
                               actor=who._.canonical, actor_text=who.text, date=str(ds[0]._.value), date_text=ds[0].text,
                               predicate="voordragen", cited=True))
    return out


def adoption_formula(text: str, dates: list[Span], meeting: bool = False) -> tuple[int, int, str, str] | None:
    """(start, end, ISO date, date text) of the closing formula of a resolution or notice, "Aldus besloten in
    de openbare vergadering van 28 maart 2023", in the last part of the text; None without one. With
    ``meeting``, the formula that adopts a decision list or minutes ("Vastgesteld in de vergadering gehouden
    op 7 januari 2025")."""
    data = load_structure()
    low = text.lower()
    tail_from = max(0, len(text) - 4000)
    best = None
    for p in data["record_adoption_formulas" if meeting else "adoption_formulas"]:
        for m in re.finditer(re.escape(p), low[tail_from:]):
            start = tail_from + m.start()
            end = text.find("\n\n", start)
            end = len(text) if end < 0 else end
            ds = _day_dates(dates, start, min(end, start + 200))
            if ds and (best is None or start > best[0]):
                best = (start, ds[0].end_char, str(ds[0]._.value), ds[0].text)
    if best is None and not meeting:
        best = _signed_closing(text, dates, tail_from)
    return best


_SIGNED_BY = re.compile(r"(?i)^\W*(?:de|het)\s+\w+(?:\s+\w+){0,3}\s+voornoemd\b")


def opening_meeting(text: str, dates: list[Span]) -> tuple[int, int, str, str] | None:
    """(start, end, ISO date, date text) of a resolution's opening that names the meeting that took it ("De gemeenteraad
    van Enschede, in zijn openbare vergadering van 12 december 2022 heeft overwogen dat:"), in its first lines."""
    for ln in _lines(text[:3000])[:40]:
        m = OPENING_MEETING.search(ln.text)
        if m is None:
            continue
        ds = _day_dates(dates, ln.start + m.end(), ln.start + m.end() + 40)
        if ds:
            return (ln.start, ds[0].end_char, str(ds[0]._.value), ds[0].text)
    return None


def _signed_closing(text: str, dates: list[Span], tail_from: int) -> tuple[int, int, str, str] | None:
    """"Almere, 10 oktober 2024" with "De raad voornoemd," under it: a resolution signed without
    "Aldus besloten"; the place-and-date line dates it."""
    lines = [ln for ln in _lines(text) if ln.start >= tail_from and ln.text.strip()]
    for i, ln in enumerate(lines):
        if not _PLACE_DATE.match(ln.text.strip()):
            continue
        if not any(_SIGNED_BY.match(nxt.text) for nxt in lines[i + 1:i + 3]):
            continue
        ds = _day_dates(dates, ln.start, ln.end)
        if ds:
            return (ln.start, ds[0].end_char, str(ds[0]._.value), ds[0].text)
    return None


def _refusals(text: str, ctx: Context, data: dict) -> list[dict]:
    out = []
    low = text.lower()
    for p in data["refusals"]:
        for m in re.finditer(re.escape(p), low):
            s = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            e = text.find(".", m.end())
            e = e + 1 if e >= 0 else m.end()
            while s < e and text[s].isspace():
                s += 1
            out.append(_record(text, ctx, status="rejected", start=s, end=e, obj=text[s:e], actor=ctx.issuer,
                               actor_text=ctx.issuer_text, date=ctx.doc_date, predicate="afwijzen"))
    out.sort(key=lambda r: r["start"])
    return out[:1]


_BY_BEFORE = re.compile(r"(?i)\bdoor\s+(?:het\s+|de\s+)?$")
#: a decision named by its day, its maker after it: "bij besluit van 02 juli 2020 door de raad"
_DECISION_OF_DAY = re.compile(r"(?i)\b(?:bij\s+|het\s+|een\s+)?(?:\w*besluit|beslissing)\s+(?:van|d\.?\s?d\.?)\s+(?:\w+dag\s+)?$")
#: the acts a noun names whose maker follows "door": "na vaststelling door het Dagelijks Bestuur in haar vergadering van
#: 3 april"
_ACTS_BY = frozenset(("vaststelling", "goedkeuring", "instemming"))


def _cited(text: str, organs: list[Span], dates: list[Span], data: dict) -> list[dict]:
    """Earlier decisions as noun phrases: "het besluit van Gedeputeerde Staten van 3 maart 2020"."""
    out = []
    nouns = data["cited_nouns"]
    rx = re.compile(r"\b(" + "|".join(sorted(map(re.escape, nouns), key=len, reverse=True)) + r"|[a-z]{3,}besluit(?:en)?)"
                    r"(?:\s+(?!(?:van|over|tot|om|het|de|een|conform|inzake|en|of|" + "|".join(map(re.escape, nouns)) + r")\b)[A-Za-z][\w\-]*){0,3}?"
                    r"\s+(van|door)\s+(?:het\s+|de\s+|uw\s+|ons\s+)?$", re.I)
    # ("de kaderbesluiten deelname Samenwerkingsorganisatie van de gemeenteraden van Diemen d.d. 23 januari 2014")
    for o in organs:
        by = _BY_BEFORE.search(text, max(0, o.start_char - 12), o.start_char)
        d = next((d for d in dates if 0 < o.start_char - d.end_char <= 16 and _DAY.match(str(d._.value or ""))
                  and re.fullmatch(r"(?i),?\s*door\s+(?:het\s+|de\s+)?", text[d.end_char:o.start_char])),
                 None) if by else None
        b = _DECISION_OF_DAY.search(text, max(0, d.start_char - 40), d.start_char) if d is not None else None
        if b is not None:  # "bij besluit van 2 juli 2020 door de raad geheim verklaard": the day first, then the maker
            out.append(_record(text, Context(), status="adopted", start=b.start(), end=o.end_char,
                               obj=text[b.start():o.end_char], actor=o._.canonical, actor_text=o.text,
                               date=str(d._.value), date_text=d.text, predicate="besluiten", cited=True))
            continue
        m = rx.search(text[max(0, o.start_char - 70):o.start_char])
        if not m and o.text.lower().endswith(("besluit", "besluiten")):  # "conform het B&W-besluit dd. 13 februari 2018"
            d = next((d for d in dates if 0 <= d.start_char - o.end_char <= 12 and _DAY.match(str(d._.value or ""))
                      and re.fullmatch(r"\s*(?:van|d\.?\s?d\.?|op)\s*", text[o.end_char:d.start_char], re.I)), None)
            if d is not None:
                out.append(_record(text, Context(), status="adopted", start=o.start_char, end=d.end_char,
                                   obj=text[o.start_char:d.end_char], actor=o._.canonical, actor_text=o.text,
                                   date=str(d._.value), date_text=d.text, predicate="besluiten", cited=True))
            continue
        if not m:
            continue
        # "het besluit van GS van 3 maart 2020", "het mandaatbesluit van Gedeputeerde Staten voor de provinciale
        # organisatie 2014 van 17 december 2013": what the decision is about may stand between body and date
        d = next((d for d in dates if 0 <= d.start_char - o.end_char <= 110 and _DAY.match(str(d._.value or ""))
                  and "\n\n" not in text[o.end_char:d.start_char]  # (not past a heading: "Van de Minister van X" /
                  # "Aanleiding" / "Op 12 oktober 2020 is een verzoek ingediend")
                  and re.fullmatch(r"\s*(?:[\w\-]+\s+){0,12}?,?\s*(?:van|d\.?d\.?|op)\s+(?:\w+dag\s+)?", text[o.end_char:d.start_char], re.I)), None)
        # ("Gelet op het voorstel van burgemeester en wethouders, d.d. 09-10-2018")
        if d is None:
            continue
        noun = m.group(1).lower()
        by = m.group(2).lower() == "door"
        if (by and noun not in _ACTS_BY) or (not by and noun == "vaststelling"):
            continue  # "na vaststelling door het Dagelijks Bestuur" (not "de brief door de raad", nor "Vaststelling
            # besluitenlijst van de raadsvergadering van 8 juni": an item that adopts a meeting's list)
        noun = noun if noun in nouns else "besluit"  # "mandaatbesluit", "aanwijzingsbesluit": a decision
        s = max(0, o.start_char - 70) + m.start()
        if noun == "advies" and not re.search(r"(?i)\b(?:gelezen|gezien)\s+(?:het|[^;\n]{0,160}\ben\s+het)\s+$",
                                              text[max(0, s - 180):s]):
            continue  # (a resolution's "gelezen het advies van burgemeester en wethouders van ...": what it was put as)
        out.append(_record(text, Context(), status=nouns[noun], start=s, end=d.end_char, obj=text[s:d.end_char],
                           actor=o._.canonical, actor_text=o.text, date=str(d._.value), date_text=d.text,
                           predicate=noun, cited=True))
        several = bool(re.search(r"(?i)(?:raden|colleges|besturen)$", o.text))  # "de gemeenteraden van ...": each its own
        if several:
            out[-1]["_place"] = _place_before(text, d.start_char)
        while True:  # the same decision of the other councils: "..., Uithoorn d.d. 30 januari 2014 en Ouder Amstel d.d. 13
            # februari 2014" (each council's own decision on its own day)
            nxt = next((x for x in dates if 0 < x.start_char - d.end_char <= 70 and _DAY.match(str(x._.value or ""))
                        and _CITED_MORE.fullmatch(text[d.end_char:x.start_char])), None)
            if nxt is None:
                break
            # (another council on the same day is still its own decision)
            out.append(_record(text, Context(), status=nouns[noun], start=s, end=nxt.end_char,
                               obj=text[s:o.end_char] + " " + text[d.end_char:nxt.end_char].strip(" ,"),
                               actor=o._.canonical, actor_text=o.text, date=str(nxt._.value), date_text=nxt.text,
                               predicate=noun, cited=True))
            if several:
                out[-1]["_place"] = _place_before(text, nxt.start_char)
            d = nxt
    return out


def _place_before(text: str, at: int) -> str | None:
    """The place named just before a cited decision's day: "Bedum" of "..., Bedum d.d. 18 oktober 2012"."""
    m = re.search(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s*(?:d\.?\s?d\.?|van)\s*(?:\w+dag\s+)?$", text[max(0, at - 60):at])
    return m.group(1) if m else None


_CITED_MORE = re.compile(r"\s*(?:,|\ben\b)\s*(?:(?:van\s+)?(?:de|het)\s+[\w ]{2,50}?\s+)?(?:van\s+(?:de\s+gemeente\s+)?)?"
                         r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}\s*(?:d\.?\s?d\.?|van)\s*(?:\w+dag\s+)?", re.S)


_YOUR_ACT = re.compile(r"(?i)\buw\s+(?:brief|advies|verzoek|zienswijze|reactie|e-?mail|aanvraag)\s+(?:van|d\.?\s?d\.?)\s+(?:\w+dag\s+)?$")
_RECEIVED = re.compile(r"(?i)[\s,]*(?:ontvingen|ontving|kregen|kreeg)\s+(?:wij|we|ik)\s+uw\s+"
                       r"(?:brief|advies|verzoek|zienswijze|reactie|e-?mail|aanvraag)\b")


def _addressee_acts(text: str, lines: list[_Line], organs: list[Span], dates: list[Span], data: dict) -> list[dict]:
    """What the body a letter answers did, with its date: "uw advies van 17 mei 2024", "Op 17 mei 2024 ontvingen
    wij uw advies" (the addressee's act, realized then; only when the letter is addressed to a body)."""
    actor, actor_text = _addressee(lines, organs, data)
    if actor is None:
        return []
    out = []
    for d in dates:
        if not _DAY.match(str(d._.value or "")):
            continue
        before = _YOUR_ACT.search(text[max(0, d.start_char - 60):d.start_char])
        after = _RECEIVED.match(text, d.end_char, min(len(text), d.end_char + 80))
        if before is None and after is None:
            continue
        s = max(0, d.start_char - 60) + before.start() if before else d.start_char
        e = d.end_char if before else after.end()
        out.append(_record(text, Context(), status="realized", start=s, end=e, obj=text[s:e], actor=actor,
                           actor_text=actor_text, date=str(d._.value), date_text=d.text, predicate="ontvangen",
                           cited=True))
    return out


def _cited_own(text: str, ctx: Context, dates: list[Span], data: dict) -> list[dict]:
    """The writer's own earlier act named with its date: "naar aanleiding van ons verzoek van 1 mei 2024",
    "onze brief d.d. 3 maart 2024", "mijn besluit van 12 juni 2023"."""
    if ctx.issuer is None:
        return []
    nouns = data["cited_nouns"]
    rx = re.compile(r"\b(?:ons|onze|mijn)\s+(" + "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
                    + r")\s+(?:van|d\.?\s?d\.?)\s+(?:\w+dag\s+)?$", re.I)
    out = []
    for d in dates:
        if not _DAY.match(str(d._.value or "")):
            continue
        m = rx.search(text[max(0, d.start_char - 60):d.start_char])
        if m is None:
            continue
        s = max(0, d.start_char - 60) + m.start()
        noun = m.group(1).lower()
        out.append(_record(text, Context(), status=nouns[noun], start=s, end=d.end_char, obj=text[s:d.end_char],
                           actor=ctx.issuer, actor_text=ctx.issuer_text, date=str(d._.value), date_text=d.text,
                           predicate=noun, cited=True))
    return out


@lru_cache(maxsize=1)
def _adjectival_participles() -> dict[str, tuple[str, str]]:
    """Participles of deciding verbs as adjectives ("vastgestelde", "uitgevaardigde", "aangenomen") -> (status, lemma)."""
    verbs = load_lexicon().raw["verbs"]
    out = {}
    for lemma, v in verbs.items():
        status = {"decide": "adopted", "reject": "rejected"}.get(v.get("class"))
        for p in v.get("participle", []) if status else []:
            if " " not in p:
                out[p if p.endswith("en") else p + "e"] = (status, lemma)
    return out


_CITED_PARTICIPLE = re.compile(r"\b(?:het|de|dit|deze|uw|ons|onze)\s+(?:(?:eveneens|ook|reeds|eerder|al|toen)\s+)?"
                               r"(?:op|bij\s+besluit\s+van|d\.d\.)\s+$", re.I)  # ("het eveneens op 4 oktober ...")


def _cited_participles(text: str, ctx: Context, organs: list[Span], dates: list[Span]) -> list[dict]:
    """Earlier decisions as participle phrases: "het op 2 november 2018 uitgevaardigde noodbevel", "de op 12
    maart 2024 door de raad vastgestelde verordening". The body is the one named, else the document's issuer
    (a letter speaks of its own body's acts)."""
    out = []
    forms = _adjectival_participles()
    for d in dates:
        lead = _CITED_PARTICIPLE.search(text[max(0, d.start_char - 40):d.start_char])
        if not _DAY.match(str(d._.value or "")) or lead is None:
            continue
        m = re.match(r"\s+(?:door\s+(?:het\s+|de\s+)?(?P<who>[^,.;]{2,60}?)\s+)?(?P<part>\w+en?)\s+(?P<noun>[\w-]+)", text[d.end_char:d.end_char + 120])
        if not m or m.group("part").lower() not in forms:
            continue
        actor = actor_text = None
        if m.group("who"):
            o = next((o for o in organs if d.end_char + m.start("who") <= o.start_char < d.end_char + m.end("who")), None)
            if o is None:
                continue
            actor, actor_text = o._.canonical, o.text
        elif ctx.issuer and ctx.layout not in ("decision_list", "minutes", "agenda"):
            actor, actor_text = ctx.issuer, ctx.issuer_text
        else:
            continue
        s = max(0, d.start_char - 40) + lead.start()
        e = d.end_char + m.end()
        status, lemma = forms[m.group("part").lower()]
        out.append(_record(text, Context(), status=status, start=s, end=e, obj=text[s:e], actor=actor,
                           actor_text=actor_text, date=str(d._.value), date_text=d.text, predicate=lemma, cited=True))
    return out


def _dated_table_rows(text: str, ctx: Context, lines: list[_Line], dates: list[Span], data: dict) -> list[dict]:
    """The rows of a table that dates what was adopted or granted ("Oostwold - Huningaweg 11 | NL.IMRO... | 1-6-2013"
    under "a. Bestemmingsplannen" and "Naam | NL.IMRO nummer | Datum vaststelling"): each an adopted decision of the
    body the law gives that kind of plan or permit, on its day."""
    spec = data["dated_tables"]
    kinds = {**spec["bodies"], **data["adopting_bodies"]}
    kinds.pop("_doc", None)
    by_length = sorted(kinds, key=len, reverse=True)  # "omgevingsvergunningen" before "omgevingsvergunning"
    out: list[dict] = []
    for i, ln in enumerate(lines):
        if "\t" not in ln.text:
            continue
        cells = [c.strip().lower() for c in ln.text.split("\t")]
        col = next((k for k, c in enumerate(cells) if c.rstrip(" :") in spec["headers"]), None)
        if col is None or len(cells) < 2:
            continue
        above = [x.text.lower() for x in reversed(lines[max(0, i - 3):i])]  # the nearest heading first
        for row in lines[i + 1:i + 30]:
            parts = row.text.split("\t")
            if len(parts) < 2:
                continue
            if any(c.strip().lower().rstrip(" :") in spec["headers"] for c in parts):
                break  # the next table's header
            if len(parts) != len(cells):
                continue
            c_start = row.start + sum(len(p) + 1 for p in parts[:col])
            day = next((d for d in _day_dates(dates, c_start, c_start + len(parts[col]) + 1)), None)
            if day is None:
                continue
            name = parts[0].strip().lower()
            kind = next((k for where in [name] + above for k in by_length
                         if re.search(r"\b" + re.escape(k) + r"\b", where)), None)
            if kind is None:
                continue
            rec = _record(text, ctx, status="adopted", start=row.start, end=row.end, obj=parts[0].strip(),
                          actor=kinds[kind], date=str(day._.value), date_text=day.text, predicate="vaststellen")
            rec["_row"] = True  # (gives way to the sentence that tells the same decision)
            out.append(rec)
    return out


def _ratified(text: str, ctx: Context, organs: list[Span], data: dict, dates: list[Span] = ()) -> list[dict]:
    """A regulation's metadata fields "Isratifiedby: college van burgemeester en wethouders", "Issued: 2016-10-11",
    "Title: Beleidsregels ...": the body adopted it that day; "Inwerkingtredingdatum: 2019-08-30": it planned it
    to take effect then; "Isformatof: 't Contact van 29-08-2019": it published it then."""
    fields = data["ratification_fields"]
    head = text[:4000]

    def field(names: list[str]) -> re.Match | None:
        return re.search(r"(?im)^(?:" + "|".join(map(re.escape, names)) + r")\s*:\s*(.+)$", head)

    body, day = field(fields["body"]), field(fields["date"])
    if body is None or day is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day.group(1).strip()):
        return []
    found = _organs_in(organs, body.start(1), body.end(1))
    if not found:
        return []
    name = field(fields["title"])
    actor = dict(actor=found[0]._.canonical, actor_text=found[0].text)
    out = [_record(text, ctx, status="adopted", start=body.start(), end=body.end(),
                   obj=name.group(1) if name else body.group(1), date=day.group(1).strip(), date_text=day.group(1).strip(),
                   predicate="vaststellen", **actor)]
    for key, status, predicate in (("in_force", "planned", "in werking treden"), ("published", "realized", "bekendmaken")):
        m = field(fields.get(key, []))
        on = [d for d in dates if m and m.start(1) <= d.start_char and d.end_char <= m.end(1)
              and _DAY.match(str(d._.value or ""))] if m else []
        if on:  # "Inwerkingtredingdatum: 2019-08-30", "Isformatof: 't Contact van 29-08-2019"
            out.append(_record(text, ctx, status=status, start=m.start(), end=m.end(), obj=name.group(1) if name else m.group(1),
                               date=str(on[0]._.value), date_text=on[0].text, predicate=predicate, **actor))
    return out


def _proposal(text: str, ctx: Context, lines: list[_Line], data: dict) -> list[dict]:
    """A proposal to a meeting: its subject, and the handlings a list of incoming documents proposes."""
    out: list[dict] = []
    kw = dict(actor=ctx.meeting_body, actor_text=ctx.meeting_body_text, date=ctx.meeting_date,
              date_text=ctx.meeting_date_text)
    column = _label_column(lines[:60])
    for i, ln in enumerate(lines[:60]):
        low = ln.text.lower()
        if low.startswith("onderwerp"):
            rest = ln.text[len("onderwerp"):].strip(" :")
            target = ln if rest else (lines[column[i]] if i in column else lines[i + 1] if i + 1 < len(lines) else None)
            fields = ln.text[len("onderwerp"):] if rest else (target.text if target is not None else "")
            if target is not None and not EMPTY_FIELDS.fullmatch(fields):
                out.append(_record(text, ctx, status="proposed", start=target.start, end=target.end,
                                   obj=rest or target.text, predicate="voorstellen", **kw))
            break  # (not a row of empty fields: "Onderwerp: Dagtekening: Agendanummer:")
    seen: set[str] = set()
    for ln in lines:
        cell = ln.text.split("\t")[-1]  # a line of its own, or a table row's last cell
        low = " ".join(cell.lower().split())
        p = _starts(low, data["handlings"])
        if p and len(low.split()) <= len(p.split()) + 1 and p not in seen:
            seen.add(p)
            start = ln.end - len(cell.rstrip()) if cell != ln.text else ln.start
            out.append(_record(text, ctx, status="proposed", start=start, end=ln.end, obj=cell.strip(),
                               predicate="afhandelen", **kw))
    return out


_TAKEN_ON = re.compile(r"(?i)\b(?:besluit\s+genomen\s+op|datum\s+(?:van\s+(?:het\s+)?)?besluit|besloten\s+op)\s*:?\s*$")


def _taken_on(text: str, ctx: Context, dates: list[Span]) -> list[dict]:
    """A notice's or permit's "Besluit genomen op 19 januari 2018" / "Datum besluit: ...": the issuer's decision
    on that date."""
    out: list[dict] = []
    for d in dates:
        lead = _TAKEN_ON.search(text[max(0, d.start_char - 40):d.start_char])
        if not _DAY.match(str(d._.value or "")) or lead is None:
            continue
        s = max(0, d.start_char - 40) + lead.start()
        out.append(_record(text, ctx, status="adopted", start=s, end=d.end_char, obj=text[s:d.end_char],
                           actor=ctx.issuer, actor_text=ctx.issuer_text, date=str(d._.value), date_text=d.text,
                           predicate="besluiten"))
        break
    return out


def _register(text: str, ctx: Context) -> list[dict]:
    """A regulation's page in a register of regulations (see ``register``): the adopting body signed it on the
    signing day. (Its coming into force and expiry are the document's ``valid_from`` and ``valid_until``.)"""
    reg = read_register(text)
    if reg is None or "signed" not in reg.dates:
        return []
    ids = load_kb().lookup(reg.adopter) if reg.adopter else []
    actor, actor_text = (ids[0], reg.adopter) if ids else (ctx.issuer, ctx.issuer_text)
    if actor is None:
        return []
    s, e, iso = reg.dates["signed"]
    rec = _record(text, ctx, status="adopted", start=s, end=e, obj=reg.name or "regeling", actor=actor,
                  actor_text=actor_text, date=iso, date_text=text[s:e], predicate="vaststellen")
    rec["_register"] = True  # (its adoption gives way to the "Besluit" points of that day: decisions)
    out = [rec]
    for m in _ALSO_ADOPTED.finditer(text):  # "Deze regeling is tevens vastgesteld door de burgemeester.": signed alike
        also = load_kb().lookup(m.group(1))
        if also and also[0] != actor:
            out.append(_record(text, ctx, status="adopted", start=m.start(), end=m.end(), obj=reg.name or "regeling",
                               actor=also[0], actor_text=m.group(1), date=iso, date_text=None, predicate="vaststellen"))
    return out


#: a register's remark that another body adopted the regulation too
_ALSO_ADOPTED = re.compile(r"(?i)\bis\s+(?:tevens|ook|mede)\s+vastgesteld\s+door\s+(?:de\s+|het\s+)?([a-zà-ÿ]+(?:\s+[a-zà-ÿ]+){0,4}?)\s*[.;\n]")


_NOT_END = r"(?:[^.]|\.(?=\S))"  # (a dot inside "NL.IMRO.0180.513201.3001" ends no sentence)
_DRAFT = re.compile(r"\bontwerp(?:[-\w]*)?\b" + _NOT_END + r"{0,200}\b(?:ligt|liggen|wordt|worden|is|zijn)\b"
                    + _NOT_END + r"{0,120}\bter\s*(?:inzage|visie)\b|\bter\s+(?:inzage|visie)\b" + _NOT_END
                    + r"{0,80}\bontwerp", re.I)
#: "ligt vanaf 24 december 2015 zes weken ter inzage", "liggen van 24 april 2013 tot en met 4 juni 2013 ter inzage",
#: "De periode van de terinzagelegging vangt aan op 10 augustus 2023": the day the documents are laid open
_LAID_OPEN = re.compile(r"\bter\s*(?:inzage|visie)\b|\bterinzage(?:legging)?\b|\bter-inzage", re.I)
_OPEN_FROM = re.compile(r"(?i)\b(?:vanaf|van|met ingang van|aan op|begint op|start op|op)\s+(?:\w+dag\s+)?$")
_LAID_OPEN_PAST = re.compile(r"(?i)\b(?:heeft|hebben|hadden|had)\b[^.]{0,120}\bgelegen\b|\b(?:lag|lagen)\b")


def _draft_laid_open(text: str, ctx: Context) -> list[dict]:
    """A notice that lays a draft open for views ("Dit ontwerpbesluit ligt vanaf 24 december 2015 zes weken ter
    inzage"): the issuer's proposed decision, on the notice's date."""
    if not ctx.issuer or not ctx.doc_date or not _DAY.match(ctx.doc_date):
        return []
    for s, e in _sentences(text, 0, len(text)):
        if _DRAFT.search(text[s:e]):
            return [_record(text, ctx, status="proposed", start=s, end=e, obj=text[s:e], actor=ctx.issuer,
                            actor_text=ctx.issuer_text, date=ctx.doc_date, predicate="ter inzage leggen")]
    return []


_ASKED_TO = re.compile(r"\s*(?:wordt|worden)\s+(?:gevraagd|voorgesteld|verzocht)\b(?:\s+om)?\s*(?::|[^.]{0,300}?\bte\s+\w+)", re.I)


def _asked(text: str, ctx: Context, organs: list[Span]) -> list[dict]:
    """An agenda item's request to the meeting's body ("Behandelvoorstel: Provinciale Staten wordt gevraagd om de
    agenda ... vast te stellen"): proposed to that meeting (whatever dates the request names)."""
    out: list[dict] = []
    for s, e in _sentences(text, 0, len(text)):
        head = [o for o in _organs_in(organs, s, min(e, s + 60)) if o._.canonical == ctx.meeting_body]
        if not head:
            continue
        lead = text[s:head[0].start_char].strip()
        if lead and not (lead.endswith(":") and len(lead.split()) <= 2):
            continue  # (the body opens the sentence, after a label at most: "Behandelvoorstel:")
        m = _ASKED_TO.match(text, head[0].end_char, e)
        if m is None:
            continue
        obj = text[m.end():e] if text[m.end() - 1] == ":" else text[head[0].end_char:e]
        out.append(_record(text, ctx, status="proposed", start=s, end=e, obj=obj, actor=ctx.meeting_body,
                           actor_text=head[0].text, date=ctx.meeting_date, date_text=ctx.meeting_date_text,
                           predicate="voorstellen"))
    return out


_SUBJECT_LABEL = re.compile(r"(?i)^\s*(?:betreft|onderwerp|inzake)\b\s*:?[ \t]*(.*)$")
#: a letter that is itself a decision: "Betreft: Wob-besluit contact met ...", "Besluit op uw Wob-verzoek",
#: "Beslissing op uw bezwaarschrift", "Beschikking op Wob verzoek"
_DECISION_SUBJECT = re.compile(r"(?i)^(?:(?:wob|woo)[- ]?(?:besluit|beschikking|beslissing)\b|(?:besluit|beslissing|beschikking)"
                               r"\s+(?:op|inzake|tot|omgevingsvergunning|over)\b|beschikking\b)")


def _subject_decision(text: str, ctx: Context, lines: list[_Line]) -> list[dict]:
    """A letter whose subject line names it a decision ("Betreft: Besluit op uw Wob-verzoek"): the issuer's decision
    on the letter's date (kept only when the letter tells no decision of its issuer on that date itself)."""
    if not ctx.issuer or not ctx.doc_date or not _DAY.match(ctx.doc_date):
        return []
    column = _label_column(lines[:80])
    for i, ln in enumerate(lines[:80]):
        m = _SUBJECT_LABEL.match(ln.text)
        if m is None:
            continue
        value, target = m.group(1).strip(), ln
        if not value:
            target = lines[column[i]] if i in column else (lines[i + 1] if i + 1 < len(lines) else None)
            value = target.text.strip() if target is not None else ""
        if _DECISION_SUBJECT.match(value):
            rec = _record(text, ctx, status="adopted", start=target.start, end=target.end, obj=value, actor=ctx.issuer,
                          actor_text=ctx.issuer_text, date=ctx.doc_date, predicate="besluiten")
            rec["_subject"] = True
            return [rec]
        return []
    return []


_PUBLISHED = re.compile(r"(?i)\b(?:gepubliceerd|bekendgemaakt|bekend\s+gemaakt|geplaatst|uitgegeven)\b[^.\n]{0,60}?"
                        r"\b(?:gemeenteblad|provinciaal\s+blad|waterschapsblad|staatscourant|staatsblad|"
                        r"blad\s+gemeenschappelijke\s+regeling)\b")


def _published(text: str, ctx: Context, dates: list[Span]) -> list[dict]:
    """A notice's publication in the official journal: "Gepubliceerd op 6 november 2025 in het Gemeenteblad":
    realized by the issuer on that day (a regulation's CVDR metadata says it as "Isformatof", ``_ratified``)."""
    out: list[dict] = []
    for s, e in _sentences(text, 0, len(text)):
        m = _PUBLISHED.search(text, s, e)
        ds = _day_dates(dates, s, e) if m else []
        if len(ds) == 1:
            out.append(_record(text, ctx, status="realized", start=s, end=e, obj=text[s:e], actor=ctx.issuer,
                               actor_text=ctx.issuer_text, date=str(ds[0]._.value), date_text=ds[0].text,
                               predicate="bekendmaken"))
    return out


_RECEIPT = re.compile(r"(?i)\bontvangst\b[^.]{0,120}\bbevestigd\b|\bbevestigd\b[^.]{0,60}\bontvangst\b")


def _receipt(text: str, ctx: Context, dates: list[Span]) -> list[dict]:
    """A decision letter's account of the procedure: "De ontvangst van uw verzoek is schriftelijk bevestigd bij brief
    van 17 mei 2021", "Bij brief van 26 juni 2020 heb ik de ontvangst van uw verzoek bevestigd": realized by the
    issuer on that day."""
    out: list[dict] = []
    for s, e in _sentences(text, 0, len(text)):
        if not _RECEIPT.search(text[s:e]):
            continue
        ds = _day_dates(dates, s, e)
        if len(ds) == 1:
            out.append(_record(text, ctx, status="realized", start=s, end=e, obj=text[s:e], actor=ctx.issuer,
                               actor_text=ctx.issuer_text, date=str(ds[0]._.value), date_text=ds[0].text,
                               predicate="bevestigen"))
    return out


def _laid_open(text: str, ctx: Context, dates: list[Span]) -> list[dict]:
    """A notice's documents laid open for views from a day ("Dit ontwerpbesluit ligt vanaf 24 december 2015 zes
    weken ter inzage"): planned by the issuer for that day (once a notice; not what lay open before)."""
    for s, e in _sentences(text, 0, len(text)):
        sent = text[s:e]
        where = _LAID_OPEN.search(sent)
        if not where or _LAID_OPEN_PAST.search(sent):
            continue
        days = [d for d in dates if s <= d.start_char and d.end_char <= e and _DAY.match(str(d._.value or "").split("/")[0])]
        for d in days:  # (a day, or a period from a day: "van 4 juli tot en met 15 augustus 2003")
            if abs(d.start_char - (s + where.start())) > 160 or re.search(
                    r"(?i)\bbesluit\s+van\s*$", text[max(s, d.start_char - 20):d.start_char]):
                continue  # (near what lies open; not "bij besluit van 23 mei 2003")
            if _OPEN_FROM.search(text[max(s, d.start_char - 30):d.start_char]) or re.match(
                    r"(?i)(?:vanaf|van|met ingang van)\s", d.text):  # (the date's span holds its "vanaf")
                value = str(d._.value).split("/")[0]
                a = max(s, text.rfind("\n", s, min(d.start_char, s + where.start())) + 1)  # the line(s) that say it,
                b = text.find("\n", max(d.end_char, s + where.end()), e)  # not a run-on sentence around them
                s, e = a, (e if b < 0 else b)
                return [_record(text, ctx, status="planned", start=s, end=e, obj=text[s:e], actor=ctx.issuer,
                                actor_text=ctx.issuer_text, date=value, date_text=d.text, predicate="ter inzage leggen")]
    return []


#: a line of a decision list or minutes that says what the meeting did not come to: "AGENDAPUNTEN S, T, U zijn niet aan
#: de orde geweest", "Het themadebat WMO is niet behandeld", a row "Werkagenda circulaire economie NIET BEHANDELD"
_NOT_DEALT_WITH = re.compile(r"(?im)^[^\n]*\b(?:is|zijn|werd|werden)\s+niet\s+(?:meer\s+)?(?:aan\s+de\s+orde\s+(?:geweest|gekomen)"
                             r"|behandeld)\b[^\n]*$|^[^\n]*\S[ \t]+niet\s+(?:aan\s+de\s+orde\s+(?:geweest|gekomen)|behandeld)[ \t.]*$")


def _not_dealt_with(text: str, ctx: Context) -> list[dict]:
    """Items a meeting did not come to: postponed by the meeting's body on its day."""
    return [_record(text, ctx, status="postponed", start=m.start(), end=m.end(), obj=m.group().strip(),
                    actor=ctx.meeting_body, actor_text=ctx.meeting_body_text, date=ctx.meeting_date,
                    date_text=ctx.meeting_date_text, predicate="behandelen")
            for m in _NOT_DEALT_WITH.finditer(text) if len(m.group().split()) <= 20
            and not re.search(r"(?i)\bnog\s+niet\b", m.group())]  # ("maar deze is nog niet behandeld": of a bill)


def _letter_acts(text: str, ctx: Context, dates: list[Span], data: dict, organs: list[Span] = ()) -> list[dict]:
    """A letter's promises and their fulfilment in the first person: "heb ik u toezeggingen gedaan",
    "doe ik graag af", "kom ik voor 28 februari 2025 terug op"; what the writer will deliver later is the body the
    sentence opens with where it names one ("Het college verwacht ... aan de gemeenteraad aan te bieden")."""
    out: list[dict] = []
    acts = data["letter_acts"]
    future_verbs = re.compile(r"\b(?:" + "|".join(map(re.escape, data["letter_future_verbs"])) + r")\b")
    for s, e in _sentences(text, 0, len(text)):
        low = " ".join(text[s:e].lower().split())
        if ctx.layout == "letter" and ctx.doc_date and future_verbs.search(low) and len(low.split()) <= 50 \
                and not re.search(r"\b(?:zou|zouden|kan|kunnen)\b", low):
            # "In Q4 van 2026 volgt een voortgangsrapportage", "Bij de rapportage in Q4 2026 rapporteren we ...":
            # what the writer will deliver on a later date
            later = [d for d in dates if s <= d.start_char and d.end_char <= e and d._.value
                     and compare_dates(str(d._.value), ctx.doc_date) == 1]
            if later:
                subject = next((o for o in _organs_in(organs, s, e) if o._.canonical
                                and re.fullmatch(r"\W*(?:(?:de|het)\s+)?", text[s:o.start_char], re.I)), None)
                actor, actor_text = (subject._.canonical, subject.text) if subject is not None else (ctx.issuer, ctx.issuer_text)
                out.append(_record(text, ctx, status="planned", start=s, end=e, obj=text[s:e], actor=actor,
                                   actor_text=actor_text, date=str(later[0]._.value), date_text=later[0].text,
                                   predicate="toezeggen"))
                continue
        if not re.search(r"\b(ik|wij|we|mij|ons|u)\b", low):
            continue  # (the writer, or the letter's reader: "U ontvangt uiterlijk ... van mij antwoord")
        for phrase, status in acts.items():
            if re.search(phrase, low):
                ds = _day_dates(dates, s, e) or ([d for d in dates if s <= d.start_char and d.end_char <= e and d._.value]
                                                 if status == "planned" else [])
                past = status == "realized" and re.search(  # "hebben wij u geïnformeerd", "bent u geïnformeerd": earlier
                    r"\b(?:heb|hebben) (?:ik|wij|we)\b|\b(?:ik|wij|we) (?:heb|hebben)\b|\b(?:bent|werd|werden) u\b|\binformeerden\b", low)
                if not ds and past and ctx.doc_date:  # "In december 2023 hebben we u geïnformeerd": that month
                    ds = [d for d in dates if s <= d.start_char and d.end_char <= e and d._.value
                          and re.fullmatch(r"\d{4}-\d{2}", str(d._.value))
                          and compare_dates(str(d._.value), ctx.doc_date) == -1][:1]
                date, date_text = (str(ds[0]._.value), ds[0].text) if ds else (
                    (None, None) if status == "planned" or past else (ctx.doc_date, None))  # a plan without its date
                out.append(_record(text, ctx, status=status, start=s, end=e, obj=text[s:e], actor=ctx.issuer,
                                   actor_text=ctx.issuer_text, date=date, date_text=date_text, predicate="toezeggen"))
                break
    return out


def _text_of(lines: list[_Line], i: int, end: int) -> str:
    """The text of line ``i`` and the lines after it up to character ``end``."""
    return " ".join(ln.text for ln in lines[i:] if ln.start < end)


def _addressee(lines: list[_Line], organs: list[Span], data: dict) -> tuple[str | None, str | None]:
    """The body a note is addressed to: "Aan de Minister", "Aan" with the body on the next line."""
    labels = data["addressee_labels"]
    for i, ln in enumerate(lines[:50]):
        low = " ".join(ln.text.lower().split()).rstrip(" :")
        label = next((lb for lb in sorted(labels, key=len, reverse=True)
                      if low == lb or low.startswith(lb + " ") or low.startswith(lb + ":")), None)
        if label is None or len(low.split()) > 16:
            continue
        span_end = ln.end if low != label else (lines[i + 1].end if i + 1 < len(lines) else ln.end)
        os_ = _organs_in(organs, ln.start, span_end)
        if os_:  # "Aan: Het college van burgemeester en wethouders van de gemeente Amsterdam"
            return os_[0]._.canonical, os_[0].text
        if len(low.split()) > 6:
            continue
        words = re.sub(r"^\s*" + re.escape(label) + r"\s*:?\s*", "", _text_of(lines, i, span_end), flags=re.I).split()
        for rx, body in data["addressee_codes"].items():  # "Aan: MPVO", "Aan MVvws": a minister's code
            if words and re.fullmatch(rx, words[0].strip(",.:")):
                return body, words[0].strip(",.:")
        return None, None
    return None, None


_PLACE_DATE = re.compile(r"^[A-Z][\w'’. -]{1,40},?\s+(?:\d{1,2}[ -]\w+[ -]\d{4}|\d{1,2}-\d{1,2}-\d{2,4})$")


def _advice(text: str, ctx: Context, lines: list[_Line], organs: list[Span], data: dict) -> list[dict]:
    """A note for a decision ("ter beslissing"): its advice ("U wordt geadviseerd in te stemmen met:",
    "Geadviseerd besluit") proposes each point to the body the note is addressed to, on the note's date
    (a note without a day has none; its deadline is not the date of the proposal)."""
    out: list[dict] = []
    markers, ends = data["advice_markers"], data["advice_end"]
    start = None
    for ln in lines[:200]:
        low = " ".join(re.sub(r"^\s*\d{1,2}[.)]\s*", "", ln.text).lower().split())
        if any(low.startswith(m) for m in markers) or (
                low.endswith(":") and len(low.split()) <= 14 and any(f" {m}" in low for m in data["advice_inverted"])):
            start = ln  # "Op grond van het vorenstaande adviseer ik u:"
            break
    if start is None:
        return out
    actor, actor_text = _addressee(lines, organs, data)
    date = ctx.doc_date if actor and ctx.doc_date and _DAY.match(ctx.doc_date) else None  # no body, no date
    lead = re.sub(r"^\s*\d{1,2}[.)]\s*", "", start.text).strip()
    lead_low = lead.lower().rstrip(" :")
    verb = "" if lead_low in markers or not any(lead_low.startswith(m) for m in markers) else lead
    # ("U wordt geadviseerd in te stemmen met:" names the act; "Op grond hiervan adviseer ik u:" does not)
    points: list[tuple[int, int]] = []
    para_start = None
    for ln in lines[lines.index(start) + 1:]:
        low = " ".join(re.sub(r"^\s*\d{1,2}[.)]\s*", "", ln.text).lower().split()).rstrip(" :")
        if any(low == e or low.startswith(e + " ") for e in ends) and len(low.split()) <= 4:
            break
        if _PLACE_DATE.match(ln.text.strip()):
            break  # "Amsterdam, 11 april 2018": the signature
        if any(low.startswith(m) for m in markers):
            verb = "" if low in markers else re.sub(r"^\s*\d{1,2}[.)]\s*", "", ln.text).strip()
            continue  # "Geadviseerd besluit" with "U wordt geadviseerd in te stemmen met:" under it
        body = re.sub(r"^[\s_•*▪–·-]+", "", ln.text)
        if len(body.split()) < 3:
            continue  # bullets read as "e", "_" and stray letters
        if para_start is None or re.match(r"^\s*[_•*▪–·-]", ln.text) or text[points[-1][1] if points else ln.start:ln.start].count("\n") > 1:
            points.append((ln.start + len(ln.text) - len(body), ln.end))
        else:
            points[-1] = (points[-1][0], ln.end)
        para_start = ln.start
        if len(points) > 6:
            return []  # not a short advice: a text that merely opens so
    for s, e in points:
        out.append(_record(text, ctx, status="proposed", start=s, end=e, obj=(verb + " " + text[s:e]).strip(),
                           actor=actor, actor_text=actor_text, date=date, predicate="adviseren"))
    return out


def _cited_named(text: str, ctx: Context, organs: list[Span], dates: list[Span], data: dict) -> list[dict]:
    """Earlier decisions named with their date: "de motie ‘De lusten dan ook de lasten’ (26 juni 2024)", "motie
    ‘X’ PS 26 juni 2024" (the assembly's motion: the organ written before the date, else the assembly the
    document is for), and a promise "conform toezegging aan PS van 29 november 2023" (the writer's)."""
    out: list[dict] = []
    assemblies = set(data["assemblies"])
    seen: set[tuple[str, str]] = set()  # a motion named twice is one decision
    for noun, status in data["cited_named"].items():
        own_body = data["cited_named_bodies"].get(noun)  # "het raadsbesluit ‘X’ d.d. 27 november 2025": the council's
        rx = re.compile(r"\b" + noun + r"\s+(?:[‘'\"“]([^’'\"”\n]{3,160})[’'\"”]|aan\s+"
                        + (r"|(?=(?:van|d\.?\s?d\.?)\s+\d)" if own_body else "") + ")", re.I)
        for m in rx.finditer(text):
            d = next((d for d in dates if 0 <= d.start_char - m.end() <= 40 and _DAY.match(str(d._.value or ""))), None)
            if d is None:
                continue
            between = [o for o in organs if m.end() - 1 <= o.start_char and o.end_char <= d.start_char]
            gap = text[m.end():d.start_char]
            if between:
                gap = text[m.end():between[0].start_char] + text[between[-1].end_char:d.start_char]
            if not re.fullmatch(r"[\s(,]*(?:van\s+|d\.?d\.?\s+|op\s+)?(?:\w+dag\s+)?", gap, re.I):
                continue  # the date belongs to something else written between
            if own_body and not between:
                actor, actor_text = own_body, noun
            elif m.group(1) is None:  # "toezegging aan PS van <date>": the writer promised
                if not between or ctx.issuer is None:
                    continue
                actor, actor_text = ctx.issuer, ctx.issuer_text
            elif between:
                actor, actor_text = between[-1]._.canonical, between[-1].text
            elif ctx.meeting_body in assemblies:
                actor, actor_text = ctx.meeting_body, ctx.meeting_body_text
            else:
                continue
            key = (" ".join((m.group(1) or actor).lower().split()), str(d._.value))
            if key in seen:
                continue
            seen.add(key)
            s = m.start()
            out.append(_record(text, Context(), status=status, start=s, end=d.end_char, obj=text[s:d.end_char],
                               actor=actor, actor_text=actor_text, date=str(d._.value), date_text=d.text,
                               predicate=noun.split("(")[0].strip("\\b"), cited=True))
    return out


_BULLET_LINE = re.compile(r"^[•▪◦*\-–]\s*(\S.*)$")
#: a line that announces a list of what a body decides or decided: "De gemeenteraad gaat tijdens de raadsvergadering
#: besluiten nemen over onder andere:", "De commissie stemde in met de voorstellen over:"
_BULLETS_DECIDED = re.compile(r"(?i)\b(?:stemde|stemden|stemt|stemmen)\s+(?:ook\s+)?in\s+met\b|\b(?:heeft|hebben)\s+ingestemd\s+met\b")
# (a "besluit:" intro's points, bullets too, are read with the sentences)
_BULLETS_TO_DECIDE = re.compile(r"(?i)\b(?:gaat|gaan|zal|zullen)\b[^:]{0,80}\b(?:besluiten|besluit|beslissen|een\s+besluit)\b"
                                r"|\bbesluiten\s+nemen\b|\bneemt\b[^:]{0,40}\bbesluit")


def _bullet_outcomes(text: str, ctx: Context, lines: list[_Line], data: dict) -> list[dict]:
    """A decision list written as bullets, each item with its outcome after a comma ("• Vaststellen notulen 4 oktober
    2022, worden vastgesteld", "• 1576171 Brief Nota Duurzaam Vastgoedbeheer, conform besloten, met inachtneming van
    tekstuele wijzigingen"): a decision of the meeting's body on the meeting's date ("..., wordt besproken": none)."""
    out: list[dict] = []
    for ln in lines:
        m = _BULLET_LINE.match(ln.text)
        if m is None or "," not in m.group(1):
            continue
        parts = [p.strip() for p in m.group(1).split(",")]
        for k in range(1, len(parts)):
            oc = _outcome(parts[k], data) if len(parts[k].split()) <= 6 else None
            if oc is None or oc[0] == "proposed":
                continue
            out.append(_record(text, ctx, status=oc[0], start=ln.start, end=ln.end, obj=", ".join(parts[:k]),
                               actor=ctx.meeting_body, actor_text=ctx.meeting_body_text, date=ctx.meeting_date,
                               date_text=ctx.meeting_date_text, predicate=oc[1]))
            break
    return out


#: an agenda item that states its proposal: "• Voorstel om in te stemmen met de lijst van de volgende hamerstukken.",
#: "Voorstel tot vaststelling van de Nota Grondbeleid"
_ITEM_PROPOSAL = re.compile(r"^[ \t]*(?:[-•*▪–·][ \t]*)?((?:raads|staten)?voorstel\s+(?:om|tot|inzake|betreffende)\s+\S[^\n]*?)\s*$", re.I)


def _agenda_proposals(text: str, ctx: Context, lines: list[_Line]) -> list[dict]:
    """An agenda's items written as the proposal they put to the meeting, without a number: each proposed to the
    meeting's body on the meeting's day."""
    out: list[dict] = []
    for ln in lines:
        m = _ITEM_PROPOSAL.match(ln.text)
        if m and len(m.group(1).split()) <= 60:
            out.append(_record(text, ctx, status="proposed", start=ln.start + m.start(1), end=ln.start + m.end(1),
                               obj=m.group(1).rstrip(" ;,."), actor=ctx.meeting_body, actor_text=ctx.meeting_body_text,
                               date=ctx.meeting_date, date_text=ctx.meeting_date_text, predicate="agenderen"))
    return out


def _bullet_decisions(text: str, ctx: Context, lines: list[_Line], organs: list[Span]) -> list[dict]:
    """A body's decisions listed as bullets under a line that announces them: "De gemeenteraad gaat tijdens de
    raadsvergadering besluiten nemen over onder andere:" (proposed to its meeting) or "De commissie stemde in met de
    voorstellen over:" (adopted, at the meeting the document reports): one decision a bullet, its first line."""
    out: list[dict] = []
    for i, ln in enumerate(lines):
        if not ln.text.endswith(":") or _BULLET_LINE.match(ln.text) or len(ln.text.split()) > 25:
            continue
        body = next((o for o in _organs_in(organs, ln.start, ln.end)), None)
        words = ln.text.lower()
        if body is None and re.match(r"(?i)\W*(?:de|het)\s+(?:commissie|raad|college|bestuur)\b", ln.text) and ctx.meeting_body:
            actor, actor_text = ctx.meeting_body, ctx.meeting_body_text
        elif body is not None and body.start_char - ln.start <= 8:
            actor, actor_text = body._.canonical, body.text
        else:
            continue
        if _BULLETS_TO_DECIDE.search(words):
            status, date, date_text = "proposed", ctx.meeting_date, ctx.meeting_date_text
        elif _BULLETS_DECIDED.search(words) and ctx.layout in ("decision_list", "minutes"):
            status, date, date_text = "adopted", ctx.meeting_date, ctx.meeting_date_text
        else:
            continue
        listed = 0
        for nxt in lines[i + 1:i + 30]:
            m = _BULLET_LINE.match(nxt.text)
            if m is None:
                if nxt.text.endswith(":") or not listed:
                    break  # (a line of text before any bullet: no list under the announcement)
                continue  # (a bullet's own explanation under it)
            listed += 1
            item = m.group(1).rstrip(" ;,.")
            out.append(_record(text, ctx, status=status, start=nxt.start, end=nxt.end, obj=item, actor=actor,
                               actor_text=actor_text, date=date, date_text=date_text, predicate="besluiten"))
    return out


def _meeting_plans(text: str, ctx: Context, organs: list[Span], dates: list[Span], data: dict) -> list[dict]:
    """The meetings a proposal or letter schedules: "Op 25 september 2024 vindt de bespreking plaats in de
    vergadering van de Statencommissie Milieu & Energie": planned, of the body whose meeting it is, on that
    day (only days after the document's own date: a meeting that was held is reported otherwise)."""
    out: list[dict] = []
    if not ctx.doc_date or not _DAY.match(ctx.doc_date):
        return out
    rx = re.compile(data["meeting_plan_words"], re.I)
    meet = re.compile(r"\b(?:vergadering|bijeenkomst|sessie|zitting)\s+van\s+(?:de\s+|het\s+)?$", re.I)
    held_in = re.compile(r"\b(?:in|en)\s+(?:de\s+|het\s+)$", re.I)  # "zal in de raadscommissie O&W en de gemeenteraad"
    by = re.compile(r"\bdoor\s+(?:de\s+|het\s+)?$", re.I)
    convene = re.compile(r"^\s*(?:belegt|beleggen|houdt|houden|organiseert|organiseren)\b[^.]*\b(?:vergadering|bijeenkomst|hoorzitting|zitting)\b", re.I)
    for s, e in _sentences(text, 0, len(text)):
        sent = text[s:e]
        if "?" in sent or not rx.search(sent):
            continue
        takes_place = re.search(r"\bplaats(?:vinden)?\b", sent, re.I) and re.search(r"\b(?:zal|zullen|gaat|gaan)\b", sent, re.I)
        found = []
        for o in _organs_in(organs, s, e):
            before = text[max(s, o.start_char - 40):o.start_char]
            if meet.search(before):
                ds = [d for d in _day_dates(dates, s, e) if str(d._.value) > ctx.doc_date]
            elif (by.search(before) and re.search(r"\b(?:behandeling|bespreking)\b", text[s:o.start_char], re.I)) or (
                    re.fullmatch(r"\W*(?:(?:de|het)\s+)?(?:\w+\s+)?", text[s:o.start_char], re.I)
                    and convene.search(text[o.end_char:e])):
                # "De openbare behandeling van de begroting door de gemeenteraad is op donderdag 11 november", "De vaste
                # raadscommissie belegt op dinsdag 5 oktober een openbare bijeenkomst"
                ds = [d for d in _day_dates(dates, s, e) if str(d._.value) > ctx.doc_date]
            elif takes_place and held_in.search(before) and (not found or found[-1][0].end_char >= o.start_char - 12):
                # "Medio 2020 zal in de raadscommissie O&W en de gemeenteraad het gesprek ... plaatsvinden"
                ds = [d for d in dates if s <= d.start_char and d.end_char <= e
                      and compare_dates(str(d._.value or ""), ctx.doc_date) == 1]
            else:
                continue
            if ds:
                found.append((o, min(ds, key=lambda d: abs(d.start_char - o.start_char))))
            if found and meet.search(before):
                break
        for o, d in found:
            out.append(_record(text, ctx, status="planned", start=s, end=e, obj=sent, actor=o._.canonical,
                               actor_text=o.text, date=str(d._.value), date_text=d.text, predicate="vergaderen"))
    return out
