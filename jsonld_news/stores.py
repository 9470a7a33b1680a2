"""Loading converted articles into SPARQL stores: a tiny protocol, pluggable back-ends.

One named graph per article, named by the article's ``@id`` (as ``nq`` output does), so
reloading an article replaces its graph, and entity IRIs minted the same in every article
(``urn:jsonld-news:place/berlin``) merge into one node across graphs.

Back-ends: ``MemoryStore`` (a pure-Python double for tests), ``OxigraphStore`` (embedded
pyoxigraph, in memory or on disk) and ``GraphStoreProtocolStore`` (any SPARQL 1.1 Graph Store
HTTP Protocol server, standard library only). ``open_store`` picks one from a spec string.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from http.client import HTTPException
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, Self, runtime_checkable

from jsonld_news.batch import collect_inputs
from jsonld_news.errors import ConfigError, InputError, JsonldNewsError
from jsonld_news.jsonld import to_jsonld
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes, read_file
from jsonld_news.rdf import to_ntriples, triples

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "BulkStore",
    "GraphStoreProtocolStore",
    "LoadFailure",
    "LoadResult",
    "Loaded",
    "MemoryStore",
    "OxigraphStore",
    "Store",
    "StoreError",
    "StoreUnavailableError",
    "load_articles",
    "load_paths",
    "open_store",
]

DEFAULT_BATCH_SIZE = 1000


# --- errors -----------------------------------------------------------------------------------


class StoreError(JsonldNewsError):
    """A store refused one graph (bad N-Triples, bad graph IRI). One line; names the endpoint and,
    for HTTP stores, the status and reason. Loading records it and goes on with the next article."""

    def __init__(
        self, endpoint: str, reason: str, status: int | None = None, detail: str = ""
    ) -> None:
        self.endpoint = endpoint
        self.status = status
        self.reason = _one_line(reason)
        self.detail = _one_line(detail)
        head = f"HTTP {status} {self.reason}" if status is not None else self.reason
        super().__init__(f"store {endpoint}: {head}" + (f": {self.detail}" if self.detail else ""))


class StoreUnavailableError(StoreError):
    """The store itself is unusable (unreachable, timed out, wrong endpoint, locked, closed):
    every further article would fail the same way, so loading stops instead of going on."""


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# Graph names go into N-Quads/TriG and SPARQL text: anything an IRIREF forbids is refused up
# front, so a graph name can never break out of its brackets.
_GRAPH_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>"{}|^`\\]*\Z')


def _check_graph_iri(iri: str, endpoint: str) -> None:
    if not isinstance(iri, str) or not _GRAPH_IRI.match(iri):
        raise StoreError(endpoint, f"not an absolute IRI for a graph name: {iri!r}")


# --- the protocol -----------------------------------------------------------------------------


@runtime_checkable
class Store(Protocol):
    """Where articles go. Implementations also work as context managers (``with open_store(...)``)."""

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        """Make the named graph hold exactly these triples (idempotent: a reload replaces)."""
        ...

    def count_triples(self, graph_iri: str | None = None) -> int:
        """Triples in one named graph, or in all named graphs together when ``None``."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class BulkStore(Store, Protocol):
    """A store that replaces many graphs at once faster than one by one.

    On error some of the graphs may already be replaced; since replacing is idempotent, the caller
    retries them one by one to find the bad one (``load_articles`` does).
    """

    def replace_graphs(self, graphs: Iterable[tuple[str, str]]) -> None: ...


class _Closing:
    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        raise NotImplementedError


# --- in memory (the test double) --------------------------------------------------------------


class MemoryStore(_Closing):
    """Pure-Python double: ``graphs`` maps a graph IRI to its N-Triples lines.

    Lines are compared as text, so it does not canonicalise literals or scope blank nodes; it
    checks what the loaders send, not RDF semantics.
    """

    endpoint = "memory:"

    def __init__(self) -> None:
        self.graphs: dict[str, set[str]] = {}
        self.closed = False

    def _open(self) -> None:
        if self.closed:
            raise StoreUnavailableError(self.endpoint, "store is closed")

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        self._open()
        _check_graph_iri(graph_iri, self.endpoint)
        lines = (line.strip() for line in ntriples.splitlines())
        self.graphs[graph_iri] = {line for line in lines if line and not line.startswith("#")}

    def count_triples(self, graph_iri: str | None = None) -> int:
        self._open()
        if graph_iri is not None:
            return len(self.graphs.get(graph_iri, ()))
        return sum(len(lines) for lines in self.graphs.values())

    def close(self) -> None:
        self.closed = True


# --- embedded Oxigraph ------------------------------------------------------------------------

_COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _count_query(graph_iri: str | None) -> str:
    if graph_iri is None:
        return _COUNT_ALL
    return f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"


class OxigraphStore(_Closing):
    """Embedded pyoxigraph: on disk at ``path`` (RocksDB, one process at a time), else in memory.

    ``replace_graphs`` checks every article's N-Triples first (so a bad one leaves every old
    graph as it was), drops the graphs being replaced, then loads the whole batch as one TriG
    document: several times faster on disk than a transaction per article. On disk the batch is
    written with ``bulk_load``, which is not transactional: a crash mid-batch can leave graphs
    missing or partial until they are loaded again.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self.path = None if path is None else str(path)
        self.endpoint = f"oxigraph:{self.path or ''}"
        try:
            self._store: pyoxigraph.Store | None = pyoxigraph.Store(self.path)
        except OSError as exc:  # e.g. the folder is locked by a running server
            raise StoreUnavailableError(self.endpoint, str(exc)) from None

    @property
    def native(self) -> pyoxigraph.Store:
        """The pyoxigraph ``Store``, for SPARQL queries and anything else it offers."""
        if self._store is None:
            raise StoreUnavailableError(self.endpoint, "store is closed")
        return self._store

    def _check(self, graph_iri: str, ntriples: str) -> None:
        """Parse without storing, so nothing is dropped for content that cannot be loaded."""
        _check_graph_iri(graph_iri, self.endpoint)
        try:
            for _ in self._ox.parse(ntriples, self._ox.RdfFormat.N_TRIPLES):
                pass
        except SyntaxError as exc:
            raise StoreError(self.endpoint, f"<{graph_iri}>: invalid N-Triples: {exc}") from None

    def _drop(self, graph: pyoxigraph.NamedNode) -> None:
        store = self.native
        if store.contains_named_graph(graph):  # a fresh graph costs no removal
            store.remove_graph(graph)

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        self._check(graph_iri, ntriples)
        graph = self._ox.NamedNode(graph_iri)
        try:
            self._drop(graph)
            # Checked above, so the lenient (no IRI re-validation) parse is safe and faster.
            self.native.load(ntriples, self._ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=True)
        except OSError as exc:
            raise StoreUnavailableError(self.endpoint, str(exc)) from None

    def replace_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        batch = dict(graphs)  # the same graph twice: the last one wins, as one by one would
        for graph_iri, ntriples in batch.items():
            self._check(graph_iri, ntriples)
        # Blank node labels are document-scoped in TriG: articles with blank nodes are loaded
        # on their own so that ``_:b0`` of one article never merges with ``_:b0`` of another.
        alone = {g: nt for g, nt in batch.items() if "_:" in nt}
        together = [(g, nt) for g, nt in batch.items() if g not in alone]
        try:
            for graph_iri, _ in together:
                self._drop(self._ox.NamedNode(graph_iri))
            if together:
                # Checked N-Triples is valid Turtle, so it can sit inside a TriG graph block.
                text = "".join(f"<{g}> {{\n{nt}\n}}\n" for g, nt in together)
                load = self.native.load if self.path is None else self.native.bulk_load
                load(text, self._ox.RdfFormat.TRIG, lenient=True)
        except OSError as exc:
            raise StoreUnavailableError(self.endpoint, str(exc)) from None
        except SyntaxError as exc:  # only for N-Triples that TriG reads otherwise
            raise StoreError(self.endpoint, f"batch did not load: {exc}") from None
        for graph_iri, ntriples in alone.items():
            self.replace_graph(graph_iri, ntriples)

    def count_triples(self, graph_iri: str | None = None) -> int:
        if graph_iri is not None:
            _check_graph_iri(graph_iri, self.endpoint)
        rows = self.select(_count_query(graph_iri))
        return int(rows[0]["n"]) if rows else 0

    def select(self, query: str) -> list[dict[str, str]]:
        """A SPARQL SELECT; each row maps a variable name to its value's lexical form."""
        try:
            solutions = self.native.query(query)
        except SyntaxError as exc:
            raise StoreError(self.endpoint, f"invalid SPARQL: {exc}") from None
        if not isinstance(solutions, self._ox.QuerySolutions):
            raise StoreError(self.endpoint, "not a SELECT query")
        names = [variable.value for variable in solutions.variables]
        rows: list[dict[str, str]] = []
        for solution in solutions:
            row = {name: solution[name] for name in names}
            rows.append({name: term.value for name, term in row.items() if term is not None})
        return rows

    def close(self) -> None:
        if self._store is not None:
            if self.path is not None:
                self._store.flush()
            self._store = None  # pyoxigraph releases the RocksDB lock when the Store is dropped


# --- SPARQL 1.1 Graph Store HTTP Protocol -----------------------------------------------------

# Statuses that blame the request body (this article), not the store: record and go on.
_PAYLOAD_STATUSES = frozenset({400, 413, 415, 422})
_SPARQL_JSON = "application/sparql-results+json"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _sibling_query_endpoint(endpoint: str) -> str:
    """``.../store`` -> ``.../query`` (Oxigraph), ``/ds/data`` -> ``/ds/query`` (Fuseki)."""
    parts = urllib.parse.urlsplit(endpoint)
    parent = parts.path.rstrip("/").rpartition("/")[0]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, f"{parent}/query", "", ""))


class GraphStoreProtocolStore(_Closing):
    """A SPARQL 1.1 Graph Store HTTP Protocol server, with ``urllib`` only.

    ``replace_graph`` is ``PUT {endpoint}?graph=<iri>`` with N-Triples; counts are SPARQL
    queries sent to ``query_endpoint`` (default: the sibling ``query`` of the data endpoint,
    right for Oxigraph's ``/store`` and Fuseki's ``/dataset/data``). Credentials in the URL
    (``http://user:password@host/...``) become HTTP Basic authentication and never appear in
    messages. Proxies from the environment are honoured, except for loopback hosts.
    """

    def __init__(
        self,
        endpoint: str,
        timeout: float = 30,
        *,
        query_endpoint: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.timeout = timeout
        self._headers = dict(headers or {})
        self.endpoint, credentials, host = self._parse(endpoint)
        if query_endpoint is None:
            self.query_endpoint = _sibling_query_endpoint(self.endpoint)
        else:
            self.query_endpoint, query_credentials, _ = self._parse(query_endpoint)
            credentials = credentials or query_credentials
        if credentials and "Authorization" not in self._headers:
            token = base64.b64encode(credentials.encode("utf-8")).decode("ascii")
            self._headers["Authorization"] = f"Basic {token}"
        handlers = [urllib.request.ProxyHandler({})] if _is_loopback(host) else []
        self._opener: urllib.request.OpenerDirector | None = urllib.request.build_opener(*handlers)

    @staticmethod
    def _parse(url: str) -> tuple[str, str, str]:
        """(URL without credentials, ``user:password`` or "", host); only http and https."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"not an http(s) store endpoint: {url!r}")
        credentials = ""
        if parts.username is not None:
            credentials = urllib.parse.unquote(parts.username)
            credentials += ":" + urllib.parse.unquote(parts.password or "")
        netloc = parts.netloc.rpartition("@")[2]
        clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
        return clean, credentials, parts.hostname

    def _request(
        self, method: str, url: str, endpoint: str, body: bytes, headers: Mapping[str, str]
    ) -> bytes:
        if self._opener is None:
            raise StoreUnavailableError(endpoint, "store is closed")
        request = urllib.request.Request(
            url, data=body, method=method, headers={**self._headers, **headers}
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                data: bytes = response.read()
                return data
        except urllib.error.HTTPError as exc:
            kind = StoreError if exc.code in _PAYLOAD_STATUSES else StoreUnavailableError
            raise kind(endpoint, str(exc.reason), exc.code, _body_text(exc)) from None
        except urllib.error.URLError as exc:
            raise StoreUnavailableError(endpoint, self._transport_reason(exc.reason)) from None
        except (OSError, HTTPException) as exc:
            raise StoreUnavailableError(endpoint, self._transport_reason(exc)) from None

    def _transport_reason(self, reason: object) -> str:
        if isinstance(reason, TimeoutError):
            return f"no answer within {self.timeout:g} s"
        if isinstance(reason, OSError) and reason.strerror:
            return reason.strerror.lower()
        return str(reason) or type(reason).__name__

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        _check_graph_iri(graph_iri, self.endpoint)
        separator = "&" if "?" in self.endpoint else "?"
        url = f"{self.endpoint}{separator}graph={urllib.parse.quote(graph_iri, safe='')}"
        self._request(
            "PUT",
            url,
            self.endpoint,
            ntriples.encode("utf-8"),
            {"Content-Type": "application/n-triples"},
        )

    def count_triples(self, graph_iri: str | None = None) -> int:
        if graph_iri is not None:
            _check_graph_iri(graph_iri, self.endpoint)
        rows = self.select(_count_query(graph_iri))
        return int(rows[0]["n"]) if rows else 0

    def select(self, query: str) -> list[dict[str, str]]:
        """A SPARQL SELECT; each row maps a variable name to its value's lexical form."""
        answer = self._request(
            "POST",
            self.query_endpoint,
            self.query_endpoint,
            query.encode("utf-8"),
            {"Content-Type": "application/sparql-query", "Accept": _SPARQL_JSON},
        )
        try:
            bindings = json.loads(answer)["results"]["bindings"]
            return [{name: str(term["value"]) for name, term in row.items()} for row in bindings]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise StoreError(self.query_endpoint, "answer is not SPARQL JSON results") from None

    def close(self) -> None:
        self._opener = None  # urllib keeps no connection open; this only refuses further use


def _body_text(error: urllib.error.HTTPError) -> str:
    try:
        return error.read(2000).decode("utf-8", "replace")
    except (OSError, HTTPException):
        return ""


# --- choosing a store -------------------------------------------------------------------------

STORE_SPECS = "memory:, oxigraph:[PATH], http(s)://HOST:PORT (Oxigraph server), gsp:DATA_URL"


def open_store(
    spec: str, *, timeout: float = 30, query_endpoint: str | None = None
) -> MemoryStore | OxigraphStore | GraphStoreProtocolStore:
    """A store from a spec string.

    ``memory:`` the in-memory double; ``oxigraph:`` embedded in memory, ``oxigraph:PATH`` on
    disk; ``http://HOST:PORT`` an Oxigraph server (``/store`` and ``/query``);
    ``gsp:URL`` any Graph Store Protocol data endpoint (Fuseki: ``gsp:http://h:3030/ds/data``),
    its query endpoint the sibling ``query`` unless ``query_endpoint`` names it.
    """
    scheme, _, rest = spec.partition(":")
    scheme = scheme.lower()
    if scheme == "memory" and rest in ("", "//"):
        return MemoryStore()
    if scheme == "oxigraph":
        return OxigraphStore(os.path.expanduser(rest) if rest else None)
    if scheme in ("http", "https"):
        base = spec.rstrip("/")
        return GraphStoreProtocolStore(
            f"{base}/store", timeout, query_endpoint=query_endpoint or f"{base}/query"
        )
    if scheme == "gsp" and rest:
        return GraphStoreProtocolStore(rest, timeout, query_endpoint=query_endpoint)
    raise ConfigError(f"unknown store {spec!r}; use {STORE_SPECS}")


# --- loading ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Loaded:
    source: str
    graph: str
    triples: int


@dataclass(frozen=True, slots=True)
class LoadFailure:
    source: str
    reason: str  # one line

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class LoadResult:
    loaded: list[Loaded] = field(default_factory=list)
    failed: list[LoadFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def triples(self) -> int:
        return sum(item.triples for item in self.loaded)


class _Ready(NamedTuple):
    """An article ready to load (``graph`` set, ``payload`` its N-Triples), or a failure
    (``graph`` None, ``payload`` the one-line reason)."""

    source: str
    graph: str | None
    payload: str
    warnings: tuple[str, ...] = ()


def _graph_iri(doc: Mapping[str, Any]) -> str:
    iri = doc.get("@id")
    if not isinstance(iri, str) or not _GRAPH_IRI.match(iri):
        raise ValueError(f"document has no absolute @id to name its graph (@id: {iri!r})")
    return iri


def _reason(exc: Exception) -> str:
    if isinstance(exc, InputError):
        return _one_line(exc.problem)  # the source is reported beside it already
    if isinstance(exc, (JsonldNewsError, ValueError)):
        return _one_line(str(exc))
    return _one_line(f"internal error: {type(exc).__name__}: {exc}")


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
        self.sources: dict[str, str] = {}  # graph IRI -> the source that loaded it

    def add(self, item: _Ready) -> None:
        source, graph, payload, warnings = item
        self.result.warnings.extend(f"{source}: {warning}" for warning in warnings)
        if graph is None:
            self.fail(source, payload)
            return
        earlier = self.sources.get(graph)
        if earlier is not None and earlier != source:
            self.result.warnings.append(
                f"{source}: replaced the graph <{graph}> loaded from {earlier} (same @id)"
            )
        self.sources[graph] = source
        self.batch.append((source, graph, payload))
        if len(self.batch) >= self.batch_size:
            self.flush()

    def fail(self, source: str, reason: str) -> None:
        failure = LoadFailure(source, reason)
        self.result.failed.append(failure)
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
                for source, graph, nt in batch:
                    self.result.loaded.append(Loaded(source, graph, _count_lines(nt)))
                return
        for source, graph, nt in batch:
            try:
                self.store.replace_graph(graph, nt)
            except StoreUnavailableError:
                raise
            except StoreError as exc:
                self.fail(source, str(exc))
            else:
                self.result.loaded.append(Loaded(source, graph, _count_lines(nt)))


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
    ``@id``. A document that cannot be loaded is recorded in ``failed`` and the rest go on;
    ``StoreUnavailableError`` (the store itself is down) stops the load."""
    loader = _Loader(store, batch_size, on_failure)
    for index, doc in enumerate(docs):
        loader.add(_ready(_doc_source(doc, index), doc))
    loader.flush()
    return loader.result


def _convert_file(task: tuple[str, str | None, Options]) -> _Ready:
    source, input_format, options = task
    try:
        article = convert_bytes(read_file(source, options), source, input_format, options)
        doc = to_jsonld(article)
    except Exception as exc:
        return _Ready(source, None, _reason(exc))
    return _ready(source, doc, article.warnings)


def _converted(tasks: Sequence[tuple[str, str | None, Options]], workers: int) -> Iterator[_Ready]:
    workers = max(1, min(workers, os.cpu_count() or 1, len(tasks) or 1))
    if workers == 1 or len(tasks) < 8:
        yield from map(_convert_file, tasks)
        return
    # Windows keep memory bounded (results wait for the store); one window is converted ahead
    # while the previous one is being loaded.
    window = max(DEFAULT_BATCH_SIZE, workers * 64)
    chunks = [tasks[i : i + window] for i in range(0, len(tasks), window)]
    chunksize = max(1, min(64, window // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        ahead = pool.map(_convert_file, chunks[0], chunksize=chunksize)
        for chunk in chunks[1:]:
            current, ahead = ahead, pool.map(_convert_file, chunk, chunksize=chunksize)
            yield from current
        yield from ahead


def load_paths(
    paths: Iterable[str | Path],
    store: Store,
    options: Options | None = None,
    workers: int = 1,
    *,
    input_format: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_failure: Callable[[LoadFailure], None] | None = None,
) -> LoadResult:
    """Convert input files (folders walked recursively, as ``convert`` does) and load each
    article into its graph. Conversion runs in ``workers`` processes; loading in this one."""
    options = options or Options()
    inputs = collect_inputs(Path(p) for p in paths)
    tasks = [(str(path), input_format, options) for path, _ in inputs]
    loader = _Loader(store, batch_size, on_failure)
    for item in _converted(tasks, workers):
        loader.add(item)
    loader.flush()
    return loader.result
