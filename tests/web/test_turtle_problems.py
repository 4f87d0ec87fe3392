"""`POST /import` of Turtle: every problem of every entity in one answer, each at the line where
its entity is written, subjects of no kind refused, and nothing written."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.client import AppClient
from tests.web.test_import import BASE, TURTLE, post, report
from tests.web.test_import_problems import refused as refused_import

PREFIXES = [
    "@prefix org: <http://www.w3.org/ns/org#> .",
    "@prefix legal: <http://www.w3.org/ns/legal#> .",
    "@prefix schema: <http://schema.org/> .",
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
]
ACME = f"{BASE}/id/organisations/acme"
BETA = f"{BASE}/id/organisations/beta"
VAT = "'RS105938201' is not a valid VAT number: The number's checksum or check digit is invalid."


def turtle(*lines: str) -> bytes:
    return "\n".join([*PREFIXES, *lines, ""]).encode()


def refused(client: AppClient, body: bytes, **params: str) -> list[dict[str, Any]]:
    return refused_import(client, body, TURTLE, **params)


@pytest.mark.usefixtures("stored_members")
def test_terms_outside_the_vocabulary_hide_no_other_problem(client: AppClient) -> None:
    body = turtle(
        "<id/organisations/acme> a org:Organization ;",  # line 5
        '    legal:legalName "Acme"@en ;',
        '    schema:colour "red" ;',
        "    org:hasSite <id/sites/novi-sad> ;",
        '    schema:foundingDate "2011-02-30"^^xsd:date ;',
        '    schema:vatID "RS105938201" ;',
        '    schema:leiCode "549300DUNAVSOFT00128" .',
        "",
        "<id/organisations/beta> a org:Organization ;",  # line 13
        '    schema:colour "blue" .',
    )
    assert refused(client, body) == [
        {
            "message": 'property <http://schema.org/colour> with value "red" is not part of the'
            " vocabulary",
            "field": "schema:colour",
            "line": 5,
            "entity": ACME,
        },
        {
            "message": f"property <http://www.w3.org/ns/org#hasSite> with value <{BASE}/id/sites/"
            "novi-sad> is not part of the vocabulary",
            "field": "org:hasSite",
            "line": 5,
            "entity": ACME,
        },
        {
            "message": "'2011-02-30' is not a calendar date (day is out of range for month)",
            "field": "foundingDate",
            "line": 5,
            "entity": ACME,
        },
        {"message": VAT, "field": "vatID", "line": 5, "entity": ACME},
        {
            "message": "'549300DUNAVSOFT00128' is not a valid LEI: The number's checksum or check"
            " digit is invalid.",
            "field": "leiCode",
            "line": 5,
            "entity": ACME,
        },
        {
            "message": 'property <http://schema.org/colour> with value "blue" is not part of the'
            " vocabulary",
            "field": "schema:colour",
            "line": 13,
            "entity": BETA,
        },
        {"message": "an organisation needs a legalName or a prefLabel", "line": 13, "entity": BETA},
    ]


@pytest.mark.usefixtures("stored_members")
def test_a_property_outside_the_vocabulary_in_a_part_is_named_by_its_path(
    client: AppClient,
) -> None:
    body = turtle(
        "@prefix ex: <http://example.org/terms#> .",
        "<id/organisations/acme> a org:Organization ;",  # line 6
        '    legal:legalName "Acme"@en ;',
        "    <http://www.w3.org/ns/locn#address> <id/organisations/acme#address> .",
        '<id/organisations/acme#address> ex:shade "green" .',
    )
    assert refused(client, body) == [
        {
            "message": 'property <http://example.org/terms#shade> with value "green" is not part'
            " of the vocabulary",
            "field": "address.ex:shade",
            "line": 6,
            "entity": ACME,
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_each_problem_is_at_the_line_where_its_entity_is_first_written(
    client: AppClient,
) -> None:
    body = turtle(
        "# members, newest first",  # line 5
        "@base <http://hub.test/id/> .",
        "<organisations/zeta>",  # line 7: the subject on a line of its own
        "    a org:Organization ;",
        '    legal:legalName """Zeta',
        '        d.o.o."""@en ;',
        '    schema:vatID "RS105938201" .',
        "@prefix o: <organisations/> .",
        'o:alpha a org:Organization ; # a comment with a quote: "',  # line 13
        '    legal:legalName "Alpha"@en .',
        "",
        'o:zeta schema:leiCode "549300DUNAVSOFT00128" .',  # zeta again: its first line counts
        "o:alpha schema:vatID 'RS105938201' .",
    )
    zeta, alpha = f"{BASE}/id/organisations/zeta", f"{BASE}/id/organisations/alpha"
    assert refused(client, body) == [
        {"message": VAT, "field": "vatID", "line": 7, "entity": zeta},
        {
            "message": "'549300DUNAVSOFT00128' is not a valid LEI: The number's checksum or check"
            " digit is invalid.",
            "field": "leiCode",
            "line": 7,
            "entity": zeta,
        },
        {"message": VAT, "field": "vatID", "line": 13, "entity": alpha},
    ]


@pytest.mark.usefixtures("stored_members")
@pytest.mark.parametrize("mode", ["merge", "replace"])
def test_subjects_without_a_type_are_refused(client: AppClient, mode: str) -> None:
    body = turtle(
        "<id/organisations/acme> a org:Organization ;",  # line 5
        '    legal:legalName "Acme"@en ;',
        "    <http://www.w3.org/ns/locn#address> <id/organisations/acme#address> .",
        '<id/organisations/acme#address> <http://www.w3.org/ns/locn#postName> "Novi Sad" .',
        "",
        '<id/organisations/dunav-soft> legal:legalName "Dunav Soft"@en .',  # line 10
        '<id/events/devfest> schema:name "DevFest"@en .',
        '[] schema:name "Nobody"@en .',  # line 12
    )
    errors = refused(client, body, mode=mode)
    blank = errors[2].pop("entity")
    untyped = "has no rdf:type: cannot tell what kind of entity it is"
    assert errors == [
        {
            "message": f"<{BASE}/id/organisations/dunav-soft> {untyped}",
            "field": "type",
            "line": 10,
            "entity": f"{BASE}/id/organisations/dunav-soft",
        },
        {
            "message": f"<{BASE}/id/events/devfest> {untyped}",
            "field": "type",
            "line": 11,
            "entity": f"{BASE}/id/events/devfest",
        },
        {"message": f"{blank} {untyped}", "field": "type", "line": 12},
    ]
    assert blank.startswith("_:")


@pytest.mark.usefixtures("stored_members")
def test_subjects_of_a_class_that_is_no_entity_are_refused(client: AppClient) -> None:
    body = turtle(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "<id/organisations/acme> a org:Organization ;",
        '    legal:legalName "Acme"@en .',
        '<id/concepts/fintech> a skos:Concept ; skos:prefLabel "Fintech"@en .',  # line 8
    )
    assert refused(client, body) == [
        {
            "message": f"<{BASE}/id/concepts/fintech> is a skos:Concept: no kind of entity this"
            " node keeps",
            "field": "type",
            "line": 8,
            "entity": f"{BASE}/id/concepts/fintech",
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_parts_of_an_entity_need_no_type(client: AppClient) -> None:
    body = turtle(
        "@prefix locn: <http://www.w3.org/ns/locn#> .",
        "<id/organisations/acme> a org:Organization ;",
        '    legal:legalName "Acme"@en ;',
        "    locn:address <id/organisations/acme#address> .",
        '<id/organisations/acme#address> locn:postName "Novi Sad" ;',
        "    schema:geo [ schema:latitude 45.25e0 ; schema:longitude 19.84e0 ] .",
    )
    response = post(client, body, TURTLE, dry_run="true")
    assert response.json() == report(1, entities=1, dry_run=True)
