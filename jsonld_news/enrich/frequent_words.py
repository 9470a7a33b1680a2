"""The most frequent words of a language, from the stoplists that ship with jusText (a
dependency of trafilatura): for each language, the words most frequent in its Wikipedia,
written as they occur there ("dass", "seit", but German nouns capitalised: "Tage", "Fall").

German capitalises its nouns and every sentence opens with a capital, so a frequent word can
look like a given name the name data also holds ("Tage" is a Scandinavian one, "Wo" a Chinese
one); these lists tell the recogniser that such a word is, first of all, a word of the text.
Read once per language, lazily; a probe is a frozenset lookup.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# jusText names its stoplists by the language's English name
_STOPLISTS = {"de": "German", "fr": "French", "es": "Spanish", "en": "English"}


@cache
def _words(lang: str) -> frozenset[str]:
    name = _STOPLISTS.get(lang)
    if name is None:
        return frozenset()
    try:
        data = resources.files("justext").joinpath(f"stoplists/{name}.txt").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - jusText is required
        return frozenset()
    return frozenset(w.strip() for w in data.splitlines() if w.strip())


def function_word(word: str, lang: str) -> bool:
    """Whether ``word``, in lower case, is one of the frequent words of ``lang`` that its
    stoplist writes in lower case ("dass", "seit", "wo"; not the German nouns "Tage", "Fall",
    nor the given names "Peter", "Maria" that Wikipedia's frequent words also hold)."""
    return word.lower() in _words(lang)


def frequent_word(word: str, lang: str) -> bool:
    """Whether ``word`` is one of the frequent words of ``lang`` in any case its stoplist
    writes: a function word ("dass") or a capitalised noun or name ("Amt", "Arbeit", "Coupe")."""
    words = _words(lang)
    return word in words or word.lower() in words or word.capitalize() in words


@cache
def _frequent_table() -> dict[str, frozenset[str]]:
    text = resources.files("jsonld_news").joinpath("data/frequent_words.tsv").read_text("utf-8")
    table: dict[str, set[str]] = {}
    for line in text.splitlines():
        lang, _, word = line.partition("\t")
        table.setdefault(lang, set()).add(word)
    return {lang: frozenset(words) for lang, words in table.items()}


def very_frequent_word(word: str, lang: str) -> bool:
    """Whether ``word`` is among the most frequent words of German, French or Spanish by wordfreq
    (``data/frequent_words.tsv``, see its provenance): "ahora", "nada", "einfach", "rien". At that
    frequency the lists hold no given name, though the name data holds many of them."""
    words = _frequent_table().get(lang)
    return words is not None and word.lower() in words
