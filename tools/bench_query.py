"""`jsonld-news query` over many articles in the embedded store, beside pyoxigraph's own.

Corpus: ``--articles`` (default 100,000) distinct generated NewsArticles, in the shape our
JSON-LD has (headline, description, datePublished, author, publisher, 3-8 mentions drawn from a
skewed pool of 20,000 people, places and organisations, each node with its type and name),
turned into N-Triples by our emitter before any clock starts (the conversion workers' part of
a load; ``tools/bench.py`` times it). Seeded: every run measures the same inputs.

Timed, wall clock, on a fresh on-disk store each:
- load: our loader (``load_articles``' store stage: batches into ``OxigraphStore``, provenance
  off, as ``bench_store``) beside pyoxigraph's ``bulk_load`` of the same N-Quads;
- the top-mentions query of issue 8 through ``jsonld_news.query`` (prefixes added, answer as
  SPARQL JSON) beside the same query text given to pyoxigraph's ``Store.query`` on the store it
  bulk-loaded (default graph as union, as ours); first run (cold) and a second (warm).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from jsonld_news.load import DEFAULT_BATCH_SIZE, _Loader, _Ready
from jsonld_news.rdf import to_nquads, to_ntriples, triples
from jsonld_news.sparql import query, with_prefixes
from jsonld_news.stores import OxigraphStore

# Within each article's graph: the default graph is the union of the article graphs, where an
# entity's name triple is there once per article naming it, so the pattern without GRAPH
# matches it once per article for each mention (counts squared, time with them).
TOP_MENTIONS = (
    "SELECT ?name (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a schema:mentions ?e . "
    "?e schema:name ?name } } GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 10"
)
KINDS = (("person", "Person"), ("place", "Place"), ("organization", "Organization"))


def articles(count: int, pool: int = 20_000, seed: int = 8) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    entities = []
    for n in range(pool):
        kind, schema_type = KINDS[n % 3]
        name = f"{schema_type} {n:05d}"
        entities.append({"@type": schema_type, "@id": f"urn:jsonld-news:{kind}/e{n}", "name": name})
    weights = [1 / (rank + 1) for rank in range(pool)]  # a few are in the news every day
    docs = []
    for n in range(count):
        day = 1 + n % 28
        mentioned = {id(e): e for e in rng.choices(entities, weights, k=rng.randint(3, 8))}
        docs.append(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "@id": f"https://news.example/{n // 1000}/story-{n}#article",
                "headline": f"Story {n}: {rng.random():.6f}",
                "description": f"What happened on day {day}, told in story {n}.",
                "url": f"https://news.example/{n // 1000}/story-{n}",
                "datePublished": f"2024-{1 + n % 12:02d}-{day:02d}T{n % 24:02d}:00:00Z",
                "author": [
                    {
                        "@type": "Person",
                        "@id": f"urn:jsonld-news:person/r{n % 300}",
                        "name": f"Reporter {n % 300}",
                    }
                ],
                "publisher": {
                    "@type": "NewsMediaOrganization",
                    "@id": "https://news.example/#org",
                    "name": "News Example",
                },
                "mentions": list(mentioned.values()),
            }
        )
    return docs


def timed_load(ready: list[_Ready], folder: Path) -> tuple[float, OxigraphStore]:
    store = OxigraphStore(folder)
    loader = _Loader(store, DEFAULT_BATCH_SIZE, None)
    start = time.perf_counter()
    for item in ready:
        loader.add(item)
    loader.flush()
    store.native.flush()
    assert loader.result.ok
    return time.perf_counter() - start, store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    import pyoxigraph

    docs = articles(args.articles)
    ready = [_Ready(d["@id"], d["@id"], to_ntriples(triples(d))) for d in docs]
    nquads = "".join(to_nquads(triples(d), d["@id"]) for d in docs)
    count = nquads.count("\n")
    del docs
    print(
        f"bench_query: {args.articles:,} generated articles, {count:,} triples, embedded Oxigraph "
        "on disk, wall time"
    )
    with tempfile.TemporaryDirectory() as tmp:
        bulk = pyoxigraph.Store(f"{tmp}/bulk")
        start = time.perf_counter()
        bulk.bulk_load(nquads, pyoxigraph.RdfFormat.N_QUADS)
        bulk.flush()
        bulk_s = time.perf_counter() - start
        ours_s, store = timed_load(ready, Path(tmp) / "ours")
        print(
            f"  load   ours {ours_s:7.1f} s ({count / ours_s:9,.0f} triples/s)   pyoxigraph "
            f"bulk_load {bulk_s:7.1f} s ({count / bulk_s:9,.0f} triples/s)   ours = "
            f"{bulk_s / ours_s:4.0%} of it"
        )
        store.close()
        text = with_prefixes(TOP_MENTIONS)[0]
        for run in ("cold", "warm"):
            start = time.perf_counter()
            answer = query(TOP_MENTIONS, store=f"oxigraph:{tmp}/ours")
            ours_q = time.perf_counter() - start
            start = time.perf_counter()
            solutions = bulk.query(text, use_default_graph_as_union=True)
            assert isinstance(solutions, pyoxigraph.QuerySolutions)
            theirs = list(solutions)
            base_q = time.perf_counter() - start
            assert isinstance(answer, dict)
            rows = answer["results"]["bindings"]
            assert [r["n"]["value"] for r in rows] == [str(s["n"].value) for s in theirs]
            print(
                f"  top-mentions query ({run}) ours {ours_q * 1000:8.0f} ms (store opened, "
                f"prefixes added, SPARQL JSON)   pyoxigraph Store.query {base_q * 1000:8.0f} ms"
            )
        top = rows[0] if rows else None
        if top:
            print(f"  most mentioned: {top['name']['value']} in {top['n']['value']} articles")


if __name__ == "__main__":
    main()
