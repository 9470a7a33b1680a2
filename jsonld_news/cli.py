"""The ``jsonld-news`` command: a thin layer over the public API.

Every failure is one line on stderr naming the input and the problem, never a traceback:
exit 0 success, 1 invalid (``validate``) or some batch inputs failed, 2 unusable input or usage.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from jsonld_news import (
    DEFAULT_BASE_IRI,
    DEFAULT_VALIDATORS,
    INPUT_FORMATS,
    OUTPUT_FORMATS,
    REPORT_FORMATS,
    VALIDATORS,
    JsonldNewsError,
    Options,
    output_format,
)

# The functions that run the pipeline are imported inside the commands that call them, so
# `--help`, `--version`, `formats` and usage errors start in a tenth of a second.
if TYPE_CHECKING:
    from jsonld_news import LoadFailure, Outcome

STDIN = "<stdin>"

app = typer.Typer(
    name="jsonld-news",
    help="Convert news articles into schema.org NewsArticle JSON-LD and RDF, and validate them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: option names are never cut to fit a table column, and lines wrap at the
    # terminal's width (at most 100 columns).
    rich_markup_mode=None,
    context_settings={"max_content_width": 100, "help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_INVALID, EXIT_UNUSABLE = 0, 1, 2


def _plain_argument_type(self: Any, ctx: Any) -> str | None:
    """Arguments show their metavar (``INPUT``), never the Python type (``<list[str]>``)."""
    return None if self.metavar is not None else _argument_type(self, ctx)


try:  # typer >= 0.20 renders argument types itself; older ones go through click and need no help
    from typer.core import TyperArgument

    # typer 0.28 (pinned: 0.29 imports pydantic on every start) has no display_type_rich
    _argument_type = TyperArgument.display_type_rich  # type: ignore[attr-defined,unused-ignore]
    TyperArgument.display_type_rich = _plain_argument_type  # type: ignore[attr-defined,method-assign,unused-ignore]
except (ImportError, AttributeError):  # pragma: no cover
    pass


def fail(message: str, code: int = EXIT_UNUSABLE) -> NoReturn:
    typer.echo(f"jsonld-news: error: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        from jsonld_news import __version__

        typer.echo(f"jsonld-news {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Convert news articles into schema.org NewsArticle JSON-LD and RDF, and validate them."""


def parse_size(value: str) -> int:
    """``64MiB``, ``100M``, ``500k`` or a number of bytes (``Options.from_values`` parses it)."""
    return Options.from_values(max_input_size=value).max_input_bytes


def make_options(
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    timezone_name: str | None = None,
    publisher: Path | None = None,
    base_url: str | None = None,
    encoding: str | None = None,
    allow_remote_context: bool = False,
    mentions: bool = True,
    kb: Path | None = None,
    syntaxes: str | None = None,
    max_input_size: str | None = None,
) -> Options:
    """Options from command-line values; a bad value raises a one-line ``JsonldNewsError``.

    Options carry paths and values; what they name (the KB) is opened here once, so a bad KB
    fails before any input, and batch workers open it themselves.
    """
    from jsonld_news import prepare

    options = Options.from_values(
        base_iri=base_iri,
        timezone=timezone_name,
        publisher=publisher,
        base_url=base_url,
        encoding=encoding,
        allow_remote_context=allow_remote_context,
        mentions=mentions,
        kb=kb,
        syntaxes=syntaxes,
        max_input_size=max_input_size,
    )
    prepare(options)
    return options


BaseIri = Annotated[
    str, typer.Option("--base-iri", metavar="IRI", help="Namespace for minted entity IRIs.")
]
Timezone = Annotated[
    str | None,
    typer.Option(
        "--timezone",
        metavar="ZONE",
        help="Zone for date-times that name none (IANA name or +HH:MM).",
    ),
]
InputFormat = Annotated[
    str | None,
    typer.Option(
        "--from", "-f", metavar="FORMAT", help=f"Input format: {', '.join(INPUT_FORMATS)}."
    ),
]
Mentions = Annotated[
    bool, typer.Option("--mentions/--no-mentions", help="Recognise entities in the text.")
]
KnowledgeBasePath = Annotated[
    Path | None,
    typer.Option("--kb", metavar="FILE", help="Knowledge base (JSON Lines) to link entities to."),
]
BaseUrl = Annotated[
    str | None,
    typer.Option("--base-url", metavar="URL", help="Canonical URL for pages that lack one."),
]
MaxInputSize = Annotated[
    str | None,
    typer.Option(
        "--max-input-size",
        metavar="SIZE",
        help="Refuse larger inputs (default 64MiB; e.g. 500k, 100M, 1GiB).",
    ),
]
Workers = Annotated[
    int | None,
    typer.Option(
        "--workers", "-j", metavar="N", help="Processes for a batch (default: the cores available)."
    ),
]
Engine = Annotated[
    str,
    typer.Option(
        "--engine",
        metavar="ENGINE",
        help="local (processes on this machine) or dask (a Dask cluster; extra jsonld-news[dask]).",
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler (tcp://host:8786); default with --engine dask: a LocalCluster here.",
    ),
]
PublisherFile = Annotated[
    Path | None,
    typer.Option(
        "--publisher",
        metavar="FILE",
        help="JSON/YAML file describing the publisher (name, url, logo, policy links).",
    ),
]
Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress and no warnings on stderr.")
]


@app.command()
def convert(
    inputs: Annotated[
        list[str], typer.Argument(metavar="INPUT", help="Files or folders; '-' reads stdin.")
    ],
    to: Annotated[
        str,
        typer.Option(
            "--to",
            "-t",
            metavar="FORMATS",
            help=f"Output format(s), comma-separated: {', '.join(OUTPUT_FORMATS)}.",
        ),
    ] = "jsonld",
    from_: InputFormat = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Output file ('-' = stdout), or folder for many inputs.",
        ),
    ] = None,
    base_iri: BaseIri = DEFAULT_BASE_IRI,
    timezone_name: Timezone = None,
    publisher: PublisherFile = None,
    base_url: BaseUrl = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", metavar="NAME", help="Input encoding (default: UTF-8)."),
    ] = None,
    allow_remote_context: Annotated[
        bool,
        typer.Option(
            "--allow-remote-context",
            help="Read JSON-LD input with a non-schema.org @context (it is never fetched).",
        ),
    ] = False,
    mentions: Mentions = True,
    kb: KnowledgeBasePath = None,
    syntaxes: Annotated[
        str | None,
        typer.Option(
            "--syntaxes",
            metavar="LIST",
            help="HTML metadata syntaxes: json-ld, microdata, opengraph, dublincore, rdfa, "
            "microformat, or all.",
        ),
    ] = None,
    workers: Workers = None,
    max_input_size: MaxInputSize = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="Finish a stopped batch in the same output folder; redo nothing."
        ),
    ] = False,
    shard_size: Annotated[
        int | None,
        typer.Option(
            "--shard-size",
            metavar="N",
            help="N-Quads in shards of N articles: part-00000.nq, part-00001.nq, ...",
        ),
    ] = None,
    quiet: Quiet = False,
    engine: Engine = "local",
    scheduler: Scheduler = None,
) -> None:
    """Convert articles (text, markdown, JSON, HTML, ninjs; JSON Lines and WARC files of them)
    into JSON-LD or RDF."""
    try:
        formats = [output_format(f) for f in to.split(",") if f.strip()]
        options = make_options(
            base_iri=base_iri,
            timezone_name=timezone_name,
            publisher=publisher,
            base_url=base_url,
            encoding=encoding,
            allow_remote_context=allow_remote_context,
            mentions=mentions,
            kb=kb,
            syntaxes=syntaxes,
            max_input_size=max_input_size,
        )
    except JsonldNewsError as exc:
        fail(str(exc))
    from jsonld_news import archive_kind

    single = len(inputs) == 1 and (
        inputs[0] == "-"
        or not (Path(inputs[0]).is_dir() or archive_kind(inputs[0]) or _is_url(inputs[0]))
    )
    # "out/" (or an existing folder) is a folder even for one input; convert_many refuses a
    # batch whose folder is named like a file ("x.jsonld"). A URL (s3://...) is a folder.
    folder = output is not None and (
        output.endswith(("/", os.sep)) or Path(output).is_dir() or _is_url(output)
    )
    batch_only = resume or shard_size is not None or engine != "local" or scheduler is not None
    if single and len(formats) == 1 and not folder and not batch_only:
        _convert_single(inputs[0], formats[0], from_, output, options)
        return
    if output is None or output == "-":
        fail("several inputs or formats need --output FOLDER")
    if "-" in inputs:
        fail("'-' (stdin) cannot be mixed into a batch")
    _convert_batch(
        inputs,
        formats,
        from_,
        output,
        options,
        workers,
        (resume, shard_size, quiet, engine, scheduler),
    )


def _is_url(name: str) -> bool:
    """An fsspec URL (``s3://b/k``, ``file:///x``): read and written through ``storage``."""
    scheme, sep, _ = name.partition("://")
    return bool(sep) and scheme.isidentifier()


def _read_input(source: str, input_format: str | None, options: Options) -> Any:
    from jsonld_news import read

    if source == "-":
        data = sys.stdin.buffer.read(options.max_input_bytes + 1)  # one more: "too large"
        return read(data, input_format, options=options, name=STDIN)
    return read(source, input_format, options=options)


def _convert_single(
    source: str, fmt: str, input_format: str | None, output: str | None, options: Options
) -> None:
    from jsonld_news import serialize, write_atomic

    try:
        article = _read_input(source, input_format, options)
        text = serialize(article, fmt)
    except JsonldNewsError as exc:
        fail(str(exc))
    for warning in article.warnings:
        typer.echo(f"jsonld-news: warning: {source}: {warning}", err=True)
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text)
    except JsonldNewsError as exc:  # OutputError: read-only, full, no permission
        fail(str(exc))


def _convert_batch(
    inputs: list[str],
    formats: list[str],
    input_format: str | None,
    out_dir: str,
    options: Options,
    workers: int | None,
    run: tuple[bool, int | None, bool, str, str | None],
) -> None:
    from jsonld_news import Progress, convert_many

    resume, shard_size, quiet, engine, scheduler = run

    # a URL (s3://, memory://...) is looked up by the stream, which reports what is missing
    missing = [p for p in inputs if not _is_url(p) and not Path(p).exists()]
    for path in missing:
        typer.echo(f"jsonld-news: error: {path}: no such file or folder", err=True)
    present = [p for p in inputs if p not in missing]
    with Progress(quiet=quiet) as progress:

        def report(outcome: Outcome) -> None:
            if outcome.error:
                progress.message(f"jsonld-news: error: {outcome.error}")
            if not quiet:
                for warning in outcome.warnings:
                    progress.message(f"jsonld-news: warning: {outcome.source}: {warning}")

        try:
            result = convert_many(
                present,
                out_dir,
                formats,
                input_format=input_format,
                options=options,
                workers=workers,
                on_outcome=report,
                on_progress=progress.update,
                resume=resume,
                shard_size=shard_size,
                engine=engine,
                scheduler=scheduler,
            )
        except JsonldNewsError as exc:  # the output folder cannot be written, names a file...
            fail(str(exc))
        except KeyboardInterrupt:  # workers stopped, manifest synced: the run can go on later
            progress.message("jsonld-news: interrupted; finish the run with --resume")
            raise typer.Exit(130) from None
    failed = result.failed + result.resumed_failed + len(missing)
    converted = result.converted + result.resumed - result.resumed_failed
    folder = out_dir if out_dir.endswith(("/", os.sep)) else f"{out_dir}/"
    earlier = f" ({result.resumed:,} done by an earlier run)" if result.resumed else ""
    typer.echo(
        f"converted {converted:,} article(s) into {folder}{earlier}, {failed:,} failed, "
        f"{result.skipped:,} skipped, in {result.elapsed:.1f} s ({result.rate:,.1f} articles/s)",
        err=True,
    )
    if result.failed or result.resumed_failed:
        typer.echo(f"jsonld-news: failures are listed in {folder}errors.jsonl", err=True)
    if failed:
        raise typer.Exit(EXIT_INVALID if converted else EXIT_UNUSABLE)


@app.command("validate")
def validate_command(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT",
            help="HTML pages, JSON-LD files (told apart by content) or folders (every HTML page "
            "under them, one report); '-' reads stdin.",
        ),
    ],
    validators: Annotated[
        str | None,
        typer.Option(
            "--validators",
            metavar="LIST",
            help=f"Comma-separated: {', '.join(VALIDATORS)}. Default: "
            f"{','.join(DEFAULT_VALIDATORS)} for JSON-LD files, schema.org,google,consistency "
            "for pages.",
        ),
    ] = None,
    report_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help=f"Report: {', '.join(REPORT_FORMATS)}."
        ),
    ] = "text",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the report here (atomically)."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", metavar="N", help="Worker processes for folders.")
    ] = 1,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
) -> None:
    """Validate structured data: exit 0 no errors, 1 errors, 2 unusable input."""
    from jsonld_news import format_report, validate_site, write_atomic

    names = [v.strip() for v in validators.split(",") if v.strip()] if validators else None
    unknown = [n for n in names or () if n not in VALIDATORS]
    if unknown:
        fail(f"unknown validator {unknown[0]!r}; choose from {', '.join(VALIDATORS)}")
    chosen_format = "json" if as_json else report_format
    if chosen_format not in REPORT_FORMATS:
        fail(f"unknown report format {chosen_format!r}; choose from {', '.join(REPORT_FORMATS)}")
    if jobs < 1:
        fail("--jobs must be at least 1")
    stdin = sys.stdin.buffer.read() if "-" in files else None
    try:
        site = validate_site(files, names, jobs=jobs, strict=strict, stdin=stdin)
    except JsonldNewsError as exc:
        fail(str(exc))
    except KeyboardInterrupt:  # the workers are stopped; nothing was written
        typer.echo("jsonld-news: interrupted", err=True)
        raise typer.Exit(130) from None
    for reason in site.failures.values():
        typer.echo(f"jsonld-news: error: {reason}", err=True)
    text = format_report(site, chosen_format)
    if output is None:
        typer.echo(text, nl=False)
    else:
        try:
            write_atomic(output, text)
        except JsonldNewsError as exc:  # write_atomic's OutputError names the file
            fail(str(exc))
    raise typer.Exit(site.exit_code)


@app.command()
def load(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="INPUT", help="Files, folders (walked recursively), JSON Lines or WARC files."
        ),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            "-s",
            metavar="STORE",
            help="memory:, oxigraph:PATH (embedded), http://HOST:PORT (Oxigraph server), "
            "gsp:URL (Graph Store Protocol data endpoint), update:URL (SPARQL 1.1 Update). "
            "Default: ./jsonld-news.store (embedded, on disk).",
        ),
    ] = None,
    query_endpoint: Annotated[
        str | None,
        typer.Option(
            "--query-endpoint",
            metavar="URL",
            help="SPARQL query URL (default: beside the data one).",
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", metavar="SECONDS", help="HTTP timeout in seconds.")
    ] = 30.0,
    user: Annotated[
        str | None,
        typer.Option(
            "--user",
            metavar="NAME",
            help="Remote store user; the password comes from JSONLD_NEWS_STORE_PASSWORD.",
        ),
    ] = None,
    auth: Annotated[
        str,
        typer.Option(
            "--auth", metavar="SCHEME", help="HTTP authentication: auto, basic or digest."
        ),
    ] = "auto",
    merge: Annotated[
        bool, typer.Option("--merge", help="Add to the articles' graphs instead of replacing them.")
    ] = False,
    retry_failed: Annotated[
        bool,
        typer.Option("--retry-failed", help="Load again exactly what failed in the last load."),
    ] = False,
    from_: InputFormat = None,
    base_iri: BaseIri = DEFAULT_BASE_IRI,
    timezone_name: Timezone = None,
    mentions: Mentions = True,
    kb: KnowledgeBasePath = None,
    workers: Workers = None,
    max_input_size: MaxInputSize = None,
    engine: Engine = "local",
    scheduler: Scheduler = None,
    quiet: Quiet = False,
) -> None:
    """Convert articles and load each into a SPARQL store, in the named graph of its @id."""
    from jsonld_news import (
        DEFAULT_STORE,
        Progress,
        failures_path,
        load_paths,
        open_store,
        read_failures,
    )

    spec = store or DEFAULT_STORE
    if retry_failed and inputs:
        fail("--retry-failed loads what failed last time: give it no INPUT")
    if not retry_failed and not inputs:
        fail("give the INPUT files or folders to load (or --retry-failed)")
    log = failures_path(spec)
    if retry_failed and log is None:
        fail(f"store {spec} is in memory: there is no earlier load to retry")
    try:
        retry = read_failures(log) if retry_failed and log is not None else None
        if retry is not None and not retry:
            typer.echo(f"nothing to retry: the last load into {spec} had no failures", err=True)
            return
        options = make_options(
            base_iri=base_iri,
            timezone_name=timezone_name,
            mentions=mentions,
            kb=kb,
            max_input_size=max_input_size,
        )
        target = open_store(
            spec, timeout=timeout, query_endpoint=query_endpoint, user=user, auth=auth
        )
    except JsonldNewsError as exc:
        fail(str(exc))

    last: list[Any] = []  # the final Tally: skipped records, elapsed time

    with target, Progress(quiet=quiet, verb="loading") as progress:

        def report(failure: LoadFailure) -> None:
            progress.message(f"jsonld-news: error: {failure}")

        def update(tally: Any) -> None:
            last[:] = [tally]
            progress.update(tally)

        try:
            result = load_paths(
                inputs or [],
                target,
                options,
                workers,
                input_format=from_,
                on_failure=report,
                engine=engine,
                scheduler=scheduler,
                merge=merge,
                failures=log,
                retry=retry,
                on_progress=update,
            )
        except JsonldNewsError as exc:  # StoreUnavailableError: the store itself failed
            fail(str(exc))
        total = target.count_triples()
    if not quiet:
        for warning in result.warnings:
            typer.echo(f"jsonld-news: warning: {warning}", err=True)
    gone = " (in memory: discarded now)" if spec.lower() in ("memory:", "oxigraph:") else ""
    where = spec if store else f"the default store {spec} (--store chooses another)"
    tally = last[0] if last else None
    timing = (
        f", {tally.skipped:,} skipped, in {tally.elapsed:.1f} s ({tally.rate:,.1f} articles/s)"
        if tally is not None
        else ""
    )
    typer.echo(
        f"loaded {result.loaded} article(s), {result.triples} triple(s) into {where} "
        f"({total} triples in its named graphs, provenance included){gone}, "
        f"{result.failed} failed{timing}",
        err=True,
    )
    if result.failed:
        if log is not None:
            typer.echo(
                f"jsonld-news: failures are listed in {log}; load them again with --retry-failed",
                err=True,
            )
        raise typer.Exit(EXIT_INVALID if result.loaded else EXIT_UNUSABLE)


@app.command("query")
def query_command(
    sparql: Annotated[
        str | None,
        typer.Argument(metavar="SPARQL", help="A SPARQL query (or -f FILE; '-' reads stdin)."),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", metavar="FILE", help="Read the query from FILE (.rq)."),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            "-s",
            metavar="STORE",
            help="oxigraph:PATH, http://HOST:PORT, gsp:URL... (default: ./jsonld-news.store).",
        ),
    ] = None,
    answer_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="table (default), csv, tsv or json; nt (default) or turtle for CONSTRUCT.",
        ),
    ] = None,
    query_endpoint: Annotated[
        str | None,
        typer.Option("--query-endpoint", metavar="URL", help="SPARQL query URL of the store."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", metavar="SECONDS", help="HTTP timeout in seconds.")
    ] = 30.0,
) -> None:
    """Ask a store a SPARQL query; schema:, xsd:, rdf:, rdfs: and prov: need no PREFIX."""
    from jsonld_news import DEFAULT_STORE, format_answer, query

    if (sparql is None) == (file is None):
        fail("give the query as an argument or with -f FILE (one of them)")
    try:
        if file is not None:
            text = file.read_text(encoding="utf-8")
        elif sparql == "-":
            text = sys.stdin.read()
        else:
            text = sparql or ""
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{file}: cannot read the query: {getattr(exc, 'strerror', None) or exc}")
    try:
        answer = query(text, store or DEFAULT_STORE, timeout=timeout, query_endpoint=query_endpoint)
        output = format_answer(answer, answer_format)
    except JsonldNewsError as exc:
        fail(str(exc))
    sys.stdout.write(output)


@app.command()
def inspect(
    page: Annotated[str, typer.Argument(metavar="PAGE", help="An HTML page; '-' reads stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    base_url: BaseUrl = None,
    syntaxes: Annotated[
        str | None,
        typer.Option(
            "--syntaxes",
            metavar="LIST",
            help="json-ld, microdata, opengraph, dublincore, rdfa, microformat, or all.",
        ),
    ] = None,
) -> None:
    """Show what each embedded source of a page said, and which value won for each property."""
    from jsonld_news import inspect_page

    try:
        options = make_options(base_url=base_url, mentions=False, syntaxes=syntaxes)
        if page == "-":
            report = inspect_page(sys.stdin.buffer.read(), options=options, name=STDIN)
        else:
            report = inspect_page(page, options=options)
    except JsonldNewsError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        typer.echo(report.to_text())


@app.command("entities")
def entities_command(
    source: Annotated[
        str,
        typer.Argument(metavar="INPUT", help="An article in any input format; '-' reads stdin."),
    ],
    from_: InputFormat = None,
    kb: KnowledgeBasePath = None,
    base_iri: BaseIri = DEFAULT_BASE_IRI,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON Lines, one per occurrence.")
    ] = False,
) -> None:
    """A table of the people, places and organisations found: type, where, linked IRI."""
    from jsonld_news import entities

    try:
        options = make_options(base_iri=base_iri, kb=kb)
        article = _read_input(source, from_, options)
    except JsonldNewsError as exc:
        fail(str(exc))
    rows = entities(article)
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    columns = ["surface", "name", "type", "where", "iri", "sameAs"]
    widths = {c: max([len(c), *(len(str(r.get(c, ""))) for r in rows)]) for c in columns}
    typer.echo("  ".join(c.ljust(widths[c]) for c in columns).rstrip())
    for row in rows:
        typer.echo("  ".join(str(row.get(c, "")).ljust(widths[c]) for c in columns).rstrip())


@app.command("seo")
def seo_command(
    source: Annotated[
        str,
        typer.Argument(metavar="ARTICLE", help="An article in any input format; '-' reads stdin."),
    ],
    inject_page: Annotated[
        str | None,
        typer.Option(
            "--inject",
            metavar="PAGE",
            help="Put the block into this HTML page's <head> (replacing our earlier block or "
            "the page's Article JSON-LD); the page goes to stdout unless -o or --in-place.",
        ),
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", "-i", help="With --inject: rewrite PAGE itself.")
    ] = False,
    graph: Annotated[
        bool,
        typer.Option(
            "--graph", help="A linked @graph: WebSite, WebPage, article, publisher, people..."
        ),
    ] = False,
    minify: Annotated[bool, typer.Option("--minify", help="The JSON on one line.")] = False,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here ('-' = stdout)."),
    ] = None,
    from_: InputFormat = None,
    publisher: PublisherFile = None,
    base_url: BaseUrl = None,
    base_iri: BaseIri = DEFAULT_BASE_IRI,
    timezone_name: Timezone = None,
    mentions: Mentions = True,
    kb: KnowledgeBasePath = None,
    max_input_size: MaxInputSize = None,
    quiet: Quiet = False,
) -> None:
    """The SEO block of an article: <script type="application/ld+json">, valid by our own
    validators; or, with --inject, the page with the block in its <head>."""
    from jsonld_news import inject, seo_markup, write_atomic

    if in_place and inject_page is None:
        fail("--in-place rewrites the page of --inject PAGE; give --inject")
    if in_place and output not in (None, "-"):
        fail("--in-place and --output both say where the page goes; give one")
    try:
        options = make_options(
            base_iri=base_iri,
            timezone_name=timezone_name,
            publisher=publisher,
            base_url=base_url,
            mentions=mentions,
            kb=kb,
            max_input_size=max_input_size,
        )
        article = _read_input(source, from_, options)
        markup = seo_markup(article, graph=graph)
    except JsonldNewsError as exc:
        fail(str(exc))
    if not quiet:
        for warning in [*article.warnings, *markup.warnings]:
            typer.echo(f"jsonld-news: warning: {source}: {warning}", err=True)
    block = markup.script(minify=minify)
    if inject_page is None:
        result: str | bytes = block
    else:
        try:
            page = Path(inject_page).read_bytes()
        except OSError as exc:
            fail(f"{inject_page}: cannot read the page: {exc.strerror or exc}")
        try:
            injected = inject(page, block, name=inject_page)
        except JsonldNewsError as exc:
            fail(str(exc))
        for warning in injected.warnings:
            typer.echo(f"jsonld-news: warning: {warning}", err=True)
        result = injected.page
    target = inject_page if in_place else output
    if target is None or target == "-":
        if isinstance(result, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(result)
        else:
            sys.stdout.write(result)
        return
    try:
        write_atomic(target, result)
    except JsonldNewsError as exc:
        fail(str(exc))


kb_app = typer.Typer(
    help="Knowledge bases for entity linking.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(kb_app, name="kb")


@kb_app.command("import")
def kb_import(
    dump: Annotated[
        Path,
        typer.Argument(
            metavar="DUMP", help="A Wikidata JSON dump (or part of one), .json or .json.gz."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="The JSON Lines KB to write."),
    ],
) -> None:
    """Build a knowledge base from a Wikidata JSON dump, streaming."""
    from jsonld_news import import_kb

    try:
        report = import_kb(dump, output)
    except JsonldNewsError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or dump}: {exc.strerror or exc}")
    typer.echo(report.summary(), err=True)
    if report.truncated:
        raise typer.Exit(EXIT_INVALID)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", metavar="HOST", help="Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", metavar="PORT", help="TCP port.")] = 8000,
    workers: Annotated[
        int, typer.Option("--workers", "-j", metavar="N", help="Worker processes.")
    ] = 1,
    max_body_size: Annotated[
        str,
        typer.Option("--max-body-size", metavar="SIZE", help="Refuse larger request bodies (413)."),
    ] = "10M",
    timeout: Annotated[
        float,
        typer.Option("--timeout", metavar="SECONDS", help="Time limit of one request (504)."),
    ] = 10.0,
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency", metavar="N", help="Requests in progress per worker; more get 503."
        ),
    ] = 16,
    access_log: Annotated[
        bool, typer.Option("--access-log", help="Log every request on stderr.")
    ] = False,
    server_timing: Annotated[
        bool,
        typer.Option(
            "--server-timing", help="Add a Server-Timing header to /convert: each stage's time."
        ),
    ] = False,
    base_iri: BaseIri = DEFAULT_BASE_IRI,
    timezone_name: Timezone = None,
    publisher: PublisherFile = None,
    mentions: Mentions = True,
    kb: KnowledgeBasePath = None,
) -> None:
    """Serve the HTTP API and the playground (extra jsonld-news[serve]): POST /convert, /seo,
    /validate; GET / (playground), /healthz, /openapi.json."""
    from jsonld_news import ServeConfig
    from jsonld_news import serve as run_server

    values: dict[str, Any] = {"base_iri": base_iri, "mentions": mentions}
    for name, value in (("timezone", timezone_name), ("publisher", publisher), ("kb", kb)):
        if value is not None:
            values[name] = str(value)
    try:
        config = ServeConfig(
            host=host,
            port=port,
            workers=workers,
            max_body_bytes=parse_size(max_body_size),
            timeout=timeout,
            concurrency=concurrency,
            access_log=access_log,
            server_timing=server_timing,
            options=values,
        )
        run_server(config)
    except JsonldNewsError as exc:
        fail(str(exc))


@app.command()
def formats() -> None:
    """List input and output formats."""
    typer.echo("input:  " + ", ".join(INPUT_FORMATS))
    typer.echo("output: " + ", ".join(OUTPUT_FORMATS))


class _Terminated(BaseException):
    """SIGTERM, raised where the main thread is, so workers are stopped and stores closed."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("jsonld-news: interrupted", err=True)
        sys.exit(130)
    except _Terminated:
        typer.echo("jsonld-news: terminated", err=True)
        sys.exit(128 + signal.SIGTERM)
    except JsonldNewsError as exc:
        typer.echo(f"jsonld-news: error: {exc}", err=True)
        sys.exit(EXIT_UNUSABLE)
    except Exception as exc:
        typer.echo(f"jsonld-news: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(3)
