"""A finding (发现的问题) of an inspection: a plain dict the officer edits — item_id (the checklist item),
catalog_id (the violation), facts, basis — and `rectified_on_site`, true when the party corrected it on the
spot in the officers' presence (立行立改). The bureau's figures count `immediate_rectifications` from that key
(bureau/office/projection.py); 立行立改 has no official definition (../shared/domain notes), so it is the officer's
mark, nothing the program infers."""

from __future__ import annotations

from typing import Any

from eco_field.errors import BadInput

RECTIFIED = "rectified_on_site"


def normalised(findings: Any) -> list[dict[str, Any] | str]:
    """The findings as they are stored: a list of objects (or, the short form, texts) whose rectified_on_site,
    when present, is a bool (the figures count `true` only, so "yes" or 1 must be refused, not counted or lost)."""
    if not isinstance(findings, list):
        raise BadInput("inspection.findings_not_list")
    out = []
    for n, finding in enumerate(findings, start=1):
        if isinstance(finding, str):
            out.append(finding)
            continue
        if not isinstance(finding, dict):
            raise BadInput("inspection.finding_not_object", n=n)
        if RECTIFIED in finding and not isinstance(finding[RECTIFIED], bool):
            raise BadInput("inspection.rectified_not_bool", n=n, value=finding[RECTIFIED])
        out.append(dict(finding))
    return out


def rectified_on_site(finding: dict[str, Any] | str) -> bool:
    return isinstance(finding, dict) and finding.get(RECTIFIED) is True
