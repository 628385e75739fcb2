"""path -> RawDocument: one reader per format behind one small interface (placeholder)."""

from __future__ import annotations

from pathlib import Path

from ..models import RawDocument


class ReadError(Exception):
    """A file could not be read; the message says why, in words a user can act on."""


def read(path: Path) -> RawDocument:
    data = Path(path).read_bytes()
    if not data.strip():
        raise ReadError("the file is empty")
    return RawDocument(path=str(path), format="text", pages=[data.decode("utf-8", "replace")])
