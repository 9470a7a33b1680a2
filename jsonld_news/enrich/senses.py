"""One sense per article, decided after the scan from what the whole article names."""

from __future__ import annotations

from jsonld_news.enrich.findings import Found
from jsonld_news.enrich.linking import small_town


def given_names_of_people(found: list[Found]) -> list[Found]:
    """A small town's name that is the given name of a person the article names ("Ann" of
    "sisters Ann and Nancy Wilson" where "Ann Wilson" is named) is that person's, not the
    town's: the name alone is dropped unless context resolved it as a place ("Ann, Myanmar")."""
    given = {f.name.split()[0] for f in found if f.kind in ("person", "kb") and f.type == "Person"}
    given.discard("")
    if not given:
        return found
    return [
        f
        for f in found
        if not (
            f.kind == "kb"
            and f.entry is not None
            and not f.resolved
            and " " not in f.surface
            and f.surface in given
            and small_town(f.entry)
        )
    ]
