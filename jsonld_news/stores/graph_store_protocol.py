"""Any SPARQL 1.1 Graph Store HTTP Protocol server, with the standard library only."""

from __future__ import annotations

import base64
import ipaddress
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from http.client import HTTPException

from jsonld_news.errors import ConfigError
from jsonld_news.stores.base import SelectStore, StoreError, StoreUnavailableError, check_graph_iri

__all__ = ["GraphStoreProtocolStore"]

# Statuses that blame the request body (this article), not the store: record and go on.
_PAYLOAD_STATUSES = frozenset({400, 413, 415, 422})
_SPARQL_JSON = "application/sparql-results+json"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _sibling_query_endpoint(endpoint: str) -> str:
    """``.../store`` -> ``.../query`` (Oxigraph), ``/ds/data`` -> ``/ds/query`` (Fuseki)."""
    parts = urllib.parse.urlsplit(endpoint)
    parent = parts.path.rstrip("/").rpartition("/")[0]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, f"{parent}/query", "", ""))


class GraphStoreProtocolStore(SelectStore):
    """A SPARQL 1.1 Graph Store HTTP Protocol server, with ``urllib`` only.

    ``replace_graph`` is ``PUT {endpoint}?graph=<iri>`` with N-Triples; counts are SPARQL
    queries sent to ``query_endpoint`` (default: the sibling ``query`` of the data endpoint,
    right for Oxigraph's ``/store`` and Fuseki's ``/dataset/data``). Credentials in the URL
    (``http://user:password@host/...``) become HTTP Basic authentication and never appear in
    messages. Proxies from the environment are honoured, except for loopback hosts.
    """

    def __init__(
        self,
        endpoint: str,
        timeout: float = 30,
        *,
        query_endpoint: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.timeout = timeout
        self._headers = dict(headers or {})
        self.endpoint, credentials, host = self._parse(endpoint)
        if query_endpoint is None:
            self.query_endpoint = _sibling_query_endpoint(self.endpoint)
        else:
            self.query_endpoint, query_credentials, _ = self._parse(query_endpoint)
            credentials = credentials or query_credentials
        if credentials and "Authorization" not in self._headers:
            token = base64.b64encode(credentials.encode("utf-8")).decode("ascii")
            self._headers["Authorization"] = f"Basic {token}"
        handlers = [urllib.request.ProxyHandler({})] if _is_loopback(host) else []
        self._opener: urllib.request.OpenerDirector | None = urllib.request.build_opener(*handlers)

    @staticmethod
    def _parse(url: str) -> tuple[str, str, str]:
        """(URL without credentials, ``user:password`` or "", host); only http and https."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"not an http(s) store endpoint: {url!r}")
        credentials = ""
        if parts.username is not None:
            credentials = urllib.parse.unquote(parts.username)
            credentials += ":" + urllib.parse.unquote(parts.password or "")
        netloc = parts.netloc.rpartition("@")[2]
        clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
        return clean, credentials, parts.hostname

    def _request(
        self, method: str, url: str, endpoint: str, body: bytes, headers: Mapping[str, str]
    ) -> bytes:
        if self._opener is None:
            raise StoreUnavailableError(endpoint, "store is closed")
        request = urllib.request.Request(
            url, data=body, method=method, headers={**self._headers, **headers}
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                data: bytes = response.read()
                return data
        except urllib.error.HTTPError as exc:
            kind = StoreError if exc.code in _PAYLOAD_STATUSES else StoreUnavailableError
            raise kind(endpoint, str(exc.reason), exc.code, _body_text(exc)) from None
        except urllib.error.URLError as exc:
            raise StoreUnavailableError(endpoint, self._transport_reason(exc.reason)) from None
        except (OSError, HTTPException) as exc:
            raise StoreUnavailableError(endpoint, self._transport_reason(exc)) from None

    def _transport_reason(self, reason: object) -> str:
        if isinstance(reason, TimeoutError):
            return f"no answer within {self.timeout:g} s"
        if isinstance(reason, OSError) and reason.strerror:
            return reason.strerror.lower()
        return str(reason) or type(reason).__name__

    def replace_graph(self, graph_iri: str, ntriples: str) -> None:
        check_graph_iri(graph_iri, self.endpoint)
        separator = "&" if "?" in self.endpoint else "?"
        url = f"{self.endpoint}{separator}graph={urllib.parse.quote(graph_iri, safe='')}"
        self._request(
            "PUT",
            url,
            self.endpoint,
            ntriples.encode("utf-8"),
            {"Content-Type": "application/n-triples"},
        )

    def select(self, query: str) -> list[dict[str, str]]:
        """A SPARQL SELECT; each row maps a variable name to its value's lexical form."""
        answer = self._request(
            "POST",
            self.query_endpoint,
            self.query_endpoint,
            query.encode("utf-8"),
            {"Content-Type": "application/sparql-query", "Accept": _SPARQL_JSON},
        )
        try:
            bindings = json.loads(answer)["results"]["bindings"]
            return [{name: str(term["value"]) for name, term in row.items()} for row in bindings]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise StoreError(self.query_endpoint, "answer is not SPARQL JSON results") from None

    def close(self) -> None:
        self._opener = None  # urllib keeps no connection open; this only refuses further use


def _body_text(error: urllib.error.HTTPError) -> str:
    try:
        return error.read(2000).decode("utf-8", "replace")
    except (OSError, HTTPException):
        return ""
