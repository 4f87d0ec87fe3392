"""The import readers on their own: cells as typed in spreadsheets, CSV dialects, the JSON
stream reader at window boundaries, and the refusal of remote contexts (no database)."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

import vocab
from hub.services.errors import Problem
from hub.services.imports import json_stream
from hub.services.imports.columns import read_header, template_columns
from hub.services.imports.contexts import classify_context
from hub.services.imports.json_stream import GraphItem, JsonSyntaxError, Member, top_level
from hub.services.imports.tabular import cell_text, csv_rows, xlsx_rows
from hub.settings import Settings

SETTINGS = Settings(base_url="http://hub.test")


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (8752401.0, "8752401"),  # a registry number Excel stored as a number
        (101134702, "101134702"),
        (45.2551, "45.2551"),
        (date(2012, 3, 1), "2012-03-01"),
        (datetime(2012, 3, 1), "2012-03-01"),
        (datetime(2012, 3, 1, 9, 30), "2012-03-01T09:30:00"),
        (time(9, 30), "09:30:00"),
        (True, "true"),
        ("  sme ", "  sme "),
    ],
)
def test_spreadsheet_cells_read_as_typed(cell: Any, text: str) -> None:
    assert cell_text(cell) == text


def test_xlsx_rows_come_from_the_first_sheet_as_text(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["key", "registry_number", "founding_date", "member_since", "latitude"])
    sheet.append(["acme", 8752401, 2011, datetime(2012, 3, 1), 45.2551])
    workbook.create_sheet("Notes").append(["not", "read"])
    workbook.save(tmp_path / "members.xlsx")
    with (tmp_path / "members.xlsx").open("rb") as stream:
        assert list(xlsx_rows(stream)) == [
            (1, ["key", "registry_number", "founding_date", "member_since", "latitude"]),
            (2, ["acme", "8752401", "2011", "2012-03-01", "45.2551"]),
        ]


def test_csv_with_a_bom_and_semicolons_as_excel_writes_it() -> None:
    body = '\ufeffkey;name;organisation_type\r\nacme;Acme;"sme; start-up"\r\n'.encode()
    assert list(csv_rows(io.BytesIO(body))) == [
        (1, ["key", "name", "organisation_type"]),
        (2, ["acme", "Acme", "sme; start-up"]),
    ]


def test_csv_records_are_numbered_as_rows_even_across_lines() -> None:
    body = b'key,description\nacme,"two\nlines"\nbeta,one\n'
    assert [item[0] for item in csv_rows(io.BytesIO(body)) if not isinstance(item, Problem)] == [
        1,
        2,
        3,
    ]


def test_header_names_are_case_insensitive_and_default_their_language() -> None:
    header, problems = read_header(["Key", "NAME", "Legal_Name@SR-LATN", " vat "], "en")
    assert problems == []
    assert header.plain["key"].index == 0 and header.plain["vat"].index == 3
    assert [(c.title, c.language) for c in header.texts["name"]] == [("NAME", "en")]
    assert [(c.title, c.language) for c in header.texts["legal_name"]] == [
        ("Legal_Name@SR-LATN", "sr-Latn")
    ]


def test_the_template_header_is_a_valid_header_with_every_documented_column() -> None:
    header, problems = read_header(template_columns(), "sr-Latn")
    assert problems == []
    documented = (vocab.VOCAB_DIR / "templates" / "COLUMNS.md").read_text()
    for name in {*header.plain, *header.texts}:
        assert f"`{name}" in documented, name


def items(text: str) -> list[Any]:
    return list(top_level(io.BytesIO(text.encode())))


def test_json_stream_reads_members_and_graph_items_with_their_lines() -> None:
    assert items(
        '{"@context": "c",\n "@graph": [\n {"a": 1},\n {"b": [1, 2]}\n ],\n "x": null}'
    ) == [
        Member("@context", "c"),
        GraphItem(1, 3, {"a": 1}),
        GraphItem(2, 4, {"b": [1, 2]}),
        Member("x", None),
    ]


def test_json_stream_reads_values_cut_by_its_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_stream, "_WINDOW", 5)
    text = '{"@graph": [123456789, "a long string", {"k": [1.5, true]}], "n": 42}'
    assert items(text) == [
        GraphItem(1, 1, 123456789),
        GraphItem(2, 1, "a long string"),
        GraphItem(3, 1, {"k": [1.5, True]}),
        Member("n", 42),
    ]


@pytest.mark.parametrize("window", [3, 5, 8, 64, 1 << 20])
def test_json_stream_gives_graph_items_as_their_exact_text(
    monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    monkeypatch.setattr(json_stream, "_WINDOW", window)
    deep = '{"d": ' + "[" * 12 + "1" + "]" * 12 + "}"  # deeper than _NODE delimits
    graph = [
        '{"k": [1.5, true], "s": "} ] { [ \\" \\\\"}',
        "123456789",
        '{"x": tru, "y": {"z": 1}}',  # malformed: its text still comes, for its reader
        deep,
        '"a long string"',
        '{"last": null}',
    ]
    text = '{"@graph": [' + ",\n ".join(graph) + '], "n": 42}'
    found = list(top_level(io.BytesIO(text.encode()), graph_text=True))
    assert found == [
        *(GraphItem(n, n, item) for n, item in enumerate(graph, start=1)),
        Member("n", 42),
    ]


@pytest.mark.parametrize("window", [4, 1 << 20])
def test_json_stream_names_the_line_of_a_graph_item_cut_short(
    monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    monkeypatch.setattr(json_stream, "_WINDOW", window)
    text = '{"@graph": [1,\n {"a": "b"},\n {"x": [1, 2,\n 3'
    with pytest.raises(JsonSyntaxError) as raised:
        list(top_level(io.BytesIO(text.encode()), graph_text=True))
    assert (str(raised.value), raised.value.line) == ("malformed JSON: Expecting ',' delimiter", 4)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("[1, 2]", "expected a JSON object ('{') at the start of the file, found '['", 1),
        ('{"a": 1,\n "b": }', "malformed JSON: Expecting value", 2),
        ('{"@graph": [1\n 2]}', "expected ',' or ']' between @graph items, found '2'", 2),
        ('{"a": 1}\n{}', "extra text after the top-level object", 2),
        ('{"a": "\xe9', "malformed JSON: Unterminated string starting at", 1),
    ],
)
def test_json_stream_names_the_line_of_a_syntax_error(text: str, message: str, line: int) -> None:
    with pytest.raises(JsonSyntaxError) as raised:
        items(text)
    assert (str(raised.value), raised.value.line) == (message, line)


def test_json_stream_refuses_bytes_that_are_not_utf8() -> None:
    with pytest.raises(JsonSyntaxError, match="not UTF-8"):
        list(top_level(io.BytesIO(b'{"a": "\xe8"}')))


@pytest.mark.parametrize(
    "context",
    [None, vocab.CONTEXT_URL, [vocab.CONTEXT_URL], "http://hub.test/vocab/context.jsonld"],
)
def test_our_context_by_url_takes_the_fast_path(context: Any) -> None:
    assert classify_context(context, SETTINGS) == "ours"


def test_inline_contexts_go_through_rdflib() -> None:
    assert classify_context({"org": "http://www.w3.org/ns/org#"}, SETTINGS) == "inline"
    assert classify_context([vocab.CONTEXT_URL, {"x": "http://x/"}], SETTINGS) == "inline"


def test_every_remote_context_reference_is_named() -> None:
    context = [
        "https://a.example/c",
        {
            "@import": "https://b.example/c",
            "t": {"@id": "http://x/t", "@context": ["https://c.example/c"]},
        },
    ]
    problems = classify_context(context, SETTINGS)
    assert isinstance(problems, list)
    assert [problem.message.split(" (never")[0] for problem in problems] == [
        "@context.0 names the remote context 'https://a.example/c'",
        "@context.1.@import imports 'https://b.example/c'",
        "@context.1.t.@context.0 names the remote context 'https://c.example/c'",
    ]
