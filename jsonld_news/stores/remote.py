"""What the remote stores share: credentials, the HTTP client, and SPARQL queries.

Credentials: the URL's userinfo (``http://user:password@host/...``), else ``user`` and
``password`` given (the CLI's ``--user``, and the ``JSONLD_NEWS_STORE_PASSWORD`` environment
variable, read by ``open_store``). They never appear in messages, logs or reprs.

Queries: ``query_via="direct"`` POSTs ``application/sparql-query`` (Oxigraph); ``"form"``
POSTs ``query=...`` form-encoded, the SPARQL 1.1 Protocol's form every server answers
(Virtuoso 7 never answers ``application/sparql-query``): the default for servers we do not
know.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from jsonld_news.errors import ConfigError
from jsonld_news.stores.base import GRAPH_IRI, QueryAnswer, SelectStore, StoreError
from jsonld_news.stores.http import HttpClient, split_credentials
from jsonld_news.stores.sparql import query_form, results_json

if TYPE_CHECKING:
    import httpx

__all__ = ["QUERY_VIA", "RemoteStore", "chunked"]

QUERY_VIA = ("direct", "form")
_RESULTS = "application/sparql-results+json"
# Graphs a server keeps of its own, never counted as ours: those Virtuoso puts in every database
# (its RDF-view schema, the LDP vocabulary it ships), and any graph holding a SPARQL service
# description (Virtuoso's ``http://{DefaultHost}/sparql``), found by asking.
SERVER_GRAPHS = ("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#")
_SERVICE_GRAPHS = (
    "SELECT DISTINCT ?g WHERE { GRAPH ?g "
    "{ ?s a <http://www.w3.org/ns/sparql-service-description#Service> } }"
)
_GRAPH_ACCEPT = (
    "application/n-triples, text/plain;q=0.9, text/turtle;q=0.8, application/rdf+xml;q=0.5"
)


class RemoteStore(SelectStore):
    """A store behind an HTTP endpoint. ``endpoint`` (where data goes) and ``query_endpoint``
    are kept without credentials."""

    endpoint: str
    query_endpoint: str

    def __init__(
        self,
        endpoint: str,
        query_endpoint: str | None,
        *,
        timeout: float = 30,
        user: str | None = None,
        password: str | None = None,
        auth: str = "auto",
        retries: int = 3,
        backoff: float = 0.25,
        query_via: str = "form",
        headers: Mapping[str, str] | None = None,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
    ) -> None:
        if query_via not in QUERY_VIA:
            raise ConfigError(f"unknown query_via {query_via!r}; use {', '.join(QUERY_VIA)}")
        self.endpoint, url_user, url_password = split_credentials(endpoint)
        self.query_endpoint = self.endpoint
        if query_endpoint is not None:
            self.query_endpoint, q_user, q_password = split_credentials(query_endpoint)
            url_user, url_password = url_user or q_user, url_password or q_password
        user = url_user if url_user is not None else user
        password = url_password if url_password is not None else password
        if user is not None and password is None:
            raise ConfigError(
                f"store {self.endpoint}: user {user!r} has no password: put it in the "
                "JSONLD_NEWS_STORE_PASSWORD environment variable"
            )
        self.query_via = query_via
        self.timeout = timeout
        self.http = HttpClient(
            timeout=timeout,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            retries=retries,
            backoff=backoff,
            user=user,
            password=password,
            auth=auth,
            headers=headers,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.endpoint!r})"

    # --- queries ------------------------------------------------------------------------------

    def _query_url(self) -> str:
        """Where queries are POSTed: ``query_endpoint``, plus any parameters the server needs."""
        return self.query_endpoint

    def _send_query(self, sparql: str, accept: str) -> httpx.Response:
        headers = {"Accept": accept}
        if self.query_via == "direct":
            return self.http.request(
                "POST",
                self._query_url(),
                endpoint=self.query_endpoint,
                content=sparql.encode("utf-8"),
                headers={**headers, "Content-Type": "application/sparql-query"},
            )
        return self.http.request(
            "POST",
            self._query_url(),
            endpoint=self.query_endpoint,
            form={"query": sparql},
            headers=headers,
        )

    def query(self, sparql: str) -> QueryAnswer:
        """SELECT and ASK: SPARQL JSON results (``sparql.results_json`` shape); CONSTRUCT and
        DESCRIBE: N-Triples text."""
        form = query_form(sparql)
        if form in ("CONSTRUCT", "DESCRIBE"):
            return self._graph_answer(self._send_query(sparql, _GRAPH_ACCEPT))
        response = self._send_query(sparql, _RESULTS)
        answer = results_json(response.content, self.query_endpoint)
        if form == "ASK" and "boolean" not in answer:
            answer = _ask_answer(answer, self.query_endpoint)
        return answer

    def _graph_answer(self, response: httpx.Response) -> str:
        import pyoxigraph as ox

        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        formats = {
            "application/n-triples": ox.RdfFormat.N_TRIPLES,
            "text/plain": ox.RdfFormat.N_TRIPLES,
            "text/turtle": ox.RdfFormat.TURTLE,
            "application/x-turtle": ox.RdfFormat.TURTLE,
            "application/rdf+xml": ox.RdfFormat.RDF_XML,
        }
        rdf_format = formats.get(kind)
        if rdf_format is None:
            raise StoreError(
                self.query_endpoint, f"answer is not an RDF graph ({kind or 'no type'})"
            )
        try:
            quads = list(ox.parse(response.content, rdf_format))
        except (SyntaxError, ValueError) as exc:
            raise StoreError(
                self.query_endpoint, f"answer is not a readable graph: {exc}"
            ) from None
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        return data.decode("utf-8") if isinstance(data, bytes) else ""

    def select(self, query: str) -> list[dict[str, str]]:
        """A SPARQL SELECT; each row maps a variable name to its value's lexical form."""
        answer: Any = self.query(query)
        if not isinstance(answer, dict) or "results" not in answer:
            raise StoreError(self.query_endpoint, "not a SELECT query")
        return [
            {name: term["value"] for name, term in row.items()}
            for row in answer["results"]["bindings"]
        ]

    def count_triples(self, graph_iri: str | None = None) -> int:
        """Triples in one graph, or in all graphs but the server's own (``SERVER_GRAPHS``)."""
        if graph_iri is not None:
            return super().count_triples(graph_iri)
        own = set(SERVER_GRAPHS)
        own.update(
            g for row in self.select(_SERVICE_GRAPHS) if GRAPH_IRI.match(g := row.get("g", ""))
        )
        names = ", ".join(f"<{g}>" for g in sorted(own))
        rows = self.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({names})) }}"
        )
        return int(rows[0]["n"]) if rows else 0

    def close(self) -> None:
        self.http.close()


def chunked(
    graphs: Iterable[tuple[str, str]], max_bytes: int, max_graphs: int | None = None
) -> Iterator[list[tuple[str, str]]]:
    """The (graph IRI, N-Triples) pairs in runs of at most ``max_bytes`` of N-Triples (an
    article larger than that goes alone) and ``max_graphs`` graphs; the same graph twice: the
    last one wins, as one by one would."""
    batch = dict(graphs)
    run: list[tuple[str, str]] = []
    size = 0
    for pair in batch.items():
        if run and (size + len(pair[1]) > max_bytes or len(run) == max_graphs):
            yield run
            run, size = [], 0
        run.append(pair)
        size += len(pair[1])
    if run:
        yield run


def _ask_answer(answer: dict[str, Any], endpoint: str) -> dict[str, Any]:
    """Virtuoso 7 answers ASK over the protocol as one row of one variable (``__ASK_RETVAL``,
    1 or 0): the boolean it means."""
    rows = answer["results"]["bindings"]
    if len(rows) == 1 and len(rows[0]) == 1:
        [term] = rows[0].values()
        if term["value"] in ("1", "true", "0", "false"):
            return {"head": {}, "boolean": term["value"] in ("1", "true")}
    raise StoreError(endpoint, "answer to ASK is not a boolean")
