"""An organisation and its membership -> a member-list row: the inverse of `member_rows`.

Text columns are written with their language (`legal_name@en`), concepts by their slug,
notation or compact IRI (whichever the importer reads back to the same concept), so that a
member list exported and imported again changes nothing. What the member-list columns cannot
hold (alternative names, several contact points or registry numbers, offer descriptions...)
is left out: JSON-LD is the export that keeps everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hub.services.imports.columns import COLUMNS, TEMPLATE_LANGUAGES
from hub.services.imports.member_fields import CONCEPT_COLUMNS, TEXT_COLUMNS


def export_header(languages: dict[str, set[str]]) -> list[str]:
    """The columns of an export: every column, text columns in the template's languages and
    in every other language found in the data (`languages`: column -> tags)."""
    header: list[str] = []
    for name, has_language in COLUMNS.items():
        if not has_language:
            header.append(name)
            continue
        tags = list(TEMPLATE_LANGUAGES.get(name, ()))
        tags += sorted(languages.get(name, set()) - set(tags))
        header.extend(f"{name}@{tag}" for tag in tags)
    return header


def text_languages(organisation: dict[str, Any]) -> Iterable[tuple[str, str]]:
    """(column, language) of every text cell the organisation fills."""
    for column, term in TEXT_COLUMNS.items():
        for tag in organisation.get(term, {}):
            yield column, tag
    for offer in organisation.get("makesOffer", ()):
        for tag in offer.get("itemOffered", {}).get("name", {}):
            yield "offers", tag
    for certificate in organisation.get("hasCertification", ()):
        for tag in certificate.get("name", {}):
            yield "certifications", tag
    for contact in organisation.get("contactPoint", ())[:1]:
        for tag in contact.get("name", {}):
            yield "contact_name", tag


def member_row(
    key: str, cluster: str, organisation: dict[str, Any], membership: dict[str, Any]
) -> dict[str, str]:
    """The cells (column -> text) of one member."""
    row: dict[str, str] = {"key": key, "cluster": cluster}
    for column, term in TEXT_COLUMNS.items():
        row.update({f"{column}@{tag}": text for tag, text in organisation.get(term, {}).items()})
    for column, (term, _) in CONCEPT_COLUMNS.items():
        row[column] = "; ".join(_concept(value) for value in organisation.get(term, ()))
    row["founding_date"] = organisation.get("foundingDate") or organisation.get("foundingYear", "")
    row["website"] = organisation.get("homepage", "")
    row.update(_address(organisation.get("address", {})))
    row["vat"] = organisation.get("vatID", "")
    row["lei"] = organisation.get("leiCode", "")
    identifiers = organisation.get("legalIdentifier", ())
    row["registry_number"] = identifiers[0]["notation"] if identifiers else ""
    row["employees"] = _employees(organisation.get("numberOfEmployees"))
    offers = [
        offer.get("itemOffered", {}).get("name", {}) for offer in organisation.get("makesOffer", ())
    ]
    row.update(_positions("offers", offers))
    row.update(
        _positions(
            "certifications", [c.get("name", {}) for c in organisation.get("hasCertification", ())]
        )
    )
    contacts = organisation.get("contactPoint", ())
    if contacts:
        contact = contacts[0]
        row.update({f"contact_name@{tag}": text for tag, text in contact.get("name", {}).items()})
        row["contact_email"] = contact.get("email", "")
        row["contact_phone"] = contact.get("telephone", "")
    row["membership_role"] = _concept(membership.get("role", ""))
    row["member_since"] = membership.get("startDate", "")
    row["member_until"] = membership.get("endDate", "")
    return row


def _concept(compact: str) -> str:
    """What the importer reads back as the same concept: the local name, except for NACE
    Rev. 2, which the importer would otherwise read as the Rev. 2.1 code of that number."""
    prefix, _, local = compact.partition(":")
    return compact if prefix == "nace2" else local


def _address(address: dict[str, Any]) -> dict[str, str]:
    geo = address.get("geo", {})
    return {
        "street": address.get("thoroughfare", ""),
        "post_code": address.get("postCode", ""),
        "city": address.get("postName", ""),
        "country": _concept(address.get("countryCode", "")),
        "nuts": _concept(address.get("nutsCode", "")),
        "latitude": repr(geo["latitude"]) if "latitude" in geo else "",
        "longitude": repr(geo["longitude"]) if "longitude" in geo else "",
    }


def _employees(quantity: dict[str, Any] | None) -> str:
    if not quantity:
        return ""
    if "value" in quantity:
        return str(quantity["value"])
    low, high = quantity.get("minValue"), quantity.get("maxValue")
    if high is None:
        return f"{low}+"
    return f"{low or 0}-{high}"


def _positions(column: str, names: list[dict[str, str]]) -> dict[str, str]:
    """Positional cells: item n of each language column is the n-th item."""
    tags = sorted({tag for item in names for tag in item})
    return {f"{column}@{tag}": "; ".join(item.get(tag, "") for item in names) for tag in tags}
