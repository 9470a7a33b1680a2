"""schema.org 30.0 vocabulary checks: known types and properties, domains, ranges.

Each rule is a small generator registered in ``RULES`` (python-jsonschema style): it gets the
vocabulary, one node of the document with its JSON path, and yields ``Issue``s. The walker feeds
every node object (the root, nested values, ``@graph`` members) to every rule.

Severities:

* ``@type`` or property that is not a schema.org 30.0 term: **error** (a typo or invented term;
  consumers drop it). A full IRI outside schema.org (an extension vocabulary) is a **warning**.
* property whose ``domainIncludes`` admits none of the node's types (with ``subClassOf`` taken
  transitively, so a NewsArticle has Article, CreativeWork and Thing properties): **warning**.
* value outside ``rangeIncludes`` where the range is clear: **warning**. schema.org's own leniency
  applies: a string is fine wherever the range has Text or URL (or a subclass of Text), a node is
  fine if one of its types is a subclass of a range class, a string naming an enumeration member
  (``InStock``, ``https://schema.org/InStock``) is fine for that enumeration, an IRI string is a
  node reference where the context coerces the property to ``@id``. Quantity types (Distance,
  Duration, Mass ...) are DataTypes written ``"<Number> <unit>"``; a bare number is accepted too
  (``"width": 1200`` is universal for images), as is an ISO 8601 duration for Duration. Numbers
  are fine where Text is.
* a term with ``supersededBy``: **warning**.

The vocabulary is derived at first use from ``schemas/schemaorg-current-https.jsonld`` (about
20 ms) into frozensets and dicts; nothing is cached on disk.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from jsonld_news.context import terms
from jsonld_news.resources import schema_file
from jsonld_news.validate.issues import issue_at
from jsonld_news.validate.report import Issue

VALIDATOR = "schema.org"
VOCABULARY_FILE = "schemaorg-current-https.jsonld"

_SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/", "schema:")
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_ISO_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
_ISO_DATETIME = re.compile(
    r"^-?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$"
)
_ISO_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$")
_QUANTITY = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)(\s*[^\d\s].*)?$")
_ISO_DURATION = re.compile(
    r"^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$"
)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """schema.org as lookup tables keyed by local name (``NewsArticle``, ``headline``)."""

    ancestors: dict[str, frozenset[str]]  # class -> itself and every superclass, transitively
    domains: dict[str, frozenset[str]]  # property -> domainIncludes
    ranges: dict[str, frozenset[str]]  # property -> rangeIncludes
    members: dict[str, frozenset[str]]  # enumeration member -> the enumerations it belongs to
    superseded: dict[str, str]  # term -> its replacement
    text_like: frozenset[str]  # Text and its subclasses (URL, CssSelectorType, ...)
    numeric: frozenset[str]  # Number and its subclasses
    quantity: frozenset[str]  # Quantity (a DataType: "7 ft", "3 kg") and Distance, Duration ...
    datatypes: frozenset[str]  # the literal DataTypes (Text, URL, Date, Number, ...) and subclasses

    def is_class(self, name: str) -> bool:
        return name in self.ancestors

    def is_property(self, name: str) -> bool:
        return name in self.domains

    def is_a(self, type_name: str, ancestor: str) -> bool:
        """``type_name`` is ``ancestor`` or a (transitive) subclass of it."""
        return ancestor in self.ancestors.get(type_name, ())


def _local(iri: str) -> str:
    for prefix in _SCHEMA_PREFIXES:
        if iri.startswith(prefix):
            return iri[len(prefix) :]
    return iri


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [_local(item["@id"]) for item in items if isinstance(item, dict) and "@id" in item]


@cache
def vocabulary() -> Vocabulary:
    """The schema.org 30.0 vocabulary, parsed once per process."""
    with schema_file(VOCABULARY_FILE).open(encoding="utf-8") as handle:
        graph: list[dict[str, Any]] = json.load(handle)["@graph"]
    parents: dict[str, list[str]] = {}
    domains: dict[str, frozenset[str]] = {}
    ranges: dict[str, frozenset[str]] = {}
    typed: list[tuple[str, list[str]]] = []
    superseded: dict[str, str] = {}
    for node in graph:
        name = _local(node["@id"])
        kinds = node.get("@type", [])
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if "rdfs:Class" in kinds:
            # Only schema.org parents matter; external ones (cmns-*, fibo) are never @types here.
            parents[name] = [p for p in _ids(node.get("rdfs:subClassOf", [])) if ":" not in p]
        elif "rdf:Property" in kinds:
            domains[name] = frozenset(_ids(node.get("schema:domainIncludes", [])))
            ranges[name] = frozenset(_ids(node.get("schema:rangeIncludes", [])))
        else:
            typed.append((name, [_local(k) for k in kinds if k.startswith("schema:")]))
        replacement = _ids(node.get("schema:supersededBy", []))
        if replacement:
            superseded[name] = replacement[0]

    ancestors: dict[str, frozenset[str]] = {}

    def closure(name: str) -> frozenset[str]:
        known = ancestors.get(name)
        if known is None:
            found = {name}
            ancestors[name] = frozenset(found)  # guards against a subClassOf cycle
            for parent in parents.get(name, ()):
                found |= closure(parent)
            known = ancestors[name] = frozenset(found)
        return known

    for name in parents:
        closure(name)
    members: dict[str, set[str]] = {}
    for name, kinds in typed:
        for kind in kinds:
            if kind in ancestors:
                members.setdefault(name, set()).add(kind)

    def family(root: str) -> frozenset[str]:
        return frozenset(c for c, up in ancestors.items() if root in up)

    # Every literal-valued type: the roots typed schema:DataType and their subclasses.
    primitive = ("Boolean", "Date", "DateTime", "Number", "Quantity", "Text", "Time")
    datatypes = frozenset().union(*(family(root) for root in primitive))
    return Vocabulary(
        ancestors=ancestors,
        domains=domains,
        ranges=ranges,
        members={name: frozenset(kinds) for name, kinds in members.items()},
        superseded=superseded,
        text_like=family("Text"),
        numeric=family("Number"),
        quantity=family("Quantity"),
        datatypes=datatypes,
    )


# --- the walk ---------------------------------------------------------------------------------


def node_types(node: Mapping[str, Any]) -> list[str]:
    """The node's ``@type`` values (``type`` is the schema.org context's alias), as local names."""
    raw = node.get("@type", node.get("type"))
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    return [_local(item) for item in items if isinstance(item, str)]


def _is_keyword(key: str) -> bool:
    return key[:1] == "@" or key == "id" or key == "type"


def _walk(node: Mapping[str, Any], path: Path) -> Iterator[tuple[Mapping[str, Any], Path]]:
    """Every node object in the document, depth first, with its path."""
    yield node, path
    for key, value in node.items():
        if key in ("@context", "@value"):
            continue
        if _is_keyword(key) and key not in ("@graph", "@reverse", "@included"):
            continue
        yield from _walk_value(value, (*path, key))


def _walk_value(value: Any, path: Path) -> Iterator[tuple[Mapping[str, Any], Path]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_value(item, (*path, index))
    elif isinstance(value, Mapping):
        if "@value" in value:
            return
        for container in ("@list", "@set"):
            if container in value:
                yield from _walk_value(value[container], (*path, container))
                return
        yield from _walk(value, path)


def _values(value: Any, path: Path) -> Iterator[tuple[Any, Path]]:
    """Each value of a property (arrays and ``@list``/``@set`` flattened), with its path."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values(item, (*path, index))
    elif (
        type(value) is not str
        and isinstance(value, Mapping)
        and ("@list" in value or "@set" in value)
    ):
        key = "@list" if "@list" in value else "@set"
        yield from _values(value[key], (*path, key))
    else:
        yield value, path


@lru_cache(maxsize=4096)  # keys repeat across nodes and documents; bounded against odd input
def _property_name(key: str) -> tuple[str, bool]:
    """(local name, is a schema.org term) for a property key: compact, CURIE or full IRI."""
    if ":" not in key:
        return key, True
    local = _local(key)
    if local != key:
        return local, True
    prefix, _, suffix = key.partition(":")
    term = terms().get(prefix)
    if term is not None and not suffix.startswith("//"):
        expanded = term.iri + suffix
        return _local(expanded), _local(expanded) != expanded
    return key, False


# --- rules ------------------------------------------------------------------------------------

Rule = Callable[[Vocabulary, Mapping[str, Any], Path], Iterator[Issue]]


def _issue(path: Path, message: str, value: Any, severity: str = "error") -> Issue:
    return issue_at(VALIDATOR, path, message, value, severity)


def known_types(vocab: Vocabulary, node: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    raw = node.get("@type", node.get("type"))
    if raw is None:
        return
    type_key = "@type" if "@type" in node else "type"
    items = raw if isinstance(raw, list) else [raw]
    for index, item in enumerate(items):
        where = (*path, type_key, index) if isinstance(raw, list) else (*path, type_key)
        if not isinstance(item, str):
            yield _issue(where, "@type must be a string", item)
            continue
        name = _local(item)
        if vocab.is_class(name):
            if name in vocab.superseded:
                yield _issue(
                    where, f"type is superseded by {vocab.superseded[name]}", item, "warning"
                )
        elif _ABSOLUTE_IRI.match(item) and name == item:
            yield _issue(where, "type is not in the schema.org vocabulary", item, "warning")
        else:
            yield _issue(where, "unknown schema.org 30.0 type", item)


def _action_annotation(vocab: Vocabulary, name: str) -> bool:
    """``query-input``: schema.org Actions' "-input"/"-output" annotations of a property
    (https://schema.org/docs/actions.html), as Google's sitelinks search box uses them."""
    base, dash, suffix = name.rpartition("-")
    return bool(dash) and suffix in ("input", "output") and vocab.is_property(base)


def known_properties(vocab: Vocabulary, node: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    for key in node:
        if _is_keyword(key):
            continue
        name, in_schema = _property_name(key)
        if not in_schema:
            yield _issue(
                (*path, key), "property is not in the schema.org vocabulary", key, "warning"
            )
        elif _action_annotation(vocab, name):
            continue
        elif not vocab.is_property(name):
            yield _issue((*path, key), "unknown schema.org 30.0 property", key)
        elif name in vocab.superseded:
            yield _issue(
                (*path, key), f"property is superseded by {vocab.superseded[name]}", key, "warning"
            )


def property_domains(vocab: Vocabulary, node: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    types = [t for t in node_types(node) if vocab.is_class(t)]
    if not types:
        return  # untyped, or only unknown types (already an error): nothing to judge against
    ancestors = frozenset().union(*(vocab.ancestors[t] for t in types))
    for key in node:
        if _is_keyword(key):
            continue
        name, in_schema = _property_name(key)
        domain = vocab.domains.get(name) if in_schema else None
        if domain and ancestors.isdisjoint(domain):
            yield _issue(
                (*path, key),
                f"{name} is not a property of {'/'.join(types)} "
                f"(domain: {', '.join(sorted(domain))})",
                key,
                "warning",
            )


def property_ranges(vocab: Vocabulary, node: Mapping[str, Any], path: Path) -> Iterator[Issue]:
    table = terms()
    for key, raw in node.items():
        if _is_keyword(key):
            continue
        name, in_schema = _property_name(key)
        expected = vocab.ranges.get(name) if in_schema else None
        if not expected:
            continue
        term = table.get(name)  # context terms are named after their schema.org property
        as_id = term is not None and term.coerce == "@id"
        for value, where in _values(raw, (*path, key)):
            problem = _range_problem(vocab, expected, value, as_id)
            if problem:
                shown = value if not isinstance(value, Mapping) else node_types(value) or None
                yield _issue(where, problem, shown, "warning")


def _range_problem(
    vocab: Vocabulary, expected: frozenset[str], value: Any, as_id: bool
) -> str | None:
    """Why ``value`` is outside ``expected``, or None if it fits (leniently)."""
    if type(value) is str:  # the common case first: most values are text
        if not expected.isdisjoint(vocab.text_like):
            return None  # schema.org: text is acceptable wherever Text or URL is
        return _text_problem(vocab, expected, value, as_id)
    if value is None:
        return None
    if isinstance(value, Mapping):
        if "@value" in value:
            return _range_problem(vocab, expected, value["@value"], as_id)
        types = [t for t in node_types(value) if vocab.is_class(t)]
        if not types:
            return None  # a bare reference or untyped node: nothing to compare
        if any(not expected.isdisjoint(vocab.ancestors[t]) for t in types):
            return None
        return f"a {'/'.join(types)} node is outside the range ({_names(expected)})"
    if isinstance(value, bool):
        fits = "Boolean" in expected or "Text" in expected
        return None if fits else f"a boolean is outside the range ({_names(expected)})"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer() and expected <= {"Integer"}:
            return f"expected an Integer, not {value}"
        # A unitless quantity ("width": 1200) is lenient but universal (pixels, for images).
        fits = (
            not expected.isdisjoint(vocab.numeric)
            or not expected.isdisjoint(vocab.quantity)
            or "Text" in expected
        )
        return None if fits else f"a number is outside the range ({_names(expected)})"
    return None


def _text_problem(
    vocab: Vocabulary, expected: frozenset[str], value: str, as_id: bool
) -> str | None:
    if as_id and _ABSOLUTE_IRI.match(value):
        return None  # the context makes it a node reference
    member = vocab.members.get(_local(value))
    if member and any(not expected.isdisjoint(vocab.ancestors[m]) for m in member):
        return None
    if not expected.isdisjoint(vocab.quantity) and (
        _QUANTITY.match(value) or ("Duration" in expected and _ISO_DURATION.match(value))
    ):
        return None  # "<Number> <unit>", as schema.org's Quantity types are written
    if expected & {"Date", "DateTime", "Time"}:
        if (
            ("Date" in expected and _ISO_DATE.match(value))
            or ("DateTime" in expected and (_ISO_DATETIME.match(value) or _ISO_DATE.match(value)))
            or ("Time" in expected and _ISO_TIME.match(value))
        ):
            return None
        return f"not an ISO 8601 value for {_names(expected)}"
    if not expected.isdisjoint(vocab.numeric):
        return None if _NUMBER.match(value.strip()) else f"not a number ({_names(expected)})"
    if "Boolean" in expected and value.lower() in ("true", "false"):
        return None
    return f"text where {_names(expected)} is expected"


def _names(expected: frozenset[str]) -> str:
    return ", ".join(sorted(expected))


RULES: dict[str, Rule] = {
    "known-types": known_types,
    "known-properties": known_properties,
    "domain": property_domains,
    "range": property_ranges,
}


def vocabulary_issues(doc: Mapping[str, Any]) -> Iterator[Issue]:
    """Every schema.org vocabulary problem in one compact JSON-LD document."""
    vocab = vocabulary()
    for node, path in _walk(doc, ()):
        for name, rule in RULES.items():
            for found in rule(vocab, node, path):
                yield replace(found, rule=name)
