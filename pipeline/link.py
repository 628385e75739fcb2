"""Across documents: one canonical id per organisation, body, law and person (issue 4).

The entity component gives every span a canonical id from the knowledge base, or,
for names the KB does not know, an id minted from the document itself (the slug of
a defined long form, or the lower-cased acronym of an undefined abbreviation).
:func:`link_entities` unifies the minted ids over a whole corpus:

* the same surface form minted differently in two documents ("OVX" defined in one,
  used bare in another) becomes one id;
* an acronym and a name whose initials spell it ("VTT" / "Veilig Thuis Twente");
* fuzzy name variants (rapidfuzz, same budget as :meth:`KnowledgeBase.fuzzy`);
* persons: "mevrouw Vos" joins the one "T. Vos" of the corpus.

KB ids are anchors: two different KB ids are never merged, so "Twenteraad" and
"Twente Beraad", or "het college" read as Gedeputeerde Staten in one document and
as the college van B&W in another, stay apart.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict

from rapidfuzz.distance import Levenshtein

from pipeline.models import Entity
from pipeline.nlp.kb import FUZZY_LONG, FUZZY_MIN_LEN, fold, load_kb, slug, spaceless

_log = logging.getLogger(__name__)

_GROUPS = {"ORGAN": "org", "ORG": "org", "LAW": "law", "LOC": "loc", "PERSON": "person", "MONEY": "money"}
_FUNCTION = {"van", "voor", "en", "de", "het", "der", "den", "op", "in", "te", "ter", "ten", "tot", "met", "bij", "aan", "of"}
UNRESOLVED = "unresolved_abbreviation"  # warning on an acronym no document defines (yet)
_UNRESOLVED = UNRESOLVED


class _Union:
    """Union-find over ``group:canonical`` nodes; a set's root is its best name."""

    def __init__(self, anchored, rank) -> None:
        self.parent: dict[str, str] = {}
        self.anchored = anchored
        self.rank = rank

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.anchored(ra) and self.anchored(rb):
            return False  # two KB ids stay two things
        if self.rank(rb) > self.rank(ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


def _is_acronym(text: str) -> bool:
    t = text.replace("'s", "").replace("\u2019s", "")
    return 2 <= len(t) <= 7 and t[0].isupper() and sum(c.isupper() for c in t) >= 2 and t.isalnum()


def _initials(text: str, keep_function_words: bool = False) -> str:
    words = [w for w in re.findall(r"[\w\u00C0-\u017F]+", text)]
    content = [w for w in words if keep_function_words or fold(w) not in _FUNCTION]
    return "".join(fold(w)[0] for w in content if w)


def link_entities(entities: list[Entity], drop_unresolved: bool = True) -> list[Entity]:
    """Unify canonical ids across all entity records of a corpus.

    Takes every ``Entity`` of every document and returns them (copies) with
    ``canonical`` filled and unified. Acronyms the component could not resolve and
    that no document of the corpus defines are dropped when ``drop_unresolved``.
    """
    kb = load_kb()
    known = kb.is_known
    mentions: Counter = Counter()
    acronym_nodes: set[str] = set()

    def rank(n: str) -> tuple:
        # a KB id first, then a name over a bare acronym, a person's id with an initial,
        # then the most mentioned, then the shortest
        with_initial = n.startswith("person:") and bool(re.search(r"_[a-z]$", n))
        return (known(n.split(":", 1)[1]), n not in acronym_nodes, with_initial, mentions[n], -len(n))

    uf = _Union(lambda x: known(x.split(":", 1)[1]), rank)

    def node(e: Entity) -> str:
        return f"{_GROUPS.get(e.label, e.label)}:{e.canonical}"

    out = [e.model_copy(deep=True) for e in entities]
    for e in out:
        if not e.canonical and e.label not in ("DATE", "MONEY"):
            e.canonical = slug(e.text)

    by_text: dict[tuple[str, str], set[str]] = defaultdict(set)
    names: dict[str, Counter] = defaultdict(Counter)  # node -> surface forms
    for e in out:
        if e.label not in ("ORGAN", "ORG", "LAW", "PERSON") or not e.canonical:
            continue
        n = node(e)
        uf.find(n)
        names[n][e.text] += 1
        mentions[n] += 1
        if _UNRESOLVED in e.warnings:
            acronym_nodes.add(n)
        if _UNRESOLVED in e.warnings or not known(e.canonical):
            by_text[(_GROUPS[e.label], spaceless(e.text))].add(n)

    # 1. the same surface form, minted differently in different documents
    for (_, _), nodes in by_text.items():
        nodes = sorted(nodes)
        for other in nodes[1:]:
            uf.union(nodes[0], other)
    # a surface form minted in one document and known to the KB in another
    kb_text: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in out:
        if e.label in ("ORGAN", "ORG", "LAW") and known(e.canonical) and _UNRESOLVED not in e.warnings:
            kb_text[(_GROUPS[e.label], spaceless(e.text))].add(node(e))
    for key, nodes in by_text.items():
        targets = kb_text.get(key, set())
        if len(targets) == 1:
            for n in nodes:
                uf.union(next(iter(targets)), n)

    # 2. acronym <-> a name whose initials spell it
    org_nodes = [n for n in names if n.startswith("org:")]
    expansions: dict[str, set[str]] = defaultdict(set)
    for n in org_nodes:
        for text in names[n]:
            if not _is_acronym(text) and len(text.split()) >= 2:
                expansions[_initials(text)].add(n)
                expansions[_initials(text, keep_function_words=True)].add(n)
    for n in org_nodes:
        if known(n.split(":", 1)[1]):
            continue
        for text in names[n]:
            if _is_acronym(text):
                key = fold(text.replace("'s", ""))
                cands = {uf.find(x) for x in expansions.get(key, set())} - {uf.find(n)}
                if len(cands) == 1:
                    uf.union(cands.pop(), n)

    # 3. fuzzy variants of minted names
    minted = [n for n in names if not known(n.split(":", 1)[1]) and not n.startswith("person:")]
    keyed = [(n, spaceless(t)) for n in names if not n.startswith("person:") for t in names[n] if not _is_acronym(t)]
    for n in minted:
        group = n.split(":", 1)[0]
        for t in names[n]:
            k = spaceless(t)
            if len(k) < FUZZY_MIN_LEN or _is_acronym(t):
                continue
            budget = 1 if len(k) < FUZZY_LONG else 2
            close = {uf.find(m) for m, mk in keyed if m != n and m.split(":", 1)[0] == group
                     and abs(len(mk) - len(k)) <= budget and Levenshtein.distance(k, mk, score_cutoff=budget) <= budget}
            close -= {uf.find(n)}
            if len(close) == 1:
                uf.union(close.pop(), n)

    # 4. persons: a surname without initial joins the one person of that surname
    persons = [n for n in names if n.startswith("person:")]
    by_surname: dict[str, set[str]] = defaultdict(set)
    for n in persons:
        cid = n.split(":", 1)[1]
        if re.search(r"_[a-z]$", cid):
            by_surname[cid[:-2]].add(n)
    for n in persons:
        cid = n.split(":", 1)[1]
        if not re.search(r"_[a-z]$", cid) and len(by_surname.get(cid, ())) == 1:
            uf.union(next(iter(by_surname[cid])), n)

    # representative id of each set: the KB id, else the longest name's id
    result = []
    for e in out:
        if e.label in ("ORGAN", "ORG", "LAW", "PERSON") and e.canonical:
            root = uf.find(node(e))
            new = root.split(":", 1)[1]
            resolved = known(new) or not _is_acronym(e.text) or new != e.canonical or _UNRESOLVED not in e.warnings
            if new != e.canonical:
                _log.debug("%s %r: %s -> %s", e.doc_id, e.text, e.canonical, new)
                e.canonical = new
            if _UNRESOLVED in e.warnings:
                if resolved and new != fold(e.text):
                    e.warnings = [w for w in e.warnings if w != _UNRESOLVED]
                elif drop_unresolved:
                    continue
        result.append(e)
    return result
