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


@pytest.mark.parametrize("text,stem,expected", [
    ("Besluitenlijst van de vergadering van de raad\n1. Opening", "x", "besluitenlijst"),
    ("Notulen van de commissie Ruimte\nAanwezig: ...", "x", "verslag"),
    ("Agenda\nGemeenteraad 12 oktober 2015", "x", "agenda"),
    ("Motie van de leden Jansen en De Vries\nDe Kamer,", "x", "motie"),
    ("Amendement A8.1\nDe raad,", "x", "amendement"),
    ("Raadsvoorstel\nOnderwerp: Vaststellen begroting", "x", "raadsvoorstel"),
    ("Raadsbesluit\nDe raad van de gemeente Heerlen;", "x", "raadsbesluit"),
    ("GEMEENTEBLAD\nOfficiële uitgave van de gemeente Zwolle", "x", "bekendmaking"),
    ("Datum\n18 februari 2025\nOnderwerp: Woo-besluit over uw verzoek", "x", "woo-besluit"),
    ("Verordening op het parkeren 2025\nArtikel 1", "x", "verordening"),
    ("Toelichting\nBestemmingsplan Dorpskern", "x", "toelichting"),
    ("Van: iemand\nVerzonden: woensdag 24 juli 2024 15:47\nOnderwerp: Windbeleid", "x", "brief"),
])
def test_metadata_doc_type_covers_the_genres(text, stem, expected):
    assert metadata.doc_type(text, stem) == expected


@pytest.mark.parametrize("text,expected", [
    ("Gemeente Wierden\nPostbus 43\n7640 AA Wierden\nDatum 21.11.2024\nOnderwerp: informatie over voorkeursgebieden\n"
     "Geacht college,", "informatie over voorkeursgebieden"),
    ("Van:\nVerzonden: woensdag 24 juli 2024 15:47\nAan:\nOnderwerp: Windbeleid\nGeachte wethouders,", "Windbeleid"),
    ("Klik hier om tekst in te voeren\nProvincie Overijssel\nBetreft\nAanpak van de wegen\nTekst.", "Aanpak van de wegen"),
    ("Raadhuisplein 1\n7811 AP Emmen\nGemeente Emmen\nonderwerp\nToezeggingen commissie BME\nGeachte leden,",
     "Toezeggingen commissie BME"),
    ("nota\nWetsvoorstel terugdringen verzuim\nAanleiding", "Wetsvoorstel terugdringen verzuim"),
    # a Kamerstuk is named by its dossier, not by its members ("MOTIE VAN DE LEDEN ...")
    ("Tweede Kamer der Staten-Generaal\nVergaderjaar 2024–2025\n28 286\nDierenwelzijn\nNr. 1366\n"
     "MOTIE VAN DE LEDEN HOLMAN EN VAN CAMPEN\nVoorgesteld 5 december 2024", "Dierenwelzijn"),
    # the rest of a letterhead line, a field and a section heading are no titles
    ("Ministerie van Landbouw,\nNatuur en Voedselkwaliteit\nKamerbrief over aangenomen moties mestbeleid\n",
     "Kamerbrief over aangenomen moties mestbeleid"),
    ("Identificatienummer: NL.IMRO.0355-BPW-VS01\nLigging plangebied\nWijzigingsplan Valckenboschlaan 8\n",
     "Wijzigingsplan Valckenboschlaan 8"),
])
def test_metadata_title_names_the_subject_not_the_letterhead(text, expected):
    assert metadata.title(text, "stem") == expected


def test_metadata_title_skips_a_government_name_hint():
    assert metadata.title("Provincie Gelderland\nInpassingsplan Uilkerweg naast 11\nTekst", "s",
                          title_hint="Provincie Gelderland") == "Inpassingsplan Uilkerweg naast 11"


def test_metadata_meeting_of_a_decision_list_and_its_title():
    text = "MINISTERRAAD\nBESLUITENLIJST\nvan de vergadering gehouden op vrijdag 6 december 2024\n0. Vaststelling agenda"
    kind = metadata.doc_type(text, "x")
    assert kind == "besluitenlijst"
    body, date = metadata.meeting(text, kind)
    assert (body, date) == ("ministerraad", "2024-12-06")
    assert metadata.meeting_title("MINISTERRAAD", kind, body, date) == "Besluitenlijst ministerraad 2024-12-06"
    assert metadata.meeting("Brief\nGeachte heer,", "brief") == (None, None)


@pytest.mark.parametrize("sentence", ["De besluitenlijst is met algemene stemmen (19) vastgesteld",
                                      "De raad besluit, zonder beraadslaging, mevrouw Visser ontslag te verlenen",
                                      "Agenda is ongewijzigd vastgesteld"])
def test_metadata_an_items_decision_is_no_title_of_the_meetings_record(sentence):
    # (a meeting's page whose first sentence is an item's outcome, session 19's blind rounds)
    assert metadata.meeting_title(sentence, "besluitenlijst", "gemeenteraad", "2022-06-21") \
        == "Besluitenlijst gemeenteraad 2022-06-21"


@pytest.mark.parametrize("text, expected", [
    ("Staatscourant van het Koninkrijk der Nederlanden\n\nDatum publicatieOrganisatieJaargang en nummerRubriek\n"
     "CranendonckStaatscourant 2019, 42411VerkeersbesluitenHet tijdelijk instellen van diverse geslotenverklaringen voor "
     "sluipverkeer A2\n\nLogo Cranendonck\n\n1031625\n\nBURGEMEESTER EN WETHOUDERS VAN CRANENDONCK,\n",
     "Het tijdelijk instellen van diverse geslotenverklaringen voor sluipverkeer A2"),
    ("Staatscourant van het Koninkrijk der Nederlanden\n\nDatum publicatieOrganisatieJaargang en nummerRubriek\n"
     "VaalsStaatscourant 2021, 32589VerkeersbesluitenGEMEENTEBESTUUR van VAALS\n\nLogo Vaals\n\n"
     "21.0004601 / Verlengde werking verkeersbesluit tijdelijke maatregelen Hilleshagerweg (20.0004094)\n\n"
     "Burgemeester en Wethouders van Vaals\n",
     "Verlengde werking verkeersbesluit tijdelijke maatregelen Hilleshagerweg"),
    ("Gemeenteblad van Dongen\n| Datum publicatie | Organisatie | Jaargang en nummer | Rubriek |\n|---|---|---|---|\n"
     "| Dongen | Gemeenteblad 2025, 474397 | algemeen verbindend voorschrift (verordening) |\n"
     "Zoals vergunningen, bouwplannen en lokale regelgeving.\nAdressen en contactpersonen van overheidsorganisaties.\n"
     "U bent hier:\nVerordening voor de behandeling van bezwaarschriften gemeente Dongen\n",
     "Verordening voor de behandeling van bezwaarschriften gemeente Dongen"),
    ("OVERHEIDop.externMetadataRecord: https://zoek.officielebekendmakingen.nl/bgr-2024-715/metadata.xml\n\n"
     "BLAD GEMEENSCHAPPELIJKE REGELING\n\nOfficiële uitgave van de gemeenschappelijke regeling Regio Achterhoek\n\n"
     "Regeling mandatering bevoegdheden van het dagelijks bestuur\n\nHet dagelijks bestuur van Regio Achterhoek;\n",
     "Regeling mandatering bevoegdheden van het dagelijks bestuur"),  # a joint arrangement's journal, not its name
])
def test_metadata_a_notice_is_titled_by_its_subject_not_its_publication_row(text, expected):
    assert metadata.title(text, "x") == expected


def test_metadata_written_consultation_has_no_meeting():
    text = ("29 338\nWetenschapsbudget\nNr. 289 Verslag van een schriftelijk overleg\nVastgesteld 16 januari 2025\n"
            "De vaste commissie voor Onderwijs, Cultuur en Wetenschap heeft vragen voorgelegd.")
    assert metadata.meeting(text, "verslag") == (None, None)
    assert metadata.meeting("Verslag van de commissievergadering van 16 januari 2025\nAanwezig: ...", "verslag")[0] == "raadscommissie"


@pytest.mark.parametrize("hint, text, expected", [
    ("Valckenboschlaan 8 Zeist", "Valckenboschlaan 8 Zeist\n\nPlanstatus:\tvastgesteld\nContactpersoon Plannen-makers:\tDhr. C. Vaartjes\n",
     "Valckenboschlaan 8 Zeist"),  # a plan named by its address
    ("Gemeente Uden Bestemmingsplan Hoek Erphoevenweg", "Gemeente Uden Bestemmingsplan Hoek Erphoevenweg\n\n2.\tBestaande situatie\t3\n",
     "Bestemmingsplan Hoek Erphoevenweg"),
    ("Wijzigingsplan Bekslaan Zuidzijde", "Wijzigingsplan Bekslaan Zuidzijde\n\nFase\tDatum\nwijzigingsplan\nter inzage legging\t26 april t/m 6 juni\n",
     "Wijzigingsplan Bekslaan Zuidzijde"),
])
def test_metadata_title_of_a_plan_is_its_own_heading(hint, text, expected):
    assert metadata.title(text, "stem", hint) == expected


def test_metadata_title_of_a_decision_list_is_its_head_line_with_the_date():
    text = ("Besluitenlijst Openbaar B&W-vergadering Wassenaar\n\nDatum\n\n17-12-2024\n\n1\n\nOpening\n\nBesluit:\n\n"
            "College neemt kennis van de stand van zaken.\n")
    title = metadata.meeting_title(metadata.title(text, "x"), "besluitenlijst", "college_bw", "2024-12-17", text)
    assert title == "Besluitenlijst Openbaar B&W-vergadering Wassenaar 2024-12-17"


def test_metadata_title_is_never_a_table_of_contents_heading():
    text = "Inhoudsopgave\n\nLeeswijzer Inleiding\nBestemmingsplan en uitwerkingsplan 9\n\nZuidpolder Eemnes, vierde uitwerking\n"
    assert metadata.title(text, "stem") == "Zuidpolder Eemnes, vierde uitwerking"


def test_letter_subject_line_type_and_inline_date():
    text = ("Werk & Inkomen\n\nStadhuisplein 1\nPostbus 200\n1300 AE Almere\n\nAan de Adviesraad Sociaal Domein\n\n"
            "Reactie op advies ten aanzien van Maatschappelijke Agenda sociaal domein 2024-2034\n\n"
            "Geachte mevrouw Kampschoër,\n\nOp 17 mei 2024 ontvingen wij uw advies.\n\nHoogachtend,\n")
    assert metadata.title(text) == "Reactie op advies ten aanzien van Maatschappelijke Agenda sociaal domein 2024-2034"
    assert metadata.doc_type(text) == "brief"  # a salutation, whatever type word the subject holds
    assert metadata.doc_type("Tekst", stem="almere-brief-college-maatschappelijke-agenda") == "brief"  # first in the name
    from pipeline.nlp.dates import document_date

    fields = "Aan de gemeenteraad\n\nBehandeld door T. van Berkel Datum 28 mei 2025 E-mail t@utrecht.nl Kenmerk 3026\n"
    assert document_date(fields + "In 2024 en op 3 maart 2025 gebeurde veel.") == ("2025-05-28", "stated")


def test_title_is_never_a_date_line_with_its_full_stop():
    """"30 januari 2023." alone on a line (the end of a wrapped sentence) names no subject."""
    from pipeline.nlp.metadata import title

    text = ("Besluitnummer 560746 ingevolge de Scheepvaartverkeerswet bekend gemaakt op 23 augustus 2022 voor het varen "
            "met het schip Klazina tussen 1 september 2022 en\n30 januari 2023.\n\nScheepvaartvergunning Mark en Dintel\n")
    assert title(text) != "30 januari 2023."
