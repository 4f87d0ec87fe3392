"""Settings from the environment: defaults, parsing, and errors that name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.settings import Settings, SettingsError
from schemas.entity import KEY_RULE


def test_an_empty_environment_gives_the_defaults() -> None:
    assert Settings.from_env({}) == Settings()


def test_unset_database_url_means_a_sqlite_file_in_the_working_directory() -> None:
    settings = Settings.from_env({})
    assert settings.database_url == "sqlite:///clusterhub.sqlite3"
    assert settings.sqlite_path == Path("clusterhub.sqlite3")


def test_every_variable_is_read() -> None:
    settings = Settings.from_env(
        {
            "CLUSTERHUB_BASE_URL": "https://ict.example.rs/",
            "CLUSTERHUB_DATABASE_URL": "postgresql://hub@db.example.rs/hub",
            "CLUSTERHUB_CLUSTER_KEY": "vojvodina-ict",
            "CLUSTERHUB_TITLE": "Vojvodina ICT Cluster",
            "CLUSTERHUB_MAX_UPLOAD_BYTES": "1048576",
            "CLUSTERHUB_MAX_REPORTED_ERRORS": "20",
            "CLUSTERHUB_PAGE_SIZE": "25",
            "CLUSTERHUB_TOKEN_LIFETIME": "300",
            "CLUSTERHUB_TOKEN_REQUESTS_PER_MINUTE": "10",
            "CLUSTERHUB_TRUSTED_ISSUERS": " https://login.example.rs/realms/a  https://b.example ",
            "CLUSTERHUB_ALLOW_PRIVATE_ADDRESSES": "yes",
            "CLUSTERHUB_FEED_PAGE_SIZE": "500",
            "CLUSTERHUB_FEED_MAX_RENDERS": "2",
        }
    )
    assert settings == Settings(
        base_url="https://ict.example.rs",
        database_url="postgresql://hub@db.example.rs/hub",
        cluster_key="vojvodina-ict",
        title="Vojvodina ICT Cluster",
        max_upload_bytes=1048576,
        max_reported_errors=20,
        page_size=25,
        token_lifetime=300,
        token_requests_per_minute=10,
        trusted_issuers=("https://login.example.rs/realms/a", "https://b.example"),
        allow_private_addresses=True,
        feed_page_size=500,
        feed_max_renders=2,
    )
    assert settings.sqlite_path is None
    assert settings.entity_iri("organisations", "nsoft") == "https://ict.example.rs/id/organisations/nsoft"


def test_empty_values_mean_unset() -> None:
    settings = Settings.from_env(
        {"CLUSTERHUB_CLUSTER_KEY": "", "CLUSTERHUB_TRUSTED_ISSUERS": "", "CLUSTERHUB_PAGE_SIZE": ""}
    )
    assert (settings.cluster_key, settings.trusted_issuers, settings.page_size) == (None, (), 50)


@pytest.mark.parametrize(
    ("name", "value", "complaint"),
    [
        ("CLUSTERHUB_PAGE_SIZE", "fifty", "must be a whole number, not 'fifty'"),
        ("CLUSTERHUB_PAGE_SIZE", "0", "must be positive, not 0"),
        ("CLUSTERHUB_MAX_UPLOAD_BYTES", "1.5e6", "must be a whole number, not '1.5e6'"),
        ("CLUSTERHUB_MAX_UPLOAD_BYTES", "-1", "must be positive, not -1"),
        ("CLUSTERHUB_MAX_REPORTED_ERRORS", "many", "must be a whole number, not 'many'"),
        ("CLUSTERHUB_BASE_URL", "x.rs", "must be an absolute http(s) URL, not 'x.rs'"),
        ("CLUSTERHUB_BASE_URL", "ftp://x.rs", "must be an absolute http(s) URL, not 'ftp://x.rs'"),
        ("CLUSTERHUB_BASE_URL", "https://x.rs/?a=1", "must not have a query or fragment: 'https://x.rs/?a=1'"),
        ("CLUSTERHUB_TOKEN_LIFETIME", "15m", "must be a whole number, not '15m'"),
        ("CLUSTERHUB_ALLOW_PRIVATE_ADDRESSES", "maybe", "must be true or false, not 'maybe'"),
        ("CLUSTERHUB_FEED_PAGE_SIZE", "1005", "must be a multiple of 10, not 1005"),
        ("CLUSTERHUB_FEED_MAX_RENDERS", "0", "must be positive, not 0"),
        (
            "CLUSTERHUB_CLUSTER_KEY",
            "vojvodina ict",
            f"must be an entity key ({KEY_RULE}), not 'vojvodina ict'",
        ),
    ],
)
def test_a_bad_value_is_an_error_naming_the_variable(name: str, value: str, complaint: str) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env({name: value})
    assert str(raised.value) == f"{name} {complaint}"


def test_settings_are_frozen() -> None:
    settings = Settings()
    with pytest.raises(AttributeError):
        settings.page_size = 10  # type: ignore[misc]
