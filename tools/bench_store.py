"""Loading articles into a store, each figure beside its baselines, in one run.

Ours:      compact JSON-LD -> our N-Triples emitter -> embedded Oxigraph, one named graph per
           article, batched (``jsonld_news.load.load_articles``), in memory and on disk.
rdflib:    the same JSON-LD, rdflib's JSON-LD parser with the pinned context loaded once
           (``tools/baselines.py``) into the article's named graph of an rdflib ``Dataset``.
pyoxigraph: Oxigraph's own JSON-LD parser, one ``load`` per article into its named graph (the
           context inline: its only offline way).
rdflib-naive: for reference, rdflib reading the inline context for every article.
Conversion (input -> JSON-LD) is not timed: ``tools/bench.py`` measures it.

Against the store's own limit (issue 8): pyoxigraph's ``Store.bulk_load`` of the same N-Quads
(every article's graph, one document) beside our loader's store stage (the N-Triples the
conversion workers hand over, batched into ``OxigraphStore.replace_graphs``), in memory and
on disk, triples/s, each on a fresh store, median of 5 alternating rounds; and beside them our
whole load from JSON-LD in one process (the N-Triples emitter included).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baselines import oxigraph_inline, rdflib_graph
from generate import corpus

from jsonld_news.context import pinned_context_document
from jsonld_news.jsonld import explicit, to_jsonld
from jsonld_news.load import DEFAULT_BATCH_SIZE, _Loader, _Ready, load_articles
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.rdf import to_nquads, to_ntriples, triples
from jsonld_news.stores import OxigraphStore, Store

OPTIONS = Options(recognize_entities=False)
Doc = dict[str, Any]


def ours(docs: list[Doc], store: Store) -> int:
    result = load_articles(docs, store)
    assert result.ok, result.failures[:3]
    return store.count_triples()


def with_rdflib(docs: list[Doc], parse: Callable[[Doc, Any], object]) -> int:
    import rdflib

    dataset = rdflib.Dataset()
    for doc in docs:
        name = rdflib.URIRef(doc["@id"])
        dataset.remove_graph(name)  # replace, as ours does
        parse(doc, dataset.graph(name))
    return sum(len(dataset.graph(rdflib.URIRef(doc["@id"]))) for doc in docs)


def rdflib_cached(docs: list[Doc]) -> int:
    return with_rdflib(docs, rdflib_graph)


def rdflib_naive(docs: list[Doc]) -> int:
    context = pinned_context_document()["@context"]

    def parse(doc: Doc, graph: Any) -> object:
        inline = dict(explicit(doc), **{"@context": context})
        return graph.parse(data=json.dumps(inline), format="json-ld")

    return with_rdflib(docs, parse)


def oxigraph_jsonld(docs: list[Doc]) -> int:
    import pyoxigraph

    store = pyoxigraph.Store()
    for doc in docs:
        name = pyoxigraph.NamedNode(doc["@id"])
        store.remove_graph(name)
        store.load(oxigraph_inline(doc), pyoxigraph.RdfFormat.JSON_LD, to_graph=name)
    return len(store)


def bulk_limit(docs: list[Doc], rounds: int = 5) -> None:
    """Our store stage and our whole load, each beside pyoxigraph's own bulk load."""
    import statistics

    import pyoxigraph

    ready = [_Ready(d["@id"], d["@id"], to_ntriples(triples(d))) for d in docs]
    nquads = "".join(to_nquads(triples(d), d["@id"]) for d in docs)
    count = nquads.count("\n")

    def bulk(path: str | None) -> float:
        store = pyoxigraph.Store(path)
        start = time.perf_counter()
        store.bulk_load(nquads, pyoxigraph.RdfFormat.N_QUADS)
        if path is not None:
            store.flush()
        elapsed = time.perf_counter() - start
        assert len(store) == count
        return count / elapsed

    def stage(path: str | None) -> float:
        store = OxigraphStore(path)
        loader = _Loader(store, DEFAULT_BATCH_SIZE, None)
        start = time.perf_counter()
        for item in ready:
            loader.add(item)
        loader.flush()
        if path is not None:
            store.native.flush()
        elapsed = time.perf_counter() - start
        assert store.count_triples() == count and loader.result.ok
        store.close()
        return count / elapsed

    def whole(path: str | None) -> float:
        store = OxigraphStore(path)
        start = time.perf_counter()
        assert load_articles(docs, store).ok
        elapsed = time.perf_counter() - start
        store.close()
        return count / elapsed

    print(f"  against the store's own limit: {count:,} triples, median of {rounds} rounds")
    for where in ("in memory", "on disk"):
        rates: dict[str, list[float]] = {"bulk": [], "stage": [], "whole": []}
        for _ in range(rounds):
            for name, function in (("bulk", bulk), ("stage", stage), ("whole", whole)):
                with tempfile.TemporaryDirectory() as folder:
                    rates[name].append(function(None if where == "in memory" else folder))
        bulk_rate, stage_rate, whole_rate = (statistics.median(rates[k]) for k in rates)
        print(
            f"  {where:9s} pyoxigraph bulk_load {bulk_rate:9,.0f} triples/s | ours, store stage "
            f"{stage_rate:9,.0f} triples/s = {stage_rate / bulk_rate:4.0%} of it | ours from "
            f"JSON-LD, one process {whole_rate:9,.0f} triples/s = {whole_rate / bulk_rate:4.0%}"
        )


def timed(function: Callable[[], int], count: int) -> tuple[float, int]:
    """(articles per second, triples loaded)."""
    start = time.perf_counter()
    loaded = function()
    return count / (time.perf_counter() - start), loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--naive-articles", type=int, default=300)
    args = parser.parse_args()
    docs = [to_jsonld(convert_bytes(d, "bench", f, OPTIONS)) for d, f in corpus(args.articles)]
    few = docs[: args.naive_articles]
    rdflib_cached(few[:2])  # warm rdflib's JSON-LD parser and the context
    rdflib_naive(few[:2])
    oxigraph_jsonld(few[:2])
    print(
        f"bench_store: {len(docs)} generated articles into one named graph each (baselines on "
        f"the first {len(few)}), one core, wall time"
    )

    memory_rate, memory_triples = timed(lambda: ours(docs, OxigraphStore()), len(docs))
    with tempfile.TemporaryDirectory() as folder:
        disk = OxigraphStore(folder)
        disk_rate, disk_triples = timed(lambda: ours(docs, disk), len(docs))
        reload_rate, reload_triples = timed(lambda: ours(docs, disk), len(docs))
        disk.close()
    baselines = {
        "rdflib": timed(lambda: rdflib_cached(few), len(few)),
        "pyoxigraph": timed(lambda: oxigraph_jsonld(few), len(few)),
        "rdflib-naive": timed(lambda: rdflib_naive(few), len(few)),
    }

    # Same graphs, or the comparison means nothing: ours on the subset must match each.
    mine = ours(few, OxigraphStore())
    for name, (_, loaded) in baselines.items():
        assert loaded == mine, f"ours and {name} disagree on the triple count"
    assert memory_triples == disk_triples == reload_triples
    print(f"  ours, oxigraph in memory {memory_rate:7.0f} articles/s")
    print(
        f"  ours, oxigraph on disk   {disk_rate:7.0f} articles/s   "
        f"(reload, replacing every graph: {reload_rate:.0f} articles/s)"
    )
    for name, (rate, _) in baselines.items():
        note = "   (for reference: context re-read per article)" if "naive" in name else ""
        print(
            f"  {name:24s} {rate:7.0f} articles/s   ours in memory {memory_rate / rate:5.1f}x, "
            f"on disk {disk_rate / rate:5.1f}x faster{note}"
        )
    print(f"  {memory_triples / len(docs):.0f} triples per article")
    bulk_limit(docs)


if __name__ == "__main__":
    main()
