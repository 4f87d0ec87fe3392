"""Read throughput of JSON-LD entity pages, beside the ceiling of the same server stack.

    .venv/bin/python tests/benchmarks/bench_reads.py [--organisations 2000] [--runs 5]
        [--seconds 5] [--connections 32] [--driver wrk|httpx]

Loads generated organisations into a fresh SQLite file, starts `uvicorn` with one worker on
127.0.0.1 (the application factory `clusterhub serve` uses), and drives it with keep-alive
requests for random `/id/organisations/{key}` with `Accept: application/ld+json`. In the same
run the same uvicorn serves a minimal Starlette app answering a constant JSON body: the
ceiling that any handler work is measured against. Figures are requests per second, the
median of several runs, printed side by side. Target (issue "A cluster node", point 5):
>= 1,000 requests/s for JSON-LD entity reads.

The load comes from `wrk` when it is installed (`apt-get install wrk`), else from concurrent
httpx clients in two processes, each sending a bounded number of requests (on a small machine
the Python clients, not the server, then set the figures).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BASELINE_APP = """
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

BODY = b'{"@context":"https://w3id.org/clusterhub/context/0.1.jsonld","id":"x","type":"Organization"}'


async def constant(request):
    return Response(BODY, media_type="application/ld+json")


app = Starlette(routes=[Route("/id/organisations/{key}", constant)])
"""

WRK_SCRIPT = """
math.randomseed(%(seed)d)
request = function()
  local path = "%(prefix)s" .. math.random(1, %(count)d)
  return wrk.format("GET", path, {["Accept"] = "application/ld+json"})
end
"""

CITIES = [("Novi Sad", "21000"), ("Beograd", "11000"), ("Niš", "18000"), ("Subotica", "24000")]
SECTORS = ["sector:information-technology-and-analytical-instruments", "sector:automotive"]


def organisation(number: int) -> dict[str, object]:
    city, post_code = CITIES[number % len(CITIES)]
    return {
        "legalName": {"sr-Latn": f"Firma {number} d.o.o.", "sr-Cyrl": f"Фирма {number} д.о.о."},
        "prefLabel": {"en": f"Company {number}"},
        "description": {"en": f"Software and services company number {number}."},
        "classification": ["orgtype:sme"],
        "sectoralIndustry": [SECTORS[number % len(SECTORS)]],
        "knowsLanguage": ["lang:ENG", "lang:SRP"],
        "address": {"postName": city, "postCode": post_code, "countryCode": "country:SRB"},
        "homepage": f"https://company-{number}.example/",
    }


def load(database_url: str, base_url: str, count: int) -> float:
    from hub.services.entities import put_entity
    from hub.settings import Settings
    from hub.storage.engine import database_engine
    from hub.storage.schema import upgrade

    settings = Settings(base_url=base_url, database_url=database_url)
    engine = database_engine(database_url)
    upgrade(engine)
    started = time.perf_counter()
    for number in range(1, count + 1):
        put_entity(
            engine, settings, kind="organisations", key=f"org-{number}", doc=organisation(number)
        )
    engine.dispose()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def uvicorn(target: str, env: dict[str, str], app_dir: Path, factory: bool) -> Iterator[str]:
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", target, "--host", "127.0.0.1", "--port", str(port),
        "--workers", "1", "--log-level", "warning", "--no-access-log", "--app-dir", str(app_dir),
    ]  # fmt: skip
    if factory:
        command.append("--factory")
    process = subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/id/organisations/org-1", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"uvicorn did not start: {command}") from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=15)


def drive_wrk(base: str, count: int, seconds: float, connections: int, workdir: Path) -> float:
    script = workdir / "random-keys.lua"
    seed = random.randrange(1, 2**31)
    script.write_text(
        WRK_SCRIPT % {"seed": seed, "prefix": "/id/organisations/org-", "count": count}
    )
    command = ["wrk", "-t1", f"-c{connections}", f"-d{round(seconds)}s", "-s", str(script), base]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx responses" in output:
        raise RuntimeError(f"some requests failed:\n{output}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if found is None:
        raise RuntimeError(f"no figure in wrk's output:\n{output}")
    return float(found.group(1))


def _httpx_load(base: str, count: int, clients: int, per_client: int) -> tuple[int, float]:
    """In one process: `clients` keep-alive connections, each sending `per_client` requests
    one after the other. Returns (requests, seconds)."""

    async def client_loop(client: httpx.AsyncClient) -> None:
        for _ in range(per_client):
            key = random.randint(1, count)
            path = f"/id/organisations/org-{key}"
            response = await client.get(path, headers={"accept": "application/ld+json"})
            response.raise_for_status()

    async def main() -> float:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=base, limits=limits) as client:
            started = time.perf_counter()
            await asyncio.gather(*(client_loop(client) for _ in range(clients)))
            return time.perf_counter() - started

    return clients * per_client, asyncio.run(main())


def drive_httpx(base: str, count: int, seconds: float, connections: int) -> float:
    """`connections` keep-alive httpx clients spread over two processes (one Python process
    cannot generate the load a C server loop absorbs), each sending a bounded number of
    requests; the rate is all requests over the longest process's time."""
    processes = 2
    per_client = max(50, int(seconds * 100))
    clients = max(1, connections // processes)
    with ProcessPoolExecutor(processes) as pool:
        jobs = [
            pool.submit(_httpx_load, base, count, clients, per_client) for _ in range(processes)
        ]
        results = [job.result() for job in jobs]
    return sum(done for done, _ in results) / max(elapsed for _, elapsed in results)


def measure(base: str, args: argparse.Namespace, workdir: Path) -> float:
    if args.driver == "wrk":
        return drive_wrk(base, args.organisations, args.seconds, args.connections, workdir)
    return drive_httpx(base, args.organisations, args.seconds, args.connections)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--driver", choices=["wrk", "httpx"], default="wrk" if shutil.which("wrk") else "httpx"
    )
    args = parser.parse_args()
    busy = os.getloadavg()[0]  # before this benchmark adds its own processes

    with tempfile.TemporaryDirectory(prefix="clusterhub-bench-") as folder:
        workdir = Path(folder)
        database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        base_url = "http://127.0.0.1:8000"
        loading = load(database_url, base_url, args.organisations)
        (workdir / "baseline_app.py").write_text(BASELINE_APP)
        env = {"CLUSTERHUB_DATABASE_URL": database_url, "CLUSTERHUB_BASE_URL": base_url}
        figures: dict[str, list[float]] = {
            "clusterhub JSON-LD entity": [],
            "constant JSON (ceiling)": [],
        }
        with (
            uvicorn("hub.cli.serve:application", env, ROOT, factory=True) as node,
            uvicorn("baseline_app:app", {}, workdir, factory=False) as baseline,
        ):
            measure(node, args, workdir)  # warm-up: imports, caches, SQLite pages
            measure(baseline, args, workdir)
            for _ in range(args.runs):
                figures["clusterhub JSON-LD entity"].append(measure(node, args, workdir))
                figures["constant JSON (ceiling)"].append(measure(baseline, args, workdir))

    print(
        f"{args.organisations} organisations loaded in {loading:.1f} s through the entity service"
    )
    print(
        f"driver {args.driver}, {args.connections} connections, "
        f"{args.runs} runs of {args.seconds:g} s, one uvicorn worker\n"
    )
    print(f"{'':28} {'median req/s':>12} {'runs':>40}")
    for name, values in figures.items():
        runs = " ".join(f"{value:7.0f}" for value in values)
        print(f"{name:28} {statistics.median(values):12.0f} {runs:>40}")
    node_median = statistics.median(figures["clusterhub JSON-LD entity"])
    ceiling = statistics.median(figures["constant JSON (ceiling)"])
    verdict = "meets" if node_median >= 1000 else "MISSES"
    if args.driver == "httpx" and node_median > 0.8 * ceiling:
        print("(the Python clients, not the server, set these figures: install wrk to measure)")
    if busy > (os.cpu_count() or 1) / 2:
        print(
            f"(load average {busy:.1f} on {os.cpu_count()} CPUs before the run: "
            "other work skews these figures)"
        )
    print(
        f"\nJSON-LD entity reads: {node_median / ceiling:.0%} of the ceiling; "
        f"{verdict} the 1,000 req/s target"
    )


if __name__ == "__main__":
    main()
