"""The `@context` of an imported JSON-LD document: ours by URL (the fast path), inline (read
through rdflib), or naming anything remote (refused, never fetched: VOCABULARY.md P1).

rdflib fetches every context URL it meets, at any depth (a term's scoped context, an
`@import`), so a document goes to rdflib only when none is left: our own context URL is
replaced by the bundled copy first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import vocab
from hub.services.errors import Problem
from hub.services.validation import known_contexts
from hub.settings import Settings

ContextKind = Literal["ours", "inline"]


def remote_references(value: Any, allowed: set[str], path: str = "@context") -> Iterator[str]:
    """Where a context value names a context by URL other than ours, with the URL."""
    if isinstance(value, str):
        if value not in allowed:
            yield f"{path} names the remote context '{value}'"
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from remote_references(item, allowed, f"{path}.{index}")
    else:
        yield from embedded_references(value, allowed, path)


def embedded_references(value: Any, allowed: set[str], path: str) -> Iterator[str]:
    """Remote contexts inside a structure: in term definitions (scoped contexts), in data
    nodes that carry their own `@context`, and every `@import`."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from embedded_references(item, allowed, f"{path}.{index}")
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "@context":
                yield from remote_references(item, allowed, f"{path}.@context")
            elif key == "@import":
                yield f"{path}.@import imports '{item}'"
            else:
                yield from embedded_references(item, allowed, f"{path}.{key}")


def classify_context(value: Any, settings: Settings) -> ContextKind | list[Problem]:
    """`"ours"` (absent, or our URL), `"inline"` (no remote URL anywhere), or the problems."""
    allowed = known_contexts(settings)
    if value is None or (isinstance(value, str) and value in allowed):
        return "ours"
    if (
        isinstance(value, list)
        and value
        and all(isinstance(v, str) and v in allowed for v in value)
    ):
        return "ours"
    found = list(remote_references(value, allowed))
    if found:
        hint = f": use '{vocab.CONTEXT_URL}' or an inline context"
        return [Problem(f"{where} (never fetched){hint}", field="@context") for where in found]
    if not isinstance(value, dict | list):
        return [Problem(f"@context must be '{vocab.CONTEXT_URL}' or an object", field="@context")]
    return "inline"


def bundled_in_place(value: Any, allowed: set[str]) -> Any:
    """The context with each of our context URLs replaced by the bundled context itself."""
    bundled = vocab.context_document()["@context"]
    if isinstance(value, str) and value in allowed:
        return bundled
    if isinstance(value, list):
        return [bundled_in_place(item, allowed) for item in value]
    return value
