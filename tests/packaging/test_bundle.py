"""Issue 17 part 8: the one-folder app built by packaging/eco_field.spec starts and works on its own.

Slow (a PyInstaller build takes minutes): CI runs it with the README's test command; deselect it locally
with `-m 'not slow'`. The bundle runs from a folder outside the source tree with a clean environment, so the
fonts, translations, migrations and the violation catalog must all come from inside it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pdftools
from tests.evidence.conftest import make_photo

pytestmark = [pytest.mark.slow, pytest.mark.timeout(2400)]
REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "eco_field.spec"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle test builds the Linux bundle")
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("pyinstaller")
    build = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                            "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
                           cwd=work, capture_output=True, text=True, timeout=1800)
    assert build.returncode == 0, build.stderr[-4000:]
    folder = work / "dist" / "EcoField"
    assert (folder / "EcoField").is_file() and (folder / "eco-field").is_file()
    return folder


def run(bundle: Path, program: str, *args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
             "ECO_FIELD_HOME": str(home / "data"), **env}
    return subprocess.run([str(bundle / program), *args], cwd=home, env=clean, capture_output=True, text=True,
                          timeout=300)


def test_the_bundle_starts_imports_a_photo_and_renders_a_document(bundle, tmp_path):
    home = tmp_path / "officer"
    home.mkdir()
    # the window: shown offscreen in Chinese over a data folder it creates and migrates
    shown = run(bundle, "EcoField", home=home, ECO_FIELD_QUIT_AFTER_SHOW="1")
    assert shown.returncode == 0, shown.stderr[-3000:]
    assert "window 生态执法现场通 | 任务" in shown.stdout  # the Qt translation was found
    assert (home / "data" / "eco_field.db").is_file()
    # the command line from the same folder: demo data, an inspection, a photo, a document
    assert run(bundle, "eco-field", "init", "--demo", home=home).returncode == 0
    made = run(bundle, "eco-field", "inspections", "new", "--enterprise", "91141102MA0D00000X",
               "--officer", "14110100001", "--officer", "14110100002", "--json", home=home)
    assert made.returncode == 0, made.stderr
    inspection = json.loads(made.stdout)["id"]
    # three photos or more go through the worker processes, which start through the bundled program itself
    photos = [make_photo(tmp_path / "card" / "DCIM" / f"DSC_000{n}.JPG", seed=n) for n in range(1, 5)]
    imported = run(bundle, "eco-field", "evidence", "import", inspection, *map(str, photos), "--json", home=home)
    assert imported.returncode == 0, imported.stderr
    listed = run(bundle, "eco-field", "evidence", "list", inspection, "--json", home=home)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 4, listed.stdout[-2000:]
    out = tmp_path / "record.pdf"
    rendered = run(bundle, "eco-field", "documents", "render", "inspection-record", "--inspection", inspection,
                   "-o", str(out), home=home)
    assert rendered.returncode == 0, rendered.stderr
    assert "现场检查" in pdftools.text(out).replace(" ", "")  # the shipped Chinese font drew it
    # a copy without metadata is identified from the QR code PDFium draws (no poppler on a Windows laptop)
    from pypdf import PdfWriter

    stripped = PdfWriter(clone_from=out)
    stripped.metadata = None
    stripped.write(tmp_path / "copy.pdf")
    verified = run(bundle, "eco-field", "documents", "verify", str(tmp_path / "copy.pdf"), "--json", home=home)
    assert json.loads(verified.stdout)["record_match"], verified.stdout + verified.stderr
    # the violation catalog and the message catalog are inside the bundle too
    catalog = run(bundle, "eco-field", "catalog", "show", "AIR-02", "--json", home=home)
    assert catalog.returncode == 0 and "大气" in catalog.stdout
    refused = run(bundle, "eco-field", "inspections", "show", "no-such-inspection", home=home)
    assert refused.returncode == 2 and any("\u4e00" <= c <= "\u9fff" for c in refused.stderr)
    assert str(REPO) not in (bundle / "_internal").as_posix()
