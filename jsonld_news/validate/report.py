"""Validation results: every problem with a JSON path into the document and the offending value."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    path: str  # JSONPath-like: $.author[0].name
    message: str
    value: Any = None
    severity: Severity = "error"
    validator: str = "json-schema"  # json-schema | schema.org | google | shacl

    def __str__(self) -> str:
        shown = "" if self.value is None else f" (got {_short(self.value)})"
        return f"{self.severity}: {self.path}: {self.message}{shown} [{self.validator}]"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(slots=True)
class Report:
    issues: list[Issue] = field(default_factory=list)
    validators: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def extend(self, issues: Iterable[Issue], validator: str) -> None:
        self.issues.extend(issues)
        self.validators.append(validator)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "validators": list(self.validators),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "issues": [
                {
                    "severity": i.severity,
                    "path": i.path,
                    "message": i.message,
                    "value": i.value,
                    "validator": i.validator,
                }
                for i in self.issues
            ],
        }


def json_path(parts: Sequence[str | int]) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out
