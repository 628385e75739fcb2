"""Shared fixtures: a copy of the sample corpus and an index built from it once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_copy(tmp_path_factory) -> Path:
    """A private copy of corpus/, so tests may add bad files to it."""
    dest = tmp_path_factory.mktemp("corpus")
    for f in CORPUS.iterdir():
        if f.is_file():
            shutil.copy(f, dest / f.name)
    return dest


@pytest.fixture(scope="session")
def built_index(tmp_path_factory, corpus_copy) -> Path:
    """An index built from the sample corpus (built once; tests must not modify it)."""
    from pipeline.build import build

    folder = tmp_path_factory.mktemp("index")
    report = build([corpus_copy], folder)
    assert not report.problems, report.problems
    return folder


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def nlp():
    from pipeline.extract import get_nlp

    return get_nlp()
