"""Any SPARQL 1.1 Graph Store HTTP Protocol server, and the Oxigraph server, over httpx.

The protocol writes one graph a request and has no request for many graphs, so a batch is
sent as that many PUTs, ``concurrency`` of them in flight over keep-alive connections. The
Oxigraph server has its own bulk path, and gets a batch in two requests (see
``OxigraphServerStore``).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from jsonld_news.stores.base import StoreError, StoreUnavailableError, check_graph_iri
from jsonld_news.stores.remote import RemoteStore, chunked
from jsonld_news.stores.sparql import iri, nquads, rename_blank_nodes

__all__ = ["GraphStoreProtocolStore", "OxigraphServerStore", "sibling_query_endpoint"]

_NTRIPLES = {"Content-Type": "application/n-triples"}
_STORED_ACCEPT = "text/tab-separated-values, application/sparql-results+json;q=0.5"
_TSV_HEAD = b"?g\t?s\t?p\t?o"


def _triples(graph_iri: str, ntriples: str, endpoint: str, keep: bool = True) -> set[Any]:
    """An article's triples as ``pyoxigraph.Triple``, its N-Triples checked on the way; with
    ``keep`` False only checked (none returned: building the set is most of the cost)."""
    import pyoxigraph as ox

    try:
        parsed = ox.parse(ntriples, ox.RdfFormat.N_TRIPLES)
        if keep:
            return set(parsed)
        for _ in parsed:
            pass
    except SyntaxError as exc:
        raise StoreError(endpoint, f"<{graph_iri}>: invalid N-Triples: {exc}") from None
    return set()


def _has_blank(triples: Iterable[Any]) -> bool:
    import pyoxigraph as ox

    return any(
        isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples
    )


def _written(triple: Any) -> str:
    """A parsed triple as SPARQL (and N-Quads) text: pyoxigraph writes it as N-Triples, its
    literals escaped as SPARQL reads them and its IRIs checked by the parser (none holds ``>``,
    a space or a quote), five times faster than writing it term by term with ``sparql.iri``
    and ``sparql.literal``."""
    return str(triple)


def sibling_query_endpoint(endpoint: str) -> str:
    """Where a data endpoint's server answers queries: Virtuoso's ``/sparql-graph-crud[-auth]``
    -> ``/sparql[-auth]``; else the sibling ``query``: Oxigraph's ``/store`` -> ``/query``,
    Fuseki's ``/ds/data`` -> ``/ds/query``."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    parent, _, last = path.rpartition("/")
    if last.startswith("sparql-graph-crud"):
        query = f"{parent}/sparql" + ("-auth" if last.endswith("-auth") else "")
    else:
        query = f"{parent}/query"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, query, "", ""))


class GraphStoreProtocolStore(RemoteStore):
    """A SPARQL 1.1 Graph Store HTTP Protocol data endpoint.

    ``replace_graph`` is ``PUT {endpoint}?graph=<iri>`` with N-Triples, ``add_graphs`` a POST
    each; ``replace_graphs`` keeps ``concurrency`` PUTs in flight. Queries go to
    ``query_endpoint`` (default: ``sibling_query_endpoint``), form-encoded unless
    ``query_via="direct"``. For credentials, timeouts and retries see ``RemoteStore`` and
    ``jsonld_news.stores.http``.
    """

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
        concurrency: int = 4,
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
            self.query_endpoint = sibling_query_endpoint(self.endpoint)
        self.concurrency = max(1, concurrency)
        self._pool: ThreadPoolExecutor | None = None

    def _graph_url(self, graph_iri: str) -> str:
        check_graph_iri(graph_iri, self.endpoint)
        separator = "&" if "?" in self.endpoint else "?"
        return f"{self.endpoint}{separator}graph={urllib.parse.quote(graph_iri, safe='')}"

    def _send_graph(self, method: str, graph_iri: str, ntriples: str) -> None:
        url = self._graph_url(graph_iri)
        body = rename_blank_nodes(graph_iri, ntriples, self.endpoint)
        self.http.request(
            method,
            url,
            endpoint=self.endpoint,
            content=body.encode("utf-8"),
            headers=_NTRIPLES,
            # A POST adds: sent twice, its blank nodes would be there twice.
            idempotent=method == "PUT" or "_:" not in body,
        )

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        self._send_graph("PUT", graph_iri, ntriples)

    def replace_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        self._each(lambda pair: self._send_graph("PUT", *pair), graphs)

    def add_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        """``--merge``: POST each graph's triples, keeping what it holds."""
        self._each(lambda pair: self._send_graph("POST", *pair), graphs)

    def _each(
        self, send: Callable[[tuple[str, str]], None], graphs: Iterable[tuple[str, str]]
    ) -> None:
        pairs = list(dict(graphs).items())
        if len(pairs) <= 1 or self.concurrency == 1:
            for pair in pairs:
                send(pair)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="gsp")
        futures = [self._pool.submit(send, pair) for pair in pairs]
        errors = [f.exception() for f in futures]
        # The store being down outranks one refused article: the loader stops on it.
        for kind in (StoreUnavailableError, StoreError, BaseException):
            for error in errors:
                if isinstance(error, kind):
                    raise error

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        super().close()


class OxigraphServerStore(GraphStoreProtocolStore):
    """An Oxigraph server (``oxigraph serve``) at ``base`` (``http://HOST:PORT``).

    A batch is at most three requests: one query reading what the batch's graphs hold now
    (asked as TSV, whose rows parse as Turtle: a third smaller than SPARQL JSON and parsed in
    pyoxigraph, not term by term in Python); one SPARQL update deleting the triples each graph
    loses (``DELETE DATA``; a graph with blank nodes is dropped whole: they cannot be named.
    Dropping instead each graph that loses most of its triples was measured and not kept: it
    saved the client about as much CPU as it cost the server); then what they gain, and every graph new
    to the server, as one N-Quads document POSTed to
    ``/store?no_transaction``, the server's bulk loader. Each graph
    ends holding exactly the article's triples, as a replace would leave it, and a reload of
    unchanged articles writes nothing. Not one transaction: a crash between the update and the
    POST leaves those graphs partial, and loading the same inputs again (idempotent) repairs
    them. ``replace_graph`` alone is one PUT (one transaction).
    A batch goes in runs of ``pipeline_graphs`` articles (250), each such a triple of
    requests, sent by a thread of their own while the next run is read and compared here: the
    server's CPU and ours overlap (measured: 3,000 articles in 2.0 s against 2.6 s one run a
    batch, the bulk POST of all of them 1.5-2.3 s). ``max_request_bytes`` bounds one POST.
    Queries go to ``/query`` as
    ``application/sparql-query``, with ``union-default-graph`` (the server's own option, as
    ``oxigraph serve --union-default-graph`` sets for every query): the default graph is the
    union of all graphs, as in the embedded store, so a query without ``GRAPH`` gives the same
    answer on both, however the server was started (and, as there, a ``FROM`` clause does not
    narrow it: use ``GRAPH <g>``).
    """

    def __init__(
        self,
        base: str,
        timeout: float = 30,
        *,
        query_endpoint: str | None = None,
        max_request_bytes: int = 16_000_000,
        pipeline_graphs: int = 250,
        **options: object,
    ) -> None:
        base = base.rstrip("/")
        options.setdefault("query_via", "direct")
        super().__init__(
            f"{base}/store",
            timeout,
            query_endpoint=query_endpoint or f"{base}/query",
            **options,  # type: ignore[arg-type]
        )
        self.update_endpoint = self.endpoint.rpartition("/")[0] + "/update"
        self.max_request_bytes = max_request_bytes
        self.pipeline_graphs = max(1, pipeline_graphs)
        self._sender: ThreadPoolExecutor | None = None

    def _query_url(self) -> str:
        separator = "&" if "?" in self.query_endpoint else "?"
        return f"{self.query_endpoint}{separator}union-default-graph"

    def _update(self, update: str) -> None:
        self.http.request(
            "POST",
            self.update_endpoint,
            endpoint=self.update_endpoint,
            content=update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
        )

    def _post_quads(self, body: str, idempotent: bool, atomic: bool = True) -> None:
        if body:
            self.http.request(
                "POST",
                # no_transaction: the server's bulk loader, about twice as fast
                self.endpoint if atomic else f"{self.endpoint}?no_transaction",
                endpoint=self.endpoint,
                content=body.encode("utf-8"),
                headers={"Content-Type": "application/n-quads"},
                idempotent=idempotent,
            )

    def replace_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        """Replace each graph's content, in runs of ``pipeline_graphs`` articles: while the
        server loads one run, the next is read, checked and compared here, so its CPU and
        ours overlap. A failure of any run fails the call (the loader then goes one by one,
        which names the article); the runs sent before it are done, and each graph is whole
        or as it was, as a reload would leave it."""
        pending: Future[None] | None = None
        try:
            for run in chunked(graphs, self.max_request_bytes, self.pipeline_graphs):
                operations, body = self._changes(run)
                if pending is not None:
                    pending.result()
                if self._sender is None:
                    self._sender = ThreadPoolExecutor(1, thread_name_prefix="oxigraph-send")
                pending = self._sender.submit(self._send_changes, operations, body)
            if pending is not None:
                pending.result()
                pending = None
        finally:
            if pending is not None:
                pending.exception()  # the call fails on its own error; wait for the run sent

    def _changes(self, run: list[tuple[str, str]]) -> tuple[list[str], str]:
        """The update operations and the N-Quads that make ``run``'s graphs hold exactly
        their articles' triples (every article checked first)."""
        for graph_iri, _ in run:
            check_graph_iri(graph_iri, self.endpoint)
        old = self._stored([g for g, _ in run])
        # Only a graph the server holds needs its new triples kept, to compare.
        new = {g: _triples(g, nt, self.endpoint, keep=bool(old.get(g))) for g, nt in run}
        operations: list[str] = []
        whole: list[tuple[str, str]] = []  # sent as they are: new graphs, blank nodes
        added: list[str] = []  # N-Quads lines of what changed graphs gain
        for graph_iri, ntriples in run:
            stored = old.get(graph_iri)
            if not stored:
                whole.append((graph_iri, ntriples))
                continue
            wanted = new[graph_iri]
            gone = stored - wanted
            if not gone and wanted <= stored:
                continue  # unchanged: nothing written
            if _has_blank(stored) or _has_blank(wanted):
                # Blank nodes cannot be named in DELETE DATA: drop and send again.
                operations.append(f"DROP SILENT GRAPH {iri(graph_iri)}")
                whole.append((graph_iri, ntriples))
                continue
            name = iri(graph_iri)
            if gone:
                data = "".join(f"{_written(t)} .\n" for t in gone)
                operations.append(f"DELETE DATA {{ GRAPH {name} {{\n{data}}} }}")
            added.extend(f"{_written(t)} {name} .\n" for t in wanted - stored)
        return operations, nquads(whole, self.endpoint) + "".join(added)

    def _send_changes(self, operations: list[str], body: str) -> None:
        if operations:
            self._update(" ;\n".join(operations))
        # Sent again after the update, quads without blank nodes are still each graph once.
        # Non-atomic (the bulk loader): a crash leaves part of it, which a reload completes.
        self._post_quads(body, idempotent="_:" not in body, atomic=False)

    def close(self) -> None:
        if self._sender is not None:
            self._sender.shutdown(wait=True)
            self._sender = None
        super().close()

    def _stored(self, graphs: list[str]) -> dict[str, set[Any]]:
        """What the server holds in these graphs now (one query), as ``pyoxigraph.Triple``.

        Asked as TSV, whose terms are Turtle: each graph's rows are parsed as one Turtle
        document, far cheaper than SPARQL JSON read term by term."""
        import pyoxigraph as ox

        if not graphs:
            return {}
        values = " ".join(iri(g) for g in graphs)
        response = self._send_query(
            f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}",
            _STORED_ACCEPT,
        )
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        rows: dict[str, list[bytes]] = {}
        stored: dict[str, set[Any]] = {}
        try:
            if kind != "text/tab-separated-values":  # a server without TSV: the SPARQL JSON
                answer = ox.parse_query_results(response.content, ox.QueryResultsFormat.JSON)
                if not isinstance(answer, ox.QuerySolutions):
                    raise StoreError(self.query_endpoint, "answer lacks ?g ?s ?p ?o")
                for row in answer:
                    found = ox.Triple(row["s"], row["p"], row["o"])
                    stored.setdefault(row["g"].value, set()).add(found)
                return stored
            head, *lines = response.content.split(b"\n")
            if head.rstrip(b"\r") != _TSV_HEAD:
                raise StoreError(self.query_endpoint, "answer lacks ?g ?s ?p ?o")
            names = {iri(g).encode(): g for g in graphs}
            for line in lines:
                name, _, triple = line.partition(b"\t")
                if name in names:
                    rows.setdefault(names[name], []).append(triple.replace(b"\t", b" "))
            for graph_iri, triples in rows.items():
                text = b" .\n".join(triples) + b" .\n"
                stored[graph_iri] = set(ox.parse(text, ox.RdfFormat.TURTLE))
        except (SyntaxError, ValueError, TypeError, KeyError) as exc:
            raise StoreError(self.query_endpoint, f"unreadable results: {exc}") from None
        return stored

    def add_graphs(self, graphs: Iterable[tuple[str, str]]) -> None:
        for run in chunked(graphs, self.max_request_bytes):
            for graph_iri, ntriples in run:
                check_graph_iri(graph_iri, self.endpoint)
                _triples(graph_iri, ntriples, self.endpoint, keep=False)  # one bad one adds none
            body = nquads(run, self.endpoint)
            self._post_quads(body, idempotent="_:" not in body)
