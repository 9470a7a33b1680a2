"""The starter KB: built from package data, reproducible, and what it links."""

from __future__ import annotations

import json
from importlib import resources

from jsonld_news.enrich.recognize import starter_kb
from jsonld_news.gazetteer import DEMONYMS, calendar_words, starter_entries


def test_shipped_starter_kb_matches_the_generator() -> None:
    shipped = resources.files("jsonld_news").joinpath("data/starter_kb.jsonl").read_text("utf-8")
    built = [json.dumps(e.to_json(), ensure_ascii=False, sort_keys=True) for e in starter_entries()]
    assert shipped.splitlines() == built, "run tools/build_starter_kb.py"


def test_countries_cities_and_organisations_link() -> None:
    kb = starter_kb()
    germany = kb.lookup("Germany")[0]
    assert germany.type == "Country"
    assert germany.same_as == ("https://sws.geonames.org/2921044/",)
    assert kb.lookup("Deutschland")[0].label == "Germany"  # babel's German name
    assert kb.lookup("U.S.")[0].label == "United States"
    moscow = kb.lookup("Moscow")[0]  # the capital, not Moscow, Idaho
    assert (moscow.type, moscow.same_as) == ("City", ("https://sws.geonames.org/524901/",))
    assert kb.lookup("Kiev")[0].label == "Kyiv"
    assert kb.lookup("Kremlin")[0].type == "GovernmentOrganization"
    assert kb.lookup("TASS")[0].type == "NewsMediaOrganization"
    assert kb.lookup("NATO")[0].same_as == ("http://www.wikidata.org/entity/Q7184",)
    assert kb.lookup("Europe")[0].type == "Continent"


def test_small_towns_are_left_out() -> None:
    # cities under 100,000 people share names with words and surnames too often
    assert all(e.type != "City" for e in starter_kb().lookup("Of"))


def test_calendar_words() -> None:
    words = calendar_words()
    for word in ("friday", "november", "dienstag", "lundi", "domingo", "dec"):
        assert word in words
    assert "di" not in words and "jan" not in words  # abbreviations that are also names


def test_demonyms_name_known_countries() -> None:
    kb = starter_kb()
    import pycountry

    for code in set(DEMONYMS.values()) - {"XK"}:
        assert pycountry.countries.get(alpha_2=code) is not None, code
    assert kb.lookup("Kosovo")
