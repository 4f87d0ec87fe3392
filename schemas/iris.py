"""IRIs: the namespaces we emit and the code-list prefixes values compact to.

The table mirrors the prefixes of `vocab/context/chub-context.jsonld`; a test keeps the two equal.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

NAMESPACES: Final[dict[str, str]] = {
    "org": "http://www.w3.org/ns/org#",
    "legal": "http://www.w3.org/ns/legal#",
    "cv": "http://data.europa.eu/m8g/",
    "locn": "http://www.w3.org/ns/locn#",
    "person": "http://www.w3.org/ns/person#",
    "epo": "http://data.europa.eu/a4g/ontology#",
    "eurio": "http://data.europa.eu/s66#",
    "schema": "http://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "adms": "http://www.w3.org/ns/adms#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "tree": "https://w3id.org/tree#",
    "ldes": "https://w3id.org/ldes#",
    "as": "https://www.w3.org/ns/activitystreams#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "chub": "https://w3id.org/clusterhub/ns#",
    "hydra": "http://www.w3.org/ns/hydra/core#",
}

_SCHEME = "https://w3id.org/clusterhub/scheme/"

# Code-list prefix -> (namespace, human name of the list). Concept values compact to
# "prefix:local", e.g. "sector:automotive", "nace21:6201", "country:SRB".
CODE_LISTS: Final[dict[str, tuple[str, str]]] = {
    "sector": (_SCHEME + "sectoral-industry/", "sectoral industry"),
    "emerging": (_SCHEME + "emerging-industry/", "emerging industry"),
    "ecosystem": (_SCHEME + "industrial-ecosystem/", "industrial ecosystem"),
    "techfield": (_SCHEME + "technology-field/", "technology field"),
    "orgtype": (_SCHEME + "organisation-type/", "organisation type"),
    "mrole": (_SCHEME + "membership-role/", "membership role"),
    "mgmtrole": (_SCHEME + "management-role/", "management role"),
    "prole": (_SCHEME + "project-role/", "project role"),
    "etype": (_SCHEME + "event-type/", "event type"),
    "svc": (_SCHEME + "support-service/", "support service"),
    "label": (_SCHEME + "cluster-label-level/", "cluster label level"),
    "nace21": ("http://data.europa.eu/ux2/nace2.1/", "NACE Rev. 2.1 code"),
    "nace2": ("http://data.europa.eu/ux2/nace2/", "NACE Rev. 2 code"),
    "country": ("http://publications.europa.eu/resource/authority/country/", "country"),
    "lang": ("http://publications.europa.eu/resource/authority/language/", "language"),
    "nuts": ("http://data.europa.eu/nuts/code/", "NUTS region"),
    "euprog": ("http://publications.europa.eu/resource/authority/eu-programme/", "EU programme"),
}

_ALL_PREFIXES: Final[dict[str, str]] = {
    **NAMESPACES,
    **{prefix: namespace for prefix, (namespace, _) in CODE_LISTS.items()},
}
# Longest namespace first, so that nested namespaces compact to the most specific prefix.
_BY_NAMESPACE: Final = sorted(
    ((ns, prefix) for prefix, ns in _ALL_PREFIXES.items() if prefix in CODE_LISTS),
    key=lambda item: -len(item[0]),
)
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")


# Pure, and imports check the same IRIs again and again: each membership names its cluster,
# and the member whose organisation document was checked just before.
@lru_cache(maxsize=8192)
def is_absolute_iri(value: str) -> bool:
    return bool(_ABSOLUTE_IRI.match(value)) and value.split(":", 1)[0] not in _ALL_PREFIXES


def expand_iri(value: str) -> str:
    """`"sector:automotive"` -> the full concept IRI; absolute IRIs pass through."""
    prefix, sep, local = value.partition(":")
    if sep and prefix in _ALL_PREFIXES and not local.startswith("//"):
        return _ALL_PREFIXES[prefix] + local
    return value


@lru_cache(maxsize=8192)  # pure, and called for every concept value validated (imports)
def compact_iri(value: str) -> str:
    """A full code-list IRI -> `"prefix:local"`; any other IRI is returned unchanged."""
    for namespace, prefix in _BY_NAMESPACE:
        if value.startswith(namespace) and len(value) > len(namespace):
            return f"{prefix}:{value[len(namespace) :]}"
    return value
