"""`clusterhub demo`: loads the sample node idempotently, then serves it on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import httpx
from click.testing import CliRunner

from hub.cli import main
from hub.cli.demo import demo_settings
from tests.cli.test_serve import CLUSTERHUB, free_port, wait_until_healthy


def test_demo_loads_the_data_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    database = tmp_path / "demo.sqlite3"
    runner = CliRunner()
    arguments = ["demo", "--no-serve", "--database", str(database)]
    first = runner.invoke(main, arguments, env={"CLUSTERHUB_DATABASE_URL": ""})
    again = runner.invoke(main, arguments)
    assert (first.exit_code, again.exit_code) == (0, 0), first.output + again.output
    assert first.output.splitlines()[1:] == [
        "  cluster.jsonld: 21 entities (21 created, 0 updated, 0 unchanged, 0 deleted)",
        "  members.csv: 600 entities (600 created, 0 updated, 0 unchanged, 0 deleted)",
    ]
    assert again.output.splitlines()[1:] == [
        "  cluster.jsonld: 21 entities (0 created, 0 updated, 21 unchanged, 0 deleted)",
        "  members.csv: 600 entities (0 created, 0 updated, 600 unchanged, 0 deleted)",
    ]


def test_demo_refuses_a_folder_without_the_data(tmp_path: Path) -> None:
    database = tmp_path / "d.sqlite3"
    arguments = ["demo", "--no-serve", "--database", str(database), "--data", str(tmp_path)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 1
    assert f"no demo data in {tmp_path} (cluster.jsonld, members.csv missing)" in result.output


def test_demo_serves_the_cluster_at_its_own_address(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERHUB_")}
    server = subprocess.Popen(
        [CLUSTERHUB, "demo", "--port", str(port), "--database", str(tmp_path / "demo.sqlite3")],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_until_healthy(url, server).status_code == 200
        cluster = httpx.get(
            f"{url}/id/organisations/vojvodina-ict", headers={"accept": "application/ld+json"}
        )
        assert cluster.status_code == 200
        assert cluster.json()["id"] == f"{url}/id/organisations/vojvodina-ict"
        assert cluster.json()["prefLabel"] == {
            "en": "Vojvodina ICT Cluster",
            "sr-Latn": "Vojvođanski IKT klaster",
            "sr-Cyrl": "Војвођански ИКТ кластер",
        }
        assert httpx.get(f"{url}/readyz").json() == {"status": "ok"}
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C, as the demo says
        output, errors = server.communicate(timeout=15)
    assert (server.returncode, errors) == (0, "")
    assert f"Open {url}/ in a browser." in output


def test_demo_settings_take_the_environment_but_fix_address_database_and_cluster() -> None:
    environment = {"CLUSTERHUB_BASE_URL": "https://ict.example.rs", "CLUSTERHUB_PAGE_SIZE": "20"}
    settings = demo_settings(8123, Path("/srv/demo.sqlite3"), environment)
    assert (settings.base_url, settings.database_url, settings.cluster_key) == (
        "http://127.0.0.1:8123",
        "sqlite:////srv/demo.sqlite3",
        "vojvodina-ict",
    )
    assert (settings.page_size, settings.title) == (20, "Vojvodina ICT Cluster (demo)")
