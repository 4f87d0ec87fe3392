"""Write the demo node's data: `data/cluster.jsonld` and `data/members.csv`.

    python deployments/demo/generate.py [--output DIR]

Deterministic: one fixed seed, so the files change only when this code does. The data is
fictional (see README.md beside this file). Needs python-stdnum and cyrtranslit, both
dependencies of clusterhub.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

from generator.cluster import CONTEXT_URL, cluster_profile
from generator.identifiers import Identifiers
from generator.members import member_list
from generator.partners import graph_nodes
from generator.rows import HEADER

SEED = 20091124  # the cluster's founding day
DATA_DIR = Path(__file__).resolve().parent / "data"


def write_members(path: Path, rows: list[dict[str, str]]) -> None:
    # newline="" and lineterminator: the same bytes on every platform (RFC 4180 CRLF rows).
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def write_graph(path: Path, nodes: list[dict[str, object]]) -> None:
    document = {"@context": CONTEXT_URL, "@graph": nodes}
    text = json.dumps(document, ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def generate(output: Path) -> None:
    rng = random.Random(SEED)  # noqa: S311 (reproducible sample data, no secret)
    ids = Identifiers(rng)
    cluster_vat, cluster_registry = ids.vat(), ids.registry_number(founded=2009)
    members = member_list(rng, ids)
    output.mkdir(parents=True, exist_ok=True)
    write_members(output / "members.csv", [m.row for m in members])
    profile = cluster_profile(members, cluster_vat, cluster_registry)
    write_graph(output / "cluster.jsonld", [profile, *graph_nodes()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=DATA_DIR, help="folder to write into")
    args = parser.parse_args(argv)
    generate(args.output)
    print(f"wrote {args.output / 'cluster.jsonld'} and {args.output / 'members.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
