"""tools/eval_mentions.py: which gold sets it scores. The blind set (blind3) is never opened
here: these tests only check that it is not scored by default and that ``-v`` is refused."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:
    path = ROOT / "tools" / "eval_mentions.py"
    spec = importlib.util.spec_from_file_location("eval_mentions_sets", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_mentions_sets"] = module
    spec.loader.exec_module(module)
    return module


def _recorder(names: list[str]) -> Callable[[str], tuple[list[object], int]]:
    def load_set(name: str) -> tuple[list[object], int]:
        names.append(name)
        return [], 0

    return load_set


def _scored(tool: ModuleType, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> list[str]:
    names: list[str] = []
    monkeypatch.setattr(tool, "load_set", _recorder(names))
    monkeypatch.setattr(tool, "report", lambda *args: None)
    assert tool.main(argv) == 0
    return names


def test_default_and_all_score_the_dev_sets_never_the_blind_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tool = _tool()
    assert _scored(tool, monkeypatch, []) == ["old", "dev", "dev2", "dev3"]
    assert _scored(tool, monkeypatch, ["--set", "all"]) == ["old", "dev", "dev2", "dev3"]
    assert _scored(tool, monkeypatch, ["--set", "dev2"]) == ["dev2"]
    assert _scored(tool, monkeypatch, ["--set", "blind3"]) == ["blind3"]  # only by name
    assert _scored(tool, monkeypatch, ["--set", "blind4"]) == ["blind4"]


def test_verbose_is_refused_for_the_blind_set(monkeypatch: pytest.MonkeyPatch) -> None:
    tool = _tool()
    opened: list[str] = []
    monkeypatch.setattr(tool, "load_set", _recorder(opened))
    assert tool.main(["--set", "blind3", "-v"]) == 2
    assert tool.main(["--set", "blind4", "-v"]) == 2
    assert opened == []  # refused before anything is read


def test_dev2_and_dev3_are_the_retired_blind_sets() -> None:
    tool = _tool()
    more = ROOT / "tests" / "gold" / "mentions-more"
    assert tool.SETS["dev2"] == more / "dev2"
    assert tool.SETS["dev3"] == more / "dev3"
    assert not (more / "blind").exists()
    assert not (more / "blind2").exists()


def test_gold_kind_follows_schema_org_families() -> None:
    tool = _tool()
    assert tool.gold_kind("LandmarksOrHistoricalBuildings") == "place"
    assert tool.gold_kind("MedicalOrganization") == "organization"
    assert tool.gold_kind("Person") == "person"
    assert tool.gold_kind("Event") == "thing"
