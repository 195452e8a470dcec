"""Issue 17 part 1: in the Chinese interface no screen or dialog shows English, raw ids, UUIDs or the names
of files the research was kept in; the pseudo-locale finds text that skips translation."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from eco_field.workspace import Workspace
from tests.ui.screen_walk import walk
from ui import i18n, screenshots
from ui.app import build_window
from ui.context import AppContext
from ui.dialogs import ScriptedDialogs

UI = Path(__file__).resolve().parents[2] / "ui"
WORD = re.compile(r"[A-Za-z][A-Za-z']{2,}")
RAW_ID = re.compile(r"\b[a-z]+(?:[_-][a-z0-9]+)+\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
# Words that are Chinese officers' everyday Latin: units, brands in the data, chemical formulae, file types.
ALLOWED = {"EcoField", "SHA", "PDF", "GPS", "EXIF", "XMP", "URL", "Ctrl", "Shift", "Esc", "Enter", "Tab", "JPEG",
           "JPG", "PNG", "HEIC", "CSV", "TXT", "XLSX", "NOx", "SOx", "Gasmet", "Calcmet", "DJI", "NIKON", "Canon",
           "TestCam", "COD", "BOD", "VOCs", "TSP", "http", "https", "localhost", "ppm", "ppb", "kPa", "Hz", "dB",
           "mg", "km", "TVOC", "QR", "Backspace", "PgUp", "PgDn", "Home", "End",
           "English",  # the language list names each language in itself
           "DemoCam"}  # the camera of the photos ui.screenshots makes


@pytest.fixture
def walked(qtbot, tmp_path, request):
    language, pseudo = request.param
    ws = Workspace.open(tmp_path / "data", create=True)
    ids = screenshots.seed_examples(ws, tmp_path)
    ctx = AppContext(data_dir=tmp_path / "data", ws=ws, dialogs=ScriptedDialogs(), language=language)
    window = build_window(ctx, pseudo)
    qtbot.addWidget(window)
    window.resize(*screenshots.SIZE)
    window.show()
    window._walk_ids = ids
    try:
        yield list(walk(window))
    finally:
        i18n.install("zh_CN")
        ctx.close()


def catalog_words() -> set[str]:
    """Latin words the Chinese translations use on purpose (instrument brands, units): reviewed text."""
    import json

    from eco_field import messages

    texts = list(messages.catalog("zh_CN").values())
    texts += json.loads((i18n.I18N_DIR / "zh_CN.json").read_text(encoding="utf-8")).values()
    return {w for t in texts for w in WORD.findall(t)}


ALLOWED |= catalog_words()
DATA = re.compile(r"(https?://|/|[A-Za-z]:\\)\S*"  # addresses and paths
                  r"|\S+\.(?i:jpe?g|png|heic|tiff?|csv|tsv|txt|xlsx?|pdf|zip|dat|data)\b"  # file names
                  r"|\b[0-9a-f]{8,}\b")  # hashes (and their shown prefixes)


def english(text: str) -> list[str]:
    text = DATA.sub(" ", text)
    return [w for w in WORD.findall(text) if w not in ALLOWED and any(c.islower() for c in w)
            and not re.search(r"\d", w)]


@pytest.mark.parametrize("walked", [("zh_CN", False)], indirect=True)
def test_the_chinese_interface_shows_no_english_and_no_raw_ids(walked):
    problems = sorted({f"{shot} · {where}: {text!r}" for shot, where, text in walked
                       if english(text) or RAW_ID.search(DATA.sub(" ", text)) or ".md" in text})
    assert not problems, f"{len(problems)} untranslated texts:\n" + "\n".join(problems)


def ui_literals() -> set[str]:
    """Chinese string literals in ui/ source: text that reaches the window without tr() if seen unbracketed."""
    found = set()
    for path in UI.glob("*.py"):
        if path.name == "screenshots.py":  # the worked examples' data, not interface text
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and 2 <= len(node.value) < 80 \
                    and re.search(r"[\u4e00-\u9fff]", node.value) and "\n" not in node.value:
                found.add(node.value)
    return found - set(i18n.LANGUAGES.values())  # each language is named in itself


@pytest.mark.parametrize("walked", [("zh_CN", True)], indirect=True)
def test_pseudo_locale_finds_no_text_that_skips_translation(walked):
    literals = ui_literals()
    problems = set()
    for shot, where, text in walked:
        if "[" in text or "cell" in where:
            continue  # translated (bracketed), or data in a list
        if english(text) or text.strip() in literals:
            problems.add(f"{shot} · {where}: {text!r}")
    assert not problems, f"{len(problems)} texts skip translation:\n" + "\n".join(sorted(problems))


def test_sync_conflicts_name_the_kind_and_the_reason_in_chinese(window, ctx):
    """The conflicts list: no entity key, no reason code, and what the bureau found wrong with a refused
    entry (kept from its 422 answer) in the officer's words."""
    from eco_field.store.database import write_transaction
    from eco_field.sync import state

    stale = {"entry_id": "e-1", "entity": "inspection", "entity_id": "0000aaaa-1111-2222-3333-444455556666",
             "revision": 2, "payload": {"status": "draft"}}
    refused = {**stale, "entry_id": "e-2", "entity": "evidence"}
    problem = {"code": "bureau.invalid.missing", "params": {"where": {"code": "bureau.where.field",
                                                                      "params": {"field": "payload.sha256"}}}}
    with write_transaction(ctx.db):
        state.add_conflict(ctx.db, stale, "stale_revision", {"revision": 3, "payload": {"status": "sealed"}})
        ctx.db.execute("INSERT INTO outbox (entry_id, entity, entity_id, op, revision, payload_json, created_at,"
                       " state, response_json) VALUES ('e-2', 'evidence', ?, 'import', NULL, '{}', '2026-12-06', "
                       "'conflict', ?)", [refused["entity_id"], json.dumps({"status": "conflict", "reason": "invalid",
                                                                            "problems": [problem]})])
        state.add_conflict(ctx.db, refused, "invalid", None)
    ctx.hub.announce("sync")
    screen = window.screen("sync")
    rows = [[screen.conflicts.item(r, c).text() for c in range(2)] for r in range(screen.conflicts.rowCount())]
    assert rows == [["检查记录 0000aaaa", "局端已有更新的版本"],
                    ["证据 0000aaaa", "局端不接受这项更改的内容：字段 payload.sha256 缺少"]], rows
    assert screen.conflicts.item(1, 1).toolTip() == rows[1][1]  # the whole reason, when the column cuts it
    screen.conflicts.setCurrentCell(1, 0)
    assert screen.compare.toPlainText().startswith("局端不接受这项更改的内容：字段 payload.sha256 缺少\n")
