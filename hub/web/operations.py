"""Operations endpoints: liveness, readiness."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from sqlalchemy import text

from hub.storage.schema import is_current
from hub.web.context import app_state


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    """Ready when the database answers and its schema is at the newest migration."""
    state = app_state(request)
    try:
        with state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = is_current(state.engine)
    except Exception as exc:  # the database is down or unreachable: not ready, say why
        return JSONResponse({"status": "unavailable", "reason": type(exc).__name__}, status_code=503)
    if not current:
        reason = "the database schema is not current: run 'clusterhub db upgrade'"
        return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)
    return JSONResponse({"status": "ok"})
