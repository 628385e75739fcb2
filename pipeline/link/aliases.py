"""Aliases: other names of the same body, organisation or law, for widening a query.

:func:`alias_table` gathers the name groups of an index folder: the knowledge base (``nlp.kb``),
and the canonical entities of the store with their surface forms (which include the abbreviations the
documents define: the entity component learns them, ``link.py`` carries them across the corpus). :class:`AliasTable` finds the names in a query
(longest first); :func:`fold` is the form names are compared in.
"""

from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

from ..nlp.kb import load_kb

_log = logging.getLogger(__name__)

@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower-case, accents off, punctuation (but '+' and '&') to spaces: the form names are compared in."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w+&]+", " ", text).split())


class AliasGroup(BaseModel):
    """All names of one thing: canonical key, display name, label and every surface form."""

    key: str
    name: str
    label: str = "ORG"
    kind: str = "instance"  # "type" for a kind of body every government has (gemeenteraad)
    forms: list[str] = Field(default_factory=list)
    source: str = "kb"  # kb, store or corpus
    note: str = ""


_NOT_INITIAL = frozenset({"van", "de", "het", "der", "den", "en", "voor", "in", "op", "te", "ter", "a", "&"})


class AliasTable:
    """Name groups, looked up by any of their forms (folded)."""

    def __init__(self, groups: list[AliasGroup]):
        self.groups = groups
        self._by_form: dict[str, list[AliasGroup]] = defaultdict(list)
        self._first: dict[str, set[int]] = defaultdict(set)
        self._initials: dict[str, list[AliasGroup]] | None = None
        for g in groups:
            for form in g.forms:
                f = fold(form)
                if f and g not in self._by_form[f]:
                    self._by_form[f].append(g)
                    self._first[f.split()[0]].add(len(f.split()))

    def by_initials(self, acronym: str) -> list[AliasGroup]:
        """Groups with a name of several words whose initials spell ``acronym`` ("TBD": "Twente Board
        Development"), for an abbreviation no document defines. Words like "van" and "de" do not count."""
        if self._initials is None:
            self._initials = defaultdict(list)
            for g in self.groups:
                for form in g.forms:
                    words = [w for w in fold(form).split() if w not in _NOT_INITIAL]
                    if len(words) >= 2 and all(w[0].isalpha() for w in words):
                        key = "".join(w[0] for w in words)
                        if g not in self._initials[key]:
                            self._initials[key].append(g)
        return list(self._initials.get(fold(acronym), []))

    def groups_named(self, value: str) -> list[AliasGroup]:
        f = fold(value)
        return [g for g in self.groups if fold(g.key) == f or f in {fold(x) for x in g.forms}]

    def find(self, text: str) -> list[tuple[AliasGroup, str]]:
        """(group, form) for every name in ``text``, longest first, not overlapping; a word in capitals
        that is no known name but the initials of one names it too ("TBD")."""
        words, out, i = fold(text).split(), [], 0
        # the words of one identifier ("NL.IMRO.0093" -> nl, imro, 0093) are one token: a name is not a piece of it
        spans: list[tuple[int, int] | None] = []  # per word, the words of the identifier it belongs to
        for token in text.split():
            n = len(fold(token).split())
            whole = re.search(r"\d", token) and re.search(r"\w[^\w\s+&]+\w", token)
            spans += [(len(spans), len(spans) + n) if whole else None] * n

        def cuts(a: int, b: int) -> bool:
            return len(spans) == len(words) and any(s is not None and (s[0] < a or s[1] > b) for s in spans[a:b])

        while i < len(words):
            for n in sorted(self._first.get(words[i], ()), reverse=True):
                form = " ".join(words[i:i + n])
                if form in self._by_form and not cuts(i, i + n):
                    groups = self._by_form[form]
                    # A name that is one group's own name means that group, not another that lists
                    # it among its forms ("gemeenschappelijke regeling" is not "Regio Twente").
                    named = [g for g in groups if fold(g.name) == form]
                    out += [(g, form) for g in (named or groups)]
                    i += n
                    break
            else:
                i += 1
        known = {form for _, form in out}
        for token in _ACRONYM.findall(text):
            f = fold(token)
            if f not in self._by_form and f not in known:
                groups = self.by_initials(token)
                if len(groups) == 1:  # an acronym of several names says nothing
                    out.append((groups[0], f))
                    known.add(f)
        return out


#: a word in capitals on its own, not a piece of an identifier ("IMRO" of "NL.IMRO.0093", "PS" of "PS23-001234")
_ACRONYM = re.compile(r"(?<![\w.\-/])[A-Z]{2,6}(?![\w.\-/]*\w)")
_TABLES: dict[str, tuple[tuple, AliasTable]] = {}


def alias_table(folder: Path) -> AliasTable:
    """The alias groups for the index in ``folder``: knowledge base + store entities + corpus abbreviations.

    Cached per folder until the store changes."""
    from ..store import locate

    where = locate(folder)
    sig = where.signature()
    cached = _TABLES.get(str(folder))
    if cached and cached[0] == sig:
        return cached[1]
    groups = _kb_groups()
    if where.exists():
        try:
            stored = _kept_store_groups(where, sig)
            groups = _merge(groups, _without_generic(stored))
        except Exception as exc:  # noqa: BLE001 - a store being rebuilt must not break search
            _log.warning("aliases from the store of %s skipped: %s", folder, exc)
    table = AliasTable(groups)
    _TABLES[str(folder)] = (sig, table)
    return table


def store_signature(folder) -> tuple:
    """Changes whenever a build commits to the store of ``folder`` (see :func:`pipeline.store.store_signature`)."""
    from ..store import store_signature as signature

    return signature(folder)


KEPT = "aliases.json"  # the store's name groups, kept beside it for the next process (see below)


def _kept_store_groups(where, sig: tuple) -> list[AliasGroup]:
    """``_store_groups`` of the store at ``where``, kept in its cache folder's ``aliases.json`` with the
    store's signature (a store without a cache folder, a database, groups anew when it changes).

    Grouping every mention of a large store takes about a second (380,000 mentions); each
    ``spoor search`` is a new process, so the groups are kept on disk until the store changes. A
    folder that cannot be written to only loses the keeping."""
    folder = where.target
    if where.cache_dir is None:
        return _store_groups(folder)
    path = where.cache_dir / KEPT
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept.get("signature") == [list(s) for s in sig]:
            return [AliasGroup(**g) for g in kept["groups"]]
    except (OSError, ValueError, TypeError, KeyError):
        pass
    groups = _store_groups(folder)
    data = {"signature": [list(s) for s in sig], "groups": [g.model_dump() for g in groups]}
    try:
        tmp = path.with_name(f".{KEPT}.{os.getpid()}")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        _log.debug("alias groups of %s not kept: %s", folder, exc)
    return groups


def _kb_groups() -> list[AliasGroup]:
    """One group per body, organisation or law of the knowledge base (``nlp.kb``), with all its names."""
    groups = []
    for e in load_kb().entries.values():
        if e.label not in ("ORGAN", "ORG", "LAW"):
            continue
        forms = _dedupe([e.name, *e.aliases, *e.abbreviations])
        if forms:
            groups.append(AliasGroup(key=e.id, name=e.name or forms[0], label=e.label, kind=e.kind or "instance",
                                     forms=forms, source="kb", note=e.extra.get("note", "") or ""))
    return groups


def _without_generic(groups: list[AliasGroup]) -> list[AliasGroup]:
    """The store's groups without the names of a kind of thing ("gemeenschappelijke regeling",
    "GR", "gemeenteraad"): a document may call Regio Twente "de gemeenschappelijke regeling", and
    the linker rightly links it there, but a search for any GR must not become one for Regio Twente."""
    generic = {}
    for e in load_kb().entries.values():
        if e.generic or e.kind == "type":
            for f in (e.name, *e.aliases, *e.abbreviations):
                generic.setdefault(fold(f), e.id)
    out = []
    for g in groups:
        forms = [f for f in g.forms if generic.get(fold(f), g.key) == g.key]
        if forms:
            out.append(g.model_copy(update={"forms": forms, "name": g.name if g.name in forms else forms[0]}))
    return out


def _dedupe(forms) -> list[str]:
    seen, out = set(), []
    for f in forms:
        f = " ".join(str(f).split())
        if len(f) >= 2 and fold(f) not in seen:
            seen.add(fold(f))
            out.append(f)
    return out


def _store_groups(folder: Path) -> list[AliasGroup]:
    """Groups of entity surface forms per canonical id: abbreviations the documents define are among
    them, since the entity component learns those and ``link.py`` carries them across the corpus."""
    from ..store import open_store

    with open_store(folder) as store:
        forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for label, canonical, text, mentions in store.name_forms():
            forms[(label, canonical)][text] += mentions
    # The most mentioned form names the group (ties: the form seen first, as the store lists them).
    return [AliasGroup(key=canon, name=fs.most_common(1)[0][0], label=label, forms=_dedupe(fs), source="store")
            for (label, canon), fs in forms.items()]


def _merge(groups: list[AliasGroup], *more: list[AliasGroup]) -> list[AliasGroup]:
    """Groups that share a form become one (the first keeps its key and name)."""
    out: list[AliasGroup] = list(groups)
    by_form = {fold(f): g for g in out for f in g.forms}
    for batch in more:
        for g in batch:
            target = next((by_form[fold(f)] for f in g.forms if fold(f) in by_form), None)
            if target is None:
                out.append(g)
                target = g
            else:
                target.forms = _dedupe([*target.forms, *g.forms])
            for f in g.forms:
                by_form.setdefault(fold(f), target)
    return out
