"""`POST /import`: a member list (CSV, XLSX), JSON-LD or Turtle, imported all or nothing.

The body is spooled to a temporary file within the upload limit (files run to hundreds of
megabytes; they are never held in memory), then the import runs in a worker thread so that
the event loop keeps serving while the database works.
"""

from __future__ import annotations

import tempfile
from typing import IO

import orjson
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from hub.auth.scopes import WRITE
from hub.services.errors import InvalidInput, PayloadTooLarge, Problem
from hub.services.imports import (
    ImportMode,
    ImportOptions,
    format_of_media_type,
    import_file,
    language_option,
)
from hub.services.imports.options import DEFAULT_LANGUAGE
from hub.web.authentication import require_scope
from hub.web.context import app_state
from schemas.entity import is_valid_key

_TRUE = ("true", "1", "yes")
_FALSE = ("false", "0", "no", "")


async def import_records(request: Request) -> Response:
    """`POST /import`: the report of the import as JSON, or a problem document."""
    state = app_state(request)
    require_scope(request, WRITE)
    options = import_options(request)
    with tempfile.TemporaryFile() as spool:
        await spool_body(request, spool, state.settings.max_upload_bytes)
        spool.seek(0)
        report = await run_in_threadpool(import_file, state.engine, state.settings, spool, options)
    return Response(orjson.dumps(report.as_json()), media_type="application/json")


def import_options(request: Request) -> ImportOptions:
    """The options of `?mode=&dry_run=&language=&cluster=` and the body's media type."""
    fmt = format_of_media_type(request.headers.get("content-type", ""))
    query = request.query_params
    problems: list[Problem] = []
    mode = query.get("mode", "merge")
    if mode not in ("merge", "replace"):
        problems.append(Problem(f"mode is 'merge' or 'replace', not '{mode}'", field="mode"))
    dry_run = query.get("dry_run", "false").lower()
    if dry_run not in _TRUE + _FALSE:
        problems.append(Problem(f"dry_run is true or false, not '{dry_run}'", field="dry_run"))
    language = DEFAULT_LANGUAGE
    try:
        language = language_option(query.get("language") or DEFAULT_LANGUAGE)
    except InvalidInput as exc:
        problems += exc.problems
    cluster = query.get("cluster") or None
    if cluster is not None and not is_valid_key(cluster):
        problems.append(Problem(f"'{cluster}' is not an entity key", field="cluster"))
    if problems:
        raise InvalidInput("invalid import options", problems)
    chosen: ImportMode = "replace" if mode == "replace" else "merge"
    return ImportOptions(fmt, chosen, dry_run in _TRUE, language, cluster)


async def spool_body(request: Request, spool: IO[bytes], limit: int) -> None:
    """Write the body to `spool`, refusing (without reading on) anything over `limit`."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        spool.write(chunk)


def _too_large(limit: int) -> PayloadTooLarge:
    message = f"the file is larger than the limit of {limit} bytes (CLUSTERHUB_MAX_UPLOAD_BYTES)"
    return PayloadTooLarge("payload too large", [Problem(message)])
