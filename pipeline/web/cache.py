"""Finished search answers, kept until a build changes the index: a repeated search costs no search.

People repeat the common searches ("subsidie", "gemeenteraad"), and a page's links repeat the search
they came from. :class:`Answers` keeps the response of each search request that ran in full, keyed by
the request (method, path and its query parameters, parsed and in a fixed order, so ``q=a+b`` and
``q=a%20b`` are one request; and its Accept and Accept-Language headers, should an answer ever depend
on them) together with the generation of the index and store
(``pipeline.search.backend_for(...).generation``: it changes whenever a build commits). A request
whose generation is not the one kept is a miss, and the first answer of a new generation drops every
answer of the old one, so a rebuild never serves an answer of the index it replaced.

Only answers the route marks :func:`finished` are kept: a search that ran in full (no notes of
wildcards left out or of time running out, within its time budget), so the same request gives
the same bytes from the cache as from the search. At most ``MOST_ANSWERS`` answers and
``MOST_BYTES`` bytes are kept per server process; the least recently used go first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from operator import itemgetter

from starlette.requests import Request
from starlette.responses import Response

from ..search import backend_for

MOST_ANSWERS = 2048
MOST_BYTES = 64 * 1024 * 1024
_FINISHED = "spoor_finished"


def finished(response: Response, complete: bool) -> Response:
    """``response``, marked as one the cache may keep when ``complete`` (its search ran in full)."""
    if complete and response.status_code == 200:
        setattr(response, _FINISHED, True)
    return response


class Answers:
    """The kept answers of the searches on the index or database at ``folder`` (thread-safe)."""

    def __init__(self, folder, most: int = MOST_ANSWERS, most_bytes: int = MOST_BYTES):
        self.folder = folder
        self.most, self.most_bytes = most, most_bytes
        self._backend = backend_for(folder)
        self._kept: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self._generation: tuple | None = None
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @staticmethod
    def key(request: Request) -> tuple:
        """What makes two requests the same search: method, path, the parsed query parameters in order
        of name (the values of one name keep their order: the last one counts), Accept, Accept-Language."""
        params = tuple(sorted(request.query_params.multi_items(), key=itemgetter(0)))
        headers = request.headers
        # ``request.url.path`` without making the whole URL first (half of what the key cost)
        path = request.scope["path"].replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")
        return (request.method, path, params, headers.get("accept", ""), headers.get("accept-language", ""))

    def generation(self):
        """The index's and store's generation now (a file's stat, or one query to a database): call it
        off the event loop."""
        return self._backend.generation(self.folder)

    def holds(self, key: tuple) -> bool:
        """Whether an answer to ``key`` is kept (of whatever generation): if not, no need to read one."""
        with self._lock:
            if key in self._kept:
                return True
            self.misses += 1
            return False

    def get(self, key: tuple, generation) -> Response | None:
        """The kept answer to ``key`` under ``generation`` (a new Response, the same bytes), or None."""
        with self._lock:
            if generation != self._generation:
                self._drop_all(generation)
            found = self._kept.get(key)
            if found is None:
                self.misses += 1
                return None
            self._kept.move_to_end(key)
            self.hits += 1
        status, headers, body = found
        response = Response(body, status_code=status)
        response.raw_headers = list(headers)
        return response

    def put(self, key: tuple, generation, response: Response) -> None:
        """Keep ``response`` as the answer to ``key`` under ``generation`` (read before its search began)
        if its route marked it :func:`finished`. Answers of another generation are dropped: they are
        given only to requests that read that generation, so an answer is never older than the index
        its request saw."""
        body = getattr(response, "body", None)
        if not getattr(response, _FINISHED, False) or not isinstance(body, bytes) or len(body) > self.most_bytes // 8:
            return
        with self._lock:
            if generation != self._generation:  # the first answer since a build (or of a search begun before one)
                self._drop_all(generation)
            old = self._kept.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._kept[key] = (response.status_code, list(response.raw_headers), body)
            self._bytes += len(body)
            while self._kept and (len(self._kept) > self.most or self._bytes > self.most_bytes):
                self._bytes -= len(self._kept.popitem(last=False)[1][2])

    def __len__(self) -> int:
        return len(self._kept)

    def _drop_all(self, generation) -> None:
        self._kept.clear()
        self._bytes = 0
        self._generation = generation
