"""`import_file`: read, validate, stage, check, diff and apply a file in one transaction.

All or nothing: every problem of the whole file is collected (up to the configured number),
and any problem, like a dry run, rolls the one write transaction back. Memory stays bounded:
entries are streamed and staged in batches; duplicate keys, references and the diff are set
operations in SQL over the staged rows (`hub.storage.imports`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import BinaryIO

from sqlalchemy import Connection, Engine

from hub.services.errors import Problem
from hub.services.imports.entries import Entry
from hub.services.imports.options import ImportOptions, ImportReport
from hub.services.imports.problems import ProblemLog
from hub.services.imports.sources import SourcePlan, plan_source
from hub.services.records import entity_row
from hub.services.validation import validate_document
from hub.settings import Settings
from hub.storage.imports import (
    apply_import,
    diff_import,
    duplicate_keys,
    import_transaction,
    missing_references,
    stage_rows,
)
from hub.storage.records import EntityRow

BATCH = 2000  # staged rows per INSERT: large enough to amortise, small enough to stay light

Progress = Callable[[int], None]  # called with the number of entries read so far


class _DryRunError(Exception):
    """Raised to roll a dry run back, carrying its report out of the transaction."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("dry run")
        self.report = report


def import_file(
    engine: Engine,
    settings: Settings,
    source: BinaryIO,
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    """Import `source` (a seekable binary file) as `options` say; `InvalidInput` with every
    problem (row or line, field, message) when the file cannot be imported whole."""
    try:
        with import_transaction(engine) as connection:
            return _run(connection, settings, source, options, progress)
    except _DryRunError as rollback:
        return rollback.report


def _run(
    connection: Connection,
    settings: Settings,
    source: BinaryIO,
    options: ImportOptions,
    progress: Progress | None,
) -> ImportReport:
    import_id = uuid.uuid4().hex
    plan = plan_source(connection, settings, source, options)
    log = ProblemLog(settings.max_reported_errors)
    staged = _stage(connection, import_id, plan, log, progress)
    log.extend(_duplicates(connection, import_id, plan))
    log.extend(_missing(connection, import_id, plan, f"{settings.base_url}/id/"))
    log.raise_if_any()
    scope = plan.scope if options.mode == "replace" else None
    diff = diff_import(connection, import_id=import_id, replace=scope)
    report = ImportReport(
        dry_run=options.dry_run,
        mode=options.mode,
        created=diff.created,
        updated=diff.updated,
        unchanged=diff.unchanged,
        deleted=diff.deleted,
        entities=staged,
    )
    if options.dry_run:
        raise _DryRunError(report)
    apply_import(
        connection,
        import_id=import_id,
        replace=scope,
        own_organisation_prefix=settings.entity_iri("organisations", ""),
        now=datetime.now(UTC),
    )
    return report


def _stage(
    connection: Connection,
    import_id: str,
    plan: SourcePlan,
    log: ProblemLog,
    progress: Progress | None,
) -> int:
    batch: list[tuple[int, EntityRow]] = []
    count = 0
    for item in plan.items:
        if isinstance(item, Problem):
            log.add(item)
            continue
        batch.append((item.at, _row(item, log)))
        count += 1
        if len(batch) >= BATCH:
            stage_rows(connection, import_id=import_id, rows=batch)
            batch = []
            if progress is not None:
                progress(count)
    stage_rows(connection, import_id=import_id, rows=batch)
    if progress is not None:
        progress(count)
    return count


def _row(entry: Entry, log: ProblemLog) -> EntityRow:
    """The row to stage: the validated entity, or (with problems) a stand-in that still
    takes part in the duplicate-key check."""
    model, problems = validate_document(entry.kind, entry.doc)
    # Once the reader dropped a bad cell, rules on the whole entity (no field) may fail for
    # that reason alone: only problems with fields of their own are worth reporting then.
    located = (
        entry.problem(problem.message, problem.field)
        for problem in problems
        if problem.field or not entry.reported
    )
    log.extend(problem for problem in located if problem.field not in entry.reported)
    if model is not None and not entry.reported and not log:
        return entity_row(model, entry.key)
    # The stand-in keeps its IRI, so that references to it are not reported as unknown.
    iri = entry.doc.get("id")
    stand_in = iri if isinstance(iri, str) else ""
    return EntityRow(kind=entry.kind, key=entry.key, iri=stand_in, doc="{}", hash="", sort_name="")


def _duplicates(connection: Connection, import_id: str, plan: SourcePlan) -> list[Problem]:
    problems = []
    for kind, key, places in duplicate_keys(connection, import_id=import_id):
        if plan.member_list and kind == "memberships":
            continue  # the organisation of the same rows is reported already
        listed = ", ".join(str(place) for place in places)
        units = f"{plan.unit}s" if plan.unit else "entries"
        message = f"{kind[:-1]} '{key}' is given more than once ({units} {listed})"
        problems.append(_located(message, plan.key_field, plan, places[-1]))
    return problems


def _missing(connection: Connection, import_id: str, plan: SourcePlan, own: str) -> list[Problem]:
    found = missing_references(connection, import_id=import_id, own_prefix=own)
    return [
        _located(
            f"'{iri}' is neither in the file nor stored in this node",
            plan.reference_fields[field],
            plan,
            place,
        )
        for place, field, iri in found
    ]


def _located(message: str, field: str, plan: SourcePlan, place: int) -> Problem:
    return Problem(
        message,
        field=field,
        row=place if plan.unit == "row" else None,
        line=place if plan.unit == "line" else None,
    )
