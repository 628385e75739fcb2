"""Benchmark extraction on a Dask cluster and project it to N machines (issue 9).

Run:  .venv/bin/python bench/bench_distributed.py                 # 120 generated documents, ~2 minutes
      .venv/bin/python bench/bench_distributed.py --docs 400 --corpus DIR

Measures on this machine, over text documents made by ``bench/make_corpus.py`` (or ``--corpus``):

* the per-document cost of extraction in one process (spaCy pipeline loaded, files on local disk);
* extraction throughput on a Dask ``LocalCluster`` of 1 and of 2 worker processes (warm workers:
  the pipeline is loaded before the clock starts), documents/s and words/s, and the size of a
  pickled ``Extraction`` (what travels from a worker to the writer);
* the single writer's own cost per document: ``Store.put`` (in one transaction) and the Whoosh
  index write, plus the corpus-wide passes after extraction (relinking, subjects), which also run
  in the writer's process;
* a whole ``build(..., scheduler="local", workers=2)``, end to end.

From these it prints a projection for N machines like this one (N = 1, 4, 16, 64): extraction scales
with the number of worker processes at the efficiency measured from 1 to 2 workers here, and is
capped by the single writer (1 / (put + index) documents/s) and by the network into the writer
(1 Gbit/s assumed). "Whole build" adds what a build does after extraction, in the writer's
process alone: relinking and subjects over the corpus and the index write, at the cost per document
measured here. Speed is only ever measured here, never in a unit test.

``--pg postgresql://user:pw@host/db`` (a role that may create databases) measures the PostgreSQL cluster
path instead (issue 19), each run in a new database dropped afterwards: whole builds with
``--scheduler`` on a LocalCluster of 1 and 2 workers, once with the workers writing their documents to
the database themselves and once, for comparison, with the build's process as the single writer; the
per-document costs measured in one process (extraction; a worker's write: put + searchable columns in
one transaction; the single writer's put); the corpus-wide step at the end (from the build's own phase
log). Its projection to N machines says which figures are measured and which assumed.
"""

from __future__ import annotations

import argparse
import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.index import writer as windex  # noqa: E402
from pipeline.build import _index_input, _relink, build  # noqa: E402
from pipeline.distributed import extract_on_cluster  # noqa: E402
from pipeline.extract import extract_file, get_nlp, iter_files, sha256_of  # noqa: E402
from pipeline.store.sqlite import Store  # noqa: E402
from pipeline.link.subjects import refresh_if_needed  # noqa: E402

MACHINES = (1, 4, 16, 64)
NETWORK_BYTES_S = 125e6  # 1 Gbit/s into the writer's machine


def make_corpus(out: Path, docs: int) -> Path:
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(out), "--docs", str(docs),
                    "--pdf-share", "0"], check=True, stdout=subprocess.DEVNULL)
    return out / "text"


def cluster_run(todo, workers: int) -> tuple[float, list]:
    """Seconds to extract ``todo`` on a warm LocalCluster of ``workers`` processes, and the results."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        list(extract_on_cluster(todo[:workers * 2], cluster.scheduler_address))  # warm: pipeline loaded
        start = time.perf_counter()
        results = list(extract_on_cluster(todo, cluster.scheduler_address))
        return time.perf_counter() - start, results


def writer_costs(results, folder: Path) -> dict[str, float]:
    """Seconds per document of the single writer: store.put, index write, relink + subjects."""
    store = Store(folder)
    try:
        start = time.perf_counter()
        with store.conn:
            for r in results:
                store.put(r)
        put = time.perf_counter() - start
        start = time.perf_counter()
        with store.conn:
            _relink(store)
            refresh_if_needed(store, changed=True)
        passes = time.perf_counter() - start
        start = time.perf_counter()
        windex.write(folder, [], _index_input(store, {r.document.doc_id for r in results}))
        index = time.perf_counter() - start
    finally:
        store.close()
    n = len(results)
    return {"put": put / n, "index": index / n, "passes": passes / n}


def print_projection(per_machine: float, efficiency: float, costs: dict, msg_bytes: float, words_per_doc: float) -> None:
    writer_cap = 1 / (costs["put"] + costs["index"])
    network_cap = NETWORK_BYTES_S / msg_bytes
    print(f"\nprojection (machines like this one, 2 workers each; scaling efficiency {efficiency:.2f} "
          f"as measured from 1 to 2 workers; writer cap {writer_cap:.0f} docs/s, network cap {network_cap:.0f} docs/s):\n")
    print("| machines | workers | extraction capacity docs/s | streaming to the writer docs/s | limited by "
          "| whole build docs/s | whole build words/s |")
    print("|---:|---:|---:|---:|---|---:|---:|")
    for machines in MACHINES:
        capacity = per_machine * machines * (efficiency if machines > 1 else 1.0)
        streaming = min(capacity, writer_cap, network_cap)
        limit = ("extraction" if streaming == capacity else
                 "writer (store.put + index)" if streaming == writer_cap else "network into the writer")
        # today's build: store.put overlaps extraction; relinking, subjects and the index come after it
        whole = 1 / (max(1 / capacity, costs["put"]) + costs["passes"] + costs["index"])
        print(f"| {machines} | {2 * machines} | {capacity:,.0f} | {streaming:,.0f} | {limit} | "
              f"{whole:,.1f} | {whole * words_per_doc:,.0f} |")


# -- PostgreSQL: workers that write (issue 19) ----------------------------------------------------------
DB_CORES = 8  # assumed: cores of the database server, each keeping one worker's writes going


class _Phases(logging.Handler):
    """The build's own phase log (``_Clock``): (what, seconds) of each phase."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.laps: list[tuple[str, float]] = []

    def emit(self, record) -> None:
        what, _, rest = record.getMessage().rpartition(" in ")
        if rest.endswith(" s") and what:
            self.laps.append((what, float(rest[:-2])))


class _Databases:
    """New empty databases on the server at ``server`` (its last path part is replaced), dropped at the end."""

    def __init__(self, server: str) -> None:
        import psycopg

        self.server, self.made = server, []
        self.admin = psycopg.connect(server, autocommit=True, connect_timeout=10)

    def new(self) -> str:
        import uuid

        from pipeline.store import open_store

        name = f"spoor_bench_{uuid.uuid4().hex[:10]}"
        self.admin.execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        url = self.server.rsplit("/", 1)[0] + "/" + name
        open_store(url).close()  # the schema, made before any clock starts
        return url

    def close(self) -> None:
        for name in self.made:
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.close()


def pg_build(corpus: Path, url: str, workers: int, by_workers: bool) -> tuple[float, list[tuple[str, float]]]:
    """Seconds of a whole ``build(corpus, url, scheduler=...)`` on a warm LocalCluster, and its phases."""
    from distributed import LocalCluster

    from pipeline.store.postgres import PgStore

    todo = [(p, sha256_of(p)) for p in iter_files([corpus])]
    phases = _Phases()
    log = logging.getLogger("pipeline.build")
    was_writers, was_level = PgStore.concurrent_writers, log.level
    with LocalCluster(n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        list(extract_on_cluster(todo[:workers * 2], cluster.scheduler_address))  # warm: pipeline loaded
        PgStore.concurrent_writers = by_workers
        log.addHandler(phases)
        log.setLevel(logging.INFO)
        try:
            start = time.perf_counter()
            report = build([corpus], url, scheduler=cluster.scheduler_address)
            seconds = time.perf_counter() - start
        finally:
            PgStore.concurrent_writers, _ = was_writers, log.removeHandler(phases)
            log.setLevel(was_level)
    assert not report.problems, report.problems
    return seconds, phases.laps


def pg_write_costs(results, dbs: _Databases) -> dict[str, float]:
    """Seconds per document, in one process: a worker's write (``store_extraction``: put, searchable
    columns, indexed mark, one transaction each) and the single writer's put (one transaction for all)."""
    from pipeline.distributed import store_extraction
    from pipeline.store import open_store

    store = open_store(dbs.new())
    try:
        start = time.perf_counter()
        for r in results:
            store_extraction(store, r)
        worker = time.perf_counter() - start
    finally:
        store.close()
    store = open_store(dbs.new())
    try:
        start = time.perf_counter()
        with store.transaction():
            for r in results:
                store.put(r)
        single = time.perf_counter() - start
    finally:
        store.close()
    return {"worker_write": worker / len(results), "put": single / len(results)}


def pg_main(corpus: Path, server: str, todo, local, one_process: float, words: int, msg_bytes: float) -> None:
    from pipeline.store.postgres import safe_url

    n = len(todo)
    dbs = _Databases(server)
    try:
        rows, phases = {}, {}
        for by_workers in (True, False):
            for workers in (1, 2):
                seconds, laps = pg_build(corpus, dbs.new(), workers, by_workers)
                per_doc = laps[0][1] if laps else seconds
                rows[by_workers, workers] = (seconds, per_doc, sum(t for _, t in laps[1:]))
                phases[by_workers, workers] = laps
        costs = pg_write_costs([r for r in local if r.document], dbs)
    finally:
        dbs.close()

    print(f"corpus: {n} documents, {words:,} words ({words / n:,.0f} per document), {os.cpu_count()} cores; "
          f"store {safe_url(server)} (a new database per run)\n")
    print("| run (--scheduler, LocalCluster, PostgreSQL) | workers | whole build docs/s | words/s "
          "| per-document phase s | corpus-wide step s |")
    print("|---|---:|---:|---:|---:|---:|")
    for (by_workers, workers), (seconds, per_doc, tail) in rows.items():
        name = "workers write their documents" if by_workers else "single writer (the build's process)"
        print(f"| {name} | {workers} | {n / seconds:.1f} | {words / seconds:,.0f} | {per_doc:.1f} | {tail:.1f} |")
    for by_workers in (True, False):
        print(f"\nphases, 2 workers, {'workers write' if by_workers else 'single writer'}: "
              + "; ".join(f"{what} {t:.2f} s" for what, t in phases[by_workers, 2]))
    one, two = rows[True, 1], rows[True, 2]
    print(f"\nworkers write, 2 vs 1 worker: whole build {one[0] / two[0]:.2f}x, per-document phase "
          f"{one[1] / two[1]:.2f}x")
    print(f"per document (measured, one process): extraction {one_process / n * 1000:.1f} ms; a worker's write "
          f"(put + searchable columns, own transaction) {costs['worker_write'] * 1000:.1f} ms; the single writer's "
          f"put {costs['put'] * 1000:.1f} ms; corpus-wide step {two[2] / n * 1000:.1f} ms per document at "
          f"{n} documents")

    # projection: the per-document path scales with the workers at the efficiency measured from 1 to 2;
    # the database is assumed to keep DB_CORES writers going at the write cost measured here
    per_worker = n / one[1]
    efficiency = min(1.0, (n / two[1]) / (2 * per_worker))
    db_cap = DB_CORES / costs["worker_write"]
    network_cap = NETWORK_BYTES_S / msg_bytes
    tail = two[2] / n
    print(f"\nprojection (machines like this one, 2 workers each). Measured: documents/s of one worker "
          f"({per_worker:.1f}, extraction + its own write), scaling efficiency {efficiency:.2f} (1 -> 2 workers), "
          f"the corpus-wide step per document ({tail * 1000:.1f} ms, at {n} documents; assumed to grow linearly). "
          f"Assumed: a database server of {DB_CORES} cores keeping {DB_CORES} writers going "
          f"(cap {db_cap:,.0f} docs/s), 1 Gbit/s into it (cap {network_cap:,.0f} docs/s):\n")
    print("| machines | workers | per-document path docs/s | limited by | whole build docs/s | whole build words/s |")
    print("|---:|---:|---:|---|---:|---:|")
    for machines in MACHINES:
        capacity = 2 * machines * per_worker * (efficiency if machines > 1 else 1.0) if machines > 1 \
            else n / two[1]
        streaming = min(capacity, db_cap, network_cap)
        limit = ("workers (extraction + write)" if streaming == capacity else
                 "database server (assumed)" if streaming == db_cap else "network into the database")
        whole = 1 / (1 / streaming + tail)
        print(f"| {machines} | {2 * machines} | {streaming:,.0f} | {limit} | {whole:,.1f} | {whole * words / n:,.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=120, help="documents to generate (default 120)")
    parser.add_argument("--corpus", type=Path, help="a folder of documents instead of a generated corpus")
    parser.add_argument("--pg", metavar="URL", help="measure the PostgreSQL cluster path on this server "
                        "(postgresql://user:pw@host/db, a role that may create databases)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="spoor-bench-dist-"))
    try:
        corpus = args.corpus or make_corpus(tmp / "corpus", args.docs)
        todo = [(p, sha256_of(p)) for p in iter_files([corpus])]
        nlp = get_nlp()
        start = time.perf_counter()
        local = [extract_file(p, nlp, sha256=d) for p, d in todo]
        one_process = time.perf_counter() - start
        n = len(todo)
        words = sum(r.document.words for r in local if r.document)
        msg_bytes = sum(len(pickle.dumps(r)) for r in local) / n
        if args.pg:
            pg_main(corpus, args.pg, todo, local, one_process, words, msg_bytes)
            return

        rows = []
        for workers in (1, 2):
            seconds, results = cluster_run(todo, workers)
            assert [r.model_dump() for r in results] == [r.model_dump() for r in local], "cluster != local"
            rows.append((workers, n / seconds, words / seconds))
        costs = writer_costs([r for r in local if r.document], tmp / "writer")
        start = time.perf_counter()
        build([corpus], tmp / "e2e", scheduler="local", workers=2)
        e2e = time.perf_counter() - start

        print(f"corpus: {n} documents, {words:,} words ({words / n:,.0f} per document), {os.cpu_count()} cores\n")
        print("| run | documents/s | words/s |")
        print("|---|---:|---:|")
        print(f"| one process, no Dask | {n / one_process:.1f} | {words / one_process:,.0f} |")
        for workers, dps, wps in rows:
            print(f"| Dask LocalCluster, {workers} worker{'s' * (workers > 1)} | {dps:.1f} | {wps:,.0f} |")
        print(f"| whole build, --scheduler local --workers 2 (cluster start, writer, index) "
              f"| {n / e2e:.1f} | {words / e2e:,.0f} |")
        writer = costs["put"] + costs["index"]
        print(f"\nper document: extraction {one_process / n * 1000:.1f} ms of one core; "
              f"pickled result {msg_bytes / 1024:.0f} KiB")
        print(f"writer per document: store.put {costs['put'] * 1000:.2f} ms + index {costs['index'] * 1000:.2f} ms"
              f" = {writer * 1000:.2f} ms -> at most {1 / writer:.0f} documents/s; relinking + subjects after"
              f" extraction {costs['passes'] * 1000:.2f} ms per document at this corpus size")
        print_projection(rows[1][1], rows[1][1] / (2 * rows[0][1]), costs, msg_bytes, words / n)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
