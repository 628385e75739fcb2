from __future__ import annotations

import pytest

from pipeline.nlp import metadata


@pytest.mark.parametrize("text,stem,expected", [
    ("Notitie\n\nEen nieuwe koers voor de regio\n\nTekst.", "x", "notitie"),
    ("Advies\n\n“Samen verder”\n\n3 maart 2020", "x", "advies"),
    ("Plan van aanpak herinrichting\nDatum: 1 mei 2019", "x", "plan van aanpak"),
    ("Presentatie voor de raad\nSpreker", "x", "presentatie"),
    ("BESLUITENLIJST van de raadsvergadering", "x", "besluitenlijst"),
    ("Tekst zonder kop.", "gemeente-besluitenlijst-raad-2016", "besluitenlijst"),
    ("Geachte leden van de raad,\n\nHierbij ...\n\nMet vriendelijke groet,", "x", "brief"),
    ("• Ander nieuws\nLees meer...\n\nDe regio is veranderd", "x", "nieuwsbericht"),
    ("Zomaar wat tekst over niets.", "x", "document"),
])
def test_metadata_doc_type(text, stem, expected):
    assert metadata.doc_type(text, stem) == expected


def test_metadata_title_skips_type_words_labels_and_bullets():
    text = "Notitie\n\nDatum: 4 mei 2020\n• Regio is veranderd\nEen frisse blik op samenwerking\n\nBody."
    assert metadata.title(text, "stem") == "Een frisse blik op samenwerking"


def test_metadata_title_prefers_the_reader_hint():
    assert metadata.title("Iets\nanders", "stem", title_hint="Raadsagenda 31 augustus") == "Raadsagenda 31 augustus"


def test_metadata_title_falls_back_to_the_stem():
    assert metadata.title("", "my_doc") == "my_doc"
