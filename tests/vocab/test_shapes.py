"""The SHACL shapes as published: files, labels, severities, and coverage of every model field.

Behaviour (what conforms, what does not) is in test_shapes_models.py and test_examples.py.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from functools import cache

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.term import Node

import vocab
from hub.linked_data.context import bundled_terms
from schemas.iris import CODE_LISTS
from tests.vocab.test_context import FIELDS, model_classes

SHP = Namespace("https://w3id.org/clusterhub/shapes#")
SHAPE_FILES = ("chub-codelists", "chub-core", "chub-ranges", "chub-recommended")
RDF_LANG_STRING = RDF.langString
NODE_LEVEL = (SH["or"], SH.xone, SH["not"], SH["and"], SH["class"], SH.nodeKind)


@cache
def shapes(name: str) -> Graph:
    return Graph().parse(vocab.path("shapes", f"{name}.shacl.ttl"), format="turtle")


@cache
def all_shapes() -> Graph:
    graph = Graph()
    for name in SHAPE_FILES:
        graph += shapes(name)
    return graph


def node_shapes(graph: Graph) -> set[Node]:
    return set(graph.subjects(RDF.type, SH.NodeShape))


def property_shapes(graph: Graph) -> set[Node]:
    """Named property shapes and those attached to node shapes (not the members of sh:or
    lists, whose results their parent reports with its own message and severity)."""
    attached = {p for s in node_shapes(graph) for p in graph.objects(s, SH.property)}
    return set(graph.subjects(RDF.type, SH.PropertyShape)) | attached


def english(graph: Graph, node: Node, predicate: URIRef) -> list[Literal]:
    return [
        o for o in graph.objects(node, predicate) if isinstance(o, Literal) and o.language == "en"
    ]


def test_the_four_shape_files_are_shipped() -> None:
    assert sorted(p.name for p in vocab.shape_files()) == [f"{n}.shacl.ttl" for n in SHAPE_FILES]


@pytest.mark.parametrize("name", SHAPE_FILES)
def test_every_named_shape_has_an_english_label_and_message(name: str) -> None:
    graph = shapes(name)
    unlabelled = sorted(str(s) for s in node_shapes(graph) if not english(graph, s, RDFS.label))
    unnamed = sorted(
        str(s)
        for s in property_shapes(graph)
        if not english(graph, s, SH.name) or not english(graph, s, SH.message)
    )
    silent = sorted(
        str(s)
        for s in node_shapes(graph)
        if any((s, p, None) in graph for p in NODE_LEVEL) and not english(graph, s, SH.message)
    )
    assert (unlabelled, unnamed, silent) == ([], [], [])


def test_no_shape_is_closed() -> None:
    """Closed shapes block extensions (VOCABULARY.md section d); unknown JSON keys are the
    models' business (P21)."""
    assert list(all_shapes().subject_objects(SH.closed)) == []


def severities(graph: Graph) -> dict[Node, URIRef]:
    shapes_ = node_shapes(graph) | property_shapes(graph)
    return {s: graph.value(s, SH.severity, default=SH.Violation) for s in shapes_}  # type: ignore[misc]


def test_recommended_shapes_only_warn_and_inform() -> None:
    found = severities(shapes("chub-recommended"))
    assert found and set(found.values()) <= {SH.Warning, SH.Info}


@pytest.mark.parametrize("name", ["chub-core", "chub-ranges"])
def test_contract_shapes_are_violations(name: str) -> None:
    assert set(severities(shapes(name)).values()) == {SH.Violation}


def test_code_list_warnings_are_only_the_recommended_ones() -> None:
    found = severities(shapes("chub-codelists"))
    warned = {str(s) for s, severity in found.items() if severity != SH.Violation}
    assert warned and all(s.startswith(str(SHP)) and "-recommended" in s for s in warned)


# --- Coverage: every property the models emit has its rules.


def term_iri(alias: str) -> str:
    return bundled_terms().terms[alias].iri


def paths(graph: Graph, iri: str) -> Iterator[Node]:
    """Named property shapes whose path is exactly `iri` (not inverse or sequence paths)."""
    for shape in graph.subjects(SH.path, URIRef(iri)):
        if (shape, RDF.type, SH.PropertyShape) in graph:
            yield shape


def covered_iris() -> set[str]:
    return {term_iri(alias) for _, alias, _ in FIELDS if not bundled_terms().terms[alias].reverse}


def test_every_model_property_has_a_core_property_shape() -> None:
    core = shapes("chub-core")
    missing = sorted(iri for iri in covered_iris() if not list(paths(core, iri)))
    assert missing == []


def test_every_model_property_marks_its_subject_as_named() -> None:
    """shp:NamedNode targets the subjects of every property the models emit: no blank node
    carries our data (P17)."""
    targets = {str(o) for o in shapes("chub-core").objects(SHP.NamedNode, SH.targetSubjectsOf)}
    assert sorted(covered_iris() - targets) == []


def test_every_embedded_part_link_is_in_the_named_node_exception() -> None:
    """A blank part is reported once, by its link's shape; shp:NamedNode lets exactly the links
    to parts through (their own shapes require IRIs)."""
    core = shapes("chub-core")
    links = set()
    for model in model_classes():
        for name, field in model.model_fields.items():
            if name != "type" and any(True for _ in _nested(field.annotation)):
                links.add(term_iri(field.alias or name))
    links.discard(term_iri("managementTeam"))  # a reverse link: the seat is the subject
    alternatives = next(core.objects(None, SH.alternativePath))
    assert {str(n) for n in Collection(core, alternatives)} == links


def _nested(annotation: object) -> Iterator[type]:
    from schemas.base import PartModel

    if isinstance(annotation, type) and issubclass(annotation, PartModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _nested(argument)


@pytest.mark.parametrize(
    "alias",
    sorted(
        {
            a
            for _, a, _ in FIELDS
            if bundled_terms().terms[a].is_link and not bundled_terms().terms[a].reverse
        }
    ),
)
def test_every_link_requires_an_iri(alias: str) -> None:
    core = shapes("chub-core")
    found = [s for s in paths(core, term_iri(alias))]
    assert found and all((s, SH.nodeKind, SH.IRI) in core for s in found)


@pytest.mark.parametrize(
    "alias", sorted({a for _, a, _ in FIELDS if bundled_terms().terms[a].is_language_map})
)
def test_every_text_term_takes_language_tagged_strings(alias: str) -> None:
    """Language maps give rdf:langString with a tag (P3); one text per language except for
    alternative names."""
    core = shapes("chub-core")
    found = list(paths(core, term_iri(alias)))
    assert found and all((s, SH.datatype, RDF_LANG_STRING) in core for s in found)
    unique = alias != "altLabel"
    assert all(((s, SH.uniqueLang, Literal(True)) in core) == unique for s in found)


# --- Code lists: each concept field is checked against the schemes of its code lists.


@cache
def scheme_of_prefix() -> dict[str, set[str]]:
    """Code-list prefix -> the schemes its shipped concepts are in (read from the data)."""
    graph = Graph()
    for path in [*vocab.scheme_files(), *vocab.external_files()]:
        graph.parse(path, format="turtle")
    found: dict[str, set[str]] = {}
    for prefix, (namespace, _) in CODE_LISTS.items():
        for concept, scheme in graph.subject_objects(SKOS.inScheme):
            if str(concept).startswith(namespace) and "/" not in str(concept)[len(namespace) :]:
                found.setdefault(prefix, set()).add(str(scheme))
    return found


def concept_fields() -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(model, alias, code-list prefixes) of every field validated by `schemas.types.concept`."""
    for model in model_classes():
        for name, field in model.model_fields.items():
            for check in _concept_checks([*field.metadata, field.annotation]):
                yield model.__name__, field.alias or name, check


def _concept_checks(items: list[object]) -> Iterator[tuple[str, ...]]:
    for item in items:
        func = getattr(item, "func", None)
        if (
            func is not None
            and func.__name__ == "check"
            and "prefixes" in func.__code__.co_freevars
        ):
            cell = func.__closure__[func.__code__.co_freevars.index("prefixes")]
            yield tuple(cell.cell_contents)
        if typing.get_origin(item) is typing.Annotated:
            yield from _concept_checks(list(typing.get_args(item)[1:]))
        yield from (
            _concept_checks(list(typing.get_args(item))) if not isinstance(item, str) else iter(())
        )


def accepted_schemes(graph: Graph, shape: Node) -> set[str]:
    """The schemes a code-list property shape accepts (through sh:node and sh:or)."""
    found: set[str] = set()
    for target in graph.objects(shape, SH.node):
        found |= accepted_schemes(graph, target)
    for options in graph.objects(shape, SH["or"]):
        for option in Collection(graph, options):
            found |= accepted_schemes(graph, option)
    for member in graph.objects(shape, SH.property):
        if graph.value(member, SH.path) == SKOS.inScheme:
            found |= {str(v) for v in graph.objects(member, SH.hasValue)}
    if graph.value(shape, SH.path) == SKOS.inScheme:
        found |= {str(v) for v in graph.objects(shape, SH.hasValue)}
    return found


def test_concept_fields_are_found() -> None:
    assert len(list(concept_fields())) >= 20


def test_every_concept_field_is_checked_against_its_schemes() -> None:
    """Per property IRI: the schemes the models accept are the schemes the code-list shapes
    accept (the shapes also take NUTS 2021, whose codes live on in NUTS 2024, P13)."""
    graph = shapes("chub-codelists")
    by_iri: dict[str, set[str]] = {}
    for _, alias, prefixes in concept_fields():
        for prefix in prefixes:
            by_iri.setdefault(term_iri(alias), set()).update(scheme_of_prefix()[prefix])
    mismatched = {}
    for iri, schemes in sorted(by_iri.items()):
        violations = [s for s in paths(graph, iri) if (s, SH.severity, None) not in graph]
        accepted = (
            set().union(*(accepted_schemes(graph, s) for s in violations)) if violations else set()
        )
        accepted.discard("http://data.europa.eu/nuts/scheme/2021")
        if accepted != schemes:
            mismatched[iri] = (sorted(schemes), sorted(accepted))
    assert mismatched == {}


def test_shapes_that_report_results_have_iris() -> None:
    """Targeted node shapes and their property shapes are the source shapes of top-level
    results: they have IRIs, so reports and the invalid examples' expectations can name them."""
    graph = all_shapes()
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
    targeted = {s for t in targets for s in graph.subjects(t, None)}
    attached = {p for s in targeted for p in graph.objects(s, SH.property)}
    assert [str(s) for s in targeted | attached if not isinstance(s, URIRef)] == []


def test_validation_loads_every_shape_and_the_code_lists_only_when_asked() -> None:
    from hub.linked_data import shacl

    def named(graph: Graph) -> set[Node]:
        return {s for s in node_shapes(graph) | property_shapes(graph) if isinstance(s, URIRef)}

    code_lists = named(shapes("chub-codelists"))
    assert named(shacl._shapes(True)) == named(all_shapes())
    assert named(shacl._shapes(False)) == named(all_shapes()) - code_lists
