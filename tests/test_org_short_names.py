"""Companies known by a short name: the organisations table gives a company named by a stem
and corporate designators ("Lufthansa Group", "Holcim Group", "Expedia Group") its stem as an
alias where the stem is safe (``tools/build_org_table.py``, ``_add_stems``), and the stem finds
the company under the IRI of its full name."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from jsonld_news.enrich.recognize import organization_table, recognize_text
from jsonld_news.identity import entity_iri

BASE = "https://example.org/"
TOOLS = Path(__file__).resolve().parent.parent / "tools"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    sys.path.insert(0, str(TOOLS))
    try:
        return importlib.import_module("build_org_table")
    finally:
        sys.path.remove(str(TOOLS))


def _orgs(body: str, lang: str = "en") -> dict[str, str]:
    return {
        m.surface: m.entity.iri
        for m in recognize_text("", body, lang, BASE)
        if m.entity.type == "Corporation"
    }


def test_stem_is_the_name_without_its_designators(build: ModuleType) -> None:
    assert build._stem("Lufthansa Group") == "Lufthansa"
    assert build._stem("Nippon Express Holdings Inc.") == "Nippon Express"
    assert build._stem("Mitsui & Co.") == "Mitsui"
    assert build._stem("Grupo Televisa") == "Televisa"
    assert build._stem("Bechtle AG") == "Bechtle"  # an ISO 20275 legal form
    assert build._stem("Lufthansa") is None  # no designator
    assert build._stem("Group") is None


@pytest.mark.parametrize(
    ("label", "stem"),
    [
        ("Lufthansa Group", "Lufthansa"),
        ("Holcim Group", "Holcim"),
        ("Expedia Group", "Expedia"),
        ("Omnicom Group", "Omnicom"),
    ],
)
def test_a_company_is_found_by_its_stem_under_its_full_names_iri(label: str, stem: str) -> None:
    assert [e.label for e in organization_table().lookup(stem)] == [label]
    iri = entity_iri(BASE, "Corporation", label)
    assert _orgs(f"Analysts said {stem} would cut 500 jobs this year.") == {stem: iri}
    assert _orgs(f"Analysts said the {label} would cut 500 jobs.")[label] == iri


def test_stem_and_full_name_in_one_article_are_one_organisation() -> None:
    body = "The Lufthansa Group reported a loss. Analysts expect Lufthansa to cut routes."
    found = _orgs(body)
    assert found["Lufthansa Group"] == found["Lufthansa"]


def test_a_common_word_a_given_name_or_a_surname_is_refused(build: ModuleType) -> None:
    assert build._stem_refused("Compass") == "word or name"  # Compass Group: an English word
    assert build._stem_refused("Booking") == "word or name"  # Booking Holdings
    assert build._stem_refused("Williams") == "word or name"  # a surname
    assert build._stem_refused("Roche") == "word or name"  # a surname too
    assert build._stem_refused("Lufthansa") is None
    assert not organization_table().lookup("Compass")


def test_a_persons_name_is_refused(build: ModuleType) -> None:
    assert build._stem_refused("Walt Disney") == "person"
    assert build._stem_refused("Estée Lauder") == "person"
    assert build._stem_refused("Arthur J. Gallagher") == "person"
    assert not organization_table().lookup("Estée Lauder")


def test_a_place_is_refused(build: ModuleType) -> None:
    assert build._stem_refused("Pershing Square") == "place"  # a square, by its last word
    orgs, places = build._starter_names()
    entries = [_entry("t:1", "Berkeley Group Holdings"), _entry("t:2", "Fresnillo plc")]
    given, refused = build._add_stems(entries, orgs, places)  # a city; a GeoNames town
    assert given == [] and sorted(refused["place"]) == ["Berkeley", "Fresnillo"]
    assert not [e for e in organization_table().lookup("Berkeley") if e.type == "Corporation"]


def test_a_shared_stem_or_another_entrys_name_is_refused(build: ModuleType) -> None:
    entries = [
        _entry("t:1", "Zorvex Group"),
        _entry("t:2", "Zorvex Holdings"),  # two companies: neither gets "Zorvex"
        _entry("t:3", "Quintrel Group"),  # the starter KB's name
        _entry("t:4", "Halvorix Corporation"),
        _entry("t:5", "Halvorix Motors"),  # "Halvorix" opens another company's name
        _entry("t:6", "Brundeq Group"),
    ]
    given, refused = build._add_stems(entries, {"quintrel"}, set())
    assert given == ["Brundeq"]
    assert refused["two companies"] == ["Zorvex", "Zorvex"]
    assert refused["another entry's name"] == ["Quintrel"]
    assert refused["opens another name"] == ["Halvorix"]
    assert entries[5]["aliases"] == ["Brundeq"] and entries[0]["aliases"] == []


def test_shipped_table_refuses_shared_and_starter_names() -> None:
    assert not organization_table().lookup("Merck")  # Merck & Co. and Merck KGaA
    assert not organization_table().lookup("Volkswagen")  # the starter KB's Volkswagen
    assert not organization_table().lookup("Mitsubishi")  # opens many companies' names


def _entry(entry_id: str, label: str) -> dict[str, object]:
    return {"id": entry_id, "label": label, "type": "Corporation", "aliases": [], "score": 1.0}


def test_a_companys_word_opens_an_english_sentence() -> None:
    iri = entity_iri(BASE, "Corporation", "Lufthansa Group")
    assert _orgs("Lufthansa cancelled 800 flights on Friday.") == {"Lufthansa": iri}
    assert _orgs("Holcim said on Monday it would cut jobs.") == {
        "Holcim": entity_iri(BASE, "Corporation", "Holcim Group")
    }


def test_a_word_or_a_name_at_a_sentence_start_still_needs_more() -> None:
    assert "Caterpillar" not in _orgs("Caterpillar crawled across the leaf.")  # a word
    assert "Caterpillar" in _orgs("Shares of Caterpillar rose on Monday.")
    found = recognize_text("", "Sorbonne students marched on Friday.", "en", BASE)
    assert not [m for m in found if m.surface == "Sorbonne"]  # a university: mid-sentence only
    assert _orgs("Lufthansa streicht 800 Flüge.", "de") == {}  # German: every noun capitalised
