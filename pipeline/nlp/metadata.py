"""Document metadata that is not an entity: title and document type.

The document date comes from the dates component (``doc._.doc_date``), which
knows Dutch date expressions; this module only decides what kind of document
it is and what it is called, from its opening lines and its file name.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from importlib import resources

_log = logging.getLogger(__name__)

_OPENING_CHARS = 1500
_BULLET = re.compile(r"^\s*(?:[-•*–>]|\d+[.)]|[a-z][.)])\s+")
_NOT_A_TITLE = re.compile(
    r"^(?:datum|status|versie|opsteller|auteur|spreker|pagina|colofon|uitgave|lees meer|aan|van|onderwerp)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _doc_types() -> dict:
    path = resources.files("pipeline.nlp") / "data" / "doc_types.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _lines(text: str) -> list[str]:
    return [line.strip(" \t#*_") for line in text[:_OPENING_CHARS].splitlines() if line.strip(" \t#*_")]


def doc_type(text: str, stem: str = "", title_hint: str | None = None) -> str:
    """The kind of document ("notitie", "advies", "presentatie", ...) from its opening and name."""
    lines = [line.casefold() for line in _lines(text)[:12]]
    name = re.sub(r"[-_]+", " ", stem.casefold())
    heads = lines + ([title_hint.casefold()] if title_hint else [])
    types = _doc_types()["types"]
    # A line that is (or starts with) the type word is the strongest signal, earliest line first.
    for line in heads:
        for entry in types:
            for phrase in entry["phrases"]:
                if re.match(rf"{re.escape(phrase)}\b", line) and len(line.split()) <= 8:
                    return entry["type"]
    for entry in types:
        for phrase in entry["phrases"]:
            if re.search(rf"\b{re.escape(phrase)}\b", name):
                return entry["type"]
    opening = " ".join(lines)
    for entry in types:
        for phrase in entry["phrases"]:
            if re.search(rf"\b{re.escape(phrase)}\b", opening):
                return entry["type"]
    low = text[:_OPENING_CHARS * 4].casefold()
    for entry in types:
        if any(hint in low for hint in entry["hints"]):
            return entry["type"]
    return _doc_types()["default"]


def title(text: str, stem: str = "", title_hint: str | None = None) -> str:
    """A human title: the first heading-like line that is not a type word, a date or a label."""
    if title_hint and title_hint.strip():
        return " ".join(title_hint.split())[:200]
    type_words = {p for entry in _doc_types()["types"] for p in entry["phrases"]}
    for line in _lines(text)[:25]:
        words = line.split()
        low = line.casefold().rstrip(":")
        if low in type_words or _BULLET.match(line) or _NOT_A_TITLE.match(line):
            continue
        if not 2 <= len(words) <= 16 or line.endswith(("...", "…", ",")):
            continue
        if re.fullmatch(r"[\d\s\-/.:]+", line) or not re.search(r"[A-Za-zÀ-ÿ]{3}", line):
            continue
        return line.strip("“”\"' ")
    return stem
