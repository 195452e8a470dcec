"""Hostile JPEGs made by mutating real ones: the structure walk, the MPF reader and render never raise
anything but UnreadablePhoto, finish within the deadline, and whatever they vouch for Pillow decodes.

Seeds are camera files from ../shared/fixtures/photos and generated camera-like files with an MPF preview
(baseline, progressive, restart markers, CMYK); mutations are truncation, byte flips, 0xFF bytes, deleted
ranges and spliced copies of the file's own segments (so markers and lengths move about as in a real
crafted file)."""

from __future__ import annotations

import io
from datetime import timedelta
from functools import cache

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from eco_field.evidence import embedded, jpeg, pixels
from tests.conftest import FIXTURES
from tests.evidence.conftest import noise_image, with_mpf_preview

REAL = ["exifsamples__jpg_Canon_40D.jpg", "exifsamples__jpg_Fujifilm_FinePix_E500.jpg",
        "exifsamples__jpg_Kodak_CX7530.jpg", "exifsamples__jpg_Nikon_D70.jpg",
        "exifsamples__jpg_exif-org_olympus-d320l.jpg", "thermalparser__DJI_XTS.jpg",
        "thermalparser__M3T_DJI_0001_R@888cde7.JPG"]


def _jpeg(image: Image.Image, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, **options)
    return out.getvalue()


@cache
def seeds() -> tuple[bytes, ...]:
    picture = noise_image((390, 260), seed=7)
    preview = picture.resize((288, 192))
    generated = [with_mpf_preview(_jpeg(picture), _jpeg(preview)),
                 with_mpf_preview(_jpeg(picture, progressive=True), _jpeg(preview, progressive=True)),
                 with_mpf_preview(_jpeg(picture, restart_marker_blocks=3), _jpeg(preview)),
                 with_mpf_preview(_jpeg(picture.convert("CMYK")), _jpeg(preview.convert("CMYK")))]
    real = [FIXTURES / "photos" / name for name in REAL]  # the corpus's camera files, when it is here
    return tuple(generated + [path.read_bytes() for path in real if path.exists()])


def _header_end(data: bytes) -> int:
    return max((end for _marker, _start, end in jpeg.jpeg_segments(data)), default=len(data))


def _segment_spans(data: bytes) -> list[tuple[int, int]]:
    spans = [(start - 4, end) for _marker, start, end in jpeg.jpeg_segments(data)]
    return spans or [(0, min(len(data), 16))]


# weighted: a truncation or a deleted range mostly gives a file any reader refuses at once
OPERATIONS = ["truncate", "delete"] + ["flip", "ff", "splice", "marker"] * 3


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds())))
    at = st.floats(0, 1, exclude_max=True)
    for _ in range(draw(st.integers(1, 3))):
        # most bytes are picture data; half the mutations go to the header, where a flip changes the layout
        region = len(data) if draw(st.booleans()) else _header_end(bytes(data))
        where = int(draw(at) * region) if data else 0
        operation = draw(st.sampled_from(OPERATIONS))
        if operation == "truncate":
            del data[where:]
        elif operation == "flip" and data:
            data[where] ^= draw(st.integers(1, 255))
        elif operation == "ff" and data:
            data[where] = 0xFF
        elif operation == "delete":
            del data[where:where + draw(st.integers(1, 64))]
        elif operation == "splice":  # a copy of one of the file's header segments, somewhere else
            start, end = draw(st.sampled_from(_segment_spans(bytes(data))))
            data[where:where] = data[start:end]
        else:  # a marker of any kind with any length, payload from the file itself
            length = draw(st.integers(0, 40))
            data[where:where] = bytes([0xFF, draw(st.integers(0, 255))]) + length.to_bytes(2, "big") + data[:length]
    return bytes(data)


def pillow_decodes(data: bytes) -> bool:
    """Pillow reads the whole file without an error (at 1/8 scale: the same tables, markers and data)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (256, 256))
            image.load()
    except Exception:
        return False
    return True


def decodable_size(data: bytes) -> bool:
    """Small enough to cross-check with a full decode in a test (a flipped size byte can declare 65535^2)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Exception:
        return False
    return width * height <= 50_000_000 and jpeg.coefficient_bytes(data) <= 64 * 1024 * 1024


FUZZ = settings(max_examples=600, derandomize=True, database=None, deadline=timedelta(seconds=5),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(mutated())
def test_structure_walk_and_mpf_reader_survive_hostile_files(data):
    structure = jpeg.main_image_end(data)
    if structure.end is not None:
        assert 4 <= structure.end <= len(data) and data[structure.end - 2:structure.end] == b"\xff\xd9"
        markers = jpeg.markers_only(data, structure)
        # the walk vouches for a layout; with the decoder's word on its segments, the file decodes whole
        if pixels.markers_decode(markers) and decodable_size(data):
            assert pillow_decodes(data[:structure.end])
    previews = jpeg.mpf_previews(data)
    assert len(previews) <= 2 * jpeg.MAX_PREVIEWS  # fitting in the file, then running past its end
    for found in embedded.candidates(data, 256):
        end = found.where.start + found.where.length
        assert 0 < found.where.start < end <= len(data) and max(found.image.size) >= 256
    assert jpeg.coefficient_bytes(data) >= 0


@FUZZ
@given(mutated(), st.sampled_from([None, 1, 6, 8]))
def test_render_refuses_with_a_reason_or_draws_from_what_pillow_decodes(data, orientation):
    try:
        rendered = pixels.render(data, "image/jpeg", orientation, 256)
    except pixels.UnreadablePhoto as refused:
        assert str(refused)
        return
    assert rendered.jpeg is not None and rendered.width > 0 and rendered.height > 0
    with Image.open(io.BytesIO(rendered.jpeg)) as thumb:
        assert max(thumb.size) <= 256
    event(f"source: {rendered.source}")
    if rendered.source != "decoded":  # the picture was never decoded: the decode would have accepted it
        assert jpeg.main_image_end(data).end is not None
        assert pillow_decodes(data)


@pytest.mark.parametrize("index", range(4), ids=["baseline", "progressive", "restart markers", "cmyk"])
def test_generated_seeds_are_whole_and_use_their_preview(index):
    """The seeds themselves take the fast path, so mutations exercise it rather than the decode."""
    data = seeds()[index]
    assert jpeg.main_image_end(data).end is not None
    assert pixels.render(data, "image/jpeg", 1, 256).source == "MPF large thumbnail (full HD)"
