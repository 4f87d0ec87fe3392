"""Build the SKOS concept schemes vocab/schemes/{scheme}.ttl from the tables in vocab/schemes/src/.

Usage (from the repository root):

    .venv/bin/python vocab/build/build_schemes.py           # write the Turtle files
    .venv/bin/python vocab/build/build_schemes.py --check   # fail if a file is out of date

Source tables: `schemes.csv` (one row per scheme: title and description) and one
`{scheme}.csv` per scheme with the columns slug, parent, en, sr-Latn, bg, mk, ro, el,
definition_en, close_match, broad_match, note_en, and optionally alt_en and alt_sr-Latn
(alternative labels such as abbreviations, separated by "; "). The Serbian Cyrillic labels
are generated from the Serbian Latin ones with cyrtranslit (the national transliteration),
so only the Latin form is ever edited. Output is deterministic: the same tables give
byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import cyrtranslit
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS, XSD
from rdflib.plugins.serializers.turtle import TurtleSerializer

VOCAB_DIR = Path(__file__).resolve().parents[1]
SRC_DIR = VOCAB_DIR / "schemes" / "src"
OUT_DIR = VOCAB_DIR / "schemes"

SCHEME_BASE = "https://w3id.org/clusterhub/scheme/"
VERSION = "0.1.0"
ISSUED = "2026-11-24"
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
EXTRA_LANGUAGES = ("bg", "mk", "ro", "el")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("slug", "en", "sr-Latn", "definition_en")


class SourceError(ValueError):
    """A source table breaks a rule (bad slug, missing label, unknown parent, ...)."""


@dataclass(frozen=True)
class Scheme:
    slug: str
    title_en: str
    title_sr_latn: str
    description_en: str

    @property
    def iri(self) -> URIRef:
        return URIRef(SCHEME_BASE + self.slug)

    def concept(self, slug: str) -> URIRef:
        return URIRef(f"{SCHEME_BASE}{self.slug}/{slug}")


def serbian_labels(latin: str) -> list[Literal]:
    """The Serbian label in Latin script and its Cyrillic transliteration."""
    cyrillic = cyrtranslit.to_cyrillic(latin, "sr")
    return [Literal(latin, lang="sr-Latn"), Literal(cyrillic, lang="sr-Cyrl")]


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of one scheme's table, checked: required cells, kebab-case slugs, parents."""
    rows = read_rows(path)
    for number, row in enumerate(rows, start=2):
        missing = [column for column in REQUIRED if not row.get(column)]
        if missing:
            raise SourceError(f"{path.name}:{number}: empty {', '.join(missing)}")
        if not SLUG.fullmatch(row["slug"]):
            raise SourceError(f"{path.name}:{number}: slug {row['slug']!r} is not kebab-case")
    slugs = [row["slug"] for row in rows]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise SourceError(f"{path.name}: duplicate slugs {duplicates}")
    for row in rows:
        parent = row.get("parent", "")
        if parent and parent not in slugs:
            raise SourceError(f"{path.name}: {row['slug']} has unknown parent {parent!r}")
    return rows


def read_schemes() -> list[Scheme]:
    rows = read_rows(SRC_DIR / "schemes.csv")
    return [
        Scheme(row["scheme"], row["title_en"], row["title_sr-Latn"], row["description_en"])
        for row in rows
    ]


def add_scheme(graph: Graph, scheme: Scheme) -> None:
    subject = scheme.iri
    graph.add((subject, RDF.type, SKOS.ConceptScheme))
    graph.add((subject, DCTERMS.title, Literal(scheme.title_en, lang="en")))
    for label in serbian_labels(scheme.title_sr_latn):
        graph.add((subject, DCTERMS.title, label))
    graph.add((subject, DCTERMS.description, Literal(scheme.description_en, lang="en")))
    graph.add((subject, DCTERMS.issued, Literal(ISSUED, datatype=XSD.date)))
    graph.add((subject, DCTERMS.license, LICENSE))
    graph.add((subject, OWL.versionInfo, Literal(VERSION)))


def add_concept(graph: Graph, scheme: Scheme, row: dict[str, str]) -> None:
    subject = scheme.concept(row["slug"])
    graph.add((subject, RDF.type, SKOS.Concept))
    graph.add((subject, SKOS.inScheme, scheme.iri))
    graph.add((subject, SKOS.notation, Literal(row["slug"])))
    add_labels(graph, subject, row)
    graph.add((subject, SKOS.definition, Literal(row["definition_en"], lang="en")))
    if row.get("note_en"):
        graph.add((subject, SKOS.editorialNote, Literal(row["note_en"], lang="en")))
    for column, predicate in (("close_match", SKOS.closeMatch), ("broad_match", SKOS.broadMatch)):
        for target in row.get(column, "").split():
            graph.add((subject, predicate, URIRef(target)))
    parent = row.get("parent", "")
    if parent:
        graph.add((subject, SKOS.broader, scheme.concept(parent)))
        graph.add((scheme.concept(parent), SKOS.narrower, subject))
    else:
        graph.add((subject, SKOS.topConceptOf, scheme.iri))
        graph.add((scheme.iri, SKOS.hasTopConcept, subject))


def add_labels(graph: Graph, subject: URIRef, row: dict[str, str]) -> None:
    """Preferred labels in every language the row gives, and its alternative labels."""
    graph.add((subject, SKOS.prefLabel, Literal(row["en"], lang="en")))
    for label in serbian_labels(row["sr-Latn"]):
        graph.add((subject, SKOS.prefLabel, label))
    for language in EXTRA_LANGUAGES:
        if row.get(language):
            graph.add((subject, SKOS.prefLabel, Literal(row[language], lang=language)))
    for alternative in _alternatives(row.get("alt_en", "")):
        graph.add((subject, SKOS.altLabel, Literal(alternative, lang="en")))
    for alternative in _alternatives(row.get("alt_sr-Latn", "")):
        for label in serbian_labels(alternative):
            graph.add((subject, SKOS.altLabel, label))


def _alternatives(cell: str) -> list[str]:
    return [label.strip() for label in cell.split(";") if label.strip()]


def build_graph(scheme: Scheme) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in (
        ("dct", DCTERMS),
        ("owl", OWL),
        ("rdf", RDF),
        ("skos", SKOS),
        ("xsd", XSD),
    ):
        graph.bind(prefix, namespace)
    add_scheme(graph, scheme)
    for row in read_table(SRC_DIR / f"{scheme.slug}.csv"):
        add_concept(graph, scheme, row)
    return graph


def sorted_turtle(graph: Graph) -> str:
    """Turtle with the concept scheme first, then the concepts sorted by IRI (diff-friendly)."""
    serializer = TurtleSerializer(graph)
    serializer.topClasses = [SKOS.ConceptScheme, SKOS.Concept]
    buffer = io.BytesIO()
    serializer.serialize(buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def render(scheme: Scheme) -> str:
    header = (
        f"# {scheme.title_en}: clusterhub SKOS concept scheme, version {VERSION}.\n"
        f"# Generated by vocab/build/build_schemes.py from vocab/schemes/src/{scheme.slug}.csv;"
        " edit the table, not this file.\n\n"
    )
    return header + sorted_turtle(build_graph(scheme))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args(argv)
    stale = []
    for scheme in read_schemes():
        target = OUT_DIR / f"{scheme.slug}.ttl"
        text = render(scheme)
        if args.check:
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                stale.append(target.name)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(VOCAB_DIR)}")
    if stale:
        print(f"out of date: {', '.join(stale)}; run vocab/build/build_schemes.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
