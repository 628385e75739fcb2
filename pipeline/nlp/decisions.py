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

import bisect
import json
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from . import doc_text

_log = logging.getLogger(__name__)

DATA_PATH = Path(__file__).parent / "data" / "decisions.json"
STATUSES = ("adopted", "rejected", "proposed", "planned", "realized")
CLASSES = ("decide", "reject", "propose", "discuss", "note", "change")
_KIND_RANK = {"part": 0, "past": 0, "present": 1, "te_inf": 2, "inf": 3, "noun": 4}
_CLASS_RANK = {"decide": 0, "reject": 0, "change": 1, "note": 2, "propose": 3, "discuss": 4}
_MAX_OBJECT = 220


# --------------------------------------------------------------------------- vocabulary
@dataclass
class Lexicon:
    """The vocabulary of ``data/decisions.json`` in lookup form."""

    vclass: dict[str, str]
    participles: dict[tuple[str, ...], str]
    finite: dict[str, list[tuple[str, str]]]  # form -> [(lemma, "present"/"past")]
    infinitives: dict[tuple[str, ...], tuple[str, str]]  # tokens -> (lemma, "inf"/"te_inf")
    particle: dict[str, tuple[str, ...]]
    complement: dict[str, list[str]]
    nouns: dict[tuple[str, ...], str]
    noun_suffixes: list[str]
    aux: dict[str, str]
    raw: dict[str, Any] = field(repr=False)

    def words(self, key: str) -> set[str]:
        """A word list of the data file as a set."""
        return set(self.raw.get(key, []))


def load_lexicon(path: Path | str = DATA_PATH) -> Lexicon:
    """Read the decision vocabulary (JSON) into a :class:`Lexicon`."""
    return _load_lexicon(str(path))


@lru_cache(maxsize=4)
def _load_lexicon(path: str) -> Lexicon:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    vclass, parts, finite, infs, particle, comp = {}, {}, {}, {}, {}, {}
    for lemma, v in raw["verbs"].items():
        vclass[lemma] = v["class"]
        comp[lemma] = v.get("complement", [])
        for p in v.get("participle", []):
            parts[tuple(p.split())] = lemma
        for tense in ("present", "past"):
            for f in v.get(tense, []):
                finite.setdefault(f, []).append((lemma, tense))
        if "particle" in v:
            pt, base = tuple(v["particle"].split()), v["base"]
            particle[lemma] = pt
            infs[pt + (base,)] = (lemma, "inf")
            infs[(" ".join(pt).replace(" ", "") + base,)] = (lemma, "inf")
            infs[pt + ("te", base)] = (lemma, "te_inf")
        for f in v.get("infinitive", []):
            infs[(f,)] = (lemma, "inf")
            infs[("te", f)] = (lemma, "te_inf")
    nouns = {tuple(k.split()): v for k, v in raw["nouns"].items()}
    aux = {f: kind for kind, forms in raw["auxiliaries"].items() for f in forms}
    return Lexicon(vclass, parts, finite, infs, particle, comp, nouns,
                   raw.get("noun_suffixes", []), aux, raw)


# --------------------------------------------------------------------------- segmentation
_MARKER = re.compile(
    r"^(?P<indent>[ \t\u00a0]*)(?:[-•*–·▪◦]\s*)?"
    r"(?:(?P<num>\(?(?:\d{1,2}|[a-zA-Z])[.)])(?=\s)|(?P<bare>\d{1,2})[.)]?\s*$)"
)
_BULLET = re.compile(r"^(?P<indent>[ \t\u00a0]*)[-•*–·▪◦](?=\s|$)")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s")
_CAN_END = {"jl", "etc", "e.d", "enz", "e.a", "a.s"}
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])")


@dataclass
class Unit:
    """A sentence, list item or line: the unit a decision is read from."""

    start: int
    end: int
    block: int
    first_in_block: bool = True
    marker: str | None = None  # "1", "a", "-" for bullets
    indent: int = 0
    heading: bool = False
    md_heading: bool = False
    last_in_block: bool = True

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]


def segment(text: str, abbreviations: set[str] | None = None) -> list[Unit]:
    """Cut ``text`` into units (character offsets): wrapped lines are joined,
    list items and short lines (headings, schedule rows) stay on their own,
    paragraphs are split into sentences."""
    abbreviations = abbreviations or set()
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    lengths = sorted(len(l[2].strip()) for l in lines if l[2].strip())
    width = max(60, lengths[int(0.9 * (len(lengths) - 1))] if lengths else 60)

    blocks: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        s = line[2].strip()
        if not s:
            if cur:
                blocks.append(cur)
                cur = []
            continue
        if cur and _hard_break(cur[-1][2], line[2], width):
            blocks.append(cur)
            cur = []
        cur.append(line)
    if cur:
        blocks.append(cur)

    units: list[Unit] = []
    pending: str | None = None
    for b, block in enumerate(blocks):
        first = block[0][2]
        m = _MARKER.match(first)
        bullet = _BULLET.match(first)
        if m and m.group("bare") and len(block) == 1:
            pending = m.group("bare")  # "1" alone on its line: the number of the next block
            continue
        start = block[0][0] + len(first) - len(first.lstrip())
        end = block[-1][0] + len(block[-1][2].rstrip())
        marker = indent = None
        if m and m.group("num"):
            marker = m.group("num").strip("().")
            indent = len(m.group("indent").replace("\t", "    "))
        elif bullet:
            marker, indent = "-", len(bullet.group("indent").replace("\t", "    "))
        elif pending:
            marker, indent = pending, 0
        pending = None
        md = bool(_MD_HEADING.match(first))
        btext = text[start:end]
        heading = md or (len(block) == 1 and len(btext) < 0.6 * width and not btext.rstrip().endswith((".", ";", "?", "!", ",")))
        cuts = [start]
        for sm in _SENT_END.finditer(btext):
            word = btext[:sm.start() + 1].split()[-1] if btext[:sm.start() + 1].split() else ""
            if _is_abbreviation(word, abbreviations) and word.lower().rstrip(".") not in _CAN_END:
                continue
            if re.fullmatch(r"\s*(?:[-•*–·▪◦]\s*)?\(?\w{1,2}[.)]", btext[:sm.start() + 1]):
                continue  # the list marker "10."
            cuts.append(start + sm.end())
        cuts.append(end)
        for k in range(len(cuts) - 1):
            s, e = cuts[k], cuts[k + 1]
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                units.append(Unit(s, e, b, k == 0, marker if k == 0 else None,
                                  indent or 0, heading and k == 0, md and k == 0, k == len(cuts) - 2))
    return units


def _hard_break(prev: str, nxt: str, width: int) -> bool:
    p, n = prev.rstrip(), nxt.strip()
    if _MARKER.match(nxt) or _BULLET.match(nxt) or _MD_HEADING.match(nxt) or _MD_HEADING.match(prev):
        return True
    if "|" in p or "\t" in p.strip():
        return True  # table rows
    if p.endswith((":", ";", "?", "!")):
        return True
    first = n[0]
    if first.islower():
        return False
    if p.endswith(".") or p[-1].isdigit():
        return True
    return len(p.strip()) < 0.8 * width


def _is_abbreviation(word: str, abbreviations: set[str]) -> bool:
    w = word.strip("(\"'“‘").lower().rstrip(".")
    if not w:
        return False
    if w in abbreviations or len(w) == 1:
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", w))  # initials "g.j"


# --------------------------------------------------------------------------- per-unit reading
@dataclass
class Trigger:
    lemma: str
    kind: str  # part, past, present, inf, te_inf, noun
    i: int  # token index in the unit
    j: int  # end (exclusive)

    def rank(self, lex: Lexicon) -> tuple[int, int, int]:
        return (_KIND_RANK[self.kind], _CLASS_RANK.get(lex.vclass.get(self.lemma, "discuss"), 5), self.i)


@dataclass
class Reading:
    """What one unit says: its tokens, trigger, bodies and dates."""

    unit: Unit
    span: Span
    low: list[str]
    triggers: list[Trigger]
    organs: list[Span]
    dates: list[Span]
    aux: dict[int, str]


def _read(doc: Doc, unit: Unit, lex: Lexicon, organs: list[Span], dates: list[Span]) -> Reading | None:
    span = doc.char_span(unit.start, unit.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    low = [_norm_token(t.text) for t in span]
    r = Reading(unit, span, low, [], _within(organs, span), _within(dates, span), {})
    for k, w in enumerate(low):
        if w in lex.aux:
            r.aux[k] = lex.aux[w]
    r.triggers = _triggers(low, lex, {d.start - span.start for d in r.dates})
    return r


def _within(spans: list[Span], outer: Span) -> list[Span]:
    """The spans (sorted by start token) that lie inside ``outer``, found by bisection."""
    lo = bisect.bisect_left(spans, outer.start, key=lambda s: s.start)
    out = []
    for s in spans[lo:]:
        if s.start >= outer.end:
            break
        if s.end <= outer.end:
            out.append(s)
    return out


def _norm_token(text: str) -> str:
    """Lower case, without inline markup ('vastgesteld<sup>1</sup>' -> 'vastgesteld')."""
    low = text.lower()
    if "<" in low or "[" in low:
        low = re.sub(r"(?<=\w)[<\[].*$", "", low)  # footnote marks
    return low.strip("*_")


_PREDICATIVE_NEXT = {"en", "of", "door", "in", "op", "met", "bij", "per", "tot", "te", "om", "voor", "aan", "na",
                     "vanaf", "sinds", "is", "zijn", "werd", "werden", "wordt", "worden", "heeft", "hebben", "maar",
                     "dat", "waarbij", "onder", "conform", "zoals", "als", "tijdens", "van", "uit", "over", "naar"}


def _triggers(low: list[str], lex: Lexicon, date_starts: set[int] = frozenset()) -> list[Trigger]:
    out: list[Trigger] = []
    dets = lex.words("determiners")
    homographs = lex.words("noun_homographs")
    n = len(low)
    for i, w in enumerate(low):
        for size in (3, 2, 1):
            key = tuple(low[i:i + size])
            if len(key) < size:
                continue
            if key in lex.participles:
                nxt = low[i + size] if i + size < n else ""
                if not (nxt.isalpha() and nxt not in _PREDICATIVE_NEXT and nxt not in lex.aux):
                    out.append(Trigger(lex.participles[key], "part", i, i + size))  # not 'opgedragen bevoegdheden'
            if key in lex.infinitives:
                lemma, kind = lex.infinitives[key]
                prev = low[i - 1] if i else ""
                if kind == "inf" and size == 1 and prev in dets:
                    continue  # "het vaststellen van": a noun, handled below
                out.append(Trigger(lemma, kind, i, i + size))
            if key in lex.nouns:
                out.append(Trigger(lex.nouns[key], "noun", i, i + size))
        if (w,) not in lex.nouns and (w,) not in lex.infinitives and w.isalpha():
            for suf in lex.noun_suffixes:
                if w.endswith(suf) and len(w) > len(suf) + 2:
                    out.append(Trigger(lex.nouns[(suf,)], "noun", i, i + 1))
        if w in lex.finite:
            prev = low[i - 1] if i else ""
            adjective = w in homographs and prev.endswith("e") and not prev.endswith("ie") and prev not in ("we", "die", "deze", "de")
            takes = w in homographs and any(x in ("nemen", "genomen", "neemt", "namen") for x in low[i + 1:i + 4])
            if prev in dets or prev == "te" or adjective or takes:  # "een formeel besluit te nemen"
                continue  # "het besluit", "mogelijke besluiten", "te besluiten"
            for lemma, tense in lex.finite[w]:
                pt = lex.particle.get(lemma)
                if pt is None:
                    out.append(Trigger(lemma, tense, i, i + 1))
                    continue
                for k in range(i + 1, min(n, i + 16)):
                    if tuple(low[k:k + len(pt)]) == pt:
                        after = low[k + len(pt)] if k + len(pt) < n else ""
                        if after in dets or (after.isalpha() and k + len(pt) not in date_starts
                                             and after not in ("met", "om", "te", "dat", "van", "en", "aan", "op", "in", "tot")):
                            break  # a preposition ("stelt voor de raad"), not the particle
                        out.append(Trigger(lemma, tense, i, k + len(pt)))
                        break
    # a noun or infinitive that is part of a matched verb group does not count twice
    verbs = [t for t in out if t.kind != "noun"]
    return [t for t in out if t.kind != "noun" or not any(v.i <= t.i < v.j for v in verbs)]


# --------------------------------------------------------------------------- dates, actors, votes
def _value(span: Span) -> str | None:
    v = getattr(span._, "value", None)
    return str(v) if v else None


def _is_label_year(r: Reading, d: Span, lex: Lexicon) -> bool:
    """'begroting 2016', 'Verordening ... 2015': a year that names a thing."""
    v = _value(d) or ""
    if not re.fullmatch(r"\d{4}([-/]\d{4})?", v):
        return False
    i = d.start - r.span.start
    prev = r.low[i - 1] if i > 0 else ""
    if prev in lex.words("date_preps_good") | lex.words("date_preps_weak") | {"in", "jaar", "eind", "t/m", "tot", "en", "-", ",", "("}:
        return False
    return prev.isalpha() or prev.endswith(("”", "'", "’"))


def _pick_date(r: Reading, lex: Lexicon, trig: Trigger | None, not_after: str | None = None) -> Span | None:
    """The DATE of the unit that dates the decision; ``not_after`` (the document
    date, for reported decisions) rules out targets such as 'in 2030'."""
    good, weak = lex.words("date_preps_good"), lex.words("date_preps_weak")
    best, best_score = None, None
    for d in r.dates:
        if not _value(d) or _is_label_year(r, d, lex):
            continue
        i = d.start - r.span.start
        prev = r.low[i - 1] if i > 0 else ""
        if _compare(_value(d), not_after) == 1 and prev not in good:
            continue  # "onderschreven om in 2030 ...": a target, not the date of the decision
        prev2 = " ".join(r.low[max(0, i - 2):i])
        score = 0
        if prev in good or prev2.endswith("vergadering van"):
            score += 3
        if prev in weak:
            score -= 2
        v = _value(d) or ""
        score += 2 if re.match(r"\d{4}-\d{2}-\d{2}", v) else 1 if re.match(r"\d{4}-\d{2}", v) else 0
        if trig is not None and i < trig.i:
            score += 1
        if best_score is None or score > best_score:
            best, best_score = d, score
    return best


def _actor_score(r: Reading, s: Span, lex: Lexicon, trig: Trigger | None) -> int | None:
    """How likely ORGAN ``s`` is the one acting; None when it cannot be."""
    dets = lex.words("determiners")
    i, j = s.start - r.span.start, s.end - r.span.start
    if trig is not None and i <= trig.i < j:
        return None  # "Raadsvoorstel": the body is part of the trigger word
    finite = set(r.aux) | ({trig.i} if trig is not None and trig.kind in ("present", "past") else set())
    k = i - 1
    while k >= 0 and (r.low[k] in dets or r.low[k].isdigit()):
        k -= 1
    prev = r.low[k] if k >= 0 else ""
    nxt = r.low[j] if j < len(r.low) else ""
    score = 0
    openers = lex.words("clause_openers")
    before1, before2 = (r.low[i - 1] if i > 0 else ""), (r.low[i - 2] if i > 1 else "")
    if before1 in openers or (before1 in dets and before2 in openers):
        score += 3  # subject of a clause: "die Provinciale Staten ... hebben vastgesteld", "dat de raad heeft"
    if prev in lex.words("agent_preps"):
        attributive = nxt.startswith("ge") and nxt.endswith("e")  # "door het college gewaarmerkte"
        late = trig is not None and k > trig.j + 1  # "vastgesteld, onder voorbehoud van ... door PS"
        score += 0 if attributive or late else 5
    elif prev in lex.words("recipient_preps"):
        score -= 4
    elif prev in lex.words("meeting_preps") and prev != "op":
        score += 3
    elif prev == "van" and k > 0 and r.low[k - 1] in lex.words("owner_nouns"):
        score += 3  # "op de agenda van het DB"
    if j in finite or k in finite or (k >= 0 and r.low[k] == "," and k - 1 in finite):
        score += 4
    if any(w in s.text.lower() for w in lex.words("meeting_words")) or (
            nxt == "van" and any(d.start - r.span.start == j + 1 for d in r.dates)):
        score += 2
    if score == 0 and i > 5 and len(r.low) > 12:
        return None  # a body somewhere in a long sentence, in no role we recognise
    return score


def _pick_actor(r: Reading, lex: Lexicon, trig: Trigger | None) -> Span | None:
    best = _pick_actor_scored(r, lex, trig)
    return best[0] if best else None


def _pick_actor_scored(r: Reading, lex: Lexicon, trig: Trigger | None) -> tuple[Span, int] | None:
    best: tuple[Span, int] | None = None
    for s in r.organs:
        score = _actor_score(r, s, lex, trig)
        if score is None or score < 0:
            continue
        if best is None or score > best[1]:
            best = (s, score)
    return best


_COUNT_VOTES = [
    re.compile(r"(\d+)\s+stemmen\s+voor\s+en\s+(\d+)\s+(?:stemmen\s+)?tegen"),
    re.compile(r"(\d+)\s+voor\s*(?:,|en)\s*(\d+)\s+tegen"),
    re.compile(r"met\s+(\d+)\s+tegen\s+(\d+)\s+stemmen"),
]


def _vote(text: str, lex: Lexicon) -> str | None:
    low = " ".join(text.lower().split())
    for rx in _COUNT_VOTES:
        m = rx.search(low)
        if m:
            return f"{m.group(1)}-{m.group(2)}"
    for phrase, value in sorted(lex.raw["votes"].items(), key=lambda kv: -len(kv[0])):
        if re.search(r"\b" + re.escape(phrase) + r"\b", low):
            return value
    return None


def _compare(value: str | None, ref: str | None) -> int | None:
    """-1 / 0 / 1 when ``value`` is before / at / after ``ref``; None if unknown."""
    if not value or not ref:
        return None
    a = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value.split("/")[0])
    b = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", ref)
    if not a or not b:
        return None
    x, y = a.group(), b.group()
    n = min(len(x), len(y))
    return (x[:n] > y[:n]) - (x[:n] < y[:n])


# --------------------------------------------------------------------------- status and object
def _tense(r: Reading, trig: Trigger) -> str:
    """past, present, present_passive, future, modal or bare (no finite verb)."""
    before = sorted(k for k in r.aux if trig.i - 16 <= k < trig.i)
    kinds = {r.aux[k] for k in before}
    if trig.kind in ("present", "past"):
        kinds = {r.aux[k] for k in r.aux if abs(k - trig.i) <= 3}
    after = [r.aux[trig.j]] if trig.j in r.aux else []  # "vastgelegd moet worden", "vastgesteld zal worden"
    if trig.kind == "part" and after:
        return {"modal": "modal", "future": "future", "passive_present": "present_passive"}.get(after[0], "past")
    if "future" in kinds:
        return "future"
    if "modal" in kinds and (trig.kind in ("inf", "part", "te_inf") or any(
            r.aux[k] == "modal" for k in r.aux if trig.i - 3 <= k < trig.i)):
        return "modal"
    if trig.kind == "part":
        if not before:
            after = [r.aux[k] for k in r.aux if trig.j <= k <= trig.j + 2]
            return "present_passive" if after[:1] == ["passive_present"] else "past"
        return "present_passive" if r.aux[before[-1]] == "passive_present" else "past"
    if trig.kind in ("past", "present"):
        return trig.kind
    return "bare"


def _negated(r: Reading, trig: Trigger, lex: Lexicon) -> bool:
    """'is niet aangenomen' (rejected)."""
    return "niet" in r.low[max(0, trig.i - 2):trig.i]


def _nothing_decided(r: Reading, trig: Trigger) -> bool:
    """'geen zoekgebieden zijn vastgesteld': no decision at all."""
    return trig.kind in ("part", "past", "present") and "geen" in r.low[max(0, trig.i - 6):trig.i]


def _status(cls: str, tense: str, when: int | None, schedule: bool, negated: bool) -> str | None:
    """Status from the verb class, tense, the date relative to the document date
    (``when`` = 1 after it) and whether the unit is a step of a schedule."""
    if tense in ("future",) or (schedule and tense in ("bare", "modal", "present", "present_passive")):
        return "planned"
    if tense == "modal":
        return None
    if cls == "reject":
        return "rejected" if tense != "bare" else "planned"
    if tense == "bare":
        return None
    if cls == "propose":
        return "proposed"
    if tense == "past":
        return {"decide": "rejected" if negated else "adopted", "note": "adopted", "change": "realized"}.get(cls)
    if when == 1:
        return "planned"
    return {"decide": "rejected" if negated else "adopted", "note": "adopted", "change": "realized",
            "discuss": None}.get(cls)


_STRIP_OBJ = " \t\n,;:.-–•*\"'“”‘’()"


def _object(r: Reading, trig: Trigger | None, actor: Span | None, date: Span | None, lex: Lexicon) -> str | None:
    """What was decided: the complement ("ingestemd met X"), the middle field
    ("is door de raad X vastgesteld", "stelt X vast") or the rest of the unit,
    without the actor, the date and their prepositions."""
    toks = list(r.span)
    n = len(toks)
    skip: set[int] = set()
    lead = lex.words("agent_preps") | lex.words("meeting_preps") | lex.words("date_preps_good") | lex.words("date_preps_weak") | lex.words("determiners")
    for s in (actor, date):
        if s is None or s.start < r.span.start or s.end > r.span.end:
            continue  # a governing date from another unit
        a, b = s.start - r.span.start, s.end - r.span.start
        skip.update(range(a, b))
        k = a - 1
        while k >= 0 and r.low[k] in lead:
            skip.add(k)
            k -= 1
        if b < n and r.low[b] == "van" and any(d.start - r.span.start == b + 1 for d in r.dates):
            skip.add(b)
    skip.update(k for k in r.aux)
    if trig is None:
        lo, hi = 0, n
    else:
        skip.update(range(trig.i, trig.j))
        comp = lex.complement.get(trig.lemma, [])
        after = [k for k in range(trig.j, n) if r.low[k] in comp]
        if after and after[0] - trig.j <= 2:
            lo, hi = after[0] + 1, n
        elif trig.kind in ("present", "past") and trig.j - trig.i > 1:
            lo, hi = trig.i + 1, trig.j - len(lex.particle.get(trig.lemma, ()))  # stelt X vast
        elif trig.kind in ("part", "inf", "te_inf") and trig.i > 0:
            lo, hi = 0, trig.i
            mid = [k for k in range(lo, hi) if k not in skip and r.low[k].isalnum()]
            first = [k for k in r.aux if k < trig.i]
            if first:
                lo = first[-1] + 1
            if not [k for k in range(lo, hi) if k not in skip and r.low[k].isalnum()] or not mid:
                lo, hi = trig.j, n
        else:
            lo, hi = trig.j, n
    words: list[str] = []
    for k in range(lo, hi):
        if k in skip:
            if any(w.strip(_STRIP_OBJ) for w in words) and trig is not None and trig.kind == "noun":
                break  # "Regioraadsvoorstel resultaten | in DB van 8 april"
            continue
        words.append(toks[k].text_with_ws)
    text = " ".join("".join(words).split()).strip(_STRIP_OBJ)
    for phrase in sorted(lex.raw["votes"], key=len, reverse=True):
        text = re.sub(r"^" + re.escape(phrase) + r"\b\s*:?\s*", "", text, flags=re.I)
    return _clean(text)


# --------------------------------------------------------------------------- the component
@dataclass
class _Ctx:
    doc_date: str | None
    issuer: str | None
    minutes: bool


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
    ctx = _Ctx(doc._.doc_date or meta.get("doc_date"), meta.get("issuer"),
               any(m in head for m in lex.raw.get("minutes_markers", [])))
    organs = sorted([s for s in doc.spans.get("entities", []) if s.label_ == "ORGAN"], key=lambda s: s.start) if "entities" in doc.spans else []
    dates = sorted(doc.spans["dates"], key=lambda s: s.start) if "dates" in doc.spans else []
    units = segment(text, lex.words("abbreviations"))
    readings = [_read(doc, u, lex, organs, dates) for u in units]
    records: list[dict] = []
    consumed: set[int] = set()
    schedule_left = 0
    sched_words = lex.words("schedule_headings")
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
                records.extend(recs)
                consumed.update(used)
                continue
        rec = _read_unit(doc, readings, idx, lex, ctx, in_schedule)
        if rec is None:
            continue
        if rec.pop("_attach", False):
            if records and idx - records[-1]["_idx"] <= 3:
                records[-1]["vote"] = records[-1]["vote"] or rec["vote"]
                if rec["status"] == "rejected":
                    records[-1]["status"] = "rejected"
            continue
        records.append(rec)
    return _dedupe(records)


def _dedupe(records: list[dict]) -> list[dict]:
    out: list[dict] = []
    for rec in records:
        dup = False
        for o in out:
            if rec.get("number") and rec["number"] == o.get("number") and _similar(rec["text"], o["text"]):
                dup = True
            elif (rec["start"], rec["end"]) == (o["start"], o["end"]):
                dup = True
            elif not rec.get("number") and abs(rec["_idx"] - o["_idx"]) <= 3 and rec["date"] and rec["predicate"] and all(
                    rec[key] == o[key] for key in ("actor", "date", "predicate", "status")):
                dup = True  # a heading and the sentence under it
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
        "date": _value(date) if date is not None else date_fallback[0],
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
        d = _pick_date(p, lex, None)
        if d is not None and (meeting or same_body):
            return d
    if schedule:
        for k in (idx + 1, idx - 1):
            if 0 <= k < len(readings) and readings[k] is not None:
                p = readings[k]
                ds = [d for d in p.dates if _value(d)]
                if ds and sum(len(d.text) for d in ds) >= 0.5 * len(p.span.text) and not p.triggers and not p.organs:
                    return ds[0]
    return None


def _pronoun_subject(r: Reading, trig: Trigger | None, lex: Lexicon) -> str | None:
    """'Wij adviseren', 'hebben wij besloten': the writer is the subject."""
    pron = lex.words("subject_pronouns")
    finite = set(r.aux) | ({trig.i} if trig is not None and trig.kind in ("present", "past") else set())
    for k in finite:
        for j in (k - 1, k + 1):
            if 0 <= j < len(r.low) and r.low[j] in pron:
                return r.low[j]
    return None


def _subject_pronoun(r: Reading, lex: Lexicon, ctx: _Ctx, trig: Trigger | None = None) -> tuple[str | None, str | None]:
    word = _pronoun_subject(r, trig, lex)
    if word:
        return ctx.issuer, word
    return None, None


def _read_unit(doc: Doc, readings: list[Reading | None], idx: int, lex: Lexicon, ctx: _Ctx,
               schedule: bool) -> dict | None:
    r = readings[idx]
    u = r.unit
    text = r.span.text.strip()
    if _is_question(r, lex):
        trig = min(r.triggers, key=lambda t: t.rank(lex)) if r.triggers else None
        qlemma = lex.raw["question_lemmas"].get(r.low[_first_word(r)])
        date = _pick_date(r, lex, None)
        return _record(r, doc, status="proposed", trig=trig, actor=None, date=date,
                       start=r.span.start_char, end=r.span.end_char,
                       obj=_clean(r.span[_first_word(r) + 2:].text), predicate=qlemma or (trig.lemma if trig else None), idx=idx)
    if not r.triggers:
        if schedule and r.organs and r.dates and len(r.low) <= 25:
            actor = _pick_actor(r, lex, None)
            date = _pick_date(r, lex, None)
            if actor is not None and date is not None:
                return _record(r, doc, status="planned", trig=None, actor=actor, date=date,
                               start=r.span.start_char, end=r.span.end_char, obj=_object(r, None, actor, date, lex), idx=idx)
        return None
    trig = min(r.triggers, key=lambda t: t.rank(lex))
    cls = lex.vclass.get(trig.lemma, "discuss")
    tense = _tense(r, trig)
    short_row = u.heading or (len(r.low) <= 14 and u.first_in_block and r.unit.marker is not None)
    sched = schedule or (tense == "bare" and short_row)
    if _nothing_decided(r, trig):
        return None
    scored = _pick_actor_scored(r, lex, trig)
    actor = scored[0] if scored else None
    if tense == "bare" and not schedule and scored is not None and scored[1] < 3:
        actor = None  # a noun row needs its body as agent or meeting: "Voorstel door DB", "in DB van ..."
    pron = _pronoun_subject(r, trig, lex)
    if pron and actor is not None and r.low[actor.start - r.span.start - 1: actor.start - r.span.start] != ["door"]:
        actor = None  # "Wij adviseren dat het orgaan ...": the organ is not the actor
    date = _pick_date(r, lex, trig, ctx.doc_date if tense == "past" else None)
    if date is None and cls != "change" and tense in ("past", "present", "present_passive", "bare", "future"):
        date = _governing_date(readings, idx, lex, sched, actor)
    when = _compare(_value(date) if date is not None else None, ctx.doc_date)
    if trig.kind == "noun" and "ter" in r.low[max(0, trig.i - 1):trig.i] and (date is not None or actor is not None):
        sched = True  # "ter bespreking op de agenda van ..."
    if tense == "present_passive" and date is None and not sched:
        return None  # generic: "worden vastgesteld door de raden"
    status = _status(cls, tense, when, sched, _negated(r, trig, lex))
    if status is None:
        return None
    vote = _vote(text, lex)
    act_fb = _subject_pronoun(r, lex, ctx, trig) if actor is None else (None, None)
    if tense == "bare" and not schedule and actor is None:
        return None  # a noun alone ("Procesvoorstel ..., 10 oktober 2012") is no step
    # "Het voorstel werd unaniem aangenomen.": the vote of the decision before
    if trig.lemma in ("aannemen", "verwerpen", "aanvaarden") and actor is None and not r.dates and (
            " ".join(r.low[:3]).startswith(tuple(lex.raw["anaphoric_subjects"])) or len(r.low) <= 8):
        return {"_attach": True, "vote": vote, "status": status}
    if cls == "change" and date is None:
        return None
    date_fb = (None, None)
    if date is None and cls in ("decide", "reject", "note") and status in ("adopted", "rejected") and ctx.minutes:
        date_fb = (ctx.doc_date, None)
    if actor is None and act_fb[0] is None and date is None and date_fb[0] is None:
        return None
    if tense == "present" and date is None and not ctx.minutes and not _strong_present(r, trig, lex):
        return None  # generic present: "het bestuur besluit over de begroting"
    return _record(r, doc, status=status, trig=trig, actor=actor, actor_fallback=act_fb, date=date,
                   date_fallback=date_fb, start=r.span.start_char, end=r.span.end_char,
                   obj=_object(r, trig, actor, date, lex), vote=vote, idx=idx)


def _strong_present(r: Reading, trig: Trigger, lex: Lexicon) -> bool:
    nxt = r.low[trig.j:trig.j + 4]
    return any(w in (":", "te", "tot", "om", "dat") for w in nxt) or _vote(" ".join(nxt), lex) is not None


def _first_word(r: Reading) -> int:
    k = 0
    while k < len(r.low) - 1 and not r.low[k].isalpha():
        k += 1
    return k


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


def _clean(text: str) -> str | None:
    text = " ".join(text.split()).strip(_STRIP_OBJ)
    if len(text) > _MAX_OBJECT:
        text = text[:_MAX_OBJECT].rsplit(" ", 1)[0] + " …"
    return text or None


# --------------------------------------------------------------------------- numbered decision points
@dataclass
class _Intro:
    status: str
    actor: Span | None
    date: Span | None
    vote: str | None
    any_start: bool = False  # "licht de beslispunten 5 t/m 8 toe": the list may start at 5


def _list_intro(r: Reading, lex: Lexicon) -> _Intro | None:
    """Is this unit the head of a list of decision points?"""
    low = r.low
    text = " ".join(low)
    words = [re.sub(r"[^a-zà-ÿ:]", "", w) for w in low]
    ends_colon = bool(low) and low[-1].endswith(":")
    decide_verb = any(t.lemma == "besluiten" and t.kind in ("present", "past", "part") for t in r.triggers)
    noun = any(w.endswith(("besluit", "beslispunten", "beslispunt")) for w in words)
    points = "beslispunten" in words and r.unit.end == _block_end_char(r)
    last = next((w for w in reversed(words) if w), "")
    heading = r.unit.heading and last.endswith(("besluit", "beslispunten")) and len(low) <= 8
    if not ((ends_colon and (decide_verb or noun)) or heading or points):
        return None
    proposal = points or any(p in text for p in lex.raw["proposal_intro_words"])
    status = "proposed" if proposal else "adopted"
    trig = next((t for t in r.triggers if t.lemma == "besluiten"), None)
    return _Intro(status, _pick_actor(r, lex, trig), _pick_date(r, lex, trig), _vote(r.span.text, lex), points)


def _block_end_char(r: Reading) -> int:
    return r.unit.end if r.unit.last_in_block else -1


def _read_list(doc: Doc, readings: list[Reading | None], idx: int, intro: _Intro, lex: Lexicon,
               ctx: _Ctx) -> tuple[list[dict], set[int]]:
    """The numbered points after an intro, or the one decision the intro heads."""
    r0 = readings[idx]
    date_fb = (None, None)
    if intro.date is None and intro.status == "adopted" and ctx.doc_date:
        date_fb = (ctx.doc_date, None)
    act_fb = (None, None) if intro.actor is not None else _subject_pronoun(r0, lex, ctx)
    recs: list[dict] = []
    used: set[int] = {idx}
    expected: str | None = None  # the next top-level marker
    nested: str | None = None  # the next marker of a list nested in the last point
    nested_short = False
    top_number: str | None = None
    top_indent = 0
    gap = 0
    k = idx + 1
    while k < len(readings):
        r = readings[k]
        if r is None:
            k += 1
            continue
        u = r.unit
        m = u.marker if u.first_in_block and u.marker != "-" else None
        if m:
            if expected is None and (m.lower() in ("1", "a") or (intro.any_start and m.isdigit())):
                top_indent, expected = u.indent, m
            if expected is None:
                break
            short = len(r.low) <= 8
            is_nested = nested is not None and m == nested and (
                u.indent > top_indent or m != expected or (short and nested_short))
            if not is_nested and m == expected and u.indent <= top_indent:
                end_k = _block_end(readings, k)
                recs.append(_point(doc, readings, k, end_k, m, intro, lex, date_fb, act_fb))
                used.update(range(k, end_k + 1))
                expected, nested, gap, top_number = _next_marker(m), None, 0, m
                k = end_k + 1
                continue
            if recs and (is_nested or (m.lower() in ("1", "a") and gap == 0)):
                parent = top_number or ""
                if m.isalpha() and m.islower() and parent.isdigit():
                    recs.append(_point(doc, readings, k, k, parent + m, intro, lex, date_fb, act_fb))  # "9a"
                nested, nested_short = _next_marker(m), short
                used.update(range(k, _block_end(readings, k) + 1))  # a nested enumeration: part of the point
                k = _block_end(readings, k) + 1
                continue
            break
        gap += 1
        if expected is None and gap == 1 and not recs and not u.heading and not u.marker and (
                r0.low[-1].endswith(":") or r.triggers):
            # "De raad besluit unaniem: vast te stellen de verordening": one decision
            end_k = _block_end(readings, k)
            rec = _point(doc, readings, k, end_k, None, intro, lex, date_fb, act_fb)
            rec["start"] = r0.span.start_char
            rec["text"] = doc_text(doc)[rec["start"]:rec["end"]]
            return [rec], used | set(range(k, end_k + 1))
        if gap > (3 if not recs else 4) or (len(r.low) > 40 and not u.marker):
            break
        k += 1
    return recs, used


def _block_end(readings: list[Reading | None], k: int) -> int:
    block = readings[k].unit.block
    while k + 1 < len(readings) and readings[k + 1] is not None and readings[k + 1].unit.block == block:
        k += 1
    return k


def _next_marker(m: str) -> str:
    if m.isdigit():
        return str(int(m) + 1)
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
        actor = _pick_actor(r, lex, min(r.triggers, key=lambda t: t.rank(lex)))
    return _record(r, doc, status=intro.status, trig=None, actor=actor, actor_fallback=act_fb,
                   date=date, date_fallback=date_fb if date is None else (None, None), start=start, end=end,
                   obj=_clean(body), number=number, vote=intro.vote, predicate=pred, idx=k)


@Language.factory("spoor_decisions")
def make_decisions(nlp: Language, name: str):
    """The ``spoor_decisions`` component: sets ``doc._.decisions``."""
    lex = load_lexicon()

    def decisions(doc: Doc) -> Doc:
        try:
            doc._.decisions = find_decisions(doc, lex)
        except Exception:  # one odd document must never sink a run
            _log.exception("decision reading failed")
            doc._.decisions = []
        return doc

    return decisions
