"""`clusterhub demo`: a sample cluster node (the Vojvodina ICT Cluster) on this machine.

Creates or upgrades a SQLite database, imports `deployments/demo/data/` through the import
service exactly as `POST /import` would, and serves the node on 127.0.0.1. Re-running
imports the same files again and changes nothing.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import click
from sqlalchemy import Engine

from hub.cli.serve import run_server
from hub.services.errors import InvalidInput, ServiceError
from hub.services.imports import ImportOptions, ImportReport, import_file
from hub.settings import Settings, SettingsError
from hub.storage.engine import database_engine
from hub.storage.schema import upgrade

CLUSTER_KEY = "vojvodina-ict"
HOST = "127.0.0.1"
DEFAULT_DATABASE = Path("demo.sqlite3")
# Where a clone keeps the data; an installed wheel has no deployments/ (pass --data).
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "deployments" / "demo" / "data"
# The address the committed cluster.jsonld names its entities under (the generator's).
DATA_BASE_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True, slots=True)
class DemoFile:
    name: str
    options: ImportOptions


# The cluster's profile first: the member list's memberships point at it. The member list
# replaces (members missing from it go); cluster.jsonld merges (it holds only some records).
DEMO_FILES = (
    DemoFile("cluster.jsonld", ImportOptions(format="jsonld", mode="merge")),
    DemoFile("members.csv", ImportOptions(format="csv", mode="replace", cluster=CLUSTER_KEY)),
)


def demo_settings(port: int, database: Path, environ: dict[str, str] | None = None) -> Settings:
    """The environment's settings, with the demo's address, database and cluster."""
    env = dict(os.environ if environ is None else environ)
    env.update(
        CLUSTERHUB_BASE_URL=f"http://{HOST}:{port}",
        CLUSTERHUB_DATABASE_URL=f"sqlite:///{database.resolve()}",
        CLUSTERHUB_CLUSTER_KEY=CLUSTER_KEY,
    )
    env.setdefault("CLUSTERHUB_TITLE", "Vojvodina ICT Cluster (demo)")
    # The demo listens on loopback only; a local hub or partner node may talk to it there.
    env.setdefault("CLUSTERHUB_ALLOW_PRIVATE_ADDRESSES", "true")
    return Settings.from_env(env)


def rebased(data: bytes, base_url: str) -> bytes:
    """The JSON-LD with its entity IRIs moved from the generator's address to `base_url`."""
    if base_url == DATA_BASE_URL:
        return data
    return data.replace(f'"{DATA_BASE_URL}/id/'.encode(), f'"{base_url}/id/'.encode())


def import_demo_file(
    engine: Engine, settings: Settings, data_dir: Path, demo_file: DemoFile
) -> ImportReport:
    """Import one demo file as `POST /import` would; `InvalidInput` when it is refused."""
    content = (data_dir / demo_file.name).read_bytes()
    if demo_file.options.format == "jsonld":
        content = rebased(content, settings.base_url)
    source: BinaryIO = io.BytesIO(content)
    return import_file(engine, settings, source, demo_file.options)


def _summary(name: str, report: ImportReport) -> str:
    return (
        f"  {name}: {report.entities} entities ({report.created} created, {report.updated}"
        f" updated, {report.unchanged} unchanged, {report.deleted} deleted)"
    )


def _refusal(name: str, error: InvalidInput) -> str:
    lines = [f"{name} was not imported: {error.title} ({error.total} problems)"]
    for problem in error.problems[:20]:
        places = (("row", problem.row), ("line", problem.line), ("field", problem.field))
        where = ", ".join(f"{label} {value}" for label, value in places if value is not None)
        lines.append(f"  {where}: {problem.message}" if where else f"  {problem.message}")
    return "\n".join(lines)


def prepare(settings: Settings, data_dir: Path) -> list[ImportReport]:
    """Create or upgrade the database, then import the demo data into it."""
    missing = [f.name for f in DEMO_FILES if not (data_dir / f.name).is_file()]
    if missing:
        raise click.ClickException(
            f"no demo data in {data_dir} ({', '.join(missing)} missing): run from a clone of"
            " clusterhub, or pass --data with the folder of cluster.jsonld and members.csv"
        )
    engine = database_engine(settings.database_url)
    reports = []
    try:
        upgrade(engine)
        for demo_file in DEMO_FILES:
            try:
                reports.append(import_demo_file(engine, settings, data_dir, demo_file))
            except InvalidInput as exc:
                raise click.ClickException(_refusal(demo_file.name, exc)) from exc
            except ServiceError as exc:
                raise click.ClickException(f"{demo_file.name} was not imported: {exc}") from exc
    finally:
        engine.dispose()
    return reports


@click.command()
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--database",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DATABASE,
    show_default=True,
    help="SQLite file to create or reuse.",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_DATA,
    show_default="deployments/demo/data",
    help="Folder holding cluster.jsonld and members.csv.",
)
@click.option("--no-serve", is_flag=True, help="Load the data and exit, without serving.")
def demo(port: int, database: Path, data_dir: Path, no_serve: bool) -> None:
    """Run a sample node of the Vojvodina ICT Cluster (fictional data) on 127.0.0.1."""
    try:
        settings = demo_settings(port, database)
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"database {database} (SQLite); importing {data_dir}")
    reports = prepare(settings, data_dir)
    for demo_file, report in zip(DEMO_FILES, reports, strict=True):
        click.echo(_summary(demo_file.name, report))
    if no_serve:
        return
    url = settings.base_url
    click.echo(
        f"\nOpen {url}/ in a browser. The cluster: {url}/id/organisations/{CLUSTER_KEY}"
        f"\nMembers: {url}/organisations  Events: {url}/events  Vocabulary: {url}/vocab"
        "\nStop with Ctrl+C.\n"
    )
    from hub.app import create_app

    run_server(create_app(settings), host=HOST, port=port, log_level="warning")

