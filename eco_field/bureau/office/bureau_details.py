"""The bureau's own details its documents state — the keys and labels of documents/issuer.ALL (机关名称, 机关代字,
地址, 联系人, 缴款银行与账户, 复议机关, 诉讼法院) — kept in the office tables (an admin sets them on the 本局信息 page).
The draft decision the approvers read is made with them, as a laptop's decision is made with its settings."""

from __future__ import annotations

from eco_field.bureau.office.db import OfficeDB
from eco_field.clock import utc_now
from eco_field.documents import issuer

FIELDS = issuer.ALL  # (key, label)
KEYS = tuple(key for key, _ in FIELDS)


def current(office: OfficeDB) -> dict[str, str]:
    stored = dict(office.rows("SELECT key, value FROM office_settings"))
    return {key: str(stored.get(key) or "") for key in KEYS}


def save(office: OfficeDB, values: dict[str, str], by: str) -> dict[str, str]:
    """Store the details given (unknown keys ignored); returns the keys whose value changed, with the new value."""
    before = current(office)
    changed = {k: str(v).strip()[:500] for k, v in values.items() if k in KEYS and str(v).strip() != before[k]}
    now = utc_now()
    with office.transaction():
        for key, value in changed.items():
            if office.run("UPDATE office_settings SET value = ?, updated_at = ?, updated_by = ? WHERE key = ?",
                          (value, now, by, key)) == 0:
                office.run("INSERT INTO office_settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)",
                           (key, value, now, by))
    return changed
