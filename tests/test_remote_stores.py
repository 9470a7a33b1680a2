"""Remote stores over HTTP: the Oxigraph server, Virtuoso (Graph Store Protocol with Digest
auth, and SPARQL Update), any GSP or Update endpoint; escaping, faults, credentials.

Real servers on 127.0.0.1 (``oxigraph`` from PyPI, ``virtuoso-t`` from the Debian package;
without it the Virtuoso tests skip, saying so), and a tiny fake for what no real server does
on request (dripping, stalling, failing)."""

from __future__ import annotations

import copy
import logging
import os
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from jsonld_news.api import read
from jsonld_news.jsonld import to_jsonld
from jsonld_news.load import load_articles
from jsonld_news.rdf import to_ntriples, triples
from jsonld_news.stores import (
    GraphStoreProtocolStore,
    OxigraphServerStore,
    OxigraphStore,
    SparqlUpdateStore,
    StoreError,
    StoreUnavailableError,
    open_store,
)
from jsonld_news.stores.base import SelectStore
from jsonld_news.stores.sparql import literal, query_form, results_json

from .conftest import EXAMPLES
from .servers import (
    FAKE_PASSWORD,
    FAKE_USER,
    Fake,
    Virtuoso,
    fake,
    free_port,
    virtuoso,
)
from .test_stores import _oxigraph_binary, _start_server, _stop

__all__ = ["fake", "virtuoso"]  # fixtures, imported to be found

pytestmark = [pytest.mark.store, pytest.mark.allow_hosts(["127.0.0.1"])]

Doc = dict[str, Any]
Remote = GraphStoreProtocolStore | SparqlUpdateStore
INPUTS = EXAMPLES / "inputs"
FAST: dict[str, Any] = {"retries": 2, "backoff": 0.01}  # fault tests: retry, but do not sleep long


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    return [to_jsonld(read(path)) for path in sorted(INPUTS.iterdir())]


def _copies(docs: list[Doc], n: int) -> list[Doc]:
    """``n`` articles: the examples again under other URLs, each its own graph."""
    out = []
    for i in range(n):
        doc = copy.deepcopy(docs[i % len(docs)])
        doc["@id"] = doc["@id"].replace("#article", f"-{i}#article")
        doc["url"] = f"{doc['url']}-{i}"
        out.append(doc)
    return out


def _expected(docs: list[Doc]) -> dict[str, int]:
    return {doc["@id"]: to_ntriples(triples(doc)).count("\n") for doc in docs}


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("no oxigraph server binary (pip install oxigraph)")
    process, base = _start_server(binary, tmp_path_factory.mktemp("oxigraph-remote"))
    try:
        yield base
    finally:
        _stop(process)


def _remote(store: object) -> Remote:
    assert isinstance(store, (GraphStoreProtocolStore, SparqlUpdateStore))
    return store


def _drop_all(store: Remote) -> None:
    if isinstance(store, SparqlUpdateStore):
        store.update("DROP ALL")
    elif isinstance(store, OxigraphServerStore):
        store._update("DROP ALL")


def _virtuoso_clear(server: Virtuoso) -> None:
    """Drop the article graphs (Virtuoso's own graphs stay: ``DROP ALL`` would take them)."""
    server.sql("DELETE FROM DB.DBA.RDF_QUAD WHERE id_to_iri(G) LIKE 'https://%';")


def _virtuoso_gsp(server: Virtuoso, **options: Any) -> GraphStoreProtocolStore:
    return GraphStoreProtocolStore(
        f"{server.base}/sparql-graph-crud-auth",
        user=server.user,
        password=server.password,
        **options,
    )


def _virtuoso_update(server: Virtuoso, **options: Any) -> SparqlUpdateStore:
    return SparqlUpdateStore(
        f"{server.base}/sparql-auth", user=server.user, password=server.password, **options
    )


# Only the article graphs: Virtuoso keeps system graphs of its own.
ARTICLE_GRAPHS = 'FILTER(STRSTARTS(STR(?g), "https://"))'


def _graph_counts(store: SelectStore) -> dict[str, int]:
    rows = store.select(
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {ARTICLE_GRAPHS} }} GROUP BY ?g"
    )
    return {row["g"]: int(row["n"]) for row in rows}


# --- escaping ---------------------------------------------------------------------------------

HOSTILE = [
    'a "quoted" word',
    "} } DROP ALL ; INSERT DATA { GRAPH <urn:evil> { <urn:a> <urn:b> <urn:c> } }",
    'end" . } ; DROP ALL ; INSERT DATA { GRAPH <urn:evil> { <urn:a> <urn:b> "',
    "line one\nline two\r\nthree",
    "arrow > and <tag> and <urn:x>",
    "back\\slash \\ and \\\\ two",
    "\\u0022 written out, \\U0000007D too, and \\u003E",
    "\\",
    "ends with a backslash \\",
    "GRAPH <urn:evil> { <urn:a> <urn:b> <urn:c> }",
    "'''triple single''' and \"\"\"triple double\"\"\"",
    "tab\there, bell\x07, escape\x1b, del\x7f",
    "emoji 😀 and accents éü and RTL שלום",
    "# not a comment",
]


def _hostile_ntriples(graph: str) -> str:
    subject = ox.NamedNode(graph.replace("#article", ""))
    quads = [
        ox.Triple(subject, ox.NamedNode(f"https://ex.org/p{i}"), ox.Literal(text))
        for i, text in enumerate(HOSTILE)
    ]
    quads.append(
        ox.Triple(
            subject, ox.NamedNode("https://ex.org/lang"), ox.Literal(HOSTILE[1], language="en-GB")
        )
    )
    quads.append(
        ox.Triple(
            subject,
            ox.NamedNode("https://ex.org/typed"),
            ox.Literal(HOSTILE[2], datatype=ox.NamedNode("https://ex.org/type")),
        )
    )
    quads.append(
        ox.Triple(
            subject,
            ox.NamedNode("https://ex.org/iri"),
            ox.NamedNode("https://ex.org/é?q=a&b=%7D#x"),
        )
    )
    data = ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES)
    assert isinstance(data, bytes)
    return data.decode()


def _same_graph(ntriples: str, expected: str) -> None:
    got = {str(t) for t in ox.parse(ntriples, ox.RdfFormat.N_TRIPLES)}
    want = {str(t) for t in ox.parse(expected, ox.RdfFormat.N_TRIPLES)}
    assert got == want


@given(st.text())
def test_literal_escape_reads_back_the_same_text_in_pyoxigraph(text: str) -> None:
    store = ox.Store()
    store.update(f"INSERT DATA {{ GRAPH <urn:g> {{ <urn:s> <urn:p> {literal(text)} }} }}")
    [quad] = list(store)
    assert quad.object == ox.Literal(text)


def test_query_form_skips_the_prologue() -> None:
    assert query_form("PREFIX s: <http://schema.org/>\n# c\nselect * {}") == "SELECT"
    assert query_form("BASE <http://x/> CONSTRUCT WHERE { ?s ?p ?o }") == "CONSTRUCT"
    assert query_form("ask {}") == "ASK"
    assert query_form("INSERT DATA {}") is None


@pytest.mark.parametrize("kind", ["oxigraph-update", "oxigraph-server"])
def test_hostile_strings_load_exactly_on_the_oxigraph_server(
    oxigraph_server: str, kind: str
) -> None:
    store: Remote
    if kind == "oxigraph-update":
        store = _remote(open_store(f"update:{oxigraph_server}/update"))
    else:
        store = _remote(open_store(oxigraph_server))
    graph = "https://ex.org/hostile#article"
    text = _hostile_ntriples(graph)
    changed = text.replace(HOSTILE[3].replace("\n", "\\n").replace("\r", "\\r"), "changed")
    assert changed != text
    with store:
        _drop_all(store)
        store.replace_graphs([(graph, text), ("https://ex.org/other#article", text)])
        store.replace_graphs([(graph, changed)])  # a stored graph changed: only the difference
        assert store.count_triples(graph) == text.count("\n")
        store.replace_graphs([(graph, text)])
        answer = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        assert isinstance(answer, str)
        _same_graph(answer, text)
        assert set(_graph_counts(store)) == {graph, "https://ex.org/other#article"}
        assert (
            store.select(
                "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'urn:')) }"
            )
            == []
        )


class _Recording(OxigraphServerStore):
    """The real store, noting each update and N-Quads POST it sends."""

    def __init__(self, base: str) -> None:
        super().__init__(base)
        self.sent: list[str] = []

    def _update(self, update: str) -> None:
        self.sent.append(update)
        super()._update(update)

    def _post_quads(self, body: str, idempotent: bool, atomic: bool = True) -> None:
        if body:
            self.sent.append(body)
        super()._post_quads(body, idempotent, atomic)


def _typed_ntriples(subject: str, tag: str) -> str:
    """Ten triples whose objects the server's TSV writes in Turtle's short forms and escapes."""
    xsd = "http://www.w3.org/2001/XMLSchema#"
    objects = [
        f'"42"^^<{xsd}integer>',
        f'"-1.5"^^<{xsd}decimal>',
        '"custom"^^<https://ex.org/type>',
        f'"true"^^<{xsd}boolean>',
        f'"2024-01-01T00:00:00Z"^^<{xsd}dateTime>',
        r'"Stra\u00DFe"@de-DE',
        r'"tab\there \"quoted\" new\nline \\ back"',
        "<https://ex.org/é?q=a&b=%7D#x>",
        '"plain"',
        f'"{tag}"',
    ]
    return "".join(f"<{subject}> <https://ex.org/p{i}> {o} .\n" for i, o in enumerate(objects))


def _graph_on_server(base: str, graph: str) -> set[str]:
    """The graph as the server's Graph Store Protocol GET gives it (not through our reader)."""
    url = f"{base}/store?graph={urllib.parse.quote(graph, safe='')}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return {str(t) for t in ox.parse(answer.read(), ox.RdfFormat.N_TRIPLES)}


def test_oxigraph_server_patches_a_slightly_and_a_wholly_changed_graph_to_exactly_the_new(
    oxigraph_server: str,
) -> None:
    slight, most = "https://ex.org/slight#article", "https://ex.org/most#article"
    first = {g: _typed_ntriples(g.replace("#article", ""), "first") for g in (slight, most)}
    with _Recording(oxigraph_server) as store:
        _drop_all(store)
        store.replace_graphs(first.items())
        store.sent.clear()
        store.replace_graphs(first.items())
        assert store.sent == []  # unchanged, short forms and escapes included: nothing written
        second = {
            slight: first[slight].replace('"first"', '"second"'),  # one triple of ten
            most: _typed_ntriples("https://ex.org/other", "second"),  # every subject differs
        }
        store.replace_graphs(second.items())
        [update, body] = store.sent
        assert "DROP" not in update and update.count("DELETE DATA") == 2
        assert body.count(f"<{slight}> .") == 1 and body.count(f"<{most}> .") == 10
        for graph, text in second.items():
            assert _graph_on_server(oxigraph_server, graph) == {
                str(t) for t in ox.parse(text, ox.RdfFormat.N_TRIPLES)
            }


def test_update_store_refuses_an_iri_that_would_break_out(oxigraph_server: str) -> None:
    store = SparqlUpdateStore(f"{oxigraph_server}/update")
    bad = '<https://ex.org/a\\u003E> <https://ex.org/p> "x" .\n'  # an IRI holding a '>'
    with store:
        _drop_all(store)
        with pytest.raises(StoreError) as caught:
            store.replace_graph("https://ex.org/g#article", bad)
        assert not isinstance(caught.value, StoreUnavailableError)
        assert store.count_triples() == 0


# --- the same answers everywhere --------------------------------------------------------------

QUERIES = [
    "SELECT ?name (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a <http://schema.org/mentions> ?e . "
    '?e <http://schema.org/name> ?name } FILTER(STRSTARTS(STR(?g), "https://")) } GROUP BY ?name ORDER BY DESC(?n) ?name',
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
    'FILTER(STRSTARTS(STR(?g), "https://")) } GROUP BY ?g ORDER BY ?g',
    "SELECT DISTINCT ?type WHERE { GRAPH ?g { ?s a ?type } "
    'FILTER(STRSTARTS(STR(?g), "https://")) } ORDER BY ?type',
    "SELECT ?headline WHERE { GRAPH ?g { ?a <http://schema.org/headline> ?headline } "
    'FILTER(STRSTARTS(STR(?g), "https://")) } ORDER BY ?headline',
    'ASK { GRAPH ?g { ?s <http://schema.org/name> "Germany" } }',
]


def _embedded_answers(docs: list[Doc]) -> list[Any]:
    store = OxigraphStore()
    assert load_articles(docs, store).ok
    answers = []
    for sparql in QUERIES:
        result = store.native.query(sparql)
        assert isinstance(result, (ox.QuerySolutions, ox.QueryBoolean))
        serialized = result.serialize(format=ox.QueryResultsFormat.JSON)
        assert isinstance(serialized, bytes)
        answers.append(results_json(serialized, "embedded"))
    return answers


def test_the_same_answers_on_embedded_oxigraph_server_and_virtuoso(
    docs: list[Doc], oxigraph_server: str, virtuoso: Virtuoso
) -> None:
    articles = _copies(docs, 8)
    expected = _embedded_answers(articles)
    stores: list[Remote] = [
        _remote(open_store(oxigraph_server)),
        _remote(open_store(f"update:{oxigraph_server}/update")),
        _virtuoso_gsp(virtuoso),
        _virtuoso_update(virtuoso),
    ]
    for store in stores:
        with store:
            if store.endpoint.startswith(virtuoso.base):
                _virtuoso_clear(virtuoso)
            else:
                _drop_all(store)
            assert load_articles(articles, store, batch_size=3).ok
            assert _graph_counts(store) == _expected(articles), store
            for sparql, want in zip(QUERIES, expected, strict=True):
                assert store.query(sparql) == want, (store, sparql)


UNION_QUERIES = [  # no GRAPH: the default graph, which is the union of the graphs on both
    "SELECT ?name (COUNT(?a) AS ?n) WHERE { ?a <http://schema.org/mentions> ?e . "
    "?e <http://schema.org/name> ?name } GROUP BY ?name ORDER BY DESC(?n) ?name",
    "SELECT ?headline WHERE { ?a <http://schema.org/headline> ?headline } ORDER BY ?headline",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
]


def test_a_query_without_graph_answers_the_same_on_embedded_and_the_oxigraph_server(
    docs: list[Doc], oxigraph_server: str
) -> None:
    """The server is started without ``--union-default-graph``: the store asks for it."""
    articles = _copies(docs, 4)
    embedded = OxigraphStore()
    assert load_articles(articles, embedded).ok
    with _remote(open_store(oxigraph_server)) as server:
        _drop_all(server)
        assert load_articles(articles, server).ok
        for sparql in UNION_QUERIES:
            answer = server.query(sparql)
            assert isinstance(answer, dict) and answer["results"]["bindings"], sparql
            assert answer == embedded.query(sparql), sparql


# --- Virtuoso ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["gsp", "update"])
def test_virtuoso_loads_hostile_strings_exactly(virtuoso: Virtuoso, kind: str) -> None:
    _virtuoso_clear(virtuoso)
    store = _virtuoso_gsp(virtuoso) if kind == "gsp" else _virtuoso_update(virtuoso)
    graph = "https://ex.org/hostile#article"
    text = _hostile_ntriples(graph).replace("\\u0007", "").replace("\\u001B", "")
    with store:
        store.replace_graphs([(graph, text), ("https://ex.org/other#article", text)])
        store.replace_graph(graph, text)
        answer = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        assert isinstance(answer, str)
        _same_graph(answer, text)
        assert set(_graph_counts(store)) == {graph, "https://ex.org/other#article"}


@pytest.mark.parametrize("kind", ["gsp", "update"])
def test_virtuoso_digest_sends_each_body_once_and_counts_only_our_graphs(
    virtuoso: Virtuoso, docs: list[Doc], kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    sent: list[tuple[str, int, int]] = []  # method, body bytes, status: every request on the wire
    handle = httpx.HTTPTransport.handle_request

    def record(transport: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        response = handle(transport, request)
        sent.append((request.method, len(request.content), response.status_code))
        return response

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", record)
    _virtuoso_clear(virtuoso)
    articles = _copies(docs, 6)
    store = _virtuoso_gsp(virtuoso) if kind == "gsp" else _virtuoso_update(virtuoso)
    with store:
        assert load_articles(articles, store, batch_size=3).ok
        assert store.count_triples() == sum(_expected(articles).values())
    with_body = [(method, status) for method, size, status in sent if size]
    assert with_body and all(status < 400 for _, status in with_body), sent
    assert any(method == "HEAD" and status == 401 for method, _, status in sent)  # the probe


def test_virtuoso_refused_credential_is_one_line_and_not_echoed(
    virtuoso: Virtuoso, docs: list[Doc]
) -> None:
    wrong = "Wr0ng-pa55word"
    for store in (
        GraphStoreProtocolStore(
            f"{virtuoso.base}/sparql-graph-crud-auth", user=virtuoso.user, password=wrong, **FAST
        ),
        SparqlUpdateStore(
            f"{virtuoso.base}/sparql-auth", user=virtuoso.user, password=wrong, **FAST
        ),
    ):
        with store, pytest.raises(StoreUnavailableError) as caught:
            load_articles(docs[:1], store)
        message = str(caught.value)
        assert caught.value.status == 401 and "\n" not in message
        assert wrong not in message and wrong not in repr(store)


def test_virtuoso_killed_mid_load_then_a_rerun_leaves_every_graph_whole(
    virtuoso: Virtuoso, docs: list[Doc]
) -> None:
    _virtuoso_clear(virtuoso)
    articles = _copies(docs, 60)
    calls = 0

    class Dying(SparqlUpdateStore):
        def update(self, update: str, *, idempotent: bool = True) -> None:
            nonlocal calls
            calls += 1
            if calls == 3:
                virtuoso.kill()
            super().update(update, idempotent=idempotent)

    store = Dying(
        f"{virtuoso.base}/sparql-auth", user=virtuoso.user, password=virtuoso.password, **FAST
    )
    with store, pytest.raises(StoreUnavailableError):
        load_articles(articles, store, batch_size=10)
    virtuoso.start()
    with _virtuoso_update(virtuoso) as again:
        assert load_articles(articles, again, batch_size=10).ok
        assert _graph_counts(again) == _expected(articles)


# --- faults, for each kind of client, against the fake ----------------------------------------

KINDS = ["oxigraph", "gsp", "update"]


def _client(kind: str, base: str, **options: Any) -> Remote:
    options = {**FAST, **options}
    if kind == "oxigraph":
        return OxigraphServerStore(base, **options)
    if kind == "gsp":
        return GraphStoreProtocolStore(f"{base}/data", **options)
    return SparqlUpdateStore(f"{base}/update", **options)


@pytest.mark.parametrize("kind", KINDS)
def test_server_down_is_one_line(kind: str, docs: list[Doc]) -> None:
    store = _client(kind, f"http://127.0.0.1:{free_port()}")
    with store, pytest.raises(StoreUnavailableError, match="refused") as caught:
        load_articles(docs, store)
    assert caught.value.status is None and "\n" not in str(caught.value)


@pytest.mark.parametrize("kind", KINDS)
def test_a_500_is_retried_then_quoted(fake: Fake, kind: str, docs: list[Doc]) -> None:
    fake.hits.clear()
    store = _client(kind, f"{fake.base}/error500")
    with store, pytest.raises(StoreUnavailableError) as caught:
        load_articles(docs[:2], store)
    assert caught.value.status == 500
    assert str(caught.value).endswith(
        "HTTP 500 Internal Server Error: Internal failure: disk on fire"
    )
    # The first request of the batch, tried 1 + 2 times; GSP sends the batch's two PUTs at once.
    assert fake.hits["error500"] == 3 * (2 if kind == "gsp" else 1)


@pytest.mark.parametrize("kind", KINDS)
def test_a_400_is_the_article_not_the_store_and_is_not_retried(
    fake: Fake, kind: str, docs: list[Doc]
) -> None:
    fake.hits.clear()
    with _client(kind, f"{fake.base}/bad400") as store:
        result = load_articles(docs[:1], store)
    assert result.failed == 1 and fake.hits["bad400"] == 1
    assert result.failures[0].reason.endswith("HTTP 400 Bad Request: Parse error at line 3")


@pytest.mark.parametrize("kind", KINDS)
def test_a_slow_server_times_out_once(fake: Fake, kind: str) -> None:
    fake.hits.clear()
    store = _client(kind, f"{fake.base}/slow", timeout=0.5)
    with store, pytest.raises(StoreUnavailableError, match=r"no complete answer within 0\.5 s"):
        store.count_triples()
    assert fake.hits["slow"] == 1  # a timeout is not retried: the deadline is the user's


@pytest.mark.parametrize("kind", KINDS)
def test_a_dripping_server_is_cut_at_the_deadline(fake: Fake, kind: str) -> None:
    # One byte every 0.25 s never trips the 5 s read timeout; the 1 s deadline cuts it.
    errors: list[BaseException] = []

    def ask() -> None:
        with _client(kind, f"{fake.base}/drip", timeout=1, read_timeout=5) as store:
            try:
                store.count_triples()
            except BaseException as exc:
                errors.append(exc)

    thread = threading.Thread(target=ask, daemon=True)
    thread.start()
    thread.join(30)  # generous: only a hang fails here
    assert not thread.is_alive(), "the request outlived its deadline"
    [error] = errors
    assert isinstance(error, StoreUnavailableError) and "within 1 s" in str(error)


@pytest.mark.parametrize("kind", KINDS)
def test_a_200_that_is_not_sparql_results(fake: Fake, kind: str) -> None:
    with _client(kind, f"{fake.base}/html") as store:
        with pytest.raises(StoreError, match="not SPARQL JSON results"):
            store.count_triples()
        with pytest.raises(StoreError, match="not an RDF graph"):
            store.query("CONSTRUCT WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("kind", KINDS)
def test_a_refused_credential_is_not_retried_nor_echoed(
    fake: Fake, kind: str, docs: list[Doc], caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "N0t-the-pa55"
    fake.hits.clear()
    caplog.set_level(logging.DEBUG)
    with _client(kind, f"{fake.base}/basic", user=FAKE_USER, password=wrong) as store:
        with pytest.raises(StoreUnavailableError) as caught:
            load_articles(docs[:1], store)
        shown = [str(caught.value), repr(store), repr(store.http), caplog.text]
    assert caught.value.status == 401 and "\n" not in str(caught.value)
    assert "Refused: you sent Basic ***" in str(caught.value)
    assert fake.hits["basic"] == 2  # once without credentials (the challenge), once with
    for text in shown:
        assert wrong not in text


@pytest.mark.parametrize("kind", KINDS)
def test_credentials_from_the_url_or_options_authenticate(
    fake: Fake, kind: str, docs: list[Doc]
) -> None:
    base = fake.base.replace("http://", f"http://{FAKE_USER}:{FAKE_PASSWORD}@")
    for store in (
        _client(kind, f"{base}/basic"),
        _client(kind, f"{fake.base}/basic", user=FAKE_USER, password=FAKE_PASSWORD, auth="basic"),
    ):
        with store:
            assert FAKE_PASSWORD not in repr(store) + store.endpoint + store.query_endpoint
            assert load_articles(docs[:2], store).ok
            assert store.count_triples() == 0


@pytest.mark.parametrize("kind", ["oxigraph", "update"])
def test_a_batch_is_a_few_requests_over_one_kept_alive_connection(
    fake: Fake, kind: str, docs: list[Doc]
) -> None:
    fake.hits.clear()
    fake.peers.clear()
    with _client(kind, f"{fake.base}/ok") as store:
        assert load_articles(_copies(docs, 40), store, batch_size=20).ok
        store.count_triples()
    # Two batches: Oxigraph a query and a POST each, update one request each; then the count's
    # two queries (the server's own graphs, then the count).
    assert fake.hits["ok"] == (6 if kind == "oxigraph" else 4)
    assert len(fake.peers) == 1


def test_merge_adds_to_a_graph_on_every_remote_kind(oxigraph_server: str) -> None:
    graph = "https://ex.org/merge#article"
    one = '<https://ex.org/s> <https://ex.org/p> "one" .\n'
    two = '<https://ex.org/s> <https://ex.org/p> "two" .\n_:b <https://ex.org/p> "blank" .\n'
    stores: list[Remote] = [
        OxigraphServerStore(oxigraph_server),
        GraphStoreProtocolStore(f"{oxigraph_server}/store"),
        SparqlUpdateStore(f"{oxigraph_server}/update"),
    ]
    cleaner = SparqlUpdateStore(f"{oxigraph_server}/update")
    for store in [*stores, cleaner]:
        with store:
            _drop_all(cleaner)
            store.replace_graph(graph, one)
            store.add_graphs([(graph, two)])
            assert store.count_triples(graph) == 3, store
            store.replace_graphs([(graph, one), ("https://ex.org/x#article", one)])
            assert store.count_triples(graph) == 1, store


def test_an_update_endpoint_refusing_the_update_type_gets_the_form(
    fake: Fake, docs: list[Doc]
) -> None:
    fake.hits.clear()
    with SparqlUpdateStore(f"{fake.base}/form415/update", **FAST) as store:
        assert load_articles(_copies(docs, 4), store, batch_size=2).ok
        assert store.update_via == "form"
    assert fake.hits["form415"] == 3  # refused once, then the form for both batches


def test_a_user_without_a_password_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from jsonld_news.errors import ConfigError

    monkeypatch.delenv("JSONLD_NEWS_STORE_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match="JSONLD_NEWS_STORE_PASSWORD"):
        open_store("update:http://127.0.0.1:1/update", user="bob")
    monkeypatch.setenv("JSONLD_NEWS_STORE_PASSWORD", "from-env")
    store = open_store("update:http://127.0.0.1:1/update", user="bob")
    assert "from-env" not in repr(store) + repr(store.__dict__)


def test_proxies_from_the_environment_but_never_for_loopback(
    fake: Fake, monkeypatch: pytest.MonkeyPatch, docs: list[Doc]
) -> None:
    import httpx

    dead = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("HTTP_PROXY", dead)
    monkeypatch.setenv("http_proxy", dead)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with _client("update", f"{fake.base}/ok") as store:
        assert load_articles(docs[:1], store).ok  # went straight to 127.0.0.1
        routes = store.http._routes
        assert routes.proxy_for(httpx.URL("http://sparql.example.org/x")) == dead
        assert routes.proxy_for(httpx.URL("http://localhost:8890/x")) is None


# --- the Oxigraph server killed mid-load ------------------------------------------------------


def test_oxigraph_server_killed_mid_load_then_a_rerun_leaves_every_graph_whole(
    tmp_path: Path, docs: list[Doc]
) -> None:
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("no oxigraph server binary (pip install oxigraph)")
    articles = _copies(docs, 60)
    process, base = _start_server(binary, tmp_path)
    posts = 0

    class Dying(OxigraphServerStore):
        def _post_quads(self, body: str, idempotent: bool, atomic: bool = True) -> None:
            nonlocal posts
            posts += 1
            if posts == 3:  # after this batch's DROP, before its quads: the worst moment
                process.kill()
                process.wait()
            super()._post_quads(body, idempotent, atomic)

    try:
        with Dying(base, **FAST) as store, pytest.raises(StoreUnavailableError):
            load_articles(articles, store, batch_size=10)
        process, base = _start_server(binary, tmp_path)
        with _remote(open_store(base)) as again:
            assert _graph_counts(again) != _expected(articles)  # the crash did leave a hole
            assert load_articles(articles, again, batch_size=10).ok
            assert _graph_counts(again) == _expected(articles)
    finally:
        _stop(process)


# --- the command line -------------------------------------------------------------------------


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jsonld_news", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_cli_load_through_update_with_digest_and_a_refused_one(
    virtuoso: Virtuoso, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from jsonld_news.cli import app

    _virtuoso_clear(virtuoso)
    one = str(sorted(INPUTS.iterdir())[0])
    runner = CliRunner()
    monkeypatch.setenv("JSONLD_NEWS_STORE_PASSWORD", virtuoso.password)
    spec = f"update:{virtuoso.base}/sparql-auth"
    ok = runner.invoke(
        app, ["load", one, "--store", spec, "--user", virtuoso.user, "--auth", "digest", "-j", "1"]
    )
    assert ok.exit_code == 0, ok.stderr
    assert "loaded 1 article(s)" in ok.stderr
    monkeypatch.setenv("JSONLD_NEWS_STORE_PASSWORD", "Wr0ng-pa55word")
    gsp = f"gsp:{virtuoso.base}/sparql-graph-crud-auth"
    refused = runner.invoke(app, ["load", one, "--store", gsp, "--user", virtuoso.user, "-j", "1"])
    assert refused.exit_code == 2
    assert refused.stderr.count("\n") == 1 and "HTTP 401" in refused.stderr
    assert "Wr0ng-pa55word" not in refused.stderr + refused.stdout


def test_cli_store_down_is_one_line_exit_2() -> None:
    one = str(sorted(INPUTS.iterdir())[0])
    done = _cli("load", one, "--store", f"update:http://127.0.0.1:{free_port()}/update", "-j", "1")
    assert done.returncode == 2
    assert (
        done.stderr.count("\n") == 1 and "refused" in done.stderr and "Traceback" not in done.stderr
    )
