"""Knowledge-base names in the text: cached lookup over the layered KBs, the choice between
namesakes, and the context checks a KB match must pass (case, sentence starts, small towns).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from jsonld_news.enrich.findings import (
    ArticleState,
    Found,
    add_surname,
    fold_name,
    local_region,
    same_given_name,
)
from jsonld_news.enrich.name_rules import MAX_SPAN_TOKENS
from jsonld_news.enrich.names import (
    common_word,
    given_name,
    subdivision_name,
    surname,
    word_place,
)
from jsonld_news.enrich.rule_words import (
    CALENDAR_WORDS,
    CONNECTORS,
    GERMAN_TOWN_NOUNS,
    LOCATIVES,
    NAME_LIKE_TYPES,
    ORG_HEADS,
    PARTICLES,
    word_set,
)
from jsonld_news.enrich.tokens import Mode, Token, elided_before, without_elision
from jsonld_news.gazetteer import FUNCTION_WORDS, ROLE_NOUNS, TITLE_WORDS
from jsonld_news.kb import KBEntry, KnowledgeBase, key_hash, name_key

# A single-word city must be this big (or a capital) where capitals are weak evidence: at a
# sentence start ("Reading", "Mobile", "Nice" are words too) and in German (every noun is
# capitalised). Scores of the starter KB are populations, times ten for capitals.
BIG_CITY_SCORE = 5_000_000
# A city of a million opening a sentence ("Hamburg's port...", "Munich is...") is the city; the
# small towns that are also English words ("Nice", "Reading", "Split") are all far below this.
SENTENCE_START_CITY_SCORE = 1_000_000
_CACHE_SIZE = 200_000  # surfaces cached before the cache is emptied


STRICT_CITY_BEFORE = word_set(
    "in nach aus von bei über zwischen ab bis gegen à de en par pour depuis vers desde hacia "
    "para entre a"
)


class KBLinker:
    """KB lookups for the recognizer: the KBs in order (user KB first), one lookup cache."""

    def __init__(self, kbs: Sequence[KnowledgeBase]) -> None:
        self.kbs = list(kbs)
        # language -> surface -> entries (a name may match in one language only); KBs never
        # change, so these are shared by all articles, bounded
        self._caches: dict[str, dict[str, tuple[KBEntry, ...]]] = {}
        # word -> whether some KB has a name of several words starting with it
        self._firsts: dict[str, bool] = {}
        # token text -> ``_may_start_name`` (asked of most capitalised words, most of them often)
        self._may_start: dict[str, bool] = {}

    def clear_cache(self) -> None:
        self._caches.clear()
        self._firsts.clear()
        self._may_start.clear()

    def _starts_name(self, word: str) -> bool:
        known = self._firsts.get(word)
        if known is None:
            hashed = key_hash(word)
            known = False
            for kb in self.kbs:  # a loop: a generator costs more than the few KBs' answers
                if kb.starts_name(hashed):
                    known = True
                    break
            if len(self._firsts) >= _CACHE_SIZE:
                self._firsts.clear()
            self._firsts[word] = known
        return known

    def _cache_for(self, lang: str) -> dict[str, tuple[KBEntry, ...]]:
        cache = self._caches.get(lang)
        if cache is None:
            cache = self._caches[lang] = {}
        return cache

    def _lookup(self, surface: str, art: ArticleState) -> tuple[KBEntry, ...]:
        cache = art.cache
        hit = cache.get(surface)
        if hit is None:
            hit = ()  # most names are in no KB: the one empty tuple, no new object to keep
            key = name_key(surface)
            space = key.find(" ")
            if space > 0 and not self._starts_name(key[:space]):
                key = ""  # "Officials Said": no name of any KB starts with "officials"
            if key:
                hashed = key_hash(key)
                # every KB's candidates, the user's first: their order decides between namesakes
                for kb in self.kbs:
                    candidates = kb.lookup_key(key, hashed)
                    if candidates:
                        hit += tuple(e for e in candidates if _case_ok(e, surface, key, art.lang))
            if len(cache) >= _CACHE_SIZE:
                cache.clear()  # crude but bounded; refills with the common names
            cache[surface] = hit
        return hit

    def _may_start_name(self, word: str) -> bool:
        """Whether a surface of several words opening with ``word`` can be a KB name: what
        ``_lookup`` asks of the key's first word, asked once for all the longer surfaces of a
        run rather than once per surface. Where the word's key is not that first word (a
        leading "the" is dropped; a key with a space), the surfaces are looked up one by one."""
        known = self._may_start.get(word)
        if known is None:
            first = name_key(word)
            known = not first or first == "the" or " " in first or self._starts_name(first)
            if len(self._may_start) >= _CACHE_SIZE:
                self._may_start.clear()
            self._may_start[word] = known
        return known

    def _non_person(self, tok: Token, art: ArticleState) -> bool:
        """A country, continent or organisation: never part of a person's name. Cities can be
        ("Vladimir Putin", "George Washington")."""
        entries = art.cache.get(tok.text)
        if entries is None:
            entries = self._lookup(tok.text, art)
        return any(e.type not in NAME_LIKE_TYPES for e in entries) if entries else False

    def _kb_at(
        self,
        toks: list[Token],
        i: int,
        text: str,
        mode: Mode,
        lang: str,
        art: ArticleState,
        alone: bool = False,
    ) -> Found | None:
        if alone and lang == "en":  # the common case: one capitalised word between others
            tok = toks[i]
            entries = art.cache.get(tok.text)
            if entries is None:
                entries = self._lookup(tok.text, art)
            if not entries:
                return None
            entry = _choose(entries, tok.text, art)
            return self._kb_found(entry, toks, i, i, tok.text, mode, lang, art)
        last = i
        cache = art.cache
        start = toks[i].start
        first = toks[i].text
        # no KB name of several words starts with this word: the word alone, and no run to
        # find (asked first: a cached answer costs less than walking the run)
        if self._may_start_name(first) or (
            lang == "de" and self._may_start_name(_german_nominative(first))
        ):
            limit = min(len(toks), i + MAX_SPAN_TOKENS)
            # the run a name may span: capitals or connectors, no punctuation in between
            # (in German, French and Spanish also lower-case words: "Union européenne")
            while (
                last + 1 < limit
                and not toks[last].poss
                and (toks[last + 1].joined or (lang != "en" and elided_before(toks[last + 1])))
            ):
                nxt = toks[last + 1]
                if not (
                    nxt.cap
                    or nxt.lower in CONNECTORS
                    or (lang != "en" and (nxt.text.isalpha() or _elided_word(nxt.text)))
                ):
                    break
                last += 1
        for j in range(last, i - 1, -1):
            if not toks[j].cap and (lang == "en" or toks[j].lower in CONNECTORS):
                continue
            surface = text[start : toks[j].end]
            entries = cache.get(surface)
            if entries is None:
                entries = self._lookup(surface, art)
            if not entries and j > i and lang == "de":
                entries = self._german_inflected(first, surface, art)
            if not entries:
                continue
            entry = _choose(entries, surface, art)
            return self._kb_found(entry, toks, i, j, surface, mode, lang, art)
        if lang == "de":
            return self._german_genitive_place(toks, i, mode, art)
        return None

    def _german_inflected(self, first: str, surface: str, art: ArticleState) -> tuple[KBEntry, ...]:
        """A German name that opens with an adjective declines it ("der Deutschen Telekom",
        "der Europäischen Union", "beim Deutschen Fußball-Bund"): the KB holds the nominative
        "-e"; the other endings are "-en", "-er", "-es", "-em"."""
        nominative = _german_nominative(first)
        if nominative == first:
            return ()
        return self._lookup(nominative + surface[len(first) :], art)

    def _acronym_compound(self, tok: Token, art: ArticleState) -> Found | None:
        """German joins an organisation's acronym to a noun with a hyphen ("CDU-Vorsitzende",
        "WHO-Chef", "EU-Staaten"): the compound speaks of the organisation, so its acronym is a
        mention of it. Only an organisation of the KB (a country's code names no body:
        "US-Präsident"), and only the acronym's span."""
        match = _ACRONYM_HEAD.match(tok.text)
        if match is None:
            return None
        head = match[1]
        entries = tuple(e for e in self._lookup(head, art) if e.type not in _NOT_BODIES)
        if not entries:
            return None
        entry = _choose(entries, head, art)
        return Found(tok.start, tok.start + len(head), head, "kb", entry, entry.label, entry.type)

    def _german_genitive_place(
        self, toks: list[Token], i: int, mode: Mode, art: ArticleState
    ) -> Found | None:
        """German marks a place's genitive with "s" ("Deutschlands", "Thüringens", "Hamburgs
        Hafen"): a country, state or city of the KB once the "s" is cut."""
        word = toks[i].text
        if len(word) < 5 or word[-1] != "s" or word[-2] in "sxzß" or not word[-2].islower():
            return None
        places = [e for e in self._lookup(word[:-1], art) if e.type in _GENITIVE_TYPES]
        if not places:
            return None
        return self._kb_found(places[0], toks, i, i, word, mode, "de", art)

    def _kb_found(
        self,
        entry: KBEntry,
        toks: list[Token],
        i: int,
        j: int,
        surface: str,
        mode: Mode,
        lang: str,
        art: ArticleState,
    ) -> Found | None:
        """The best-scored entry for tokens ``i..j``, unless its context rules it out."""
        if entry.type == "Corporation" and i == j and i > 0 and toks[i - 1].lower == "the":
            # "the Amazon", "the Shell": another sense, if the article uses it more often
            art.not_companies[entry.label] = art.not_companies.get(entry.label, 0) + 1
            return None
        if i == j and i > 0 and toks[i].lower in SI_UNITS and toks[i - 1].text[:1].isdigit():
            return None  # "26 Tesla", "5 Siemens": a unit of measurement
        if j > i and toks[i].lower in _LEADING_ARTICLES and not _starts_with_article(entry):
            return None  # "The Springfield City Council": the name starts after "The"
        if not _kb_ok(entry, toks, i, j, mode, lang):
            return None
        if i == j and small_town(entry) and art.writes_lower(toks[i].lower):
            return None  # "El Coronel," where the article writes "el coronel": a word here
        if i == j and entry.type in ("City", "Place") and _modifies_bodies(toks, j):
            return None  # "Glasgow universities": the city's bodies, not the city
        if i == j and small_town(entry) and _in_surname_list(toks, i):
            return None  # "Sheppard, Mullin, Richter, and Hampton": a firm of partners
        if (
            i == j
            and entry.id.startswith(TABLE_IDS)
            and not _table_word_ok(toks, i, mode, lang, entry.type == "Corporation")
        ):
            return None
        if entry.type == "Person":
            return self._kb_person(entry, toks, i, j, surface, art)
        if entry.type == "City" and _region_named(toks, i) and subdivision_name(surface):
            # "the Brazilian states of Mato Grosso and Paraná", "la provincia de Buenos Aires":
            # the region of the city's name, which no KB here links
            return local_region(toks[i].start, toks[j].end, surface)
        return Found(toks[i].start, toks[j].end, surface, "kb", entry, entry.label, entry.type)

    def _kb_person(
        self, entry: KBEntry, toks: list[Token], i: int, j: int, surface: str, art: ArticleState
    ) -> Found | None:
        """A person of a KB. One word of a longer name is not that person ("Obama" of
        "Michelle Obama"), nor is the surname of someone else the article has introduced.
        The name is the one the text gives, so that the IRI is the same without the KB."""
        if i == j:
            prev = toks[i - 1] if i > 0 else None
            inside = prev is not None and prev.cap and toks[i].joined and not prev.poss
            if (
                inside
                and prev is not None
                and not (prev.sent_start and prev.lower in FUNCTION_WORDS)
                and prev.lower.rstrip(".") not in TITLE_WORDS
            ):
                return None
            if j + 1 < len(toks) and toks[j + 1].cap and toks[j + 1].joined and not toks[j].poss:
                return None
            known = art.surnames.get(fold_name(toks[i].text))
            if known == "" or (known and not same_given_name(known, entry.label)):
                return None  # "Obama" after "Michelle Obama": the short-form pass decides
            name = known or art.people.get(fold_name(entry.label), entry.label)
        else:
            name = " ".join(t.text for t in toks[i : j + 1])
            key = fold_name(surface)
            art.people.setdefault(key, name)
            name = art.people[key]
            add_surname(art, toks[j].text, name)
        art.person_entries.setdefault(fold_name(name), entry)
        return Found(toks[i].start, toks[j].end, surface, "kb", entry, name, entry.type)

    def _country(self, code: str, art: ArticleState) -> KBEntry | None:
        for name in _country_names(code):
            if name:
                for entry in self._lookup(name, art):
                    if entry.type == "Country":
                        return entry
        return None


@cache
def _country_names(code: str) -> tuple[str | None, str | None]:
    """The common name and the name of the ISO 3166-1 country ``code`` (pycountry's data:
    asked once per code, not once per demonym of the text)."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None), getattr(country, "name", None)


_LEADING_ARTICLES = frozenset(("the", "a", "an"))


def _elided_word(text: str) -> bool:
    """A lower-case word with its elided article ("l'homme", "d'État"), inside a name."""
    rest = without_elision(text)
    return rest != text and rest.isalpha()


# an upper-case acronym (two to six letters or digits) and a hyphen opening a German compound
_ACRONYM_HEAD = re.compile(r"^([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5})-(?=[A-ZÄÖÜa-zäöüß])")
_NOT_BODIES = frozenset((*NAME_LIKE_TYPES, "Country", "Continent"))
_GENITIVE_TYPES = frozenset(("Country", "State", "City"))
_GERMAN_ADJECTIVE_ENDINGS = frozenset(("en", "er", "es", "em"))
# SI units named after people (BIPM, The International System of Units, table 4): after a
# number they are units, not the companies or people of that name
SI_UNITS = word_set(
    "becquerel coulomb farad gray henry hertz joule kelvin newton ohm pascal siemens sievert "
    "tesla volt watt weber ampere"
)


# Ids of the notable-organisations table (``tools/build_org_table.py``): names taken from
# package data in bulk, not curated one by one, so a one-word name needs evidence of a name
TABLE_IDS = (
    "ticker:",
    "nba:",
    "wnba:",
    "agency:",
    "wordnet:",
    "ukparty:",
    "football-team:",
    "football-league:",
    "swot:",
)


def _table_word_ok(toks: list[Token], i: int, mode: Mode, lang: str, company: bool = False) -> bool:
    """Whether one word of the organisations table is that organisation here. Never inside a
    longer capitalised name ("News" of "Kaieteur News") nor before a model number ("RTX
    3080"). A word written like a name only ("LVMH", "ArcelorMittal") needs nothing more; a plain
    capitalised word ("Caterpillar", "Puma") must be capitalised where a word would not be: in
    English, mid-sentence, never a given name or surname ("Pearson"), and a common word only
    with a lower-case word beside it (running text, not a section label "2022 News"); in
    French and Spanish mid-sentence; never in German, which capitalises every noun. At the
    start of an English sentence, where every word is capitalised, a company's word that is no
    common English word (SCOWL), no given name and no surname is its name all the same
    ("Lufthansa cancelled 800 flights"; a university's "Sorbonne" still needs mid-sentence)."""
    tok = toks[i]
    prev = toks[i - 1] if i > 0 else None
    if (
        prev is not None
        and prev.cap
        and tok.joined
        and not prev.poss
        and not (prev.sent_start and prev.lower in FUNCTION_WORDS)
    ):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.joined and nxt.text[:1].isdigit():
        return False
    word = tok.text
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return True  # written like a name, not a word: "LVMH", "ArcelorMittal", "Coca-Cola"
    if lang == "de" or mode != "full" or (tok.sent_start and (lang != "en" or not company)):
        return False
    if lang != "en":
        return True
    if nxt is not None and nxt.cap and nxt.joined:
        return False  # "Next Generation": a longer name this word only opens
    if given_name(word, lang) or surname(word):
        return False  # "Pearson said": a person as likely as the company
    if tok.sent_start:
        return not common_word(word)  # "Lufthansa cancelled": no word, capitalised or not
    if common_word(word):  # "Next", "Visa": capitalised in running text, between words
        return any(t is not None and t.joined and t.text.isalpha() and not t.cap
                   for t in (prev, nxt))  # fmt: skip
    return True


def small_town(entry: KBEntry) -> bool:
    """A city or place of the KB too small to be taken on its name alone where its name is
    also a word or a given name (below ``SENTENCE_START_CITY_SCORE``, not a capital)."""
    return (
        entry.type in ("City", "Place")
        and entry.score < SENTENCE_START_CITY_SCORE
        and entry.description != "capital"
    )


def _starts_with_article(entry: KBEntry) -> bool:
    return any(n[:4].lower() == "the " for n in entry.names())


def _choose(entries: tuple[KBEntry, ...], surface: str, art: ArticleState) -> KBEntry:
    """The first candidate (user KB first, best score first), except that a person named by
    one word only ("Washington", "Jordan") yields to a place or organisation of that name
    unless the article has introduced the person by full name."""
    first = entries[0]
    if first.type == "Person" and " " not in surface and fold_name(first.label) not in art.people:
        for entry in entries:
            if entry.type != "Person":
                return entry
    return first


def _code_before(nxt: Token) -> bool:
    """The word after an acronym makes it a code: a number ("US 1") or a currency ("US$")."""
    return nxt.gap_before.strip().startswith("$") or (nxt.joined and nxt.text[:1].isdigit())


def _kb_ok(entry: KBEntry, toks: list[Token], i: int, j: int, mode: Mode, lang: str) -> bool:
    tok = toks[i]
    word = tok.lower
    if i == j and (word in CALENDAR_WORDS or word in ROLE_NOUNS):
        return False
    # "us", "it": words; written in capitals an acronym ("US", "WHO"), but not a code before
    # a number or a currency sign ("US 1", a highway; "US$171")
    code = j + 1 < len(toks) and _code_before(toks[j + 1])
    if i == j and word in FUNCTION_WORDS and (not tok.upper or code):
        return False
    if i == j and word in PARTICLES:
        return False  # "Van", "De", "La": name particles first, towns second
    if entry.type in ("City", "Place", "State") and i == j:
        if mode == "dateline":
            return True  # "Düsseldorf -" on a line of its own
        if i == 0 and tok.upper and _dateline_after(toks, j):
            return True  # "AUSTIN (KXAN) —": a dateline's place
        if lang == "en" and word_place(tok.text):
            # "“Reading the Mind in the Eyes”", "since Independence": a frequent word first
            return _place_cue(toks, i, j)
        big = entry.score >= BIG_CITY_SCORE or entry.description == "capital"
        if tok.sent_start and not big and entry.score < SENTENCE_START_CITY_SCORE:
            return False
        if lang == "de" and not big:
            # every German noun is capitalised: a city needs a preposition ("in Essen")
            before = toks[i - 1].lower if i > 0 else ""
            return before in STRICT_CITY_BEFORE or (
                before in GERMAN_TOWN_NOUNS and toks[i].joined
            )  # "in Essen", "am Standort Wolfsburg"
        if lang not in ("en", "de", "fr", "es") and not big:
            return False
        if (
            entry.type != "State"
            and entry.score < SENTENCE_START_CITY_SCORE
            and not big
            and given_name(tok.text)
        ):
            # a town named like a person ("Nada", "Austin", "Florence") needs a place's cue
            return _place_cue(toks, i, j)
    return True


# a region's word and its preposition before the name they govern: "the state of",
# "provincia de", "l'État de"
_REGION_NOUNS = word_set(
    "state states province provinces department departments region regions estado estados "
    "provincia provincias departamento departamentos región regiones état états "
    "département départements"
)
_REGION_OF = word_set("of de del du des")
_LIST_WORDS = word_set("and y et e")


def _region_named(toks: list[Token], i: int) -> bool:
    """A region's word and its "of" before the name, maybe across a list of names ("the
    Brazilian states of Mato Grosso and Paraná")."""
    k = i - 1
    while (
        k > 0
        and i - k <= 8
        and _listed_on(toks[k + 1])
        and (toks[k].cap or toks[k].lower in _LIST_WORDS)
        and toks[k].lower not in _REGION_NOUNS
    ):
        k -= 1  # back over the list's other names
    if k <= 0 or not _listed_on(toks[k + 1]):
        return False
    return toks[k].lower in _REGION_OF and toks[k].joined and toks[k - 1].lower in _REGION_NOUNS


def _listed_on(tok: Token) -> bool:
    return tok.joined or tok.gap_before.strip() == ","


def _place_cue(toks: list[Token], i: int, j: int) -> bool:
    """A locative before the name ("in Nada", "the town of Nada") or a region after its comma
    ("Reading, England")."""
    before = toks[i - 1].lower if i > 0 else ""
    region = j + 1 < len(toks) and toks[j + 1].cap and toks[j + 1].gap_before == ", "
    return before in LOCATIVES or before == "of" or before in STRICT_CITY_BEFORE or region


def _modifies_bodies(toks: list[Token], j: int) -> bool:
    """A lower-case plural of an organisation word right after a name: "Glasgow
    universities", "Chicago hospitals" name that place's bodies."""
    if j + 1 >= len(toks) or not toks[j + 1].joined or toks[j + 1].cap:
        return False
    word = toks[j + 1].lower
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s"):
        word = word[:-1]
    else:
        return False
    return word in ORG_HEADS


def _in_surname_list(toks: list[Token], i: int) -> bool:
    """The last of a list of surnames ("Sheppard, Mullin, Richter, and Hampton"): after "and"
    and two or more capitalised words that end in commas, known surnames."""
    if i < 4 or toks[i - 1].lower != "and":
        return False
    names = 0
    k = i - 2
    while k >= 0 and toks[k].cap and "," in toks[k + 1].gap_before and surname(toks[k].text):
        names += 1
        k -= 1
    return names >= 2


def _dateline_after(toks: list[Token], j: int) -> bool:
    """What follows a line's first all-caps name in a dateline: a dash, or a source in
    parentheses ("AUSTIN (KXAN) —", "AUSTIN —")."""
    if j + 1 >= len(toks):
        return False
    gap = toks[j + 1].gap_before.strip()
    return gap[:1] in ("(", "—", "–") or gap == "-"


def _case_ok(entry: KBEntry, surface: str, key: str, lang: str) -> bool:
    """An all-caps KB name ("WHO", "AP") matches only all-caps text; others need a capital.
    ``key`` is the ``name_key`` of ``surface``. Names of another language never match."""
    names = (entry.label, *entry.aliases)
    if entry.local_names:
        names += tuple(n for name_lang, n in entry.local_names if name_lang == lang)
    for name in names:
        if name_key(name) != key:
            continue
        bare = name.replace(".", "")
        if bare.isupper() and len(bare) <= 6:
            if surface.replace(".", "") == bare:
                return True
        elif surface[:1].isupper():
            return True
    return False


def _german_nominative(word: str) -> str:
    """A declined German adjective's nominative "-e" form ("Deutschen" -> "Deutsche"), or the
    word itself when it does not read as one."""
    if len(word) < 6 or word[-2:] not in _GERMAN_ADJECTIVE_ENDINGS or not word[0].isupper():
        return word
    return word[:-2] + "e"
