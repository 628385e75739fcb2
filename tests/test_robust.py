"""A build killed at any moment leaves the previous store and index usable; the next build completes."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.search import search
from pipeline.store.sqlite import Store

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def _corpus(folder: Path, copies: int, marker: str) -> None:
    texts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "corpus").glob("*.txt"))]
    for n in range(copies):
        (folder / f"doc{n:03d}.txt").write_text(f"{texts[n % len(texts)]}\n\nKenmerk {marker} {n}.\n",
                                                 encoding="utf-8")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_robust_killed_build_keeps_previous_state(tmp_path, seed):
    docs, ix = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    _corpus(docs, 12, "kenmerkalfa")
    build([docs], ix, workers=1)
    before = search(ix, "kenmerkalfa", limit=50).total
    assert before > 0

    _corpus(docs, 12, "kenmerkbravo")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "build", str(docs), "--index", str(ix),
                             "--quiet", "--no-summary", "--workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    time.sleep(random.Random(seed).uniform(0.5, 4.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    # The last committed state still opens and answers (old or new, never broken).
    after = search(ix, "kenmerkalfa OR kenmerkbravo", limit=50)
    assert after.total >= before
    with Store(ix) as store:
        assert store.counts()["documents"] == 12

    report = build([docs], ix, workers=1)
    assert not report.problems
    assert search(ix, "kenmerkbravo", limit=50).total >= 12
    assert search(ix, "kenmerkalfa", limit=50).total == 0


def _crash(kind: str):
    """A stand-in for the index writer processes' work that fails in the way ``kind`` says."""
    import os

    def raise_(self, filename, doc_count):
        raise KeyError("spell_text")  # as seen when the schema changed under a running build

    def kill(self, filename, doc_count):
        os.kill(os.getpid(), signal.SIGKILL)

    def vanish(self):  # ends normally without handing over its segment
        return None

    return {"raise": ("_process_file", raise_), "signal": ("_process_file", kill), "vanish": ("run", vanish)}[kind]


@pytest.mark.parametrize("kind,cause", [("raise", "KeyError: 'spell_text'"), ("signal", "killed by SIGKILL"),
                                        ("vanish", "without handing over a segment")])
def test_robust_failed_index_process_fails_the_build_and_changes_nothing(tmp_path, monkeypatch, kind, cause):
    from typer.testing import CliRunner

    import pipeline.index.writer as windex
    from pipeline.cli import app

    docs, ix = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    monkeypatch.setattr(windex, "PARALLEL_MIN_DOCS", 2)  # the index is written by two processes
    args = ["build", str(docs), "--index", str(ix), "--quiet", "--no-summary", "--workers", "2"]
    _corpus(docs, 8, "kenmerkalfa")
    assert CliRunner().invoke(app, args).exit_code == 0
    before = search(ix, "kenmerkalfa", limit=50).total
    assert before >= 8

    _corpus(docs, 8, "kenmerkbravo")
    with monkeypatch.context() as m:
        m.setattr(windex._SubWriter, *_crash(kind))
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    message = result.stderr.strip()
    assert message.startswith("error: the search index") and "could not be written" in message
    assert cause in message and "Traceback" not in result.output + result.stderr
    # Nothing changed: the previous index answers, the store holds the previous texts.
    assert search(ix, "kenmerkalfa", limit=50).total == before
    assert search(ix, "kenmerkbravo", limit=50).total == 0
    with Store(ix) as store:
        assert "kenmerkalfa" in store.document("doc000")[1]

    # The next build completes.
    assert CliRunner().invoke(app, args).exit_code == 0
    assert search(ix, "kenmerkbravo", limit=50).total >= 8
    assert search(ix, "kenmerkalfa", limit=50).total == 0


def test_robust_failed_index_commit_is_one_line_and_the_next_build_indexes(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import pipeline.index.writer as windex
    from pipeline.cli import app

    docs, ix = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    monkeypatch.setattr(windex, "PARALLEL_MIN_DOCS", 2)
    args = ["build", str(docs), "--index", str(ix), "--quiet", "--no-summary", "--workers", "2"]
    _corpus(docs, 8, "kenmerkalfa")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:  # the store commits, then writing the index's table of contents fails
        m.setattr(windex._MpWriter, "_commit_toc", full_disk)
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "could not be committed" in result.stderr and "No space left on device" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert CliRunner().invoke(app, args).exit_code == 0  # indexes what the store holds and the index lacks
    assert search(ix, "kenmerkalfa", limit=50).total >= 8
