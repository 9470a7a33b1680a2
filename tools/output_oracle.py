"""Output oracle for speed work: convert every input we can reach and compare the bytes.

    python tools/output_oracle.py dump /tmp/core-oracle-before
    python tools/output_oracle.py dump /tmp/core-oracle-after
    python tools/output_oracle.py diff /tmp/core-oracle-before /tmp/core-oracle-after

``dump`` converts examples/inputs, ../shared/seeds, ../shared/corpus/inputs/*, the corpus HTML
pages (html and html-more) and generated articles (tools/generate.py), mentions on (the
``convert`` default) and, for the generated ones, also off, and writes per input the compact
JSON-LD (as ``to_jsonld`` makes it), the published JSON-LD, N-Triples, Turtle and the warnings;
a failure is written as its one-line message. ``diff`` lists every file that differs or is
missing. Outputs go outside the repository: they are a before/after check, not goldens.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import corpus

from jsonld_news.errors import JsonldNewsError
from jsonld_news.jsonld import to_jsonld
from jsonld_news.options import Options
from jsonld_news.pipeline import convert_bytes
from jsonld_news.serialize import render_all

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
SUFFIXES = {".txt", ".md", ".json", ".html", ".htm", ".jsonld", ".xml", ".ninjs"}


def inputs(generated: int) -> Iterator[tuple[str, bytes, str | None, str]]:
    """(name, bytes, format or None, source label)."""
    folders = [
        ("examples", ROOT / "examples" / "inputs"),
        ("seeds", SHARED / "seeds"),
        ("inputs", SHARED / "corpus" / "inputs"),
        ("html", SHARED / "corpus" / "html"),
        ("html-more", SHARED / "corpus" / "html-more"),
    ]
    for label, folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUFFIXES:
                if path.name == "expected.json":
                    continue
                rel = path.relative_to(folder)
                yield f"{label}/{rel}", path.read_bytes(), None, str(path)
    for index, (data, fmt) in enumerate(corpus(generated)):
        yield f"generated/{index:04d}.{fmt}", data, fmt, f"generated-{index}"


def outputs(data: bytes, fmt: str | None, source: str, options: Options) -> dict[str, str]:
    try:
        article = convert_bytes(data, source, fmt, options)
    except JsonldNewsError as exc:
        return {"error": f"{type(exc).__name__}: {exc}\n"}
    doc = to_jsonld(article)
    out = {"compact": json.dumps(doc, ensure_ascii=False, sort_keys=False) + "\n"}
    out.update(render_all(doc, ("jsonld", "nt", "turtle")))
    out["warnings"] = "".join(f"{w}\n" for w in article.warnings)
    return out


def dump(target: Path, generated: int) -> None:
    on, off = Options(), Options(recognize_entities=False)
    count = 0
    for name, data, fmt, source in inputs(generated):
        runs = [("on", on)] + ([("off", off)] if name.startswith("generated/") else [])
        for mode, options in runs:
            for kind, text in outputs(data, fmt, source, options).items():
                path = target / mode / f"{name}.{kind}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        count += 1
    print(f"{count} inputs written under {target}")


def diff(before: Path, after: Path) -> int:
    old = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    new = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    bad = 0
    for rel in sorted(old | new):
        if rel not in new or rel not in old:
            print(f"only in {'before' if rel in old else 'after'}: {rel}")
            bad += 1
            continue
        a, b = (before / rel).read_text("utf-8"), (after / rel).read_text("utf-8")
        if a != b:
            bad += 1
            lines_a, lines_b = a.splitlines(), b.splitlines()
            where = next(
                (i for i, (x, y) in enumerate(zip(lines_a, lines_b, strict=False)) if x != y),
                min(len(lines_a), len(lines_b)),
            )
            print(f"differs: {rel} (line {where + 1})")
            print(f"  - {lines_a[where][:200] if where < len(lines_a) else '<end>'}")
            print(f"  + {lines_b[where][:200] if where < len(lines_b) else '<end>'}")
    print(f"{len(old | new)} files compared, {bad} differ")
    return 1 if bad else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("target", type=Path)
    d.add_argument("--generated", type=int, default=500)
    c = sub.add_parser("diff")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.target, args.generated)
    else:
        sys.exit(diff(args.before, args.after))


if __name__ == "__main__":
    main()
