"""The term table of the bundled JSON-LD context."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import vocab

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    iri: str
    datatype: str | None = None  # a datatype IRI, or "@id" for links
    container: str | None = None  # "@language", "@set" or None
    reverse: bool = False

    @property
    def is_link(self) -> bool:
        return self.datatype == "@id" or self.reverse

    @property
    def is_language_map(self) -> bool:
        return self.container == "@language"


@dataclass(frozen=True, slots=True)
class ContextTerms:
    terms: dict[str, Term]
    prefixes: dict[str, str]
    classes: dict[str, str]  # class term -> class IRI

    def expand(self, value: str) -> str:
        """A class term, compact IRI or absolute IRI -> the absolute IRI."""
        if value in self.classes:
            return self.classes[value]
        prefix, sep, local = value.partition(":")
        if sep and prefix in self.prefixes and not local.startswith("//"):
            return self.prefixes[prefix] + local
        return value

    def compact(self, iri: str) -> str:
        """An absolute IRI -> a class term or `prefix:local` where one fits, else the IRI."""
        for term, class_iri in self.classes.items():
            if class_iri == iri:
                return term
        best = ""
        for prefix, namespace in self.prefixes.items():
            if iri.startswith(namespace) and len(namespace) > len(self.prefixes.get(best, "")):
                best = prefix
        if best and len(iri) > len(self.prefixes[best]):
            return f"{best}:{iri[len(self.prefixes[best]):]}"
        return iri


def _is_prefix(value: str) -> bool:
    return value.endswith(("/", "#"))


def parse_context(context: dict[str, Any]) -> ContextTerms:
    prefixes: dict[str, str] = {}
    for name, definition in context.items():
        if isinstance(definition, str) and not name.startswith("@") and _is_prefix(definition):
            prefixes[name] = definition
    draft = ContextTerms({}, prefixes, {})
    terms: dict[str, Term] = {}
    classes: dict[str, str] = {}
    for name, definition in context.items():
        if name.startswith("@") or name in prefixes or definition in ("@id", "@type"):
            continue
        if isinstance(definition, str):
            expanded = draft.expand(definition)
            if name[:1].isupper():
                classes[name] = expanded
            else:
                terms[name] = Term(name, expanded)
            continue
        reverse = "@reverse" in definition
        iri = draft.expand(definition["@reverse" if reverse else "@id"])
        datatype = definition.get("@type")
        if datatype is not None and datatype != "@id":
            datatype = draft.expand(datatype)
        terms[name] = Term(name, iri, datatype, definition.get("@container"), reverse)
    return ContextTerms(terms, prefixes, classes)


@cache
def bundled_terms() -> ContextTerms:
    return parse_context(vocab.context_document()["@context"])
