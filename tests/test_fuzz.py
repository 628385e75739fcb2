"""No silent losses (issue 15): components run over arbitrary text, and a component that fails is reported.

The fuzz tests feed the date, entity and decision components random unicode, odd white space, long
runs of digits and dashes, tables of pipes and empty text; any exception is a failure. The other tests
check what a user sees when a component does fail: one log line naming the file and the component, the
document marked PARTIAL with a warning, and what the other components made kept.
"""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract_file, run_pipeline
from pipeline.models import Status
from pipeline.nlp import dates, entities

_FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])

# pieces real documents are made of, glued in random order
_PIECES = st.sampled_from([
    "De gemeenteraad", " besluit ", "Cie Ruimte", "commissie ", "wethouder De Vries", "Q2 2025", " 2025-11-4 ",
    "tweede kwartaal", "eind 1e kwartaal 2022", "tweede helft van 2023", "12-oktober", "Datum: 7 oktober 2015",
    " | ", "|---|---|", "\n", "\n\n", "\t", "\u00a0", "\u200b", "\u0301", " \u0301 ", "\ufeff", "-", "–", "—", "/",
    "0" * 40, "1234567890" * 5, "-" * 60, "." * 30, "(", ")", "'s-", "A.", "M.1", "€ 1.000,-", "artikel 2:3",
    "Gedeputeerde Staten van", "verenigde vergadering", "BO ATT", "ﬁ", "ẞ", "İ", "ǅ", "\U0001F600",
])
_TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join),
    st.sampled_from(["", " ", "\n" * 50, "|" * 500, "| a | b |\n" * 40, "- " * 300, "9" * 2000, "\u0301" * 20]),
)


@pytest.fixture(scope="module")
def recognizer(nlp):
    return nlp.get_pipe("spoor_entities")


@_FUZZ
@given(text=_TEXTS)
def test_fuzz_dates_never_raise(text):
    found, _, _ = dates.analyse(text)
    for dm in found:
        assert 0 <= dm.start <= dm.end <= len(text)
        assert text[dm.start:dm.end] == dm.text


@_FUZZ
@given(text=_TEXTS)
def test_fuzz_entities_never_raise(recognizer, text):
    for c in recognizer.find(text, {}):
        assert 0 <= c.start < c.end <= len(text)


@_FUZZ
@given(text=_TEXTS)
def test_fuzz_whole_pipeline_reports_no_failure(nlp, text):
    doc, failures = run_pipeline(nlp, text, {"doc_id": "fuzz"})
    assert failures == []
    assert doc.text == text


def test_fuzz_lone_combining_accent_keeps_the_entities(recognizer):
    # a combining acute after a space (a PDF's loose accent) made _kb_matches raise IndexError
    text = "De gemeenteraad \u0301 van Den Helder besluit; het college \u0301 voert uit."
    labels = {(c.label, text[c.start:c.end]) for c in recognizer.find(text, {})}
    assert ("ORGAN", "gemeenteraad") in labels


def test_fuzz_failing_component_marks_the_document(nlp, tmp_path, monkeypatch, caplog):
    path = tmp_path / "besluit.txt"
    path.write_text("Datum: 7 oktober 2015\n\nDe gemeenteraad van Den Helder heeft op 5 oktober 2015 besloten.\n",
                    encoding="utf-8")

    def broken(self, text, meta):
        raise IndexError("string index out of range")

    monkeypatch.setattr(entities.EntityRecognizer, "find", broken)
    with caplog.at_level(logging.WARNING, logger="pipeline.extract"):
        result = extract_file(path, nlp)
    assert result.status is Status.PARTIAL
    assert result.document is not None
    assert "component spoor_entities failed: IndexError: string index out of range" in result.document.warnings
    assert [e.message for e in result.errors] == ["component spoor_entities failed: IndexError: string index out of range"]
    # the dates component still did its work
    assert any(e.label == "DATE" and e.value == "2015-10-05" for e in result.entities)
    assert not any(e.label == "ORGAN" for e in result.entities)
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and "besluit.txt" in lines[0] and "spoor_entities" in lines[0]
    assert all(r.exc_info is None for r in caplog.records if r.levelno >= logging.WARNING)


def test_fuzz_healthy_document_is_a_success(nlp, tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("De raad besluit op 5 oktober 2015.\n", encoding="utf-8")
    result = extract_file(path, nlp)
    assert result.status is Status.SUCCESS
    assert not any("failed" in w for w in result.document.warnings)
