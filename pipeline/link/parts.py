"""What each document contributes to the subjects and relations, kept between builds (issue 19).

Deriving subjects scans every document's text several times: for dissolution lists, candidate names,
cue sentences, placement paragraphs, the words it holds and where the subjects' names occur. What such a
scan finds depends on the document alone, so :class:`DocParts` keeps it per document in the store
(``document_parts``, keyed by the document's content and the rules' version) and a build scans only the
documents that are new or changed. Name matches depend on the names looked for too: every stored part
holds the matches of the same set of names (``names``), and a build looks for the names it adds in the
documents whose words hold them, so the parts then hold the matches of both sets.

Each scan's part is JSON (zlib-compressed on its own): lists and strings only, readable whatever backend
stores them; a document's parts are those segments one after another (:func:`pack`), so a derivation
decodes a part only when the scan that needs it comes, and lets go of it after (the decoded parts of a
whole corpus would be a quarter of a build's memory). The words each document holds are also counted
across the corpus (:class:`WordCounts`, in ``derived_state``), so a build that adds documents counts
only theirs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import struct
import zlib
from collections import Counter
from pathlib import Path

_log = logging.getLogger(__name__)

#: Raise when what a scan keeps changes; the rules' files are part of the version too.
FORMAT = "3"
_RULE_FILES = ("relations.json", "subject_words.json")
NAMES_STATE = "subject_names"
#: The ``derived_state`` entry counting, per folded word, the documents that hold it (see :class:`WordCounts`).
WORDS_STATE = "subject_words"
_MAGIC = b"SP3"
_HEAD = struct.Struct(">BI")  # a segment: length of its name, length of its data; then the name, the data


def parts_version() -> str:
    """The version parts are stored under: the format and the contents of the rules the scans follow."""
    digest = hashlib.sha256(FORMAT.encode())
    data = Path(__file__).parents[1] / "nlp" / "data"
    for name in _RULE_FILES:
        digest.update((data / name).read_bytes())
    return digest.hexdigest()[:16]


def encode(value) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def decode(blob) -> object:
    return json.loads(zlib.decompress(bytes(blob)).decode("utf-8"))


def pack(segments: dict[str, bytes]) -> bytes:
    """A document's parts as stored: each part's name and its encoded value (:func:`encode`), one after another."""
    out = [_MAGIC]
    for name in sorted(segments):
        key = name.encode("utf-8")
        out += [_HEAD.pack(len(key), len(segments[name])), key, bytes(segments[name])]
    return b"".join(out)


def unpack(blob) -> dict[str, memoryview]:
    """name -> encoded value of each part in ``blob`` (see :func:`pack`); ValueError when it is not one."""
    view = memoryview(blob)
    if bytes(view[:len(_MAGIC)]) != _MAGIC:
        raise ValueError("not parts of this format")
    pos, out = len(_MAGIC), {}
    while pos < len(view):
        if pos + _HEAD.size > len(view):
            raise ValueError("cut off")
        n, size = _HEAD.unpack_from(view, pos)
        pos += _HEAD.size
        name = bytes(view[pos:pos + n]).decode("utf-8")
        pos += n
        if pos + size > len(view):
            raise ValueError("cut off")
        out[name] = view[pos:pos + size]
        pos += size
    return out


class _Part(dict):
    """One document's parts, each decoded when a scan first asks for it (``name in part``, ``part[name]``)."""

    def __init__(self, doc_id: str, raw: dict[str, memoryview]) -> None:
        super().__init__()
        self.doc_id, self.raw = doc_id, raw

    def _load(self, name: str) -> bool:
        blob = self.raw.pop(name, None)
        if blob is None:
            return False
        try:
            super().__setitem__(name, decode(blob))
        except (ValueError, zlib.error) as exc:  # a damaged part is made again
            _log.warning("the stored subject part %r of %s cannot be read (%s); scanning it again", name,
                         self.doc_id, exc)
            return False
        return True

    def __contains__(self, name) -> bool:
        return super().__contains__(name) or self._load(name)

    def __getitem__(self, name):
        if not super().__contains__(name) and not self._load(name):
            raise KeyError(name)
        return super().__getitem__(name)

    def __setitem__(self, name, value) -> None:
        self.raw.pop(name, None)
        super().__setitem__(name, value)

    def drop(self, name: str) -> None:
        """Let go of part ``name``, decoded or not."""
        self.raw.pop(name, None)
        self.pop(name, None)

    def pack(self, name: str) -> None:
        """Keep part ``name`` encoded only, as it will be stored (decoded again if asked for)."""
        if super().__contains__(name):
            self.raw[name] = encode(self.pop(name))

    def segments(self) -> dict[str, bytes]:
        """What to store: the parts never decoded as they were, the others encoded again."""
        out = {name: bytes(blob) for name, blob in self.raw.items()}
        out.update((name, encode(value)) for name, value in self.items())
        return out


class DocParts:
    """Per-document scan results for one derivation: the stored ones still valid, and those it makes.

    ``for_doc(doc_id)`` gives the parts of a document (a dict: scan name -> what it found; a stored part is
    decoded when first asked for), empty for a document scanned for the first time; a scan that fills or
    extends a document's parts calls ``touch(doc_id)`` so they are written back, and one done with a part
    of a document calls ``release(doc_id, name)`` (unless the document's parts are to be written, the part
    is then let go of). ``names`` is the set of names every stored part holds the matches of (None: no part
    holds any). ``keys``: doc_id -> the key its parts are stored under (see :func:`doc_keys`)."""

    def __init__(self, stored: dict[str, bytes] | None = None, names: set[str] | None = None,
                 keys: dict[str, str] | None = None, words: WordCounts | None = None) -> None:
        self.stored = stored or {}  # doc_id -> its parts as stored
        self.names = names if self.stored else None
        self.keys = keys
        self.words = words if words is not None else WordCounts()
        self.parts: dict[str, _Part] = {}
        self.dirty: set[str] = set()
        self.names_after: set[str] | None = None

    def for_doc(self, doc_id: str) -> dict:
        part = self.parts.get(doc_id)
        if part is None:
            blob = self.stored.get(doc_id)
            part = self.parts[doc_id] = _Part(doc_id, self._unpack(doc_id, blob) if blob is not None else {})
            if not part.raw:
                self.dirty.add(doc_id)
        return part

    def _unpack(self, doc_id: str, blob: bytes) -> dict[str, memoryview]:
        try:
            return unpack(blob)
        except ValueError as exc:  # a damaged part is made again
            _log.warning("the stored subject parts of %s cannot be read (%s); scanning it again", doc_id, exc)
            self.stored.pop(doc_id, None)
            return {}

    def touch(self, doc_id: str) -> None:
        self.dirty.add(doc_id)

    def release(self, doc_id: str, name: str) -> None:
        """Let go of a document's part ``name`` once used; one to be written is kept encoded (a build of a
        whole corpus makes every document's parts: decoded, they would all be held until written)."""
        if doc_id not in self.dirty:
            self.parts[doc_id].drop(name)
        else:
            self.parts[doc_id].pack(name)

    @classmethod
    def load(cls, store, keys: dict[str, str]) -> DocParts:
        """The parts ``store`` holds whose key is still ``keys[doc_id]`` (the document's current key)."""
        stored = {doc_id: bytes(blob) for doc_id, key, blob in store.document_parts() if keys.get(doc_id) == key}
        raw = store.derived_state(NAMES_STATE)
        names = None
        if raw is not None:
            state = decode(raw)
            if state.get("version") == parts_version():
                names = set(state["names"])
        if names is None:
            stored = {}  # parts whose names are unknown cannot say which names they were scanned for
        return cls(stored, names, keys, WordCounts.load(store, keys))

    def save(self, store, keys: dict[str, str]) -> int:
        """Write the parts made or extended by this derivation, and the names they all cover; how many."""
        rows = []
        for doc_id in sorted(self.dirty):
            if doc_id not in keys or doc_id not in self.parts:
                continue
            part = self.parts[doc_id]
            blob = self.stored.get(doc_id)
            whole = {name: bytes(b) for name, b in self._unpack(doc_id, blob).items()} if blob is not None else {}
            whole.update(part.segments())  # with what was released since
            rows.append((doc_id, keys[doc_id], pack(whole)))
        store.put_document_parts(rows)
        if self.names_after is not None:
            store.put_derived_state(NAMES_STATE, encode({"version": parts_version(),
                                                         "names": sorted(self.names_after)}))
        if self.words.changed:
            self.words.save(store)
        return len(rows)


class WordCounts:
    """How many documents hold each folded word, kept between builds so a build counts only the words of the
    documents it adds (relations leave out the words most documents hold: ``relations.COMMON_SHARE``).

    The state keeps the documents counted (doc_id -> key) and the counts of the words at least
    :data:`KEEP_SHARE` of them hold; every word left out is held by fewer than ``below`` documents. It is
    used again only when every document counted is still there unchanged and no word left out can reach the
    share asked for with the documents added; otherwise (a document removed or changed, a new rules
    version, many documents added) every document is counted again."""

    KEEP_SHARE = 0.5

    def __init__(self, docs: dict[str, str] | None = None, counts: dict[str, int] | None = None,
                 below: int = 0) -> None:
        self.docs = docs if docs is not None else {}  # doc_id -> key of the documents counted
        self.counts = Counter(counts or {})
        self.below = below  # 0: every word is counted
        self.exact = set(self.counts) if below else None  # the words whose counts are whole
        self.added = 0
        self.changed = False

    @classmethod
    def load(cls, store, keys: dict[str, str]) -> WordCounts:
        raw = store.derived_state(WORDS_STATE)
        if raw is None:
            return cls()
        try:
            state = decode(raw)
        except (ValueError, zlib.error):
            return cls()
        docs = state.get("docs") if state.get("version") == parts_version() else None
        if not docs or any(keys.get(doc_id) != key for doc_id, key in docs.items()):
            return cls()  # a document counted was removed or changed since: count them all again
        return cls(docs, state["counts"], state["below"])

    def usable(self, share: float, n_docs: int) -> bool:
        """Whether, once the documents not counted yet are, the words ``share`` of ``n_docs`` hold are known."""
        return not self.below or self.below - 1 + (n_docs - len(self.docs)) < share * n_docs

    def counted(self, doc_id: str) -> bool:
        return doc_id in self.docs

    def add(self, doc_id: str, key: str | None, folded: str) -> None:
        """Count the words of one document (``folded``: its folded words, one a line)."""
        self.counts.update(folded.split("\n"))
        self.docs[doc_id] = key
        self.added += 1
        self.changed = True

    def common(self, share: float) -> set[str]:
        """The words at least ``share`` of the documents counted hold (see :meth:`usable`)."""
        least = share * len(self.docs)
        return {w for w, n in self.counts.items() if n >= least}

    def save(self, store) -> None:
        # a word whose count is not whole was held by fewer than ``below`` documents before these were added
        below = max(int(self.KEEP_SHARE * len(self.docs)), self.below + self.added if self.below else 0)
        counts = {w: n for w, n in self.counts.items() if n >= below and (self.exact is None or w in self.exact)}
        store.put_derived_state(WORDS_STATE, encode({"version": parts_version(), "docs": self.docs,
                                                     "counts": counts, "below": below}))


def doc_keys(hashes: dict[str, tuple[str, str]]) -> dict[str, str]:
    """doc_id -> the key its parts are stored under: the rules' version and the document's content hash."""
    version = parts_version()
    return {doc_id: f"{version}:{sha}" for doc_id, (sha, _) in hashes.items()}
