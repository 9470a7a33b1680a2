"""The standard processors our fast paths are held to: pyld (JSON-LD -> RDF) and rdflib (parsing)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import rdflib
from pyld import jsonld

from jsonld_news.context import document_loader


def pyld_graph(doc: Mapping[str, Any]) -> set[tuple[Any, Any, Any]]:
    nquads = jsonld.to_rdf(
        dict(doc), {"documentLoader": document_loader, "format": "application/n-quads"}
    )
    return set(rdflib.Graph().parse(data=nquads, format="nt"))


def parsed(text: str, format: str) -> set[tuple[Any, Any, Any]]:
    if format == "nq":
        dataset = rdflib.Dataset()
        dataset.parse(data=text, format="nquads")
        return {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}
    return set(rdflib.Graph().parse(data=text, format=format))
