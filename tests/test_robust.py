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
from pipeline.store import Store

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
