"""Meeting pages, news lists and notices as governments publish them on the web (issue 15, after a blind
annotation of a water board, two provinces, two joint arrangements and a municipality): a meeting's page in a
council information system (the body alone on a line, its fields, numbered items), "Het college nam in de
vergadering van ... de volgende besluiten:", an agenda's "Provinciale Staten wordt gevraagd om ... vast te
stellen", a list written as a paragraph of prose, a notice's documents laid open from a day, and the date an
official publication's HTML metadata gives. Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import extract_file
from pipeline.ingest.html import meta_date
from tests.test_genres_college import dated, run


MEETING_PAGE = """Algemeen bestuur en dagelijks bestuur

Locatie
Regiokantoor
Datum
11 juli 2019
Aanvang
11:00
Voorzitter
Pieter Broertjes

1. Opening en mededelingen

3. Vaststellen verslag van 13 juni 2019

8. Vaststellen jaarstukken 2018

11. Aanpak actualisering van de gemeenschappelijke regeling

Dit punt is vorige vergadering aangehouden.

14 Actualiteiten en de rondvraag
"""


def test_a_meeting_page_of_fields_and_numbered_items_is_the_agenda_of_that_meeting(nlp):
    ex = run(nlp, MEETING_PAGE)
    assert (ex.document.meeting_body, ex.document.meeting_date) == ("algemeen_bestuur", "2019-07-11")
    got = dated(ex)
    assert ("algemeen_bestuur", "2019-07-11", "proposed") in got
    assert all(date == "2019-07-11" for _, date, _ in got)  # not the 13 June of the minutes it adopts
    assert not any("Opening" in d.text or "rondvraag" in d.text for d in ex.decisions)


DECIDED_AT = """Het college van dijkgraaf en heemraden nam in de vergadering van dinsdag 24 november de volgende besluiten:

Basisregistratie Grootschalige Topografie

Het college van dijkgraaf en heemraden heeft de jaarlijkse evaluatie Basisregistratie Grootschalige Topografie (BGT) over 2019 vastgesteld.

Onderzoek naar ruimtelijke kwaliteit

Het college heeft ingestemd met de samenwerkingsovereenkomst 'Naar een aanpak voor versterking van ruimtelijke kwaliteit'.

De volgende D&H-vergadering is op dinsdag 8 december 2020.
"""


def test_what_a_board_decided_in_its_meeting_of_a_day_takes_that_day(nlp):
    ex = run(nlp, DECIDED_AT)
    got = dated(ex)
    assert got.count(("college_dijkgraaf_heemraden", "2020-11-24", "adopted")) == 2
    assert not any(status == "adopted" and date.startswith("2020-12") for _, date, status in got)


ASKED = """(PS) Provinciale Staten

Statenvergadering

vrijdag 4 oktober 2019 10:00 - 18:00

Agendapunten

1

Behandelvoorstel:
Provinciale Staten wordt gevraagd om de agenda voor de Statenvergadering van 4-10-2019 gewijzigd vast te stellen.

5

Behandelvoorstel:
Provinciale Staten wordt gevraagd de notulen van de Statenvergaderingen van 21-6-2019 en 28-6-2019 ongewijzigd vast te stellen.
"""


def test_an_agenda_asks_its_body_to_decide_at_that_meeting_whatever_dates_the_request_names(nlp):
    ex = run(nlp, ASKED)
    assert ex.document.meeting_date == "2019-10-04"
    got = dated(ex)
    assert got.count(("provinciale_staten", "2019-10-04", "proposed")) == 2
    assert not any(date in ("2019-06-21", "2019-06-28") for _, date, _ in got)


PROSE_LIST = """Besluiten Provinciale Staten 1 juni 2016

Woensdag 1 juni jl. heeft het college van Gedeputeerde Staten verantwoording afgelegd aan Provinciale Staten over het gevoerde beleid in 2015. Een belangrijke vraag was of de provinciale doelen met het daarvoor beschikbare geld zijn gehaald. De Staten stemden in met de Programmarekening 2015 en de overboeking naar 2016 van de daarvoor in aanmerking komende kredieten. Verder hebben Provinciale Staten de Omgevingsvisie provincie Groningen 2016-2020 vastgesteld. Ook is de voordracht vastgesteld over het voornemen om aandelen in de NOM over te nemen.
"""


def test_a_list_written_as_prose_is_read_sentence_by_sentence(nlp):
    ex = run(nlp, PROSE_LIST)
    adopted = [d for d in ex.decisions if d.date == "2016-06-01" and d.status == "adopted"]
    assert len({d.start for d in adopted}) == 3 and {d.actor for d in adopted} == {"provinciale_staten"}
    rekening = sorted(d.object for d in adopted if "Programmarekening" in d.text)  # two things adopted at once
    assert rekening == ["de Programmarekening 2015", "de overboeking naar 2016 van de daarvoor in aanmerking komende "
                        "kredieten"], rekening
    assert not any(d.text.startswith("Besluiten Provinciale Staten") for d in ex.decisions)  # the head line
    assert all(len(d.text.split()) < 40 for d in adopted)  # each its own sentence, not the paragraph


LEGGER = """WATERSCHAPSBLAD

Officiële uitgave van het dagelijks bestuur van het Hoogheemraadschap van Delfland

Dijkgraaf en hoogheemraden van Delfland zijn voornemens om de leggerkaart partieel te wijzigen.

De periode van de terinzagelegging vangt aan op 10 augustus 2023 en eindigt op 22 september 2023. Na inwerkingtreding van het definitieve besluit is de leggerkaart gewijzigd.
"""


def test_a_notice_lays_its_documents_open_from_a_day_planned_by_its_issuer(nlp):
    got = dated(run(nlp, LEGGER))
    assert ("college_dijkgraaf_heemraden", "2023-08-10", "planned") in got  # a water board's, not a college's
    past = run(nlp, "Burgemeester en wethouders van Bergen maken bekend dat het ontwerpbesluit van 1 maart 2015 tot "
                    "en met 12 april 2015 ter inzage heeft gelegen. Er zijn geen zienswijzen ingediend.\n")
    assert not any(d.status == "planned" for d in past.decisions)  # what lay open before is no plan


PUBLICATION = """<html><head><title>Kennisgeving melding incidentele festiviteit</title>
<meta name="DC.creator" scheme="OVERHEID.Gemeente" content="Reimerswaal" />
<meta name="DCTERMS.available" scheme="DCTERMS.W3CDTF" content="2024-05-17" />
</head><body><h1>Kennisgeving melding incidentele festiviteit Yerseke</h1>
<p>Burgemeester en wethouders van Reimerswaal maken bekend dat zij een melding hebben ontvangen voor een
incidentele festiviteit in juni aan de Kerkplein te Yerseke.</p></body></html>
"""


def test_an_official_publication_without_a_date_in_its_text_takes_the_day_its_metadata_gives(nlp, tmp_path):
    assert meta_date({"dcterms.available": "2024-05-17"}) == "2024-05-17"
    assert meta_date({"dcterms.issued": "9-1-2014", "dcterms.available": "15-01-2014"}) == "2014-01-09"
    assert meta_date({"dcterms.available": "onbekend"}) is None
    path = tmp_path / "kennisgeving.html"
    path.write_text(PUBLICATION, encoding="utf-8")
    doc = extract_file(path, nlp).document
    assert (doc.date, doc.date_source) == ("2024-05-17", "metadata")
    stated = PUBLICATION.replace("</h1>", "</h1><p>Yerseke, 14 mei 2024</p>")
    path.write_text(stated, encoding="utf-8")
    doc = extract_file(path, nlp).document
    assert (doc.date, doc.date_source) == ("2024-05-14", "stated")  # the text's own date wins


WOB_LETTER = """Ministerie van Onderwijs, Cultuur en Wetenschap

Datum\t8 juli 2021
Betreft\tBesluit op uw Wob-verzoek

Geachte

Bij brief van 11 april 2021 heeft u een verzoek ingediend als bedoeld in artikel 3 van de Wet openbaarheid van bestuur.

4. Besluit

Ik heb besloten op grond van artikel 8 van de Wob uit eigen beweging het advies van de minister van Justitie en Veiligheid bij de afhandeling van het Wob-verzoek te betrekken.
Ik heb besloten de documenten met nummers 1 t/m 3 openbaar te maken met uitzondering van de daarin vermelde persoonsgegevens.

de minister van Onderwijs, Cultuur en Wetenschap, namens deze, de directeur Wetgeving en Juridische Zaken,

mr. C. Riezebos

Bijlage 1 - Relevante artikelen uit de Wob

Artikel 1
In deze wet en de daarop berustende bepalingen wordt verstaan onder: document: een bij een bestuursorgaan berustend schriftelijk stuk.
""" + "Artikel 10\nHet verstrekken van informatie ingevolge deze wet blijft achterwege voor zover dit de eenheid van de Kroon in gevaar zou kunnen brengen.\n" * 40


def test_a_decision_letter_signed_before_its_annexes_and_named_a_decision_by_its_subject(nlp):
    ex = run(nlp, WOB_LETTER)
    adopted = [d for d in ex.decisions if d.status == "adopted" and d.date == "2021-07-08"]
    assert len(adopted) == 2 and {(d.actor, d.actor_office) for d in adopted} == {("minister", "minister_ocw")}
    # (two decisions, the signer's: a minister, the minister of OCW)
    told = run(nlp, WOB_LETTER.split("4. Besluit")[0] + "Hoogachtend,\n\nde minister van "
               "Onderwijs, Cultuur en Wetenschap,\n")
    assert [(d.actor_office, d.date, d.status) for d in told.decisions] == [("minister_ocw", "2021-07-08", "adopted")]
    assert told.decisions[0].text.startswith("Betreft")  # the subject line names the letter a decision


def test_a_government_as_subject_acts_through_its_executive(nlp):
    got = dated(run(nlp, "Zaanstad, 25 juni 2026\n\nDe provincie Noord-Holland heeft op 3 maart 2026 besloten de "
                         "subsidie te verlenen. Het waterschap heeft op 4 maart 2026 ingestemd met het plan.\n"))
    assert ("gedeputeerde_staten", "2026-03-03", "adopted") in got
    assert ("dagelijks_bestuur", "2026-03-04", "adopted") in got
    assert not dated(run(nlp, "De gemeente is een mooie plek om te wonen sinds 2020.\n"))


def test_a_letter_in_the_first_person_singular_decides_on_its_date(nlp):
    letter = ("Datum 3 februari 2025\nBetreft Uw verzoek om informatie\n\nGeachte heer,\n\n"
              "Ik heb besloten de gevraagde documenten openbaar te maken.\n\nHoogachtend,\n\nde burgemeester van Almelo,\n")
    assert ("burgemeester", "2025-02-03", "adopted") in dated(run(nlp, letter))


DECIDED_PAGE = """Gemeenteraad

dinsdag 28 november 2023

20:00 - 23:00
Locatie

Raadszaal

Voorzitter
M. Poorter

Agendapunten

 1. 1

  Besluit

  De voorzitter opent de vergadering en heet iedereen welkom.

 1. 2

  Besluit

  De agenda wordt ongewijzigd vastgesteld. Agendapunt 8b wordt als hamerstuk behandeld.

 2. 3

  Besluit

  De raad benoemt mevrouw De Vries tot lid van de werkgeverscommissie.
"""


def test_a_meeting_page_that_tells_what_was_decided_under_each_item_is_a_decision_list(nlp):
    ex = run(nlp, DECIDED_PAGE)
    got = [d for d in ex.decisions if d.date == "2023-11-28" and d.actor == "gemeenteraad"]
    assert len(got) >= 2 and all(d.status == "adopted" for d in got)
    assert not any(d.text.strip() == "Besluit" for d in ex.decisions)  # the label with the decision under it
    assert not any("opent de vergadering" in d.text for d in ex.decisions)  # nothing decided under that label
    assert ex.document.doc_type == "besluitenlijst" and ex.document.title == "Besluitenlijst gemeenteraad 2023-11-28"
    chairs = [e for e in ex.entities if e.label == "ORGAN" and e.text.lower() == "voorzitter"]
    assert chairs and {e.canonical for e in chairs} == {"voorzitter_gemeenteraad"}  # the council's chair


GS_MINUTES = """Openbaar verslag vergadering GS Utrecht 12-03-2019

01A Openbaar verslag GS-vergadering d.d. 5 maart 2019

Het verslag wordt ongewijzigd vastgesteld.

05 Algemene kaders participatietrajecten

BESLUIT:

Gedeputeerde Staten besluiten:

 1. de richtlijn Participatietraject in concept vast te stellen;
 2. het statenvoorstel vast te stellen en voor besluitvorming aan te bieden aan PS;
 3. de provinciesecretaris opdracht te geven zorg te dragen voor de implementatie voor uiterlijk 1 juli 2019.
"""


def test_the_points_of_a_boards_decision_in_its_minutes_are_its_decisions_of_that_day(nlp):
    ex = run(nlp, GS_MINUTES)
    assert (ex.document.doc_type, ex.document.meeting_date) == ("verslag", "2019-03-12")
    adopted = [d for d in ex.decisions if (d.actor, d.date, d.status) == ("gedeputeerde_staten", "2019-03-12", "adopted")]
    assert len(adopted) == 4  # the minutes of 5 March, and the three points
    assert not any(d.date == "2019-03-05" for d in ex.decisions)


NOTICE_REMEDY = """Het dagelijks bestuur van het Waterschap Wilck en Wiericke maakt bekend dat de geldigheidsduur van het peilbesluit
door gedeputeerde staten van Zuid Holland is verlengd bij besluit van 23 mei 2003.
a. Gedurende zes weken, van 4 juli tot en met 15 augustus 2003, ligt het verlengingsbesluit ter inzage in het waterschapshuis.
b. Ingevolge de Algemene wet bestuursrecht kunnen belanghebbenden beroep instellen tegen het verlengingsbesluit.

Waddinxveen, 2 juli 2003

Het dagelijks bestuur van het waterschap,
"""


def test_a_notice_tells_another_bodys_decision_its_period_open_and_no_decision_in_its_legal_remedy(nlp):
    got = dated(run(nlp, NOTICE_REMEDY))
    assert ("gedeputeerde_staten", "2003-05-23", "adopted") in got
    assert ("dagelijks_bestuur", "2003-07-04", "planned") in got  # from the first day of the period
    assert not any(date == "2003-07-02" for _, date, _ in got)  # "kunnen belanghebbenden beroep instellen"


OBJECTION = """Datum 23 april 2021
Betreft Beslissing op bezwaar

Geachte heer,

Bij brief van 10 februari 2021 heeft uw cliënt bezwaar gemaakt tegen mijn besluit van 24 december 2020.
In mijn besluit van 24 december 2020 heb ik het verzoek afgewezen.
Ik verklaar het bezwaar ongegrond.

Hoogachtend,

de staatssecretaris van Financiën,
"""


def test_what_the_addressee_did_is_not_the_writers_decision_and_a_cited_decision_counts_once(nlp):
    got = dated(run(nlp, OBJECTION))
    assert not any(date == "2021-02-10" for _, date, _ in got)  # the client's objection
    assert sum(date == "2020-12-24" for _, date, _ in got) == 1


def test_a_decision_letter_tells_when_it_confirmed_the_request(nlp):
    letter = ("Datum 1 juli 2021\nBetreft Besluit op uw Wob-verzoek\n\nGeachte heer,\n\nBij brief van 26 maart 2021 heeft u "
              "verzocht om informatie. De ontvangst van uw verzoek is schriftelijk bevestigd bij e-mail van 6 april 2021.\n\n"
              "Hoogachtend,\n\nde minister van Buitenlandse Zaken,\n")
    got = dated(run(nlp, letter))
    assert ("minister", "2021-04-06", "realized") in got


COLLEGE_PAGE = """Ga naar de inhoud van deze pagina Ga naar het zoeken Ga naar het menu
Vorige pagina

College van B&W

dinsdag 13 april 2021

09:31 - 16:00
Locatie

Digitaal via Zoom

Voorzitter
P.I. Broertjes
Agenda documenten

Agendapunten

  1. 1

    Op 3 december 2019 heeft het college besloten in 2020 extern een onderzoek te laten uitvoeren naar de riolering.

    Voorgesteld besluit

    1. Kennis te nemen van de rapportage van Cebeon inzake het onderzoek Riolering en Afvalinzameling;
    2. De aanbevelingen 1 en 3 uit de rapportage te beschouwen als opgevolgd en daarmee als afgedaan.
"""

GS_LIST = """GS-besluitenlijst 25 juni 2019

Cofinanciering coördinatie Zorglandschap

Gedeputeerde Staten hebben besloten een bedrag van € 81.250,-- beschikbaar te stellen aan de Vereniging van Drentse Gemeenten voor de coördinatie van het Drents Zorglandschap in 2017 en 2018.
"""


def test_a_colleges_meeting_page_proposes_its_points_for_that_meeting_and_a_gs_list_decides_on_its_day(nlp):
    ex = run(nlp, COLLEGE_PAGE)
    assert (ex.document.meeting_body, ex.document.meeting_date) == ("college_bw", "2021-04-13")
    proposed = [d for d in ex.decisions if d.status == "proposed"]
    assert len(proposed) == 2 and {(d.actor, d.date) for d in proposed} == {("college_bw", "2021-04-13")}
    assert ("college_bw", "2019-12-03", "adopted") in dated(ex)  # the earlier decision the item recalls
    ex = run(nlp, GS_LIST)
    assert ex.document.doc_type == "besluitenlijst"
    assert dated(ex) == [("gedeputeerde_staten", "2019-06-25", "adopted")]  # not "in 2017"


def test_a_water_boards_general_assembly_and_a_decisions_own_page(nlp):
    notice = ("Waterschapsblad van Waterschap Scheldestromen\n\nOp 16 november 2017 heeft de algemene vergadering van "
              "waterschap Scheldestromen ingestemd met de beleidsnota Watersystemen.\n")
    assert ("algemeen_bestuur", "2017-11-16", "adopted") in dated(run(nlp, notice))
    shares = run(nlp, "De algemene vergadering van aandeelhouders van Alliander stemde in met het dividend.\n")
    assert not [e for e in shares.entities if e.label == "ORGAN"]  # a company's shareholders, no government body
    page = ("GS brief open brief oud-bestuurders Groene Hart\n\nDatum besluit: 19 mei 2020\n\nVia deze GS-brief worden "
            "Provinciale Staten geïnformeerd over de reactie op de brief.\n\nType besluit: GS-vergadering\n")
    assert ("gedeputeerde_staten", "2020-05-19", "adopted") in dated(run(nlp, page))


def test_a_body_in_the_clause_after_a_decision_is_not_its_actor(nlp):
    letter = ("Datum 22 januari 2016\n\nGeachte raad,\n\nOns dagelijks bestuur heeft dit concept-protocol op 16 december "
              "jongstleden vastgesteld, waarna half januari bespreking in de agendacommissie heeft plaatsgevonden.\n\n"
              "Hoogachtend,\n\nHet Dagelijks Bestuur\n")
    assert ("dagelijks_bestuur", "2015-12-16", "adopted") in dated(run(nlp, letter))


def test_what_the_same_letter_did_takes_that_letters_day(nlp):
    letter = ("Datum 23 april 2021\n\nGeachte heer,\n\nIk heb de ontvangst hiervan bevestigd bij de e-mail van 31 maart "
              "2021. In dezelfde e-mail heb ik de beslistermijn met zes weken verdaagd.\n\nHoogachtend,\n\n"
              "de staatssecretaris van Financiën,\n")
    got = dated(run(nlp, letter))
    assert sum(date == "2021-03-31" for _, date, _ in got) == 2 and not any(d == "2021-04-23" for _, d, _ in got)
    itself = letter.replace("In dezelfde e-mail heb ik de beslistermijn met zes weken verdaagd.",
                            "Met deze brief heb ik de beslistermijn met zes weken verdaagd.")
    assert ("staatssecretaris", "2021-04-23", "postponed") in dated(run(nlp, itself))  # the letter itself
