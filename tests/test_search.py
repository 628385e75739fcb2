from __future__ import annotations

import pytest

from pipeline.index import dutch_analyzer
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
