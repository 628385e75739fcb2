"""Tests for the DATE component (pipeline/nlp/dates.py, issue 3).

Sentences are written for these tests (not taken from the seed corpus). Each
expectation is the list of (value, mod) the tagger must find, in text order.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nlp import build_nlp, new_doc
from pipeline.nlp.dates import (
    MODS,
    SEASON_CODES,
    DateMatch,
    analyse,
    document_date,
    find_dates,
)
from pipeline.nlp.dates_scan import DATA_DIR, load_lexicon, parse_iso

ANCHOR = "2016-03-15"
VALUE_RE = re.compile(
    r"^(?:[0-9]{4}|XXXX)(?:-(?:SP|SU|FA|WI)|-[01][0-9](?:-[0-3][0-9])?)?"
    r"(?:/[0-9]{4}(?:-(?:SP|SU|FA|WI)|-[01][0-9](?:-[0-3][0-9])?)?)?$")


def _found(text: str, anchor: str | None = ANCHOR) -> list[tuple[str, str | None]]:
    return [(m.value, m.mod) for m in find_dates(text, anchor)]


# --------------------------------------------------------------------------- positives

POSITIVES = [
    # full dates in words
    ("De raad besloot op 3 november 2014 tot aankoop.", [("2014-11-03", None)]),
    ("Vastgesteld in de vergadering van 1 januari 2020.", [("2020-01-01", None)]),
    ("De termijn verliep op 28 februari 2019.", [("2019-02-28", None)]),
    ("Het college besloot op 31 maart 2021 anders.", [("2021-03-31", None)]),
    ("Ingekomen op 30 april 2018 bij de griffie.", [("2018-04-30", None)]),
    ("De motie is op 5 juni 2017 aangenomen.", [("2017-06-05", None)]),
    ("Op 14 juli 2016 ging het plan in werking.", [("2016-07-14", None)]),
    ("Het bezwaar dateert van 22 augustus 2015.", [("2015-08-22", None)]),
    ("Op 9 oktober 2024 besluiten de Staten.", [("2024-10-09", None)]),
    ("De brief van 11 november 2011 is beantwoord.", [("2011-11-11", None)]),
    ("Gepubliceerd op 24 december 2010 in het gemeenteblad.", [("2010-12-24", None)]),
    ("Geboren op 19 mei 1998 te Almelo.", [("1998-05-19", None)]),
    ("De wet geldt sinds 29 februari 2016 niet meer.", [("2016-02-29", "ON_OR_AFTER")]),
    ("Aanvang 17 september 2013 om 19.30 uur.", [("2013-09-17", None)]),
    ("De 1e december 2015 was een dinsdag.", [("2015-12-01", None)]),
    ("Zij tekende op 1 April 2015 het contract.", [("2015-04-01", None)]),
    ("DE VERGADERING VAN 3 MEI 2016 IS VERPLAATST.", [("2016-05-03", None)]),
    ("Het verslag van vrijdag 23 mei 2014 volgt.", [("2014-05-23", None)]),
    ("Woensdag 10 juli 2024 10.00 – 11.00 uur, provinciehuis", [("2024-07-10", None)]),
    ("De raad vergaderde op 21\nmei 2024 over de RES.", [("2024-05-21", None)]),
    ("Het besluit van 12 juni\n2018 blijft van kracht.", [("2018-06-12", None)]),
    # abbreviated months
    ("Verzonden op 7 okt. 2015 aan alle raadsleden.", [("2015-10-07", None)]),
    ("De regeling geldt per 1 febr. 2016 voor iedereen.", [("2016-02-01", None)]),
    ("Het advies van 12 sept 2013 werd gevolgd.", [("2013-09-12", None)]),
    ("Zie het memo d.d. 14 mrt. 2016 van de griffier.", [("2016-03-14", None)]),
    ("Op 1 aug. 2016 start de proef.", [("2016-08-01", None)]),
    ("De raad kwam op 3 nov 2016 bijeen.", [("2016-11-03", None)]),
    ("Het overleg op 6 dec. 2016 ging niet door.", [("2016-12-06", None)]),
    ("Het rapport verscheen 2 jan. 2017.", [("2017-01-02", None)]),
    ("De hoorzitting van 8 apr. 2016 was openbaar.", [("2016-04-08", None)]),
    ("Op 9 jun. 2016 was het druk.", [("2016-06-09", None)]),
    # numeric dates
    ("Vastgesteld op 21-3-2016 door het college.", [("2016-03-21", None)]),
    ("Ingekomen stuk 05/04/2016 betreft de verkeersveiligheid.", [("2016-04-05", None)]),
    ("Datum vergadering 16.07.2024, openbaar.", [("2024-07-16", None)]),
    ("Zie het besluit van 2016-01-12 over de subsidie.", [("2016-01-12", None)]),
    ("Versie 2 van 17-06-2014 is definitief.", [("2014-06-17", None)]),
    ("Ingangsdatum 1/7/2015 volgens de regeling.", [("2015-07-01", None)]),
    ("Het contract loopt af op 01.01.2000.", [("2000-01-01", None)]),
    ("De verwachte afdoening is 23-04-2026.", [("2026-04-23", None)]),
    # sloppy sources
    ("Het procesvoorstel van 10 oktober 2015g is bijgevoegd.", [("2015-10-10", None)]),
    ("Versie 3 van 10-12 2015 bevat de planning.", [("2015-12-10", None)]),
    ("Bijlage 3: Reactie nota 15 05 2024 (bijgevoegd)", [("2024-05-15", None)]),
    # month + year
    ("In januari 2014 is het project gestart.", [("2014-01", None)]),
    ("Februari 2014: start van de inspraak.", [("2014-02", None)]),
    ("Het rapport kwam uit in oktober 2013.", [("2013-10", None)]),
    ("Dit is de stand van augustus 2012.", [("2012-08", None)]),
    ("De planning voor december 2015, januari 2016 staat vast.", [("2015-12", None), ("2016-01", None)]),
    ("Het plan van juni\n2017 is verouderd.", [("2017-06", None)]),
    ("Besluitvorming in de eerste helft van \n2025.", [("2025-01/2025-06", None)]),  # a wrapped line
    ("Oplevering in het derde kwartaal\nvan 2025.", [("2025-07/2025-09", None)]),
    ("De aanvragen voor 2024-2025-2026 volgen.", [("2024/2026", None)]),  # the years one by one
    ("De aanvraag is ingediend (maart ’23).", [("2023-03", None)]),
    # year alone used as a time reference
    ("In 2014 is het plan uitgevoerd.", [("2014", None)]),
    ("De jaarrekening 2015 is goedgekeurd.", [("2015", None)]),
    ("Zienswijze op de begroting 2017 van de GR.", [("2017", None)]),
    ("Het rapport Jansen (2009) stelt dat het anders moet.", [("2009", None)]),
    ("Het jaarverslag 2018 ligt ter inzage.", [("2018", None)]),
    ("Instemmen met de Jaarstukken 2014 van de veiligheidsregio.", [("2014", None)]),
    ("2014: overgangsjaar voor de regio.", [("2014", None)]),
    ("Het werd in 1995 opgericht.", [("1995", None)]),
    ("De Omgevingsvisie 2009 is herzien.", [("2009", None)]),
    ("Het doel is om in 2030 klimaatneutraal te zijn.", [("2030", None)]),
    ("Tabel: 2014 2015 2016", [("2014", None), ("2015", None), ("2016", None)]),
    ("©2014 Gemeente Den Helder", [("2014", None)]),
    ("Het wordt in de tweede helft van 2023 uitgewerkt.", [("2023-07/2023-12", None)]),  # issue 15
    # seasons
    ("Het debat volgt in het voorjaar 2017.", [("2017-SP", None)]),
    ("De zomer van 2016 was droog.", [("2016-SU", None)]),
    ("Implementatie najaar 2016.", [("2016-FA", None)]),
    ("Het Najaar 2016 brengt de evaluatie.", [("2016-FA", None)]),
    ("De winter 2016 viel mee.", [("2016-WI", None)]),
    ("Het najaar van 2017 wordt spannend.", [("2017-FA", None)]),
    ("In de herfst 2015 volgt de evaluatie.", [("2015-FA", None)]),
    ("In de lente 2018 starten we.", [("2018-SP", None)]),
    ("In het voorjaar van 2019 wordt gestemd.", [("2019-SP", None)]),
    ("Wij evalueren dit najaar.", [("2016-FA", None)]),
    ("Steunt u een conferentie dit voorjaar?", [("2016-SP", None)]),
    ("Komend voorjaar volgt een besluit.", [("2016-SP", None)]),
    ("Afgelopen zomer was er veel overlast.", [("2015-SU", None)]),
    ("Het najaar 2019 en voorjaar 2020 zijn druk.", [("2019-FA", None), ("2020-SP", None)]),
    # parts of a period
    ("De werkgroep start begin april 2016.", [("2016-04", "START")]),
    ("Het rapport komt medio mei 2016.", [("2016-05", "MID")]),
    ("De conferentie is half juni 2017.", [("2017-06", "MID")]),
    ("De resultaten komen eind september 2015.", [("2015-09", "END")]),
    ("De bouw is eind 2016 klaar.", [("2016", "END")]),
    ("Begin 2017 volgt een evaluatie.", [("2017", "START")]),
    ("Medio 2018 is de verbouwing gereed.", [("2018", "MID")]),
    ("Eind december 2016 valt het besluit.", [("2016-12", "END")]),
    ("Aan het begin van dit jaar is gesproken.", [("2016", "START")]),
    # bounds
    ("Reacties kunnen uiterlijk 30 juni 2016 worden ingediend.", [("2016-06-30", "ON_OR_BEFORE")]),
    ("De regeling loopt tot en met 31 maart 2017.", [("2017-03-31", "ON_OR_BEFORE")]),
    ("Inschrijven kan t/m 15 april 2016.", [("2016-04-15", "ON_OR_BEFORE")]),
    ("Gemeenten moeten vóór 1 juli 2023 zoekgebieden aanwijzen.", [("2023-07-01", "ON_OR_BEFORE")]),
    ("Vanaf 1 januari 2017 geldt het nieuwe tarief.", [("2017-01-01", "ON_OR_AFTER")]),
    ("Sinds 2011 werken wij samen.", [("2011", "ON_OR_AFTER")]),
    ("Sinds de invoering in 2015 daalt het aantal.", [("2015", "ON_OR_AFTER")]),
    ("Vanaf maart 2024 is het plan aangepast.", [("2024-03", "ON_OR_AFTER")]),
    ("Een investeringsprogramma voor de periode 2020 en verder.", [("2020", "ON_OR_AFTER")]),
    ("De subsidie geldt voor 2019 e.v. zonder wijziging.", [("2019", "ON_OR_AFTER")]),
    ("De eerste bewoners kwamen rond 1930 naar de wijk.", [("1930", "APPROX")]),
    ("Het gebouw is circa 1995 gerenoveerd.", [("1995", "APPROX")]),
    ("De regeling gold per 1 januari 2013.", [("2013-01-01", None)]),
    # intervals and lists
    ("De Agenda 2016-2020 is vastgesteld.", [("2016/2020", None)]),
    ("In de periode 2015–2019 daalde het aantal.", [("2015/2019", None)]),
    ("Het schooljaar 2015/2016 begint later.", [("2015/2016", None)]),
    ("Het seizoen 2015/16 is afgesloten.", [("2015/2016", None)]),
    ("Van 2012 tot 2016 was hij wethouder.", [("2012/2016", None)]),
    ("De Watervisie 2013\\-2025 is vastgesteld.", [("2013/2025", None)]),
    ("Consultatie maart/april 2016.", [("2016-03/2016-04", None)]),
    ("Consultatie Maart - April 2016 bij alle colleges.", [("2016-03/2016-04", None)]),
    ("Werving september t/m december 2015.", [("2015-09/2015-12", None)]),
    ("De gesprekken zijn in maart en april 2016.", [("2016-03", None), ("2016-04", None)]),
    ("Planning: juni, juli en augustus 2015.", [("2015-06", None), ("2015-07", None), ("2015-08", None)]),
    ("Zittingen op 3 en 10 maart 2016.", [("2016-03-03", None), ("2016-03-10", None)]),
    ("Spreekuren op 1, 8 en 15 juni 2016.",
     [("2016-06-01", None), ("2016-06-08", None), ("2016-06-15", None)]),
    ("De commissie vergadert 18 en 25 september 2024.", [("2024-09-18", None), ("2024-09-25", None)]),
    ("De hoorzittingen op 14 april en 2 mei 2016.", [("2016-04-14", None), ("2016-05-02", None)]),
    ("Ter inzage van 1 juni tot en met 15 juli 2016.", [("2016-06-01/2016-07-15", None)]),
    ("Ter inzage 12 mei–30 juni 2016 op het stadhuis.", [("2016-05-12/2016-06-30", None)]),
    ("Het festival duurt 3 t/m 7 oktober 2016.", [("2016-10-03/2016-10-07", None)]),
    ("Ter inzage van 18 januari 2024 tot en met 28 februari 2024.", [("2024-01-18/2024-02-28", None)]),
    ("Planning: mei (half mei overleg, eind mei besluit), juni 2017",
     [("2017-05", None), ("2017-05", "MID"), ("2017-05", "END"), ("2017-06", None)]),
    # year-less dates anchored on the document date (2016-03-15)
    ("De vergadering van 4 maart jl. is verplaatst.", [("2016-03-04", None)]),
    ("Zoals besproken op 20 maart jl. in de raad.", [("2015-03-20", None)]),
    ("Het overleg van 12 april en 15 mei jl. verliep goed.", [("2015-04-12", None), ("2015-05-15", None)]),
    ("De raad vergadert op 20 maart a.s. over de begroting.", [("2016-03-20", None)]),
    ("Het debat is op 4 maart aanstaande.", [("2017-03-04", None)]),
    ("Op 2 februari heeft het bestuur ingestemd.", [("2016-02-02", None)]),
    ("Op maandag 7 maart is er een inloopavond.", [("2016-03-07", None)]),
    ("Het wordt in september besproken.", [("2016-09", None)]),
    ("Dat is in december jl. besloten.", [("2015-12", None)]),
    ("De projectgroep komt begin oktober bijeen.", [("2016-10", "START")]),
    ("Vorig jaar is het budget overschreden.", [("2015", None)]),
    ("Volgend jaar volgt een evaluatie.", [("2017", None)]),
    ("Dit jaar blijft het budget gelijk.", [("2016", None)]),
    ("Komend jaar wordt het plan herzien.", [("2017", None)]),
    ("Tien jaar geleden is de regeling ingesteld.", [("2006", "APPROX")]),
    ("Het budget voor mei van dit jaar is op.", [("2016-05", None)]),
    ("Op 10 maart vorig jaar is het besloten.", [("2015-03-10", None)]),
    ("Eind vorig jaar kwam het rapport.", [("2015", "END")]),
    ("Sinds vorig jaar is er een wachtlijst.", [("2015", "ON_OR_AFTER")]),
    ("Het project loopt van maart tot juni 2016.", [("2016-03/2016-06", None)]),
    ("Voor de jaren 2015 t/m 2018 is budget.", [("2015/2018", None)]),
    ("De zitting van 29-06-15 begon laat.", [("2015-06-29", None)]),
    ("De ontwerpbegroting 2016 GR Cocensus ligt voor.", [("2016", None)]),
    ("Ruim 5 jaar geleden begon het project.", [("2011", "APPROX")]),
    ("Bijna twintig jaar geleden fuseerden de gemeenten.", [("1996", "APPROX")]),
    # year-less dates anchored on a preceding explicit date
    ("Op 8 juli 2019 start de pilot. Eerder, op 10 juni, werd hij aangekondigd.",
     [("2019-07-08", None), ("2019-06-10", None)]),
    ("De projectgroep komt begin december 2014 bijeen en reageert half januari.",
     [("2014-12", "START"), ("2015-01", "MID")]),
    ("Planning 2019: de raad vergadert op 13 februari.", [("2019", None), ("2019-02-13", None)]),
]


@pytest.mark.parametrize("text,expected", POSITIVES, ids=[p[0][:40] for p in POSITIVES])
def test_dates_positive_expressions(text: str, expected: list) -> None:
    assert _found(text) == expected


# --------------------------------------------------------------------------- negatives

NEGATIVES = [
    "De projectleider werkt 6 maanden aan het plan.",
    "Gemeenten dragen vijf jaar lang 7,50 euro per inwoner bij.",
    "De werkgroep komt eens per maand bijeen.",
    "Ureninschatting: 1/2 dag/week gedurende 6 maanden.",
    "Inzet: 2 dagen/week.",
    "Postbus 1400, 7500 BK Enschede",
    "Postbus 2015, 2000 AB Haarlem",
    "Een bedrag van € 50.000,-- is beschikbaar.",
    "De bijdrage is € 2.015 per jaar.",
    "Het kost 2019 euro.",
    "Een stijging van 25% ten opzichte van vorig kwartaal.",
    "Zie artikel 12, lid 3.",
    "Zie paragraaf 1.2 van de nota.",
    "Status: 0.3",
    "Telefoon 038 499 88 99",
    "Bel 053 487 2015 voor informatie.",
    "Het kabinet Rutte 2 viel.",
    "Gebruik versie 2.1 van de software.",
    "De RES 1.0 en RES 2.0 zijn vastgesteld.",
    "Statenvoorstel nr. PS24-000439 over wind.",
    "Klimaatakkoord (kenmerk 2019/1101328)",
    "Kenmerk D2024-03-011394",
    "Zaaknummer 2024-009167",
    "Onze referentie PS/2024/123456",
    "Het ligt in een Natura 2000-gebied.",
    "Bescherming van Natura 2000 is verplicht.",
    "Op grond van art. 9c Elektriciteitswet 1998 is dat verboden.",
    "De aanvang is om 19:30 uur.",
    "Aanvang 17.00 uur.",
    "Samenwerking van 2-14 Twentse gemeenten.",
    "PAGINA 3/7",
    "Pagina 2 van 4",
    "De gemeente telt 2000 inwoners.",
    "Er komen ruim 2000 woningen bij.",
    "Bijna 1900 handtekeningen werden opgehaald.",
    "Jan de Vries is de nieuwe griffier.",
    "Het beeld van keizer Augustus staat in Rome.",
    "Bewoners van de Amsterdamseweg 407-409 werden gehoord.",
    "Paragraaf 1.2.3 Planning",
    "Nummer 2015 van de lijst.",
    "Hij woont op huisnummer 1999.",
    "Dat duurt 3,5 jaar.",
    "Drie keer per jaar overleg.",
    "Het lukt 2 x per jaar.",
    "Circa 2.000 deelnemers namen deel.",
    "De A1 en A35 zijn afgesloten.",
    "De meidoorns bloeien.",
    "Het zijn 12 maanden geweest.",
    "In week 12 is het klaar.",
    "Er is 27 jaar samengewerkt.",
    "Een opdracht geldt voor maximaal 2 jaar.",
    "Het plan is 1400 hectare groot.",
    "Er komt 2030 m2 kantoorruimte bij.",
    "Zie versie 1.2.15 van het handboek.",
    "Zie artikel 3.1.12 lid 2.",
    "Bestelnummer nr. 12-05-16 is geleverd.",
    "Het bestand 2015-08-31-19-01-19-raad.mp3 staat online.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_dates_negative_expressions(text: str) -> None:
    assert _found(text) == []


def test_dates_counts_enough_expressions() -> None:
    assert len(POSITIVES) + len(NEGATIVES) >= 150


# --------------------------------------------------------------------------- month table

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("style", ["lower", "title", "upper"])
def test_dates_every_month_name(month: int, style: str) -> None:
    name = getattr(MONTHS[month - 1], style if style != "title" else "capitalize")()
    assert _found(f"Het besluit van 9 {name} 2011 is genomen.") == [(f"2011-{month:02d}-09", None)]
    assert _found(f"Het besluit van {name} 2011 is genomen.") == [(f"2011-{month:02d}", None)]


# --------------------------------------------------------------------------- property-based

def _format(d: dt.date, style: str) -> tuple[str, str]:
    month = MONTHS[d.month - 1]
    abbr = {1: "jan.", 2: "febr.", 3: "mrt.", 4: "apr.", 5: "mei", 6: "jun.", 7: "jul.", 8: "aug.",
            9: "sept.", 10: "okt.", 11: "nov.", 12: "dec."}[d.month]
    full = d.isoformat()
    return {
        "words": (f"{d.day} {month} {d.year}", full),
        "words_cap": (f"{d.day} {month.capitalize()} {d.year}", full),
        "abbr": (f"{d.day} {abbr} {d.year}", full),
        "dash": (f"{d.day}-{d.month}-{d.year}", full),
        "dash0": (f"{d.day:02d}-{d.month:02d}-{d.year}", full),
        "slash": (f"{d.day}/{d.month}/{d.year}", full),
        "dot": (f"{d.day:02d}.{d.month:02d}.{d.year}", full),
        "iso": (full, full),
        "weekday": (f"{['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'][d.weekday()]}"
                    f" {d.day} {month} {d.year}", full),
        "month_year": (f"{month} {d.year}", full[:7]),
        "year": (f"in {d.year}", str(d.year)),
        "season": (f"{['voorjaar', 'zomer', 'najaar', 'winter'][d.month % 4]} {d.year}",
                   f"{d.year}-{SEASON_CODES[d.month % 4]}"),
        "year_range": (f"{d.year}-{d.year + 1 + d.day % 9}", f"{d.year}/{d.year + 1 + d.day % 9}"),
        "month_range": (f"{MONTHS[min(d.month, 11) - 1]}/{MONTHS[min(d.month, 11)]} {d.year}",
                        f"{d.year}-{min(d.month, 11):02d}/{d.year}-{min(d.month, 11) + 1:02d}"),
        "part": (f"half {month} {d.year}", full[:7]),
    }[style]


STYLES = ["words", "words_cap", "abbr", "dash", "dash0", "slash", "dot", "iso", "weekday", "month_year",
          "year", "season", "year_range", "month_range", "part"]


@settings(max_examples=300, deadline=None)
@given(d=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2089, 12, 31)),
       style=st.sampled_from(STYLES),
       frame=st.sampled_from(["Het besluit van {} is genomen.", "{}", "({})", "Datum: {}\n", "op {}, zo bleek"]))
def test_dates_roundtrip_every_format(d: dt.date, style: str, frame: str) -> None:
    expr, value = _format(d, style)
    found = find_dates(frame.format(expr), ANCHOR)
    assert [m.value for m in found] == [value], (expr, found)


@settings(max_examples=200, deadline=None)
@given(anchor=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2080, 12, 31)),
       target=st.dates(min_value=dt.date(1949, 1, 1), max_value=dt.date(2081, 12, 31)),
       rel=st.sampled_from(["jl.", "a.s."]))
def test_dates_relative_roundtrip(anchor: dt.date, target: dt.date, rel: str) -> None:
    text = f"De vergadering van {target.day} {MONTHS[target.month - 1]} {rel} is verplaatst."
    found = find_dates(text, anchor.isoformat())
    assert len(found) == 1
    got = dt.date.fromisoformat(found[0].value)
    assert (got.month, got.day) == (target.month, target.day)
    reach = 366 if (target.month, target.day) != (2, 29) else 366 * 8  # 29 februari: the nearest leap year
    if rel == "jl.":
        assert got <= anchor and (anchor - got).days <= reach
    else:
        assert got >= anchor and (got - anchor).days <= reach


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400), anchor=st.one_of(st.none(), st.text(max_size=12)))
def test_dates_arbitrary_unicode_never_raises(text: str, anchor: str | None) -> None:
    for m in find_dates(text, anchor):
        assert isinstance(m, DateMatch)
        assert text[m.start:m.end] == m.text
        assert VALUE_RE.match(m.value), m
        assert m.mod is None or m.mod in MODS
    document_date(text)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(
    ["10", " ", "-", "/", ".", "mei", "jl.", "2015", "2016", "en", ",", "(", ")", "begin", "half", "voorjaar",
     "dit", "jaar", "geleden", "\n", "t/m", "tot en met", "31", "februari", "Datum", ":", "a.s.", "€", "0"]),
    max_size=40).map("".join))
def test_dates_date_like_noise_never_raises(text: str) -> None:
    for m in find_dates(text):
        assert VALUE_RE.match(m.value), m


# --------------------------------------------------------------------------- data files

def test_dates_data_files_load_and_are_well_formed() -> None:
    files = sorted(DATA_DIR.glob("dates*.json"))
    assert len(files) >= 2
    for path in files:
        json.loads(path.read_text(encoding="utf-8"))
    lex = load_lexicon()
    d, neg = lex["dates"], lex["negative"]
    assert sorted(d["months"].values()) == list(range(1, 13))
    assert set(d["month_abbreviations"].values()) <= set(range(1, 13))
    assert set(d["seasons"].values()) == set(SEASON_CODES)
    assert set(d["season_start_month"]) == set(SEASON_CODES)
    for table in ("part_modifiers", "bound_prefixes", "bound_suffixes"):
        assert set(d[table].values()) <= set(MODS), table
    assert set(d["relative_suffixes"].values()) == {"past", "next"}
    assert set(d["relative_seasons"].values()) == {"this", "next", "last"}
    assert all(v is None or isinstance(v, int) for v in d["relative_years"].values())
    assert all(isinstance(v, int) and v > 0 for v in d["number_words"].values())
    lo, hi = d["year_range"]
    assert 1000 < lo < hi < 10000
    for table in (d["months"], d["month_abbreviations"], d["seasons"], d["part_modifiers"],
                  d["bound_prefixes"], d["relative_years"], neg["preceding_words"], neg["following_units"]):
        assert all(k == k.lower() and k.strip() == k and k for k in table)
    assert not set(d["months"]) & set(d["month_abbreviations"])
    re.compile(neg["postcode_pattern"])


def test_dates_lexicon_is_loaded_once() -> None:
    assert load_lexicon() is load_lexicon()


# --------------------------------------------------------------------------- document date

DOC_DATES = [
    ("Plan van aanpak\n\nDatum: 10 december 2015\nStatus: 0.3\n\nOp 4 juli 2014 is besloten.",
     ("2015-12-10", "stated")),
    ("Colofon\n\n**Datum**\n\n3 maart 2016\n\n**Auteur**\n\nJ. Jansen", ("2016-03-03", "stated")),
    ("Presentatie\n\nDatum\n11-2-2015\n\nSpreker", ("2015-02-11", "stated")),
    ("Kenmerk\n2021-0000112869\nDatum\n09MRT2021\nBetreft\nBeslissing op uw verzoek", ("2021-03-09", "stated")),  # a stamp
    ("Provincie\nPostbus 10078\nDatum\nKenmerk\nPagina\n21.05.2024\nD2024-03-011394\n", ("2024-05-21", "stated")),
    ("P E R S B E R I C H T\n\nZwolle, 12 oktober 2023\n\nDe provincie weert zonnepanelen.", ("2023-10-12", "stated")),
    ("Geachte heer,\n\nHengelo, 4 april 2016\n\nIn uw brief van 1 maart 2016 vraagt u.", ("2016-04-04", "stated")),
    ("Besluitenlijst raadsvergadering 29 juni 2015 aanvang 17.00 uur\n\n1. Opening.", ("2015-06-29", "stated")),
    ("Advies\n\nVersterking door focus\n\n4 juli 2019\n\nWerkgroep\n\nTekst over 12 april.", ("2019-07-04", "stated")),
    ("Notitie d.d. 25 september 2013 over de samenwerking.", ("2013-09-25", "stated")),
    # the day of the decision a mandate rests on is not the note's: the year it reports in the past
    ("Onderwerp: GS Mandaat beantwoording brieven\nNOTA GS-MANDAAT\nOpenbaar: Ja\nRegistratiekenmerk: 2023-063875\n"
     "Auteur: team BCL\nGS-mandaat gebaseerd op: GS-beslissing d.d.: 17 juli 2023\nHet college besluit de brieven te "
     "beantwoorden.\nOp 17 juli 2023 heeft het college besloten het beleid te publiceren.", ("2023", "inferred")),
    ("Nieuws\n\nHet bestuur heeft besloten. " + "Meer tekst hier. " * 20
     + "Op 8 juli 2021 start de nieuwe organisatie. Per 7-7-2021 is het zover. In 2019 begon het.",
     ("2021-07", "inferred")),
    ("Een lange tekst. " * 30 + "Het plan uit 2010 en de herziening in 2012 en 2012.", ("2012", "inferred")),
    ("Geen enkele datum in deze tekst, alleen 6 maanden en € 50.000.", (None, None)),
    # the label's own value with a two-digit year (":" read by OCR), not the date under "Uw kenmerk" below it
    ("Datum\n\n25:02:25\n\nKenmerk\n\nD2025-02-015694\n\nUw kenmerk\n\n08.05.2024\n\nGeachte verzoeker,",
     ("2025-02-25", "stated")),
    ("Datum: 12:45:99\nOp 3 maart 2015 besloten.", ("2015-03-03", "stated")),
    ("", (None, None)),
]


@pytest.mark.parametrize("text,expected", DOC_DATES, ids=[f"doc{i}" for i in range(len(DOC_DATES))])
def test_dates_document_date(text: str, expected: tuple) -> None:
    assert document_date(text) == expected


def test_dates_analyse_prefers_given_doc_date() -> None:
    matches, doc_date, source = analyse("Datum: 1 mei 2015. Vorig jaar ging het goed.", "2020-06-01")
    assert (doc_date, source) == ("2020-06-01", "meta")
    assert [m.value for m in matches] == ["2015-05-01", "2019"]


def test_dates_a_quarter_or_half_of_a_year_told_relative_to_the_text() -> None:
    text = ("De raad staat klaar voor de tweede helft van dit jaar. Het plan volgt in de eerste helft van volgend jaar, "
            "de evaluatie van het derde kwartaal van vorig jaar ligt er. De eerste helft van de vergadering was kort.")
    matches, _, _ = analyse(text, "2021-08-26")
    assert [(m.text, m.value) for m in matches] == [
        ("tweede helft van dit jaar", "2021-07/2021-12"), ("eerste helft van volgend jaar", "2022-01/2022-06"),
        ("derde kwartaal van vorig jaar", "2020-07/2020-09")]
    assert analyse("de tweede helft van dit jaar", None)[0] == []  # no text date to tell the year by


def test_dates_parse_iso() -> None:
    assert parse_iso("2015-02-11") == (2015, 2, 11)
    assert parse_iso("2015-03") == (2015, 3, None)
    assert parse_iso("2015") == (2015, None, None)
    assert parse_iso("gisteren") == (None, None, None)
    assert parse_iso(None) == (None, None, None)


# --------------------------------------------------------------------------- warnings

PLAN = ("Plan van aanpak\n\nDatum: 10 december 2015\n\n## Planning\n\n"
        "- projectgroep bijeen begin januari 2015;\n- klankbord eind januari 2016.\n")


def test_dates_warns_on_planned_date_before_document_date() -> None:
    found = find_dates(PLAN)
    by_text = {m.text: m for m in found}
    assert by_text["begin januari 2015"].value == "2015-01"  # kept as written
    assert by_text["begin januari 2015"].mod == "START"
    assert by_text["begin januari 2015"].warnings and "2015-01" in by_text["begin januari 2015"].warnings[0]
    assert by_text["eind januari 2016"].warnings is None


def test_dates_no_warning_for_past_events() -> None:
    text = "Datum: 10 december 2015\n\n## Aanleiding\n\nOp 4 juli 2014 heeft de raad het plan vastgesteld."
    assert all(m.warnings is None for m in find_dates(text))


def test_dates_impossible_day_after_anchoring_is_dropped_with_warning() -> None:
    found = find_dates("Op 29 februari vergadert de raad.", "2015-01-10")
    assert [m.value for m in found] == ["2015-02"]
    assert found[0].warnings


def test_dates_unanchored_yearless_date_is_flagged() -> None:
    found = find_dates("Op 10 juni vergadert de raad.", "")
    assert [m.value for m in found] == ["XXXX-06-10"]
    assert found[0].warnings


# --------------------------------------------------------------------------- spaCy component

@pytest.fixture(scope="module")
def nlp():
    return build_nlp(components=("spoor_dates",))


def test_dates_component_sets_spans_and_extensions(nlp) -> None:
    doc = new_doc(nlp, "Datum: 10 december 2015\n\nUiterlijk 1 mei 2016 besluit de raad. Vorig jaar niet.")
    spans = list(doc.spans["dates"])
    assert [s.label_ for s in spans] == ["DATE"] * 3
    assert [(s._.value, s._.mod) for s in spans] == [
        ("2015-12-10", None), ("2016-05-01", "ON_OR_BEFORE"), ("2014", None)]
    assert spans[1].text == "Uiterlijk 1 mei 2016"
    assert (doc._.doc_date, doc._.doc_date_source) == ("2015-12-10", "stated")


def test_dates_component_uses_meta_doc_date(nlp) -> None:
    doc = new_doc(nlp, "Op 10 juni heeft het bestuur ingestemd.", {"doc_id": "x", "doc_date": "2021-07-20"})
    assert [s._.value for s in doc.spans["dates"]] == ["2021-06-10"]
    assert doc._.doc_date == "2021-07-20"


def test_dates_component_infers_doc_date(nlp) -> None:
    doc = new_doc(nlp, "Een bericht zonder kop. " * 10 + "Op 8 juli 2021 start het. Op 10 juni was het besluit.")
    assert (doc._.doc_date, doc._.doc_date_source) == ("2021-07", "inferred")
    assert [s._.value for s in doc.spans["dates"]] == ["2021-07-08", "2021-06-10"]


def test_dates_component_without_any_date(nlp) -> None:
    doc = new_doc(nlp, "Geen datum hier.")
    assert list(doc.spans["dates"]) == []
    assert (doc._.doc_date, doc._.doc_date_source) == (None, None)


def test_dates_component_span_alignment_with_odd_whitespace(nlp) -> None:
    doc = new_doc(nlp, "Op\u00a08\u00a0juli\u00a02021 is het gestart, per 1 januari \n2018 klaar.")
    assert [s._.value for s in doc.spans["dates"]] == ["2021-07-08", "2018-01-01"]
    assert all(s.start_char <= s.end_char for s in doc.spans["dates"])


def test_dates_component_in_default_pipeline() -> None:
    nlp_all = build_nlp()
    assert "spoor_dates" in nlp_all.pipe_names
    doc = new_doc(nlp_all, "Op 3 november 2014 besloot de raad.")
    assert [s._.value for s in doc.spans["dates"]] == ["2014-11-03"]


def test_dates_document_date_inferred_after_the_latest_past_event():
    from pipeline.nlp.dates import document_date

    text = ("Koers voor de regio\n\nDe raad heeft op 3 maart 2016 ingestemd met de verkenning. "
            "Daarna hebben wij op 12 november 2017 voorstellen gedaan. "
            "Per 1 januari 2019 gaat de nieuwe regeling in; 2019 en 2019 worden overgangsjaren. "
            "De evaluatie volgt in januari 2020 en januari 2020 opnieuw.")
    assert document_date(text) == ("2017", "inferred")


# --------------------------------------------------------------------------- issue 15: quarters, halves, real formats

@pytest.mark.parametrize("text,expected", [
    ("Oplevering in Q2 2025.", [("2025-04/2025-06", None)]),
    ("Levering Q3-2024 en 2025-Q1.", [("2024-07/2024-09", None), ("2025-01/2025-03", None)]),
    ("Dit volgt in het tweede kwartaal 2024.", [("2024-04/2024-06", None)]),
    ("In het eerste kwartaal van 2023 informeren wij u.", [("2023-01/2023-03", None)]),
    ("Gereed eind 1e kwartaal 2022.", [("2022-01/2022-03", "END")]),
    ("Gereed begin 3e kwartaal 2025.", [("2025-07/2025-09", "START")]),
    ("Besluit uiterlijk Q4 2026.", [("2026-10/2026-12", "ON_OR_BEFORE")]),
    ("Dat gebeurt in het 2e kwartaal.", [("2016-04/2016-06", None)]),  # the anchor's year
    ("In de tweede helft van 2023.", [("2023-07/2023-12", None)]),
    ("In de eerste helft 2024.", [("2024-01/2024-06", None)]),
    ("In het tweede halfjaar komt het voorstel.", [("2016-07/2016-12", None)]),
    ("Planning H2 2024.", [("2024-07/2024-12", None)]),
    ("De evaluatie volgt in Q3.", [("2016-07/2016-09", None)]),  # the anchor's year
    ("Het besluit van 2025-11-4.", [("2025-11-04", None)]),
    ("Ingekomen 2024-3-12.", [("2024-03-12", None)]),
    ("Vergadering 12-oktober-2015.", [("2015-10-12", None)]),
    ("Datum: 7 oktober 2015", [("2015-10-07", None)]),
    ("Volgnummer: week 22, 2022", [("2022-05-30/2022-06-05", None)]),  # an ISO week, Monday to Sunday
    ("Besluiten van week 1 van 2021.", [("2021-01-04/2021-01-10", None)]),
])
def test_dates_quarters_halves_and_real_formats(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "In de eerste helft van de vergadering werd gesproken.",
    "Het vijfde kwartaal bestaat niet.",
    "Een kwartaal later.",
    "Kenmerk Q2-20251.",
    "Het model Q3 is gekozen.",
    "De Q3-rapportage volgt.",
])
def test_dates_no_period_without_a_quarter_or_year(text: str) -> None:
    assert [v for v, _ in _found(text) if "/" in v] == []


def test_dates_period_lexicon_loads() -> None:
    d = load_lexicon()["dates"]
    assert sorted(set(d["ordinals"].values())) == [1, 2, 3, 4]
    assert "kwartaal" in d["quarter_words"] and "helft" in d["half_words"]


def test_dates_year_less_month_far_from_the_last_explicit_date_takes_the_document_year() -> None:
    # "eind maart" pages after "31 mei 2010", in a letter of 1 maart 2011: the letter's year, not 2010
    filler = "Het onderzoek beschrijft de situatie in Nederland en in acht andere landen. " * 40
    text = f"Op 31 mei 2010 waren er drie kinderen geboren. {filler}Ik organiseer eind maart een expertmeeting."
    assert _found(text, "2011-03-01")[-1] == ("2011-03", "END")
    # nearby, the explicit date still anchors it
    assert _found("Op 31 mei 2010 waren er drie. Eind maart volgt een meeting.", "2011-03-01")[-1][0] == "2010-03"


def test_document_date_written_above_its_label_in_a_letterhead():
    """pdfminer reads a letterhead's columns value first: "11 december 2018" above "Datum"; a date in the
    letter's first sentence is not the letter's."""
    from pipeline.nlp.dates import document_date

    text = ("Gemeente\nAmsterdam\n\nRetouradres Postbus 2003, 1000 CA Amsterdam\n\n11 december 2018\n\nDatum\n"
            "Ons kenmerk\nBehandeld door\nOnderwerp\n\nBesluit aanvraag nadeelcompensatie\n\nGeachte heer,\n\n"
            "Op 4 februari 2018 heeft u een aanvraag ingediend.\n")
    assert document_date(text) == ("2018-12-11", "stated")
    assert document_date("Datum: 3 maart 2024\n\nOp 4 februari 2018 heeft u geschreven.\n") == ("2024-03-03", "stated")


def test_quarter_of_a_written_year_with_van():
    from pipeline.nlp.dates import scan_dates

    found = [(m.y, m.m, m.end_point) for m in scan_dates("In Q4 van 2026 volgt een voortgangsrapportage.")]
    assert found == [(2026, 10, (2026, 12, None))]  # not the fourth quarter of the document's own year


def test_dates_document_date_from_a_publications_fields_not_from_a_sentence_or_a_checklist() -> None:
    """A publication's "issued: 2016-10-11" field dates it; a date that ends a wrapped sentence ("tussen 1 september
    2022 en" / "30 januari 2023.") and "dagtekening;" in the list of what an objection must hold do not."""
    assert document_date("identifier: CVDR1\n\nmodified: 2016-10-26\n\nissued: 2016-10-11\n\nTekst.\n") == (
        "2016-10-11", "stated")
    text = ("Scheepvaartvergunning voor het overschrijden van de toegestane afmetingen van een schip.\n"
            "Besluitnummer 560746 bekend gemaakt op 23 augustus 2022 voor het varen met het schip Klazina tussen 1 september 2022 en\n"
            "30 januari 2023.\n\nHet bezwaarschrift moet de volgende inhoud hebben:\n1.\nnaam en adres indiener;\n2.\n"
            "dagtekening;\n3.\nhet nummer van de vergunning.\n")
    assert document_date(text)[0] != "2023-01-30"


def test_dates_a_full_date_just_before_anchors_a_year_less_one_rather_than_a_name_s_year():
    """"7 november 2024 / Begroting 2025 / 4.2 Besluiten AB 10 oktober": the meeting's date just above anchors
    "10 oktober" (2024), not the budget's year."""
    from pipeline.nlp.dates import find_dates

    text = "Vergaderdatum:\nOnderwerp:\n\n7 november 2024\nBegroting 2025\n4.2 Besluiten AB 10 oktober t.a.v. begroting\n"
    assert "2024-10-10" in [m.value for m in find_dates(text, "2024-11-07")]


def test_dates_a_date_placed_by_jongstleden_places_the_month_after_it():
    """"Begin 2015 ... op 16 december jongstleden vastgesteld, waarna half januari ...", in a letter of 22 January
    2016: December is 2015, so the January after it is 2016 (not the 2015 of "Begin 2015")."""
    from pipeline.nlp.dates import find_dates

    text = ("Begin 2015 stelden de raden het kader vast. Ons bestuur heeft dit op 16 december jongstleden vastgesteld, "
            "waarna half januari bespreking plaatsvond.")
    values = [m.value for m in find_dates(text, "2016-01-22")]
    assert "2015-12-16" in values and "2016-01" in values and "2015-01" not in values


def test_a_day_without_its_year_under_a_new_heading_takes_the_documents_year_not_the_section_befores():
    text = ("7 mei - Besluiten van burgemeester en wethouders\n\nDe besluiten van burgemeester en wethouders van 7 mei "
            "2024.\n\nAfvalinzameling\n\nOp 28 februari 2025 eindigt ons contract voor de inzameling.\n\n"
            "Concept mobiliteitsprogramma\n\nHet college legt het programma op 16 mei voor aan de gemeenteraad.\n")
    values = [m.value for m in analyse(text)[0]]
    assert "2024-05-16" in values and "2025-05-16" not in values
    same = "Op 28 februari 2025 eindigt ons contract. Het college legt het programma op 16 mei voor."
    assert [m.value for m in analyse(same, "2024-05-07")[0]][-1] == "2025-05-16"  # (one paragraph: that year goes on)


def test_a_day_with_its_weekday_in_a_text_without_any_year_takes_the_latest_year_that_weekday_fits():
    text = ("De gemeenteraad aanvaardde op dinsdagavond 21 juni de vorming van de nieuwe coalitie. Vanaf 1 september "
            "start zij in haar nieuwe functie.")
    values = [m.value for m in analyse(text)[0]]
    latest = max(y for y in range(2000, dt.date.today().year + 1) if dt.date(y, 6, 21).weekday() == 1)
    assert values == [f"{latest}-06-21", f"{latest}-09-01"]
    named = "Op woensdag 13 januari stemde de raad in met de begroting 2016 en de nota 2016."
    assert [m.value for m in analyse(named)[0]][0] == "2016-01-13"  # a year the text names, where the weekday fits


def test_a_file_names_date_is_read_at_the_precision_written():
    from pipeline.nlp.dates import date_in_name

    assert date_in_name("waterschap-besluiten-investeringen-2020-05-19") == "2020-05-19"
    assert date_in_name("20200519_besluitenlijst_db") == "2020-05-19"
    assert date_in_name("raadsinformatiebrief-vesting-2017-04") == "2017-04"
    assert date_in_name("nota-wonen-2015-2020") is None  # (a period, no date)
    assert date_in_name("besluit-2023-13-01") is None


def test_a_text_that_writes_no_year_is_dated_by_its_file_name(nlp):
    from tests.test_genres_college import run

    text = "Het dagelijks bestuur nam op 19 mei de volgende besluiten:\n\nHet dagelijks bestuur besloot om zeven " \
           "investeringen voor te leggen aan het algemeen bestuur.\n"
    ex = run(nlp, text, "waterschap-besluiten-investeringen-2020-05-19")
    assert (ex.document.date, ex.document.date_source) == ("2020-05-19", "filename")
    assert [e.value for e in ex.entities if e.label == "DATE"] == ["2020-05-19"]
    # a text that names a year keeps its own reading: the name does not override it
    ex = run(nlp, text.replace("19 mei", "19 mei 2021"), "waterschap-besluiten-investeringen-2020-05-19")
    assert ex.document.date != "2020-05-19"


def test_a_guessed_year_gives_way_to_the_year_a_weekday_fits(nlp):
    from tests.test_genres_college import run

    text = "Vergadering gemeenteraad 18 oktober\n\nOp donderdag 18 oktober vergadert de gemeenteraad.\n\n" \
           "Op de agenda staat de inkoop van jeugdhulp vanaf 2020; de gemeenten beslissen vanaf 2020 samen.\n\n" \
           "Het wegenbeleidsplan 2018-2027 wordt besproken.\n"
    ex = run(nlp, text, "dorp-nieuws-raad")
    assert ex.document.date == "2018"  # 18 October is a Thursday in 2018, not in 2020
    assert "2018-10-18" in [e.value for e in ex.entities if e.label == "DATE"]


def test_a_guessed_date_gives_way_to_the_day_the_file_name_carries_and_the_text_writes(nlp):
    from tests.test_genres_college import run

    text = "Ga naar de inhoud van deze pagina\n\nAgendapunten\n\n" + "".join(
        f"{k}. {k}\n\nInwoner {k} spreekt in over het park. Zijn bijdrage is bijgevoegd.\n\n" for k in range(1, 9)) + \
           "1. De voorzitter opent de vergadering. Er zijn 14 raadsleden aanwezig.\n\n" \
           "2. De voorzitter memoreert een punt uit de voorbereidende vergadering van 16 september 2021.\n\n" \
           "3. De agenda van 30 september 2021 is hiermee ongewijzigd vastgesteld.\n"
    ex = run(nlp, text, "landdorp-verslag-raadsvergadering-2021-09-30")
    assert (ex.document.date, ex.document.date_source) == ("2021-09-30", "filename")
    ex = run(nlp, text, "landdorp-verslag-raadsvergadering")  # no date in the name: the guess stays
    assert ex.document.date_source == "inferred"
    ex = run(nlp, text.replace("Agendapunten", "Verslag van 7 oktober 2021"), "landdorp-verslag-2021-09-30")
    assert ex.document.date == "2021-10-07"  # a date the text states wins over the name's


def test_a_year_guessed_from_a_plans_period_gives_way_to_the_file_names_date(nlp):
    from tests.test_genres_college import run

    text = "Raadsvergadering maart\n\nOp 29 maart vindt de maandelijkse raadsvergadering plaats. Op de agenda staat " \
           "een besluit over het regionale beleidsplan politie 2024-2027.\n"
    ex = run(nlp, text, "kerkdorp-nieuws-raadsvergadering-2023-03")
    assert (ex.document.date, ex.document.date_source) == ("2023-03", "filename")
    assert "2023-03-29" in [e.value for e in ex.entities if e.label == "DATE"]


def test_a_letters_date_is_not_the_day_of_the_readers_letter_it_cites():
    from pipeline.nlp.dates import document_date

    text = ("Ministerie van Volksgezondheid\n\nDatum:\n0 4 SEP, 2028\n\nBetreft: Besluit op uw Wob-verzoek\n\nGeachte heer,\n\n"
            "In uw brief van 9 juni 2020, ontvangen op 12 juni 2020, heeft u verzocht om informatie.\n\n"
            "In de brief van 7 juli 2020 is de beslistermijn verdaagd.")
    # the stamp's day is unreadable (a scan's text layer): no day the letter cites is taken for it
    assert document_date(text)[0] not in ("2020-06-09", "2020-06-12", "2020-07-07")


def test_a_letterheads_your_letter_field_is_not_the_letters_date():
    from pipeline.nlp.dates import document_date

    text = ("Ministerie van Volksgezondheid\n\nOns kenmerk\n2020.117\n\nUw brief\n9 juni 2020\n\n"
            "Betreft: Besluit op uw Wob-verzoek\n\nGeachte heer,\n\nIk besluit de informatie openbaar te maken.")
    assert document_date(text) != ("2020-06-09", "stated")
