"""Shared fixtures. The suite runs with sockets disabled (pytest-socket, see pyproject.toml).

Property tests (hypothesis ``@given``) are marked ``fuzz`` here. A default run tries a few
examples each; ``pytest -m fuzz`` runs only them, with many examples (the long fuzzing).
``HYPOTHESIS_PROFILE=fuzz`` makes any run fuzz long.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_dd5cf9288250182b.txt"

# A test that needs ../shared skips with this reason when it is absent (a fresh clone, CI).
NO_SHARED = f"the shared corpus is not at {SHARED}"

settings.register_profile("quick", max_examples=20, deadline=None)
settings.register_profile("fuzz", max_examples=1000, deadline=None)


def pytest_configure(config: pytest.Config) -> None:
    expr = (config.getoption("markexpr", "") or "").replace("not fuzz", "")
    chosen = os.environ.get("HYPOTHESIS_PROFILE") or ("fuzz" if "fuzz" in expr else "quick")
    settings.load_profile(chosen)
    # The run's derived-data cache (language model, KB indexes) in a folder of its own, from
    # collection on: tests neither read a cache another run left nor fill the user's.
    _CACHE.append(tempfile.TemporaryDirectory(prefix="jsonld-news-cache-"))
    os.environ["JSONLD_NEWS_CACHE"] = _CACHE[0].name


def pytest_unconfigure(config: pytest.Config) -> None:
    while _CACHE:
        _CACHE.pop().cleanup()


_CACHE: list[tempfile.TemporaryDirectory[str]] = []


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.fuzz)


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    path = SEED if SEED.is_file() else EXAMPLES / "inputs" / "moscowtimes-scholz-putin.txt"
    return path.read_bytes()
