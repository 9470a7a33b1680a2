"""``make bench``: the fast path against the naive standard-library pipeline, in one run.

Ours:  input bytes -> Article -> compact JSON-LD -> Turtle + N-Triples -> JSON Schema check.
Naive: the same Article and JSON-LD, then rdflib parses the JSON-LD (pinned context inline),
       serialises Turtle and N-Triples, and jsonschema validates.
Entity recognition is off here (tools/bench_mentions.py measures it): mentions come from input.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import corpus

from jsonld_news.context import pinned_context_document
from jsonld_news.jsonld import to_jsonld
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.rdf import to_ntriples, to_turtle, triples
from jsonld_news.validate.schema import _full_validator, is_valid

OPTIONS = Options(recognize_entities=False)


def ours(data: bytes, fmt: str) -> None:
    doc = to_jsonld(convert_bytes(data, "bench", fmt, OPTIONS))
    found = triples(doc)
    to_turtle(found)
    to_ntriples(found)
    assert is_valid(doc)


def naive(data: bytes, fmt: str) -> None:
    import rdflib

    doc = to_jsonld(convert_bytes(data, "bench", fmt, OPTIONS))
    inline = dict(doc, **{"@context": pinned_context_document()["@context"]})
    graph = rdflib.Graph().parse(data=json.dumps(inline), format="json-ld")
    graph.serialize(format="turtle")
    graph.serialize(format="nt")
    errors = list(_full_validator().iter_errors(doc))
    assert not errors


def rdf_stage_ours(doc: dict[str, Any]) -> None:
    found = triples(doc)
    to_turtle(found)
    to_ntriples(found)
    assert is_valid(doc)


def rdf_stage_naive(doc: dict[str, Any]) -> None:
    import rdflib

    inline = dict(doc, **{"@context": pinned_context_document()["@context"]})
    graph = rdflib.Graph().parse(data=json.dumps(inline), format="json-ld")
    graph.serialize(format="turtle")
    graph.serialize(format="nt")
    assert not list(_full_validator().iter_errors(doc))


def rate(function: Callable[..., None], items: list[Any]) -> tuple[float, float]:
    """(articles per second, median ms per article), timed per item."""
    times = []
    start = time.perf_counter()
    for item in items:
        t0 = time.perf_counter()
        function(*item)
        times.append(time.perf_counter() - t0)
    total = time.perf_counter() - start
    return len(items) / total, statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--naive-articles", type=int, default=300)
    args = parser.parse_args()
    items = corpus(args.articles)
    ours(*items[0])  # warm caches (context table, compiled schema, language model)
    naive(*items[1])
    docs = [(to_jsonld(convert_bytes(d, "bench", f, OPTIONS)),) for d, f in items]
    words = statistics.mean(len(d[0].get("articleBody", "").split()) for d in docs)
    print(f"bench: {len(items)} generated articles, {words:.0f} words on average, one core")
    compare("end-to-end", ours, naive, items, args.naive_articles, target="  (target >= 30x)")
    compare("RDF+schema", rdf_stage_ours, rdf_stage_naive, docs, args.naive_articles)


def compare(
    label: str,
    fast: Callable[..., None],
    slow: Callable[..., None],
    items: list[Any],
    slow_count: int,
    target: str = "",
) -> None:
    """One line: both rates, both medians, their ratio; the slow side on the first items only."""
    fast_rate, fast_ms = rate(fast, items)
    slow_rate, slow_ms = rate(slow, items[:slow_count])
    print(
        f"{label:10s}  ours {fast_rate:8.0f} articles/s ({fast_ms:.3f} ms median)   "
        f"naive {slow_rate:6.0f} articles/s ({slow_ms:.2f} ms median)   "
        f"ratio {fast_rate / slow_rate:5.1f}x{target}"
    )


if __name__ == "__main__":
    main()
