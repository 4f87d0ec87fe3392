"""`clusterhub serve` and `clusterhub db upgrade`; `run_server()` is the one caller of uvicorn."""

from __future__ import annotations

import click
from starlette.types import ASGIApp

from hub.settings import Settings, SettingsError

LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


def settings_from_env() -> Settings:
    """The settings of this process, with a bad variable reported as a usage error."""
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


def run_server(
    app: ASGIApp | str, *, host: str, port: int, workers: int = 1, log_level: str = "warning"
) -> None:
    """Serve `app` (an ASGI app, or the import string of a factory when `workers` > 1)."""
    import uvicorn

    uvicorn.run(
        app,
        factory=isinstance(app, str),
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        # Behind a reverse proxy on the same machine: trust its X-Forwarded-* headers only.
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
    )


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Worker processes (use several only with PostgreSQL).",
)
@click.option(
    "--log-level", default="warning", show_default=True, type=click.Choice(LOG_LEVELS)
)
def serve(host: str, port: int, workers: int, log_level: str) -> None:
    """Serve this instance over HTTP (uvicorn)."""
    settings = settings_from_env()
    _warn_when_schema_is_old(settings)
    click.echo(f"clusterhub serving {settings.base_url} (listening on http://{host}:{port})")
    run_server(
        "hub.cli.serve:application", host=host, port=port, workers=workers, log_level=log_level
    )


def application() -> object:
    """The uvicorn factory: settings come from the environment of each worker."""
    from hub.app import create_app

    return create_app(Settings.from_env())


def _warn_when_schema_is_old(settings: Settings) -> None:
    # Migrations are never run implicitly: with several workers (or machines) on one
    # PostgreSQL, the operator runs `clusterhub db upgrade` once, before starting them.
    from hub.storage.engine import database_engine
    from hub.storage.schema import is_current

    engine = database_engine(settings.database_url)
    try:
        current = is_current(engine)
    except Exception:  # unreachable database: /readyz will say so; serving still starts
        current = True
    finally:
        engine.dispose()
    if not current:
        click.echo(
            "warning: the database schema is not current; run 'clusterhub db upgrade'"
            " (/readyz answers 503 until then)",
            err=True,
        )


@click.group()
def db() -> None:
    """Database schema."""


@db.command()
def upgrade() -> None:
    """Bring the database schema to the newest migration."""
    from hub.storage.engine import database_engine
    from hub.storage.schema import upgrade as run_upgrade

    settings = settings_from_env()
    engine = database_engine(settings.database_url)
    try:
        run_upgrade(engine)
    finally:
        engine.dispose()
    click.echo(f"database at the newest schema: {_without_password(settings.database_url)}")


def _without_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
