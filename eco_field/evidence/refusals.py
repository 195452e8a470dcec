"""Why a file was not imported, as a message code the interface renders in its language.

The import's workers name the reason in one English sentence (the `error` of `evidence import --json`, kept
as it was); this is the one place that turns each of those sentences into a code and parameters, so the
部分文件未导入 dialog and the CLI's text speak the interface language.
"""

from __future__ import annotations

import re

from eco_field.messages import Message, Term, strerror_reason

_KINDS = (("video", "evidence.kind.video"), ("GIF", "evidence.kind.gif"), ("BMP", "evidence.kind.bmp"),
          ("PDF", "evidence.kind.pdf"), ("ZIP", "evidence.kind.zip"), ("RIFF", "evidence.kind.riff"),
          ("text file", "evidence.kind.text"))
_SIZE = re.compile(r"(\d+x\d+)")
# (pattern on the English reason, code, parameter names of the pattern's groups); first match wins
_RULES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), code, params) for pattern, code, params in (
        (r"^empty file", "evidence.refused.empty", ()),
        (r"^file too large for a photo \((\d+) MB\)", "evidence.refused.too_large", ("mb",)),
        (r"^not a regular file", "evidence.refused.not_regular", ()),
        (r"permission denied", "evidence.refused.permission", ()),
        (r"^no such file \(", "evidence.refused.no_such_file", ()),
        (r"^no such file or folder", "evidence.refused.no_such_path", ()),
        (r"^is a folder", "evidence.refused.is_folder", ()),
        (r"^symbolic link loop \(folder", "evidence.refused.folder_loop", ()),
        (r"^symbolic link loop", "evidence.refused.link_loop", ()),
        (r"^cannot read the file: (.+)$", "evidence.refused.os_error", ("detail",)),
        (r"^cannot open(?: folder)?: (.+)$", "evidence.refused.cannot_open", ("detail",)),
        (r"^gave up after (\d+) s", "evidence.refused.timeout", ("seconds",)),
        (r"^looping metadata", "evidence.refused.looping_metadata", ()),
        (r"^not enough memory", "evidence.refused.memory", ()),
        (r"^not a readable image", "evidence.refused.unknown_format", ()),
        (r"^damaged image header", "evidence.refused.damaged_header", ()),
        (r"declares an empty size (\S+)", "evidence.refused.empty_size", ("size",)),
        (r"decompression bomb", "evidence.refused.bomb", ()),
        (r"^truncated", "evidence.refused.truncated", ()),
        (r"^damaged picture data", "evidence.refused.damaged_data", ()),
        (r"^cannot decode the picture", "evidence.refused.undecodable", ()),
        # a worker that raised (pool.py) or whose decoder crashed: no exception class reaches the window
        (r"^failed: |^the image decoder crashed", "evidence.refused.crashed", ()),
    ))


def message(reason: str) -> Message:
    """The code and parameters for a worker's or the folder walk's reason."""
    if reason.startswith("not a photo: "):
        what = reason[len("not a photo: "):]
        code = next((c for word, c in _KINDS if word in what), "evidence.kind.unknown")
        return Message("evidence.refused.not_photo", {"what": Term(code)})
    for pattern, code, names in _RULES:
        found = pattern.search(reason)
        if found:
            params = dict(zip(names, found.groups(), strict=False))
            if "detail" in params:  # an OS error's English text ('Not a directory') in the interface language
                params["detail"] = strerror_reason(params["detail"])
            if code == "evidence.refused.bomb":
                size = _SIZE.search(reason)
                params["size"] = size.group(1) if size else "?"
            return Message(code, params)
    return Message("evidence.refused.other", {"detail": reason})
