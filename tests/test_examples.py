"""Golden files: each example input next to its expected JSON-LD and Turtle (`make golden`)."""

from __future__ import annotations

from pathlib import Path

import pytest

import jsonld_news
from tests.conftest import EXAMPLES

INPUTS = sorted((EXAMPLES / "inputs").iterdir())


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
@pytest.mark.parametrize("format_name", ["jsonld", "turtle"])
def test_example_matches_golden(source: Path, format_name: str) -> None:
    suffix = {"jsonld": ".jsonld", "turtle": ".ttl"}[format_name]
    golden = EXAMPLES / "golden" / (source.name + suffix)
    produced = jsonld_news.serialize(jsonld_news.read(source), format_name)
    assert produced == golden.read_text(encoding="utf-8"), f"run `make golden` and review {golden}"


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
def test_example_output_validates(source: Path) -> None:
    report = jsonld_news.validate(jsonld_news.read(source))
    assert report.ok, [str(i) for i in report.errors]
