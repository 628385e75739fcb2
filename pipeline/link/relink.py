"""Canonical ids across the stored corpus, brought up to date from what changed (issue 19).

Linking depends on a mention only through its *form* (label, canonical id extraction gave it, text,
warnings) and on the corpus only through how often each form occurs and the order forms are first met
(:func:`pipeline.link.names.link_forms`). The store keeps both, and what linking made of each form, in
``derived_state`` (:data:`STATE`), so a build that adds, changes or removes a few documents

* counts the forms of the documents that left or changed (read before their rows go) out and those of the
  documents stored now in,
* links the forms again (thousands of distinct forms, not the corpus's mentions), and
* writes only the mentions of the new documents and of the forms whose outcome changed (found by the
  canonical id linking gave them, which the store indexes).

:func:`relink` with ``full=True`` (``spoor build --rederive``, a store without the state, a cluster's
workers having replaced documents) reads every mention instead; both leave the same rows.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

from ..index import writer as windex
from .names import LINKED_LABELS, UNRESOLVED, fill_canonical, link_forms
from .parts import decode, encode

_log = logging.getLogger(__name__)

#: The ``derived_state`` entry holding the corpus's forms, their counts, first mentions and outcomes.
STATE = "link_forms"
#: Raise when what :data:`STATE` holds changes.
FORMAT = "1"

Form = tuple  # (label, canonical, text, warnings tuple), see pipeline.link.names
Outcome = tuple  # (canonical, warnings tuple), or None for a form whose mentions linking holds back


class _Rows:
    """Reads link rows (``Store.link_rows``) into forms, parsing each distinct warnings string once."""

    def __init__(self) -> None:
        self.parsed: dict[str | None, tuple[str, ...]] = {}

    def warnings_of(self, raw: str | None) -> tuple[str, ...]:
        if raw not in self.parsed:
            self.parsed[raw] = tuple(json.loads(raw)) if raw else ()
        return self.parsed[raw]

    def form(self, row: tuple) -> Form:
        """The form linking starts from: what extraction said (a row stored before spoor kept that: what it holds)."""
        _, _, label, text, canonical, raw, first_canonical, first_raw, _ = row
        base, base_raw = (canonical, raw) if first_raw is None else (first_canonical, first_raw)
        return label, fill_canonical(label, base, text), text, self.warnings_of(base_raw)


class _Forms:
    """Form -> [mentions, doc_id, start of its first mention] of the corpus, and the outcome last written."""

    def __init__(self, counts: dict | None = None, outcome: dict | None = None) -> None:
        self.counts: dict[Form, list] = counts or {}
        self.outcome: dict[Form, Outcome | None] = outcome or {}

    @staticmethod
    def linked(form: Form) -> bool:
        return form[0] in LINKED_LABELS and bool(form[1])

    def add(self, form: Form, doc_id: str, start: int, count: bool = True) -> None:
        """One mention of ``form`` at ``start`` of ``doc_id`` counted (or, ``count=False``, only its place)."""
        entry = self.counts.get(form)
        if entry is None:
            self.counts[form] = [1, doc_id, start]
            return
        entry[0] += count
        if entry[1] is None or (doc_id, start) < (entry[1], entry[2]):
            entry[1], entry[2] = doc_id, start

    def ordered(self) -> dict[Form, int]:
        """Form -> mentions in the order forms are first met (document, offset; the form breaks ties), which
        does not depend on the order rows were written or on a database's collation."""
        items = sorted(self.counts.items(), key=lambda kv: (kv[1][1], kv[1][2], kv[0]))
        return {form: entry[0] for form, entry in items}

    # -- kept in the store ---------------------------------------------------------------------
    @classmethod
    def load(cls, store) -> _Forms | None:
        raw = store.derived_state(STATE)
        if not raw:
            return None
        try:
            state = decode(raw)
        except ValueError:
            return None
        if state.get("format") != FORMAT:
            return None
        counts, outcome = {}, {}
        for label, canonical, text, warnings, n, doc_id, start, after in state["forms"]:
            form = (label, canonical, text, tuple(warnings))
            counts[form] = [n, doc_id, start]
            outcome[form] = None if after is None else (after[0], tuple(after[1]))
        return cls(counts, outcome)

    def save(self, store, outcome: dict[Form, Outcome | None]) -> None:
        rows = []
        for form, (n, doc_id, start) in self.counts.items():
            after = outcome.get(form, (form[1], form[3]))
            rows.append([form[0], form[1], form[2], list(form[3]), n, doc_id, start,
                         None if after is None else [after[0], list(after[1])]])
        store.put_derived_state(STATE, encode({"format": FORMAT, "forms": rows}))


def relink(store, added: Iterable[str] = (), left: list[tuple] | None = None, full: bool = False) -> set[str]:
    """Link the stored entities across the corpus; the doc_ids whose indexed names changed.

    ``added``: the documents stored by this build (new or changed); ``left``: the link rows
    (``Store.link_rows``) the documents removed or replaced by this build held, read before they went.
    Without the state an earlier build left, or with ``full``, every mention is read and linked again.
    """
    forms = None if full or left is None else _Forms.load(store)
    if forms is None:
        return _relink_all(store)
    rows = _Rows()
    recheck: set[Form] = set()
    for row in left:
        form = rows.form(row[:-1])
        entry = forms.counts.get(form) if _Forms.linked(form) else None
        if entry is None:
            continue
        entry[0] -= 1
        if entry[0] <= 0:
            del forms.counts[form]
        elif (entry[1], entry[2]) == (row[1], row[-1]):
            recheck.add(form)  # its first mention left: found again below
    recheck &= forms.counts.keys()
    added = sorted(set(added))
    new_rows = list(store.link_rows(doc_ids=added, with_start=True)) if added else []
    for form in recheck:
        forms.counts[form][1:] = [None, None]
    for form, row in _rows_of(store, rows, recheck, forms.outcome):
        forms.add(form, row[1], row[-1], count=False)
    for row in new_rows:
        form = rows.form(row[:-1])
        if _Forms.linked(form):
            forms.add(form, row[1], row[-1])
    outcome = link_forms(forms.ordered())
    changed = {form for form, after in outcome.items() if form in forms.outcome and forms.outcome[form] != after}
    todo: dict[tuple[int, int], tuple] = {(row[-2], row[0]): row[:-1] for row in new_rows}
    for _, row in _rows_of(store, rows, changed, forms.outcome):
        todo.setdefault((row[-2], row[0]), row[:-1])
    _log.info("linked %d forms; wrote the mentions of %d documents stored now and of %d forms whose ids changed "
              "(%d rows)", len(outcome), len(added), len(changed), len(todo))
    relinked = _apply(store, rows, todo.values(), outcome)
    forms.save(store, outcome)
    return relinked


def _rows_of(store, rows: _Rows, wanted: set[Form], before: dict[Form, Outcome | None]):
    """(form, stored link row with its start) of the mentions of ``wanted`` forms, found by what linking
    last made of each form (``before``): its canonical id, which the store indexes, or held back."""
    named: dict[tuple[str, str], set[Form]] = {}
    held: set[Form] = set()
    for form in wanted:
        after = before.get(form)
        if after is None:
            held.add(form)
        else:
            named.setdefault((form[0], after[0]), set()).add(form)
    lookups = [(store.link_rows(named=key, with_start=True), forms) for key, forms in sorted(named.items())]
    if held:
        lookups.append((store.link_rows(held=True, with_start=True), held))
    for found, forms in lookups:
        for row in found:
            form = rows.form(row[:-1])
            if form in forms:
                yield form, row


def _relink_all(store) -> set[str]:
    """Every mention read and linked again; the state kept for the next build."""
    rows = _Rows()
    forms = _Forms()
    for row in store.link_rows(LINKED_LABELS, with_start=True):
        form = rows.form(row[:-1])
        if _Forms.linked(form):
            forms.add(form, row[1], row[-1])
    outcome = link_forms(forms.ordered())
    relinked = _apply(store, rows, (row[:-1] for row in store.link_rows(with_start=True)), outcome)
    forms.save(store, outcome)
    return relinked


def _apply(store, rows: _Rows, link_rows: Iterable[tuple], outcome: dict[Form, Outcome | None]) -> set[str]:
    """Give ``link_rows`` what linking made of their forms; the doc_ids whose indexed names changed: an
    ORGAN/ORG/LAW entity renamed, resolved, brought back, or dropped when it was indexed (unresolved
    acronyms are not: see ``index.passage_fields``)."""
    changed_docs, updates, dropped, restored = set(), [], [], []
    for row in link_rows:
        row_id, doc_id, label, text, canonical, raw, _, _, held = row
        form = rows.form(row)
        after = outcome.get(form, (form[1], form[3])) if label in LINKED_LABELS else (form[1], form[3])
        before = rows.warnings_of(raw)
        if held:
            if after is None:
                continue
            restored.append((row_id, after[0], list(after[1])))
            indexed = True
        elif after is None:
            dropped.append(row_id)
            indexed = UNRESOLVED not in before
        elif after[0] != canonical or after[1] != before:
            updates.append((row_id, after[0], list(after[1])))
            indexed = True
        else:
            continue
        if indexed and label in windex.NAME_LABELS:
            changed_docs.add(doc_id)
    store.set_canonicals(updates)
    store.hold_entities(dropped)
    store.restore_entities(restored)
    return changed_docs
