"""What the index holds and what went wrong, so nothing fails silently (``/status``, ``spoor status``).

In: a store. Out: a :class:`Status`: documents per government, type and year; the last build; the
files it could not read and why; documents with pages without text, pages read through OCR, dates to
check, and pipeline components that failed on them (from each document's warnings and its passages).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ..store import open_store

_PAGES = re.compile(r"^pages (read through OCR|without text): ([\d, ]+)$")
_DATE_WARNINGS = ("does not exist in", "year unknown")


@dataclass
class DocIssue:
    doc_id: str
    title: str
    pages: list[int] = field(default_factory=list)
    detail: str = ""


@dataclass
class Status:
    documents: int = 0
    pages: int = 0
    by_government: list[tuple[str, int]] = field(default_factory=list)
    by_type: list[tuple[str, int]] = field(default_factory=list)
    by_year: list[tuple[str, int]] = field(default_factory=list)
    last_build: dict | None = None
    failed_files: list[tuple[str, str]] = field(default_factory=list)
    no_text: list[DocIssue] = field(default_factory=list)
    ocr: list[DocIssue] = field(default_factory=list)
    dates: list[DocIssue] = field(default_factory=list)
    components: list[DocIssue] = field(default_factory=list)

    def as_dict(self) -> dict:
        def issues(items):
            return [vars(i) for i in items]
        return {"documents": self.documents, "pages": self.pages, "last_build": self.last_build,
                "by_government": dict(self.by_government), "by_type": dict(self.by_type), "by_year": dict(self.by_year),
                "failed_files": [{"path": p, "reason": m} for p, m in self.failed_files],
                "pages_without_text": issues(self.no_text), "ocr_pages": issues(self.ocr),
                "dates_to_check": issues(self.dates), "component_failures": issues(self.components)}


def _pages(text: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", text)]


def status(folder) -> Status:
    """The status of the store at ``folder`` (an index folder or a database address)."""
    with open_store(folder) as store:
        docs = store.documents()
        with_text = {(d, p) for d, p, _ in store.page_starts()}
        out = Status(last_build=store.last_build(), failed_files=store.failed_files())
    out.documents, out.pages = len(docs), sum(d.pages or 0 for d in docs)
    out.by_government = Counter(d.government or "onbekend" for d in docs).most_common()
    out.by_type = Counter(d.doc_type or "document" for d in docs).most_common()
    out.by_year = sorted(Counter((d.date or "")[:4] or "onbekend" for d in docs).items(), reverse=True)
    today = dt.date.today().isoformat()
    for d in docs:
        if d.date and d.date[:10] > today[:len(d.date[:10])]:
            out.dates.append(DocIssue(d.doc_id, d.title, detail=f"document date {d.date} lies in the future"))
        said_empty: set[int] = set()
        for w in d.warnings:
            m = _PAGES.match(w)
            if m and m.group(1) == "read through OCR":
                out.ocr.append(DocIssue(d.doc_id, d.title, _pages(m.group(2))))
            elif m:
                said_empty |= set(_pages(m.group(2)))
            elif w.startswith("component "):
                out.components.append(DocIssue(d.doc_id, d.title, detail=w))
            elif any(k in w for k in _DATE_WARNINGS):
                out.dates.append(DocIssue(d.doc_id, d.title, detail=w))
        # a page that holds no passage has no text, whatever the reader said
        empty = sorted(said_empty | {p for p in range(1, (d.pages or 0) + 1) if (d.doc_id, p) not in with_text})
        if empty:
            out.no_text.append(DocIssue(d.doc_id, d.title, empty))
    return out
