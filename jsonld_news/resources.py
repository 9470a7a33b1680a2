"""Locates the pinned data files: ``schemas/`` in a checkout, ``jsonld_news/schemas`` in a wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def schemas_dir() -> Path:
    for candidate in (_PACKAGE / "schemas", _PACKAGE.parent / "schemas"):
        if (candidate / "schemaorgcontext.jsonld").is_file():
            return candidate
    raise FileNotFoundError("the pinned schemas/ folder is missing from this installation")


def schema_file(name: str) -> Path:
    return schemas_dir() / name
