"""Every query parameter of every route answers a bad value with a 400 that names it, never a 500 or a
silent default (issue 20)."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette", reason="starlette is needed for the web app")
from starlette.testclient import TestClient  # noqa: E402

from pipeline.web import create_app  # noqa: E402

Q = {"q": "samenwerking"}
BAD_NUMBERS = ["abc", "0", "-1", "²", "1e3", "9" * 40]

CASES = [
    # route, parameters, the parameter at fault
    *[("/api/search", {**Q, "page": v}, "page") for v in BAD_NUMBERS],
    *[("/api/search", {**Q, "size": v}, "size") for v in [*BAD_NUMBERS, "101"]],
    ("/api/search", {**Q, "type": "bogus"}, "type"),
    ("/api/search", {**Q, "from": "gisteren"}, "from"),
    ("/api/search", {**Q, "to": "2019-02-30"}, "to"),
    ("/api/search", {**Q, "sort": "random"}, "sort"),
    ("/api/search", {**Q, "government": "Atlantis"}, "government"),
    ("/api/search", {**Q, "body": "Raad van Atlantis"}, "body"),
    ("/api/search", {**Q, "org": "Atlantis BV"}, "org"),
    ("/api/search", {"q": ""}, "q"),
    ("/api/search", {"q": "* ?"}, "q"),
    *[("/api/documents", {"page": v}, "page") for v in BAD_NUMBERS],
    *[("/api/documents", {"size": v}, "size") for v in BAD_NUMBERS],
    ("/api/documents", {"type": "bogus"}, "type"),
    ("/api/documents", {"from": "gisteren"}, "from"),
    ("/api/documents", {"to": "13-2019"}, "to"),
    ("/api/documents", {"government": "Atlantis"}, "government"),
    ("/api/decisions", {"from": "gisteren"}, "from"),
    ("/api/decisions", {"to": "2019-13"}, "to"),
    ("/api/decisions", {"status": "bogus"}, "status"),
    ("/api/decisions", {"doc": "nope"}, "doc"),
    ("/api/timeline", {"from": "gisteren"}, "from"),
    ("/api/timeline", {"to": "2019-13"}, "to"),
    ("/api/timeline", {"status": "bogus"}, "status"),
    ("/api/timeline", {"subject": "Atlantis"}, "subject"),
    ("/api/subjects", {"label": "bogus"}, "label"),
]

PAGES = [
    ("/", {**Q, "page": "abc"}), ("/", {**Q, "page": "²"}), ("/", {**Q, "size": "0"}), ("/", {**Q, "size": "1000"}),
    ("/", {**Q, "type": "bogus"}), ("/", {**Q, "from": "gisteren"}), ("/", {**Q, "sort": "random"}),
    ("/", {**Q, "government": "Atlantis"}), ("/", {"q": "* ?"}),
    ("/feed", {**Q, "from": "gisteren"}), ("/feed", {**Q, "type": "bogus"}), ("/feed", {"q": ""}),
    ("/tijdlijn", {"van": "gisteren"}), ("/tijdlijn", {"tot": "2019-13"}), ("/tijdlijn", {"onderwerp": "Atlantis"}),
    ("/tijdlijn", {"status": "bogus"}),
    ("/doc/003_d4d0686746b347e9", {"passage": "²"}), ("/doc/003_d4d0686746b347e9", {"passage": "abc"}),
]


@pytest.fixture(scope="module")
def client(built_index):
    return TestClient(create_app(built_index))


@pytest.mark.parametrize("route, params, parameter", CASES)
def test_web_params_a_bad_api_parameter_is_a_400_naming_it(client, route, params, parameter):
    answer = client.get(route, params=params)
    assert answer.status_code == 400, answer.text[:300]
    body = answer.json()
    assert body["parameter"] == parameter and body["error"] and body["error_en"]


@pytest.mark.parametrize("route, params", PAGES)
def test_web_params_a_bad_page_parameter_is_a_400(client, route, params):
    assert client.get(route, params=params).status_code == 400


@pytest.mark.parametrize("route, params", [
    ("/api/search", {**Q, "page": "2", "size": "100"}), ("/api/documents", {"page": "1", "size": "5"}),
    ("/", {**Q, "page": "2"}), ("/tijdlijn", {"van": "2012"}), ("/api/timeline", {"from": "dec 2013"}),
])
def test_web_params_good_values_still_answer(client, route, params):
    assert client.get(route, params=params).status_code == 200
