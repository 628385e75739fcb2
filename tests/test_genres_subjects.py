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
BRIEF VAN DE MINISTER EN DE STAATSSECRETARIS VAN SOCIALE ZAKEN EN WERKGELEGENHEID Aan de Voorzitter van de Tweede Kamer der Staten-Generaal ’s-Gravenhage, 27 april 1998 Inleiding Naar aanleiding van een verzoek van de vaste commissie voor Sociale Zaken en Werkgelegenheid d.d. 21 januari 1998 willen wij u in deze brief informeren over de stand van zaken. Gegevens komen van RAVON, KNNV, NJN en IVN.
"""


def test_a_kamerbrief_run_on_is_dated_by_its_place_and_date(nlp):
    x = run(nlp, KAMERBRIEF)
    assert x.document.date == "1998-04-27"
    # a heading in capitals run on with the text is no list of unknown abbreviations
    assert not any("'BRIEF'" in w or "'VAN'" in w for w in x.document.warnings), x.document.warnings
    assert any("'KNNV'" in w for w in x.document.warnings)  # (a list of acronyms still asks to be resolved)


def test_a_day_named_again_is_the_same_day(nlp):
    x = run(nlp, "Nieuwe bestuursleden van start\n\nOp 4 januari is de eerste vergadering van het Algemeen Bestuur. "
                 "De fracties hebben een akkoord opgesteld voor de bestuursperiode tot maart 2019. Omdat er sprake is "
                 "van een nieuw waterschap neemt het bestuur op 4 januari een groot aantal besluiten.\n\n"
                 "Gepubliceerd op 28 december 2015\n")
    days = [e.value for e in x.entities if e.label == "DATE" and e.text == "4 januari"]
    assert days == ["2016-01-04", "2016-01-04"], [(e.text, e.value) for e in x.entities if e.label == "DATE"]


COLLEGE_LIST = """Openbare besluitenlijst d.d. 16 november 2021

Behandelde voorstellen

Portefeuillehouder

Wethouder Jansma

Onderwerp

Partnerverklaring Geopark

Beslispunten

1. Het burgerinitiatief Geopark te ondersteunen door het tekenen van een partnerverklaring.

Portefeuillehouder

Wethouder Van Roshum

Onderwerp

Lokale inclusieagenda

Beslispunten

 1. De raad informeren over de ontwikkelingen rondom de Lokale Inclusieagenda door middel van een raadsinformatiebrief.
"""


def test_a_list_of_portfolio_holders_items_is_the_colleges_and_its_points_were_taken(nlp):
    x = run(nlp, COLLEGE_LIST)
    assert x.document.meeting_body == "college_bw"  # (not "Wethouder Jansma", who brought the item)
    points = [d for d in x.decisions if d.text.lstrip().startswith("1.")]
    assert len(points) == 2, decided(x)  # "1. De raad informeren ...": a point in the infinitive is decided too
    assert all((d.status, d.actor, d.date) == ("adopted", "college_bw", "2021-11-16") for d in points), decided(x)


US_PAGE = """Besluitenlijst Raad
Type Vergadering:Raad
Openbaar / Besloten
Datum: 11/07/2019
Tijd: 10:00:00 AM
Lokatie: Raadzaal

Nr.Onderwerp /
Besluit
01

Opening en mededelingen.

De voorzitter opent de vergadering en heet de aanwezigen welkom.
02

Vaststellen agenda.

De agenda wordt conform vastgesteld.
04

Vaststellen Begroting 2020-2023.

De PvdA fractie dient een motie in. Motie 1 Compensatie luidt als volgt:

De gemeenteraad van Rivierdal, in vergadering bijeen op 7 november 2019,

Constaterende dat:
- Zorgverzekeraar CZ heeft besloten met ingang van 2020 te stoppen met de korting op de basisverzekering;

Verzoekt het college:
- in overleg te gaan met CZ.
"""


def test_a_page_that_tells_the_time_as_am_reads_its_days_month_first(nlp):
    x = run(nlp, US_PAGE)
    assert x.document.meeting_date == "2019-11-07", x.document
    texts = [d.text for d in x.decisions]
    assert not any("Openbaar" in t for t in texts), decided(x)  # "Openbaar / Besloten": a closed session
    assert not any(t.strip().startswith("Besluit") for t in texts), decided(x)  # the table's column heads
    assert not any("Zorgverzekeraar" in t for t in texts), decided(x)  # a motion's grounds
    agenda = next(d for d in x.decisions if "agenda wordt" in d.text)
    assert (agenda.actor, agenda.date) == ("gemeenteraad", "2019-11-07")


def test_a_day_written_month_first_is_read_so_throughout_the_text(nlp):
    x = run(nlp, "Besluitenlijst Raad\nDatum: 03/23/2021\n\nDe besluitenlijst van 03/04/2021 wordt vastgesteld.\n")
    values = [e.value for e in x.entities if e.label == "DATE"]
    assert values[:2] == ["2021-03-23", "2021-03-04"], values
    x = run(nlp, "Brief van 23/03/2021 over de vergadering van 11/07/2019.\n")
    assert [e.value for e in x.entities if e.label == "DATE"] == ["2021-03-23", "2019-07-11"]


PS_PAGE = """Provinciale Staten 30-05-2018

Datum: 30 mei 2018
Tijd: 09:30  -  17:00  uur
Voorzitter:F.J. Paas
Locatie:Statenzaal

1

Opening / mededelingen

3.a

Jaarrekening 2017 provincie Rivierland (2018-17)

Het besluit bij de voordracht is vastgesteld met algemene stemmen.

3.b

Brief van GS aan PS - vastlopen gesprekken Bestuurlijke Tafel

Tijdens de beraadslaging is 1 motie ingediend die na stemming is aangenomen.
"""


def test_a_meeting_page_that_tells_its_items_outcomes_is_a_decision_list(nlp):
    x = run(nlp, PS_PAGE)
    assert (x.document.doc_type, x.document.meeting_body, x.document.meeting_date) == (
        "besluitenlijst", "provinciale_staten", "2018-05-30")
    taken = [d for d in x.decisions if d.status == "adopted"]
    assert len(taken) == 2 and all(d.date == "2018-05-30" for d in taken), decided(x)


NOTICE = """Wijziging Waterverordening waterschap Rijnland

Bekendmaking van het besluit van 19 december 2018 – PS nummer 2018- 699 tot wijziging van een regeling

Provinciale Staten van Gelderland

Gelezen het voorstel van Gedeputeerde Staten van Gelderland;

Gelet op de artikelen 2.4 en 4.7 van de Waterwet;

Besluiten

Voor zover het hun bevoegdheid betreft;

vast te stellen de volgende verordening.

Artikel I Wijzigingen
"""


def test_a_published_resolution_under_besluiten_with_a_proviso(nlp):
    x = run(nlp, NOTICE)
    assert x.document.title == "Wijziging Waterverordening waterschap Rijnland"
    assert (x.document.date, x.document.date_source) == ("2018-12-19", "stated")
    d = next(d for d in x.decisions if "vast te stellen" in d.text)
    assert (d.status, d.actor, d.date) == ("adopted", "provinciale_staten", "2018-12-19"), decided(x)


def test_the_college_took_the_decision(nlp):
    x = run(nlp, "Verkeersbesluit laadpalen\n\nOp 24 mei 2023 heeft het college van burgemeester en wethouders het "
                 "besluit genomen om op elf locaties parkeerplaatsen aan te wijzen voor het opladen van auto's.\n")
    d = next(d for d in x.decisions if "elf locaties" in d.text)
    assert (d.status, d.actor, d.date) == ("adopted", "college_bw", "2023-05-24"), decided(x)



CONTINUED = """Gemeenteraad 23-03-2021

Datum: 23 maart 2021
Tijd: 19:30 - 23:00 uur
Locatie: Raadzaal

1

Opening

2

Actuele Vragenronde

3

Notulen

De notulen zijn reeds vastgesteld in de raadsvergadering van 16 maart 2021.

4

Ingekomen stukken

De ingekomen stukken zijn reeds vastgesteld in de raadsvergadering van 16 maart 2021.

5

Bestemmingsplan Centrum
"""


def test_a_continued_meetings_page_stays_its_agenda(nlp):
    x = run(nlp, CONTINUED)
    # what an earlier session adopted does not make the page a decision list
    assert x.document.doc_type == "agenda", x.document
    items = [d for d in x.decisions if d.status == "proposed" and d.date == "2021-03-23"]
    assert [d.text.strip() for d in items] == ["Bestemmingsplan Centrum"], decided(x)  # (no "Actuele Vragenronde")


PARTY_REPORT = """Nieuws uit de raad

Raadsvergadering 19 juni 2018

Insprekers spreken in over voorgenomen ontwikkelingen op het voormalige park.

De geloofsbrieven van Edwin Meijer worden goedgekeurd, wat betekent dat hij de volgende vergadering beëdigd kan
worden.

Bestemmingsplan Appelscha

Een aantal partijen dienen amendementen in. De stemming laat een verdeelde raad zien. Het voorstel om woningbouw op
dit terrein mogelijk te maken wordt aangenomen.
"""


def test_a_report_headed_by_its_meeting_tells_what_it_adopted_in_the_present(nlp):
    x = run(nlp, PARTY_REPORT)
    adopted = [d for d in x.decisions if d.status == "adopted"]
    assert any("woningbouw" in d.text for d in adopted) and any("geloofsbrieven" in d.text for d in adopted), decided(x)
    assert all((d.actor, d.date) == ("gemeenteraad", "2018-06-19") for d in adopted), decided(x)


COUNCIL_NEWS = """Nieuws uit de raad: raadsvergadering 7 april 2015

Op 7 april 2015 vergaderde de gemeenteraad van Krimpenerwaard voor de vierde keer. Het college zegde o.a. een
overzicht van leegstaande gebouwen en een inventarisatie van sociale vervoersmogelijkheden toe aan de raad. De raad
stelde een zienswijze vast op de begroting van Stichting Onderwijs Primair. Hierbij werd unaniem een amendement van
raadslid Marije Willems aangenomen waarin de stichting werd opgeroepen om de vergoeding van de Raad van Toezicht te
verlagen.
"""


def test_a_news_item_on_a_meeting_keeps_its_promises_and_amendments(nlp):
    x = run(nlp, COUNCIL_NEWS)
    promise = next(d for d in x.decisions if "leegstaande" in d.text)
    assert (promise.status, promise.actor, promise.date) == ("promised", "college_bw", "2015-04-07"), decided(x)
    amendment = next(d for d in x.decisions if "amendement" in d.text)
    assert (amendment.status, amendment.actor, amendment.date) == ("adopted", "gemeenteraad", "2015-04-07"), decided(x)


def test_a_motion_a_letter_of_gs_recalls_was_adopted_by_the_states(nlp):
    x = run(nlp, "Gedeputeerde Staten van Overijssel\n\nZwolle, 5 december 2024\n\nGeachte leden van Provinciale "
                 "Staten,\n\nEén jaar geleden, op 8 november 2023, werd een motie “Weidevogelgebieden beschermd” "
                 "unaniem aangenomen waarin wordt gevraagd de gebieden te beschermen.\n\nMet vriendelijke groet,\n\n"
                 "Gedeputeerde Staten van Overijssel\n")
    d = next(d for d in x.decisions if "Weidevogel" in d.text)
    assert (d.status, d.actor, d.date) == ("adopted", "provinciale_staten", "2023-11-08"), decided(x)


def test_portfolio_holders_named_without_office_belong_to_the_executive_of_the_government(nlp):
    items = ("Besluitenlijst 7 februari 2023\n\n1. Woo-verzoek stikstofruimte\n\nPortefeuillehouder\n\nVerbeek, L.\n\n"
             "Beslispunten\n\n 1. In te stemmen met gedeeltelijke toewijzing van het verzoek.\n\n"
             "Samenvatting\n\nNaar aanleiding van een verzoek op grond van de Wet open overheid om openbaarmaking van "
             "documenten over de aankoop van stikstofruimte is besloten de gevraagde informatie, voor zover aanwezig, "
             "gedeeltelijk openbaar te maken. De documenten worden op de website geplaatst.\n\n"
             "2. Subsidie cultuur\n\nPortefeuillehouder\n\nJansen, K.\n\nBeslispunten\n\n"
             " 1. De subsidie te verlenen.\n\n")
    town = run(nlp, items + "Samenvatting\n\nDe gemeenteraad wordt over het besluit geïnformeerd.\n")
    assert town.document.meeting_body == "college_bw"
    neither = run(nlp, items + "Samenvatting\n\nHet college heeft besloten het verzoek toe te wijzen.\n")
    assert neither.document.meeting_body is None  # ("het college" alone: a college of B&W or of GS)



BOARD_LETTER = """Nieuws van het algemeen bestuur

Op maandag 9 juli 2018 vond de vergadering van het algemeen bestuur plaats, de eerste in de nieuwe samenstelling.

Daarnaast zijn de volgende leden aangewezen als lid van het dagelijks bestuur: mevrouw Martine Leewis en de heer Hans
Bakker.

In de vergadering van 9 juli zijn ook het jaarverslag 2017 en de begroting 2019 vastgesteld.
"""


def test_one_board_meeting_whose_day_is_written_twice(nlp):
    # ("maandag 9 juli 2018" and "9 juli": one meeting, its day written twice)
    x = run(nlp, BOARD_LETTER)
    begroting = next(d for d in x.decisions if "begroting" in d.text)
    leden = next(d for d in x.decisions if "aangewezen" in d.text)
    for d in (begroting, leden):
        assert (d.status, d.actor, d.date) == ("adopted", "algemeen_bestuur", "2018-07-09"), decided(x)


def test_the_same_words_under_two_items_are_two_decisions(nlp):
    x = run(nlp, PARTY_REPORT + "\nJaarstukken 2017\n\nHier worden de stukken besproken. Dit stuk wordt unaniem "
                                "aangenomen\n\nVoorjaarsrapportage 2018\n\nOok dit stuk wordt unaniem aangenomen\n")
    stukken = [d for d in x.decisions if "dit stuk" in d.text.lower()]
    assert len(stukken) == 2, decided(x)
    assert all((d.status, d.actor, d.date) == ("adopted", "gemeenteraad", "2018-06-19") for d in stukken)
