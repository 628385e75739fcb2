"""A saved search as an Atom feed (RFC 4287): the documents that match it, newest arrival first.

In: a search (query and filters, as the search page's address holds them), the store's arrival times
of documents (``Store.added_times``, written by each build), and the address the feed is served at.
Out: an Atom document, so staff can follow a search in any feed reader or mail client.

Written by hand with ``xml.etree`` (escaping is its job): Atom needs a dozen elements, and a feed
library (feedgen) would bring lxml along for that.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote
from xml.etree import ElementTree as ET

from ..search import MARK_CLOSE, MARK_OPEN
from ..store import open_store
from . import results
from .filters import date_nl

ATOM = "http://www.w3.org/2005/Atom"
FEED_DOCUMENTS = 50


def _when(iso: str | None) -> str:
    """An ISO time (the store's, UTC) as RFC 3339; a bare date counts as midnight UTC."""
    if not iso:
        return "1970-01-01T00:00:00Z"
    try:
        t = dt.datetime.fromisoformat(iso)
    except ValueError:
        return "1970-01-01T00:00:00Z"
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.timezone.utc)
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def feed(folder, q: str, filters: dict, base: str, self_url: str) -> tuple[str | None, str | None]:
    """(Atom XML, None) of the documents matching ``q`` under ``filters``, or (None, a Dutch error).

    ``base`` is the site's address ("http://host:8000"), ``self_url`` the feed's own address."""
    found = results.run(folder, q, filters, "relevance", 1, page_size=FEED_DOCUMENTS)
    if found.error:
        return None, found.error
    with open_store(folder) as store:
        added = store.added_times()
    groups = sorted(found.groups, key=lambda g: (added.get(g.doc_id) or "", g.date or ""), reverse=True)
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})

    def sub(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    shown = ", ".join(f"{c.label.lower()} {c.value}" for c in found.chips)
    sub(root, "title", f"spoor: {q}" + (f" ({shown})" if shown else ""))
    sub(root, "subtitle", "Nieuwe documenten die passen bij deze zoekvraag, nieuwste eerst.")
    sub(root, "id", self_url)
    sub(root, "link", rel="self", href=self_url, type="application/atom+xml")
    sub(root, "link", rel="alternate", href=base + found.link("/"), type="text/html")
    sub(root, "updated", _when(max((added.get(g.doc_id) or "" for g in groups), default="") or None))
    author = sub(root, "author")
    sub(author, "name", "spoor")
    sub(root, "generator", "spoor")
    for g in groups:
        entry = sub(root, "entry")
        sub(entry, "title", g.title or g.doc_id)
        sub(entry, "id", f"{base}/doc/{quote(g.doc_id, safe='')}")
        sub(entry, "link", rel="alternate", href=f"{base}/doc/{quote(g.doc_id, safe='')}?q={_quote(q)}", type="text/html")
        sub(entry, "updated", _when(added.get(g.doc_id)))
        if g.date and len(g.date) == 10:  # a day: when the document itself was published
            sub(entry, "published", _when(g.date))
        sub(entry, "category", term=g.doc_type)
        first = g.hits[0] if g.hits else None
        summary = f"{g.doc_type}, {date_nl(g.date) or 'datum onbekend'}"
        if first:
            summary += f", p. {first.page}: " + first.snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
        sub(entry, "summary", summary)
    return ET.tostring(root, encoding="unicode", xml_declaration=True), None


def _quote(q: str) -> str:
    from urllib.parse import quote

    return quote(q)
