"""The committed JSON Schemas (`schemas/json/`) are what the models produce, and they agree
with the models on the documents both can judge."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from pydantic import ValidationError

from schemas import KINDS, entity_model
from schemas.jsonschema import DIALECT, FILE_NAMES, JSON_DIR, main, schema_path, schema_text
from tests.support import samples

Doc = dict[str, Any]


def validator(kind: str) -> Draft202012Validator:
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_there_is_one_file_per_entity_kind_and_no_other() -> None:
    assert set(FILE_NAMES) == set(KINDS)
    assert sorted(p.name for p in JSON_DIR.glob("*.json")) == sorted(
        f"{name}.schema.json" for name in FILE_NAMES.values()
    )


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_is_what_the_models_produce(kind: str) -> None:
    """Run `python -m schemas.jsonschema` after changing a model."""
    assert schema_path(kind).read_text(encoding="utf-8") == schema_text(kind)


def test_the_check_mode_reports_nothing_stale(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schemas_are_valid_draft_2020_12_with_terms_as_keys(kind: str) -> None:
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT
    assert schema["additionalProperties"] is False
    assert "id" in schema["required"]
    assert all(not key.count("_") for key in schema["properties"])  # camelCase terms, by alias


@pytest.mark.parametrize("sample", samples.samples(), ids=lambda s: s.name)
def test_every_sample_is_valid_against_its_schema(sample: samples.Sample) -> None:
    assert list(validator(sample.kind).iter_errors(sample.doc)) == []


@pytest.mark.parametrize("sample", samples.samples(), ids=lambda s: s.name)
def test_a_document_as_served_with_its_context_is_valid(sample: samples.Sample) -> None:
    """What `GET /id/{kind}/{key}.jsonld` answers: the document under our context's URL."""
    served = {"@context": "https://w3id.org/clusterhub/context/0.1.jsonld", **sample.doc}
    assert list(validator(sample.kind).iter_errors(served)) == []
    assert list(validator(sample.kind).iter_errors({**served, "@context": 7})) != []


def _set(*path: Any, value: Any) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        target = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    return mutate


# Documents the models refuse for reasons JSON Schema can state: the schema refuses them too.
REFUSED: list[tuple[str, str, Callable[[], Doc], Callable[[Doc], None]]] = [
    ("unknown-key", "organisations", samples.member_organisation, _set("colour", value="red")),
    ("lei-pattern", "organisations", samples.member_organisation, _set("leiCode", value="ABC")),
    ("vat-pattern", "organisations", samples.member_organisation, _set("vatID", value="123")),
    ("latitude", "organisations", samples.member_organisation,
     _set("address", "geo", "latitude", value=95.0)),
    ("negative-count", "organisations", samples.member_organisation,
     _set("numberOfEmployees", "value", value=-3)),
    ("part-unknown-key", "organisations", samples.member_organisation,
     _set("address", "street", value="Main St")),
    ("wrong-part-type", "organisations", samples.member_organisation,
     _set("address", "type", value="Place")),
    ("email", "organisations", samples.member_organisation,
     _set("contactPoint", 0, "email", value="nobody")),
    ("date-format", "memberships", samples.membership, _set("startDate", value="01.03.2015")),
    ("no-member", "memberships", samples.membership, lambda d: d.pop("member")),
    ("event-without-name", "events", samples.event, lambda d: d.pop("name")),
    ("event-without-start", "events", samples.event, lambda d: d.pop("startDate")),
    ("currency", "projects", samples.project, _set("totalCost", "currency", value="euro")),
    ("negative-amount", "projects", samples.project, _set("totalCost", "value", value=-1)),
]


@pytest.mark.parametrize(("case", "kind", "build", "mutate"), REFUSED, ids=[r[0] for r in REFUSED])
def test_what_the_models_refuse_the_schema_refuses(
    case: str, kind: str, build: Callable[[], Doc], mutate: Callable[[Doc], None]
) -> None:
    doc = build()
    mutate(doc)
    with pytest.raises(ValidationError):
        entity_model(kind).model_validate(doc)
    assert list(validator(kind).iter_errors(doc)) != []
