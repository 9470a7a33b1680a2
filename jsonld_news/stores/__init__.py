"""SPARQL stores for converted articles: a tiny protocol, pluggable back-ends.

One named graph per article, named by the article's ``@id`` (as ``nq`` output does), so
reloading an article replaces its graph, and entity IRIs minted the same in every article
(``urn:jsonld-news:place/berlin``) merge into one node across graphs.

Back-ends: ``MemoryStore`` (a pure-Python double for tests), ``OxigraphStore`` (embedded
pyoxigraph, in memory or on disk) and ``GraphStoreProtocolStore`` (any SPARQL 1.1 Graph Store
HTTP Protocol server), ``OxigraphServerStore`` (an Oxigraph server, batched through its bulk
path) and ``SparqlUpdateStore`` (any SPARQL 1.1 Update endpoint), the remote ones over httpx. ``open_store`` picks one from a spec string.
Converting and loading articles in batches (``load_articles``, ``load_paths``) is
``jsonld_news.load``, a later stage.

Modules: ``base`` (the protocols, errors, ``MemoryStore``), ``oxigraph``,
``graph_store_protocol``, ``update``, ``spec`` (``open_store``); for the remote stores ``http``
(the httpx client: auth, proxies, deadlines, retries), ``sparql`` (escaping, results) and
``remote`` (what they share).
"""

from __future__ import annotations

from jsonld_news.stores.base import (
    BulkStore,
    MemoryStore,
    Store,
    StoreError,
    StoreUnavailableError,
)
from jsonld_news.stores.graph_store_protocol import GraphStoreProtocolStore, OxigraphServerStore
from jsonld_news.stores.oxigraph import OxigraphStore
from jsonld_news.stores.spec import DEFAULT_STORE, STORE_SPECS, open_store
from jsonld_news.stores.update import SparqlUpdateStore

__all__ = [
    "DEFAULT_STORE",
    "STORE_SPECS",
    "BulkStore",
    "GraphStoreProtocolStore",
    "MemoryStore",
    "OxigraphServerStore",
    "OxigraphStore",
    "SparqlUpdateStore",
    "Store",
    "StoreError",
    "StoreUnavailableError",
    "open_store",
]
