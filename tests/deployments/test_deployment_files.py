"""The files of `deployments/` name settings and commands that exist."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from hub.cli import main
from hub.settings import Settings
from tests.test_readme import settings_variables

DEPLOYMENTS = Path(__file__).resolve().parents[2] / "deployments"
ENV_EXAMPLES = sorted(DEPLOYMENTS.glob("*/clusterhub.env.example"))
UNITS = sorted(DEPLOYMENTS.glob("*/clusterhub.service"))


def assignments(path: Path) -> dict[str, str]:
    lines = [line.strip() for line in path.read_text().splitlines()]
    pairs = [line.split("=", 1) for line in lines if line and not line.startswith("#")]
    return {name: value for name, value in pairs}


def test_there_are_examples_for_sqlite_and_postgresql() -> None:
    assert {p.parent.name for p in ENV_EXAMPLES} == {"single-machine", "postgresql"}
    assert [p.parent.name for p in UNITS] == ["single-machine"]


@pytest.mark.parametrize("path", ENV_EXAMPLES, ids=lambda p: p.parent.name)
def test_env_example_sets_only_real_settings_to_valid_values(path: Path) -> None:
    values = assignments(path)
    assert set(values) <= set(settings_variables())
    settings = Settings.from_env(values)
    assert settings.base_url == values["CLUSTERHUB_BASE_URL"]
    backend = "sqlite" if path.parent.name == "single-machine" else "postgresql"
    assert settings.database_url.startswith(f"{backend}:")


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.parent.name)
def test_unit_runs_clusterhub_commands_that_exist(path: Path) -> None:
    commands = [
        shlex.split(line.split("=", 1)[1])
        for line in path.read_text().splitlines()
        if line.startswith(("ExecStart=", "ExecStartPre="))
    ]
    assert [command[1:3] for command in commands] == [["db", "upgrade"], ["serve", "--host"]]
    for command in commands:
        assert command[0] == "/opt/clusterhub/.venv/bin/clusterhub"
        # --help after the arguments: click still rejects an unknown command or option.
        result = CliRunner().invoke(main, [*command[1:], "--help"])
        assert result.exit_code == 0, result.output
