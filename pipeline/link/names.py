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

from ..models import UNRESOLVED, Entity
from ..nlp.kb import FUZZY_LONG, FUZZY_MIN_LEN, fold, load_kb, slug, spaceless

_log = logging.getLogger(__name__)

_GROUPS = {"ORGAN": "org", "ORG": "org", "LAW": "law", "LOC": "loc", "PERSON": "person", "MONEY": "money"}
_FUNCTION = {"van", "voor", "en", "de", "het", "der", "den", "op", "in", "te", "ter", "ten", "tot", "met", "bij", "aan", "of"}
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


# One distinct mention form: (label, canonical, text, warnings). Linking depends on a mention only
# through its form and on the corpus only through how often each form occurs, so a corpus of any
# size is linked from its distinct forms (thousands) instead of its mentions (millions).
Form = tuple  # (label, canonical or None, text, tuple of warnings)
LINKED_LABELS = ("ORGAN", "ORG", "LAW", "PERSON")


def fill_canonical(label: str, canonical: str | None, text: str) -> str | None:
    """The canonical id linking starts from: the entity's own, else the slug of its text (not DATE/MONEY)."""
    if not canonical and label not in ("DATE", "MONEY"):
        return slug(text)
    return canonical


def link_entities(entities: list[Entity], drop_unresolved: bool = True) -> list[Entity]:
    """Unify canonical ids across all entity records of a corpus.

    Takes every ``Entity`` of every document and returns them (copies) with
    ``canonical`` filled and unified. Acronyms the component could not resolve and
    that no document of the corpus defines are dropped when ``drop_unresolved``.
    """
    keys = []
    forms: dict[Form, int] = {}
    for e in entities:
        key = (e.label, fill_canonical(e.label, e.canonical, e.text), e.text, tuple(e.warnings))
        keys.append(key)
        forms[key] = forms.get(key, 0) + 1
    outcome = link_forms(forms, drop_unresolved)
    result = []
    for e, key in zip(entities, keys):
        linked = outcome.get(key, (key[1], key[3]))
        if linked is not None:
            result.append(e.model_copy(update={"canonical": linked[0], "warnings": list(linked[1])}))
    return result


def link_forms(forms: dict[Form, int], drop_unresolved: bool = True) -> dict[Form, tuple[str, tuple[str, ...]] | None]:
    """Link the distinct mention forms of a corpus: form -> (canonical, warnings) after linking, or None
    for a form whose mentions are dropped (an acronym no document defines, when ``drop_unresolved``).

    ``forms`` maps each form (canonical already filled, see :func:`fill_canonical`) to its number of
    mentions, in the order of each form's first mention in the corpus (ties between equally good names
    go to the one seen first). Forms of other labels than ``LINKED_LABELS``, or without canonical, are
    left out of the answer: linking leaves them as they are.
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

    def node(label: str, canonical: str) -> str:
        return f"{_GROUPS.get(label, label)}:{canonical}"

    linked = [(f, n) for f, n in forms.items() if f[0] in LINKED_LABELS and f[1]]
    by_text: dict[tuple[str, str], set[str]] = defaultdict(set)
    names: dict[str, Counter] = defaultdict(Counter)  # node -> surface forms
    for (label, canonical, text, warnings), count in linked:
        n = node(label, canonical)
        uf.find(n)
        names[n][text] += count
        mentions[n] += count
        if _UNRESOLVED in warnings:
            acronym_nodes.add(n)
        if _UNRESOLVED in warnings or not known(canonical):
            by_text[(_GROUPS[label], spaceless(text))].add(n)

    # 1. the same surface form, minted differently in different documents
    for (_, _), nodes in by_text.items():
        nodes = sorted(nodes)
        for other in nodes[1:]:
            uf.union(nodes[0], other)
    # a surface form minted in one document and known to the KB in another
    kb_text: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (label, canonical, text, warnings), _ in linked:
        if label in ("ORGAN", "ORG", "LAW") and known(canonical) and _UNRESOLVED not in warnings:
            kb_text[(_GROUPS[label], spaceless(text))].add(node(label, canonical))
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
    keyed = _Keyed((n, spaceless(t)) for n in names if not n.startswith("person:") for t in names[n]
                   if not _is_acronym(t))
    for n in minted:
        group = n.split(":", 1)[0]
        for t in names[n]:
            k = spaceless(t)
            if len(k) < FUZZY_MIN_LEN or _is_acronym(t):
                continue
            budget = 1 if len(k) < FUZZY_LONG else 2
            close = {uf.find(m) for m in keyed.near(k, budget, group) if m != n}
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
    out: dict[Form, tuple[str, tuple[str, ...]] | None] = {}
    for form, _ in linked:
        label, canonical, text, warnings = form
        new = uf.find(node(label, canonical)).split(":", 1)[1]
        resolved = known(new) or not _is_acronym(text) or new != canonical or _UNRESOLVED not in warnings
        if new != canonical:
            _log.debug("%r: %s -> %s", text, canonical, new)
        if _UNRESOLVED in warnings:
            if resolved and new != fold(text):
                warnings = tuple(w for w in warnings if w != _UNRESOLVED)
            elif drop_unresolved:
                out[form] = None
                continue
        out[form] = (new, warnings)
    return out


class _Keyed:
    """(node, spaceless name) pairs, found by edit distance: those within ``budget`` edits of a key.

    Bucketed by group and length, so a lookup compares the key only with names of its group whose
    length is within the budget (the same pairs a scan of all names would accept)."""

    def __init__(self, pairs) -> None:
        self.buckets: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
        for n, k in pairs:
            self.buckets[(n.split(":", 1)[0], len(k))].append((n, k))

    def near(self, key: str, budget: int, group: str) -> list[str]:
        out = []
        for length in range(len(key) - budget, len(key) + budget + 1):
            for m, mk in self.buckets.get((group, length), ()):
                if Levenshtein.distance(key, mk, score_cutoff=budget) <= budget:
                    out.append(m)
        return out
