"""Tokens at the resource: RFC 6750 errors for every way a token can be wrong."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import Engine

from hub.app import create_app
from hub.auth.clients import add_client
from hub.auth.keys import KeyRing
from hub.settings import Settings
from tests.support.client import AppClient

ISSUER = "https://hub.test"


@pytest.fixture
def admin(engine: Engine) -> dict[str, Any]:
    return add_client(engine, name="node operator", scopes=["admin"])


def token_for(client: AppClient, registered: dict[str, Any], scope: str | None = None) -> str:
    form = {"grant_type": "client_credentials", **({"scope": scope} if scope else {})}
    response = client.post(
        "/oauth/token", data=form, auth=(registered["client_id"], registered["client_secret"])
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def forged(engine: Engine, **claims: Any) -> str:
    """A token signed with the instance's own key but with the given claims."""
    key = KeyRing(engine, token_lifetime=900).signing_key()
    now = int(time.time())
    body = {
        "iss": ISSUER,
        "aud": ISSUER,
        "iat": now,
        "exp": now + 600,
        "jti": "j1",
        "client_id": "x",
        "sub": "x",
        "scope": "admin",
    }
    body.update(claims)
    pem = key.as_pem(private=True)
    private = serialization.load_pem_private_key(pem, password=None)
    return jwt.encode(body, private, algorithm="ES256", headers={"kid": key.kid, "typ": "at+jwt"})


def assert_invalid_token(response: Any) -> None:
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith(
        'Bearer realm="clusterhub", error="invalid_token"'
    )
    assert response.headers["content-type"] == "application/problem+json"


def test_admin_token_lists_clients(client: AppClient, admin: dict[str, Any]) -> None:
    token = token_for(client, admin)
    response = client.get("/admin/clients", headers={"authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert [c["client_id"] for c in response.json()["clients"]] == [admin["client_id"]]


def test_no_token_is_a_bare_challenge(client: AppClient) -> None:
    response = client.get("/admin/clients")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer realm="clusterhub"'


def test_a_scope_that_does_not_cover_the_operation_is_forbidden(
    client: AppClient, engine: Engine
) -> None:
    partner = add_client(engine, name="partner", scopes=["read:partner"])
    response = client.get(
        "/admin/clients", headers={"authorization": f"Bearer {token_for(client, partner)}"}
    )
    assert response.status_code == 403
    assert (
        response.headers["www-authenticate"]
        == 'Bearer realm="clusterhub", error="insufficient_scope", scope="admin"'
    )


@pytest.mark.parametrize(
    "claims",
    [
        {"exp": int(time.time()) - 120},
        {"nbf": int(time.time()) + 600},
        {"aud": "https://another-node.example"},
    ],
    ids=["expired", "not-yet-valid", "wrong-audience"],
)
def test_tokens_with_bad_claims_are_refused(
    client: AppClient, engine: Engine, admin: dict[str, Any], claims: dict[str, Any]
) -> None:
    token = forged(engine, client_id=admin["client_id"], sub=admin["client_id"], **claims)
    assert_invalid_token(client.get("/admin/clients", headers={"authorization": f"Bearer {token}"}))


def test_a_token_from_an_untrusted_issuer_is_refused(
    client: AppClient, engine: Engine, admin: dict[str, Any]
) -> None:
    token = forged(engine, iss="https://evil.example", client_id=admin["client_id"])
    assert_invalid_token(client.get("/admin/clients", headers={"authorization": f"Bearer {token}"}))


def _b64(value: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def test_an_unsigned_token_is_refused(client: AppClient, admin: dict[str, Any]) -> None:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": ISSUER,
        "exp": now + 600,
        "client_id": admin["client_id"],
        "scope": "admin",
        "jti": "n",
    }
    token = f"{_b64({'alg': 'none', 'typ': 'at+jwt'})}.{_b64(claims)}."
    assert_invalid_token(client.get("/admin/clients", headers={"authorization": f"Bearer {token}"}))


def test_hmac_signed_with_the_public_key_is_refused(
    client: AppClient, admin: dict[str, Any]
) -> None:
    import hashlib
    import hmac

    jwks = client.get("/.well-known/jwks.json").json()
    public_key_text = json.dumps(jwks["keys"][0]).encode()
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": ISSUER,
        "exp": now + 600,
        "client_id": admin["client_id"],
        "scope": "admin",
        "jti": "h",
    }
    signing_input = (
        f"{_b64({'alg': 'HS256', 'typ': 'at+jwt', 'kid': jwks['keys'][0]['kid']})}.{_b64(claims)}"
    )
    signature = (
        base64.urlsafe_b64encode(
            hmac.new(public_key_text, signing_input.encode(), hashlib.sha256).digest()
        )
        .rstrip(b"=")
        .decode()
    )
    assert_invalid_token(
        client.get(
            "/admin/clients", headers={"authorization": f"Bearer {signing_input}.{signature}"}
        )
    )


def test_a_tampered_token_is_refused(client: AppClient, engine: Engine) -> None:
    partner = add_client(engine, name="partner", scopes=["read:partner"])
    header, claims, signature = token_for(client, partner).split(".")
    payload = json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))
    payload["scope"] = "admin"
    assert_invalid_token(
        client.get(
            "/admin/clients",
            headers={"authorization": f"Bearer {header}.{_b64(payload)}.{signature}"},
        )
    )


def test_a_revoked_token_and_a_revoked_client_are_refused(
    client: AppClient, engine: Engine, admin: dict[str, Any]
) -> None:
    first = token_for(client, admin)
    revoked = client.post(
        "/oauth/revoke", data={"token": first}, auth=(admin["client_id"], admin["client_secret"])
    )
    assert revoked.status_code == 200
    assert_invalid_token(client.get("/admin/clients", headers={"authorization": f"Bearer {first}"}))
    second = token_for(client, admin)
    other_admin = add_client(engine, name="second operator", scopes=["admin"])
    bearer = {"authorization": f"Bearer {token_for(client, other_admin)}"}
    assert client.delete(f"/admin/clients/{admin['client_id']}", headers=bearer).status_code == 200
    assert_invalid_token(
        client.get("/admin/clients", headers={"authorization": f"Bearer {second}"})
    )
    again = client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(admin["client_id"], admin["client_secret"]),
    )
    assert (again.status_code, again.json()["error"]) == (401, "invalid_client")


def test_key_rotation_keeps_old_tokens_valid(
    client: AppClient, engine: Engine, admin: dict[str, Any]
) -> None:
    before = token_for(client, admin)
    client.app.state.hub.auth.keys.rotate()  # type: ignore[attr-defined]
    after = token_for(client, admin)
    assert jwt.get_unverified_header(before)["kid"] != jwt.get_unverified_header(after)["kid"]
    assert len(client.get("/.well-known/jwks.json").json()["keys"]) == 2
    for token in (before, after):
        assert (
            client.get("/admin/clients", headers={"authorization": f"Bearer {token}"}).status_code
            == 200
        )


def test_the_token_endpoint_is_rate_limited(
    database: str, engine: Engine, admin: dict[str, Any]
) -> None:
    # 5 a minute: one more every 12 s, so a slow machine cannot refill the bucket mid-test.
    settings = Settings(base_url=ISSUER, database_url=database, token_requests_per_minute=5)
    with AppClient(create_app(settings, engine), base_url=ISSUER) as client:
        statuses = [
            client.post(
                "/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(admin["client_id"], "guess"),
            ).status_code
            for _ in range(10)
        ]
        limited = client.post(
            "/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(admin["client_id"], "guess"),
        )
    assert statuses[:5] == [401] * 5
    assert set(statuses[5:]) == {429}
    assert int(limited.headers["retry-after"]) >= 1


def test_admin_registers_a_client_over_http_and_the_secret_is_shown_once(
    client: AppClient, admin: dict[str, Any]
) -> None:
    bearer = {"authorization": f"Bearer {token_for(client, admin)}"}
    created = client.post(
        "/admin/clients", json={"name": "Cluj IT", "scope": "read:partner"}, headers=bearer
    )
    assert created.status_code == 201
    assert set(created.json()) == {
        "client_id",
        "client_secret",
        "name",
        "scope",
        "token_endpoint_auth_method",
        "created_at",
        "revoked_at",
    }
    listed = client.get("/admin/clients", headers=bearer).json()["clients"]
    assert all("client_secret" not in c for c in listed)
    bad = client.post(
        "/admin/clients", json={"name": "x", "scope": "root", "extra": 1}, headers=bearer
    )
    assert bad.status_code == 422
    assert [e["field"] for e in bad.json()["errors"]] == ["extra"]
