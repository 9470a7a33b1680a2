"""Output formats. JSON-LD comes from ``jsonld``; every RDF format from the fast ``rdf`` emitter,
except RDF/XML and the expanded/flattened JSON-LD forms, which standard libraries write."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from jsonld_news.context import CONTEXT_IRI, document_loader
from jsonld_news.errors import UnsupportedOutputError
from jsonld_news.jsonld import explicit
from jsonld_news.rdf import Triple, to_nquads, to_ntriples, to_turtle, triples

Document = Mapping[str, Any]


class _Source:
    """One document being rendered; its triples are computed once, on first use. ``doc`` is
    the plain document (the SEO block's), ``published`` its explicit form (``jsonld.explicit``):
    what the JSON-LD outputs write and every RDF output means."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._triples: list[Triple] | None = None
        self._published: dict[str, Any] | None = None

    @property
    def published(self) -> dict[str, Any]:
        if self._published is None:
            self._published = explicit(dict(self.doc))
        return self._published

    @property
    def triples(self) -> list[Triple]:
        if self._triples is None:
            self._triples = triples(self.doc)
        return self._triples


def _jsonld(source: _Source) -> str:
    doc = source.published
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _pyld_options() -> dict[str, Any]:
    return {"documentLoader": document_loader}


def _expanded(source: _Source) -> str:
    doc = source.published
    from pyld import jsonld

    return (
        json.dumps(jsonld.expand(dict(doc), _pyld_options()), ensure_ascii=False, indent=2) + "\n"
    )


def _flattened(source: _Source) -> str:
    doc = source.published
    from pyld import jsonld

    flat = jsonld.flatten(dict(doc), {"@context": CONTEXT_IRI}, _pyld_options())
    return json.dumps(_keywords_unaliased(flat), ensure_ascii=False, indent=2) + "\n"


def _keywords_unaliased(value: Any) -> Any:
    """pyld compacts ``@id``/``@type`` to the context's aliases ``id``/``type``; readers expect
    the keywords (the two mean the same under schema.org's context)."""
    if isinstance(value, list):
        return [_keywords_unaliased(v) for v in value]
    if isinstance(value, dict):
        return {_ALIASED.get(k, k): _keywords_unaliased(v) for k, v in value.items()}
    return value


_ALIASED = {"id": "@id", "type": "@type"}


def _rdfxml(source: _Source) -> str:
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=to_ntriples(source.triples), format="nt")
    graph.bind("schema", "http://schema.org/")
    text: str = graph.serialize(format="pretty-xml")
    return text


def _html(source: _Source) -> str:
    """A ``<script>`` block safe to paste into a page: ``</script>`` inside strings cannot close it."""
    text = json.dumps(source.doc, ensure_ascii=False, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


FORMATTERS: dict[str, Callable[[_Source], str]] = {
    "jsonld": _jsonld,
    "jsonld-expanded": _expanded,
    "jsonld-flattened": _flattened,
    "turtle": lambda source: to_turtle(source.triples),
    "nt": lambda source: to_ntriples(source.triples),
    "nq": lambda source: to_nquads(source.triples, str(source.doc.get("@id"))),
    "rdfxml": _rdfxml,
    "html": _html,
}
OUTPUT_FORMATS: tuple[str, ...] = tuple(FORMATTERS)
ALIASES = {"ttl": "turtle", "ntriples": "nt", "nquads": "nq", "xml": "rdfxml", "json-ld": "jsonld"}
EXTENSIONS = {
    "jsonld": ".jsonld",
    "jsonld-expanded": ".expanded.jsonld",
    "jsonld-flattened": ".flattened.jsonld",
    "turtle": ".ttl",
    "nt": ".nt",
    "nq": ".nq",
    "rdfxml": ".rdf",
    "html": ".html",
}


def output_format(name: str) -> str:
    name = ALIASES.get(name.strip().lower(), name.strip().lower())
    if name not in FORMATTERS:
        raise UnsupportedOutputError(name, list(OUTPUT_FORMATS))
    return name


def render(doc: Document, format_name: str) -> str:
    return FORMATTERS[output_format(format_name)](_Source(doc))


def render_all(doc: Document, format_names: Iterable[str]) -> dict[str, str]:
    """Several formats of one document; the RDF ones share one walk of the document."""
    source = _Source(doc)
    return {name: FORMATTERS[output_format(name)](source) for name in format_names}
