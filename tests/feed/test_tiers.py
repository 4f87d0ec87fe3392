"""What each tier's feed shows (ARCHITECTURE.md section 5): projected payloads, and a Delete
where a record left the tier."""

from __future__ import annotations

from typing import Any

from rdflib import Literal, URIRef
from sqlalchemy import Engine

from hub.services import changes
from hub.services import entities as service
from hub.settings import Settings
from tests.feed.conftest import BASE, cluster, organisation
from tests.feed.reading import all_members, by_object, graph
from tests.support.client import AppClient

ORG = f"{BASE}/id/organisations/"
SCHEMA = "http://schema.org/"


def set_tier(engine: Engine, key: str, record: str, **fields: str) -> None:
    changes.set_visibility(
        engine, kind="organisations", key=key, wanted=changes.Visibility(record, fields)
    )


def payload(client: AppClient, headers: dict[str, str], key: str) -> set[tuple[Any, Any, Any]]:
    """The triples of the entity `key` and its parts (IRIs under its IRI) in the feed."""
    data = graph(client.get("/feed/0.nq", headers=headers))
    return {t for t in data if str(t[0]).split("#")[0] == ORG + key}


def test_a_partner_only_record_is_a_bare_delete_in_public_and_whole_for_partners(
    client: AppClient, engine: Engine, settings: Settings, partner: dict[str, str]
) -> None:
    service.put_entity(
        engine, settings, kind="organisations", key="nsoft", doc=organisation("nsoft", "NSoft")
    )
    service.put_entity(
        engine, settings, kind="organisations", key="open", doc=organisation("open", "Open")
    )
    set_tier(engine, "nsoft", "partner")
    assert by_object(all_members(client)) == {ORG + "open": "Create", ORG + "nsoft": "Delete"}
    assert payload(client, {}, "nsoft") == set()  # only the IRI, as the object of the Delete
    assert by_object(all_members(client, partner)) == {
        ORG + "open": "Create",
        ORG + "nsoft": "Update",
    }
    assert len(payload(client, partner, "nsoft")) == 3  # two types and the label


def test_raising_a_public_record_to_partner_is_a_delete_in_public_and_an_update_for_partners(
    client: AppClient, engine: Engine, settings: Settings, partner: dict[str, str]
) -> None:
    service.put_entity(
        engine, settings, kind="organisations", key="nsoft", doc=organisation("nsoft", "NSoft")
    )
    assert by_object(all_members(client)) == {ORG + "nsoft": "Create"}
    set_tier(engine, "nsoft", "partner")
    [public] = all_members(client)
    [private] = all_members(client, partner)
    assert (public.verb, private.verb, public.iri) == ("Delete", "Update", private.iri)
    set_tier(engine, "nsoft", "private")
    assert [m.verb for m in all_members(client)] == ["Delete"]
    assert [m.verb for m in all_members(client, partner)] == ["Delete"]  # private never leaves
    set_tier(engine, "nsoft", "public")
    assert (
        [m.verb for m in all_members(client)]
        == [m.verb for m in all_members(client, partner)]
        == ["Update"]
    )


def test_a_contact_point_is_partner_data_unless_the_admin_lowers_it(
    client: AppClient, engine: Engine, settings: Settings, partner: dict[str, str]
) -> None:
    service.put_entity(engine, settings, kind="organisations", key="vojvodina-ict", doc=cluster())
    contact = URIRef(ORG + "vojvodina-ict#contact-1")
    public, partners = (
        payload(client, {}, "vojvodina-ict"),
        payload(client, partner, "vojvodina-ict"),
    )
    assert {t for t in partners if contact in t} >= {
        (URIRef(ORG + "vojvodina-ict"), URIRef(SCHEMA + "contactPoint"), contact),
        (contact, URIRef(SCHEMA + "email"), Literal("office@vojvodinaictcluster.org")),
    }
    assert [t for t in public if contact in t] == []
    seats = {t for t in partners if "#team" in str(t[0])}
    assert seats and not {t for t in public if "#team" in str(t[0])}  # management team: partner
    assert public < partners
    set_tier(engine, "vojvodina-ict", "public", contactPoint="public")
    assert {t for t in payload(client, {}, "vojvodina-ict") if contact in t} == {
        t for t in partners if contact in t
    }


def test_every_member_of_either_tier_has_a_published_time_in_seq_order(
    client: AppClient, engine: Engine, settings: Settings, partner: dict[str, str]
) -> None:
    for number in range(12):
        service.put_entity(
            engine,
            settings,
            kind="organisations",
            key=f"o{number}",
            doc=organisation(f"o{number}", "O"),
        )
        if number % 3 == 0:
            set_tier(engine, f"o{number}", "partner")
    for headers in ({}, partner):
        found = all_members(client, headers)
        assert [m.published for m in found] == sorted(m.published for m in found)
        assert len({m.published for m in found}) == len(found)
