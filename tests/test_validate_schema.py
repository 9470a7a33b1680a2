"""JSON Schema validation: our output always validates; fast and full validators agree."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import jsonld_news
from jsonld_news.options import Options
from jsonld_news.resources import schema_file
from jsonld_news.validate.schema import is_valid, schema_issues
from tests.conftest import EXAMPLES
from tests.strategies import own_json_article

OPTIONS = Options(recognize_entities=False, detect_language=False)


def _doc(article: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return jsonld_news.to_jsonld(
            jsonld_news.read(json.dumps(article).encode(), "json", options=OPTIONS)
        )
    except jsonld_news.ArticleError:
        return None


@settings(deadline=None)
@given(own_json_article())
def test_our_output_always_validates(article: dict[str, Any]) -> None:
    doc = _doc(article)
    if doc is not None:
        assert is_valid(doc)
        assert list(schema_issues(doc)) == []


_BREAKAGES = [
    ("datePublished", "15/11/2024"),
    ("headline", ""),
    ("@context", "https://example.org/other"),
    ("url", "not a url"),
    ("wordCount", -1),
    ("author", [{"@type": "Person", "name": "By Jane Roe"}]),
    ("author", [{"name": "No type"}]),
    ("image", [{"@type": "ImageObject", "contentUrl": "no scheme"}]),
]


@settings(deadline=None)
@given(own_json_article(), st.sampled_from(_BREAKAGES))
def test_fast_and_full_validators_agree(article: dict[str, Any], breakage: tuple[str, Any]) -> None:
    doc = _doc(article)
    if doc is None:
        return
    broken = copy.deepcopy(doc)
    broken[breakage[0]] = breakage[1]
    issues = list(schema_issues(broken))
    assert not is_valid(broken)
    assert issues and all(i.path.startswith("$") for i in issues)


def test_issue_paths_point_into_the_document() -> None:
    doc = jsonld_news.to_jsonld(
        jsonld_news.read(EXAMPLES / "inputs" / "council-budget.json", options=OPTIONS)
    )
    doc["author"][1]["name"] = "By Tom Okafor"
    doc["datePublished"] = "June 12"
    paths = {i.path: i.value for i in schema_issues(doc)}
    assert paths == {"$.author[1].name": "By Tom Okafor", "$.datePublished": "June 12"}


def test_input_example_follows_the_documented_input_schema() -> None:
    schema = json.loads(schema_file("article.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    example = json.loads((EXAMPLES / "inputs" / "council-budget.json").read_text())
    assert list(Draft202012Validator(schema).iter_errors(example)) == []
