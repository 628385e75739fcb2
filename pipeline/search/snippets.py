"""Snippets: the sentence of a passage that best answers a query, with the query's words marked.

:class:`Matcher` is made from the query's concepts (``search.Concept``: a word or name asked for,
with every form it may take); for a passage it finds the sentence that holds most of the query and,
for a question ("wanneer", "wie", "hoeveel"), the date, actor or number it asks for, and says how much of
the query the passage holds (``search._group`` weighs passages and documents by it).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import pickle
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from ..index import compounds
from ..index.writer import TOKEN_PATTERN, dutch_analyzer
from ..nlp.dates import load_lexicon as load_date_lexicon
from ..nlp.kb import load_kb

if TYPE_CHECKING:
    from .engine import Concept

MARK_OPEN, MARK_CLOSE = "**", "**"
SNIPPET_CHARS = 300
SNIPPET_MAX_CHARS = 420  # whole sentences that hold more of the query may make a snippet this long
SNIPPET_MIN_CHARS = 280  # a shorter sentence or line takes the ones after it, up to about a snippet's length


def analyzed_stems(analyzer, text: str) -> list[str]:
    """The index terms ``analyzer`` makes of ``text`` (as a query), kept for the last ``KEEP_STEMS`` texts:
    a search analyses its words and their variants per field many times, and queries share words. They
    are kept per analysis (``analysis_key``), not per analyzer object: each index generation opened
    unpickles its schema's analyzers anew, and its first searches find the words analysed before."""
    key = (analysis_key(analyzer), text)
    found = _STEMS.get(key)
    if found is None:
        if len(_STEMS) > KEEP_STEMS:
            _STEMS.clear()
        found = _STEMS[key] = tuple(t.text for t in analyzer(text, mode="query"))
    return list(found)


def analysis_key(analyzer) -> bytes | int:
    """What an analyzer does, as a key: a digest of its pickled form (chain, stop words, stemmer language),
    so two analyzers that analyse alike share one; a number of its own when it cannot be pickled."""
    found = _ANALYSES.get(id(analyzer))
    if found is None or found[0] is not analyzer:  # (an id is reused once its analyzer is gone)
        try:
            key = hashlib.sha1(pickle.dumps(analyzer, protocol=4)).digest()
        except Exception:  # noqa: BLE001 - a chain with a lambda or a closure in it
            key = next(_UNIQUE)  # never reused, unlike an id
        if len(_ANALYSES) > 256:
            _ANALYSES.clear()
        found = _ANALYSES[id(analyzer)] = (analyzer, key)
    return found[1]


KEEP_STEMS = 100_000
_STEMS: dict[tuple[bytes | int, str], tuple[str, ...]] = {}
_ANALYSES: dict[int, tuple[object, bytes | int]] = {}
_UNIQUE = itertools.count()


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    """Month names and number words from the DATE component's data; actor words from the bodies KB."""
    dates = load_date_lexicon()["dates"]
    months = sorted({*dates.get("months", {}), *dates.get("month_abbreviations", {}), *dates.get("seasons", {})},
                    key=len, reverse=True)
    numbers = sorted(dates.get("number_words", {}), key=len, reverse=True)
    actor_words: set[str] = set()
    for entry in load_kb().entries.values():
        if entry.label == "ORGAN":
            for alias in entry.aliases:
                actor_words.update(analyzed_stems(TOKENS, alias.split()[-1]))
    month_re = "|".join(map(re.escape, months)) or "januari"
    date = re.compile(rf"\b\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b|\b\d{{1,2}}\s+(?:{month_re})\b"
                      rf"|\b(?:{month_re})\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\b", re.IGNORECASE)
    number_words = "|".join(map(re.escape, (n for n in numbers if n not in ("een", "één")))) or "twee"
    number = re.compile(rf"\b\d+(?:[.,]\d+)?\b|\b(?:{number_words})\b", re.IGNORECASE)
    # For scanning whole passages: every date form holds digits, and a year alone counts as a date, so
    # a month only matters before a day number is read ("12 juli"); number words are looked up per word.
    date_scan = re.compile(rf"\b\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b|\b\d{{1,2}}\s+(?i:{month_re})\b|\b(?:19|20)\d\d\b")
    return {"date": date, "number": number, "actor_words": frozenset(actor_words), "date_scan": date_scan,
            "digits": re.compile(r"\b\d+(?:[.,]\d+)?\b"),
            "number_words": frozenset(n.casefold() for n in numbers if n not in ("een", "één"))}


# A sentence ends at . ! ? ; followed by a space (not after an initial or a short abbreviation), at a blank line, or before a bullet or numbered line.
_SENTENCE_END = re.compile(r"(?<=[.!?;])(?<!\b[A-Za-z]\.)(?<!\b(?:dd|nr|bv|ca|zg|jl|mw|mr|dr|ir|hr)\.)"
                           r"(?<!\b(?:dhr|drs|ing|evt|art|blz|par|fig|pag|nrs)\.)(?<!\bmevr\.)(?<!\bprof\.)"
                           r"(?<!\bincl\.)(?<!\bbijl\.)(?<!nr\.(?=\s\d))\s+(?=\S)"  # ("zaaknr. 200401868/1")
                           r"|\n\s*\n|\n(?=\s*(?:[•\-–*]|\d+[.)]\s))")
TOKENS = dutch_analyzer()
_WORD = re.compile(TOKEN_PATTERN)
_STEM_OF: dict[str, str | None] = {}  # surface word -> its index term (None: a stop word), as TOKENS gives it


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(index term, start, end) of every word of ``text``: what ``TOKENS`` gives, each word analysed once;
    a modifier written apart from its compound's head also gives that compound's term, as the index
    holds it ("goot" of "goot- en bouwhoogte": goothoogt, ``compounds.elided``)."""
    out = _word_tokens(text)
    found = compounds.elided(text)
    if not found:
        return out
    starts = [t[1] for t in out]
    for start, end, whole in reversed(found):
        terms = [t.text for t in TOKENS(whole, mode="query")]
        if len(terms) == 1:
            out.insert(bisect_right(starts, start), (terms[0], start, end))
    return out


def _word_tokens(text: str) -> list[tuple[str, int, int]]:
    known = _STEM_OF
    words = [(known.get(m.group(), ""), m) for m in _WORD.finditer(text)]
    if all(stem != "" for stem, _ in words):  # every word seen before (None: a stop word)
        return [(stem, m.start(), m.end()) for stem, m in words if stem is not None]
    out = []
    for stem, m in words:
        word = m.group()
        if stem == "":
            found = [(t.text, m.start() + t.startchar, m.start() + t.endchar)
                     for t in TOKENS(word, chars=True, mode="query")]
            if not found:  # a stop word
                _STEM_OF[word] = None
                continue
            if len(found) != 1 or found[0][1:] != (m.start(), m.end()):
                out += found  # not one word to one term: take the analyser's tokens as they come
                continue
            if len(_STEM_OF) > 200_000:
                _STEM_OF.clear()
            stem = _STEM_OF[word] = found[0][0]
        if stem is not None:
            out.append((stem, m.start(), m.end()))
    return out


@lru_cache(maxsize=4096)
def _prepared(text: str) -> tuple[str, list, list[int], list[tuple[int, int, int, int]], dict[str, list[int]]]:
    """(the text without marks and tags, its tokens, sentence bounds, sentences as (start, end, first
    token, end token), the token numbers of each word): what a passage's snippet needs whatever the
    query, kept for the passages of the last few thousand snippets."""
    if "*" in text or "<" in text:
        text = re.sub(r"\*{2,}|</?[a-zA-Z][^>]{0,40}>", " ", text)
    tokens = _tokens(text)
    bounds = sorted({0, *(m.end() for m in _SENTENCE_END.finditer(text)), *_short_line_ends(text), len(text)})
    # a sentence's tokens: from the first that starts in it up to the first that starts past it (the
    # tokens come in text order)
    starts = [t[1] for t in tokens]
    sentences, k = [], 0
    for start, end in zip(bounds, bounds[1:]):
        lo, k = k, bisect_left(starts, end, lo=k)
        sentences.append((start, end, lo, k))
    where: dict[str, list[int]] = defaultdict(list)
    for i, (t, _, _) in enumerate(tokens):
        where[t].append(i)
        for part in _token_parts(t):  # an identifier's parts: "bp2018224003" of "nl.imro.0758.bp2018224003-vg01"
            where[part].append(i)
    return text, tokens, bounds, sentences, dict(where)


@lru_cache(maxsize=65536)
def _token_parts(token: str) -> tuple[str, ...]:
    """The parts of an identifier token (a digit and a separator in it), as the index's parts field holds them;
    () for a word. A query's identifier part matches them in a passage as it matches the whole token."""
    if not any(ch.isdigit() for ch in token) or token.isalnum():
        return ()
    return tuple(p for p in compounds.parts(token) if p != token)


# A line this short is a sentence of its own; the answer to "wie"/"wanneer" may be on such a line up to
# TAIL_LINES sentences past the one that holds the question, and is then added to the snippet.
SHORT_LINE = 60
TAIL_INTENTS = ("actor", "date", "outcome")
TAIL_LINES, TAIL_CHARS = 3, 80
_NEWLINE = re.compile(r"\n")

# "hoeveel woningen": a number followed by what is counted (within this many words and characters)
# answers it more than another number of the passage does, by up to this much of a sentence's score.
COUNTED_GAP, COUNTED_CHARS, COUNTED_BONUS = 2, 40, 2.0
#: in choosing a passage's sentence, a word of the query that the document's title holds weighs this share: it names the
#: document ("Koksgoedweg tussen 1 en 3", "Geerpark fase 3a"), the other words say which of its sentences answers
NAMED_SHARE = 0.2
_YEAR = re.compile(r"(1[89]|20)\d\d")


@lru_cache(maxsize=1)
def _month_terms() -> frozenset[str]:
    """The index terms of the month names and their abbreviations ("maart", "mrt")."""
    dates = load_date_lexicon()["dates"]
    return frozenset(t for w in (*dates.get("months", {}), *dates.get("month_abbreviations", {}))
                     for t in analyzed_stems(TOKENS, w))

# A passage that holds a concept only in another form (an alias, a variant, a near word) counts it
# at this share of its weight: the form the user typed is the better evidence.
VARIANT_SHARE = 0.75


_NONE: dict = {}  # the concepts of a token that matches none (``Matcher._spans``; never written to)


@lru_cache(maxsize=4096)
def _number_words(text: str) -> list[tuple[int, int]]:
    """(token number, start) of each number word of a passage ("drie", "twintig"): ``_prepared``'s tokens."""
    clean, tokens, _, _, _ = _prepared(text)
    words = _lexicon()["number_words"]
    return [(i, start) for i, (_, start, end) in enumerate(tokens) if clean[start:end].casefold() in words]


class _Features:
    """What ``Matcher.snippet`` asks of a passage whatever the query (``_features``): where the digits and
    dates are, per sentence the tokens that are actor words and outcome words, per token its sentence."""

    __slots__ = ("numbers", "dates", "in_match", "sentence_of", "actors", "outcomes", "names", "date_in",
                 "digit_in", "number_words_in", "safe")

    def __init__(self, text: str):
        clean, tokens, _, sentences, where = _prepared(text)
        lex = _lexicon()
        digits = [m.span() for m in lex["digits"].finditer(clean)]
        dates = [m.span() for m in lex["date_scan"].finditer(clean)]
        self.numbers = [s for s, _ in digits]
        self.dates = [s for s, _ in dates]
        in_match = bytearray(len(clean))  # 1 where a digit or date match of the clean text is
        for s, e in digits + dates:
            in_match[s:e] = b"\x01" * (e - s)
        self.in_match = bytes(in_match)
        self.sentence_of = [0] * len(tokens)
        for j, (_, _, lo, k) in enumerate(sentences):
            self.sentence_of[lo:k] = [j] * (k - lo)
        # per sentence, its tokens that are actor words and outcome words (found through the passage's
        # word positions, ``_prepared``: only the words it has that are such words are looked at)
        self.actors = self._per_sentence(where, lex["actor_words"], sentences)
        self.outcomes = self._per_sentence(where, outcome_words()["stems"], sentences)
        self.names: dict[int, bool] = {}  # sentence -> ``_names`` of it as written (filled when asked)
        # per sentence, whether a date and a number in digits start in it, and its number words' tokens
        self.date_in = [_starts_within(self.dates, start, end) for start, end, _, _ in sentences]
        self.digit_in = [_starts_within(self.numbers, start, end) for start, end, _, _ in sentences]
        self.number_words_in: list[list[int]] = [[] for _ in sentences]
        for i, _ in _number_words(text):
            self.number_words_in[self.sentence_of[i]].append(i)
        # (start, end) of a token -> whether ``unchanged_by`` may blank it (filled when asked)
        self.safe: dict[tuple[int, int], bool] = {}

    @staticmethod
    def _per_sentence(where: dict[str, list[int]], words: frozenset, sentences) -> list[list[int]]:
        """Per sentence, the numbers of its tokens that are one of ``words``, in order."""
        found = sorted(i for word in words & where.keys() for i in where[word])
        out = []
        for _, _, lo, k in sentences:
            a = bisect_left(found, lo)
            out.append(found[a:bisect_left(found, k, lo=a)])
        return out

    def unchanged_by(self, clean: str, blanked) -> bool:
        """Whether blanking the ``blanked`` tokens (term, start, end; in order) out of ``clean`` leaves the
        digit and date matches as they are in ``clean`` (then ``numbers`` and ``dates`` are those of the
        blanked text): no token holds a digit or a part of a match, none touches a word character, and
        none follows a digit across white space only (a date's "12 ... juli" could then form), and they
        do not overlap. Else False. Whether a token may be blanked is worked out once per passage (``safe``)."""
        end_before = 0
        safe = self.safe
        for _, s, e in blanked:
            if s < end_before:
                return False
            ok = safe.get((s, e))
            if ok is None:
                ok = safe[(s, e)] = self._safe(clean, s, e)
            if not ok:
                return False
            end_before = e
        return True

    def _safe(self, clean: str, s: int, e: int) -> bool:
        """Whether blanking ``clean[s:e]`` alone leaves the digit and date matches as they are."""
        if self.in_match.find(1, s, e) != -1:
            return False
        if (s and _word_char(clean[s - 1])) or (e < len(clean) and _word_char(clean[e])):
            return False
        j = s - 1
        while j >= 0 and clean[j].isspace():
            j -= 1
        return not ((j >= 0 and clean[j].isdecimal()) or any(c.isdecimal() for c in clean[s:e]))


def _starts_within(starts: list[int], start: int, end: int) -> bool:
    """Whether one of ``starts`` (in order) is from ``start`` up to ``end``."""
    at = bisect_left(starts, start)
    return at < len(starts) and starts[at] < end


def _word_char(ch: str) -> bool:
    """Whether ``ch`` is a character ``re``'s ``\\w`` matches (a letter, digit or underscore)."""
    return ch.isalnum() or ch == "_"


@lru_cache(maxsize=4096)
def _features(text: str) -> _Features:
    return _Features(text)


class Matcher:
    """Finds the sentence of a passage that best answers the query, and marks the matched terms."""

    def __init__(self, concepts: list[Concept], counted: frozenset[str] = frozenset()):
        self.concepts = concepts
        self.counted = counted  # what a question about a number counts (``engine.counted_stems``)
        self.total = sum(c.weight for c in concepts) or 1.0
        self._terms: dict[str, list[tuple[int, bool]]] = defaultdict(list)  # term -> (concept, typed)
        self._phrases: dict[str, list[tuple[int, tuple, bool]]] = defaultdict(list)  # first word -> ...
        for n, c in enumerate(concepts):
            for t in c.terms:
                self._terms[t].append((n, not c.typed or t in c.typed))
            for p in c.phrases:
                self._phrases[p[0]].append((n, p, not c.typed or p in c.typed))
        self._keys = self._terms.keys() | self._phrases.keys()
        # per concept, its weight in a variant form and as typed (``share``: indexed by ``typed``)
        self._weighs = [(c.weight * VARIANT_SHARE, c.weight * 1.0) for c in concepts]
        self._picks = self._weighs  # the same, for choosing a sentence of the document ``name`` was last told
        self._titles: dict[str, list[tuple[float, float]]] = {}

    def name(self, title: str) -> None:
        """The title of the document whose passages come next: its words of the query weigh less in choosing a
        sentence (``NAMED_SHARE``); how well a passage covers the query is unchanged."""
        picks = self._titles.get(title)
        if picks is None:
            tokens = _prepared(title)[1] if title else []
            named = {n for h in self._match(tokens)[1] for n in h} if tokens else set()
            picks = [(v * NAMED_SHARE, t * NAMED_SHARE) if n in named else (v, t) for n, (v, t) in enumerate(self._weighs)]
            if len(self._titles) < 256:
                self._titles[title] = picks
        self._picks = picks

    def _spans(self, tokens, where: dict[str, list[int]] | None = None) -> tuple[list[tuple[int, int]], list[dict[int, bool]]]:
        """Token index spans that match, and per token index the concepts it matches (concept -> typed form;
        an empty dict, one for all, where it matches none). ``where`` (``_prepared``): the token numbers of
        each word, so that only the tokens that are words of the query are looked at."""
        return self._match(tokens, where)[:2]

    def _match(self, tokens, where: dict[str, list[int]] | None = None):
        """``_spans`` and the numbers of the tokens that match a concept, in order (the only ones whose
        entry in the second list is not empty)."""
        texts = None
        spans, hit_concepts, matched = [], [_NONE] * len(tokens), []
        terms, phrases = self._terms, self._phrases
        if where is None:
            at = range(len(tokens))
        else:
            at = sorted({i for key in self._keys & where.keys() for i in where[key]})
        for i in at:
            t = tokens[i][0]
            for n, typed in itertools.chain(terms.get(t, ()), *(terms.get(p, ()) for p in _token_parts(t))):
                spans.append((i, i + 1))
                if hit_concepts[i] is _NONE:
                    hit_concepts[i] = {}
                hit_concepts[i][n] = hit_concepts[i].get(n, False) or typed
            for n, p, typed in phrases.get(t, ()):
                if texts is None:
                    texts = [t for t, _, _ in tokens]
                if tuple(texts[i:i + len(p)]) == p:
                    spans.append((i, i + len(p)))
                    if hit_concepts[i] is _NONE:
                        hit_concepts[i] = {}
                    hit_concepts[i][n] = hit_concepts[i].get(n, False) or typed
            if hit_concepts[i] is not _NONE:
                matched.append(i)
        return spans, hit_concepts, matched

    def share(self, hits, weighs: list[tuple[float, float]] | None = None) -> float:
        """The share of the query's weight in ``hits`` (dicts of concept -> typed form), variants counted less
        (``weighs``: other weights per concept, as ``name`` makes them to choose a sentence by)."""
        if not self.concepts:  # a query of wildcards only: every passage holds all of it there is
            return 1.0
        found: dict[int, bool] = {}
        for h in hits:
            for n, typed in h.items():
                if typed or n not in found:
                    found[n] = typed
        weighs = weighs or self._weighs
        return sum(weighs[n][typed] for n, typed in found.items()) / self.total

    def _held(self, hit_concepts) -> None:
        last: dict[int, bool] = {}  # the concepts this passage holds (typed form or not), for `_group`
        for h in hit_concepts:
            for n, typed in h.items():
                if typed or n not in last:
                    last[n] = typed
        self.last = last

    def coverage(self, text: str) -> float:
        """How well a passage covers the query: ``snippet``'s second number, without making the snippet.

        The same sums in the same order as ``snippet``, over the tokens that are words of the query only
        (found through the passage's word positions, ``_prepared``), not over every token."""
        text, tokens, bounds, sentences, where = _prepared(text)
        at = sorted({i for key in self._keys & where.keys() for i in where[key]})
        texts = None
        hits: list[dict[int, bool]] = []
        for i in at:
            found: dict[int, bool] = {}
            for n, typed in itertools.chain(self._terms.get(tokens[i][0], ()),
                                            *(self._terms.get(p, ()) for p in _token_parts(tokens[i][0]))):
                found[n] = found.get(n, False) or typed
            for n, p, typed in self._phrases.get(tokens[i][0], ()):
                if texts is None:
                    texts = [t for t, _, _ in tokens]
                if tuple(texts[i:i + len(p)]) == p:
                    found[n] = found.get(n, False) or typed
            hits.append(found)
        kept = [(i, h) for i, h in zip(at, hits) if h]
        self._held([h for _, h in kept])
        best_share, first = 0.0, [i for i, _ in kept]
        # only the sentences that hold a match (sentence j runs from bounds[j] to bounds[j + 1])
        for j in dict.fromkeys(bisect_right(bounds, tokens[i][1]) - 1 for i in first):
            start, end, lo, k = sentences[j]
            a, b = bisect_left(first, lo), bisect_left(first, k)
            if a < b and text[start:end].strip():
                best_share = max(best_share, self.share([h for _, h in kept[a:b]]))
        return (self.share([h for _, h in kept]) + best_share) / 2

    def snippet(self, text: str, intent: str | None) -> tuple[str, float, float]:
        """(snippet with **marks**, how well the passage covers the query, how well it answers the intent).

        The coverage is the share of the query's weight in the passage and in its best sentence,
        half each (words of the query that stand together count for more); the answer is the share
        of the query's weight in the sentence that answers the intent (0.0: none does)."""
        if intent == "signer":  # who signed: the passage's signature block is the answer, after its best sentence
            snippet, coverage, _ = self.snippet(text, None)
            clean, tokens, _, _, _ = _prepared(text)
            sig = signature(clean)
            if sig is None:
                return snippet, coverage, 0.0
            block = _mark(clean, *sig, tokens, self._spans(tokens)[0]).removeprefix("… ").removesuffix(" …")
            def plain(x: str) -> str:
                return x.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
            if not coverage:
                snippet = block
            elif plain(block) not in plain(snippet):
                snippet = snippet.removesuffix(" …") + " … " + block
            return snippet, coverage, 1.0
        original = text
        text, tokens, bounds, sentences, where = _prepared(text)
        spans, hit_concepts, matched = self._match(tokens, where)
        hits = [hit_concepts[i] for i in matched]  # the tokens that match, in order: the rest add nothing
        coverage = self.share(hits)
        self._held(hits)
        # The answer is what the passage says besides the query's own words: look for dates and
        # numbers once, with those words blanked out (as found in the passage, ``_features``, unless
        # blanking them changes what is found).
        feats = _features(original)
        blanked = [tokens[i] for i in matched]
        rest = None if feats.unchanged_by(text, blanked) else _blank(text, 0, len(text), blanked)
        if rest is not None:  # found in the blanked text (else per sentence, as ``feats`` has them)
            lex = _lexicon()
            numbers = [m.start() for m in lex["digits"].finditer(rest)]
            numbers += [start for i, start in _number_words(original) if not hit_concepts[i]]
            numbers.sort()
            dates = [m.start() for m in lex["date_scan"].finditer(rest)]
        best, best_score, best_answers, best_share, best_tail = None, -1.0, 0.0, 0.0, None
        kinds: dict[int, dict[str, bool]] = {}

        def names(j: int, start: int, end: int, lo: int, k: int) -> bool:
            """``_names`` of sentence ``j`` with the query's words blanked out."""
            if rest is not None:
                return _names(rest[start:end])
            a, b = bisect_left(matched, lo), bisect_left(matched, k)
            if a == b:  # none of its words blanked: as written
                if j not in feats.names:
                    feats.names[j] = _names(text[start:end])
                return feats.names[j]
            return _names(_blank(text, start, end, blanked[a:b]))

        def has(j: int) -> dict[str, bool]:
            found = kinds.get(j)
            if found is None:
                start, end, lo, k = sentences[j]
                if rest is None:
                    date = feats.date_in[j]
                    number = feats.digit_in[j] or any(not hit_concepts[i] for i in feats.number_words_in[j])
                else:
                    date, number = _starts_within(dates, start, end), _starts_within(numbers, start, end)
                found = kinds[j] = {
                    "date": date, "number": number,
                    "actor": any(not hit_concepts[i] for i in feats.actors[j]) or names(j, start, end, lo, k),
                    "what": k - lo >= 6, "outcome": any(not hit_concepts[i] for i in feats.outcomes[j])}
            return found

        number_words = None

        def counts(j: int) -> float:
            """The share of what the question counts that stands right after a number of sentence ``j``
            that is not a word of the query ("15 aaneengesloten woningen"): 0.0 for none."""
            nonlocal number_words
            start, end, lo, k = sentences[j]
            if not (feats.digit_in[j] or feats.number_words_in[j]):
                return 0.0
            if number_words is None:
                number_words = {i for i, _ in _number_words(original)}
            months = _month_terms()
            best = 0.0
            for i in range(lo, k):
                if hit_concepts[i] or not (text[tokens[i][1]].isdigit() or i in number_words) \
                        or _YEAR.fullmatch(tokens[i][0]) or i + 1 < k and tokens[i + 1][0] in months:
                    continue  # a year or a day of a month counts nothing
                after = [t for t, s_t, _ in tokens[i + 1:min(k, i + 1 + COUNTED_GAP)]
                         if s_t - tokens[i][2] <= COUNTED_CHARS]
                found = {c for c in self.counted if any(t == c or t.endswith(c) for t in after)}
                best = max(best, len(found) / len(self.counted))
            return best

        # the sentences that hold a word of the query, in order, with the first and last of their matches
        held_in: dict[int, list[int]] = {}
        for n, i in enumerate(matched):
            j = feats.sentence_of[i]
            if j in held_in:
                held_in[j][1] = n + 1
            else:
                held_in[j] = [n, n + 1]
        for j, (a, b) in held_in.items():
            start, end, lo, k = sentences[j]
            if not text[start:end].strip():
                continue
            share = self.share(hits[a:b])
            score = self.share(hits[a:b], self._picks) * 10 + 0.3 * sum(has(j).values())
            answers, last, tail = (share if intent and has(j).get(intent) else 0.0), j, None
            if intent and not answers:  # the answer may follow in the next sentence or two ("... : <name>")
                for n in range(j + 1, min(j + 3, len(sentences))):
                    if sentences[n][1] - start > SNIPPET_CHARS:
                        break
                    if has(n).get(intent):
                        answers, last = share / 2, n
                        break
            if intent in TAIL_INTENTS and (not answers or intent == "actor"):
                # or on a short line just past it: a signature under a motion, a name under "de griffier"
                for n in range(j + 1, min(j + 1 + TAIL_LINES, len(sentences))):
                    s_n, e_n = sentences[n][0], sentences[n][1]
                    line = text[s_n:e_n].strip()
                    whole_line = text.rfind("\n", 0, s_n + 1) >= text.rfind(" ", 0, s_n) and (
                        e_n >= len(text) or "\n" in text[e_n - 1:e_n + 1])
                    if e_n - s_n <= TAIL_CHARS and line and whole_line and (_name_line(line) if answers else has(n).get(intent)):
                        answers, tail = max(answers, share / 2), n
                        break
            head = j
            if intent == "actor" and not answers and text.rfind("\n", 0, start + 1) >= start - 1:
                # a role under a name: "Karin Komdeur" / "Programmamanager RES West-Overijssel"
                for n in range(j - 1, max(-1, j - 3), -1):
                    line = text[sentences[n][0]:sentences[n][1]].strip()
                    if not line:
                        continue
                    if len(line) <= TAIL_CHARS and "\n" in text[sentences[n][1] - 1:sentences[n][1] + 1] \
                            and _name_line(line):
                        answers, head = share / 2, n
                    break
            score += 4.0 * (1.0 if answers == share and answers else 0.5 if answers else 0.0)
            if intent == "number" and self.counted and answers == share and answers:
                score += COUNTED_BONUS * counts(j)
            score -= 0.01 * max(0, len(text[start:end]) - SNIPPET_CHARS)
            best_share = max(best_share, share)
            if score > best_score:
                best, best_score, best_answers, best_tail = (head, last), score, answers, tail
        coverage = (coverage + best_share) / 2
        if best is None:
            return _mark(text, 0, min(len(text), SNIPPET_CHARS), tokens, spans), coverage, 0.0
        first, last = best
        # A sentence or two before or after that holds more of the query joins the snippet, as long
        # as the snippet stays readable: "via een 'collegeregeling'. [...] Het Twente Bedrijf ..."
        def concepts_in(lo: int, k: int) -> set[int]:
            return {n for h in hits[bisect_left(matched, lo):bisect_left(matched, k)] for n in h}

        held = concepts_in(sentences[first][2], sentences[last][3])
        for j in (first - 1, last + 1, first - 2, last + 2):
            if not 0 <= j < len(sentences):
                continue
            lo_j, hi_j = min(first, j), max(last, j)
            more = concepts_in(sentences[j][2], sentences[j][3]) - held
            if more and sentences[hi_j][1] - sentences[lo_j][0] <= SNIPPET_MAX_CHARS:
                first, last = lo_j, hi_j
                held |= more
        start, end = sentences[first][0], sentences[last][1]
        i = bounds.index(end)
        if any(text[sentences[n][0]:sentences[n][1]].rstrip().endswith("?") for n in range(first, last + 1)):
            # a form's or a minute's question: the rest of its answer with it
            end = _answer_end(text, bounds, i, start)
            i = bounds.index(end)
        while end - start < SNIPPET_MIN_CHARS and i + 1 < len(bounds):  # a short sentence or line: the next ones with it
            i += 1
            end = bounds[i]
        snippet = _mark(text, *_window(text, start, end, tokens, spans), tokens, spans)
        if best_tail is not None and sentences[best_tail][0] >= end:
            t_start, t_end = sentences[best_tail][0], sentences[best_tail][1]
            snippet = snippet.removesuffix(" …") + " … " + _mark(text, t_start, t_end, tokens, spans).removeprefix("… ")
        return snippet, coverage, best_answers


OUTCOMES = Path(__file__).parent / "data" / "outcomes.json"


@lru_cache(maxsize=1)
def outcome_words() -> dict:
    """``data/outcomes.json``: the words of a question about an outcome (folded) and the stems of the
    words a sentence gives one with."""
    raw = json.loads(OUTCOMES.read_text(encoding="utf-8"))
    return {"question": frozenset(plain_fold(w) for w in raw["question_words"]),
            "stems": frozenset(t for w in raw["outcome_words"] for t in analyzed_stems(TOKENS, w))}


# An agenda item's heading: a numbered or lettered line ("06. Vaststellen startnotitie ...", "b. Herbenoeming ...").
_HEADING = re.compile(r"^[ \t]*(\d{1,3}|[a-zA-Z])[.)][ \t]+\S", re.MULTILINE)


def _later_heading(label: str, other: str) -> bool:
    """Whether a heading labelled ``other`` starts an item after the one labelled ``label`` ("7" after "6",
    "c" after "b", a number after a letter: the next main item)."""
    if label.isdigit():
        return other.isdigit() and int(other) > int(label)
    return other.isdigit() or (other.islower() == label.islower() and other > label)


def item_answer(matcher: Matcher, text: str, following: list[str], intent: str) -> str | None:
    """The sentence that gives the outcome (or date) of the agenda item a passage's words are in, from the
    rest of the item: the passage after its first matched word, then the ``following`` passages, up to
    the next item's heading. None when the passage names no item heading before its match (the item's
    end is then unknown) or the item gives no answer."""
    clean, tokens, _, _, _ = _prepared(text)
    spans, hit_concepts = matcher._spans(tokens)
    headings = list(_HEADING.finditer(clean))
    if not spans or not headings:
        return None
    # the item that holds most of the query (the first of equals), and the first word of it matched
    best, heading, at = 0.0, None, 0
    for m, nxt in zip(headings, [*headings[1:], None]):
        stop = nxt.start() if nxt is not None else len(clean)
        inside = [i for i, (_, s, _) in enumerate(tokens) if m.start() <= s < stop and hit_concepts[i]]
        share = matcher.share([hit_concepts[i] for i in inside]) if inside else 0.0
        if share > best:
            best, heading, at = share, m, tokens[inside[0]][1]
    if heading is None:
        return None
    label, at = heading.group(1), at - heading.start()
    lex = _lexicon()
    for n, part in enumerate([clean[heading.start():], *following]):
        part_clean, part_tokens, _, sentences, _ = _prepared(part)
        end = len(part_clean)
        for m in _HEADING.finditer(part_clean):
            if _later_heading(label, m.group(1)):
                end = m.start()
                break
        for start, stop, lo, k in sentences:
            if start >= end:
                break
            sentence = part_clean[start:min(stop, end)]
            if n == 0 and start <= at:
                continue  # the item's own words: the passage's snippet shows them
            if intent == "outcome" and any(part_tokens[i][0] in outcome_words()["stems"] for i in range(lo, k)) \
                    or intent == "date" and lex["date_scan"].search(sentence):
                line = " ".join(sentence.split())
                return line if len(line) <= SNIPPET_CHARS else line[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        if end < len(part_clean):
            return None
    return None


SIGNATURES = Path(__file__).parent / "data" / "signatures.json"
SIGNATURE_LINES = 6  # a signature block is at most this many short lines


@lru_cache(maxsize=1)
def signature_words() -> dict:
    """``data/signatures.json``: the words of a question about who signed, and a signature line's roles."""
    raw = json.loads(SIGNATURES.read_text(encoding="utf-8"))
    return {"signing": frozenset(w.casefold() for w in raw["signing_words"]),
            "roles": tuple(sorted({plain_fold(r) for r in raw["roles"]}, key=len, reverse=True)),
            "not_names": frozenset(plain_fold(w) for w in raw["not_names"])}


def plain_fold(text: str) -> str:
    """``text`` casefolded, accents dropped ("Financiën" -> "financien")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _role_name(line: str) -> tuple[bool, bool]:
    """(whether a short line is a signature line, whether it names a person): a name ("Gerdo Peters",
    "Van Campen", "A.P. Heidema"), a role and a name ("voorzitter, A.P. Heidema"), or a role alone
    ("De griffier,"); a body's name ("Gedeputeerde Staten van Overijssel,") is one without a person."""
    bare = line.strip().strip(",:;")
    if not bare or len(bare) > TAIL_CHARS:
        return False, False
    folded = plain_fold(bare)
    for role in signature_words()["roles"]:
        if folded == role or folded.startswith(role) and not folded[len(role):len(role) + 1].isalnum():
            rest = bare[len(role):].strip(" ,:")
            return True, bool(rest) and _name_line(rest) and _person(rest)
    if not _name_line(bare):
        return False, False
    return True, _person(bare)


def _person(name: str) -> bool:
    """Whether a name line names a person rather than a body, a label or a heading: it has initials, or
    no word of a body ("Staten", "Gemeente ...", ``not_names``), no number, and a capitalised word that
    the dictionary does not know ("Heidema"; not "Kenmerk", "Dierenwelzijn", "KvK")."""
    if re.search(r"\b[A-Z]\.", name):
        return True
    actor_words = _lexicon()["actor_words"]
    if any(t in actor_words for t, _, _ in _tokens(name)):
        return False
    first = plain_fold(name.split()[0]).strip(".,:;") if name.split() else ""
    if first in signature_words()["not_names"]:
        return False  # "Gemeente Wierden", "Ministerie van Financiën"
    if re.search(r"\d", name):
        return False  # "Kenmerk D2025-02-015694": a label and a number
    # "Kenmerk Bijlagen", "Dierenwelzijn": headings and labels are words of the language, "KvK IBAN"
    # abbreviations; a name has a word the dictionary does not know
    return any(w[:1].isupper() and w[1:].islower() and len(w) > 2 and not compounds.known(w) and not compounds.split(w)
               for w in re.findall(r"[^\W\d_]+", name))


def signature(text: str) -> tuple[int, int] | None:
    """(start, end) of the signature block of a passage: consecutive short lines of names and roles
    (at most SIGNATURE_LINES) of which one names a person, the last such block; None if it has none."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    found, block, person, after = None, [], False, True
    previous = ""  # the last line before the block that is not blank
    for start, end, line in [*lines, (len(text), len(text), "\x00")]:
        if not line.strip() and block:
            continue  # a blank line within a block
        ok, named = _role_name(line) if line.strip() and line != "\x00" else (False, False)
        if ok and len(block) < SIGNATURE_LINES:
            if not block:  # a signature follows a sentence, a closing formula or a role ("namens ...,")
                after = bool(previous) and previous.rstrip()[-1:] in ".,;:)"
            block.append((start, end))
            person = person or named
            continue
        if block and person and (after or _role_in(text, block)):
            found = (block[0][0], block[-1][1])
        block, person = ([(start, end)], named) if ok else ([], False)
        if ok:
            after = bool(previous) and previous.rstrip()[-1:] in ".,;:)"
        if line.strip() and not ok:
            previous = line
    return found


def _role_in(text: str, block: list[tuple[int, int]]) -> bool:
    """Whether a line of a block starts with a signature role ("voorzitter, ...", "De griffier")."""
    roles = signature_words()["roles"]
    return any(plain_fold(text[s:e].strip()).startswith(roles) for s, e in block)


_NAME_WORD = re.compile(r"(?:[A-Z][\w.’'-]*|van|de|der|den|ter|ten|te|in|het|'t)$")


def _name_line(line: str) -> bool:
    """Whether a short line is a name and nothing else ("Inge van Dijk", "Van Campen", "drs. T.W. Zwemmer")."""
    words = [w.strip(",") for w in line.split()]
    return 1 <= len(words) <= 6 and words[-1][:1].isupper() and all(
        _NAME_WORD.match(w) or w.rstrip(".").isalpha() and w.endswith(".") and len(w) <= 5 for w in words)


def _short_line_ends(text: str) -> list[int]:
    """Where a short line ends (a heading, a label, a name under a letter): each is a sentence of its own."""
    out, start = [], 0
    for m in _NEWLINE.finditer(text):
        if 0 < len(text[start:m.start()].strip()) <= SHORT_LINE:
            out.append(m.end())
        start = m.end()
    return out


def _blank(text: str, start: int, end: int, matched) -> str:
    """text[start:end] with the ``matched`` tokens (term, start, end) replaced by spaces."""
    out, pos = [], start
    for _, s, e in matched:
        out += [text[pos:s], " " * (e - s)]
        pos = e
    out.append(text[pos:end])
    return "".join(out)


_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")


def _names(sentence: str) -> bool:
    words = sentence.split()
    return any(w[:1].isupper() and len(w) > 2 for w in words[1:]) or _CAPITALS.search(sentence) is not None


def _answer_end(text: str, bounds: list[int], i: int, start: int) -> int:
    """Where the answer to the question ending at ``bounds[i]`` ends: the sentences after it up to the next
    question ("Welke boom- of struiksoort(en) gaat u verwijderen?" / "Het betreft els en populier." / "Wat is
    ..."), as long as the snippet from ``start`` stays within ``SNIPPET_MAX_CHARS``."""
    end = bounds[i]
    while i + 1 < len(bounds) and bounds[i + 1] - start <= SNIPPET_MAX_CHARS:
        i += 1
        if text[bounds[i - 1]:bounds[i]].strip():
            end = bounds[i]
            if text[bounds[i - 1]:bounds[i]].rstrip().endswith("?"):
                end = bounds[i - 1]  # the next question: not part of the answer
                break
    return end


def continuation(matcher: Matcher, snippet: str, text: str, following: str) -> str | None:
    """A snippet shorter than ``SNIPPET_MIN_CHARS`` that ends where its passage ``text`` ends (a heading, or a
    sentence the page break cut: "Voorstel is om het tijdsvenster open te stellen van") with the opening of the
    passage after it, up to a snippet's length; None when it needs none."""
    shown = " ".join(snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "").removesuffix(" …").split())
    whole = " ".join(text.split())
    if len(shown) >= SNIPPET_MIN_CHARS or not shown or not whole.endswith(shown[-40:]) or not following.strip():
        return None
    clean, tokens, bounds, _, _ = _prepared(following)
    need, room = SNIPPET_MIN_CHARS - len(shown), SNIPPET_MAX_CHARS - len(shown)
    end = next((b for b in bounds[1:] if b >= need), len(clean))  # whole sentences, about a snippet's length
    cut = end > room
    if cut:
        end = clean.rfind(" ", 0, room) if clean.rfind(" ", 0, room) > 0 else room
    more = _mark(clean, 0, end, tokens, matcher._spans(tokens)[0]).removeprefix("… ").removesuffix(" …")
    return snippet.removesuffix(" …") + " " + more + (" …" if cut else "")


def _window(text: str, start: int, end: int, tokens, spans) -> tuple[int, int]:
    """text[start:end] if it is at most SNIPPET_MAX_CHARS (whole sentences), else SNIPPET_CHARS of it,
    starting a little before the first match."""
    if end - start <= SNIPPET_MAX_CHARS:
        return start, end
    first = min((tokens[a][1] for a, _ in spans if start <= tokens[a][1] < end), default=start)
    lo = max(start, first - SNIPPET_CHARS // 3)
    if lo > start:
        lo = text.rfind(" ", start, lo) + 1 or lo
    return lo, min(end, lo + SNIPPET_CHARS)


_START = itemgetter(1)  # a token's start


def _mark(text: str, start: int, end: int, tokens, spans) -> str:
    """text[start:end] with the matched spans wrapped in **...**, on one line."""
    # the tokens come in text order and the spans in token order: only those from ``start`` to ``end``
    first = bisect_left(spans, (bisect_left(tokens, start, key=_START),))
    last = bisect_left(spans, (bisect_right(tokens, end, key=_START),))
    chars = sorted({(tokens[a][1], tokens[b - 1][2]) for a, b in spans[first:last]
                    if tokens[a][1] >= start and tokens[b - 1][2] <= end})
    out, pos = [], start
    for s, e in chars:
        if s < pos:
            continue
        out += [text[pos:s], MARK_OPEN, text[s:e], MARK_CLOSE]
        pos = e
    out.append(text[pos:end])
    snippet = " ".join("".join(out).split())
    return ("… " if start > 0 and text[start - 1] not in "\n" else "") + snippet + (" …" if end < len(text.rstrip()) else "")
