"""Google Search Article profile: recommended-property warnings, rejected values as errors."""

from __future__ import annotations

from typing import Any

import pytest

from jsonld_news.validate.google import RULES, google_issues
from jsonld_news.validate.report import Issue
from tests.documents import news_article


def seed() -> dict[str, Any]:
    """The shape of what we emit today (cf. /tmp/seed.jsonld)."""
    return news_article(image_credits=False, citations=0)


def complete() -> dict[str, Any]:
    """An article with every property Google recommends, all well-formed."""
    return seed() | {
        "datePublished": "2024-11-15T17:05:00+03:00",
        "dateModified": "2024-11-15T19:40:00+03:00",
        "author": [
            {
                "@type": "Person",
                "name": "Jane Doe",
                "jobTitle": "Correspondent",
                "url": "https://www.themoscowtimes.com/author/jane-doe",
            }
        ],
        "image": [
            {"@type": "ImageObject", "url": "https://static.themoscowtimes.com/image/1x1/a.jpg"},
            "https://static.themoscowtimes.com/image/16x9/a.jpg",
        ],
    }


def issues(doc: dict[str, Any]) -> list[Issue]:
    """Errors and warnings (info, such as a missing author.url, is left out)."""
    return [i for i in google_issues(doc) if i.severity != "info"]


def at(doc: dict[str, Any], path: str) -> list[Issue]:
    return [i for i in issues(doc) if i.path == path]


def errors(doc: dict[str, Any]) -> list[Issue]:
    return [i for i in issues(doc) if i.severity == "error"]


def test_seed_has_no_errors_only_the_expected_warnings() -> None:
    found = issues(seed())
    assert [i for i in found if i.severity == "error"] == []
    assert {i.path for i in found} == {
        "$.author",  # no byline
        "$.dateModified",  # recommended, missing
        "$.datePublished",  # a date without time or time zone
        "$.image[0]",  # ImageObject without url/contentUrl
    }


def test_complete_article_has_no_issues() -> None:
    assert issues(complete()) == []


def test_issues_name_the_validator() -> None:
    assert {i.validator for i in issues(seed())} == {"google"}


def test_rules_are_registered_by_name() -> None:
    assert "author-name" in RULES and "dates" in RULES and "image" in RULES


# --- article type -----------------------------------------------------------------------------


def test_non_article_is_an_error() -> None:
    [issue] = issues({"@context": "https://schema.org", "@type": "WebPage", "name": "x"})
    assert issue.path == "$.@type" and issue.severity == "error"


@pytest.mark.parametrize("type_name", ["Article", "BlogPosting", "ReportageNewsArticle"])
def test_article_subtypes_qualify(type_name: str) -> None:
    assert issues(complete() | {"@type": type_name}) == []


def test_articles_inside_a_graph_are_checked_with_their_path() -> None:
    doc = {"@context": "https://schema.org", "@graph": [complete() | {"headline": "x" * 111}]}
    [issue] = issues(doc)
    assert issue.path == "$.@graph[0].headline"


# --- recommended properties -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["author", "datePublished", "dateModified", "headline", "image"])
def test_missing_recommended_property_is_a_warning(name: str) -> None:
    doc = complete()
    del doc[name]
    [issue] = issues(doc)
    assert issue.path == f"$.{name}" and issue.severity == "warning"


def test_missing_author_url_is_only_info() -> None:
    # Google recommends author.url, but many bylines have no profile page: info, not a warning.
    doc = complete()
    del doc["author"][0]["url"]
    [issue] = google_issues(doc)
    assert (issue.rule, issue.severity, issue.path) == ("author-url", "info", "$.author[0].url")


def test_missing_publisher_is_a_warning() -> None:
    doc = complete()
    del doc["publisher"]
    [issue] = issues(doc)
    assert issue.path == "$.publisher" and issue.severity == "warning"


def test_publisher_without_name_is_a_warning() -> None:
    doc = complete() | {"publisher": {"@type": "Organization", "url": "https://x.example/"}}
    [issue] = issues(doc)
    assert issue.path == "$.publisher.name" and issue.severity == "warning"


# --- author type ------------------------------------------------------------------------------


def test_text_author_is_an_error() -> None:
    [issue] = errors(complete() | {"author": "Jane Doe"})
    assert issue.path == "$.author"


@pytest.mark.parametrize("author_type", ["Thing", "Place", None])
def test_author_must_be_person_or_organization(author_type: str | None) -> None:
    author: dict[str, Any] = {"name": "Jane Doe"}
    if author_type:
        author["@type"] = author_type
    [issue] = errors(complete() | {"author": [author]})
    assert issue.path == "$.author[0].@type"


@pytest.mark.parametrize("author_type", ["NewsMediaOrganization", "Organization", "Person"])
def test_person_organization_and_subclasses_are_fine(author_type: str) -> None:
    doc = complete() | {"author": {"@type": author_type, "name": "Reuters"}}
    assert errors(doc) == []


def test_author_without_name_is_a_warning() -> None:
    doc = complete() | {"author": {"@type": "Person", "url": "https://x.example/jane"}}
    [issue] = issues(doc)
    assert issue.path == "$.author.name" and issue.severity == "warning"


# --- author.name ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "By Jane Doe",
        "Posted by Jane Doe",
        "written by: Jane Doe",
        "Jane Doe, Senior Correspondent",
        "Jane Doe, Editor in Chief",
        "Dr. Jane Doe",
        "Prof Jane Doe",
        "Jane Doe PhD",
        "Jane Doe, M.D.",
        "https://example.com/photos/jane-doe.jpg",
        "jane-doe.png",
        "Jane Doe (jane@example.com)",
        "Jane Doe, The Moscow Times",
    ],
)
def test_author_name_with_more_than_a_name_is_an_error(name: str) -> None:
    doc = complete()
    doc["author"][0]["name"] = name
    [issue] = issues(doc)
    assert issue.path == "$.author[0].name"
    assert issue.severity == "error" and issue.value == name


@pytest.mark.parametrize("name", ["Willow Lane and Regula Felix", "Lane & Felix", "Lane; Felix"])
def test_merged_authors_are_a_warning(name: str) -> None:
    doc = complete()
    doc["author"][0]["name"] = name
    [issue] = issues(doc)
    assert issue.path == "$.author[0].name" and issue.severity == "warning"


@pytest.mark.parametrize(
    "name", ["Jane Doe", "Byron Shaw", "Drew Barrymore", "Mary-Kate O'Neil", "José Ángel Núñez"]
)
def test_plain_names_pass(name: str) -> None:
    doc = complete()
    doc["author"][0]["name"] = name
    assert issues(doc) == []


def test_organisation_names_may_contain_title_words() -> None:
    doc = complete() | {"author": {"@type": "Organization", "name": "Reporters Without Borders"}}
    assert issues(doc) == []


def test_publisher_as_organisation_author_is_fine() -> None:
    doc = complete() | {"author": {"@type": "Organization", "name": "The Moscow Times"}}
    assert issues(doc) == []


# --- author.url -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/author/jane-doe", "jane-doe", "mailto:jane@example.com"])
def test_author_url_must_be_absolute_http(url: str) -> None:
    doc = complete()
    doc["author"][0]["url"] = url
    [issue] = issues(doc)
    assert issue.path == "$.author[0].url" and issue.severity == "error"


def test_author_same_as_is_checked_with_its_index() -> None:
    doc = complete()
    doc["author"][0]["sameAs"] = ["https://x.example/jane", "not a url"]
    [issue] = issues(doc)
    assert issue.path == "$.author[0].sameAs[1]"


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["15/11/2024", "November 15, 2024", "2024-13-01", "2024-11-15T25:00Z", "2024-11-15 17:05"],
)
def test_non_iso_dates_are_errors(value: str) -> None:
    [issue] = issues(complete() | {"datePublished": value})
    assert issue.path == "$.datePublished" and issue.severity == "error"


def test_non_string_date_is_an_error() -> None:
    [issue] = issues(complete() | {"dateModified": 20241115})
    assert issue.path == "$.dateModified" and issue.severity == "error"


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("2024-11-15T17:05:00", "no time zone"),
        ("2024-11-15", "no time or time zone"),
        ("2024-11", "partial date"),
    ],
)
def test_missing_time_zone_is_a_warning(value: str, fragment: str) -> None:
    doc = complete() | {"datePublished": value, "dateModified": "2024-11-16T10:00:00Z"}
    [issue] = issues(doc)
    assert issue.path == "$.datePublished" and issue.severity == "warning"
    assert fragment in issue.message


@pytest.mark.parametrize(
    "value",
    [
        "2024-11-15T17:05:00Z",
        "2024-11-15T17:05+03:00",
        "2024-11-15T17:05:00.123+0300",
        "20241115T170500Z",
        "2024-11-15T17:05:00,5-05:00",
    ],
)
def test_iso_date_times_with_offsets_pass(value: str) -> None:
    doc = complete() | {"datePublished": value, "dateModified": "2024-11-16T10:00:00Z"}
    assert issues(doc) == []


def test_published_after_modified_is_an_error() -> None:
    doc = complete() | {
        "datePublished": "2024-11-15T20:00:00+03:00",
        "dateModified": "2024-11-15T19:40:00+03:00",
    }
    [issue] = issues(doc)
    assert issue.path == "$.datePublished" and issue.severity == "error"


def test_offsets_are_compared_as_instants() -> None:
    # 18:00+03:00 is 15:00Z, before 16:00Z.
    doc = complete() | {
        "datePublished": "2024-11-15T18:00:00+03:00",
        "dateModified": "2024-11-15T16:00:00Z",
    }
    assert issues(doc) == []


def test_date_only_compares_by_day() -> None:
    doc = complete() | {"datePublished": "2024-11-15", "dateModified": "2024-11-15T08:00:00Z"}
    assert [i.severity for i in issues(doc)] == ["warning"]  # only the missing time
    doc["datePublished"] = "2024-11-16"
    assert any(i.severity == "error" for i in issues(doc))


# --- image ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/images/a.jpg",
        "images/a.jpg",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://x.example/a.jpg",
    ],
)
def test_uncrawlable_image_url_is_an_error(url: str) -> None:
    [issue] = issues(complete() | {"image": [url]})
    assert issue.path == "$.image[0]" and issue.severity == "error"


def test_image_object_url_and_content_url_are_checked() -> None:
    doc = complete() | {"image": {"@type": "ImageObject", "contentUrl": "//cdn.example/a.jpg"}}
    [issue] = issues(doc)
    assert issue.path == "$.image.contentUrl" and issue.severity == "error"


def test_image_object_without_url_is_a_warning() -> None:
    [issue] = issues(complete() | {"image": [{"@type": "ImageObject", "caption": "x"}]})
    assert issue.path == "$.image[0]" and issue.severity == "warning"


def test_unsupported_image_format_is_a_warning() -> None:
    [issue] = issues(complete() | {"image": "https://x.example/scan.tiff"})
    assert issue.path == "$.image" and issue.severity == "warning"


# --- headline ---------------------------------------------------------------------------------


def test_headline_over_110_characters_is_a_warning() -> None:
    assert issues(complete() | {"headline": "x" * 110}) == []
    [issue] = issues(complete() | {"headline": "x" * 111})
    assert issue.path == "$.headline" and issue.severity == "warning"


def test_non_text_headline_is_an_error() -> None:
    [issue] = issues(complete() | {"headline": ["a", "b"]})
    assert issue.path == "$.headline" and issue.severity == "error"
