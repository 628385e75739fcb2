"""An official notice's appeal section speaks to the reader (issue 15, session 24, after the traffic decisions of the
blind set r48): "Wij adviseren u zo mogelijk een kopie van het besluit bij te voegen" tells whoever objects how to do
it; it is no proposal of the college. A board that advises the assembly it answers to ("wij adviseren u geen
zoekgebieden aan te wijzen", in a Statenvoorstel) still proposes. Read end to end by the whole pipeline.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText

NOTICE = """Verkeersbesluit Cooklaan

Burgemeester en Wethouders van Utrecht;

Besluiten:

een parkeerplaats aan de Cooklaan aan te wijzen als parkeerplaats voor het opladen van elektrische voertuigen.

Utrecht, 4 november 2025

Bezwaar

Tegen dit besluit kunt u binnen zes weken een bezwaarschrift indienen bij het college. Wij adviseren u zo mogelijk
een kopie van het besluit bij te voegen. Wij verzoeken u in het bezwaarschrift uw telefoonnummer te vermelden.
"""

PROPOSAL = """Statenvoorstel instructieregel wind

Aan Provinciale Staten van Overijssel

Zwolle, 16 juli 2024

Het onderzoek is afgerond en wij adviseren u geen zoekgebieden in het Nationaal Landschap aan te wijzen.

Gedeputeerde Staten van Overijssel,
"""


def test_a_notices_advice_to_whoever_objects_is_no_proposal(nlp):
    x = analyse("utrecht-verkeersbesluit-cooklaan-2025-11-04", CleanText(text=NOTICE), nlp)
    assert [d.status for d in x.decisions if d.text.startswith("Besluiten")] == ["adopted"]
    assert not [d.text for d in x.decisions if d.status == "proposed"]


def test_a_board_that_advises_its_assembly_still_proposes(nlp):
    x = analyse("overijssel-statenvoorstel-wind-2024-07-16", CleanText(text=PROPOSAL), nlp)
    assert [(d.actor, d.status) for d in x.decisions if "adviseren u" in d.text] == [("gedeputeerde_staten", "proposed")]


def test_a_notices_publication_in_the_official_journal_is_the_issuers_on_that_day(nlp):
    text = NOTICE.replace("Utrecht, 4 november 2025\n", "Utrecht, 4 november 2025\n\nGepubliceerd op 6 november 2025 in "
                          "het Gemeenteblad.\n\nHet besluit van 3 maart 2020 is gepubliceerd in de Staatscourant van 5 maart "
                          "2020.\n")
    x = analyse("utrecht-verkeersbesluit-cooklaan-2025-11-04", CleanText(text=text), nlp)
    got = [(d.actor, d.date, d.status) for d in x.decisions if d.status == "realized"]
    # (a sentence that names two days does not say which is the publication's)
    assert got == [("college_bw", "2025-11-06", "realized")], got


def test_a_decision_that_takes_effect_on_a_later_day_is_that_days_step_too(nlp):
    # "Besluiten: met ingang van 7 november 2025 ... vast te stellen" (a traffic decision of 4 November): adopted on its
    # day, and on the timeline again where it takes effect (planned by the same body); a date before the decision or a
    # term the text tells on its own ("treedt in werking met ingang van ...") adds nothing
    text = NOTICE.replace("een parkeerplaats aan de Cooklaan", "met ingang van 7 november 2025 een parkeerplaats aan de Cooklaan")
    x = analyse("utrecht-verkeersbesluit-cooklaan-2025-11-04", CleanText(text=text), nlp)
    steps = sorted((d.actor, d.date, d.status) for d in x.decisions)
    assert ("college_bw", "2025-11-04", "adopted") in steps and ("college_bw", "2025-11-07", "planned") in steps, steps
    earlier = NOTICE.replace("een parkeerplaats aan de Cooklaan", "met ingang van 1 november 2025 een parkeerplaats aan de Cooklaan")
    x = analyse("utrecht-verkeersbesluit-cooklaan-2025-11-04", CleanText(text=earlier), nlp)
    assert [d.date for d in x.decisions if d.status == "planned"] == [], [(d.date, d.status) for d in x.decisions]


def test_a_notice_of_a_boards_intention_proposes_on_its_day(nlp):
    # a Waterschapsblad notice of a draft decision (r51, Delfland): "Dijkgraaf en hoogheemraden ... zijn voornemens om
    # de leggerwijziging ... vast te stellen" is the board's proposal on the notice's day
    text = ("WATERSCHAPSBLAD\n\nOfficiële uitgave van het dagelijks bestuur van het Hoogheemraadschap van Delfland\n\n"
            "Datum: 8 augustus 2023\n\nDijkgraaf en hoogheemraden van Delfland zijn voornemens om de partiële wijziging "
            "van de Legger Delfland vast te stellen.\n\nDe periode van de terinzagelegging vangt aan op 10 augustus "
            "2023 en eindigt op 22 september 2023.\n")
    x = analyse("delfland-ontwerpbesluit-legger-2023-08-08", CleanText(text=text), nlp)
    assert ("college_dijkgraaf_heemraden", "2023-08-08", "proposed") in [(d.actor, d.date, d.status) for d in x.decisions], \
        [(d.actor, d.date, d.status, d.text[:50]) for d in x.decisions]
