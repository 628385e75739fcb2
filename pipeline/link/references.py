"""References to documents that people can read, tell apart and type back (issue 16).

:func:`references` gives every document of a corpus a short label made of what it is, who issued it and
when ("besluitenlijst Den Helder 2015-06-29"), with the document id added where two documents would
otherwise share a label, so each is unique. A reference depends only on the document itself and on
the documents it would be confused with, so it stays the same from one build to the next.
:func:`resolve` takes any form spoor prints (the id, a unique start of it, the reference, with or
without its page "p.3" or brackets) back to a document id.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..models import Document
from ..nlp.kb import fold

#: A document type says little when it is this one: the label then uses the title instead.
VAGUE_TYPES = ("document", "bijlage")
TITLE_WORDS = 6
MIN_PREFIX = 3


def label(doc: Document) -> str:
    """What the document is, who issued it and when: "besluitenlijst Den Helder 2015-06-29"."""
    what = doc.doc_type if doc.doc_type and doc.doc_type not in VAGUE_TYPES else _short_title(doc.title)
    parts = [what or doc.doc_id, doc.government or "", doc.meeting_date or doc.date or ""]
    return " ".join(p for p in parts if p)


def references(docs: list[Document]) -> dict[str, str]:
    """doc_id -> a unique, readable reference (``label``, plus "· id" when the label is shared)."""
    by_label: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_label[fold(label(d))].append(d)
    out = {}
    for group in by_label.values():
        for d in group:
            out[d.doc_id] = label(d) if len(group) == 1 else f"{label(d)} · {short_id(d.doc_id, [g.doc_id for g in group])}"
    return out


def short_id(doc_id: str, others: list[str]) -> str:
    """The shortest start of ``doc_id`` (whole parts, at least MIN_PREFIX characters) no other id shares."""
    cuts = [m.start() for m in re.finditer(r"[-_.\s]", doc_id)] + [len(doc_id)]
    for cut in cuts:
        if cut < MIN_PREFIX:
            continue
        prefix = doc_id[:cut]
        if not any(o != doc_id and o.startswith(prefix) for o in others):
            return prefix
    return doc_id


_PAGE = re.compile(r"[\s,]*(?:p\.?|pagina|page)\s*\d+\s*$", re.IGNORECASE)


def resolve(docs: list[Document], given: str) -> str | None:
    """The id of the document ``given`` names: its id, a start of its id no other shares, or its reference
    (any case, with or without a page "p.3" and brackets); None when it names none or several."""
    text = _PAGE.sub("", given.strip().strip("[]()").strip()).strip()
    if not text:
        return None
    ids = [d.doc_id for d in docs]
    if text in ids:
        return text
    refs = references(docs)
    wanted = fold(text)
    for doc_id, ref in refs.items():
        if fold(ref) == wanted or fold(doc_id) == wanted:
            return doc_id
    if "·" in text:  # "label · short id": the id part decides
        text = text.rsplit("·", 1)[1].strip()
    starting = [i for i in ids if fold(i).startswith(fold(text))]
    if len(starting) == 1 and len(text) >= MIN_PREFIX:
        return starting[0]
    labelled = [doc_id for doc_id, ref in refs.items() if fold(label(_doc(docs, doc_id))) == wanted]
    return labelled[0] if len(labelled) == 1 else None


def _doc(docs: list[Document], doc_id: str) -> Document:
    return next(d for d in docs if d.doc_id == doc_id)


def _short_title(title: str) -> str:
    words = (title or "").split()
    return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
