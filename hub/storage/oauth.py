"""Reading and writing OAuth clients, signing keys, revocations and used assertions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from hub.storage.tables import oauth_clients, revoked_tokens, signing_keys, used_assertions


@dataclass(frozen=True, slots=True)
class ClientRow:
    client_id: str
    name: str
    secret_hash: str | None
    auth_method: str
    jwks: str | None
    scopes: str
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class KeyRow:
    kid: str
    private_jwk: str
    created_at: datetime
    retired_at: datetime | None
    expires_at: datetime | None


def add_client(connection: Connection, *, row: ClientRow) -> None:
    connection.execute(insert(oauth_clients).values(**_values(row)))


def _values(row: ClientRow | KeyRow) -> dict[str, object]:
    return {name: getattr(row, name) for name in row.__slots__}


def get_client(connection: Connection, *, client_id: str) -> ClientRow | None:
    row = connection.execute(
        select(oauth_clients).where(oauth_clients.c.client_id == client_id)
    ).one_or_none()
    return ClientRow(*row) if row else None


def list_clients(connection: Connection) -> list[ClientRow]:
    rows = connection.execute(select(oauth_clients).order_by(oauth_clients.c.created_at))
    return [ClientRow(*row) for row in rows]


def revoke_client(connection: Connection, *, client_id: str, now: datetime) -> bool:
    result = connection.execute(
        update(oauth_clients)
        .where(oauth_clients.c.client_id == client_id, oauth_clients.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return bool(result.rowcount)


def add_key(connection: Connection, *, row: KeyRow) -> None:
    connection.execute(insert(signing_keys).values(**_values(row)))


def list_keys(connection: Connection) -> list[KeyRow]:
    rows = connection.execute(select(signing_keys).order_by(signing_keys.c.created_at))
    return [KeyRow(*row) for row in rows]


def retire_keys(connection: Connection, *, now: datetime, expires_at: datetime) -> None:
    """Stop signing with every current key; publish them until `expires_at`."""
    connection.execute(
        update(signing_keys)
        .where(signing_keys.c.retired_at.is_(None))
        .values(retired_at=now, expires_at=expires_at)
    )


def drop_expired(connection: Connection, *, now: datetime) -> None:
    connection.execute(delete(signing_keys).where(signing_keys.c.expires_at < now))
    connection.execute(delete(revoked_tokens).where(revoked_tokens.c.expires_at < now))
    connection.execute(delete(used_assertions).where(used_assertions.c.expires_at < now))


def revoke_token(connection: Connection, *, jti: str, expires_at: datetime) -> None:
    if not is_token_revoked(connection, jti=jti):
        connection.execute(insert(revoked_tokens).values(jti=jti, expires_at=expires_at))


def is_token_revoked(connection: Connection, *, jti: str) -> bool:
    found = connection.execute(
        select(revoked_tokens.c.jti).where(revoked_tokens.c.jti == jti)
    ).first()
    return found is not None


# One round trip for every protected request: is the token revoked, is its client live?
_STANDING = text(
    "SELECT (SELECT count(*) FROM revoked_tokens WHERE jti = :jti),"
    " (SELECT count(*) FROM oauth_clients WHERE client_id = :client AND revoked_at IS NULL)"
)


def token_standing(connection: Connection, *, jti: str, client_id: str) -> tuple[bool, bool]:
    """(the token `jti` is revoked, its client exists and is not revoked)."""
    revoked, live_client = connection.execute(_STANDING, {"jti": jti, "client": client_id}).one()
    return bool(revoked), bool(live_client)


def use_assertion(connection: Connection, *, jti: str, expires_at: datetime) -> bool:
    """Record a client assertion id; False when it was used before (a replay)."""
    try:
        with connection.begin_nested():
            connection.execute(insert(used_assertions).values(jti=jti, expires_at=expires_at))
    except IntegrityError:
        return False
    return True
