"""``jsonld-news serve``: the HTTP API and the playground, on uvicorn (extra ``jsonld-news[serve]``).

This module holds the plain configuration and starts uvicorn; the ASGI application is
``jsonld_news.http_app`` (Starlette), imported only here, so ``import jsonld_news`` and
``--help`` never pay for it. Each uvicorn worker builds the application once, from the
configuration in an environment variable, and opens the recogniser and KB then (not per request).
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jsonld_news.errors import ConfigError
from jsonld_news.options import Options

if TYPE_CHECKING:
    from starlette.applications import Starlette

EXTRA = "jsonld-news[serve]"
_ENVIRONMENT = "JSONLD_NEWS_SERVE_CONFIG"  # how each worker process receives the configuration

DEFAULT_MAX_BODY = 10_000_000  # bytes: 10 MB
DEFAULT_TIMEOUT = 10.0  # seconds one request may take
DEFAULT_CONCURRENCY = 16  # requests in progress per worker; more get 503 at once


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """What ``serve`` runs with: plain values only (they cross to worker processes as JSON).

    ``options`` are the keyword arguments of ``Options.from_values`` (paths and values, as on
    the command line): the defaults for every request, which query parameters may override
    (except ``kb``, opened once per worker)."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    max_body_bytes: int = DEFAULT_MAX_BODY
    timeout: float = DEFAULT_TIMEOUT
    concurrency: int = DEFAULT_CONCURRENCY
    access_log: bool = False
    server_timing: bool = False  # a Server-Timing header on /convert: each stage's duration
    options: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("port", "workers", "max_body_bytes", "concurrency"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{name} must be a whole number, got {value!r}")
        if self.workers < 1 or self.concurrency < 1 or self.max_body_bytes < 1:
            raise ConfigError("workers, concurrency and the body limit must be at least 1")
        if not 0 < self.timeout <= 3600:
            raise ConfigError(f"timeout must be between 0 and 3600 seconds, got {self.timeout!r}")
        self.make_options()  # a bad option value fails here, before anything listens

    def make_options(self) -> Options:
        return Options.from_values(**self.options)

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_json(cls, text: str) -> ServeConfig:
        return cls(**json.loads(text))


def create_app(config: ServeConfig | None = None, *, own_process: bool = False) -> Starlette:
    """The ASGI application (Starlette) for ``config``: mount it, or test it in-process.

    ``own_process``: the application is alone in its process (as ``serve``'s workers are), so
    its start-up may freeze the heap and raise the collector's threshold, process-wide settings
    (``jsonld_news.serve_start``); mounted in another server, leave it off."""
    try:
        from jsonld_news.http_app import build_app
    except ImportError as exc:
        raise ConfigError(f"the HTTP API needs {exc.name}: pip install '{EXTRA}'") from None
    return build_app(config or ServeConfig(), own_process=own_process)


def app_from_environment() -> Starlette:
    """uvicorn's factory in each worker process (``--workers N``): it owns its process."""
    text = os.environ.get(_ENVIRONMENT)
    return create_app(ServeConfig.from_json(text) if text else None, own_process=True)


def serve(config: ServeConfig) -> None:
    """Listen on ``config.host:port`` until stopped (Ctrl-C, SIGTERM)."""
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError as exc:
        raise ConfigError(f"serve needs {exc.name}: pip install '{EXTRA}'") from None
    os.environ[_ENVIRONMENT] = config.to_json()
    uvicorn.run(
        "jsonld_news.server:app_from_environment",
        factory=True,
        host=config.host,
        port=config.port,
        workers=config.workers if config.workers > 1 else None,
        log_level="info",
        access_log=config.access_log,
        # The body limit is the application's (413 with a JSON body); this bounds headers.
        h11_max_incomplete_event_size=64 * 1024,
        timeout_graceful_shutdown=5,
    )
