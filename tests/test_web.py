"""The web page: routes, escaping, the corpus fence for original files, facets; and a real browser."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

starlette = pytest.importorskip("starlette", reason="starlette is needed for the web app")
from starlette.testclient import TestClient  # noqa: E402

from pipeline.models import Passage  # noqa: E402
from pipeline.web import _pages, create_app, marked  # noqa: E402

ADVICE = "003_d4d0686746b347e9"
NOTE = "000_d1e22d0901ae206a"  # the PDF


@pytest.fixture(scope="module")
def client(built_index):
    return TestClient(create_app(built_index))


def test_web_search_page_shows_grouped_passages_with_marks(client):
    page = client.get("/", params={"q": "Veilig Thuis Twente"})
    assert page.status_code == 200
    assert f'data-doc="{ADVICE}"' in page.text
    assert "<mark>VTT</mark>" in page.text
    assert 'id="card"' in page.text and "Ook genoemd" in page.text


def test_web_empty_page_is_dutch(client):
    page = client.get("/")
    assert page.status_code == 200 and 'lang="nl"' in page.text and "Zoeken" in page.text


@pytest.mark.parametrize("odd, status", [('"unbalanced', 200), ("*", 400), ("x" * 2000, 200),
                                         ("regio\x00raad\x1b", 200), ("~^*?:", 200)])
def test_web_odd_queries_answer_with_a_page(client, odd, status):
    page = client.get("/", params={"q": odd})
    assert page.status_code == status  # nothing left to search for: a 400 that says so
    assert "Traceback" not in page.text and 'lang="nl"' in page.text


def test_web_bad_date_filter_is_a_message_not_an_error(client):
    page = client.get("/", params={"q": "samenwerking", "from": "gisteren"})
    assert page.status_code == 400 and 'role="alert"' in page.text


def test_web_facets_filter_the_results(client):
    page = client.get("/", params={"q": "samenwerking"})
    assert 'data-facet="type"' in page.text and "advies" in page.text
    filtered = client.get("/", params={"q": "samenwerking", "type": "advies"})
    assert f'data-doc="{ADVICE}"' in filtered.text
    assert f'data-doc="{NOTE}"' not in filtered.text


def test_web_snippet_markup_is_escaped_before_marking():
    assert str(marked("<script>alert(1)</script> **VTT**")) == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>VTT</mark>"


def test_web_document_text_is_escaped():
    text = "Pagina een <img src=x onerror=alert(1)>\nPagina twee"
    passages = [Passage(doc_id="d", passage_no=0, page=1, start=0, end=40, text=text[:40]),
                Passage(doc_id="d", passage_no=1, page=2, start=40, end=len(text), text=text[40:])]
    html = "".join(str(p["html"]) for p in _pages(text, passages, [], hit=0))
    assert "<img" not in html and "&lt;img" in html
    assert '<div class="hit"' in html


def test_web_document_page_has_page_anchors_and_file_link(client):
    page = client.get(f"/doc/{NOTE}", params={"q": "Twenteraad", "passage": "1"})
    assert page.status_code == 200
    assert 'id="page-1"' in page.text and 'id="page-3"' in page.text
    assert f'href="/file/{NOTE}#page=3"' in page.text


def test_web_unknown_document_is_404(client):
    assert client.get("/doc/nope").status_code == 404


def test_web_serves_the_original_file(client):
    response = client.get(f"/file/{NOTE}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content[:4] == b"%PDF"


@pytest.mark.parametrize("bad", ["..%2F..%2Fetc%2Fpasswd", "..%2Fspoor.db", "%2Fetc%2Fpasswd", "nope", "spoor.db", "whoosh"])
def test_web_file_route_refuses_anything_outside_the_corpus(client, bad):
    response = client.get(f"/file/{bad}")
    assert response.status_code == 404
    assert "root:" not in response.text


def test_web_file_route_refuses_a_stored_path_that_leaves_the_corpus(tmp_path, built_index):
    """A store whose path for a document points outside the corpus folder is not followed."""
    from pipeline.store.sqlite import Store

    folder = tmp_path / "ix"
    shutil.copytree(built_index, folder)
    outside = tmp_path / "secret" / f"{ADVICE}.txt"
    outside.parent.mkdir()
    outside.write_text("geheim")
    with Store(folder) as store, store.conn:
        store.conn.execute("UPDATE documents SET path = ? WHERE doc_id = ?", (str(outside), ADVICE))
    assert TestClient(create_app(folder)).get(f"/file/{ADVICE}").status_code == 404


def test_web_subject_page_shows_the_timeline(client):
    page = client.get("/subject", params={"q": "SSNT"})
    assert page.status_code == 200
    assert "Shared Service" in page.text and 'id="timeline"' in page.text
    assert client.get("/subject", params={"q": "gemeenten"}).status_code == 404


# -- a real browser -------------------------------------------------------------------------------
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def live_server(built_index):
    uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is needed to serve the app to a browser")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(built_index), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


def _no_sideways_scroll(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, "the page scrolls sideways"


def _filters(page, phone: bool) -> None:
    """On a phone the filters are in a drawer: open it."""
    if phone:
        assert not page.locator("#filters").is_visible()
        page.click("#drawer-open")
    assert page.locator("#filters").is_visible()


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
def test_web_in_a_real_browser(live_server, tmp_path_factory, width):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is not installed")
    shots = tmp_path_factory.mktemp(f"screenshots-{width}")
    phone = width < 600
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(live_server + "/")
            page.fill("input[name=q]", "Veilig Thuis Twente")
            page.press("input[name=q]", "Enter")
            page.wait_for_selector("article.doc")
            page.screenshot(path=str(shots / "1-results.png"), full_page=True)
            first = page.locator("article.doc").first
            assert "Versterking door focus en eenvoud" in first.locator("h2").inner_text()
            assert first.locator("mark").first.inner_text() in ("VTT", "Veilig", "Veilig Thuis")
            assert "2019-07-04" in first.inner_text() and "p. 1" in first.inner_text()
            assert page.locator("#card").is_visible() and "Veilig Thuis Twente" in page.locator("#card").inner_text()
            box = first.bounding_box()
            assert box["width"] > (0.85 * width if phone else 600)  # results take the width; on a phone before the filters
            if phone:  # the subject card, then the results, before any filter (they were ~4,800 px down)
                assert page.locator("#card").bounding_box()["y"] < 250 and box["y"] < 1400
            _no_sideways_scroll(page, width)

            # paging by documents, two at a time
            page.goto(live_server + "/?q=samenwerking&size=2")
            assert "5 documenten gevonden, pagina 1 van 3" in page.locator("#summary").inner_text()
            one = [page.locator("article.doc").nth(i).get_attribute("data-doc") for i in range(2)]
            page.click("#next")
            page.wait_for_url("**page=2**")
            two = [page.locator("article.doc").nth(i).get_attribute("data-doc") for i in range(page.locator("article.doc").count())]
            assert len(two) == 2 and not set(one) & set(two)
            page.screenshot(path=str(shots / "2-page-2.png"), full_page=True)

            # a facet on, then off with one click on its chip
            _filters(page, phone)
            page.locator("ul[data-facet=type] a", has_text="advies").click()
            page.wait_for_url("**type=advies**")
            assert "page=" not in page.url and page.locator("article.doc").count() == 1
            chip = page.locator(".chip[data-field=type]")
            assert chip.is_visible() and "advies" in chip.inner_text()
            page.screenshot(path=str(shots / "3-facet.png"), full_page=True)
            chip.locator("a").click()
            page.wait_for_load_state()
            assert "type=" not in page.url and page.locator(".chip").count() == 0

            # a Dutch date, then one that is none: a Dutch message, and the form keeps what was typed
            _filters(page, phone)
            page.fill("input[name=from]", "1 januari 2019")
            page.click("#filters button[type=submit]")
            page.wait_for_selector(".chip[data-field=from]")
            assert "1 januari 2019" in page.locator(".chip[data-field=from]").inner_text()
            dates = page.locator("article.doc .meta").all_inner_texts()
            assert dates and all(any(y in d for y in ("2019", "2021")) for d in dates)
            _filters(page, phone)
            page.fill("input[name=from]", "31-13-2019")
            page.click("#filters button[type=submit]")
            alert = page.locator("[role=alert]")
            assert alert.is_visible() and "bestaat niet in de kalender" in alert.inner_text()
            assert "error" not in alert.inner_text().casefold()
            assert page.locator("input[name=from]").input_value() == "31-13-2019"
            page.screenshot(path=str(shots / "4-bad-date.png"), full_page=True)

            # the feed of this search is announced and is Atom
            page.goto(live_server + "/?q=Twenteraad")
            feed = page.locator('link[rel=alternate][type="application/atom+xml"]').get_attribute("href")
            answer = page.request.get(live_server + feed)
            assert answer.ok and answer.headers["content-type"].startswith("application/atom+xml")
            assert "<feed" in answer.text() and "Eerste contour" in answer.text()

            # the document page: a passage's page, its decisions, the query's words, linked entities
            page.goto(live_server + "/?q=Twenteraad&type=notitie")
            passage = page.locator("p.passage").filter(has_text="Twenteraad").nth(1)
            page_no = passage.locator("a.page").first.inner_text().removeprefix("p. ")
            passage.locator("a.page").first.click()
            page.wait_for_selector("#title")
            assert page.url.endswith(f"#page-{page_no}")
            anchor = page.locator(f"#page-{page_no}")
            assert anchor.is_visible() and anchor.bounding_box()["y"] < 200  # scrolled to that page
            assert page.locator(".hit").first.is_visible() and "Twenteraad" in page.locator(".hit").first.inner_text()
            assert anchor.locator(f'a[href="/file/{NOTE}#page={page_no}"]').count() == 1
            page.screenshot(path=str(shots / "5-document.png"))
            assert page.locator("mark.q", has_text="Twenteraad").count() >= 1
            if not phone:
                heads = page.locator("#decisions th").all_inner_texts()
                assert heads[:4] == ["Datum", "Orgaan", "Status", "Wat"]
            assert "aangenomen" in page.locator("#decisions").inner_text()
            assert page.locator("a.ent").count() > 10  # every entity leads somewhere
            link = page.locator('a.ent[href^="/subject?q="]', has_text="Twenteraad").first
            _no_sideways_scroll(page, width)
            link.click()
            page.wait_for_selector("#timeline")

            for path, name in (("/tijdlijn", "6-timeline"), ("/status", "7-status")):
                page.goto(live_server + path)
                assert page.locator("h1").is_visible()
                _no_sideways_scroll(page, width)
                page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
            assert "Bestanden die niet gelezen konden worden" in page.inner_text("body")
        finally:
            browser.close()
    print(f"screenshots in {shots}")


def test_web_served_index_gets_its_common_words_as_arrays(tmp_path, corpus_copy):
    """`spoor serve` (create_app(warm=True)) has the postings arrays written by a separate process;
    searches answer meanwhile and after, the same."""
    import pipeline.search.engine as search_module
    from pipeline.build import build
    from pipeline.search.postings import CACHE

    docs, folder = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    for f in sorted(corpus_copy.glob("00[1-4]*.txt")):
        shutil.copy(f, docs / f.name)
    build([docs], folder)
    try:
        served = TestClient(create_app(folder, warm=True))
        before = served.get("/", params={"q": "Veilig Thuis Twente"})
        deadline = time.monotonic() + 120
        while not list((folder / CACHE).glob("*/meta.json")) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert list((folder / CACHE).glob("*/meta.json")), "the arrays were not written"
        time.sleep(1.1)  # the search state looks for them at most once a second
        after = served.get("/", params={"q": "Veilig Thuis Twente"})
        assert before.status_code == after.status_code == 200 and before.text == after.text
    finally:
        search_module.WARM_IN_BACKGROUND = False


def test_web_subject_card_speaks_dutch(client):
    """The evolution card's events and outcome come from English labels; the page shows them in Dutch."""
    page = client.get("/", params={"q": "Twenteraad"}).text
    card = page[page.index('id="card"'):page.index('id="summary"')]
    assert "vervangen door Twente Beraad" in card and "Uitkomst:" in card
    for english in ("proposed:", "replaced by", "also called", "realised as", "no outcome"):
        assert english not in card
    subject = client.get("/subject", params={"q": "Twenteraad"}).text
    assert "voorstel" in subject and "proposal" not in subject
    assert 'class="ref">notitie 2013, p.' in card  # the event's document by its reference, not "bron"


def test_web_timeline_page_is_dutch_with_filters_and_linked_sources(client):
    page = client.get("/tijdlijn", params={"orgaan": "DB"})
    assert page.status_code == 200 and 'lang="nl"' in page.text
    assert 'id="filters"' in page.text and "gebeurtenissen" in page.text
    assert "dagelijks bestuur" in page.text and 'href="/doc/' in page.text and "#page-1" in page.text
    bad = client.get("/tijdlijn", params={"van": "morgen"})
    assert bad.status_code == 400 and "morgen" in bad.text and 'role="alert"' in bad.text


@pytest.mark.parametrize("params, dutch", [
    ({"van": "morgen"}, "is geen datum"),
    ({"tot": "2021-02-30"}, "is geen dag van de kalender"),
    ({"status": "bogus"}, "is geen status"),
    ({"orgaan": "Zwemclub"}, "is geen orgaan"),
    ({"overheid": "Atlantis"}, "heeft geen gebeurtenissen"),
    ({"onderwerp": "qqqzzz"}, "geen onderwerp heet"),
])
def test_web_timeline_bad_filter_says_so_in_dutch(client, params, dutch):
    """Every bad filter of the timeline page is one Dutch line naming the value (the CLI keeps English)."""
    import re as regex

    page = client.get("/tijdlijn", params=params)
    alert = regex.search(r'role="alert"[^>]*>(.*?)</', page.text, regex.S)
    assert page.status_code == 400 and alert, page.text[:500]
    message = alert.group(1)
    assert dutch in message and next(iter(params.values())) in message
    for english in ("is no", "names no", "write a", "has no events", "no subject", "use one of", "Close"):
        assert english not in message
