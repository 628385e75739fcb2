"""Knowledge base of who is who: bodies, organisations, places, laws (issue 4).

The data live in ``pipeline/nlp/data/kb_*.json`` and ``kb_municipalities.tsv``;
this module loads them once, checks them (:func:`validate`), and builds the
indexes the entity component and :mod:`pipeline.link.names` look names up in:

* ``ci``: alias token sequence, case-folded and accent-folded -> ids
  ("Colleges van B&W" and "colleges van b & w" are the same key);
* ``cs``: abbreviations, case-sensitive ("AB", "DB", "GS", "PS");
* ``spaceless``: the alias without spaces and hyphens ("Twente Bedrijf" ==
  "Twentebedrijf", "TwenteRaad" == "Twenteraad");
* ``compounds``: one-word compounds of a body and a meeting word
  ("Regioraadsvergadering", "raadsbesluit");
* ``generic``/``anaphora``: words whose body depends on the document
  ("het college", "de raad", "Kring").

Fuzzy lookup (:meth:`KnowledgeBase.fuzzy`) uses rapidfuzz with an edit-distance
budget that grows with the length of the name, and refuses a match when a second
entry is as close: "Twenteraad" and "Twente Beraad" stay two bodies.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

_log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
LABELS = ("ORGAN", "ORG", "PERSON", "LOC", "MONEY", "LAW")
TOOI_RE = re.compile(r"^https://identifier\.overheid\.nl/tooi/def/thes/kern/c_[0-9a-f]{8}$")
TOKEN_RE = re.compile(r"\w+|[^\w\s]")

# Fuzzy matching: names shorter than this are never matched fuzzily (too many
# ordinary words are one edit from a short name: Regeling/regering); up to
# FUZZY_LONG characters one edit is allowed, from there two.
FUZZY_MIN_LEN = 10
FUZZY_LONG = 14


def fold(text: str) -> str:
    """Case-fold and strip accents: 'Heroriéntatie' -> 'herorientatie'."""
    if text.isascii():
        return text.lower().replace("`", "'")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """Split a name into word and punctuation tokens, the units aliases are matched in."""
    return TOKEN_RE.findall(text)


def ci_key(text: str) -> tuple[str, ...]:
    """The case-insensitive index key of a name."""
    return tuple(fold(t) for t in tokens(text))


def cs_key(text: str) -> tuple[str, ...]:
    """The case-sensitive index key of an abbreviation."""
    return tuple(t.replace("\u2019", "'") for t in tokens(text))


def spaceless(text: str) -> str:
    """Folded name without spaces, hyphens and dots: 'Twente Bedrijf' -> 'twentebedrijf'."""
    return re.sub(r"[\s\-.'\u2019]+", "", fold(text))


def slug(text: str) -> str:
    """A canonical id made from a name: "'s-Hertogenbosch" -> 's_hertogenbosch'."""
    s = re.sub(r"[^0-9a-z]+", "_", fold(text)).strip("_")
    return s or "x"


@dataclass
class Entry:
    """One thing the KB knows: a body, organisation, place or law."""

    id: str
    label: str
    name: str
    kind: str = ""
    level: str = ""
    tooi: str | None = None
    type: str | None = None
    region: str | None = None
    parent: str | None = None
    generic: bool = False
    named: bool | str = False  # True: a following name belongs to the body; "acronym": only an abbreviation
    person_office: bool = False
    needs_context: bool = False
    aliases: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    anaphora: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


class KnowledgeBase:
    """All entries plus the lookup indexes built from them."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.ci: dict[tuple[str, ...], list[str]] = {}
        self.cs: dict[tuple[str, ...], list[str]] = {}
        self.spaceless: dict[str, list[str]] = {}
        self.compounds: dict[str, str] = {}
        self.anaphora: dict[tuple[str, ...], list[str]] = {}
        self.generic: dict[str, dict] = {}
        self.possessives: dict[str, dict] = {}
        self.blocked: set[tuple[str, ...]] = set()
        self.compound_tails: list[str] = []
        self.law_tails: set[str] = set()
        self.persons: dict = {}
        self.money: dict = {}
        self.region_words: dict[str, str] = {}
        self.municipality_ids: set[str] = set()
        self.province_ids: dict[str, str] = {}  # LOC id -> ORG id
        self.ambiguous_aliases: set[tuple[str, ...]] = set()
        self.problems: list[str] = []
        self.not_acronyms: set[str] = set()
        self.committee_topics: set[str] = set()
        self.body_suffixes: dict[str, dict] = {}
        self.not_suffix_bodies: set[str] = set()
        self.signature_chair: dict[str, str] = {}
        self.meeting_chair: dict[str, str] = {}
        self.court_clerks: tuple[set[str], tuple[str, ...]] = (set(), ())
        self._fuzzy_keys: list[str] = []
        self._fuzzy_ids: list[str] = []
        self.prefixes_ci: set[tuple[str, ...]] = set()
        self.prefixes_cs: set[tuple[str, ...]] = set()
        self.max_len = 1

    # -- building ---------------------------------------------------------
    def add(self, entry: Entry) -> None:
        if entry.id in self.entries:
            self.problems.append(f"duplicate id {entry.id!r}")
        self.entries[entry.id] = entry
        names = ([] if entry.extra.get("name_case_sensitive") else [entry.name]) + list(entry.aliases)
        if entry.needs_context:
            names = []  # only as 'gemeente <name>'
        for alias in dict.fromkeys(names):
            if not alias:
                continue
            key = ci_key(alias)
            self._put(self.ci, key, entry.id)
            self._put(self.spaceless, spaceless(alias), entry.id)
        for abbr in entry.abbreviations:
            self._put(self.cs, cs_key(abbr), entry.id)
        for ana in entry.anaphora:
            self._put(self.anaphora, cs_key(ana), entry.id)

    @staticmethod
    def _put(index: dict, key, value: str) -> None:
        ids = index.setdefault(key, [])
        if value not in ids:
            ids.append(value)

    def finish(self) -> None:
        """Build prefix sets, compound words and the fuzzy list once all entries are in."""
        for index, prefixes in ((self.ci, self.prefixes_ci), (self.cs, self.prefixes_cs),
                                (self.anaphora, self.prefixes_cs)):
            for key in index:
                self.max_len = max(self.max_len, len(key))
                for i in range(1, len(key) + 1):
                    prefixes.add(key[:i])
        for key in self.blocked:
            for i in range(1, len(key) + 1):
                self.prefixes_ci.add(key[:i])
            self.max_len = max(self.max_len, len(key))
        for word in self.generic:
            self.prefixes_ci.add((word,))
        # one-word bodies + meeting words: regioraadsvergadering, raadsbesluit, collegevoorstel
        heads: dict[str, str] = {}
        for key, ids in self.ci.items():
            if len(key) == 1 and len(ids) == 1 and self.entries[ids[0]].label == "ORGAN":
                heads[key[0]] = ids[0]
        for key, ids in self.cs.items():
            if len(key) == 1 and len(key[0]) >= 4 and key[0].isalpha() and len(ids) == 1 and self.entries[ids[0]].label == "ORGAN":
                heads.setdefault(fold(key[0]), ids[0])  # Staten -> Statenvergadering
        for word, term in self.generic.items():
            heads.setdefault(word, "@" + word)
        for head, target in heads.items():
            for tail in self.compound_tails:
                for joint in ("", "s"):
                    self.compounds.setdefault(head + joint + tail, target)
        seen = set()
        for key, ids in self.spaceless.items():
            if len(key) >= FUZZY_MIN_LEN and len(ids) == 1 and self.entries[ids[0]].label in ("ORGAN", "ORG", "LAW"):
                if key not in seen:
                    seen.add(key)
                    self._fuzzy_keys.append(key)
                    self._fuzzy_ids.append(ids[0])

    # -- lookups ------------------------------------------------------------
    def lookup(self, name: str) -> list[str]:
        """Ids whose alias or abbreviation is exactly ``name`` (modulo case, accents, spacing)."""
        ids = list(self.cs.get(cs_key(name), []))
        for i in self.ci.get(ci_key(name), []) + self.spaceless.get(spaceless(name), []):
            if i not in ids:
                ids.append(i)
        return ids

    def fuzzy(self, name: str, labels: tuple[str, ...] = ("ORGAN", "ORG", "LAW")) -> str | None:
        """The one id whose name is within the edit budget of ``name``, else None.

        The budget is 1 edit for names of 10..13 characters and 2 from 14 on; when a
        second, different entry is equally close the match is refused.
        """
        key = spaceless(name)
        if len(key) < FUZZY_MIN_LEN:
            return None
        budget = 1 if len(key) < FUZZY_LONG else 2
        hits = process.extract(key, self._fuzzy_keys, scorer=Levenshtein.distance,
                               score_cutoff=budget, limit=4)
        hits = [(d, self._fuzzy_ids[i]) for _, d, i in hits if self.entries[self._fuzzy_ids[i]].label in labels]
        if not hits:
            return None
        hits.sort()
        best_d, best = hits[0]
        for d, other in hits[1:]:
            if other != best and d <= best_d:
                return None
        return best

    def get(self, entry_id: str | None) -> Entry | None:
        """The entry with this id, or None."""
        return self.entries.get(entry_id) if entry_id else None

    def is_known(self, entry_id: str | None) -> bool:
        """True when ``entry_id`` is a KB id (not one minted from a document)."""
        return bool(entry_id) and entry_id in self.entries


def _read_json(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def read_municipalities() -> list[dict]:
    """Rows of ``kb_municipalities.tsv``: name, province, twente (bool), needs_context (bool)."""
    rows = []
    with open(DATA_DIR / "kb_municipalities.tsv", encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        rows.append({"name": row["name"], "province": row["province"],
                     "twente": row["twente"] == "1", "needs_context": row["needs_context"] == "1"})
    return rows


def _base_name(name: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*$", "", name)


def build_kb() -> KnowledgeBase:
    """Load every data file into a fresh :class:`KnowledgeBase` (use :func:`load_kb`)."""
    kb = KnowledgeBase()
    bodies = _read_json("kb_bodies.json")
    for b in bodies["bodies"]:
        kb.add(Entry(id=b["id"], label="ORGAN", name=b["name"], kind=b.get("kind", ""), level=b.get("level", ""),
                     tooi=b.get("tooi"), type=b.get("type"), parent=b.get("parent"), named=b.get("named", False),
                     person_office=b.get("person_office", False), aliases=b.get("aliases", []),
                     abbreviations=b.get("abbreviations", []), anaphora=b.get("anaphora", []),
                     extra={k: v for k, v in b.items() if k in ("tooi_scope", "note", "capital_only", "abbreviation_after")}))
    kb.generic = {k: v for k, v in bodies["generic"].items() if not k.startswith("_")}
    kb.possessives = {k: v for k, v in bodies["possessives"].items() if not k.startswith("_")}
    kb.compound_tails = list(bodies["compound_tails"])
    kb.blocked = {ci_key(p) for p in bodies["not_bodies"]}
    kb.committee_topics = {fold(w) for w in bodies.get("committee_topics", [])}
    kb.body_suffixes = {fold(k): v for k, v in bodies.get("body_suffixes", {}).items() if not k.startswith("_")}
    kb.not_suffix_bodies = {fold(w) for w in bodies.get("not_suffix_bodies", [])}
    kb.signature_chair = {k: v for k, v in bodies.get("signature_chair", {}).items() if not k.startswith("_")}
    kb.meeting_chair = {k: v for k, v in bodies.get("meeting_chair", {}).items() if not k.startswith("_")}
    clerks = bodies.get("court_clerks", {})
    kb.court_clerks = (set(clerks.get("bodies", [])), tuple(clerks.get("courts", [])))

    for o in _read_json("kb_organisations.json")["organisations"]:
        kb.add(Entry(id=o["id"], label="ORG", name=o["name"], kind=o.get("kind", ""), type=o.get("type"),
                     region=o.get("region"), generic=o.get("generic", False), aliases=o.get("aliases", []),
                     abbreviations=o.get("abbreviations", []) or ([o["name"]] if o.get("name_case_sensitive") else []),
                     anaphora=o.get("anaphora", []), extra={"name_case_sensitive": o.get("name_case_sensitive", False)}))
    kb.not_acronyms = set(_read_json("kb_organisations.json").get("not_acronyms", []))

    laws = _read_json("kb_laws.json")
    for law in laws["laws"]:
        kb.add(Entry(id=law["id"], label="LAW", name=law["name"], aliases=law.get("aliases", []),
                     abbreviations=law.get("abbreviations", [])))
    kb.law_tails = set(laws.get("law_tails", []))

    places = _read_json("kb_places.json")
    muni_aliases = places.get("municipality_aliases", {})
    for row in read_municipalities():
        mid = slug(_base_name(row["name"]))
        if row["name"].startswith("Bergen ("):
            mid = slug(row["name"])
        aliases = [_base_name(row["name"])] + muni_aliases.get(row["name"], [])
        kb.add(Entry(id=mid, label="LOC", name=row["name"], kind="gemeente", region="twente" if row["twente"] else None,
                     needs_context=row["needs_context"], aliases=aliases,
                     extra={"province": row["province"], "twente": row["twente"]}))
        kb.municipality_ids.add(mid)
        kb.add(Entry(id="gemeente_" + mid, label="ORG", name="gemeente " + _base_name(row["name"]), kind="gemeente",
                     aliases=["gemeente " + a for a in aliases], extra={"place": mid}))
    for p in places["provinces"]:
        org_id = "provincie_" + slug(p["name"])
        kb.add(Entry(id=p["id"], label="LOC", name=p["name"], kind="provincie", aliases=p.get("aliases", []),
                     needs_context=not p.get("aliases")))
        kb.add(Entry(id=org_id, label="ORG", name="provincie " + p["name"], kind="provincie",
                     aliases=["provincie " + p["name"]] + ["provincie " + a for a in p.get("aliases", [])],
                     extra={"place": p["id"]}))
        kb.province_ids[p["id"]] = org_id
    kb.add(Entry(id="provincie", label="ORG", name="provincie", kind="provincie", generic=True, type="provincie",
                 aliases=["provincie"]))
    for pl in places["places"]:
        kb.add(Entry(id=pl["id"], label="LOC", name=pl["name"], kind="region" if pl.get("region") else "place",
                     region=pl["id"] if pl.get("region") else None, aliases=pl.get("aliases", [])))
    kb.region_words = places.get("region_words", {})

    kb.persons = _read_json("kb_persons.json")
    kb.money = _read_json("kb_money.json")

    # a name shared by ids is ambiguous unless all ids are the same kind of thing in different places
    for key, ids in kb.ci.items():
        if len(ids) > 1:
            kb.ambiguous_aliases.add(key)
    kb.finish()
    return kb


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The knowledge base, loaded once per process."""
    kb = build_kb()
    if kb.problems:
        _log.warning("knowledge base problems: %s", "; ".join(kb.problems[:5]))
    return kb


# Aliases that may legitimately name two entries (checked by validate()).
ALLOWED_SHARED = {("bergen",), ("provincie",)}


def validate(kb: KnowledgeBase | None = None) -> list[str]:
    """Problems in the data files: duplicate ids, shared aliases, malformed TOOI codes, bad labels."""
    kb = kb or build_kb()
    problems = list(kb.problems)
    for e in kb.entries.values():
        if e.label not in LABELS:
            problems.append(f"{e.id}: label {e.label!r} not in {LABELS}")
        if not re.fullmatch(r"[a-z0-9_]+", e.id):
            problems.append(f"{e.id}: id must be lower-case letters, digits and _")
        if e.tooi is not None and not TOOI_RE.match(e.tooi):
            problems.append(f"{e.id}: malformed TOOI uri {e.tooi!r}")
        if e.parent and e.parent not in kb.entries:
            problems.append(f"{e.id}: parent {e.parent!r} unknown")
    for key, ids in kb.ci.items():
        labels = {kb.entries[i].label for i in ids}
        if len(ids) > 1 and key not in ALLOWED_SHARED and not (labels == {"LOC"} or labels == {"ORG"} and key[0] == "gemeente"):
            problems.append(f"alias {' '.join(key)!r} names several ids: {ids}")
    for key, ids in kb.cs.items():
        if len(ids) > 1:
            problems.append(f"abbreviation {''.join(key)!r} names several ids: {ids}")
    for key, ids in kb.spaceless.items():
        labels = {kb.entries[i].label for i in ids}
        if len(ids) > 1 and labels & {"ORGAN", "ORG", "LAW"} and (key,) not in ALLOWED_SHARED:
            if not all(i.startswith("gemeente_") or kb.entries[i].label == "LOC" for i in ids):
                problems.append(f"spaceless form {key!r} names several ids: {ids}")
    for level, target in kb.signature_chair.items():
        if target not in kb.entries:
            problems.append(f"signature_chair {level!r}: unknown body {target!r}")
    for body, target in kb.meeting_chair.items():
        if body not in kb.entries or target not in kb.entries:
            problems.append(f"meeting_chair {body!r}: unknown body {target!r}")
    for word, levels in kb.generic.items():
        for level, target in levels.items():
            if isinstance(target, str) and target not in kb.entries:
                problems.append(f"generic {word!r}/{level}: unknown body {target!r}")
    return problems
