"""The member-list mapper on its own (no database): what a header lacks, positional columns,
the order and ownership of a row's problems, and the row checks of a chunk."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from hub.services.concepts import shipped_concepts
from hub.services.errors import Problem
from hub.services.imports import cells, tabular
from hub.services.imports.columns import read_header, template_columns
from hub.services.imports.entries import Entry
from hub.services.imports.member_rows import MemberListTarget, MemberRows
from hub.services.imports.resolver import ConceptResolver
from schemas.entity import KEY_RULE
from tests.support import members

TARGET = MemberListTarget("http://hub.test", "vojvodina-ict")


def _mapper(titles: list[str], target: MemberListTarget = TARGET) -> MemberRows:
    header, _ = read_header(titles, "en")
    return MemberRows(header, target, ConceptResolver(shipped_concepts()))


def _map(
    titles: list[str], cells_: list[str], target: MemberListTarget = TARGET
) -> tuple[list[Entry], list[Problem]]:
    return _mapper(titles, target).entries(7, cells_)


def _docs(entries: list[Entry]) -> list[tuple[str, str, str, frozenset[str]]]:
    """What an entry holds, its document as JSON (term order matters)."""
    return [(e.kind, e.key, json.dumps(e.doc), e.reported) for e in entries]


def _messages(problems: list[Problem]) -> list[tuple[str | None, str]]:
    return [(p.field, p.message) for p in problems]


def test_a_header_without_optional_columns_maps_as_one_with_them_empty() -> None:
    """Absent columns read as empty cells: the same documents, the same problems."""
    full = template_columns()
    short = members.COLUMNS
    assert set(short) < set(full)
    wide, narrow = _mapper(full), _mapper(short)
    for number, member in enumerate(members.generate(50), start=2):
        values = dict(zip(short, members.row(member), strict=True))
        in_full = [values.get(title, "") for title in full]
        found_wide, problems_wide = wide.entries(number, in_full)
        found_narrow, problems_narrow = narrow.entries(number, members.row(member))
        assert _docs(found_wide) == _docs(found_narrow)
        assert problems_wide == problems_narrow == []


def test_an_absent_column_is_named_as_the_contract_names_it_and_reported_last() -> None:
    found, problems = _map(["key", "name", "latitude", "vat"], ["acme", "Acme", "45.1", "1"])
    assert _messages(problems) == [
        ("vat", "'1' needs its country prefix (for example RS101134702)"),
        ("longitude", "give both latitude and longitude, or neither"),
    ]
    organisation, membership = found
    assert organisation.reported == {"vat", "longitude"} and membership.reported == set()
    assert "address" not in organisation.doc


def test_a_row_without_problems_maps_to_both_documents() -> None:
    titles = ["key", "name@sr-Cyrl", "name@en", "organisation_type", "cluster", "member_since"]
    found, problems = _map(titles, [" acme ", "Акме", "Acme", "SME; sme", "", "2012-03-01"])
    assert problems == []
    assert _docs(found) == [
        (
            "organisations",
            "acme",
            json.dumps(
                {
                    "id": "http://hub.test/id/organisations/acme",
                    "prefLabel": {"sr-Cyrl": "Акме", "en": "Acme"},
                    "classification": ["orgtype:sme"],
                }
            ),
            frozenset(),
        ),
        (
            "memberships",
            "acme-in-vojvodina-ict",
            json.dumps(
                {
                    "id": "http://hub.test/id/memberships/acme-in-vojvodina-ict",
                    "member": "http://hub.test/id/organisations/acme",
                    "organization": "http://hub.test/id/organisations/vojvodina-ict",
                    "role": "mrole:full-member",
                    "startDate": "2012-03-01",
                }
            ),
            frozenset(),
        ),
    ]
    assert found[0].field_names("organisations", "prefLabel.en") == "name@en"


def test_problems_come_in_column_order_and_belong_to_their_document() -> None:
    titles = ["member_since", "key", "employees", "name", "cluster"]
    found, problems = _map(titles, ["2024-02-30", "acme", "9-1", "", "other"])
    assert _messages(problems) == [
        ("member_since", "'2024-02-30' is not a calendar date"),
        ("employees", "'9-1': the range starts above its end"),
        ("name", "a member needs a legal_name or a name"),
    ]
    organisation, membership = found
    assert organisation.reported == {"employees", "name"}
    assert membership.reported == {"member_since"}
    assert membership.doc["organization"] == "http://hub.test/id/organisations/other"


def test_a_row_without_a_key_gives_only_its_problems() -> None:
    found, problems = _map(["key", "name", "cluster"], ["bad key", "", "vojvodina ict"])
    assert found == []
    assert _messages(problems) == [
        ("key", f"'bad key' is not a key ({KEY_RULE})"),
        ("name", "a member needs a legal_name or a name"),
        ("cluster", "'vojvodina ict' is not a key of a cluster organisation"),
    ]


@pytest.mark.parametrize(
    ("cluster", "target", "problem"),
    [
        ("", MemberListTarget("http://hub.test", "bad cluster"), "cluster"),
        ("acme", TARGET, "key"),
        ("other", MemberListTarget("http://hub.test", "vojvodina-ict", True), "cluster"),
        ("vojvodina-ict", MemberListTarget("http://hub.test", "vojvodina-ict", True), None),
    ],
)
def test_the_cluster_of_a_row(cluster: str, target: MemberListTarget, problem: str | None) -> None:
    _, problems = _map(["key", "name", "cluster"], ["acme", "Acme", cluster], target)
    assert [p.field for p in problems] == ([problem] if problem else [])


@pytest.mark.parametrize(
    ("english", "serbian", "offers", "problems"),
    [
        ("Hosting", "", [{"en": "Hosting"}], []),
        (
            "Hosting; Audits",
            "Hosting; Auditi",
            [{"en": "Hosting", "sr-Latn": "Hosting"}, {"en": "Audits", "sr-Latn": "Auditi"}],
            [],
        ),
        (
            "a;;c",
            "x; ;z",
            [{"en": "a", "sr-Latn": "x"}, {"en": "c", "sr-Latn": "z"}],
            ["item 2 of offers is empty"],
        ),
        ("a; ", "; b", [{"en": "a"}, {"sr-Latn": "b"}], []),
        (
            "a; b",
            "c",
            None,
            [
                "the offers columns list different numbers of items: give the"
                " same items in each language, separated by ';'"
            ],
        ),
        (";", "", None, ["item 1 of offers is empty", "item 2 of offers is empty"]),
        ("", " ", None, []),
    ],
)
def test_offers_pair_by_position_across_languages(
    english: str, serbian: str, offers: list[dict[str, str]] | None, problems: list[str]
) -> None:
    found, reported = _map(
        ["key", "name", "offers@en", "offers@sr-Latn"], ["acme", "Acme", english, serbian]
    )
    made = found[0].doc.get("makesOffer")
    assert made == (None if offers is None else [{"itemOffered": {"name": o}} for o in offers])
    assert [p.message for p in reported] == problems


def test_documents_share_no_lists_though_concept_cells_are_cached() -> None:
    mapper = _mapper(["key", "name", "sectors"])
    first, _ = mapper.entries(2, ["a", "A", "business-services"])
    second, _ = mapper.entries(3, ["b", "B", "business-services"])
    first[0].doc["sectoralIndustry"].append("changed")
    assert second[0].doc["sectoralIndustry"] == ["sector:business-services"]
    third, _ = mapper.entries(4, ["c", "C", "business-services"])
    assert third[0].doc["sectoralIndustry"] == ["sector:business-services"]


@pytest.mark.parametrize(
    ("text", "vat"),
    [("rs 101-134-702", "RS101134702"), ("RS.101/134 702", "RS101134702"), ("rs1x", "RS1X")],
)
def test_vat_numbers_lose_their_separators(text: str, vat: str) -> None:
    assert cells.vat_number(text) == vat


def test_coordinates_take_their_limits() -> None:
    assert cells.latitude("45,25") == 45.25 and cells.longitude("-180") == -180
    with pytest.raises(cells.CellError, match=r"latitude 91 is outside -90\.\.90"):
        cells.latitude("91")
    with pytest.raises(cells.CellError, match=r"longitude 181 is outside -180\.\.180"):
        cells.longitude("181")


def _chunk_items(titles: list[str], rows: list[list[str]]) -> list[Any]:
    tabular._mapper.cache_clear()
    chunk = tabular.MemberRowsChunk(
        tuple(titles), "en", TARGET, [(n, r) for n, r in enumerate(rows, start=2)]
    )
    return [
        (item.kind, item.key) if isinstance(item, Entry) else (item.row, item.message)
        for item in chunk.entries()
    ]


def test_a_chunk_checks_rows_before_mapping_them() -> None:
    titles = ["key", "name"]
    rows = [
        ["a", "A", "", "  "],  # blank cells past the header: padding
        ["b", "B", "junk"],
        ["c"],
        [" ", ""],  # a blank row
        ["d", "bad \udcff byte"],  # what csv_rows makes of a byte that is not UTF-8
        ["e", "lone \ud800 surrogate"],  # a surrogate no undecodable byte becomes
    ]
    assert _chunk_items(titles, rows) == [
        ("organisations", "a"),
        ("memberships", "a-in-vojvodina-ict"),
        (3, "the row has 3 cells where the header has 2"),
        (4, "the row has 1 cells where the header has 2"),
        (6, "the row is not UTF-8 text (byte 0xFF): save the file as UTF-8 CSV"),
        ("organisations", "e"),
        ("memberships", "e-in-vojvodina-ict"),
    ]


def test_a_chunk_of_generated_members_maps_every_row() -> None:
    buffer = io.StringIO()
    members.write_csv(buffer, 30)
    rows = list(tabular.csv_rows(io.BytesIO(buffer.getvalue().encode())))
    chunks = list(tabular.member_list(iter(rows), TARGET, "en"))
    items = [item for chunk in chunks for item in chunk.entries()]
    assert all(isinstance(item, Entry) for item in items)
    assert len(items) == 60
