"""Member lists as rows of text: CSV (stdlib `csv`) and XLSX (python-calamine, first sheet).

Rows are streamed, numbered as a spreadsheet shows them (the header is row 1), and checked
for what would silently shift or lose data: undecodable bytes, ragged rows.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import BinaryIO, ClassVar

from hub.services.concepts import shipped_concepts
from hub.services.errors import Problem
from hub.services.imports.chunks import Chunk, ReadEntries
from hub.services.imports.columns import read_header
from hub.services.imports.entries import Entry
from hub.services.imports.member_rows import MemberListTarget, MemberRows
from hub.services.imports.resolver import ConceptResolver

CHUNK_ROWS = 1000  # rows per chunk: IPC costs little at this size, and memory stays small

RawRows = Iterator[tuple[int, list[str]] | Problem]

# Bytes that are not UTF-8 come through `surrogateescape` as lone surrogates.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def csv_rows(stream: BinaryIO) -> RawRows:
    """The records of a UTF-8 CSV file (BOM allowed; `,` or, as Excel writes in many
    locales, `;` between cells); a broken quote or NUL ends the file with a problem. Bytes
    that are not UTF-8 come through as lone surrogates, for `MemberRowsChunk` to report."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    first = text.readline()
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(itertools.chain([first], text), delimiter=delimiter, strict=True)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, cells
    except csv.Error as exc:
        yield Problem(f"malformed CSV: {exc}", row=number + 1)
    finally:
        if not stream.closed:  # an import that stopped early may close it before this runs
            text.detach()  # the caller owns the stream


def xlsx_rows(stream: BinaryIO) -> RawRows:
    """The rows of the first sheet of an XLSX workbook, cells as text."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_filelike(stream).get_sheet_by_index(0)
        rows = sheet.iter_rows()
    except (CalamineError, OSError, ValueError) as exc:
        yield Problem(f"not a readable XLSX workbook ({exc})")
        return
    first_row = sheet.start[0] + 1 if sheet.start else 1
    for number, cells in enumerate(rows, start=first_row):
        yield number, [cell_text(cell) for cell in cells]


def cell_text(value: object) -> str:
    """A typed spreadsheet cell as the text a person typed: whole numbers without `.0` (a
    registry number stored as a number must stay `8752401`), dates in ISO form."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def member_list(rows: RawRows, target: MemberListTarget, language: str) -> Iterator[Chunk]:
    """The chunks of a member list: its data rows (and every problem on the way) in slices of
    `CHUNK_ROWS`. A header's problems come first; the rows are still read, without the
    columns it refused, unless it lacks the key or the name columns every row needs."""
    header = next(rows, None)
    if header is None:
        empty = "the file is empty: a member list starts with a header row"
        yield ReadEntries([Problem(empty, row=1)])
        return
    if isinstance(header, Problem):
        yield ReadEntries([header])
        return
    undecodable = _undecodable(header[0], "".join(header[1]))
    if undecodable:
        yield ReadEntries([undecodable])
        return
    columns, problems = read_header(header[1], language)
    if problems:
        yield ReadEntries(problems)
    if not columns.has_key_and_name:
        return
    titles = tuple(header[1])
    chunk: list[tuple[int, list[str]] | Problem] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) == CHUNK_ROWS:
            yield MemberRowsChunk(titles, language, target, chunk)
            chunk = []
    if chunk:
        yield MemberRowsChunk(titles, language, target, chunk)


@dataclass(frozen=True, slots=True)
class MemberRowsChunk:
    """Rows of a member list, or the reader's problems between them, with what mapping them
    takes: the header's titles, the language of language-less columns, and the target."""

    titles: tuple[str, ...]
    language: str
    target: MemberListTarget
    rows: list[tuple[int, list[str]] | Problem]
    shippable: ClassVar[bool] = True

    def entries(self) -> Iterator[Entry | Problem]:
        mapper = _mapper(self.titles, self.language, self.target)
        width = mapper.header.width
        for item in self.rows:
            if isinstance(item, Problem):
                yield item
                continue
            number, cells = item
            text = "".join(cells)
            if not text or text.isspace():
                continue  # blank rows, as spreadsheets leave them
            undecodable = _undecodable(number, text)
            if undecodable is not None:
                yield undecodable
                continue
            extra = len(cells) - width  # spreadsheets may pad a row with blank cells
            if extra and (extra < 0 or any(c.strip() for c in cells[width:])):
                yield Problem(
                    f"the row has {len(cells)} cells where the header has {width}", row=number
                )
                continue
            entries, problems = mapper.entries(number, cells)
            yield from problems
            yield from entries


def _undecodable(number: int, text: str) -> Problem | None:
    """Why row `number` (its cells' `text`) is not UTF-8, if it is not."""
    try:
        text.encode()  # fails only on surrogates, in a third of the time of the search
    except UnicodeEncodeError:
        bad = _UNDECODABLE.search(text)
    else:
        return None  # most rows
    if bad is None:
        return None
    byte = ord(bad.group()) - 0xDC00
    message = f"the row is not UTF-8 text (byte 0x{byte:02X}): save the file as UTF-8 CSV"
    return Problem(message, row=number)


@lru_cache(maxsize=4)  # a file's chunks share one; a few imports may interleave
def _mapper(titles: tuple[str, ...], language: str, target: MemberListTarget) -> MemberRows:
    """The mapper of a header, kept for the next chunks: its caches of concept cells are
    what make a member list's repeated values cheap (each holds at most some tens of
    thousands of distinct cells)."""
    header, _ = read_header(list(titles), language)
    return MemberRows(header, target, ConceptResolver(shipped_concepts()))
