"""Weekday and month names stop names in their own language only: another language's are
parts of names ("Mayo Clinic": Spanish "mayo" is May; "Avril Lavigne": French "avril")."""

from __future__ import annotations

import pytest

from jsonld_news.enrich.recognize import recognize_text
from jsonld_news.enrich.rule_words import CALENDAR_WORDS, calendar_words_for

BASE = "https://data.example.org/id/"


def names(body: str, lang: str) -> dict[str, str]:
    return {m.entity.name: m.entity.type for m in recognize_text("", body, lang, BASE)}


@pytest.mark.parametrize(
    "body, name, kind",
    [
        ("Researchers at the Mayo Clinic said the drug worked.", "Mayo Clinic", "LocalBusiness"),
        ("Profits at Marzo Foods Inc rose again.", "Marzo Foods Inc", "Corporation"),
        ("The prize went to singer Avril Lavigne on Friday.", "Avril Lavigne", "Person"),
        ("The award went to tenor Plácido Domingo on Friday.", "Plácido Domingo", "Person"),
        (
            "On Sunday, boxer Julio Cesar Chavez said he was retiring.",
            "Julio Cesar Chavez",
            "Person",
        ),
        ("Mai Nguyen, a nurse, said she was tired.", "Mai Nguyen", "Person"),
    ],
)
def test_another_languages_calendar_word_is_part_of_an_english_name(
    body: str, name: str, kind: str
) -> None:
    assert names(body, "en").get(name) == kind


def test_english_calendar_words_still_stop_english_names() -> None:
    found = names("Officials at the Mayo Clinic met on Monday, March 3.", "en")
    assert "Monday" not in found and "March" not in found


def test_scoping_by_language() -> None:
    assert "mayo" in calendar_words_for("es") and "mayo" not in calendar_words_for("en")
    assert "avril" in calendar_words_for("fr") and "avril" not in calendar_words_for("de")
    assert "mai" in calendar_words_for("de") and "montag" not in calendar_words_for("fr")
    for lang in ("en", "de", "fr", "es"):  # English's stop names in every language
        assert {"monday", "march", "sept"} <= calendar_words_for(lang)
    # text of a language without its own names, or unlabelled and not English: all of them
    assert calendar_words_for("und") == CALENDAR_WORDS
    assert {"mayo", "avril", "montag"} <= CALENDAR_WORDS


def test_a_german_calendar_word_still_stops_german_names() -> None:
    found = names("Am Montag sagte Anna Schmidt im Mai nichts.", "de")
    assert "Anna Schmidt" in found and not any("Mai" in n for n in found)
