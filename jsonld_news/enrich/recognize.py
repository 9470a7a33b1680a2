"""The default offline recognizer: rules plus a knowledge-base gazetteer, deterministic, no model.

How a name is found, in order of trust:

1. knowledge-base names (the starter KB of countries, cities, organisations, plus a user KB);
2. names introduced by a title or role ("German Chancellor Olaf Scholz", "spokesperson Jane Doe");
3. capitalised name sequences with context that marks a person: a speech verb, a possessive,
   "by"/"according to", an apposition, or the surname used alone elsewhere in the article;
4. capitalised sequences headed by an organisation word ("Foreign Ministry", "Bank of X");
5. short forms ("Putin", "Scholz's") that repeat the surname of a person found above.

Headlines and title-case lines ("Related article: ...") capitalise every word, so there only KB
names and short forms of people already found count. All-caps and photo-credit lines are skipped.
For German, French and Spanish (and any other non-English language) only KB names, the few titles
of ``_TITLES_BY_LANG`` and short forms count: no mention is better than a wrong one.

Every pass is one scan over the tokens with bounded look-ahead, so time is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

from jsonld_news.gazetteer import (
    DEMONYMS,
    FUNCTION_WORDS,
    ROLE_NOUNS,
    STATE_NOUNS,
    TITLE_WORDS,
    calendar_words,
)
from jsonld_news.identity import DEFAULT_BASE_IRI, entity_iri, kind_of
from jsonld_news.kb import KBEntry, KnowledgeBase, name_key
from jsonld_news.model import Entity, Mention

MAX_SPAN_TOKENS = 6  # longest KB name tried, in tokens
MAX_NAME_TOKENS = 4  # longest person name accepted without a KB entry
# A sentence-initial single-word city must be this big (or a capital) to count there: "Reading",
# "Mobile", "Nice" open sentences as ordinary words far more often than as cities.
SENTENCE_INITIAL_CITY_SCORE = 5_000_000

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'’&.]\w+)*", re.UNICODE)
_URL = re.compile(r"<?(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gov gen lt col capt sgt prof jr sr inc co corp ltd no vs rev adm maj"
    " cmdr mt ft dept univ jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_CREDIT_LINE = re.compile(
    r"^\W*(photo|photos|foto|image|picture|credit|credits|getty|copyright|©|source|bild|quelle)\b",
    re.IGNORECASE,
)
_PARTICLES = frozenset("von van der den de del della di da du le la al bin ibn dos das y".split())
_CONNECTORS = frozenset("of for and the on de du des la le del y und für".split())
_SPEECH_VERBS = frozenset(
    """
    said says say told tells added adds wrote writes asked asks announced announces argued argues
    noted notes explained explains stated states tweeted posted insisted insists warned warns
    claimed claims admitted admits replied replies according confirmed confirms denied denies
    believes believed thinks thought urged urges called calls stressed stresses acknowledged
    recalled recalls described describes, testified declined declines agreed agrees
    who whose
    """.replace(",", "").split()
)
_PERSON_BEFORE = frozenset("by with told said says according to thanked praised met".split())
_ORG_HEADS: dict[str, str] = {
    **dict.fromkeys(
        "ministry department agency commission parliament senate court council committee "
        "government administration authority office bureau police army navy guard "
        "assembly cabinet".split(),
        "GovernmentOrganization",
    ),
    **dict.fromkeys(
        "university college school institute academy".split(), "EducationalOrganization"
    ),
    **dict.fromkeys("party democrats republicans".split(), "PoliticalParty"),
    **dict.fromkeys(
        "inc inc. corp corp. corporation company co co. ltd ltd. llc plc gmbh ag group bank "
        "holdings airlines airways motors industries technologies labs".split(),
        "Corporation",
    ),
    **dict.fromkeys(
        "times post journal herald tribune gazette news telegraph chronicle observer "
        "independent daily magazine".split(),
        "NewsMediaOrganization",
    ),
    **dict.fromkeys(
        "foundation association federation union organization organisation society institute "
        "network alliance coalition movement fund trust league club pac caucus".split(),
        "Organization",
    ),
}
_TITLES_BY_LANG: dict[str, frozenset[str]] = {
    "de": frozenset(
        "bundeskanzler bundeskanzlerin kanzler kanzlerin präsident präsidentin minister "
        "ministerin ministerpräsident ministerpräsidentin bürgermeister bürgermeisterin "
        "sprecher sprecherin chef chefin vorsitzende vorsitzender trainer professor "
        "professorin dr. dr herr frau".split()
    ),
    "fr": frozenset(
        "président présidente ministre maire porte-parole directeur directrice m. mme "
        "député députée sénateur sénatrice premier chef professeur dr".split()
    ),
    "es": frozenset(
        "presidente presidenta ministro ministra alcalde alcaldesa portavoz director "
        "directora secretario secretaria diputado diputada senador senadora candidato "
        "candidata expresidente expresidenta gobernador gobernadora dr".split()
    ),
}
Mode = Literal["full", "title", "strict"]


@dataclass(slots=True)
class _Tok:
    text: str  # without a possessive ending
    start: int
    end: int
    cap: bool
    upper: bool
    sent_start: bool
    poss: bool
    gap_before: str  # the characters between the previous token and this one


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
    kb_cache: dict[str, list[KBEntry]] = field(default_factory=dict)


class RuleRecognizer:
    """``EntityRecognizer`` from rules and a layered KB (user KB first, then the starter KB)."""

    def __init__(self, kbs: Sequence[KnowledgeBase]) -> None:
        self.kbs = list(kbs)

    # --- KB --------------------------------------------------------------------------------
    def _lookup(self, surface: str, art: _Article) -> list[KBEntry]:
        key = name_key(surface)
        hit = art.kb_cache.get(key)
        if hit is None:
            hit = []
            for kb in self.kbs:
                hit = [e for e in kb.lookup(surface) if _case_ok(e, surface)]
                if hit:
                    break
            art.kb_cache[key] = hit
        return hit

    # --- public ----------------------------------------------------------------------------
    def recognize(
        self, headline: str, body: str, *, language: str | None, base_iri: str
    ) -> list[Mention]:
        lang = (language or "en").split("-")[0].casefold()
        art = _Article()
        body_mode: Mode = "full" if lang == "en" else "strict"
        found = self._scan(body, body_mode, lang, art, in_headline=False)
        found += self._scan(headline, "title", lang, art, in_headline=True)
        found = self._resolve_short(found, art, body, headline, lang)
        return _to_mentions(found, art, base_iri)

    # --- passes ----------------------------------------------------------------------------
    def _scan(
        self, text: str, mode: Mode, lang: str, art: _Article, *, in_headline: bool
    ) -> list[_Found]:
        found: list[_Found] = []
        for line_start, line in _lines(text):
            if _skip_line(line):
                continue
            toks = _tokenize(line, line_start)
            if not toks:
                continue
            line_mode: Mode = mode
            if mode == "full" and _is_title_case(toks):
                line_mode = "title"
            found += self._scan_tokens(toks, text, line_mode, lang, art, in_headline)
        return found

    def _scan_tokens(
        self,
        toks: list[_Tok],
        text: str,
        mode: Mode,
        lang: str,
        art: _Article,
        in_headline: bool,
    ) -> list[_Found]:
        found: list[_Found] = []
        stops = calendar_words()
        titles = TITLE_WORDS if lang == "en" else _TITLES_BY_LANG.get(lang, frozenset())
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            if not tok.cap:
                if lang == "en" and mode == "full":
                    demonym = self._demonym_phrase(toks, i, art)
                    if demonym:
                        demonym.in_headline = in_headline
                        found.append(demonym)
                i += 1
                continue
            # 1. the longest KB name starting here
            hit = self._kb_at(toks, i, text, mode, lang, art)
            # 2. a title introducing a name
            title_end = _title_run(toks, i, titles, self._demonym_or_country(toks, i, art))
            if title_end >= 0 and mode != "title":
                name_end = _name_run(toks, title_end, stops, lang)
                if name_end > title_end and not self._is_place_or_org(toks, title_end, art):
                    f = self._person(toks, title_end, name_end, text, art, in_headline)
                    found.append(f)
                    i = name_end
                    continue
            if hit is not None:
                hit.in_headline = in_headline
                # a city opening a longer capitalised name is likely part of it ("Jackson Smith")
                if not self._absorbed_city(hit, toks, i, text, mode, lang, art):
                    found.append(hit)
                    i = _index_after(toks, i, hit.end)
                    continue
            if mode == "full" and lang == "en":
                end = _name_run(toks, i, stops, lang)
                org = self._org_run(toks, i, text, art)
                if org is not None:
                    org.in_headline = in_headline
                    found.append(org)
                    i = _index_after(toks, i, org.end)
                    continue
                start = i + 1 if toks[i].sent_start and _weak(toks[i], stops) else i
                if end - start >= 2 and self._person_evidence(toks, start, end, text):
                    found.append(self._person(toks, start, end, text, art, in_headline))
                    i = end
                    continue
            elif mode == "strict" and title_end > i:
                i = title_end  # a title word is no name of its own
                continue
            i += 1
        return found

    def _kb_at(
        self, toks: list[_Tok], i: int, text: str, mode: Mode, lang: str, art: _Article
    ) -> _Found | None:
        last = i
        limit = min(len(toks), i + MAX_SPAN_TOKENS)
        # the run of tokens a name may span: no punctuation between, capitals or connectors
        while last + 1 < limit and not toks[last].poss and _joined(toks[last + 1]):
            if not (toks[last + 1].cap or toks[last + 1].text.casefold() in _CONNECTORS):
                break
            last += 1
        for j in range(last, i - 1, -1):
            if not toks[j].cap:
                continue
            surface = text[toks[i].start : toks[j].end]
            entries = self._lookup(surface, art)
            if not entries:
                continue
            entry = _pick(entries, mode, lang)
            if entry is None or not self._kb_ok(entry, toks, i, j, mode, lang):
                return None
            return _Found(toks[i].start, toks[j].end, surface, "kb", entry, entry.label, entry.type)
        return None

    def _kb_ok(
        self, entry: KBEntry, toks: list[_Tok], i: int, j: int, mode: Mode, lang: str
    ) -> bool:
        word = toks[i].text.casefold()
        if i == j and (word in FUNCTION_WORDS or word in calendar_words() or word in ROLE_NOUNS):
            return False
        if entry.type in ("City", "Place", "State") and i == j:
            big = entry.score >= SENTENCE_INITIAL_CITY_SCORE or entry.description == "capital"
            if toks[i].sent_start and not big:
                return False
            if lang != "en" and not big:
                return False
        return True

    def _absorbed_city(
        self, hit: _Found, toks: list[_Tok], i: int, text: str, mode: Mode, lang: str, art: _Article
    ) -> bool:
        if mode != "full" or lang != "en" or hit.type not in ("City", "State"):
            return False
        if _index_after(toks, i, hit.end) != i + 1:
            return False
        end = _name_run(toks, i, calendar_words(), lang)
        if end - i < 2 or self._is_place_or_org(toks, i + 1, art):
            return False
        return self._person_evidence(toks, i, end, text)

    def _is_place_or_org(self, toks: list[_Tok], i: int, art: _Article) -> bool:
        entries = self._lookup(toks[i].text, art)
        return any(e.type != "Person" for e in entries)

    def _demonym_or_country(self, toks: list[_Tok], i: int, art: _Article) -> int:
        """Tokens at ``i`` that qualify a title: "German", "U.S.", "South Korean"."""
        if toks[i].text in DEMONYMS:
            return 1
        if i + 1 < len(toks) and f"{toks[i].text} {toks[i + 1].text}" in DEMONYMS:
            return 2
        if not toks[i].poss and any(e.type == "Country" for e in self._lookup(toks[i].text, art)):
            return 1
        return 0

    def _demonym_phrase(self, toks: list[_Tok], i: int, art: _Article) -> _Found | None:
        """"the Russian government": a lower-case state noun after a demonym names the country."""
        if i == 0 or toks[i].text.casefold() not in STATE_NOUNS or not _joined(toks[i]):
            return None
        prev = toks[i - 1]
        code = DEMONYMS.get(prev.text)
        if code is None:
            return None
        country = _country_by_code(code, self.kbs, art, self)
        if country is None:
            return None
        return _Found(prev.start, prev.end, prev.text, "kb", country, country.label, country.type)

    def _org_run(self, toks: list[_Tok], i: int, text: str, art: _Article) -> _Found | None:
        """A capitalised run headed by an organisation word: "Foreign Ministry", "Bank of X"."""
        j = i
        head_type = None
        head_at = -1
        while j < len(toks) and j - i < MAX_SPAN_TOKENS:
            t = toks[j]
            if j > i and (not _joined(t) or toks[j - 1].poss):
                break
            if not t.cap:
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                if t.text.casefold() in _CONNECTORS and nxt is not None and nxt.cap and j > i:
                    j += 1
                    continue
                break
            kind = _ORG_HEADS.get(t.text.casefold())
            if kind is not None and not t.upper:
                head_type, head_at = kind, j
            j += 1
        if head_type is None:
            return None
        end = j - 1
        while end > head_at and not toks[end].cap:
            end -= 1
        if head_at == end and end == i:
            return None  # the head word alone ("Ministry") names nothing
        if head_at < end and toks[head_at + 1].text.casefold() not in _CONNECTORS:
            end = head_at  # "Foreign Ministry Spokesperson" stops at its head
        if end == i:
            return None
        if toks[i].sent_start and toks[i].text.casefold() in FUNCTION_WORDS:
            return None
        surface = text[toks[i].start : toks[end].end]
        return _Found(toks[i].start, toks[end].end, surface, "org", None, surface, head_type)

    def _person_evidence(self, toks: list[_Tok], start: int, end: int, text: str) -> bool:
        if end - start > MAX_NAME_TOKENS or end - start < 2:
            return False
        last = toks[end - 1]
        if last.poss:
            return True
        if start > 0:
            prev = toks[start - 1].text.casefold()
            prev2 = toks[start - 2].text.casefold() if start > 1 else ""
            if prev in _PERSON_BEFORE or (prev == "to" and prev2 == "according"):
                return True
            if prev in ROLE_NOUNS or prev in TITLE_WORDS:
                return True
        if end < len(toks):
            nxt = toks[end]
            if nxt.text.casefold() in _SPEECH_VERBS:
                return True
            if "," in nxt.gap_before and nxt.text.casefold() in ("a", "the", "who", "an"):
                return True
            if "(" in nxt.gap_before and nxt.upper:  # "Mark Walker (R-N.C.)"
                return True
        if "," in toks[start].gap_before and start > 0:
            prev = toks[start - 1].text.casefold()
            if prev in ROLE_NOUNS or prev in _SPEECH_VERBS:
                return True
        return False

    def _person(
        self, toks: list[_Tok], start: int, end: int, text: str, art: _Article, in_headline: bool
    ) -> _Found:
        surface = text[toks[start].start : toks[end - 1].end]
        key = name_key(surface)
        canonical = art.people.get(key)
        if canonical is None:
            if end - start == 1:
                canonical = art.surnames.get(key, surface)
            else:
                canonical = " ".join(t.text for t in toks[start:end])
                art.people[key] = canonical
                surname = name_key(toks[end - 1].text)
                art.surnames.setdefault(surname, canonical)
                entries = [e for e in self._lookup(surface, art) if e.type == "Person"]
                if entries:
                    art.person_entries[name_key(canonical)] = entries[0]
        return _Found(toks[start].start, toks[end - 1].end, surface, "person", None, canonical,
                      "Person", in_headline)  # fmt: skip

    def _resolve_short(
        self, found: list[_Found], art: _Article, body: str, headline: str, lang: str
    ) -> list[_Found]:
        """Surnames alone ("Putin", "Scholz's", "Trump-Putin") become the full person."""
        # single-token persons from titles ("Chancellor Scholz") take the full name if known
        for f in found:
            if f.kind == "person" and " " not in f.name:
                f.name = art.surnames.get(name_key(f.name), f.name)
        if not art.surnames:
            return found
        out = list(found)
        for text, in_headline in ((body, False), (headline, True)):
            taken = sorted((f.start, f.end) for f in found if f.in_headline == in_headline)
            for line_start, line in _lines(text):
                if _skip_line(line):
                    continue
                for tok in _tokenize(line, line_start):
                    if not tok.cap:
                        continue
                    for part, start in _parts(tok):
                        canonical = art.surnames.get(name_key(part))
                        if canonical is None or _overlaps(taken, start, start + len(part)):
                            continue
                        out.append(
                            _Found(start, start + len(part), part, "short", None, canonical,
                                   "Person", in_headline)  # fmt: skip
                        )
        out.sort(key=lambda f: (f.in_headline, f.start))
        return out


# --- helpers ------------------------------------------------------------------------------------


def _lines(text: str) -> Iterable[tuple[int, str]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line
        pos += len(line)


def _skip_line(line: str) -> bool:
    """All-caps lines (photo credits, shouted headers) and credit lines name no mentions."""
    stripped = line.strip()
    if not stripped:
        return True
    if _CREDIT_LINE.match(stripped):
        return True
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 4:
        upper = sum(1 for c in letters if c.isupper())
        if upper / len(letters) > 0.8:
            return True
    return False


def _tokenize(line: str, offset: int) -> list[_Tok]:
    masked = _URL.sub(lambda m: " " * len(m.group(0)), line)
    toks: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(masked):
        raw = m.group(0)
        start, end = m.start(), m.end()
        if raw[:1].isdigit() or raw[:1] == "_":
            prev_end = end
            toks.append(_Tok(raw, offset + start, offset + end, False, False, False, False,
                             masked[prev_end:start]))  # fmt: skip
            continue
        poss = False
        if len(raw) > 2 and raw[-2:] in ("'s", "’s"):
            raw, end, poss = raw[:-2], end - 2, True
        elif end < len(masked) and masked[end] in "'’" and raw.endswith("s") and raw[:1].isupper():
            poss = end + 1 >= len(masked) or not masked[end + 1].isalnum()  # "Meadows'"
        gap = masked[prev_end:start]
        sent = not toks or _ends_sentence(toks[-1], gap)
        cap = raw[:1].isupper()
        upper = cap and raw.replace(".", "").replace("-", "").isupper() and len(raw) > 1
        toks.append(
            _Tok(raw, offset + start, offset + end, cap, upper, sent, poss, gap)
        )
        prev_end = m.end()
    return toks


def _ends_sentence(prev: _Tok, gap: str) -> bool:
    if any(c in gap for c in "!?:;“\"«—–•|"):
        return True
    if "." in gap:
        return prev.text.casefold().rstrip(".") not in _ABBREVIATIONS and not prev.upper
    return False


def _joined(tok: _Tok) -> bool:
    """Only white space (no punctuation, no line break) separates ``tok`` from the one before."""
    return tok.gap_before.strip() == "" and "\n" not in tok.gap_before


def _is_title_case(toks: list[_Tok]) -> bool:
    words = [t for t in toks if len(t.text) > 3 and t.text.isalpha()]
    if len(words) < 4:
        return False
    return sum(1 for t in words if t.cap) / len(words) >= 0.75


def _weak(tok: _Tok, stops: frozenset[str]) -> bool:
    word = tok.text.casefold()
    return word in FUNCTION_WORDS or word in stops or word in ROLE_NOUNS


def _name_run(toks: list[_Tok], i: int, stops: frozenset[str], lang: str) -> int:
    """End of the run of name-like tokens starting at ``i`` (at most ``MAX_NAME_TOKENS``+1)."""
    j = i
    while j < len(toks) and j - i <= MAX_NAME_TOKENS:
        t = toks[j]
        if j > i and (not _joined(t) or toks[j - 1].poss):
            break
        word = t.text.casefold()
        if t.cap:
            if t.upper and len(t.text) > 3 or not any(c.isalpha() for c in t.text):
                break
            if word in FUNCTION_WORDS or word in stops or word in TITLE_WORDS:
                break
            if t.text in DEMONYMS or word in _ORG_HEADS:
                break
        elif not (word in _PARTICLES and j > i and j + 1 < len(toks) and toks[j + 1].cap):
            break
        j += 1
    while j > i and not toks[j - 1].cap:
        j -= 1
    return j


def _title_run(toks: list[_Tok], i: int, titles: frozenset[str], qualifier: int) -> int:
    """Where a name introduced by a title at ``i`` starts, or -1 when no title is there.

    "[demonym] Title [of Title] Name" ("German Chancellor Olaf Scholz", "Secretary of State X")
    starts the name after the titles; a lower-case role right before ``i`` ("spokesperson Jane
    Doe", "former president Donald Trump") makes the name start at ``i`` itself.
    """
    j = i + qualifier
    k = j
    while k < len(toks) and toks[k].text.casefold() in titles and (k == i or _joined(toks[k])):
        k += 1
        if k + 1 < len(toks) and toks[k].text.casefold() == "of":
            if toks[k + 1].text.casefold() in titles:  # "Secretary of State"
                k += 2
    if k > j:
        return k
    if i > 0 and _joined(toks[i]) and not toks[i - 1].cap:
        word = toks[i - 1].text.casefold()
        if word in titles and word in ROLE_NOUNS:
            return i
    return -1


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
    return any(s < end and start < e for s, e in spans)


def _case_ok(entry: KBEntry, surface: str) -> bool:
    """An all-caps KB name ("WHO", "AP") matches only all-caps text; others need a capital."""
    key = name_key(surface)
    for name in entry.names():
        if name_key(name) != key:
            continue
        if name.replace(".", "").isupper() and len(name) <= 6:
            if surface.replace(".", "") == name.replace(".", ""):
                return True
        elif surface[:1].isupper() or not name[:1].isupper():
            return True
    return False


def _pick(entries: list[KBEntry], mode: Mode, lang: str) -> KBEntry | None:
    """The best-scored entry; people from a KB only where capitals mark names reliably."""
    for entry in entries:
        if entry.type == "Person" and mode == "title" and len(entries) > 1:
            continue
        return entry
    return None


def _country_by_code(
    code: str, kbs: list[KnowledgeBase], art: _Article, rec: RuleRecognizer
) -> KBEntry | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    names = [getattr(country, "common_name", None), getattr(country, "name", None)]
    for name in names:
        if name:
            for entry in rec._lookup(name, art):
                if entry.type == "Country":
                    return entry
    return None


def _to_mentions(found: list[_Found], art: _Article, base_iri: str) -> list[Mention]:
    entities: dict[tuple[str, str], Entity] = {}
    mentions: list[Mention] = []
    for f in found:
        entry = f.entry
        if entry is None and f.kind in ("person", "short"):
            entry = art.person_entries.get(name_key(f.name))
        if entry is not None:
            key = (kind_of(entry.type), "kb:" + (entry.id or name_key(entry.label)))
            entity = entities.get(key)
            if entity is None:
                entity = Entity(
                    type=entry.type,
                    name=entry.label,
                    iri=entity_iri(base_iri, entry.type, entry.label),
                    same_as=list(entry.same_as),
                    description=entry.description if entry.description != "capital" else None,
                )
                entities[key] = entity
        else:
            key = (kind_of(f.type), name_key(f.name))
            entity = entities.get(key)
            if entity is None:
                entity = Entity(type=f.type, name=f.name, iri=entity_iri(base_iri, f.type, f.name))
                entities[key] = entity
        mentions.append(Mention(entity, f.start, f.end, f.surface, f.in_headline))
    return mentions


# --- entry points -------------------------------------------------------------------------------


@cache
def starter_kb() -> KnowledgeBase:
    data = resources.files("jsonld_news").joinpath("data/starter_kb.jsonl").read_bytes()
    return KnowledgeBase.from_bytes(data, "starter_kb.jsonl")


@cache
def default_recognizer() -> RuleRecognizer:
    """The offline recognizer with the starter KB only; built once per process."""
    return RuleRecognizer([starter_kb()])


def load_recognizer(kb_path: str | None) -> RuleRecognizer:
    """The offline recognizer with the user's KB (if any) consulted before the starter KB."""
    if kb_path is None:
        return default_recognizer()
    return RuleRecognizer([KnowledgeBase.load(kb_path), starter_kb()])


def entities_table(mentions: list[Mention]) -> list[dict[str, str]]:
    """One row per occurrence, for ``jsonld-news entities``: what, type, where, linked IRI."""
    rows = []
    for m in mentions:
        rows.append(
            {
                "surface": m.surface,
                "name": m.entity.name,
                "type": m.entity.type,
                "where": f"{'headline' if m.in_headline else 'body'}:{m.start}-{m.end}",
                "iri": m.entity.iri,
                "sameAs": " ".join(m.entity.same_as),
            }
        )
    return rows


def recognize_text(
    headline: str, body: str, language: str | None = None, base_iri: str = DEFAULT_BASE_IRI
) -> list[Mention]:
    """Convenience for tools and tests: the default recognizer on one article."""
    return default_recognizer().recognize(headline, body, language=language, base_iri=base_iri)


__all__ = [
    "RuleRecognizer",
    "default_recognizer",
    "entities_table",
    "load_recognizer",
    "recognize_text",
    "starter_kb",
]
