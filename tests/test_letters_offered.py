"""What a letter offers, sends or will send (issue 15, session 22, after whole provincial letters and the blind sets'
letters): "Hierbij bieden wij u de jaarrekening ter vaststelling aan" is the writer's proposal on the letter's day,
"Wij sturen u het voorstel in juli 2024 toe" a plan for that month, "hebben wij een brief aan de gemeenten gestuurd"
a step taken; steering ("Wij sturen op lokaal eigendom") is none of these. Read end to end by the whole pipeline, as in
``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText

LETTER = """Gedeputeerde Staten van Overijssel

Zwolle, 21 mei 2024

Aan Provinciale Staten van Overijssel

Geachte Staten,

Wij sturen u het voorstel tot vaststellen van deze instructieregel in juli 2024 toe.

Op 14 april 2024 hebben wij een brief aan de gemeenten gestuurd.

Hierbij bieden wij u de jaarrekening 2023 ter vaststelling aan.

Wij sturen op lokaal eigendom.

Gedeputeerde Staten van Overijssel,
"""


def test_what_a_letter_offers_sends_and_will_send(nlp):
    x = analyse("overijssel-brief-aan-ps-2024-05-21", CleanText(text=LETTER), nlp)
    got = {(d.text.split()[0], d.status, d.actor, d.date) for d in x.decisions}
    assert got == {("Wij", "planned", "gedeputeerde_staten", "2024-07"),
                   ("Op", "realized", "gedeputeerde_staten", "2024-04-14"),
                   ("Hierbij", "proposed", "gedeputeerde_staten", "2024-05-21")}, got


def test_the_addressee_that_sent_is_not_the_writer(nlp):
    x = analyse("brief", CleanText(text="Gedeputeerde Staten van Overijssel\n\nZwolle, 28 mei 2024\n\nAan het college "
                                        "van Wierden\n\nGeacht college,\n\nOp 7 mei 2024 heeft u ons een aanvullende "
                                        "brief gestuurd met het verzoek de procedure te staken.\n\nHoogachtend,\n\n"
                                        "Gedeputeerde Staten van Overijssel,\n"), nlp)
    assert not any(d.date == "2024-05-07" for d in x.decisions), [(d.actor, d.date, d.text) for d in x.decisions]


def test_an_unnamed_sender_is_the_writer_of_a_letter_and_nobody_elsewhere(nlp):
    x = analyse("brief", CleanText(text="Regionale Ambulancevoorziening\n\nUtrecht, 3 april 2024\n\nAan de "
                                        "gemeenteraden\n\nGeachte raad,\n\nDe Kaderbrief Begroting 2025 is op 31 januari "
                                        "2024 naar de gemeenten gestuurd en geplaatst op onze website.\n\nMet vriendelijke "
                                        "groet,\n\nHet dagelijks bestuur\n"), nlp)
    assert [(d.actor, d.date) for d in x.decisions] == [("dagelijks_bestuur", "2024-01-31")], x.decisions
    x = analyse("lijst", CleanText(text="Besluitenlijst\n\nDe brieven over de overige begrotingen worden op 7 oktober "
                                        "2021 naar de Kamer gestuurd.\n"), nlp)
    assert x.decisions == [], [(d.actor, d.date, d.text) for d in x.decisions]
