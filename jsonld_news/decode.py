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
    return _controls(head.translate(None, _CONTROL_BYTES), len(head))


def _controls(kept: bytes | str, total: int) -> bool:
    return total - len(kept) > max(8, total // 50)


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` has the NUL pattern of UTF-16 text without a
    byte-order mark: one byte of many pairs is NUL (spaces, digits and Latin letters), the other
    byte of a pair never is. Binary data has NULs on both sides."""
    head = data[:8192]
    if len(head) < 8 or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" not in head:
        return None  # no NUL on either side: neither pattern (one memchr, not two slices)
    even, odd = head[0::2], head[1::2]
    even_nuls, odd_nuls = even.count(0), odd.count(0)
    # Non-Latin text has NULs only at its spaces and digits (1 in 16 is plenty); a code point
    # like U+0100 or U+4E00 puts a rare NUL on the other side.
    if odd_nuls >= max(2, len(odd) // 16) and even_nuls <= len(even) // 200:
        return "utf-16-le"
    if even_nuls >= max(2, len(even) // 16) and odd_nuls <= len(odd) // 200:
        return "utf-16-be"
    return None


def decode_utf16(data: bytes, source: str, encoding: str) -> str:
    hint = f"looks like UTF-16 without a BOM; pass --encoding {encoding}"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise UnreadableInputError(source, hint) from None
    sample = text[:8192]
    if "\x00" in sample or _controls(sample.translate(_CONTROL_CHARS), len(sample)):
        raise UnreadableInputError(source, hint)
    return text


_CONTROL_CHARS = dict.fromkeys(_CONTROL_BYTES)  # str.translate table: delete them


def decode_text(data: bytes, source: str, encoding: str | None = None) -> str:
    """Strict UTF-8 (with or without BOM), UTF-16 with a BOM or with the NUL pattern of one
    without, unless ``encoding`` is given."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise UnreadableInputError(source, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise UnreadableInputError(source, f"not valid {encoding}: {exc.reason}") from None
        if "\x00" in text[:8192]:
            raise UnreadableInputError(source, f"binary data, not {encoding} text")
        return text
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    sniffed = utf16_without_bom(data)
    if sniffed is not None:
        return decode_utf16(data, source, sniffed)
    if looks_binary(data):
        raise UnreadableInputError(source, "binary data, not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInputError(
            source,
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "pass --encoding to name the encoding",
        ) from None


# The WHATWG Encoding Standard's decoder where it reads more than Python's codec of the same
# name (webencodings already maps Shift_JIS to cp932, EUC-KR to cp949, Big5 to big5hkscs):
# a browser decodes a GBK label with the GB18030 decoder.
_WHATWG_SUPERSETS = {"gbk": "gb18030"}


def whatwg_codec(label: str) -> str | None:
    """The Python codec a browser would decode a charset label with (``latin1``,
    ``iso-8859-1`` and ``ascii`` mean windows-1252, ``x-sjis`` Shift_JIS, ``tis-620``
    windows-874), by the WHATWG label table in ``webencodings``; ``None`` for an unknown label
    and for the labels the standard maps to its "replacement" or "x-user-defined" decoders,
    which read no text."""
    import webencodings

    encoding = webencodings.lookup(label)
    if encoding is None or encoding.name in ("replacement", "x-user-defined"):
        return None
    name = _WHATWG_SUPERSETS.get(encoding.name, encoding.codec_info.name)
    return codecs.lookup(name).name
