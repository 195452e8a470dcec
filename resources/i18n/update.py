"""Refresh the translations: lupdate the ui/ sources, fill the Chinese .ts from zh_CN.json, lrelease.

    python resources/i18n/update.py        # prints the source texts that still lack a translation

The glossary (zh_CN.json, English source -> Chinese) is the file people edit; the .ts and .qm are built
from it so that a re-run of lupdate never loses a translation.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "eco_field_zh_CN.ts"


def fill(ts_path: Path, glossary: dict[str, str]) -> list[str]:
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = glossary.get(source)
        if text is None:
            missing.append(source)
            continue
        translation.text = text
        translation.attrib.pop("type", None)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return sorted(set(missing))


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    missing = fill(TS, json.loads((HERE / "zh_CN.json").read_text(encoding="utf-8")))
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    for text in missing:
        print("untranslated:", text)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
