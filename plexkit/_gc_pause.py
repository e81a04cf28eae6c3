"""Pausing the cyclic garbage collector while a page is decoded or built, safely across threads.

Decoding and building a page creates tens of thousands of acyclic objects, which reference
counting frees; letting the cyclic collector run meanwhile costs 10-25% of a walk, spent
traversing young objects that cannot be cyclic garbage (``benchmarks/README.md``). The flag
is process-wide, so the pause is counted: the first thread in turns the collector off, the
last one out turns it back on (only if it was on), and a worker thread never touches it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

__all__ = ["gc_paused"]


class _GcPause:
    """A count of the threads inside `gc_paused`, under a lock.

    The collector is switched off by the first thread in and back on by the last one out,
    and only if it was on when the first came in: a thread leaving its pause never turns it
    back on while another is still building a page.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.restore = False

    def enter(self) -> None:
        with self.lock:
            if self.depth == 0:
                self.restore = gc.isenabled()
                gc.disable()
            self.depth += 1

    def exit(self) -> None:
        with self.lock:
            self.depth -= 1
            if self.depth == 0 and self.restore:
                self.restore = False
                gc.enable()


_GC_PAUSE: Final = _GcPause()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a page is decoded or built; pauses nest.

    The collector comes back on when the last thread leaves, unless the application had
    disabled it itself. Never wrap an ``await`` in it: other tasks would run paused too.
    """
    _GC_PAUSE.enter()
    try:
        yield
    finally:
        _GC_PAUSE.exit()
