"""Real processes, really killed: a reload into an on-disk Oxigraph store killed with SIGKILL
mid-way, and the parent of a ``-j 2`` batch killed while its workers run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

GRAPHS, TRIPLES, BATCH = 100, 300, 25

# Writes version A of every graph, or (``reload``) version B batch by batch, saying "batch N"
# after each. Version B changes every triple of even graphs and one triple of odd ones.
_WRITER = textwrap.dedent(
    """
    import sys
    from jsonld_news.stores import OxigraphStore

    path, version = sys.argv[1], sys.argv[2]
    graphs, triples, batch = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])

    def content(i, version):
        lines = []
        for j in range(triples):
            value = version if (i % 2 == 0 or j == 0) else "A"
            lines.append(f'<https://ex.org/{i}/s{j}> <https://ex.org/p> "{value}-{i}-{j}" .\\n')
        return "".join(lines)

    store = OxigraphStore(path)
    pairs = [(f"https://ex.org/{i}#article", content(i, version)) for i in range(graphs)]
    print("ready", flush=True)
    for n in range(0, graphs, batch):
        store.replace_graphs(pairs[n : n + batch])
        print("batch", n // batch, flush=True)
    store.close()
    """
)


def _expected(i: int, version: str) -> set[str]:
    return {
        f'<https://ex.org/{i}/s{j}> <https://ex.org/p> "{version if (i % 2 == 0 or j == 0) else "A"}-{i}-{j}"'
        for j in range(TRIPLES)
    }


def _writer(path: Path, version: str) -> subprocess.Popen[str]:
    args = [str(x) for x in (path, version, GRAPHS, TRIPLES, BATCH)]
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, *args], stdout=subprocess.PIPE, text=True
    )


@pytest.fixture(scope="module")
def stored_a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed on-disk store holding version A of every graph (copied for each test)."""
    db = tmp_path_factory.mktemp("stored") / "db"
    first = _writer(db, "A")
    assert first.wait(timeout=120) == 0
    return db


# Kill points: after some batches, then a delay that lands in the checks, the removals or
# the writes of the next batch (where they fall depends on the machine; all must be safe).
@pytest.mark.parametrize(
    ("batches_before_kill", "delay"), [(0, 0.0), (0, 0.03), (1, 0.06), (2, 0.12), (3, 0.2)]
)
def test_reload_killed_mid_way_keeps_every_graph_whole(
    stored_a: Path, tmp_path: Path, batches_before_kill: int, delay: float
) -> None:
    import pyoxigraph

    db = tmp_path / "db"
    shutil.copytree(stored_a, db)
    reload = _writer(db, "B")
    assert reload.stdout is not None
    assert reload.stdout.readline().strip() == "ready"
    for _ in range(batches_before_kill):
        reload.stdout.readline()
    time.sleep(delay)
    reload.send_signal(signal.SIGKILL)  # mid-batch or between batches: either must be safe
    reload.wait(timeout=60)
    reload.stdout.close()

    store = pyoxigraph.Store(str(db))  # the raw store: no repair step of ours runs first
    seen = {"A": 0, "B": 0}
    for i in range(GRAPHS):
        graph = pyoxigraph.NamedNode(f"https://ex.org/{i}#article")
        content = {str(q.triple) for q in store.quads_for_pattern(None, None, None, graph)}
        version = next((v for v in seen if content == _expected(i, v)), None)
        assert version is not None, f"graph {i} is neither its old nor its new content"
        seen[version] += 1
    assert seen["A"] + seen["B"] == GRAPHS


# --- workers die with their parent ------------------------------------------------------------

INPUTS = Path(__file__).resolve().parents[1] / "examples" / "inputs"


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has stopped; only its reaping is left


def _until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find workers")
@pytest.mark.parametrize("command", ["convert", "load"])
@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_their_parent(tmp_path: Path, command: str, kill: int) -> None:
    folder = tmp_path / "in"
    for n in range(150):  # enough work that the batch is still running when it is killed
        shutil.copytree(INPUTS, folder / str(n))
    target = ["-o", str(tmp_path / "out")] if command == "convert" else ["--store", "memory:"]
    log = (tmp_path / "stderr").open("w")  # a file: a pipe would wait for the workers too
    parent = subprocess.Popen(
        [sys.executable, "-m", "jsonld_news", command, str(folder), "-j", "2", *target],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    workers: set[int] = set()
    try:

        def started() -> bool:
            workers.update(_children(parent.pid))
            return len(workers) >= 2

        assert _until(started, 60), "the worker processes never started"
        assert parent.poll() is None, "the batch ended before it could be killed"
        parent.send_signal(kill)
        parent.wait(timeout=60)
        log.flush()
        # a failure shows what the batch said: a rare failure here must be diagnosable from CI
        said = (tmp_path / "stderr").read_text()
        assert _until(lambda: not any(map(_alive, workers)), 30), f"workers outlived: {said}"
        if kill == signal.SIGTERM:  # handled: workers stopped, then one line and 128 + 15
            assert parent.returncode == 128 + signal.SIGTERM, f"exit {parent.returncode}: {said}"
            assert said.strip().splitlines()[-1:] == ["jsonld-news: terminated"], said
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        log.close()
        for pid in workers:  # only if the test failed: never leave them behind
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        for child in _children(todo.pop()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find workers")
def test_dask_workers_die_with_their_parent(tmp_path: Path) -> None:
    """kill -9 of a ``--engine dask`` run on its own LocalCluster: the worker processes (and
    whatever else the cluster started) are gone soon after, none left converting."""
    pytest.importorskip("distributed")
    folder = tmp_path / "in"
    for n in range(150):
        shutil.copytree(INPUTS, folder / str(n))
    out = tmp_path / "out"
    log = (tmp_path / "stderr").open("w")
    parent = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jsonld_news",
            "convert",
            str(folder),
            "-o",
            str(out),
            "-j",
            "2",
            "--engine",
            "dask",
        ],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    workers: set[int] = set()
    try:

        def converting() -> bool:
            workers.update(_descendants(parent.pid))
            return len(workers) >= 2 and any(out.rglob("*.jsonld"))

        assert _until(converting, 120), "the Dask workers never started converting"
        assert parent.poll() is None, "the batch ended before it could be killed"
        workers.update(_descendants(parent.pid))
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=60)
        assert _until(lambda: not any(map(_alive, workers)), 30), "workers outlived the parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        log.close()
        for pid in workers:  # only if the test failed: never leave them behind
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _slow_task(task: tuple[str, int]) -> int:
    folder, number = task
    Path(folder, f"{number}.started").touch()
    time.sleep(0.005)
    Path(folder, f"{number}.ended").touch()
    return number


def test_a_stopped_pool_lets_its_workers_finish_the_chunk_in_hand(tmp_path: Path) -> None:
    """Closing a ``process_map`` early (Ctrl-C in the CLI) cancels what has not started and
    lets each worker finish its chunk and leave: a worker ended mid-task could leave the
    executor's threads blocked, and the process would never exit."""
    from jsonld_news import batch

    results = batch.process_map(_slow_task, ((str(tmp_path), n) for n in range(2000)), 2)
    assert next(results) == 0
    results.close()  # what a KeyboardInterrupt in the consumer does
    started = {p.stem for p in tmp_path.glob("*.started")}
    ended = {p.stem for p in tmp_path.glob("*.ended")}
    assert started and started == ended  # no task cut short
    assert len(started) < 2000  # the rest was cancelled
