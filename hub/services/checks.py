"""Checks beyond the model's shape: identifier check digits (python-stdnum)."""

from __future__ import annotations

from stdnum import lei
from stdnum.eu import vat
from stdnum.exceptions import ValidationError
from stdnum.util import get_cc_module

from schemas import Organisation


def identifier_problems(organisation: Organisation) -> list[tuple[str, str]]:
    """(field, message) for each VAT or LEI whose check digits are wrong."""
    problems: list[tuple[str, str]] = []
    if organisation.vat_id is not None:
        message = _vat_problem(organisation.vat_id)
        if message:
            problems.append(("vatID", message))
    if organisation.lei_code is not None:
        try:
            lei.validate(organisation.lei_code)
        except ValidationError as exc:
            problems.append(("leiCode", f"'{organisation.lei_code}' is not a valid LEI: {exc}"))
    return problems


def _vat_problem(number: str) -> str | None:
    country = number[:2].lower()
    module = get_cc_module("gr" if country == "el" else country, "vat")
    if module is None:
        return None  # no check-digit rule known for this country: accepted as written
    try:
        module.validate(number if country in vat.MEMBER_STATES or country == "el" else number[2:])
    except ValidationError as exc:
        return f"'{number}' is not a valid VAT number: {exc}"
    return None
