"""The shapes and the models agree: what the models accept conforms; what they refuse, the
shapes refuse too, each time with the one rule that says why.

Documents go to RDF through `hub.linked_data.triples` directly (not through the models), so a
shape is tested on exactly the document the model judged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError
from rdflib import Graph, URIRef
from rdflib import Literal as RdfLiteral

from hub.linked_data.shacl import ShaclReport, validate_graph
from hub.linked_data.triples import document_triples
from hub.services.validation import validation_context
from schemas import entity_model
from tests.support import samples

Doc = dict[str, Any]
XSD = "http://www.w3.org/2001/XMLSchema#"


def graph_of(*docs: Doc) -> Graph:
    graph = Graph()
    for doc in docs:
        for s, p, o in document_triples(doc):
            obj = (
                URIRef(o)
                if isinstance(o, str)
                else RdfLiteral(
                    o.lexical, lang=o.language, datatype=URIRef(o.datatype) if o.datatype else None
                )
            )
            graph.add((URIRef(s), URIRef(p), obj))
    return graph


def model_accepts(kind: str, doc: Doc) -> bool:
    try:
        entity_model(kind).model_validate(doc, context=validation_context())
    except ValidationError:
        return False
    return True


def shapes_of(report: ShaclReport) -> list[str | None]:
    return sorted(r.shape or "" for r in report.violations)


@pytest.mark.parametrize("sample", samples.samples(), ids=lambda s: s.name)
def test_each_full_sample_is_accepted_and_conforms_without_warnings(sample: samples.Sample) -> None:
    assert model_accepts(sample.kind, sample.doc)
    report = validate_graph(graph_of(sample.doc))
    assert report.results == ()


def test_all_samples_together_conform_without_warnings() -> None:
    """Rules that need both ends (roles against the kind of organisation) hold too."""
    report = validate_graph(graph_of(*(s.doc for s in samples.samples())))
    assert report.results == ()


def test_a_minimal_organisation_conforms_with_warnings_for_what_it_should_have() -> None:
    doc = {
        "id": samples.iri("organisations", "acme"),
        "type": ["Organization", "schema:Organization"],
        "legalName": {"en": "Acme"},
    }
    assert model_accepts("organisations", doc)
    report = validate_graph(graph_of(doc))
    assert report.conforms
    assert sorted(r.shape for r in report.warnings) == [
        "shp:Organisation-activity-recommended",
        "shp:Organisation-addressCountry-recommendedValue",
        "shp:Organisation-classification-recommendedValue",
        "shp:Organisation-homepage-recommendedValue",
    ]


def test_a_cluster_typed_only_with_the_coined_class_is_checked_as_an_organisation() -> None:
    """`chub:ClusterOrganisation` reaches the organisation shapes through rdfs:subClassOf in the
    ontology (P6), without RDFS entailment."""
    graph = Graph().parse(
        format="turtle",
        data="""
        @prefix chub: <https://w3id.org/clusterhub/ns#> .
        <http://hub.test/id/organisations/c> a chub:ClusterOrganisation ;
            <http://schema.org/leiCode> "not a LEI" .""",
    )
    assert shapes_of(validate_graph(graph)) == ["shp:Organisation-leiCode", "shp:OrganisationName"]


def test_a_mission_and_a_description_in_one_language_conform() -> None:
    """chub:mission is a sub-property of dct:description: with RDFS entailment, sh:uniqueLang
    on descriptions would fail here. Validation runs without it."""
    doc = samples.cluster_profile()
    assert doc["mission"].keys() & doc["description"].keys() == {"en"}
    assert validate_graph(graph_of(doc)).conforms


def test_unknown_concepts_are_found_only_with_the_code_lists() -> None:
    doc = {**samples.member_organisation(), "sectoralIndustry": ["sector:space-elevators"]}
    assert not model_accepts("organisations", doc)
    assert shapes_of(validate_graph(graph_of(doc))) == [
        "shp:Organisation-sectoralIndustry-schemeValue"
    ]
    assert validate_graph(graph_of(doc), with_code_lists=False).results == ()


def test_validation_leaves_the_data_graph_unchanged() -> None:
    graph = graph_of(samples.cluster_profile())
    before = set(graph)
    validate_graph(graph)
    assert set(graph) == before


Mutation = Callable[[Doc], None]


def _set(*path: Any, value: Any) -> Mutation:
    def mutate(doc: Doc) -> None:
        target = doc
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _drop(*names: str) -> Mutation:
    def mutate(doc: Doc) -> None:
        for name in names:
            doc.pop(name)

    return mutate


CLUSTER, MEMBER = samples.cluster_profile, samples.member_organisation
EVENT, PROJECT, MEMBERSHIP = samples.event, samples.project, samples.membership
KIND = {CLUSTER: "organisations", MEMBER: "organisations", EVENT: "events",
        PROJECT: "projects", MEMBERSHIP: "memberships"}
ACME = samples.iri("organisations", "acme")
COMPANY_COMPOSITION = [{"id": f"{ACME}#c", "type": "QuantitativeValue", "value": 3,
                        "valueReference": "orgtype:sme"}]
# (case, sample, mutation, the one shape that reports the defect)
REFUSED: list[tuple[str, Callable[[], Doc], Mutation, str]] = [
    ("no-name", MEMBER, _drop("legalName", "prefLabel"), "shp:OrganisationName"),
    ("blank-name", MEMBER, _set("legalName", value={"en": " "}), "shp:Organisation-legalName"),
    ("lei-pattern", MEMBER, _set("leiCode", value="ABC"), "shp:Organisation-leiCode"),
    ("vat-pattern", MEMBER, _set("vatID", value="rs101234510"), "shp:Organisation-vatID"),
    ("date-and-year", MEMBER, _set("foundingDate", value="2012-03-04"),
     "shp:Organisation-foundingDate"),
    ("mission-of-company", MEMBER, _set("mission", value={"en": "Grow."}),
     "shp:ClusterOnlyFields"),
    ("composition-of-company", MEMBER, _set("composition", value=COMPANY_COMPOSITION),
     "shp:ClusterOnlyFields"),
    ("team-of-company", MEMBER, _set("managementTeam", value=CLUSTER()["managementTeam"][:1]),
     "shp:Person-seat"),
    ("count-without-type", CLUSTER, _set("composition", 0, "valueReference", value=None),
     "shp:Organisation-composition"),
    ("value-and-range", MEMBER, _set("numberOfEmployees", "minValue", value=10),
     "shp:QuantitativeValue"),
    ("min-above-max", CLUSTER, _set("numberOfEmployees", "minValue", value=50),
     "shp:QuantitativeValue-minValue"),
    ("negative-count", MEMBER, _set("numberOfEmployees", "value", value=-1),
     "shp:QuantitativeValue-value"),
    ("latitude", MEMBER, _set("address", "geo", "latitude", value=91.0),
     "shp:GeoCoordinates-latitude"),
    ("post-code-length", MEMBER, _set("address", "postCode", value="1" * 33),
     "shp:Address-postCode"),
    ("email", MEMBER, _set("contactPoint", 0, "email", value="sales(at)acme.rs"),
     "shp:ContactPoint-email"),
    ("telephone", MEMBER, _set("contactPoint", 0, "telephone", value="call us"),
     "shp:ContactPoint-telephone"),
    ("empty-notation", MEMBER, _set("legalIdentifier", 0, "notation", value=""),
     "shp:Identifier-notation"),
    ("unknown-sector", MEMBER, _set("sectoralIndustry", value=["sector:nope"]),
     "shp:Organisation-sectoralIndustry-schemeValue"),
    ("type-as-sector", MEMBER, _set("classification", value=["sector:automotive"]),
     "shp:Organisation-classification-schemeValue"),
    ("nuts-as-country", MEMBER, _set("address", "countryCode", value="nuts:RS122"),
     "shp:Address-countryCode-schemeValue"),
    ("label-level", CLUSTER, _set("hasCertification", 0, "kind", value="label:platinum"),
     "shp:Certification-type-schemeValue"),
    ("certification-without-name", MEMBER, lambda d: d["hasCertification"][0].pop("name"),
     "shp:Certification-name"),
    ("service-without-name", MEMBER, lambda d: d["makesOffer"][0]["itemOffered"].pop("name"),
     "shp:Service-name"),
    ("seat-with-member-role", CLUSTER,
     _set("managementTeam", 0, "role", value="mrole:full-member"),
     "shp:Person-seatRole-schemeValue"),
    ("person-without-name", CLUSTER,
     lambda d: d["managementTeam"][0]["member"].pop("givenName"), "shp:Person-givenName"),
    ("member-of-itself", MEMBERSHIP, lambda d: d.update(member=d["organization"]),
     "shp:Membership-member"),
    ("ends-before-start", MEMBERSHIP, _set("endDate", value="2010-01-01"),
     "shp:Membership-startDate"),
    ("no-organisation", MEMBERSHIP, _drop("organization"), "shp:Membership-organization"),
    ("management-role", MEMBERSHIP, _set("role", value="mgmtrole:president"),
     "shp:ManagementRoleHolder"),
    ("event-without-start", EVENT, _drop("startDate"), "shp:Event-startDate"),
    ("event-without-name", EVENT, _drop("name"), "shp:Event-name"),
    ("event-ends-first", EVENT, _set("endDate", value="2025-01-01"), "shp:Event-startDate"),
    ("event-type", EVENT, _set("kind", value="etype:party"), "shp:Event-type-schemeValue"),
    ("event-language", EVENT, _set("inLanguage", value=["country:SRB"]),
     "shp:Event-inLanguage-schemeValue"),
    ("project-without-name", PROJECT, _drop("name"), "shp:Project-name"),
    ("negative-amount", PROJECT, _set("totalCost", "value", value=-5), "shp:MonetaryAmount-value"),
    ("currency", PROJECT, _set("funding", 0, "amount", "currency", value="eur"),
     "shp:MonetaryAmount-currency"),
    ("programme", PROJECT, _set("funding", 0, "fundingProgramme", value="euprog:NOPE"),
     "shp:MonetaryGrant-fundingProgramme-schemeValue"),
]


@pytest.mark.parametrize(("case", "build", "mutate", "shape"), REFUSED, ids=[r[0] for r in REFUSED])
def test_what_the_models_refuse_the_shapes_refuse_with_one_rule(
    case: str, build: Callable[[], Doc], mutate: Mutation, shape: str
) -> None:
    doc = build()
    mutate(doc)
    for node in (doc, *doc.get("composition", [])):
        for key in [k for k, v in node.items() if v is None]:
            node.pop(key)
    assert not model_accepts(KIND[build], doc)
    assert shapes_of(validate_graph(graph_of(doc))) == [shape]
