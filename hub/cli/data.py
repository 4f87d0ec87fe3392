"""`clusterhub import FILE` and `clusterhub export`: the node's records in and out as files.

Both call the same services as `POST /import`; settings come from the environment. An
import that finds problems prints every one (row or line, field, message) and exits 1,
having written nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from hub.services.errors import InvalidInput, Problem, UnsupportedFormat
from hub.services.imports import (
    FORMATS,
    ImportOptions,
    ImportReport,
    format_of_path,
    import_file,
    language_option,
)
from hub.services.imports.export import EXPORT_FORMATS, ExportFormat, export_records
from hub.services.imports.options import DEFAULT_LANGUAGE, SourceFormat
from hub.settings import Settings


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Delete what the file no longer holds.")
@click.option("--dry-run", is_flag=True, help="Check and count, write nothing.")
@click.option("--cluster", metavar="KEY", help="Member lists: the cluster they belong to.")
@click.option(
    "--language",
    metavar="TAG",
    default=DEFAULT_LANGUAGE,
    show_default=True,
    help="Language of text columns without one (name, legal_name...).",
)
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), help="Default: from the file's extension."
)
def import_command(
    file: Path,
    replace: bool,
    dry_run: bool,
    cluster: str | None,
    language: str,
    fmt: SourceFormat | None,
) -> None:
    """Import a member list (CSV, XLSX), JSON-LD, Turtle or N-Triples file, all or nothing."""
    try:
        options = ImportOptions(
            format=fmt or format_of_path(file),
            mode="replace" if replace else "merge",
            dry_run=dry_run,
            language=language_option(language),
            cluster=cluster,
        )
        with _engine() as engine, file.open("rb") as stream:
            report = _with_progress(
                file.stat().st_size,
                stream,
                lambda progress: import_file(engine, _settings(), stream, options, progress),
            )
    except InvalidInput as exc:
        _print_problems(exc)
        sys.exit(1)
    except UnsupportedFormat as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(describe_report(report))


@click.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonld", show_default=True
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Default: stdout."
)
@click.option("--cluster", metavar="KEY", help="CSV: the cluster whose member list to write.")
def export_command(fmt: ExportFormat, output: Path | None, cluster: str | None) -> None:
    """Write every own record (CSV: the cluster's member list) in a format import reads."""
    try:
        with _engine() as engine, _destination(output) as out:
            count = export_records(engine, _settings(), fmt, out, cluster=cluster)
    except InvalidInput as exc:
        _print_problems(exc)
        sys.exit(1)
    if output is not None:
        click.echo(f"{count} records written to {output}", err=True)


def describe_report(report: ImportReport) -> str:
    """One line: what the import changed (or, in a dry run, would change)."""
    counts = (
        f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged,"
        f" {report.deleted} deleted ({report.entities} entities in the file)"
    )
    return f"dry run, nothing written: {counts}" if report.dry_run else f"imported: {counts}"


def describe_problem(problem: Problem) -> str:
    """`row 5, vat: '...' is not a valid VAT number` and the like."""
    where = [
        f"{unit} {value}" for unit, value in (("row", problem.row), ("line", problem.line)) if value
    ]
    where += [problem.entity] if problem.entity else []
    where += [problem.field] if problem.field else []
    return f"{', '.join(where)}: {problem.message}" if where else problem.message


def _print_problems(error: InvalidInput) -> None:
    click.echo(f"{error.title}:", err=True)
    for problem in error.problems:
        click.echo(f"  {describe_problem(problem)}", err=True)
    if error.total > len(error.problems):
        click.echo(f"  ... {error.total - len(error.problems)} more problems", err=True)


def _settings() -> Settings:
    from hub.cli.serve import settings_from_env

    return settings_from_env()


@contextmanager
def _engine() -> Iterator[Any]:
    from hub.storage.engine import database_engine
    from hub.storage.schema import is_current

    engine = database_engine(_settings().database_url)
    try:
        if not is_current(engine):
            raise click.ClickException(
                "the database schema is not current: run 'clusterhub db upgrade'"
            )
        yield engine
    finally:
        engine.dispose()


@contextmanager
def _destination(output: Path | None) -> Iterator[IO[bytes]]:
    """stdout, or a file that appears whole or not at all (written beside, then renamed)."""
    if output is None:
        yield sys.stdout.buffer
        return
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("wb") as out:
            yield out
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)


def _with_progress(
    size: int, stream: IO[bytes], run: Callable[[Callable[[int], None] | None], ImportReport]
) -> ImportReport:
    """`run(progress)`, with a progress bar (bytes read, entities) when stdout is a terminal."""
    if not sys.stdout.isatty():
        return run(None)
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("reading", total=size)

        def progress(entities: int) -> None:
            bar.update(task, completed=min(stream.tell(), size), description=f"{entities} entities")

        return run(progress)
