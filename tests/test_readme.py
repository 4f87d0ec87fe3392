"""The README documents every setting and starts with the two commands a newcomer needs."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from hub.settings import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


class _RecordingEnvironment(Mapping[str, str]):
    """An empty environment that remembers every variable `Settings.from_env` asks for."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __getitem__(self, name: str) -> str:
        self.asked.append(name)
        raise KeyError(name)

    def get(self, name: str, default: object = None) -> object:  # type: ignore[override]
        self.asked.append(name)
        return default

    def __contains__(self, name: object) -> bool:
        self.asked.append(str(name))
        return False

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def settings_variables() -> list[str]:
    environment = _RecordingEnvironment()
    Settings.from_env(environment)
    return sorted(set(environment.asked))


def configuration_section() -> str:
    text = README.read_text()
    start = text.index("\n## Configuration\n")
    end = text.find("\n## ", start + 1)
    return text[start : len(text) if end == -1 else end]


def documented_variables() -> set[str]:
    """Variables named in a row of the Configuration table: `| `CLUSTERHUB_...` | ... |`."""
    rows = re.findall(r"^\|\s*`(CLUSTERHUB_[A-Z0-9_]+)`", configuration_section(), re.MULTILINE)
    return set(rows)


def test_settings_read_some_variables() -> None:
    assert "CLUSTERHUB_DATABASE_URL" in settings_variables()


@pytest.mark.parametrize("variable", settings_variables())
def test_setting_is_documented_in_the_readme(variable: str) -> None:
    assert variable in documented_variables(), f"README.md has no table row for {variable}"


def test_readme_documents_no_setting_that_does_not_exist() -> None:
    assert documented_variables() - set(settings_variables()) == set()


def test_the_first_commands_are_make_demo_then_make_test() -> None:
    commands = re.findall(r"^\s*(make \w+)", README.read_text(), re.MULTILINE)
    assert commands[:2] == ["make demo", "make test"]
