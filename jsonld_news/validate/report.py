"""Validation results: every problem with a JSON path into the document and the offending value."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Issue:
    path: str  # JSONPath-like: $.author[0].name
    message: str
    value: Any = None
    severity: Severity = "error"
    validator: str = "json-schema"  # json-schema | schema.org | google | consistency | shacl
    rule: str = ""  # the validator's rule (google: "author-name"); "" where it names none
    file: str | None = None  # the page it was found in (page and site validation)
    line: int | None = None  # the line in ``file`` of the markup (a <script> block's line)

    def __str__(self) -> str:
        shown = "" if self.value is None else f" (got {_short(self.value)})"
        where = f"{self.validator}/{self.rule}" if self.rule else self.validator
        return f"{self.severity}: {self.path}: {self.message}{shown} [{where}]"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(slots=True)
class Report:
    issues: list[Issue] = field(default_factory=list)
    validators: list[str] = field(default_factory=list)
    # page validation: the file, the items found (syntax, path, types, line, article), the
    # typed nodes' @ids (id -> types) and each article's identity, for the site-wide checks
    source: str | None = None
    items: list[dict[str, Any]] = field(default_factory=list)
    ids: dict[str, dict[str, Any]] = field(default_factory=dict)
    articles: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def infos(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "info"]

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
                    "rule": i.rule,
                }
                for i in self.issues
            ],
        }


@dataclass(slots=True)
class SiteReport:
    """One report for many files: each page's report, the issues found across pages (the same
    ``@id`` for different things, one article at two URLs) and the files that could not be
    read at all (``failures``: file -> one-line reason)."""

    pages: list[Report] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)
    validators: list[str] = field(default_factory=list)

    def all_issues(self) -> list[Issue]:
        return [issue for page in self.pages for issue in page.issues] + self.issues

    def count(self, severity: str) -> int:
        return sum(1 for issue in self.all_issues() if issue.severity == severity)

    @property
    def ok(self) -> bool:
        return not self.failures and self.count("error") == 0

    @property
    def exit_code(self) -> int:
        """0 no errors, 1 errors, 2 a file could not be read (the worst wins)."""
        if self.failures:
            return 2
        return 1 if self.count("error") else 0


def promote_warnings(issues: Iterable[Issue]) -> list[Issue]:
    """``--strict``: every warning becomes an error (info stays info)."""
    return [replace(i, severity="error") if i.severity == "warning" else i for i in issues]


def json_path(parts: Sequence[str | int]) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out
