"""`cluster.jsonld`: the cluster's full ECCP profile, its umbrella association and network,
partner clusters, memberships, events and an EU project, in the terms of the bundled context.

Entity IRIs are those of the demo node at its default address, `http://127.0.0.1:8000`
(`clusterhub demo --port` rewrites them to its own address before importing).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from generator.names import cyrillic
from generator.rows import CATEGORIES, CLUSTER_FOUNDED, CLUSTER_KEY, Member

CONTEXT_URL = "https://w3id.org/clusterhub/context/0.1.jsonld"
DEMO_BASE_URL = "http://127.0.0.1:8000"
EUROPEAN_COMMISSION = "http://publications.europa.eu/resource/authority/corporate-body/COM"
SERBIAN_BUSINESS_REGISTERS_AGENCY = "https://www.apr.gov.rs/"

Doc = dict[str, Any]


def iri(kind: str, key: str) -> str:
    return f"{DEMO_BASE_URL}/id/{kind}/{key}"


def serbian(latin: str, english: str) -> dict[str, str]:
    """A language map in English and both Serbian scripts."""
    return {"en": english, "sr-Latn": latin, "sr-Cyrl": cyrillic(latin)}


def address(
    street: str,
    post_code: str,
    town: str,
    country: str,
    nuts: str,
    geo: tuple[float, float],
    country_name: str,
) -> Doc:
    return {
        "fullAddress": f"{street}, {post_code} {town}, {country_name}",
        "thoroughfare": street,
        "postCode": post_code,
        "postName": town,
        "countryCode": f"country:{country}",
        "nutsCode": f"nuts:{nuts}",
        "geo": {"latitude": geo[0], "longitude": geo[1]},
    }


def service(english: str, latin: str, description: str, *categories: str) -> Doc:
    return {
        "itemOffered": {
            "name": serbian(latin, english),
            "description": {"en": description},
            "category": [f"svc:{c}" for c in categories],
        }
    }


def seat(given: str, family: str, role: str, since: str) -> Doc:
    return {
        "member": {"givenName": given, "familyName": family},
        "role": f"mgmtrole:{role}",
        "startDate": since,
    }


def composition(members: list[Member]) -> list[Doc]:
    counts = Counter(m.category for m in members if m.active)
    return [
        {"value": counts[name], "valueReference": f"orgtype:{name}"}
        for name in CATEGORIES
        if counts[name]
    ]


def staff_at_least(members: list[Member]) -> int:
    """People employed by active members, counting the low end of each range, in hundreds."""
    total = 0
    for member in members:
        text = member.row["employees"].removesuffix("+")
        if member.active and text:
            total += int(text.split("-")[0])
    return total // 100 * 100


def cluster_profile(members: list[Member], vat: str, registry_number: str) -> Doc:
    active = sum(1 for m in members if m.active)
    staff = f"{staff_at_least(members):,}"
    staff_sr = staff.replace(",", ".")
    return {
        "id": iri("organisations", CLUSTER_KEY),
        "type": ["ClusterOrganisation", "LegalEntity"],
        "legalName": serbian(
            "Udruženje Vojvođanski IKT klaster", "Vojvodina ICT Cluster Association"
        ),
        "prefLabel": serbian("Vojvođanski IKT klaster", "Vojvodina ICT Cluster"),
        "altLabel": {"en": ["VICT"], "sr-Latn": ["VIKT"], "sr-Cyrl": ["ВИКТ"]},
        "description": serbian(
            f"Udruženje {active} softverskih kompanija, fakulteta i instituta iz Vojvodine,"
            f" osnovano u Novom Sadu 2009. godine. Članice zapošljavaju više od {staff_sr}"
            " ljudi i izvoze najveći deo svojih usluga u Evropsku uniju i Severnu Ameriku.",
            f"The association of {active} software companies, faculties and institutes of"
            f" Vojvodina, founded in Novi Sad in 2009. Its members employ more than {staff} people"
            " and export most of their work to the European Union and North America.",
        ),
        "mission": serbian(
            "Da Vojvodina bude mesto gde se pravi softver svetske klase: rast izvoza, znanja i"
            " zajedničkih projekata članica i njihovo povezivanje sa partnerima širom Evrope.",
            "Make Vojvodina a place where world-class software is built: grow our members'"
            " exports, skills and joint projects, and connect them with partners across Europe.",
        ),
        "foundingDate": CLUSTER_FOUNDED.isoformat(),
        "homepage": "https://www.vojvodina-ict.example",
        "classification": ["orgtype:cluster-organisation"],
        "numberOfEmployees": {"value": 7},
        "companyActivity": ["nace21:9411"],
        "sectoralIndustry": [
            "sector:information-technology-and-analytical-instruments",
            "sector:communication-equipment-and-services",
            "sector:education-and-knowledge-creation",
            "sector:marketing-design-and-publishing",
        ],
        "emergingIndustry": [
            "emerging:digital-industries",
            "emerging:creative-industries",
            "emerging:mobility-technologies",
        ],
        "industrialEcosystem": [
            "ecosystem:digital",
            "ecosystem:electronics",
            "ecosystem:cultural-and-creative-industries",
            "ecosystem:agri-food",
        ],
        "technologyField": [
            "techfield:software-engineering",
            "techfield:artificial-intelligence",
            "techfield:embedded-systems",
            "techfield:internet-of-things",
            "techfield:cloud-computing",
            "techfield:cybersecurity",
            "techfield:gaming",
            "techfield:agritech",
            "techfield:fintech",
            "techfield:e-health",
        ],
        "knowsLanguage": ["lang:SRP", "lang:ENG", "lang:HUN", "lang:DEU"],
        "areaServed": ["country:SRB"],
        "cooperationTargetCountry": [
            "country:DEU",
            "country:AUT",
            "country:CHE",
            "country:NLD",
            "country:SWE",
            "country:DNK",
            "country:HUN",
            "country:ROU",
            "country:BGR",
            "country:MKD",
            "country:USA",
            "country:GBR",
        ],
        "purpose": [
            "svc:internationalisation",
            "svc:skills-and-training",
            "svc:innovation-and-rd",
            "svc:matchmaking-and-networking",
            "svc:policy-advocacy",
        ],
        "vatID": vat,
        "legalIdentifier": [
            {
                "notation": registry_number,
                "creator": SERBIAN_BUSINESS_REGISTERS_AGENCY,
                "schemaAgency": "Agencija za privredne registre",
            }
        ],
        "address": address(
            "Bulevar cara Lazara 3",
            "21000",
            "Novi Sad",
            "SRB",
            "RS12",
            (45.24675, 19.85082),
            "Srbija",
        ),
        "contactPoint": [
            {
                "name": serbian("Kancelarija klastera", "Cluster office"),
                "email": "office@vojvodina-ict.example",
                "telephone": "+381 21 475 0100",
                "contactType": "general enquiries",
                "availableLanguage": ["lang:SRP", "lang:ENG"],
            },
            {
                "name": serbian("Članstvo i usluge", "Membership and services"),
                "email": "clanstvo@vojvodina-ict.example",
                "telephone": "+381 21 475 0102",
                "contactType": "membership",
                "availableLanguage": ["lang:SRP", "lang:ENG", "lang:HUN"],
            },
        ],
        "hasCertification": [
            {
                "name": serbian(
                    "Oznaka izvrsnosti upravljanja klasterom – srebrna",
                    "Cluster Management Excellence Label SILVER",
                ),
                "kind": "label:silver",
                "validFrom": "2025-03-18",
                "expires": "2027-03-17",
            },
            {"name": {"en": "ISO 9001:2015"}, "validFrom": "2024-06-01", "expires": "2027-05-31"},
        ],
        "makesOffer": [
            service(
                "B2B missions and trade fairs",
                "B2B misije i sajmovi",
                "Joint stands and matchmaking missions to DACH, the Nordics and the US.",
                "internationalisation",
                "matchmaking-and-networking",
            ),
            service(
                "EU project development",
                "Razvoj EU projekata",
                "Partner search, proposal writing and grant management for members.",
                "eu-project-development",
                "access-to-finance",
            ),
            service(
                "ICT Academy",
                "IKT akademija",
                "Courses and retraining programmes run with the faculties.",
                "skills-and-training",
            ),
            service(
                "R&D partnering",
                "Povezivanje u istraživanju i razvoju",
                "Matching companies with university labs; innovation voucher applications.",
                "innovation-and-rd",
                "technology-transfer",
            ),
            service(
                "Digital transformation of manufacturers",
                "Digitalna transformacija proizvođača",
                "Software members paired with food, metal and automotive manufacturers.",
                "digital-transformation",
                "cross-sectoral-cooperation",
            ),
            service(
                "ICT industry survey",
                "Istraživanje IKT industrije",
                "Yearly figures on jobs, salaries and exports of the region's ICT sector.",
                "market-intelligence",
            ),
            service(
                "Policy dialogue",
                "Dijalog o javnim politikama",
                "The members' voice towards the province, ministries and the EU delegation.",
                "policy-advocacy",
            ),
        ],
        "composition": composition(members),
        "managementTeam": [
            seat("Jelena", "Kovačević", "cluster-manager", "2019-03-01"),
            seat("Dušan", "Marković", "president", "2023-04-20"),
            seat("Erika", "Nađ", "vice-president", "2023-04-20"),
            seat("Branislav", "Todorović", "board-member", "2023-04-20"),
            seat("Tijana", "Obradović", "board-member", "2023-04-20"),
            seat("Zoltan", "Sabo", "board-member", "2021-04-15"),
            seat("Milica", "Savić", "project-manager", "2022-09-01"),
            seat("Stefan", "Lukić", "international-cooperation-officer", "2020-01-15"),
            seat("Ana", "Ristić", "communications-officer", "2024-02-01"),
        ],
    }
