"""The tables. Documents are stored as their compact JSON-LD; a few columns are lifted out
of them for lookups (memberships by member and organisation, identifiers, sort names)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

_PARTIAL_INDEXES = [
    (name, column, text(f"{column} IS NOT NULL"))
    for name, column in (
        ("ix_entities_member", "member_iri"),
        ("ix_entities_organisation", "organisation_iri"),
        ("ix_entities_vat", "vat_id"),
        ("ix_entities_lei", "lei_code"),
    )
]

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("key", String(128), nullable=False),
    Column("iri", String(2048), nullable=False),
    Column("doc", Text, nullable=False),
    Column("hash", String(32), nullable=False),
    Column("sort_name", String(300), nullable=False, default=""),
    Column("is_cluster", Boolean, nullable=False, default=False),
    Column("member_iri", String(2048)),
    Column("organisation_iri", String(2048)),
    Column("vat_id", String(32)),
    Column("lei_code", String(20)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # The feed (migration 0003): change order, and who may see the record.
    Column("seq", BigInteger),
    Column("published_at", DateTime(timezone=True)),
    Column("visibility", String(8), nullable=False, server_default="public"),
    Column("field_visibility", Text),
    Column("feed_tiers", Integer, nullable=False, server_default="0"),
    UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
    Index("ix_entities_iri", "iri"),
    Index("ix_entities_kind_sort", "kind", "sort_name", "key"),
    # Partial (migration 0004): a column only some kinds have indexes only the rows that
    # have it. Every lookup by these columns compares them with a value, so it can use them.
    *(
        Index(name, column, sqlite_where=present, postgresql_where=present)
        for name, column, present in _PARTIAL_INDEXES
    ),
    Index("ix_entities_seq", "seq"),
)

# OAuth 2.0 (ARCHITECTURE.md section 6). Secrets are stored hashed; signing keys stay in the
# database so that every process of an instance signs and verifies with the same keys.
oauth_clients = Table(
    "oauth_clients",
    metadata,
    Column("client_id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("secret_hash", String(256)),
    Column("auth_method", String(32), nullable=False),
    Column("jwks", Text),
    Column("scopes", String(500), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)

signing_keys = Table(
    "signing_keys",
    metadata,
    Column("kid", String(64), primary_key=True),
    Column("private_jwk", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("retired_at", DateTime(timezone=True)),
    Column("expires_at", DateTime(timezone=True)),
)

# Access-token ids revoked before they expire (RFC 7009), and client-assertion ids already
# used (RFC 7523 section 3, replay protection). Rows can go once `expires_at` has passed.
revoked_tokens = Table(
    "revoked_tokens",
    metadata,
    Column("jti", String(128), primary_key=True),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

used_assertions = Table(
    "used_assertions",
    metadata,
    Column("jti", String(256), primary_key=True),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

tombstones = Table(
    "tombstones",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("kind", String(16), nullable=False),
    Column("key", String(128), nullable=False),
    Column("iri", String(2048), nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("feed_tiers", Integer, nullable=False),
    Index("ix_tombstones_iri", "iri"),
)

feed_state = Table(
    "feed_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_seq", BigInteger, nullable=False),
    Column("last_published", DateTime(timezone=True)),
)
