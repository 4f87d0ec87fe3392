"""The member list: about 300 rows in the columns of `vocab/templates/COLUMNS.md`."""

from __future__ import annotations

import random
from datetime import date, timedelta

from generator.companies import CompanyFactory
from generator.identifiers import Identifiers
from generator.institutions import INSTITUTIONS, Institution
from generator.names import cyrillic
from generator.places import BY_NAME, VOJVODINA_NUTS, phone, place_columns
from generator.rows import (
    CLUSTER_FOUNDED,
    CLUSTER_KEY,
    LAST_DAY,
    Member,
    category,
    empty_row,
    joined,
)

MEMBER_COUNT = 300


def institution_member(rng: random.Random, ids: Identifiers, inst: Institution) -> Member:
    town = BY_NAME[inst.town]
    row = empty_row()
    row.update({
        "key": inst.key,
        "legal_name@sr-Latn": inst.legal_name,
        "legal_name@sr-Cyrl": cyrillic(inst.legal_name),
        "legal_name@en": inst.legal_name_en,
        "name@sr-Latn": inst.name,
        "name@sr-Cyrl": cyrillic(inst.name),
        "name@en": inst.name_en,
        "description@sr-Latn": inst.description_sr,
        "description@sr-Cyrl": cyrillic(inst.description_sr),
        "description@en": inst.description_en,
        "organisation_type": joined(inst.types),
        "founding_date": inst.founded,
        "website": f"https://www.{inst.domain}",
        "vat": ids.vat(),
        "registry_number": ids.registry_number(founded=int(inst.founded[:4])),
        "employees": inst.employees,
        "nace": joined(inst.nace),
        "sectors": joined(inst.sectors),
        "emerging_industries": "digital-industries",
        "ecosystems": "digital",
        "technology_fields": joined(inst.technology),
        "languages": "sr; en" + ("; hu" if town.minority_language == "hu" else ""),
        "contact_name": inst.contact,
        "contact_email": f"{inst.mailbox}@{inst.domain}",
        "contact_phone": phone(rng, town),
        "membership_role": inst.role,
        "member_since": inst.since,
        "cluster": CLUSTER_KEY,
    })
    row.update(place_columns(town, inst.street, (inst.latitude, inst.longitude)))
    return Member(row, category(list(inst.types)), "institution")


def member_list(rng: random.Random, ids: Identifiers) -> list[Member]:
    """Every member, in the order they joined. Same generator state, same list."""
    members = [institution_member(rng, ids, inst) for inst in INSTITUTIONS]
    companies = CompanyFactory(rng, ids, taken={CLUSTER_KEY, *(i.key for i in INSTITUTIONS)})
    while len(members) < MEMBER_COUNT:
        members.append(companies.company())
    Memberships(rng).assign([m for m in members if m.size != "institution"])
    return sorted(members, key=lambda m: (m.row["member_since"], m.row["key"]))


class Memberships:
    """Since when, and in which role, each company is a member."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randrange((last - first).days + 1))

    def pick(self, candidates: list[Member], count: int) -> list[Member]:
        return self.rng.sample(candidates, min(count, len(candidates)))

    def assign(self, companies: list[Member]) -> None:
        for member in companies:
            row = member.row
            founded = date(int(row["founding_date"][:4]), 12, 31)
            first = max(CLUSTER_FOUNDED + timedelta(days=60), founded)
            row["member_since"] = self.day_between(first, LAST_DAY).isoformat()
            # Companies from outside Vojvodina join as associate members.
            outside = BY_NAME[row["city"]].nuts not in VOJVODINA_NUTS
            row["membership_role"] = "associate-member" if outside else "full-member"

        def full() -> list[Member]:
            return [m for m in companies if m.row["membership_role"] == "full-member"]

        veterans = [m for m in full() if m.row["founding_date"][:4] <= "2007" and m.size != "micro"]
        for member in self.pick(veterans, 13):
            member.row["membership_role"] = "founding-member"
            member.row["member_since"] = CLUSTER_FOUNDED.isoformat()
        established = [m for m in full() if m.size in ("medium", "large")
                       and m.row["member_since"] < "2017"]
        for member in self.pick(established, 5):
            member.row["membership_role"] = "board-member"
        newcomers = [m for m in full() if m.category == "start-up"
                     and m.row["member_since"] >= "2025"]
        for member in self.pick(newcomers, 4):
            member.row["membership_role"] = "observer"
        for member in self.pick([m for m in full() if m.row["member_since"] < "2019"], 5):
            since = date.fromisoformat(member.row["member_since"])
            first = max(since + timedelta(days=400), date(2022, 1, 1))
            member.row["member_until"] = self.day_between(first, date(2025, 12, 31)).isoformat()
