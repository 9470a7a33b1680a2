"""The document stream: folders, JSON Lines and WARC files, on real files built here."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from jsonld_news.errors import MalformedInputError
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.sources import (
    Document,
    DocumentStream,
    Failed,
    Skipped,
    input_bytes,
    iter_documents,
)
from tests import warcs
from tests.conftest import SHARED

CORPUS_HTML = SHARED / "corpus" / "html"


def documents(paths: list[Path]) -> list[Document]:
    return [item for item in iter_documents(paths) if isinstance(item, Document)]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    return path


OWN = json.dumps({"headline": "Council passes budget", "datePublished": "2024-05-01",
                  "articleBody": "The council passed the budget on Tuesday."})  # fmt: skip
NEWSPLEASE = json.dumps({"title": "Port reopens", "date_publish": "2024-05-02 00:00:00",
                         "maintext": "The port reopened on Wednesday.", "authors": []})  # fmt: skip
TRAFILATURA = json.dumps({"title": "Bridge closes", "date": "2024-05-03",
                          "text": "The bridge closed on Thursday.", "source-hostname": "Example"})  # fmt: skip


# ------------------------------------------------------------------------------------ folders


def test_folder_order_is_sorted_rglob_order(tmp_path: Path) -> None:
    names = ["b.txt", "a/z.md", "a/b/c.html", "a.txt", "a/b.json", "c/d/e/f.txt", "aa/x.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Title\n\nBody.\n")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("no")
    (tmp_path / "a" / ".draft.md").write_text("no")
    expected = [
        p for p in sorted(tmp_path.rglob("*"))
        if p.is_file() and p.suffix in {".txt", ".md", ".html", ".json"}
        and not any(part.startswith(".") for part in p.relative_to(tmp_path).parts)
    ]  # fmt: skip
    found = documents([tmp_path])
    assert [Path(d.source) for d in found] == expected
    assert [d.key for d in found] == [
        p.relative_to(tmp_path).with_suffix("").as_posix() for p in expected
    ]
    assert all(d.position is None and d.format is None for d in found)
    assert found[0].data == b"Title\n\nBody.\n"


def test_same_stem_in_one_folder_keeps_suffixes(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ["a.txt", "a.md", "b.txt", "sub/a.txt"]:
        (tmp_path / name).write_text("Title\n\nBody.\n")
    assert [d.key for d in documents([tmp_path])] == ["a.md", "a.txt", "b", "sub/a"]


def test_a_file_given_by_name_and_a_missing_one(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("Title\n\nBody.\n")
    items = list(iter_documents([tmp_path / "story.md", tmp_path / "gone.txt"]))
    assert isinstance(items[0], Document) and items[0].key == "story"
    assert isinstance(items[1], Failed)
    assert items[1].reason == "no such file" and items[1].error_class == "UnreadableInputError"
    assert str(items[1]) == f"{tmp_path / 'gone.txt'}: no such file"


def test_a_file_over_the_limit_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 100)
    (tmp_path / "small.txt").write_bytes(b"x" * 10)
    items = list(iter_documents([tmp_path], max_document_bytes=50))
    assert isinstance(items[0], Failed) and "more than the limit of 50" in items[0].reason
    assert isinstance(items[1], Document) and items[1].key == "small"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_an_unreadable_file_fails_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.txt").chmod(0)
    items = list(iter_documents([tmp_path]))
    assert isinstance(items[0], Failed) and items[0].reason == "permission denied"
    assert isinstance(items[1], Document)


# --------------------------------------------------------------------------------- JSON Lines


@pytest.mark.parametrize("name", ["export.jsonl", "export.jsonl.gz", "export.ndjson"])
def test_jsonl_lines_are_documents_detected_per_line(tmp_path: Path, name: str) -> None:
    path = write_jsonl(
        tmp_path / name, [OWN, "", "   ", NEWSPLEASE, "{oops", "[1, 2]", TRAFILATURA]
    )
    stream = DocumentStream([path])
    items = list(stream)
    assert stream.counts.bytes_read == path.stat().st_size == input_bytes([path])
    assert input_bytes([path, tmp_path]) is None
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Failed", "Failed", "Document"]  # fmt: skip
    docs = [i for i in items if isinstance(i, Document)]
    assert [(d.position, d.key, d.format) for d in docs] == [
        (1, "export/000000001", "json"),
        (4, "export/000000004", "newsplease"),
        (7, "export/000000007", "trafilatura"),
    ]
    assert docs[0].data == OWN.encode() and docs[0].label == f"{path}:1"
    bad, array = (i for i in items if isinstance(i, Failed))
    assert (bad.position, bad.key, bad.error_class) == (
        5,
        "export/000000005",
        "MalformedInputError",
    )
    assert bad.reason.startswith("malformed JSON at column 2")
    assert str(bad) == f"{path}:5: {bad.reason}"
    assert array.reason == "expected a JSON object describing one article, got array"
    # each line converts through the reader its format names
    for doc in docs:
        article = convert_bytes(doc.data, doc.label, doc.format, Options(recognize_entities=False))
        assert article.headline


def test_jsonl_in_a_folder_is_expanded_and_keyed_by_its_path(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    write_jsonl(tmp_path / "2024" / "may.jsonl.gz", [OWN, OWN])
    (tmp_path / "2024" / "may.txt").write_text("Title\n\nBody.\n")
    keys = [d.key for d in documents([tmp_path])]
    assert keys == ["2024/may/000000001", "2024/may/000000002", "2024/may"]


def test_archives_with_one_stem_in_one_folder_keep_their_names(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", [OWN])
    write_jsonl(tmp_path / "a.jsonl.gz", [OWN])
    write_jsonl(tmp_path / "b.ndjson", [OWN])
    keys = [d.key for d in documents([tmp_path])]
    assert keys == ["a.jsonl/000000001", "a.jsonl.gz/000000001", "b/000000001"]


def test_a_bad_utf8_line_and_an_overlong_line_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"headline": "caf\xe9"}\n' + b'{"a": "' + b"y" * 300 + b'"}\n' + OWN.encode() + b"\n")  # fmt: skip
    items = list(iter_documents([path], max_document_bytes=200))
    assert isinstance(items[0], Failed) and items[0].reason.startswith("not UTF-8 (byte 0xe9")
    assert isinstance(items[1], Failed) and items[1].position == 2
    assert "more than the limit of 200" in items[1].reason
    assert isinstance(items[2], Document) and items[2].position == 3


def test_a_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join([OWN] * 200) + "\n").encode(), mtime=0)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) - 20])
    other = write_jsonl(tmp_path / "next.jsonl", [OWN])
    items = list(iter_documents([path, other]))
    failed = [i for i in items if isinstance(i, Failed)]
    assert len(failed) == 1 and failed[0].reason.startswith("truncated gzip stream after line")
    assert isinstance(items[-1], Document) and items[-1].source == str(other)
    assert sum(isinstance(i, Document) for i in items) >= 150


def test_the_reader_still_reports_a_line_it_refuses(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [json.dumps({"headline": ""})])
    (doc,) = documents([path])
    with pytest.raises(Exception) as caught:
        convert_bytes(doc.data, doc.label, doc.format, Options(recognize_entities=False))
    assert str(caught.value).startswith(f"{path}:1: ")
    assert not isinstance(caught.value, MalformedInputError)


def test_memory_stays_flat_over_50000_lines(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w") as stream:
        for i in range(50_000):
            stream.write(
                json.dumps({"headline": f"Story {i}", "articleBody": "Words. " * 40}) + "\n"
            )
    stream_ = DocumentStream([path])
    tracemalloc.start()
    try:
        peaks: list[int] = []
        for count, item in enumerate(stream_, 1):
            assert isinstance(item, Document)
            if count in (1_000, 50_000):
                peaks.append(tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()
    assert stream_.counts.documents == 50_000
    assert stream_.counts.bytes_read == path.stat().st_size
    # the peak after 50,000 documents is the peak after 1,000, give or take allocator noise
    assert peaks[1] - peaks[0] < 256 * 1024, peaks


# --------------------------------------------------------------------------------------- WARC


def synthetic_records() -> list[warcs.Record]:
    latin = (
        "<html><head><title>Caf\xe9 reopens after the flood</title>"
        '<meta property="article:published_time" content="2024-05-01T10:00:00Z"></head>'
        "<body><article><h1>Caf\xe9 reopens after the flood</h1><p>The caf\xe9 on the corner "
        "reopened on Tuesday, three weeks after the flood. Its owner said the cr\xe8me "
        "br\xfbl\xe9e was back on the menu.</p></article></body></html>"
    )
    declared = '<html><head><meta charset="utf-8"><title>Declared</title></head><body>x</body></html>'  # fmt: skip
    return [
        warcs.warcinfo(),
        warcs.http_request("https://news.example/cafe"),
        warcs.http_response(
            "https://news.example/cafe", latin.encode("latin-1"), "text/html; charset=ISO-8859-1"
        ),
        warcs.metadata("https://news.example/cafe"),
        warcs.http_response(
            "https://news.example/cafe.jpg", b"\xff\xd8\xff\xe0" + bytes(64), "image/jpeg"
        ),
        warcs.revisit("https://news.example/cafe"),
        warcs.http_response(
            "https://news.example/gone", b"<html>gone</html>", status="404 Not Found"
        ),
        warcs.http_response(
            "https://news.example/moved",
            b"",
            status="301 Moved Permanently",
            headers=[("Location", "/x")],
        ),
        warcs.http_response("https://news.example/declared", declared.encode(), "text/html"),
        warcs.http_response(
            "https://news.example/gzipped",
            gzip.compress(declared.encode(), mtime=0),
            "application/xhtml+xml",
            headers=[("Content-Encoding", "gzip")],
        ),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_synthetic_warc(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    offsets = warcs.write_warc(path, synthetic_records())
    stream = DocumentStream([path])
    items = list(stream)
    assert [i.position for i in items] == offsets
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [s.reason for s in skipped] == [
        "warcinfo record",
        "request record",
        "metadata record",
        "not HTML: image/jpeg",
        "revisit record",
        "HTTP 404 Not Found",
        "HTTP 301 Moved Permanently",
    ]
    docs = [i for i in items if isinstance(i, Document)]
    assert [(d.url, d.charset, d.format) for d in docs] == [
        ("https://news.example/cafe", "iso-8859-1", "html"),
        ("https://news.example/declared", None, "html"),
        ("https://news.example/gzipped", None, "html"),
    ]
    assert docs[0].key == f"crawl/{offsets[2]:09d}" and docs[0].position == offsets[2]
    assert docs[0].label == f"{path}@{offsets[2]}"
    assert "Caf\xe9".encode("latin-1") in docs[0].data
    assert docs[2].data == docs[1].data  # Content-Encoding undone
    # the HTML reader takes a document as it is; the WARC URI is the page's URL
    options = Options(base_url=docs[0].url, recognize_entities=False)
    article = convert_bytes(docs[0].data, docs[0].label, docs[0].format, options)
    assert article.url == "https://news.example/cafe"
    assert article.headline == "Caf\xe9 reopens after the flood"
    assert stream.counts.documents == 3 and stream.counts.failed == 0
    assert stream.counts.skipped["HTTP 404"] == 1 and stream.counts.skipped_total == 7
    assert stream.counts.bytes_read == path.stat().st_size


def test_a_warc_gzipped_as_one_stream_has_uncompressed_offsets(tmp_path: Path) -> None:
    plain = tmp_path / "crawl.warc"
    offsets = warcs.write_warc(plain, synthetic_records())
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
    stream = DocumentStream([path])
    items = list(stream)
    assert [i.position for i in items] == offsets
    assert [d.data for d in items if isinstance(d, Document)] == [
        d.data for d in documents([plain])
    ]
    assert stream.counts.bytes_read == path.stat().st_size


def test_a_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    offsets = warcs.write_warc(path, synthetic_records())
    data = path.read_bytes()
    path.write_bytes(data[: offsets[-1] + 30])
    items = list(iter_documents([path, path.with_name("missing.warc")]))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs][:2] == ["https://news.example/cafe", "https://news.example/declared"]  # fmt: skip
    assert isinstance(items[-1], Failed) and items[-1].reason == "no such file"


@pytest.mark.skipif(not CORPUS_HTML.is_dir(), reason="../shared/corpus/html is absent")
def test_corpus_warc(tmp_path: Path) -> None:
    pages = sorted(CORPUS_HTML.glob("*.html"))
    records = warcs.corpus_records(pages)
    records[2:2] = [warcs.metadata("https://news.example/x"), warcs.revisit("https://news.example/y")]  # fmt: skip
    path = tmp_path / "corpus.warc.gz"
    warcs.write_warc(path, records)
    items = list(iter_documents([path]))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == [f"https://news.example/{p.stem}" for p in pages]
    assert [d.data for d in docs] == [p.read_bytes() for p in pages]
    assert sum(isinstance(i, Skipped) for i in items) == len(pages) + 2
    assert all(d.charset == "utf-8" for d in docs)


def test_warc_memory_stays_flat(tmp_path: Path) -> None:
    path = tmp_path / "many.warc.gz"
    page = "<html><head><title>Story {n}</title></head><body><p>{words}</p></body></html>"
    records = []
    for n in range(4_000):
        uri = f"https://news.example/{n}"
        body = page.format(n=n, words="Words and more words. " * 30).encode()
        records += [warcs.http_request(uri), warcs.http_response(uri, body)]
    warcs.write_warc(path, records)
    del records
    tracemalloc.start()
    try:
        peaks: list[int] = []
        for count, item in enumerate(iter_documents([path]), 1):
            if count in (800, 8_000):
                peaks.append(tracemalloc.get_traced_memory()[1])
            assert isinstance(item, Document | Skipped)
    finally:
        tracemalloc.stop()
    assert count == 8_000
    assert peaks[1] - peaks[0] < 256 * 1024, peaks
