"""GDPR erasure (VOCABULARY.md P16): deleting an entity or a contact person removes it from
every surface at once (entity page, collections, feed); what stays is a tombstone holding
only the entity's IRI and a time."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from sqlalchemy import Engine

from hub.services import entities as service
from hub.settings import Settings
from tests.feed.conftest import BASE, cluster
from tests.feed.reading import all_members, graph
from tests.support.client import AppClient
from tests.support.reading import jsonld_graph

CLUSTER = f"{BASE}/id/organisations/vojvodina-ict"


def every_surface(client: AppClient, headers: dict[str, str]) -> Graph:
    """The feed (every page), the collection pages and the entity page, as one graph."""
    merged = Graph()
    page = 0
    while (response := client.get(f"/feed/{page}.nq", headers=headers)).status_code == 200:
        merged += graph(response)
        page += 1
    merged += jsonld_graph(
        client.get("/organisations", headers={"accept": "application/ld+json", **headers}).content
    )
    merged += jsonld_graph(
        client.get("/clusters", headers={"accept": "application/ld+json", **headers}).content
    )
    entity = client.get(
        "/id/organisations/vojvodina-ict", headers={"accept": "application/ld+json", **headers}
    )
    if entity.status_code == 200:
        merged += jsonld_graph(entity.content)
    return merged


def mentions(data: Graph, *needles: str) -> set[str]:
    """Which of these IRIs or texts occur anywhere in `data`."""
    terms = {str(term) for triple in data for term in triple}
    return {needle for needle in needles if any(needle in term for term in terms)}


def test_a_deleted_entity_leaves_every_surface_and_only_a_bare_tombstone(
    client: AppClient, engine: Engine, settings: Settings, partner: dict[str, str]
) -> None:
    service.put_entity(engine, settings, kind="organisations", key="vojvodina-ict", doc=cluster())
    assert mentions(every_surface(client, partner), "Milica", "office@vojvodinaictcluster.org")
    service.delete_entity(engine, kind="organisations", key="vojvodina-ict")
    for headers in ({}, partner):
        left = every_surface(client, headers)
        assert (
            mentions(
                left,
                "Milica",
                "Petrović",
                "office@vojvodinaictcluster.org",
                "Vojvodina ICT",
                f"{CLUSTER}#",
            )
            == set()
        )
        [tombstone] = all_members(client, headers)
        assert (tombstone.verb, tombstone.object) == ("Delete", CLUSTER)
        about = {(p, o) for s, p, o in left if s == URIRef(tombstone.iri)}
        assert {str(p).rsplit("#", 1)[1] for p, _ in about} == {"type", "object", "published"}
        assert not [t for t in left if t[0] == URIRef(CLUSTER)]  # nothing about the entity itself


def test_removing_a_contact_point_or_team_seats_erases_them_everywhere_at_once(
    client: AppClient, engine: Engine, settings: Settings, partner: dict[str, str]
) -> None:
    service.put_entity(engine, settings, kind="organisations", key="vojvodina-ict", doc=cluster())
    before = all_members(client, partner)
    service.patch_entity(
        engine,
        settings,
        kind="organisations",
        key="vojvodina-ict",
        patch={"contactPoint": None, "managementTeam": None},
    )
    left = every_surface(client, partner)
    assert (
        mentions(
            left,
            "office@vojvodinaictcluster.org",
            "+381 21",
            "Milica",
            "Nikolić",
            f"{CLUSTER}#contact",
            f"{CLUSTER}#team",
        )
        == set()
    )
    assert (
        URIRef(CLUSTER),
        URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
        Literal("Vojvodina ICT Cluster", lang="en"),
    ) in left
    [after] = all_members(client, partner)
    assert (after.verb, after.object) == ("Update", CLUSTER)
    assert after.iri not in {
        m.iri for m in before
    }  # the old version's member is gone from every page
