"""Filter values as people type them, checked once for the CLI, the web page and the JSON API.

In: a value from an option, a form field or a query parameter ("31-12-2019", "dec 2019", "advies",
"aangenomen"). Out: the value the library compares with (an ISO date prefix, a ``doc_type`` key, a
status of the records), or :class:`FilterError`, which says in one line what is wrong and which
values are valid, in English for the CLI (``english``) and in Dutch for the page (``dutch``).

Month names and abbreviations come from the DATE component's lexicon (``nlp/data/dates.json``),
document types from ``nlp/data/doc_types.json``, statuses from the decision records and the Dutch
status words from ``web/data/statuses_nl.json``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from collections.abc import Iterable

from ..nlp.decisions import STATUSES
from ..nlp.metadata import type_keys
from ..nlp.dates_scan import TypedDateError, load_lexicon, parse_typed_date

LISTED = 30  # valid values named in a message before "…"


def whole_number(raw: str | None, most: int = 10**9) -> int | None:
    """``raw`` as a whole number from 0 to ``most`` when it is one written in ASCII digits, else None
    (so "²", "٣", "1e3" or a 5,000-digit number never reach ``int``)."""
    raw = (raw or "").strip()
    if not raw or len(raw) > 12 or not (raw.isascii() and raw.isdigit()):
        return None
    value = int(raw)
    return value if value <= most else None


class FilterError(ValueError):
    """A filter value that is no date or names nothing; ``english()``/``dutch()`` say so in one line."""

    def __init__(self, option: str, value: str, problem_en: str, problem_nl: str, valid: Iterable[str] = ()):
        self.option, self.value = option, value
        self.problem_en, self.problem_nl = problem_en, problem_nl
        self.valid = list(valid)
        super().__init__(self.english())

    def _listed(self) -> str:
        shown = self.valid[:LISTED]
        return ", ".join(shown) + (" …" if len(self.valid) > LISTED else "")

    def english(self) -> str:
        tail = f"; use one of {self._listed()}" if self.valid else ""
        return f"{self.option} {self.value!r} {self.problem_en}{tail}"

    def dutch(self, field: str | None = None) -> str:
        tail = f" Kies uit: {self._listed()}." if self.valid else ""
        return f"{field or self.option}: ‘{self.value}’ {self.problem_nl}.{tail}"


@lru_cache(maxsize=None)
def _data(name: str) -> dict:
    return json.loads((resources.files("pipeline.web") / "data" / name).read_text(encoding="utf-8"))


DATE_FORMS_EN = "write a year, month or day: 2019, 2019-12, dec 2019, 31-12-2019 or 2019-12-31"
DATE_FORMS_NL = "schrijf een jaar, maand of dag: 2019, dec 2019, december 2019, 12-2019 of 31-12-2019"


def parse_date(value: str | None, option: str = "--from") -> str | None:
    """``value`` as an ISO prefix (2019, 2019-12, 2019-12-31), from the ways Dutch staff write a date:
    "2019", "2019-12-31", "31-12-2019", "31/12/2019", "12-2019", "dec 2019", "31 december 2019".
    None or blank gives None; anything else raises :class:`FilterError`."""
    if value is None or not value.strip():
        return None
    try:
        return parse_typed_date(value)
    except TypedDateError as exc:
        if exc.kind == "calendar":
            raise FilterError(option, value, f"is no day of the calendar; {DATE_FORMS_EN}",
                              f"bestaat niet in de kalender; {DATE_FORMS_NL}") from None
        raise FilterError(option, value, f"is no date; {DATE_FORMS_EN}", f"is geen datum; {DATE_FORMS_NL}") from None


def date_nl(iso: str | None) -> str:
    """An ISO prefix as the page writes it: "2019", "december 2019", "31 december 2019"."""
    if not iso:
        return ""
    parts = iso.split("-")
    names = {n: w for w, n in load_lexicon()["dates"]["months"].items()}
    try:
        if len(parts) == 1:
            return parts[0]
        month = names[int(parts[1])]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
    except (KeyError, ValueError):
        return iso


@lru_cache(maxsize=1)
def doc_types() -> list[str]:
    """Every ``doc_type`` key a record may have (``nlp/data/doc_types.json``, and ``document``)."""
    return list(dict.fromkeys([*type_keys(), "document"]))


def check_type(value: str | None, option: str = "--type") -> str | None:
    """A document type key (any case), or FilterError naming the types."""
    if not value or not value.strip():
        return None
    wanted = value.strip().casefold()
    if wanted in doc_types():
        return wanted
    raise FilterError(option, value, "is no document type", "is geen soort document", doc_types())


def statuses_nl() -> dict[str, str]:
    """Status of the records -> the Dutch word the page shows ("adopted" -> "aangenomen")."""
    return _data("statuses_nl.json")["statuses"]


def check_status(value: str | None, option: str = "--status") -> str | None:
    """A decision status in English or Dutch (any case) as the records write it; else FilterError."""
    if not value or not value.strip():
        return None
    wanted = value.strip().casefold()
    if wanted in STATUSES:
        return wanted
    dutch = {nl: en for en, nl in statuses_nl().items()}
    dutch.update({k: v for k, v in _data("statuses_nl.json")["synonyms"].items()})
    if wanted in dutch:
        return dutch[wanted]
    valid = list(STATUSES) if option.startswith("--") else [statuses_nl()[s] for s in STATUSES]
    raise FilterError(option, value, "is no status", "is geen status", valid)


def check_choice(value: str | None, known: Iterable[str], option: str, what_en: str, what_nl: str,
                 names: dict[str, str] | None = None) -> str | None:
    """``value`` as one of ``known`` (by key, or by its display name in ``names``; any case), or FilterError."""
    if not value or not value.strip():
        return None
    known = list(known)
    wanted = value.strip().casefold()
    for key in known:
        if wanted in (key.casefold(), key.replace("_", " ").casefold(), (names or {}).get(key, "").casefold()):
            return key
    raise FilterError(option, value, f"is no {what_en}", f"is geen {what_nl}",
                      sorted((names or {}).get(k, k) for k in known))


def check_name(folder, value: str | None, option: str = "--body", label: str = "ORGAN") -> str | None:
    """A body (``label`` ORGAN) or organisation (ORG) as the search filter takes it: any name, id or
    abbreviation the alias table knows; else FilterError naming those this corpus holds."""
    from ..link.aliases import alias_table

    if not value or not value.strip():
        return None
    table = alias_table(folder)
    if table.groups_named(value.strip()):
        return value.strip()
    here = sorted({g.name for g in table.groups if g.label == label and g.source != "kb"} or
                  {g.name for g in table.groups if g.label == label})
    what = ("body", "bestuursorgaan") if label == "ORGAN" else ("organisation", "organisatie")
    raise FilterError(option, value, f"names no {what[0]} spoor knows", f"is geen bekend {what[1]}", here)


def check_document(doc_ids: Iterable[str], value: str | None, option: str = "--doc") -> str | None:
    """A stored document's id (or a start of one no other shares); else FilterError naming a few."""
    if not value or not value.strip():
        return None
    ids = sorted(doc_ids)
    wanted = value.strip()
    if wanted in ids:
        return wanted
    starting = [d for d in ids if d.startswith(wanted)]
    if len(starting) == 1:
        return starting[0]
    raise FilterError(option, value, "is no stored document", "is geen document in de index", ids)


@lru_cache(maxsize=1)
def _message_rules() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rx), nl) for rx, nl in _data("messages_nl.json")["rules"]]


def message_nl(message: str) -> str:
    """A message of the records or a build (why a file was not read, a document's warning) in Dutch,
    rule by rule from ``web/data/messages_nl.json``; one no rule knows is shown as a technical message."""
    out = message or ""
    for rx, nl in _message_rules():
        out = rx.sub(nl, out)
    return out if out != message or not message else f"technische melding: {message}"
