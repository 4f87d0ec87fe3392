"""`clusterhub clients` and `clusterhub keys` against a real database."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import Engine

from hub.auth.clients import find_client
from hub.cli import main


def run(database: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"CLUSTERHUB_DATABASE_URL": database})
    return result.exit_code, result.output


def test_add_prints_the_secret_once_and_list_never(database: str, engine: Engine) -> None:
    code, output = run(database, "clients", "add", "Cluj IT Cluster hub", "--scope", "read:partner")
    assert code == 0
    created = json.loads(output)
    assert created["scope"] == "read:partner"
    assert created["token_endpoint_auth_method"] == "client_secret_basic"
    client = find_client(engine, created["client_id"])
    assert client is not None and client.check_client_secret(created["client_secret"])
    code, output = run(database, "clients", "list")
    assert code == 0
    listed = json.loads(output)
    assert [c["client_id"] for c in listed] == [created["client_id"]]
    assert "client_secret" not in listed[0]


def test_add_with_a_jwks_file_uses_private_key_jwt(
    database: str, engine: Engine, tmp_path: Path
) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec
    from jwt.algorithms import ECAlgorithm

    public = ECAlgorithm.to_jwk(ec.generate_private_key(ec.SECP256R1()).public_key(), as_dict=True)
    jwks = tmp_path / "jwks.json"
    jwks.write_text(json.dumps({"keys": [public]}))
    code, output = run(
        database, "clients", "add", "umbrella", "--scope", "write", "--jwks", str(jwks)
    )
    assert code == 0
    created = json.loads(output)
    assert created["token_endpoint_auth_method"] == "private_key_jwt"
    assert "client_secret" not in created


def test_unknown_scope_is_an_error_that_names_it(database: str, engine: Engine) -> None:
    code, output = run(database, "clients", "add", "x", "--scope", "superuser")
    assert code == 1
    assert "unknown scopes: superuser" in output
    assert run(database, "clients", "list") == (0, "[]\n")


def test_revoke_marks_the_client_and_an_unknown_id_fails(database: str, engine: Engine) -> None:
    created = json.loads(run(database, "clients", "add", "x", "--scope", "admin")[1])
    assert run(database, "clients", "revoke", created["client_id"]) == (
        0,
        f"revoked {created['client_id']}\n",
    )
    client = find_client(engine, created["client_id"])
    assert client is not None and client.revoked
    code, output = run(database, "clients", "revoke", "chc_nobody")
    assert code == 1
    assert "there is no client 'chc_nobody'" in output


def test_keys_rotate_publishes_a_second_key(database: str, engine: Engine) -> None:
    assert run(database, "keys", "rotate")[0] == 0
    assert run(database, "keys", "rotate")[0] == 0
    from hub.auth.keys import KeyRing

    assert len(KeyRing(engine, token_lifetime=900).jwks()["keys"]) == 2
