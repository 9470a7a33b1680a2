"""Regenerate ``jsonld_news/data/organizations.jsonl``, the notable-organisations table.

    pip install -e '.[build-data]'     # pytickersymbols, cleanco, nba_api: build time only
    .venv/bin/python tools/build_org_table.py

A KB file in the format of ``jsonld_news.kb`` (one JSON entity a line), shipped with the package
and layered after the starter KB (``enrich.recognize.organization_table``): its labels make IRIs
like the starter KB's, so an organisation gets the same IRI whether or not a user KB is given.

Sources, each a maintained package's data:

- ``pytickersymbols``: the constituents of major stock indices (S&P 500, NASDAQ 100, DAX,
  CAC 40, FTSE 100, IBEX 35, NIKKEI 225, ...), names as the English Wikipedia writes them.
  Small-cap indices (``SMALL_CAP_INDICES``) are left out: their one-word names are rarely news
  subjects and often words. Type ``Corporation``.
- ``jsonld_news.agencies``, the package's documented registry of news agencies: those the
  starter KB does not list ("Jiji Press", "Ukrinform"). Type ``NewsMediaOrganization``.
- ``nba_api``'s static team tables (NBA and WNBA): full names ("Boston Celtics") with the
  nickname as an alias where it is no common English word ("Celtics", not "Heat").
  Type ``SportsTeam``.

Names: a Wikipedia disambiguator in parentheses is cut ("Puma (brand)" -> "Puma"); a name that
Wikipedia's first-letter capitalisation rule has changed ("EBay") gets its lower-case first
letter back where the company's own web site writes the name that way (``ebay.com``); the
legal form is cut for an alias by ``cleanco`` (its ISO 20275-based term list: "Apple Inc." ->
"Apple", "The Coca-Cola Company" -> "Coca-Cola"). No other short form is made up ("The Walt
Disney Company" gets no "Disney").

An entry whose name the starter KB already gives an organisation is left out (the curated
entry keeps its IRI), and an alias that the starter KB gives a place ("Santander") is dropped:
the place keeps the name. No ``sameAs``: the data carries no identifier (its Wikipedia links
are page titles, and a wrong ``sameAs`` is worse than none).

Output: ``organizations.jsonl`` and ``PROVENANCE-organizations.md`` (versions, licences,
counts per source and type, the filters).
"""

from __future__ import annotations

import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jsonld_news.enrich.names import common_word  # noqa: E402
from jsonld_news.identity import kind_of  # noqa: E402
from jsonld_news.kb import name_key  # noqa: E402

DATA = ROOT / "jsonld_news" / "data"
SMALL_CAP_INDICES = frozenset({"S&P 600", "SDAX", "CAC Mid 60"})
SCORE = 1e5  # below the starter KB's curated organisations (1e6)
_DISAMBIGUATOR = re.compile(r"\s*\([^)]*\)?\s*$")
_WIKI_CAPITAL = re.compile(r"^[A-Z][A-Z][a-z]")


def _starter_names() -> tuple[set[str], set[str]]:
    """The name keys the starter KB gives organisations, and those it gives places."""
    orgs: set[str] = set()
    places: set[str] = set()
    for line in (DATA / "starter_kb.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        names = [entry["label"], *entry.get("aliases", [])]
        names += [n for ns in entry.get("localNames", {}).values() for n in ns]
        target = orgs if kind_of(entry["type"]) == "organization" else places
        target.update(name_key(n) for n in names)
    return orgs, places


def _clean(name: str, website: str | None) -> str:
    name = _DISAMBIGUATOR.sub("", name).strip()
    if _WIKI_CAPITAL.match(name) and " " not in name and website:
        host = website.casefold().removeprefix("www.").split(".")[0]
        if host == name.casefold():
            name = name[0].lower() + name[1:]  # "EBay" -> "eBay", as ebay.com writes it
    return name


def _short_form(label: str) -> str | None:
    from cleanco import basename

    short = str(basename(label)).strip().rstrip(",").strip()
    if short.lower().startswith("the "):
        short = short[4:]
    if len(short) < 3 or "(" in short or name_key(short) == name_key(label):
        return None
    return short


def _ticker_entries(orgs: set[str], places: set[str]) -> tuple[list[dict[str, object]], int]:
    from pytickersymbols.indices_data import INDICES

    seen: dict[str, dict[str, object]] = {}
    skipped = 0
    for index_name, index in sorted(INDICES.items()):
        if index_name in SMALL_CAP_INDICES:
            continue
        for company in index["companies"]:
            website = (company.get("metadata") or {}).get("website")
            label = _clean(company["name"], website)
            key = name_key(label)
            if key in seen:
                continue
            short = _short_form(label)
            names = [label, *([short] if short else [])]
            if any(name_key(n) in orgs for n in names):
                skipped += 1  # the starter KB's curated entry keeps the name and its IRI
                continue
            aliases = [n for n in names[1:] if name_key(n) not in places]
            if name_key(label) in places and not aliases:
                skipped += 1
                continue
            seen[key] = {
                "id": f"ticker:{company['symbol']}",
                "label": label,
                "type": "Corporation",
                "aliases": aliases,
                "score": SCORE,
                "source": "pytickersymbols",
            }
    # a short form that opens another company's name ("Mitsubishi" of Mitsubishi Corporation,
    # Mitsubishi Motors, Mitsubishi Electric...) names a group, not one company: dropped
    firsts: dict[str, int] = {}
    for entry in seen.values():
        words = name_key(str(entry["label"])).split()
        for n in range(1, len(words)):
            firsts[" ".join(words[:n])] = firsts.get(" ".join(words[:n]), 0) + 1
    for entry in seen.values():
        listed = entry["aliases"]
        assert isinstance(listed, list)
        entry["aliases"] = [a for a in listed if firsts.get(name_key(str(a)), 0) < 2]
    return list(seen.values()), skipped


def _team_entries(orgs: set[str], places: set[str]) -> list[dict[str, object]]:
    from nba_api.stats.library import data

    entries = []
    for league, teams in (("NBA", data.teams), ("WNBA", data.wnba_teams)):
        for team in teams:
            label = team[data.team_index_full_name]
            nickname = team[data.team_index_nickname]
            if name_key(label) in orgs:
                continue
            aliases = []
            if not common_word(nickname) and name_key(nickname) not in places | orgs:
                aliases.append(nickname)
            entries.append(
                {
                    "id": f"{league.lower()}:{team[data.team_index_id]}",
                    "label": label,
                    "type": "SportsTeam",
                    "aliases": aliases,
                    "score": SCORE,
                    "source": "nba_api",
                }
            )
    return entries


def _agency_entries(orgs: set[str], places: set[str]) -> list[dict[str, object]]:
    """The news agencies of ``jsonld_news.agencies`` the starter KB does not list yet (photo
    agencies left out: they are credits, not news subjects). Aliases of three letters or fewer
    ("PA", "CP", "AAP") are left out: other bodies and places share them."""
    from jsonld_news.agencies import AGENCIES

    entries = []
    for agency in AGENCIES:
        if agency.photo_only or name_key(agency.name) in orgs:
            continue
        aliases = [
            a
            for a in agency.aliases
            if len(a) > 3
            and name_key(a) not in orgs | places
            and name_key(a) != name_key(agency.name)
        ]
        entries.append(
            {
                "id": f"agency:{agency.name}",
                "label": agency.name,
                "type": "NewsMediaOrganization",
                "aliases": aliases,
                "score": SCORE,
                "source": "jsonld_news.agencies",
            }
        )
    return entries


def main() -> int:
    orgs, places = _starter_names()
    tickers, skipped = _ticker_entries(orgs, places)
    teams = _team_entries(orgs, places)
    agencies = _agency_entries(orgs, places)
    entries = sorted([*tickers, *teams, *agencies], key=lambda e: str(e["id"]))
    out = DATA / "organizations.jsonl"
    counts: dict[tuple[str, str], int] = {}
    with open(out, "w", encoding="utf-8") as fh:
        for entry in entries:
            source = str(entry.pop("source"))
            counts[(source, str(entry["type"]))] = counts.get((source, str(entry["type"])), 0) + 1
            if not entry["aliases"]:
                del entry["aliases"]
            fh.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    versions = {p: version(p) for p in ("pytickersymbols", "cleanco", "nba_api")}
    lines = [
        "# organizations.jsonl: notable organisations",
        "",
        "Generated by `tools/build_org_table.py`; do not edit by hand (its docstring gives the",
        "rules). Build-time packages (the `build-data` extra, never loaded at run time):",
        "",
        "| package | version | licence | what it gives |",
        "| --- | --- | --- | --- |",
        f"| pytickersymbols | {versions['pytickersymbols']} | MIT | constituents of stock indices"
        " (names from the English Wikipedia) |",
        f"| cleanco | {versions['cleanco']} | MIT | legal-form terms cut for the short form |",
        f"| nba_api | {versions['nba_api']} | MIT | NBA and WNBA teams (static tables) |",
        "| jsonld_news.agencies | (this package) | MIT | news agencies, the curated registry |",
        "",
        "Indices left out (small caps): " + ", ".join(sorted(SMALL_CAP_INDICES)) + ".",
        f"Companies left out because the starter KB already names them: {skipped}.",
        "No `sameAs`: the data carries no identifier.",
        "",
        "| source | type | entries |",
        "| --- | --- | --- |",
        *(f"| {s} | {t} | {n} |" for (s, t), n in sorted(counts.items())),
        "",
    ]
    (DATA / "PROVENANCE-organizations.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {len(entries)} entries to {out.relative_to(ROOT)} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
