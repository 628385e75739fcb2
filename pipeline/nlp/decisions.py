"""Decision component (placeholder: being written under issue 5)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("spoor_decisions")
def make_decisions(nlp: Language, name: str):
    def decisions(doc: Doc) -> Doc:
        doc._.decisions = []
        return doc

    return decisions
