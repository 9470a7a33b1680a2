"""SPARQL queries against a store (``jsonld-news query``), and their answers as text.

``query(sparql, store=...)`` opens the store, adds the ``PREFIX`` declarations the query uses
without declaring (``schema:``, ``xsd:``, ``rdf:``, ``rdfs:``, ``prov:``, and ``jn:``
for the provenance terms PROV-O lacks), and returns the
store's ``QueryAnswer``: SELECT and ASK as the SPARQL 1.1 Query Results JSON document,
CONSTRUCT and DESCRIBE as N-Triples. ``format_answer`` writes one as text:

- ``table``: aligned columns for people; IRIs shortened by the known prefixes, literals by
  their lexical form, unbound values empty;
- ``csv`` and ``tsv``: the W3C SPARQL 1.1 Query Results CSV and TSV formats (CSV: values only,
  CRLF line ends, RFC 4180 quoting; TSV: ``?var`` header and values in Turtle/SPARQL syntax);
- ``json``: the SPARQL 1.1 Query Results JSON format, as the store gave it;
- ``nt`` and ``turtle`` for CONSTRUCT and DESCRIBE answers.

ASK prints ``true`` or ``false`` in table, csv and tsv (the W3C formats define none for it).
The added declarations go on the query's first line, so the store's line numbers stay those of
the query; a column on line 1 is moved back by their length.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jsonld_news.errors import ConfigError
from jsonld_news.stores.base import QueryAnswer, QueryStore, StoreError
from jsonld_news.stores.spec import DEFAULT_STORE, open_store

__all__ = [
    "ANSWER_FORMATS",
    "PREFIXES",
    "format_answer",
    "query",
    "with_prefixes",
]

PREFIXES: dict[str, str] = {
    "schema": "http://schema.org/",  # what the pinned 30.0 context expands to
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "prov": "http://www.w3.org/ns/prov#",
    "jn": "urn:jsonld-news:vocab:",  # the provenance terms of jsonld_news.load
}
SOLUTION_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("nt", "turtle")
ANSWER_FORMATS: tuple[str, ...] = SOLUTION_FORMATS + GRAPH_FORMATS
_ALIASES = {"ntriples": "nt", "n-triples": "nt", "ttl": "turtle"}

_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.\-]*)?\s*:", re.IGNORECASE)
_POSITION = re.compile(r"\b(?:at|line) 1:(\d+)")


def with_prefixes(sparql: str) -> tuple[str, int]:
    """The query with the known prefixes it does not declare, on its first line; and how many
    characters were put before it (to move error columns on line 1 back)."""
    declared = {name or "" for name in _DECLARED.findall(sparql)}
    head = "".join(
        f"PREFIX {name}: <{iri}> "
        for name, iri in PREFIXES.items()
        if name not in declared and re.search(rf"(?<![\w.\-]){name}:", sparql)
    )
    return head + sparql, len(head)


def _moved_back(message: str, shift: int) -> str:
    if not shift:
        return message
    return _POSITION.sub(
        lambda m: m.group(0).replace(m.group(1), str(max(1, int(m.group(1)) - shift))), message
    )


def query(
    sparql: str,
    store: str = DEFAULT_STORE,
    *,
    timeout: float = 30,
    query_endpoint: str | None = None,
) -> QueryAnswer:
    """Ask ``store`` (a ``--store`` spec, default the embedded ``./jsonld-news.store``).

    Raises ``StoreError`` naming the problem for a query the store refuses (the store's own
    message), ``StoreUnavailableError`` when the store cannot be reached, and ``ConfigError``
    for an on-disk store that does not exist (a query would create an empty one) or a store
    that cannot answer queries.
    """
    scheme, _, rest = store.partition(":")
    if scheme.lower() == "oxigraph" and rest and not Path(rest).expanduser().exists():
        raise ConfigError(f"no store at {rest}: load articles into it first (jsonld-news load)")
    text, shift = with_prefixes(sparql)
    with open_store(store, timeout=timeout, query_endpoint=query_endpoint) as target:
        if not isinstance(target, QueryStore):
            raise ConfigError(f"store {store!r} does not answer SPARQL queries")
        try:
            return target.query(text)
        except StoreError as exc:
            if exc.status is None and shift:
                raise type(exc)(exc.endpoint, _moved_back(exc.reason, shift)) from None
            raise


# --- answers as text --------------------------------------------------------------------------


def answer_format(name: str) -> str:
    name = _ALIASES.get(name.strip().lower(), name.strip().lower())
    if name not in ANSWER_FORMATS:
        raise ConfigError(f"unknown answer format {name!r}; use {', '.join(ANSWER_FORMATS)}")
    return name


def format_answer(answer: QueryAnswer, fmt: str | None = None) -> str:
    """An answer as text. ``fmt`` None: ``table`` for SELECT and ASK, ``nt`` for graphs."""
    if isinstance(answer, str):
        name = answer_format(fmt or "nt")
        if name not in GRAPH_FORMATS:
            raise ConfigError(
                f"a CONSTRUCT or DESCRIBE answer is a graph: use --format {' or '.join(GRAPH_FORMATS)}"
            )
        return answer if name == "nt" else _turtle(answer)
    name = answer_format(fmt or "table")
    if name not in SOLUTION_FORMATS:
        raise ConfigError(
            f"a SELECT or ASK answer is a table: use --format {', '.join(SOLUTION_FORMATS)}"
        )
    if name == "json":
        import json

        return json.dumps(answer, ensure_ascii=False, indent=2) + "\n"
    if "boolean" in answer:
        return "true\n" if answer["boolean"] else "false\n"
    variables: list[str] = list(answer.get("head", {}).get("vars", []))
    rows: list[Mapping[str, Any]] = answer.get("results", {}).get("bindings", [])
    if name == "csv":
        return _csv(variables, rows)
    if name == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join(_tsv_term(row.get(v)) for v in variables) for row in rows]
        return "\n".join(lines) + "\n"
    return _table(variables, rows)


def _csv(variables: list[str], rows: list[Mapping[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as the W3C format requires
    writer.writerow(variables)
    for row in rows:
        writer.writerow([_csv_term(row.get(v)) for v in variables])
    return out.getvalue()


def _csv_term(term: Mapping[str, Any] | None) -> str:
    if term is None:
        return ""
    if term.get("type") == "bnode":
        return f"_:{term['value']}"
    return str(term["value"])


_XSD = PREFIXES["xsd"]
_BARE_NUMBERS = {
    _XSD + "integer": re.compile(r"[+-]?\d+"),
    _XSD + "decimal": re.compile(r"[+-]?\d*\.\d+"),
    _XSD + "double": re.compile(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+"),
}
_TSV_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _tsv_term(term: Mapping[str, Any] | None) -> str:
    """A value in SPARQL/Turtle syntax, as the W3C TSV results format writes it."""
    if term is None:
        return ""
    kind, value = term.get("type"), str(term["value"])
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    datatype = term.get("datatype")
    pattern = _BARE_NUMBERS.get(datatype or "")
    if pattern is not None and pattern.fullmatch(value):
        return value
    text = '"' + re.sub(r'[\\"\n\r\t]', lambda m: _TSV_ESCAPES[m.group(0)], value) + '"'
    if "xml:lang" in term:
        return f"{text}@{term['xml:lang']}"
    if datatype and datatype != _XSD + "string":
        return f"{text}^^<{datatype}>"
    return text


def _short(iri: str) -> str:
    for name, namespace in PREFIXES.items():
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and re.fullmatch(r"[A-Za-z_][\w\-]*", local):
            return f"{name}:{local}"
    return iri


def _table_term(term: Mapping[str, Any] | None) -> str:
    if term is None:
        return ""
    kind, value = term.get("type"), str(term["value"])
    if kind == "uri":
        return _short(value)
    if kind == "bnode":
        return f"_:{value}"
    return " ".join(value.split())  # one line per row, whatever the literal holds


def _table(variables: list[str], rows: list[Mapping[str, Any]]) -> str:
    cells = [[_table_term(row.get(v)) for v in variables] for row in rows]
    widths = [max([len(v), *(len(r[i]) for r in cells)]) for i, v in enumerate(variables)]
    rule = "  ".join("-" * w for w in widths)
    lines = ["  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip(), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _turtle(ntriples: str) -> str:
    import pyoxigraph

    triples = pyoxigraph.parse(ntriples, pyoxigraph.RdfFormat.N_TRIPLES)
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES)
    return (data or b"").decode("utf-8")
