"""`clusterhub serve` and `clusterhub db upgrade`."""

from __future__ import annotations

import click

from hub.settings import Settings


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int)
def serve(host: str, port: int, workers: int) -> None:
    """Serve this instance over HTTP (uvicorn)."""
    import uvicorn

    settings = Settings.from_env()
    click.echo(f"clusterhub serving {settings.base_url} (listening on http://{host}:{port})")
    uvicorn.run(
        "hub.cli.serve:application", factory=True, host=host, port=port, workers=workers,
        log_level="warning",
    )


def application() -> object:
    """The uvicorn factory: settings come from the environment of each worker."""
    from hub.app import create_app

    return create_app(Settings.from_env())


@click.group()
def db() -> None:
    """Database schema."""


@db.command()
def upgrade() -> None:
    """Bring the database schema to the newest migration."""
    from hub.storage.engine import database_engine
    from hub.storage.schema import upgrade as run_upgrade

    settings = Settings.from_env()
    engine = database_engine(settings.database_url)
    run_upgrade(engine)
    engine.dispose()
    click.echo(f"database at the newest schema: {settings.database_url}")
