"""Service errors. The web layer maps each type to a status; none carries one itself.

ServiceError
 ├── InvalidInput        the input breaks the data model; `problems` lists every one
 │    └── PayloadTooLarge  the input is over the configured size limit
 ├── UnsupportedFormat   the input's media type or file type is not one we read
 ├── EntityNotFound      no entity of that kind and key
 ├── Unauthorised        no usable credentials for something that needs them
 └── Forbidden           credentials without the scope the operation needs
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in the input: where (row or line, field) and what."""

    message: str
    field: str | None = None
    row: int | None = None
    line: int | None = None
    entity: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}


class ServiceError(Exception):
    """Base of every service error."""


class InvalidInput(ServiceError):
    def __init__(self, title: str, problems: list[Problem], total: int | None = None) -> None:
        super().__init__(title)
        self.title = title
        self.problems = problems
        self.total = len(problems) if total is None else total


class PayloadTooLarge(InvalidInput):
    pass


class UnsupportedFormat(ServiceError):
    pass


class EntityNotFound(ServiceError):
    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"there is no {kind[:-1]} '{key}'")
        self.kind = kind
        self.key = key


class Unauthorised(ServiceError):
    pass


class Forbidden(ServiceError):
    def __init__(self, scope: str) -> None:
        super().__init__(f"this needs the '{scope}' scope")
        self.scope = scope
