"""Several app processes behind HAProxy, sharing PostgreSQL: the set-up `deploy/` ships.

Used by tests/e2e/test_multiprocess.py and by benchmarks/loadtest.py (`--processes 2`). Every
process is a `streamlit run` on its own loopback port with the same `DATABASE_URL`; HAProxy
runs `deploy/haproxy.cfg` itself (addresses through its environment variables), in the
foreground, so it stops with the test.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.conftest import Server, free_port, start_server

HAPROXY_CONFIG = ROOT / "deploy" / "haproxy.cfg"
STARTUP_TIMEOUT_S = 60.0


def haproxy_path() -> str | None:
    return shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy", "/sbin/haproxy") if Path(p).exists()), None
    )


def require_haproxy() -> str:
    """HAProxy's path; skips (or fails when RESEAU_REQUIRE_BROWSER=1, as CI sets) without it."""
    found = haproxy_path()
    if found:
        return found
    message = (
        "the multi-process set-up needs HAProxy: install it with `sudo apt-get install haproxy`"
    )
    if os.environ.get("RESEAU_REQUIRE_BROWSER") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def require_postgres() -> str:
    """The throw-away PostgreSQL URL; skips (or fails when RESEAU_REQUIRE_POSTGRES=1) without."""
    url = os.environ.get("RESEAU_TEST_DATABASE_URL", "").strip()
    if url:
        return url
    message = (
        "the multi-process set-up needs PostgreSQL: set RESEAU_TEST_DATABASE_URL "
        "(`source .ci/postgres.sh && start_postgres` starts a throw-away server)"
    )
    if os.environ.get("RESEAU_REQUIRE_POSTGRES") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


start_app = start_server  # one way to start an app process, shared with the single-server tests


@dataclass
class Balancer:
    """HAProxy running deploy/haproxy.cfg in the foreground."""

    process: subprocess.Popen[bytes]
    port: int
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_haproxy(app_ports: Sequence[int], log_dir: Path, *, port: int | None = None) -> Balancer:
    """Starts HAProxy with the shipped config in front of `app_ports` (two: app1 and app2).

    A port nobody listens on stands for a missing process: HAProxy's health check marks it down
    and sends everyone to the other one.
    """
    binary = haproxy_path()
    if binary is None:
        raise RuntimeError("haproxy is not installed")
    ports = list(app_ports) + [free_port()] * (2 - len(app_ports))
    port = port or free_port()
    env = {
        **os.environ,
        "RESEAU_LISTEN": f"127.0.0.1:{port}",
        "RESEAU_APP1": f"127.0.0.1:{ports[0]}",
        "RESEAU_APP2": f"127.0.0.1:{ports[1]}",
    }
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"haproxy-{port}.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [binary, "-db", "-f", str(HAPROXY_CONFIG)],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    balancer = Balancer(process, port, log_path)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"haproxy exited with {process.returncode}:\n{balancer.log()}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return balancer
        time.sleep(0.1)
    balancer.stop()
    raise RuntimeError(f"haproxy did not listen on {port}:\n{balancer.log()}")


def wait_backends_up(balancer: Balancer, count: int, timeout: float = 20.0) -> None:
    """Waits until new visitors are spread over `count` processes (health checks passed)."""
    import urllib.request

    deadline = time.monotonic() + timeout
    seen: set[str] = set()
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{balancer.url}/_stcore/health", timeout=5) as answer:
            seen.add(answer.headers.get("X-Reseau-Backend") or "")
        if len(seen) >= count:
            return
        time.sleep(0.2)
    raise RuntimeError(f"only {sorted(seen)} of {count} processes answered through haproxy")


@dataclass
class Cluster:
    """App processes (by HAProxy server name) and the balancer in front of them."""

    balancer: Balancer
    apps: dict[str, Server] = field(default_factory=dict)

    def stop(self) -> None:
        self.balancer.stop()
        for app in self.apps.values():
            app.stop()


def start_cluster(
    data_dir: Path, database_url: str, processes: int = 2, env: Mapping[str, str] | None = None
) -> Cluster:
    """Starts `processes` (1 or 2) app processes on one PostgreSQL database, and HAProxy."""
    apps: dict[str, Server] = {}
    try:
        for number in range(1, processes + 1):
            apps[f"app{number}"] = start_app(
                data_dir / f"app{number}", {"DATABASE_URL": database_url, **(env or {})}
            )
        balancer = start_haproxy([app.port for app in apps.values()], data_dir)
    except Exception:
        for app in apps.values():
            app.stop()
        raise
    cluster = Cluster(balancer, apps)
    try:
        wait_backends_up(balancer, processes)
    except Exception:
        cluster.stop()
        raise
    return cluster
