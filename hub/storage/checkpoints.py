"""WAL checkpoints of SQLite after bulk imports, run on a background thread.

A commit in WAL mode appends the transaction's pages to the `-wal` file; a checkpoint later
copies them into the database file. SQLite runs that checkpoint itself, on the committing
connection, once the log passes 1,000 pages: after a big import, the import would wait
while all it wrote is copied a second time (about a tenth of the import). The import's
connection turns that off (`wal_autocheckpoint=0`) and hands the checkpoint to this thread,
as SQLite's documentation suggests for write-heavy applications (and as PostgreSQL's
checkpointer does): the import is committed when it returns, and readers see it at once,
from the log, while it is copied.

The checkpoint is PASSIVE: it never blocks readers or writers, and copies what no reader
still needs. Whatever it leaves, the next commit's automatic checkpoint takes up.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy import Engine

log = logging.getLogger(__name__)

_lock = threading.Lock()
_executor: ThreadPoolExecutor | None = None
_pending: set[Future[None]] = set()


def checkpoint_later(engine: Engine) -> None:
    """Copy the WAL of `engine`'s SQLite database into the database file, in the background."""
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wal-checkpoint")
        future = _executor.submit(_checkpoint, engine)
        _pending.add(future)
    future.add_done_callback(_pending.discard)


def wait_for_checkpoints() -> None:
    """Block until every checkpoint asked for so far has run (benchmarks, tests). At exit,
    Python waits for them too."""
    with _lock:
        pending = list(_pending)
    for future in pending:
        future.result()


def _checkpoint(engine: Engine) -> None:
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    except Exception:  # the database may be gone (a test's temporary file): nothing is lost
        log.warning("WAL checkpoint of %s failed", engine.url, exc_info=True)
