"""HTTP for the remote stores, on httpx: one keep-alive client per store.

What every remote store needs, in one place:

- HTTP Basic or Digest authentication (``auth="auto"`` answers the server's own challenge,
  then keeps to that scheme), credentials never echoed: not in errors, logs or reprs;
- environment proxies (``HTTP_PROXY``, ``HTTPS_PROXY``, ``NO_PROXY``), never for loopback;
- a connect timeout, a read timeout, and a total deadline per request: every socket read and
  write is bounded by the time left, so a server dripping one byte a second cannot hold a
  request past its deadline (httpx's read timeout alone restarts with every byte);
- retries with backoff on connection errors and 5xx, none on 4xx, none on timeouts (the
  deadline is the user's bound on the call); requests that are not idempotent are retried only
  when nothing was sent;
- errors as ``StoreError`` (the request was refused for what it carried: 400, 413, 415, 422) or
  ``StoreUnavailableError`` (anything else), quoting the server's own message on one line.

httpx is imported when a client is made, not with the package: start-up time is measured.
"""

from __future__ import annotations

import base64
import ipaddress
import logging
import re
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Generator, Mapping
from typing import TYPE_CHECKING, Any

from jsonld_news.errors import ConfigError
from jsonld_news.stores.base import StoreError, StoreUnavailableError, one_line

if TYPE_CHECKING:
    import httpx

__all__ = ["AUTH_SCHEMES", "HttpClient", "is_loopback", "split_credentials"]

log = logging.getLogger(__name__)

AUTH_SCHEMES = ("auto", "basic", "digest")
# Statuses that blame the request body (this article), not the store: record and go on.
PAYLOAD_STATUSES = frozenset({400, 413, 415, 422})


def is_loopback(host: str) -> bool:
    host = host.strip("[]")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """(URL without userinfo or fragment, user or None, password or None); http(s) only."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"not an http(s) store endpoint: {_without_userinfo(url)!r}")
    user = password = None
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        password = urllib.parse.unquote(parts.password) if parts.password is not None else None
    netloc = parts.netloc.rpartition("@")[2]
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    return clean, user, password


def _without_userinfo(url: str) -> str:
    return re.sub(r"//[^/@]*@", "//", url, count=1)


class _Deadline(threading.local):
    """The monotonic time the current request must be done by (per thread)."""

    at: float | None = None

    def bound(self, timeout: float | None) -> float | None:
        if self.at is None:
            return timeout
        left = max(self.at - time.monotonic(), 0.001)  # 0 would mean "non-blocking"
        return left if timeout is None else min(timeout, left)


def _deadline_backend(inner: Any, deadline: _Deadline) -> Any:
    """An httpcore network backend whose every connect, read and write gets at most the time
    left before the request's deadline."""
    import httpcore

    class Stream(httpcore.NetworkStream):
        def __init__(self, stream: httpcore.NetworkStream) -> None:
            self._stream = stream

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            return self._stream.read(max_bytes, deadline.bound(timeout))

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self._stream.write(buffer, deadline.bound(timeout))

        def close(self) -> None:
            self._stream.close()

        def start_tls(
            self,
            ssl_context: Any,
            server_hostname: str | None = None,
            timeout: float | None = None,
        ) -> httpcore.NetworkStream:
            bound = deadline.bound(timeout)
            return Stream(self._stream.start_tls(ssl_context, server_hostname, bound))

        def get_extra_info(self, info: str) -> Any:
            return self._stream.get_extra_info(info)

    class Backend(httpcore.NetworkBackend):
        def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Any = None,
        ) -> httpcore.NetworkStream:
            stream = inner.connect_tcp(
                host, port, deadline.bound(timeout), local_address, socket_options
            )
            return Stream(stream)

        def connect_unix_socket(
            self, path: str, timeout: float | None = None, socket_options: Any = None
        ) -> httpcore.NetworkStream:
            return Stream(inner.connect_unix_socket(path, deadline.bound(timeout), socket_options))

        def sleep(self, seconds: float) -> None:
            inner.sleep(seconds)

    return Backend()


def _make_auth(user: str, password: str, scheme: str) -> httpx.Auth:
    import httpx

    class Auth(httpx.Auth):
        """Basic or Digest; ``auto`` answers the server's challenge with its scheme, then keeps
        to it (Basic then goes pre-emptively; Digest reuses the server's nonce, as httpx does).
        Before the first request with a body, and until a Digest challenge is known, an empty
        ``HEAD`` of the same URL asks for the challenge: so the body (a whole batch) is sent
        once, not once refused and once again."""

        requires_request_body = True

        def __init__(self) -> None:
            self._basic = httpx.BasicAuth(user, password)
            self._digest = httpx.DigestAuth(user, password)
            self.scheme = None if scheme == "auto" else scheme
            self._challenged = False  # httpx's DigestAuth holds a challenge: it goes pre-emptively

        def __repr__(self) -> str:
            return f"<auth {self.scheme or 'auto'} for {user!r}>"

        def _answer(self, request: httpx.Request, response: httpx.Response) -> httpx.Request | None:
            """The request again with the credentials the 401 ``response`` asks for."""
            offered = [h.lower() for h in response.headers.get_list("www-authenticate")]
            if self.scheme != "basic" and any(h.startswith("digest") for h in offered):
                self.scheme, self._challenged = "digest", True
                flow = self._digest.auth_flow(request)
                next(flow)  # its unauthenticated first try: the one just answered
                try:
                    return flow.send(response)
                except StopIteration:
                    return None
            if self.scheme != "digest" and any(h.startswith("basic") for h in offered):
                self.scheme = "basic"
                return next(self._basic.auth_flow(request))
            return None

        def auth_flow(
            self, request: httpx.Request
        ) -> Generator[httpx.Request, httpx.Response, None]:
            if self.scheme == "basic" or (self.scheme == "digest" and self._challenged):
                flow = self._basic if self.scheme == "basic" else self._digest
                yield from flow.auth_flow(request)
                return
            if request.content:
                headers = {
                    k: v
                    for k, v in request.headers.items()
                    if k.lower() not in ("content-length", "content-type", "transfer-encoding")
                }
                probe = httpx.Request("HEAD", request.url, headers=headers)
                answer = yield probe
                if answer.status_code == 401 and self._answer(probe, answer) is not None:
                    yield from self.auth_flow(request)  # now pre-emptive
                    return
            response = yield request
            if response.status_code == 401:
                retry = self._answer(request, response)
                if retry is not None:
                    yield retry

    return Auth()


class _RoutingTransport:
    """One httpx transport per proxy (none for loopback hosts and ``NO_PROXY``), each with the
    deadline-bounded network backend."""

    def __init__(self, deadline: _Deadline, limits: httpx.Limits) -> None:
        self._deadline = deadline
        self._limits = limits
        self._transports: dict[str | None, httpx.HTTPTransport] = {}
        self._lock = threading.Lock()

    def proxy_for(self, url: httpx.URL) -> str | None:
        host = url.host
        if is_loopback(host) or urllib.request.proxy_bypass(host):
            return None
        proxies = urllib.request.getproxies()
        return proxies.get(url.scheme) or proxies.get("all")

    def transport(self, url: httpx.URL) -> httpx.HTTPTransport:
        import httpx

        proxy = self.proxy_for(url)
        with self._lock:
            found = self._transports.get(proxy)
            if found is None:
                found = httpx.HTTPTransport(proxy=proxy, limits=self._limits, trust_env=True)
                pool = getattr(found, "_pool", None)
                inner = getattr(pool, "_network_backend", None)
                if inner is not None:  # httpx has no public way to pass a network backend
                    pool._network_backend = _deadline_backend(inner, self._deadline)  # type: ignore[union-attr]
                self._transports[proxy] = found
            return found

    def close(self) -> None:
        with self._lock:
            for transport in self._transports.values():
                transport.close()
            self._transports.clear()


class HttpClient:
    """A keep-alive HTTP client for one store, raising the store errors.

    ``timeout`` is the total deadline of one request (connecting, sending, and reading the
    whole answer); ``connect_timeout`` (default: ``timeout``, at most 10 s) bounds connecting,
    ``read_timeout`` (default: ``timeout``) each wait for the next bytes. ``retries`` more attempts follow connection errors and 5xx
    answers, after ``backoff``, then twice that, and so on.
    """

    def __init__(
        self,
        *,
        timeout: float = 30,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        retries: int = 3,
        backoff: float = 0.25,
        user: str | None = None,
        password: str | None = None,
        auth: str = "auto",
        headers: Mapping[str, str] | None = None,
        max_connections: int = 8,
    ) -> None:
        import httpx

        if auth not in AUTH_SCHEMES:
            raise ConfigError(
                f"unknown HTTP authentication {auth!r}; use {', '.join(AUTH_SCHEMES)}"
            )
        if timeout <= 0:
            raise ConfigError(f"timeout must be positive, not {timeout!r}")
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.user = user
        self._secrets = _secrets(user, password)
        self._deadline = _Deadline()
        limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        )
        self._routes = _RoutingTransport(self._deadline, limits)
        routes = self._routes

        class Transport(httpx.BaseTransport):
            def handle_request(self, request: httpx.Request) -> httpx.Response:
                return routes.transport(request.url).handle_request(request)

        self._client: httpx.Client | None = httpx.Client(
            transport=Transport(),
            timeout=httpx.Timeout(
                timeout,
                connect=min(connect_timeout or 10.0, timeout),
                read=min(read_timeout or timeout, timeout),
            ),
            auth=None if user is None else _make_auth(user, password or "", auth),
            headers=dict(headers or {}),
            trust_env=False,  # proxies: the routing transport; netrc: never
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        who = f" as {self.user!r}" if self.user is not None else ""
        return f"<HttpClient{who}>"

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def request(
        self,
        method: str,
        url: str,
        *,
        endpoint: str,
        content: bytes | None = None,
        form: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool = True,
    ) -> httpx.Response:
        """Send one request (with retries); the answer is read whole. Errors name ``endpoint``."""
        import httpx

        attempt = 0
        while True:
            client = self._client
            if client is None:
                raise StoreUnavailableError(endpoint, "store is closed")
            failure: StoreError  # what is raised once the retries are spent
            self._deadline.at = time.monotonic() + self.timeout
            try:
                response = client.request(method, url, content=content, data=form, headers=headers)
            except httpx.TimeoutException as exc:
                late = self._deadline.at is not None and time.monotonic() >= self._deadline.at
                if isinstance(exc, httpx.ConnectTimeout) and not late:
                    failure = StoreUnavailableError(endpoint, "connection timed out")
                else:
                    within = self.timeout if late else client.timeout.read
                    raise StoreUnavailableError(
                        endpoint, f"no complete answer within {within:g} s"
                    ) from None
            except httpx.ConnectError as exc:
                failure = StoreUnavailableError(endpoint, _transport_reason(exc))
            except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as exc:
                failure = StoreUnavailableError(endpoint, _transport_reason(exc))
                if not idempotent:
                    raise failure from None
            except httpx.HTTPError as exc:
                raise StoreUnavailableError(endpoint, self.redact(_transport_reason(exc))) from None
            else:
                status = response.status_code
                if status < 400:
                    return response
                failure = self._status_error(endpoint, response)
                if status < 500 or not idempotent:
                    raise failure
            finally:
                self._deadline.at = None
            if attempt >= self.retries:
                raise failure
            wait = self.backoff * (2**attempt)
            attempt += 1
            log.info("%s; retry %d in %.2g s", failure, attempt, wait)
            time.sleep(wait)

    def _status_error(self, endpoint: str, response: httpx.Response) -> StoreError:
        status = response.status_code
        kind = StoreError if status in PAYLOAD_STATUSES else StoreUnavailableError
        reason = response.reason_phrase or "error"
        return kind(endpoint, self.redact(reason), status, self.redact(_message(response)))

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()
            self._routes.close()


def _secrets(user: str | None, password: str | None) -> list[str]:
    """What must never appear in a message: the password, and the Basic token that carries it."""
    if not password:
        return []
    pair = f"{user or ''}:{password}"
    token = base64.b64encode(pair.encode()).decode("ascii")
    # Longest first, so the pair is hidden whole; very short passwords are still hidden.
    return sorted(
        {pair, token, password, urllib.parse.quote(password, safe="")}, key=len, reverse=True
    )


def _message(response: httpx.Response) -> str:
    """The server's own explanation, on one line: text, or the text of an HTML error page."""
    try:
        text = response.content[:4000].decode(response.encoding or "utf-8", "replace")
    except LookupError:
        text = response.content[:4000].decode("utf-8", "replace")
    if "html" in response.headers.get("content-type", "") or text.lstrip().startswith("<"):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = re.sub(r"<[^>]*>", " ", text)
    return one_line(text, 200)


def _transport_reason(exc: Exception) -> str:
    cause: BaseException | None = exc
    while cause is not None:  # the OS's words: "connection refused", not httpx's wrapper
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror.lower()
        cause = cause.__cause__ or cause.__context__
    text = str(exc).lower()
    if "refused" in text:
        return "connection refused"
    return one_line(str(exc)) or type(exc).__name__
