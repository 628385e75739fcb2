"""Records, cue rules and text helpers shared by :mod:`pipeline.link.subjects`, :mod:`pipeline.link.relations` and
:mod:`pipeline.link.evolution`: a subject, a relation with its evidence, the text of one document."""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple


from ..models import Evidence, Relation, Subject, SubjectDoc  # noqa: F401  (re-exported)
from ..nlp.kb import fold

RULES_PATH = Path(__file__).parents[1] / "nlp" / "data" / "relations.json"
SUBJECT_LABELS = ("ORGAN", "ORG", "LAW")
RELATION_TYPES = ("same_as", "replaced_by", "ended", "dissolved_into", "realized_as", "diverged", "moved_to")
PROPOSED = ("proposed", "planned")
HAPPENED = ("adopted", "realized")
MATCH_MIN = 0.3          # least context score for proposal -> outcome
CUE_GAP = 120            # most characters between a cue and the subject it is about
SUGGEST_MIN = 55         # rapidfuzz ratio for "close matches"


class Mention(NamedTuple):
    """The parts of an ``Entity`` that subjects are made of: a corpus holds hundreds of thousands."""

    doc_id: str
    label: str
    text: str
    start: int
    end: int
    canonical: str | None
    parent: str | None = None  # ORGAN: the organisation (government) the body belongs to, where known


class DecisionRow(NamedTuple):
    """The parts of a ``Decision`` that subjects and relations read: a corpus holds tens of thousands."""

    doc_id: str
    start: int
    end: int
    status: str | None
    text: str
    date: str | None


@dataclass
class DocText:
    """What derive() needs of one document: its date, cleaned text and where pages start."""

    doc_id: str
    date: str | None
    text: str
    page_starts: list[tuple[int, int]] = field(default_factory=lambda: [(0, 1)])  # (offset, page)
    doc_type: str = ""
    government: str | None = None  # the issuing government's name ("Enschede") and kind ("gemeente")
    government_kind: str | None = None

    def page_of(self, offset: int) -> int:
        if len(self.page_starts) == 1:
            return self.page_starts[0][1]
        i = bisect.bisect_right(self.page_starts, (offset, 10**9)) - 1
        return self.page_starts[max(i, 0)][1]


@lru_cache(maxsize=1)
def load_rules() -> dict:
    """The cue words and patterns of ``nlp/data/relations.json``, with regexes compiled."""
    with open(RULES_PATH, encoding="utf-8") as fh:
        rules = json.load(fh)
    for cue in rules["cues"]:
        cue["re"] = re.compile(cue["cue"], re.IGNORECASE)
        cue["literals"] = required_literals(cue["cue"], re.IGNORECASE)
    rules["hedge_re"] = re.compile(r"\b(?:" + "|".join(rules["hedges"]) + r")\b", re.IGNORECASE)
    rules["proposal_re"] = re.compile(r"\b(?:" + "|".join(rules["proposal_cues"]) + r")\b", re.IGNORECASE)
    pl = rules["placement"]
    pl["cues_re"] = [re.compile(c, re.IGNORECASE) for c in pl["cues"]]
    found = [required_literals(c, re.IGNORECASE) for c in pl["cues"]]
    pl["literals"] = None if any(f is None for f in found) else [w for f in found for w in f]
    pl["past_re"] = re.compile(pl["past"], re.IGNORECASE)
    pl["home_re"] = [re.compile(c, re.IGNORECASE) for c in pl["proposal_home"]]
    inst = rules["instance"]
    inst["focus_re"] = re.compile(inst["focus"], re.IGNORECASE)
    rules["stop"] = set(rules["stopwords"])
    return rules


def built(model, **values):
    """A record of ``model`` from values already checked, every field given in the model's order: what
    ``model.model_construct(**values)`` makes, without its loop over the fields (a corpus's subjects have
    tens of thousands of documents)."""
    obj = model.__new__(model)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(values))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


# --------------------------------------------------------------------------- text helpers
FUNCTION_WORDS = {"de", "het", "een", "van", "voor", "en", "op", "in", "te", "met", "aan", "bij", "die", "dat", "of", "om",
             "tot", "naar", "over", "door", "als", "zo", "nog", "niet", "geen"}
_UNIT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\u2018\u201c\"'(•-])")
ITEM_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•*\u2013])\s+")
WORD_RE = re.compile(r"[\w\u00C0-\u017F]+(?:[-'][\w\u00C0-\u017F]+)*")


def units(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list line of ``text``."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            last = 0
            for m in _UNIT_SPLIT.finditer(line):
                out.append((pos + last, pos + m.start()))
                last = m.end()
            out.append((pos + last, pos + len(line.rstrip())))
        pos += len(line) + 1
    return [(s, e) for s, e in out if e > s]


# The only characters Python's case-insensitive matching pairs with an ASCII letter although they do not
# lower-case to it (tests/test_subjects.py checks this against the re module).
_FOLD_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold_case(text: str) -> str:
    """``text`` lower-cased, character for character (same length), such that an ASCII string matches a
    part of it under ``re.IGNORECASE`` only where it equals the lower-cased part."""
    if not text.isascii() and any(ch in text for ch in "\u0130\u0131\u017f\u212a"):
        text = text.translate(_FOLD_TO_ASCII)
    return text.lower()


def required_literals(pattern: str, flags: int = 0) -> list[str] | None:
    """Lower-case ASCII strings one of which is in every match of ``pattern`` (a cheap test before
    matching), or None when no such list can be read from the pattern."""
    try:
        from re import _parser

        found = _literals(list(_parser.parse(pattern, flags)))
    except Exception:  # another Python's parser: no shortcut, always match
        return None
    return found if found and all(w.isascii() for w in found) else None


def _literals(items: list) -> list[str] | None:
    """Required literals of a sequence of parsed items: the longest run of plain characters, or the
    required literals of a group or a set of alternatives in it, whichever has the longest shortest one."""
    from re import _constants as c

    best: list[str] | None = None
    run: list[str] = []

    def consider(option: list[str] | None) -> None:
        nonlocal best
        if option and all(option) and (best is None or min(map(len, option)) > min(map(len, best))):
            best = option

    for op, arg in items + [(None, None)]:
        if op is c.LITERAL:
            run.append(chr(arg).lower())
            continue
        consider(["".join(run)] if run else None)
        run = []
        if op is c.SUBPATTERN:
            consider(_literals(list(arg[-1])))
        elif op is c.BRANCH:
            alternatives = [_literals(list(branch)) for branch in arg[1]]
            if all(alternatives):
                consider([w for alt in alternatives for w in alt])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
            consider(_literals(list(arg[2])))
    return best


def stems(text: str, stop: set[str] | None = None) -> set[str]:
    """Content-word stems (folded, first 6 letters) of ``text``."""
    stop = load_rules()["stop"] if stop is None else stop
    return {f[:6] for w in WORD_RE.findall(text) if len(w) >= 4 and (f := _fold_word(w)) not in stop}


_fold_word = lru_cache(maxsize=65536)(fold)  # a corpus's words, met again and again


def cosine(a: set, b: set) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def is_acronym(text: str) -> bool:
    t = text.replace("'s", "")
    return 2 <= len(t) <= 7 and t[:1].isupper() and sum(c.isupper() for c in t) >= 2 and t.replace("+", "").isalnum()


def initials(text: str) -> str:
    skip = set(load_rules()["candidates"]["connectors"])
    return "".join(fold(w)[0] for w in WORD_RE.findall(text) if fold(w) not in skip)


def name_re(name: str) -> re.Pattern:
    parts = [re.escape(p) for p in name.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])", re.IGNORECASE)


# --------------------------------------------------------------------------- building
@dataclass
class SubjectDraft:
    id: str
    name: str
    label: str
    kind: str
    generic: bool = False
    type_kind: str = ""  # KB kind ("type" for bodies like gemeenteraad)
    forms: Counter = field(default_factory=Counter)
    spans: set = field(default_factory=set)  # (doc, start, end)
    types: set = field(default_factory=set)  # appositive type words / generic type ids
    members: list = field(default_factory=list)
    searchable: bool = False  # find further mentions by name
    government: str | None = None  # a kind of body's subject per government: the government's name
    body: str | None = None  # ... and the knowledge-base id of the body
