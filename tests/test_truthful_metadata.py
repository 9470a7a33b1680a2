"""Truthful metadata on articles no rule was written for: dates, publishers, authors, links, credits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jsonld_news
from jsonld_news.dates import (
    AmbiguousDateError,
    DateParseError,
    day_first,
    looks_like_date_line,
    read_date,
    zone_abbreviations,
)
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes

# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", [None, "en", "de", "fr", "es"])
def test_dotted_dates_are_day_first_in_every_language(language: str | None) -> None:
    assert read_date("12.06.2024", None, language).value == "2024-06-12"
    assert read_date("3.4.2024 10:15", None, language).value == "2024-04-03T10:15:00"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "2022-10-05"), ("en-US", "2022-10-05"), ("en-GB", "2022-05-10"),
     ("es", "2022-05-10"), ("es-MX", "2022-05-10"), ("de", "2022-05-10")],
)  # fmt: skip
def test_ambiguous_slashed_dates_follow_the_language(language: str, expected: str) -> None:
    assert read_date("10/05/2022", None, language).value == expected


def test_ambiguous_slashed_date_without_language_is_refused_not_guessed() -> None:
    with pytest.raises(AmbiguousDateError):
        read_date("10/05/2022")
    # one reading only: a number over 12 is the day, whatever the language says
    assert read_date("13/05/2022", None, "en").value == "2022-05-13"
    assert read_date("05/13/2022", None, "de").value == "2022-05-13"


def test_day_order_comes_from_cldr() -> None:
    assert day_first("en") is False
    assert day_first("en-GB") is True
    assert day_first("es_AR.UTF-8") is True
    assert day_first("xx-unknown") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 12, 2024 18:45 EDT", "2024-06-12T18:45:00-04:00"),
        ("June 12, 2024 6:45 p.m. EST", "2024-06-12T18:45:00-05:00"),
        ("2024-06-12 18:45 CEST", "2024-06-12T18:45:00+02:00"),
        ("12 June 2024 18:45 BST", "2024-06-12T18:45:00+01:00"),
        ("June 12, 2024 18:45 PST", "2024-06-12T18:45:00-08:00"),
        ("June 12, 2024 18:45 CST", "2024-06-12T18:45:00-06:00"),  # RFC 5322 decides
        ("Tue Feb 20 2018 01:00:00 GMT+0100 (Central European Standard Time)",
         "2018-02-20T01:00:00+01:00"),  # JavaScript's Date string: not POSIX's inverted sign
        ("12. Juni 2024 18:45 CEST", "2024-06-12T18:45:00+02:00"),  # dateparser's path too
    ],
)  # fmt: skip
def test_zone_abbreviations_map_through_the_table(text: str, expected: str) -> None:
    assert read_date(text).value == expected


def test_zone_table_comes_from_tzdata_and_rfc5322() -> None:
    table, ambiguous = zone_abbreviations()
    assert table["CET"] == "+01:00" and table["JST"] == "+09:00" and table["EDT"] == "-04:00"
    assert "IST" in ambiguous and "IST" not in table  # India, Ireland, Israel


@pytest.mark.parametrize(("zone", "why"), [("IST", "ambiguous"), ("XYZ", "not a known")])
def test_an_unusable_zone_drops_the_time_with_a_note(zone: str, why: str) -> None:
    parsed = read_date(f"June 12, 2024 18:45 {zone}")
    assert parsed.value == "2024-06-12"
    assert len(parsed.notes) == 1 and zone in parsed.notes[0] and why in parsed.notes[0]


def test_dateutil_warnings_never_reach_stderr() -> None:
    code = (
        "from jsonld_news.dates import read_date; print(read_date('June 12, 2024 18:45 XYZ').value)"
    )
    result = subprocess.run(
        [sys.executable, "-W", "always", "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "2024-06-12"
    assert result.stderr == ""


@pytest.mark.parametrize("text", ["2024-06-12T18:45:00+25:00", "June 12, 2024 18:45 -2600"])
def test_impossible_offsets_are_errors(text: str) -> None:
    with pytest.raises(DateParseError, match="impossible UTC offset"):
        read_date(text)


def test_impossible_offset_in_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from jsonld_news.cli import app

    path = tmp_path / "a.json"
    path.write_text(
        json.dumps({"headline": "x", "datePublished": "2024-06-12T18:45:00+25:00",
                    "articleBody": "Body."}),
        encoding="utf-8",
    )  # fmt: skip
    result = CliRunner().invoke(app, ["convert", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "impossible UTC offset +25:00" in lines[0] and "a.json" in lines[0]
    assert "Traceback" not in result.output


def test_ambiguous_date_in_json_is_dropped_with_a_warning() -> None:
    data = json.dumps({"headline": "x", "datePublished": "10/05/2022", "articleBody": "B."})
    article = convert_bytes(data.encode(), "a.json", "json", Options(detect_language=False))
    assert article.date_published is None
    assert any("10/05/2022" in w and "ambiguous" in w for w in article.warnings)
    data = json.dumps(
        {"headline": "x", "datePublished": "10/05/2022", "articleBody": "B.", "inLanguage": "es"}
    )
    assert convert_bytes(data.encode(), "a.json", "json").date_published == "2022-05-10"


def test_german_dump_with_dotted_date_and_zone() -> None:
    text = "Ein Titel\n\n12.06.2024 18:45 MESZ\n\nDer Text.\n"
    article = convert_bytes(text.encode(), "a.txt", "text")
    assert article.date_published == "2024-06-12"  # MESZ is no abbreviation tzdata uses
    assert any("MESZ" in w for w in article.warnings)
    text = "Ein Titel\n\n12.06.2024 18:45 CEST\n\nDer Text.\n"
    assert convert_bytes(text.encode(), "a.txt", "text").date_published == (
        "2024-06-12T18:45:00+02:00"
    )


def test_unreadable_date_line_is_a_warning_not_the_first_paragraph() -> None:
    text = "A headline\n\nFriday, 31 February 2024\n\nThe first paragraph.\n"
    article = convert_bytes(text.encode(), "a.txt", "text")
    assert article.body == "The first paragraph."
    assert article.date_published is None
    assert any("Friday, 31 February 2024" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Friday, 31 February 2024", True), ("13/13/2024 18:45", True),
     ("15. November 2024, 10:32 Uhr", True), ("Moscow, 2024", False),
     ("The 3 Best Ways to Save", False), ("In 2024 prices rose sharply", False)],
)  # fmt: skip
def test_date_lines_are_recognised_by_their_words(line: str, expected: bool) -> None:
    assert looks_like_date_line(line) is expected


def test_posix_locale_is_a_language() -> None:
    data = json.dumps({"headline": "x", "articleBody": "B.", "inLanguage": "es_AR.UTF-8"})
    assert jsonld_news.read(data.encode(), format="json").language == "es-AR"


# --- publisher --------------------------------------------------------------------------------


def _article(url: str, **extra: object) -> bytes:
    return json.dumps({"headline": "H", "url": url, "articleBody": "Body.", **extra}).encode()


@pytest.mark.parametrize(
    "url",
    ["https://www.nytimes.com/2024/x", "https://www.bbc.co.uk/news/x", "https://www.npr.org/x",
     "https://someone.substack.com/p/x", "https://someone.github.io/x"],
)  # fmt: skip
def test_no_publisher_name_is_made_from_a_host(url: str) -> None:
    article = convert_bytes(_article(url), "a.json", "json", Options(recognize_entities=False))
    assert article.publisher is None
    assert any(w.startswith("publisher: the input names none") for w in article.warnings)
    report = jsonld_news.validate(jsonld_news.to_jsonld(article))
    assert report.ok  # a missing publisher is a Google warning, not an error
    assert any("publisher" in str(i) for i in report.warnings)


def test_publisher_from_the_outlet_registry_is_a_news_outlet() -> None:
    article = convert_bytes(
        _article("https://apnews.com/article/x"), "a.json", "json",
        Options(recognize_entities=False),
    )  # fmt: skip
    assert article.publisher is not None
    assert (article.publisher.name, article.publisher.type) == (
        "Associated Press",
        "NewsMediaOrganization",
    )


def test_publisher_from_metadata_keeps_its_name_and_agency_is_news_outlet() -> None:
    data = _article("https://example.org/x", publisher={"name": "Example Gazette"})
    article = convert_bytes(data, "a.json", "json", Options(recognize_entities=False))
    assert article.publisher is not None and article.publisher.name == "Example Gazette"
    data = _article("https://example.org/x", publisher="Reuters")
    article = convert_bytes(data, "a.json", "json", Options(recognize_entities=False))
    assert article.publisher is not None and article.publisher.type == "NewsMediaOrganization"


def test_publisher_of_a_news_article_page_is_a_news_outlet() -> None:
    page = (
        b"""<html><head><link rel="canonical" href="https://example.org/a">
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "A headline", "publisher": {"@type": "Organization", "name": "Example Daily"}}
    </script></head><body><article><h1>A headline</h1>
    <p>"""
        + b"Words of the article body go here. " * 20
        + b"""</p></article></body></html>"""
    )
    article = convert_bytes(page, "a.html", "html", Options(recognize_entities=False))
    assert article.publisher is not None
    assert (article.publisher.name, article.publisher.type) == (
        "Example Daily",
        "NewsMediaOrganization",
    )


# --- placeholder links ------------------------------------------------------------------------


def test_related_line_without_target_is_no_link() -> None:
    text = (
        "A headline\n\nMay 2, 2024\n\nFirst paragraph of the body.\n\n"
        "Related article: [Another story](#)\n\nRelated article: [A real one](https://e.org/r)\n\n"
        "Original url: https://e.org/a\n"
    )
    doc = jsonld_news.to_jsonld(convert_bytes(text.encode(), "a.txt", "text"))
    page = doc["mainEntityOfPage"]
    assert [r["@id"] for r in page["relatedLink"]] == ["https://e.org/r"]
    (mentioned,) = page["mentions"]
    assert mentioned["@type"] == "CreativeWork" and mentioned["name"] == "Another story"
    assert "url" not in mentioned
    assert jsonld_news.validate(doc).ok


def test_no_output_carries_a_url_the_source_did_not_give() -> None:
    """Every ``url``/``relatedLink``/``contentUrl`` value of an example is a URL in its text,
    or the site of an agency in the documented registry (``agencies.py``)."""
    from jsonld_news.agencies import AGENCIES
    from tests.conftest import EXAMPLES

    registry = {a.url for a in AGENCIES if a.url}

    for source in sorted((EXAMPLES / "inputs").iterdir()):
        text = source.read_text(encoding="utf-8")
        doc = jsonld_news.to_jsonld(jsonld_news.read(source))
        for value in _values(doc, {"url", "contentUrl", "relatedLink"}):
            if isinstance(value, dict):
                value = value.get("url") or value.get("@id")
            assert isinstance(value, str)
            if value in registry:
                continue
            host_and_path = value.split("://", 1)[-1].removeprefix("www.").rstrip("/")
            known = host_and_path.split("/")[0] in text  # a site root of a URL it gives
            assert known or host_and_path in text, (source.name, value)


def _values(node: object, keys: set[str]) -> list[object]:
    out: list[object] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys:
                out.extend(value if isinstance(value, list) else [value])
            else:
                out.extend(_values(value, keys))
    elif isinstance(node, list):
        for item in node:
            out.extend(_values(item, keys))
    return out


# --- authors ----------------------------------------------------------------------------------


def _authors(
    authors: list[str], url: str = "https://example.org/a", publisher: str | None = None
) -> tuple[list[tuple[str, str]], list[str]]:
    data: dict[str, object] = {"headline": "H", "url": url, "articleBody": "B.", "author": authors}
    if publisher:
        data["publisher"] = publisher
    article = convert_bytes(
        json.dumps(data).encode(), "a.json", "json", Options(recognize_entities=False)
    )
    return [(a.type, a.name) for a in article.authors], [
        w for w in article.warnings if w.startswith("author")
    ]


@pytest.mark.parametrize(
    ("name", "why"),
    [("CBS News February", "month"), ("Facebook Com", "social"), ("Anónimo", "placeholder"),
     ("Anonyme", "placeholder"), ("Anonym", "placeholder"), ("anonymous", "placeholder"),
     ("Medellín", "place"), ("San Francisco", "place"), ("Reuters 2024-05-02", "date")],
)  # fmt: skip
def test_junk_authors_are_dropped_with_a_warning(name: str, why: str) -> None:
    authors, warnings = _authors([name])
    assert authors == []
    assert len(warnings) == 1 and name.casefold() in warnings[0].casefold() and why in warnings[0]


@pytest.mark.parametrize("name", ["Carlos Mayo", "April Ryan", "June Carter", "Paris Hilton"])
def test_names_that_hold_calendar_or_place_words_are_kept(name: str) -> None:
    assert _authors([name]) == ([("Person", name)], [])


def test_a_named_person_wins_over_the_outlets_own_name() -> None:
    authors, warnings = _authors(["Deutsche Welle", "Jane Roe"], publisher="Deutsche Welle")
    assert authors == [("Person", "Jane Roe")]
    assert any("Deutsche Welle" in w for w in warnings)
    authors, _ = _authors(["Rob Picheta, CNN"], "https://edition.cnn.com/x", "CNN")
    assert authors == [("Person", "Rob Picheta")]


def test_the_outlets_byline_alone_is_the_publisher_organisation() -> None:
    authors, _ = _authors(["Hildesheimer Presse"], publisher="Hildesheimer Presse")
    assert authors == [("Organization", "Hildesheimer Presse")]


@pytest.mark.parametrize(
    ("author", "url", "publisher"),
    [
        ("Stol It", "https://www.stol.it/a", "stol.it / Suedtirol Online"),  # the host, split
        ("The Local", "https://www.thelocal.se/a", "The Local Sweden"),  # the host's label
        ("LN", "https://www.ln-online.de/a", "LN - Lübecker Nachrichten"),  # a part of its name
    ],
)
def test_the_outlet_by_any_of_its_names_is_the_publisher_itself(
    author: str, url: str, publisher: str
) -> None:
    """One outlet, one IRI: a byline naming the outlet by its host or a part of its name is
    the publisher, not a second organisation named from the byline's spelling."""
    data = {"headline": "H", "url": url, "articleBody": "B.", "author": [author]}
    data["publisher"] = publisher
    article = convert_bytes(
        json.dumps(data).encode(), "a.json", "json", Options(recognize_entities=False)
    )
    assert article.publisher is not None
    assert [(a.iri, a.name) for a in article.authors] == [
        (article.publisher.iri, article.publisher.name)
    ]


def test_an_outlet_named_only_by_its_host_takes_its_bylines_spelling() -> None:
    """A site name that is only the host ("ultimahora.com") and a byline spelling the outlet
    ("Ultima Hora"): the publisher is "Ultima Hora", with the IRI its pages with a proper name
    get, and the host is kept as an alternate name. A byline that is a host too renames nothing."""

    def convert(author: str, publisher: str) -> Any:
        data = {"headline": "H", "url": "https://www.ultimahora.com/a", "articleBody": "B."}
        data.update(author=author, publisher=publisher)
        return convert_bytes(
            json.dumps(data).encode(), "a.json", "json", Options(recognize_entities=False)
        )

    bare = convert("Ultima Hora", "ultimahora.com")
    proper = convert("Ultima Hora", "Ultima Hora")
    assert bare.publisher is not None and proper.publisher is not None
    assert (bare.publisher.name, bare.publisher.iri) == ("Ultima Hora", proper.publisher.iri)
    assert bare.publisher.alternate_names == ["ultimahora.com"]
    assert [a.iri for a in bare.authors] == [bare.publisher.iri]
    assert any("ultimahora.com" in w for w in bare.warnings)
    host = convert("ultimahora.com", "ultimahora.com")
    assert host.publisher is not None and host.publisher.name == "ultimahora.com"


def test_publisher_name_is_cut_from_a_persons_name() -> None:
    authors, warnings = _authors(["unocero - Alberto Ávila"], "https://unocero.com/x")
    assert authors == [("Person", "Alberto Ávila")]
    assert warnings


@pytest.mark.parametrize(
    "byline",
    ["Anna Berg und Max Muster", "Anna Berg et Max Muster", "Anna Berg y Max Muster",
     "Anna Berg e Max Muster", "Anna Berg and Max Muster"],
)  # fmt: skip
def test_multilingual_conjunctions_split_authors(byline: str) -> None:
    assert _authors([byline])[0] == [("Person", "Anna Berg"), ("Person", "Max Muster")]


@pytest.mark.parametrize(
    ("byline", "name"),
    [("Grant Tinsley, PhD", "Grant Tinsley"), ("Auteur: Anna Kubišta", "Anna Kubišta"),
     ("Autor: Hans Meier", "Hans Meier"), ("By Jane Doe, M.D.", "Jane Doe")],
)  # fmt: skip
def test_labels_and_degrees_are_not_names(byline: str, name: str) -> None:
    assert _authors([byline])[0] == [("Person", name)]


def test_a_city_is_no_citation_author() -> None:
    text = (
        "Headline\n\nMay 2, 2024\n\nSan Francisco [said in a statement](https://e.org/s) that "
        "the plan would go ahead.\n"
    )
    article = convert_bytes(text.encode(), "a.txt", "text")
    assert article.citations and all(
        c.author is None or c.author.kind != "place" for c in article.citations
    )
    assert all(c.author is None or c.author.name != "San Francisco" for c in article.citations)


# --- convert never emits what validate calls an error ----------------------------------------


def _corpus_documents() -> list[Path]:
    """The 28 pages, the html-more DEV half (never the blind half), and the producers' inputs."""
    from tests.conftest import SHARED

    corpus = SHARED / "corpus"
    split = Path(__file__).parent / "gold" / "html-more" / "split.json"
    paths = sorted((corpus / "html").glob("*.html"))
    if split.exists() and (corpus / "html-more").is_dir():
        dev = json.loads(split.read_text(encoding="utf-8"))["dev"]
        paths += [corpus / "html-more" / name for name in dev]
    for sub in ("trafilatura-json", "markdown", "newsplease-json"):
        paths += sorted((corpus / "inputs" / sub).glob("*"))
    return [p for p in paths if p.is_file()]


@pytest.mark.skipif(not _corpus_documents(), reason="../shared corpus not present")
def test_convert_output_of_every_corpus_document_validates_without_errors() -> None:
    failures: list[str] = []
    for path in _corpus_documents():
        article = convert_bytes(path.read_bytes(), path.name, None, Options())
        report = jsonld_news.validate(jsonld_news.to_jsonld(article))
        failures.extend(f"{path.parent.name}/{path.name}: {issue}" for issue in report.errors)
    assert failures == []


_NAMEISH = st.text(
    alphabet=st.sampled_from("abcdeéñöABCDEÉ .,;-/|&@:0123456789"), min_size=1, max_size=40
)


@settings(max_examples=150, deadline=None)
@given(
    authors=st.lists(_NAMEISH, min_size=1, max_size=4),
    publisher=st.one_of(st.none(), _NAMEISH),
    published=st.dates(),
    modified=st.dates(),
)
def test_convert_never_emits_what_validate_rejects(
    authors: list[str], publisher: str | None, published: object, modified: object
) -> None:
    data: dict[str, object] = {
        "headline": "H", "url": "https://example.org/a", "articleBody": "Body.",
        "author": authors, "datePublished": str(published), "dateModified": str(modified),
    }  # fmt: skip
    if publisher is not None:
        data["publisher"] = publisher
    try:
        article = convert_bytes(
            json.dumps(data).encode(), "a.json", "json", Options(recognize_entities=False)
        )
    except jsonld_news.JsonldNewsError:
        return  # refused with a one-line error: nothing emitted
    report = jsonld_news.validate(jsonld_news.to_jsonld(article))
    assert report.errors == [], (authors, publisher, report.errors)


# --- wire credits -----------------------------------------------------------------------------


def test_wire_trailer_leaves_the_body_and_its_people_are_contributors() -> None:
    data = {
        "headline": "Rates rise", "url": "https://e.org/a", "datePublished": "2024-05-02",
        "articleBody": "The central bank raised rates.\n\nMarkets fell. (Reporting by Andrea "
        "Shalal and David Lawder in Washington; Additional reporting by Jan Wolfe; Editing by "
        "Jonathan Oatis)",
    }  # fmt: skip
    article = convert_bytes(json.dumps(data).encode(), "a.json", "json")
    assert article.body == "The central bank raised rates.\n\nMarkets fell."
    assert [c.name for c in article.contributors] == [
        "Andrea Shalal", "David Lawder", "Jan Wolfe", "Jonathan Oatis",
    ]  # fmt: skip
    assert article.authors == []  # credited for reporting and editing, not as authors
    doc = jsonld_news.to_jsonld(article)
    assert [c["@type"] for c in doc["contributor"]] == ["Person"] * 4
    assert jsonld_news.validate(doc).ok
    names = {m.name for m in article.mentions}
    assert "Jonathan Oatis" not in names  # the trailer is no body text to find people in


@pytest.mark.parametrize(
    "body",
    ["One.\n\nHe said reporting by the press was unfair.",
     "One.\n\nReporting by Big Media Was Unfair, critics said today."],
)  # fmt: skip
def test_sentences_about_reporting_are_no_trailer(body: str) -> None:
    from jsonld_news.credits import split_wire_trailer

    assert split_wire_trailer(body) == (body, [])


def test_an_outlet_byline_alone_is_kept_as_the_organisation() -> None:
    page = (
        b"""<html><head><link rel="canonical" href="https://www.example-tv.ch/a">
    <meta property="og:site_name" content="ExampleTV">
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "A headline", "author": {"@type": "Person", "name": "exampletv"},
    "publisher": {"@type": "Organization", "name": "ExampleTV"}}</script></head>
    <body><article><h1>A headline</h1><p>"""
        + b"Words of the article body go here. " * 20
        + (b"</p></article></body></html>")
    )
    article = convert_bytes(page, "a.html", "html", Options(recognize_entities=False))
    assert [(a.type, a.name) for a in article.authors] == [("NewsMediaOrganization", "ExampleTV")]
    assert article.publisher is not None and article.authors[0].iri == article.publisher.iri


def test_a_signature_closing_the_markup_body_is_the_byline() -> None:
    body = "Words of the article body go here. " * 20
    page = (
        (
            """<html><head><link rel="canonical" href="https://www.ln-example.de/a">
    <meta property="og:site_name" content="LN - Lübecker Beispiel">
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Ein Titel", "author": {"@type": "Organization", "name": "LN"},
    "articleBody": "BODY Die Kampagne geht weiter. Von Cosima Beispiel"}</script></head>
    <body><article><h1>Ein Titel</h1><p>BODY</p></article></body></html>"""
        )
        .replace("BODY", body)
        .encode()
    )
    article = convert_bytes(page, "a.html", "html", Options(recognize_entities=False))
    # the person signs; "LN", a piece of the site's name, is the outlet beside her
    assert [(a.type, a.name) for a in article.authors] == [("Person", "Cosima Beispiel")]


# --- titles -----------------------------------------------------------------------------------

_BODY = b"<p>" + b"Words of the article body go here. " * 20 + b"</p>"


def test_a_meta_title_cut_by_an_unescaped_quote_is_mended_from_the_title_element() -> None:
    page = (
        b'<html><head><title>Senator calls the plan "reckless"</title>'
        b'<meta property="og:title" content="Senator calls the plan "reckless"" />'
        b"</head><body><article>" + _BODY + b"</article></body></html>"
    )
    article = convert_bytes(page, "a.html", "html", Options(recognize_entities=False))
    assert article.headline == 'Senator calls the plan "reckless"'


def test_the_sites_logo_heading_is_no_headline() -> None:
    page = (
        b"<html><head><title>Remembrance day: stones laid in the old town</title></head><body>"
        b'<h1><a href="http://www.x-mag.de/"></a><i>X-Mag</i></h1><article>'
        + _BODY
        + b"</article></body></html>"
    )
    options = Options(recognize_entities=False, base_url="https://www.x-mag.de/a")
    article = convert_bytes(page, "a.html", "html", options)
    assert article.headline == "Remembrance day: stones laid in the old town"


def test_publisher_of_a_newsarticle_json_ld_input_is_a_news_outlet() -> None:
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "H",
        "url": "https://example.org/a", "articleBody": "Body.",
        "publisher": {"@type": "Organization", "name": "Example Daily"},
    }  # fmt: skip
    article = convert_bytes(json.dumps(data).encode(), "a.jsonld", None, Options())
    assert article.publisher is not None
    assert article.publisher.type == "NewsMediaOrganization"


def test_a_teaser_line_without_its_link_is_no_body_text() -> None:
    from lxml import etree

    from jsonld_news.readers.html_text import _Renderer

    body = etree.fromstring(
        "<body><p>The court ruled on Monday.</p>"
        "<p>Le puede interesar: JEP abrirá tres nuevos macrocasos</p>"
        "<p>The ruling stands.</p></body>"
    )
    renderer = _Renderer("https://news.example.com/2024/story")
    assert renderer.render(body) == "The court ruled on Monday.\n\nThe ruling stands."
    assert [(r.text, r.url) for r in renderer.related] == [
        ("JEP abrirá tres nuevos macrocasos", "")
    ]


def test_teaser_article_nodes_of_other_posts_are_not_the_page() -> None:
    page = (
        b'<html><head><link rel="canonical" href="https://blog.example.com/what-is-rust/">'
        b'<meta property="og:title" content="What is Rust and why is it so popular?">'
        b"</head><body>"
        b'<article itemscope itemtype="http://schema.org/BlogPosting">'
        b'<span itemprop="author">Jake Goulding</span>' + _BODY + b"</article>"
        b'<aside><div itemscope itemtype="http://schema.org/BlogPosting">'
        b'<h3 itemprop="headline">A podcast about the past of coding</h3>'
        b'<span itemprop="author">Ben Popper</span>'
        b'<p itemprop="articleBody">What inspires someone to become a developer?</p></div>'
        b"</aside></body></html>"
    )
    article = convert_bytes(page, "a.html", "html", Options(recognize_entities=False))
    assert article.headline == "What is Rust and why is it so popular?"
    assert [a.name for a in article.authors] == ["Jake Goulding"]


@pytest.mark.parametrize("credit", ["Фото: Иван Петров / ТАСС", "Photo: Jane Roe / AFP"])
def test_a_photo_credit_given_as_author_is_dropped(credit: str) -> None:
    authors, warnings = _authors([credit])
    assert authors == [] and any("photo credit" in w for w in warnings)


# --- HTML authors and dates by class -----------------------------------------------------------


def _page(head: str, body: str) -> bytes:
    return (
        f"<html><head>{head}</head><body><article><h1>A headline for the story</h1>"
        f"{body}</article></body></html>"
    ).encode()


_PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the story carries enough words to count as article text.</p>"
    for n in range(1, 6)
)


@pytest.mark.parametrize(
    "credit",
    [
        "Staff and news service reports",
        "Agencies",
        "Redacción",
        "Redaktion",
        "Wire services",
        "red.",
    ],
)
def test_a_newsrooms_collective_credit_is_no_person(credit: str) -> None:
    authors, warnings = _authors([credit])
    assert authors == []
    assert len(warnings) == 1 and "dropped" in warnings[0] and "collective" in warnings[0]


def test_red_is_a_credit_only_alone() -> None:
    authors, _ = _authors(["Red Auerbach"])
    assert [name for _, name in authors] == ["Red Auerbach"]


def test_a_collective_credit_in_markup_lets_the_next_source_name_the_person() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "A headline for the story", '
        '"author": {"@type": "Person", "name": "Agencies"}}</script>'
        '<meta name="author" content="Jane Roe">'
    )
    article = convert_bytes(
        _page(head, _PARAGRAPHS), "a.html", "html", Options(recognize_entities=False)
    )
    assert [(a.type, a.name) for a in article.authors] == [("Person", "Jane Roe")]


@pytest.mark.parametrize(
    ("line", "names"),
    [("Von Claudia Beispiel", ["Claudia Beispiel"]), ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
     ("Par Anne Dupont", ["Anne Dupont"])],
)  # fmt: skip
def test_a_byline_paragraph_names_the_author_and_leaves_the_body(
    line: str, names: list[str]
) -> None:
    body = f"<p>{line}</p>{_PARAGRAPHS}"
    article = convert_bytes(_page("", body), "a.html", "html", Options(recognize_entities=False))
    assert [a.name for a in article.authors] == names
    assert line not in article.body


def test_a_sentence_starting_with_by_is_no_byline() -> None:
    body = f"<p>By Monday the council had voted.</p>{_PARAGRAPHS}"
    article = convert_bytes(_page("", body), "a.html", "html", Options(recognize_entities=False))
    assert article.authors == []
    assert "By Monday the council had voted." in article.body


def test_the_sites_name_and_slogan_as_author_is_the_outlet() -> None:
    head = (
        '<link rel="canonical" href="https://www.x-mag.de/a">'
        '<meta name="author" content="X-MAG – Das Magazin für alle">'
    )
    article = convert_bytes(
        _page(head, f"{_PARAGRAPHS}<p>Von Anna Beispiel</p>"), "a.html", "html",
        Options(recognize_entities=False),
    )  # fmt: skip
    assert [(a.type, a.name) for a in article.authors] == [("Person", "Anna Beispiel")]


def test_a_one_word_display_name_is_completed_from_the_page() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "A headline for the story", '
        '"author": {"@type": "Person", "name": "Todd"}}</script>'
    )
    body = f'{_PARAGRAPHS}<div class="about"><p class="full-name">Todd Example</p></div>'
    article = convert_bytes(_page(head, body), "a.html", "html", Options(recognize_entities=False))
    assert [a.name for a in article.authors] == ["Todd Example"]
    # two different full names: no guess
    body += "<p>Todd Other</p>"
    article = convert_bytes(_page(head, body), "a.html", "html", Options(recognize_entities=False))
    assert [a.name for a in article.authors] == ["Todd"]


@pytest.mark.parametrize("zero", ["1970-01-01T00:00:00Z", "0001-01-01T00:00:00"])
def test_a_cms_zero_date_gives_way_to_the_next_source(zero: str) -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        f'"@type": "NewsArticle", "headline": "A headline for the story", "datePublished": "{zero}"'
        '}</script><meta property="article:published_time" content="2021-05-04T10:00:00Z">'
    )
    article = convert_bytes(
        _page(head, _PARAGRAPHS), "a.html", "html", Options(recognize_entities=False)
    )
    assert article.date_published == "2021-05-04T10:00:00Z"
