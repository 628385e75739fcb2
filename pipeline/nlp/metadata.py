"""Document metadata that is not an entity: title, document type and meeting.

The document date comes from the dates component (``doc._.doc_date``), which
knows Dutch date expressions; this module decides what kind of document it is,
what it is called and, for decision lists, minutes and agendas, which meeting
(body and date) it records, from its opening lines and its file name. The
issuing government is found by ``government.py``.

A title names the subject: an "Onderwerp:" / "Betreft:" / "Titel" line first,
then the line after a bare type word ("nota" / "Wetsvoorstel ..."), then the
reader's title hint, then the first heading-like line that is not letterhead,
an address, a date, a label, a government's name or template text. A decision
list, minutes or agenda whose title is only a type word, a body or a date is
called "Besluitenlijst <body> <date>".
"""

from __future__ import annotations

import functools
import json
import logging
import re
from functools import lru_cache
from importlib import resources

from .entity_patterns import is_surname
from .segment import EMPTY_FIELDS, is_prose, label_column, tells

_log = logging.getLogger(__name__)

_OPENING_CHARS = 1500
_TITLE_CHARS = 4000
_BULLET = re.compile(r"^\s*(?:[-•*–>]|\d+[.)]|[a-z][.)])\s+")
_NOT_A_TITLE = re.compile(
    r"^(?:datum|status|versie|opsteller|auteur|spreker|pagina|colofon|uitgave|lees meer|aan|van|onderwerp|betreft|"
    r"verzonden|cc|bcc|kenmerk|ons kenmerk|uw kenmerk|zaaknummer|bijlagen?|inlichtingen|telefoon|e-?mail|fax|"
    r"behandeld door|retouradres|postbus|content overslaan|ga naar de inhoud|ga naar het|naar de hoofdinhoud|vorige pagina|"
    r"u bent hier|kijk of luister|print deze|inhoudsopgave|logo|permanente link|naar de actuele versie|naar de door u|"
    r"ziet u een fout|wetstechnische informatie|gegevens van de regeling|regeling vervallen|geldend van|"
    r"inhoud|planteksten|vastgesteld|ontwerp|concept|openbaar|registratiekenmerk|geacht|beste|"
    r"klik hier|tik hier|\[?typ hier|vul hier|ter (?:beslissing|besluitvorming|informatie|kennisname|bespreking)|"
    r"directoraat|directie|afdeling|team|ministerie|gemeente|provincie|waterschap|hoogheemraadschap|"
    r"provinciale staten|gedeputeerde staten|tweede kamer|eerste kamer|ministerraad|vergaderjaar|"
    r"hoofdstuk|\d+(?:\.\d+)*\.?\s+(?:hoofdstuk|inleiding)|[a-z]\s+\d+\s+inleiding|inleiding|kvk|iban|"
    r"nr\.|kst-|issn|offici[eë]le (?:uitgave|bekendmaking)|aldus|"
    # a web page's navigation and a meeting's fields: "Terug naar het overzicht", "Previous ... Next", "Maat: px",
    # "Vergadering terugkijken?", "Griffier: J. Jansen"
    r"terug naar|previous|next|maat|weergave met|download|vergadering terugkijken|dit nieuwsbericht|deel dit|foto|"
    r"griffier|voorzitter|secretaris|notulist|aanwezig|afwezig)\b|^==>",  # "==> picture ... omitted <==" (PDF-to-Markdown)
    re.IGNORECASE,
)
_SALUTATION = re.compile(r"(?im)^[ \t]*(?:geachte|beste)\s+\S")  # "Geachte leden van de raad,": a letter
_ADDRESS = re.compile(r"\b\d{4}\s?[A-Z]{2}\b|^[A-Z][a-z]+(?:straat|weg|plein|laan|dijk|kade|singel|gracht|park)\s+\d|@|www\.")
_DUTCH_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december")
_DATE_LINE = re.compile(
    rf"^(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?\d{{1,2}}\s+(?:{_DUTCH_MONTHS})\s+\d{{4}}"
    rf"(?:\s+\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s*uur)?)?[.,;]?$|^(?:{_DUTCH_MONTHS})\s+\d{{4}}[.,;]?$", re.IGNORECASE)
_DATE_IN = re.compile(rf"\b(\d{{1,2}})\s+({_DUTCH_MONTHS})\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
_LABEL = re.compile(r"^(?:(?:onderwerp|betreft|inzake)\b\s*(?:[:\t ]|$)|(?:titel(?:\s+bestemmingsplan)?|plan|projectomschrijving)"
                    r"\s*[:\t])\s*(.*)$", re.IGNORECASE)
# Numbered headings and table-of-contents lines, times, place-and-date lines, status labels, short letterhead codes.
_NOT_SUBJECT = re.compile(
    r"^[:;,]|^\d+(?:\.\d+)+\s|^\d+\.?\s.*\s\d{1,3}$|^\d{1,2}[:.]\d{2}\b|^[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)?,\s*\d{1,2}\s+[a-z]+\s+\d{4}$|"
    r"\w*status\s*:|^toelichting op\b|^[A-Z]{1,3}\s\w+$|\b(?:adviseurs|ingenieurs|b\.v\.|bv)\b|\d{4}\s+vastgesteld$",
    re.IGNORECASE)
_RESOLUTION_TITLE = re.compile(r"^(?:besluit|regeling|verordening|beleidsregels?)\s+van\s+.{5,200}?\s(?:tot|houdende|inzake|over)\s+\S", re.I)
_SPACED = re.compile(r"^(?:\S ){3,}\S$")  # "B e s t e m m i n g s p l a n"
_TRAILING_TIME = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*uur)?$")
_PUBLISHABLE = re.compile(r"\s+\(?publiceerbaar\)?$", re.IGNORECASE)
_KAMERSTUK = re.compile(r"\d{2}\s\d{3}(?:-[A-Z0-9]+)?")  # "28 286": a dossier number alone on its line
_DOSSIER = re.compile(r"^\d{2}\s?\d{3}(?:-\w+)?\s+")  # "32 545 Wet- en regelgeving ..." (a Kamerstuk dossier number)


@lru_cache(maxsize=1)
@functools.lru_cache(maxsize=1)
def _doc_types() -> dict:
    """``data/doc_types.json``, read once (callers only read it)."""
    path = resources.files("pipeline.nlp") / "data" / "doc_types.json"
    return json.loads(path.read_text(encoding="utf-8"))


def type_for_layout(kind: str, layout: str | None) -> str:
    """``kind``, or the type of a meeting record when the decisions component read one (``layout``) and ``kind`` is
    only the default or a weak guess ("Toelichting" is a field of a meeting's page)."""
    rule = _doc_types()["layout_types"]
    if layout in rule["types"] and (kind == _doc_types()["default"] or kind in rule["weak"]):
        return rule["types"][layout]
    return kind


def type_keys() -> list[str]:
    """The ``doc_type`` keys of ``data/doc_types.json``, in its order."""
    return list(dict.fromkeys(t["type"] for t in _doc_types()["types"]))


def _lines(text: str, chars: int = _OPENING_CHARS) -> list[str]:
    return [line.strip(" \t#*_") for line in text[:chars].splitlines() if line.strip(" \t#*_")]


def _unlabel(line: str) -> str:
    m = _LABEL.match(line)
    return m.group(1).strip() if m and m.group(1).strip() else line


@lru_cache(maxsize=512)
def _phrase_re(phrase: str) -> str:
    """A type phrase as a regex: words as written, a word written "-verordening" any compound ending so
    ("parkeerverordening", "omgevingsverordening": Dutch writes the kind of document as a compound's head)."""
    return " ".join(rf"\w*{re.escape(w[1:])}" if w.startswith("-") and len(w) > 1 else re.escape(w)
                    for w in phrase.split(" "))


def doc_type(text: str, stem: str = "", title_hint: str | None = None) -> str:
    """The kind of document ("besluitenlijst", "brief", "woo-besluit", ...) from its opening and name."""
    lines = [_unlabel(line).casefold() for line in _lines(text)[:12]]
    name = re.sub(r"[-_]+", " ", stem.casefold())
    heads = lines + ([title_hint.casefold()] if title_hint else [])
    types = _doc_types()["types"]
    # A line that is (or starts with) the type word is the strongest signal, earliest line first.
    told = False  # a sentence seen above: "Agenda" alone then heads a part of the story, not the document
    story = []
    for k, line in enumerate(heads):
        told = told or tells(line)
        if told and line.strip(" :#*") == "agenda" and k + 1 < len(heads) and is_prose(heads[k + 1]):
            continue  # (a liveblog's "Agenda" over "1 Opening en mededelingen" is the meeting's agenda)
        if k and re.fullmatch(r"\d{1,2}(?:\.[0-9a-z]{1,2})*\.?", heads[k - 1]):
            continue  # "3.b" / "Brief van GS aan PS - ...": an item on a meeting's page, not the document's type
        story.append(line)
        for entry in types:
            for phrase in entry["phrases"]:
                if re.match(rf"{_phrase_re(phrase)}\b", line) and (len(line.split()) <= 8 or (
                        len(line.split()) <= 16 and not re.search(r"[.;:]\s", line + " "))):
                    return entry["type"]
    named = []  # the type word that comes first in the file name: "almere-brief-...-maatschappelijke-agenda" is a letter
    for entry in types:
        for phrase in entry["phrases"] + entry.get("names", []):
            m = re.search(rf"\b{_phrase_re(phrase)}\b", name)
            if m:
                named.append((m.start(), entry["type"]))
    if named:
        return min(named)[1]
    if _SALUTATION.search(text[:_OPENING_CHARS * 4]):
        return "brief"  # a salutation: a letter, whatever type words its subject line holds ("Maatschappelijke agenda")
    opening = " ".join(line for line in story if line in lines)
    for entry in types:
        for phrase in entry["phrases"]:
            if re.search(rf"(?<!\bde )(?<!\bhet )\b{_phrase_re(phrase)}\b", opening):  # (not "op de agenda")
                return entry["type"]
    low = text[:_OPENING_CHARS * 4].casefold()
    for entry in types:
        if any(hint in low for hint in entry["hints"]):
            return entry["type"]
    return _doc_types()["default"]




def _good_title(line: str, type_words: set[str], max_words: int = 16, heading: bool = False) -> bool:
    """``heading``: the document's own first heading, where a plan named by its address is a title
    ("Valckenboschlaan 8 Zeist")."""
    line = _VERSION.sub("", line)
    words = line.split()
    low = line.casefold().rstrip(":")
    if line[:1] in "€$%" or (line[:1].islower() and line.endswith((".", ","))):
        return False  # "€ 250 (x 1.000) voor versterking ...", "met ingang van 2025.": the rest of a wrapped sentence
    if low in type_words or _BULLET.match(line) or _NOT_A_TITLE.match(line) or (_ADDRESS.search(line) and not heading):
        return False
    if not 2 <= len(words) <= max_words or line.endswith(("...", "…", ",", ":", ";")):  # ";": "De raad van X;"
        return False
    if words[-1].casefold() in {"en", "van", "de", "het", "voor", "op", "in", "met", "te", "der"}:
        return False
    if _SPACED.match(line) or _DATE_LINE.match(line) or "t.a.v" in low or _NOT_SUBJECT.search(line):
        return False
    bare = re.sub(r"\s+\d{1,3}$", "", low)  # "Ligging plangebied 3": a heading with its page number
    if any(bare == g or low.startswith((g + ":", g + ",", g + " :")) or (g.endswith(".") and low.startswith(g + " "))
           for g in _doc_types()["not_subjects"]):
        return False  # "Ligging plangebied", "Identificatienummer: NL.IMRO...", "Digitaal, teams": headings and fields
    if re.fullmatch(r"[\d\s\-/.:]+", line) or not re.search(r"[A-Za-zÀ-ÿ]{3}", line):
        return False
    words_only = re.findall(r"[a-zà-ÿ]{2,}", low)
    section = _doc_types()["section_words"]
    if words_only and all(w in section or w in type_words for w in words_only):
        return False  # "Leeswijzer Inleiding", "1 Inleiding 3", "Bestaande situatie 3": headings of a table of contents
    return _government_name(line) is None


def _government_name(line: str):
    from .government import lookup

    return lookup(line) or lookup(re.sub(r"(?i)^(?:gemeente|provincie|waterschap)\s+", "", line))


def _without_government(line: str) -> str:
    """A heading without the government that opens it, when more follows: "Gemeente Uden Bestemmingsplan X"."""
    m = re.match(r"(?i)(?:gemeente|provincie|waterschap)\s+", line)
    if not m:
        return line
    words = line[m.end():].split()
    for n in (3, 2, 1):
        if len(words) > n + 1 and _government_name(" ".join(words[:n])) is not None:
            return " ".join(words[n:])
    return line


_VERSION = re.compile(r"\s+(?:tekstuele\s+)?versie\s*:?\s*\S*\d\S*.*$", re.IGNORECASE)  # "... Tekstuele versie: 11102024_13:09"


def _clean(line: str) -> str:
    line = _VERSION.sub("", line)
    line = _PUBLISHABLE.sub("", _TRAILING_TIME.sub("", line))
    line = _DOSSIER.sub("", line)
    return " ".join(line.strip("“”\"'‘’ ").split())[:200]


#: an official journal's citation: "Gemeenteblad 2025, 474397", "Staatscourant 2019, 42411"
_JOURNAL_CITE = re.compile(r"(?i)(?:gemeenteblad|provinciaal\s+blad|waterschapsblad|staatscourant|"
                           r"blad\s+gemeenschappelijke\s+regeling)\s+\d{4},?\s*(?:nr\.?\s*)?\d+")
_PUBLISHER_LINES = ("zoals vergunningen, bouwplannen", "adressen en contactpersonen", "u bent hier", "logo ")
#: a case number before a notice's title and after it: "21.0004601 / ..." and "(20.0004094)"
_CASE_NUMBER = re.compile(r"^\s*\d[\d.\-]*\s*/\s*|\s*\(\d[\d.\-]*\)\s*$")


def title(text: str, stem: str = "", title_hint: str | None = None) -> str:
    """A human title that names the subject (see the module docstring for the order of the cues)."""
    type_words = {p for entry in _doc_types()["types"] for p in entry["phrases"]}
    lines = _lines(text, _TITLE_CHARS)[:60]
    column = label_column(lines)
    for i, line in enumerate(lines[:45]):
        m = _LABEL.match(line)
        if not m:
            continue
        value = m.group(1).strip()
        if not value and i in column:  # a form read column by column: "Onderwerp:" ... "Voortgang GALA/IZA in de regio"
            value = lines[column[i]]
        elif not value and i + 1 < len(lines) and not _LABEL.match(lines[i + 1]) and lines[i + 1] not in (":", "-"):
            value = lines[i + 1]
        value = _clean(value)
        if EMPTY_FIELDS.fullmatch(value):
            continue  # a row of empty fields: "Onderwerp: Dagtekening: Agendanummer:"
        if len(value.split()) >= 1 and re.search(r"[A-Za-zÀ-ÿ]{3}", value) and not _DATE_LINE.match(value) \
                and not _NOT_A_TITLE.match(value) and len(value.split()) <= 30:
            return value
    for i, line in enumerate(lines[:12]):  # a Kamerstuk: its dossier number, then the dossier's name ("28 286 / Dierenwelzijn")
        name = lines[i + 1] if i + 1 < len(lines) else ""
        if _KAMERSTUK.fullmatch(line) and re.search(r"[A-Za-zÀ-ÿ]{3}", name) and len(name.split()) <= 25 \
                and not _DATE_LINE.match(name) and not _NOT_A_TITLE.match(name):
            return _clean(name)
    if any(re.match(r"(?:gemeenteblad|provinciaal blad|waterschapsblad|staatscourant|blad gemeenschappelijke regeling)\b",
                    line.casefold()) for line in lines[:4]):
        for line in lines[1:15]:  # an official notice: its heading under "Nr. 98765" and the date
            cite = _JOURNAL_CITE.search(line)
            if cite:  # the publication's row ("Dongen | Gemeenteblad 2025, 474397 | verordening"), the title glued to
                # its rubric on a page whose table lost its cells ("...Staatscourant 2019, 42411VerkeersbesluitenHet ...")
                glued = re.match(r"[A-Za-zÀ-ÿ ()|]*?[a-zà-ÿ)]\s*\[?([A-Z](?:[a-zà-ÿ]|[A-Z]+\s+‘).*)$",
                                 line[cite.end():].strip())  # ("...Plannen | ruimtelijkBESTEMMINGSPLAN ‘VESTING ...")
                if glued and _good_title(glued.group(1), type_words, max_words=30):
                    return _clean(glued.group(1))
                continue
            if line.casefold().startswith(_PUBLISHER_LINES) or re.match(
                    r"(?i)(?:gemeenteblad|provinciaal blad|waterschapsblad|staatscourant|blad gemeenschappelijke regeling)\b"
                    r"|\s*\|", line):
                continue  # the publishing site's own lines ("Zoals vergunningen, bouwplannen en ...", "Logo Vaals"), the
                # journal's name ("Gemeenteblad van Moerdijk") and its table's rows
            line = _CASE_NUMBER.sub("", line)  # "21.0004601 / Verlengde werking verkeersbesluit ... (20.0004094)"
            if _RESOLUTION_TITLE.match(line) and len(line.split()) <= 40:
                return _clean(line)
            if _good_title(line, type_words, max_words=30) and not re.match(r"(?i)offici[eë]le uitgave|nr\.?\s", line):
                return _clean(line)
    for i, line in enumerate(lines[:30]):  # a notice's or resolution's own name: "Besluit van het college ... tot
        if _RESOLUTION_TITLE.match(line) and len(line.split()) <= 40:  # vaststelling van X", else what it "besluit:"
            return _clean(line)
        if line.casefold().rstrip(" :") in ("besluit", "besluiten", "besluit:") and i + 1 < len(lines):
            j = i + 2 if re.match(r"(?i)voor\s?zover\b", lines[i + 1]) and i + 2 < len(lines) else i + 1
            # ("Besluiten" / "Voor zover het hun bevoegdheid betreft;" / "vast te stellen ...": past the proviso)
            what = _clean(_BULLET.sub("", lines[j]).rstrip(";.,"))
            if _good_title(what, type_words, max_words=25) and not re.search(r"(?i)\bde\s+volgende\b|\bals\s+volgt\b", what):
                # (not "vast te stellen de volgende verordening": it names nothing; the heading above does)
                return what[0].upper() + what[1:]
    if title_hint and title_hint.strip():
        hint = _without_government(_clean(title_hint))  # "Gemeente Uden Bestemmingsplan Hoek X" -> "Bestemmingsplan Hoek X"
        if _good_title(hint, type_words, max_words=25, heading=True) or (
                len(hint.split()) >= 2 and _DATE_IN.search(title_hint) and not _DATE_LINE.match(hint)):
            return hint
    for i, line in enumerate(lines[:30]):
        if line.casefold().rstrip(":") in type_words and i + 1 < len(lines) and "\t" not in lines[i + 1]:
            following = _clean(lines[i + 1])  # (not a table row: "ter inzage legging<TAB>26 april t/m 6 juni")
            if _good_title(following, type_words, max_words=25):
                return following
    for k, line in enumerate(lines[:60]):  # a letter's subject: the line above "Geachte ...", below its address
        if _SALUTATION.match(line):
            for above in reversed(lines[max(0, k - 3):k]):
                if re.match(r"(?i)aan\s", above):
                    break
                if _good_title(above, type_words, max_words=25):
                    return _clean(above)
            break
    for k, line in enumerate(lines[:40]):
        if k and lines[k - 1].rstrip().endswith(","):
            continue  # "Natuur en Voedselkwaliteit" under "Ministerie van Landbouw,": the rest of a letterhead line
        if _good_title(line, type_words):
            return _clean(line)
    return (title_hint or "").strip() or stem


def iso_date(text: str) -> str | None:
    """The first Dutch date in ``text`` ("6 december 2024", "20-05-2014") as ISO, or None."""
    months = _DUTCH_MONTHS.split("|")
    m = _DATE_IN.search(text)
    if m:
        return f"{int(m.group(3)):04d}-{months.index(m.group(2).casefold()) + 1:02d}-{int(m.group(1)):02d}"
    m = _NUMERIC_DATE.search(text)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
        return f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return None


def meeting(text: str, kind: str, title_hint: str | None = None) -> tuple[str | None, str | None]:
    """(body id, ISO date) of the meeting a decision list, minutes or agenda records, from its opening.

    Returns (None, None) for other document types. The body is the first meeting word of
    ``doc_types.json`` "meeting_bodies" in the opening lines; the date the first date there.
    """
    if kind not in ("besluitenlijst", "verslag", "agenda"):
        return None, None
    opening = "\n".join(([title_hint] if title_hint else []) + _lines(text, 2500)[:20])
    from .structure import load_structure

    if any(w in opening.casefold() for w in load_structure()["not_meetings"]):
        return None, None  # "Verslag van een schriftelijk overleg": written questions, no meeting of a body
    bodies = {k: v for k, v in _doc_types()["meeting_bodies"].items() if not k.startswith("_")}
    body = None
    low = opening.casefold()
    best = len(low) + 1
    for word, body_id in bodies.items():
        m = next((m for m in re.finditer(rf"\b{re.escape(word)}\b", low) if not (
            len(low) == len(opening) and is_surname(opening, m.start()))), None)  # (not "W.G. de Raad", a member)
        if m and m.start() < best:
            best, body = m.start(), body_id
    return body, iso_date(opening)


_BODY_LABEL = {"gemeenteraad": "gemeenteraad", "raadscommissie": "commissie", "provinciale_staten": "Provinciale Staten",
               "gedeputeerde_staten": "Gedeputeerde Staten", "college_bw": "college van B en W",
               "ministerraad": "ministerraad", "algemeen_bestuur": "algemeen bestuur", "dagelijks_bestuur": "dagelijks bestuur",
               "tweede_kamer": "Tweede Kamer", "bestuurlijk_overleg": "bestuurlijk overleg",
               "verenigde_vergadering": "verenigde vergadering", "statencommissie": "Statencommissie"}
_TYPE_LABEL = {"besluitenlijst": "Besluitenlijst", "verslag": "Verslag", "agenda": "Agenda"}


def meeting_title(current: str, kind: str, body: str | None, date: str | None, text: str = "") -> str:
    """The title of a meeting's record names the meeting: its own head line ("Besluitenlijst Openbaar
    B&W-vergadering Wassenaar", with the date when that line has none) rather than an item's decision;
    ``current`` when it already names it, "Besluitenlijst <body> <date>" when it is only a type word,
    a body or a date."""
    if kind not in _TYPE_LABEL or not (body or date):
        return current
    type_words = {p for entry in _doc_types()["types"] for p in entry["phrases"]}
    low = current.casefold().strip()
    own = [p for entry in _doc_types()["types"] if entry["type"] == kind for p in entry["phrases"]]
    # "Besluitenlijst van de vergadering van dinsdag 21 maart 2023" in the list of 28 maart: an item's title
    stale = bool(date) and len(date) == 10 and iso_date(current) not in (None, date)
    if text and (stale or not low.startswith(tuple(own))):
        for line in _lines(text, 1500)[:15]:
            head = _clean(line)
            tail = re.search(rf"\s[-–]\s+((?:{'|'.join(map(re.escape, own))})\b.*)$", head, re.I)
            if tail:  # "... Gemeenteblad 2021, 110136 ... Gemeente Nijkerk - Besluitenlijst raadsvergadering 25 maart 2021"
                head = tail.group(1)
            hl = head.casefold()
            if re.match(rf"(?:(?:openbare|concept|definitieve|b\s?en\s?w|b&w|college|raads?|commissie)\s+)?"
                        rf"(?:{'|'.join(map(re.escape, own))})\b", hl) \
                    and 3 <= len(head.split()) <= 16 and not head.endswith((",", ":", ";")) \
                    and (not date or len(date) != 10 or iso_date(head) in (None, date)):
                return head if (_DATE_IN.search(head) or not date) else f"{head} {date}"
    weak = (low in type_words or low in {b.casefold() for b in _BODY_LABEL.values()} or bool(_DATE_LINE.match(current))
            or current[:1].islower() or (current.endswith(".") and len(current.split()) > 6)  # a banner, a sentence
            or bool(re.match(r"\d{1,2}[.)]?\s+[A-Za-z]", current))  # an item of the agenda: "1 Opening en mededelingen"
            or bool(re.search(r"\b(?:wordt|worden|opent|sluit|heet|is|zijn|werd|werden|besluit)\b", low))
            # a sentence of the minutes or an item's decision: "De agenda wordt ongewijzigd vastgesteld", "De voorzitter
            # heet allen hartelijk welkom en opent de vergadering", "De besluitenlijst is met algemene stemmen
            # vastgesteld", "De raad besluit, zonder beraadslaging, ..."
            or len(current.split()) > 14 or bool(_NOT_A_TITLE.match(current.casefold()))
            # ("De voorzitter opent de vergadering ...": an item's sentence, not the meeting's title)
            or (len(current.split()) >= 6 and bool(re.match(r"(?:de|het)\s+[a-zà-ÿ]+\s+[a-zà-ÿ]+\s+(?:de|het|een)\b", low)))
            or _government_name(current) is not None or low.startswith(tuple(type_words)) and len(low.split()) <= 2
            or stale)
    if not weak:
        return current
    parts = [_TYPE_LABEL[kind]] + ([_BODY_LABEL.get(body, body.replace("_", " "))] if body else []) + ([date] if date else [])
    return " ".join(parts)


def dated_by_meeting(layout: str | None, meeting_date: str | None) -> str | None:
    """The day a meeting's own record (decision list, minutes, agenda) is dated by: its meeting's, when its head names
    the day; else None."""
    if layout in ("decision_list", "minutes", "agenda") and meeting_date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", meeting_date):
        return meeting_date
    return None
