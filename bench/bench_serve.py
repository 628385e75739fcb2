"""How `spoor serve` holds up under concurrent users: requests/s and p50/p95/p99 latency for 1 and 50
concurrent clients, and how long a plain search waits while the worst queries we could construct run.

    .venv/bin/python bench/bench_serve.py --index IX [--workers N] [--seconds 10] [--clients 1 50]
                                          [--mix distinct repeat] [--page] [--warm-seconds S]

``--warm-seconds S``: before the phases, 50 clients send distinct queries for S seconds, not counted, so
that every server process has the passages it prepares snippets from in its caches (a process just
started prepares each passage once, which about doubles the CPU of its first answers).

The searches go to the JSON API (``/api/search``), or with ``--page`` to the search page (``/``: the
HTML a person sees, with its facets and subject card). Starts `spoor serve` on a free port of 127.0.0.1 (loopback only), runs each phase for a bounded time
and number of requests, stops the server and prints the figures. Nothing leaves the machine.

Two mixes of queries (``--mix``): ``distinct`` sends a query no request of the run sent before (one,
two or three words of ``WORDS``, some as a question, some asking for page 2; one run of them goes on
from phase to phase), so no cache of answers or of a query's words can carry the figure; ``repeat`` cycles through the 16 ``QUERIES``, as people repeat the common
searches. Each client keeps one connection open and sends its next request when the answer is in
(a closed loop, like wrk): with 50 clients, the latency is 50 divided by the requests per second.
Each phase also prints the server's CPU time per answer (its processes' user + system time, from /proc):
other work on a shared machine slows the answers down, not that figure; and this script's own CPU time per
request (the clients'), and with --workers N how many of the clients' connections each server process
holds half-way through the phase and how the server's CPU time split over the processes.

``--client wrk``: the wrk program sends the phases' requests (``bench/wrk_paths.lua``: the same
queries, from a file; ``apt-get install wrk``). This script's 50 Python threads cost about 0.4 ms of
CPU a request on the cores the server uses, and a thread that waits for the interpreter adds to the
latency it measures; wrk's figures leave both out, as the issue's first measurements (with wrk) did.

Then each of the ``WORST`` queries (the most expensive we could construct within the 500 characters a
query may have) is sent, and 20 ms later a plain search not sent before (two words of ``WORDS``, from the
same run as the distinct mix): both times and the worst query's notes are printed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
QUERIES = ["subsidie", "gemeenteraad", "besluit college", "woningbouw", "begroting", "motie", "jeugdzorg",
           "duurzaamheid", "omgevingsvisie", "burgemeester en wethouders", "raadsvoorstel", "verkeersveiligheid",
           "energietransitie", "provinciale staten", "waterschap", "regionale samenwerking"]
WORDS = ["subsidie", "gemeenteraad", "college", "besluit", "woningbouw", "begroting", "motie", "jeugdzorg",
         "duurzaamheid", "omgevingsvisie", "burgemeester", "wethouder", "raadsvoorstel", "verkeersveiligheid",
         "energietransitie", "provincie", "waterschap", "samenwerking", "bestemmingsplan", "vergunning",
         "parkeren", "afval", "onderwijs", "sport", "cultuur", "armoede", "zorg", "veiligheid", "klimaat",
         "water", "natuur", "landbouw", "wonen", "huur", "grond", "financiën", "belasting", "inkoop",
         "personeel", "archief", "informatie", "participatie", "inwoners", "ondernemers", "economie",
         "toerisme", "fiets", "openbaar vervoer", "riolering", "dijk", "stikstof", "zonnepark", "windmolens",
         "asielzoekers", "statushouders", "jongeren", "ouderen", "mantelzorg", "schuldhulp", "handhaving"]
MAX_REQUESTS = 20_000  # per phase, whatever --seconds says


def distinct_queries(seed: int = 20):
    """An endless run of queries, none sent twice: words of ``WORDS`` alone, in pairs and threes,
    some as a question ("wanneer", "wie"), some asking for page 2."""
    rng = random.Random(seed)
    seen: set[tuple] = set()
    while True:
        words = rng.sample(WORDS, rng.choice((1, 2, 2, 3)))
        ask = rng.choice(("", "", "", "wanneer ", "wie "))
        page = rng.choice((1, 1, 1, 2))
        key = (ask, *words, page)
        if key in seen:
            continue
        seen.add(key)
        yield ask + " ".join(words), page


WORST = {
    "100 infix wildcards": " ".join(f"*{a}{b}*" for a in "aeionrstldgkmpbvhwzcfju" for b in "aeionrstldgkmpbvhwzcfju")[:500],
    "100 prefixes": " ".join(f"{a}{b}*" for a in "aeionrstldgkmpbvhwzcfju" for b in "aeionrstldgkmpbvhwzcfju")[:500],
    "70 words OR": " OR ".join(WORDS * 2)[:500],
    "question of 60 words": ("wanneer heeft " + " ".join(WORDS))[:500],
    "60 unknown words": " ".join("".join(random.Random(n).choice("aeioubcdfgklmnprstvwz") for _ in range(7))
                                 for n in range(60))[:500],
    "phrase of 60 words": ('"' + " ".join(WORDS))[:499] + '"',
}


def worst_query() -> str:
    """100 infix wildcards over two-letter pieces: every term of the index is looked at, many times."""
    return WORST["100 infix wildcards"]


def _cpu_by_process(pid: int) -> dict[int, float]:
    """CPU seconds the server process and each of its worker processes have used (Linux' /proc; else {})."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    found: dict[int, float] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            found[int(entry)] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return found


def _connections_by_process(pid: int, port: int) -> list[int]:
    """How many established connections to ``port`` each server process holds (Linux' /proc; else []),
    most first: with --workers N, how evenly the clients came to the processes."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # 01: established
                inodes.add(f"socket:[{fields[9]}]")
    held = []
    for process in _cpu_by_process(pid):
        try:
            links = [os.readlink(f"/proc/{process}/fd/{fd}") for fd in os.listdir(f"/proc/{process}/fd")]
        except OSError:
            continue
        held.append(sum(link in inodes for link in links))
    return sorted((n for n in held if n), reverse=True)


def _cpu_seconds(pid: int) -> float | None:
    """CPU seconds the server process and its worker processes have used (Linux' /proc; else None).

    Other work on a shared machine slows the answers down but not this: CPU per answer says how many
    answers a core gives when the server has it to itself."""
    found = _cpu_by_process(pid)
    return sum(found.values()) if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[int, float]:
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    return response.status, time.perf_counter() - start


SEARCH_PATH = ["/api/search"]  # or "/" (--page)


def _path(q: str, page: int = 1) -> str:
    return SEARCH_PATH[0] + "?" + urlencode({"q": q, **({"page": page} if page != 1 else {})})


def phase(port: int, clients: int, seconds: float, mix: str = "repeat", pid: int | None = None,
          fresh=None) -> dict:
    """``clients`` threads, each with its own kept-alive connection, searching for ``seconds``
    (``fresh``: the run of distinct queries to go on with)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    fresh = fresh if fresh is not None else distinct_queries()
    stop = time.perf_counter() + seconds

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        i = n
        while time.perf_counter() < stop:
            with lock:
                if len(latencies) + errors[0] >= MAX_REQUESTS:
                    break
            if mix == "distinct":
                with lock:
                    q, page = next(fresh)
            else:
                q, page = QUERIES[i % len(QUERIES)], 1
            try:
                status, took = _get(conn, _path(q, page))
            except (OSError, http.client.HTTPException):
                status, took = 0, 0.0
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
            with lock:
                if status == 200:
                    latencies.append(took)
                else:
                    errors[0] += 1
            i += 1
        conn.close()

    started, client_cpu = time.perf_counter(), time.process_time()
    by_process = _cpu_by_process(pid) if pid else {}
    cpu_before = sum(by_process.values()) if by_process else None
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    held: list[int] = []
    if pid:  # half-way: how the clients' connections are spread over the server's processes
        time.sleep(seconds / 2)
        held = _connections_by_process(pid, port)
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    client_cpu = (time.process_time() - client_cpu) / max(1, len(latencies)) * 1000  # this script's threads
    after = _cpu_by_process(pid) if pid else {}
    cpu_after = sum(after.values()) if after else None
    # How the work split over the processes (with --workers N: each worker's share of the server's CPU,
    # the supervisor's being about nothing); an even split is what N processes need to answer N times as many.
    used = sorted((after[p] - by_process.get(p, 0.0) for p in after), reverse=True)
    split = [share for share in (round(u / sum(used) * 100) for u in used) if share] if sum(used) > 0 else []
    q = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [float("nan")] * 99
    cpu = (cpu_after - cpu_before) / max(1, len(latencies)) * 1000 if cpu_before is not None and cpu_after else None
    return {"clients": clients, "requests": len(latencies), "errors": errors[0], "rps": len(latencies) / wall,
            "p50": q[49] * 1000, "p95": q[94] * 1000, "p99": q[98] * 1000, "cpu_ms": cpu, "cpu_split": split, "connections": held,
            "client_cpu_ms": client_cpu}


WRK_THREADS = 2


def phase_wrk(port: int, clients: int, seconds: float, mix: str = "repeat", pid: int | None = None,
              fresh=None) -> dict:
    """``phase`` with wrk as the clients (``--client wrk``): ``clients`` kept-alive connections over
    ``WRK_THREADS`` threads of a C program, so the clients' own CPU and thread switching (about 0.4 ms a
    request for this script's Python threads, on the same cores as the server) hardly count."""
    import shutil
    import tempfile

    if shutil.which("wrk") is None:
        sys.exit("--client wrk: wrk is not installed (apt-get install wrk)")
    fresh = fresh if fresh is not None else distinct_queries()
    if mix == "distinct":  # more than the phase can send at ~1,000 requests/s
        paths = [_path(*next(fresh)) for _ in range(int(seconds * 1000) + 1000)]
    else:
        paths = [_path(q) for q in QUERIES]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(paths) + "\n")
    by_process = _cpu_by_process(pid) if pid else {}
    try:
        env = {**os.environ, "WRK_PATHS": f.name, "WRK_THREADS": str(min(WRK_THREADS, clients))}
        out = subprocess.run(["wrk", f"-t{min(WRK_THREADS, clients)}", f"-c{clients}", f"-d{seconds:g}s",
                              "-s", str(ROOT / "bench" / "wrk_paths.lua"), f"http://{HOST}:{port}/"],
                             capture_output=True, text=True, env=env, timeout=seconds + 60)
    finally:
        os.unlink(f.name)
    found = json.loads(out.stdout.strip().splitlines()[-1])
    after = _cpu_by_process(pid) if pid else {}
    used = sorted((after[p] - by_process.get(p, 0.0) for p in after), reverse=True)
    split = [share for share in (round(u / sum(used) * 100) for u in used) if share] if sum(used) > 0 else []
    cpu = sum(used) / max(1, found["requests"]) * 1000 if used else None
    return {"clients": clients, **found, "cpu_ms": cpu, "cpu_split": split, "connections": [],
            "client_cpu_ms": float("nan")}


def during_worst(port: int, query: str, after: float = 0.02, plain: str = "subsidie gemeenteraad") -> dict:
    """The worst query's own time and notes, and a plain search's latency sent ``after`` seconds into it."""
    out: dict = {}

    def worst() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=120)
        start = time.perf_counter()
        conn.request("GET", _path(query))
        response = conn.getresponse()
        body = response.read()
        out["worst_status"], out["worst_s"] = response.status, time.perf_counter() - start
        try:
            out["notes"] = json.loads(body).get("notes", [])
        except ValueError:  # the search page: its notes are "Let op: ..." lines
            out["notes"] = [part.split(">", 1)[1].split("</div>", 1)[0]
                            for part in body.decode("utf-8", "replace").split('class="notice note"')[1:]]
        conn.close()

    t = threading.Thread(target=worst)
    t.start()
    time.sleep(after)
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    out["plain_status"], out["plain_s"] = _get(conn, _path(plain))
    conn.close()
    t.join()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True, help="an index folder built by `spoor build`")
    ap.add_argument("--workers", type=int, default=0, help="`spoor serve --workers N` (0: the option is not passed)")
    ap.add_argument("--seconds", type=float, default=10.0, help="length of each phase (at most)")
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 50])
    ap.add_argument("--mix", nargs="+", choices=("distinct", "repeat"), default=["distinct", "repeat"],
                    help="distinct: no query sent twice; repeat: 16 common queries over and over")
    ap.add_argument("--code", default=str(ROOT), help="folder whose pipeline/ to serve (an older checkout, to compare)")
    ap.add_argument("--page", action="store_true", help="search the HTML search page (/), not the API")
    ap.add_argument("--warm-seconds", type=float, default=0.0,
                    help="first send distinct queries from 50 clients for this long, not counted: every server "
                         "process then has the passages' words and sentences in its caches, as a server that has "
                         "run for a while (0: the phases start from a server just started)")
    ap.add_argument("--client", choices=("python", "wrk"), default="python",
                    help="python: this script's threads send the requests; wrk: the wrk program does (its "
                         "p50/p95/p99 leave out the clients' own CPU time and thread switching)")
    args = ap.parse_args()
    run_phase = phase_wrk if args.client == "wrk" else phase
    if args.page:
        SEARCH_PATH[0] = "/"
    port = _free_port()
    index = str(Path(args.index).resolve())
    cmd = [sys.executable, "-c", "from pipeline.cli import app; app()", "serve", "--index", index, "--host", HOST,
           "--port", str(port)]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    server = subprocess.Popen(cmd, cwd=args.code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                conn = http.client.HTTPConnection(HOST, port, timeout=5)
                if _get(conn, "/status")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("the server did not start")
        # Every query once over several connections at once (so that each worker process opens the index and
        # reads its word lists), so the phases measure answering, not first opening.
        warm_up = [*QUERIES, "wanneer besloot de raad", "subsdie gemeentraad", "woning*"]

        def warm(n: int) -> None:
            conn = http.client.HTTPConnection(HOST, port, timeout=120)
            for q in warm_up[n::2]:
                _get(conn, _path(q))
            conn.close()

        for _ in range(2):
            threads = [threading.Thread(target=warm, args=(n % 2,)) for n in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        load = f", load average {os.getloadavg()[0]:.1f} before" if hasattr(os, "getloadavg") else ""
        print(f"index {args.index}, {os.cpu_count()} cores{load}, serve --workers {args.workers or 'default'}, "
              f"searching {SEARCH_PATH[0]}")
        found = []
        fresh = distinct_queries()  # one run for all phases: no query is sent twice
        if args.warm_seconds > 0:
            warmed = run_phase(port, 50, args.warm_seconds, "distinct", None, fresh)
            print(f"warmed up with {warmed['requests']} distinct queries from 50 clients (not counted)")
        for mix in args.mix:
            for clients in args.clients:
                r = run_phase(port, clients, args.seconds, mix, server.pid, fresh)
                found.append({"mix": mix, **r})
                cpu = f", server CPU {r['cpu_ms']:.1f} ms an answer" if r["cpu_ms"] is not None else ""
                if args.client == "python":
                    cpu += f"; client CPU {r['client_cpu_ms']:.1f} ms"
                if len(r["connections"]) > 1:
                    cpu += "; connections held half-way " + "/".join(map(str, r["connections"]))
                if len(r["cpu_split"]) > 1:
                    cpu += " (split over processes " + "/".join(f"{s}%" for s in r["cpu_split"]) + ")"
                print(f"{mix:8s} {clients:3d} clients: {r['rps']:7.1f} requests/s, p50 {r['p50']:7.1f} ms, "
                      f"p95 {r['p95']:7.1f} ms, p99 {r['p99']:7.1f} ms, {r['errors']} errors, {r['requests']} answered"
                      f"{cpu}")
        worst = {}
        for name, query in WORST.items():
            with_words = next(q for q, page in fresh if page == 1 and len(q.split()) == 2)
            w = worst[name] = during_worst(port, query, plain=with_words)
            print(f"worst query {name!r}: {w['worst_s'] * 1000:.0f} ms (HTTP {w['worst_status']}, "
                  f"{len(w['notes'])} notes); a plain search sent 20 ms into it: {w['plain_s'] * 1000:.0f} ms "
                  f"(HTTP {w['plain_status']})")
        print(json.dumps({"phases": found, "during_worst": worst}))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
