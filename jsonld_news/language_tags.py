"""Language values as BCP 47 tags: ``en_US``, ``en-us``, ``EN``, ``es_AR.UTF-8``, ``English``.

Pages and feeds write a language many ways (``<html lang>``, ``inLanguage``, ``og:locale``,
``Content-Language``). ``normalize_language`` reads:

- a tag or a POSIX locale (``de_DE@euro``, ``pt_BR.UTF-8``): its subtags in BCP 47's case
  (language lower, script title, region upper: ``en-US``, ``zh-Hant-TW``), and a three-letter
  ISO 639 code that has a two-letter one as that (BCP 47 uses the shortest: ``deu``, ``ger``
  are ``de``);
- a language's English name (``English``, ``German``): its ISO 639 code (pycountry).

The language subtag must be a language CLDR (babel) or ISO 639 (pycountry) knows; ``und``
(ISO 639's "undetermined") is no language. Anything else is ``None``: the caller warns and
keeps no language, never a guess.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_LANGUAGE_TAG = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{1,8})*$")
_UNDETERMINED = "und"


@lru_cache(maxsize=1024)  # a batch repeats a handful of values
def normalize_language(value: str) -> str | None:
    """A BCP 47 tag (``en``, ``pt-BR``) from a tag, a locale (``en_US``) or a name (``English``)."""
    # a POSIX locale ("es_AR.UTF-8", "de_DE@euro") names its language before the dot or at sign
    value = re.split(r"[.@]", value.strip(), maxsplit=1)[0].strip()
    if _LANGUAGE_TAG.match(value):
        primary, *rest = value.replace("_", "-").split("-")
        language = _language_code(primary.lower())
        if language is None:
            return None
        return "-".join([language, *map(_subtag, rest)])
    import pycountry

    try:
        found = pycountry.languages.lookup(value)
    except LookupError:
        return None
    code: str | None = getattr(found, "alpha_2", None) or getattr(found, "alpha_3", None)
    return None if code == _UNDETERMINED else code


def _subtag(text: str) -> str:
    if len(text) == 4 and text.isalpha():
        return text.title()  # a script: Hant, Latn
    if len(text) == 2 and text.isalpha():
        return text.upper()  # a region: US, BR
    return text.lower()  # a UN M.49 region (419), a variant


def _language_code(code: str) -> str | None:
    if code == _UNDETERMINED:
        return None
    from babel import localedata

    # CLDR writes the shortest code already; a locale file of its own is a file-exists check,
    # the list of every language CLDR names (0.05 s to read) only for the rest
    if localedata.exists(code) or code in _cldr_languages():
        return code
    import pycountry  # its tables take 0.2 s to load: only for codes CLDR does not name

    found = (
        pycountry.languages.get(alpha_2=code)
        if len(code) == 2
        else pycountry.languages.get(alpha_3=code) or pycountry.languages.get(bibliographic=code)
    )
    if found is None:
        return None
    shortest: str | None = getattr(found, "alpha_2", None) or getattr(found, "alpha_3", None)
    return shortest


@cache
def _cldr_languages() -> frozenset[str]:
    """The language codes CLDR names (babel's English locale data; one file, read once)."""
    from babel import Locale

    return frozenset(Locale("en").languages)
