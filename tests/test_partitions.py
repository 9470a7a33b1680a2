"""Dask workers read their own partitions (issue 9): JSON Lines byte ranges, whole archives,
chunks of a folder's files. The parts, read one by one, give exactly the stream's items; a run
on a LocalCluster of 2 processes, with the parent forbidden to read any article, gives the
local engine's outputs, errors.jsonl and manifest byte for byte, and resumes the same way."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jsonld_news import batch, convert_many, partitions, sources
from jsonld_news.partitions import Numbering, count_lines, plan, read
from jsonld_news.sources import Counts, iter_documents
from tests import warcs
from tests.test_archives import FAST, MANIFEST, article_line, crawl_records, tree


def _inputs(folder: Path) -> Path:
    folder.mkdir(parents=True)
    lines = [article_line(i) for i in range(1, 41)]
    lines[6] = "{oops"
    lines[20] = ""  # a blank line: skipped, but it has a number
    lines[30] = "x" * 5000  # longer than the limit used below
    text = "\n".join(lines)  # no newline at the end
    (folder / "export.jsonl").write_text(text)
    (folder / "zipped.jsonl.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
    warcs.write_warc(folder / "crawl.warc.gz", crawl_records())
    for n in range(5):
        (folder / "sub" / str(n)).mkdir(parents=True)
        (folder / "sub" / str(n) / "a.json").write_text(article_line(100 + n))
    (folder / "sub" / "0" / "a.txt").write_text("Title\n\nText of the story.\n")  # stems clash
    return folder


def _read_all(inputs: list[str], limit: int) -> list[Any]:
    numbering = Numbering()
    parts = list(plan(inputs))
    numbered = numbering.number(parts, [count_lines(p) for p in parts])
    counts = Counts()
    return [item for part in numbered for item in read(part, limit, counts)]


@pytest.mark.parametrize("part_bytes", [1, 7, 300, 4096, 1 << 30])
@pytest.mark.parametrize("files_per_part", [1, 2, 256])
def test_parts_read_one_by_one_are_the_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part_bytes: int, files_per_part: int
) -> None:
    folder = _inputs(tmp_path / "in")
    monkeypatch.setattr(partitions, "PART_BYTES", part_bytes)
    monkeypatch.setattr(partitions, "FILES_PER_PART", files_per_part)
    for inputs in ([str(folder)], [str(folder / "export.jsonl"), str(folder / "crawl.warc.gz")]):
        want = list(iter_documents(inputs, max_document_bytes=4000))
        assert _read_all(inputs, 4000) == want


def test_a_file_is_cut_in_enough_parts_for_the_workers(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_bytes(b"x" * (5 << 20))
    assert len(list(plan([str(export)], workers=2))) == 8  # 4 a worker, of 640 KiB
    assert len(list(plan([str(export)], workers=1000))) == 80  # no smaller than 64 KiB
    export.write_bytes(b"x" * (100 << 20))
    assert len(list(plan([str(export)], workers=2))) == 13  # no bigger than 8 MiB


def _kinds(inputs: list[str]) -> list[str]:
    return [part.kind for part in plan(inputs)]


@pytest.mark.parametrize("part_bytes", [1, 300, 1000])
def test_a_crawl_gzipped_record_by_record_is_read_in_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part_bytes: int
) -> None:
    """Parts of a ``.warc.gz`` begin at gzip members found by inflating the file, never at a
    gzip magic inside compressed data: here a response whose payload is itself a gzipped WARC
    record (stored verbatim by deflate, as incompressible), which a scan for the magic would
    take for a record of the crawl."""
    inner = gzip.compress(warcs.encode(warcs.http_response("https://inner.example/", b"<p>x")))
    records = [
        *crawl_records(),
        warcs.http_response("https://news.example/nested.warc.gz", inner, "application/gzip"),
        warcs.http_response(
            "https://news.example/after", b"<html><body><p>After</p></body></html>"
        ),
    ]
    crawl = tmp_path / "crawl.warc.gz"
    offsets, data = [], b""
    for record in records:  # level 0: stored blocks, as deflate keeps incompressible bytes
        offsets.append(len(data))
        data += gzip.compress(warcs.encode(record), compresslevel=0, mtime=0)
    crawl.write_bytes(data)
    assert inner[:3] == b"\x1f\x8b\x08" and inner in crawl.read_bytes()  # the trap is there
    monkeypatch.setattr(partitions, "PART_BYTES", part_bytes)
    parts = list(plan([str(crawl)]))
    assert {p.kind for p in parts} == {"warc"} and len(parts) > 1
    assert {p.start for p in parts} <= set(offsets)
    want = list(iter_documents([str(crawl)], max_document_bytes=4000))
    assert _read_all([str(crawl)], 4000) == want


@pytest.mark.parametrize("part_bytes", [1, 300, 1000])
def test_an_uncompressed_crawl_is_read_in_parts_at_its_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part_bytes: int
) -> None:
    """Parts of a ``.warc`` begin at records found by walking their lengths, never at a
    ``WARC/1.`` line inside a block: here a response whose payload is itself a WARC record."""
    inner = warcs.encode(warcs.http_response("https://inner.example/", b"<p>x"))
    records = [
        *crawl_records(),
        warcs.http_response("https://news.example/nested.warc", inner, "application/warc"),
        warcs.http_response(
            "https://news.example/after", b"<html><body><p>After</p></body></html>"
        ),
    ]
    crawl = tmp_path / "crawl.warc"
    offsets = warcs.write_warc(crawl, records)
    monkeypatch.setattr(partitions, "PART_BYTES", part_bytes)
    parts = list(plan([str(crawl)]))
    assert {p.kind for p in parts} == {"warc"} and len(parts) > 1
    assert {p.start for p in parts} <= set(offsets)
    assert parts[-1].end == crawl.stat().st_size
    if part_bytes == 1:  # every record its own part
        assert [p.start for p in parts] == offsets
    want = list(iter_documents([str(crawl)], max_document_bytes=4000))
    assert _read_all([str(crawl)], 4000) == want


def test_a_crawl_that_cannot_be_cut_is_one_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(partitions, "PART_BYTES", 1)
    plain = tmp_path / "plain.warc"
    warcs.write_warc(plain, crawl_records())
    whole = tmp_path / "stream.warc.gz"  # gzipped as one stream
    whole.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
    cut = tmp_path / "cut.warc.gz"  # a member cut short: reading it whole says where
    warcs.write_warc(cut, crawl_records())
    cut.write_bytes(cut.read_bytes()[:-20])
    short = tmp_path / "short.warc"  # uncompressed, its last block cut short
    short.write_bytes(plain.read_bytes()[:-20])
    lying = tmp_path / "lying.warc"  # a Content-Length that is not the block's
    data = plain.read_bytes()
    at = data.index(b"Content-Length: ") + len(b"Content-Length: ")
    lying.write_bytes(data[:at] + b"1" + data[at:])
    twice = tmp_path / "twice.warc"  # two lengths that differ
    twice.write_bytes(
        data.replace(b"\r\nContent-Length:", b"\r\nContent-Length: 3\r\nContent-Length:", 1)
    )
    for path in (whole, cut, short, lying, twice):
        assert _kinds([str(path)]) == ["file"]
        want = list(iter_documents([str(path)], max_document_bytes=4000))
        assert _read_all([str(path)], 4000) == want


def test_an_unlistable_folder_is_a_failed_part(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    assert _read_all([str(missing)], 1000) == list(iter_documents([missing]))


def _forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent may list folders and read sizes, never a document."""

    def boom(*args: Any, **kwargs: Any) -> Iterator[Any]:
        raise AssertionError("the parent read an input")

    for module in (sources, partitions):
        for name in ("_iter_file", "_iter_jsonl", "_iter_warc"):
            monkeypatch.setattr(module, name, boom)
    monkeypatch.setattr(batch, "claimed_items", boom)


@pytest.mark.enable_socket  # a LocalCluster here: the scheduler and its workers on 127.0.0.1
@pytest.mark.allow_hosts(["127.0.0.1"])
def test_dask_workers_read_their_parts_and_match_the_local_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    folder = _inputs(tmp_path / "in")
    args: dict[str, Any] = {"options": FAST, "shard_size": 4, "workers": 2}
    formats = ["jsonld", "nq"]
    local = convert_many([folder], tmp_path / "local", formats, **args)
    want = tree(tmp_path / "local")
    want_manifest = (tmp_path / "local" / MANIFEST).read_text().replace(str(tmp_path / "local"), "OUT")  # fmt: skip
    monkeypatch.setattr(partitions, "PART_BYTES", 700)  # several parts of the export
    monkeypatch.setattr(partitions, "FILES_PER_PART", 2)
    _forbid_reading(monkeypatch)
    out = tmp_path / "dask"
    result = convert_many([folder], out, formats, engine="dask", **args)
    assert (result.converted, result.failed, result.skipped) == (
        local.converted,
        local.failed,
        local.skipped,
    )
    assert tree(out) == want
    assert (out / MANIFEST).read_text().replace(str(out), "OUT") == want_manifest
    # a run killed after three shards: the manifest as it was synced then (a shard's articles
    # are recorded with it, together)
    lines = (out / MANIFEST).read_text().splitlines(keepends=True)
    cut = max(i for i, line in enumerate(lines) if "part-00002.nq" in line) + 1
    (out / MANIFEST).write_text("".join(lines[:cut]))
    (out / "errors.jsonl").unlink()
    again = convert_many([folder], out, formats, engine="dask", resume=True, **args)
    assert again.resumed == sum('"key"' in line for line in lines[1:cut])  # not commit lines
    assert again.converted + again.failed == local.converted + local.failed - again.resumed
    assert tree(out) == want
    assert (out / MANIFEST).read_text().replace(str(out), "OUT") == want_manifest


def test_what_the_workers_cannot_read_alone_is_read_here(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    export, crawl = str(folder / "export.jsonl"), str(folder / "crawl.warc.gz")
    assert batch.partitionable([str(folder)])
    assert batch.partitionable([export, crawl])
    assert not batch.partitionable([str(folder), export])  # a folder's keys may clash
    assert not batch.partitionable([export, str(folder / "zipped.jsonl.gz"), export])
    assert not batch.partitionable(["memory://in/export.jsonl"])  # not shared with workers
