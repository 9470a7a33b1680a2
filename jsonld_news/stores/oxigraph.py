"""Embedded Oxigraph (pyoxigraph), in memory or on disk."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from jsonld_news.stores.base import SelectStore, StoreError, StoreUnavailableError, check_graph_iri

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["OxigraphStore"]


class OxigraphStore(SelectStore):
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
        check_graph_iri(graph_iri, self.endpoint)
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
