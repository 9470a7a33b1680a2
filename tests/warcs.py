"""Build WARC files for tests and benchmarks, by hand (ISO 28500, WARC/1.1), so the files do not
come from the reader under test. ``.gz`` output compresses each record as its own gzip member,
as crawlers write them. Deterministic: record ids and dates derive from the record's content.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DATE = "2024-11-15T12:00:00Z"


@dataclass(frozen=True)
class Record:
    """One WARC record: its type, target URI, WARC Content-Type and block (HTTP message or other)."""

    type: str
    uri: str
    content_type: str
    block: bytes
    extra: Sequence[tuple[str, str]] = field(default_factory=tuple)


def http_response(
    uri: str,
    body: bytes,
    content_type: str = "text/html",
    status: str = "200 OK",
    headers: Sequence[tuple[str, str]] = (),
) -> Record:
    lines = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}"]
    lines += [f"{name}: {value}" for name, value in headers]
    lines.append(f"Content-Length: {len(body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return Record("response", uri, "application/http; msgtype=response", head + body)


def http_request(uri: str) -> Record:
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3] if uri.count("/") >= 3 else "/"
    block = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: test\r\n\r\n".encode()
    return Record("request", uri, "application/http; msgtype=request", block)


def metadata(uri: str, text: str = "via: https://example.org/\r\n") -> Record:
    return Record("metadata", uri, "application/warc-fields", text.encode())


def revisit(uri: str) -> Record:
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    extra = (
        ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
        ("WARC-Refers-To-Target-URI", uri),
        ("WARC-Refers-To-Date", DATE),
    )
    return Record("revisit", uri, "application/http; msgtype=response", block, extra)


def warcinfo() -> Record:
    return Record("warcinfo", "", "application/warc-fields", b"software: tests/warcs.py\r\n")


def encode(record: Record) -> bytes:
    digest = hashlib.sha256(record.type.encode() + record.uri.encode() + record.block).hexdigest()
    record_id = (
        f"<urn:uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}>"
    )
    headers = [
        ("WARC-Type", record.type),
        ("WARC-Record-ID", record_id),
        ("WARC-Date", DATE),
    ]
    if record.uri:
        headers.append(("WARC-Target-URI", record.uri))
    headers += list(record.extra)
    headers += [("Content-Type", record.content_type), ("Content-Length", str(len(record.block)))]
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("utf-8") + record.block + b"\r\n\r\n"


def write_warc(path: Path, records: Iterable[Record]) -> list[int]:
    """Write ``records``; returns each record's byte offset in the file (compressed offsets for .gz)."""
    offsets: list[int] = []
    compress = path.name.endswith(".gz")
    with path.open("wb") as stream:
        for record in records:
            offsets.append(stream.tell())
            data = encode(record)
            stream.write(gzip.compress(data, mtime=0) if compress else data)
    return offsets


def corpus_records(pages: Iterable[Path], base: str = "https://news.example/") -> list[Record]:
    """Each page as a crawler stores it: request, response; every page's URI under ``base``."""
    records: list[Record] = []
    for page in pages:
        uri = base + page.stem
        records.append(http_request(uri))
        records.append(http_response(uri, page.read_bytes(), "text/html; charset=utf-8"))
    return records
