"""``jsonld-news serve`` under load: POST /convert of 600-word articles to JSON-LD, mentions on.

    .venv/bin/python tools/bench_serve.py [--requests 10000] [--seconds 120] [--clients 8]

Baseline: the same articles through the in-process call a user of the library makes
(``jsonld_news.convert(data, "jsonld", "text")``, one process, recogniser loaded once before).
Ours: a real server, ``jsonld-news serve --workers 2`` on 127.0.0.1, and a bounded Python load
client (threads, one keep-alive ``http.client`` connection each) on the same machine: the
client's CPU is taken from the same cores as the server's.

Every request posts a different article (``tools/generate.py``, seeded); none is repeated to
warm a cache. Cold: the first request each connection makes to a freshly started server (the
workers have opened the recogniser at start-up, as they do in production). Warm: the rest.
Memory: the resident size of the worker processes after the first 10% of the load and at
its end (flat means no growth per request). The load is bounded in count and in time.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import text_article

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _line(name: str, latencies: list[float], extra: str = "") -> str:
    if not latencies:
        return f"  {name:<34} (no requests)"
    median = statistics.median(latencies) * 1000
    p99 = _percentile(latencies, 0.99) * 1000
    return f"  {name:<34} median {median:6.1f} ms   p99 {p99:6.1f} ms{extra}"


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        for task in tasks:
            text = (task / "children").read_text().split()
            for child in map(int, text):
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


def baseline(articles: list[bytes]) -> tuple[list[float], float]:
    import jsonld_news

    jsonld_news.prepare(jsonld_news.Options())
    jsonld_news.convert(b"Warm-up\n\nBerlin, one sentence.", "jsonld", "text")
    latencies = []
    start = time.perf_counter()
    for data in articles:
        began = time.perf_counter()
        jsonld_news.convert(data, "jsonld", "text")
        latencies.append(time.perf_counter() - began)
    return latencies, len(articles) / (time.perf_counter() - start)


def start_server(workers: int) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    command = [sys.executable, "-m", "jsonld_news", "serve", "--workers", str(workers)]
    process = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("bench_serve: the server did not start")


def load(
    port: int, articles: list[bytes], clients: int, seconds: float, server_pid: int
) -> dict[str, object]:
    """Post every article once, from ``clients`` threads; stop early after ``seconds``."""
    lock = threading.Lock()
    position = [0]
    cold: list[float] = []
    warm: list[float] = []
    failures: list[str] = []
    rss: list[float] = []
    checkpoint = max(1, len(articles) // 10)
    stop_at = time.monotonic() + seconds

    def next_article() -> bytes | None:
        with lock:
            if position[0] >= len(articles) or time.monotonic() > stop_at:
                return None
            data = articles[position[0]]
            position[0] += 1
            if position[0] == checkpoint:
                rss.append(_rss_mb(_children(server_pid)))
            return data

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        first = True
        while (data := next_article()) is not None:
            began = time.perf_counter()
            try:
                connection.request(
                    "POST", "/convert?to=jsonld", data, {"Content-Type": "text/plain"}
                )
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    with lock:
                        failures.append(str(response.status))
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    failures.append(type(exc).__name__)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - began
            with lock:
                (cold if first else warm).append(elapsed)
            first = False
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    rss.append(_rss_mb(_children(server_pid)))
    return {
        "done": len(cold) + len(warm),
        "elapsed": elapsed,
        "cold": cold,
        "warm": warm,
        "failures": failures,
        "rss": rss,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=120.0, help="stop the load after this")
    parser.add_argument("--clients", type=int, default=8, help="concurrent connections")
    parser.add_argument("--baseline-articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--latency-requests", type=int, default=300, help="1-client phase")
    args = parser.parse_args()

    articles = [text_article(i) for i in range(args.requests + args.baseline_articles)]
    words = statistics.median(len(a.split()) for a in articles[:50])
    print(
        f"serve: POST /convert, {words:.0f}-word text articles to JSON-LD, mentions on, "
        f"each article posted once; {os.cpu_count()} cores shared by server and client"
    )
    base_latencies, base_rate = baseline(articles[args.requests :])
    print(
        _line(
            "baseline: in-process convert()", base_latencies, f"   {base_rate:6.0f} /s (1 process)"
        )
    )

    process, port = start_server(args.workers)
    sequential = max(1, min(args.latency_requests, args.requests // 5))
    try:
        # latency: one client, one request at a time (the first is the cold one)
        alone = load(port, articles[:sequential], 1, args.seconds / 4, process.pid)
        result = load(
            port, articles[sequential : args.requests], args.clients, args.seconds, process.pid
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    cold = list(alone["cold"])  # type: ignore[call-overload]
    print(_line("ours: serve, 1 client, cold", cold, "   (the first request)"))
    print(_line("ours: serve, 1 client, warm", list(alone["warm"])))  # type: ignore[call-overload]
    done = int(result["done"])  # type: ignore[call-overload]
    elapsed = float(result["elapsed"])  # type: ignore[arg-type]
    latencies = list(result["cold"]) + list(result["warm"])  # type: ignore[call-overload]
    failures = list(alone["failures"]) + list(result["failures"])  # type: ignore[call-overload]
    rss = list(result["rss"])  # type: ignore[call-overload]
    label = f"ours: serve --workers {args.workers}, {args.clients} clients"
    print(_line(label, latencies, f"   {done / elapsed:6.0f} requests/s"))
    planned = args.requests - sequential
    bounded = "" if done == planned else f" (stopped at {args.seconds:g} s)"
    total = done + int(alone["done"])  # type: ignore[call-overload]
    print(f"  {total:,} requests in all{bounded}, {len(failures)} failed")
    if len(rss) == 2:
        print(
            f"  worker memory (RSS, all workers): {rss[0]:.0f} MB after {max(1, planned // 10):,} "
            f"loaded requests, {rss[1]:.0f} MB after {done:,} ({rss[1] - rss[0]:+.0f} MB)"
        )
    print("  targets (issue 12): p99 <= 20 ms, >= 500 requests/s with 2 workers, no failures")


if __name__ == "__main__":
    main()
