"""``jsonld-news serve`` under load: POST /convert of 600-word articles to JSON-LD, mentions on.

    .venv/bin/python tools/bench_serve.py [--requests 10000] [--seconds 120]
                                          [--generator auto|wrk|python]

Load generator: Debian's ``wrk`` (C, epoll; tools/system-packages.txt installs it) with
tools/bench_serve.lua, which posts every article once and then stops; without wrk, a bounded
Python client (threads, one keep-alive ``http.client`` connection each), which takes far more
of the two cores the server also runs on. The script prints which one ran and the CPU it took.

Baseline: the same articles through the in-process call a user of the library makes
(``jsonld_news.convert(data, "jsonld", "text")``, in a fresh process, recogniser loaded once
before):
its latency and its CPU time per article, beside the server's CPU time per request (the
uvicorn processes' user + system time over a phase, divided by its requests). Their
difference is the server's own share: HTTP parsing, routing, the thread hand-off, the answer.

Every request posts a different article (``tools/generate.py``, seeded); none is repeated to
warm a cache. Cold: the first request to a freshly started server (its workers opened the
recogniser at start-up, as in production). Then three phases, each on its own articles: one
connection (one request at a time: latency), one connection per worker, and 8 connections
for ``--requests`` articles (throughput); with wrk, the same 8 connections paced (each waits
before each request, so that together they would offer about ``--paced-rate`` requests/s at
the one-connection latency: the latency below saturation); then an overhead probe: one-sentence articles, where
the conversion is small and the server's own share stands out, beside the same articles
converted in-process. Memory: the resident size of the worker processes at
start, after a tenth of the last phase and at its end (flat means no growth per request). The
load is bounded in count and in time (``--seconds`` per phase).

Where the time goes: the server runs with ``--server-timing`` (``--no-server-timing``: not),
and each phase prints the mean and p99 of each stage its answers' ``Server-Timing`` headers
give (wait for a thread, parse, build, enrich, mentions, serialise, and their sum: the
conversion inside the server, beside the client's latency, which adds the HTTP and the
queueing), and how the phase's server CPU split between the workers (uneven: one worker got
more connections).
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import text_article

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).resolve().parent / "bench_serve.lua"
PATH = "/convert?to=jsonld"
TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Phase:
    """What one phase of load measured."""

    connections: int
    planned: int
    done: int = 0
    elapsed: float = 0.0
    median_ms: float = 0.0
    p99_ms: float = 0.0
    failures: dict[str, int] = field(default_factory=dict)
    server_cpu: float = 0.0  # seconds, every process of the server
    client_cpu: float = 0.0  # seconds, the load generator
    rss_checkpoint: float | None = None  # MB, the workers after a tenth of the phase
    stages: list[dict[str, float]] = field(default_factory=list)  # ms, from Server-Timing
    worker_cpu: list[float] = field(default_factory=list)  # seconds, each worker, this phase
    connections_each: list[int] = field(default_factory=list)  # open, each worker, at a tenth
    pause_ms: int = 0  # paced: each connection's wait before each request


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in map(int, (task / "children").read_text().split()):
                found += [child, *_children(child)]
    except OSError:
        pass
    return found


def _rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _cpu_each(pids: list[int]) -> list[float]:
    """User + system seconds of each of ``pids`` (from /proc: the server is not our
    waited-for child); 0 for one that is gone."""
    each = []
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            each.append(0.0)
            continue
        each.append((int(fields[11]) + int(fields[12])) / TICK)  # utime, stime
    return each


def connections_each(pids: list[int], port: int) -> list[int]:
    """How many established TCP connections to ``port`` each of ``pids`` holds (from
    /proc/net/tcp and each process's file descriptors): which worker accepted which."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            columns = row.split()
            local, state, inode = columns[1], columns[3], columns[9]
            if state == "01" and int(local.rsplit(":", 1)[1], 16) == port:  # ESTABLISHED
                inodes.add(f"socket:[{inode}]")
    counts = []
    for pid in pids:
        try:
            links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
        except OSError:
            links = []
        counts.append(sum(link in inodes for link in links))
    return counts


def _cpu_since(before: list[float], pids: list[int]) -> list[float]:
    """CPU seconds of each of ``pids`` since ``before`` (``_cpu_each`` of the same pids)."""
    return [now - then for then, now in zip(before, _cpu_each(pids), strict=True)]


def _cpu_seconds(pids: list[int]) -> float:
    return sum(_cpu_each(pids))


def parse_timing(value: str) -> dict[str, float]:
    """A ``Server-Timing`` value (``parse;dur=0.41, build;dur=1.2``): stage -> milliseconds."""
    stages: dict[str, float] = {}
    for entry in value.split(","):
        name, _, rest = entry.strip().partition(";")
        for parameter in rest.split(";"):
            key, _, number = parameter.strip().partition("=")
            if key == "dur" and name:
                stages[name] = stages.get(name, 0.0) + float(number)
    return stages


_BASELINE = """
import json, sys, time
import jsonld_news
articles = open(sys.argv[1], "rb").read().split(b"\\0")
jsonld_news.prepare(jsonld_news.Options())
from jsonld_news.serve_start import WARM_UP  # the warm-up each server worker does
jsonld_news.convert(WARM_UP, "jsonld", "text")
latencies = []
cpu = time.process_time()
for data in articles:
    began = time.perf_counter()
    jsonld_news.convert(data, "jsonld", "text")
    latencies.append(time.perf_counter() - began)
print(json.dumps([latencies, (time.process_time() - cpu) / len(articles)]))
"""


def baseline(articles: list[bytes]) -> tuple[list[float], float]:
    """In-process ``convert()`` in a fresh process (as each server worker is one): the latency
    of each article, and CPU seconds per article."""
    import json

    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        path = Path(folder) / "articles"
        path.write_bytes(b"\0".join(articles))
        out = subprocess.run(
            [sys.executable, "-c", _BASELINE, str(path)], capture_output=True, check=True
        )
    latencies, cpu = json.loads(out.stdout)
    return list(latencies), float(cpu)


def tiny_article(number: int) -> bytes:
    """A two-line article with no names: the conversion costs little (the overhead probe)."""
    return f"Notice number {number}\n\nThe office opens at nine on day {number}.\n".encode()


def _get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def collector_report(port: int, workers: int) -> list[str]:
    """Each worker's collector after the load, from its ``/healthz`` (bounded: 60 asks):
    collections by generation and the longest pause of each."""
    import json

    seen: dict[int, dict[str, object]] = {}
    for _ in range(60):
        status, body = _get(port, "/healthz")
        health = json.loads(body) if status == 200 else {}
        if isinstance(health.get("gc"), dict) and "since_start" in health["gc"]:
            seen[int(health["pid"])] = health["gc"]
        if len(seen) >= workers:
            break
    return [
        f"worker {pid}: {state['frozen']:,} objects frozen; collections by generation since "
        f"start-up {state['since_start']}, longest pause {state['longest_ms']} ms"
        for pid, state in sorted(seen.items())
    ]


def start_server(workers: int, timing: bool) -> tuple[subprocess.Popen[bytes], int]:
    """``jsonld-news serve --workers N``, once every worker answers (bounded: 120 s)."""
    import json

    port = _free_port()
    command = [sys.executable, "-m", "jsonld_news", "serve", "--workers", str(workers)]
    command += ["--server-timing"] * timing
    process = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    seen: set[int] = set()
    while time.monotonic() < deadline and process.poll() is None:
        try:
            status, body = _get(port, "/healthz")
            if status == 200:
                seen.add(int(json.loads(body)["pid"]))
                if len(seen) >= workers or len(_children(process.pid)) >= workers:
                    time.sleep(1.0)  # the other worker's start-up (it answers once it is done)
                    return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("bench_serve: the server did not start")


def _post(connection: http.client.HTTPConnection, data: bytes) -> tuple[int, str | None]:
    """The status and the ``Server-Timing`` header of one POST."""
    connection.request("POST", PATH, data, {"Content-Type": "text/plain"})
    response = connection.getresponse()
    response.read()
    return response.status, response.getheader("server-timing")


def cold_request(port: int, data: bytes) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    began = time.perf_counter()
    status, _ = _post(connection, data)
    elapsed = time.perf_counter() - began
    connection.close()
    if status != 200:
        raise SystemExit(f"bench_serve: the first request answered {status}")
    return elapsed


def load_wrk(
    wrk: str,
    port: int,
    articles: list[bytes],
    connections: int,
    seconds: float,
    server: list[int],
    pause_ms: int = 0,
) -> Phase:
    """wrk posts every article once over ``connections`` keep-alive connections (one thread);
    with ``pause_ms`` each connection waits that long before each request (a paced load)."""
    phase = Phase(connections, len(articles), pause_ms=pause_ms)
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        prefix = os.path.join(folder, "articles")
        Path(prefix + ".0").write_bytes(b"\0".join(articles))
        command = [wrk, "-t1", f"-c{connections}", f"-d{max(1, int(seconds))}s", "--timeout"]
        command += ["30s", "-s", str(LUA), f"http://127.0.0.1:{port}", "--", prefix, PATH]
        command.append(str(pause_ms))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu, each = _cpu_seconds(server), _cpu_each(server[1:])
        began = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        result = ""
        for line in process.stdout:
            if line.startswith("checkpoint") and phase.rss_checkpoint is None:
                phase.rss_checkpoint = _rss_mb(server[1:])
                phase.connections_each = connections_each(server[1:], port)
            elif line.startswith("timing "):
                phase.stages.append(parse_timing(line[7:]))
            elif line.startswith("finished"):
                phase.elapsed = time.perf_counter() - began
                phase.server_cpu = _cpu_seconds(server) - cpu
                phase.worker_cpu = _cpu_since(each, server[1:])
                process.send_signal(signal.SIGINT)  # wrk's own end: it prints its figures
            elif line.startswith("result"):
                result = line
        process.wait(timeout=30)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    phase.client_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    figures = dict(item.split("=") for item in result.split()[1:])
    if not figures:
        raise SystemExit("bench_serve: wrk printed no result")
    phase.done = int(figures["requests"])
    if not phase.elapsed:  # stopped by its time bound, not by the last answer
        phase.elapsed = int(figures["duration_us"]) / 1e6
        phase.server_cpu = _cpu_seconds(server) - cpu
        phase.worker_cpu = _cpu_since(each, server[1:])
    phase.median_ms = int(figures["p50_us"]) / 1000
    phase.p99_ms = int(figures["p99_us"]) / 1000
    for name in ("connect", "read", "write", "status", "timeout"):
        if int(figures[name]):
            phase.failures[name] = int(figures[name])
    return phase


def load_python(
    port: int, articles: list[bytes], connections: int, seconds: float, server: list[int]
) -> Phase:
    """Post every article once, from ``connections`` threads; stop early after ``seconds``."""
    phase = Phase(connections, len(articles))
    lock = threading.Lock()
    position = [0]
    latencies: list[float] = []
    checkpoint = max(1, len(articles) // 10)
    stop_at = time.monotonic() + seconds

    def next_article() -> bytes | None:
        with lock:
            if position[0] >= len(articles) or time.monotonic() > stop_at:
                return None
            data = articles[position[0]]
            position[0] += 1
            if position[0] == checkpoint:
                phase.rss_checkpoint = _rss_mb(server[1:])
                phase.connections_each = connections_each(server[1:], port)
            return data

    def fail(name: str) -> None:
        with lock:
            phase.failures[name] = phase.failures.get(name, 0) + 1

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while (data := next_article()) is not None:
            began = time.perf_counter()
            try:
                status, timing = _post(connection, data)
                if status != 200:
                    fail("status")
                if timing:
                    with lock:
                        phase.stages.append(parse_timing(timing))
            except (OSError, http.client.HTTPException) as exc:
                fail(type(exc).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - began
            with lock:
                latencies.append(elapsed)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(connections)]
    cpu, client_cpu = _cpu_seconds(server), time.process_time()
    each = _cpu_each(server[1:])
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    phase.elapsed = time.perf_counter() - began
    phase.server_cpu = _cpu_seconds(server) - cpu
    phase.worker_cpu = _cpu_since(each, server[1:])
    phase.client_cpu = time.process_time() - client_cpu
    phase.done = len(latencies)
    if latencies:
        phase.median_ms = statistics.median(latencies) * 1000
        phase.p99_ms = _percentile(latencies, 0.99) * 1000
    return phase


def _stack() -> str:
    import uvicorn

    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return f"uvicorn {uvicorn.__version__} ({http}, {loop})"


def stage_lines(phase: Phase) -> list[str]:
    """Mean and p99 of each Server-Timing stage, and of their sum; the workers' CPU split."""
    lines = []
    if phase.stages:
        names = list(dict.fromkeys(name for stages in phase.stages for name in stages))
        columns = []
        for name in [*names, "sum"]:
            if name == "sum":
                values = [sum(stages.values()) for stages in phase.stages]
            else:
                values = [stages.get(name, 0.0) for stages in phase.stages]
            mean = statistics.fmean(values)
            columns.append(f"{name} {mean:.2f}/{_percentile(values, 0.99):.1f}")
        lines.append(f"server stages, ms mean/p99: {', '.join(columns)}")
    held = phase.connections_each or [0] * len(phase.worker_cpu)
    workers = [
        (cpu, n)
        for cpu, n in zip(phase.worker_cpu, held, strict=True)
        if cpu > 0.05  # not the supervisor, nor a helper process
    ]
    if len(workers) > 1:
        total = sum(cpu for cpu, _ in workers)
        shares = " / ".join(f"{cpu / total:.0%}" for cpu, _ in workers)
        counts = " / ".join(str(n) for _, n in workers)
        lines.append(f"workers' CPU split: {shares}; connections each (at a tenth): {counts}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=10_000, help="in the throughput phase")
    parser.add_argument("--seconds", type=float, default=120.0, help="bound of each phase")
    parser.add_argument("--clients", type=int, default=8, help="connections, throughput phase")
    parser.add_argument("--latency-requests", type=int, default=500, help="each smaller phase")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--generator", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--probe-requests", type=int, default=2000, help="overhead probe")
    parser.add_argument(
        "--paced-rate",
        type=int,
        default=550,
        help="requests/s the paced phase offers (wrk only; 0: no paced phase)",
    )
    parser.add_argument("--paced-requests", type=int, default=3000, help="in the paced phase")
    parser.add_argument(
        "--no-server-timing",
        dest="timing",
        action="store_false",
        help="serve without --server-timing (no per-stage breakdown)",
    )
    args = parser.parse_args()

    wrk = shutil.which("wrk") if args.generator != "python" else None
    if args.generator == "wrk" and wrk is None:
        raise SystemExit("bench_serve: wrk is not installed (Debian package wrk)")
    small = max(1, min(args.latency_requests, args.requests))
    phases = [(1, small), (args.workers, small), (args.clients, args.requests)]
    paced = args.paced_requests if wrk and args.paced_rate > 0 else 0
    count = 1 + sum(n for _, n in phases) + paced
    articles = [text_article(i) for i in range(count)]
    words = statistics.median(len(a.split()) for a in articles[:50])
    generator = (
        f"wrk ({wrk}, 1 thread, tools/bench_serve.lua)"
        if wrk
        else "Python threads (http.client; wrk not installed)"
    )
    print(
        f"serve: POST {PATH}, {words:.0f}-word text articles to JSON-LD, mentions on, each "
        f"posted once; {os.cpu_count()} cores shared by server and load generator\n"
        f"  load generator: {generator}; server: {_stack()}, --workers {args.workers}"
    )
    # the baseline converts the articles of the one-connection phase: the same work
    first = articles[1 : 1 + small]
    base_latencies, base_cpu = baseline(first)
    probe = [tiny_article(i) for i in range(args.probe_requests)]
    probe_cpu = baseline(probe)[1] if probe else 0.0  # --probe-requests 0: no probe
    print(
        f"  {'baseline: in-process convert()':<38} median "
        f"{statistics.median(base_latencies) * 1000:6.1f} ms   p99 "
        f"{_percentile(base_latencies, 0.99) * 1000:6.1f} ms   CPU {base_cpu * 1000:5.2f} ms/article"
    )

    process, port = start_server(args.workers, args.timing)
    results: list[Phase] = []
    try:
        server = [process.pid, *_children(process.pid)]
        rss_start = _rss_mb(server[1:])
        cold = cold_request(port, articles[0])
        start = 1
        for connections, n in phases:
            chunk = articles[start : start + n]
            start += n
            if wrk:
                results.append(load_wrk(wrk, port, chunk, connections, args.seconds, server))
            else:
                results.append(load_python(port, chunk, connections, args.seconds, server))
        if paced and wrk:
            # The latency at a given load: each of the throughput phase's connections waits
            # before each request, so that they offer about --paced-rate requests/s (the pause
            # is the connections' share of a second less the one-connection median latency).
            share = args.clients * 1000 / args.paced_rate
            pause = max(0, round(share - results[0].median_ms))
            chunk = articles[start : start + paced]
            start += paced
            results.append(load_wrk(wrk, port, chunk, args.clients, args.seconds, server, pause))
        rss_end = _rss_mb(server[1:])
        collectors = collector_report(port, args.workers)
        probed = None
        if probe:
            if wrk:
                probed = load_wrk(wrk, port, probe, args.clients, args.seconds, server)
            else:
                probed = load_python(port, probe, args.clients, args.seconds, server)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()

    print(f"  {'ours: first request (cold)':<38} {cold * 1000:6.1f} ms   (a new connection)")
    for phase in results:
        label = f"ours: {phase.connections} connection{'s' if phase.connections > 1 else ''}"
        if phase.pause_ms:
            label += f", paced ({phase.pause_ms} ms pause)"
        rate = phase.done / phase.elapsed if phase.elapsed else 0.0
        per = phase.server_cpu / phase.done * 1000 if phase.done else 0.0
        client = phase.client_cpu / phase.done * 1000 if phase.done else 0.0
        print(
            f"  {label:<38} median {phase.median_ms:6.1f} ms   p99 {phase.p99_ms:6.1f} ms   "
            f"{rate:6.0f} requests/s"
        )
        failed = sum(phase.failures.values()) + phase.planned - phase.done
        detail = f" ({', '.join(f'{k} {v}' for k, v in phase.failures.items())})" * bool(
            phase.failures
        )
        print(
            f"  {'':<38} server CPU {per:5.2f} ms/request (in-process {base_cpu * 1000:.2f}: "
            f"overhead {per - base_cpu * 1000:+.2f} ms); generator CPU {client:.2f} ms/request; "
            f"{phase.done:,} of {phase.planned:,} answered, {failed} failed{detail}"
        )
        for line in stage_lines(phase):
            print(f"  {'':<38} {line}")
    last = results[-1]
    middle = ""
    if last.rss_checkpoint is not None:
        middle = f"{last.rss_checkpoint:.0f} MB after a tenth of the last phase, "
    total = 1 + sum(p.done for p in results)
    print(
        f"  worker memory (RSS, all workers): {rss_start:.0f} MB at start, {middle}"
        f"{rss_end:.0f} MB after {total:,} requests ({rss_end - rss_start:+.0f} MB)"
    )
    for line in collectors:  # absent from a server that reports no pauses
        print(f"  garbage collector, {line}")
    if probed is not None and probed.done:
        per = probed.server_cpu / probed.done * 1000
        print(
            f"  overhead probe: {probed.done:,} one-sentence articles, {probed.connections} "
            f"connections: server CPU {per:.2f} ms/request, in-process convert() "
            f"{probe_cpu * 1000:.2f} ms/article: the server's own share {per - probe_cpu * 1000:+.2f}"
            f" ms/request; {probed.done / probed.elapsed:.0f} requests/s, "
            f"{sum(probed.failures.values()) + probed.planned - probed.done} failed"
        )
    print(
        f"  targets (issue 12): p99 <= 20 ms, >= 500 requests/s with {args.workers} workers, "
        "no failures, flat memory"
    )


if __name__ == "__main__":
    main()
