"""tools/eval_html.py: page sets and argument handling. Only the 28 pages and the DEV half are
ever read here; the blind half is measured by the lead alone, never by a test."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_html", ROOT / "tools" / "eval_html.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_html"] = module
    spec.loader.exec_module(module)
    return module


def test_dev_half_is_the_split_files_dev_list() -> None:
    tool = _tool()
    split = json.loads((ROOT / "tests" / "gold" / "html-more" / "split.json").read_text("utf-8"))
    folder, names = tool.pages("dev")
    if not names:
        pytest.skip("../shared/corpus/html-more not present")
    assert names == sorted(split["dev"])
    assert not set(names) & set(split["blind"])
    assert all((folder / n).exists() for n in names)


def test_verbose_is_refused_for_the_blind_half(capsys: pytest.CaptureFixture[str]) -> None:
    tool = _tool()
    assert tool.main(["--split", "blind", "-v"]) == 2
    assert tool.main(["-v"]) == 2  # "all" includes the blind half
    assert tool.main(["--split", "nope"]) == 2
    assert "refused" in capsys.readouterr().err


def test_grading_one_dev_page(capsys: pytest.CaptureFixture[str]) -> None:
    tool = _tool()
    folder, names = tool.pages("dev")
    if not names:
        pytest.skip("../shared/corpus/html-more not present")
    scores, timings = tool.evaluate(folder, tool.ours, False, "ours", names[:1])
    assert len(timings) == 1 and all(len(v) <= 1 for v in scores.values())
