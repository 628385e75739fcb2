"""Reports of one meeting and minutes told in the present (issue 15, session 21, after a blind annotation of council
news, press releases, committee minutes and party-site reports of 13 governments): who decided when a body's
government follows its name, the day of the meeting a news item reports, outcomes the minutes tell in the present and
the record of an earlier meeting adopted at this one. Read end to end by the whole pipeline, as in
``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText


def run(nlp, text: str, doc_id: str = "report"):
    return analyse(doc_id, CleanText(text=text), nlp)


def decided(x):
    return [(d.status, d.actor, d.actor_text, d.date, d.text[:60]) for d in x.decisions]


def test_the_council_of_a_named_town_decides_not_the_mayor_it_names(nlp):
    x = run(nlp, "Persbericht Hillegom, 10 juli 2020\n\nDe gemeenteraad van Hillegom heeft op donderdag 9 juli besloten "
                 "burgemeester Arie van Erk bij de minister aan te bevelen voor herbenoeming.\n")
    rec = next(d for d in x.decisions if "aan te bevelen" in d.text)
    assert (rec.status, rec.actor, rec.date) == ("adopted", "gemeenteraad", "2020-07-09"), decided(x)


NEWS = """Besluiten gemeenteraad

Hier leest u de belangrijkste besluiten die gemeenteraad heeft genomen tijdens de vergadering op 29 januari 2026.

Sportbedrijf
De gemeenteraad heeft ingestemd met de begroting en bijdrage voor het Sportbedrijf voor het jaar 2026. Daarom heeft de
raad op voorstel van het college besloten om een eenmalige bijdrage van € 455.000 te geven.
"""


def test_a_news_item_dates_the_councils_decisions_by_the_meeting_it_names(nlp):
    x = run(nlp, NEWS)
    got = {(d.actor, d.date) for d in x.decisions if d.status == "adopted"}
    assert got == {("gemeenteraad", "2026-01-29")}, decided(x)
    assert len([d for d in x.decisions if d.status == "adopted"]) == 2, decided(x)


PARTY_REPORT = """Raadsvergadering met veel hamerstukken
4 november 2022
De raadsvergadering van donderdag 3 november was vooral een formaliteit vanwege de vele hamerstukken die op de agenda stonden. Hamerstukken zijn voorstellen die al in een commissievergadering zijn behandeld. In vrijwel alle gevallen neemt de raad zo'n voorstel zonder discussie over.
Een agendapunt waarover nog wel werd gesproken is het controle protocol. Hierbij werd het advies van de auditcommissie overgenomen om geen extra controlepunten toe te voegen. Ook hiermee ging de raad akkoord.
"""


def test_a_report_dates_what_was_taken_by_the_meeting_not_by_the_report(nlp):
    x = run(nlp, PARTY_REPORT)
    advies = next(d for d in x.decisions if "auditcommissie" in d.text)
    assert (advies.actor, advies.date) == ("gemeenteraad", "2022-11-03"), decided(x)


MINUTES = """VERSLAG statencommissie

Maat: px
Weergave met pagina beginnen:

Download "VERSLAG statencommissie"

Transcriptie

1 VERSLAG statencommissie Vastgesteld verslag van de openbare vergadering van de Commissie Economie en Mobiliteit van 1 september 2008 van 13:30 tot uur te Middelburg. Voorzitter: Aanwezig zijn de leden: C.W. Bierens, G. Bouterse, A.M. Lobik (commissiegriffier/verslag) 1. Opening en mededelingen De voorzitter opent de vergadering en meldt de afwezigen. 2. Vaststellen agenda De agenda wordt ongewijzigd vastgesteld. 3. Spreekrecht publieke tribune: er zijn geen insprekers 4. Inventarisatie onderwerpen voor de rondvraag De onderwerpen worden geïnventariseerd. 5. Conceptverslag van 9 juni 2008 met advies aan het Presidium Conceptverslag gezamenlijke vergadering van 12 juni 2008 (REW en E&M) over WCT Beide verslagen worden zonder wijzigingen vastgesteld. 6. Toezeggingenlijst De overige toezeggingen en moties blijven staan.
"""


def test_minutes_tell_the_meetings_outcomes_in_the_present(nlp):
    x = run(nlp, MINUTES)
    agenda = next(d for d in x.decisions if "agenda wordt ongewijzigd vastgesteld" in d.text)
    assert (agenda.status, agenda.actor, agenda.date) == ("adopted", "statencommissie", "2008-09-01"), decided(x)


def test_the_record_of_an_earlier_meeting_is_adopted_at_this_one(nlp):
    x = run(nlp, MINUTES)
    verslagen = next(d for d in x.decisions if "Beide verslagen" in d.text)
    assert (verslagen.status, verslagen.date) == ("adopted", "2008-09-01"), decided(x)


def test_a_compound_cut_short_after_its_article_is_a_noun(nlp):
    x = run(nlp, "Nieuws, 27 september 2018\n\nIn de vergadering van 25 september jl. koos de gemeenteraad voor de "
                 "verplaatsing van het zwembad. De volledige tekst van het raadsvoorstel, het –besluit en de door de raad "
                 "vastgestelde randvoorwaarden vindt u op de website.\n")
    assert not any("volledige tekst" in d.text for d in x.decisions), decided(x)
    assert any("koos de gemeenteraad" in d.text for d in x.decisions), decided(x)


STATES_LETTER = """Aan de leden van Provinciale Staten

Datum: 28 februari 2008
Onderwerp: Afspraken en beleidskeuzes 2008

Geachte dames en heren,

Deze constatering heeft geleid tot een aantal bijeenkomsten tussen Bureau Jeugdzorg en de provincie met als doel de
keuzes voor 2008 in beeld te brengen. Wij hebben op grond van de uitkomsten van de twee bijeenkomsten van 29 november
en 11 december 2007 in principe besloten Bureau Jeugdzorg incidenteel € 656.924 toe te kennen.

Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.
"""


def test_we_who_write_to_the_states_are_their_executive_on_the_letters_day(nlp):
    x = run(nlp, STATES_LETTER)
    rec = next(d for d in x.decisions if "in principe besloten" in d.text)
    assert (rec.actor, rec.date) == ("gedeputeerde_staten", "2008-02-28"), decided(x)


def test_each_thing_a_meeting_adopts_at_once_is_a_decision(nlp):
    x = run(nlp, "Een nieuw AB en DB\n\nMaandag 9 juli 2018 vond de eerste vergadering van het algemeen bestuur plaats.\n\n"
                 "In de vergadering van 9 juli zijn ook het jaarverslag 2017, de begroting 2019, de meerjarenraming "
                 "2020-2022 en de eerste bestuurlijke rapportage vastgesteld. Het bestuur stemde in met de kaders voor "
                 "wonen en werken.\n")
    things = sorted(d.object for d in x.decisions if "jaarverslag" in d.text)
    assert things == ["de begroting 2019", "de eerste bestuurlijke rapportage", "de meerjarenraming 2020-2022",
                      "het jaarverslag 2017"], decided(x)
    assert all(d.date == "2018-07-09" for d in x.decisions if "jaarverslag" in d.text), decided(x)
    assert len([d for d in x.decisions if "wonen en werken" in d.text]) == 1, decided(x)


def test_a_second_clause_after_en_is_no_second_thing(nlp):
    x = run(nlp, "Toelichting, 1 maart 2015\n\nOp 24 februari 2015 heeft het algemeen bestuur ingestemd met de voorgestelde "
                 "maatregelen en is het wateradvies afgedaan.\n")
    assert len([d for d in x.decisions if "maatregelen" in d.text]) == 1, decided(x)



def test_a_plan_in_force_is_the_body_that_adopted_it_a_law_in_force_no_bodys(nlp):
    x = run(nlp, "Toelichting veegplan\n\nOp 17 december 2010 is het bestemmingsplan Buitengebied vervolgens in werking "
                 "getreden. Op 1 juli 2008 is de Wet ruimtelijke ordening in werking getreden.\n")
    plan = next(d for d in x.decisions if "Buitengebied" in d.text)
    assert (plan.status, plan.actor, plan.date) == ("realized", "gemeenteraad", "2010-12-17"), decided(x)
    assert all(d.actor is None for d in x.decisions if "Wet ruimtelijke" in d.text), decided(x)


COUNCIL_NEWS = """De gemeenteraad van Berg en Dal vergaderde op 12 oktober 2023. Hieronder vertellen we wat meer over onderwerpen die in de vergadering zijn besproken.

Lotingmodel voor woningtoewijzing

In de nieuwe verordening staat dat minimaal 15% volgens het lotingmodel moet worden aangeboden. Bij dit onderwerp is een motie ingediend.

De motie is aangenomen en de verordening vastgesteld.

Overige genomen besluiten

Tijdens de raadsvergadering zijn verder de volgende besluiten genomen:

 • Verordening inburgering gemeente Berg en Dal 2023 vastgesteld;
 • Akkoord met implementatieplan "Herinrichting Planning & Control";
 • Akkoord met afhandeling Woo-verzoek De Gelderlander.
"""


def test_a_news_items_list_of_decisions_taken_gives_each_point_the_meetings_body_and_day(nlp):
    x = run(nlp, COUNCIL_NEWS)
    points = [d for d in x.decisions if d.text.lstrip("• ").startswith(("Verordening inburgering", "Akkoord met"))]
    assert len(points) == 3, decided(x)
    assert {(d.status, d.actor, d.date) for d in points} == {("adopted", "gemeenteraad", "2023-10-12")}, decided(x)
    assert not any(d.text.startswith("Tijdens de raadsvergadering") for d in x.decisions), decided(x)


def test_a_second_outcome_whose_auxiliary_the_first_lends_is_a_decision_of_its_own(nlp):
    x = run(nlp, COUNCIL_NEWS)
    told = sorted((d.status, d.object) for d in x.decisions if d.text.startswith("De motie is aangenomen"))
    assert len(told) == 2 and ("adopted", "de verordening") in told, decided(x)


VOTES = """Uit de raad van Oudewater 17 december 2020

Carbidschieten

Op dat voorstel hadden CDA en Onafhankelijken een amendement ingediend. Het amendement werd met 9 stemmen voor en 6 tegen aangenomen en het voorstel met 11 voor en 4 tegen.

Belastingverordeningen

Dat amendement werd met 9 stemmen voor en 6 tegen aangenomen en de verordeningen (met een stemverklaring van het CDA) met 10 stemmen voor en 5 tegen.
"""


def test_a_report_headed_by_its_council_and_day_counts_each_vote_told(nlp):
    x = run(nlp, VOTES)
    taken = [(d.status, d.actor, d.date, d.vote) for d in x.decisions]
    assert len(taken) == 4 and {t[:3] for t in taken} == {("adopted", "gemeenteraad", "2020-12-17")}, decided(x)
    assert any(d.object == "het voorstel" and d.vote and "11" in d.vote for d in x.decisions), decided(x)


BOARD_LIST = """Dagelijks Bestuur 12 maart 2018

1. Besluitenlijst d.d. 19 februari 2018

VOORSTEL:

Vaststellen besluitenlijst d.d. 19 februari 2018.

BESLUIT:

Akkoord.

2. Regionaal Platform 25 april 2018

VOORSTEL:

Annuleren van het Regionaal Platform van 25 april en dit naar de gemeenten communiceren.

BESLUIT:

Akkoord.
"""


def test_a_page_headed_by_a_body_and_its_day_over_outcomes_is_that_meetings_list(nlp):
    x = run(nlp, BOARD_LIST)
    outcomes = [d for d in x.decisions if d.status == "adopted"]
    assert len(outcomes) == 2 and {(d.actor, d.date) for d in outcomes} == {("dagelijks_bestuur", "2018-03-12")}, \
        decided(x)


AGENDA_NEWS = """Op 14 maart 2024 is er een raadsvergadering. De vergadering begint om 20:00 uur in het gemeentehuis.

Op de agenda van de raadsvergadering staan (naast het onderwerp dat hierboven is genoemd) de volgende onderwerpen:

Politiek debat

 • Evaluatiecriteria concept zorgzame buurt (Dekkerswald);
 • Uitvoeringsagenda inclusieve kinderopvang en onderwijs.

Hamerstukken (geen inhoudelijke behandeling, wel stemverklaring mogelijk)

 • Meerjarenstrategie GGD 2024-2027;
 • Vaststellen bestemmingsplan Heerbaan 119, Millingen;
 • Vaststellen integriteitsprotocol
"""


def test_a_news_items_agenda_in_groups_puts_each_item_to_the_meeting(nlp):
    x = run(nlp, AGENDA_NEWS)
    items = [d for d in x.decisions if d.status == "proposed"]
    assert len(items) == 5, decided(x)
    assert {(d.actor, d.date) for d in items} == {("gemeenteraad", "2024-03-14")}, decided(x)
    assert not any(d.text.startswith(("Politiek debat", "Hamerstukken")) for d in x.decisions), decided(x)


ANNOUNCED = """De volgende raadsvergadering is op donderdag 27 januari 2022. De stukken voor deze vergadering zijn digitaal beschikbaar.

Op de voorlopige agenda van 27 januari 2022 staan de volgende bespreekpunten:

 • Raadsvoorstel Dashboard 3e kwartaal 2021 Sociaal Domein
  Met het Dashboard Sociaal Domein wordt over de eerste 9 maanden van 2021 inzicht gegeven in het gebruik van de voorzieningen en de kostenontwikkeling. Het college stelt de raad voor om kennis te nemen van dit Dashboard.

 • Raadsvoorstel Herbenoeming lid Raad van Toezicht Stichting op Kop
  Stichting Op Kop is het bevoegd gezag van het openbaar onderwijs in de gemeenten Steenwijkerland en Zwartewaterland. Deze stichting kent een Raad van Toezicht.
"""


def test_an_announced_agenda_whose_items_carry_an_explanation_puts_each_item(nlp):
    x = run(nlp, ANNOUNCED)
    items = [d for d in x.decisions if d.text.startswith("Raadsvoorstel")]
    assert len(items) == 2, decided(x)
    assert {(d.status, d.actor, d.date) for d in items} == {("proposed", "gemeenteraad", "2022-01-27")}, decided(x)


def test_tonights_meeting_in_a_news_item_is_the_items_day_and_the_council_appoints_wethouders(nlp):
    x = run(nlp, "Drie wethouders benoemd in Ommen\n\ndonderdag 31 mei 2018 21:28\n\nTijdens de raadsvergadering zijn "
                 "vanavond drie nieuwe wethouders benoemd. De raad heeft vanavond met een meerderheid ook het "
                 "bestuursakkoord aangenomen.\n")
    taken = [(d.actor, d.date) for d in x.decisions if d.status == "adopted"]
    assert ("gemeenteraad", "2018-05-31") in taken and all(a == "gemeenteraad" for a, _ in taken), decided(x)
    assert len([1 for _, day in taken if day == "2018-05-31"]) >= 2, decided(x)


def test_the_wethouders_to_be_appointed_are_not_the_body_that_appoints(nlp):
    x = run(nlp, "Nieuws, 7 april 2022\n\nDe coalitie is gevormd. Op woensdag 20 april 2022 worden de nieuwe "
                 "wethouders benoemd.\n")
    rec = next(d for d in x.decisions if "benoemd" in d.text)
    assert (rec.status, rec.actor, rec.date) == ("planned", "gemeenteraad", "2022-04-20"), decided(x)


def test_a_second_clause_with_its_own_verb_is_a_second_decision(nlp):
    # (session 22) "de profielschets is vastgesteld en de vertrouwenscommissie is ingesteld": two decisions
    x = run(nlp, "Besluitenlijst van de openbare vergadering van de gemeenteraad van 18 oktober 2007\n\n1. Opening\n"
                 "U weet dat dit traject is ingezet in de raadsvergadering van 21 juni 2007, toen door uw raad de "
                 "profielschets is vastgesteld en de vertrouwenscommissie is ingesteld.\n", "besluitenlijst")
    got = sorted((d.actor, d.date, d.object) for d in x.decisions)
    assert [(a, d) for a, d, _ in got] == [("gemeenteraad", "2007-06-21")] * 2, decided(x)
    assert any(o == "de vertrouwenscommissie" for _, _, o in got), got


def test_a_request_granted_is_the_councils_decision(nlp):
    # (session 22) "wordt ingewilligd", "willigt ... in": granting a request decides it
    x = run(nlp, "Notulen van de vergadering van de gemeenteraad van Klundert op 18 mei 1938\n\n5. Het verzoek van "
                 "W. Jansen om betaling van de reiskosten wordt ingewilligd.\n\n6. De raad willigt het verzoek van de "
                 "vereniging in.\n", "notulen")
    assert [(d.status, d.actor, d.date) for d in x.decisions] == [("adopted", "gemeenteraad", "1938-05-18")] * 2, \
        decided(x)


CARD = """Gemeente Haarlem

Bestuurlijke agendazaak

Bestuursorgaan en Ontstaansdatum
Commissie beheer d.d. 17-6-2021

Onderwerp
Toezegging monitoring bestrijding rattenoverlast: voortgangsrapportage aan commissie aanbieden

Omschrijving
Bij de behandeling van agendapunt 8 Aanpak rattenoverlast, zegt wethouder Rog op verzoek van D66 het volgende toe.
De bestrijding van de rattenoverlast zal gemonitord worden en er volgt jaarlijks een voortgangsrapportage.
"""


def test_a_promises_own_card_is_the_promise_on_its_day(nlp):
    # (session 24, blind round r50: a register's card of one promise, no minutes around it)
    got = [(s, a, d) for s, a, _, d, _ in decided(run(nlp, CARD, "haarlem-toezegging-rattenoverlast-2021-06-17"))]
    assert ("promised", "wethouder", "2021-06-17") in got, got


def test_a_promise_told_in_the_past_outside_minutes_is_not_dated_by_the_document(nlp):
    text = CARD.replace("zegt wethouder Rog op verzoek van D66 het volgende toe", "zegde wethouder Rog het volgende toe")
    got = [(s, a, d) for s, a, _, d, _ in decided(run(nlp, text, "haarlem-toezegging-rattenoverlast-2021-06-17"))]
    assert ("promised", "wethouder", "2021-06-17") not in got, got
