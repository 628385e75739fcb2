"""Dutch compounds and identifiers taken apart, for the index and the query.

Dutch writes a concept as one word ("afvalinzameling") that a reader may type apart ("inzameling van
afval"), and identifiers ("PS23-001234", "AU15.10692") that staff type whole, with another dash or
in parts ("001234"). :func:`split` splits a word into the words it is made of, with the linking
-s-/-e-/-en- between them ("verkeersveiligheid" -> verkeer, veiligheid); :func:`parts` gives the parts
of any token, identifiers included.

The words come from Hunspell's Dutch dictionary (OpenTaal, Debian's ``hunspell-nl``:
``/usr/share/hunspell/nl.dic``, read as a word list; ``$SPOOR_DICTIONARY`` names another file). It is
the well-kept spelling list the Dutch government's own spelling follows, ~130,000 lower-case words,
and it loads in a tenth of a second. Without it, identifiers and hyphenated words are still taken
apart, closed compounds are not (logged once). Which modifiers and heads never count as a part (prefixes
such as "ver-", suffixes that are also words such as "-lijk") is in ``data/compounds.json``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_log = logging.getLogger(__name__)

DICTIONARIES = ("/usr/share/hunspell/nl.dic", "/usr/share/hunspell/nl_NL.dic", "/usr/share/myspell/nl.dic")
DATA = Path(__file__).parent / "data" / "compounds.json"
WORD_FORMS = Path(__file__).parents[1] / "nlp" / "data" / "word_forms.json"
# Every dash a text or a query may hold, folded to "-" (hyphen, non-breaking hyphen, figure dash,
# en and em dash, horizontal bar, minus, hyphen bullet, small and full-width hyphen-minus).
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
DASH_FOLD = str.maketrans(dict.fromkeys(DASHES, "-"))
_SEPARATORS = re.compile(r"[-.&+/:]+")


def fold_dashes(text: str) -> str:
    """``text`` with every dash character written as "-"."""
    return text.translate(DASH_FOLD)


def _plain(word: str) -> str:
    if word.isascii():  # nothing to fold (most words): NFKD leaves ASCII as it is
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def rules() -> dict:
    """``data/compounds.json``: linking morphemes, part lengths, words that are never a part."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    verbs = json.loads(WORD_FORMS.read_text(encoding="utf-8"))  # a verb's particle or prefix is no modifier
    return {"links": tuple(raw["links"]), "min_modifier": raw["min_modifier"], "min_head": raw["min_head"],
            "not_modifiers": frozenset(raw["not_modifiers"]) | frozenset(verbs["particles"])
            | frozenset(verbs["inseparable"]),
            "not_heads": frozenset(raw["not_heads"]), "endings": tuple(raw["plural_endings"])}


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """The lower-case words of the Dutch Hunspell dictionary, accents folded; empty when none is installed."""
    paths = [os.environ["SPOOR_DICTIONARY"]] if os.environ.get("SPOOR_DICTIONARY") else list(DICTIONARIES)
    for path in paths:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                words = {_plain(line.split("/", 1)[0].strip()) for line in f}
        except OSError:
            continue
        found = frozenset(w for w in words if w.isalpha() and w.islower() and len(w) >= 2)
        _log.info("Dutch dictionary %s: %d words for decompounding and typo checks", path, len(found))
        return found
    _log.warning("no Dutch dictionary (%s): compounds are not split, and only the index's own words count as known;"
                 " install Debian's hunspell-nl", " or ".join(paths))
    return frozenset()


def known(word: str) -> bool:
    """Whether the dictionary knows ``word`` (lower-case, accents folded), as written or as a plural."""
    words = dictionary()
    w = _plain(word.casefold())
    return w in words or any(_stripped(w, e) & words for e in rules()["endings"])


def _stripped(word: str, ending: str) -> set[str]:
    """The singulars ``word`` may be with ``ending`` taken off ("panden" -> pand, "kammen" -> kam)."""
    if not word.endswith(ending) or len(word) - len(ending) < 3:
        return set()
    base = word[:-len(ending)]
    out = {base}
    if len(base) >= 2 and base[-1] == base[-2]:
        out.add(base[:-1])  # kammen -> kam
    elif len(base) >= 3 and base[-2] in "aeou" and base[-1] not in "aeiou" and base[-3] not in "aeiou":
        out.add(base[:-1] + base[-2] + base[-1])  # afspraken -> afspraak
    return out


def _modifier(part: str) -> bool:
    r = rules()
    if len(part) < r["min_modifier"] or part in r["not_modifiers"]:
        return False
    return part in dictionary()


def _head(part: str) -> bool:
    r = rules()
    if len(part) < r["min_head"] or part in r["not_heads"]:
        return False
    return known(part)


@lru_cache(maxsize=100_000)
def split(word: str) -> tuple[str, ...]:
    """The words a closed compound is made of, linking -s-/-e-/-en- left out ("afvalinzameling" ->
    ("afval", "inzameling")); () for a word that is no compound, or without a dictionary."""
    w = _plain(word.casefold())
    r = rules()
    if not w.isalpha() or len(w) < r["min_modifier"] + r["min_head"] or not dictionary():
        return ()
    best: tuple[str, ...] = ()
    rank = None
    for i in range(r["min_modifier"], len(w) - r["min_head"] + 1):
        left = w[:i]
        if not _modifier(left):
            continue
        for link in r["links"]:
            if not w.startswith(link, i):
                continue
            rest = w[i + len(link):]
            if _head(rest):
                found: tuple[str, ...] = (left, rest)
            elif len(rest) >= r["min_modifier"] + r["min_head"] and (more := split(rest)):
                found = (left, *more)
            else:
                continue
            # fewest parts, then the longest shortest part, then a linking -s-/-e- rather than none
            # ("raad-s-leden", not "raad-sleden")
            key = (len(found), -min(map(len, found)), not link)
            if rank is None or key < rank:
                best, rank = found, key
    return best if len(best) <= 3 else ()


def parts(token: str) -> tuple[str, ...]:
    """The parts of one token as the tokenizer gives it: an identifier or a hyphenated word split at its
    separators ("ps23-001234" -> ps23, 001234; a part of one or two characters is left out, and so is a
    number of amounts and dates alone), a closed compound into its words; () when it has no parts."""
    token = fold_dashes(token).casefold()
    if _SEPARATORS.search(token.strip("-.&+/:")):
        pieces = [p for p in _SEPARATORS.split(token) if p]
        if len(pieces) < 2 or all(p.isdigit() for p in pieces) and len(max(pieces, key=len)) < 5 and len(pieces) < 4:
            return ()  # "3.500", "16-12-2024", "2020-2021": amounts, dates and ranges ("24.30.760.01.1086": a number)
        out = [p for p in pieces if len(p) >= 3 or (len(p) == 2 and not p.isdigit())]
        for p in pieces:
            if p.isalpha():
                out += split(p)
        return tuple(dict.fromkeys(out)) if len(out) >= 1 and out != [token] else ()
    return split(token)


# A word that ends in a hyphen before a conjunction (or a comma, or another such word) and a compound
# leaves out the compound's head: "goot- en bouwhoogte" is "goothoogte en bouwhoogte", "boom- of
# struiksoort" "boomsoort of struiksoort", "fiets- voetgangersbrug" "fietsbrug". (Without a conjunction
# the last word must be a compound: "verkeers- veiligheid" is a word broken at a line end.)
_ELIDED = re.compile(r"(?<![\w-])((?:[^\W\d_]{2,}-(?:[ \t]*,[ \t]*|[ \t]+)(?:(?:en|of|en/of|tot|&)\s+)?)+)"
                     r"([^\W\d_]{4,})\b")
_ELIDED_WORD = re.compile(r"([^\W\d_]{2,})-(?:[ \t]*,[ \t]*|[ \t]+)((?:en|of|en/of|tot|&)\s+)?")


def _head_of(word: str) -> str | None:
    """What a modifier written apart shares of ``word``: its head after the first part ("soorten" of
    "struiksoorten", "ontginningslandschap" of "broekontginningslandschap"); else its longest ending
    that is a word of four letters or more ("mogelijkheden" of "gebruiksmogelijkheden")."""
    w = _plain(word.casefold())
    found = split(w)
    if found:
        rest = "".join(found[1:])
        if w.endswith(rest):
            return rest
        last = w.rfind(found[-1])
        return w[last:] if last > 0 else None
    words = dictionary()
    for i in range(2, len(w) - 3):
        left, rest = w[:i], w[i:]
        if not any(left.endswith(link) and left[:len(left) - len(link)] in words for link in rules()["links"]):
            continue  # the first part must be a word ("gebruik-s-", "regel-")
        if rest not in rules()["not_heads"] and (known(rest) or rest.endswith("heden") and known(rest[:-5] + "heid")):
            return rest
    return None


def elided(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the whole word) of each modifier in ``text`` written apart from the head it shares
    with the compound after it ("goot" of "goot- en bouwhoogte": "goothoogte"), in text order."""
    if "- " not in text and "-," not in text and "-\t" not in text:
        return []
    out = []
    for m in _ELIDED.finditer(text):
        words = list(_ELIDED_WORD.finditer(m.group(1)))
        if not any(w.group(2) for w in words) and not split(m.group(2)):
            continue  # no conjunction and no compound: a word broken at a line end
        head = _head_of(m.group(2))
        if head is None:
            continue
        base = m.start(1)
        for w in words:
            out.append((base + w.start(1), base + w.end(1), w.group(1).casefold() + head))
    return out


def with_elided(text: str) -> str:
    """``text`` with each elided compound written after its modifier ("goot- goothoogte en
    bouwhoogte"), for the index: the stored text stays as written."""
    found = elided(text)
    if not found:
        return text
    out, at = [], 0
    for _, end, whole in found:
        out += [text[at:end + 1], " ", whole]
        at = end + 1
    out.append(text[at:])
    return "".join(out)
