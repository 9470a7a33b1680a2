"""Making an ``Issue`` at a JSON path, for the validators that walk the document themselves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jsonld_news.validate.report import Issue, json_path

__all__ = ["issue_at"]


def issue_at(
    validator: str,
    path: Sequence[str | int],
    message: str,
    value: Any = None,
    severity: str = "error",
    rule: str = "",
) -> Issue:
    """An issue of ``validator`` at ``path`` (parts of a JSON path); any severity other than
    ``"warning"`` or ``"info"`` is an error."""
    return Issue(
        path=json_path(path),
        message=message,
        value=value,
        severity="warning" if severity == "warning" else "info" if severity == "info" else "error",
        validator=validator,
        rule=rule,
    )
