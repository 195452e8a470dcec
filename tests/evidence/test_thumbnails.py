"""Thumbnails drawn from the camera's embedded preview, and the structure check that stands in for a decode.

Generated previews are tinted red, so a thumbnail shows which picture it was drawn from: red = the preview,
grey = the decoded picture.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess

import pytest
from PIL import Image, ImageChops, ImageStat

from eco_field.evidence import embedded, jpeg, pixels, service
from tests.conftest import fixture_file
from tests.evidence.conftest import (
    MPF_DISPARITY,
    jpeg_bytes,
    make_photo,
    noise_image,
    photo_with_preview,
    with_mpf_preview,
)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def imported(workspace, inspection, *paths):
    return service.import_paths(workspace, inspection, list(paths), workers=1)


def stored_meta(workspace, path) -> dict:
    row = workspace.db.execute("SELECT meta_json FROM photo_meta WHERE sha256 = ?", [sha(path)]).fetchone()
    return json.loads(row[0])


def thumbnail_source(workspace, path) -> str | None:
    return stored_meta(workspace, path).get("thumbnail_source")


def mean_rgb(path_or_image) -> list[float]:
    image = path_or_image if isinstance(path_or_image, Image.Image) else Image.open(path_or_image)
    return ImageStat.Stat(image.convert("RGB")).mean


def is_red(rgb: list[float]) -> bool:
    return rgb[0] > rgb[1] + 100 and rgb[0] > rgb[2] + 100


def test_thumbnail_from_mpf_preview_keeps_orientation_and_aspect(workspace, inspection, tmp_path):
    # stored landscape 1200x800 with orientation 6 (shown turned 90 degrees clockwise): a 171x256 thumbnail
    photo = photo_with_preview(tmp_path / "cam.jpg", orientation=6)
    report = imported(workspace, inspection, photo)
    assert report.errors == []
    assert thumbnail_source(workspace, photo) == "MPF large thumbnail (full HD)"
    with Image.open(service.thumbnail_path(workspace, sha(photo))) as thumb:
        assert thumb.size == (171, 256)
        assert b"not evidence" in thumb.info.get("comment", b"")
        assert is_red(mean_rgb(thumb))  # drawn from the (red-tinted) preview
        # the picture is a gradient dark at its stored top; turned clockwise, the dark side is on the right
        grey = thumb.convert("L")
        left, right = (ImageStat.Stat(grey.crop(box)).mean[0] for box in ((0, 0, 40, 256), (131, 0, 171, 256)))
        assert right < left - 10
    listed = service.list_evidence(workspace.db, inspection)[0]
    assert (listed["width"], listed["height"]) == (1200, 800)  # the picture's size, not the preview's


def test_preview_with_another_aspect_falls_back_to_decoding(workspace, inspection, tmp_path):
    photo = photo_with_preview(tmp_path / "letterbox.jpg", preview_size=(640, 480))  # 4:3 preview of a 3:2 picture
    imported(workspace, inspection, photo)
    assert thumbnail_source(workspace, photo) == "decoded"
    with Image.open(service.thumbnail_path(workspace, sha(photo))) as thumb:
        assert thumb.size == (256, 171) and not is_red(mean_rgb(thumb))


@pytest.mark.parametrize("case", ["too small", "stereo view", "gain map", "stale index"])
def test_unfit_previews_are_not_used(workspace, inspection, tmp_path, case):
    path = tmp_path / "p.jpg"
    if case == "too small":
        photo_with_preview(path, preview_size=(240, 160))
    elif case == "stereo view":  # an MPO's second image is another picture, whatever its size
        photo_with_preview(path, mp_type=MPF_DISPARITY)
    elif case == "gain map":  # phones (Ultra HDR, iPhone) store HDR gain maps as MPF images of type 0
        photo_with_preview(path, mp_type=0)
    else:  # the picture re-encoded by a tool that copied the old MPF index and preview: the offset misses
        photo_with_preview(path)
        data = path.read_bytes()
        end = jpeg.main_image_end(data).end
        reencoded = io.BytesIO()
        Image.open(io.BytesIO(data)).save(reencoded, "JPEG", quality=70)
        head = data[:data.index(b"\xff\xdb")]  # SOI + APPn (Exif, MPF) of the original
        body = reencoded.getvalue()
        path.write_bytes(head + body[body.index(b"\xff\xdb"):] + data[end:])
        assert jpeg.mpf_previews(path.read_bytes())[0].start != jpeg.main_image_end(path.read_bytes()).end
    report = imported(workspace, inspection, path)
    assert report.errors == []
    assert thumbnail_source(workspace, path) == "decoded"
    assert not is_red(mean_rgb(service.thumbnail_path(workspace, sha(path))))


def test_truncated_jpeg_with_a_preview_is_still_refused(workspace, inspection, tmp_path):
    whole = photo_with_preview(tmp_path / "whole.jpg").read_bytes()
    end = jpeg.main_image_end(whole).end
    (tmp_path / "cut.jpg").write_bytes(whole[: end // 2])  # cut inside the picture data
    report = imported(workspace, inspection, tmp_path / "cut.jpg")
    assert report.imported == [] and "truncated" in report.errors[0]["error"]


def test_a_jpeg_without_end_marker_is_judged_by_decoding_as_before(workspace, inspection, tmp_path):
    whole = photo_with_preview(tmp_path / "whole.jpg").read_bytes()
    end = jpeg.main_image_end(whole).end
    late = tmp_path / "cut_late.jpg"
    late.write_bytes(whole[: end - 2])  # only the end marker missing (as the DJI XT S writes them)
    report = imported(workspace, inspection, late)
    assert report.errors == []
    assert thumbnail_source(workspace, late) == "decoded"
    assert stored_meta(workspace, late)["warnings"] == ["JPEG end marker missing"]


def test_a_cut_off_preview_does_not_cost_a_whole_picture(workspace, inspection, tmp_path):
    whole = photo_with_preview(tmp_path / "whole.jpg").read_bytes()
    end = jpeg.main_image_end(whole).end
    cut = tmp_path / "cut_in_preview.jpg"
    cut.write_bytes(whole[: end + (len(whole) - end) // 2])  # the picture is whole, its preview is not
    report = imported(workspace, inspection, cut)
    assert report.errors == [] and thumbnail_source(workspace, cut) == "decoded"


def test_garbage_after_a_valid_end_marker_is_fine(workspace, inspection, tmp_path):
    plain = make_photo(tmp_path / "plain.jpg", size=(600, 400))
    plain.write_bytes(plain.read_bytes() + os.urandom(5000))
    with_preview = photo_with_preview(tmp_path / "cam.jpg")
    with_preview.write_bytes(with_preview.read_bytes() + b"\x00" * 100 + os.urandom(5000))
    report = imported(workspace, inspection, plain, with_preview)
    assert report.errors == [] and len(report.imported) == 2
    assert thumbnail_source(workspace, with_preview) == "MPF large thumbnail (full HD)"
    assert thumbnail_source(workspace, plain) == "decoded"
    assert stored_meta(workspace, plain)["warnings"] == stored_meta(workspace, with_preview)["warnings"] == []


def test_bomb_is_refused_from_its_header_even_with_a_preview(workspace, inspection, tmp_path):
    data = bytearray(photo_with_preview(tmp_path / "src.jpg").read_bytes())
    sof = data.find(b"\xff\xc0")
    data[sof + 5:sof + 9] = (65000).to_bytes(2, "big") * 2
    (tmp_path / "bomb.jpg").write_bytes(bytes(data))
    report = imported(workspace, inspection, tmp_path / "bomb.jpg")
    assert "decompression bomb" in report.errors[0]["error"]


def test_1600_preview_is_decoded_from_the_original(workspace, inspection, tmp_path):
    photo = photo_with_preview(tmp_path / "cam.jpg", size=(2400, 1600), preview_size=(1800, 1200))
    imported(workspace, inspection, photo)
    assert is_red(mean_rgb(service.thumbnail_path(workspace, sha(photo))))
    preview = service.thumbnail_path(workspace, sha(photo), 1600)
    with Image.open(preview) as image:
        assert image.size == (1600, 1067) and not is_red(mean_rgb(image))


def test_a_thumbnail_made_again_is_drawn_from_the_picture(workspace, inspection, tmp_path):
    photo = photo_with_preview(tmp_path / "cam.jpg", orientation=8)
    imported(workspace, inspection, photo)
    thumb = service.thumbnail_path(workspace, sha(photo))
    assert is_red(mean_rgb(thumb))  # from the preview, at import
    thumb.unlink()  # the cache cleared
    with Image.open(service.thumbnail_path(workspace, sha(photo))) as again:
        assert again.size == (171, 256) and not is_red(mean_rgb(again))


def test_preview_drawn_thumbnails_are_redrawn_from_the_picture(workspace, inspection, tmp_path):
    """A crafted file's preview may show another scene: afterwards every preview-drawn thumbnail is drawn
    again from the picture, and the metadata says where it came from first."""
    from eco_field.evidence import redraw

    photos = [photo_with_preview(tmp_path / f"cam{i}.jpg", seed=i) for i in range(3)]
    plain = make_photo(tmp_path / "plain.jpg")
    imported(workspace, inspection, *photos, plain)
    assert sorted(redraw.pending(workspace.db, inspection)) == sorted(sha(p) for p in photos)
    seen = []
    done = redraw.redraw_thumbnails(workspace, inspection, progress=lambda i, n, s: seen.append((i, n)))
    assert done == {"redrawn": 3, "refused": [], "cancelled": False} and seen[-1] == (3, 3)
    for photo in photos:
        assert not is_red(mean_rgb(service.thumbnail_path(workspace, sha(photo))))
        meta = stored_meta(workspace, photo)
        assert (meta["thumbnail_source"], meta["thumbnail_first_drawn_from"]) == (
            "decoded", "MPF large thumbnail (full HD)")
    assert redraw.pending(workspace.db) == []
    assert redraw.redraw_thumbnails(workspace)["redrawn"] == 0


def test_real_drone_files_use_their_previews_or_decode(workspace, inspection):
    photos = fixture_file("photos")
    names = {"thermalparser__DJI_H20T.jpg": "MPF large thumbnail (VGA)",
             "thermalparser__M3T_DJI_0001_R@888cde7.JPG": "MPF large thumbnail (VGA)",
             "thermalparser__DJI_XT2.jpg": "decoded",  # its 320x256 IFD1 thumbnail is not bound to the picture
             "thermalparser__DJI_XTS.jpg": "decoded",  # no end marker: the decode judges it, as before
             "exifsamples__jpg_gps_DSCN0010.jpg": "decoded"}  # a 160x120 EXIF thumbnail is too small
    report = imported(workspace, inspection, *(photos / name for name in names))
    assert report.errors == []
    for name, source in names.items():
        assert thumbnail_source(workspace, photos / name) == source, name
        with Image.open(service.thumbnail_path(workspace, sha(photos / name))) as thumb:
            assert max(thumb.size) == 256
    xts = [i for i in service.list_evidence(workspace.db, inspection) if i["original_name"].endswith("XTS.jpg")]
    assert xts[0]["width"] == 640


def test_real_mpf_preview_shows_the_same_picture(monkeypatch):
    """The M3T's 960x768 preview and its 640x512 picture, both made into thumbnails, look alike."""
    data = fixture_file("photos", "thermalparser__M3T_DJI_0001_R@888cde7.JPG").read_bytes()
    from_preview = pixels.render(data, "image/jpeg", 1, 256)
    monkeypatch.setattr(pixels, "EMBEDDED_UP_TO", 0)
    decoded = pixels.render(data, "image/jpeg", 1, 256)
    assert (from_preview.source, decoded.source) == ("MPF large thumbnail (VGA)", "decoded")
    a, b = (Image.open(io.BytesIO(r.jpeg)).convert("L") for r in (from_preview, decoded))
    assert a.size == b.size and ImageStat.Stat(ImageChops.difference(a, b)).mean[0] < 8


@pytest.mark.parametrize("options", [{}, {"progressive": True}, {"restart_marker_blocks": 4}],
                         ids=["baseline", "progressive", "restart markers"])
def test_structure_walk_finds_the_end_of_the_picture(options):
    data = jpeg_bytes((333, 222), quality=90, **options)
    assert jpeg.main_image_end(data).end == len(data)
    assert jpeg.main_image_end(data + b"\xff\xd8 trailing bytes").end == len(data)
    assert jpeg.main_image_end(data[:-2]).end is None
    assert jpeg.main_image_end(data[: len(data) // 2]).end is None


def test_structure_walk_distrusts_a_stray_marker_in_the_picture_data():
    data = bytearray(jpeg_bytes((333, 222), quality=90))
    sos = data.find(b"\xff\xda")
    middle = (sos + len(data)) // 2
    data[middle:middle + 2] = b"\xff\xc0"  # a frame header inside the entropy-coded data
    assert jpeg.main_image_end(bytes(data)).end is None


def test_hostile_mpf_index_is_ignored(tmp_path):
    photo = photo_with_preview(tmp_path / "p.jpg")
    data = bytearray(photo.read_bytes())
    at = data.find(b"MPF\x00") + 4
    entries = at + 8 + 2 + 3 * 12 + 4
    data[entries + 16 + 8:entries + 16 + 12] = (0xFFFFFFF0).to_bytes(4, "big")  # preview far past the end
    assert embedded.candidates(bytes(data), 256) == []
    data[at:at + 4] = b"XX\x00\x2a"  # not a TIFF header
    assert jpeg.mpf_previews(bytes(data)) == []


def test_generated_mpf_files_read_as_camera_previews_in_exiftool(tmp_path):
    if not shutil.which("exiftool"):
        pytest.skip("exiftool is not installed")
    photo = photo_with_preview(tmp_path / "p.jpg")
    out = subprocess.run(["exiftool", "-j", "-G1", "-MPImageType", "-MPImageStart", "-MPImageLength", str(photo)],
                         capture_output=True, text=True, check=True).stdout
    ref = json.loads(out)[0]
    assert ref["MPImage2:MPImageType"] == "Large Thumbnail (full HD equivalent)"
    assert ref["MPImage2:MPImageStart"] == jpeg.main_image_end(photo.read_bytes()).end


def test_png_screenshot_with_no_preview_still_decodes():
    out = io.BytesIO()
    noise_image((300, 200)).save(out, "PNG")
    rendered = pixels.render(out.getvalue(), "image/png", None, 256)
    assert rendered.source == "decoded" and rendered.width == 300


def test_with_mpf_preview_helper_keeps_the_main_image_readable(tmp_path):
    data = with_mpf_preview(jpeg_bytes((300, 200)), jpeg_bytes((300, 200)))
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        assert image.size == (300, 200)
