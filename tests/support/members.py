"""Realistic member lists for tests and benchmarks: Serbian and regional ICT companies.

One seeded generator, two renderings of the same facts: member-list rows (the CSV/XLSX
columns of `vocab/templates/COLUMNS.md`) and compact JSON-LD documents (an organisation and
its membership per member). Importing either rendering must store the same documents.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import cyrtranslit
import orjson
from stdnum.iso7064 import mod_11_10, mod_97_10

CONTEXT_URL = "https://w3id.org/clusterhub/context/0.1.jsonld"

# (city, post code, NUTS region, latitude, longitude, streets)
_CITIES = [
    (
        "Novi Sad",
        "21000",
        "RS12",
        45.2551,
        19.8452,
        ["Bulevar oslobođenja", "Futoška", "Narodnog fronta"],
    ),
    (
        "Beograd",
        "11000",
        "RS11",
        44.8176,
        20.4569,
        ["Bulevar Mihajla Pupina", "Nemanjina", "Takovska"],
    ),
    ("Niš", "18000", "RS22", 43.3209, 21.8958, ["Obrenovićeva", "Vizantijski bulevar"]),
    ("Kragujevac", "34000", "RS21", 44.0128, 20.9114, ["Kralja Petra I", "Lepenički bulevar"]),
    ("Subotica", "24000", "RS12", 46.1003, 19.6658, ["Korzo", "Trg slobode"]),
    ("Čačak", "32000", "RS21", 43.8914, 20.3497, ["Gradsko šetalište", "Kuželjeva"]),
    ("Zrenjanin", "23000", "RS12", 45.3816, 20.3686, ["Kralja Aleksandra I Karađorđevića"]),
]
_STEMS = [
    "Petrovaradin",
    "Dunav",
    "Fruška",
    "Sirmium",
    "Tisa",
    "Morava",
    "Vrdnik",
    "Bačka",
    "Kosmaj",
    "Avala",
    "Šajkaš",
    "Đerdap",
    "Zlatibor",
    "Banat",
    "Srem",
    "Begej",
]
_TAILS = ["Soft", "Data", "Sistemi", "Lab", "Tek", "Kod", "Klaud", "Digital", "Rešenja"]
_NACE = ["62.01", "62.02", "62.09", "63.11", "58.29", "62.10", "62.20", "72.19", "26.20"]
_TYPES = ["sme", "start-up", "micro-enterprise", "large-company"]
_SECTORS = [
    "information-technology-and-analytical-instruments",
    "business-services",
    "communication-equipment-and-services",
    "marketing-design-and-publishing",
]
_FIELDS = [
    "artificial-intelligence",
    "cybersecurity",
    "cloud-computing",
    "embedded-systems",
    "internet-of-things",
    "big-data-and-analytics",
    "fintech",
    "e-health",
    "gaming",
]
_MARKETS = ["DEU", "AUT", "CHE", "NLD", "USA", "GBR", "HUN", "ROU", "SVN", "HRV"]
_OFFERS = [
    ("Razvoj softvera po meri", "Custom software development"),
    ("IT autsorsing", "IT outsourcing"),
    ("Razvoj mobilnih aplikacija", "Mobile app development"),
    ("Testiranje softvera", "Software testing"),
    ("Konsalting za digitalnu transformaciju", "Digital transformation consulting"),
]
_ROLES = ["full-member"] * 8 + ["founding-member", "associate-member"]


@dataclass(frozen=True, slots=True)
class Member:
    """The facts of one generated member."""

    key: str
    name: str
    legal_latin: str
    legal_cyrillic: str
    description: tuple[str, str]  # (sr-Latn, en)
    types: list[str]
    founded: str  # YYYY or YYYY-MM-DD
    website: str
    street: str
    post_code: str
    city: str
    nuts: str
    latitude: float
    longitude: float
    vat: str
    lei: str | None
    registry_number: str
    employees: str  # "120", "50-249" or "250+"
    nace: list[str]
    sectors: list[str]
    fields: list[str]
    markets: list[str]
    offers: list[tuple[str, str]]
    email: str
    phone: str
    role: str
    since: str


def pib(rng: random.Random) -> str:
    """A Serbian PIB with a valid ISO 7064 MOD 11,10 check digit."""
    body = str(rng.randint(10_000_000, 11_999_999))
    return body + mod_11_10.calc_check_digit(body)


def lei(rng: random.Random) -> str:
    body = "5493" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(14))
    return body + mod_97_10.calc_check_digits(body)


def _employees(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return str(rng.randint(2, 240))
    if roll < 0.9:
        return rng.choice(["1-9", "10-49", "50-249"])
    return "250+"


def generate(count: int, seed: int = 7) -> Iterator[Member]:
    """`count` members; the same seed always gives the same members."""
    rng = random.Random(seed)
    for number in range(1, count + 1):
        name = f"{rng.choice(_STEMS)} {rng.choice(_TAILS)}"
        city, post_code, nuts, lat, lon, streets = rng.choice(_CITIES)
        slug = name.lower().replace(" ", "-").translate(str.maketrans("šđčćž", "sdccz"))
        key = f"{slug}-{number}"
        year = rng.randint(1990, 2023)
        yield Member(
            key=key,
            name=name,
            legal_latin=f"{name} d.o.o.",
            legal_cyrillic=cyrtranslit.to_cyrillic(f"{name} d.o.o.", "sr"),
            description=(
                f"{name} razvija softver za {city}.",
                f"{name} builds software in {city}.",
            ),
            types=rng.sample(_TYPES[:3], 1) if rng.random() < 0.9 else ["large-company"],
            founded=str(year)
            if rng.random() < 0.6
            else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            website=f"https://www.{slug}-{number}.rs",
            street=f"{rng.choice(streets)} {rng.randint(1, 120)}",
            post_code=post_code,
            city=city,
            nuts=nuts,
            latitude=round(lat + rng.uniform(-0.03, 0.03), 5),
            longitude=round(lon + rng.uniform(-0.03, 0.03), 5),
            vat="RS" + pib(rng),
            lei=lei(rng) if rng.random() < 0.2 else None,
            registry_number=f"{rng.randint(10_000_000, 29_999_999)}",
            employees=_employees(rng),
            nace=rng.sample(_NACE, rng.randint(1, 2)),
            sectors=rng.sample(_SECTORS, rng.randint(1, 2)),
            fields=rng.sample(_FIELDS, rng.randint(1, 3)),
            markets=rng.sample(_MARKETS, rng.randint(0, 3)),
            offers=rng.sample(_OFFERS, rng.randint(1, 2)),
            email=f"info@{slug}-{number}.rs",
            phone=f"+381 {rng.randint(11, 37)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            role=rng.choice(_ROLES),
            since=f"{rng.randint(max(year, 2009), 2024)}-{rng.randint(1, 12):02d}-01",
        )


COLUMNS = [
    "key",
    "legal_name@sr-Latn",
    "legal_name@sr-Cyrl",
    "name@sr-Latn",
    "description@sr-Latn",
    "description@en",
    "organisation_type",
    "founding_date",
    "website",
    "street",
    "post_code",
    "city",
    "country",
    "nuts",
    "latitude",
    "longitude",
    "vat",
    "lei",
    "registry_number",
    "employees",
    "nace",
    "sectors",
    "emerging_industries",
    "ecosystems",
    "technology_fields",
    "languages",
    "export_markets",
    "offers@sr-Latn",
    "offers@en",
    "contact_email",
    "contact_phone",
    "membership_role",
    "member_since",
]


def row(member: Member) -> list[str]:
    """The member as a member-list row, cells in the order of `COLUMNS`."""
    return [
        member.key,
        member.legal_latin,
        member.legal_cyrillic,
        member.name,
        member.description[0],
        member.description[1],
        "; ".join(member.types),
        member.founded,
        member.website,
        member.street,
        member.post_code,
        member.city,
        "RS",
        member.nuts,
        str(member.latitude),
        str(member.longitude),
        member.vat,
        member.lei or "",
        member.registry_number,
        member.employees,
        "; ".join(member.nace),
        "; ".join(member.sectors),
        "digital-industries",
        "digital",
        "; ".join(member.fields),
        "sr; en",
        "; ".join(member.markets),
        "; ".join(o[0] for o in member.offers),
        "; ".join(o[1] for o in member.offers),
        member.email,
        member.phone,
        member.role,
        member.since,
    ]


def write_csv(out: TextIO, count: int, seed: int = 7) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(row(member) for member in generate(count, seed))


_NACE_IRI = {
    "62.10": "nace21:6210",
    "62.20": "nace21:6220",
    "58.29": "nace21:5829",
    "26.20": "nace21:2620",
}  # the others are NACE Rev. 2 codes (not in Rev. 2.1)


def _quantity(employees: str) -> dict[str, Any]:
    if employees.endswith("+"):
        return {"minValue": int(employees[:-1])}
    low, _, high = employees.partition("-")
    return {"minValue": int(low), "maxValue": int(high)} if high else {"value": int(low)}


def documents(member: Member, base_url: str, cluster: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The member as JSON-LD: its organisation and its membership of `cluster`."""
    iri = f"{base_url}/id/organisations/{member.key}"
    founded = {"foundingYear" if len(member.founded) == 4 else "foundingDate": member.founded}
    organisation: dict[str, Any] = {
        "id": iri,
        "type": ["Organization", "LegalEntity"],
        "legalName": {"sr-Latn": member.legal_latin, "sr-Cyrl": member.legal_cyrillic},
        "prefLabel": {"sr-Latn": member.name},
        "description": {"sr-Latn": member.description[0], "en": member.description[1]},
        "classification": [f"orgtype:{t}" for t in member.types],
        **founded,
        "homepage": member.website,
        "address": {
            "thoroughfare": member.street,
            "postCode": member.post_code,
            "postName": member.city,
            "countryCode": "country:SRB",
            "nutsCode": f"nuts:{member.nuts}",
            "geo": {"latitude": member.latitude, "longitude": member.longitude},
        },
        "vatID": member.vat,
        **({"leiCode": member.lei} if member.lei else {}),
        "legalIdentifier": [{"notation": member.registry_number}],
        "numberOfEmployees": _quantity(member.employees),
        "companyActivity": [_NACE_IRI.get(c, "nace2:" + c.replace(".", "")) for c in member.nace],
        "sectoralIndustry": [f"sector:{s}" for s in member.sectors],
        "emergingIndustry": ["emerging:digital-industries"],
        "industrialEcosystem": ["ecosystem:digital"],
        "technologyField": [f"techfield:{f}" for f in member.fields],
        "knowsLanguage": ["lang:SRP", "lang:ENG"],
        **({"areaServed": [f"country:{m}" for m in member.markets]} if member.markets else {}),
        "makesOffer": [
            {"itemOffered": {"name": {"sr-Latn": sr, "en": en}}} for sr, en in member.offers
        ],
        "contactPoint": [{"email": member.email, "telephone": member.phone}],
    }
    membership = {
        "id": f"{base_url}/id/memberships/{member.key}-in-{cluster}",
        "member": iri,
        "organization": f"{base_url}/id/organisations/{cluster}",
        "role": f"mrole:{member.role}",
        "startDate": member.since,
    }
    return organisation, membership


def write_jsonld(out: Path, count: int, base_url: str, cluster: str, seed: int = 7) -> None:
    """A JSON-LD file of `count` members (two nodes each), written without holding it whole."""
    with out.open("wb") as stream:
        stream.write(b'{"@context": ' + orjson.dumps(CONTEXT_URL) + b', "@graph": [\n')
        for number, member in enumerate(generate(count, seed)):
            for position, doc in enumerate(documents(member, base_url, cluster)):
                if number or position:
                    stream.write(b",\n")
                stream.write(orjson.dumps(doc))
        stream.write(b"\n]}\n")
