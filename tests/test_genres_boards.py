"""Board pages that report a meeting's decisions under "Voorstel:" / "Besluit:" labels (issue 15, after a blind
annotation of decision lists of more governments): the head says which body meets ("Elke week vergadert het
dagelijks bestuur"), "Besloten is om" above numbered points gives one decision a point, and a "Voorstel:" that a
"Besluit:" answers is not a separate proposal. Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from tests.test_genres_college import run

BOARD_PAGE = """Het dagelijks bestuur voert het beleid uit dat het algemeen bestuur vaststelt. Elke week vergadert het
dagelijks bestuur. Over de besluiten wordt na de vergadering bericht op deze pagina.

In de vergadering van 14 mei 2024 zijn de volgende besluiten genomen.

Voorstel: Vaststellen van het projectplan Waterwet dijkversterking Lekdijk

Besluit:
Besloten is om

  1. Het projectplan Waterwet dijkversterking Lekdijk d.d. 2 april 2024 vast te stellen;
  2. De gemeente Culemborg schriftelijk te informeren over het vastgestelde projectplan.

Voorstel:
Lening bij de Nederlandse Waterschapsbank

Besluit:
Het dagelijks bestuur heeft ingestemd met een lening van € 20 miljoen bij de Nederlandse Waterschapsbank.

Context:
De lening past binnen het treasurystatuut.
"""


def test_a_board_page_dates_each_numbered_point_to_the_meeting_of_the_body_that_meets(nlp):
    ex = run(nlp, BOARD_PAGE)
    taken = [d for d in ex.decisions if (d.actor, d.date, d.status) == ("dagelijks_bestuur", "2024-05-14", "adopted")]
    assert any("projectplan Waterwet" in d.text and "Culemborg" not in d.text for d in taken)
    assert any("Culemborg" in d.text and "projectplan Waterwet dijkversterking Lekdijk d.d." not in d.text for d in taken)
    assert any("lening van € 20 miljoen" in d.text for d in taken)
    assert len(taken) == 3
    assert not any(d.date == "2024-04-02" for d in ex.decisions)  # the plan's own date, not a decision's


def test_a_proposal_that_the_decision_under_it_answers_is_not_a_second_record(nlp):
    ex = run(nlp, BOARD_PAGE)
    assert not any(d.status == "proposed" for d in ex.decisions)


NOTICE = """Gemeenteblad van Hoekdam

Burgemeester en wethouders van Hoekdam maken bekend dat de gemeenteraad op 12 maart 2024 het bestemmingsplan \
‘Havenkwartier’ (planidentificatie NL.IMRO.0999. Havenkwartier-BP10) ongewijzigd heeft vastgesteld.

Het vastgestelde plan ligt ter inzage.
"""

NOTICE_EXTRAPOSED = """Gemeenteblad van Hoekdam

Burgemeester en wethouders van Hoekdam maken ingevolge artikel 3.8 van de Wet ruimtelijke ordening bekend dat de \
gemeenteraad in de vergadering van 12 maart 2024 gewijzigd heeft vastgesteld het bestemmingsplan ‘Havenkwartier’.
"""


def test_a_notice_of_an_adopted_plan_keeps_its_sentence_whole_across_a_plan_code(nlp):
    ex = run(nlp, NOTICE)
    assert any((d.actor, d.date, d.status) == ("gemeenteraad", "2024-03-12", "adopted") and "Havenkwartier" in d.text
               for d in ex.decisions)


def test_a_participle_before_its_object_is_the_verb_of_the_sentence(nlp):
    ex = run(nlp, NOTICE_EXTRAPOSED)
    assert any((d.actor, d.date, d.status) == ("gemeenteraad", "2024-03-12", "adopted") for d in ex.decisions)


ANNOUNCED = """Vergadering waterschap Veenland

BEKENDMAKING

De dijkgraaf maakt als voorzitter van de Verenigde Vergadering bekend, dat op:
woensdag 19 november 2025 om 20.00 uur een openbare bijeenkomst van de Verenigde Vergadering zal worden gehouden in
het kantoor van het waterschap. Op de agenda van deze bijeenkomst staan onder meer de volgende zaken:
* Begroting 2026 en meerjarenbegroting 2026-2029
* Aanpassen legestarieven
* Opening

De vergaderstukken liggen ter inzage. Veendam, 3 november 2025
"""


def test_an_announced_meeting_puts_each_listed_subject_to_its_body_on_its_day(nlp):
    ex = run(nlp, ANNOUNCED)
    put = [d for d in ex.decisions if (d.actor, d.date, d.status) == ("verenigde_vergadering", "2025-11-19", "proposed")]
    assert [d.text for d in put] == ["Begroting 2026 en meerjarenbegroting 2026-2029", "Aanpassen legestarieven"]


AGENDA = """Agenda algemeen bestuur

Datum
11 juli 2025

1. Opening en mededelingen

2. Jaarstukken 2024

De jaarstukken worden separaat toegezonden.

3. Aanpak actualisering van de gemeenschappelijke regeling

4. Hamerstukken

5. Rondvraag
"""


def test_each_numbered_agenda_subject_is_put_to_the_meeting_but_not_procedure_or_headings(nlp):
    ex = run(nlp, AGENDA)
    put = [d for d in ex.decisions if (d.actor, d.date, d.status) == ("algemeen_bestuur", "2025-07-11", "proposed")]
    assert sorted(d.text for d in put) == ["Aanpak actualisering van de gemeenschappelijke regeling", "Jaarstukken 2024"]


LIST_NOT_APPLICABLE = """Gemeenteraad Hoekdam 8 juli 2024

Agendapunten

1. Opening

Besluit

N.v.t.

  1. De voorzitter opent om 19:31 uur de vergadering;
  2. De voorzitter meldt dat twee raadsleden afwezig zijn.
"""


def test_points_under_a_decision_label_that_says_not_applicable_are_no_decisions(nlp):
    ex = run(nlp, LIST_NOT_APPLICABLE)
    assert not any("voorzitter" in d.text for d in ex.decisions)


GS_LIST = """Openbare besluitenlijst
Vergadering Gedeputeerde Staten
d.d. 22 augustus 2006

1. Bedrijventerrein Moerdijk
Provinciale Staten zullen zich in hun vergadering van 29 september uitspreken over de behoefte aan bedrijventerreinen.
Gedeputeerde Staten stellen voor om, onder voorwaarden, een logistiek park van 150 hectare aan te leggen.
"""


def test_what_the_board_proposes_in_its_own_list_is_dated_by_its_meeting_not_the_sentence_before(nlp):
    ex = run(nlp, GS_LIST)
    assert any((d.actor, d.date, d.status) == ("gedeputeerde_staten", "2006-08-22", "proposed") and "logistiek" in d.text
               for d in ex.decisions)


WATER_BOARD_BLOG = """Bestuursblog

Ons bestuur bestaat uit een algemeen bestuur en een dagelijks bestuur. Het algemeen bestuur noemen wij het college van
hoofdingelanden. Eerder heeft ons college de provincie Utrecht gevraagd om een bijdrage.

(15-06-2017)

Innovatief en spaarzaam, dat zijn de elementen van de Meerjarenbegroting zoals het Algemeen Bestuur van het \\
hoogheemraadschap deze op 14 juni jl. heeft aangenomen.
"""


def test_a_water_boards_college_is_its_own_not_the_provinces_it_names(nlp):
    ex = run(nlp, WATER_BOARD_BLOG)
    organs = {" ".join(e.text.split()): e.canonical for e in ex.entities if e.label == "ORGAN"}
    assert organs.get("college van hoofdingelanden") == "algemeen_bestuur"
    assert organs.get("college") == "college_dijkgraaf_heemraden"


def test_the_body_named_in_a_clause_with_zoals_is_the_one_that_adopted(nlp):
    ex = run(nlp, WATER_BOARD_BLOG)
    assert ("algemeen_bestuur", "2017-06-14", "adopted") in [(d.actor, d.date, d.status) for d in ex.decisions]


COLLEGE_LIST = """Openbare Besluitenlijst collegevergadering 25 oktober

Datum 25-10-2022

Agenda

De agenda wordt vastgesteld.

Werkboek participatie

Het college besluit:
1.    Het werkboek 'Samen Doen' vast te stellen;
2.    Het werkboek aan de raad aan te bieden.

Toelichting:

Participatie is als onderwerp opgepakt vanuit het programma Omgevingswet. Er is voor gekozen het onderwerp breder op te
pakken dan alleen voor de Omgevingswet.

Wet open overheid

Het college besluit om het ambitieniveau van de Wet open overheid vast te stellen op niveau basis.

Toelichting:

Op 01-05-2022 is de Wet open overheid in werking getreden.
"""


def test_a_list_of_headed_paragraphs_keeps_each_decision_under_its_own_head(nlp):
    ex = run(nlp, COLLEGE_LIST)
    taken = [d for d in ex.decisions if (d.actor, d.date, d.status) == ("college_bw", "2022-10-25", "adopted")]
    assert any("Samen Doen" in d.text for d in taken) and any("aan de raad" in d.text for d in taken)
    assert any("ambitieniveau" in d.text for d in taken)


def test_the_college_besluit_without_a_colon_is_a_decision(nlp):
    ex = run(nlp, "Brief\n\nDatum 25-10-2022\n\nHet college besluit het bestemmingsplan Centrum vast te stellen.\n")
    assert any(d.actor == "college_bw" and d.status == "adopted" for d in ex.decisions)


def test_an_items_background_and_a_law_taking_effect_are_no_decisions_of_the_meeting(nlp):
    ex = run(nlp, COLLEGE_LIST)
    assert not any("Er is voor gekozen" in d.text or "in werking" in d.text for d in ex.decisions if d.actor)


PREAMBLE = """Waterschapsblad van Waterschap Veenland

Nota legger waterschap Veenland 2024
Het dagelijks bestuur van waterschap Veenland;
overwegende dat het dagelijks bestuur op 9 mei 2023 de ‘Nota legger 2022’ heeft vastgesteld;
overwegende dat de nota redactioneel aangepast moet worden;
gelet op de Omgevingswet en de Algemene wet bestuursrecht:
1) De ‘Nota legger 2022’ in te trekken per 1 januari 2024;
2) De ‘Nota legger 2024’ vast te stellen en in werking te laten treden per 1 januari 2024.

Veendam, 12 december 2023
"""


def test_points_after_a_resolutions_grounds_are_its_decisions_and_the_grounds_keep_their_own_date(nlp):
    ex = run(nlp, PREAMBLE)
    got = [(d.actor, d.date, d.status) for d in ex.decisions]
    assert ("dagelijks_bestuur", "2023-05-09", "adopted") in got  # the earlier nota the grounds cite
    points = [d for d in ex.decisions if d.text.startswith(("1)", "2)"))]
    assert len(points) == 2 and all(d.actor == "dagelijks_bestuur" and d.date != "2023-05-09" for d in points)


CITED_ADVERB = """Vaststelling peilbesluit Meijepolder

Het college van dijkgraaf en hoogheemraden maakt bekend dat op 4 oktober 2017 door het algemeen bestuur het peilbesluit
Meijepolder is vastgesteld.

Het peilbesluit maakt deel uit van het eveneens op 4 oktober 2017 door het algemeen bestuur vastgestelde raamwaterplan.
"""


def test_a_plan_cited_as_also_adopted_that_day_is_its_own_decision(nlp):
    ex = run(nlp, CITED_ADVERB.replace("peilbesluit\nMeijepolder", "peilbesluit Meijepolder"))
    got = [d for d in ex.decisions if (d.actor, d.date, d.status) == ("algemeen_bestuur", "2017-10-04", "adopted")]
    assert len(got) == 2 and any("raamwaterplan" in d.text for d in got)


COLUMN_LIST = """Besluitenlijst BenW 9 mei 2023

Datum

09-05-2023

Agendanummer Onderwerp en besluit

1

Opening

2

Besluitvormende stukken

2.01

Collegevoorstel Regietafel asiel

Besluit:

 1. Instemmen met de opdracht van de Regietafel asiel;
 2. Kennisnemen van het vervolgproces.
"""


def test_a_tables_column_heads_and_its_section_rows_are_no_decisions(nlp):
    ex = run(nlp, COLUMN_LIST)
    texts = [d.text for d in ex.decisions]
    assert not any(t.strip() in ("Opening", "Besluitvormende stukken") or t.startswith("Agendanummer") for t in texts)
    assert sum(1 for d in ex.decisions if (d.actor, d.date) == ("college_bw", "2023-05-09")) == 2


MINUTES_RECORD = """Notulen van de vergadering van de raadscommissie van 6 december 2006

3. Voorstel tot vaststelling notulen Raadscommissie van 15 november 2006 De notulen worden ongewijzigd vastgesteld.
"""


def test_minutes_adopted_at_a_meeting_are_dated_by_the_meeting_not_by_the_minutes_they_adopt(nlp):
    ex = run(nlp, MINUTES_RECORD)
    got = [(d.actor, d.date, d.status) for d in ex.decisions]
    assert ("raadscommissie", "2006-12-06", "adopted") in got and not any(date == "2006-11-15" for _, date, _ in got)


ANNOUNCED_THAT = """Burgemeester en wethouders van Veere maken bekend dat als gevolg van het bepaalde in artikel 3.8 Wet \\
ruimtelijke ordening de gemeenteraad van Veere in zijn vergadering van 28 september 2023 het ontwerp 6e herziening \\
bestemmingsplan Buitengebied gewijzigd heeft vastgesteld.
"""


def test_a_notice_that_publishes_a_councils_decision_names_the_council(nlp):
    ex = run(nlp, ANNOUNCED_THAT)
    assert ("gemeenteraad", "2023-09-28", "adopted") in [(d.actor, d.date, d.status) for d in ex.decisions]


DECREE = """Besluit van 8 april 2019 tot wijziging van het Vreemdelingenbesluit 2000

Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden, Prins van Oranje-Nassau, enz. enz. enz.

Op de voordracht van de Staatssecretaris van Justitie en Veiligheid van 25 februari 2019, nr. 2513249;

Gelet op artikel 14 van de Vreemdelingenwet 2000;

Hebben goedgevonden en verstaan:

ARTIKEL I

Het Vreemdelingenbesluit 2000 wordt als volgt gewijzigd.
"""


def test_a_royal_decree_is_the_kings_decision_on_its_day_proposed_by_the_state_secretary(nlp):
    ex = run(nlp, DECREE)
    got = [(d.actor, d.date, d.status) for d in ex.decisions]
    assert ("koning", "2019-04-08", "adopted") in got
    assert ("staatssecretaris", "2019-02-25", "proposed") in got
    assert any(e.canonical == "koning" for e in ex.entities if e.label == "ORGAN")


def test_no_exploitatieplan_is_a_decision_the_council_takes_with_its_plan(nlp):
    ex = run(nlp, "Gemeenteblad\n\nDatum 10-03-2023\n\nDe gemeenteraad heeft op 3 maart 2023 het bestemmingsplan "
                  "Centrum vastgesteld. Daarbij heeft de gemeenteraad geen exploitatieplan vastgesteld. Er zijn geen "
                  "zoekgebieden vastgesteld.\n")
    got = [d for d in ex.decisions if (d.actor, d.date) == ("gemeenteraad", "2023-03-03")]
    assert any("exploitatieplan" in d.text for d in got) and not any("zoekgebieden" in d.text for d in ex.decisions)


COLLEGE_MEETING = """Collegevergadering 12 juni 2023

Aanwezig: de burgemeester en de wethouders.

D/23/109213 | Beslissing op bezwaar stopverbod Gedempte Binnengracht

Advies

Besluit met overname van de uitspraak van de rechtbank van 30 mei 2023:
1. In heroverweging het aangevochten verkeersbesluit van 17 mei 2023 in te trekken.

Besluit

akkoord.

D/23/109330 | Verkenning Cruyff Court

Advies

1. Geen Cruyff Court aan te leggen;
2. Met de initiatiefnemers in gesprek te gaan over ontmoetingsplekken.

Besluit

akkoord.
"""


def test_a_college_meetings_page_with_advice_and_decision_per_item_is_its_decision_list(nlp):
    ex = run(nlp, COLLEGE_MEETING)
    assert (ex.document.meeting_body, ex.document.meeting_date) == ("college_bw", "2023-06-12")
    got = [d for d in ex.decisions if (d.actor, d.date) == ("college_bw", "2023-06-12")]
    assert any("verkeersbesluit" in d.text for d in got)  # dated by the meeting, not by the decision it withdraws
    assert any("initiatiefnemers" in d.text for d in got)


PLAN_NOTICE = """Gemeenteblad van Koggenland

Bekendmaking vaststelling bestemmingsplan ‘Grosthuizen 54, Avenhorn’

Burgemeester en wethouders van de gemeente Koggenland maken op grond van artikel 3.8 van de Wet ruimtelijke ordening \\
bekend dat het bestemmingsplan ‘Grosthuizen 54, Avenhorn’ is vastgesteld.

Procedure

Het besluit tot vaststelling van het bestemmingsplan is genomen op 5 juli 2021. De beroepstermijn start op 10 augustus \\
2021 en duurt tot en met 21 september 2021.
"""


def test_a_plan_notice_names_the_day_the_decision_was_taken_and_the_body_the_law_gives_the_plan(nlp):
    ex = run(nlp, PLAN_NOTICE)
    got = [(d.actor, d.date, d.status) for d in ex.decisions]
    assert ("gemeenteraad", "2021-07-05", "adopted") in got
    assert not any(actor == "college_bw" for actor, _, _ in got)  # the college publishes, it did not adopt
    assert not any("beroepstermijn" in d.text for d in ex.decisions)


def test_our_board_is_the_subject_not_a_pronoun(nlp):
    ex = run(nlp, "Nieuws\n\n11 december 2020\n\nOp 9 december heeft ons algemeen bestuur in ruime meerderheid "
                  "besloten het projectplan vast te stellen.\n")
    assert ("algemeen_bestuur", "2020-12-09", "adopted") in [(d.actor, d.date, d.status) for d in ex.decisions]


MANDATE = """Gemeente Zwolle

Zwolle, 3 april 2024

Besluit op uw aanvraag

Wij hebben besloten uw aanvraag voor een omgevingsvergunning te verlenen.

Namens burgemeester en wethouders van Zwolle,
de teamleider Vergunningen,
"""


def test_a_decision_signed_under_mandate_is_the_boards_on_the_letters_day_with_the_holder_beside_it(nlp):
    ex = run(nlp, MANDATE)
    got = [(d.actor, d.date, d.status, d.mandate_holder) for d in ex.decisions]
    assert ("college_bw", "2024-04-03", "adopted", "de teamleider Vergunningen") in got
