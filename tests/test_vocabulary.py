"""schema.org 30.0 vocabulary validator: types, properties, domains, ranges, JSON paths."""

from __future__ import annotations

from typing import Any

import pytest

from jsonld_news.validate.report import Issue
from jsonld_news.validate.vocabulary import RULES, vocabulary, vocabulary_issues
from tests.documents import PAGE, news_article


def seed() -> dict[str, Any]:
    """The shape of what we emit (cf. /tmp/seed.jsonld), with a short body."""
    return news_article(citations=2)


def issues(doc: dict[str, Any]) -> list[Issue]:
    return list(vocabulary_issues(doc))


def at(doc: dict[str, Any], path: str) -> list[Issue]:
    return [i for i in issues(doc) if i.path == path]


def test_seed_has_no_issues() -> None:
    assert issues(seed()) == []


def test_issues_name_the_validator() -> None:
    doc = seed() | {"headlin": "x"}
    assert {i.validator for i in issues(doc)} == {"schema.org"}


def test_rules_are_registered_by_name() -> None:
    assert set(RULES) == {"known-types", "known-properties", "domain", "range"}


# --- types ------------------------------------------------------------------------------------


def test_unknown_root_type_is_an_error() -> None:
    doc = seed() | {"@type": "NewsArtikel"}
    [issue] = at(doc, "$.@type")
    assert issue.severity == "error" and issue.value == "NewsArtikel"


def test_unknown_nested_type_is_an_error_with_its_path() -> None:
    doc = seed()
    doc["image"][0]["creator"][0]["@type"] = "Persn"
    [issue] = at(doc, "$.image[0].creator[0].@type")
    assert issue.severity == "error"


def test_type_list_reports_the_index() -> None:
    doc = seed() | {"@type": ["NewsArticle", "Bogus"]}
    [issue] = at(doc, "$.@type[1]")
    assert issue.value == "Bogus"


@pytest.mark.parametrize(
    "type_name",
    ["https://schema.org/NewsArticle", "http://schema.org/NewsArticle", "schema:NewsArticle"],
)
def test_schema_org_iris_and_curies_are_known_types(type_name: str) -> None:
    assert issues(seed() | {"@type": type_name}) == []


def test_external_type_iri_is_a_warning() -> None:
    doc = seed()
    doc["publisher"]["@type"] = ["Organization", "http://xmlns.com/foaf/0.1/Organization"]
    [issue] = at(doc, "$.publisher.@type[1]")
    assert issue.severity == "warning"


def test_superseded_type_is_a_warning() -> None:
    doc = seed()
    doc["citation"][0]["@type"] = "Code"  # superseded by SoftwareSourceCode
    [issue] = at(doc, "$.citation[0].@type")
    assert issue.severity == "warning" and "SoftwareSourceCode" in issue.message


# --- properties -------------------------------------------------------------------------------


def test_unknown_property_is_an_error() -> None:
    doc = seed() | {"headlin": "typo"}
    [issue] = at(doc, "$.headlin")
    assert issue.severity == "error"


def test_unknown_nested_property_is_an_error_with_its_path() -> None:
    doc = seed()
    doc["image"][0]["creditTxt"] = "AFP"
    [issue] = at(doc, "$.image[0].creditTxt")
    assert issue.severity == "error"


def test_curie_and_full_iri_properties_are_known() -> None:
    doc = seed()
    headline = doc.pop("headline")
    doc["schema:headline"] = headline
    doc["http://schema.org/alternativeHeadline"] = "Scholz calls Putin"
    assert issues(doc) == []


def test_external_property_is_a_warning() -> None:
    doc = seed() | {"dcterms:title": "x"}
    [issue] = at(doc, "$.dcterms:title")
    assert issue.severity == "warning"


def test_superseded_property_is_a_warning() -> None:
    doc = seed() | {"language": "en"}  # superseded by inLanguage (and a WriteAction property)
    found = at(doc, "$.language")
    assert any("superseded by inLanguage" in i.message for i in found)
    assert {i.severity for i in found} == {"warning"}


def test_keywords_and_aliases_are_not_properties() -> None:
    doc = seed()
    doc["publisher"] = {"type": "Organization", "id": "urn:x:org", "name": "The Moscow Times"}
    assert issues(doc) == []


# --- domains ----------------------------------------------------------------------------------


def test_inherited_properties_are_in_domain() -> None:
    # articleBody (Article), headline (CreativeWork), name (Thing) all apply to a NewsArticle.
    doc = seed() | {"name": "Scholz and Putin", "dateline": "MOSCOW"}
    assert issues(doc) == []


def test_property_outside_domain_is_a_warning() -> None:
    doc = seed()
    doc["citation"][0]["author"]["headline"] = "not a person's property"
    [issue] = at(doc, "$.citation[0].author.headline")
    assert issue.severity == "warning" and "CreativeWork" in issue.message


def test_article_property_on_a_plain_creative_work_is_a_warning() -> None:
    doc = seed()
    doc["citation"][0]["articleBody"] = "text"  # articleBody is an Article property
    [issue] = at(doc, "$.citation[0].articleBody")
    assert issue.severity == "warning"


def test_untyped_nodes_skip_the_domain_check() -> None:
    doc = seed() | {"author": {"name": "Jane Doe"}}
    assert issues(doc) == []


# --- ranges -----------------------------------------------------------------------------------


def test_text_where_only_a_thing_is_expected_is_a_warning() -> None:
    doc = seed() | {"author": "Jane Doe"}
    [issue] = at(doc, "$.author")
    assert issue.severity == "warning" and issue.value == "Jane Doe"


def test_text_is_fine_for_url_and_text_ranges() -> None:
    doc = seed() | {"url": PAGE, "mainEntityOfPage": PAGE, "image": ["https://example.com/a.jpg"]}
    assert issues(doc) == []


def test_node_outside_the_range_is_a_warning() -> None:
    doc = seed() | {"author": {"@type": "Place", "name": "Kremlin"}}
    [issue] = at(doc, "$.author")
    assert issue.severity == "warning" and "Place" in issue.message


def test_subclass_node_is_in_range() -> None:
    # NewsMediaOrganization < Organization, which author accepts.
    doc = seed() | {"author": [{"@type": "NewsMediaOrganization", "name": "TASS"}]}
    assert issues(doc) == []


def test_array_value_out_of_range_reports_its_index() -> None:
    doc = seed() | {"author": [{"@type": "Person", "name": "A"}, {"@type": "Place", "name": "B"}]}
    [issue] = at(doc, "$.author[1]")
    assert issue.severity == "warning"


def test_related_link_takes_urls_not_nodes() -> None:
    # What /tmp/seed.jsonld emits today: relatedLink's range is URL only.
    doc = seed()
    doc["mainEntityOfPage"]["relatedLink"] = [
        {"@type": "CreativeWork", "@id": PAGE + "#related-1", "name": "Related"}
    ]
    [issue] = at(doc, "$.mainEntityOfPage.relatedLink[0]")
    assert issue.severity == "warning" and "URL" in issue.message
    doc["mainEntityOfPage"]["relatedLink"] = [PAGE + "-related"]
    assert issues(doc) == []


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2024-11-15", True), ("2024-11-15T10:00:00+03:00", True), ("yesterday", False)],
)
def test_dates_must_look_like_iso_8601(value: str, ok: bool) -> None:
    found = at(seed() | {"datePublished": value}, "$.datePublished")
    assert (found == []) is ok


@pytest.mark.parametrize(
    ("value", "ok"), [(456, True), ("456", True), ("many", False), (4.5, False)]
)
def test_numbers(value: Any, ok: bool) -> None:
    found = at(seed() | {"wordCount": value}, "$.wordCount")
    assert (found == []) is ok


@pytest.mark.parametrize(
    ("width", "ok"),
    [(1200, True), ("1200", True), ("1200 px", True), ("12.5 cm", True), ("wide", False)],
)
def test_quantities_take_number_and_unit(width: Any, ok: bool) -> None:
    doc = seed()
    doc["image"][0]["width"] = width  # range Distance | QuantitativeValue
    assert (at(doc, "$.image[0].width") == []) is ok


@pytest.mark.parametrize(("duration", "ok"), [("PT1H30M", True), ("P2D", True), ("an hour", False)])
def test_durations(duration: str, ok: bool) -> None:
    doc = seed() | {"timeRequired": duration}  # range Duration
    assert (at(doc, "$.timeRequired") == []) is ok


def test_enumeration_members_are_accepted_as_text() -> None:
    offer: dict[str, Any] = {"@type": "Offer", "availability": "https://schema.org/InStock"}
    doc = seed() | {"offers": offer}
    assert issues(doc) == []
    offer["availability"] = "InStock"
    assert issues(doc) == []
    offer["availability"] = "Purple"
    [issue] = at(doc, "$.offers.availability")
    assert issue.severity == "warning"


def test_iri_for_an_id_coerced_property_is_a_reference() -> None:
    # The context coerces isBasedOn to @id; an IRI there names a node.
    assert issues(seed() | {"isBasedOn": "https://example.com/original"}) == []


def test_graph_members_are_walked() -> None:
    doc = {"@context": "https://schema.org", "@graph": [seed() | {"headlin": "x"}]}
    assert [i.path for i in issues(doc)] == ["$.@graph[0].headlin"]


# --- cost -------------------------------------------------------------------------------------


def test_vocabulary_is_parsed_once_per_process() -> None:
    assert vocabulary() is vocabulary()
    fresh = vocabulary.__wrapped__()
    assert fresh.is_a("NewsArticle", "Thing") and fresh.is_property("headline")


def test_checking_documents_never_parses_the_vocabulary_again() -> None:
    # Counted, not timed (timings live in `make bench`): the cost of a check is the vocabulary's
    # parse, done once; each further document is a walk over its own nodes.
    doc = seed()
    list(vocabulary_issues(doc))
    before = vocabulary.cache_info()
    for _ in range(50):
        list(vocabulary_issues(doc))
    after = vocabulary.cache_info()
    assert after.misses == before.misses and after.hits > before.hits
