"""Add translations to the glossary (zh_CN.json) without disturbing others' entries: re-read, merge, write sorted.

    python resources/i18n/add.py '{"English source": "中文"}'     then   python resources/i18n/update.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parent / "zh_CN.json"


def add(entries: dict[str, str]) -> None:
    current = json.loads(GLOSSARY.read_text(encoding="utf-8"))
    current.update(entries)
    text = json.dumps(dict(sorted(current.items())), ensure_ascii=False, indent=1) + "\n"
    tmp = GLOSSARY.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(GLOSSARY)


if __name__ == "__main__":
    add(json.loads(sys.argv[1]))
