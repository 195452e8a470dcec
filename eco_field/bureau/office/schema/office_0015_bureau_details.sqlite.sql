-- The bureau's own details that its documents state (documents/issuer.py ALL: 机关名称, 地址, 复议机关, 缴款账户 …),
-- set by an admin on the console's 本局信息 page; the approvers' draft decision prints them.
CREATE TABLE office_settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT ''
)
