"""Extraction on a Dask ``distributed`` cluster (issue 9); imported only when a scheduler is asked for.

``spoor build --scheduler ADDRESS`` sends (path, sha256) pairs to the cluster's workers, which read
the files themselves (the cluster shares the filesystem: every worker must see the same paths, and
have the same spoor installed) and return ``Extraction`` records. Each worker builds the spaCy
pipeline once, in a worker plugin. Results come back as they complete, a bounded window of
documents at a time, and are handed to the one writer in ``pipeline.build`` in input order, so a
cluster build fills the store exactly as a local one does and the index is written from one place.

A worker that dies loses nothing: the scheduler runs its documents again elsewhere. A document
that kills every worker it is given (``distributed.scheduler.allowed-failures`` times) is reported
as a failed file, like a file that cannot be read, and the rest of the build goes on.

With a store that takes many writers at once (PostgreSQL) there is no single writer
(:func:`write_on_cluster`): each worker stores the documents it extracted itself, one transaction
per document (``put`` replaces a document's rows, so a task run again after its worker died writes
the same rows once), fills their searchable passage columns and marks them indexed, and sends back
only a :class:`Written` (doc_id, status, problems). The build's process then runs the short
corpus-wide step alone: removals, linking, subjects, the word list.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .extract import extract_file, get_nlp
from .models import Extraction, Problem, Status

_log = logging.getLogger(__name__)

LOCAL = "local"  # --scheduler local: a LocalCluster for the duration of the build
PLUGIN_NAME = "spoor-nlp"
RETRIES = 2  # extra tries for a task that raised (a lost worker is handled by the scheduler itself)
CONNECT_TIMEOUT = "30s"
WINDOW_PER_WORKER = 8  # documents in flight or waiting to be written, per worker


class ClusterError(RuntimeError):
    """The cluster cannot be used: dask is not installed, or the scheduler cannot be reached."""


try:  # the plugin base class; without dask the module still imports, and says what to install
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - exercised only without the cluster extra
    _PluginBase = object


class NlpPlugin(_PluginBase):
    """Builds the spaCy pipeline once per worker process, when the worker starts or joins."""

    name = PLUGIN_NAME

    def __init__(self, nlp_base: str = "nl"):
        self.nlp_base = nlp_base
        self.nlp = None

    def setup(self, worker) -> None:
        self.nlp = get_nlp(self.nlp_base)
        _log.info("worker %s: spaCy pipeline %r loaded", getattr(worker, "address", "?"), self.nlp_base)


def _extract_task(path: str, absolute: str, digest: str, pdf_reader: str, nlp_base: str) -> Extraction:
    """Runs on a worker: reads ``absolute`` (its working folder may differ from the client's) and
    returns its Extraction, made with the worker's pipeline and naming the file as ``path``."""
    from distributed import get_worker

    plugin = get_worker().plugins.get(PLUGIN_NAME)
    nlp = getattr(plugin, "nlp", None) or get_nlp(nlp_base)
    result = extract_file(Path(absolute), nlp, sha256=digest, pdf_reader=pdf_reader)
    result.path = path
    if result.document is not None:
        result.document.path = path
    for problem in result.errors:
        problem.path = path
    return result


@dataclass
class Written:
    """What a worker that stored its document itself sends back (no entities, passages or text)."""

    path: str
    status: Status
    doc_id: str | None = None
    errors: list[Problem] = field(default_factory=list)


_STORES = threading.local()  # per worker thread: url -> an open store, reused by its next tasks


def _worker_store(url: str):
    from .store import open_store

    stores = _STORES.__dict__.setdefault("stores", {})
    if url not in stores:
        stores[url] = open_store(url)
        stores[url].writing_worker()
    return stores[url]


def store_extraction(store, result: Extraction) -> None:
    """Store one document in its own transaction, its passages made searchable and marked indexed
    (what the build's last step would otherwise do for it); linking later re-marks what it renames."""
    with store.transaction():
        store.put_searchable(result)
        store.mark_indexed([result.document.doc_id])


def _write_task(path: str, absolute: str, digest: str, pdf_reader: str, nlp_base: str, url: str) -> Written:
    """Runs on a worker: extracts the file and writes its records to the store at ``url`` itself."""
    result = _extract_task(path, absolute, digest, pdf_reader, nlp_base)
    if result.status is Status.FAILURE or result.document is None:
        return Written(path, result.status, None, result.errors)
    try:
        store_extraction(_worker_store(url), result)
    except BaseException:  # a broken connection is not reused: the retry opens a new one
        store = _STORES.__dict__.get("stores", {}).pop(url, None)
        if store is not None:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass
        raise
    return Written(path, result.status, result.document.doc_id, result.errors)


@contextmanager
def connect(scheduler: str, workers: int | None = None):
    """A ``distributed.Client``: ``scheduler`` is "local" (a LocalCluster of ``workers`` processes,
    default 2, stopped afterwards) or the address of a running scheduler (tcp://host:port)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError("--scheduler needs Dask distributed: pip install distributed "
                           "(spoor's cluster extra)") from exc
    # Dask sets its own loggers to INFO; keep them as quiet as the rest of spoor unless asked otherwise
    logging.getLogger("distributed").setLevel(max(logging.getLogger().getEffectiveLevel(), logging.WARNING))
    if scheduler == LOCAL:
        with LocalCluster(n_workers=workers or 2, processes=True, threads_per_worker=1,
                          dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                           "`dask scheduler` and `dask worker ADDRESS`, or use --scheduler local") from exc
    with client:
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError as exc:
            raise ClusterError(f"the Dask scheduler at {scheduler} has no workers; start some with "
                               f"`dask worker {scheduler}`") from exc
        yield client


def extract_on_cluster(todo: list[tuple[Path, str]], scheduler: str, nlp_base: str = "nl",
                       workers: int | None = None, pdf_reader: str = "pdfminer",
                       window: int | None = None) -> Iterator[Extraction]:
    """Extract (path, sha256) pairs on a Dask cluster; yields Extractions in the order of ``todo``.

    At most ``window`` documents (default 8 per worker) are in flight or waiting to be yielded, so
    memory stays bounded however large the corpus. Workers read the files by absolute path; the
    records name them as given, as in a local run."""
    yield from _run_on_cluster(_extract_task, (pdf_reader, nlp_base), _lost, todo, scheduler, nlp_base,
                               workers, window)


def write_on_cluster(todo: list[tuple[Path, str]], scheduler: str, url: str, nlp_base: str = "nl",
                     workers: int | None = None, pdf_reader: str = "pdfminer",
                     window: int | None = None) -> Iterator[Written]:
    """Extract (path, sha256) pairs on a Dask cluster whose workers store each document in the
    database at ``url`` themselves; yields a :class:`Written` per document, in the order of ``todo``.

    Every worker must reach the database at ``url``. A document is in the store once its Written is
    yielded; one the workers could not extract (or that killed them) is left as it was stored."""
    yield from _run_on_cluster(_write_task, (pdf_reader, nlp_base, url), _lost_written, todo, scheduler,
                               nlp_base, workers, window)


def _run_on_cluster(task: Callable, args: tuple, lost: Callable, todo: list[tuple[Path, str]], scheduler: str,
                    nlp_base: str, workers: int | None, window: int | None) -> Iterator:
    if not todo:
        return
    from distributed import as_completed
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    with connect(scheduler, workers) as client:
        client.register_plugin(NlpPlugin(nlp_base), name=PLUGIN_NAME)
        n_workers = max(1, len(client.nthreads()))
        window = window or WINDOW_PER_WORKER * n_workers
        _log.info("extracting %d documents on %s (%d workers)", len(todo), client.scheduler.address, n_workers)
        items = iter(enumerate(todo))
        index_of: dict = {}   # future -> position in todo
        done: dict[int, object] = {}  # finished, waiting for the ones before them
        next_out = 0

        def submit():
            try:
                i, (path, digest) = next(items)
            except StopIteration:
                return None
            fut = client.submit(task, str(path), os.path.abspath(path), digest, *args, pure=False, retries=RETRIES,
                                key=f"spoor-extract-{Path(path).stem}-{os.urandom(4).hex()}")
            index_of[fut] = i
            return fut

        running = as_completed([f for f in (submit() for _ in range(window)) if f])
        for fut in running:
            i = index_of.pop(fut)
            path = todo[i][0]
            try:
                done[i] = fut.result()
            except (KilledWorker, FutureCancelledError) as exc:
                done[i] = lost(path, exc)
            fut.release()
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            while len(index_of) + len(done) < window and (new := submit()):
                running.add(new)


def _lost(path: Path, exc: Exception) -> Extraction:
    message = (f"the worker extracting it died every time it was tried ({type(exc).__name__}); "
               "skipped (is the file very large, or does it crash the reader?)")
    _log.warning("%s: %s", path, message)
    return Extraction(path=str(path), status=Status.FAILURE, errors=[Problem(path=str(path), message=message)])


def _lost_written(path: Path, exc: Exception) -> Written:
    failed = _lost(path, exc)
    return Written(failed.path, failed.status, None, failed.errors)
