"""`eco-field bureau users add NAME --role R --password-stdin`: the password only from standard input, kept
as an argon2 hash; the account signs in to the console, a disabled one no longer does."""

from __future__ import annotations

import json
import os
import re
import subprocess

import httpx

from tests.sync.conftest import BureauServer, eco_field_command


def _cli(server: BureauServer, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ECO_FIELD_HOME", "ECO_BUREAU_HOME")}
    return subprocess.run([*eco_field_command(), "bureau", "users", *args, "--data-dir", str(server.data_dir),
                           *server.db_args()], input=stdin, capture_output=True, text=True, encoding="utf-8",
                          timeout=60, env=env)


def _sign_in(server: BureauServer, username: str, password: str) -> int:
    client = httpx.Client(base_url=server.url, timeout=30)
    form = client.get("/console/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    return client.post("/console/login", data={"username": username, "password": password,
                                               "csrf_token": token}).status_code


def test_users_add_reads_the_password_from_stdin_and_the_account_signs_in(bureau: BureauServer) -> None:
    made = _cli(bureau, "add", "lishi-fz", "--role", "reviewer", "--display-name", "刘法制", "--password-stdin",
                "--json", stdin="Fazhi-shenhe-2026\n")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout) == {"username": "lishi-fz", "display_name": "刘法制", "role": "reviewer"}
    assert b"Fazhi-shenhe-2026" not in bureau.database_bytes()  # only the argon2 hash is kept
    assert b"$argon2id$" in bureau.database_bytes()
    assert _sign_in(bureau, "lishi-fz", "Fazhi-shenhe-2026") == 303
    assert _sign_in(bureau, "lishi-fz", "Fazhi-shenhe-2026\n") == 401

    short = _cli(bureau, "add", "x", "--role", "clerk", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "密码至少 8 个字符" in short.stderr
    empty = _cli(bureau, "add", "y", "--role", "clerk", "--password-stdin", stdin="")
    assert empty.returncode == 2
    assert _cli(bureau, "add", "z", "--role", "boss", "--password-stdin", stdin="long-enough\n").returncode == 2
    listed = json.loads(_cli(bureau, "list", "--json").stdout)
    assert [u["username"] for u in listed] == ["lishi-fz"]

    assert _cli(bureau, "disable", "lishi-fz").returncode == 0
    assert _sign_in(bureau, "lishi-fz", "Fazhi-shenhe-2026") == 401
