"""`create_app(settings)`: builds everything; nothing happens at import time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.templating import Jinja2Templates

from hub.auth.instance import build_auth
from hub.settings import Settings
from hub.storage.engine import database_engine
from hub.web.authentication import AuthenticationMiddleware
from hub.web.context import AppState
from hub.web.errors import HANDLERS
from hub.web.routes import routes

TEMPLATES = Path(__file__).resolve().parent / "web" / "templates"


def create_app(settings: Settings, engine: Engine | None = None) -> Starlette:
    """The ASGI application for one instance. Pass `engine` to share one (tests, CLI)."""
    owned = engine is None
    engine = engine or database_engine(settings.database_url)
    templates = Jinja2Templates(directory=TEMPLATES)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if owned:
            engine.dispose()

    auth = build_auth(
        engine,
        issuer=settings.base_url,
        token_lifetime=settings.token_lifetime,
        trusted_issuers=settings.trusted_issuers,
        allow_private_addresses=settings.allow_private_addresses,
        token_requests_per_minute=settings.token_requests_per_minute,
    )
    app = Starlette(
        routes=routes(),
        exception_handlers=HANDLERS,
        middleware=[Middleware(AuthenticationMiddleware)],
        lifespan=lifespan,
    )
    app.state.hub = AppState(settings=settings, engine=engine, templates=templates, auth=auth)
    return app
