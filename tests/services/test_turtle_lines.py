"""The Turtle and N-Triples reader on its own (no database): where each entity is written, the
N-Triples export read back through the Turtle path, and no log noise for ill-typed literals."""

from __future__ import annotations

import io
from collections.abc import Iterable

import pytest

from hub.linked_data.render import ntriples_documents
from hub.services.errors import Problem
from hub.services.imports.entries import Entry
from hub.services.imports.rdf import ntriples_items, turtle_items
from hub.settings import Settings
from tests.support import samples

SETTINGS = Settings(base_url=samples.BASE_URL)


def read(items: Iterable[Entry | Problem]) -> list[tuple[str, int | None, str | None]]:
    """(key, or problem message; line; unit) of each item."""
    return [
        (item.key, item.at, item.unit)
        if isinstance(item, Entry)
        else (item.message, item.line, None)
        for item in items
    ]


def test_entities_are_located_at_their_first_statement_as_subject() -> None:
    body = b"\n".join(
        [
            b"@prefix org: <http://www.w3.org/ns/org#> .",
            b"@prefix legal: <http://www.w3.org/ns/legal#> .",
            b'<id/organisations/beta> legal:legalName """Beta',
            b"",
            b'  d.o.o."""@en ;',
            b"  org:hasMember <id/organisations/alpha> .",  # alpha as an object: not its line
            b"# <id/organisations/alpha> a org:Organization .",
            b"<id/organisations/alpha>",  # line 8
            b'  legal:legalName "Alpha"@en ; a org:Organization .',
            b"<id/organisations/beta> a org:Organization .",
            b"",
        ]
    )
    assert read(turtle_items(io.BytesIO(body), SETTINGS)) == [
        (
            "property <http://www.w3.org/ns/org#hasMember> with value"
            f" <{samples.BASE_URL}/id/organisations/alpha> is not part of the vocabulary",
            3,
            None,
        ),
        ("beta", 3, "line"),
        ("alpha", 8, "line"),
    ]


def test_ntriples_export_reads_back_with_a_line_per_entity() -> None:
    docs = [samples.member_organisation(), samples.membership()]
    text = ntriples_documents(docs)
    first = {}
    for number, line in enumerate(text.splitlines(), start=1):
        first.setdefault(line.split(" ", 1)[0].strip("<>"), number)
    items = read(ntriples_items(io.BytesIO(text.encode()), SETTINGS))
    expected = [(doc["id"].rsplit("/", 1)[1], first[doc["id"]], "line") for doc in docs]
    assert items == sorted(expected, key=lambda item: item[1])


def test_malformed_ntriples_is_reported_with_its_line() -> None:
    iri = samples.iri("organisations", "acme")
    body = f'<{iri}> <http://x/p> "a" .\n<{iri}> <http://x/p> oops .\n'.encode()
    assert read(ntriples_items(io.BytesIO(body), SETTINGS)) == [
        ("malformed N-Triples: objectList expected", 2, None)
    ]


def test_an_ill_typed_literal_is_a_problem_not_a_logged_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    body = (
        b"@prefix legal: <http://www.w3.org/ns/legal#> .\n"
        b"<id/organisations/acme> a <http://www.w3.org/ns/org#Organization> ;\n"
        b'  legal:legalName "Acme"@en ;\n'
        b'  <http://schema.org/foundingDate> "2011-02-30"^^<http://www.w3.org/2001/XMLSchema#date>'
        b" .\n"
    )
    assert read(turtle_items(io.BytesIO(body), SETTINGS)) == [("acme", 2, "line")]
    assert caplog.records == []
