"""Subjects followed through the corpus, and how they relate (issue 6).

A *subject* is one thing an analyst follows through the years: a body, an
organisation, a law, a programme, a proposed new organisation, a policy topic.
:func:`derive` makes them from what the store already holds (cleaned texts,
canonical entities, decision records), never from a list of names:

* every canonical ORGAN/ORG/LAW entity is a subject;
* names the entity component leaves untagged are found in the text: quoted
  capitalised names and capitalised multiword names that recur, recurring
  compounds of plan words ("veranderopdracht"), new organisations a proposal or
  outcome introduces with "een ..." ("een regionale uitvoeringsorganisatie"),
  and the items a proposal enumerates ("Arbeidsmarkt", "Mobiliteit");
* subjects whose names are spacing variants, fuzzy variants or acronyms of each
  other become one (``same_as``), unless both are knowledge-base entries.

Relations, each with its evidence (document, page, sentence):

* ``same_as``: another name of the subject (target is that name);
* ``replaced_by``, ``ended``, ``dissolved_into``: cue words from
  ``nlp/data/relations.json`` around subject mentions in one sentence (or, for
  "ontvlochten in ...:", in the list that follows);
* ``realized_as``: a subject only proposed (mentioned in proposed/planned
  decisions, never afterwards) matched to a subject of a later realized/adopted
  decision or dissolution item, by word and entity overlap of their contexts and
  by type ("een uitvoeringsorganisatie Twente Board Development");
* ``diverged``: an item a proposal placed in one home that a later document
  reports as placed elsewhere ("ondergebracht bij gemeentelijke organisaties").
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .models import Decision, Entity
from .nlp.kb import FUZZY_LONG, FUZZY_MIN_LEN, fold, load_kb, slug, spaceless

_log = logging.getLogger(__name__)

RULES_PATH = Path(__file__).parent / "nlp" / "data" / "relations.json"
SUBJECT_LABELS = ("ORGAN", "ORG", "LAW")
RELATION_TYPES = ("same_as", "replaced_by", "ended", "dissolved_into", "realized_as", "diverged", "moved_to")
PROPOSED = ("proposed", "planned")
HAPPENED = ("adopted", "realized")
MATCH_MIN = 0.3          # least context score for proposal -> outcome
CUE_GAP = 120            # most characters between a cue and the subject it is about
SUGGEST_MIN = 55         # rapidfuzz ratio for "close matches"


# --------------------------------------------------------------------------- records
class Evidence(BaseModel):
    doc_id: str
    page: int
    text: str
    start: int | None = None
    end: int | None = None
    date: str | None = None


class Relation(BaseModel):
    """One typed link from subject ``source`` to ``target`` (a subject id; for same_as the other name)."""

    type: str
    source: str
    target: str
    target_name: str
    evidence: Evidence
    status: str = "stated"  # stated | possible | proposed | planned
    cue: str | None = None
    when: str | None = None  # a date written in the evidence sentence
    score: float | None = None
    via: Evidence | None = None  # the proposal side of realized_as / diverged
    note: str | None = None


class SubjectDoc(BaseModel):
    doc_id: str
    date: str | None = None
    pages: list[int] = Field(default_factory=list)


class Subject(BaseModel):
    id: str
    name: str
    label: str
    kind: str = "entity"  # entity | name | plan | instance | topic
    generic: bool = False
    aliases: list[str] = Field(default_factory=list)
    documents: list[SubjectDoc] = Field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    mentions: int = 0
    relations: list[Relation] = Field(default_factory=list)
    incoming: list[Relation] = Field(default_factory=list)
    spans: list[tuple[str, int, int, int]] = Field(default_factory=list, exclude=True)  # (doc, start, end, page)


@dataclass
class DocText:
    """What derive() needs of one document: its date, cleaned text and where pages start."""

    doc_id: str
    date: str | None
    text: str
    page_starts: list[tuple[int, int]] = field(default_factory=lambda: [(0, 1)])  # (offset, page)
    doc_type: str = ""

    def page_of(self, offset: int) -> int:
        i = bisect.bisect_right(self.page_starts, (offset, 10**9)) - 1
        return self.page_starts[max(i, 0)][1]


@lru_cache(maxsize=1)
def load_rules() -> dict:
    """The cue words and patterns of ``nlp/data/relations.json``, with regexes compiled."""
    with open(RULES_PATH, encoding="utf-8") as fh:
        rules = json.load(fh)
    for cue in rules["cues"]:
        cue["re"] = re.compile(cue["cue"], re.IGNORECASE)
    rules["hedge_re"] = re.compile(r"\b(?:" + "|".join(rules["hedges"]) + r")\b", re.IGNORECASE)
    rules["proposal_re"] = re.compile(r"\b(?:" + "|".join(rules["proposal_cues"]) + r")\b", re.IGNORECASE)
    pl = rules["placement"]
    pl["cues_re"] = [re.compile(c, re.IGNORECASE) for c in pl["cues"]]
    pl["past_re"] = re.compile(pl["past"], re.IGNORECASE)
    pl["home_re"] = [re.compile(c, re.IGNORECASE) for c in pl["proposal_home"]]
    inst = rules["instance"]
    inst["focus_re"] = re.compile(inst["focus"], re.IGNORECASE)
    rules["stop"] = set(rules["stopwords"])
    return rules


# --------------------------------------------------------------------------- text helpers
_FUNCTION = {"de", "het", "een", "van", "voor", "en", "op", "in", "te", "met", "aan", "bij", "die", "dat", "of", "om",
             "tot", "naar", "over", "door", "als", "zo", "nog", "niet", "geen"}
_UNIT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\u2018\u201c\"'(•-])")
_ITEM_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-•*\u2013])\s+")
_WORD_RE = re.compile(r"[\w\u00C0-\u017F]+(?:[-'][\w\u00C0-\u017F]+)*")


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


def stems(text: str, stop: set[str] | None = None) -> set[str]:
    """Content-word stems (folded, first 6 letters) of ``text``."""
    stop = load_rules()["stop"] if stop is None else stop
    return {fold(w)[:6] for w in _WORD_RE.findall(text) if len(w) >= 4 and fold(w) not in stop}


def _cosine(a: set, b: set) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def _is_acronym(text: str) -> bool:
    t = text.replace("'s", "")
    return 2 <= len(t) <= 7 and t[:1].isupper() and sum(c.isupper() for c in t) >= 2 and t.replace("+", "").isalnum()


def _initials(text: str) -> str:
    skip = set(load_rules()["candidates"]["connectors"])
    return "".join(fold(w)[0] for w in _WORD_RE.findall(text) if fold(w) not in skip)


def _name_re(name: str) -> re.Pattern:
    parts = [re.escape(p) for p in name.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])", re.IGNORECASE)


# --------------------------------------------------------------------------- building
@dataclass
class _S:
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


class _Builder:
    def __init__(self, docs: list[DocText], entities: list[Entity], decisions: list[Decision]):
        self.rules = load_rules()
        self.kb = load_kb()
        self.docs = {d.doc_id: d for d in docs}
        self.entities = [e for e in entities if e.label in SUBJECT_LABELS and e.doc_id in self.docs]
        self.decisions = [d for d in decisions if d.doc_id in self.docs]
        self.subjects: dict[str, _S] = {}
        self.relations: list[Relation] = []
        self.ent_spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self.parent: dict[str, str] = {}
        self.dissolution_items: list[tuple[str, int, int, int]] = []  # (doc, unit_start, head_start, head_end)
        self.item_ends: dict[tuple[str, int], int] = {}  # (doc, head_start) -> end of the item with description

    # -- subjects --------------------------------------------------------------
    def run(self) -> tuple[list[Subject], list[Relation]]:
        self._entity_subjects()
        self._find_dissolution_items()
        self._instances()
        self._topics()
        self._candidates()
        self._search_names()
        self._merge_same()
        self._index_mentions()
        self._same_as()
        self._cue_relations()
        self._placements()
        self._proposals_to_outcomes()
        return self._finish()

    def _date(self, doc_id: str) -> str:
        return self.docs[doc_id].date or "9999"

    def _entity_subjects(self) -> None:
        for e in self.entities:
            cid = e.canonical or slug(e.text)
            s = self.subjects.get(cid)
            if s is None:
                entry = self.kb.get(cid)
                kind = "plan" if entry is not None and entry.kind == "programme" else "entity"
                s = self.subjects[cid] = _S(cid, entry.name if entry else "", e.label, kind,
                                            generic=bool(entry and entry.generic),
                                            type_kind=entry.kind if entry else "")
            s.forms[e.text] += 1
            s.spans.add((e.doc_id, e.start, e.end))
            self.ent_spans[e.doc_id].append((e.start, e.end, cid))
        for spans in self.ent_spans.values():
            spans.sort()
        for s in self.subjects.values():
            if not s.name:
                plain = [f for f, _ in s.forms.most_common() if not _is_acronym(f)]
                s.name = plain[0] if plain else s.forms.most_common(1)[0][0]

    def _entities_in(self, doc_id: str, start: int, end: int) -> list[tuple[int, int, str]]:
        spans = self.ent_spans.get(doc_id, [])
        i = bisect.bisect_left(spans, (start, -1, ""))
        out = []
        while i < len(spans) and spans[i][0] < end:
            if spans[i][1] <= end:
                out.append(spans[i])
            i += 1
        return out

    def _covered(self, doc_id: str, start: int, end: int) -> bool:
        spans = self.ent_spans.get(doc_id, [])
        i = bisect.bisect_right(spans, (end, 10**9, ""))
        return any(s < end and e > start for s, e, _ in spans[max(0, i - 8):i])

    def _specific(self, sid: str) -> bool:
        s = self.subjects.get(sid)
        return s is not None and not s.generic and s.type_kind != "type" and s.kind != "topic"

    def _find_dissolution_items(self) -> None:
        cues = [c for c in self.rules["cues"] if c.get("targets") == "after"]
        for doc in self.docs.values():
            for us, ue in units(doc.text):
                unit = doc.text[us:ue]
                if not re.search(self.rules["list_intro"], unit) or not any(c["re"].search(unit) for c in cues):
                    continue
                for hs, he, end in self._list_items(doc, ue):
                    self.dissolution_items.append((doc.doc_id, us, hs, he))
                    self.item_ends[(doc.doc_id, hs)] = end

    def _list_items(self, doc: DocText, after: int) -> list[tuple[int, int, int]]:
        """(head start, head end, item end) of the numbered/bulleted items following offset ``after``."""
        while after < len(doc.text) and doc.text[after] in " \t\n:":
            after += 1
        block_end = doc.text.find("\n\n", after)
        block_end = len(doc.text) if block_end < 0 else block_end
        items, pos = [], after
        for line in doc.text[after:block_end].split("\n"):
            if _ITEM_RE.match(line):
                m = _ITEM_RE.match(line)
                hs = pos + m.end()
                colon = line.find(":", m.end())
                he = pos + (colon if colon > 0 else len(line.rstrip()))
                if items:
                    items[-1] = (*items[-1][:2], pos)
                items.append((hs, he, pos + len(line)))
            elif items:
                items[-1] = (*items[-1][:2], pos + len(line))
            pos += len(line) + 1
        return items

    def _instances(self) -> None:
        """New organisations introduced by 'een ...' in proposals, outcomes and dissolution items."""
        inst = self.rules["instance"]
        heads = tuple(inst["heads"])
        spans = [(d.doc_id, d.start, d.end) for d in self.decisions if d.status in PROPOSED + HAPPENED]
        items = [(doc, hs, self.item_ends.get((doc, hs), he)) for doc, _, hs, he in self.dissolution_items]
        by_focus: dict[tuple[str, str], str] = {}
        for doc_id, start, end in items + spans:
            text = self.docs[doc_id].text
            for m in re.finditer(r"\b[Ee]en\s+", text[start:end]):
                pos = start + m.end()
                words = list(re.finditer(r"\S+", text[pos:min(end, pos + 120)]))[: inst["max_modifiers"] + 1]
                head = None
                for k, w in enumerate(words):
                    word = w.group().rstrip(",.;:)")
                    if fold(word).endswith(heads) or fold(word) in heads:
                        head = k
                        break
                    if word != w.group() or not word.isalpha() or not word.islower() or word in _FUNCTION:
                        break
                if head is None:
                    continue
                hw = words[head].group().rstrip(",.;:)")
                ns, ne = pos, pos + words[head].start() + len(hw)
                inner = self._entities_in(doc_id, ns, ne)
                if any(self._specific(c) or self.subjects[c].type_kind == "type" for _, _, c in inner):
                    continue
                after = [a for a in self._entities_in(doc_id, ne, ne + 200) if a[0] - ne <= 1 and self._specific(a[2])]
                if after:  # "een uitvoeringsorganisatie Twente Board Development": a type word, not a new thing
                    self.subjects[after[0][2]].types.add(fold(hw))
                    continue
                base = " ".join(text[ns:ne].split())
                if len(base.split()) < 2 and not focus_in(inst, text[ne:end]):
                    continue  # a bare "een organisatie ..." names nothing
                sentence_end = re.search(r"[.;:]\s|\n|$", text[ne:end])
                fm = inst["focus_re"].search(text[ne:ne + sentence_end.start()])
                focus = fm.group("focus").lower() if fm else ""
                members = []
                for _, _, c in self._entities_in(doc_id, start, end):
                    if self._specific(c) and c not in members:
                        members.append(c)
                key = (doc_id, focus)
                if focus and key in by_focus:
                    s = self.subjects[by_focus[key]]
                    s.forms[base] += 1
                    s.spans.add((doc_id, ns, ne))
                    continue
                name = f"{base} {focus}".strip() if focus and focus not in base.lower() else base
                sid = slug(name)
                if sid in self.subjects and self.subjects[sid].kind != "instance":
                    sid = f"{sid}_{doc_id[:3]}"
                s = self.subjects.setdefault(sid, _S(sid, name, "ORG", "instance"))
                s.forms[base] += 1
                s.spans.add((doc_id, ns, ne))
                s.members = s.members or members
                s.types.add(fold(hw))
                s.types.update(c for _, _, c in inner)
                s.searchable = len(base.split()) >= 2 and not self.kb.lookup(base)
                if focus:
                    by_focus[key] = sid

    def _topics(self) -> None:
        """Items a proposal enumerates ("1. Arbeidsmarkt", "onderdelen: A, B en C") become subjects."""
        self.proposal_items: list[tuple[Decision, list[str]]] = []
        decs = sorted(self.decisions, key=lambda d: (d.doc_id, d.start))
        for n, dec in enumerate(decs):
            if dec.status not in PROPOSED:
                continue
            doc = self.docs[dec.doc_id]
            parts: list[tuple[int, int]] = []
            colon = dec.text.rfind(":")
            if colon >= 0 and colon < len(dec.text) - 2:
                tail_start = dec.start + colon + 1
                for m in re.finditer(r"[^,;]+", doc.text[tail_start:dec.end]):
                    for piece in re.split(r"\s+en\s+|/", m.group()):
                        ps = doc.text.find(piece, tail_start + m.start())
                        parts.append((ps, ps + len(piece)))
            if dec.text.rstrip().endswith(":"):
                nxt = decs[n + 1].start if n + 1 < len(decs) and decs[n + 1].doc_id == dec.doc_id else len(doc.text)
                for hs, he, _ in self._list_items(doc, dec.end):
                    if hs >= nxt:
                        break
                    pos = hs
                    for piece in doc.text[hs:he].split("/"):
                        parts.append((pos, pos + len(piece)))
                        pos += len(piece) + 1
            items = []
            for ps, pe in parts:
                raw = doc.text[ps:pe]
                ps += len(raw) - len(raw.lstrip())
                raw = raw.strip().rstrip(".")
                pe = ps + len(raw)
                if not raw:
                    continue
                inner = self._entities_in(dec.doc_id, ps, pe + 1)
                if inner:
                    items.extend(c for _, _, c in inner if c not in items)
                    continue
                if self._covered(dec.doc_id, ps, pe) or not raw[:1].isupper() or len(raw.split()) > 3:
                    continue
                sid = slug(raw)
                s = self.subjects.setdefault(sid, _S(sid, raw, "TOPIC", "topic", searchable=True))
                s.forms[raw] += 1
                s.spans.add((dec.doc_id, ps, pe))
                items.append(sid)
            if items:
                self.proposal_items.append((dec, items))

    def _candidates(self) -> None:
        """Names the entity component did not tag: quoted names, recurring capitalised names, plan compounds."""
        cand = self.rules["candidates"]
        not_first = set(cand["not_first"])
        conn = "|".join(cand["connectors"])
        found: dict[str, tuple[str, str, Counter]] = {}
        quoted = re.compile(r"[\u2018\u201c\"']\s*([A-Z][\w\u00C0-\u017F-]*(?:\s+[\w\u00C0-\u017F-]+){0,3})\s*[\u2019\u201d\"']")
        capital = re.compile(r"\b([A-Z][\w\u00C0-\u017F-]+(?:\s+(?:(?:" + conn + r")\s+)?[A-Z][\w\u00C0-\u017F-]+){1,3})")
        plan = re.compile(r"\b([a-z\u00C0-\u017F]{3,}(?:" + "|".join(cand["plan_suffixes"]) + r"))\b")
        for doc in self.docs.values():
            for kind, rx, label in (("name", quoted, "NAME"), ("name", capital, "NAME"), ("plan", plan, "PROGRAMME")):
                for m in rx.finditer(doc.text):
                    words = m.group(1).split()
                    while words and fold(words[0]) in not_first:
                        words.pop(0)  # "Het Kustfonds Noord" -> "Kustfonds Noord"
                    if not words or rx is capital and len(words) < 2 or fold(words[-1]) in not_first:
                        continue
                    text = " ".join(words)
                    if self._covered(doc.doc_id, m.start(1), m.end(1)):
                        continue
                    if kind == "plan" and fold(text).startswith(tuple(cand["plan_suffixes"])):
                        continue
                    if kind == "name" and (text.isupper() or self.kb.lookup(text)):
                        continue
                    key = spaceless(text)
                    rec = found.setdefault(key, (kind, label, Counter()))
                    rec[2][text] += 1
        for key, (kind, label, forms) in found.items():
            name = forms.most_common(1)[0][0]
            least = cand["plan_min_count"] if kind == "plan" else cand["name_min_count"]
            if sum(forms.values()) < least:
                continue
            sid = slug(name)
            if sid in self.subjects:
                continue
            self.subjects[sid] = _S(sid, name, label, kind, searchable=True)

    def _search_names(self) -> None:
        """Mentions of subjects found in the text by name (topics, candidates, multiword instances)."""
        docs_with = self._word_index()
        for s in list(self.subjects.values()):
            if not s.searchable:
                continue
            names = {s.name} | {f for f in s.forms if len(f) >= 4}
            for name in names:
                rx = _name_re(name)
                words = {w.casefold() for w in _WORD_RE.findall(name)}
                candidates = set.intersection(*(docs_with.get(w, set()) for w in words)) if words else self.docs
                for doc_id in candidates:
                    doc = self.docs[doc_id]
                    for m in rx.finditer(doc.text):
                        if s.kind != "topic" and s.kind != "instance" and self._covered(doc.doc_id, m.start(), m.end()):
                            continue
                        if s.kind == "topic" and self._covered(doc.doc_id, m.start(), m.end()):
                            continue
                        s.spans.add((doc.doc_id, m.start(), m.end()))
                        s.forms[m.group()] += 0
            if not s.spans:
                del self.subjects[s.id]
            elif s.kind in ("name", "plan"):
                for doc_id, st, en in s.spans:
                    s.forms[self.docs[doc_id].text[st:en]] += 1

    def _word_index(self) -> dict[str, set[str]]:
        """casefolded word -> the documents holding it, so a name is only searched where its words are."""
        index: dict[str, set[str]] = defaultdict(set)
        for doc in self.docs.values():
            for w in set(_WORD_RE.findall(doc.text)):
                index[w.casefold()].add(doc.doc_id)
        return index

    def _find(self, x: str) -> str:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def _merge_same(self) -> None:
        """One subject for spacing variants, fuzzy variants and acronyms (never two KB entries)."""
        known = self.kb.is_known
        ids = [s.id for s in self.subjects.values() if s.kind != "topic" and not s.generic]
        keys: list[tuple[str, str]] = []
        for sid in ids:
            s = self.subjects[sid]
            for f in ({s.name} if s.kind == "instance" else set(s.forms) | {s.name}):
                if not _is_acronym(f) and sid in (self.kb.lookup(f) or [sid]):
                    keys.append((spaceless(f), sid))

        def union(a: str, b: str) -> None:
            ra, rb = self._find(a), self._find(b)
            if ra == rb or (known(ra) and known(rb)):
                return
            if known(rb) or (not known(ra) and self.subjects[rb].kind == "entity" and self.subjects[ra].kind != "entity"):
                ra, rb = rb, ra
            self.parent[rb] = ra

        key_list = [k for k, _ in keys]
        for k, sid in keys:
            if len(k) < FUZZY_MIN_LEN:
                for k2, sid2 in keys:
                    if k2 == k and sid2 != sid:
                        union(sid, sid2)
                continue
            budget = 1 if len(k) < FUZZY_LONG else 2
            for _, d, i in process.extract(k, key_list, scorer=Levenshtein.distance, score_cutoff=budget, limit=6):
                other = keys[i][1]
                if other != sid and self.subjects[other].label == self.subjects[sid].label or d == 0 and other != sid:
                    union(sid, other)
        expansions: dict[str, set[str]] = defaultdict(set)
        for k, sid in keys:
            for f in self.subjects[sid].forms:
                if len(f.split()) >= 2 and not _is_acronym(f):
                    expansions[_initials(f)].add(sid)
        for sid in ids:
            for f in self.subjects[sid].forms:
                if _is_acronym(f):
                    cands = {self._find(x) for x in expansions.get(fold(f), ())} - {self._find(sid)}
                    if len(cands) == 1:
                        union(cands.pop(), sid)
        for sid in list(self.subjects):
            root = self._find(sid)
            if root != sid:
                a, b = self.subjects[root], self.subjects.pop(sid)
                a.forms.update(b.forms)
                a.spans |= b.spans
                a.types |= b.types
                _log.debug("same subject: %s <- %s", root, sid)

    def _index_mentions(self) -> None:
        self.mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for s in self.subjects.values():
            for doc_id, st, en in s.spans:
                self.mentions[doc_id].append((st, en, s.id))
        for lst in self.mentions.values():
            lst.sort()
        self.in_decision: dict[str, list[Decision]] = defaultdict(list)
        for d in self.decisions:
            self.in_decision[d.doc_id].append(d)

    def _mentions_in(self, doc_id: str, start: int, end: int, specific: bool = True) -> list[tuple[int, int, str]]:
        lst = self.mentions.get(doc_id, [])
        i = bisect.bisect_left(lst, (start, -1, ""))
        out = []
        while i < len(lst) and lst[i][0] < end:
            st, en, sid = lst[i]
            if en <= end and (not specific or not self.subjects[sid].generic and self.subjects[sid].kind != "topic"):
                if not out or out[-1][2] != sid or out[-1][1] < st:
                    out.append(lst[i])
            i += 1
        return out

    def _evidence(self, doc_id: str, start: int, end: int) -> Evidence:
        doc = self.docs[doc_id]
        text = " ".join(doc.text[start:end].split())
        return Evidence(doc_id=doc_id, page=doc.page_of(start), text=text[:400], start=start, end=end, date=doc.date)

    def _unit_of(self, doc_id: str, offset: int) -> tuple[int, int]:
        text = self.docs[doc_id].text
        ls = text.rfind("\n", 0, offset) + 1
        le = text.find("\n", offset)
        le = len(text) if le < 0 else le
        for us, ue in units(text[ls:le]):
            if ls + us <= offset <= ls + ue:
                return ls + us, ls + ue
        return ls, le

    def _status(self, doc_id: str, start: int, end: int) -> str:
        for d in self.in_decision.get(doc_id, []):
            if d.start <= start and end <= d.end and d.status in PROPOSED:
                return d.status
        return "possible" if self.rules["hedge_re"].search(self.docs[doc_id].text[start:end]) else "stated"

    def _when(self, doc_id: str, start: int, end: int) -> str | None:
        for d in self.in_decision.get(doc_id, []):
            if d.start <= start < d.end and d.date:
                return d.date
        return None

    # -- relations -------------------------------------------------------------
    def _add(self, type_: str, source: str, target: str, ev: Evidence, target_name: str | None = None, **kw) -> None:
        if source == target:
            return
        for r in self.relations:
            if (r.type, r.source, r.target) == (type_, source, target):
                return
        name = target_name or (self.subjects[target].name if target in self.subjects else target)
        self.relations.append(Relation(type=type_, source=source, target=target, target_name=name, evidence=ev, **kw))

    def _same_as(self) -> None:
        for s in self.subjects.values():
            if s.kind == "topic":
                continue
            seen = {fold(s.name)}
            spans = sorted(s.spans, key=lambda x: (self._date(x[0]), x[0], x[1]))
            name_docs = {d for d, st, en in spans if fold(self.docs[d].text[st:en]) == fold(s.name)}
            for f, _ in s.forms.most_common():
                if fold(f) in seen or not f.strip() or not self._other_name(s, f):
                    continue
                seen.add(fold(f))
                where = [x for x in spans if self.docs[x[0]].text[x[1]:x[2]] == f]
                if not where:
                    continue
                other = [x for x in where if x[0] not in name_docs]
                doc_id, st, en = (other or where)[0]
                us, ue = self._unit_of(doc_id, st)
                self._add("same_as", s.id, f, self._evidence(doc_id, us, ue), target_name=f,
                          note="across documents" if other and name_docs else None)

    def _other_name(self, s: _S, form: str) -> bool:
        """False for forms that are not another name of ``s``: inflections, compounds, another KB entry's name."""
        ids = self.kb.lookup(form)
        if ids and s.id not in ids:
            return False
        f = spaceless(form)
        for other in {s.name} | set(s.forms):
            o = spaceless(other)
            if o != f and f.startswith(o) and (len(f) - len(o) <= 3 or len(o) >= 4 and not _is_acronym(other)):
                return False
        head = re.split(r"[-\s]", form)[0]
        return not (head != form and "-" in form and any(spaceless(head) == spaceless(o) for o in set(s.forms) | {s.name}))

    def _cue_relations(self) -> None:
        for doc in self.docs.values():
            for us, ue in units(doc.text):
                unit = doc.text[us:ue]
                for rule in self.rules["cues"]:
                    for m in rule["re"].finditer(unit):
                        self._apply_cue(doc, us, ue, rule, m)

    def _apply_cue(self, doc: DocText, us: int, ue: int, rule: dict, m: re.Match) -> None:
        cs, ce = us + m.start(), us + m.end()
        ment = self._mentions_in(doc.doc_id, us, ue)
        before = [x for x in ment if x[1] <= cs and cs - x[1] <= CUE_GAP]
        after = [x for x in ment if x[0] >= ce and x[0] - ce <= CUE_GAP]
        ev = self._evidence(doc.doc_id, us, ue)
        kw = {"status": self._status(doc.doc_id, us, ue), "cue": m.group(0).strip(), "when": self._when(doc.doc_id, us, ue)}
        if rule["type"] == "replaced_by":
            if before and after:
                new, old = (before[-1], after[0]) if rule["new"] == "before" else (after[0], before[-1])
                self._add("replaced_by", old[2], new[2], ev, **kw)
        elif rule["type"] == "ended":
            if rule.get("side") == "between":
                gs, ge = us + m.start("between"), us + m.end("between")
                targets = [x for x in ment if x[0] >= gs and x[1] <= ge]
            else:
                targets = before[-1:] if rule.get("side") == "before" else [x for x in after if x[0] - ce <= 40][:1]
            for _, _, sid in targets:
                self._ended(sid, ev, kw)
        elif rule["type"] == "dissolved_into" and before:
            source = before[-1][2]
            targets = [x[2] for x in after]
            if unit_ends_list(doc.text[us:ue], self.rules):
                for d, ust, hs, he in self.dissolution_items:
                    if d == doc.doc_id and ust == us:
                        heads = self._mentions_in(d, hs, he)
                        targets += [x[2] for x in heads if self.subjects[x[2]].kind == "instance"] or [x[2] for x in heads]
            for t in dict.fromkeys(targets):
                self._add("dissolved_into", source, t, ev, **kw)

    def _ended(self, sid: str, ev: Evidence, kw: dict) -> None:
        for r in self.relations:
            if r.type == "ended" and r.source == sid and r.evidence.doc_id == ev.doc_id:
                return  # one ended per subject and document
        self.relations.append(Relation(type="ended", source=sid, target=sid, target_name=self.subjects[sid].name,
                                       evidence=ev, **kw))

    def _placements(self) -> None:
        """diverged/moved_to: where a later document says an item went, against where the proposal put it."""
        pl = self.rules["placement"]
        placement_paras = []  # paragraphs that say where something went, found once per corpus
        for doc in self.docs.values():
            for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", doc.text):
                ptext = para.group()
                dests = [next(g for g in m.groups() if g).strip() for rx in pl["cues_re"] for m in rx.finditer(ptext)]
                dests = [d for d in dests if not pl["past_re"].search(d)]
                if dests:
                    placement_paras.append((doc, para, ptext, fold(ptext), dests))
        for dec, items in self.proposal_items:
            home, home_ids = None, set()
            for rx in pl["home_re"]:
                m = rx.search(dec.text)
                if m:
                    home = m.group("home").strip()
                    break
            if home is None:
                intro_end = dec.start + (dec.text.find(":") if ":" in dec.text else len(dec.text))
                first = [x for x in self._mentions_in(dec.doc_id, dec.start, intro_end) if x[2] not in items]
                if not first:
                    continue
                home_ids = {first[0][2]}
                home = self.subjects[first[0][2]].name
            pdate = self._date(dec.doc_id)
            via = self._evidence(dec.doc_id, dec.start, dec.end)
            for doc, para, ptext, fp, dests in placement_paras:
                if self._date(doc.doc_id) <= pdate:
                    continue
                dest = dests[-1]
                for sid in items:
                    s = self.subjects.get(self._find(sid))
                    if s is None:
                        continue
                    forms = {fold(f) for f in s.forms} | {fold(s.name)}
                    if not any(re.search(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", fp) for f in forms if len(f) >= 4):
                        continue
                    same = bool(stems(home, set()) & stems(dest, set())) or any(
                        fold(self.subjects[h].name) in fold(dest) for h in home_ids)
                    ev = self._evidence(doc.doc_id, para.start(), para.end())
                    note = f"proposed: {home}; outcome: {dest}"
                    self._add("diverged" if not same else "moved_to", s.id, slug(dest), ev, target_name=dest,
                              via=via, note=note, status="stated")

    def _proposals_to_outcomes(self) -> None:
        """realized_as: a subject only ever proposed, matched to what a later document reports as done."""
        last_doc: dict[str, str] = {}
        for doc_id, lst in self.mentions.items():
            for _, _, sid in lst:
                if self._date(doc_id) > last_doc.get(sid, ""):
                    last_doc[sid] = self._date(doc_id)
        proposals: dict[str, list[Decision]] = defaultdict(list)
        for d in self.decisions:
            if d.status in PROPOSED:
                for _, _, sid in self._mentions_in(d.doc_id, d.start, d.end):
                    if self._specific(sid) and self.subjects[sid].kind in ("entity", "instance", "name", "plan"):
                        proposals[sid].append(d)
        pdate = {sid: max(self._date(d.doc_id) for d in ds) for sid, ds in proposals.items()}
        proposals = {sid: ds for sid, ds in proposals.items() if last_doc.get(sid, "") <= pdate[sid]}
        outcomes: list[tuple[str, int, int, str]] = []  # (doc, start, end, subject)
        units_ = [(d.doc_id, d.start, d.end) for d in self.decisions if d.status in HAPPENED]
        units_ += [(doc, hs, self.item_ends.get((doc, hs), he)) for doc, _, hs, he in self.dissolution_items]
        for doc_id, st, en in units_:
            for _, _, sid in self._mentions_in(doc_id, st, en):
                if self._specific(sid) and self.subjects[sid].kind in ("entity", "instance", "name", "plan"):
                    outcomes.append((doc_id, st, en, sid))
        matched: dict[str, tuple] = {}
        for _ in range(2):  # the second pass also counts the entities the first pass matched
            translate = {p: m[1] for p, m in matched.items()}
            for m in self._match(proposals, pdate, outcomes, translate):
                matched.setdefault(m[1], m[:1] + m[2:])
        for p, (score, o, doc_id, st, en, best) in matched.items():
            d = proposals[p][best]
            self._add("realized_as", p, o, self._evidence(doc_id, st, en), score=score,
                      via=self._evidence(d.doc_id, d.start, d.end), status="stated",
                      note=f"proposed {self.docs[d.doc_id].date or ''}, realised {self.docs[doc_id].date or ''}".strip())

    def _match(self, proposals: dict, pdate: dict, outcomes: list, translate: dict) -> list[tuple]:
        """Greedy one-to-one (score, proposal, outcome, doc, start, end) above MATCH_MIN."""
        scored = []
        for p, decs in proposals.items():
            pst = stems(" ".join(d.text for d in decs))
            pents = {x[2] for d in decs for x in self._mentions_in(d.doc_id, d.start, d.end)} - {p}
            per_dec = [{translate.get(x[2], x[2]) for x in self._mentions_in(d.doc_id, d.start, d.end)} - {p} for d in decs]
            ps = self.subjects[p]
            phead = fold(ps.name.split()[-1]) if ps.name else ""
            for doc_id, st, en, o in outcomes:
                if o == p or o in pents or self._date(doc_id) <= pdate[p] or translate.get(p, o) != o:
                    continue
                oents = {x[2] for x in self._mentions_in(doc_id, st, en)} - {o}
                score = _cosine(pst, stems(self.docs[doc_id].text[st:en]))
                overlaps = [len(e & oents) / len(e | oents) if e and oents else 0.0 for e in per_dec]
                best = max(range(len(decs)), key=lambda i: overlaps[i])
                score += overlaps[best]  # the best single proposal's entity overlap with the outcome
                os_ = self.subjects[o]
                if phead and phead in os_.types:
                    score += 0.5  # "een regionale uitvoeringsorganisatie" -> "een uitvoeringsorganisatie X"
                if ps.types & os_.types:
                    score += 0.25
                scored.append((round(score, 3), p, o, doc_id, st, en, best))
        scored.sort(key=lambda x: (-x[0], x[1], x[2]))
        used_p, used_o, out = set(), set(translate.values()), []
        for item in scored:
            score, p, o = item[:3]
            _log.debug("proposal %s -> outcome %s: %.3f", p, o, score)
            if score < MATCH_MIN:
                break
            if p in used_p or o in used_o and translate.get(p) != o:
                continue
            used_p.add(p)
            used_o.add(o)
            out.append(item)
        return out

    # -- output ---------------------------------------------------------------
    def _finish(self) -> tuple[list[Subject], list[Relation]]:
        out = []
        for s in self.subjects.values():
            pages: dict[str, set[int]] = defaultdict(set)
            spans = []
            for doc_id, st, en in sorted(s.spans):
                page = self.docs[doc_id].page_of(st)
                pages[doc_id].add(page)
                spans.append((doc_id, st, en, page))
            docs = sorted((SubjectDoc(doc_id=d, date=self.docs[d].date, pages=sorted(p)) for d, p in pages.items()),
                          key=lambda x: (x.date or "9999", x.doc_id))
            dates = sorted(x.date for x in docs if x.date)
            aliases = [f for f, _ in s.forms.most_common() if f != s.name and f.strip()
                       and (fold(f) == fold(s.name) or self._other_name(s, f))]
            aliases = list(dict.fromkeys(aliases))
            out.append(Subject(id=s.id, name=s.name, label=s.label, kind=s.kind, generic=s.generic, aliases=aliases,
                               documents=docs, first_seen=dates[0] if dates else None,
                               last_seen=dates[-1] if dates else None, mentions=len(spans), spans=spans))
        out.sort(key=lambda s: (-s.mentions, s.id))
        by_id = {s.id: s for s in out}
        for r in self.relations:
            if r.source in by_id:
                by_id[r.source].relations.append(r)
            if r.target in by_id and r.type != "same_as" and r.target != r.source:
                by_id[r.target].incoming.append(r)
        return out, self.relations


def focus_in(inst: dict, text: str) -> bool:
    end = re.search(r"[.;:]\s|\n|$", text)
    return inst["focus_re"].search(text[:end.start()]) is not None


def unit_ends_list(unit: str, rules: dict) -> bool:
    return re.search(rules["list_intro"], unit) is not None


def derive(docs: list[DocText], entities: Iterable[Entity], decisions: Iterable[Decision]) -> tuple[list[Subject], list[Relation]]:
    """Subjects and relations of a corpus: documents (texts with dates), canonical entities, decisions."""
    return _Builder(list(docs), list(entities), list(decisions)).run()


# --------------------------------------------------------------------------- store
def corpus_from_store(store) -> tuple[list[DocText], list[Entity], list[Decision]]:
    """What derive() needs, read from a :class:`~pipeline.store.Store`."""
    starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row in store.conn.execute("SELECT doc_id, page, MIN(start) FROM passages GROUP BY doc_id, page"):
        starts[row[0]].append((row[2], row[1]))
    docs = []
    for row in store.conn.execute("SELECT doc_id, date, text, doc_type FROM documents"):
        ps = sorted(starts.get(row[0], [])) or [(0, 1)]
        ps[0] = (0, ps[0][1])
        docs.append(DocText(doc_id=row[0], date=row[1], text=row[2] or "", page_starts=ps, doc_type=row[3] or ""))
    ents = [e for e in store.entities() if e.label in SUBJECT_LABELS]
    return docs, ents, store.decisions()


def refresh(store) -> tuple[int, int]:
    """Recompute subjects and relations of the whole corpus in ``store`` (caller holds the transaction)."""
    subjects, relations = derive(*corpus_from_store(store))
    store.put_subjects(subjects, relations)
    return len(subjects), len(relations)


def refresh_if_needed(store, changed: bool = True) -> None:
    """Recompute subjects when the corpus changed or none are stored yet (the build calls this)."""
    if changed or not store.has_subjects():
        refresh(store)


def load(folder: Path) -> list[Subject]:
    """The stored subjects of an index folder, with their relations (computed now if never stored)."""
    from .store import Store

    with Store(folder) as store:
        if not store.has_subjects():
            with store.conn:
                refresh(store)
        return store.subjects()


# --------------------------------------------------------------------------- lookup
class UnknownSubject(LookupError):
    def __init__(self, query: str, close: list[str]):
        self.query, self.close = query, close
        hint = f" Close matches: {', '.join(close)}." if close else ""
        super().__init__(f"no subject matches {query!r}.{hint} `spoor subjects` lists them all.")


def find(subjects: list[Subject], query: str) -> Subject:
    """The subject whose id, name or alias is ``query`` (case-insensitive; typos tolerated), else UnknownSubject."""
    q = fold(query.strip())
    if not q:
        raise UnknownSubject(query, [])
    keys: list[tuple[str, Subject]] = []
    for s in subjects:
        for k in (s.id, s.name, *s.aliases):
            keys.append((fold(k), s))
    for k, s in keys:
        if q in (k, slug(k)) or spaceless(q) == spaceless(k):
            return s
    choices = [k for k, _ in keys]
    if len(q) >= 4:
        best = process.extract(q, choices, scorer=Levenshtein.normalized_similarity, limit=2)
        if best and best[0][1] >= 0.8 and (len(best) < 2 or keys[best[1][2]][1] is keys[best[0][2]][1]
                                           or best[0][1] > best[1][1]):
            return keys[best[0][2]][1]
    close = []
    for _, score, i in process.extract(q, choices, scorer=fuzz.ratio, limit=12):
        if score >= SUGGEST_MIN and keys[i][1].name not in close:
            close.append(keys[i][1].name)
    raise UnknownSubject(query, close[:5])


# --------------------------------------------------------------------------- evolution
class Step(BaseModel):
    """One line of a subject's account."""

    date: str | None
    kind: str  # first mention | proposal | decision | renamed | replaced | ended | dissolved into | realized as | diverged | outcome
    text: str
    doc_id: str | None = None
    page: int | None = None


class Evolution(BaseModel):
    subject: Subject
    steps: list[Step]
    outcome: str


_REL_WORDS = {
    "same_as": "also called", "replaced_by": "replaced by", "ended": "ended", "dissolved_into": "dissolved into",
    "realized_as": "realised as", "diverged": "went otherwise than proposed", "moved_to": "moved to",
}


def evolution(folder: Path, query: str, most: int = 6) -> Evolution:
    """A subject's account: first mention, proposals, decisions, renamings, relations, outcome."""
    from .store import Store
    from .timeline import sort_key

    subjects = load(folder)
    s = find(subjects, query)
    with Store(folder) as store:
        docs = {d.doc_id: d for d in store.documents()}
        texts = {d: store.document(d)[1] for d in docs}
        decisions = store.decisions()
        spans = store.subject_spans(s.id)
    date = lambda doc_id: docs[doc_id].date if doc_id in docs else None  # noqa: E731
    steps: list[Step] = []
    spans.sort(key=lambda x: (docs[x[0]].date or "9999", x[0], x[1]))
    if spans:
        d, st, en, page = spans[0]
        steps.append(Step(date=date(d), kind="first mention", text=_sentence(texts[d], st), doc_id=d, page=page))
    # proposals and decisions that name the subject (or are taken by it)
    mention_at = defaultdict(list)
    for d, st, en, page in spans:
        mention_at[d].append((st, en))
    seen_text = {steps[0].text} if steps else set()
    props, decs = [], []
    for dec in decisions:
        named = any(dec.start <= st and en <= dec.end for st, en in mention_at.get(dec.doc_id, []))
        if not (named or dec.actor == s.id):
            continue
        when = dec.date or date(dec.doc_id)
        step = Step(date=when, kind="proposal" if dec.status in PROPOSED else "decision",
                    text=f"{dec.status}: {' '.join(dec.text.split())[:220]}", doc_id=dec.doc_id, page=dec.page)
        (props if dec.status in PROPOSED else decs).append(step)
    rules = load_rules()
    covered = {(d.doc_id, d.start, d.end) for d in decisions}
    for d, st, en, page in spans:
        sent = _sentence(texts[d], st)
        if any(doc == d and a <= st < b for doc, a, b in covered):
            continue
        if sent not in seen_text and rules["proposal_re"].search(sent) and not any(
                p.doc_id == d and sent[:60] in p.text for p in props):
            props.append(Step(date=date(d), kind="proposal", text=sent, doc_id=d, page=page))
            seen_text.add(sent)
    props = _dedupe(props)[:most]
    decs = _dedupe(decs)[:most]
    rels = []
    for r in s.relations + s.incoming:
        ev = r.evidence
        if r.type == "same_as":
            text = f"also called {r.target_name!r}: {ev.text}"
            kind = "renamed"
        elif r.source == s.id:
            text = f"{_REL_WORDS.get(r.type, r.type)}" + ("" if r.type == "ended" else f" {r.target_name}") + f": {ev.text}"
            kind = r.type.replace("_", " ")
        else:
            inverse = {"replaced_by": "replaces", "dissolved_into": "part of what came of",
                       "realized_as": "realises the proposal", "diverged": "diverged"}.get(r.type, r.type)
            src = next((x.name for x in subjects if x.id == r.source), r.source)
            text = f"{inverse} {src}: {ev.text}"
            kind = "came from"
        if r.status != "stated":
            text = f"({r.status}) {text}"
        if r.via:
            text += f"  [proposal: {r.via.doc_id[:3]} p.{r.via.page}: {r.via.text[:120]}]"
        rels.append(Step(date=r.when or ev.date, kind=kind, text=text, doc_id=ev.doc_id, page=ev.page))
    steps += sorted(props + decs + rels, key=lambda x: (sort_key(x.date or "9999"), x.kind != "proposal"))
    return Evolution(subject=s, steps=steps, outcome=_outcome(s))


def _dedupe(steps: list[Step]) -> list[Step]:
    out, seen = [], set()
    for st in sorted(steps, key=lambda x: (x.date or "9999", x.doc_id or "")):
        key = (st.doc_id, st.text[:80])
        if key not in seen:
            seen.add(key)
            out.append(st)
    return out


def _outcome(s: Subject) -> str:
    by_type = defaultdict(list)
    for r in s.relations:
        by_type[r.type].append(r)
    parts = []
    if by_type["dissolved_into"]:
        r0 = by_type["dissolved_into"][0]
        parts.append(f"dissolved into {', '.join(r.target_name for r in by_type['dissolved_into'])} "
                     f"({r0.when or r0.evidence.date}, {r0.evidence.doc_id[:3]} p.{r0.evidence.page})")
    for key, word in (("replaced_by", "replaced by"), ("realized_as", "realised as"), ("diverged", "went to")):
        for r in by_type[key]:
            parts.append(f"{word} {r.target_name} ({r.evidence.date}, {r.evidence.doc_id[:3]} p.{r.evidence.page})")
    for r in by_type["ended"][-1:]:
        qual = "" if r.status == "stated" else f"{r.status}: "
        parts.append(f"{qual}ended ({r.when or r.evidence.date}, {r.evidence.doc_id[:3]} p.{r.evidence.page}: "
                     f"{r.evidence.text[:80]})")
    if not parts:
        parts.append(f"no outcome reported; last seen {s.last_seen or '?'} "
                     f"({s.documents[-1].doc_id[:3] if s.documents else '?'})")
    return "; ".join(parts)


def _sentence(text: str, offset: int) -> str:
    ls = text.rfind("\n", 0, offset) + 1
    le = text.find("\n", offset)
    le = len(text) if le < 0 else le
    for us, ue in units(text[ls:le]):
        if us <= offset - ls <= ue:
            return " ".join(text[ls + us:ls + ue].split())[:300]
    return " ".join(text[ls:le].split())[:300]
