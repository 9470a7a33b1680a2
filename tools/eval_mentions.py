"""Precision and recall of the offline recognizer on the hand-annotated gold sets.

    .venv/bin/python tools/eval_mentions.py [--set old|dev|dev2|dev3|blind3|blind4|all] [-v]

Sets: ``old`` is ``tests/gold/mentions/*.json`` (the articles the rules were written against),
``dev``, ``dev2``, ``dev3``, ``blind3`` and ``blind4`` are ``tests/gold/mentions-more/{dev,...}/*.json``
(real articles of ``shared/corpus/html-more``, chosen in the order of a hash of the file name).
``dev``, ``dev2`` and ``dev3`` may be tuned on (``dev2`` was the first blind set and ``dev3`` the
second, ``blind2``, each retired as blind on 2026-12-02 once read in aggregate).
``blind3`` and ``blind4`` are held out: each is scored only when asked for by name (``--set
blind4``), by the lead, with aggregate figures only (``-v`` is refused). Without ``--set`` (``make
eval``) and with ``--set all``, old, dev, dev2 and dev3 are scored, never a blind set.
A file whose ``entities`` is still empty is not annotated yet and is skipped (and counted as
such); a set whose folder is missing has no articles.

Gold files are ``{"id", "language", "headline", "body",
"entities": [{"name", "type", "aliases"?, "sameAs"?}]}`` (see the README there). Scoring is per
article and entity: a predicted entity counts as right when its name (or one of the gold
aliases) normalises like a gold entity's of the same kind (person, place, organisation).
Gold entities marked ``optional`` (a telescope, "the House") count neither way.

Precision and recall are those of the default recognizer (starter KB only). Linking accuracy
is measured with ``eval-kb.jsonl`` loaded as the user's KB (people with aliases, plus
namesakes meant to mislead: George Washington for "Washington", a second Mark Harper...): of
the gold entities that carry ``sameAs`` and were found, the share whose prediction carries
that IRI.

Wrong ``sameAs``: a predicted entity whose ``sameAs`` does not carry the IRI of the gold entity
it matches (when that gold entity gives one), or a prediction that matches no gold entity and
carries any ``sameAs`` ("Jordan" of "Jordan Peterson" linked to the country). Predictions with
a ``sameAs`` that match a gold entity without one are counted as unchecked. Exits 0 (2 when
``-v`` is asked for a blind set): it reports, the tests hold the thresholds.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jsonld_news.enrich.base import EntityRecognizer  # noqa: E402
from jsonld_news.enrich.recognize import default_recognizer, load_recognizer  # noqa: E402
from jsonld_news.identity import kind_of  # noqa: E402
from jsonld_news.kb import name_key  # noqa: E402
from jsonld_news.model import Entity  # noqa: E402
from jsonld_news.validate.vocabulary import vocabulary  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "mentions"
MORE = ROOT / "tests" / "gold" / "mentions-more"
SETS = {
    "old": GOLD,
    "dev": MORE / "dev",
    "dev2": MORE / "dev2",
    "dev3": MORE / "dev3",
    "blind3": MORE / "blind3",
    "blind4": MORE / "blind4",
}
BLIND = frozenset({"blind3", "blind4"})  # held out: aggregates only, never by default
TUNED = ("old", "dev", "dev2", "dev3")
EVAL_KB = GOLD / "eval-kb.jsonl"
KINDS = ("person", "place", "organization")


def gold_kind(schema_type: str) -> str:
    """A gold entity's kind: ``kind_of``, or, for any other schema.org subclass of Place or
    Organization an annotator chose (LandmarksOrHistoricalBuildings), the kind of its family."""
    kind = kind_of(schema_type)
    if kind == "thing":
        vocab = vocabulary()
        if vocab.is_a(schema_type, "Place"):
            return "place"
        if vocab.is_a(schema_type, "Organization"):
            return "organization"
    return kind


def load_gold() -> list[dict[str, object]]:
    """The old set: the articles the rules were written against."""
    return load_set("old")[0]


def load_set(name: str) -> tuple[list[dict[str, object]], int]:
    """The annotated articles of one set and how many of its files are not annotated yet."""
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SETS[name].glob("*.json"))]
    done = [d for d in docs if d.get("entities")]
    return done, len(docs) - len(done)


def score(
    docs: list[dict[str, object]],
    verbose: bool = False,
    recognizer: EntityRecognizer | None = None,
) -> dict[str, object]:
    rec = recognizer or default_recognizer()
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    by_lang: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    linked_ok = linked_all = 0
    wrong_same_as = unchecked_same_as = 0
    for doc in docs:
        mentions = rec.recognize(
            str(doc["headline"]), str(doc["body"]), language=str(doc["language"]),
            base_iri="urn:x:",
        )  # fmt: skip
        # One prediction per entity, known by its label and by every surface the text gave it:
        # a place's label follows one language policy ("Munich" for "München"), while a gold
        # set names it as its article does, so the label alone would miss such matches.
        by_iri: dict[str, tuple[Entity, list[tuple[str, str]]]] = {}
        for m in mentions:
            entity, keys = by_iri.setdefault(m.entity.iri, (m.entity, []))
            for key in ((entity.kind, name_key(entity.name)), (entity.kind, name_key(m.surface))):
                if key not in keys:
                    keys.append(key)
        gold: dict[tuple[str, str], dict[str, object]] = {}
        keys_of: dict[tuple[str, str], tuple[str, str]] = {}
        optional: dict[tuple[str, str], object] = {}  # key -> the optional entity's sameAs
        for ent in doc["entities"]:  # type: ignore[attr-defined]
            kind = gold_kind(ent["type"])
            keys = [(kind, name_key(a)) for a in [ent["name"], *ent.get("aliases", [])]]
            if ent.get("optional"):
                for key in keys:  # either way is right: neither a hit nor a miss
                    optional[key] = ent.get("sameAs")
                continue
            gold[keys[0]] = ent
            for key in keys:
                keys_of[key] = keys[0]
        matched: set[tuple[str, str]] = set()
        for entity, keys in by_iri.values():
            key = next((k for k in keys if k in keys_of), None) or next(
                (k for k in keys if k in optional), keys[0]
            )
            main = keys_of.get(key)
            lang = str(doc["language"])
            if main is None and key in optional:
                want_opt = optional[key]
                if entity.same_as and want_opt and want_opt not in entity.same_as:
                    wrong_same_as += 1
                    if verbose:
                        print(f"  WRONG sameAs {doc['id']}: {entity.name!r} {entity.same_as}")
                elif entity.same_as and not want_opt:
                    unchecked_same_as += 1
                continue
            if main is None:
                fp[key[0]] += 1
                by_lang[lang]["fp"] += 1
                if entity.same_as:
                    wrong_same_as += 1
                if verbose:
                    link = f" sameAs {entity.same_as} (WRONG)" if entity.same_as else ""
                    print(f"  FP {doc['id']}: {entity.type} {entity.name!r}{link}")
                continue
            want = gold[main].get("sameAs")
            if entity.same_as:
                if want and want not in entity.same_as:
                    wrong_same_as += 1
                    if verbose:
                        print(f"  WRONG sameAs {doc['id']}: {entity.name!r} {entity.same_as}")
                elif not want:
                    unchecked_same_as += 1
            if main in matched:
                continue  # two predictions for one gold entity: the second is no new hit
            matched.add(main)
            tp[key[0]] += 1
            by_lang[lang]["tp"] += 1
            if want:
                linked_all += 1
                linked_ok += want in entity.same_as
                if verbose and recognizer is not None and want not in entity.same_as:
                    print(f"  LINK {doc['id']}: {entity.name!r} {entity.same_as} != {want}")
        for main, ent in gold.items():
            if main not in matched:
                fn[main[0]] += 1
                by_lang[str(doc["language"])]["fn"] += 1
                if verbose:
                    print(f"  FN {doc['id']}: {ent['type']} {ent['name']!r}")
    result: dict[str, object] = {}
    for kind in KINDS:
        p = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 1.0
        r = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else 1.0
        result[kind] = {"precision": p, "recall": r, "tp": tp[kind], "fp": fp[kind], "fn": fn[kind]}
    result["linking_accuracy"] = linked_ok / linked_all if linked_all else 1.0
    result["linked"] = linked_all
    result["wrong_same_as"] = wrong_same_as
    result["unchecked_same_as"] = unchecked_same_as
    result["by_language"] = {k: dict(v) for k, v in by_lang.items()}
    return result


def linking(docs: list[dict[str, object]], verbose: bool = False) -> dict[str, object]:
    """Scores with the evaluation KB loaded as the user's KB."""
    return score(docs, verbose, load_recognizer(str(EVAL_KB)))


def report(name: str, docs: list[dict[str, object]], pending: int, verbose: bool) -> None:
    """Print one set's figures (with the evaluation KB's linking accuracy for the old set)."""
    note = f", {pending} not annotated yet (skipped)" if pending else ""
    print(f"mentions gold set {name!r}: {len(docs)} articles{note}")
    if not docs:
        return
    if verbose:
        print(f"-- {name}: default recognizer (starter KB only)")
    res = score(docs, verbose)
    print(f"{'type':<14}{'precision':>10}{'recall':>8}{'tp':>6}{'fp':>5}{'fn':>5}")
    for kind in KINDS:
        r = res[kind]
        assert isinstance(r, dict)
        print(
            f"{kind:<14}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['tp']:>6}{r['fp']:>5}{r['fn']:>5}"
        )
    print(
        f"wrong sameAs: {res['wrong_same_as']} (unchecked, gold gives none: "
        f"{res['unchecked_same_as']}); starter-KB links right: {res['linking_accuracy']:.3f}"
        f" over {res['linked']} found gold entities with sameAs"
    )
    if name == "old":
        if verbose:
            print(f"-- {name}: with {EVAL_KB.name}")
        linked = linking(docs, verbose)
        print(
            f"linking accuracy: {linked['linking_accuracy']:.3f} over {linked['linked']} gold"
            f" entities with sameAs, found, with {EVAL_KB.name} loaded"
        )
        for kind in KINDS:
            r = linked[kind]
            assert isinstance(r, dict)
            print(f"  with {EVAL_KB.name}: {kind} P {r['precision']:.3f} R {r['recall']:.3f}")
    by_lang = res["by_language"]
    assert isinstance(by_lang, dict)
    for lang, c in sorted(by_lang.items()):
        print(f"  {lang}: tp {c.get('tp', 0)} fp {c.get('fp', 0)} fn {c.get('fn', 0)}")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--set",
        choices=(*SETS, "all"),
        help="gold set to score (default and all: old, dev, dev2, dev3; a blind set only when named)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every FP and FN")
    args = parser.parse_args(argv)
    names = list(TUNED) if args.set in (None, "all") else [args.set]
    if args.verbose and BLIND & set(names):
        print(
            "eval_mentions: -v lists the errors of a blind set; its figures are aggregates only",
            file=sys.stderr,
        )
        return 2
    for k, name in enumerate(names):
        if k:
            print()
        docs, pending = load_set(name)
        report(name, docs, pending, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
