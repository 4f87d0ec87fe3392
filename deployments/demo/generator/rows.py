"""One member-list row, in the columns of `vocab/templates/COLUMNS.md`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

CLUSTER_KEY = "vojvodina-ict"
CLUSTER_FOUNDED = date(2009, 11, 24)
LAST_DAY = date(2026, 10, 31)  # the data is "as of" this day, whenever it is generated

# The header of the blank template (hub.services.imports.columns.template_columns()).
HEADER = (
    "key", "legal_name@sr-Latn", "legal_name@sr-Cyrl", "legal_name@en",
    "name@sr-Latn", "name@sr-Cyrl", "name@en",
    "description@sr-Latn", "description@sr-Cyrl", "description@en",
    "organisation_type", "founding_date", "website", "street", "post_code", "city", "country",
    "nuts", "latitude", "longitude", "vat", "lei", "registry_number", "employees", "nace",
    "sectors", "emerging_industries", "ecosystems", "technology_fields", "languages",
    "export_markets", "offers@sr-Latn", "offers@en", "certifications", "contact_name",
    "contact_email", "contact_phone", "membership_role", "member_since", "member_until",
    "cluster",
)
# The cluster profile's `composition` counts members by these organisation types, the
# first that a member has (a start-up is counted as a start-up, not as an SME).
CATEGORIES = (
    "university", "research-organisation", "technology-centre", "incubator-accelerator",
    "public-body", "business-association", "civil-society-organisation", "large-company",
    "start-up", "sme",
)


@dataclass
class Member:
    row: dict[str, str]
    category: str
    size: str  # micro, small, medium, large; "institution" for the others

    @property
    def active(self) -> bool:
        return not self.row["member_until"]


def category(types: list[str]) -> str:
    return next((name for name in CATEGORIES if name in types), "sme")


def joined(values: list[str] | tuple[str, ...]) -> str:
    """A multi-valued cell."""
    return "; ".join(values)


def empty_row() -> dict[str, str]:
    return dict.fromkeys(HEADER, "")
