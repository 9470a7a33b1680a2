"""Issue 10, fifth round: international bodies by their names in German, French and Spanish,
national parties and leagues of the curated starter list, and German acronym compounds
("CDU-Vorsitzende"), one small made-up text each."""

from __future__ import annotations

import pytest

from jsonld_news.enrich.recognize import recognize_text
from jsonld_news.model import Mention


def mentions(body: str, lang: str = "en") -> list[Mention]:
    return recognize_text("", body, lang)


@pytest.mark.parametrize(
    ("body", "lang", "surface"),
    [
        ("Selon l’OCDE, le taux d’emploi a augmenté en 2019.", "fr", "OCDE"),
        ("Die Prognose der OECD wurde am Montag veröffentlicht.", "de", "OECD"),
        ("Un rapport de l’OMS publié lundi le confirme.", "fr", "OMS"),
        (
            "Laut der Weltgesundheitsorganisation steigen die Fälle.",
            "de",
            "Weltgesundheitsorganisation",
        ),
        (
            "El Fondo Monetario Internacional rebajó su previsión.",
            "es",
            "Fondo Monetario Internacional",
        ),
        ("Les données publiées par Eurostat montrent une baisse.", "fr", "Eurostat"),
    ],
)
def test_an_international_body_in_its_official_languages(
    body: str, lang: str, surface: str
) -> None:
    got = {m.surface: m for m in mentions(body, lang)}
    assert surface in got and got[surface].entity.type.endswith("Organization")


def test_one_body_one_iri_in_every_language() -> None:
    fr = {m.surface: m for m in mentions("Un rapport de l’OMS publié lundi le confirme.", "fr")}
    en = {m.surface: m for m in mentions("A WHO report published on Monday confirms it.")}
    assert fr["OMS"].entity.iri == en["WHO"].entity.iri


def test_national_parties_and_leagues() -> None:
    got = {m.surface: m for m in mentions("Die SPD und die CSU lehnen den Antrag ab.", "de")}
    assert got["SPD"].entity.type == got["CSU"].entity.type == "PoliticalParty"
    got = {m.surface: m for m in mentions("The NBA suspended the guard; the NFL said nothing.")}
    assert got["NBA"].entity.type == got["NFL"].entity.type == "SportsOrganization"


def test_a_shared_party_acronym_is_no_mention() -> None:
    """Germany's and Switzerland's liberals are both the "FDP": the acronym alone links neither."""
    got = {m.surface: m for m in mentions("Die FDP stimmte gegen das Gesetz.", "de")}
    assert "FDP" not in got or got["FDP"].entity.same_as == []


def test_a_german_compound_on_an_acronym_mentions_the_body() -> None:
    body = (
        "Der CDU-Vorsitzende Friedrich Merz traf den WHO-Chef. Die EU-Staaten stimmten zu, "
        "der US-Präsident schwieg, und die UN-Generalversammlung tagte."
    )
    got = {m.surface: m for m in mentions(body, "de")}
    assert got["CDU"].entity.type == "PoliticalParty"
    assert got["WHO"].entity.name == "World Health Organization"
    assert got["EU"].entity.name == "European Union"
    assert "US" not in got  # a country's code names no body: "the US president"
    assert "UN-Generalversammlung" in got  # the compound that names a body keeps its name


@pytest.mark.parametrize(
    ("body", "lang", "surface", "name"),
    [
        (
            "La part de l’Afrique subsaharienne a dépassé 4 %.",
            "fr",
            "Afrique subsaharienne",
            "Sub-Saharan Africa",
        ),
        ("Die Exporte nach Südostasien stiegen.", "de", "Südostasien", "Southeast Asia"),
        ("Las lluvias llegaron al Caribe el lunes.", "es", "Caribe", "Caribbean"),
        ("Die Wirtschaft in Afrika wächst.", "de", "Afrika", "Africa"),
        ("Des réfugiés venant du Moyen-Orient sont arrivés.", "fr", "Moyen-Orient", "Middle East"),
    ],
)
def test_regions_and_continents_by_their_names_in_the_article_language(
    body: str, lang: str, surface: str, name: str
) -> None:
    got = {m.surface: m for m in mentions(body, lang)}
    assert got[surface].entity.name == name


def test_a_region_name_of_another_language_is_no_match_in_english() -> None:
    """CLDR's German "Karibik" or French "Afrique" name nothing in English text."""
    assert not [
        m for m in mentions("Karibik Travel and Afrique Tours opened.") if m.entity.type == "Place"
    ]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Il vit en Côte d'Ivoire depuis 2010.", "Ivory Coast"),
        ("Des navires patrouillent dans la Corne de l’Afrique.", "Horn of Africa"),
        (
            "Hier, la Cour européenne des droits de l'homme a jugé.",
            "European Court of Human Rights",
        ),
        ("Le Conseil de l'Europe a réagi.", "Council of Europe"),
    ],
)
def test_a_french_name_with_an_elided_article_inside(body: str, name: str) -> None:
    assert name in {m.entity.name for m in mentions(body, "fr")}


@pytest.mark.parametrize(
    ("body", "lang", "name"),
    [
        ("Er reiste gestern nach Großbritannien.", "de", "United Kingdom"),
        ("Il est parti pour la Grande-Bretagne.", "fr", "United Kingdom"),
        ("Viajó ayer a EE.UU. con su familia.", "es", "United States"),
        ("Sie lebte in der Elfenbeinküste.", "de", "Ivory Coast"),
        ("Er wuchs in der DDR auf.", "de", "East Germany"),
        ("L’URSS s’est effondrée en 1991.", "fr", "Soviet Union"),
        ("The Soviet Union collapsed in 1991.", "en", "Soviet Union"),
    ],
)
def test_country_names_cldr_ships_as_variants_and_former_states(
    body: str, lang: str, name: str
) -> None:
    assert name in {m.entity.name for m in mentions(body, lang)}


def test_a_variant_matches_only_in_its_language() -> None:
    """The French "RDA" is East Germany; in English text it is no place."""
    assert "East Germany" not in {m.entity.name for m in mentions("The RDA for iron rose.")}


def test_a_footnote_number_after_a_name_is_not_part_of_it() -> None:
    got = mentions("The survey was designed by Boris Shor.3 He said the data were sound.")
    assert [m.surface for m in got if m.entity.type == "Person"] == ["Boris Shor"]


def test_a_german_body_named_by_its_seats_adjective() -> None:
    body = (
        "Der Thüringer Landtag stimmte zu, nach einer Sitzung des Thüringer Landtags. "
        "Der Berliner Senat lehnte ab, die Kölner Polizei ermittelt. "
        "Die Berliner Mauer fiel, die Schweizer Polizei schwieg."
    )
    got = [m for m in mentions(body, "de") if m.entity.type.endswith("Organization")]
    assert {m.entity.name for m in got} == {"Thüringer Landtag", "Berliner Senat", "Kölner Polizei"}
    landtag = [m for m in got if m.entity.name == "Thüringer Landtag"]
    assert len(landtag) == 2 and len({m.entity.iri for m in landtag}) == 1


def test_a_german_meeting_is_no_body() -> None:
    """ "-versammlung" is mostly a meeting ("Betriebsversammlung", "Hauptversammlung"); the
    General Assembly of a body is one."""
    body = "Die Betriebsversammlung fand statt, die Hauptversammlung stimmte zu. Die UN-Generalversammlung tagte."
    got = {m.surface for m in mentions(body, "de")}
    assert "Betriebsversammlung" not in got and "Hauptversammlung" not in got
    assert "UN-Generalversammlung" in got
