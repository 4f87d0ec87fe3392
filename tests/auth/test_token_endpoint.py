"""Obtaining tokens as an independent client would: a plain form post, then the JWT checked
with PyJWT (not authlib) against the published JWKS."""

from __future__ import annotations

import time
import uuid
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec

from tests.support.client import AppClient

ISSUER = "https://hub.test"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def verify_with_pyjwt(client: AppClient, token: str) -> dict[str, Any]:
    jwks = client.get("/.well-known/jwks.json").json()
    kid = jwt.get_unverified_header(token)["kid"]
    key = jwt.PyJWK.from_dict(next(k for k in jwks["keys"] if k["kid"] == kid))
    return jwt.decode(token, key.key, algorithms=["ES256"], audience=ISSUER, issuer=ISSUER)


def assertion(client_id: str, key: ec.EllipticCurvePrivateKey, **overrides: Any) -> str:
    now = int(time.time())
    claims = {
        "iss": client_id,
        "sub": client_id,
        "aud": f"{ISSUER}/oauth/token",
        "iat": now,
        "exp": now + 60,
        "jti": uuid.uuid4().hex,
    }
    claims.update(overrides)
    return jwt.encode(claims, key, algorithm="ES256", headers={"kid": "cluster-key-1"})


def test_metadata_describes_the_server(client: AppClient) -> None:
    metadata = client.get("/.well-known/oauth-authorization-server").json()
    assert metadata["issuer"] == ISSUER
    assert metadata["token_endpoint"] == f"{ISSUER}/oauth/token"
    assert metadata["jwks_uri"] == f"{ISSUER}/.well-known/jwks.json"
    assert metadata["revocation_endpoint"] == f"{ISSUER}/oauth/revoke"
    assert metadata["grant_types_supported"] == ["client_credentials"]
    assert metadata["token_endpoint_auth_methods_supported"] == [
        "client_secret_basic",
        "private_key_jwt",
    ]


def test_client_secret_basic_gets_a_jwt_access_token(
    client: AppClient, secret_client: dict[str, Any]
) -> None:
    response = client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(secret_client["client_id"], secret_client["client_secret"]),
    )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert (body["token_type"], body["scope"], body["expires_in"]) == (
        "Bearer",
        "read:partner",
        900,
    )
    assert jwt.get_unverified_header(body["access_token"])["typ"] == "at+jwt"
    claims = verify_with_pyjwt(client, body["access_token"])
    assert claims["client_id"] == claims["sub"] == secret_client["client_id"]
    assert claims["scope"] == "read:partner"
    assert claims["exp"] - claims["iat"] == 900


def test_private_key_jwt_gets_a_jwt_access_token(
    client: AppClient, key_client: dict[str, Any], client_key: ec.EllipticCurvePrivateKey
) -> None:
    response = client.post(
        "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "scope": "write",
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": assertion(key_client["client_id"], client_key),
        },
    )
    assert response.status_code == 200, response.text
    claims = verify_with_pyjwt(client, response.json()["access_token"])
    assert (claims["client_id"], claims["scope"]) == (key_client["client_id"], "write")


def test_a_replayed_assertion_is_refused(
    client: AppClient, key_client: dict[str, Any], client_key: ec.EllipticCurvePrivateKey
) -> None:
    form = {
        "grant_type": "client_credentials",
        "client_assertion_type": ASSERTION_TYPE,
        "client_assertion": assertion(key_client["client_id"], client_key),
    }
    assert client.post("/oauth/token", data=form).status_code == 200
    replay = client.post("/oauth/token", data=form)
    assert (replay.status_code, replay.json()["error"]) == (400, "invalid_client")


def test_an_expired_assertion_is_refused(
    client: AppClient, key_client: dict[str, Any], client_key: ec.EllipticCurvePrivateKey
) -> None:
    old = int(time.time()) - 3600
    form = {
        "grant_type": "client_credentials",
        "client_assertion_type": ASSERTION_TYPE,
        "client_assertion": assertion(key_client["client_id"], client_key, iat=old, exp=old + 60),
    }
    response = client.post("/oauth/token", data=form)
    assert (response.status_code, response.json()["error"]) == (400, "invalid_client")


def test_an_assertion_signed_by_another_key_is_refused(
    client: AppClient, key_client: dict[str, Any]
) -> None:
    stranger = ec.generate_private_key(ec.SECP256R1())
    form = {
        "grant_type": "client_credentials",
        "client_assertion_type": ASSERTION_TYPE,
        "client_assertion": assertion(key_client["client_id"], stranger),
    }
    response = client.post("/oauth/token", data=form)
    assert (response.status_code, response.json()["error"]) == (400, "invalid_client")


def test_a_wrong_secret_is_refused(client: AppClient, secret_client: dict[str, Any]) -> None:
    response = client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(secret_client["client_id"], "guess"),
    )
    assert (response.status_code, response.json()["error"]) == (401, "invalid_client")


def test_a_scope_beyond_the_clients_is_refused(
    client: AppClient, secret_client: dict[str, Any]
) -> None:
    response = client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "scope": "admin"},
        auth=(secret_client["client_id"], secret_client["client_secret"]),
    )
    assert (response.status_code, response.json()["error"]) == (400, "invalid_scope")
