"""`clusterhub serve` as an operator runs it: a real uvicorn process on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

CLUSTERHUB = str(Path(sys.executable).with_name("clusterhub"))
START_TIMEOUT = 30.0
# uvicorn shuts down gracefully on SIGTERM, then re-raises it (since 0.29): the parent, like
# systemd, sees a death by SIGTERM, which counts as a clean stop.
STOPPED_CLEANLY = (0, -signal.SIGTERM)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def environment(database: str, port: int) -> dict[str, str]:
    """This process's environment without any CLUSTERHUB_ setting, plus the server's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERHUB_")}
    env.update(
        CLUSTERHUB_DATABASE_URL=database,
        CLUSTERHUB_BASE_URL=f"http://127.0.0.1:{port}",
        CLUSTERHUB_CLUSTER_KEY="vojvodina-ict",
    )
    return env


def text_of(stream: IO[str] | None) -> str:
    assert stream is not None
    return stream.read()


def wait_until_healthy(url: str, server: subprocess.Popen[str]) -> httpx.Response:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            message = f"the server exited with {server.returncode}: {text_of(server.stderr)}"
            raise AssertionError(message)
        try:
            return httpx.get(f"{url}/healthz", timeout=1.0)
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"{url}/healthz did not answer within {START_TIMEOUT} s")


@contextmanager
def running_server(env: dict[str, str], port: int) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    server = subprocess.Popen(
        [CLUSTERHUB, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}", server
    finally:
        if server.poll() is None:
            server.terminate()
        server.communicate(timeout=15)


def test_serve_answers_health_and_readiness_then_stops_cleanly(database: str) -> None:
    port = free_port()
    env = environment(database, port)
    upgrade = subprocess.run([CLUSTERHUB, "db", "upgrade"], env=env, capture_output=True, text=True)
    assert upgrade.returncode == 0, upgrade.stderr
    with running_server(env, port) as (url, server):
        health = wait_until_healthy(url, server)
        assert (health.status_code, health.json()) == (200, {"status": "ok"})
        ready = httpx.get(f"{url}/readyz")
        assert (ready.status_code, ready.json()) == (200, {"status": "ok"})
        server.terminate()
        assert server.wait(timeout=15) in STOPPED_CLEANLY
        assert text_of(server.stdout).splitlines() == [
            f"clusterhub serving {url} (listening on {url})"
        ]
        assert "Traceback" not in text_of(server.stderr)


def test_serve_on_a_database_without_schema_is_alive_but_not_ready(tmp_path: Path) -> None:
    port = free_port()
    env = environment(f"sqlite:///{tmp_path / 'empty.sqlite3'}", port)
    with running_server(env, port) as (url, server):
        assert wait_until_healthy(url, server).status_code == 200
        ready = httpx.get(f"{url}/readyz")
        assert (ready.status_code, ready.json()) == (
            503,
            {
                "status": "unavailable",
                "reason": "the database schema is not current: run 'clusterhub db upgrade'",
            },
        )
        server.terminate()
        server.wait(timeout=15)
        assert text_of(server.stderr).startswith(
            "warning: the database schema is not current; run 'clusterhub db upgrade'"
        )


def test_serve_refuses_a_bad_setting_naming_the_variable(tmp_path: Path) -> None:
    env = environment(f"sqlite:///{tmp_path / 'db.sqlite3'}", free_port())
    env["CLUSTERHUB_PAGE_SIZE"] = "many"
    result = subprocess.run([CLUSTERHUB, "serve"], env=env, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (
        1,
        "Error: CLUSTERHUB_PAGE_SIZE must be a whole number, not 'many'\n",
    )
