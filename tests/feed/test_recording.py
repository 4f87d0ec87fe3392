"""Change recording: every write takes the next seq and a strictly later publication time in
the transaction that makes it; deletes leave tombstones (hub/storage/feed.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

from sqlalchemy import Engine, select

from hub.services import entities as service
from hub.services.imports.options import ImportOptions
from hub.services.imports.service import import_file
from hub.settings import Settings
from hub.storage import feed
from hub.storage.tables import entities, feed_state, tombstones
from hub.storage.transactions import read_transaction, write_transaction
from tests.feed.conftest import BASE, organisation
from tests.support.members import write_jsonld

Row = tuple[str, int, datetime]


def entity_rows(engine: Engine) -> dict[str, tuple[int, datetime]]:
    with read_transaction(engine) as connection:
        rows = connection.execute(select(entities.c.key, entities.c.seq, entities.c.published_at))
        return {key: (seq, feed.utc(published)) for key, seq, published in rows}


def tombstone_rows(engine: Engine) -> list[tuple[int, str, datetime, int]]:
    with read_transaction(engine) as connection:
        query = select(
            tombstones.c.seq, tombstones.c.key, tombstones.c.published_at, tombstones.c.feed_tiers
        ).order_by(tombstones.c.seq)
        return [
            (seq, key, feed.utc(at), tiers) for seq, key, at, tiers in connection.execute(query)
        ]


def put(engine: Engine, settings: Settings, key: str, label: str) -> str:
    return service.put_entity(
        engine, settings, kind="organisations", key=key, doc=organisation(key, label)
    )


def test_every_change_takes_the_next_seq_and_a_later_publication_time(
    engine: Engine, settings: Settings
) -> None:
    put(engine, settings, "a", "A")
    put(engine, settings, "b", "B")
    first = entity_rows(engine)
    assert put(engine, settings, "a", "A") == "unchanged"
    assert entity_rows(engine) == first  # an unchanged row keeps its place
    service.patch_entity(
        engine, settings, kind="organisations", key="a", patch={"homepage": "https://a.rs/"}
    )
    after = entity_rows(engine)
    assert [after["b"][0], after["a"][0]] == [2, 3]
    assert first["a"][1] < first["b"][1] < after["a"][1]
    with read_transaction(engine) as connection:
        assert feed.last_seq(connection) == 3


def test_a_delete_leaves_a_tombstone_and_a_re_creation_removes_it(
    engine: Engine, settings: Settings
) -> None:
    put(engine, settings, "a", "A")
    service.delete_entity(engine, kind="organisations", key="a")
    [(seq, key, _, tiers)] = tombstone_rows(engine)
    assert (seq, key, tiers) == (2, "a", feed.PUBLIC_BIT | feed.PARTNER_BIT)
    put(engine, settings, "a", "A again")
    assert tombstone_rows(engine) == []
    assert entity_rows(engine)["a"][0] == 3
    service.delete_entity(engine, kind="organisations", key="a")
    assert [(s, k) for s, k, _, _ in tombstone_rows(engine)] == [(4, "a")]  # one per IRI


def test_deleting_an_organisation_buries_its_memberships_too(
    engine: Engine, settings: Settings
) -> None:
    put(engine, settings, "vojvodina-ict", "Cluster")
    put(engine, settings, "nsoft", "NSoft")
    membership = {
        "member": f"{BASE}/id/organisations/nsoft",
        "organization": f"{BASE}/id/organisations/vojvodina-ict",
    }
    service.put_entity(
        engine, settings, kind="memberships", key="nsoft-in-vojvodina-ict", doc=membership
    )
    service.delete_entity(engine, kind="organisations", key="nsoft")
    assert [(s, k) for s, k, _, _ in tombstone_rows(engine)] == [
        (4, "nsoft"),
        (5, "nsoft-in-vojvodina-ict"),
    ]


def test_an_import_numbers_the_rows_that_change_in_file_order_a_microsecond_apart(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    put(engine, settings, "first", "First")
    source = tmp_path / "members.jsonld"
    write_jsonld(source, 5, BASE, "vojvodina-ict")
    put(engine, settings, "vojvodina-ict", "Cluster")
    with source.open("rb") as stream:
        import_file(engine, settings, stream, ImportOptions(format="jsonld"))
    rows = sorted(entity_rows(engine).values())
    seqs = [seq for seq, _ in rows]
    assert seqs == list(
        range(1, 13)
    )  # 2 written before, 10 imported (5 organisations, 5 memberships)
    imported = [published for seq, published in rows if seq > 2]
    assert all(
        b - a == timedelta(microseconds=1) for a, b in pairwise(imported)
    )
    with source.open("rb") as stream:  # the same file again changes nothing
        report = import_file(engine, settings, stream, ImportOptions(format="jsonld"))
    assert (report.unchanged, sorted(entity_rows(engine).values())) == (10, rows)


def test_a_replace_import_buries_exactly_what_it_deletes(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    whole, part = tmp_path / "whole.jsonld", tmp_path / "part.jsonld"
    write_jsonld(whole, 3, BASE, "vojvodina-ict")
    write_jsonld(part, 2, BASE, "vojvodina-ict")
    put(engine, settings, "vojvodina-ict", "Cluster")
    with whole.open("rb") as stream:
        import_file(engine, settings, stream, ImportOptions(format="jsonld"))
    before = entity_rows(engine)
    with part.open("rb") as stream:
        import_file(engine, settings, stream, ImportOptions(format="jsonld", mode="replace"))
    gone = set(before) - set(entity_rows(engine))
    buried = tombstone_rows(engine)
    assert gone and {key for _, key, _, _ in buried} == gone
    assert min(seq for seq, _, _, _ in buried) > max(seq for seq, _ in before.values())


def test_publication_times_never_go_back_even_when_the_clock_does(engine: Engine) -> None:
    now = datetime.now(UTC)
    with write_transaction(engine) as connection:
        first = feed.reserve(connection, count=3, now=now)
        earlier = feed.reserve(connection, count=1, now=now - timedelta(hours=1))
    assert first.stamp(0) == (1, now)
    assert earlier.stamp() == (4, now + timedelta(microseconds=3))


def test_page_starts_are_recorded_when_their_seq_is_handed_out(engine: Engine) -> None:
    now = datetime.now(UTC)
    with write_transaction(engine) as connection:
        feed.reserve(connection, count=25, now=now)
        feed.reserve(connection, count=10, now=now)  # seq 26..35: the genesis stays as it was
    with read_transaction(engine) as connection:
        by_ten = feed.page_starts(connection, size=10, through=4)
        by_twenty = feed.page_starts(connection, size=20, through=1)
        ids = sorted(connection.scalars(select(feed_state.c.id)))
    micros = [now + timedelta(microseconds=n) for n in range(31)]
    # Page 0 starts at seq 1 (the genesis anchor), page n at seq n * size; page 4 (seq 40)
    # has not begun.
    assert by_ten == {0: micros[0], 1: micros[9], 2: micros[19], 3: micros[29]}
    assert by_twenty == {0: micros[0], 1: micros[19]}
    assert ids == [0, 1, 2, 3, 4]
