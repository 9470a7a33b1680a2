"""Inputs and outputs as fsspec URLs (issue 9): ``memory://`` (fsspec's in-memory filesystem, in
this process) and ``file://``, with the local engine and a LocalCluster of 2 processes. Each run
is compared, byte for byte, with the same run on plain local paths."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jsonld_news import Options, convert_many
from jsonld_news.errors import ConfigError
from jsonld_news.sources import Document, iter_documents
from tests import warcs
from tests.test_archives import FAST, MANIFEST, article_line, crawl_records, run, tree

fsspec = pytest.importorskip("fsspec")
NO_MENTIONS = Options(recognize_entities=False)  # as the CLI's --no-mentions


@pytest.fixture
def memory() -> Iterator[tuple[Any, str]]:
    """The in-memory filesystem and a fresh folder in it, removed afterwards."""
    fs = fsspec.filesystem("memory")
    root = f"/t-{uuid.uuid4().hex[:8]}"
    try:
        yield fs, root
    finally:
        if fs.exists(root):
            fs.rm(root, recursive=True)


def _inputs(folder: Path) -> Path:
    """A folder of inputs: a JSON Lines export with a bad line, a WARC, an article in a sub folder."""
    folder.mkdir(parents=True)
    lines = [article_line(i) for i in range(1, 9)]
    lines[4] = "{oops"
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n")
    warcs.write_warc(folder / "crawl.warc.gz", crawl_records())
    (folder / "sub").mkdir()
    (folder / "sub" / "a.json").write_text(article_line(99))
    return folder


def _memory_tree(fs: Any, root: str) -> dict[str, bytes]:
    return {
        path[len(root) + 1 :]: bytes(fs.cat_file(path))
        for path in sorted(fs.find(root))
        if not path.endswith(MANIFEST)
    }


def _manifest(text: str, root: str) -> list[Any]:
    return [json.loads(line) for line in text.replace(root, "OUT").splitlines()]


def test_memory_urls_in_and_out_match_local_paths(tmp_path: Path, memory: tuple[Any, str]) -> None:
    fs, root = memory
    local_in = _inputs(tmp_path / "in")
    for path in sorted(local_in.rglob("*")):
        if path.is_file():
            fs.pipe_file(f"{root}/in/{path.relative_to(local_in).as_posix()}", path.read_bytes())
    url_in, url_out = f"memory://{root}/in", f"memory://{root}/out"
    args: dict[str, Any] = {"options": FAST, "shard_size": 3}
    remote = convert_many([url_in], url_out, ["jsonld", "nq"], **args)
    local = convert_many([local_in], tmp_path / "out", ["jsonld", "nq"], workers=2, **args)
    assert (remote.converted, remote.failed, remote.skipped) == (9, 2, 6)
    assert (local.converted, local.failed, local.skipped) == (9, 2, 6)
    got = _memory_tree(fs, f"{root}/out")
    want = tree(tmp_path / "out")
    # errors.jsonl names the inputs: URLs against paths
    got["errors.jsonl"] = got["errors.jsonl"].replace(url_in.encode(), b"IN")
    want["errors.jsonl"] = want["errors.jsonl"].replace(str(local_in).encode(), b"IN")
    assert got == want
    manifest = bytes(fs.cat_file(f"{root}/out/{MANIFEST}")).decode()
    entries = _manifest(manifest, f"memory://{root}/out")[1:]
    local_entries = _manifest((tmp_path / "out" / MANIFEST).read_text(), str(tmp_path / "out"))[1:]
    assert [e.get("outputs") for e in entries] == [e.get("outputs") for e in local_entries]


def test_a_remote_run_resumes_from_its_uploaded_manifest(memory: tuple[Any, str]) -> None:
    fs, root = memory
    fs.pipe_file(f"{root}/export.jsonl", "".join(article_line(i) + "\n" for i in range(1, 21)).encode())  # fmt: skip
    url_in, url_out = f"memory://{root}/export.jsonl", f"memory://{root}/out"
    convert_many([url_in], url_out, ["jsonld", "nq"], options=FAST, shard_size=4)
    clean = _memory_tree(fs, f"{root}/out")
    manifest = bytes(fs.cat_file(f"{root}/out/{MANIFEST}")).decode().splitlines(keepends=True)
    # as a kill leaves it: the manifest uploaded after 8 articles (two shards, each with its
    # commit line), later work lost
    cut = 1 + 2 * (4 + 1)
    assert '"commit"' in manifest[cut - 1]
    fs.pipe_file(f"{root}/out/{MANIFEST}", "".join(manifest[:cut]).encode())
    for name in ("part-00002.nq", "part-00004.nq", "export/000000015.jsonld"):
        fs.rm_file(f"{root}/out/{name}")
    result = convert_many([url_in], url_out, ["jsonld", "nq"], options=FAST, shard_size=4, resume=True)  # fmt: skip
    assert (result.resumed, result.converted) == (8, 12)
    assert _memory_tree(fs, f"{root}/out") == clean
    again = bytes(fs.cat_file(f"{root}/out/{MANIFEST}")).decode().splitlines(keepends=True)
    assert sorted(again) == sorted(manifest)


def test_memory_inputs_read_as_local_ones(tmp_path: Path, memory: tuple[Any, str]) -> None:
    fs, root = memory
    local_in = _inputs(tmp_path / "in")
    fs.put_file(str(local_in / "crawl.warc.gz"), f"{root}/crawl.warc.gz")
    remote = [d for d in iter_documents([f"memory://{root}/crawl.warc.gz"]) if isinstance(d, Document)]  # fmt: skip
    here = [d for d in iter_documents([local_in / "crawl.warc.gz"]) if isinstance(d, Document)]
    assert [(d.key, d.position, d.data, d.url, d.charset) for d in remote] == [
        (d.key, d.position, d.data, d.url, d.charset) for d in here
    ]
    assert remote[0].source == f"memory://{root}/crawl.warc.gz"
    missing = list(iter_documents([f"memory://{root}/nope.jsonl"]))
    assert [str(m) for m in missing] == [f"memory://{root}/nope.jsonl: no such file"]


def test_the_cli_takes_urls(tmp_path: Path, memory: tuple[Any, str]) -> None:
    fs, root = memory
    fs.pipe_file(f"{root}/export.jsonl", (article_line(1) + "\n{oops\n").encode())
    code, _, err = run("convert", f"memory://{root}/export.jsonl", "-o", f"memory://{root}/out", "--no-mentions", "-q")  # fmt: skip
    assert code == 1, err
    assert "converted 1 article(s) into memory://" in err
    assert fs.exists(f"{root}/out/export/000000001.jsonld")
    assert json.loads(bytes(fs.cat_file(f"{root}/out/errors.jsonl")))["position"] == 2


def test_memory_output_is_refused_for_dask(memory: tuple[Any, str]) -> None:
    pytest.importorskip("distributed")
    _, root = memory
    with pytest.raises(ConfigError, match="memory:// is private to this process"):
        convert_many(["x.jsonl"], f"memory://{root}/out", engine="dask")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "jsonld_news", "convert", *args]


def _local_run(local_in: Path, out: Path) -> dict[str, bytes]:
    convert_many([local_in], out, ["jsonld", "nq"], options=NO_MENTIONS, workers=2, shard_size=3)
    return _comparable(out, local_in)


def _comparable(folder: Path, local_in: Path) -> dict[str, bytes]:
    found = tree(folder)
    found["errors.jsonl"] = found["errors.jsonl"].replace(str(local_in).encode(), b"IN")
    manifest = (folder / MANIFEST).read_text().replace(str(folder), "OUT")
    found[MANIFEST] = "\n".join(manifest.splitlines()[1:]).encode()  # the header names the inputs
    return found


def test_file_urls_with_two_worker_processes(tmp_path: Path) -> None:
    local_in = _inputs(tmp_path / "in")
    want = _local_run(local_in, tmp_path / "plain")
    out = tmp_path / "urls"
    convert_many([local_in.as_uri()], out.as_uri(), ["jsonld", "nq"], options=NO_MENTIONS, workers=2, shard_size=3)  # fmt: skip
    assert _comparable(out, local_in) == want


def test_file_urls_on_a_local_cluster_match_the_local_engine(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    local_in = _inputs(tmp_path / "in")
    want = _local_run(local_in, tmp_path / "plain")
    out = tmp_path / "urls"
    args = [local_in.as_uri(), "-o", out.as_uri(), "--to", "jsonld,nq", "--shard-size", "3"]
    done = subprocess.run(
        _cli(*args, "-q", "-j", "2", "--no-mentions", "--engine", "dask"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr  # two documents failed
    assert _comparable(out, local_in) == want
