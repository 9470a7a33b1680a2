"""The ASGI application behind ``jsonld-news serve`` (Starlette): endpoints, limits, errors.

Handlers are clients of the public API. A bad request is a 4xx with a JSON body naming the
``field`` (a query parameter, a header, ``body``), the ``problem`` and the ``value``; a bug is a
500 with the same shape and no traceback (the traceback goes to the server's log). Conversions
run in worker threads (``jsonld_news.work_pool``), bounded in number (``concurrency``: more get
503 at once) and in time (``timeout``: 504; the conversion runs on to its end holding its slot).
Nothing here opens an outbound connection: contexts are pinned, remote references in input are
refused by the readers. JSON answers are encoded with orjson.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import os
import time
from collections.abc import Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import orjson
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from jsonld_news.api import entities, read, read_document, serialize
from jsonld_news.api import validate as validate_document
from jsonld_news.errors import (
    ArticleError,
    InputError,
    JsonldNewsError,
    RemoteContextError,
    UnknownFormatError,
    UnreadableInputError,
    UnsupportedOutputError,
)
from jsonld_news.jsonld import explicit, to_jsonld
from jsonld_news.model import Article
from jsonld_news.openapi import openapi_document
from jsonld_news.options import Options
from jsonld_news.readers import INPUT_FORMATS, detect_format
from jsonld_news.serialize import OUTPUT_FORMATS, output_format
from jsonld_news.serve_start import Readiness, gc_state, start_worker
from jsonld_news.server import ServeConfig
from jsonld_news.site import validate_page
from jsonld_news.stage_timing import StageTimes, timed_convert
from jsonld_news.validate import DEFAULT_VALIDATORS, VALIDATORS
from jsonld_news.work_pool import Busy, TimedOut, WorkPool

T = TypeVar("T")
BODY = "<body>"  # what error messages call the request body

# Content-Type -> input format (None: detect from the bytes, as the command line does)
INPUT_MEDIA: dict[str, str | None] = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": None,  # an article as JSON, NewsArticle JSON-LD, news-please...
    "application/ld+json": "json",
    "application/ninjs+json": "ninjs",
    "application/vnd.ninjs+json": "ninjs",
    "application/octet-stream": None,
    "application/x-www-form-urlencoded": None,  # curl --data-binary without -H
    "": None,
}
# output format -> Content-Type of the response
OUTPUT_MEDIA: dict[str, str] = {
    "jsonld": "application/ld+json",
    "jsonld-expanded": 'application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"',
    "jsonld-flattened": 'application/ld+json; profile="http://www.w3.org/ns/json-ld#flattened"',
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "rdfxml": "application/rdf+xml",
    "html": "text/html",
}
# Accept media type -> output format
_ACCEPTED = {
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "application/n-quads": "nq",
    "application/rdf+xml": "rdfxml",
    "text/html": "html",
    "application/*": "jsonld",
    "text/*": "turtle",
    "*/*": "jsonld",
}

# Query parameters: the command line's option names. Every endpoint that reads an article
# takes the conversion ones; each endpoint adds its own.
CONVERSION_PARAMETERS = (
    "from",
    "base-iri",
    "timezone",
    "publisher",
    "base-url",
    "encoding",
    "allow-remote-context",
    "mentions",
    "syntaxes",
)
ENDPOINT_PARAMETERS = {
    "convert": (*CONVERSION_PARAMETERS, "to"),
    "seo": (*CONVERSION_PARAMETERS, "inject", "graph", "minify"),
    "validate": (*CONVERSION_PARAMETERS, "validators", "strict"),
    "analyze": (*CONVERSION_PARAMETERS, "validators"),
}
_BOOLEANS = {"1": True, "true": True, "yes": True, "on": True}
_BOOLEANS |= {"0": False, "false": False, "no": False, "off": False}


class JSONResponse(Response):
    """A JSON answer, encoded by orjson (the standard library's json for what orjson refuses,
    such as integers wider than 64 bits)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        try:
            return orjson.dumps(content)
        except (TypeError, orjson.JSONEncodeError):
            return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


class ApiError(Exception):
    """A request the API refuses: the HTTP status and the JSON error body."""

    def __init__(
        self,
        status: int,
        field: str,
        problem: str,
        value: Any = None,
        *,
        headers: Mapping[str, str] | None = None,
        problems: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(problem)
        self.status = status
        self.body: dict[str, Any] = {"field": field, "problem": problem, "value": value}
        if problems:
            self.body["problems"] = problems
        self.headers = dict(headers or {})

    def response(self) -> JSONResponse:
        return JSONResponse(self.body, status_code=self.status, headers=self.headers)


def input_error(exc: JsonldNewsError, field: str = "body") -> ApiError:
    """A library error as the API's error: status from the class, field and value kept."""
    if isinstance(exc, ArticleError):
        problems = [
            {"field": p.field, "problem": p.message, "value": _plain(p.value)} for p in exc.problems
        ]
        first = exc.problems[0] if exc.problems else None
        if first is None:
            return ApiError(422, field, exc.problem)
        return ApiError(422, first.field, first.message, _plain(first.value), problems=problems)
    if isinstance(exc, InputError):
        status = 400
        if isinstance(exc, UnreadableInputError) and "more than the limit" in exc.problem:
            status = 413
        elif isinstance(exc, RemoteContextError):
            status = 422
        elif isinstance(exc, UnknownFormatError):
            status = 415
        return ApiError(status, field, exc.problem)
    if isinstance(exc, UnsupportedOutputError):
        return ApiError(400, "to", str(exc), exc.name)
    return ApiError(400, field, str(exc))


def _plain(value: Any) -> Any:
    """A value for the JSON error body: JSON types as they are, anything else as text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return str(value)
    return value


# --- request parsing -----------------------------------------------------------------------


def query(request: Request, endpoint: str) -> dict[str, str]:
    """The query parameters, each once; an unknown name is refused (a typo is not ignored)."""
    allowed = ENDPOINT_PARAMETERS[endpoint]
    found: dict[str, str] = {}
    for name, value in request.query_params.multi_items():
        if name not in allowed:
            raise ApiError(
                400, name, f"unknown query parameter; {endpoint} takes {', '.join(allowed)}", value
            )
        if name in found:
            raise ApiError(400, name, "given more than once", value)
        found[name] = value
    return found


def boolean(params: Mapping[str, str], name: str) -> bool | None:
    if name not in params:
        return None
    value = params[name]
    try:
        return _BOOLEANS[value.strip().lower()]
    except KeyError:
        raise ApiError(400, name, "not a boolean (use true or false)", value) from None


# query parameter -> Options.from_values keyword
_OPTION_NAMES = {
    "base-iri": "base_iri",
    "timezone": "timezone",
    "base-url": "base_url",
    "encoding": "encoding",
    "syntaxes": "syntaxes",
}


def request_options(base: Options, params: Mapping[str, str], charset: str | None) -> Options:
    """The worker's options with this request's parameters applied, one at a time, so a bad
    value is reported under its own name."""
    options = base
    changes: list[tuple[str, dict[str, Any]]] = []
    for name, keyword in _OPTION_NAMES.items():
        if name in params:
            changes.append((name, {keyword: params[name]}))
    for name, keyword in (
        ("allow-remote-context", "allow_remote_context"),
        ("mentions", "mentions"),
    ):
        flag = boolean(params, name)
        if flag is not None:
            changes.append((name, {keyword: flag}))
    if "publisher" in params:
        changes.append(("publisher", {"publisher": _publisher(params["publisher"])}))
    if "encoding" in params:
        try:
            codecs.lookup(params["encoding"])
        except LookupError:
            raise ApiError(400, "encoding", "unknown encoding", params["encoding"]) from None
    for name, values in changes:
        try:
            options = Options.from_values(options, **values)
        except JsonldNewsError as exc:
            raise ApiError(400, name, str(exc), params[name]) from None
    if charset and "encoding" not in params and charset != options.transport_charset:
        options = dataclasses.replace(options, transport_charset=charset)  # the HTTP charset
    return options


def _publisher(text: str) -> dict[str, Any]:
    """``publisher`` is a JSON object (a publisher file's content), never a server path."""
    try:
        value = json.loads(text)
    except ValueError:
        raise ApiError(400, "publisher", "not JSON: give a JSON object with a name", text) from None
    if not isinstance(value, dict):
        raise ApiError(400, "publisher", "not a JSON object with a name", text)
    return value


def media_type(request: Request) -> tuple[str, str | None]:
    """The Content-Type's media type (lower case) and its charset parameter."""
    header = request.headers.get("content-type", "")
    kind, _, rest = header.partition(";")
    charset = None
    for part in rest.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"')
    return kind.strip().lower(), charset


def input_format(request: Request, params: Mapping[str, str]) -> str | None:
    """``?from=`` first, then the Content-Type; ``None`` detects the format from the bytes."""
    if "from" in params:
        name = params["from"].strip().lower()
        if name in ("", "auto"):
            return None
        if name not in INPUT_FORMATS:
            raise ApiError(
                400, "from", f"unknown input format; choose from {', '.join(INPUT_FORMATS)}", name
            )
        return name
    kind, _ = media_type(request)
    if kind not in INPUT_MEDIA:
        known = ", ".join(k for k in INPUT_MEDIA if k)
        raise ApiError(415, "Content-Type", f"unsupported media type; send one of {known}", kind)
    return INPUT_MEDIA[kind]


def negotiate(request: Request, params: Mapping[str, str]) -> str:
    """The output format: ``?to=`` first, then the best ``Accept`` entry (q-values honoured)."""
    if "to" in params:
        name = params["to"]
        if "," in name:
            raise ApiError(400, "to", "one output format per request", name)
        try:
            return output_format(name)
        except UnsupportedOutputError as exc:
            raise ApiError(400, "to", str(exc), name) from None
    header = request.headers.get("accept", "").strip()
    if not header:
        return "jsonld"
    ranked: list[tuple[float, int, str]] = []
    for position, entry in enumerate(header.split(",")):
        kind, *parameters = (p.strip() for p in entry.split(";"))
        quality, profile = 1.0, ""
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            key, value = key.strip().lower(), value.strip().strip('"')
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
            elif key == "profile":
                profile = value
        found = _ACCEPTED.get(kind.lower())
        if found == "jsonld" and profile.endswith(("#expanded", "#flattened")):
            found = "jsonld-" + profile.rsplit("#", 1)[1]
        if found and quality > 0:
            ranked.append((-quality, position, found))
    if not ranked:
        media = ", ".join(sorted(set(OUTPUT_MEDIA.values())))
        raise ApiError(406, "Accept", f"no output format matches; accept one of {media}", header)
    return min(ranked)[2]


def validator_names(params: Mapping[str, str]) -> list[str]:
    if "validators" not in params:
        return list(DEFAULT_VALIDATORS)
    names = [v.strip() for v in params["validators"].split(",") if v.strip()]
    unknown = [n for n in names if n not in VALIDATORS]
    if unknown or not names:
        raise ApiError(
            400,
            "validators",
            f"unknown validator; choose from {', '.join(VALIDATORS)}",
            params["validators"],
        )
    return names


# --- the work of each endpoint (runs in a worker thread) ------------------------------------


def read_article(
    data: bytes, fmt: str | None, options: Options, times: StageTimes | None = None
) -> Article:
    """The article in ``data``; with ``times``, each stage timed (``--server-timing``)."""
    try:
        if times is None:
            return read(data, fmt, options=options, name=BODY)
        return timed_convert(data, BODY, fmt, options, times)
    except JsonldNewsError as exc:
        raise input_error(exc) from None


def warning_headers(warnings: list[str]) -> dict[str, str]:
    """Warnings (values that could not be read, markup dropped), JSON in one ASCII header."""
    if not warnings:
        return {}
    return {"X-Warnings": json.dumps(warnings[:20], ensure_ascii=True)}


def _seo_block(article: Article, graph: bool, minify: bool) -> tuple[str, list[str]]:
    """The SEO ``<script type="application/ld+json">`` block (``jsonld-news seo``)."""
    from jsonld_news.seo import seo_markup

    try:
        markup = seo_markup(article, graph=graph)
    except JsonldNewsError as exc:
        raise input_error(exc) from None
    return markup.script(minify=minify), [*article.warnings, *markup.warnings]


def _inject_page(page: bytes, block: str) -> tuple[bytes, list[str]]:
    """The page with ``block`` in its head (``jsonld-news seo --inject``)."""
    from jsonld_news.inject import inject

    try:
        injected = inject(page, block, name=BODY)
    except JsonldNewsError as exc:
        raise input_error(exc) from None
    return injected.page, injected.warnings


def _validate_page(data: bytes, options: Options, validators: list[str] | None) -> dict[str, Any]:
    """The page validator's report (``jsonld_news.validate_page``): the JSON-LD, microdata and
    RDFa already on the page, as ``jsonld-news validate page.html`` gives it. ``None``: the
    validators for pages."""
    try:
        return validate_page(data, validators, options=options, name=BODY).to_dict()
    except JsonldNewsError as exc:
        raise input_error(exc) from None


def analysis(article: Article, validators: list[str]) -> dict[str, Any]:
    """Everything the playground shows, from one conversion."""
    doc = to_jsonld(article)
    spans = [
        {
            "surface": m.surface,
            "name": m.entity.name,
            "type": m.entity.type,
            "iri": m.entity.iri,
            "sameAs": list(m.entity.same_as),
            "in": "headline" if m.in_headline else "body",
            "start": m.start,
            "end": m.end,
        }
        for m in article.occurrences
    ]
    return {
        "format": article.source_format,
        "headline": article.headline,
        "body": article.body,
        "jsonld": explicit(doc),  # what `convert --to jsonld` writes
        "turtle": serialize(doc, "turtle"),
        "report": validate_document(doc, validators).to_dict(),
        "entities": spans,
        "table": entities(article),
        "warnings": list(article.warnings),
    }


# --- the application ------------------------------------------------------------------------


@dataclass
class _State:
    config: ServeConfig
    options: Options
    pool: WorkPool
    readiness: Readiness | None = None  # set once the worker's start-up is done


@cache
def playground_page() -> bytes:
    return resources.files("jsonld_news").joinpath("static/playground.html").read_bytes()


def recognizer_loads() -> int:
    """How many recognisers this process has built (the test checks: one per worker)."""
    from jsonld_news.enrich import mentions, recognize

    return int(
        recognize.default_recognizer.cache_info().misses
        + mentions._opened_recognizer.cache_info().misses
    )


def build_app(config: ServeConfig, *, own_process: bool = False) -> Starlette:
    """The application; ``own_process``: it owns its process (``serve``'s workers), so its
    start-up may freeze the heap and tune the collector (``jsonld_news.serve_start``)."""
    options = config.make_options()
    state = _State(config, options, WorkPool(config.concurrency))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        # the recogniser and KB, once per worker, a warm-up, then the heap frozen
        state.readiness = start_worker(options, own_process=own_process)
        yield
        state.pool.close()

    async def body(request: Request) -> bytes:
        limit = config.max_body_bytes
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise ApiError(413, "body", f"more than the limit of {limit:,} bytes", int(declared))
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise ApiError(413, "body", f"more than the limit of {limit:,} bytes", size)
            chunks.append(chunk)
        data = b"".join(chunks)
        if not data.strip():
            raise ApiError(400, "body", "empty: post an article or a page")
        return data

    async def run(work: Callable[[], T]) -> T:
        """``work`` in a thread: at most ``concurrency`` at once, each within ``timeout``."""
        try:
            return await state.pool.run(work, config.timeout)
        except Busy:
            raise ApiError(
                503,
                "server",
                f"busy: {config.concurrency} requests in progress; retry shortly",
                headers={"Retry-After": "1"},
            ) from None
        except TimedOut:
            raise ApiError(
                504, "body", f"took longer than the limit of {config.timeout:g} s"
            ) from None

    async def convert(request: Request) -> Response:
        params = query(request, "convert")
        fmt = input_format(request, params)
        to = negotiate(request, params)
        opts = request_options(state.options, params, media_type(request)[1])
        data = await body(request)
        times = StageTimes() if config.server_timing else None
        submitted = time.perf_counter()

        def work() -> tuple[str, Article]:
            if times is None:
                article = read_article(data, fmt, opts)
                return serialize(article, to), article
            began = time.perf_counter()
            times.add("wait", began - submitted)  # for a worker thread (and the GIL)
            article = read_article(data, fmt, opts, times)
            serialising = time.perf_counter()
            text = serialize(article, to)
            times.add("serialise", time.perf_counter() - serialising)
            return text, article

        text, article = await run(work)
        headers = warning_headers(article.warnings)
        if times is not None:
            headers["Server-Timing"] = times.header()
        return Response(text, media_type=OUTPUT_MEDIA[to], headers=headers)

    async def seo(request: Request) -> Response:
        params = query(request, "seo")
        fmt = input_format(request, params)
        inject = boolean(params, "inject") or False
        graph = boolean(params, "graph") or False
        minify = boolean(params, "minify") or False
        opts = request_options(state.options, params, media_type(request)[1])
        data = await body(request)

        def work() -> tuple[str | bytes, list[str]]:
            block, warnings = _seo_block(read_article(data, fmt, opts), graph, minify)
            if not inject:
                return block, warnings
            page, more = _inject_page(data, block)
            return page, [*warnings, *more]

        result, warnings = await run(work)
        return Response(result, media_type="text/html", headers=warning_headers(warnings))

    async def validate(request: Request) -> Response:
        params = query(request, "validate")
        fmt = input_format(request, params)
        names = validator_names(params)
        strict = boolean(params, "strict") or False
        opts = request_options(state.options, params, media_type(request)[1])
        data = await body(request)

        def work() -> dict[str, Any]:
            if (fmt or detect_format(data, BODY)) == "html":
                return _validate_page(data, opts, names if "validators" in params else None)
            try:
                doc = read_document(data, options=opts, name=BODY)
            except JsonldNewsError as exc:
                raise input_error(exc) from None
            return validate_document(doc, names).to_dict()

        report = await run(work)
        report["valid"] = bool(report["ok"]) and not (strict and report["warnings"])
        return JSONResponse(report)

    async def analyze(request: Request) -> Response:
        params = query(request, "analyze")
        fmt = input_format(request, params)
        names = validator_names(params)
        opts = request_options(state.options, params, media_type(request)[1])
        data = await body(request)
        result = await run(lambda: analysis(read_article(data, fmt, opts), names))
        return JSONResponse(result)

    async def healthz(request: Request) -> Response:
        from jsonld_news import __version__

        return JSONResponse(
            {
                "status": "ok",
                "version": __version__,
                "pid": os.getpid(),
                "in_progress": state.pool.busy,
                "recognizer_loads": recognizer_loads(),
                "ready": state.readiness is not None,
                "start": None if state.readiness is None else state.readiness.to_dict(),
                "gc": gc_state(),
            }
        )

    document = JSONResponse(openapi_document()).body  # encoded once

    async def openapi(request: Request) -> Response:
        return Response(document, media_type="application/json")

    async def playground(request: Request) -> Response:
        return Response(
            playground_page(),
            media_type="text/html; charset=utf-8",
            # One page, its scripts and styles inline: nothing may load from elsewhere.
            headers={
                "Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; "
                "style-src 'unsafe-inline'; img-src data:; connect-src 'self'",
            },
        )

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return exc.response()

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        problem = {404: "no such endpoint", 405: "method not allowed"}.get(
            exc.status_code, str(exc.detail)
        )
        return JSONResponse(
            {"field": "path", "problem": problem, "value": request.url.path},
            status_code=exc.status_code,
            headers=exc.headers,
        )

    async def crashed(request: Request, exc: Exception) -> Response:
        # A bug: the client gets the usual JSON shape, the log gets the traceback.
        return JSONResponse(
            {"field": None, "problem": f"internal error ({type(exc).__name__})", "value": None},
            status_code=500,
        )

    routes = [
        Route("/", playground, methods=["GET"]),
        Route("/convert", convert, methods=["POST"]),
        Route("/seo", seo, methods=["POST"]),
        Route("/validate", validate, methods=["POST"]),
        Route("/analyze", analyze, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={ApiError: refused, HTTPException: http_error, Exception: crashed},
    )


__all__ = ["INPUT_MEDIA", "OUTPUT_FORMATS", "OUTPUT_MEDIA", "ApiError", "build_app"]
