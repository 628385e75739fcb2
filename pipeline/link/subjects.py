"""Subjects followed through the corpus, and how they relate (issue 6).

A *subject* is one thing an analyst follows through the years: a body, an
organisation, a law, a programme, a proposed new organisation, a policy topic.
:func:`derive` makes them from what the store already holds (cleaned texts,
canonical entities, decision records), never from a list of names:

* every canonical ORGAN/ORG/LAW entity is a subject;
* names the entity component leaves untagged are found in the text: quoted
  capitalised names and capitalised multiword names that recur, recurring
  compounds of plan words ("veranderopdracht"), new organisations a proposal or
  outcome introduces with "een ..." ("een regionale uitvoeringsorganisatie"),
  and the items a proposal enumerates ("Arbeidsmarkt", "Mobiliteit");
* subjects whose names are spacing variants, fuzzy variants or acronyms of each
  other become one (``same_as``), unless both are knowledge-base entries.

Relations, each with its evidence (document, page, sentence):

* ``same_as``: another name of the subject (target is that name);
* ``replaced_by``, ``ended``, ``dissolved_into``: cue words from
  ``nlp/data/relations.json`` around subject mentions in one sentence (or, for
  "ontvlochten in ...:", in the list that follows);
* ``realized_as``: a subject only proposed (mentioned in proposed/planned
  decisions, never afterwards) matched to a subject of a later realized/adopted
  decision or dissolution item, by word and entity overlap of their contexts and
  by type ("een uitvoeringsorganisatie Twente Board Development");
* ``diverged``: an item a proposal placed in one home that a later document
  reports as placed elsewhere ("ondergebracht bij gemeentelijke organisaties").
"""

from __future__ import annotations

import bisect
import gc
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from sys import intern

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .evolution import Evolution, Step, UnknownSubject, evolution, find, load  # noqa: F401  (moved; old home)
from ..models import Decision, Entity
from ..nlp import government
from ..nlp.kb import FUZZY_LONG, FUZZY_MIN_LEN, fold, load_kb, slug, spaceless
from .timeline import actor_name
from .parts import DocParts, WordCounts
from .relations import COMMON_MIN_DOCS, COMMON_SHARE, RelationFinder, unit_ends_list  # noqa: F401
from .records import (  # noqa: F401  (re-exported: pipeline.link.subjects is where callers look)
    CUE_GAP, HAPPENED, MATCH_MIN, PROPOSED, RELATION_TYPES, RULES_PATH, SUBJECT_LABELS, SUGGEST_MIN, DocText,
    Evidence, Relation, Subject, SubjectDoc, FUNCTION_WORDS, ITEM_RE, WORD_RE, SubjectDraft, initials, is_acronym, name_re,
    DecisionRow, Mention, built, fold_case, load_rules, stems, units)

_log = logging.getLogger(__name__)

SUBJECT_WORDS_PATH = Path(__file__).parents[1] / "nlp" / "data" / "subject_words.json"
#: The level of a kind of body (``kb_bodies.json``) -> the kind of government whose documents it belongs to.
LEVEL_KIND = {"gemeente": "gemeente", "provincie": "provincie", "waterschap": "waterschap", "gr": "samenwerkingsverband"}
#: The id suffix of the mentions of a kind of body no government could be given to (never stored).
GENERIC_SUFFIX = "zonder_overheid"
_NONE = object()  # a mention of a kind of body that belongs to no government in particular
#: A government named right after a plan's name, in the same sentence: "van (de) (gemeente) Hengelo", "(Enschede)"
_GOVERNMENT_AFTER = re.compile(r"[ \t]{1,2}\(?(?:van\s+(?:de\s+|het\s+)?(?:gemeente\s+|provincie\s+)?)?"
                               r"([A-Z][\w\u00C0-\u017F'-]*(?:[ -][A-Za-z][\w\u00C0-\u017F'-]*){0,3})")


_CAPITALISED = re.compile(r"[A-Z][\w\u00C0-\u017F'-]*(?:[ -][A-Z][\w\u00C0-\u017F'-]*){0,3}")


def _government_at(words: list[str]) -> str | None:
    """The name of the government the first (up to four) of ``words`` name ("Den Helder", "Overijssel")."""
    found = _government_of(words)
    return found.name if found is not None else None


def _government_of(words: list[str]):
    """The government (``nlp.government.Government``) the first (up to four) of ``words`` name, or None."""
    for n in range(min(len(words), 4), 0, -1):
        found = government.lookup(" ".join(words[:n]).strip(".,;:()"))
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1)
def load_subject_words() -> dict:
    """``nlp/data/subject_words.json``: kinds of plans and documents, layout words, with sets and regexes made."""
    with open(SUBJECT_WORDS_PATH, encoding="utf-8") as fh:
        words = json.load(fh)
    words["kinds_set"] = {fold(w) for w in words["kinds"]}
    words["prefixes"] = sorted((fold(w) for w in words["kind_prefixes"]), key=len, reverse=True)
    words["layout_set"] = {fold(w) for w in words["not_in_names"]}
    words["postcode_re"] = re.compile(words["postcode"])
    return words


@lru_cache(maxsize=65536)
def _fold_name(text: str) -> str:
    """``fold`` of a name met again and again (an entity's text, a knowledge-base name)."""
    return fold(text)


@lru_cache(maxsize=4096)
def _beside_re(parent: str, name: str) -> re.Pattern | None:
    """What a folded text starts with when it names the government ``parent``/``name`` right after a body
    ("raad van Enschede": " van enschede"); None when there is no name to look for."""
    entry = load_kb().get(parent)
    names = {fold(name), *(fold(a) for a in (entry.aliases if entry else ()))}
    if entry is not None:
        names.add(fold(entry.name))
    names = sorted(n for n in names if n)
    if not names:
        return None
    return re.compile(r"\W{0,3}(?:van\s+(?:de\s+|het\s+)?(?:gemeente\s+|provincie\s+)?)?(?:"
                      + "|".join(map(re.escape, names)) + r")\b")


@lru_cache(maxsize=4096)
def government_name(parent: str) -> str | None:
    """The name of the government an organisation id (an ORGAN's ``parent``: "gemeente_enschede",
    "provincie_overijssel", "regio_twente") stands for, as documents and decisions name it ("Enschede")."""
    entry = load_kb().get(parent)
    if entry is None:
        return None
    for name in (entry.name, entry.name.split(" ", 1)[-1]):
        found = government.lookup(name)
        if found is not None:
            return found.name
    return entry.name


def is_kind_word(name: str) -> bool:
    """Whether ``name`` names a kind of plan or document rather than one ("ontwerpbestemmingsplan", "nota")."""
    words = load_subject_words()
    text = " ".join(fold(name).replace("-", " ").split())
    for prefix in words["prefixes"]:
        if text.startswith(prefix) and text[len(prefix):].strip() in words["kinds_set"]:
            return True
    return text in words["kinds_set"]


# --------------------------------------------------------------------------- building
class _Builder(RelationFinder):
    def __init__(self, docs: list[DocText], entities: list[Entity | Mention], decisions: list[Decision],
                 release: bool = False, parts: DocParts | None = None):
        """``release``: the builder owns the texts and records given and lets go of each part once used
        (a corpus's mentions and texts are most of the memory a build needs). ``parts``: what earlier
        derivations found scanning each document (:mod:`pipeline.link.parts`); documents without are
        scanned, and what is found is added to ``parts``."""
        self.release = release
        self.parts = parts if parts is not None else DocParts()
        self.rules = load_rules()
        self.words = load_subject_words()
        self.kb = load_kb()
        self.docs = {d.doc_id: d for d in docs}
        self.entities = [e if isinstance(e, tuple) else Mention(e.doc_id, e.label, e.text, e.start, e.end, e.canonical,
                                                                getattr(e, "parent", None))
                         for e in entities if e.label in SUBJECT_LABELS and e.doc_id in self.docs]
        self.decisions = [d for d in decisions if d.doc_id in self.docs]
        self.subjects: dict[str, SubjectDraft] = {}
        self.relations: list[Relation] = []
        self.ent_spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self.ent_bounds: dict[str, tuple[list[int], list[int]]] = {}
        self._plural: dict[tuple[str, str], bool] = {}  # (a body's mention, its id) -> whether it is a plural
        self.parent: dict[str, str] = {}
        self.dissolution_items: list[tuple[str, int, int, int]] = []  # (doc, unit_start, head_start, head_end)
        self.item_ends: dict[tuple[str, int], int] = {}  # (doc, head_start) -> end of the item with description

    # -- subjects --------------------------------------------------------------
    def run(self) -> tuple[list[Subject], list[Relation]]:
        self._derive()
        return self._finish()

    def write(self, store) -> tuple[int, int]:
        """Derive the subjects and relations and write them to ``store``, making each subject's record only
        as it is written (a corpus's subjects with all their mentions are much of what a build holds);
        how many subjects and relations."""
        self._derive()
        relations = self._kept_relations(set(self.subjects))
        shared = self._shared_bodies()
        store.put_subjects((self._subject(s, shared) for s in self.subjects.values()), relations)
        return len(self.subjects), len(relations)

    def _derive(self) -> None:
        self._entity_subjects()
        self._find_dissolution_items()
        self._instances()
        self._topics()
        self._candidates()
        self._search_names()
        self._merge_same()
        self._drop_generic()
        self._plans_per_government()
        self._index_mentions()
        self._same_as()
        self._cue_relations()
        self._placements()
        self._proposals_to_outcomes()
        if self.release:
            self.mentions = self.ent_spans = self.ent_bounds = self.in_decision = None
            for doc in self.docs.values():
                doc.text = ""  # what is left needs dates and pages only

    def _date(self, doc_id: str) -> str:
        return self.docs[doc_id].date or "9999"

    def _entity_subjects(self) -> None:
        bodies = self._body_subjects()
        subjects, ent_spans, no_body = self.subjects, self.ent_spans, (None, None)
        for n, e in enumerate(self.entities):
            doc_id, label, text, start, end, canonical = e[:6]
            cid = canonical or slug(text)
            sid, gov = bodies.get(n, no_body)
            if sid is None:
                sid = cid
            s = subjects.get(sid)
            if s is None:
                entry = self.kb.get(cid)
                kind = "plan" if entry is not None and entry.kind == "programme" else "entity"
                name = entry.name if entry else ""
                s = self.subjects[sid] = SubjectDraft(sid, actor_name(cid, gov) if gov else name, e.label, kind,
                                                      generic=bool(entry and entry.generic) or sid in self.generic_bodies,
                                                      type_kind=entry.kind if entry else "",
                                                      government=gov, body=cid if n in bodies else None)
            s.forms[text] += 1
            s.spans.add((doc_id, start, end))
            ent_spans[doc_id].append((start, end, sid))
        for spans in self.ent_spans.values():
            spans.sort()
        # where each document's entity mentions start and end, as plain numbers (what ``_covered`` bisects)
        self.ent_bounds = {doc_id: ([x[0] for x in spans], [x[1] for x in spans])
                           for doc_id, spans in self.ent_spans.items()}
        if self.release:
            self.entities = []
        for s in self.subjects.values():
            if not s.name:
                plain = [f for f, _ in s.forms.most_common() if not is_acronym(f)]
                s.name = plain[0] if plain else s.forms.most_common(1)[0][0]

    def _body_subjects(self) -> dict[int, tuple[str, str | None]]:
        """A kind of body every government has ("gemeenteraad", "dagelijks bestuur"), one subject per government:
        entity index -> (subject id, government) for the mentions of such bodies.

        A mention's government is the one the text names beside it ("de gemeenteraad van Enschede"), else, in
        a document whose government is known, the document's for a body of its own level and the one the
        entity component inferred (the entity's ``parent``) for another level's. A mention without one joins
        the body's only government in the same document. In a document of unknown government the rest are
        one subject with the body's plain id and name; next to them, each government's subject is
        ``<body>_<government>``, else the government met most keeps the plain id. A plural ("de
        gemeenteraden") or a body no government can be given to in a known government's document names no
        one body: no subject."""
        govs: dict[int, str | None] = {}
        per_doc: dict[tuple[str, str], Counter] = defaultdict(Counter)
        bodies: dict[str, object] = {}  # canonical id -> its knowledge-base entry when a kind of body, else None
        for n, e in enumerate(self.entities):
            if e.label != "ORGAN" or not e.canonical:
                continue
            entry = bodies.get(e.canonical, _NONE)
            if entry is _NONE:
                entry = self.kb.get(e.canonical)
                if entry is None or entry.kind != "type" or entry.level == "rijk":
                    entry = None
                entry = bodies[e.canonical] = entry
            if entry is None:
                continue
            gov = govs[n] = self._mention_government(e, entry)
            if gov and gov is not _NONE:
                per_doc[(e.doc_id, e.canonical)][gov] += 1
        counts: dict[str, Counter] = defaultdict(Counter)
        for n, gov in govs.items():
            e = self.entities[n]
            if gov is None:
                known = per_doc.get((e.doc_id, e.canonical))
                if known and len(known) == 1:
                    gov = govs[n] = next(iter(known))
            counts[e.canonical][gov] += 1
        ids: dict[tuple[str, object], str] = {}
        unknown: dict[str, str] = {}  # body -> the government its mentions in documents of unknown government get
        for body, by_gov in counts.items():
            named = [(g, k) for g, k in by_gov.items() if g and g is not _NONE]
            if len(named) == 1 and None in by_gov:  # nothing to confuse it with: the only government met
                unknown[body] = named[0][0]
                named = [(named[0][0], named[0][1] + by_gov[None])]
            main = None if None in by_gov and body not in unknown or not named else max(
                named, key=lambda gk: (gk[1], gk[0]))[0]
            ids[(body, None)] = body
            for g, _ in named:
                ids[(body, g)] = body if g == main else f"{body}_{slug(g)}"
            ids[(body, _NONE)] = f"{body}_{GENERIC_SUFFIX}"
        self.generic_bodies = {sid for sid in ids.values() if sid.endswith(f"_{GENERIC_SUFFIX}")}
        out = {}
        for n, gov in govs.items():
            body = self.entities[n].canonical
            gov = unknown.get(body) if gov is None else gov
            out[n] = (ids[(body, gov)], None if gov is _NONE else gov)
        return out

    def _mention_government(self, e, entry) -> str | None | object:
        """The government a mention of a kind of body belongs to; None where the document's government is not
        known; ``_NONE`` for a plural or a body of no government in particular."""
        doc = self.docs[e.doc_id]
        plural = self._plural.get((e.text, e.canonical))
        if plural is None:
            text = _fold_name(e.text)
            plural = self._plural[(e.text, e.canonical)] = (
                not is_acronym(e.text) and e.text not in entry.abbreviations and text != _fold_name(entry.name)
                and text.endswith(("en", "s")))
        if plural:
            return _NONE  # "de gemeenteraden", "raden"
        parent = getattr(e, "parent", None)
        named = government_name(parent) if parent else None
        if named and self._named_beside(doc.text, e.end, parent, named):
            return named
        level = LEVEL_KIND.get(entry.level)
        if not doc.government:
            return None
        if level is None or level == doc.government_kind:
            return doc.government
        return named or _NONE

    def _named_beside(self, text: str, end: int, parent: str, name: str) -> bool:
        """Whether the text names the government ``parent``/``name`` right after a body ("raad van Enschede")."""
        rx = _beside_re(parent, name)
        return rx is not None and rx.match(fold(text[end:end + 60])) is not None

    def _entities_in(self, doc_id: str, start: int, end: int) -> list[tuple[int, int, str]]:
        spans = self.ent_spans.get(doc_id, [])
        i = bisect.bisect_left(spans, (start, -1, ""))
        out = []
        while i < len(spans) and spans[i][0] < end:
            if spans[i][1] <= end:
                out.append(spans[i])
            i += 1
        return out

    def _covered(self, doc_id: str, start: int, end: int) -> bool:
        """Whether one of the (up to eight) entity mentions starting last before ``end`` overlaps the span."""
        bounds = self.ent_bounds.get(doc_id)
        if not bounds:
            return False
        starts, ends = bounds
        i = bisect.bisect_right(starts, end)
        for k in range(i - 1, max(0, i - 8) - 1, -1):
            if starts[k] < end and ends[k] > start:
                return True
        return False

    def _specific(self, sid: str) -> bool:
        s = self.subjects.get(sid)
        return s is not None and not s.generic and s.type_kind != "type" and s.kind != "topic"

    def _find_dissolution_items(self) -> None:
        cues = [c for c in self.rules["cues"] if c.get("targets") == "after"]
        for doc in self.docs.values():
            part = self.parts.for_doc(doc.doc_id)
            if "dissolution" not in part:
                part["dissolution"] = found = []
                self.parts.touch(doc.doc_id)
                for us, ue in units(doc.text):
                    unit = doc.text[us:ue]
                    if not re.search(self.rules["list_intro"], unit) or not any(c["re"].search(unit) for c in cues):
                        continue
                    found.extend([us, hs, he, end] for hs, he, end in self._list_items(doc, ue))
            for us, hs, he, end in part["dissolution"]:
                self.dissolution_items.append((doc.doc_id, us, hs, he))
                self.item_ends[(doc.doc_id, hs)] = end
            self.parts.release(doc.doc_id, "dissolution")

    def _list_items(self, doc: DocText, after: int) -> list[tuple[int, int, int]]:
        """(head start, head end, item end) of the numbered/bulleted items following offset ``after``."""
        while after < len(doc.text) and doc.text[after] in " \t\n:":
            after += 1
        block_end = doc.text.find("\n\n", after)
        block_end = len(doc.text) if block_end < 0 else block_end
        items, pos = [], after
        for line in doc.text[after:block_end].split("\n"):
            if ITEM_RE.match(line):
                m = ITEM_RE.match(line)
                hs = pos + m.end()
                colon = line.find(":", m.end())
                he = pos + (colon if colon > 0 else len(line.rstrip()))
                if items:
                    items[-1] = (*items[-1][:2], pos)
                items.append((hs, he, pos + len(line)))
            elif items:
                items[-1] = (*items[-1][:2], pos + len(line))
            pos += len(line) + 1
        return items

    def _instances(self) -> None:
        """New organisations introduced by 'een ...' in proposals, outcomes and dissolution items."""
        inst = self.rules["instance"]
        heads = tuple(inst["heads"])
        spans = [(d.doc_id, d.start, d.end) for d in self.decisions if d.status in PROPOSED + HAPPENED]
        items = [(doc, hs, self.item_ends.get((doc, hs), he)) for doc, _, hs, he in self.dissolution_items]
        by_focus: dict[tuple[str, str], str] = {}
        for doc_id, start, end in items + spans:
            text = self.docs[doc_id].text
            for m in re.finditer(r"\b[Ee]en\s+", text[start:end]):
                pos = start + m.end()
                words = list(re.finditer(r"\S+", text[pos:min(end, pos + 120)]))[: inst["max_modifiers"] + 1]
                head = None
                for k, w in enumerate(words):
                    word = w.group().rstrip(",.;:)")
                    if fold(word).endswith(heads) or fold(word) in heads:
                        head = k
                        break
                    if word != w.group() or not word.isalpha() or not word.islower() or word in FUNCTION_WORDS:
                        break
                if head is None:
                    continue
                hw = words[head].group().rstrip(",.;:)")
                ns, ne = pos, pos + words[head].start() + len(hw)
                inner = self._entities_in(doc_id, ns, ne)
                if any(self._specific(c) or self.subjects[c].type_kind == "type" for _, _, c in inner):
                    continue
                after = [a for a in self._entities_in(doc_id, ne, ne + 200) if a[0] - ne <= 1 and self._specific(a[2])]
                if after:  # "een uitvoeringsorganisatie Twente Board Development": a type word, not a new thing
                    self.subjects[after[0][2]].types.add(fold(hw))
                    continue
                base = " ".join(text[ns:ne].split())
                if len(base.split()) < 2 and not focus_in(inst, text[ne:end]):
                    continue  # a bare "een organisatie ..." names nothing
                sentence_end = re.search(r"[.;:]\s|\n|$", text[ne:end])
                fm = inst["focus_re"].search(text[ne:ne + sentence_end.start()])
                focus = fm.group("focus").lower() if fm else ""
                members = []
                for _, _, c in self._entities_in(doc_id, start, end):
                    if self._specific(c) and c not in members:
                        members.append(c)
                key = (doc_id, focus)
                if focus and key in by_focus:
                    s = self.subjects[by_focus[key]]
                    s.forms[base] += 1
                    s.spans.add((doc_id, ns, ne))
                    continue
                name = f"{base} {focus}".strip() if focus and focus not in base.lower() else base
                sid = slug(name)
                if sid in self.subjects and self.subjects[sid].kind != "instance":
                    sid = f"{sid}_{doc_id[:3]}"
                s = self.subjects.setdefault(sid, SubjectDraft(sid, name, "ORG", "instance"))
                s.forms[base] += 1
                s.spans.add((doc_id, ns, ne))
                s.members = s.members or members
                s.types.add(fold(hw))
                s.types.update(c for _, _, c in inner)
                s.searchable = len(base.split()) >= 2 and not self.kb.lookup(base)
                if focus:
                    by_focus[key] = sid

    def _topics(self) -> None:
        """Items a proposal enumerates ("1. Arbeidsmarkt", "onderdelen: A, B en C") become subjects."""
        self.proposal_items: list[tuple[Decision, list[str]]] = []
        decs = sorted(self.decisions, key=lambda d: (d.doc_id, d.start))
        for n, dec in enumerate(decs):
            if dec.status not in PROPOSED:
                continue
            doc = self.docs[dec.doc_id]
            parts: list[tuple[int, int]] = []
            colon = dec.text.rfind(":")
            if colon >= 0 and colon < len(dec.text) - 2:
                tail_start = dec.start + colon + 1
                for m in re.finditer(r"[^,;]+", doc.text[tail_start:dec.end]):
                    for piece in re.split(r"\s+en\s+|/", m.group()):
                        ps = doc.text.find(piece, tail_start + m.start())
                        parts.append((ps, ps + len(piece)))
            if dec.text.rstrip().endswith(":"):
                nxt = decs[n + 1].start if n + 1 < len(decs) and decs[n + 1].doc_id == dec.doc_id else len(doc.text)
                for hs, he, _ in self._list_items(doc, dec.end):
                    if hs >= nxt:
                        break
                    pos = hs
                    for piece in doc.text[hs:he].split("/"):
                        parts.append((pos, pos + len(piece)))
                        pos += len(piece) + 1
            items = []
            for ps, pe in parts:
                raw = doc.text[ps:pe]
                ps += len(raw) - len(raw.lstrip())
                raw = raw.strip().rstrip(".")
                pe = ps + len(raw)
                if not raw:
                    continue
                inner = self._entities_in(dec.doc_id, ps, pe + 1)
                if inner:
                    items.extend(c for _, _, c in inner if c not in items)
                    continue
                if self._covered(dec.doc_id, ps, pe) or not raw[:1].isupper() or len(raw.split()) > 3:
                    continue
                sid = slug(raw)
                s = self.subjects.setdefault(sid, SubjectDraft(sid, raw, "TOPIC", "topic", searchable=True))
                s.forms[raw] += 1
                s.spans.add((dec.doc_id, ps, pe))
                items.append(sid)
            if items:
                self.proposal_items.append((dec, items))

    def _candidates(self) -> None:
        """Names the entity component did not tag: quoted names, recurring capitalised names, plan compounds."""
        cand = self.rules["candidates"]
        not_first = set(cand["not_first"])
        conn = "|".join(cand["connectors"])
        found: dict[str, tuple[str, str, Counter]] = {}
        quoted = re.compile(r"[\u2018\u201c\"']\s*([A-Z][\w\u00C0-\u017F-]*(?:\s+[\w\u00C0-\u017F-]+){0,3})\s*[\u2019\u201d\"']")
        capital = re.compile(r"\b([A-Z][\w\u00C0-\u017F-]+(?:\s+(?:(?:" + conn + r")\s+)?[A-Z][\w\u00C0-\u017F-]+){1,3})")
        plan = re.compile(r"\b([a-z\u00C0-\u017F]{3,}(?:" + "|".join(cand["plan_suffixes"]) + r"))\b")
        plan_words = re.compile("|".join(map(re.escape, cand["plan_suffixes"])))
        plain = all(re.fullmatch(r"[a-z\u00C0-\u017F]+", suf) for suf in cand["plan_suffixes"])

        def plans(text: str):
            """``plan.finditer(text)``, tried only on the runs of lower-case letters that hold a plan word."""
            if not plain:
                yield from plan.finditer(text)
                return
            done = -1
            for m in plan_words.finditer(text):
                if m.start() < done:
                    continue
                start, end = m.start(), m.end()
                while start > 0 and _lower_letter(text[start - 1]):
                    start -= 1
                while end < len(text) and _lower_letter(text[end]):
                    end += 1
                done = end
                yield from plan.finditer(text, start, min(len(text), end + 1))

        kinds = (("name", quoted, "NAME"), ("name", capital, "NAME"), ("plan", plan, "PROGRAMME"))

        def scan(doc: DocText) -> list[list]:
            """[kind, name, start, end] of the document's candidate names (before the corpus-wide checks)."""
            out = []
            for k, (kind, rx, _) in enumerate(kinds):
                for m in (plans(doc.text) if rx is plan else rx.finditer(doc.text)):
                    words = m.group(1).split()
                    while words and fold(words[0]) in not_first:
                        words.pop(0)  # "Het Kustfonds Noord" -> "Kustfonds Noord"
                    if not words or rx is capital and len(words) < 2 or fold(words[-1]) in not_first:
                        continue
                    if kind == "name" and self._layout(doc.text, m.start(1), m.group(1), words):
                        continue
                    text = " ".join(words)
                    if kind == "plan" and fold(text).startswith(tuple(cand["plan_suffixes"])):
                        continue
                    if kind == "name" and text.isupper():
                        continue
                    out.append([k, text, m.start(1), m.end(1)])
            return out

        in_kb: dict[str, bool] = {}
        keys: dict[str, str] = {}  # a candidate's text -> its spaceless key
        for doc in self.docs.values():
            part = self.parts.for_doc(doc.doc_id)
            if "candidates" not in part:
                part["candidates"] = scan(doc)
                self.parts.touch(doc.doc_id)
            for k, text, start, end in part["candidates"]:
                kind, _, label = kinds[k]
                if self._covered(doc.doc_id, start, end):
                    continue
                if kind == "name":
                    if text not in in_kb:
                        in_kb[text] = bool(self.kb.lookup(text))
                    if in_kb[text]:
                        continue
                key = keys.get(text)
                if key is None:
                    key = keys[text] = spaceless(text)
                rec = found.get(key)
                if rec is None:
                    rec = found[key] = (kind, label, Counter())
                rec[2][text] += 1
            self.parts.release(doc.doc_id, "candidates")
        for key, (kind, label, forms) in found.items():
            name = forms.most_common(1)[0][0]
            least = cand["plan_min_count"] if kind == "plan" else cand["name_min_count"]
            if sum(forms.values()) < least:
                continue
            sid = slug(name)
            if sid in self.subjects:
                continue
            self.subjects[sid] = SubjectDraft(sid, name, label, kind, searchable=True)

    def _layout(self, text: str, start: int, found: str, words: list[str]) -> bool:
        """Whether a capitalised or quoted run is page furniture, not a name: it spans a blank line, holds a
        letterhead word ("Kenmerk", "Uw"), is made of kinds of document only ("Toelichting Plan"), or is a
        postcode's letters with the place ("8000 GB Zwolle")."""
        lw = self.words
        if re.search(r"\n\s*\n", found):
            return True
        folded = [fold(w).strip(".,:;()") for w in words]
        if any(w in lw["layout_set"] for w in folded):
            return True
        if len(folded) >= 2 and all(w in lw["kinds_set"] for w in folded):
            return True
        return bool(re.fullmatch(r"[A-Z]{2}", words[0]) and any(
            lw["postcode_re"].fullmatch(text[max(0, start - k):start + 2]) for k in (4, 5)))

    def _drop_generic(self) -> None:
        """Generic words are no subjects: kinds of plans and documents ("bestemmingsplan", also a plan word met
        in the documents of several governments), names found in the text that are mostly written in lower
        case ("Wonen"/"wonen", "Ruimtelijke Ordening"), knowledge-base entries marked generic ("provincie"),
        and the mentions of a kind of body that belong to no government in particular."""
        lw = self.words
        span_texts = self._span_texts({s.id: list(s.spans) for s in self.subjects.values() if s.kind == "name"})
        for sid in list(self.subjects):
            s = self.subjects[sid]
            entry = self.kb.get(sid) if s.kind in ("entity", "plan") else None
            kb_named = entry is not None and entry.kind not in ("programme", "type")
            drop = s.generic
            if not drop and s.kind in ("name", "plan", "entity") and not kb_named and is_kind_word(s.name):
                drop = True
            elif not drop and s.kind == "name":
                texts = span_texts[sid]
                lower = sum(t == t.lower() for t in texts)
                drop = bool(texts) and (lower >= lw["lowercase_share"] * len(texts)
                                        or len(s.name.split()) == 1 and lower >= lw["lowercase_single"])
            elif not drop and s.kind == "plan" and entry is None and len(s.name.split()) == 1:
                govs = {self.docs[d].government for d, _, _ in s.spans if self.docs[d].government}
                drop = len(govs) >= lw["min_governments"] or self._counted(s)
            if drop:
                _log.debug("generic, no subject: %s", sid)
                del self.subjects[sid]

    def _plan_like(self, s: SubjectDraft) -> bool:
        """Whether a subject is a plan, policy or programme of its own government: a plan compound found in
        the text ("woonakkoord"), or a name found in the text that holds a kind of plan or a plan word
        ("Omgevingsvisie Stad en Land", "Woonvisie 2030"); never a knowledge-base entry or a kind of body."""
        if s.body or self.kb.get(s.id) is not None or s.kind not in ("plan", "name"):
            return False
        if s.kind == "plan":
            return True
        suffixes = tuple(self.rules["candidates"]["plan_suffixes"])
        return any(fold(w) in self.words["kinds_set"] or fold(w).endswith(suffixes)
                   for w in re.findall(r"[\w\u00C0-\u017F-]+", s.name))

    def _span_government(self, doc_id: str, start: int, end: int, others: set[str]) -> str | None:
        """The government a plan's mention belongs to: the one its name holds ("Woonvisie Enschede") or the
        text names right after it ("de Omgevingsvisie van Hengelo"); else the one of ``others`` (the
        governments of the plan's other documents) its sentence names ("het beleid van de provincie
        Overijssel staat in de Omgevingsvisie"); else its document's (None: unknown)."""
        text = self.docs[doc_id].text
        words = text[start:end].split()[1:]
        m = _GOVERNMENT_AFTER.match(text[end:end + 60])
        for run in ([words[k:] for k in range(len(words))] + ([m.group(1).split()] if m else [])):
            found = _government_at(run)
            if found is not None:
                return found
        own = self.docs[doc_id].government
        cut = max(text.rfind(". ", max(0, start - 300), start), text.rfind("\n\n", max(0, start - 300), start))
        stop = [i for i in (text.find(". ", end, end + 300), text.find("\n\n", end, end + 300)) if i >= 0]
        sentence = text[cut + 1 if cut >= 0 else max(0, start - 300):min(stop) if stop else end + 300]
        named = {g for m in _CAPITALISED.finditer(sentence) if (g := _government_of(m.group().split()))}
        linked = {g.name for g in named if g.name != own and g.name in others}
        return linked.pop() if len(linked) == 1 else own

    def _plans_per_government(self) -> None:
        """A plan of one government is not another's plan of the same name: the "Omgevingsvisie" of Enschede
        and of Hengelo are two subjects ("... Enschede", "... Hengelo"), each with its government, unless the
        text links them (a mention whose name or sentence names the government of the plan's other
        documents belongs to that government). Mentions in documents of unknown government join the only
        government met, else the one met most, which also keeps the subject's id. A plan the documents of
        ``min_governments`` or more governments name is a shared one (a national policy, a guide) and stays
        whole; one whose documents' governments the text links into one gets that one as its government."""
        for sid in list(self.subjects):
            s = self.subjects[sid]
            if not self._plan_like(s):
                continue
            doc_govs = {self.docs[d].government for d, _, _ in s.spans if self.docs[d].government}
            by_gov: dict[str | None, set] = defaultdict(set)
            for span in sorted(s.spans):  # a document's text read once
                by_gov[self._span_government(*span, doc_govs)].add(span)
            named = sorted((g for g in by_gov if g), key=lambda g: (-len(by_gov[g]), g))
            if len(doc_govs) < 2 or not named or len(named) >= self.words["min_governments"]:
                continue  # one government's documents; or a plan many governments cite (a national policy, a guide)
            by_gov[named[0]] |= by_gov.pop(None, set())
            if len(named) == 1:
                s.government = named[0]
                continue
            del self.subjects[sid]
            for n, gov in enumerate(named):
                new_id = sid if n == 0 else f"{sid}_{slug(gov)}"
                name = s.name if fold(gov) in fold(s.name) else f"{s.name} {gov}"
                self.subjects[new_id] = SubjectDraft(
                    new_id, name, s.label, s.kind, generic=s.generic, type_kind=s.type_kind, forms=Counter(s.forms),
                    spans=by_gov[gov], types=set(s.types), members=list(s.members), government=gov)
                _log.debug("plan of several governments: %s -> %s", sid, new_id)

    def _counted(self, s: SubjectDraft) -> bool:
        """Whether the documents of a one-word plan use it as a kind: with "een" or in the plural ("een
        postzegelplan", "projecten"); one plan is "de veranderopdracht"."""
        word = re.escape(fold(s.name))
        rx = re.compile(r"\b(?:een|twee|drie|enkele|meerdere|diverse|verschillende|andere)\s+" + word + r"\b|\b"
                        + word + r"(?:en|nen|s|'s)\b")
        return any(rx.search(fold(self.docs[d].text)) for d in {d for d, _, _ in s.spans})

    def _search_names(self) -> None:
        """Mentions of subjects found in the text by name (topics, candidates, multiword instances).

        A name is only looked for in the documents that hold all its words, and all names are looked
        for in one pass over each document (which also counts the words the relations pass needs)."""
        todo = []
        for s in list(self.subjects.values()):
            if s.searchable:
                todo.append((s, sorted({s.name} | {f for f in s.forms if len(f) >= 4})))
        found = self._name_matches({name for _, names in todo for name in names})
        if len(self.docs) >= COMMON_MIN_DOCS:
            self._common = self.parts.words.common(COMMON_SHARE)
        covered = self._covered
        for s, names in todo:
            check = s.kind != "instance"  # an instance's mentions may lie in an entity's
            spans, forms = s.spans, s.forms
            for name in names:
                for doc_id, hits in found.get(name):
                    for start, end, text in hits:
                        if check and covered(doc_id, start, end):
                            continue
                        spans.add((doc_id, start, end))
                        forms[text] += 0
            if not s.spans:
                del self.subjects[s.id]
        counted = [s for s, _ in todo if s.spans and s.kind in ("name", "plan")]
        texts = self._span_texts({s.id: list(s.spans) for s in counted})
        for s in counted:
            s.forms.update(texts[s.id])

    def _name_matches(self, names: set[str]) -> _NameMatches:
        """Where each of ``names`` matches, in corpus order, and (into ``parts.words``) the documents each
        folded word is in. A document scanned before keeps its matches and words in its parts: it is only
        scanned again for the names that are new since, when it holds all their words; its words are only
        counted when the counts kept from earlier builds do not hold them (see ``parts.WordCounts``)."""
        words = self.parts.words
        if not words.usable(COMMON_SHARE, len(self.docs)):
            words = self.parts.words = WordCounts()
        keys = self.parts.keys or {}
        before = self.parts.names
        looked_for = names | (before or set())  # what every document's parts cover afterwards
        every = None
        added = names - before if before is not None else set()
        extra = _NameIndex(added) if added else None
        found = _NameMatches()
        for doc_id, doc in self.docs.items():
            part = self.parts.for_doc(doc_id)
            if "hits" not in part:
                every = every or _NameIndex(looked_for)
                part["hits"], part["present"], part["folded"] = every.scan(doc.text)
                self.parts.touch(doc_id)
            elif extra is not None:
                present = set(part["present"].split("\n"))
                if any(extra.words[name] <= present for name in added):
                    more = extra.scan(doc.text)[0]
                    if more:
                        part["hits"].update(more)
                        self.parts.touch(doc_id)
            if not words.counted(doc_id):
                words.add(doc_id, keys.get(doc_id), part["folded"])
            for name, hits in part["hits"].items():
                if name in names:
                    found.add(name, doc_id, hits)
            for key in ("hits", "present", "folded"):
                self.parts.release(doc_id, key)
        self.parts.names_after = looked_for
        return found

    def _find(self, x: str) -> str:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def _merge_same(self) -> None:
        """One subject for spacing variants, fuzzy variants and acronyms (never two KB entries)."""
        known = self.kb.is_known
        ids = [s.id for s in self.subjects.values() if s.kind != "topic" and not s.generic]
        keys: list[tuple[str, str]] = []
        for sid in ids:
            s = self.subjects[sid]
            for f in ({s.name} if s.kind == "instance" else sorted(set(s.forms) | {s.name})):
                if not is_acronym(f) and sid in (self.kb.lookup(f) or [sid]):
                    keys.append((spaceless(f), sid))

        def union(a: str, b: str) -> None:
            ra, rb = self._find(a), self._find(b)
            if ra == rb or (known(ra) and known(rb)) or self.subjects[ra].body or self.subjects[rb].body:
                return  # two knowledge-base entries, or a kind of body of one government: never one subject
            if known(rb) or (not known(ra) and self.subjects[rb].kind == "entity" and self.subjects[ra].kind != "entity"):
                ra, rb = rb, ra
            self.parent[rb] = ra

        key_list = [k for k, _ in keys]
        for k, sid in keys:
            if len(k) < FUZZY_MIN_LEN:
                for k2, sid2 in keys:
                    if k2 == k and sid2 != sid:
                        union(sid, sid2)
                continue
            budget = 1 if len(k) < FUZZY_LONG else 2
            for _, d, i in process.extract(k, key_list, scorer=Levenshtein.distance, score_cutoff=budget, limit=6):
                other = keys[i][1]
                if other != sid and self.subjects[other].label == self.subjects[sid].label or d == 0 and other != sid:
                    union(sid, other)
        expansions: dict[str, set[str]] = defaultdict(set)
        for k, sid in keys:
            for f in self.subjects[sid].forms:
                if len(f.split()) >= 2 and not is_acronym(f):
                    expansions[initials(f)].add(sid)
        for sid in ids:
            for f in self.subjects[sid].forms:
                if is_acronym(f):
                    cands = {self._find(x) for x in expansions.get(fold(f), ())} - {self._find(sid)}
                    if len(cands) == 1:
                        union(cands.pop(), sid)
        for sid in list(self.subjects):
            root = self._find(sid)
            if root != sid:
                a, b = self.subjects[root], self.subjects.pop(sid)
                a.forms.update(b.forms)
                a.spans |= b.spans
                a.types |= b.types
                _log.debug("same subject: %s <- %s", root, sid)

    # -- output ---------------------------------------------------------------
    def _finish(self) -> tuple[list[Subject], list[Relation]]:
        shared = self._shared_bodies()
        out = [self._subject(s, shared) for s in self.subjects.values()]
        out.sort(key=lambda s: (-s.mentions, s.id))
        by_id = {s.id: s for s in out}
        self.relations = self._kept_relations(by_id.keys())
        for r in self.relations:
            if r.source in by_id:
                by_id[r.source].relations.append(r)
            if r.target in by_id and r.type != "same_as" and r.target != r.source:
                by_id[r.target].incoming.append(r)
        return out, self.relations

    def _shared_bodies(self) -> set[str]:
        """The kinds of body more than one government's subject is made of ("gemeenteraad")."""
        per_body = Counter(s.body for s in self.subjects.values() if s.body)
        return {b for b, n in per_body.items() if n > 1}

    def _kept_relations(self, ids) -> list[Relation]:
        """The relations between subjects that are kept (``ids``), or to a place named in the text."""
        return [r for r in self.relations if r.source in ids and (r.type == "same_as" or r.target in ids
                                                                  or r.type in ("diverged", "moved_to"))]

    def _subject(self, s: SubjectDraft, shared_bodies: set[str]) -> Subject:
        """The record of one subject (its mentions let go of afterwards when the builder releases what it used)."""
        spans: list[tuple[str, int, int, int]] = []
        rows: list[tuple[str, str, str | None, list[int]]] = []  # (date or "9999", doc_id, date, pages)
        doc_id = doc = pages = None
        one_page = 0  # the page of a document of one page (0: look each offset up)
        for d, st, en in sorted(s.spans):  # a document's mentions one after another, in order
            if d != doc_id:
                if doc_id is not None:
                    rows.append((doc.date or "9999", doc_id, doc.date, sorted(pages)))
                doc_id, doc, pages = d, self.docs[d], set()
                one_page = doc.page_starts[0][1] if len(doc.page_starts) == 1 else 0
            page = one_page or doc.page_of(st)
            pages.add(page)
            spans.append((d, st, en, page))
        if doc_id is not None:
            rows.append((doc.date or "9999", doc_id, doc.date, sorted(pages)))
        if self.release:
            s.spans = set()
        rows.sort()  # by date, then doc_id (unique: nothing after it is compared)
        docs = [built(SubjectDoc, doc_id=d, date=date, pages=p) for _, d, date, p in rows]
        dates = [date for _, _, date, _ in rows if date]
        aliases = [" ".join(f.split()) for f, _ in s.forms.most_common() if f != s.name and f.strip()
                   and (fold(f) == fold(s.name) or self._other_name(s, f))]
        # (a name a line break ran through is the same name: "Omgevingsverordening\nOverijssel")
        aliases = [a for a in dict.fromkeys(aliases) if a != " ".join(s.name.split())]
        if s.body and s.government and s.body in shared_bodies:
            # the bare "gemeenteraad" names each government's; with the government it names one
            aliases = [f"{a} {s.government}" if fold(s.government) not in fold(a) else a for a in aliases]
            aliases = list(dict.fromkeys(a for a in aliases if fold(a) != fold(s.name)))
        # built from checked parts; validating a long list of spans again costs more than the rest
        return built(
            Subject, id=s.id, name=s.name, label=s.label, kind=s.kind, generic=bool(s.generic), aliases=aliases,
            documents=docs, first_seen=min(dates) if dates else None, last_seen=max(dates) if dates else None,
            mentions=len(spans), relations=[], incoming=[], government=s.government, body=s.body, spans=spans)


_TOKEN_RE = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_JOINS = re.compile(r"[-'\u00d7\u00f7]")  # what joins \w+ words into one of WORD_RE
_PARTS = _JOINS


def _second_key(name: str) -> str | None:
    """The second word of ``name`` (folded), when its first word is plain ASCII letters and digits and its
    second begins with them: a match then has a word folding to it right after the first word."""
    parts = name.split()
    if len(parts) < 2 or not re.fullmatch(r"[a-zA-Z0-9_]+", parts[0]):
        return None
    m = _TOKEN_RE.match(parts[1])
    return m.group().lower() if m and m.group().isascii() else None


def _name_key(name: str) -> tuple[str, bool] | None:
    """How a name's matches are found: (its first word, True) when that is plain ASCII letters and digits,
    else (the plain beginning of that word, False); None when the name does not begin with one."""
    parts = name.split()
    m = _TOKEN_RE.match(parts[0]) if parts else None
    if not m:
        return None
    word = m.group()
    if word.isascii():
        return word.lower(), True
    plain = re.match(r"[a-zA-Z0-9_]+", word)
    return (plain.group().lower(), False) if plain else None


class _NameIndex:
    """Finds every match of each name's pattern (:func:`name_re`) in a document holding all its words.

    In one pass over the document: a match of a name can only start at a word that folds to the name's
    first word, so the pattern is tried there alone instead of scanning the whole text once per name.
    Names whose first word is not plain letters (a quote, a bracket, an accent) are scanned whole. What
    is found for a name does not depend on the other names looked for.
    """

    def __init__(self, names: set[str]) -> None:
        self.words = {name: frozenset(w.casefold() for w in WORD_RE.findall(name)) for name in names}
        self.by_key: dict[str, list[tuple[str, re.Pattern]]] = defaultdict(list)  # key: a whole first word
        self.by_start: dict[str, list[tuple[str, re.Pattern]]] = defaultdict(list)  # key: how the first word begins
        self.scanned: list[tuple[str, re.Pattern]] = []
        for name in sorted(names):
            found = _name_key(name)
            if found is None:
                self.scanned.append((name, name_re(name)))
            else:
                (self.by_key if found[1] else self.by_start)[found[0]].append((name, name_re(name), _second_key(name)))
        self.folded: dict[str, str] = {}
        self.keyed: dict[str, str] = {}  # token -> its fold_case

    def scan(self, text: str) -> tuple[dict[str, list[list]], list[str], list[str]]:
        """({name: [[start, end, text], ...]} of the names matching in ``text``, the text's words case-folded,
        the text's words folded (``fold``)), each set of words as one string, a word a line (one object
        per document instead of one per word, for the thousands of documents a build keeps parts of)."""
        folded, keyed, by_key, by_start = self.folded, self.keyed, self.by_key, self.by_start
        raw = set(WORD_RE.findall(text))
        present = {w.casefold() for w in raw}
        words_folded = {folded.get(w) or folded.setdefault(w, fold(w)) for w in raw}
        hits: dict[str, list[list]] = {}
        # the text's \w+ words: its words split where they join parts with - or ' (or hold × or ÷)
        tokens = {part for w in raw for part in (_PARTS.split(w) if _JOINS.search(w) else (w,)) if part}
        keys = {keyed.get(t) or keyed.setdefault(t, fold_case(t)) for t in tokens}
        keys = [(key, True) for key in sorted(keys & by_key.keys())]
        low = fold_case(text) if keys or by_start else ""
        keys += [(key, False) for key in sorted(by_start) if key in low]
        for key, whole in keys:
            cands = [c for c in (by_key if whole else by_start)[key] if self.words[c[0]] <= present]
            if not cands:
                continue
            last: dict[str, int] = {}
            pos = low.find(key)
            while pos >= 0:
                end = pos + len(key)
                # where a word starts (the word a match starts with), and for a whole key where it ends
                if (pos == 0 or not _WORD_CHAR.match(text, pos - 1)) and not (whole and _WORD_CHAR.match(text, end)):
                    nxt = _NEXT_WORD.match(text, end) if whole else None
                    second = fold_case(nxt.group(1)) if nxt else None
                    for name, rx, key2 in cands:
                        if key2 is not None and key2 != second or pos < last.get(name, 0):
                            continue
                        hit = rx.match(text, pos)
                        if hit:
                            hits.setdefault(name, []).append([hit.start(), hit.end(), hit.group()])
                            last[name] = hit.end()
                pos = low.find(key, end)
        for name, rx in self.scanned:
            if self.words[name] <= present:
                found = [[m.start(), m.end(), m.group()] for m in rx.finditer(text)]
                if found:
                    hits[name] = found
        return hits, "\n".join(present), "\n".join(words_folded)


class _NameMatches:
    """name -> (doc_id, [[start, end, text], ...]) of the documents where it matches, in corpus order."""

    def __init__(self) -> None:
        self.found: dict[str, list[tuple[str, list[list]]]] = defaultdict(list)

    def add(self, name: str, doc_id: str, hits: list[list]) -> None:
        self.found[name].append((doc_id, hits))

    def get(self, name: str) -> list[tuple[str, list[list]]]:
        """(doc_id, [[start, end, text], ...]) of the documents where ``name`` matches, in corpus order."""
        return self.found.get(name, [])


def _lower_letter(ch: str) -> bool:
    """In ``[a-z\u00C0-\u017F]``, the letters a plan compound is made of."""
    return "a" <= ch <= "z" or "\u00C0" <= ch <= "\u017F"


def focus_in(inst: dict, text: str) -> bool:
    end = re.search(r"[.;:]\s|\n|$", text)
    return inst["focus_re"].search(text[:end.start()]) is not None


def derive(docs: list[DocText], entities: Iterable[Entity | Mention], decisions: Iterable[Decision]) -> tuple[list[Subject], list[Relation]]:
    """Subjects and relations of a corpus: documents (texts with dates), canonical entities (records or
    :class:`Mention` rows), decisions."""
    return _Builder(list(docs), list(entities), list(decisions)).run()


# --------------------------------------------------------------------------- store
class _PackedText(DocText):
    """A document whose text is held as UTF-8 (half the memory of a Python string holding one character
    beyond Latin-1; a corpus's texts are the largest part of what deriving its subjects holds) and decoded
    when read; the texts read last are kept decoded. Passes over many documents read them in order."""

    @property
    def text(self) -> str:
        return _unpack(self._packed) if self._packed else ""

    @text.setter
    def text(self, value: str) -> None:
        self._packed = value.encode("utf-8") if value else b""


@lru_cache(maxsize=64)
def _unpack(packed: bytes) -> str:
    return packed.decode("utf-8")


def corpus_from_store(store) -> tuple[list[DocText], list[Mention], list[DecisionRow]]:
    """What derive() needs, read from a :class:`~pipeline.store.Store` (entities and decisions as light
    :class:`Mention` and :class:`DecisionRow` rows)."""
    starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, page, start in store.page_starts():
        starts[doc_id].append((start, page))
    governments = {d.doc_id: (d.government, d.government_kind) for d in store.documents()}
    docs = []
    for doc_id, date, text, doc_type in store.texts():
        ps = sorted(starts.get(doc_id, [])) or [(0, 1)]
        ps[0] = (0, ps[0][1])
        gov, gov_kind = governments.get(doc_id, (None, None))
        docs.append(_PackedText(doc_id=doc_id, date=date, text=text, page_starts=ps, doc_type=doc_type,
                            government=gov, government_kind=gov_kind))
    # one string object per distinct id, label and name
    make = tuple.__new__  # what Mention(...) does, without a Python call per mention
    ents = [make(Mention, (intern(d), intern(lb), intern(t), st, en, c if c is None else intern(c),
                           p if p is None else intern(p)))
            for d, lb, t, st, en, c, p in store.entity_tuples(
                ("doc_id", "label", "text", "start", "end", "canonical", "parent"), SUBJECT_LABELS, ordered=True)]
    decisions = [DecisionRow(*row) for row in store.decision_tuples(DecisionRow._fields)]
    return docs, ents, decisions


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: a corpus-wide pass makes hundreds of thousands of small objects and
    frees them all at its end, and the collector would go over the whole heap again and again meanwhile
    (about a third of the subjects phase's time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def refresh(store, rederive: bool = False) -> tuple[int, int]:
    """Recompute subjects and relations of the whole corpus in ``store`` (caller holds the transaction).

    The texts are only scanned where the store holds no parts for them (:mod:`pipeline.link.parts`):
    documents new or changed since the last derivation, or all of them with ``rederive``, which forgets
    every stored part first. Either way the subjects and relations are the same."""
    from .parts import NAMES_STATE, WORDS_STATE, doc_keys

    keys = doc_keys(store.hashes())
    if rederive:
        store.clear_document_parts((NAMES_STATE, WORDS_STATE))
        parts = DocParts(keys=keys)
    else:
        parts = DocParts.load(store, keys)
    with without_cycle_collection():
        counts = _Builder(*corpus_from_store(store), release=True, parts=parts).write(store)
    written = parts.save(store, keys)
    _log.info("subject parts: %d of %d documents scanned or extended, the others' kept", written, len(keys))
    return counts


def refresh_if_needed(store, changed: bool = True, rederive: bool = False) -> None:
    """Recompute subjects when the corpus changed or none are stored yet (the build calls this);
    ``rederive``: scan every text again instead of using what earlier builds kept of each."""
    if changed or rederive or not store.has_subjects():
        refresh(store, rederive=rederive)
