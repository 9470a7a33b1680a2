"""The default offline recognizer: rules plus a knowledge-base gazetteer, deterministic, no model.

How a name is found, in order of trust:

1. names introduced by a title or role ("German Chancellor Olaf Scholz", "spokesperson Jane Doe");
2. a known given name and what follows it ("Angela Bolger", "Michael R. Bloomberg"; tables in
   ``names``; a word that is also a common English word needs a known surname);
3. knowledge-base names (the starter KB of countries, cities, organisations, plus a user KB),
   with "City, Region" deciding between namesakes ("Atlanta, Georgia");
4. capitalised runs headed by an organisation word ("Foreign Ministry", "Bank of England") or
   introduced by one ("the journal Nature", "Mila, an AI research institute"); generic ones
   qualified by their place or made local to the article (see ``findings``);
5. capitalised runs with context that marks a person: a speech verb, a possessive, "by" or
   "according to", an apposition with a role ("Jane Doe, a senior scientist"); or a place:
   "in"/"near" before a name nothing else claimed;
6. short forms ("Putin", "Scholz's", "Trump-Putin") that repeat the surname of a person found,
   never one that two people of the article share.

Then one sense per article for places (``_resolve_senses``).

Title-case lines (headlines, "Related article: ...") capitalise every word, so there only KB
names, titles and short forms count. All-caps lines and photo credits are skipped. German, French
and Spanish get KB names, their own titles, head-first organisation names ("Banco de México", in
French and Spanish only) and short forms: no mention beats a wrong one. Other languages get KB
names only.

Identity (see ``findings``): a starter-KB entry gives its label, anything else the name the text
gives; a user's KB adds ``sameAs`` only, so an article read with or without a KB names "Olaf
Scholz" with the same IRI. Text that does not read as English although labelled so gets KB names
only.

Each pass is one scan over the tokens with bounded look-around, so time is linear in the text.

This module runs the passes and holds the entry points; the parts are, in the order they run:
``tokens`` (text to lines of tokens), ``scanner`` (the main pass, built on ``linking``, the KB
lookups, and ``name_rules`` with its word lists in ``rule_words``), ``short_forms`` (surnames
alone) and ``findings`` (what the passes found, made into ``Mention`` objects).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from jsonld_news.cache import cache_path
from jsonld_news.enrich.acronyms import (
    acronym_uses,
    affiliation_acronyms,
    defined_acronyms,
    long_form_repeats,
)
from jsonld_news.enrich.documents import without_document_names
from jsonld_news.enrich.findings import ArticleState, Found, add_surname, fold_name, to_mentions
from jsonld_news.enrich.legal_forms import legal_form_names
from jsonld_news.enrich.names import common_word
from jsonld_news.enrich.scanner import RuleScanner
from jsonld_news.enrich.senses import given_names_of_people
from jsonld_news.enrich.short_forms import short_forms
from jsonld_news.enrich.speakers import speaker_labels
from jsonld_news.enrich.tokens import Line, Mode, labels_apart, tokenize, with_mode
from jsonld_news.enrich.towns import context_codes, towns
from jsonld_news.identity import DEFAULT_BASE_IRI, kind_of
from jsonld_news.kb import KBEntry, KnowledgeBase
from jsonld_news.model import Mention


class RuleRecognizer(RuleScanner):
    """``EntityRecognizer`` from rules and a layered KB (user KB first, then the starter KB)."""

    def __init__(self, kbs: Sequence[KnowledgeBase]) -> None:
        super().__init__(kbs)
        # body -> whether it reads as English: a text recognised again (another KB, a rerun)
        # is not sampled again; bounded, few entries (bodies are long)
        self._english: dict[str, bool] = {}

    def clear_cache(self) -> None:
        super().clear_cache()
        self._english.clear()

    def recognize(
        self, headline: str, body: str, *, language: str | None, base_iri: str
    ) -> list[Mention]:
        lang = (language or "en").split("-")[0].casefold()
        body_mode: Mode = "full" if lang == "en" else "strict"
        body_lines, label_lines = labels_apart(tokenize(body, body_mode))
        if lang == "en" and not self._reads_as_english(body, body_lines):
            # labelled English (or not labelled) but written in another language: the English
            # rules would read its nouns as names ("Casa Rosada", "Quarantäne"); KB names only
            lang, body_mode = "und", "strict"
            body_lines = with_mode(body_lines, body_mode)
        art = ArticleState(lang, self._cache_for(lang), body)
        head_lines = labels_apart(tokenize(headline, "title" if lang != "en" else "full"))[0]
        found = self._scan(body_lines, body, lang, art, in_headline=False)
        if lang in _NAME_LANGUAGES:
            found += self._speakers(body_lines + label_lines, body, found, art)
        found += self._scan(head_lines, headline, lang, art, in_headline=True)
        people = sum(f.kind == "person" for f in found)
        if lang in _ROMANCE_GERMAN:
            found += legal_form_names(body_lines, body, found)
        found += _acronyms(body_lines, head_lines, body, found, lang, body_mode)
        found = without_document_names(found, body, headline)
        if sum(f.kind == "person" for f in found) < people:
            _forget_people(found, art)  # read as a body's name now: no surname to resolve
        found += short_forms(body_lines, found, art, in_headline=False)
        found += short_forms(head_lines, found, art, in_headline=True)
        codes = context_codes(found) if lang in _NAME_LANGUAGES else set()
        if codes:  # towns only where a country or state is named: most articles, not all

            def lookup(name: str) -> tuple[KBEntry, ...]:
                return self._lookup(name, art)

            found += towns(body_lines, found, art, lookup, codes, in_headline=False)
            found += towns(head_lines, found, art, lookup, codes, in_headline=True)
        if art.not_companies:  # one sense per article: the one used more often
            bare: dict[str, int] = {}
            for f in found:
                if f.entry is not None and f.entry.label in art.not_companies:
                    bare[f.entry.label] = bare.get(f.entry.label, 0) + 1
            other = {k for k, n in art.not_companies.items() if n >= bare.get(k, 0)}
            found = [f for f in found if f.entry is None or f.entry.label not in other]
        for f in found:  # one sense per article: "firm Tegnell" after "Anders Tegnell"
            if f.kind == "org" and f.entry is None and " " not in f.surface:
                person = art.surnames.get(fold_name(f.surface))
                if person:
                    f.kind, f.name, f.type, f.local, f.iri_name = (
                        "short",
                        person,
                        "Person",
                        False,
                        None,
                    )
        found = given_names_of_people(found)
        self._resolve_senses(found, art)
        for f in found:  # single-word names after a title take the full name once known
            if f.kind == "person" and " " not in f.name:
                f.name = art.surnames.get(fold_name(f.name)) or f.name
        found.sort(key=lambda f: (f.in_headline, f.start))
        return to_mentions(found, art, base_iri)

    def _speakers(
        self, lines: list[Line], text: str, found: list[Found], art: ArticleState
    ) -> list[Found]:
        """People named by a transcript's speaker labels ("MAGALY MEDINA: ..."; ``speakers``),
        where no rule found a name crossing the label's; what was found inside it gives way.
        A name written in capitals takes its words' capitalised form ("Magaly Medina")."""
        out: list[Found] = []
        for line, n in speaker_labels(lines, text, art.lang):
            toks = line.toks
            start, end = toks[0].start, toks[n - 1].end
            inside = [f for f in found if f.start < end and start < f.end and not f.in_headline]
            if any(f.kind in ("person", "short") for f in inside):
                continue  # a rule found the person already
            if any(f.start < start or f.end > end for f in inside):
                continue
            if self._lookup(text[start:end], art):
                continue  # a KB name as a whole: "Costa Rica: ..."
            for f in inside:
                found.remove(f)
            person = self._person(toks, 0, n, text, art)
            if person.surface.isupper():
                name = " ".join(w.title() for w in person.surface.split())
                person.name = art.people[fold_name(person.surface)] = name
                add_surname(art, name.split()[-1], name)
            out.append(person)
        return out

    def _reads_as_english(self, body: str, lines: list[Line]) -> bool:
        english = self._english.get(body)
        if english is None:
            english = _reads_as_english(lines)
            if len(self._english) >= _ENGLISH_CACHE_SIZE:
                self._english.clear()
            self._english[body] = english
        return english

    def _resolve_senses(self, found: list[Found], art: ArticleState) -> None:
        """One sense per article for places: a name that context resolved once ("Birmingham,
        Alabama") means the same everywhere in the article; a name that is both a country and
        a state ("Georgia") takes the sense another place of the article lies in (Atlanta:
        the state; Tbilisi: the country) and, with no such evidence, stays unlinked, with an
        IRI local to the article rather than a guess."""
        qualified = {
            fold_name(f.surface): f
            for f in found
            if f.entry is None and f.kind == "place" and f.iri_name and not f.local
        }
        for f in found:  # "Napa County" after "NAPA COUNTY, Calif.": the qualified one
            same = qualified.get(fold_name(f.surface)) if f.local and f.entry is None else None
            if same is not None and f.kind == "place":
                f.iri_name, f.local, f.type = same.iri_name, False, same.type
                if same.name.isupper() and not f.name.isupper():
                    same.name = f.name  # the label as the text writes it, not its dateline caps
        resolved = {fold_name(f.surface): f for f in found if f.resolved}
        codes: dict[str, int] = {}
        for f in found:
            if f.entry is not None:
                for code in f.entry.within:
                    codes[code] = codes.get(code, 0) + 1
        for f in found:
            if f.resolved or f.entry is None or kind_of(f.entry.type) != "place":
                continue
            same = resolved.get(fold_name(f.surface))
            if same is not None:
                f.entry, f.name, f.type = same.entry, same.name, same.type
                f.kind, f.iri_name, f.local = same.kind, same.iri_name, same.local
                continue
            if f.entry.type not in ("Country", "State"):
                continue
            senses = [e for e in self._lookup(f.surface, art) if e.type in ("Country", "State")]
            if len({e.type for e in senses}) < 2:
                continue
            backed = [e for e in senses if any(codes.get(c) for c in e.codes)]
            if len(backed) == 1:
                f.entry, f.name, f.type = backed[0], backed[0].label, backed[0].type
            else:
                name = f.surface if not f.surface.isupper() else f.entry.label
                f.entry, f.kind, f.name, f.type, f.local = None, "place", name, "Place", True
            resolved[fold_name(f.surface)] = f
            f.resolved = True


def _forget_people(found: list[Found], art: ArticleState) -> None:
    """Forget the people whose findings a later pass took for something else ("Border
    Protection" of "Customs and Border Protection (CBP)"), so that no short form names them."""
    kept = {f.name for f in found if f.kind == "person"}
    for table in (art.people, art.surnames):
        for key in [k for k, name in table.items() if name and name not in kept]:
            del table[key]


def _acronyms(
    body_lines: list[Line],
    head_lines: list[Line],
    body: str,
    found: list[Found],
    lang: str,
    body_mode: Mode,
) -> list[Found]:
    """Acronyms the body defines ("European Broadcasting Union (EBU)") and, in English, those
    an affiliation slot shows as a body's ("a spokesperson for ABC"); see ``acronyms``."""
    if lang not in _NAME_LANGUAGES:
        return []
    defined = defined_acronyms(body_lines, body, found, english=lang == "en")
    out = long_form_repeats(body, found, defined)
    out += acronym_uses(body_lines, found + out, defined, in_headline=False)
    out += acronym_uses(head_lines, found + out, defined, in_headline=True)
    if body_mode == "full":
        out += affiliation_acronyms(body_lines, found + out)
    return out


_NAME_LANGUAGES = frozenset(("en", "de", "fr", "es"))
_ROMANCE_GERMAN = frozenset(("de", "fr", "es"))  # English has legal forms in ``org_run``
_ENGLISH_SAMPLE = 60  # lower-case words looked at
_ENGLISH_SHARE = 0.6  # of them common English words (English text: 0.9 and more)
_ENGLISH_CACHE_SIZE = 64  # bodies remembered


def _reads_as_english(lines: list[Line]) -> bool:
    """Whether the text's lower-case words are mostly common English words (SCOWL)."""
    seen = english = 0
    for line in lines:
        for tok in line.toks:
            if not tok.cap and tok.text.isalpha() and len(tok.text) > 2:
                seen += 1
                english += common_word(tok.text)
                if seen >= _ENGLISH_SAMPLE:
                    return english >= _ENGLISH_SHARE * seen
    return seen < 10 or english >= _ENGLISH_SHARE * seen


# --- entry points -------------------------------------------------------------------------------


@cache
def starter_kb() -> KnowledgeBase:
    """The KB shipped in ``jsonld_news/data`` (countries, cities, organisations).

    Its index is built by the first process and kept in the cache folder; later processes map
    it instead of parsing the KB's thousands of lines again.
    """
    return _shipped_kb("starter_kb.jsonl")


@cache
def organization_table() -> KnowledgeBase:
    """The notable-organisations table shipped in ``jsonld_news/data/organizations.jsonl``
    (stock-index companies, NBA and WNBA teams; see ``PROVENANCE-organizations.md``), a KB
    layered after the starter KB, whose labels make IRIs the same way (``shipped``)."""
    return _shipped_kb("organizations.jsonl")


def _shipped_kb(file: str) -> KnowledgeBase:
    shipped = resources.files("jsonld_news").joinpath(f"data/{file}")
    if isinstance(shipped, Path) and shipped.is_file():
        index = cache_path(file.removesuffix(".jsonl"), shipped, ".idx")
        if index is not None:
            return KnowledgeBase.load(shipped, index_path=index, shipped=True)
    return KnowledgeBase.from_bytes(shipped.read_bytes(), file, shipped=True)


def shipped_kbs() -> list[KnowledgeBase]:
    """The KBs that ship with the package, in the order they are consulted."""
    return [starter_kb(), organization_table()]


@cache
def default_recognizer() -> RuleRecognizer:
    """The offline recognizer with the shipped KBs only; built once per process."""
    return RuleRecognizer(shipped_kbs())


def load_recognizer(kb_path: str | None) -> RuleRecognizer:
    """The offline recognizer with the user's KB (if any) consulted before the starter KB.

    Raises ``kb.KBError`` (an ``InputError``) naming ``file:line`` for a malformed KB line.
    """
    if kb_path is None:
        return default_recognizer()
    return RuleRecognizer([KnowledgeBase.load(kb_path), *shipped_kbs()])


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
