"""Precision and recall of the offline recognizer on the hand-annotated gold set.

    .venv/bin/python tools/eval_mentions.py [-v]

Gold files are ``tests/gold/mentions/*.json``: ``{"id", "language", "headline", "body",
"entities": [{"name", "type", "aliases"?, "sameAs"?}]}`` (see the README there). Scoring is per
article and entity: a predicted entity counts as right when its name (or one of the gold
aliases) normalises like a gold entity's of the same kind (person, place, organisation).
Gold entities marked ``optional`` (a telescope, "the House") count neither way.

Precision and recall are those of the default recognizer (starter KB only). Linking accuracy
is measured with ``eval-kb.jsonl`` loaded as the user's KB (people with aliases, plus
namesakes meant to mislead: George Washington for "Washington", a second Mark Harper...): of
the gold entities that carry ``sameAs`` and were found, the share whose prediction carries
that IRI. Always exits 0: it reports, the tests hold the thresholds.
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

GOLD = ROOT / "tests" / "gold" / "mentions"
EVAL_KB = GOLD / "eval-kb.jsonl"
KINDS = ("person", "place", "organization")


def load_gold() -> list[dict[str, object]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


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
    for doc in docs:
        mentions = rec.recognize(
            str(doc["headline"]), str(doc["body"]), language=str(doc["language"]),
            base_iri="urn:x:",
        )  # fmt: skip
        predicted = {}
        for m in mentions:
            predicted[(m.entity.kind, name_key(m.entity.name))] = m.entity
        gold: dict[tuple[str, str], dict[str, object]] = {}
        keys_of: dict[tuple[str, str], tuple[str, str]] = {}
        optional: set[tuple[str, str]] = set()
        for ent in doc["entities"]:  # type: ignore[attr-defined]
            kind = kind_of(ent["type"])
            keys = [(kind, name_key(a)) for a in [ent["name"], *ent.get("aliases", [])]]
            if ent.get("optional"):
                optional.update(keys)  # either way is right: neither a hit nor a miss
                continue
            gold[keys[0]] = ent
            for key in keys:
                keys_of[key] = keys[0]
        matched: set[tuple[str, str]] = set()
        for key, entity in predicted.items():
            main = keys_of.get(key)
            lang = str(doc["language"])
            if main is None and key in optional:
                continue
            if main is None:
                fp[key[0]] += 1
                by_lang[lang]["fp"] += 1
                if verbose:
                    print(f"  FP {doc['id']}: {entity.type} {entity.name!r}")
                continue
            if main in matched:
                continue  # two predictions for one gold entity: the second is no new hit
            matched.add(main)
            tp[key[0]] += 1
            by_lang[lang]["tp"] += 1
            want = gold[main].get("sameAs")
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
    result["by_language"] = {k: dict(v) for k, v in by_lang.items()}
    return result


def linking(docs: list[dict[str, object]], verbose: bool = False) -> dict[str, object]:
    """Scores with the evaluation KB loaded as the user's KB."""
    return score(docs, verbose, load_recognizer(str(EVAL_KB)))


def main() -> int:
    verbose = "-v" in sys.argv
    docs = load_gold()
    res = score(docs, verbose)
    linked = linking(docs, verbose)
    res["linking_accuracy"], res["linked"] = linked["linking_accuracy"], linked["linked"]
    print(f"mentions gold set: {len(docs)} articles")
    print(f"{'type':<14}{'precision':>10}{'recall':>8}{'tp':>6}{'fp':>5}{'fn':>5}")
    for kind in KINDS:
        r = res[kind]
        assert isinstance(r, dict)
        print(
            f"{kind:<14}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['tp']:>6}{r['fp']:>5}{r['fn']:>5}"
        )
    print(
        f"linking accuracy: {res['linking_accuracy']:.3f} over {res['linked']} gold entities"
        f" with sameAs, found, with {EVAL_KB.name} loaded"
    )
    for kind in KINDS:
        r = linked[kind]
        assert isinstance(r, dict)
        print(f"  with {EVAL_KB.name}: {kind} P {r['precision']:.3f} R {r['recall']:.3f}")
    by_lang = res["by_language"]
    assert isinstance(by_lang, dict)
    for lang, c in sorted(by_lang.items()):
        print(f"  {lang}: tp {c.get('tp', 0)} fp {c.get('fp', 0)} fn {c.get('fn', 0)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
