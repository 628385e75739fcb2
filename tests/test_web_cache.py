"""A repeated search is answered from the answers kept since the last build (``pipeline.web.cache``): the
same bytes without searching again, never an answer of an index a build replaced, and never one
search's answer for another request."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("starlette", reason="starlette is needed for the web app")
from starlette.responses import Response  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from pipeline.web import cache, create_app, results  # noqa: E402


@pytest.fixture()
def searches(monkeypatch) -> list[str]:
    """The queries the web app really searched for (not answered from kept answers). Each search has
    all the time it needs (a first search of a cold index on a busy machine may take longer than the
    web's budget, and an answer past it is not kept)."""
    monkeypatch.setattr(results, "SEARCH_BUDGET_S", 60.0)
    done: list[str] = []
    real = results.search

    def counting(folder, q, *args, **kwargs):
        done.append(q)
        return real(folder, q, *args, **kwargs)

    monkeypatch.setattr(results, "search", counting)
    return done


@pytest.mark.parametrize("path", ["/api/search", "/"])
def test_web_cache_a_repeated_search_gives_the_same_bytes_without_searching(built_index, searches, path):
    client = TestClient(create_app(built_index))
    first = client.get(path, params={"q": "samenwerking Twente"})
    again = client.get(path, params={"q": "samenwerking Twente"})
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert {k: v for k, v in again.headers.items() if k != "date"} == {
        k: v for k, v in first.headers.items() if k != "date"}
    assert searches == ["samenwerking Twente"]  # searched once
    assert "samenwerking" in again.text


def test_web_cache_different_parameters_do_not_share_an_answer(built_index, searches):
    client = TestClient(create_app(built_index))
    asked = [{"q": "samenwerking"}, {"q": "samenwerking", "size": "1"}, {"q": "samenwerking", "size": "1", "page": "2"},
             {"q": "samenwerking", "sort": "date"}, {"q": "samenwerking", "from": "2019"}, {"q": "regio"}]
    answers = [client.get("/api/search", params=p).json() for p in asked]
    assert len(searches) == len(asked)  # none was answered with another one's kept answer
    assert [a["query"] for a in answers] == [p["q"] for p in asked]
    assert answers[1]["page_size"] == 1 and answers[2]["page"] == 2 and answers[3]["sort"] == "date"
    assert answers[1]["results"] != answers[2]["results"]
    html = client.get("/", params={"q": "samenwerking"})  # the page is no JSON answer of the same search
    assert html.headers["content-type"].startswith("text/html") and len(searches) == len(asked) + 1
    # the same parameters written another way are the same search
    client.get("/api/search?q=samenwerking&size=1")
    client.get("/api/search?size=1&q=samenwerking")
    client.get("/api/search?q=samen%77erking&size=1")
    assert len(searches) == len(asked) + 1


def test_web_cache_a_rebuild_is_never_answered_from_the_old_index(tmp_path, corpus_copy, searches, empty_store):
    """For an index folder and for a PostgreSQL database alike."""
    from pipeline.build import build

    docs, ix = tmp_path / "docs", empty_store
    docs.mkdir()
    for name in ("001_759a8cb1d178ac04.txt", "003_d4d0686746b347e9.txt"):
        shutil.copy(corpus_copy / name, docs)
    build([docs], ix)
    client = TestClient(create_app(ix))  # one server, running across the build
    before = client.get("/api/search", params={"q": "samenwerking"}).json()
    assert client.get("/api/search", params={"q": "samenwerking"}).json() == before and len(searches) == 1
    shutil.copy(corpus_copy / "004_c4e96080b47c4daa.txt", docs)
    build([docs], ix)
    after = client.get("/api/search", params={"q": "samenwerking"}).json()
    assert len(searches) == 2  # searched anew
    assert after["documents"] == before["documents"] + 1
    assert "004_c4e96080b47c4daa" in {r["doc_id"] for r in after["results"]}
    page = client.get("/", params={"q": "samenwerking"})
    assert "004_c4e96080b47c4daa" in page.text


def test_web_cache_an_answer_cut_short_by_time_is_not_kept(built_index, searches, monkeypatch):
    monkeypatch.setattr(results, "SEARCH_BUDGET_S", 0.0)  # every search runs out of time
    client = TestClient(create_app(built_index))
    for _ in range(2):
        assert client.get("/api/search", params={"q": "samenwerking regio"}).status_code == 200
    assert len(searches) == 2  # a quicker run could find more: asked again, searched again


def test_web_cache_a_bad_request_is_not_kept(built_index, searches):
    client = TestClient(create_app(built_index))
    for _ in range(2):
        assert client.get("/api/search", params={"q": "samenwerking", "type": "geen-soort"}).status_code == 400
    assert client.app.state.answers.hits == 0 and len(client.app.state.answers) == 0


def test_web_cache_keeps_at_most_its_bound_least_recently_used_first(built_index):
    from starlette.requests import Request

    answers = cache.Answers(built_index, most=2)

    def request(q: str) -> Request:
        return Request({"type": "http", "method": "GET", "path": "/api/search", "query_string": f"q={q}".encode(),
                        "headers": []})

    generation = answers.generation()
    for q in ("a", "b", "c"):
        answers.get(answers.key(request(q)), generation)
        answers.put(answers.key(request(q)), generation, cache.finished(Response(q.encode()), True))
    assert answers.get(answers.key(request("a")), generation) is None  # the oldest went first
    assert answers.get(answers.key(request("c")), generation).body == b"c"
    assert len(answers) == 2
    unfinished = Response(b"d")  # a route that did not mark its answer finished
    answers.put(answers.key(request("d")), generation, unfinished)
    assert answers.get(answers.key(request("d")), generation) is None
    assert answers.get(answers.key(request("c")), ("another generation",)) is None  # a build since: all gone
    assert len(answers) == 0

