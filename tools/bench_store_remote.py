"""Loading into remote SPARQL servers, each figure beside the server's own limit, in one run.

Oxigraph server (``oxigraph serve`` from the PyPI wheel, on 127.0.0.1):
  bulk POST   the server's own bulk-load path: the same N-Quads, one POST to
              ``/store?no_transaction`` (its bulk loader, about twice the transactional POST),
              into an empty store (the limit: nothing is replaced; ``lenient`` on neither side).
  ours        ``load_articles`` into ``http://HOST:PORT`` (per batch of 1,000: a query for what
              the graphs hold, an update deleting what they lose, one N-Quads POST to
              ``/store?no_transaction``; the next batch converted while one is in flight), from
              JSON-LD (our N-Triples emitter included, in this one process), first into an
              empty store (cold), then again with the same articles (warm), then replacing
              every graph's content; and from ready N-Triples (``replace_graphs``).
  own replace the server's own fastest replace of every graph: one update per 1,000 graphs
              dropping them, then the bulk POST (the limit while replacing).
  ours update ``update:http://HOST:PORT/update`` (DROP SILENT + INSERT DATA, one request a batch).
  rdflib      rdflib's ``SPARQLUpdateStore`` doing the same load with the same replacing
              semantics (each article's graph ``DROP SILENT`` then its triples added with
              ``addN``), autocommit off and one ``commit`` per 1,000 articles, our batch: the
              best batching its API allows (``commit`` sends every queued operation in one
              update request); and as its API is meant (a ``Dataset`` on the store, autocommit,
              each graph parsed into: two requests an article). rdflib gets ready N-Triples
              (parsed by rdflib), ours JSON-LD; on the first ``--rdflib-articles``, ours on the
              same articles beside them. Its ceiling is the server's: rdflib batched already
              reaches about a third of the bulk POST, so no loader can be 10x it on this server.
Virtuoso (``virtuoso-t`` from the Debian package, when installed), started as the tests do:
  bulk loader Virtuoso's own: ``ld_dir`` + ``rdf_loader_run`` + ``checkpoint`` over the same
              N-Quads in one ``.nq`` file, through isql (isql's start-up included).
  ours gsp    ``gsp:.../sparql-graph-crud-auth`` with Digest auth (PUTs, 4 in flight).
  ours update ``update:.../sparql-auth`` with Digest auth.
Conversion (input -> JSON-LD) is not timed: ``tools/bench.py`` measures it. Each load goes
into a server emptied first; triple counts are checked equal before any figure is printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.servers: Virtuoso

from generate import corpus

from jsonld_news.jsonld import to_jsonld
from jsonld_news.load import load_articles
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.rdf import to_ntriples, triples
from jsonld_news.stores import GraphStoreProtocolStore, OxigraphServerStore, SparqlUpdateStore
from jsonld_news.stores.sparql import nquads

OPTIONS = Options(recognize_entities=False)
Doc = dict[str, Any]
ARTICLE_GRAPHS = 'FILTER(STRSTARTS(STR(?g), "https://"))'
COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {ARTICLE_GRAPHS} }}"


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) the process has used: steadier than wall time when other
    work shares the machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def count(store: OxigraphServerStore | GraphStoreProtocolStore | SparqlUpdateStore) -> int:
    return int(store.select(COUNT)[0]["n"])


def ours(docs: list[Doc], store: Any) -> None:
    result = load_articles(docs, store)
    assert result.ok, result.failures[:3]


def rdflib_load(pairs: list[tuple[str, str]], query: str, update: str) -> None:
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    store = SPARQLUpdateStore(query_endpoint=query, update_endpoint=update, autocommit=False)
    try:
        for index, (graph_iri, nt) in enumerate(pairs, 1):
            name = rdflib.URIRef(graph_iri)
            parsed = rdflib.Graph().parse(data=nt, format="nt")
            store.update(f"DROP SILENT GRAPH <{graph_iri}>")
            store.addN((s, p, o, rdflib.Graph(store, identifier=name)) for s, p, o in parsed)
            if index % 1000 == 0:  # the batch ours sends
                store.commit()
        store.commit()
    finally:
        store.close()


def rdflib_per_article(pairs: list[tuple[str, str]], query: str, update: str) -> None:
    """rdflib as its API is meant: a ``Dataset`` on the store, autocommit on, each article's
    graph removed then parsed into (two requests an article)."""
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    store = SPARQLUpdateStore(query_endpoint=query, update_endpoint=update)
    dataset = rdflib.Dataset(store=store)
    try:
        for graph_iri, nt in pairs:
            name = rdflib.URIRef(graph_iri)
            store.update(f"DROP SILENT GRAPH <{graph_iri}>")
            dataset.graph(name).parse(data=nt, format="nt")
    finally:
        store.close()


def line(
    name: str, triples_loaded: int, seconds: float, limit: float | None = None, note: str = ""
) -> float:
    rate = triples_loaded / seconds
    share = f"  {rate / limit:6.0%} of the server's own" if limit else ""
    print(f"  {name:52s} {rate:9.0f} triples/s{share}{note}")
    return rate


def bench_oxigraph(
    docs: list[Doc],
    pairs: list[tuple[str, str]],
    rdflib_articles: int,
    rdflib_rows: bool = True,
    rounds: int = 3,
) -> None:
    """Each figure on a server of its own, started on an empty folder: a store that held and
    dropped earlier runs' data would slow the later ones."""
    from tests.test_stores import _oxigraph_binary, _start_server, _stop

    binary = _oxigraph_binary()
    if binary is None:
        print("  oxigraph server: no binary (pip install oxigraph): skipped")
        return
    total = sum(nt.count("\n") for _, nt in pairs)
    few, few_docs = pairs[:rdflib_articles], docs[:rdflib_articles]
    few_total = sum(nt.count("\n") for _, nt in few)

    def fresh(
        *loads: Callable[[str, OxigraphServerStore], object], expect: int | list[int]
    ) -> list[float]:
        """Seconds of each load, one after the other, on one new server (its CPU seconds for
        each kept in ``cpu``)."""
        with tempfile.TemporaryDirectory() as folder:
            process, base = _start_server(binary, Path(folder))
            try:
                with OxigraphServerStore(base, timeout=600) as store:
                    times = []
                    counts = expect if isinstance(expect, list) else [expect] * len(loads)
                    for load, wanted in zip(loads, counts, strict=True):
                        before = server_cpu(process.pid)
                        times.append(timed(partial(load, base, store)))
                        cpu.append(server_cpu(process.pid) - before)
                        assert count(store) == wanted
                    return times
            finally:
                _stop(process)

    body = nquads(pairs, "bench").encode()
    cpu: list[float] = []  # the server's CPU seconds of each load, in order

    def bulk(base: str, store: OxigraphServerStore) -> None:
        store.http.request(
            "POST",
            f"{store.endpoint}?no_transaction",
            endpoint=store.endpoint,
            content=body,
            headers={"Content-Type": "application/n-quads"},
        )

    # The same @ids with another article's content: every graph replaced by other triples.
    shifted = [dict(docs[(i + 1) % len(docs)], **{"@id": doc["@id"]}) for i, doc in enumerate(docs)]
    shifted_total = sum(to_ntriples(triples(doc)).count("\n") for doc in shifted)

    def drop_then_bulk(base: str, store: OxigraphServerStore) -> None:
        """The server's own fastest replace: every graph dropped (an update per 1,000), then
        the one bulk POST. Nothing read: it knows nothing was unchanged."""
        for i in range(0, len(pairs), 1000):
            store._update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g, _ in pairs[i : i + 1000]))
        bulk(base, store)

    def loader(subset: list[Doc]) -> Callable[[str, OxigraphServerStore], None]:
        return lambda base, store: ours(subset, store)

    def ready(base: str, store: OxigraphServerStore) -> None:
        for i in range(0, len(pairs), 1000):
            store.replace_graphs(pairs[i : i + 1000])

    def update(base: str, store: OxigraphServerStore) -> None:
        with SparqlUpdateStore(f"{base}/update", timeout=600) as other:
            ours(docs, other)

    def with_rdflib(base: str, store: OxigraphServerStore) -> None:
        rdflib_load(few, f"{base}/query", f"{base}/update")

    def with_rdflib_per_article(base: str, store: OxigraphServerStore) -> None:
        rdflib_per_article(few, f"{base}/query", f"{base}/update")

    # Each row's figure is the median of ``rounds`` rounds, the rows interleaved round by round
    # (a run of one row's rounds would meet one stretch of the machine's noise).
    samples: dict[str, list[tuple[float, float]]] = {}

    def sample(
        names: tuple[str | None, ...],
        *loads: Callable[[str, OxigraphServerStore], object],
        **kw: Any,
    ) -> None:
        """The loads on one new server; each load's (seconds, server CPU) kept under its name
        (None: a load that only prepares the next)."""
        start = len(cpu)
        times = fresh(*loads, **kw)
        for name, seconds, used in zip(names, times, cpu[start:], strict=True):
            if name is not None:
                samples.setdefault(name, []).append((seconds, used))
        del cpu[start:]

    for _ in range(rounds):
        sample(("bulk",), bulk, expect=total)
        sample(("cold", "warm"), loader(docs), loader(docs), expect=total)
        sample((None, "other"), loader(shifted), loader(docs), expect=[shifted_total, total])
        sample((None, "own"), loader(shifted), drop_then_bulk, expect=[shifted_total, total])
        sample(("ready",), ready, expect=total)
    sample(("update",), update, expect=total)

    def median(name: str) -> tuple[float, float]:
        rows = sorted(samples[name])
        return rows[len(rows) // 2]

    (bulk_s, bulk_cpu), (cold_s, cold_cpu), (warm_s, warm_cpu) = map(
        median, ("bulk", "cold", "warm")
    )
    (other_s, other_cpu), (own_replace_s, own_cpu), (ready_s, ready_cpu) = map(
        median, ("other", "own", "ready")
    )
    update_s, update_cpu = median("update")
    print(
        f"  Oxigraph server, {len(pairs)} articles, {total} triples, a new server for each row,"
        f" median of {rounds} rounds (update: one):"
    )

    def note(seconds: float) -> str:
        return f"  (server CPU {seconds:.2f} s)"

    limit = line("bulk POST of the same N-Quads (the limit)", total, bulk_s, note=note(bulk_cpu))
    line("ours, from JSON-LD, empty store (cold)", total, cold_s, limit, note(cold_cpu))
    line("ours, from JSON-LD, reloading unchanged articles", total, warm_s, limit, note(warm_cpu))
    line(
        "ours, from JSON-LD, replacing every graph's content",
        total,
        other_s,
        limit,
        note(other_cpu),
    )
    own = line(
        "DROP each graph + bulk POST (the limit replacing)",
        total,
        own_replace_s,
        limit,
        note(own_cpu),
    )
    line("ours replacing, against that limit", total, other_s, own)
    line("ours, from ready N-Triples (replace_graphs)", total, ready_s, limit, note(ready_cpu))
    line("ours, update: (DROP + INSERT DATA)", total, update_s, limit, note(update_cpu))
    if not rdflib_rows:
        return
    [few_s] = fresh(loader(few_docs), expect=few_total)
    [rdflib_s] = fresh(with_rdflib, expect=few_total)
    [rdflib_each_s] = fresh(with_rdflib_per_article, expect=few_total)
    mine = line(f"ours, from JSON-LD, first {len(few)} articles", few_total, few_s)
    theirs = line(f"rdflib SPARQLUpdateStore, batched, first {len(few)}", few_total, rdflib_s)
    each = line(
        f"rdflib SPARQLUpdateStore, per article, first {len(few)}", few_total, rdflib_each_s
    )
    print(
        f"  ours is {mine / theirs:.1f}x rdflib's SPARQLUpdateStore batched as ours (one commit per"
        f" 1,000 articles), {mine / each:.1f}x it used as its API is meant (autocommit, a graph"
        " parsed into per article)"
    )


def bench_virtuoso(docs: list[Doc], pairs: list[tuple[str, str]]) -> None:
    from tests.servers import Virtuoso, virtuoso_binaries

    found = virtuoso_binaries()
    if found is None:
        print("  Virtuoso: virtuoso-t not installed (Debian virtuoso-opensource): skipped")
        return
    total = sum(nt.count("\n") for _, nt in pairs)
    with tempfile.TemporaryDirectory() as folder:
        server = Virtuoso(*found, folder=Path(folder))
        server.start()
        try:
            server.set_up_loader()

            def empty() -> None:
                server.sql("DELETE FROM DB.DBA.RDF_QUAD WHERE id_to_iri(G) LIKE 'https://%';")

            auth = {"user": server.user, "password": server.password, "timeout": 600}
            gsp = GraphStoreProtocolStore(f"{server.base}/sparql-graph-crud-auth", **auth)  # type: ignore[arg-type]
            update = SparqlUpdateStore(f"{server.base}/sparql-auth", **auth)  # type: ignore[arg-type]
            data = Path(folder) / "load"
            data.mkdir()
            (data / "articles.nq").write_text(nquads(pairs, "bench"), encoding="utf-8")

            def loader() -> None:
                server.sql(f"ld_dir('{data}', '*.nq', 'urn:unused'); rdf_loader_run(); checkpoint;")

            empty()
            bulk_s = timed(loader)
            assert count(update) == total, (count(update), total)
            empty()
            update_s = timed(lambda: ours(docs, update))
            assert count(update) == total
            update_warm_s = timed(lambda: ours(docs, update))
            assert count(update) == total
            empty()
            gsp_s = timed(lambda: ours(docs, gsp))
            assert count(update) == total
            gsp.close()
            update.close()
        finally:
            server.stop()
    print(f"  Virtuoso 7, {len(pairs)} articles, {total} triples:")
    limit = line("its bulk loader (ld_dir + rdf_loader_run)", total, bulk_s)
    line("ours, update: (Digest), empty store", total, update_s, limit)
    line("ours, update: (Digest), replacing every graph", total, update_warm_s, limit)
    line("ours, gsp: (Digest, 4 PUTs in flight)", total, gsp_s, limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--rdflib-articles", type=int, default=300)
    parser.add_argument("--no-virtuoso", action="store_true")
    parser.add_argument("--no-oxigraph", action="store_true")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib rows")
    parser.add_argument("--rounds", type=int, default=3, help="Oxigraph rows: median of N")
    args = parser.parse_args()
    docs = [to_jsonld(convert_bytes(d, "bench", f, OPTIONS)) for d, f in corpus(args.articles)]
    pairs = [(doc["@id"], to_ntriples(triples(doc))) for doc in docs]
    print(
        f"bench_store_remote: {len(docs)} generated articles into one named graph each, servers "
        "on 127.0.0.1, wall time (the Oxigraph server's CPU seconds beside each row)"
    )
    if not args.no_oxigraph:
        bench_oxigraph(
            docs,
            pairs,
            min(args.rdflib_articles, len(pairs)),
            rdflib_rows=not args.no_rdflib,
            rounds=args.rounds,
        )
    if not args.no_virtuoso:
        bench_virtuoso(docs, pairs)


if __name__ == "__main__":
    main()
