"""Settings, read from the environment in one place (`Settings.from_env`) and then frozen."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from schemas.entity import KEY_RULE, is_valid_key

DEFAULT_DATABASE_FILE = "clusterhub.sqlite3"


class SettingsError(ValueError):
    """An environment variable holds a value that cannot be used."""


@dataclass(frozen=True, slots=True)
class Settings:
    base_url: str = "http://127.0.0.1:8000"
    database_url: str = f"sqlite:///{DEFAULT_DATABASE_FILE}"
    # The node's own cluster organisation: rows of a member list become its members.
    cluster_key: str | None = None
    title: str = "clusterhub node"
    max_upload_bytes: int = 256 * 1024 * 1024
    max_reported_errors: int = 1000
    page_size: int = 50
    # OAuth (ARCHITECTURE.md section 6)
    token_lifetime: int = 900
    token_requests_per_minute: int = 30
    trusted_issuers: tuple[str, ...] = ()
    # Fetch from loopback and private addresses (demo federations, tests); never in production.
    allow_private_addresses: bool = False
    # The LDES feed (ARCHITECTURE.md section 7): changes per page (a multiple of
    # FEED_PAGE_STEP, see hub/storage/feed.py), and feed renders in flight per process before
    # further requests get `429` (LDES server primer, section 2).
    feed_page_size: int = 1000
    feed_max_renders: int = 4
    # Worker processes that prepare (map, decode, validate) the chunks of a big import while
    # this process writes, and prepares chunks too when theirs are all queued: one fewer
    # than the CPUs, so that no CPU is shared by two of them. 0 prepares everything inline
    # (hub/services/imports/pool.py).
    import_workers: int = field(default_factory=lambda: (os.cpu_count() or 1) - 1)
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        defaults = cls()
        return cls(
            base_url=_base_url(env, "CLUSTERHUB_BASE_URL", defaults.base_url),
            database_url=env.get("CLUSTERHUB_DATABASE_URL") or defaults.database_url,
            cluster_key=_key(env, "CLUSTERHUB_CLUSTER_KEY"),
            title=env.get("CLUSTERHUB_TITLE", defaults.title),
            max_upload_bytes=_int(env, "CLUSTERHUB_MAX_UPLOAD_BYTES", defaults.max_upload_bytes),
            max_reported_errors=_int(
                env, "CLUSTERHUB_MAX_REPORTED_ERRORS", defaults.max_reported_errors
            ),
            page_size=_int(env, "CLUSTERHUB_PAGE_SIZE", defaults.page_size),
            token_lifetime=_int(env, "CLUSTERHUB_TOKEN_LIFETIME", defaults.token_lifetime),
            token_requests_per_minute=_int(
                env, "CLUSTERHUB_TOKEN_REQUESTS_PER_MINUTE", defaults.token_requests_per_minute
            ),
            trusted_issuers=tuple(env.get("CLUSTERHUB_TRUSTED_ISSUERS", "").split()),
            allow_private_addresses=_bool(env, "CLUSTERHUB_ALLOW_PRIVATE_ADDRESSES"),
            feed_page_size=_feed_page_size(env, defaults.feed_page_size),
            feed_max_renders=_int(env, "CLUSTERHUB_FEED_MAX_RENDERS", defaults.feed_max_renders),
            import_workers=_int(
                env, "CLUSTERHUB_IMPORT_WORKERS", defaults.import_workers, minimum=0
            ),
        )

    @property
    def sqlite_path(self) -> Path | None:
        prefix = "sqlite:///"
        if self.database_url.startswith(prefix) and self.database_url != "sqlite:///:memory:":
            return Path(self.database_url[len(prefix):])
        return None

    def entity_iri(self, kind: str, key: str) -> str:
        return f"{self.base_url}/id/{kind}/{key}"


def _base_url(env: Mapping[str, str], name: str, default: str) -> str:
    # Entity IRIs are minted under this URL (ARCHITECTURE.md section 4): it must be absolute,
    # and carry no query or fragment that would end up inside every IRI.
    raw = (env.get(name) or default).strip().rstrip("/")
    parsed = urlsplit(raw)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise SettingsError(f"{name} must be an absolute http(s) URL, not '{raw}'")
    if parsed.query or parsed.fragment:
        raise SettingsError(f"{name} must not have a query or fragment: '{raw}'")
    return raw


def _key(env: Mapping[str, str], name: str) -> str | None:
    raw = env.get(name) or None
    if raw is not None and not is_valid_key(raw):
        raise SettingsError(f"{name} must be an entity key ({KEY_RULE}), not '{raw}'")
    return raw


def _bool(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw in ("", "0", "false", "no", "off"):
        return False
    if raw in ("1", "true", "yes", "on"):
        return True
    raise SettingsError(f"{name} must be true or false, not '{raw}'")


FEED_PAGE_STEP = 10  # page bounds are recorded every 10 changes (hub/storage/feed.py)


def _feed_page_size(env: Mapping[str, str], default: int) -> int:
    value = _int(env, "CLUSTERHUB_FEED_PAGE_SIZE", default)
    if value % FEED_PAGE_STEP:
        raise SettingsError(
            f"CLUSTERHUB_FEED_PAGE_SIZE must be a multiple of {FEED_PAGE_STEP}, not {value}"
        )
    return value


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 1) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not '{raw}'") from None
    if value < minimum:
        floor = "positive" if minimum == 1 else f"at least {minimum}"
        raise SettingsError(f"{name} must be {floor}, not {value}")
    return value
