"""News and photo agencies: recognised in bylines, photo credits, datelines and attributions.

An agency name in a byline is not a person; in a photo credit it is the photographer's agency.

This table is also the package's registry of outlets by site (``outlet_for_url``): an article
published on an agency's own site (``apnews.com``, ``reuters.com``) names that agency as its
publisher even when the page's markup does not. Each URL is the agency's own home page; an
agency whose site is not given here is not looked up by site. No other outlet is known by its
host name: a host name is never turned into a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Agency:
    name: str
    aliases: tuple[str, ...]
    url: str | None = None
    photo_only: bool = False


AGENCIES: tuple[Agency, ...] = (
    Agency("Associated Press", ("AP", "The Associated Press", "AP Photo"), "https://apnews.com/"),
    Agency("Reuters", ("Thomson Reuters",), "https://www.reuters.com/"),
    Agency("Agence France-Presse", ("AFP", "Agence France Presse"), "https://www.afp.com/"),
    Agency("Deutsche Presse-Agentur", ("dpa", "DPA"), "https://www.dpa.com/"),
    Agency("TASS", ("ITAR-TASS", "Tass"), "https://tass.com/"),
    Agency("RIA Novosti", ("RIA",), None),
    Agency("Interfax", (), "https://interfax.com/"),
    Agency("Sputnik", (), None),
    Agency("Xinhua", ("Xinhua News Agency",), "http://www.news.cn/"),
    Agency("Agencia EFE", ("EFE",), "https://www.efe.com/"),
    Agency("ANSA", (), "https://www.ansa.it/"),
    Agency("Kyodo News", ("Kyodo",), "https://english.kyodonews.net/"),
    Agency("Jiji Press", ("JIJI", "Jiji", "Jiji Press Ltd."), "https://www.jiji.com/"),
    Agency("Yonhap", ("Yonhap News Agency",), "https://en.yna.co.kr/"),
    Agency("United Press International", ("UPI",), "https://www.upi.com/"),
    Agency("Bloomberg", ("Bloomberg News",), "https://www.bloomberg.com/"),
    Agency("PA Media", ("PA", "Press Association", "PA Wire"), None),
    Agency("Anadolu Agency", ("Anadolu", "AA"), "https://www.aa.com.tr/"),
    Agency("Press Trust of India", ("PTI",), None),
    Agency("Asian News International", ("ANI",), None),
    Agency("Ukrinform", (), "https://www.ukrinform.net/"),
    Agency("The Canadian Press", ("Canadian Press", "CP"), None),
    Agency("Australian Associated Press", ("AAP",), None),
    Agency("Agência Lusa", ("Lusa",), None),
    Agency("Polish Press Agency", ("PAP",), None),
    Agency("Czech News Agency", ("ČTK", "CTK"), None),
    Agency("Austria Presse Agentur", ("APA",), None),
    Agency("Algemeen Nederlands Persbureau", ("ANP",), None),
    Agency("Islamic Republic News Agency", ("IRNA",), None),
    Agency("Getty Images", ("Getty",), "https://www.gettyimages.com/", photo_only=True),
    Agency("European Pressphoto Agency", ("EPA", "EPA-EFE"), None, photo_only=True),
    Agency("Shutterstock", (), None, photo_only=True),
    Agency("Alamy", (), None, photo_only=True),
    Agency("Imago", ("IMAGO",), None, photo_only=True),
    Agency("Sipa Press", ("Sipa", "SIPA"), None, photo_only=True),
    Agency("ZUMA Press", ("ZUMA", "ZUMA Wire"), None, photo_only=True),
    Agency("Kremlin.ru", (), "http://kremlin.ru/", photo_only=True),
)


@cache
def _index() -> dict[str, Agency]:
    table: dict[str, Agency] = {}
    for agency in AGENCIES:
        for alias in (agency.name, *agency.aliases):
            table[_key(alias)] = agency
    return table


_NOT_WORD = re.compile(r"[^\w]+")


def _key(text: str) -> str:
    folded = text.casefold()
    if folded.isalnum():
        return folded  # one word ("Reuters"): nothing for the regex to replace or strip
    return _NOT_WORD.sub(" ", folded).strip()


@cache
def _by_host() -> dict[str, Agency]:
    table: dict[str, Agency] = {}
    for agency in AGENCIES:
        if agency.url and not agency.photo_only:
            table[_host(agency.url)] = agency
    return table


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").casefold().removeprefix("www.")


def host_labels(url: str) -> list[str]:
    """The names in a URL's host, TLD and short second levels left out: ``edition.cnn.com`` ->
    ``["edition", "cnn"]``, ``www.bbc.co.uk`` -> ``["bbc"]`` (no public-suffix list needed)."""
    labels = _host(url).split(".")
    return [
        label
        for label in labels[:-1]
        if len(label) >= 3 and label not in ("com", "org", "net", "gov", "edu")
    ]


def outlet_for_url(url: str | None) -> Agency | None:
    """The news agency whose own site (or a subdomain of it) ``url`` is on, if known above."""
    if not url:
        return None
    host = _host(url)
    table = _by_host()
    while host:
        if host in table:
            return table[host]
        host = host.partition(".")[2] if "." in host else ""
    return None


def find_agency(text: str) -> Agency | None:
    """The agency ``text`` names exactly (case- and punctuation-insensitive), if any."""
    return _index().get(_key(text))
