"""The spoor_entities component: bodies, organisations, persons, money, laws (issue 4).

Examples are written for these tests; none is copied from the seed corpus.
"""

import pytest

from pipeline.nlp import build_nlp, new_doc


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def ents(nlp, text, **meta):
    doc = new_doc(nlp, text, meta)
    return [(s.label_, s.text, s._.canonical, s._.parent, s._.value, s._.role) for s in doc.spans["entities"]]


def canon_of(nlp, text, surface, **meta):
    return [e[2] for e in ents(nlp, text, **meta) if e[1] == surface]


@pytest.mark.parametrize("text,surface,expected", [
    ("In de AB-vergadering van de Veiligheidsregio is de begroting besproken.", "AB-vergadering", "algemeen_bestuur"),
    ("De Colleges van B&W van de deelnemende gemeenten stemmen in.", "Colleges van B&W", "college_bw"),
    ("Alle gemeenteraden en klankbordgroepen zijn gehoord.", "gemeenteraden", "gemeenteraad"),
    ("Alle gemeenteraden en klankbordgroepen zijn gehoord.", "klankbordgroepen", "klankbordgroep"),
    ("De raden van de vier gemeenten beslissen.", "raden", "gemeenteraad"),
    ("Tijdens de Regioraadsvergadering van maart is gestemd.", "Regioraadsvergadering", "regioraad"),
    ("Het raadsbesluit is gepubliceerd.", "raadsbesluit", "gemeenteraad"),
    ("De PHO's Mobiliteit en het PFO Economie adviseren.", "PFO Economie", "portefeuillehoudersoverleg"),
    ("Het dagelijks bestuur en het DB zijn hetzelfde.", "DB", "dagelijks_bestuur"),
    ("Het voorstel gaat naar PS en GS.", "PS", "provinciale_staten"),
    ("Het voorstel gaat naar PS en GS.", "GS", "gedeputeerde_staten"),
    ("De bestuurscommissie Sociaal Domein vergadert.", "bestuurscommissie Sociaal Domein", "bestuurscommissie"),
    ("Dit komt in de Statenvergadering van juni.", "Statenvergadering", "provinciale_staten"),
    ("De minister van BZK reageert.", "minister van BZK", "minister_bzk"),
])
def test_entities_body_variants(nlp, text, surface, expected):
    assert canon_of(nlp, text, surface) == [expected]


@pytest.mark.parametrize("text,surface,expected", [
    ("Het Twente Bedrijf en later het Twentebedrijf.", "Twentebedrijf", "twente_bedrijf"),
    ("De TwenteRaad vergadert.", "TwenteRaad", "twenteraad"),
    ("Het Twente Beraad vergadert.", "Twente Beraad", "twente_beraad"),
    ("Het Recreatieschap Twentte beheert parken.", "Recreatieschap Twentte", "recreatieschap_twente"),
    ("Het coördinerend bestuur neemt het over.", "coördinerend bestuur", "coordinerend_bestuur"),
])
def test_entities_spelling_and_ocr_variants(nlp, text, surface, expected):
    assert canon_of(nlp, text, surface) == [expected]


def test_entities_distinct_bodies_stay_distinct(nlp):
    found = {e[1]: e[2] for e in ents(nlp, "De Twenteraad, het Twente Beraad en de Regioraad; "
                                          "het besluitvormend 4O-orgaan en het bestuurlijk orgaan; het AB en het DB.")}
    assert len({found["Twenteraad"], found["Twente Beraad"], found["Regioraad"]}) == 3
    assert found["besluitvormend 4O-orgaan"] != found["bestuurlijk orgaan"]
    assert found["AB"] != found["DB"]


def test_entities_short_form_needs_the_full_name(nlp):
    assert canon_of(nlp, "Het besluitvormend orgaan neemt besluiten.", "besluitvormend orgaan") == []
    text = "Er komt een besluitvormend 4O-orgaan. Het besluitvormend orgaan vergadert maandelijks."
    assert canon_of(nlp, text, "besluitvormend orgaan") == ["besluitvormend_4o_orgaan"]
    text = "De Kring van gemeentesecretarissen adviseert. Namens de Kring sprak de voorzitter."
    assert canon_of(nlp, text, "Kring") == ["kring_van_secretarissen"]


def test_entities_elided_compound_is_not_a_body(nlp):
    assert canon_of(nlp, "De college- en raadsleden zijn uitgenodigd.", "college") == []


@pytest.mark.parametrize("text,meta,expected", [
    ("Het college heeft besloten de subsidie te verlenen.", {"issuer": "provincie_overijssel"}, "gedeputeerde_staten"),
    ("Het college heeft besloten de subsidie te verlenen.", {"issuer": "gemeente_almelo"}, "college_bw"),
    ("Gedeputeerde Staten melden dat Provinciale Staten instemden. Het college heeft besloten.", {}, "gedeputeerde_staten"),
    ("De gemeenteraad heeft ingestemd. Het college heeft besloten.", {}, "college_bw"),
])
def test_entities_college_by_issuer_level(nlp, text, meta, expected):
    assert canon_of(nlp, text, "college", **meta) == [expected]


def test_entities_possessives_and_named_councils(nlp):
    text = "Gedeputeerde Staten schrijven aan uw college. Ons college vraagt of de raad van Wierden instemt."
    found = ents(nlp, text)
    colleges = [e[2] for e in found if e[1] == "college"]
    assert colleges == ["college_bw", "gedeputeerde_staten"]
    raad = [e for e in found if e[1] == "raad"][0]
    assert raad[2] == "gemeenteraad" and raad[3] == "gemeente_wierden"


def test_entities_parent_organisation(nlp):
    found = ents(nlp, "Het algemeen bestuur van Regio Twente stelt de begroting vast.")
    ab = [e for e in found if e[1] == "algemeen bestuur"][0]
    assert ab[2] == "algemeen_bestuur" and ab[3] == "regio_twente"


@pytest.mark.parametrize("text,abbr,canonical", [
    ("De Organisatie voor Xenia (OVX) is opgericht. Later groeide de OVX snel.", "OVX", "organisatie_voor_xenia"),
    ("Het Regionaal Expertise Netwerk, afgekort REN, adviseert. Het REN is klein.", "REN", "regionaal_expertise_netwerk"),
    ("De Gemeentelijke gezondheidsdienst Twente (GGDT) en de GGDT werken samen.", "GGDT", "ggd_twente"),
])
def test_entities_abbreviations_defined_in_document(nlp, text, abbr, canonical):
    assert set(canon_of(nlp, text, abbr)) == {canonical}


@pytest.mark.parametrize("text,name,canonical,role", [
    ("Aanwezig: mevrouw A.B. van den Berg en anderen.", "mevrouw A.B. van den Berg", "van_den_berg_a", None),
    ("Het woord is aan de heer J. ter Horst, wethouder van Almelo, die instemt.", "de heer J. ter Horst", "ter_horst_j", "wethouder van Almelo"),
    ("Daarna spreekt wethouder Van der Linden.", "Van der Linden", "van_der_linden", "wethouder"),
    ("Kees de Jong (projectleider) notuleert.", "Kees de Jong", "de_jong_k", "projectleider"),
    ("Opgesteld door ir. M.C. op de Weegh.", "ir. M.C. op de Weegh", "op_de_weegh_m", None),
])
def test_entities_persons_with_tussenvoegsels_and_roles(nlp, text, name, canonical, role):
    persons = [e for e in ents(nlp, text) if e[0] == "PERSON"]
    assert [(e[1], e[2], e[5]) for e in persons] == [(name, canonical, role)]


@pytest.mark.parametrize("text", [
    "A. Sociaal domein\nB. Mobiliteit",
    "Regio Twente en Kennispunt Twente werken samen.",
    "Bij de GGD. Vanwege de drukte.",
])
def test_entities_no_persons_from_capitals(nlp, text):
    assert [e for e in ents(nlp, text) if e[0] == "PERSON"] == []


def test_entities_office_before_name_is_both_the_body_and_the_persons_role(nlp):
    # issue 15: "wethouder De Vries" is a mention of the body wethouder and of the person De Vries
    found = ents(nlp, "Wethouder Visser beantwoordt de vragen.")
    assert [(e[0], e[1], e[2]) for e in found] == [("ORGAN", "Wethouder", "wethouder"), ("PERSON", "Visser", "visser")]
    assert found[1][5] == "wethouder"


@pytest.mark.parametrize("text,value", [
    ("Er is € 75.000,-- beschikbaar.", "75000"),
    ("Het kost € 1,2 mln per jaar.", "1200000"),
    ("Een bijdrage van 2,5 miljoen euro.", "2500000"),
    ("Zij betalen € 12,50 per inwoner.", "12.5"),
    ("De regiodeal bedraagt EUR 40 miljoen.", "40000000"),
    ("Een bedrag van €3.250,00 is gereserveerd.", "3250"),
])
def test_entities_money_values(nlp, text, value):
    money = [e for e in ents(nlp, text) if e[0] == "MONEY"]
    assert [e[4] for e in money] == [value]


@pytest.mark.parametrize("text,surface,canonical", [
    ("Op grond van de Wgr-plus-status", "Wgr-plus-status", "wgr_plus"),
    ("Het WGR+ regime", "WGR+", "wgr_plus"),
    ("de Wet gemeenschappelijke regelingen", "Wet gemeenschappelijke regelingen", "wgr"),
    ("In de Wmo en de Jeugdwet", "Wmo", "wmo"),
    ("De Woo vervangt de Wob.", "Wob", "wob"),
    ("volgens de Huisvestingsverordeningswet", "Huisvestingsverordeningswet", "huisvestingsverordeningswet"),
])
def test_entities_laws(nlp, text, surface, canonical):
    assert canon_of(nlp, text, surface) == [canonical]


def test_entities_law_article_value(nlp):
    law = [e for e in ents(nlp, "Zie artikel 31a van de Wgr.") if e[0] == "LAW"][0]
    assert law[4] == "artikel 31a"


def test_entities_places_and_municipal_organisations(nlp):
    found = {(e[0], e[1]): e[2] for e in ents(nlp, "De gemeente Hof van Twente ligt in Twente, provincie Overijssel.")}
    assert found[("ORG", "gemeente Hof van Twente")] == "gemeente_hof_van_twente"
    assert found[("LOC", "Twente")] == "twente"
    assert found[("ORG", "provincie Overijssel")] == "provincie_overijssel"


def test_entities_ambiguous_municipality_needs_context(nlp):
    assert [e for e in ents(nlp, "Best practices uit Goes niet.") if e[0] == "LOC"] == []
    assert canon_of(nlp, "De gemeente Best doet mee.", "gemeente Best") == ["gemeente_best"]


def test_entities_generic_organisation_resolves_to_region(nlp):
    text = "In Twente werken de gemeenten van Regio Twente samen. De GGD voert de taken uit."
    assert canon_of(nlp, text, "GGD") == ["ggd_twente"]


def test_entities_labels_and_never_date(nlp):
    doc = new_doc(nlp, "Op 3 maart 2020 besloot de gemeenteraad van Enschede € 5.000 te geven.", {})
    labels = {s.label_ for s in doc.spans["entities"]}
    assert labels <= {"ORGAN", "ORG", "PERSON", "LOC", "MONEY", "LAW"}
    assert all(s._.canonical for s in doc.spans["entities"])


@pytest.mark.parametrize("text", ["", "\x00\ufffd\u202e(((", "é" * 50, "AB-" * 20, "(A) (B) (CD) ()", "€ €€ 1,,2 mln", "mw. . . A."])
def test_entities_never_raises_on_odd_text(nlp, text):
    new_doc(nlp, text, {})


# -- issue 15: bodies in every spelling ---------------------------------------------------------------

@pytest.mark.parametrize("text,surface,canonical", [
    ("De commissie Ruimte vergadert dinsdag.", "commissie Ruimte", "raadscommissie"),
    ("De Commissie ruimte vergadert dinsdag.", "Commissie ruimte", "raadscommissie"),
    ("Het stuk gaat naar de Cie Ruimte.", "Cie Ruimte", "raadscommissie"),
    ("Het stuk gaat naar de cie. Samenleving.", "cie. Samenleving", "raadscommissie"),
    ("In de raadscommissie Bestuur en Middelen is gesproken.", "raadscommissie Bestuur en Middelen", "raadscommissie"),
    ("In de commissie Bestuur, Middelen en Economie (BME) is gesproken.",
     "commissie Bestuur, Middelen en Economie (BME)", "raadscommissie"),
    ("Het verslag van de commissie onderzoek geloofsbrieven ligt ter inzage.", "commissie onderzoek geloofsbrieven",
     "commissie_onderzoek_geloofsbrieven"),
    ("De commissie voor de rechtsbescherming adviseert.", "commissie voor de rechtsbescherming", "commissie_rechtsbescherming"),
    ("De bezwaarschriftencommissie hoort de indiener.", "bezwaarschriftencommissie", "commissie_rechtsbescherming"),
    ("Benoeming van leden in de auditcommissie.", "auditcommissie", "auditcommissie"),
    ("Benoeming van een lid van de vertrouwenscommissie.", "vertrouwenscommissie", "vertrouwenscommissie"),
    ("Het advies van de welstandscommissie volgt.", "welstandscommissie", "welstandscommissie"),
    ("Benoeming van leden van de Noordkopraad.", "Noordkopraad", "noordkopraad"),
    ("Stukken voor de griffie.", "griffie", "griffie"),
    ("De griffier zendt de stukken.", "griffier", "griffier"),
    ("De voorzitter van de gemeenteraad opent.", "voorzitter van de gemeenteraad", "voorzitter_gemeenteraad"),
    ("Verslag van de Beeldvormende vergadering van 9 april.", "Beeldvormende vergadering", "beeldvormende_vergadering"),
    ("In de oordeelvormende vergadering is gesproken.", "oordeelvormende vergadering", "oordeelvormende_vergadering"),
    ("Verslag BO ATT van 15 november.", "BO ATT", "bestuurlijk_overleg"),
    ("Het verzoek uit vorig BO van de wethouders.", "BO", "bestuurlijk_overleg"),
    ("Het college van dijkgraaf en hoogheemraden besluit.", "college van dijkgraaf en hoogheemraden", "college_dijkgraaf_heemraden"),
    ("De verenigde vergadering stelt de begroting vast.", "verenigde vergadering", "verenigde_vergadering"),
    ("Gedeputeerde Staten van Gelderland besluiten.", "Gedeputeerde Staten", "gedeputeerde_staten"),
    ("De commissaris van de Koning opent.", "commissaris van de Koning", "commissaris_van_de_koning"),
    ("De ministerraad heeft ingestemd.", "ministerraad", "ministerraad"),
    ("De Raad van State adviseert.", "Raad van State", "raad_van_state"),
    ("Het Adviescollege Toetsing Regeldruk adviseert.", "Adviescollege Toetsing Regeldruk", "adviescollege"),
    ("De Ministeriële Commissie Taakstelling Rijksdienst besluit.", "Ministeriële Commissie Taakstelling Rijksdienst",
     "ministeriele_commissie"),
    ("De Kamer,\n\ngehoord de beraadslaging, verzoekt de regering", "Kamer", "tweede_kamer"),
    ("Burgemeester en wethouder kunnen voorschriften verbinden.", "Burgemeester en wethouder", "college_bw"),
])
def test_entities_bodies_in_every_spelling(nlp, text, surface, canonical):
    found = [(e[1], e[2]) for e in ents(nlp, text) if e[0] == "ORGAN"]
    assert (surface, canonical) in found, found


@pytest.mark.parametrize("text,surface", [
    ("Het plandeel Kamer 2B wordt uitgewerkt.", "Kamer"),
    ("De Kamer van Koophandel registreert.", "Kamer"),
    ("Dat gebeurt pas na bestuurlijk overleg met de gemeenten.", "bestuurlijk overleg"),
    ("Mail naar griffie@gemeente.nl voor vragen.", "griffie"),
    ("Volgens de Leidraad gaat dat zo.", "Leidraad"),
    ("De voorzitter opent de vergadering.", "voorzitter"),
    ("Huisvesting van scholen voor BO en VO.", "BO"),
])
def test_entities_not_bodies(nlp, text, surface):
    assert surface not in [e[1] for e in ents(nlp, text) if e[0] == "ORGAN"]


def test_entities_wethouder_with_portfolio_is_no_person(nlp):
    found = ents(nlp, "Hoogachtend, wethouder Financiën, Bereikbaarheid en Organisatie.")
    assert ("ORGAN", "wethouder") in [(e[0], e[1]) for e in found]
    assert [e for e in found if e[0] == "PERSON"] == []


def test_entities_signature_chair_next_to_the_griffier(nlp):
    found = ents(nlp, "Aldus besloten door de raad.\n\nde griffier, de voorzitter,\n\nJ. Jansen")
    assert ("voorzitter", "voorzitter_gemeenteraad") in [(e[1], e[2]) for e in found if e[0] == "ORGAN"]


def test_entities_body_gets_the_government_the_text_names(nlp):
    found = ents(nlp, "De gemeenteraad van Den Helder besluit.")
    assert ("gemeenteraad", "gemeenteraad", "gemeente_den_helder") in [(e[1], e[2], e[3]) for e in found]


@pytest.mark.parametrize("text,surface,parent", [
    ("De Gemeenteraad Heerlen stemt in.", "Gemeenteraad", "gemeente_heerlen"),
    ("Aanwezig: wethouder Almelo en de dijkgraaf.", "wethouder", "gemeente_almelo"),
    ("Gedeputeerde Staten van Overijssel besluiten.", "Gedeputeerde Staten", "provincie_overijssel"),
])
def test_entities_body_parent_from_the_place_after_it(nlp, text, surface, parent):
    assert (surface, parent) in [(e[1], e[3]) for e in ents(nlp, text) if e[0] == "ORGAN"]


def test_entities_fuzzy_match_does_not_swallow_the_persons_name(nlp):
    found = ents(nlp, "Zij spraken met Gedeputeerde De Bree over de plannen.")
    assert [(e[0], e[1]) for e in found] == [("ORGAN", "Gedeputeerde"), ("PERSON", "De Bree")]


def test_entities_committee_meetings_named_councils_and_court_clerks(nlp):
    text = ("Gemeente Wassenaar\nVragen uit de raad en commissie. College bespreekt de aanstaande commissievergaderingen "
            "en de commissieronde. De reactiebrief aan de Adviesraad Sociaal Domein gaat vandaag uit. De commissie "
            "adviseert.\nStadsdeel Centrum Is bereikbaar met de tram. Het griffierecht wordt geheven door de griffier "
            "van de rechtbank.")
    found = [(e[1], e[2]) for e in ents(nlp, text) if e[0] == "ORGAN"]
    assert ("commissie", "raadscommissie") in found  # "raad en commissie": the council's committee
    assert ("commissievergaderingen", "raadscommissie") in found and ("commissieronde", "raadscommissie") in found
    assert ("Adviesraad Sociaal Domein", "adviesraad") in found  # the body with its name
    assert ("Stadsdeel Centrum", "stadsdeel") in found  # "Is" is no part of the name
    assert [s for s, _ in found].count("commissie") == 1  # "De commissie adviseert": which one is unknown
    assert "griffier" not in [s for s, _ in found]  # the court's clerk


def test_entities_province_letters_need_a_province(nlp):
    municipal = "Gemeente Amsterdam\nPS\nBesluit weigering woningvorming. Het college van burgemeester en wethouders besluit."
    assert "provinciale_staten" not in [e[2] for e in ents(nlp, municipal)]
    about_province = "Gemeente Hengelo\nGS van Overijssel hebben ingestemd met het plan van het college."
    assert "gedeputeerde_staten" in [e[2] for e in ents(nlp, about_province)]
    alone = "GS hebben besloten. PS worden geïnformeerd."
    assert {"gedeputeerde_staten", "provinciale_staten"} <= {e[2] for e in ents(nlp, alone)}


def test_entities_named_consultations_and_capitalised_overleg_compounds(nlp):
    """"een Bestuurlijk Overleg Transitie Sociaal Domein" (written with capitals) takes its name, "het
    Fractievoorzittersoverleg" is a body, "het Werkoverleg" of a department is not."""
    found = {(e[1], e[0]) for e in ents(nlp, "In 2012 startten de gemeenten een Bestuurlijk Overleg Transitie "
                                                   "Sociaal Domein. Het voorstel gaat naar het Fractievoorzittersoverleg. "
                                                   "Dit bespreekt het Werkoverleg van de afdeling.")}
    assert ("Bestuurlijk Overleg Transitie Sociaal Domein", "ORGAN") in found
    assert ("Fractievoorzittersoverleg", "ORGAN") in found
    assert not any(t == "Werkoverleg" and lab == "ORGAN" for t, lab in found)


def test_a_body_named_after_a_plan_does_not_make_the_plan_a_body(nlp):
    """"stuurgroep IHP" is a body; "het IHP (Integraal Huisvestingsplan)" stays the plan, an organisation-like name."""
    from pipeline.nlp import new_doc

    doc = nlp(new_doc(nlp, "Het IHP (Integraal Huisvestingsplan) kan dit oplossen. Wethouder Van de Beld neemt deel "
                           "aan de stuurgroep IHP. Het IHP komt later.", {"doc_id": "x"}))
    organs = {s.text for s in doc.spans["entities"] if s.label_ == "ORGAN"}
    assert "stuurgroep IHP" in organs and "IHP" not in organs and "Integraal Huisvestingsplan" not in organs


def test_a_term_a_quoted_statute_defines_is_no_body(nlp):
    # Woo decisions quote the law's definitions: "d. niet-ambtelijke adviescommissie: een van overheidswege ingestelde
    # instantie ..."; the document names no such committee, unlike "De adviescommissie heeft ... advies uitgebracht"
    from pipeline.extract import analyse
    from pipeline.models import CleanText

    text = ("Bijlage: artikel 1 Wet openbaarheid van bestuur\n\n"
            "d. niet-ambtelijke adviescommissie: een van overheidswege ingestelde instantie, met als taak het adviseren.\n\n"
            "e. ambtelijke of gemengd samengestelde adviescommissie: een instantie met als taak het adviseren.\n\n")
    x = analyse("woo-besluit-bijlage", CleanText(text=text), nlp)
    assert not [e.text for e in x.entities if e.label == "ORGAN"]
    x = analyse("woo-besluit-bijlage", CleanText(text=text + "De adviescommissie heeft op 3 maart 2020 advies uitgebracht.\n"), nlp)
    assert [e.text for e in x.entities if e.label == "ORGAN"] == ["adviescommissie"]


def test_a_kind_of_body_said_with_een_is_no_body(nlp):
    # "een onafhankelijke adviescommissie", "elke commissie": no body in particular (Woo decisions quote the law's
    # "adviezen van een ambtelijke of gemengd samengestelde adviescommissie"); "de adviescommissie", "een besluit van
    # de raad" and a capitalised name after "een" are bodies the document names
    found = [(e[1], e[0]) for e in ents(nlp, "Adviezen van een ambtelijke of gemengd samengestelde adviescommissie "
                                              "worden openbaar. Elke commissie stelt dit vast. Het college vraagt een "
                                              "onafhankelijke adviescommissie om raad.")]
    assert not [t for t, lab in found if lab == "ORGAN" and "commissie" in t], found
    found = [(e[1], e[0]) for e in ents(nlp, "De adviescommissie heeft geadviseerd. Dit is een besluit van de raad. Geen "
                                              "regioraad meer nodig. "
                                              "De gemeenten vormden een Bestuurlijk Overleg Sociaal Domein.")]
    organs = [t for t, lab in found if lab == "ORGAN"]
    assert "adviescommissie" in organs and "raad" in organs and "Bestuurlijk Overleg Sociaal Domein" in organs, found
    assert "regioraad" in organs, found  # (the one body the document is about, abolished)
    # one person's office is the office all the same: "de raad benoemt een wethouder"
    assert "wethouder" in [e[1] for e in ents(nlp, "De raad benoemt vanavond een wethouder.") if e[0] == "ORGAN"]


def test_the_bodies_of_a_quoted_law_appendix_are_the_laws(nlp):
    # a Woo decision appends the articles it applies ("Bijlage 1 – Relevante artikelen uit de Wob"): "de leden van de
    # adviescommissie" there is the law's, not a body of the document; the inventory after it is the document's again
    from pipeline.extract import analyse
    from pipeline.models import CleanText

    letter = "Amsterdam, 8 oktober 2020\n\nWij hebben besloten uw verzoek gedeeltelijk toe te wijzen.\n\n"
    law = ("Bijlage 1 – Relevante artikelen uit de Wob\n\nArtikel 11\n\n3. Het voornemen wordt aan de leden van de "
           "adviescommissie voor de aanvang van hun werkzaamheden kenbaar gemaakt.\n\n")
    inventory = "Bijlage 2 Inventarislijst\n\n1. Verslag van de adviescommissie, 3 maart 2020\n"
    x = analyse("woo-besluit", CleanText(text=letter + law), nlp)
    assert "adviescommissie" not in [e.text for e in x.entities if e.label == "ORGAN"]
    x = analyse("woo-besluit", CleanText(text=letter + law + inventory), nlp)
    assert [e.text for e in x.entities if e.label == "ORGAN" and e.text == "adviescommissie"] == ["adviescommissie"]


def test_a_kamer_lists_committee_labels_are_no_bodies_and_a_standing_committee_keeps_vaste(nlp):
    # a Tweede Kamer committee's procedure list (session 24, blind round r50): "Voortouwcommissie:" and
    # "Volgcommissie(s):" label which committee leads or follows an item; the committee is the one named
    from pipeline.extract import analyse
    from pipeline.models import CleanText

    text = ("Den Haag, 3 april 2009\n\nVoortouwcommissie:\n\nvaste commissie voor Binnenlandse Zaken en "
            "Koninkrijksrelaties\n\nVolgcommissie(s):\n\nBuZa\nEZ\n\nBesluitenlijst van de procedurevergadering van "
            "donderdag 2 april 2009\n\n1. Agendapunt: Besluitenlijst van de vergadering van 19 maart 2009\n"
            "Besluit: besluitenlijst vastgesteld\n")
    x = analyse("tweede-kamer-commissie-bzk-besluitenlijst-2009-04-02", CleanText(text=text), nlp)
    organs = [e.text for e in x.entities if e.label == "ORGAN"]
    assert "vaste commissie voor Binnenlandse Zaken en Koninkrijksrelaties" in organs, organs
    assert not any("commissie" in o.lower() and ("volg" in o.lower() or "voortouw" in o.lower()) for o in organs), organs
    assert [(d.actor_text, d.date) for d in x.decisions if d.status == "adopted"] == [
        ("vaste commissie voor Binnenlandse Zaken en Koninkrijksrelaties", "2009-04-02")]


@pytest.mark.parametrize("text, surface, canonical", [
    ("Brief van de minister van Justitie over griffierecht.", "minister van Justitie", "minister_jenv"),
    ("Brief regering - staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties, Bijleveld - 12 maart 2009.",
     "staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties", "staatssecretaris"),
    ("De commissie besluit de Staatssecretaris VW te verzoeken om een brief.", "Staatssecretaris VW", "staatssecretaris"),
    ("Brieven van de minister van AZ over de kabinetsformatie.", "minister van AZ", "minister_az"),
    ("De minister voor Bestuurlijke Vernieuwing en Koninkrijksrelaties besluit.",
     "minister voor Bestuurlijke Vernieuwing en Koninkrijksrelaties", "minister"),
])
def test_entities_a_ministers_portfolio_is_part_of_the_office(nlp, text, surface, canonical):
    assert canon_of(nlp, text, surface) == [canonical]


@pytest.mark.parametrize("text, surface", [
    ("Minister Hugo de Jonge zegt toe dat de regeling blijft.", "Minister"),
    ("De minister Van der Laan komt naar Almere.", "minister"),
])
def test_entities_a_name_after_minister_is_no_portfolio(nlp, text, surface):
    assert [e[1] for e in ents(nlp, text) if e[0] == "ORGAN"] == [surface]


def test_entities_a_minister_of_another_portfolio_is_not_the_one_minister_named(nlp):
    text = "De minister van BZK stuurt een brief. De minister van Landbouw en Visserij antwoordt."
    assert canon_of(nlp, text, "minister van Landbouw en Visserij") == ["minister"]
