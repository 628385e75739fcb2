"""Subjects and their relations (issue 6), on small hand-made texts, then on the sample corpus."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.cli import app
from pipeline.models import Decision, Entity
from pipeline.link.evolution import UnknownSubject, find
from pipeline.link.records import RELATION_TYPES, DocText, load_rules
from pipeline.link.subjects import derive


def _doc(doc_id: str, date: str, text: str) -> DocText:
    return DocText(doc_id=doc_id, date=date, text=text)


def _ents(doc_id: str, text: str, names: dict[str, tuple[str, str]]) -> list[Entity]:
    """Every occurrence of each name as an entity (label, canonical)."""
    out = []
    for name, (label, canonical) in names.items():
        for m in re.finditer(re.escape(name), text):
            out.append(Entity(doc_id=doc_id, label=label, text=name, start=m.start(), end=m.end(), page=1,
                              canonical=canonical))
    return out


def _dec(doc_id: str, text: str, part: str, status: str, date: str | None = None) -> Decision:
    start = text.index(part)
    return Decision(doc_id=doc_id, status=status, date=date, text=part, object=part, start=start,
                    end=start + len(part), page=1)


def _rels(relations, type_):
    return {(r.source, r.target) for r in relations if r.type == type_}


def test_subjects_rules_file_loads_and_names_known_relation_types():
    rules = load_rules()
    assert rules["cues"], "no cue words"
    for cue in rules["cues"]:
        assert cue["type"] in RELATION_TYPES
        assert cue["re"].pattern
    assert rules["placement"]["cues_re"] and rules["instance"]["heads"]


def test_subjects_replaced_by_from_ipv_and_vervangt():
    text = "Voorstel: een ‘Stadsberaad’ ipv de formele ‘Stadsraad’.\nHet Kustberaad vervangt het Kustcollege."
    ents = _ents("b", text, {"Stadsberaad": ("ORGAN", "stadsberaad"), "Stadsraad": ("ORGAN", "stadsraad"),
                             "Kustberaad": ("ORGAN", "kustberaad"), "Kustcollege": ("ORGAN", "kustcollege")})
    subjects, relations = derive([_doc("b", "2016-03-01", text)], ents, [])
    assert _rels(relations, "replaced_by") == {("stadsraad", "stadsberaad"), ("kustcollege", "kustberaad")}
    rel = next(r for r in relations if r.source == "stadsraad")
    assert rel.evidence.doc_id == "b" and rel.evidence.page == 1 and "ipv" in rel.evidence.text


def test_subjects_ended_from_opgeheven_and_geen_meer():
    text = ("Het Havenschap wordt opgeheven per 1 januari 2020.\n- Geen wijkraad meer nodig\n"
            "Het Marktschap blijft bestaan.")
    ents = _ents("c", text, {"Havenschap": ("ORG", "havenschap"), "wijkraad": ("ORGAN", "wijkraad"),
                             "Marktschap": ("ORG", "marktschap")})
    _, relations = derive([_doc("c", "2019", text)], ents, [])
    assert {r.source for r in relations if r.type == "ended"} == {"havenschap", "wijkraad"}


def test_subjects_hedged_ending_is_marked_possible():
    text = "Indien de Wet Zuid wordt afgeschaft, vervallen de taken."
    ents = _ents("c", text, {"Wet Zuid": ("LAW", "wet_zuid")})
    _, relations = derive([_doc("c", "2019", text)], ents, [])
    assert [(r.source, r.status) for r in relations if r.type == "ended"] == [("wet_zuid", "possible")]


def test_subjects_dissolved_into_the_listed_parts_and_a_new_regulation():
    text = ("Dit betekent dat de organisatie Regio Zuid per 1-1-2020 wordt ontvlochten in twee delen:\n\n"
            "1. Zuid Board\nDit is de economische samenwerking.\n"
            "2. Een gemeenschappelijke regeling met focus op het gebied van veiligheid: Brandweer Zuid en Politie Zuid.\n\n"
            "Zo gaat dat.")
    ents = _ents("d", text, {"Regio Zuid": ("ORG", "regio_zuid"), "Zuid Board": ("ORG", "zuid_board"),
                             "gemeenschappelijke regeling": ("ORG", "gemeenschappelijke_regeling"),
                             "Brandweer Zuid": ("ORG", "brandweer_zuid"), "Politie Zuid": ("ORG", "politie_zuid")})
    subjects, relations = derive([_doc("d", "2020-01", text)], ents, [])
    parts = {t for s, t in _rels(relations, "dissolved_into") if s == "regio_zuid"}
    assert "zuid_board" in parts
    new = [t for t in parts if t.startswith("gemeenschappelijke_regeling_")]
    assert new == ["gemeenschappelijke_regeling_veiligheid"]
    assert "brandweer_zuid" not in parts  # a member of the new regulation, not a part of its own


def test_subjects_a_2018_proposal_realised_in_2020():
    plan = "Advies\n1. Het havenoverleg te laten ondersteunen door een regionale havenorganisatie.\n"
    news = "Nieuws\nOp 1 maart 2020 is een havenorganisatie Haven Noord Development gestart voor de regio.\n"
    ents = _ents("n", news, {"Haven Noord Development": ("ORG", "haven_noord_development")})
    decs = [_dec("p", plan, "Het havenoverleg te laten ondersteunen door een regionale havenorganisatie.", "proposed"),
            _dec("n", news, "Op 1 maart 2020 is een havenorganisatie Haven Noord Development gestart voor de regio.",
                 "realized", "2020-03-01")]
    subjects, relations = derive([_doc("p", "2018-05-01", plan), _doc("n", "2020-03", news)], ents, decs)
    assert _rels(relations, "realized_as") == {("regionale_havenorganisatie", "haven_noord_development")}
    rel = next(r for r in relations if r.type == "realized_as")
    assert rel.via.doc_id == "p" and rel.evidence.doc_id == "n"


def test_subjects_no_realised_as_without_a_later_outcome():
    plan = "Advies\n1. Het havenoverleg te laten ondersteunen door een regionale havenorganisatie.\n"
    decs = [_dec("p", plan, "Het havenoverleg te laten ondersteunen door een regionale havenorganisatie.", "proposed")]
    _, relations = derive([_doc("p", "2018-05-01", plan)], [], decs)
    assert not _rels(relations, "realized_as")


def test_subjects_diverged_when_the_outcome_places_an_item_elsewhere():
    plan = ("Besluit\n1. De samenwerking van Regio Zuid te focussen op de volgende onderdelen:\n1. Toerisme\n2. Havens\n"
            "2. De overige onderdelen door de deelnemende gemeenten zelf te laten organiseren: Cultuur.\n")
    news = ("Nieuws\n\nAlle overige samenwerkingen die bij Regio Zuid waren ondergebracht, zijn heroverwogen. "
            "Ze zijn bij gemeentelijke organisaties ondergebracht. Voorbeelden zijn Toerisme en Cultuur.\n")
    ents = _ents("p", plan, {"Regio Zuid": ("ORG", "regio_zuid")}) + _ents("n", news, {"Regio Zuid": ("ORG", "regio_zuid")})
    decs = [_dec("p", plan, "De samenwerking van Regio Zuid te focussen op de volgende onderdelen:", "proposed"),
            _dec("p", plan, "De overige onderdelen door de deelnemende gemeenten zelf te laten organiseren: Cultuur.",
                 "proposed")]
    _, relations = derive([_doc("p", "2018", plan), _doc("n", "2020", news)], ents, decs)
    assert _rels(relations, "diverged") == {("toerisme", "gemeentelijke_organisaties")}
    assert ("cultuur", "gemeentelijke_organisaties") in _rels(relations, "moved_to")  # went where proposed
    rel = next(r for r in relations if r.type == "diverged")
    assert "Regio Zuid" in rel.note and rel.via.doc_id == "p"


def test_subjects_same_as_joins_spacing_variants_and_acronyms_across_documents():
    one = "Het Zuid Bedrijf werkt samen met het Haven Noord Overleg."
    two = "Het Zuidbedrijf en het HNO zijn klaar."
    ents = (_ents("a", one, {"Zuid Bedrijf": ("ORG", "zuid_bedrijf"), "Haven Noord Overleg": ("ORG", "haven_noord_overleg")})
            + _ents("b", two, {"Zuidbedrijf": ("ORG", "zuidbedrijf"), "HNO": ("ORG", "hno")}))
    subjects, relations = derive([_doc("a", "2014", one), _doc("b", "2015", two)], ents, [])
    by_id = {s.id: s for s in subjects}
    assert "Zuidbedrijf" in by_id["zuid_bedrijf"].aliases and "zuidbedrijf" not in by_id
    assert "HNO" in by_id["haven_noord_overleg"].aliases
    same = {(r.source, r.target) for r in relations if r.type == "same_as"}
    assert {("zuid_bedrijf", "Zuidbedrijf"), ("haven_noord_overleg", "HNO")} <= same
    assert by_id["zuid_bedrijf"].first_seen == "2014" and by_id["zuid_bedrijf"].last_seen == "2015"


def test_subjects_two_knowledge_base_bodies_are_never_merged():
    text = "De Twenteraad en het Twente Beraad."
    ents = _ents("a", text, {"Twenteraad": ("ORGAN", "twenteraad"), "Twente Beraad": ("ORGAN", "twente_beraad")})
    subjects, _ = derive([_doc("a", "2015", text)], ents, [])
    assert {"twenteraad", "twente_beraad"} <= {s.id for s in subjects}


def test_subjects_finds_untagged_programmes_and_quoted_names():
    text = ("De kustopdracht is gestart. Met de kustopdracht komt er rust.\nDe kustopdracht is klaar.\n"
            "Het ‘Kustfonds Noord’ helpt. Het Kustfonds Noord betaalt. Over het Kustfonds Noord later meer.")
    subjects, _ = derive([_doc("a", "2021", text)], [], [])
    by_id = {s.id: s for s in subjects}
    assert by_id["kustopdracht"].label == "PROGRAMME" and by_id["kustopdracht"].mentions == 3
    assert by_id["kustfonds_noord"].mentions == 3


def test_subjects_find_is_case_insensitive_alias_aware_and_typo_tolerant():
    text = "Het Zuid Bedrijf (ZB) en de Stadsraad."
    ents = _ents("a", text, {"Zuid Bedrijf": ("ORG", "zuid_bedrijf"), "ZB": ("ORG", "zuid_bedrijf"),
                             "Stadsraad": ("ORGAN", "stadsraad")})
    subjects, _ = derive([_doc("a", "2015", text)], ents, [])
    assert find(subjects, "zb").id == "zuid_bedrijf"
    assert find(subjects, "ZUID BEDRIJF").id == "zuid_bedrijf"
    assert find(subjects, "Stadsraadd").id == "stadsraad"
    with pytest.raises(UnknownSubject) as exc:
        find(subjects, "Stadsbank")
    assert "Stadsraad" in exc.value.close


# ---------------------------------------------------------------- the sample corpus, through the CLI
def test_cli_subjects_json_contract(runner, built_index):
    result = runner.invoke(app, ["subjects", "--index", str(built_index), "--json"])
    assert result.exit_code == 0, result.output
    subjects = json.loads(result.stdout)
    for s in subjects:
        assert {"id", "name", "label", "aliases", "documents", "first_seen", "last_seen", "relations"} <= s.keys()
        for r in s["relations"]:
            assert {"type", "target", "evidence"} <= r.keys()
            assert {"doc_id", "page", "text"} <= r["evidence"].keys()


def _links(built_index):
    from pipeline.link.evolution import load

    subjects = load(built_index)
    rels = {(r.type, r.source, r.target) for s in subjects for r in s.relations}
    aliases = {s.id: {a.casefold() for a in [s.name, *s.aliases]} for s in subjects}
    return rels, aliases


def test_subjects_sample_corpus_cross_document_links(built_index):
    rels, aliases = _links(built_index)
    assert {"vtt", "veilig thuis twente"} <= aliases["veilig_thuis_twente"]
    assert {"twente bedrijf", "twentebedrijf"} <= aliases["twente_bedrijf"]
    assert {"ssnt", "shared services netwerk twente"} <= aliases["ssnt"]
    assert {"wgr-plus", "wgr+"} <= aliases["wgr_plus"]
    assert ("replaced_by", "twenteraad", "twente_beraad") in rels
    assert ("ended", "regioraad", "regioraad") in rels
    parts = {t for ty, s, t in rels if ty == "dissolved_into" and s == "regio_twente"}
    assert {"twente_board", "twente_board_development", "recreatieschap_twente"} <= parts
    assert any("gezondheid" in p for p in parts)
    assert ("realized_as", "besluitvormend_4o_orgaan", "twente_board") in rels
    assert ("realized_as", "regionale_uitvoeringsorganisatie", "twente_board_development") in rels
    assert any(ty == "realized_as" and s == "separate_gr" and "gezondheid" in t for ty, s, t in rels)
    assert {s for ty, s, _ in rels if ty == "diverged"} >= {"arbeidsmarkt", "mobiliteit"}


@pytest.mark.parametrize("query, expect", [
    ("Twenteraad", ["replaced by Twente Beraad", "presentatie 2015-02-11 p.1", "notitie 2013 p.3"]),
    ("regioraad", ["Geen regioraad meer nodig", "ended", "plan van aanpak 2012-12-10 p.1"]),
    ("twentebedrijf", ["Twente Bedrijf", "first mention", "notitie 2013 p.3"]),
    ("Regio Twente", ["dissolved into", "Twente Board", "Recreatieschap Twente", "nieuwsbericht 2021 p.1"]),
])
def test_cli_evolution_reads_the_story_with_sources(runner, built_index, query, expect):
    result = runner.invoke(app, ["evolution", query, "--index", str(built_index)])
    assert result.exit_code == 0, result.output
    for text in expect:
        assert text in result.stdout
    assert "outcome:" in result.stdout


def test_cli_evolution_tolerates_typos_and_refuses_unknown_subjects(runner, built_index):
    assert runner.invoke(app, ["evolution", "twenteraaad", "--index", str(built_index)]).exit_code == 0
    result = runner.invoke(app, ["evolution", "Havenschap Rotterdam", "--index", str(built_index)])
    assert result.exit_code == 2
    assert "no subject matches" in result.stderr and "Traceback" not in result.output


def test_subjects_case_folding_finds_what_ignorecase_matches():
    # Cue words and names are looked up in lower-cased text before the regexes run: a word written in
    # capitals, or with a character Python folds to an ASCII letter (Kelvin sign, long s, dotless i),
    # must be found exactly where re.IGNORECASE finds it.
    from pipeline.link.records import fold_case

    sample = "".join(chr(c) for c in range(0x20, 0x3000) if not 0xD800 <= c <= 0xDFFF) + "\u212a\ufb05\ufb06"
    folded = fold_case(sample)
    assert len(folded) == len(sample)
    for a in map(chr, range(0x20, 0x7F)):
        by_regex = {m.start() for m in re.finditer(re.escape(a), sample, re.IGNORECASE)}
        by_fold = {m.start() for m in re.finditer(re.escape(a.lower()), folded)}
        assert by_regex == by_fold, a


@pytest.mark.parametrize("text,ended", [
    ("DE STICHTING KUSTWACHT WORDT OPGEHEVEN.", True),
    ("Vervallen: de Stichting Kustwacht.", True),
    ("De Stichting Kustwacht bestaat nog.", False),
])
def test_subjects_cue_words_in_any_case(text, ended):
    name = re.search(r"(?i)stichting kustwacht", text).group()
    ents = _ents("a", text, {name: ("ORG", "stichting_kustwacht")})
    _, relations = derive([_doc("a", "2020", text)], ents, [])
    assert bool(_rels(relations, "ended")) is ended


# ---------------------------------------------------------------- governments and generic words (issue 16)
def _gov_doc(doc_id: str, date: str, text: str, government: str, kind: str = "gemeente") -> DocText:
    return DocText(doc_id=doc_id, date=date, text=text, government=government, government_kind=kind)


def test_subjects_a_kind_of_body_is_one_subject_per_government():
    one = "De gemeenteraad heeft besloten. De gemeenteraad van Enschede ook."
    two = "De gemeenteraad stelt de begroting vast."
    ents = _ents("a", one, {"gemeenteraad": ("ORGAN", "gemeenteraad")}) + _ents(
        "b", two, {"gemeenteraad": ("ORGAN", "gemeenteraad")})
    ents[1].parent = "gemeente_enschede"  # "de gemeenteraad van Enschede": the text names its government
    docs = [_gov_doc("a", "2015", one, "Den Helder"), _gov_doc("b", "2016", two, "Enschede")]
    subjects, _ = derive(docs, ents, [])
    by_name = {s.name: s for s in subjects if s.body == "gemeenteraad"}
    assert set(by_name) == {"gemeenteraad Den Helder", "gemeenteraad Enschede"}
    assert {d.doc_id for d in by_name["gemeenteraad Enschede"].documents} == {"a", "b"}  # the text links them
    assert [d.doc_id for d in by_name["gemeenteraad Den Helder"].documents] == ["a"]
    assert by_name["gemeenteraad Enschede"].government == "Enschede"
    with pytest.raises(UnknownSubject) as exc:
        find(subjects, "gemeenteraad")
    assert "gemeenteraad Den Helder" in str(exc.value) and "gemeenteraad Enschede" in str(exc.value)
    assert find(subjects, "gemeenteraad enschede").government == "Enschede"


def test_subjects_plural_bodies_name_no_one_body():
    text = "De gemeenteraden van de regio en de gemeenteraad besluiten."
    ents = _ents("a", text, {"gemeenteraden": ("ORGAN", "gemeenteraad")}) + [
        Entity(doc_id="a", label="ORGAN", text="gemeenteraad", start=text.rindex("gemeenteraad"),
               end=text.rindex("gemeenteraad") + 12, page=1, canonical="gemeenteraad")]
    subjects, _ = derive([_gov_doc("a", "2015", text, "Almelo")], ents, [])
    assert [(s.name, s.mentions) for s in subjects if s.body == "gemeenteraad"] == [("gemeenteraad Almelo", 1)]


def test_subjects_generic_words_and_page_furniture_are_no_subjects():
    text = ("Het perceel heeft de bestemming ‘Wonen’. Hier wonen mensen en wonen blijft mogelijk.\n"
            "Het bestemmingsplan wordt herzien. Het bestemmingsplan geldt. Een nieuw bestemmingsplan volgt.\n"
            "Er komt een postzegelplan. Het postzegelplan is klein. Het postzegelplan telt.\n"
            "Kenmerk Zaaknummer Pagina\nKenmerk Zaaknummer Pagina\nKenmerk Zaaknummer Pagina\n"
            "Postbus 10078 8000 GB Zwolle. Postbus 10078 8000 GB Zwolle. Postbus 10078 8000 GB Zwolle.\n"
            "De ‘Wonen’ en ‘Wonen’ blijven.\n"
            "Het Kustfonds Noord helpt. Het Kustfonds Noord betaalt. Over het Kustfonds Noord later meer.\n"
            "De kustopdracht is gestart. Met de kustopdracht komt rust. De kustopdracht is klaar.")
    subjects, _ = derive([_doc("a", "2021", text)], [], [])
    names = {fold_name(s.name) for s in subjects}
    assert "kustfonds noord" in names and "kustopdracht" in names  # names and one plan stay
    for generic in ("wonen", "bestemmingsplan", "postzegelplan", "kenmerk zaaknummer pagina", "gb zwolle"):
        assert generic not in names, generic


def fold_name(name: str) -> str:
    return " ".join(name.casefold().split())


def test_subjects_words_file_loads():
    from pipeline.link.subjects import is_kind_word, load_subject_words

    words = load_subject_words()
    assert words["kinds"] and words["not_in_names"] and words["postcode_re"].fullmatch("8000 GB")
    assert all(w == w.lower() for w in words["kinds"] + words["not_in_names"])
    assert is_kind_word("Ontwerpbestemmingsplan") and is_kind_word("voorontwerp-bestemmingsplan")
    assert not is_kind_word("Bestemmingsplan Buitengebied") and not is_kind_word("veranderopdracht")


def test_subjects_no_realised_as_a_body_that_was_there_before_the_proposal():
    old = "Brief\nDe Tweede Kamer is geïnformeerd over de havens.\n"
    plan = "Advies\n1. De havenregio te laten ondersteunen door een regionale havenorganisatie voor havens en scheepvaart.\n"
    news = "Nieuws\nOp 1 maart 2020 heeft de Tweede Kamer de havens en scheepvaart van de havenregio geregeld.\n"
    ents = _ents("o", old, {"Tweede Kamer": ("ORGAN", "tweede_kamer")}) + _ents(
        "n", news, {"Tweede Kamer": ("ORGAN", "tweede_kamer")})
    decs = [_dec("p", plan, plan.split("\n")[1][3:], "proposed"), _dec("n", news, news.split("\n")[1], "realized", "2020-03-01")]
    docs = [_doc("o", "2011", old), _doc("p", "2018-05-01", plan), _doc("n", "2020-03", news)]
    _, relations = derive(docs, ents, decs)
    assert not _rels(relations, "realized_as")  # the Tweede Kamer was there in 2011: it is not what came of it
    _, relations = derive(docs[1:], ents[1:], decs)
    assert _rels(relations, "realized_as") == {("regionale_havenorganisatie", "tweede_kamer")}


def test_subjects_a_plan_of_two_governments_is_two_subjects_unless_the_text_links_them():
    """The "woonakkoord" of Enschede and of Hengelo are two plans, each with its government; a Hengelo
    document that names the Overijssel plan as the province's keeps it the province's."""
    enschede = "Gemeente Enschede\nHet woonakkoord is getekend. Het woonakkoord loopt. Het woonakkoord werkt."
    hengelo = "Gemeente Hengelo\nHet woonakkoord is getekend. Het woonakkoord loopt tot 2030."
    overijssel = "Provincie Overijssel\nHet programma Kustbeleid staat in het zeeakkoord. Het zeeakkoord geldt."
    about_province = "Gemeente Hengelo\nHet beleid van de provincie Overijssel staat vooral in het zeeakkoord. Meer niet."
    docs = [_gov_doc("e", "2021", enschede, "Enschede"), _gov_doc("h", "2022", hengelo, "Hengelo"),
            _gov_doc("o", "2020", overijssel, "Overijssel", "provincie"),
            _gov_doc("p", "2023", about_province, "Hengelo")]
    subjects, _ = derive(docs, [], [])
    plans = {s.name: s for s in subjects if fold_name(s.name).startswith("woonakkoord")}
    assert set(plans) == {"woonakkoord Enschede", "woonakkoord Hengelo"}
    assert [d.doc_id for d in plans["woonakkoord Enschede"].documents] == ["e"]
    assert plans["woonakkoord Hengelo"].government == "Hengelo" and plans["woonakkoord Hengelo"].mentions == 2
    [sea] = [s for s in subjects if fold_name(s.name).startswith("zeeakkoord")]
    assert sea.government == "Overijssel" and {d.doc_id for d in sea.documents} == {"o", "p"}
    with pytest.raises(UnknownSubject) as exc:
        find(subjects, "woonakkoord")
    assert "woonakkoord Enschede" in str(exc.value) and "woonakkoord Hengelo" in str(exc.value)
    assert find(subjects, "woonakkoord hengelo").government == "Hengelo"


def test_subjects_a_named_omgevingsvisie_of_two_municipalities_is_two_subjects():
    e = ("Gemeente Enschede\nDe Omgevingsvisie Stad en Land is vastgesteld. De Omgevingsvisie Stad en Land geldt. "
         "De Omgevingsvisie Stad en Land werkt.")
    h = "Gemeente Hengelo\nDe Omgevingsvisie Stad en Land is in voorbereiding. Over de Omgevingsvisie Stad en Land meer."
    subjects, _ = derive([_gov_doc("e", "2021", e, "Enschede"), _gov_doc("h", "2022", h, "Hengelo")], [], [])
    visions = sorted((s.name, s.government) for s in subjects if s.name.startswith("Omgevingsvisie"))
    assert visions == [("Omgevingsvisie Stad en Land Enschede", "Enschede"), ("Omgevingsvisie Stad en Land Hengelo", "Hengelo")]


def test_records_built_equals_model_construct():
    """Subjects are built without pydantic's per-field loop; what is stored and served must not change."""
    from pipeline.link.records import built
    from pipeline.models import Subject, SubjectDoc

    doc = dict(doc_id="a", date="2020-01-02", pages=[1, 3])
    assert built(SubjectDoc, **doc).model_dump_json() == SubjectDoc.model_construct(**doc).model_dump_json()
    values = {name: (f.default_factory() if f.default_factory else f.default) for name, f in Subject.model_fields.items()}
    values.update(id="s", name="Kustfonds", label="ORG", documents=[built(SubjectDoc, **doc)], mentions=2)
    assert list(values) == list(Subject.model_fields)
    made, reference = built(Subject, **values), Subject.model_construct(**values)
    assert made == reference and made.model_dump_json() == reference.model_dump_json()


def test_subjects_a_name_a_line_break_ran_through_is_one_alias():
    text = "De Omgevingsverordening Overijssel geldt.\nVolgens de Omgevingsverordening\nOverijssel is dat zo. De OVO ook."
    ents = _ents("v", text, {"Omgevingsverordening Overijssel": ("LAW", "ovo"), "Omgevingsverordening\nOverijssel": ("LAW", "ovo"),
                             "OVO": ("LAW", "ovo")})
    subjects, _ = derive([_doc("v", "2024-03-01", text)], ents, [])
    ovo = next(s for s in subjects if s.id == "ovo")
    assert all("\n" not in a for a in ovo.aliases) and len(ovo.aliases) == len(set(ovo.aliases))
    assert "Omgevingsverordening Overijssel" not in ovo.aliases or ovo.name != "Omgevingsverordening Overijssel"
