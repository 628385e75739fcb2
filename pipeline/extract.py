"""path -> Extraction: read, clean, run the spaCy pipeline, make records.

This is the one place where the stages meet. A file that cannot be read gives
an ``Extraction`` with status FAILURE and one ``Problem``; it never raises, so a
bad file cannot sink a run over a folder.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from . import ingest
from .ingest import clean
from .nlp import government, metadata, register
from .models import CleanText, Decision, Document, Entity, Extraction, Passage, Problem, Status

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_log = logging.getLogger(__name__)

# spaCy refuses texts over nlp.max_length (1M chars); long documents are cut at
# paragraph boundaries into chunks of about this size and processed in turn.
CHUNK_CHARS = 100_000
PASSAGE_CHARS = 900
# One document with more text than this is refused with a message instead of stalling a nightly run
# (a dense 50 MB text is ~7 million words); SPOOR_MAX_CHARS changes it.
MAX_TEXT_CHARS = 20_000_000


def max_text_chars() -> int:
    """The most characters of cleaned text analysed from one document."""
    try:
        return int(os.environ.get("SPOOR_MAX_CHARS", MAX_TEXT_CHARS))
    except ValueError:
        return MAX_TEXT_CHARS


@lru_cache(maxsize=2)
def get_nlp(base: str = "nl") -> Language:
    """The pipeline, built once per process."""
    from .nlp import build_nlp  # spaCy is loaded here, in the processes that extract

    return build_nlp(base)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


#: The longest path and file name the system takes (Linux: 4096 bytes and 255 bytes).
PATH_MAX = 4096
NAME_MAX = 255


def iter_files(paths: Iterable[Path], faults: list[Problem] | None = None,
               follow_links: bool = False) -> Iterator[Path]:
    """Files below ``paths`` that spoor can read, in a stable order; hidden files skipped.

    A folder that cannot be listed, a path longer than the system takes, and a symbolic link that
    leads out of the given folders (unless ``follow_links``) are skipped and added to ``faults``
    as one :class:`Problem` each (logged when ``faults`` is None); the walk goes on. A link inside
    the folders is read; a link that leads nowhere (broken, or a loop) is passed on so the reader
    names it. A path named in ``paths`` itself is always passed on."""
    def fault(path: Path | str, message: str) -> None:
        problem = Problem(path=str(path), message=message)
        if faults is None:
            _log.warning("%s: %s", problem.path, problem.message)
        else:
            faults.append(problem)

    for path in paths:
        path = Path(path)
        if path.is_dir():
            roots = [Path(os.path.realpath(p)) for p in paths]
            yield from _walk(path, roots, follow_links, fault, set())
        else:
            yield path


def _inside(target: Path, roots: list[Path]) -> bool:
    return any(target == root or root in target.parents for root in roots)


def _walk(folder: Path, roots: list[Path], follow_links: bool, fault, seen: set[str]) -> Iterator[Path]:
    """``iter_files`` below one folder (``seen``: real paths of folders walked, so a loop ends)."""
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        fault(folder, f"folder cannot be read ({exc.strerror or exc}); its documents are skipped and what the "
                      "index holds of them is kept")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        if len(os.fsencode(entry.path)) >= PATH_MAX or len(os.fsencode(entry.name)) > NAME_MAX:
            fault(child, f"path is longer than the system allows ({len(os.fsencode(entry.path))} bytes); skipped "
                         "(move it to a shorter folder or give it a shorter name)")
            continue
        try:
            link = entry.is_symlink()
            if link:
                target = Path(os.path.realpath(child))
                if not target.exists():
                    yield child  # broken or a loop: the reader says so
                    continue
                if not follow_links and not _inside(target, roots):
                    fault(child, f"is a link to {target}, outside the folders to read; not followed "
                                 "(--follow-links reads it)")
                    continue
            if entry.is_dir():
                if link and not follow_links:
                    continue  # a folder inside the corpus already walked through its own path
                yield from _walk(child, roots, follow_links, fault, seen)
            elif entry.is_file():
                yield child
        except OSError as exc:
            if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
                fault(child, "path is longer than the system allows; skipped (move it to a shorter folder)")
            else:
                fault(child, f"cannot be read ({exc.strerror or exc}); skipped")


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering ``text``, cut at blank lines, else line ends, else anywhere."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, pos + size // 2, end)
                if cut > pos:
                    end = cut + len(sep)
                    break
        yield pos, text[pos:end]
        pos = end


_PARA_SPLIT = re.compile(r"\n\s*\n")
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“‘\"'(])")


def passages(doc_id: str, cleaned: CleanText, size: int = PASSAGE_CHARS) -> list[Passage]:
    """Paragraph-sized passages that never straddle a page; short paragraphs are merged."""
    text = cleaned.text
    bounds = list(cleaned.page_starts) + [len(text)]
    pieces: list[tuple[int, int]] = []
    for page_no in range(len(cleaned.page_starts)):
        lo, hi = bounds[page_no], bounds[page_no + 1]
        pos = lo
        for m in list(_PARA_SPLIT.finditer(text, lo, hi)) + [None]:
            end = m.start() if m else hi
            _split_long(text, pos, end, size, pieces)
            pos = m.end() if m else hi
    out: list[Passage] = []
    cur_start = cur_end = None
    for start, end in pieces:
        if cur_start is not None and (end - cur_start <= size
                                      and cleaned.page_of(start) == cleaned.page_of(cur_start)):
            cur_end = end
            continue
        if cur_start is not None:
            out.append(_passage(doc_id, len(out), cleaned, cur_start, cur_end))
        cur_start, cur_end = start, end
    if cur_start is not None:
        out.append(_passage(doc_id, len(out), cleaned, cur_start, cur_end))
    return out


def _split_long(text: str, start: int, end: int, size: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    while end - start > size:
        cut = None
        for m in _SENT_END.finditer(text, start, start + size):
            cut = m.start()
        if cut is None or cut <= start:
            space = text.rfind(" ", start + size // 2, start + size)
            cut = space if space > start else start + size
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))


def _passage(doc_id: str, no: int, cleaned: CleanText, start: int, end: int) -> Passage:
    return Passage(doc_id=doc_id, passage_no=no, page=cleaned.page_of(start), start=start, end=end,
                   text=cleaned.text[start:end])


def extract_file(path: Path, nlp: Language | None = None, sha256: str | None = None,
                 pdf_reader: str = "pdfminer") -> Extraction:
    """Read and analyse one file. Never raises for a bad file: see ``Extraction.errors``."""
    path = Path(path)
    try:
        raw = ingest.read(path, pdf_reader)
        digest = sha256 or sha256_of(path)
    except ingest.ReadError as exc:
        return _failed(path, exc.reason)  # (the path is the Problem's own field)
    except OSError as exc:
        return _failed(path, f"cannot be read ({exc.strerror or exc})")
    cleaned = clean.clean_pages(raw.pages)
    if not cleaned.text.strip():
        return _failed(path, "contains no text")
    limit = max_text_chars()
    if len(cleaned.text) > limit:
        return _failed(path, (
            f"holds {len(cleaned.text):,} characters of text, more than the {limit:,} spoor analyses in one "
            f"document (about {limit // 6_000_000 or 1} minute(s) of work); split the file, or raise the limit "
            f"with SPOOR_MAX_CHARS"))
    result = analyse(path.stem, cleaned, nlp or get_nlp(), path=str(path), fmt=raw.format,
                     sha256=digest, title_hint=raw.title_hint, date_hint=raw.date_hint)
    if raw.notes and result.document is not None:  # what reading took (OCR) or missed (pages without text)
        result.document.warnings = list(raw.notes) + result.document.warnings
    return result


def analyse(doc_id: str, cleaned: CleanText, nlp: Language, *, path: str = "", fmt: str = "text",
            sha256: str = "", title_hint: str | None = None, date_hint: str | None = None) -> Extraction:
    """Run the pipeline over cleaned text and turn its annotations into records."""
    text = cleaned.text
    entities: list[Entity] = []
    decisions: list[Decision] = []
    warnings: list[str] = []
    failures: list[str] = []
    meta = {"doc_id": doc_id, **({"date_hint": date_hint} if date_hint else {})}
    doc_date = date_source = None
    issuer = meeting_info = None
    places: list[str | None] = []  # the place a decision of one of several councils is named with
    for offset, piece in chunks(text):
        doc, failed = run_pipeline(nlp, piece, meta, path or doc_id)
        failures += [f for f in failed if f not in failures]
        if doc_date is None and doc._.doc_date:
            doc_date, date_source = doc._.doc_date, doc._.doc_date_source
            meta = {**meta, "doc_date": doc_date}
        entities += _entities(doc_id, doc, offset, cleaned, piece)
        decisions += [_decision(doc_id, d, offset, cleaned) for d in (doc._.decisions or [])]
        places += [d.get("_place") for d in (doc._.decisions or [])]
        warnings += list(doc._.warnings or [])
        issuer = issuer or _doc_extension(doc, "issuer")
        meeting_info = meeting_info or _doc_extension(doc, "meeting")
        frame = _doc_extension(doc, "structure")
        if frame and "structure" not in meta:  # later chunks keep the frame the opening gave (issuer, meeting)
            meta = {**meta, "structure": frame}
    for ent in entities:
        warnings += [f"{ent.text!r} (page {ent.page}): {w}" for w in ent.warnings]
    layout = meta["structure"].get("layout") if isinstance(meta.get("structure"), dict) else None
    kind = metadata.type_for_layout(metadata.doc_type(text, doc_id, title_hint), layout)
    gov = government.find(text, doc_id)
    meeting_body, meeting_date = metadata.meeting(text, kind, title_hint)
    if isinstance(meeting_info, dict):  # the decisions component's reading wins over the opening lines
        meeting_body = meeting_info.get("body") or meeting_body
        meeting_date = meeting_info.get("date") or meeting_date
    if kind == "besluitenlijst" and date_source == "stated" and doc_date and "/" in doc_date \
            and not (isinstance(meeting_info, dict) and meeting_info.get("date")):
        meeting_date = doc_date  # a weekly list of decisions ("Volgnummer: week 22, 2022"): its week, not a date it cites
    if metadata.dated_by_meeting(layout, meeting_date) not in (None, doc_date):
        doc_date, date_source = meeting_date, "stated"  # a meeting's record is dated by its meeting (its head says so)
    for dec, place in zip(decisions, places):
        dec_gov = government.for_decision(dec.actor, dec.actor_text, dec.text, gov, text, place)
        if dec_gov is not None:
            dec.government, dec.government_code = dec_gov.name, dec_gov.code
    valid_from, valid_until = register.validity(text)
    document = Document(
        doc_id=doc_id,
        title=metadata.meeting_title(metadata.title(text, doc_id, title_hint), kind, meeting_body, meeting_date,
                                     text),
        date=doc_date,
        date_source=date_source,
        doc_type=kind,
        pages=len(cleaned.page_starts),
        sha256=sha256,
        path=path,
        format=fmt,
        words=len(text.split()),
        warnings=failures + warnings,
        government=gov.name if gov else None,
        government_kind=gov.kind if gov else None,
        government_code=gov.code if gov else None,
        issuer=issuer if isinstance(issuer, str) else (meeting_body if kind == "besluitenlijst" else None),
        meeting_body=meeting_body,
        meeting_date=meeting_date,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    return Extraction(path=path, status=Status.PARTIAL if failures else Status.SUCCESS, document=document,
                      text=text, passages=passages(doc_id, cleaned), entities=entities, decisions=decisions,
                      errors=[Problem(path=path or doc_id, message=f) for f in failures])


def run_pipeline(nlp: Language, text: str, meta: dict, where: str = "") -> tuple[Doc, list[str]]:
    """Run ``nlp``'s components over ``text`` one by one: (doc, failures).

    A component that raises is reported (one log line naming ``where`` and the component, the
    traceback at DEBUG level) and skipped; what the components before and after it make is kept.
    Each failure reads "component <name> failed: <ExceptionType>: <message>".
    """
    from .nlp import register_extensions

    register_extensions()
    doc = nlp.make_doc(text)
    doc.user_data["spoor_text"] = text  # see nlp.doc_text
    doc._.meta = dict(meta or {})
    failures: list[str] = []
    for name, proc in nlp.pipeline:
        try:
            doc = proc(doc)
        except Exception as exc:  # noqa: BLE001 - one bad rule must not sink the document or the run
            detail = " ".join(str(exc).split())[:200]
            message = f"component {name} failed: {type(exc).__name__}" + (f": {detail}" if detail else "")
            _log.warning("%s: %s", where or meta.get("doc_id", "?"), message)
            _log.debug("traceback of %s in %s", name, where, exc_info=True)
            failures.append(message)
    return doc, failures


def _doc_extension(doc, name: str):
    """``doc._.<name>`` when a component declared it (the decisions component's issuer and meeting), else None."""
    from spacy.tokens import Doc

    return getattr(doc._, name, None) if Doc.has_extension(name) else None


def _entities(doc_id: str, doc, offset: int, cleaned: CleanText, text: str) -> list[Entity]:
    # The spans' values are plain strings the components made: the records are built without
    # validating them again (model_construct), the hot path of a large build.
    out = []
    make = Entity.model_construct
    for group in ("dates", "entities"):
        if group not in doc.spans:
            continue
        for span in doc.spans[group]:
            s, e, ext = span.start_char, span.end_char, span._
            start = offset + s
            out.append(make(
                doc_id=doc_id, label=span.label_, text=text[s:e], start=start,
                end=offset + e, page=cleaned.page_of(start),
                canonical=ext.canonical, value=ext.value, mod=ext.mod,
                parent=ext.parent, role=ext.role, warnings=list(ext.warnings or []),
            ))
    out.sort(key=lambda e: (e.start, e.end))
    return out


def _decision(doc_id: str, d: dict, offset: int, cleaned: CleanText) -> Decision:
    fields = {k: v for k, v in d.items() if k in Decision.model_fields and k not in ("kind", "doc_id")}
    fields["start"] = offset + int(d["start"])
    fields["end"] = offset + int(d["end"])
    if fields.get("number") is not None:
        fields["number"] = str(fields["number"])
    fields.setdefault("status", "proposed")
    return Decision(doc_id=doc_id, page=cleaned.page_of(fields["start"]), **fields)


def _failed(path: Path, message: str) -> Extraction:
    _log.warning("%s: %s", path, message)
    return Extraction(path=str(path), status=Status.FAILURE, errors=[Problem(path=str(path), message=message)])
