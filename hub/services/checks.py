"""Checks beyond the model's shape: identifier check digits (python-stdnum)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from stdnum import lei
from stdnum.eu import vat
from stdnum.exceptions import ValidationError
from stdnum.util import get_cc_module

if TYPE_CHECKING:
    from stdnum.util import NumberValidationModule  # a Protocol stdnum defines for type checkers


def identifier_problems(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, message) for each VAT or LEI of an organisation document whose check digits
    are wrong. Reads the raw document, so it reports them even when the model rejects
    other fields of the same document."""
    problems: list[tuple[str, str]] = []
    vat_id, lei_code = doc.get("vatID"), doc.get("leiCode")
    if isinstance(vat_id, str) and len(vat_id.strip()) > 2:
        message = _vat_problem(vat_id.strip())
        if message:
            problems.append(("vatID", message))
    if isinstance(lei_code, str) and lei_code.strip():
        try:
            lei.validate(lei_code.strip())
        except ValidationError as exc:
            problems.append(("leiCode", f"'{lei_code}' is not a valid LEI: {exc}"))
    return problems


def _vat_problem(number: str) -> str | None:
    country = number[:2].lower()
    module = _vat_module("gr" if country == "el" else country)
    if module is None:
        return None  # no check-digit rule known for this country: accepted as written
    try:
        module.validate(number if country in vat.MEMBER_STATES or country == "el" else number[2:])
    except ValidationError as exc:
        return f"'{number}' is not a valid VAT number: {exc}"
    return None


@lru_cache(maxsize=1024)  # `get_cc_module` imports on every call; a file names few countries
def _vat_module(country: str) -> NumberValidationModule | None:
    return get_cc_module(country, "vat")
