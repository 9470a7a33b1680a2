"""Typed options for a conversion: plain configuration (paths and values, never live objects).

Options are pickled to batch workers, so every field is a value. Loose inputs are accepted and
checked once, at construction: ``timezone="Europe/Berlin"`` or ``"+02:00"``, ``publisher={...}``
or a JSON/YAML file path, ``kb="my-entities.jsonl"``. A bad value raises ``ConfigError``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonld_news.errors import ConfigError
from jsonld_news.identity import DEFAULT_BASE_IRI, check_base_iri
from jsonld_news.raw import RawOrganization

MAX_INPUT_BYTES = 64 * 1024 * 1024
# Far longer than any news article (about 35,000 words); beyond it, recognition time and memory
# would grow with the body while the people and places named are nearly always named earlier.
MAX_RECOGNIZED_CHARS = 200_000
DEFAULT_SYNTAXES = ("json-ld", "microdata", "opengraph", "dublincore")

# ISO 8601 / RFC 3339 offsets: +HH:MM, +HHMM or +HH, hours 00-23 and minutes 00-59
# (Python's timezone accepts less than ±24 h, and no real zone is further from UTC than 14 h).
_OFFSET = re.compile(r"([+-])(\d{2})(?::?(\d{2}))?")
MAX_OFFSET = timedelta(hours=14)


def parse_offset(text: str) -> timedelta | None:
    """``+02:00`` -> 2 h; ``None`` when ``text`` is not offset-shaped; ``ValueError`` when it is
    shaped like one but impossible (``+25:00``, ``+05:75``). Shared by options and input dates."""
    match = _OFFSET.fullmatch(text.strip())
    if match is None:
        return None
    sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(f"impossible UTC offset {text!r} (hours 00-23, minutes 00-59)")
    offset = timedelta(hours=hours, minutes=minutes)
    if offset > MAX_OFFSET:
        raise ValueError(f"impossible UTC offset {text!r} (no zone is more than 14 hours off)")
    return -offset if sign == "-" else offset


def resolve_timezone(value: str | tzinfo | None) -> tzinfo | None:
    """An IANA name (``Europe/Berlin``), ``UTC``/``Z``, an offset (``+02:00``) or a ``tzinfo``."""
    if value is None or isinstance(value, tzinfo):
        return value
    if not isinstance(value, str):
        raise ConfigError(f"timezone must be a name or an offset, got {type(value).__name__}")
    return _zone_named(value)


@lru_cache(maxsize=64)
def _zone_named(value: str) -> tzinfo | None:
    text = value.strip()
    if not text:
        return None
    if text.upper() in ("UTC", "Z"):
        return UTC
    try:
        offset = parse_offset(text)
    except ValueError as exc:
        raise ConfigError(f"--timezone: {exc}") from None
    if offset is not None:
        return timezone(offset)
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown time zone {text!r} (use an IANA name or +HH:MM)") from None


PublisherSpec = RawOrganization | Mapping[str, Any] | str | Path


def resolve_publisher(value: PublisherSpec | None) -> RawOrganization | None:
    """A publisher from a ``RawOrganization``, a mapping like a publisher file, or a file path."""
    if value is None or isinstance(value, RawOrganization):
        return value
    if isinstance(value, (str, Path)):
        return resolve_publisher(_load_publisher_file(Path(value)))
    if not isinstance(value, Mapping):
        raise ConfigError(
            f"publisher must be a mapping, a file path or a RawOrganization, "
            f"got {type(value).__name__}"
        )
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError('a publisher is an object with at least a "name" (a string)')
    wrong = [
        key
        for key in ("url", "logo", "@type", "type")
        if value.get(key) is not None and not isinstance(value.get(key), (str, Mapping))
    ]
    if wrong:
        raise ConfigError(f"publisher: {', '.join(wrong)} must be text")
    from jsonld_news.readers.fields import organization  # readers import options: import late

    return organization(dict(value))


def _load_publisher_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
        raise ConfigError(f"{path}: cannot read publisher file: {reason}") from None
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            return yaml.safe_load(text)
        return json.loads(text)
    except Exception as exc:  # yaml.YAMLError, json.JSONDecodeError
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(f"{path}: publisher file does not parse: {detail}") from None


@dataclass(slots=True)
class Options:
    base_iri: str = DEFAULT_BASE_IRI
    timezone: str | tzinfo | None = None  # attached to date-times that name no zone
    publisher: PublisherSpec | None = None  # overrides whatever the input says
    base_url: str | None = None  # for pages with no canonical link (HTML)
    encoding: str | None = None  # forces the input encoding
    transport_charset: str | None = None  # HTTP charset (WARC): when the page declares none
    allow_remote_context: bool = False  # JSON-LD input naming a non-schema.org context
    detect_language: bool = True  # py3langid, only when the source names no language
    recognize_entities: bool = True
    kb: str | Path | None = None  # a JSON Lines KB; each process opens it once (enrich.mentions)
    recognizer: str = "rules"  # "rules" (offline, default) or "spacy:MODEL"
    html_syntaxes: tuple[str, ...] = DEFAULT_SYNTAXES
    max_input_bytes: int = MAX_INPUT_BYTES  # a larger input is refused (--max-input-size)
    max_recognized_chars: int = MAX_RECOGNIZED_CHARS  # entities are recognised in this much body
    # A stable name of one input document (``load``: its path under the input folder, a JSON
    # line's ``id``): an article without a URL is named from it, not from its content.
    source_key: str | None = None

    def __post_init__(self) -> None:
        # Checked and normalised once, so every later reader sees tzinfo / RawOrganization / str.
        self.base_iri = check_base_iri(self.base_iri)
        self.timezone = resolve_timezone(self.timezone)
        self.publisher = resolve_publisher(self.publisher)
        if self.kb is not None:
            path = Path(self.kb)
            if not path.is_file():
                raise ConfigError(f"{path}: knowledge base not found (no such file)")
            self.kb = str(path)
        if self.recognizer != "rules" and not self.recognizer.startswith("spacy:"):
            raise ConfigError(
                f"recognizer must be 'rules' or 'spacy:MODEL', got {self.recognizer!r}"
            )
        if self.html_syntaxes != DEFAULT_SYNTAXES:
            from jsonld_news.readers.embedded import parse_syntaxes  # names, aliases, "all"

            names = self.html_syntaxes
            self.html_syntaxes = parse_syntaxes(
                names if isinstance(names, str) else ",".join(names)
            )
        for name in ("max_input_bytes", "max_recognized_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{name} must be a positive integer, got {value!r}")

    @property
    def zone(self) -> tzinfo | None:
        """``timezone`` as a ``tzinfo`` (it is one after construction; a later string is parsed)."""
        return resolve_timezone(self.timezone)

    @property
    def publisher_organization(self) -> RawOrganization | None:
        return resolve_publisher(self.publisher)

    # --- plain values (command-line flags, HTTP query parameters) -> Options -------------------
    @classmethod
    def from_values(
        cls,
        base: Options | None = None,
        *,
        base_iri: str | None = None,
        timezone: str | None = None,
        publisher: PublisherSpec | None = None,
        base_url: str | None = None,
        encoding: str | None = None,
        allow_remote_context: bool | None = None,
        mentions: bool | None = None,
        kb: str | Path | None = None,
        syntaxes: str | None = None,
        max_input_size: str | None = None,
    ) -> Options:
        """Options from the values a user typed (``None``: not given, keep ``base``'s or the
        default). The command line and the HTTP API share this; a bad value raises
        ``ConfigError``. Nothing is opened here: ``jsonld_news.prepare`` opens the KB."""
        given = {
            "base_iri": base_iri,
            "timezone": timezone,
            "publisher": publisher,
            "base_url": base_url,
            "encoding": encoding,
            "allow_remote_context": allow_remote_context,
            "recognize_entities": mentions,
            "kb": kb,
        }
        changes: dict[str, Any] = {
            name: value for name, value in given.items() if value is not None
        }
        if syntaxes:
            changes["html_syntaxes"] = tuple(syntaxes.split(","))
        if max_input_size is not None:
            changes["max_input_bytes"] = parse_size(max_input_size)
        if mentions is False:
            changes["kb"] = None  # no recognition: a KB is neither needed nor opened
        if base is None:
            return cls(**changes)
        return dataclasses.replace(base, **changes) if changes else base


_SIZE_UNITS = {
    "": 1,
    "k": 1000,
    "m": 1000**2,
    "g": 1000**3,
    "ki": 1024,
    "mi": 1024**2,
    "gi": 1024**3,
}


def parse_size(value: str) -> int:
    """``64MiB``, ``100M``, ``500k`` or a number of bytes."""
    match = re.fullmatch(r"\s*(\d+)\s*([kmg]i?)?b?\s*", value, re.I)
    if not match or int(match.group(1)) == 0:
        raise ConfigError(f"not a size: {value!r} (use bytes, or 500k, 100M, 64MiB, 1G)")
    return int(match.group(1)) * _SIZE_UNITS[(match.group(2) or "").lower()]
