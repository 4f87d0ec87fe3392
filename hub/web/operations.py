"""Operations endpoints: liveness (`/healthz`) and readiness (`/readyz`)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hub.services.readiness import check_readiness
from hub.web.context import app_state


async def healthz(request: Request) -> Response:
    """Alive: the process answers HTTP."""
    return JSONResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})


async def readyz(request: Request) -> Response:
    """Ready when the database answers and its schema is at the newest migration."""
    readiness = check_readiness(app_state(request).engine)
    if not readiness.ready:
        body = {"status": "unavailable", "reason": readiness.reason}
        return JSONResponse(body, status_code=503, headers={"Cache-Control": "no-store"})
    return JSONResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})
