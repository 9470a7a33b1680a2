"""A newspaper named after its city: "the Des Moines Register", "the Baltimore Sun"; the city
in it is no mention of the place."""

from __future__ import annotations

import pytest

from jsonld_news.enrich.recognize import recognize_text

BASE = "https://data.example.org/id/"


def types(body: str) -> dict[str, str]:
    return {m.entity.name: m.entity.type for m in recognize_text("", body, "en", BASE)}


@pytest.mark.parametrize(
    "body, paper",
    [
        ("She spoke to the Baltimore Sun about it.", "Baltimore Sun"),
        ("He told the Toronto Star that it was over.", "Toronto Star"),
        ("He wrote for the Philadelphia Inquirer for years.", "Philadelphia Inquirer"),
        ("The Minneapolis Star Tribune reported it first.", "Minneapolis Star Tribune"),
        ("So did the Chicago Sun-Times on Monday.", "Chicago Sun-Times"),
    ],
)
def test_a_city_and_a_masthead_noun_name_a_newspaper(body: str, paper: str) -> None:
    found = types(body)
    assert found.get(paper) == "NewsMediaOrganization"
    assert not any(kind in ("City", "State") for kind in found.values())


def test_without_the_article_or_a_masthead_noun_the_city_stays() -> None:
    assert types("Baltimore Sun rays warmed the harbor.").get("Baltimore Sun") is None
    assert types("He lives in the Boston area.") == {"Boston": "City"}
