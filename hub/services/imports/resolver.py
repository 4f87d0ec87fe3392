"""Concept cells: slugs, compact IRIs, IRIs or labels -> concepts, cached per distinct text.

A member list repeats the same few values in every row, so each distinct (column, text) is
resolved once; unknown values get close-match suggestions, computed once per value too.
"""

from __future__ import annotations

import difflib

from hub.services.concepts import AmbiguousLabel, ConceptIndex
from hub.services.imports.cells import CellError
from schemas.iris import CODE_LISTS

_CACHE_LIMIT = 50_000  # distinct texts remembered; beyond it values are resolved every time
_SUGGESTION_LIMIT = 200  # unknown values that get suggestions (difflib is not free)


class ConceptResolver:
    """Resolves cell texts to compact concept IRIs (`orgtype:sme`) against an index."""

    def __init__(self, index: ConceptIndex) -> None:
        self._index = index
        self._cache: dict[tuple[tuple[str, ...], str], str | CellError] = {}
        self._candidates: dict[str, list[str]] = {}
        self._suggested = 0

    def resolve(self, text: str, prefixes: tuple[str, ...]) -> str:
        """The concept `text` names in the first of `prefixes` that has one; `CellError` else."""
        key = (prefixes, text)
        found = self._cache.get(key)
        if found is None:
            found = self._lookup(text, prefixes)
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[key] = found
        if isinstance(found, CellError):
            raise found
        return found

    def _lookup(self, text: str, prefixes: tuple[str, ...]) -> str | CellError:
        try:
            found = self._index.resolve(text, prefixes)
        except AmbiguousLabel as exc:
            return CellError(str(exc))
        if found is not None:
            return found
        names = " or ".join(CODE_LISTS[prefix][1] for prefix in prefixes)
        return CellError(f"unknown {names} '{text}'{self._suggestion(text, prefixes)}")

    def _suggestion(self, text: str, prefixes: tuple[str, ...]) -> str:
        if self._suggested >= _SUGGESTION_LIMIT:
            return ""
        self._suggested += 1
        candidates = [c for prefix in prefixes for c in self._names(prefix)]
        close = difflib.get_close_matches(text.lower(), candidates, n=3, cutoff=0.8)
        return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""

    def _names(self, prefix: str) -> list[str]:
        """What a person may type for the concepts of a list: slugs and English labels."""
        if prefix not in self._candidates:
            names: set[str] = set()
            for compact in self._index.in_list(prefix):
                names.add(compact.partition(":")[2].lower())
                names.add(self._index.label(compact, "en").lower())
            self._candidates[prefix] = sorted(names)
        return self._candidates[prefix]
