"""The office audit: every console action (sign-in, refusal, approval, enrolment code, revocation, ...) with
who, in which role, from where and what. Append-only; the console's audit page and `bureau users audit` read it."""

from __future__ import annotations

import json
from typing import Any

from eco_field.bureau.office.db import OfficeDB
from eco_field.clock import utc_now

# what the audit page calls each action; a page module adds its own: audit.LABELS.update({...})
LABELS = {"login": "登录", "logout": "退出", "login_failed": "登录失败", "login_locked": "登录被限制",
           "login_csrf_refused": "登录表单校验失败", "csrf_refused": "表单校验失败", "refused_page": "越权访问被拒",
          "action_refused": "操作未完成",
           "user_added": "保存账号", "user_disabled": "停用账号", "approved": "审批通过", "returned": "审批退回",
           "enroll_code": "生成注册码", "device_revoked": "吊销设备"}


def log(db: OfficeDB, username: str, role: str, action: str, target: str = "", client: str = "",
        **detail: Any) -> None:
    db.run("INSERT INTO office_audit (at, username, role, action, target, detail_json, client)"
           " VALUES (?, ?, ?, ?, ?, ?, ?)", (utc_now(), username or "", role or "", action, target or "",
                                             json.dumps(detail, ensure_ascii=False, sort_keys=True), client or ""))


def entries(db: OfficeDB, limit: int = 200, action: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE action = ?", [action]) if action else ("", [])
    rows = db.rows(f"SELECT id, at, username, role, action, target, detail_json, client FROM office_audit {where}"
                   " ORDER BY id DESC LIMIT ?", [*params, limit])
    return [{"id": r[0], "at": r[1], "username": r[2], "role": r[3], "action": r[4], "target": r[5],
             "detail": json.loads(r[6]), "client": r[7]} for r in rows]
