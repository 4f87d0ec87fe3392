"""External issuers an instance trusts (`CLUSTERHUB_TRUSTED_ISSUERS`): an organisation's
Keycloak or any OIDC provider. Metadata (RFC 8414, else OpenID discovery) and keys are
fetched on first use and cached; an unknown `kid` triggers at most one refetch a minute."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

_KEYS_TTL = 600.0
_REFETCH_AFTER = 60.0


class IssuerError(Exception):
    """The issuer's metadata or keys cannot be had."""


@dataclass
class _Cached:
    keys: KeySet
    fetched_at: float
    kids: frozenset[str] = field(default_factory=frozenset)


async def check_public_url(url: str, *, allow_private: bool) -> None:
    """Refuse URLs that resolve to loopback, private or link-local addresses (SSRF guard,
    ARCHITECTURE.md section 6) unless the instance allows them (demo, tests)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IssuerError(f"'{url}' is not an http(s) URL")
    if allow_private:
        return
    try:
        loop = asyncio.get_running_loop()
        infos = await loop.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except OSError as exc:
        raise IssuerError(f"cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_reserved
        ):
            raise IssuerError(f"{parts.hostname} resolves to a non-public address ({address})")


class TrustedIssuers:
    def __init__(
        self, issuers: tuple[str, ...], *, allow_private: bool, timeout: float = 5.0
    ) -> None:
        self._issuers = frozenset(issuer.rstrip("/") for issuer in issuers)
        self._allow_private = allow_private
        self._timeout = timeout
        self._cache: dict[str, _Cached] = {}
        self._lock = asyncio.Lock()

    def trusts(self, issuer: str) -> bool:
        return issuer.rstrip("/") in self._issuers

    async def keys(self, issuer: str, kid: str | None) -> KeySet:
        cached = self._cache.get(issuer)
        now = time.monotonic()
        stale = cached is None or now - cached.fetched_at > _KEYS_TTL
        unknown_kid = cached is not None and kid is not None and kid not in cached.kids
        if stale or (unknown_kid and now - cached.fetched_at > _REFETCH_AFTER):  # type: ignore[union-attr]
            async with self._lock:
                cached = self._cache[issuer] = await self._fetch(issuer)
        assert cached is not None
        return cached.keys

    async def _fetch(self, issuer: str) -> _Cached:
        async with httpx.AsyncClient(timeout=self._timeout, follow_redirects=False) as http:
            metadata = await self._metadata(http, issuer)
            jwks_uri = metadata.get("jwks_uri")
            if not isinstance(jwks_uri, str):
                raise IssuerError(f"{issuer} publishes no jwks_uri")
            await check_public_url(jwks_uri, allow_private=self._allow_private)
            response = await http.get(jwks_uri)
            try:
                response.raise_for_status()
                keys = KeySet.import_key_set(response.json())
            except (httpx.HTTPError, ValueError, JoseError, KeyError, TypeError) as exc:
                raise IssuerError(f"the keys of {issuer} cannot be read: {exc}") from exc
        return _Cached(keys, time.monotonic(), frozenset(str(k.kid) for k in keys))

    async def _metadata(self, http: httpx.AsyncClient, issuer: str) -> dict[str, object]:
        for path in (
            "/.well-known/oauth-authorization-server",
            "/.well-known/openid-configuration",
        ):
            url = issuer.rstrip("/") + path
            await check_public_url(url, allow_private=self._allow_private)
            try:
                response = await http.get(url)
            except httpx.HTTPError as exc:
                raise IssuerError(f"{issuer} does not answer: {exc}") from exc
            if response.status_code == 200:
                try:
                    metadata = response.json()
                except ValueError as exc:
                    raise IssuerError(f"{url} is not JSON") from exc
                if isinstance(metadata, dict) and metadata.get("issuer") == issuer:
                    return metadata
                raise IssuerError(f"{url} names another issuer")
        raise IssuerError(f"{issuer} publishes no authorization server metadata")
