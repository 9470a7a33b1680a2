"""``make bench``: our RDF path against the best a user can do with standard tools, in one run.

Every side does the same work on the same generated articles: input bytes -> Article (our
readers and enrichers, entity recognition on as `convert` has it by default) -> compact JSON-LD
-> Turtle + N-Triples -> the same JSON Schema check (fastjsonschema, compiled once). Only the
JSON-LD -> RDF step differs:

  ours          ``jsonld_news.rdf``: a direct emitter that knows our document shape;
  rdflib        rdflib's JSON-LD parser with the pinned schema.org context loaded once into one
                ``Context`` and reused for every article; rdflib serialises both syntaxes;
  pyld          pyld ``to_rdf`` with a document loader that returns the pinned context from
                memory (pyld caches what it resolves); rdflib reads its N-Triples and writes
                Turtle;
  pyoxigraph    pyoxigraph's own JSON-LD parser, the context inline (its only offline way) and
                its serialisers;
  rdflib-naive  for reference only, the old baseline: rdflib reading the inline 211 KB context
                for every article.

The baselines' graphs are checked to equal ours, triple for triple, before anything is timed.
Times are CPU time per article (single-threaded work; wall time on a shared machine measures the
neighbours): median, and articles per second over the whole run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baselines import oxigraph_triples, pyld_nquads, rdflib_graph, rdflib_naive_graph
from generate import corpus

from jsonld_news.jsonld import to_jsonld
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.rdf import to_ntriples, to_turtle, triples
from jsonld_news.validate.schema import is_valid

Doc = dict[str, Any]
MENTIONS_ON = Options()
MENTIONS_OFF = Options(recognize_entities=False)


# --- JSON-LD -> Turtle + N-Triples + schema check, one function per side --------------------


def rdf_ours(doc: Doc) -> tuple[str, str]:
    found = triples(doc)
    out = to_turtle(found), to_ntriples(found)
    assert is_valid(doc)
    return out


def rdf_rdflib(doc: Doc) -> tuple[str, str]:
    graph = rdflib_graph(doc)
    out = graph.serialize(format="turtle"), graph.serialize(format="nt")
    assert is_valid(doc)
    return out


def rdf_pyld(doc: Doc) -> tuple[str, str]:
    import rdflib

    nt = pyld_nquads(doc)
    graph = rdflib.Graph().parse(data=nt, format="nt")
    out = graph.serialize(format="turtle"), nt
    assert is_valid(doc)
    return out


def rdf_pyoxigraph(doc: Doc) -> tuple[str, str]:
    import pyoxigraph

    found = oxigraph_triples(doc)
    turtle = pyoxigraph.serialize(found, format=pyoxigraph.RdfFormat.TURTLE)
    nt = pyoxigraph.serialize(found, format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert is_valid(doc) and turtle is not None and nt is not None
    return turtle.decode(), nt.decode()


def rdf_rdflib_naive(doc: Doc) -> tuple[str, str]:
    graph = rdflib_naive_graph(doc)
    out = graph.serialize(format="turtle"), graph.serialize(format="nt")
    assert is_valid(doc)
    return out


BASELINES: dict[str, Callable[[Doc], tuple[str, str]]] = {
    "rdflib": rdf_rdflib,
    "pyld": rdf_pyld,
    "pyoxigraph": rdf_pyoxigraph,
    "rdflib-naive": rdf_rdflib_naive,
}


def same_graph(doc: Doc) -> None:
    """Each baseline's N-Triples mean the graph ours do, or the comparison means nothing."""
    import rdflib

    def graph(nt: str) -> set[Any]:
        return set(rdflib.Graph().parse(data=nt, format="nt"))

    ours = graph(rdf_ours(doc)[1])
    for name, function in BASELINES.items():
        theirs = graph(function(doc)[1])
        assert theirs == ours, f"{name}: {len(theirs ^ ours)} triples differ from ours"


# --- timing ---------------------------------------------------------------------------------


def cpu_ms(function: Callable[..., object], items: list[Any]) -> tuple[float, float]:
    """(articles per CPU second over the run, median CPU ms per article)."""
    times = []
    for item in items:
        start = time.process_time()
        function(*item)
        times.append(time.process_time() - start)
    return len(items) / max(sum(times), 1e-9), statistics.median(times) * 1000


def end_to_end(rdf: Callable[[Doc], object], options: Options) -> Callable[[bytes, str], None]:
    def run(data: bytes, fmt: str) -> None:
        rdf(to_jsonld(convert_bytes(data, "bench", fmt, options)))

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--baseline-articles", type=int, default=200)
    args = parser.parse_args()
    items = corpus(args.articles)
    few = items[: args.baseline_articles]
    docs = [(to_jsonld(convert_bytes(d, "bench", f, MENTIONS_ON)),) for d, f in items]
    for (doc,) in docs[:5]:
        same_graph(doc)  # also warms every side: imports, contexts, compiled schema, caches
    words = statistics.mean(len(d[0].get("articleBody", "").split()) for d in docs)
    print(
        f"bench: {len(items)} generated articles ({words:.0f} words on average; baselines on the "
        f"first {len(few)}), CPU time, one core; every graph checked equal to ours"
    )

    ours_rate, ours_ms = cpu_ms(end_to_end(rdf_ours, MENTIONS_ON), items)
    off_rate, off_ms = cpu_ms(end_to_end(rdf_ours, MENTIONS_OFF), items)
    print(
        "end-to-end: input -> JSON-LD + Turtle + N-Triples + JSON Schema check, mentions on "
        "(the `convert` default)"
    )
    print(f"  {'ours':13s} {ours_ms:7.2f} ms median  {ours_rate:6.0f} articles/s")
    for name, function in BASELINES.items():
        rate, ms = cpu_ms(end_to_end(function, MENTIONS_ON), few)
        note = "  (for reference: context re-read per article)" if name.endswith("naive") else ""
        print(
            f"  {name:13s} {ms:7.2f} ms median  {rate:6.0f} articles/s   "
            f"ours is {ours_rate / rate:5.1f}x faster{note}"
        )
    print(f"  {'ours, no NER':13s} {off_ms:7.2f} ms median  {off_rate:6.0f} articles/s")

    print("RDF + schema stage alone: compact JSON-LD -> Turtle + N-Triples + JSON Schema check")
    stage_rate, stage_ms = cpu_ms(rdf_ours, docs)
    print(f"  {'ours':13s} {stage_ms:7.3f} ms median  {stage_rate:6.0f} articles/s")
    for name, function in BASELINES.items():
        rate, ms = cpu_ms(function, docs[: len(few)])
        print(
            f"  {name:13s} {ms:7.3f} ms median  {rate:6.0f} articles/s   "
            f"ours is {stage_rate / rate:5.1f}x faster"
        )


if __name__ == "__main__":
    main()
