"""A JSON field of the wrong type is reported (field, type found, type expected), never coerced
or dropped; every wrong field of a document is reported at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import jsonld_news
from jsonld_news.cli import app
from jsonld_news.options import Options
from jsonld_news.readers.fields import OWN_KINDS, type_problems

NO_NLP = Options(recognize_entities=False, detect_language=False)

OWN = {"headline": "H", "datePublished": "2024-01-02", "body": "Body."}
NEWSPLEASE = {"title": "H", "date_publish": "2024-01-02 10:00:00", "maintext": "Body."}
TRAFILATURA = {"title": "H", "date": "2024-01-02", "text": "Body.", "source-hostname": "x.com"}
JSONLD = {"@context": "https://schema.org", "@type": "NewsArticle", **OWN}

# (base document, wrong fields, field path reported, type found, type expected)
CASES: list[tuple[str, dict[str, Any], dict[str, Any], list[tuple[str, str, str]]]] = [
    (
        "own",
        OWN,
        {"title": 42, "text": ["no"], "date": {"a": 1}},
        [
            ("title", "number", "text"),
            ("text", "array", "text"),
            ("date", "object", "text"),
        ],
    ),
    (
        "own nested",
        OWN,
        {"author": [{"name": 7}, "Ann Lee", True], "keywords": ["a", 3], "related": "x"},
        [
            ("author[0].name", "number", "text"),
            ("author[2]", "boolean", "text or an object"),
            ("keywords[1]", "number", "text"),
            ("related", "text", "an array of text or objects"),
        ],
    ),
    (
        "own top level",
        OWN,
        {"publisher": 3, "image": False},
        [
            ("publisher", "number", "text or an object"),
            ("image", "boolean", "text, an object, or an array of them"),
        ],
    ),
    (
        "news-please",
        NEWSPLEASE,
        {"title": 42, "text": ["no"], "date_publish": {"a": 1}, "authors": [1]},
        [
            ("title", "number", "text"),
            ("text", "array", "text"),
            ("date_publish", "object", "text"),
            ("authors[0]", "number", "text"),
        ],
    ),
    (
        "trafilatura",
        TRAFILATURA,
        {"title": False, "author": ["A", "B"], "tags": {"x": 1}, "date": 20240102},
        [
            ("title", "boolean", "text"),
            ("author", "array", "text"),
            ("tags", "object", "text or an array of text"),
            ("date", "number", "text"),
        ],
    ),
    (
        "json-ld",
        JSONLD,
        {"headline": 42, "datePublished": {"@type": "Date"}, "author": {"name": ["x"]}},
        [
            ("headline", "number", "text"),
            ("datePublished", "object", "text"),
            ("author.name", "array", "text"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "base", "wrong", "expected"), CASES, ids=[c[0] for c in CASES])
def test_every_wrong_typed_field_is_reported_at_once(
    name: str, base: dict[str, Any], wrong: dict[str, Any], expected: list[tuple[str, str, str]]
) -> None:
    doc = {**base, **wrong}
    with pytest.raises(jsonld_news.ArticleError) as caught:
        jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP, name="a.json")
    problems = caught.value.problems
    assert sorted((p.field, p.message) for p in problems) == sorted(
        (path, f"expected {want}, found {found}") for path, found, want in expected
    )
    assert str(caught.value).startswith("a.json: ")


@pytest.mark.parametrize("base", [OWN, NEWSPLEASE, TRAFILATURA, JSONLD])
def test_right_types_and_nulls_are_read(base: dict[str, Any]) -> None:
    nulls = dict.fromkeys(("description", "url"), None)
    article = jsonld_news.read(json.dumps({**base, **nulls}).encode(), options=NO_NLP)
    assert article.headline == "H" and article.body.startswith("Body")


def test_json_ld_forms_of_text_are_accepted() -> None:
    doc = {
        **JSONLD,
        "headline": {"@value": "H", "@language": "en"},
        "inLanguage": {"@type": "Language", "name": "en"},
        "keywords": ["a", {"name": "b"}],
        "author": {"@id": "https://example.com/staff/ann"},
    }
    assert jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP).headline == "H"
    assert type_problems({"headline": {"@value": "H"}}, OWN_KINDS) != []  # own JSON: strict


def test_cli_lists_every_wrong_field_in_one_line_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "np.json"
    path.write_text(json.dumps({**NEWSPLEASE, "title": 42, "date_publish": {"a": 1}}))
    result = CliRunner().invoke(app, ["convert", str(path), "--no-mentions"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "title: expected text, found number (42)" in result.stderr
    assert "date_publish: expected text, found object" in result.stderr


def test_a_json_ld_publisher_in_an_array_is_read() -> None:
    doc = {**JSONLD, "publisher": [{"@type": "Organization", "name": "The Daily"}]}
    article = jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP)
    assert jsonld_news.to_jsonld(article)["publisher"]["name"] == "The Daily"
