"""Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL schema, per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, text

POSTGRES_ENV = "CLUSTERHUB_TEST_POSTGRES_URL"


def backends() -> list[str]:
    """SQLite always; PostgreSQL too when CLUSTERHUB_TEST_POSTGRES_URL is set (CI sets it)."""
    return ["sqlite", "postgresql"] if os.environ.get(POSTGRES_ENV) else ["sqlite"]


@contextmanager
def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'clusterhub.sqlite3'}"
        return
    base = os.environ[POSTGRES_ENV]
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
