"""Hypothesis strategies: article inputs in the project's own JSON format."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

_WORD = st.text(
    alphabet=st.characters(categories=("L", "N"), exclude_characters="\x00", max_codepoint=0x2FFF),
    min_size=1,
    max_size=12,
)
_TEXT = st.lists(_WORD, min_size=1, max_size=12).map(" ".join)
_AWKWARD = st.text(
    alphabet=st.sampled_from([*list('ab "\\\n\t\r<>&{}é’“”…\u2028'), "\x01", "\x7f"]),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")
_NAME = st.lists(
    st.sampled_from(
        ["Anna", "Ben", "Chen", "Dara", "Émile", "Fatima", "Gómez", "Hoang", "Ivanova"]
    ),
    min_size=2,
    max_size=3,
    unique=True,
).map(" ".join)
_URL = st.builds(
    lambda host, path: f"https://{host}.example.com/{path}",
    st.sampled_from(["news", "www.daily", "wire"]),
    st.from_regex(r"[a-z0-9\-/]{0,20}", fullmatch=True),
)
_DATE = st.one_of(
    st.dates().map(lambda d: d.isoformat()).filter(lambda s: s[0] != "0"),
    st.datetimes(timezones=st.none()).map(lambda d: d.replace(microsecond=0).isoformat()),
    st.sampled_from(["November 15, 2024", "2024-11-15T10:00:00+02:00", "15 March 2021 14:05"]),
)
_ENTITY = st.fixed_dictionaries(
    {"name": _NAME, "type": st.sampled_from(["Person", "Place", "Organization", "City"])},
    optional={"sameAs": st.lists(_URL, max_size=2)},
)
_PARAGRAPH = st.one_of(
    _TEXT,
    st.builds(
        lambda a, t, u, b: f"{a} [{t}]({u}) {b}", _TEXT, _TEXT, st.one_of(_URL, st.just("#")), _TEXT
    ),
    _AWKWARD,
)


def own_json_article() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"headline": st.one_of(_TEXT, _AWKWARD)},
        optional={
            "description": _AWKWARD,
            "body": st.lists(_PARAGRAPH, min_size=1, max_size=5).map("\n\n".join),
            "url": _URL,
            "datePublished": _DATE,
            "authors": st.lists(_NAME, max_size=3),
            "byline": st.lists(_NAME, min_size=1, max_size=3).map(
                lambda n: "By " + " and ".join(n)
            ),
            "publisher": st.fixed_dictionaries({"name": _TEXT, "url": _URL}),
            "image": st.lists(
                st.fixed_dictionaries(
                    {"url": _URL},
                    optional={"caption": _AWKWARD, "credit": st.just("JANE ROE / AFP")},
                ),
                max_size=2,
            ),
            "keywords": st.lists(_TEXT, max_size=4),
            "mentions": st.lists(_ENTITY, max_size=4),
            "about": st.lists(_ENTITY, max_size=2),
            "inLanguage": st.sampled_from(["en", "de", "pt-BR"]),
            "dateline": st.sampled_from(["BERLIN", "KYIV, Ukraine"]),
            "related": st.lists(st.fixed_dictionaries({"title": _TEXT, "url": _URL}), max_size=2),
        },
    )
