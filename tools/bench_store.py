"""Loading articles into a store, each figure beside its naive baseline, in one run.

Ours:  compact JSON-LD -> our N-Triples emitter -> embedded Oxigraph, one named graph per
       article, batched (``jsonld_news.load.load_articles``), in memory and on disk.
Naive: the same JSON-LD, rdflib parses it (pinned schema.org context inline, never fetched)
       into the article's named graph of an rdflib ``Dataset``.
Also:  Oxigraph's own JSON-LD parser, one ``load`` per article (same inline context).
Conversion (input -> JSON-LD) is not timed: ``tools/bench.py`` measures it.
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

from generate import corpus

from jsonld_news.context import pinned_context_document
from jsonld_news.jsonld import to_jsonld
from jsonld_news.load import load_articles
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.stores import OxigraphStore, Store

OPTIONS = Options(recognize_entities=False)
Doc = dict[str, Any]


def ours(docs: list[Doc], store: Store) -> int:
    result = load_articles(docs, store)
    assert result.ok, result.failed[:3]
    return store.count_triples()


def naive(docs: list[Doc]) -> int:
    import rdflib

    context = pinned_context_document()["@context"]
    dataset = rdflib.Dataset()
    for doc in docs:
        name = rdflib.URIRef(doc["@id"])
        dataset.remove_graph(name)  # replace, as ours does
        inline = dict(doc, **{"@context": context})
        dataset.graph(name).parse(data=json.dumps(inline), format="json-ld")
    return sum(len(dataset.graph(rdflib.URIRef(doc["@id"]))) for doc in docs)


def oxigraph_jsonld(docs: list[Doc]) -> int:
    import pyoxigraph

    context = pinned_context_document()["@context"]
    store = pyoxigraph.Store()
    for doc in docs:
        name = pyoxigraph.NamedNode(doc["@id"])
        store.remove_graph(name)
        inline = json.dumps(dict(doc, **{"@context": context}))
        store.load(inline, pyoxigraph.RdfFormat.JSON_LD, to_graph=name)
    return len(store)


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
    naive(few[:2])  # warm rdflib's JSON-LD parser and the context
    print(f"bench_store: {len(docs)} generated articles into one named graph each, one core")

    memory_rate, memory_triples = timed(lambda: ours(docs, OxigraphStore()), len(docs))
    with tempfile.TemporaryDirectory() as folder:
        disk = OxigraphStore(folder)
        disk_rate, disk_triples = timed(lambda: ours(docs, disk), len(docs))
        reload_rate, reload_triples = timed(lambda: ours(docs, disk), len(docs))
        disk.close()
    naive_rate, naive_triples = timed(lambda: naive(few), len(few))
    oxjson_rate, _ = timed(lambda: oxigraph_jsonld(few), len(few))

    # Same graphs, or the comparison means nothing: ours on the naive subset must match.
    assert ours(few, OxigraphStore()) == naive_triples, "ours and rdflib disagree on triples"
    assert memory_triples == disk_triples == reload_triples
    print(
        f"oxigraph in memory  ours {memory_rate:7.0f} articles/s   "
        f"naive rdflib {naive_rate:5.0f} articles/s   ratio {memory_rate / naive_rate:5.1f}x"
    )
    print(
        f"oxigraph on disk    ours {disk_rate:7.0f} articles/s   "
        f"(reload, replacing every graph: {reload_rate:.0f} articles/s)   "
        f"ratio {disk_rate / naive_rate:5.1f}x"
    )
    print(
        f"for reference       oxigraph's JSON-LD parser {oxjson_rate:5.0f} articles/s; "
        f"{memory_triples / len(docs):.0f} triples per article"
    )


if __name__ == "__main__":
    main()
