"""The default offline recognizer: rules plus a knowledge-base gazetteer, deterministic, no model.

How a name is found, in order of trust:

1. names introduced by a title or role ("German Chancellor Olaf Scholz", "spokesperson Jane Doe");
2. knowledge-base names (the starter KB of countries, cities, organisations, plus a user KB);
3. capitalised runs headed by an organisation word ("Foreign Ministry", "Bank of England") or
   introduced by one ("the journal Nature", "Mila, an AI research institute");
4. capitalised runs with context that marks a person: a speech verb, a possessive, "by" or
   "according to", an apposition with a role ("Jane Doe, a senior scientist");
5. short forms ("Putin", "Scholz's", "Trump-Putin") that repeat the surname of a person found.

Title-case lines (headlines, "Related article: ...") capitalise every word, so there only KB
names, titles and short forms count. All-caps lines and photo credits are skipped. German, French
and Spanish get KB names, their own titles, head-first organisation names ("Banco de México", in
French and Spanish only) and short forms: no mention beats a wrong one. Other languages get KB
names only.

Identity: an entity linked to a KB entry gets ``entity_iri(base, entry.type, entry.label)`` and
the entry's ``sameAs``; any other gets ``entity_iri(base, type, full name)``. Both depend only on
kind and name, so an article read with or without a KB names "Olaf Scholz" with the same IRI.

Each pass is one scan over the tokens with bounded look-around, so time is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from jsonld_news.gazetteer import (
    DEMONYMS,
    FUNCTION_WORDS,
    KIN_NOUNS,
    ROLE_NOUNS,
    STATE_NOUNS,
    TITLE_QUALIFIERS,
    TITLE_WORDS,
    calendar_words,
)
from jsonld_news.identity import DEFAULT_BASE_IRI, entity_iri, kind_of
from jsonld_news.kb import KBEntry, KnowledgeBase, key_hash, name_key
from jsonld_news.model import Entity, Mention

MAX_SPAN_TOKENS = 6  # longest KB or organisation name tried, in tokens
MAX_NAME_TOKENS = 5  # longest person name accepted without a KB entry
# A single-word city must be this big (or a capital) where capitals are weak evidence: at a
# sentence start ("Reading", "Mobile", "Nice" are words too) and in German (every noun is
# capitalised). Scores of the starter KB are populations, times ten for capitals.
BIG_CITY_SCORE = 5_000_000
# A city of a million opening a sentence ("Hamburg's port...", "Munich is...") is the city; the
# small towns that are also English words ("Nice", "Reading", "Split") are all far below this.
SENTENCE_START_CITY_SCORE = 1_000_000

Mode = Literal["full", "title", "strict"]
_CACHE_SIZE = 200_000
_CALENDAR = calendar_words()
_NAME_LIKE = frozenset({"Person", "City", "State", "Place"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_URL = re.compile(r"<?(?:https?://|www\.)\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_CREDIT = re.compile(
    r"\b(?:photos?|fotos?|images?|pictures?|credits?|bild|quelle|source)\s*(?::|by\b)"
    r"|©|\bcopyright\b",
    re.IGNORECASE,
)
_CREDIT_TO_EOL = re.compile(f"(?:{_CREDIT.pattern})[^\\n]*", re.IGNORECASE)
_CREDIT_WORDS = (
    "photo",
    "foto",
    "image",
    "picture",
    "credit",
    "bild",
    "quelle",
    "source",
    "©",
    "copyright",
)
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[qQ]u)['’](?=[A-ZÀ-ÖØ-Þ])")
_ABBREVIATIONS = _words(
    "mr mrs ms dr st sen rep gov gen lt col capt sgt prof jr sr inc co corp ltd no vs rev adm maj"
    " cmdr mt ft dept univ jan feb mar apr jun jul aug sep sept oct nov dec"
)
_PARTICLES = _words("von van der den de del della di da du le la al bin ibn dos das y")
_CONNECTORS = _words("of for and the on de du des la le del y und für")
_DIRECTIONS = _words(
    "northern southern eastern western central north south east west upper lower greater"
)
_SPEECH_VERBS = _words(
    """
    said says say told tells added adds wrote writes asked asks announced announces argued argues
    noted notes explained explains stated states tweeted posted insisted insists warned warns
    claimed claims admitted admits replied replies confirmed confirms denied denies believes
    believed thinks thought urged urges stressed stresses acknowledged recalled recalls
    testified declined declines agreed agrees contributed cautioned hopes hoped expects expected
    who whose
    """
)
_PERSON_BEFORE = _words("by told said says according thanked praised met estimates")
_ORG_HEADS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "ministry department agency commission parliament senate court council committee "
            "government administration authority office bureau police army navy guard "
            "assembly cabinet service"
        ),
        "GovernmentOrganization",
    ),
    **dict.fromkeys(_words("university college school academy"), "EducationalOrganization"),
    **dict.fromkeys(_words("party"), "PoliticalParty"),
    **dict.fromkeys(
        _words(
            "inc corp corporation company co ltd llc plc gmbh ag group bank holdings airlines "
            "airways motors industries technologies labs mining energy pharmaceuticals "
            "therapeutics systems telecom communications petroleum steel software partners "
            "capital insurance logistics"
        ),
        "Corporation",
    ),
    **dict.fromkeys(
        _words(
            "times post journal herald tribune gazette news telegraph chronicle observer magazine"
        ),
        "NewsMediaOrganization",
    ),
    **dict.fromkeys(
        _words(
            "foundation association federation union organization organisation society "
            "institute network alliance coalition movement fund trust league club pac caucus "
            "hospital observatory center centre laboratory museum"
        ),
        "Organization",
    ),
}
# Lower-case nouns that introduce or describe an organisation ("the journal Nature").
_ORG_CUES: dict[str, str] = {
    **dict.fromkeys(
        _words("journal newspaper magazine broadcaster daily tabloid outlet channel"),
        "NewsMediaOrganization",
    ),
    **dict.fromkeys(
        _words(
            "company firm startup start-up carmaker automaker maker manufacturer retailer "
            "airline insurer lender bank developer publisher conglomerate giant chipmaker "
            "carrier miner producer operator supplier brewer"
        ),
        "Corporation",
    ),
    **dict.fromkeys(
        _words(
            "group organization organisation institute association union charity nonprofit "
            "non-profit agency network foundation think-tank"
        ),
        "Organization",
    ),
}
_AT_ROLES = _words(
    """
    team group lab
    analyst analysts researcher researchers scientist scientists economist economists professor
    official officials executive executives engineer engineers strategist strategists director
    astronomer radioastronomer employee employees staff lecturer fellow
    """
)
_TITLES_BY_LANG: dict[str, frozenset[str]] = {
    "en": TITLE_WORDS | ROLE_NOUNS | _words("winger forward skipper quarterback pitcher"),
    "de": _words(
        "bundeskanzler bundeskanzlerin kanzler kanzlerin präsident präsidentin minister "
        "ministerin ministerpräsident ministerpräsidentin bürgermeister bürgermeisterin "
        "sprecher sprecherin chef chefin bahnchef konzernchef vorsitzende vorsitzender trainer "
        "bundesverkehrsminister bundesaußenministerin bundesaußenminister außenminister "
        "außenministerin innenminister innenministerin finanzminister wirtschaftsminister "
        "verteidigungsminister gesundheitsminister professor professorin präsidenten "
        "ministerpräsidenten regierungschef regierungschefin staatschef staatschefin "
        "parteichef parteichefin kanzlerkandidat"
    ),
    "fr": _words(
        "président présidente ministre maire porte-parole directeur directrice député "
        "députée sénateur sénatrice secrétaire premier chef professeur patron patronne"
    ),
    "es": _words(
        "presidente presidenta ministro ministra alcalde alcaldesa portavoz director "
        "directora secretario secretaria diputado diputada senador senadora candidato "
        "candidata expresidente expresidenta gobernador gobernadora jefe jefa"
    ),
}
_DEPARTMENTS = _words(
    "foreign defence defense finance interior justice health trade economy state prime "
    "opposition vice"
)
# Nouns that, in an apposition, say a name is a person's ("Jane Doe, a Lyon resident").
_PERSON_NOUNS = _words(
    """
    resident residents native citizen student worker member man woman boy girl veteran fan
    volunteer victim survivor witness owner farmer teacher nurse activist expert father mother
    grandmother grandfather winger forward skipper quarterback pitcher
    """
)
_STRICT_CITY_BEFORE = _words(
    "in nach aus von bei über zwischen ab bis gegen à de en par pour depuis vers desde hacia "
    "para entre a"
)


class _Tok:
    """One word: ``text`` without a possessive ending or French elision, its offsets in the
    text, and ``gap_before``, the characters between the previous word and this one."""

    __slots__ = (
        "cap",
        "end",
        "gap_before",
        "joined",
        "lower",
        "poss",
        "sent_start",
        "start",
        "text",
        "upper",
    )

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        cap: bool,
        upper: bool,
        sent_start: bool,
        poss: bool,
        gap_before: str,
        lower: str | None = None,
    ) -> None:
        self.text = text
        self.lower = text.lower() if lower is None else lower
        self.start = start
        self.end = end
        self.cap = cap
        self.upper = upper
        self.sent_start = sent_start
        self.poss = poss
        self.gap_before = gap_before
        # only spaces (no punctuation, no line break) between this word and the one before
        self.joined = gap_before == " " or (not gap_before.strip() and "\n" not in gap_before)


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    surface: str
    kind: str  # "kb", "person", "org", "short"
    entry: KBEntry | None = None
    name: str = ""
    type: str = "Person"
    in_headline: bool = False


@dataclass(slots=True)
class _Article:
    people: dict[str, str] = field(default_factory=dict)  # name key -> canonical full name
    surnames: dict[str, str] = field(default_factory=dict)  # surname key -> canonical name
    person_entries: dict[str, KBEntry] = field(default_factory=dict)
    # companies this article names with an article ("the Amazon"): another sense here
    not_companies: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Line:
    toks: list[_Tok]
    mode: Mode
    caps: list[_Tok]  # the capitalised ones, for the short-form pass


class RuleRecognizer:
    """``EntityRecognizer`` from rules and a layered KB (user KB first, then the starter KB)."""

    def __init__(self, kbs: Sequence[KnowledgeBase]) -> None:
        self.kbs = list(kbs)
        # surface -> entries; KBs never change, so this is shared by all articles, bounded
        self._cache: dict[str, list[KBEntry]] = {}

    def clear_cache(self) -> None:
        self._cache.clear()

    def recognize(
        self, headline: str, body: str, *, language: str | None, base_iri: str
    ) -> list[Mention]:
        lang = (language or "en").split("-")[0].casefold()
        art = _Article()
        body_mode: Mode = "full" if lang == "en" else "strict"
        body_lines = _prepare(body, body_mode)
        head_lines = _prepare(headline, "title" if lang != "en" else "full")
        found = self._scan(body_lines, body, lang, art, in_headline=False)
        found += self._scan(head_lines, headline, lang, art, in_headline=True)
        found += self._short_forms(body_lines, found, art, in_headline=False)
        found += self._short_forms(head_lines, found, art, in_headline=True)
        if art.not_companies:  # one sense per article
            found = [f for f in found if f.entry is None or f.entry.label not in art.not_companies]
        for f in found:  # single-word names after a title take the full name once known
            if f.kind == "person" and " " not in f.name:
                f.name = art.surnames.get(_k(f.name), f.name)
        found.sort(key=lambda f: (f.in_headline, f.start))
        return _to_mentions(found, art, base_iri)

    # --- KB --------------------------------------------------------------------------------
    def _lookup(self, surface: str, art: _Article) -> list[KBEntry]:
        hit = self._cache.get(surface)
        if hit is None:
            hit = []
            key = name_key(surface)
            hashed = key_hash(key) if key else 0
            # every KB's candidates, the user's first: their order decides between namesakes
            for kb in self.kbs if key else ():
                hit.extend(e for e in kb.lookup_key(key, hashed) if _case_ok(e, surface))
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()  # crude but bounded; refills with the common names
            self._cache[surface] = hit
        return hit

    def _non_person(self, tok: _Tok, art: _Article) -> bool:
        """A country, continent or organisation: never part of a person's name. Cities can be
        ("Vladimir Putin", "George Washington")."""
        return any(e.type not in _NAME_LIKE for e in self._lookup(tok.text, art))

    # --- the main scan ---------------------------------------------------------------------
    def _scan(
        self, lines: list[_Line], text: str, lang: str, art: _Article, *, in_headline: bool
    ) -> list[_Found]:
        found: list[_Found] = []
        for line in lines:
            for f in self._scan_line(line.toks, text, line.mode, lang, art):
                f.in_headline = in_headline
                found.append(f)
        return found

    def _scan_line(
        self, toks: list[_Tok], text: str, mode: Mode, lang: str, art: _Article
    ) -> Iterable[_Found]:
        titles = _TITLES_BY_LANG.get(lang, frozenset())
        english = lang == "en"
        n = len(toks)
        pending: dict[int, int] = {}  # name start -> end, for names found ahead of the scan
        i = 0
        while i < n:
            if i in pending:
                end = pending.pop(i)
                yield self._person(toks, i, end, text, art)
                i = end
                continue
            tok = toks[i]
            if not tok.cap:
                if english and not pending:
                    i = _next_cap(toks, i + 1)  # lower-case words only matter around names
                    continue
                if not english and tok.lower in titles and i + 1 < n:
                    start, end = _complement_name(toks, i + 1)
                    if end > start and not self._not_a_name(toks, start, end, text, art):
                        pending[start] = end
                i += 1
                continue
            # 1. a title introducing a name
            qualifier = 0
            if (
                english and i + 1 < n and (toks[i + 1].lower in titles or tok.text in DEMONYMS)
            ) or (english and i + 2 < n and toks[i + 2].lower in titles):
                qualifier = self._qualifier(toks, i, art)
            # a word alone between lower-case ones ("... said Putin on ...") needs fewer checks
            nxt = toks[i + 1] if i + 1 < n else None
            alone = nxt is None or tok.poss or not _joined(nxt) or not nxt.cap
            if alone and nxt is not None and nxt.lower in _CONNECTORS and _joined(nxt):
                alone = False  # "Bank of England"
            name_start = -1
            word = tok.lower
            if (
                qualifier
                or (i > 0 and toks[i - 1].lower in titles)
                or word in titles
                or (("-" in word or "." in word) and _title_word(word, titles))
            ):
                name_start = _title_run(toks, i, titles, qualifier, english)
            if name_start >= 0:
                name_start, name_end = self._title_name(toks, name_start, lang, text, art)
                if name_end > name_start:
                    if qualifier and toks[i].cap and toks[i].text not in DEMONYMS:
                        hit = self._kb_at(toks, i, text, mode, lang, art)
                        if hit is not None and hit.end <= toks[name_start].start:
                            yield hit
                    if name_start == i or english:
                        yield self._person(toks, name_start, name_end, text, art)
                        i = name_end
                    else:  # "la presidenta de México, Claudia Sheinbaum": México comes first
                        pending[name_start] = name_end
                        i += 1
                    continue
            if alone and (word in FUNCTION_WORDS or word in _CALENDAR):
                i += 1  # "The", "However", "Friday" alone: never a name
                continue
            # 2. a knowledge-base name, unless an organisation name runs past it
            hit = self._kb_at(toks, i, text, mode, lang, art, alone)
            org = None
            if english and mode == "full" and not alone:
                org = self._org_run(toks, i, text)
            if org is not None and (hit is None or org.end > hit.end):
                yield org
                i = _index_after(toks, i, org.end)
                continue
            if hit is not None:
                after = i + 1 if tok.end >= hit.end else _index_after(toks, i, hit.end)
                if hit.type in _NAME_LIKE and self._embedded(hit, toks, i, after, mode):
                    i = after  # "Real Madrid", "Kobe Hospital": the city names something else
                    continue
                if english and hit.end == toks[i].end and toks[i].text in DEMONYMS:
                    pass  # a demonym alone is no country; see _demonym_phrase
                else:
                    yield hit
                    i = after
                    continue
            if english and toks[i].text in DEMONYMS:
                country = self._demonym_phrase(toks, i, art)
                if country is not None:
                    yield country
                i += 1
                continue
            if lang in ("fr", "es") and mode == "strict" and not tok.sent_start:
                org = _romance_org(toks, i, text)
                if org is not None:
                    yield org
                    i = _index_after(toks, i, org.end)
                    continue
            # 3. capitalised runs that context marks as a person or an organisation
            if english and mode == "full" and (not alone or _may_be_org(toks, i)):
                found = self._contextual(toks, i, text, art)
                if found is not None:
                    yield found
                    i = _index_after(toks, i, found.end)
                    continue
            i += 1

    def _kb_at(
        self,
        toks: list[_Tok],
        i: int,
        text: str,
        mode: Mode,
        lang: str,
        art: _Article,
        alone: bool = False,
    ) -> _Found | None:
        if alone and lang == "en":  # the common case: one capitalised word between others
            tok = toks[i]
            entries = self._cache.get(tok.text)
            if entries is None:
                entries = self._lookup(tok.text, art)
            if not entries:
                return None
            entry = _choose(entries, tok.text, art)
            return self._kb_found(entry, toks, i, i, tok.text, mode, lang, art)
        last = i
        limit = min(len(toks), i + MAX_SPAN_TOKENS)
        # the run a name may span: capitals or connectors, no punctuation in between
        # (in German, French and Spanish also lower-case words: "Union européenne")
        while last + 1 < limit and not toks[last].poss and toks[last + 1].joined:
            nxt = toks[last + 1]
            if not (nxt.cap or nxt.lower in _CONNECTORS or (lang != "en" and nxt.text.isalpha())):
                break
            last += 1
        cache = self._cache
        start = toks[i].start
        for j in range(last, i - 1, -1):
            if not toks[j].cap and (lang == "en" or toks[j].lower in _CONNECTORS):
                continue
            surface = text[start : toks[j].end]
            entries = cache.get(surface)
            if entries is None:
                entries = self._lookup(surface, art)
            if not entries:
                continue
            entry = _choose(entries, surface, art)
            return self._kb_found(entry, toks, i, j, surface, mode, lang, art)
        return None

    def _kb_found(
        self,
        entry: KBEntry,
        toks: list[_Tok],
        i: int,
        j: int,
        surface: str,
        mode: Mode,
        lang: str,
        art: _Article,
    ) -> _Found | None:
        """The best-scored entry for tokens ``i..j``, unless its context rules it out."""
        if entry.type == "Corporation" and i == j and i > 0 and toks[i - 1].lower == "the":
            art.not_companies.add(entry.label)  # "the Amazon", "the Shell"
            return None
        if not _kb_ok(entry, toks, i, j, mode, lang):
            return None
        return _Found(toks[i].start, toks[j].end, surface, "kb", entry, entry.label, entry.type)

    def _embedded(self, hit: _Found, toks: list[_Tok], i: int, after: int, mode: Mode) -> bool:
        """A city inside a longer capitalised name ("Manchester United", "Kobe Hospital")."""
        if hit.type not in ("City", "State", "Place") or mode == "title":
            return False
        if after < len(toks) and not toks[after - 1].poss and _joined(toks[after]):
            nxt = toks[after]
            if nxt.cap and not _weak(nxt) and nxt.lower not in TITLE_WORDS:
                return True
        if i > 0 and _joined(toks[i]) and not toks[i - 1].poss:
            prev = toks[i - 1]
            if prev.cap and not _weak(prev) and not _title_word(prev.lower, TITLE_WORDS):
                return prev.lower not in _DIRECTIONS and prev.text not in DEMONYMS
        return False

    def _qualifier(self, toks: list[_Tok], i: int, art: _Article) -> int:
        """Tokens at ``i`` that qualify a title: "German", "U.S.", "South Korean"."""
        if toks[i].text in DEMONYMS:
            return 1
        if i + 1 < len(toks) and f"{toks[i].text} {toks[i + 1].text}" in DEMONYMS:
            return 2
        if not toks[i].poss and any(e.type == "Country" for e in self._lookup(toks[i].text, art)):
            return 1
        return 0

    def _title_name(
        self, toks: list[_Tok], start: int, lang: str, text: str, art: _Article
    ) -> tuple[int, int]:
        """The name after a title: right there, or in German/French/Spanish after a complement
        and a comma ("le ministre des Transports François Durovray", "la presidenta de México,
        Claudia Sheinbaum")."""
        end = _name_run(toks, start)
        named = end > start and not self._not_a_name(toks, start, end, text, art)
        if named and (lang == "en" or end - start >= 2):
            return start, end
        if lang == "en":
            return start, start
        return _complement_name(toks, start)

    def _not_a_name(self, toks: list[_Tok], start: int, end: int, text: str, art: _Article) -> bool:
        """The run is a KB place or organisation as a whole, or starts with a country/org."""
        if self._non_person(toks[start], art):
            return True
        whole = self._lookup(text[toks[start].start : toks[end - 1].end], art)
        return any(e.type != "Person" for e in whole)

    def _demonym_phrase(self, toks: list[_Tok], i: int, art: _Article) -> _Found | None:
        """ "the Russian government": a lower-case state noun after a demonym names the country."""
        if i + 1 >= len(toks) or not _joined(toks[i + 1]) or toks[i].poss:
            return None
        if toks[i + 1].lower not in STATE_NOUNS:
            return None
        country = self._country(DEMONYMS[toks[i].text], art)
        if country is None:
            return None
        tok = toks[i]
        return _Found(tok.start, tok.end, tok.text, "kb", country, country.label, country.type)

    def _country(self, code: str, art: _Article) -> KBEntry | None:
        import pycountry

        country = pycountry.countries.get(alpha_2=code)
        for name in (getattr(country, "common_name", None), getattr(country, "name", None)):
            if name:
                for entry in self._lookup(name, art):
                    if entry.type == "Country":
                        return entry
        return None

    def _org_run(self, toks: list[_Tok], i: int, text: str) -> _Found | None:
        """A capitalised run headed by an organisation word: "Foreign Ministry", "Bank of X"."""
        if toks[i].sent_start and _weak(toks[i]):
            return None
        j = i
        head_type = None
        head_at = -1
        while j < len(toks) and j - i < MAX_SPAN_TOKENS:
            t = toks[j]
            if j > i and (not _joined(t) or toks[j - 1].poss):
                break
            if not t.cap:
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                if t.lower in _CONNECTORS and nxt is not None and nxt.cap and j > i:
                    j += 1
                    continue
                break
            if t.lower in TITLE_WORDS and j > i and head_type is None:
                break  # "Foreign Ministry Spokesperson Maria" stops before the title
            kind = _ORG_HEADS.get(t.lower.rstrip("."))
            if kind is not None and (not t.upper or len(t.text) <= 3):  # "PAC", "LLC"
                head_type, head_at = kind, j
            j += 1
        if head_type is None:
            return None
        end = j - 1
        while end > head_at and not toks[end].cap:
            end -= 1
        if end > head_at and toks[head_at + 1].lower not in _CONNECTORS:
            end = head_at  # the name ends at its head unless "of ..." follows
        if end == i:
            return None  # the head word alone ("Ministry") names nothing
        surface = text[toks[i].start : toks[end].end]
        return _Found(toks[i].start, toks[end].end, surface, "org", None, surface, head_type)

    def _contextual(self, toks: list[_Tok], i: int, text: str, art: _Article) -> _Found | None:
        """A capitalised run that its neighbours mark as a person or an organisation."""
        start = i + 1 if toks[i].sent_start and _weak(toks[i]) else i
        if start >= len(toks) or not toks[start].cap:
            return None
        end = _name_run(toks, start)
        # a KB place or organisation inside ends the run: "Rival Alphabet", "Tory MPs"
        for j in range(start, end):
            if j > start and self._non_person(toks[j], art):
                end = j
                break
        if end <= start or self._not_a_name(toks, start, end, text, art):
            return None
        cue = self._context_cue(toks, start, end)
        if cue is None:
            return None
        if cue != "Person":
            surface = text[toks[start].start : toks[end - 1].end]
            return _Found(toks[start].start, toks[end - 1].end, surface, "org", None, surface, cue)
        if end - start < 2:
            return None
        if toks[start].sent_start and any(t.upper for t in toks[start:end]):
            return None
        return self._person(toks, start, end, text, art)

    def _context_cue(self, toks: list[_Tok], start: int, end: int) -> str | None:
        """ "Person", an organisation type, or ``None`` when the context says nothing."""
        if end - start > MAX_NAME_TOKENS:
            return None
        prev = toks[start - 1].lower if start > 0 and _joined_loose(toks[start]) else ""
        prev2 = toks[start - 2].lower if start > 1 else ""
        # organisation cues first: "analysts at X", "the journal X", "X, a startup"
        if prev == "at" and prev2 in _AT_ROLES:
            return "Organization"
        if prev in _ORG_CUES and _joined(toks[start]):
            return _ORG_CUES[prev]
        if end < len(toks) and prev == "the" and toks[end].joined and not toks[end].cap:
            follower = toks[end].lower
            if follower in _ORG_CUES or follower in ("party", "union", "movement", "militia"):
                # "the Vereinigung Cockpit union", "the Law and Justice party"
                return (
                    "PoliticalParty"
                    if follower == "party"
                    else _ORG_CUES.get(follower, "Organization")
                )
        appos = _apposition(toks, end)
        if appos is not None and appos != "Person":
            return appos
        if prev == "at":
            return None
        if appos == "Person" or (toks[end - 1].poss and end - start >= 2):
            return "Person"
        if prev in _PERSON_BEFORE or (prev == "to" and prev2 == "according"):
            return "Person"
        if "," in toks[start].gap_before and _role_before(toks, start):
            return "Person"  # "his son, Dan Smith", "its head of human resources, Jane Doe"
        if end < len(toks):
            nxt = toks[end]
            if nxt.lower in _SPEECH_VERBS and _joined_loose(nxt):
                return "Person"
            if "(" in nxt.gap_before and re.match(r"[DRI]-", nxt.text):  # "(R-N.C.)"
                return "Person"
        return None

    def _person(self, toks: list[_Tok], start: int, end: int, text: str, art: _Article) -> _Found:
        surface = text[toks[start].start : toks[end - 1].end]
        key = _k(surface)
        canonical = art.people.get(key)
        if canonical is None:
            if end - start == 1:
                canonical = art.surnames.get(key, surface)
            else:
                canonical = " ".join(t.text for t in toks[start:end])
                art.people[key] = canonical
                art.surnames.setdefault(_k(toks[end - 1].text), canonical)
                entries = [e for e in self._lookup(surface, art) if e.type == "Person"]
                if entries:
                    art.person_entries[_k(canonical)] = entries[0]
        return _Found(toks[start].start, toks[end - 1].end, surface, "person", None, canonical)

    def _short_forms(
        self, lines: list[_Line], found: list[_Found], art: _Article, *, in_headline: bool
    ) -> list[_Found]:
        """Surnames alone ("Putin", "Scholz's", "Trump-Putin") become the full person."""
        if not art.surnames:
            return []
        taken = sorted((f.start, f.end) for f in found if f.in_headline == in_headline)
        starts = {span[0] for span in taken}
        surnames = art.surnames
        out = []
        for line in lines:
            for tok in line.caps:
                if tok.start in starts:
                    continue  # already part of a name found
                if "-" not in tok.text and "’" not in tok.text and tok.lower not in surnames:
                    continue  # the common case, decided without splitting
                for part, start in _parts(tok):
                    canonical = art.surnames.get(_k(part))
                    if canonical is None or _overlaps(taken, start, start + len(part)):
                        continue
                    f = _Found(start, start + len(part), part, "short", None, canonical)
                    f.in_headline = in_headline
                    out.append(f)
        return out


# --- tokens -------------------------------------------------------------------------------------


def _prepare(text: str, mode: Mode) -> list[_Line]:
    """Lines worth scanning, tokenised once, each with the mode its capitalisation allows."""
    masked = text
    if "://" in text or "www." in text:
        masked = _URL.sub(_blank, masked)
    if "@" in text:
        masked = _EMAIL.sub(_blank, masked)
    low = text.lower()
    if any(word in low for word in _CREDIT_WORDS) and _CREDIT.search(masked):
        # a photo credit, to the end of its line, names no mention
        masked = _CREDIT_TO_EOL.sub(_blank, masked)
    lines: list[_Line] = []
    toks: list[_Tok] = []
    caps: list[_Tok] = []
    pos = 0
    prev: _Tok | None = None
    for gap, plain, word, raw in _PAIR.findall(masked):
        if plain:  # the common case, kept cheap: a lower-case word or a number
            start = pos + len(gap)
            pos = start + len(plain)
            if "\n" in gap and toks:
                _close_line(toks, caps, text, mode, lines)
                toks, caps = [], []
            prev = _Tok(plain, start, pos, False, False, False, False, gap, plain)
            toks.append(prev)
            continue
        if word:  # a plain capitalised word: "Berlin", "Scholz"
            start = pos + len(gap)
            pos = start + len(word)
            if "\n" in gap and toks:
                _close_line(toks, caps, text, mode, lines)
                toks, caps = [], []
            sent = prev is None or not toks or (gap != " " and _ends_sentence(prev, gap))
            prev = _Tok(word, start, pos, True, False, sent, False, gap)
            toks.append(prev)
            caps.append(prev)
            continue
        start = pos + len(gap)
        end = pos = start + len(raw)
        if "\n" in gap and toks:
            _close_line(toks, caps, text, mode, lines)
            toks, caps = [], []
        poss = False
        if "'" in raw or "’" in raw:
            elided = _ELISION.match(raw)
            if elided is not None:  # French "l'Allemagne": the name starts after the article
                cut = elided.end()
                raw, start, gap = raw[cut:], start + cut, gap + raw[:cut]
            if raw.endswith(("'s", "’s")) and len(raw) > 2:
                raw, end, poss = raw[:-2], end - 2, True
        if not poss and raw[-1] == "s" and end < len(masked) and masked[end] in "'’":
            poss = end + 1 >= len(masked) or not masked[end + 1].isalnum()  # "Meadows'"
        if "-" in raw:
            head, _, tail = raw.partition("-")
            if tail in _HYPHEN_SUFFIXES and head[:1].isupper():  # "Greensboro-area"
                raw, end = head, start + len(head)
        cap = raw[0].isupper()
        upper = cap and len(raw) > 1 and not raw[1].islower()
        if upper:
            upper = raw.replace(".", "").replace("-", "").isupper()
        sent = prev is None or not toks or (gap != " " and _ends_sentence(prev, gap))
        prev = _Tok(raw, start, end, cap, upper, sent, poss, gap)
        toks.append(prev)
        if cap:
            caps.append(prev)
    if toks:
        _close_line(toks, caps, text, mode, lines)
    return lines


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _close_line(
    toks: list[_Tok], caps: list[_Tok], text: str, mode: Mode, lines: list[_Line]
) -> None:
    if text[toks[0].start : toks[-1].end].isupper():
        return  # all caps: photo credits, shouted headers; capitals tell nothing there
    title = mode == "full" and len(caps) >= 4 and 2 * len(caps) >= len(toks)
    line_mode: Mode = "title" if title and _is_title_case(toks) else mode
    lines.append(_Line(toks, line_mode, caps))


def _k(name: str) -> str:
    """A cheap comparison key for names within one article."""
    return name.lower().replace("’", "'")


# words with the gap before them: lower-case words and numbers (no apostrophe) in group 2,
# plain capitalised words in group 3, the rest (elided, possessive, acronyms...) in group 4
_PAIR = re.compile(
    r"(\W*)(?:([a-zß-öø-ÿ0-9][\w]*(?:[-&.][\w]+)*)(?![\w'’])"
    r"|([A-Z][a-zß-öø-ÿ]+)(?![\w'’&.-])"
    r"|((?:[A-Z]\.){2,}|\w+(?:[-'’&.]\w+)*))"
)


_HYPHEN_SUFFIXES = _words(
    "area based born backed led owned run made style era bound controlled funded linked "
    "affiliated related wide registered listed headquartered allied"
)
_SENTENCE_GAP = re.compile(r"[!?:;“\"«—–•|]|\n")


def _ends_sentence(prev: _Tok, gap: str) -> bool:
    if gap == " ":
        return False
    if _SENTENCE_GAP.search(gap):
        return True
    if "." in gap:
        return prev.lower.rstrip(".") not in _ABBREVIATIONS and not prev.upper
    return False


def _sentence_break(tok: _Tok) -> bool:
    return tok.sent_start or bool(_SENTENCE_GAP.search(tok.gap_before))


def _joined(tok: _Tok) -> bool:
    """Only spaces (no punctuation, no line break) separate ``tok`` from the one before."""
    return tok.joined


def _joined_loose(tok: _Tok) -> bool:
    """Separated by spaces or a comma: "Jane Doe, who", "said, Jane Doe"."""
    return tok.gap_before.replace(",", "").strip() == ""


def _is_title_case(toks: list[_Tok]) -> bool:
    """A headline-style line: every word but short function words capitalised."""
    content = 0
    lower = 0
    for t in toks:
        if t.text[0].isalpha() and t.lower not in _TITLE_CASE_EXEMPT:
            content += 1
            lower += not t.cap
    return content >= 4 and lower <= content // 10


_TITLE_CASE_EXEMPT = _words(
    "a an the and or but nor of in on at to for with by from as vs via per into onto up off"
)


def _weak(tok: _Tok) -> bool:
    word = tok.lower
    return word in FUNCTION_WORDS or word in calendar_words() or word in ROLE_NOUNS


def _name_run(toks: list[_Tok], i: int) -> int:
    """End of the run of name-like tokens starting at ``i``."""
    j = i
    stops = calendar_words()
    while j < len(toks) and j - i <= MAX_NAME_TOKENS:
        t = toks[j]
        if j > i and (not _joined(t) or toks[j - 1].poss):
            break
        word = t.lower
        if t.cap:
            if (t.upper and len(t.text) > 3) or not t.text[0].isalpha():
                break
            if j == i and (word in _ARTICLES or word.rstrip(".") in _HONORIFICS):
                break
            if _PLURAL_ACRONYM.fullmatch(t.text):  # "Tory MPs", "tech CEOs"
                break
            if word in FUNCTION_WORDS or word in stops:
                break
            if word in TITLE_WORDS:
                # a title word ends a name where it introduces the next one ("Moscow Mayor
                # Sergei ..."), else it can be a surname: "Wayne King", "Stephen Bishop"
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                if j == i or (nxt is not None and nxt.cap and _joined(nxt)):
                    break
            if t.text in DEMONYMS or word in _ORG_HEADS:
                break
        else:
            particle = j > i and j + 1 < len(toks) and toks[j + 1].cap and word in _PARTICLES
            if not particle and (j == i or not _particle_prefix(t.text)):  # "al-Sisi" goes on
                break
        j += 1
    while j > i and not toks[j - 1].cap and not _particle_prefix(toks[j - 1].text):
        j -= 1
    return j


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


_ROMANCE_HEADS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "ministerio ministère policía police agencia agence comisión commission gobierno "
            "gouvernement tribunal tribunale corte cour consejo conseil asamblea assemblée "
            "senado sénat congreso congrès ejército armée guardia garde"
        ),
        "GovernmentOrganization",
    ),
    **dict.fromkeys(_words("universidad université instituto institut"), "EducationalOrganization"),
    **dict.fromkeys(_words("partido parti"), "PoliticalParty"),
    **dict.fromkeys(_words("banco banque empresa compagnie grupo groupe"), "Corporation"),
    **dict.fromkeys(
        _words("fundación fondation asociación association federación fédération sindicato"),
        "Organization",
    ),
}


_ADJECTIVE = re.compile(
    r"(?:al|ale|ales|aux|enne|ien|ienne|ique|ico|ica|aire|ano|ana|ais|aise|ense)$"
)
_ARTICLES = _words("la le les el los las der die das un una une")
_HONORIFICS = _words("mme mlle m herr frau sr sra srta don doña dña")


def _romance_org(toks: list[_Tok], i: int, text: str) -> _Found | None:
    """French and Spanish names lead with their head: "Banco de México", "Policía Nacional",
    "Assemblée nationale", "Agencia Estatal de Meteorología"."""
    head = _ROMANCE_HEADS.get(toks[i].lower)
    if head is None:
        return None
    n = len(toks)
    j = i + 1
    end = i
    while j < n and j - i < MAX_SPAN_TOKENS and _joined(toks[j]):
        t = toks[j]
        if t.cap:
            end = j
        elif t.lower in _PREPOSITIONS or t.lower in ("la", "las", "los", "el", "y", "et"):
            if not (j + 1 < n and _joined(toks[j + 1])):
                break
        elif j == i + 1 and _ADJECTIVE.search(t.lower) and len(t.text) > 4:
            end = j  # one adjective right after the head: "nationale", "européenne"
            if j + 2 < n and toks[j + 1].lower in _PREPOSITIONS and not toks[j + 2].cap:
                return None  # "Agence nationale de sécurité du ...": no telling where it ends
        else:
            break
        j += 1
    if end == i:
        return None
    surface = text[toks[i].start : toks[end].end]
    return _Found(toks[i].start, toks[end].end, surface, "org", None, surface, head)


def _next_cap(toks: list[_Tok], i: int) -> int:
    n = len(toks)
    while i < n and not toks[i].cap:
        i += 1
    return i


def _may_be_org(toks: list[_Tok], i: int) -> bool:
    """A single word that context might still mark as an organisation ("the journal Nature",
    "Mila, an AI research institute", "analysts at Barclays")."""
    prev = toks[i - 1].lower if i > 0 else ""
    if prev in _ORG_CUES or prev == "at":
        return True
    return i + 1 < len(toks) and "," in toks[i + 1].gap_before


def _complement_name(toks: list[_Tok], start: int) -> tuple[int, int]:
    """German, French, Spanish: the name after a title's adjectives and complement.

    "président brésilien Luiz Inácio Lula da Silva", "ministre des Transports François
    Durovray", "presidenta de México, Claudia Sheinbaum", "alcalde de la ciudad, José Luis ...".
    """
    n = len(toks)
    j = start
    while j < n and j - start < 2 and not toks[j].cap and toks[j].lower not in _PREPOSITIONS:
        j += 1  # adjectives: "général", "brésilien"
    proper_complement = False
    if j < n and toks[j].lower in _PREPOSITIONS and not _sentence_break(toks[j]):
        with_article = toks[j].lower in ("des", "du", "del") or "'" in toks[j].gap_before
        j += 1
        while j < n and toks[j].lower in _ARTICLES:
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
    if j >= n or not toks[j].cap or _sentence_break(toks[j]):
        return start, start
    comma = toks[j].gap_before.strip() == ","
    if j > start and not (_joined(toks[j]) or comma):
        return start, start
    if proper_complement and not comma:
        return start, start
    end = _name_run(toks, j)
    return (j, end) if end - j >= 2 else (start, start)


_PREPOSITIONS = _words("de des du del d der von")


def _particle_prefix(word: str) -> bool:
    head, dash, tail = word.partition("-")
    return bool(dash) and head in ("al", "el", "bin", "ibn", "abu", "ben") and tail[:1].isupper()


def _title_run(
    toks: list[_Tok], i: int, titles: frozenset[str], qualifier: int, english: bool
) -> int:
    """Where a name introduced by a title at ``i`` starts, or -1 when no title is there.

    "[demonym] Title [of Title] Name" ("German Chancellor Olaf Scholz", "Secretary of State X")
    starts the name after the titles; a lower-case role right before ``i`` ("spokesperson Jane
    Doe", "chief executive Satya Nadella") makes the name start at ``i`` itself.
    """
    j = i + qualifier
    k = j
    while k < len(toks) and _title_word(toks[k].lower, titles) and (k == i or _joined(toks[k])):
        k += 1
        if k + 1 < len(toks) and toks[k].lower == "of" and toks[k + 1].lower in titles:
            k += 2  # "Secretary of State"
    if k > j:
        if all(t.lower in _DEPARTMENTS for t in toks[j:k]):
            return -1  # "Foreign", "Health" alone introduce nobody
        if (k < len(toks) and toks[k].cap and _joined(toks[k])) or not english:
            return k
        return -1
    if i > 0 and _joined(toks[i]) and not toks[i - 1].cap:
        word = toks[i - 1].lower
        if word in titles and (word in ROLE_NOUNS or not english or word in _PERSON_NOUNS):
            return i
    return -1


def _title_word(word: str, titles: frozenset[str]) -> bool:
    if word in titles:
        return True
    for prefix in ("then-", "ex-", "former-"):
        if word.startswith(prefix):
            return word[len(prefix) :].rstrip(".") in titles
    return word.rstrip(".") in titles and word.endswith(".")


def _choose(entries: list[KBEntry], surface: str, art: _Article) -> KBEntry:
    """The first candidate (user KB first, best score first), except that a person named by
    one word only ("Washington", "Jordan") yields to a place or organisation of that name
    unless the article has introduced the person by full name."""
    first = entries[0]
    if first.type == "Person" and " " not in surface and _k(first.label) not in art.people:
        for entry in entries:
            if entry.type != "Person":
                return entry
    return first


def _role_before(toks: list[_Tok], start: int) -> bool:
    """A role or kin noun among the few words before a comma: "the environment minister,",
    "the company's head of human resources,"."""
    for k in range(start - 1, max(start - 6, -1), -1):
        tok = toks[k]
        if tok.lower in KIN_NOUNS or tok.lower in ROLE_NOUNS or tok.lower in ("head", "chief"):
            return True
        if tok.cap or (k < start - 1 and not tok.joined) or tok.sent_start:
            return False
    return False


def _apposition(toks: list[_Tok], end: int) -> str | None:
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
        if _sentence_break(t) or "," in t.gap_before:
            break
        word = t.lower
        if word in _ORG_CUES:
            return _ORG_CUES[word]
        if word in ROLE_NOUNS or word in KIN_NOUNS or word in _PERSON_NOUNS:
            return "Person"
        if word.endswith("-year-old"):
            return "Person"
    return None


def _kb_ok(entry: KBEntry, toks: list[_Tok], i: int, j: int, mode: Mode, lang: str) -> bool:
    tok = toks[i]
    word = tok.lower
    if i == j and (word in FUNCTION_WORDS or word in _CALENDAR or word in ROLE_NOUNS):
        return False
    if i == j and word in _PARTICLES:
        return False  # "Van", "De", "La": name particles first, towns second
    if entry.type in ("City", "Place", "State") and i == j:
        big = entry.score >= BIG_CITY_SCORE or entry.description == "capital"
        if tok.sent_start and not big and entry.score < SENTENCE_START_CITY_SCORE:
            return False
        if lang == "de" and not big:
            # every German noun is capitalised: a city needs a preposition ("in Essen")
            return i > 0 and toks[i - 1].lower in _STRICT_CITY_BEFORE
        if lang not in ("en", "de", "fr", "es") and not big:
            return False
    return True


def _index_after(toks: list[_Tok], i: int, end: int) -> int:
    while i < len(toks) and toks[i].start < end:
        i += 1
    return i


def _parts(tok: _Tok) -> Iterable[tuple[str, int]]:
    if "-" not in tok.text:
        yield tok.text, tok.start
        return
    pos = tok.start
    for part in tok.text.split("-"):
        if part[:1].isupper():
            yield part, pos
        pos += len(part) + 1


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    from bisect import bisect_left

    k = bisect_left(spans, (end, end))
    return k > 0 and spans[k - 1][1] > start


def _case_ok(entry: KBEntry, surface: str) -> bool:
    """An all-caps KB name ("WHO", "AP") matches only all-caps text; others need a capital."""
    key = name_key(surface)
    for name in entry.names():
        if name_key(name) != key:
            continue
        bare = name.replace(".", "")
        if bare.isupper() and len(bare) <= 6:
            if surface.replace(".", "") == bare:
                return True
        elif surface[:1].isupper():
            return True
    return False


# the same names recur article after article: slugging them once is enough
_entity_iri = lru_cache(maxsize=65_536)(entity_iri)


def _to_mentions(found: list[_Found], art: _Article, base_iri: str) -> list[Mention]:
    entities: dict[tuple[str, str], Entity] = {}
    memo: dict[tuple[int, str, str], Entity] = {}  # repeats skip the key computations
    mentions: list[Mention] = []
    for f in found:
        seen = memo.get((id(f.entry), f.type, f.name))
        if seen is not None:
            mentions.append(Mention(seen, f.start, f.end, f.surface, f.in_headline))
            continue
        entry = f.entry
        if entry is None and f.kind in ("person", "short"):
            entry = art.person_entries.get(_k(f.name))
        if entry is not None:
            key = (kind_of(entry.type), _k(entry.label))
            entity = entities.get(key)
            if entity is None:
                entity = Entity(
                    type=entry.type,
                    name=entry.label,
                    iri=_entity_iri(base_iri, entry.type, entry.label),
                    same_as=list(entry.same_as),
                    description=entry.description if entry.description != "capital" else None,
                )
                entities[key] = entity
        else:
            key = (kind_of(f.type), _k(f.name))
            entity = entities.get(key)
            if entity is None:
                entity = Entity(type=f.type, name=f.name, iri=_entity_iri(base_iri, f.type, f.name))
                entities[key] = entity
        memo[(id(f.entry), f.type, f.name)] = entity
        mentions.append(Mention(entity, f.start, f.end, f.surface, f.in_headline))
    return mentions


# --- entry points -------------------------------------------------------------------------------


@cache
def starter_kb() -> KnowledgeBase:
    """The KB shipped in ``jsonld_news/data`` (countries, cities, organisations)."""
    data = resources.files("jsonld_news").joinpath("data/starter_kb.jsonl").read_bytes()
    return KnowledgeBase.from_bytes(data, "starter_kb.jsonl")


@cache
def default_recognizer() -> RuleRecognizer:
    """The offline recognizer with the starter KB only; built once per process."""
    return RuleRecognizer([starter_kb()])


def load_recognizer(kb_path: str | None) -> RuleRecognizer:
    """The offline recognizer with the user's KB (if any) consulted before the starter KB.

    Raises ``kb.KBError`` (an ``InputError``) naming ``file:line`` for a malformed KB line.
    """
    if kb_path is None:
        return default_recognizer()
    return RuleRecognizer([KnowledgeBase.load(kb_path), starter_kb()])


def entities_table(mentions: list[Mention]) -> list[dict[str, str]]:
    """One row per occurrence, for ``jsonld-news entities``: what, type, where, linked IRI."""
    return [
        {
            "surface": m.surface,
            "name": m.entity.name,
            "type": m.entity.type,
            "where": f"{'headline' if m.in_headline else 'body'}:{m.start}-{m.end}",
            "iri": m.entity.iri,
            "sameAs": " ".join(m.entity.same_as),
        }
        for m in mentions
    ]


def recognize_text(
    headline: str, body: str, language: str | None = None, base_iri: str = DEFAULT_BASE_IRI
) -> list[Mention]:
    """Convenience for tools and tests: the default recognizer on one article."""
    return default_recognizer().recognize(headline, body, language=language, base_iri=base_iri)
