"""Counting work instead of timing it: a test's verdict must not depend on the machine's load."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def lines_executed(function: Callable[..., object], *args: Any, **kwargs: Any) -> int:
    """Python lines executed by ``function(*args, **kwargs)``, in every function it calls.

    A quadratic loop in Python shows as a quadratic count. Work done inside one C call (a regex,
    ``str.find``) counts as one line, so this bounds the interpreted work, not all of it.
    """
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        function(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return count


def growth(function: Callable[[int], object], small: int, factor: int) -> float:
    """How much more work ``function(small * factor)`` is than ``function(small)``, each measured
    after one untraced warm-up call (caches full, as in a long batch): ``factor`` when linear."""
    counts = []
    for size in (small, small * factor):
        function(size)
        counts.append(lines_executed(function, size))
    return counts[1] / counts[0]
