"""Validating entity documents: shape (pydantic), concepts (the shipped schemes), identifiers
(check digits), and the JSON-LD `@context` rule (no remote context is ever fetched)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

import vocab
from hub.services.checks import identifier_problems
from hub.services.concepts import shipped_concepts
from hub.services.errors import Problem
from hub.settings import Settings
from schemas import Organisation, entity_model
from schemas.entity import EntityModel


def known_contexts(settings: Settings) -> set[str]:
    """Context URLs that mean the bundled context; any other URL is refused (P1, SSRF)."""
    return {vocab.CONTEXT_URL, f"{settings.base_url}/vocab/context.jsonld"}


def context_problems(value: Any, settings: Settings) -> list[Problem]:
    """Problems with a document's `@context`, which must name our context (or be absent)."""
    allowed = known_contexts(settings)
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item in allowed:
            continue
        if isinstance(item, str):
            return [
                Problem(
                    f"remote @context '{item}' is never fetched: use '{vocab.CONTEXT_URL}'",
                    field="@context",
                )
            ]
        return [Problem(f"@context must be '{vocab.CONTEXT_URL}'", field="@context")]
    return []


# What a key the models do not know is (they forbid extra keys: VOCABULARY.md P21).
NOT_A_TERM = "is not a term of the clusterhub vocabulary"


def validation_context() -> dict[str, Any]:
    return {"known_concept": shipped_concepts().known}


def model_problems(error: ValidationError, **where: Any) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        field = ".".join(str(part) for part in item["loc"]) or None
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = f"'{field}' {NOT_A_TERM}"
        problems.append(Problem(message, field=field, **where))
    return problems


def validate_document(
    kind: str, doc: dict[str, Any], **where: Any
) -> tuple[EntityModel | None, list[Problem]]:
    """The model for `doc`, or the problems that stop it (`where` locates them: row, line...)."""
    # `@context` is no term of the models (callers check it with `context_problems`): leave it
    # out, copying only the documents that carry one.
    body = {k: v for k, v in doc.items() if k != "@context"} if "@context" in doc else doc
    model: EntityModel | None = None
    try:
        model = entity_model(kind).model_validate(body, context=validation_context())
        problems = []
    except ValidationError as exc:
        problems = model_problems(exc, **where)
    if kind == Organisation.entity_kind:
        # Check digits too, even when the model failed elsewhere: one answer lists them all.
        reported = {problem.field for problem in problems}
        problems += [
            Problem(message, field=field, **where)
            for field, message in identifier_problems(body)
            if field not in reported
        ]
    return (None if problems else model), problems
