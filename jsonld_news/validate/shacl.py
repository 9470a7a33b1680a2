"""schema.org's published SHACL shapes (release 30.0), run with pyshacl on the document's graph.

The data graph is ``rdf.to_ntriples(rdf.triples(doc))`` parsed by rdflib: no JSON-LD processing,
so no context is ever fetched. Three things make the published shapes usable:

1. **IRIs.** The shapes are written against ``http://schema.org/`` (``@prefix schema1:
   <http://schema.org/>``; no ``https://schema.org/`` IRI occurs in the file), and the pinned
   context's ``@vocab`` is ``http://schema.org/`` too, so our triples already match. A document
   that spells a type or property as a full ``https://schema.org/...`` IRI would produce IRIs no
   shape targets and pass unchecked, so those are rewritten to ``http://`` before validation.
2. **Subclasses.** Shapes use ``sh:targetClass``, which follows ``rdfs:subClassOf`` *in the data
   graph*. schema.org ships the hierarchy separately (``schemaorg-subclasses.shacl``, not pinned
   here); without it a NewsArticle is checked only against the NewsArticle shape (dateline,
   printEdition ...), never against Article/CreativeWork/Thing. We add ``T rdfs:subClassOf A``
   for each type ``T`` used and every ancestor ``A``, taken from the pinned vocabulary.
3. **Data types.** The generator gives every shape ``sh:nodeKind sh:BlankNodeOrIRI``, including
   the data-type shapes (Text, URL, Date, Number, Boolean, Quantity/Distance ...), so every
   literal value of, say, ``headline`` violates ``:ValidSchemaText``. Those shapes get
   ``sh:nodeKind sh:Literal`` instead (``sh:IRIOrLiteral`` for URL, whose values are IRIs under
   the context's ``@id`` coercion, and for Boolean, whose ``True``/``False`` members are IRIs).

Severity: the shapes carry no ``sh:severity``, so every result is a ``sh:Violation`` and an
``error`` here (sh:Warning/sh:Info would map to ``warning``). This is stricter than the
``schema.org`` validator, which only warns about e.g. a plain-text author.

Paths: SHACL reports a focus node and a predicate, not a JSON path. Each result's focus node is
mapped back to the JSON node that produced it (by ``@id``, or for a blank node by the label the
RDF walker gave it), then ``.property`` is appended, plus ``[i]`` when the property holds an
array and the offending value can be matched. A focus node that cannot be mapped gives path
``$`` (plus the property) and is named in the message instead.

Cost: parsing the shapes takes ~0.3-0.45 s once per process. pyshacl is handed only the shapes
reachable from the document's types (~230 of 1014 for an article; cached per set of types), but
validation itself dominates: ~0.2 s per typical article (opt-in for that reason).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, lru_cache
from typing import Any

from jsonld_news import rdf
from jsonld_news.context import RDF_TYPE as _RDF_TYPE
from jsonld_news.context import SCHEMA
from jsonld_news.errors import ConfigError
from jsonld_news.resources import schema_file
from jsonld_news.validate.report import Issue, json_path
from jsonld_news.validate.vocabulary import vocabulary

VALIDATOR = "shacl"
SHAPES_FILE = "schemaorg-shapes.shacl"
HTTPS_SCHEMA = "https://schema.org/"
_SHAPE_IRI = re.compile(r"<http://schema\.org/validation#(\w+)>")  # :ValidSchemaText etc.

_SH = "http://www.w3.org/ns/shacl#"
_RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")  # as rdf.py decides what is an IRI

Path = tuple[str | int, ...]


@cache
def shapes_graph() -> Any:
    """The published shapes, parsed once, with the data-type shapes accepting literals."""
    from rdflib import Graph, URIRef

    graph = Graph()
    graph.parse(schema_file(SHAPES_FILE), format="turtle")
    vocab = vocabulary()
    node_kind, target_class = URIRef(_SH + "nodeKind"), URIRef(_SH + "targetClass")
    for name in vocab.datatypes:
        kind = "IRIOrLiteral" if name in ("URL", "Boolean") else "Literal"
        for shape in list(graph.subjects(target_class, URIRef(SCHEMA + name))):
            graph.remove((shape, node_kind, None))
            graph.add((shape, node_kind, URIRef(_SH + kind)))
    return graph


@lru_cache(maxsize=64)
def _pruned_shapes(classes: frozenset[str]) -> Any:
    """The shapes targeting ``classes`` and every shape they reach (sh:node, sh:or, ...).

    pyshacl indexes and queries every shape it is given; an article reaches ~230 of 1014.
    """
    from rdflib import BNode, Graph, URIRef

    full = shapes_graph()
    target_class = URIRef(_SH + "targetClass")
    pending = [s for c in classes for s in full.subjects(target_class, URIRef(SCHEMA + c))]
    pruned = Graph()
    seen: set[Any] = set()
    while pending:
        subject = pending.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for predicate, obj in full.predicate_objects(subject):
            pruned.add((subject, predicate, obj))
            # Blank nodes are nested shapes and RDF lists; named objects of sh:node are shapes.
            if isinstance(obj, BNode) or (predicate == URIRef(_SH + "node")):
                pending.append(obj)
    return pruned


def _to_http(triple: rdf.Triple) -> rdf.Triple:
    def fix(value: str | None) -> str | None:
        if value is not None and value.startswith(HTTPS_SCHEMA):
            return SCHEMA + value[len(HTTPS_SCHEMA) :]
        return value

    subject, predicate, obj, datatype = triple
    obj = (fix(obj) if datatype is None else obj) or ""
    return (fix(subject) or "", fix(predicate) or "", obj, fix(datatype))


NEWS_SHAPES_FILE = "newsarticle.shacl.ttl"
NEWS_VALIDATOR = "shacl-news"


@cache
def news_shapes_graph() -> Any:
    """Our NewsArticle shapes (schemas/newsarticle.shacl.ttl), parsed once."""
    from rdflib import Graph

    graph = Graph()
    graph.parse(schema_file(NEWS_SHAPES_FILE), format="turtle")
    return graph


def news_shacl_issues(doc: Mapping[str, Any]) -> Iterator[Issue]:
    """Every SHACL result of schemas/newsarticle.shacl.ttl on the document's RDF graph."""
    yield from _shacl(doc, lambda classes: news_shapes_graph(), NEWS_VALIDATOR)


def shacl_issues(doc: Mapping[str, Any]) -> Iterator[Issue]:
    """Every SHACL result of schema.org's shapes on the document's RDF graph."""
    yield from _shacl(doc, _pruned_shapes, VALIDATOR)


def _shacl(
    doc: Mapping[str, Any], shapes_for: Callable[[frozenset[str]], Any], validator: str
) -> Iterator[Issue]:
    try:
        from pyshacl import validate
    except ImportError:  # a dependency, but an installation may have been trimmed
        raise ConfigError("the shacl validator needs pyshacl: pip install pyshacl") from None
    from rdflib import Graph, URIRef

    triples = [_to_http(t) for t in rdf.triples(doc)]
    labels: dict[str, Any] = {}
    data = Graph()
    data.parse(data=rdf.to_ntriples(triples), format="nt", bnode_context=labels)
    vocab = vocabulary()
    used = {
        obj[len(SCHEMA) :]
        for _, predicate, obj, _ in triples
        if predicate == _RDF_TYPE and obj.startswith(SCHEMA)
    }
    classes: set[str] = set()
    for name in used:
        ancestors = vocab.ancestors.get(name, frozenset())
        classes |= ancestors
        for ancestor in ancestors - {name}:
            data.add((URIRef(SCHEMA + name), URIRef(_RDFS_SUBCLASS), URIRef(SCHEMA + ancestor)))
    _, results, _ = validate(
        data,
        # Shared across calls: pyshacl only re-adds its fixed system triples to it (idempotent).
        shacl_graph=shapes_for(frozenset(classes)),
        inference="none",
        advanced=False,
        allow_warnings=True,
    )
    locate = _locator(doc, labels)
    yield from _issues(results, locate, doc, validator)


def _issues(
    results: Any, locate: dict[Any, Path], doc: Mapping[str, Any], validator: str = VALIDATOR
) -> Iterator[Issue]:
    from rdflib import BNode, URIRef

    def one(subject: Any, name: str) -> Any:
        return results.value(subject, URIRef(_SH + name))

    found = []
    # Only the report's own results: nested sh:detail results repeat them from inside a shape.
    for report in results.subjects(URIRef(_RDF_TYPE), URIRef(_SH + "ValidationReport")):
        for result in results.objects(report, URIRef(_SH + "result")):
            focus, predicate, value = (
                one(result, "focusNode"),
                one(result, "resultPath"),
                one(result, "value"),
            )
            node_path = locate.get(focus)
            where: Path = node_path or ()
            if isinstance(predicate, URIRef):
                where = _property_path(doc, where, _local(str(predicate)), value)
            message = _readable(one(result, "resultMessage"))
            detail = one(result, "detail")
            if detail is not None:  # "See details": the nested result says what actually failed
                message = message.replace(" See details for more information.", "").rstrip(".")
                message += f": {_readable(one(detail, 'resultMessage'))}"
            if node_path is None:
                message += f" (focus node {focus})"
            severity = one(result, "resultSeverity")
            component = one(result, "sourceConstraintComponent")
            found.append(
                Issue(
                    path=json_path(where),
                    message=message,
                    value=None if value is None or isinstance(value, BNode) else str(value),
                    severity="error"
                    if severity == URIRef(_SH + "Violation")
                    else "info"
                    if severity == URIRef(_SH + "Info")
                    else "warning",
                    validator=validator,
                    rule=str(component).rpartition("#")[2] if component is not None else "",
                )
            )
    yield from sorted(found, key=lambda issue: (issue.path, issue.message))


def _readable(message: Any) -> str:
    text = str(message) if message is not None else "SHACL constraint violated"
    return _SHAPE_IRI.sub(r"\1", text)


def _local(iri: str) -> str:
    return iri[len(SCHEMA) :] if iri.startswith(SCHEMA) else iri


def _locator(doc: Mapping[str, Any], labels: dict[str, Any]) -> dict[Any, Path]:
    """Focus node (rdflib term) -> JSON path, replaying the RDF walker's blank-node numbering."""
    from rdflib import URIRef

    located: dict[Any, Path] = {}
    counter = 0

    def visit(node: Mapping[str, Any], path: Path) -> None:
        nonlocal counter
        subject = node.get("@id")
        if isinstance(subject, str) and _ABSOLUTE_IRI.match(subject):
            located.setdefault(URIRef(subject), path)
        else:
            term = labels.get(f"b{counter}")
            counter += 1
            if term is not None:
                located.setdefault(term, path)
        for key, value in node.items():
            if key[0] != "@":
                values(value, (*path, key))

    def values(value: Any, path: Path) -> None:
        items: Iterable[tuple[Any, Path]] = (
            ((item, (*path, index)) for index, item in enumerate(value))
            if isinstance(value, list)
            else [(value, path)]
        )
        for item, where in items:
            if isinstance(item, Mapping) and "@value" not in item:
                visit(item, where)

    visit(doc, ())
    return located


def _property_path(doc: Mapping[str, Any], node_path: Path, name: str, value: Any) -> Path:
    """``node_path`` + the document's key for ``name`` + ``[i]`` if an array element matches."""
    node: Any = doc
    for part in node_path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return (*node_path, name)
    if not isinstance(node, Mapping):
        return (*node_path, name)
    candidates = (name, f"schema:{name}", SCHEMA + name, HTTPS_SCHEMA + name)
    key = next((k for k in candidates if k in node), name)
    target = node.get(key)
    if isinstance(target, list) and value is not None:
        wanted = str(value)
        for index, item in enumerate(target):
            candidate = item.get("@id", item.get("@value")) if isinstance(item, Mapping) else item
            if candidate is not None and str(candidate) == wanted:
                return (*node_path, key, index)
    return (*node_path, key)
