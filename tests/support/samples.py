"""Full-profile documents of every entity kind, as a node's API takes them (compact JSON-LD of
our context, without `@context`). Tests across the suite build on these.

Every field a model has is filled somewhere: the cluster carries the ECCP profile (mission,
composition, management team, label), the member company every field an organisation that is
not a cluster can have, the project a grant, a programme and a budget. Each document is
exactly what the models emit for it (`model.to_jsonld()` gives it back unchanged), with the
parts' IRIs the models would mint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

BASE_URL = "http://hub.test"
ESCA = "https://www.cluster-analysis.org/"
SERBIAN_BUSINESS_REGISTER = "https://www.apr.gov.rs/"
REGISTER_NAME = "Serbian Business Registers Agency"
EISMEA = "http://publications.europa.eu/resource/authority/corporate-body/EISMEA"
ORGANISATION_TYPES = ["Organization", "schema:Organization"]
MEMBERSHIP_TYPES = ["Membership", "OrganizationRole"]

Doc = dict[str, Any]


def iri(kind: str, key: str, base: str = BASE_URL) -> str:
    return f"{base}/id/{kind}/{key}"


def part(owner: str, fragment: str, type_: str | list[str], **fields: Any) -> Doc:
    """An embedded node with the IRI `{owner}#{fragment}` the models mint for it."""
    return {"id": f"{owner}#{fragment}", "type": type_, **fields}


def cluster_profile(base: str = BASE_URL) -> Doc:
    """The Vojvodina ICT Cluster with the whole ECCP profile."""
    me = iri("organisations", "vojvodina-ict", base)
    return {
        "id": me,
        "type": [*ORGANISATION_TYPES, "FormalOrganization", "LegalEntity", "ClusterOrganisation"],
        "legalName": {
            "sr-Latn": "Udruženje Klaster IKT Vojvodine",
            "sr-Cyrl": "Удружење Кластер ИКТ Војводине",
        },
        "prefLabel": {"en": "Vojvodina ICT Cluster", "sr-Latn": "Vojvođanski IKT klaster"},
        "altLabel": {"en": ["VOICT"], "sr-Latn": ["VIKT"]},
        "description": {"en": "Association of ICT companies, faculties and institutes."},
        "mission": {"en": "Make Vojvodina a globally recognised software region."},
        "foundingDate": "2009-06-12",
        "homepage": "https://vojvodinaictcluster.org/",
        "classification": ["orgtype:cluster-organisation"],
        "numberOfEmployees": part(me, "employees", "QuantitativeValue", minValue=6, maxValue=10),
        "companyActivity": ["nace21:9412"],
        "sectoralIndustry": ["sector:information-technology-and-analytical-instruments"],
        "emergingIndustry": ["emerging:digital-industries"],
        "industrialEcosystem": ["ecosystem:digital"],
        "technologyField": ["techfield:artificial-intelligence", "techfield:embedded-systems"],
        "knowsLanguage": ["lang:ENG", "lang:SRP"],
        "areaServed": ["country:SRB"],
        "cooperationTargetCountry": ["country:AUT", "country:DEU"],
        "purpose": ["svc:internationalisation", "svc:matchmaking-and-networking"],
        "vatID": "RS101234501",
        "legalIdentifier": [
            part(me, "identifier-1", "Identifier", notation="28143282",
                 creator=SERBIAN_BUSINESS_REGISTER, schemaAgency=REGISTER_NAME),
        ],
        "address": part(
            me, "address", "Address", fullAddress="Bulevar cara Lazara 3, 21000 Novi Sad, Serbia",
            thoroughfare="Bulevar cara Lazara 3", postCode="21000", postName="Novi Sad",
            countryCode="country:SRB", nutsCode="nuts:RS123",
            geo=part(me, "geo", "GeoCoordinates", latitude=45.2461, longitude=19.8517),
        ),
        "contactPoint": [
            part(me, "contact-1", "ContactPoint", name={"en": "Cluster office"},
                 email="office@vojvodinaictcluster.org", telephone="+381 21 000 0000",
                 contactType="general enquiries", availableLanguage=["lang:ENG", "lang:SRP"]),
        ],
        "hasCertification": [
            part(me, "certification-1", "Certification",
                 name={"en": "Cluster Management Excellence Label SILVER"}, kind="label:silver",
                 issuedBy=ESCA, validFrom="2024-03-01", expires="2026-03-01"),
        ],
        "makesOffer": [
            part(me, "offer-1", "Offer", itemOffered=part(
                me, "offer-1-service", "Service", name={"en": "Matchmaking with foreign partners"},
                description={"en": "B2B meetings with software buyers in the DACH region."},
                category=["svc:internationalisation", "svc:matchmaking-and-networking"],
            )),
        ],
        "composition": [
            part(me, "composition-large-company", "QuantitativeValue", value=5,
                 valueReference="orgtype:large-company"),
            part(me, "composition-sme", "QuantitativeValue", value=62,
                 valueReference="orgtype:sme"),
            part(me, "composition-university", "QuantitativeValue", value=3,
                 valueReference="orgtype:university"),
        ],
        "managementTeam": [
            part(me, "team-1", MEMBERSHIP_TYPES, role="mgmtrole:cluster-manager",
                 startDate="2019-01-01", member=part(
                     me, "team-1-person", "Person", givenName="Milica", familyName="Petrović")),
            part(me, "team-2", MEMBERSHIP_TYPES, role="mgmtrole:president", startDate="2021-05-01",
                 endDate="2025-04-30", member=part(
                     me, "team-2-person", "Person", givenName="Đorđe", familyName="Nikolić")),
        ],
        "sameAs": ["https://www.clustercollaboration.eu/cluster-organisations/vojvodina-ict"],
    }


def member_organisation(base: str = BASE_URL) -> Doc:
    """A member company with every field an organisation that is not a cluster can have."""
    me = iri("organisations", "acme", base)
    return {
        "id": me,
        "type": [*ORGANISATION_TYPES, "LegalEntity"],
        "legalName": {"sr-Cyrl": "Акме д.о.о.", "sr-Latn": "Acme d.o.o."},
        "prefLabel": {"en": "Acme Software"},
        "altLabel": {"en": ["Acme", "Acme Novi Sad"]},
        "description": {
            "en": "Embedded software for industrial machines.",
            "sr-Latn": "Ugrađeni softver za industrijske mašine.",
        },
        "foundingYear": "2012",
        "homepage": "https://acme.rs/",
        "classification": ["orgtype:sme", "orgtype:start-up"],
        "numberOfEmployees": part(me, "employees", "QuantitativeValue", value=57),
        "companyActivity": ["nace21:6210", "nace21:7220"],
        "sectoralIndustry": ["sector:information-technology-and-analytical-instruments"],
        "emergingIndustry": ["emerging:digital-industries"],
        "industrialEcosystem": ["ecosystem:digital", "ecosystem:electronics"],
        "technologyField": ["techfield:embedded-systems", "techfield:internet-of-things"],
        "knowsLanguage": ["lang:ENG", "lang:SRP"],
        "areaServed": ["country:AUT", "country:DEU", "country:SRB"],
        "cooperationTargetCountry": ["country:ROU"],
        "purpose": ["svc:innovation-and-rd"],
        "vatID": "RS101234510",
        "leiCode": "5299009N55YRQC69CN08",
        "legalIdentifier": [
            part(me, "identifier-1", "Identifier", notation="21234567",
                 creator=SERBIAN_BUSINESS_REGISTER, schemaAgency=REGISTER_NAME),
        ],
        "address": part(
            me, "address", "Address", fullAddress="Narodnog fronta 23, 21000 Novi Sad",
            thoroughfare="Narodnog fronta 23", postCode="21000", postName="Novi Sad",
            countryCode="country:SRB", nutsCode="nuts:RS123",
            geo=part(me, "geo", "GeoCoordinates", latitude=45.24, longitude=19.83),
        ),
        "contactPoint": [
            part(me, "contact-1", "ContactPoint", name={"en": "Sales"}, email="sales@acme.rs",
                 telephone="+381 21 123 4567", contactType="sales", availableLanguage=["lang:ENG"]),
        ],
        "hasCertification": [
            part(me, "certification-1", "Certification", name={"en": "ISO 9001:2015"},
                 issuedBy="https://www.tuv.com/", validFrom="2023-01-15", expires="2026-01-14"),
        ],
        "makesOffer": [
            part(me, "offer-1", "Offer", itemOffered=part(
                me, "offer-1-service", "Service", name={"en": "Firmware development"},
                category=["svc:digital-transformation"],
            )),
        ],
        "sameAs": ["https://acme.example/about"],
    }


def network_organisation(base: str = BASE_URL) -> Doc:
    """A transnational cluster network (a registered association of clusters)."""
    me = iri("organisations", "bbs-ict-network", base)
    return {
        "id": me,
        "type": [*ORGANISATION_TYPES, "FormalOrganization"],
        "prefLabel": {"en": "Balkan and Black Sea ICT Clusters Network"},
        "homepage": "https://bbsictclusters.net/",
        "classification": ["orgtype:cluster-network"],
        "companyActivity": ["nace21:9412"],
        "sectoralIndustry": ["sector:information-technology-and-analytical-instruments"],
        "address": part(me, "address", "Address", postName="Sofia", countryCode="country:BGR",
                        nutsCode="nuts:BG41"),
    }


def _membership(base: str, key: str, member: str, organisation: str, **fields: Any) -> Doc:
    return {"id": iri("memberships", key, base), "type": MEMBERSHIP_TYPES,
            "member": member, "organization": organisation, **fields}


def membership(base: str = BASE_URL) -> Doc:
    """A member company in the cluster."""
    return _membership(
        base, "acme-in-vojvodina-ict", iri("organisations", "acme", base),
        iri("organisations", "vojvodina-ict", base), role="mrole:full-member",
        startDate="2015-03-01", endDate="2030-12-31",
    )


def network_membership(base: str = BASE_URL) -> Doc:
    """The cluster in the transnational network."""
    return _membership(
        base, "vojvodina-ict-in-bbs-ict-network", iri("organisations", "vojvodina-ict", base),
        iri("organisations", "bbs-ict-network", base), role="mrole:network-member",
        startDate="2016-10-20",
    )


def project_partnership(base: str = BASE_URL) -> Doc:
    """The cluster as coordinator of the project."""
    return _membership(
        base, "vojvodina-ict-in-digital-balkans", iri("organisations", "vojvodina-ict", base),
        iri("projects", "digital-balkans", base), role="prole:coordinator",
        startDate="2024-01-01", endDate="2026-12-31",
    )


def event(base: str = BASE_URL) -> Doc:
    me = iri("events", "b2b-novi-sad-2025", base)
    address = part(
        me, "location-address", "Address", fullAddress="Hajduk Veljkova 11, 21000 Novi Sad",
        postCode="21000", postName="Novi Sad", countryCode="country:SRB", nutsCode="nuts:RS123",
        geo=part(me, "location-geo", "GeoCoordinates", latitude=45.2583, longitude=19.8236),
    )
    return {
        "id": me,
        "type": ["Event"],
        "name": {"en": "ICT B2B Matchmaking Novi Sad 2025", "sr-Latn": "IKT B2B susreti 2025"},
        "description": {"en": "Pre-arranged meetings between software firms and buyers."},
        "kind": "etype:b2b-matchmaking",
        "startDate": "2025-10-14",
        "endDate": "2025-10-15",
        "location": part(me, "location", "Place", name={"en": "Novi Sad Fair, hall 1"},
                         address=address, url="https://sajam.net/"),
        "organizer": [iri("organisations", "vojvodina-ict", base)],
        "url": "https://vojvodinaictcluster.org/events/b2b-2025",
        "inLanguage": ["lang:ENG", "lang:SRP"],
        "sameAs": ["https://www.clustercollaboration.eu/events/ict-b2b-novi-sad-2025"],
    }


def project(base: str = BASE_URL) -> Doc:
    me = iri("projects", "digital-balkans", base)
    amount = part(me, "grant-1-amount", "MonetaryAmount", value=499875.5, currency="EUR")
    return {
        "id": me,
        "type": ["Project"],
        "name": {"en": "Digital Balkans Cluster Partnership"},
        "description": {"en": "Joint internationalisation strategy of five ICT clusters."},
        "startDate": "2024-01-01",
        "endDate": "2026-12-31",
        "url": "https://digital-balkans.eu/",
        "funding": [
            part(me, "grant-1", "MonetaryGrant", funder=EISMEA, fundingProgramme="euprog:COSME",
                 amount=amount, identifier="101074123"),
        ],
        "totalCost": part(me, "total-cost", "MonetaryAmount", value=624844, currency="EUR"),
        "sameAs": ["https://cordis.europa.eu/project/id/101074123"],
    }


@dataclass(frozen=True, slots=True)
class Sample:
    name: str
    kind: str
    key: str
    doc: Doc


def samples(base: str = BASE_URL) -> list[Sample]:
    """Every sample in an order a node can write them in (memberships after what they name)."""
    builders: list[tuple[str, str, str, Callable[[str], Doc]]] = [
        ("cluster", "organisations", "vojvodina-ict", cluster_profile),
        ("member", "organisations", "acme", member_organisation),
        ("network", "organisations", "bbs-ict-network", network_organisation),
        ("event", "events", "b2b-novi-sad-2025", event),
        ("project", "projects", "digital-balkans", project),
        ("membership", "memberships", "acme-in-vojvodina-ict", membership),
        ("network-membership", "memberships", "vojvodina-ict-in-bbs-ict-network",
         network_membership),
        ("project-partnership", "memberships", "vojvodina-ict-in-digital-balkans",
         project_partnership),
    ]
    return [Sample(name, kind, key, build(base)) for name, kind, key, build in builders]
