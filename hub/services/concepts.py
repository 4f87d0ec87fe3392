"""The concepts an instance knows: our SKOS schemes and the EU table snapshots in `vocab/`.

Answers "does this concept exist", "what is its label in this language" and, for spreadsheet
columns, "which concept does this slug, IRI or label (in any shipped language) mean".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

import vocab
from hub.services.folding import fold
from schemas.iris import CODE_LISTS, compact_iri


class AmbiguousLabel(LookupError):
    """A label names more than one concept of the list."""


@dataclass
class ConceptIndex:
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # compact -> lang -> label
    broader: dict[str, str] = field(default_factory=dict)
    _lookup: dict[tuple[str, str], set[str]] = field(
        default_factory=dict
    )  # (prefix, folded) -> concepts

    def known(self, compact: str) -> bool:
        return compact in self.labels

    def label(self, compact: str, language: str = "en") -> str:
        labels = self.labels.get(compact)
        if not labels:
            return compact.partition(":")[2] or compact
        for tag in (language, language.split("-")[0], "en"):
            if tag in labels:
                return labels[tag]
        return next(iter(labels.values()))

    def in_list(self, prefix: str) -> list[str]:
        return sorted(c for c in self.labels if c.startswith(prefix + ":"))

    def resolve(self, text: str, prefixes: Iterable[str]) -> str | None:
        """The concept `text` names in the first list of `prefixes` that has it: a compact IRI,
        a full IRI, a notation/slug, or a label in any language. None when nothing matches."""
        text = text.strip()
        compact = compact_iri(text)
        for prefix in prefixes:
            if compact.startswith(prefix + ":") and self.known(compact):
                return compact
            found = self._lookup.get((prefix, fold(text)))
            if found:
                if len(found) > 1:
                    raise AmbiguousLabel(
                        f"'{text}' names several concepts: {', '.join(sorted(found))}"
                    )
                return next(iter(found))
        return None

    def add(self, compact: str, notations: Iterable[str], labels: dict[str, list[str]]) -> None:
        prefix, _, local = compact.partition(":")
        keys = {fold(local), *(fold(n) for n in notations)}
        for language, texts in labels.items():
            self.labels.setdefault(compact, {}).setdefault(language, texts[0])
            keys.update(fold(t) for t in texts)
        self.labels.setdefault(compact, {})
        for key in keys:
            if key:
                self._lookup.setdefault((prefix, key), set()).add(compact)


def _load(graph: Graph, index: ConceptIndex) -> None:
    for concept in set(graph.subjects(RDF.type, SKOS.Concept)):
        if not isinstance(concept, URIRef):
            continue
        compact = compact_iri(str(concept))
        if compact == str(concept):
            continue  # not in any code list we reference
        labels: dict[str, list[str]] = {}
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for literal in graph.objects(concept, predicate):
                labels.setdefault(getattr(literal, "language", None) or "en", []).append(
                    str(literal)
                )
        notations = [str(n) for n in graph.objects(concept, SKOS.notation)]
        notations += [str(n) for n in graph.objects(concept, DCTERMS.identifier)]
        index.add(compact, notations, labels)
        for parent in graph.objects(concept, SKOS.broader):
            index.broader[compact] = compact_iri(str(parent))


def load_concepts(files: Iterable[Path]) -> ConceptIndex:
    index = ConceptIndex()
    for path in files:
        graph = Graph()
        graph.parse(path, format="turtle")
        _load(graph, index)
    return index


@cache
def shipped_concepts() -> ConceptIndex:
    """Every concept shipped in `vocab/` (parsed once per process)."""
    return load_concepts([*vocab.scheme_files(), *vocab.external_files()])


__all__ = ["CODE_LISTS", "AmbiguousLabel", "ConceptIndex", "load_concepts", "shipped_concepts"]
