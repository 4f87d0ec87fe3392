"""Importing files into the store: member lists (CSV, XLSX), JSON-LD and Turtle.

The flow, shared by `POST /import` and `clusterhub import`:

    file ─▶ reader (tabular / jsonld / rdf) ─▶ chunks of raw units (rows, node texts)
         ─▶ prepare (chunks.py; for big files, shared by worker processes and the
            importing process between its writes, pool.py):
            entries (kind, key, document, row or line) ─▶ validation ─▶ rows to store
         ─▶ rows written in batches, keys staged ─▶ duplicate keys, references, diff (SQL
            over the staged keys) ─▶ commit, or roll back
         ─▶ (SQLite) the WAL checkpoint, in the background (hub/storage/checkpoints.py)

Readers stream, so memory does not grow with the file. Every problem names where it is:
the spreadsheet row and column of a member list, the line and field of a JSON-LD node,
the line of a Turtle syntax error or the IRI of an entity read from RDF.
"""

from hub.services.imports.options import (
    FORMATS,
    ImportMode,
    ImportOptions,
    ImportReport,
    SourceFormat,
    format_of_media_type,
    format_of_path,
    language_option,
)
from hub.services.imports.service import import_file

__all__ = [
    "FORMATS",
    "ImportMode",
    "ImportOptions",
    "ImportReport",
    "SourceFormat",
    "format_of_media_type",
    "format_of_path",
    "import_file",
    "language_option",
]
