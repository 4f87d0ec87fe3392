"""Readiness: the database answers and its schema is at the newest migration."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from hub.storage.schema import is_current


@dataclass(frozen=True, slots=True)
class Readiness:
    """Whether the instance is ready, and why not."""

    ready: bool
    reason: str | None = None


def check_readiness(engine: Engine) -> Readiness:
    """Whether this instance can serve requests now, and if not, why."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = is_current(engine)
    except Exception as exc:  # the database is down or unreachable: not ready, say why
        return Readiness(False, type(exc).__name__)
    if not current:
        return Readiness(False, "the database schema is not current: run 'clusterhub db upgrade'")
    return Readiness(True)
