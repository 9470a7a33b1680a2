"""Start-up of one ``serve`` worker: open, warm up, then freeze the heap, before any request.

A worker holds tens of thousands of long-lived objects from start-up (the recogniser's tables, the KB, the
modules). CPython's cyclic collector rescans all of them in every full collection: 60-80 ms
pauses that were the API's whole latency tail (issue 12). So, once the recogniser and KB are
open and a warm-up conversion has run the lazy imports and first-use caches (the byline's
month names and name parser, the language scorer's numpy half: 100-300 ms that otherwise
landed in one early request of every worker), the worker
collects once and ``gc.freeze()``s: what exists then is never scanned again.

It also raises the collector's first threshold: a conversion allocates in bursts of more than
700 container objects (CPython's default) and frees nearly all of them, so the default
collected about once per request for nothing. Counted with callgrind over 600 generated
600-word articles in-process, after start-up: 18.92 M instructions an article as before,
18.63 M frozen, 18.07 M frozen with a threshold of 10,000 (583 young collections become 4). Both are
process-wide settings, so only a worker that owns its process (``serve``) applies them; an
application mounted in someone else's server (``create_app``) leaves the host's collector be.
"""

from __future__ import annotations

import gc
import sys
import time
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from jsonld_news.api import prepare, read, serialize
from jsonld_news.errors import JsonldNewsError
from jsonld_news.options import Options

# Collector thresholds once frozen: young generation 10,000 (default 700), the others default.
GC_THRESHOLD = (10_000, 10, 10)

# A wire story's parts: a date line, a photo credit, a byline, a dateline with an agency, and
# people, places and a country in the body, so every enricher (the byline's name parser and
# month names included), the recogniser, the KB and the serialiser have run once.
WARM_UP = (
    b"Ministers meet in Berlin to agree a budget\n\n"
    b"March 4, 2025\n\n"
    b"JOHN MILLER / AFP\n\n"
    b"By Anna Schmidt and Peter Novak\n\n"
    b"BERLIN, March 4, 2025 (Reuters) - Anna Schmidt, the finance minister, said on Tuesday "
    b"that Germany and France would sign the agreement in Paris next week.\n"
)


@dataclass(frozen=True, slots=True)
class Readiness:
    """What a worker did at start-up, for ``/healthz``."""

    seconds: float  # start-up: recogniser, KB, warm-up, collection
    modules: int  # modules imported by then (a lazy import left for a request shows here)
    mentions: bool  # the recogniser is open (``--no-mentions``: not)
    kb: str | None  # the KB file, if one was named
    frozen: bool  # the heap was frozen (the worker owns its process)

    def to_dict(self) -> dict[str, Any]:
        return {
            "seconds": round(self.seconds, 3),
            "modules": self.modules,
            "mentions": self.mentions,
            "kb": self.kb,
            "frozen": self.frozen,
        }


class PauseClock:
    """Each collection's duration, by generation (a ``gc.callbacks`` entry): how many, the
    longest and the total, so ``/healthz`` shows whether the collector still makes a latency tail."""

    def __init__(self) -> None:
        self.began = 0.0
        self.count = [0, 0, 0]
        self.longest = [0.0, 0.0, 0.0]
        self.total = [0.0, 0.0, 0.0]

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        # A collection runs start to stop in one thread, holding the interpreter lock.
        if phase == "start":
            self.began = time.perf_counter()
            return
        generation, took = info["generation"], time.perf_counter() - self.began
        self.count[generation] += 1
        self.total[generation] += took
        self.longest[generation] = max(self.longest[generation], took)


_pauses: list[PauseClock] = []  # the worker's clock, once start_worker installed it


def gc_state() -> dict[str, Any]:
    """The collector now: objects frozen, thresholds, collections so far by generation and, in
    a worker that owns its process, their longest and total pauses (milliseconds)."""
    state: dict[str, Any] = {
        "frozen": gc.get_freeze_count(),
        "threshold": list(gc.get_threshold()),
        "collections": [generation["collections"] for generation in gc.get_stats()],
    }
    if _pauses:
        state["since_start"] = list(_pauses[0].count)  # collections after the freeze
        state["longest_ms"] = [round(s * 1000, 3) for s in _pauses[0].longest]
        state["total_ms"] = [round(s * 1000, 3) for s in _pauses[0].total]
    return state


def warm_up(options: Options) -> None:
    """One conversion of ``WARM_UP``, so no request pays for a lazy import or a first use."""
    with suppress(JsonldNewsError):
        serialize(read(WARM_UP, "text", options=options, name="<warm-up>"), "jsonld")
    if options.detect_language:
        from jsonld_news.language import identifier

        # The language scorer turns to numpy after a few texts: its import (0.25 s) would
        # otherwise land in one request of every worker. Which scorer runs is unchanged.
        identifier().vectorised()


def start_worker(options: Options, *, own_process: bool) -> Readiness:
    """Open the recogniser and KB, warm up, and (``own_process``) collect and freeze the heap."""
    began = time.perf_counter()
    prepare(options)
    warm_up(options)
    if own_process:
        gc.collect()
        gc.freeze()  # start-up objects move to the permanent generation: never scanned again
        gc.set_threshold(*GC_THRESHOLD)
        if not _pauses:
            _pauses.append(PauseClock())
            gc.callbacks.append(_pauses[0])
    kb = options.kb
    return Readiness(
        seconds=time.perf_counter() - began,
        modules=len(sys.modules),
        mentions=options.recognize_entities,
        kb=None if kb is None else str(kb),
        frozen=own_process,
    )


__all__ = [
    "GC_THRESHOLD",
    "WARM_UP",
    "PauseClock",
    "Readiness",
    "gc_state",
    "start_worker",
    "warm_up",
]
