"""Many inputs to many outputs. One bad document never stops or corrupts the others: each
failure is recorded with its source and reason, and every output file is written atomically."""

from __future__ import annotations

import copy
import ctypes
import dataclasses
import functools
import gc
import hashlib
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import wait as wait_for
from pathlib import Path
from typing import Any, TypeVar

from jsonld_news import storage
from jsonld_news.errors import ConfigError, InputError, JsonldNewsError, OutputError
from jsonld_news.jsonld import to_jsonld
from jsonld_news.manifest import (
    ERRORS_NAME,
    MANIFEST_NAME,
    ErrorLog,
    Manifest,
    error_entry,
    remove_partial_files,
)
from jsonld_news.model import Article
from jsonld_news.options import Options
from jsonld_news.partitions import Numbering, Part, count_lines, plan
from jsonld_news.partitions import read as read_part
from jsonld_news.pipeline import convert_bytes
from jsonld_news.serialize import EXTENSIONS, output_format, render_all
from jsonld_news.shards import ShardWriter, next_shard_index
from jsonld_news.sinks import check_writable, remote_error, sync_file_system, write_atomic
from jsonld_news.sources import (
    Counts,
    Document,
    DocumentStream,
    Failed,
    Item,
    Skipped,
    _file_key,
    input_bytes,
    input_path,
)
from jsonld_news.validate.schema import is_valid

Task = TypeVar("Task")
Result = TypeVar("Result")


@dataclass(slots=True)
class Outcome:
    """One document's result. ``source`` is how messages name it (``a.html``, ``export.jsonl:12``,
    ``crawl.warc@4096``); ``input`` and ``position`` are where it came from, for ``errors.jsonl``."""

    source: str
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    fatal: OutputError | None = None  # an output failure every later article would share
    key: str | None = None
    input: str | None = None
    position: int | None = None
    reason: str | None = None  # the error without the source in front
    error_class: str | None = None
    nquads: str | None = None  # for the shard writer (``shard_size``), kept in the parent


MAX_KEPT_FAILURES = 1000
SYNC_SECONDS = 1.0  # the manifest and errors.jsonl are fsynced this often, and every 1,000 lines


@dataclass(slots=True)
class BatchResult:
    """Counts of a run. The first ``MAX_KEPT_FAILURES`` failures are kept here; every one is in
    ``out/errors.jsonl`` and given to ``on_outcome``, so memory does not grow with the run."""

    converted: int = 0
    failed: int = 0
    skipped: int = 0
    resumed: int = 0  # finished by an earlier run (``resume``), not redone
    resumed_failed: int = 0  # of which failed
    elapsed: float = 0.0  # seconds
    bytes_read: int = 0
    total_bytes: int | None = None  # of the inputs, when known up front (files, not folders)
    failures: list[Outcome] = field(default_factory=list)
    skipped_reasons: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not (self.failed or self.resumed_failed)

    @property
    def done(self) -> int:
        """Documents finished this run, converted or failed."""
        return self.converted + self.failed

    @property
    def rate(self) -> float:
        """Articles converted per second this run."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0


# A name with one of these suffixes is a file, unless it is a folder already or ends with "/".
FILE_SUFFIXES = frozenset({Path(f"x{e}").suffix for e in EXTENSIONS.values()} | {".json"})


def available_cpus() -> int:
    """The cores this process may run on (its affinity mask), which a container may cap."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def check_output_folder(out_dir: str | Path) -> None:
    """Refuse a batch folder named like a file (``-o x.jsonld`` for two inputs), which would
    otherwise quietly become a folder called ``x.jsonld``. ``x.jsonld/`` says "folder"."""
    text = str(out_dir)
    if text.endswith(("/", os.sep)) or Path(text).is_dir():
        return
    if Path(text).suffix.lower() in FILE_SUFFIXES:
        raise ConfigError(
            f"{text}: several inputs or formats need an output folder, and this names a file "
            "(use an existing folder, or end the name with '/')"
        )


def document_options(options: Options, document: Document) -> Options:
    """A WARC record's target URI is the page's URL, its HTTP charset the fallback charset."""
    if document.url is None and document.charset is None:
        return options
    return dataclasses.replace(
        options,
        base_url=document.url or options.base_url,
        transport_charset=document.charset or options.transport_charset,
    )


def convert_document(
    item: Document, input_format: str | None, options: Options, source_key: str | None = None
) -> tuple[Article, dict[str, Any]]:
    """One document read from the inputs -> (its Article, its compact JSON-LD): the conversion
    ``convert`` and ``load`` both run. ``source_key`` names an article without a URL (load)."""
    opts = document_options(options, item)
    if source_key is not None:
        opts = copy.copy(opts)  # no new validation: only the key differs
        opts.source_key = source_key
    article = convert_bytes(item.data, item.label, input_format or item.format, opts)
    return article, to_jsonld(article)


# (document, or a failure of the stream; output paths per format; formats kept for shards;
#  --from; options; whether each output is fsynced as it is written)
_Task = tuple[Document | Failed, dict[str, str], tuple[str, ...], str | None, Options, bool]


def _convert_one(task: _Task) -> Outcome:
    item, targets, kept, input_format, options, durable = task
    if isinstance(item, Failed):
        return _failure(Outcome(item.label, key=item.key, input=item.source, position=item.position), item.reason, item.error_class)  # fmt: skip
    outcome = Outcome(item.label, key=item.key, input=item.source, position=item.position)
    try:
        article, doc = convert_document(item, input_format, options)
        rendered = render_all(doc, [*targets, *kept])  # render all before writing any
        for fmt, target in targets.items():
            write_atomic(target, rendered[fmt], durable=durable)
            outcome.outputs.append(target)
        if kept:
            outcome.nquads = rendered[kept[0]]
        outcome.warnings.extend(article.warnings)
        if not is_valid(doc):
            outcome.warnings.append("output does not validate against newsarticle.schema.json")
    except OutputError as exc:
        outcome.fatal = exc if exc.fatal else None
        _failure(outcome, str(exc), type(exc).__name__, full=str(exc))
    except InputError as exc:
        _failure(outcome, exc.problem, type(exc).__name__)
    except JsonldNewsError as exc:
        _failure(outcome, str(exc), type(exc).__name__)
    except Exception as exc:
        _failure(outcome, f"internal error: {type(exc).__name__}: {exc}", "InternalError")
    return outcome


def _failure(outcome: Outcome, reason: str, error_class: str, full: str | None = None) -> Outcome:
    outcome.outputs.clear()
    outcome.reason = " ".join(reason.split())  # one line
    outcome.error_class = error_class
    outcome.error = full or f"{outcome.source}: {outcome.reason}"
    return outcome


def options_record(options: Options, **extra: Any) -> dict[str, Any]:
    """``Options`` as plain names and values, for the manifest (what a resumed run must match)."""
    record: dict[str, Any] = {}
    for name in (f.name for f in dataclasses.fields(options)):
        value = getattr(options, name)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            value = repr(value)
        elif value is not None and not isinstance(value, str | bool | int | float | tuple):
            value = str(value)  # a tzinfo: its name or offset
        record[name] = value
    record.update(extra)
    return record


class _Keys:
    """Keys seen so far, as 8-byte hashes, to tell clashes across input arguments apart.

    Used only with several input arguments: the keys of one input never clash (``sources``)."""

    def __init__(self) -> None:
        self._seen: set[int] = set()

    def claim(self, key: str, argument: int) -> str:
        candidate, number = key, argument + 1
        while (digest := _hash8(candidate)) in self._seen:
            candidate = f"{key}~{number}"
            number += 1
        self._seen.add(digest)
        return candidate


def _hash8(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def failure_key(item: Failed) -> str:
    """A manifest key for a failure with no document key (an unreadable file or gzip stream)."""
    return item.key if item.key is not None else f"!{item.source}@{item.position}"


def convert_many(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    formats: Sequence[str] = ("jsonld",),
    *,
    input_format: str | None = None,
    options: Options | None = None,
    workers: int | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_progress: Callable[[BatchResult], None] | None = None,
    resume: bool = False,
    shard_size: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> BatchResult:
    """Convert every input into ``out_dir``: files, folders (walked recursively), JSON Lines
    (``.jsonl``, ``.jsonl.gz``: one article a line) and WARC files (their HTML responses).

    Inputs are read as a stream (``sources.DocumentStream``) and converted in ``workers``
    processes (default: the cores available); results are written as they come. A document's
    outputs are ``out_dir/<key><extension>`` (see ``sources`` for keys). Every failure is a line
    of ``out_dir/errors.jsonl``; ``out_dir/.jsonld-news-manifest.jsonl`` records what is done, so
    ``resume=True`` after a crash finishes the rest, redoing nothing, and gives the same bytes
    as a run that was never stopped; resuming with other formats, options or inputs raises
    ``ManifestMismatchError``. ``shard_size``: N-Quads go to ``part-00000.nq``... of that many
    articles each instead of one file an article. ``engine="dask"`` converts on a Dask cluster
    (``scheduler``, or a LocalCluster of ``workers`` processes) with the same outputs.

    Inputs and ``out_dir`` may be fsspec URLs (``s3://bucket/out/``, ``gs://``, ``memory://``;
    ``file://`` is a local path), so workers without a shared disk can read and write: see
    ``_Mirror`` for how the manifest, ``errors.jsonl`` and shards get there, and ``storage``
    for what atomic means on an object store. ``memory://`` is private to a process: with it
    as ``out_dir`` the local engine converts in this process, and the Dask engine refuses it.

    When several input arguments give the same key (``a/x.html`` and ``b/x.html``), the first
    in argument order keeps it and a later one becomes ``<key>~<argument number>`` (``x~2``).

    An output that cannot be written because of the file system (read-only, full, no
    permission) raises ``OutputError`` once and stops the batch: every later article would fail
    the same way. Outputs written before it stay; other failures are recorded per article.
    """
    options = options or Options()
    formats = list(dict.fromkeys(output_format(f) for f in formats))
    if shard_size is not None and shard_size < 1:
        raise ConfigError(f"shard size must be a positive number of articles, got {shard_size}")
    if shard_size is not None and "nq" not in formats:
        raise ConfigError("--shard-size shards N-Quads: add nq to the output formats")
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if engine == "dask":
        check_dask()
    elif scheduler is not None:
        raise ConfigError("--scheduler needs --engine dask")
    mirror: _Mirror | None = None
    if storage.is_remote(str(out_dir)):
        root = str(out_dir).rstrip("/")
        if not storage.shared_across_processes(root):
            if engine == "dask":
                raise ConfigError(f"{root}: memory:// is private to this process; the Dask workers cannot write there (use file://, s3://... or a shared folder)")  # fmt: skip
            workers = 1  # worker processes would write into their own copies
        check_writable(root)
        mirror = _Mirror(root)
        folder = mirror.spool
    else:
        out_dir = storage.local_name(str(out_dir)) if isinstance(out_dir, str) else out_dir
        check_output_folder(out_dir)
        check_writable(out_dir)
        folder = Path(out_dir)
    try:
        return _convert_into(paths, folder, mirror, formats, input_format, options, workers, on_outcome, on_progress, resume, shard_size, engine, scheduler)  # fmt: skip
    finally:
        if mirror is not None:
            mirror.discard()


def _convert_into(
    paths: Sequence[str | Path],
    folder: Path,
    mirror: _Mirror | None,
    formats: list[str],
    input_format: str | None,
    options: Options,
    workers: int | None,
    on_outcome: Callable[[Outcome], None] | None,
    on_progress: Callable[[BatchResult], None] | None,
    resume: bool,
    shard_size: int | None,
    engine: str,
    scheduler: str | None,
) -> BatchResult:
    kept = ("nq",) if shard_size is not None else ()
    per_file = [f for f in formats if f not in kept]
    inputs = [str(p) for p in paths]
    record = options_record(options, input_format=input_format, shard_size=shard_size)
    started = time.monotonic()
    result = BatchResult(total_bytes=input_bytes(inputs))
    try:
        remove_partial_files(folder)  # writes a killed run left half done: never outputs
        if mirror is not None and resume:
            mirror.pull(MANIFEST_NAME)
        manifest = Manifest.open(folder, formats, record, inputs, resume=resume)
    except OSError as exc:
        raise OutputError(str(folder / MANIFEST_NAME), exc) from None
    try:
        if manifest.resumed:
            errors = _Errors(folder, ErrorLog.resume(folder, manifest.failures()))
        else:
            (folder / ERRORS_NAME).unlink(missing_ok=True)  # an earlier run's log
            if mirror is not None:
                mirror.remove(ERRORS_NAME)
            errors = _Errors(folder, None)
        resumed_failed = errors.log.count if errors.log is not None else 0
        if not resumed_failed:
            errors.drop()  # errors.jsonl is there only when something failed
    except OutputError:  # errors.jsonl could not be written; it names the file
        _close_quietly(manifest)
        raise
    except OSError as exc:
        _close_quietly(manifest)
        raise OutputError(str(folder / ERRORS_NAME), exc) from None
    result.resumed = manifest.resumed
    result.resumed_failed = resumed_failed
    shards = None
    if shard_size is not None:
        start = next_shard_index(manifest.entries()) if manifest.resumed else 0
        shards = ShardWriter(folder, shard_size, start=start)
    pending: list[tuple[str, list[str]]] = []  # converted into the open shard: recorded with it
    counts = Counts()
    root = mirror.root if mirror is not None else None
    synced = time.monotonic()
    try:
        # closing(): whatever ends the loop early also ends the workers, before the error goes up.
        if engine == "dask" and partitionable(inputs):  # the workers read the inputs
            setting = _Setting(str(folder), root, tuple(per_file), kept, input_format, options)
            results = _dask_partitions(inputs, setting, manifest, counts, workers or available_cpus(), scheduler)  # fmt: skip
        else:
            items = claimed_items(inputs, counts, options.max_input_bytes)
            # Workers on this machine write outputs without an fsync each (a third of a -j 2
            # run's wall time went to them); one flush of the output's disk (syncfs) before
            # every manifest sync makes them durable before any line says they are done. Dask
            # workers, perhaps on other hosts, fsync their own.
            deferred = engine == "local" and root is None and hasattr(os, "sync")
            if deferred:
                manifest.before_sync = functools.partial(sync_file_system, folder)
            tasks = _tasks(items, folder, root, per_file, kept, input_format, options, manifest, not deferred)  # fmt: skip
            results = parallel_map(
                _convert_one,
                tasks,
                workers or available_cpus(),
                engine=engine,
                scheduler=scheduler,
            )
        with closing(results) as outcomes:
            for outcome in outcomes:
                if outcome.fatal is not None:
                    raise outcome.fatal
                key = outcome.key or f"!{outcome.input}@{outcome.position}"
                if outcome.error:
                    result.failed += 1
                    if len(result.failures) < MAX_KEPT_FAILURES:
                        result.failures.append(outcome)
                    entry = error_entry(outcome.input or outcome.source, outcome.position, outcome.reason or outcome.error, outcome.error_class or "Error")  # fmt: skip
                    errors.write(**entry)
                    manifest.record_failure(key, entry)
                elif shards is not None:
                    result.converted += 1
                    pending.append((key, outcome.outputs))
                    shard = shards.add(key, outcome.nquads or "")
                    if shard is not None:
                        _record_shard(manifest, pending, _placed(shard.path, mirror))
                else:
                    result.converted += 1
                    manifest.record(key, outcome.outputs)
                outcome.nquads = None
                now = time.monotonic()
                if now - synced >= SYNC_SECONDS:  # a kill loses at most this much work
                    errors.sync()
                    manifest.sync()
                    synced = now
                    if mirror is not None:
                        mirror.sync(now)
                result.bytes_read = counts.bytes_read
                result.elapsed = time.monotonic() - started
                if on_outcome is not None:
                    on_outcome(outcome)
                if on_progress is not None:
                    on_progress(result)
        if shards is not None:
            shard = shards.close()
            if shard is not None:
                _record_shard(manifest, pending, _placed(shard.path, mirror))
    except OSError as exc:  # the manifest, errors.jsonl or a shard
        _close_quietly(errors, manifest)
        if mirror is not None:
            mirror.push_quietly()
        raise OutputError(str(folder), exc) from None
    except BaseException:  # Ctrl-C, SIGTERM, a fatal output error: the workers are stopped
        _close_quietly(errors, manifest)
        if mirror is not None:
            mirror.push_quietly()  # what was done, so --resume redoes none of it
        with suppress(OSError):
            remove_partial_files(folder)  # the writes they were in the middle of
        raise
    finally:
        if shards is not None:
            shards.abort()  # a shard still open was never recorded: the resumed run redoes it
    try:
        errors.close()
        manifest.close()
        if mirror is not None:
            mirror.push()
    except OSError as exc:
        raise OutputError(str(folder), exc) from None
    result.bytes_read = counts.bytes_read
    result.skipped = counts.skipped_total
    result.skipped_reasons = counts.skipped
    result.elapsed = time.monotonic() - started
    return result


class _Errors:
    """``errors.jsonl``, made at the first failure: a run where nothing failed leaves none."""

    def __init__(self, folder: Path, log: ErrorLog | None) -> None:
        self.folder = folder
        self.log = log

    def drop(self) -> None:
        if self.log is not None:
            self.log.close()
            self.log.path.unlink(missing_ok=True)
            self.log = None

    def write(self, input: str, position: int | None, reason: str, error_class: str) -> None:
        if self.log is None:
            self.log = ErrorLog.create(self.folder)
        self.log.write(input, position, reason, error_class)

    def sync(self) -> None:
        if self.log is not None:
            self.log.sync()

    def close(self) -> None:
        if self.log is not None:
            self.log.close()


def _close_quietly(*logs: _Errors | Manifest) -> None:
    """Close on the way out of an error: what they have is synced if it can be, the first
    error goes up."""
    for log in logs:
        with suppress(OSError):
            log.close()


def _record_shard(manifest: Manifest, pending: list[tuple[str, list[str]]], shard: str) -> None:
    manifest.record_shard(pending, shard)
    pending.clear()


def _placed(shard: Path, mirror: _Mirror | None) -> str:
    """The shard's name as the manifest lists it: uploaded first when the output is remote."""
    return str(shard) if mirror is None else mirror.place(shard)


REMOTE_SYNC_SECONDS = 10.0
REMOTE_SYNC_GROWTH = 1.25


class _Mirror:
    """A remote output folder (an fsspec URL): the manifest, ``errors.jsonl`` and shards are
    written in a local spool folder, as for a local run, and uploaded.

    Object stores cannot append, so the manifest and ``errors.jsonl`` are uploaded whole: at
    the end, on an error or Ctrl-C, and during the run at most every ``REMOTE_SYNC_SECONDS``
    and only once the manifest has grown by a quarter since the last upload (or two minutes
    passed), so the bytes uploaded stay a small multiple of the manifest's size however long
    the run. After kill -9 the uploaded manifest lags the work by up to that much; a resumed
    run redoes those articles and writes the same names with the same bytes. A shard is
    uploaded once full, then recorded; article outputs are uploaded by the workers."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.spool = Path(tempfile.mkdtemp(prefix="jsonld-news-spool-"))
        self._pushed_at = time.monotonic()
        self._pushed_size = 0

    def pull(self, name: str) -> None:
        try:
            storage.get_file(storage.join(self.root, name), str(self.spool / name))
        except Exception as exc:
            raise OutputError(storage.join(self.root, name), remote_error(exc)) from None

    def remove(self, name: str) -> None:
        try:
            storage.remove(storage.join(self.root, name))
        except Exception as exc:
            raise OutputError(storage.join(self.root, name), remote_error(exc)) from None

    def place(self, local: Path) -> str:
        url = storage.join(self.root, local.name)
        try:
            storage.put_file(str(local), url)
        except Exception as exc:
            raise OutputError(url, remote_error(exc)) from None
        local.unlink()
        return url

    def sync(self, now: float) -> None:
        size = (self.spool / MANIFEST_NAME).stat().st_size
        if now - self._pushed_at < REMOTE_SYNC_SECONDS:
            return
        if size < self._pushed_size * REMOTE_SYNC_GROWTH and now - self._pushed_at < 120:
            return
        self.push()

    def push(self) -> None:
        """Upload the manifest and errors.jsonl as they are now (no errors.jsonl: none there)."""
        for name in (ERRORS_NAME, MANIFEST_NAME):  # the manifest last: it vouches for the log
            local = self.spool / name
            if local.exists():
                self.place_copy(local)
            elif name == ERRORS_NAME:
                self.remove(name)
        self._pushed_at = time.monotonic()
        self._pushed_size = (self.spool / MANIFEST_NAME).stat().st_size

    def place_copy(self, local: Path) -> None:
        url = storage.join(self.root, local.name)
        try:
            storage.put_file(str(local), url)
        except Exception as exc:
            raise OutputError(url, remote_error(exc)) from None

    def push_quietly(self) -> None:
        with suppress(Exception):
            self.push()

    def discard(self) -> None:
        shutil.rmtree(self.spool, ignore_errors=True)


def stream_inputs(
    inputs: Sequence[str], counts: Counts, max_document_bytes: int
) -> Iterator[tuple[int, Item]]:
    """(argument number, item) for every input argument in order, counting into ``counts``."""
    for index, name in enumerate(inputs):
        stream = DocumentStream([name], max_document_bytes=max_document_bytes)
        stream.counts = counts  # one running count for the whole run
        for item in stream:
            yield index, item


def claimed_items(inputs: Sequence[str], counts: Counts, limit: int) -> Iterator[Document | Failed]:
    """The documents and failures of every input, keys made unique across input arguments."""
    keys = _Keys() if len(inputs) > 1 else None
    for argument, item in stream_inputs(inputs, counts, limit):
        if isinstance(item, Skipped):
            continue
        key = failure_key(item) if isinstance(item, Failed) else item.key
        if keys is not None:
            key = keys.claim(key, argument)
        yield item if key == item.key else dataclasses.replace(item, key=key)


def _tasks(
    items: Iterable[Document | Failed],
    folder: Path,
    root: str | None,
    per_file: Sequence[str],
    kept: tuple[str, ...],
    input_format: str | None,
    options: Options,
    manifest: Manifest,
    durable: bool = True,
) -> Iterator[_Task]:
    """The stream as worker tasks, lazily; what an earlier run finished is left out."""
    for item in items:
        assert item.key is not None
        if manifest.done(item.key):
            continue
        yield _task(item, folder, root, per_file, kept, input_format, options, durable)


def _task(
    item: Document | Failed,
    folder: Path,
    root: str | None,
    per_file: Sequence[str],
    kept: tuple[str, ...],
    input_format: str | None,
    options: Options,
    durable: bool = True,
) -> _Task:
    assert item.key is not None
    if isinstance(item, Failed):
        return (item, {}, (), input_format, options, durable)
    if root is None:
        targets = {f: str(folder / f"{item.key}{EXTENSIONS[f]}") for f in per_file}
    else:  # a remote output folder: the workers upload there
        targets = {f: storage.join(root, f"{item.key}{EXTENSIONS[f]}") for f in per_file}
    return (item, targets, kept, input_format, options, durable)


# ------------------------------------------------------------- Dask: workers read their parts


def partitionable(inputs: Sequence[str]) -> bool:
    """Can the workers read the inputs themselves (``partitions``)? Yes, unless keys could clash
    across input arguments (several arguments, a folder among them or two with one stem: the
    clash numbering needs every earlier key, so this process reads), or an input is in
    ``memory://``, which the worker processes do not share."""
    if any(not storage.shared_across_processes(name) for name in inputs):
        return False
    if len(inputs) == 1:
        return True
    stems = []
    for name in inputs:
        path = input_path(name)
        try:
            if path.is_dir():
                return False
        except OSError:
            return False
        stems.append(_file_key(path.name, path.name, clash=False))
    return len(set(stems)) == len(stems)


@dataclass(frozen=True, slots=True)
class _Setting:
    """What a worker needs besides the part: where outputs go and how to convert."""

    folder: str
    root: str | None
    per_file: tuple[str, ...]
    kept: tuple[str, ...]
    input_format: str | None
    options: Options


def _convert_part(
    part: Part, done: Any, setting: _Setting
) -> tuple[list[Outcome], Counter[str], int]:
    """On a worker: read one part, convert what an earlier run did not finish (``done``: the
    manifest's keys), in order. Outcomes, skipped records by reason, bytes read."""
    counts = Counts()
    outcomes: list[Outcome] = []
    folder = Path(setting.folder)
    for item in read_part(part, setting.options.max_input_bytes, counts):
        if isinstance(item, Skipped):
            continue
        if isinstance(item, Failed) and item.key is None:
            item = dataclasses.replace(item, key=failure_key(item))
        assert item.key is not None
        if item.key in done:
            continue
        task = _task(item, folder, setting.root, setting.per_file, setting.kept, setting.input_format, setting.options)  # fmt: skip
        outcome = _convert_one(task)
        outcomes.append(outcome)
        if outcome.fatal is not None:
            break  # every later output would fail the same way: the parent stops the run
    return outcomes, counts.skipped, counts.bytes_read


def _dask_partitions(
    inputs: Sequence[str],
    setting: _Setting,
    manifest: Manifest,
    counts: Counts,
    workers: int,
    scheduler: str | None,
) -> Generator[Outcome, None, None]:
    """Outcomes in input order, the workers reading their own parts: a window of parts at a
    time, one window ahead. JSON Lines parts are numbered first (their line counts, counted on
    the workers), then converted; this process reads names and sizes, never an article."""
    parts = plan(inputs, workers)
    numbering = Numbering()
    window = max(4, 2 * workers)
    with _dask_client(workers, scheduler) as client:
        done = client.scatter(manifest.done_keys(), broadcast=True)
        ahead = None
        while chunk := list(islice(parts, window)):
            lines = client.map(count_lines, chunk, pure=False)
            numbered = numbering.number(chunk, client.gather(lines))
            futures = client.map(_convert_part, numbered, done=done, setting=setting, pure=False)
            del chunk, numbered, lines
            if ahead is not None:
                yield from _gather_parts(client, ahead, counts)
            ahead = futures
        if ahead is not None:
            yield from _gather_parts(client, ahead, counts)


def _gather_parts(client: Any, futures: list[Any], counts: Counts) -> Iterator[Outcome]:
    for future in futures:
        outcomes, skipped, bytes_read = future.result()
        counts.skipped.update(skipped)
        counts.bytes_read += bytes_read
        yield from outcomes


def process_map(
    function: Callable[[Task], Result], tasks: Iterable[Task], workers: int, window: int = 1000
) -> Generator[Result, None, None]:
    """``map(function, tasks)`` in ``workers`` processes, results in task order.

    ``tasks`` is consumed lazily, a window at a time (``islice``), one window converted ahead of
    the one being consumed, so a million inputs never wait in memory as a million tasks or
    results. Workers die with this process: killed outright (see ``_watch_parent``), or
    stopped here when the caller stops early (an exception, SIGTERM turned into one by the
    CLI, a closed generator; see ``_stop``).
    """
    iterator = iter(tasks)
    workers = max(1, min(workers, available_cpus()))
    window = max(window, workers * 64)
    first = list(islice(iterator, window))
    if workers == 1 or len(first) < 8:
        yield from map(function, first)
        yield from map(function, iterator)
        return
    workers = min(workers, len(first))
    chunksize = max(1, min(64, window // (workers * 8)))
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_worker_start, initargs=(os.getpid(),)
    )
    finished = False
    try:
        ahead = pool.map(function, first, chunksize=chunksize)
        del first
        while chunk := list(islice(iterator, window)):
            current, ahead = ahead, pool.map(function, chunk, chunksize=chunksize)
            del chunk
            yield from current
        yield from ahead
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)


ENGINES = ("local", "dask")
DASK_EXTRA = "--engine dask needs the dask extra: pip install 'jsonld-news[dask]'"


def parallel_map(
    function: Callable[[Task], Result],
    tasks: Iterable[Task],
    workers: int,
    window: int = 1000,
    *,
    engine: str = "local",
    scheduler: str | None = None,
) -> Generator[Result, None, None]:
    """``process_map`` on this machine (``engine="local"``) or ``dask_map`` on a Dask cluster."""
    if engine == "local":
        if scheduler is not None:
            raise ConfigError("--scheduler needs --engine dask")
        return process_map(function, tasks, workers, window)
    if engine == "dask":
        return dask_map(function, tasks, workers, window, scheduler=scheduler)
    raise ConfigError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")


def check_dask() -> None:
    """A one-line ``ConfigError`` naming the extra when Dask's distributed scheduler is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ConfigError(DASK_EXTRA) from None


def dask_map(
    function: Callable[[Task], Result],
    tasks: Iterable[Task],
    workers: int,
    window: int = 1000,
    *,
    scheduler: str | None = None,
) -> Generator[Result, None, None]:
    """``map(function, tasks)`` on a Dask cluster, results in task order: the scheduler at
    ``scheduler`` (``tcp://host:8786``), or a ``LocalCluster`` of ``workers`` processes started
    here and closed at the end. Tasks go a window at a time, one window ahead, as in
    ``process_map``; the caller does every write of the manifest, errors.jsonl and shards, so
    they are the same, byte for byte, as with the local engine. The workers write the article
    outputs, so the output folder must be the same path (or URL) on every worker."""
    check_dask()
    return _dask_results(function, tasks, workers, window, scheduler)


@contextmanager
def _dask_client(workers: int, scheduler: str | None) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster started here."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError(DASK_EXTRA) from None
    client_class: Any = Client
    cluster_class: Any = LocalCluster
    cluster = None
    try:
        if scheduler is None:
            cluster = cluster_class(
                n_workers=max(1, workers),
                threads_per_worker=1,  # the pipeline is CPU-bound Python: processes, not threads
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            )
            client = client_class(cluster)
        else:
            client = client_class(scheduler)
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        where = scheduler or "a LocalCluster"
        raise ConfigError(f"--engine dask: cannot reach {where}: {exc}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_results(
    function: Callable[[Task], Result],
    tasks: Iterable[Task],
    workers: int,
    window: int,
    scheduler: str | None,
) -> Generator[Result, None, None]:
    with _dask_client(workers, scheduler) as client:
        iterator = iter(tasks)
        # Dask costs milliseconds a task: the articles go in bundles, as process_map's chunksize
        size = max(1, min(64, window // (max(1, workers) * 8)))
        run = functools.partial(_run_bundle, function)
        ahead = None
        while chunk := list(islice(iterator, window)):
            bundles = [chunk[i : i + size] for i in range(0, len(chunk), size)]
            futures = client.map(run, bundles, pure=False)
            del chunk, bundles
            if ahead is not None:
                for results in client.gather(ahead):
                    yield from results
            ahead = futures
        if ahead is not None:
            for results in client.gather(ahead):
                yield from results


def _run_bundle(function: Callable[[Task], Result], bundle: list[Task]) -> list[Result]:
    return [function(task) for task in bundle]


STOP_GRACE = 5.0  # seconds the workers have to finish the chunk in hand after a stop


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started, let the workers finish the chunk in hand (well under a
    second) and leave, and end those still running after ``STOP_GRACE``.

    Ending a worker at once can leave the executor's own threads blocked for good: its
    manager thread in the middle of a result the worker was sending, or the call queue's
    feeder writing tasks into a pipe that no one reads any more. Python joins both threads
    at exit, so the interrupted run never ended (seen under load, in the resume tests)."""
    # The executor offers no public way to end running workers before Python 3.14.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    # by sentinel: the executor's manager thread reaps the workers too, and a worker it
    # reaped first looks alive to Process.is_alive here (its exit code is lost)
    running = {worker.sentinel: worker for worker in workers}
    deadline = time.monotonic() + STOP_GRACE
    while running and (left := deadline - time.monotonic()) > 0:
        for ended in wait_for(list(running), timeout=left):
            running.pop(ended)
    for worker in running.values():
        worker.terminate()
    for worker in running.values():
        worker.join(timeout=5)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _worker_start(parent: int) -> None:
    """Pool worker start-up: ``_watch_parent``, then the collector as a ``serve`` worker has it
    (see ``serve_start``). The worker is a process of ours, so process-wide settings are ours
    to choose: the heap it was forked with is frozen (never rescanned by full collections) and
    the young generation's threshold raised past one conversion's burst of containers, which
    it frees nearly all by itself. Outputs are unchanged; only when the collector runs."""
    from jsonld_news.serve_start import GC_THRESHOLD

    _watch_parent(parent)
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def _watch_parent(parent: int) -> None:
    """Worker start-up: make sure this worker never outlives the process that started it.

    On Linux the kernel sends SIGKILL when the parent dies (``prctl(PR_SET_PDEATHSIG)``);
    elsewhere, and as a second guard, a daemon thread checks every half second whether the
    worker has been handed to another parent. Ctrl-C is left to the parent, which stops the
    workers itself.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the CLI's handler, inherited by fork
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still runs
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="jsonld-news-parent-watch", daemon=True).start()
