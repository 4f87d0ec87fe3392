"""Settings, read from the environment in one place (`Settings.from_env`) and then frozen."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

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
    admin_token: str | None = None
    max_upload_bytes: int = 256 * 1024 * 1024
    max_reported_errors: int = 1000
    page_size: int = 50
    extra: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        defaults = cls()
        return cls(
            base_url=env.get("CLUSTERHUB_BASE_URL", defaults.base_url).rstrip("/"),
            database_url=env.get("CLUSTERHUB_DATABASE_URL") or defaults.database_url,
            cluster_key=env.get("CLUSTERHUB_CLUSTER_KEY") or None,
            title=env.get("CLUSTERHUB_TITLE", defaults.title),
            admin_token=env.get("CLUSTERHUB_ADMIN_TOKEN") or None,
            max_upload_bytes=_int(env, "CLUSTERHUB_MAX_UPLOAD_BYTES", defaults.max_upload_bytes),
            page_size=_int(env, "CLUSTERHUB_PAGE_SIZE", defaults.page_size),
        )

    @property
    def sqlite_path(self) -> Path | None:
        prefix = "sqlite:///"
        if self.database_url.startswith(prefix) and self.database_url != "sqlite:///:memory:":
            return Path(self.database_url[len(prefix):])
        return None

    def entity_iri(self, kind: str, key: str) -> str:
        return f"{self.base_url}/id/{kind}/{key}"


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not '{raw}'") from None
    if value <= 0:
        raise SettingsError(f"{name} must be positive, not {value}")
    return value
