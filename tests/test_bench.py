"""The throughput benchmarks still run on tiny inputs, and their baselines still make the graph
ours makes (each script checks that before timing). Their figures are `make bench`'s, never
asserted here."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

SCRIPTS = [
    ["tools/bench.py", "--articles", "12", "--baseline-articles", "3"],
    ["tools/bench_store.py", "--articles", "12", "--naive-articles", "3"],
    ["tools/bench_store_remote.py", "--articles", "6", "--rdflib-articles", "2", "--no-virtuoso"],
    ["tools/bench_query.py", "--articles", "30"],
    [
        "tools/bench_batch.py",
        "--articles",
        "6",
        "--rss-sizes",
        "3,6",
        "--corpus",
        "tests/fixtures/html",
        "--dask-articles",
        "0",  # two LocalCluster starts; the Dask engine has its own tests
    ],
    ["tools/bench_seo.py", "--count", "3", "--corpus", "tests/fixtures/html"],
    [
        "tools/bench_validate.py",
        "--corpus",
        "tests/fixtures/validate-cases",
        "--pages",
        "12",
        "--site-pages",
        "8",
        "--baseline-articles",
        "0",
    ],
    # a real server on 127.0.0.1 (the subprocess is not under pytest-socket)
    [
        "tools/bench_serve.py",
        "--requests",
        "24",
        "--latency-requests",
        "4",
        "--probe-requests",
        "10",
        "--seconds",
        "30",
    ],
]


@pytest.mark.parametrize("argv", SCRIPTS, ids=lambda argv: argv[0])
def test_benchmark_runs_and_prints_its_baselines(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, *argv], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip()
