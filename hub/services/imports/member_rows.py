"""A member-list row -> an organisation document and its membership of the cluster.

The columns are those of `vocab/templates/COLUMNS.md`. Each cell is read on its own, so one
row reports every bad cell at once; problems name the row and the column as the file does.

A member list has thousands of rows under one header, so what depends on the header alone
(where each column sits, which ones the file has, the titles that problems name) is worked
out once per header (`_Columns`), and a row only reads its cells.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hub.services.errors import Problem
from hub.services.imports import cells
from hub.services.imports.cells import CellError
from hub.services.imports.columns import COLUMNS, Header
from hub.services.imports.entries import Entry
from hub.services.imports.member_fields import (
    CONCEPT_COLUMNS,
    MEMBERSHIP_COLUMNS,
    TEXT_COLUMNS,
    column_title,
)
from hub.services.imports.resolver import ConceptResolver
from schemas.entity import KEY_RULE, is_valid_key

_DEFAULT_ROLE = "mrole:full-member"
_CELL_CACHE = 20_000  # distinct concept cells remembered

_ABSENT = -1  # the index of a column the header lacks: the empty cell `_Row` ends with

# Language columns: language -> text. Positional columns: one such map per item.
_Names = dict[str, str]
# The concepts of a cell, and the problems with its values.
_Concepts = tuple[tuple[str, ...], tuple[str, ...]]
# The columns of one concept each, and the code lists of their values.
_SINGLE_CONCEPTS = {"country": ("country",), "nuts": ("nuts",), "membership_role": ("mrole",)}
# Plain text columns of an address and a contact point: (column, term), in document order.
_ADDRESS_TEXTS = (("street", "thoroughfare"), ("post_code", "postCode"), ("city", "postName"))
_CONTACT_TEXTS = (("contact_email", "email"), ("contact_phone", "telephone"))


@dataclass(frozen=True, slots=True)
class MemberListTarget:
    """Where the rows go: IRIs under `base_url`, memberships of `cluster` unless a row names
    another cluster (refused when `single_cluster`, as a replace covers one cluster)."""

    base_url: str
    cluster: str
    single_cluster: bool = False


class _Columns:
    """What the rows of a header share, worked out once: the index of each plain column,
    (language, index) of each language of a text column, and each column's title.

    Every column of the contract has an index: one the header lacks points at the empty
    cell `_Row` adds after the file's cells, so it reads as an empty cell does, without a
    check of its own. Loops over several columns (texts, concepts) skip absent ones."""

    def __init__(self, header: Header) -> None:
        self.index = {
            name: header.plain[name].index if name in header.plain else _ABSENT
            for name, has_language in COLUMNS.items()
            if not has_language
        }
        self.languages = {
            name: tuple(
                (cell.language, cell.index) for cell in header.texts.get(name, ()) if cell.language
            )
            for name, has_language in COLUMNS.items()
            if has_language
        }
        self.titles = {name: header.title(name) for name in COLUMNS}
        # (column, term) of the name and description columns the header has
        self.texts = tuple(
            (column, term) for column, term in TEXT_COLUMNS.items() if self.languages[column]
        )
        # (column, term, code lists, index) of the concept columns the header has
        self.concepts = tuple(
            (column, term, lists, self.index[column])
            for column, (term, lists) in CONCEPT_COLUMNS.items()
            if self.index[column] != _ABSENT
        )
        self.name_column = "legal_name" if "legal_name" in header.texts else "name"


class _Row:
    """The cells of one row, and the problems found reading them."""

    __slots__ = ("cells", "columns", "index", "number", "problems")

    def __init__(self, columns: _Columns, number: int, cells_: list[str]) -> None:
        self.columns = columns
        self.index = columns.index  # looked up by every cell read
        self.number = number
        self.cells = [*cells_, ""]  # the cell of absent columns (`_ABSENT`)
        self.problems: list[Problem] = []

    def text(self, column: str) -> str:
        return self.cells[self.index[column]].strip()

    def texts(self, terms: tuple[tuple[str, str], ...]) -> dict[str, str]:
        """{term: text} of the (column, term) pairs whose cells are not empty, in order."""
        return {term: text for column, term in terms if (text := self.text(column))}

    def fail(self, column: str, message: str) -> None:
        self.problems.append(Problem(message, field=self.columns.titles[column], row=self.number))

    def read(self, column: str, reader: Callable[[str], Any]) -> Any:
        """`reader(text)` of a non-empty cell; None when empty or unreadable (noted)."""
        text = self.cells[self.index[column]].strip()  # `self.text`, without a call
        if not text:
            return None
        try:
            return reader(text)
        except CellError as exc:
            self.fail(column, str(exc))
            return None

    def languages(self, column: str) -> _Names:
        """Language -> text of the non-empty cells of a text column."""
        # A loop, not a comprehension: most text columns have one or two languages, and
        # a comprehension is a function call of its own (Python 3.11).
        found: _Names = {}
        for language, index in self.columns.languages[column]:
            if text := self.cells[index].strip():
                found[language] = text
        return found


class MemberRows:
    """Turns member-list rows into entries: an organisation and a membership per row."""

    def __init__(self, header: Header, target: MemberListTarget, resolver: ConceptResolver) -> None:
        self.header = header
        self.columns = _Columns(header)
        self.target = target
        self.resolver = resolver
        # column -> cell text -> (concepts, problems): member lists repeat the same cells.
        self._cells: dict[str, dict[str, _Concepts]] = {
            column: {} for column in (*CONCEPT_COLUMNS, *_SINGLE_CONCEPTS)
        }
        self._cached = 0  # cells in `_cells`, at most `_CELL_CACHE`
        # Which reported columns belong to the membership (the key belongs to both).
        self._membership_titles = frozenset(header.title(c) for c in MEMBERSHIP_COLUMNS)
        self._key_title = header.title("key")
        # The IRIs every row builds: `{base_url}/id/{kind}/` and the target cluster's.
        self._organisations = f"{target.base_url}/id/organisations/"
        self._memberships = f"{target.base_url}/id/memberships/"
        self._cluster = (target.cluster, is_valid_key(target.cluster))
        self._cluster_iri = self._organisations + target.cluster
        self._field_names = self.field_name  # one bound method for all the entries

    def field_name(self, kind: str, path: str | None) -> str | None:
        """The column a model problem at a document path belongs to."""
        return column_title(self.header, kind, path)

    def entries(self, number: int, cells_: list[str]) -> tuple[list[Entry], list[Problem]]:
        """The organisation and membership entries of a row, and the problems of its cells."""
        row = _Row(self.columns, number, cells_)
        key = row.text("key")
        if not key or not is_valid_key(key):
            shown = f"'{key}' is not" if key else "the key is empty: give"
            row.fail("key", f"{shown} a key ({KEY_RULE})")
            key = ""
        organisation = self._organisation(row, key)
        membership_key, membership = self._membership(row, key, organisation["id"])
        problems = row.problems
        if not problems:  # most rows: nothing to order or to mark as reported
            return [
                Entry("organisations", key, organisation, number, "row", self._field_names),
                Entry("memberships", membership_key, membership, number, "row", self._field_names),
            ], problems
        problems.sort(key=lambda problem: self.header.position(problem.field))
        if not key:
            return [], problems
        organisation_fields, membership_fields = self._reported(problems)
        found = [
            self._entry("organisations", key, organisation, number, organisation_fields),
            self._entry("memberships", membership_key, membership, number, membership_fields),
        ]
        return found, problems

    def _reported(self, problems: list[Problem]) -> tuple[set[str], set[str]]:
        """The fields with problems, of the organisation and of the membership."""
        fields = {problem.field for problem in problems if problem.field}
        membership_fields = fields & self._membership_titles
        organisation_fields = (fields - membership_fields) | (fields & {self._key_title})
        return organisation_fields, membership_fields

    def _entry(
        self, kind: str, key: str, doc: dict[str, Any], number: int, reported: set[str]
    ) -> Entry:
        return Entry(kind, key, doc, number, "row", self._field_names, frozenset(reported))

    def _organisation(self, row: _Row, key: str) -> dict[str, Any]:
        """The organisation document; its terms in the order of the columns' contract."""
        doc: dict[str, Any] = {"id": self._organisations + key}
        self._add_names(row, doc)
        self._add_concepts(row, doc)
        self._add_details(row, doc)
        self._add_offers(row, doc)
        return doc

    def _add_names(self, row: _Row, doc: dict[str, Any]) -> None:
        for column, term in self.columns.texts:
            if texts := row.languages(column):
                doc[term] = texts
        if "legalName" not in doc and "prefLabel" not in doc:
            row.fail(self.columns.name_column, "a member needs a legal_name or a name")

    def _add_concepts(self, row: _Row, doc: dict[str, Any]) -> None:
        for column, term, lists, index in self.columns.concepts:
            if (text := row.cells[index].strip()) and (
                values := self._concepts(row, column, text, lists)
            ):
                doc[term] = values

    def _add_details(self, row: _Row, doc: dict[str, Any]) -> None:
        if founded := row.read("founding_date", cells.founding):
            doc[founded[0]] = founded[1]
        if homepage := row.read("website", cells.website):
            doc["homepage"] = homepage
        if address := self._address(row):
            doc["address"] = address
        if vat := row.read("vat", cells.vat_number):
            doc["vatID"] = vat
        if lei := row.read("lei", cells.lei_code):
            doc["leiCode"] = lei
        if registry := row.text("registry_number"):
            doc["legalIdentifier"] = [{"notation": registry}]
        if employees := row.read("employees", cells.employees):
            doc["numberOfEmployees"] = employees

    def _add_offers(self, row: _Row, doc: dict[str, Any]) -> None:
        """Offers, certifications and the contact point."""
        if offers := self._positions(row, "offers"):
            doc["makesOffer"] = [{"itemOffered": {"name": names}} for names in offers]
        if certifications := self._positions(row, "certifications"):
            doc["hasCertification"] = [{"name": names} for names in certifications]
        if contact := self._contact(row):
            doc["contactPoint"] = [contact]

    def _concepts(self, row: _Row, column: str, text: str, lists: tuple[str, ...]) -> list[str]:
        """The concepts of a non-empty cell (a new list: documents share no values)."""
        cached = self._cells[column]
        found = cached.get(text)
        if found is None:
            found = self._resolve(text, lists)
            if self._cached < _CELL_CACHE:
                cached[text] = found
                self._cached += 1
        concepts, problems = found
        for message in problems:
            row.fail(column, message)
        return [*concepts]

    def _resolve(self, text: str, lists: tuple[str, ...]) -> _Concepts:
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
        return tuple(concepts), tuple(problems)

    def _address(self, row: _Row) -> dict[str, Any] | None:
        address: dict[str, Any] = row.texts(_ADDRESS_TEXTS)
        if country := self._concept(row, "country"):
            address["countryCode"] = country
        if nuts := self._concept(row, "nuts"):
            address["nutsCode"] = nuts
        latitude = row.read("latitude", cells.latitude)
        longitude = row.read("longitude", cells.longitude)
        has_latitude = bool(row.text("latitude"))
        if has_latitude != bool(row.text("longitude")):
            missing = "longitude" if has_latitude else "latitude"
            row.fail(missing, "give both latitude and longitude, or neither")
        elif latitude is not None and longitude is not None:
            address["geo"] = {"latitude": latitude, "longitude": longitude}
        return address or None

    def _concept(self, row: _Row, column: str) -> str | None:
        text = row.text(column)
        if not text:
            return None
        concepts = self._concepts(row, column, text, _SINGLE_CONCEPTS[column])
        if len(concepts) > 1:
            row.fail(column, f"give one value in {column}, not {len(concepts)}")
        return concepts[0] if concepts else None

    def _positions(self, row: _Row, column: str) -> list[_Names]:
        """Positional lists in several language columns, zipped: item n of each language
        column names the same offer (or certification), so each column lists as many, and
        an empty item keeps its place (`a;;c`)."""
        texts = row.languages(column)
        if ";" not in "".join(texts.values()):
            return [texts] if texts else []  # one item: each language's (non-empty) cell
        split = [text.split(";") for text in texts.values()]
        if len(set(map(len, split))) > 1:
            row.fail(
                column,
                f"the {column} columns list different numbers of items: give the"
                " same items in each language, separated by ';'",
            )
            return []
        items = []
        for position, parts in enumerate(zip(*split, strict=True), start=1):
            names: _Names = {}
            for language, part in zip(texts, parts, strict=True):
                if name := part.strip():
                    names[language] = name
            if names:
                items.append(names)
            else:
                row.fail(column, f"item {position} of {column} is empty")
        return items

    def _contact(self, row: _Row) -> dict[str, Any]:
        contact: dict[str, Any] = {}
        if names := row.languages("contact_name"):
            contact["name"] = names
        contact.update(row.texts(_CONTACT_TEXTS))
        return contact

    def _membership(self, row: _Row, key: str, member: str) -> tuple[str, dict[str, Any]]:
        """The key and document of the membership of organisation `member` (its IRI)."""
        if named := row.text("cluster"):
            cluster, valid, organization = named, is_valid_key(named), self._organisations + named
        else:
            (cluster, valid), organization = self._cluster, self._cluster_iri
        if not valid:
            row.fail("cluster", f"'{cluster}' is not a key of a cluster organisation")
        elif cluster == key:
            row.fail("key", f"'{key}' is the cluster itself: a member list holds its members")
        elif cluster != self.target.cluster and self.target.single_cluster:
            row.fail("cluster", f"a replace import covers the cluster '{self.target.cluster}' only")
        role = self._concept(row, "membership_role")
        membership_key = f"{key}-in-{cluster}"
        doc: dict[str, Any] = {
            "id": self._memberships + membership_key,
            "member": member,
            "organization": organization,
            "role": role or _DEFAULT_ROLE,
        }
        if start := row.read("member_since", cells.iso_date):
            doc["startDate"] = start
        if end := row.read("member_until", cells.iso_date):
            doc["endDate"] = end
        return membership_key, doc
