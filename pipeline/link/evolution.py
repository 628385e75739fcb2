"""A subject's readable account: look a subject up by name and tell how it evolved (issue 6).

:func:`load` reads the stored subjects of an index folder, :func:`find` picks one by id, name or alias
(typos tolerated), and :func:`evolution` turns its mentions, decisions and relations into dated steps
with an outcome line.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .aliases import store_signature
from .references import references
from ..nlp.kb import fold, load_kb, slug, spaceless
from .records import PROPOSED, SUGGEST_MIN, Subject, load_rules, units


# --------------------------------------------------------------------------- store
def load(folder: Path, spans: bool = True, documents: bool = True) -> list[Subject]:
    """The stored subjects of an index folder, with their relations (computed now if never stored);
    ``spans=False``: without their mentions, ``documents=False``: without their documents."""
    from ..store import open_store
    from .subjects import refresh

    with open_store(folder) as store:
        if not store.has_subjects():
            with store.transaction():
                refresh(store)
        return store.subjects(spans=spans, documents=documents)


def most_followed(subjects: list[Subject]) -> str | None:
    """The name of the specific subject the most documents follow (a notebook's default), or None; a kind
    of body every government has (ORGAN: "gemeenteraad") only when there is nothing else."""
    specific = [s for s in subjects if not s.generic and s.kind != "topic" and s.label != "ORGAN"] or subjects
    return max(specific, key=lambda s: (len(s.documents), s.mentions)).name if specific else None


# --------------------------------------------------------------------------- lookup
class UnknownSubject(LookupError):
    def __init__(self, query: str, close: list[str], several: bool = False):
        self.query, self.close = query, close
        hint = f" Close matches: {', '.join(close)}." if close else ""
        if several:
            super().__init__(f"{query!r} is a body of several governments; name one: {', '.join(close)}.")
            self.dutch = f"Onderwerp: ‘{query}’ is een orgaan van meer overheden; noem er één: {', '.join(close)}."
        else:
            super().__init__(f"no subject matches {query!r}.{hint} `spoor subjects` lists them all.")
            self.dutch = (f"Onderwerp: geen onderwerp heet ‘{query}’."
                          + (f" Bedoelt u: {', '.join(close)}?" if close else ""))


def find(subjects: list[Subject], query: str) -> Subject:
    """The subject whose id, name or alias is ``query`` (case-insensitive; typos tolerated), else UnknownSubject.

    A kind of body or a plan named without its government ("gemeenteraad", "woonakkoord") where the corpus
    has it for several governments is no one subject: UnknownSubject names them ("gemeenteraad Den Helder",
    ...)."""
    q = fold(query.strip())
    kb = load_kb()
    same = [s for s in subjects if s.body and s.government and kb.get(s.body) is not None
            and q in {fold(n) for n in (kb.get(s.body).name, *kb.get(s.body).aliases, *kb.get(s.body).abbreviations)}]
    # a plan of several governments ("woonakkoord Enschede", "woonakkoord Hengelo") named without one
    same += [s for s in subjects if s.government and not s.body and fold(s.name) != q
             and fold(s.name) == f"{q} {fold(s.government)}"]
    if len({s.id for s in same}) > 1:
        same.sort(key=lambda s: (-s.mentions, s.name))
        names = [s.name for s in same[:6]] + ([f"and {len(same) - 6} more"] if len(same) > 6 else [])
        raise UnknownSubject(query, names, several=True)
    found, close = pick(query, [(k, s) for s in subjects for k in (s.id, s.name, *s.aliases)],
                        lambda s: s.name)
    if found is None:
        raise UnknownSubject(query, close)
    return found


def pick(query: str, named: list[tuple[str, object]], display=str):
    """The one resolver of names people type (subjects, actors): (the item one of whose names is ``query``,
    []) or (None, up to five close names). Case, accents, spacing and small typos do not matter; a name
    is tried exactly first (in the order given), then by edit distance when one item is clearly closest."""
    q = fold(query.strip())
    if not q:
        return None, []
    keys = [(fold(k), item) for k, item in named if k]
    for k, item in keys:
        if q in (k, slug(k)) or spaceless(q) == spaceless(k):
            return item, []
    choices = [k for k, _ in keys]
    if len(q) >= 4 and choices:
        best = process.extract(q, choices, scorer=Levenshtein.normalized_similarity, limit=2)
        if best and best[0][1] >= 0.8 and (len(best) < 2 or keys[best[1][2]][1] is keys[best[0][2]][1]
                                           or best[0][1] > best[1][1]):
            return keys[best[0][2]][1], []
    close: list[str] = []
    for _, score, i in process.extract(q, choices, scorer=fuzz.ratio, limit=12):
        name = display(keys[i][1])
        if score >= SUGGEST_MIN and name not in close:
            close.append(name)
    return None, close[:5]


# --------------------------------------------------------------------------- evolution
class Step(BaseModel):
    """One line of a subject's account."""

    date: str | None
    kind: str  # first mention | proposal | decision | renamed | replaced | ended | dissolved into | realized as | diverged | outcome
    text: str
    doc_id: str | None = None
    page: int | None = None
    ref: str | None = None  # the document's reference (``references.references``)
    actor: str | None = None  # who proposed or decided, with its government ("gemeenteraad Den Helder")


class Evolution(BaseModel):
    subject: Subject
    steps: list[Step]
    outcome: str
    refs: dict[str, str] = {}  # doc_id -> reference, for the documents the account names


_REL_WORDS = {
    "same_as": "also called", "replaced_by": "replaced by", "ended": "ended", "dissolved_into": "dissolved into",
    "realized_as": "realised as", "diverged": "went otherwise than proposed", "moved_to": "moved to",
}


class _Corpus:
    """What accounts are made from, read once per store generation: the subjects, the documents, and
    the decisions per document and per actor (a web server makes an account for every query that
    names a subject; at thousands of documents reading them costs seconds)."""

    def __init__(self, folder: Path, signature) -> None:
        from ..store import open_store

        self.signature = signature
        # names and relations: evolution() reads the documents and mentions of the one it tells about
        self.subjects = load(folder, spans=False, documents=False)
        with open_store(folder) as store:
            self.docs = {d.doc_id: d for d in store.documents()}
            decisions = store.decisions()
        self.refs = references(list(self.docs.values()))
        self.by_doc: dict[str, list] = defaultdict(list)
        self.by_actor: dict[str, list] = defaultdict(list)
        for dec in decisions:
            self.by_doc[dec.doc_id].append(dec)
            if dec.actor:
                self.by_actor[dec.actor].append(dec)


_CORPORA: dict[str, _Corpus] = {}
_CORPORA_LOCK = threading.Lock()


def corpus_of(folder: Path, store) -> _Corpus:
    key, signature = str(folder), store_signature(folder)
    with _CORPORA_LOCK:  # one reading per generation, also when the web page's threads ask at once
        found = _CORPORA.get(key)
        if found is None or found.signature != signature:
            found = _CORPORA[key] = _Corpus(folder, signature)
            while len(_CORPORA) > 4:
                _CORPORA.pop(next(iter(_CORPORA)))
    return found


def evolution(folder: Path, query: str, most: int = 8) -> Evolution:
    """A subject's account: first mention, proposals, decisions, renamings, relations, outcome."""
    from ..store import open_store
    from .timeline import actor_name, sort_key

    with open_store(folder) as store:
        corpus = corpus_of(folder, store)
        subjects, docs = corpus.subjects, corpus.docs
        s = find(subjects, query)
        s = next(iter(store.subjects(spans=False, ids=[s.id])), s)  # with its documents
        spans = store.subject_spans(s.id)
        texts: dict[str, str] = {}

        def text_of(doc_id: str) -> str:  # read when a sentence of it is needed
            if doc_id not in texts:
                found = store.document(doc_id)
                texts[doc_id] = found[1] if found else ""
            return texts[doc_id]

        date = lambda doc_id: docs[doc_id].date if doc_id in docs else None  # noqa: E731
        steps: list[Step] = []
        spans.sort(key=lambda x: (docs[x[0]].date if x[0] in docs and docs[x[0]].date else "9999", x[0], x[1]))
        if spans:
            d, st, en, page = spans[0]
            steps.append(Step(date=date(d), kind="first mention", text=_sentence(text_of(d), st), doc_id=d, page=page))
        # proposals and decisions that name the subject (or are taken by it)
        mention_at: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for d, st, en, page in spans:
            mention_at[d].append((st, en))
        for found in mention_at.values():
            found.sort()
        seen_text = {steps[0].text} if steps else set()
        props, decs = [], []
        candidates = {id(dec): dec for d in mention_at for dec in corpus.by_doc.get(d, ())}
        taken_by = [dec for dec in corpus.by_actor.get(s.body or s.id, ()) if takes(s, dec)]
        candidates.update({id(dec): dec for dec in taken_by})
        whole = about(s, docs.values())  # documents whose title names it: all their dated decisions are about it
        since = s.first_seen or ""  # what such a document recalls from before the subject appeared is history
        candidates.update({id(dec): dec for d in whole for dec in corpus.by_doc.get(d, ())
                           if dec.date and sort_key(dec.date) >= since})
        for dec in sorted(candidates.values(), key=lambda x: (x.doc_id, x.start)):
            if not (takes(s, dec) or _holds_mention(mention_at.get(dec.doc_id, []), dec.start, dec.end)
                    or dec.doc_id in whole and dec.date and sort_key(dec.date) >= since):
                continue
            when = dec.date or date(dec.doc_id)
            step = Step(date=when, kind="proposal" if dec.status in PROPOSED else "decision",
                        text=f"{dec.status}: {' '.join(dec.text.split())[:220]}", doc_id=dec.doc_id, page=dec.page,
                        actor=actor_name(dec.actor, dec.government) if dec.actor else None)
            (props if dec.status in PROPOSED else decs).append(step)
        rules = load_rules()
        covered: dict[str, list[tuple[int, int]]] = defaultdict(list)  # per document: the decisions' spans
        for d in mention_at:
            covered[d] = sorted((dec.start, dec.end) for dec in corpus.by_doc.get(d, ()))
        from_text: list[Step] = []
        for d, st, en, page in spans:  # in date order: the earliest proposals are the ones kept
            if len(_dedupe(from_text)) >= most:
                break
            if _inside(covered[d], st):
                continue
            sent = _sentence(text_of(d), st)
            if sent not in seen_text and rules["proposal_re"].search(sent) and not any(
                    p.doc_id == d and sent[:60] in p.text for p in (*props, *from_text)):
                from_text.append(Step(date=date(d), kind="proposal", text=sent, doc_id=d, page=page))
                seen_text.add(sent)
    props = spread(_dedupe(props + from_text), most)
    decs = spread(_dedupe(decs), most)
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
            text += f"  [proposal: {corpus.refs.get(r.via.doc_id, r.via.doc_id)} p.{r.via.page}: {r.via.text[:120]}]"
        rels.append(Step(date=r.when or ev.date, kind=kind, text=text, doc_id=ev.doc_id, page=ev.page))
    steps += sorted(props + decs + rels, key=lambda x: (sort_key(x.date or "9999"), x.kind != "proposal"))
    for st in steps:
        st.ref = corpus.refs.get(st.doc_id) if st.doc_id else None
    named = {st.doc_id for st in steps} | {d.doc_id for d in s.documents}
    refs = {d: corpus.refs[d] for d in named if d in corpus.refs}
    return Evolution(subject=s, steps=steps, outcome=_outcome(s, corpus.refs), refs=refs)


def takes(s: Subject, dec) -> bool:
    """Whether decision ``dec`` is taken by subject ``s``: its actor is the subject, or the kind of body the
    subject is of a government (``s.body``) with the decision of that government."""
    if s.body:
        return dec.actor == s.body and (not s.government or dec.government == s.government)
    return dec.actor == s.id


def spread(steps: list, most: int) -> list:
    """At most ``most`` of the date-ordered ``steps``: the earliest half and the latest (the outcome is last)."""
    if len(steps) <= most:
        return steps
    late = most // 2
    return steps[:most - late] + steps[-late:]


#: A name this short or a generic subject says too little to make a whole document about it.
ABOUT_MIN_LEN = 6


def about(s: Subject, docs) -> set[str]:
    """The documents whose title names subject ``s`` (its name or an alias as whole words): what they
    decide is about it even where a sentence does not repeat the name ("besluiten op het voorstel")."""
    if s.generic or s.label == "ORGAN":
        return set()
    names = [fold(n) for n in (s.name, *s.aliases) if len(n) >= ABOUT_MIN_LEN]
    found = set()
    for d in docs:
        title = f" {' '.join(re.findall(r'[0-9a-z]+', fold(d.title or '')))} "
        if any(f" {' '.join(re.findall(r'[0-9a-z]+', n))} " in title for n in names):
            found.add(d.doc_id)
    return found


def _holds_mention(mentions: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted (start, end) ``mentions`` lies within [start, end]."""
    i = bisect_left(mentions, (start, -1))
    return any(en <= end for st, en in mentions[i:i + 64] if st <= end) if i < len(mentions) else False


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of the sorted (start, end) ``spans``."""
    i = bisect_right(spans, (offset, float("inf")))
    return any(a <= offset < b for a, b in spans[max(0, i - 64):i])


def _dedupe(steps: list[Step]) -> list[Step]:
    out, seen = [], set()
    for st in sorted(steps, key=lambda x: (x.date or "9999", x.doc_id or "")):
        key = (st.doc_id, st.text[:80])
        if key not in seen:
            seen.add(key)
            out.append(st)
    return out


def _outcome(s: Subject, refs: dict[str, str]) -> str:
    ref = lambda doc_id: refs.get(doc_id, doc_id)  # noqa: E731
    by_type = defaultdict(list)
    for r in s.relations:
        by_type[r.type].append(r)
    parts = []
    if by_type["dissolved_into"]:
        r0 = by_type["dissolved_into"][0]
        parts.append(f"dissolved into {', '.join(r.target_name for r in by_type['dissolved_into'])} "
                     f"({r0.when or r0.evidence.date}, {ref(r0.evidence.doc_id)} p.{r0.evidence.page})")
    for key, word in (("replaced_by", "replaced by"), ("realized_as", "realised as"), ("diverged", "went to")):
        for r in by_type[key]:
            parts.append(f"{word} {r.target_name} ({r.evidence.date}, {ref(r.evidence.doc_id)} p.{r.evidence.page})")
    for r in by_type["ended"][-1:]:
        qual = "" if r.status == "stated" else f"{r.status}: "
        parts.append(f"{qual}ended ({r.when or r.evidence.date}, {ref(r.evidence.doc_id)} p.{r.evidence.page}: "
                     f"{r.evidence.text[:80]})")
    if not parts:
        parts.append(f"no outcome reported; last seen {s.last_seen or '?'} "
                     f"({ref(s.documents[-1].doc_id) if s.documents else '?'})")
    return "; ".join(parts)


def _sentence(text: str, offset: int) -> str:
    ls = text.rfind("\n", 0, offset) + 1
    le = text.find("\n", offset)
    le = len(text) if le < 0 else le
    for us, ue in units(text[ls:le]):
        if us <= offset - ls <= ue:
            return " ".join(text[ls + us:ls + ue].split())[:300]
    return " ".join(text[ls:le].split())[:300]
