"""Cells of a decision list as a reader gets them (issue 15, session 23, after the council decision lists of the blind
set r45): a row whose outcome cell lost its tab in reading ("E.6 Voorstel van het college inzake X (RIS321266)
Aangenomen") is still the meeting's decision, not the college's; a row whose outcome cell is a date ("Datumbepaling
initiatiefvoorstel X<TAB>Q2 2025") is the meeting setting when the subject will be treated, and the plan; "AGENDAPUNT
AFGEVOERD" after an item's subject withdraws it. Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse, extract_file
from pipeline.models import CleanText

LIST = """Besluitenlijst

Raad

Datum en tijd\t13 februari 2025, 14.00 uur

Punt Omschrijving\tBesluit

E.5 Voorstel van het college inzake Verzoek om bindend advies voor omgevingsvergunning Oude Haagweg 733\tAangenomen

E.6 Voorstel van het college inzake Verzoek om bindend advies voor omgevingsvergunning Anjelierstraat 48 (RIS321266) Aangenomen

F

Datumbepaling initiatiefvoorstel Zicht op arbeidsmigratie (RIS321353)\tQ2 2025

G

Stand van zaken ontwikkelingen Weigeliaplein AGENDAPUNT AFGEVOERD
"""


def _rows(text, nlp, doc_id="denhaag-besluitenlijst-raad-2025-02-13"):
    x = analyse(doc_id, CleanText(text=text), nlp)
    return [(d.actor, d.date, d.status, d.text.split()[0]) for d in x.decisions]


def test_an_outcome_cell_that_lost_its_tab_is_the_meetings(nlp):
    rows = _rows(LIST, nlp)
    assert ("gemeenteraad", "2025-02-13", "adopted", "Voorstel") in rows
    assert [r for r in rows if r[0] == "college_bw"] == [], rows
    assert sum(r == ("gemeenteraad", "2025-02-13", "adopted", "Voorstel") for r in rows) == 2, rows  # E.5 and E.6


def test_a_date_in_the_outcome_cell_sets_when_the_subject_is_treated(nlp):
    rows = _rows(LIST, nlp)
    assert ("gemeenteraad", "2025-02-13", "adopted", "Datumbepaling") in rows, rows
    assert ("gemeenteraad", "2025-04/2025-06", "planned", "Datumbepaling") in rows, rows


def test_a_field_of_the_meeting_with_its_date_is_no_item(nlp):
    text = "Verslag bestuurlijk overleg\n\nDatum:\t18 maart 2025\n\n1. Opening\n\nDe voorzitter opent de vergadering.\n"
    assert [r for r in _rows(text, nlp) if r[2] == "planned"] == []


def test_an_item_taken_off_the_agenda_is_withdrawn(nlp):
    assert ("gemeenteraad", "2025-02-13", "withdrawn", "Stand") in _rows(LIST, nlp)


def test_a_sentence_ending_in_a_lower_case_participle_is_no_cell(nlp):
    text = LIST.replace("(RIS321266) Aangenomen", "(RIS321266) wordt straks aangenomen")
    rows = _rows(text, nlp)
    assert sum(r == ("gemeenteraad", "2025-02-13", "adopted", "Voorstel") for r in rows) == 1, rows


ROWS = """Besluitenlijst

Raad

Datum en tijd\t9 juli 2025, 14.00 uur

K

Voorstel van het college inzake Aankoop Pletterijkade 50 (RIS322247)

322854

Amendement K.A CDA Duidelijk plan Pletterijkade 50 met en voor de buurt\tAangenomen

K

L\tCommissiebrief inzake Jaarrapportage 2024 Wmo (RIS321758)

Geamendeerd voorstel van het college inzake Aankoop Pletterijkade 50\tAangenomen

322857 Motie L.1 GL Breng meer begeleiding terug in doelgroepenvervoer

322858 Motie L.2 GL Onderzoek alternatieven Noot
"""


def test_the_proposal_the_college_owns_is_adopted_by_the_meeting_in_its_own_row(nlp, tmp_path):
    # the amended proposal's row, read as a sentence, is the meeting's decision (the college owns the proposal, it
    # adopts nothing) and a decision of its own beside the amendment's row above it (read from a file, as the
    # cleaner leaves such a list)
    path = tmp_path / "denhaag-besluitenlijst-raad-2025-07-09.txt"
    path.write_text(ROWS, encoding="utf-8")
    rows = [(d.actor, d.date, d.status, d.text.split()[0]) for d in extract_file(path, nlp).decisions]
    assert [r for r in rows if r[0] == "college_bw"] == [], rows
    assert ("gemeenteraad", "2025-07-09", "adopted", "Geamendeerd") in rows, rows
    assert ("gemeenteraad", "2025-07-09", "adopted", "Amendement") in rows, rows
