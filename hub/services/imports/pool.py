"""Worker processes for the CPU work of big imports.

Preparing a chunk (mapping rows, decoding JSON, validating, serialising: `chunks.prepare`)
is pure CPU work and most of an import's time, while the writes must stay in the importing
process, in its one transaction. So big files are prepared by worker processes, a few chunks
ahead of the writes, and the results come back in file order. The importing process is a
worker too: it hands each chunk to a worker with room in its queue, and prepares the chunk
itself when every queue is full. With one worker fewer than CPUs (the default), the CPUs
share the work between them, and none is shared by two busy processes.

Chunks and results travel as files, in a directory of the process's own on a RAM-backed file
system where there is one (`/dev/shm`), and only their numbers go through the pipes. A pipe
holds 64 KiB and a prepared chunk some megabytes: through a pipe, a worker that has finished
waits until the importing process (busy writing, or preparing a chunk itself) comes to read
every part of its result; and a thread that reads it meanwhile, as a `ProcessPoolExecutor`
has, waits for the interpreter lock at every part. On two CPUs, such a pool with one worker
left them a third idle; with two, three busy processes took half as long again in CPU time.

The workers are started by a forkserver that has already imported the import modules and
loaded the shipped concepts (`hub.services.imports.preload`): each starts warm, and the
caller's threads (a web server's) are never forked. They start on the first file of more
than `INLINE_CHUNKS` chunks, in the background (the chunks are prepared inline until they
answer), and stay for the life of the process. One import uses them at a time; an import
that overlaps another is prepared inline.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import os
import pickle
import shutil
import tempfile
import threading
import traceback
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from itertools import chain
from multiprocessing.connection import Connection, wait
from pathlib import Path

from hub.services.imports.chunks import Chunk, Prepared, prepare

INLINE_CHUNKS = 2  # a file of this many chunks or fewer does not start the workers
QUEUE = 3  # chunks handed to each worker ahead: it never waits for the next one
# Where chunks travel, if the system has it (Linux does): in a directory `mkdtemp` makes
# there, of an unguessable name that only this user may read or write, so that what is
# unpickled from it is what this process and its workers wrote (as through their pipes).
RAM_DIRECTORY = "/dev/shm"  # noqa: S108

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_workers: _Workers | None = None


class WorkerLost(RuntimeError):
    """A worker process stopped (killed, out of memory) in the middle of an import."""


def prepared_chunks(chunks: Iterable[Chunk], workers: int) -> Generator[Prepared, None, None]:
    """`prepare(chunk)` of each chunk, in order: shared between this process and `workers`
    worker processes (0: all inline) once the file is big enough and they are up."""
    started = _workers
    chunks = iter(chunks)  # once shared, the rest are read from where this loop stopped
    for index, chunk in enumerate(chunks):
        if workers and chunk.shippable and (index >= INLINE_CHUNKS or started is not None):
            started = _started(workers)
            if started is not None and started.lock.acquire(blocking=False):
                try:
                    yield from started.share(chunk, chunks)
                finally:
                    started.lock.release()
                return
        yield prepare(chunk)


def start(workers: int) -> None:
    """Start the workers now, and return once they all answer (rather than on the first big
    import, which goes on inline until then)."""
    _started(workers)
    assert _workers is not None
    _workers.settled.wait()


def worker_pids() -> list[int]:
    """The process IDs of the running workers."""
    running = _workers
    return [] if running is None else [worker.process.pid or 0 for worker in running.workers]


def in_flight_bytes() -> int:
    """The size of the chunks and results travelling between the processes: memory, where
    the directory is in RAM, that belongs to none of them."""
    running = _workers
    if running is None:
        return 0
    total = 0
    for path in running.directory.iterdir():
        with contextlib.suppress(FileNotFoundError):  # read and deleted meanwhile
            total += path.stat().st_size
    return total


def shutdown() -> None:
    """Stop the workers (they start again on the next big import)."""
    global _workers
    with _lock:
        running, _workers = _workers, None
    if running is not None:
        running.stop()


def _started(count: int) -> _Workers | None:
    """The workers once they are up; None while they start (the caller goes on inline)."""
    global _workers
    with _lock:
        if _workers is None:
            _workers = _Workers(count)
        return _workers if _workers.up else None


_SPOOL_PREFIX = "clusterhub-import-"  # then the process ID, for `_sweep`


def _sweep(ram: Path) -> None:
    """Delete the directories left by processes that were killed before they could (a few
    chunks each, in RAM until the next reboot otherwise)."""
    for directory in ram.glob(f"{_SPOOL_PREFIX}*"):
        pid = directory.name.removeprefix(_SPOOL_PREFIX).partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(directory, ignore_errors=True)  # another user's stays


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's
    return True


class _Worker:
    def __init__(self, process: multiprocessing.process.BaseProcess, pipe: Connection) -> None:
        self.process, self.pipe = process, pipe
        self.queued = 0  # chunks handed over and not yet answered


class _Workers:
    """`count` worker processes and the directory their chunks travel through."""

    def __init__(self, count: int) -> None:
        ram = Path(RAM_DIRECTORY if os.access(RAM_DIRECTORY, os.W_OK) else tempfile.gettempdir())
        _sweep(ram)
        prefix = f"{_SPOOL_PREFIX}{os.getpid()}-"
        self.directory = Path(tempfile.mkdtemp(prefix=prefix, dir=ram))
        self.workers: list[_Worker] = []
        self.up = False  # every worker has answered
        self.settled = threading.Event()  # up, or failed to start
        self.lock = threading.Lock()  # held by the import using the workers
        self.stopped = False
        self._tickets = 0
        self._answered: set[int] = set()
        # Starting takes a second (the forkserver loads the concepts once): not in the
        # caller's time.
        threading.Thread(target=self._start, args=(count,), daemon=True).start()

    def _start(self, count: int) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["hub.services.imports.preload"])
        try:
            for _ in range(count):
                ours, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(theirs, self.directory), daemon=True)
                process.start()
                theirs.close()
                self.workers.append(_Worker(process, ours))
            for worker in self.workers:
                worker.pipe.recv()  # the worker's hello: it is ready
            self.up = True
        except Exception:  # no processes here (a sandbox, a limit): imports still run
            _log.exception("the import workers did not start: imports are prepared inline")
            self.stop()  # those that did start
        finally:
            self.settled.set()

    def share(self, first: Chunk, rest: Iterable[Chunk]) -> Iterator[Prepared]:
        """Prepared chunks, `first` and then `rest`, in order: each handed to the worker with
        the fewest queued, or prepared here when all have `QUEUE`."""
        pending: deque[int | Prepared] = deque()  # tickets of handed-over chunks, or results
        try:
            for chunk in chain([first], rest):
                idle = min(self.workers, key=lambda worker: worker.queued)
                if chunk.shippable and idle.queued < QUEUE:
                    pending.append(self._hand(idle, chunk))
                else:
                    pending.append(prepare(chunk))
                self._collect(block=False)
                while pending and self._ready(pending[0]):
                    yield self._result(pending.popleft())
                while len(pending) > QUEUE * len(self.workers) * 2:  # bounds memory
                    self._collect(block=True)
                    while pending and self._ready(pending[0]):
                        yield self._result(pending.popleft())
            while pending:
                if not self._ready(pending[0]):
                    self._collect(block=True)
                else:
                    yield self._result(pending.popleft())
        finally:
            self._forget(pending)

    def _hand(self, worker: _Worker, chunk: Chunk) -> int:
        self._tickets += 1
        ticket = self._tickets
        self._path(ticket, "chunk").write_bytes(
            pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
        )
        try:
            worker.pipe.send(ticket)
        except OSError as exc:
            raise self._lost() from exc
        worker.queued += 1
        return ticket

    def _collect(self, *, block: bool) -> None:
        """Note the answers the workers have sent (waiting for one, with `block`)."""
        busy = [worker for worker in self.workers if worker.queued]
        if not busy:
            return
        answering = wait([worker.pipe for worker in busy], timeout=None if block else 0)
        for worker in busy:
            try:
                while worker.queued and worker.pipe in answering and worker.pipe.poll():
                    self._answered.add(worker.pipe.recv())
                    worker.queued -= 1
            except (EOFError, OSError) as exc:
                raise self._lost() from exc

    def _ready(self, item: int | Prepared) -> bool:
        return not isinstance(item, int) or item in self._answered

    def _result(self, item: int | Prepared) -> Prepared:
        if not isinstance(item, int):
            return item
        self._answered.discard(item)
        path = self._path(item, "prepared")
        result: Prepared | BaseException = pickle.loads(path.read_bytes())  # noqa: S301
        path.unlink()
        if isinstance(result, BaseException):
            raise result
        return result

    def _forget(self, pending: deque[int | Prepared]) -> None:
        """After an import ends early: wait for the chunks still in the workers, and delete
        their files, so that the next import starts clean."""
        try:
            while not self.stopped and any(worker.queued for worker in self.workers):
                self._collect(block=True)
        except WorkerLost:
            return  # shut down, their directory deleted
        for item in pending:
            if isinstance(item, int):
                self._answered.discard(item)
                self._path(item, "prepared").unlink(missing_ok=True)

    def _lost(self) -> WorkerLost:
        """Shut every worker down (the next big import starts them afresh)."""
        _shutdown_if(self)
        return WorkerLost(
            "an import worker process stopped (killed, or out of memory): nothing of the"
            " file was written"
        )

    def _path(self, ticket: int, what: str) -> Path:
        return self.directory / f"{ticket}.{what}"

    def stop(self) -> None:
        self.stopped = True
        for worker in self.workers:
            worker.pipe.close()  # the worker reads the end of its pipe, and returns
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        shutil.rmtree(self.directory, ignore_errors=True)


def _shutdown_if(workers: _Workers) -> None:
    """`shutdown`, if `workers` are still the running ones."""
    global _workers
    with _lock:
        if _workers is not workers:
            return
        _workers = None
    workers.stop()


def _serve(pipe: Connection, directory: Path) -> None:
    """A worker process: prepare each chunk it is handed, until its pipe closes. It may
    close before the worker is even up (an import over before the workers started, then
    `shutdown` at exit): that is an end like any other, not a failure to print."""
    try:
        _prepare_each(pipe, directory)
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return


def _prepare_each(pipe: Connection, directory: Path) -> None:
    pipe.send(None)  # up, and ready
    while True:
        ticket = pipe.recv()
        source = directory / f"{ticket}.chunk"
        chunk = pickle.loads(source.read_bytes())  # noqa: S301
        source.unlink()
        try:
            payload = pickle.dumps(prepare(chunk), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # a bug: the importing process raises it, as if inline
            payload = _pickled_failure(exc)
        (directory / f"{ticket}.prepared").write_bytes(payload)
        pipe.send(ticket)


def _pickled_failure(exc: Exception) -> bytes:
    exc.add_note(f"in an import worker process:\n{traceback.format_exc()}")
    try:
        return pickle.dumps(exc, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: its text does
        text = "".join(traceback.format_exception(exc))
        return pickle.dumps(RuntimeError(text), protocol=pickle.HIGHEST_PROTOCOL)


atexit.register(shutdown)
