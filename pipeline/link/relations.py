"""Relations between subjects (issue 6): the relation-finding half of the subject builder.

:class:`RelationFinder` is mixed into :class:`pipeline.link.subjects.SubjectBuilder`; it reads the subjects, documents,
decisions and dissolution items the builder found and adds ``same_as``, ``replaced_by``, ``ended``,
``dissolved_into``, ``realized_as``, ``diverged`` and ``moved_to`` relations, each with its evidence.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache

from ..models import Decision
from ..nlp.kb import fold, slug, spaceless
from .records import (WORD_RE, CUE_GAP, HAPPENED, MATCH_MIN, PROPOSED, DocText, Evidence, Relation, cosine,
                              is_acronym, SubjectDraft, fold_case, stems, units)

_log = logging.getLogger(__name__)

_LEAD_WORD = re.compile(r"\w+")
_folded = lru_cache(maxsize=65536)(fold)  # a mention's text, met again and again
# A word in this share of the documents says nothing about which proposal became which outcome.
COMMON_SHARE = 0.8
COMMON_MIN_DOCS = 4


class RelationFinder:
    """Mention index and relation finders; expects the attributes :class:`pipeline.link.subjects.SubjectBuilder` sets."""

    def _index_mentions(self) -> None:
        self.mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for s in self.subjects.values():
            for doc_id, st, en in s.spans:
                self.mentions[doc_id].append((st, en, s.id))
        for lst in self.mentions.values():
            lst.sort()
        self.in_decision: dict[str, list[Decision]] = defaultdict(list)
        for d in self.decisions:
            self.in_decision[d.doc_id].append(d)

    def _mentions_in(self, doc_id: str, start: int, end: int, specific: bool = True) -> list[tuple[int, int, str]]:
        lst = self.mentions.get(doc_id, [])
        i = bisect.bisect_left(lst, (start, -1, ""))
        out = []
        while i < len(lst) and lst[i][0] < end:
            st, en, sid = lst[i]
            if en <= end and (not specific or not self.subjects[sid].generic and self.subjects[sid].kind != "topic"):
                if not out or out[-1][2] != sid or out[-1][1] < st:
                    out.append(lst[i])
            i += 1
        return out

    def _evidence(self, doc_id: str, start: int, end: int) -> Evidence:
        doc = self.docs[doc_id]
        text = " ".join(doc.text[start:end].split())
        return Evidence(doc_id=doc_id, page=doc.page_of(start), text=text[:400], start=start, end=end, date=doc.date)

    def _unit_of(self, doc_id: str, offset: int) -> tuple[int, int]:
        text = self.docs[doc_id].text
        ls = text.rfind("\n", 0, offset) + 1
        le = text.find("\n", offset)
        le = len(text) if le < 0 else le
        for us, ue in units(text[ls:le]):
            if ls + us <= offset <= ls + ue:
                return ls + us, ls + ue
        return ls, le

    def _status(self, doc_id: str, start: int, end: int) -> str:
        for d in self.in_decision.get(doc_id, []):
            if d.start <= start and end <= d.end and d.status in PROPOSED:
                return d.status
        return "possible" if self.rules["hedge_re"].search(self.docs[doc_id].text[start:end]) else "stated"

    def _when(self, doc_id: str, start: int, end: int) -> str | None:
        for d in self.in_decision.get(doc_id, []):
            if d.start <= start < d.end and d.date:
                return d.date
        return None

    # -- relations -------------------------------------------------------------
    def _add(self, type_: str, source: str, target: str, ev: Evidence, target_name: str | None = None, **kw) -> None:
        if source == target or (type_, source, target) in self._added_keys():
            return
        name = target_name or (self.subjects[target].name if target in self.subjects else target)
        self._append(Relation(type=type_, source=source, target=target, target_name=name, evidence=ev, **kw))

    def _added_keys(self) -> set[tuple[str, str, str]]:
        """(type, source, target) of every relation so far (one relation per triple)."""
        if getattr(self, "_keys", None) is None:
            self._keys = {(r.type, r.source, r.target) for r in self.relations}
            self._ended_in = {(r.source, r.evidence.doc_id) for r in self.relations if r.type == "ended"}
        return self._keys

    def _append(self, rel: Relation) -> None:
        self._added_keys()
        self.relations.append(rel)
        self._keys.add((rel.type, rel.source, rel.target))
        if rel.type == "ended":
            self._ended_in.add((rel.source, rel.evidence.doc_id))

    def _span_texts(self, wanted: dict[str, list[tuple]]) -> dict[str, list[str]]:
        """key -> the texts of its spans ((doc_id, start, end), in the order given), each document's text read
        once (texts are held packed: see ``subjects.corpus_from_store``); equal texts are one string."""
        by_doc: dict[str, list[tuple]] = defaultdict(list)
        for key, spans in wanted.items():
            for k, (doc_id, st, en) in enumerate(spans):
                by_doc[doc_id].append((key, k, st, en))
        out = {key: [""] * len(spans) for key, spans in wanted.items()}
        same: dict[str, str] = {}
        for doc_id, items in by_doc.items():
            text = self.docs[doc_id].text
            for key, k, st, en in items:
                t = text[st:en]
                out[key][k] = same.setdefault(t, t)
        return out

    def _same_as(self) -> None:
        todo = [s for s in self.subjects.values() if s.kind != "topic" and s.type_kind != "type"]
        # (a kind of body's other names ("GS", "college") are the knowledge base's, no renaming)
        # The forms that may be another name of each subject, in the order they are tried, depend on the
        # forms alone: the texts of a subject's mentions are only read when it has one (few have).
        tried: dict[str, list[str]] = {}
        for s in todo:
            seen = {fold(s.name)}
            forms = []
            for f, _ in s.forms.most_common():
                if fold(f) in seen or not f.strip() or not self._other_name(s, f):
                    continue
                seen.add(fold(f))
                forms.append(f)
            if forms:
                tried[s.id] = forms
        date = {doc_id: self._date(doc_id) for doc_id in self.docs}
        spans_of = {s.id: list(s.spans) for s in todo if s.id in tried}
        span_texts = self._span_texts(spans_of)
        for s in todo:
            if s.id not in tried:
                continue
            name = fold(s.name)
            spans, texts = spans_of[s.id], span_texts[s.id]
            name_docs = {span[0] for span, text in zip(spans, texts) if _folded(text) == name}
            wanted = set(tried[s.id])
            # a form -> its first mention (by date, document, offset), and its first in a document without the name
            first: dict[str, tuple] = {}
            first_other: dict[str, tuple] = {}
            for span, text in zip(spans, texts):
                if text not in wanted:
                    continue
                key = (date[span[0]], span[0], span[1])
                if text not in first or key < first[text][0]:
                    first[text] = (key, span)
                if span[0] not in name_docs and (text not in first_other or key < first_other[text][0]):
                    first_other[text] = (key, span)
            for f in tried[s.id]:
                if f not in first:
                    continue
                other = f in first_other
                doc_id, st, en = first_other[f][1] if other else first[f][1]
                us, ue = self._unit_of(doc_id, st)
                self._add("same_as", s.id, f, self._evidence(doc_id, us, ue), target_name=f,
                          note="across documents" if other and name_docs else None)

    def _other_name(self, s: SubjectDraft, form: str) -> bool:
        """False for forms that are not another name of ``s``: inflections, compounds, another KB entry's name."""
        ids = self.kb.lookup(form)
        if ids and s.id not in ids:
            return False
        f = spaceless(form)
        for other in {s.name} | set(s.forms):
            o = spaceless(other)
            if o != f and f.startswith(o) and (len(f) - len(o) <= 3 or len(o) >= 4 and not is_acronym(other)):
                return False
        head = re.split(r"[-\s]", form)[0]
        return not (head != form and "-" in form and any(spaceless(head) == spaceless(o) for o in set(s.forms) | {s.name}))

    def _cue_relations(self) -> None:
        cues = self.rules["cues"]
        every_unit = any(rule["literals"] is None for rule in cues)
        for doc in self.docs.values():
            part = self.parts.for_doc(doc.doc_id)
            if "cues" not in part:  # [unit start, unit end, rule, [[match start, end, text, between start, end]]]
                if every_unit:
                    todo = [(us, ue, r) for us, ue in units(doc.text) for r in range(len(cues))]
                else:
                    todo = sorted(_units_holding(doc.text, [rule["literals"] for rule in cues]))
                part["cues"] = [[us, ue, r, found] for us, ue, r in todo
                                if (found := [_Found.of(m) for m in cues[r]["re"].finditer(doc.text[us:ue])])]
                self.parts.touch(doc.doc_id)
            for us, ue, r, found in part["cues"]:
                for m in found:
                    self._apply_cue(doc, us, ue, cues[r], _Found(*m))
            self.parts.release(doc.doc_id, "cues")

    def _apply_cue(self, doc: DocText, us: int, ue: int, rule: dict, m: _Found) -> None:
        cs, ce = us + m.start(), us + m.end()
        ment = self._mentions_in(doc.doc_id, us, ue)
        before = [x for x in ment if x[1] <= cs and cs - x[1] <= CUE_GAP]
        after = [x for x in ment if x[0] >= ce and x[0] - ce <= CUE_GAP]
        made: list[tuple[Evidence, dict]] = []

        def evidence() -> tuple[Evidence, dict]:
            """The unit's evidence and the relation's status, cue and date, made once and only for a relation."""
            if not made:
                made.append((self._evidence(doc.doc_id, us, ue), {
                    "status": self._status(doc.doc_id, us, ue), "cue": m.group(0).strip(),
                    "when": self._when(doc.doc_id, us, ue)}))
            return made[0]

        keys = self._added_keys()

        def add(type_: str, source: str, target: str) -> None:
            if source != target and (type_, source, target) not in keys:  # else ``_add`` adds nothing
                ev, kw = evidence()
                self._add(type_, source, target, ev, **kw)

        if rule["type"] == "replaced_by":
            if before and after:
                new, old = (before[-1], after[0]) if rule["new"] == "before" else (after[0], before[-1])
                add("replaced_by", old[2], new[2])
        elif rule["type"] == "ended":
            if rule.get("side") == "between":
                gs, ge = us + m.start("between"), us + m.end("between")
                targets = [x for x in ment if x[0] >= gs and x[1] <= ge]
            else:
                targets = before[-1:] if rule.get("side") == "before" else [x for x in after if x[0] - ce <= 40][:1]
            for _, _, sid in targets:
                self._ended(sid, doc.doc_id, evidence)
        elif rule["type"] == "dissolved_into" and before:
            source = before[-1][2]
            targets = [x[2] for x in after]
            if unit_ends_list(doc.text[us:ue], self.rules):
                for hs, he in self._dissolution_heads().get((doc.doc_id, us), ()):
                    heads = self._mentions_in(doc.doc_id, hs, he)
                    targets += [x[2] for x in heads if self.subjects[x[2]].kind == "instance"] or [x[2] for x in heads]
            for t in dict.fromkeys(targets):
                add("dissolved_into", source, t)

    def _dissolution_heads(self) -> dict[tuple[str, int], list[tuple[int, int]]]:
        """(doc, unit start) -> (head start, head end) of the dissolution items listed after that unit, in order."""
        if getattr(self, "_heads", None) is None:
            self._heads = defaultdict(list)
            for d, ust, hs, he in self.dissolution_items:
                self._heads[(d, ust)].append((hs, he))
        return self._heads

    def _ended(self, sid: str, doc_id: str, evidence: Callable[[], tuple[Evidence, dict]]) -> None:
        self._added_keys()
        if (sid, doc_id) in self._ended_in:
            return  # one ended per subject and document
        ev, kw = evidence()
        self._append(Relation(type="ended", source=sid, target=sid, target_name=self.subjects[sid].name,
                              evidence=ev, **kw))

    def _placements(self) -> None:
        """diverged/moved_to: where a later document says an item went, against where the proposal put it."""
        pl = self.rules["placement"]
        placement_paras = []  # paragraphs that say where something went, found once per corpus
        words = pl["literals"]  # a placement cue can only match a paragraph holding one of these

        def scan(doc: DocText) -> list[list]:
            """[start, end, destinations] of the document's paragraphs that say where something went."""
            out = []
            low = fold_case(doc.text) if words is not None else ""
            if words is not None and not any(w in low for w in words):
                return out
            for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", doc.text):
                if words is not None and not any(w in low[para.start():para.end()] for w in words):
                    continue
                ptext = para.group()
                dests = [next(g for g in m.groups() if g).strip() for rx in pl["cues_re"] for m in rx.finditer(ptext)]
                dests = [d for d in dests if not pl["past_re"].search(d)]
                if dests:
                    out.append([para.start(), para.end(), dests])
            return out

        for doc in self.docs.values():
            part = self.parts.for_doc(doc.doc_id)
            if "placements" not in part:
                part["placements"] = scan(doc)
                self.parts.touch(doc.doc_id)
            for start, end, dests in part["placements"]:
                ptext = doc.text[start:end]
                placement_paras.append((doc, (start, end), ptext, fold(ptext), dests))
            self.parts.release(doc.doc_id, "placements")
        names_in = self._paragraph_subjects(placement_paras)
        para_date = [self._date(doc.doc_id) for doc, *_ in placement_paras]
        slugs: dict[str, str] = {}
        dest_stems: dict[str, set[str]] = {}
        for dec, items in self.proposal_items:
            home, home_ids = None, set()
            for rx in pl["home_re"]:
                m = rx.search(dec.text)
                if m:
                    home = m.group("home").strip()
                    break
            if home is None:
                intro_end = dec.start + (dec.text.find(":") if ":" in dec.text else len(dec.text))
                first = [x for x in self._mentions_in(dec.doc_id, dec.start, intro_end) if x[2] not in items]
                if not first:
                    continue
                home_ids = {first[0][2]}
                home = self.subjects[first[0][2]].name
            pdate = self._date(dec.doc_id)
            via = None
            named = [(root, names_in(root)) for root in (self._find(sid) for sid in items)]
            home_stems = stems(home, set())
            keys = self._added_keys()
            same_as_home: dict[str, bool] = {}  # a destination -> whether it is the proposal's home
            for k in sorted(set().union(*(ks for _, ks in named))):
                if para_date[k] <= pdate:
                    continue
                doc, para, ptext, fp, dests = placement_paras[k]
                dest = dests[-1]
                target = slugs.get(dest) or slugs.setdefault(dest, slug(dest))
                for root, ks in named:
                    if k not in ks:
                        continue
                    s = self.subjects.get(root)
                    if s is None:
                        continue
                    if ("diverged", s.id, target) in keys and ("moved_to", s.id, target) in keys:
                        continue  # one relation per type, source and target: this one adds nothing
                    same = same_as_home.get(dest)
                    if same is None:
                        if dest not in dest_stems:
                            dest_stems[dest] = stems(dest, set())
                        same = same_as_home[dest] = bool(home_stems & dest_stems[dest]) or any(
                            fold(self.subjects[h].name) in fold(dest) for h in home_ids)
                    if s.id == target or ("diverged" if not same else "moved_to", s.id, target) in keys:
                        continue
                    via = via or self._evidence(dec.doc_id, dec.start, dec.end)
                    ev = self._evidence(doc.doc_id, para[0], para[1])
                    note = f"proposed: {home}; outcome: {dest}"
                    self._add("diverged" if not same else "moved_to", s.id, target, ev, target_name=dest,
                              via=via, note=note, status="stated")

    def _paragraph_subjects(self, paras: list) -> Callable[[str], set[int]]:
        """subject id -> indexes of the ``paras`` (placement paragraphs) that name it by one of its forms.

        A form that starts with a letter or digit can only be found whole in a paragraph holding its first
        word, so each form is only tried on the paragraphs listed under that word."""
        cache: dict[str, set[int]] = {}
        by_word: dict[str, list[int]] = defaultdict(list)
        for k, (_, _, _, fp, _) in enumerate(paras):
            for w in set(_LEAD_WORD.findall(fp)):
                by_word[w].append(k)
        everywhere = range(len(paras))

        def names_in(sid: str) -> set[int]:
            if sid not in cache:
                s = self.subjects.get(sid)
                forms = ({fold(f) for f in s.forms} | {fold(s.name)}) if s is not None else set()
                found: set[int] = set()
                for f in forms:
                    if len(f) < 4:
                        continue
                    rx = re.compile(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])")
                    lead = _LEAD_WORD.match(f)
                    for k in (by_word.get(lead.group(), ()) if lead else everywhere):
                        if k not in found and f in paras[k][3] and rx.search(paras[k][3]):
                            found.add(k)
                cache[sid] = found
            return cache[sid]
        return names_in

    def _proposals_to_outcomes(self) -> None:
        """realized_as: a subject only ever proposed, matched to what a later document reports as done."""
        last_doc: dict[str, str] = {}
        self._first_doc: dict[str, str] = {}
        for doc_id, lst in self.mentions.items():
            date = self._date(doc_id)
            for sid in {x[2] for x in lst}:
                if date > last_doc.get(sid, ""):
                    last_doc[sid] = date
                if date < self._first_doc.get(sid, "9999~"):
                    self._first_doc[sid] = date
        proposals: dict[str, list[Decision]] = defaultdict(list)
        for d in self.decisions:
            if d.status in PROPOSED:
                for _, _, sid in self._mentions_in(d.doc_id, d.start, d.end):
                    if self._specific(sid) and self.subjects[sid].kind in ("entity", "instance", "name", "plan"):
                        proposals[sid].append(d)
        pdate = {sid: max(self._date(d.doc_id) for d in ds) for sid, ds in proposals.items()}
        proposals = {sid: ds for sid, ds in proposals.items() if last_doc.get(sid, "") <= pdate[sid]}
        outcomes: list[tuple[str, int, int, str]] = []  # (doc, start, end, subject)
        units_ = [(d.doc_id, d.start, d.end) for d in self.decisions if d.status in HAPPENED]
        units_ += [(doc, hs, self.item_ends.get((doc, hs), he)) for doc, _, hs, he in self.dissolution_items]
        for doc_id, st, en in units_:
            for _, _, sid in self._mentions_in(doc_id, st, en):
                if self._specific(sid) and self.subjects[sid].kind in ("entity", "instance", "name", "plan"):
                    outcomes.append((doc_id, st, en, sid))
        matched: dict[str, tuple] = {}
        for _ in range(2):  # the second pass also counts the entities the first pass matched
            translate = {p: m[1] for p, m in matched.items()}
            for m in self._match(proposals, pdate, outcomes, translate):
                matched.setdefault(m[1], m[:1] + m[2:])
        for p, (score, o, doc_id, st, en, best) in matched.items():
            d = proposals[p][best]
            self._add("realized_as", p, o, self._evidence(doc_id, st, en), score=score,
                      via=self._evidence(d.doc_id, d.start, d.end), status="stated",
                      note=f"proposed {self.docs[d.doc_id].date or ''}, realised {self.docs[doc_id].date or ''}".strip())

    def _common_words(self) -> set[str]:
        """Folded words in most documents of the corpus (its region, its main topic): no evidence of a match."""
        if len(self.docs) < COMMON_MIN_DOCS:
            return set()
        if getattr(self, "_common", None) is None:
            folded: dict[str, str] = {}
            counts: Counter = Counter()
            for doc in self.docs.values():
                words = set()
                for x in set(WORD_RE.findall(doc.text)):
                    f = folded.get(x)
                    if f is None:
                        f = folded[x] = fold(x)
                    words.add(f)
                counts.update(words)
            self._common = {w for w, n in counts.items() if n >= COMMON_SHARE * len(self.docs)}
        return self._common

    def _match(self, proposals: dict, pdate: dict, outcomes: list, translate: dict) -> list[tuple]:
        """Greedy one-to-one (score, proposal, outcome, doc, start, end) above MATCH_MIN."""
        scored = []
        stop = self.rules["stop"] | self._common_words()
        seen: dict[tuple[str, int, int], tuple[set[str], set[str]]] = {}

        def outcome_words(doc_id: str, st: int, en: int) -> tuple[set[str], set[str]]:
            key = (doc_id, st, en)
            if key not in seen:
                seen[key] = ({x[2] for x in self._mentions_in(doc_id, st, en)},
                             stems(self.docs[doc_id].text[st:en], stop))
            return seen[key]

        odates = [self._date(doc_id) for doc_id, *_ in outcomes]
        for p, decs in proposals.items():
            pst = stems(" ".join(d.text for d in decs), stop)
            pents = {x[2] for d in decs for x in self._mentions_in(d.doc_id, d.start, d.end)} - {p}
            per_dec = [{translate.get(x[2], x[2]) for x in self._mentions_in(d.doc_id, d.start, d.end)} - {p} for d in decs]
            ps = self.subjects[p]
            phead = fold(ps.name.split()[-1]) if ps.name else ""
            after = pdate[p]
            for (doc_id, st, en, o), odate in zip(outcomes, odates):
                if o == p or o in pents or odate <= after or translate.get(p, o) != o:
                    continue
                if self._first_doc.get(o, "9999") < after:
                    continue  # it was there before the proposal: not what the proposal became
                in_outcome, ostems = outcome_words(doc_id, st, en)
                oents = in_outcome - {o}
                score = cosine(pst, ostems)
                overlaps = [len(e & oents) / len(e | oents) if e and oents else 0.0 for e in per_dec]
                best = max(range(len(decs)), key=lambda i: overlaps[i])
                score += overlaps[best]  # the best single proposal's entity overlap with the outcome
                os_ = self.subjects[o]
                if phead and phead in os_.types:
                    score += 0.5  # "een regionale uitvoeringsorganisatie" -> "een uitvoeringsorganisatie X"
                if ps.types & os_.types:
                    score += 0.25
                scored.append((round(score, 3), p, o, doc_id, st, en, best))
        scored.sort(key=lambda x: (-x[0], x[1], x[2]))
        used_p, used_o, out = set(), set(translate.values()), []
        for item in scored:
            score, p, o = item[:3]
            _log.debug("proposal %s -> outcome %s: %.3f", p, o, score)
            if score < MATCH_MIN:
                break
            if p in used_p or o in used_o and translate.get(p) != o:
                continue
            used_p.add(p)
            used_o.add(o)
            out.append(item)
        return out


class _Found(tuple):
    """A cue's match in a unit, as kept between builds: start(), end(), group(0) and the "between" group's span."""

    def __new__(cls, start: int, end: int, text: str, between_start: int = -1, between_end: int = -1):
        return super().__new__(cls, (start, end, text, between_start, between_end))

    @staticmethod
    def of(m: re.Match) -> list:
        between = m.span("between") if "between" in m.re.groupindex else (-1, -1)
        return [m.start(), m.end(), m.group(0), *between]

    def start(self, group: int | str = 0) -> int:
        return self[0] if group == 0 else self[3]

    def end(self, group: int | str = 0) -> int:
        return self[1] if group == 0 else self[4]

    def group(self, group: int = 0) -> str:
        return self[2]


def _units_holding(text: str, literals: list[list[str]]) -> set[tuple[int, int, int]]:
    """(start, end, k) of the units of ``text`` (see ``units``) that hold one of ``literals[k]``, found
    where the literals occur in the case-folded text: a cue can only match a unit holding one of them."""
    low = fold_case(text)
    out = set()
    for k, words in enumerate(literals):
        for w in words:
            q = low.find(w)
            while q >= 0:
                ls = text.rfind("\n", 0, q) + 1
                le = text.find("\n", q)
                le = len(text) if le < 0 else le
                for us, ue in units(text[ls:le]):
                    if ls + us <= q and q + len(w) <= ls + ue:
                        out.add((ls + us, ls + ue, k))
                        break
                q = low.find(w, q + 1)
    return out


def unit_ends_list(unit: str, rules: dict) -> bool:
    return re.search(rules["list_intro"], unit) is not None
