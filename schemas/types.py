"""Field types shared by the models: IRIs, concept references, dates, language maps."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, ValidationInfo

from schemas.iris import CODE_LISTS, compact_iri, is_absolute_iri

__all__ = [
    "WHITE_SPACE",
    "Iri",
    "IsoDate",
    "LangMap",
    "LangMapMulti",
    "Stripped",
    "Year",
    "concept",
    "normalise_language_tag",
    "type_list",
]

# Unicode's White_Space: what pydantic's `strip_whitespace` (Rust's `str::trim`) removes.
# Python's `str.strip()` also removes the separators U+001C..U+001F.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


@lru_cache(maxsize=1024)  # pure, and called for every key of every language map validated
def normalise_language_tag(tag: str) -> str:
    """BCP 47 case conventions: `sr-latn` -> `sr-Latn`, `en-gb` -> `en-GB`."""
    if not _TAG.match(tag):
        raise ValueError(f"'{tag}' is not a BCP 47 language tag")
    first, *rest = tag.split("-")
    parts = [first.lower()]
    for part in rest:
        if len(part) == 4 and part.isalpha():
            parts.append(part.title())
        elif len(part) == 2 and part.isalpha():
            parts.append(part.upper())
        else:
            parts.append(part.lower())
    return "-".join(parts)


def _check_iri(value: str) -> str:
    if not is_absolute_iri(value):
        raise ValueError(f"'{value}' is not an absolute IRI")
    return value


def _check_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("text must not be empty")
    return value


def _lang_map(value: dict[str, str]) -> dict[str, str]:
    cleaned = {
        normalise_language_tag(tag.strip(WHITE_SPACE)): _check_text(text)
        for tag, text in value.items()
    }
    if not cleaned:
        raise ValueError("a language map needs at least one language")
    return cleaned


def _lang_map_multi(value: dict[str, list[str]]) -> dict[str, list[str]]:
    return {
        normalise_language_tag(tag.strip(WHITE_SPACE)): [_check_text(t) for t in texts]
        for tag, texts in value.items()
    }


def _one_or_many(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: [item] if isinstance(item, str) else item for key, item in value.items()}
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"'{value}' is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"'{value}' is not a calendar date ({exc})") from None


# Text without white space at either end. Language maps and concepts strip theirs in their
# own validators instead: pydantic's stripping copies every string it sees, and with a dozen
# concepts and as many language tags and texts in a member, that was over a tenth of
# validating one.
Stripped = Annotated[str, StringConstraints(strip_whitespace=True)]
Iri = Annotated[Stripped, Field(max_length=2048), AfterValidator(_check_iri)]
IsoDate = Annotated[date, BeforeValidator(_parse_date)]
Year = Annotated[Stripped, Field(pattern=r"^\d{4}$")]
LangMap = Annotated[dict[str, str], AfterValidator(_lang_map)]
LangMapMulti = Annotated[
    dict[str, list[str]], BeforeValidator(_one_or_many), AfterValidator(_lang_map_multi)
]


def type_list(*names: str) -> Any:
    """The default of a `type` field that is a list: `names`, made anew for each model rather
    than deep-copied from one list (pydantic's way with a mutable default, which cost a
    fifth of validating a membership); the JSON Schema shows it as a plain default."""
    return Field(default_factory=lambda: list(names), json_schema_extra={"default": list(names)})


def concept(*prefixes: str) -> Any:
    """A reference to a concept of one of the named code lists, stored as `prefix:local`.

    Accepts the compact form or the full IRI. When validation runs with a context holding
    `known_concept` (a callable), the concept must also exist in the shipped schemes.
    """
    unknown = [p for p in prefixes if p not in CODE_LISTS]
    if unknown:
        raise KeyError(f"no code list {unknown}")
    names = " or ".join(CODE_LISTS[p][1] for p in prefixes)

    def check(value: str, info: ValidationInfo) -> str:
        value = value.strip(WHITE_SPACE)
        compact = _compact_concept(value, prefixes)
        if compact is None:
            raise ValueError(f"'{value}' is not a {names}")
        known = info.context.get("known_concept") if info.context else None
        if known is not None and not known(compact):
            prefix = compact.partition(":")[0]
            raise ValueError(f"unknown {CODE_LISTS[prefix][1]} '{compact}'")
        return compact

    return Annotated[str, Field(max_length=512), AfterValidator(check)]


@lru_cache(maxsize=8192)  # pure, and imports name the same few hundred concepts on every row
def _compact_concept(value: str, prefixes: tuple[str, ...]) -> str | None:
    """`value` as `prefix:local` when it names a concept of one of `prefixes`, else None."""
    compact = compact_iri(value.strip())
    prefix, _, local = compact.partition(":")
    return compact if prefix in prefixes and local else None
