"""The spaCy pipeline: ``spacy.blank("nl")`` plus spoor's own rule components.

Conventions shared by every component (the Doc never leaves this package):

* ``doc._.meta``: dict the caller fills before processing: ``doc_id``,
  ``doc_date`` (ISO string or None), ``issuer`` (canonical body or None).
* ``doc.spans["dates"]``: DATE spans; ``span._.value`` is the normalised value,
  ``span._.mod`` the modifier (START/MID/END/ON_OR_BEFORE/ON_OR_AFTER/APPROX).
* ``doc.spans["entities"]``: ORGAN/ORG/PERSON/LOC/MONEY/LAW spans with
  ``span._.canonical`` (canonical id), ``span._.parent`` (canonical id of the
  organisation a body belongs to, e.g. the algemeen bestuur *of Regio Twente*),
  ``span._.value`` (e.g. euros) and ``span._.role`` (a person's role).
* ``doc._.decisions``: list of dicts in the shape of ``models.Decision``
  (without doc_id/page; offsets are character offsets into ``doc.text``); ``_place``, where present, is the
  place a decision of one of several councils is named with, which the record's government is found from.
* ``doc._.doc_date`` / ``doc._.doc_date_source``: the document's own date.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Order matters: dates anchor relative expressions, bodies feed decisions.
DEFAULT_COMPONENTS = ("spoor_dates", "spoor_entities", "spoor_decisions")


_registered = False


def register_extensions() -> None:
    """Set the Doc and Span extensions once (the components' modules, ``build_nlp`` and ``new_doc`` call it)."""
    global _registered
    if _registered:
        return
    _registered = True
    from spacy.tokens import Doc, Span

    for name, default in (("meta", None), ("decisions", None), ("doc_date", None),
                          ("doc_date_source", None), ("warnings", None),
                          ("issuer", None), ("meeting", None), ("layout", None), ("structure", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("value", "mod", "canonical", "parent", "warnings", "role"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


# spaCy is imported where a pipeline is built or a component loaded, not by everything under
# pipeline.nlp: the knowledge base (pipeline.nlp.kb) serves linking, subjects and the index too, in
# processes that never run spaCy and should not carry its ~80 MB. Whoever already uses spaCy gets the
# extensions right away.
if "spacy" in sys.modules:
    register_extensions()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on every access)."""
    cached = doc.user_data.get("spoor_text")
    if cached is None:
        cached = doc.user_data["spoor_text"] = doc.text
    return cached


def build_nlp(base: str = "nl", components: tuple[str, ...] = DEFAULT_COMPONENTS) -> Language:
    """Build spoor's pipeline.

    ``base`` is a language code for ``spacy.blank`` (the default, no download) or
    the name/path of an installed trained pipeline (e.g. ``nl_core_news_md``),
    whose own components then run before spoor's.
    """
    import spacy

    from . import dates, entities, decisions  # noqa: F401  (registers the factories)

    dates.register()
    register_extensions()
    nlp = spacy.blank(base) if len(base) <= 3 else spacy.load(base)
    _split_glued_dd(nlp)
    # No sentencizer: the decisions component segments sentences, list items and
    # schedule rows itself, and nothing else reads doc.sents.
    for name in components:
        nlp.add_pipe(name)
    return nlp


def _split_glued_dd(nlp: Language) -> None:
    """"d.d.28 februari 2013" (no space after the abbreviation) is "d.d." and the date's day, so the day's
    token can start a date."""
    import re

    search = nlp.tokenizer.prefix_search
    existing = getattr(getattr(search, "__self__", None), "pattern", None)
    if existing is None:
        return  # (a trained pipeline's own tokenizer without a prefix regex: left as it is)
    nlp.tokenizer.prefix_search = re.compile(r"^d\.\s?d\.(?=[0-9])|" + existing).search


def new_doc(nlp: Language, text: str, meta: dict | None = None) -> Doc:
    """Run ``nlp`` over ``text`` with the document context in ``doc._.meta``."""
    register_extensions()
    doc = nlp.make_doc(text)
    doc.user_data["spoor_text"] = text  # spaCy's tokenizer keeps the text exactly; see doc_text
    doc._.meta = dict(meta or {})
    return nlp(doc)
