"""Compact JSON-LD (our context) -> triples, following JSON-LD 1.1's RDF algorithm for the
subset the context uses: language maps, `@type` coercion, `@set`, one `@reverse` term."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from hub.linked_data.context import RDF_TYPE, XSD, ContextTerms, Term, bundled_terms


class Literal(NamedTuple):
    lexical: str
    datatype: str | None = None  # None means xsd:string (or rdf:langString with a language)
    language: str | None = None


Object = str | Literal  # an IRI, or a literal
Triple = tuple[str, str, Object]


class UnknownTermError(ValueError):
    """A key the context does not define (it would silently vanish, VOCABULARY.md P21)."""


def document_triples(doc: dict[str, Any], terms: ContextTerms | None = None) -> list[Triple]:
    out: list[Triple] = []
    _node(doc, terms or bundled_terms(), out)
    return out


def many_triples(docs: Iterable[dict[str, Any]]) -> Iterator[Triple]:
    terms = bundled_terms()
    for doc in docs:
        yield from document_triples(doc, terms)


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _native(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal("true" if value else "false", XSD + "boolean")
    if isinstance(value, int):
        return Literal(str(value), XSD + "integer")
    if isinstance(value, float):
        # JSON-LD 1.1 API, object to RDF conversion: a number without a fractional part below
        # 1e21 is an xsd:integer, however the JSON spells it (pyld and JavaScript agree).
        if value.is_integer() and abs(value) < 1e21:
            return Literal(str(int(value)), XSD + "integer")
        return Literal(repr(value), XSD + "double")
    return Literal(str(value))


def _node(node: dict[str, Any], terms: ContextTerms, out: list[Triple]) -> str:
    subject = terms.expand(node["id"])
    for key, value in node.items():
        if key in ("id", "@context"):
            continue
        if key == "type":
            out.extend((subject, RDF_TYPE, terms.expand(name)) for name in _items(value))
            continue
        term = terms.terms.get(key)
        if term is None:
            raise UnknownTermError(key)
        if term.is_language_map:
            for language, texts in value.items():
                out.extend(
                    (subject, term.iri, Literal(text, None, language)) for text in _items(texts)
                )
            continue
        for item in _items(value):
            obj = _object(item, term, terms, out)
            if term.reverse:
                assert isinstance(obj, str)
                out.append((obj, term.iri, subject))
            else:
                out.append((subject, term.iri, obj))
    return subject


def _object(item: Any, term: Term, terms: ContextTerms, out: list[Triple]) -> Object:
    if isinstance(item, dict):
        return _node(item, terms, out)
    if term.is_link:
        return terms.expand(item)
    if term.datatype is not None:
        return Literal(str(item), term.datatype)
    return _native(item)
