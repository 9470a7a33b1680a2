"""The best a user can do with standard tools to turn our compact JSON-LD into RDF, offline.

Shared by the benchmarks, so every figure is measured against the same baselines:

- ``rdflib_graph``: rdflib's JSON-LD parser with the pinned schema.org context loaded once into
  one rdflib ``Context``, reused for every document (rdflib would otherwise re-read the 211 KB
  context for each one);
- ``pyld_nquads``: pyld ``to_rdf`` with a document loader that returns the pinned context from
  memory (pyld caches the contexts it resolves);
- ``oxigraph_triples``: pyoxigraph's own JSON-LD parser, the context inline (the only way it
  reads one offline);
- ``rdflib_naive_graph``: the old baseline, rdflib reading the inline context per document, for
  reference only.

Each reads the document as the ``jsonld`` output publishes it (``jsonld.explicit``: typed
dates, IRIs as node references), the JSON-LD whose graph our RDF outputs are; that step is
timed with them, as a user starting from our in-memory document would have to take it too.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonld_news.context import document_loader, pinned_context_document
from jsonld_news.jsonld import explicit

Doc = dict[str, Any]


@cache
def _rdflib_context() -> Any:
    from rdflib.plugins.shared.jsonld.context import Context

    context = Context()
    context.load(pinned_context_document()["@context"])
    return context


def _body(doc: Doc) -> Doc:
    return {k: v for k, v in explicit(doc).items() if k != "@context"}


def rdflib_graph(doc: Doc, graph: Any = None) -> Any:
    """``doc``'s triples added to ``graph`` (a new ``rdflib.Graph`` by default)."""
    import rdflib
    from rdflib.plugins.parsers.jsonld import Parser

    graph = rdflib.Graph() if graph is None else graph
    Parser().parse(_body(doc), _rdflib_context(), graph)
    return graph


def pyld_nquads(doc: Doc) -> str:
    from pyld import jsonld

    return str(
        jsonld.to_rdf(
            explicit(doc), {"format": "application/n-quads", "documentLoader": document_loader}
        )
    )


@cache
def _inline_context() -> str:
    return json.dumps(pinned_context_document()["@context"])


def oxigraph_inline(doc: Doc) -> str:
    """``doc`` as JSON text with the pinned context inline."""
    return '{"@context": ' + _inline_context() + ", " + json.dumps(_body(doc))[1:]


def oxigraph_triples(doc: Doc) -> list[Any]:
    import pyoxigraph

    parsed = pyoxigraph.parse(oxigraph_inline(doc), format=pyoxigraph.RdfFormat.JSON_LD)
    return [quad.triple for quad in parsed]


def rdflib_naive_graph(doc: Doc) -> Any:
    import rdflib

    inline = dict(explicit(doc), **{"@context": pinned_context_document()["@context"]})
    return rdflib.Graph().parse(data=json.dumps(inline), format="json-ld")
