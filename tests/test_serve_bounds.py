"""Serving many users: expensive queries are bounded and say so; `spoor serve --workers N` answers."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.search import engine, search

ROOT = Path(__file__).resolve().parents[1]
WORST = " ".join(f"*{a}{b}*" for a in "aeiou" for b in "nrstldgkmpbvhwzcfjuy")[:2000]  # 100 infix wildcards


def test_serve_bounds_many_wildcards_answer_in_part_with_a_note(built_index):
    result = search(built_index, WORST, limit=10)
    assert result.notes and "jokertekens" in result.notes[0]
    assert result.total > 0  # the wildcards that were searched still find passages


def test_serve_bounds_a_few_wildcards_are_searched_in_full(built_index):
    whole = search(built_index, "Twente", limit=50)
    wild = search(built_index, "Twent*", limit=50)
    assert not wild.notes
    assert {g.doc_id for g in whole.groups} <= {g.doc_id for g in wild.groups}


def test_serve_bounds_a_wildcard_over_too_many_words_says_so(built_index, monkeypatch):
    monkeypatch.setattr(engine, "MAX_EXPANSIONS", 3)
    result = search(built_index, "*e*", limit=10)
    assert any("onvolledig" in n for n in result.notes)


@pytest.mark.slow
def test_serve_bounds_serve_with_workers_answers(built_index):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--index", str(built_index),
                               "--port", str(port), "--workers", "2"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", "/api/search?q=Twente")
                response = conn.getresponse()
                body = response.read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("spoor serve --workers 2 did not answer: " + server.stderr.read1().decode())
        assert response.status == 200 and b"results" in body
        assert response.getheader("x-content-type-options") == "nosniff"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_bounds_worker_connections_send_without_delay(monkeypatch):
    """`spoor serve --workers N` hands its workers a socket asyncio does not take for TCP, so the
    protocol turns Nagle's algorithm off itself (else each kept-alive answer waits ~40 ms for an ACK)."""
    pytest.importorskip("uvicorn")
    from pipeline.web.pool import NoDelayHTTPProtocol

    monkeypatch.setattr(NoDelayHTTPProtocol.__mro__[1], "connection_made", lambda self, transport: None)
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname()) as client:
            accepted, _ = server.accept()
            with accepted:
                class Transport:
                    def get_extra_info(self, name):
                        return accepted if name == "socket" else None

                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
                NoDelayHTTPProtocol.connection_made(object.__new__(NoDelayHTTPProtocol), Transport())
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_serve_bounds_cli_json_says_what_was_left_out(built_index):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["search", WORST, "--index", str(built_index), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["notes"] and "jokertekens" in found["notes"][0]
    plain = json.loads(CliRunner().invoke(app, ["search", "regioraad", "--index", str(built_index), "--json"]).stdout)
    assert plain["notes"] == []


def test_serve_bounds_workers_each_listen_and_share_the_connections():
    """`spoor serve --workers N` gives each worker process its own socket on the port (SO_REUSEPORT), so
    the kernel shares the clients' connections out over the processes instead of one process taking a
    whole burst of them (which made 50 clients slower on two processes than on one)."""
    import pickle

    from pipeline.web.pool import PortPerWorker, reuse_port

    if not reuse_port():
        pytest.skip("the kernel shares a port among sockets only on Linux")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    workers = [pickle.loads(pickle.dumps(PortPerWorker("127.0.0.1", port))) for _ in range(2)]  # as each worker gets it
    listening = [found[0] for found in workers]
    clients = []
    try:
        for sock in listening:
            assert sock.getsockname() == ("127.0.0.1", port)
            sock.listen(64)
            sock.setblocking(False)
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(40)]
        time.sleep(0.2)
        taken = []
        for sock in listening:
            n = 0
            while True:
                try:
                    sock.accept()[0].close()
                except BlockingIOError:
                    break
                n += 1
            taken.append(n)
        assert sum(taken) == 40 and min(taken) >= 5, taken  # all 40 on one process: 1 in 2**39
    finally:
        for c in clients:
            c.close()
        for sock in listening:
            sock.close()


def test_serve_bounds_a_worker_with_more_than_its_share_ends_connections(monkeypatch):
    """A worker process holding more than its share of the open connections ends them after the answer
    (the client connects again, maybe to the other process); the answer is the same, and a worker at its
    share keeps them open."""
    import multiprocessing

    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from pipeline.web import pool

    counts = multiprocessing.Array("q", 2 * pool.MAX_WORKERS)
    app = Starlette(routes=[Route("/", lambda request: PlainTextResponse("antwoord"))])
    app.add_middleware(pool.BalanceConnections)
    client = TestClient(app)
    assert client.get("/").headers.get("connection") is None  # not under `serve --workers N`: as ever
    monkeypatch.setattr(pool, "_SHARED", [None, -1])
    pool._claim_slot(counts)
    other = 2 * (1 - pool._SHARED[1])
    counts[other] = os.getppid()  # a second worker process, alive
    for mine, theirs, closes in ((30, 20, True), (26, 24, False), (25, 25, False), (20, 30, False)):
        counts[2 * pool._SHARED[1] + 1], counts[other + 1] = mine, theirs
        answer = client.get("/")
        assert answer.text == "antwoord"
        assert (answer.headers.get("connection") == "close") is closes, (mine, theirs)


def test_serve_bounds_a_server_process_collects_garbage_in_short_steps_and_still_frees_cycles():
    """``spoor serve``'s processes move what outlives a full garbage collection out of the collector's
    sight (so the next full one walks only what came since: no pause of 100+ ms every ~1,500 answers),
    and every ``SWEEP_EVERY``-th full collection walks everything again, so cycles that became garbage
    meanwhile are still freed."""
    import gc
    import weakref

    from pipeline.web import pool

    class Node:
        pass

    try:
        pool.calm_collector()
        pool.calm_collector()  # once per process, however often the app is made
        assert gc.callbacks.count(pool._after_collection) == 1
        long_lived = [[n] for n in range(50_000)]  # like a cache of prepared passages
        gc.collect()
        assert gc.get_freeze_count() >= len(long_lived)  # out of sight of the next collections
        assert len(gc.get_objects(generation=2)) < len(long_lived)
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle, alive at the next full collection: frozen with the rest
        gone = weakref.ref(a)
        gc.collect()
        del a, b
        for _ in range(pool.SWEEP_EVERY + 1):
            gc.collect()
        assert gone() is None  # a later sweep freed it
    finally:
        if pool._after_collection in gc.callbacks:
            gc.callbacks.remove(pool._after_collection)
        gc.unfreeze()
        del long_lived
