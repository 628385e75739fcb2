"""A small web app over search and the store: search page, document page, subject page, timeline,
status page, Atom feeds of saved searches, original files, and a JSON API under ``/api/`` (``api``).

In: an index folder or database address. Out: a Starlette app, every page in Dutch. ``results`` runs a
search for the page, the API and the feeds alike (filters checked by ``filters``, paging by documents);
``status`` says what the index holds and what went wrong; ``feeds`` writes Atom.

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
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from ..link.aliases import alias_table
from ..search.card import subject_card
from ..search import engine as search_module
from ..search import MARK_CLOSE, MARK_OPEN
from ..store import locate, open_store, store_exists
from . import api, feeds, results, safety
from .cache import Answers, finished
from .pool import calm_collector, searching
from .filters import FilterError, date_nl, doc_types, message_nl, statuses_nl, whole_number
from .status import status as index_status

_log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
STATIC_FILES = frozenset(p.name for p in STATIC.iterdir() if p.is_file())
#: A document id is a file's name without its suffix: any characters but a slash and NUL (spaces,
#: accents, quotes, even a newline), within what a file system allows in a name.
DOC_ID = re.compile(r"[^/\x00]{1,1020}")
PAGE_SIZE = results.PAGE_SIZE
LABELS_NL = {"ORGAN": "bestuursorgaan", "ORG": "organisatie", "PERSON": "persoon", "LOC": "plaats",
             "DATE": "datum", "MONEY": "bedrag", "LAW": "wet"}
SORTS_NL = {"relevance": "relevantie", "date": "nieuwste eerst", "date_asc": "oudste eerst"}
FACETS_NL = {"type": "Soort document", "year": "Jaar", "government": "Overheid", "body": "Bestuursorgaan"}
LINKED_LABELS = ("ORGAN", "ORG", "LAW", "PERSON")  # entities with a subject page (the rest: a search)


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
    env.filters["id_url"] = lambda doc_id: quote(str(doc_id), safe="")
    env.filters["date_nl"] = date_nl
    env.filters["message_nl"] = message_nl
    env.filters["plural"] = lambda n, one, many: f"{n} {one if n == 1 else many}"
    env.globals.update(labels=LABELS_NL, sorts=SORTS_NL, facet_names=FACETS_NL, statuses=statuses_nl())
    return env


def create_app(folder: Path, warm: bool = False) -> Starlette:
    """The web app over the index and store in ``folder`` (or the PostgreSQL database at that address).

    Pages and API answers are made in Starlette's thread pool (plain ``def`` routes), searches in a
    smaller pool of their own within a time budget (``pool``), so a slow search never holds up the event
    loop and other requests. The search page's and the API's finished answers are kept until a build
    changes the index (``cache``), so a repeated search is answered without searching.

    ``warm``: have each index generation's common words written as arrays in a separate process
    (``postings.warm``), so a query's first search is fast too, and keep the process' full garbage
    collections short (``pool.calm_collector``), as ``spoor serve`` does."""
    folder = locate(folder).target
    if warm:
        search_module.WARM_IN_BACKGROUND = True
        calm_collector()
    env = _env()

    def page(name: str, status: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def search_page(request: Request) -> Response:
        q = request.query_params.get("q", "")
        filters, sort, page_no = results.read_filters(request.query_params)
        try:
            results.check_paging(request.query_params)
        except FilterError as exc:
            return page("error.html", 400, message=exc.dutch() + " Ga terug naar de eerste pagina.")
        found = results.run(folder, q, filters, sort, page_no, results.read_size(request.query_params))
        card = None
        if found.result is not None:
            card = _filtered_card(subject_card(folder, q), found.checked, results.governments(folder))
        return finished(page("search.html", 400 if found.error else 200, q=q, found=found, result=found.result,
                             card=card, error=found.error,
                             filters=filters, sort=found.sort, link=found.link, names=_names(folder),
                             doc_types=doc_types(), feed=found.link("/feed") if q.strip() and not found.error else None),
                        found.complete and not found.error)

    def document_page(request: Request) -> Response:
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
        if hit is not None and hit.strip() and whole_number(hit) is None:
            return page("error.html", 400, message="De parameter passage moet een passagenummer zijn (0, 1, 2, ...).")
        hit = whole_number(hit)
        q = request.query_params.get("q", "")
        table = alias_table(folder)
        return page("document.html", doc=doc,
                    pages=_pages(text or "", passages, entities, hit, words=query_words(q),
                                 link=lambda e: _entity_link(e, table)),
                    decisions=decisions, q=q, government=doc.government,
                    bodies=sorted({e.canonical or e.text for e in entities if e.label == "ORGAN"}), names=_names(folder))

    def status_page(request: Request) -> Response:
        return page("status.html", st=index_status(folder))

    def feed(request: Request) -> Response:
        q = request.query_params.get("q", "")
        if not q.strip():
            return PlainTextResponse("Een feed volgt een zoekvraag: /feed?q=...", status_code=400)
        filters, _, _ = results.read_filters(request.query_params)
        base = str(request.base_url).rstrip("/")
        xml, error = feeds.feed(folder, q, filters, base, str(request.url))
        if error:
            return PlainTextResponse(error, status_code=400)
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    def subject_page(request: Request) -> Response:
        q = request.query_params.get("q", "")
        card = subject_card(folder, q) if q.strip() else None
        if card is None:
            return page("error.html", 404, message="Geen onderwerp (orgaan, organisatie, programma) gevonden "
                                                   "met die naam.")
        return page("subject.html", card=card, q=q)

    def original_file(request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        path = _corpus_file(folder, doc_id)
        if path is None:
            return PlainTextResponse("Dit bestand hoort niet bij de geïndexeerde documenten.", status_code=404)
        media, disposition, policy = safety.serving(path)
        return FileResponse(path, media_type=media, filename=path.name, content_disposition_type=disposition,
                            headers={"content-security-policy": policy})

    async def static_file(request: Request) -> Response:
        name = request.path_params["name"]
        path = STATIC / name
        if name not in STATIC_FILES:
            return PlainTextResponse("Niet gevonden.", status_code=404)
        return FileResponse(path, media_type=mimetypes.guess_type(name)[0] or "application/octet-stream")

    def timeline_page(request: Request) -> Response:
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
            error = getattr(exc, "dutch", None) or str(exc)
        body = timeline_body(evs, link=lambda doc_id, page: f"/doc/{quote(doc_id, safe='')}#page-{page}")
        return page("timeline.html", 400 if error else 200, filters=filters, error=error, count=len(evs),
                    body=Markup(body), css=Markup(TIMELINE_CSS), statuses=STATUSES_NL)

    answers = Answers(folder)  # finished searches, kept until a build changes the index (``cache``)
    routes = [Route("/", searching(search_page, answers)), Route("/doc/{doc_id}", document_page),
              Route("/tijdlijn", timeline_page), Route("/subject", subject_page), Route("/file/{doc_id}", original_file),
              Route("/status", status_page), Route("/feed", searching(feed)), Route("/static/{name}", static_file),
              *api.routes(folder, answers)]
    app = Starlette(routes=routes, middleware=[Middleware(safety.SecurityHeaders)])
    app.state.folder = folder
    app.state.answers = answers
    return app


#: Where ``spoor serve --workers N`` tells its worker processes which index to serve.
SERVE_ENV = "SPOOR_SERVE_INDEX"


def app_from_environment() -> Starlette:
    """The app over the index named in ``SPOOR_SERVE_INDEX`` (uvicorn's factory for each worker process)."""
    from .pool import BalanceConnections

    app = create_app(os.environ[SERVE_ENV], warm=True)
    app.add_middleware(BalanceConnections)
    return app


TIMELINE_FILTERS = ("overheid", "orgaan", "status", "van", "tot", "onderwerp")
STATUSES_NL = {"proposed": "voorgesteld", "planned": "gepland", "adopted": "besloten", "realized": "gerealiseerd",
               "rejected": "verworpen", "promised": "toegezegd"}


def _status(value: str | None) -> str | None:
    """A status as the page's form sends it (Dutch or English) in the English of the records."""
    if not value:
        return None
    return next((k for k, v in STATUSES_NL.items() if v == value.casefold()), value)


def _filtered_card(card, checked: dict, govs: dict):
    """The subject card under the search's filters: only its documents and events of that period, type
    and government (None when nothing of it is left)."""
    if card is None:
        return None
    from ..link.timeline import in_range

    def keep(doc_id: str, date: str | None, doc_type: str | None = None) -> bool:
        return (in_range(date, checked.get("from"), checked.get("to"))
                and (not checked.get("government") or govs.get(doc_id) == checked["government"])
                and (not checked.get("type") or doc_type is None or doc_type == checked["type"]))

    if not any(checked.get(k) for k in ("from", "to", "government", "type")):
        return card
    types = {d.doc_id: d.doc_type for d in card.documents}
    documents = [d for d in card.documents if keep(d.doc_id, d.date, d.doc_type)]
    events = [e for e in card.events if keep(e.doc_id, e.date, types.get(e.doc_id))]
    return card.model_copy(update={"documents": documents, "events": events})


_QUERY_WORD = re.compile(r"[^\W\d_][\w-]{2,}")
_OPERATORS = {"and", "or", "not", "en", "of", "niet"}


def query_words(q: str) -> list[str]:
    """The words of a query worth marking in a document (no operators, field names or words under 3 letters)."""
    words = []
    for w in _QUERY_WORD.findall(re.sub(r"\w+:", " ", q or "")):
        if w.casefold() not in _OPERATORS and w.casefold() not in words:
            words.append(w.casefold())
    return words


def _entity_link(entity, table) -> str:
    """Where an entity of a document leads: its subject page when spoor follows it, else a search for it."""
    name = entity.text
    if entity.label in LINKED_LABELS and any(g.kind != "type" for g, _ in table.find(name)):  # as subject_card finds it
        return "/subject?" + urlencode({"q": name})
    return "/?" + urlencode({"q": f'"{name}"'})


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


def _pages(text: str, passages, entities, hit: int | None, words: list[str] | None = None,
           link=None) -> list[dict]:
    """The document text per page, escaped, with entities (linked by ``link(entity)``), the passage
    ``hit`` and the query's ``words`` marked up."""
    starts: dict[int, int] = {}
    for p in passages:
        starts[p.page] = min(starts.get(p.page, p.start), p.start)
    if not starts:
        starts = {1: 0}
    order = sorted(starts.items(), key=lambda kv: kv[1])
    order[0] = (order[0][0], 0)
    hit_span = next(((p.start, p.end) for p in passages if p.passage_no == hit), None)
    marker = _Marker(words or [], link)
    out = []
    for n, (page_no, start) in enumerate(order):
        end = order[n + 1][1] if n + 1 < len(order) else len(text)
        out.append({"page": page_no, "html": _markup(text, start, end, entities, hit_span, marker)})
    return out


class _Marker:
    """Escapes a piece of text, marking the query's words (a word and the forms it starts: "besluit",
    "besluiten"), and makes an entity's element (a link when there is somewhere to go)."""

    def __init__(self, words: list[str], link=None):
        self.pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                                  + r")\w*", re.IGNORECASE) if words else None
        self.link = link

    def text(self, piece: str) -> str:
        if not self.pattern:
            return html.escape(piece)
        out, pos = [], 0
        for m in self.pattern.finditer(piece):
            out.append(html.escape(piece[pos:m.start()]))
            out.append(f'<mark class="q">{html.escape(m.group(0))}</mark>')
            pos = m.end()
        out.append(html.escape(piece[pos:]))
        return "".join(out)

    def entity(self, e, surface: str) -> str:
        title = LABELS_NL.get(e.label, e.label) + (f": {e.canonical.replace('_', ' ')}" if e.canonical else "") + \
            (f" = {e.value}" if e.value else "")
        attrs = f'class="ent ent-{html.escape(e.label)}" title="{html.escape(title)}"'
        if self.link:
            return f'<a {attrs} href="{html.escape(self.link(e))}">{self.text(surface)}</a>'
        return f"<span {attrs}>{self.text(surface)}</span>"


def _markup(text: str, start: int, end: int, entities, hit_span, marker: _Marker | None = None) -> Markup:
    """Escaped text[start:end] with entities marked up, <mark> around query words, and the hit passage."""
    marker = marker or _Marker([])
    cuts = []
    last = start
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if e.start < last or e.start >= end or e.end > end:
            continue
        cuts.append(e)
        last = e.end
    if hit_span and start <= hit_span[0] < end:
        a, b = max(start, hit_span[0]), min(end, hit_span[1])
        inside = [e for e in cuts if a <= e.start and e.end <= b]
        before = [e for e in cuts if e.end <= a]
        after = [e for e in cuts if e.start >= b]
        return Markup(_markup(text, start, a, before, None, marker) + Markup('<div class="hit" id="hit">')
                      + _markup(text, a, b, inside, None, marker) + Markup("</div>")
                      + _markup(text, b, end, after, None, marker))
    out, pos = [], start
    for e in cuts:
        out.append(marker.text(text[pos:e.start]))
        out.append(marker.entity(e, text[e.start:e.end]))
        pos = e.end
    out.append(marker.text(text[pos:end]))
    return Markup("".join(out))
