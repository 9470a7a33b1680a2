"""schemas/newsarticle.shacl.ttl: our NewsArticle shapes, run with pyshacl (``shacl-news``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jsonld_news import validate_page
from jsonld_news.validate.shacl import news_shacl_issues
from tests.documents import news_article

pytest.importorskip("pyshacl")

CASES = Path(__file__).parent / "fixtures" / "validate-cases"


def found(doc: dict[str, Any]) -> list[tuple[str, str, str]]:
    return sorted((i.severity, i.path, i.rule) for i in news_shacl_issues(doc))


def test_our_output_has_no_errors() -> None:
    # Our seed has no author (the dump names none): Google only recommends one, so a warning.
    assert found(news_article(related_link=True)) == [
        ("warning", "$.author", "MinCountConstraintComponent")
    ]


def test_literals_are_values_not_violations() -> None:
    # The published shapes, unpatched, reject every literal; ours check their form instead.
    doc = news_article() | {"author": {"@type": "Person", "name": "Jane Doe"}, "wordCount": 12}
    doc["image"][0] |= {"url": "https://news.example/a.jpg", "width": 1200, "height": "675 px"}
    assert found(doc) == []


def test_values_google_rejects_are_violations() -> None:
    doc = news_article() | {
        "author": [{"@type": "NewsMediaOrganization", "name": "TASS"}, "Jane Doe"],
        "datePublished": "15/11/2024",
        "wordCount": -3,
        "isAccessibleForFree": False,
        "hasPart": {"@type": "WebPageElement", "cssSelector": "#paywall"},
    }
    assert found(doc) == [
        ("error", "$.author[1]", "NodeConstraintComponent"),
        ("error", "$.datePublished", "PatternConstraintComponent"),
        ("error", "$.hasPart", "NodeConstraintComponent"),
        ("error", "$.wordCount", "OrConstraintComponent"),
    ]


def test_on_a_page_references_are_resolved_first() -> None:
    # A Yoast-style @graph: author and publisher are {"@id"} references to other members.
    report = validate_page(CASES / "good-graph-references.html", ["shacl-news"])
    assert report.issues == []
    report = validate_page(CASES / "author-by-prefix.html", ["shacl-news"])
    assert [(i.severity, i.path) for i in report.issues] == [("error", "$.jsonld[0].author")]
