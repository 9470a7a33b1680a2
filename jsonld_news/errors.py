"""Narrow error classes. Each carries what went wrong and where, and renders as one line."""

from __future__ import annotations

import errno
from dataclasses import dataclass


class JsonldNewsError(Exception):
    """Base class for every error this package raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: the field it concerns and, where there is one, the bad value."""

    field: str
    message: str
    value: object = None

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.field}: {self.message}"
        return f"{self.field}: {self.message} ({_quote(self.value)})"


def _quote(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class InputError(JsonldNewsError):
    """An input that cannot be turned into an article. ``source`` names the file (or ``<stdin>``)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class UnreadableInputError(InputError):
    """Bytes that are empty, binary, undecodable, or too large to be an article."""


class MalformedInputError(InputError):
    """Syntax errors: JSON that does not parse, YAML front matter that does not parse, nesting too deep."""


class UnknownFormatError(InputError):
    """The input format could not be detected, or a named format does not exist."""


class RemoteContextError(InputError):
    """A JSON-LD document asked for a ``@context`` that is not pinned locally; it is never fetched."""


class ArticleError(InputError):
    """The input parsed, but does not make a valid article. Lists every problem found, not just the first."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(source, "; ".join(str(p) for p in problems))


class UnsupportedOutputError(JsonldNewsError):
    """An output format name that is not one of ``OUTPUT_FORMATS``."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        super().__init__(f"unknown output format {name!r}; choose from {', '.join(known)}")


class ConfigError(JsonldNewsError):
    """A bad option value: a base IRI that is not absolute, an unknown time zone, a bad publisher file."""


class OutputError(JsonldNewsError):
    """An output that cannot be written. Names the output (never its temporary file) and the
    reason. ``fatal`` when every further output would fail the same way (a read-only or full
    file system, no permission): a batch stops at once instead of failing article by article."""

    FATAL_ERRNOS = frozenset({errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM})

    def __init__(self, target: str, error: OSError) -> None:
        self.target = target
        self.error = error
        self.errno = error.errno
        reason = (error.strerror or type(error).__name__).lower()
        super().__init__(f"{target}: cannot write the output: {reason}")

    def __reduce__(self) -> tuple[type[OutputError], tuple[str, OSError]]:
        return (type(self), (self.target, self.error))  # it crosses from worker processes

    @property
    def fatal(self) -> bool:
        return self.errno in self.FATAL_ERRNOS
