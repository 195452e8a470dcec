"""The core never imports Qt: import every module under eco_field/ in a fresh interpreter and check."""

import pkgutil
import subprocess
import sys

import eco_field


def test_no_module_of_the_core_imports_pyside6():
    names = [m.name for m in pkgutil.walk_packages(eco_field.__path__, "eco_field.")
             if not m.name.endswith("__main__")]
    assert len(names) > 10
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n"
            "    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
            "print(','.join(bad))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", f"Qt imported by the core: {proc.stdout.strip()}"
