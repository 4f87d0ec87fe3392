"""`clusterhub clients add|list|revoke` and `clusterhub keys rotate`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from hub.settings import Settings


def _engine() -> Any:
    from hub.storage.engine import database_engine

    return database_engine(Settings.from_env().database_url)


@click.group()
def clients() -> None:
    """OAuth clients of this instance (partner hubs, umbrella associations)."""


@clients.command("add")
@click.argument("name")
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    required=True,
    help="read:partner, write or admin; repeat for several",
)
@click.option(
    "--jwks",
    "jwks_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="public keys: the client authenticates by private_key_jwt",
)
def add(name: str, scopes: tuple[str, ...], jwks_file: Path | None) -> None:
    """Register a client; prints its id (and secret, shown only now) as JSON."""
    from hub.auth.clients import add_client
    from hub.services.errors import InvalidInput

    jwks = None
    if jwks_file is not None:
        try:
            jwks = json.loads(jwks_file.read_text())
        except (OSError, ValueError) as exc:
            raise click.ClickException(f"{jwks_file}: not a JSON Web Key Set ({exc})") from exc
    engine = _engine()
    try:
        created = add_client(engine, name=name, scopes=list(scopes), jwks=jwks)
    except InvalidInput as exc:
        raise click.ClickException("; ".join(p.message for p in exc.problems)) from exc
    finally:
        engine.dispose()
    click.echo(json.dumps(created, indent=2))


@clients.command("list")
def list_() -> None:
    """List clients as JSON (secrets are never shown again)."""
    from hub.auth.clients import list_clients

    engine = _engine()
    try:
        click.echo(json.dumps(list_clients(engine), indent=2))
    finally:
        engine.dispose()


@clients.command("revoke")
@click.argument("client_id")
def revoke(client_id: str) -> None:
    """Revoke a client: its tokens stop working at once."""
    from hub.auth.clients import revoke_client
    from hub.services.errors import EntityNotFound

    engine = _engine()
    try:
        revoke_client(engine, client_id)
    except EntityNotFound as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    finally:
        engine.dispose()
    click.echo(f"revoked {client_id}")


@click.group()
def keys() -> None:
    """The instance's token-signing keys."""


@keys.command("rotate")
def rotate() -> None:
    """Sign new tokens with a new key; the old key stays published until its tokens expire."""
    from hub.auth.keys import KeyRing

    settings = Settings.from_env()
    engine = _engine()
    try:
        kid = KeyRing(engine, token_lifetime=settings.token_lifetime).rotate()
    finally:
        engine.dispose()
    click.echo(f"signing with key {kid}")
