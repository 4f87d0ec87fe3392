"""SHACL validation against the shipped shapes (pySHACL), with a typed report.

What goes in, and why:
- shapes: `vocab/shapes/*.shacl.ttl`; the code-list file only `with_code_lists`;
- `ont_graph`: `vocab/ontology/*.ttl`. pySHACL copies its RDFS/OWL axioms into a copy of the data
  graph, so `sh:targetClass org:FormalOrganization` reaches `chub:ClusterOrganisation` nodes
  through `rdfs:subClassOf` (VOCABULARY.md P6);
- concepts: pySHACL copies only RDFS/OWL axioms from `ont_graph`, never `skos:inScheme`, so the
  type and scheme triples of the concepts a graph references (from `vocab/schemes/` and
  `vocab/external/`) are added to the validated copy here. Only those: the whole snapshot set
  has tens of thousands of triples, a document references a few dozen concepts.
- no RDFS entailment (`inference="none"`): `chub:mission` is a sub-property of
  `dct:description`, so entailment would turn a mission and a description in one language into
  two descriptions in that language and break `sh:uniqueLang`. Subclass targeting needs none.

Shapes and concepts are parsed once per process (pySHACL adds two RDFS axioms to the shapes
graph on its first run, the same each time); pySHACL is imported on first use (slow import).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, SKOS
from rdflib.term import Node

import vocab
from schemas.iris import NAMESPACES

__all__ = ["Severity", "ShaclReport", "ShaclResult", "validate_graph"]

Severity = Literal["Violation", "Warning", "Info"]
SHAPES_NAMESPACE = "https://w3id.org/clusterhub/shapes#"
_CODE_LIST_SHAPES = "chub-codelists.shacl.ttl"
_SEVERITY_ORDER: dict[str, int] = {"Violation": 0, "Warning": 1, "Info": 2}
_PREFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {**NAMESPACES, "shp": SHAPES_NAMESPACE, "sh": str(SH)}.items(),
        key=lambda item: -len(item[1]),
    )
)


@dataclass(frozen=True, slots=True)
class ShaclResult:
    """One `sh:ValidationResult`, with IRIs of paths and shapes compacted (`schema:name`)."""

    severity: Severity
    focus_node: str
    path: str | None
    value: str | None
    message: str
    constraint: str  # the constraint component without its suffix: "MinCount", "Pattern"...
    shape: str | None  # the source shape, None when it is a blank node

    def line(self) -> str:
        """One line for a terminal: severity, focus node, path, message."""
        where = f" {self.path}" if self.path else ""
        shown = self.value is not None and self.value.strip("<>") != self.focus_node
        value = f" (value {self.value})" if shown else ""
        return f"{self.severity}: <{self.focus_node}>{where}: {self.message}{value}"


@dataclass(frozen=True, slots=True)
class ShaclReport:
    results: tuple[ShaclResult, ...]

    @property
    def conforms(self) -> bool:
        """True when no result is a violation (warnings and infos allowed)."""
        return not self.violations

    @property
    def violations(self) -> tuple[ShaclResult, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> tuple[ShaclResult, ...]:
        return tuple(r for r in self.results if r.severity == "Warning")


def validate_graph(data: Graph, *, with_code_lists: bool = True) -> ShaclReport:
    """Validate `data` against the shipped shapes; `data` itself is left unchanged."""
    import pyshacl

    working = Graph()
    working += data
    if with_code_lists:
        working += _referenced_concepts(data)
    _, results, _ = pyshacl.validate(
        working,
        shacl_graph=_shapes(with_code_lists),
        ont_graph=_ontology(),
        inference="none",
        allow_warnings=True,
        allow_infos=True,
        inplace=True,
    )
    assert isinstance(results, Graph)
    return ShaclReport(tuple(sorted(_results(results), key=_order)))


def _parse(files: Iterable[Path]) -> Graph:
    graph = Graph()
    for file in files:
        graph.parse(file, format="turtle")
    return graph


@cache
def _shapes(with_code_lists: bool) -> Graph:
    files = [f for f in vocab.shape_files() if with_code_lists or f.name != _CODE_LIST_SHAPES]
    return _parse(files)


@cache
def _ontology() -> Graph:
    return _parse(sorted((vocab.VOCAB_DIR / "ontology").glob("*.ttl")))


@cache
def _concept_facts() -> dict[Node, tuple[tuple[Node, Node, Node], ...]]:
    """Concept IRI -> its `rdf:type` and `skos:inScheme` triples, from every shipped list."""
    graph = _parse([*vocab.scheme_files(), *vocab.external_files()])
    facts: dict[Node, list[tuple[Node, Node, Node]]] = {}
    for predicate in (RDF.type, SKOS.inScheme):
        for subject, obj in graph.subject_objects(predicate):
            if isinstance(subject, URIRef):
                facts.setdefault(subject, []).append((subject, predicate, obj))
    return {concept: tuple(triples) for concept, triples in facts.items()}


def _referenced_concepts(data: Graph) -> Graph:
    facts = _concept_facts()
    found = Graph()
    for obj in set(data.objects()):
        for triple in facts.get(obj, ()):
            found.add(triple)
    return found


def _compact(iri: str) -> str:
    for prefix, namespace in _PREFIXES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def _path(graph: Graph, node: Node) -> str:
    """A SHACL property path in the SPARQL-like form: `^org:member/org:role`, `(a|b)`."""
    if isinstance(node, URIRef):
        return _compact(str(node))
    inverse = graph.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + _path(graph, inverse)
    alternatives = graph.value(node, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(graph, n) for n in Collection(graph, alternatives)) + ")"
    if (node, RDF.first, None) in graph:
        return "/".join(_path(graph, n) for n in Collection(graph, node))
    for modifier, mark in (
        (SH.zeroOrMorePath, "*"),
        (SH.oneOrMorePath, "+"),
        (SH.zeroOrOnePath, "?"),
    ):
        inner = graph.value(node, modifier)
        if inner is not None:
            return _path(graph, inner) + mark
    return str(node)


def _term(node: Node) -> str:
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _value(node: Node) -> str:
    if isinstance(node, RdfLiteral):
        return node.n3()
    if isinstance(node, URIRef):
        return f"<{node}>"
    return _term(node)


def _message(graph: Graph, result: Node) -> str:
    messages = list(graph.objects(result, SH.resultMessage))
    english = [m for m in messages if isinstance(m, RdfLiteral) and m.language in (None, "en")]
    chosen = english or messages
    return str(chosen[0]) if chosen else ""


def _results(graph: Graph) -> Iterator[ShaclResult]:
    # Top-level results only: pySHACL also types the nested `sh:detail` results of `sh:node`
    # as sh:ValidationResult, and the parent result already reports them (with our message).
    for result in graph.objects(None, SH.result):
        severity = str(graph.value(result, SH.resultSeverity)).removeprefix(str(SH))
        focus = graph.value(result, SH.focusNode)
        path = graph.value(result, SH.resultPath)
        value = graph.value(result, SH.value)
        component = str(graph.value(result, SH.sourceConstraintComponent)).removeprefix(str(SH))
        shape = graph.value(result, SH.sourceShape)
        yield ShaclResult(
            severity=severity if severity in _SEVERITY_ORDER else "Violation",  # type: ignore[arg-type]
            focus_node=_term(focus) if focus is not None else "",
            path=_path(graph, path) if path is not None else None,
            value=_value(value) if value is not None else None,
            message=_message(graph, result),
            constraint=component.removesuffix("ConstraintComponent"),
            shape=_compact(str(shape)) if isinstance(shape, URIRef) else None,
        )


def _order(result: ShaclResult) -> tuple[int, str, str, str, str]:
    return (
        _SEVERITY_ORDER[result.severity],
        result.focus_node,
        result.path or "",
        result.constraint,
        result.value or "",
    )
