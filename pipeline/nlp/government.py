"""The government that issued a document, and the government a body belongs to.

A government is a municipality (``gemeente``), a province (``provincie``), a
water board (``waterschap``), a joint arrangement (``samenwerkingsverband``:
Regio Twente, a veiligheidsregio, an omgevingsdienst, a RES region) or a
national body (``rijk``: a ministry, the Tweede Kamer, the ministerraad).
Municipalities, provinces and water boards carry their TOOI/CBS code
(``gm0153``, ``pv23``, ``ws0155``) from ``data/governments.json``, which also
keeps municipalities that merged away since 2010 under their old code.

``find()`` weighs the cues a reader uses, strongest first: the formula that
names the sender ("Burgemeester en wethouders van Deventer", "Gedeputeerde
Staten van Overijssel", "De raad van de gemeente Heerlen"), an official
publication header ("Gemeenteblad van ..."), the letterhead (a "Provincie X"
line followed by the sender's telephone, website or e-mail; an addressee
block after "Aan" or before "t.a.v." counts against), the IMRO plan code of a
spatial plan, the signature, the place-and-date line, the e-mail domain, the
governments the text names most, and the file name as a last resort. A
province's letter to a municipality so belongs to the province.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_log = logging.getLogger(__name__)

GEMEENTE, PROVINCIE, WATERSCHAP, SAMENWERKING, RIJK = (
    "gemeente", "provincie", "waterschap", "samenwerkingsverband", "rijk")
# The level of a body in kb_bodies.json -> the kind of government it belongs to.
_LEVEL_KIND = {"gemeente": GEMEENTE, "provincie": PROVINCIE, "waterschap": WATERSCHAP, "rijk": RIJK,
               "gr": SAMENWERKING}

_OPENING = 3000
_CLOSING = 2000


@dataclass(frozen=True)
class Government:
    """A government: its name, kind and TOOI/CBS code (None where there is none)."""

    name: str
    kind: str
    code: str | None = None
    province: str | None = None  # for a municipality: the TOOI code of its province


def norm(name: str) -> str:
    """A name reduced for matching: lower case, no accents, no spaces or punctuation."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@lru_cache(maxsize=1)
def _data() -> dict:
    path = resources.files("pipeline.nlp") / "data" / "governments.json"
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[Government]], dict[str, Government]]:
    """name (normalised) -> governments with that name; code -> government."""
    data = _data()
    by_name: dict[str, list[Government]] = {}
    by_code: dict[str, Government] = {}

    def add(key: str, gov: Government) -> None:
        bucket = by_name.setdefault(norm(key), [])
        if gov not in bucket:
            bucket.append(gov)

    for prov in data["provinces"]:
        gov = Government(prov["name"], PROVINCIE, prov["code"])
        by_code[gov.code] = gov
        add(gov.name, gov)
    for board in data["water_boards"]:
        gov = Government(board["name"], WATERSCHAP, board["code"])
        by_code[gov.code] = gov
        add(gov.name, gov)
        short = re.sub(r"^(?:Hoogheemraadschap(?: van)?|Wetterskip)\s+", "", board["name"])
        add(short, gov)
    # Current municipalities first, so a name that also belonged to an older one finds the current one.
    for muni in sorted(data["municipalities"], key=lambda m: "until" in m):
        gov = Government(muni["name"], GEMEENTE, muni["code"], muni.get("province"))
        by_code[gov.code] = gov
        add(gov.name, gov)
        base = re.sub(r"\s*\([^)]*\)$", "", muni["name"])  # "Bergen (NH.)" -> "Bergen"
        if base != muni["name"]:
            add(base, gov)
    for alias, code in data["aliases"].items():
        if not alias.startswith("_"):
            add(alias, by_code[code])
    for body in data["rijk"]:
        gov = Government(body["name"], RIJK)
        for name in [body["name"], *body["aliases"]]:
            add(name, gov)
    return by_name, by_code


def by_code(code: str) -> Government | None:
    """The government with this TOOI/CBS code ("gm0153"), or None."""
    return _index()[1].get(code.casefold())


def lookup(name: str, kind: str | None = None) -> Government | None:
    """The government called ``name`` (of ``kind`` if given); a current municipality before an old one."""
    for gov in _index()[0].get(norm(name), []):
        if kind is None or gov.kind == kind:
            return gov
    return None


def _rijk_for_body(body_id: str) -> Government | None:
    for body in _data()["rijk"]:
        if body_id in body["bodies"]:
            return Government(body["name"], RIJK)
    return None


# A capitalised name of up to five words, with the small words Dutch place names contain.
_NAME = (r"(?P<name>['’]?[A-ZÀ-Ý][\w'’.\-]*(?:[ \t]+(?:aan|den|de|en|op|van|der|het|in|'t|[A-ZÀ-Ý(][\w'’.\-)]*)){0,5})")
_SMALL = {"aan", "den", "de", "en", "op", "van", "der", "het", "in", "'t"}


def _resolve(raw: str, kind: str | None = None) -> Government | None:
    """The longest leading run of words in ``raw`` that names a government (of ``kind``)."""
    words = raw.replace("\n", " ").split()
    for size in range(min(len(words), 6), 0, -1):
        if words[size - 1].casefold() in _SMALL:
            continue
        gov = lookup(" ".join(words[:size]).rstrip(".,;:"), kind)
        if gov is not None:
            return gov
    return None


# (pattern, kind of the named government, weight); the name is group "name". \s+ lets a formula run over lines.
_FORMULAS: list[tuple[re.Pattern, str | None, float]] = [
    (re.compile(rf"\bGedeputeerde\s+Staten\s+van\s+(?:de\s+provincie\s+)?{_NAME}"), PROVINCIE, 10),
    (re.compile(rf"\bProvinciale\s+Staten\s+van\s+(?:de\s+provincie\s+)?{_NAME}"), PROVINCIE, 8),
    (re.compile(rf"\b(?i:college\s+van\s+)?(?i:burgemeester\s+(?:en|&)\s+wethouders|B\s*(?:&|en)\s*W)\s+"
                rf"(?i:van|der)\s+(?i:de\s+gemeente\s+)?{_NAME}"), GEMEENTE, 10),
    (re.compile(rf"\b(?i:de\s+)?(?i:raad|gemeenteraad)\s+(?i:van\s+de\s+gemeente|van)\s+{_NAME}"), GEMEENTE, 9),
    (re.compile(rf"\b(?i:de\s+burgemeester\s+van)\s+{_NAME}"), GEMEENTE, 6),
    (re.compile(rf"\b(?i:gemeenteblad)(?:\s+van(?:\s+de\s+gemeente)?)?\s+{_NAME}"), GEMEENTE, 12),
    (re.compile(rf"\b(?i:provinciaal\s+blad)(?:\s+van(?:\s+de\s+provincie)?)?\s+{_NAME}"), PROVINCIE, 12),
    (re.compile(rf"\b(?i:waterschapsblad)(?:\s+van)?\s+(?:(?i:het\s+)?(?i:waterschap|hoogheemraadschap(?:\s+van)?)\s+)?{_NAME}"),
     WATERSCHAP, 12),
    (re.compile(rf"\b(?i:dijkgraaf\s+en\s+(?:hoog)?heemraden|verenigde\s+vergadering|(?:algemeen|dagelijks)\s+bestuur)\s+"
                rf"van\s+(?:(?i:het\s+)?(?i:waterschap|hoogheemraadschap(?:\s+van)?)\s+)?{_NAME}"), WATERSCHAP, 8),
    (re.compile(rf"\b(?i:uitgave\s+van(?:\s+de)?)\s+(?i:provincie|gemeente|waterschap)\s+{_NAME}"), None, 7),
]
# "Provincie Overijssel" / "Gemeente Emmen" / "Waterschap Vechtstromen" as a line of its own (letterhead or addressee).
_HEAD = re.compile(rf"^[ \t]*(?P<word>(?i:provincie|gemeente|waterschap|hoogheemraadschap(?:\s+van)?|wetterskip))"
                   rf"[ \t]*\n?[ \t]*{_NAME}[ \t]*$", re.MULTILINE)
_HEAD_KIND = {"provincie": PROVINCIE, "gemeente": GEMEENTE, "waterschap": WATERSCHAP,
              "hoogheemraadschap": WATERSCHAP, "wetterskip": WATERSCHAP}
_CONTACT = re.compile(r"(?i)\bwww\.|@|\btelefoon\b|\btel\.|\bkvk\b|\biban\b|\bpostbus\s+\d")
_ADDRESSEE_BEFORE = re.compile(r"(?i)^\s*(?:aan|aan:|ter\s+attentie|t\.?a\.?v\.?)\b")
_ADDRESSEE_AFTER = re.compile(r"(?i)^\s*(?:t\.?\s?a\.?\s?v\.?|ter\s+attentie|aan\s+(?:het|de)\s+college)")
# Mentions anywhere: "gemeente Zwolle", "provincie Overijssel", "waterschap Vechtstromen".
_MENTION = re.compile(rf"\b(?P<word>(?i:gemeente|provincie|waterschap|hoogheemraadschap(?:\s+van)?))\s+{_NAME}")
_PLACE_DATE = re.compile(
    rf"^[ \t]*{_NAME},\s*(?:\d{{1,2}}(?:e|ste)?\s+[a-z]+\s+\d{{4}}|\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{2,4}}|[a-z]+\s+\d{{4}}|"
    r"[A-Z][a-z]+\s+\d{4})", re.MULTILINE)
_IMRO = re.compile(r"\bNL\.IMRO\.(\d{4})\b")
_DOMAIN = re.compile(r"(?i)(?:@|www\.)([a-z0-9-]+)\.nl\b")
# National bodies and joint arrangements.
_RIJK_HEAD = re.compile(r"^[ \t]*(?P<name>Tweede Kamer der Staten-Generaal|Eerste Kamer der Staten-Generaal|MINISTERRAAD|"
                        r"Ministerraad|Ministerie van [A-ZÀ-Ý][^\n]{2,60}?)[ \t]*$", re.MULTILINE)
_MOTION_KAMER = re.compile(r"(?m)^\s*De Kamer,\s*\n\s*gehoord de beraadslaging")
_MINISTRY_MENTION = re.compile(r"\b(?P<name>Ministerie van (?:[A-ZÀ-Ý][\w-]*|en|,)(?:[ ,]+(?:[A-ZÀ-Ý][\w-]*|en)){0,6})")


@lru_cache(maxsize=1)
def _joint_pattern() -> re.Pattern:
    prefixes = sorted(_data()["joint_arrangements"]["prefixes"], key=len, reverse=True)
    alt = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"^[ \t]*(?P<full>(?:{alt})[ \t]+[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+(?:en|[A-ZÀ-Ý][\w'’\-]*)){{0,3}})[ \t]*$",
                      re.MULTILINE)


_LINE_LEAD = re.compile(r"(?i)(?:^|\n)[ \t>*\-–•\d.)]*(?:(?:de|het|namens|aldus\s+(?:besloten|vastgesteld)\s+(?:door|in)"
                        r"|vastgesteld\s+door:?|besluit\s+van)\s+)?$")


def _opens_line(text: str, start: int) -> bool:
    """True when the match at ``start`` begins its line (after a bullet, 'De', 'Namens', 'Vastgesteld door')."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_LINE_LEAD.search(text[max(0, line_start - 1):start]))


def _lines_around(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    before = text[:start].splitlines()[-2:]
    after = text[end:].splitlines()[1:9]
    return before, after


def _score(text: str, stem: str = "") -> Counter:
    """Weights for each candidate government, from the cues described in the module docstring."""
    score: Counter = Counter()
    opening = text[:_OPENING]
    closing = text[-_CLOSING:] if len(text) > _OPENING else ""
    for part, factor in ((opening, 1.0), (closing, 0.5)):
        for pattern, kind, weight in _FORMULAS:
            for m in pattern.finditer(part):
                gov = _resolve(m.group("name"), kind)
                if gov is not None:
                    # A formula that opens a line names the sender; in running text it is only a mention.
                    score[gov] += weight * factor if _opens_line(part, m.start()) else 1
    lines = opening.splitlines()
    head_zone = "\n".join(lines[:45])
    for m in _HEAD.finditer(head_zone):
        gov = _resolve(m.group("name"), _HEAD_KIND[m.group("word").split()[0].casefold()])
        if gov is None:
            continue
        before, after = _lines_around(head_zone, m.start(), m.end())
        weight = 4.0
        if any(_CONTACT.search(line) for line in after[:8]):
            weight += 4
        if any(_ADDRESSEE_BEFORE.match(line) for line in before[-1:]) or any(
                _ADDRESSEE_AFTER.match(line) for line in after[:2]):
            weight -= 5
        score[gov] += weight
    for m in _RIJK_HEAD.finditer("\n".join(lines[:12])):
        name = m.group("name")
        rest = opening[m.end():].lstrip("\n").split("\n", 1)[0].strip()
        if re.search(r"(?:,| en)$", name) and rest:  # "Ministerie van Landbouw," / "Natuur en Voedselkwaliteit"
            name = f"{name} {rest}"
        gov = lookup(name) or Government(" ".join(name.split()).title() if name.isupper() else " ".join(name.split()), RIJK)
        score[gov] += 9
    if _MOTION_KAMER.search(opening) and re.search(r"(?i)\bmotie\b", opening):
        score[lookup("Tweede Kamer")] += 6
    for m in _joint_pattern().finditer("\n".join(lines[:25])):
        score[Government(" ".join(m.group("full").split()), SAMENWERKING)] += 5
    for m in _IMRO.finditer(opening):
        number = m.group(1)
        gov = by_code(f"pv{number[2:]}") if number.startswith("99") else by_code(f"gm{number}")
        if gov is not None:
            score[gov] += 8
    for m in _PLACE_DATE.finditer(opening):
        gov = _resolve(m.group("name"), GEMEENTE)
        if gov is not None:
            score[gov] += 2
    for m in _DOMAIN.finditer(text[:20000]):
        gov = lookup(m.group(1))
        if gov is not None and gov.kind != RIJK:
            score[gov] += 1.5
    mentions: Counter = Counter()
    for m in _MENTION.finditer(text[:200_000]):
        gov = _resolve(m.group("name"), _HEAD_KIND[m.group("word").split()[0].casefold()])
        if gov is not None:
            mentions[gov] += 1
    for m in _MINISTRY_MENTION.finditer(opening):
        mentions[Government(" ".join(m.group("name").rstrip(", ").split()), RIJK)] += 1
    for gov, count in mentions.items():
        score[gov] += min(4.0, 0.5 * count)
    gov = from_stem(stem)
    if gov is not None:
        score[gov] += 3
    return score


def from_stem(stem: str) -> Government | None:
    """The government a file name starts with ("denhelder-agenda-..." -> Den Helder), or None."""
    parts = [p for p in re.split(r"[-_\s]+", stem.casefold()) if p]
    if parts and parts[0] in ("res", "regio"):  # "regio-achterhoek-agenda-...": the region's name, up to the type word
        name = list(itertools.takewhile(lambda p: p not in _STEM_TYPE_WORDS and not p.isdigit(), parts[1:4]))
        if len(name) == 3 and name[1] != "en":  # (three words only with "en": "gooi-en-vechtstreek")
            name = name[:2]
        while name[-1:] == ["en"]:
            name.pop()
        if len(parts) > 1:
            gov = lookup("".join(parts[:len(name) + 1]))
            if gov is not None:
                return gov
        words = "-".join(p if p == "en" else p.capitalize() for p in name).replace("-en-", " en ")
        return Government(("RES " if parts[0] == "res" else "Regio ") + words, SAMENWERKING) if name else None
    for size in range(min(3, len(parts)), 0, -1):
        gov = lookup("".join(parts[:size]))
        if gov is not None:
            return gov
    return None


#: words a file name gives a document's type, which end a region's name in it ("regio-achterhoek-agenda-...")
_STEM_TYPE_WORDS = frozenset({"agenda", "besluitenlijst", "besluiten", "verslag", "notulen", "brief", "nieuws",
                              "nieuwsbericht", "persbericht", "raadsvoorstel", "voorstel", "motie", "besluit",
                              "bekendmaking", "notitie", "toelichting", "ab", "db", "raad", "vergadering", "mail",
                              "regeling", "verordening", "reglement", "mandaatbesluit", "begroting", "jaarrekening",
                              "jaarverslag", "kadernota", "nota", "beleidsplan"})


def find(text: str, stem: str = "") -> Government | None:
    """The government that issued a document: the candidate with the most weight, or None."""
    score = _score(text, stem)
    if not score:
        return None
    stem_gov = from_stem(stem)
    best, weight = max(score.items(), key=lambda item: (item[1], item[0] == stem_gov))
    _log.debug("government of %s: %s (%.1f) of %s", stem, best, weight, dict(score.most_common(4)))
    return best


def named_in(text: str) -> Government | None:
    """A government a short text names explicitly ("Gedeputeerde Staten van Overijssel"), or None."""
    for pattern, kind, _weight in _FORMULAS:
        m = pattern.search(text)
        if m:
            gov = _resolve(m.group("name"), kind)
            if gov is not None:
                return gov
    m = _MENTION.search(text)
    if m:
        return _resolve(m.group("name"), _HEAD_KIND[m.group("word").split()[0].casefold()])
    return None


@lru_cache(maxsize=1)
def _kb_levels() -> dict[str, str]:
    """Each body's level as ``kb_bodies.json`` writes it ("gemeente", "rijk", "eu", ...)."""
    path = resources.files("pipeline.nlp") / "data" / "kb_bodies.json"
    return {b["id"]: b.get("level", "") for b in json.loads(path.read_text(encoding="utf-8"))["bodies"]}


@lru_cache(maxsize=1)
def _body_levels() -> dict[str, str]:
    return {body: _LEVEL_KIND[level] for body, level in _kb_levels().items() if level in _LEVEL_KIND}


@lru_cache(maxsize=16)  # asked once per decision of another level, with the same document text each time
def most_named(text: str, kind: str) -> Government | None:
    """The government of ``kind`` the text names most often ("provincie Overijssel", "gemeente Zwolle")."""
    counts: Counter = Counter()
    for m in _MENTION.finditer(text[:200_000]):
        gov = _resolve(m.group("name"), kind)
        if gov is not None and gov.kind == kind:
            counts[gov] += 1
    for pattern, pkind, _weight in _FORMULAS:
        if pkind == kind:
            for m in pattern.finditer(text[:200_000]):
                gov = _resolve(m.group("name"), kind)
                if gov is not None:
                    counts[gov] += 1
    return counts.most_common(1)[0][0] if counts else None


_OF_GOVERNMENT = re.compile(
    r"\s+(?:van|der)\s+(?:de\s+|het\s+)?(?:gemeente|provincie|waterschap|hoogheemraadschap)?\s*"
    r"[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|aan|den|de|en|op|in|a/d|van|der))*")


def _named_after(actor_text: str | None, text: str) -> Government | None:
    """The government named right after the actor's words in the sentence ("de raad van Zwolle",
    "Gedeputeerde Staten van de provincie Overijssel"); a place named elsewhere in the sentence does not count."""
    if not actor_text:
        return None
    pos = text.casefold().find(actor_text.casefold())
    if pos < 0:
        return None
    end = pos + len(actor_text)
    m = _OF_GOVERNMENT.match(text, end)
    return named_in(text[pos:m.end()]) if m else None


def for_decision(actor: str | None, actor_text: str | None, text: str, document: Government | None,
                 doc_text: str = "", place: str | None = None) -> Government | None:
    """The government a decision belongs to.

    The rule: a government the actor's words name, or the words right after them in the sentence
    ("Gedeputeerde Staten van Overijssel", "de raad van de gemeente Zwolle"), wins (a place named
    elsewhere in the sentence, "naar voorbeeld van de gemeente Hengelo", does not); otherwise a
    body of the document's own kind of government (or a body of any level, or no actor)
    belongs to the document's government; a national body (Tweede Kamer, minister) belongs to
    the rijk; a body of another level belongs to the government of that level the document
    names most, or for a province's body in a municipal document, the municipality's province;
    a plural body of another level ("de gemeenteraden") belongs to none in particular (None); ``place``, the
    place the decision's own words name for one of several bodies, names its government.
    """
    explicit = named_in(actor_text or "") or (_named_after(actor_text, text) if actor else None)
    level = _body_levels().get(actor or "")
    if level is None and _kb_levels().get(actor or "") == "eu":
        return None  # the European Commission is no Dutch government's body
    if place and level is not None:  # one of several councils, named by its place: "..., Bedum d.d. 18 oktober 2012"
        explicit = _resolve(place, level) or explicit
    if explicit is not None and (level is None or explicit.kind == level):
        return explicit
    if level is None or document is None or level == document.kind:
        return document
    if level == RIJK:
        return _rijk_for_body(actor or "") or lookup("Rijksoverheid")
    if level == PROVINCIE and document.kind == GEMEENTE and document.province:
        named = most_named(doc_text, PROVINCIE)
        return named or by_code(document.province)
    if level == SAMENWERKING:
        return document
    if re.search(r"(?i)\b(?:\w+raden|colleges|gemeenten)\b", actor_text or ""):
        return None  # "de gemeenteraden": many governments of another level, none of them in particular
    return most_named(doc_text, level) or document
