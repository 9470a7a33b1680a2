"""Shared fixtures. The suite runs with sockets disabled (pytest-socket, see pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_dd5cf9288250182b.txt"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    path = SEED if SEED.is_file() else EXAMPLES / "inputs" / "moscowtimes-scholz-putin.txt"
    return path.read_bytes()
