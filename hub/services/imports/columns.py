"""The member-list columns (`vocab/templates/COLUMNS.md`) and the reading of a header row."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from hub.services.errors import Problem
from schemas.types import normalise_language_tag

# Column -> whether it takes a language suffix (`legal_name@sr-Cyrl`).
COLUMNS: dict[str, bool] = {
    "key": False,
    "legal_name": True,
    "name": True,
    "description": True,
    "organisation_type": False,
    "founding_date": False,
    "website": False,
    "street": False,
    "post_code": False,
    "city": False,
    "country": False,
    "nuts": False,
    "latitude": False,
    "longitude": False,
    "vat": False,
    "lei": False,
    "registry_number": False,
    "employees": False,
    "nace": False,
    "sectors": False,
    "emerging_industries": False,
    "ecosystems": False,
    "technology_fields": False,
    "languages": False,
    "export_markets": False,
    "offers": True,
    "certifications": True,
    "contact_name": True,
    "contact_email": False,
    "contact_phone": False,
    "membership_role": False,
    "member_since": False,
    "member_until": False,
    "cluster": False,
}

# The languages the blank template offers for each text column.
TEMPLATE_LANGUAGES: dict[str, tuple[str, ...]] = {
    "legal_name": ("sr-Latn", "sr-Cyrl", "en"),
    "name": ("sr-Latn", "sr-Cyrl", "en"),
    "description": ("sr-Latn", "sr-Cyrl", "en"),
    "offers": ("sr-Latn", "en"),
    "certifications": (),
    "contact_name": (),
}


def template_columns() -> list[str]:
    """The header of the blank template: every column, text columns in their usual languages."""
    header: list[str] = []
    for name, has_language in COLUMNS.items():
        languages = TEMPLATE_LANGUAGES.get(name, ()) if has_language else ()
        header.extend(f"{name}@{tag}" for tag in languages) if languages else header.append(name)
    return header


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a column sits in the row, and its title as the file writes it."""

    index: int
    title: str
    language: str | None = None


@dataclass
class Header:
    """The columns of a file: plain ones by name, text ones by name and language."""

    width: int
    plain: dict[str, Cell] = field(default_factory=dict)
    texts: dict[str, list[Cell]] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)  # title -> index

    @property
    def has_key_and_name(self) -> bool:
        """Whether rows can be read by it: each needs its key and its name."""
        return "key" in self.plain and bool(self.texts.get("legal_name") or self.texts.get("name"))

    def position(self, title: str | None) -> int:
        """Where a column stands, so that a row's problems read left to right."""
        return self.positions.get(title or "", self.width)

    def title(self, name: str, language: str | None = None) -> str:
        """The file's title of a column (for problems), or the contract's name."""
        if language is None and name in self.plain:
            return self.plain[name].title
        for cell in self.texts.get(name, ()):
            if cell.language == language or language is None:
                return cell.title
        return name if language is None else f"{name}@{language}"


def read_header(titles: list[str], default_language: str) -> tuple[Header, list[Problem]]:
    """The header of a member list, and every problem with it (row 1)."""
    while titles and not titles[-1].strip():
        titles = titles[:-1]  # spreadsheets pad rows with empty cells
    header = Header(width=len(titles))
    problems: list[Problem] = []
    seen: dict[tuple[str, str | None], int] = {}
    for index, raw in enumerate(titles):
        title = raw.strip()
        parsed = _column(title, default_language)
        if isinstance(parsed, Problem):
            problems.append(parsed)
            continue
        name, language = parsed
        if (name, language) in seen:
            first = seen[(name, language)] + 1
            problems.append(_problem(title, f"column '{title}' repeats column {first}"))
            continue
        seen[(name, language)] = index
        header.positions[title] = index
        if COLUMNS[name]:
            header.texts.setdefault(name, []).append(Cell(index, title, language))
        else:
            header.plain[name] = Cell(index, title)
    if header.has_key_and_name:
        return header, problems
    if "key" not in header.plain:
        problems.append(Problem("the header has no 'key' column", field="key", row=1))
    if not header.texts.get("legal_name") and not header.texts.get("name"):
        problems.append(
            Problem("the header needs a 'legal_name' or 'name' column", field="name", row=1)
        )
    return header, problems


def _column(title: str, default_language: str) -> tuple[str, str | None] | Problem:
    if not title:
        return _problem(title, "a column has no title")
    base, at, tag = title.partition("@")
    name = base.strip().lower()
    if name not in COLUMNS:
        # `vat_number` means `vat` more likely than the closest spelling (`registry_number`).
        hint = [c for c in COLUMNS if name.startswith(c) or c.startswith(name)]
        hint = sorted(hint, key=len)[-1:] or difflib.get_close_matches(
            name, COLUMNS, n=1, cutoff=0.75
        )
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        return _problem(title, f"unknown column '{title}'{suggestion}")
    if not COLUMNS[name]:
        if at:
            return _problem(title, f"column '{name}' takes no language")
        return name, None
    if not at:
        return name, default_language
    try:
        return name, normalise_language_tag(tag.strip())
    except ValueError as exc:
        return _problem(title, f"column '{title}': {exc}")


def _problem(title: str, message: str) -> Problem:
    return Problem(message, field=title, row=1)
