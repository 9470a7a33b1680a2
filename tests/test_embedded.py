"""Embedded structured data: the lenient JSON-LD reader and node normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import document_fromstring

from jsonld_news.errors import ConfigError
from jsonld_news.readers.embedded import (
    extract_embedded,
    iter_nodes,
    jsonld_nodes,
    normalize_node,
    parse_json_lenient,
    parse_syntaxes,
    short_name,
    types_of,
)

FIXTURES = Path(__file__).parent / "fixtures" / "html"
SYNTAXES = ("json-ld", "microdata", "opengraph", "dublincore")


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('{"@type": "NewsArticle"}', [{"@type": "NewsArticle"}]),
        ('<!-- {"@type": "NewsArticle"} -->', [{"@type": "NewsArticle"}]),
        ('//<![CDATA[\n{"@type": "NewsArticle"}\n//]]>', [{"@type": "NewsArticle"}]),
        ('/*<![CDATA[*/ {"@type": "NewsArticle"} /*]]>*/', [{"@type": "NewsArticle"}]),
        ('{"@type": "NewsArticle"};', [{"@type": "NewsArticle"}]),
        (
            '{"@type": "NewsArticle", "keywords": ["a", "b",],}',
            [{"@type": "NewsArticle", "keywords": ["a", "b"]}],
        ),
        ("{&quot;@type&quot;: &quot;NewsArticle&quot;}", [{"@type": "NewsArticle"}]),
        ('{"@type": "A"}{"@type": "B"}', [{"@type": "A"}, {"@type": "B"}]),
        ('{"@type": "A"},\n{"@type": "B"}', [{"@type": "A"}, {"@type": "B"}]),
        ('{"headline": "line\nbreak\tand tab"}', [{"headline": "line\nbreak\tand tab"}]),
        ('{"@type": "A",\x01 "name": "x"}', [{"@type": "A", "name": "x"}]),
        ('// a comment\n{"@type": "A"}', [{"@type": "A"}]),
    ],
)
def test_lenient_repairs(script: str, expected: list[object]) -> None:
    values, _notes = parse_json_lenient(script)
    assert values == expected


def test_repairs_are_noted() -> None:
    _values, notes = parse_json_lenient('<!-- {"@type": "A"}; -->')
    assert any("wrapper" in note for note in notes)


def test_hopeless_script_is_skipped_with_a_note() -> None:
    values, notes = parse_json_lenient('{"this is": not json')
    assert values == []
    assert any("skipped" in note for note in notes)


def test_ten_thousand_levels_do_not_crash() -> None:
    values, notes = parse_json_lenient("[" * 10_000 + "]" * 10_000)
    assert values == []
    assert any("deep" in note for note in notes)
    deep_object = '{"a":' * 10_000 + "1" + "}" * 10_000
    nodes = jsonld_nodes([deep_object, '{"@type": "NewsArticle"}'], [])
    assert [types_of(n) for n in nodes] == [["NewsArticle"]]


@pytest.mark.parametrize(
    "name",
    [
        "http://schema.org/NewsArticle",
        "https://schema.org/NewsArticle",
        "https://www.schema.org/NewsArticle",
        "http://schema.org/#NewsArticle",
        "schema:NewsArticle",
        "NewsArticle",
    ],
)
def test_schema_org_spellings(name: str) -> None:
    assert short_name(name) == "NewsArticle"


def test_graph_main_entity_and_type_arrays_are_flattened() -> None:
    document = {
        "@context": {"@vocab": "http://schema.org/"},
        "@graph": [
            {
                "@type": "WebPage",
                "mainEntity": {
                    "@type": ["http://schema.org/NewsArticle", "Article"],
                    "http://schema.org/headline": "H",
                },
            }
        ],
    }
    nodes = list(iter_nodes(normalize_node(document)))
    assert [types_of(n) for n in nodes] == [["WebPage"], ["NewsArticle", "Article"]]
    assert nodes[1]["headline"] == "H"
    assert "@context" not in normalize_node(document)


def test_malformed_fixture_page() -> None:
    tree = document_fromstring((FIXTURES / "malformed_jsonld.html").read_bytes())
    found = extract_embedded(tree, SYNTAXES)
    kinds = {t for node in found.jsonld for t in types_of(node)}
    assert {"NewsArticle", "BreadcrumbList", "Organization", "ImageObject", "VideoObject"} <= kinds
    assert "Thing" in kinds  # the script with a raw control character
    assert found.canonical == "https://news.example.com/2024/03/05/tram-extension"
    assert found.opengraph["og:site_name"] == ["Example Times"]
    assert any("skipped" in note for note in found.notes)


def test_microdata_and_meta() -> None:
    tree = document_fromstring((FIXTURES / "conflicting_sources.html").read_bytes())
    found = extract_embedded(tree, SYNTAXES)
    article = next(n for n in found.microdata if "NewsArticle" in types_of(n))
    assert article["headline"] == "Council OKs tram extension"
    assert found.meta["article:published_time"] == ["2024-03-07T10:00:00Z"]


def test_opt_in_syntaxes_are_off_by_default() -> None:
    tree = document_fromstring(b"<html><body><p>x</p></body></html>")
    found = extract_embedded(tree, SYNTAXES)
    assert found.rdfa == [] and found.microformats == []


def test_syntaxes_option() -> None:
    assert parse_syntaxes("json-ld, RDFa,microformats") == ("json-ld", "rdfa", "microformat")
    assert "rdfa" in parse_syntaxes("all")
    with pytest.raises(ConfigError, match="unknown HTML syntax"):
        parse_syntaxes("json-ld,turtle")


def test_rdfa_when_asked() -> None:
    page = (
        '<html><body vocab="http://schema.org/" typeof="NewsArticle">'
        '<h1 property="headline">RDFa headline</h1>'
        '<span property="author" typeof="Person"><span property="name">Ann Lee</span></span>'
        "</body></html>"
    )
    tree = document_fromstring(page)
    found = extract_embedded(tree, ("rdfa",), text=page)
    article = next(n for n in found.rdfa if "NewsArticle" in types_of(n))
    assert article["headline"] == "RDFa headline"


@settings(deadline=None)
@given(st.text(max_size=300))
def test_lenient_reader_never_raises(text: str) -> None:
    values, notes = parse_json_lenient(text)
    assert isinstance(values, list) and isinstance(notes, list)


@settings(deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.text(max_size=5),
        lambda c: st.lists(c) | st.dictionaries(st.text(max_size=5), c),
    )
)
def test_normalisation_never_raises(value: object) -> None:
    list(iter_nodes(normalize_node(value)))


def test_a_syntax_left_out_is_ignored() -> None:
    tree = document_fromstring((FIXTURES / "conflicting_sources.html").read_bytes())
    found = extract_embedded(tree, ("json-ld",))
    assert found.microdata == [] and found.opengraph == {}
    assert not any(key.startswith("og:") for key in found.meta)
