"""A college's letter to its council in the third person (issue 15, session 23, after the letters of the Den Haag
college in the blind set r47): "Het college beschouwt de motie hiermee als afgedaan" is the writer's act on the
letter's day, "Het college streeft ernaar om dit jaar het programma vast te stellen" its plan for the year, and
"Uw raad heeft, tijdens het debat op 22 mei 2025, de door het raadslid de heer" / "Thepass ingediende motie ...
aangenomen" one sentence across the line break before a name. A letter on the handling of a motion ("Afdoening
motie: ...") is a letter, not the motion. Read end to end by the whole pipeline, as in ``tests/test_genres.py``.
"""
from __future__ import annotations

from pipeline.extract import analyse
from pipeline.models import CleanText
from pipeline.nlp import metadata

LETTER = """Gemeente Den Haag

Aan de gemeenteraad

Datum
1 juli 2025

Onderwerp
Afdoening motie: ‘Geef duidelijkheid over warmteoplossingen’

Uw raad heeft, tijdens het debat over ‘Duurzaamheid’ op 22 mei 2025, de door het raadslid de heer
Thepass ingediende motie ‘Geef duidelijkheid over warmteoplossingen’ (RIS322287) aangenomen.
Hierbij informeert het college de raad over de afdoening van de motie. Het college erkent de behoefte aan inzicht in de warmteoplossing
op de lange termijn, of de uiteindelijke warmteoplossing in 2050, voor de zogenoemde gele wijken uit de Transitievisie warmte, ook wel
hybride warmtepompbuurten genoemd. In het warmteprogramma zal daarom verder vooruit worden gekeken dan de looptijd van dit eerste
warmteprogramma, dat loopt tot en met 2035, en ook voor de gele wijken zal geschetst worden welke warmteoplossing het meest haalbaar is.

Het college streeft ernaar om dit jaar het ontwerp-warmteprogramma vast te stellen.

Het college beschouwt de motie hiermee als afgedaan.

Het college van burgemeester en wethouders,
de secretaris, de burgemeester,
"""


def _got(nlp, text=LETTER, doc_id="denhaag-brief-afdoening-motie-2025-07-01"):
    x = analyse(doc_id, CleanText(text=text), nlp)
    return x, {(d.text.split()[0], d.actor, d.date, d.status) for d in x.decisions}


def test_the_college_in_the_third_person_is_the_writer(nlp):
    _, got = _got(nlp)
    assert ("Het", "college_bw", "2025-07-01", "realized") in got, got  # "beschouwt ... als afgedaan"
    assert ("Het", "college_bw", "2025", "planned") in got, got  # "streeft ernaar om dit jaar ... vast te stellen"


def test_a_sentence_runs_on_across_a_line_that_ends_before_a_name(nlp):
    _, got = _got(nlp)
    assert ("Uw", "gemeenteraad", "2025-05-22", "adopted") in got, got


def test_a_letter_on_the_handling_of_a_motion_is_a_letter():
    assert metadata.doc_type(LETTER, "denhaag-college-afdoening-motie-geef-duidelijkheid-2025-07-01") == "brief"


def test_a_generic_present_of_another_body_in_a_letter_is_still_no_decision(nlp):
    text = LETTER.replace("Het college beschouwt de motie hiermee als afgedaan.",
                          "De gemeenteraad besluit over de begroting.")
    _, got = _got(nlp, text)
    assert not any(a == "gemeenteraad" and w == "De" for w, a, _, _ in got), got


PLANS = """Gemeente Den Haag

Aan de gemeenteraad

Datum
16 januari 2025

Onderwerp
Verzoek tot intrekken raadsvoorstel Hobbemaplein

Daarom verzoekt het college het Raadsvoorstel ‘Vaststelling Voorontwerp Herinrichting Hobbemaplein’ (RIS319874) in te
trekken.

In 2018 is de gemeenteraad geïnformeerd over de noodzaak om de huidige trams te vervangen.

Voor de zomer zal de raad worden geïnformeerd over de kosten en dekking van deze aanpassingen.

De motie luidt als volgt:
Verzoekt het college het voorstel voor 1 maart 2025 in te trekken.

Het college van burgemeester en wethouders,
"""


def test_what_the_college_asks_and_how_it_informs_the_council(nlp):
    _, got = _got(nlp, PLANS, "denhaag-brief-intrekken-raadsvoorstel-2025-01-16")
    assert ("Daarom", "college_bw", "2025-01-16", "proposed") in got, got  # the writer asks, in the third person
    assert ("In", "college_bw", "2018", "realized") in got, got  # the council was told: the writer told it
    assert ("Voor", "college_bw", "2025-SU", "planned") in got, got  # "voor de zomer": this letter's year
    assert not any(a == "gemeenteraad" for _, a, _, _ in got), got  # the body told is no actor
    assert not any(w == "Verzoekt" for w, _, _, _ in got), got  # a motion's dictum quoted: the council asks


def test_a_summer_is_dated_only_as_a_term():
    from pipeline.nlp.dates import find_dates

    values = {m.text: m.value for m in find_dates("Voor de zomer volgt het plan. In de zomer is het druk.", "2025-01-16")}
    assert values.get("de zomer") == "2025-SU" and len(values) == 1, values


def test_a_notice_of_a_permit_granted_is_dated_by_the_notice(nlp):
    text = ("PROVINCIAAL BLAD\n\nOfficiële uitgave van provincie Utrecht.\n\nBekendmaking TUG-ontheffing locatie "
            "Neerzeldertseweg 4 in Hoogland\n\nPublicatiedatum: 7 maart 2017\n\nBeschikking TUG-ontheffing\n\n"
            "ExperienceEvents B.V. heeft een ontheffing aangevraagd bij de provincie Utrecht. Deze aanvraag voldoet aan "
            "de Wet luchtvaart. Gedeputeerde Staten van Utrecht hebben de TUG-ontheffing daarom verleend.\n")
    _, got = _got(nlp, text, "provincie-utrecht-bekendmaking-tug-ontheffing-2017-03-07")
    assert ("Gedeputeerde", "gedeputeerde_staten", "2017-03-07", "adopted") in got, got


NARRATIVE_PLANS = """Gemeente Den Haag

Aan de gemeenteraad

Datum
16 januari 2025

Onderwerp
Intrekken raadsvoorstel Hobbemaplein

Geachte leden van de raad,

De nieuwe toegankelijke tram op lijn 6 moet voor de zomer van 2028 in gebruik zijn.
Realisatie van een nieuw ontwerp voor het plein zal naar verwachting rond 2030 gereed zijn.
Het ontwerp van het plein was in 2021 gereed.
Het college van burgemeester en wethouders,
de secretaris, de burgemeester,
"""


def test_a_letters_dated_plans_in_its_narrative_are_the_writers(nlp):
    # "moet ... in gebruik zijn", "naar verwachting ... gereed": the writer's plans for a later date;
    # what was ready before the letter's date is no plan
    _, got = _got(nlp, NARRATIVE_PLANS, "denhaag-brief-intrekken-raadsvoorstel-2025-01-16")
    assert ("De", "college_bw", "2028-SU", "planned") in got, got
    assert ("Realisatie", "college_bw", "2030", "planned") in got, got
    assert not any(date == "2021" for _, _, date, _ in got), got


def test_a_motion_whose_title_asks_is_still_adopted_in_its_sentence(nlp):
    # "de door het raadslid ingediende motie: Wat is jeugdhulp en wie betaalt ervoor? (RIS321647) aangenomen" (r47, a
    # college's letter on a motion): the title's question mark does not end the sentence, the council adopted it
    text = ("Den Haag, 17 juli 2025\n\nGeachte raad,\n\nUw raad heeft, tijdens de bespreking van het beleidskader Jeugd op "
            "13 maart 2025, de door het raadslid mevrouw Verdonk ingediende motie: Wat is jeugdhulp en wie betaalt ervoor? "
            "(RIS321647) aangenomen.\n")
    x = analyse("denhaag-brief-motie-2025-07-17", CleanText(text=text), nlp)
    assert [(d.actor, d.date, d.status) for d in x.decisions] == [("gemeenteraad", "2025-03-13", "adopted")], \
        [(d.actor, d.date, d.status, d.text[:50]) for d in x.decisions]


def test_a_decision_term_put_off_is_postponed(nlp):
    # a Woo decision tells its term extended ("is de beslistermijn met vier weken verdaagd", r49/r50): postponed on
    # the day of the letter that said so, or on this letter's day when it does so itself; an arrest is nothing put off
    text = ("Gemeente Amsterdam\n\nDatum 27 juni 2018\n\nGeachte heer,\n\nIn de brief van 7 juli 2020, kenmerk 2020.117/002, "
            "is de beslistermijn met vier weken verdaagd.\n\nHierbij verdaag ik de beslistermijn met vier weken.\n\n"
            "De verdachte werd aangehouden.\n\nHet college van burgemeester en wethouders,\nde secretaris\n")
    x = analyse("amsterdam-wob-besluit-2018-06-27", CleanText(text=text), nlp)
    assert [(d.date, d.status) for d in x.decisions] == [("2020-07-07", "postponed"), ("2018-06-27", "postponed")], \
        [(d.date, d.status, d.text[:50]) for d in x.decisions]
