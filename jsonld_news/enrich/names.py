"""Given names, surnames and common English words, from tables built from package data.

The tables (``jsonld_news/data/*.bin``, see ``PROVENANCE-names.md``) are derived by
``tools/build_name_tables.py`` from the ``names-dataset`` package, Debian's SCOWL word list and
pycountry's ISO 3166-2 subdivisions;
names-dataset itself is never loaded at run time. Each is a sorted array of 64-bit name hashes
(3.5 MB in all), read on first use, answered by binary search with a small cache in front.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from functools import cache
from importlib import resources

from jsonld_news.kb import key_hash

_CACHE_SIZE = 100_000


class _HashSet:
    def __init__(self, file: str) -> None:
        self._file = file
        self._hashes: array[int] | None = None
        self._seen: dict[str, bool] = {}

    def _load(self) -> array[int]:
        data = resources.files("jsonld_news").joinpath(f"data/{self._file}").read_bytes()
        hashes = array("Q")
        hashes.frombytes(data)
        self._hashes = hashes
        return hashes

    def __contains__(self, name: str) -> bool:
        hit = self._seen.get(name)
        if hit is None:
            hashes = self._hashes if self._hashes is not None else self._load()
            h = key_hash(name)
            k = bisect_left(hashes, h)
            hit = k < len(hashes) and hashes[k] == h
            if len(self._seen) >= _CACHE_SIZE:
                self._seen.clear()
            self._seen[name] = hit
        return hit


@cache
def _table(file: str) -> _HashSet:
    return _HashSet(file)


def given_name(word: str, lang: str = "") -> bool:
    """A given name ranked high in at least one country ("Angela", "Deqa", "Jiří"); in
    English text also the less frequent ones ("Barack"): German, which capitalises its nouns
    and determiners, would find too many of those ("Diese", "Wiener")."""
    if word in _table("given_names.bin"):
        return True
    return lang == "en" and word in _table("given_names_rare.bin")


def word_like_given_name(word: str) -> bool:
    """A given name that is also a common English word ("Will", "Mark", "Best")."""
    return word in _table("given_words.bin")


def surname(word: str) -> bool:
    """A surname ranked high in at least one country ("Peterson", "Rich", "Trump")."""
    return word in _table("surnames.bin")


def common_word(word: str) -> bool:
    """A common English word, capitalised ("Buy", "Democrats", "Street")."""
    return word.capitalize() in _table("common_words.bin")


def subdivision_name(name: str) -> bool:
    """The name of a country's subdivision in ISO 3166-2 (from pycountry): "Mato Grosso"."""
    return name.casefold() in _table("subdivisions.bin")


@cache
def _language_names() -> frozenset[str]:
    from babel import Locale

    return frozenset(n for n in Locale.parse("en").languages.values() if " " not in n)


def language_name(word: str) -> bool:
    """The English name of a language (CLDR, via babel): "English", "Swahili"."""
    return word in _language_names()


@cache
def _lines_of(file: str) -> frozenset[str]:
    """The lines of a one-entry-a-line table of ``jsonld_news/data``, read on first use."""
    text = resources.files("jsonld_news").joinpath(f"data/{file}").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line)


def place_compound(phrase: str) -> bool:
    """A lower-case English compound named after a place that is no mention of it ("brussels
    sprouts", "boston terrier", "panama hat"): WordNet's, see ``PROVENANCE-place-compounds.md``."""
    compounds = _lines_of("place_compounds.txt")
    return phrase in compounds or (phrase.endswith("s") and phrase[:-1] in compounds)


def word_place(name: str) -> bool:
    """A place named by a frequent English word ("Reading", "Nice", "Split", "Independence"):
    wordfreq's and SCOWL's, see ``PROVENANCE-word-places.md``."""
    return name in _lines_of("word_places.txt")
