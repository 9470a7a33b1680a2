"""A military rank that is also an adjective ("Private", "General", "Major") before a common
English word that is no known name is the adjective: no person ("Private Audition")."""

from __future__ import annotations

import pytest

from jsonld_news.enrich.recognize import recognize_text

BASE = "https://data.example.org/id/"


def people(body: str) -> set[str]:
    return {
        m.entity.name for m in recognize_text("", body, "en", BASE) if m.entity.type == "Person"
    }


@pytest.mark.parametrize(
    "body",
    [
        "Fans lost interest after the underwhelming Private Audition in 1982.",
        "Critics panned the sequel, General Confusion, last year.",
        "The band's third album, Major Setback, sold poorly.",
    ],
)
def test_a_rank_adjective_before_a_common_word_names_no_one(body: str) -> None:
    assert people(body) == set()


@pytest.mark.parametrize(
    "body, person",
    [
        ("Reporters asked General Petraeus about it.", "Petraeus"),
        ("Troops saluted Major Hargreaves.", "Hargreaves"),
        ("Private Jessica Lynch was rescued.", "Jessica Lynch"),
        ("The unit was led by General Mark Milley then.", "Mark Milley"),
    ],
)
def test_a_rank_before_a_name_still_introduces_it(body: str, person: str) -> None:
    assert person in people(body)
