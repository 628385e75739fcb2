"""Extraction on a Dask cluster gives the same store as a local build, even when a worker dies (issue 9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """20 text documents (copies of corpus/ texts, each with its own marker) and one empty file."""
    dest = tmp_path_factory.mktemp("dcorpus")
    texts = sorted(CORPUS.glob("*.txt"))
    for i in range(20):
        src = texts[i % len(texts)]
        text = src.read_text(encoding="utf-8")
        (dest / f"{i:02d}_{src.stem}.txt").write_text(f"{text}\n\nKopie {i} voor de clustertest.\n", encoding="utf-8")
    (dest / "99_leeg.txt").write_bytes(b"")
    return dest


@pytest.fixture(scope="module")
def local_build(small_corpus, tmp_path_factory):
    folder = tmp_path_factory.mktemp("local")
    report = build([small_corpus], folder, workers=1)
    assert len(report.added) == 20 and len(report.problems) == 1
    return folder, report


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        yield cluster


def _records(folder: Path) -> list[dict]:
    with Store(folder) as store:
        return list(store.records())


@pytest.mark.slow
def test_distributed_local_cluster_gives_the_records_of_a_local_build(small_corpus, local_build, tmp_path):
    folder, local_report = local_build
    seen = []
    report = build([small_corpus], tmp_path / "ix", workers=2, scheduler="local",
                   progress=lambda path, n, total: seen.append((n, total)))
    assert _records(tmp_path / "ix") == _records(folder)
    assert report.problems == local_report.problems  # the empty file, reported as in a local run
    assert "is empty" in report.problems[0].message
    assert seen[-1] == (20, 20)  # the empty file is refused before any work is sent
    rebuilt = build([small_corpus], tmp_path / "ix", scheduler="local")  # nothing changed: no cluster work
    assert len(rebuilt.unchanged) == 20 and not rebuilt.added


@pytest.mark.slow
def test_distributed_build_survives_a_killed_worker(small_corpus, local_build, cluster, tmp_path):
    folder, _ = local_build
    first = threading.Event()
    done: list[int] = []
    outcome: dict = {}

    def progress(path, n, total):
        done.append(n)
        first.set()

    def run():
        try:
            outcome["report"] = build([small_corpus], tmp_path / "ix", scheduler=cluster.scheduler_address,
                                      progress=progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome["error"] = exc

    with distributed.Client(cluster) as client:
        pids = client.run(os.getpid)  # worker address -> pid
        thread = threading.Thread(target=run)
        thread.start()
        assert first.wait(120), "no document came back from the cluster"
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        done_at_kill = len(done)
        thread.join(300)
        assert not thread.is_alive(), "the build did not finish after a worker was killed"
        assert "error" not in outcome, outcome.get("error")
        assert victim not in client.run(os.getpid).values()  # the killed worker was replaced
    report = outcome["report"]
    assert done_at_kill < 20, "the worker was killed only after the last document"
    assert len(report.added) == 20 and len(report.problems) == 1
    assert _records(tmp_path / "ix") == _records(folder)


@pytest.mark.slow
def test_distributed_without_a_scheduler_dask_is_never_imported(tmp_path):
    code = ("import sys; from pathlib import Path; from pipeline.build import build; "
            f"r = build([Path({str(CORPUS / '001_759a8cb1d178ac04.txt')!r})], Path({str(tmp_path)!r})); "
            "assert r.added, r; print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_distributed_unreachable_scheduler_is_a_clean_exit(runner, tmp_path, monkeypatch):
    from pipeline import distributed as spoor_distributed
    from pipeline.cli import app

    monkeypatch.setattr(spoor_distributed, "CONNECT_TIMEOUT", "1s")
    result = runner.invoke(app, ["build", str(CORPUS / "001_759a8cb1d178ac04.txt"), "--index", str(tmp_path),
                                 "--scheduler", "tcp://127.0.0.1:9", "--quiet"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.output
