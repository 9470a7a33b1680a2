"""The OpenAPI 3.1 document of ``jsonld-news serve`` (served at ``GET /openapi.json``).

Written by hand from the same tables the handlers use (formats, media types, parameters), so
the document and the server cannot drift apart; a test validates it against the OpenAPI schema
and a property-based run (schemathesis) checks the server against it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonld_news.readers import INPUT_FORMATS
from jsonld_news.serialize import OUTPUT_FORMATS
from jsonld_news.validate import VALIDATORS

_TEXT = {"type": "string"}
_JSON = {"type": ["object", "array"]}  # JSON-LD: compact or flattened object, expanded array
_ERROR = {"$ref": "#/components/schemas/Error"}

# Request bodies the endpoints read (an article in any input format, or a page).
_ARTICLE_MEDIA = (
    "text/plain",
    "text/markdown",
    "text/html",
    "application/json",
    "application/ld+json",
    "application/vnd.ninjs+json",
    "application/octet-stream",
)
_OUTPUT_MEDIA = (
    "application/ld+json",
    "text/turtle",
    "application/n-triples",
    "application/n-quads",
    "application/rdf+xml",
    "text/html",
)


def _parameter(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


_BOOLEAN = {"type": "boolean"}
CONVERSION = [
    _parameter(
        "from",
        "Input format (default: from Content-Type, else detected from the bytes).",
        {"type": "string", "enum": ["auto", *INPUT_FORMATS]},
    ),
    _parameter("base-iri", "Namespace for minted entity IRIs (an absolute IRI).", _TEXT),
    _parameter("timezone", "Zone for date-times that name none (IANA name or +HH:MM).", _TEXT),
    _parameter(
        "publisher",
        'The publisher, as a JSON object with at least a "name" (overrides the input).',
        _TEXT,
    ),
    _parameter("base-url", "Canonical URL for pages that lack one.", _TEXT),
    _parameter("encoding", "Input encoding (default: the charset, else detected).", _TEXT),
    _parameter(
        "allow-remote-context",
        "Read JSON-LD input with a non-schema.org @context (it is never fetched).",
        _BOOLEAN,
    ),
    _parameter("mentions", "Recognise entities in the text (default true).", _BOOLEAN),
    _parameter(
        "syntaxes",
        "HTML metadata syntaxes, comma-separated: json-ld, microdata, opengraph, dublincore, "
        "rdfa, microformat, or all.",
        _TEXT,
    ),
]
_VALIDATORS = _parameter(
    "validators",
    f"Comma-separated validators: {', '.join(VALIDATORS)} (default json-schema,schema.org,google).",
    _TEXT,
)


def _body(description: str) -> dict[str, Any]:
    return {
        "required": True,
        "description": description,
        "content": {media: {"schema": {"type": "string"}} for media in _ARTICLE_MEDIA},
    }


def _errors(*statuses: int) -> dict[str, Any]:
    reasons = {
        400: "Bad input or a bad parameter",
        406: "No acceptable output format",
        413: "Body larger than the limit",
        415: "Unsupported Content-Type",
        422: "The input parsed but makes no valid article",
        500: "A bug (never a traceback)",
        503: "Busy: too many requests in progress",
        504: "The request took longer than the time limit",
    }
    return {
        str(status): {
            "description": reasons[status],
            "content": {"application/json": {"schema": _ERROR}},
        }
        for status in statuses
    }


_INPUT_ERRORS = (400, 413, 415, 422, 500, 503, 504)
_WARNINGS = {
    "X-Warnings": {
        "description": "Values the input had that could not be read (a JSON array of text).",
        "schema": _TEXT,
    }
}

_SERVER_TIMING = {
    "Server-Timing": {
        "description": "With serve --server-timing only: milliseconds in each stage (wait, "
        "parse, build, enrich, mentions, serialise), as W3C Server Timing.",
        "schema": _TEXT,
    }
}


@cache
def openapi_document() -> dict[str, Any]:
    from jsonld_news import __version__

    report = {"$ref": "#/components/schemas/Report"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "jsonld-news",
            "version": __version__,
            "description": "News articles to schema.org NewsArticle JSON-LD and RDF, SEO markup "
            "and validation reports. Every error is JSON: field, problem, value.",
        },
        "servers": [{"url": "http://127.0.0.1:8000"}],
        "paths": {
            "/convert": {
                "post": {
                    "operationId": "convert",
                    "summary": "Convert one article to any output format.",
                    "description": "The output format comes from ?to= or Accept (q-values "
                    f"honoured): {', '.join(OUTPUT_FORMATS)}.",
                    "parameters": [
                        *CONVERSION,
                        _parameter(
                            "to",
                            "Output format (default: from Accept, else jsonld).",
                            {"type": "string", "enum": list(OUTPUT_FORMATS)},
                        ),
                    ],
                    "requestBody": _body("An article in any input format, or an HTML page."),
                    "responses": {
                        "200": {
                            "description": "The article in the output format.",
                            "headers": {**_WARNINGS, **_SERVER_TIMING},
                            "content": {
                                media: {"schema": _JSON if media.endswith("json") else _TEXT}
                                for media in _OUTPUT_MEDIA
                            },
                        },
                        **_errors(*_INPUT_ERRORS, 406),
                    },
                }
            },
            "/seo": {
                "post": {
                    "operationId": "seo",
                    "summary": 'The <script type="application/ld+json"> block for a page.',
                    "parameters": [
                        *CONVERSION,
                        _parameter(
                            "inject", "Return the page with the block in its head.", _BOOLEAN
                        ),
                        _parameter("graph", "A linked @graph of the article's nodes.", _BOOLEAN),
                        _parameter("minify", "The JSON on one line.", _BOOLEAN),
                    ],
                    "requestBody": _body("An HTML page, or an article in any input format."),
                    "responses": {
                        "200": {
                            "description": "The script block (or the page, with inject).",
                            "headers": _WARNINGS,
                            "content": {"text/html": {"schema": _TEXT}},
                        },
                        **_errors(*_INPUT_ERRORS),
                    },
                }
            },
            "/validate": {
                "post": {
                    "operationId": "validate",
                    "summary": "Validate NewsArticle JSON-LD, or the article of an HTML page.",
                    "parameters": [
                        *CONVERSION,
                        _VALIDATORS,
                        _parameter("strict", "Warnings make the report invalid.", _BOOLEAN),
                    ],
                    "requestBody": _body("NewsArticle JSON-LD, or an HTML page."),
                    "responses": {
                        "200": {
                            "description": "The report (valid or not: see ok and valid).",
                            "content": {"application/json": {"schema": report}},
                        },
                        **_errors(*_INPUT_ERRORS),
                    },
                }
            },
            "/analyze": {
                "post": {
                    "operationId": "analyze",
                    "summary": "What the playground shows: JSON-LD, Turtle, report, entities.",
                    "parameters": [*CONVERSION, _VALIDATORS],
                    "requestBody": _body("An article in any input format, or an HTML page."),
                    "responses": {
                        "200": {
                            "description": "The analysis of one article.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Analysis"}
                                }
                            },
                        },
                        **_errors(*_INPUT_ERRORS),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "healthz",
                    "summary": "Liveness: this worker's status.",
                    "responses": {
                        "200": {
                            "description": "The worker answers.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Health"}
                                }
                            },
                        }
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document.",
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3.1",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
            "/": {
                "get": {
                    "operationId": "playground",
                    "summary": "The playground page (no external assets).",
                    "responses": {
                        "200": {
                            "description": "One HTML page.",
                            "content": {"text/html": {"schema": _TEXT}},
                        }
                    },
                }
            },
        },
        "components": {"schemas": _SCHEMAS},
    }


_SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["field", "problem", "value"],
        "properties": {
            "field": {"type": ["string", "null"], "description": "Parameter, header or body."},
            "problem": {"type": "string"},
            "value": {"description": "The offending value, when there is one."},
            "problems": {
                "type": "array",
                "description": "Every problem, when the input has several.",
                "items": {
                    "type": "object",
                    "required": ["field", "problem"],
                    "properties": {"field": _TEXT, "problem": _TEXT, "value": {}},
                },
            },
        },
    },
    "Issue": {
        "type": "object",
        "required": ["severity", "path", "message", "validator"],
        "properties": {
            "severity": {"enum": ["error", "warning"]},
            "path": _TEXT,
            "message": _TEXT,
            "value": {},
            "validator": _TEXT,
        },
    },
    "Report": {
        "type": "object",
        "required": ["ok", "validators", "errors", "warnings", "issues"],
        "properties": {
            "ok": {"type": "boolean"},
            "valid": {"type": "boolean", "description": "ok, and no warnings with strict."},
            "validators": {"type": "array", "items": _TEXT},
            "errors": {"type": "integer"},
            "warnings": {"type": "integer"},
            "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}},
            "page": {"type": "object", "description": "For a page: what each source said."},
        },
    },
    "Entity": {
        "type": "object",
        "required": ["surface", "name", "type", "iri", "in", "start", "end"],
        "properties": {
            "surface": _TEXT,
            "name": _TEXT,
            "type": _TEXT,
            "iri": _TEXT,
            "sameAs": {"type": "array", "items": _TEXT},
            "in": {"enum": ["headline", "body"]},
            "start": {"type": "integer", "description": "Character offset in headline or body."},
            "end": {"type": "integer"},
        },
    },
    "Analysis": {
        "type": "object",
        "required": ["format", "headline", "body", "jsonld", "turtle", "report", "entities"],
        "properties": {
            "format": _TEXT,
            "headline": _TEXT,
            "body": _TEXT,
            "jsonld": {"type": "object"},
            "turtle": _TEXT,
            "report": {"$ref": "#/components/schemas/Report"},
            "entities": {"type": "array", "items": {"$ref": "#/components/schemas/Entity"}},
            "table": {"type": "array", "items": {"type": "object"}},
            "warnings": {"type": "array", "items": _TEXT},
        },
    },
    "Health": {
        "type": "object",
        "required": ["status", "version", "pid", "recognizer_loads"],
        "properties": {
            "status": {"const": "ok"},
            "version": _TEXT,
            "pid": {"type": "integer"},
            "in_progress": {"type": "integer"},
            "recognizer_loads": {"type": "integer"},
            "ready": {"type": "boolean"},
            "start": {
                "description": "The worker's start-up (null before it ended): its seconds, "
                "modules imported, recogniser and KB opened, heap frozen.",
                "type": ["object", "null"],
                "properties": {
                    "seconds": {"type": "number"},
                    "modules": {"type": "integer"},
                    "mentions": {"type": "boolean"},
                    "kb": {"type": ["string", "null"]},
                    "frozen": {"type": "boolean"},
                },
            },
            "gc": {
                "description": "The cyclic collector: objects frozen at start-up, thresholds, "
                "collections so far by generation and (serve's workers) their longest and total "
                "pauses in milliseconds.",
                "type": "object",
                "properties": {
                    "frozen": {"type": "integer"},
                    "threshold": {"type": "array", "items": {"type": "integer"}},
                    "collections": {"type": "array", "items": {"type": "integer"}},
                    "since_start": {"type": "array", "items": {"type": "integer"}},
                    "longest_ms": {"type": "array", "items": {"type": "number"}},
                    "total_ms": {"type": "array", "items": {"type": "number"}},
                },
            },
        },
    },
}
