"""Compact JSON-LD documents of our context written straight to N-Triples, N-Quads and Turtle:
the feed's render path (`hub.linked_data.ldes`), where a page holds a thousand entities.

One walk over a document emits text, with no triples built in between. What each term
becomes is worked out once per writer: its predicate as the syntax writes it, and whether its
values are language maps, links, typed literals or native ones. The reference is
`hub.linked_data.triples.document_triples` with `hub.linked_data.writers`: both follow JSON-LD
1.1 "Deserialize JSON-LD to RDF" for the subset our context uses (language maps, `@type`
coercion, `@set`, one `@reverse` term, native numbers and booleans, embedded nodes with their
own `id`), and tests/linked_data/test_document_writers.py holds their graphs equal.

A writer remembers every IRI it has written, so it lives for one rendering.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from hub.linked_data.context import RDF_TYPE, XSD, ContextTerms, Term, bundled_terms
from hub.linked_data.triples import UnknownTermError
from hub.linked_data.writers import TurtleWriter, quoted

_NOT_TERMS: Final = frozenset({"id", "@context"})

Statement = tuple[str, list[str]]  # a predicate and its objects, as written


@dataclass(frozen=True, slots=True)
class _WrittenTerm:
    """A term as one syntax writes it."""

    predicate: str
    language_map: bool
    link: bool
    datatype: str | None  # typed literals' suffix, `^^` and the datatype ("" for xsd:string)
    reverse: bool


def _bracketed(iri: str) -> str:
    return f"<{iri}>"


class _DocumentWriter(ABC):
    """The walk both syntaxes share; a syntax says how it writes an IRI (`name`) and a node's
    block of statements."""

    def __init__(self, terms: ContextTerms, name: Callable[[str], str], rdf_type: str) -> None:
        self._expand = terms.expand
        self._name = name
        self._terms = {key: self._written(term) for key, term in terms.terms.items()}
        self._terms["type"] = _WrittenTerm(
            rdf_type, language_map=False, link=True, datatype=None, reverse=False
        )
        self._boolean = "^^" + name(XSD + "boolean")
        self._integer = "^^" + name(XSD + "integer")
        self._double = "^^" + name(XSD + "double")
        self._iris: dict[str, str] = {}

    @abstractmethod
    def _block(self, subject: str, statements: list[Statement]) -> str:
        """The node's statements as one block of text ("" for none)."""

    def _written(self, term: Term) -> _WrittenTerm:
        datatype = None
        if term.datatype is not None and not term.is_link:
            datatype = "" if term.datatype == XSD + "string" else "^^" + self._name(term.datatype)
        return _WrittenTerm(
            self._name(term.iri), term.is_language_map, term.is_link, datatype, term.reverse
        )

    def _document(self, doc: dict[str, Any]) -> str:
        out: list[str] = []
        self._node(doc, out)
        return "".join(out)

    def _iri(self, value: str) -> str:
        """A class term, compact or absolute IRI as written."""
        found = self._iris.get(value)
        if found is None:
            # `scheme://...` is absolute: nothing to expand (most of a page's IRIs are).
            iri = value if "://" in value else self._expand(value)
            found = self._iris[value] = self._name(iri)
        return found

    def _node(self, node: dict[str, Any], out: list[str]) -> str:
        """Writes the node's block to `out`, then those of the nodes it embeds."""
        subject = self._iri(node["id"])
        position = len(out)
        out.append("")
        statements: list[Statement] = []
        for key, value in node.items():
            term = self._terms.get(key)
            if term is None:
                if key in _NOT_TERMS:
                    continue
                raise UnknownTermError(key)
            objects = self._objects(value, term, out)
            if term.reverse:
                out.extend(self._block(obj, [(term.predicate, [subject])]) for obj in objects)
            elif objects:
                statements.append((term.predicate, objects))
        out[position] = self._block(subject, statements)
        return subject

    def _objects(self, value: Any, term: _WrittenTerm, out: list[str]) -> list[str]:
        """A term's value as written objects; the commonest first: a link, or a list."""
        if term.language_map:
            return self._texts(value)
        iris = self._iris
        if term.link and value.__class__ is str:
            return [iris.get(value) or self._iri(value)]
        if value.__class__ is not list:
            return [self._object(value, term, out)]
        objects = []
        for item in value:
            if term.link and item.__class__ is str:
                objects.append(iris.get(item) or self._iri(item))
            else:
                objects.append(self._object(item, term, out))
        return objects

    def _texts(self, value: dict[str, Any]) -> list[str]:
        return [
            f"{quoted(text)}@{language}" if language else quoted(text)
            for language, texts in value.items()
            for text in (texts if isinstance(texts, list) else [texts])
        ]

    def _object(self, item: Any, term: _WrittenTerm, out: list[str]) -> str:
        if isinstance(item, dict):
            return self._node(item, out)
        if term.link:
            return self._iri(item)
        if term.datatype is not None:
            return quoted(str(item)) + term.datatype
        if isinstance(item, str):
            return quoted(item)
        return self._native(item)

    def _native(self, value: Any) -> str:
        if isinstance(value, bool):
            return ('"true"' if value else '"false"') + self._boolean
        if isinstance(value, int):
            return f'"{value}"{self._integer}'
        if isinstance(value, float):
            # JSON-LD 1.1 API, object to RDF conversion: a number without a fractional part
            # below 1e21 is an xsd:integer, however the JSON spells it (as in triples.py).
            if value.is_integer() and abs(value) < 1e21:
                return f'"{int(value)}"{self._integer}'
            return f'"{value!r}"{self._double}'
        return quoted(str(value))


class NTriplesDocumentWriter(_DocumentWriter):
    """Documents as N-Triples lines, or as N-Quads lines in a named graph."""

    def __init__(self, terms: ContextTerms | None = None) -> None:
        super().__init__(terms or bundled_terms(), _bracketed, _bracketed(RDF_TYPE))
        self._end = " .\n"

    def lines(self, doc: dict[str, Any], graph: str | None = None) -> str:
        self._end = f" <{graph}> .\n" if graph else " .\n"
        return self._document(doc)

    def _block(self, subject: str, statements: list[Statement]) -> str:
        end = self._end
        return "".join([
            f"{subject} {predicate} {obj}{end}"
            for predicate, objects in statements
            for obj in objects
        ])


class TurtleDocumentWriter(_DocumentWriter):
    """Documents as Turtle blocks, one per node, for a header of the context's prefixes
    (`hub.linked_data.writers.TurtleWriter.header`)."""

    def __init__(self, terms: ContextTerms | None = None) -> None:
        terms = terms or bundled_terms()
        super().__init__(terms, TurtleWriter(terms).name, "a")

    def blocks(self, doc: dict[str, Any]) -> str:
        return self._document(doc)

    def _block(self, subject: str, statements: list[Statement]) -> str:
        if not statements:  # a node with nothing but its `id` says nothing of itself
            return ""
        lines = [f"    {predicate} {', '.join(objects)}" for predicate, objects in statements]
        return f"{subject}\n" + " ;\n".join(lines) + " .\n\n"
