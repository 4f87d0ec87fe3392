"""The vocabulary an instance serves: context, ontology, shapes, profile and concept schemes.

The files ship with the code and do not change while a process runs, so each rendering is
made once per process and carries a strong validator (a digest of its bytes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Final

import orjson
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

import vocab
from hub.services.errors import EntityNotFound
from schemas.iris import CODE_LISTS

SCHEME_LANGUAGES: Final = ("en", "sr-Latn", "sr-Cyrl")
_OWN_SCHEMES: Final = "https://w3id.org/clusterhub/scheme/"
# Code-list prefix -> the snapshot file (in vocab/external/) holding the EU table.
_EXTERNAL: Final = {
    "nace21": "nace2.1",
    "nace2": "nace2",
    "country": "country",
    "lang": "language",
    "nuts": "nuts-2024",
    "euprog": "eu-programme",
}


@dataclass(frozen=True, slots=True)
class VocabFile:
    """A served vocabulary rendering and its strong validator."""

    body: bytes
    etag: str


@dataclass(frozen=True, slots=True)
class ConceptRow:
    """One concept of a scheme, as its page lists it."""

    iri: str
    anchor: str  # the local name: `/vocab/schemes/{scheme}#{anchor}`
    notation: str
    labels: dict[str, str]
    broader: str | None
    definition: str | None


@dataclass(frozen=True, slots=True)
class SchemeTable:
    """A concept scheme, as its page lists it."""

    name: str
    iri: str | None
    titles: dict[str, str]
    description: str | None
    concepts: list[ConceptRow] = field(default_factory=list)


def _file(body: bytes) -> VocabFile:
    return VocabFile(body, '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"')


@cache
def context_file() -> VocabFile:
    """The bundled JSON-LD context, byte for byte."""
    return _file(vocab.read_bytes("context", "chub-context.jsonld"))


def ontology_file() -> VocabFile:
    """The ontology (every Turtle file of `vocab/ontology/`, merged)."""
    return _merged(tuple(sorted((vocab.VOCAB_DIR / "ontology").glob("*.ttl"))), "ontology")


def shapes_file() -> VocabFile:
    """Every SHACL shapes file of `vocab/shapes/` merged into one graph."""
    return _merged(tuple(vocab.shape_files()), "shapes")


def profile_file() -> VocabFile:
    """The profile description (W3C PROF)."""
    return _merged(tuple(p for p in [vocab.VOCAB_DIR / "profile.ttl"] if p.is_file()), "profile")


@cache
def _merged(paths: tuple[Path, ...], what: str) -> VocabFile:
    if not paths:
        raise EntityNotFound("vocabulary files", what)
    if len(paths) == 1:
        return _file(paths[0].read_bytes())  # served as written, comments included
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return _file(graph.serialize(format="turtle").encode())


@cache
def scheme_paths() -> dict[str, Path]:
    """Scheme name -> file: our SKOS schemes, then the EU table snapshots."""
    found = {path.stem: path for path in vocab.external_files()}
    found.update({path.stem: path for path in vocab.scheme_files()})
    return dict(sorted(found.items()))


def own_scheme_names() -> list[str]:
    """The names of the schemes clusterhub coins (not the EU tables)."""
    return [path.stem for path in vocab.scheme_files()]


def _scheme_path(name: str) -> Path:
    path = scheme_paths().get(name)
    if path is None:
        raise EntityNotFound("schemes", name)
    return path


@cache
def _scheme_graph(name: str) -> Graph:
    return Graph().parse(_scheme_path(name), format="turtle")


@cache
def scheme_turtle(name: str) -> VocabFile:
    """The scheme's Turtle file, byte for byte."""
    return _file(_scheme_path(name).read_bytes())


@cache
def scheme_ntriples(name: str) -> VocabFile:
    """The scheme as N-Triples."""
    return _file(_scheme_graph(name).serialize(format="nt", encoding="utf-8"))


@cache
def scheme_jsonld(name: str) -> VocabFile:
    """Compacted with the bundled context, which the document then names by its URL."""
    context = vocab.context_document()["@context"]
    compacted = orjson.loads(_scheme_graph(name).serialize(format="json-ld", context=context))
    compacted["@context"] = vocab.CONTEXT_URL
    return _file(orjson.dumps(compacted))


@cache
def scheme_table(name: str) -> SchemeTable:
    """The scheme's concepts with their labels in the UI languages, ordered by notation."""
    graph = _scheme_graph(name)
    scheme = next(iter(graph.subjects(RDF.type, SKOS.ConceptScheme)), None)
    titles = _by_language(graph, scheme, DCTERMS.title) if scheme is not None else {}
    description = _by_language(graph, scheme, DCTERMS.description).get("en") if scheme else None
    rows = [_row(graph, concept) for concept in set(graph.subjects(RDF.type, SKOS.Concept))]
    rows.sort(key=lambda row: (row.notation.casefold(), row.iri))
    iri = str(scheme) if scheme is not None else None
    return SchemeTable(name, iri, titles or {"en": name}, description, rows)


def _by_language(graph: Graph, subject: object, predicate: URIRef) -> dict[str, str]:
    found: dict[str, str] = {}
    for literal in graph.objects(subject, predicate):  # type: ignore[arg-type]
        found.setdefault(getattr(literal, "language", None) or "en", str(literal))
    return found


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _row(graph: Graph, concept: object) -> ConceptRow:
    iri = str(concept)
    notation = next(iter(graph.objects(concept, SKOS.notation)), None)  # type: ignore[arg-type]
    broader = next(iter(graph.objects(concept, SKOS.broader)), None)  # type: ignore[arg-type]
    labels = _by_language(graph, concept, SKOS.prefLabel)
    definition = _by_language(graph, concept, SKOS.definition).get("en")
    return ConceptRow(
        iri=iri,
        anchor=_local(iri),
        notation=str(notation) if notation is not None else _local(iri),
        labels=labels,
        broader=_local(str(broader)) if broader is not None else None,
        definition=definition,
    )


def concept_location(compact: str) -> tuple[str, str] | None:
    """(scheme name, anchor) of a concept like `sector:automotive` or `nace21:6201`, when an
    instance serves its scheme; None otherwise."""
    prefix, _, local = compact.partition(":")
    entry = CODE_LISTS.get(prefix)
    if entry is None or not local:
        return None
    namespace = entry[0]
    name = _EXTERNAL.get(prefix)
    if name is None and namespace.startswith(_OWN_SCHEMES):
        name = namespace[len(_OWN_SCHEMES) :].rstrip("/")
    if name is None or name not in scheme_paths():
        return None
    return name, local


def listed(names: Sequence[str]) -> list[SchemeTable]:
    """Title and description of each named scheme (for the vocabulary index)."""
    return [scheme_table(name) for name in names]


__all__ = [
    "SCHEME_LANGUAGES",
    "ConceptRow",
    "SchemeTable",
    "VocabFile",
    "concept_location",
    "context_file",
    "listed",
    "ontology_file",
    "own_scheme_names",
    "profile_file",
    "scheme_jsonld",
    "scheme_ntriples",
    "scheme_paths",
    "scheme_table",
    "scheme_turtle",
    "shapes_file",
]
