"""What every store shares: the ``Store`` protocol, its errors, and the in-memory double.

Also the checks and helpers the back-ends have in common: graph IRIs are validated before they
reach N-Quads, TriG or SPARQL text, and stores that answer SPARQL SELECT count with a query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import TracebackType
from typing import Any, Protocol, Self, TypeAlias, runtime_checkable

from jsonld_news.errors import JsonldNewsError

__all__ = [
    "GRAPH_IRI",
    "BulkStore",
    "Closing",
    "MemoryStore",
    "MergeStore",
    "QueryAnswer",
    "QueryStore",
    "SelectStore",
    "Store",
    "StoreError",
    "StoreUnavailableError",
    "check_graph_iri",
    "one_line",
]


# --- errors -----------------------------------------------------------------------------------


class StoreError(JsonldNewsError):
    """A store refused one graph (bad N-Triples, bad graph IRI). One line; names the endpoint and,
    for HTTP stores, the status and reason. Loading records it and goes on with the next article."""

    def __init__(
        self, endpoint: str, reason: str, status: int | None = None, detail: str = ""
    ) -> None:
        self.endpoint = endpoint
        self.status = status
        self.reason = one_line(reason)
        self.detail = one_line(detail)
        head = f"HTTP {status} {self.reason}" if status is not None else self.reason
        super().__init__(f"store {endpoint}: {head}" + (f": {self.detail}" if self.detail else ""))


class StoreUnavailableError(StoreError):
    """The store itself is unusable (unreachable, timed out, wrong endpoint, locked, closed):
    every further article would fail the same way, so loading stops instead of going on."""


def one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# Graph names go into N-Quads/TriG and SPARQL text: anything an IRIREF forbids is refused up
# front, so a graph name can never break out of its brackets.
GRAPH_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>"{}|^`\\]*\Z')


def check_graph_iri(iri: str, endpoint: str) -> None:
    if not isinstance(iri, str) or not GRAPH_IRI.match(iri):
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
    retries them one by one to find the bad one (``jsonld_news.load.load_articles`` does).
    """

    def replace_graphs(self, graphs: Iterable[tuple[str, str]]) -> None: ...


QueryAnswer: TypeAlias = dict[str, Any] | str
"""What ``QueryStore.query`` returns. SELECT and ASK: the SPARQL 1.1 Query Results JSON document
(``{"head": {"vars": [...]}, "results": {"bindings": [...]}}`` or ``{"head": {}, "boolean": b}``),
the one format every server speaks, so answers compare across back-ends. CONSTRUCT and DESCRIBE:
the graph as N-Triples text."""


@runtime_checkable
class QueryStore(Store, Protocol):
    """A store that answers SPARQL 1.1 queries (``jsonld-news query``)."""

    def query(self, sparql: str) -> QueryAnswer: ...


@runtime_checkable
class MergeStore(Store, Protocol):
    """A store that can add to named graphs without replacing them (``load --merge``)."""

    def add_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        """Add each (graph IRI, N-Triples) pair's triples, keeping what the graph holds."""
        ...


class Closing:
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


# --- stores that answer SPARQL ----------------------------------------------------------------

_COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _count_query(graph_iri: str | None) -> str:
    if graph_iri is None:
        return _COUNT_ALL
    return f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"


class SelectStore(Closing):
    """A store that answers SPARQL SELECT, and so counts its triples with a query."""

    endpoint: str

    def select(self, query: str) -> list[dict[str, str]]:
        """A SPARQL SELECT; each row maps a variable name to its value's lexical form."""
        raise NotImplementedError

    def count_triples(self, graph_iri: str | None = None) -> int:
        if graph_iri is not None:
            check_graph_iri(graph_iri, self.endpoint)
        rows = self.select(_count_query(graph_iri))
        return int(rows[0]["n"]) if rows else 0


# --- in memory (the test double) --------------------------------------------------------------


class MemoryStore(Closing):
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
        check_graph_iri(graph_iri, self.endpoint)
        lines = (line.strip() for line in ntriples.splitlines())
        self.graphs[graph_iri] = {line for line in lines if line and not line.startswith("#")}

    def add_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        self._open()
        for graph_iri, ntriples in graphs:
            check_graph_iri(graph_iri, self.endpoint)
            lines = (line.strip() for line in ntriples.splitlines())
            kept = self.graphs.setdefault(graph_iri, set())
            kept.update(line for line in lines if line and not line.startswith("#"))

    def count_triples(self, graph_iri: str | None = None) -> int:
        self._open()
        if graph_iri is not None:
            return len(self.graphs.get(graph_iri, ()))
        return sum(len(lines) for lines in self.graphs.values())

    def close(self) -> None:
        self.closed = True
