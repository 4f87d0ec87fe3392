"""`clusterhub check-data FILE`: validate RDF against the shipped SHACL shapes.

Exit status: 0 when the data conforms (warnings allowed), 1 on violations, 2 when the file
cannot be read as RDF (the parser's message, with the line, is printed).

JSON-LD read with our context has no `@vocab`, so a key the context does not define (a typo:
`colour`, `vatId`) vanishes from the RDF before SHACL sees it; import refuses such keys (the
models reject unknown terms, VOCABULARY.md P21), so they are violations here too.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rdflib import Graph

    from hub.linked_data.shacl import ShaclResult
    from hub.settings import Settings

# Extension -> rdflib parser. CSV and XLSX member lists go through the importer instead.
FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}
TABULAR = (".csv", ".xlsx")
EXIT_CONFORMS, EXIT_VIOLATIONS, EXIT_UNREADABLE = 0, 1, 2


class UnreadableDataError(Exception):
    """The file is not RDF this command reads; the message says where and why."""


@click.command("check-data")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--no-code-lists",
    is_flag=True,
    help="Skip the code-list shapes (concepts are not checked against their schemes).",
)
def check_data(file: Path, no_code_lists: bool) -> None:
    """Check FILE (Turtle .ttl, N-Triples .nt, JSON-LD .jsonld/.json) against the clusterhub
    SHACL shapes; print every problem, one per line, then a summary."""
    from hub.linked_data.shacl import ShaclReport, validate_graph
    from hub.services.imports.rdf import ill_typed_literals_unlogged
    from hub.services.validation import known_contexts

    settings = _settings()
    try:
        # An invalid literal ("2011-02-30"^^xsd:date) is a SHACL result, not a log traceback.
        with ill_typed_literals_unlogged():
            graph = read_graph(file, known_contexts(settings))
            report = validate_graph(graph, with_code_lists=not no_code_lists)
    except UnreadableDataError as exc:
        click.echo(f"{file}: {exc}", err=True)
        raise SystemExit(EXIT_UNREADABLE) from None
    if FORMATS[file.suffix.lower()] == "json-ld":
        unknown = unknown_terms(_with_our_context(_load_json(file)), settings)
        report = ShaclReport((*unknown, *report.results))
    for result in report.results:
        click.echo(result.line())
    counts = {
        severity: sum(1 for r in report.results if r.severity == severity)
        for severity in ("Violation", "Warning", "Info")
    }
    verdict = "conforms" if report.conforms else "does not conform"
    click.echo(
        f"{file}: {len(graph)} triples, {counts['Violation']} violation(s), "
        f"{counts['Warning']} warning(s), {counts['Info']} info(s): {verdict}"
    )
    raise SystemExit(EXIT_CONFORMS if report.conforms else EXIT_VIOLATIONS)


def _settings() -> Settings:
    from hub.settings import Settings, SettingsError

    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc


def unknown_terms(document: Any, settings: Settings) -> Iterator[ShaclResult]:
    """A violation for each key of a node read with our context that is no term of it, as
    import finds them: the models' validation (`validate_document`), which rejects them."""
    from hub.linked_data.shacl import ShaclResult
    from hub.services.validation import NOT_A_TERM, validate_document

    for node in _nodes_in_our_context(document, settings):
        kind = _kind(node)
        if kind is None:
            continue  # SHACL reports what a node of no kind lacks
        _, problems = validate_document(kind, node)
        for problem in problems:
            if problem.message == f"'{problem.field}' {NOT_A_TERM}":
                message = f"{problem.message}: JSON-LD drops the key, and import refuses it."
                iri = str(node.get("id", "_:"))
                yield ShaclResult("Violation", iri, problem.field, None, message, "Closed", None)


def _nodes_in_our_context(document: Any, settings: Settings) -> Iterator[dict[str, Any]]:
    """The nodes of the documents whose context is ours (as import decides it): the items
    of `@graph`, or the document itself; `@id` and `@type` under their aliases."""
    from hub.services.imports.contexts import classify_context
    from hub.services.imports.jsonld import aliased

    for item in document if isinstance(document, list) else [document]:
        if not isinstance(item, dict) or classify_context(item.get("@context"), settings) != "ours":
            continue
        graph = item.get("@graph")
        nodes = graph if isinstance(graph, list) else [item] if graph is None else []
        for node in nodes:
            if isinstance(node, dict):
                yield aliased({k: v for k, v in node.items() if k != "@context"})


def _kind(node: dict[str, Any]) -> str | None:
    """The entity kind a node's type names, else the kind in its IRI (`…/id/{kind}/{key}`)."""
    from hub.services.imports.jsonld import declared_kind
    from schemas import KINDS

    kind = declared_kind(node.get("type"))
    if kind is not None:
        return kind
    iri = node.get("id")
    if isinstance(iri, str) and "/id/" in iri:
        kind = iri.rsplit("/id/", 1)[1].split("/", 1)[0]
        return kind if kind in KINDS else None
    return None


def read_graph(file: Path, contexts: set[str]) -> Graph:
    """The triples of `file`, or `UnreadableDataError` with the parser's message and line."""
    import rdflib

    suffix = file.suffix.lower()
    if suffix in TABULAR:
        raise UnreadableDataError(
            "a member list is checked by the importer: run `clusterhub import --dry-run "
            f"{file.name}` (or POST it to /import?dry_run=true)"
        )
    fmt = FORMATS.get(suffix)
    if fmt is None:
        raise UnreadableDataError(f"unknown format '{suffix}': use .ttl, .nt, .jsonld or .json")
    graph = rdflib.Graph()
    try:
        if fmt == "json-ld":
            document = bundle_contexts(_with_our_context(_load_json(file)), contexts)
            with warnings.catch_warnings():
                # rdflib 7's JSON-LD parser builds a ConjunctiveGraph internally (P19).
                warnings.filterwarnings(
                    "ignore", "ConjunctiveGraph is deprecated", DeprecationWarning
                )
                graph.parse(
                    data=json.dumps(document), format="json-ld", base=file.resolve().as_uri()
                )
        else:
            graph.parse(file, format=fmt)
    except UnreadableDataError:
        raise
    except Exception as exc:
        raise UnreadableDataError(_parse_error(file, fmt, exc)) from exc
    if not graph:
        raise UnreadableDataError("no triples found (in JSON-LD, keys no context defines vanish)")
    return graph


def _with_our_context(document: Any) -> Any:
    """A document without `@context` is read with ours, as the API reads it."""
    import vocab

    if isinstance(document, dict) and "@context" not in document:
        return {"@context": vocab.CONTEXT_URL, **document}
    if isinstance(document, list):
        return [_with_our_context(item) for item in document]
    return document


def _load_json(file: Path) -> Any:
    try:
        return json.loads(file.read_bytes())
    except UnicodeDecodeError as exc:
        raise UnreadableDataError(f"not UTF-8 text: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise UnreadableDataError(f"line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc


def bundle_contexts(value: Any, contexts: set[str], where: str = "$") -> Any:
    """`value` with every `@context` URL of ours replaced by the bundled context; any other
    URL (at any depth, `@import` included) is refused: rdflib would fetch it (VOCABULARY.md P1)."""
    if isinstance(value, list):
        return [bundle_contexts(item, contexts, f"{where}[{i}]") for i, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key == "@context":
            out[key] = _context(item, contexts, f"{where}.@context")
        elif key == "@import":
            raise UnreadableDataError(
                f"{where}.@import names '{item}': remote contexts are never fetched"
            )
        else:
            out[key] = bundle_contexts(item, contexts, f"{where}.{key}")
    return out


def _context(value: Any, contexts: set[str], where: str) -> Any:
    import vocab

    if isinstance(value, str):
        if value in contexts:
            return vocab.context_document()["@context"]
        raise UnreadableDataError(
            f"{where} names the remote context '{value}', which is never fetched: "
            f"use '{vocab.CONTEXT_URL}' or an inline context"
        )
    if isinstance(value, list):
        return [_context(item, contexts, f"{where}[{i}]") for i, item in enumerate(value)]
    return bundle_contexts(value, contexts, where)


def _parse_error(file: Path, fmt: str, exc: Exception) -> str:
    message = " ".join(str(exc).split())
    if fmt == "nt":
        line = _first_bad_line(file)
        if line is not None:
            return f"line {line}: {message}"
    return message


def _first_bad_line(file: Path) -> int | None:
    """N-Triples statements are one per line, so the failing one can be found on its own
    (rdflib's N-Triples error names the text, not the line)."""
    import rdflib

    for number, text in enumerate(
        file.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        try:
            rdflib.Graph().parse(data=text + "\n", format="nt")
        except Exception:
            return number
    return None
