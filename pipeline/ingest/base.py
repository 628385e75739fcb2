"""The small interface every reader implements, and the file checks they share."""

from __future__ import annotations

import errno
import logging
import os
import stat
from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from ..models import RawDocument

_log = logging.getLogger(__name__)

SNIFF_BYTES = 4096


class ReadError(Exception):
    """A file could not be read; the message says why, in words a user can act on. ``reason`` is the
    message without the file's path (for a report that names the file in a field of its own)."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason if reason is not None else message


class Reader(ABC):
    """One input format: which suffixes it takes, a cheap content check, and the reading itself."""

    format: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]

    def is_valid(self, path: Path) -> bool:
        """True if the first bytes of ``path`` look like this format (cheap; no full parse)."""
        return True

    @abstractmethod
    def read(self, path: Path) -> RawDocument:
        """Read ``path`` into one string per page; raise ``ReadError`` on any problem."""


def check_file(path: Path) -> int:
    """Make sure ``path`` is a regular, readable, non-empty file; return its size in bytes.

    Raises ``ReadError`` naming the problem (missing, directory, symlink loop, permissions, empty).
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError("is a broken symbolic link; point it at an existing file") from None
        raise ReadError("does not exist; check the path") from None
    except OSError as exc:
        raise os_error(exc) from None
    except RuntimeError as exc:  # pragma: no cover - Path.resolve on old Pythons
        raise ReadError(f"cannot be read ({exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("is a directory, not a file; pass the files inside it")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError("is not a regular file (device, socket or pipe); pass a document file")
    if st.st_size == 0:
        raise ReadError("is empty (0 bytes); download or export the document again")
    return st.st_size


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path`` (at most ``limit``), with OS errors turned into ``ReadError``."""
    try:
        with open(path, "rb") as fh:
            return fh.read() if limit is None else fh.read(limit)
    except OSError as exc:
        raise os_error(exc) from None


def os_error(exc: OSError) -> ReadError:
    """The ReadError a user can act on for an error of the operating system."""
    if isinstance(exc, PermissionError):
        return ReadError("cannot be read: permission denied; check the file's permissions")
    if isinstance(exc, IsADirectoryError):
        return ReadError("is a directory, not a file; pass the files inside it")
    if exc.errno == errno.ELOOP:
        return ReadError("is a symbolic link loop; fix or remove the link")
    return ReadError(f"cannot be read ({exc.strerror or exc})")
