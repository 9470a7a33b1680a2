"""Loading articles into SPARQL stores: the in-memory double, embedded Oxigraph, and a real
Oxigraph server on 127.0.0.1 (tests marked ``store``; only loopback traffic is allowed)."""

from __future__ import annotations

import copy
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from jsonld_news.api import read
from jsonld_news.errors import ConfigError
from jsonld_news.jsonld import to_jsonld
from jsonld_news.load import LoadFailure, load_articles, load_paths
from jsonld_news.rdf import to_ntriples, triples
from jsonld_news.stores import (
    BulkStore,
    GraphStoreProtocolStore,
    MemoryStore,
    OxigraphServerStore,
    OxigraphStore,
    Store,
    StoreError,
    StoreUnavailableError,
    open_store,
)

from .conftest import EXAMPLES

INPUTS = EXAMPLES / "inputs"
SCHEMA = "http://schema.org/"
GERMANY = "urn:jsonld-news:place/germany"
BERLIN = "urn:jsonld-news:place/berlin"
TRIMET = "urn:jsonld-news:organization/trimet"
# pytest-socket: sockets stay usable, but connect() only to 127.0.0.1.
LOOPBACK_ONLY = pytest.mark.allow_hosts(["127.0.0.1"])

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    return [to_jsonld(read(path)) for path in sorted(INPUTS.iterdir())]


def _ntriples(doc: Mapping[str, Any]) -> str:
    return to_ntriples(triples(doc))


def _expected_counts(docs: list[Doc]) -> dict[str, int]:
    return {doc["@id"]: _ntriples(doc).count("\n") for doc in docs}


def _syndicated_copy(doc: Doc) -> Doc:
    """The same story under another URL: a second graph naming the same entities."""
    other = copy.deepcopy(doc)
    other["@id"] = other["@id"].replace("#article", "-copy#article")
    other["url"] = other["url"] + "-copy"
    return other


def _graphs_naming(store: OxigraphStore | GraphStoreProtocolStore, iri: str) -> tuple[int, int]:
    """(named graphs in which ``iri`` is described, distinct nodes with that IRI)."""
    rows = store.select(
        "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(DISTINCT ?s) AS ?nodes) "
        f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?s = <{iri}>) }}"
    )
    return int(rows[0]["graphs"]), int(rows[0]["nodes"])


SHARED_SUBJECTS = (
    "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?s HAVING (COUNT(DISTINCT ?g) > 1)"
)


# --- the in-memory double ---------------------------------------------------------------------


def test_memory_store_replaces_graphs_and_counts() -> None:
    store = MemoryStore()
    store.replace_graph("https://ex.org/a#article", '<https://ex.org/a> <http://p> "1" .\n')
    store.replace_graph("https://ex.org/b#article", "<https://ex.org/b> <http://p> <urn:x> .\n" * 2)
    assert store.count_triples() == 2  # the repeated line is one triple
    store.replace_graph("https://ex.org/a#article", '<https://ex.org/a> <http://p> "2" .\n' * 3)
    assert store.count_triples("https://ex.org/a#article") == 1
    assert store.graphs["https://ex.org/a#article"] == {'<https://ex.org/a> <http://p> "2" .'}
    assert store.count_triples("https://ex.org/none") == 0
    assert isinstance(store, Store) and not isinstance(store, BulkStore)


def test_memory_store_refuses_bad_graph_names_and_use_after_close() -> None:
    with MemoryStore() as store:
        with pytest.raises(StoreError, match="not an absolute IRI") as caught:
            store.replace_graph("https://ex.org/a> <x", "")
        assert not isinstance(caught.value, StoreUnavailableError)
    with pytest.raises(StoreUnavailableError, match="closed"):
        store.count_triples()


def test_load_articles_names_each_graph_by_its_id(docs: list[Doc]) -> None:
    store = MemoryStore()
    result = load_articles(docs, store)
    assert result.ok and not result.warnings
    assert result.loaded == len(docs) and result.failed == 0
    assert {g: len(lines) for g, lines in store.graphs.items()} == _expected_counts(docs)
    assert result.triples == store.count_triples() == sum(_expected_counts(docs).values())


def test_load_articles_reports_bad_documents_and_goes_on(docs: list[Doc]) -> None:
    seen: list[LoadFailure] = []
    bad = {"@type": "NewsArticle", "url": "https://ex.org/no-id", "headline": "x"}
    store = MemoryStore()
    result = load_articles([docs[0], bad, docs[1], docs[0]], store, on_failure=seen.append)
    assert [str(f) for f in result.failures] == [
        "https://ex.org/no-id: document has no absolute @id to name its graph (@id: None)"
    ]
    assert seen == result.failures and result.failed == 1
    assert result.loaded == 3 and len(store.graphs) == 2
    assert result.warnings == []  # the same source loaded twice replaces itself silently


def test_load_result_keeps_counts_and_the_first_failures_only(docs: list[Doc]) -> None:
    # The parent's memory must not grow with the run: every failure goes to on_failure.
    seen: list[LoadFailure] = []
    bad = [{"@type": "NewsArticle", "url": f"https://ex.org/{i}"} for i in range(1005)]
    result = load_articles([docs[0], *bad], MemoryStore(), on_failure=seen.append)
    assert (result.loaded, result.failed, len(seen)) == (1, 1005, 1005)
    assert result.failures == seen[:1000]


def test_load_articles_warns_when_two_sources_share_a_graph(docs: list[Doc]) -> None:
    twin = dict(docs[0], url="https://elsewhere.example/x")
    result = load_articles([docs[0], twin], MemoryStore())
    assert len(result.warnings) == 1 and "replaced the graph" in result.warnings[0]


# --- embedded Oxigraph ------------------------------------------------------------------------


@pytest.mark.parametrize("batch_size", [1, 2, 1000])
def test_oxigraph_loads_merges_entities_and_reloads_idempotently(
    docs: list[Doc], batch_size: int
) -> None:
    with OxigraphStore() as store:
        assert isinstance(store, BulkStore)
        copied = _syndicated_copy(docs[0])
        result = load_articles([*docs, copied], store, batch_size=batch_size)
        assert result.ok
        expected = _expected_counts([*docs, copied])
        assert {g: store.count_triples(g) for g in expected} == expected
        total = store.count_triples()
        assert total == sum(expected.values())
        shared = {row["s"] for row in store.select(SHARED_SUBJECTS)}
        assert {GERMANY, BERLIN, TRIMET} <= shared
        assert _graphs_naming(store, TRIMET) == (2, 1)
        load_articles(docs, store, batch_size=batch_size)  # reloading replaces, never adds
        assert store.count_triples() == total
        assert len(list(store.native.named_graphs())) == len(expected)


def test_oxigraph_keeps_the_old_graph_when_new_content_is_bad(docs: list[Doc]) -> None:
    store = OxigraphStore()
    load_articles(docs, store)
    graph = docs[0]["@id"]
    before = store.count_triples(graph)
    with pytest.raises(StoreError, match="invalid N-Triples") as caught:
        store.replace_graph(graph, '<https://ex.org/a> <http://p> "unterminated .\n')
    assert "\n" not in str(caught.value)
    with pytest.raises(StoreError):
        store.replace_graphs([(docs[1]["@id"], ""), (graph, "<not an iri> <p> <o> .\n")])
    assert store.count_triples(graph) == before
    assert store.count_triples(docs[1]["@id"]) == _expected_counts(docs)[docs[1]["@id"]]


@pytest.mark.parametrize("path", [None, "disk"])
@pytest.mark.parametrize(
    "line",
    [
        "<https://ex.org/s> <https://ex.org/p> .\n",  # as N-Quads: a default-graph triple
        "<https://ex.org/s> <https://ex.org/p> <https://ex.org/o> <https://ex.org/g> .\n",
        '<https://ex.org/s> <https://ex.org/p> "a .\nb" .\n',  # a raw newline in a literal
        # a brace closing a TriG block, to write into another article's graph
        "<https://ex.org/s> <https://ex.org/p> <https://ex.org/o> . } <https://ex.org/good> "
        "{ <https://ex.org/s> <https://ex.org/p> <https://ex.org/x> .\n",
    ],
)
def test_oxigraph_fresh_graphs_with_a_line_that_is_no_triple(
    line: str, path: str | None, tmp_path: Path
) -> None:
    """Fresh graphs go in as N-Triples loaded into their graph (in memory) or as N-Quads, each
    line given its graph's name (on disk): a line that is not a whole N-Triples triple fails
    and names its graph, and nothing of the batch is written, least of all into the default
    graph or another article's graph."""
    store = OxigraphStore(None if path is None else tmp_path / "db")
    good = "<https://ex.org/s> <https://ex.org/p> <https://ex.org/o> .\n"
    with pytest.raises(StoreError, match=r"ex\.org/bad"):
        store.replace_graphs([("https://ex.org/good", good), ("https://ex.org/bad", good + line)])
    assert len(store.native) == 0
    store.replace_graphs([("https://ex.org/good", good)])  # regular text still goes in
    assert store.count_triples("https://ex.org/good") == 1 and len(store.native) == 1
    store.close()


def test_oxigraph_fresh_graphs_of_other_line_shapes_load() -> None:
    """Text our emitter never writes (no space before the dot, a comment, CRLF) is still
    N-Triples, read the careful way."""
    store = OxigraphStore()
    text = (
        "<https://ex.org/s> <https://ex.org/p> <https://ex.org/o>.\n"
        "# a comment\n"
        '<https://ex.org/s> <https://ex.org/p> "x" .\r\n'
        "<https://ex.org/s> <https://ex.org/q> <https://ex.org/o> . # after\n"
    )
    store.replace_graphs([("https://ex.org/a", text), ("https://ex.org/b", text)])
    assert store.count_triples("https://ex.org/a") == store.count_triples("https://ex.org/b") == 3
    assert len(store.native) == 6


def test_oxigraph_batch_isolates_the_bad_article(docs: list[Doc]) -> None:
    bad = {"@id": "https://ex.org/bad#article", "headline": "x", "url": "https://ex.org/bad"}

    class Rejecting(OxigraphStore):
        def replace_graph(self, graph_iri: str, ntriples: str) -> None:
            if graph_iri == bad["@id"]:
                raise StoreError(self.endpoint, "refused")
            super().replace_graph(graph_iri, ntriples)

        def replace_graphs(self, graphs: Any) -> None:
            raise StoreError(self.endpoint, "batch refused")

    store = Rejecting()
    result = load_articles([docs[0], bad, docs[1]], store)
    assert [f.source for f in result.failures] == ["https://ex.org/bad"]
    assert result.loaded == 2 and store.count_triples("https://ex.org/bad#article") == 0
    assert store.count_triples(docs[0]["@id"]) and store.count_triples(docs[1]["@id"])


def test_oxigraph_blank_nodes_stay_apart_across_articles() -> None:
    docs = [
        {
            "@id": f"https://ex.org/{n}#article",
            "@type": "NewsArticle",
            "author": {"@type": "Person", "name": "Same Name"},  # no @id: a blank node
        }
        for n in ("a", "b")
    ]
    store = OxigraphStore()
    assert load_articles(docs, store).ok
    rows = store.select(
        f"SELECT (COUNT(DISTINCT ?who) AS ?n) WHERE {{ GRAPH ?g {{ ?a <{SCHEMA}author> ?who }} }}"
    )
    assert rows == [{"n": "2"}]


def test_oxigraph_on_disk_persists_and_is_locked_while_open(
    docs: list[Doc], tmp_path: Path
) -> None:
    with open_store(f"oxigraph:{tmp_path / 'db'}") as store:
        load_articles(docs, store)
        total = store.count_triples()
        with pytest.raises(StoreUnavailableError, match="oxigraph:"):
            OxigraphStore(tmp_path / "db")
    with open_store(f"oxigraph:{tmp_path / 'db'}") as again:
        assert again.count_triples() == total > 0


def test_load_paths_reports_every_failure_and_loads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"headline": ', encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    seen: list[LoadFailure] = []
    store = OxigraphStore()
    result = load_paths(
        [INPUTS, tmp_path, tmp_path / "missing.md"],
        store,
        workers=1,
        on_failure=seen.append,
        provenance=False,  # counts the articles' own triples
    )
    failed = {Path(f.source).name: f.reason for f in result.failures}
    assert set(failed) == {"broken.json", "empty.txt", "missing.md"}
    assert all(reason and "\n" not in reason for reason in failed.values())
    assert failed["missing.md"] == "no such file"
    assert seen == result.failures
    assert result.loaded == len(list(INPUTS.iterdir()))
    assert store.count_triples() == result.triples


def test_load_paths_with_worker_processes(tmp_path: Path, docs: list[Doc]) -> None:
    for folder in ("a", "b"):  # 8 inputs: enough for the process pool; same @ids twice
        shutil.copytree(INPUTS, tmp_path / folder)
    store = OxigraphStore()
    result = load_paths([tmp_path], store, workers=2, provenance=False)
    assert result.ok and result.loaded == 8
    replaced = [w for w in result.warnings if "replaced the graph" in w]
    assert len(replaced) == 4  # b/ replaced each graph a/ loaded
    assert store.count_triples() == sum(_expected_counts(docs).values())


# --- choosing a store -------------------------------------------------------------------------


def test_open_store_specs(tmp_path: Path) -> None:
    assert isinstance(open_store("memory:"), MemoryStore)
    embedded = open_store("oxigraph:")
    assert isinstance(embedded, OxigraphStore) and embedded.path is None
    server = open_store("http://127.0.0.1:7878/")  # nothing is sent until a store call
    assert isinstance(server, GraphStoreProtocolStore)
    assert (server.endpoint, server.query_endpoint) == (
        "http://127.0.0.1:7878/store",
        "http://127.0.0.1:7878/query",
    )
    fuseki = open_store("gsp:http://u:secret@127.0.0.1:3030/ds/data")
    assert isinstance(fuseki, GraphStoreProtocolStore)
    assert (fuseki.endpoint, fuseki.query_endpoint) == (
        "http://127.0.0.1:3030/ds/data",
        "http://127.0.0.1:3030/ds/query",
    )
    custom = open_store("gsp:http://127.0.0.1:3030/ds", query_endpoint="http://127.0.0.1:3030/q")
    assert isinstance(custom, GraphStoreProtocolStore)
    assert custom.query_endpoint == "http://127.0.0.1:3030/q"
    for bad in ("sqlite:x.db", "gsp:", "gsp:file:///etc/passwd", "gsp:http:///nohost"):
        with pytest.raises(ConfigError):
            open_store(bad)


def test_store_error_is_one_line() -> None:
    error = StoreError("http://127.0.0.1:1/store", "Bad Request", 400, "Parser error\nat line 2")
    assert (
        str(error) == "store http://127.0.0.1:1/store: HTTP 400 Bad Request: Parser error at line 2"
    )
    assert (error.endpoint, error.status, error.reason) == (
        "http://127.0.0.1:1/store",
        400,
        "Bad Request",
    )


# --- a real Oxigraph server on 127.0.0.1 ------------------------------------------------------


def _oxigraph_binary() -> Path | None:
    beside = Path(sys.executable).parent / "oxigraph"  # the venv's, from the `oxigraph` wheel
    found = shutil.which("oxigraph")
    for candidate in (beside, Path(found) if found else None):
        if candidate is not None and candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _start_server(binary: Path, folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``oxigraph serve`` on a free port and wait until it answers queries."""
    log = folder / "server.log"  # a file, not a pipe nobody reads that could fill up
    for _ in range(3):  # the port may be taken between probing and binding
        base = f"http://127.0.0.1:{_free_port()}"
        with log.open("wb") as stream:
            process = subprocess.Popen(
                [binary, "serve", "--location", folder / "db", "--bind", base[len("http://") :]],
                stdout=stream,
                stderr=subprocess.STDOUT,
            )
        probe = GraphStoreProtocolStore(f"{base}/store", timeout=2, retries=0)
        deadline = time.monotonic() + 15
        while process.poll() is None and time.monotonic() < deadline:
            try:
                probe.count_triples()
                return process, base
            except StoreUnavailableError:
                time.sleep(0.05)
        _stop(process)
    pytest.fail(f"oxigraph server did not start: {log.read_text(errors='replace')[-500:]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("no oxigraph server binary (pip install oxigraph)")
    process, base = _start_server(binary, tmp_path_factory.mktemp("oxigraph-server"))
    try:
        yield base
    finally:
        _stop(process)


@pytest.fixture
def empty_server(server: str) -> str:
    """The shared server, emptied: each test starts from no graphs."""
    request = urllib.request.Request(
        f"{server}/update",
        data=b"DROP ALL",
        method="POST",
        headers={"Content-Type": "application/sparql-update"},
    )
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(request, timeout=5):
        pass
    return server


@pytest.mark.store
@LOOPBACK_ONLY
def test_server_loads_examples_into_one_graph_each(empty_server: str, docs: list[Doc]) -> None:
    with open_store(empty_server) as store:
        result = load_articles(docs, store)
        assert result.ok
        expected = _expected_counts(docs)
        assert {g: store.count_triples(g) for g in expected} == expected
        assert store.count_triples() == result.triples == sum(expected.values())
        assert isinstance(store, GraphStoreProtocolStore)
        graphs = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert {row["g"] for row in graphs} == set(expected)


@pytest.mark.store
@LOOPBACK_ONLY
def test_server_merges_entities_across_articles_and_reloads_idempotently(
    empty_server: str, docs: list[Doc]
) -> None:
    store = GraphStoreProtocolStore(f"{empty_server}/store")
    copied = _syndicated_copy(docs[0])
    load_articles([*docs, copied], store)
    total = store.count_triples()
    shared = {row["s"] for row in store.select(SHARED_SUBJECTS)}
    assert {GERMANY, BERLIN, TRIMET} <= shared
    # Germany is described in two articles' graphs, and it is one node, not two.
    assert _graphs_naming(store, GERMANY) == (2, 1)
    assert _graphs_naming(store, TRIMET) == (2, 1)
    distinct = store.select(
        f"SELECT (COUNT(DISTINCT ?place) AS ?n) WHERE {{ GRAPH ?g {{ "
        f'?place a <{SCHEMA}Country> ; <{SCHEMA}name> "Germany" }} }}'
    )
    assert distinct == [{"n": "1"}]
    for _ in range(2):
        load_articles([*docs, copied], store)
        assert store.count_triples() == total
    # The embedded store holds exactly the same graph.
    embedded = OxigraphStore()
    load_articles([*docs, copied], embedded)
    assert embedded.count_triples() == total
    assert {row["s"] for row in embedded.select(SHARED_SUBJECTS)} == shared


@pytest.mark.store
@LOOPBACK_ONLY
def test_server_rejects_bad_ntriples_in_one_line_and_keeps_the_graph(
    empty_server: str, docs: list[Doc]
) -> None:
    store = GraphStoreProtocolStore(f"{empty_server}/store")
    load_articles(docs[:1], store)
    graph = docs[0]["@id"]
    before = store.count_triples(graph)
    with pytest.raises(StoreError) as caught:
        store.replace_graph(graph, '<https://ex.org/a> <http://p> "unterminated .\n')
    error = caught.value
    assert not isinstance(error, StoreUnavailableError)
    assert (error.status, error.endpoint) == (400, f"{empty_server}/store")
    assert str(error).startswith(f"store {empty_server}/store: HTTP 400 Bad Request: ")
    assert "\n" not in str(error)
    assert store.count_triples(graph) == before


@pytest.mark.store
@LOOPBACK_ONLY
def test_server_wrong_endpoint_stops_the_load(empty_server: str, docs: list[Doc]) -> None:
    store = open_store(f"gsp:{empty_server}/nope")
    with pytest.raises(StoreUnavailableError) as caught:
        load_articles(docs, store)
    assert caught.value.status == 404


@pytest.mark.store
@LOOPBACK_ONLY
def test_unreachable_store_is_unavailable(docs: list[Doc]) -> None:
    store = GraphStoreProtocolStore(f"http://127.0.0.1:{_free_port()}/store", timeout=2)
    with pytest.raises(StoreUnavailableError, match="refused") as caught:
        load_articles(docs, store)
    assert caught.value.status is None and "\n" not in str(caught.value)


@pytest.mark.parametrize("on_disk", [False, True])
def test_oxigraph_replacing_changed_content_leaves_exactly_the_new_graph(
    tmp_path: Path, on_disk: bool
) -> None:
    store = OxigraphStore(tmp_path / "db" if on_disk else None)
    g, h = "https://ex.org/g#article", "https://ex.org/h#article"
    old = '<https://ex.org/s> <https://ex.org/p> "old" .\n<https://ex.org/s> <https://ex.org/q> "kept" .\n'
    new = '<https://ex.org/s> <https://ex.org/p> "new" .\n<https://ex.org/s> <https://ex.org/q> "kept" .\n'
    blank = '_:b0 <https://ex.org/p> "x" .\n'
    store.replace_graphs([(g, old), (h, blank)])
    store.replace_graphs([(g, new), (h, blank + '_:b1 <https://ex.org/p> "y" .\n')])
    rows = store.select(f"SELECT ?p ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} ORDER BY ?o")
    assert [row["o"] for row in rows] == ["kept", "new"]
    assert store.count_triples(h) == 2
    store.replace_graph(g, "")
    assert store.count_triples() == 2
    store.close()


class _Picky(MemoryStore):
    """Refuses one graph, or is down after ``down_after`` batches; notes the writing threads."""

    def __init__(self, refused: str = "", down_after: int | None = None) -> None:
        super().__init__()
        self.refused, self.down_after, self.batches = refused, down_after, 0
        self.threads: set[str] = set()

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        if graph_iri == self.refused:
            raise StoreError(self.endpoint, "refused")
        super().replace_graph(graph_iri, ntriples)

    def replace_graphs(self, graphs: Any) -> None:
        import threading

        self.threads.add(threading.current_thread().name)
        self.batches += 1
        if self.down_after is not None and self.batches > self.down_after:
            raise StoreUnavailableError(self.endpoint, "down")
        pairs = list(graphs)
        if any(g == self.refused for g, _ in pairs):
            raise StoreError(self.endpoint, "refused")
        for pair in pairs:
            super().replace_graph(*pair)


def test_batches_are_written_in_the_background_and_failures_still_count(
    docs: list[Doc],
) -> None:
    articles = [dict(docs[i % len(docs)], **{"@id": f"https://ex.org/{i}#a"}) for i in range(10)]
    store = _Picky(refused="https://ex.org/4#a")
    result = load_articles(articles, store, batch_size=3)
    assert (result.loaded, result.failed) == (9, 1)
    assert result.failures[0].source == articles[4]["url"]
    assert len(store.graphs) == 9 and any(t.startswith("load") for t in store.threads)
    down = _Picky(down_after=1)
    with pytest.raises(StoreUnavailableError):
        load_articles(articles, down, batch_size=3)
    assert len(down.graphs) == 3  # the first batch; nothing after the store went down


@pytest.mark.store
@LOOPBACK_ONLY
def test_server_runs_overlap_and_end_as_one_by_one_would(
    empty_server: str, docs: list[Doc]
) -> None:
    """Runs of two graphs: while the server loads one, the next is compared here. New,
    changed and unchanged graphs end exactly as the embedded store leaves them; a bad article
    in a later run fails the call (the loader then goes one by one), and no graph is left
    partial."""
    pairs = [(d["@id"], to_ntriples(triples(d))) for d in docs]
    shifted = [(g, pairs[(i + 1) % len(pairs)][1]) for i, (g, _) in enumerate(pairs)]
    with OxigraphServerStore(empty_server, pipeline_graphs=2) as store:
        store.replace_graphs(pairs[: len(pairs) // 2])
        store.replace_graphs(shifted)  # some stored (changed), some new
        embedded = OxigraphStore()
        embedded.replace_graphs(pairs[: len(pairs) // 2])
        embedded.replace_graphs(shifted)
        counts = {g: embedded.count_triples(g) for g, _ in pairs}
        assert {g: store.count_triples(g) for g, _ in pairs} == counts
        bad = ("https://ex.org/bad#article", "<https://ex.org/s> <p> <o> .\n")
        with pytest.raises(StoreError, match=r"ex\.org/bad"):
            store.replace_graphs([*pairs, bad])
        assert store.count_triples("https://ex.org/bad#article") == 0
        for graph, _ in pairs:  # each graph holds its old content or its new one, whole
            assert store.count_triples(graph) in (counts[graph], embedded_count(pairs, graph))


def embedded_count(pairs: list[tuple[str, str]], graph: str) -> int:
    return dict(pairs)[graph].count("\n")
