"""validate on pages and folders: the site-wide checks, report formats, exit codes, --strict, -o."""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from pathlib import Path
from xml.etree import ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from jsonld_news import format_report, validate_page, validate_site
from jsonld_news.cli import app

CASES = Path(__file__).parent / "fixtures" / "validate-cases"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def page(canonical: str, blocks: list[dict[str, object]]) -> str:
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(block)}</script>\n' for block in blocks
    )
    return (
        f'<!doctype html>\n<html><head><link rel="canonical" href="{canonical}">\n{scripts}'
        "</head><body><p>x</p></body></html>\n"
    )


def article(url: str, author: Mapping[str, object]) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "url": url,
        "headline": "Scholz speaks with Putin",
        "datePublished": "2024-11-15T17:05:00+03:00",
        "dateModified": "2024-11-15T19:40:00+03:00",
        "image": "https://news.example/a.jpg",
        "publisher": {"@type": "Organization", "name": "Example News"},
        "author": author,
    }


def site(folder: Path) -> Path:
    folder.mkdir()
    (folder / "news").mkdir()
    jane = {"@type": "Person", "@id": "https://news.example/#author", "name": "Jane Doe"}
    john = {"@type": "Person", "@id": "https://news.example/#author", "name": "John Roe"}
    a, b = "https://news.example/news/a", "https://news.example/amp/a"
    (folder / "news" / "a.html").write_text(page(a, [article(a, jane)]))
    (folder / "news" / "b.html").write_text(page(b, [article(b, john)]))
    (folder / "notes.txt").write_text("not a page")  # only HTML pages are walked
    return folder


def rules(issues: list[object]) -> list[tuple[str, str, str, str]]:
    return sorted(
        (Path(i.file or "").name, f"{i.validator}/{i.rule}", i.severity, i.path)  # type: ignore[attr-defined]
        for i in issues
    )


def test_site_reports_reused_id_and_one_article_at_two_urls(tmp_path: Path) -> None:
    report = validate_site(site(tmp_path / "public"))
    assert [Path(p.source or "").name for p in report.pages] == ["a.html", "b.html"]
    assert rules(list(report.issues)) == [
        ("b.html", "site/duplicate-article", "warning", "$.jsonld[0]"),
        ("b.html", "site/id-reuse", "error", "$.jsonld[0].author.@id"),
    ]
    assert report.exit_code == 1


def test_jobs_give_the_same_report(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for source in sorted(CASES.glob("*.html"))[:12]:  # process_map pools from 8 tasks up
        shutil.copy(source, folder / source.name)
    one = validate_site(folder, jobs=1)
    two = validate_site(folder, jobs=2)
    assert format_report(two, "json") == format_report(one, "json")


def test_unusable_page_is_exit_2_and_the_others_are_still_checked(tmp_path: Path) -> None:
    folder = site(tmp_path / "public")
    (folder / "broken.html").write_bytes(b"\x00\x01\x02binary" * 50)
    code, out, err = run("validate", str(folder), "--format", "json")
    assert code == 2
    assert err.count("\n") == 1 and "broken.html" in err
    data = json.loads(out)
    assert data["version"] == 1 and data["summary"]["files"] == 3
    assert data["summary"]["unusable"] == 1 and len(data["files"]) == 2
    assert set(data["issues"][0]) == {
        "file", "line", "severity", "validator", "rule", "path", "message", "value"
    }  # fmt: skip


def test_exit_codes_and_strict() -> None:
    assert run("validate", str(CASES / "good-newsarticle.html"))[0] == 0
    assert run("validate", str(CASES / "author-by-prefix.html"))[0] == 1
    warned = str(CASES / "headline-too-long.html")
    assert run("validate", warned)[0] == 0
    code, out, _ = run("validate", warned, "--strict")
    assert code == 1 and out.startswith("ERRORS (1)")


def test_text_report_is_grouped_by_severity_with_path_and_value() -> None:
    code, out, _ = run("validate", str(CASES / "rdfa-article.html"))
    assert code == 1
    headings = [line for line in out.splitlines() if line and not line.startswith(" ")][:3]
    assert headings == ["ERRORS (1)", "WARNINGS (1)", "INFO (1)"]
    assert "$.rdfa[0].author.name" in out and "'By Jane Doe'" in out


def test_junit_sarif_and_github_formats(tmp_path: Path) -> None:
    target = tmp_path / "report.xml"
    code, out, _ = run("validate", str(CASES), "-f", "junit", "-o", str(target))
    assert code == 1 and out == ""
    suite = ET.parse(target).getroot().find("testsuite")
    # a test case per page, and one for the site-wide issues (the cases share an @id)
    assert suite is not None
    assert int(suite.get("tests", "0")) == len(list(CASES.glob("*.html"))) + 1
    assert int(suite.get("failures", "0")) > 0
    code, out, _ = run("validate", str(CASES / "paywall-id-selector.html"), "-f", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "google/paywall" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    code, out, _ = run("validate", str(CASES / "author-without-url.html"), "-f", "github")
    assert (
        code == 0
        and out.startswith("::notice file=")
        and ",line=3,title=google/author-url::" in out
    )


def test_our_own_jsonld_files_still_validate(tmp_path: Path) -> None:
    doc = article("https://news.example/a", {"@type": "Person", "name": "Jane Doe"})
    path = tmp_path / "a.jsonld"
    path.write_text(json.dumps(doc))
    code, out, _ = run("validate", str(path), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["validators"] == []
    assert {i["validator"] for i in data["issues"]} <= {"google"}


_KEYS = st.sampled_from(
    ["@type", "@id", "@graph", "author", "name", "image", "width", "height", "datePublished",
     "dateModified", "wordCount", "articleBody", "about", "mentions", "citation", "url",
     "hasPart", "cssSelector", "isAccessibleForFree", "headline", "publisher", "mainEntity"]
)  # fmt: skip
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["NewsArticle", "Person", "Article", "https://x.example/a", "By Jane", ""]),
    st.text(max_size=20),
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=6),
    max_leaves=30,
)


@given(block=st.dictionaries(_KEYS, _JSON, max_size=8))
def test_any_json_ld_block_gives_a_report_never_a_traceback(block: dict[str, object]) -> None:
    doc = {"@context": "https://schema.org", "@type": "NewsArticle", **block}
    data = page("https://news.example/a", [doc]).encode()
    report = validate_page(data, name="fuzz.html")
    assert all(issue.path.startswith("$") and issue.file == "fuzz.html" for issue in report.issues)
    format_report(report, "sarif")
