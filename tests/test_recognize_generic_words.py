"""Generic words are no names: a role ("the CEO said") is never an organisation, and a body
named by generic words alone ("the City Council") is local to the article, never global."""

from __future__ import annotations

import pytest

from jsonld_news.enrich.recognize import recognize_text

BASE = "https://data.example.org/id/"


def found(body: str, lang: str = "en") -> dict[str, str]:
    return {m.surface: m.entity.iri for m in recognize_text("", body, lang, BASE)}


@pytest.mark.parametrize(
    "body",
    [
        "The CEO said the plan would work.",
        "The CFO told analysts the quarter was weak.",
        "The Spokesperson said nothing more.",
        "The Chairman told reporters it was fine.",
        "The Minister said no.",
        "The Council said it would vote again.",
        "The Ministry said it agreed.",
        "The CEO founder spoke first.",
    ],
)
def test_a_role_or_body_word_alone_is_no_organisation(body: str) -> None:
    assert found(body) == {}


def test_a_name_after_the_is_still_a_body() -> None:
    assert found("The Louvre said it would reopen.") == {"Louvre": BASE + "organization/louvre"}
    assert found("The Vox founder spoke first.") == {"Vox": BASE + "organization/vox"}


@pytest.mark.parametrize(
    "body, surface",
    [
        ("The City Council said it would vote.", "City Council"),
        ("The Supreme Court said it would hear the case.", "Supreme Court"),
        ("The Ministry of Finance said it agreed.", "Ministry of Finance"),
        ("The Department of Transportation said it would act.", "Department of Transportation"),
        ("Officials said the Election Commission would meet.", "Election Commission"),
        ("Officials said the Transit Authority would meet.", "Transit Authority"),
        ("Officials said the Judiciary Committee would meet.", "Judiciary Committee"),
        ("Officials said the Legislative Council would meet.", "Legislative Council"),
        ("Officials said the Parks Department would meet.", "Parks Department"),
    ],
)
def test_a_generic_body_is_local_to_the_article(body: str, surface: str) -> None:
    iri = found(body)[surface]
    assert not iri.startswith(BASE), iri


@pytest.mark.parametrize(
    "body, surface, slug",
    [
        ("Springfield City Council voted on Monday.", "Springfield City Council", "springfield"),
        (
            "Officials said the Kenya Election Commission would meet.",
            "Kenya Election Commission",
            "kenya",
        ),
    ],
)
def test_a_qualified_body_is_global(body: str, surface: str, slug: str) -> None:
    iri = found(body)[surface]
    assert iri.startswith(BASE + "organization/" + slug), iri
