"""Reading request bodies within the configured size limit, and parsing JSON ones."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.requests import Request

from hub.services.errors import InvalidInput, PayloadTooLarge, Problem


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refusing (without reading on) anything over `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        "payload too large", [Problem(f"the body is larger than the limit of {limit} bytes")]
    )


def parse_json_object(body: bytes) -> dict[str, Any]:
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise InvalidInput("malformed JSON", [Problem(f"the body is not JSON: {exc}")]) from None
    if not isinstance(value, dict):
        raise InvalidInput("malformed JSON", [Problem("the body must be a JSON object")])
    return value
