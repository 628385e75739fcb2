"""ORGAN/ORG/PERSON/LOC/MONEY/LAW component ``spoor_entities`` (issue 4).

Sets ``doc.spans["entities"]``; every span carries ``span._.canonical`` and, where it
applies, ``span._.parent`` (the organisation a body belongs to), ``span._.value``
(MONEY: euros as a plain number; LAW: the article cited) and ``span._.role``
(PERSON). Steps, all rules over the knowledge base of :mod:`pipeline.nlp.kb`:

1. tokenise ``doc.text`` into words and punctuation and look every run of tokens up
   in the KB indexes (case-folded names, case-sensitive abbreviations, spaceless
   forms, compounds such as "Regioraadsvergadering"/"AB-vergadering"), with a
   rapidfuzz fallback for capitalised words the KB does not know exactly;
2. learn the abbreviations the document defines ("Organisatie voor X (OVX)",
   "..., afgekort SSNT") and tag every later use;
3. persons (title/initials/first name + tussenvoegsel + surname, with a role),
   money amounts and laws by pattern;
4. resolve what depends on the document: "het college"/"de raad" by the level of the
   issuer (``doc._.meta["issuer"]`` or inferred from the text), short forms
   ("Kring", "besluitvormend orgaan") by the full name, generic organisations
   ("GGD", "de Veiligheidsregio") by the region the document is about, and the
   parent organisation of each body.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from .entity_patterns import (  # noqa: F401  (Cand: re-exported)
    ARTICLE_RE, DEF_AFGEKORT, DEF_HINT, DEF_PAREN, DEF_REVERSE, GLUE_RE, MONEY_HINT, VAN_RE, Cand, is_elided,
    initials_ok, is_surname, joinable, long_form_before, money_regex, parse_amount, person_regex, select_candidates, Tok, tokenize)
from .kb import KnowledgeBase, fold, load_kb, slug
from . import register_extensions, doc_text

_log = logging.getLogger(__name__)
register_extensions()

_LEVEL_BODIES = {
    "provincie": {"provinciale_staten", "gedeputeerde_staten", "gedeputeerde", "statencommissie", "commissaris_van_de_koning"},
    "gemeente": {"gemeenteraad", "college_bw", "burgemeester", "wethouder", "raadscommissie", "gemeentebestuur"},
    "waterschap": {"verenigde_vergadering", "college_dijkgraaf_heemraden", "dijkgraaf"},
}
_NATIONAL_BODIES = {"tweede_kamer", "eerste_kamer", "staten_generaal", "ministerraad", "kabinet", "minister", "staatssecretaris"}
#: four or more words in capitals in a row: a heading run on with the text, not acronyms ("BRIEF VAN DE MINISTER")
_CAPITALS_RUN = re.compile(r"\b[A-Z][A-Z'’-]*(?:[ ,]+[A-Z][A-Z'’-]*\b){3,}")
_CAPITAL_FUNCTION_WORD = re.compile(r"\b(?:VAN|DE|HET|EN|DER|VOOR|AAN|OP|IN|MET|TOT|OVER)\b")  # (a list of acronyms,
# "RAVON, KNNV, NJN, IVN", has none)
_WATER_BOARD_WORDS = re.compile(r"(?i)\b(?:het\s+waterschap|hoogheemraadschap|wetterskip|dijkgraaf|hoogheemraden|heemraden)\b")
_BODY_HEADS = ("raad", "bestuur", "commissie", "overleg", "college", "orgaan", "kring", "groep", "staten", "beraad", "presidium")
_COMPASS = {"noord", "oost", "zuid", "west", "midden", "noordoost", "noordwest", "zuidoost", "zuidwest", "centraal", "groot"}
_ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XX"}


class EntityRecognizer:
    """The ``spoor_entities`` component; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "spoor_entities", fuzzy: bool = True) -> None:
        self.name = name
        self.kb: KnowledgeBase = load_kb()
        self.use_fuzzy = fuzzy
        self._fuzzy_cache: dict[str, str | None] = {}
        p = self.kb.persons
        self._person_re = person_regex(p)
        self._person_anchor = re.compile(
            r"(?<![\w.])(?:[A-Z]\.|(?i:%s)\b|(?:%s)\b)" % (
                "|".join(re.escape(t.rstrip(".")) for t in sorted(set(p["titles"]) | set(p["role_offices_before_name"]), key=len, reverse=True)),
                "|".join(re.escape(f) for f in p["first_names"])))
        self._roles = sorted((r for r in p["roles"]), key=len, reverse=True)
        self._role_re = re.compile(
            r"\s*,\s*(?:de |het )?(?P<role>(?:%s)\b[^,.;:\n()]{0,60}?)(?=\s*[,.;:\n()]|\s+(?:en|die|dat|heeft|is|was|zal)\b|$)"
            % "|".join(re.escape(r) for r in self._roles), re.IGNORECASE)
        self._paren_role_re = re.compile(r"\s*\((?P<role>%s)\)" % "|".join(re.escape(r) for r in self._roles), re.IGNORECASE)
        self._not_surnames = set(p["not_surnames"])
        self._not_suffixes = tuple(p.get("not_surname_suffixes", []))
        self._money_re = money_regex(self.kb.money)
        self._multipliers = {k.lower(): v for k, v in self.kb.money["multipliers"].items()}
        self._committees = {e.id for e in self.kb.entries.values() if e.label == "ORGAN" and e.id.endswith("commissie")}
        self._abbreviated_generic = {w for w, rule in self.kb.generic.items() if rule.get("abbreviation")}

    # -- component -----------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # No catch-all here: a failure propagates to whoever runs the pipeline (pipeline.extract runs
        # each component apart, keeps what the others made and marks the document PARTIAL).
        cands = self.find(text, doc._.meta or {})
        spans = []
        seen: set[tuple[int, int]] = set()
        for c in cands:
            span = doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand")
            if span is None or not text[span.start_char:span.end_char].strip() or (span.start, span.end) in seen:
                continue
            if span.start_char != c.start or span.end_char != c.end:
                extra = text[span.start_char:c.start] + text[c.end:span.end_char]
                if GLUE_RE.search(extra):
                    continue  # part of a file name, URL, number or slashed pair
            seen.add((span.start, span.end))
            ext = span._
            ext.canonical = c.canonical
            ext.parent = c.parent
            ext.value = c.value
            ext.role = c.role
            if c.warnings:
                ext.warnings = list(c.warnings)
            spans.append(span)
        doc.spans["entities"] = spans
        return doc

    def find(self, text: str, meta: dict) -> list[Cand]:
        """All entity candidates of ``text``, resolved and without overlaps, in text order."""
        toks = tokenize(text)
        cands = self._kb_matches(toks)
        learned = self._learn_abbreviations(text, toks, cands)
        cands += learned
        cands += self._acronyms(toks, text, cands)
        cands += self._persons(text)
        cands += self._money(text)
        cands += self._laws(toks)
        cands += self._suffix_bodies(toks)
        chosen = select_candidates(cands)
        law = quoted_law(text)
        chosen = [c for c in chosen if not (c.label == "ORGAN" and (_in_address(text, c.start, c.end) or self._court_clerk(c, text)
                                                                  or is_surname(text, c.start) or _defined_term(text, c.start, c.end)
                                                                  or self._indefinite(c, text) or any(a <= c.start < b for a, b in law)))]
        # "wethouder De Vries": the office word stays a mention of the body (ORGAN wethouder), the name
        # after it is the person (PERSON De Vries, role wethouder)
        for c in chosen:
            if c.label == "PERSON":
                c.parent = None
                c.ids = []
                c.warnings = [w for w in c.warnings if not w.startswith("office:")]
        self._extend_named(chosen, toks, text)
        self._portfolios(chosen, text)
        chosen += self._signature_chair(chosen, text, meta)
        chosen.sort(key=lambda c: c.start)
        chosen = [c for c in chosen if c.label]
        self._resolve(chosen, text, meta)
        for c in chosen:
            if c.label == "LAW" and c.value is None:
                m = ARTICLE_RE.search(text, max(0, c.start - 60), c.start)
                if m:
                    c.value = "artikel " + m.group("art") + (" lid " + m.group("lid") if m.group("lid") else "")
        return [c for c in chosen if c.label and c.canonical]

    def _indefinite(self, c: Cand, text: str) -> bool:
        """``_indefinite_mention``, for a body that is not one person's office: "de benoeming van een wethouder" is still
        about the office wethouder."""
        if not _indefinite_mention(text, c.start, c.end):
            return False
        entry = self.kb.get(c.canonical)
        kind = self.kb.get(entry.type) if entry is not None and entry.type else None
        return not any(e is not None and e.person_office for e in (entry, kind))

    def _court_clerk(self, c: Cand, text: str) -> bool:
        """'de griffier van de rechtbank' is the court's clerk, not a government's."""
        bodies, courts = self.kb.court_clerks
        if c.canonical not in bodies:
            return False
        m = re.match(r"\s+van\s+(?:de|het)\s+", text[c.end:c.end + 20])
        return bool(m) and fold(text[c.end + m.end():c.end + m.end() + 40]).startswith(courts)

    # -- 1. KB lookups -----------------------------------------------------------
    def _kb_matches(self, toks: list[Tok]) -> list[Cand]:
        kb = self.kb
        out: list[Cand] = []
        n = len(toks)
        for i, t in enumerate(toks):
            if t.text == "-" or not t.ci[:1].isalnum():
                continue
            prev_hyphen = i > 0 and toks[i - 1].text == "-" and not t.space_before
            # exact token runs: case-insensitive names, case-sensitive abbreviations, short forms
            ci_key: tuple[str, ...] = ()
            cs_key: tuple[str, ...] = ()
            ci_ok = cs_ok = True
            # (a word no known name starts with, most words, runs no look-up of longer names)
            stop = min(n, i + kb.max_len) if (t.ci,) in kb.prefixes_ci or (t.cs,) in kb.prefixes_cs else i
            for j in range(i, stop):
                tj = toks[j]
                if j > i and not joinable(tj.space_before):
                    break
                if ci_ok:
                    ci_key = ci_key + (tj.ci,)
                    ci_ok = ci_key in kb.prefixes_ci
                if cs_ok:
                    cs_key = cs_key + (tj.cs,)
                    cs_ok = cs_key in kb.prefixes_cs
                if not (ci_ok or cs_ok):
                    break
                if ci_ok:
                    if ci_key in kb.blocked:
                        out.append(Cand(t.start, tj.end, None, None, "block"))
                    for eid in kb.ci.get(ci_key, [])[:1]:
                        out.append(self._cand_for(eid, toks, i, j, "kb"))
                    if len(ci_key) == 1 and ci_key[0] in kb.generic and not is_elided(toks, j):
                        out.append(Cand(t.start, tj.end, "ORGAN", None, "generic", generic=ci_key[0]))
                if cs_ok and not (i > 0 and not t.space_before and toks[i - 1].text in ("&", "'")):
                    for eid in kb.cs.get(cs_key, [])[:1]:
                        out.append(self._cand_for(eid, toks, i, j, "kb"))
                    if cs_key in kb.anaphora:
                        out.append(Cand(t.start, tj.end, "ORGAN" if kb.entries[kb.anaphora[cs_key][0]].label == "ORGAN" else "ORG",
                                        None, "anaphor", ids=list(kb.anaphora[cs_key])))
            # one-word compounds (Regioraadsvergadering) and spaceless forms (Twente Bedrijf)
            if t.ci in kb.compounds and len(t.ci) > 4 and not is_elided(toks, i):
                target = kb.compounds[t.ci]
                if target.startswith("@"):
                    out.append(Cand(t.start, t.end, "ORGAN", None, "compound", generic=target[1:]))
                else:
                    out.append(Cand(t.start, t.end, "ORGAN", target, "compound"))
            if t.text[:1].isupper() and t.text[:1].isalpha():
                for width in (1, 2):
                    if i + width > n:
                        break
                    parts = toks[i:i + width]
                    if width == 2 and (not joinable(parts[1].space_before) or not parts[1].text[:1].isalpha()):
                        break
                    key = parts[0].ci if width == 1 else parts[0].ci + parts[1].ci
                    ids = kb.spaceless.get(key)
                    if ids and len(ids) == 1 and kb.entries[ids[0]].label in ("ORGAN", "ORG", "LAW"):
                        out.append(self._cand_for(ids[0], toks, i, i + width - 1, "kb"))
                if self.use_fuzzy and len(t.text) >= 8 and not prev_hyphen and not t.text.isupper():
                    out.extend(self._fuzzy(toks, i))
        return out

    def _cand_for(self, eid: str, toks: list[Tok], i: int, j: int, source: str) -> Cand:
        e = self.kb.entries[eid]
        start, end = toks[i].start, toks[j].end
        label = e.label
        if label == "LOC" and not toks[i].text[:1].isupper():
            label = None  # place names are written with a capital
        if label == "LOC" and i >= 2 and toks[i - 1].text == "-" and not toks[i].space_before and not toks[i - 1].space_before \
                and toks[i - 2].ci in _COMPASS:
            label = None  # West-Overijssel is not Overijssel
        if label == "ORGAN" and e.extra:
            first = toks[i].text
            if e.extra.get("capital_only") and not first[:1].isupper():
                label = None  # "Bestuurlijk Overleg" names the body, "na bestuurlijk overleg" is a talk
            after = e.extra.get("abbreviation_after", {}).get(first)
            if after and j == i and not (i > 0 and toks[i - 1].ci in after) and not (
                    e.named == "acronym" and j + 1 < len(toks) and toks[j + 1].space_before == " "
                    and self._name_word(toks[j + 1], True, False)):
                label = None  # "de Kamer", "uw Kamer", but not "Kamer 2B"; "vorig BO", "BO ATT", but not "BO en VO"
        c = Cand(start, end, label, eid, source)
        # compounds with a hyphen: AB-vergadering, Wgr-plus-status; an elided compound
        # ("college- en raadsleden") is not a mention of the body
        if j + 2 < len(toks) and toks[j + 1].text == "-" and not toks[j + 1].space_before:
            tail = toks[j + 2]
            if tail.space_before:
                if e.label == "ORGAN":
                    c.label = None
            elif e.label == "ORGAN" and tail.ci in self.kb.compound_tails:
                c.end = tail.end
            elif e.label == "LAW" and tail.ci in self.kb.law_tails:
                c.end = tail.end
        return c

    def _fuzzy(self, toks: list[Tok], i: int) -> list[Cand]:
        out = []
        for width in (1, 2):
            parts = toks[i:i + width]
            if len(parts) < width or (width == 2 and (not joinable(parts[1].space_before) or not parts[1].text[:1].isupper())):
                break
            if width == 2 and self.kb.lookup(parts[0].text):
                break  # "Gedeputeerde De Bree" is not a misspelt "gedeputeerden": the first word is a name itself
            name = " ".join(p.text for p in parts)
            if name not in self._fuzzy_cache:
                self._fuzzy_cache[name] = None if self.kb.lookup(name) else self.kb.fuzzy(name)
            eid = self._fuzzy_cache[name]
            if eid:
                c = self._cand_for(eid, toks, i, i + width - 1, "fuzzy")
                c.warnings.append("fuzzy")
                out.append(c)
        return out

    # -- 2. abbreviations defined in the document -----------------------------------
    def _learn_abbreviations(self, text: str, toks: list[Tok], kb_cands: list[Cand]) -> list[Cand]:
        defs: dict[str, tuple[str, str, int, int]] = {}  # abbr -> (label, canonical, long start, long end)
        for m in DEF_PAREN.finditer(text):
            abbr = m.group("abbr")
            if sum(ch.isupper() for ch in abbr) < 2:
                continue
            found = long_form_before(text, m.start(), abbr)
            if found:
                defs.setdefault(abbr, (*self._classify(text[found[0]:found[1]]), found[0], found[1]))
        for m in (DEF_AFGEKORT.finditer(text) if DEF_HINT.search(text) else ()):
            abbr = m.group("abbr")
            found = long_form_before(text, m.start(), abbr)
            if found:
                defs.setdefault(abbr, (*self._classify(text[found[0]:found[1]]), found[0], found[1]))
        for m in DEF_REVERSE.finditer(text):
            abbr, long = m.group("abbr"), m.group("long")
            words = long.split()
            if initials_ok(abbr, words) and abbr not in defs:
                defs[abbr] = (*self._classify(long), m.start("long"), m.end("long"))
        out: list[Cand] = []
        for abbr, (label, canon, ls, le) in defs.items():
            long = text[ls:le]
            if label is None or (not self.kb.is_known(canon) and (len(long.split()) < 2 or not long[:1].isupper())):
                continue
            out.append(Cand(ls, le, label, canon, "learned"))
            for t in toks:
                if t.cs == abbr or t.cs == abbr + "'s":
                    out.append(Cand(t.start, t.end, label, canon, "learned"))
        return out

    def _classify(self, long: str) -> tuple[str | None, str | None]:
        long = long.strip(" '\"\u2018\u2019\u201c\u201d")
        ids = self.kb.lookup(long)
        eid = ids[0] if len(ids) == 1 else (self.kb.fuzzy(long) if self.use_fuzzy else None)
        if eid:
            e = self.kb.entries[eid]
            return (e.label if e.label != "LOC" else "ORG"), eid
        last = fold(long.split()[-1]) if long.split() else ""
        label = "ORGAN" if last.endswith(_BODY_HEADS) else "ORG"
        return label, slug(long)

    def _acronyms(self, toks: list[Tok], text: str, cands: list[Cand]) -> list[Cand]:
        """Unknown acronyms (tagged ORG with a warning so the corpus linker can resolve them)."""
        known = {(c.start, c.end) for c in cands}
        out = []
        for t in toks:
            s = t.text
            if not (2 <= len(s) <= 6 and s[0].isupper() and sum(ch.isupper() for ch in s) >= 2 and s.isalnum()):
                continue
            if not s.isascii() or s.isdigit() or s in _ROMAN or s in self.kb.not_acronyms or (t.start, t.end) in known or self.kb.lookup(s):
                continue
            line_start = text.rfind("\n", 0, t.start) + 1
            line_end = text.find("\n", t.end)
            line = text[line_start: line_end if line_end >= 0 else len(text)]
            letters = [ch for ch in line if ch.isalpha()]
            if letters and sum(ch.isupper() for ch in letters) / len(letters) > 0.6:
                continue  # a heading in capitals
            if any(m.start() <= t.start - line_start < m.end() and _CAPITAL_FUNCTION_WORD.search(m.group(0))
                   for m in _CAPITALS_RUN.finditer(line)):
                continue  # a heading in capitals run on with the text: "BRIEF VAN DE MINISTER ... Aan de Voorzitter"
            out.append(Cand(t.start, t.end, "ORG", fold(s), "acronym", warnings=["unresolved_abbreviation"]))
        return out

    # -- 3. patterns ----------------------------------------------------------------
    def _persons(self, text: str) -> list[Cand]:
        out = []
        first_names = set(self.kb.persons["first_names"])
        for a in self._person_anchor.finditer(text):
            m = self._person_re.match(text, a.start())
            if not m:
                continue
            surname = m.group("surname")
            if surname in self._not_surnames or self.kb.lookup(surname) or fold(surname).endswith(self._not_suffixes):
                continue
            title, inits, first, office = m.group("title"), m.group("inits"), m.group("first"), m.group("office")
            if first and not (first in first_names or office or title):
                continue
            if not (title or inits or first or office):
                continue
            if first and (first in self._not_surnames or self.kb.lookup(first)):
                continue
            if inits and not title and len(surname) < 3:
                continue
            if inits and not title and not first:
                # "A. Twenteraad": an enumeration letter at the start of a line, not an initial
                ls = text.rfind("\n", 0, m.start()) + 1
                if not text[ls:m.start()].strip() and len(inits.replace(" ", "")) <= 2:
                    continue
            start = next(m.start(g) for g in ("title", "inits", "first", "tv", "surname") if m.group(g))
            end = m.end("surname")
            initial = (inits or first or "")[:1].lower()
            canon = slug(((m.group("tv") or "") + " " + surname).strip()) + ("_" + initial if initial else "")
            role = office.lower() if office else None
            rest = text[end:end + 120]
            rm = self._role_re.match(rest) or self._paren_role_re.match(rest)
            role_span = None
            if rm:
                role = " ".join(rm.group("role").split())
                role_span = (end + rm.start("role"), end + rm.end("role"))
            c = Cand(start, end, "PERSON", canon, "pattern", role=role)
            if role_span:
                c.ids = [str(role_span[0]), str(role_span[1])]
            if office:
                c.warnings.append("office:" + office.lower())
                c.parent = str(m.start("office"))  # where the office word starts; cleared in find()
            out.append(c)
        return out

    def _money(self, text: str) -> list[Cand]:
        out = []
        if "€" not in text and not MONEY_HINT.search(text):
            return out
        for m in self._money_re.finditer(text):
            num = m.group("num1") or m.group("num2")
            mult = (m.group("mult1") or m.group("mult2") or "").lower()
            value = parse_amount(num, self._multipliers.get(mult, 1))
            if value is None:
                continue
            out.append(Cand(m.start(), m.end(), "MONEY", "EUR", "pattern", value=value))
        return out

    def _laws(self, toks: list[Tok]) -> list[Cand]:
        """Capitalised words ending in -wet that the KB does not know (Huisvestingswet, Mededingingswet)."""
        out = []
        for t in toks:
            if len(t.text) > 6 and t.text[0].isupper() and t.ci.endswith("wet") and not self.kb.lookup(t.text):
                out.append(Cand(t.start, t.end, "LAW", slug(t.text), "pattern"))
        return out

    # -- 4. named bodies, context ---------------------------------------------------------
    def _extend_named(self, chosen: list[Cand], toks: list[Tok], text: str) -> None:
        """'bestuurscommissie Publieke Gezondheid', 'pho EZ', 'commissie RWN': the name belongs to the body."""
        absorbable = {c.start for c in chosen if c.source == "acronym" or (
            c.label in ("ORG", "LOC") and " " not in text[c.start:c.end] and sum(ch.isupper() for ch in text[c.start:c.end]) >= 2)
            or (c.source == "learned" and c.label == "ORG" and not self.kb.is_known(c.canonical))}
        learned_at = {c.start: c for c in chosen if c.source == "learned" and c.start in absorbable}
        renamed: dict[str, Cand] = {}  # a learned name that turned out to be a body's name -> the body
        learned_abbrs = {text[c.start:c.end] for c in chosen if c.source == "learned" and " " not in text[c.start:c.end]}
        starts = {c.start for c in chosen} - absorbable
        absorbed: set[int] = set()
        by_start = {t.start: k for k, t in enumerate(toks)}
        for c in chosen:
            if c.label != "ORGAN":
                continue
            e = self.kb.get(c.canonical)
            named = (e is not None and e.named) or (c.generic and self.kb.generic.get(c.generic, {}).get("named_only"))
            # a capitalised body compound the KB does not list takes its name: "de Adviesraad Sociaal Domein"
            suffix_named = c.source == "compound" and e is None and not c.generic and text[c.start:c.start + 1].isupper()
            if not (named or suffix_named):
                continue
            k = by_start.get(c.start)
            if k is None:
                continue
            while k < len(toks) and toks[k].end <= c.end:
                k += 1
            if c.generic in self._abbreviated_generic and k < len(toks) and toks[k].text == "." and not toks[k].space_before:
                c.end = toks[k].end  # "cie. Ruimte"
                k += 1
            # ("BO ATT" takes an acronym; "Bestuurlijk Overleg Transitie Sociaal Domein", written with capitals, its words)
            titled = all(w[:1].isupper() for w in text[c.start:c.end].split())
            end, taken = self._name_after(toks, k, starts, acronym_only=named == "acronym" and not titled,
                                          topics=c.generic in ("commissie", "cie") or (e is not None and e.id in self._committees))
            if taken:
                m = _PAREN_ABBR_RE.match(text, end)
                if m and m.group(1) in learned_abbrs:
                    end = m.end()  # "commissie Bestuur, Middelen en Economie (BME)": the name with its abbreviation
                absorbed.update(t.start for t in toks if c.end <= t.start < end)
                j = k
                while j < len(toks) and toks[j].start < end:
                    if toks[j].start in learned_at and learned_at[toks[j].start].end <= end \
                            and not learned_at[toks[j].start].canonical.endswith(_THING_ENDS):
                        renamed[learned_at[toks[j].start].canonical] = c  # (the "stuurgroep IHP" is not the plan IHP)
                    j += 1
                c.end = end
                before = re.search(r"\b[Vv]aste\s+$", text[max(0, c.start - 8):c.start])
                if before and c.generic in ("commissie", "cie"):  # "vaste commissie voor Binnenlandse Zaken": a
                    c.start -= len(before.group(0))  # standing committee's name, as the Kamer writes it
            elif c.generic and self.kb.generic.get(c.generic, {}).get("named_only") and not (
                    c.source == "compound" or _coordinated_with_council(text, c.start, c.end)):
                c.label = None  # "de commissie" alone is any committee; "commissievergadering", "raad en commissie" are the council's
        for c in chosen:
            if c.start in absorbed and c.start in absorbable:
                c.label = None
            elif c.source == "learned" and c.canonical in renamed and c.label:
                body = renamed[c.canonical]  # "(BME)" after "commissie Bestuur, Middelen en Economie"
                c.label, c.canonical, c.generic = "ORGAN", body.canonical, body.generic
        # a singular generic word after a capitalised adjective is part of another name ("Europese Commissie")
        for c in chosen:
            if c.generic in ("college", "raad", "commissie") and c.label and c.end - c.start == len(c.generic):
                before = text[max(0, c.start - 30):c.start]
                m = re.search(r"(?<![.:!?\n]\s)\b([A-Z][a-z]+e)\s+$", before)
                if m and m.start(1) > 0 and not re.search(r"[.:!?\n]\s*$", before[:m.start(1)]):
                    c.label = None

    def _portfolios(self, chosen: list[Cand], text: str) -> None:
        """A minister or state secretary with the portfolio written after the office: "minister van Justitie",
        "staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties", "Staatssecretaris VW". The span takes
        the portfolio; a minister whose portfolio the KB knows is that minister, else the office stays generic
        (and is not taken for the one minister the document names elsewhere)."""
        for c in chosen:
            office = text[c.start:c.end].casefold()
            if c.label != "ORGAN" or c.canonical not in ("minister", "staatssecretaris") or office != c.canonical:
                continue
            m = _PORTFOLIO_RE.match(text, c.end)
            if not m:
                continue
            portfolio = m.group("name") or m.group("letters")
            if "," in portfolio and not re.search(r",.*\s(?:en|&)\s", portfolio):
                portfolio = portfolio.split(",")[0]  # "staatssecretaris van BZK, Bijleveld": a name follows
            end = m.start("name" if m.group("name") else "letters") + len(portfolio)
            for d in chosen:
                if d is not c and c.end <= d.start < end:
                    d.label = None  # "Justitie", "BZK": the portfolio's words are the office's name
            c.end = end
            if office == "minister":
                known = [i for i in self.kb.lookup(f"minister {m.group('prep') or 'van'} {portfolio}") if i.startswith("minister_")]
                if len(known) == 1:
                    c.canonical = known[0]

    def _name_after(self, toks: list[Tok], k: int, starts: set[int], acronym_only: bool = False,
                    topics: bool = False) -> tuple[int, int]:
        """(end, words taken) of the name that follows a named body from token ``k``.

        Capitalised words and abbreviations ("commissie Ruimte", "raadscommissie Bestuur en Middelen",
        "commissie Bestuur, Middelen en Economie"), for committees also the subject words of
        ``committee_topics`` in lower case ("Commissie ruimte"); with ``acronym_only`` just an
        abbreviation ("BO ATT"). "en", "&" and a comma join words of one name.
        """
        end, taken, n = -1, 0, len(toks)
        if topics and k + 1 < n and toks[k].ci == "voor" and toks[k].space_before == " " \
                and toks[k + 1].space_before == " " and toks[k + 1].start not in starts \
                and self._name_word(toks[k + 1], acronym_only, topics):
            k += 1  # "Raadscommissie voor Ruimte, wonen en natuur", "Commissie voor Bezwaarschriften"
        while k < n and taken < 6:
            t = toks[k]
            if taken and t.ci in ("en", "&", ",") and k + 1 < n and toks[k + 1].space_before == " " \
                    and (t.ci == "," and not t.space_before or t.space_before == " ") \
                    and self._name_word(toks[k + 1], acronym_only, topics) and toks[k + 1].start not in starts \
                    and (t.ci != "," or any(toks[m].ci in ("en", "&") for m in range(k + 2, min(n, k + 6)))
                         or (topics and toks[k + 1].ci in self.kb.committee_topics)):
                # (a comma joins a list of the name's words, "Bestuur, Middelen en Economie", "Bouwen, Wonen,
                # Buitenruimte", not an apposition: "de commissie voor Binnenlandse Zaken, Bergman")
                k += 1
                continue
            if t.space_before != " " or t.start in starts or not self._name_word(t, acronym_only, topics):
                break
            end = t.end
            taken += 1
            k += 1
        return end, taken

    def _name_word(self, t: Tok, acronym_only: bool, topics: bool) -> bool:
        if acronym_only:
            return len(t.text) >= 2 and t.text.isalpha() and t.text.isupper()
        if t.text[:1].isupper() and t.text[:1].isalpha():
            return t.text.isupper() or t.ci not in STOP_WORDS  # "Stadsdeel Centrum Is bereikbaar": "Is" is no name
        return topics and t.ci in self.kb.committee_topics

    def _suffix_bodies(self, toks: list[Tok]) -> list[Cand]:
        """Bodies named by a compound the KB does not list: 'welstandscommissie', 'de Noordkopraad'.

        ``body_suffixes`` in kb_bodies.json says which endings make a body, whether the word must be
        capitalised and which word must come before it; ``not_suffix_bodies`` lists words that only
        look like one ('leidraad', 'woningvoorraad').
        """
        out = []
        rules = self.kb.body_suffixes
        endings = tuple(rules)
        for k, t in enumerate(toks):
            ci = t.ci
            if not ci.endswith(endings):
                continue  # (most words: one test for all endings)
            for suffix, rule in rules.items():
                if not ci.endswith(suffix) or len(ci) < len(suffix) + 3 or not ci[:1].isalpha():
                    continue
                if ci in self.kb.not_suffix_bodies or (ci,) in self.kb.ci or ci in self.kb.compounds or is_elided(toks, k):
                    break
                if rule.get("capital") and not t.text[:1].isupper():
                    break
                before = rule.get("after")
                if before and not (k > 0 and toks[k - 1].ci in before):
                    break
                if k > 0 and toks[k - 1].text == "-" and not t.space_before:
                    break  # "Wmo-raad" is one name; its first part is not a body
                singular = ci[: len(ci) - len(rule.get("plural_s", ""))] if rule.get("plural_s") else ci
                out.append(Cand(t.start, t.end, "ORGAN", slug(singular), "compound"))
                break
        return out

    def _signature_chair(self, chosen: list[Cand], text: str, meta: dict) -> list[Cand]:
        """'de griffier, de voorzitter,': the chair who signs a council's decision with its clerk."""
        out: list[Cand] = []
        taken = [(c.start, c.end) for c in chosen if c.label]
        for c in chosen:
            if c.canonical != "griffier" or c.label != "ORGAN":
                continue
            for m in CHAIR_RE.finditer(text, max(0, c.start - 80), min(len(text), c.end + 80)):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                level = self._level(chosen, self.kb.get(meta.get("issuer")))
                target = self.kb.signature_chair.get(level)
                if target:
                    out.append(Cand(m.start(), m.end(), "ORGAN", target, "pattern"))
                    taken.append((m.start(), m.end()))
        return out

    def _resolve(self, chosen: list[Cand], text: str, meta: dict) -> None:
        kb = self.kb
        issuer = kb.get(meta.get("issuer"))
        level = self._level(chosen, issuer, text)
        explicit_municipal_college = any(
            c.canonical == "college_bw" and c.source in ("kb", "fuzzy") for c in chosen
        ) or any(c.generic == "college" and self._van_place(c, chosen, text) for c in chosen)
        full_ids = Counter(c.canonical for c in chosen if c.canonical and c.source in ("kb", "fuzzy", "compound", "learned"))
        self._drop_stray_province_letters(chosen, text, issuer)
        # generic words by level and possessive
        for c in chosen:
            if not c.generic:
                continue
            word = c.generic
            rule = kb.generic.get(word, {})
            before = text[max(0, c.start - 12):c.start].split()
            poss = fold(before[-1]) if before else ""
            poss = {"onze": "ons"}.get(poss, poss)
            target = None
            if poss in kb.possessives and word in kb.possessives[poss]:
                target = kb.possessives[poss][word]
                if target == "@level":
                    target = rule.get(level) or rule.get("*")
            elif self._van_place(c, chosen, text):
                target = "college_bw" if word == "college" else rule.get("gemeente") or rule.get("*")
            elif "*" in rule:
                target = rule["*"]
            elif level == "provincie" and word == "college" and explicit_municipal_college and not full_ids.get("gedeputeerde_staten"):
                target = rule.get("explicit_other")
            else:
                target = rule.get(level) or rule.get("gemeente")
            c.canonical = target
        # short forms: the nearest full mention of one of their bodies
        for c in chosen:
            if c.source == "anaphor":
                present = [i for i in c.ids if full_ids.get(i)]
                if not present:
                    c.label = None
                    continue
                before = [d for d in chosen if d.canonical in present and d.start < c.start and d.source != "anaphor"]
                c.canonical = before[-1].canonical if before else present[0]
        # generic minister -> the one minister the document names
        ministers = {c.canonical for c in chosen if c.canonical and c.canonical.startswith("minister_") and c.canonical != "minister_president"}
        if len(ministers) == 1:
            only = ministers.pop()
            for c in chosen:
                if c.canonical == "minister" and " " not in text[c.start:c.end].strip():  # (not "minister van Justitie")
                    c.canonical = only
        # a GR named right after "GR" is that GR
        for k, c in enumerate(chosen):
            if c.canonical == "gemeenschappelijke_regeling" and k + 1 < len(chosen):
                nxt = chosen[k + 1]
                if nxt.label == "ORG" and 0 <= nxt.start - c.end <= 1 and kb.get(nxt.canonical):
                    c.canonical = nxt.canonical
        # generic organisations -> the instance of the document's region
        region = self._region(chosen, text, issuer)
        for c in chosen:
            e = kb.get(c.canonical)
            if e is None or not e.generic or c.label != "ORG":
                continue
            if e.type == "provincie":
                provs = Counter(d.canonical for d in chosen if d.canonical and d.canonical.startswith("provincie_"))
                if issuer is not None and issuer.id.startswith("provincie_"):
                    c.canonical = issuer.id
                elif provs:
                    c.canonical = provs.most_common(1)[0][0]
                continue
            if not e.type:
                continue
            named = [d.canonical for d in chosen if d.canonical and d.canonical != e.id and kb.get(d.canonical) and kb.entries[d.canonical].type == e.type]
            if named:
                c.canonical = Counter(named).most_common(1)[0][0]
            elif region:
                inst = [x.id for x in kb.entries.values() if x.type == e.type and x.region == region and not x.generic]
                if len(inst) == 1:
                    c.canonical = inst[0]
        self._parents(chosen, text, issuer, level)

    def _drop_stray_province_letters(self, chosen: list[Cand], text: str, issuer) -> None:
        """"PS" or "GS" alone in a municipality's or water board's document that names no province (a logo's
        letters, a postscript) names no province's body."""
        letters = [c for c in chosen if c.source == "kb" and c.canonical in _LEVEL_BODIES["provincie"]
                   and text[c.start:c.end].isupper() and c.end - c.start <= 3]
        if not letters:
            return
        others = [c for c in chosen if c not in letters]
        local = _LEVEL_BODIES["gemeente"] | _LEVEL_BODIES["waterschap"]
        elsewhere = issuer is not None or any(
            c.canonical and (c.canonical.startswith(("gemeente_", "waterschap_")) or c.canonical in local) for c in others)
        province = any(c.canonical and (c.canonical in _LEVEL_BODIES["provincie"] or c.canonical.startswith("provincie_")
                                        or getattr(self.kb.get(c.canonical), "kind", None) == "provincie") for c in others)
        if elsewhere and not province and self._level(others, issuer) != "provincie":
            for c in letters:
                c.label = None

    def _level(self, chosen: list[Cand], issuer, text: str = "") -> str:
        """'gemeente', 'provincie', 'waterschap' or 'rijk': whose document this is (a text that speaks of "het waterschap"
        is a water board's, whatever province it names)."""
        if issuer is not None:
            if issuer.id.startswith("provincie_") or issuer.id in _LEVEL_BODIES["provincie"]:
                return "provincie"
            if issuer.kind == "waterschap" or issuer.id in _LEVEL_BODIES["waterschap"]:
                return "waterschap"
            if issuer.id.startswith("gemeente_") or issuer.id in _LEVEL_BODIES["gemeente"]:
                return "gemeente"
        score = Counter()
        for c in chosen:
            for level, ids in _LEVEL_BODIES.items():
                if c.canonical in ids:
                    score[level] += 1
            if c.canonical and c.canonical.startswith("provincie_"):
                score["provincie"] += 0.5
            elif c.canonical and c.canonical.startswith("gemeente_"):
                score["gemeente"] += 0.5
        if text:
            score["waterschap"] += min(3, len(_WATER_BOARD_WORDS.findall(text[:20000])))
        national = sum(1 for c in chosen if c.canonical and (c.canonical in _NATIONAL_BODIES or c.canonical.startswith(
            ("minister_", "staatssecretaris"))))
        if national > score["gemeente"] + score["provincie"] + score["waterschap"]:
            return "rijk"  # a Kamer letter or report: "de vaste commissie voor Onderwijs" is the Kamer's
        if score["provincie"] > score["gemeente"] and score["provincie"] >= score["waterschap"]:
            return "provincie"
        if score["waterschap"] > score["gemeente"]:
            return "waterschap"
        return "gemeente"

    def _region(self, chosen: list[Cand], text: str, issuer) -> str | None:
        if issuer is not None and issuer.region:
            return issuer.region
        counts = Counter()
        for c in chosen:
            e = self.kb.get(c.canonical)
            if e is not None and e.region and not e.generic:
                counts[e.region] += 1
        for word, region in self.kb.region_words.items():
            counts[region] += text.count(word) * 0.5
        if not counts:
            return None
        region, n = counts.most_common(1)[0]
        return region if n >= 2 else None

    def _van_place(self, c: Cand, chosen: list[Cand], text: str) -> Cand | None:
        """The organisation or place named right after the body: 'de raad van Hellendoorn'."""
        m = VAN_RE.match(text, c.end)
        if not m:
            return None
        for d in chosen:
            if d.start == m.end() and d.label in ("ORG", "LOC"):
                return d
        return None

    def _place_after(self, c: Cand, chosen: list[Cand], text: str) -> Cand | None:
        """The municipality or province named right after a body, without 'van': 'Gemeenteraad Heerlen', 'wethouder Almelo'."""
        if text[c.end:c.end + 1] not in (" ", "\u00a0"):
            return None
        for d in chosen:
            if d.start == c.end + 1 and d.label in ("ORG", "LOC"):
                e = self.kb.get(d.canonical)
                return d if e is not None and e.kind in ("gemeente", "provincie", "waterschap") else None
        return None

    def _parents(self, chosen: list[Cand], text: str, issuer, level: str) -> None:
        kb = self.kb
        orgs = Counter(c.canonical for c in chosen if c.label == "ORG" and kb.get(c.canonical) and not kb.entries[c.canonical].generic)
        main_gr = next((o for o, _ in orgs.most_common() if kb.entries[o].kind == "gr"), None)
        if issuer is not None and issuer.label == "ORG" and issuer.kind == "gr":
            main_gr = issuer.id
        main_gemeente = issuer.id if issuer is not None and issuer.id.startswith("gemeente_") else _dominant(orgs, "gemeente_")
        main_prov = issuer.id if issuer is not None and issuer.id.startswith("provincie_") else _dominant(orgs, "provincie_")
        for c in chosen:
            if c.label != "ORGAN" or not c.canonical:
                continue
            e = kb.get(c.canonical)
            after = self._van_place(c, chosen, text) or self._place_after(c, chosen, text)
            if after is not None and after.canonical:
                c.parent = _org_of(kb, after.canonical)
                continue
            if e is None:
                continue
            plural = fold(text[c.start:c.end]).endswith(("en", "s")) and fold(text[c.start:c.end]) not in (fold(e.name),)
            if e.parent:
                c.parent = e.parent
            elif plural:
                continue
            elif e.level == "gr" and e.kind == "type":
                c.parent = main_gr
            elif e.level == "gemeente":
                c.parent = main_gemeente
            elif e.level == "provincie":
                c.parent = main_prov


_COUNCIL_PAIR_RE = re.compile(r"\braad\s+en\s+(?:de\s+)?$", re.I)
_COUNCIL_PAIR_AFTER_RE = re.compile(r"^\s+en\s+(?:de\s+)?raad\b", re.I)


#: what an abbreviation's long form ends in when it names a plan or programme, not a body ("Integraal Huisvestingsplan")
_THING_ENDS = ("plan", "plannen", "visie", "programma", "nota", "agenda", "strategie", "project", "akkoord", "regeling",
               "wet", "verordening", "beleid", "onderzoek", "aanpak")


def _coordinated_with_council(text: str, start: int, end: int) -> bool:
    """'Vragen uit de raad en commissie', 'commissie en raad': the committee is the council's."""
    return bool(_COUNCIL_PAIR_RE.search(text[max(0, start - 20):start]) or _COUNCIL_PAIR_AFTER_RE.match(text[end:end + 20]))


# The portfolio after "minister"/"staatssecretaris": "van Justitie", "voor Bestuurlijke Vernieuwing en
# Koninkrijksrelaties", "van Volksgezondheid, Welzijn en Sport", or a ministry's letters alone ("BZK", "IenW").
_PORTFOLIO_WORD = r"(?:[A-Z][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)?|[A-Z][A-Za-z&]{1,5})"
_PORTFOLIO_RE = re.compile(
    rf"[ \t]+(?:(?P<prep>van|voor)[ \t]+(?P<name>{_PORTFOLIO_WORD}(?:(?:,[ \t]+|[ \t]+(?:en|&)[ \t]+|[ \t]+){_PORTFOLIO_WORD}){{0,5}})"
    r"|(?P<letters>[A-Z][A-Za-z]{0,3}[A-Z]))(?![\w-])")
_PAREN_ABBR_RE = re.compile(r"[ \t]?\(([A-Z][A-Za-z0-9&]{1,7})\)")
#: the bare word "voorzitter" (not "voorzitter van X"): a chair whose body the context gives
CHAIR_RE = re.compile(r"\b[Vv]oorzitter\b(?!\s+(?:van|der|des)\b)")
_ADDRESS_RE = re.compile(r"[\w.\-]*@[\w.\-]+|www\.[\w.\-/]+|https?://\S+")


def _in_address(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` part of an e-mail or web address ('griffie@denhelder.nl')?"""
    lo = max(0, start - 60)
    for m in _ADDRESS_RE.finditer(text, lo, min(len(text), end + 60)):
        if m.start() < end and start < m.end():
            return True
    return False


# "een (onafhankelijke) adviescommissie", "elke commissie": a kind of body, not one the document names (but "Geen
# regioraad meer nodig" speaks of the one body the document is about)
_INDEFINITE_RE = re.compile(r"\b(?:[Ee]en|[Ee]lke?|[Ii]edere?)(?:\s+(?:of|en|[a-zà-ÿ][a-zà-ÿ-]*e|[a-zà-ÿ][a-zà-ÿ-]*[dt])){0,4}\s+$")
_INDEFINITE_SKIP = frozenset({"de", "het", "die", "deze", "onze", "uwe", "hare", "zijne"})


def _indefinite_mention(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]``, a body's bare lower-case word, said of no body in particular: "een
    onafhankelijke adviescommissie", "een ambtelijke of gemengd samengestelde adviescommissie", "elke commissie"?
    A capitalised name after "een" ("een Bestuurlijk Overleg Transitie Sociaal Domein") stays a body."""
    if text[start:end] != text[start:end].lower() or " " in text[start:end].strip():
        return False
    m = _INDEFINITE_RE.search(text, max(0, start - 80), start)
    return m is not None and not _INDEFINITE_SKIP & set(m.group().lower().split())


# A Woo decision's appendix that quotes the law ("Bijlage 1 – Relevante artikelen uit de Wob", "Relevante artikelen uit
# de Wob"; not a letter's own section "Relevante wetsartikelen/juridisch kader"): the bodies its articles name ("de
# adviescommissie", "Onze Minister") are the law's
_QUOTED_LAW_RE = re.compile(r"(?im)^[ \t]*(?:bijlage[ \t]*[\w.]*[ \t]*[-–—:.]?[ \t]*relevante[ \t]+(?:[\w]+-)?(?:wets)?artikelen\b"
                            r"|(?:\d{1,2}[.)][ \t]*)?relevante[ \t]+(?:wets)?artikelen[ \t]+uit[ \t]+de[ \t]+\w+)[^\n]{0,60}$")
_QUOTED_LAW_END_RE = re.compile(r"(?im)^[ \t]*(?:bijlage|inventaris)")
_ARTICLE_HEAD_RE = re.compile(r"(?m)^[ \t]*Artikel[ \t]+\d")


def quoted_law(text: str) -> list[tuple[int, int]]:
    """The appendices of ``text`` that quote the law, each from its heading to the next appendix or inventory."""
    out = []
    for m in _QUOTED_LAW_RE.finditer(text):
        if not _ARTICLE_HEAD_RE.search(text, m.end(), m.end() + 1500):
            continue  # a list of the appendices ("Bijlage(n): 1. Relevante artikelen uit de Wob 2. Inventarislijst")
        end = _QUOTED_LAW_END_RE.search(text, m.end())
        out.append((m.start(), len(text) if end is None else end.start()))
    return out


_DEFINITION = re.compile(r"\s*:\s+een\s")
_TERM_LABEL = re.compile(r"\s*(?:[a-z]{1,2}[.)]|\d{1,2}[.)°]|[-•–])?\s*(?:[a-z][\w-]*\s+){0,4}", re.I)


def _defined_term(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the term a quoted statute defines ("d. niet-ambtelijke adviescommissie: een van
    overheidswege ingestelde instantie ...", as Woo decisions quote the law), not a body the document names?"""
    if not _DEFINITION.match(text, end):
        return False
    line = text.rfind("\n", 0, start) + 1
    return _TERM_LABEL.fullmatch(text, line, start) is not None


def _dominant(orgs: Counter, prefix: str) -> str | None:
    """The organisation with ``prefix`` a document is about: at least 2 mentions and 60% of those of its kind."""
    counts = [(o, n) for o, n in orgs.most_common() if o.startswith(prefix)]
    if not counts:
        return None
    top, n = counts[0]
    return top if n >= 2 and n >= 0.6 * sum(k for _, k in counts) else None


def _org_of(kb: KnowledgeBase, canonical: str) -> str:
    """The organisation id for a place (LOC Enschede -> gemeente_enschede) or the id itself."""
    if canonical in kb.municipality_ids:
        return "gemeente_" + canonical
    if canonical in kb.province_ids:
        return kb.province_ids[canonical]
    return canonical


@Language.factory("spoor_entities", default_config={"fuzzy": True})
def make_entities(nlp: Language, name: str, fuzzy: bool = True) -> EntityRecognizer:
    """Factory of the ``spoor_entities`` component."""
    return EntityRecognizer(nlp, name, fuzzy=fuzzy)
