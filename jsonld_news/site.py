"""Validating pages and built sites: one file (HTML or JSON-LD, told apart by content), or every
HTML page under a folder, in worker processes, as one ``SiteReport``.

Across pages, two things no single-page validator can see are reported (validator ``site``):

``id-reuse`` (error)
    One ``@id`` naming different things on different pages: types that are not the same or
    sub/superclasses of each other (a Person on one page, an Organization on another), or one
    type with different names (``https://example.com/#author`` as "Jane Doe" here and "John
    Roe" there, the classic template bug). The identity promise: different things never share
    an IRI.
``duplicate-article`` (warning)
    One article (the same headline and datePublished, or the same ``@id``) published at two
    URLs: each page's URL is its ``<link rel=canonical>``, else the article's ``url`` or
    ``mainEntityOfPage``, else the file. Pages whose canonical names one URL are one
    publication (an AMP copy), not two.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonld_news.batch import process_map
from jsonld_news.errors import (
    JsonldNewsError,
    MalformedInputError,
    UnknownFormatError,
    UnreadableInputError,
)
from jsonld_news.options import Options
from jsonld_news.pipeline import read_file
from jsonld_news.validate import DEFAULT_VALIDATORS
from jsonld_news.validate import validate as _validate
from jsonld_news.validate.issues import issue_at
from jsonld_news.validate.report import Issue, Report, SiteReport, promote_warnings
from jsonld_news.validate.vocabulary import vocabulary

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
STDIN = "<stdin>"

_Task = tuple[str, bytes | None, tuple[str, ...] | None, bool, Options]


def check_bytes(
    data: bytes,
    source: str,
    validators: Sequence[str] | None = None,
    options: Options | None = None,
) -> Report:
    """One file's bytes: an HTML page's structured data, or a JSON-LD document as before."""
    from jsonld_news.decode import looks_binary
    from jsonld_news.readers import detect_format
    from jsonld_news.validate.page import PAGE_VALIDATORS, check_page

    options = options or Options()
    if not data.strip():
        raise UnreadableInputError(source, "empty file")
    kind = detect_format(data, source)
    if kind == "html" or (kind != "json" and b"<" in data[:1024] and not looks_binary(data)):
        return check_page(data, source, tuple(validators or PAGE_VALIDATORS), options)
    if looks_binary(data):
        raise UnreadableInputError(source, "binary data, not an HTML page or JSON-LD")
    if kind != "json":
        raise UnknownFormatError(source, "neither an HTML page nor a JSON-LD document")
    from jsonld_news.readers.article_json import load_json

    doc = load_json(data, source, options)
    if not isinstance(doc, dict):
        raise MalformedInputError(source, "expected a JSON-LD object")
    chosen = list(validators or DEFAULT_VALIDATORS)
    report = _validate(doc, chosen)
    report.issues = [replace(issue, file=source) for issue in report.issues]
    report.source = source
    return report


def validate_page(
    source: str | os.PathLike[str] | bytes,
    validators: Sequence[str] | None = None,
    *,
    strict: bool = False,
    name: str | None = None,
    options: Options | None = None,
) -> Report:
    """Validate one file (a path) or its bytes: an HTML page's JSON-LD, microdata and RDFa, or
    a JSON-LD document. ``validators`` default to ``schema.org, google, consistency`` for pages
    and ``DEFAULT_VALIDATORS`` for JSON-LD; ``strict`` makes warnings errors. Unusable input
    raises the one-line ``InputError`` the readers raise."""
    options = options or Options()
    if isinstance(source, bytes):
        data, label = source, name or STDIN
    else:
        data, label = read_file(Path(source), options), name or str(source)
    report = check_bytes(data, label, validators, options)
    if strict:
        report.issues = promote_warnings(report.issues)
    return report


def site_files(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Each input file as given; each folder's HTML pages, walked in sorted order."""
    for entry in inputs:
        path = Path(entry)
        if not path.is_dir():
            yield str(entry)
            continue
        for folder, folders, files in os.walk(path):
            folders.sort()
            for file in sorted(files):
                if file.lower().endswith(PAGE_SUFFIXES):
                    yield os.path.join(folder, file)


def _check_task(task: _Task) -> Report | tuple[str, str]:
    name, data, validators, strict, options = task
    try:
        if data is not None:
            return validate_page(data, validators, strict=strict, name=name, options=options)
        return validate_page(name, validators, strict=strict, options=options)
    except JsonldNewsError as exc:
        return name, str(exc)
    except (RecursionError, MemoryError) as exc:
        return name, f"{name}: could not be validated ({type(exc).__name__})"


def validate_site(
    inputs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    validators: Sequence[str] | None = None,
    *,
    jobs: int = 1,
    strict: bool = False,
    options: Options | None = None,
    stdin: bytes | None = None,
) -> SiteReport:
    """Validate files and folders (every HTML page under them) as one report, in ``jobs``
    worker processes (batch's process pool: workers die with this process). ``"-"`` among the
    inputs is ``stdin``'s bytes. A file that cannot be read is a failure of the report (exit
    2), never the end of the run."""
    options = options or Options()
    listed = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    chosen = tuple(validators) if validators else None

    def tasks() -> Iterator[_Task]:
        for name in site_files(listed):
            if name == "-":
                yield STDIN, stdin or b"", chosen, strict, options
            else:
                yield name, None, chosen, strict, options

    site = SiteReport(validators=list(chosen or ()))
    if jobs > 1:
        # parse the vocabulary and import the page readers once, here: forked workers inherit
        # them instead of each paying for them again
        import jsonld_news.validate.page  # noqa: F401

        vocabulary()
    try:
        for result in process_map(_check_task, tasks(), max(1, jobs)):
            if isinstance(result, Report):
                site.pages.append(result)
            else:
                site.failures[result[0]] = result[1]
    except BrokenProcessPool:
        # a worker killed from outside (the OOM killer): the pool is gone, the run with it
        raise JsonldNewsError(
            "validate: a worker process died (out of memory?); run again with fewer --jobs"
        ) from None
    site.issues = site_issues(site.pages)
    if strict:
        site.issues = promote_warnings(site.issues)
    return site


# --- across pages -----------------------------------------------------------------------------


def _issue(
    file: str | None, path: str, line: Any, message: str, value: Any, severity: str, rule: str
) -> Issue:
    found = issue_at("site", (), message, value, severity, rule)
    return replace(found, path=path, file=file, line=line if isinstance(line, int) else None)


def _related(first: Sequence[str], second: Sequence[str]) -> bool:
    """Some type of one is the same as, or a sub/superclass of, some type of the other."""
    vocab = vocabulary()
    return any(a == b or vocab.is_a(a, b) or vocab.is_a(b, a) for a in first for b in second)


def _same_name(first: Any, second: Any) -> bool:
    if not isinstance(first, str) or not isinstance(second, str):
        return True  # one side has no name: nothing contradicts
    return first.casefold() == second.casefold()


def _url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    if not parts.scheme:
        return url.strip()
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/') or '/'}" + (f"?{parts.query}" if parts.query else "")


def site_issues(pages: Sequence[Report]) -> list[Issue]:
    """The same ``@id`` for different things, and one article at two URLs."""
    issues: list[Issue] = []
    first_ids: dict[str, tuple[str, dict[str, Any]]] = {}
    reported: set[tuple[str, str]] = set()
    for page in pages:
        file = page.source or ""
        for node_id, entry in page.ids.items():
            known = first_ids.get(node_id)
            if known is None:
                first_ids[node_id] = (file, entry)
                continue
            other_file, other = known
            if other_file == file or (node_id, file) in reported:
                continue
            if not _related(entry["types"], other["types"]):
                why = f"a {'/'.join(entry['types'])} here, a {'/'.join(other['types'])} in {other_file}"
            elif not _same_name(entry["name"], other["name"]):
                why = f"named {entry['name']!r} here, {other['name']!r} in {other_file}"
            else:
                continue
            reported.add((node_id, file))
            issues.append(
                _issue(
                    file,
                    f"{entry['path']}.@id",
                    entry["line"],
                    f"the same @id names different things: {why}",
                    node_id,
                    "error",
                    "id-reuse",
                )
            )
    seen: dict[tuple[str, ...], tuple[str, str]] = {}  # article key -> (file, published URL)
    flagged: set[tuple[str, str]] = set()
    for page in pages:
        file = page.source or ""
        for article in page.articles:
            # a page that names no URL is known by its file; a file and a URL are not compared
            published = article.get("canonical") or article.get("url") or f"file:{file}"
            keys: list[tuple[str, ...]] = []
            if article.get("headline") and article.get("datePublished"):
                keys.append(("text", article["headline"].casefold(), article["datePublished"]))
            if article.get("id"):
                keys.append(("id", article["id"]))
            for key in keys:
                earlier = seen.get(key)
                if earlier is None:
                    seen[key] = (file, published)
                    continue
                other_file, other_url = earlier
                if other_file == file or _url_key(other_url) == _url_key(published):
                    continue
                if other_url.startswith("file:") != published.startswith("file:"):
                    continue
                if (other_file, file) in flagged:
                    continue
                flagged.add((other_file, file))
                issues.append(
                    _issue(
                        file,
                        article["path"],
                        article.get("line"),
                        f"the same article is also published at {other_url.removeprefix('file:')} "
                        f"({other_file}); "
                        "give both one canonical URL",
                        article.get("headline") or article.get("id"),
                        "warning",
                        "duplicate-article",
                    )
                )
    return issues
