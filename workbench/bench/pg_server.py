"""A throwaway PostgreSQL server for the team-case tests and benchmark: its own data folder
and unix socket in a temporary folder, started for a test session (or a benchmark run) and
removed after it.

PostgreSQL's `initdb` refuses to run as root (as CI runs `make test`), so as root the server
runs as Debian's `postgres` user (made by the `postgresql` package) through `runuser`, with a
folder that user owns; as anyone else it runs as that user. Authentication is `trust` on the
socket alone (no TCP port is opened), so any role may connect: the tests name the role.
`ThrowawayServer.start(passwords=True)` asks every role for its password instead (SCRAM, as a
team's server would), the superuser's being `superuser_password`.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "wb_admin"
SERVER_USER = "postgres"  # who runs the server when the tests run as root


class ServerUnavailable(RuntimeError):
    """The PostgreSQL programs are not installed (and `make` could not install them)."""


def server_programs() -> Path:
    """The folder holding initdb and pg_ctl: the newest Debian one, else pg_config's, else PATH."""
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda found: int(found.parts[-3]) if found.parts[-3].isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    found = shutil.which("initdb") or shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    raise ServerUnavailable(
        "PostgreSQL's server programs (initdb, pg_ctl) are not installed;"
        " `make test` installs Debian's postgresql package (packaging/ensure-postgresql.sh)"
    )


@dataclass
class ThrowawayServer:
    """`server = ThrowawayServer.start()`; `server.url("case")`; `server.stop()`."""

    folder: Path
    programs: Path
    run_as: str | None
    superuser_password: str | None = None  # set when roles log in with passwords

    @property
    def socket_folder(self) -> Path:
        return self.folder / "socket"

    @property
    def data_folder(self) -> Path:
        return self.folder / "data"

    def url(self, database: str, role: str = SUPERUSER, password: str | None = None) -> str:
        """The case's URL for `role`; the superuser's carries its password when roles need one."""
        if password is None and role == SUPERUSER:
            password = self.superuser_password
        login = f"{role}:{quote(password, safe='')}" if password else role
        return f"postgresql+psycopg://{login}@/{database}?host={self.socket_folder}"

    @classmethod
    def start(cls, *, passwords: bool = False) -> ThrowawayServer:
        programs = server_programs()
        run_as = SERVER_USER if os.geteuid() == 0 else None
        folder = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
        server = cls(folder, programs, run_as, secrets.token_urlsafe(16) if passwords else None)
        server.socket_folder.mkdir()
        if run_as is not None:
            account = pwd.getpwnam(run_as)
            for path in (folder, server.socket_folder):
                os.chown(path, account.pw_uid, account.pw_gid)
        try:
            server._run("initdb", *server._initdb_options())
            options = (
                f"-k {server.socket_folder} -c listen_addresses='' -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
                # little WAL: databases are copied from templates by the dozen, then dropped
                " -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=64MB"
            )
            server._run(
                "pg_ctl", "-D", str(server.data_folder), "-o", options, "-w",
                "-l", str(folder / "server.log"), "start",
            )  # fmt: skip
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return server

    def _initdb_options(self) -> list[str]:
        options = ["-D", str(self.data_folder), "-U", SUPERUSER, "-E", "UTF8", "--locale=C"]
        options += ["--no-sync", "--no-instructions"]
        if self.superuser_password is None:
            return [*options, "-A", "trust"]
        secret = self.folder / "superuser-password"
        secret.write_text(self.superuser_password, encoding="utf-8")
        if self.run_as is not None:
            account = pwd.getpwnam(self.run_as)
            os.chown(secret, account.pw_uid, account.pw_gid)
        return [*options, "-A", "scram-sha-256", f"--pwfile={secret}"]

    def create_database(self, name: str) -> str:
        """A new, empty database on the server; returns its URL."""
        import psycopg

        dsn = self.url("postgres").replace("postgresql+psycopg", "postgresql")
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data_folder), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def log(self) -> str:
        try:
            return (self.folder / "server.log").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def _run(self, program: str, *arguments: str) -> None:
        command = [str(self.programs / program), *arguments]
        if self.run_as is not None:
            command = ["runuser", "-u", self.run_as, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if done.returncode != 0:
            raise ServerUnavailable(
                f"{program} failed ({done.returncode}): {done.stderr.strip() or done.stdout}"
                f"\n{self.log()[-2000:]}"
            )
