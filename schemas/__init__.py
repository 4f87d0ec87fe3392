"""The shared data model: pydantic models whose JSON is the compact JSON-LD of our context.

One representation, two readings (ARCHITECTURE.md section 4): what these models emit is both
our plain JSON and valid JSON-LD. This package imports only pydantic and the standard library.
"""

from schemas.activities import Event, Project
from schemas.entities import KINDS, Entity, EntityKind, entity_model, kind_of_type
from schemas.iris import CODE_LISTS, NAMESPACES, compact_iri, expand_iri
from schemas.membership import Membership
from schemas.organisation import Organisation

__all__ = [
    "CODE_LISTS",
    "KINDS",
    "NAMESPACES",
    "Entity",
    "EntityKind",
    "Event",
    "Membership",
    "Organisation",
    "Project",
    "compact_iri",
    "entity_model",
    "expand_iri",
    "kind_of_type",
]
