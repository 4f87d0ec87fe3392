"""The node's overview (counts, its cluster) and its DCAT-AP 3 catalogue.

Every catalogue node has an IRI under `{base}/#...`, never a blank node (ARCHITECTURE.md
section 4); the mandatory DCAT-AP 3.0.1 properties are always present: catalogue title,
description and publisher; dataset title and description; distribution access URL; data
service title and endpoint URL (VOCABULARY.md a4).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Connection, Engine

import vocab
from hub.auth.scopes import Tier
from hub.services.collections import COLLECTIONS, as_utc
from hub.services.visibility import readable_tiers, view_doc
from hub.settings import Settings
from hub.storage import entities as store
from hub.storage.records import StoredEntity
from hub.storage.transactions import read_transaction

IANA: Final = "https://www.iana.org/assignments/media-types/"
LICENCE: Final = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
LANGUAGES: Final = ["lang:ENG", "lang:SRP"]
SCHEME_BASE: Final = "https://w3id.org/clusterhub/scheme/"

# (format, media type): the representations every collection is served in.
DISTRIBUTIONS: Final = (
    ("jsonld", "application/ld+json"),
    ("ttl", "text/turtle"),
    ("nt", "application/n-triples"),
    ("html", "text/html"),
)

_TEXT: Final[dict[str, dict[str, tuple[str, str]]]] = {
    # collection -> language -> (title, description)
    "organisations": {
        "en": ("Organisations", "Every organisation this node publishes: members and the cluster."),
        "sr-Latn": (
            "Organizacije",
            "Sve organizacije koje ovaj čvor objavljuje: članovi i klaster.",
        ),
        "sr-Cyrl": (
            "Организације",
            "Све организације које овај чвор објављује: чланови и кластер.",
        ),
    },
    "clusters": {
        "en": ("Cluster organisations", "The cluster organisations this node publishes."),
        "sr-Latn": (
            "Klasterske organizacije",
            "Klasterske organizacije koje ovaj čvor objavljuje.",
        ),
        "sr-Cyrl": ("Кластерске организације", "Кластерске организације које овај чвор објављује."),
    },
    "events": {
        "en": ("Events", "Events organised by the cluster and its members."),
        "sr-Latn": ("Događaji", "Događaji koje organizuju klaster i njegovi članovi."),
        "sr-Cyrl": ("Догађаји", "Догађаји које организују кластер и његови чланови."),
    },
    "projects": {
        "en": ("Projects", "Projects of the cluster and its members, with funding and partners."),
        "sr-Latn": (
            "Projekti",
            "Projekti klastera i njegovih članova, sa finansiranjem i partnerima.",
        ),
        "sr-Cyrl": (
            "Пројекти",
            "Пројекти кластера и његових чланова, са финансирањем и партнерима.",
        ),
    },
}


@dataclass(frozen=True, slots=True)
class NodeOverview:
    """What the home page and the catalogue say about the node."""

    counts: dict[str, int]  # collection name -> size, plus "memberships"
    modified: dict[str, datetime | None]  # collection name -> newest change
    total: int
    newest: datetime | None
    cluster: dict[str, Any] | None  # the node's own cluster organisation
    cluster_members: int

    @property
    def validator(self) -> str:
        """Changes with any write: the entity count and the newest `updated_at`."""
        stamp = self.newest.isoformat() if self.newest else "-"
        return f"{self.total}:{stamp}"


def read_overview(engine: Engine, settings: Settings, *, tier: Tier) -> NodeOverview:
    """Counts per collection and the node's cluster (`settings.cluster_key`, else the one
    cluster organisation stored here; none when there are several), as `tier` sees them."""
    tiers = readable_tiers(tier)
    with read_transaction(engine) as connection:
        stats = store.stats_by_kind(connection, tiers=tiers)
        cluster = _own_cluster(connection, settings)
        if cluster is not None and cluster.visibility not in tiers:
            cluster = None
        members = (
            store.count_memberships(connection, organisation_iri=cluster.iri, tiers=tiers)
            if cluster
            else 0
        )
    counts: dict[str, int] = {}
    modified: dict[str, datetime | None] = {}
    for spec in COLLECTIONS.values():
        rows = [
            value
            for (kind, is_cluster), value in stats.items()
            if kind == spec.kind and (is_cluster or not spec.clusters_only)
        ]
        counts[spec.name] = sum(count for count, _ in rows)
        modified[spec.name] = as_utc(max((m for _, m in rows if m), default=None))
    counts["memberships"] = sum(c for (kind, _), (c, _) in stats.items() if kind == "memberships")
    newest = as_utc(max((m for _, m in stats.values() if m), default=None))
    total = sum(count for count, _ in stats.values())
    doc = view_doc(cluster, tier) if cluster else None
    return NodeOverview(counts, modified, total, newest, doc, members)


def _own_cluster(connection: Connection, settings: Settings) -> StoredEntity | None:
    if settings.cluster_key:
        return store.get_entity(connection, kind="organisations", key=settings.cluster_key)
    keys = store.find_cluster_keys(connection)
    if len(keys) != 1:
        return None
    return store.get_entity(connection, kind="organisations", key=keys[0])


def settings_fingerprint(settings: Settings) -> str:
    """Changes when a setting the catalogue shows changes (it is part of the ETag)."""
    text = "\n".join(
        (settings.base_url, settings.title, settings.cluster_key or "", vocab.PROFILE_IRI)
    )
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def catalogue_document(overview: NodeOverview, settings: Settings) -> dict[str, Any]:
    """The DCAT-AP 3 catalogue as compact JSON-LD of our context (without `@context`)."""
    base = settings.base_url
    datasets = [_dataset(name, overview, base) for name in COLLECTIONS]
    catalogue: dict[str, Any] = {
        "id": f"{base}/#catalogue",
        "type": "Catalog",
        "title": {"en": settings.title},
        "description": {"en": _description(overview, settings)},
        "publisher": _publisher(overview, settings),
        "conformsTo": vocab.PROFILE_IRI,
        "language": LANGUAGES,
        "license": LICENCE,
        "homepage": f"{base}/",
        "themeTaxonomy": [SCHEME_BASE + path.stem for path in vocab.scheme_files()],
        "dataset": datasets,
        "service": [_data_service(base, [d["id"] for d in datasets])],
    }
    if overview.newest is not None:
        catalogue["modified"] = overview.newest.isoformat()
    return catalogue


def _description(overview: NodeOverview, settings: Settings) -> str:
    subject = _name(overview.cluster) if overview.cluster else settings.title
    return (
        f"Members, memberships, events and projects published by {subject} as linked data "
        "in the clusterhub vocabulary (W3C ORG, SEMIC Core Business Vocabulary, schema.org)."
    )


def _name(doc: dict[str, Any]) -> str:
    for names in (doc.get("prefLabel"), doc.get("legalName")):
        if names:
            return str(names.get("en") or next(iter(names.values())))
    return str(doc["id"])


def _publisher(overview: NodeOverview, settings: Settings) -> dict[str, Any]:
    cluster = overview.cluster
    if cluster is None:
        return {
            "id": f"{settings.base_url}/#publisher",
            "type": "foaf:Agent",
            "prefLabel": {"en": settings.title},
        }
    agent: dict[str, Any] = {"id": cluster["id"], "type": ["Organization", "foaf:Agent"]}
    for term in ("legalName", "prefLabel"):
        if term in cluster:
            agent[term] = cluster[term]
    return agent


def _dataset(name: str, overview: NodeOverview, base: str) -> dict[str, Any]:
    dataset: dict[str, Any] = {
        "id": f"{base}/#dataset-{name}",
        "type": "Dataset",
        "title": {lang: text[0] for lang, text in _TEXT[name].items()},
        "description": {lang: text[1] for lang, text in _TEXT[name].items()},
        "conformsTo": vocab.PROFILE_IRI,
        "landingPage": f"{base}/{name}",
        "distribution": [
            {
                "id": f"{base}/#distribution-{name}-{fmt}",
                "type": "Distribution",
                "title": {"en": f"{_TEXT[name]['en'][0]} as {media}"},
                "accessURL": f"{base}/{name}",
                "downloadURL": f"{base}/{name}.{fmt}",
                "mediaType": IANA + media,
            }
            for fmt, media in DISTRIBUTIONS
        ],
    }
    modified = overview.modified.get(name)
    if modified is not None:
        dataset["modified"] = modified.isoformat()
    return dataset


def _data_service(base: str, datasets: list[str]) -> dict[str, Any]:
    return {
        "id": f"{base}/#api",
        "type": "DataService",
        "title": {"en": "clusterhub read API: entities and paged collections as linked data"},
        "endpointURL": f"{base}/",
        "servesDataset": datasets,
    }


__all__ = [
    "NodeOverview",
    "catalogue_document",
    "read_overview",
    "settings_fingerprint",
]
