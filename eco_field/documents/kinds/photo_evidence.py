"""现场照片证据: each photo of the inspection with time, place, GPS, photographer, SHA-256 and what it proves
(证明事项), three a page, printed from a 300 dpi copy at its printed size. A photo the officer marked up is
printed as its marked copy, with the original's SHA-256 and the copy's beside it."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Spacer, Table

from eco_field.documents import images, sources
from eco_field.documents.kinds.common import Source, bureau, cn_time, officer_signatures
from eco_field.documents.layout import FRAME_W, Page, grid_style
from eco_field.errors import BadInput

KIND = "photo-evidence"
TITLE = "现场照片证据"
SOURCE = "inspection"
PHOTO_BOX_MM = (80.0, 60.0)
FLAG_LABELS = {"far_from_site": "拍摄位置距检查地点较远", "outside_window": "拍摄时间不在检查时段内",
               "no_location": "无GPS信息", "no_timestamp": "无拍摄时间", "duplicate": "与其他照片重复",
               "clock_mismatch": "相机时钟与GPS时间不符"}


def gather(src: Source) -> dict[str, Any]:
    insp = sources.inspection(src.db, src.need_inspection())
    photos = sources.photos(src.db, insp["id"])
    if not photos:
        raise BadInput("documents.no_photos", inspection=insp["id"])
    return {"inspection": insp, "party": sources.party(src.db, insp["enterprise_id"], strict=False),
            "photos": photos, "bureau": bureau(src), "time_zone": src.setting("time_zone")}


def prepare(src: Source) -> None:
    """Downsample every photo before the write lock is taken (cached by SHA-256)."""
    for photo in sources.photos(src.db, src.need_inspection()):
        sha = _printed_sha(photo)
        original = src.ws.blobs.find(sha)
        if original:
            images.printable(original, sha, PHOTO_BOX_MM, src.ws.cache_dir)


def _printed_sha(photo: dict[str, Any]) -> str:
    """The marked copy when the officer marked the photo up, else the original."""
    marked = photo.get("marked")
    return marked["sha256"] if isinstance(marked, dict) and marked.get("sha256") else photo["sha256"]


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    insp, party, tz = rec["inspection"], rec["party"], rec["time_zone"]
    out: list[Flowable] = page.heading()
    out.append(page.fields([("当事人", party["name"]), ("检查时间", cn_time(insp["started_at"], tz)),
                            ("检查地点", insp["place"]), ("照片数量", f"{len(rec['photos'])}张")],
                           label_width=26 * mm, columns=2))
    out.append(Spacer(1, 3 * mm))
    officers = insp["officers"]
    default_by = "、".join(o["name"] for o in officers)
    for index, photo in enumerate(rec["photos"], start=1):
        out.append(_photo_row(page, index, photo, default_by, tz))
    out.append(Spacer(1, 2 * mm))
    out.append(page.p("以上照片系执法人员在现场检查时拍摄，原始文件已按SHA-256摘要封存，与原件一致。", "plain"))
    if any(_printed_sha(p) != p["sha256"] for p in rec["photos"]):
        out.append(page.p("列有“标注件”的照片，图中箭头、圆圈和文字系执法人员所加，印制的是标注件；"
                          "原始照片未作改动，其SHA-256摘要以“（原件）”标明。", "plain"))
    out.append(page.signatures([("当事人（签章）", party["name"])] + officer_signatures(officers, "拍摄人／执法人员")))
    return out


def _photo_row(page: Page, index: int, photo: dict[str, Any], default_by: str, tz: str) -> Table:
    ws = page.resources
    sha = _printed_sha(photo)
    original = ws.blobs.find(sha) if ws is not None else None
    printed = images.printable(original, sha, PHOTO_BOX_MM, ws.cache_dir) if original else None
    picture: Flowable = (Image(str(printed[0]), width=printed[1] * mm, height=printed[2] * mm) if printed
                         else page.p("（原始照片文件缺失或无法读取）", "cell"))
    gps = ""
    if photo.get("lat") is not None and photo.get("lon") is not None:
        lat, lon = photo["lat"], photo["lon"]
        gps = f"{'北纬' if lat >= 0 else '南纬'} {abs(lat):.6f}°，{'东经' if lon >= 0 else '西经'} {abs(lon):.6f}°"
        if photo.get("alt") is not None:
            gps += f"，海拔 {photo['alt']:.0f} m"
    place = _distance(photo.get("distance_m"))
    device = " ".join(x for x in (photo.get("make"), photo.get("model")) if x)
    flags = "；".join(FLAG_LABELS.get(f, str(f)) for f in (photo.get("flags") or []))
    caption = [("照片编号", f"{index}（{photo.get('original_name') or ''}）"),
               ("拍摄时间", cn_time(photo.get("taken_at"), tz) if photo.get("taken_at") else "未记录"),
               ("拍摄地点", place or "见检查地点"), ("GPS", gps or "未记录"),
               ("拍摄人", photo.get("photographer") or default_by), ("拍摄设备", device or "未记录"),
               ("SHA-256", ("（原件）" if sha != photo["sha256"] else "") + photo["sha256"])]
    if sha != photo["sha256"]:
        caption.append(("标注件", sha))
    caption += [("证明事项", photo.get("caption") or ""), ("备注", flags)]
    lines = Table([[page.p(k, "small"), page.p(str(v), "small")] for k, v in caption],
                  colWidths=[15 * mm, FRAME_W - PHOTO_BOX_MM[0] * mm - 23 * mm])
    lines.setStyle([("FONTNAME", (0, 0), (-1, -1), page.fonts.main), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (0, 0), (-1, -1), 2)])
    # the row is as tall as the picture box, taller only when the lines need it (a marked copy's two hashes)
    height = PHOTO_BOX_MM[1] * mm + 6 * mm
    needed = lines.wrap(FRAME_W - PHOTO_BOX_MM[0] * mm - 4 * mm, height)[1] + 6
    row = Table([[picture, lines]], colWidths=[PHOTO_BOX_MM[0] * mm + 4 * mm, FRAME_W - PHOTO_BOX_MM[0] * mm - 4 * mm],
                rowHeights=[max(height, needed)])
    row.setStyle(grid_style(page.fonts.main))
    row.setStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (0, 0), "CENTER")])
    return row


def _distance(metres: float | None) -> str:
    if metres is None:
        return ""
    return f"距检查地点约 {metres:.0f} m" if metres < 1000 else f"距检查地点约 {metres / 1000:.1f} km"
