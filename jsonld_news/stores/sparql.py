"""SPARQL text for the remote stores: article content written so it cannot break out.

An article's N-Triples is parsed (pyoxigraph, which also checks it), and every term written
again by these functions, never pasted:

- IRIs: refused unless every character is one an IRIREF allows as is (no ``<>"{}|^`\\``, no
  spaces or controls), so an IRI never needs an escape and never ends early;
- literals: double-quoted; ``"``, ``\\``, newlines, tabs and the other controls escaped. SPARQL
  replaces ``\\u`` escapes *before* parsing (SPARQL 1.1, 19.2), so a backslash in the text
  followed by ``u`` or ``U`` would turn into an escape there: that letter is written as its
  own ``\\u`` escape, which reads back as the letter whichever way a server handles escapes;
- language tags checked against BCP 47's letters; blank nodes renamed to fresh random labels,
  so two articles' ``_:b0`` never meet in one request or one store.

Also: the form of a query (SELECT, ASK, CONSTRUCT, DESCRIBE), and SPARQL JSON results checked
and put in one shape, so answers compare across servers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from jsonld_news.stores.base import StoreError

__all__ = [
    "iri",
    "literal",
    "nquads",
    "quad_data",
    "query_form",
    "rename_blank_nodes",
    "results_json",
    "to_ntriples",
]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_IRI = re.compile(r'[^\x00-\x20<>"{}|^`\\]*\Z')
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*\Z")
_BLANK = re.compile(r"[A-Za-z0-9_]+\Z")
# Characters escaped in a literal, and a u/U right after a backslash of the text (see above).
_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]|(?<=\\)[uU]')
_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


def iri(value: str) -> str:
    if not _IRI.match(value) or ":" not in value:
        raise ValueError(f"IRI cannot be written safely in SPARQL: {value!r}")
    return f"<{value}>"


def literal(value: str, language: str | None = None, datatype: str | None = None) -> str:
    text = '"' + _ESCAPE.sub(_escape, value) + '"'
    if language:
        if not _LANGUAGE.match(language):
            raise ValueError(f"not a language tag: {language!r}")
        return f"{text}@{language}"
    if datatype and datatype not in (XSD_STRING, RDF_LANG_STRING):
        return f"{text}^^{iri(datatype)}"
    return text


def _term(term: Any, iris: dict[str, str]) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        value = term.value
        written = iris.get(value)
        if written is None:
            written = iris[value] = iri(value)
        return written
    if isinstance(term, ox.BlankNode):
        if not _BLANK.match(term.value):
            raise ValueError(f"blank node label cannot be written in SPARQL: {term.value!r}")
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.language is None else None
        return literal(term.value, term.language, datatype)
    raise ValueError(f"term cannot be written in SPARQL quad data: {term!r}")


def _parse(graph_iri: str, ntriples: str, endpoint: str) -> list[Any]:
    import pyoxigraph as ox

    try:
        return list(ox.parse(ntriples, ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True))
    except SyntaxError as exc:
        raise StoreError(endpoint, f"<{graph_iri}>: invalid N-Triples: {exc}") from None


def quad_data(graph_iri: str, ntriples: str, endpoint: str) -> str:
    """``GRAPH <g> { ... }`` for INSERT DATA, every term written again (see the module);
    "" for no triples. Content that cannot be written safely is a ``StoreError``."""
    quads = _parse(graph_iri, ntriples, endpoint)
    if not quads:
        return ""
    iris: dict[str, str] = {}
    try:
        lines = [
            f"{_term(q.subject, iris)} {_term(q.predicate, iris)} {_term(q.object, iris)} .\n"
            for q in quads
        ]
        return f"GRAPH {iri(graph_iri)} {{\n{''.join(lines)}}}\n"
    except ValueError as exc:
        raise StoreError(endpoint, f"<{graph_iri}>: {exc}") from None


def rename_blank_nodes(graph_iri: str, ntriples: str, endpoint: str) -> str:
    """The same N-Triples with fresh blank node labels (unchanged text when there are none)."""
    if "_:" not in ntriples:
        return ntriples
    return to_ntriples(_parse(graph_iri, ntriples, endpoint))


def to_ntriples(quads: Iterable[Any]) -> str:
    import pyoxigraph as ox

    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return data.decode("utf-8") if isinstance(data, bytes) else ""


def nquads(graphs: Iterable[tuple[str, str]], endpoint: str) -> str:
    """N-Quads of each (graph IRI, N-Triples): each triple given the graph name.

    Text without blank nodes or a comment after a triple (our emitter's) gets the name
    written before each line's final ``.``, in one pass; other text goes through pyoxigraph
    (renaming blank nodes, so articles never share one). A line that is not a triple makes
    the document fail on the server as a whole, and the loader then finds the article one by
    one."""
    import pyoxigraph as ox

    parts: list[str] = []
    for graph_iri, ntriples in graphs:
        fast = regular_nquads(iri(graph_iri), ntriples) if "_:" not in ntriples else None
        if fast is not None:
            parts.append(fast)
            continue
        if "_:" not in ntriples and not _COMMENT_AFTER.search(ntriples):
            text, _ = _LINE_END.subn(f" {iri(graph_iri)} .", ntriples)
            parts.append(text if text.endswith("\n") or not text else text + "\n")
            continue
        graph = ox.NamedNode(graph_iri)
        quads = [
            ox.Quad(q.subject, q.predicate, q.object, graph)
            for q in _parse(graph_iri, ntriples, endpoint)
        ]
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        parts.append(data.decode("utf-8") if isinstance(data, bytes) else "")
    return "".join(parts)


def regular_nquads(graph: str, ntriples: str) -> str | None:
    """The N-Quads of text whose every line ends ``" .\\n"`` (our emitter's: no comment, no
    CR), ``graph`` (the graph's name as written, ``<...>``, checked by the caller) before each
    final dot, in two passes over the text; None for other
    text. A literal cannot hold a raw newline, so each ``" .\\n"`` ends a line, and that every
    line has one is told by the length. The text must be checked N-Triples: a line that is
    not a whole triple (``<s> <p> .``) would read as another, in the default graph."""
    if not ntriples.endswith(" .\n"):
        return None
    tail = f" {graph} .\n"
    text = ntriples.replace(" .\n", tail)
    if len(text) - len(ntriples) != ntriples.count("\n") * (len(tail) - 3):
        return None
    return text


_LINE_END = re.compile(r"\.[ \t]*$", re.M)
_COMMENT_AFTER = re.compile(r"\.[ \t]*#")  # may be inside a literal: then only slower


# --- queries ----------------------------------------------------------------------------------

_PROLOGUE = re.compile(
    r"""(?ix)
    (?: \s+ | \#[^\n]* | BASE \s* <[^>]*> | PREFIX \s+ [^\s:]* : \s* <[^>]*> )*
    (SELECT|ASK|CONSTRUCT|DESCRIBE)\b"""
)


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``; None when it is none of them (an
    update, or not SPARQL: the server will say what is wrong)."""
    found = _PROLOGUE.match(sparql)
    return found.group(1).upper() if found else None


def results_json(body: bytes, endpoint: str) -> dict[str, Any]:
    """SPARQL 1.1 JSON results, checked and in one shape: ``{"head": {"vars": [...]},
    "results": {"bindings": [...]}}`` or ``{"head": {}, "boolean": b}``. Each term keeps
    ``type``, ``value``, and ``xml:lang`` or ``datatype``; the SPARQL 2008 ``typed-literal``
    (Virtuoso) becomes ``literal``, and ``xsd:string`` is left implicit, as RDF 1.1 has it."""
    try:
        answer = json.loads(body)
        head = answer["head"]
        if "boolean" in answer:
            if not isinstance(answer["boolean"], bool):
                raise TypeError("boolean")
            return {"head": {}, "boolean": answer["boolean"]}
        names = [str(name) for name in head.get("vars", [])]
        rows = [
            {str(name): _result_term(term) for name, term in row.items()}
            for row in answer["results"]["bindings"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError):
        raise StoreError(endpoint, "answer is not SPARQL JSON results") from None
    return {"head": {"vars": names}, "results": {"bindings": rows}}


def _result_term(term: dict[str, Any]) -> dict[str, str]:
    kind, value = str(term["type"]), str(term["value"])
    if kind == "typed-literal":
        kind = "literal"
    if kind not in ("uri", "literal", "bnode", "triple"):
        raise ValueError(kind)
    out = {"type": kind, "value": value}
    if kind == "literal":
        if term.get("xml:lang"):
            out["xml:lang"] = str(term["xml:lang"])
        elif term.get("datatype") and term["datatype"] != XSD_STRING:
            out["datatype"] = str(term["datatype"])
    return out
