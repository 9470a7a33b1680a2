"""Regenerate examples/golden/: each input's compact JSON-LD and Turtle. Review the diff."""

from __future__ import annotations

from pathlib import Path

import jsonld_news

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOLDEN_FORMATS = {"jsonld": ".jsonld", "turtle": ".ttl"}


def golden_path(source: Path, format_name: str) -> Path:
    return EXAMPLES / "golden" / (source.name + GOLDEN_FORMATS[format_name])


def main() -> None:
    for source in sorted((EXAMPLES / "inputs").iterdir()):
        article = jsonld_news.read(source)
        for format_name in GOLDEN_FORMATS:
            target = golden_path(source, format_name)
            jsonld_news.write_atomic(target, jsonld_news.serialize(article, format_name))
            print(f"wrote {target.relative_to(EXAMPLES.parent)}")


if __name__ == "__main__":
    main()
