"""The JSON API of ``spoor serve`` under ``/api/``: search, documents, decisions, timeline, subjects.

In: query parameters, checked like the CLI's options (``web.filters``). Out: JSON; a bad parameter is a
400 ``{"error": <Dutch sentence>, "error_en": <English>, "parameter": name, "valid": [...]}``, an unknown
document a 404 with the same shape. ``/api/openapi.json`` describes every endpoint (OpenAPI 3.1).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from pydantic_core import to_json
from starlette.requests import Request
from starlette.responses import JSONResponse as _StarletteJSON
from starlette.routing import Route

from .. import __version__
from ..store import open_store
from . import results
from .cache import finished
from .pool import searching
from .filters import FilterError, check_document, check_status, check_type, parse_date, statuses_nl, whole_number

MAX_SIZE = 100


class JSONResponse(_StarletteJSON):
    """Starlette's JSON response, written by pydantic's serialiser (``pydantic_core.to_json``, a
    dependency already): the same bytes (UTF-8, no spaces; checked on every search answer of
    ``bench/search_answers.py``) in about a seventh of the time of ``json.dumps``, which took 4% of
    a search answer's CPU. A number that is not finite is written as null, not as invalid JSON."""

    def render(self, content) -> bytes:
        return to_json(content, inf_nan_mode="null")


def _error(status: int, dutch: str, english: str, parameter: str | None = None, valid=()) -> JSONResponse:
    return JSONResponse({"error": dutch, "error_en": english, "parameter": parameter, "valid": list(valid)},
                        status_code=status)


def _period_and_status(p) -> tuple[str | None, str | None, str | None]:
    """The ``from``, ``to`` and ``status`` parameters checked (FilterError names the bad one)."""
    return parse_date(p.get("from"), "from"), parse_date(p.get("to"), "to"), check_status(p.get("status"), "status")


def _bad(exc: FilterError) -> JSONResponse:
    return _error(400, exc.dutch(), exc.english(), exc.option, exc.valid)


def _size(request: Request, default: int) -> int:
    raw = request.query_params.get("size", "")
    if not raw:
        return default
    size = whole_number(raw, MAX_SIZE)
    if not size:
        raise FilterError("size", raw, f"is no number from 1 to {MAX_SIZE}", f"is geen getal van 1 tot {MAX_SIZE}")
    return size


def routes(folder: Path, answers=None) -> list[Route]:
    """The API's routes over the store and index at ``folder`` (``answers``: a ``cache.Answers`` that
    keeps finished searches)."""

    def api_search(request: Request) -> JSONResponse:
        p = request.query_params
        q = p.get("q", "")
        if not q.strip():
            return _error(400, "q: geef een zoekvraag mee, bijv. ?q=Twenteraad", "q: a query is required", "q")
        filters, sort, page = results.read_filters(p)
        try:
            size = _size(request, results.PAGE_SIZE)
            results.check_filters(folder, filters, sort)
        except FilterError as exc:
            return _bad(exc)
        if (p.get("page") or "1") != str(page):
            return _error(400, f"page: ‘{p.get('page')}’ is geen paginanummer van 1 tot {results.MAX_PAGE}",
                          f"page {p.get('page')!r} is no page number from 1 to {results.MAX_PAGE}", "page")
        found = results.run(folder, q, filters, sort, page, size)
        if found.error:
            return _error(400, found.error, found.error, found.error_field or "q")
        res = found.result
        govs = results.governments(folder)
        return finished(JSONResponse({
            "query": q, "page": found.page, "pages": found.pages, "page_size": size, "documents": found.documents,
            "passages": res.total if res else 0, "suggestion": res.suggestion if res else None,
            "also_searched": res.also if res else [], "notes": res.notes if res else [],
            "filters": {k: v for k, v in filters.items() if v}, "sort": found.sort,
            "results": [{
                "doc_id": g.doc_id, "title": g.title, "date": g.date, "doc_type": g.doc_type,
                "government": govs.get(g.doc_id), "score": g.score, "bodies": g.bodies,
                "url": f"/doc/{doc}", "api": f"/api/documents/{doc}",
                "passages": [{"page": h.page, "passage_no": h.passage_no, "snippet": h.snippet, "score": h.score,
                              "url": f"/doc/{doc}?passage={h.passage_no}#page-{h.page}",
                              "original": f"/file/{doc}#page={h.page}"} for h in g.hits]}
                for g, doc in ((g, quote(g.doc_id, safe="")) for g in found.groups)],
            "facets": {k: [{"value": f.value, "count": f.count} for f in v] for k, v in found.facets.items()},
            "next": (found.link("/api/search", page=found.page + 1) if found.page < found.pages else None),
        }), found.complete)

    def api_documents(request: Request) -> JSONResponse:
        p = request.query_params
        try:
            doc_type = check_type(p.get("type"), "type")
            date_from, date_to = parse_date(p.get("from"), "from"), parse_date(p.get("to"), "to")
            size = _size(request, MAX_SIZE)
            results.check_paging(p, MAX_SIZE, most_page=10**6)
        except FilterError as exc:
            return _bad(exc)
        gov = (p.get("government") or "").strip().casefold()
        with open_store(folder) as store:
            docs = store.documents()
            added = store.added_times()
        from ..link.timeline import in_range

        governments = sorted({d.government for d in docs if d.government})
        if gov and gov not in {g.casefold() for g in governments}:
            return _bad(FilterError("government", p.get("government"), "is no government of these documents",
                                    "is geen overheid van deze documenten", governments))

        picked = [d for d in docs if (not doc_type or d.doc_type == doc_type)
                  and (not gov or (d.government or "").casefold() == gov) and in_range(d.date, date_from, date_to)]
        raw_page = p.get("page") or "1"
        page = whole_number(raw_page) or 1
        chunk = picked[(page - 1) * size: page * size]
        return JSONResponse({"documents": len(picked), "page": page, "pages": -(-len(picked) // size),
                             "results": [{**d.model_dump(), "added": added.get(d.doc_id),
                                          "api": f"/api/documents/{quote(d.doc_id, safe='')}"} for d in chunk]})

    def api_document(request: Request) -> JSONResponse:
        doc_id = request.path_params["doc_id"]
        with open_store(folder) as store:
            try:
                doc_id = check_document(store.hashes(), doc_id, "doc_id")
            except FilterError as exc:
                return _error(404, f"Er is geen document ‘{exc.value}’.", f"no document {exc.value!r}", "doc_id")
            doc, _ = store.document(doc_id)
            ents, decs = store.entities(doc_id), store.decisions(doc_id)
        return JSONResponse({"document": doc.model_dump(), "entities": [e.model_dump() for e in ents],
                             "decisions": [_decision(d) for d in decs], "url": f"/doc/{quote(doc_id, safe='')}",
                             "original": f"/file/{quote(doc_id, safe='')}"})

    def api_decisions(request: Request) -> JSONResponse:
        from ..link.timeline import BadFilter
        from ..reports import filter_decisions

        p = request.query_params
        try:
            date_from, date_to, status = _period_and_status(p)
        except FilterError as exc:
            return _bad(exc)
        with open_store(folder) as store:
            decs = store.decisions()
            if p.get("doc"):
                try:
                    doc = check_document(store.hashes(), p.get("doc"), "doc")
                except FilterError as exc:
                    return _bad(exc)
                decs = [d for d in decs if d.doc_id == doc]
        try:
            decs = filter_decisions(decs, p.get("actor") or None, date_from, date_to, status)
        except BadFilter as exc:
            return _error(400, exc.dutch, str(exc), "actor")
        return JSONResponse({"decisions": len(decs), "results": [_decision(d) for d in decs]})

    def api_timeline(request: Request) -> JSONResponse:
        from ..link.subjects import UnknownSubject
        from ..link.timeline import BadFilter, timeline

        p = request.query_params
        try:
            date_from, date_to, status = _period_and_status(p)
        except FilterError as exc:
            return _bad(exc)
        try:
            evs = timeline(folder, subject=p.get("subject") or None, date_from=date_from, date_to=date_to,
                           actor=p.get("actor") or None, government=p.get("government") or None, status=status)
        except (BadFilter, UnknownSubject) as exc:
            return _error(400, getattr(exc, "dutch", None) or str(exc), str(exc),
                          "subject" if isinstance(exc, UnknownSubject) else None)
        return JSONResponse({"events": len(evs), "results": [e.model_dump() for e in evs]})

    def api_subjects(request: Request) -> JSONResponse:
        from ..link.subjects import load
        from ..reports import subjects_json

        subs = load(folder)
        label = (request.query_params.get("label") or "").strip().upper()
        labels = sorted({s.label for s in subs})
        if label and label not in labels:
            exc = FilterError("label", label, "is no subject label here", "is hier geen soort onderwerp", labels)
            return _bad(exc)
        return JSONResponse({"results": subjects_json([s for s in subs if not label or s.label == label])})

    async def openapi(request: Request) -> JSONResponse:
        return JSONResponse(openapi_description())

    return [Route("/api/search", searching(api_search, answers)), Route("/api/documents", api_documents),
            Route("/api/documents/{doc_id}", api_document), Route("/api/decisions", api_decisions),
            Route("/api/timeline", api_timeline), Route("/api/subjects", api_subjects),
            Route("/api/openapi.json", openapi)]


def _decision(d) -> dict:
    return {**d.model_dump(), "status_nl": statuses_nl().get(d.status, d.status),
            "url": f"/doc/{quote(d.doc_id, safe='')}#page-{d.page}"}


# -- the OpenAPI description ---------------------------------------------------------------------------
def _param(name: str, description: str, required: bool = False, schema: dict | None = None, where: str = "query") -> dict:
    return {"name": name, "in": where, "required": required, "description": description,
            "schema": schema or {"type": "string"}}


_DATE = "A year, month or day: 2019, 2019-12, dec 2019, 31-12-2019 or 2019-12-31."
_PERIOD = [_param("from", "From this date. " + _DATE), _param("to", "Up to and including this date. " + _DATE)]
_PAGING = [_param("page", "Page number, from 1.", schema={"type": "integer", "minimum": 1}),
           _param("size", f"Documents per page (1 to {MAX_SIZE}).",
                  schema={"type": "integer", "minimum": 1, "maximum": MAX_SIZE})]
_ERROR = {"description": "A parameter that is wrong or names nothing; the message says which values are valid.",
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _ok(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _list(item: dict, count: str) -> dict:
    return {"type": "object", "required": [count, "results"],
            "properties": {count: {"type": "integer"}, "results": {"type": "array", "items": item}}}


def openapi_description() -> dict:
    """The OpenAPI 3.1 description of the API (served at ``/api/openapi.json``)."""
    obj = {"type": "object"}
    passage = {"type": "object", "properties": {k: {"type": t} for k, t in (
        ("page", "integer"), ("passage_no", "integer"), ("snippet", "string"), ("score", "number"),
        ("url", "string"), ("original", "string"))}}
    hit = {"type": "object", "required": ["doc_id", "title", "passages"], "properties": {
        "doc_id": {"type": "string"}, "title": {"type": "string"}, "date": {"type": ["string", "null"]},
        "doc_type": {"type": "string"}, "government": {"type": ["string", "null"]}, "score": {"type": "number"},
        "bodies": {"type": "array", "items": {"type": "string"}}, "url": {"type": "string"},
        "api": {"type": "string"}, "passages": {"type": "array", "items": passage}}}
    facet = {"type": "array", "items": {"type": "object", "properties": {"value": {"type": "string"},
                                                                          "count": {"type": "integer"}}}}
    search_result = {"type": "object", "required": ["query", "page", "pages", "documents", "results", "facets"],
                     "properties": {"query": {"type": "string"}, "page": {"type": "integer"},
                                    "pages": {"type": "integer"}, "page_size": {"type": "integer"},
                                    "documents": {"type": "integer", "description": "Matching documents."},
                                    "passages": {"type": "integer", "description": "Matching passages."},
                                    "suggestion": {"type": ["string", "null"]},
                                    "also_searched": {"type": "array", "items": {"type": "string"}},
                                    "filters": obj, "sort": {"type": "string"},
                                    "results": {"type": "array", "items": hit},
                                    "facets": {"type": "object", "additionalProperties": facet},
                                    "next": {"type": ["string", "null"]}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "spoor API", "version": __version__,
                 "description": "Search and read Dutch government documents indexed by spoor. Errors are JSON "
                                "with a Dutch message (error), the same in English (error_en), the parameter "
                                "and its valid values."},
        "paths": {
            "/api/search": {"get": {
                "summary": "Search passages, grouped and paged per document, with facets.",
                "operationId": "search",
                "parameters": [_param("q", "Words, a \"phrase\", AND/OR/NOT, names or abbreviations.", True),
                               _param("type", "Document type (advies, brief, besluitenlijst, ...)."),
                               _param("body", "Only passages naming this body (name, abbreviation or id)."),
                               _param("org", "Only passages naming this organisation."),
                               _param("government", "Only documents of this government (Enschede, Overijssel)."),
                               *_PERIOD,
                               _param("sort", "Order of the documents.",
                                      schema={"type": "string", "enum": ["relevance", "date", "date_asc"]}),
                               *_PAGING],
                "responses": {"200": _ok("One page of matching documents.", search_result), "400": _ERROR}}},
            "/api/documents": {"get": {
                "summary": "Stored documents with their metadata and when they came in, paged.",
                "operationId": "documents",
                "parameters": [_param("type", "Document type."), _param("government", "Government."),
                               *_PERIOD, *_PAGING],
                "responses": {"200": _ok("Documents.", _list(obj, "documents")), "400": _ERROR}}},
            "/api/documents/{doc_id}": {"get": {
                "summary": "One document: metadata, entities and decisions.", "operationId": "document",
                "parameters": [_param("doc_id", "The document id (file name without extension).", True,
                                      where="path")],
                "responses": {"200": _ok("The document.", {"type": "object", "required": ["document"], "properties": {
                    "document": obj, "entities": {"type": "array", "items": obj},
                    "decisions": {"type": "array", "items": obj}, "url": {"type": "string"},
                    "original": {"type": "string"}}}),
                    "404": {**_ERROR, "description": "No such document."}}}},
            "/api/decisions": {"get": {
                "summary": "Decision records: who decided or proposed what, when, with what status.",
                "operationId": "decisions",
                "parameters": [_param("actor", "Body: name, abbreviation or id, alone or with its government."),
                               _param("status", "Status in English or Dutch (adopted/aangenomen, rejected/verworpen, ...)."),
                               _param("doc", "Only this document."), *_PERIOD],
                "responses": {"200": _ok("Decisions.", _list(obj, "decisions")), "400": _ERROR}}},
            "/api/timeline": {"get": {
                "summary": "Dated events (one per decision), linked to what later happened.",
                "operationId": "timeline",
                "parameters": [_param("subject", "Subject id, name or alias."), _param("actor", "Body."),
                               _param("government", "Government."), _param("status", "Status."), *_PERIOD],
                "responses": {"200": _ok("Events in date order.", _list(obj, "events")), "400": _ERROR}}},
            "/api/subjects": {"get": {
                "summary": "Subjects followed through the corpus, with their relations.",
                "operationId": "subjects",
                "parameters": [_param("label", "ORGAN, ORG, LAW, PROGRAMME, NAME or TOPIC.")],
                "responses": {"200": _ok("Subjects.", {"type": "object", "properties": {
                    "results": {"type": "array", "items": obj}}}), "400": _ERROR}}},
        },
        "components": {"schemas": {"Error": {"type": "object", "required": ["error"], "properties": {
            "error": {"type": "string", "description": "What is wrong, in Dutch."},
            "error_en": {"type": "string"}, "parameter": {"type": ["string", "null"]},
            "valid": {"type": "array", "items": {"type": "string"}}}}}},
    }
