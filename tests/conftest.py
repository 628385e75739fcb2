"""Shared fixtures: a copy of the sample corpus and an index built from it once per session."""

from __future__ import annotations

import os
import shutil
import uuid
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


# -- both storage backends ------------------------------------------------------------------------
# The store and search tests run against the embedded default (SQLite + Whoosh in a folder) and a
# PostgreSQL database. SPOOR_TEST_PG is a role allowed to create databases (.ci/run makes one);
# without a server the PostgreSQL cases are skipped, unless SPOOR_TEST_PG_REQUIRED=1 (CI) fails them.
PG_ADMIN = os.environ.get("SPOOR_TEST_PG", "postgresql://spoor:spoor@localhost/spoor")


@pytest.fixture(scope="session")
def pg_server():
    """A function making fresh, empty databases on the test server (all dropped at the end)."""
    try:
        import psycopg

        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5)
    except Exception as exc:  # noqa: BLE001 - any reason the server is not there
        if os.environ.get("SPOOR_TEST_PG_REQUIRED") == "1":
            pytest.fail(f"PostgreSQL at {PG_ADMIN} is required (SPOOR_TEST_PG_REQUIRED=1): {exc}")
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN}: {exc}")
    made = []

    def new_database() -> str:
        name = f"spoor_test_{uuid.uuid4().hex[:12]}"
        admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return PG_ADMIN.rsplit("/", 1)[0] + "/" + name

    yield new_database
    for name in made:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture()
def empty_store(request, backend, tmp_path) -> str:
    """A store target nothing was built in yet: an index folder or a database address."""
    if backend == "sqlite":
        return str(tmp_path / "index")
    return request.getfixturevalue("pg_server")()


@pytest.fixture(scope="session")
def built_store(request, backend, tmp_path_factory, corpus_copy) -> str:
    """The sample corpus built once per backend into a folder or a database (tests must not modify it)."""
    from pipeline.build import build

    if backend == "sqlite":
        return str(request.getfixturevalue("built_index"))
    target = request.getfixturevalue("pg_server")()
    report = build([corpus_copy], target)
    assert not report.problems, report.problems
    return target


def render_dutch_scan(png: Path) -> Path:
    """A picture of two lines of Dutch text at 300 dpi, as a scanner makes it (for OCR tests)."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1700, 500), 255)
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 56)
    except OSError:
        font = ImageFont.load_default(size=56)
    for i, line in enumerate(["De gemeenteraad besluit", "de begroting vast te stellen."]):
        draw.text((60, 60 + 110 * i), line, fill=0, font=font)
    img.save(png, dpi=(300, 300))
    return png
