"""A member-list row -> an organisation document and its membership of the cluster.

The columns are those of `vocab/templates/COLUMNS.md`. Each cell is read on its own, so one
row reports every bad cell at once; problems name the row and the column as the file does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hub.services.errors import Problem
from hub.services.imports import cells
from hub.services.imports.cells import CellError
from hub.services.imports.columns import Header
from hub.services.imports.entries import Entry
from hub.services.imports.member_fields import (
    CONCEPT_COLUMNS,
    MEMBERSHIP_COLUMNS,
    TEXT_COLUMNS,
    column_title,
)
from hub.services.imports.resolver import ConceptResolver
from schemas.entity import is_valid_key

_DEFAULT_ROLE = "mrole:full-member"
_CELL_CACHE = 20_000  # distinct concept cells remembered


@dataclass(frozen=True, slots=True)
class MemberListTarget:
    """Where the rows go: IRIs under `base_url`, memberships of `cluster` unless a row names
    another cluster (refused when `single_cluster`, as a replace covers one cluster)."""

    base_url: str
    cluster: str
    single_cluster: bool = False


class _Columns:
    """Where each column of a header sits, worked out once for all its rows: the index of
    each plain column, and (language, index) of each language of a text column."""

    def __init__(self, header: Header) -> None:
        self.header = header
        self.plain = tuple((name, cell.index) for name, cell in header.plain.items())
        self.texts = {
            name: tuple((cell.language, cell.index) for cell in cells if cell.language)
            for name, cells in header.texts.items()
        }


class _Row:
    """The cells of one row, and the problems found reading them."""

    def __init__(self, columns: _Columns, number: int, cells_: list[str]) -> None:
        self.header = columns.header
        self.texts = columns.texts
        self.number = number
        self.cells = cells_
        self.plain = {name: cells_[index].strip() for name, index in columns.plain}
        self.problems: list[Problem] = []

    def text(self, column: str) -> str:
        return self.plain.get(column, "")

    def fail(self, column: str, message: str, language: str | None = None) -> None:
        self.problems.append(
            Problem(message, field=self.header.title(column, language), row=self.number)
        )

    def read(self, column: str, reader: Callable[[str], Any]) -> Any:
        """`reader(text)` of a non-empty cell; None when empty or unreadable (noted)."""
        text = self.text(column)
        if not text:
            return None
        try:
            return reader(text)
        except CellError as exc:
            self.fail(column, str(exc))
            return None

    def languages(self, column: str) -> dict[str, str]:
        cells = self.cells
        return {
            language: text
            for language, index in self.texts.get(column, ())
            if (text := cells[index].strip())
        }


class MemberRows:
    """Turns member-list rows into entries: an organisation and a membership per row."""

    def __init__(self, header: Header, target: MemberListTarget, resolver: ConceptResolver) -> None:
        self.header = header
        self.columns = _Columns(header)
        self.target = target
        self.resolver = resolver
        # (column, cell text) -> (concepts, problems): member lists repeat the same cells.
        self._cells: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        # Which reported columns belong to the membership (the key belongs to both).
        self._membership_titles = frozenset(header.title(c) for c in MEMBERSHIP_COLUMNS)
        self._key_title = header.title("key")

    def field_name(self, kind: str, path: str | None) -> str | None:
        """The column a model problem at a document path belongs to."""
        return column_title(self.header, kind, path)

    def entries(self, number: int, cells_: list[str]) -> tuple[list[Entry], list[Problem]]:
        """The organisation and membership entries of a row, and the problems of its cells."""
        row = _Row(self.columns, number, cells_)
        key = row.text("key")
        if not key or not is_valid_key(key):
            shown = f"'{key}' is not" if key else "the key is empty: give"
            row.fail("key", f"{shown} a key (letters, digits, '.', '_', '~', '-'; up to 128)")
            key = ""
        organisation = self._organisation(row, key)
        membership = self._membership(row, key)
        row.problems.sort(key=lambda problem: self.header.position(problem.field))
        if not key:
            return [], row.problems
        fields = {problem.field for problem in row.problems if problem.field}
        membership_fields = fields & self._membership_titles
        organisation_fields = (fields - membership_fields) | (fields & {self._key_title})
        found = [
            self._entry("organisations", key, organisation, number, organisation_fields),
            self._entry(
                "memberships", membership.pop("key"), membership, number, membership_fields
            ),
        ]
        return found, row.problems

    def _entry(
        self, kind: str, key: str, doc: dict[str, Any], number: int, reported: set[str]
    ) -> Entry:
        return Entry(kind, key, doc, number, "row", self.field_name, frozenset(reported))

    def _iri(self, kind: str, key: str) -> str:
        return f"{self.target.base_url}/id/{kind}/{key}"

    def _organisation(self, row: _Row, key: str) -> dict[str, Any]:
        doc: dict[str, Any] = {"id": self._iri("organisations", key)}
        for column, term in TEXT_COLUMNS.items():
            if texts := row.languages(column):
                doc[term] = texts
        if "legalName" not in doc and "prefLabel" not in doc:
            row.fail(
                "legal_name" if "legal_name" in self.header.texts else "name",
                "a member needs a legal_name or a name",
            )
        for column, (term, lists) in CONCEPT_COLUMNS.items():
            if values := self._concepts(row, column, lists):
                doc[term] = values
        if founded := row.read("founding_date", cells.founding):
            doc[founded[0]] = founded[1]
        _put(doc, "homepage", row.read("website", cells.website))
        _put(doc, "address", self._address(row))
        _put(doc, "vatID", row.read("vat", cells.vat_number))
        _put(doc, "leiCode", row.read("lei", cells.lei_code))
        if registry := row.text("registry_number"):
            doc["legalIdentifier"] = [{"notation": registry}]
        _put(doc, "numberOfEmployees", row.read("employees", cells.employees))
        offers = self._positions(row, "offers")
        _put(doc, "makesOffer", [{"itemOffered": {"name": names}} for names in offers])
        _put(
            doc,
            "hasCertification",
            [{"name": names} for names in self._positions(row, "certifications")],
        )
        contact = {
            "name": row.languages("contact_name"),
            "email": row.text("contact_email"),
            "telephone": row.text("contact_phone"),
        }
        contact = {term: value for term, value in contact.items() if value}
        _put(doc, "contactPoint", [contact] if contact else None)
        return doc

    def _concepts(self, row: _Row, column: str, lists: tuple[str, ...]) -> list[str]:
        text = row.text(column)
        if not text:
            return []
        found = self._cells.get((column, text))
        if found is None:
            found = self._resolve(text, lists)
            if len(self._cells) < _CELL_CACHE:
                self._cells[(column, text)] = found
        for message in found[1]:
            row.fail(column, message)
        return list(found[0])

    def _resolve(self, text: str, lists: tuple[str, ...]) -> tuple[list[str], list[str]]:
        concepts: list[str] = []
        problems: list[str] = []
        for value in cells.split_values(text):
            try:
                concept = self.resolver.resolve(value, lists)
            except CellError as exc:
                problems.append(str(exc))
                continue
            if concept not in concepts:
                concepts.append(concept)
        return concepts, problems

    def _address(self, row: _Row) -> dict[str, Any] | None:
        address: dict[str, Any] = {}
        for column, term in (
            ("street", "thoroughfare"),
            ("post_code", "postCode"),
            ("city", "postName"),
        ):
            _put(address, term, row.text(column))
        _put(address, "countryCode", self._concept(row, "country", ("country",)))
        _put(address, "nutsCode", self._concept(row, "nuts", ("nuts",)))
        latitude = row.read("latitude", lambda text: cells.coordinate(text, 90, "latitude"))
        longitude = row.read("longitude", lambda text: cells.coordinate(text, 180, "longitude"))
        if bool(row.text("latitude")) != bool(row.text("longitude")):
            missing = "longitude" if row.text("latitude") else "latitude"
            row.fail(missing, "give both latitude and longitude, or neither")
        elif latitude is not None and longitude is not None:
            address["geo"] = {"latitude": latitude, "longitude": longitude}
        return address or None

    def _concept(self, row: _Row, column: str, lists: tuple[str, ...]) -> str | None:
        concepts = self._concepts(row, column, lists)
        if len(concepts) > 1:
            row.fail(column, f"give one value in {column}, not {len(concepts)}")
        return concepts[0] if concepts else None

    def _positions(self, row: _Row, column: str) -> list[dict[str, str]]:
        """Positional lists in several language columns, zipped: offer n in each language."""
        by_language = {
            language: cells.split_positions(text)
            for language, text in row.languages(column).items()
        }
        counts = {len(values) for values in by_language.values()}
        if len(counts) > 1:
            row.fail(
                column,
                f"the {column} columns list different numbers of items: give the"
                " same items in each language, separated by ';'",
            )
            return []
        items = []
        for position in range(max(counts, default=0)):
            names = {
                tag: values[position] for tag, values in by_language.items() if values[position]
            }
            if not names:
                row.fail(column, f"item {position + 1} of {column} is empty")
                continue
            items.append(names)
        return items

    def _membership(self, row: _Row, key: str) -> dict[str, Any]:
        cluster = row.text("cluster") or self.target.cluster
        if not is_valid_key(cluster):
            row.fail("cluster", f"'{cluster}' is not a key of a cluster organisation")
        elif cluster == key:
            row.fail("key", f"'{key}' is the cluster itself: a member list holds its members")
        elif cluster != self.target.cluster and self.target.single_cluster:
            row.fail("cluster", f"a replace import covers the cluster '{self.target.cluster}' only")
        role = self._concept(row, "membership_role", ("mrole",))
        doc: dict[str, Any] = {
            "key": f"{key}-in-{cluster}",
            "id": self._iri("memberships", f"{key}-in-{cluster}"),
            "member": self._iri("organisations", key),
            "organization": self._iri("organisations", cluster),
            "role": role or _DEFAULT_ROLE,
        }
        _put(doc, "startDate", row.read("member_since", cells.iso_date))
        _put(doc, "endDate", row.read("member_until", cells.iso_date))
        return doc


def _put(doc: dict[str, Any], term: str, value: Any) -> None:
    if value:
        doc[term] = value
