"""N-Quads shards: size, atomic rename, determinism, and resume after a real SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest

from jsonld_news.jsonld import to_jsonld
from jsonld_news.manifest import MANIFEST_NAME
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.serialize import render
from jsonld_news.shards import ShardWriter, next_shard_index, shard_name

ROOT = Path(__file__).resolve().parents[1]


def quads(n: int) -> str:
    graph = f"<https://news.example/{n}#article>"
    return (
        f'<https://news.example/{n}#article> <http://schema.org/headline> "Story {n}" {graph} .\n'
    )


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
    }


def test_shards_hold_at_most_size_articles_in_order(tmp_path: Path) -> None:
    finished = []
    with ShardWriter(tmp_path, 3) as writer:
        for n in range(7):
            shard = writer.add(f"k{n}", quads(n))
            if shard:
                finished.append(shard)
            if n == 1:  # a shard being filled is a temporary file, never a part file
                assert [p.name for p in tmp_path.iterdir() if p.name.startswith("part-")] == []
                assert len(list(tmp_path.glob(".part-00000.nq.*.tmp"))) == 1
        last = writer.close()
    assert last is not None
    finished.append(last)
    assert writer.close() is None
    assert [(s.path.name, s.index, s.keys) for s in finished] == [
        ("part-00000.nq", 0, ("k0", "k1", "k2")),
        ("part-00001.nq", 1, ("k3", "k4", "k5")),
        ("part-00002.nq", 2, ("k6",)),
    ]
    assert (tmp_path / "part-00001.nq").read_text() == quads(3) + quads(4) + quads(5)
    assert sorted(files(tmp_path)) == ["part-00000.nq", "part-00001.nq", "part-00002.nq"]


def test_same_order_same_bytes_and_a_missing_newline_is_added(tmp_path: Path) -> None:
    for run in ("a", "b"):
        with ShardWriter(tmp_path / run, 2) as writer:
            for n in range(5):
                writer.add(str(n), quads(n).rstrip("\n"))
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert (tmp_path / "a" / "part-00002.nq").read_text() == quads(4)


def test_an_error_drops_the_open_shard(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), ShardWriter(tmp_path, 3) as writer:
        for n in range(4):
            writer.add(str(n), quads(n))
        raise RuntimeError("stop")
    assert sorted(files(tmp_path)) == ["part-00000.nq"]


def test_real_articles_make_valid_nquads_one_graph_each(tmp_path: Path) -> None:
    options = Options(recognize_entities=False)
    inputs = sorted((ROOT / "examples" / "inputs").iterdir())
    with ShardWriter(tmp_path, 3) as writer:
        for path in inputs:
            article = convert_bytes(path.read_bytes(), str(path), None, options)
            writer.add(path.stem, render(to_jsonld(article), "nq"))
    graphs: set[str] = set()
    for index in range(next_shard_index({"outputs": [str(p)]} for p in tmp_path.iterdir())):
        store = pyoxigraph.Store()
        store.load(path=str(tmp_path / shard_name(index)), format=pyoxigraph.RdfFormat.N_QUADS)
        graphs |= {str(g) for g in store.named_graphs()}
    assert len(graphs) == len(inputs)


def test_next_shard_index() -> None:
    assert next_shard_index([]) == 0
    entries: list[dict[str, Any]] = [{"outputs": ["out/a.jsonld", "out/part-00004.nq"]}, {"failed": {}},
               {"outputs": ["out/part-00002.nq", "out/xpart-00009.nq"]}]  # fmt: skip
    assert next_shard_index(entries) == 5


RUN = """
import sys
from pathlib import Path
from jsonld_news.manifest import ErrorLog, Manifest, error_entry, remove_partial_files
from jsonld_news.shards import ShardWriter, next_shard_index

out, total, resume = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "resume"
with Manifest.open(out, ["nq"], {"shard_size": 16}, ["gen"], resume=resume, sync_every=5) as manifest:
    remove_partial_files(out)
    errors = ErrorLog.resume(out, manifest.failures()) if resume else ErrorLog.create(out)
    with errors, ShardWriter(out, 16, start=next_shard_index(manifest.entries())) as shards:
        for n in range(total):
            key = f"gen/{n:09d}"
            if manifest.done(key):
                continue
            if n % 13 == 0:
                entry = error_entry("gen.jsonl", n + 1, f"article {n} is unlucky", "ArticleError")
                errors.write(**entry)
                manifest.record_failure(key, entry)
                continue
            graph = f"<https://news.example/{n}#article>"
            shard = shards.add(key, f'{graph} <http://schema.org/headline> "Story {n}" {graph} .\\n')
            if shard is not None:
                manifest.record_shard([(done, []) for done in shard.keys], str(shard.path))
                print(shard.index, flush=True)
"""


def run(out: Path, total: int, mode: str, kill_at_shard: int | None = None) -> int:
    process = subprocess.Popen(
        [sys.executable, "-c", RUN, str(out), str(total), mode],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        text=True,
    )
    assert process.stdout is not None
    if kill_at_shard is not None:
        for line in process.stdout:
            if int(line) >= kill_at_shard:
                process.send_signal(signal.SIGKILL)
                break
    process.stdout.read()
    return process.wait()


def test_kill_9_then_resume_gives_the_clean_runs_bytes(tmp_path: Path) -> None:
    total = 600
    assert run(tmp_path / "clean", total, "new") == 0
    clean = files(tmp_path / "clean")
    assert len([n for n in clean if n.startswith("part-")]) == -(-(total - 47) // 16)
    assert run(tmp_path / "killed", total, "new", kill_at_shard=10) == -signal.SIGKILL
    assert files(tmp_path / "killed") != clean
    assert run(tmp_path / "killed", total, "resume") == 0
    assert files(tmp_path / "killed") == clean  # shards and errors.jsonl, byte for byte
    assert run(tmp_path / "killed", total, "resume") == 0  # nothing left to do, nothing redone
    assert files(tmp_path / "killed") == clean
