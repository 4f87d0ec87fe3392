"""Imports run with the garbage collector's young collections far apart, and leave its
thresholds as they found them, however imports overlap."""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from hub.services.entities import put_entity
from hub.services.errors import InvalidInput
from hub.services.imports import ImportOptions, import_file, service
from hub.services.imports.collector import IMPORT_THRESHOLD, collections_apart
from hub.settings import Settings


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*before)


def test_overlapping_imports_restore_the_thresholds_when_the_last_ends(
    thresholds: tuple[int, int, int],
) -> None:
    first, second = collections_apart(), collections_apart()
    first.__enter__()
    assert gc.get_threshold() == (IMPORT_THRESHOLD, 10, 10)
    second.__enter__()
    first.__exit__(None, None, None)  # the first to start ends first
    assert gc.get_threshold() == (IMPORT_THRESHOLD, 10, 10)
    second.__exit__(None, None, None)
    assert gc.get_threshold() == thresholds


def test_an_import_runs_with_collections_apart_even_when_it_fails(
    engine: Engine,
    settings: Settings,
    thresholds: tuple[int, int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cluster = {"type": ["ClusterOrganisation"], "prefLabel": {"en": "Vojvodina ICT"}}
    put_entity(engine, settings, kind="organisations", key="vojvodina-ict", doc=cluster)
    seen: list[tuple[int, int, int]] = []
    run = service._run

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.get_threshold())
        return run(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "_run", spy)
    body = io.BytesIO(b"key,name\nacme,Acme\n")
    assert import_file(engine, settings, body, ImportOptions(format="csv")).created == 2
    with pytest.raises(InvalidInput):
        import_file(engine, settings, io.BytesIO(b"key,name\n-,Bad\n"), ImportOptions(format="csv"))
    assert seen == [(IMPORT_THRESHOLD, 10, 10)] * 2
    assert gc.get_threshold() == thresholds
