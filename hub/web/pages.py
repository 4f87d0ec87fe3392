"""HTML pages, rendered on the server from Jinja templates."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from hub.web.context import app_state


def entity_page(request: Request, kind: str, doc: dict[str, Any]) -> str:
    state = app_state(request)
    template = state.templates.get_template("entity.html")
    return template.render(request=request, kind=kind, doc=doc, settings=state.settings)
