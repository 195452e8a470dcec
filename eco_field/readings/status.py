"""Status words and what they mean for a sample: usable or not, and the flag kept with it."""

from __future__ import annotations

import unicodedata

# Words meaning the value is not a measurement the instrument stood behind.
UNUSABLE = {"OVR", "OVER", "OVERRANGE", "OVERFLOW", "UNDERFLOW", "DET_OFF", "DET_FAIL", "BAD_CALIB", "CLAMPED",
            "AVG_OVFLW", "LOW_FLOW", "FAIL", "FAULT", "ERROR", "ERR", "INVALID", "OFF", "DISABLED", "CAL",
            "CALIBRATING", "ZERO", "SPAN", "MAINT", "MAINTENANCE", "超量程", "故障", "无效", "离线", "校准", "标定",
            "维护", "传感器故障", "N/A", "NA", "---", "------"}
# Words that are fine: the value stands.
FINE = {"", "OK", "NORMAL", "VALID", "GOOD", "正常", "有效", "N", "0"}


def status_flag(text: object) -> tuple[int, str | None]:
    """(ok, flag) for a status cell: unusable words give (0, word), other words keep the value (1, word)."""
    word = unicodedata.normalize("NFKC", str(text or "")).strip()
    upper = word.upper()
    if upper in FINE:
        return 1, None
    if upper in UNUSABLE or any(upper.startswith(w) for w in ("OVER", "DET_", "FAULT", "ERR")):
        return 0, word
    return 1, word  # alarms (HIGH_ALRM, 高报, Warning ...): a real reading with a note
