"""Search under a web server's load (issue 20): the page's documents are ranked exactly as among all,
searches from many threads at once answer as one at a time, and an expensive query answers in part,
within its time budget, with a Dutch note."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from pipeline.search import engine, search

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [q["q"] for q in json.loads((ROOT / "tests/data/questions.json").read_text(encoding="utf-8"))["questions"]]
WORDS = ["samenwerking", "Twente", "gemeenteraad besluit", "regio", "jeugdzorg OR veiligheid", "college NOT raad",
         '"algemeen bestuur"', "Twent*", "begroting 2019"]
LONG_OR = " OR ".join(["samenwerking", "regio", "Twente", "gemeente", "besluit", "bestuur", "raad", "college",
                       "veiligheid", "zorg", "plan", "jaar"] * 4)


def _dump(groups):
    return [g.model_dump() for g in groups]


@pytest.mark.parametrize("query", [*WORDS, *QUESTIONS[::3]])
def test_search_serving_one_page_is_ranked_as_among_all(built_index, query):
    full = search(built_index, query, 200, facets=True)
    for start, end in ((0, 10), (2, 4), (10, 20)):
        page = search(built_index, query, 200, facets=True, shown=(start, end))
        assert _dump(page.groups) == _dump(full.groups[start:end])
        assert page.total == full.total and page.documents == full.documents
        assert sorted(page.matching) == sorted({g.doc_id for g in full.groups}) or full.documents > 200


def test_search_serving_threads_answer_as_one_at_a_time(built_index):
    queries = [*WORDS, *QUESTIONS[:12]] * 2
    alone = [_dump(search(built_index, q, 20).groups) for q in queries]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda q: _dump(search(built_index, q, 20).groups), queries))
    assert together == alone


def test_search_serving_out_of_time_answers_in_part_with_a_note(built_index):
    whole = search(built_index, LONG_OR, 10)
    assert engine.TIME_NOTE not in whole.notes
    late = search(built_index, LONG_OR, 10, budget=0.0)
    assert engine.TIME_NOTE in late.notes and "te veel tijd" in late.notes[-1]
    assert late.groups and late.groups[0].hits[0].snippet  # what was found in time, with a snippet


def test_search_serving_the_web_says_the_query_was_cut_short(built_index, monkeypatch):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from pipeline.web import create_app, results

    monkeypatch.setattr(results, "SEARCH_BUDGET_S", 0.0)
    client = TestClient(create_app(built_index))
    answer = client.get("/api/search", params={"q": LONG_OR})
    assert answer.status_code == 200 and engine.TIME_NOTE in answer.json()["notes"]
    page = client.get("/", params={"q": LONG_OR})
    assert page.status_code == 200 and "te veel tijd" in page.text


def test_search_serving_a_generation_replaced_mid_search_stays_open_until_it_ends(built_index):
    with engine.index_state(built_index) as state:
        state.close()  # what a build's commit does to the generation other threads are searching
        assert state.searcher.doc_count() > 0 and state._opened  # still open for the search under way
    assert not state._opened  # closed once that search ended
    engine._STATES.clear()
    assert search(built_index, "samenwerking", 5).groups  # the next search opens the index anew


def test_search_serving_out_of_time_on_a_cold_index_still_answers(built_index, tmp_path):
    """The first search of a new index generation pays for reading it; past the budget before anything was
    scored, it answers anyway (late), never with an empty page that says it ran out of time."""
    import shutil

    cold = tmp_path / "index"
    shutil.copytree(built_index, cold)
    query = "wanneer heeft de regioraad de begroting vastgesteld"
    answer = search(cold, query, 10, budget=0.0)
    assert answer.documents and answer.groups[0].hits[0].snippet
    assert answer.documents == search(cold, query, 10).documents


def test_search_serving_snippet_dates_and_numbers_found_once_are_those_of_the_blanked_passage():
    """A passage's dates and numbers are found once (``snippets._features``) and used for every query whose
    words, blanked out, change none of them; ``unchanged_by`` must say no whenever blanking would."""
    import random

    from pipeline.search import snippets

    pieces = ["12 juli", "1 januari 2020", "2019", "3,5", "12-05-2020", "op 4", "de raad", "juli", "besluit",
              "art.12", "nr. 7", "12 de raad juli", "twee", "Q3", "€ 1.200", "x12", "12x", "(2021)", "\n", ". ",
              "Gemeente", "ABC", "2019-2020", "5/6"]
    lex = snippets._lexicon()
    rng = random.Random(20)
    fast = slow = 0
    for _ in range(400):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(3, 14)))
        clean, tokens, *_ = snippets._prepared(text)
        feats = snippets._features(text)
        blanked = sorted(rng.sample(tokens, rng.randint(0, min(4, len(tokens)))), key=lambda t: t[1])
        rest = snippets._blank(clean, 0, len(clean), blanked)
        if feats.unchanged_by(clean, blanked):
            fast += 1
            assert [m.start() for m in lex["digits"].finditer(rest)] == feats.numbers, (text, blanked)
            assert [m.start() for m in lex["date_scan"].finditer(rest)] == feats.dates, (text, blanked)
        else:
            slow += 1
    assert fast > 50 and slow > 50  # both ways were tried
