"""Bytes to text. The one place that decides whether input is text at all."""

from __future__ import annotations

import codecs

from jsonld_news.errors import UnreadableInputError


def check_size(data: bytes, source: str, limit: int) -> None:
    if not data.strip():
        raise UnreadableInputError(source, "empty input")
    if len(data) > limit:
        raise UnreadableInputError(
            source, f"input is more than the limit of {limit:,} bytes (see --max-input-size)"
        )


# Bytes that text files do not contain (tab, newlines, form feed and ESC aside).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(head) // 50)


def decode_text(data: bytes, source: str, encoding: str | None = None) -> str:
    """Strict UTF-8 (with or without BOM, or UTF-16 with BOM) unless ``encoding`` is given."""
    if looks_binary(data):
        raise UnreadableInputError(source, "binary data, not a text article")
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise UnreadableInputError(source, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise UnreadableInputError(source, f"not valid {encoding}: {exc.reason}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInputError(
            source,
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "pass --encoding to name the encoding",
        ) from None
