"""What one unit says, for ``spoor_decisions``: the vocabulary of deciding and the reading of a unit.

:func:`load_lexicon` reads ``data/decisions.json`` (verb forms with their auxiliaries and separable
particles, nouns of deciding, vote phrases). A unit of :func:`pipeline.nlp.segment.segment` becomes a
:class:`Reading`: its tokens, triggers, bodies and dates; the helpers here pick its date and actor,
count votes, and find its tense, status and object.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from .segment import Unit

DATA_PATH = Path(__file__).parent / "data" / "decisions.json"
_KIND_RANK = {"part": 0, "past": 0, "present": 1, "te_inf": 2, "inf": 3, "noun": 4}
_CLASS_RANK = {"decide": 0, "reject": 0, "postpone": 0, "change": 1, "plan": 1, "note": 2, "propose": 3, "discuss": 4}
_MAX_OBJECT = 220


# --------------------------------------------------------------------------- vocabulary
@dataclass
class Lexicon:
    """The vocabulary of ``data/decisions.json`` in lookup form."""

    vclass: dict[str, str]
    participles: dict[tuple[str, ...], str]
    finite: dict[str, list[tuple[str, str]]]  # form -> [(lemma, "present"/"past")]
    infinitives: dict[tuple[str, ...], tuple[str, str]]  # tokens -> (lemma, "inf"/"te_inf")
    particle: dict[str, tuple[str, ...]]
    complement: dict[str, list[str]]
    nouns: dict[tuple[str, ...], str]
    noun_suffixes: list[str]
    aux: dict[str, str]
    raw: dict[str, Any] = field(repr=False)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def words(self, key: str) -> frozenset[str]:
        """A word list of the data file as a set (made once: it is asked for in every sentence)."""
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(self.raw.get(key, []))
        return found

    @property
    def role_verbs(self) -> frozenset[str]:
        """Verbs that decide only of a person in a role (``"role": true``: "geïnstalleerd als statenlid")."""
        found = self._sets.get(" roles")
        if found is None:
            found = self._sets[" roles"] = frozenset(k for k, v in self.raw["verbs"].items() if v.get("role"))
        return found

    @property
    def told_verbs(self) -> frozenset[str]:
        """Verbs whose passive subject is the body told, not the one telling (``"told": true``: "de raad is op 6
        december 2018 geïnformeerd"); their teller goes unnamed, as a sender does."""
        found = self._sets.get(" told")
        if found is None:
            found = self._sets[" told"] = frozenset(k for k, v in self.raw["verbs"].items() if v.get("told"))
        return found

    @property
    def multiword_starts(self) -> frozenset[str]:
        """First words of the participles, infinitives and nouns of more than one word."""
        found = self._sets.get(" multiword")
        if found is None:
            found = self._sets[" multiword"] = frozenset(
                k[0] for d in (self.participles, self.infinitives, self.nouns) for k in d if len(k) > 1)
        return found


def load_lexicon(path: Path | str = DATA_PATH) -> Lexicon:
    """Read the decision vocabulary (JSON) into a :class:`Lexicon`."""
    return _load_lexicon(str(path))


@lru_cache(maxsize=4)
def _load_lexicon(path: str) -> Lexicon:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    vclass, parts, finite, infs, particle, comp = {}, {}, {}, {}, {}, {}
    for lemma, v in raw["verbs"].items():
        vclass[lemma] = v["class"]
        comp[lemma] = v.get("complement", [])
        for p in ([] if v.get("finite_only") else v.get("participle", [])):  # ("zoals vastgelegd in": a description)
            parts[tuple(p.split())] = lemma
        for tense in ("present", "past"):
            for f in v.get(tense, []):
                finite.setdefault(f, []).append((lemma, tense))
        if "particle" in v:
            pt, base = tuple(v["particle"].split()), v["base"]
            particle[lemma] = pt
            infs[pt + (base,)] = (lemma, "inf")
            infs[(" ".join(pt).replace(" ", "") + base,)] = (lemma, "inf")
            infs[pt + ("te", base)] = (lemma, "te_inf")
        for f in v.get("infinitive", []):
            infs[(f,)] = (lemma, "inf")
            infs[("te", f)] = (lemma, "te_inf")
    nouns = {tuple(k.split()): v for k, v in raw["nouns"].items()}
    aux = {f: kind for kind, forms in raw["auxiliaries"].items() for f in forms}
    return Lexicon(vclass, parts, finite, infs, particle, comp, nouns,
                   raw.get("noun_suffixes", []), aux, raw)


# --------------------------------------------------------------------------- per-unit reading
@dataclass
class Trigger:
    lemma: str
    kind: str  # part, past, present, inf, te_inf, noun
    i: int  # token index in the unit
    j: int  # end (exclusive)

    def rank(self, lex: Lexicon) -> tuple[int, int, int]:
        return (_KIND_RANK[self.kind], _CLASS_RANK.get(lex.vclass.get(self.lemma, "discuss"), 5), self.i)


@dataclass
class Reading:
    """What one unit says: its tokens, trigger, bodies and dates."""

    unit: Unit
    span: Span
    low: list[str]
    triggers: list[Trigger]
    organs: list[Span]
    dates: list[Span]
    aux: dict[int, str]


def read_unit(doc: Doc, unit: Unit, lex: Lexicon, organs: list[Span], dates: list[Span]) -> Reading | None:
    span = doc.char_span(unit.start, unit.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    norm = _NORMED.get
    low = [norm(w) or _norm_cached(w) for w in (t.text for t in span)]
    r = Reading(unit, span, low, [], _within(organs, span), _within(dates, span), {})
    for k, w in enumerate(low):
        if w in lex.aux:
            r.aux[k] = lex.aux[w]
    r.triggers = _triggers(low, lex, {d.start - span.start for d in r.dates})
    return r


def _within(spans: list[Span], outer: Span) -> list[Span]:
    """The spans (sorted by start token) that lie inside ``outer``, found by bisection."""
    lo = bisect.bisect_left(spans, outer.start, key=lambda s: s.start)
    out = []
    for s in spans[lo:]:
        if s.start >= outer.end:
            break
        if s.end <= outer.end:
            out.append(s)
    return out


_NORMED: dict[str, str] = {}


def _norm_cached(text: str) -> str:
    low = _norm_token(text)
    if len(_NORMED) < 200_000:
        _NORMED[text] = low
    return low


def _norm_token(text: str) -> str:
    """Lower case, without inline markup ('vastgesteld<sup>1</sup>' -> 'vastgesteld')."""
    low = text.lower()
    if "<" in low or "[" in low:
        low = re.sub(r"(?<=\w)[<\[].*$", "", low)  # footnote marks
    return low.strip("*_")


#: words ending in -e before "besluit(en)" that are no adjective: a pronoun, a body ("het college besluit")
_E_NOUNS = frozenset({"we", "die", "deze", "de", "college", "gemeente", "gedeputeerde", "colleges"})
#: verbs that give a power to someone: in the passive ("is gemandateerd", "wordt gemachtigd") their subject receives it
_GRANTS = frozenset(("mandateren", "machtigen"))
_PASSIVE_AUX = frozenset(("is", "wordt", "zijn", "worden", "werd", "werden"))
#: words that open an object after a participle ("gewijzigd heeft vastgesteld het bestemmingsplan"), never its noun
_OBJECT_DETS = frozenset({"de", "het", "een", "deze", "dit", "haar", "hun", "onze", "uw", "alle"})
_PREDICATIVE_NEXT = {"en", "of", "door", "in", "op", "met", "bij", "per", "tot", "te", "om", "voor", "aan", "na",
                     "vanaf", "sinds", "ter", "ten", "is", "zijn", "werd", "werden", "wordt", "worden", "heeft", "hebben", "maar",
                     "dat", "waarbij", "onder", "conform", "zoals", "als", "tijdens", "van", "uit", "over", "naar",
                     "waarin", "waarmee", "waarop", "waardoor", "nadat", "omdat", "zodat", "terwijl"}
# ("Hierbij werd een amendement aangenomen waarin de stichting werd opgeroepen ...": a clause opens after it)


def _quiet_words(lex: Lexicon) -> dict[str, bool]:
    """Whether a word ``_triggers`` has seen starts nothing (most words of a text), filled as it goes: a word
    that starts no verb group, no noun, no participle and ends in no noun suffix gives no trigger where it
    stands, so the sentence's other words are all that is looked at."""
    quiet = lex._sets.get(" quiet")
    if quiet is None:
        quiet = lex._sets[" quiet"] = {}
    return quiet


def _starts_nothing(w: str, lex: Lexicon) -> bool:
    key = (w,)
    if w in lex.multiword_starts or w in lex.finite or key in lex.participles or key in lex.infinitives \
            or key in lex.nouns:
        return False
    return not (w.isalpha() and any(w.endswith(suf) and len(w) > len(suf) + 2 for suf in lex.noun_suffixes))


_DOES = {"gedaan": "part", "doet": "present", "doen": "present", "deed": "past", "deden": "past"}  # "een voorstel gedaan"
_TAKEN_NOUN = {"neemt": "present", "nemen": "present", "nam": "past", "namen": "past"}  # "neemt ... een besluit"


def _triggers(low: list[str], lex: Lexicon, date_starts: set[int] = frozenset()) -> list[Trigger]:
    out: list[Trigger] = []
    dets = lex.words("determiners")
    homographs = lex.words("noun_homographs")
    n = len(low)
    multi = lex.multiword_starts
    quiet = _quiet_words(lex)
    for i, w in enumerate(low):
        if w.endswith("besluit") and i and (low[i - 1] in ("een", "het") or i > 1 and low[i - 2] in ("een", "het") and (
                low[i - 1].endswith(("end", "ief", "ijk", "ig", "eel", "aal", "ele", "ale", "ieve", "ende", "ige", "ijke"))
                and low[i - 1].isalpha())) and i + 1 < n and low[i + 1] == "genomen" \
                and any(x in _PASSIVE_AUX or x in ("heeft", "hebben") for x in low[max(0, i - 12):i]):
            # "De raad heeft een besluit genomen over", "heeft het College een verkeersbesluit genomen", "is door het
            # college conform het raadsbesluit een afwijzend besluit genomen"
            out.append(Trigger("besluiten", "part", i + 1, i + 2))
        if w == "besloten" and "openbaar" in low[max(0, i - 3):i]:
            continue  # "Openbaar / Besloten": a closed session, no decision
        q = quiet.get(w)
        if q is None:
            q = _starts_nothing(w, lex)
            if len(quiet) < 200_000:
                quiet[w] = q
        if q:
            continue
        for size in (3, 2, 1) if w in multi else (1,):
            key = tuple(low[i:i + size])
            if len(key) < size:
                continue
            if key in lex.participles:
                nxt = low[i + size] if i + size < n else ""
                if lex.participles[key] in _GRANTS and i and low[i - 1] in _PASSIVE_AUX:
                    continue  # "dat de portefeuillehouder is gemandateerd voor ...": the holder of a mandate, no decider
                if not (nxt.isalpha() and nxt not in _PREDICATIVE_NEXT and nxt not in lex.aux) or nxt in _OBJECT_DETS:
                    # not 'opgedragen bevoegdheden' (but 'gewijzigd hebben vastgesteld het bestemmingsplan')
                    out.append(Trigger(lex.participles[key], "part", i, i + size))
            if key in lex.infinitives:
                lemma, kind = lex.infinitives[key]
                prev = low[i - 1] if i else ""
                if kind == "inf" and size == 1 and prev in dets:
                    continue  # "het vaststellen van": a noun, handled below
                out.append(Trigger(lemma, kind, i, i + size))
            if key in lex.nouns:
                out.append(Trigger(lex.nouns[key], "noun", i, i + size))
        if (w,) not in lex.nouns and (w,) not in lex.infinitives and w.isalpha():
            for suf in lex.noun_suffixes:
                if w.endswith(suf) and len(w) > len(suf) + 2:
                    out.append(Trigger(lex.nouns[(suf,)], "noun", i, i + 1))
        if w in lex.finite:
            prev = low[i - 1] if i else ""
            if prev in ("-", "–") and i > 1:
                prev = low[i - 2]  # "het raadsvoorstel, het –besluit": the noun, its compound head cut off
            adjective = w in homographs and prev.endswith("e") and not prev.endswith("ie") and prev not in _E_NOUNS
            # ("mogelijke besluiten" is a noun after an adjective; "het college besluit" is a body that decides)
            takes = w in homographs and any(x in ("nemen", "genomen", "neemt", "namen") for x in low[i + 1:i + 4])
            titled = w in homographs and i + 1 < n and low[i + 1] == "van" and "te" not in low[i + 2:i + 14]
            # ("Publicatielijst Besluiten van Burgemeester en Wethouders": what the list holds, not a body deciding)
            if prev in dets or prev in ("te", "per", "elk", "ieder", "welk") or adjective or takes or titled:
                # "een formeel besluit te nemen", "toelichtingen per besluit": a noun
                taken = _TAKEN_NOUN.get(next((x for x in low[max(0, i - 4):i] if x in _TAKEN_NOUN), ""))
                if taken and w in ("besluit", "besluiten") and prev != "te" and (
                        i + 1 >= n or low[i + 1] in ("op", "over", "in", "tijdens", ".", ",")):
                    # "Daaropvolgend neemt de raad een besluit op 31 oktober 2019": the body decides then
                    out.append(Trigger("besluiten", taken, i, i + 1))
                elif w in ("besluit", "besluiten") and prev in ("het", "dit", "de", "deze") and i + 1 < n \
                        and low[i + 1] in ("tot", "over", "om", "van"):
                    g = next((k for k in range(i + 2, min(n, i + 16)) if low[k] == "genomen"), None)
                    if g is not None and any(x in ("is", "werd", "zijn", "werden") for x in low[i + 1:g]):
                        out.append(Trigger("besluiten", "part", g, g + 1))  # "Het besluit tot vaststelling van het
                        # bestemmingsplan is genomen op 5 juli 2021": the decision was taken then
                continue  # "het besluit", "mogelijke besluiten", "te besluiten"
            if w in _VOTES and i and not low[i - 1].isdigit():
                k = next((k for k in range(i + 1, min(n - 1, i + 6)) if low[k] == "voor"), None)
                if k is not None and low[k + 1] in dets and not any(x in (",", ".", ";") for x in low[i + 1:k]):
                    # "Vervolgens stemt de raad unaniem voor de nieuwe APV 2018": votes for it, so adopts it
                    out.append(Trigger("instemmen", "past" if w in ("stemde", "stemden") else "present", i, i + 1))
                    continue
            for lemma, tense in lex.finite[w]:
                if tense == "present" and not w.endswith(("t", "en")) and "ik" not in low[max(0, i - 1):i + 2]:
                    continue  # the first person's stem ("Ik wijs uw verzoek af", "Daarom stel ik vast"); first in a
                    # sentence without "ik" it asks or supposes ("Stel: de consultatie gaat op 11 juli open")
                pt = lex.particle.get(lemma)
                if pt is None:
                    out.append(Trigger(lemma, tense, i, i + 1))
                    continue
                for k in range(i + 1, min(n, i + 16)):
                    if tuple(low[k:k + len(pt)]) == pt:
                        if lex.infinitives.get(tuple(low[k:k + len(pt) + 2])) == (lemma, "te_inf"):
                            break  # "stelt de raad voor een krediet beschikbaar te stellen": the particle of the infinitive
                        if k + len(pt) < n and low[k + len(pt)] == "te" and k > i + 1:
                            break  # "stelt de raad voor geen zienswijze in te dienen": "in" belongs to "in te dienen"
                        om = next((j for j in range(i + 1, k) if low[j] == "om"), None)
                        if om is not None and "te" in low[om + 1:k]:
                            break  # "stelt voor om uit te gaan van 400 GWh in 2030": past the clause "om ... te"
                        after = low[k + len(pt)] if k + len(pt) < n else ""
                        rest = low[k + len(pt):k + len(pt) + 12]
                        infinitive = "te" in rest[1:] and not any(w in (".", ";", ",", "om") for w in rest[:rest.index("te")]) \
                            and "dat" not in low[i + 1:k]  # ("stelt u dat ... voor een ieder om ... aan te dragen")
                        if (after in dets or (after.isalpha() and k + len(pt) not in date_starts
                                              and after not in ("met", "om", "te", "dat", "van", "en", "aan", "op", "in", "tot", "door"))) \
                                and not (lemma in lex.words("te_complement_verbs") and infinitive):
                            break  # a preposition ("stelt voor de raad"), not the particle (but "stelt de raad voor
                            # een krediet beschikbaar te stellen")
                        out.append(Trigger(lemma, tense, i, k + len(pt)))
                        break
    for i, w in enumerate(low if "voorstel" in low else ()):  # "heeft een voorstel gedaan", "doet de raad een
        # voorstel": proposing, with "doen"
        if w != "voorstel" or i == 0 or low[i - 1] not in ("een", "het", "dit", "haar", "zijn", "hun", "nieuw"):
            continue
        for k in list(range(i + 1, min(n, i + 5))) + list(range(max(0, i - 5), i - 1)):
            kind = _DOES.get(low[k])
            if kind is not None and (k > i) == (kind == "part"):
                out.append(Trigger("voorstellen", kind, k, k + 1))
                break
    roles = lex.role_verbs
    if roles:  # "geïnstalleerd als statenlid": a person in a role; no decision without "als" near the verb
        out = [t for t in out if t.lemma not in roles or "als" in low[max(0, t.i - 6):t.j + 6]]
    # a noun or infinitive that is part of a matched verb group does not count twice
    verbs = [t for t in out if t.kind != "noun"]
    return [t for t in out if t.kind != "noun" or not any(v.i <= t.i < v.j for v in verbs)]


# --------------------------------------------------------------------------- dates, actors, votes
def span_value(span: Span) -> str | None:
    v = getattr(span._, "value", None)
    return str(v) if v else None


def _is_label_year(r: Reading, d: Span, lex: Lexicon) -> bool:
    """'begroting 2016', 'Verordening ... 2015': a year that names a thing."""
    v = span_value(d) or ""
    if not re.fullmatch(r"\d{4}([-/]\d{4})?", v) or not re.search(r"\d{4}", d.text):
        return False  # ("om dit jaar het programma vast te stellen": a year told in words names nothing)
    i = d.start - r.span.start
    prev = r.low[i - 1] if i > 0 else ""
    if prev in lex.words("date_preps_good") | lex.words("date_preps_weak") | {"in", "jaar", "eind", "t/m", "tot", "en", "-", ",", "("}:
        return False
    return prev.isalpha() or prev.endswith(("”", "'", "’"))


#: the records of a meeting: the day after "verslag van" is the meeting's, not the day the record was adopted
_RECORD_NOUNS = ("verslag", "notulen", "besluitenlijst", "actielijst", "verslagen")


def pick_date(r: Reading, lex: Lexicon, trig: Trigger | None, not_after: str | None = None) -> Span | None:
    """The DATE of the unit that dates the decision; ``not_after`` (the document
    date, for reported decisions) rules out targets such as 'in 2030'."""
    good, weak = lex.words("date_preps_good"), lex.words("date_preps_weak")
    best, best_score = None, None
    for d in r.dates:
        if not span_value(d) or _is_label_year(r, d, lex):
            continue
        i = d.start - r.span.start
        prev = r.low[i - 1] if i > 0 else ""
        if compare_dates(span_value(d), not_after) == 1 and prev not in good:
            continue  # "onderschreven om in 2030 ...": a target, not the date of the decision
        if re.fullmatch(r"\d{4}", span_value(d) or "") and (r.low[max(0, i - 3):i] == ["voor", "het", "jaar"] or (
                not_after and prev == "voor" and (compare_dates(span_value(d), not_after) or 0) >= 0)):
            continue  # "ingestemd met de begroting voor het jaar 2026": the year it covers, not when it was taken
        if prev == "van" and any(w.endswith(_RECORD_NOUNS) for w in r.low[max(0, i - 5):i - 1]) and trig is not None \
                and trig.lemma in ("vaststellen", "goedkeuren") and trig.i > i:
            continue  # "Conceptverslag van 9 juni 2008 ... worden zonder wijzigingen vastgesteld": the day of the
            # meeting the record is of, not the day it was adopted
        ground = next((k for k in range(max(0, i - 18), i - 1) if r.low[k + 1] == "van"
                       and r.low[k] in ("grond", "aanleiding")), None)
        if ground is not None and trig is not None and trig.i > i and not any(
                w in (",", ";", ":") for w in r.low[ground:i]):
            continue  # "Wij hebben op grond van de uitkomsten van de bijeenkomsten van 29 november ... besloten": the
            # day of what the decision rests on
        if prev in lex.words("date_preps_never"):
            continue  # "na 20 maart 2013 zijn vergunningen verleend": when they were granted is not written
        if trig is not None and _in_om_clause(r.low, i, trig):
            continue  # the day of what is decided, not of deciding
        prev2 = " ".join(r.low[max(0, i - 2):i])
        if (prev2 == "ingang van" or prev == "per") and trig is not None and trig.lemma == "besluiten" \
                and trig.kind in ("present", "past", "part"):
            continue  # "besluit ... met ingang van 2022 in de regeling op te nemen", "verlopen per 1 juli 2022 heeft het
            # college besloten": when something takes effect or ends, not when it was decided
        score = 0
        if prev in good or prev2.endswith("vergadering van"):
            score += 3
        if prev in weak:
            score -= 2
        v = span_value(d) or ""
        score += 2 if re.match(r"\d{4}-\d{2}-\d{2}", v) else 1 if re.match(r"\d{4}-\d{2}", v) else 0
        if trig is not None and i < trig.i:
            score += 1
        if best_score is None or score > best_score:
            best, best_score = d, score
    return best


def _in_om_clause(low: list[str], i: int, trig: Trigger) -> bool:
    """Whether word ``i`` lies in an "om ... te" clause of the decision: after the verb ("stelt voor om uit te gaan van
    400 GWh in 2030") or in its subject before it ("De motie om ... met ingang van 1 juli 2023 te werken is
    ingetrokken"), with no sentence break between."""
    if trig.i < i:
        om = next((k for k in range(trig.i + 1, i) if low[k] == "om"), None)
        return om is not None and not any(w in (".", ";", ":") for w in low[trig.i + 1:i])
    om = next((k for k in range(i - 1, max(-1, i - 26), -1) if low[k] == "om"), None)
    return om is not None and "te" in low[om + 1:trig.i] and not any(w in (".", ";", ":") for w in low[om:trig.i])


#: words that open the next clause after a decision: a body named after them acts in that clause, not in the decision's
_NEXT_CLAUSE = frozenset({"waarna", "waarbij", "waarop", "nadat", "terwijl", "waardoor", "waarmee", "daarna"})
#: words that open a relative clause on a thing: a body inside it is not the subject of the sentence's verb
_RELATIVE_OPENERS = frozenset({"waarin", "waarbij", "waarmee", "waarop"})
#: the finite forms of "stemmen": "stemt de raad unaniem voor de nieuwe APV"
_VOTES = frozenset({"stemt", "stemmen", "stemde", "stemden"})
#: the auxiliary that opens a coordinated clause after "en": "... en is het college verzocht ..."
_CLAUSE_AUX = frozenset({"is", "zijn", "wordt", "worden", "werd", "werden", "heeft", "hebben"})


def _actor_score(r: Reading, s: Span, lex: Lexicon, trig: Trigger | None) -> int | None:
    """How likely ORGAN ``s`` is the one acting; None when it cannot be."""
    dets = lex.words("determiners")
    i, j = s.start - r.span.start, s.end - r.span.start
    if trig is not None and i <= trig.i < j:
        return None  # "Raadsvoorstel": the body is part of the trigger word
    if trig is not None and i >= trig.j and any(w in _NEXT_CLAUSE for w in r.low[trig.j:i]):
        return None  # "... vastgesteld, waarna half januari bespreking in de agendacommissie heeft plaatsgevonden"
    if trig is not None and trig.kind == "part" and i >= trig.j and any(
            r.low[k] == "en" and r.low[k + 1] in _CLAUSE_AUX for k in range(trig.j, i - 1)):
        return None  # "Zo is besloten om ... en is het college verzocht om ...": the subject of the next clause
    if 1 <= i <= 3 and r.low[i - 1] == "(" and ")" in r.low[j:j + 6] and (trig is None or j <= trig.i):
        return None  # "Floris Schoonderwoerd (wethouder gemeente Kaag en Braassem) aan te wijzen als ...": his office
    if trig is not None and trig.kind == "part" and trig.i > j + 3 and any(
            w in _RELATIVE_OPENERS for w in r.low[max(0, i - 3):i]):
        return None  # "Een motie waarin het college wordt verzocht om ... werd aangenomen": the college is asked, in
        # a clause of the motion's; it adopts nothing
    participle = trig is not None and trig.kind == "past" and any(
        r.aux.get(k) == "perfect" for k in range(max(0, trig.i - 12), trig.i))  # "heeft ... besloten": no finite verb
    finite = set(r.aux) | ({trig.i} if trig is not None and trig.kind in ("present", "past") and not participle else set())
    k = i - 1
    while k >= 0 and (r.low[k] in dets or r.low[k].isdigit() or r.low[k].isspace()):  # (a line break: "heeft\nde raad")
        k -= 1
    prev = r.low[k] if k >= 0 else ""
    nxt = r.low[j] if j < len(r.low) else ""
    named = j  # the word after the body and its government's name: "De gemeenteraad van Hillegom heeft ..."
    if nxt == "van":
        m = j + 1
        while m < len(r.low) and m <= j + 4 and r.span[m].text[:1].isupper():
            m += 1
        named = m if m > j + 1 else j
    score = 0
    openers = lex.words("clause_openers")
    before1, before2 = (r.low[i - 1] if i > 0 else ""), (r.low[i - 2] if i > 1 else "")
    after_finite = trig is not None and trig.kind in ("present", "past") and i >= trig.j
    if (before1 in openers or (before1 in dets and before2 in openers)) and not after_finite:
        score += 3  # subject of a clause: "die Provinciale Staten ... hebben vastgesteld", "dat de raad heeft" (not of
        # the clause a finite verb governs: "Het college besluit ... dat de wethouder is gemandateerd")
    if before1 == "als" and before2 in ("we", "wij", "ik"):
        score += 6  # "namen we als gemeenteraad het plan aan": who "we" are
    if prev in lex.words("agent_preps"):
        attributive = nxt.startswith("ge") and nxt.endswith("e")  # "door het college gewaarmerkte"
        late = trig is not None and k > trig.j + 1  # "vastgesteld, onder voorbehoud van ... door PS"
        score += 0 if attributive or late else 5
    elif prev in lex.words("recipient_preps"):
        score -= 4
    elif prev in lex.words("meeting_preps") and prev != "op" and before1 != "een":
        score += 3  # (not "stelt de raad voor deze notitie in een commissievergadering te bespreken": a meeting to come)
    elif prev == "van" and k > 0 and r.low[k - 1] in lex.words("owner_nouns"):
        score += 3  # "op de agenda van het DB"
    if trig is not None and trig.kind == "part" and trig.lemma in lex.told_verbs and prev not in lex.words("agent_preps"):
        return None  # "Voor de zomer zal de raad worden geïnformeerd": the body told, not the one that tells
    of_noun = prev == "van" and k > 0 and r.low[k - 1].isalpha() and r.low[k - 1] not in dets
    if of_noun and trig is not None and trig.kind == "part" and j <= trig.i \
            and r.low[k - 1].endswith(("voorstel", "motie", "amendement", "verzoek", "brief")):
        return None  # "Geamendeerd voorstel van het college inzake X<TAB>Aangenomen": the college owns what the
        # meeting adopted (but "bij besluit van de raad vastgesteld": the maker)
    if ((j in finite or named in finite) and not of_noun) or k in finite or (k >= 0 and r.low[k] == "," and k - 1 in finite):
        score += 4  # (not "Conform het voorstel van het college heeft de raad besloten": the college owns a noun there)
    if any(w in s.text.lower() for w in lex.words("meeting_words")) or (
            nxt == "van" and any(d.start - r.span.start == j + 1 for d in r.dates)):
        score += 2
    if score == 0 and i > 5 and len(r.low) > 12:
        return None  # a body somewhere in a long sentence, in no role we recognise
    return score


def pick_actor(r: Reading, lex: Lexicon, trig: Trigger | None) -> Span | None:
    best = pick_actor_scored(r, lex, trig)
    return best[0] if best else None


def pick_actor_scored(r: Reading, lex: Lexicon, trig: Trigger | None) -> tuple[Span, int] | None:
    best: tuple[Span, int] | None = None
    for s in r.organs:
        score = _actor_score(r, s, lex, trig)
        if score is None or score < 0:
            continue
        if best is None or score > best[1]:
            best = (s, score)
    return best


_COUNT_VOTES = [
    re.compile(r"(\d+)\s+(?:stemmen|leden)\s+voor\s+en\s+(\d+)\s+(?:stemmen\s+|leden\s+)?tegen"),
    re.compile(r"(\d+)\s+voor\s*(?:,|en)\s*(\d+)\s+tegen"),
    re.compile(r"met\s+(\d+)\s+tegen\s+(\d+)\s+stemmen"),
    re.compile(r"\bvoor\s*:?\s*(\d+)\s*(?:stemmen\s*)?[,;/|]?\s*(?:en\s+)?tegen\s*:?\s*(\d+)\b"),  # "Voor: 36, Tegen: 0"
]


def read_vote(text: str, lex: Lexicon) -> str | None:
    low = " ".join(text.lower().split())
    for rx in _COUNT_VOTES:
        m = rx.search(low)
        if m:
            return f"{m.group(1)}-{m.group(2)}"
    for phrase, value in sorted(lex.raw["votes"].items(), key=lambda kv: -len(kv[0])):
        if re.search(r"\b" + re.escape(phrase) + r"\b", low):
            return value
    return None


_SEASON_START = {"SP": "03", "SU": "06", "FA": "09", "WI": "12"}


def compare_dates(value: str | None, ref: str | None) -> int | None:
    """-1 / 0 / 1 when ``value`` is before / at / after ``ref``; None if unknown."""
    if not value or not ref:
        return None
    first = value.split("/")[0]
    season = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", first)
    if season:  # "najaar 2026" is 2026-FA: compared by its first month
        first = f"{season.group(1)}-{_SEASON_START[season.group(2)]}"
    a = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", first)
    b = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", ref)
    if not a or not b:
        return None
    x, y = a.group(), b.group()
    n = min(len(x), len(y))
    return (x[:n] > y[:n]) - (x[:n] < y[:n])


# --------------------------------------------------------------------------- status and object
def read_tense(r: Reading, trig: Trigger, lex: Lexicon) -> str:
    """past, present, present_passive, future, modal or bare (no finite verb)."""
    before = sorted(k for k in r.aux if trig.i - 16 <= k < trig.i)
    kinds = {r.aux[k] for k in before}
    if trig.kind in ("present", "past"):
        kinds = {r.aux[k] for k in r.aux if abs(k - trig.i) <= 3}
        if trig.kind == "present" and r.low[trig.i].endswith("en"):
            far = {r.aux[k] for k in before if r.aux[k] in ("modal", "future") and not (k and r.low[k - 1] == "te")}
            # ("Om te kunnen sturen ..., adviseren wij u": "te kunnen" is no finite modal)
            if far:  # "wil de provincie de termijn verlengen": the plural form is the infinitive after a modal
                return "future" if "future" in far else "modal"
    after = [r.aux[trig.j]] if trig.j in r.aux else []  # "vastgelegd moet worden", "vastgesteld zal worden"
    if trig.kind == "part" and after:
        return {"modal": "modal", "future": "future", "passive_present": "present_passive"}.get(after[0], "past")
    if "future" in kinds:
        return "future"
    if trig.kind == "te_inf" and any(w in lex.words("intent_words") for w in r.low[max(0, trig.i - 16):trig.i]):
        return "future"  # "Het college streeft ernaar om dit jaar het programma vast te stellen", "is voornemens ..."
    if "modal" in kinds and (trig.kind in ("inf", "part", "te_inf") or any(
            r.aux[k] == "modal" for k in r.aux if trig.i - 3 <= k < trig.i)):
        return "modal"
    if trig.kind == "part":
        if not before:
            after = [r.aux[k] for k in r.aux if trig.j <= k <= trig.j + 2]
            return "present_passive" if after[:1] == ["passive_present"] else "past"
        return "present_passive" if r.aux[before[-1]] == "passive_present" else "past"
    if trig.kind in ("past", "present"):
        return trig.kind
    return "bare"


def is_negated(r: Reading, trig: Trigger, lex: Lexicon) -> bool:
    """'is niet aangenomen', 'verlengen we niet' (rejected)."""
    if trig.kind in ("present", "past") and "niet" in r.low[trig.j:trig.j + 3]:
        return True  # the finite verb first: "Daarom verlengen we de termijn niet", "verleng ik niet"
    return "niet" in r.low[max(0, trig.i - 2):trig.i]


def nothing_decided(r: Reading, trig: Trigger) -> bool:
    """'geen zoekgebieden zijn vastgesteld': no decision at all (but "heeft de gemeenteraad geen exploitatieplan
    vastgesteld" is the council's formal decision not to, Wro article 6.12)."""
    before = r.low[max(0, trig.i - 6):trig.i]
    if "geen" in before and before[before.index("geen") + 1:before.index("geen") + 2] == ["exploitatieplan"]:
        return False
    return trig.kind in ("part", "past", "present") and "geen" in before


def decide_status(cls: str, tense: str, when: int | None, schedule: bool, negated: bool) -> str | None:
    """Status from the verb class, tense, the date relative to the document date
    (``when`` = 1 after it) and whether the unit is a step of a schedule."""
    if tense in ("future",) or (schedule and tense in ("bare", "modal", "present", "present_passive")):
        return "planned"
    if tense == "modal":
        return None
    if cls == "reject":
        return "rejected" if tense != "bare" else "planned"
    if tense == "bare":
        return None
    if cls == "propose":
        return "proposed"
    if cls == "plan":
        return "planned"  # "De inwerkingtreding hebben wij gepland op 16 oktober 2024"
    if cls == "postpone":
        return "postponed" if tense in ("past", "present_passive", "present") else None  # "Uiteindelijk wordt de motie
        # aangehouden", "Ik verdaag de beslistermijn met vier weken"
    if tense == "past":
        return {"decide": "rejected" if negated else "adopted", "note": "adopted", "change": "realized"}.get(cls)
    if when == 1:
        return "planned"
    return {"decide": "rejected" if negated else "adopted", "note": "adopted", "change": "realized",
            "discuss": None}.get(cls)


_STRIP_OBJ = " \t\n,;:.-–•*\"'“”‘’()"


def read_object(r: Reading, trig: Trigger | None, actor: Span | None, date: Span | None, lex: Lexicon) -> str | None:
    """What was decided: the complement ("ingestemd met X"), the middle field
    ("is door de raad X vastgesteld", "stelt X vast") or the rest of the unit,
    without the actor, the date and their prepositions."""
    toks = list(r.span)
    n = len(toks)
    skip: set[int] = set()
    lead = lex.words("agent_preps") | lex.words("meeting_preps") | lex.words("date_preps_good") | lex.words("date_preps_weak") | lex.words("determiners")
    for s in (actor, date):
        if s is None or s.start < r.span.start or s.end > r.span.end:
            continue  # a governing date from another unit
        a, b = s.start - r.span.start, s.end - r.span.start
        skip.update(range(a, b))
        k = a - 1
        while k >= 0 and r.low[k] in lead:
            skip.add(k)
            k -= 1
        if b < n and r.low[b] == "van" and any(d.start - r.span.start == b + 1 for d in r.dates):
            skip.add(b)
    skip.update(k for k in r.aux)
    if trig is None:
        lo, hi = 0, n
    else:
        skip.update(range(trig.i, trig.j))
        comp = lex.complement.get(trig.lemma, [])
        after = [k for k in range(trig.j, n) if r.low[k] in comp]
        if after and after[0] - trig.j <= 2:
            lo, hi = after[0] + 1, n
        elif trig.kind in ("present", "past") and trig.j - trig.i > 1:
            lo, hi = trig.i + 1, trig.j - len(lex.particle.get(trig.lemma, ()))  # stelt X vast
        elif trig.kind in ("part", "inf", "te_inf") and trig.i > 0:
            lo, hi = 0, trig.i
            mid = [k for k in range(lo, hi) if k not in skip and r.low[k].isalnum()]
            first = [k for k in r.aux if k < trig.i]
            if first:
                lo = first[-1] + 1
                fill = lex.words("object_fillers")
                if all(r.low[k] in fill or k in skip or not r.low[k].isalnum() for k in range(lo, hi)) and first[-1] > 0:
                    lo, hi = 0, first[-1]  # "De agenda is hierna vastgesteld": the subject, not "hierna"
            if not [k for k in range(lo, hi) if k not in skip and r.low[k].isalnum()] or not mid:
                lo, hi = trig.j, n
        else:
            lo, hi = trig.j, n
    words: list[str] = []
    for k in range(lo, hi):
        if k in skip:
            if any(w.strip(_STRIP_OBJ) for w in words) and trig is not None and trig.kind == "noun":
                break  # "Regioraadsvoorstel resultaten | in DB van 8 april"
            continue
        words.append(toks[k].text_with_ws)
    fill = lex.words("object_fillers")
    while len(words) > 1 and words[-1].strip().lower() in fill:
        words.pop()  # "is de agenda hierna vastgesteld": the agenda, not "de agenda hierna"
    text = " ".join("".join(words).split()).strip(_STRIP_OBJ)
    for phrase in sorted(lex.raw["votes"], key=len, reverse=True):
        text = re.sub(r"^" + re.escape(phrase) + r"\b\s*:?\s*", "", text, flags=re.I)
    return clean_object(text)


_LEAD_LABEL = re.compile(r"(?i)^(?:besluit|besluiten|besloten|conclusie|advies|afspraak|uitslag)\s*:\s*")


def strip_label(text: str) -> str:
    """``text`` without the label it opens with: "Besluit: Overzicht is akkoord" -> "Overzicht is akkoord"."""
    return _LEAD_LABEL.sub("", text)


def clean_object(text: str) -> str | None:
    text = strip_label(" ".join(text.split()).strip(_STRIP_OBJ))
    if len(text) > _MAX_OBJECT:
        text = text[:_MAX_OBJECT].rsplit(" ", 1)[0] + " …"
    return text or None
