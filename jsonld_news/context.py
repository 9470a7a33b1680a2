"""The pinned schema.org 30.0 JSON-LD context, and the only document loader we ever give pyld.

No context is fetched over the network, ever: remote context loading is a known SSRF and
denial-of-service hole in JSON-LD tooling. Any IRI other than schema.org's is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonld_news.errors import JsonldNewsError
from jsonld_news.resources import schema_file

SCHEMA = "http://schema.org/"
CONTEXT_IRI = "https://schema.org"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

_SCHEMA_ORG_CONTEXT_IRIS = frozenset(
    {
        "https://schema.org",
        "https://schema.org/",
        "http://schema.org",
        "http://schema.org/",
        "https://schema.org/docs/jsonldcontext.jsonld",
        "http://schema.org/docs/jsonldcontext.jsonld",
        "https://schema.org/docs/jsonldcontext.json",
    }
)


class ContextRefused(JsonldNewsError):
    """A JSON-LD processor asked for a document that is not pinned; it is never fetched."""

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(f"refusing to load remote JSON-LD document {url!r}: contexts are pinned")


# Keywords of a context definition whose string values are IRIs of the vocabulary, not of
# documents to load: they are never dereferenced by a JSON-LD processor.
_NON_LOADING_KEYWORDS = frozenset(
    {"@vocab", "@base", "@language", "@direction", "@version", "@propagate", "@protected"}
)


def remote_references(document: Any) -> list[str]:
    """Every IRI a JSON-LD processor would load to read ``document``, in document order.

    Contexts can hide in many places: ``@context`` of any node (top level, ``@graph``, nested
    objects), arrays of contexts, ``@import`` inside an inline context, and scoped contexts in
    term definitions, to any depth. schema.org's IRIs are not listed: they resolve to the pinned
    copy. The walk is iterative, so depth costs no stack.
    """
    found: list[str] = []
    stack: list[tuple[Any, bool]] = [(document, False)]  # (value, is it a context?)
    while stack:
        value, is_context = stack.pop()
        if is_context:
            _context_references(value, found, stack)
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                stack.append((item, key == "@context"))
        elif isinstance(value, list):
            stack.extend((item, False) for item in reversed(value))
    return found


def _context_references(value: Any, found: list[str], stack: list[tuple[Any, bool]]) -> None:
    if isinstance(value, str):
        if value.strip() not in _SCHEMA_ORG_CONTEXT_IRIS:
            found.append(value)
    elif isinstance(value, list):
        stack.extend((item, True) for item in reversed(value))
    elif isinstance(value, dict):
        for key, item in reversed(list(value.items())):
            if key in ("@import", "@context"):
                stack.append((item, True))
            elif key in _NON_LOADING_KEYWORDS:
                continue
            elif isinstance(item, dict) and "@context" in item:
                stack.append((item["@context"], True))  # a scoped context in a term definition


@cache
def pinned_context_document() -> dict[str, Any]:
    with schema_file("schemaorgcontext.jsonld").open(encoding="utf-8") as handle:
        document: dict[str, Any] = json.load(handle)
    return document


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader: schema.org's context from disk, everything else refused."""
    if url.strip() not in _SCHEMA_ORG_CONTEXT_IRIS:
        raise ContextRefused(url)
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": pinned_context_document(),
    }


@dataclass(frozen=True, slots=True)
class Term:
    iri: str
    coerce: str | None  # "@id", a datatype IRI, or None for plain literals


@cache
def terms() -> dict[str, Term]:
    """Each context term with its full IRI and type coercion, resolved once."""
    context: dict[str, Any] = pinned_context_document()["@context"]
    vocab = context["@vocab"]
    table: dict[str, Term] = {}
    for name, definition in context.items():
        if name.startswith("@"):
            continue
        if isinstance(definition, str):
            table[name] = Term(_expand(definition, context, vocab), None)
            continue
        iri = _expand(definition.get("@id", name), context, vocab)
        coerce = definition.get("@type")
        if coerce is not None and coerce not in ("@id", "@vocab"):
            coerce = _expand(coerce, context, vocab)
        table[name] = Term(iri, coerce)
    return table


def _expand(value: str, context: dict[str, Any], vocab: str) -> str:
    if ":" in value:
        prefix, _, suffix = value.partition(":")
        mapped = context.get(prefix)
        if isinstance(mapped, str) and not suffix.startswith("//"):
            return mapped + suffix
        return value
    return vocab + value
