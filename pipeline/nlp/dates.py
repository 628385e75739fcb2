"""DATE component: a rule-based Dutch temporal tagger (issue 3).

``find_dates(text, anchor)`` finds date expressions and normalises them to the
value contract: ISO of the precision written (``2015-02-11``, ``2015-03``,
``2015``), seasons (``2015-SP``/``-SU``/``-FA``/``-WI``) and intervals
``start/end``. A modifier (START/MID/END/ON_OR_BEFORE/ON_OR_AFTER/APPROX) is
kept apart from the value. Year-less expressions ("Op 10 juni", "15 mei jl.",
"dit voorjaar", "vorig jaar") are anchored on the nearest preceding explicit
date or on the document date. ``document_date(text)`` finds the date a document
states about itself (header, colophon, letter line) or infers one.

The spaCy factory ``spoor_dates`` wraps both and fills ``doc.spans["dates"]``.
All Dutch words live in ``data/dates.json`` and ``data/dates_negative.json``.
"""

from __future__ import annotations

import collections
import datetime
import logging
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import register_extensions, doc_text
from .register import VALIDITY, read_register
from .dates_scan import (  # noqa: F401  (DATA_DIR, load_lexicon: re-exported)
    DATA_DIR, Mention, format_value, ordinal, date_patterns, scan_dates, valid_date, load_lexicon, parse_iso)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_log = logging.getLogger(__name__)

SEASON_CODES = ("SP", "SU", "FA", "WI")
_FAR_DAYS = 240  # a year-less date further than this from its reference belongs to the adjacent year
_SHORT_DAY = re.compile(r"\s*(\d{1,2})[.:\-/](\d{1,2})[.:\-/](\d{2})[ \t]*$", re.M)  # "25.02.25" ("25:02:25" read by OCR)
_INLINE_DATUM = re.compile(r"(?<![\w-])(?:Datum|Verzenddatum|Dagtekening)\s*:?[ \t]+")
_PARAGRAPH_CHARS = 400  # a year in a name ("tussenrapportage 2015") anchors a year-less date this close, in its paragraph
#: a heading between two paragraphs: a short line of its own without closing punctuation
_SECTION_HEAD = re.compile(r"\n[ \t]*\n[ \t]*[A-ZÀ-Ý][^\n.:;!?]{2,80}[ \t]*\n[ \t]*\n")
_NEAR_CHARS = 2500  # an explicit date further back than this no longer anchors a year-less one (the document date does)
MODS = ("START", "MID", "END", "ON_OR_BEFORE", "ON_OR_AFTER", "APPROX")


@dataclass
class DateMatch:
    """One date expression: character offsets, surface text, normalised value, modifier, warnings."""

    start: int
    end: int
    text: str
    value: str
    mod: str | None = None
    warnings: list[str] | None = None


# --------------------------------------------------------------------------- context

def _attach_context(text: str, mentions: list[Mention]) -> None:
    """Pull modifier words before and relative/bound words after each mention into it."""
    P = date_patterns()
    for mn in mentions:
        before = text[max(0, mn.start - 40):mn.start]
        base = mn.start - len(before)
        if (mn.kind in ("month", "year", "season", "bare", "relyear", "relseason") or mn.period) and mn.mod is None:
            mt = P.prefix_part.search(before)
            if mt:
                mn.mod = P.part_mods[mt.group("w").lower()]
                mn.start = base + mt.start()
                before = before[:mt.start()]
        if mn.kind != "ago":
            mt = P.prefix_bound.search(before) or P.prefix_spanning.search(before)
            if mt and (mn.kind != "interval" or mn.period):
                word = mt.group("w").lower()
                mn.mod = P.bound_prefixes.get(word, mn.mod)
                mn.start = base + mt.start()
        after = text[mn.end:mn.end + 30]
        mt = P.suffix_rel.match(after)
        if mt and mn.kind in ("date", "bare", "month") and not mn.explicit:
            mn.rel = P.rel_suffixes[mt.group("w").lower()]
            mn.end += mt.end()
        mt = P.suffix_bound.match(text[mn.end:mn.end + 30])
        if mt and mn.kind in ("date", "month", "year", "season"):
            mn.mod = P.bound_suffixes[mt.group("w").lower()]
            mn.end += mt.end()


def _chains(text: str, mentions: list[Mention]) -> list[list[int]]:
    """Group mentions that form one list ("januari en februari 2013", "maart (...), april, mei 2013")."""
    P = date_patterns()
    chains: list[list[int]] = []
    i, n = 0, len(mentions)
    while i < n:
        chain = [i]
        j = i
        while True:
            cur = mentions[j]
            nxt = j + 1
            if nxt >= n:
                break
            gap_start = cur.end
            # a parenthesis straight after a month: its mentions belong to it, the list goes on after ")"
            if cur.kind in ("bare", "month") and re.match(r"^\s*\(", text[cur.end:cur.end + 5]):
                close = text.find(")", cur.end, cur.end + 250)
                if close != -1 and "(" not in text[text.find("(", cur.end) + 1:close]:
                    k = nxt
                    while k < n and mentions[k].start < close:
                        mentions[k].parent = j
                        k += 1
                    nxt, gap_start = k, close + 1
                    if nxt >= n:
                        break
            gap = text[gap_start:mentions[nxt].start]
            weekday_next = not gap.strip() and _weekday_of(text, mentions[nxt]) is not None
            # ("... wethouders 22 december dinsdag 12 januari 2021": a title's day, then the page's own, no list)
            if gap and len(gap) <= 12 and P.list_gap.match(gap) and "\n\n" not in gap and not weekday_next:
                chain.append(nxt)
                j = nxt
            else:
                break
        chains.append(chain)
        i = j + 1
        while i < n and mentions[i].parent is not None:
            i += 1
    return chains


# --------------------------------------------------------------------------- resolution

#: the day of a cited act, not the text's own: "gelezen het voorstel van het presidium d.d. 21 maart 2006"
CITED_DAY = re.compile(r"(?i)\b(?:voorstel|advies|brief|besluit|beslissing|verzoek|gebaseerd\s+op)\b[^\n;]{0,80}$")
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


_WEEKDAY_BEFORE = re.compile(r"(?i)\b(" + "|".join(_WEEKDAYS) + r")(?:avond|middag|ochtend|morgen|nacht)?,?\s*$")


def _weekday_of(text: str, mn: Mention, before: bool = False) -> int | None:
    """The weekday (0 is Monday) a day names: "dinsdag 5 oktober"; with ``before`` also "op dinsdagavond 21 juni",
    the weekday just before the mention. None for a mention without a day or a weekday."""
    if not mn.d:
        return None
    word = text[mn.start:mn.end].split(maxsplit=1)[0].lower().rstrip(",")
    if word not in _WEEKDAYS and before:
        m = _WEEKDAY_BEFORE.search(text[max(0, mn.start - 20):mn.start])
        word = m.group(1).lower() if m else ""
    return _WEEKDAYS.index(word) if word in _WEEKDAYS else None


def _weekday_fitted(text: str, mentions: list[Mention], guess: str | None) -> str | None:
    """An inferred document date checked against a year-less day that names its weekday ("Op donderdag 18 oktober
    vergadert de gemeenteraad"): when that weekday does not fall in the guessed year, the year the text names in
    which it does (a news item of 2018 that mentions "vanaf 2020" twice is not of 2020)."""
    named = [mn.y for mn in mentions if mn.explicit and mn.y is not None]
    for mn in mentions:
        if mn.kind != "date" or mn.y is not None or not mn.d or not mn.m:
            continue
        want = _weekday_of(text, mn, before=True)
        if want is None:
            continue
        year = int(guess[:4]) if guess else None
        if year is not None and valid_date(year, mn.m, mn.d) and datetime.date(year, mn.m, mn.d).weekday() == want:
            return guess
        fitted = _year_of_weekday(text, mn, named) if named else None
        return str(fitted) if fitted is not None else guess
    return guess


def _weekday_year(text: str, mn: Mention, doc_ref: tuple[int | None, int | None, int | None] | None) -> int:
    """The year of a year-less day that names its weekday ("dinsdag 5 oktober"): the year found, unless the weekday
    does not fit it and does fit the document's year or a year next to the one found."""
    want = _weekday_of(text, mn)
    if want is None:
        return mn.y
    fits = [y for y in dict.fromkeys(([doc_ref[0]] if doc_ref and doc_ref[0] else []) + [mn.y - 1, mn.y + 1])
            if valid_date(y, mn.m, mn.d) and datetime.date(y, mn.m, mn.d).weekday() == want]
    if not valid_date(mn.y, mn.m, mn.d) or datetime.date(mn.y, mn.m, mn.d).weekday() == want or not fits:
        return mn.y
    return fits[0]


def _year_of_weekday(text: str, mn: Mention, named: list[int]) -> int | None:
    """The year in which a year-less day with its weekday ("dinsdagavond 21 juni") falls on that weekday: of the years
    the text names (``named``) the one named most; in a text that names no year, the latest one not after this year
    (at most 30 back: a page without a year is a recent one). None without a weekday, or when no year it names fits."""
    want = _weekday_of(text, mn, before=True)
    if want is None:
        return None

    def fits(y: int) -> bool:
        return valid_date(y, mn.m, mn.d) and datetime.date(y, mn.m, mn.d).weekday() == want

    if named:
        counts = collections.Counter(y for y in named if fits(y))
        return max(counts, key=lambda y: (counts[y], y)) if counts else None
    this_year = datetime.date.today().year
    return next((y for y in range(this_year, this_year - 31, -1) if fits(y)), None)


def _closest_year(m: int, d: int | None, ref: tuple[int, int | None, int | None]) -> int:
    """Year for month ``m`` (day ``d``) near the reference date: its year, unless that puts the
    date more than eight months away ("begin december 2012 ... half januari" is January 2013)."""
    ry, rm, rd = ref
    if rm is None:
        return ry
    if not valid_date(ry, m, d):  # 29 februari in a non-leap reference year
        return ry
    delta = ordinal(ry, m, d or 15) - ordinal(ry, rm, rd or 15)
    if delta < -_FAR_DAYS:
        return ry + 1
    if delta > _FAR_DAYS:
        return ry - 1
    return ry


def _relative_year(m: int, d: int | None, ref: tuple[int, int | None, int | None], rel: str) -> int:
    """Year of the last (``past``) or next (``next``) occurrence of month/day around ``ref``."""
    ry, rm, rd = ref
    if rm is None:
        return ry
    ref_o = ordinal(ry, rm, rd or (1 if rel == "next" else 28))  # (a month's reference: "10 oktober aanstaande" in
    # a text of October 2019 is that month's, "10 oktober jl." in a text of October too)
    # Up to 8 years away, for 29 februari: the last or next leap year that has it.
    if rel == "past":
        for y in range(ry, ry - 9, -1):
            if valid_date(y, m, d) and ordinal(y, m, d or 1) <= ref_o:
                return y
        return ry - 1
    for y in range(ry, ry + 9):
        if valid_date(y, m, d) and ordinal(y, m, d, late=True) >= ref_o:
            return y
    return ry + 1


def _season_year(season: str, rel: str, ref: tuple[int, int | None, int | None]) -> int:
    ry, rm, _ = ref
    start = date_patterns().season_start[season]
    if rel == "this" or rm is None:
        return ry
    if rel == "next":
        return ry if start >= rm else ry + 1
    return ry if start + 3 <= rm else ry - 1


def _narrative_year(text: str, mn: Mention) -> bool:
    """True for a year the text tells time with ("in 2015", "eind 2015"), not one in a name."""
    return bool(mn.mod or date_patterns().prefix_preposition.search(text[max(0, mn.start - 20):mn.start]))


def _resolve(text: str, mentions: list[Mention], anchor: tuple[int | None, int | None, int | None]) -> None:
    """Give year-less mentions a year: from their list, the nearest explicit date, or the anchor."""
    P = date_patterns()
    doc_ref = anchor if anchor[0] is not None else None
    # lists share year, month and jl./a.s. from their last element
    for chain in _chains(text, mentions):
        members = [mentions[k] for k in chain]
        if len(members) > 1:
            for mn in members:
                if mn.kind == "bare":
                    mn.kind = "month"
        carry_y = carry_rel = None
        for mn in reversed(members):
            if mn.kind not in ("date", "month", "bare"):
                carry_y = carry_rel = None
                continue
            if mn.explicit:
                carry_y, carry_rel = mn.y, None
            elif carry_y is not None:
                mn.y, mn.explicit = carry_y, True
            if mn.rel:
                carry_rel = mn.rel
            elif carry_rel and not mn.explicit:
                mn.rel = carry_rel
    # a bare month word is a date only with a modifier, a preposition or a list around it
    for k, mn in enumerate(mentions):
        if mn.kind != "bare":
            continue
        before = text[max(0, mn.start - 20):mn.start]
        if mn.mod or mn.rel or mn.parent is not None or P.prefix_preposition.search(before):
            mn.kind = "month"
        else:
            mn.keep = False

    last: tuple[int, int | None, int | None] | None = None
    last_at = 0
    year_only: tuple[int, int] | None = None  # a year in a name, (year, end): it anchors only nearby
    days: dict[tuple[int, int], int] = {}  # (month, day) -> the year an earlier mention of that day has
    for k, mn in enumerate(mentions):
        seen = mentions[k - 1] if k else None  # (the one before, its year settled by now)
        if seen is not None and seen.keep and seen.kind == "date" and None not in (seen.y, seen.m, seen.d) and (
                seen.explicit or (seen.m, seen.d) not in days):
            days[(seen.m, seen.d)] = seen.y  # (a day written with its year counts over one placed by the context)
        if not mn.keep:
            continue
        if last is not None and doc_ref is not None and (mn.start - last_at > _NEAR_CHARS or (
                mn.y is None and _weekday_of(text, mn) is None  # (its weekday places it: left as it was)
                and _SECTION_HEAD.search(text, last_at, mn.start))):
            last = None  # "eind maart" pages after "31 mei 2010": the letter's own year, not that one; nor across a
            # section's heading ("Op 28 februari 2025 eindigt ons contract ..." / "Concept mobiliteitsprogramma" / "legt
            # het ... op 16 mei voor": a news item of 7 May 2024 means 16 May 2024)
        if mn.parent is not None and mn.y is None and mentions[mn.parent].y is not None \
                and mn.kind in ("date", "month"):
            mn.y = mentions[mn.parent].y
            mn.explicit = True
        if mn.explicit and mn.kind in ("date", "month", "year", "season"):
            if mn.kind == "year" and doc_ref is not None and not _narrative_year(text, mn):
                # "Verordening ... 2015", "Jaarrekening 2022": a name's year anchors only its own paragraph
                # ("de tussenrapportage 2015 ... de periode januari tot en met augustus")
                year_only = (mn.y, mn.end)
                continue
            last = (mn.y, mn.m if mn.kind != "season" else None, mn.d)
            last_at = mn.end
            year_only = None
            continue
        if year_only is not None and mn.kind in ("date", "month", "interval") and mn.y is None:
            gap = text[year_only[1]:mn.start]
            recent_day = last is not None and last[2] is not None and mn.start - last_at <= _PARAGRAPH_CHARS \
                and not re.search(r"\n[ \t]*\n", text[last_at:mn.start])  # (in the same paragraph)
            if len(gap) <= _PARAGRAPH_CHARS and not re.search(r"\n[ \t]*\n", gap) and not recent_day:
                # (a full date just before, "7 november 2024 / Begroting 2025 / ... 10 oktober", anchors it instead)
                last, last_at = (year_only[0], None, None), year_only[1]
            year_only = None
        if mn.kind in ("date", "month") and mn.y is None:
            if mn.rel and (doc_ref or last):
                mn.y = _relative_year(mn.m, mn.d, doc_ref or last, mn.rel)
                mn.y = _weekday_year(text, mn, doc_ref)  # "donderdag 10 oktober aanstaande": the year it is a Thursday
                if doc_ref is not None:  # "16 december jongstleden", placed by the document's date, places what follows
                    last, last_at = (mn.y, mn.m, mn.d), mn.end
            elif mn.d is not None and (mn.m, mn.d) in days:
                mn.y = days[(mn.m, mn.d)]  # "Op 4 januari is de eerste vergadering ... tot maart 2019 ... neemt het
                # bestuur op 4 januari een groot aantal besluiten": the day named again is the same day
            elif last or doc_ref:
                ref = last or doc_ref
                if last is not None and last[1] is None and doc_ref is not None and mn.d is not None \
                        and re.search(r"[.!?]\s", text[last_at:mn.start]):
                    ref = doc_ref  # "... voor 2005 is uit. Op 15 september presenteert het college": a year the
                    # sentence before names is what a plan is for; a day in the next one is placed by the document
                mn.y = _closest_year(mn.m, mn.d, ref)
                mn.y = _weekday_year(text, mn, doc_ref)
            else:
                y = _year_of_weekday(text, mn, [x.y for x in mentions if x.explicit and x.y is not None])
                if y is not None:  # "De gemeenteraad aanvaardde op dinsdagavond 21 juni ...", a page without any year:
                    # the latest year, not after today, in which that day is that weekday; it places what follows
                    mn.y, mn.explicit = y, False
                    mn.warnings.append("year taken from the weekday: the text names no year")
                    last, last_at = (y, mn.m, mn.d), mn.end
                else:
                    mn.warnings.append("year unknown: no explicit date or document date to anchor on")
        elif mn.kind == "interval" and mn.y is None and mn.offset is not None:
            if doc_ref is None:  # "de tweede helft van dit jaar" in a text with no date of its own
                mn.keep = False
                continue
            mn.y = doc_ref[0] + mn.offset
            mn.end_point = (mn.y, mn.end_point[1], mn.end_point[2])
        elif mn.kind == "interval" and mn.y is None:
            ref = last or doc_ref
            if ref:
                mn.y = _closest_year(mn.m, mn.d, ref)
                ey, em, ed = mn.end_point
                # "1 september tot 1 maart" ends in the next year
                mn.end_point = (mn.y if (em, ed or 0) >= (mn.m, mn.d or 0) else mn.y + 1, em, ed)
        elif mn.kind in ("relyear", "ago", "relseason"):
            ref = doc_ref or (last if last is not None and last[1] is not None else None)
            # ("dit najaar" in an undated text after "in 2050": a year named is no day it was written on)
            if ref is None:
                mn.keep = False
                continue
            if mn.kind == "relseason":
                mn.y = _season_year(mn.season, mn.season_rel, ref)
            else:
                mn.y = ref[0] + mn.offset


def _add_warnings(text: str, mentions: list[Mention], anchor: tuple[int | None, int | None, int | None]) -> None:
    """Warn on a planned date that lies well before the document date (likely a wrong year)."""
    if anchor[0] is None or anchor[1] is None:
        return
    P = date_patterns()
    doc_o = ordinal(anchor[0], anchor[1], anchor[2])
    for mn in mentions:
        if not mn.keep or not mn.explicit or mn.kind not in ("date", "month") or mn.y is None:
            continue
        if ordinal(mn.y, mn.m, mn.d, late=True) >= doc_o - 31:
            continue
        ctx = text[max(0, mn.start - 300):mn.start]
        cut = max(ctx.rfind("\n#"), ctx.rfind("\n\n\n"))
        if cut != -1:
            ctx = ctx[cut:]
        sentence_start = max(ctx.rfind(". "), ctx.rfind("\n"))
        sentence = ctx[sentence_start + 1:] + text[mn.start:mn.start + 80].split(".")[0]
        if re.search(r"(?i)\bplanning\b|\bgepland\b|\btijdpad\b", ctx) or P.schedule.search(sentence):
            mn.warnings.append(
                f"{format_value(mn.y, mn.m, mn.d)} lies before the document date {format_value(*anchor)} "
                f"in a schedule: possibly a wrong year")


def _value(mn: Mention) -> str:
    if mn.kind in ("season", "relseason"):
        return format_value(mn.y, season=mn.season)
    if mn.kind in ("relyear", "ago", "year"):
        return format_value(mn.y, mn.m, mn.d if mn.m else None)
    if mn.kind == "interval":
        ey, em, ed = mn.end_point
        return f"{format_value(mn.y, mn.m, mn.d)}/{format_value(ey, em, ed)}"
    return format_value(mn.y, mn.m, mn.d)


# --------------------------------------------------------------------------- public API

def find_dates(text: str, anchor: str | None = None) -> list[DateMatch]:
    """Find the date expressions in ``text``.

    ``anchor`` is the document date (ISO, any precision) used for "jl.", "a.s.",
    "vorig jaar", "dit voorjaar", "27 jaar geleden" and year-less dates with no
    explicit date before them; when None it is taken from ``document_date(text)``.
    Returns DateMatch objects in text order.
    """
    return analyse(text, anchor)[0]


_NAME_DATE = re.compile(r"(?<![\d])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?(?!\d)")


def date_in_name(name: str) -> str | None:
    """The date a file's name carries ("2020-05-19 Besluitenlijst DB", "hollandse-delta-besluiten-2020-05-19",
    "20200519_besluitenlijst"), at the precision written, or None."""
    m = None
    for m in _NAME_DATE.finditer(name or ""):
        pass  # (the last one: "begroting-2024-besluit-2023-11-09" is of its day, not of its subject's year)
    if m is None:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None
    if d is not None and not valid_date(y, mo, d):
        return None
    return format_value(y, mo, d)


def analyse(text: str, doc_date: str | None = None,
            hint: str | None = None, name_date: str | None = None) -> tuple[list[DateMatch], str | None, str | None]:
    """Dates and document date in one pass: (matches, doc_date, doc_date_source).

    With ``doc_date`` given it is the anchor and the source is ``"meta"``;
    otherwise the document date comes from ``document_date`` (source ``"stated"``,
    ``"inferred"`` or None); ``hint``, the day the file's metadata gives it (an official
    publication's ``DCTERMS.issued``), wins over an inferred date or none (source ``"metadata"``); ``name_date``,
    the date the file's name carries, dates a text that writes no year at all or whose date would only be inferred
    (source ``"filename"``).
    """
    if not isinstance(text, str) or not text:
        return ([], doc_date or hint or None, "meta" if doc_date else ("metadata" if hint else None))
    mentions = scan_dates(text)
    if doc_date:
        source = "meta"
    else:
        doc_date, source = _document_date(text, mentions)
        if hint and source in (None, "inferred"):
            doc_date, source = hint, "metadata"
        if name_date and source in (None, "inferred"):
            # no date of its own ("nam op 19 mei de volgende besluiten"), or a guess (the month the text names most, a
            # year it names: "beleidsplan 2024-2027"): the date the file's name carries; a date the text states wins
            doc_date, source = name_date, "filename"
        elif source == "inferred":
            doc_date = _weekday_fitted(text, mentions, doc_date)
    ref = parse_iso(doc_date)
    _attach_context(text, mentions)
    _resolve(text, mentions, ref)
    _add_warnings(text, mentions, ref)
    out = []
    for mn in mentions:
        if not mn.keep:
            continue
        if mn.y is not None and mn.d is not None and not valid_date(mn.y, mn.m, mn.d):
            mn.warnings.append(f"day {mn.d} does not exist in {format_value(mn.y, mn.m)}")
            mn.d = None
        out.append(DateMatch(mn.start, mn.end, text[mn.start:mn.end], _value(mn), mn.mod,
                             list(mn.warnings) or None))
    return (out, doc_date, source)


def document_date(text: str) -> tuple[str | None, str | None]:
    """The document's own date as (ISO value of the precision written, source).

    Source is ``"stated"`` when the text states it: a "Datum" label (header or
    colophon), a letter line ("Zwolle, 21 mei 2024"), "d.d." in the header, a line
    holding only a date near the top, or a date in the title lines; ``"inferred"``
    when it is the most frequent year-month (then year) mentioned; (None, None)
    when the text has no date at all.
    """
    if not isinstance(text, str) or not text:
        return (None, None)
    return _document_date(text, scan_dates(text))


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _column_date(text: str, full: list[Mention], P, at: int) -> str | None:
    """The date under a "Datum" cell of the header row at ``at`` when its cells are tab-separated (a PDF's
    table read by rows): the cell in the same column of the next row that is not blank."""
    start = text.rfind("\n", 0, at) + 1
    cells = text[start:_line_end(text, at)].split("\t")
    labels = set(P.lx["doc_date_labels"])
    col = next((i for i, c in enumerate(cells) if " ".join(c.lower().split()).rstrip(" :") in labels), None)
    if len(cells) < 2 or col is None:
        return None
    pos = start + sum(len(c) + 1 for c in cells)  # the start of the next line
    for _ in range(3):
        end = _line_end(text, pos)
        values = text[pos:end].split("\t")
        if text[pos:end].strip():
            if col >= len(values):
                return None
            v_start = pos + sum(len(v) + 1 for v in values[:col])
            v_end = v_start + len(values[col])
            mn = next((mn for mn in full if v_start <= mn.start and mn.end <= v_end), None)
            if mn is not None:
                return _value(mn)
            m = _SHORT_DAY.match(values[col].strip())
            if m and valid_date(2000 + int(m.group(3)), int(m.group(2)), int(m.group(1))):
                return format_value(2000 + int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return None
        pos = end + 1
    return None


# A day the reader's own letter, request or e-mail has, or the day it came in: never the date of the letter that cites it.
_READERS_DAY = re.compile(r"(?i)\b(?:uw|jouw)\s+(?:brief|verzoek|e-?mail|mail|schrijven|aanvraag|melding|bericht)\b[^\n]{0,40}$"
                          r"|\bontvangen\s+(?:op\s+)?$")
_READERS_LABEL = re.compile(r"(?i)(?:uw|jouw)\s+(?:brief|kenmerk|verzoek|e-?mail|bericht|aanvraag|schrijven)(?:\s+(?:van|d\.d\.|datum))?\s*:?")
PUBLISHED_DECISION = re.compile(r"(?i)\bbekendmaking\s+van\s+(?:het|een)\s+besluit\s+van\s+(?:[a-zà-ÿ]+\s+){0,6}$")


def _document_date(text: str, scanned: list[Mention]) -> tuple[str | None, str | None]:
    reg = read_register(text[:8000])
    if reg is not None and "signed" in reg.dates:  # a regulation's register page: the day it was signed
        return (reg.dates["signed"][2], "stated")
    P = date_patterns()
    mentions = [mn for mn in scanned if mn.explicit and mn.kind in ("date", "month")]
    full = [mn for mn in mentions if mn.d is not None]

    def first_after(pos: int, limit: int, own: bool = False) -> Mention | None:
        for mn in full:
            if pos <= mn.start <= pos + limit:
                if own and _READERS_DAY.search(text[text.rfind("\n", 0, mn.start) + 1:mn.start]):
                    continue  # "In uw brief van 9 juni 2020": the reader's letter, not this one
                return mn
        return None

    first = P.doc_label.search(text[:3000])
    column = _column_date(text, full, P, first.end()) if first else None
    if column is not None:  # a letterhead's table: "Datum\tKenmerk" above "25 februari 2025\tD2025-02-015694"
        return (column, "stated")
    for lab in P.doc_label.finditer(text[:3000]):  # "Datum\n\n25.02.25": the label's own value, a two-digit year
        m = _SHORT_DAY.match(text, lab.end())
        if m and valid_date(2000 + int(m.group(3)), int(m.group(2)), int(m.group(1))):
            return (format_value(2000 + int(m.group(3)), int(m.group(2)), int(m.group(1))), "stated")
    def near_before(pos: int) -> Mention | None:
        """A date alone on its line just above the label (a letterhead's columns read value first)."""
        for mn in reversed(full):
            if pos - 80 <= mn.end <= pos:
                line_start = text.rfind("\n", 0, mn.start) + 1
                line_end = text.find("\n", mn.end)
                line_end = len(text) if line_end < 0 else line_end
                if not text[line_start:mn.start].strip() and not text[mn.end:line_end].strip():
                    return mn
        return None

    def for_label(lab) -> Mention | None:
        close = first_after(lab.end(), 300, own=True)
        value = re.match(r"[ \t:]*(?:\n[ \t]*)*([^\n]*)", text[lab.end():lab.end() + 200])
        at = lab.end() + value.start(1)
        if re.search(r"\d\s*\d?\s*[A-Za-z]{3,}", value.group(1)) and not (close and at <= close.start < at + len(value.group(1))) \
                and not near_before(lab.start()):
            return None  # the label's value is there but unreadable ("0 4 SEP, 2028" of a scanned stamp): no other day
        if close is not None and text.count("\n", lab.end(), close.start) <= 4:
            return close  # on the label's line or just under it
        return near_before(lab.start()) or close

    for mn in full:  # "Bekendmaking van het besluit van 19 december 2018 ... tot wijziging van een regeling": the notice
        # publishes that decision (its journal's own date is not in the text)
        if mn.start > 1500:
            break
        if PUBLISHED_DECISION.search(text[max(0, mn.start - 80):mn.start]):
            return (_value(mn), "stated")
    labelled = [(lab.start(), for_label(lab)) for lab in P.doc_label.finditer(text)]
    labelled = [(pos, mn) for pos, mn in labelled if mn is not None]
    for pos, mn in labelled:  # "Datum: ..." in the header first
        if pos < 3000:
            return (_value(mn), "stated")
    for m in _INLINE_DATUM.finditer(text[:3000]):  # a letterhead's fields on one line: "... Datum 28 mei 2025 E-mail ..."
        mn = first_after(m.end(), 2)
        if mn is not None:
            return (_value(mn), "stated")
    header_end = min(len(text), P.lx["doc_date_header_chars"])
    for mn in full:
        before = text[max(0, mn.start - 60):mn.start]
        if P.place_line.search(before):
            return (_value(mn), "stated")
        if mn.start < header_end and P.dd_marker.search(before) and not CITED_DAY.search(before):
            return (_value(mn), "stated")  # (not "gelezen het voorstel van het presidium d.d. 21 maart 2006": that one's)
    weeks = [mn for mn in scanned
             if mn.kind == "interval" and mn.explicit and text[mn.start:mn.end].lower().startswith("week")]
    # (a title's ISO week dates a weekly list: "Publicatielijst Besluiten ... Volgnummer: week 22, 2022")
    lines_seen = 0
    pos = 0
    prev = ""
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lines_seen += 1
            if lines_seen > P.lx["doc_date_header_lines"]:
                break
            # ("... tussen 1 september 2022 en" / "30 januari 2023.": the end of a sentence, not a date line)
            runs_on = bool(re.search(r"\b(?:en|tot|tussen|van|vanaf|op|of|per|t/m|na|voor)$", prev))
            for mn in (full + weeks if lines_seen <= 3 else full):
                if pos <= mn.start < pos + len(line) and not runs_on and not VALIDITY.match(stripped) \
                        and not _READERS_LABEL.fullmatch(prev):  # (a letterhead's "Uw brief" / "9 juni 2020")
                    rest = (text[pos:mn.start] + text[mn.end:pos + len(line)]).strip(" \t\r\n*_#>|-–:,.")
                    title = lines_seen <= 3 and (len(stripped) <= 120 or (lines_seen == 1 and mn.start - pos <= 40))  # (a long title line
                    # that names its date early: "BESLUIT AB 10 oktober 2024 Begroting 2025 ... Tekstuele versie: ...")
                    if title or not rest or rest.lower() in P.lx["weekdays"]:
                        return (_value(mn), "stated")
            prev = stripped
        pos += len(line)
    if labelled:  # a colophon further down
        return (_value(labelled[0][1]), "stated")
    past = _latest_past_reference(text, mentions)
    if past is not None:  # written after the latest event it reports in the past tense
        return (format_value(past.y), "inferred")
    this_year = datetime.date.today().year  # (a document is not written after today: "in 2050" is a target)
    mentions = [mn for mn in mentions if mn.y is not None and mn.y <= this_year]
    if mentions:
        counts = collections.Counter((mn.y, mn.m) for mn in mentions)
        (y, m), _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        return (format_value(y, m), "inferred")
    years = [mn for mn in scanned if mn.kind in ("year", "interval") and mn.y is not None and mn.y <= this_year]
    # (an interval's year counts: "Volgnummer: week 22, 2022")
    if years:
        counts = collections.Counter(mn.y for mn in years)
        y, _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        return (format_value(y), "inferred")
    return (None, None)


def _latest_past_reference(text: str, mentions: list[Mention]) -> Mention | None:
    """The latest full date or month reported in a past-tense sentence ("heeft op ... ingestemd", "dd.")."""
    markers = set(date_patterns().lx["past_markers"])
    best = None
    for mn in mentions:
        start = max(text.rfind(". ", 0, mn.start), text.rfind("\n\n", 0, mn.start), mn.start - 200, 0)
        ends = [i for i in (text.find(". ", mn.end), text.find("\n\n", mn.end)) if i != -1]
        end = min(ends + [mn.end + 200, len(text)])
        words = {w.casefold() for w in re.findall(r"[\w.]+", text[start:end])}
        words |= {w.rstrip(".") for w in words}
        if words & markers and (best is None or (mn.y, mn.m or 0, mn.d or 0) > (best.y, best.m or 0, best.d or 0)):
            best = mn
    return best


# --------------------------------------------------------------------------- spaCy component

class DateTagger:
    """spaCy component: fills ``doc.spans["dates"]`` and ``doc._.doc_date``/``doc_date_source``."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        meta = doc._.meta or {}
        anchor = meta.get("doc_date") if isinstance(meta, dict) else None
        hint = meta.get("date_hint") if isinstance(meta, dict) else None
        named = date_in_name(str(meta.get("doc_id") or "")) if isinstance(meta, dict) else None
        # No catch-all here: pipeline.extract runs each component apart and reports a failure.
        matches, doc._.doc_date, doc._.doc_date_source = analyse(text, str(anchor) if anchor else None,
                                                                 str(hint) if hint else None, named)
        spans = []
        for dm in matches:
            span = doc.char_span(dm.start, dm.end, label="DATE", alignment_mode="expand")
            if span is None:
                continue
            ext = span._
            ext.value = dm.value
            ext.mod = dm.mod
            ext.warnings = dm.warnings
            spans.append(span)
        doc.spans["dates"] = spans
        return doc


def make_dates(nlp: Language, name: str) -> DateTagger:
    """Factory for the ``spoor_dates`` component."""
    return DateTagger()


def register() -> None:
    """Register the ``spoor_dates`` factory (and the extensions) with spaCy; ``build_nlp`` calls it.

    The tagger itself needs no spaCy: the search reads this module's lexicon in processes that never
    build a pipeline, so spaCy is only imported here when it is loaded already or a pipeline is built.
    """
    from spacy.language import Language

    register_extensions()
    if not Language.has_factory("spoor_dates"):
        Language.factory("spoor_dates")(make_dates)


if "spacy" in sys.modules:
    register()
