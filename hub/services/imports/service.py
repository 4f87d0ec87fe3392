"""`import_file`: read, validate, write and check a file in one transaction.

All or nothing: every problem of the whole file is collected (up to the configured number),
and any problem, like a dry run, rolls the one write transaction back. Memory stays bounded:
entries are streamed and written in batches, each compared with the store as it goes (what
it creates, updates, leaves unchanged); duplicate keys, references and what a replace
deletes are set operations in SQL over the staged keys (`hub.storage.imports`). Once a
problem is found, or in a dry run, batches are still compared and staged but not written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import BinaryIO

from sqlalchemy import Connection, Engine

from hub.services.errors import Problem
from hub.services.imports.cluster import NOT_A_CLUSTER
from hub.services.imports.collector import collections_apart
from hub.services.imports.entries import UNPLACED
from hub.services.imports.options import ImportOptions, ImportReport
from hub.services.imports.pool import prepared_chunks
from hub.services.imports.problems import ProblemLog
from hub.services.imports.sources import SourcePlan, plan_source
from hub.services.references import MEMBERSHIP_TARGETS, wrong_kind
from hub.settings import Settings
from hub.storage.imports import (
    count_deletions,
    duplicate_keys,
    finish_import,
    import_transaction,
    missing_references,
    named_non_clusters,
    references_to_other_kinds,
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
        with collections_apart(), import_transaction(engine) as connection:
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
    now = datetime.now(UTC)
    plan = plan_source(connection, settings, source, options)
    log = ProblemLog(settings.max_reported_errors)
    batches = _Batches(connection, now, write=not options.dry_run, log=log)
    for prepared in prepared_chunks(plan.chunks, settings.import_workers):
        for item in prepared:
            if isinstance(item, Problem):
                log.add(item)
            else:
                batches.add(item)
        if progress is not None:
            progress(batches.entities)
    batches.flush()
    log.extend(_duplicates(connection, plan))
    log.extend(_references(connection, plan, f"{settings.base_url}/id/"))
    if plan.member_list and plan.scope.organisation_iri is not None:
        log.extend(_non_clusters(connection, plan, plan.scope.organisation_iri, settings))
    log.raise_if_any()
    scope = plan.scope if options.mode == "replace" else None
    deleted = count_deletions(connection, replace=scope) if scope else 0
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
        self, connection: Connection, now: datetime, *, write: bool, log: ProblemLog
    ) -> None:
        self._connection, self._now = connection, now
        self._write, self._log = write, log
        self._rows: list[tuple[int, EntityRow]] = []
        self.diff = ImportDiff(0, 0, 0, 0)
        self.entities = 0

    def add(self, row: tuple[int, EntityRow]) -> None:
        self._rows.append(row)
        self.entities += 1
        if len(self._rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        batch = write_batch(
            self._connection,
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


def _duplicates(connection: Connection, plan: SourcePlan) -> list[Problem]:
    problems = []
    for kind, key, places in duplicate_keys(connection):
        if plan.member_list and kind == "memberships":
            continue  # the organisation of the same rows is reported already
        listed = ", ".join(str(place) for place in places)
        units = f"{plan.unit}s" if plan.unit else "entries"
        message = f"{kind[:-1]} '{key}' is given more than once ({units} {listed})"
        problems.append(_located(message, plan.key_field, plan, places[-1]))
    return problems


def _references(connection: Connection, plan: SourcePlan, own: str) -> list[Problem]:
    """Memberships naming own entities of the wrong kind, or that exist nowhere (an IRI of
    the wrong kind is reported as such, whether or not it exists)."""
    found: dict[tuple[int, str], str] = {}
    for place, field, iri in references_to_other_kinds(
        connection, own_prefix=own, allowed=MEMBERSHIP_TARGETS
    ):
        if message := wrong_kind(field, iri, own):  # None: no kind at all, so missing
            found[place, field] = message
    for place, field, iri in missing_references(connection, own_prefix=own):
        found.setdefault((place, field), f"'{iri}' is neither in the file nor stored in this node")
    return [
        _located(message, plan.reference_fields[field], plan, place)
        for (place, field), message in sorted(found.items())
    ]


def _non_clusters(
    connection: Connection, plan: SourcePlan, default: str, settings: Settings
) -> list[Problem]:
    """Rows of a member list naming, in their cluster column, an organisation that is no
    cluster organisation."""
    prefix = settings.entity_iri("organisations", "")
    found = named_non_clusters(connection, default=default, organisation_prefix=prefix)
    return [
        _located(f"'{iri.removeprefix(prefix)}' is {NOT_A_CLUSTER}", "cluster", plan, row)
        for row, iri in found
    ]


def _located(message: str, field: str, plan: SourcePlan, place: int) -> Problem:
    """A problem at a staged entry's place, in the plan's unit; none for an entry whose
    reader knew no place (a format's plan names the unit of those that have one)."""
    unit = plan.unit if place != UNPLACED else None
    return Problem(
        message,
        field=field,
        row=place if unit == "row" else None,
        line=place if unit == "line" else None,
    )
