"""Aliases: other names of the same body, organisation or law, for widening a query.

:func:`alias_table` gathers the name groups of an index folder: the knowledge base (``nlp/data/kb_*.json``),
the canonical entities of the store with their surface forms, and the abbreviations the documents define
themselves ("Long Name (ABBR)", "..., afgekort ABBR"). :class:`AliasTable` finds the names in a query
(longest first); :func:`fold` is the form names are compared in.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

_log = logging.getLogger(__name__)

_DATA = Path(__file__).parent / "nlp" / "data"


_FUNCTION_WORDS = frozenset({"voor", "en", "van", "de", "het", "der", "den", "op", "in", "of", "&", "te", "ter"})
_ABBR = r"[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z0-9&]*\+?"
_DEFINED = (  # "Long Name (ABBR)", "Long Name, afgekort ABBR", "ABBR (Long Name)"
    re.compile(rf"(?P<long>(?:[\w’'‘-]+[ \t]+){{1,8}}?[\w’'‘-]+)[’'\"]?[ \t]*\((?P<abbr>{_ABBR})\)"),
    re.compile(rf"(?P<long>(?:[\w’'‘-]+[ \t]+){{1,8}}?[\w’'‘-]+)[’'\"]?,?[ \t]+(?:afgekort|kortweg|hierna:?)"
               rf"[ \t]+(?:tot[ \t]+|als[ \t]+)?[‘'\"]?(?P<abbr>{_ABBR})\b"),
    re.compile(rf"\b(?P<abbr>{_ABBR})[ \t]+\((?P<long>[\w’'‘ -]{{5,80}})\)"),
)
_CAPS_RUN = re.compile(r"\b[A-Z][\w-]*(?:[ \t]+(?:(?:voor|en|van|de|het|der|op|in)[ \t]+)?[A-Z][\w-]*){1,6}")


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
    definition: str = ""  # the sentence that defines an abbreviation, when the corpus has one
    definition_doc: str = ""


class AliasTable:
    """Name groups, looked up by any of their forms (folded)."""

    def __init__(self, groups: list[AliasGroup]):
        self.groups = groups
        self._by_form: dict[str, list[AliasGroup]] = defaultdict(list)
        self._first: dict[str, set[int]] = defaultdict(set)
        for g in groups:
            for form in g.forms:
                f = fold(form)
                if f and g not in self._by_form[f]:
                    self._by_form[f].append(g)
                    self._first[f.split()[0]].add(len(f.split()))

    def groups_named(self, value: str) -> list[AliasGroup]:
        f = fold(value)
        return [g for g in self.groups if fold(g.key) == f or f in {fold(x) for x in g.forms}]

    def find(self, text: str) -> list[tuple[AliasGroup, str]]:
        """(group, form) for every name in ``text``, longest first, not overlapping."""
        words, out, i = fold(text).split(), [], 0
        while i < len(words):
            for n in sorted(self._first.get(words[i], ()), reverse=True):
                form = " ".join(words[i:i + n])
                if form in self._by_form:
                    out += [(g, form) for g in self._by_form[form]]
                    i += n
                    break
            else:
                i += 1
        return out


_TABLES: dict[str, tuple[tuple, AliasTable]] = {}


def alias_table(folder: Path) -> AliasTable:
    """The alias groups for the index in ``folder``: knowledge base + store entities + corpus abbreviations.

    Cached per folder until the store or the knowledge base changes."""
    folder = Path(folder)
    sig = tuple(_mtime(p) for p in (folder / "spoor.db", folder / "spoor.db-wal", *sorted(_DATA.glob("kb_*.json"))))
    cached = _TABLES.get(str(folder))
    if cached and cached[0] == sig:
        return cached[1]
    groups = _kb_groups()
    if (folder / "spoor.db").exists():
        try:
            known = frozenset(fold(f) for g in groups for f in g.forms)
            groups = _merge(groups, *_store_groups(folder, known))
        except Exception as exc:  # noqa: BLE001 - a store being rebuilt must not break search
            _log.warning("aliases from the store of %s skipped: %s", folder, exc)
    table = AliasTable(groups)
    _TABLES[str(folder)] = (sig, table)
    return table


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=4)
def _kb_groups_cached(sig: tuple) -> tuple[AliasGroup, ...]:
    groups = []
    labels = {"bodies": "ORGAN", "organisations": "ORG", "organizations": "ORG", "orgs": "ORG", "laws": "LAW"}
    for path in sorted(_DATA.glob("kb_*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            _log.warning("knowledge base %s unreadable: %s", path.name, exc)
            continue
        for key, entries in (data.items() if isinstance(data, dict) else [("entries", data)]):
            if not isinstance(entries, list):
                continue
            for e in entries:
                if not isinstance(e, dict) or "id" not in e:
                    continue
                forms = [e.get("name", "")]
                for k in ("aliases", "abbreviations", "former_names", "old_names", "names"):
                    forms += [f for f in e.get(k, []) or [] if isinstance(f, str)]
                forms = _dedupe(forms)
                if forms:
                    groups.append(AliasGroup(key=e["id"], name=e.get("name") or forms[0],
                                             label=e.get("label", labels.get(key, "ORG")), kind=e.get("kind", "instance"),
                                             forms=forms, source="kb", note=e.get("note", "") or ""))
    return tuple(groups)


def _kb_groups() -> list[AliasGroup]:
    return [g.model_copy(deep=True) for g in _kb_groups_cached(tuple(_mtime(p) for p in _DATA.glob("kb_*.json")))]


def _dedupe(forms) -> list[str]:
    seen, out = set(), []
    for f in forms:
        f = " ".join(str(f).split())
        if len(f) >= 2 and fold(f) not in seen:
            seen.add(fold(f))
            out.append(f)
    return out


def _store_groups(folder: Path, known: frozenset = frozenset()) -> tuple[list[AliasGroup], list[AliasGroup]]:
    """(groups of entity surface forms per canonical id, abbreviations defined in the documents)."""
    from .store import Store

    with Store(folder) as store:
        forms: dict[tuple[str, str], list[str]] = defaultdict(list)
        for row in store.conn.execute("SELECT label, canonical, text FROM entities WHERE canonical IS NOT NULL "
                                      "AND label IN ('ORGAN', 'ORG', 'LAW')"):
            forms[(row["label"], row["canonical"])].append(row["text"])
        texts = [(r["doc_id"], r["text"] or "") for r in store.conn.execute("SELECT doc_id, text FROM documents")]
    entity_groups = [AliasGroup(key=canon, name=max(set(fs), key=fs.count), label=label, forms=_dedupe(fs),
                                source="store") for (label, canon), fs in forms.items()]
    return entity_groups, _defined_abbreviations(texts, known)


def _initials(words: list[str], caps_only: bool) -> str:
    return "".join(w[0] for w in words if w and (w[0].isupper() if caps_only else w.casefold() not in _FUNCTION_WORDS))


def _fits(abbr: str, words: list[str]) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", abbr).casefold()
    for caps_only in (True, False):
        ini = _initials(words, caps_only).casefold()
        if len(ini) >= 2 and (ini == letters or (letters.startswith(ini) and len(ini) >= len(letters) - 1)):
            return True
    return False


def _defined_abbreviations(texts: list[tuple[str, str]], known: frozenset = frozenset()) -> list[AliasGroup]:
    """Abbreviations and the names they stand for, as the documents themselves write them.

    A definition ("Long Name (ABBR)", "..., afgekort ABBR") always counts; a run of capitalised
    words whose initials spell an abbreviation used elsewhere only for abbreviations the knowledge
    base (``known``, folded forms) does not explain already."""
    pairs: dict[str, dict] = {}

    def add(abbr: str, long: str, doc_id: str, sentence: str) -> None:
        entry = pairs.setdefault(abbr, {"forms": [], "definition": "", "doc": ""})
        entry["forms"].append(long.strip(" ’'‘\""))
        if sentence and not entry["definition"]:
            entry["definition"], entry["doc"] = " ".join(sentence.split()), doc_id

    abbreviations = set()
    for doc_id, text in texts:
        abbreviations.update(a for a in re.findall(rf"\b{_ABBR}", text)
                             if 2 <= len(a) <= 8 and sum(c.isupper() for c in a) >= 2)
        for pattern in _DEFINED:
            for m in pattern.finditer(text):
                abbr, words = m.group("abbr"), m.group("long").split()
                if not (2 <= len(abbr) <= 8 and sum(c.isupper() for c in abbr) >= 2):
                    continue
                for i in range(len(words) - 1, -1, -1):  # the shortest tail of the words that fits
                    if _fits(abbr, words[i:]):
                        add(abbr, " ".join(words[i:]), doc_id, _sentence_at(text, m.start()))
                        break
    for doc_id, text in texts:
        for m in _CAPS_RUN.finditer(text):
            words = m.group().split()
            for i in range(len(words)):
                for j in range(len(words), i + 1, -1):
                    span = words[i:j]
                    if span[-1].casefold() in _FUNCTION_WORDS or any(w.isupper() and len(w) > 1 for w in span):
                        continue
                    ini = _initials(span, caps_only=True)
                    for abbr in (ini, ini + "+"):
                        if len(ini) >= 2 and abbr in abbreviations and fold(abbr) not in known:
                            add(abbr, " ".join(span), doc_id, "")
    return [AliasGroup(key=fold(abbr).replace(" ", "_"), name=max(set(v["forms"]), key=v["forms"].count),
                       label="ORG", forms=_dedupe([abbr, *v["forms"]]), source="corpus",
                       definition=v["definition"], definition_doc=v["doc"]) for abbr, v in sorted(pairs.items())]


def _sentence_at(text: str, offset: int) -> str:
    start = max(text.rfind(". ", 0, offset), text.rfind("\n\n", 0, offset)) + 1
    end = min([e for e in (text.find(". ", offset), text.find("\n\n", offset)) if e >= 0] or [len(text)])
    return text[start:end + 1][:400]


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
                target.definition = target.definition or g.definition
                target.definition_doc = target.definition_doc or g.definition_doc
            for f in g.forms:
                by_form.setdefault(fold(f), target)
    return out
