from __future__ import annotations

import pytest

from pipeline.extract import analyse, chunks, passages
from pipeline.models import CleanText

TEXT = ("Het college van burgemeester en wethouders besluit op 12 januari 2016 het plan vast te stellen.\n\n"
        + "Een alinea over de regio. " * 60 + "\n\nKort.\n\nNog een korte alinea.\n")


def test_extract_passages_never_straddle_pages():
    cleaned = CleanText(text=TEXT + TEXT, page_starts=[0, len(TEXT)])
    ps = passages("d", cleaned, size=300)
    assert ps and all(p.end - p.start <= 300 for p in ps)
    for p in ps:
        assert cleaned.page_of(p.start) == cleaned.page_of(p.end - 1) == p.page
    assert {p.page for p in ps} == {1, 2}
    assert [p.passage_no for p in ps] == list(range(len(ps)))


def test_extract_passages_keep_the_text_at_their_offsets():
    cleaned = CleanText(text=TEXT)
    for p in passages("d", cleaned):
        assert cleaned.text[p.start:p.end] == p.text


@pytest.mark.parametrize("size", [50, 333, 10_000])
def test_extract_chunks_cover_the_text_exactly(size):
    pieces = list(chunks(TEXT * 5, size))
    assert "".join(p for _, p in pieces) == TEXT * 5
    assert all(text == (TEXT * 5)[off:off + len(text)] for off, text in pieces)


def test_extract_entity_offsets_point_into_the_text_across_chunks(nlp, monkeypatch):
    import pipeline.extract as ex

    monkeypatch.setattr(ex, "CHUNK_CHARS", 400)
    text = TEXT * 4
    result = analyse("d", CleanText(text=text, page_starts=[0, len(text) // 2]), nlp)
    assert result.document.pages == 2
    for e in result.entities:
        assert text[e.start:e.end] == e.text
        assert e.page == (1 if e.start < len(text) // 2 else 2)
    for d in result.decisions:
        assert text[d.start:d.end] == d.text


def test_extract_empty_file_is_a_failure_naming_the_problem(tmp_path):
    from pipeline.extract import extract_file

    f = tmp_path / "leeg.txt"
    f.write_text("")
    result = extract_file(f)
    assert result.status.value == "failure"
    assert "leeg.txt" in str(result.errors[0]) and "empty" in str(result.errors[0])
