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


def _build_killing_a_worker(cluster, small_corpus, target):
    """Builds ``small_corpus`` into ``target`` on ``cluster`` and SIGKILLs a worker once the first document is
    back; returns the build's report (the build must finish, and the killed worker be replaced)."""
    first = threading.Event()
    done: list[int] = []
    outcome: dict = {}

    def progress(path, n, total):
        done.append(n)
        first.set()

    def run():
        try:
            outcome["report"] = build([small_corpus], target, scheduler=cluster.scheduler_address, progress=progress)
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
    assert done_at_kill < 20, "the worker was killed only after the last document"
    return outcome["report"]


@pytest.mark.slow
def test_distributed_build_survives_a_killed_worker(small_corpus, local_build, cluster, tmp_path):
    folder, _ = local_build
    report = _build_killing_a_worker(cluster, small_corpus, tmp_path / "ix")
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


# -- workers that write to a PostgreSQL store themselves (issue 19) ----------------------------------
def _pg_state(url: str) -> dict:
    """What a user reads from a store: records, subjects, relations, searchable passages, the word list."""
    from pipeline.store import open_store

    store = open_store(url)
    try:
        passages = [tuple(r) for r in store._tuples(
            "SELECT doc_id, passage_no, title, names, bodies, orgs, tsv::text FROM passages ORDER BY doc_id, passage_no")]
        return {"records": list(store.records()),
                "subjects": [s.model_dump() for s in store.subjects()],
                "relations": [r.model_dump() for r in store.relations()],
                "passages": passages,
                "vocabulary": sorted(tuple(r) for r in store._tuples("SELECT * FROM vocabulary")),
                "unindexed": store.stale_in_index(),
                "pending": bool(store.derived_state("worker_writes_pending"))}
    finally:
        store.close()


@pytest.fixture(scope="module")
def pg_local_build(small_corpus, pg_server) -> str:
    url = pg_server()
    report = build([small_corpus], url, workers=1)
    assert len(report.added) == 20 and len(report.problems) == 1
    return url


@pytest.mark.slow
def test_distributed_pg_workers_write_the_records_of_a_local_build(small_corpus, pg_local_build, pg_server,
                                                                     monkeypatch, tmp_path):
    from pipeline import distributed as spoor_distributed

    def no_single_writer(*args, **kwargs):
        raise AssertionError("the build's process received extractions to write")

    monkeypatch.setattr(spoor_distributed, "extract_on_cluster", no_single_writer)
    url = pg_server()
    seen = []
    report = build([small_corpus], url, workers=2, scheduler="local",
                   progress=lambda path, n, total: seen.append((n, total)))
    assert len(report.added) == 20 and len(report.problems) == 1 and "is empty" in report.problems[0].message
    assert seen[-1] == (20, 20)
    expected = _pg_state(pg_local_build)
    assert _pg_state(url) == expected
    assert expected["subjects"] and expected["passages"] and expected["unindexed"] == (set(), set())

    # a folder of its own, then one document changed and one removed: the workers write the one,
    # the build's last step removes the other, and both stores still agree
    docs = tmp_path / "docs"
    docs.mkdir()
    for f in sorted(small_corpus.iterdir()):
        docs.joinpath(f.name).write_bytes(f.read_bytes())
    on_cluster, local = pg_server(), pg_server()
    assert len(build([docs], on_cluster, scheduler="local").added) == 20
    assert len(build([docs], local, workers=1).added) == 20
    target = next(docs.glob("05_*.txt"))
    target.write_text(target.read_text(encoding="utf-8") + "\nDe gemeenteraad van Enschede besluit.\n", encoding="utf-8")
    next(docs.glob("00_*.txt")).unlink()
    again = build([docs], on_cluster, scheduler="local")
    assert again.updated == [target.stem] and len(again.removed) == 1 and len(again.unchanged) == 18
    reference = build([docs], local, workers=1)
    assert (reference.updated, reference.removed) == (again.updated, again.removed)
    assert _pg_state(on_cluster) == _pg_state(local)


@pytest.mark.slow
def test_distributed_pg_build_survives_a_killed_worker(small_corpus, pg_local_build, pg_server, cluster):
    url = pg_server()
    report = _build_killing_a_worker(cluster, small_corpus, url)
    assert len(report.added) == 20 and len(report.problems) == 1
    assert _pg_state(url) == _pg_state(pg_local_build)


@pytest.mark.slow
def test_distributed_pg_build_stopped_before_its_last_step_is_finished_by_the_next(small_corpus, pg_local_build,
                                                                                   pg_server, monkeypatch):
    """The workers stored every document, then the build's process died before linking and subjects:
    the next build, with no file changed, still links and derives them."""
    from pipeline import build as spoor_build

    url = pg_server()

    def dies(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(spoor_build, "refresh_subjects", dies)
        with pytest.raises(KeyboardInterrupt):
            build([small_corpus], url, scheduler="local")
    assert _pg_state(url)["pending"]
    report = build([small_corpus], url, scheduler="local")
    assert len(report.unchanged) == 20 and not report.added
    assert _pg_state(url) == _pg_state(pg_local_build)
