"""Dated events across documents, one event per real-world happening.

An event is made from a dated decision record. The same decision reported by
several documents (same actor, same day; or same actor, same month or year and
similar wording) becomes one event with several sources.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from .models import Decision

_log = logging.getLogger(__name__)

_SEASON_MONTH = {"SP": "03", "SU": "06", "FA": "09", "WI": "12"}
SAME_EVENT_SIMILARITY = 60


class Source(BaseModel):
    doc_id: str
    page: int
    start: int
    end: int


class Event(BaseModel):
    date: str
    actor: str | None
    what: str
    status: str
    sources: list[Source] = Field(default_factory=list)


def sort_key(value: str) -> str:
    """A string that sorts ISO dates, months, years, seasons and intervals by their start."""
    first = value.split("/")[0]
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", first)
    if m:
        return f"{m.group(1)}-{_SEASON_MONTH[m.group(2)]}-00"
    return first


def _what(dec: Decision) -> str:
    text = dec.object or dec.text
    return " ".join(text.split())[:200]


def _same(event: Event, dec: Decision) -> bool:
    if event.actor != dec.actor or event.date != dec.date:
        return False
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", dec.date or ""):
        return True
    return fuzz.token_set_ratio(event.what.casefold(), _what(dec).casefold()) >= SAME_EVENT_SIMILARITY


def events(decisions: Iterable[Decision], date_from: str | None = None, date_to: str | None = None,
           actor: str | None = None) -> list[Event]:
    """Dated decisions as events in date order, merging reports of the same event."""
    out: list[Event] = []
    for dec in sorted((d for d in decisions if d.date), key=lambda d: (sort_key(d.date), d.doc_id, d.start)):
        key = sort_key(dec.date)
        if date_from and key < date_from or date_to and key[: len(date_to)] > date_to:
            continue
        if actor and actor.casefold() not in {(dec.actor or "").casefold(), (dec.actor_text or "").casefold()}:
            continue
        source = Source(doc_id=dec.doc_id, page=dec.page, start=dec.start, end=dec.end)
        match = next((e for e in out if _same(e, dec)), None)
        if match:
            if all(s.doc_id != source.doc_id or s.start != source.start for s in match.sources):
                match.sources.append(source)
            continue
        out.append(Event(date=dec.date, actor=dec.actor, what=_what(dec), status=dec.status, sources=[source]))
    return out
