"""The errors for a legal resource file (catalog, discretion table, holiday calendar, exemption list) that cannot
be used, in the interface language: which file, which line or key, and why, without Python's English detail."""

from __future__ import annotations

import json
from pathlib import Path

from eco_field.errors import BadInput
from eco_field.messages import Message, Term, os_reason

# what each file is called in a message
CATALOG, DISCRETION, CALENDAR, EXEMPTIONS = "catalog", "discretion", "calendar", "exemptions"


def unreadable(what: str, path: Path | str, exc: OSError) -> BadInput:
    return BadInput("law.file_unreadable", what=Term(f"law.what_{what}"), path=path, detail=os_reason(exc))


def not_json(path: Path | str, exc: json.JSONDecodeError) -> BadInput:
    return BadInput("law.file_not_json", path=path, line=exc.lineno, detail=_json_reason(exc))


def malformed(what: str, path: Path | str, exc: Exception) -> BadInput:
    """A file that is JSON but not of the expected shape: a missing key is named, anything else is 'a bad value'."""
    if isinstance(exc, json.JSONDecodeError):
        return not_json(path, exc)
    detail = Message("law.key_missing", {"key": exc.args[0]}) if isinstance(exc, KeyError) and exc.args \
        else Message("law.bad_value")
    return BadInput("law.file_malformed", what=Term(f"law.what_{what}"), path=path, detail=detail)


def _json_reason(exc: json.JSONDecodeError) -> Message:
    return Message("law.json_column", {"column": exc.colno})
