"""Segmentation for ``spoor_decisions``: text -> units (sentences, list items, schedule lines).

``segment`` cuts the text into units by character offsets: wrapped lines are re-joined, list items
and short lines (headings, schedule rows) stay on their own with their list marker, and paragraphs
are split into sentences (not after an abbreviation or initials).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


# --------------------------------------------------------------------------- segmentation
_MARKER = re.compile(
    r"^(?P<indent>[ \t\u00a0]*)(?:[-•*–·▪◦]\s*)?"
    r"(?:(?P<num>\(?(?:\d{1,2}|I{2,3}|IV|VI{0,3}|IX|XI{0,3}|[a-zA-Z])[.)])(?=\s)|(?P<bare>\d{1,2})[.)]?\s*$)"
)
#: a list marker alone on its line, its item in a later block (a PDF that set the markers in a column of their own:
#: "I." / "II." / "de maximum planvoorraad ... vast te stellen;" / "geen medewerking te verlenen ...")
_LONE_MARKER = re.compile(r"^[ \t\u00a0]*\(?(?P<num>I{1,3}|IV|VI{0,3}|IX|XI{0,3}|[a-z])[.)][ \t]*$")
_BULLET = re.compile(r"^(?P<indent>[ \t\u00a0]*)[-•*–·▪◦](?=\s|$)")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s")
_CAN_END = {"jl", "etc", "e.d", "enz", "e.a", "a.s"}
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])")


@dataclass
class Unit:
    """A sentence, list item or line: the unit a decision is read from."""

    start: int
    end: int
    block: int
    first_in_block: bool = True
    marker: str | None = None  # "1", "a", "-" for bullets
    indent: int = 0
    heading: bool = False
    md_heading: bool = False
    last_in_block: bool = True

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]


def segment(text: str, abbreviations: set[str] | None = None) -> list[Unit]:
    """Cut ``text`` into units (character offsets): wrapped lines are joined,
    list items and short lines (headings, schedule rows) stay on their own,
    paragraphs are split into sentences."""
    abbreviations = abbreviations or set()
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    lengths = sorted(len(l[2].strip()) for l in lines if l[2].strip())
    width = max(60, lengths[int(0.9 * (len(lengths) - 1))] if lengths else 60)

    blocks: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        s = line[2].strip()
        if not s:
            if cur:
                blocks.append(cur)
                cur = []
            continue
        if cur and _hard_break(cur[-1][2], line[2], width):
            blocks.append(cur)
            cur = []
        cur.append(line)
    if cur:
        blocks.append(cur)

    units: list[Unit] = []
    pending: str | None = None
    lone: list[str] = []  # markers alone on their lines, waiting for their items in order
    for b, block in enumerate(blocks):
        first = block[0][2]
        m = _MARKER.match(first)
        bullet = _BULLET.match(first)
        if m and m.group("bare") and len(block) == 1:
            pending = m.group("bare")  # "1" alone on its line: the number of the next block
            continue
        lm = _LONE_MARKER.match(first) if len(block) == 1 else None
        if lm and b + 1 < len(blocks) and (_LONE_MARKER.match(blocks[b + 1][0][2]) or not (
                _MARKER.match(blocks[b + 1][0][2]) or _BULLET.match(blocks[b + 1][0][2]))):
            lone.append(lm.group("num"))  # (not an empty point among numbered ones: "b. ..." / "c." / "d. ...")
            continue
        if lone and not pending and not (m and m.group("num")) and not bullet:
            pending = lone.pop(0)
        elif m and m.group("num") or bullet:
            lone = []
        start = block[0][0] + len(first) - len(first.lstrip())
        end = block[-1][0] + len(block[-1][2].rstrip())
        marker = indent = None
        if m and m.group("num"):
            marker = m.group("num").strip("().")
            indent = len(m.group("indent").replace("\t", "    "))
        elif bullet:
            marker, indent = "-", len(bullet.group("indent").replace("\t", "    "))
        elif pending:
            marker, indent = pending, 0
        pending = None
        md = bool(_MD_HEADING.match(first))
        btext = text[start:end]
        heading = md or (len(block) == 1 and len(btext) < 0.6 * width and not btext.rstrip().endswith((".", ";", "?", "!", ",")))
        cuts = [start]
        for sm in _SENT_END.finditer(btext):
            if ends_no_sentence(btext[:sm.start() + 1], abbreviations):
                continue  # "art. 37", "d.d. 5 november", the list marker "10."
            if btext[sm.start()] in "?!" and btext[sm.end():sm.end() + 1] == "(":
                continue  # a title that asks, its reference after it: "motie: Wat is jeugdhulp? (RIS321647) aangenomen"
            sentence = btext[cuts[-1] - start:sm.start()]
            if sentence.count("(") > sentence.count(")") and ")" in btext[sm.end():sm.end() + 120] \
                    and "(" not in btext[sm.end():sm.end() + 120].split(")")[0]:
                continue  # "(planidentificatie NL.IMRO.1709. VestWillemstad-BP40)": inside an aside
            cuts.append(start + sm.end())
        cuts.append(end)
        for k in range(len(cuts) - 1):
            s, e = cuts[k], cuts[k + 1]
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                units.append(Unit(s, e, b, k == 0, marker if k == 0 else None,
                                  indent or 0, heading and k == 0, md and k == 0, k == len(cuts) - 2))
    return units


#: the words a sentence cannot stop on: an article, a preposition, a conjunction, a title before a name
_OPEN_END = re.compile(r"(?i)[a-zà-ÿ,]\s+(?:de|het|een|van|voor|in|op|met|aan|door|en|of|dat|die|tot|naar|bij|om|te|"
                       r"heer|mevrouw|mw\.|dhr\.)$")


def _hard_break(prev: str, nxt: str, width: int) -> bool:
    p, n = prev.rstrip(), nxt.strip()
    if _MARKER.match(nxt) or _BULLET.match(nxt) or _MD_HEADING.match(nxt) or _MD_HEADING.match(prev):
        return True
    if "|" in p or "\t" in p.strip():
        return True  # table rows
    if p.endswith((":", ";", "?", "!")):
        return True
    first = n[0]
    if first.islower() or _OPEN_END.search(p):
        return False  # ("..., de door het raadslid de heer" / "Thepass ingediende motie ...": no line ends so)
    if p.endswith(".") or p[-1].isdigit():
        return True
    return len(p.strip()) < 0.8 * width


def is_prose(line: str) -> bool:
    """A line of running text: more than ten words, not numbered or bulleted."""
    return len(line.split()) > 10 and not re.match(r"\s*(?:\d{1,2}[.)]?|[-•*–])\s", line)


def tells(line: str) -> bool:
    """A line that holds the end of a sentence of running text ("... vond de vergadering plaats. Nu de ..."): text
    stands above whatever heading comes next."""
    return len(line.split()) > 10 and bool(re.search(r"[a-zà-ÿ]{2}[.!?](?:\s|$)", line.lower()))


def ends_no_sentence(before: str, abbreviations: set[str] | frozenset[str]) -> bool:
    """True when the full stop that ends ``before`` closes an abbreviation ("art.", "d.d.", initials) or a
    list marker ("1.", "b)") rather than a sentence."""
    words = before.split()
    word = words[-1] if words else ""
    if _is_abbreviation(word, abbreviations) and word.lower().rstrip(".") not in _CAN_END:
        return True
    return bool(re.fullmatch(r"\s*(?:[-•*–·▪◦]\s*)?\(?\w{1,2}[.)]", before))


def _is_abbreviation(word: str, abbreviations: set[str]) -> bool:
    w = word.strip("(\"'“‘").lower().rstrip(".")
    if not w:
        return False
    if w in abbreviations or len(w) == 1:
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", w))  # initials "g.j"


_FORM_BREAKS = frozenset({"voorstel", "advies", "besluit", "samenvatting"})  # a heading between labels and values


#: labels with no value after them, a row of empty fields: "Dagtekening: Agendanummer:"
EMPTY_FIELDS = re.compile(r"\s*:?(?:\s*[A-Za-zÀ-ÿ][\w .]{0,30}:)+\s*")


def label_column(lines: list[str]) -> dict[int, int]:
    """A form read column by column: a run of labels ("Agendapunt:", "Vergaderdatum:", "Onderwerp:") and then their
    values in the same order; label line index -> value line index."""
    out: dict[int, int] = {}
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and re.fullmatch(r"[^:\n]{1,40}:", lines[j].strip()):
            j += 1
        if j - i >= 3:
            first = j + 1 if j < len(lines) and lines[j].strip().lower() in _FORM_BREAKS else j  # ("Voorstel")
            for k in range(i, j):
                v = first + (k - i)
                if v >= len(lines) or re.match(r"[^:]{1,30}:(?:\s|$)", lines[v].strip()):
                    break  # a value that is itself a field ("Vergadering-id: 312 ..."): the columns do not line up
                out[k] = v
            i = j
        else:
            i += 1
    return out
