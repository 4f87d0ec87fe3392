"""`hub.linked_data.shacl`: the typed report of a pySHACL run against the shipped shapes."""

from __future__ import annotations

import subprocess
import sys

from rdflib import Graph

from hub.linked_data import shacl
from hub.linked_data.shacl import ShaclReport, ShaclResult, validate_graph
from tests.support import samples

PREFIXES = """
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix legal: <http://www.w3.org/ns/legal#> .
@prefix mrole: <https://w3id.org/clusterhub/scheme/membership-role/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix person: <http://www.w3.org/ns/person#> .
@prefix schema: <http://schema.org/> .
"""
CLUSTER = samples.iri("organisations", "c")


def turtle(text: str) -> Graph:
    return Graph().parse(data=PREFIXES + text, format="turtle")


def test_a_violation_is_reported_with_every_field() -> None:
    report = validate_graph(turtle(f"""
        <{CLUSTER}> a org:Organization ; legal:legalName "C"@en ; schema:vatID "12" ;
            foaf:homepage <https://c.example/> ;
            org:classification <https://w3id.org/clusterhub/scheme/organisation-type/sme> ;
            legal:companyActivity <http://data.europa.eu/ux2/nace2.1/6210> ;
            <http://www.w3.org/ns/locn#address> <{CLUSTER}#a> .
        <{CLUSTER}#a> a <http://www.w3.org/ns/locn#Address> ;
            <http://data.europa.eu/a4g/ontology#hasCountryCode>
                <http://publications.europa.eu/resource/authority/country/SRB> .
    """))
    assert report == ShaclReport((
        ShaclResult(
            severity="Violation", focus_node=CLUSTER, path="schema:vatID", value='"12"',
            message="vatID must be one VAT number: a two-letter country prefix and 2 to 13 "
            "letters or digits (e.g. RS101134702).",
            constraint="Pattern", shape="shp:Organisation-vatID",
        ),
        ShaclResult(
            severity="Warning", focus_node=CLUSTER, path=None, value=f"<{CLUSTER}>",
            message="An organisation with a VAT number, an LEI or a registry identifier should "
            "be typed legal:LegalEntity.",
            constraint="Or", shape="shp:Organisation-legalEntity-recommended",
        ),
    ))
    assert not report.conforms
    assert [r.severity for r in report.violations] == ["Violation"]
    assert [r.severity for r in report.warnings] == ["Warning"]
    assert report.violations[0].line() == (
        f'Violation: <{CLUSTER}> schema:vatID: {report.violations[0].message} (value "12")'
    )


def test_warnings_alone_conform() -> None:
    report = validate_graph(turtle(f'<{CLUSTER}> a org:Organization ; legal:legalName "C"@en .'))
    assert report.conforms and report.violations == () and len(report.warnings) == 4


def test_complex_paths_and_blank_nodes_are_named_readably() -> None:
    report = validate_graph(turtle(f"""
        <{CLUSTER}> a org:Organization, <https://w3id.org/clusterhub/ns#ClusterOrganisation> ;
            schema:name "no legal name" .
        [] a org:Membership ; org:member <{CLUSTER}#p> ; org:organization <{CLUSTER}> ;
            org:role mrole:full-member .
        <{CLUSTER}#p> a person:Person ; foaf:givenName "A" ; foaf:familyName "B" .
    """))
    found = {(r.focus_node[:2] if r.focus_node.startswith("_:") else r.focus_node, r.path, r.shape)
             for r in report.violations}
    assert found == {
        ("_:", None, "shp:NamedNode"),
        (CLUSTER, None, "shp:OrganisationName"),
        (f"{CLUSTER}#p", "^org:member/org:role", "shp:Person-seatRole-schemeValue"),
    }


def test_results_come_in_a_stable_order() -> None:
    graph = Graph()
    for sample in samples.samples():
        graph += turtle(f'<{sample.doc["id"]}> a org:Organization ; schema:leiCode "x" .')
    report = validate_graph(graph)
    keys = [(r.severity, r.focus_node, r.path or "", r.constraint) for r in report.results]
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    assert keys == sorted(keys, key=lambda k: (order[k[0]], *k[1:]))
    assert validate_graph(graph) == report


def test_shapes_ontology_and_concepts_are_loaded_once_per_process() -> None:
    graph = turtle(f'<{CLUSTER}> a org:Organization ; legal:legalName "C"@en .')
    validate_graph(graph)
    before = [f.cache_info().misses for f in (shacl._shapes, shacl._ontology, shacl._concept_facts)]
    validate_graph(graph)
    validate_graph(graph, with_code_lists=True)
    after = [f.cache_info().misses for f in (shacl._shapes, shacl._ontology, shacl._concept_facts)]
    assert after == before


def test_importing_the_module_does_not_import_pyshacl() -> None:
    code = "import sys, hub.linked_data.shacl; print('pyshacl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
