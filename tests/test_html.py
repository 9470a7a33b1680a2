"""The HTML reader on real pages of the shared corpus and on small hand-made malformed pages."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jsonld_news.body import to_plain
from jsonld_news.errors import ArticleError, UnreadableInputError
from jsonld_news.options import Options
from jsonld_news.readers import detect_format
from jsonld_news.readers.html import decode_html, inspect_html, read_html

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parents[2] / "shared" / "corpus" / "html"
FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(CORPUS.glob("*.html")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not PAGES, reason="shared corpus not present")


def _page(name: str) -> bytes:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in the shared corpus")
    return path.read_bytes()


# --- real pages ------------------------------------------------------------------------------


@needs_corpus
def test_json_ld_article_wins() -> None:
    raw = read_html(_page("elpais.com.ciencia.html"), "p", Options())
    assert raw.title == "¿Ha llegado realmente la Antártida a los 20 grados?"
    assert raw.authors == ["Nuño Domínguez"]
    assert raw.date_published is not None and raw.date_published.startswith("2020-02-19")
    assert raw.url == "https://elpais.com/elpais/2020/02/18/ciencia/1582045946_459487.html"


@needs_corpus
def test_organisation_author_in_markup_gives_way_to_a_named_person() -> None:
    raw = read_html(_page("nature.com.telescope.html"), "p", Options())
    assert raw.authors == ["Elizabeth Gibney"]  # microdata says Organization "Nature Editorial"
    assert "Nature Editorial" not in raw.author_organizations


@needs_corpus
def test_photo_credit_is_never_the_author() -> None:
    raw = read_html(_page("football.ua.podolski.html"), "p", Options())
    assert not raw.authors and raw.byline is None
    assert raw.photo_credit is not None and raw.photo_credit.startswith("Фото")


@needs_corpus
def test_byline_string_from_the_page_text() -> None:
    raw = read_html(_page("latercera.com-laagenda.html"), "p", Options())
    assert raw.byline is not None
    assert "Isabel Caro" in raw.byline and "José Miguel Wilson" in raw.byline
    assert "lectura" not in raw.byline


@needs_corpus
def test_body_is_markdown_lite_with_absolute_links_and_no_boilerplate() -> None:
    raw = read_html(_page("soundofscience.fr.1927.html"), "p", Options())
    assert raw.body is not None
    assert "[annoncée récemment](https://www.aefinfo.fr/acces-depeche/618965)" in raw.body
    assert "\u00ad" not in raw.body  # soft hyphens are layout, not text
    assert "Image illustrative" not in raw.body  # a credit line, kept as the photo credit
    assert "\n\n" in raw.body


@needs_corpus
def test_read_more_lists_are_not_body() -> None:
    raw = read_html(_page("yle.fi.3-11212601.html"), "p", Options())
    assert raw.body is not None and "Korkeasaaren karhut" not in raw.body


def test_link_lists_become_related_links() -> None:
    from lxml import etree

    from jsonld_news.readers.html_text import _Renderer

    body = etree.fromstring(
        "<body><p>The council voted. See <ref target='/2024/trams'>the report</ref>.</p>"
        "<p>Read more on this:</p>"
        "<p><ref target='https://news.example.com/2023/older'>Older story</ref></p>"
        "<p>Lesen Sie auch: <ref target='/b'>Another story</ref></p>"
        "<p>Follow us on <ref target='https://twitter.com/x'>Twitter</ref> and "
        "<ref target='https://facebook.com/x'>Facebook</ref></p></body>"
    )
    renderer = _Renderer("https://news.example.com/2024/story")
    assert renderer.render(body) == (
        "The council voted. See [the report](https://news.example.com/2024/trams)."
    )
    assert [link.url for link in renderer.related] == [
        "https://news.example.com/2023/older",
        "https://news.example.com/b",
    ]


@needs_corpus
def test_visible_standfirst_starts_the_body() -> None:
    raw = read_html(_page("netzpolitik.org.abmahnungen.html"), "p", Options())
    assert raw.body is not None and raw.body.startswith("Seit Dezember 2015")


@needs_corpus
def test_corpus_accuracy_meets_the_targets() -> None:
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    titles: list[bool] = []
    bodies: list[bool] = []
    for name, gold in expected.items():
        raw = read_html((CORPUS / name).read_bytes(), name, Options())
        body = " ".join(to_plain(raw.body or "")[0].split())
        if gold.get("title"):
            accepted = {gold["title"].strip(), (gold.get("embedded_article") or {}).get("headline")}
            titles.append(raw.title in accepted or _close(raw.title, gold["title"]))
        with_ok = all(" ".join(s.split()) in body for s in gold.get("body_with", []))
        without_ok = all(" ".join(s.split()) not in body for s in gold.get("body_without", []))
        bodies.append(with_ok and without_ok)
    assert sum(titles) / len(titles) >= 0.95
    assert sum(bodies) / len(bodies) >= 0.90


def _close(a: str | None, b: str) -> bool:
    from difflib import SequenceMatcher

    return a is not None and SequenceMatcher(None, a.casefold(), b.casefold()).ratio() > 0.97


@needs_corpus
@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_every_page_gives_valid_json_ld_and_parseable_turtle(path: Path) -> None:
    import rdflib

    from jsonld_news.api import serialize
    from jsonld_news.jsonld import to_jsonld
    from jsonld_news.pipeline import convert_bytes
    from jsonld_news.validate import validate

    article = convert_bytes(path.read_bytes(), path.name, "html", Options())
    report = validate(to_jsonld(article))  # JSON Schema, schema.org vocabulary, Google's profile
    assert report.ok, [str(issue) for issue in report.errors]
    graph = rdflib.Graph().parse(data=serialize(article, "turtle"), format="turtle")
    assert len(graph) > 5


# --- hand-made pages -------------------------------------------------------------------------


def test_malformed_json_ld_page() -> None:
    raw = read_html((FIXTURES / "malformed_jsonld.html").read_bytes(), "m.html", Options())
    assert raw.title == "Council approves tram extension"
    assert raw.authors == ["Jane Doe", "Omar Haddad"]  # an @id reference resolved
    assert raw.publisher is not None and raw.publisher.name == "Example Times"
    assert raw.keywords == ["trams", "transport", "council"]
    springfield = raw.entities[0]
    assert (springfield.name, springfield.type, springfield.role) == (
        "Springfield",
        "City",
        "about",
    )
    assert raw.body is not None
    assert not raw.body.startswith("Council approves")  # the h1 is the headline, not the body
    assert "cookies" not in raw.body and "reader123" not in raw.body
    assert "[the council's own report](https://example.org/reports/tram-2024.pdf)" in raw.body
    assert "[local politics]" not in raw.body and "local politics" in raw.body  # site navigation
    assert any("skipped" in note for note in raw.notes)


def test_base_url_resolves_relative_links_when_there_is_no_canonical() -> None:
    data = (FIXTURES / "no_canonical.html").read_bytes()
    raw = read_html(data, "n.html", Options(base_url="https://example.com/news/1"))
    assert raw.url == "https://example.com/news/1"
    assert raw.authors == ["Jane Doe"]
    without = read_html(data, "n.html", Options())
    assert without.url is None


@pytest.mark.parametrize(
    ("name", "encoding", "text"),
    [
        ("latin1.html", "cp1252", "Hélène Müller"),
        ("cp1250.html", "cp1250", "Příliš žluťoučký"),
    ],
)
def test_declared_non_utf8_charsets(name: str, encoding: str, text: str) -> None:
    data = (FIXTURES / name).read_bytes()
    decoded, used, _notes = decode_html(data, name)
    assert used == encoding and text in decoded
    raw = read_html(data, name, Options())
    assert text in f"{raw.byline} {raw.body}"


def test_undeclared_charset_is_detected() -> None:
    text = (
        "<html><head><title>Caf\u00e9</title></head><body><p>"
        + "Le caf\u00e9 de la gare a rouvert ses portes apr\u00e8s des ann\u00e9es. " * 20
        + "</p></body></html>"
    )
    decoded, _used, notes = decode_html(text.encode("cp1252"), "x.html")
    assert "apr\u00e8s" in decoded and notes


def test_a_page_that_lies_about_utf8_is_detected() -> None:
    text = (
        '<html><head><meta charset="utf-8"><title>Caf\u00e9</title></head><body><p>'
        + "Le caf\u00e9 de la gare a rouvert ses portes apr\u00e8s des ann\u00e9es. " * 20
        + "</p></body></html>"
    )
    decoded, used, notes = decode_html(text.encode("cp1252"), "x.html")
    assert "apr\u00e8s" in decoded and used == "cp1252" and notes


def test_inspect_shows_every_source_and_the_winner() -> None:
    data = (FIXTURES / "conflicting_sources.html").read_bytes()
    report = inspect_html(data, "c.html", Options())
    fields = {f.name: f for f in report.fields}
    title = fields["title"]
    assert title.chosen_source == "json-ld" and title.conflict
    assert title.values["microdata"] == "Council OKs tram extension"
    assert fields["date_published"].conflict
    text = report.to_text()
    assert "CONFLICT" in text and "* json-ld" in text
    assert json.loads(json.dumps(report.to_dict()))["fields"][0]["field"] == "url"


def test_detected_as_html() -> None:
    data = (FIXTURES / "malformed_jsonld.html").read_bytes()
    assert detect_format(data, "page.txt") == "html"


# --- bad input ---------------------------------------------------------------------------------


def test_binary_bytes_named_html() -> None:
    with pytest.raises(UnreadableInputError, match="binary"):
        read_html(os.urandom(4096), "photo.html", Options())


def test_empty_page() -> None:
    with pytest.raises(UnreadableInputError):
        read_html(b"  \n", "e.html", Options())


def test_page_with_no_article() -> None:
    page = (
        b"<html><head><title>Home</title></head><body><nav><a href='/a'>A</a></nav></body></html>"
    )
    with pytest.raises(ArticleError, match="no article text"):
        read_html(page, "home.html", Options())


def test_truncated_page_is_read_as_far_as_it_goes() -> None:
    data = (FIXTURES / "malformed_jsonld.html").read_bytes()
    raw = read_html(data[: int(len(data) * 0.8)], "t.html", Options())
    assert raw.title == "Council approves tram extension"
    assert any("truncated" in note for note in raw.notes)


def test_deep_json_ld_and_deep_markup() -> None:
    body = b"<p>" + b"The council voted to extend the tram network again. " * 10 + b"</p>"
    deep_ld = b"[" * 10_000 + b"]" * 10_000
    page = b"<html><head><title>T</title><script type='application/ld+json'>%s</script></head>"
    raw = read_html(page % deep_ld + b"<body>" + body + b"</body></html>", "d.html", Options())
    assert raw.body and any("deep" in note for note in raw.notes)
    nested = b"<html><head><title>T</title></head><body>" + b"<div>" * 10_000 + body
    with pytest.raises(ArticleError, match="256 deep"):
        read_html(nested, "n.html", Options())


def test_twenty_megabyte_page_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The work a page costs is its parse: one, whatever the page's size (counted, not timed;
    # timings live in `make bench`).
    from lxml.html import document_fromstring as real

    parses = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        parses.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr("jsonld_news.readers.html.document_fromstring", counting)
    filler = b"<!-- " + b"x" * 20_000_000 + b" -->"
    data = (
        (FIXTURES / "malformed_jsonld.html").read_bytes().replace(b"</head>", filler + b"</head>")
    )
    raw = read_html(data, "big.html", Options())
    assert raw.title == "Council approves tram extension"
    assert len(parses) == 1


def test_over_the_size_limit() -> None:
    with pytest.raises(UnreadableInputError, match="limit"):
        read_html(b"<html>" + b" " * 2000 + b"</html>", "x.html", Options(max_input_bytes=1000))


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<html>",
                "<head>",
                "<title>T</title>",
                "</head>",
                "<body>",
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<script type='application/ld+json'>",
                "</script>",
                "{",
                "}",
                "[",
                '"',
                "@type",
                "NewsArticle",
                "<!--",
                "-->",
                "<h1>",
                "</h1>",
                "word ",
                "&quot;",
                "\x00",
            ]
        ),
        max_size=60,
    )
)
def test_any_tag_soup_is_an_article_or_a_clear_error(parts: list[str]) -> None:
    from jsonld_news.errors import JsonldNewsError

    try:
        read_html("".join(parts).encode("utf-8"), "soup.html", Options())
    except JsonldNewsError as error:
        assert str(error).startswith("soup.html: ")


@needs_corpus
def test_chinese_page_keeps_its_body() -> None:
    raw = read_html(_page("xinhuanet.com.c_1125597921.html"), "p", Options())
    assert raw.body is not None and "萧海川" in raw.body
    assert raw.title == "武汉的声音：有英勇的你，才有英雄的城！"  # "-新华网" is the site's suffix


@pytest.mark.parametrize(
    ("text", "is_date"),
    [
        ("February 6, 2020", True),
        ("Miércoles, 04 de Mayo de 2022", True),
        ("In 2019 we won.", False),
        ("The year 2020 was hard for everyone in town.", False),
    ],
)
def test_date_only_lines(text: str, is_date: bool) -> None:
    from jsonld_news.readers.html_text import _is_date_line

    assert _is_date_line(text) is is_date


@pytest.mark.parametrize(
    ("text", "is_ui"),
    [
        ("Log in", True),
        ("Commenter", True),
        ("Alex Isenstadt contributed to this report.", False),
        ("正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）", False),
    ],
)
def test_trailing_ui_strings(text: str, is_ui: bool) -> None:
    from jsonld_news.readers.html_text import _is_ui_string

    assert _is_ui_string(text) is is_ui
