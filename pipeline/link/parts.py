"""What each document contributes to the subjects and relations, kept between builds (issue 19).

Deriving subjects scans every document's text several times: for dissolution lists, candidate names,
cue sentences, placement paragraphs, the words it holds and where the subjects' names occur. What such a
scan finds depends on the document alone, so :class:`DocParts` keeps it per document in the store
(``document_parts``, keyed by the document's content and the rules' version) and a build scans only the
documents that are new or changed. Name matches depend on the names looked for too: every stored part
holds the matches of the same set of names (``names``), and a build looks for the names it adds in the
documents whose words hold them, so the parts then hold the matches of both sets.

Parts are JSON (zlib-compressed): lists and strings only, readable whatever backend stores them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from pathlib import Path

_log = logging.getLogger(__name__)

#: Raise when what a scan keeps changes; the rules' files are part of the version too.
FORMAT = "2"
_RULE_FILES = ("relations.json", "subject_words.json")
NAMES_STATE = "subject_names"


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


class DocParts:
    """Per-document scan results for one derivation: the stored ones still valid, and those it makes.

    ``for_doc(doc_id)`` gives the parts of a document (a dict: scan name -> what it found), empty for a
    document scanned for the first time; a scan that fills or extends a document's parts calls
    ``touch(doc_id)`` so they are written back, and one done with a part of a document calls
    ``release(doc_id, name)`` (a part kept from an earlier build is then let go: the stored parts are held
    compressed, and decoded one document at a time). ``names`` is the set of names every stored part holds
    the matches of (None: no part holds any)."""

    def __init__(self, stored: dict[str, bytes] | None = None, names: set[str] | None = None) -> None:
        self.stored = stored or {}  # doc_id -> its parts as stored (compressed)
        self.names = names if self.stored else None
        self.parts: dict[str, dict] = {}
        self.dirty: set[str] = set()
        self.names_after: set[str] | None = None

    def for_doc(self, doc_id: str) -> dict:
        part = self.parts.get(doc_id)
        if part is None:
            blob = self.stored.get(doc_id)
            part = self.parts[doc_id] = self._decode(doc_id, blob) if blob is not None else {}
            if not part:
                self.dirty.add(doc_id)
        return part

    def _decode(self, doc_id: str, blob: bytes) -> dict:
        try:
            return decode(blob)
        except (ValueError, zlib.error) as exc:  # a damaged part is made again
            _log.warning("the stored subject parts of %s cannot be read (%s); scanning it again", doc_id, exc)
            self.stored.pop(doc_id, None)
            return {}

    def touch(self, doc_id: str) -> None:
        self.dirty.add(doc_id)

    def release(self, doc_id: str, name: str) -> None:
        """Let go of a document's part ``name`` once used, unless it is to be written."""
        if doc_id not in self.dirty:
            self.parts[doc_id].pop(name, None)

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
        return cls(stored, names)

    def save(self, store, keys: dict[str, str]) -> int:
        """Write the parts made or extended by this derivation, and the names they all cover; how many."""
        rows = []
        for doc_id in sorted(self.dirty):
            if doc_id not in keys or doc_id not in self.parts:
                continue
            blob = self.stored.get(doc_id)
            whole = self._decode(doc_id, blob) if blob is not None else {}  # what was released since
            whole.update(self.parts[doc_id])
            rows.append((doc_id, keys[doc_id], encode(whole)))
        store.put_document_parts(rows)
        if self.names_after is not None:
            store.put_derived_state(NAMES_STATE, encode({"version": parts_version(),
                                                         "names": sorted(self.names_after)}))
        return len(rows)


def doc_keys(hashes: dict[str, tuple[str, str]]) -> dict[str, str]:
    """doc_id -> the key its parts are stored under: the rules' version and the document's content hash."""
    version = parts_version()
    return {doc_id: f"{version}:{sha}" for doc_id, (sha, _) in hashes.items()}
