"""Choosing a store from a spec string (``--store`` on the command line)."""

from __future__ import annotations

import os

from jsonld_news.errors import ConfigError
from jsonld_news.stores.base import MemoryStore
from jsonld_news.stores.graph_store_protocol import GraphStoreProtocolStore, OxigraphServerStore
from jsonld_news.stores.oxigraph import OxigraphStore
from jsonld_news.stores.update import SparqlUpdateStore

__all__ = ["DEFAULT_STORE", "PASSWORD_VARIABLE", "STORE_SPECS", "open_store"]

# Where `load` and `query` go without --store: an embedded Oxigraph on disk, in the current folder.
DEFAULT_STORE = "oxigraph:./jsonld-news.store"

STORE_SPECS = (
    "memory:, oxigraph:[PATH], http(s)://HOST:PORT (Oxigraph server), gsp:DATA_URL, "
    "update:UPDATE_URL"
)
# The password of a remote store's --user: from the environment, never a command-line word.
PASSWORD_VARIABLE = "JSONLD_NEWS_STORE_PASSWORD"


def open_store(
    spec: str,
    *,
    timeout: float = 30,
    query_endpoint: str | None = None,
    user: str | None = None,
    password: str | None = None,
    auth: str = "auto",
) -> MemoryStore | OxigraphStore | GraphStoreProtocolStore | SparqlUpdateStore:
    """A store from a spec string.

    ``memory:`` the in-memory double; ``oxigraph:`` embedded in memory, ``oxigraph:PATH`` on
    disk (``oxigraph`` or ``memory`` without the colon is refused: a forgotten path); ``http://HOST:PORT`` an Oxigraph server (``/store`` and ``/query``);
    ``gsp:URL`` any Graph Store Protocol data endpoint (Fuseki: ``gsp:http://h:3030/ds/data``),
    its query endpoint the sibling ``query`` unless ``query_endpoint`` names it;
    ``update:URL`` any SPARQL 1.1 Update endpoint (Virtuoso: ``update:http://h:8890/sparql-auth``).

    Remote stores authenticate with the URL's userinfo, else ``user`` and ``password``
    (default: the ``JSONLD_NEWS_STORE_PASSWORD`` environment variable), by HTTP Basic or
    Digest as the server asks (``auth``: ``auto``, ``basic``, ``digest``).
    """
    scheme, colon, rest = spec.partition(":")
    scheme = scheme.lower()
    if not colon and scheme in ("oxigraph", "memory"):
        # Bare "oxigraph" is nearly always a forgotten path: refuse it rather than load into
        # a store that is gone when the process ends. "oxigraph:" says "in memory" on purpose.
        raise ConfigError(
            f"store {spec!r} names no place: use oxigraph:PATH for a store on disk, "
            f"or {scheme}: (with the colon) for one in memory, discarded at the end"
        )
    if scheme == "memory" and rest in ("", "//"):
        return MemoryStore()
    if scheme == "oxigraph":
        return OxigraphStore(os.path.expanduser(rest) if rest else None)
    if password is None and user is not None:
        password = os.environ.get(PASSWORD_VARIABLE)
    remote = {"query_endpoint": query_endpoint, "user": user, "password": password, "auth": auth}
    if scheme in ("http", "https"):
        return OxigraphServerStore(spec, timeout, **remote)  # type: ignore[arg-type]
    if scheme == "gsp" and rest:
        return GraphStoreProtocolStore(rest, timeout, **remote)  # type: ignore[arg-type]
    if scheme == "update" and rest:
        return SparqlUpdateStore(rest, timeout, **remote)  # type: ignore[arg-type]
    raise ConfigError(f"unknown store {spec!r}; use {STORE_SPECS}")
