"""The demo data (`deployments/demo/data/`): what the generator writes, and what the import
service and the shipped vocabularies make of it."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import cyrtranslit
import pytest
import rdflib
from stdnum import lei
from stdnum.rs import pib

import vocab
from hub.cli.demo import (
    CLUSTER_KEY,
    DATA_BASE_URL,
    DEFAULT_DATA,
    DEMO_FILES,
    import_demo_file,
    rebased,
)
from hub.linked_data.render import turtle_documents
from hub.linked_data.shacl import validate_graph
from hub.services.concepts import shipped_concepts
from hub.services.entities import read_entity
from hub.services.imports.columns import template_columns
from hub.services.records import load_document
from hub.settings import Settings
from hub.storage.engine import database_engine
from hub.storage.schema import upgrade
from schemas.iris import CODE_LISTS

DEMO = DEFAULT_DATA.parent
GRAPH = DEFAULT_DATA / "cluster.jsonld"
MEMBERS = DEFAULT_DATA / "members.csv"

# Member-list concept columns -> the code lists their values must come from. NACE codes are
# Rev. 2.1 only: the demo should not mix revisions.
CONCEPT_COLUMNS = {
    "organisation_type": "orgtype",
    "nace": "nace21",
    "sectors": "sector",
    "emerging_industries": "emerging",
    "ecosystems": "ecosystem",
    "technology_fields": "techfield",
    "languages": "lang",
    "export_markets": "country",
    "country": "country",
    "nuts": "nuts",
    "membership_role": "mrole",
}


def member_rows() -> list[dict[str, str]]:
    with MEMBERS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def graph_nodes() -> list[dict[str, Any]]:
    document = json.loads(GRAPH.read_text(encoding="utf-8"))
    assert document["@context"] == vocab.CONTEXT_URL
    nodes: list[dict[str, Any]] = document["@graph"]
    return nodes


def compact_values(value: Any) -> list[str]:
    """Every string of a document that is a compact concept IRI (`orgtype:sme`)."""
    if isinstance(value, dict):
        return [found for item in value.values() for found in compact_values(item)]
    if isinstance(value, list):
        return [found for item in value for found in compact_values(item)]
    if isinstance(value, str) and value.partition(":")[0] in CODE_LISTS:
        return [value]
    return []


def test_the_committed_data_is_what_the_generator_writes(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(DEMO / "generate.py"), "--output", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in ("cluster.jsonld", "members.csv"):
        assert (tmp_path / name).read_bytes() == (DEFAULT_DATA / name).read_bytes(), (
            f"{name} is stale: run `python deployments/demo/generate.py` and commit the result"
        )


def test_the_member_list_has_the_template_columns_and_about_300_members() -> None:
    with MEMBERS.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == template_columns()
    rows = member_rows()
    assert 280 <= len(rows) <= 320
    assert len({row["key"] for row in rows}) == len(rows)
    assert {row["cluster"] for row in rows} == {CLUSTER_KEY}


def test_names_are_given_in_serbian_latin_and_cyrillic_that_transliterate_exactly() -> None:
    latin_letters = re.compile("[A-Za-zČčĆćŠšŽžĐđ]")
    for row in member_rows():
        for column in ("legal_name", "name", "description"):
            latin, cyrillic = row[f"{column}@sr-Latn"], row[f"{column}@sr-Cyrl"]
            assert latin and cyrillic, (row["key"], column)
            assert not latin_letters.search(cyrillic), (row["key"], cyrillic)
            assert cyrtranslit.to_latin(cyrillic, "sr") == latin, (row["key"], column)


def test_identifiers_have_valid_check_digits_and_are_unique() -> None:
    rows = member_rows()
    vats = [row["vat"] for row in rows]
    cluster_vat = graph_nodes()[0]["vatID"]
    assert all(vat.startswith("RS") and pib.is_valid(vat[2:]) for vat in [*vats, cluster_vat])
    assert len(set(vats) | {cluster_vat}) == len(rows) + 1
    leis = [row["lei"] for row in rows if row["lei"]]
    assert leis and all(lei.is_valid(code) for code in leis)
    assert all(re.fullmatch(r"\d{8}", row["registry_number"]) for row in rows)


def test_every_concept_of_the_member_list_is_shipped() -> None:
    concepts = shipped_concepts()
    unknown = [
        (row["key"], column, value)
        for row in member_rows()
        for column, code_list in CONCEPT_COLUMNS.items()
        for value in filter(None, (v.strip() for v in row[column].split(";")))
        if concepts.resolve(value, [code_list]) is None
    ]
    assert unknown == []


def test_every_concept_of_the_cluster_graph_is_shipped() -> None:
    concepts = shipped_concepts()
    used = {value for node in graph_nodes() for value in compact_values(node)}
    assert {"label:silver", "nuts:RS12", "euprog:TERRCOOP", "prole:coordinator"} <= used
    assert sorted(value for value in used if not concepts.known(value)) == []


def test_the_cluster_profile_counts_its_active_members() -> None:
    cluster = graph_nodes()[0]
    assert cluster["id"] == f"{DATA_BASE_URL}/id/organisations/{CLUSTER_KEY}"
    active = [row for row in member_rows() if not row["member_until"]]
    assert sum(count["value"] for count in cluster["composition"]) == len(active)
    universities = sum("university" in row["organisation_type"] for row in active)
    assert {"value": universities, "valueReference": "orgtype:university"} in cluster["composition"]


def test_the_demo_data_imports_without_a_problem_and_again_changes_nothing(database: str) -> None:
    settings = Settings(base_url=DATA_BASE_URL, database_url=database, cluster_key=CLUSTER_KEY)
    engine = database_engine(database)
    upgrade(engine)
    entities = {"cluster.jsonld": len(graph_nodes()), "members.csv": 2 * len(member_rows())}
    try:
        first = [import_demo_file(engine, settings, DEFAULT_DATA, f) for f in DEMO_FILES]
        again = [import_demo_file(engine, settings, DEFAULT_DATA, f) for f in DEMO_FILES]
    finally:
        engine.dispose()
    for demo_file, report in zip(DEMO_FILES, first, strict=True):
        count = entities[demo_file.name]
        assert (report.entities, report.created, report.deleted) == (count, count, 0)
    for demo_file, report in zip(DEMO_FILES, again, strict=True):
        count = entities[demo_file.name]
        changes = (report.created, report.updated, report.unchanged, report.deleted)
        assert changes == (0, 0, count, 0)


@pytest.mark.parametrize("port", [8000, 8765])
def test_the_demo_graph_moves_to_the_demo_address(port: int) -> None:
    moved = json.loads(rebased(GRAPH.read_bytes(), f"http://127.0.0.1:{port}"))
    ids = [node["id"] for node in moved["@graph"]]
    assert all(iri.startswith(f"http://127.0.0.1:{port}/id/") for iri in ids)
    assert moved["@graph"][-1]["member"].startswith(f"http://127.0.0.1:{port}/id/organisations/")


def test_what_the_demo_node_publishes_conforms_to_the_shapes_without_warnings(
    tmp_path: Path,
) -> None:
    """Every entity of cluster.jsonld, and every tenth member with its membership (the whole
    list takes SHACL a quarter of a minute), rendered as the node serves them."""
    database = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    settings = Settings(base_url=DATA_BASE_URL, database_url=database, cluster_key=CLUSTER_KEY)
    engine = database_engine(database)
    upgrade(engine)
    prefix = f"{DATA_BASE_URL}/id/"
    addresses = [node["id"].removeprefix(prefix).split("/") for node in graph_nodes()]
    for key in [row["key"] for row in member_rows()[::10]]:
        addresses += [["organisations", key], ["memberships", f"{key}-in-{CLUSTER_KEY}"]]
    try:
        for demo_file in DEMO_FILES:
            import_demo_file(engine, settings, DEFAULT_DATA, demo_file)
        docs = [load_document(read_entity(engine, kind=k, key=key).doc) for k, key in addresses]
    finally:
        engine.dispose()
    graph = rdflib.Graph().parse(data=turtle_documents(docs), format="turtle")
    report = validate_graph(graph)
    assert [(r.focus_node, r.path, r.message) for r in report.violations + report.warnings] == []
