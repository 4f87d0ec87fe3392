"""Worker processes for the CPU work of big imports.

Preparing a chunk (mapping rows, decoding JSON, validating, serialising: `chunks.prepare`)
is pure CPU work and most of an import's time, while the writes must stay in the importing
process, in its one transaction. So big files are prepared by a pool of worker processes,
a few chunks ahead of the writes, and the results come back in file order.

The workers come from a forkserver that has already imported the import modules and loaded
the shipped concepts (`hub.services.imports.preload`): each starts warm, and the caller's
threads (a web server's) are never forked. The pool starts on the first file of more than
`INLINE_CHUNKS` chunks and stays for the life of the process, taking every chunk from then
on. Until its first worker answers, chunks are prepared inline, so starting it never holds
an import up.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from hub.services.imports.chunks import Chunk, Prepared, prepare

INLINE_CHUNKS = 2  # a file of this many chunks or fewer does not start the pool
AHEAD = 2  # chunks in flight per worker: enough to keep each busy while the writes run

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_ready: Future[None] | None = None  # done once a worker has started


def prepared_chunks(chunks: Iterable[Chunk], workers: int) -> Iterator[Prepared]:
    """`prepare(chunk)` of each chunk, in order: in `workers` processes (0: inline) once the
    file is big enough and they are up, with at most `AHEAD * workers` chunks in flight."""
    pending: deque[Future[Prepared] | Prepared] = deque()
    limit = AHEAD * max(workers, 1)
    try:
        for index, chunk in enumerate(chunks):
            wanted = workers and chunk.shippable and (index >= INLINE_CHUNKS or _pool is not None)
            pool = _started(workers) if wanted else None
            pending.append(pool.submit(prepare, chunk) if pool is not None else prepare(chunk))
            while pending and (len(pending) > limit or _done(pending[0])):
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    except BrokenProcessPool:
        shutdown()  # a worker died (killed, out of memory): the next import starts afresh
        raise


def _started(workers: int) -> ProcessPoolExecutor | None:
    """The pool when its workers are up; None while they start (the caller goes on inline)."""
    global _pool, _ready
    with _lock:
        if _pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["hub.services.imports.preload"])
            _pool = ProcessPoolExecutor(workers, mp_context=context)
            _ready = _pool.submit(_started_worker)
        assert _ready is not None
        return _pool if _ready.done() else None


def start(workers: int) -> None:
    """Start the pool now, and return once a worker answers (rather than on the first big
    import, which goes on inline until then)."""
    _started(workers)
    assert _ready is not None
    _ready.result()


def _started_worker() -> None:
    """Run by the first worker: that it answers means the pool is up."""


def _done(item: Future[Prepared] | Prepared) -> bool:
    return not isinstance(item, Future) or item.done()


def _result(item: Future[Prepared] | Prepared) -> Prepared:
    return item.result() if isinstance(item, Future) else item


def shutdown() -> None:
    """Stop the workers (they start again on the next big import)."""
    global _pool, _ready
    with _lock:
        pool, _pool, _ready = _pool, None, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
