"""Any SPARQL 1.1 Update endpoint (``update:URL``), for stores without Graph Store Protocol.

A batch is ONE request: ``DROP SILENT GRAPH <g>`` for each of its graphs, then one
``INSERT DATA`` with a ``GRAPH <g> { ... }`` block each; servers run a request as one
transaction (Oxigraph, Virtuoso, Fuseki), so each graph is replaced whole or not at all.
``--merge`` (``add_graphs``) is the ``INSERT DATA`` alone. Article content is parsed and every
term written again, escaped so that nothing in it can end a literal, an IRI or the update
(``jsonld_news.stores.sparql``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from jsonld_news.stores.base import StoreError, check_graph_iri
from jsonld_news.stores.remote import RemoteStore, chunked
from jsonld_news.stores.sparql import quad_data

__all__ = ["SparqlUpdateStore", "default_query_endpoint"]


def default_query_endpoint(update_endpoint: str) -> str:
    """Fuseki's ``/ds/update`` answers queries at ``/ds/query``, Oxigraph's ``/update`` at
    ``/query``; Virtuoso's ``/sparql`` and ``/sparql-auth`` answer both themselves."""
    head, slash, last = update_endpoint.partition("?")[0].rpartition("/")
    return f"{head}/query" if slash and last == "update" else update_endpoint


class SparqlUpdateStore(RemoteStore):
    """A SPARQL 1.1 Update endpoint. Updates are POSTed as ``application/sparql-update``, or
    form-encoded (``update=...``) once the server refuses that type (415) or with
    ``update_via="form"``. ``max_request_bytes`` bounds one request's N-Triples."""

    def __init__(
        self,
        endpoint: str,
        timeout: float = 30,
        *,
        query_endpoint: str | None = None,
        headers: Mapping[str, str] | None = None,
        user: str | None = None,
        password: str | None = None,
        auth: str = "auto",
        retries: int = 3,
        backoff: float = 0.25,
        query_via: str = "form",
        update_via: str = "direct",
        max_request_bytes: int = 4_000_000,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
    ) -> None:
        super().__init__(
            endpoint,
            query_endpoint,
            timeout=timeout,
            user=user,
            password=password,
            auth=auth,
            retries=retries,
            backoff=backoff,
            query_via=query_via,
            headers=headers,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
        )
        if query_endpoint is None:
            self.query_endpoint = default_query_endpoint(self.endpoint)
        self.update_via = update_via
        self.max_request_bytes = max_request_bytes

    def update(self, update: str, *, idempotent: bool = True) -> None:
        """Send one SPARQL update request."""
        if self.update_via == "direct":
            try:
                self.http.request(
                    "POST",
                    self.endpoint,
                    endpoint=self.endpoint,
                    content=update.encode("utf-8"),
                    headers={"Content-Type": "application/sparql-update"},
                    idempotent=idempotent,
                )
                return
            except StoreError as exc:
                if exc.status != 415:
                    raise
                self.update_via = "form"  # the protocol's other way, which every server takes
        self.http.request(
            "POST",
            self.endpoint,
            endpoint=self.endpoint,
            form={"update": update},
            idempotent=idempotent,
        )

    def _write(self, graphs: Iterable[tuple[str, str]], replace: bool) -> None:
        for run in chunked(graphs, self.max_request_bytes):
            for graph_iri, _ in run:
                check_graph_iri(graph_iri, self.endpoint)
            blocks = [quad_data(g, nt, self.endpoint) for g, nt in run]  # all checked first
            operations = [f"DROP SILENT GRAPH <{g}>" for g, _ in run] if replace else []
            data = "".join(blocks)
            if data:
                operations.append(f"INSERT DATA {{\n{data}}}")
            if operations:
                # Replacing is idempotent; adding blank nodes twice is not.
                again = replace or "_:" not in data
                self.update(" ;\n".join(operations), idempotent=again)

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        self._write([(graph_iri, ntriples)], replace=True)

    def replace_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        self._write(graphs, replace=True)

    def add_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        """``--merge``: INSERT DATA only, keeping what each graph holds."""
        self._write(graphs, replace=False)
