"""Rules on tokens alone (no knowledge base) that find where a name runs and what it names.

People: the name after a title (``title_run``, ``complement_name`` in German, French and
Spanish), the run of name-like words (``name_run``). Organisations: runs headed by an
organisation word (``org_run``, ``romance_org``). Context: what the words around a capitalised
run say it is (``context_cue``, ``may_be_org``), and whether a city is part of a longer name
(``embedded_place``).
"""

from __future__ import annotations

import re

from jsonld_news.enrich.findings import Found
from jsonld_news.enrich.frequent_words import function_word
from jsonld_news.enrich.names import given_name
from jsonld_news.enrich.rule_words import (
    ADJECTIVE_ENDING,
    ARTICLES,
    AT_ROLES,
    CALENDAR_WORDS,
    CONNECTORS,
    COORDINATORS,
    DEPARTMENTS,
    DIRECTIONS,
    DOTTED_ABBREVIATIONS,
    GENERIC_ORG_WORDS,
    GERMAN_STATE_NOUNS,
    GERMAN_TOWN_NOUNS,
    HONORIFICS,
    LEGAL_FORMS,
    ORG_CUES,
    ORG_FOLLOWERS,
    ORG_HEADS,
    PARTICLES,
    PERSON_BEFORE,
    PERSON_NOUNS,
    PREPOSITIONS,
    ROMANCE_HEADS,
    SPEECH_VERBS,
    TITLES_BY_LANG,
    word_set,
)
from jsonld_news.enrich.tokens import Mode, Token, elided_before, joined_loose, sentence_break
from jsonld_news.gazetteer import (
    DEMONYMS,
    FUNCTION_WORDS,
    KIN_NOUNS,
    ROLE_NOUNS,
    TITLE_QUALIFIERS,
    TITLE_WORDS,
)

MAX_SPAN_TOKENS = 6  # longest KB or organisation name tried, in tokens
MAX_NAME_TOKENS = 5  # longest person name accepted without a KB entry
MAX_ROMANCE_TOKENS = (
    10  # longest head-first name ("Dirección de Prevención e Investigación de ...")
)


def weak_word(tok: Token, calendar: frozenset[str] = CALENDAR_WORDS) -> bool:
    word = tok.lower
    return word in FUNCTION_WORDS or word in calendar or word in ROLE_NOUNS


def name_run(toks: list[Token], i: int, calendar: frozenset[str] = CALENDAR_WORDS) -> int:
    """End of the run of name-like tokens starting at ``i`` (``calendar``: the article
    language's weekday and month names, which end it)."""
    j = i
    stops = calendar
    while j < len(toks) and j - i <= MAX_NAME_TOKENS:
        t = toks[j]
        initial = _initial(toks[j - 1]) and j - 1 > i and t.gap_before == ". " and t.cap
        if j > i and (not t.joined or toks[j - 1].poss) and not initial:
            break  # but "Michael R. Bloomberg" goes on after its middle initial
        word = t.lower
        if t.cap:
            if (t.upper and len(t.text) > 3) or not t.text[0].isalpha():
                break
            if j == i and (word in ARTICLES or word.rstrip(".") in HONORIFICS):
                break
            if t.text[-1] == "s" and _PLURAL_ACRONYM.fullmatch(t.text):  # "Tory MPs", "tech CEOs"
                break
            if word in FUNCTION_WORDS or word in stops:
                break
            if word in TITLE_WORDS:
                # a title word ends a name where it introduces the next one ("Moscow Mayor
                # Sergei ..."), else it can be a surname: "Wayne King", "Stephen Bishop"
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                if j == i or (nxt is not None and nxt.cap and nxt.joined):
                    break
            if t.text in DEMONYMS or word in ORG_HEADS:
                break
        else:
            particle = j > i and j + 1 < len(toks) and word in PARTICLES and toks[j + 1].joined
            if particle and not toks[j + 1].cap:
                # "Ursula von der Leyen": two particles right after the given name
                two = j == i + 1 and j + 2 < len(toks) and toks[j + 2].cap and toks[j + 2].joined
                particle = two and toks[j + 1].lower in PARTICLES
            if particle and word == "y" and given_name(toks[j + 1].text):
                particle = False  # "Loreto Aravena y Pancha Merino": two people
            if not particle and (j == i or not _particle_prefix(t.text)):  # "al-Sisi" goes on
                break
        j += 1
    while j > i and not toks[j - 1].cap and not _particle_prefix(toks[j - 1].text):
        j -= 1
    return j


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def _initial(tok: Token) -> bool:
    return len(tok.text) == 1 and tok.cap


def romance_org(toks: list[Token], i: int, text: str) -> Found | None:
    """French and Spanish names lead with their head: "Banco de México", "Policía Nacional",
    "Assemblée nationale", "Agencia Estatal de Meteorología"."""
    head = ROMANCE_HEADS.get(toks[i].lower)
    if head is None:
        return None
    n = len(toks)
    j = i + 1
    end = i
    while (
        j < n
        and j - i < MAX_ROMANCE_TOKENS
        and (toks[j].joined or elided_before(toks[j]) or _listed(toks, j, end))
    ):
        t = toks[j]
        if (
            t.cap
            and end == j - 1
            and end > i
            and toks[end].cap
            and toks[end].lower not in ARTICLES
            and given_name(t.text)
        ):
            break  # "... d'Ostrava Jiří Havrlant": a person's name starts; not "de La Paz"
        if t.cap:
            end = j
        elif t.lower in PREPOSITIONS or t.lower in ("la", "las", "los", "el", "y", "e", "et"):
            if not (j + 1 < n and (toks[j + 1].joined or elided_before(toks[j + 1]))):
                break
            if t.lower in ("y", "e", "et") and _another_head(toks, j + 1):
                break  # "la Federación de X y la Asociación de Y": two bodies
        elif j == i + 1 and t.lower[:2] in ("d'", "d’") and t.text[2:].isalpha():
            end = j  # "cour d’appel", "chambre d’accusation": the kind's own complement
        elif j == i + 1 and ADJECTIVE_ENDING.search(t.lower) and len(t.text) > 4:
            end = j  # one adjective right after the head: "nationale", "européenne"
            if j + 2 < n and toks[j + 1].lower in PREPOSITIONS and not toks[j + 2].cap:
                return None  # "Agence nationale de sécurité du ...": no telling where it ends
        else:
            break
        j += 1
    if end == i:
        return None
    surface = text[toks[i].start : toks[end].end]
    return Found(toks[i].start, toks[end].end, surface, "org", None, surface, head)


def lower_head_org(toks: list[Token], i: int, text: str) -> Found | None:
    """French and Spanish write many bodies' heads in lower case and their complement with a
    capital ("le ministère de l’Emploi", "la cour d’appel de Rennes"): a lower-case head, its
    preposition and a capitalised complement, ending there."""
    org = romance_org(toks, i, text)
    if org is None or not any(c.isupper() for c in org.surface):
        return None  # "ministère public", "cour d’appel": no capitalised complement
    return org


def _listed(toks: list[Token], j: int, end: int) -> bool:
    """A comma inside a head-first name that lists its portfolios: "Ministerio de Ganadería,
    Agricultura y Pesca" (capitalised words, the last after "y", "e" or "et")."""
    if end != j - 1 or toks[j].gap_before != ", " or not toks[j].cap or not toks[end].cap:
        return False
    for k in range(j + 1, min(j + 4, len(toks))):
        tok = toks[k]
        if not tok.joined and tok.gap_before != ", ":
            return False
        if tok.lower in ("y", "e", "et"):
            return k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].joined
        if not tok.cap:
            return False
    return False


def _another_head(toks: list[Token], j: int) -> bool:
    while j < len(toks) and toks[j].lower in ARTICLES:
        j += 1
    return j < len(toks) and toks[j].lower in ROMANCE_HEADS


def may_be_org(toks: list[Token], i: int) -> bool:
    """A single word that context might still mark as an organisation ("the journal Nature",
    "Mila, an AI research institute", "analysts at Barclays")."""
    prev = toks[i - 1].lower if i > 0 else ""
    if prev in ORG_CUES or prev == "at":
        return True
    if i + 1 < len(toks) and _org_follower(toks, i, i + 1) is not None:
        return True
    return i + 1 < len(toks) and "," in toks[i + 1].gap_before


def _org_follower(toks: list[Token], start: int, end: int) -> str | None:
    """What the words right after a name say it is, for an organisation: "the Vox founder",
    "the LVMH CEO" (a determiner, the name, a noun of a company's people or parts) or a stock
    ticker in parentheses ("LVMH (LVMHF)")."""
    if end >= len(toks):
        return None
    nxt = toks[end]
    alone = start == 0 or not (toks[start - 1].cap and toks[start].joined)
    closed = end + 1 >= len(toks) or ")" in toks[end + 1].gap_before
    # one word and its ticker; "Bus Rapid Transit (BRT)" spells out an abbreviation
    ticker = "(" in nxt.gap_before and nxt.upper and nxt.text.isalpha() and 2 <= len(nxt.text) <= 5
    if alone and end - start == 1 and ticker and closed:
        return "Corporation"
    determined = start > 0 and toks[start - 1].lower == "the"
    generic = end - start == 1 and _generic_word(toks[start])  # "the CEO founder": no name
    if determined and nxt.joined and not nxt.cap and nxt.lower in ORG_FOLLOWERS and not generic:
        return "Organization"
    return None


def complement_name(toks: list[Token], start: int) -> tuple[int, int]:
    """German, French, Spanish: the name after a title's adjectives and complement.

    "président brésilien Luiz Inácio Lula da Silva", "ministre des Transports François
    Durovray", "presidenta de México, Claudia Sheinbaum", "alcalde de la ciudad, José Luis ...".
    """
    n = len(toks)
    j = start
    while j < n and j - start < 2 and not toks[j].cap and toks[j].lower not in PREPOSITIONS:
        j += 1  # adjectives: "général", "brésilien"
    proper_complement = False
    if j < n and toks[j].lower in PREPOSITIONS and not sentence_break(toks[j]):
        with_article = toks[j].lower in ("des", "du", "del") or "'" in toks[j].gap_before
        j += 1
        while j < n and toks[j].lower in ARTICLES:
            j += 1  # "de la Santé", "de La Pampa"
            with_article = True
        skipped = 0
        while j < n and not toks[j].cap and skipped < 3 and "," not in toks[j].gap_before:
            j += 1  # "de la ciudad"
            skipped += 1
        if j < n and toks[j].cap and skipped == 0:
            # one capitalised complement: "de México", "des Transports", "de l'ONU"; a name
            # after it needs a comma unless an article marks a department ("del Interior")
            proper_complement = not with_article and "'" not in toks[j].gap_before
            j += 1
    if j >= n or not toks[j].cap or sentence_break(toks[j]):
        return start, start
    comma = toks[j].gap_before.strip() == ","
    if j > start and not (toks[j].joined or comma):
        return start, start
    if proper_complement and not comma:
        return start, start
    end = name_run(toks, j)
    return (j, end) if end - j >= 2 else (start, start)


def _particle_prefix(word: str) -> bool:
    head, dash, tail = word.partition("-")
    return bool(dash) and head in ("al", "el", "bin", "ibn", "abu", "ben") and tail[:1].isupper()


class TitleRuns:
    """What ``title_run`` learnt of one line, so that a run of n title words with no name after
    it ("President President ...") costs O(n) over the whole scan, not O(n) from every word.

    ``end[p]``: where the run through ``p`` ends, for every ``p`` a walk passed that is a joined
    title word (any walk reaching ``p`` goes on from there the same way). ``departments[p]``:
    the first word at or after ``p`` that is not a department word.
    """

    __slots__ = ("departments", "end")

    def __init__(self) -> None:
        self.end: dict[int, int] = {}
        self.departments: dict[int, int] = {}

    def not_department(self, toks: list[Token], j: int) -> int:
        known = self.departments.get(j)
        if known is not None:
            return known
        k = j
        while k < len(toks) and toks[k].lower in DEPARTMENTS:
            k += 1
        for p in range(j, k + 1):
            self.departments[p] = k
        return k


def title_run(
    toks: list[Token],
    i: int,
    titles: frozenset[str],
    qualifier: int,
    english: bool,
    runs: TitleRuns | None = None,
) -> int:
    """Where a name introduced by a title at ``i`` starts, or -1 when no title is there.

    "[demonym] Title [of Title] Name" ("German Chancellor Olaf Scholz", "Secretary of State X")
    starts the name after the titles; a lower-case role right before ``i`` ("spokesperson Jane
    Doe", "chief executive Satya Nadella") makes the name start at ``i`` itself. ``runs`` (one
    per line) keeps the scan linear on long runs of titles.
    """
    if runs is None:
        runs = TitleRuns()
    j = i + qualifier
    k = j
    passed: list[int] = []
    while k < len(toks) and title_word(toks[k].lower, titles) and (k == i or toks[k].joined):
        known = runs.end.get(k)
        if known is not None:
            k = known
            break
        if toks[k].joined:
            passed.append(k)
        k += 1
        if k + 1 < len(toks) and toks[k].lower == "of" and toks[k + 1].lower in titles:
            k += 2  # "Secretary of State"
    for p in passed:
        runs.end[p] = k
    if k > j:
        if runs.not_department(toks, j) >= k:
            return -1  # "Foreign", "Health" alone introduce nobody
        if (k < len(toks) and toks[k].cap and toks[k].joined) or not english:
            return k
        return -1
    if i > 0 and toks[i].joined and not toks[i - 1].cap:
        word = toks[i - 1].lower
        if word in titles and (word in ROLE_NOUNS or not english or word in PERSON_NOUNS):
            return i
    return -1


def title_word(word: str, titles: frozenset[str]) -> bool:
    if word in titles:
        return True
    for prefix in ("then-", "ex-", "former-"):
        if word.startswith(prefix):
            return word[len(prefix) :].rstrip(".") in titles
    return word.rstrip(".") in titles and word.endswith(".")


def _role_before(toks: list[Token], start: int) -> bool:
    """A role or kin noun among the few words before a comma: "the environment minister,",
    "the company's head of human resources,"."""
    for k in range(start - 1, max(start - 6, -1), -1):
        tok = toks[k]
        if tok.lower in KIN_NOUNS or tok.lower in ROLE_NOUNS or tok.lower in ("head", "chief"):
            return True
        if tok.cap or (k < start - 1 and not tok.joined) or tok.sent_start:
            return False
    return False


def _role_before_at(toks: list[Token], at: int) -> bool:
    """A role noun among the few words before "at", within the clause: "researchers at",
    "a professor of management at"."""
    for k in range(at - 1, max(at - 5, -1), -1):
        if toks[k].lower in AT_ROLES:
            return True
        if toks[k].cap or not toks[k + 1].joined or sentence_break(toks[k + 1]):
            return False
    return False


def _apposition(toks: list[Token], end: int) -> str | None:
    """What ", a senior scientist" or ", an AI research institute" after a name says it is."""
    if end >= len(toks) or "," not in toks[end].gap_before:
        return None
    first = toks[end].lower
    if first in ROLE_NOUNS and first not in TITLE_QUALIFIERS:
        return "Person"  # "Evan Sparks, CEO of Determined AI"
    if first not in ("a", "an", "the", "his", "her", "their", "its", "who", "of"):
        return None
    if first == "who":
        return "Person"
    if first == "of":
        return "Person" if end + 1 < len(toks) and toks[end + 1].cap else None
    for t in toks[end + 1 : end + 6]:
        if sentence_break(t) or "," in t.gap_before:
            break
        if t.lower in _PHRASE_ENDS:
            break  # ", the state epidemiologist at the Health Agency": the head came before
        word = t.lower
        if word in ORG_CUES:
            return ORG_CUES[word]
        if word in ROLE_NOUNS or word in KIN_NOUNS or word in PERSON_NOUNS:
            return "Person"
        if word.endswith("-year-old"):
            return "Person"
    return None


_COMPASS = frozenset(("north", "south", "east", "west"))
_PHRASE_ENDS = frozenset(("at", "of", "for", "in", "with", "from", "on", "by"))
_ROMANCE_OF = frozenset(("de", "del", "du", "des", "della", "di", "da", "do"))


def embedded_place(
    hit: Found, toks: list[Token], i: int, after: int, mode: Mode, lang: str = "en"
) -> bool:
    """A place inside a longer capitalised name: "Manchester United", "Kobe Hospital", the
    country of "Jordan Peterson" or "Air France", the city of "South Portland" (a compass word
    makes another place; "Southern California" is still California)."""
    country = hit.type == "Country"
    if hit.type not in ("City", "State", "Place", "Country") or mode in ("title", "dateline"):
        return False
    if after < len(toks) and not toks[after - 1].poss and toks[after].joined:
        nxt = toks[after]
        if nxt.cap and not weak_word(nxt) and nxt.lower not in TITLE_WORDS:
            # a country before an acronym is an adjective ("US RTX 3080 retailers")
            return not (country and (nxt.text in DEMONYMS or nxt.upper))
    romance = mode != "title" and i > 1 and toks[i - 1].lower in _ROMANCE_OF
    if romance and toks[i - 1].joined and toks[i].joined and toks[i - 2].cap:
        return True  # in English text, a foreign name: "Sopa de Lima", "Château de Pau"
    if i > 0 and toks[i].joined and not toks[i - 1].poss:
        prev = toks[i - 1]
        if prev.lower in ARTICLES or prev.lower in HONORIFICS:
            return False  # "La Chine", "Der Spiegel" is a KB name of its own
        if prev.lower in GERMAN_TOWN_NOUNS or prev.lower in GERMAN_STATE_NOUNS:
            return False  # "Standort Wolfsburg", "Land Niedersachsen": the noun names the role
        if prev.sent_start and lang != "en" and function_word(prev.lower, lang):
            return False  # "En France, ...", "Au Canada": a sentence opened by a preposition
        if prev.cap and not weak_word(prev) and not title_word(prev.lower, TITLE_WORDS):
            if _genitive_of(hit):
                return False  # "die Wirtschaft Deutschlands": the noun's complement, no name
            if prev.lower in _COMPASS:
                return hit.type == "City"
            return prev.lower not in DIRECTIONS and prev.text not in DEMONYMS
    return False


# The nouns of English newspaper mastheads named after their city (curated, generic: "the Des
# Moines Register", "the Baltimore Sun", "the Philadelphia Inquirer", "the Chicago Sun-Times").
# Words that after a place name a person ("the Texas Democrat") are left out.
MASTHEAD_NOUNS = word_set(
    """
    register courier examiner inquirer enquirer dispatch ledger bulletin star sun globe mail
    record press tribune times post journal herald gazette news telegraph chronicle observer
    sentinel advocate guardian argus beacon picayune
    """
)


def newspaper_after(hit: Found, toks: list[Token], i: int, after: int, text: str) -> Found | None:
    """ "the Des Moines Register", "the Toronto Star": after "the", a city or state and one or
    two masthead nouns ending the run name a newspaper, not the place ("Union-Leader" counts by
    its last part)."""
    if hit.type not in ("City", "State") or i == 0 or toks[i - 1].lower != "the":
        return None
    end = after
    while end < len(toks) and end - after < 2:
        tok = toks[end]
        if not (tok.joined and tok.cap) or tok.upper or toks[end - 1].poss:
            break
        if tok.lower.rsplit("-", 1)[-1] not in MASTHEAD_NOUNS:
            break
        end += 1
    if end == after:
        return None
    nxt = toks[end] if end < len(toks) else None
    if nxt is not None and nxt.joined and nxt.cap and not toks[end - 1].poss:
        return None  # the name goes on
    stop = toks[end - 1].end
    surface = text[toks[i].start : stop]
    return Found(toks[i].start, stop, surface, "org", None, surface, "NewsMediaOrganization")


def _genitive_of(hit: Found) -> bool:
    """A KB place found in its German genitive ("Deutschlands" for "Deutschland"; see
    ``KBLinker._german_genitive_place``)."""
    entry = hit.entry
    surface = hit.surface
    if entry is None or not surface.endswith("s") or len(surface) < 5:
        return False
    return surface[:-1] in entry.names() and surface not in entry.names()


MAX_ORG_TOKENS = 10  # longest organisation name taken from capitals and connectors


def eponym_business(toks: list[Token], i: int) -> bool:
    """ "Aisha's Salon and Spa", "Joe's Bakery": a possessive name that opens a business's name
    (a premises noun among the next capitalised words)."""
    for k in range(i + 1, min(i + 4, len(toks))):
        tok = toks[k]
        if not tok.joined or not (tok.cap or tok.lower in CONNECTORS):
            return False
        if tok.cap and ORG_HEADS.get(tok.lower) == "LocalBusiness":
            return True
    return False


def plural_possessive(tok: Token, text: str) -> bool:
    """ "Citizens’", "Veterans'": a plural possessive that can open a name ("Citizens’
    Independent Transportation Trust"), unlike "Trump's"."""
    if not tok.poss or tok.end >= len(text) or text[tok.end] not in "'’":
        return False
    return tok.end + 1 >= len(text) or text[tok.end + 1] not in "sS"


def org_run(
    toks: list[Token], i: int, text: str, calendar: frozenset[str] = CALENDAR_WORDS
) -> Found | None:
    """A capitalised run headed by an organisation word: "Foreign Ministry", "Bank of X".

    Trailing time words are not part of it ("the Senate on Monday"), and a name that runs on
    past the longest one taken is not emitted cut short ("Academy of Motion Picture Arts ...").
    """
    if toks[i].sent_start and weak_word(toks[i], calendar):
        return None
    j = i
    head_type = None
    head_at = -1
    n = len(toks)
    while j < n:
        t = toks[j]
        if j > i and t.cap and t.gap_before == " & " and toks[j - 1].cap:
            j += 1  # "Center for Plants & Culture", "Procter & Gamble": one name
            continue
        if j > i and (not t.joined or toks[j - 1].poss):
            # "Citizens’ Independent Transportation Trust" goes on; "... Sciences’ FAST" not;
            # nor does "Ukraine's Ministry", but an office's holder does: "Harris County
            # Sheriff's Office", "Children's Hospital" (a common noun, then the head)
            if head_type is not None:
                break
            if not plural_possessive(toks[j - 1], text):
                eponym = j - 1 == i and toks[i].poss and t.joined and t.cap  # "Aisha's Salon"
                if not (eponym or (toks[j - 1].poss and t.joined and _office_possessive(toks, j))):
                    break
            elif t.gap_before.strip() not in "'’":
                break
        if j - i >= MAX_ORG_TOKENS:
            return None  # the name goes on: no telling where it ends
        if not t.cap:
            nxt = toks[j + 1] if j + 1 < n else None
            if (
                t.lower in CONNECTORS
                and nxt is not None
                and nxt.cap
                and j > i
                and nxt.lower not in calendar
            ):
                if t.lower == "the" and j == i + 1 and toks[i].sent_start and head_type is None:
                    # "Download the Microsoft News app", "Join the Sierra Club": a sentence's
                    # verb and "the" open no name ("Bank of the West" and, mid-sentence, "Save
                    # the Children Fund" go on)
                    return org_run(toks, j + 1, text, calendar)
                j += 1
                continue
            break
        if t.lower in calendar:
            break
        if (
            t.lower in TITLE_WORDS
            and j > i
            and head_type is None
            and t.lower not in DEPARTMENTS
            and not (t.poss and j + 1 < n and _office_possessive(toks, j + 1))
        ):
            break  # "Foreign Ministry Spokesperson Maria" stops before the title; a portfolio
            # goes on ("Public Health Agency")
        kind = ORG_HEADS.get(t.lower.rstrip("."))
        if kind is not None and (not t.upper or len(t.text) <= 3):  # "PAC", "LLC"
            head_type, head_at = kind, j
            if t.lower.rstrip(".") in LEGAL_FORMS and j > i:
                j += 1
                break  # "Siemens AG and ...": a legal form closes the name
        j += 1
    if head_type is None:
        return None
    if (
        toks[i].poss
        and head_type != "LocalBusiness"
        and not plural_possessive(toks[i], text)
        and not _office_possessive(toks, i + 1)
    ):
        return None  # "Ukraine's Ministry": the place's, not a name; "Aisha's Salon" is one
    end = j - 1
    while end > head_at and not toks[end].cap:
        end -= 1
    if end > head_at and (
        toks[head_at + 1].lower not in CONNECTORS or toks[head_at + 1].lower in COORDINATORS
    ):
        end = head_at  # the name ends at its head unless "of ..." follows; after "and" comes
        # another body ("Deutsche Bank and Commerzbank"), a portfolio only after "of" ("Ministry
        # of Culture and Sport")
    if end == i:
        return None  # the head word alone ("Ministry") names nothing
    if i > 0 and toks[i].joined and _ORDINAL.fullmatch(toks[i - 1].text):
        i -= 1  # "4th District Court of Appeal"
    stop = with_dot(toks[end], text)
    surface = text[toks[i].start : stop]
    return Found(toks[i].start, stop, surface, "org", None, surface, head_type)


def with_dot(tok: Token, text: str) -> int:
    """Where a name ending in ``tok`` ends: past the dot of an abbreviation written with one
    ("Warner Bros.", "Acme Inc.", "Kelly Oubre Jr.")."""
    end = tok.end
    if end < len(text) and text[end] == "." and tok.lower in DOTTED_ABBREVIATIONS:
        return end + 1
    return end


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _office_possessive(toks: list[Token], j: int) -> bool:
    """ "Sheriff's Office", "Children's Hospital": a possessive common noun (a role or a group
    of people, not a name) right before the organisation word that ends the name."""
    prev, head = toks[j - 1], toks[j]
    if not prev.poss or not head.cap or head.lower not in ORG_HEADS:
        return False
    return prev.lower in ROLE_NOUNS or prev.lower in _OFFICE_HOLDERS


# Holders of an office or the people a body serves, as they open its name (curated, generic).
_OFFICE_HOLDERS = frozenset(
    [
        "sheriff",
        "sheriffs",
        "marshal",
        "marshals",
        "coroner",
        "coroners",
        "attorney",
        "attorneys",
        "children",
        "women",
        "men",
        "veterans",
        "workers",
        "people",
        "teachers",
        "nurses",
        "farmers",
    ]
)


def _generic_word(tok: Token) -> bool:
    """A role or a kind of body, not a name: "the CEO said", "the Ministry said" (the title and
    role nouns of ``TITLES_BY_LANG``, the heads and qualifiers of generic bodies)."""
    word = tok.lower.rstrip(".")
    return (
        word in TITLES_BY_LANG["en"]
        or word in AT_ROLES
        or word in ORG_HEADS
        or word in GENERIC_ORG_WORDS
    )


def generic_split(words: list[str]) -> int:
    """How many leading words of an organisation's name qualify it ("Springfield" of
    "Springfield City Council"): the rest is generic, a body every place has. ``len(words)``
    when the name is not generic at all ("Academy of Motion Picture Arts and Sciences")."""
    k = len(words)
    while k > 0:
        word = words[k - 1].lower().rstrip(".")
        if word not in GENERIC_ORG_WORDS and word not in ORG_HEADS:
            break
        k -= 1
    heads = [w.lower().rstrip(".") for w in words[k:]]
    if k == len(words) or not any(w in ORG_HEADS or w == "congress" for w in heads):
        return len(words)
    return k


def context_cue(toks: list[Token], start: int, end: int) -> str | None:
    """ "Person", an organisation type, or ``None`` when the context says nothing."""
    if end - start > MAX_NAME_TOKENS:
        return None
    prev = toks[start - 1].lower if start > 0 and joined_loose(toks[start]) else ""
    prev2 = toks[start - 2].lower if start > 1 else ""
    # organisation cues first: "analysts at X", "the journal X", "X, a startup"
    if prev == "at" and _role_before_at(toks, start - 1):
        return "Organization"  # "analysts at Barclays", "a professor of management at MIT"
    if prev == "the" and end - start == 1 and end < len(toks) and toks[end].joined:
        verb = toks[end].lower
        if verb in SPEECH_VERBS and verb not in ("who", "whose") and not _generic_word(toks[start]):
            return "Organization"  # "the Louvre declared": people take no article
    if prev in ORG_CUES and toks[start].joined:
        return ORG_CUES[prev]
    if end < len(toks) and prev == "the" and toks[end].joined and not toks[end].cap:
        follower = toks[end].lower
        if follower in ORG_CUES or follower in ("party", "union", "movement", "militia"):
            # "the Vereinigung Cockpit union", "the Law and Justice party"
            return (
                "PoliticalParty" if follower == "party" else ORG_CUES.get(follower, "Organization")
            )
    appos = _apposition(toks, end)
    if appos is not None and appos != "Person":
        return appos
    by_follower = _org_follower(toks, start, end)
    if by_follower is not None:
        return by_follower
    if prev == "at":
        return None
    if appos == "Person" or (toks[end - 1].poss and end - start >= 2):
        return "Person"
    if prev in PERSON_BEFORE or (prev == "to" and prev2 == "according"):
        return "Person"
    if "," in toks[start].gap_before and _role_before(toks, start):
        return "Person"  # "his son, Dan Smith", "its head of human resources, Jane Doe"
    if end < len(toks):
        nxt = toks[end]
        if nxt.lower in SPEECH_VERBS and joined_loose(nxt):
            return "Person"
        if "(" in nxt.gap_before and re.match(r"[DRI]-", nxt.text):  # "(R-N.C.)"
            return "Person"
    return None
