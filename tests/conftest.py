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
# The third-party corpus (real camera, drone and instrument files). CI has it; a fresh clone does not, and
# the tests that need it skip, naming it. ECO_FIELD_FIXTURES points elsewhere (or at nothing, to try that).
FIXTURES = Path(os.environ.get("ECO_FIELD_FIXTURES") or SHARED / "fixtures")
FIXTURES_REASON = f"needs the third-party corpus ../shared/fixtures (looked in {FIXTURES}; set ECO_FIELD_FIXTURES)"
needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason=FIXTURES_REASON)


def fixture_files(*parts: str) -> list[Path]:
    """The files of a corpus folder, sorted; [] when the corpus is absent (parametrize then skips)."""
    folder = FIXTURES.joinpath(*parts)
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def fixture_file(*parts: str) -> Path:
    """A corpus file inside a test: skips the test, naming the corpus, when it is absent."""
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        pytest.skip(FIXTURES_REASON)
    return path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def interface_language():
    """Every test starts and ends in the default interface language: the language is process-wide, and a test
    that switched to English must not leave the next one reading English."""
    from eco_field import messages

    messages.set_language(None)
    yield
    messages.set_language(None)


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
