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


try:  # uvicorn is what ``spoor serve`` runs; the app itself does not need it
    NoDelayHTTPProtocol = _no_delay_protocol()
except ImportError:  # pragma: no cover
    NoDelayHTTPProtocol = None
