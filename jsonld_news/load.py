"""Loading articles into a store: convert (in worker processes), batch, record every failure.

Each article goes into the named graph of its ``@id`` (see ``jsonld_news.stores``). A document
that cannot be converted or that the store refuses is recorded and the rest go on;
``StoreUnavailableError`` (the store itself is down) stops the load.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, NamedTuple

import orjson

from jsonld_news.batch import (
    MAX_KEPT_FAILURES,
    available_cpus,
    check_dask,
    claimed_items,
    convert_document,
    options_record,
    parallel_map,
)
from jsonld_news.errors import InputError, JsonldNewsError
from jsonld_news.identity import content_hash
from jsonld_news.options import Options
from jsonld_news.progress import Tally
from jsonld_news.rdf import escape_literal, to_ntriples, triples
from jsonld_news.sources import (
    Counts,
    Document,
    Failed,
    archive_kind,
    input_bytes,
    iter_documents,
)
from jsonld_news.stores.base import (
    GRAPH_IRI,
    BulkStore,
    MergeStore,
    Store,
    StoreError,
    StoreUnavailableError,
    one_line,
)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "FAILURES_NAME",
    "JN",
    "PROV",
    "LoadFailure",
    "LoadResult",
    "Origin",
    "failures_path",
    "load_articles",
    "load_paths",
    "read_failures",
]

DEFAULT_BATCH_SIZE = 1000
FAILURES_NAME = "jsonld-news-load-errors.jsonl"
PROV = "http://www.w3.org/ns/prov#"
JN = "urn:jsonld-news:vocab:"  # the few provenance terms PROV-O has no word for
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document came from: its input file (absolute), the JSON line or WARC offset in
    it (None for a whole file), and its key (``sources``), what names it again on a retry."""

    input: str
    position: int | None
    key: str | None


@dataclass(frozen=True, slots=True)
class LoadFailure:
    source: str
    reason: str  # one line
    origin: Origin | None = None

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class LoadResult:
    """Counts of a load. The first ``MAX_KEPT_FAILURES`` failures are kept in ``failures``;
    every one is given to ``on_failure``, so memory does not grow with the run (as
    ``BatchResult``)."""

    loaded: int = 0  # articles
    failed: int = 0
    triples: int = 0  # loaded
    failures: list[LoadFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def add_loaded(self, ntriples: str) -> None:
        self.loaded += 1
        self.triples += _count_lines(ntriples)


class _Ready(NamedTuple):
    """An article ready to load (``graph`` set, ``payload`` its N-Triples), or a failure
    (``graph`` None, ``payload`` the one-line reason)."""

    source: str
    graph: str | None
    payload: str
    warnings: tuple[str, ...] = ()
    origin: Origin | None = None


def _graph_iri(doc: Mapping[str, Any]) -> str:
    iri = doc.get("@id")
    if not isinstance(iri, str) or not GRAPH_IRI.match(iri):
        raise ValueError(f"document has no absolute @id to name its graph (@id: {iri!r})")
    return iri


def _reason(exc: Exception) -> str:
    if isinstance(exc, InputError):
        return one_line(exc.problem)  # the source is reported beside it already
    if isinstance(exc, (JsonldNewsError, ValueError)):
        return one_line(str(exc))
    return one_line(f"internal error: {type(exc).__name__}: {exc}")


def _ready(
    source: str,
    doc: Mapping[str, Any],
    warnings: Sequence[str] = (),
    origin: Origin | None = None,
) -> _Ready:
    try:
        graph, nt = _graph_iri(doc), to_ntriples(triples(doc))
    except Exception as exc:
        return _Ready(source, None, _reason(exc), (), origin)
    return _Ready(source, graph, nt, tuple(warnings), origin)


def _doc_source(doc: Mapping[str, Any], index: int) -> str:
    label = doc.get("url") or doc.get("@id")
    return label if isinstance(label, str) and label else f"document {index + 1}"


class Provenance:
    """PROV-O for one load run. Each article graph ``G`` gets a provenance graph of its own
    (``{base}provenance/{hash of G}``), replaced with it, so a reload replaces both in any
    store; it says ``G prov:wasDerivedFrom <file:///...#line=N>`` (the source, with
    ``jn:path``, ``jn:position``, ``rdfs:label``), ``prov:generatedAtTime`` and
    ``prov:wasGeneratedBy`` the run. The run (``{base}load/{uuid}``, described in the graph of
    the same name) names the converter version and the options digest."""

    def __init__(self, base_iri: str, options: Options | None, store: str = "") -> None:
        from jsonld_news import __version__

        self.base = base_iri
        self.run = f"{base_iri}load/{uuid.uuid4()}"
        self.version = __version__
        record = json.dumps(options_record(options or Options()), sort_keys=True, default=str)
        self.options_digest = "sha256:" + hashlib.sha256(record.encode()).hexdigest()
        self.started = _now()
        self.store = store

    def graph_of(self, article_graph: str) -> str:
        return f"{self.base}provenance/{content_hash(article_graph)}"

    def article(self, graph: str, source: str, origin: Origin | None) -> str:
        run, now = self.run, _now()
        lines = [
            f"<{graph}> <{_RDF_TYPE}> <{PROV}Entity> .\n",
            f"<{graph}> <{PROV}wasGeneratedBy> <{run}> .\n",
            f'<{graph}> <{PROV}generatedAtTime> "{now}"^^<{_XSD}dateTime> .\n',
        ]
        if origin is not None:
            where = _source_iri(origin)
            lines.append(f"<{graph}> <{PROV}wasDerivedFrom> <{where}> .\n")
            lines.append(f'<{where}> <{JN}path> "{escape_literal(origin.input)}" .\n')
            lines.append(f'<{where}> <{_RDFS_LABEL}> "{escape_literal(source)}" .\n')
            if origin.position is not None:
                lines.append(f'<{where}> <{JN}position> "{origin.position}"^^<{_XSD}integer> .\n')
        return "".join(lines)

    def activity(self, ended: bool = False) -> str:
        run, agent = self.run, f"urn:jsonld-news:software/{self.version}"
        lines = [
            f"<{run}> <{_RDF_TYPE}> <{PROV}Activity> .\n",
            f'<{run}> <{PROV}startedAtTime> "{self.started}"^^<{_XSD}dateTime> .\n',
            f"<{run}> <{PROV}wasAssociatedWith> <{agent}> .\n",
            f'<{run}> <{JN}converterVersion> "{escape_literal(self.version)}" .\n',
            f'<{run}> <{JN}optionsDigest> "{self.options_digest}" .\n',
            f"<{agent}> <{_RDF_TYPE}> <{PROV}SoftwareAgent> .\n",
            f'<{agent}> <{_RDFS_LABEL}> "jsonld-news {escape_literal(self.version)}" .\n',
        ]
        if ended:
            lines.append(f'<{run}> <{PROV}endedAtTime> "{_now()}"^^<{_XSD}dateTime> .\n')
        return "".join(lines)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _source_iri(origin: Origin) -> str:
    """``file:///abs/export.jsonl#line=12`` (RFC 5147), ``...warc.gz#offset=4096``, a file."""
    iri = Path(origin.input).as_uri()
    if origin.position is None:
        return iri
    kind = "offset" if archive_kind(origin.input) == "warc" else "line"
    return f"{iri}#{kind}={origin.position}"


class FailureLog:
    """The failures of a load run, one JSON object a line: ``input`` (absolute path),
    ``position``, ``key``, ``source`` (as messages name it) and ``reason``. Opened on the first
    failure; a run without failures leaves none, so ``--retry-failed`` has nothing to do."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._stream: IO[str] | None = None
        self.path.unlink(missing_ok=True)  # the last run's failures are read before this

    def write(self, failure: LoadFailure) -> None:
        if self._stream is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._stream = self.path.open("a", encoding="utf-8", newline="\n")
        origin = failure.origin
        entry = {
            "input": origin.input if origin else None,
            "position": origin.position if origin else None,
            "key": origin.key if origin else None,
            "source": failure.source,
            "reason": failure.reason,
        }
        self._stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._stream.flush()  # a killed run keeps what it recorded

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None


def failures_path(store: str) -> Path | None:
    """Where a load into ``store`` (a spec) records its failures: inside an on-disk Oxigraph's
    folder, else ``.jsonld-news-load-errors.jsonl`` in the current folder; None for a store in
    memory, gone when the load ends (nothing to retry into)."""
    scheme, _, rest = store.partition(":")
    scheme = scheme.lower()
    if scheme in ("memory", "oxigraph") and rest in ("", "//"):
        return None
    if scheme == "oxigraph":
        return Path(os.path.expanduser(rest)) / FAILURES_NAME
    return Path(f".{FAILURES_NAME}")


def read_failures(path: str | Path) -> list[dict[str, Any]]:
    """The entries a ``FailureLog`` wrote (none when there is no log)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the failures of the last load: {exc}") from None
    entries = []
    for line in text.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a line a kill cut short: nothing to retry in it
        if isinstance(entry, dict) and isinstance(entry.get("input"), str):
            entries.append(entry)
    return entries


class _Loader:
    """Batches ready articles into the store; records every failure and goes on.

    A full batch is written by one background thread while the next one is gathered (and, in
    ``load_articles``, converted): the store's work (its parser, its server's CPU, the round
    trip) overlaps ours; the stores release the GIL while they wait or parse. One batch at a
    time is in flight, so the store is never used by two threads at once; ``flush`` writes what
    is left and waits, and an error of the store comes out of the next ``add`` or ``flush``.
    A store whose ``background_writes`` is False (embedded Oxigraph in memory: all CPU in
    this process) is written by the calling thread.
    """

    def __init__(
        self,
        store: Store,
        batch_size: int,
        on_failure: Callable[[LoadFailure], None] | None,
        *,
        provenance: Provenance | None = None,
        merge: bool = False,
    ) -> None:
        self.store = store
        self.batch_size = max(1, batch_size)
        self.on_failure = on_failure
        self.provenance = provenance
        self.merge = merge
        if merge and not isinstance(store, MergeStore):
            raise StoreUnavailableError(
                getattr(store, "endpoint", type(store).__name__), "cannot add to graphs (--merge)"
            )
        self.result = LoadResult()
        self.batch: list[_Ready] = []
        self._lock = threading.Lock()  # result and on_failure: both threads record
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future[None] | None = None
        # graph IRI -> the source that loaded it, as 8-byte digests: a duplicate @id is still
        # found across the whole run, in a fraction of the memory of the names.
        self.sources: dict[bytes, bytes] = {}

    def add(self, item: _Ready) -> None:
        source, graph, payload, warnings, origin = item
        self.result.warnings.extend(f"{source}: {warning}" for warning in warnings)
        if graph is None:
            self.fail(source, payload, origin)
            return
        key, digest = _digest(graph), _digest(source)
        earlier = self.sources.get(key)
        if earlier is not None and earlier != digest:
            self.result.warnings.append(
                f"{source}: replaced the graph <{graph}> loaded earlier in this run from"
                " another input (same @id)"
            )
        self.sources[key] = digest
        self.batch.append(item)
        if len(self.batch) >= self.batch_size:
            batch, self.batch = self.batch, []
            self._wait()
            if not getattr(self.store, "background_writes", True):
                self._write_batch(batch)
                return
            if self._pool is None:
                self._pool = ThreadPoolExecutor(1, thread_name_prefix="load")
            self._pending = self._pool.submit(self._write_batch, batch)

    def _wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()  # the store's error, raised here

    def close(self) -> None:
        """Wait for the batch in flight (its errors are not raised: the load is ending)."""
        try:
            if self._pending is not None:
                self._pending.exception()
        finally:
            self._pending = None
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None

    def fail(self, source: str, reason: str, origin: Origin | None = None) -> None:
        failure = LoadFailure(source, reason, origin)
        with self._lock:
            self.result.failed += 1
            if len(self.result.failures) < MAX_KEPT_FAILURES:
                self.result.failures.append(failure)
            if self.on_failure is not None:
                self.on_failure(failure)

    def _loaded(self, item: _Ready) -> None:
        with self._lock:
            self.result.add_loaded(item.payload)

    def _pairs(self, item: _Ready) -> list[tuple[str, str]]:
        assert item.graph is not None
        pairs = [(item.graph, item.payload)]
        if self.provenance is not None:
            record = self.provenance.article(item.graph, item.source, item.origin)
            pairs.append((self.provenance.graph_of(item.graph), record))
        return pairs

    def _write(self, pairs: list[tuple[str, str]]) -> None:
        if self.merge:
            self.store.add_graphs(pairs)  # type: ignore[attr-defined]  # checked: a MergeStore
        elif isinstance(self.store, BulkStore) and len(pairs) > 1:
            self.store.replace_graphs(pairs)
        else:
            for graph, nt in pairs:
                self.store.replace_graph(graph, nt)

    def flush(self) -> None:
        """Write what is gathered and wait until every batch is in the store."""
        batch, self.batch = self.batch, []
        try:
            self._wait()
            self._write_batch(batch)
        finally:
            self.close()

    def _write_batch(self, batch: list[_Ready]) -> None:
        if not batch:
            return
        if len(batch) > 1 and (self.merge or isinstance(self.store, BulkStore)):
            try:
                self._write([pair for item in batch for pair in self._pairs(item)])
            except StoreUnavailableError:
                raise
            except StoreError:
                pass  # one by one below, which names the article that failed
            else:
                for item in batch:
                    self._loaded(item)
                return
        for item in batch:
            try:
                self._write(self._pairs(item))
            except StoreUnavailableError:
                raise
            except StoreError as exc:
                self.fail(item.source, str(exc), item.origin)
            else:
                self._loaded(item)


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=8).digest()


def _count_lines(ntriples: str) -> int:
    # Our emitter writes one triple per line and no comments or blank lines.
    return ntriples.count("\n")


def load_articles(
    docs: Iterable[Mapping[str, Any]],
    store: Store,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_failure: Callable[[LoadFailure], None] | None = None,
) -> LoadResult:
    """Load compact JSON-LD documents (``to_jsonld`` output), each into the graph named by its
    ``@id``. A document that cannot be loaded is counted in ``failed`` (the first 1,000 kept in
    ``failures``) and given to ``on_failure``, and the rest go on;
    ``StoreUnavailableError`` (the store itself is down) stops the load."""
    loader = _Loader(store, batch_size, on_failure)
    try:
        for index, doc in enumerate(docs):
            loader.add(_ready(_doc_source(doc, index), doc))
        loader.flush()
    finally:
        loader.close()
    return loader.result


def _source_key(item: Document) -> str | None:
    """The stable name an article without a URL is named by: a file's path under the folder
    given (its key), a JSON line's ``id`` field with its file's key; a WARC record has its URL,
    and a JSON line without ``id`` has only its content."""
    if item.position is None:
        return item.key
    if archive_kind(item.source) != "jsonl":
        return None
    try:
        value = orjson.loads(item.data)
    except orjson.JSONDecodeError:
        return None
    ident = value.get("id") if isinstance(value, dict) else None
    if isinstance(ident, bool) or not isinstance(ident, str | int) or ident == "":
        return None
    return f"{item.key.rpartition('/')[0]}#id={ident}"


def _origin(item: Document | Failed) -> Origin:
    return Origin(os.path.abspath(item.source), item.position, item.key)


def _convert_document(task: tuple[Document | Failed, str | None, Options]) -> _Ready:
    item, input_format, options = task
    origin = _origin(item)
    if isinstance(item, Failed):
        return _Ready(item.label, None, one_line(item.reason), (), origin)
    try:
        article, doc = convert_document(item, input_format, options, _source_key(item))
    except Exception as exc:
        return _Ready(item.label, None, _reason(exc), (), origin)
    return _ready(item.label, doc, article.warnings, origin)


def retry_items(entries: Iterable[Mapping[str, Any]], limit: int) -> Iterator[Document | Failed]:
    """The documents a ``FailureLog`` names, read again from their inputs, with the keys they
    had (so an article without URL gets the same graph as in a full run)."""
    wanted: dict[str, dict[int | None, str | None]] = {}
    for entry in entries:
        position = entry.get("position")
        wanted.setdefault(str(entry["input"]), {})[
            position if isinstance(position, int) else None
        ] = entry.get("key")
    for path, positions in wanted.items():
        left = dict(positions)
        for item in iter_documents([path], max_document_bytes=limit):
            if isinstance(item, Document | Failed) and item.position in left:
                key = left.pop(item.position)
                yield item if key is None else dataclasses.replace(item, key=key)
                if not left:
                    break
        for position, key in left.items():
            where = "" if position is None else f" at {position}"
            yield Failed(path, position, key, f"no longer in the input{where}", "InputError")


def load_paths(
    paths: Iterable[str | Path],
    store: Store,
    options: Options | None = None,
    workers: int | None = None,
    *,
    input_format: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_failure: Callable[[LoadFailure], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    merge: bool = False,
    provenance: bool = True,
    failures: str | Path | None = None,
    retry: Sequence[Mapping[str, Any]] | None = None,
    on_progress: Callable[[Tally], None] | None = None,
) -> LoadResult:
    """Convert inputs (files, folders walked recursively, JSON Lines and WARC files, streamed as
    ``convert`` reads them) and load each article into its graph. Conversion runs in
    ``workers`` processes (default: the cores available), or on a Dask cluster with
    ``engine="dask"`` (see ``batch.dask_map``); loading in this one.

    ``merge`` adds to the graphs instead of replacing them (a ``MergeStore``). ``provenance``
    writes a PROV-O graph beside each article's (see ``Provenance``). ``failures``: a file
    that records this run's failures (``FailureLog``; ``failures_path(spec)`` is where the
    CLI keeps it). ``retry``: load exactly the documents of those entries (``read_failures``)
    instead of ``paths``. ``on_progress`` is given a ``Tally`` (articles done, bytes read,
    skipped WARC records) after each article and once at the end."""
    if engine == "dask":
        check_dask()
    options = options or Options()
    counts = Counts()
    if retry is not None:
        items: Iterable[Document | Failed] = retry_items(retry, options.max_input_bytes)
        tally = Tally(total_bytes=0)
    else:
        inputs = [str(p) for p in paths]
        tally = Tally(total_bytes=input_bytes(inputs))
        items = claimed_items(inputs, counts, options.max_input_bytes)
    tasks = ((item, input_format, options) for item in items)
    record = Provenance(options.base_iri, options) if provenance else None
    loader = _Loader(store, batch_size, on_failure, provenance=record, merge=merge)
    log = FailureLog(failures) if failures is not None else None
    if log is not None:
        report = on_failure

        def on_fail(failure: LoadFailure) -> None:
            log.write(failure)
            if report is not None:
                report(failure)

        loader.on_failure = on_fail
    try:
        if record is not None:
            store.replace_graph(record.run, record.activity())
        # closing(): a store that fails stops the workers at once, not when the generator is
        # freed.
        results = parallel_map(
            _convert_document,
            tasks,
            workers or available_cpus(),
            DEFAULT_BATCH_SIZE,
            engine=engine,
            scheduler=scheduler,
        )
        with closing(results) as ready:
            for item in ready:
                loader.add(item)
                if on_progress is not None:
                    tally.advance(tally.done + 1, counts.bytes_read)
                    on_progress(tally)
        loader.flush()
        if record is not None:
            store.replace_graph(record.run, record.activity(ended=True))
        if on_progress is not None:
            tally.skipped = counts.skipped_total
            tally.advance(tally.done, counts.bytes_read)
            on_progress(tally)
    finally:
        loader.close()
        if log is not None:
            log.close()
    return loader.result
