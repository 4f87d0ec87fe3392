"""The clusterhub vocabulary: ontology, JSON-LD context, SHACL shapes, SKOS schemes, templates.

This package is data plus a loader. It holds no logic and imports nothing heavy: callers
parse the Turtle themselves (ARCHITECTURE.md section 3).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "CONTEXT_URL",
    "PROFILE_IRI",
    "PROFILE_VERSION",
    "VOCAB_DIR",
    "context_document",
    "external_files",
    "member_shape_file",
    "path",
    "read_bytes",
    "scheme_files",
    "shape_files",
    "visibility_defaults",
]

VOCAB_DIR = Path(__file__).resolve().parent
PROFILE_VERSION = "0.1.0"
PROFILE_IRI = "https://w3id.org/clusterhub/profile/0.1"
CONTEXT_URL = "https://w3id.org/clusterhub/context/0.1.jsonld"


def path(*parts: str) -> Path:
    """The path of a vocabulary file, refusing anything outside this folder."""
    target = VOCAB_DIR.joinpath(*parts).resolve()
    if not target.is_relative_to(VOCAB_DIR) or not target.is_file():
        raise FileNotFoundError("/".join(parts))
    return target


def read_bytes(*parts: str) -> bytes:
    return path(*parts).read_bytes()


@cache
def context_document() -> dict[str, Any]:
    """The bundled JSON-LD context document (`{"@context": {...}}`)."""
    loaded: dict[str, Any] = json.loads(read_bytes("context", "chub-context.jsonld"))
    return loaded


@cache
def visibility_defaults() -> dict[str, str]:
    """Default tier of each context term that is not public (`vocab/visibility.json`)."""
    loaded: dict[str, str] = json.loads(read_bytes("visibility.json"))["defaults"]
    return loaded


def scheme_files() -> list[Path]:
    """Our SKOS concept schemes, one Turtle file each."""
    return sorted((VOCAB_DIR / "schemes").glob("*.ttl"))


def external_files() -> list[Path]:
    """Snapshots of the EU authority tables we reference (countries, languages, NACE, NUTS)."""
    return sorted((VOCAB_DIR / "external").glob("*.ttl"))


MEMBER_SHAPES = "chub-member.shacl.ttl"


def shape_files() -> list[Path]:
    """The shapes of the data model (entities and their parts)."""
    return sorted(p for p in (VOCAB_DIR / "shapes").glob("*.ttl") if p.name != MEMBER_SHAPES)


def member_shape_file() -> Path:
    """The `tree:shape` of the feed: one member is one activity. Its IRIs are relative: an
    instance reads it with the base `{base_url}/vocab/shapes/member`."""
    return path("shapes", MEMBER_SHAPES)
