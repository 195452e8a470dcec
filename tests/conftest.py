"""Shared fixtures: a fresh data folder per test, a seeded workspace, and the real console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eco_field import demo
from eco_field.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FIXTURES = SHARED / "fixtures"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def workspace(data_dir: Path):
    """A migrated, demo-seeded workspace in a fresh folder."""
    ws = Workspace.open(data_dir, create=True)
    demo.seed(ws)
    yield ws
    ws.close()


def eco_field_command() -> list[str]:
    exe = shutil.which("eco-field")
    return [exe] if exe else [sys.executable, "-m", "eco_field"]


class CliResult:
    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.returncode, self.stdout, self.stderr = proc.returncode, proc.stdout, proc.stderr

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def cli(data_dir: Path):
    """Run the installed `eco-field` console script against the test's data folder."""

    def run(*args: str, input: str | None = None, timeout: float = 120, env: dict | None = None) -> CliResult:
        full_env = {**os.environ, **(env or {})}
        full_env.pop("ECO_FIELD_HOME", None)
        proc = subprocess.run([*eco_field_command(), "--data-dir", str(data_dir), *args], capture_output=True,
                              text=True, encoding="utf-8", input=input, timeout=timeout, env=full_env)
        return CliResult(proc)

    return run
