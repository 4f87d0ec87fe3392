"""Import benchmark: members/s of CSV and JSON-LD imports, against baselines run alongside.

    .venv/bin/python tests/benchmarks/bench_import.py [--members 100000] [--repeat 3]
    .venv/bin/python tests/benchmarks/bench_import.py --members 1000000 --memory

Each import runs end to end through `hub.services.imports.import_file` (parse, validate,
write with its indexes, check, commit) into a fresh SQLite file, with the default settings:
chunks are prepared in one worker process per CPU but one, and by the importing process
between its writes (hub/services/imports/pool.py). The workers start during the first
import of a run (chunks are prepared inline until they answer) and stay, as in a server;
the median of the runs is reported. The time ends when the import returns, committed:
SQLite's WAL checkpoint runs afterwards on a background thread (hub/storage/checkpoints.py),
and its time is printed on a line of its own. Baselines, measured in the same run, each in
this one process:

  (a) pydantic validation of the same documents + a raw executemany INSERT of their rows
      into a bare table (what any validated import must at least do);
  (b) rdflib parsing the same JSON-LD, with the bundled context passed in (never fetched).

Targets (issue "A cluster node"): >= 10,000 members/s for CSV and JSON-LD; import within 3x
of (a); at least 5x faster than (b); a 1,000,000-member CSV import under 400 MB peak RSS.
Not collected by pytest: run it by hand (or from `make bench`).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from hub.services.concepts import shipped_concepts  # noqa: E402
from hub.services.entities import put_entity  # noqa: E402
from hub.services.imports import ImportOptions, import_file, pool  # noqa: E402
from hub.services.validation import validation_context  # noqa: E402
from hub.settings import Settings  # noqa: E402
from hub.storage.checkpoints import wait_for_checkpoints  # noqa: E402
from hub.storage.engine import database_engine  # noqa: E402
from hub.storage.schema import upgrade  # noqa: E402
from schemas import entity_model  # noqa: E402
from tests.support import members  # noqa: E402

BASE_URL = "http://bench.test"
CLUSTER = "vojvodina-ict"
RDFLIB_SAMPLE = 5_000  # members rdflib parses (it holds the graph in memory, ~34k triples/s)


def fresh_store(directory: Path, name: str) -> tuple[Any, Settings]:
    path = directory / f"{name}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    settings = Settings(base_url=BASE_URL, database_url=f"sqlite:///{path}", cluster_key=CLUSTER)
    engine = database_engine(settings.database_url)
    upgrade(engine)
    cluster = {"type": ["ClusterOrganisation"], "prefLabel": {"en": "Vojvodina ICT Cluster"}}
    put_entity(engine, settings, kind="organisations", key=CLUSTER, doc=cluster)
    return engine, settings


CHECKPOINTS: list[float] = []  # seconds each import's background WAL checkpoint took after it


def time_import(directory: Path, source: Path, fmt: str) -> float:
    """Seconds until `import_file` returns, committed. SQLite's WAL checkpoint then runs on a
    background thread: waited for before the next run, and its time kept in CHECKPOINTS."""
    engine, settings = fresh_store(directory, f"import-{fmt}")
    wait_for_checkpoints()
    started = time.perf_counter()
    with source.open("rb") as stream:
        report = import_file(engine, settings, stream, ImportOptions(format=fmt))  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    wait_for_checkpoints()
    CHECKPOINTS.append(time.perf_counter() - started - elapsed)
    engine.dispose()
    assert report.created == report.entities, report
    return elapsed


def time_validate_and_insert(directory: Path, documents: list[tuple[str, dict[str, Any]]]) -> float:
    """Baseline (a): model_validate each document, then executemany its row into a bare table."""
    path = directory / "baseline.sqlite3"
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE bare (kind TEXT, key TEXT, doc TEXT)")
    context = validation_context()
    started = time.perf_counter()
    batch: list[tuple[str, str, str]] = []
    for kind, doc in documents:
        model = entity_model(kind).model_validate(doc, context=context)
        batch.append((kind, doc["id"].rsplit("/", 1)[1], orjson.dumps(model.to_jsonld()).decode()))
        if len(batch) == 2000:
            connection.executemany("INSERT INTO bare VALUES (?, ?, ?)", batch)
            batch = []
    connection.executemany("INSERT INTO bare VALUES (?, ?, ?)", batch)
    connection.commit()
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def time_rdflib(count: int) -> float:
    """Baseline (b): rdflib parsing `count` members of the same JSON-LD (seconds)."""
    from rdflib import Graph

    import vocab

    graph = [
        doc for m in members.generate(count) for doc in members.documents(m, BASE_URL, CLUSTER)
    ]
    data = orjson.dumps({"@graph": graph})
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's ConjunctiveGraph (P19)
        Graph().parse(data=data, format="json-ld", context=vocab.context_document()["@context"])
    return time.perf_counter() - started


def baseline_a(count: int, repeat: int, directory: Path) -> list[float]:
    """Seconds of each run of baseline (a) on the documents of `count` members (built first)."""
    documents = [
        (doc["id"].split("/")[-2], doc)
        for m in members.generate(count)
        for doc in members.documents(m, BASE_URL, CLUSTER)
    ]
    return runs_of(repeat, lambda: time_validate_and_insert(directory, documents))


def runs_of(repeat: int, run: Any) -> list[float]:
    """Seconds of `repeat` runs, each from a collected heap: the cyclic garbage an earlier
    measurement leaves (rdflib's graph of baseline (b) is 1.4 million objects) would
    otherwise be walked by the next one's collections, as pyperf's runs avoid too."""
    times = []
    for _ in range(repeat):
        gc.collect()
        times.append(run())
    return times


def speed_table(count: int, repeat: int, directory: Path) -> None:
    csv_file, jsonld_file = directory / "members.csv", directory / "members.jsonld"
    with csv_file.open("w", newline="", encoding="utf-8") as out:
        members.write_csv(out, count)
    members.write_jsonld(jsonld_file, count, BASE_URL, CLUSTER)
    shipped_concepts()  # loaded once per process, like a running node
    baseline = statistics.median(baseline_a(count, repeat, directory))
    sample = min(count, RDFLIB_SAMPLE)
    rdflib_rate = sample / statistics.median(
        runs_of(max(1, repeat - 1), lambda: time_rdflib(sample))
    )
    rows = [
        ("CSV import", runs_of(repeat, lambda: time_import(directory, csv_file, "csv"))),
        (
            "JSON-LD import",
            runs_of(repeat, lambda: time_import(directory, jsonld_file, "jsonld")),
        ),
    ]
    print(f"{count} members ({2 * count} entities), median of {repeat} runs")
    print(f"{'':28}{'seconds':>9}{'members/s':>11}{'/ (a)':>8}{'vs (b)':>9}   runs (s)")
    print(f"{'(a) validate + raw insert':28}{baseline:>9.2f}{count / baseline:>11.0f}")
    print(
        f"{'(b) rdflib JSON-LD parse':28}{count / rdflib_rate:>9.2f}{rdflib_rate:>11.0f}"
        f"   (measured on {sample} members)"
    )
    for name, times in rows:
        seconds = statistics.median(times)
        rate = count / seconds
        print(
            f"{name:28}{seconds:>9.2f}{rate:>11.0f}{seconds / baseline:>7.1f}x"
            f"{rate / rdflib_rate:>8.1f}x   {' '.join(f'{t:.2f}' for t in times)}"
        )
    print(
        f"then, on a background thread once each import has returned: the WAL checkpoint,"
        f" median {statistics.median(CHECKPOINTS):.2f} s"
    )
    print("targets: >= 10000 members/s, <= 3x (a), >= 5x faster than (b)")


def measure_rss(source: Path, directory: Path) -> None:
    """In a fresh process: import `source`, print seconds and memory as JSON: the peak RSS of
    this process, and the peak of the memory of this process and every process it started
    (import workers, the forkserver they come from), sampled every 0.1 s as the sum of
    their proportional set sizes (PSS: a page shared by n processes counts 1/n in each), and
    of the chunks and results in flight between them (files in RAM, hub/.../pool.py)."""
    engine, settings = fresh_store(directory, "memory")
    sampler = PssSampler(os.getpid())
    sampler.start()
    started = time.perf_counter()
    with source.open("rb") as stream:
        report = import_file(engine, settings, stream, ImportOptions(format="csv"))
    elapsed = time.perf_counter() - started
    wait_for_checkpoints()  # the background checkpoint's memory counts too
    sampler.stop()
    print(json.dumps({
        "seconds": elapsed, "peak_mb": peak_rss_mb(os.getpid()), "total_mb": sampler.peak_mb,
        "processes": sampler.processes, "entities": report.entities,
    }))


class PssSampler(threading.Thread):
    """Samples the summed PSS of a process and its descendants; keeps the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self.processes = pid, 0.0, 1
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(0.1):
            self.sample()

    def sample(self) -> None:
        pids = [self.pid, *descendants(self.pid)]
        total = sum(pss_mb(pid) for pid in pids) + pool.in_flight_bytes() / 2**20
        if total > self.peak_mb:
            self.peak_mb, self.processes = total, len(pids)

    def stop(self) -> None:
        self._stopped.set()
        self.join()
        self.sample()


def pss_mb(pid: int) -> float:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0.0  # gone meanwhile
    kib = next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:"))
    return int(kib) / 1024


def peak_rss_mb(pid: int) -> float:
    """The peak resident set of a process (VmHWM), in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kib) / 1024


def descendants(pid: int) -> list[int]:
    """Every living process started, directly or not, by `pid`."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def memory_run(count: int, directory: Path) -> None:
    csv_file = directory / "members.csv"
    with csv_file.open("w", newline="", encoding="utf-8") as out:
        members.write_csv(out, count)
    size = csv_file.stat().st_size / 1e6
    child = [sys.executable, __file__, "--measure-rss", str(csv_file), "--dir", str(directory)]
    result = json.loads(subprocess.run(child, check=True, capture_output=True, text=True).stdout)
    print(
        f"{count} members, {size:.0f} MB of CSV: imported in {result['seconds']:.1f} s"
        f" ({count / result['seconds']:.0f} members/s); peak memory of the importing process"
        f" and its {result['processes'] - 1} helper processes (summed PSS)"
        f" {result['total_mb']:.0f} MB (target < 400 MB); peak RSS of the importing process"
        f" alone {result['peak_mb']:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", action="store_true", help="peak RSS of one CSV import")
    parser.add_argument("--dir", type=Path, help="work directory (default: a temporary one)")
    parser.add_argument("--measure-rss", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as scratch:
        directory = args.dir or Path(scratch)
        if args.measure_rss:
            measure_rss(args.measure_rss, directory)
        elif args.memory:
            memory_run(args.members, directory)
        else:
            speed_table(args.members, args.repeat, directory)


if __name__ == "__main__":
    main()
