"""`import_file`: read, validate, write and check a file in one transaction.

All or nothing: every problem of the whole file is collected (up to the configured number),
and any problem, like a dry run, rolls the one write transaction back. Memory stays bounded:
entries are streamed and written in batches, each compared with the store as it goes (what
it creates, updates, leaves unchanged); duplicate keys, references and what a replace
deletes are set operations in SQL over the staged keys (`hub.storage.imports`). Once a
problem is found, or in a dry run, batches are still compared and staged but not written.
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
    count_deletions,
    duplicate_keys,
    finish_import,
    import_transaction,
    missing_references,
    write_batch,
)
from hub.storage.records import EntityRow, ImportDiff

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
    now = datetime.now(UTC)
    plan = plan_source(connection, settings, source, options)
    log = ProblemLog(settings.max_reported_errors)
    batches = _Batches(connection, import_id, now, write=not options.dry_run, log=log)
    for item in plan.items:
        if isinstance(item, Problem):
            log.add(item)
            continue
        batches.add(item.at, _row(item, log))
        if progress is not None and batches.entities % BATCH == 0:
            progress(batches.entities)
    batches.flush()
    if progress is not None:
        progress(batches.entities)
    log.extend(_duplicates(connection, import_id, plan))
    log.extend(_missing(connection, import_id, plan, f"{settings.base_url}/id/"))
    log.raise_if_any()
    scope = plan.scope if options.mode == "replace" else None
    deleted = count_deletions(connection, import_id=import_id, replace=scope) if scope else 0
    diff = batches.diff
    report = ImportReport(
        dry_run=options.dry_run,
        mode=options.mode,
        created=diff.created,
        updated=diff.updated,
        unchanged=diff.unchanged,
        deleted=deleted,
        entities=batches.entities,
    )
    if options.dry_run:
        raise _DryRunError(report)
    finish_import(
        connection,
        import_id=import_id,
        replace=scope,
        own_organisation_prefix=settings.entity_iri("organisations", ""),
        now=now,
    )
    return report


class _Batches:
    """Collects validated rows and hands them to storage a batch at a time, adding up what
    they change. Rows are written only while the file has shown no problem (and not in a
    dry run): after one, the import will roll back, and only the checks need the rest."""

    def __init__(
        self, connection: Connection, import_id: str, now: datetime, *, write: bool,
        log: ProblemLog,
    ) -> None:
        self._connection, self._import_id, self._now = connection, import_id, now
        self._write, self._log = write, log
        self._rows: list[tuple[int, EntityRow]] = []
        self.diff = ImportDiff(0, 0, 0, 0)
        self.entities = 0

    def add(self, at: int, row: EntityRow) -> None:
        self._rows.append((at, row))
        self.entities += 1
        if len(self._rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        batch = write_batch(
            self._connection,
            import_id=self._import_id,
            rows=self._rows,
            write=self._write and not self._log,
            now=self._now,
        )
        self._rows = []
        self.diff = ImportDiff(
            self.diff.created + batch.created,
            self.diff.updated + batch.updated,
            self.diff.unchanged + batch.unchanged,
            0,
        )


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
