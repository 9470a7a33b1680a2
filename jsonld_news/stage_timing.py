"""Per-stage durations of one conversion, for ``serve --server-timing`` (the ``Server-Timing``
header, W3C Server Timing): where a request's time went, stage by stage.

``timed_convert`` runs the stages of ``pipeline.convert_bytes`` one by one with a clock
around each; tests/test_serve.py checks it gives the same article. The server uses it only
when asked, so the default path is the library's own.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from jsonld_news.build import build
from jsonld_news.enrich import DEFAULT_ENRICHERS
from jsonld_news.model import Article
from jsonld_news.options import Options
from jsonld_news.pipeline import read_raw

# Stage names, in the order they run (the header lists them in this order).
STAGES = ("wait", "parse", "build", "enrich", "mentions", "serialise")


@dataclass(slots=True)
class StageTimes:
    """Seconds spent in each stage of one request (``wait``: for a worker thread)."""

    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def header(self) -> str:
        """``Server-Timing`` value: ``parse;dur=0.412, build;dur=...`` (milliseconds)."""
        return ", ".join(
            f"{stage};dur={self.seconds[stage] * 1000:.3f}"
            for stage in STAGES
            if stage in self.seconds
        )


def timed_convert(
    data: bytes, source: str, fmt: str | None, options: Options, times: StageTimes
) -> Article:
    """``pipeline.convert_bytes`` with each stage timed into ``times``: reading the input
    (``parse``), building the article (``build``), the recogniser (``mentions``) and the other
    enrichers (``enrich``: publisher, authors, credits, dateline, citations)."""
    clock = time.perf_counter
    began = clock()
    raw = read_raw(data, source, fmt, options)
    parsed = clock()
    times.add("parse", parsed - began)
    article = build(raw, options)
    built = clock()
    times.add("build", built - parsed)
    for enricher in DEFAULT_ENRICHERS:
        enricher(article, raw, options)
        done = clock()
        times.add("mentions" if enricher.name == "mentions" else "enrich", done - built)
        built = done
    return article


__all__ = ["STAGES", "StageTimes", "timed_convert"]
