"""Query -> hits, behind one interface with two backends.

In: a query a person typed (Dutch words, names, abbreviations, typos, phrases, AND/OR/NOT, a question
word) and filters. Out: a :class:`SearchResult`: passages grouped per document, each with a snippet
that answers, facets, a "did you mean", and the subject card of a name (``card``).

``engine`` plans a query (aliases from ``pipeline.link.aliases``, word forms from ``wordforms``,
compounds and near words) and answers it from the Whoosh index (``WhooshSearch``: scores from
``postings``' numpy arrays, snippets from ``snippets``); ``postgres`` answers the same plan with
PostgreSQL's full-text search (``PgSearch``). :func:`backend_for` picks one from the store's
location (``pipeline.store.locate``), so no caller asks which backend it has.

Exports: ``search``, ``backend_for``, ``SearchBackend``, ``SearchResult``, ``QueryError``,
``subject_card``, ``Card``, ``MARK_OPEN``, ``MARK_CLOSE``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from ..store import locate
from .card import Card, subject_card  # noqa: F401  (exported)
from .engine import (  # noqa: F401  (exported)
    MARK_CLOSE, MARK_OPEN, PER_DOC, SORTS, QueryError, SearchResult, WhooshSearch, clean_query, split_intent,
)


class SearchBackend(Protocol):
    """What a search backend answers (``engine.WhooshSearch``, ``postgres.PgSearch``)."""

    def search(self, folder, text: str, words: str, intent: str | None, limit: int, **filters) -> SearchResult: ...
    def passages_naming(self, folder, forms: list[str]) -> list[dict]: ...
    def generation(self, folder) -> tuple: ...


def _postgres() -> SearchBackend:
    from .postgres import PgSearch  # psycopg is only needed for a database

    return PgSearch()


#: The search backend of each kind of store (``pipeline.store.Location.kind``).
BACKENDS = {"sqlite": WhooshSearch, "postgresql": _postgres}


def backend_for(target) -> SearchBackend:
    """The search backend that answers for the store at ``target`` (an index folder or a database URL)."""
    return BACKENDS[locate(target).kind]()


def search(folder: Path, query: str, limit: int = 10, *, doc_type: str | None = None,
           body: str | None = None, year_from: int | None = None, year_to: int | None = None,
           organisation: str | None = None, date_from: str | None = None, date_to: str | None = None,
           sort: str = "relevance", facets: bool = False, per_doc: int | None = PER_DOC,
           government: str | None = None, shown: int | tuple[int, int] | None = None,
           budget: float | None = None) -> SearchResult:
    """Search the passages in the index in ``folder`` (an index folder or a ``postgresql://`` address).

    Returns at most ``limit`` documents (``groups``), each with its best ``per_doc`` passages and how
    many more of its passages match (``more``), the passages flattened in that order (``hits``);
    ``total`` counts the passages that match, ``documents`` the documents. ``date_from``/``date_to`` take ISO prefixes ("2019", "2019-07"); ``sort``
    is "relevance", "date" (newest first) or "date_asc"; ``facets`` adds document counts per
    body, year, type and government; ``government`` keeps the documents of one government (its name as
    stored, "Den Helder"; a Whoosh index written before spoor indexed it has neither: then no government
    facet comes back and the filter is not applied); ``per_doc`` caps the passages shown per document. ``shown``: only the first
    ``shown`` documents are returned (``(start, end)``: those from ``start`` to ``end``, one page), ranked
    as among all ``limit`` (the rest are re-weighed only as far as needed to know they rank lower;
    ``matching`` still names every matching document). ``budget``: the
    seconds the search may take (default ``engine.SEARCH_BUDGET_S``) before it answers with what it has,
    saying so in ``notes``. Raises QueryError for a query with nothing left to search for and
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
    return backend_for(folder).search(folder, text, words, intent, limit, doc_type=doc_type, body=body,
                                      organisation=organisation, year_from=year_from, year_to=year_to,
                                      date_from=date_from, date_to=date_to, sort=sort, facets=facets,
                                      per_doc=per_doc, government=government, shown=shown, budget=budget)
