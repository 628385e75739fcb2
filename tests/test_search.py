from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.index.writer import dutch_analyzer
from pipeline.search import QueryError, clean_query, search


def _docs(result):
    return [h.doc_id[:3] for h in result.hits]


def test_search_twenteraad_ranks_the_2013_note_first(built_index):
    result = search(built_index, "Twenteraad")
    assert _docs(result)[0] == "000"


@pytest.mark.parametrize("spelling", ["herorientatie", "heroriëntatie", "heroriéntatie", "HERORIENTATIE"])
def test_search_accent_variants_find_the_same_documents(built_index, spelling):
    assert {"000", "002", "004"} <= set(_docs(search(built_index, spelling, limit=50)))


def test_search_snippet_marks_the_query_terms(built_index):
    hit = search(built_index, "Twenteraad").hits[0]
    assert "**Twenteraad**" in hit.snippet
    assert hit.page >= 1


def test_search_typo_gets_a_suggestion(built_index):
    result = search(built_index, "twnteraad")
    assert result.suggestion and "twenteraad" in result.suggestion.casefold()


@pytest.mark.parametrize("odd", ['"unbalanced quote', "(((", "a" * 2000, "AND OR NOT", "regio\x00raad\x1b", "~^*?:"])
def test_search_odd_input_answers_without_traceback(built_index, odd):
    try:
        result = search(built_index, odd)
    except QueryError as exc:
        assert str(exc)
    else:
        assert result.total >= 0


def test_search_lone_wildcard_is_a_clear_error(built_index):
    with pytest.raises(QueryError, match="empty"):
        search(built_index, "*")


def test_search_clean_query_caps_length_and_drops_controls():
    assert len(clean_query("x" * 5000)) <= 500
    assert "\x07" not in clean_query("a\x07b")


@pytest.mark.parametrize("word", ["niet", "geen"])
def test_index_analyzer_keeps_negations(word):
    terms = [t.text for t in dutch_analyzer()(f"de raad besluit {word} akkoord")]
    (stem,) = [t.text for t in dutch_analyzer()(word)]
    assert terms.count(stem) == 1


def test_index_analyzer_folds_accents_and_stems():
    terms = lambda s: [t.text for t in dutch_analyzer()(s)]  # noqa: E731
    assert terms("heroriëntatie") == terms("herorientatie") == terms("heroriéntatie")
    assert terms("gemeenteraden") == terms("gemeenteraad")


def test_search_filters_by_document_type(built_index):
    result = search(built_index, "samenwerking", limit=50, doc_type="advies")
    assert result.hits and {h.doc_type for h in result.hits} == {"advies"}


# -- issue 7: aliases, variants, intents, grouping, facets, card ---------------------------------
from pipeline.link.aliases import fold  # noqa: E402
from pipeline.search.card import subject_card  # noqa: E402
from pipeline.search.engine import split_intent  # noqa: E402


@pytest.mark.parametrize("query, expected_doc, expected_mark", [
    ("Veilig Thuis Twente", "003", "VTT"),  # the 2019 advice only says "VTT"
    ("SSNT", None, "Shared Service Netwerk Twente"),
    ("Wgr-plus", None, "WGR+"),
    ("Twentebedrijf", "000", "Twente Bedrijf"),
])
def test_search_finds_other_names_of_the_same_thing(built_index, query, expected_doc, expected_mark):
    result = search(built_index, query, limit=20)
    if expected_doc:
        assert _docs(result)[0] == expected_doc
    assert any(f"**{expected_mark}**" in h.snippet for h in result.hits)


def test_search_typo_still_finds_the_word(built_index):
    result = search(built_index, "twnteraad")
    assert _docs(result)[0] == "000"
    assert "**Twenteraad**" in result.hits[0].snippet


def test_search_word_forms_meet(built_index):
    assert "001" in _docs(search(built_index, "ontvlechting"))


def test_search_question_word_steers_the_snippet_to_a_date(built_index):
    result = search(built_index, "wanneer is Regio Twente ontvlochten", limit=3)
    assert result.intent == "date"
    assert _docs(result)[0] == "001"
    assert any(re.search(r"2021|juli", h.snippet) for h in result.hits[:3])


def test_search_split_intent_keeps_quoted_question_words():
    assert split_intent("hoeveel gemeenten") == ("gemeenten", "number")
    assert split_intent('"wie zijn wij"')[1] is None
    assert split_intent("wie") == ("wie", None)  # nothing else to search for: search the word itself


def test_search_groups_passages_per_document(built_index):
    result = search(built_index, "Twenteraad", limit=10)
    seen = [g.doc_id for g in result.groups]
    assert len(seen) == len(set(seen))
    assert [h.doc_id for h in result.hits] == [h.doc_id for g in result.groups for h in g.hits]
    for g in result.groups:
        assert [h.score for h in g.hits] == sorted((h.score for h in g.hits), reverse=True)


def test_search_facets_count_documents(built_index):
    result = search(built_index, "samenwerking", limit=5, facets=True)
    types = {f.value: f.count for f in result.facets["type"]}
    assert types.get("advies") == 1 and sum(types.values()) >= 4
    assert {f.value for f in result.facets["year"]} >= {"2019", "2021"}


@pytest.mark.parametrize("sort", ["date", "date_asc"])
def test_search_sort_by_date(built_index, sort):
    dates = [g.date for g in search(built_index, "samenwerking", limit=50, sort=sort).groups]
    assert dates == sorted(dates, reverse=(sort == "date"))


def test_search_date_range_filter(built_index):
    result = search(built_index, "samenwerking", limit=50, date_from="2019", date_to="2019-12")
    assert result.hits and {h.date[:4] for h in result.hits} == {"2019"}


def test_search_bad_date_is_a_clear_error(built_index):
    with pytest.raises(QueryError, match="not a year or date"):
        search(built_index, "samenwerking", date_from="gisteren")


def test_search_phrase_and_boolean_queries(built_index):
    phrase = search(built_index, '"besluitvormend orgaan"', limit=50)
    assert phrase.hits and all("besluitvormend" in h.snippet.casefold() for h in phrase.hits)
    both = search(built_index, "Twenteraad AND bestuur", limit=50)
    assert both.hits and "**bestuur**" in both.hits[0].snippet and "**Twenteraad**" in both.hits[0].snippet
    without = search(built_index, "Twenteraad NOT bestuur", limit=50)
    assert without.hits and not any("bestuur" in h.snippet.casefold().split() for h in without.hits)
    assert without.total < search(built_index, "Twenteraad", limit=50).total


def test_search_snippets_never_carry_document_markup(built_index):
    for h in search(built_index, "Twente", limit=50).hits:
        assert "<b>" not in h.snippet and "***" not in h.snippet


def test_search_fold_matches_accents_and_punctuation():
    assert fold("Heroriëntatie, WGR+!") == "heroriëntatie wgr+".replace("ë", "e")


def test_search_subject_card_for_an_abbreviation(built_index):
    card = subject_card(built_index, "VTT")
    assert card is not None and card.name == "Veilig Thuis Twente"
    assert "VTT" in card.forms
    assert card.first_seen <= "2019-07-04" <= card.last_seen
    assert "003_d4d0686746b347e9" in {d.doc_id for d in card.documents}


def test_search_no_subject_card_for_plain_words(built_index):
    assert subject_card(built_index, "hoeveel gemeenten") is None


def test_search_cli_json_keeps_its_contract_with_the_new_options(runner, built_index):
    import json

    from pipeline.cli import app

    result = runner.invoke(app, ["search", "samenwerking", "--index", str(built_index), "--json", "--type", "advies",
                                 "--from", "2019", "--to", "2019-12", "--sort", "date", "-n", "5"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)["hits"]
    assert hits and all({"doc_id", "page", "date", "score", "snippet"} <= h.keys() for h in hits)
    assert {h["date"][:4] for h in hits} == {"2019"}


def test_search_cli_text_output_starts_with_the_subject_card(runner, built_index):
    from pipeline.cli import app

    result = runner.invoke(app, ["search", "VTT", "--index", str(built_index)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("== Veilig Thuis Twente") and "other names: VTT" in result.output


def test_search_cli_bad_sort_is_a_clean_error(runner, built_index):
    from pipeline.cli import app

    result = runner.invoke(app, ["search", "VTT", "--index", str(built_index), "--sort", "random"])
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize("query", ["regioraad", "Regioraad", "gemeenteraden", "Twente Beraad"])
def test_search_known_words_get_no_suggestion(built_index, query):
    assert search(built_index, query).suggestion is None


def test_search_compound_written_apart_suggests_the_compound(built_index):
    assert search(built_index, "Twente Raad").suggestion.casefold() == "twenteraad"


def test_search_card_carries_the_lineage(built_index):
    from pipeline.search.card import subject_card

    card = subject_card(built_index, "Twenteraad")
    assert "TwenteRaad" in card.forms
    assert "Twente Beraad" in card.outcome
    assert any(e.doc_id.startswith("002") and "replaced" in e.status for e in card.events)


@pytest.mark.parametrize("query", ["Twenteraad", "VTT", "Regio Twente"])
def test_search_card_events_carry_a_reference_and_government(runner, built_index, query):
    """Each event of the card names its document as people read it (a reference ``spoor show`` takes
    back) and, where known, its government; the CLI and the web card show them."""
    from pipeline.cli import app
    from pipeline.link.references import references, resolve
    from pipeline.search.card import subject_card
    from pipeline.store import open_store

    with open_store(built_index) as store:
        docs = store.documents()
    refs, govs = references(docs), {d.doc_id: d.government for d in docs}
    card = subject_card(built_index, query)
    assert card.events and all(e.ref == refs[e.doc_id] and resolve(docs, e.ref) == e.doc_id for e in card.events)
    assert all(e.government == govs[e.doc_id] for e in card.events if not e.actor_name)
    assert any(e.government for e in subject_card(built_index, "VTT").events)
    out = runner.invoke(app, ["search", query, "--index", str(built_index)]).output
    assert f"[{card.events[0].ref} p.{card.events[0].page}]" in out


def test_search_one_long_document_does_not_fill_the_list(built_index):
    result = search(built_index, "gemeenschappelijke regeling gezondheid GGD OZJT", limit=10)
    docs = [h.doc_id for h in result.hits]
    assert max(docs.count(d) for d in docs) <= 3
    assert len(set(docs)) >= 3


# -- issue 7: speed work (kept searcher, common words, suggestions without a spelling graph) ------
NOTE = ("Notitie\n\nSamenwerking in de regio\n\nDe gemeenteraad heeft op 3 maart 2016 ingestemd met "
        "het voorstel om de samenwerking met de buurgemeenten te versterken.\n")


@pytest.mark.slow
def test_search_sees_what_a_later_build_commits(tmp_path):
    from pipeline.build import build

    docs, ix = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    (docs / "een.txt").write_text(NOTE, encoding="utf-8")
    build([docs], ix)
    assert search(ix, "Achterhoek").hits == [] and search(ix, "buurgemeenten").hits
    (docs / "twee.txt").write_text(NOTE.replace("buurgemeenten", "Achterhoek"), encoding="utf-8")
    build([docs], ix)
    assert [h.doc_id for h in search(ix, "Achterhoek").hits] == ["twee"]
    import shutil

    shutil.rmtree(ix)  # an index deleted and built anew in the same place
    (docs / "een.txt").unlink()
    build([docs], ix)
    assert {h.doc_id for h in search(ix, "samenwerking", limit=50).hits} == {"twee"}


@pytest.mark.parametrize("query", ["heroriëntatie GGD samenwerking gemeenten regio Twente", "Veilig Thuis Twente",
                                   "Twenteraad NOT bestuur", '"algemeen bestuur" AND regio', "wgr+ OR SSNT"])
@pytest.mark.parametrize("doc_type", [None, "advies"])
def test_search_scores_and_facets_are_whooshs_own(built_index, monkeypatch, query, doc_type):
    """search() combines the scores of a query's parts and counts facets itself; Whoosh's collector must agree."""
    import pipeline.search.engine as s

    run = s._run
    # the same pool of passages (the best ``want``), scored on arrays and by Whoosh's collector
    monkeypatch.setattr(s, "_run", lambda searcher, q, want, filt, facets, state=None, **_:
                        run(searcher, q, want, filt, facets, state))
    own = search(built_index, query, limit=20, doc_type=doc_type, facets=True)
    monkeypatch.setattr(s, "_run", lambda searcher, q, want, filt, facets, state=None, **_:
                        run(searcher, q, want, filt, facets, None))
    whoosh = search(built_index, query, limit=20, doc_type=doc_type, facets=True)
    assert own.total == whoosh.total and own.facets == whoosh.facets
    assert [(h.doc_id, h.passage_no) for h in own.hits] == [(h.doc_id, h.passage_no) for h in whoosh.hits]
    assert [h.score for h in own.hits] == pytest.approx([h.score for h in whoosh.hits], rel=1e-6)


@pytest.mark.parametrize("query, expected", [
    ("twnteraad besluit", "twenteraad besluit"),  # the other words stay as typed
    ("herorientatie regioraad twnteraad", "herorientatie regioraad twenteraad"),
])
def test_search_suggestion_corrects_only_the_unknown_word(built_index, query, expected):
    assert search(built_index, query).suggestion.casefold() == expected


@pytest.mark.parametrize("query", ["wanneer stemde de regioraad in met de heroriëntatie",  # "stemde": a word form
                                   "wie schreef het advies", "4O-orgaan"])
def test_search_word_forms_and_short_words_get_no_suggestion(built_index, query):
    assert search(built_index, query).suggestion is None


def test_search_prefers_passages_with_the_form_typed(built_index):
    result = search(built_index, "SSNT", limit=10)
    assert _docs(result)[0] == "000"  # defines "SSNT"; 004 only writes "Shared Services Netwerk Twente"
    assert "**SSNT**" in result.hits[0].snippet


@pytest.mark.parametrize("query, answer", [
    ("wie is voorzitter van het besluitvormend 4O-orgaan", "burgemeester van Enschede"),  # after a colon
    ("wie is ambtelijk opdrachtgever van het project", "Vos"),  # "mw. T. Vos": no sentence end after "mw."
])
def test_search_who_question_snippet_shows_the_person(built_index, query, answer):
    result = search(built_index, query, limit=10)
    assert result.intent == "actor"
    assert any(answer in h.snippet.replace("**", "") for h in result.hits[:3])


def test_search_index_keeps_no_spelling_graph(built_index):
    from pipeline.index.writer import open_existing

    assert not any(name.startswith("spell_") for name in open_existing(built_index).schema.names())


# -- word forms, names of several words, documents that hold the whole question -------------------
@pytest.mark.parametrize("word, particles, expected", [
    ("stemde", ("in",), "ingestemd"),      # a separable verb, its particle apart in the question
    ("stelde", ("vast",), "vastgesteld"),
    ("besloot", (), "besluit"),            # a strong verb with a prefix
    ("ontvlechting", (), "ontvlochten"),   # the noun to the participle
    ("ontvlochten", (), "ontvlechting"),
    ("hief", ("op",), "opgeheven"),
    ("maakte", (), "gemaakt"),             # a weak verb: 't kofschip
])
def test_wordforms_verb_forms(word, particles, expected):
    from pipeline.search.wordforms import verb_forms

    assert expected in verb_forms(word, particles)


def test_wordforms_noun_of_a_verb():
    from pipeline.search.wordforms import nouns

    assert "treding" in nouns("treedt") and "name" in nouns("nam")


def test_search_separable_verb_finds_the_participle(built_index):
    result = search(built_index, "wanneer stemde de regioraad in met de heroriëntatie")
    top = result.hits[0]
    assert top.doc_id.startswith("000") and "10 oktober 2012" in top.snippet and "**ingestemd**" in top.snippet


def test_search_words_typed_apart_find_the_hyphenated_name(built_index):
    top = search(built_index, "deelnemer projectgroep dinkelland tubbergen losser").hits[0]
    assert "**Dinkelland-Tubbergen-Losser**" in top.snippet


def test_search_a_kind_of_body_is_no_other_name_of_one_body(built_index):
    """Documents call Regio Twente "de gemeenschappelijke regeling"; any GR is not Regio Twente."""
    assert "Regio Twente" not in search(built_index, "gemeenschappelijke regeling").also
    assert "gemeenschappelijke regeling" not in search(built_index, "Regio Twente").also


def test_search_document_holding_the_whole_question_comes_first(built_index):
    """The 2021 outcome says who decided (algemeen bestuur) and, a passage later, the ontvlechting."""
    result = search(built_index, "wanneer besloot het algemeen bestuur over de ontvlechting")
    assert result.groups[0].doc_id.startswith("001")


@pytest.mark.parametrize("query, words, intent", [
    ("Op welke datum is Regio Twente ontvlochten?", "Op Regio Twente ontvlochten", "date"),
    ("welk bedrag stelde de regioraad beschikbaar", "stelde de regioraad beschikbaar", "number"),
    ("welke organisatie leidt het Twente Bedrijf", "organisatie leidt het Twente Bedrijf", "actor"),
    ("wanneer zou de GR in werking treden", "de GR in werking treden", "date"),  # "zou": grammar
    ('wat "moet de raad" doen', '"moet de raad" doen', "what"),                # quoted: kept
])
def test_search_question_words_say_what_the_answer_is(query, words, intent):
    assert split_intent(query) == (words, intent)


def test_search_stop_word_is_never_half_a_compound(built_index):
    """"zou de" must not be searched as the word "zoude" (that is, "zouden")."""
    result = search(built_index, "zou de regeling", limit=50)
    assert result.hits and all("**zouden**" not in h.snippet.casefold() for h in result.hits)


@pytest.mark.slow
def test_search_subject_card_follows_a_later_build(tmp_path, corpus_copy):
    """Cards are kept between queries, until a build commits: then they are made anew."""
    import shutil

    from pipeline.build import build
    from pipeline.search.card import subject_card

    docs, ix = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    for f in sorted(corpus_copy.glob("00[1-3]*.txt")):
        shutil.copy(f, docs / f.name)
    build([docs], ix)
    first = subject_card(ix, "Twenteraad")
    assert first is not None and subject_card(ix, "Twenteraad") is first  # kept
    next(docs.glob("002*.txt")).unlink()  # the presentation that replaced it by the Twente Beraad
    build([docs], ix)
    second = subject_card(ix, "Twenteraad")
    assert second is None or {d.doc_id[:3] for d in second.documents} != {d.doc_id[:3] for d in first.documents}


def test_search_acronym_no_document_defines_finds_the_name(built_index):
    """"TBD" is written nowhere; the initials of "Twente Board Development" are."""
    result = search(built_index, "TBD uitvoeringsorganisatie")
    assert "Twente Board Development" in result.also
    assert result.groups[0].doc_id.startswith("001") and "Twente Board Development" in result.hits[0].snippet.replace("**", "")


def test_search_part_of_a_hyphenated_compound_counts(built_index):
    """"conferentie-uitkomsten" is asked; the plan says "de resultaten van de conferentie" (1 mei 2013)."""
    result = search(built_index, "Uiterlijk wanneer moesten de veertien gemeenten de conferentie-uitkomsten "
                                 "onderling hebben uitgewisseld?")
    assert result.groups[0].doc_id.startswith("004") and "1 mei 2013" in result.hits[0].snippet


def test_plain_words_are_parsed_as_whoosh_parses_them(built_index):
    # engine.plain_words skips Whoosh's parser for plain words: it must make the very same query
    import glob

    from pipeline.search import engine

    with engine.index_state(built_index) as state:
        schema = state.searcher.schema
        queries = ["GGD", "de GGD", "samenwerking gemeenten 2015", "heroriëntatie Twenteraad", "wie is de griffier"]
        for name in sorted(glob.glob(str(Path(__file__).parent / "data" / "questions*.json"))):
            queries += [engine.split_intent(q["q"])[0] for q in json.loads(Path(name).read_text(encoding="utf-8"))["questions"]]
        fast = 0
        for text in queries:
            mine = engine.plain_words(schema, text)
            if mine is None:
                continue
            fast += 1
            theirs = engine._not_excludes(state.parser.parse(text))
            assert mine == theirs, text
            assert [(t.fieldname, t.text, t.startchar, t.endchar) for t in mine.subqueries] == \
                   [(t.fieldname, t.text, t.startchar, t.endchar) for t in theirs.subqueries], text
        assert fast > len(queries) // 3  # most questions are plain words
