"""Hostile documents and odd file names on the web page: originals that could run a script are a
download, security headers on every response, any file name reaches its document, bad parameters are a 400."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("starlette", reason="starlette is needed for the web app")
from starlette.testclient import TestClient  # noqa: E402

from pipeline.web import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TEXT = ("Het college van burgemeester en wethouders heeft op 3 maart 2021 besloten de subsidie voor het "
        "buurthuis De Kroon te verlengen tot en met 2024.\n\nDe gemeenteraad stemt in met het voorstel.\n")
HOSTILE = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Raadsinformatiebrief snippertocht</title>
<script>localStorage.setItem("pwned", "ja"); document.title = "PWNED";</script></head>
<body><h1>Raadsinformatiebrief snippertocht</h1><p>Het college informeert de raad over de snippertocht van 2022.</p>
<svg xmlns="http://www.w3.org/2000/svg" onload="localStorage.setItem('pwned', 'svg')"/></body></html>
"""
NAMES = ["raadsbesluit buurthuis 2021", "Besluit café Ñandú – 2²", "notulen #3 & 50% ?x=1", "brief\nmet regel"]


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("safety")
    docs = base / "docs"
    docs.mkdir()
    (docs / "brief snippertocht.xhtml").write_text(HOSTILE, encoding="utf-8")
    for n, name in enumerate(NAMES):
        (docs / f"{name}.txt").write_text(TEXT + f"\nKenmerk zonderling{n}.\n", encoding="utf-8")
    # Built from the folder above the corpus with a relative path, as people type it.
    subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "docs", "--index", "ix", "--quiet",
                    "--no-summary", "--workers", "1"], cwd=base, check=True, capture_output=True)
    return base / "ix"


@pytest.fixture(scope="module")
def client(index):
    return TestClient(create_app(index))


def test_web_safety_headers_on_every_route(client):
    for url in ["/", "/?q=subsidie", "/doc/nope", "/status", "/tijdlijn", "/api/search?q=subsidie", "/static/drawer.js",
                f"/file/{quote('raadsbesluit buurthuis 2021')}", "/nope"]:
        r = client.get(url)
        assert r.headers["x-content-type-options"] == "nosniff", url
        assert r.headers["x-frame-options"] == "DENY", url
        assert r.headers["referrer-policy"], url
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[-1].split(";")[0], url


def test_web_safety_html_original_is_a_download(client):
    r = client.get(f"/file/{quote('brief snippertocht', safe='')}")
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("attachment")
    assert "html" not in r.headers["content-type"] and "xml" not in r.headers["content-type"]
    assert "sandbox" in r.headers["content-security-policy"]
    text = client.get(f"/file/{quote('raadsbesluit buurthuis 2021', safe='')}")
    assert text.headers["content-disposition"].startswith("inline")
    assert text.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize("name", NAMES)
def test_web_safety_any_file_name_reaches_its_document_and_file(client, name):
    doc = client.get(f"/doc/{quote(name, safe='')}")
    assert doc.status_code == 200, name
    assert "buurthuis De Kroon" in doc.text
    assert f'href="/file/{quote(name, safe="")}"' in doc.text  # the page links to the original so it opens
    original = client.get(f"/file/{quote(name, safe='')}")
    assert original.status_code == 200 and "buurthuis De Kroon" in original.text


def test_web_safety_search_links_reach_documents_with_odd_names(client):
    page = client.get("/api/search", params={"q": "zonderling2"})
    url = page.json()["results"][0]["url"]
    assert client.get(url.split("#")[0]).status_code == 200


def test_web_safety_serves_files_from_another_folder(index, tmp_path):
    """The build ran in the corpus's parent folder; serving from elsewhere still finds the originals."""
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        r = TestClient(create_app(index)).get(f"/file/{quote('raadsbesluit buurthuis 2021', safe='')}")
    finally:
        os.chdir(here)
    assert r.status_code == 200 and "buurthuis" in r.text


@pytest.mark.parametrize("query", ["passage=%C2%B2", "passage=abc", "passage=1e3", "passage=" + "9" * 5000,
                                   "passage=-1"])
def test_web_safety_invalid_passage_is_400(client, query):
    r = client.get(f"/doc/{quote('raadsbesluit buurthuis 2021', safe='')}?{query}")
    assert r.status_code == 400


@pytest.mark.parametrize("query", ["page=%C2%B2", "size=%C2%B2", "page=" + "9" * 5000, "size=" + "9" * 5000])
def test_web_safety_odd_numbers_never_a_500(client, query):
    assert client.get(f"/?q=subsidie&{query}").status_code < 500
    assert client.get(f"/api/search?q=subsidie&{query}").status_code < 500
    assert client.get(f"/api/documents?{query}").status_code < 500


@pytest.mark.slow
def test_web_safety_xhtml_original_runs_no_script_in_a_browser(index):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
    uvicorn = pytest.importorskip("uvicorn")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(index), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_context(accept_downloads=True).new_page()
                page.goto(base + "/doc/" + quote("brief snippertocht", safe=""))
                assert "snippertocht" in page.content()
                with page.expect_download():  # the link to the original saves it, it does not open it
                    page.click("#original")
                try:
                    page.goto(base + "/file/" + quote("brief snippertocht", safe=""))
                except sync_api.Error:
                    pass  # a download, not a page
                page.goto(base + "/")
                assert page.evaluate("localStorage.getItem('pwned')") is None
                assert page.title() != "PWNED"
            finally:
                browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=5)
