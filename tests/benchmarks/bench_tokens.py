"""Benchmark: what checking a bearer token adds to a protected read (issue "Sync and
security"; ARCHITECTURE.md section 6). Target: at most 0.5 ms.

    .venv/bin/python tests/benchmarks/bench_tokens.py [--runs 300]

Measures, in one process on SQLite: `TokenVerifier.verify` alone with the signing keys cached
(signature, claims, revocation lookup), then the same read end to end in-process with and
without a token: a partner's and an anonymous poll of the newest feed page, each answered 304
(the cheapest real read, so the token check is most of the difference).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hub.app import create_app
from hub.auth.clients import add_client
from hub.services import entities as service
from hub.settings import Settings
from hub.storage.engine import database_engine
from hub.storage.schema import upgrade
from tests.support.client import AppClient

BASE = "https://bench.test"
TARGET_MS = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=300)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="bench-tokens-"))
    settings = Settings(base_url=BASE, database_url=f"sqlite:///{folder / 'bench.sqlite3'}")
    engine = database_engine(settings.database_url)
    upgrade(engine)
    service.put_entity(
        engine,
        settings,
        kind="organisations",
        key="nsoft",
        doc={"type": ["Organization"], "prefLabel": {"en": "NSoft"}},
    )
    app = create_app(settings, engine)
    client = AppClient(app, base_url=BASE)
    registered = add_client(engine, name="partner cluster", scopes=["read:partner"])
    answer = client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(registered["client_id"], registered["client_secret"]),
    )
    token = answer.json()["access_token"]
    verifier = app.state.hub.auth.verifier

    async def verify_times() -> list[float]:
        await verifier.verify(token)  # keys fetched and cached
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            await verifier.verify(token)
            times.append((time.perf_counter() - start) * 1000)
        return times

    verify_ms = statistics.median(asyncio.run(verify_times()))
    bearer = {"authorization": f"Bearer {token}"}
    anonymous_ms = poll_ms(client, {}, runs)
    partner_ms = poll_ms(client, bearer, runs)
    overhead = partner_ms - anonymous_ms
    print(f"token check overhead, SQLite, median of {runs} runs")
    print(f"  TokenVerifier.verify (keys cached)            {verify_ms:7.3f} ms")
    print(f"  anonymous poll of /feed/0 -> 304 (baseline)   {anonymous_ms:7.3f} ms")
    print(f"  partner poll of /feed/0 -> 304 (bearer token) {partner_ms:7.3f} ms")
    verdict = "within" if overhead <= TARGET_MS else "over"
    print(
        f"  overhead of the protected read                {overhead:7.3f} ms"
        f" ({verdict} the {TARGET_MS} ms target; ratio {partner_ms / anonymous_ms:.2f})"
    )
    client.close()


def poll_ms(client: AppClient, headers: dict[str, str], runs: int) -> float:
    etag = client.get("/feed/0", headers=headers).headers["etag"]
    conditional = {**headers, "if-none-match": etag}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get("/feed/0", headers=conditional)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 304
    return statistics.median(times)


if __name__ == "__main__":
    main()
