"""Imports prepared in worker processes: the same rows, the same problems in the same order,
and the same reports as when everything runs in the importing process."""

from __future__ import annotations

import dataclasses
import io
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, text

from hub.services.entities import put_entity
from hub.services.errors import InvalidInput, Problem
from hub.services.imports import ImportOptions, ImportReport, import_file, jsonld, pool, tabular
from hub.services.imports.chunks import Prepared, prepare
from hub.services.imports.member_rows import MemberListTarget
from hub.settings import Settings
from tests.support import members

WORKERS = 2


@pytest.fixture(scope="module", autouse=True)
def started_pool() -> Iterator[None]:
    """Workers up before the tests, so that every chunk goes to them (a cold pool leaves
    the first chunks inline); and WORKERS of them, whatever an earlier test started."""
    pool.shutdown()
    pool.start(WORKERS)
    yield
    pool.shutdown()


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of a few rows or nodes, so that small files make many of them."""
    monkeypatch.setattr(tabular, "CHUNK_ROWS", 7)
    monkeypatch.setattr(jsonld, "CHUNK_NODES", 9)


@pytest.fixture
def with_workers(settings: Settings, engine: Engine) -> Settings:
    doc = {"type": ["ClusterOrganisation"], "prefLabel": {"en": "Vojvodina ICT"}}
    put_entity(engine, settings, kind="organisations", key="vojvodina-ict", doc=doc)
    return dataclasses.replace(settings, import_workers=WORKERS)


def member_csv(count: int) -> bytes:
    out = io.StringIO()
    members.write_csv(out, count)
    return out.getvalue().encode()


def member_jsonld(tmp_path: Path, count: int, settings: Settings) -> bytes:
    path = tmp_path / "members.jsonld"
    members.write_jsonld(path, count, settings.base_url, "vojvodina-ict")
    return path.read_bytes()


def run(engine: Engine, settings: Settings, body: bytes, fmt: str) -> ImportReport:
    options = ImportOptions(format=fmt)  # type: ignore[arg-type]
    return import_file(engine, settings, io.BytesIO(body), options)


def refused(engine: Engine, settings: Settings, body: bytes, fmt: str) -> tuple[list[Problem], int]:
    with pytest.raises(InvalidInput) as raised:
        run(engine, settings, body, fmt)
    return raised.value.problems, raised.value.total


def chunk_results(settings: Settings, body: bytes, workers: int) -> list[Prepared]:
    rows = tabular.csv_rows(io.BytesIO(body))
    target = MemberListTarget(settings.base_url, "vojvodina-ict")
    chunks = tabular.member_list(rows, target, "sr-Latn")
    return list(pool.prepared_chunks(chunks, workers))


def test_workers_prepare_exactly_what_the_importing_process_does(settings: Settings) -> None:
    body = member_csv(60)
    in_workers = chunk_results(settings, body, WORKERS)
    inline = chunk_results(settings, body, 0)
    assert len(in_workers) == 9  # 60 rows in chunks of 7
    assert in_workers == inline
    assert in_workers == [prepare(chunk) for chunk in _member_chunks(settings, body)]


def _member_chunks(settings: Settings, body: bytes) -> list[tabular.MemberRowsChunk]:
    target = MemberListTarget(settings.base_url, "vojvodina-ict")
    chunks = tabular.member_list(tabular.csv_rows(io.BytesIO(body)), target, "sr-Latn")
    return [chunk for chunk in chunks if isinstance(chunk, tabular.MemberRowsChunk)]


@pytest.mark.parametrize("fmt", ["csv", "jsonld"])
def test_an_import_in_workers_is_the_import_inline(
    engine: Engine, with_workers: Settings, tmp_path: Path, fmt: str
) -> None:
    body = member_csv(40) if fmt == "csv" else member_jsonld(tmp_path, 40, with_workers)
    inline = dataclasses.replace(with_workers, import_workers=0)
    assert run(engine, with_workers, body, fmt) == ImportReport(
        dry_run=False, mode="merge", created=80, updated=0, unchanged=0, deleted=0, entities=80
    )
    # Inline, the same file finds every row as the workers stored it.
    again = run(engine, inline, body, fmt)
    assert (again.unchanged, again.created, again.updated) == (80, 0, 0)


def test_problems_found_in_workers_come_in_file_order(
    engine: Engine, with_workers: Settings
) -> None:
    lines = member_csv(30).decode().splitlines(keepends=True)
    for row in (3, 11, 12, 25):  # spread over several chunks (line index = row - 1)
        cells = lines[row - 1].split(",")
        cells[7] = "2024-02-30"  # founding_date: no such day
        lines[row - 1] = ",".join(cells)
    lines.append(lines[5])  # a duplicate key, found once all chunks are in
    body = "".join(lines).encode()
    found = refused(engine, with_workers, body, "csv")
    inline = dataclasses.replace(with_workers, import_workers=0)
    assert found == refused(engine, inline, body, "csv")
    problems, total = found
    assert total == 5
    assert [(p.row, p.field) for p in problems] == [
        (3, "founding_date"),
        (11, "founding_date"),
        (12, "founding_date"),
        (25, "founding_date"),
        (32, "key"),
    ]


def test_a_malformed_node_is_reported_with_its_line_and_the_rest_still_checked(
    engine: Engine, with_workers: Settings, tmp_path: Path
) -> None:
    lines = member_jsonld(tmp_path, 20, with_workers).decode().splitlines(keepends=True)
    # Line 1 opens the document, the nodes follow one per line: node n is on line n + 1.
    lines[5] = lines[5].replace('"id":', '"x": tru, "id":', 1)
    deep = {"id": f"{with_workers.base_url}/id/organisations/deep", "prefLabel": {"en": "Deep"}}
    nested: object = "bottom"
    for _ in range(12):  # deeper than the delimiting pattern follows: decoded in one piece
        nested = {"x": [nested]}
    lines.insert(9, orjson.dumps({**deep, "description": nested}).decode() + ",\n")
    problems, _ = refused(engine, with_workers, "".join(lines).encode(), "jsonld")
    assert [(p.line, p.field) for p in problems][:2] == [(6, None), (10, "description.x")]
    assert problems[0].message.startswith("malformed JSON: ")


def test_a_worker_that_dies_fails_the_import_and_the_next_one_starts_afresh(
    engine: Engine, with_workers: Settings
) -> None:
    body = member_csv(30)
    killed = pool.worker_pids()
    assert len(killed) == WORKERS
    os.kill(killed[0], signal.SIGKILL)
    with pytest.raises(pool.WorkerLost, match="nothing of the file was written"):
        run(engine, with_workers, body, "csv")
    assert stored_keys(engine) == ["vojvodina-ict"]
    assert pool.worker_pids() == []  # all stopped
    pool.start(WORKERS)
    assert not set(pool.worker_pids()) & set(killed)
    assert run(engine, with_workers, body, "csv").created == 60


def stored_keys(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.execute(text("SELECT key FROM entities ORDER BY key")).scalars())


def spool_files() -> list[str]:
    running = pool._workers
    assert running is not None
    return sorted(path.name for path in running.directory.iterdir())


def test_an_import_leaves_no_chunk_files_behind(engine: Engine, with_workers: Settings) -> None:
    assert run(engine, with_workers, member_csv(50), "csv").created == 100
    assert spool_files() == []


def test_an_import_that_stops_early_waits_for_its_chunks_and_deletes_them(
    settings: Settings,
) -> None:
    body = member_csv(80)
    results = pool.prepared_chunks(_member_chunks(settings, body), WORKERS)
    first = next(results)  # the workers hold the chunks after it
    results.close()  # as when writing a batch fails
    assert spool_files() == []
    assert first == prepare(_member_chunks(settings, body)[0])
    assert chunk_results(settings, body, WORKERS) == chunk_results(settings, body, 0)


def test_an_import_overlapping_another_is_prepared_inline_and_both_are_right(
    settings: Settings,
) -> None:
    first, second = member_csv(60), member_csv(45)
    running = pool.prepared_chunks(_member_chunks(settings, first), WORKERS)
    started = [next(running)]  # holds the workers
    overlapping = chunk_results(settings, second, WORKERS)
    started.extend(running)
    assert overlapping == [prepare(chunk) for chunk in _member_chunks(settings, second)]
    assert started == [prepare(chunk) for chunk in _member_chunks(settings, first)]


class FailingChunk:
    """A chunk whose preparing fails, as a bug would."""

    shippable = True

    def entries(self) -> list[object]:
        raise ZeroDivisionError("a bug")


def test_a_failure_in_a_worker_is_raised_in_the_importing_process(settings: Settings) -> None:
    chunks = [*_member_chunks(settings, member_csv(30)), FailingChunk()]
    with pytest.raises(ZeroDivisionError, match="a bug") as raised:
        list(pool.prepared_chunks(chunks, WORKERS))  # type: ignore[arg-type]
    assert any("in an import worker process" in note for note in raised.value.__notes__)
    assert spool_files() == []
    assert len(chunk_results(settings, member_csv(30), WORKERS)) == 5


def test_starting_deletes_what_workers_of_a_killed_process_left() -> None:
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    ram = Path(
        pool.RAM_DIRECTORY if os.access(pool.RAM_DIRECTORY, os.W_OK) else tempfile.gettempdir()
    )
    left = ram / f"clusterhub-import-{ended.stdout.strip()}-x"
    ours = ram / f"clusterhub-import-{os.getpid()}-y"  # a live process's: kept
    for directory in (left, ours):
        directory.mkdir()
        (directory / "7.prepared").write_bytes(b"...")
    try:
        pool.shutdown()
        pool.start(WORKERS)
        assert not left.exists()
        assert (ours / "7.prepared").exists()
    finally:
        shutil.rmtree(left, ignore_errors=True)
        shutil.rmtree(ours, ignore_errors=True)


def test_a_worker_whose_pipe_closed_before_it_was_up_just_ends(tmp_path: Path) -> None:
    """An import over before its workers are up (a dry run of a few thousand rows) leaves
    them starting; at exit, `shutdown` closes their pipes before they can say they are up.
    That ends a worker as a closed pipe always does, without a traceback on stderr."""
    ours, theirs = multiprocessing.Pipe()
    ours.close()
    pool._serve(theirs, tmp_path)  # what runs in the worker process


class NoProcesses:
    """A multiprocessing context on a system that refuses new processes."""

    def __init__(self, real: object) -> None:
        self.real = real

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def Process(self, *args: object, **kwargs: object) -> object:  # as the context names it
        raise OSError("Resource temporarily unavailable")


def test_workers_that_cannot_start_leave_imports_inline(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = pool.multiprocessing.get_context
    monkeypatch.setattr(pool.multiprocessing, "get_context", lambda name: NoProcesses(real(name)))
    pool.shutdown()
    try:
        pool.start(WORKERS)  # returns: it tried, and failed
        assert "the import workers did not start" in caplog.text
        body = member_csv(60)
        assert chunk_results(settings, body, WORKERS) == chunk_results(settings, body, 0)
        assert pool.worker_pids() == []
    finally:
        monkeypatch.undo()
        pool.shutdown()
        pool.start(WORKERS)
