"""The shipped member-list templates: built from the importer's columns, and up to date."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from python_calamine import CalamineWorkbook

import vocab
from hub.services.imports.columns import template_columns

TEMPLATES = vocab.VOCAB_DIR / "templates"


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_templates", vocab.VOCAB_DIR / "build" / "build_templates.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_templates_are_up_to_date_with_their_build_script() -> None:
    assert build_script().main(["--check"]) == 0


def test_blank_templates_hold_the_header_only() -> None:
    header = template_columns()
    assert (TEMPLATES / "members-template.csv").read_text() == ",".join(header) + "\n"
    workbook = CalamineWorkbook.from_path(str(TEMPLATES / "members-template.xlsx"))
    assert workbook.sheet_names == ["Members", "Columns"]
    assert workbook.get_sheet_by_name("Members").to_python() == [header]


def test_the_columns_sheet_documents_every_column() -> None:
    workbook = CalamineWorkbook.from_path(str(TEMPLATES / "members-example.xlsx"))
    documented = workbook.get_sheet_by_name("Columns").to_python()
    names = {name.split("@")[0] for row in documented[1:] for name in str(row[0]).split(", ")}
    assert documented[0] == ["column", "meaning", "example"]
    assert names == {name.split("@")[0] for name in template_columns()}
