"""Mark-up of a photo (arrow, circle, text) saved as a DERIVED copy: a new JPEG in the store, an evidence
row of kind 'markup' that points to the original's row (derived_from) and keeps the shapes (markup_json).
The original's file and row are never touched; the photo evidence sheet prints the marked copy beside the
original's SHA-256. No Qt here: the GUI's dialog and `evidence markup` both call save().

Shapes use fractions of the picture as the officer sees it (orientation applied), so the same list draws
the same marks on a thumbnail and on the full picture:
  {"type": "arrow", "from": [x, y], "to": [x, y]}
  {"type": "circle", "center": [x, y], "radius": r}      r: a fraction of the shorter side
  {"type": "text", "at": [x, y], "text": "排污口"}
"""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from eco_field.errors import BadInput, NotFound
from eco_field.evidence import handling, pixels
from eco_field.paths import RESOURCES_DIR
from eco_field.store.changes import record
from eco_field.store.database import write_transaction
from eco_field.store.evidence_rows import link_evidence
from eco_field.workspace import Workspace

KINDS = ("arrow", "circle", "text")
COLOUR = (230, 0, 0)
FONT = RESOURCES_DIR / "fonts" / "wqy-microhei.ttc"
MAX_SHAPES = 50
MAX_TEXT = 60
QUALITY = 92


def validate(shapes: Any) -> list[dict[str, Any]]:
    """The shapes as plain, checked dicts; BadInput naming the first wrong one."""
    if not isinstance(shapes, list) or not shapes:
        raise BadInput("evidence.markup.empty")
    if len(shapes) > MAX_SHAPES:
        raise BadInput("evidence.markup.bad_shape", index=MAX_SHAPES + 1, detail=f"> {MAX_SHAPES}")
    return [_shape(index, shape) for index, shape in enumerate(shapes, start=1)]


def _shape(index: int, shape: Any) -> dict[str, Any]:
    def bad(detail: str) -> BadInput:
        return BadInput("evidence.markup.bad_shape", index=index, detail=detail)

    if not isinstance(shape, dict) or shape.get("type") not in KINDS:
        raise bad("type: arrow | circle | text")
    kind = shape["type"]
    if kind == "arrow":
        return {"type": kind, "from": _point(shape.get("from"), bad), "to": _point(shape.get("to"), bad)}
    if kind == "circle":
        radius = shape.get("radius")
        if not isinstance(radius, int | float) or not 0 < radius <= 1:
            raise bad("radius 0–1")
        return {"type": kind, "center": _point(shape.get("center"), bad), "radius": float(radius)}
    text = " ".join(str(shape.get("text") or "").split())
    if not text or len(text) > MAX_TEXT:
        raise bad(f"text 1–{MAX_TEXT}")
    return {"type": kind, "at": _point(shape.get("at"), bad), "text": text}


def _point(value: Any, bad) -> list[float]:
    if (not isinstance(value, list | tuple) or len(value) != 2
            or not all(isinstance(v, int | float) and 0 <= v <= 1 for v in value)):
        raise bad("x, y 0–1")
    return [float(value[0]), float(value[1])]


def draw(picture: Image.Image, shapes: list[dict[str, Any]]) -> Image.Image:
    """The picture (RGB, orientation applied) with the shapes drawn on a copy."""
    out = picture.convert("RGB").copy()
    width, height = out.size
    short = min(width, height)
    line = max(3, round(short * 0.01))
    pen = ImageDraw.Draw(out)
    font = ImageFont.truetype(str(FONT), max(12, round(short * 0.05)))
    for shape in shapes:
        if shape["type"] == "arrow":
            (x1, y1), (x2, y2) = _px(shape["from"], out.size), _px(shape["to"], out.size)
            pen.line([(x1, y1), (x2, y2)], fill=COLOUR, width=line)
            pen.polygon(_head(x1, y1, x2, y2, line * 5), fill=COLOUR)
        elif shape["type"] == "circle":
            cx, cy = _px(shape["center"], out.size)
            r = shape["radius"] * short
            pen.ellipse([cx - r, cy - r, cx + r, cy + r], outline=COLOUR, width=line)
        else:
            x, y = _px(shape["at"], out.size)
            pen.text((x, y), shape["text"], fill=COLOUR, font=font, stroke_width=max(1, line // 2),
                     stroke_fill=(255, 255, 255))
    return out


def _px(point: list[float], size: tuple[int, int]) -> tuple[float, float]:
    return point[0] * (size[0] - 1), point[1] * (size[1] - 1)


def _head(x1: float, y1: float, x2: float, y2: float, length: float) -> list[tuple[float, float]]:
    angle = math.atan2(y2 - y1, x2 - x1)
    left, right = angle + math.radians(155), angle - math.radians(155)
    return [(x2, y2), (x2 + length * math.cos(left), y2 + length * math.sin(left)),
            (x2 + length * math.cos(right), y2 + length * math.sin(right))]


def oriented_picture(path: Path, orientation: int | None) -> Image.Image:
    """The stored original as the officer sees it (EXIF orientation applied; HEIF rotates itself)."""
    try:
        image = Image.open(path)
        image.load()
    except Exception as exc:  # any decoder error: the reason goes to the officer
        raise BadInput("evidence.markup.unreadable", detail=str(exc)[:200]) from exc
    transpose = pixels.TRANSPOSE.get(orientation or 1) if image.format not in ("HEIF", "AVIF") else None
    return image.transpose(transpose) if transpose is not None else image


def save(ws: Workspace, evidence_id: str, shapes: Any) -> dict[str, Any]:
    """Draw the shapes on a copy of the photo and keep it as the photo's marked copy (replacing an earlier
    one). Returns the copy's evidence id and SHA-256 with the original's."""
    checked = validate(shapes)
    row = ws.db.execute("SELECT e.inspection_id, e.sha256, e.kind, e.original_name, p.orientation FROM evidence e"
                        " LEFT JOIN photo_meta p ON p.sha256 = e.sha256 WHERE e.id = ?", [evidence_id]).fetchone()
    if row is None:
        raise NotFound("evidence.no_such", id=evidence_id)
    inspection_id, sha, kind, name, orientation = row
    if kind != "photo":
        raise BadInput("evidence.not_a_photo_row", kind=kind)
    handling.require_draft(ws.db, inspection_id)
    original = ws.blobs.find(sha)
    if original is None:
        raise NotFound("evidence.markup.missing")
    marked = draw(oriented_picture(original, orientation), checked)
    out = io.BytesIO()
    marked.save(out, "JPEG", quality=QUALITY, comment=f"EcoField mark-up of {sha}".encode())
    ref = ws.blobs.put_bytes(out.getvalue(), "jpg")  # a new, read-only file; the original is not opened for writing
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    with write_transaction(ws.db):
        for (old_id, old_name, old_sha) in ws.db.execute(
                "SELECT id, original_name, sha256 FROM evidence WHERE derived_from = ?", [evidence_id]).fetchall():
            ws.db.execute("DELETE FROM evidence WHERE id = ?", [old_id])
            record(ws.db, "evidence", old_id, "delete", {"inspection_id": inspection_id, "sha256": old_sha,
                                                         "kind": "markup", "original_name": old_name,
                                                         "reason": "replaced by a new mark-up"})
        copy_id, _created = link_evidence(ws.db, inspection_id, ref, "markup", f"{stem}（标注）.jpg",
                                          derived_from=evidence_id,
                                          markup_json=json.dumps(checked, ensure_ascii=False))
    return {"id": copy_id, "sha256": ref.sha256, "derived_from": evidence_id, "original_sha256": sha,
            "shapes": checked}
