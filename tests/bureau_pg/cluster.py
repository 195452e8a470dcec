"""A throwaway PostgreSQL cluster on 127.0.0.1 for tests and benchmarks, and a fresh schema per test.

`shared_server()` gives the URL of a server: ECO_FIELD_TEST_PG_URL when set (as .ci/run sets it), else a
cluster of its own started from the PostgreSQL binaries on this machine (initdb refuses root, so as the
`postgres` user when running as root), stopped at exit; None when neither is available.
"""

from __future__ import annotations

import atexit
import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from pathlib import Path
from urllib.parse import quote

URL_ENV = "ECO_FIELD_TEST_PG_URL"
BINDIR_ENV = "ECO_FIELD_PG_BINDIR"
OWNER_FILE = "owner.pid"
SKIP_REASON = (f"PostgreSQL not available: set {URL_ENV}=postgresql://... or install Debian's postgresql "
               "(initdb and pg_ctl); .ci/postgres.sh does both")


def find_bindir() -> Path | None:
    """The folder of initdb and pg_ctl: $ECO_FIELD_PG_BINDIR, pg_config --bindir, or Debian's newest."""
    candidates = [os.environ.get(BINDIR_ENV)]
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(out.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
                         if Path(p).parent.name.isdigit() else 0, reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """initdb + pg_ctl in a temporary folder, listening on 127.0.0.1 only (no Unix socket)."""

    def __init__(self, bindir: Path, *, durable: bool = True) -> None:
        self.bindir, self.durable = bindir, durable
        self.root = Path(tempfile.mkdtemp(prefix="eco-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.password = secrets.token_urlsafe(16)
        self._as_postgres = os.geteuid() == 0

    @property
    def url(self) -> str:
        return f"postgresql://postgres:{quote(self.password)}@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, timeout: float = 120) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.root)
        if proc.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:] if (
                self.root / "server.log").exists() else ""
            raise RuntimeError(f"{args[0]} failed: {proc.stderr or proc.stdout}\n{log}")

    def init(self) -> Cluster:
        (self.root / OWNER_FILE).write_text(str(os.getpid()))  # lets a later run clean up after a killed one
        pwfile = self.root / "pw"
        pwfile.write_text(self.password + "\n")
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(pwfile, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=scram-sha-256",
                  f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C", "--no-sync")
        pwfile.unlink()
        return self

    def start(self) -> Cluster:
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories='' "
                   "-c max_connections=300 -c shared_buffers=64MB")
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options,
                  "-w", "-t", "60", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def destroy(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self.stop("immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def remove_orphans(bindir: Path) -> None:
    """Stop and delete the clusters of test runs that were killed before they could clean up."""
    for owner in Path(tempfile.gettempdir()).glob(f"eco-pg-*/{OWNER_FILE}"):
        try:
            os.kill(int(owner.read_text()), 0)
            continue  # its run is still going
        except ProcessLookupError:
            pass
        except (ValueError, PermissionError, OSError):
            continue
        orphan = Cluster.__new__(Cluster)
        orphan.bindir, orphan.root, orphan.data = bindir, owner.parent, owner.parent / "data"
        orphan._as_postgres = os.geteuid() == 0
        try:
            orphan.destroy()
        except (RuntimeError, subprocess.SubprocessError):
            shutil.rmtree(orphan.root, ignore_errors=True)


_shared: dict[str, object] = {}
_shared_lock = threading.Lock()


def shared_server() -> str | None:
    """The URL of the test server (from the environment, or a cluster started once per process)."""
    if os.environ.get(URL_ENV):
        return os.environ[URL_ENV]
    with _shared_lock:
        if "url" not in _shared:
            bindir = find_bindir()
            if bindir is None:
                _shared["url"] = None
            else:
                remove_orphans(bindir)
                cluster = Cluster(bindir, durable=False).init().start()
                atexit.register(cluster.destroy)
                _shared["cluster"], _shared["url"] = cluster, cluster.url
        return _shared["url"]  # type: ignore[return-value]


def with_schema(url: str, schema: str) -> str:
    """The URL with search_path set to one schema, so a test's tables are its own."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


def fresh_schema(url: str) -> tuple[str, str]:
    """(schema name, URL using it): an empty schema for one test."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return schema, with_schema(url, schema)


def drop_schema(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
