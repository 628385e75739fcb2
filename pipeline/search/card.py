"""The subject card: what a named subject is and how it appears over time.

:func:`subject_card` builds it for the longest known name in a query, from the alias groups
(:mod:`pipeline.link.aliases`), the passages of the index that name any of its forms, the dated decisions
whose actor or text names it, and the subject's lineage (:mod:`pipeline.link.evolution`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from ..link.aliases import AliasGroup, alias_table, fold

if TYPE_CHECKING:
    from .engine import Concept

LABEL_WORDS = {"ORGAN": "bestuursorgaan", "ORG": "organisatie", "LAW": "wet of regeling", "PERSON": "persoon",
               "LOC": "gebied"}


class CardDocument(BaseModel):
    doc_id: str
    title: str
    date: str | None
    doc_type: str
    pages: list[int]


class CardEvent(BaseModel):
    date: str
    what: str
    status: str
    actor: str | None = None
    actor_name: str | None = None  # the actor with its government ("gemeenteraad Den Helder")
    doc_id: str
    page: int
    sources: int = 1
    government: str | None = None  # whose event it is ("Den Helder"): the actor's, else its document's
    ref: str | None = None  # its document's reference as people read it ("besluitenlijst Den Helder 2015-06-29")


class Card(BaseModel):
    """A subject (body, organisation, programme, law) the query names, with its trail through the corpus."""

    key: str
    name: str
    label: str
    kind: str  # "organisatie", "bestuursorgaan (replaced ...)": label in words, with the KB's note
    what: str  # a sentence of the corpus that says what it is
    what_source: str = ""  # doc_id of that sentence
    forms: list[str]
    first_seen: str | None = None
    last_seen: str | None = None
    documents: list[CardDocument] = Field(default_factory=list)
    events: list[CardEvent] = Field(default_factory=list)
    outcome: str = ""  # what became of it, from the subject's lineage ("replaced by Twente Beraad (...)")


def subject_card(folder: Path, query: str) -> Card | None:
    """The card of the subject ``query`` names (its longest known name in the query), or None.

    Built from the alias groups (knowledge base, store entities, corpus abbreviations), the passages
    that name any of its forms, and the dated decisions whose actor or text names it."""
    from .engine import clean_query, split_intent

    text = clean_query(query)
    if not text:
        return None
    words, _ = split_intent(text)
    table = alias_table(folder)
    found = [(g, form) for g, form in table.find(words) if g.kind != "type"]
    if not found:
        return None
    group, _form = max(found, key=lambda gf: (len(gf[1]), len(gf[0].forms), gf[0].source == "kb"))
    key = (str(folder), _generation(folder), group.key)
    with _CARDS_LOCK:  # the web page's requests run in threads
        if key in _CARDS:  # the same subject again before a build commits: the same card
            _CARDS.move_to_end(key)
            return _CARDS[key]
    card = _make_card(folder, group)
    with _CARDS_LOCK:
        _CARDS[key] = card
        while len(_CARDS) > 256:
            _CARDS.popitem(last=False)
    return card


_CARDS: OrderedDict[tuple, Card | None] = OrderedDict()
_CARDS_LOCK = threading.Lock()


def _generation(folder) -> tuple:
    """Changes when a build commits to the index or the store in ``folder``."""
    from . import backend_for

    return backend_for(folder).generation(folder)


def _make_card(folder, group: AliasGroup) -> Card | None:
    from .engine import TOKENS, add_text, Concept

    places: dict[str, dict] = {}
    concept = Concept(1.0)
    for form in group.forms:
        add_text(concept, form, TOKENS)
    first_passage = None
    for f in _passages_naming(folder, group.forms):
        place = places.setdefault(f["doc_id"], {"title": f.get("title", ""), "date": f.get("date") or None,
                                              "doc_type": f.get("doc_type", ""), "pages": set()})
        place["pages"].add(f.get("page", 1))
        key = (f.get("date") or "9999", f.get("passage_no", 0))
        if first_passage is None or key < first_passage[0]:
            first_passage = (key, f)
    if not places:
        return None
    what, what_source = _describe(group, first_passage[1] if first_passage else None, concept)
    dates = sorted(p["date"] for p in places.values() if p["date"])
    docs = sorted((CardDocument(doc_id=d, title=p["title"], date=p["date"], doc_type=p["doc_type"],
                                pages=sorted(p["pages"])) for d, p in places.items()),
                  key=lambda c: (c.date or "9999", c.doc_id))
    kind = LABEL_WORDS.get(group.label, "onderwerp") + (f" ({group.note})" if group.note else "")
    card = Card(key=group.key, name=group.name, label=group.label, kind=kind, what=what, what_source=what_source,
                forms=group.forms, first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
                documents=docs, events=_card_events(folder, group, places))
    _add_lineage(folder, card)
    _add_references(folder, card)
    return card


def _add_references(folder, card: Card) -> None:
    """Each event's document reference, and its government where the decision had none (its document's)."""
    from ..link.references import references
    from ..store import open_store, store_exists

    if not card.events or not store_exists(folder):
        return
    with open_store(folder) as store:
        docs = store.documents()
    refs, govs = references(docs), {d.doc_id: d.government for d in docs}
    for e in card.events:
        e.ref = e.ref or refs.get(e.doc_id)
        e.government = e.government or govs.get(e.doc_id)


def _add_lineage(folder: Path, card: Card) -> None:
    """Other names, key events and outcome from the subject's evolution (``pipeline.link.evolution``), if it has one."""
    from ..link.evolution import UnknownSubject, evolution

    for name in (card.key, card.name):
        try:
            account = evolution(folder, name)
        except (UnknownSubject, FileNotFoundError, LookupError):
            continue
        if fold(account.subject.name) != fold(card.name) and account.subject.id != card.key:
            continue  # a fuzzy match to another subject: not this card's
        card.forms = list(dict.fromkeys([*card.forms, *account.subject.aliases]))
        lineage = [CardEvent(date=st.date or "", what=st.text, status=st.kind, doc_id=st.doc_id or "",
                             page=st.page or 1, actor_name=st.actor, ref=st.ref)
                   for st in account.steps if st.kind != "first mention"]
        if lineage:
            card.events = lineage
        card.outcome = account.outcome
        return


def _describe(group: AliasGroup, passage: dict | None, concept: Concept) -> tuple[str, str]:
    from .engine import MARK_OPEN, Matcher

    if passage:
        snippet, _, _ = Matcher([concept]).snippet(passage.get("text", ""), "what")
        return snippet.replace(MARK_OPEN, ""), passage["doc_id"]
    return group.name, ""


def _passages_naming(folder, forms: list[str]) -> list[dict]:
    """The stored fields of every passage that names one of ``forms``."""
    from . import backend_for

    return backend_for(folder).passages_naming(folder, forms)


def _card_events(folder: Path, group: AliasGroup, named_in, most: int = 20) -> list[CardEvent]:
    from ..link.evolution import corpus_of
    from ..store import open_store, store_exists
    from ..link.timeline import events

    if not store_exists(folder):
        return []
    forms = [f" {fold(f)} " for f in group.forms]
    with open_store(folder) as store:
        corpus = corpus_of(folder, store)  # kept per store generation
    # Decisions taken by it, or in a document that names it whose text names it
    candidates = {id(d): d for doc_id in named_in for d in corpus.by_doc.get(doc_id, ())}
    candidates.update({id(d): d for d in corpus.by_actor.get(group.key, ())})
    decisions = [d for d in sorted(candidates.values(), key=lambda d: (d.doc_id, d.start))
                 if d.actor == group.key or any(f in f" {fold(d.actor_text or '')} {fold(d.text)} " for f in forms)]
    out = []
    for ev in events(decisions)[:most]:
        src = ev.sources[0]
        out.append(CardEvent(date=ev.date, what=ev.what, status=ev.status, actor=ev.actor, actor_name=ev.actor_name,
                             doc_id=src.doc_id, page=src.page, sources=len(ev.sources), government=ev.government,
                             ref=src.ref))
    return out
