"""Tokens, candidates and patterns of ``spoor_entities`` (:mod:`pipeline.nlp.entities`).

The tokenizer (words and punctuation, each with its folded form), the :class:`Cand` record a candidate
entity is before overlaps and context are resolved, the choice of non-overlapping candidates, the
regexes of abbreviation definitions with the test whether an abbreviation's letters spell a name, and
the builders of the person and money patterns from the knowledge base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .kb import fold

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_FOLDED: dict[str, str] = {}
_FUNCTION_WORDS = {"van", "voor", "en", "de", "het", "der", "den", "op", "in", "te", "ter", "ten", "tot", "met", "bij", "aan", "of", "&", "'s"}
_PRIORITY = {"learned": 0, "kb": 1, "compound": 1, "generic": 2, "anaphor": 2, "pattern": 2, "fuzzy": 3, "acronym": 4, "block": 1}


@dataclass
class Cand:
    """A candidate entity before overlaps and context are resolved."""

    start: int
    end: int
    label: str | None
    canonical: str | None
    source: str = "kb"
    value: str | None = None
    role: str | None = None
    parent: str | None = None
    generic: str | None = None  # generic word ("college", "raad") awaiting the document's level
    ids: list[str] = field(default_factory=list)  # anaphor candidates
    warnings: list[str] = field(default_factory=list)


class Tok:
    """A word or punctuation token: its text, offsets, folded (``ci``) and quote-normalised (``cs``) forms,
    and the white space before it. Made only by ``tokenize``, which fills the slots directly (hot path)."""

    __slots__ = ("text", "start", "end", "ci", "cs", "space_before")


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    prev = 0
    cache = _FOLDED
    new = Tok.__new__
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        word = m.group()
        t = new(Tok)
        t.text, t.start, t.end = word, start, end
        ci = cache.get(word)
        if ci is None:
            # a lone combining mark (U+0301 after a space) folds to nothing: keep the mark itself
            ci = fold(word) or word
            if len(cache) < 200_000:
                cache[word] = ci
        t.ci = ci
        t.cs = "'" if word in ("\u2019", "\u2018") else word
        t.space_before = text[prev:start] if prev != start else ""
        prev = end
        toks.append(t)
    return toks


def is_elided(toks: list[Tok], j: int) -> bool:
    """'college- en raadsleden': a word cut off by a hyphen before a space."""
    return j + 2 < len(toks) and toks[j + 1].text == "-" and not toks[j + 1].space_before and bool(toks[j + 2].space_before)


def joinable(gap: str) -> bool:
    """Tokens of one name may be separated by spaces and at most one line break."""
    return gap.count("\n") <= 1 and len(gap) <= 4


def select_candidates(cands: list[Cand]) -> list[Cand]:
    """Longest candidates first, then by source priority; no two chosen spans overlap."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), _PRIORITY.get(c.source, 5), c.start))
    size = max((c.end for c in cands), default=0)
    taken = bytearray(size + 1)
    chosen = []
    for c in order:
        if 1 in taken[c.start:c.end]:
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


GLUE_RE = re.compile(r"[/:@()\\\d_=]|\.\w")
ARTICLE_RE = re.compile(r"\b(?:[Aa]rtikel|[Aa]rt\.)\s*(?P<art>\d+[a-z]*(?::\d+[a-z]*)?)(?:,?\s*(?:lid\s*(?P<lid>\d+)))?,?\s*(?:van\s+(?:de|het)\s+)?$")
MONEY_HINT = re.compile(r"euro|EUR", re.IGNORECASE)
VAN_RE = re.compile(r"\s+(?:van|voor)\s+(?:de\s+|het\s+)?")
DEF_PAREN = re.compile(r"\((?P<abbr>[A-Z][A-Za-z0-9&]{1,7})\)")
DEF_HINT = re.compile(r"afgekort|hierna|verder:")
DEF_AFGEKORT = re.compile(r"['\u2019\u201d\"]?,?\s*(?:afgekort(?: tot| als)?|hierna(?: te noemen)?:?|verder:?)\s+['\u2018\u201c\"]?(?P<abbr>[A-Z][A-Za-z0-9&]{1,7})\b")
DEF_REVERSE = re.compile(r"\b(?P<abbr>[A-Z]{2,7})\s+\((?P<long>[a-zA-Z\u00C0-\u017F][\w\u00C0-\u017F\-]*(?:[ ,]+[\w\u00C0-\u017F\-]+){1,8})\)")


def initials_ok(abbr: str, words: list[str]) -> bool:
    """Do the abbreviation's letters spell the words?

    Every content word gives its first letter and may give more letters from inside
    ("Gemeentelijke gezondheidsdienst" = GGD); function words may be skipped; one
    trailing letter may stand for a name left out ("Organisatie voor Zorg en
    Jeugdhulp" = OZJT).
    """
    letters = [ch.lower() for ch in abbr if ch.isalnum()]
    ws = [fold(w) for w in words if w and w[0].isalnum()]
    if len(letters) < 2 or not ws or ws[0][:1] != letters[0]:
        return False
    spare = 1 if len(letters) >= 3 else 0

    def match(li: int, wi: int, budget: int = 200) -> bool:
        if wi == len(ws):
            return len(letters) - li <= spare
        w = ws[wi]
        if w in _FUNCTION_WORDS and match(li, wi + 1):
            return True
        if li >= len(letters) or w[0] != letters[li]:
            return False
        # the word's initial, then 0.. more letters from inside the word
        options = [li + 1]
        k, pos = li + 1, 1
        while k < len(letters):
            found = w.find(letters[k], pos)
            if found < 0:
                break
            k += 1
            pos = found + 1
            options.append(k)
        return any(match(o, wi + 1) for o in options)

    return match(0, 0)


def long_form_before(text: str, pos: int, abbr: str) -> tuple[int, int] | None:
    """Start and end of the name an abbreviation defined at ``pos`` abbreviates, if its letters fit."""
    ls = max(text.rfind("\n", 0, pos) + 1, pos - 200)
    seg = text[ls:pos].rstrip(" '\"\u2018\u2019\u201c\u201d,")
    end = ls + len(seg)
    words = list(re.finditer(r"[\w\u00C0-\u017F][\w\u00C0-\u017F\-'&]*", seg))
    n_letters = sum(ch.isalpha() for ch in abbr)
    best = None
    for k in range(len(words) - 1, max(-1, len(words) - n_letters - 5), -1):
        ws = [w.group() for w in words[k:]]
        content = [w for w in ws if fold(w) not in _FUNCTION_WORDS]
        if 2 * len(content) >= n_letters and initials_ok(abbr, ws):
            best = k
            break
    if best is None:
        return None
    return ls + words[best].start(), end


def person_regex(p: dict) -> re.Pattern:
    titles = sorted({t.rstrip(".") for t in p["titles"]}, key=len, reverse=True)
    tvs = sorted(p["tussenvoegsels"], key=len, reverse=True)
    offices = sorted(p["role_offices_before_name"], key=len, reverse=True)
    tv = r"(?:%s)" % "|".join(re.escape(t) for t in tvs)
    tv_cap = r"(?:%s)" % "|".join(re.escape(t[:1].upper() + t[1:]) for t in tvs)
    upper = r"A-Z\u00C0-\u00DE"
    lower = r"a-z\u00DF-\u00FF"
    surname = r"[%s][%s'\u2019]+(?:-[%s][%s]+)?" % (upper, lower, upper, lower)
    return re.compile(
        r"(?:(?P<office>\b(?i:%s))[^\S\n]+)?"
        r"(?:(?P<title>\b(?i:%s))\.?[^\S\n]+)?"
        r"(?:(?P<inits>(?<![\w.])(?:[%s]\.[^\S\n]?){1,4})[^\S\n]*|(?!(?:%s)[^\S\n])(?P<first>\b[%s][%s]+(?:-[%s][%s]+)?)[^\S\n]+)?"
        r"(?P<tv>(?:%s|%s)[^\S\n]+)?"
        r"(?P<surname>\b%s)\b(?!\.\w)"
        % ("|".join(re.escape(o) for o in offices), "|".join(re.escape(t) for t in titles),
           upper, tv_cap, upper, lower, upper, lower, tv, tv_cap, surname))


def money_regex(m: dict) -> re.Pattern:
    mult = sorted(m["multipliers"], key=len, reverse=True)
    mult_re = r"(?:%s)" % "|".join(re.escape(x) for x in mult)
    num = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
    per = r"(?:\s+(?:%s))?" % "|".join(re.escape(x) for x in m["per_words"])
    return re.compile(
        r"(?:(?:€|\bEUR\b|\beur\b|\beuro\b)\s?(?P<num1>%s)(?:,[-=]{1,2}|,00)?(?:\s?(?P<mult1>%s)\b)?"
        r"|\b(?P<num2>%s)\s?(?:(?P<mult2>%s)\s)?(?:euro|EUR)\b)%s"
        % (num, mult_re, num, mult_re, per), re.IGNORECASE)


def parse_amount(num: str, mult: int) -> str | None:
    try:
        value = Decimal(num.replace(".", "").replace(",", ".")) * mult
    except InvalidOperation:
        return None
    value = value.normalize()
    text = format(value, "f")
    return text


#: initials or a form of address and a surname's particle before a capitalised word: "W.G. de Raad", "de heer De Raad"
NAME_BEFORE = re.compile(r"(?:\b(?:[A-Z]\.\s?){1,5}|\b(?:heer|mevrouw|mevr\.|dhr\.|mw\.)\s+)(?:[Dd]e|[Vv]an(?: de[nr]?)?|[Tt]e[rn]?|[Dd]en)\s+$")


def is_surname(text: str, start: int) -> bool:
    """A body's word that is a person's surname: "J. Riemens, W.G. de Raad en ..."."""
    return text[start:start + 1].isupper() and bool(NAME_BEFORE.search(text, max(0, start - 30), start))
