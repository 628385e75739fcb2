"""A regulation's page in a register of regulations (CVDR, lokaleregelgeving.overheid.nl, "Wetstechnische
informatie"): who adopted it ("Vastgesteld door burgemeester"), its name, and the dates of its history table
("Datum inwerkingtreding | Terugwerkende kracht tot en met | Datum uitwerkingtreding | Betreft | Datum ondertekening |
Bron bekendmaking | Kenmerk voorstel"). Read by ``dates`` (the signing day is the document's date), ``structure``
(the adoption as a decision) and ``extract`` (the text's validity, ``validity``: fields of the document, no decisions).
The labels live in ``data/structure.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "structure.json"
_NUMERIC_DAY = re.compile(r"(\d{2})-(\d{2})-(\d{4})")
_HEAD_LINES = 120
#: the validity line of a regulation's text in a register: "Geldend van 16-10-2015 t/m 02-10-2017", "Regeling vervallen per
#: 03-10-2017", "Dit is een toekomstige tekst! Geldend vanaf 09-07-2025" (its dates are no date of the document)
VALIDITY = re.compile(r"(?i)^\W*(?:(?:dit\s+is\s+een\s+toekomstige\s+tekst!?\s*)?geldend\s+(van(?:af)?)\s+(\d{2}-\d{2}-\d{4})"
                      r"(?:\s+t/m\s+(\d{2}-\d{2}-\d{4}))?|regeling\s+(vervallen)\s+per\s+(\d{2}-\d{2}-\d{4}))")


@dataclass
class Register:
    adopter: str | None = None  # the adopting body as written ("burgemeester", "dagelijks bestuur")
    name: str | None = None  # the regulation's official name
    dates: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # field -> (start, end, ISO day)


@lru_cache(maxsize=1)
def _labels() -> tuple[dict, dict]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return data["register_labels"], data["register_fields"]


def _iso(day: str) -> str:
    return f"{day[6:10]}-{day[3:5]}-{day[:2]}"


def read_register(text: str) -> Register | None:
    """The register page's fields, or None when ``text`` opens with no register's history table."""
    labels, fields = _labels()
    lines, pos = [], 0
    for raw in text.split("\n")[:_HEAD_LINES]:
        lines.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    reg = Register()
    header: list[tuple[int, str]] = []  # (line index, field) of the table's column labels, in order
    for i, (_, _, raw) in enumerate(lines):
        low = " ".join(raw.lower().split())
        if low.startswith(labels["adopter"]) and reg.adopter is None:
            value = raw.strip()[len(labels["adopter"]):].strip(" :\t")  # "Vastgesteld doorburgemeester" (cells run on)
            if not value and i + 1 < len(lines):
                value = lines[i + 1][2].strip()
            reg.adopter = value or None
        for lab in labels["name"]:
            if low.startswith(lab) and reg.name is None:
                reg.name = raw.strip()[len(lab):].strip(" :\t") or None
        if low.rstrip(" :") in fields:
            header.append((i, fields[low.rstrip(" :")]))
    if len(header) < 4:
        return None
    cols = [f for _, f in header]
    vals_from = lines[header[-1][0]][1]
    stop = next((s for s, _, raw in lines[header[-1][0] + 1:] if raw.strip() and not re.search(r"\d", raw)
                 and len(raw.split()) > 3), min(len(text), vals_from + 400))
    block = text[vals_from:stop]
    row = next((ln for ln in block.split("\n") if "\t" in ln), None)
    if row is not None:  # a table row read with its cells: each date stands under its label
        at, cell_at = vals_from + block.index(row), 0
        for col, cell in zip(cols, row.split("\t")):
            m = _NUMERIC_DAY.search(cell)
            if m:
                reg.dates.setdefault(col, (at + cell_at + m.start(), at + cell_at + m.end(), _iso(m.group(0))))
            cell_at += len(cell) + 1
        return reg
    # cells run together ("30-03-202222-03-2022nieuwe regeling", then "22-03-2022"): the order tells. The first date
    # is the coming into force; a second one before the "Betreft" text is the retroactive day (not later than the
    # first) or the expiry; the first date after that text is the signing day
    before: list[tuple[int, int, str]] = []
    past_concerns = False
    for m in re.finditer(r"\d{2}-\d{2}-\d{4}|[^\d\n]{3,}", block):
        if not _NUMERIC_DAY.fullmatch(m.group(0)):
            past_concerns = past_concerns or bool(before)
            continue
        span = (vals_from + m.start(), vals_from + m.end(), _iso(m.group(0)))
        if past_concerns:
            reg.dates["signed"] = span
            break
        before.append(span)
    if before:
        reg.dates["in_force"] = before[0]
        for span in before[1:2]:
            reg.dates["retroactive" if span[2] <= before[0][2] else "expired"] = span
    return reg


def validity(text: str) -> tuple[str | None, str | None]:
    """(valid from, valid until) of a regulation's text in a register, ISO days as the register writes them: its
    history table's coming into force and expiry, or its validity line ("Geldend van 16-10-2015 t/m 02-10-2017",
    "Regeling vervallen per 03-10-2017", "Dit is een toekomstige tekst! Geldend vanaf 09-07-2025"); (None, None)
    for any other text. The facts of a text's life, no decisions: who adopted it is read from its signing."""
    reg = read_register(text)
    if reg is not None and (reg.dates.get("in_force") or reg.dates.get("expired")):
        return (reg.dates["in_force"][2] if "in_force" in reg.dates else None,
                reg.dates["expired"][2] if "expired" in reg.dates else None)
    since = until = lapsed = None
    for raw in text.split("\n")[:_HEAD_LINES]:
        m = VALIDITY.match(raw)
        if m is None:
            continue
        if m.group(4):
            lapsed = lapsed or _iso(m.group(5))
        elif since is None:
            since, until = _iso(m.group(2)), (_iso(m.group(3)) if m.group(3) else None)
    return since, until or lapsed  # ("t/m 02-10-2017", the text's own last day, before "vervallen per 03-10-2017")
