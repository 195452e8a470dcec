"""Every name a file was seen under, and which of them to show: the camera's own (DCIM/DJI_0001.JPG) wins
over a copy an officer or a file manager made beside it ("DJI_0001 (1).JPG", "副本 DJI_0001.JPG")."""

from __future__ import annotations

import re

# names cameras, drones and phones give their files
_CAMERA_NAME = re.compile(
    r"^(DJI_\d{4}|IMG_\d{4}|IMG\d{4}|DSC[NF_]?\d{4}|_DSC\d{4}|DSCF\d{4}|P\d{7}|PICT\d{4}|GOPR\d{4}|G[HX]\d{6}"
    r"|PXL_\d{8}_\d+|MVIMG_\d{8}|\d{8}_\d{6}|IMG_\d{8}_\d{6}|SYFW\d{4}|RCNX\d{4}|MAX_\d{4})", re.I)
# what file managers and people add to a copy
_COPY_MARK = re.compile(r"(copy|副本|拷贝|复制|\(\d+\)|（\d+）|~\d+|-\d+$)", re.I)


def score(name: str) -> int:
    """Higher is more likely the camera's own name for the file."""
    parts = name.replace("\\", "/").split("/")
    base = parts[-1]
    stem = base.rsplit(".", 1)[0]
    value = 0
    if any(p.upper() == "DCIM" for p in parts[:-1]):
        value += 2
    if _CAMERA_NAME.match(base) and not _COPY_MARK.search(stem[8:] if len(stem) > 8 else ""):
        value += 2
    if _COPY_MARK.search(stem):
        value -= 3
    return value


def preferred(names: list[str]) -> str:
    """The name to show among those seen, in the order seen (the first one on a tie)."""
    best = names[0]
    for name in names[1:]:
        if score(name) > score(best):
            best = name
    return best
