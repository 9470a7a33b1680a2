"""The last pass: surnames alone ("Putin", "Scholz's", "Trump-Putin") become the full name of
a person the article has introduced."""

from __future__ import annotations

from collections.abc import Iterable

from jsonld_news.enrich.findings import ArticleState, Found, fold_name, overlaps
from jsonld_news.enrich.tokens import Line, Token


def short_forms(
    lines: list[Line], found: list[Found], art: ArticleState, *, in_headline: bool
) -> list[Found]:
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
                canonical = art.surnames.get(fold_name(part))
                if not canonical or overlaps(taken, start, start + len(part)):
                    continue
                f = Found(start, start + len(part), part, "short", None, canonical)
                f.in_headline = in_headline
                out.append(f)
    return out


def _parts(tok: Token) -> Iterable[tuple[str, int]]:
    if "-" not in tok.text:
        yield tok.text, tok.start
        return
    pos = tok.start
    for part in tok.text.split("-"):
        if part[:1].isupper():
            yield part, pos
        pos += len(part) + 1
