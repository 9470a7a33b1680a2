"""The resume manifest and errors.jsonl, including a real writer process killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from jsonld_news.manifest import (
    ERRORS_NAME,
    MANIFEST_NAME,
    ErrorLog,
    Manifest,
    ManifestError,
    ManifestMismatchError,
    error_entry,
    options_digest,
    remove_partial_files,
)

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = {"base_iri": "urn:jsonld-news:", "timezone": None, "syntaxes": ["json-ld", "microdata"]}


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_digest_is_stable_and_ignores_order() -> None:
    a = options_digest(["nq", "jsonld"], {"b": 1, "a": [1, 2]})
    assert a == options_digest(["jsonld", "nq", "jsonld"], {"a": (1, 2), "b": 1})
    assert a != options_digest(["jsonld"], {"b": 1, "a": [1, 2]})
    assert a != options_digest(["nq", "jsonld"], {"b": 2, "a": [1, 2]})
    with pytest.raises(TypeError):
        options_digest(["jsonld"], {"a": object()})


def test_a_run_then_a_resume(tmp_path: Path) -> None:
    with Manifest.open(tmp_path, ["jsonld"], OPTIONS, ["in.jsonl"]) as manifest:
        manifest.record("in/000000001", [tmp_path / "in/000000001.jsonld"])
        manifest.record_failure("in/000000002", error_entry("in.jsonl", 2, "bad", "ArticleError"))
        assert not manifest.done("in/000000001")  # only earlier runs count
    header, *entries = lines(tmp_path / MANIFEST_NAME)
    assert header["digest"] == options_digest(["jsonld"], OPTIONS)
    assert header["inputs"] == ["in.jsonl"] and header["options"] == OPTIONS
    assert [e["key"] for e in entries] == ["in/000000001", "in/000000002"]
    with Manifest.open(tmp_path, ["jsonld"], OPTIONS, ["in.jsonl"], resume=True) as again:
        assert again.resumed == 2
        assert again.done("in/000000001") and again.done("in/000000002")
        assert not again.done("in/000000003")
        assert list(again.failures()) == [error_entry("in.jsonl", 2, "bad", "ArticleError")]
    # without resume, a run starts over
    with Manifest.open(tmp_path, ["jsonld"], OPTIONS, ["in.jsonl"]) as fresh:
        assert fresh.resumed == 0
    assert len(lines(tmp_path / MANIFEST_NAME)) == 1


def test_resume_without_a_manifest_starts_a_new_one(tmp_path: Path) -> None:
    with Manifest.open(tmp_path / "out", ["nq"], {}, ["a"], resume=True) as manifest:
        assert manifest.resumed == 0
    assert (tmp_path / "out" / MANIFEST_NAME).is_file()


def test_other_options_are_refused_naming_what_differs(tmp_path: Path) -> None:
    Manifest.open(tmp_path, ["jsonld"], OPTIONS, ["in.jsonl"]).close()
    other = {**OPTIONS, "base_iri": "https://example.org/id/"}
    with pytest.raises(ManifestMismatchError) as caught:
        Manifest.open(tmp_path, ["jsonld", "nq"], other, ["in.jsonl"], resume=True)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / MANIFEST_NAME}: cannot resume: ")
    assert 'formats was ["jsonld"], now ["jsonld","nq"]' in message
    assert 'option base_iri was "urn:jsonld-news:", now "https://example.org/id/"' in message
    assert "timezone" not in message and "syntaxes" not in message
    assert len(caught.value.differences) == 2
    with pytest.raises(ManifestMismatchError, match=r'inputs was \["in.jsonl"\], now \["b"\]'):
        Manifest.open(tmp_path, ["jsonld"], OPTIONS, ["b"], resume=True)


def test_not_a_manifest_and_a_damaged_line(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text('{"something": "else"}\n')
    with pytest.raises(ManifestError, match="not a jsonld-news manifest"):
        Manifest.open(tmp_path, ["jsonld"], {}, [], resume=True)
    Manifest.open(tmp_path, ["jsonld"], {}, []).close()
    with (tmp_path / MANIFEST_NAME).open("a") as stream:
        stream.write('{"key": "a", "outputs": []}\n{"key": \n{"key": "c", "outputs": []}\n')
    with pytest.raises(ManifestError, match="line 3 is damaged"):
        Manifest.open(tmp_path, ["jsonld"], {}, [], resume=True)


def test_a_torn_last_line_is_cut_off(tmp_path: Path) -> None:
    with Manifest.open(tmp_path, ["jsonld"], {}, ["x"]) as manifest:
        manifest.record("a", ["out/a.jsonld"])
    path = tmp_path / MANIFEST_NAME
    with path.open("a") as stream:
        stream.write('{"key":"b","outp')  # killed in the middle of a write
    with Manifest.open(tmp_path, ["jsonld"], {}, ["x"], resume=True) as manifest:
        assert manifest.done("a") and not manifest.done("b")
        manifest.record("b", ["out/b.jsonld"])
    assert [e.get("key") for e in lines(path)[1:]] == ["a", "b"]


def test_error_log_is_rebuilt_from_the_manifest(tmp_path: Path) -> None:
    first = error_entry("in.jsonl", 3, "malformed JSON at column 2: ...", "MalformedInputError")
    with ErrorLog.create(tmp_path) as log:
        log.write(**first)
        log.write("in.jsonl", 9, "not in the manifest", "ArticleError")
    assert lines(tmp_path / ERRORS_NAME)[0] == first
    with ErrorLog.resume(tmp_path, [first]) as log:
        log.write("in.jsonl", 9, "again", "ArticleError")
    assert lines(tmp_path / ERRORS_NAME) == [first, error_entry("in.jsonl", 9, "again", "ArticleError")]  # fmt: skip


def test_partial_files_are_removed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".a.jsonld.k2j3h4.tmp").write_text("half")
    (tmp_path / ".part-00001.nq.x8.tmp").write_text("half")
    (tmp_path / "sub" / "a.jsonld").write_text("{}")
    (tmp_path / "notes.tmp").write_text("the user's")
    assert remove_partial_files(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["a.jsonld", "notes.tmp"]


WRITER = """
import sys
from pathlib import Path
from jsonld_news.manifest import Manifest, error_entry, remove_partial_files
from jsonld_news.sinks import write_atomic

out = Path(sys.argv[1])
total = int(sys.argv[2])
options = {"base_iri": "urn:x:"}
with Manifest.open(out, ["jsonld"], options, ["gen"], resume=True, sync_every=7) as manifest:
    remove_partial_files(out)
    for n in range(total):
        key = f"gen/{n:09d}"
        if manifest.done(key):
            continue
        if n % 13 == 0:
            manifest.record_failure(key, error_entry("gen", n, "unlucky", "ArticleError"))
        else:
            target = out / f"{key}.jsonld"
            write_atomic(target, f'{{"n": {n}}}\\n' * 50)
            manifest.record(key, [str(target)])
        if n % 7 == 6:
            manifest.sync()
            print(n, flush=True)
"""


def run_writer(out: Path, total: int, kill_after: int | None) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(out), str(total)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    if kill_after is not None:
        for line in process.stdout:
            if int(line) >= kill_after:
                process.send_signal(signal.SIGKILL)
                break
    process.stdout.read()
    return process.wait()


def test_kill_9_mid_run_then_resume_gives_no_duplicates(tmp_path: Path) -> None:
    total = 300
    out = tmp_path / "out"
    assert run_writer(out, total, kill_after=100) == -signal.SIGKILL
    _, *before = complete_lines(out / MANIFEST_NAME)
    assert 100 <= len(before) < total
    assert run_writer(out, total, kill_after=None) == 0
    _, *entries = lines(out / MANIFEST_NAME)
    keys = [str(e["key"]) for e in entries]
    assert sorted(keys) == [f"gen/{n:09d}" for n in range(total)]  # each once
    assert len(keys) == len(set(keys))
    failed = [e for e in entries if "failed" in e]
    assert len(failed) == len(range(0, total, 13))
    written = sorted(p for p in out.rglob("*") if p.is_file() and p.name != MANIFEST_NAME)
    assert written == sorted(out / f"gen/{n:09d}.jsonld" for n in range(total) if n % 13)
    assert all(p.read_text() == f'{{"n": {int(p.stem)}}}\n' * 50 for p in written)


def complete_lines(path: Path) -> list[dict[str, object]]:
    """The lines a kill left whole (the last one may be torn)."""
    text = path.read_bytes().decode()
    return [json.loads(line) for line in text.split("\n")[:-1]]


def test_a_shard_counts_only_with_its_commit_line(tmp_path: Path) -> None:
    # A kill between a shard's lines (or before its commit line) leaves none of it done: its
    # documents are redone into the same shard, never half into another (duplicates).
    with Manifest.open(tmp_path, ["nq"], OPTIONS, ["in.jsonl"]) as manifest:
        manifest.record_shard([("in/1", []), ("in/2", [])], "out/part-00000.nq")
        manifest.record_shard([("in/3", []), ("in/4", [])], "out/part-00001.nq")
    path = tmp_path / MANIFEST_NAME
    text = path.read_text().splitlines(keepends=True)
    assert [json.loads(line).get("commit") for line in text[1:]] == [
        None, None, "out/part-00000.nq", None, None, "out/part-00001.nq"
    ]  # fmt: skip
    for cut in range(len(text) + 1):
        for torn in ("", '{"key": "in/'):
            path.write_text("".join(text[:cut]) + torn)
            if cut == 0:
                break
            with Manifest.open(tmp_path, ["nq"], OPTIONS, ["in.jsonl"], resume=True) as again:
                done = [key for key in ("in/1", "in/2", "in/3", "in/4") if again.done(key)]
                assert done == ["in/1", "in/2", "in/3", "in/4"][: 2 * ((cut - 1) // 3)]
                shards = {o for e in again.entries() for o in e.get("outputs", [])}
                assert len(shards) == len(done) // 2
            # opening cut the uncommitted lines off: appends start after the last commit
            assert path.read_text() == "".join(text[: 1 + 3 * ((cut - 1) // 3)])


def test_batch_outputs_are_made_durable_by_one_sync_before_the_manifest_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Local workers skip the fsync of each output file (a third of a -j 2 run's wall time);
    # the manifest's sync flushes the output's disk first (syncfs), so no line vouches for a
    # file not on disk.
    from jsonld_news import batch, convert_many, sinks
    from tests.test_archives import FAST, article_line

    export = tmp_path / "export.jsonl"
    export.write_text("".join(article_line(i) + "\n" for i in range(1, 13)))
    events: list[str] = []
    real_fsync, real_sync = os.fsync, sinks.sync_file_system

    def fsync(fd: int) -> None:
        target = os.readlink(f"/proc/self/fd/{fd}")
        events.append("manifest" if target.endswith(MANIFEST_NAME) else f"fsync {target}")
        real_fsync(fd)

    def sync(folder: str | Path) -> None:
        events.append("sync")
        real_sync(folder)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(batch, "sync_file_system", sync)
    result = convert_many([export], tmp_path / "out", ["jsonld", "turtle"], options=FAST, workers=1)
    assert result.converted == 12
    assert (tmp_path / "out" / "export" / "000000012.ttl").is_file()
    assert not [e for e in events if "/out/export/" in e]  # no output file fsynced one by one
    first_lines = next(i for i, e in enumerate(events) if e == "manifest" and i > 0)
    assert "sync" in events[:first_lines]
    assert len(lines(tmp_path / "out" / MANIFEST_NAME)) == 13
