"""The SEO block (``jsonld-news seo``), its linked ``@graph``, and ``--inject`` into a page.

Golden pairs live in tests/fixtures/seo/: ``NAME.EXT`` -> ``NAME.block.html`` (and
``NAME.graph.html``, ``NAME.injected.html``). Regenerate on purpose with
``JSONLD_NEWS_REGEN=1 pytest tests/test_seo.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import document_fromstring
from typer.testing import CliRunner

import jsonld_news
from jsonld_news import Options, inject, read, seo_block, seo_markup, validate
from jsonld_news.cli import app
from jsonld_news.errors import MalformedInputError, UnreadableInputError
from jsonld_news.seo import MARKER, repaired

FIXTURES = Path(__file__).parent / "fixtures" / "seo"
ROOT = Path(__file__).parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
REGEN = os.environ.get("JSONLD_NEWS_REGEN") == "1"
PUBLISHER = FIXTURES / "publisher.yaml"
QUIET = Options(recognize_entities=False)


def _script_doc(block: str) -> Any:
    """The JSON of the one ``<script>`` an HTML parser finds in ``block``."""
    tree = document_fromstring(f"<html><head>{block}</head><body><p>x</p></body></html>")
    scripts = tree.findall(".//script")
    assert len(scripts) == 1
    return json.loads(scripts[0].text or "")


def _golden(path: Path, text: str | bytes) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    if REGEN or not path.exists():
        path.write_bytes(data)
    assert data == path.read_bytes(), f"{path.name} differs; regenerate and review the diff"


# --- golden pairs -------------------------------------------------------------------------------

CASES = [
    ("live-blog.json", {"publisher": str(PUBLISHER)}),
    ("plain.json", {}),
    ("page.html", {}),
]


@pytest.mark.parametrize(("name", "extra"), CASES, ids=[c[0] for c in CASES])
def test_golden_blocks(name: str, extra: dict[str, Any]) -> None:
    article = read(FIXTURES / name, options=Options(recognize_entities=False, **extra))
    stem = name.rsplit(".", 1)[0]
    _golden(FIXTURES / f"{stem}.block.html", seo_block(article))
    _golden(FIXTURES / f"{stem}.graph.html", seo_block(article, graph=True))


def test_golden_injection() -> None:
    article = read(FIXTURES / "page.html", options=QUIET)
    page = (FIXTURES / "page.html").read_bytes()
    result = inject(page, seo_block(article), name="page.html")
    assert result.warnings == []
    assert result.action == "replaced the page's Article JSON-LD block"
    _golden(FIXTURES / "page.injected.html", result.page)


# --- shape ----------------------------------------------------------------------------------------


def test_block_shape_and_what_it_leaves_out() -> None:
    article = read(FIXTURES / "live-blog.json", options=QUIET)
    doc = _script_doc(seo_block(article))
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "LiveBlogPosting"
    assert "articleBody" not in doc and "citation" not in doc  # on the page already
    text = json.dumps(doc)
    assert "urn:jsonld-news:" not in text  # our own namespace is internal
    assert ": null" not in text and '""' not in text and "[]" not in text and "{}" not in text
    # the image without a URL is gone from the block, its credit kept in convert's output
    assert [i["url"] for i in doc["image"]] == ["https://news.example.org/img/count.jpg"]
    full = jsonld_news.to_jsonld(article)
    assert any(i.get("creditText") == "Anna Berg / Example Tribune" for i in full["image"])


def test_escaping_keeps_the_block_closed() -> None:
    article = jsonld_news.read_text(
        json.dumps(
            {
                "headline": "A </script><script>alert(1)</script> and <!-- trick",
                "url": "https://news.example.org/a",
                "description": "</SCRIPT > and <ScRiPt",
                "body": "Text of the article, long enough to be one. " * 3,
            }
        ),
        "json",
        options=QUIET,
    )
    block = seo_block(article)
    assert block.lower().count("</script") == 1  # only the element's own end tag
    assert "<!--" not in block and "<script" not in block.lower().replace(
        '<script type="application/ld+json"', ""
    )
    doc = _script_doc(block)  # the HTML parser sees one script, whose text is the whole JSON
    assert doc["headline"] == "A </script><script>alert(1)</script> and <!-- trick"
    assert doc["description"] == "</SCRIPT > and <ScRiPt"
    assert _script_doc(seo_block(article, minify=True)) == doc


# --- never invented --------------------------------------------------------------------------------

SEO_KEYS = (
    "isAccessibleForFree",
    "hasPart",
    "speakable",
    "correction",
    "liveBlogUpdate",
    "coverageStartTime",
)


def test_a_silent_input_gets_none_of_the_news_seo_parts() -> None:
    article = read(FIXTURES / "plain.json", options=QUIET)
    doc = _script_doc(seo_block(article))
    assert doc["@type"] == "NewsArticle"
    assert not set(SEO_KEYS) & set(doc)
    assert "breadcrumb" not in doc["mainEntityOfPage"]
    assert "logo" not in doc["publisher"]  # none given: none made up
    assert not any(k in doc["publisher"] for k in ("correctionsPolicy", "publishingPrinciples"))
    assert "image" not in doc  # its only image has no URL
    graph = _script_doc(seo_block(article, graph=True))["@graph"]
    assert not [n for n in graph if n.get("@type") == "BreadcrumbList"]
    assert not [n for n in graph if n.get("@type") == "ImageObject"]


def _article(fields: dict[str, Any]) -> jsonld_news.Article:
    data = {"headline": "A headline", "url": "https://news.example.org/x", **fields}
    data.setdefault("body", "The body of the article, with enough words to be one. " * 2)
    return jsonld_news.read_text(json.dumps(data), "json", options=QUIET)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"isAccessibleForFree": "False"}, {"isAccessibleForFree": False}),
        ({"isAccessibleForFree": "https://schema.org/True"}, {"isAccessibleForFree": True}),
        ({"paywall": ".locked"}, {"isAccessibleForFree": False, "cssSelector": ".locked"}),
        ({"hasPart": {"isAccessibleForFree": True, "cssSelector": ".free"}}, {}),
    ],
)
def test_paywall_only_from_input(fields: dict[str, Any], expected: dict[str, Any]) -> None:
    doc = _script_doc(seo_block(_article(fields)))
    assert doc.get("isAccessibleForFree") == expected.get("isAccessibleForFree")
    selectors = [p["cssSelector"] for p in doc.get("hasPart", [])]
    assert selectors == ([expected["cssSelector"]] if "cssSelector" in expected else [])


def test_unreadable_paywall_flag_is_a_warning_not_a_guess() -> None:
    article = _article({"isAccessibleForFree": "maybe"})
    assert "isAccessibleForFree" not in _script_doc(seo_block(article))
    assert any("isAccessibleForFree 'maybe' dropped" in w for w in article.warnings)


@pytest.mark.parametrize("key", ["xpath", "xPath"])
def test_speakable_takes_both_spellings_and_writes_schema_orgs(key: str) -> None:
    doc = _script_doc(seo_block(_article({"speakable": {key: ["/html/head/title"]}})))
    assert doc["speakable"]["xpath"] == ["/html/head/title"]
    assert "xPath" not in doc["speakable"]


def test_correction_is_a_correction_comment_with_its_date() -> None:
    doc = _script_doc(
        seo_block(_article({"correction": {"text": "Fixed a name.", "date": "2025-05-05T10:00Z"}}))
    )
    assert doc["correction"] == [
        {
            "@type": "CorrectionComment",
            "@id": "https://news.example.org/x#correction-1",
            "text": "Fixed a name.",
            "datePublished": "2025-05-05T10:00:00Z",
        }
    ]


def test_a_page_that_marks_a_live_blog_is_one() -> None:
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    page = page.replace('"@type": "NewsArticle"', '"@type": "LiveBlogPosting"').replace(
        '"isAccessibleForFree": "False",',
        '"liveBlogUpdate": [{"@type": "BlogPosting", "headline": "Ferries plugged in",'
        ' "datePublished": "2025-03-04T11:00:00+01:00"}], "isAccessibleForFree": "False",',
    )
    article = jsonld_news.read(page.encode(), "html", options=QUIET)
    doc = _script_doc(seo_block(article))
    assert doc["@type"] == "LiveBlogPosting"
    assert doc["liveBlogUpdate"][0]["headline"] == "Ferries plugged in"
    assert doc["liveBlogUpdate"][0]["datePublished"] == "2025-03-04T11:00:00+01:00"


def test_publisher_policy_links_and_logo_from_publisher_file() -> None:
    article = read(FIXTURES / "plain.json", options=Options(publisher=str(PUBLISHER)))
    publisher = _script_doc(seo_block(article))["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["logo"] == "https://news.example.org/logo-600x60.png"
    assert publisher["correctionsPolicy"] == "https://news.example.org/about/corrections"
    for key in ("publishingPrinciples", "ethicsPolicy", "masthead", "diversityPolicy"):
        assert publisher[key].startswith("https://news.example.org/about/")


def test_a_publisher_with_a_masthead_is_a_news_outlet(tmp_path: Path) -> None:
    untyped = tmp_path / "publisher.json"
    untyped.write_text(
        json.dumps({"name": "Example Tribune", "masthead": "https://news.example.org/m"})
    )
    publisher = _script_doc(
        seo_block(read(FIXTURES / "plain.json", options=Options(publisher=str(untyped))))
    )
    assert publisher["publisher"]["@type"] == "NewsMediaOrganization"
    assert publisher["publisher"]["masthead"] == "https://news.example.org/m"


def test_publisher_logo_from_the_pages_own_markup() -> None:
    article = read(FIXTURES / "page.html", options=Options(publisher={"name": "Example Tribune"}))
    publisher = _script_doc(seo_block(article))["publisher"]
    assert publisher["logo"] == "https://news.example.org/logo-600x60.png"  # an ImageObject's url
    assert publisher["correctionsPolicy"] == "https://news.example.org/about/corrections"


# --- our own validators never fail our output --------------------------------------------------


def test_values_our_validators_reject_are_dropped_or_repaired_with_a_warning() -> None:
    doc = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "A headline",
        "author": [
            {"@type": "Person", "name": "By Jane Roe"},
            {"@type": "Person", "name": "Tom Poe", "url": "not a url"},
        ],
        "image": ["ftp://example.org/a.jpg", "https://example.org/b.jpg"],
    }
    fixed, warnings = repaired(doc)
    assert validate(fixed).errors == []
    assert fixed["author"] == [
        {"@type": "Person", "name": "Jane Roe"},
        {"@type": "Person", "name": "Tom Poe"},
    ]
    assert fixed["image"] == ["https://example.org/b.jpg"]
    assert any("repaired" in w and "author[0].name" in w for w in warnings)
    assert any("dropped" in w and "author[1].url" in w for w in warnings)


def test_an_article_node_that_is_wrong_itself_is_not_repaired() -> None:
    with pytest.raises(ValueError, match="headline"):
        repaired({"@context": "https://schema.org", "@type": "NewsArticle", "headline": 42})


def _graph_problems(doc: dict[str, Any]) -> list[str]:
    """Errors of our validators on a @graph, and ids repeated or referenced but missing."""
    problems = [str(i) for i in validate(doc, ("schema.org", "google")).errors]
    ids = [n["@id"] for n in doc["@graph"] if "@id" in n]
    problems += [f"repeated {i}" for i in ids if ids.count(i) > 1]
    known = set(ids)

    def refs(value: Any) -> list[str]:
        if isinstance(value, dict):
            if set(value) == {"@id"}:
                return [value["@id"]]
            return [r for v in value.values() for r in refs(v)]
        if isinstance(value, list):
            return [r for v in value for r in refs(v)]
        return []

    problems += [f"dangling {r}" for r in refs(doc["@graph"]) if r not in known]
    return problems


def _inputs() -> list[Path]:
    found = sorted((ROOT / "examples" / "inputs").iterdir()) + sorted(FIXTURES.glob("*.json"))
    if SHARED.is_dir():
        # the pages that carry news-SEO markup (paywall, speakable, breadcrumbs, live blog,
        # corrections): the full corpus runs in tools/bench_seo.py, pages are slow to read
        found += [
            p
            for p in sorted((SHARED / "html").glob("*.html"))
            if _SEO_MARKUP.search(p.read_bytes())
        ]
        found += sorted((SHARED / "inputs").glob("*/*"))[::4]  # every format, a sample of each
    return found


_SEO_MARKUP = re.compile(
    rb"isAccessibleForFree|speakable|BreadcrumbList|liveBlogUpdate|\"correction"
)


def test_our_output_never_fails_our_validators() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus is absent: only examples/ and fixtures checked")
    checked = 0
    for path in _inputs():
        try:
            article = read(path, options=QUIET)
        except jsonld_news.JsonldNewsError:
            continue  # a page the converter refuses has no block either
        block = seo_markup(article)
        report = validate(block.document)
        assert report.errors == [], f"{path.name}: {report.errors}"
        assert _graph_problems(seo_markup(article, graph=True).document) == [], path.name
        checked += 1
    assert checked >= 25


def test_examples_blocks_are_valid() -> None:
    for path in sorted((ROOT / "examples" / "inputs").iterdir()):
        article = read(path, options=QUIET)
        assert validate(seo_markup(article).document).errors == [], path.name
        assert _graph_problems(seo_markup(article, graph=True).document) == [], path.name


def test_graph_is_linked_yoast_style() -> None:
    article = read(
        FIXTURES / "live-blog.json",
        options=Options(recognize_entities=False, publisher=str(PUBLISHER)),
    )
    doc = _script_doc(seo_block(article, graph=True))
    kinds = {n["@type"]: n for n in doc["@graph"]}
    for kind in ("LiveBlogPosting", "WebPage", "WebSite", "NewsMediaOrganization", "Person",
                 "ImageObject", "BreadcrumbList"):  # fmt: skip
        assert kind in kinds, kind
    post = kinds["LiveBlogPosting"]
    assert post["publisher"] == {"@id": kinds["NewsMediaOrganization"]["@id"]}
    assert post["mainEntityOfPage"] == {"@id": kinds["WebPage"]["@id"]}
    assert kinds["WebPage"]["breadcrumb"] == {"@id": kinds["BreadcrumbList"]["@id"]}
    assert kinds["WebPage"]["isPartOf"] == {"@id": kinds["WebSite"]["@id"]}
    logo = kinds["NewsMediaOrganization"]["logo"]
    assert set(logo) == {"@id"} and any(n.get("@id") == logo["@id"] for n in doc["@graph"])
    assert _graph_problems(doc) == []


# --- inject -------------------------------------------------------------------------------------


BLOCK = seo_block(_article({}))


def _page(head: str = "", body: str = "<p>Text</p>") -> bytes:
    return (
        f"<!doctype html>\n<html>\n<head>\n{head}</head>\n<body>{body}</body>\n</html>\n".encode()
    )


def test_inject_inserts_into_head_and_is_idempotent() -> None:
    page = _page('<meta charset="utf-8">\n')
    once = inject(page, BLOCK).page
    assert once.index(MARKER.encode()) < once.index(b"</head>")
    assert once.replace(BLOCK.encode(), b"") == page  # nothing else changed
    assert inject(once, BLOCK).page == once
    other = seo_block(_article({"headline": "Another headline"}))
    assert inject(inject(once, other).page, BLOCK).page == once  # ours is replaced, not added


@pytest.mark.parametrize(
    ("page", "before"),
    [
        (b"<html><head/><body>x</body></html>", b"<html><head/>\n<script"),
        (b"<HTML><HEAD><TITLE>t</TITLE><BODY>x", b"<HTML><HEAD>\n<script"),
        (b"<html><body><p>no head</p></body></html>", b"<html><head><script"),
    ],
)
def test_inject_into_unusual_heads(page: bytes, before: bytes) -> None:
    result = inject(page, BLOCK).page
    assert result.startswith(before) and result.count(b"</script>") == 1
    assert inject(result, BLOCK).page == result


def test_inject_replaces_an_article_graph_and_keeps_other_blocks() -> None:
    yoast = (
        '<script type="application/ld+json" class="yoast-schema-graph">{"@context":'
        '"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://x/#website"},'
        '{"@type":"NewsArticle","headline":"Old"}]}</script>\n'
    )
    crumbs = '<script type="application/ld+json">{"@type":"BreadcrumbList"}</script>\n'
    page = _page(crumbs + yoast)
    result = inject(page, BLOCK)
    assert result.action == "replaced the page's Article JSON-LD block"
    assert crumbs.encode() in result.page and b"yoast-schema-graph" not in result.page
    assert result.page == page.replace(yoast.strip().encode(), BLOCK.strip().encode())


def test_inject_keeps_the_pages_encoding() -> None:
    page = "<html><head><title>Café – 5 €</title></head><body>é</body></html>".encode("cp1252")
    article = _article({"headline": "Café in Zürich costs 5 €, 漢字 too"})
    result = inject(page, seo_block(article)).page
    assert result.startswith("<html><head><title>Café – 5 €</title>".encode("cp1252"))
    assert result.endswith("</head><body>é</body></html>".encode("cp1252"))
    text = result.decode("cp1252")  # every byte is cp1252; 漢字 are JSON escapes
    doc = _script_doc(text[text.index("<script") : text.index("</script>") + 9])
    assert doc["headline"] == "Café in Zürich costs 5 €, 漢字 too"


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("windows-1252", "Zürich".encode("cp1252")),
        ("utf-8", "Zürich".encode()),
        ("", b"Z\\u00fcrich"),
    ],
)
def test_an_ascii_page_gets_the_block_in_its_declared_charset(
    declared: str, expected: bytes
) -> None:
    meta = f'<meta charset="{declared}">' if declared else ""
    page = f"<html><head>{meta}<title>Plain</title></head><body>x</body></html>".encode()
    result = inject(page, seo_block(_article({"headline": "Trams in Zürich"}))).page
    assert expected in result


def test_inject_keeps_crlf_and_utf16() -> None:
    page = _page().replace(b"\n", b"\r\n")
    result = inject(page, BLOCK).page
    assert b"\n" not in result.replace(b"\r\n", b"")
    utf16 = "\ufeff<html><head></head><body>ü</body></html>".encode("utf-16-le")
    out = inject(utf16, BLOCK).page
    assert out.startswith(b"\xff\xfe") and out.decode("utf-16").count("</script>") == 1


@pytest.mark.parametrize(
    ("page", "error"),
    [
        (b"just some text, no markup", MalformedInputError),
        (b"<p>a fragment</p>", MalformedInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", UnreadableInputError),
        (b"<!-- <html><head> --> text", MalformedInputError),
    ],
)
def test_inject_refuses_what_it_cannot_parse(page: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        inject(page, BLOCK, name="p.html")


def test_inject_checks_the_paywall_selector() -> None:
    block = seo_block(_article({"paywall": ".locked"}))
    assert inject(_page(body='<div class="locked">x</div>'), block).warnings == []
    warnings = inject(_page(), block, name="p.html").warnings
    assert warnings == [
        "p.html: paywall cssSelector '.locked' matches no element of the page (hasPart)"
    ]


_OUTSIDE = st.text(
    # no markup, and no control characters: a page made of those is binary, refused
    alphabet=st.characters(codec="utf-8", exclude_characters="<&", exclude_categories=["Cc"]),
    max_size=60,
)


@pytest.mark.fuzz
@settings(deadline=None)
@given(before=_OUTSIDE, inside=_OUTSIDE, after=_OUTSIDE, replace=st.booleans())
def test_inject_keeps_every_byte_outside_the_block(
    before: str, inside: str, after: str, replace: bool
) -> None:
    old = '<script type="application/ld+json">{"@type": "NewsArticle"}</script>' if replace else ""
    page = f"{before}<html><head>{inside}{old}</head><body>{after}</body></html>".encode()
    result = inject(page, BLOCK).page
    start = result.index(b"<script")
    end = result.index(b"</script>") + len(b"</script>")
    block_bytes = BLOCK.strip("\n").encode()
    assert result[start:end] == block_bytes
    head = f"{before}<html><head>{inside}".encode()
    tail = f"</head><body>{after}</body></html>".encode()
    assert result[:start] == head and result[end:].lstrip(b"\n") == tail
    assert inject(result, BLOCK).page == result


# --- command line -------------------------------------------------------------------------------


class _Done:
    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = code, stdout, stderr


def _cli(*args: str) -> _Done:
    result = CliRunner().invoke(app, list(args))
    return _Done(result.exit_code, result.stdout, result.stderr)


def test_cli_block_inject_and_in_place(tmp_path: Path) -> None:
    article = str(FIXTURES / "plain.json")
    done = _cli("seo", article, "--no-mentions")
    assert done.returncode == 0, done.stderr
    assert done.stdout == seo_block(read(FIXTURES / "plain.json", options=QUIET))
    page = tmp_path / "page.html"
    page.write_bytes(_page())
    shown = _cli("seo", article, "--no-mentions", "--inject", str(page))
    assert shown.returncode == 0 and page.read_bytes() == _page()  # stdout unless --in-place
    assert MARKER in shown.stdout
    done = _cli("seo", article, "--no-mentions", "--inject", str(page), "--in-place")
    assert done.returncode == 0 and page.read_text() == shown.stdout
    out = tmp_path / "block.html"
    assert _cli("seo", article, "--graph", "-o", str(out), "--no-mentions").returncode == 0
    assert '"@graph"' in out.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--inject", "{nohead}"], "not an HTML page (no <html> or <head>)"),
        (["--inject", "{missing}"], "cannot read the page"),
        (["--in-place"], "--in-place rewrites the page of --inject PAGE"),
    ],
)
def test_cli_errors_are_one_line_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    nohead = tmp_path / "nohead.html"
    nohead.write_text("plain words")
    values = {"nohead": str(nohead), "missing": str(tmp_path / "missing.html")}
    done = _cli(
        "seo", str(FIXTURES / "plain.json"), "--no-mentions", *(a.format(**values) for a in args)
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("jsonld-news: error:")
    assert nohead.read_text() == "plain words"


def test_cli_refuses_a_bad_article_in_one_line() -> None:
    done = _cli("seo", str(FIXTURES / "publisher.yaml"), "--no-mentions")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert re.match(r"jsonld-news: error: .*publisher\.yaml", done.stderr)


def test_fixture_inputs_follow_the_documented_input_schema() -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    for name in ("live-blog.json", "plain.json"):
        data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
        assert [e.message for e in validator.iter_errors(data)] == [], name


_RAW = st.binary(max_size=60).map(lambda b: bytes(c for c in b if c >= 0x20 and c not in b"<&"))


@pytest.mark.fuzz
@settings(deadline=None)
@given(before=_RAW, inside=_RAW, after=_RAW)
def test_inject_keeps_every_raw_byte_of_a_legacy_page(
    before: bytes, inside: bytes, after: bytes
) -> None:
    head = b'<html><head><meta charset="windows-1252">' + inside
    tail = b"</head><body>" + after + b"</body></html>"
    page = before + head + tail
    block = seo_block(_article({"headline": "Grüße aus Köln – 5 € 漢"}))
    result = inject(page, block).page
    start, end = result.index(b"<script"), result.index(b"</script>") + len(b"</script>")
    assert result[:start] == before + head and result[end:].lstrip(b"\n") == tail
    assert inject(result, block).page == result
