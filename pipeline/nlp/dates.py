"""DATE component (placeholder: being written under issue 3)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("spoor_dates")
def make_dates(nlp: Language, name: str):
    def dates(doc: Doc) -> Doc:
        doc.spans["dates"] = []
        return doc

    return dates
