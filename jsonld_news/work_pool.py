"""The conversions of one ``serve`` worker: threads, bounded in number, each slot held until
its work really ends.

A Python thread cannot be stopped from outside, and a conversion is plain CPU-bound Python:
when a request runs out of time its answer is a 504 at once, but its conversion goes on to its
end in the background. It keeps its slot until then, so the worker never runs more than
``slots`` conversions, however many requests timed out; a request that finds every slot held
is refused at once (``Busy``: the API's 503) instead of queueing behind work nobody waits for.
There is a thread for every slot, so work never waits for one.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class Busy(Exception):
    """Every slot is held by a conversion in progress (some perhaps of timed-out requests)."""


class TimedOut(Exception):
    """The work took longer than the request may wait; it goes on, holding its slot."""


def _consume(waiter: asyncio.Future[Any]) -> None:
    # the outcome of work whose request has gone: retrieved, so asyncio does not log it
    if not waiter.cancelled():
        waiter.exception()


class WorkPool:
    """At most ``slots`` pieces of work in progress, in as many threads."""

    def __init__(self, slots: int, name: str = "jsonld-news-work") -> None:
        if slots < 1:
            raise ValueError("slots must be at least 1")
        self.slots = slots
        self._busy = 0
        self._started = 0  # pieces of work ever submitted (tests count them)
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=slots, thread_name_prefix=name)

    @property
    def busy(self) -> int:
        """Slots held now: work running or about to run, including timed-out requests'."""
        return self._busy

    @property
    def started(self) -> int:
        return self._started

    def _release(self, _: Future[Any]) -> None:
        with self._lock:
            self._busy -= 1

    async def run(self, work: Callable[[], T], timeout: float) -> T:
        """``work()`` in a thread, its result or its exception; ``Busy`` when every slot is
        held, ``TimedOut`` after ``timeout`` seconds (the slot is freed when work ends)."""
        with self._lock:
            if self._busy >= self.slots:
                raise Busy(self.slots)
            self._busy += 1
            self._started += 1
        try:
            future = self._executor.submit(work)
        except BaseException:
            with self._lock:
                self._busy -= 1
            raise
        future.add_done_callback(self._release)  # in the thread, when the work ends
        waiter = asyncio.wrap_future(future)
        waiter.add_done_callback(_consume)
        try:
            done, _ = await asyncio.wait((waiter,), timeout=timeout)
        except asyncio.CancelledError:  # the client went away
            future.cancel()
            raise
        if not done:
            future.cancel()  # only work not yet started can be cancelled (at shutdown)
            raise TimedOut(timeout)
        return waiter.result()

    def close(self) -> None:
        """No new work; work not started is dropped; work running ends on its own."""
        self._executor.shutdown(wait=False, cancel_futures=True)
