"""IPTC ninjs 2.x and 3.x items (fixtures written from the published ninjs JSON Schemas)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import jsonld_news
from jsonld_news.errors import ArticleError, MalformedInputError, UnknownFormatError
from jsonld_news.options import Options
from jsonld_news.readers.ninjs import looks_like_ninjs, ninjs_version, read_ninjs

FIXTURES = Path(__file__).parent / "fixtures" / "ninjs"


def test_ninjs_2_item() -> None:
    raw = read_ninjs((FIXTURES / "nobel-2.1.json").read_bytes(), "n.json", Options())
    assert raw.format == "ninjs"
    assert raw.title == "Nobel prize money rises to 11 million kronor"
    assert raw.alternative_headline == "Nobel prize money rises"
    assert raw.description == "The Nobel Foundation raises the award for the first time in years."
    assert raw.body is not None and raw.body.startswith("STOCKHOLM (Example News)")
    assert "[the foundation announced](https://www.nobelprize.org/press)" in raw.body
    assert "Nobel prize money rises." not in raw.body  # the teaser body is not the main body
    assert raw.byline == "By Anna Lindqvist and Erik Berg"
    assert raw.dateline == "STOCKHOLM"
    assert raw.url == "https://news.example.com/items/2024/nobel-prize-money"
    assert raw.date_published == "2024-09-30T08:00:00Z"
    assert raw.date_modified == "2024-09-30T10:15:00Z"
    assert raw.language == "en"
    assert raw.copyright_holder == "Example News"
    assert raw.copyright_notice is not None and raw.copyright_notice.startswith("Copyright 2024")
    assert raw.publisher is not None and raw.publisher.name == "Example News"


def test_ninjs_2_entities_with_uris_and_roles() -> None:
    raw = read_ninjs((FIXTURES / "nobel-2.1.json").read_bytes(), "n.json", Options())
    found = {e.name: e for e in raw.entities}
    assert found["Vidar Helgesen"].type == "Person"
    assert found["Vidar Helgesen"].role == "mentions"
    assert found["Vidar Helgesen"].same_as == ["http://www.wikidata.org/entity/Q1354183"]
    assert found["Nobel Foundation"].type == "Organization"
    assert found["Nobel Foundation"].role == "about"
    assert found["Stockholm"].type == "Place"
    assert found["awards and prizes"].role == "about"
    # a qcode is expanded to the IPTC NewsCodes URI
    assert found["economy"].same_as == ["http://cv.iptc.org/newscodes/mediatopic/04000000"]


def test_ninjs_2_associations() -> None:
    raw = read_ninjs((FIXTURES / "nobel-2.1.json").read_bytes(), "n.json", Options())
    [image] = raw.images
    assert image.url == "https://cdn.example.com/nobel-medal.jpg"  # the largest rendition
    assert (image.width, image.height) == (2000, 1333)
    assert image.caption == "The Nobel medal on display in Stockholm."
    assert image.credit == "Jonas Ekström / Example News"
    assert raw.photo_credit == image.credit
    assert [link.url for link in raw.related] == [
        "https://news.example.com/items/2023/nobel-ceremony"
    ]


def test_ninjs_3_camel_case_item() -> None:
    raw = read_ninjs((FIXTURES / "quake-3.0.json").read_bytes(), "q.json", Options())
    assert raw.title == "Strong earthquake shakes northern Japan"
    assert raw.body is not None and raw.body.count("\n\n") == 1
    assert raw.date_published == "2024-10-01T03:12:00+09:00"
    assert raw.date_modified == "2024-10-01T05:40:00+09:00"
    assert raw.date_created == "2024-10-01T03:05:00+09:00"
    assert raw.copyright_holder == "Example Wire"
    assert raw.byline == "Kenji Sato, Example Wire"
    assert raw.dateline == "TOKYO"
    # a URN is no web address; the item's text/html rendition is
    assert raw.url == "https://wire.example.com/quake.html"
    assert raw.images[0].url == "https://wire.example.com/quake-map.png"
    assert raw.images[0].credit == "Example Wire Graphics"
    assert {e.name: e.role for e in raw.entities} == {
        "Japan Meteorological Agency": "mentions",
        "Japan": "about",
        "earthquake": "about",
    }


def test_ninjs_1_is_a_noted_best_effort() -> None:
    raw = read_ninjs((FIXTURES / "fire-1.x.json").read_bytes(), "f.json", Options())
    assert raw.title == "Forest fire contained after three days"
    assert raw.byline == "Maria Lopez"
    assert raw.images[0].url == "http://example.com/fire.jpg"
    assert any("1.x" in note for note in raw.notes)


def test_missing_uri_is_an_article_error() -> None:
    with pytest.raises(ArticleError, match="uri"):
        read_ninjs((FIXTURES / "missing-uri.json").read_bytes(), "m.json", Options())


def test_unknown_version_is_refused() -> None:
    with pytest.raises(UnknownFormatError, match=r"9\.0"):
        read_ninjs((FIXTURES / "unknown-version.json").read_bytes(), "u.json", Options())


def test_not_json_and_not_an_object() -> None:
    with pytest.raises(MalformedInputError):
        read_ninjs(b'{"uri": ', "x.json", Options())
    with pytest.raises(MalformedInputError):
        read_ninjs(b'["uri"]', "x.json", Options())


def test_no_headline_and_no_body() -> None:
    with pytest.raises(ArticleError, match="headline"):
        read_ninjs(b'{"uri": "https://e.com/1", "versioncreated": "2024-01-01"}', "x", Options())


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"uri": "x", "versioncreated": "2024-01-01T00:00:00Z"}, True),
        ({"uri": "x", "versionCreated": "2024-01-01T00:00:00Z"}, True),
        ({"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"}, True),
        ({"standard": {"name": "ninjs", "version": "3.0"}}, True),
        ({"uri": "x", "headline": "not ninjs-specific"}, False),
        ({"headline": "H", "body": "B", "author": "A"}, False),
        ({"@context": "https://schema.org", "@type": "NewsArticle"}, False),
    ],
)
def test_looks_like_ninjs(item: dict[str, object], expected: bool) -> None:
    assert looks_like_ninjs(item) is expected


@pytest.mark.parametrize(
    ("item", "version"),
    [
        ({"standard": {"version": "2.1"}}, "2.1"),
        ({"$schema": "https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"}, "3.0"),
        ({"standard": {"schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"}}, "2.0"),
        ({"uri": "x"}, None),
    ],
)
def test_version(item: dict[str, object], version: str | None) -> None:
    assert ninjs_version(item) == version


@pytest.mark.parametrize("name", ["nobel-2.1.json", "quake-3.0.json", "fire-1.x.json"])
def test_ninjs_through_the_pipeline(name: str) -> None:
    from jsonld_news.jsonld import to_jsonld
    from jsonld_news.pipeline import convert_bytes
    from jsonld_news.validate import validate

    data = (FIXTURES / name).read_bytes()
    article = convert_bytes(data, name, None, Options())  # detected as JSON, routed to ninjs
    assert article.source_format == "ninjs"
    assert article.authors
    doc = to_jsonld(article)
    assert validate(doc, ("json-schema", "schema.org")).ok
    assert json.loads(json.dumps(doc))["headline"] == article.headline


def test_picture_item_with_caption_only() -> None:
    item = {
        "uri": "https://photos.example.com/123",
        "type": "picture",
        "versioncreated": "2024-05-01T10:00:00Z",
        "headlines": [{"value": "Harbour at dawn"}],
        "descriptions": [{"role": "caption", "value": "Fishing boats leave the harbour."}],
        "by": "Lena Berg",
        "renditions": [
            {"name": "preview", "href": "https://photos.example.com/123-s.jpg",
             "contenttype": "image/jpeg", "width": 400, "height": 300},
            {"name": "original", "href": "https://photos.example.com/123.jpg",
             "contenttype": "image/jpeg", "width": 4000, "height": 3000},
        ],
    }  # fmt: skip
    raw = read_ninjs(json.dumps(item).encode(), "p.json", Options())
    assert raw.images[0].url == "https://photos.example.com/123.jpg"
    assert raw.body == "Fishing boats leave the harbour."


def test_genres_and_non_url_ids_are_kept() -> None:
    nobel = jsonld_news.to_jsonld(
        jsonld_news.read(FIXTURES / "nobel-2.1.json", options=Options(recognize_entities=False))
    )
    assert nobel["genre"] == ["Current"]
    quake = jsonld_news.to_jsonld(
        jsonld_news.read(FIXTURES / "quake-3.0.json", options=Options(recognize_entities=False))
    )
    assert quake["identifier"][0] == "urn:newsml:example.com:20241001:quake"
    assert jsonld_news.validate(quake).ok
