"""Python's cyclic garbage collector during imports: collections far apart.

An import allocates millions of short-lived containers (documents, models, rows). With the
default threshold, a young collection runs every 700 net allocations: every few rows, each
walking the rows still waiting to be written, which then survive into older generations
and are walked again. Measured on a 100,000-member import, that was 0.5-0.9 s of the
importing process's time, and 3-8 us a member in each worker. Reference counting frees the
acyclic objects (nearly all of them) either way; the threshold only bounds how much cyclic
garbage may wait for a collection.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

IMPORT_THRESHOLD = 50_000  # net container allocations between young collections

_lock = threading.Lock()
_imports = 0  # imports running in this process
_saved: tuple[int, int, int] = gc.get_threshold()


def collect_rarely() -> None:
    """For the rest of the process (import workers do nothing else)."""
    gc.set_threshold(IMPORT_THRESHOLD, *gc.get_threshold()[1:])


@contextmanager
def collections_apart() -> Iterator[None]:
    """`collect_rarely` while any import of this process runs; the thresholds as they were
    once the last one ends (imports may overlap, in a server)."""
    global _imports, _saved
    with _lock:
        if _imports == 0:
            _saved = gc.get_threshold()
            collect_rarely()
        _imports += 1
    try:
        yield
    finally:
        with _lock:
            _imports -= 1
            if _imports == 0:
                gc.set_threshold(*_saved)
