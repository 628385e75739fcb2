"""Searches answered off the event loop, a few at a time, each within a time budget.

A route wrapped by :func:`searching` runs in a worker thread (the event loop goes on accepting and
answering other requests), at most ``SEARCH_THREADS`` at once per server process; the others wait
their turn in order. Search is Python and numpy work that holds the interpreter most of the time, so
more threads than that only share the same core more finely: each search would take longer and no
more would be answered. ``spoor serve --workers N`` runs N processes for N cores (:func:`serve_workers`):
on Linux each listens on the port with a socket of its own, so the kernel shares the connections out
(:class:`PortPerWorker`), and one that holds more than its share ends a connection after an answer
(:class:`BalanceConnections`), as a process answers its own clients only.

``SEARCH_BUDGET_S`` is the time one search may take before it answers with what it found and a note
(``pipeline.search.search(budget=...)``), so the most expensive query a person can type holds a
thread for about that long and no other search waits behind it for longer.

A server process keeps much in memory for as long as it runs (the open index, the passages' prepared
words and sentences), and Python's full garbage collection walks all of it: a pause of 130-280 ms about
every 1,500 answers, during which every search of the process waits. :func:`calm_collector` moves what
outlives a full collection out of the collector's sight (``gc.freeze``), so the next one walks only
what came after (about 10 ms); every ``SWEEP_EVERY``-th lets it walk everything once more, so that cycles
which became garbage meanwhile (an index generation replaced by a build) are still freed.
"""

from __future__ import annotations

import atexit
import functools
import gc
import os
import sys

import anyio
import anyio.to_thread
from anyio.lowlevel import RunVar

SEARCH_THREADS = 2
SEARCH_BUDGET_S = 0.15

_LIMITER: RunVar[anyio.CapacityLimiter] = RunVar("spoor_search_threads")


def limiter() -> anyio.CapacityLimiter:
    """The capacity limiter of the search threads of the running event loop (one per server process)."""
    try:
        return _LIMITER.get()
    except LookupError:
        found = anyio.CapacityLimiter(SEARCH_THREADS)
        _LIMITER.set(found)
        return found


SWEEP_EVERY = 64  # full collections: every this many, one walks all that was moved out of sight too
_FULL_COLLECTIONS = [0]


def calm_collector() -> None:
    """Keep this process' full garbage collections short (see the module's text); once per process.
    What the process holds already (the modules it imported, their data) is moved out of sight now."""
    if _after_collection not in gc.callbacks:
        gc.collect()
        gc.freeze()
        gc.callbacks.append(_after_collection)
        atexit.register(_collect_all_at_exit)


def _collect_all_at_exit() -> None:
    """At exit the collector sees everything again, so that the interpreter's last collections free what
    was moved out of its sight (objects of extension modules that check what is left at exit)."""
    if _after_collection in gc.callbacks:
        gc.callbacks.remove(_after_collection)
    gc.unfreeze()


def _after_collection(phase: str, info: dict) -> None:
    if phase != "stop" or info.get("generation") != 2:
        return
    _FULL_COLLECTIONS[0] += 1
    if _FULL_COLLECTIONS[0] % SWEEP_EVERY:
        gc.freeze()  # what survived a full collection is long-lived: the next ones need not walk it
    else:
        gc.unfreeze()  # the next full collection walks everything once more


def searching(handler, answers=None):
    """A Starlette endpoint that runs the plain function ``handler(request)`` in a search thread.

    ``answers`` (a ``cache.Answers``): a request answered before is answered from it, without waiting
    for a search thread, once the index generation is read (in Starlette's thread pool: for a database
    it is a query) and found to be the kept answer's; a request not answered before goes straight to a
    search thread, which reads the generation before it searches and keeps a finished answer under it."""

    @functools.wraps(handler)
    async def endpoint(request):
        if answers is None:
            return await anyio.to_thread.run_sync(handler, request, limiter=limiter())
        key = answers.key(request)
        if answers.holds(key):
            kept = answers.get(key, await anyio.to_thread.run_sync(answers.generation))
            if kept is not None:
                return kept

        def search_and_keep():
            generation = answers.generation()  # before the search: an answer is never newer than its key
            response = handler(request)
            answers.put(key, generation, response)
            return response

        return await anyio.to_thread.run_sync(search_and_keep, limiter=limiter())

    return endpoint


def _no_delay_protocol():
    """uvicorn's HTTP protocol, with Nagle's algorithm off on every connection it accepts.

    asyncio turns it off itself only on sockets that say they are TCP; the listening socket that
    ``spoor serve --workers N`` hands its worker processes says protocol 0, so without this each answer
    on a kept-alive connection waited for the client's delayed acknowledgement (about 40 ms)."""
    import socket

    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    class NoDelayHTTPProtocol(AutoHTTPProtocol):
        def connection_made(self, transport) -> None:  # type: ignore[override]
            sock = transport.get_extra_info("socket")
            if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
                try:
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                except OSError:
                    pass
            _count_connection(+1)
            super().connection_made(transport)

        def connection_lost(self, exc) -> None:  # type: ignore[override]
            _count_connection(-1)
            super().connection_lost(exc)

    NoDelayHTTPProtocol.__qualname__ = NoDelayHTTPProtocol.__name__ = "NoDelayHTTPProtocol"
    return NoDelayHTTPProtocol


def reuse_port() -> bool:
    """Whether each server process can listen on the port with its own socket, the kernel sharing the
    connections out among them (Linux' ``SO_REUSEPORT``; elsewhere the option does not balance)."""
    import socket

    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


class PortPerWorker(list):
    """The listening sockets ``spoor serve --workers N`` gives uvicorn's worker processes: when a worker
    process unpickles it, a socket of its own on ``host:port`` with ``SO_REUSEPORT``.

    With one socket shared by all workers, the process that happens to be awake takes every waiting
    connection at once (asyncio accepts a whole backlog per wake-up), so of 50 clients connecting
    together one process kept most, and their kept-alive connections stayed there: 50 clients searching
    distinct queries got a p95 of 1.1 s from two processes where one process gave 0.5 s. With a socket
    per process the kernel hands each new connection to one of them by its address and port, so they
    come out about even. Only where :func:`reuse_port` holds."""

    def __init__(self, host: str, port: int, counts=None):
        super().__init__()
        self.host, self.port, self.counts = host, port, counts

    def __reduce__(self):
        return _port_socket, (self.host, self.port, self.counts)


#: Per worker process: (pid, open connections) pairs in one shared array (``multiprocessing.Array``), and
#: this process' slot in it; None outside ``spoor serve --workers N``.
_SHARED: list = [None, -1]
MAX_WORKERS = 64


def _claim_slot(counts) -> None:
    """This process' slot in the shared connection counts: a free one, or one of a process that ended."""
    with counts.get_lock():
        for slot in range(MAX_WORKERS):
            pid = counts[2 * slot]
            if pid and pid != os.getpid():
                try:
                    os.kill(pid, 0)
                    continue
                except ProcessLookupError:
                    pass
                except OSError:
                    continue
            counts[2 * slot], counts[2 * slot + 1] = os.getpid(), 0
            _SHARED[:] = [counts, slot]
            return


def _count_connection(step: int) -> None:
    counts, slot = _SHARED
    if counts is not None:
        with counts.get_lock():
            counts[2 * slot + 1] += step


def too_many_connections() -> bool:
    """Whether this worker process holds more than its share of the open connections (by more than one):
    its answer then ends its connection, and the client's next one goes where the kernel sends it."""
    counts, slot = _SHARED
    if counts is None:
        return False
    with counts.get_lock():
        raw = counts.get_obj()[:]  # one copy of the array (element by element it cost ~30 µs an answer)
    held = [n for pid, n in zip(raw[0::2], raw[1::2]) if pid]
    return raw[2 * slot + 1] > sum(held) / len(held) + 1


class BalanceConnections:
    """ASGI middleware of ``spoor serve --workers N``: an answer of a worker process that holds more than
    its share of the open connections says ``Connection: close``. The kernel hands the clients'
    connections to the processes by their address and port, so 50 clients come out 30/20 as often as
    25/25, and the clients of the fuller process wait longer; a client whose connection ends connects
    again and lands on either process, so the counts even out within a few answers. The answer itself
    is the same."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or _SHARED[0] is None:
            return await self.app(scope, receive, send)

        async def sending(message):
            if message["type"] == "http.response.start" and too_many_connections():
                message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        return await self.app(scope, receive, sending)


def _port_socket(host: str, port: int, counts=None) -> list:
    """A listening socket of this process on ``host:port``, in the port's ``SO_REUSEPORT`` group."""
    import socket

    if counts is not None:
        _claim_slot(counts)

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        from uvicorn.config import STARTUP_FAILURE

        print(f"spoor: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        sys.exit(STARTUP_FAILURE)
    return [sock]


def serve_workers(app: str, workers: int, host: str, port: int, **options) -> None:
    """``uvicorn.run(app, workers=N, ...)``, each worker process on a listening socket of its own where
    :func:`reuse_port` holds (:class:`PortPerWorker`), else on the one socket uvicorn shares."""
    import uvicorn

    if not reuse_port():
        uvicorn.run(app, workers=workers, host=host, port=port, **options)
        return
    from uvicorn.supervisors import Multiprocess

    import multiprocessing

    counts = multiprocessing.get_context("spawn").Array("q", 2 * MAX_WORKERS)
    config = uvicorn.Config(app, workers=workers, host=host, port=port, **options)
    try:
        Multiprocess(config, sockets=PortPerWorker(host, port, counts)).run()
    except KeyboardInterrupt:  # pragma: no cover
        pass


try:  # uvicorn is what ``spoor serve`` runs; the app itself does not need it
    NoDelayHTTPProtocol = _no_delay_protocol()
except ImportError:  # pragma: no cover
    NoDelayHTTPProtocol = None
