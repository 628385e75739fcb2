"""Scanner of the DATE component: the Dutch date vocabulary, its patterns, and text -> candidate mentions.

``load_lexicon`` reads ``data/dates.json`` and ``data/dates_negative.json``; ``scan_dates`` finds every
candidate date expression (full dates, months, years, seasons, intervals, relative years, "... geleden")
as a :class:`Mention`, leaving out numbers that only look like years. :mod:`pipeline.nlp.dates`
attaches context to the mentions, resolves them against an anchor and makes them DateMatches.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

DATA_DIR = Path(__file__).parent / "data"


@dataclass
class Mention:
    """A candidate while the tagger works; turned into a DateMatch at the end."""

    start: int
    end: int
    kind: str  # date | month | year | season | interval | relyear | relseason | ago | bare
    y: int | None = None
    m: int | None = None
    d: int | None = None
    season: str | None = None
    end_point: tuple[int | None, int | None, int | None] | None = None  # interval end (y, m, d)
    mod: str | None = None
    rel: str | None = None  # past | next (jl. / a.s.)
    offset: int | None = None  # relyear / ago
    season_rel: str | None = None  # this | next | last
    explicit: bool = False  # the year is written in the text
    keep: bool = True
    warnings: list[str] = field(default_factory=list)
    parent: int | None = None  # index of the mention whose parenthesis holds this one
    parts: list["Mention"] | None = None  # a list of days ("18 en 25 september"), split after scanning
    period: bool = False  # a quarter or half year written as one ("Q2 2025", "tweede helft van 2023")


# --------------------------------------------------------------------------- lexicon

def _alt(words: Iterable[str]) -> str:
    """Regex alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def load_lexicon() -> dict:
    """Load ``data/dates*.json`` once and return them merged: ``{"dates": ..., "negative": ...}``."""
    with open(DATA_DIR / "dates.json", encoding="utf-8") as fh:
        lex = json.load(fh)
    with open(DATA_DIR / "dates_negative.json", encoding="utf-8") as fh:
        neg = json.load(fh)
    return {"dates": lex, "negative": neg}


class _Patterns:
    """All compiled regular expressions, built from the lexicon once."""

    def __init__(self, lexicon: dict) -> None:
        lx, ng = lexicon["dates"], lexicon["negative"]
        self.lx, self.ng = lx, ng
        self.months = {k.lower(): v for k, v in lx["months"].items()}
        self.months.update({k.lower(): v for k, v in lx["month_abbreviations"].items()})
        self.seasons = {k.lower(): v for k, v in lx["seasons"].items()}
        self.season_start = lx["season_start_month"]
        self.number_words = {k.lower(): v for k, v in lx["number_words"].items()}
        self.rel_years = {k.lower(): v for k, v in lx["relative_years"].items()}
        self.rel_seasons = {k.lower(): v for k, v in lx["relative_seasons"].items()}
        self.part_mods = {k.lower(): v for k, v in lx["part_modifiers"].items()}
        self.bound_prefixes = {k.lower(): v for k, v in lx["bound_prefixes"].items()}
        self.bound_suffixes = {k.lower(): v for k, v in lx["bound_suffixes"].items()}
        self.rel_suffixes = {k.lower(): v for k, v in lx["relative_suffixes"].items()}
        self.year_lo, self.year_hi = lx["year_range"]
        fl = re.IGNORECASE

        letter_before = r"(?<![^\W\d_])"
        letter_after = r"(?![^\W\d_])"
        num_before = r"(?:(?<=d\.d\.)|(?<![\w.,/\-#€$:+]))"  # (not "1.5 mei", but "d.d.28 februari 2013")
        full = _alt(lx["months"])
        abbr = _alt(lx["month_abbreviations"])
        mon = rf"(?:(?:{full}){letter_after}|(?:{abbr})(?:\.|{letter_after}))"
        day = r"(?:3[01]|[12][0-9]|0?[1-9])(?:ste|de|e)?"
        year = r"(?:1[89][0-9]{2}|20[0-9]{2})(?![0-9])"
        ws = r"[ \t\u00a0]+"
        ws_nl = r"(?:[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*)"  # day and month may be split by a line break
        gap = r"\s{1,4}"  # month and year may be split by a line break
        self.weekday_before = re.compile(rf"(?:^|(?<=[\s(]))(?:{_alt(lx['weekdays'])}),?{ws}$", fl)
        sep = r"\s*(?:[-–—]|t/m|tot en met|tot)\s*"

        self.day_list = re.compile(
            rf"{num_before}(?P<days>(?:{day}(?:\s*,\s*|{ws}en{ws}|\s*&\s*)){{1,8}})"
            rf"(?P<d>{day}){ws_nl}(?P<m>{mon})(?:{gap}(?P<y>{year}))?", fl)
        self.dm_interval = re.compile(
            rf"{num_before}(?P<d1>{day})(?:{ws}(?P<m1>{mon})(?:{gap}(?P<y1>{year}))?)?{sep}"
            rf"(?P<d2>{day}){ws_nl}(?P<m2>{mon})(?:{gap}(?P<y2>{year}))?", fl)
        self.dmy = re.compile(  # "12 oktober 2015", also "12-oktober" and "12-okt-2015"
            rf"{num_before}(?P<d>{day})(?:{ws_nl}|-)(?P<m>{mon})(?:(?:{gap}|-)(?P<y>{year}))?", fl)
        # a date stamp on a scanned letter: "09MRT2021", "9 MRT. 2021" (day, capital month abbreviation, year)
        self.stamp = re.compile(rf"{num_before}(?P<d>{day})(?P<m>{abbr.upper()})\.?(?P<y>{year})(?![^\W\d_])")
        self.numeric = re.compile(
            rf"{num_before}(?P<d>[0-3]?[0-9])(?P<s>[-/.])(?P<m>[01]?[0-9])(?P=s)(?P<y>{year})(?![-/.][0-9])")
        self.numeric_sloppy = re.compile(
            rf"{num_before}(?:(?P<d>[0-3]?[0-9])[-/](?P<m>[01]?[0-9])|(?P<d2>[0-3][0-9]) (?P<m2>[01][0-9])) "
            rf"(?P<y>{year})(?![-/.,][0-9])")
        self.numeric_short = re.compile(  # 29-06-15: a two-digit year only with the same separator twice
            rf"{num_before}(?P<d>[0-3]?[0-9])(?P<s>[-/])(?P<m>[01]?[0-9])(?P=s)(?P<y>[0-9]{{2}})"
            rf"(?![0-9]|[-/.,][0-9]|[^\W\d_])")
        self.iso = re.compile(  # 2025-11-04, also unpadded 2025-11-4
            rf"{num_before}(?P<y>{year})-(?P<m>[01]?[0-9])-(?P<d>[0-3]?[0-9])(?![0-9]|[-/][0-9])")
        self.my_interval = re.compile(
            rf"{letter_before}(?P<m1>{mon}){sep.replace('[-–—]', '[-–—/]')}(?P<m2>{mon}){gap}(?P<y>{year})", fl)
        self.my = re.compile(rf"{letter_before}(?P<m>{mon}){gap}(?:'|van{ws})?(?P<y>{year})", fl)
        # "maart ’23", "september '24": a month with the year's last two digits after an apostrophe
        self.my_short = re.compile(rf"{letter_before}(?P<m>{full})[ \t]+['’‘](?P<y>[0-9]{{2}})(?![0-9\w])", fl)
        rel_season = _alt(lx["relative_seasons"])
        self.season_prefix = re.compile(
            rf"(?:^|(?<=[\s(]))(?:(?:het|de){ws})?(?P<rel>{rel_season}){ws}$", fl)
        # "voor de zomer", "na de zomer": a term in the text's own year (not "in de zomer": any summer)
        self.season_term = re.compile(
            rf"(?:^|(?<=[\s(]))(?:{_alt(lx['season_term_prepositions'])}){ws}(?P<de>de){ws}$", fl)
        self.season = re.compile(
            rf"{letter_before}(?P<s>{_alt(lx['seasons'])})"
            rf"(?:{ws}(?:van{ws}(?:het{ws}jaar{ws})?)?(?P<y>{year})(?:[-/](?:[0-9]{{2}}|{year}))?)?{letter_after}", fl)
        self.year_interval = re.compile(  # "2024-2026", "2023 t/m 2026", "2024-2025-2026" (the years one by one)
            rf"{num_before}(?P<y1>{year})(?:[-–](?:1[89][0-9]{{2}}|20[0-9]{{2}})(?=[-–]))*\s*(?:\\?[-–—/]|t/m|tot en met|tot)\s*"
            rf"(?P<y2>{year}|[0-9]{{2}}(?![0-9]))"
            rf"(?![-/.,][0-9]|[^\W\d_])", fl)
        self.year = re.compile(rf"{num_before}(?P<y>{year})(?![-/][0-9A-Za-z]|[.,][0-9]|[^\W\d_])")
        self.month_rel_year = re.compile(
            rf"(?P<m>{mon}){ws}(?:van{ws})?(?:het{ws})?(?P<w>{_alt(lx['relative_years'])}){letter_after}", fl)
        self.day_before = re.compile(rf"{num_before}(?P<d>{day}){ws}$", fl)
        self.rel_year = re.compile(rf"{letter_before}(?P<w>{_alt(lx['relative_years'])}){letter_after}", fl)
        numw = _alt(lx["number_words"])
        approx = _alt(lx["ago"]["approx_words"])
        self.ago = re.compile(
            rf"{letter_before}(?:(?P<a>{approx}){ws})?(?P<n>[0-9]{{1,3}}|{numw}){ws}jaar{ws}"
            rf"{re.escape(lx['ago']['suffix'])}{letter_after}", fl)
        # quarters and halves: "tweede kwartaal 2024", "2e kwartaal", "Q2 2025", "2025-Q2", "eerste helft van 2023",
        # "tweede halfjaar", "H2 2024"; without a year a half needs "halfjaar" or "van het jaar"
        self.ordinals = {k.lower(): v for k, v in lx["ordinals"].items()}
        ordw = _alt(self.ordinals)
        of_year = rf"(?:{ws_nl}(?:van{ws_nl})?(?:het{ws}(?:jaar{ws_nl})?)?(?P<y>{year}))"  # (a line break may split them)
        # "tweede helft van dit jaar", "het eerste kwartaal van volgend jaar": a period of a year told relative to the text
        rel_of = rf"(?:{ws}van{ws}(?P<rw>{_alt(k for k, v in lx['relative_years'].items() if v is not None)}))"
        self.quarter = re.compile(
            rf"{letter_before}(?:(?P<o>{ordw}){ws}(?:{_alt(lx['quarter_words'])})|(?:kwartaal){ws}(?P<n>[1-4])(?![0-9]))"
            rf"(?:{of_year}|{rel_of}|{ws}van{ws}het{ws}jaar)?(?![^\W\d_])", fl)
        self.quarter_code = re.compile(
            rf"(?<![\w.\-/])(?:(?:{_alt(lx['quarter_prefixes'])})[ \t]?(?P<n>[1-4])(?:[ \t]*[-/'][ \t]*|[ \t]+(?:van[ \t]+)?)(?P<y>{year})"
            rf"|(?P<y2>{year})[ \t]*[-/]?[ \t]*Q(?P<n2>[1-4]))(?![\w])")
        self.quarter_code_bare = re.compile(  # "in Q3", "uiterlijk Q1": a quarter of the anchor's year
            rf"(?:^|(?<=[\s(]))(?:{_alt(lx['bare_month_prepositions'])}){ws}(?:het{ws})?(?P<q>Q(?P<n>[1-4]))(?![\w\-/'])", fl)
        self.half = re.compile(
            rf"{letter_before}(?P<o>{ordw}){ws}(?P<w>{_alt(lx['half_words'])})"
            rf"(?:{of_year}|{rel_of}|(?P<vhj>{ws}van{ws}het{ws}jaar))?(?![^\W\d_])", fl)
        self.half_code = re.compile(
            rf"(?<![\w.\-/])(?:{_alt(lx['half_prefixes'])})(?P<n>[12])(?:[ \t]*[-/'][ \t]*|[ \t]+)(?P<y>{year})(?![\w])")
        self.period_hint = re.compile(r"(?i)kwartaal|kw\.|helft|halfjaar|half jaar|Q[1-4]|H[12]|HJ[12]")

        self.bare = re.compile(rf"{letter_before}(?P<m>{full}){letter_after}", fl)
        # where to try the anchored patterns: starts of digit runs, month words, season words
        self.digit_start = re.compile(r"(?<![0-9])[0-9]")
        self.month_start = re.compile(rf"{letter_before}(?:{full}|{abbr})", fl)
        self.season_start_re = re.compile(rf"{letter_before}(?:{_alt(lx['seasons'])})", fl)

        # context around a mention
        self.prefix_part = re.compile(rf"(?:^|(?<=[\s(]))(?P<w>{_alt(self.part_mods)}){ws}$", fl)
        self.prefix_bound = re.compile(
            rf"(?:^|(?<=[\s(]))(?P<w>{_alt(self.bound_prefixes)}){ws}(?:(?:op|in|per|de|het){ws})?$", fl)
        self.prefix_spanning = re.compile(
            rf"(?:^|(?<=[\s(]))(?P<w>{_alt(lx['bound_prefixes_spanning'])}){ws}"
            rf"(?:[^\s.,;:!?()]+{ws}){{1,3}}in{ws}$", fl)
        self.prefix_preposition = re.compile(
            rf"(?:^|(?<=[\s(]))(?:{_alt(lx['bare_month_prepositions'])}){ws}$", fl)
        self.suffix_rel = re.compile(
            rf"^[ \t]*(?P<w>{_alt(self.rel_suffixes)})(?:(?<=\.)|{letter_after})", fl)
        self.suffix_bound = re.compile(rf"^{ws}(?P<w>{_alt(self.bound_suffixes)})(?:(?<=\.)|{letter_after})", fl)
        self.list_gap = re.compile(rf"^(?:\s|,|;|&|/|\+|{letter_before}(?:en|of){letter_after})+$", fl)

        # negative contexts for a lone year
        self.neg_before = re.compile(rf"(?:^|[\s(])(?:{_alt(ng['preceding_words'])})\s*$", fl)
        self.neg_law = re.compile(rf"(?:{_alt(ng['law_suffixes'])})\s+$", fl)
        self.neg_unit = re.compile(rf"^\s?(?:{_alt(ng['following_units'])})(?![^\W\d_])", fl)
        self.neg_postcode = re.compile(ng["postcode_pattern"])
        self.neg_names = [n.lower() for n in ng["name_years"]]
        self.temporal_before = re.compile(r"(?:^|\s)(?:in|sinds|vanaf|per|tot|na|voor|vóór|rond|medio|eind|begin|jaar)\s+$", fl)

        # document date
        self.doc_label = re.compile(
            rf"(?im)^[\s*#_>|]*(?:{_alt(lx['doc_date_labels'])}){letter_after}(?![ \t]*[;,])[\s*_|]*[:.\-]?[\s*_|]*")
        # (not "dagtekening;" in a list of what an objection must hold)
        self.dd_marker = re.compile(rf"(?:^|(?<=[\s(,]))(?:{_alt(lx['dd_markers'])})\s*$", fl)
        # ("Den Haag, 3 mei 2024" on its line; "'s-Gravenhage, 27 april 1998" after a Kamerbrief's addressee, the
        # line breaks lost: "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal 's-Gravenhage, 27 april 1998")
        self.place_line = re.compile(r"(?:^|\n|\bStaten-Generaal[ \t]+)[ \t*_]*(?:[’']s-)?[A-Z][^\W\d_]+(?:[ -][^\W\d_]+){0,3},[ \t]*$")
        self.schedule = re.compile(rf"{letter_before}(?:{_alt(lx['schedule_words'])}){letter_after}", fl)

    def month(self, word: str) -> int | None:
        """Month number for a (possibly abbreviated, dotted, capitalised) Dutch month name."""
        return self.months.get(word.lower().rstrip("."))


@functools.lru_cache(maxsize=1)
def date_patterns() -> _Patterns:
    return _Patterns(load_lexicon())


# --------------------------------------------------------------------------- helpers

def valid_date(y: int | None, m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if m is None:
            return False
        last = calendar.monthrange(y if y else 2000, m)[1]
        if not 1 <= d <= last:
            return False
    return True


def format_value(y: int | None, m: int | None = None, d: int | None = None, season: str | None = None) -> str:
    ys = f"{y:04d}" if y is not None else "XXXX"
    if season:
        return f"{ys}-{season}"
    if m is None:
        return ys
    if d is None:
        return f"{ys}-{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


def _day(s: str) -> int:
    return int(re.sub(r"[^0-9]", "", s))


class TypedDateError(ValueError):
    """A date typed in a filter that is no date (``kind`` "form") or no day of the calendar ("calendar")."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


_TYPED_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_TYPED_DMY = re.compile(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})")
_TYPED_MY = re.compile(r"(\d{1,2})[-/](\d{4})")
_TYPED_WORDS = re.compile(r"(?:(\d{1,2})\s+)?([a-z]+)\.?\s+(\d{4})")


def parse_typed_date(value: str) -> str:
    """A date as Dutch staff type it in a filter ("2019", "2019-12-31", "31-12-2019", "31/12/2019",
    "12-2019", "dec 2019", "31 december 2019") -> the ISO prefix filters compare with ("2019-12-31").
    Raises :class:`TypedDateError` for anything else."""
    v = " ".join(value.strip().casefold().split())
    lex = load_lexicon()["dates"]
    months = {**lex["months"], **lex["month_abbreviations"]}
    if match := _TYPED_ISO.fullmatch(v):
        y, m, d = match.groups()
    elif match := _TYPED_DMY.fullmatch(v):
        d, m, y = match.groups()
    elif match := _TYPED_MY.fullmatch(v):
        (m, y), d = match.groups(), None
    elif (match := _TYPED_WORDS.fullmatch(v)) and match.group(2) in months:
        d, m, y = match.group(1), str(months[match.group(2)]), match.group(3)
    else:
        raise TypedDateError("form")
    parts = [int(x) for x in (y, m, d) if x is not None]
    try:
        _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise TypedDateError("calendar") from None
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def parse_iso(value: str | None) -> tuple[int | None, int | None, int | None]:
    """``'2015-02-11'`` -> (2015, 2, 11); ``'2015-03'`` -> (2015, 3, None); junk -> (None, None, None)."""
    if not value:
        return (None, None, None)
    m = re.match(r"^\s*([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?", str(value))
    if not m:
        return (None, None, None)
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if not valid_date(y, mo, d):
        return (y, None, None)
    return (y, mo, d)


def ordinal(y: int, m: int | None, d: int | None, late: bool = False) -> int:
    """A comparable day number; a missing month/day takes the first (or, if ``late``, last) one."""
    if m is None:
        m = 12 if late else 1
    if d is None:
        d = calendar.monthrange(y, m)[1] if late else 1
    return _dt.date(y, m, d).toordinal()


# --------------------------------------------------------------------------- scanning

def _matches(rx: re.Pattern, text: str, positions: list[int]) -> Iterable[re.Match]:
    """``rx`` tried at each of ``positions`` (much faster than ``finditer`` over every character)."""
    for pos in positions:
        mt = rx.match(text, pos)
        if mt:
            yield mt


_ISO_WEEK = re.compile(r"(?i)\bweek\s+([0-9]{1,2})\s*(?:,|\bvan\b|\()?\s*((?:19|20)[0-9]{2})\b\)?")


#: a day written month first with a slash: "03/23/2021" (any "mm/dd/yyyy" once the text shows it writes them so)
_US_DAY = re.compile(r"(?<![\w./-])(0?[1-9]|1[0-2])/(0?[1-9]|[12][0-9]|3[01])/((?:19|20)[0-9]{2})(?![\w/-])")
_US_CLEAR = re.compile(r"(?<![\w./-])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2[0-9]|3[01])/(?:19|20)[0-9]{2}(?![\w/-])")
_AM_PM = re.compile(r"\b[01]?[0-9]:[0-5][0-9](?::[0-5][0-9])?\s?(?:AM|PM)\b")
_EU_SLASH_DAY = re.compile(r"(?<![\w./-])(?:1[3-9]|2[0-9]|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)[0-9]{2}(?![\w/-])")


def scan_dates(text: str) -> list[Mention]:
    """All candidate mentions in ``text``, overlaps resolved (longest, then first pattern, wins)."""
    P = date_patterns()
    cands: list[tuple[int, int, int, Mention]] = []  # (start, -length, order, mention)
    digits = [mt.start() for mt in P.digit_start.finditer(text)]
    months = [mt.start() for mt in P.month_start.finditer(text)]

    def add(order: int, mention: Mention) -> None:
        cands.append((mention.start, -(mention.end - mention.start), order, mention))

    def y_ok(y: int) -> bool:
        return P.year_lo <= y <= P.year_hi

    def weekday_start(start: int) -> int:
        mt = P.weekday_before.search(text, max(0, start - 12), start)
        return mt.start() if mt else start

    for mt in _matches(P.day_list, text, digits):
        mo = P.month(mt.group("m"))
        y = int(mt.group("y")) if mt.group("y") else None
        days_txt = mt.group("days")
        base = mt.start("days")
        ok = mo is not None and valid_date(y, mo, _day(mt.group("d")))
        subs = []
        for dm in re.finditer(r"[0-9]{1,2}(?:ste|de|e)?", days_txt):
            d = _day(dm.group())
            if not valid_date(y, mo, d):
                ok = False
            subs.append(Mention(base + dm.start(), base + dm.end(), "date", y, mo, d, explicit=y is not None))
        if not ok:
            continue
        main = Mention(mt.start("d"), mt.end(), "date", y, mo, _day(mt.group("d")), explicit=y is not None)
        # the whole list is one candidate so that it beats shorter ones; split after choosing
        add(0, Mention(mt.start(), mt.end(), "daylist", parts=subs + [main]))

    for mt in _matches(P.dm_interval, text, digits):
        m2 = P.month(mt.group("m2"))
        m1 = P.month(mt.group("m1")) if mt.group("m1") else m2
        y2 = int(mt.group("y2")) if mt.group("y2") else None
        y1 = int(mt.group("y1")) if mt.group("y1") else y2
        d1, d2 = _day(mt.group("d1")), _day(mt.group("d2"))
        if m1 is None or m2 is None or not (valid_date(y1, m1, d1) and valid_date(y2, m2, d2)):
            continue
        if y1 is not None and y2 is not None and ordinal(y1, m1, d1) > ordinal(y2, m2, d2):
            continue
        if y1 is None and (m1, d1) > (m2, d2) and not mt.group("m1"):
            continue  # "30 - 1 maart"; but "1 september tot 1 maart" runs into the next year
        add(1, Mention(weekday_start(mt.start()), mt.end(), "interval", y1, m1, d1, end_point=(y2, m2, d2),
                        explicit=y2 is not None))

    # a text that writes its days month first ("03/23/2021": no month 23) does so throughout: "11/07/2019" is then
    # 7 November (a page exported by an English-language system), unless it also writes one day first ("23/03/2021")
    us = (_US_CLEAR.search(text) is not None or _AM_PM.search(text) is not None) and _EU_SLASH_DAY.search(text) is None
    # (or tells the time as "10:00:00 AM")
    for rx, order in ((P.numeric, 2), (P.iso, 2), (P.numeric_sloppy, 3), (P.numeric_short, 3)):
        if us and rx is P.numeric:
            for mt in _US_DAY.finditer(text):
                mo, d, y = int(mt.group(1)), int(mt.group(2)), int(mt.group(3))
                if y_ok(y) and valid_date(y, mo, d):
                    add(order, Mention(weekday_start(mt.start()), mt.end(), "date", y, mo, d, explicit=True))
        for mt in _matches(rx, text, digits):
            if us and rx is P.numeric and mt.group("s") == "/":
                continue  # (read month first above)
            y = int(mt.group("y"))
            if y < 100:
                if P.neg_before.search(text, max(0, mt.start() - 30), mt.start()):
                    continue
                y += 2000 if y < 70 else 1900
            mo = int(mt.group("m") or mt.groupdict().get("m2") or 0)
            d = int(mt.group("d") or mt.groupdict().get("d2") or 0)
            if y_ok(y) and valid_date(y, mo, d):
                add(order, Mention(weekday_start(mt.start()), mt.end(), "date", y, mo, d, explicit=True))

    for mt in _ISO_WEEK.finditer(text):  # "week 22, 2022": Monday to Sunday of that ISO week
        w, y = int(mt.group(1)), int(mt.group(2))
        if not (1 <= w <= 53 and y_ok(y)):
            continue
        try:
            a, b = _dt.date.fromisocalendar(y, w, 1), _dt.date.fromisocalendar(y, w, 7)
        except ValueError:
            continue  # (week 53 of a year that has 52)
        add(1, Mention(mt.start(), mt.end(), "interval", a.year, a.month, a.day, end_point=(b.year, b.month, b.day),
                       explicit=True))

    for mt in _matches(P.stamp, text, digits):
        mo, y, d = P.month(mt.group("m")), int(mt.group("y")), _day(mt.group("d"))
        if mo is not None and y_ok(y) and valid_date(y, mo, d):
            add(4, Mention(mt.start(), mt.end(), "date", y, mo, d, explicit=True))

    for mt in _matches(P.dmy, text, digits):
        mo = P.month(mt.group("m"))
        y = int(mt.group("y")) if mt.group("y") else None
        d = _day(mt.group("d"))
        if mo is not None and valid_date(y, mo, d):
            add(4, Mention(weekday_start(mt.start()), mt.end(), "date", y, mo, d, explicit=y is not None))

    for mt in _matches(P.my_interval, text, months):
        m1, m2, y = P.month(mt.group("m1")), P.month(mt.group("m2")), int(mt.group("y"))
        if m1 and m2 and m1 < m2:
            add(5, Mention(mt.start(), mt.end(), "interval", y, m1, None, end_point=(y, m2, None),
                            explicit=True))

    for mt in _matches(P.my, text, months):
        mo = P.month(mt.group("m"))
        if mo:
            add(6, Mention(mt.start(), mt.end(), "month", int(mt.group("y")), mo, explicit=True))

    for mt in _matches(P.my_short, text, months):
        mo, y = P.month(mt.group("m")), 2000 + int(mt.group("y"))
        if mo and y_ok(y):
            add(6, Mention(mt.start(), mt.end(), "month", y, mo, explicit=True))

    for mt in P.season.finditer(text) if P.season_start_re.search(text) else ():
        s = P.seasons[mt.group("s").lower()]
        pre = P.season_prefix.search(text, max(0, mt.start() - 25), mt.start())
        start = pre.start() if pre else mt.start()
        if mt.group("y"):
            add(7, Mention(start, mt.end(), "season", int(mt.group("y")), season=s, explicit=True))
        elif pre:
            add(7, Mention(start, mt.end(), "relseason", season=s,
                            season_rel=P.rel_seasons[pre.group("rel").lower()]))
        elif term := P.season_term.search(text, max(0, mt.start() - 25), mt.start()):
            add(7, Mention(term.start("de"), mt.end(), "relseason", season=s, season_rel="this"))

    if P.period_hint.search(text):
        for mention in _periods(text, P):
            add(5, mention)

    for mt in _matches(P.year_interval, text, digits):
        y1 = int(mt.group("y1"))
        y2s = mt.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y_ok(y1) and y_ok(y2) and y1 < y2 <= y1 + 50:
            add(8, Mention(mt.start(), mt.end(), "interval", y1, end_point=(y2, None, None), explicit=True))

    for mt in _matches(P.year, text, digits):
        y = int(mt.group("y"))
        if y_ok(y) and not _year_is_negative(text, mt.start(), mt.end(), P):
            add(9, Mention(mt.start(), mt.end(), "year", y, explicit=True))

    if "jaar" in text or "JAAR" in text:
        for mt in _matches(P.month_rel_year, text, months):  # "mei van dit jaar", "10 maart vorig jaar"
            off = P.rel_years[mt.group("w").lower()]
            if off is None:
                continue
            start, d = mt.start(), None
            dm = P.day_before.search(text, max(0, start - 8), start)
            if dm:
                start, d = dm.start(), _day(dm.group("d"))
            add(5, Mention(start, mt.end(), "relyear", m=P.month(mt.group("m")), d=d, offset=off))
        for mt in P.rel_year.finditer(text):
            off = P.rel_years[mt.group("w").lower()]
            if off is not None:
                add(10, Mention(mt.start(), mt.end(), "relyear", offset=off))
        for mt in P.ago.finditer(text):
            n = mt.group("n")
            val = int(n) if n.isdigit() else P.number_words.get(n.lower())
            if val is not None:
                add(10, Mention(mt.start(), mt.end(), "ago", offset=-val, mod="APPROX"))

    for mt in _matches(P.bare, text, months):
        add(11, Mention(mt.start(), mt.end(), "bare", m=P.month(mt.group("m"))))

    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[Mention] = []
    taken_end = -1
    for start, _neg_len, _order, mention in cands:
        if start < taken_end:
            continue
        chosen.append(mention)
        taken_end = mention.end
    out: list[Mention] = []
    for mention in chosen:
        if mention.kind == "daylist":
            out.extend(mention.parts or [])
        else:
            out.append(mention)
    return out


def _period(start: int, end: int, y: int | None, first: int, months: int, offset: int | None = None) -> Mention:
    """A quarter or half year as an interval of months: (2025, 4, 3) -> 2025-04/2025-06; ``offset``: of the year
    relative to the text's ("van dit jaar" 0, "van volgend jaar" 1)."""
    return Mention(start, end, "interval", y, first, None, end_point=(y, first + months - 1, None),
                   explicit=y is not None, period=True, offset=offset)


def _rel_offset(mt: re.Match, P: "_Patterns") -> int | None:
    return P.rel_years.get(mt.group("rw").lower()) if mt.group("rw") else None


def _periods(text: str, P: _Patterns) -> list[Mention]:
    """Quarters and halves of a year ("Q2 2025", "tweede kwartaal 2024", "eerste helft van 2023", "H2 2024")."""
    out = []
    for mt in P.quarter.finditer(text):
        word = (mt.group("o") or "").lower()
        n = P.ordinals.get(word) if word else int(mt.group("n"))
        y = int(mt.group("y")) if mt.group("y") else None
        if n and 1 <= n <= 4 and (y is None or P.year_lo <= y <= P.year_hi):
            out.append(_period(mt.start(), mt.end(), y, 3 * n - 2, 3, _rel_offset(mt, P)))
    for mt in P.quarter_code.finditer(text):
        n, y = int(mt.group("n") or mt.group("n2")), int(mt.group("y") or mt.group("y2"))
        if P.year_lo <= y <= P.year_hi:
            out.append(_period(mt.start(), mt.end(), y, 3 * n - 2, 3))
    for mt in P.quarter_code_bare.finditer(text):
        if mt.group("q")[0] == "Q":
            n = int(mt.group("n"))
            out.append(_period(mt.start("q"), mt.end("q"), None, 3 * n - 2, 3))
    for mt in P.half.finditer(text):
        word = mt.group("o").lower()
        n = 2 if word == "laatste" else P.ordinals.get(word)
        y = int(mt.group("y")) if mt.group("y") else None
        if n not in (1, 2) or (y is None and not mt.group("vhj") and not mt.group("rw") and "jaar" not in mt.group("w").lower()):
            continue  # "de eerste helft van de vergadering" is no date
        if y is None or P.year_lo <= y <= P.year_hi:
            out.append(_period(mt.start(), mt.end(), y, 6 * n - 5, 6, _rel_offset(mt, P)))
    for mt in P.half_code.finditer(text):
        n, y = int(mt.group("n")), int(mt.group("y"))
        if P.year_lo <= y <= P.year_hi:
            out.append(_period(mt.start(), mt.end(), y, 6 * n - 5, 6))
    return out


def _year_is_negative(text: str, start: int, end: int, P: _Patterns) -> bool:
    """True when the year-like number at ``text[start:end]`` is a number, code or name, not a year."""
    before = text[max(0, start - 30):start]
    after = text[end:end + 20]
    if P.neg_postcode.match(after) and re.search(r"(?:^|\n|,|[0-9])[ \t]*$", before):
        return True  # "7500 BK Enschede" on an address line, not "begroting 2016 GR Cocensus"
    if P.neg_unit.match(after):
        return not P.temporal_before.search(before)
    if P.neg_before.search(before) or P.neg_law.search(before):
        return True
    low = text[max(0, start - 20):end].lower()
    if any(low.endswith(n) for n in P.neg_names):
        return True
    # a group of digits right before it that is no year itself: phone numbers, codes
    mt = _DIGIT_GROUP_BEFORE.search(before)
    if mt and not _YEARLIKE.match(mt.group(1)):
        return True
    return False


_DIGIT_GROUP_BEFORE = re.compile(r"(?<![0-9.,])([0-9]{2,4})[ \t-]$")
_YEARLIKE = re.compile(r"^(?:1[89]|20)[0-9]{2}$")
