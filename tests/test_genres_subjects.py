"""Who acted, read from the clause and from the page (issue 15, session 20, after a blind annotation of council
decision lists, news items on joint boards and ministers' letters): the subject of an inverted clause, a body asked in
a motion's own clause, "we als gemeenteraad", a news item on one board meeting, a meeting page headed by a body's own
name. Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText


def run(nlp, text: str, doc_id: str = "genre"):
    return analyse(doc_id, CleanText(text=text), nlp)


def decided(x):
    return [(d.status, d.actor, d.actor_text, d.date, d.text[:60]) for d in x.decisions]


COUNCIL_LIST = """RAADSbesluiten van de openbare vergadering van de gemeenteraad op dinsdag 17 maart 2009.

Onderzoek naar de noodzaak van kunstgras. Conform het voorstel van het college van burgemeester en wethouders heeft
de raad besloten met de notitie "Kunstgras" in te stemmen. Een motie van de VVD en het CDA waarin het college wordt
verzocht om bij het in 2010 te presenteren beleid invulling te geven aan de wensen werd aangenomen; de fractie van de
ChristenUnie wordt geacht te hebben tegengestemd. Ook werd een motie van het CDA over de ontwikkelingsvisie Gagelman
aangenomen.
"""


def test_the_council_decides_what_the_college_proposed(nlp):
    x = run(nlp, COUNCIL_LIST)
    notitie = next(d for d in x.decisions if "Kunstgras" in d.text and "notitie" in d.text)
    assert (notitie.actor, notitie.date) == ("gemeenteraad", "2009-03-17"), decided(x)


def test_a_motion_asking_the_college_is_adopted_by_the_meeting(nlp):
    x = run(nlp, COUNCIL_LIST)
    motions = [d for d in x.decisions if d.text.lstrip().startswith(("Een motie", "Ook werd een motie"))]
    assert len(motions) == 2, decided(x)
    assert all((d.status, d.actor, d.date) == ("adopted", "gemeenteraad", "2009-03-17") for d in motions), decided(x)


def test_the_body_we_speak_as(nlp):
    x = run(nlp, "Column van het college, 10 juli 2024\n\nOp 12 december 2023 namen we als gemeenteraad het Groen "
                 "Structuur Plan aan. Daar zijn we trots op.\n")
    plan = next(d for d in x.decisions if "Groen" in d.text)
    assert (plan.actor, plan.date) == ("gemeenteraad", "2023-12-12"), decided(x)


BOARD_NEWS = """Actueel

Nieuw bestuur officieel geïnstalleerd

Donderdag 28 juni 2018 vond de eerste vergadering van het Algemeen Bestuur in de nieuwe samenstelling plaats. Nu de
collegevorming in de regio vrijwel voltooid is, verwelkomen we nieuwe leden in ons algemeen en dagelijks bestuur.

Benoeming Dagelijks Bestuur
Na opening van de vergadering werd direct het nieuwe Dagelijks Bestuur en de nieuwe voorzitter benoemd. Robin de Vries
is de nieuwe voorzitter.

Agenda
Allereerst werd er afscheid genomen van de vorige voorzitter. Daarna stonden onderwerpen op de agenda zoals het
Koersplan 2018-2021. De Jaarrekening 2017, Voorjaarsnota 2018 en Begroting 2019 zijn vastgesteld.
"""


def test_a_news_item_on_one_board_meeting_dates_what_was_adopted_there(nlp):
    x = run(nlp, BOARD_NEWS)
    # "Agenda" heading the story's third part does not make the news item an agenda
    assert x.document.doc_type != "agenda"
    adopted = {d.text[:20]: d for d in x.decisions if d.status == "adopted"}
    begroting = next(d for k, d in adopted.items() if k.startswith("De Jaarrekening"))
    benoemd = next(d for k, d in adopted.items() if k.startswith("Na opening"))
    for d in (begroting, benoemd):
        assert (d.actor, d.date) == ("algemeen_bestuur", "2018-06-28"), decided(x)


MEETING_PAGE = """Achterhoek Raad

maandag 31 maart 2025

19:30 - 22:30
Locatie

Gemeentehuis Doetinchem

Agendapunten

  1. Opening

  2. Benoeming lid Achterhoek Board (Ter besluitvorming)

  3. Vaststellen actielijst lichte evaluatie (Ter besluitvorming)

  4. Afsluiting formele vergadering
"""


def test_a_meeting_page_names_its_body_as_the_page_does(nlp):
    x = run(nlp, MEETING_PAGE)
    items = [d for d in x.decisions if d.status == "proposed"]
    assert len(items) == 2, decided(x)  # (opening and closing are no proposals)
    assert all(d.actor_text == "Achterhoek Raad" and d.date == "2025-03-31" for d in items), decided(x)


def test_an_island_council_is_a_body_that_votes(nlp):
    x = run(nlp, "Kralendijk, 27 februari 2024\n\nDe eilandsraad heeft op 27 februari 2024 het Standpunt van "
                 "Bonaire met acht stemmen voor en één tegen vastgesteld.\n")
    assert any(e.label == "ORGAN" and e.canonical == "eilandsraad" for e in x.entities)
    d = next(d for d in x.decisions if "Standpunt" in d.text)
    assert (d.actor, d.status, d.date) == ("eilandsraad", "adopted", "2024-02-27"), decided(x)


KAMERBRIEF = """Tweede Kamer der Staten-Generaal
Vergaderjaar 1997–1998
25 600 XV
Nr. 49
BRIEF VAN DE MINISTER EN DE STAATSSECRETARIS VAN SOCIALE ZAKEN EN WERKGELEGENHEID Aan de Voorzitter van de Tweede Kamer der Staten-Generaal ’s-Gravenhage, 27 april 1998 Inleiding Naar aanleiding van een verzoek van de vaste commissie voor Sociale Zaken en Werkgelegenheid d.d. 21 januari 1998 willen wij u in deze brief informeren over de stand van zaken.
"""


def test_a_kamerbrief_run_on_is_dated_by_its_place_and_date(nlp):
    x = run(nlp, KAMERBRIEF)
    assert x.document.date == "1998-04-27"
    # a heading in capitals run on with the text is no list of unknown abbreviations
    assert not any("'BRIEF'" in w or "'VAN'" in w for w in x.document.warnings), x.document.warnings


def test_a_day_named_again_is_the_same_day(nlp):
    x = run(nlp, "Nieuwe bestuursleden van start\n\nOp 4 januari is de eerste vergadering van het Algemeen Bestuur. "
                 "De fracties hebben een akkoord opgesteld voor de bestuursperiode tot maart 2019. Omdat er sprake is "
                 "van een nieuw waterschap neemt het bestuur op 4 januari een groot aantal besluiten.\n\n"
                 "Gepubliceerd op 28 december 2015\n")
    days = [e.value for e in x.entities if e.label == "DATE" and e.text == "4 januari"]
    assert days == ["2016-01-04", "2016-01-04"], [(e.text, e.value) for e in x.entities if e.label == "DATE"]
