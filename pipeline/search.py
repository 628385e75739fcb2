"""query -> ranked passages grouped per document, with answer-bearing snippets, filters and facets.

What a query goes through:

1. ``clean_query``: control characters, unbalanced quotes/brackets and lone wildcards go.
2. Question words ("wanneer", "wie", "hoeveel", ...) are taken out of the words to match and kept
   as the *intent*: the kind of answer the snippet should show (a date, a body or person, a number).
3. Whoosh parses the rest (phrases, AND/OR/NOT, field:value) over text, title and entity names.
4. Each word is widened (``_expand``): names with their aliases and abbreviations (knowledge base,
   store entities, abbreviations defined in the corpus: see ``aliases``), compound and spacing
   variants ("Twentebedrijf" = "Twente Bedrijf"), "WGR+" = "Wgr-plus", and, for words the index
   does not know or barely knows, the nearest words of the index (typos, "ontvlechting" ->
   "ontvlochten"). Variants weigh less than what was typed.
5. Passages are ranked by BM25F, grouped per document (documents ranked by their best passages)
   and each gets the sentence that answers best as its snippet, terms marked ``**like this**``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field
from rapidfuzz.distance import Levenshtein
from whoosh import sorting
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.query import And, AndNot, Not, NumericRange, Or, Phrase, Term, TermRange

from .aliases import AliasGroup, AliasTable, alias_table, fold  # noqa: F401  (AliasGroup, fold: re-exported)
from .card import LABEL_WORDS, Card, CardDocument, CardEvent, subject_card  # noqa: F401  (moved; old home)
from .index import dutch_analyzer, open_existing
from .nlp.dates import load_lexicon as load_date_lexicon
from .nlp.kb import load_kb

_log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 500
MARK_OPEN, MARK_CLOSE = "**", "**"
SNIPPET_CHARS = 300
FIELDS = ("text", "title", "names")
FIELD_BOOSTS = {"text": 1.0, "title": 0.5, "names": 1.2}
# Question words: not matched, but they say what the answer looks like.
INTENTS = {"wanneer": "date", "sinds": "date", "hoelang": "date", "wie": "actor", "welke": "actor",
           "hoeveel": "number", "wat": "what", "waarom": "what", "hoe": "what", "waar": "what"}
# How much a variant of a query word weighs against the word itself.
WEIGHT_ALIAS, WEIGHT_COMPOUND, WEIGHT_FUZZY, WEIGHT_NEAR = 0.9, 0.8, 0.6, 0.35
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


class DocGroup(BaseModel):
    """The matching passages of one document, best first."""

    doc_id: str
    title: str
    date: str | None
    doc_type: str
    score: float
    bodies: list[str] = Field(default_factory=list)
    hits: list[Hit] = Field(default_factory=list)


class FacetCount(BaseModel):
    value: str
    count: int  # documents with a matching passage


class SearchResult(BaseModel):
    query: str
    total: int
    hits: list[Hit]
    suggestion: str | None = None
    groups: list[DocGroup] = Field(default_factory=list)
    facets: dict[str, list[FacetCount]] = Field(default_factory=dict)
    intent: str | None = None
    also: list[str] = Field(default_factory=list)  # other names searched for


def clean_query(query: str) -> str:
    """Strip control characters, balance quotes and cap the length of a user's query."""
    query = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in query)
    query = " ".join(query.split())[:MAX_QUERY_CHARS]
    if query.count('"') % 2:
        query = query.replace('"', " ")
    if query.count("(") != query.count(")"):
        query = query.replace("(", " ").replace(")", " ")
    query = re.sub(r"(^|\s)[*?]+(?=\s|$)", " ", query)  # a lone wildcard matches everything
    return " ".join(query.split())


def split_intent(text: str) -> tuple[str, str | None]:
    """(the query without its question words, the intent: date/actor/number/what or None)."""
    intent, kept, quoted = None, [], False
    for word in text.split(" "):
        bare = word.strip("?!.,").casefold()
        if not quoted and bare in INTENTS:
            intent = intent or INTENTS[bare]
        else:
            kept.append(word.rstrip("?") if not quoted else word)
        quoted ^= word.count('"') % 2 == 1
    rest = " ".join(w for w in kept if w)
    return (rest, intent) if rest.strip(' "') else (text, None)


# Passages shown per document, so one long document cannot fill the whole list (None: no cap).
PER_DOC = 3


def search(folder: Path, query: str, limit: int = 10, *, doc_type: str | None = None,
           body: str | None = None, year_from: int | None = None, year_to: int | None = None,
           organisation: str | None = None, date_from: str | None = None, date_to: str | None = None,
           sort: str = "relevance", facets: bool = False, per_doc: int | None = PER_DOC) -> SearchResult:
    """Search the passages in the index in ``folder``.

    Returns at most ``limit`` passages, grouped per document (``groups``) and flattened in that
    order (``hits``). ``date_from``/``date_to`` take ISO prefixes ("2019", "2019-07"); ``sort``
    is "relevance", "date" (newest first) or "date_asc"; ``facets`` adds document counts per
    body, year and type; ``per_doc`` caps the passages shown per document. Raises QueryError for a query with nothing left to search for and
    FileNotFoundError when no index was built in ``folder``.
    """
    text = clean_query(query)
    if not text:
        raise QueryError("the query is empty once control characters and lone wildcards are removed")
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
    for value in (date_from, date_to):
        if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise QueryError(f"the date {value!r} is not a year or date like 2019, 2019-07 or 2019-07-04")
    words, intent = split_intent(text)
    ix = open_existing(folder)
    table = alias_table(folder)
    parser = _parser(ix.schema)
    q = _parse(parser, words)
    filt = _filter(table, doc_type, body, organisation, year_from, year_to, date_from, date_to)
    with ix.searcher() as searcher:
        expanded, also, concepts = _expand(q, words, searcher, table)
        want = max(limit * 3, 30)
        results = searcher.search(expanded, limit=want, filter=filt, groupedby=_facet_spec() if facets else None)
        rows = [(h.score, h.fields()) for h in results[:want]]
        facet_counts = _facets(results) if facets else {}
        # Counting every match is a second pass over the postings; Whoosh's estimate is free.
        # When fewer rows came back than asked for, they are all there is (the estimate would also
        # count passages deleted from segments not yet merged).
        if len(rows) < want or results.has_exact_length():
            total = len(rows) if len(rows) < want else len(results)
        else:
            total = max(len(rows), results.estimated_length())
        suggestion = _suggest(searcher, q, words)
    groups = _group(rows, _Matcher(concepts), intent, limit, sort, per_doc)
    hits = [h for g in groups for h in g.hits]
    return SearchResult(query=text, total=total, hits=hits, suggestion=suggestion, groups=groups,
                        facets=facet_counts, intent=intent, also=also)


# -- parsing and widening the query --------------------------------------------------------------
class _Concept:
    """One thing the user asked for: a typed word or a name, and every way it can be written."""

    def __init__(self, weight: float):
        self.terms: set[str] = set()
        self.phrases: set[tuple[str, ...]] = set()
        self.weight = weight


def _parser(schema) -> MultifieldParser:
    return MultifieldParser(list(FIELDS), schema, group=OrGroup, fieldboosts=FIELD_BOOSTS)


def _parse(parser, text: str):
    try:
        q = parser.parse(text)
    except Exception:  # noqa: BLE001 - whoosh's parser errors are not one class
        q = parser.parse(re.sub(r"[^\w\s]", " ", text))
    return _not_excludes(q)


def _not_excludes(q):
    """Or([a, b, Not(c)]) -> AndNot(Or([a, b]), c): with OR as the default, "x NOT y" must still exclude y."""
    if hasattr(q, "subqueries") and not isinstance(q, Phrase):
        q = q.copy()
        q.subqueries = [_not_excludes(sub) for sub in q.subqueries]
    if isinstance(q, Or):
        negated = [sub.query for sub in q.subqueries if isinstance(sub, Not)]
        positive = [sub for sub in q.subqueries if not isinstance(sub, Not)]
        if negated and positive:
            return AndNot(Or(positive) if len(positive) > 1 else positive[0],
                          Or(negated) if len(negated) > 1 else negated[0])
    return q


def _expand(q, raw: str, searcher, table: AliasTable):
    """(the query with every plain word widened to its variants, other names used, concepts).

    A one-word name ("VTT") is widened where it stands, so AND/NOT keep their meaning; the other
    names of a name of several words are added as alternatives to an OR query."""
    reader = searcher.reader()
    schema = searcher.schema
    analyzer = schema["text"].analyzer
    cache: dict[str, list] = {}
    concepts: dict[str, _Concept] = {}
    folded_raw = f" {fold(raw)} "
    unquoted = re.sub(r'"[^"]*"', " ", raw)  # a quoted phrase means exactly these words
    also: list[str] = []
    in_place: dict[str, list[tuple[str, float]]] = {}
    alternatives: list[tuple[_Concept, str, float]] = []
    for group, form in table.find(unquoted):
        concept = concepts.setdefault("=" + group.key, _Concept(sum(_idf(searcher, t) for t in _stems(analyzer, form))))
        _add_text(concept, form, analyzer)
        for other in group.forms[:MAX_ALIAS_FORMS]:
            f = fold(other)
            if f == form or f" {f} " in folded_raw or f" {form} " in f" {f} ":
                continue
            # A long name must not outweigh the short one typed: scale to the typed form's weight.
            ratio = concept.weight / (sum(_idf(searcher, t) for t in _stems(analyzer, other)) or 1.0)
            weight = WEIGHT_ALIAS * min(1.0, ratio)
            if " " in form:
                alternatives.append((concept, other, weight))
            else:
                in_place.setdefault(form, []).append((other, weight))
            also.append(other)
            _add_text(concept, other, analyzer)

    def widen(node):
        if isinstance(node, Term) and node.fieldname in FIELDS:
            original = raw[node.startchar:node.endchar] if node.startchar is not None else node.text
            key = original.casefold()
            if key not in cache:
                cache[key] = _variants(original, node.text, reader, schema) + in_place.get(fold(original), [])
                concept = concepts[key] = _Concept(_idf(searcher, node.text if node.fieldname == "text"
                                                        else (_stems(analyzer, original) or [""])[0]))
                _add_text(concept, original, analyzer)
                for text, _ in cache[key]:
                    _add_text(concept, text, analyzer)
            extra = [_retarget(v, node.fieldname, schema, node.boost) for v in cache[key]]
            extra = [e for e in extra if e is not None]
            return Or([node, *extra]) if extra else node
        if isinstance(node, Phrase) and node.fieldname == "text":
            concept = concepts.setdefault(" ".join(node.words), _Concept(sum(_idf(searcher, w) for w in node.words)))
            concept.phrases.add(tuple(node.words))
        if hasattr(node, "subqueries") and not isinstance(node, Phrase):
            node = node.copy()
            node.subqueries = [widen(sub) for sub in node.subqueries]
        return node

    out = widen(q)
    if isinstance(out, (Or, Term)):
        extra = [p for p in (_phrase_query(other, schema, w) for _, other, w in alternatives) if p is not None]
        for joined in _joined_pairs(unquoted, reader, schema):
            extra.append(joined)
            concepts.setdefault("+" + joined.text, _Concept(_idf(searcher, joined.text))).terms.add(joined.text)
        if extra:
            out = Or([*(out.subqueries if isinstance(out, Or) else [out]), *extra])
    return out, sorted(set(also), key=str.casefold)[:12], [c for c in concepts.values() if c.terms or c.phrases]


def _idf(searcher, term: str) -> float:
    try:
        return max(0.1, searcher.idf("text", term))
    except Exception:  # noqa: BLE001
        return 1.0


def _add_text(concept: _Concept, text: str, analyzer) -> None:
    if text.startswith("="):
        concept.terms.add(text[1:])
        return
    stems = _stems(analyzer, text)
    if len(stems) == 1:
        concept.terms.add(stems[0])
    elif stems:
        concept.phrases.add(tuple(stems))


def _variants(original: str, analyzed: str, reader, schema) -> list[tuple[str, float]]:
    """(text, weight) alternatives for one typed word: spelling variants, compounds, near words.

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
    analyzer = schema["text"].analyzer
    stem = (_stems(analyzer, low) or [analyzed])[0]
    freq = reader.doc_frequency("text", stem)
    rare = freq <= max(2, reader.doc_count() // 200)
    if len(low) >= 8 and low.isalpha() and rare:  # a common word is not a typo or an odd compound
        for i in range(3, len(low) - 2):
            left, right = _stems(analyzer, low[:i]), _stems(analyzer, low[i:])
            if len(left) == 1 and len(right) == 1 and len(left[0]) > 2 and len(right[0]) > 2 \
                    and reader.doc_frequency("text", left[0]) and reader.doc_frequency("text", right[0]):
                out.append((f"{low[:i]} {low[i:]}", WEIGHT_COMPOUND))
    if len(stem) >= 5 and stem.isalpha() and rare:
        if freq == 0:
            near = _near_terms(reader, stem, 1 if len(stem) < 8 else 2, prefix=2)
        else:
            near = _near_terms(reader, stem, 1, prefix=3)
        out += [("=" + n, WEIGHT_FUZZY if freq == 0 else WEIGHT_NEAR) for n in near]
    return out


def _near_terms(reader, term: str, maxdist: int, prefix: int, most: int = 3) -> list[str]:
    """Index terms of the text field within ``maxdist`` edits of ``term``, sharing its first letters."""
    found = []
    for btext in reader.expand_prefix("text", term[:prefix]):
        word = btext.decode("utf-8") if isinstance(btext, bytes) else btext
        if word != term and abs(len(word) - len(term)) <= maxdist and word.isalpha() \
                and Levenshtein.distance(word, term, score_cutoff=maxdist) <= maxdist:
            found.append((reader.doc_frequency("text", word), word))
    return [w for _, w in sorted(found, reverse=True)[:most]]


def _stems(analyzer, text: str) -> list[str]:
    return [t.text for t in analyzer(text, mode="query")]


def _retarget(variant: tuple[str, float], field: str, schema, boost: float):
    """One variant as a query on ``field`` (a term, or a phrase for several words)."""
    text, weight = variant
    if text.startswith("="):
        return Term("text", text[1:], boost=boost * weight) if field == "text" else None
    terms = _stems(schema[field].analyzer, text)
    if not terms:
        return None
    if len(terms) == 1:
        return Term(field, terms[0], boost=boost * weight)
    return Phrase(field, terms, boost=boost * weight) if field == "text" else And(
        [Term(field, t) for t in terms], boost=boost * weight)


def _phrase_query(text: str, schema, weight: float):
    parts = [q for q in (_retarget((text, weight), f, schema, FIELD_BOOSTS[f]) for f in ("text", "names")) if q]
    return Or(parts) if parts else None


def _joined_pairs(raw: str, reader, schema) -> list:
    """"Twente Bedrijf" -> the one word "twentebedrijf", when the index has it."""
    words = [w for w in re.findall(r"\w+", raw) if not w.isdigit()]
    out = []
    for a, b in zip(words, words[1:]):
        stems = _stems(schema["text"].analyzer, a + b)
        if len(stems) == 1 and reader.doc_frequency("text", stems[0]):
            out.append(Term("text", stems[0], boost=WEIGHT_COMPOUND))
    return out


MIN_SUGGEST_CHARS = 4


def _suggest(searcher, q, text: str) -> str | None:
    """A corrected query when some typed word is not in the index ("twnteraad" -> "twenteraad")."""
    try:
        # Whoosh compares the stemmed query terms with the unstemmed words of the spelling
        # dictionary ("regiorad" is not a word, so it offered "regional" for "regioraad"): ask
        # only when some typed word, unstemmed, is not in the corpus.
        field = searcher.schema["text"]
        typed = [t.text for t in field.analyzer(text, no_morph=True)]
        words = field.spelling_fieldname("text") if field.separate_spelling() else "text"
        reader = searcher.reader()
        unknown = [w for w in typed if (words, w) not in reader]  # a dictionary look-up, not a scan
        if not unknown:
            return None
        for a, b in zip(typed, typed[1:]):  # "Twente Raad" -> "Twenteraad": a compound written apart
            if (a in unknown or b in unknown) and (words, a + b) in reader:
                return re.sub(rf"(?i)\b{re.escape(a)}\s+{re.escape(b)}\b", a + b, text, count=1)
        if all(len(w) <= MIN_SUGGEST_CHARS for w in unknown):
            return None  # a short unknown word has too many near neighbours to guess from
        corrected = searcher.correct_query(q, text, prefix=1, maxdist=2)
    except Exception:  # noqa: BLE001 - a suggestion is a nicety, never a reason to fail
        return None
    if corrected.query != q and corrected.string.casefold() != text.casefold():
        return corrected.string
    return None


# -- filters and facets --------------------------------------------------------------------------
def _filter(table: AliasTable, doc_type, body, organisation, year_from, year_to, date_from, date_to):
    parts = []
    if doc_type:
        parts.append(Term("doc_type", doc_type))
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


def _facet_spec():
    return {"doc": sorting.FieldFacet("doc_id", maptype=sorting.UnorderedList),
            "body": sorting.FieldFacet("bodies", allow_overlap=True, maptype=sorting.UnorderedList),
            "year": sorting.FieldFacet("year", maptype=sorting.UnorderedList),
            "type": sorting.FieldFacet("doc_type", maptype=sorting.UnorderedList)}


def _facets(results) -> dict[str, list[FacetCount]]:
    doc_of = {n: doc for doc, nums in results.groups("doc").items() for n in nums}
    out = {}
    for name in ("body", "year", "type"):
        counts = []
        for value, nums in results.groups(name).items():
            if value in (None, ""):
                continue
            counts.append(FacetCount(value=str(value), count=len({doc_of.get(n) for n in nums})))
        key = (lambda c: c.value) if name == "year" else (lambda c: (-c.count, c.value))
        out[name] = sorted(counts, key=key, reverse=(name == "year"))
    return out


# -- grouping and snippets -----------------------------------------------------------------------
def _group(rows, matcher: _Matcher, intent: str | None, limit: int, sort: str,
           per_doc: int | None = None) -> list[DocGroup]:
    """Passages re-weighed by how much of the query they hold and whether they answer it, per document."""
    by_doc: dict[str, list] = defaultdict(list)
    for score, fields in rows:
        snippet, coverage, answers = matcher.snippet(fields.get("text", ""), intent)
        score *= (0.6 + 0.4 * coverage) * (1.2 if answers else 1.0)
        by_doc[fields["doc_id"]].append((score, fields, snippet))
    groups = []
    for doc_id, items in by_doc.items():
        items.sort(key=lambda it: -it[0])
        scores = [s for s, _, _ in items]
        first = items[0][1]
        groups.append(DocGroup(
            doc_id=doc_id, title=first.get("title", ""), date=first.get("date") or None,
            doc_type=first.get("doc_type", ""), score=round(scores[0] + 0.2 * sum(scores[1:3]), 4),
            bodies=sorted({b for _, f, _ in items for b in _split(f.get("bodies"))}),
            hits=[_hit(s, f, snip) for s, f, snip in items]))
    groups.sort(key=lambda g: -g.score)
    if sort != "relevance":
        groups.sort(key=lambda g: g.date or ("" if sort == "date" else "\uffff"), reverse=(sort == "date"))
    out, room = [], limit
    for g in groups:
        if room <= 0:
            break
        g.hits = g.hits[:min(room, per_doc or room)]
        room -= len(g.hits)
        out.append(g)
    return out


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def _hit(score: float, fields: dict, snippet: str) -> Hit:
    return Hit(doc_id=fields["doc_id"], page=fields.get("page", 1), date=fields.get("date") or None,
               score=round(score, 4), snippet=snippet, title=fields.get("title", ""),
               doc_type=fields.get("doc_type", ""), passage_no=fields.get("passage_no", 0),
               bodies=_split(fields.get("bodies")), orgs=_split(fields.get("orgs")))


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    """Month names and number words from the DATE component's data; actor words from the bodies KB."""
    dates = load_date_lexicon()["dates"]
    months = sorted({*dates.get("months", {}), *dates.get("month_abbreviations", {}), *dates.get("seasons", {})},
                    key=len, reverse=True)
    numbers = sorted(dates.get("number_words", {}), key=len, reverse=True)
    actor_words: set[str] = set()
    for entry in load_kb().entries.values():
        if entry.label == "ORGAN":
            for alias in entry.aliases:
                actor_words.update(_stems(_TOKENS, alias.split()[-1]))
    month_re = "|".join(map(re.escape, months)) or "januari"
    date = re.compile(rf"\b\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b|\b\d{{1,2}}\s+(?:{month_re})\b"
                      rf"|\b(?:{month_re})\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\b", re.IGNORECASE)
    number_words = "|".join(map(re.escape, (n for n in numbers if n not in ("een", "één")))) or "twee"
    number = re.compile(rf"\b\d+(?:[.,]\d+)?\b|\b(?:{number_words})\b", re.IGNORECASE)
    return {"date": date, "number": number, "actor_words": frozenset(actor_words)}


# A sentence ends at . ! ? ; followed by a space (not after an initial or a short abbreviation), at a blank line, or before a bullet or numbered line.
_SENTENCE_END = re.compile(r"(?<=[.!?;])(?<!\b[A-Za-z]\.)(?<!\b(?:dd|nr|bv|ca|zg|jl)\.)\s+(?=\S)"
                           r"|\n\s*\n|\n(?=\s*(?:[•\-–*]|\d+[.)]\s))")
_TOKENS = dutch_analyzer()


class _Matcher:
    """Finds the sentence of a passage that best answers the query, and marks the matched terms."""

    def __init__(self, concepts: list[_Concept]):
        self.concepts = concepts
        self.total = sum(c.weight for c in concepts) or 1.0

    def _spans(self, tokens) -> tuple[list[tuple[int, int]], list[set[int]]]:
        """Token index spans that match, and per token index the concepts it matches."""
        texts = [t for t, _, _ in tokens]
        spans, hit_concepts = [], [set() for _ in tokens]
        for n, c in enumerate(self.concepts):
            for i, t in enumerate(texts):
                if t in c.terms:
                    spans.append((i, i + 1))
                    hit_concepts[i].add(n)
                for p in c.phrases:
                    if t == p[0] and tuple(texts[i:i + len(p)]) == p:
                        spans.append((i, i + len(p)))
                        hit_concepts[i].add(n)
        return spans, hit_concepts

    def snippet(self, text: str, intent: str | None) -> tuple[str, float, bool]:
        """(snippet with **marks**, share of the query's weight in the passage, whether it answers the intent)."""
        text = re.sub(r"\*{2,}|</?[a-zA-Z][^>]{0,40}>", " ", text)
        tokens = [(t.text, t.startchar, t.endchar) for t in _TOKENS(text, chars=True, mode="query")]
        spans, hit_concepts = self._spans(tokens)
        found = set().union(*hit_concepts) if hit_concepts else set()
        coverage = sum(self.concepts[n].weight for n in found) / self.total
        bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
        lex = _lexicon()
        best, best_score, best_answers, k = None, -1.0, False, 0
        for start, end in zip(bounds, bounds[1:]):
            lo = k
            while k < len(tokens) and tokens[k][1] < end:
                k += 1
            matched = set().union(*hit_concepts[lo:k]) if k > lo else set()
            if not matched or not text[start:end].strip():
                continue
            sent = text[start:end]
            has = {"date": bool(lex["date"].search(sent)), "number": bool(lex["number"].search(sent)),
                   "actor": any(tokens[i][0] in lex["actor_words"] for i in range(lo, k)) or _names(sent),
                   "what": k - lo >= 6}
            score = sum(self.concepts[n].weight for n in matched) / self.total * 10 + 0.3 * sum(has.values())
            answers = bool(intent and has.get(intent))
            score += 4.0 if answers else 0.0
            score -= 0.01 * max(0, len(sent) - SNIPPET_CHARS)
            if score > best_score:
                best, best_score, best_answers = (start, end), score, answers
        if best is None:
            return _mark(text, 0, min(len(text), SNIPPET_CHARS), tokens, spans), coverage, False
        start, end = best
        i = bounds.index(end)
        if end - start < 120 and i + 1 < len(bounds):
            end = bounds[i + 1]
        return _mark(text, *_window(text, start, end, tokens, spans), tokens, spans), coverage, best_answers


def _names(sentence: str) -> bool:
    words = sentence.split()
    return any(w[:1].isupper() and len(w) > 2 for w in words[1:]) or bool(re.search(r"\b[A-Z]{2,}\b", sentence))


def _window(text: str, start: int, end: int, tokens, spans) -> tuple[int, int]:
    """At most SNIPPET_CHARS of text[start:end], starting a little before the first match."""
    if end - start <= SNIPPET_CHARS:
        return start, end
    first = min((tokens[a][1] for a, _ in spans if start <= tokens[a][1] < end), default=start)
    lo = max(start, first - SNIPPET_CHARS // 3)
    if lo > start:
        lo = text.rfind(" ", start, lo) + 1 or lo
    return lo, min(end, lo + SNIPPET_CHARS)


def _mark(text: str, start: int, end: int, tokens, spans) -> str:
    """text[start:end] with the matched spans wrapped in **...**, on one line."""
    chars = sorted({(tokens[a][1], tokens[b - 1][2]) for a, b in spans
                    if tokens[a][1] >= start and tokens[b - 1][2] <= end})
    out, pos = [], start
    for s, e in chars:
        if s < pos:
            continue
        out += [text[pos:s], MARK_OPEN, text[s:e], MARK_CLOSE]
        pos = e
    out.append(text[pos:end])
    snippet = " ".join("".join(out).split())
    return ("… " if start > 0 and text[start - 1] not in "\n" else "") + snippet + (" …" if end < len(text.rstrip()) else "")
