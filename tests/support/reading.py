"""Reading what the app serves: HTML parsed with the standard library's `html.parser` into a
small tree, and JSON-LD read as RDF with the bundled context (never fetched)."""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import rdflib

import vocab

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_SPACES = re.compile(r"\s+")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        """The text content, whitespace collapsed (like `innerText` without layout)."""
        parts: list[str] = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else " " + child.text() + " ")
        return _SPACES.sub(" ", "".join(parts)).strip()

    def iter(self) -> list[Element]:
        found: list[Element] = []
        for child in self.children:
            if isinstance(child, Element):
                found.append(child)
                found.extend(child.iter())
        return found

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """Descendants with this tag whose attributes have these values (`class_` matches one
        class of the element)."""
        wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag)
            and all(_matches(element, n, v) for n, v in wanted.items())
        ]

    def find(self, tag: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag}> with {attrs}"
        return found[0]

    def section(self, heading_id: str) -> Element:
        """The element labelled by the heading with this id (`aria-labelledby`)."""
        return self.find(aria_labelledby=heading_id)


def _matches(element: Element, name: str, value: str) -> bool:
    if name == "class":
        return value in element.attrs.get("class", "").split()
    return element.attrs.get(name) == value


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def table_rows(table: Element) -> list[list[str]]:
    """The text of each cell of each body row."""
    body = table.find("tbody")
    return [
        [cell.text() for cell in row.children if isinstance(cell, Element)]
        for row in body.find_all("tr")
    ]


def definitions(dl: Element) -> dict[str, list[str]]:
    """A `<dl>` as term -> the texts of its definitions."""
    found: dict[str, list[str]] = {}
    term = ""
    for child in dl.children:
        if isinstance(child, Element) and child.tag == "dt":
            term = child.text()
        elif isinstance(child, Element) and child.tag == "dd":
            found.setdefault(term, []).append(child.text())
    return found


def links(element: Element) -> list[tuple[str, str]]:
    return [(a.text(), a.attrs.get("href", "")) for a in element.find_all("a")]


def jsonld_graph(body: bytes | str | dict[str, Any]) -> rdflib.Graph:
    """A JSON-LD document of our context as a graph; the context URL means the bundled copy."""
    doc = json.loads(body) if isinstance(body, bytes | str) else body
    assert doc["@context"] == vocab.CONTEXT_URL
    inline = {**doc, "@context": vocab.context_document()["@context"]}
    with warnings.catch_warnings():
        # rdflib 7's JSON-LD parser builds a ConjunctiveGraph internally (VOCABULARY.md P19).
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return rdflib.Graph().parse(data=json.dumps(inline), format="json-ld")
