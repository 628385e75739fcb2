"""query -> hits: ranked passages with highlighted snippets, filters and a spelling suggestion."""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

from pydantic import BaseModel, Field
from whoosh import highlight
from whoosh.qparser import MultifieldParser, OrGroup
from whoosh.query import And, DateRange, NumericRange, Term  # noqa: F401

from .index import open_existing

_log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 500
MARK_OPEN, MARK_CLOSE = "**", "**"


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


class SearchResult(BaseModel):
    query: str
    total: int
    hits: list[Hit]
    suggestion: str | None = None


class _MarkFormatter(highlight.Formatter):
    """Marks matched terms as **term** (Markdown bold; readable in a terminal and a notebook)."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return f"{MARK_OPEN}{highlight.get_text(text, token, replace)}{MARK_CLOSE}"


def clean_query(query: str) -> str:
    """Strip control characters, balance quotes and cap the length of a user's query."""
    query = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in query)
    query = " ".join(query.split())[:MAX_QUERY_CHARS]
    if query.count('"') % 2:
        query = query.replace('"', " ")
    if query.count("(") != query.count(")"):
        query = query.replace("(", " ").replace(")", " ")
    query = re.sub(r"(^|\s)[*?]+(?=\s|$)", " ", query)  # a lone wildcard matches everything
    return query.strip()


def search(folder: Path, query: str, limit: int = 10, *, doc_type: str | None = None,
           body: str | None = None, year_from: int | None = None, year_to: int | None = None) -> SearchResult:
    """Search the passages in the index in ``folder``."""
    text = clean_query(query)
    if not text:
        raise QueryError("the query is empty once control characters and lone wildcards are removed")
    ix = open_existing(folder)
    parser = MultifieldParser(["text", "title", "names"], ix.schema, group=OrGroup,
                              fieldboosts={"text": 1.0, "title": 0.5, "names": 1.2})
    try:
        q = parser.parse(text)
    except Exception:  # noqa: BLE001 - whoosh's parser errors are not one class
        q = parser.parse(re.sub(r"[^\w\s]", " ", text))
    filt = _filter(doc_type, body, year_from, year_to)
    with ix.searcher() as searcher:
        results = searcher.search(q, limit=max(1, limit), filter=filt, terms=True)
        results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
        results.formatter = _MarkFormatter()
        hits = [_hit(h) for h in results]
        suggestion = None
        corrected = searcher.correct_query(q, text, prefix=1, maxdist=2)
        if corrected.query != q and corrected.string.casefold() != text.casefold():
            suggestion = corrected.string
        return SearchResult(query=text, total=len(results), hits=hits, suggestion=suggestion)


def _filter(doc_type, body, year_from, year_to):
    parts = []
    if doc_type:
        parts.append(Term("doc_type", doc_type))
    if body:
        parts.append(Term("bodies", body.casefold()))
    if year_from is not None or year_to is not None:
        parts.append(NumericRange("year", year_from, year_to))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def _hit(h) -> Hit:
    snippet = h.highlights("text", top=2) or h["text"][:240]
    return Hit(
        doc_id=h["doc_id"], page=h["page"], date=h.get("date") or None, score=round(h.score, 4),
        snippet=" ".join(snippet.split()), title=h.get("title", ""), doc_type=h.get("doc_type", ""),
        passage_no=h["passage_no"], bodies=[b for b in h.get("bodies", "").split(",") if b],
    )
