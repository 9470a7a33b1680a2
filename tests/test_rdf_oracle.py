"""The contract of the fast emitter: every RDF output is the graph pyld gets from our JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import jsonld_news
from jsonld_news.jsonld import explicit, to_jsonld
from jsonld_news.options import Options
from jsonld_news.rdf import canonical_double, triples
from jsonld_news.serialize import render
from tests.conftest import EXAMPLES
from tests.oracle import parsed, pyld_graph
from tests.strategies import own_json_article

EXAMPLE_INPUTS = sorted((EXAMPLES / "inputs").iterdir())
RDF_FORMATS = {"nt": "nt", "turtle": "turtle", "nq": "nq", "rdfxml": "xml"}


def _assert_same_graph(doc: dict[str, Any]) -> None:
    expected = pyld_graph(explicit(doc))  # the document as the jsonld output publishes it
    assert expected == pyld_graph(json.loads(render(doc, "jsonld")))
    assert expected, "pyld produced no triples"
    for format_name, rdflib_format in RDF_FORMATS.items():
        got = parsed(render(doc, format_name), rdflib_format)
        assert got == expected, f"{format_name}: missing {expected - got}, extra {got - expected}"


@pytest.mark.parametrize("path", EXAMPLE_INPUTS, ids=lambda p: p.name)
def test_examples_mean_the_same_graph_in_every_format(path: Path) -> None:
    _assert_same_graph(to_jsonld(jsonld_news.read(path)))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(own_json_article())
def test_generated_articles_mean_the_same_graph(article: dict[str, Any]) -> None:
    data = json.dumps(article).encode()
    options = Options(recognize_entities=False, detect_language=False)
    try:
        doc = to_jsonld(jsonld_news.read(data, "json", options=options))
    except jsonld_news.ArticleError:
        return  # an unparseable generated date is a rejected input, tested elsewhere
    _assert_same_graph(doc)


def test_no_blank_nodes_in_our_output(seed_bytes: bytes) -> None:
    doc = to_jsonld(jsonld_news.read(seed_bytes, "text"))
    assert not [t for t in triples(doc) if t[0].startswith("_:") or t[2].startswith("_:")]


def test_dates_are_typed_so_sparql_can_compare_them(seed_bytes: bytes) -> None:
    doc = to_jsonld(jsonld_news.read(seed_bytes, "text"))
    nt = render(doc, "nt")
    assert '"2024-11-15"^^<http://www.w3.org/2001/XMLSchema#date>' in nt
    assert "<https://schema.org/" not in nt  # the 30.0 context expands to http://schema.org/
    published = json.loads(render(doc, "jsonld"))
    assert published["datePublished"] == {
        "@value": "2024-11-15",
        "@type": "http://www.w3.org/2001/XMLSchema#date",
    }
    assert '"datePublished": "2024-11-15"' in render(doc, "html")  # the SEO block: plain text
    # pyld, under a context without any coercion (as schema.org's after 30.0), reads the same
    bare = {"@vocab": "http://schema.org/"}
    assert pyld_graph(dict(published, **{"@context": bare})) == pyld_graph(published)


@pytest.mark.parametrize(
    ("text", "datatype"),
    [
        ("2024-11-15", "date"),
        ("2024-11-15T10:00:00+01:00", "dateTime"),
        ("2024-11-15T10:00:00.5Z", "dateTime"),
        ("2024-11-15T10:00Z", None),  # xsd:dateTime needs seconds
        ("2024-11", None),
    ],
)
def test_date_datatype_follows_the_lexical_form(text: str, datatype: str | None) -> None:
    from jsonld_news.jsonld import date_datatype

    expected = (
        f"http://www.w3.org/2001/XMLSchema#{datatype}" if datatype else "http://schema.org/Date"
    )
    assert date_datatype(text) == expected


@pytest.mark.parametrize(
    "value",
    [
        {"@type": "Thing", "@id": "https://e.example/x", "name": "n", "width": 1.5},
        {"@type": "Thing", "@id": "https://e.example/x", "width": 2.0, "isFamilyFriendly": True},
        {"@type": ["Thing", "Place"], "@id": "https://e.example/x", "latitude": 1e22},
        {"@type": "Thing", "@id": "https://e.example/x", "url": "https://e.example/", "sameAs": []},
        {"@type": "Thing", "@id": "https://e.example/x", "name": {"@value": "v", "@type": "Text"}},
    ],
)
def test_emitter_matches_pyld_on_edge_values(value: dict[str, Any]) -> None:
    doc = {"@context": "https://schema.org", **value}
    assert parsed(render(doc, "nt"), "nt") == pyld_graph(explicit(doc))


def test_canonical_double() -> None:
    assert canonical_double(1.5) == "1.5E0"
    assert canonical_double(-0.000125) == "-1.25E-4"
    assert canonical_double(1e22) == "1.0E22"


@pytest.mark.parametrize("format_name", ["jsonld-expanded", "jsonld-flattened"])
def test_expanded_and_flattened_forms_mean_the_same_graph(
    format_name: str, seed_bytes: bytes
) -> None:
    doc = to_jsonld(jsonld_news.read(seed_bytes, "text"))
    other = json.loads(render(doc, format_name))
    assert not _keys(other) & {"id", "type"}  # keywords, not the context's aliases
    graph = pyld_graph(other if isinstance(other, dict) else {"@graph": other})
    assert graph == pyld_graph(explicit(doc))


def _keys(value: Any) -> set[str]:
    if isinstance(value, list):
        return set().union(*(_keys(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return set(value).union(*(_keys(v) for v in value.values()))
    return set()
