"""JSON Schema (draft 2020-12) of each entity document, generated from the models.

The schemas describe the compact JSON-LD that the API takes and serves (keys are context terms,
as the models' aliases). They are committed under `schemas/json/` for clients and editors;
`python -m schemas.jsonschema` rewrites them and `--check` fails when they are out of date.
The models stay the authority: checks that JSON Schema cannot say (known concepts, VAT and LEI
check digits, "only a cluster has a mission") live in the models and the SHACL shapes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from schemas.entities import KINDS

__all__ = ["FILE_NAMES", "JSON_DIR", "entity_schema", "main", "schema_text"]

JSON_DIR = Path(__file__).resolve().parent / "json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_NAMES: dict[str, str] = {
    "organisations": "organisation",
    "memberships": "membership",
    "events": "event",
    "projects": "project",
}


# Documents as the API serves them name their context; writes may too. Which contexts are
# accepted (ours, by its published URL or the node's copy; never a remote one) is the API's
# rule, not the document's shape.
_CONTEXT = {
    "title": "@context",
    "description": "The clusterhub JSON-LD context, by URL (or a list of such URLs).",
    "anyOf": [
        {"type": "string", "format": "iri"},
        {"type": "array", "items": {"type": "string", "format": "iri"}, "minItems": 1},
    ],
}


def entity_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one entity kind: keys by alias, as input is validated, and the
    `@context` that documents carry."""
    schema = KINDS[kind].model_json_schema(by_alias=True, mode="validation")
    schema["properties"] = {"@context": _CONTEXT, **schema["properties"]}
    return {"$schema": DIALECT, **schema}


def schema_text(kind: str) -> str:
    return json.dumps(entity_schema(kind), indent=2, ensure_ascii=False) + "\n"


def schema_path(kind: str, directory: Path = JSON_DIR) -> Path:
    return directory / f"{FILE_NAMES[kind]}.schema.json"


def main(argv: list[str] | None = None) -> int:
    """Write every schema file; with `--check`, only report the stale ones (exit status 1)."""
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    stale = []
    for kind in FILE_NAMES:
        path = schema_path(kind)
        text = schema_text(kind)
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'out of date' if check else 'wrote'}: {path}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
