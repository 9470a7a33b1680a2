"""The recognizer's rules by class, each on made-up sentences of that class (not gold text):
organisation designators, administrative divisions, people's names, bylines, titles."""

from __future__ import annotations

from jsonld_news.enrich.recognize import recognize_text
from jsonld_news.model import Mention


def found(text: str, lang: str = "en", headline: str = "") -> dict[str, str]:
    return {m.entity.name: m.entity.type for m in recognize_text(headline, text, lang)}


def iris(text: str, lang: str = "en") -> dict[str, str]:
    return {m.entity.name: m.entity.iri for m in recognize_text("", text, lang)}


def mentions(text: str, lang: str = "en") -> list[Mention]:
    return recognize_text("", text, lang)


def test_legal_forms_end_a_company_name_with_their_dot() -> None:
    got = found("Later Rotherby AG and Kessel Bros. signed, and Ormond Ltd. agreed.")
    assert got.get("Rotherby AG") == "Corporation"
    assert got.get("Kessel Bros.") == "Corporation"
    assert got.get("Ormond Ltd.") == "Corporation"


def test_premises_and_panels_head_organisation_names() -> None:
    got = found(
        "Staff at the Pellham Clinic and the Northwind Hotels and Resorts agreed. "
        "The Intergovernmental Panel on Soil Change warned, and the Lake County Board of "
        "Supervisors voted."
    )
    assert got.get("Pellham Clinic") == "LocalBusiness"
    assert got.get("Northwind Hotels and Resorts") == "LocalBusiness"
    assert got.get("Intergovernmental Panel on Soil Change") == "GovernmentOrganization"
    assert got.get("Lake County Board of Supervisors") == "GovernmentOrganization"


def test_an_office_holders_possessive_belongs_to_the_name() -> None:
    got = found("The Dorran County Sheriff's Office said the Marlow Children's Hospital was shut.")
    assert got.get("Dorran County Sheriff's Office") == "GovernmentOrganization"
    assert got.get("Marlow Children's Hospital") == "Organization"
    # a place's possessive stays the place's: "Ukraine's Ministry of Finance"
    got = found("Ukraine's Ministry of Finance said so.")
    assert got.get("Ukraine") == "Country"


def test_a_portfolio_word_does_not_cut_a_body_short() -> None:
    got = found("Officials at Norland's Public Health Agency said so.")
    assert "Public Health Agency" in got and "Health Agency" not in got


def test_administrative_divisions_are_places_local_unless_qualified() -> None:
    text = "It lies in Dorran County. Cold air hit Halvik Province, and Tobias Township."
    got = found(text)
    assert got.get("Dorran County") == "AdministrativeArea"
    assert got.get("Halvik Province") == "AdministrativeArea"
    by_name = iris(text)
    assert by_name["Dorran County"].startswith("#")  # many states have one: local
    qualified = iris("They live in Dorran County, Illinois.")
    assert qualified["Dorran County"].endswith("place/dorran-county-illinois")


def test_two_particles_after_a_given_name_belong_to_the_surname() -> None:
    assert found("Later, Greta van der Moolen said so.").get("Greta van der Moolen") == "Person"
    # one particle and a noun of another language is no person: "Sopa de Lima"
    got = found("A second soup, Sopa de Lima, is good.")
    assert "Lima" not in got and "Sopa de Lima" not in got


def test_a_given_name_that_is_a_word_before_an_unknown_name() -> None:
    assert found("A song by the late Jimmy Kravolt was played.").get("Jimmy Kravolt") == "Person"
    assert found("Shoppers went to Best Buy again.").get("Best Buy") != "Person"


def test_generational_suffix_keeps_its_dot_and_is_no_surname() -> None:
    ms = mentions("Tobin Marek Jr. scored. With Marek on the floor, they won.")
    names = {m.surface: m.entity.name for m in ms}
    assert names == {"Tobin Marek Jr.": "Tobin Marek Jr.", "Marek": "Tobin Marek Jr."}


def test_titles_in_title_case_lines_need_a_known_name() -> None:
    got = found("Dion sang.", headline="Fans Fear Her Major Weight Loss As The Star Confirmed It")
    assert "Weight Loss" not in got and "Confirmed" not in got
    got = found("Dion sang.", headline="Former WH Press Secretary Quits")
    assert "WH" not in got
    assert "WH" not in found("The former WH press secretary Dana Perrow quit.")


def test_bylines_in_other_languages_name_no_mention() -> None:
    text = "Publicado por Ana Ruizco\nLucía Pardo Llamas 3/5/2022 22:41\nEl día fue largo."
    assert found(text, "es") == {}
    assert found("Von Jana Weberling\nDer Tag war lang.", "de") == {}
    # a line that opens with "Von" and goes on as a sentence is no byline
    assert "Berlin" in found("Von Montag an gilt in Berlin die neue Regel.", "de")


def test_german_genitive_names_the_person() -> None:
    text = "Wladimir Putin sprach. Man sah, dass Wladimir Putins Pläne scheitern."
    assert found(text, "de") == {"Wladimir Putin": "Person"}
    assert "Jon Prosser" in found("Wie der Leaker Jon Prosser Renderings zeigte, ist es so.", "de")


def test_organisation_words_of_romance_languages_are_no_given_names() -> None:
    got = found("No se pueden denunciar ante el Ministerio Público, dijo.", "es")
    assert got.get("Ministerio Público") == "GovernmentOrganization"


def test_supervisor_is_a_title() -> None:
    got = found("It is fair, said Supervisor Dalia Ostrander of the county.")
    assert got.get("Dalia Ostrander") == "Person"


def test_a_place_and_a_plural_nickname_name_a_club() -> None:
    got = found("The Sixers hosted the Boston Tarvics Wednesday night.")
    assert got.get("Boston Tarvics") == "SportsTeam"
    assert "Boston Police" in found("The Boston Police said so.")


def test_ap_state_abbreviations_and_call_signs_after_a_dateline() -> None:
    ms = mentions("NORTH FALLS, Calif. (KGO) -- A plan.\nIt lies in Raleigh, N.C., now.")
    got = {m.surface: m.entity.type for m in ms}
    assert got["Calif."] == got["N.C."] == "State"
    assert got["KGO"] == "NewsMediaOrganization"
    assert {m.entity.name for m in ms if m.surface == "Calif."} == {"California"}
    assert "Ill" not in found("We are ill. Pa said so.")  # only after a place's comma, dotted


def test_a_division_qualified_once_is_qualified_throughout_the_article() -> None:
    ms = mentions("DORRAN COUNTY, Calif. (KGO) -- A plan.\nIt lies in Dorran County.")
    by_iri = {m.entity.iri for m in ms if m.entity.type == "AdministrativeArea"}
    assert len(by_iri) == 1 and next(iter(by_iri)).endswith("dorran-county-california")
    assert {m.entity.name for m in ms if m.entity.type == "AdministrativeArea"} == {"Dorran County"}


def test_natural_features_and_areas_are_places_local_to_the_article() -> None:
    text = (
        "The camp would be at Lake Varrow. Cold air from the Talsic Peninsula came, and "
        "Mount Orrin was white near the Essel Coast."
    )
    ms = mentions(text)
    got = {m.entity.name: m.entity for m in ms}
    for name in ("Lake Varrow", "Talsic Peninsula", "Mount Orrin", "Essel Coast"):
        assert got[name].type == "Place" and got[name].iri.startswith("#"), name
    assert "Gulf Air" not in found("Gulf Air flew in.")


def test_iso_3166_2_regions_unknown_to_the_kb_are_places() -> None:
    got = found("Guanajuato natives opened a bar.")
    assert got.get("Guanajuato") == "AdministrativeArea"
    # subdivision names that are words or given names are left alone
    assert "Central" not in found("Central banks said so.")
    assert "Victoria" not in found("Later Victoria said so.")


def test_a_possessive_name_opens_a_business_name() -> None:
    got = found("A video from Marla's Salon and Spa showed it.")
    assert got.get("Marla's Salon and Spa") == "LocalBusiness"
    got = found("Ukraine's Ministry of Finance said so.")
    assert "Ukraine" in got and "Ukraine's Ministry of Finance" not in got


def test_long_head_first_names_and_two_bodies_joined_by_a_conjunction() -> None:
    text = (
        "Lo dijo la Dirección de Prevención e Investigación de Robo de Vehículos ayer, y el "
        "presidente de la Federación de Camioneros del Sur y la Asociación Gremial de Dueños "
        "de Camiones de Osorno habló."
    )
    got = found(text, "es")
    assert "Dirección de Prevención e Investigación de Robo de Vehículos" in got
    assert "Federación de Camioneros del Sur" in got
    assert "Asociación Gremial de Dueños de Camiones de Osorno" in got


def test_german_compounds_that_name_bodies() -> None:
    ms = mentions(
        "Er leitete das Volkstheater und die Ostbahn-Stiftung, dann sprach er vor der "
        "UN-Generalversammlung. Die Datenbank lief, das Landgericht urteilte.",
        "de",
    )
    got = {m.entity.name: m.entity for m in ms}
    assert got["Ostbahn-Stiftung"].type == "Organization"
    assert got["UN-Generalversammlung"].type == "GovernmentOrganization"
    assert not got["UN-Generalversammlung"].iri.startswith("#")
    # generic bodies every state or town has: local to the article
    assert got["Landgericht"].iri.startswith("#") and got["Volkstheater"].iri.startswith("#")
    assert "Datenbank" not in got


def test_a_dateline_town_the_kb_knows_in_that_state_keeps_the_kbs_iri() -> None:
    ms = mentions("PORTLAND, Ore. — The council met. Later Portland voted.")
    places = {m.surface: m.entity for m in ms if m.entity.type in ("City", "State")}
    assert places["PORTLAND"].iri == places["Portland"].iri
    assert places["PORTLAND"].same_as and places["Ore."].name == "Oregon"


# --- the identity and precision rules, on cases other than the issue's own sentences


def _iri_of(ms: list[Mention], surface: str) -> str:
    return next(m.entity.iri for m in ms if m.surface == surface)


def test_city_state_context_picks_the_namesake_in_that_state() -> None:
    ms = mentions("Columbus, Georgia, and Athens, Georgia, voted; so did Springfield, Missouri.")
    got = {m.surface: m.entity for m in ms}
    assert got["Georgia"].type == "State"  # not the country
    greek_athens = "https://sws.geonames.org/264371/"
    assert greek_athens not in got["Athens"].same_as  # unlinked rather than wrongly linked
    springfield_illinois = "https://sws.geonames.org/4250542/"
    assert springfield_illinois not in got["Springfield"].same_as


def test_two_people_of_one_surname_and_the_surname_alone() -> None:
    ms = mentions("Hillary Clinton met Bill Clinton. Later Clinton spoke.")
    names = {m.entity.name for m in ms}
    assert {"Hillary Clinton", "Bill Clinton"} <= names
    alone = [m for m in ms if m.surface == "Clinton"]
    assert all(m.entity.name not in ("Hillary Clinton", "Bill Clinton") for m in alone)


def test_streets_buildings_and_landmarks_are_no_people() -> None:
    got = found(
        "Crowds gathered on Pennsylvania Avenue, who cheered, and outside Union Station, who "
        "waited, near Trump Tower's doors."
    )
    assert all(t != "Person" for t in got.values()), got


def test_country_tokens_inside_names_type_no_place() -> None:
    got = found("The drummer Chad Mulroney and coach Georgia Whitlock spoke.")
    assert got.get("Chad Mulroney") == "Person" and got.get("Georgia Whitlock") == "Person"
    assert "Chad" not in got and "Georgia" not in got


def test_other_languages_names_do_not_match_in_english_text() -> None:
    got = found("The word Allemagne was on the sign, and Norwegen too.")
    assert "Germany" not in got and "Norway" not in got
    assert found("Er reiste nach Norwegen.", "de").get("Norway") == "Country"


def test_generic_bodies_are_local_unless_qualified() -> None:
    ms = mentions(
        "The Supreme Court ruled. The Ohio Supreme Court agreed with the Ministry of Finance."
    )
    assert _iri_of(ms, "Supreme Court").startswith("#")
    assert _iri_of(ms, "Ministry of Finance").startswith("#")
    assert not _iri_of(ms, "Ohio Supreme Court").startswith("#")


def test_the_same_iri_with_and_without_a_user_kb() -> None:
    from jsonld_news.enrich.recognize import RuleRecognizer, starter_kb
    from jsonld_news.kb import KBEntry, KnowledgeBase

    text = "Minister Jon Smithers said so."
    user = KnowledgeBase.from_entries(
        [KBEntry("Jonathan Q. Smithers", "Person", "x", ("Jon Smithers",), ("http://x/js",), 1.0)]
    )
    with_kb = RuleRecognizer([user, starter_kb()]).recognize(
        "", text, language="en", base_iri="urn:t:"
    )
    without = recognize_text("", text, "en", base_iri="urn:t:")
    assert [m.entity.iri for m in with_kb] == [m.entity.iri for m in without]
    assert with_kb[0].entity.same_as == ["http://x/js"] and not without[0].entity.same_as


def test_place_labels_follow_one_language_whatever_the_articles() -> None:
    de = mentions("Sie fuhr nach München und nach Wien.", "de")
    en = mentions("She went to Munich and to Vienna.", "en")
    assert {m.entity.iri for m in de} == {m.entity.iri for m in en}
    assert {m.entity.name for m in de} == {"Munich", "Vienna"}


def test_units_named_after_people_after_a_number() -> None:
    assert "Tesla" not in found("Sie legten ein Magnetfeld von 26 Tesla an.", "de")
    assert found("Tesla sold more cars.").get("Tesla") == "Corporation"


def test_a_company_name_opens_no_persons_name() -> None:
    assert "Apple TV" not in found("Es läuft auf Roku, Apple TV und Fire TV.", "de")


def test_an_apposition_names_its_head_before_a_preposition() -> None:
    got = found("Later Arvo Lind, the chief epidemiologist at the Health Agency, said so.")
    assert got.get("Arvo Lind") == "Person"


def test_a_surname_of_the_article_is_the_persons_whatever_the_cue() -> None:
    ms = mentions("Arvo Lindqvist spoke. The soft-spoken but firm Lindqvist smiled.")
    assert {m.entity.type for m in ms} == {"Person"}


def test_german_bodies_named_by_kind_and_seat() -> None:
    text = (
        "Die Polizei Bad Ostheim ermittelt, das Landgericht Köln urteilte, und die Polizei "
        "Ermittlungen laufen. Die Polizei schweigt."
    )
    got = {m.entity.name: m.entity for m in mentions(text, "de")}
    assert got["Polizei Bad Ostheim"].type == "GovernmentOrganization"
    assert not got["Landgericht Köln"].iri.startswith("#")  # qualified by its seat
    assert "Polizei" not in got and "Polizei Ermittlungen" not in got


def test_dev2_precision_holds() -> None:
    """A floor on the second dev set (tuned on; the blind figure is the lead's to measure)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent / "tools"))
    try:
        import eval_mentions
    finally:
        sys.path.pop(0)
    docs, _ = eval_mentions.load_set("dev2")
    result = eval_mentions.score(docs)
    assert isinstance(result["wrong_same_as"], int) and result["wrong_same_as"] <= 1
    for kind in ("person", "place", "organization"):
        scores = result[kind]
        assert isinstance(scores, dict)
        assert scores["precision"] >= 0.9, (kind, scores)
