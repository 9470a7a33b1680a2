"""Validation reports as text: a human table, JSON, JUnit XML, SARIF 2.1.0, GitHub annotations.

Every format renders a ``SiteReport`` (a single page's ``Report`` is a site of one page), so a
single page and a built site read the same. Fields of the JSON format (version 1, stable):

``{"version": 1, "ok", "summary": {"files", "errors", "warnings", "info", "unusable"},
"files": [{"file", "ok", "errors", "warnings", "info", "items": [{"syntax", "path", "types",
"line", "article"}]}], "issues": [{"file", "line", "severity", "validator", "rule", "path",
"message", "value"}], "unusable": [{"file", "message"}]}``
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

from jsonld_news.validate.report import SEVERITIES, Issue, Report, SiteReport, _short

REPORT_FORMATS = ("text", "json", "junit", "sarif", "github")
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_URI = "https://github.com/jsonld-news/jsonld-news"
_HEADINGS = {"error": "ERRORS", "warning": "WARNINGS", "info": "INFO"}
_WIDTH = {"where": 200, "path": 56, "rule": 28}  # file names are never cut


def as_site(report: Report | SiteReport) -> SiteReport:
    if isinstance(report, SiteReport):
        return report
    return SiteReport(pages=[report], validators=list(report.validators))


def _name(issue: Issue) -> str:
    return f"{issue.validator}/{issue.rule}" if issue.rule else issue.validator


def _counts(issues: Iterable[Issue]) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for issue in issues:
        counts[issue.severity] += 1
    return counts


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 or word == "info" else f"{count:,} {word}s"


# --- text -------------------------------------------------------------------------------------


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def to_text(site: SiteReport) -> str:
    """A table per severity (errors, warnings, info): where, path, rule, message and value."""
    lines: list[str] = []
    issues = site.all_issues()
    order = {page.source: position for position, page in enumerate(site.pages)}
    for severity in SEVERITIES:
        # by file, then by line (stable: within one line, in the validators' order)
        chosen = sorted(
            (i for i in issues if i.severity == severity),
            key=lambda i: (order.get(i.file, len(order)), i.line or 0),
        )
        if not chosen:
            continue
        rows = []
        for issue in chosen:
            where = issue.file or ""
            if issue.line is not None:
                where += f":{issue.line}"
            message = issue.message
            if issue.value is not None:
                message += f" (got {_short(issue.value)})"
            rows.append((where, issue.path, _name(issue), message))
        widths = [
            min(_WIDTH[key], max(len(row[column]) for row in rows))
            for column, key in enumerate(("where", "path", "rule"))
        ]
        lines.append(f"{_HEADINGS[severity]} ({len(chosen):,})")
        for where, path, rule, message in rows:
            cells = [_fit(where, widths[0]), _fit(path, widths[1]), _fit(rule, widths[2])]
            padded = "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
            lines.append(f"  {padded}  {message}")
        lines.append("")
    for file, reason in site.failures.items():
        lines.append(f"{file}: unusable: {reason}")
    for page in site.pages:
        counts = _counts(page.issues)
        verdict = "invalid" if counts["error"] else "valid"
        lines.append(
            f"{page.source}: {verdict} ({_plural(counts['error'], 'error')}, "
            f"{_plural(counts['warning'], 'warning')}, {_plural(counts['info'], 'info')})"
        )
    if len(site.pages) + len(site.failures) > 1 or site.issues:
        counts = _counts(issues)
        lines.append(
            f"{len(site.pages) + len(site.failures):,} file(s): {_plural(counts['error'], 'error')}"
            f", {_plural(counts['warning'], 'warning')}, {_plural(counts['info'], 'info')}, "
            f"{len(site.failures):,} unusable"
        )
    return "\n".join(lines) + "\n"


# --- JSON -------------------------------------------------------------------------------------


def _issue_dict(issue: Issue) -> dict[str, Any]:
    return {
        "file": issue.file,
        "line": issue.line,
        "severity": issue.severity,
        "validator": issue.validator,
        "rule": issue.rule,
        "path": issue.path,
        "message": issue.message,
        "value": issue.value,
    }


def to_json(site: SiteReport) -> str:
    issues = site.all_issues()
    counts = _counts(issues)
    files = []
    for page in site.pages:
        page_counts = _counts(page.issues)
        files.append(
            {
                "file": page.source,
                "ok": page_counts["error"] == 0,
                "errors": page_counts["error"],
                "warnings": page_counts["warning"],
                "info": page_counts["info"],
                "items": page.items,
            }
        )
    document = {
        "version": JSON_VERSION,
        "ok": site.ok,
        "validators": site.validators,
        "summary": {
            "files": len(site.pages) + len(site.failures),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "info": counts["info"],
            "unusable": len(site.failures),
        },
        "files": files,
        "issues": [_issue_dict(issue) for issue in issues],
        "unusable": [{"file": f, "message": m} for f, m in site.failures.items()],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


# --- JUnit ------------------------------------------------------------------------------------


def _describe(issue: Issue) -> str:
    shown = "" if issue.value is None else f" (got {_short(issue.value, 200)})"
    line = f" line {issue.line}" if issue.line is not None else ""
    return f"{issue.file or ''}{line}: {issue.path}: {issue.message}{shown} [{_name(issue)}]"


def to_junit(site: SiteReport) -> str:
    """One test case per file: each error a ``<failure>``, an unusable file an ``<error>``;
    warnings and info go to the case's ``<system-out>`` (JUnit has no warnings)."""
    from xml.etree import ElementTree as ET

    issues = site.all_issues()
    counts = _counts(issues)
    cases: list[tuple[str, list[Issue], str | None]] = []
    for page in site.pages:
        cases.append((page.source or "<page>", page.issues, None))
    for file, reason in site.failures.items():
        cases.append((file, [], reason))
    if site.issues:
        cases.append(("site", site.issues, None))
    failures = sum(
        1 for _, page_issues, _ in cases if any(i.severity == "error" for i in page_issues)
    )
    suites = ET.Element("testsuites", name="jsonld-news validate")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="jsonld-news validate",
        tests=str(len(cases)),
        failures=str(failures),
        errors=str(len(site.failures)),
        skipped="0",
    )
    for case_name, page_issues, unusable in cases:
        case = ET.SubElement(suite, "testcase", name=case_name, classname="structured-data")
        if unusable is not None:
            ET.SubElement(case, "error", message=unusable, type="unusable").text = unusable
        errors = [i for i in page_issues if i.severity == "error"]
        if errors:
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{len(errors):,} error(s): {errors[0].message}",
                type=_name(errors[0]),
            )
            failure.text = "\n".join(_describe(i) for i in errors)
        others = [i for i in page_issues if i.severity != "error"]
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(
                f"{i.severity}: {_describe(i)}" for i in others
            )
    suite.set("warnings", str(counts["warning"]))  # read by some CI systems, ignored by others
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


# --- SARIF ------------------------------------------------------------------------------------

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(file: str | None) -> str:
    """A relative path stays a relative URI reference (SARIF resolves it against the run's
    base); an absolute one becomes a file: URI."""
    from pathlib import PurePath

    name = (file or "").replace("\\", "/")
    if PurePath(name).is_absolute():
        return "file://" + quote(name, safe="/._-~")
    return quote(name, safe="/._-~")


def to_sarif(site: SiteReport) -> str:
    """SARIF 2.1.0: one run, a rule per validator/rule, a result per issue (and per unusable
    file), with the file and line as the physical location and the JSON path as the logical."""
    from jsonld_news import __version__

    issues = site.all_issues()
    rule_ids = sorted({_name(i) for i in issues} | ({"input/unusable"} if site.failures else set()))
    rules = [
        {
            "id": rule_id,
            "name": rule_id.replace("/", "-"),
            "shortDescription": {"text": f"jsonld-news {rule_id}"},
        }
        for rule_id in rule_ids
    ]
    index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
    results: list[dict[str, Any]] = []
    for issue in issues:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(issue.file)}}
        if issue.line is not None:
            physical["region"] = {"startLine": issue.line}
        message = issue.message
        if issue.value is not None:
            message += f" (got {_short(issue.value, 200)})"
        results.append(
            {
                "ruleId": _name(issue),
                "ruleIndex": index[_name(issue)],
                "level": _LEVELS[issue.severity],
                "message": {"text": f"{issue.path}: {message}"},
                "locations": [
                    {
                        "physicalLocation": physical,
                        "logicalLocations": [{"fullyQualifiedName": issue.path, "kind": "member"}],
                    }
                ],
            }
        )
    for file, reason in site.failures.items():
        results.append(
            {
                "ruleId": "input/unusable",
                "ruleIndex": index["input/unusable"],
                "level": "error",
                "message": {"text": reason},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file)}}}],
            }
        )
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "jsonld-news",
                        "version": __version__,
                        "informationUri": TOOL_URI,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


# --- GitHub workflow commands -----------------------------------------------------------------

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(site: SiteReport) -> str:
    """``::error file=F,line=L,title=RULE::PATH: MESSAGE`` per issue (info as ``::notice``)."""
    lines = []
    for issue in site.all_issues():
        properties = [f"file={_escape_property(issue.file or '')}"]
        if issue.line is not None:
            properties.append(f"line={issue.line}")
        properties.append(f"title={_escape_property(_name(issue))}")
        message = f"{issue.path}: {issue.message}"
        if issue.value is not None:
            message += f" (got {_short(issue.value, 200)})"
        lines.append(
            f"::{_COMMANDS[issue.severity]} {','.join(properties)}::{_escape_data(message)}"
        )
    for file, reason in site.failures.items():
        lines.append(
            f"::error file={_escape_property(file)},title=unusable::{_escape_data(reason)}"
        )
    return "".join(line + "\n" for line in lines)


_RENDERERS: dict[str, Callable[[SiteReport], str]] = {
    "text": to_text,
    "json": to_json,
    "junit": to_junit,
    "sarif": to_sarif,
    "github": to_github,
}


def format_report(report: Report | SiteReport, format: str = "text") -> str:
    """A page's or a site's report in one of ``REPORT_FORMATS``."""
    try:
        render = _RENDERERS[format]
    except KeyError:
        raise ValueError(
            f"unknown report format {format!r}; choose from {', '.join(REPORT_FORMATS)}"
        ) from None
    return render(as_site(report))
