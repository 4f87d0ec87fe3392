"""RDF -> compact JSON-LD documents of our context, one per entity.

An entity is a subject typed with an entity class; nodes hanging off it (blank nodes, or IRIs
in its `#fragment` space) are embedded. Blank nodes lose their label, so the model mints a
stable IRI for them (VOCABULARY.md P17). Old and variant namespaces are normalised on the way
(P9 https schema.org, P10 RegOrg, P12 schemeAgency).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import RDF
from rdflib.term import Node

from hub.linked_data.context import XSD, ContextTerms, Term, bundled_terms
from schemas import kind_of_type

_RENAMED = {
    "http://www.w3.org/ns/regorg#legalName": "http://www.w3.org/ns/legal#legalName",
    "http://www.w3.org/ns/regorg#orgActivity": "http://www.w3.org/ns/legal#companyActivity",
    "http://www.w3.org/ns/regorg#registration": "http://www.w3.org/ns/legal#legalIdentifier",
    "http://www.w3.org/ns/adms#schemeAgency": "http://www.w3.org/ns/adms#schemaAgency",
    "http://www.w3.org/ns/regorg#RegisteredOrganization": "http://www.w3.org/ns/legal#LegalEntity",
}
_ORG_ORGANIZATION = "http://www.w3.org/ns/org#organization"
_NUMBERS = {XSD + name for name in ("double", "decimal", "float")}
_INTEGERS = {XSD + name for name in ("integer", "int", "long", "nonNegativeInteger", "short")}


def normalise_iri(iri: str) -> str:
    if iri.startswith("https://schema.org/"):
        iri = "http://schema.org/" + iri[len("https://schema.org/"):]
    return _RENAMED.get(iri, iri)


@dataclass
class GraphDocument:
    """One entity found in a graph: its document, or the problems that stopped it."""

    subject: str
    kind: str | None
    doc: dict[str, Any]
    errors: list[str] = field(default_factory=list)


class _Reader:
    def __init__(self, graph: Graph, terms: ContextTerms) -> None:
        self.graph = graph
        self.terms = terms
        self.by_iri: dict[str, list[Term]] = {}
        for term in terms.terms.values():
            self.by_iri.setdefault(term.iri, []).append(term)

    def entity_kind(self, subject: Node) -> str | None:
        types = self.graph.objects(subject, RDF.type)
        return kind_of_type([self.terms.compact(normalise_iri(str(t))) for t in types])

    def is_embedded(self, node: Any, owner: str) -> bool:
        return isinstance(node, BNode) or (
            isinstance(node, URIRef) and str(node).startswith(owner + "#")
        )

    def node(self, subject: Node, owner: str, errors: list[str]) -> dict[str, Any]:
        doc: dict[str, Any] = {}
        if isinstance(subject, URIRef):
            doc["id"] = str(subject)
        types: list[str] = []
        for predicate, obj in self.graph.predicate_objects(subject):
            iri = normalise_iri(str(predicate))
            if iri == str(RDF.type):
                types.append(self.terms.compact(normalise_iri(str(obj))))
                continue
            self.add_value(doc, iri, obj, owner, errors)
        for member in self.graph.subjects(URIRef(_ORG_ORGANIZATION), subject):
            if self.is_embedded(member, owner) and (member, RDF.type, None) in self.graph:
                part = str(member).startswith(owner + "#")
                if self.entity_kind(member) == "memberships" and not part:
                    continue
                doc.setdefault("managementTeam", []).append(self.node(member, owner, errors))
        if types:
            doc["type"] = types
        return doc

    def term_for(self, iri: str, obj: Any) -> Term | None:
        candidates = [t for t in self.by_iri.get(iri, []) if not t.reverse]
        if isinstance(obj, RdfLiteral):
            if obj.language:
                return next((t for t in candidates if t.is_language_map), None)
            datatype = str(obj.datatype) if obj.datatype else None
            return next((t for t in candidates if t.datatype == datatype), None) or next(
                (t for t in candidates if t.datatype is None), None
            )
        return next((t for t in candidates if t.is_link), None)

    def add_value(
        self, doc: dict[str, Any], iri: str, obj: Any, owner: str, errors: list[str]
    ) -> None:
        if iri == _ORG_ORGANIZATION and doc.get("id", "").startswith(owner + "#"):
            return  # the reverse link of a management-team seat: implied by nesting
        term = self.term_for(iri, obj)
        if term is None:
            errors.append(f"property <{iri}> with value {obj.n3()} is not part of the vocabulary")
            return
        value: Any
        if isinstance(obj, RdfLiteral) and term.is_language_map:
            self.add_text(doc, term, obj, errors)
            return
        if isinstance(obj, RdfLiteral):
            value = self.literal(obj, term)
        elif self.is_embedded(obj, owner):
            value = self.node(obj, owner, errors)
        else:
            value = self.terms.compact(normalise_iri(str(obj)))
            if value in self.terms.classes:
                value = normalise_iri(str(obj))
        if term.container == "@set":
            doc.setdefault(term.name, []).append(value)
        elif term.name in doc:
            errors.append(f"{term.name} has more than one value")
        else:
            doc[term.name] = value

    @staticmethod
    def add_text(doc: dict[str, Any], term: Term, obj: RdfLiteral, errors: list[str]) -> None:
        languages = doc.setdefault(term.name, {})
        existing = languages.get(obj.language)
        if existing is not None and term.container != "@set" and term.name != "altLabel":
            errors.append(f"{term.name} has two values in language '{obj.language}'")
        if term.name == "altLabel":
            languages.setdefault(obj.language, []).append(str(obj))
        else:
            languages[obj.language] = str(obj)

    @staticmethod
    def literal(obj: RdfLiteral, term: Term) -> Any:
        datatype = str(obj.datatype) if obj.datatype else None
        if term.datatype is not None:
            return str(obj)
        if datatype in _INTEGERS:
            return int(obj)
        if datatype in _NUMBERS:
            return float(obj)
        if datatype == XSD + "boolean":
            return bool(obj.toPython())
        return str(obj)


def graph_documents(graph: Graph, terms: ContextTerms | None = None) -> Iterator[GraphDocument]:
    """The entities of `graph`, in a stable order (by subject IRI)."""
    reader = _Reader(graph, terms or bundled_terms())
    subjects = sorted({s for s in graph.subjects(RDF.type, None)}, key=str)
    for subject in subjects:
        kind = reader.entity_kind(subject)
        if kind is None:
            continue
        label = subject.n3()
        if isinstance(subject, BNode):
            problem = f"{kind[:-1]} {label} is a blank node: give it an IRI"
            yield GraphDocument(label, kind, {}, [problem])
            continue
        iri = str(subject)
        if "#" in iri and (URIRef(iri.split("#", 1)[0]), RDF.type, None) in graph:
            continue  # a part of another entity (e.g. a management-team seat)
        errors: list[str] = []
        doc = reader.node(subject, iri, errors)
        yield GraphDocument(iri, kind, doc, errors)
