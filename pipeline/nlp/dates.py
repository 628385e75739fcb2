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

import calendar
import collections
import datetime as _dt
import functools
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc
from . import doc_text

_log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
SEASON_CODES = ("SP", "SU", "FA", "WI")
_FAR_DAYS = 240  # a year-less date further than this from its reference belongs to the adjacent year
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


@dataclass
class _Mention:
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
    parts: list["_Mention"] | None = None  # a list of days ("18 en 25 september"), split after scanning


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
        num_before = r"(?<![\w.,/\-#€$:+])"
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
        self.dmy = re.compile(
            rf"{num_before}(?P<d>{day}){ws_nl}(?P<m>{mon})(?:{gap}(?P<y>{year}))?", fl)
        self.numeric = re.compile(
            rf"{num_before}(?P<d>[0-3]?[0-9])(?P<s>[-/.])(?P<m>[01]?[0-9])(?P=s)(?P<y>{year})(?![-/.][0-9])")
        self.numeric_sloppy = re.compile(
            rf"{num_before}(?:(?P<d>[0-3]?[0-9])[-/](?P<m>[01]?[0-9])|(?P<d2>[0-3][0-9]) (?P<m2>[01][0-9])) "
            rf"(?P<y>{year})(?![-/.,][0-9])")
        self.numeric_short = re.compile(  # 29-06-15: a two-digit year only with the same separator twice
            rf"{num_before}(?P<d>[0-3]?[0-9])(?P<s>[-/])(?P<m>[01]?[0-9])(?P=s)(?P<y>[0-9]{{2}})"
            rf"(?![0-9]|[-/.,][0-9]|[^\W\d_])")
        self.iso = re.compile(
            rf"{num_before}(?P<y>{year})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?![0-9]|[-/][0-9])")
        self.my_interval = re.compile(
            rf"{letter_before}(?P<m1>{mon}){sep.replace('[-–—]', '[-–—/]')}(?P<m2>{mon}){gap}(?P<y>{year})", fl)
        self.my = re.compile(rf"{letter_before}(?P<m>{mon}){gap}(?:'|van{ws})?(?P<y>{year})", fl)
        rel_season = _alt(lx["relative_seasons"])
        self.season_prefix = re.compile(
            rf"(?:^|(?<=[\s(]))(?:(?:het|de){ws})?(?P<rel>{rel_season}){ws}$", fl)
        self.season = re.compile(
            rf"{letter_before}(?P<s>{_alt(lx['seasons'])})"
            rf"(?:{ws}(?:van{ws}(?:het{ws}jaar{ws})?)?(?P<y>{year})(?:[-/](?:[0-9]{{2}}|{year}))?)?{letter_after}", fl)
        self.year_interval = re.compile(
            rf"{num_before}(?P<y1>{year})\s*(?:\\?[-–—/]|t/m|tot en met|tot)\s*(?P<y2>{year}|[0-9]{{2}}(?![0-9]))"
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
        self.temporal_before = re.compile(rf"(?:^|\s)(?:in|sinds|vanaf|per|tot|na|voor|vóór|rond|medio|eind|begin|jaar)\s+$", fl)

        # document date
        self.doc_label = re.compile(
            rf"(?im)^[\s*#_>|]*(?:{_alt(lx['doc_date_labels'])}){letter_after}[\s*_|]*[:.\-]?[\s*_|]*")
        self.dd_marker = re.compile(rf"(?:^|(?<=[\s(,]))(?:{_alt(lx['dd_markers'])})\s*$", fl)
        self.place_line = re.compile(r"(?:^|\n)[ \t*_]*[A-Z][^\W\d_]+(?:[ -][^\W\d_]+){0,3},[ \t]*$")
        self.schedule = re.compile(rf"{letter_before}(?:{_alt(lx['schedule_words'])}){letter_after}", fl)

    def month(self, word: str) -> int | None:
        """Month number for a (possibly abbreviated, dotted, capitalised) Dutch month name."""
        return self.months.get(word.lower().rstrip("."))


@functools.lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns(load_lexicon())


# --------------------------------------------------------------------------- helpers

def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if m is None:
            return False
        last = calendar.monthrange(y if y else 2000, m)[1]
        if not 1 <= d <= last:
            return False
    return True


def _fmt(y: int | None, m: int | None = None, d: int | None = None, season: str | None = None) -> str:
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
    if not _valid(y, mo, d):
        return (y, None, None)
    return (y, mo, d)


def _ordinal(y: int, m: int | None, d: int | None, late: bool = False) -> int:
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


def _scan(text: str) -> list[_Mention]:
    """All candidate mentions in ``text``, overlaps resolved (longest, then first pattern, wins)."""
    P = _patterns()
    cands: list[tuple[int, int, int, _Mention]] = []  # (start, -length, order, mention)
    digits = [mt.start() for mt in P.digit_start.finditer(text)]
    months = [mt.start() for mt in P.month_start.finditer(text)]

    def add(order: int, mention: _Mention) -> None:
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
        ok = mo is not None and _valid(y, mo, _day(mt.group("d")))
        subs = []
        for dm in re.finditer(r"[0-9]{1,2}(?:ste|de|e)?", days_txt):
            d = _day(dm.group())
            if not _valid(y, mo, d):
                ok = False
            subs.append(_Mention(base + dm.start(), base + dm.end(), "date", y, mo, d, explicit=y is not None))
        if not ok:
            continue
        main = _Mention(mt.start("d"), mt.end(), "date", y, mo, _day(mt.group("d")), explicit=y is not None)
        # the whole list is one candidate so that it beats shorter ones; split after choosing
        add(0, _Mention(mt.start(), mt.end(), "daylist", parts=subs + [main]))

    for mt in _matches(P.dm_interval, text, digits):
        m2 = P.month(mt.group("m2"))
        m1 = P.month(mt.group("m1")) if mt.group("m1") else m2
        y2 = int(mt.group("y2")) if mt.group("y2") else None
        y1 = int(mt.group("y1")) if mt.group("y1") else y2
        d1, d2 = _day(mt.group("d1")), _day(mt.group("d2"))
        if m1 is None or m2 is None or not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
            continue
        if y1 is not None and y2 is not None and _ordinal(y1, m1, d1) > _ordinal(y2, m2, d2):
            continue
        if y1 is None and (m1, d1) > (m2, d2):
            continue
        add(1, _Mention(weekday_start(mt.start()), mt.end(), "interval", y1, m1, d1, end_point=(y2, m2, d2),
                        explicit=y2 is not None))

    for rx, order in ((P.numeric, 2), (P.iso, 2), (P.numeric_sloppy, 3), (P.numeric_short, 3)):
        for mt in _matches(rx, text, digits):
            y = int(mt.group("y"))
            if y < 100:
                if P.neg_before.search(text, max(0, mt.start() - 30), mt.start()):
                    continue
                y += 2000 if y < 70 else 1900
            mo = int(mt.group("m") or mt.groupdict().get("m2") or 0)
            d = int(mt.group("d") or mt.groupdict().get("d2") or 0)
            if y_ok(y) and _valid(y, mo, d):
                add(order, _Mention(weekday_start(mt.start()), mt.end(), "date", y, mo, d, explicit=True))

    for mt in _matches(P.dmy, text, digits):
        mo = P.month(mt.group("m"))
        y = int(mt.group("y")) if mt.group("y") else None
        d = _day(mt.group("d"))
        if mo is not None and _valid(y, mo, d):
            add(4, _Mention(weekday_start(mt.start()), mt.end(), "date", y, mo, d, explicit=y is not None))

    for mt in _matches(P.my_interval, text, months):
        m1, m2, y = P.month(mt.group("m1")), P.month(mt.group("m2")), int(mt.group("y"))
        if m1 and m2 and m1 < m2:
            add(5, _Mention(mt.start(), mt.end(), "interval", y, m1, None, end_point=(y, m2, None),
                            explicit=True))

    for mt in _matches(P.my, text, months):
        mo = P.month(mt.group("m"))
        if mo:
            add(6, _Mention(mt.start(), mt.end(), "month", int(mt.group("y")), mo, explicit=True))

    for mt in P.season.finditer(text) if P.season_start_re.search(text) else ():
        s = P.seasons[mt.group("s").lower()]
        pre = P.season_prefix.search(text, max(0, mt.start() - 25), mt.start())
        start = pre.start() if pre else mt.start()
        if mt.group("y"):
            add(7, _Mention(start, mt.end(), "season", int(mt.group("y")), season=s, explicit=True))
        elif pre:
            add(7, _Mention(start, mt.end(), "relseason", season=s,
                            season_rel=P.rel_seasons[pre.group("rel").lower()]))

    for mt in _matches(P.year_interval, text, digits):
        y1 = int(mt.group("y1"))
        y2s = mt.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y_ok(y1) and y_ok(y2) and y1 < y2 <= y1 + 50:
            add(8, _Mention(mt.start(), mt.end(), "interval", y1, end_point=(y2, None, None), explicit=True))

    for mt in _matches(P.year, text, digits):
        y = int(mt.group("y"))
        if y_ok(y) and not _year_is_negative(text, mt.start(), mt.end(), P):
            add(9, _Mention(mt.start(), mt.end(), "year", y, explicit=True))

    if "jaar" in text or "JAAR" in text:
        for mt in _matches(P.month_rel_year, text, months):  # "mei van dit jaar", "10 maart vorig jaar"
            off = P.rel_years[mt.group("w").lower()]
            if off is None:
                continue
            start, d = mt.start(), None
            dm = P.day_before.search(text, max(0, start - 8), start)
            if dm:
                start, d = dm.start(), _day(dm.group("d"))
            add(5, _Mention(start, mt.end(), "relyear", m=P.month(mt.group("m")), d=d, offset=off))
        for mt in P.rel_year.finditer(text):
            off = P.rel_years[mt.group("w").lower()]
            if off is not None:
                add(10, _Mention(mt.start(), mt.end(), "relyear", offset=off))
        for mt in P.ago.finditer(text):
            n = mt.group("n")
            val = int(n) if n.isdigit() else P.number_words.get(n.lower())
            if val is not None:
                add(10, _Mention(mt.start(), mt.end(), "ago", offset=-val, mod="APPROX"))

    for mt in _matches(P.bare, text, months):
        add(11, _Mention(mt.start(), mt.end(), "bare", m=P.month(mt.group("m"))))

    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[_Mention] = []
    taken_end = -1
    for start, _neg_len, _order, mention in cands:
        if start < taken_end:
            continue
        chosen.append(mention)
        taken_end = mention.end
    out: list[_Mention] = []
    for mention in chosen:
        if mention.kind == "daylist":
            out.extend(mention.parts or [])
        else:
            out.append(mention)
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


# --------------------------------------------------------------------------- context

def _attach_context(text: str, mentions: list[_Mention]) -> None:
    """Pull modifier words before and relative/bound words after each mention into it."""
    P = _patterns()
    for mn in mentions:
        before = text[max(0, mn.start - 40):mn.start]
        base = mn.start - len(before)
        if mn.kind in ("month", "year", "season", "bare", "relyear", "relseason") and mn.mod is None:
            mt = P.prefix_part.search(before)
            if mt:
                mn.mod = P.part_mods[mt.group("w").lower()]
                mn.start = base + mt.start()
                before = before[:mt.start()]
        if mn.kind != "ago":
            mt = P.prefix_bound.search(before) or P.prefix_spanning.search(before)
            if mt and mn.kind != "interval":
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


def _chains(text: str, mentions: list[_Mention]) -> list[list[int]]:
    """Group mentions that form one list ("januari en februari 2013", "maart (...), april, mei 2013")."""
    P = _patterns()
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
            if gap and len(gap) <= 12 and P.list_gap.match(gap) and "\n\n" not in gap:
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

def _closest_year(m: int, d: int | None, ref: tuple[int, int | None, int | None]) -> int:
    """Year for month ``m`` (day ``d``) near the reference date: its year, unless that puts the
    date more than eight months away ("begin december 2012 ... half januari" is January 2013)."""
    ry, rm, rd = ref
    if rm is None:
        return ry
    if not _valid(ry, m, d):  # 29 februari in a non-leap reference year
        return ry
    delta = _ordinal(ry, m, d or 15) - _ordinal(ry, rm, rd or 15)
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
    ref_o = _ordinal(ry, rm, rd or 15)
    # Up to 8 years away, for 29 februari: the last or next leap year that has it.
    if rel == "past":
        for y in range(ry, ry - 9, -1):
            if _valid(y, m, d) and _ordinal(y, m, d or 1) <= ref_o:
                return y
        return ry - 1
    for y in range(ry, ry + 9):
        if _valid(y, m, d) and _ordinal(y, m, d, late=True) >= ref_o:
            return y
    return ry + 1


def _season_year(season: str, rel: str, ref: tuple[int, int | None, int | None]) -> int:
    ry, rm, _ = ref
    start = _patterns().season_start[season]
    if rel == "this" or rm is None:
        return ry
    if rel == "next":
        return ry if start >= rm else ry + 1
    return ry if start + 3 <= rm else ry - 1


def _resolve(text: str, mentions: list[_Mention], anchor: tuple[int | None, int | None, int | None]) -> None:
    """Give year-less mentions a year: from their list, the nearest explicit date, or the anchor."""
    P = _patterns()
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
    for mn in mentions:
        if not mn.keep:
            continue
        if mn.parent is not None and mn.y is None and mentions[mn.parent].y is not None \
                and mn.kind in ("date", "month"):
            mn.y = mentions[mn.parent].y
            mn.explicit = True
        if mn.explicit and mn.kind in ("date", "month", "year", "season"):
            last = (mn.y, mn.m if mn.kind != "season" else None, mn.d)
            continue
        if mn.kind in ("date", "month") and mn.y is None:
            if mn.rel and (doc_ref or last):
                mn.y = _relative_year(mn.m, mn.d, doc_ref or last, mn.rel)
            elif last or doc_ref:
                mn.y = _closest_year(mn.m, mn.d, last or doc_ref)
            else:
                mn.warnings.append("year unknown: no explicit date or document date to anchor on")
        elif mn.kind == "interval" and mn.y is None:
            ref = last or doc_ref
            if ref:
                mn.y = _closest_year(mn.m, mn.d, ref)
                ey, em, ed = mn.end_point
                mn.end_point = (mn.y if em >= mn.m else mn.y + 1, em, ed)
        elif mn.kind in ("relyear", "ago", "relseason"):
            ref = doc_ref or last
            if ref is None:
                mn.keep = False
                continue
            if mn.kind == "relseason":
                mn.y = _season_year(mn.season, mn.season_rel, ref)
            else:
                mn.y = ref[0] + mn.offset


def _add_warnings(text: str, mentions: list[_Mention], anchor: tuple[int | None, int | None, int | None]) -> None:
    """Warn on a planned date that lies well before the document date (likely a wrong year)."""
    if anchor[0] is None or anchor[1] is None:
        return
    P = _patterns()
    doc_o = _ordinal(anchor[0], anchor[1], anchor[2])
    for mn in mentions:
        if not mn.keep or not mn.explicit or mn.kind not in ("date", "month") or mn.y is None:
            continue
        if _ordinal(mn.y, mn.m, mn.d, late=True) >= doc_o - 31:
            continue
        ctx = text[max(0, mn.start - 300):mn.start]
        cut = max(ctx.rfind("\n#"), ctx.rfind("\n\n\n"))
        if cut != -1:
            ctx = ctx[cut:]
        sentence_start = max(ctx.rfind(". "), ctx.rfind("\n"))
        sentence = ctx[sentence_start + 1:] + text[mn.start:mn.start + 80].split(".")[0]
        if re.search(r"(?i)\bplanning\b|\bgepland\b|\btijdpad\b", ctx) or P.schedule.search(sentence):
            mn.warnings.append(
                f"{_fmt(mn.y, mn.m, mn.d)} lies before the document date {_fmt(*anchor)} "
                f"in a schedule: possibly a wrong year")


def _value(mn: _Mention) -> str:
    if mn.kind in ("season", "relseason"):
        return _fmt(mn.y, season=mn.season)
    if mn.kind in ("relyear", "ago", "year"):
        return _fmt(mn.y, mn.m, mn.d if mn.m else None)
    if mn.kind == "interval":
        ey, em, ed = mn.end_point
        return f"{_fmt(mn.y, mn.m, mn.d)}/{_fmt(ey, em, ed)}"
    return _fmt(mn.y, mn.m, mn.d)


# --------------------------------------------------------------------------- public API

def find_dates(text: str, anchor: str | None = None) -> list[DateMatch]:
    """Find the date expressions in ``text``.

    ``anchor`` is the document date (ISO, any precision) used for "jl.", "a.s.",
    "vorig jaar", "dit voorjaar", "27 jaar geleden" and year-less dates with no
    explicit date before them; when None it is taken from ``document_date(text)``.
    Returns DateMatch objects in text order.
    """
    return analyse(text, anchor)[0]


def analyse(text: str, doc_date: str | None = None) -> tuple[list[DateMatch], str | None, str | None]:
    """Dates and document date in one pass: (matches, doc_date, doc_date_source).

    With ``doc_date`` given it is the anchor and the source is ``"meta"``;
    otherwise the document date comes from ``document_date`` (source ``"stated"``,
    ``"inferred"`` or None).
    """
    if not isinstance(text, str) or not text:
        return ([], doc_date or None, "meta" if doc_date else None)
    mentions = _scan(text)
    if doc_date:
        source = "meta"
    else:
        doc_date, source = _document_date(text, mentions)
    ref = parse_iso(doc_date)
    _attach_context(text, mentions)
    _resolve(text, mentions, ref)
    _add_warnings(text, mentions, ref)
    out = []
    for mn in mentions:
        if not mn.keep:
            continue
        if mn.y is not None and mn.d is not None and not _valid(mn.y, mn.m, mn.d):
            mn.warnings.append(f"day {mn.d} does not exist in {_fmt(mn.y, mn.m)}")
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
    return _document_date(text, _scan(text))


def _document_date(text: str, scanned: list[_Mention]) -> tuple[str | None, str | None]:
    P = _patterns()
    mentions = [mn for mn in scanned if mn.explicit and mn.kind in ("date", "month")]
    full = [mn for mn in mentions if mn.d is not None]

    def first_after(pos: int, limit: int) -> _Mention | None:
        for mn in full:
            if pos <= mn.start <= pos + limit:
                return mn
        return None

    labelled = [(lab.start(), first_after(lab.end(), 300)) for lab in P.doc_label.finditer(text)]
    labelled = [(pos, mn) for pos, mn in labelled if mn is not None]
    for pos, mn in labelled:  # "Datum: ..." in the header first
        if pos < 3000:
            return (_value(mn), "stated")
    header_end = min(len(text), P.lx["doc_date_header_chars"])
    for mn in full:
        before = text[max(0, mn.start - 60):mn.start]
        if P.place_line.search(before):
            return (_value(mn), "stated")
        if mn.start < header_end and P.dd_marker.search(before):
            return (_value(mn), "stated")
    lines_seen = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lines_seen += 1
            if lines_seen > P.lx["doc_date_header_lines"]:
                break
            for mn in full:
                if pos <= mn.start < pos + len(line):
                    rest = (text[pos:mn.start] + text[mn.end:pos + len(line)]).strip(" \t\r\n*_#>|-–:,.")
                    title = lines_seen <= 3 and len(stripped) <= 120
                    if title or not rest or rest.lower() in P.lx["weekdays"]:
                        return (_value(mn), "stated")
        pos += len(line)
    if labelled:  # a colophon further down
        return (_value(labelled[0][1]), "stated")
    past = _latest_past_reference(text, mentions)
    if past is not None:  # written after the latest event it reports in the past tense
        return (_fmt(past.y), "inferred")
    if mentions:
        counts = collections.Counter((mn.y, mn.m) for mn in mentions)
        (y, m), _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        return (_fmt(y, m), "inferred")
    years = [mn for mn in scanned if mn.kind == "year"]
    if years:
        counts = collections.Counter(mn.y for mn in years)
        y, _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        return (_fmt(y), "inferred")
    return (None, None)


def _latest_past_reference(text: str, mentions: list[_Mention]) -> _Mention | None:
    """The latest full date or month reported in a past-tense sentence ("heeft op ... ingestemd", "dd.")."""
    markers = set(_patterns().lx["past_markers"])
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
        try:
            matches, doc._.doc_date, doc._.doc_date_source = analyse(text, str(anchor) if anchor else None)
        except Exception:  # one odd document must not sink a run
            _log.exception("date tagging failed for %s", meta.get("doc_id") if isinstance(meta, dict) else None)
            matches = []
        spans = []
        for dm in matches:
            span = doc.char_span(dm.start, dm.end, label="DATE", alignment_mode="expand")
            if span is None:
                continue
            span._.value = dm.value
            span._.mod = dm.mod
            span._.warnings = dm.warnings
            spans.append(span)
        doc.spans["dates"] = spans
        return doc


@Language.factory("spoor_dates")
def make_dates(nlp: Language, name: str) -> DateTagger:
    """Factory for the ``spoor_dates`` component."""
    return DateTagger()
