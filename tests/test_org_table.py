"""The notable-organisations table (``jsonld_news/data/organizations.jsonl``): its data, the
evidence a one-word name of it needs, and the identity of what it finds."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from jsonld_news.enrich.linking import TABLE_IDS
from jsonld_news.enrich.recognize import (
    RuleRecognizer,
    organization_table,
    recognize_text,
    shipped_kbs,
    starter_kb,
)
from jsonld_news.identity import entity_iri, kind_of
from jsonld_news.kb import KnowledgeBase, name_key

BASE = "https://example.org/"


def _found(body: str, lang: str = "en") -> dict[str, str]:
    return {m.entity.name: m.entity.type for m in recognize_text("", body, lang, BASE)}


def test_table_entries_are_organisations_without_same_as() -> None:
    text = resources.files("jsonld_news").joinpath("data/organizations.jsonl").read_text("utf-8")
    entries = [json.loads(line) for line in text.splitlines()]
    assert len(entries) > 1000
    assert all(kind_of(e["type"]) == "organization" for e in entries)
    assert all(str(e["id"]).startswith(TABLE_IDS) for e in entries)
    assert not any("sameAs" in e for e in entries)  # the data carries no identifier
    assert len(organization_table()) == len(entries)


def test_table_never_shadows_a_starter_kb_organisation() -> None:
    for entry in organization_table().lookup("Apple") + organization_table().lookup("BBC"):
        raise AssertionError(f"the starter KB's entry keeps its name: {entry}")
    assert [e.label for e in starter_kb().lookup("Apple")] == ["Apple"]


def test_multi_word_company_found_with_its_type_and_label_iri() -> None:
    found = recognize_text("", "Shoppers queued outside Best Buy on Friday.", "en", BASE)
    best = [m.entity for m in found if m.entity.name == "Best Buy"]
    assert best and best[0].type == "Corporation"
    assert best[0].iri == entity_iri(BASE, "Corporation", "Best Buy")
    assert best[0].same_as == []


def test_same_iri_with_and_without_a_user_kb(tmp_path: Path) -> None:
    kb = tmp_path / "kb.jsonl"
    kb.write_text('{"label": "Jane Roe", "type": "Person"}\n', encoding="utf-8")
    body = "Analysts at Morgan Stanley raised their forecast for Best Buy on Monday."
    plain = {m.entity.name: m.entity.iri for m in recognize_text("", body, "en", BASE)}
    user = RuleRecognizer([KnowledgeBase.load(kb), *shipped_kbs()])
    with_kb = {m.entity.name: m.entity.iri for m in user.recognize("", body, language="en", base_iri=BASE)}  # fmt: skip
    assert plain["Morgan Stanley"] == with_kb["Morgan Stanley"]
    assert plain["Best Buy"] == with_kb["Best Buy"]


def test_short_form_after_the_legal_form_is_cut() -> None:
    # "Caterpillar Inc." in the data: "Caterpillar" alone is its short form, a common word
    # that needs running text around it, mid-sentence
    found = _found("Shares in Caterpillar rose after the company raised its outlook.")
    assert found.get("Caterpillar Inc.") == "Corporation"
    assert "Caterpillar Inc." not in _found("Caterpillar larvae eat the leaves.")
    assert "Caterpillar Inc." not in _found("May 06, 2022 Caterpillar")  # a label, not text


def test_one_word_names_need_evidence() -> None:
    assert "Pearson plc" not in _found("He met Pearson at the station.")  # a surname too
    assert "RTX Corporation" not in _found("The card is the fastest RTX 3080 yet.")  # a model
    assert "News Corp" not in _found("Speaking with Kaieteur News on Thursday, she said so.")
    # German capitalises every noun: a plain word of the table never matches there alone
    assert "Puma" not in _found("Der Puma lebt in Amerika und jagt nachts.", "de")


def test_names_written_like_names_need_nothing_more() -> None:
    assert _found("The luxury group LVMH paid for it.").get("LVMH") == "Corporation"


def test_sports_teams_by_full_name_and_nickname() -> None:
    assert _found("The Boston Celtics won again.").get("Boston Celtics") == "SportsTeam"
    # "Heat" is a common word: no nickname alias; "Celtics" is not
    assert any(
        name_key(e.label) == "boston celtics" for e in organization_table().lookup("Celtics")
    )
    assert not organization_table().lookup("Heat")


def test_wordnet_organisations_found_with_their_type() -> None:
    found = _found("Detectives from Scotland Yard arrested two men on Monday.")
    assert found.get("Scotland Yard") == "GovernmentOrganization"
    found = _found("She studied at Yale University before she joined the Kuomintang in Taipei.")
    assert found.get("Yale University") == "EducationalOrganization"
    assert found.get("Kuomintang") == "PoliticalParty"


def test_wordnet_descriptions_and_short_acronyms_stay_out() -> None:
    table = organization_table()
    # a translation made of common words ("Freedom Party" for Hizb ut-Tahrir) names other
    # parties too; a generic body ("Department of Energy") every country has; a three-letter
    # acronym ("ANO", the Abu Nidal Organization's and a Czech party's) many bodies share
    for name in ("Freedom Party", "People's Party", "Department of Energy", "Home Office", "ANO"):
        assert not [e for e in table.lookup(name) if e.id.startswith("wordnet:")], name
    # religions and denominations are no organisation a news text names as one
    assert not table.lookup("Presbyterian Church")
    # an alias another synset also gives ("Islamic Jihad": Hezbollah's too) or that opens
    # another synset's name ("Black September" of "Black September Movement") says no one body
    assert not table.lookup("Islamic Jihad")
    assert not table.lookup("Black September")
    assert _found("The Freedom Party won the vote.").get("Freedom Party") == "PoliticalParty"


def test_uk_parties_by_name_and_acronym() -> None:
    found = _found("UKIP lost seats, and the Scottish National Party won three.")
    assert found.get("Scottish National Party") == "PoliticalParty"
    assert found.get("UK Independence Party") == "PoliticalParty"  # "UKIP": its acronym
    table = organization_table()
    # survey nicknames are no names ("Brexit" for Reform UK), nor common words ("Labour Party":
    # other countries have one) or one word ("Veritas")
    for name in ("Brexit", "Tories", "Labour Party", "Green Party", "Veritas"):
        assert not [e for e in table.lookup(name) if e.id.startswith("ukparty:")], name


def test_football_clubs_by_full_name_never_by_their_city() -> None:
    found = _found("Real Madrid beat Manchester United in the final.")
    assert found.get("Real Madrid") == "SportsTeam"
    assert found.get("Manchester United") == "SportsTeam"
    # "Barcelona", "Liverpool", "Marseille": the city keeps its name
    found = _found("She moved from Barcelona to Marseille last year.")
    assert found.get("Barcelona") == "City" and found.get("Marseille") == "City"
    assert _found("He joined Olympique de Marseille.").get("Olympique de Marseille") == "SportsTeam"
    table = organization_table()
    for name in ("Bundesliga", "Premier League", "Brentford", "Liverpool"):
        assert not [e for e in table.lookup(name) if e.id.startswith("football-")], name


def test_universities_of_swot_by_their_full_name() -> None:
    found = _found("Forscher der Universität Hamburg haben das untersucht.", "de")
    assert found.get("Universität Hamburg") == "EducationalOrganization"
    found = _found("Students at Manchester Metropolitan University were told to stay in.")
    assert found.get("Manchester Metropolitan University") == "EducationalOrganization"
    table = organization_table()
    # a school's generic name, a name of common words ("Open University"), a bare acronym
    for name in ("Cloud campus", "Open University", "DIU"):
        assert not [e for e in table.lookup(name) if e.id.startswith("swot:")], name


def test_a_campus_named_after_a_comma_is_not_the_university() -> None:
    # swot lists "New York University, Abu Dhabi" first for nyu.edu: the comma ends the name
    found = _found("She teaches at New York University in Manhattan.")
    assert found.get("New York University") == "EducationalOrganization"
    assert not organization_table().lookup("New York University, Abu Dhabi")


def test_a_french_club_takes_the_hyphen_of_a_saint_name() -> None:
    # French typography joins "Saint" to the next word in a body's name; the data omits it
    found = _found("Neymar left Barcelona for Paris Saint-Germain in 2017.")
    assert found.get("Paris Saint-Germain") == "SportsTeam"
    assert _found("He signed for Paris Saint Germain.").get("Paris Saint-Germain") == "SportsTeam"
