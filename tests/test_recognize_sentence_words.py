"""A frequent word of the language that opens a sentence is that word, not a given name, even
before a surname ("Aber Schmidt sagte ...": "Aber" is a given name in the name data too)."""

from __future__ import annotations

import pytest

from jsonld_news.enrich.recognize import recognize_text

BASE = "https://data.example.org/id/"


def surfaces(body: str, lang: str) -> set[str]:
    return {m.surface for m in recognize_text("", body, lang, BASE)}


@pytest.mark.parametrize(
    "body, lang, wrong",
    [
        ("Er kam spät am Abend. Aber Schmidt sagte nichts dazu.", "de", "Aber Schmidt"),
        ("Seit Meier im Amt ist, läuft es besser.", "de", "Seit Meier"),
        ("Dass Wagner gewinnen würde, war klar.", "de", "Dass Wagner"),
        ("Wie Becker sagte, ist das Spiel vorbei.", "de", "Wie Becker"),
    ],
)
def test_a_sentence_opening_function_word_opens_no_name(body: str, lang: str, wrong: str) -> None:
    assert wrong not in surfaces(body, lang)


def test_a_given_name_opening_a_sentence_still_opens_one() -> None:
    assert "Anna Schmidt" in surfaces("Anna Schmidt sagte nichts.", "de")
