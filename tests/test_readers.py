"""Readers: each input format to the same Article fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import jsonld_news
from jsonld_news.options import Options
from jsonld_news.pipeline import read_raw
from jsonld_news.readers import detect_format
from tests.conftest import NO_SHARED, SHARED

CORPUS_INPUTS = SHARED / "corpus" / "inputs"
NO_NLP = Options(recognize_entities=False)


def test_seed_header_lines_are_title_date_and_photo_credit(seed_bytes: bytes) -> None:
    raw = read_raw(seed_bytes, "seed.txt", None, Options())
    assert raw.title == "Germany's Scholz Speaks With Putin for First Time in Nearly 2 Years"
    assert raw.date_published == "November 15, 2024"
    assert raw.photo_credit == "TOBIAS SCHWARZ / AFP"
    assert raw.url is not None and raw.url.startswith("https://www.themoscowtimes.com/2024/11/15/")
    assert [r.text for r in raw.related] == [
        "The Kremlin Said Trump-Putin Phone Call Never Happened. Why?",
        "Russian Satellite Interference Disrupts TV Broadcasts Across Europe – Dutch Media",
    ]
    assert raw.body is not None and "Original url" not in raw.body
    assert "Related article" not in raw.body


def test_seed_article(seed_bytes: bytes) -> None:
    article = jsonld_news.read(seed_bytes, "text", options=NO_NLP)
    assert article.date_published == "2024-11-15"  # a date stays a date: no invented time
    assert article.authors == []  # the source names no author; the photo credit is not one
    assert article.images[0].credit_text == "TOBIAS SCHWARZ / AFP"
    assert [c.name for c in article.images[0].creators] == ["Tobias Schwarz"]
    assert article.images[0].source_organization is not None
    assert article.images[0].source_organization.name == "Agence France-Presse"
    assert article.images[0].url is None  # the dump has a credit but no image URL
    # the dump names no publisher, and the host name is not made into one
    assert article.publisher is None
    assert any(w.startswith("publisher: the input names none") for w in article.warnings)
    assert "[" not in article.body and "](#)" not in article.body
    assert article.body.startswith("President Vladimir Putin and German Chancellor Olaf Scholz")
    assert article.language == "en"


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b'{"headline": "x"}', "a.txt", "json"),
        (b"<!DOCTYPE html><html>", "a.txt", "html"),
        (b"---\ntitle: x\n---\nbody", "a.txt", "markdown"),
        (b"Title\n\nBody", "a.md", "markdown"),
        (b"Title\n\nBody", "a", "text"),
    ],
)
def test_detect_format(data: bytes, name: str, expected: str) -> None:
    assert detect_format(data, name) == expected


def test_markdown_front_matter() -> None:
    text = (
        "---\ntitle: Rates rise\ndate: 2024-05-02\nauthor: Jane Roe; John Doe\n"
        "url: https://n.example.com/a\ntags: [economy, rates]\n---\n# Rates rise\n\n"
        "The central bank [raised](https://cb.example.org/pr) rates.\n\n"
        "Related article: [Why rates matter](https://n.example.com/b)\n"
    )
    article = jsonld_news.read(text.encode(), "markdown", options=NO_NLP)
    assert article.headline == "Rates rise"
    assert article.date_published == "2024-05-02"  # YAML's date object, as a date
    assert [a.name for a in article.authors] == ["Jane Roe", "John Doe"]
    assert article.keywords == ["economy", "rates"]
    assert article.body == "The central bank raised rates."
    assert [c.url for c in article.citations] == ["https://cb.example.org/pr"]
    assert [r.title for r in article.related] == ["Why rates matter"]


def test_newsplease_midnight_is_a_date_not_a_time() -> None:
    doc = {
        "title": "T",
        "maintext": "Body text.",
        "date_publish": "2020-01-21 00:00:00",
        "date_modify": "None",
        "authors": ["A B", "C D"],
        "url": "https://e.example.com/x",
        "source_domain": "e.example.com",
    }
    article = jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP)
    assert article.source_format == "newsplease"
    assert article.date_published == "2020-01-21"
    assert article.date_modified is None
    assert [a.name for a in article.authors] == ["A B", "C D"]


def test_trafilatura_json_authors_joined_with_semicolons() -> None:
    doc = {
        "title": "T",
        "text": "Body.",
        "author": "Ann Lee; Bo Kim",
        "date": "2021-03-04",
        "source": "https://e.example.com/x",
        "source-hostname": "Example Daily",
        "fingerprint": "abc",
        "tags": "a,b",
    }
    article = jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP)
    assert article.source_format == "trafilatura"
    assert [a.name for a in article.authors] == ["Ann Lee", "Bo Kim"]
    assert article.publisher is not None and article.publisher.name == "Example Daily"
    assert article.keywords == ["a", "b"]


@pytest.mark.skipif(not CORPUS_INPUTS.is_dir(), reason=NO_SHARED)
@pytest.mark.parametrize("folder", ["trafilatura-json", "newsplease-json", "markdown"])
def test_every_corpus_input_converts(folder: str) -> None:
    paths = sorted((CORPUS_INPUTS / folder).iterdir())
    assert len(paths) >= 20
    for path in paths:
        article = jsonld_news.read(path, options=NO_NLP)
        assert article.headline
        report = jsonld_news.validate(article, ["json-schema"])
        assert report.ok, (path.name, [str(i) for i in report.issues])


def test_own_json_lists_entities() -> None:
    doc = {
        "headline": "H",
        "about": [
            {"name": "Portland", "type": "City", "sameAs": ["http://www.wikidata.org/entity/Q6106"]}
        ],
        "mentions": ["TriMet"],
    }
    article = jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP)
    assert [(e.name, e.type) for e in article.about] == [("Portland", "City")]
    assert article.about[0].same_as == ["http://www.wikidata.org/entity/Q6106"]
    assert [e.name for e in article.mentions] == ["TriMet"]


def test_jsonld_input_with_schema_org_context_is_read() -> None:
    doc = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "H",
        "author": {"@type": "Person", "name": "Ann Lee"},
        "datePublished": "2024-01-02",
    }
    article = jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP)
    assert [a.name for a in article.authors] == ["Ann Lee"]


def test_remote_context_is_refused_not_fetched() -> None:
    doc = {"@context": "https://evil.example.net/ctx.jsonld", "headline": "H"}
    with pytest.raises(jsonld_news.RemoteContextError, match="refusing @context"):
        jsonld_news.read(json.dumps(doc).encode(), options=NO_NLP)
    allowed = Options(recognize_entities=False, allow_remote_context=True)
    assert jsonld_news.read(json.dumps(doc).encode(), options=allowed).headline == "H"


def test_read_takes_paths_and_bytes_read_text_takes_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title here\n\nBody here.")
    assert jsonld_news.read(path, options=NO_NLP).headline == "Title here"
    assert jsonld_news.read(str(path), options=NO_NLP).headline == "Title here"
    assert jsonld_news.read(path.read_bytes(), options=NO_NLP).headline == "Title here"
    text = "Other title\n\nBody."
    assert jsonld_news.read_text(text, options=NO_NLP).headline == "Other title"
    assert jsonld_news.read_text("# T\n\nB.", "markdown", options=NO_NLP).headline == "T"
    with pytest.raises(jsonld_news.UnreadableInputError, match="read_text"):
        jsonld_news.read(text, options=NO_NLP)


@pytest.mark.parametrize("typo", ["artcle.txt", "no/such/dir/a.md", "article"])
def test_a_missing_file_is_an_error_not_an_article(tmp_path: Path, typo: str) -> None:
    with pytest.raises(jsonld_news.UnreadableInputError, match="no such file") as caught:
        jsonld_news.read(tmp_path / typo, options=NO_NLP)
    assert caught.value.source == str(tmp_path / typo)
    with pytest.raises(jsonld_news.UnreadableInputError, match="no such file"):
        jsonld_news.read(typo, options=NO_NLP)
    with pytest.raises(jsonld_news.UnreadableInputError, match="no such file"):
        jsonld_news.convert(typo)


def test_a_dump_s_labelled_date_lines_go_to_their_fields() -> None:
    """ "Publié le ..." is the publication date and "Mis à jour le ..." the update's, in either
    order; an update's line alone never becomes the publication date."""
    body = "Le conseil municipal a voté le budget mardi soir après un long débat sur le pont."
    both = jsonld_news.read_text(
        f"Titre\n\nMis à jour le 04/05/2024 à 11h00\nPublié le 03/05/2024 à 10h05\n\n{body}",
        options=NO_NLP,
    )
    assert (both.date_published, both.date_modified) == (
        "2024-05-03T10:05:00",
        "2024-05-04T11:00:00",
    )
    update = jsonld_news.read_text(f"Titre\n\nUpdated: May 4, 2024\n\n{body}", options=NO_NLP)
    assert (update.date_published, update.date_modified) == (None, "2024-05-04")
