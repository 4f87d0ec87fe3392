"""Which member-list column each document field comes from, both ways: the importer builds
documents from columns, names the column of a model problem, and the exporter writes back.
"""

from __future__ import annotations

from hub.services.imports.columns import COLUMNS, Header

# Multi-valued concept columns: column -> (document term, code lists tried in order).
# NACE: Rev. 2.1 first; a code that only Rev. 2 has (62.01) means the Rev. 2 class.
CONCEPT_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "organisation_type": ("classification", ("orgtype",)),
    "nace": ("companyActivity", ("nace21", "nace2")),
    "sectors": ("sectoralIndustry", ("sector",)),
    "emerging_industries": ("emergingIndustry", ("emerging",)),
    "ecosystems": ("industrialEcosystem", ("ecosystem",)),
    "technology_fields": ("technologyField", ("techfield",)),
    "languages": ("knowsLanguage", ("lang",)),
    "export_markets": ("areaServed", ("country",)),
}
TEXT_COLUMNS = {"legal_name": "legalName", "name": "prefLabel", "description": "description"}
MEMBERSHIP_COLUMNS = ("key", "cluster", "membership_role", "member_since", "member_until")

# Document paths (list indexes dropped) -> columns, to name the column of a model problem.
_ORGANISATION_FIELDS = {
    **{term: column for column, (term, _) in CONCEPT_COLUMNS.items()},
    **{term: column for column, term in TEXT_COLUMNS.items()},
    "": "names",
    "id": "key",
    "foundingDate": "founding_date",
    "foundingYear": "founding_date",
    "homepage": "website",
    "vatID": "vat",
    "leiCode": "lei",
    "legalIdentifier": "registry_number",
    "numberOfEmployees": "employees",
    "makesOffer": "offers",
    "hasCertification": "certifications",
    "address": "street",
    "address.thoroughfare": "street",
    "address.postCode": "post_code",
    "address.postName": "city",
    "address.countryCode": "country",
    "address.nutsCode": "nuts",
    "address.geo": "latitude",
    "address.geo.latitude": "latitude",
    "address.geo.longitude": "longitude",
    "contactPoint": "contact_email",
    "contactPoint.name": "contact_name",
    "contactPoint.email": "contact_email",
    "contactPoint.telephone": "contact_phone",
}
_MEMBERSHIP_FIELDS = {
    "": "member_until",
    "id": "key",
    "member": "key",
    "organization": "cluster",
    "role": "membership_role",
    "startDate": "member_since",
    "endDate": "member_until",
}


def column_title(header: Header, kind: str, path: str | None) -> str | None:
    """The title, as the file writes it, of the column behind a document path of an
    organisation or membership (`address.geo.latitude` -> `latitude`)."""
    parts = [part for part in (path or "").split(".") if part and not part.isdigit()]
    parts = [part for part in parts if part != "itemOffered"]
    table = _ORGANISATION_FIELDS if kind == "organisations" else _MEMBERSHIP_FIELDS
    size = len(parts)
    while size and ".".join(parts[:size]) not in table:
        size -= 1
    column = table[".".join(parts[:size])]
    if column == "names":  # a rule on the whole organisation: it needs a name
        column = "legal_name" if "legal_name" in header.texts else "name"
    language = parts[-1] if COLUMNS[column] and size < len(parts) else None
    return header.title(column, language)
