"""A decision in the first person singular (issue 15, session 23, after the Woo decisions and objection rulings of
the blind set r45): a minister, state secretary or mayor writes "Ik wijs uw verzoek af", "Ik verklaar uw bezwaar
gegrond", "Ik ken uw cliënt een vergoeding toe". The verb's first-person form is its stem, which the lexicon did not
know for most verbs; objections are declared (on)founded with "(on)gegrond verklaren". Read end to end by the whole
pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText

RULING = """Belastingdienst

Datum 26 mei 2021

Betreft: bezwaar tegen het besluit van 28 november 2020

Geachte heer,

Op 18 december 2020 heb ik van u een bezwaarschrift ontvangen.

Ik verklaar uw bezwaar gegrond.

Ik ken uw cliënt een kostenvergoeding toe van 534 euro.

Het verzoek om een proceskostenvergoeding voor de hoorzitting wijs ik af.

Hoogachtend,

de Staatssecretaris van Financiën,
"""


def test_an_objection_ruling_in_the_first_person(nlp):
    x = analyse("belastingdienst-beslissing-op-bezwaar-2021-05-26", CleanText(text=RULING), nlp)
    got = {(d.text.split()[0], d.status, d.actor, d.date) for d in x.decisions}
    assert {("Ik", "adopted", "staatssecretaris", "2021-05-26"),
            ("Het", "rejected", "staatssecretaris", "2021-05-26")} <= got, got
    assert sum(d.text.startswith("Ik ") for d in x.decisions) == 2  # "gegrond", and the allowance granted


def test_an_objection_declared_founded_or_unfounded_in_a_board_s_list(nlp):
    text = ("Besluitenlijst van de vergadering van het college van burgemeester en wethouders van 5 maart 2024\n\n"
            "1. Bezwaarschrift Jansen\nHet college verklaart het bezwaar van de heer Jansen gegrond.\n\n"
            "2. Bezwaarschrift Pietersen\nHet college verklaarde het bezwaar van mevrouw Pietersen ongegrond.\n")
    x = analyse("utrecht-besluitenlijst-college-2024-03-05", CleanText(text=text), nlp)
    got = [(d.status, d.actor, d.date) for d in x.decisions]
    assert got == [("adopted", "college_bw", "2024-03-05"), ("rejected", "college_bw", "2024-03-05")], got


def test_a_stem_without_ik_supposes_or_asks(nlp):
    # "Stel: ..." (suppose) opens a sentence with the stem of "openstellen" and its particle "open" further on
    text = ("Nota aan de minister\n\nDatum 22 juni 2022\n\nStel: de internetconsultatie gaat op maandag 11 juli open, "
            "dan is de reactietermijn op 8 augustus voorbij.\n")
    x = analyse("ocw-nota-2022-06-22", CleanText(text=text), nlp)
    assert [d.text for d in x.decisions if d.text.startswith("Stel")] == []


WOO = """Beschikking op Wob verzoek
Van de Minister van Sociale Zaken en Werkgelegenheid

Aanleiding
Op 12 oktober 2020 is een verzoek ingediend om openbaarmaking van notities.

Bij brief d.d. 28 september 2020 heb ik u laten weten dat ik dit Wob-verzoek deels heb doorgezonden naar de korpschef.

Den Haag, 28 mei 2021

De Minister van Sociale Zaken en Werkgelegenheid,
"""


def test_a_request_forwarded_is_the_writers_step_and_a_heading_is_no_cited_decision(nlp):
    x = analyse("minister-szw-woo-besluit-2021-05-28", CleanText(text=WOO), nlp)
    got = {(d.date, d.status) for d in x.decisions if d.actor == "minister"}
    assert ("2020-09-28", "realized") in got, got  # "heb ... doorgezonden"
    assert not any(d.date == "2020-10-12" for d in x.decisions)  # the request someone filed, under a heading


MAYOR = """Gemeente Amsterdam

Datum 23 december 2021

Onderwerp Besluit op Wob-verzoek over preventief fouilleren

Beste heer,

In uw e-mail van 31 augustus 2021, door ons ontvangen op 31 augustus 2021, heeft u verzocht om openbaarmaking van
informatie over preventief fouilleren. In onze e-mail van 7 september 2021 hebben wij de ontvangst van uw verzoek
bevestigd. Wij hebben de politie om een zienswijze gevraagd. Wij hebben die zienswijze ontvangen.

Ik heb besloten de documenten gedeeltelijk openbaar te maken.

Met vriendelijke groet,

Burgemeester van de gemeente Amsterdam

Namens deze,

Directeur Openbare Orde en Veiligheid
"""


def test_a_mayors_decision_under_mandate_is_the_mayors_though_wij_write_it(nlp):
    # the office signs with a mandate holder under it: the mayor's own decision, not the college's
    x = analyse("amsterdam-burgemeester-wob-besluit-2021-12-23", CleanText(text=MAYOR), nlp)
    got = {(d.text.split()[0], d.actor, d.date) for d in x.decisions}
    assert ("Ik", "burgemeester", "2021-12-23") in got, got
    assert not any(actor == "college_bw" for _, actor, _ in got), got
