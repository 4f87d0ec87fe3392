"""`clusterhub check-data` and `clusterhub import` on RDF with problems a graph alone hides:
JSON-LD keys no context defines, ill-typed literals (reported, not logged as tracebacks), and
Turtle entities located at their lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

import vocab
from hub.settings import Settings
from tests.cli.test_check import ACME, check, write
from tests.cli.test_data import run
from tests.support import samples
from tests.web.test_import import store

DATE_TURTLE = f"""@prefix legal: <http://www.w3.org/ns/legal#> .
@prefix schema: <http://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<{ACME}> a <http://www.w3.org/ns/org#Organization> ;
    legal:legalName "Acme"@en ;
    schema:foundingDate "2011-02-30"^^xsd:date .
"""


@pytest.mark.parametrize("context", [None, vocab.CONTEXT_URL], ids=["absent", "ours"])
def test_check_data_reports_keys_no_context_defines(tmp_path: Path, context: str | None) -> None:
    doc = {
        "id": ACME,
        "type": samples.ORGANISATION_TYPES,
        "legalName": {"en": "Acme"},
        "colour": "red",
        "vatId": "RS101134702",
    }
    document = doc if context is None else {"@context": context, "@graph": [doc]}
    result = check(write(tmp_path, "acme.jsonld", json.dumps(document)), "--no-code-lists")
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    refused = "JSON-LD drops the key, and import refuses it."
    assert [line for line in lines if line.startswith("Violation")] == [
        f"Violation: <{ACME}> colour: 'colour' is not a term of the clusterhub vocabulary: "
        + refused,
        f"Violation: <{ACME}> vatId: 'vatId' is not a term of the clusterhub vocabulary: "
        + refused,
    ]
    assert lines[-1].endswith(
        ": 3 triples, 2 violation(s), 4 warning(s), 0 info(s): does not conform"
    )


def test_check_data_reports_an_invalid_date_without_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    result = check(write(tmp_path, "acme.ttl", DATE_TURTLE), "--no-code-lists")
    assert (result.exit_code, result.stderr) == (1, "")
    assert [line for line in result.stdout.splitlines() if line.startswith("Violation")] == [
        f"Violation: <{ACME}> schema:foundingDate: foundingDate must be one xsd:date"
        " (foundingDate) or xsd:gYear (foundingYear)."
        ' (value "2011-02-30"^^<http://www.w3.org/2001/XMLSchema#date>)'
    ]
    assert caplog.records == []


def test_import_of_turtle_prints_every_problem_with_its_line_and_no_traceback(
    settings: Settings, engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    acme = f"{settings.base_url}/id/organisations/acme"
    path = tmp_path / "acme.ttl"
    path.write_text(
        DATE_TURTLE.replace(ACME, acme).replace(
            '"2011-02-30"^^xsd:date .', '"2011-02-30"^^xsd:date ;\n    schema:colour "red" .'
        )
        + '<id/organisations/dunav-soft> legal:legalName "Dunav Soft"@en .\n'
    )
    before = store(engine)
    result = run(settings, "import", str(path))
    assert (result.exit_code, result.stderr) == (
        1,
        "the file cannot be imported:\n"
        f"  line 5, {acme}, schema:colour: property <http://schema.org/colour> with value"
        ' "red" is not part of the vocabulary\n'
        f"  line 5, {acme}, foundingDate: '2011-02-30' is not a calendar date (day is out of"
        " range for month)\n"
        f"  line 9, {settings.base_url}/id/organisations/dunav-soft, type:"
        f" <{settings.base_url}/id/organisations/dunav-soft> has no rdf:type: cannot tell what"
        " kind of entity it is\n",
    )
    assert caplog.records == []
    assert store(engine) == before
