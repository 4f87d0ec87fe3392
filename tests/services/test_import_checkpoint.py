"""After a SQLite import, the WAL checkpoint runs in the background: what the import wrote
still reaches the database file. SQLite only: PostgreSQL's checkpointer is the server's."""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy import text

from hub.services.entities import put_entity
from hub.services.imports import ImportOptions, import_file
from hub.settings import Settings
from hub.storage.checkpoints import wait_for_checkpoints
from hub.storage.engine import database_engine
from hub.storage.schema import upgrade
from tests.support import members


def test_what_an_import_wrote_reaches_the_database_file(tmp_path: Path) -> None:
    path = tmp_path / "node.sqlite3"
    settings = Settings(
        base_url="http://hub.test", database_url=f"sqlite:///{path}", cluster_key="vojvodina-ict"
    )
    engine = database_engine(settings.database_url)
    upgrade(engine)
    cluster = {"type": ["ClusterOrganisation"], "prefLabel": {"en": "Vojvodina ICT"}}
    put_entity(engine, settings, kind="organisations", key="vojvodina-ict", doc=cluster)
    wait_for_checkpoints()
    with engine.connect() as connection:  # everything so far is in the file, not the log
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.stat().st_size
    out = io.StringIO()
    members.write_csv(out, 1000)
    source = io.BytesIO(out.getvalue().encode())
    report = import_file(engine, settings, source, ImportOptions(format="csv"))
    wait_for_checkpoints()
    # The import's connection never checkpoints (its `wal_autocheckpoint` is 0 while it
    # runs, and restored after): only the background checkpoint can have grown the file.
    assert path.stat().st_size > before + 1_000_000
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA wal_autocheckpoint")).scalar_one() == 1000
        count = connection.execute(text("SELECT count(*) FROM entities")).scalar_one()
    assert report.created == 2000
    assert count == 2001
    engine.dispose()
