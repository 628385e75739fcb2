"""query -> ranked passages grouped per document, with answer-bearing snippets, filters and facets.

What a query goes through:

1. ``clean_query``: control characters, unbalanced quotes/brackets and lone wildcards go.
2. Question words ("wanneer", "wie", "hoeveel", ...) are taken out of the words to match and kept
   as the *intent*: the kind of answer the snippet should show (a date, a body or person, a number).
3. Whoosh parses the rest (phrases, AND/OR/NOT, field:value) over text, title and entity names.
4. Each word is widened (``_expand``): names with their aliases and abbreviations (knowledge base,
   store entities, abbreviations defined in the corpus: see ``aliases``), compound and spacing
   variants ("Twentebedrijf" = "Twente Bedrijf"), "WGR+" = "Wgr-plus", and, for words the index
   does not know (nor the Dutch dictionary: see ``index.compounds``), the nearest words of the index
   (typos); a compound's words written apart and the index's compounds and identifiers that hold a
   word ("afvalinzameling" / "inzameling van afval", "001234" -> "PS23-001234"). Variants weigh less
   than what was typed.
5. Passages are ranked by BM25F, re-weighed by how much of the query they hold (in the passage and
   in one sentence; a name in the form typed counts more than another name of it) and whether a
   sentence answers the question word, grouped per document (documents ranked by their best
   passages; ``limit`` counts documents, each with its best passages and how many more match);
   each gets the sentence that answers best as its snippet, terms marked ``**like this**``.

Speed: each index stays open between searches until a build commits (``index_state``), and Whoosh scores
each term or phrase once per index generation; AND/OR/NOT are then array operations (``postings.Scores``).
"Did you mean" looks words up in the term dictionary (``_suggest``): the index has no spelling graph.
Threads search side by side, each with a searcher of its own over the same segments. A page of results
(``shown``) re-weighs passages best bound first and stops when no document left can reach the page
(``group_rows``): the same documents in the same order as re-weighing all of them, for a fraction of the
work; snippets are made for the passages shown only. A search stops widening, scoring and re-weighing at
its time budget (``SEARCH_BUDGET_S``; the web app passes less) and says so in ``notes``.
"""

from __future__ import annotations

import copy
import heapq
import logging
import os
import re
import threading
import time
import unicodedata
from collections import OrderedDict, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache, partial, reduce
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from spacy.lang.nl.stop_words import STOP_WORDS as DUTCH_STOP_WORDS
from whoosh import sorting
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.searching import Searcher
from whoosh.query import (And, AndNot, MultiTerm, Not, NullQuery, NumericRange, Or, Phrase, Regex, Term, TermRange,
                          Variations, Wildcard)

from ..link.aliases import AliasGroup, AliasTable, alias_table, fold  # noqa: F401  (AliasGroup, fold: re-exported)
from .card import LABEL_WORDS, Card, CardDocument, CardEvent, subject_card  # noqa: F401  (moved; old home)
from . import postings, wordforms
from ..index import compounds
from ..index.writer import has_government, index_dir, open_existing
from .postings import AllScores as _AllScores  # noqa: F401  (tests compare with it)
from .postings import Postings, Scores
from .snippets import (  # noqa: F401  (MARK_*, SNIPPET_*: re-exported for the web layer, card and tests)
    TOKENS, MARK_CLOSE, MARK_OPEN, SNIPPET_CHARS, SNIPPET_MAX_CHARS, Matcher, analysis_key, analyzed_stems,
    signature_words,
    item_answer, outcome_words, plain_fold, continuation, SNIPPET_MIN_CHARS,
)
from ..nlp.dates import load_lexicon as load_date_lexicon
from ..store import store_signature

_log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 500
FIELDS = ("text", "title", "names")
FIELD_BOOSTS = {"text": 1.0, "title": 0.5, "names": 1.2}
# Question words: not matched, but they say what the answer looks like.
INTENTS = {"wanneer": "date", "sinds": "date", "hoelang": "date", "wie": "actor", "welke": "actor",
           "welk": "actor", "hoeveel": "number", "wat": "what", "waarom": "what", "hoe": "what", "waar": "what"}
WHICH_NOUNS = {**dict.fromkeys(("datum", "dag", "jaar", "maand", "week", "periode", "moment", "tijdstip", "termijn"), "date"),
               **dict.fromkeys(("bedrag", "aantal", "percentage", "hoeveelheid", "prijs", "omvang"), "number")}
# "hoe breed", "welke afstand": a measure, answered by a number (the noun is a word of the question too)
HOW_MEASURES = frozenset(("breed", "lang", "groot", "hoog", "diep", "ver", "zwaar", "oud", "duur", "dik", "klein",
                          "veel", "vaak", "hard", "snel"))
WHICH_MEASURES = frozenset(("afstand", "breedte", "hoogte", "lengte", "diepte", "oppervlakte", "oppervlak", "grootte",
                            "afmeting", "afmetingen", "maat", "maten", "capaciteit", "vermogen", "snelheid", "inhoud"))
# How much a variant of a query word weighs against the word itself.
WEIGHT_ALIAS, WEIGHT_COMPOUND, WEIGHT_FORM, WEIGHT_FUZZY = 0.9, 0.8, 0.7, 0.6
WEIGHT_PART = 0.4  # one part of a hyphenated compound typed ("conferentie" of "conferentie-uitkomsten")
# A compound or identifier of the index that holds the word typed: as its last part ("afvalinzameling" for
# "inzameling": a kind of it) or elsewhere ("afvalinzameling" for "afval", "ps23-001234" for "ps23").
WEIGHT_IN_COMPOUND, WEIGHT_IN_COMPOUND_FRONT = 0.5, 0.3
SORTS = ("relevance", "date", "date_asc")
MAX_ALIAS_FORMS = 6  # other names searched per name in the query (each is a phrase query: they cost)


class QueryError(ValueError):
    """A query that cannot be answered, with a sentence saying why."""


class Hit(BaseModel):
    doc_id: str
    page: int
    date: str | None
    score: float
    snippet: str
    title: str = ""
    doc_type: str = ""
    passage_no: int = 0
    bodies: list[str] = Field(default_factory=list)
    orgs: list[str] = Field(default_factory=list)
    # the document's context: its meeting (body id, ISO date) and government, when it has them
    meeting_body: str | None = None
    meeting_date: str | None = None
    government: str | None = None


class DocGroup(BaseModel):
    """The matching passages of one document, best first."""

    doc_id: str
    title: str
    date: str | None
    doc_type: str
    score: float
    bodies: list[str] = Field(default_factory=list)
    hits: list[Hit] = Field(default_factory=list)
    more: int = 0  # passages of this document that match besides the ones shown


class FacetCount(BaseModel):
    """A facet's value and how many documents have it; frozen, so that one instance serves every answer
    that counts the same (``facet_count``)."""

    model_config = ConfigDict(frozen=True)

    value: str
    count: int  # documents with a matching passage


@lru_cache(maxsize=16384)
def facet_count(value: str, count: int) -> FacetCount:
    """``FacetCount(value=value, count=count)``, made once: an answer has some 80 of them, mostly the same."""
    return FacetCount(value=value, count=count)


class SearchResult(BaseModel):
    query: str
    total: int  # passages that match
    documents: int = 0  # documents with a passage that matches
    hits: list[Hit]
    suggestion: str | None = None
    groups: list[DocGroup] = Field(default_factory=list)
    facets: dict[str, list[FacetCount]] = Field(default_factory=dict)
    intent: str | None = None
    also: list[str] = Field(default_factory=list)  # other names searched for
    notes: list[str] = Field(default_factory=list)  # what was left out to answer in time (Dutch)
    # every document with a matching passage (for counts over all of them; not part of the JSON): a list,
    # or a ``DocNames`` that names them when read (a common word matches thousands of documents)
    matching: Any = Field(default_factory=list, exclude=True, repr=False)


def clean_query(query: str) -> str:
    """Strip control characters, balance quotes and cap the length of a user's query."""
    query = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in compounds.fold_dashes(query))
    query = " ".join(query.split())[:MAX_QUERY_CHARS]
    if query.count('"') % 2:
        query = query.replace('"', " ")
    if query.count("(") != query.count(")"):
        query = query.replace("(", " ").replace(")", " ")
    query = re.sub(r"(^|\s)[*?]+(?=\s|$)", " ", query)  # a lone wildcard matches everything
    return " ".join(query.split())


def split_intent(text: str) -> tuple[str, str | None]:
    """(the query without its question words, the intent: date/actor/number/what or None).

    "welke" asks for a body or a person, unless a word like "datum" or "bedrag" follows it ("op welke
    datum", "welk bedrag"): then for a date or a number, and that word is part of the question too."""
    intent, kept, quoted, which, how = None, [], False, False, False
    for word in text.split(" "):
        bare = word.strip("?!.,").casefold()
        if how and not quoted and bare in HOW_MEASURES:
            intent = "number"  # "hoe breed is de zone": a size, its number
        elif which and not quoted and bare in WHICH_MEASURES:
            intent = "number" if intent in (None, "actor") else intent
            kept.append(word.rstrip("?"))  # "welke afstand": the text says "een afstand van 100 meter"
        elif which and not quoted and bare in WHICH_NOUNS:
            intent = WHICH_NOUNS[bare] if intent in (None, "actor") else intent
        elif not quoted and bare in INTENTS:
            intent = intent or INTENTS[bare]
        elif not quoted and '"' not in word and wordforms.is_auxiliary(bare):
            pass  # "zou", "moeten": the question's grammar
        elif not quoted and intent == "actor" and bare in signature_words()["signing"]:
            intent = "signer"  # "wie heeft ... ondertekend": the names under the document
        else:
            kept.append(word.rstrip("?") if not quoted else word)
        which = not quoted and bare in ("welke", "welk")
        how = not quoted and bare == "hoe"
        quoted ^= word.count('"') % 2 == 1
    rest = " ".join(w for w in kept if w)
    if intent is None:
        # a query of keywords that names what it wants: "fietsbrug Joure budget", "voorstel Peperstraat uitslag"
        intent = next((ANSWER_NOUNS[b] for b in (w.strip('?!.,"').casefold() for w in kept) if b in ANSWER_NOUNS), None)
    if intent in (None, "what") and any(plain_fold(w.strip('?!.,"')) in outcome_words()["question"] for w in kept):
        intent = "outcome"  # "wat besloot de raad over ...", "is de motie ... aangenomen?": the item's outcome
    return (rest, intent) if rest.strip(' "') else (text, None)


#: The words that say a number counts what follows them ("hoeveel woningen", "het aantal zienswijzen").
COUNT_WORDS = frozenset(("hoeveel", "aantal"))
COUNT_STOPS = frozenset(("langs", "per"))  # prepositions spaCy's Dutch stop words lack
COUNTED_MAX = 3  # the counted thing: at most this many words after the count word


def counted_stems(text: str) -> frozenset[str]:
    """The index terms of what a question counts: the words after "hoeveel" or "aantal" up to a
    verb, a stop word or ``COUNTED_MAX`` words ("Hoeveel aaneengesloten woningen maakt ..." ->
    aaneengeslot, woning). A number that stands before them answers it ("15 aaneengesloten woningen"),
    not one inside a name ("Wijziging 1")."""
    words = [w.strip('?!.,"():;').casefold() for w in text.split()]
    out: set[str] = set()
    for n, word in enumerate(words):
        if word not in COUNT_WORDS and not (word == "veel" and n and words[n - 1] == "hoe"):
            continue
        for nxt in words[n + 1:n + 1 + COUNTED_MAX]:
            if not nxt or nxt in COUNT_STOPS or nxt in DUTCH_STOP_WORDS or wordforms.is_auxiliary(nxt) \
                    or wordforms.is_light(nxt):
                break
            stems = analyzed_stems(TOKENS, nxt)
            if not stems:  # a stop word ("er", "de"): what is counted has been named
                break
            out.update(stems)
    return frozenset(out)


#: a noun in a query of keywords that says what answer it wants ("Joure fietsbrug budget": an amount)
ANSWER_NOUNS = {**dict.fromkeys(("bedrag", "budget", "kosten", "krediet", "prijs", "oppervlakte", "aantal"), "number"),
                **dict.fromkeys(("datum",), "date"),
                **dict.fromkeys(("uitslag", "stemuitslag", "uitkomst"), "outcome")}


# Passages shown per document, so one long document cannot fill the whole list (None: no cap).
PER_DOC = 3
MIN_POOL = 20  # passages re-weighed at least (see `group_rows`)
MIN_SPARE_DOCS = 4  # documents re-weighed besides the ones shown (more for a longer list: half as many)
COVERAGE_FLOOR = 0.4  # a passage's score times this much at least, more for the share of the query it holds
ANSWER_BOOST = 0.5  # and up to 1 + this for holding the answer a question word asks for (a date for "wanneer")
DOC_COVERAGE_FLOOR = 0.0  # a document's score times this at least, more for the share of the query its passages hold
MORE_PASSAGES = 0.2  # a document's 2nd and 3rd best passages add this share of their scores to its best


class WhooshSearch:
    """The embedded backend: the Whoosh index in an index folder, scored on numpy arrays (``postings``)."""

    def search(self, folder: Path, text: str, words: str, intent: str | None, limit: int, *,
               doc_type=None, body=None, organisation=None, year_from=None, year_to=None,
               date_from=None, date_to=None, sort="relevance", facets=False, per_doc=None,
               government=None, shown=None, budget=None) -> SearchResult:
        """``pipeline.search.search`` once the query is checked and its question word split off."""
        return _search_index(folder, text, words, intent, limit, doc_type, body, organisation, year_from, year_to,
                             date_from, date_to, sort, facets, per_doc, government, shown, budget)

    def passages_naming(self, folder: Path, forms: list[str]) -> list[dict]:
        """The stored fields of every passage that names one of ``forms`` (phrases)."""
        with index_state(folder) as state, state.lock:  # the searchers search() keeps open between queries
            q = Or([p for p in (phrase_query(f, state.searcher.schema, 1.0) for f in forms) if p is not None])
            _, hit = state.scores.evaluate(q, state.searcher)  # search's arrays: no scoring loop per passage
            return [state.searcher.stored_fields(int(n)) for n in np.flatnonzero(hit)]

    def generation(self, folder: Path) -> tuple:
        """Changes when a build commits to the index or the store in ``folder``."""
        return index_signature(folder), store_signature(folder)


def _search_index(folder, text, words, intent, limit, doc_type, body, organisation, year_from, year_to,
                  date_from, date_to, sort, facets, per_doc, government=None, shown=None, budget=None) -> SearchResult:
    table = alias_table(folder)
    with index_state(folder) as state:  # kept open until this search ends, whatever a build commits meanwhile
        # an index written before the government field was indexed: no government filter or facet here
        # (the web's results.py then counts governments from the store)
        government = government if has_government(state.searcher.schema) else None
        filt = _filter(table, doc_type, body, organisation, year_from, year_to, date_from, date_to, government)
        return _search_state(state, text, words, intent, limit, filt, table, sort, facets, per_doc, shown, budget)


def _search_state(state, text, words, intent, limit, filt, table, sort, facets, per_doc, shown, budget) -> SearchResult:
    started = time.perf_counter()  # the budget is for this query, not for opening the index
    deadline = started + (SEARCH_BUDGET_S if budget is None else budget)
    # each thread has its own searcher (``_IndexState.searcher``): searches run side by side
    if len(state.memo) > 50_000:
        state.memo.clear()
    searcher = state.searcher
    q = state.memo.get(("parse", words))
    if q is None:
        q = state.memo[("parse", words)] = _parse(state.parser, words)
    late: list[str] = []  # what was left out for time, said once in ``notes``
    expanded, also, concepts = _expand(q, words, searcher, table, state.memo, deadline=deadline, late=late)
    notes: list[str] = []
    expanded = bounded(expanded, searcher.reader(), notes, deadline=deadline)
    # the best passages of somewhat more documents than shown, re-weighed by their sentences
    rows, total, facet_counts, counts, documents, matching = _run(
        searcher, expanded, max(limit * 2, MIN_POOL), filt, facets, state,
        docs=limit + max(limit // 2, MIN_SPARE_DOCS), per_doc=PER_DOC, load=partial(state.stored_fields, searcher),
        deadline=deadline, late=late, concepts=concepts, intent=intent)
    suggestion = _suggest(searcher, words, state, deadline) if time.perf_counter() < deadline else None
    if late:
        notes.append(TIME_NOTE)
    if intent == "signer":
        rows = rows + _signature_rows(state, searcher, rows, limit)
    matcher = Matcher(concepts, counted=counted_stems(text) if intent == "number" else frozenset())
    # only the first ``limit`` documents are returned: re-weighed best bound first, the rest left once none
    # of them can reach the page (``group_rows``: the same documents in the same order as re-weighing all)
    ceiling = _held_at_most(matcher, rows, state, searcher) if shown is not None and sort == "relevance" else None
    groups = group_rows(rows, matcher, intent, limit, sort, per_doc, counts, shown=limit if shown is None else shown,
                        deadline=deadline, notes=notes, held_at_most=ceiling,
                        following=partial(_following, state, searcher))
    hits = [h for g in groups for h in g.hits]
    return SearchResult(query=text, total=total, documents=documents if documents is not None else len(groups),
                        hits=hits, suggestion=suggestion, groups=groups, facets=facet_counts, intent=intent, also=also,
                        notes=notes, matching=matching if matching is not None else [])


#: Seconds a search may take in all before it answers with what it has and a note (``TIME_NOTE``): widening
#: the words, scoring them and re-weighing passages each stop at this deadline, so one expensive query
#: cannot hold up the others for long. The web app passes a tighter budget (``pipeline.web.SEARCH_BUDGET_S``).
SEARCH_BUDGET_S = 2.0


#: Wildcards, prefixes, fuzzy words and ranges a query may hold; the rest are left out (with a note).
MAX_PATTERNS = 8
#: Index words one of them may stand for (the first in the index's order).
MAX_EXPANSIONS = 64
#: Seconds all of them together may spend looking through the index's words.
PATTERN_BUDGET_S = 0.3


def bounded(q, reader, notes: list[str], deadline: float | None = None):
    """``q`` with each wildcard, prefix, fuzzy word or range replaced by the index words it stands for,
    at most ``MAX_EXPANSIONS`` each and ``MAX_PATTERNS`` per query within ``PATTERN_BUDGET_S`` seconds;
    what is left out is said in ``notes``, so an expensive query answers in part instead of stalling."""
    deadline = min(time.perf_counter() + PATTERN_BUDGET_S, deadline or float("inf"))
    done = {"patterns": 0, "capped": 0, "dropped": 0}

    def expand(node):
        if done["patterns"] >= MAX_PATTERNS or time.perf_counter() > deadline:
            done["dropped"] += 1
            return NullQuery
        done["patterns"] += 1
        field = node.field()
        terms = []
        try:
            for btext in _pattern_words(node, reader, deadline, done):
                if len(terms) >= MAX_EXPANSIONS:
                    done["capped"] += 1
                    break
                terms.append(Term(field, reader.schema[field].from_bytes(btext), boost=node.boost))
        except Exception:  # noqa: BLE001 - a field without words or an unusable pattern matches nothing
            return NullQuery
        return Or(terms) if len(terms) > 1 else (terms[0] if terms else NullQuery)

    def walk(node):
        if isinstance(node, MultiTerm) and not isinstance(node, Variations):
            return expand(node)
        return node.apply(walk)

    out = walk(q)
    if done["dropped"]:
        notes.append(f"{done['dropped']} jokertekens of voorvoegsels zijn niet gezocht (hoogstens {MAX_PATTERNS} "
                     "per zoekvraag); maak de vraag nauwer")
    if done["capped"]:
        notes.append(f"een jokerteken staat voor meer woorden dan gezocht zijn (hoogstens {MAX_EXPANSIONS}); "
                     "de uitkomst is onvolledig")
    return out


def _pattern_words(node, reader, deadline: float, done: dict):
    """The index words (bytes) a wildcard, prefix, fuzzy word or range stands for, looked for until
    ``deadline`` (``done["capped"]`` counts a pattern cut short): a wildcard that starts with one scans
    the whole word list, so the deadline is checked as the list is read, not only at each word found."""
    if isinstance(node, (Wildcard, Regex)):  # Whoosh's own scan, with the deadline in it
        field = reader.schema[node.fieldname]
        pattern = re.compile(node._get_pattern())
        prefix = node._find_prefix(node.text)
        words = reader.expand_prefix(node.fieldname, prefix) if prefix else reader.lexicon(node.fieldname)
        for n, btext in enumerate(words):
            if n % 512 == 0 and time.perf_counter() > deadline:
                done["capped"] += 1
                return
            if pattern.match(field.from_bytes(btext)):
                yield btext
        return
    for n, (_, btext) in enumerate(node.expanded_terms(reader)):
        if n % 256 == 0 and time.perf_counter() > deadline:
            done["capped"] += 1
            return
        yield btext


# -- what is kept of an index between searches ---------------------------------------------------
class _IndexState:
    """One index's open searchers, parser and per-word look-ups, kept between searches until a build
    commits a new generation of the index (see ``index_state``).

    Each thread searches with a searcher of its own over the same segments (a Whoosh searcher reads its
    files through one handle and is not for threads to share), so searches in a thread pool run side by
    side; what they keep (``memo``, the scores of terms in ``scores``, ``columns``) is shared and only
    ever added to whole. ``lock`` is for what still needs one searcher for a whole task."""

    def __init__(self, folder: Path, signature: tuple):
        self.signature = signature
        self.ix = open_existing(folder)
        self._main = self.ix.searcher()
        self._local = threading.local()
        self._local.searcher = self._main
        self._opened = [self._main]
        self._open_lock = threading.Lock()
        self._users, self._retired = 0, False  # searches using it; replaced by a newer generation
        self.parser = _parser(self.ix.schema)
        for name in FIELDS:  # the words analysed before (other generations) are found by what the analyzers do
            analysis_key(self.ix.schema[name].analyzer)
        self.lock = threading.RLock()
        self.memo: dict = {}  # (kind, key) -> result, for look-ups that only depend on the index
        self.scores = Scores(self._main.doc_count_all())
        self.scores.folder = Path(folder)
        self.scores.postings = Postings(self._main)
        self.scores.postings.use_cache(folder)
        self.scores.postings.prepare(FIELDS)
        if WARM_IN_BACKGROUND and not postings.has_arrays(folder, self._main):
            postings.warm_in_background(folder)
        self._columns: _Columns | None = None
        self._stored: OrderedDict[int, dict] = OrderedDict()
        self._stored_lock = threading.Lock()

    def stored_fields(self, searcher, docnum: int) -> dict:
        """A passage's stored fields, the last ``KEEP_PASSAGES`` read kept (reading one unpickles its text)."""
        with self._stored_lock:
            found = self._stored.get(docnum)
            if found is not None:
                self._stored.move_to_end(docnum)
                return found
        found = searcher.stored_fields(docnum)
        with self._stored_lock:
            self._stored[docnum] = found
            while len(self._stored) > KEEP_PASSAGES:
                self._stored.popitem(last=False)
        return found

    @property
    def searcher(self):
        """This thread's searcher (opened on first use, over the segments of the first)."""
        found = getattr(self._local, "searcher", None)
        if found is None:
            main = self._main.reader()
            reader = type(self.ix)._reader(self.ix.storage, main.schema, list(main.segments()), main.generation())
            found = self._local.searcher = Searcher(reader, fromindex=self.ix)
            with self._open_lock:
                self._opened.append(found)
        return found

    def columns(self, searcher) -> _Columns:
        if self._columns is None:
            self._columns = _Columns(searcher)
        return self._columns

    def __enter__(self) -> _IndexState:
        return self  # counted as used by ``index_state`` already

    def use(self) -> None:
        with self._open_lock:
            self._users += 1

    def __exit__(self, *exc) -> None:
        with self._open_lock:
            self._users -= 1
            last = self._retired and not self._users
        if last:
            self._close_all()

    def close(self) -> None:
        """Close the searchers now, or when the last search that uses them ends (a build committed
        while other threads were searching this generation)."""
        with self._open_lock:
            self._retired = True
            idle = not self._users
        if idle:
            self._close_all()

    def _close_all(self) -> None:
        with self._open_lock:
            opened, self._opened = self._opened, []
        for searcher in opened:
            searcher.close()


#: Passages whose stored fields an open index keeps (a few thousand: tens of megabytes at most).
KEEP_PASSAGES = 8192


# A long-running process (``spoor serve``) sets this: each index generation it opens gets its common
# words' postings written as arrays by a separate process (``postings.warm``), for fast first searches.
WARM_IN_BACKGROUND = False



_STATES: OrderedDict[str, _IndexState] = OrderedDict()
_STATES_LOCK = threading.Lock()
MAX_OPEN_INDEXES = 4  # indexes kept open at once (a web server has one; tests make many)
_TOC = re.compile(r"_MAIN_(\d+)\.toc")


def index_signature(folder: Path) -> tuple | None:
    """(generation, inode, mtime, size) of the index's newest table of contents: it changes with
    every commit, and with an index deleted and built anew. None when there is no index."""
    best = None
    try:
        with os.scandir(index_dir(folder)) as entries:
            for entry in entries:
                m = _TOC.fullmatch(entry.name)
                if m and (best is None or int(m.group(1)) > best[0]):
                    best = (int(m.group(1)), entry)
        if best is None:
            return None
        st = best[1].stat()
    except OSError:
        return None
    return best[0], st.st_ino, st.st_mtime_ns, st.st_size


def index_state(folder: Path) -> _IndexState:
    """The kept state of the index in ``folder``, opened anew after a commit; FileNotFoundError if none.
    Use it in a ``with`` block: it stays open until the block ends, even when a build commits meanwhile."""
    key = str(Path(folder).resolve())
    sig = index_signature(folder)
    if sig is None:
        open_existing(folder)  # raises FileNotFoundError with the message the CLI shows
    with _STATES_LOCK:
        state = _STATES.get(key)
        if state is not None and state.signature == sig:
            _STATES.move_to_end(key)
            state.use()
            return state
        fresh = _IndexState(folder, sig)
        fresh.use()
        _STATES[key] = fresh
        _STATES.move_to_end(key)
        stale = [state] if state is not None else []
        while len(_STATES) > MAX_OPEN_INDEXES:
            stale.append(_STATES.popitem(last=False)[1])
    for old in stale:
        old.close()
    return fresh


# -- parsing and widening the query --------------------------------------------------------------
class Concept:
    """One thing the user asked for: a typed word or a name, and every way it can be written."""

    def __init__(self, weight: float):
        self.terms: set[str] = set()
        self.phrases: set[tuple[str, ...]] = set()
        self.weight = weight
        self.typed: set = set()  # the terms and phrases of the form typed (empty: every form counts as typed)
        self.name = False  # typed as a name: capitalised, not a word of the dictionary as written ("Peters", "Heidema")


def _parser(schema) -> MultifieldParser:
    return MultifieldParser(list(FIELDS), schema, group=OrGroup, fieldboosts=FIELD_BOOSTS)


def _parse(parser, text: str):
    q = plain_words(parser.schema, text)
    if q is not None:
        return q
    try:
        q = parser.parse(text)
    except Exception:  # noqa: BLE001 - whoosh's parser errors are not one class
        q = parser.parse(re.sub(r"[^\w\s]", " ", text))
    return _not_excludes(q)


_PLAIN = re.compile(r"[^\W_]+")
_OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})


def plain_words(schema, text: str):
    """The query Whoosh's parser makes of ``text`` (``_parser``: the fields OR'ed, with their boosts),
    without its plugin passes, when ``text`` is only plain words (letters and digits) that each field's
    analyser makes one index word of or none in every field; None for anything else (phrases, operators,
    field:value, punctuation), which the parser reads. A question's words are mostly plain: this is
    most of what parsing costs."""
    words, parts, pos, seen = text.split(" "), [], 0, set()
    for word in words:
        if not _PLAIN.fullmatch(word) or word in _OPERATOR_WORDS:
            return None
        start = text.index(word, pos)
        pos = end = start + len(word)
        found = [analyzed_stems(schema[f].analyzer, word) for f in FIELDS]  # (process_text's terms, kept)
        if not any(found):
            continue  # a stop word
        if any(len(t) != 1 for t in found):
            return None
        for f, (term,) in zip(FIELDS, found):
            if (f, term) in seen:
                continue  # a word typed twice: the parser's query holds it once, where first typed
            seen.add((f, term))
            node = Term(f, term, boost=FIELD_BOOSTS[f])
            node.startchar, node.endchar = start, end
            parts.append(node)
    return Or(parts) if parts else None


def _not_excludes(q):
    """Or([a, b, Not(c)]) -> AndNot(Or([a, b]), c): with OR as the default, "x NOT y" must still exclude y."""
    if hasattr(q, "subqueries") and not isinstance(q, Phrase):
        q = copy.copy(q)  # a shallow copy: its subqueries are replaced (Whoosh's copy() copies them all deep)
        q.subqueries = [_not_excludes(sub) for sub in q.subqueries]
    if isinstance(q, Or):
        negated = [sub.query for sub in q.subqueries if isinstance(sub, Not)]
        positive = [sub for sub in q.subqueries if not isinstance(sub, Not)]
        if negated and positive:
            return AndNot(Or(positive) if len(positive) > 1 else positive[0],
                          Or(negated) if len(negated) > 1 else negated[0])
    return q


def _expand(q, raw: str, searcher, table: AliasTable, memo: dict | None = None, *,
            deadline: float | None = None, late: list[str] | None = None):
    """(the query with every plain word widened to its variants, other names used, concepts).

    A one-word name ("VTT") is widened where it stands, so AND/NOT keep their meaning; the other
    names of a name of several words are added as alternatives to an OR query. ``memo`` keeps
    the variants of a word between searches of the same index generation. Past ``deadline``
    (``time.perf_counter()``) words not widened before are searched as typed, named in ``late``."""
    deadline = float("inf") if deadline is None else deadline
    late = [] if late is None else late
    memo = {} if memo is None else memo
    reader = searcher.reader()
    schema = searcher.schema
    analyzer = schema["text"].analyzer
    cache: dict[str, list] = {}
    concepts: dict[str, Concept] = {}
    folded_raw = f" {fold(raw)} "
    unquoted = re.sub(r'"[^"]*"', " ", raw)  # a quoted phrase means exactly these words
    also: list[str] = []
    in_place: dict[str, list[tuple[str, float]]] = {}
    alternatives: list[tuple[Concept, str, float]] = []
    named: dict[str, Concept] = {}  # one-word name typed -> its concept
    particles = tuple(w for w in dict.fromkeys(folded_raw.split()) if w in wordforms.particles())
    found_names = table.find(unquoted)
    # The words of a name of several words are searched, but what a passage must hold is the name:
    # "algemeen bestuur" is one thing asked for, not three ("algemeen", "bestuur" and the name).
    name_words = {w for _, form in found_names if " " in form for w in form.split()}
    name_of: dict[str, Concept] = {}  # word of a name of several words -> the name's concept
    joined_particles: set[str] = set()  # particles of the query found joined to one of its verbs
    for group, form in found_names:
        concept = concepts.setdefault("=" + group.key, Concept(sum(_idf(searcher, t) for t in analyzed_stems(analyzer, form))))
        add_text(concept, form, analyzer, typed=True)
        if " " not in form:
            named.setdefault(form, concept)
        for word in form.split() if " " in form else ():
            name_of.setdefault(word, concept)
        for other in alias_forms(group.forms):
            f = fold(other)
            if f == form:
                continue
            if f" {f} " in folded_raw or f" {form} " in f" {f} ":
                # searched already ("Regio Twente" inside "GR Regio Twente" typed), but a passage that
                # holds it holds the name asked for
                add_text(concept, other, analyzer)
                continue
            # A long name must not outweigh the short one typed: scale to the typed form's weight.
            ratio = concept.weight / (sum(_idf(searcher, t) for t in analyzed_stems(analyzer, other)) or 1.0)
            weight = WEIGHT_ALIAS * min(1.0, ratio)
            if " " in form:
                alternatives.append((concept, other, weight))
            else:
                in_place.setdefault(form, []).append((other, weight))
            also.append(other)
            add_text(concept, other, analyzer, typed=_spelling(other) == _spelling(form))

    def widen(node):
        if isinstance(node, Term) and node.fieldname in FIELDS:
            original = raw[node.startchar:node.endchar] if node.startchar is not None else node.text
            key = original.casefold()
            if key not in cache:
                mkey = ("variants", key, node.text, particles)
                if mkey not in memo and time.perf_counter() > deadline:
                    late.append(original)  # out of time: the word as typed
                    variants = []
                elif mkey not in memo:
                    variants = memo[mkey] = _variants(original, node.text, reader, schema, particles)
                else:
                    variants = memo[mkey]
                cache[key] = _prune(variants + in_place.get(fold(original), []), analyzer, node.text)
                # A one-word name is one thing asked for, not two: its word joins the name's concept.
                concept = named.get(fold(original)) or Concept(_idf(searcher, node.text if node.fieldname == "text"
                                                                     else (analyzed_stems(analyzer, original) or [""])[0]))
                # A word's weight is that of its commonest form: "vond" is rare, "vindt" is not.
                forms = [_idf(searcher, t[1:]) for t, w in cache[key] if w == WEIGHT_FORM and t.startswith("=")]
                concept.weight = min([concept.weight, *forms])
                if wordforms.is_light(original) or (len(original) <= 2 and original.islower()):
                    concept.weight *= LIGHT_SHARE  # "vond ... plaats", "na": the question's grammar ("GR" is not)
                joined_particles.update(p for p in particles for t, w in cache[key]
                                        if w == WEIGHT_FORM and t.startswith("=" + p))
                concepts[key] = concept
                concept.name = concept.name or (original[:1].isupper() and original[1:].islower()
                                                and fold(original) not in compounds.dictionary())
                add_text(concept, original, analyzer, typed=True)
                for text, _ in cache[key]:
                    add_text(concept, text, analyzer, typed=_spelling(text) == _spelling(original))
            # Titles repeat on every passage of a document: only the word as typed is looked for there.
            extra = [_retarget(v, node.fieldname, schema, node.boost) for v in cache[key]] \
                if node.fieldname != "title" else []
            extra = [e for e in extra if e is not None]
            return Or([node, *extra]) if extra else node
        if isinstance(node, Phrase) and node.fieldname == "text":
            concept = concepts.setdefault(" ".join(node.words), Concept(sum(_idf(searcher, w) for w in node.words)))
            concept.phrases.add(tuple(node.words))
            concept.typed.add(tuple(node.words))
        if hasattr(node, "subqueries") and not isinstance(node, Phrase):
            node = copy.copy(node)  # shallow: its subqueries are replaced
            node.subqueries = [widen(sub) for sub in node.subqueries]
        return node

    out = widen(q)
    unique: dict[int, Concept] = {}  # a concept may have two keys
    if isinstance(out, (Or, Term)):
        kept = {other for other, _ in _prune([(other, w) for _, other, w in alternatives], analyzer, "")}
        extra = [p for p in (phrase_query(other, schema, w) for _, other, w in alternatives if other in kept)
                 if p is not None]
        pairs = _joined_pairs(unquoted, reader, schema, memo, deadline, late)
        for joined, parts in pairs:
            if any(joined.text in c.terms for k, c in concepts.items() if k.startswith("=")):
                continue  # already searched as another name of a name in the query
            extra.append(joined)
            # "Dinkelland Tubbergen Losser" typed, "Dinkelland-Tubbergen-Losser" written: the joined
            # word holds each of the words asked for, as a variant of each.
            owners = list({id(c): c for c in (name_of.get(fold(w)) or concepts.get(w.casefold()) for w in parts)
                           if c is not None}.values())
            for concept in owners or [concepts.setdefault("+" + joined.text, Concept(_idf(searcher, joined.text)))]:
                concept.terms.add(joined.text)
        if extra:
            out = Or([*(out.subqueries if isinstance(out, Or) else [out]), *extra])
    # A particle joined to its verb ("stelde ... vast" -> "vastgesteld") is part of the verb's concept.
    unique.update({id(c): c for k, c in concepts.items()
                   if k.startswith(("=", "+")) or (fold(k) not in name_words and k not in joined_particles)})
    return out, sorted(set(also), key=str.casefold)[:12], [c for c in unique.values() if c.terms or c.phrases]


def alias_forms(forms: list[str], most: int = MAX_ALIAS_FORMS) -> list[str]:
    """The first ``most`` forms of a name that a search needs: a form that holds a shorter form of the
    same name ("college van B&W" beside "B&W", "colleges van ..." beside "... wethouders") finds
    nothing more, so it neither costs a query nor takes the place of a form written otherwise."""
    folded = {f: fold(f) for f in forms}
    shorter = [v for v in folded.values() if v]
    out = []
    for form in forms:
        f = folded[form]
        if any(v != f and len(v) < len(f) and f" {v} " in f" {f} " for v in shorter):
            continue
        out.append(form)
        if len(out) >= most:
            break
    return out


def _run(searcher, q, want: int, filt, facets: bool, state: _IndexState | None = None, docs: int | None = None,
         per_doc: int = PER_DOC, load=None, deadline: float | None = None, late: list[str] | None = None,
         concepts: list[Concept] | None = None, intent: str | None = None):
    """(the top passages of ``q`` as (score, stored fields), how many passages match, facets, matching
    passages per doc_id of those passages, how many documents match and which (None without ``state``)).

    ``q`` is scored by ``postings.Scores``: Whoosh scores each term or phrase of the query once per index
    generation, and the query's AND/OR/NOT are worked out on arrays of all passages, with the same
    scores; facets count documents per value from ``_Columns``. The passages are the best ``per_doc`` of
    each of the best ``docs`` documents (ranked by their best passage), and at least the best ``want``.
    Without ``state``, Whoosh's own collector does it all (the same answer, slower). ``load(docnum)``:
    the rows' stored fields are read by it when first used (``LazyFields``), not here. Past ``deadline``,
    the query's words not scored yet are left out and named in ``late``. With the query's ``concepts``
    (and ``intent``), when more documents match than ``docs``, the pool is chosen by each passage's bound
    (``_pool_by_bounds``: the most re-weighing can make of it) rather than by its score alone, so a document whose
    passages hold all of the query is not pushed out by many that hold only a long name's common words."""
    if state is None:
        results = searcher.search(q, limit=want, filter=filt, groupedby=_facet_spec(searcher.schema) if facets else None)
        rows = [(h.score, h.fields()) for h in results[:want]]
        total = len(results) if results.has_exact_length() or len(rows) < want else results.estimated_length()
        return rows, max(total, len(rows)), (_facets(results) if facets else {}), None, None, None
    scores, hit = state.scores.evaluate(q, searcher, deadline=deadline, skipped=late)
    if late and not hit.any():  # the budget ran out before anything was scored (a cold index, a busy machine):
        late.clear()            # an answer late beats an empty page that says it ran out of time
        scores, hit = state.scores.evaluate(q, searcher)
    if filt is not None:
        hit &= state.scores.matches(filt, searcher)
    matching = np.flatnonzero(hit)
    columns = state.columns(searcher)
    of_doc = columns.doc[matching]
    per = np.bincount(of_doc, minlength=len(columns.names))
    # The best passages above a score, the threshold lowered until they hold ``docs`` documents: within
    # them each document's best passages are its best overall. Of those, the best ``want`` and each
    # document's best ``per_doc`` are re-weighed.
    m = first = min(len(matching), max(want, (docs or 0) * per_doc) * 2)
    if concepts and docs is not None and np.count_nonzero(per) > docs:
        order = _pool_by_bounds(scores, matching, m, docs, concepts, intent, q, state, searcher, columns, bool(late))
        codes = columns.doc[order]
    else:
        while True:
            top = matching if m >= len(matching) else matching[np.argpartition(-scores[matching], m - 1)[:m]]
            order = top[np.lexsort((top, -scores[top]))]  # Whoosh's order: score, then document number
            codes = columns.doc[order]
            if docs is None or m >= len(matching) or len(np.unique(codes)) >= docs:
                break
            m = min(len(matching), m * 4)
    chosen, seen = [], {}
    for rank, (d, code) in enumerate(zip(order.tolist(), codes.tolist())):
        if rank >= want and (docs is None or rank >= first and len(seen) >= docs):
            break  # the documents are found; their passages further down wait for "more"
        n = seen.get(code, -1) + 1
        if rank < want or (docs is not None and n < per_doc and (n or len(seen) < docs)):
            chosen.append(d)
            seen[code] = n
    chosen.sort(key=lambda d: (-scores[d], d))  # the rows in the order of their scores
    if load is None:
        rows = [(float(scores[d]), searcher.stored_fields(d)) for d in chosen]
    else:  # read when re-weighed, and only then (most of the pool is not, see ``group_rows``)
        names = columns.names
        rows = [(score, LazyFields(names[code], partial(load, d), d)) for d, code, score in
                zip(chosen, columns.doc[chosen].tolist(), scores[chosen].tolist())]
    counts = {columns.names[c]: int(per[c]) for c in seen}  # matching passages of the documents shown
    docs_matching = DocNames(np.flatnonzero(per), columns.names)
    return rows, len(matching), (columns.facets(hit, per) if facets else {}), counts, len(docs_matching), docs_matching


class DocNames(Sequence):
    """The doc_ids of document codes, named when read: ``SearchResult.matching`` without a list of thousands
    of names made for every search that does not read them."""

    def __init__(self, codes: np.ndarray, names: list[str]):
        self._codes, self._names = codes, names

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._names[c] for c in self._codes[i].tolist()]
        return self._names[int(self._codes[i])]

    def __iter__(self):
        return (self._names[c] for c in self._codes.tolist())


#: The best passages by score among which the pool of a page is chosen by bound (``_pool_by_bounds``).
POOL_CANDIDATES = 600


def _leaf_ids(q, state, searcher, late: bool = False) -> dict:
    """The passages (sorted document numbers) each term (text) and phrase (words) of the text field in ``q``
    matches, from the leaves ``Scores.evaluate`` kept for it (any boost: the passages are the same)."""
    out: dict = {}

    def walk(node):
        if isinstance(node, Term) and node.fieldname == "text":
            out.setdefault(node.text, node)
        elif isinstance(node, Phrase) and node.fieldname == "text":
            out.setdefault(tuple(node.words), node)
        elif hasattr(node, "subqueries"):
            for sub in node.subqueries:
                walk(sub)

    walk(q)
    kept = state.scores.leaves  # out of time (``late``), a leaf not scored is not scored for this either
    # a leaf's passages come in document order (``Postings`` reads them so; Whoosh's collector too)
    return {key: state.scores.leaf(node, searcher)[0] for key, node in out.items() if not late or node in kept}


def _pool_by_bounds(scores: np.ndarray, matching: np.ndarray, m: int, docs: int, concepts: list[Concept],
                    intent: str | None, q, state, searcher, columns, late: bool = False) -> np.ndarray:
    """The passages of a page's pool, best bound first: among the best ``POOL_CANDIDATES`` passages by
    score, the best ``m`` by bound, more until they hold ``docs`` documents.

    A passage's bound is the most ``group_rows`` can make of its score once re-weighed: its coverage
    (and answer share) at most the share of the query's concepts it holds, times the share its document
    holds (as ``_held_at_most`` bounds the rows, from the word lists alone), so a document that holds all
    of the query is not pushed out of the pool by many that hold only a long name's common words."""
    cand = matching if len(matching) <= POOL_CANDIDATES else \
        matching[np.argpartition(-scores[matching], POOL_CANDIDATES - 1)[:POOL_CANDIDATES]]
    ids = _leaf_ids(q, state, searcher, late)
    code = columns.doc[cand]
    owners = np.flatnonzero(np.bincount(code, minlength=len(columns.names)))  # np.unique(code, return_inverse=True)
    where = np.zeros(len(columns.names), dtype=np.intp)
    where[owners] = np.arange(len(owners))
    where = where[code]

    def held(key) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(which candidates hold ``key``, which of their documents do)."""
        if isinstance(key, tuple) and key not in ids:  # a name's words searched apart: all of them
            parts = [held(w) for w in key]
            if not parts or any(p[0] is None for p in parts):
                return None, None
            return np.logical_and.reduce([p[0] for p in parts]), np.logical_and.reduce([p[1] for p in parts])
        found = ids.get(key)
        if found is None:
            return None, None
        at = np.minimum(np.searchsorted(found, cand), len(found) - 1)
        mine = found[at] == cand if len(found) else np.zeros(len(cand), dtype=bool)
        docs_of = state.memo.get(("docs holding", key))
        if docs_of is None:  # which documents have a passage with it: the same for every query of this index
            docs_of = np.zeros(len(columns.names), dtype=bool)
            docs_of[columns.doc[found]] = True
            state.memo[("docs holding", key)] = docs_of
        return mine, docs_of[owners]

    weights = np.array([c.weight for c in concepts], dtype=np.float64)
    total = float(weights.sum()) or 1.0
    share, whole = np.zeros(len(cand)), np.zeros(len(cand))
    for c, weight in zip(concepts, weights.tolist()):
        mine, docs_of = np.zeros(len(cand), dtype=bool), np.zeros(len(owners), dtype=bool)
        for key in [*c.terms, *c.phrases]:
            p, d = held(key)
            if p is not None:
                mine |= p
                docs_of |= d
        share += weight * mine
        whole += weight * docs_of[where]
    share = np.minimum(1.0, share / total)
    factor = COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * share
    if intent:
        factor *= 1.0 + ANSWER_BOOST * share
    factor *= DOC_COVERAGE_FLOOR + (1 - DOC_COVERAGE_FLOOR) * np.minimum(1.0, whole / total)
    bound = scores[cand] * factor
    k = min(len(cand), m)
    while True:
        top = np.arange(len(cand)) if k >= len(cand) else np.argpartition(-bound, k - 1)[:k]
        if k >= len(cand) or len(np.unique(code[top])) >= docs:
            break
        k = min(len(cand), k * 4)
    top = top[np.lexsort((cand[top], -bound[top]))]
    return cand[top]


#: Bodies x documents up to which a search's body facet is counted on a grid of flags (else by sorting).
MAX_FACET_GRID = 4_000_000


class _Columns:
    """Per passage (Whoosh document number) its document; per document its year and type; per body
    its passages: read once per index generation, for facet counts over a mask of matches."""

    def __init__(self, searcher):
        reader = searcher.reader()
        codes: dict[str, int] = {}
        self.doc = np.array([codes.setdefault(d, len(codes)) for d in reader.column_reader("doc_id")], dtype=np.int32)
        self.names = list(codes)  # doc_id of each code
        years = list(reader.column_reader("year"))
        types = list(reader.column_reader("doc_type"))
        first = np.unique(self.doc, return_index=True)[1]  # a passage of each document
        self.year = [str(years[n]) if 0 < years[n] < 10_000 else "" for n in first]  # missing: the column's sentinel
        self.type = [types[n] or "" for n in first]
        govs = None
        if has_government(reader.schema):  # per segment: one where no document has a government has no column
            govs = [v for r, _ in reader.leaf_readers()
                    for v in (r.column_reader("government") if r.has_column("government") else [""] * r.doc_count_all())]
        self.government = [govs[n] or "" for n in first] if govs is not None else None
        self.bodies = {(b.decode("utf-8") if isinstance(b, bytes) else b):
                       np.fromiter(reader.postings("bodies", b).all_ids(), dtype=np.int32)
                       for b in reader.lexicon("bodies")}
        # every (body, passage) pair as two arrays, and per document its year, type and government as a
        # number: a search's facets are then a few array operations, not a loop per body and document
        self._body_names = list(self.bodies)
        ids = list(self.bodies.values())
        self._body_passage = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int32)
        self._body_of = np.repeat(np.arange(len(ids), dtype=np.int64), [len(i) for i in ids])
        self._doc_values = {}
        for name, values in (("year", self.year), ("type", self.type), ("government", self.government)):
            if values is not None:
                kinds = list(dict.fromkeys(values))
                index = {v: n for n, v in enumerate(kinds)}
                self._doc_values[name] = (kinds, np.array([index[v] for v in values], dtype=np.int64))

    def code_of(self) -> dict[str, int]:
        """doc_id -> its code in ``doc``."""
        if getattr(self, "_code_of", None) is None:
            self._code_of = {name: n for n, name in enumerate(self.names)}
        return self._code_of

    def facets(self, hit: np.ndarray, per: np.ndarray | None = None) -> dict[str, list[FacetCount]]:
        """Documents with a matching passage, per body, year, type and government (as ``_facets`` counts them);
        ``per``: the matching passages of each document, when known."""
        docs = np.unique(self.doc[hit]) if per is None else np.flatnonzero(per)
        counted: dict[str, dict[str, int]] = {}
        # a body counts the documents of the matching passages that name it: distinct (body, document) pairs
        named = hit[self._body_passage]
        pairs = self._body_of[named] * len(self.names) + self.doc[self._body_passage[named]]
        if len(self._body_names) * len(self.names) <= MAX_FACET_GRID:  # marked on a grid of bodies x documents
            grid = np.zeros(len(self._body_names) * len(self.names), dtype=bool)
            grid[pairs] = True
            per_body = grid.reshape(len(self._body_names), len(self.names)).sum(axis=1)
        else:
            per_body = np.bincount(np.unique(pairs) // len(self.names), minlength=len(self._body_names))
        counted["body"] = dict(zip(self._body_names, per_body.tolist()))
        for name in ("year", "type", "government"):
            if name in self._doc_values:
                kinds, codes = self._doc_values[name]
                counted[name] = dict(zip(kinds, np.bincount(codes[docs], minlength=len(kinds)).tolist()))
        out = {}
        for name, counts in counted.items():
            found = [(v, c) for v, c in counts.items() if v and c]  # values differ: no ties to keep in order
            key = itemgetter(0) if name == "year" else (lambda vc: (-vc[1], vc[0]))
            out[name] = [facet_count(v, c) for v, c in sorted(found, key=key, reverse=(name == "year"))]
        return out


def _spelling(text: str) -> str:
    """A form in which spellings of one word meet: "Twente Bedrijf" = "Twentebedrijf", "WGR+" = "Wgr-plus"."""
    return re.sub(r"[^0-9a-z]", "", fold(text.lstrip("=")).replace("+", "plus"))


def _prune(variants: list[tuple[str, float]], analyzer, typed: str) -> list[tuple[str, float]]:
    """The variants without repeats: one that analyses like the word typed or like another variant,
    or that holds a shorter variant ("veilig thuis twente" beside "veilig thuis"), finds nothing more."""
    def terms(text: str) -> tuple[str, ...]:
        return (text[1:],) if text.startswith("=") else tuple(analyzed_stems(analyzer, text))

    forms = [(terms(text), text, w) for text, w in variants]
    out, seen = [], {(typed,)}
    for t, text, w in sorted(forms, key=lambda f: (len(f[0]), -f[2])):
        if not t or t in seen or any(len(o) < len(t) and _contains(t, o) for o in seen if len(o) > 1):
            continue
        seen.add(t)
        out.append((text, w))
    return [v for v in variants if v in out]


def _contains(seq: tuple, part: tuple) -> bool:
    return any(seq[i:i + len(part)] == part for i in range(len(seq) - len(part) + 1))


def _idf(searcher, term: str) -> float:
    try:
        return max(0.1, searcher.idf("text", term))
    except Exception:  # noqa: BLE001
        return 1.0


def add_text(concept: Concept, text: str, analyzer, typed: bool = False) -> None:
    """Add ``text`` (analysed; "=term": an index term as is) to the forms of ``concept``; ``typed``:
    it is what the user typed, not a variant."""
    if text.startswith("="):
        form = text[1:]
        concept.terms.add(form)
    else:
        stems = analyzed_stems(analyzer, text)
        if not stems:
            return
        form = stems[0] if len(stems) == 1 else tuple(stems)
        (concept.terms.add if len(stems) == 1 else concept.phrases.add)(form)
    if typed:
        concept.typed.add(form)


def _variants(original: str, analyzed: str, reader, schema, particles: tuple[str, ...] = ()) -> list[tuple[str, float]]:
    """(text, weight) alternatives for one typed word: spelling variants, forms of a verb (with the
    separable ``particles`` of the query), compounds, near words.

    A text starting with "=" is an index term of the text field, not text to analyse."""
    out: list[tuple[str, float]] = []
    low = original.strip().casefold()
    if low.endswith("+"):
        out.append((low[:-1] + "-plus", 1.0))
    elif low.endswith("-plus"):
        out.append((low[:-5] + "+", 1.0))
    if "-" in low.strip("-"):
        parts = [p for p in low.split("-") if p]
        out += [(" ".join(parts), WEIGHT_COMPOUND), ("".join(parts), WEIGHT_COMPOUND)]
        # "conferentie-uitkomsten": a passage about the conference's results may name either part alone
        out += [(part, WEIGHT_PART) for part in parts if len(part) >= 4 and part.isalpha()]
    analyzer = schema["text"].analyzer
    stem = (analyzed_stems(analyzer, low) or [analyzed])[0]
    freq = reader.doc_frequency("text", stem)
    forms = {stem}
    for form in wordforms.verb_forms(low, particles):  # kept only when the index holds them
        found = analyzed_stems(analyzer, form)
        if len(found) == 1 and found[0] not in forms and reader.doc_frequency("text", found[0]):
            forms.add(found[0])
            out.append(("=" + found[0], WEIGHT_FORM))
    # The compounds and identifiers of the index that hold the word ("inzameling" -> "afvalinzameling",
    # "001234" -> "ps23-001234"): a prefix look-up in the parts field's term list.
    # Only for an identifier's part, or a word the index never holds alone: a word it holds finds a
    # compound when the query holds another of its words too ("inzameling van afval": ``_joined_pairs``).
    if freq == 0 or not stem.isalpha():
        # The same identifier written with other separators ("AU15-05274" typed, "AU15.05274" written) is
        # the identifier asked for, not a word that holds it.
        same = _same_identifier(reader, schema, low) if freq == 0 else []
        out += [("=" + t, 1.0) for t in same if t not in forms]
        forms.update(same)
        # (a part with a digit the index never holds alone is an identifier's part typed: "2016BPW8024002" of
        # "NL.IMRO.0118.2016BPW8024002-VG01" names that identifier as much as the whole would)
        whole = freq == 0 and any(ch.isdigit() for ch in stem) and len(stem) >= 6
        out += [("=" + t, 1.0 if whole else WEIGHT_IN_COMPOUND if t.endswith(stem) else WEIGHT_IN_COMPOUND_FRONT)
                for t in _compounds_holding(reader, schema, stem) if t not in forms]
    # A compound typed whole finds its words written apart, in either order ("afvalinzameling" ->
    # "afval inzameling", "inzameling (van) afval"): stop words between them are not counted.
    pieces = [p for p in compounds.split(low) if analyzed_stems(analyzer, p)]
    made_of = bool(pieces)
    rare = freq <= max(2, reader.doc_count() // 200)  # a common word is no typo and no odd compound
    if not pieces and len(low) >= 8 and low.isalpha() and rare:
        for i in range(3, len(low) - 2):  # no dictionary split: two words of the index ("Twentebedrijf")
            left, right = analyzed_stems(analyzer, low[:i]), analyzed_stems(analyzer, low[i:])
            if len(left) == 1 and len(right) == 1 and len(left[0]) > 2 and len(right[0]) > 2 \
                    and reader.doc_frequency("text", left[0]) and reader.doc_frequency("text", right[0]):
                made_of = True
                out.append((f"{low[:i]} {low[i:]}", WEIGHT_COMPOUND))
    if len(pieces) >= 2 and rare and all(reader.doc_frequency("text", analyzed_stems(analyzer, p)[0]) for p in pieces):
        out.append((" ".join(pieces), WEIGHT_COMPOUND))
        if len(pieces) == 2:
            out.append((f"{pieces[1]} {pieces[0]}", WEIGHT_COMPOUND))
        if freq == 0 and not _near_terms(reader, stem, 1, prefix=3):
            # a compound the index lacks, nor one letter off: its words alone, the last (what it is) above the others
            out += [(p, WEIGHT_PART if i == len(pieces) - 1 else WEIGHT_PART / 2) for i, p in enumerate(pieces)]
    # A typo is a word that neither the index nor the dictionary knows, nor is made of words it knows:
    # a real word ("bestrijding") or a name the index holds ("Peters") is never widened to a neighbour.
    # One made of words the dictionary knows may still be a typo of a word of the index one letter
    # off ("klokkenluiers"), never two ("rattenbestrijding" is no "rampenbestrijding").
    if len(stem) >= 5 and stem.isalpha() and freq == 0 and not compounds.known(low):
        if not made_of:
            near = _near_terms(reader, stem, 1 if len(stem) < 8 else 2, prefix=2)
        else:
            near = _near_terms(reader, stem, 1, prefix=3)
        out += [("=" + n, WEIGHT_FUZZY) for n in near]
    return out


def _compounds_holding(reader, schema, stem: str, most: int = 3) -> list[str]:
    """Index terms of the text field that hold ``stem`` as a part (the most frequent ``most``)."""
    if "parts" not in schema.names() or not stem:
        return []
    found = []
    for btext in reader.expand_prefix("parts", stem + "|"):
        term = (btext.decode("utf-8") if isinstance(btext, bytes) else btext).split("|", 1)[1]
        found.append((reader.doc_frequency("text", term), term))
    return [t for n, t in sorted(found, reverse=True)[:most] if n]


_NOT_ALNUM = re.compile(r"[\W_]+")
MAX_SAME_IDENTIFIER = 200  # index terms looked at per identifier part (an identifier's parts are rare)


def _same_identifier(reader, schema, typed: str) -> list[str]:
    """Index terms that are the identifier ``typed`` with other separators or none between its parts
    ("au15-05274", "au15 05274" -> "au15.05274"; "ps23001234" is no identifier typed): found through
    the parts field, from its rarest-looking (longest) part."""
    if "parts" not in schema.names():
        return []
    pieces = compounds.parts(typed)
    key = _NOT_ALNUM.sub("", typed.casefold())
    if len(pieces) < 2 or not key or key.isalpha():
        return []
    longest = (analyzed_stems(schema["text"].analyzer, max(pieces, key=len)) or [""])[0]
    found, within = [], []
    run = [p.casefold() for p in pieces]
    for n, btext in enumerate(reader.expand_prefix("parts", longest + "|")):
        if n >= MAX_SAME_IDENTIFIER:
            break
        term = (btext.decode("utf-8") if isinstance(btext, bytes) else btext).split("|", 1)[1]
        if term == typed or not reader.doc_frequency("text", term):
            continue
        if _NOT_ALNUM.sub("", term) == key:
            found.append(term)
        elif _contains(tuple(p.casefold() for p in compounds.parts(term)), tuple(run)):
            within.append(term)  # a run of its parts: "0758.bp2018224003" of "NL.IMRO.0758.BP2018224003-VG01"
    found += [t for t in within if t not in found]
    if not found:  # the identifier's head or one of its parts, typed with a separator the document has not:
        # "NL.IMRO.0093" and "BP2017-JanRuijgl2" of "NL.IMRO.0093.BP2017JanRuijgl2-VG01"
        joined = (analyzed_stems(schema["text"].analyzer, key) or [""])[0]
        prefixed = zip(range(MAX_SAME_IDENTIFIER), reader.expand_prefix("text", typed))
        heads = [b.decode("utf-8") if isinstance(b, bytes) else b for _, b in prefixed]
        found += [t for t in heads if len(t) > len(typed) and not t[len(typed)].isalnum()]
        for n, btext in enumerate(reader.expand_prefix("parts", joined + "|") if joined else ()):
            if n >= MAX_SAME_IDENTIFIER:
                break
            term = (btext.decode("utf-8") if isinstance(btext, bytes) else btext).split("|", 1)[1]
            if term != typed and term not in found and reader.doc_frequency("text", term):
                found.append(term)
    return found


def _near_terms(reader, term: str, maxdist: int, prefix: int, most: int = 3) -> list[str]:
    """Index terms of the text field within ``maxdist`` edits of ``term``, sharing its first letters."""
    found = []
    for btext in reader.expand_prefix("text", term[:prefix]):
        word = btext.decode("utf-8") if isinstance(btext, bytes) else btext
        if word != term and abs(len(word) - len(term)) <= maxdist and word.isalpha() \
                and Levenshtein.distance(word, term, score_cutoff=maxdist) <= maxdist:
            found.append((reader.doc_frequency("text", word), word))
    return [w for _, w in sorted(found, reverse=True)[:most]]


def _retarget(variant: tuple[str, float], field: str, schema, boost: float):
    """One variant as a query on ``field`` (a term, or a phrase for several words)."""
    text, weight = variant
    if text.startswith("="):
        return Term("text", text[1:], boost=boost * weight) if field == "text" else None
    terms = analyzed_stems(schema[field].analyzer, text)
    if not terms:
        return None
    if len(terms) == 1:
        return Term(field, terms[0], boost=boost * weight)
    return Phrase(field, terms, boost=boost * weight) if field == "text" else And(
        [Term(field, t) for t in terms], boost=boost * weight)


def phrase_query(text: str, schema, weight: float):
    parts = [q for q in (_retarget((text, weight), f, schema, FIELD_BOOSTS[f]) for f in ("text", "names")) if q]
    return Or(parts) if parts else None


def _joined_pairs(raw: str, reader, schema, memo: dict | None = None, deadline: float = float("inf"),
                  late: list | None = None) -> list[tuple[Term, list[str]]]:
    """(query, words joined): "Twente Bedrijf" -> the one word "twentebedrijf", "wgr plus status" ->
    "wgr-plus-status", "treedt in werking" -> "inwerkingtreding", when the index has it (two or three
    words written together or with hyphens; a verb's noun after the words it is written with).
    Past ``deadline`` the words not looked at yet are left (and ``late`` says so)."""

    def out_of_time() -> bool:
        if time.perf_counter() <= deadline:
            return False
        if late is not None:
            late.append("joined words")
        return True

    words = [w for w in re.findall(r"\w+", raw) if not w.isdigit()]
    analyzer = schema["text"].analyzer
    out, seen = [], set()
    memo = {} if memo is None else memo

    def stems_of(text: str) -> list[str]:  # kept per index generation: the same pairs come back in other queries
        found = memo.get(("stems", text))
        if found is None:
            found = memo[("stems", text)] = analyzed_stems(analyzer, text)
        return found

    def frequency(term: str) -> int:
        found = memo.get(("frequency", term))
        if found is None:
            found = memo[("frequency", term)] = reader.doc_frequency("text", term)
        return found

    def add(joined: str, parts: list[str], phrasal: bool = False) -> None:
        if not phrasal and not all(stems_of(p) for p in parts):
            return  # "zou de" is no "zoude": a stop word is never half of a compound
        stems = stems_of(joined)
        if len(stems) == 1 and stems[0] not in seen and frequency(stems[0]):
            seen.add(stems[0])
            out.append((Term("text", stems[0], boost=WEIGHT_COMPOUND), parts))

    for n in (2, 3):
        for i in range(len(words) - n + 1):
            if i % 8 == 0 and out_of_time():
                return out
            part = words[i:i + n]
            for joined in ({"".join(part), "-".join(part)} if n == 2 else {"-".join(part)}):
                add(joined, part)
    # Two words of the query that are parts of one compound of the index, in any order ("inzameling van
    # afval" -> "afvalinzameling", "zone milieu" -> "milieuzone"): the parts field says which.
    holding: dict[str, list[str]] = defaultdict(list)
    for w in dict.fromkeys(w.casefold() for w in words):
        if out_of_time():
            return out
        stems = stems_of(w)
        if len(stems) == 1:
            key = ("holding", stems[0])
            if key not in memo:
                memo[key] = _compounds_holding(reader, schema, stems[0], most=50)
            for term in memo[key]:
                holding[term].append(w)
    for term, parts in sorted(holding.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(parts) >= 2 and term not in seen:
            seen.add(term)
            out.append((Term("text", term, boost=WEIGHT_COMPOUND), parts))
    folded = [w.casefold() for w in words]
    for phrase in wordforms.phrasal():
        for i in range(len(folded) - len(phrase) + 1):
            if tuple(folded[i:i + len(phrase)]) == phrase:
                for verb in words[:i] + words[i + len(phrase):]:
                    for noun in wordforms.nouns(verb):
                        add("".join(phrase) + noun, [*words[i:i + len(phrase)], verb], phrasal=True)
    return out


MIN_SUGGEST_CHARS = 4


def _suggest(searcher, text: str, state: _IndexState | None = None, deadline: float = float("inf")) -> str | None:
    """A corrected query when some typed word is not in the index ("twnteraad" -> "twenteraad").

    Every look-up is in the text field's term dictionary (no spelling graph is needed): a word whose
    stem the index lacks is replaced by the nearest index term (at most 2 edits, same first letter,
    the most frequent of the nearest), written as a passage writes it; two words that never stand
    side by side but whose joined form is in the index are joined ("Twente Raad" -> "twenteraad")."""
    memo = state.memo if state is not None else {}
    try:
        reader = searcher.reader()
        analyzer = searcher.schema["text"].analyzer
        typed = [(t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True, no_morph=True)]
        stems = [(analyzed_stems(analyzer, w) or [w])[0] for w, _, _ in typed]
        unknown = {i for i, st in enumerate(stems) if ("text", st) not in reader}  # dictionary look-ups
        for i in range(len(typed) - 1):  # "Twente Raad" -> "Twenteraad": a compound written apart
            joined = analyzed_stems(analyzer, typed[i][0] + typed[i + 1][0])
            if len(joined) == 1 and ("text", joined[0]) in reader and (
                    i in unknown or i + 1 in unknown
                    or not _occurs(searcher, Phrase("text", [stems[i], stems[i + 1]]), memo)):
                start, end = typed[i][1], typed[i + 1][2]
                return text[:start] + _surface(searcher, joined[0], memo) + text[end:]
        out, changed = text, False
        for i in sorted(unknown, reverse=True):  # from the end, so the offsets before stay valid
            word, start, end = typed[i]
            if len(word) <= MIN_SUGGEST_CHARS or not word.isalpha():
                continue  # a short unknown word has too many near neighbours to guess from
            if time.perf_counter() > deadline:
                return None  # out of time: no suggestion rather than half of one
            near = _nearest(reader, stems[i], memo, 1 if len(word) < 8 else 2)
            if near and _common_prefix(near, stems[i]) < len(stems[i]) - 2:  # "stemd"/"stemm": word forms
                out, changed = out[:start] + _surface(searcher, near, memo) + out[end:], True
    except Exception:  # noqa: BLE001 - a suggestion is a nicety, never a reason to fail
        _log.debug("no suggestion for %r", text, exc_info=True)
        return None
    return out if changed and out.casefold() != text.casefold() else None


def _occurs(searcher, q, memo: dict) -> bool:
    """Whether ``q`` matches any passage (stops at the first)."""
    key = ("occurs", q)
    if key not in memo:
        memo[key] = q.matcher(searcher, searcher.boolean_context()).is_active()
    return memo[key]


def _common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))


def _nearest(reader, stem: str, memo: dict, maxdist: int = 2) -> str | None:
    """The index term of the text field nearest to ``stem`` (same first letter), the most frequent of equals."""
    key = ("initial", stem[0])
    if key not in memo:  # the terms with this first letter, read once per index generation
        memo[key] = [t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.expand_prefix("text", stem[0])]
    found = process.extract(stem, memo[key], scorer=Levenshtein.distance, score_cutoff=maxdist, limit=None)
    found = [(dist, -reader.doc_frequency("text", t), t) for t, dist, _ in found if t != stem and t.isalpha()]
    return min(found)[2] if found else None


def _surface(searcher, stem: str, memo: dict) -> str:
    """How the passages write the word of index term ``stem`` ("herorientatie" -> "heroriëntatie")."""
    key = ("surface", stem)
    if key not in memo:
        memo[key] = stem
        matcher = searcher.reader().postings("text", stem)  # the first passage that has it will do
        if matcher.is_active():
            body = searcher.stored_fields(matcher.id()).get("text", "")
            for tok in TOKENS(body, chars=True, mode="query"):
                if tok.text == stem:
                    memo[key] = body[tok.startchar:tok.endchar].casefold()
                    break
    return memo[key]


# -- filters and facets --------------------------------------------------------------------------
def _filter(table: AliasTable, doc_type, body, organisation, year_from, year_to, date_from, date_to,
            government=None):
    parts = []
    if doc_type:
        parts.append(Term("doc_type", doc_type))
    if government:
        parts.append(Term("government", government))
    for field, value in (("bodies", body), ("orgs", organisation)):
        if value:
            keys = {value.casefold(), *(g.key.casefold() for g in table.groups_named(value))}
            parts.append(Or([Term(field, k) for k in sorted(keys)]))
    if year_from is not None or year_to is not None:
        parts.append(NumericRange("year", year_from, year_to))
    if date_from or date_to:
        upper = (date_to + "\uffff") if date_to else None
        parts.append(TermRange("date", date_from or None, upper))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def _facet_spec(schema):
    spec = {"doc": sorting.FieldFacet("doc_id", maptype=sorting.UnorderedList),
            "body": sorting.FieldFacet("bodies", allow_overlap=True, maptype=sorting.UnorderedList),
            "year": sorting.FieldFacet("year", maptype=sorting.UnorderedList),
            "type": sorting.FieldFacet("doc_type", maptype=sorting.UnorderedList)}
    if has_government(schema):
        spec["government"] = sorting.FieldFacet("government", maptype=sorting.UnorderedList)
    return spec


def _facets(results) -> dict[str, list[FacetCount]]:
    doc_of = {n: doc for doc, nums in results.groups("doc").items() for n in nums}
    out = {}
    for name in [n for n in ("body", "year", "type", "government") if n in results.facet_names()]:
        counts = []
        for value, nums in results.groups(name).items():
            if value in (None, ""):
                continue
            counts.append(FacetCount(value=str(value), count=len({doc_of.get(n) for n in nums})))
        key = (lambda c: c.value) if name == "year" else (lambda c: (-c.count, c.value))
        out[name] = sorted(counts, key=key, reverse=(name == "year"))
    return out


# -- grouping and snippets -----------------------------------------------------------------------
def group_rows(rows, matcher: Matcher, intent: str | None, limit: int, sort: str,
               per_doc: int | None = None, counts: dict[str, int] | None = None,
               shown: int | tuple[int, int] | None = None, deadline: float | None = None,
               notes: list[str] | None = None, held_at_most: np.ndarray | None = None,
               following=None) -> list[DocGroup]:
    """Passages re-weighed by how much of the query they hold and whether they answer it, per document:
    the best ``limit`` documents, each with its best ``per_doc`` passages (all without a cap) and how
    many more of its passages match (``counts``: matching passages per doc_id; else those in ``rows``).

    ``rows`` are (score, stored fields) in descending score; the fields may be a :class:`LazyFields`,
    read only for the passages looked at. ``shown``: only the first ``shown`` documents are wanted
    (``(start, end)``: only those from ``start`` to ``end``, a page further down the list),
    ranked exactly as among all: documents are re-weighed best bound first, and the rest are left when
    none of them can reach the ``shown``-th (a passage's score only falls when re-weighed, or rises by
    ``ANSWER_BOOST`` for a question). ``deadline`` (``time.perf_counter()``): past it, the documents
    not yet re-weighed keep their scores as ranked, and ``notes`` says the answer is partial.
    ``held_at_most`` (concepts x rows, ``_held_at_most``): which of the matcher's concepts each row may
    hold at most, from the index's word lists; it bounds a document's score more tightly.
    ``following(fields)``: the texts of the passages after a passage in its document (at most
    ``ITEM_PASSAGES``); for a question about an outcome or a date, the first ``ITEM_DOCS`` documents'
    first snippet that does not answer it gets the answer from the rest of its agenda item (``item_answer``)."""
    docs: dict[str, list[int]] = {}
    for i, (_, fields) in enumerate(rows):
        docs.setdefault(fields["doc_id"], []).append(i)
    rank_of = {doc_id: n for n, doc_id in enumerate(docs)}  # ties go to the document that came first
    top = 1.0 + (ANSWER_BOOST if intent else 0.0)  # how much re-weighing may raise a passage at most
    start, shown = (0, shown) if not isinstance(shown, tuple) else shown
    # (a signature answers without holding the query's words: no bound from what a passage holds)
    lazy = shown is not None and sort == "relevance" and all(score >= 0 for score, _ in rows) and intent != "signer"

    weights = np.array([c.weight for c in getattr(matcher, "concepts", ())] or [0.0])
    total = float(weights.sum()) or 1.0
    if held_at_most is None or not len(getattr(matcher, "concepts", ())) or len(held_at_most) != len(weights):
        held_at_most = None

    def bounds_of() -> dict[str, float]:
        if held_at_most is None:
            out = {}
            for doc_id, at in docs.items():
                raw = sorted((rows[i][0] for i in at), reverse=True)
                out[doc_id] = top * (raw[0] + MORE_PASSAGES * sum(raw[1:3]))
            return out
        # A passage's coverage, and its answer share, are at most the share of the query it holds:
        # COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * that, times 1 + ANSWER_BOOST * that for a question;
        # a document's share at most that of the concepts its passages hold (all rows and documents at once).
        share = np.minimum(1.0, weights @ held_at_most / total)
        factor = ((COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * share) * (1.0 + (ANSWER_BOOST * share if intent else 0.0))).tolist()
        owner = np.zeros((len(rows), len(docs)))
        for n, at in enumerate(docs.values()):
            owner[at, n] = 1.0
        whole = np.minimum(1.0, (weights @ ((held_at_most @ owner) > 0)) / total).tolist()
        out = {}
        for (doc_id, at), held in zip(docs.items(), whole):
            each = sorted((rows[i][0] * factor[i] for i in at), reverse=True)
            out[doc_id] = (each[0] + MORE_PASSAGES * sum(each[1:3])) * (DOC_COVERAGE_FLOOR + (1 - DOC_COVERAGE_FLOOR) * held)
        return out

    bounds = bounds_of() if lazy else {}
    order = sorted(docs, key=lambda d: (-bounds[d], rank_of[d])) if lazy else list(docs)
    ranked = []  # (document score, doc_id, its passages best first)
    partial = False
    kth = None  # the score of the ``shown``-th document so far (when lazy)
    for n, doc_id in enumerate(order):
        if kth is not None and kth > round(bounds[doc_id], 4) + 1e-4:
            break  # no document left can reach the ones shown
        if kth is not None and intent is not None and kth > round(_answer_bound(matcher, rows, docs[doc_id]), 4) + 1e-4:
            continue  # how much of the query its passages hold says it cannot either
        if deadline is not None and time.perf_counter() > deadline and ranked:
            # out of time: the rest keep their scores as ranked, their snippets the passage's opening
            partial = True
            for rest in order[n:]:
                items = [(rows[i][0], rows[i][1], _LATE) for i in docs[rest]]
                ranked.append((round(items[0][0] + MORE_PASSAGES * sum(s for s, _, _ in items[1:3]), 4), rest, items))
            break
        items, held, signed = [], {}, set()  # the concepts the document's passages hold; those signed
        held_by: dict[int, dict[int, bool]] = {}  # the concepts each passage holds
        _name(matcher, rows[docs[doc_id][0]][1])
        for i in docs[doc_id]:
            score, fields = rows[i]
            if intent is None:  # the snippet is made for the passages shown only
                snippet, coverage, answers = None, matcher.coverage(fields.get("text", "")), 0.0
            else:
                snippet, coverage, answers = matcher.snippet(fields.get("text", ""), intent)
            if intent == "date" and fields.get("meeting_date") \
                    and dutch_date(fields["meeting_date"]) not in snippet.replace("**", ""):
                snippet = _in_context(fields) + snippet  # a decision in a list: the date is the meeting's
            score *= (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage) * (1.0 + ANSWER_BOOST * float(answers))
            items.append((score, fields, snippet))
            if intent == "signer" and answers:
                signed.add(id(fields))
            held_by[id(fields)] = matcher.last
            for c, typed in matcher.last.items():
                held[c] = held.get(c, False) or typed
        items.sort(key=lambda it: -it[0])
        scores = [s for s, _, _ in items]
        if intent == "signer":  # the passage with the signature is shown first, the document keeps its rank
            items.sort(key=lambda it: id(it[1]) not in signed)
        if per_doc:
            _diverse(items, per_doc, held_by, matcher)
            _show_all_asked(items, per_doc, held, held_by, matcher)
        # A document that holds all of the query, if in different passages, beats one that holds part of it.
        whole = DOC_COVERAGE_FLOOR + (1 - DOC_COVERAGE_FLOOR) * matcher.share([held])
        ranked.append((round((scores[0] + MORE_PASSAGES * sum(scores[1:3])) * whole, 4), doc_id, items))
        if lazy and len(ranked) >= shown:
            kth = heapq.nlargest(shown, (r[0] for r in ranked))[-1]
    if partial and notes is not None and TIME_NOTE not in notes:
        notes.append(TIME_NOTE)
    ranked.sort(key=lambda r: (-r[0], rank_of[r[1]]))
    if sort != "relevance":
        dated = {doc_id: items[0][1].get("date") or None for _, doc_id, items in ranked}
        ranked.sort(key=lambda r: dated[r[1]] or ("" if sort == "date" else "\uffff"), reverse=(sort == "date"))
    out = []
    for n, (score, doc_id, items) in enumerate(ranked[start:limit if shown is None else min(limit, shown)]):
        shown_items = items[:per_doc] if per_doc else items  # models for what is shown
        first = items[0][1]
        matching = max(len(items), (counts or {}).get(doc_id, 0))
        hits = [_hit(s, f, _snippet(matcher, f, intent, snip)) for s, f, snip in shown_items]
        if following is not None and intent in ITEM_INTENTS and start + n < ITEM_DOCS and hits \
                and not _answered(matcher, shown_items[0][1], intent):
            found = item_answer(getattr(matcher, "matcher", matcher), shown_items[0][1].get("text", ""),
                                following(shown_items[0][1]), intent)
            if found:
                hits[0].snippet = hits[0].snippet.removesuffix(" …") + " … " + found
        if following is not None and start + n < ITEM_DOCS:
            texts = {f.get("text", "") for _, f, _ in shown_items}
            for hit, (_, fields, _) in zip(hits, shown_items):
                if len(hit.snippet) < SNIPPET_MIN_CHARS:  # (a heading, a sentence the page cut: what follows it,
                    after = [t for t in following(fields)[:1] if t not in texts]  # unless it is shown itself)
                    more = continuation(getattr(matcher, "matcher", matcher), hit.snippet, fields.get("text", ""),
                                        after[0]) if after else None
                    hit.snippet = more or hit.snippet
        out.append(DocGroup(
            doc_id=doc_id, title=first.get("title", ""), date=first.get("date") or None,
            doc_type=first.get("doc_type", ""), score=score,
            bodies=sorted({b for _, f, _ in items for b in _split(f.get("bodies"))}),
            hits=hits, more=matching - len(shown_items)))
    return out


#: Questions whose answer may stand further down the agenda item the question's words are in, how many
#: passages after the one found it is looked for, and in how many of the first documents shown.
ITEM_INTENTS = ("outcome", "date")
ITEM_PASSAGES, ITEM_DOCS = 8, 3


def _answered(matcher, fields, intent: str) -> bool:
    """Whether a passage's snippet answers ``intent`` itself: a sentence of it does (the matcher's answer; the
    PostgreSQL backend's own snippet may hold another item's words), or, for a date, its meeting's."""
    if intent == "date" and fields.get("meeting_date"):
        return True
    return getattr(matcher, "matcher", matcher).snippet(fields.get("text", ""), intent)[2] > 0


def _following(state: _IndexState, searcher, fields) -> list[str]:
    """The texts of the (at most ``ITEM_PASSAGES``) passages after the passage ``fields`` in its document."""
    docnum = getattr(fields, "docnum", None)
    columns = state.columns(searcher)
    code = columns.code_of().get(fields["doc_id"])
    if docnum is None or code is None:
        return []
    nums = np.flatnonzero(columns.doc == code)
    after = [state.stored_fields(searcher, int(d)) for d in nums[nums > docnum][:ITEM_PASSAGES].tolist()]
    number = fields.get("passage_no", 0)
    return [f.get("text", "") for f in sorted(after, key=lambda f: f.get("passage_no", 0))
            if f.get("passage_no", 0) > number]


def _diverse(items: list, per_doc: int, held_by: dict, matcher: Matcher) -> None:
    """A document's passages shown (its first ``per_doc`` ``items``, best first) each add a word of the query
    the ones before them do not show, while any passage does: after the best, the next is the one whose score
    times the weight of the query's words it adds is highest. The words that found the document (a street, a
    case number) stand in most of its passages; the passage that also holds "leeftijd" or "reden" answers."""
    concepts = getattr(matcher, "concepts", None)
    if len(items) <= 1 or not concepts:
        return
    shown = set(held_by.get(id(items[0][1]), {}))
    for place in range(1, min(per_doc, len(items))):
        adds = [sum(concepts[n].weight for n in held_by.get(id(items[i][1]), {}) if n not in shown)
                for i in range(place, len(items))]
        if max(adds) <= 0:
            return  # none adds a word: the rest stay best first
        at = place + max(range(len(adds)), key=lambda k: (items[place + k][0] * adds[k], -k))
        items.insert(place, items.pop(at))
        shown |= set(held_by.get(id(items[place][1]), {}))


def _show_all_asked(items: list, per_doc: int, held: dict, held_by: dict, matcher: Matcher) -> None:
    """A document's passages shown (its first ``per_doc`` ``items``) hold the rarest word of the query,
    or a name typed, if the document does: when only a passage further down holds it ("Peters" under a letter asked
    for with "Peters woo besluit"), that passage takes the place of the last one shown."""
    if len(items) <= per_doc or not getattr(matcher, "concepts", None):
        return
    shown = {n for _, f, _ in items[:per_doc] for n in held_by.get(id(f), {})}
    concepts = matcher.concepts
    heaviest = max(range(len(concepts)), key=lambda n: concepts[n].weight)
    asked = [n for n in held if n not in shown and (n == heaviest or getattr(concepts[n], "name", False))]
    for n in sorted(asked, key=lambda n: -concepts[n].weight)[:1]:
        at = next((i for i in range(per_doc, len(items)) if n in held_by.get(id(items[i][1]), {})), None)
        if at is not None:
            items.insert(per_doc - 1, items.pop(at))


SIGNATURE_PASSAGES = 8  # the last passages of a document where its signature is looked for, besides those found


def signature_passages(numbers: list[int]) -> list[int]:
    """Of a document's passages (numbers in order), those where its signature may be: all of a short
    document, the last ``SIGNATURE_PASSAGES`` of a long one (both backends)."""
    return numbers if len(numbers) <= SIGNATURE_PASSAGES * 3 // 2 else numbers[-SIGNATURE_PASSAGES:]


def _signature_rows(state: _IndexState, searcher, rows, limit: int) -> list:
    """For a question about who signed: the passages of the first ``limit`` documents of ``rows`` that the
    query did not find, where their signature may be (all of a short document, the last ones of a long
    one), each scored as its document's weakest passage found."""
    columns = state.columns(searcher)
    code_of = columns.code_of()
    found = {getattr(f, "docnum", None) for _, f in rows}
    weakest: dict[str, float] = {}
    for score, fields in rows:
        doc_id = fields["doc_id"]
        if doc_id in weakest or len(weakest) < limit:
            weakest[doc_id] = min(score, weakest.get(doc_id, score))
    out = []
    for doc_id, score in weakest.items():
        if doc_id not in code_of:
            continue
        nums = signature_passages(np.flatnonzero(columns.doc == code_of[doc_id]).tolist())
        out += [(score, LazyFields(doc_id, partial(state.stored_fields, searcher, d), d)) for d in nums if d not in found]
    return out


def _held_at_most(matcher: Matcher, rows, state: _IndexState, searcher) -> np.ndarray | None:
    """Per concept of ``matcher`` and row, whether the row's passage may hold it: one of its words is in
    the passage's words in the index (a phrase: all of its words). A snippet finds a word in a passage
    only where the index has it there, so this is an upper bound, read from the word lists alone."""
    nums = [getattr(fields, "docnum", None) for _, fields in rows]
    if not rows or any(n is None for n in nums):
        return None
    nums_arr = np.asarray(nums, dtype=np.int64)
    out = np.zeros((len(matcher.concepts), len(rows)), dtype=bool)
    where: dict[str, np.ndarray] = {}

    def has(term: str) -> np.ndarray:
        if term not in where:
            ids = state.scores.leaf(Term("text", term), searcher)[0]  # sorted (``_leaf_ids``)
            at = np.minimum(np.searchsorted(ids, nums_arr), len(ids) - 1)
            where[term] = ids[at] == nums_arr if len(ids) else np.zeros(len(nums_arr), dtype=bool)
        return where[term]

    for n, concept in enumerate(matcher.concepts):
        for term in concept.terms:
            out[n] |= has(term)
        for phrase in concept.phrases:
            out[n] |= np.logical_and.reduce([has(w) for w in phrase])
    return out


def _answer_bound(matcher: Matcher, rows, at: list[int]) -> float:
    """The most a document's passages ``rows[at]`` can score for a question once re-weighed: a passage's
    answer share is at most its coverage (the answering sentence holds part of what the passage holds),
    so its coverage, cheap to know, bounds both factors."""
    held: dict[int, bool] = {}
    bounds = []
    for i in at:
        score, fields = rows[i]
        coverage = matcher.coverage(fields.get("text", ""))
        bounds.append(score * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage) * (1.0 + ANSWER_BOOST * coverage))
        for c, typed in matcher.last.items():
            held[c] = held.get(c, False) or typed
    bounds.sort(reverse=True)
    return (bounds[0] + MORE_PASSAGES * sum(bounds[1:3])) * (DOC_COVERAGE_FLOOR + (1 - DOC_COVERAGE_FLOOR) * matcher.share([held]))


#: What a search that ran out of its time budget says (``SEARCH_BUDGET_S``).
TIME_NOTE = ("de zoekvraag kostte te veel tijd om helemaal uit te werken; wat er binnen de tijd gevonden is, "
             "staat hieronder (maak de vraag korter of nauwer)")


_LATE = object()  # a passage's snippet when there was no time to re-weigh it


def _snippet(matcher: Matcher, fields, intent: str | None, made) -> str:
    """A shown passage's snippet: ``made`` already, or made now (its best sentence, or its opening if late)."""
    if made is _LATE:
        return _opening(fields.get("text", ""))
    if made is not None:
        return made
    _name(matcher, fields)
    return matcher.snippet(fields.get("text", ""), intent)[0]


def _name(matcher: Matcher, fields) -> None:
    """Tell the matcher (of either backend) whose passages come next: ``Matcher.name``."""
    getattr(matcher, "matcher", matcher).name(fields.get("title") or "")


def _opening(text: str) -> str:
    """A passage's first words as its snippet, when there was no time to find its best sentence."""
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


class LazyFields(Mapping):
    """A passage's stored fields, read on first use (its ``doc_id`` is known without reading)."""

    def __init__(self, doc_id: str, load, docnum: int | None = None):
        self._doc_id, self._load, self._fields = doc_id, load, None
        self.docnum = docnum

    def _all(self) -> dict:
        if self._fields is None:
            self._fields = self._load()
        return self._fields

    def __getitem__(self, key):
        if key == "doc_id":
            return self._doc_id
        return (self._fields if self._fields is not None else self._all())[key]

    def get(self, key, default=None):
        if key == "doc_id":
            return self._doc_id
        return (self._fields if self._fields is not None else self._all()).get(key, default)

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _in_context(fields: dict) -> str:
    """"(ministerraad, 10 januari 2025) ": the meeting a passage's document records, before its snippet."""
    body = (fields.get("meeting_body") or "").replace("_", " ")
    return f"({body + ', ' if body else ''}{dutch_date(fields['meeting_date'])}) "


@lru_cache(maxsize=1)
def _month_names() -> dict[int, str]:
    return {n: name for name, n in sorted(load_date_lexicon()["dates"]["months"].items(), key=lambda kv: len(kv[0]))}


def dutch_date(iso: str) -> str:
    """"2025-01-10" -> "10 januari 2025" (month names from the DATE component's data); a year or month as far as given."""
    months = _month_names()
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {months[int(parts[1])]} {parts[0]}"
        if len(parts) == 2:
            return f"{months[int(parts[1])]} {parts[0]}"
    except (KeyError, ValueError):
        pass
    return iso


def _split(value: str | None) -> list[str]:
    return list(_parts(value or ""))


@lru_cache(maxsize=4096)
def _parts(value: str) -> tuple[str, ...]:
    """The names of a comma-separated field (a passage's bodies, its organisations: the same for every
    passage of a document, so read once)."""
    return tuple(v for v in value.split(",") if v)


def _hit(score: float, fields: dict, snippet: str) -> Hit:
    doc_id = fields["doc_id"]
    if isinstance(fields, LazyFields):
        fields = fields._all()  # the stored fields themselves: a dozen look-ups follow
    return Hit(doc_id=doc_id, page=fields.get("page", 1), date=fields.get("date") or None,
               score=round(score, 4), snippet=snippet, title=fields.get("title", ""),
               doc_type=fields.get("doc_type", ""), passage_no=fields.get("passage_no", 0),
               bodies=_split(fields.get("bodies")), orgs=_split(fields.get("orgs")),
               meeting_body=fields.get("meeting_body") or None, meeting_date=fields.get("meeting_date") or None,
               government=fields.get("government") or None)


# A support verb in a question ("vond ... plaats", "gaat ... in") weighs this share of its own weight.
LIGHT_SHARE = 0.3
