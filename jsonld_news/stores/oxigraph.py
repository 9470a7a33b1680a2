"""Embedded Oxigraph (pyoxigraph), in memory or on disk."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from jsonld_news.stores.base import (
    QueryAnswer,
    SelectStore,
    StoreError,
    StoreUnavailableError,
    check_graph_iri,
)
from jsonld_news.stores.sparql import regular_nquads

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["OxigraphStore"]


class OxigraphStore(SelectStore):
    """Embedded pyoxigraph: on disk at ``path`` (RocksDB, one process at a time), else in memory.

    ``replace_graphs`` loads the graphs not stored yet (and without blank nodes) parsed once,
    natively: in memory each graph's N-Triples into its graph, on disk one N-Quads document
    (TriG for text of other line shapes; see ``_fresh``); when one of them is bad, all of them
    are removed again and go the careful way below, which names the bad one. The careful way
    checks every article's N-Triples first (so a bad one leaves every old graph as it was). Graphs
    already stored are then replaced by one SPARQL update that deletes
    what the new content lacks and inserts what it adds: one transaction, so a crash leaves each
    of them with its old content or its new one, complete, never missing; a reload of unchanged
    content writes nothing. (In memory, where a crash loses everything anyway, stored graphs are
    dropped and loaded again: faster.) Graphs stored for the first time go in as one TriG
    document, on disk with ``bulk_load`` (several times faster, not transactional: a crash can
    leave such a new graph partial; loading it again repairs it; no stored graph is at risk).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self.path = None if path is None else str(path)
        self.endpoint = f"oxigraph:{self.path or ''}"
        # In memory the store's work is CPU in this process, which a loader's write thread
        # cannot overlap much; and the thread's own malloc arena (glibc) gives memory back
        # and faults it in again: measured, 3,000 articles' store stage 1.2-1.6 s in a thread
        # against 0.9 s in the caller, with 40,000 more page faults. On disk RocksDB waits on
        # the disk: there the thread pays.
        self.background_writes = self.path is not None
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

    def _parse(self, graph_iri: str, ntriples: str, keep: bool) -> list[pyoxigraph.Triple]:
        """Parse without storing, so nothing is touched for content that cannot be loaded;
        the triples are kept only when ``keep`` or when there are blank nodes to scope."""
        keep = keep or "_:" in ntriples
        try:
            triples = self._ox.parse(ntriples, self._ox.RdfFormat.N_TRIPLES)
            if not keep:
                for _ in triples:
                    pass
                return []
            parsed = list(triples)
        except SyntaxError as exc:
            raise StoreError(self.endpoint, f"<{graph_iri}>: invalid N-Triples: {exc}") from None
        if "_:" not in ntriples:
            return parsed
        # Blank node labels are document-scoped: ``_:b0`` of one article is never another's.
        ox = self._ox
        fresh: dict[str, Any] = {}

        def scoped(term: Any) -> Any:
            if isinstance(term, ox.BlankNode):
                return fresh.setdefault(term.value, ox.BlankNode())
            return term

        return [ox.Triple(scoped(t.subject), t.predicate, scoped(t.object)) for t in parsed]

    def _has_blank_node(self, triple: pyoxigraph.Triple) -> bool:
        return isinstance(triple.subject, self._ox.BlankNode) or isinstance(
            triple.object, self._ox.BlankNode
        )

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        self._write({graph_iri: ntriples})

    def replace_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        self._write(dict(graphs))  # the same graph twice: the last one wins, as one by one would

    def _fresh(self, batch: dict[str, str]) -> dict[str, tuple[str, str]]:
        """The graphs of ``batch`` (none stored yet) that can be loaded without checking them
        first, each as its load text and its syntax: "nt" (the N-Triples itself, loaded into
        its graph), "nq" or "trig" (a TriG graph block). Content with blank nodes is left out
        (their labels need scoping).

        In memory each graph's N-Triples is loaded on its own into its graph: the fastest way
        pyoxigraph has (faster than one N-Quads document), and N-Triples cannot name another
        graph. On disk the graphs go as one document through ``bulk_load``, which sorts and
        merges its tables once: content with a brace that is not regular lines is left out
        (only a brace could close its TriG graph block and write into another graph), and a
        line that is not a whole triple (``<s> <p> .``) would read as a triple of the default
        graph in N-Quads, so N-Quads are written only while the default graph is empty, and
        that is checked after the load."""
        if self.path is None:
            return {g: (nt, "nt") for g, nt in batch.items() if "_:" not in nt}
        fast = not self._holds(self._ox.DefaultGraph())
        fresh: dict[str, tuple[str, str]] = {}
        for g, nt in batch.items():
            if "_:" in nt:
                continue
            text = regular_nquads(f"<{g}>", nt) if fast else None  # checked by ``_write``
            if text is not None:
                fresh[g] = (text, "nq")
            elif "{" not in nt and "}" not in nt:
                fresh[g] = (f"<{g}> {{\n{nt}\n}}\n", "trig")
        return fresh

    def _load_fresh(self, fresh: dict[str, tuple[str, str]]) -> bool:
        """Load ``_fresh``'s graphs; False (and none of them left in the store) when some
        content is bad, so the caller checks them one by one."""
        store = self.native
        ox = self._ox
        quads = "".join(text for text, kind in fresh.values() if kind == "nq")
        blocks = "".join(text for text, kind in fresh.values() if kind == "trig")
        try:
            for graph_iri, (text, kind) in fresh.items():
                if kind == "nt":  # in memory: each load is one transaction, cheap there
                    store.load(text, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph_iri))
            if quads:
                store.bulk_load(quads, ox.RdfFormat.N_QUADS)
            if blocks:
                store.bulk_load(blocks, ox.RdfFormat.TRIG)
            if quads and self._holds(ox.DefaultGraph()):
                store.clear_graph(ox.DefaultGraph())
                raise SyntaxError("a line is not a triple")
        except OSError as exc:
            raise StoreUnavailableError(self.endpoint, str(exc)) from None
        except (SyntaxError, ValueError):
            # what was written before the bad article goes again (bulk_load, and the graphs
            # loaded one by one, are not one transaction)
            for graph_iri in fresh:
                store.remove_graph(ox.NamedNode(graph_iri))
            return False
        return True

    def _holds(self, graph: Any) -> bool:
        return next(iter(self.native.quads_for_pattern(None, None, None, graph)), None) is not None

    def add_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        """Add each graph's triples to what it holds (``load --merge``). Everything is checked
        first; then one transaction, so a bad article adds nothing."""
        ox, store = self._ox, self.native
        quads: list[pyoxigraph.Quad] = []
        for graph_iri, ntriples in graphs:
            check_graph_iri(graph_iri, self.endpoint)
            graph = ox.NamedNode(graph_iri)
            triples = self._parse(graph_iri, ntriples, keep=True)
            quads.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        try:
            store.extend(quads)
        except OSError as exc:
            raise StoreUnavailableError(self.endpoint, str(exc)) from None

    def query(self, sparql: str) -> QueryAnswer:
        """A SPARQL 1.1 query; the default graph is the union of the named graphs (one per
        article), so queries need no ``GRAPH`` clause. SELECT/ASK: SPARQL JSON results;
        CONSTRUCT/DESCRIBE: N-Triples."""
        ox = self._ox
        try:
            answer = self.native.query(sparql, use_default_graph_as_union=True)
            if isinstance(answer, ox.QueryTriples):
                graph = answer.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
                return graph.decode("utf-8")
            results: dict[str, Any] = json.loads(
                answer.serialize(format=ox.QueryResultsFormat.JSON) or b"{}"
            )
        except SyntaxError as exc:
            raise StoreError(self.endpoint, f"invalid SPARQL: {exc}") from None
        except OSError as exc:
            raise StoreUnavailableError(self.endpoint, str(exc)) from None
        except (ValueError, RuntimeError) as exc:  # evaluation errors (a SERVICE call...)
            raise StoreError(self.endpoint, f"query failed: {exc}") from None
        return results

    def _write(self, batch: dict[str, str]) -> None:
        ox, store = self._ox, self.native
        for graph_iri in batch:
            check_graph_iri(graph_iri, self.endpoint)
        try:
            stored = {g for g in batch if store.contains_named_graph(ox.NamedNode(g))}
        except OSError as exc:
            raise StoreUnavailableError(self.endpoint, str(exc)) from None
        # Graphs stored for the first time, without blank nodes: the native parser checks them
        # as it loads, so they are parsed once (checking first in Python parsed them twice).
        # What ``_fresh`` leaves out (blank nodes; on disk, a brace outside regular lines)
        # goes the careful way.
        fresh = self._fresh({g: nt for g, nt in batch.items() if g not in stored})
        on_disk = self.path is not None
        # Every other graph is checked before anything is written.
        parsed = {
            g: self._parse(g, nt, keep=on_disk and g in stored)
            for g, nt in batch.items()
            if g not in fresh
        }
        if fresh and not self._load_fresh(fresh):
            # one of them is bad: checking them names it (nothing was written); else they go on
            # with the others
            parsed.update((g, self._parse(g, batch[g], keep=False)) for g in fresh)
        else:
            batch = {g: nt for g, nt in batch.items() if g not in fresh}
            if not batch:
                return
        if not on_disk:
            # In memory a crash loses everything anyway: dropping and loading again is faster
            # than computing the difference, and the content is already known to be good.
            for graph_iri in stored:
                store.remove_graph(ox.NamedNode(graph_iri))
            stored = set()
        first: list[str] = []  # TriG blocks of graphs not stored yet
        first_quads: list[pyoxigraph.Quad] = []  # the same, for content with blank nodes
        changes: list[str] = []  # SPARQL update operations for graphs already stored
        alone: list[str] = []  # stored graphs with blank nodes: DELETE DATA cannot name them
        try:
            for graph_iri, new_triples in parsed.items():
                graph = ox.NamedNode(graph_iri)
                new_blank = "_:" in batch[graph_iri] and any(map(self._has_blank_node, new_triples))
                if graph_iri not in stored:
                    if new_blank:
                        first_quads.extend(ox.Quad(*t, graph) for t in new_triples)
                    else:
                        # Checked N-Triples is valid Turtle, so it can sit in a TriG graph block.
                        first.append(f"<{graph_iri}> {{\n{batch[graph_iri]}\n}}\n")
                    continue
                old_triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
                if new_blank or any(map(self._has_blank_node, old_triples)):
                    drop = f"DROP SILENT GRAPH <{graph_iri}> ;\n"
                    alone.append(drop + _insert_data(graph_iri, map(str, new_triples)))
                    continue
                # Terms compare by their N-Triples text (pyoxigraph terms hash by identity).
                old = {str(t) for t in old_triples}
                new = {str(t) for t in new_triples}
                if old - new:
                    changes.append(_delete_data(graph_iri, old - new))
                if new - old:
                    changes.append(_insert_data(graph_iri, new - old))
            if changes:
                store.update(" ;\n".join(changes))
            for update in alone:  # on its own: blank node labels are scoped to the request
                store.update(update)
            if first_quads:
                store.extend(first_quads)
            if first:
                load = store.load if self.path is None else store.bulk_load
                load("".join(first), ox.RdfFormat.TRIG, lenient=True)
        except OSError as exc:
            raise StoreUnavailableError(self.endpoint, str(exc)) from None
        except SyntaxError as exc:  # only for terms that SPARQL or TriG reads otherwise
            raise StoreError(self.endpoint, f"batch did not load: {exc}") from None

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


def _triples_text(triples: Iterable[str]) -> str:
    # A triple's str() is its N-Triples form, which SPARQL quad data reads the same.
    return "".join(f"{triple} .\n" for triple in triples)


def _insert_data(graph_iri: str, triples: Iterable[str]) -> str:
    return f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{_triples_text(triples)}}} }}"


def _delete_data(graph_iri: str, triples: Iterable[str]) -> str:
    return f"DELETE DATA {{ GRAPH <{graph_iri}> {{\n{_triples_text(triples)}}} }}"
