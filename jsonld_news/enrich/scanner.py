"""The main pass: one scan over each line of tokens that applies the name rules and the KB
lookups in order of trust, and records the people it finds for the short-form pass."""

from __future__ import annotations

import re
from collections.abc import Iterable

from jsonld_news.enrich.findings import (
    ArticleState,
    Found,
    add_surname,
    fold_name,
    local_region,
    same_given_name,
)
from jsonld_news.enrich.frequent_words import function_word, very_frequent_word
from jsonld_news.enrich.linking import STRICT_CITY_BEFORE, KBLinker
from jsonld_news.enrich.name_rules import (
    TitleRuns,
    complement_name,
    context_cue,
    embedded_place,
    eponym_business,
    generic_split,
    lower_head_org,
    may_be_org,
    name_run,
    newspaper_after,
    org_run,
    plural_possessive,
    romance_org,
    title_run,
    title_word,
    weak_word,
    with_dot,
)
from jsonld_news.enrich.names import (
    common_word,
    given_name,
    language_name,
    place_compound,
    subdivision_name,
    surname,
    word_like_given_name,
)
from jsonld_news.enrich.rule_words import (
    ADMIN_UNITS,
    AP_STATES,
    CALENDAR_WORDS,
    CONNECTORS,
    COORDINATORS,
    DIRECTIONS,
    FEATURE_WORDS,
    FEATURES_BEFORE,
    FRENCH_LOWER_HEADS,
    GERMAN_DETERMINERS,
    GERMAN_GENERIC_PREFIXES,
    GERMAN_ORG_ENDINGS,
    GERMAN_STATE_NOUNS,
    LANDMARK_WORDS,
    NAME_LIKE_TYPES,
    ORG_HEADS,
    PARTICLES,
    ROMANCE_HEADS,
    STREET_WORDS,
    TITLES_BY_LANG,
    word_set,
)
from jsonld_news.enrich.tokens import ABBREVIATIONS, Line, Mode, Token, index_after
from jsonld_news.gazetteer import DEMONYMS, FUNCTION_WORDS, STATE_NOUNS, TITLE_WORDS
from jsonld_news.identity import kind_of
from jsonld_news.kb import KBEntry


class RuleScanner(KBLinker):
    """The scan of lines for names: titles, KB names, organisation runs, context cues."""

    def _scan(
        self, lines: list[Line], text: str, lang: str, art: ArticleState, *, in_headline: bool
    ) -> list[Found]:
        found: list[Found] = []
        for line in lines:
            line_found = list(self._scan_line(line.toks, text, line.mode, lang, art))
            if lang == "en" and line.mode == "full" and line_found:
                for town in _towns_before_states(line.toks, text, line_found):
                    self._known_town(town, art)
                    line_found.append(town)
            for f in line_found:
                f.in_headline = in_headline
                found.append(f)
        return found

    def _scan_line(
        self, toks: list[Token], text: str, mode: Mode, lang: str, art: ArticleState
    ) -> Iterable[Found]:
        titles = TITLES_BY_LANG.get(lang, frozenset())
        english = lang == "en"
        n = len(toks)
        pending: dict[int, int] = {}  # name start -> end, for names found ahead of the scan
        runs = TitleRuns()
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
                    i += 1  # lower-case words only matter around names: on to the next capital
                    while i < n and not toks[i].cap:
                        i += 1
                    continue
                if not english and tok.lower in titles and i + 1 < n:
                    start, end = complement_name(toks, i + 1)
                    if end > start and not self._not_a_name(toks, start, end, text, art):
                        pending[start] = end
                elif lang == "fr" and mode == "strict" and tok.lower in FRENCH_LOWER_HEADS:
                    org = lower_head_org(toks, i, text)  # "ministère de l’Emploi"
                    if org is not None:
                        yield org
                        i = index_after(toks, i, org.end)
                        continue
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
            alone = nxt is None or tok.poss or not nxt.joined or not nxt.cap
            if alone and nxt is not None and nxt.joined and nxt.lower in CONNECTORS:
                alone = False  # "Bank of England"
            if alone and nxt is not None and nxt.lower in PARTICLES and _two_particles(toks, i + 1):
                alone = False  # "Ursula von der Leyen"
            elif (
                alone
                and lang in _PARTICLE_NAME_LANGUAGES
                and nxt is not None
                and nxt.lower in PARTICLES
                and _one_particle(toks, i)
            ):
                alone = not given_name(tok.text, lang)  # "Marielle de Sarnez"
            if alone and tok.poss and nxt is not None and nxt.cap:
                # "Citizens’ Independent ... Trust", "Aisha's Salon and Spa"
                alone = not (plural_possessive(tok, text) or eponym_business(toks, i))
            name_start = -1
            word = tok.lower
            if (
                qualifier
                or (i > 0 and toks[i - 1].lower in titles)
                or word in titles
                or (("-" in word or "." in word) and title_word(word, titles))
            ):
                name_start = title_run(toks, i, titles, qualifier, english, runs)
            if name_start >= 0:
                name_start, name_end = self._title_name(toks, name_start, lang, text, art)
                if name_end > name_start and not _title_evidence(
                    toks, name_start, name_end, mode, art
                ):
                    name_end = name_start
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
            if alone and (word in art.calendar or (word in FUNCTION_WORDS and not tok.upper)):
                i += 1  # "The", "However", "Friday" alone: never a name ("US", "WHO" may be)
                continue
            # 2. an administrative division ("Napa County", "Gangwon Province"), unless an
            # organisation's name runs past it ("Napa County Board of Supervisors")
            if english and not alone and mode == "full":
                area = self._admin_area(toks, i, text, art)
                if area is not None:
                    org = org_run(toks, i, text, art.calendar)
                    if org is not None and org.end > area.end:
                        yield self._qualified(org, toks, i, text, art)
                        i = index_after(toks, i, org.end)
                    else:
                        yield area
                        i = index_after(toks, i, area.end)
                    continue
            # 2. a natural feature or area ("Lake Berryessa", "Korean Peninsula")
            if english and not alone and mode == "full":
                feature = self._feature(toks, i, text, art)
                if feature is not None:
                    yield feature
                    i = index_after(toks, i, feature.end)
                    continue
            # 2. a given name and a surname ("Angela Bolger", "Jordan Peterson")
            if not alone and mode not in ("title", "dateline"):
                end = self._given_name_run(toks, i, text, lang, art)
                if end > i:
                    yield self._person(toks, i, end, text, art)
                    i = end
                    continue
            if english and tok.gap_before == ", " and i > 0 and toks[i - 1].cap:
                state = self._ap_state(toks, i, text, art)  # "NAPA COUNTY, Calif."
                if state is not None:
                    yield state
                    i += 1
                    continue
            if english and i > 0 and tok.upper and _call_sign(toks, i):
                # "HOUSTON, Texas (KTRK) --": a US station's call sign after a dateline's place
                yield Found(
                    tok.start, tok.end, tok.text, "org", None, tok.text, "NewsMediaOrganization"
                )
                i += 1
                continue
            # 3. a knowledge-base name, unless an organisation name runs past it
            hit = self._kb_at(toks, i, text, mode, lang, art, alone)
            org = None
            if english and mode == "full" and not alone:
                org = org_run(toks, i, text, art.calendar)
            if org is not None and hit is not None and _coordinated(hit, toks, i):
                org = None  # "Air France and British Airways": the KB's name, then another
            if org is not None and (hit is None or org.end > hit.end):
                county = _county_short(org, text, art)
                if county is not None:  # "Napa Co." beside "Napa County": the county
                    yield county
                    i = index_after(toks, i, org.end)
                    continue
                end = index_after(toks, i, org.end)
                pair = self._two_names(org, toks, i, end, text, art)
                if pair is not None:  # "Air France and British Airways"
                    yield from pair
                    i = end
                    continue
                org = self._field_after(org, toks, end, text, art)
                yield self._qualified(org, toks, i, text, art)
                i = index_after(toks, i, org.end)
                continue
            if hit is not None:
                after = i + 1 if tok.end >= hit.end else index_after(toks, i, hit.end)
                if english and hit.type in _COMPOUND_PLACES and _place_compound(hit, toks, after):
                    i = after + 1  # "Brussels sprouts", "a Panama hat": no mention of the place
                    continue
                if english and hit.type in ("City", "Place") and _unit_after(toks, after):
                    yield _region_of(hit.start, hit.end, text)  # "the Donetsk region"
                    i = after + 1
                    continue
                if english and hit.type == "City" and after < len(toks):
                    club = self._club_by_city(hit, toks, i, after, art)
                    if club is not None:  # "Barcelona have agreed a fee": FC Barcelona
                        yield club
                        i = after
                        continue
                paper = newspaper_after(hit, toks, i, after, text) if english else None
                if paper is not None:  # "the Des Moines Register"
                    yield paper
                    i = index_after(toks, i, paper.end)
                    continue
                if (hit.type in NAME_LIKE_TYPES or hit.type == "Country") and embedded_place(
                    hit, toks, i, after, mode, lang
                ):
                    team = _team_after(hit, toks, i, after, text, art) if english else None
                    if team is not None:  # "Boston Celtics"
                        yield team
                        i = after + 1
                        continue
                    region = self._subdivision(toks, i, text, art)
                    if region is not None:  # "Cerro Largo", not the city Cerro
                        yield region
                        i = index_after(toks, i, region.end)
                        continue
                    i = after  # "Real Madrid", "Kobe Hospital": the city names something else
                    continue
                if hit.end == tok.end and hit.type != "Person":
                    person = self._person_by_surname(tok, art)
                    if person is not None:  # "Bloomberg" after "Michael R. Bloomberg"
                        yield person
                        i += 1
                        continue
                if english and hit.end == toks[i].end and toks[i].text in DEMONYMS:
                    pass  # a demonym alone is no country; see _demonym_phrase
                else:
                    region = self._region_after(hit, toks, after, text, mode, lang, art)
                    yield hit
                    i = after
                    if region is not None:  # "Atlanta, Georgia": the state that holds the city
                        yield region
                        i = index_after(toks, i, region.end)
                    continue
            if english and toks[i].text in DEMONYMS:
                country = self._demonym_phrase(toks, i, art)
                if country is not None:
                    yield country
                i += 1
                continue
            if lang == "de" and mode == "strict":
                body = _german_compound_body(tok, art)  # "Burgtheater", "Staatsoper"
                if body is not None and "-" in tok.text and i > 0 and tok.joined:
                    body = _eponym_compound(body, toks[i - 1], text, art)
                if body is not None and nxt is not None and nxt.cap and nxt.joined:
                    body = self._german_seat(body, toks, i, text, art)  # "Polizei Hildesheim"
                elif body is not None and body.surface.lower() in GERMAN_ORG_ENDINGS:
                    body = None  # "die Polizei": the kind alone names no body
                elif body is not None:
                    body = _german_scope(body, toks, i, text)  # "Landesverband des ..."
                if body is not None:
                    yield body
                    i = index_after(toks, i, body.end)
                    continue
                if "-" in tok.text and not tok.upper:
                    found = self._acronym_compound(tok, art)  # "CDU-Vorsitzende"
                    if found is not None:
                        yield found
                        i += 1
                        continue
                if nxt is not None and nxt.cap and nxt.joined and _SEAT_ISCH.search(tok.lower):
                    found = self._seat_isch_body(tok, nxt, text, art)  # "Bayerischer Landtag"
                    if found is not None:
                        yield found
                        i += 2
                        continue
                if nxt is not None and nxt.cap and nxt.joined and tok.lower.endswith("er"):
                    found = self._seat_adjective_body(tok, nxt, text, art)  # "Thüringer Landtag"
                    if found is not None:
                        yield found
                        i += 2
                        continue
            if lang in ("fr", "es") and mode == "strict" and not tok.sent_start:
                org = romance_org(toks, i, text)
                if org is not None:
                    yield org
                    i = index_after(toks, i, org.end)
                    continue
            # 4. capitalised runs that context marks as a person or an organisation
            if english and mode == "full" and (not alone or may_be_org(toks, i)):
                found = self._contextual(toks, i, text, art)
                if found is not None:
                    yield found
                    i = index_after(toks, i, found.end)
                    continue
            # 5. a region of ISO 3166-2 ("Guanajuato") that no KB knows: a place, local to the
            # article
            if (english and mode == "full") or (lang in _NAME_LANGUAGES and mode == "strict"):
                found = self._subdivision(toks, i, text, art)
                if found is not None:
                    yield found
                    i = index_after(toks, i, found.end)
                    continue
            # 6. a name no KB knows before a region's word ("the Guizhou province"), or after
            # "in" or "near": a place, local to the article
            if (
                english
                and mode == "full"
                and alone
                and _unit_after(toks, i + 1)
                and not (common_word(tok.text) or given_name(tok.text, lang) or tok.upper)
            ):
                yield _region_of(tok.start, tok.end, text)
                i += 2
                continue
            if english and mode == "full" and i > 0 and toks[i - 1].lower in _PLACE_BEFORE:
                found = self._locative_place(toks, i, text, art)
                if found is not None:
                    yield found
                    i = index_after(toks, i, found.end)
                    continue
            i += 1

    def _qualifier(self, toks: list[Token], i: int, art: ArticleState) -> int:
        """Tokens at ``i`` that qualify a title: "German", "U.S.", "South Korean"."""
        if toks[i].text in DEMONYMS:
            return 1
        if i + 1 < len(toks) and f"{toks[i].text} {toks[i + 1].text}" in DEMONYMS:
            return 2
        if not toks[i].poss and any(e.type == "Country" for e in self._lookup(toks[i].text, art)):
            return 1
        return 0

    def _title_name(
        self, toks: list[Token], start: int, lang: str, text: str, art: ArticleState
    ) -> tuple[int, int]:
        """The name after a title: right there, or in German/French/Spanish after a complement
        and a comma ("le ministre des Transports François Durovray", "la presidenta de México,
        Claudia Sheinbaum")."""
        if (
            lang != "en"
            and 0 < start < len(toks)
            and toks[start].sent_start
            and not toks[start].joined
        ):
            return start, start  # "den französischen Präsidenten. Wladimir ...": a new sentence
        end = name_run(toks, start, art.calendar)
        if lang != "en" and end - start > 2:
            end = self._names_end(toks, start, end, art)  # "Wladimir Putins Krieg"
        named = end > start and not self._not_a_name(toks, start, end, text, art)
        if named and (lang == "en" or end - start >= 2):
            return start, end
        if lang == "en":
            return start, start
        return complement_name(toks, start)

    def _not_a_name(
        self, toks: list[Token], start: int, end: int, text: str, art: ArticleState
    ) -> bool:
        """The run is a KB place or organisation as a whole, or starts with a country/org."""
        if self._non_person(toks[start], art):
            return True
        whole = self._lookup(text[toks[start].start : toks[end - 1].end], art)
        return any(e.type != "Person" for e in whole)

    def _demonym_phrase(self, toks: list[Token], i: int, art: ArticleState) -> Found | None:
        """ "the Russian government": a lower-case state noun after a demonym names the country."""
        if i + 1 >= len(toks) or not toks[i + 1].joined or toks[i].poss:
            return None
        if toks[i + 1].lower not in STATE_NOUNS:
            return None
        country = self._country(DEMONYMS[toks[i].text], art)
        if country is None:
            return None
        tok = toks[i]
        return Found(tok.start, tok.end, tok.text, "kb", country, country.label, country.type)

    def _contextual(self, toks: list[Token], i: int, text: str, art: ArticleState) -> Found | None:
        """A capitalised run that its neighbours mark as a person or an organisation."""
        start = i + 1 if toks[i].sent_start and weak_word(toks[i], art.calendar) else i
        if start >= len(toks) or not toks[start].cap:
            return None
        end = name_run(toks, start, art.calendar)
        acronym = end == start and toks[start].upper and toks[start].text.isalpha()
        if acronym:
            end = start + 1  # "LVMH", "MIT": an organisation's, if the context says so
        # a KB place or organisation inside ends the run: "Rival Alphabet", "Tory MPs"
        for j in range(start, end):
            if j > start and self._non_person(toks[j], art):
                end = j
                break
        if end <= start or self._not_a_name(toks, start, end, text, art):
            return None
        cue = context_cue(toks, start, end)
        if cue is None or (acronym and cue == "Person"):
            return None
        if cue != "Person":
            while end + 1 < len(toks) and toks[end].lower in CONNECTORS and toks[end + 1].cap:
                if not (toks[end].joined and toks[end + 1].joined):
                    break
                run = name_run(toks, end + 1, art.calendar)
                end = run if run > end + 1 else end + 2
            surface = text[toks[start].start : toks[end - 1].end]
            return Found(toks[start].start, toks[end - 1].end, surface, "org", None, surface, cue)
        if art.lang != "en" and end - start > 2:
            end = self._names_end(toks, start, end, art)  # "Wladimir Putins Krieg gegen ..."
        if end - start < 2:
            return None
        if toks[start].sent_start and any(t.upper for t in toks[start:end]):
            return None
        if _people_word(toks[end - 1]):
            return None  # "by Indigenous Peoples": a group, not a person
        last = toks[end - 1].lower
        if last in STREET_WORDS or (last in LANDMARK_WORDS and not given_name(toks[start].text)):
            return None  # "Main Street's shops", "on Capitol Hill, who": places, not people
        return self._person(toks, start, end, text, art)

    def _person(
        self, toks: list[Token], start: int, end: int, text: str, art: ArticleState
    ) -> Found:
        stop = with_dot(toks[end - 1], text)  # "Kelly Oubre Jr."
        after = toks[end] if end < len(toks) else None
        if (
            art.lang == "de"
            and end - start >= 2
            and _german_genitive(toks[end - 1].text, art, after)
        ):
            stop -= 1  # "Wladimir Putins Krieg": the name is "Wladimir Putin"
        surface = text[toks[start].start : stop]
        key = fold_name(surface)
        canonical = art.people.get(key)
        last = end - 1
        if last > start and toks[last].lower in _NAME_SUFFIXES:
            last -= 1  # the surname is before "Jr.", "III"
        if canonical is None:
            if end - start == 1:
                canonical = art.surnames.get(key) or surface
            else:
                canonical = " ".join(surface.split())
                known = art.surnames.get(fold_name(toks[last].text))
                if known and " " in known and same_given_name(known, canonical):
                    canonical = known  # "Michael Bloomberg" after "Michael R. Bloomberg"
                art.people[key] = canonical
                add_surname(art, toks[last].text, canonical)
                entries = [e for e in self._lookup(surface, art) if e.type == "Person"]
                if entries:
                    art.person_entries[fold_name(canonical)] = entries[0]
        return Found(toks[start].start, stop, surface, "person", None, canonical)

    def _given_name_run(
        self, toks: list[Token], i: int, text: str, lang: str, art: ArticleState
    ) -> int:
        """End of a person's name that opens with a known given name and goes on with
        name-like words, or -1. Where a word is also a common English word ("Will", "Rich"),
        the other must be a known surname ("Will Smith", "Jim Rich", not "Best Buy"); streets,
        organisations and KB places as a whole are no people ("Main Street", "Santa Ana")."""
        first = toks[i]
        if lang not in _NAME_LANGUAGES:
            return -1  # other languages: KB names only
        if first.upper or not given_name(first.text, lang) or weak_word(first, art.calendar):
            return -1
        if first.lower in TITLE_WORDS or first.text in DEMONYMS or first.lower in ORG_HEADS:
            return -1
        if first.lower in ROMANCE_HEADS:
            return -1  # "Ministerio Público": the name data holds such words as given names
        if any(kind_of(e.type) == "organization" for e in self._lookup(first.text, art)):
            return -1  # "Apple TV": a company's name opens no person's
        if art.writes_lower(first.lower):
            return -1  # the article writes it in lower case: a word here ("Im", "Wie", "Will")
        english = lang == "en"
        if (
            english
            and i > 0
            and toks[i - 1].cap
            and (first.joined or toks[i - 1].lower in ABBREVIATIONS)
        ):
            prev = toks[i - 1]
            if not (
                weak_word(prev, art.calendar)
                or title_word(prev.lower, TITLE_WORDS)
                or prev.text in DEMONYMS
            ):
                return -1  # inside a longer name: "St. Louis Park", "Fondation Louis Vuitton"
        end = name_run(toks, i, art.calendar)
        if not english and end - i > 2:
            end = self._names_end(toks, i, end, art)
        if end - i < 2 or end - i > _MAX_GIVEN_RUN + sum(not t.cap for t in toks[i:end]):
            return -1
        last = toks[end - 1]
        if _people_word(last):
            return -1  # "African Americans", "Indigenous Peoples": a group, not a person
        if lang == "de" and "-" in last.text and _german_compound_body(last, art) is not None:
            return -1  # "Robert Koch-Institut": a body named after a person
        if not english and first.sent_start and very_frequent_word(first.text, lang):
            return -1  # "Ahora Bustos asegura ...": a sentence opens with a frequent word
        if (
            not english
            and function_word(first.text, lang)
            and (first.sent_start or not surname(last.text))
        ):
            return (
                -1
            )  # "Seit Tagen", "Wo Menschen", "Dass Elder ...": a frequent word of the language
        if lang == "de" and i > 0 and first.joined and _german_determiner(toks[i - 1]):
            return -1  # "drei Tage Ruhe", "dem Land Niedersachsen": German nouns take these
        titles = TITLES_BY_LANG.get(lang, frozenset())
        two = _two_particles(toks, i + 1)
        for t in toks[i + 1 : end]:
            if two and not t.cap:
                continue  # "von der Leyen"; one particle alone must not be a word of the text
            if not t.cap and end - i == 3 and self._particle_name(toks, i, end, lang, art):
                continue  # "Marielle de Sarnez", "Lothar de Maizière"
            if t.lower in STREET_WORDS or art.writes_lower(t.lower) or _SAINT.match(t.text):
                return -1
            if t.lower in titles:
                return -1  # "Wie Sprecher Stefan Gobbin": the name starts after the title
            if not english and _NOUN_ENDING.search(t.lower) and not surname(t.text):
                return -1  # a German, French or Spanish noun: "Kiel Abmahnungen" (not "Jung")
        rest = text[toks[i + 1].start : last.end]
        if any(kind_of(e.type) == "place" for e in self._lookup(rest, art)) and end - i > 2:
            return -1  # "Western North Carolina"
        if subdivision_name(text[first.start : last.end]):
            return -1  # "Mato Grosso": a state of ISO 3166-2
        if (
            not english
            and common_word(first.text)
            and common_word(last.text)
            and not surname(last.text)
        ):
            return -1  # English words in other text: "Short Track", "Ski Freestyle"
        word1 = english and (word_like_given_name(first.text) or common_word(first.text))
        word2 = english and (common_word(last.text) or last.lower in LANDMARK_WORDS)
        if word1 and (
            word2 or any(kind_of(e.type) == "place" for e in self._lookup(last.text, art))
        ):
            return -1  # "Best Buy", "Real Madrid"
        # a country's name ends no person's ("Chad Jordan" needs "Jordan" known as a surname);
        # a company's may ("Michael R. Bloomberg", "Ralph Lauren")
        place_last = any(e.type in ("Country", "Continent") for e in self._lookup(last.text, art))
        org_last = not place_last and self._non_person(last, art)
        # a given name that is also a word ("Jimmy", "Will") before a capitalised word that is
        # neither a word nor a known name is still a person's: "Jimmy Buffett"
        if (word2 or place_last or (org_last and word1)) and not surname(last.text):
            return -1
        surface = text[first.start : last.end]
        if any(kind_of(e.type) != "person" for e in self._lookup(surface, art)):
            return -1  # "Santa Ana", "Charlotte Hornets" as a whole
        plural = end - i == 2 and last.text.endswith("s") and not surname(last.text)
        if plural and any(e.type in ("City", "State") for e in self._lookup(first.text, art)):
            return -1  # "Carolina Panthers": a place and a plural, a club (_team_after)
        if end < len(toks) and toks[end].joined and toks[end].lower in ORG_HEADS:
            return -1  # "Morgan Stanley Bank": the organisation rule decides
        return end

    def _known_town(self, town: Found, art: ArticleState) -> None:
        """A town before its state's comma that the KB knows in that state ("PORTLAND, Ore."
        where a sentence start kept the KB from it): the KB's city, so that it has one IRI."""
        state = (town.iri_name or "").rpartition(", ")[2]
        codes = {c for e in self._lookup(state, art) if e.type == "State" for c in e.codes}
        for entry in self._lookup(town.surface, art):
            if entry.type == "City" and codes & set(entry.within):
                _set_entry(town, entry)
                town.kind, town.iri_name, town.resolved = "kb", None, True
                return

    def _german_seat(
        self, body: Found, toks: list[Token], i: int, text: str, art: ArticleState
    ) -> Found | None:
        """German names a body by its kind and its seat: "Polizei Hildesheim", "Landgericht
        Köln", "Universität Wien", "Polizei Bad Salzdetfurth". The seat is a KB place or a
        spa or saint's town ("Bad X", "Sankt X"); a body so qualified is no longer local."""
        k = i + 1
        end = k + 1
        if toks[k].text in _GERMAN_TOWN_PREFIXES and k + 1 < len(toks) and toks[k + 1].cap:
            end = k + 2
        elif not any(kind_of(e.type) == "place" for e in self._lookup(toks[k].text, art)):
            return None  # "die Polizei Ermittlungen": a noun follows, no seat
        stop = toks[end - 1].end
        surface = text[body.start : stop]
        return Found(body.start, stop, surface, "org", None, surface, body.type)

    def _seat_adjective_body(
        self, tok: Token, nxt: Token, text: str, art: ArticleState
    ) -> Found | None:
        """German names a body by its seat's adjective in "-er", which never inflects, and its
        kind: "Thüringer Landtag", "Berliner Senat", "Kölner Polizei", "des Münchner Stadtrats".
        The adjective is a KB place's or an ISO 3166-2 region's name with "-er" ("Berlin",
        "Thüringen", "München"); the
        kind is a body noun (``GERMAN_SEAT_BODIES``) or a body compound ("Staatsoper")."""
        body = self._seat_noun(nxt, art)
        if body is None:
            return None
        kind, noun = body
        adjective = tok.text
        stems = (adjective[:-2], adjective[:-2] + "en", adjective[:-3] + "en")  # Thüringen, München
        if not self._seat(stems, art, 2):
            return None
        name = f"{adjective} {noun}"
        return Found(tok.start, nxt.end, text[tok.start : nxt.end], "org", None, name, kind)

    def _seat_isch_body(self, tok: Token, nxt: Token, text: str, art: ArticleState) -> Found | None:
        """A state's "-isch" adjective and a body noun: "Bayerischer Landtag", "der
        Hamburgischen Bürgerschaft", "die Sächsische Staatsregierung". The adjective declines,
        so the name is the nominative a body's name is cited in, its ending by the noun's gender
        ("Hamburgische Bürgerschaft" for "der Hamburgischen Bürgerschaft"); a noun whose gender
        its ending does not tell is left alone. The seat is an ISO 3166-2 region or a KB place
        other than a country or continent ("Österreichische Regierung" names no seat's body)."""
        match = _SEAT_ISCH.search(tok.text.lower())
        if match is None:
            return None
        base = tok.text[: match.start()]  # "Bayer", "Hamburg", "Sächs"
        plain = base.translate(_DEUMLAUT)
        if not self._seat((base, base + "n", base + "en", plain, plain + "en"), art, 3):
            return None
        body = self._seat_noun(nxt, art)
        if body is None:
            return None
        kind, noun = body
        gender = _german_gender(noun.lower())
        if gender is None:
            return None
        name = f"{base}isch{_STRONG_ENDINGS[gender]} {noun}"
        return Found(tok.start, nxt.end, text[tok.start : nxt.end], "org", None, name, kind)

    def _seat(self, stems: tuple[str, ...], art: ArticleState, shortest: int) -> bool:
        """One of the adjective's stems (longer than ``shortest``) names a seat: an ISO 3166-2
        region ("Thüringen", "Tirol") or a KB place other than a country or continent."""
        return any(
            subdivision_name(stem)
            or any(
                kind_of(e.type) == "place" and e.type not in ("Continent", "Country")
                for e in self._lookup(stem, art)
            )
            for stem in stems
            if len(stem) > shortest
        )

    def _seat_noun(self, nxt: Token, art: ArticleState) -> tuple[str, str] | None:
        """A body noun in the nominative (the genitive's "-s" cut) and its type, or None."""
        word = nxt.lower
        kind = GERMAN_SEAT_BODIES.get(word)
        if kind is not None:
            return kind, nxt.text
        if word.endswith("s"):
            for cut in (1, 2):
                kind = GERMAN_SEAT_BODIES.get(word[:-cut])
                if kind is not None:
                    return kind, nxt.text[:-cut]
        body = _german_compound_body(nxt, art)
        return None if body is None else (body.type, body.name)

    def _ap_state(self, toks: list[Token], i: int, text: str, art: ArticleState) -> Found | None:
        """A US state as the AP abbreviates it after a town's comma: "Napa, Calif.", "N.C."."""
        tok = toks[i]
        dotted = tok.text.endswith(".") or text[tok.end : tok.end + 1] == "."
        name = AP_STATES.get(tok.text.rstrip("."))
        if name is None or not dotted:
            return None
        states = [e for e in self._lookup(name, art) if e.type == "State"]
        if not states:
            return None
        end = tok.end + (not tok.text.endswith("."))
        return Found(
            tok.start, end, text[tok.start : end], "kb", states[0], states[0].label, "State"
        )

    def _feature(self, toks: list[Token], i: int, text: str, art: ArticleState) -> Found | None:
        """ "Lake Berryessa", "Mount Kenya", "Korean Peninsula", "Essequibo Coast", "Bay Area":
        a name with the generic word of a natural feature or area before or after it."""
        first = toks[i]
        if first.upper or first.poss or weak_word(first):
            return None
        end = name_run(toks, i)
        if end - i < 2 or end - i > 4 or toks[end - 1].upper:
            return None
        if first.lower.rstrip(".") in FEATURES_BEFORE:
            if toks[i + 1].lower in FEATURE_WORDS or toks[i + 1].lower in FEATURES_BEFORE:
                return None
        elif toks[end - 1].lower not in FEATURE_WORDS:
            return None
        if end < len(toks) and toks[end].joined and toks[end].lower in ORG_HEADS:
            return None  # "Lake County Board": an organisation's name
        surface = text[first.start : toks[end - 1].end]
        if self._lookup(surface, art):
            return None  # the KB's ("Persian Gulf", "West Bank")
        place = Found(first.start, toks[end - 1].end, surface, "place", None, surface, "Place")
        place.local = True
        return place

    def _subdivision(self, toks: list[Token], i: int, text: str, art: ArticleState) -> Found | None:
        """A region of ISO 3166-2 (pycountry) that no KB or rule claimed: "Guanajuato". Words,
        given names and surnames are left alone ("Central", "Victoria", "Kent")."""
        tok = toks[i]
        if tok.upper or (tok.poss and i + 1 < len(toks) and toks[i + 1].cap):
            return None
        prev = toks[i - 1].lower if i > 0 and toks[i].joined else ""
        if art.lang != "en":
            # every German noun is capitalised, and a region's name may be a word ("Paro"):
            # a locative before it ("in Thüringen"), or the word for a German state ("Land
            # Niedersachsen", "Freistaat Thüringen")
            if prev not in STRICT_CITY_BEFORE and prev not in GERMAN_STATE_NOUNS:
                return None
        elif i > 0 and toks[i].joined and toks[i - 1].cap and not toks[i - 1].sent_start:
            return None
        if i + 1 < len(toks) and toks[i + 1].joined and toks[i + 1].cap:
            return self._subdivision_words(toks, i, text, art)  # "La Araucanía", "Cerro Largo"
        word = tok.text
        if len(word) < 4 or not subdivision_name(word):  # first: the rarest, so the cheapest
            return None
        if common_word(word) or given_name(word, art.lang) or surname(word):
            return None
        if self._lookup(word, art):
            return None
        return local_region(tok.start, tok.end, word)

    def _particle_name(
        self, toks: list[Token], i: int, end: int, lang: str, art: ArticleState
    ) -> bool:
        """A given name, one particle and a surname, the particle being a word of the text too
        ("Marielle de Sarnez"): only with a given name of the language's top names first and, last,
        a capitalised word that is no KB place or body and no common word ("Gare de Lyon",
        "Claire de Lune" are none)."""
        if lang not in _PARTICLE_NAME_LANGUAGES:
            return False
        first, particle, last = toks[i], toks[i + 1], toks[i + 2]
        if particle.lower not in PARTICLES or last.upper or not last.cap:
            return False
        if not given_name(first.text, lang) or word_like_given_name(first.text):
            return False
        if common_word(last.text) or function_word(last.text, lang):
            return False
        return not any(e.type != "Person" for e in self._lookup(last.text, art))

    def _subdivision_words(
        self, toks: list[Token], i: int, text: str, art: ArticleState
    ) -> Found | None:
        """A region of ISO 3166-2 named by two or three capitalised words after a place's
        preposition, the whole run and no more ("a La Araucanía", "el departamento de Cerro
        Largo"), that no KB knows."""
        if art.lang == "en" and not (
            i > 0 and toks[i].joined and toks[i - 1].lower in _PLACE_BEFORE
        ):
            return None  # in English too, a place's preposition first ("in Nuevo León")
        end = i + 1
        while end < len(toks) and end - i < 3 and toks[end].joined and toks[end].cap:
            end += 1
        if end < len(toks) and toks[end].joined and toks[end].cap:
            return None  # a longer name runs on
        if any(t.upper or t.poss for t in toks[i : end - 1]):
            return None
        surface = text[toks[i].start : toks[end - 1].end]
        if not subdivision_name(surface) or self._lookup(surface, art):
            return None
        if art.lang == "en" and given_name(toks[i].text, "en") and surname(toks[end - 1].text):
            return None  # a person's name that a region shares (other languages ask for "in")
        return local_region(toks[i].start, toks[end - 1].end, surface)

    def _names_end(self, toks: list[Token], i: int, end: int, art: ArticleState) -> int:
        """Where a German, French or Spanish name run really ends: every noun is capitalised
        in German, so past the second word each word must be a known given name or surname
        ("Jon Prosser Renderings" is "Jon Prosser"), and a name's genitive ("Wladimir Putins
        Krieg") ends it."""
        words = 1  # name words so far; particles ("de", "von der") are not counted
        for k in range(i + 1, end):
            tok = toks[k]
            words += tok.cap or tok.lower not in PARTICLES or tok.lower == "y"
            after = toks[k + 1] if k + 1 < len(toks) else None
            if art.lang == "de" and _german_genitive(tok.text, art, after):
                return k + 1
            if words > 2 and tok.cap and not (given_name(tok.text) or surname(tok.text)):
                return k
        return end

    def _admin_area(self, toks: list[Token], i: int, text: str, art: ArticleState) -> Found | None:
        """ "Napa County", "Gangwon Province": one to three name words and the word for an
        administrative division. Namesakes are many (30 US states have a Washington County):
        qualified by the region after its comma ("Christian County, Illinois"), else local to
        the article."""
        first = toks[i]
        if first.upper or weak_word(first) or first.lower in TITLE_WORDS or first.poss:
            return None
        k = i + 1
        while k < len(toks) and k - i <= 3 and toks[k].joined and toks[k].cap:
            if toks[k].lower in ADMIN_UNITS:
                break
            if toks[k - 1].poss or weak_word(toks[k]) or toks[k].upper:
                return None
            k += 1
        if k >= len(toks) or toks[k].lower not in ADMIN_UNITS or not toks[k].joined:
            return None
        if not toks[k].cap or toks[k - 1].poss:
            return None
        if toks[i].text in DEMONYMS and k == i + 1:
            return None  # "the Irish Parish"? a demonym alone names no division
        surface = text[first.start : toks[k].end]
        area = Found(
            first.start, toks[k].end, surface, "place", None, surface, "AdministrativeArea"
        )
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.cap and nxt.gap_before == ", ":
            regions = [e for e in self._lookup(nxt.text, art) if e.type in _REGION_TYPES]
            if regions:
                area.iri_name = f"{surface}, {regions[0].identity_name()}"
                return area
        area.local = True
        return area

    def _locative_place(
        self, toks: list[Token], i: int, text: str, art: ArticleState
    ) -> Found | None:
        """ "in Bethany", "near Maria Lodge": a capitalised name that no rule or KB has
        claimed, right after "in" or "near", names a place. Common words ("in Congress", "in
        English"), given names and acronyms are left alone; without a KB to tell namesakes
        apart, its IRI is local to the article."""
        first = toks[i]
        if not first.joined or first.sent_start or first.upper or weak_word(first):
            return None
        end = name_run(toks, i)
        if end <= i or end - i > 3 or toks[end - 1].poss:
            return None
        if end < len(toks) and toks[end].joined and toks[end].cap:
            return None  # the run goes on past what a name may be
        if end < len(toks) and toks[end].gap_before == ", " and toks[end].cap:
            region = self._lookup(toks[end].text, art)
            if any(e.type in _REGION_TYPES for e in region):
                return None  # "in Smalltown, Georgia": the town-and-region rules decide
        for k, t in enumerate(toks[i:end]):
            if k == 0 and end - i > 1 and t.lower in DIRECTIONS:
                continue  # "in South Dade"
            if common_word(t.text) or t.upper or t.lower in ORG_HEADS or t.text in DEMONYMS:
                return None
            if language_name(t.text):
                return None  # "in English"
            if any(part in DEMONYMS for part in t.text.split("-")):
                return None  # "Russian-German"
        if given_name(first.text, art.lang):
            return None
        surface = text[first.start : toks[end - 1].end]
        if self._lookup(surface, art):
            return None
        place = Found(first.start, toks[end - 1].end, surface, "place", None, surface, "Place")
        place.local = True
        return place

    def _person_by_surname(self, tok: Token, art: ArticleState) -> Found | None:
        """A word that is the surname of a person this article has introduced names that
        person here, whatever a KB says the word also names (one sense per article)."""
        canonical = art.surnames.get(fold_name(tok.text))
        if not canonical:
            return None
        return Found(tok.start, tok.end, tok.text, "short", None, canonical)

    def _region_after(
        self,
        hit: Found,
        toks: list[Token],
        after: int,
        text: str,
        mode: Mode,
        lang: str,
        art: ArticleState,
    ) -> Found | None:
        """ "City, Region": the region after a city's comma decides which city it is, and the
        city which region ("Atlanta, Georgia" is the US state; "Paris, Texas" is not the
        French capital: with no such city in the KB it stays unlinked, its IRI qualified)."""
        if hit.type not in ("City", "Place") or after >= len(toks):
            return None
        nxt = toks[after]
        if not nxt.cap or nxt.gap_before.strip() != "," or toks[after - 1].poss:
            return None
        region = self._kb_at(toks, after, text, mode, lang, art)
        if region is None:
            return None
        regions = [e for e in self._lookup(region.surface, art) if e.type in _REGION_TYPES]
        if not regions:
            return None
        cities = [e for e in self._lookup(hit.surface, art) if e.type in ("City", "Place")]
        for city in cities:
            for place in regions:
                if set(place.codes) & set(city.within):
                    _set_entry(hit, city)
                    _set_entry(region, place)
                    hit.resolved = region.resolved = True
                    return region
        place = regions[0] if region.entry is None or region.entry not in regions else region.entry
        _set_entry(region, place)
        if hit.entry is not None and hit.entry.within and place.codes:
            # no city of that name in that region is known: a place, unlinked, and an IRI
            # qualified by the region so that it is never the namesake's
            name = hit.surface if not hit.surface.isupper() else hit.entry.label
            hit.entry, hit.kind, hit.name, hit.type = None, "place", name, "City"
            hit.iri_name = f"{name}, {place.identity_name()}"
            hit.resolved = True
        return region

    def _club_by_city(
        self, hit: Found, toks: list[Token], i: int, after: int, art: ArticleState
    ) -> Found | None:
        """A city with a plural verb is its club, as British sports writing has it ("Barcelona
        have agreed a fee", "Santos were"): the KB's club named "FC <city>", "<city> FC" or
        "CF <city>", if there is one; the city must be the verb's subject."""
        verb = toks[after]
        if verb.lower not in _PLURAL_VERBS or not verb.joined:
            return None
        if i > 0 and toks[i].joined and toks[i - 1].lower in _PREPOSITIONS_BEFORE:
            return None  # "visitors to Barcelona were": the city, the object of "to"
        for name in (f"FC {hit.surface}", f"{hit.surface} FC", f"CF {hit.surface}"):
            for entry in self._lookup(name, art):
                if entry.type == "SportsTeam":
                    return Found(
                        hit.start, hit.end, hit.surface, "kb", entry, entry.label, entry.type
                    )
        return None

    def _two_names(
        self, org: Found, toks: list[Token], i: int, end: int, text: str, art: ArticleState
    ) -> tuple[Found, Found] | None:
        """Two bodies coordinated, not one name (tokens ``i`` to ``end``): the first ends with a
        country's or a city's name, the second has its own head ("Air France and British
        Airways"; "Pacific Gas and Electric" is one)."""
        m = next((k for k in range(i + 2, end - 1) if toks[k].lower in COORDINATORS), -1)
        if m < 0 or end - m < 3:
            return None
        if not any(t.lower.rstrip(".") in ORG_HEADS for t in toks[m + 1 : end]):
            return None  # the head is the first one's: "University of Texas and Mexico City"
        places = ("Country", "City")
        if not any(e.type in places for e in self._lookup(toks[m - 1].text, art)):
            return None
        right = text[toks[m + 1].start : org.end]
        left = text[org.start : toks[m - 1].end]
        second = Found(toks[m + 1].start, org.end, right, "org", None, right, org.type)
        first = Found(org.start, toks[m - 1].end, left, "org", None, left, org.type)
        return first, second

    def _field_after(
        self, org: Found, toks: list[Token], k: int, text: str, art: ArticleState
    ) -> Found:
        """A body named for its field after "in" (token ``k``, right after the name), in common
        words and no KB name ("Centre for Policy Impact in Global Health", "Center for
        Excellence in Education"): the name runs on. A place stops it ("the Kimbell Art Museum
        in Fort Worth": a KB city)."""
        if k + 1 >= len(toks) or toks[k].lower != "in" or not toks[k].joined:
            return org
        end = k + 1
        while end < len(toks) and end - k <= 3 and toks[end].joined and toks[end].cap:
            if toks[end].upper or not common_word(toks[end].text) or toks[end].poss:
                return org
            end += 1
        if end == k + 1 or (end < len(toks) and toks[end].joined and toks[end].cap):
            return org
        field = text[toks[k + 1].start : toks[end - 1].end]
        if self._lookup(field, art) or any(self._lookup(t.text, art) for t in toks[k + 1 : end]):
            return org
        surface = text[org.start : toks[end - 1].end]
        return Found(org.start, toks[end - 1].end, surface, org.kind, None, surface, org.type)

    def _qualified(
        self, org: Found, toks: list[Token], i: int, text: str, art: ArticleState
    ) -> Found:
        """A generic body ("City Council", "Ministry of Finance") takes the place that
        qualifies it into its IRI ("Springfield City Council", "Ukraine's Ministry of
        Finance", "the U.S. Supreme Court"); with none, its IRI is local to the article."""
        words = org.surface.split()
        k = generic_split(words)
        if k == len(words):
            return org
        generic = " ".join(words[k:])
        if k > 0:
            qualifier = " ".join(words[:k])
        elif i > 0 and toks[i - 1].poss and toks[i].joined and toks[i - 1].cap:
            qualifier = toks[i - 1].text  # "Ukraine's Ministry of Finance"
        else:
            org.local = True
            return org
        if qualifier in DEMONYMS:
            country = self._country(DEMONYMS[qualifier], art)
            qualifier = country.label if country is not None else qualifier
        else:
            places = [e for e in self._lookup(qualifier, art) if kind_of(e.type) == "place"]
            if places:
                qualifier = places[0].identity_name()
        org.iri_name = f"{qualifier} {generic}"
        return org


_REGION_TYPES = frozenset({"Country", "State", "AdministrativeArea"})
_NAME_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


def _title_evidence(toks: list[Token], start: int, end: int, mode: Mode, art: ArticleState) -> bool:
    """Whether the name a title introduces can be one. An acronym is no person's name ("WH
    press secretary"). In a title-case line every word is capitalised, so a title there
    ("Major", "Star") may be an adjective: the name must open with a known given name or be a
    person the body named ("Star Confirmed" is no one)."""
    if end - start == 1 and toks[start].upper:
        return False
    if end - start == 1 and start > 0 and toks[start - 1].lower in _ADJECTIVE_RANKS:
        word = toks[start].text  # "Private Audition": the adjective before a common noun
        if common_word(word) and not surname(word) and not given_name(word, art.lang):
            return False
    if mode != "title":
        return True
    if given_name(toks[start].text, art.lang):
        return True
    return fold_name(toks[end - 1].text) in art.surnames


# Military ranks that are also adjectives ("private", "general", "major"): before a common
# English word (SCOWL's) that is no known name, the adjective ("Private Audition", "Major Rivers")
_ADJECTIVE_RANKS = frozenset(("private", "general", "major"))


def _people_word(tok: Token) -> bool:
    """A plural that names a group of people: a demonym's ("Americans") or "Peoples"."""
    word = tok.text
    return word.endswith("s") and (word[:-1] in DEMONYMS or tok.lower == "peoples")


def _coordinated(hit: Found, toks: list[Token], i: int) -> bool:
    """Is the KB name found at ``i`` followed by "and" (in the languages of COORDINATORS)?"""
    j = index_after(toks, i, hit.end)
    return j < len(toks) and toks[j].lower in COORDINATORS


def _german_determiner(tok: Token) -> bool:
    """An article or a numeral: German writes them before a noun ("drei Tage", "im Fall",
    "des Robert Koch-Instituts"), not before a person's name in running text. After a comma
    "den", "der" open a relative clause ("..., den Janica Kostelic hält")."""
    if "," in tok.gap_before:
        return False
    return tok.lower in GERMAN_DETERMINERS or tok.text.isdigit()


def _german_genitive(word: str, art: ArticleState, after: Token | None = None) -> bool:
    """German marks a name's genitive with a bare "s" ("Putins", "Xi Jinpings"): a word that is
    a known surname (or one of this article's) once its "s" is cut, and not one as it is. A
    surname the tables do not know is read so when a noun follows it with nothing between
    ("Wladimir Putins Krieg"): the genitive stands before the noun it governs, and a surname
    that ends in "s" itself takes an apostrophe there ("Peters' Buch")."""
    if len(word) < 4 or word[-1] != "s" or word[-2] in "sxzß" or not word[-2].islower():
        return False
    stem = word[:-1]
    if surname(word) and not art.writes_lower(word.lower()):
        return fold_name(stem) in art.surnames
    if surname(stem) or fold_name(stem) in art.surnames:
        return True
    return (
        after is not None
        and after.joined
        and after.cap
        and not after.upper
        and not after.sent_start
        and not given_name(word)
        and not given_name(after.text)  # a third name ("Krieg" may be a noun or a surname)
    )


def _eponym_compound(body: Found, prev: Token, text: str, art: ArticleState) -> Found:
    """A body named after a person joins the person's name to its kind with a hyphen, the
    given name written apart: "Robert Koch-Institut", "Friedrich Ebert-Stiftung"."""
    if not prev.cap or prev.upper or not given_name(prev.text, art.lang):
        return body
    surface = text[prev.start : body.end]
    name = f"{prev.text} {body.name}"  # "Robert Koch-Institut" of "des Robert Koch-Instituts"
    found = Found(prev.start, body.end, surface, "org", None, name, body.type)
    found.local = body.local
    return found


def _german_scope(body: Found, toks: list[Token], i: int, text: str) -> Found:
    """A German body names its scope in the genitive after it: "Landesverband des
    Kfz-Gewerbes Thüringen", "Bundesministerium der Finanzen" (up to three capitalised words)."""
    k = i + 1
    if k + 1 >= len(toks) or toks[k].lower not in ("des", "der") or not toks[k].joined:
        return body
    end = k + 1
    while end < len(toks) and end - k <= 3 and toks[end].cap and toks[end].joined:
        end += 1
    if end == k + 1:
        return body
    stop = toks[end - 1].end
    surface = text[body.start : stop]
    found = Found(body.start, stop, surface, "org", None, surface, body.type)
    found.local = body.local
    return found


def _german_compound_body(tok: Token, art: ArticleState) -> Found | None:
    """A German compound naming a body by its last element ("Burgtheater"; see
    ``GERMAN_ORG_ENDINGS``); a generic one ("Staatsoper", "Landgericht") local to the article."""
    word = tok.lower
    if tok.upper:
        return None
    if word in GERMAN_ORG_ENDINGS:  # the kind alone: a body only with its seat after it
        found = Found(tok.start, tok.end, tok.text, "org", None, tok.text, GERMAN_ORG_ENDINGS[word])
        found.local = True
        return found
    if len(word) < 8:
        return None
    genitive = word.endswith("s") and not word.endswith("ss")
    if not word.endswith(_ENDING_TUPLE) and not (genitive and word[:-1].endswith(_ENDING_TUPLE)):
        return None  # most words: no ending at all, found by one call rather than one per ending
    stem = tok.text[:-1] if genitive else tok.text  # "des Burgtheaters"
    for ending, kind in _GERMAN_ENDINGS:
        if not (word.endswith(ending) or (genitive and word[:-1].endswith(ending))):
            continue
        if len(stem) > len(ending) + 2:
            head = stem.lower()[: -len(ending)].rstrip("-")
            found = Found(tok.start, tok.end, tok.text, "org", None, stem, kind)
            found.local = "-" not in word and head.startswith(GERMAN_GENERIC_PREFIXES)
            return found
    return None


_GERMAN_TOWN_PREFIXES = frozenset(("Bad", "Sankt", "St."))
# The bodies of a German state or town that its name's adjective names ("Thüringer Landtag",
# "Berliner Senat"; the Basic Law's and the state constitutions' words for state and town
# organs), beside ``GERMAN_ORG_ENDINGS``' compounds ("Landesregierung", "Polizei").
GERMAN_SEAT_BODIES: dict[str, str] = dict.fromkeys(
    word_set(
        "landtag kreistag bürgerschaft senat stadtrat gemeinderat magistrat staatskanzlei "
        "staatsanwaltschaft feuerwehr rundfunk"
    ),
    "GovernmentOrganization",
)

# a German "-isch" adjective in any of its declined forms: "bayerischer", "hamburgischen"
_SEAT_ISCH = re.compile(r"isch(?:e|er|es|en|em)$")
_DEUMLAUT = str.maketrans("äöüÄÖÜ", "aouAOU")
# the strong (article-less) nominative ending a body's name is cited with, by gender
_STRONG_ENDINGS = {"m": "er", "f": "e", "n": "es"}
# the gender of a body noun by its last element (German noun endings are regular here: "-ung",
# "-schaft", "-ei" feminine; "-tag", "-rat" masculine; "-amt", "-gericht", "-ministerium" neuter)
_GENDER_ENDINGS = (
    (
        "m",
        (
            "landtag",
            "kreistag",
            "tag",
            "senat",
            "rat",
            "magistrat",
            "rundfunk",
            "verband",
            "verein",
            "gerichtshof",
            "hof",
        ),
    ),
    (
        "f",
        (
            "ung",
            "schaft",
            "kanzlei",
            "ei",
            "wehr",
            "oper",
            "kammer",
            "behörde",
            "kommission",
            "universität",
            "hochschule",
            "akademie",
            "versammlung",
        ),
    ),
    (
        "n",
        (
            "amt",
            "gericht",
            "ministerium",
            "institut",
            "museum",
            "theater",
            "parlament",
            "orchester",
            "gymnasium",
            "konservatorium",
            "kabinett",
        ),
    ),
)


def _german_gender(noun: str) -> str | None:
    for gender, endings in _GENDER_ENDINGS:
        if noun.endswith(endings):
            return gender
    return None


# longest first: "hochschule" before "schule"
_GERMAN_ENDINGS = sorted(GERMAN_ORG_ENDINGS.items(), key=lambda kv: -len(kv[0]))
_ENDING_TUPLE = tuple(ending for ending, _ in _GERMAN_ENDINGS)


def _call_sign(toks: list[Token], i: int) -> bool:
    """ "(KTRK)", "(WABC)": US broadcasters' call signs begin with K or W (FCC); in parentheses
    right after a dateline's place they name the station that filed the story."""
    tok = toks[i]
    if not tok.upper or not tok.text.isalpha() or len(tok.text) not in (3, 4):
        return False
    if tok.text[0] not in "KW" or not tok.gap_before.endswith("("):
        return False
    after = toks[i + 1].gap_before if i + 1 < len(toks) else ")"
    return after.startswith(")") and toks[i - 1].cap and i <= _DATELINE_PLACE_TOKENS


_DATELINE_PLACE_TOKENS = 5  # "ST. LOUIS PARK, Minn. (KARE)": the call sign comes this early


def _team_after(
    hit: Found, toks: list[Token], i: int, after: int, text: str, art: ArticleState
) -> Found | None:
    """ "Boston Celtics", "Carolina Panthers": North American clubs are named by their city or
    state and a plural nickname. One capitalised plural right after the place, ending the run,
    that is not itself a KB name nor a word of the text ("Boston Celtics", not "Boston Police")."""
    if hit.type not in ("City", "State") or (i > 0 and toks[i].joined and toks[i - 1].cap):
        return None
    nick = toks[after]
    if nick.poss or nick.upper or len(nick.text) < 4 or not nick.text.endswith("s"):
        return None
    if nick.lower in ORG_HEADS or nick.lower in TITLE_WORDS or weak_word(nick):
        return None
    nxt = toks[after + 1] if after + 1 < len(toks) else None
    if nxt is not None and nxt.joined and nxt.cap and nxt.lower not in CALENDAR_WORDS:
        return None  # the name goes on
    if art.writes_lower(nick.lower) or common_word(nick.text):
        return None
    surface = text[toks[i].start : nick.end]
    return Found(toks[i].start, nick.end, surface, "org", None, surface, "SportsTeam")


# a region's kind after its name, in lower case: "the Guizhou province", "the Donetsk region",
# "Kursk oblast", "the Idlib governorate" (a city's name there names the region around it)
_REGION_UNITS = frozenset(("province", "region", "oblast", "prefecture", "governorate", "canton"))


def _county_short(org: Found, text: str, art: ArticleState) -> Found | None:
    """ "Napa Co." where the article also writes "Napa County": the county, abbreviated as
    headlines do, not a company of that name."""
    if not org.surface.endswith(" Co."):
        return None
    county = f"{' '.join(org.surface[:-4].split())} County"
    if county not in text and county not in art.body:
        return None
    return local_region(org.start, org.end, org.surface, county)


def _unit_after(toks: list[Token], k: int) -> bool:
    return k < len(toks) and toks[k].joined and toks[k].lower in _REGION_UNITS and not toks[k].cap


def _region_of(start: int, end: int, text: str) -> Found:
    """The region a name and its lower-case kind name, local to the article: no KB here links
    regions, and the city's link would be a wrong one."""
    return local_region(start, end, text[start:end], " ".join(text[start:end].split()))


_COMPOUND_PLACES = frozenset(("City", "State", "Country", "Continent", "Place"))
_PLURAL_VERBS = frozenset(("have", "are", "were", "’ve", "'ve"))
_PREPOSITIONS_BEFORE = frozenset(
    ("in", "at", "from", "to", "near", "of", "for", "with", "by", "on", "into", "over", "across")
)


def _place_compound(hit: Found, toks: list[Token], after: int) -> bool:
    """The place's name opens a lower-case compound that means something else ("Brussels
    sprouts", "Boston terrier", "California redwood")."""
    if after >= len(toks) or toks[after].cap or not toks[after].joined or toks[after - 1].poss:
        return False
    phrase = f"{hit.surface.lower()} {toks[after].lower}"
    if place_compound(phrase):
        return True
    nxt = after + 1
    return (
        nxt < len(toks)
        and toks[nxt].joined
        and not toks[nxt].cap
        and place_compound(f"{phrase} {toks[nxt].lower}")
    )


def _one_particle(toks: list[Token], i: int) -> bool:
    """A word, one particle and a capitalised word, nothing between them."""
    return (
        i + 2 < len(toks)
        and toks[i + 1].joined
        and toks[i + 2].joined
        and toks[i + 2].cap
        and not toks[i + 2].upper
    )


def _two_particles(toks: list[Token], j: int) -> bool:
    """ "von der Leyen", "van den Berg": two name particles and a capitalised word, joined."""
    if j + 2 >= len(toks) or toks[j].lower not in PARTICLES or toks[j + 1].lower not in PARTICLES:
        return False
    return toks[j].joined and toks[j + 1].joined and toks[j + 2].joined and toks[j + 2].cap


_NAME_LANGUAGES = frozenset(("en", "de", "fr", "es"))
# Derivational noun endings of German, French and Spanish (their grammars' lists): surnames
# seldom end so, capitalised nouns often do ("Abmahnungen", "Gesellschaft").
_NOUN_ENDING = re.compile(
    r"(?:ungen|ung|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ität|täten|nisse|ismus"
    r"|ción|ciones|dades|miento|mientos|ité|isme|ements)$"
)
_MAX_GIVEN_RUN = 4  # given name, middle name or initial, surname(s); particles come on top
_SAINT = re.compile(r"(?:Saint|Sainte|San|Santa|St)\b[-.]")


_PLACE_BEFORE = frozenset(("in", "near"))
# where "Given de Surname" is a person's name more often than a body's: French and German (the
# nobiliary particle); Spanish "X de Y" is mostly a body or a place ("Cuenca del Plata")
_PARTICLE_NAME_LANGUAGES = frozenset(("fr", "de"))
_TOWN_TOKENS = 4


def _towns_before_states(toks: list[Token], text: str, found: list[Found]) -> list[Found]:
    """ "South Portland, Maine", "St. Louis Park, Minnesota": the capitalised run before a US
    state's comma is a town in that state (the US style for places), even one too small for
    the KB. Unlinked, its IRI qualified by the state."""
    out: list[Found] = []
    if not any(f.type == "State" for f in found):
        return out
    starts = {t.start: k for k, t in enumerate(toks)}
    taken = [(f.start, f.end) for f in found]
    for f in found:
        if f.type != "State" or f.entry is None or f.start not in starts:
            continue
        k = starts[f.start]
        if k == 0 or toks[k].gap_before != ", ":
            continue
        j = k - 1
        while j >= 0 and k - j <= _TOWN_TOKENS and toks[j].cap and not toks[j].poss:
            if weak_word(toks[j]) or toks[j].lower in TITLE_WORDS or toks[j].text in DEMONYMS:
                break
            if j == 0 or toks[j].sent_start:
                j -= 1
                break
            prev, cur = toks[j - 1], toks[j]
            if not (cur.joined or (prev.lower in ABBREVIATIONS and cur.gap_before == ". ")):
                j -= 1
                break
            j -= 1
        first = j + 1
        if first >= k or not toks[first].cap or weak_word(toks[first]):
            continue
        start, end = toks[first].start, toks[k - 1].end
        if any(a < end and start < b for a, b in taken):
            continue  # already named: "Atlanta, Georgia", a person
        name = text[start:end]
        kind = "AdministrativeArea" if toks[k - 1].lower in ADMIN_UNITS else "City"
        town = Found(start, end, name, "place", None, name, kind)
        town.iri_name = f"{name}, {f.entry.identity_name()}"
        out.append(town)
    return out


def _set_entry(f: Found, entry: KBEntry) -> None:
    f.entry, f.name, f.type = entry, entry.label, entry.type
