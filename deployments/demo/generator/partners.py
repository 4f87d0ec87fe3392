"""The cluster's world beyond its members: the umbrella association, the transnational
network, partner clusters, memberships, events and an EU project (see cluster.py)."""

from __future__ import annotations

from typing import NamedTuple

from generator.cluster import EUROPEAN_COMMISSION, Doc, address, iri, seat, serbian
from generator.profiles import IT
from generator.rows import CLUSTER_KEY

UMBRELLA = "klasteri-srbije"
NETWORK = "bbs-ict-network"
PROJECT = "danube-digi"


class PartnerCluster(NamedTuple):
    key: str
    name: str
    street: str
    post_code: str
    town: str
    country: str
    nuts: str
    geo: tuple[float, float]
    country_name: str
    manager: tuple[str, str]
    companies: int
    universities: int
    founded: str


PARTNER_CLUSTERS = (
    PartnerCluster("cluj-it-cluster", "Cluj IT Cluster", "Strada Memorandumului 28", "400000",
                   "Cluj-Napoca", "ROU", "RO113", (46.7712, 23.6236), "România",
                   ("Andreea", "Pop"), 84, 4, "2012-09-18"),
    PartnerCluster("ict-cluster-bulgaria", "ICT Cluster Bulgaria", "ul. Graf Ignatiev 12", "1000",
                   "Sofia", "BGR", "BG411", (42.6977, 23.3219), "България",
                   ("Georgi", "Dimitrov"), 61, 3, "2010-03-02"),
    PartnerCluster("skopje-ict-cluster", "Skopje ICT Cluster", "Bulevar Partizanski Odredi 3",
                   "1000", "Skopje", "MKD", "MK008", (41.9981, 21.4254), "Северна Македонија",
                   ("Elena", "Stojanovska"), 38, 2, "2014-06-11"),
)


def umbrella() -> Doc:
    return {
        "id": iri("organisations", UMBRELLA),
        "type": ["FormalOrganization"],
        "legalName": serbian("Udruženje klastera Srbije", "Serbian Cluster Association"),
        "prefLabel": serbian("Klasteri Srbije", "Serbian Cluster Association"),
        "description": serbian(
            "Krovno udruženje sedam klastera iz Srbije: IKT, automobilska industrija, prehrana,"
            " drvo i nameštaj, turizam, kreativne industrije i energetika.",
            "The umbrella association of seven Serbian clusters: ICT, automotive, food, wood and"
            " furniture, tourism, creative industries and energy.",
        ),
        "foundingDate": "2011-05-10",
        "homepage": "https://www.klasteri-srbije.example",
        "classification": ["orgtype:national-cluster-association"],
        "companyActivity": ["nace21:9411"],
        "knowsLanguage": ["lang:SRP", "lang:ENG"],
        "areaServed": ["country:SRB"],
        "address": address(
            "Resavska 13", "11000", "Beograd", "SRB", "RS110", (44.80692, 20.46394), "Srbija"
        ),
    }


def network() -> Doc:
    return {
        "id": iri("organisations", NETWORK),
        "type": ["FormalOrganization"],
        "prefLabel": serbian(
            "Mreža IKT klastera Balkana i Crnog mora", "Balkan and Black Sea ICT Clusters Network"
        ),
        "altLabel": {"en": ["BBS ICT Clusters Network"]},
        "description": {
            "en": "A network of 17 ICT clusters in 10 countries between the Adriatic"
            " and the Black Sea: joint projects, study visits and a shared"
            " catalogue of member companies."
        },
        "foundingDate": "2015-10-08",
        "homepage": "https://www.bbs-ict.example",
        "classification": ["orgtype:cluster-network"],
        "companyActivity": ["nace21:9411"],
        # The network's secretariat rotates; now with ICT Cluster Bulgaria.
        "address": address("ul. Graf Ignatiev 12", "1000", "Sofia", "BGR", "BG411",
                           (42.6977, 23.3219), "България"),
        "knowsLanguage": ["lang:ENG"],
        "areaServed": [
            "country:ALB",
            "country:BIH",
            "country:BGR",
            "country:GRC",
            "country:HRV",
            "country:MKD",
            "country:MNE",
            "country:MDA",
            "country:ROU",
            "country:SRB",
        ],
    }


def partner_cluster(partner: PartnerCluster) -> Doc:
    """A partner cluster as this node knows it: enough of a profile to find and contact it."""
    domain = f"{partner.key}.example"
    return {
        "id": iri("organisations", partner.key),
        "type": ["ClusterOrganisation"],
        "prefLabel": {"en": partner.name},
        "description": {"en": f"The ICT cluster of {partner.town}: {partner.companies} companies"
                              f" and {partner.universities} universities; a partner in the"
                              " Balkan and Black Sea ICT Clusters Network."},
        "mission": {"en": "Grow the region's software industry through cooperation, skills and"
                          " international projects."},
        "foundingDate": partner.founded,
        "classification": ["orgtype:cluster-organisation"],
        "homepage": f"https://www.{domain}",
        "companyActivity": ["nace21:9411"],
        "sectoralIndustry": [f"sector:{IT}"],
        "industrialEcosystem": ["ecosystem:digital"],
        "knowsLanguage": ["lang:ENG"],
        "address": address(*partner[2:9]),
        "contactPoint": [{"name": {"en": "Cluster office"}, "email": f"office@{domain}"}],
        "composition": [
            {"value": partner.companies, "valueReference": "orgtype:sme"},
            {"value": partner.universities, "valueReference": "orgtype:university"},
        ],
        "managementTeam": [seat(*partner.manager, "cluster-manager", partner.founded)],
    }


def membership(member: str, kind: str, organisation: str, role: str, since: str) -> Doc:
    """`member` (an organisation) in `organisation` (an organisation, or a project)."""
    return {
        "id": iri("memberships", f"{member}-in-{organisation}"),
        "member": iri("organisations", member),
        "organization": iri(kind, organisation),
        "role": role,
        "startDate": since,
    }


def memberships() -> list[Doc]:
    orgs, projects = "organisations", "projects"
    found = [
        membership(CLUSTER_KEY, orgs, UMBRELLA, "mrole:founding-member", "2011-05-10"),
        membership(CLUSTER_KEY, orgs, NETWORK, "mrole:network-member", "2015-10-08"),
    ]
    found += [membership(p.key, orgs, NETWORK, "mrole:network-member", "2016-04-21")
              for p in PARTNER_CLUSTERS]
    found.append(membership(CLUSTER_KEY, projects, PROJECT, "prole:coordinator", "2024-01-01"))
    found += [membership(p.key, projects, PROJECT, "prole:partner", "2024-01-01")
              for p in PARTNER_CLUSTERS]
    found.append(membership(NETWORK, projects, PROJECT, "prole:associated-partner", "2024-01-01"))
    return found


def place(
    name: str,
    street: str,
    post_code: str,
    town: str,
    country: str,
    nuts: str,
    geo: tuple[float, float],
    country_name: str,
) -> Doc:
    return {
        "name": {"en": name},
        "address": address(street, post_code, town, country, nuts, geo, country_name),
    }


def events() -> list[Doc]:
    organiser = [iri("organisations", CLUSTER_KEY)]
    master = place(
        "Master Congress Centre, Novi Sad Fair",
        "Hajduk Veljkova 11",
        "21000",
        "Novi Sad",
        "SRB",
        "RS123",
        (45.25889, 19.82194),
        "Srbija",
    )
    park = place(
        "Science and Technology Park Novi Sad",
        "Fruškogorska 1",
        "21000",
        "Novi Sad",
        "SRB",
        "RS123",
        (45.24490, 19.84370),
        "Srbija",
    )
    return [
        {
            "id": iri("events", "digital-danube-days-2026"),
            "kind": "etype:conference",
            "name": serbian("Digitalni dani na Dunavu 2026", "Digital Danube Days 2026"),
            "description": {
                "en": "Two days of talks on AI, embedded software and exports, with"
                " 600 participants from 14 countries."
            },
            "startDate": "2026-10-14",
            "endDate": "2026-10-15",
            "location": master,
            "organizer": organiser,
            "url": "https://www.vojvodina-ict.example/ddd2026",
            "inLanguage": ["lang:ENG", "lang:SRP"],
        },
        {
            "id": iri("events", "b2b-embedded-dach-2027"),
            "kind": "etype:b2b-matchmaking",
            "name": serbian(
                "B2B susreti: ugrađeni sistemi i IoT za proizvođače iz DACH regiona",
                "B2B matchmaking: embedded and IoT suppliers for DACH manufacturers",
            ),
            "description": {
                "en": "Pre-arranged 30-minute meetings between members and buyers from"
                " Germany, Austria and Switzerland."
            },
            "startDate": "2027-03-24",
            "location": park,
            "organizer": organiser,
            "inLanguage": ["lang:ENG", "lang:DEU"],
        },
        {
            "id": iri("events", "study-visit-cluj-2025"),
            "kind": "etype:study-visit",
            "name": serbian("Studijska poseta Klužu", "Study visit to Cluj IT Cluster"),
            "description": {
                "en": "Twelve member companies visit Cluj-Napoca's IT cluster, its"
                " innovation hub and three software companies."
            },
            "startDate": "2025-05-20",
            "endDate": "2025-05-22",
            "location": place(
                "Cluj Innovation Park",
                "Strada Memorandumului 28",
                "400000",
                "Cluj-Napoca",
                "ROU",
                "RO113",
                (46.77120, 23.62360),
                "România",
            ),
            "organizer": [*organiser, iri("organisations", "cluj-it-cluster")],
            "inLanguage": ["lang:ENG"],
        },
        {
            "id": iri("events", "ai-act-training-2027"),
            "kind": "etype:training-workshop",
            "name": serbian(
                "Obuka: Akt o veštačkoj inteligenciji EU za softverske kompanije",
                "Training: the EU AI Act for software companies",
            ),
            "description": {
                "en": "A one-day workshop on risk classes, documentation and"
                " conformity assessment under the AI Act."
            },
            "startDate": "2027-02-10",
            "location": place(
                "Faculty of Technical Sciences",
                "Trg Dositeja Obradovića 6",
                "21000",
                "Novi Sad",
                "SRB",
                "RS123",
                (45.24610, 19.85170),
                "Srbija",
            ),
            "organizer": organiser,
            "inLanguage": ["lang:SRP"],
        },
    ]


def project() -> Doc:
    return {
        "id": iri("projects", PROJECT),
        "name": serbian(
            "DANUBE DIGI – digitalne inovacije za MSP u Podunavlju",
            "DANUBE DIGI – Digital innovation for SMEs in the Danube region",
        ),
        "description": {
            "en": "Four ICT clusters help 400 manufacturing SMEs of the Danube region"
            " adopt software, data and automation, with vouchers, audits and"
            " cross-border pilots."
        },
        "startDate": "2024-01-01",
        "endDate": "2026-12-31",
        "url": "https://www.danube-digi.example",
        "funding": [
            {
                "funder": EUROPEAN_COMMISSION,
                "fundingProgramme": "euprog:TERRCOOP",
                "amount": {"value": 1275000, "currency": "EUR"},
                "identifier": "DRP0200231",
            }
        ],
        "totalCost": {"value": 1500000, "currency": "EUR"},
    }


def graph_nodes() -> list[Doc]:
    """Everything of cluster.jsonld but the cluster's own profile."""
    return [
        umbrella(),
        network(),
        *(partner_cluster(p) for p in PARTNER_CLUSTERS),
        project(),
        *events(),
        *memberships(),
    ]
