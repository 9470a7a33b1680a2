"""Truthful metadata on articles no rule was written for: dates, publishers, authors, links, credits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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
