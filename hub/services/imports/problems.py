"""Collecting the problems of a whole file: all are counted, the first `limit` are kept."""

from __future__ import annotations

from collections.abc import Iterable

from hub.services.errors import InvalidInput, Problem


class ProblemLog:
    """Every problem an import finds, so that one run reports them all (up to `limit`)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.kept: list[Problem] = []
        self.total = 0

    def add(self, problem: Problem) -> None:
        self.total += 1
        if len(self.kept) < self.limit:
            self.kept.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    def __bool__(self) -> bool:
        return self.total > 0

    def raise_if_any(self, title: str = "the file cannot be imported") -> None:
        """`InvalidInput` with the kept problems and the total, when there is any."""
        if self.total:
            raise InvalidInput(title, self.kept, total=self.total)
