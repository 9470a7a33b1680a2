"""Dates, identities and the markdown-lite body, with property tests where a rule is general."""

from __future__ import annotations

from datetime import UTC

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jsonld_news.body import to_plain
from jsonld_news.dates import DateParseError, date_label, parse_date
from jsonld_news.identity import entity_iri, normalize_url, slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 15, 2024", "2024-11-15"),
        ("2024-11-15", "2024-11-15"),
        ("2024-11-15T10:00:00Z", "2024-11-15T10:00:00Z"),
        ("2024-11-15T10:00:00+02:00", "2024-11-15T10:00:00+02:00"),
        ("2024-11-15 10:00:00", "2024-11-15T10:00:00"),
        ("15 March 2021 14:05", "2021-03-15T14:05:00"),
        ("Fri, 15 Nov 2024 09:30:00 GMT", "2024-11-15T09:30:00Z"),
    ],
)
def test_parse_date_keeps_precision(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_timezone_is_attached_only_to_times() -> None:
    assert parse_date("2024-11-15 10:00", UTC) == "2024-11-15T10:00:00Z"
    assert parse_date("November 15, 2024", UTC) == "2024-11-15"


@pytest.mark.parametrize("text", ["yesterday-ish", "2024-13-45", "November 2024", "x" * 200])
def test_unparseable_dates_are_refused(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_date(text)


def test_slug_and_iri_are_stable() -> None:
    assert slug("Volodymyr Zelensky") == "volodymyr-zelensky"
    assert slug("Émile Zola") == "emile-zola"
    assert slug("Ukraine's") == "ukraines"
    assert slug("Владимир Путин") == "владимир-путин"
    assert entity_iri("urn:x:", "City", "Kyiv") == entity_iri("urn:x:", "Place", "Kyiv")


def test_an_organisation_with_or_without_its_article_is_one_iri() -> None:
    """ "The Economic Times" and "Economic Times": one outlet, one IRI; a person keeps it."""
    org = entity_iri("urn:x:", "NewsMediaOrganization", "The Economic Times")
    assert org == entity_iri("urn:x:", "Organization", "Economic Times")
    assert org == "urn:x:organization/economic-times"
    assert entity_iri("urn:x:", "Organization", "The") == "urn:x:organization/the"
    assert entity_iri("urn:x:", "Person", "The Rock") == "urn:x:person/the-rock"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("#", None),
        ("", None),
        ("javascript:void(0)", None),
        ("/relative/path", None),
        ("mailto:a@b.c", None),
        ("HTTPS://Example.COM/a b", "https://example.com/a%20b"),
        ("//cdn.example.com/x.jpg", "https://cdn.example.com/x.jpg"),
        ("<https://e.example.com/x>", "https://e.example.com/x"),
    ],
)
def test_normalize_url(url: str, expected: str | None) -> None:
    assert normalize_url(url) == expected


def test_body_links_and_markup() -> None:
    body, links = to_plain(
        "A **bold** [link](https://e.x/y) here.\n\n# Heading\n\n![img](i.png) B <https://a.b/c>"
    )
    assert body == "A bold link here.\n\nHeading\n\nB https://a.b/c"
    assert [(lk.text, lk.url) for lk in links] == [
        ("link", "https://e.x/y"),
        ("https://a.b/c", "https://a.b/c"),
    ]


_SAFE = st.text(alphabet=st.characters(blacklist_characters="[]()<>*_#!\\`\r"), max_size=20)


@given(st.lists(st.tuples(_SAFE, _SAFE, st.booleans()), min_size=1, max_size=6))
def test_link_offsets_point_at_anchor_text(parts: list[tuple[str, str, bool]]) -> None:
    markdown = "".join(
        f"{before}[{anchor}](https://e.example/{i})" + ("\n\n" if brk else "")
        for i, (before, anchor, brk) in enumerate(parts)
    )
    body, links = to_plain(markdown)
    for link in links:
        assert body[link.start : link.end] == link.text


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Publié le 03/05/2024 à 10h05", "fr", "2024-05-03T10:05:00"),
        ("Mis à jour le 3 mai 2024 à 10h05", "fr", "2024-05-03T10:05:00"),
        ("Actualizado el 3 may 2024 - 10:05", "es", "2024-05-03T10:05:00"),
        ("Veröffentlicht am 03.05.2024 um 10:05 Uhr", "de", "2024-05-03T10:05:00"),
        ("Stand: 03.05.2024, 10:05 Uhr", "de", "2024-05-03T10:05:00"),
        ("Updated: 10:05 AM EDT May 3, 2024", "en", "2024-05-03T10:05:00-04:00"),
        ("Published on May 3, 2024", "en", "2024-05-03"),
    ],
)
def test_a_date_after_its_label_is_read(text: str, language: str, expected: str) -> None:
    assert parse_date(text, language=language) == expected


def test_a_label_says_whether_the_date_is_an_update() -> None:
    assert date_label("Mis à jour le 3 mai 2024") == ("modified", "3 mai 2024")
    assert date_label("Aktualisiert am 3. Mai 2024")[0] == "modified"
    assert date_label("Publié le 3 mai 2024") == ("published", "3 mai 2024")
    assert date_label("3 mai 2024") == (None, "3 mai 2024")
    assert date_label("Posted") == (None, "Posted")  # a label alone is no date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 3, 2024 2:30 p.m. ET", "2024-05-03T14:30:00-04:00"),  # daylight time in May
        ("Jan 3, 2024 2:30 p.m. ET", "2024-01-03T14:30:00-05:00"),
        ("Jan 3, 2024 2:30 PM PT", "2024-01-03T14:30:00-08:00"),
        ("May 3, 2024 ET", "2024-05-03"),  # no time: the zone adds nothing
    ],
)
def test_an_ap_style_us_zone_takes_the_offset_of_its_day(text: str, expected: str) -> None:
    assert parse_date(text, language="en") == expected
