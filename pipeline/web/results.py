"""One search as the page, the API and the feeds show it: filters checked, documents paged, facets.

In: the query parameters of a request (``q``, ``type``, ``body``, ``org``, ``government``, ``from``,
``to``, ``sort``, ``page``). Out: a :class:`ResultPage`: the documents of one page (``search``'s
groups), how many documents match, the facets (per type, year, body and government), the filters in
force as chips that each remove one, and a message when a filter is wrong.

Paging counts documents: ``search(..., limit=..., shown=...)`` ranks enough documents to fill the pages
up to the one shown (``per_doc`` passages per document) and makes only the page's. The number of
matching documents comes from the type facet (every document has one type). The government facet and
filter are the search's own (the index holds each passage's government). An index written before it did
gives no government facet: then the government of a document is read from the store, the facet counts
every matching document (``SearchResult.matching``) and the filter works on the documents of the first
``GOVERNMENT_POOL`` groups (a note says so when more match), until the next build writes the index anew.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from ..search import PER_DOC, SORTS, QueryError, search
from ..store import open_store, store_signature
from .filters import FilterError, check_name, check_type, date_nl, message_nl, parse_date, whole_number
from .pool import SEARCH_BUDGET_S

PAGE_SIZE = 10  # documents per page
MAX_PAGE = 50
GOVERNMENT_POOL = 200  # documents looked at for the government facet and filter
FILTER_FIELDS = {"type": "Soort document", "body": "Bestuursorgaan", "org": "Organisatie",
                 "government": "Overheid", "from": "Vanaf", "to": "Tot en met"}
SORTS_NL = {"relevance": "relevantie", "date": "nieuwste eerst", "date_asc": "oudste eerst"}


@dataclass
class Chip:
    """A filter in force, with the address of the same search without it."""

    field: str
    label: str
    value: str
    remove: str


@dataclass
class ResultPage:
    q: str
    filters: dict[str, str | None]
    sort: str = "relevance"
    page: int = 1
    size: int = PAGE_SIZE
    result: object | None = None  # pipeline.search.SearchResult
    groups: list = field(default_factory=list)
    documents: int = 0  # matching documents
    pages: int = 0
    facets: dict[str, list] = field(default_factory=dict)
    chips: list[Chip] = field(default_factory=list)
    error: str | None = None
    error_field: str | None = None
    note: str | None = None
    checked: dict[str, str | None] = field(default_factory=dict)  # the filters as the library took them
    #: the search ran in full (nothing left out, no note, within its time budget): the same request gives
    #: the same page until a build changes the index, so the web app may keep it (``cache``)
    complete: bool = False

    def link(self, base: str = "/", **change) -> str:
        """The address of this search with some parameters changed (None removes one; the page resets)."""
        params = {"q": self.q, **{k: v for k, v in self.filters.items() if v}}
        if self.sort != "relevance":
            params["sort"] = self.sort
        if self.size != PAGE_SIZE:
            params["size"] = self.size
        if "page" not in change:
            change["page"] = None
        params.update(change)
        return base + "?" + urlencode({k: v for k, v in params.items() if v not in (None, "", 1)})


def read_filters(params) -> tuple[dict[str, str | None], str, int]:
    """The raw filters, sort and page number of a request's query parameters (nothing checked yet)."""
    filters = {k: (params.get(k) or "").strip() or None for k in FILTER_FIELDS}
    sort = params.get("sort") or "relevance"
    raw_page = (params.get("page") or "1").strip()
    page = whole_number(raw_page) or 1
    return filters, sort, min(page, MAX_PAGE)


def check_paging(params, most_size: int = 100, most_page: int = MAX_PAGE) -> None:
    """FilterError when ``page`` or ``size`` is given but no whole number from 1 to its most."""
    for name, most in (("page", most_page), ("size", most_size)):
        raw = (params.get(name) or "").strip()
        if raw and not whole_number(raw, most):
            raise FilterError(name, raw, f"is no number from 1 to {most}", f"is geen getal van 1 tot en met {most}")


def read_size(params, default: int = PAGE_SIZE, most: int = 100) -> int:
    """Documents per page from a ``size`` parameter (1 to ``most``; anything else: the default)."""
    raw = (params.get("size") or "").strip()
    size = whole_number(raw, most)
    return size if size else default


def check_government(folder, value: str | None, option: str = "government") -> str | None:
    """The government ``value`` names (its name in any case, or its code: "gm0153" for Enschede) as the
    documents hold it; FilterError naming the governments there are when none matches."""
    if not value:
        return None
    govs = governments(folder)
    wanted = value.strip().casefold()
    found = next((g for g in set(govs.values()) if g and g.casefold() == wanted), None)
    found = found or government_codes(folder).get(wanted)
    if found is None:
        raise FilterError(option, value, "is no government of these documents",
                          "is geen overheid van deze documenten", sorted({g for g in govs.values() if g}))
    return found


def check_filters(folder, filters: dict[str, str | None], sort: str) -> dict[str, str | None]:
    """The filters as the library takes them (ISO dates, type keys); FilterError for the first bad one."""
    out = dict(filters)
    out["type"] = check_type(filters["type"], "type")
    out["from"] = parse_date(filters["from"], "from")
    out["to"] = parse_date(filters["to"], "to")
    out["body"] = check_name(folder, filters["body"], "body", "ORGAN")
    out["org"] = check_name(folder, filters["org"], "org", "ORG")
    out["government"] = check_government(folder, out["government"], "government")
    if sort not in SORTS:
        raise FilterError("sort", sort, "is no order", "is geen volgorde", list(SORTS))
    return out


_GOVERNMENTS: dict[str, tuple[tuple, dict[str, str | None], dict[str, str]]] = {}


def _read_governments(folder) -> tuple[dict[str, str | None], dict[str, str]]:
    sig = store_signature(folder)
    cached = _GOVERNMENTS.get(str(folder))
    if cached and cached[0] == sig:
        return cached[1], cached[2]
    with open_store(folder) as store:
        docs = store.documents()
    govs = {d.doc_id: d.government for d in docs}
    codes = {d.government_code.casefold(): d.government for d in docs if d.government and d.government_code}
    _GOVERNMENTS[str(folder)] = (sig, govs, codes)
    return govs, codes


def governments(folder) -> dict[str, str | None]:
    """doc_id -> the government that issued it (from the store; kept until a build commits)."""
    return _read_governments(folder)[0]


def government_codes(folder) -> dict[str, str]:
    """A government's code, lower case ("gm0153") -> its name as the documents hold it ("Enschede")."""
    return _read_governments(folder)[1]


def run(folder: Path, q: str, filters: dict[str, str | None], sort: str = "relevance", page: int = 1,
        page_size: int = PAGE_SIZE) -> ResultPage:
    """Search ``q`` under ``filters`` and cut out page ``page`` (documents ``page_size`` at a time).

    A bad filter or query does not raise: the page carries ``error`` (in Dutch) and the filters as typed."""
    out = ResultPage(q=q, filters=dict(filters), sort=sort if sort in SORTS else "relevance", page=page,
                     size=page_size)
    try:
        checked = check_filters(folder, filters, sort)
    except FilterError as exc:
        out.error = exc.dutch(FILTER_FIELDS.get(exc.option, exc.option))
        out.error_field = exc.option
        out.chips = _chips(out, filters)
        return out
    out.chips = _chips(out, filters)
    out.checked = checked
    if not q.strip():
        return out
    gov = checked["government"]
    want_docs = page * page_size + 1
    window = ((page - 1) * page_size, page * page_size)
    kw = dict(doc_type=checked["type"], body=checked["body"], organisation=checked["org"],
              date_from=checked["from"], date_to=checked["to"], sort=out.sort, facets=True, per_doc=PER_DOC,
              budget=SEARCH_BUDGET_S)
    started = time.perf_counter()
    try:
        # only the page's documents are made, ranked as among all ``want_docs``
        result = search(folder, q, want_docs, government=gov, shown=window, **kw)
        if "government" not in result.facets:  # an index written before governments were indexed
            result = search(folder, q, max(want_docs, GOVERNMENT_POOL), shown=None if gov else window, **kw)
    except QueryError as exc:
        out.error = f"Deze zoekvraag kan niet worden beantwoord: {message_nl(str(exc))}."
        return out
    except FileNotFoundError:
        out.error = "Er is nog geen index: voer eerst `spoor build` uit."
        return out
    out.result = result
    # a search that hit its deadline may leave out what a quicker run finds (a suggestion, more words)
    out.complete = not result.notes and time.perf_counter() - started < kw["budget"]
    if "government" in result.facets:
        _cut(out, result.groups, sum(f.count for f in result.facets.get("type", [])) or len(result.groups),
             sliced=True)
        out.facets = dict(result.facets)
        return out
    govs = governments(folder)
    groups = result.groups
    matched = sum(f.count for f in result.facets.get("type", [])) or len(groups)
    counts: dict[str, int] = {}
    counted = result.matching if not gov and result.matching else [g.doc_id for g in groups]
    for doc_id in counted:
        if govs.get(doc_id):
            counts[govs[doc_id]] = counts.get(govs[doc_id], 0) + 1
    if gov:
        groups = [g for g in groups if govs.get(g.doc_id) == gov]
        matched = len(groups)
    if matched > len(counted) and (gov or counts):
        out.note = (f"De telling per overheid gaat over de eerste {len(result.groups)} van de "
                    f"{matched} documenten.")
    _cut(out, groups, matched, sliced=not gov)
    out.facets = {**result.facets, "government": _facet(counts)}
    return out


def _cut(out: ResultPage, groups: list, matched: int, sliced: bool) -> None:
    """``out``'s count of matching documents, its pages and the groups of the page it shows (``sliced``:
    ``groups`` are already the page's, the search made only those)."""
    out.documents = matched
    out.pages = max(1, math.ceil(matched / out.size)) if matched else 0
    start = 0 if sliced else (out.page - 1) * out.size  # a page past the last is empty (its links lead back)
    out.groups = groups[start:start + out.size]


def _facet(counts: dict[str, int]) -> list:
    from ..search.engine import FacetCount

    return [FacetCount(value=v, count=c) for v, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _chips(out: ResultPage, filters: dict[str, str | None]) -> list[Chip]:
    chips = []
    if filters.get("from") and filters.get("from") == filters.get("to"):  # a year facet: one chip
        chips.append(Chip("year", "Periode", _shown_date(filters["from"]), out.link(**{"from": None, "to": None})))
        filters = {k: v for k, v in filters.items() if k not in ("from", "to")}
    for k, v in filters.items():
        if v:
            shown = _shown_date(v) if k in ("from", "to") else v.replace("_", " ")
            chips.append(Chip(k, FILTER_FIELDS[k], shown, out.link(**{k: None})))
    return chips


def _shown_date(value: str) -> str:
    try:
        return date_nl(parse_date(value))
    except FilterError:
        return value
