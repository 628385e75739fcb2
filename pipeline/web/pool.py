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

    ``answers`` (a ``cache.Answers``): a request answered before under the same index generation is
    answered from it, without waiting for a search thread; a finished answer is kept there. The
    generation is read in Starlette's thread pool (for a database it is a query) before the search."""

    @functools.wraps(handler)
    async def endpoint(request):
        if answers is None:
            return await anyio.to_thread.run_sync(handler, request, limiter=limiter())
        key = answers.key(request)
        generation = await anyio.to_thread.run_sync(answers.generation)
        kept = answers.get(key, generation)
        if kept is not None:
            return kept
        response = await anyio.to_thread.run_sync(handler, request, limiter=limiter())
        answers.put(key, generation, response)
        return response

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
