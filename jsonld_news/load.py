"""Loading articles into a store: convert (in worker processes), batch, record every failure.

Each article goes into the named graph of its ``@id`` (see ``jsonld_news.stores``). A document
that cannot be converted or that the store refuses is recorded and the rest go on;
``StoreUnavailableError`` (the store itself is down) stops the load.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from jsonld_news.batch import (
    MAX_KEPT_FAILURES,
    available_cpus,
    check_dask,
    claimed_items,
    document_options,
    parallel_map,
)
from jsonld_news.errors import InputError, JsonldNewsError
from jsonld_news.jsonld import to_jsonld
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.progress import Tally
from jsonld_news.rdf import to_ntriples, triples
from jsonld_news.sources import Counts, Document, Failed, input_bytes
from jsonld_news.stores.base import (
    GRAPH_IRI,
    BulkStore,
    Store,
    StoreError,
    StoreUnavailableError,
    one_line,
)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "LoadFailure",
    "LoadResult",
    "load_articles",
    "load_paths",
]

DEFAULT_BATCH_SIZE = 1000


@dataclass(frozen=True, slots=True)
class LoadFailure:
    source: str
    reason: str  # one line

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


def _ready(source: str, doc: Mapping[str, Any], warnings: Sequence[str] = ()) -> _Ready:
    try:
        return _Ready(source, _graph_iri(doc), to_ntriples(triples(doc)), tuple(warnings))
    except Exception as exc:
        return _Ready(source, None, _reason(exc))


def _doc_source(doc: Mapping[str, Any], index: int) -> str:
    label = doc.get("url") or doc.get("@id")
    return label if isinstance(label, str) and label else f"document {index + 1}"


class _Loader:
    """Batches ready articles into the store; records every failure and goes on."""

    def __init__(
        self,
        store: Store,
        batch_size: int,
        on_failure: Callable[[LoadFailure], None] | None,
    ) -> None:
        self.store = store
        self.batch_size = max(1, batch_size)
        self.on_failure = on_failure
        self.result = LoadResult()
        self.batch: list[tuple[str, str, str]] = []
        # graph IRI -> the source that loaded it, as 8-byte digests: a duplicate @id is still
        # found across the whole run, in a fraction of the memory of the names.
        self.sources: dict[bytes, bytes] = {}

    def add(self, item: _Ready) -> None:
        source, graph, payload, warnings = item
        self.result.warnings.extend(f"{source}: {warning}" for warning in warnings)
        if graph is None:
            self.fail(source, payload)
            return
        key, digest = _digest(graph), _digest(source)
        earlier = self.sources.get(key)
        if earlier is not None and earlier != digest:
            self.result.warnings.append(
                f"{source}: replaced the graph <{graph}> loaded earlier in this run from"
                " another input (same @id)"
            )
        self.sources[key] = digest
        self.batch.append((source, graph, payload))
        if len(self.batch) >= self.batch_size:
            self.flush()

    def fail(self, source: str, reason: str) -> None:
        failure = LoadFailure(source, reason)
        self.result.failed += 1
        if len(self.result.failures) < MAX_KEPT_FAILURES:
            self.result.failures.append(failure)
        if self.on_failure is not None:
            self.on_failure(failure)

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        if isinstance(self.store, BulkStore) and len(batch) > 1:
            try:
                self.store.replace_graphs((graph, nt) for _, graph, nt in batch)
            except StoreUnavailableError:
                raise
            except StoreError:
                pass  # one by one below, which names the article that failed
            else:
                for _, _, nt in batch:
                    self.result.add_loaded(nt)
                return
        for source, graph, nt in batch:
            try:
                self.store.replace_graph(graph, nt)
            except StoreUnavailableError:
                raise
            except StoreError as exc:
                self.fail(source, str(exc))
            else:
                self.result.add_loaded(nt)


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
    for index, doc in enumerate(docs):
        loader.add(_ready(_doc_source(doc, index), doc))
    loader.flush()
    return loader.result


def _convert_document(task: tuple[Document | Failed, str | None, Options]) -> _Ready:
    item, input_format, options = task
    if isinstance(item, Failed):
        return _Ready(item.label, None, one_line(item.reason))
    try:
        opts = document_options(options, item)
        article = convert_bytes(item.data, item.label, input_format or item.format, opts)
        doc = to_jsonld(article)
    except Exception as exc:
        return _Ready(item.label, None, _reason(exc))
    return _ready(item.label, doc, article.warnings)


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
    on_progress: Callable[[Tally], None] | None = None,
) -> LoadResult:
    """Convert inputs (files, folders walked recursively, JSON Lines and WARC files, streamed as
    ``convert`` reads them) and load each article into its graph. Conversion runs in
    ``workers`` processes (default: the cores available), or on a Dask cluster with
    ``engine="dask"`` (see ``batch.dask_map``); loading in this one. ``on_progress`` is given
    a ``Tally`` (articles done, bytes read, skipped WARC records) after each article and once
    at the end."""
    if engine == "dask":
        check_dask()
    options = options or Options()
    inputs = [str(p) for p in paths]
    counts = Counts()
    tally = Tally(total_bytes=input_bytes(inputs))
    items = claimed_items(inputs, counts, options.max_input_bytes)
    tasks = ((item, input_format, options) for item in items)
    loader = _Loader(store, batch_size, on_failure)
    # closing(): a store that fails stops the workers at once, not when the generator is freed.
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
    if on_progress is not None:
        tally.skipped = counts.skipped_total
        tally.advance(tally.done, counts.bytes_read)
        on_progress(tally)
    return loader.result
