"""What a membership's links may name among this node's own entities.

A membership ties a member organisation to a cluster, an umbrella association or a network
(organisations too), or a partner to a project (`schemas/membership.py`). An own IRI says
its kind (`{base}/id/{kind}/{key}`), so a link to the wrong kind of entity is told from the
IRI alone, whether or not the entity exists. IRIs of other nodes are not judged here, and
an own IRI of no kind at all is left to the check that it names an entity.
"""

from __future__ import annotations

from hub.services.errors import Problem

# field -> the kinds of own entity it may name
MEMBERSHIP_TARGETS: dict[str, tuple[str, ...]] = {
    "member": ("organisations",),
    "organization": ("organisations", "projects"),
}
_ONE = {
    "organisations": "an organisation",
    "memberships": "a membership",
    "events": "an event",
    "projects": "a project",
}


def wrong_kind(field: str, iri: str, own_prefix: str) -> str | None:
    """Why a membership's `field` cannot name `iri`, when it is an own IRI (it starts with
    `own_prefix`, `{base}/id/`) of a kind the field does not take; else None."""
    if not iri.startswith(own_prefix):
        return None
    kind = iri[len(own_prefix) :].partition("/")[0]
    allowed = MEMBERSHIP_TARGETS[field]
    if kind in allowed or kind not in _ONE:  # no kind at all: no entity, reported as unknown
        return None
    return (
        f"'{iri}' is {_ONE[kind]} of this node: a membership's {field} is"
        f" {' or '.join(_ONE[kind] for kind in allowed)}"
    )


def wrong_kind_problems(member: str, organization: str, own_prefix: str) -> list[Problem]:
    """`wrong_kind` of both links of one membership, as problems of their fields."""
    found = [
        (field, wrong_kind(field, iri, own_prefix))
        for field, iri in (("member", member), ("organization", organization))
    ]
    return [Problem(message, field=field) for field, message in found if message]
