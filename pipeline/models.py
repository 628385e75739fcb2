"""Records that cross a stage boundary.

Every stage of spoor takes records and yields records: ``ingest`` makes a
``RawDocument``, ``clean`` a ``CleanText``, ``extract`` the ``Document``,
``Entity`` and ``Decision`` records that the store, the index and the JSON Lines
export share. The JSON field names of ``Document``, ``Entity`` and ``Decision``
are a contract (see DEVELOPERS.md): extend them, never rename them.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, Field

#: The warning an entity gets when it is an acronym no document defines (yet).
UNRESOLVED = "unresolved_abbreviation"

ENTITY_LABELS = ("ORGAN", "ORG", "PERSON", "LOC", "DATE", "MONEY", "LAW")


class Status(str, Enum):
    """How far reading a document got."""

    SUCCESS = "success"
    PARTIAL = "partial"
    FAILURE = "failure"


class Problem(BaseModel):
    """One thing that went wrong with one file, in words a user can act on."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class RawDocument(BaseModel):
    """What a reader got out of a file: the text of each page, before cleaning."""

    path: str
    format: str
    pages: list[str]
    title_hint: str | None = None
    #: The date the file's own metadata gives the document (an official publication's Dublin Core
    #: ``DCTERMS.issued`` / ``DC.date`` / ``DCTERMS.available``), ISO; the document's date when its text
    #: states none.
    date_hint: str | None = None
    #: What the reader had to do or could not do, one line each, kept among the document's warnings:
    #: "pages read through OCR: 2, 3", "pages without text: 4".
    notes: list[str] = Field(default_factory=list)


class CleanText(BaseModel):
    """Cleaned text of a whole document and where each page starts in it."""

    text: str
    page_starts: list[int] = Field(default_factory=lambda: [0])

    def page_of(self, offset: int) -> int:
        """1-based page number of the character at ``offset``."""
        import bisect

        return max(1, bisect.bisect_right(self.page_starts, offset))


class Document(BaseModel):
    kind: Literal["document"] = "document"
    doc_id: str
    title: str
    date: str | None = None
    date_source: str | None = None  # "stated" (header/colophon), "inferred", "metadata" (the file's own metadata) or
    # "filename" (a text that states no date of its own, dated by the date its file's name carries)
    doc_type: str
    pages: int
    sha256: str
    path: str
    format: str
    words: int = 0
    warnings: list[str] = Field(default_factory=list)
    # Context (contract extension, 2026-12): who issued the document and for which meeting.
    government: str | None = None  # the issuing government's name: "Enschede", "Overijssel", "Regio Twente"
    government_kind: str | None = None  # gemeente / provincie / waterschap / samenwerkingsverband / rijk
    government_code: str | None = None  # TOOI/CBS code where one exists: "gm0153", "pv23", "ws0155"
    issuer: str | None = None  # canonical id of the issuing body ("college_bw", "gedeputeerde_staten")
    meeting_body: str | None = None  # decision lists, minutes, agendas: the meeting's body ...
    meeting_date: str | None = None  # ... and its date (ISO)
    # A regulation's text in a register (contract extension, 2026-12): the days it is valid from and until (ISO, as
    # the register writes them: "Geldend van 01-07-2014 t/m 31-12-2020", "Regeling vervallen per 01-01-2021").
    valid_from: str | None = None
    valid_until: str | None = None


class Entity(BaseModel):
    kind: Literal["entity"] = "entity"
    doc_id: str
    label: str
    text: str
    start: int
    end: int
    page: int
    canonical: str | None = None
    value: str | None = None
    mod: str | None = None
    parent: str | None = None
    role: str | None = None
    warnings: list[str] = Field(default_factory=list)


#: The statuses a decision record may have (``Decision.status``).
DECISION_STATUSES = ("adopted", "rejected", "withdrawn", "postponed", "proposed", "planned", "promised", "realized")


class Decision(BaseModel):
    kind: Literal["decision"] = "decision"
    doc_id: str
    actor: str | None = None
    actor_text: str | None = None
    date: str | None = None
    date_text: str | None = None
    status: str
    predicate: str | None = None
    object: str | None = None
    number: str | None = None
    vote: str | None = None
    text: str
    start: int
    end: int
    page: int = 1
    # Contract extension (2026-12): the government the actor belongs to, vote counts where written,
    # the holder of a mandate the body's decision was taken under, and whether the decision is an
    # earlier one the text cites ("het besluit van GS van 3 maart 2020").
    government: str | None = None
    government_code: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    mandate_holder: str | None = None
    cited: bool = False
    # Contract extension (2026-12, session 12): a person's office is the actor by its kind ("minister", as
    # "wethouder" and "gedeputeerde" are), the office itself kept here ("minister_ienw").
    actor_office: str | None = None


# Subjects and relations: what pipeline.link derives across documents and the store keeps.
class Evidence(BaseModel):
    doc_id: str
    page: int
    text: str
    start: int | None = None
    end: int | None = None
    date: str | None = None


class Relation(BaseModel):
    """One typed link from subject ``source`` to ``target`` (a subject id; for same_as the other name)."""

    type: str
    source: str
    target: str
    target_name: str
    evidence: Evidence
    status: str = "stated"  # stated | possible | proposed | planned
    cue: str | None = None
    when: str | None = None  # a date written in the evidence sentence
    score: float | None = None
    via: Evidence | None = None  # the proposal side of realized_as / diverged
    note: str | None = None


class SubjectDoc(BaseModel):
    doc_id: str
    date: str | None = None
    pages: list[int] = Field(default_factory=list)


class Subject(BaseModel):
    id: str
    name: str
    label: str
    kind: str = "entity"  # entity | name | plan | instance | topic
    generic: bool = False
    aliases: list[str] = Field(default_factory=list)
    documents: list[SubjectDoc] = Field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    mentions: int = 0
    relations: list[Relation] = Field(default_factory=list)
    incoming: list[Relation] = Field(default_factory=list)
    # Contract extension (issue 16): a kind of body every government has is one subject per government
    # ("gemeenteraad Den Helder"): ``body`` is its knowledge-base id, ``government`` the government's name.
    government: str | None = None
    body: str | None = None
    spans: list[tuple[str, int, int, int]] = Field(default_factory=list, exclude=True)  # (doc, start, end, page)


class Passage(BaseModel):
    """A paragraph-sized piece of a document, the unit of search."""

    doc_id: str
    passage_no: int
    page: int
    start: int
    end: int
    text: str


class Extraction(BaseModel):
    """Everything extracted from one file, or why nothing could be."""

    path: str
    status: Status
    document: Document | None = None
    passages: list[Passage] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    text: str = ""
    errors: list[Problem] = Field(default_factory=list)
