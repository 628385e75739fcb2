"""A small web app over search and the store: search page, document page, subject page, original files.

Everything a document says is escaped before it reaches the page; the ``**term**`` marks of the
snippets become ``<mark>`` only after escaping. Original files are served by document id from the
path in the store, and only when that path lies inside the indexed corpus folder.
"""

from __future__ import annotations

import html
import logging
import mimetypes
import os
import re
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from ..link.aliases import alias_table
from ..search.card import subject_card
from ..search import engine as search_module
from ..search import MARK_CLOSE, MARK_OPEN, QueryError, search
from ..store import locate, open_store, store_exists

_log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
DOC_ID = re.compile(r"[\w.-]{1,200}")
PAGE_SIZE = 10  # documents per page, each with its best PER_DOC passages
PER_DOC = 3
LABELS_NL = {"ORGAN": "bestuursorgaan", "ORG": "organisatie", "PERSON": "persoon", "LOC": "plaats",
             "DATE": "datum", "MONEY": "bedrag", "LAW": "wet"}
SORTS_NL = {"relevance": "relevantie", "date": "nieuwste eerst", "date_asc": "oudste eerst"}
FACETS_NL = {"type": "Soort document", "year": "Jaar", "body": "Bestuursorgaan"}


# The evolution's event labels (pipeline.link.evolution, English like the CLI) as the page shows them.
EVENT_WORDS_NL = {
    "went otherwise than proposed": "anders gelopen dan voorgesteld", "realises the proposal": "realiseert het voorstel",
    "part of what came of": "deel van wat kwam uit", "dissolved into": "opgegaan in", "also called": "ook genoemd",
    "replaced by": "vervangen door", "realised as": "gerealiseerd als", "came from": "komt voort uit",
    "first mention": "eerste vermelding", "moved to": "verplaatst naar", "replaces": "vervangt", "went to": "ging naar",
    "diverged": "week af", "renamed": "andere naam", "proposal": "voorstel", "decision": "besluit", "ended": "beëindigd",
    "proposed": "voorgesteld", "adopted": "aangenomen", "planned": "gepland", "realized": "gerealiseerd",
    "rejected": "verworpen", "stated": "vastgesteld", "reported": "gemeld", "no outcome reported": "geen uitkomst gemeld",
    "last seen": "laatst gezien",
}
_EVENT_WORD = re.compile(r"^\(?(" + "|".join(sorted(map(re.escape, EVENT_WORDS_NL), key=len, reverse=True)) + r")\b")


def in_dutch(label: str) -> str:
    """An event's kind or text with its leading English label in Dutch ("proposed: ..." -> "voorgesteld: ...")."""
    label = label or ""
    out = _EVENT_WORD.sub(lambda m: m.group(0).replace(m.group(1), EVENT_WORDS_NL[m.group(1)]), label, count=1)
    out = out.replace("  [proposal:", "  [voorstel:")
    if "; " in out:  # an outcome of several parts ("replaced by ...; ended ...")
        out = "; ".join(in_dutch(part) for part in out.split("; "))
    return out


def marked(snippet: str) -> Markup:
    """Escape a snippet, then turn its ``**term**`` marks into <mark> elements."""
    escaped = html.escape(snippet, quote=True)
    o, c = re.escape(html.escape(MARK_OPEN)), re.escape(html.escape(MARK_CLOSE))
    return Markup(re.sub(f"{o}(.+?){c}", r"<mark>\1</mark>", escaped))


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["marked"] = marked
    env.filters["nl"] = in_dutch
    env.globals.update(labels=LABELS_NL, sorts=SORTS_NL, facet_names=FACETS_NL)
    return env


def create_app(folder: Path, warm: bool = False) -> Starlette:
    """The web app over the index and store in ``folder`` (or the PostgreSQL database at that address).

    ``warm``: have each index generation's common words written as arrays in a separate process
    (``postings.warm``), so a query's first search is fast too (``spoor serve`` does)."""
    folder = locate(folder).target
    if warm:
        search_module.WARM_IN_BACKGROUND = True
    env = _env()

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    async def search_page(request: Request) -> Response:
        p = request.query_params
        q = p.get("q", "")
        filters = {k: p.get(k) or None for k in ("type", "body", "org", "from", "to")}
        sort = p.get("sort", "relevance")
        sort = sort if sort in SORTS_NL else "relevance"
        result, card, error = None, None, None
        if q.strip():
            try:
                result = search(folder, q, PAGE_SIZE, doc_type=filters["type"], body=filters["body"],
                                organisation=filters["org"], date_from=filters["from"], date_to=filters["to"],
                                sort=sort, facets=True, per_doc=PER_DOC)
                card = subject_card(folder, q)
            except QueryError as exc:
                error = f"Deze zoekvraag kan niet worden beantwoord: {exc}."
            except FileNotFoundError:
                error = "Er is nog geen index: voer eerst `spoor build` uit."

        def link(**change) -> str:
            params = {"q": q, "sort": sort, **{k: v for k, v in filters.items() if v}}
            params.update(change)
            return "/?" + urlencode({k: v for k, v in params.items() if v})

        return page("search.html", q=q, result=result, card=card, error=error, filters=filters,
                    sort=sort, link=link, names=_names(folder))

    async def document_page(request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        if not DOC_ID.fullmatch(doc_id):
            return page("error.html", 404, message="Dit document bestaat niet.")
        with open_store(folder) as store:
            found = store.document(doc_id)
            if not found:
                return page("error.html", 404, message=f"Er is geen document {doc_id}.")
            doc, text = found
            passages = store.passages(doc_id)
            entities = store.entities(doc_id)
            decisions = store.decisions(doc_id)
        hit = request.query_params.get("passage")
        hit = int(hit) if hit and hit.isdigit() else None
        return page("document.html", doc=doc, pages=_pages(text or "", passages, entities, hit),
                    decisions=decisions, q=request.query_params.get("q", ""),
                    bodies=sorted({e.canonical or e.text for e in entities if e.label == "ORGAN"}), names=_names(folder))

    async def subject_page(request: Request) -> Response:
        q = request.query_params.get("q", "")
        card = subject_card(folder, q) if q.strip() else None
        if card is None:
            return page("error.html", 404, message="Geen onderwerp (orgaan, organisatie, programma) gevonden "
                                                   "met die naam.")
        return page("subject.html", card=card, q=q)

    async def original_file(request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        path = _corpus_file(folder, doc_id)
        if path is None:
            return PlainTextResponse("Dit bestand hoort niet bij de geïndexeerde documenten.", status_code=404)
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if media.startswith("text/") or path.suffix.lower() in (".md", ".txt"):
            media = "text/plain; charset=utf-8"
        return FileResponse(path, media_type=media, content_disposition_type="inline")

    async def timeline_page(request: Request) -> Response:
        from ..link.subjects import UnknownSubject
        from ..link.timeline import BadFilter, timeline
        from ..reports import TIMELINE_CSS, timeline_body

        p = request.query_params
        filters = {k: (p.get(k) or "").strip() or None for k in TIMELINE_FILTERS}
        error, evs = None, []
        try:
            evs = timeline(folder, subject=filters["onderwerp"], date_from=filters["van"], date_to=filters["tot"],
                           actor=filters["orgaan"], government=filters["overheid"], status=_status(filters["status"]))
        except (BadFilter, UnknownSubject) as exc:
            error = str(exc)
        body = timeline_body(evs, link=lambda doc_id, page: f"/doc/{doc_id}#page-{page}")
        return page("timeline.html", 400 if error else 200, filters=filters, error=error, count=len(evs),
                    body=Markup(body), css=Markup(TIMELINE_CSS), statuses=STATUSES_NL)

    routes = [Route("/", search_page), Route("/doc/{doc_id}", document_page), Route("/tijdlijn", timeline_page),
              Route("/subject", subject_page), Route("/file/{doc_id}", original_file)]
    app = Starlette(routes=routes)
    app.state.folder = folder
    return app


TIMELINE_FILTERS = ("overheid", "orgaan", "status", "van", "tot", "onderwerp")
STATUSES_NL = {"proposed": "voorgesteld", "planned": "gepland", "adopted": "besloten", "realized": "gerealiseerd",
               "rejected": "verworpen", "promised": "toegezegd"}


def _status(value: str | None) -> str | None:
    """A status as the page's form sends it (Dutch or English) in the English of the records."""
    if not value:
        return None
    return next((k for k, v in STATUSES_NL.items() if v == value.casefold()), value)


def _names(folder: Path) -> dict[str, str]:
    """Canonical id -> display name ("algemeen_bestuur" -> "algemeen bestuur")."""
    return {g.key: g.name for g in alias_table(folder).groups}


def _corpus_file(folder: Path, doc_id: str) -> Path | None:
    """The original file of ``doc_id``, or None unless it is a file inside the indexed corpus."""
    if not DOC_ID.fullmatch(doc_id) or not store_exists(folder):
        return None
    with open_store(folder) as store:
        stored = store.hashes()
    if doc_id not in stored:
        return None
    try:
        # The corpus folder is where the *other* documents live, so one bad path cannot widen it.
        others = [p for d, (_, p) in stored.items() if d != doc_id] or [stored[doc_id][1]]
        root = Path(os.path.commonpath([str(Path(p).parent.resolve()) for p in others]))
        path = Path(stored[doc_id][1]).resolve(strict=True)
    except (OSError, ValueError):
        return None
    if not path.is_file() or (root != path.parent and root not in path.parents) or path.stem != doc_id:
        return None
    return path


def _pages(text: str, passages, entities, hit: int | None) -> list[dict]:
    """The document text per page, escaped, with entities and the passage ``hit`` marked up."""
    starts: dict[int, int] = {}
    for p in passages:
        starts[p.page] = min(starts.get(p.page, p.start), p.start)
    if not starts:
        starts = {1: 0}
    order = sorted(starts.items(), key=lambda kv: kv[1])
    order[0] = (order[0][0], 0)
    hit_span = next(((p.start, p.end) for p in passages if p.passage_no == hit), None)
    out = []
    for n, (page_no, start) in enumerate(order):
        end = order[n + 1][1] if n + 1 < len(order) else len(text)
        out.append({"page": page_no, "html": _markup(text, start, end, entities, hit_span)})
    return out


def _markup(text: str, start: int, end: int, entities, hit_span) -> Markup:
    """Escaped text[start:end] with <span class="ent"> around entities and <mark> around the hit passage."""
    cuts = []
    last = start
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if e.start < last or e.start >= end or e.end > end:
            continue
        cuts.append(e)
        last = e.end
    out, pos = [], start
    for e in cuts:
        out.append(html.escape(text[pos:e.start]))
        title = LABELS_NL.get(e.label, e.label) + (f": {e.canonical}" if e.canonical else "") + \
            (f" = {e.value}" if e.value else "")
        out.append(f'<span class="ent ent-{html.escape(e.label)}" title="{html.escape(title)}">'
                   f"{html.escape(text[e.start:e.end])}</span>")
        pos = e.end
    out.append(html.escape(text[pos:end]))
    body = "".join(out)
    if hit_span and start <= hit_span[0] < end:
        # Re-cut on the escaped text would be fragile: wrap by character offsets before escaping instead.
        return _markup_with_hit(text, start, end, cuts, hit_span)
    return Markup(body)


def _markup_with_hit(text, start, end, cuts, hit_span) -> Markup:
    a, b = max(start, hit_span[0]), min(end, hit_span[1])
    inside = [e for e in cuts if a <= e.start and e.end <= b]
    before = [e for e in cuts if e.end <= a]
    after = [e for e in cuts if e.start >= b]
    return Markup(_markup(text, start, a, before, None) + Markup('<div class="hit" id="hit">')
                  + _markup(text, a, b, inside, None) + Markup("</div>") + _markup(text, b, end, after, None))
