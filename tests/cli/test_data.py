"""`clusterhub import` and `clusterhub export` against a real database."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner, Result
from rdflib.compare import isomorphic
from sqlalchemy import Engine

import vocab
from hub.cli import main
from hub.services.entities import put_entity
from hub.settings import Settings
from tests.web.test_import import CLUSTER, store

TEMPLATES = vocab.VOCAB_DIR / "templates"
QUAD = re.compile(r"^(<([^>]+)> .*) <([^>]+)> \.$")
EXAMPLE_REPORT = (
    "imported: 20 created, 0 updated, 0 unchanged, 0 deleted (20 entities in the file)\n"
)


def run(settings: Settings, *args: str) -> Result:
    env = {
        "CLUSTERHUB_DATABASE_URL": settings.database_url,
        "CLUSTERHUB_BASE_URL": settings.base_url,
        "CLUSTERHUB_CLUSTER_KEY": settings.cluster_key or "",
    }
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture
def cluster(engine: Engine, settings: Settings) -> None:
    put_entity(engine, settings, kind="organisations", key="vojvodina-ict", doc=CLUSTER)


@pytest.mark.usefixtures("cluster")
def test_import_prints_the_report(settings: Settings) -> None:
    result = run(settings, "import", str(TEMPLATES / "members-example.csv"))
    assert (result.exit_code, result.stdout) == (0, EXAMPLE_REPORT)
    again = run(settings, "import", str(TEMPLATES / "members-example.xlsx"))
    assert again.stdout == (
        "imported: 0 created, 0 updated, 20 unchanged, 0 deleted (20 entities in the file)\n"
    )


@pytest.mark.usefixtures("cluster")
def test_dry_run_and_replace_flags(settings: Settings, engine: Engine, tmp_path: Path) -> None:
    run(settings, "import", str(TEMPLATES / "members-example.csv"))
    rows = (TEMPLATES / "members-example.csv").read_text().splitlines()
    smaller = tmp_path / "three.csv"
    smaller.write_text("\n".join(rows[:4]) + "\n")
    before = store(engine)
    dry = run(settings, "import", "--replace", "--dry-run", str(smaller))
    assert dry.stdout == (
        "dry run, nothing written: 0 created, 0 updated, 6 unchanged, 14 deleted"
        " (6 entities in the file)\n"
    )
    assert store(engine) == before
    real = run(settings, "import", "--replace", str(smaller))
    assert (
        real.stdout
        == "imported: 0 created, 0 updated, 6 unchanged, 14 deleted (6 entities in the file)\n"
    )


@pytest.mark.usefixtures("cluster")
def test_invalid_input_prints_every_problem_and_exits_1(
    settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    bad = tmp_path / "members.txt"
    bad.write_text("key,name,vat,colour\nacme,Acme,RS1,red\n")
    before = store(engine)
    result = run(settings, "import", "--format", "csv", str(bad))
    assert result.exit_code == 1
    assert result.stderr == (  # the rows are read all the same
        "the file cannot be imported:\n"
        "  row 1, colour: unknown column 'colour'\n"
        "  row 2, vat: 'RS1' needs its country prefix (for example RS101134702)\n"
    )
    bad.write_text("key,name,vat\nacme,Acme,RS1\nbeta,,RS101134702\n")
    result = run(settings, "import", "--format", "csv", "--language", "en", str(bad))
    assert result.exit_code == 1
    assert result.stderr == (
        "the file cannot be imported:\n"
        "  row 2, vat: 'RS1' needs its country prefix (for example RS101134702)\n"
        "  row 3, name: a member needs a legal_name or a name\n"
    )
    assert store(engine) == before


def test_import_needs_a_known_format(settings: Settings, tmp_path: Path) -> None:
    unknown = tmp_path / "members.txt"
    unknown.write_text("key,name\n")
    result = run(settings, "import", str(unknown))
    assert result.exit_code == 2
    assert "cannot tell the format of 'members.txt'" in result.stderr


@pytest.mark.usefixtures("cluster")
def test_csv_export_imports_back_unchanged(
    settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    run(settings, "import", str(TEMPLATES / "members-example.csv"))
    exported = tmp_path / "members.csv"
    result = run(settings, "export", "--format", "csv", "--output", str(exported))
    assert (result.exit_code, result.stderr) == (0, f"10 records written to {exported}\n")
    before = store(engine)
    again = run(settings, "import", str(exported))
    assert again.stdout == (
        "imported: 0 created, 0 updated, 20 unchanged, 0 deleted (20 entities in the file)\n"
    )
    assert store(engine) == before


@pytest.mark.usefixtures("cluster")
def test_jsonld_export_is_one_document_that_replaces_the_store_unchanged(
    settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    run(settings, "import", str(TEMPLATES / "members-example.csv"))
    exported = tmp_path / "records.jsonld"
    run(settings, "export", "--output", str(exported))
    document = json.loads(exported.read_text())
    assert (document["@context"], len(document["@graph"])) == (vocab.CONTEXT_URL, 21)
    before = store(engine)
    again = run(settings, "import", "--replace", str(exported))
    assert again.stdout == (
        "imported: 0 created, 0 updated, 21 unchanged, 0 deleted (21 entities in the file)\n"
    )
    assert store(engine) == before


@pytest.mark.usefixtures("cluster")
def test_a_member_with_no_identifier_reads_the_same_from_csv_and_from_its_export(
    settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    """A member without VAT, LEI or registry number is no `LegalEntity`: its types are the
    default ones, which must be those a document stating them is stored with."""
    members = tmp_path / "members.csv"
    members.write_text("key,name@en\nacme,Acme\n")
    assert run(settings, "import", str(members)).exit_code == 0
    exported = tmp_path / "records.jsonld"
    run(settings, "export", "--output", str(exported))
    before = store(engine)
    unchanged = "0 created, 0 updated, 3 unchanged, 0 deleted (3 entities in the file)\n"
    assert run(settings, "import", str(exported)).stdout == f"imported: {unchanged}"
    assert run(settings, "import", str(members)).stdout == (
        "imported: 0 created, 0 updated, 2 unchanged, 0 deleted (2 entities in the file)\n"
    )
    assert store(engine) == before


@pytest.mark.usefixtures("cluster")
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # P19
def test_rdf_exports_are_the_same_graph(settings: Settings, tmp_path: Path) -> None:
    run(settings, "import", str(TEMPLATES / "members-example.csv"))
    graphs = {}
    for fmt, parser in (("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")):
        result = run(settings, "export", "--format", fmt)
        data = result.stdout
        if fmt == "jsonld":  # the bundled context, never fetched (P1)
            data = json.dumps(
                {**json.loads(data), "@context": vocab.context_document()["@context"]}
            )
        graphs[fmt] = rdflib.Graph().parse(data=data, format=parser)
    quads = [
        QUAD.match(line)
        for line in run(settings, "export", "--format", "nquads").stdout.splitlines()
    ]
    triples = "".join(f"{quad[1]} .\n" for quad in quads if quad)
    assert len(quads) == len(graphs["turtle"])
    assert isomorphic(graphs["turtle"], rdflib.Graph().parse(data=triples, format="nt"))
    # One named graph per entity: its own statements and those of its parts (`#address`...).
    assert all(quad and quad[2].split("#")[0] == quad[3] for quad in quads)


@pytest.mark.usefixtures("cluster")
@pytest.mark.parametrize(("fmt", "name"), [("turtle", "records.ttl"), ("ntriples", "records.nt")])
def test_rdf_export_imports_back_unchanged(
    settings: Settings, engine: Engine, tmp_path: Path, fmt: str, name: str
) -> None:
    run(settings, "import", str(TEMPLATES / "members-example.csv"))
    exported = tmp_path / name
    run(settings, "export", "--format", fmt, "--output", str(exported))
    before = store(engine)
    again = run(settings, "import", str(exported))
    assert again.stdout == (
        "imported: 0 created, 0 updated, 21 unchanged, 0 deleted (21 entities in the file)\n"
    )
    assert store(engine) == before
