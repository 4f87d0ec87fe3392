"""The one JSON-LD context: its prefixes, its terms against the models, and its IRIs against the
ontology and the vocabularies we reuse (VOCABULARY.md section d, P3, P21)."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

import vocab
from hub.linked_data.context import Term, bundled_terms, parse_context
from schemas import CODE_LISTS, KINDS, NAMESPACES
from schemas.base import LinkedModel

CONTEXT: dict[str, Any] = vocab.context_document()["@context"]
XSD = "http://www.w3.org/2001/XMLSchema#"

# Terms of reused vocabularies that the context maps to, each checked against its specification
# (VOCABULARY.md sections a and b name the source of each). A new context term whose IRI is in
# neither this table nor vocab/ontology fails `test_every_term_iri_is_defined`: look the term up
# in its vocabulary before adding it here.
KNOWN_EXTERNAL_TERMS: dict[str, set[str]] = {
    "org": {
        "Organization",
        "FormalOrganization",
        "Membership",
        "member",
        "organization",
        "role",
        "classification",
        "purpose",
    },
    "legal": {"LegalEntity", "legalName", "companyActivity", "legalIdentifier"},
    "locn": {"Address", "address", "fullAddress", "thoroughfare", "postCode", "postName"},
    "epo": {"hasCountryCode", "hasNutsCode"},
    "eurio": {"hasTotalCost"},
    "person": {"Person"},
    "foaf": {"homepage", "givenName", "familyName"},
    "adms": {"Identifier", "schemaAgency"},
    "skos": {
        "Concept",
        "ConceptScheme",
        "prefLabel",
        "altLabel",
        "notation",
        "inScheme",
        "broader",
        "topConceptOf",
        "definition",
    },
    "dct": {
        "title",
        "description",
        "issued",
        "modified",
        "conformsTo",
        "type",
        "creator",
        "publisher",
        "language",
        "license",
    },
    "dcat": {
        "Catalog",
        "Dataset",
        "DataService",
        "Distribution",
        "service",
        "dataset",
        "distribution",
        "accessURL",
        "downloadURL",
        "mediaType",
        "endpointURL",
        "servesDataset",
        "landingPage",
        "themeTaxonomy",
    },
    "hydra": {
        "Collection",
        "PartialCollectionView",
        "member",
        "totalItems",
        "view",
        "first",
        "previous",
        "next",
        "last",
    },
    # The feed (ARCHITECTURE.md section 7): TREE, LDES and ActivityStreams 2.0 terms.
    "tree": {
        "Node",
        "GreaterThanOrEqualToRelation",
        "LessThanRelation",
        "shape",
        "view",
        "member",
        "relation",
        "node",
        "path",
        "value",
    },
    "ldes": {"EventStream", "timestampPath", "versionOfPath"},
    "as": {"Create", "Update", "Delete", "object", "published"},
    "schema": {
        "Organization",
        "OrganizationRole",
        "Event",
        "Project",
        "Place",
        "GeoCoordinates",
        "ContactPoint",
        "Certification",
        "Offer",
        "Service",
        "MonetaryGrant",
        "MonetaryAmount",
        "QuantitativeValue",
        "name",
        "foundingDate",
        "startDate",
        "endDate",
        "validFrom",
        "expires",
        "url",
        "sameAs",
        "category",
        "knowsLanguage",
        "areaServed",
        "inLanguage",
        "availableLanguage",
        "vatID",
        "leiCode",
        "identifier",
        "geo",
        "latitude",
        "longitude",
        "numberOfEmployees",
        "value",
        "minValue",
        "maxValue",
        "valueReference",
        "currency",
        "contactPoint",
        "email",
        "telephone",
        "contactType",
        "hasCertification",
        "issuedBy",
        "makesOffer",
        "itemOffered",
        "location",
        "organizer",
        "funding",
        "funder",
        "amount",
    },
}


def ontology_terms() -> set[str]:
    graph = Graph()
    for path in sorted((vocab.VOCAB_DIR / "ontology").glob("*.ttl")):
        graph.parse(path, format="turtle")
    kinds = (OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)
    return {
        str(s) for kind in kinds for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)
    }


def model_classes() -> Iterator[type[LinkedModel]]:
    """Every model reachable from the entity models (parts, nested parts)."""
    seen: set[type[LinkedModel]] = set()
    todo: list[type[LinkedModel]] = list(KINDS.values())
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        for field in model.model_fields.values():
            todo.extend(nested_models(field.annotation))


def nested_models(annotation: Any) -> Iterator[type[LinkedModel]]:
    if isinstance(annotation, type) and issubclass(annotation, LinkedModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from nested_models(argument)


def unwrap(annotation: Any) -> Any:
    """`X | None` -> X; Annotated[...] -> its base type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def model_fields() -> Iterator[tuple[str, str, Any]]:
    """(model name, alias, unwrapped annotation) of every field but `id` and `type`."""
    for model in model_classes():
        for name, field in model.model_fields.items():
            if name in ("id", "type"):
                continue
            yield model.__name__, field.alias or name, unwrap(field.annotation)


def test_prefixes_are_the_namespaces_and_code_lists_of_the_models() -> None:
    expected = {**NAMESPACES, **{prefix: ns for prefix, (ns, _) in CODE_LISTS.items()}}
    assert bundled_terms().prefixes == expected


def test_context_is_protected_version_1_1_without_vocab() -> None:
    assert CONTEXT["@version"] == 1.1
    assert CONTEXT["@protected"] is True
    assert "@vocab" not in CONTEXT
    assert "@base" not in CONTEXT
    assert (CONTEXT["id"], CONTEXT["type"]) == ("@id", "@type")


def test_every_model_field_alias_is_a_context_term() -> None:
    terms = bundled_terms().terms
    missing = sorted(
        {f"{model}.{alias}" for model, alias, _ in model_fields() if alias not in terms}
    )
    assert missing == []


def test_every_type_a_model_emits_is_a_context_class() -> None:
    classes = bundled_terms().classes
    emitted = set()
    for model in model_classes():
        annotation = model.model_fields["type"].annotation
        emitted.update(a for a in _literal_values(annotation))
    assert sorted(emitted - set(classes) - {"schema:Organization"}) == []


def _literal_values(annotation: Any) -> Iterator[str]:
    if typing.get_origin(annotation) is typing.Literal:
        yield from typing.get_args(annotation)
    for argument in typing.get_args(annotation):
        yield from _literal_values(argument)


def expected_shape(annotation: Any) -> tuple[str | None, str | None]:
    """(datatype, container) the context term of a field with this annotation must have."""
    origin = typing.get_origin(annotation)
    if origin is list:
        datatype, _ = expected_shape(unwrap(typing.get_args(annotation)[0]))
        return datatype, "@set"
    if origin is dict:
        return None, "@language"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "@id", None
    if annotation is date:
        return XSD + "date", None
    return None, None


FIELDS = list(model_fields())


@pytest.mark.parametrize(
    ("model", "alias", "annotation"), FIELDS, ids=[f"{model}.{alias}" for model, alias, _ in FIELDS]
)
def test_context_term_matches_the_model_field(model: str, alias: str, annotation: Any) -> None:
    """Language maps are `@language` containers (P3), lists are `@set`, nested parts and
    links are `@id`, dates are xsd:date: else the RDF differs from what the JSON means."""
    term: Term = bundled_terms().terms[alias]
    datatype, container = expected_shape(annotation)
    if alias == "altLabel":  # several names per language: a language map of arrays
        datatype, container = None, "@language"
    assert term.container == container
    if datatype == "@id" or _is_iri_string(model, alias):
        assert term.is_link
    elif datatype is not None:
        assert term.datatype == datatype


def _is_iri_string(model: str, alias: str) -> bool:
    """Fields holding IRIs or concept references as strings (by their validators)."""
    for cls in model_classes():
        if cls.__name__ != model:
            continue
        field = cls.model_fields[_field_name(cls, alias)]
        metadata = [*field.metadata, *_metadata(field.annotation)]
        validators = [getattr(m, "func", None) for m in metadata]
        names = {getattr(v, "__name__", "") for v in validators}
        return bool(names & {"_check_iri", "check"})
    return False


def _field_name(cls: type[LinkedModel], alias: str) -> str:
    return next(name for name, f in cls.model_fields.items() if (f.alias or name) == alias)


def _metadata(annotation: Any) -> Iterator[Any]:
    if typing.get_origin(annotation) is typing.Annotated:
        yield from typing.get_args(annotation)[1:]
    for argument in typing.get_args(annotation):
        yield from _metadata(argument)


def test_every_term_iri_is_defined_in_the_ontology_or_a_known_vocabulary() -> None:
    known = ontology_terms()
    for prefix, names in KNOWN_EXTERNAL_TERMS.items():
        known.update(NAMESPACES[prefix] + name for name in names)
    parsed = parse_context(CONTEXT)
    used = {term.iri for term in parsed.terms.values()} | set(parsed.classes.values())
    assert sorted(used - known) == []


def test_every_coined_term_of_the_context_is_in_the_ontology() -> None:
    parsed = parse_context(CONTEXT)
    coined = {t.iri for t in parsed.terms.values()} | set(parsed.classes.values())
    coined = {iri for iri in coined if iri.startswith(NAMESPACES["chub"])}
    assert coined and coined <= ontology_terms()
