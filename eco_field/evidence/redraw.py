"""Thumbnails drawn again from the picture itself, after an import drew them from the camera's preview.

At import a JPEG's 256 px thumbnail may come from its MPF preview: fast, and the checks tie the preview to
the picture's layout and shape, but not to its content; a crafted file can carry a preview of another
scene. So afterwards, in the background, each such thumbnail is drawn again from the picture and the
photo's metadata says so (`thumbnail_source` "decoded", `thumbnail_first_drawn_from` the preview kind).
A picture that does not decode in full keeps no thumbnail and says why.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import sqlite_utils

from eco_field.evidence import pixels, sniff
from eco_field.evidence.worker import THUMB_SIZE, thumbnail_file, write_atomic
from eco_field.store.database import write_transaction
from eco_field.workspace import Workspace

DECODED = "decoded"
NO_THUMBNAIL = "none: the picture does not decode"


def pending(db: sqlite_utils.Database, inspection_id: str | None = None) -> list[str]:
    """The photos (SHA-256) whose thumbnail was drawn from an embedded preview and not yet redrawn."""
    where = "json_extract(m.meta_json, '$.thumbnail_source') NOT IN (?, ?)"
    params: list[Any] = [DECODED, NO_THUMBNAIL]
    if inspection_id is not None:
        where += " AND m.sha256 IN (SELECT sha256 FROM evidence WHERE inspection_id = ?)"
        params.append(inspection_id)
    return [r[0] for r in db.execute(f"SELECT m.sha256 FROM photo_meta m WHERE {where} ORDER BY m.sha256", params)]


def redraw_thumbnails(ws: Workspace, inspection_id: str | None = None,
                      progress: Callable[[int, int, str], None] | None = None,
                      cancel: Callable[[], bool] | None = None) -> dict[str, Any]:
    """Redraw every pending thumbnail (of one inspection, or all); cancel() is polled between photos, and
    what was redrawn stays redrawn. Returns {"redrawn": n, "refused": [{"sha256", "error"}], "cancelled"}."""
    todo = pending(ws.db, inspection_id)
    done: dict[str, Any] = {"redrawn": 0, "refused": [], "cancelled": False}
    for index, sha in enumerate(todo, 1):
        if cancel and cancel():
            done["cancelled"] = True
            break
        error = _redraw_one(ws, sha)
        if error:
            done["refused"].append({"sha256": sha, "error": error})
        else:
            done["redrawn"] += 1
        if progress:
            progress(index, len(todo), sha)
    return done


def _redraw_one(ws: Workspace, sha: str) -> str | None:
    original = ws.blobs.find(sha)
    if original is None:
        return "the original is missing from the evidence store"
    data = original.read_bytes()
    row = ws.db.execute("SELECT orientation, meta_json FROM photo_meta WHERE sha256 = ?", [sha]).fetchone()
    meta = json.loads(row[1])
    first = meta.get("thumbnail_source")
    thumb = thumbnail_file(ws.cache_dir, sha, THUMB_SIZE)
    try:
        rendered = pixels.render(data, sniff.media_type(data[:64]) or "image/jpeg", row[0], THUMB_SIZE,
                                 embedded=False)
        error = None if rendered.jpeg is not None else rendered.warning
    except pixels.UnreadablePhoto as exc:
        rendered, error = None, str(exc)
    if error is None:
        write_atomic(thumb, rendered.jpeg, durable=False, tmp_dir=ws.cache_dir / ".tmp")
        meta.update(thumbnail_source=DECODED, thumbnail_first_drawn_from=first)
    else:  # the preview showed a picture that is not there: no thumbnail rather than the preview's
        thumb.unlink(missing_ok=True)
        meta.update(thumbnail_source=NO_THUMBNAIL, thumbnail_first_drawn_from=first)
        meta.setdefault("warnings", []).append(f"the picture does not decode ({error}); its preview is not shown")
    with write_transaction(ws.db):
        ws.db.execute("UPDATE photo_meta SET meta_json = ? WHERE sha256 = ?",
                      [json.dumps(meta, ensure_ascii=False, sort_keys=True), sha])
    return error
