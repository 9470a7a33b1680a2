"""The recogniser's fast paths against the plain paths they stand in for (same findings)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from jsonld_news.enrich import scanner, tokens
from jsonld_news.enrich.findings import ArticleState
from jsonld_news.enrich.recognize import RuleRecognizer, shipped_kbs
from jsonld_news.enrich.rule_words import GERMAN_ORG_ENDINGS
from jsonld_news.identity import slug

# one match per word: the tokeniser's pattern before runs of lower-case words were one match
_ONE_WORD = re.compile(
    tokens._PAIR.pattern.replace(
        f"({tokens._PLAIN_WORD}(?: {tokens._PLAIN_WORD})*)", f"({tokens._PLAIN_WORD})"
    )
)
_AWKWARD = st.text(alphabet=list("abz Aé0ß_-&.'’,\n\tXY"), max_size=60)
_WORDS = st.lists(
    st.sampled_from(["the", "man's", "a-b", "x.y", "U.S.", "Berlin", "3", "l'Etat", "co-", "é"]),
    max_size=12,
).map(" ".join)


def _expanded(text: str) -> list[tuple[str, str, str, str]]:
    out = []
    for gap, plain, word, raw in tokens._PAIR.findall(text):
        if plain:
            for k, one in enumerate(plain.split(" ")):
                out.append((gap if k == 0 else " ", one, "", ""))
        else:
            out.append((gap, plain, word, raw))
    return out


@given(st.one_of(_AWKWARD, _WORDS))
def test_a_run_of_lower_case_words_is_what_one_match_per_word_gives(text: str) -> None:
    assert _expanded(text) == _ONE_WORD.findall(text)


def test_runs_keep_offsets_and_gaps() -> None:
    text = "said the man's wife, and 3 more\nin Berlin"
    lines = tokens.tokenize(text, "full")
    words = [t for line in lines for t in line.toks]
    assert [text[t.start : t.end] for t in words] == [t.text for t in words]
    assert [t.text for t in words] == [
        "said",
        "the",
        "man",
        "wife",
        "and",
        "3",
        "more",
        "in",
        "Berlin",
    ]
    assert [t.gap_before for t in words][4:7] == [", ", " ", " "]
    assert words[2].poss and words[3].joined and not words[4].joined and words[7].gap_before == "\n"


def _slug_by_unicode(name: str) -> str:
    """``identity.slug`` without its ASCII fast path."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = unicodedata.normalize("NFC", stripped).replace("'", "").replace("\u2019", "")
    return re.sub(r"[^\w]+", "-", text).strip("-_") or "unnamed"


@given(st.one_of(st.text(max_size=20), st.text(alphabet=list("aZ 9'_-.,&ßé’"), max_size=20)))
def test_slug_fast_path_agrees_with_the_unicode_path(name: str) -> None:
    slug.cache_clear()
    assert slug(name) == _slug_by_unicode(name)


def _compound_by_every_ending(word: str) -> bool:
    """Whether ``_german_compound_body``'s loop over the endings takes ``word`` (no pre-check)."""
    low = word.lower()
    genitive = low.endswith("s") and not low.endswith("ss")
    stem = word[:-1] if genitive else word
    return any(
        (low.endswith(ending) or (genitive and low[:-1].endswith(ending)))
        and len(stem) > len(ending) + 2
        for ending, _ in scanner._GERMAN_ENDINGS
    )


_ENDING = st.sampled_from([ending for ending, _ in scanner._GERMAN_ENDINGS])


@given(st.text(alphabet="abcsß-", max_size=8), _ENDING, st.sampled_from(["", "s", "ss", "x"]))
def test_german_compound_pre_check_drops_no_body(head: str, ending: str, tail: str) -> None:
    for word in (f"{head}{ending}{tail}".capitalize(), f"{head}{tail}".capitalize()):
        tok = [t for line in tokens.tokenize(f"x {word}", "strict") for t in line.toks][-1]
        if tok.lower in GERMAN_ORG_ENDINGS:
            continue  # the kind alone: its own branch, before the endings
        found = scanner._german_compound_body(tok, ArticleState(lang="de"))
        expected = len(tok.lower) >= 8 and not tok.upper and _compound_by_every_ending(tok.text)
        assert (found is not None) == expected, word


def test_reads_as_english_is_remembered_per_body_and_forgotten_with_the_caches() -> None:

    rec = RuleRecognizer(shipped_kbs())
    german = (
        "Die Beschäftigten müssen in Quarantäne, sagte der Sprecher. Wer Abmahnungen bekommt, "
        "sollte sich wehren. Die Firma hat ihren Sitz in Berlin und wird nicht umziehen."
    )
    english = "The company has its seat in Berlin and in Kiel, the spokesman said on Monday."
    first = [rec.recognize("", t, language="en", base_iri="urn:x:") for t in (german, english)]
    assert rec._english == {german: False, english: True}
    again = [rec.recognize("", t, language="en", base_iri="urn:x:") for t in (german, english)]
    assert again == first
    rec.clear_cache()
    assert rec._english == {}


@given(st.text(max_size=30))
def test_key_hash_is_the_eight_byte_blake2b_of_the_key(key: str) -> None:
    import hashlib

    from jsonld_news.kb import key_hash

    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    assert key_hash(key) == int.from_bytes(digest, "little")


@given(st.one_of(st.text(max_size=20), st.text(alphabet=list("aZ \t\x1f.-'’éT"), max_size=20)))
def test_name_key_fast_path_agrees_with_the_full_normalisation(name: str) -> None:
    import unicodedata

    from jsonld_news.kb import name_key

    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").casefold()
    text = " ".join(text.split())
    assert name_key(name) == (text[4:] if text.startswith("the ") else text)


class _EveryRun(RuleRecognizer):
    """The recogniser without the shortcut: every run a name may span is walked and looked up."""

    def _may_start_name(self, word: str) -> bool:
        return True


# KB names of several words, runs that only start like one, and the words around them
_KB_PHRASES = (
    "New York City|Bank of England|der Deutschen Telekom|Union européenne|in Berlin|said|"
    "Olaf Scholz|United Nations|New|York|in Kiel|Hamburgs Hafen|,|der Europäischen Union|"
    "Apple|Mr.|the|of|Deutsche Bank"
)
_KB_WORDS = st.lists(st.sampled_from(_KB_PHRASES.split("|")), max_size=10).map(" ".join)
_SHIPPED = RuleRecognizer(shipped_kbs())
_EVERY_RUN = _EveryRun(shipped_kbs())


@given(_KB_WORDS, st.sampled_from(["en", "de", "fr"]))
def test_the_may_start_shortcut_drops_no_kb_name(text: str, lang: str) -> None:
    def found(rec: RuleRecognizer) -> list[tuple[int, int, str, str]]:
        mentions = rec.recognize("", text, language=lang, base_iri="urn:x:")
        return [(m.start, m.end, m.entity.type, m.entity.iri) for m in mentions]

    assert found(_SHIPPED) == found(_EVERY_RUN)
