"""The offline recognizer: the seed article, identity across articles, KB linking, languages,
linear time on hostile text, and the gold-set thresholds."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jsonld_news.enrich.recognize import (
    RuleRecognizer,
    default_recognizer,
    entities_table,
    load_recognizer,
    recognize_text,
    starter_kb,
)
from jsonld_news.kb import KBError, KnowledgeBase
from jsonld_news.model import Mention
from tests.work import growth

GOLD = Path(__file__).parent / "gold" / "mentions"
BASE = "https://data.example.org/id/"


def seed() -> tuple[str, str]:
    doc = json.loads((GOLD / "en-000-seed-scholz-putin.json").read_text(encoding="utf-8"))
    return doc["headline"], doc["body"]


def entities(mentions: list[Mention]) -> dict[str, str]:
    return {m.entity.name: m.entity.type for m in mentions}


def test_seed_people_places_organisations() -> None:
    headline, body = seed()
    found = entities(recognize_text(headline, body, "en", BASE))
    for person in ("Vladimir Putin", "Olaf Scholz", "Volodymyr Zelensky", "Donald Trump"):
        assert found.get(person) == "Person", person
    for country in ("Germany", "Russia", "Ukraine"):
        assert found.get(country) == "Country", country
    for city in ("Berlin", "Moscow", "Kyiv"):
        assert found.get(city) == "City", city
    assert found.get("NATO") == "Organization"
    assert found.get("TASS") == "NewsMediaOrganization"
    assert found.get("Kremlin") == "GovernmentOrganization"


def test_seed_names_no_junk() -> None:
    headline, body = seed()
    mentions = recognize_text(headline, body, "en", BASE)
    names = {m.entity.name for m in mentions}
    surfaces = {m.surface for m in mentions}
    junk = {"Friday", "Sunday", "November", "December", "Chancellor", "The Chancellor", "Later"}
    junk |= {"Related", "According", "Meanwhile", "Ukraine's", "TOBIAS SCHWARZ", "Tobias Schwarz"}
    assert not (names | surfaces) & junk
    assert not any(s.endswith(("'s", "’s")) for s in surfaces)
    for m in mentions:
        text = headline if m.in_headline else body
        assert text[m.start : m.end] == m.surface


def test_short_forms_are_the_same_entity() -> None:
    headline, body = seed()
    mentions = recognize_text(headline, body, "en", BASE)
    scholz = [m for m in mentions if m.surface == "Scholz"]
    assert len(scholz) > 3
    assert {m.entity.iri for m in scholz} == {f"{BASE}person/olaf-scholz"}
    assert len({id(m.entity) for m in mentions if m.entity.name == "Olaf Scholz"}) == 1
    in_headline = {m.entity.name for m in mentions if m.in_headline}
    assert {"Germany", "Olaf Scholz", "Vladimir Putin"} <= in_headline
    assert "Scholzs" not in {m.entity.name for m in mentions}


def test_same_iri_in_every_article() -> None:
    one = recognize_text("", "Chancellor Olaf Scholz met officials in Berlin.", "en", BASE)
    two = recognize_text("", "The talks, said Olaf Scholz, went well. Scholz left.", "en", BASE)
    iris_one = {m.entity.name: m.entity.iri for m in one}
    iris_two = {m.entity.name: m.entity.iri for m in two}
    assert iris_one["Olaf Scholz"] == iris_two["Olaf Scholz"] == f"{BASE}person/olaf-scholz"
    assert iris_one["Berlin"] == f"{BASE}place/berlin"


def test_user_kb_links_people(tmp_path: Path) -> None:
    kb = tmp_path / "my-entities.jsonl"
    kb.write_text(
        json.dumps(
            {
                "id": "Q7747",
                "label": "Vladimir Putin",
                "type": "Person",
                "aliases": ["Putin"],
                "sameAs": ["http://www.wikidata.org/entity/Q7747"],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    rec = load_recognizer(str(kb))
    headline, body = seed()
    mentions = rec.recognize(headline, body, language="en", base_iri=BASE)
    putin = {m.entity.iri: m.entity for m in mentions if m.entity.name == "Vladimir Putin"}
    assert list(putin) == [f"{BASE}person/vladimir-putin"]  # same IRI as without the KB
    assert putin[f"{BASE}person/vladimir-putin"].same_as == ["http://www.wikidata.org/entity/Q7747"]
    # a KB-only name, with no title or context, is found too
    found = rec.recognize("", "Yesterday Putin spoke.", language="en", base_iri=BASE)
    assert [m.entity.name for m in found] == ["Vladimir Putin"]


def test_bad_user_kb_names_file_and_line(tmp_path: Path) -> None:
    kb = tmp_path / "bad.jsonl"
    kb.write_text('{"label": "A", "type": "Person"}\n{oops\n', encoding="utf-8")
    with pytest.raises(KBError, match=r"^bad\.jsonl:2: "):
        load_recognizer(str(kb))


def test_people_in_context() -> None:
    body = (
        "The report was written by Jane Okafor. Analysts at Barclays disagreed.\n\n"
        '"We are worried," said Tom Baines, a senior economist. Jane Okafor\'s team replied.\n\n'
        "Okafor said more data was needed."
    )
    found = entities(recognize_text("", body, "en", BASE))
    assert found["Jane Okafor"] == "Person"
    assert found["Tom Baines"] == "Person"
    assert found["Barclays"] == "Corporation"  # a FTSE 100 company of the organisations table
    assert "Okafor" not in found  # the short form is Jane Okafor


def test_organisations_by_head_word() -> None:
    body = "Officials at the Ministry of Defence and the Federal Bureau of Statistics met."
    found = entities(recognize_text("", body, "en", BASE))
    assert found["Ministry of Defence"] == "GovernmentOrganization"
    assert found["Federal Bureau of Statistics"] == "GovernmentOrganization"


def test_demonym_phrase_names_the_country() -> None:
    found = entities(recognize_text("", "He met the Russian government on Monday.", "en", BASE))
    assert found == {"Russia": "Country"}
    assert recognize_text("", "He likes Russian literature.", "en", BASE) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "de",
            "Bundeskanzler Olaf Scholz ist am Mittwoch nach Paris gereist. Das Essen war gut.",
            {"Olaf Scholz": "Person", "Paris": "City"},
        ),
        (
            "fr",
            "Le ministre des Transports François Durovray a parlé à Lyon. L'Allemagne attend.",
            {"François Durovray": "Person", "Lyon": "City", "Germany": "Country"},
        ),
        (
            "es",
            "La presidenta de México, Claudia Sheinbaum, habló con la Policía Nacional.",
            {
                "Mexico": "Country",
                "Claudia Sheinbaum": "Person",
                "Policía Nacional": "GovernmentOrganization",
            },
        ),
    ],
)
def test_other_languages(language: str, text: str, expected: dict[str, str]) -> None:
    assert entities(recognize_text("", text, language, BASE)) == expected


def test_german_nouns_are_not_names() -> None:
    text = (
        "Die Regierung Berät Über Die Neue Steuer. Am Ende Stand Eine Einigung. Kritik Kam "
        "Von Der Opposition, Die Große Sorgen Hat."
    )
    assert recognize_text("", text, "de", BASE) == []


def test_entities_table() -> None:
    rows = entities_table(recognize_text("Putin speaks", "President Vladimir Putin spoke.", "en"))
    assert rows[0]["name"] == "Vladimir Putin"
    assert rows[0]["type"] == "Person"
    assert rows[0]["where"] == "body:10-24"
    assert rows[-1]["where"].startswith("headline:")
    assert set(rows[0]) == {"surface", "name", "type", "where", "iri", "sameAs"}


def test_default_recognizer_is_cached() -> None:
    assert default_recognizer() is default_recognizer()
    assert load_recognizer(None) is default_recognizer()


@pytest.mark.parametrize(
    ("unit", "tail"),
    [
        ("no capitals at all here, just words and more words ", ""),
        ("ALL CAPITALS HERE, PRESIDENT VLADIMIR PUTIN MET NATO IN BERLIN. ", ""),
        ("Vladimir Putin ", ""),
        ("Putin, ", ""),
        ("President ", "Olaf Scholz"),
        ("President ", ""),  # titles with no name after them: each run walked once
        ("Deputy Minister of State ", ""),
        ("Foreign ", ""),  # department words: "Foreign" alone introduces nobody
        ("Then-President Dr ", ""),
        ("President Vladimir Putin met Olaf Scholz in Berlin, the Kremlin said. ", ""),
    ],
)
def test_work_grows_linearly_on_hostile_text(unit: str, tail: str) -> None:
    # Lines executed, not seconds: 8 times the text is about 8 times the work (quadratic: 64).
    def run(repeats: int) -> None:
        recognize_text("", unit * repeats + tail, "en")

    assert growth(run, 40, 8) < 8 * 1.25


def test_work_grows_linearly_on_a_headline_of_titles() -> None:
    def run(repeats: int) -> None:
        recognize_text("President " * repeats, "A body.", "en")

    assert growth(run, 40, 8) < 8 * 1.25


def test_hostile_text_of_a_realistic_size_finishes() -> None:
    texts = ("Vladimir Putin " * 20_000, "Putin, " * 20_000, "President " * 20_000 + "Olaf Scholz")
    for text in texts:
        assert isinstance(recognize_text("", text, "en"), list)


def test_gold_set_thresholds() -> None:
    sys.path.insert(0, str(Path(__file__).parent.parent / "tools"))
    try:
        import eval_mentions
    finally:
        sys.path.pop(0)
    result = eval_mentions.score(eval_mentions.load_gold())
    for kind in ("person", "place", "organization"):
        scores = result[kind]
        assert isinstance(scores, dict)
        assert scores["precision"] >= 0.90, (kind, scores)
        assert scores["recall"] >= 0.80, (kind, scores)
    linked = eval_mentions.linking(eval_mentions.load_gold())
    assert isinstance(linked["linking_accuracy"], float)
    assert isinstance(linked["linked"], int) and linked["linked"] >= 30
    assert linked["linking_accuracy"] >= 0.9


def test_layered_kbs_user_first() -> None:
    from jsonld_news.kb import KBEntry

    user = KnowledgeBase.from_entries([KBEntry("Berlin", "City", "x", (), ("http://x/b",), 1.0)])
    rec = RuleRecognizer([user, starter_kb()])
    [m] = rec.recognize("", "They met in Berlin.", language="en", base_iri=BASE)
    assert m.entity.same_as == ["http://x/b"]


@pytest.mark.skipif(importlib.util.find_spec("spacy") is None, reason="spaCy not installed")
def test_spacy_backend_with_entity_ruler() -> None:
    spacy = pytest.importorskip("spacy")
    from jsonld_news.enrich.spacy_backend import SpacyRecognizer

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Olaf Scholz"},
            {"label": "PERSON", "pattern": "Scholz"},
            {"label": "GPE", "pattern": "Berlin"},
            {"label": "ORG", "pattern": "NATO"},
        ]
    )
    rec = SpacyRecognizer(nlp, kbs=[starter_kb()])
    mentions = rec.recognize(
        "Scholz in Berlin", "Olaf Scholz met NATO. Scholz left.", language="en", base_iri=BASE
    )
    found = {(m.entity.name, m.entity.type, m.in_headline) for m in mentions}
    assert ("Olaf Scholz", "Person", True) in found
    assert ("Olaf Scholz", "Person", False) in found
    assert ("Berlin", "City", True) in found
    assert ("NATO", "Organization", False) in found
    berlin = next(m for m in mentions if m.entity.name == "Berlin")
    assert berlin.entity.same_as == ["https://sws.geonames.org/2950159/"]


# --- issue 10: context decides the sense, identity, recall ----------------------------------------


def _by_surface(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.surface: m for m in mentions}


def test_city_and_state_decide_each_other() -> None:
    found = _by_surface(
        recognize_text("", "The firm moved to Atlanta, Georgia, from Birmingham, Alabama.", "en")
    )
    assert found["Georgia"].entity.type == "State"
    assert found["Georgia"].entity.same_as == ["https://sws.geonames.org/4197000/"]
    assert (
        found["Georgia"].entity.iri != recognize_text("", "Georgia and Russia", "en")[1].entity.iri
    )
    assert found["Birmingham"].entity.same_as == ["https://sws.geonames.org/4049979/"]
    assert found["Birmingham"].entity.iri.endswith("place/birmingham-alabama")


def test_unknown_city_of_a_region_is_unlinked_and_qualified() -> None:
    found = _by_surface(recognize_text("", "She grew up in Paris, Texas, before college.", "en"))
    paris = found["Paris"].entity
    assert paris.same_as == []  # never the French capital's GeoNames IRI
    assert paris.iri.endswith("place/paris-texas")
    towns = _by_surface(recognize_text("", "He lives in South Portland, Maine, now.", "en"))
    assert towns["South Portland"].entity.iri.endswith("place/south-portland-maine")
    assert "Portland" not in towns  # the compass word makes another place


def test_country_or_state_without_evidence_is_not_guessed() -> None:
    [georgia] = recognize_text("", "In Smalltown, Georgia, people vote.", "en", BASE)
    assert georgia.entity.same_as == [] and georgia.entity.iri.startswith("#")
    found = _by_surface(recognize_text("", "He lives in Tbilisi. Georgia is a country.", "en"))
    assert found["Georgia"].entity.type == "Country"


def test_short_forms_never_merge_two_people() -> None:
    from jsonld_news.kb import KBEntry

    kb = KnowledgeBase.from_entries(
        [KBEntry("Barack Obama", "Person", "Q76", ("Obama",), ("http://x/Q76",), 300.0)]
    )
    rec = RuleRecognizer([kb, starter_kb()])
    text = "Michelle Obama said the book was personal. Obama added that she wrote it alone."
    mentions = rec.recognize("", text, language="en", base_iri=BASE)
    assert {m.entity.name for m in mentions} == {"Michelle Obama"}
    assert all(m.entity.same_as == [] for m in mentions)
    both = "Michelle Obama and Barack Obama spoke. Obama left early."
    names = [m.entity.name for m in recognize_text("", both, "en", BASE)]
    assert names == ["Michelle Obama", "Barack Obama"]  # "Obama" alone is either: neither


def test_aliases_belong_to_their_language() -> None:
    assert recognize_text("", "Island hopping is popular, said Jane Doe.", "en") == [
        m
        for m in recognize_text("", "Island hopping is popular, said Jane Doe.", "en")
        if m.entity.type == "Person"
    ]
    [iceland] = recognize_text("", "Die Reise nach Island war kalt.", "de", BASE)
    assert iceland.entity.name == "Iceland"


def test_streets_and_landmarks_are_not_people() -> None:
    text = "Lawmakers on Capitol Hill said no. Main Street's shops closed, said Jane Doe."
    assert entities(recognize_text("", text, "en")) == {"Jane Doe": "Person"}


def test_no_person_typed_from_a_place_inside_the_name() -> None:
    found = entities(recognize_text("", "Jordan Peterson said the lecture was sold out.", "en"))
    assert found == {"Jordan Peterson": "Person"}


def test_towns_named_like_people_need_a_place_cue() -> None:
    assert entities(recognize_text("", "Nada said she was pleased.", "en")) == {}
    assert entities(recognize_text("", "Nada Ali said she was pleased.", "en")) == {
        "Nada Ali": "Person"
    }
    assert entities(recognize_text("", "The factory is in Nada.", "en")) == {"Nada": "City"}


def test_names_are_not_cut_short() -> None:
    text = "The Academy of Motion Picture Arts and Sciences said it would review the rules."
    [m] = recognize_text("", text, "en")
    assert m.entity.name == "Academy of Motion Picture Arts and Sciences"
    long = "The National Union of Rail Maritime and Transport Workers of Greater London said so."
    assert all(not m.entity.name.startswith("National Union") for m in recognize_text("", long))


def test_generic_bodies_are_qualified_or_local() -> None:
    text = (
        "The Springfield City Council voted. The City Council met again. The bill passed the "
        "U.S. Senate on Monday. The Department of Transportation said so."
    )
    iris = {m.surface: m.entity.iri for m in recognize_text("", text, "en", BASE)}
    assert iris["Springfield City Council"] == f"{BASE}organization/springfield-city-council"
    assert iris["City Council"] == "#organization-city-council"
    assert iris["U.S. Senate"] == f"{BASE}organization/united-states-senate"
    assert iris["Department of Transportation"] == "#organization-department-of-transportation"


def test_generic_body_iri_is_a_fragment_of_the_article() -> None:
    from jsonld_news import convert

    doc = convert(
        b"---\ntitle: Budget vote\nurl: https://news.example.org/a/1\n---\n"
        b"The City Council approved the budget on Tuesday.\n",
        format="markdown",
    )
    text = json.dumps(doc)
    assert "https://news.example.org/a/1#organization-city-council" in text
    assert "organization/city-council" not in text


def test_place_labels_are_english_in_every_language() -> None:
    [de] = recognize_text("", "Der Zug fuhr nach Köln.", "de", BASE)
    [en] = recognize_text("", "The train went to Cologne.", "en", BASE)
    assert de.entity.name == en.entity.name == "Cologne"
    assert de.entity.iri == en.entity.iri == f"{BASE}place/cologne"


def test_a_user_kb_adds_same_as_but_never_changes_the_iri() -> None:
    from jsonld_news.kb import KBEntry

    kb = KnowledgeBase.from_entries(
        [
            KBEntry(
                "Volodymyr Zelenskyy", "Person", "Q3874799", ("Volodymyr Zelensky", "Zelensky"),
                ("http://www.wikidata.org/entity/Q3874799",), 200.0,
            )
        ]
    )  # fmt: skip
    text = "President Volodymyr Zelensky said Ukraine would fight. Zelensky left."
    plain = {
        m.entity.iri for m in recognize_text("", text, "en", BASE) if m.entity.kind == "person"
    }
    rec = RuleRecognizer([kb, starter_kb()])
    linked = [m.entity for m in rec.recognize("", text, language="en", base_iri=BASE)]
    people = {e.iri: e for e in linked if e.kind == "person"}
    assert set(people) == plain == {f"{BASE}person/volodymyr-zelensky"}
    assert people[f"{BASE}person/volodymyr-zelensky"].same_as == [
        "http://www.wikidata.org/entity/Q3874799"
    ]


def test_well_known_people_without_a_cue() -> None:
    text = "Joe Biden, Barack Obama and Elizabeth Warren spoke at the rally in Iowa."
    found = entities(recognize_text("", text, "en"))
    assert found["Joe Biden"] == found["Elizabeth Warren"] == "Person"
    assert found["Iowa"] == "State"
    middle = entities(recognize_text("", "This is billionaire Michael R. Bloomberg again.", "en"))
    assert middle == {"Michael R. Bloomberg": "Person"}


def test_given_names_that_are_words_need_a_surname() -> None:
    found = entities(recognize_text("", "Shoppers went to Best Buy while Jim Rich waited.", "en"))
    assert found.get("Best Buy") != "Person"  # "Best" and "Buy" are both words (a company)
    assert found.get("Jim Rich") == "Person"  # "Rich" is a word, but a known surname


def test_dev_gold_precision_and_no_wrong_same_as() -> None:
    sys.path.insert(0, str(Path(__file__).parent.parent / "tools"))
    try:
        import eval_mentions
    finally:
        sys.path.pop(0)
    for name in ("old", "dev"):
        docs, _ = eval_mentions.load_set(name)
        if not docs:
            continue
        result = eval_mentions.score(docs)
        assert result["wrong_same_as"] == 0, name
        for kind in ("person", "place", "organization"):
            scores = result[kind]
            assert isinstance(scores, dict)
            assert scores["precision"] >= 0.9, (name, kind, scores)


def test_dateline_region_decides_the_place() -> None:
    from jsonld_news import convert

    doc = convert(
        "---\ntitle: Vote\n---\nPARIS, Texas (AP) — The town voted.\n".encode(), format="markdown"
    )
    text = json.dumps(doc)
    assert "place/paris-texas" in text
    assert "https://sws.geonames.org/2988507/" not in text  # the French capital


def test_unknown_name_after_in_is_a_local_place() -> None:
    [m] = recognize_text("", "The line ends in Dadeland on weekdays.", "en", BASE)
    assert (m.entity.type, m.entity.iri) == ("Place", "#place-dadeland")
    found = entities(recognize_text("", "The rule is in Force and written in English.", "en"))
    assert found == {}  # common words are no places


def test_text_in_another_language_labelled_english_gets_kb_names_only() -> None:
    text = (
        "Die Beschäftigten müssen in Quarantäne, sagte der Sprecher. Wer Abmahnungen "
        "bekommt, sollte sich wehren. Die Firma hat ihren Sitz in Berlin und in Kiel."
    )
    assert entities(recognize_text("", text, "en")) == {"Berlin": "City"}  # Kiel: too small


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab-'. _é1\n", max_size=40),
    st.lists(st.text(alphabet="ab-'._é1", min_size=1, max_size=6), min_size=1, max_size=8),
)
def test_writes_lower_index_answers_as_the_search(body: str, words: list[str]) -> None:
    # past _SEARCHES distinct words the body is indexed: the answers must not change
    from jsonld_news.enrich import findings

    art = findings.ArticleState(body=body)
    art._lower.update({f"\0{k}": False for k in range(findings._SEARCHES)})
    for word in words:
        assert art.writes_lower(word) == findings._written_alone(body, word), word


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aB.-'’ !_\n1é&", max_size=30))
def test_tokens_stop_where_the_words_end(text: str) -> None:
    # the word pattern is matched only up to just past the last word character (a run of
    # punctuation at the end would cost its length from each of its positions): same words
    from jsonld_news.enrich import tokens

    end = tokens._words_end(text)
    assert tokens._PAIR.findall(text, 0, end) == tokens._PAIR.findall(text)


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("Deutsche Bank and Commerzbank ended merger talks.", ["Deutsche Bank", "Commerzbank"]),
        (
            "The European Commission and NATO issued a statement.",
            ["European Commission", "NATO"],
        ),
        ("Airbus and Boeing Company executives met.", ["Airbus", "Boeing Company"]),
        (
            "The Ministry of Culture and Sport said it would help.",
            ["Ministry of Culture and Sport"],
        ),
    ],
)
def test_and_after_a_bodys_head_word_lists_another_body(body: str, names: list[str]) -> None:
    found = default_recognizer().recognize("", body, language="en", base_iri=BASE)
    assert [m.surface for m in found] == names
