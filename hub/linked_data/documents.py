"""RDF -> compact JSON-LD documents of our context, one per entity.

An entity is a subject typed with an entity class; nodes hanging off it (blank nodes, or IRIs
in its `#fragment` space) are embedded. Blank nodes lose their label, so the model mints a
stable IRI for them (VOCABULARY.md P17). Old and variant namespaces are normalised on the way
(P9 https schema.org, P10 RegOrg, P12 schemeAgency).

Nothing is dropped in silence: a property outside the vocabulary is a problem (the rest of its
entity is still read, so that one answer lists every problem), and so is a subject that is
no part of another node and no entity (no `rdf:type`, or a class that is no entity's).
"""

from __future__ import annotations

import re
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
# A Turtle local name that needs no escaping (PN_LOCAL, simplified: no `.`-ending, no `%`).
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_][\w\-.]*(?<!\.)")


def normalise_iri(iri: str) -> str:
    if iri.startswith("https://schema.org/"):
        iri = "http://schema.org/" + iri[len("https://schema.org/") :]
    return _RENAMED.get(iri, iri)


@dataclass(frozen=True, slots=True)
class GraphProblem:
    """A problem of a subject's triples; `field` is the document path of the property, its
    last step named as the graph's prefixes write it (`address.schema:colour`)."""

    message: str
    field: str | None = None


@dataclass
class GraphDocument:
    """One subject of a graph: the entity's document (None when the subject cannot be an
    entity at all), with the problems found on the way."""

    subject: str
    node: Node
    kind: str | None
    doc: dict[str, Any] | None
    errors: list[GraphProblem] = field(default_factory=list)


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

    def node(
        self, subject: Node, owner: str, errors: list[GraphProblem], path: str = ""
    ) -> dict[str, Any]:
        doc: dict[str, Any] = {}
        if isinstance(subject, URIRef):
            doc["id"] = str(subject)
        types: list[str] = []
        for predicate, obj in self.graph.predicate_objects(subject):
            iri = normalise_iri(str(predicate))
            if iri == str(RDF.type):
                types.append(self.terms.compact(normalise_iri(str(obj))))
                continue
            self.add_value(doc, _Value(predicate, iri, obj), owner, errors, path)
        for member in self.graph.subjects(URIRef(_ORG_ORGANIZATION), subject):
            if self.is_embedded(member, owner) and (member, RDF.type, None) in self.graph:
                part = str(member).startswith(owner + "#")
                if self.entity_kind(member) == "memberships" and not part:
                    continue
                seat = self.node(member, owner, errors, f"{path}managementTeam.")
                doc.setdefault("managementTeam", []).append(seat)
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
        self,
        doc: dict[str, Any],
        found: _Value,
        owner: str,
        errors: list[GraphProblem],
        path: str,
    ) -> None:
        iri, obj = found.iri, found.obj
        if iri == _ORG_ORGANIZATION and doc.get("id", "").startswith(owner + "#"):
            return  # the reverse link of a management-team seat: implied by nesting
        term = self.term_for(iri, obj)
        if term is None:
            message = f"property <{iri}> with value {obj.n3()} is not part of the vocabulary"
            errors.append(GraphProblem(message, path + self.written(found.predicate)))
            return
        if isinstance(obj, RdfLiteral) and term.is_language_map:
            self.add_text(doc, term, obj, errors, path)
            return
        value: Any
        if isinstance(obj, RdfLiteral):
            value = self.literal(obj, term)
        elif self.is_embedded(obj, owner):
            value = self.node(obj, owner, errors, f"{path}{term.name}.")
        else:
            value = self.terms.compact(normalise_iri(str(obj)))
            if value in self.terms.classes:
                value = normalise_iri(str(obj))
        if term.container == "@set":
            doc.setdefault(term.name, []).append(value)
        elif term.name in doc:
            errors.append(GraphProblem(f"{term.name} has more than one value", path + term.name))
        else:
            doc[term.name] = value

    def written(self, named: Node) -> str:
        """A property or class as the graph's own prefixes write it (as the file did), else
        as our context's prefixes would, else the IRI."""
        iri = str(named)
        best: tuple[str, str] | None = None
        for prefix, namespace in self.graph.namespaces():
            if iri.startswith(namespace) and (best is None or len(namespace) > len(best[1])):
                best = (prefix, str(namespace))
        if best is not None and _LOCAL_NAME.fullmatch(iri[len(best[1]) :]):
            return f"{best[0]}:{iri[len(best[1]) :]}"
        compact = self.terms.compact(iri)
        return compact if compact != iri else f"<{iri}>"

    @staticmethod
    def add_text(
        doc: dict[str, Any], term: Term, obj: RdfLiteral, errors: list[GraphProblem], path: str
    ) -> None:
        languages = doc.setdefault(term.name, {})
        existing = languages.get(obj.language)
        if existing is not None and term.container != "@set" and term.name != "altLabel":
            message = f"{term.name} has two values in language '{obj.language}'"
            errors.append(GraphProblem(message, path + term.name))
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


@dataclass(frozen=True, slots=True)
class _Value:
    """One (predicate, object) of a node: `iri` is the predicate normalised."""

    predicate: Node
    iri: str
    obj: Any


def graph_documents(graph: Graph, terms: ContextTerms | None = None) -> Iterator[GraphDocument]:
    """The entities of `graph`, then the subjects that are no entity and no part of one, each
    in a stable order (by subject)."""
    reader = _Reader(graph, terms or bundled_terms())
    subjects = sorted({s for s in graph.subjects(RDF.type, None)}, key=str)
    entities: set[Node] = set()
    for subject in subjects:
        kind = reader.entity_kind(subject)
        if kind is None:
            continue
        entities.add(subject)
        label = subject.n3()
        if isinstance(subject, BNode):
            problem = GraphProblem(f"{kind[:-1]} {label} is a blank node: give it an IRI", "id")
            yield GraphDocument(label, subject, kind, None, [problem])
            continue
        iri = str(subject)
        if _is_part(graph, subject, of_typed=True):
            continue  # a part of another entity (e.g. a management-team seat)
        errors: list[GraphProblem] = []
        doc = reader.node(subject, iri, errors)
        yield GraphDocument(iri, subject, kind, doc, errors)
    yield from _strays(graph, reader, entities)


def _strays(graph: Graph, reader: _Reader, entities: set[Node]) -> Iterator[GraphDocument]:
    """Subjects that are no entity (not in `entities`) and hang off no other node (untyped,
    or of a class that is no entity's): their triples would be lost."""
    for subject in sorted(set(graph.subjects()), key=str):
        if subject in entities or _is_part(graph, subject, of_typed=False):
            continue
        if isinstance(subject, BNode) and (None, None, subject) in graph:
            continue  # an embedded node (an address, a geo point...)
        label = subject.n3()
        name = str(subject) if isinstance(subject, URIRef) else label
        types = sorted(reader.written(t) for t in graph.objects(subject, RDF.type))
        if types:
            message = f"{label} is a {', '.join(types)}: no kind of entity this node keeps"
        else:
            message = f"{label} has no rdf:type: cannot tell what kind of entity it is"
        yield GraphDocument(name, subject, None, None, [GraphProblem(message, "type")])


def _is_part(graph: Graph, subject: Node, *, of_typed: bool) -> bool:
    """An IRI in the `#fragment` space of another subject (`…/acme#address`), of a typed
    one when `of_typed`."""
    iri = str(subject)
    if not isinstance(subject, URIRef) or "#" not in iri:
        return False
    owner = URIRef(iri.split("#", 1)[0])
    return (owner, RDF.type if of_typed else None, None) in graph
