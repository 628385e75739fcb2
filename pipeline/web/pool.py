"""Searches answered off the event loop, a few at a time, each within a time budget.

A route wrapped by :func:`searching` runs in a worker thread (the event loop goes on accepting and
answering other requests), at most ``SEARCH_THREADS`` at once per server process; the others wait
their turn in order. Search is Python and numpy work that holds the interpreter most of the time, so
more threads than that only share the same core more finely: each search would take longer and no
more would be answered. ``spoor serve --workers N`` runs N processes for N cores.

``SEARCH_BUDGET_S`` is the time one search may take before it answers with what it found and a note
(``pipeline.search.search(budget=...)``), so the most expensive query a person can type holds a
thread for about that long and no other search waits behind it for longer.
"""

from __future__ import annotations

import functools
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
            super().connection_made(transport)

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

    def __init__(self, host: str, port: int):
        super().__init__()
        self.host, self.port = host, port

    def __reduce__(self):
        return _port_socket, (self.host, self.port)


def _port_socket(host: str, port: int) -> list:
    """A listening socket of this process on ``host:port``, in the port's ``SO_REUSEPORT`` group."""
    import socket

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

    config = uvicorn.Config(app, workers=workers, host=host, port=port, **options)
    try:
        Multiprocess(config, sockets=PortPerWorker(host, port)).run()
    except KeyboardInterrupt:  # pragma: no cover
        pass


try:  # uvicorn is what ``spoor serve`` runs; the app itself does not need it
    NoDelayHTTPProtocol = _no_delay_protocol()
except ImportError:  # pragma: no cover
    NoDelayHTTPProtocol = None
