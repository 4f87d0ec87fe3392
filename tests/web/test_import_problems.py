"""`POST /import` refusals: every problem of the file named by row or line and field, and
nothing written (the store is the same before and after)."""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine

import vocab
from hub.app import create_app
from hub.settings import Settings
from tests.support import samples
from tests.support.client import AppClient
from tests.support.tokens import operator_client
from tests.web.test_import import BASE, CSV, JSONLD, TURTLE, XLSX, member_csv, post

HEADER = "key,legal_name@sr-Latn,vat,lei,founding_date,member_since,organisation_type,employees"
GOOD = "bitlab,BitLab d.o.o.,RS105938200,,2011,2012-03-01,sme,50-249"


def refused(client: AppClient, body: bytes, media_type: str, **params: str) -> list[dict[str, Any]]:
    """The `errors` of a 422 answer, after checking that the answer is a problem document."""
    response = post(client, body, media_type, **params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "https://w3id.org/clusterhub/problems/invalid-input"
    errors: list[dict[str, Any]] = problem["errors"]
    return errors


def csv(*rows: str, header: str = HEADER) -> bytes:
    return "\n".join([header, *rows, ""]).encode()


@pytest.mark.usefixtures("stored_members")
def test_ragged_csv_rows_are_refused(client: AppClient) -> None:
    body = csv(GOOD, "dunav,Dunav Soft d.o.o.", GOOD.replace("bitlab", "tisa") + ",extra")
    assert refused(client, body, CSV) == [
        {"message": "the row has 2 cells where the header has 8", "row": 3},
        {"message": "the row has 9 cells where the header has 8", "row": 4},
    ]


@pytest.mark.usefixtures("stored_members")
def test_csv_that_is_not_utf8_is_refused_row_by_row(client: AppClient) -> None:
    body = csv(GOOD, "djerdap,Đerdap d.o.o.,,,,,,", "sid,Šid IT,,,,,,").decode().encode("cp1250")
    assert refused(client, body, CSV) == [
        {"message": "the row is not UTF-8 text (byte 0xD0): save the file as UTF-8 CSV", "row": 3},
        {"message": "the row is not UTF-8 text (byte 0x8A): save the file as UTF-8 CSV", "row": 4},
    ]


@pytest.mark.usefixtures("stored_members")
def test_a_header_that_is_not_utf8_is_refused(client: AppClient) -> None:
    body = csv(GOOD, header=HEADER.replace("name", "naziv_č")).decode().encode("cp1250")
    assert refused(client, body, CSV) == [
        {"message": "the row is not UTF-8 text (byte 0xE8): save the file as UTF-8 CSV", "row": 1},
    ]


@pytest.mark.usefixtures("stored_members")
def test_a_broken_quote_ends_the_csv_with_its_row(client: AppClient) -> None:
    body = csv(GOOD, 'dunav,"Dunav "Soft" d.o.o.,,,,,,')
    assert refused(client, body, CSV) == [
        {"message": "malformed CSV: ',' expected after '\"'", "row": 3},
    ]


@pytest.mark.usefixtures("stored_members")
def test_a_body_that_is_not_a_workbook_is_refused(client: AppClient) -> None:
    assert refused(client, b"key,name\nacme,Acme\n", XLSX) == [
        {"message": "not a readable XLSX workbook (Cannot detect file format)"},
    ]


@pytest.mark.usefixtures("stored_members")
def test_every_unknown_column_is_reported(client: AppClient) -> None:
    header = "key,name@sr-Latn,vat_number,colour,name@xx-1234567890,vat@en,name@sr-latn"
    assert refused(client, csv("acme,Acme,,,,,", header=header), CSV) == [
        {
            "message": "unknown column 'vat_number' (did you mean 'vat'?)",
            "field": "vat_number",
            "row": 1,
        },
        {"message": "unknown column 'colour'", "field": "colour", "row": 1},
        {
            "message": "column 'name@xx-1234567890': 'xx-1234567890' is not a BCP 47 language tag",
            "field": "name@xx-1234567890",
            "row": 1,
        },
        {"message": "column 'vat' takes no language", "field": "vat@en", "row": 1},
        {"message": "column 'name@sr-latn' repeats column 2", "field": "name@sr-latn", "row": 1},
    ]


def workbook(*rows: list[str]) -> bytes:
    sheet = Workbook()
    for row in rows:
        sheet.active.append(row)  # type: ignore[union-attr]
    out = io.BytesIO()
    sheet.save(out)
    return out.getvalue()


@pytest.mark.usefixtures("stored_members")
@pytest.mark.parametrize("media_type", [CSV, XLSX])
def test_rows_are_read_past_a_header_with_unknown_columns(
    client: AppClient, media_type: str
) -> None:
    """Every problem at once: the rows' as well as the header's."""
    rows = [["key", "name", "colour", "founding_date"], ["acme", "Acme", "red", "2020-02-30"]]
    body = (
        csv(*(",".join(row) for row in rows[1:]), header=",".join(rows[0]))
        if media_type == CSV
        else workbook(*rows)
    )
    assert refused(client, body, media_type) == [
        {"message": "unknown column 'colour'", "field": "colour", "row": 1},
        {
            "message": "'2020-02-30' is not a calendar date",
            "field": "founding_date",
            "row": 2,
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_a_header_without_key_or_name_is_refused(client: AppClient) -> None:
    assert refused(client, b"vat,website\nRS105938200,https://a.rs\n", CSV) == [
        {"message": "the header has no 'key' column", "field": "key", "row": 1},
        {"message": "the header needs a 'legal_name' or 'name' column", "field": "name", "row": 1},
    ]


@pytest.mark.usefixtures("stored_members")
def test_unknown_concept_labels_are_named_with_row_column_and_value(client: AppClient) -> None:
    header = "key,name,organisation_type,nace,country,languages"
    body = csv(
        "acme,Acme,smee; start-up,62.01; 99.99,Narnia,sr", "beta,Beta,sme,,RS,xx", header=header
    )
    assert refused(client, body, CSV) == [
        {
            "message": "unknown organisation type 'smee' (did you mean 'sme'?)",
            "field": "organisation_type",
            "row": 2,
        },
        {
            "message": "unknown NACE Rev. 2.1 code or NACE Rev. 2 code '99.99'",
            "field": "nace",
            "row": 2,
        },
        {"message": "unknown country 'Narnia'", "field": "country", "row": 2},
        {"message": "unknown language 'xx'", "field": "languages", "row": 3},
    ]


@pytest.mark.usefixtures("stored_members")
def test_invalid_dates_are_refused(client: AppClient) -> None:
    header = "key,name,founding_date,member_since,member_until"
    body = csv(
        "acme,Acme,2011-02-30,01.03.2012,", "beta,Beta,11,2020-01-01,2019-12-31", header=header
    )
    assert refused(client, body, CSV) == [
        {"message": "'2011-02-30' is not a calendar date", "field": "founding_date", "row": 2},
        {
            "message": "'01.03.2012' is not a date in the form YYYY-MM-DD",
            "field": "member_since",
            "row": 2,
        },
        {
            "message": "'11' is not a year (YYYY) or a date (YYYY-MM-DD)",
            "field": "founding_date",
            "row": 3,
        },
        {"message": "endDate is before startDate", "field": "member_until", "row": 3},
    ]


@pytest.mark.usefixtures("stored_members")
def test_vat_and_lei_check_digits_are_verified(client: AppClient) -> None:
    body = csv(
        GOOD.replace("RS105938200", "RS105938201"),
        "dunav,Dunav Soft,RS104673112,549300DUNAVSOFT00128,,,,",
    )
    assert refused(client, body, CSV) == [
        {
            "message": "'RS105938201' is not a valid VAT number: The number's checksum or check"
            " digit"
            " is invalid.",
            "field": "vat",
            "row": 2,
        },
        {
            "message": "'549300DUNAVSOFT00128' is not a valid LEI: The number's checksum or check"
            " digit"
            " is invalid.",
            "field": "lei",
            "row": 3,
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_wrong_cell_types_are_refused(client: AppClient) -> None:
    header = "key,name,employees,latitude,longitude,website,contact_email"
    body = csv(
        "acme,Acme,many,north,19.8,www.acme.rs,not-an-address",
        "beta,Beta,249-50,45.2,,https://beta.rs,",
        header=header,
    )
    assert refused(client, body, CSV) == [
        {
            "message": "'many' is not a number of employees (120), a range (50-249) or 250+",
            "field": "employees",
            "row": 2,
        },
        {"message": "'north' is not a latitude in decimal degrees", "field": "latitude", "row": 2},
        {
            "message": "'www.acme.rs' is not an absolute web address (https://...)",
            "field": "website",
            "row": 2,
        },
        {
            "message": "String should match pattern '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'",
            "field": "contact_email",
            "row": 2,
        },
        {"message": "'249-50': the range starts above its end", "field": "employees", "row": 3},
        {"message": "give both latitude and longitude, or neither", "field": "longitude", "row": 3},
    ]


@pytest.mark.usefixtures("stored_members")
def test_model_problems_of_a_row_name_its_columns(client: AppClient) -> None:
    header = "key,name,contact_email,contact_phone"
    assert refused(client, csv("acme,Acme,not-an-address,call me", header=header), CSV) == [
        {
            "message": "String should match pattern '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'",
            "field": "contact_email",
            "row": 2,
        },
        {
            "message": "String should match pattern '^\\+?[0-9 ()./-]{5,40}$'",
            "field": "contact_phone",
            "row": 2,
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_duplicate_keys_name_both_rows(client: AppClient) -> None:
    body = csv(GOOD, GOOD.replace("bitlab", "dunav"), GOOD.replace("BitLab", "BitLab 2"))
    assert refused(client, body, CSV) == [
        {
            "message": "organisation 'bitlab' is given more than once (rows 2, 4)",
            "field": "key",
            "row": 4,
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_a_file_over_the_size_limit_is_refused_with_413(settings: Settings, engine: Engine) -> None:
    small = operator_client(
        create_app(dataclasses.replace(settings, max_upload_bytes=100), engine), engine, BASE
    )
    response = post(small, member_csv(3), CSV)
    small.close()
    assert (response.status_code, response.json()) == (
        413,
        {
            "type": "https://w3id.org/clusterhub/problems/payload-too-large",
            "title": "payload too large",
            "status": 413,
            "errors": [
                {
                    "message": "the file is larger than the limit of 100 bytes"
                    " (CLUSTERHUB_MAX_UPLOAD_BYTES)"
                }
            ],
        },
    )


@pytest.mark.usefixtures("stored_members")
def test_an_unknown_media_type_is_refused_with_415(client: AppClient) -> None:
    response = post(client, b"%PDF-1.7", "application/pdf")
    assert response.status_code == 415
    assert response.json()["title"].startswith("cannot import 'application/pdf': send one of ")


@pytest.mark.usefixtures("stored_members")
def test_bad_query_options_are_all_reported(client: AppClient) -> None:
    response = post(
        client, member_csv(1), CSV, mode="upsert", dry_run="maybe", language="x y", cluster="a b"
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"message": "mode is 'merge' or 'replace', not 'upsert'", "field": "mode"},
        {"message": "dry_run is true or false, not 'maybe'", "field": "dry_run"},
        {"message": "'x y' is not a BCP 47 language tag", "field": "language"},
        {"message": "'a b' is not an entity key", "field": "cluster"},
    ]


def jsonld(*nodes: dict[str, Any], context: Any = vocab.CONTEXT_URL) -> bytes:
    return json.dumps({"@context": context, "@graph": list(nodes)}, indent=1).encode()


def acme(key: str = "acme", **fields: Any) -> dict[str, Any]:
    return {"id": f"{BASE}/id/organisations/{key}", "legalName": {"en": key.title()}, **fields}


@pytest.mark.usefixtures("stored_members")
def test_malformed_jsonld_is_refused_with_its_line(client: AppClient) -> None:
    body = jsonld(acme()).replace(b"\n  }\n ]", b"\n  },,\n ]")
    assert refused(client, body, JSONLD) == [
        {"message": "malformed JSON: Expecting value", "line": 9}
    ]


@pytest.mark.usefixtures("stored_members")
@pytest.mark.parametrize(
    ("context", "where"),
    [
        (
            "https://evil.example/context.jsonld",
            "@context names the remote context 'https://evil.example/context.jsonld'",
        ),
        (
            [vocab.CONTEXT_URL, {"@import": "https://evil.example/c"}],
            "@context.1.@import imports 'https://evil.example/c'",
        ),
        (
            {"x": {"@id": "http://x/", "@context": "https://evil.example/scoped"}},
            "@context.x.@context names the remote context 'https://evil.example/scoped'",
        ),
    ],
)
def test_remote_contexts_are_refused_without_fetching(
    client: AppClient, context: Any, where: str
) -> None:
    hint = f": use '{vocab.CONTEXT_URL}' or an inline context"
    assert refused(client, jsonld(acme(), context=context), JSONLD) == [
        {"message": f"{where} (never fetched){hint}", "field": "@context"},
    ]


@pytest.mark.usefixtures("stored_members")
def test_a_remote_context_inside_a_node_is_refused(client: AppClient) -> None:
    inline = {"org": "http://www.w3.org/ns/org#"}
    node = {
        "@id": f"{BASE}/id/organisations/acme",
        "@type": "org:Organization",
        "x": {"@context": "https://evil.example/n", "@id": "http://x/y"},
    }
    assert refused(client, jsonld(node, context=inline), JSONLD) == [
        {
            "message": ".@graph.0.x.@context names the remote context 'https://evil.example/n'"
            " (never fetched)",
            "field": "@context",
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_blank_node_entities_are_refused(client: AppClient) -> None:
    anonymous = {"type": "Organization", "legalName": {"en": "Nobody"}}
    blank = {"id": "_:b1", "type": "Organization", "legalName": {"en": "Blank"}}
    message = "an entity needs an IRI ('id'): a blank node cannot be updated or deleted later"
    assert refused(client, jsonld(acme(), anonymous, blank), JSONLD) == [
        {"message": message, "field": "id", "line": 10},
        {"message": message, "field": "id", "line": 16},
    ]


@pytest.mark.usefixtures("stored_members")
def test_wrong_types_in_jsonld_name_line_field_and_entity(client: AppClient) -> None:
    iri = f"{BASE}/id/organisations/acme"
    node = {"id": iri, "legalName": 42, "foundingYear": 2011, "vatID": "RS105938201"}
    assert refused(client, jsonld(node), JSONLD) == [
        {
            "message": "Input should be a valid dictionary",
            "field": "legalName",
            "line": 4,
            "entity": iri,
        },
        {
            "message": "Input should be a valid string",
            "field": "foundingYear",
            "line": 4,
            "entity": iri,
        },
        {
            "message": "'RS105938201' is not a valid VAT number: The number's checksum or check"
            " digit"
            " is invalid.",
            "field": "vatID",
            "line": 4,
            "entity": iri,
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_entities_must_live_under_this_node_with_their_kind(client: AppClient) -> None:
    elsewhere = {"id": "https://other.example/id/organisations/x", "legalName": {"en": "X"}}
    mistyped = {"id": f"{BASE}/id/events/acme", "type": "Organization", "legalName": {"en": "Acme"}}
    assert refused(client, jsonld(elsewhere, mistyped), JSONLD) == [
        {
            "message": "'https://other.example/id/organisations/x' is not an entity IRI of this"
            f" node ({BASE}/id/{{kind}}/{{key}}, kind one of organisations, memberships, events,"
            " projects)",
            "field": "id",
            "line": 4,
            "entity": "https://other.example/id/organisations/x",
        },
        {
            "message": "the type names organisations, the IRI events",
            "field": "type",
            "line": 10,
            "entity": f"{BASE}/id/events/acme",
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_memberships_must_name_organisations_that_exist(client: AppClient) -> None:
    membership = {
        "id": f"{BASE}/id/memberships/ghost-in-vojvodina-ict",
        "member": f"{BASE}/id/organisations/ghost",
        "organization": f"{BASE}/id/organisations/vojvodina-ict",
    }
    assert refused(client, jsonld(membership), JSONLD) == [
        {
            "message": f"'{BASE}/id/organisations/ghost' is neither in the file nor stored in"
            " this node",
            "field": "member",
            "line": 4,
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_memberships_name_organisations_and_projects_only(client: AppClient) -> None:
    """A member is an organisation; what it is a member of, an organisation or a project
    (a partnership). An own IRI of another kind is refused, in the file or stored."""
    event, project = samples.event(), samples.project()
    acme_iri, cluster_iri = (
        f"{BASE}/id/organisations/acme",
        f"{BASE}/id/organisations/vojvodina-ict",
    )

    def membership(key: str, member: str, organization: str) -> dict[str, Any]:
        return {
            "id": f"{BASE}/id/memberships/{key}",
            "member": member,
            "organization": organization,
        }

    body = jsonld(
        event,
        project,
        acme(),
        membership("event-in-cluster", event["id"], cluster_iri),
        membership("acme-in-a-membership", acme_iri, f"{BASE}/id/memberships/event-in-cluster"),
        membership("acme-in-an-event", acme_iri, f"{BASE}/id/events/nowhere"),
    )
    assert refused(client, body, JSONLD) == [  # lines where each membership's node opens
        {
            "message": f"'{event['id']}' is an event of this node: a membership's member is an"
            " organisation",
            "field": "member",
            "line": 99,
        },
        {
            "message": f"'{BASE}/id/memberships/event-in-cluster' is a membership of this node:"
            " a membership's organization is an organisation or a project",
            "field": "organization",
            "line": 104,
        },
        {
            "message": f"'{BASE}/id/events/nowhere' is an event of this node: a membership's"
            " organization is an organisation or a project",
            "field": "organization",
            "line": 109,
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_jsonld_read_through_rdflib_names_no_line_it_cannot_know(client: AppClient) -> None:
    """rdflib keeps no positions: a problem of a document with an inline context has no
    line, rather than the entity's place in the graph passed off as one."""
    context = {
        "org": "http://www.w3.org/ns/org#",
        "legal": "http://www.w3.org/ns/legal#",
        "name": {"@id": "legal:legalName", "@container": "@language"},
        "member": {"@id": "org:member", "@type": "@id"},
        "organization": {"@id": "org:organization", "@type": "@id"},
    }
    membership = {
        "@id": f"{BASE}/id/memberships/acme-in-ghost",
        "@type": "org:Membership",
        "member": f"{BASE}/id/organisations/acme",
        "organization": f"{BASE}/id/organisations/ghost",
    }
    organisation = acme(**{"@type": "org:Organization"})
    body = jsonld(organisation, membership, context=context).replace(b'"legalName"', b'"name"')
    body = body.replace(b'"id"', b'"@id"')
    assert refused(client, body, JSONLD) == [
        {
            "message": f"'{BASE}/id/organisations/ghost' is neither in the file nor stored in"
            " this node",
            "field": "organization",
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_duplicate_entities_in_jsonld_name_both_lines(client: AppClient) -> None:
    assert refused(client, jsonld(acme(), acme()), JSONLD) == [
        {
            "message": "organisation 'acme' is given more than once (lines 4, 10)",
            "field": "id",
            "line": 10,
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_keys_next_to_the_graph_are_refused(client: AppClient) -> None:
    body = json.dumps({"@context": vocab.CONTEXT_URL, "@graph": [acme()], "title": "x"}).encode()
    assert refused(client, body, JSONLD) == [
        {
            "message": "'title' next to @graph: the file holds @context and @graph only",
            "field": "title",
            "line": 1,
        },
    ]


@pytest.mark.usefixtures("stored_members")
def test_malformed_turtle_is_refused_with_its_line(client: AppClient) -> None:
    body = (
        b"@prefix org: <http://www.w3.org/ns/org#> .\n\n"
        b"<id/organisations/acme> a org:Organization ;\n"
        b'  org:x "oops .\n'
    )
    assert refused(client, body, TURTLE) == [
        {"message": "malformed Turtle: newline found in string literal", "line": 4},
    ]


@pytest.mark.usefixtures("stored_members")
def test_turtle_terms_outside_the_vocabulary_are_refused(client: AppClient) -> None:
    body = (
        b"@prefix org: <http://www.w3.org/ns/org#> .\n"
        b'<id/organisations/acme> a org:Organization ; <http://x/colour> "red" .\n'
        b"[] a org:Organization .\n"
    )
    errors = refused(client, body, TURTLE)
    blank = errors[2].pop("entity")
    assert errors == [
        {
            "message": 'property <http://x/colour> with value "red" is not part of the vocabulary',
            "field": "<http://x/colour>",
            "line": 2,
            "entity": f"{BASE}/id/organisations/acme",
        },
        {
            "message": "an organisation needs a legalName or a prefLabel",
            "line": 2,
            "entity": f"{BASE}/id/organisations/acme",
        },
        {
            "message": f"organisation {blank} is a blank node: give it an IRI",
            "field": "id",
            "line": 3,
        },
    ]
    assert blank.startswith("_:")


@pytest.mark.usefixtures("stored_members")
def test_problems_beyond_the_limit_are_counted(settings: Settings, engine: Engine) -> None:
    few = operator_client(
        create_app(dataclasses.replace(settings, max_reported_errors=2), engine), engine, BASE
    )
    body = csv(*(f"k{n},Name {n},RS1,,,,," for n in range(5)))
    response = post(few, body, CSV)
    few.close()
    problem = response.json()
    message = "'RS1' needs its country prefix (for example RS101134702)"
    assert (problem["total"], problem["errors"]) == (
        5,
        [
            {"message": message, "field": "vat", "row": 2},
            {"message": message, "field": "vat", "row": 3},
        ],
    )


@pytest.mark.usefixtures("stored_members")
def test_a_membership_of_an_invalid_organisation_is_not_also_an_unknown_reference(
    client: AppClient,
) -> None:
    iri = f"{BASE}/id/organisations/acme"
    membership = {
        "id": f"{BASE}/id/memberships/acme-in-vojvodina-ict",
        "member": iri,
        "organization": f"{BASE}/id/organisations/vojvodina-ict",
    }
    assert refused(client, jsonld(acme(vatID="RS105938201"), membership), JSONLD) == [
        {
            "message": "'RS105938201' is not a valid VAT number: The number's checksum or check"
            " digit is invalid.",
            "field": "vatID",
            "line": 4,
            "entity": iri,
        },
    ]
