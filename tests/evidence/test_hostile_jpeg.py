"""Crafted JPEGs against the structure walk, the MPF reader and the preview path: each case is a file a
party could hand over. The rule: refused with a reason or imported, never a crash, a hang or a huge
allocation, and a thumbnail is drawn from a preview only when the decode would have accepted the picture."""

from __future__ import annotations

import io
import struct
import tracemalloc

import pytest
from PIL import Image, ImageChops, ImageStat

from eco_field.evidence import embedded, jpeg, pixels
from tests.evidence.conftest import MPF_FULL_HD_THUMBNAIL, noise_image, with_mpf_preview

PREVIEW_KIND = "MPF large thumbnail (full HD)"


def encode(image: Image.Image, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, **options)
    return out.getvalue()


def picture_and_preview(**options) -> tuple[bytes, bytes]:
    picture = noise_image((390, 260), seed=3)
    return encode(picture, **options), encode(picture.resize((288, 192)), **options)


def camera_file(**options) -> bytes:
    return with_mpf_preview(*picture_and_preview(**options))


def with_mpf_entries(main: bytes, entries: list[tuple[int, int, int]], tail: bytes) -> bytes:
    """main with an MPF index of the primary image plus entries (type, offset after main's EOI, length), and
    tail appended after the main image: a hand-written index, as a crafted file would carry."""
    insert_at = 2
    while main[insert_at] == 0xFF and 0xE0 <= main[insert_at + 1] <= 0xEF:
        insert_at += 2 + int.from_bytes(main[insert_at + 2:insert_at + 4], "big")
    count = 1 + len(entries)
    segment_len = 2 + 4 + 8 + 2 + 3 * 12 + 4 + 16 * count
    primary_size = len(main) + 2 + segment_len
    tiff_at = insert_at + 8
    ifd = b"MM\x00\x2a" + struct.pack(">IH", 8, 3)
    ifd += struct.pack(">HHI4s", 0xB000, 7, 4, b"0100") + struct.pack(">HHII", 0xB001, 4, 1, count)
    ifd += struct.pack(">HHIII", 0xB002, 7, 16 * count, 8 + 2 + 3 * 12 + 4, 0)
    ifd += struct.pack(">IIIHH", 0xA0030000, primary_size, 0, 0, 0)
    for mp_type, offset, length in entries:
        ifd += struct.pack(">IIIHH", mp_type, length, primary_size + offset - tiff_at, 0, 0)
    app2 = b"\xff\xe2" + segment_len.to_bytes(2, "big") + b"MPF\x00" + ifd
    return main[:insert_at] + app2 + main[insert_at:] + tail


def render(data: bytes) -> pixels.Rendered:
    return pixels.render(data, "image/jpeg", 1, 256)


def decode_verdict(data: bytes, monkeypatch) -> str:
    """What the plain decode (no preview) says of the file: "ok" or its refusal."""
    with monkeypatch.context() as patched:
        patched.setattr(pixels, "EMBEDDED_UP_TO", 0)
        try:
            pixels.render(data, "image/jpeg", 1, 256)
        except pixels.UnreadablePhoto as refused:
            return str(refused)
    return "ok"


def replace_segment(data: bytes, marker: bytes, edit) -> bytes:
    """data with the first segment of marker replaced by edit(bytearray of the whole segment)."""
    at = data.index(marker)
    length = int.from_bytes(data[at + 2:at + 4], "big")
    segment = bytearray(data[at:at + 2 + length])
    return data[:at] + bytes(edit(segment)) + data[at + 2 + length:]


# -- the MPF index -----------------------------------------------------------------------------------------


def test_an_mpf_index_with_a_number_for_its_entries_falls_back_to_decoding():
    """0xB002 written as one LONG: it used to raise TypeError inside render, which refused a good photo."""
    data = bytearray(camera_file())
    ifd = data.find(b"MPF\x00") + 4 + 8 + 2
    entry = next(ifd + 12 * i for i in range(3) if data[ifd + 12 * i:ifd + 12 * i + 2] == b"\xb0\x02")
    data[entry + 2:entry + 8] = struct.pack(">HI", 4, 1)
    assert jpeg.mpf_previews(bytes(data)) == []
    assert render(bytes(data)).source == "decoded"


def test_an_index_listing_one_preview_thousands_of_times_copies_it_once():
    """4000 entries for the same bytes used to open (and copy out) the preview 4000 times, all kept alive:
    with a 7 MB file, 28 GB. Overlapping entries are dropped, so the copies stay within the file's size."""
    main, preview = picture_and_preview()
    data = with_mpf_entries(main, [(MPF_FULL_HD_THUMBNAIL, 0, len(preview))] * 4000, preview)
    assert len(jpeg.mpf_previews(data)) == 1
    tracemalloc.start()
    try:
        found = embedded.candidates(data, 256)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(found) == 1 and peak < 2 * len(data)
    assert render(data).source == PREVIEW_KIND


def test_at_most_a_few_previews_are_opened():
    main, preview = picture_and_preview()
    entries = [(MPF_FULL_HD_THUMBNAIL, i * len(preview), len(preview)) for i in range(12)]
    data = with_mpf_entries(main, entries, preview * 12)
    assert len(jpeg.mpf_previews(data)) == jpeg.MAX_PREVIEWS
    assert render(data).source == PREVIEW_KIND


def test_an_index_pointing_at_itself_or_into_the_main_image_is_not_followed():
    main, preview = picture_and_preview()
    # a valid JPEG of the same aspect hidden in a comment segment of the main image, after the MPF index
    tables = main.index(b"\xff\xdb")
    hidden = b"\xff\xfe" + (2 + len(preview)).to_bytes(2, "big") + preview
    data = bytearray(with_mpf_entries(main[:tables] + hidden + main[tables:],
                                      [(MPF_FULL_HD_THUMBNAIL, 0, len(preview))], b""))
    tiff_at = data.index(b"MPF\x00") + 4
    offset_field = tiff_at + 8 + 2 + 3 * 12 + 4 + 16 + 8  # the second entry's offset
    inside = data.index(b"\xfe" + hidden[2:4] + b"\xff\xd8") + 3  # the hidden SOI
    data[offset_field:offset_field + 4] = struct.pack(">I", inside - tiff_at)
    assert [p.start for p in jpeg.mpf_previews(bytes(data))] == [inside]
    assert embedded.candidates(bytes(data), 256)  # a fine preview in itself, but inside the main image
    assert render(bytes(data)).source == "decoded"
    data[offset_field:offset_field + 4] = struct.pack(">I", 8)  # at the index's own IFD
    assert jpeg.mpf_previews(bytes(data)) == []


def test_a_preview_that_is_itself_a_bomb_is_not_decoded():
    """A progressive 'preview' declaring 6000x4000 (the main image's aspect) needs 72 MB of coefficients."""
    main, preview = picture_and_preview(progressive=True)

    def huge(segment):
        segment[5:9] = struct.pack(">HH", 4000, 6000)
        return segment

    bomb = replace_segment(preview, b"\xff\xc2", huge)
    data = with_mpf_preview(main, bomb)
    assert jpeg.coefficient_bytes(bomb) > embedded.MAX_PREVIEW_COEFFICIENT_BYTES
    assert embedded.candidates(data, 256) == []
    assert render(data).source == "decoded"


# -- what the walk vouches for, the decoder reads -----------------------------------------------------------


def _dup_sof(data: bytes) -> bytes:
    at = data.index(b"\xff\xc0")
    length = int.from_bytes(data[at + 2:at + 4], "big")
    return data[:at] + data[at:at + 2 + length] + data[at:]


def _sos_length(data: bytes) -> bytes:
    return replace_segment(data, b"\xff\xda", lambda s: s[:3] + bytes([s[3] + 2]) + s[4:] + b"\x00\x00")


def _dqt_index(data: bytes) -> bytes:
    return replace_segment(data, b"\xff\xdb", lambda s: s[:4] + b"\x05" + s[5:])


def _unknown_marker_after_scan(data: bytes) -> bytes:
    end = jpeg.main_image_end(data).end
    return data[:end - 2] + b"\xff\x02\x00\x04ab" + data[end - 2:]


def _second_soi(data: bytes) -> bytes:
    at = data.index(b"\xff\xdb")
    return data[:at] + b"\xff\xd8" + data[at:]


def _undefined_huffman_table(data: bytes) -> bytes:
    # scan header: length, Ns, then (component, DC<<4|AC table) pairs; table 3 is never defined
    return replace_segment(data, b"\xff\xda", lambda s: s[:6] + b"\x33" + s[7:])


@pytest.mark.parametrize("craft", [_dup_sof, _sos_length, _dqt_index, _unknown_marker_after_scan, _second_soi,
                                   _undefined_huffman_table])
def test_a_layout_the_decoder_refuses_is_refused_whatever_the_preview(craft, monkeypatch):
    """Each used to get a thumbnail from its preview while the decoder refuses the picture itself (the
    picture is crafted before its preview is attached, so the MPF offset still lands on the preview)."""
    main, preview = picture_and_preview()
    data = with_mpf_preview(craft(main), preview)
    verdict = decode_verdict(data, monkeypatch)
    assert verdict != "ok"
    with pytest.raises(pixels.UnreadablePhoto) as refused:
        render(data)
    assert str(refused.value) == verdict


def test_markers_only_keeps_every_segment_and_shrinks_the_frame():
    data = camera_file(progressive=True)
    structure = jpeg.main_image_end(data)
    markers = jpeg.markers_only(data, structure)
    assert len(markers) < structure.end // 4 and markers.endswith(b"\xff\xd9")
    assert markers.count(b"\xff\xda") == data[:structure.end].count(b"\xff\xda")
    with Image.open(io.BytesIO(markers)) as image:
        assert max(image.size) <= 16
    assert pixels.markers_decode(markers)


# -- the walk on odd but valid files -----------------------------------------------------------------------


def test_an_end_marker_inside_an_app_segment_does_not_end_the_picture():
    data = camera_file()
    end = jpeg.main_image_end(data).end
    decoy = b"\xff\xd9\xff\xd9 not the end"
    app = b"\xff\xeb" + (2 + len(decoy)).to_bytes(2, "big") + decoy
    in_header = data[:2] + app + data[2:]
    before_eoi = data[:end - 2] + app + data[end - 2:]
    for crafted, expected in ((in_header, end + len(app)), (before_eoi, end + len(app))):
        assert jpeg.main_image_end(crafted).end == expected
    assert render(before_eoi).source == "decoded"  # the MPF offset no longer lands on the preview


def test_fill_bytes_before_markers_are_read_as_the_decoder_reads_them():
    main, preview = picture_and_preview(progressive=True)
    padded = main.replace(b"\xff\xc4", b"\xff\xff\xff\xc4").replace(b"\xff\xda", b"\xff\xff\xda")
    padded = padded[:-2] + b"\xff\xff\xff\xd9"
    data = with_mpf_preview(padded, preview)
    assert jpeg.main_image_end(data).end == len(data) - len(preview)
    assert render(data).source == PREVIEW_KIND
    with Image.open(io.BytesIO(data)) as image:
        image.load()


def test_restart_markers_and_a_segment_too_short_to_have_a_length():
    data = camera_file(restart_marker_blocks=2)
    assert render(data).source == PREVIEW_KIND
    short = data[:2] + b"\xff\xe5\x00\x01" + data[2:]  # APP5 with length 1: no valid layout after it
    structure = jpeg.main_image_end(short)
    assert structure.end is None
    try:
        assert render(short).source == "decoded"
    except pixels.UnreadablePhoto as refused:
        assert str(refused)


def test_a_height_left_to_a_dnl_marker_is_refused_as_empty():
    data = replace_segment(camera_file(), b"\xff\xc0", lambda s: s[:5] + b"\x00\x00" + s[7:])
    end = jpeg.main_image_end(data).end
    data = data[:end - 2] + b"\xff\xdc\x00\x04\x01\x04" + data[end - 2:]
    with pytest.raises(pixels.UnreadablePhoto, match="empty size|not a readable image"):
        render(data)


@pytest.mark.parametrize("variant", ["arithmetic", "lossless", "12-bit"])
def test_jpeg_variants_are_left_to_the_decode(variant):
    data = bytearray(camera_file())
    sof = data.index(b"\xff\xc0")
    if variant == "arithmetic":
        data[sof + 1] = 0xC9
    elif variant == "lossless":
        data[sof + 1] = 0xC3
    else:
        data[sof + 4] = 12
    structure = jpeg.main_image_end(bytes(data))
    assert structure.end is None and "variant" in structure.reason
    try:
        assert render(bytes(data)).source == "decoded"
    except pixels.UnreadablePhoto as refused:
        assert str(refused)


# -- bombs in a layout decoded whole ------------------------------------------------------------------------


def _tiny(progressive: bool) -> bytes:
    return encode(Image.new("RGB", (64, 64), "grey"), progressive=progressive, subsampling=0)


def test_a_progressive_bomb_within_the_pixel_limit_is_refused_from_its_header():
    """10000x9999 progressive is under the 100 MP limit but buffers 572 MB of coefficients (a 563-byte file
    made a worker allocate 600 MB)."""
    data = replace_segment(_tiny(True), b"\xff\xc2", lambda s: s[:5] + struct.pack(">HH", 9999, 10000) + s[9:])
    with pytest.raises(pixels.UnreadablePhoto, match="decompression bomb"):
        render(data)


def test_a_multi_scan_baseline_bomb_is_refused_from_its_header():
    """Three one-component scans (non-interleaved) make libjpeg buffer the whole image: a 671-byte file
    declaring 20000x19999 made a worker allocate 2.3 GB; the 400 MP limit assumes a streamed 1/8 decode."""
    data = replace_segment(_tiny(False), b"\xff\xc0", lambda s: s[:5] + struct.pack(">HH", 19999, 20000) + s[9:])
    sos = data.index(b"\xff\xda")
    components = [data[sos + 5 + 2 * i:sos + 7 + 2 * i] for i in range(data[sos + 4])]
    scans = b"".join(b"\xff\xda\x00\x08\x01" + c + b"\x00\x3f\x00" + bytes(10) for c in components)
    data = data[:sos] + scans + b"\xff\xd9"
    assert jpeg.coefficient_bytes(data) > pixels.MAX_COEFFICIENT_BYTES
    with pytest.raises(pixels.UnreadablePhoto, match="decompression bomb"):
        render(data)


def test_ordinary_progressive_and_baseline_files_are_not_taken_for_bombs():
    picture = noise_image((600, 400))
    assert jpeg.coefficient_bytes(encode(picture)) == 0  # streamed
    assert 0 < jpeg.coefficient_bytes(encode(picture, progressive=True)) < 1_000_000
    assert render(encode(picture, progressive=True)).width == 600


# -- colours ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("transform", [0, 2], ids=["Adobe CMYK", "Adobe YCCK"])
def test_cmyk_previews_give_the_colours_of_the_decoded_picture(transform):
    """The thumbnail drawn from a CMYK or YCCK preview matches Pillow's full decode of the picture."""
    picture = Image.blend(noise_image((390, 260), seed=5), Image.new("RGB", (390, 260), (40, 160, 90)), 0.6)
    main, preview = (encode(image.convert("CMYK")) for image in (picture, picture.resize((288, 192))))
    if transform:  # the same bytes read as YCCK by the decoder: the colours change, in both alike
        main, preview = (p.replace(b"Adobe\x00d\x00\x00\x00\x00\x00", b"Adobe\x00d\x00\x00\x00\x00\x02")
                         for p in (main, preview))
    data = with_mpf_preview(main, preview)
    rendered = render(data)
    assert rendered.source == PREVIEW_KIND
    with Image.open(io.BytesIO(data)) as full:
        full.load()
        expected = full.convert("RGB").resize((256, 171), Image.Resampling.BICUBIC)
    with Image.open(io.BytesIO(rendered.jpeg)) as thumb:
        got = thumb.convert("RGB")
        assert got.size == expected.size
        difference = ImageStat.Stat(ImageChops.difference(got, expected)).mean
    assert max(difference) < 12, difference


def test_an_entry_running_past_the_end_of_the_file_does_not_hide_the_real_preview():
    main, preview = picture_and_preview()
    data = with_mpf_entries(main, [(MPF_FULL_HD_THUMBNAIL, 0, 0xFFFFFFF0), (MPF_FULL_HD_THUMBNAIL, 0, len(preview))],
                            preview)
    assert [p.length for p in jpeg.mpf_previews(data)] == [len(preview), 0xFFFFFFF0]
    assert render(data).source == PREVIEW_KIND
