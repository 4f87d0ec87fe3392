"""Serialisers for triples: N-Triples, N-Quads and Turtle, streaming and dependency-free."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from hub.linked_data.context import RDF_TYPE, XSD, ContextTerms, bundled_terms
from hub.linked_data.triples import Literal, Object, Triple

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r\t]')
_LOCAL_NAME = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?$")


def quoted(text: str) -> str:
    """`text` as a quoted string of N-Triples and Turtle (RDF 1.1 N-Triples, ECHAR); the
    search first, since most texts need no escape and `translate` is slow."""
    return f'"{text.translate(_ESCAPES)}"' if _NEEDS_ESCAPE.search(text) else f'"{text}"'


def _iri(value: str) -> str:
    return f"<{value}>"


def _literal(value: Literal, datatype: str) -> str:
    text = quoted(value.lexical)
    if value.language:
        return f"{text}@{value.language}"
    if value.datatype and value.datatype != XSD + "string":
        return f"{text}^^{datatype}"
    return text


def _nt_object(obj: Object) -> str:
    if isinstance(obj, Literal):
        return _literal(obj, _iri(obj.datatype or ""))
    return _iri(obj)


def ntriples(triples: Iterable[Triple], graph: str | None = None) -> Iterator[str]:
    """One line per triple; with `graph`, N-Quads lines in that named graph."""
    suffix = f" {_iri(graph)} .\n" if graph else " .\n"
    for subject, predicate, obj in triples:
        yield f"{_iri(subject)} {_iri(predicate)} {_nt_object(obj)}{suffix}"


class TurtleWriter:
    """Writes subjects one block at a time with the context's prefixes."""

    def __init__(self, terms: ContextTerms | None = None) -> None:
        self._terms = terms or bundled_terms()
        self._namespaces = sorted(
            self._terms.prefixes.items(), key=lambda item: -len(item[1])
        )
        self._any_namespace = tuple(self._terms.prefixes.values())

    def header(self) -> str:
        lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(self._terms.prefixes.items())]
        return "\n".join(lines) + "\n\n"

    def name(self, iri: str) -> str:
        """A prefixed name where a prefix fits and the rest is a plain local name, else `<iri>`."""
        if not iri.startswith(self._any_namespace):  # one call rules out most entity IRIs
            return _iri(iri)
        for prefix, namespace in self._namespaces:
            if iri.startswith(namespace):
                local = iri[len(namespace):]
                if _LOCAL_NAME.match(local):
                    return f"{prefix}:{local}"
        return _iri(iri)

    def _object(self, obj: Object) -> str:
        if isinstance(obj, Literal):
            return _literal(obj, self.name(obj.datatype or ""))
        return self.name(obj)

    def blocks(self, triples: Iterable[Triple]) -> Iterator[str]:
        """Turtle blocks, one per subject, in first-seen order."""
        by_subject: dict[str, dict[str, list[Object]]] = {}
        for subject, predicate, obj in triples:
            by_subject.setdefault(subject, {}).setdefault(predicate, []).append(obj)
        for subject, predicates in by_subject.items():
            lines = []
            for predicate, objects in predicates.items():
                verb = "a" if predicate == RDF_TYPE else self.name(predicate)
                lines.append(f"    {verb} " + ", ".join(self._object(o) for o in objects))
            yield f"{self.name(subject)}\n" + " ;\n".join(lines) + " .\n\n"


def turtle(triples: Iterable[Triple], terms: ContextTerms | None = None) -> str:
    writer = TurtleWriter(terms)
    return writer.header() + "".join(writer.blocks(triples))
