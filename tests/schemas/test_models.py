"""What validation makes of a document: `type` in either JSON-LD shape, IRIs minted for the
parts, concepts compacted and (given the code lists) checked, IRIs checked, and a membership's
two types."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from hub.services.validation import validation_context
from schemas import Membership, Organisation
from schemas.base import LinkedModel
from tests.support import samples

Doc = dict[str, Any]
ACME = samples.iri("organisations", "acme")
CLUSTER = samples.iri("organisations", "vojvodina-ict")
SECTOR_SCHEME = "https://w3id.org/clusterhub/scheme/sectoral-industry/"


def organisation(**fields: Any) -> Doc:
    return {"id": ACME, "legalName": {"en": "Acme"}, **fields}


def membership(**fields: Any) -> Doc:
    return {
        "id": samples.iri("memberships", "acme"),
        "member": ACME,
        "organization": CLUSTER,
        **fields,
    }


def refusals(model: type[LinkedModel], doc: Doc, context: Doc | None = None) -> list[Any]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(doc, context=context)
    return [(error["loc"], error["msg"]) for error in caught.value.errors()]


def test_a_type_may_be_a_string_for_an_array_and_an_array_of_one_for_a_string() -> None:
    model = Organisation.model_validate(
        organisation(type="LegalEntity", address={"type": ["Address"], "postName": "Novi Sad"})
    )
    assert model.type == ["Organization", "schema:Organization", "LegalEntity"]
    assert model.address is not None
    assert model.address.type == "Address"


def test_an_array_of_two_types_is_refused_where_a_part_has_one() -> None:
    doc = organisation(address={"type": ["Address", "Place"], "postName": "Novi Sad"})
    assert refusals(Organisation, doc) == [
        (("address", "type"), "Input should be 'Address'"),
    ]


def test_parts_without_an_iri_or_with_a_blank_node_get_one_under_the_entity() -> None:
    model = Organisation.model_validate(
        organisation(
            address={
                "postName": "Novi Sad",
                "geo": {"id": "_:b0", "latitude": 45, "longitude": 19},
            },
            legalIdentifier=[{"notation": "1"}, {"id": "https://apr.example/2", "notation": "2"}],
            makesOffer=[{"itemOffered": {"name": {"en": "Testing"}}}],
        )
    )
    assert model.address is not None and model.address.geo is not None
    assert model.legal_identifier is not None and model.makes_offer is not None
    offer = model.makes_offer[0]
    assert [
        model.address.id,
        model.address.geo.id,
        *(identifier.id for identifier in model.legal_identifier),
        offer.id,
        offer.item_offered.id,
    ] == [
        f"{ACME}#address",
        f"{ACME}#geo",
        f"{ACME}#identifier-1",
        "https://apr.example/2",
        f"{ACME}#offer-1",
        f"{ACME}#offer-1-service",
    ]


@pytest.mark.parametrize("given", [{}, {"type": "Membership"}, {"type": ["OrganizationRole"]}])
def test_a_membership_has_both_types_whichever_it_gives(given: Doc) -> None:
    model = Membership.model_validate(membership(**given))
    assert model.type == ["Membership", "OrganizationRole"]  # a list: a tuple is not equal
    assert model.to_jsonld()["type"] == ["Membership", "OrganizationRole"]


@pytest.mark.parametrize("given", [{}, {"type": "Organization"}, {"type": "schema:Organization"}])
def test_an_organisation_has_both_organisation_types_whichever_it_gives(given: Doc) -> None:
    """The same document with its types given or left out is stored the same: otherwise a
    CSV row (no type) and its JSON-LD export (the types) would each update the other."""
    model = Organisation.model_validate(organisation(**given))
    assert model.to_jsonld()["type"] == ["Organization", "schema:Organization"]


def test_each_model_has_a_type_list_of_its_own() -> None:
    first, second = (Membership.model_validate(membership()) for _ in range(2))
    first.type.append("Membership")
    assert second.type == ["Membership", "OrganizationRole"]


def test_concepts_are_compacted_and_checked_against_the_code_lists_only_when_given() -> None:
    doc = organisation(sectoralIndustry=[f"{SECTOR_SCHEME}business-services", "sector:nothing"])
    compacted = ["sector:business-services", "sector:nothing"]
    assert Organisation.model_validate(doc).sectoral_industry == compacted
    assert refusals(Organisation, doc, validation_context()) == [
        (("sectoralIndustry", 1), "Value error, unknown sectoral industry 'sector:nothing'"),
    ]
    assert Organisation.model_validate(doc).sectoral_industry == compacted


def test_a_concept_is_judged_by_the_code_lists_of_its_own_field() -> None:
    doc = organisation(areaServed=["country:SRB"], sectoralIndustry=[" country:SRB "])
    assert refusals(Organisation, doc, validation_context()) == [
        (("sectoralIndustry", 0), "Value error, 'country:SRB' is not a sectoral industry"),
    ]


@pytest.mark.parametrize("homepage", ["sector:automotive", "acme.rs", "https://acme.rs/a b"])
def test_an_iri_is_refused_each_time_it_is_given(homepage: str) -> None:
    for _ in range(2):
        assert refusals(Organisation, organisation(homepage=homepage)) == [
            (("homepage",), f"Value error, '{homepage}' is not an absolute IRI"),
        ]


def test_white_space_around_any_text_is_dropped_wherever_it_is() -> None:
    """Each kind of field strips white space at either end (Unicode's White_Space): plain
    text, IRIs, language tags and texts, concepts, years, identifiers, parts' IRIs."""
    pad = " \t\u00a0"
    doc = organisation(
        id=f"{pad}{ACME}\n",
        legalName={f"{pad}sr-latn ": f"{pad}Acme d.o.o.\u3000"},
        foundingYear=f"{pad}2008 ",
        homepage=f"{pad}https://acme.rs/ ",
        sectoralIndustry=[f"{pad}{SECTOR_SCHEME}automotive\n"],
        vatID=f"{pad}RS101134702 ",
        address={"id": f" {ACME}#home ", "thoroughfare": f"{pad}Bulevar 1 ", "postCode": "21000\n"},
        legalIdentifier=[{"notation": f"{pad}8752401 "}],
        contactPoint=[{"email": " info@acme.rs\u2028", "name": {" en": " Sales "}}],
    )
    stored = Organisation.model_validate(doc, context=validation_context()).to_jsonld()
    assert stored == {
        "id": ACME,
        "type": ["Organization", "schema:Organization", "LegalEntity"],
        "legalName": {"sr-Latn": "Acme d.o.o."},
        "foundingYear": "2008",
        "homepage": "https://acme.rs/",
        "sectoralIndustry": ["sector:automotive"],
        "vatID": "RS101134702",
        "legalIdentifier": [
            {"id": f"{ACME}#identifier-1", "type": "Identifier", "notation": "8752401"}
        ],
        "address": {
            "id": f"{ACME}#home",
            "type": "Address",
            "thoroughfare": "Bulevar 1",
            "postCode": "21000",
        },
        "contactPoint": [
            {
                "id": f"{ACME}#contact-1",
                "type": "ContactPoint",
                "name": {"en": "Sales"},
                "email": "info@acme.rs",
            }
        ],
    }


def test_only_white_space_is_dropped_from_an_iri_not_other_control_characters() -> None:
    assert refusals(Organisation, organisation(homepage="\x1fhttps://acme.rs/")) == [
        (("homepage",), "Value error, '\x1fhttps://acme.rs/' is not an absolute IRI")
    ]
