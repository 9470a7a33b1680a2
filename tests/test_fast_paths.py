"""The pipeline's fast paths against the standard-library paths they stand in for."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import given
from hypothesis import strategies as st

from jsonld_news.agencies import _key
from jsonld_news.body import _LINK, _link_matches
from jsonld_news.build import _UNUSABLE_CHARS, sanitize_text
from jsonld_news.credits import _TRAILER, split_wire_trailer
from jsonld_news.decode import utf16_without_bom
from jsonld_news.enrich.citations import (
    _SENTENCE_END,
    _first_name_before,
    first_name_before_regex,
    sentence_ends,
)
from jsonld_news.identity import _normalize_url, _split_and_rebuild
from jsonld_news.model import _words, count_words
from jsonld_news.rdf import _NEEDS_ESCAPE, _escape_char, escape_literal

_URL_PART = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=12)
_HOST = st.from_regex(r"[a-zA-Z0-9.\-]{1,12}(:[0-9]{0,4})?", fullmatch=True)


@st.composite
def _urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "ftp"]))
    return f"{scheme}://{draw(_HOST)}{draw(_URL_PART)}{draw(st.sampled_from(['', '?', '#']))}" + (
        draw(_URL_PART)
    )


@given(_urls())
def test_the_url_fast_path_agrees_with_urlsplit(url: str) -> None:
    """``normalize_url``'s regex reading equals urlsplit + urlunsplit wherever it applies."""
    _normalize_url.cache_clear()
    assert _normalize_url(url) == _split_and_rebuild(url.strip().strip("<>").strip())


@given(st.text(alphabet='ab[]()<>!: h/tps."', max_size=40))
def test_link_scan_finds_what_finditer_finds(text: str) -> None:
    def spans(matches: object) -> list[tuple[int, int]]:
        return [m.span() for m in matches]  # type: ignore[attr-defined]

    assert spans(_link_matches(text)) == spans(_LINK.finditer(text))


def test_link_scan_on_markdown() -> None:
    text = 'See [a [nested] link](https://e.x/a_(b)) and ![i](x.png) <https://a.b/c> [x]("t")'
    assert [m.group(0) for m in _link_matches(text)] == [m.group(0) for m in _LINK.finditer(text)]


def test_deep_json_is_still_refused_and_shallow_json_read() -> None:
    from jsonld_news.errors import MalformedInputError
    from jsonld_news.options import Options
    from jsonld_news.readers.article_json import MAX_DEPTH, load_json

    deep = b"[" * (MAX_DEPTH + 2) + b"]" * (MAX_DEPTH + 2)
    try:
        load_json(deep, "deep.json", Options())
    except MalformedInputError as exc:
        assert "levels deep" in str(exc)
    else:
        raise AssertionError("JSON nested past the limit was read")
    wide = b'{"a": [' + b", ".join([b"[1]"] * 200) + b"]}"  # many brackets, two levels deep
    assert load_json(wide, "wide.json", Options())["a"][0] == [1]


def _sanitized_slowly(value: str) -> str:
    # the check sanitize_text stands in for: a scan for "\r", then one for unusable characters
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _UNUSABLE_CHARS.sub("", value) if _UNUSABLE_CHARS.search(value) else value


_AWKWARD_CHARS = st.sampled_from(["\r", "\n", "\t", "\x00", "\x0b", "\x85", "\ud800", "\ufffe"])


@given(
    st.lists(
        st.one_of(st.characters(exclude_categories=()), _AWKWARD_CHARS, st.just("a")), max_size=20
    ).map("".join)
)
def test_the_sanitize_fast_path_agrees_with_two_scans(text: str) -> None:
    assert sanitize_text(text) == _sanitized_slowly(text)


@given(
    st.lists(
        st.one_of(st.characters(), st.sampled_from(list('\\"\n\r\t\b\f\x00\x1f\x7f\x80'))),
        max_size=30,
    ).map("".join)
)
def test_literal_escaping_agrees_with_one_callback_per_character(text: str) -> None:
    assert escape_literal(text) == _NEEDS_ESCAPE.sub(_escape_char, text)


_SENTENCE_TEXT = st.text(alphabet='aA0É .!?…\n\t"“”’‘()x', max_size=60)


@given(_SENTENCE_TEXT, st.integers(0, 70), st.integers(0, 70))
def test_sentence_ends_are_finditers_matches(text: str, pos: int, endpos: int) -> None:
    """Trying the sentence-end pattern only at its possible first characters finds what
    ``finditer`` finds, span and groups, in any window (the lookahead stops at ``endpos``)."""

    def found(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], str | None]]:
        return [(m.span(), m.group("stop")) for m in matches]

    assert found(sentence_ends(text, pos, endpos)) == found(
        _SENTENCE_END.finditer(text, pos, endpos)
    )


@given(_SENTENCE_TEXT, st.integers(0, 70))
def test_the_next_sentence_end_is_searchs(text: str, pos: int) -> None:
    first = next(sentence_ends(text, pos, len(text)), None)
    expected = _SENTENCE_END.search(text, pos)
    assert (first and first.span()) == (expected and expected.span())


@given(
    st.text(alphabet="AaBÉé×÷-' \t\n.", max_size=40),
    st.text(alphabet="AaBÉé-'. \t", min_size=1, max_size=4),
)
def test_the_first_name_scan_agrees_with_a_regex_per_surname(body: str, surname: str) -> None:
    """Fixed patterns at each occurrence of the surname find the first name that one regex
    compiled for that surname finds (the leftmost match), for any body and surname."""
    body = body.replace("Aa", f"Aa {surname} ", 1)  # make occurrences likely
    assert _first_name_before(body, surname) == first_name_before_regex(body, surname)


def test_the_first_name_scan_on_names() -> None:
    body = "Jean-Pierre  Dupont met Olaf Scholz.\nLater, SCHOLZ and olaf Scholz Scholzen left."
    assert _first_name_before(body, "Scholz") == "Olaf"
    assert _first_name_before(body, "Dupont") == "Jean-Pierre"
    assert _first_name_before(body, "Merkel") is None


def _utf16_by_counting(data: bytes) -> str | None:
    """The NUL-pattern test with both halves counted, as it was before the NUL shortcut."""
    head = data[:8192]
    if len(head) < 8 or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    even, odd = head[0::2], head[1::2]
    even_nuls, odd_nuls = even.count(0), odd.count(0)
    if odd_nuls >= max(2, len(odd) // 16) and even_nuls <= len(even) // 200:
        return "utf-16-le"
    if even_nuls >= max(2, len(even) // 16) and odd_nuls <= len(odd) // 200:
        return "utf-16-be"
    return None


@given(
    st.one_of(
        st.binary(max_size=64),
        st.text(max_size=30).map(lambda t: t.encode("utf-16-le")),
        st.text(max_size=30).map(lambda t: t.encode("utf-8")),
    )
)
def test_the_utf16_sniff_shortcut_agrees_with_counting(data: bytes) -> None:
    assert utf16_without_bom(data) == _utf16_by_counting(data)


@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
    | st.sampled_from(["İ", "ß", "Reuters", "A.F.P."])
)
def test_the_agency_key_shortcut_agrees_with_the_regex(text: str) -> None:
    """A one-word key skips the regex; \\w is isalnum() or "_", so the answer is the same."""
    assert _key(text) == re.sub(r"[^\w]+", " ", text.casefold()).strip()


@given(st.text(max_size=40) | st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1f\x85ab.", max_size=40))
def test_the_ascii_word_count_agrees_with_split(text: str) -> None:
    assert _words(text) == len(text.split())


def _count_by_split(text: str, stop: int | None, chunk: int) -> int:
    count = 0
    for start in range(0, len(text), chunk):
        part = text[start : start + chunk]
        count += len(part.split())
        if start and not part[0].isspace() and not text[start - 1].isspace():
            count -= 1
        if stop is not None and count >= stop:
            break
    return count


@given(
    st.text(alphabet=" \ta\n\u00a0é", max_size=60),
    st.none() | st.integers(0, 10),
    st.integers(1, 9),
)
def test_word_counts_by_chunk_agree_with_split(text: str, stop: int | None, chunk: int) -> None:
    assert count_words(text, stop=stop, chunk=chunk) == _count_by_split(text, stop, chunk)


_TRAILER_TEXT = st.lists(
    st.sampled_from(
        ["(", ")", "Reporting by ", "editing BY ", "Jane Doe", " and ", "; ", ".", " ", "\n\n", "x"]
    ),
    max_size=12,
).map("".join)


@given(_TRAILER_TEXT)
def test_the_trailer_match_without_a_parenthesis_is_searchs(text: str) -> None:
    """Without "(" ``split_wire_trailer`` matches at the start only: the same as a search."""
    found = _TRAILER.search(text) if "(" in text else _TRAILER.match(text)
    expected = _TRAILER.search(text)
    assert (found and found.span()) == (expected and expected.span())
    assert (found and found.groupdict()) == (expected and expected.groupdict())


def test_wire_trailers_are_still_found() -> None:
    body = "Text.\n\nReporting by Jane Doe; Editing by John Roe"
    assert split_wire_trailer(body) == (
        "Text.",
        [("reporting", "Jane Doe"), ("editing", "John Roe")],
    )
    body = "Text.\n\nLast words. (Reporting by Jane Doe in Kyiv)"
    assert split_wire_trailer(body) == ("Text.\n\nLast words.", [("reporting", "Jane Doe")])


_ASCII_TEXT = st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30)


@given(_ASCII_TEXT)
def test_the_ascii_shortcuts_agree_with_the_patterns(text: str) -> None:
    """ASCII text: the byte-deleting tests of ``sanitize_text`` and ``escape_literal``."""
    assert sanitize_text(text) == _sanitized_slowly(text)
    assert escape_literal(text) == _NEEDS_ESCAPE.sub(_escape_char, text)
