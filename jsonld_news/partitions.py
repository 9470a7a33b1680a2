"""The inputs of a batch as partitions that a Dask worker reads itself, so the parent never
reads an article (a cluster without a shared disk reads its inputs from an fsspec URL).

``plan(inputs)`` yields, in input order, from names and sizes (and a local ``.warc.gz``'s
gzip framing):

- ``Part("lines", path, stem, start, end)``: the lines of an uncompressed JSON Lines file that
  start in bytes [start, end), ``PART_BYTES`` a part. Keys carry line numbers, so each part's
  first line number is needed before it is read: ``count_lines`` (run on the workers too)
  counts the lines of every part, and the parent adds them up (``number_parts``);
- ``Part("warc", path, stem, start, end)``: the records of a local ``.warc.gz`` file whose
  gzip members start in bytes [start, end): crawlers gzip each record on its own, and the
  members' starts are found by inflating the file once here (``_plan_warc``);
  an uncompressed local WARC file is cut at records found by walking their lengths;
- ``Part("file", path, stem)``: a whole archive that cannot be split (``.jsonl.gz``: one gzip
  stream; a WARC file gzipped as one stream, or whose framing is broken, or remote);
- ``Part("files", ..., files=((path, key), ...))``: up to ``FILES_PER_PART`` article files of a
  folder (or one named file);
- ``Part("failed", ..., failed=...)``: a folder that could not be listed.

``read(part, limit, counts)`` yields the part's items exactly as ``sources.iter_documents``
yields them for that stretch of the input: the concatenation over the parts of one input is
the same sequence, the same keys and positions.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jsonld_news.sources import (
    Counts,
    Document,
    Failed,
    InputPath,
    Item,
    Skipped,
    _file_key,
    _iter_file,
    _iter_jsonl,
    _iter_warc,
    _reason_kind,
    _walk,
    archive_kind,
    input_path,
    member_starts,
    record_starts,
)

PART_BYTES = 8 << 20  # at most, of an uncompressed JSON Lines file
MIN_PART_BYTES = 64 << 10  # at least (unless PART_BYTES is smaller): a task costs milliseconds
PARTS_PER_WORKER = 4  # a file is cut in at least this many parts a worker, when big enough
FILES_PER_PART = 64


@dataclass(frozen=True, slots=True)
class Part:
    kind: str  # lines, warc, file, files, failed
    path: Any = None  # InputPath (a Path or a sources.RemotePath)
    stem: str = ""
    start: int = 0
    end: int = 0
    first_line: int = 1  # "lines": the number of its first line, set by number_parts
    files: tuple[tuple[Any, str], ...] = ()
    failed: Failed | None = None


def plan(inputs: Sequence[str], workers: int = 1) -> Iterator[Part]:
    """The partitions of ``inputs``, in order (see the module). Reads names and sizes, and
    the gzip framing of a local ``.warc.gz``, never a record.

    A JSON Lines file is cut in parts of ``PART_BYTES`` at most, smaller when that would leave
    fewer than ``PARTS_PER_WORKER`` parts for each of ``workers`` (a 5 MB export and 2
    workers: 8 parts), down to ``MIN_PART_BYTES``: one part would keep one worker busy."""
    for name in inputs:
        path = input_path(name)
        try:
            folder = path.is_dir()
        except OSError:
            folder = False
        if folder:
            yield from _plan_folder(path, workers)
        else:
            yield from _plan_file(path, _file_key(path.name, path.name, clash=False), workers)


def _part_bytes(size: int, workers: int) -> int:
    wanted = -(-size // (max(1, workers) * PARTS_PER_WORKER))  # ceiling
    return min(PART_BYTES, max(MIN_PART_BYTES, wanted))


def _plan_file(path: InputPath, key: str, workers: int) -> Iterator[Part]:
    kind = archive_kind(path.name)
    if kind is None:
        yield Part("files", path, files=((path, key),))
        return
    stem = key  # an archive's key is its stem already (sources._file_key)
    gzipped = path.name.lower().endswith(".gz")
    if kind == "jsonl" and not gzipped:
        try:
            size = int(path.stat().st_size)
        except OSError:
            yield Part("file", path, stem)  # reading it reports the problem
            return
        step = _part_bytes(size, workers)
        for start in range(0, size, step):
            yield Part("lines", path, stem, start, min(size, start + step))
        return
    if kind == "warc" and isinstance(path, Path):
        yield from _plan_warc(path, stem, workers, gzipped)
        return
    yield Part("file", path, stem)


def _plan_warc(path: Path, stem: str, workers: int, gzipped: bool) -> Iterator[Part]:
    """A local ``.warc.gz`` in parts that begin at gzip members, found by inflating the file
    once here (``sources.member_starts``: framing only, no record is parsed, nothing is kept;
    measured: 80 MB of the gzipped file a second, 1,410 corpus pages in 0.34 s, against some
    40 pages a second a worker converts). A local ``.warc`` in parts that begin at records,
    found by walking the records' lengths (``sources.record_starts``: headers only, a seek
    past each block). A file on a remote filesystem is one part: scanning it here would fetch
    it twice."""
    find = member_starts if gzipped else record_starts
    try:
        size = path.stat().st_size
        with path.open("rb") as raw:
            starts = find(raw, _part_bytes(size, workers)) if size else []
    except OSError:
        starts = []
    if len(starts) < 2:
        yield Part("file", path, stem)
        return
    for start, end in zip(starts, [*starts[1:], size], strict=True):
        yield Part("warc", path, stem, start, end)


def _plan_folder(root: InputPath, workers: int) -> Iterator[Part]:
    chunk: list[tuple[Any, str]] = []

    def visit(path: InputPath, key: str) -> Iterator[Part]:
        if archive_kind(path.name) is None:
            chunk.append((path, key))
            if len(chunk) >= FILES_PER_PART:
                yield _flush(root, chunk)
            return
        if chunk:
            yield _flush(root, chunk)
        yield from _plan_file(path, key, workers)

    for found in _walk(root, root, 0, Counts(), visit):
        if isinstance(found, Failed):  # a folder that cannot be listed
            if chunk:
                yield _flush(root, chunk)
            yield Part("failed", failed=found)
        else:
            yield found
    if chunk:
        yield _flush(root, chunk)


def _flush(root: InputPath, chunk: list[tuple[Any, str]]) -> Part:
    part = Part("files", root, files=tuple(chunk))
    chunk.clear()
    return part


def count_lines(part: Part) -> int:
    """How many lines start in the part's bytes: a newline at i starts a line at i + 1."""
    if part.kind != "lines":
        return 0
    lines = 1 if part.start == 0 else 0
    begin, stop = max(0, part.start - 1), part.end - 1
    with part.path.open("rb") as stream:
        stream.seek(begin)
        left = stop - begin
        while left > 0:
            block = stream.read(min(left, 1 << 20))
            if not block:
                break
            lines += block.count(b"\n")
            left -= len(block)
    return lines


class Numbering:
    """The first line number of each "lines" part, from the line counts of the parts before it
    in the same file; kept across windows of parts (one entry per file being read)."""

    def __init__(self) -> None:
        self._next: dict[str, int] = {}

    def number(self, parts: Sequence[Part], counts: Sequence[int]) -> list[Part]:
        numbered: list[Part] = []
        for part, lines in zip(parts, counts, strict=True):
            if part.kind == "lines":
                name = str(part.path)
                first = self._next.pop(name, 1) if part.start > 0 else 1
                self._next[name] = first + lines
                part = replace(part, first_line=first)
            numbered.append(part)
        return numbered


def read(part: Part, limit: int, counts: Counts) -> Iterator[Item]:
    """The items of one part, as the whole input's stream gives them."""
    if part.kind == "failed":
        assert part.failed is not None
        counts.failed += 1
        yield part.failed
        return
    if part.kind == "lines":
        span = (part.start, part.end, part.first_line)
        items: Iterator[Item] = _iter_jsonl(part.path, part.stem, limit, counts, span)
    elif part.kind == "warc":
        items = _iter_warc(part.path, part.stem, limit, counts, (part.start, part.end))
    elif part.kind == "file":
        kind = archive_kind(part.path.name)
        reader = _iter_jsonl if kind == "jsonl" else _iter_warc
        items = reader(part.path, part.stem, limit, counts)
    else:
        items = (item for path, key in part.files for item in _iter_file(path, key, limit, counts))
    for item in items:
        if isinstance(item, Document):
            counts.documents += 1
        elif isinstance(item, Skipped):
            counts.skipped[_reason_kind(item.reason)] += 1
        else:
            counts.failed += 1
        yield item


__all__ = ["FILES_PER_PART", "PART_BYTES", "Numbering", "Part", "count_lines", "plan", "read"]
