"""The JSON API under /api/ and the Atom feeds of saved searches (issue 18)."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

pytest.importorskip("starlette", reason="starlette is needed for the web app")
from starlette.testclient import TestClient  # noqa: E402

from pipeline.web import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def client(built_index):
    return TestClient(create_app(built_index))


def test_api_search_pages_by_documents(client):
    first = client.get("/api/search", params={"q": "samenwerking", "size": 2})
    second = client.get("/api/search", params={"q": "samenwerking", "size": 2, "page": 2})
    assert first.status_code == second.status_code == 200
    a, b = first.json(), second.json()
    assert a["documents"] == b["documents"] == 5 and a["pages"] == 3 and b["page"] == 2
    assert len(a["results"]) == len(b["results"]) == 2
    assert not {r["doc_id"] for r in a["results"]} & {r["doc_id"] for r in b["results"]}
    assert a["next"] and "page=2" in a["next"]
    hit = a["results"][0]
    assert hit["passages"] and {"page", "snippet", "url", "original"} <= hit["passages"][0].keys()
    assert {"type", "year", "body", "government"} <= a["facets"].keys()


def test_api_search_json_is_what_the_standard_encoder_writes(client):
    """The API writes its JSON with pydantic's serialiser: the bytes are those of ``json.dumps`` as
    Starlette calls it (UTF-8, no spaces), Dutch letters and marks included."""
    import json

    for q in ("samenwerking", "wanneer besloot de gemeenteraad", "Twenteraad"):
        answer = client.get("/api/search", params={"q": q})
        assert answer.status_code == 200
        data = json.loads(answer.content)
        assert data["results"]
        assert answer.content == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    bad = client.get("/api/search", params={"q": "raad", "type": "geen-soort"})
    assert bad.status_code == 400 and bad.content == json.dumps(bad.json(), ensure_ascii=False,
                                                                separators=(",", ":")).encode("utf-8")


def test_api_search_twenteraad_page_2_answers_json(client):
    answer = client.get("/api/search", params={"q": "Twenteraad", "page": 2})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    data = answer.json()
    assert data["page"] == 2 and data["documents"] >= 1 and data["query"] == "Twenteraad"


def test_api_search_filters_like_the_cli(client):
    advies = client.get("/api/search", params={"q": "samenwerking", "type": "advies", "from": "jul 2019"}).json()
    assert [r["doc_type"] for r in advies["results"]] == ["advies"]
    gov = client.get("/api/search", params={"q": "samenwerking", "government": "enschede"}).json()
    assert gov["results"] and {r["government"] for r in gov["results"]} == {"Enschede"}


@pytest.mark.parametrize("params, parameter, valid", [
    ({"q": "Twenteraad", "type": "bogus"}, "type", "besluitenlijst"),
    ({"q": "Twenteraad", "from": "2019-13-45"}, "from", None),
    ({"q": "Twenteraad", "government": "Atlantis"}, "government", "Enschede"),
    ({"q": "Twenteraad", "sort": "random"}, "sort", "date_asc"),
    ({"q": "Twenteraad", "size": "1000"}, "size", None),
    ({"q": ""}, "q", None),
])
def test_api_a_bad_filter_is_a_400_in_json(client, params, parameter, valid):
    answer = client.get("/api/search", params=params)
    assert answer.status_code == 400 and answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert body["parameter"] == parameter and body["error"] and body["error_en"]
    if valid:
        assert valid in body["valid"]


def test_api_documents_decisions_timeline_subjects(client):
    docs = client.get("/api/documents", params={"type": "advies"}).json()
    assert docs["documents"] == 1 and docs["results"][0]["doc_id"] == "003_d4d0686746b347e9"
    one = client.get("/api/documents/003_d4d0686746b347e9").json()
    assert one["document"]["doc_type"] == "advies" and one["entities"]
    assert client.get("/api/documents/nope").status_code == 404
    decs = client.get("/api/decisions", params={"status": "aangenomen"}).json()
    assert decs["decisions"] and {d["status"] for d in decs["results"]} == {"adopted"}
    assert {d["status_nl"] for d in decs["results"]} == {"aangenomen"}
    assert client.get("/api/decisions", params={"status": "bogus"}).status_code == 400
    assert client.get("/api/decisions", params={"doc": "nope"}).status_code == 400
    events = client.get("/api/timeline", params={"from": "2012", "to": "dec 2013"}).json()
    assert events["events"] and all(e["date"][:4] in ("2012", "2013") for e in events["results"])
    assert client.get("/api/timeline", params={"subject": "Atlantis"}).status_code == 400
    subjects = client.get("/api/subjects", params={"label": "ORG"}).json()
    assert subjects["results"] and {s["label"] for s in subjects["results"]} == {"ORG"}
    assert client.get("/api/subjects", params={"label": "bogus"}).status_code == 400


def test_api_openapi_description_validates_and_names_every_endpoint(client):
    validator = pytest.importorskip("openapi_spec_validator")
    spec = client.get("/api/openapi.json").json()
    validator.validate(spec)
    routes = {r.path for r in client.app.routes if r.path.startswith("/api/") and r.path != "/api/openapi.json"}
    assert routes == set(spec["paths"])


# -- feeds ----------------------------------------------------------------------------------------------
def _entries(xml: str) -> list[ET.Element]:
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    # RFC 4287: a feed has one id, title and updated, an author (here the feed's), and each entry the same
    for tag in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{ATOM}{tag}")) == 1, tag
    assert RFC3339.match(root.find(f"{ATOM}updated").text)
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    entries = root.findall(f"{ATOM}entry")
    for e in entries:
        for tag in ("id", "title", "updated"):
            assert len(e.findall(f"{ATOM}{tag}")) == 1, tag
        assert RFC3339.match(e.find(f"{ATOM}updated").text)
        assert e.find(f"{ATOM}link[@rel='alternate']") is not None and e.find(f"{ATOM}summary") is not None
    assert len({e.find(f"{ATOM}id").text for e in entries}) == len(entries)
    return entries


def test_feed_of_a_saved_search_is_atom_and_announced(client):
    page = client.get("/", params={"q": "Twenteraad", "type": "notitie"}).text
    href = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', page).group(1)
    assert "type=notitie" in href
    answer = client.get(href.replace("&amp;", "&"))
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
    entries = _entries(answer.text)
    assert [e.find(f"{ATOM}id").text.rsplit("/", 1)[-1] for e in entries] == ["000_d1e22d0901ae206a"]
    assert client.get("/feed", params={"q": "Twenteraad", "from": "gisteren"}).status_code == 400


def test_feed_lists_a_document_added_by_a_later_build_first(tmp_path, corpus_copy):
    from pipeline.build import build

    docs, ix = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    for name in ("001_759a8cb1d178ac04.txt", "003_d4d0686746b347e9.txt"):
        shutil.copy(corpus_copy / name, docs)
    build([docs], ix)
    time.sleep(1.1)  # the store records arrival to the second
    shutil.copy(corpus_copy / "004_c4e96080b47c4daa.txt", docs)  # the oldest document, added last
    build([docs], ix)
    xml = TestClient(create_app(ix)).get("/feed", params={"q": "samenwerking"}).text
    entries = _entries(xml)
    ids = [e.find(f"{ATOM}id").text.rsplit("/", 1)[-1] for e in entries]
    assert ids[0] == "004_c4e96080b47c4daa" and len(ids) == 3
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated[0] > updated[1]
