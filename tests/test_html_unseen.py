"""Rules learnt from the dev half of html-more, each on a small hand-made page of its class."""

from __future__ import annotations

import json

import pytest

from jsonld_news.dates import DateParseError, parse_date
from jsonld_news.language_tags import normalize_language
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.readers.html import inspect_html, read_html
from jsonld_news.readers.html_merge import permalink_day

BODY = "<p>" + "The council met on Tuesday and agreed the plan after a long debate. " * 8 + "</p>"


def _page(
    url: str, node: dict[str, object], head: str = "", byline: str = "", body: str = BODY
) -> bytes:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", **node})
    return (
        f'<html><head><link rel="canonical" href="{url}"><title>Council agrees plan</title>'
        f'<script type="application/ld+json">{ld}</script>{head}</head>'
        f"<body><article><h1>Council agrees plan</h1>{byline}{body}</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://example.org/2020/11/03/council-plan/", "2020-11-03"),
        ("https://example.org/politics/story/2020-02-19/plan", "2020-02-19"),
        ("https://example.org/news/council-plan-20201103.html", None),  # no separators: no day
        ("https://example.org/2020/13/03/plan", None),
        ("https://example.org/top-2020-list", None),
        (None, None),
    ],
)
def test_permalink_day(url: str | None, day: str | None) -> None:
    found = permalink_day(url)
    assert (found.isoformat() if found else None) == day


def test_a_permalink_older_than_the_markup_is_the_first_publication() -> None:
    page = _page(
        "https://example.org/2020/11/03/council-plan/",
        {"headline": "Council agrees plan", "datePublished": "2021-09-19T14:00:49Z"},
    )
    assert read_html(page, "p", Options()).date_published == "2020-11-03"
    report = next(
        f for f in inspect_html(page, "p", Options()).fields if f.name == "date_published"
    )
    assert report.chosen_source == "url" and report.values["url"] == "2020-11-03"


@pytest.mark.parametrize(
    "published", ["2020-11-03T09:00:00Z", "2020-11-04T01:00:00+02:00", "2020-11-02T23:00:00Z"]
)
def test_markup_agreeing_with_the_permalink_keeps_its_time(published: str) -> None:
    page = _page(
        "https://example.org/2020/11/03/council-plan/",
        {"headline": "Council agrees plan", "datePublished": published},
    )
    assert read_html(page, "p", Options()).date_published == published


def test_a_permalink_later_than_the_markup_changes_nothing() -> None:
    page = _page(
        "https://example.org/2021/01/05/council-plan/",
        {"headline": "Council agrees plan", "datePublished": "2020-11-03T09:00:00Z"},
    )
    assert read_html(page, "p", Options()).date_published == "2020-11-03T09:00:00Z"


def test_two_syntaxes_naming_the_byline_outvote_a_json_ld_account() -> None:
    byline = (
        '<div itemscope itemtype="https://schema.org/NewsArticle">'
        '<span itemprop="author">By Jessica Holly, Gail Levy</span></div>'
    )
    page = _page(
        "https://example.org/council-plan",
        {"headline": "Council agrees plan", "author": {"@type": "Person", "name": "Kate Dunn"}},
        head='<meta name="author" content="Jessica Holly"><meta name="author" content="Gail Levy">',
        byline=byline,
    )
    assert read_html(page, "p", Options()).authors == ["Jessica Holly", "Gail Levy"]


def test_one_other_source_does_not_outvote_the_json_ld_author() -> None:
    page = _page(
        "https://example.org/council-plan",
        {"headline": "Council agrees plan", "author": {"@type": "Person", "name": "Kate Dunn"}},
        head='<meta name="author" content="Jessica Holly">',
    )
    assert read_html(page, "p", Options()).authors == ["Kate Dunn"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("20240612", "2024-06-12"),  # ISO 8601 basic: the day, not its midnight
        ("20240612T1845Z", "2024-06-12T18:45:00Z"),
        ("20240612T184500+0200", "2024-06-12T18:45:00+02:00"),
    ],
)
def test_iso_basic_dates_in_meta_tags(content: str, expected: str) -> None:
    page = (
        '<html><head><title>Council agrees plan</title><meta property="article:published_time"'
        f' content="{content}"></head><body><article><h1>Council agrees plan</h1>{BODY}'
        "</article></body></html>"
    ).encode()
    assert convert_bytes(page, "p", "html", Options()).date_published == expected


def test_an_impossible_basic_date_is_no_date() -> None:
    with pytest.raises(DateParseError):
        parse_date("20241345")


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("en_US", "en-US"),
        ("en-us", "en-US"),
        ("EN", "en"),
        ("English", "en"),
        ("German", "de"),
        ("deu", "de"),  # BCP 47 takes ISO 639-1 where there is one
        ("pt_BR.UTF-8", "pt-BR"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("fil", "fil"),
        ("und", None),
        ("xx", None),
        ("en, de", None),
    ],
)
def test_language_values_to_bcp47(value: str, tag: str | None) -> None:
    assert normalize_language(value) == tag


def _lang_page(node: dict[str, object], lang: str = "") -> bytes:
    page = _page("https://example.org/council-plan", {"headline": "Council agrees plan", **node})
    return page.replace(b"<html>", f'<html lang="{lang}">'.encode()) if lang else page


def test_a_language_name_decides_the_day_and_month_order() -> None:
    page = _lang_page({"inLanguage": "English", "datePublished": "05/06/2020"})
    raw = read_html(page, "p", Options())
    assert raw.language == "en" and raw.date_published == "05/06/2020"
    assert convert_bytes(page, "p", "html", Options()).date_published == "2020-05-06"
    page = _lang_page({"datePublished": "05/06/2020"}, lang="de_DE")
    assert convert_bytes(page, "p", "html", Options()).date_published == "2020-06-05"


def test_an_unreadable_language_is_a_warning_and_the_next_source_is_asked() -> None:
    page = _lang_page({"inLanguage": "xx-!!"}, lang="en-gb")
    raw = read_html(page, "p", Options())
    assert raw.language == "en-GB"
    assert any("'xx-!!'" in note and "not a language" in note for note in raw.notes)
    article = convert_bytes(_lang_page({"inLanguage": "Klingonish"}), "p", "html", Options())
    assert any("'Klingonish'" in w for w in article.warnings)  # not an error, and no guess


def _dated_page(header: str, lang: str = "de", body: str = BODY, aside: str = "") -> bytes:
    return (
        f'<html lang="{lang}"><head><title>Council agrees plan</title></head><body>'
        f"<aside>{aside}</aside><article><header>{header}</header>{body}</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('<h1>Council agrees plan</h1><span class="date">14. Februar 2012</span>', "2012-02-14"),
        (
            "<div>14. Februar 2012</div><span>Politik</span><h1>Council agrees plan</h1>",
            "2012-02-14",
        ),
        (  # a <time> element's datetime, not its text
            '<h1>Council agrees plan</h1><p><time datetime="2022-05-04T07:59:48-04:00">07:59'
            "</time></p>",
            "2022-05-04T07:59:48-04:00",
        ),
        ("<h1>Council agrees plan</h1><p>Aktualisiert am 14. Februar 2012</p>", None),  # words
        ("<h1>Council agrees plan</h1><p>Jan/Feb 2012</p>", None),  # no day
        ('<h1>Council agrees plan</h1><a href="/other">14. Februar 2012</a>', None),  # a teaser's
    ],
)
def test_the_date_line_by_the_headline(header: str, expected: str | None) -> None:
    article = convert_bytes(_dated_page(header), "p", "html", Options())
    assert article.date_published == expected


def test_a_teaser_sidebar_between_headline_and_date_is_skipped() -> None:
    cards = "".join(
        f'<article><a href="/s{i}">Other story {i}</a><div class="date">0{i}-05-2022</div></article>'
        for i in range(1, 9)
    )
    page = _dated_page(
        f"<h1>Council agrees plan</h1><aside>{cards}</aside><p>4 de mayo de 2022</p>", lang="es"
    )
    assert read_html(page, "p", Options()).date_published == "4 de mayo de 2022"
    assert convert_bytes(page, "p", "html", Options()).date_published == "2022-05-04"


def test_a_dateline_opening_the_text() -> None:
    body = "<p>Von Claudia Lindner</p><p>27.1.2022 - " + BODY[3:]
    page = _dated_page("<h1>Council agrees plan</h1>", body=body)
    assert convert_bytes(page, "p", "html", Options()).date_published == "2022-01-27"


def test_a_date_in_the_running_text_is_not_the_publication_date() -> None:
    # htmldate's extensive search would take it; its precise mode and the date line do not
    body = "<p>" + "The council first met on 12 March 2021 to discuss the plan in detail. " * 8
    page = _dated_page("<h1>Council agrees plan</h1>", lang="en", body=body + "</p>")
    assert read_html(page, "p", Options()).date_published is None


def _standfirst_page(extra: str) -> bytes:
    return (
        "<html><head><title>Council agrees plan</title></head><body><main><article>"
        f"<h1>Council agrees plan</h1>{BODY}{extra}</article></main></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "extra",
    [
        # another story's card inside the article (a "related posts" block)
        '<div class="related"><article class="post-card"><div class="post-card__excerpt">'
        "What makes a good mayor? Two former mayors discuss how the job has changed over the "
        "years.</div></article></div>",
        # a photo gallery's caption, even with a teaser-text class
        '<div class="foto-series"><div><h2 class="teaser-text-on-photos">New designs shown for'
        " the town hall square in the spring of next year</h2></div></div>",
    ],
)
def test_an_excerpt_of_another_text_is_no_standfirst(extra: str) -> None:
    body = read_html(_standfirst_page(extra), "p", Options()).body or ""
    assert "What makes a good mayor" not in body and "New designs shown" not in body


def test_the_article_standfirst_is_still_found() -> None:
    lead = '<p class="lead">The plan, two years in the making, passed by a single vote.</p>'
    page = _standfirst_page("").replace(b"</h1>", b"</h1>" + lead.encode())
    assert (read_html(page, "p", Options()).body or "").startswith("The plan, two years")


def test_lesen_sie_hier_is_a_teaser() -> None:
    teaser = '<p>Lesen Sie hier: <a href="https://example.org/other">Spielabbruch in Köln</a></p>'
    raw = read_html(_standfirst_page(teaser), "p", Options())
    assert "Spielabbruch" not in (raw.body or "")
    assert [link.url for link in raw.related] == ["https://example.org/other"]


def test_an_editorial_disclosure_is_not_body() -> None:
    notice = (
        '<section class="editorial-disclosure"><p>This post contains references to products '
        "from one or more of our advertisers. We may receive compensation when you click on "
        "links to those products.</p></section>"
    )
    page = _standfirst_page("").replace(b"</h1>", b"</h1>" + notice.encode())
    body = read_html(page, "p", Options()).body or ""
    assert "advertisers" not in body and "The council met" in body


def test_the_subheading_of_the_headline_group_starts_the_body() -> None:
    group = (
        "<hgroup><h3>Berlin</h3><h1>Council agrees plan</h1><h2>Risks come not only with the "
        "plan itself, but also with the politics of the city around it.</h2></hgroup>"
    )
    # the header outside the article's text container, where text extractors leave it out
    page = (
        "<html><head><title>Council agrees plan</title></head><body>"
        f"<header>{group}</header><main><article>{BODY}</article></main></body></html>"
    ).encode()
    assert (read_html(page, "p", Options()).body or "").startswith("Risks come not only")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-04-03T10:35:41Z[UTC]", "2020-04-03T10:35:41Z"),  # RFC 9557: the offset stays
        ("2020-04-03T10:35:41+02:00[Europe/Berlin]", "2020-04-03T10:35:41+02:00"),
        ("2020年4月3日", "2020-04-03"),
        ("2020年04月03日 10:35", "2020-04-03T10:35:00"),
        ("2020年4月3日（金）10時35分", "2020-04-03T10:35:00"),
        ("2020년 4월 3일", "2020-04-03"),
    ],
)
def test_zone_suffixes_and_cjk_dates(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_an_impossible_cjk_date_is_no_date() -> None:
    with pytest.raises(DateParseError):
        parse_date("2020年13月3日")


def test_a_cjk_date_line_by_the_headline() -> None:
    page = _dated_page("<h1>Council agrees plan</h1><span>2020年4月3日 10:35</span>", lang="zh")
    assert convert_bytes(page, "p", "html", Options()).date_published == "2020-04-03T10:35:00"


def test_a_copyright_year_is_no_publication_day() -> None:
    page = _dated_page(
        '<meta itemprop="copyrightYear" content="2019"><h1>Council agrees plan</h1>', lang="en"
    )
    assert read_html(page, "p", Options()).date_published is None


def _byline_page(byline: str = "", node: dict[str, object] | None = None) -> bytes:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", **(node or {})})
    return (
        '<html lang="en"><head><title>Council agrees plan</title>'
        f'<script type="application/ld+json">{ld}</script></head><body><article>'
        f"<h1>Council agrees plan</h1>{byline}{BODY}</article></body></html>"
    ).encode()


def _authors(page: bytes) -> list[tuple[str, str]]:
    article = convert_bytes(page, "p", "html", Options(recognize_entities=False))
    return [(a.name, a.type) for a in article.authors]


def test_a_link_to_an_author_page_is_the_byline() -> None:
    link = '<div class="meta"><a href="https://example.org/author/jane-roe/">Jane Roe</a></div>'
    assert _authors(_byline_page(link)) == [("Jane Roe", "Person")]


@pytest.mark.parametrize(
    "elsewhere",
    [
        '<aside><a href="/author/john-doe/">John Doe</a></aside>',  # a sidebar's teaser
        '<p>Read <a href="/topics/john-doe/">John Doe</a></p>',  # not an author page
    ],
)
def test_other_links_are_no_byline(elsewhere: str) -> None:
    assert _authors(_byline_page(elsewhere)) == []


def test_a_job_title_after_a_separator_is_no_person() -> None:
    node: dict[str, object] = {"author": {"@type": "Person", "name": "Jane Roe | Staff Writer"}}
    assert _authors(_byline_page(node=node)) == [("Jane Roe", "Person")]


def test_text_the_fast_extractor_misses_is_found_by_its_fallbacks() -> None:
    """Article text in markup trafilatura's fast pass skips (runs of spans, bare text in a
    section): its readability/justext fallbacks find it, instead of a page with no text."""
    sentence = "The council met on Tuesday and agreed the plan after a long debate on the bridge. "
    spans = "".join(f"<span>{sentence * 3}</span>" for _ in range(5))
    for body in (f"<div>{spans}</div>", f"<section><div>{sentence * 6}</div></section>"):
        page = (
            "<html><head><title>Council agrees plan</title></head>"
            f"<body><h1>Council agrees plan</h1>{body}</body></html>"
        ).encode()
        raw = read_html(page, "p", Options())
        assert raw.body is not None and "agreed the plan after a long debate" in raw.body
