"""schema.org's published SHACL shapes via pyshacl, on the graph our RDF emitter produces."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jsonld_news.resources import schema_file
from jsonld_news.validate.report import Issue
from jsonld_news.validate.shacl import SHAPES_FILE, shacl_issues, shapes_graph
from tests.documents import news_article

pytest.importorskip("pyshacl")


def seed() -> dict[str, Any]:
    """The shape of what we emit (cf. /tmp/seed.jsonld)."""
    return news_article(related_link=True)


def issues(doc: dict[str, Any]) -> list[Issue]:
    return list(shacl_issues(doc))


def test_seed_conforms() -> None:
    assert issues(seed()) == []


def test_shapes_use_http_schema_org_like_our_triples() -> None:
    # Why no IRI mapping is needed for our own output: both sides say http://schema.org/.
    text = schema_file(SHAPES_FILE).read_text(encoding="utf-8")
    assert "@prefix schema1: <http://schema.org/> ." in text
    assert "https://schema.org/" not in text


def test_shapes_graph_is_parsed_once() -> None:
    assert shapes_graph() is shapes_graph()


def test_literal_text_values_conform() -> None:
    # Unpatched, :ValidSchemaText demands an IRI or blank node and every headline fails.
    doc = seed() | {"headline": "Scholz calls Putin", "alternativeHeadline": "A call"}
    assert issues(doc) == []


def test_literal_quantities_conform() -> None:
    # width: Distance | QuantitativeValue; Distance is a DataType written "1200 px".
    doc = seed()
    doc["image"][0] |= {"width": 1200, "height": "800 px"}
    assert issues(doc) == []


def test_text_author_violates_the_creative_work_shape() -> None:
    # author is checked on a NewsArticle only because the subclass chain reaches CreativeWork.
    [issue] = issues(seed() | {"author": "Jane Doe"})
    assert issue.path == "$.author" and issue.severity == "error"
    assert issue.validator == "shacl" and issue.value == "Jane Doe"
    assert "ValidSchemaPerson" in issue.message


def test_node_where_text_is_expected_is_a_violation() -> None:
    [issue] = issues(seed() | {"headline": {"@type": "Person", "name": "Jane"}})
    assert issue.path == "$.headline" and issue.severity == "error"
    assert "Literal" in issue.message


def test_nested_node_path() -> None:
    doc = seed()
    doc["image"][0]["creator"][0]["name"] = {"@id": "https://example.com/jane"}
    [issue] = issues(doc)
    assert issue.path == "$.image[0].creator[0].name"


def test_blank_nodes_are_located() -> None:
    doc = seed()
    del doc["image"][0]["@id"]  # now a blank node in the graph
    doc["image"][0]["creditText"] = {"@type": "Person", "name": "AFP"}
    [issue] = issues(doc)
    assert issue.path == "$.image[0].creditText"


def test_array_element_is_indexed_when_it_can_be_matched() -> None:
    doc = seed() | {"author": [{"@type": "Person", "name": "Jane Doe"}, "John Roe"]}
    [issue] = issues(doc)
    assert issue.path == "$.author[1]"


def test_https_schema_org_iris_are_mapped_to_the_shapes_namespace() -> None:
    doc = seed()
    del doc["headline"]
    doc["@type"] = "https://schema.org/NewsArticle"
    doc["https://schema.org/headline"] = {"@type": "Person", "name": "x"}
    [issue] = issues(doc)
    assert issue.path == "$.https://schema.org/headline"


def test_later_documents_reuse_the_parsed_and_pruned_shapes() -> None:
    # The cost of a check is the shapes' parse and pruning: done once per process and per set
    # of types, never per document (counted here; timings live in `make bench`).
    from jsonld_news.validate.shacl import _pruned_shapes

    issues(seed())  # shapes parsed, pruned for the seed's types
    parsed, pruned = shapes_graph.cache_info(), _pruned_shapes.cache_info()
    for headline in ("One", "Two", "Three"):
        issues(seed() | {"headline": headline})
    assert shapes_graph.cache_info().misses == parsed.misses
    assert _pruned_shapes.cache_info().misses == pruned.misses
    assert _pruned_shapes.cache_info().hits >= pruned.hits + 3


def test_shacl_error_names_pyshacl(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonld"
    path.write_text(json.dumps(seed()), encoding="utf-8")
    code = (
        "import sys; sys.modules['pyshacl'] = None\n"
        "from jsonld_news.cli import main\n"
        f"sys.argv = ['jsonld-news', 'validate', {str(path)!r}, '--validators', 'shacl']\n"
        "main()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "jsonld-news: error: the shacl validator needs pyshacl: pip install pyshacl"
    ]
