"""Numbers in our JSON mean one RDF literal for every JSON-LD processor.

JSON-LD 1.1 (object to RDF conversion) makes a number without a fractional part an xsd:integer
however it is spelled: `624844.0` is `"624844"^^xsd:integer` to pyld and to JavaScript, while
Python tools that keep floats apart read `"624844.0"^^xsd:double`. So amounts are emitted as
integers when they are whole, and our own converter follows the specification.
"""

from __future__ import annotations

import json

import pytest
from pyld import jsonld
from rdflib import Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from hub.linked_data.render import ntriples_documents
from hub.linked_data.triples import Literal, document_triples
from schemas.parts import MonetaryAmount

VALUE = "http://schema.org/value"
SUBJECT = "http://hub.test/id/projects/p#total-cost"


@pytest.mark.parametrize(
    ("given", "emitted"),
    [(624844.0, 624844), (624844, 624844), ("12.0", 12), (499875.5, 499875.5), (1e21, 1e21)],
)
def test_whole_amounts_are_emitted_as_integers(given: object, emitted: float) -> None:
    amount = MonetaryAmount.model_validate({"value": given})
    assert amount.value == emitted and type(amount.value) is type(emitted)
    assert json.loads(amount.model_dump_json())["value"] == emitted


@pytest.mark.parametrize(
    ("number", "literal"),
    [
        (5, Literal("5", str(XSD.integer))),
        (5.0, Literal("5", str(XSD.integer))),
        (2.5, Literal("2.5", str(XSD.double))),
        (1e21, Literal("1e+21", str(XSD.double))),
    ],
)
def test_untyped_numbers_follow_the_jsonld_rules(number: float, literal: Literal) -> None:
    triples = document_triples({"id": SUBJECT, "value": number})
    assert triples == [(SUBJECT, VALUE, literal)]


@pytest.mark.parametrize("number", [5, 5.0, 2.5, 499875.5, 0.1, 1e21])
def test_our_triples_match_an_independent_jsonld_processor(number: float) -> None:
    doc = {"id": SUBJECT, "value": number}
    ours = Graph().parse(data=ntriples_documents([doc]), format="nt")
    context = {"value": "http://schema.org/value", "id": "@id"}
    theirs = jsonld.to_rdf({"@context": context, **doc}, {"format": "application/n-quads"})
    assert isomorphic(ours, Graph().parse(data=theirs, format="nt"))
    (value,) = ours.objects(URIRef(SUBJECT), URIRef(VALUE))
    assert isinstance(value, RdfLiteral)
