"""Transactions: reads, and writes that take SQLite's write lock up front."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One all-or-nothing write: commits on success, rolls back on any exception."""
    with engine.connect() as connection:
        connection.info["write"] = True
        try:
            with connection.begin():
                yield connection
        finally:
            connection.info.pop("write", None)


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as connection, connection.begin():
        yield connection
