"""The entity kinds an instance serves under `/id/{kind}/{key}`."""

from __future__ import annotations

from typing import Final, Literal

from schemas.activities import Event, Project
from schemas.entity import EntityModel
from schemas.membership import Membership
from schemas.organisation import Organisation

EntityKind = Literal["organisations", "memberships", "events", "projects"]
Entity = Organisation | Membership | Event | Project

KINDS: Final[dict[str, type[EntityModel]]] = {
    model.entity_kind: model for model in (Organisation, Membership, Event, Project)
}

# rdf:type term -> kind, for documents that say what they are only by their type.
_KIND_OF_TYPE: Final[dict[str, str]] = {
    "Organization": "organisations",
    "schema:Organization": "organisations",
    "FormalOrganization": "organisations",
    "ClusterOrganisation": "organisations",
    "LegalEntity": "organisations",
    "Membership": "memberships",
    "OrganizationRole": "memberships",
    "Event": "events",
    "Project": "projects",
}


def entity_model(kind: str) -> type[EntityModel]:
    try:
        return KINDS[kind]
    except KeyError:
        expected = ", ".join(KINDS)
        raise KeyError(f"unknown entity kind '{kind}' (expected one of {expected})") from None


def kind_of_type(types: list[str] | str) -> str | None:
    """The entity kind a node's `type` names, or None when it names no entity kind."""
    for name in [types] if isinstance(types, str) else types:
        kind = _KIND_OF_TYPE.get(name)
        if kind is not None:
            return kind
    return None
