"""The recogniser's fast paths against the plain paths they stand in for (same findings)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from jsonld_news.enrich import tokens

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
