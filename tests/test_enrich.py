"""Enrichers: bylines, photo credits, publisher names, datelines, citations."""

from __future__ import annotations

import pytest

import jsonld_news
from jsonld_news.enrich.byline import split_byline
from jsonld_news.enrich.dateline import find_dateline
from jsonld_news.options import Options

NO_NLP = Options(recognize_entities=False)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ann Lee and Bo Kim", ["Ann Lee", "Bo Kim"]),
        ("Ann Lee, Bo Kim and Cy Young", ["Ann Lee", "Bo Kim", "Cy Young"]),
        ("Ann Lee | Reuters", ["Ann Lee"]),
        ("Ann Lee; Bo Kim", ["Ann Lee", "Bo Kim"]),
        ("By ANN LEE", ["Ann Lee"]),
        ("Ann Lee, Senior Correspondent", ["Ann Lee"]),
        ("Von Max Mustermann und Erika Musterfrau", ["Max Mustermann", "Erika Musterfrau"]),
        ("Ann Lee (AP)", ["Ann Lee"]),
        ("Auteur : Anna Kubišta", ["Anna Kubišta"]),
        ("Auteur Anna Kubišta", ["Anna Kubišta"]),  # the label, its colon dropped upstream
        ("Autorin Julia Klein und Max Muster", ["Julia Klein", "Max Muster"]),
        ("Author Smith", ["Author Smith"]),  # one word after it: a name, not a label
    ],
)
def test_byline_names(byline: str, names: list[str]) -> None:
    assert [a.name for a in split_byline(byline)] == names


def test_byline_agency_becomes_affiliation_and_role_job_title() -> None:
    (author,) = split_byline("By Ann Lee, Staff Writer | Reuters")
    assert (author.name, author.job_title, author.affiliation) == (
        "Ann Lee",
        "Staff Writer",
        "Reuters",
    )
    (agency,) = split_byline("By Reuters")
    assert agency.is_organization and agency.name == "Reuters"


def test_photo_credit_is_never_the_author() -> None:
    text = b"Headline\n\nMay 2, 2024\n\nJANE ROE / AFP\n\nBy Jane Roe\n\nBody text here."
    article = jsonld_news.read(text, "text", options=NO_NLP)
    assert article.authors == []
    assert [c.name for c in article.images[0].creators] == ["Jane Roe"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("BERLIN — The chancellor said", ("BERLIN", "BERLIN", None)),
        ("KYIV, Ukraine (AP) — Russian forces", ("KYIV, Ukraine (AP)", "KYIV", "Associated Press")),
        (
            "MOSCOW, Nov 15 (Reuters) - Russia said",
            ("MOSCOW, Nov 15 (Reuters)", "MOSCOW", "Reuters"),
        ),
        ("Berlin (dpa) - Die Regierung", ("Berlin (dpa)", "Berlin", "Deutsche Presse-Agentur")),
        ("President Vladimir Putin and", None),
        ("US - China talks resumed", None),
        ("BREAKING — something", None),
    ],
)
def test_find_dateline(body: str, expected: tuple[str, str, str | None] | None) -> None:
    assert find_dateline(body) == expected


def test_dateline_becomes_place_and_source_organization_and_stays_in_body() -> None:
    text = b"Headline\n\nKYIV, Ukraine (AP) \xe2\x80\x94 Air raid sirens sounded across the city."
    article = jsonld_news.read(text, "text", options=NO_NLP)
    assert article.dateline is not None
    assert article.dateline.text == "KYIV, Ukraine (AP)"
    assert article.dateline.place is not None and article.dateline.place.name == "Kyiv"
    assert (
        article.dateline.agency is not None and article.dateline.agency.name == "Associated Press"
    )
    assert article.body.startswith("KYIV, Ukraine (AP) —")


def test_seed_citations_are_attributed(seed_bytes: bytes) -> None:
    article = jsonld_news.read(seed_bytes, "text")
    authors = [c.author.name if c.author else None for c in article.citations]
    assert authors == ["Olaf Scholz", "German government spokesperson", "TASS", "Kremlin"]
    assert all(c.url is None for c in article.citations)  # "#" placeholders never become URLs
    assert all(
        not c.iri.startswith(article.url or "-") or "#citation-" in c.iri for c in article.citations
    )
    spokesperson = article.citations[1].author
    assert spokesperson is not None and "#source-" in spokesperson.iri  # anonymous: article-scoped


def test_placeholder_and_self_links_never_become_urls() -> None:
    text = (
        b"Headline\n\nOriginal url: https://n.example.com/a\n\n"
        b"Officials [said](#) and [wrote](javascript:void(0)) and [here](https://n.example.com/a)."
    )
    article = jsonld_news.read(text, "text", options=NO_NLP)
    assert [c.url for c in article.citations] == [None, None]
    assert all(c.iri != article.url for c in article.citations)


def test_according_to_attribution() -> None:
    text = b"Headline\n\nPrices rose 3%, according to [Reuters](https://r.example.com/x)."
    article = jsonld_news.read(text, "text", options=NO_NLP)
    (citation,) = article.citations
    assert citation.author is not None and citation.author.name == "Reuters"
    assert citation.name == "Reuters" and citation.url == "https://r.example.com/x"


def test_stable_iris_across_articles() -> None:
    a = jsonld_news.read(b"One\n\nBy Ann Lee\n\nText.", "text", options=NO_NLP)
    b = jsonld_news.read(b"Two\n\nBy ANN LEE and Bo Kim\n\nOther text.", "text", options=NO_NLP)
    assert a.authors[0].iri == b.authors[0].iri == "urn:jsonld-news:person/ann-lee"
    custom = Options(recognize_entities=False, base_iri="https://data.example.org/id/")
    c = jsonld_news.read(b"Three\n\nBy Ann Lee\n\nText.", "text", options=custom)
    assert c.authors[0].iri == "https://data.example.org/id/person/ann-lee"
