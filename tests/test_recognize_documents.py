"""A chamber's word in a bill's number names the bill, not the chamber ("Senate Bill 10")."""

from __future__ import annotations

import pytest

from jsonld_news.enrich.recognize import recognize_text

BASE = "https://data.example.org/id/"


def names(headline: str, body: str) -> list[str]:
    return [m.entity.name for m in recognize_text(headline, body, "en", BASE)]


@pytest.mark.parametrize(
    "body",
    [
        "The legislature passed Senate Bill 10 in May.",
        "Lawmakers debated Senate Joint Resolution 4 on Monday.",
        "Critics of Senate Bill No. 7 rallied outside.",
    ],
)
def test_a_bill_number_is_no_mention_of_the_chamber(body: str) -> None:
    assert "Senate" not in names("", body)


def test_the_chamber_itself_is_still_a_mention() -> None:
    assert names("", "The Senate passed Senate Bill 10 in May.") == ["Senate"]
    assert names("Senate Bill 10 passes", "The Senate voted on it.") == ["Senate"]
