"""What the app holds for its handlers: settings, engine, templates."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from hub.auth.instance import Auth
from hub.settings import Settings


@dataclass(frozen=True, slots=True)
class AppState:
    settings: Settings
    engine: Engine
    templates: Jinja2Templates
    auth: Auth


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.hub
    return state
