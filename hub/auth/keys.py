"""The instance's signing keys: ES256, kept in the database, rotated without downtime.

Rotation retires the current key (it signs no more) and keeps publishing it in the JWKS
until every token it signed has expired; verifiers therefore never see an unknown `kid`.
"""

from __future__ import annotations

import secrets
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from joserfc.jwk import ECKey, KeySet
from sqlalchemy import Engine

from hub.storage import oauth as store
from hub.storage.oauth import KeyRow
from hub.storage.transactions import read_transaction, write_transaction

ALGORITHM = "ES256"
_REFRESH_SECONDS = 30.0


class KeyRing:
    """Signing and verification keys, cached per process and re-read every 30 s (or at once
    when a token names a key this process has not seen: another process rotated)."""

    def __init__(self, engine: Engine, *, token_lifetime: int) -> None:
        self._engine = engine
        self._token_lifetime = token_lifetime
        self._lock = threading.Lock()
        self._loaded_at = 0.0
        self._signing: ECKey | None = None
        self._public = KeySet([])
        self._kids: frozenset[str] = frozenset()

    def signing_key(self) -> ECKey:
        self._refresh()
        if self._signing is None:
            self.rotate()
        assert self._signing is not None
        return self._signing

    def verification_keys(self, kid: str | None = None) -> KeySet:
        self._refresh(force=kid is not None and kid not in self._kids)
        return self._public

    def jwks(self) -> dict[str, Any]:
        """The published keys, read fresh: a key another process just made must appear here
        before verifiers that cache this document meet tokens signed with it."""
        self._refresh(force=True)
        if self._signing is None:
            self.rotate()
        return dict(self._public.as_dict(private=False))

    def rotate(self) -> str:
        """Start signing with a new key; the old ones stay published until their tokens expire."""
        kid = secrets.token_urlsafe(12)
        key = ECKey.generate_key(
            "P-256", parameters={"kid": kid, "alg": ALGORITHM, "use": "sig"}, private=True
        )
        now = datetime.now(UTC)
        grace = timedelta(seconds=self._token_lifetime + 300)
        with write_transaction(self._engine) as connection:
            store.retire_keys(connection, now=now, expires_at=now + grace)
            store.drop_expired(connection, now=now)
            store.add_key(
                connection,
                row=KeyRow(kid, orjson.dumps(key.as_dict(private=True)).decode(), now, None, None),
            )
        self._refresh(force=True)
        return kid

    def _refresh(self, *, force: bool = False) -> None:
        if not force and time.monotonic() - self._loaded_at < _REFRESH_SECONDS:
            return
        with self._lock, read_transaction(self._engine) as connection:
            rows = store.list_keys(connection)
        now = datetime.now(UTC)
        keys = []
        signing = None
        for row in rows:
            expires = row.expires_at
            if expires is not None and _aware(expires) < now:
                continue
            key = ECKey.import_key(orjson.loads(row.private_jwk))
            keys.append(key)
            if row.retired_at is None:
                signing = key
        self._signing = signing
        self._public = KeySet(list[Any](keys))
        self._kids = frozenset(str(key.kid) for key in keys)
        self._loaded_at = time.monotonic()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite drops the zone
