"""Input documents as a stream: files, folders, JSON Lines and WARC files, one document at a time.

``iter_documents(paths)`` yields, in a stable order that two runs reproduce exactly:

- ``Document``: one article's bytes with where it came from and how to name its outputs;
- ``Skipped``: a record that is not an article (a WARC request, metadata, image, revisit, a
  non-200 response), with the reason; counted, never a failure;
- ``Failed``: a document that cannot even be cut out of its input (a malformed JSON line, a file
  that cannot be read, a truncated gzip stream), with its position, reason and error class.
  One failure never stops the stream: the next line, record or file follows.

Nothing is collected up front. A folder is walked depth first, each directory's entries sorted
by name, which is exactly the order of ``sorted(folder.rglob("*"))`` (paths compare part by
part) while holding only one directory listing per level. JSON Lines are read line by line and
WARC files record by record, so memory stays flat however many documents an input holds.

Inputs, by name:

- a folder: walked recursively; hidden files and folders (a name starting with ".") are left
  out, symbolic links to folders are not followed (as ``rglob``); files with an article suffix
  (``ARTICLE_SUFFIXES``) are documents, JSON Lines and WARC files in it are expanded;
- ``.jsonl``, ``.jsonl.gz``, ``.ndjson``, ``.ndjson.gz``: one article JSON per line (the
  project's own, news-please or trafilatura, told apart per line by their keys; the line's
  ``format`` is that variant's reader); blank lines are skipped; UTF-8, as JSON Lines requires;
- ``.warc``, ``.warc.gz``: the HTTP 200 responses whose Content-Type is HTML are documents
  (``format="html"``), every other record is ``Skipped``; gzip is read per record (one member a
  record, as crawlers write them; a file gzipped as one stream is read too); HTTP Transfer- and
  Content-Encoding are undone; the record's ``WARC-Target-URI`` is the document's ``url`` and the charset of the
  HTTP ``Content-Type`` header its ``charset``;
- any other file: one document, its format detected later (``format=None``);
- any of these as an fsspec URL (``s3://bucket/export.jsonl.gz``, ``memory://in/``,
  ``file:///data/crawl.warc``; see ``storage``): read through fsspec, the same way, the same
  keys; a document's ``source`` is the URL.

Keys (the stable name of a document's outputs, without extension):

- a file found in a folder: its path relative to that folder without its suffix
  (``crawl/2024/a.html`` given as ``crawl`` -> ``2024/a``). Two files of one directory with the
  same stem (``a.txt``, ``a.md``; ``a.jsonl``, ``a.jsonl.gz``) keep their full names (``a.txt``,
  ``a.md``; ``a.jsonl/000000001``...), as batch outputs always did; the clash is seen within
  the directory's own listing, so nothing needs the whole list;
- a file given by name: its name without suffix;
- a JSON line or WARC record: ``<input stem>/<position>``, the stem being the input's key as
  above without its archive suffixes (``export.jsonl.gz`` -> ``export``) and the position zero
  padded to 9 digits (``export/000001234``: line 1,234; ``crawl/000052311``: the record at byte
  52,311 of the file, the offset of its gzip member as CDX indexes give it; in a WARC gzipped as
  one stream, its offset in the uncompressed WARC). Positions come from the input itself, so the same input gives the same keys in any
  run and on any machine, and sorted keys follow input order (up to a billion lines or bytes,
  past which the number simply grows longer). A slug of the URL was rejected: it needs a
  collision suffix, which depends on every URL seen before it, and a JSON line may have no URL.

WARC reader: FastWARC (``fastwarc``, resiliparse's WARC library), chosen over warcio by
``python tools/bench_warc.py`` on the same WARC (the 28 pages of ``../shared/corpus/html`` and
2,000 generated pages, each after its request record, with metadata, image, revisit and 404
records: 4,221 records, 16 MB), iterating every record and reading the payload, target URI and
charset of each HTML 200 response; records/s in CPU time, median of 5 warm passes and the first
(cold, import included) pass, on the shared 2-core machine:

    bench.warc.gz fastwarc     90,779 records/s warm,    81,537 cold, 2,028 HTML pages
    bench.warc.gz warcio       21,960 records/s warm,    21,101 cold, 2,028 HTML pages
    bench.warc.gz fastwarc / warcio: 4.1x
    bench.warc    fastwarc    185,033 records/s warm,   196,444 cold, 2,028 HTML pages
    bench.warc    warcio       38,297 records/s warm,    30,835 cold, 2,028 HTML pages
    bench.warc    fastwarc / warcio: 4.8x     (8.4x in the next run: the box is shared)

Both are maintained and both undo chunked and gzip HTTP bodies; FastWARC is 4-8 times faster,
reads per-record gzip natively, and gives the record's offset and the HTTP charset directly
(warcio's offset is known only once the record is read to its end). Next to the HTML path
(13 ms a page, two records a page) either reader is small; the reading happens in the one
parent process that feeds every worker, though, so its speed bounds a many-worker run: at
FastWARC's ~90,000 gzipped records/s that bound is ~45,000 pages/s, at warcio's ~22,000 it is
~11,000. warcio stays a dev
dependency, for the benchmark only.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import Any, BinaryIO

import orjson

from jsonld_news import storage
from jsonld_news.options import MAX_INPUT_BYTES

ARTICLE_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".json", ".ninjs", ".html", ".htm"}
)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
POSITION_DIGITS = 9

# JSON variant (readers.article_json.detect_variant) -> the reader that takes it as a whole file.
_VARIANT_FORMATS = {"own": "json", "jsonld": "json", "newsplease": "newsplease",
                    "trafilatura": "trafilatura", "ninjs": "ninjs"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Document:
    """One article's bytes. ``position``: line number (JSON Lines), record offset (WARC), or None."""

    source: str
    position: int | None
    key: str
    data: bytes
    format: str | None = None  # a reader name; None: detect from the bytes
    url: str | None = None  # WARC-Target-URI: the page's URL
    charset: str | None = None  # from the HTTP Content-Type header

    @property
    def label(self) -> str:
        """How messages name the document: ``a.html``, ``export.jsonl:12``, ``crawl.warc@4096``."""
        return _label(self.source, self.position, self.url)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that is not an article (a WARC request, image, revisit...): counted, not failed."""

    source: str
    position: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class Failed:
    """A document that could not be cut out of its input. ``error_class`` names the kind."""

    source: str
    position: int | None
    key: str | None
    reason: str
    error_class: str

    @property
    def label(self) -> str:
        return _label(self.source, self.position, None)

    def __str__(self) -> str:
        return f"{self.label}: {self.reason}"


Item = Document | Skipped | Failed


def _label(source: str, position: int | None, url: str | None) -> str:
    if position is None:
        return source
    if url is not None or source.endswith(WARC_SUFFIXES):
        return f"{source}@{position}"
    return f"{source}:{position}"


@dataclass(slots=True)
class Counts:
    """What a stream has yielded so far; ``bytes_read`` is input consumed, for progress."""

    documents: int = 0
    failed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    bytes_read: int = 0  # of the input files as on disk (compressed bytes for .gz)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


class DocumentStream:
    """``iter_documents`` with running counts: ``for item in stream: ...; stream.counts``."""

    def __init__(
        self, paths: Iterable[str | Path], *, max_document_bytes: int = MAX_INPUT_BYTES
    ) -> None:
        self._paths = [input_path(p) for p in paths]
        self._limit = max_document_bytes
        self.counts = Counts()

    def __iter__(self) -> Iterator[Item]:
        counts = self.counts
        for path in self._paths:
            for item in _iter_path(path, self._limit, counts):
                if isinstance(item, Document):
                    counts.documents += 1
                elif isinstance(item, Skipped):
                    counts.skipped[_reason_kind(item.reason)] += 1
                else:
                    counts.failed += 1
                yield item


def input_bytes(paths: Iterable[str | Path]) -> int | None:
    """The bytes on disk of inputs named as files, to set ``Counts.bytes_read`` against for
    progress; None when a folder is among them (its size is known only once walked)."""
    total = 0
    for path in map(input_path, paths):
        try:
            if path.is_dir():
                return None
            total += path.stat().st_size
        except OSError:
            continue  # the stream reports it
    return total


class RemotePath:
    """A file or folder behind an fsspec URL, with the few ``Path`` methods the stream uses."""

    def __init__(self, fs: Any, path: str) -> None:
        self.fs = fs
        self.path = path.rstrip("/") or path

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    def is_dir(self) -> bool:
        return bool(self.fs.isdir(self.path))

    def stat(self) -> SimpleNamespace:
        try:
            return SimpleNamespace(st_size=int(self.fs.size(self.path)))
        except FileNotFoundError:
            raise
        except Exception as exc:  # a backend's own error: as an OSError, for the same messages
            raise OSError(str(exc)) from None

    def read_bytes(self) -> bytes:
        return bytes(self.fs.cat_file(self.path))

    def open(self, mode: str = "rb") -> BinaryIO:
        if not self.fs.exists(self.path):
            raise FileNotFoundError(self.path)
        return self.fs.open(self.path, "rb")  # type: ignore[no-any-return]

    def __truediv__(self, name: str) -> RemotePath:
        return RemotePath(self.fs, f"{self.path}/{name}")

    def relative_to(self, root: RemotePath) -> PurePosixPath:
        return PurePosixPath(self.path).relative_to(root.path)

    def listing(self) -> list[tuple[str, bool, bool]]:
        """(name, is a folder, is a file) of each entry."""
        entries = self.fs.ls(self.path, detail=True)
        return [
            (
                str(e["name"]).rstrip("/").rsplit("/", 1)[-1],
                e.get("type") == "directory",
                e.get("type") == "file",
            )
            for e in entries
        ]

    def __str__(self) -> str:
        return str(self.fs.unstrip_protocol(self.path))


InputPath = Path | RemotePath


def input_path(name: str | Path) -> InputPath:
    """A local ``Path`` (``file://`` URLs too), or a ``RemotePath`` for other fsspec URLs."""
    text = str(name) if isinstance(name, Path) else name
    if isinstance(name, str) and storage.is_remote(text):
        fs, path = storage.filesystem(text)
        return RemotePath(fs, path)
    return Path(storage.local_name(text)) if isinstance(name, str) else name


def _file_size(path: InputPath, raw: BinaryIO) -> int:
    if isinstance(path, RemotePath):
        return int(path.stat().st_size)
    return os.fstat(raw.fileno()).st_size


def iter_documents(
    paths: Iterable[str | Path], *, max_document_bytes: int = MAX_INPUT_BYTES
) -> Iterator[Item]:
    """Every document of ``paths`` in a stable order, with skipped records and failures in line."""
    return iter(DocumentStream(paths, max_document_bytes=max_document_bytes))


def _reason_kind(reason: str) -> str:
    """The counter bucket of a skip reason: ``HTTP 404 Not Found`` -> ``HTTP 404``."""
    return " ".join(reason.split()[:2]) if reason.startswith("HTTP ") else reason.split(":")[0]


def archive_kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    return None


def _stem(relative: str) -> str:
    """``2024/export.jsonl.gz`` -> ``2024/export``: the key base of an archive."""
    lower = relative.lower()
    for suffix in (*JSONL_SUFFIXES, *WARC_SUFFIXES):
        if lower.endswith(suffix):
            return relative[: -len(suffix)]
    return relative


def _iter_path(path: InputPath, limit: int, counts: Counts) -> Iterator[Item]:
    if path.is_dir():
        yield from _walk(path, path, limit, counts)
    else:
        yield from _iter_file(path, _file_key(path.name, path.name, clash=False), limit, counts)


def _file_key(relative: str, name: str, *, clash: bool) -> str:
    if clash:
        return relative
    if archive_kind(name):
        return _stem(relative)
    return PurePosixPath(relative).with_suffix("").as_posix()


def _key_stem(name: str) -> tuple[bool, str]:
    """What a file's key keeps of its name when nothing clashes: ``a.txt``, ``a.jsonl.gz`` -> ``a``.

    Archives and article files never clash with each other: an archive's keys end in a position.
    """
    if archive_kind(name):
        return True, _stem(name)
    return False, PurePosixPath(name).stem


def _walk(root: Any, folder: Any, limit: int, counts: Counts, visit: Any = None) -> Iterator[Any]:
    """Depth first, each listing sorted by name: the order of ``sorted(root.rglob("*"))``.

    A folder's listing (its names) is held while the folder is walked: one listing per level.
    ``visit(path, key)``, when given, yields for each file instead of reading it (``partitions``
    plans from the names alone).
    """
    try:
        if isinstance(folder, RemotePath):
            entries = sorted(
                (name, is_dir)
                for name, is_dir, is_file in folder.listing()
                if not name.startswith(".") and (is_dir or (is_file and _is_input_name(name)))
            )
        else:
            with os.scandir(folder) as scan:
                entries = sorted(
                    (entry.name, is_dir)
                    for entry in scan
                    if not entry.name.startswith(".")
                    and ((is_dir := _is_dir(entry)) or _is_input(entry))
                )
    except OSError as exc:
        reason = exc.strerror or "cannot be listed"
        yield Failed(str(folder), None, None, reason, "UnreadableInputError")
        return
    # two files of this folder that would get the same key keep their full names
    stems = Counter(_key_stem(name) for name, is_dir in entries if not is_dir)
    for name, is_dir in entries:
        path = folder / name
        if is_dir:
            yield from _walk(root, path, limit, counts, visit)
            continue
        relative = path.relative_to(root).as_posix()
        key = _file_key(relative, name, clash=stems[_key_stem(name)] > 1)
        if visit is not None:
            yield from visit(path, key)
        else:
            yield from _iter_file(path, key, limit, counts)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)  # as rglob: links to folders are not followed
    except OSError:
        return False


def _is_input(entry: os.DirEntry[str]) -> bool:
    try:
        if not entry.is_file():
            return False
    except OSError:
        return False
    return _is_input_name(entry.name)


def _is_input_name(name: str) -> bool:
    return archive_kind(name) is not None or PurePosixPath(name).suffix.lower() in ARTICLE_SUFFIXES


def _iter_file(path: InputPath, key: str, limit: int, counts: Counts) -> Iterator[Item]:
    kind = archive_kind(path.name)
    if kind == "jsonl":
        yield from _iter_jsonl(path, key, limit, counts)
    elif kind == "warc":
        yield from _iter_warc(path, key, limit, counts)
    else:
        source = str(path)
        try:
            size = path.stat().st_size
            if size > limit:
                yield Failed(source, None, key, f"input is {size:,} bytes, more than the limit of {limit:,}", "UnreadableInputError")  # fmt: skip
                return
            data = path.read_bytes()
        except OSError as exc:
            yield Failed(source, None, key, _os_reason(exc), "UnreadableInputError")
            return
        counts.bytes_read += len(data)
        yield Document(source, None, key, data)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or "cannot be read"


def position_key(stem: str, position: int) -> str:
    return f"{stem}/{position:0{POSITION_DIGITS}d}"


# ---------------------------------------------------------------------------------- JSON Lines


def _iter_jsonl(
    path: InputPath,
    stem: str,
    limit: int,
    counts: Counts,
    span: tuple[int, int, int] | None = None,
) -> Iterator[Item]:
    """The lines of a JSON Lines file; with ``span`` (start, end, number of the first line),
    only the lines that start in bytes [start, end) of an uncompressed file (a partition)."""
    source = str(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        yield Failed(source, None, None, _os_reason(exc), "UnreadableInputError")
        return
    start = counts.bytes_read
    with raw:
        stream: BinaryIO = raw
        if path.name.lower().endswith(".gz"):
            stream = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
        number = 0
        end = None
        if span is not None:
            first, end, number = span[0], span[1], span[2] - 1
            start -= first  # bytes_read counts from the start of the span
            if first > 0:  # the line that ends at or after byte first - 1 is the previous span's
                raw.seek(first - 1)
                while (rest := raw.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
        while True:
            if end is not None and raw.tell() >= end:
                break
            try:
                line = stream.readline(limit + 1)
                if len(line) > limit and not line.endswith(b"\n"):
                    # too long to be an article: skip the rest of the line, in bounded reads
                    rest = line
                    while rest and not rest.endswith(b"\n"):
                        rest = stream.readline(1 << 20)
                    number += 1
                    reason = f"line is more than the limit of {limit:,} bytes"
                    yield Failed(source, number, position_key(stem, number), reason, "UnreadableInputError")  # fmt: skip
                    continue
            except (OSError, EOFError, zlib.error) as exc:
                reason = _gzip_reason(exc, number)
                yield Failed(source, number + 1, None, reason, "UnreadableInputError")
                break
            if not line:
                break
            number += 1
            # bytes of the file as on disk (compressed for .gz), so progress can compare with sizes
            counts.bytes_read = start + raw.tell()
            yield from _jsonl_line(source, stem, number, line)
        counts.bytes_read = start + (end if end is not None else _file_size(path, raw))


def _gzip_reason(exc: BaseException, lines: int) -> str:
    if isinstance(exc, EOFError):
        return f"truncated gzip stream after line {lines}"
    return f"unreadable gzip stream after line {lines}: {exc}"


def _jsonl_line(source: str, stem: str, number: int, line: bytes) -> Iterator[Item]:
    data = line.strip()
    if not data:
        return
    key = position_key(stem, number)
    try:
        value: Any = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        yield Failed(source, number, key, _json_reason(data, exc), "MalformedInputError")
        return
    if not isinstance(value, dict):
        kind = _JSON_KINDS.get(type(value).__name__, type(value).__name__)
        reason = f"expected a JSON object describing one article, got {kind}"
        yield Failed(source, number, key, reason, "MalformedInputError")
        return
    from jsonld_news.readers.article_json import detect_variant

    yield Document(source, number, key, data, _VARIANT_FORMATS[detect_variant(value)])


_JSON_KINDS = {"list": "array", "str": "string", "NoneType": "null", "bool": "boolean", "float": "number", "int": "number"}  # fmt: skip


def _json_reason(data: bytes, exc: orjson.JSONDecodeError) -> str:
    import json

    try:
        json.loads(data)
    except UnicodeDecodeError as error:
        return f"not UTF-8 (byte 0x{data[error.start]:02x} at column {error.start + 1})"
    except json.JSONDecodeError as error:  # the standard library's message names the column
        return f"malformed JSON at column {error.colno}: {error.msg}"
    except RecursionError:
        return "JSON nested too deeply"
    return f"malformed JSON: {exc}"


# ---------------------------------------------------------------------------------------- WARC

_FIRST_MEMBER_PROBE = 1 << 20


def _one_gzip_stream(raw: BinaryIO) -> bool:
    """Is this a gzip file whose first member does not end within its first MiB?

    Crawlers gzip each record on its own, so a record's offset is that of its member: what CDX
    indexes list. A WARC gzipped as one stream has no such offsets, and FastWARC would give
    records of one buffer the same position; such a file is read through ``gzip`` instead and a
    record's position is its offset in the uncompressed WARC. Either way positions are unique.
    """
    head = raw.read(_FIRST_MEMBER_PROBE)
    raw.seek(0)
    if not head.startswith(b"\x1f\x8b"):
        return False
    inflate = zlib.decompressobj(wbits=31)
    step = 16384
    try:
        for start in range(0, len(head), step):
            inflate.decompress(head[start : start + step], 1 << 16)
            while inflate.unconsumed_tail and not inflate.eof:
                inflate.decompress(inflate.unconsumed_tail, 1 << 16)
            if inflate.eof:  # more after the first member: a member per record
                more = inflate.unused_data or head[start + step :]
                return not more and len(head) < _FIRST_MEMBER_PROBE
    except zlib.error:
        return False  # not gzip after all: FastWARC reports what it is
    return True


def member_starts(raw: BinaryIO, step: int) -> list[int]:
    """Offsets of gzip members of a file gzipped record by record, about ``step`` bytes apart
    (the first member's, 0, included): where parts of it can begin. Found by inflating the
    members one after the other, as only that tells where one ends (a gzip magic can occur
    inside compressed data, a gzipped file crawled as a payload, say); nothing is kept. []
    for a file that is not gzip or is not read to its end cleanly (it is read whole then)."""
    starts = [0]
    raw.seek(0)
    inflate: Any = None  # the member being inflated
    offset = 0  # the file's offset of data[0]
    begun = 0  # where the member being inflated began
    data = b""
    while True:
        if not data:
            data = raw.read(1 << 20)
            if not data:
                break
        if inflate is None:  # a member begins at offset
            begun = offset
            if begun - starts[-1] >= step:
                starts.append(begun)
            inflate = zlib.decompressobj(wbits=31)
        try:
            inflate.decompress(data, 1 << 22)  # bounded: nothing inflated is kept
            while inflate.unconsumed_tail and not inflate.eof:
                inflate.decompress(inflate.unconsumed_tail, 1 << 22)
        except zlib.error:
            return []
        if inflate.eof:
            rest = inflate.unused_data
            offset += len(data) - len(rest)
            data, inflate = rest, None
        else:
            offset, data = offset + len(data), b""
    return [] if inflate is not None else starts  # [] when cut short: read whole, it says where


WARC_HEAD_BYTES = 1 << 16  # a record's header larger than this: the file is read whole


def record_starts(raw: BinaryIO, step: int) -> list[int]:
    """Offsets of the records of an uncompressed WARC file, about ``step`` bytes apart (0
    included): where parts of it can begin. Found by walking the file's own framing, each
    record's header then a seek past its ``Content-Length`` bytes and the ``CRLF CRLF`` that
    end it; no block is read. A record that is not framed exactly so (a missing or bad
    length, a short block, a header past ``WARC_HEAD_BYTES``) gives [], and the file is read
    whole: a scan for ``WARC/1.`` lines would find them inside payloads, a crawled WARC."""
    starts = [0]
    raw.seek(0)
    offset = 0
    while True:  # at ``offset``, where a record begins or the file ends
        version = raw.readline(WARC_HEAD_BYTES)
        if not version:
            return starts  # the end of the file, at a record's end
        if not version.startswith(b"WARC/") or not version.endswith(b"\r\n"):
            return []
        if offset - starts[-1] >= step:
            starts.append(offset)
        length: int | None = None
        used = len(version)
        while True:
            line = raw.readline(WARC_HEAD_BYTES)
            used += len(line)
            if not line.endswith(b"\r\n") or used > WARC_HEAD_BYTES:
                return []
            if line == b"\r\n":
                break
            name, colon, value = line.partition(b":")
            if colon and name.strip().lower() == b"content-length":
                text = value.strip()
                if not text.isdigit() or length not in (None, int(text)):
                    return []  # no length, or two that differ: which a reader takes is its own
                length = int(text)
        if length is None:
            return []
        raw.seek(offset + used + length)
        if raw.read(4) != b"\r\n\r\n":
            return []
        offset += used + length + 4


def _iter_warc(
    path: InputPath,
    stem: str,
    limit: int,
    counts: Counts,
    span: tuple[int, int] | None = None,
) -> Iterator[Item]:
    """The records of a WARC file, or with ``span`` (start, end) those whose gzip member
    starts in bytes [start, end): a file gzipped record by record is read in parts that each
    begin at a member's start (``member_starts``), and the parts give what the whole file
    gives. A file that cannot be cut so (one gzip stream, no gzip) is read whole by the part
    at 0. A record FastWARC cannot read ends the reading of the file (of the part, when in
    parts: the parts after it are still read, so a broken file gives more in parts)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    source = str(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        yield Failed(source, None, None, _os_reason(exc), "UnreadableInputError")
        return
    with raw:
        stream: BinaryIO = raw
        single = _one_gzip_stream(raw)
        size = _file_size(path, raw)
        last, stop = 0, size  # last: bytes before it are counted (by this part or one before)
        if span is not None:  # cut at gzip members or, uncompressed, at records
            if single:
                if span[0] > 0:
                    return  # not cut: the part at 0 reads it whole
            else:
                last, stop = span[0], min(span[1], size)
            raw.seek(last)
        if single:  # offsets of records inside one compressed stream: uncompressed offsets
            stream = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
        # FastWARC detects gzip itself and reads it member by member
        records = ArchiveIterator(stream, auto_decode="all", strict_mode=False)
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # FastWARC raises plain exceptions on broken input
                reason = f"unreadable WARC after byte {last}: {exc}"
                yield Failed(source, last, None, reason, "UnreadableInputError")
                return
            position = record.stream_pos
            if not single and position >= stop:
                break  # the next part's
            counts.bytes_read += max(0, (raw.tell() if single else position) - last)
            last = raw.tell() if single else position
            kind = record.record_type
            if kind != WarcRecordType.response:
                yield Skipped(source, position, f"{kind} record")
                continue
            uri = record.headers.get("WARC-Target-URI")
            if not record.is_http:
                yield Skipped(source, position, "response record without HTTP headers")
                continue
            http = record.http_headers
            status = http.status_code
            if status != 200:
                yield Skipped(source, position, f"HTTP {status} {http.reason_phrase or ''}".rstrip())  # fmt: skip
                continue
            media = (record.http_content_type or "").lower()
            if media not in HTML_TYPES:
                yield Skipped(source, position, f"not HTML: {media or 'no Content-Type'}")
                continue
            key = position_key(stem, position)
            if record.content_length > limit:
                reason = f"record is {record.content_length:,} bytes, more than the limit of {limit:,}"  # fmt: skip
                yield Failed(source, position, key, reason, "UnreadableInputError")
                continue
            try:
                data = record.reader.read()
            except Exception as exc:
                yield Failed(source, position, key, f"unreadable record: {exc}", "UnreadableInputError")  # fmt: skip
                continue
            yield Document(source, position, key, data, "html", uri, record.http_charset)
        counts.bytes_read += max(0, stop - last)


__all__ = [
    "ARTICLE_SUFFIXES",
    "Counts",
    "Document",
    "DocumentStream",
    "Failed",
    "Item",
    "Skipped",
    "archive_kind",
    "input_bytes",
    "input_path",
    "iter_documents",
    "position_key",
]
