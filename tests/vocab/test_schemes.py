"""The published vocabulary data: SKOS schemes, EU code-list snapshots, ontology and profile.

Only rdflib and the standard library: the files are checked as a consumer reads them.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

VOCAB = Path(__file__).resolve().parents[2] / "vocab"
SCHEME_BASE = "https://w3id.org/clusterhub/scheme/"
CHUB = Namespace("https://w3id.org/clusterhub/ns#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("http://schema.org/")
PROF = Namespace("http://www.w3.org/ns/dx/prof/")
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")
PROFILE = URIRef("https://w3id.org/clusterhub/profile/0.1")
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

SCHEME_COUNTS = {
    "sectoral-industry": 51,
    "emerging-industry": 10,
    "industrial-ecosystem": 14,
    "technology-field": 32,
    "organisation-type": 15,
    "membership-role": 7,
    "management-role": 9,
    "project-role": 5,
    "event-type": 11,
    "support-service": 18,
    "cluster-label-level": 3,
}
EXTERNAL = {
    # file: (scheme IRI, concept count)
    "country.ttl": ("http://publications.europa.eu/resource/authority/country", 250),
    "language.ttl": ("http://publications.europa.eu/resource/authority/language", 184),
    "nace2.1.ttl": ("http://data.europa.eu/ux2/nace2.1/nace2.1", 1047),
    "nace2.ttl": ("http://data.europa.eu/ux2/nace2/nace2", 996),
    "nuts-2024.ttl": ("http://data.europa.eu/nuts/scheme/2024", 709),
    "eu-programme.ttl": ("http://publications.europa.eu/resource/authority/eu-programme", 15),
}
COINED_PROPERTIES = {
    CHUB.sectoralIndustry: DCTERMS.subject,
    CHUB.emergingIndustry: DCTERMS.subject,
    CHUB.industrialEcosystem: DCTERMS.subject,
    CHUB.technologyField: DCTERMS.subject,
    CHUB.mission: DCTERMS.description,
    CHUB.cooperationTargetCountry: None,
    CHUB.fundingProgramme: None,
    CHUB.composition: None,
}
# Serbian Cyrillic -> Latin is unambiguous, so it checks every generated Cyrillic label.
CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}  # fmt: skip


@cache
def graph(*parts: str) -> Graph:
    return Graph().parse(VOCAB.joinpath(*parts), format="turtle")


def concepts(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef)}


def languages(g: Graph, subject: URIRef, predicate: URIRef) -> set[str]:
    return {o.language or "" for o in g.objects(subject, predicate) if isinstance(o, Literal)}


def labels(g: Graph, subject: URIRef, predicate: URIRef, lang: str) -> list[str]:
    found = g.objects(subject, predicate)
    return [str(o) for o in found if isinstance(o, Literal) and o.language == lang]


def to_latin(cyrillic: str) -> str:
    out = []
    for index, char in enumerate(cyrillic):
        latin = CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            out.append(char)
        elif not char.isupper():
            out.append(latin)
        else:
            following = cyrillic[index + 1 : index + 2]
            out.append(latin.upper() if following.isupper() else latin.capitalize())
    return "".join(out)


def hierarchy_errors(g: Graph, scheme: URIRef) -> list[str]:
    """Concepts not in the scheme, or neither top concepts nor under an existing concept."""
    known = concepts(g)
    errors = []
    for concept in sorted(known):
        if (concept, SKOS.inScheme, scheme) not in g:
            errors.append(f"{concept}: not in {scheme}")
        broader = set(g.objects(concept, SKOS.broader))
        top = (concept, SKOS.topConceptOf, scheme) in g
        if top == bool(broader):
            errors.append(f"{concept}: needs exactly one of topConceptOf / broader")
        if top and (scheme, SKOS.hasTopConcept, concept) not in g:
            errors.append(f"{concept}: top concept missing from hasTopConcept")
        errors += [f"{concept}: broader {b} is not a concept" for b in broader if b not in known]
    return errors


# -- our SKOS schemes -------------------------------------------------------------------------


def test_scheme_files_are_exactly_the_published_schemes() -> None:
    files = {path.stem for path in (VOCAB / "schemes").glob("*.ttl")}
    assert files == set(SCHEME_COUNTS)


@pytest.mark.parametrize("scheme", sorted(SCHEME_COUNTS))
def test_scheme_has_the_expected_number_of_concepts(scheme: str) -> None:
    assert len(concepts(graph("schemes", f"{scheme}.ttl"))) == SCHEME_COUNTS[scheme]


@pytest.mark.parametrize("scheme", sorted(SCHEME_COUNTS))
def test_scheme_is_described_with_title_licence_and_version(scheme: str) -> None:
    g = graph("schemes", f"{scheme}.ttl")
    iri = URIRef(SCHEME_BASE + scheme)
    assert set(g.subjects(RDF.type, SKOS.ConceptScheme)) == {iri}
    assert languages(g, iri, DCTERMS.title) == {"en", "sr-Latn", "sr-Cyrl"}
    assert languages(g, iri, DCTERMS.description) == {"en"}
    assert list(g.objects(iri, OWL.versionInfo)) == [Literal("0.1.0")]
    assert list(g.objects(iri, DCTERMS.license)) == [CC_BY]


@pytest.mark.parametrize("scheme", sorted(SCHEME_COUNTS))
def test_scheme_concepts_have_labels_definition_and_slug_notation(scheme: str) -> None:
    g = graph("schemes", f"{scheme}.ttl")
    for concept in concepts(g):
        slug = str(concept).removeprefix(f"{SCHEME_BASE}{scheme}/")
        assert KEBAB.fullmatch(slug), concept
        assert list(g.objects(concept, SKOS.notation)) == [Literal(slug)]
        assert {"en", "sr-Latn", "sr-Cyrl"} <= languages(g, concept, SKOS.prefLabel), concept
        assert languages(g, concept, SKOS.definition) == {"en"}, concept
        for lang in languages(g, concept, SKOS.prefLabel):
            assert len(labels(g, concept, SKOS.prefLabel, lang)) == 1, (concept, lang)


@pytest.mark.parametrize("scheme", sorted(SCHEME_COUNTS))
def test_scheme_concepts_sit_in_the_hierarchy(scheme: str) -> None:
    g = graph("schemes", f"{scheme}.ttl")
    assert hierarchy_errors(g, URIRef(SCHEME_BASE + scheme)) == []


def test_technology_fields_have_the_key_enabling_technologies_as_top_concepts() -> None:
    g = graph("schemes", "technology-field.ttl")
    scheme = URIRef(SCHEME_BASE + "technology-field")
    top = {str(c).rsplit("/", 1)[1] for c in g.objects(scheme, SKOS.hasTopConcept)}
    assert top == {
        "advanced-manufacturing-technologies",
        "advanced-materials",
        "industrial-biotechnology",
        "micro-and-nanoelectronics",
        "nanotechnology",
        "photonics",
        "digital-technologies",
        "ict-application-domains",
    }


def test_organisation_types_nest_start_ups_and_universities() -> None:
    g = graph("schemes", "organisation-type.ttl")
    base = SCHEME_BASE + "organisation-type/"
    broader = {
        str(c).removeprefix(base): str(b).removeprefix(base)
        for c, b in g.subject_objects(SKOS.broader)
    }
    assert broader == {
        "start-up": "sme",
        "micro-enterprise": "sme",
        "university": "research-organisation",
        "technology-centre": "research-organisation",
    }


def test_serbian_cyrillic_labels_are_the_transliteration_of_the_latin_ones() -> None:
    files = [("schemes", f"{s}.ttl") for s in SCHEME_COUNTS]
    files += [("ontology", "chub.ttl"), ("external", "eu-programme.ttl")]
    mismatches = []
    for parts in files:
        g = graph(*parts)
        for predicate in (SKOS.prefLabel, DCTERMS.title, RDFS.label):
            for subject in set(g.subjects(predicate, None)):
                latin = labels(g, subject, predicate, "sr-Latn")
                cyrillic = labels(g, subject, predicate, "sr-Cyrl")
                if [to_latin(c) for c in cyrillic] != latin:
                    mismatches.append((subject, latin, cyrillic))
    assert mismatches == []


# -- EU code-list snapshots -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXTERNAL))
def test_snapshot_has_the_expected_concepts_in_their_scheme(name: str) -> None:
    g = graph("external", name)
    scheme, count = EXTERNAL[name]
    assert len(concepts(g)) == count
    assert hierarchy_errors(g, URIRef(scheme)) == []


@pytest.mark.parametrize("name", sorted(EXTERNAL))
def test_snapshot_concepts_have_an_english_label_and_a_notation(name: str) -> None:
    g = graph("external", name)
    for concept in concepts(g):
        assert len(labels(g, concept, SKOS.prefLabel, "en")) == 1, concept
        assert len(list(g.objects(concept, SKOS.notation))) == 1, concept


@pytest.mark.parametrize(
    ("name", "levels"),
    [("nace2.1.ttl", [22, 87, 287, 651]), ("nace2.ttl", [21, 88, 272, 615])],
)
def test_nace_levels_and_dotted_notations(name: str, levels: list[int]) -> None:
    g = graph("external", name)
    by_length = [0, 0, 0, 0]
    for concept in concepts(g):
        local = str(concept).rsplit("/", 1)[1]
        notation = str(g.value(concept, SKOS.notation))
        assert notation.replace(".", "") == local
        assert re.fullmatch(r"[A-Z]|\d\d(\.\d\d?)?", notation), notation
        by_length[len(local) - 1] += 1
    assert by_length == levels


def test_nace_class_6201_is_computer_programming_under_its_group() -> None:
    nace = Namespace("http://data.europa.eu/ux2/nace2/")
    g = graph("external", "nace2.ttl")
    assert g.value(nace["6201"], SKOS.notation) == Literal("62.01")
    assert g.value(nace["6201"], SKOS.broader) == nace["620"]
    assert g.value(nace["620"], SKOS.notation) == Literal("62.0")
    assert labels(g, nace["6201"], SKOS.prefLabel, "en") == ["Computer programming activities"]


def test_nuts_serbia_has_all_levels_in_both_serbian_scripts() -> None:
    nuts = Namespace("http://data.europa.eu/nuts/code/")
    g = graph("external", "nuts-2024.ttl")
    chain = [nuts.RS123, nuts.RS12, nuts.RS1, nuts.RS]
    for child, parent in itertools.pairwise(chain):
        assert g.value(child, SKOS.broader) == parent
    assert labels(g, nuts.RS123, SKOS.prefLabel, "sr-Latn") == ["Južnobačka oblast"]
    assert labels(g, nuts.RS123, SKOS.prefLabel, "sr-Cyrl") == ["Јужнобачка област"]
    countries = {
        str(c).rsplit("/", 1)[1] for c in concepts(g) if len(str(c).rsplit("/", 1)[1]) == 2
    }
    assert {
        "RS",
        "ME",
        "MK",
        "AL",
        "BG",
        "RO",
        "EL",
        "HR",
        "SI",
        "TR",
        "HU",
        "AT",
        "CY",
    } <= countries


def test_countries_carry_alpha3_notation_and_alpha2_identifier_including_kosovo() -> None:
    country = Namespace("http://publications.europa.eu/resource/authority/country/")
    g = graph("external", "country.ttl")
    assert g.value(country.SRB, DCTERMS.identifier) == Literal("RS")
    assert labels(g, country.SRB, SKOS.prefLabel, "sr-Cyrl") == ["Србија"]
    assert g.value(country.XKX, SKOS.notation) == Literal("XKX")
    assert labels(g, country.XKX, SKOS.prefLabel, "sr-Latn") == ["Kosovo"]


def test_languages_carry_two_letter_identifiers() -> None:
    language = Namespace("http://publications.europa.eu/resource/authority/language/")
    g = graph("external", "language.ttl")
    assert g.value(language.SRP, DCTERMS.identifier) == Literal("sr")
    assert g.value(language.SRP, SKOS.notation) == Literal("SRP")
    identifiers = [g.value(c, DCTERMS.identifier) for c in concepts(g)]
    assert all(re.fullmatch(r"[a-z]{2}", str(i)) for i in identifiers)


# -- ontology and profile -------------------------------------------------------------------


def test_ontology_header_declares_version_and_namespace() -> None:
    g = graph("ontology", "chub.ttl")
    ontology = URIRef("https://w3id.org/clusterhub/ns")
    assert (ontology, RDF.type, OWL.Ontology) in g
    assert g.value(ontology, OWL.versionIRI) == URIRef("https://w3id.org/clusterhub/ns/0.1.0")
    assert g.value(ontology, OWL.versionInfo) == Literal("0.1.0")
    vann = Namespace("http://purl.org/vocab/vann/")
    assert g.value(ontology, vann.preferredNamespaceUri) == Literal(str(CHUB))
    assert g.value(ontology, DCTERMS.license) == CC_BY


def test_ontology_defines_only_the_coined_terms_with_their_parents() -> None:
    g = graph("ontology", "chub.ttl")
    terms = {s for s in g.subjects(RDFS.isDefinedBy, None)}
    assert terms == {CHUB.ClusterOrganisation, *COINED_PROPERTIES}
    assert g.value(CHUB.ClusterOrganisation, RDFS.subClassOf) == ORG.FormalOrganization
    for term, parent in COINED_PROPERTIES.items():
        assert g.value(term, RDFS.subPropertyOf) == parent, term
    assert g.value(CHUB.composition, RDFS.range) == SCHEMA.QuantitativeValue
    for term in terms:
        assert languages(g, term, RDFS.label) == {"en", "sr-Latn", "sr-Cyrl"}, term
        assert languages(g, term, SKOS.definition) == {"en"}, term


def test_profile_artifacts_are_files_of_this_folder() -> None:
    g = graph("profile.ttl")
    prefix = str(PROFILE) + "/"
    artifacts = [
        str(a)
        for resource in g.objects(PROFILE, PROF.hasResource)
        for a in g.objects(resource, PROF.hasArtifact)
        if str(a).startswith(prefix)
    ]
    missing = [a for a in artifacts if not (VOCAB / a.removeprefix(prefix)).is_file()]
    assert len(artifacts) == 16
    assert missing == []
