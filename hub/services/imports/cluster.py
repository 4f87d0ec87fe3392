"""The cluster a member list belongs to: named, configured, or the only one stored."""

from __future__ import annotations

from sqlalchemy import Connection

from hub.services.errors import InvalidInput, Problem
from hub.settings import Settings
from hub.storage.entities import find_cluster_keys, get_entity
from schemas.entity import is_valid_key


def member_list_cluster(connection: Connection, settings: Settings, requested: str | None) -> str:
    """The key of the cluster organisation whose members a member list holds: `requested`
    (`?cluster=`, `--cluster`), else `CLUSTERHUB_CLUSTER_KEY`, else the only cluster
    organisation stored. It must be stored already: a member list holds members only."""
    key = requested or settings.cluster_key
    if key is None:
        keys = find_cluster_keys(connection)
        if len(keys) != 1:
            found = f"{len(keys)} are stored ({', '.join(keys)})" if keys else "none is stored"
            raise _problem(
                f"which cluster are these the members of? {found}: name it with"
                " ?cluster= (or --cluster), or set CLUSTERHUB_CLUSTER_KEY"
            )
        key = keys[0]
    if not is_valid_key(key):
        raise _problem(f"'{key}' is not an entity key")
    if get_entity(connection, kind="organisations", key=key) is None:
        raise _problem(
            f"the cluster organisation '{key}' is not stored in this node: create it"
            f" first (PUT /id/organisations/{key}), then import its members"
        )
    if key not in find_cluster_keys(connection):  # a node stores a few at most
        raise _problem(f"'{key}' is {NOT_A_CLUSTER}")
    return key


# Why an organisation cannot be what a member list's rows are members of.
NOT_A_CLUSTER = "not a cluster organisation (its type has no ClusterOrganisation)"


def _problem(message: str) -> InvalidInput:
    return InvalidInput("no cluster for the member list", [Problem(message, field="cluster")])
