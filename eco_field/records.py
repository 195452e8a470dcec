"""Domain records as plain dataclasses (no Qt): what the CLI prints and the UI shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from eco_field import credit_code
from eco_field.errors import BadInput

COUNTIES = ("离石区", "孝义市", "汾阳市", "文水县", "交城县", "兴县", "临县", "柳林县", "石楼县", "岚县",
            "方山县", "中阳县", "交口县")

TASK_KINDS = {"random": "双随机", "complaint": "信访", "reform": "督察整改", "routine": "日常"}
TASK_STATUSES = {"open": "待办", "in_progress": "进行中", "done": "已完成", "cancelled": "已取消"}
INSPECTION_STATUSES = {"draft": "草稿", "sealed": "已封存"}


def task_kind_code(text: str) -> str:
    """Accepts the code (random) or the Chinese name (双随机)."""
    for code, label in TASK_KINDS.items():
        if text in (code, label):
            return code
    raise BadInput("task.unknown_kind", text=text, known=", ".join(f"{c} ({n})" for c, n in TASK_KINDS.items()))


LIMIT_KINDS = ("max", "min", "range")


@dataclass
class Limit:
    """An outlet's limit. kind "max" (default): a reading above `limit` exceeds; "min" (DO ≥ 5 mg/L): a
    reading below `limit` exceeds; "range" (pH 6–9): a reading outside low..high exceeds (limit = high)."""

    pollutant: str
    limit: float
    unit: str
    o2_ref: float | None = None
    standard: str = ""
    kind: str = "max"
    low: float | None = None
    high: float | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Limit:
        pollutant = str(data["pollutant"])
        kind = str(data.get("kind") or "max").strip().lower()
        if kind not in LIMIT_KINDS:
            raise BadInput("readings.limits.bad_kind", kind=kind, pollutant=pollutant)
        low, high = _number(data.get("low")), _number(data.get("high"))
        if kind == "range":
            if low is None or high is None or low >= high:
                raise BadInput("readings.limits.bad_range", pollutant=pollutant)
            value = high
        else:
            if data.get("limit") is None:
                raise BadInput("readings.limits.missing_value", pollutant=pollutant)
            value, low, high = float(data["limit"]), None, None
        return cls(pollutant=pollutant, limit=value, unit=str(data.get("unit") or ""),
                   o2_ref=_number(data.get("o2_ref")), standard=str(data.get("standard", "")), kind=kind,
                   low=low, high=high)


def _number(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


@dataclass
class Outlet:
    code: str
    kind: str  # air | water
    limits: list[Limit] = field(default_factory=list)
    name: str = ""

    def limit_for(self, pollutant: str) -> Limit | None:
        return next((lim for lim in self.limits if lim.pollutant == pollutant), None)


@dataclass
class Enterprise:
    id: str
    name: str
    credit_code: str
    county: str
    industry: str = ""
    address: str = ""
    legal_rep: str = ""
    lat: float | None = None
    lon: float | None = None
    radius_m: float = 500.0
    permit_no: str = ""
    outlets: list[Outlet] = field(default_factory=list)
    revision: int = 1

    def validate(self) -> None:
        if not self.name.strip():
            raise BadInput("enterprise.no_name")
        why = credit_code.problem(self.credit_code)
        if why:
            raise BadInput("enterprise.bad_credit_code", code=self.credit_code, why=why)
        if not self.county.strip():
            raise BadInput("enterprise.no_county", name=self.name)
        if (self.lat is None) != (self.lon is None):
            raise BadInput("enterprise.half_position", name=self.name)
        if self.lat is not None and not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise BadInput("enterprise.position_range", name=self.name, lat=self.lat, lon=self.lon)
        if self.radius_m <= 0:
            raise BadInput("enterprise.radius", name=self.name)
        for outlet in self.outlets:
            if outlet.kind not in ("air", "water"):
                raise BadInput("enterprise.outlet_kind", code=outlet.code, kind=outlet.kind)

    def outlet(self, code: str) -> Outlet | None:
        return next((o for o in self.outlets if o.code == code), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Enterprise:
        outlets = [
            Outlet(code=str(o["code"]), kind=str(o.get("kind", "air")), name=str(o.get("name", "")),
                   limits=[Limit.from_dict(lim) for lim in o.get("limits", [])])
            for o in data.get("outlets", [])
        ]
        return cls(
            id=str(data.get("id") or ""), name=str(data["name"]), credit_code=str(data["credit_code"]).strip().upper(),
            county=str(data["county"]), industry=str(data.get("industry") or ""),
            address=str(data.get("address") or ""), legal_rep=str(data.get("legal_rep") or ""),
            lat=None if data.get("lat") is None else float(data["lat"]),
            lon=None if data.get("lon") is None else float(data["lon"]),
            radius_m=float(data.get("radius_m") or 500), permit_no=str(data.get("permit_no") or ""),
            outlets=outlets, revision=int(data.get("revision") or 1),
        )


@dataclass
class Officer:
    cert_no: str  # 执法证号
    name: str
    unit: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Task:
    id: str
    kind: str
    enterprise_id: str
    enterprise_name: str = ""
    title: str = ""
    officers: list[str] = field(default_factory=list)
    due_date: str | None = None
    status: str = "open"
    note: str = ""
    revision: int = 1

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind_label"] = TASK_KINDS.get(self.kind, self.kind)
        data["status_label"] = TASK_STATUSES.get(self.status, self.status)
        return data


@dataclass
class Party:
    """The party's representative present at the site (当事人现场负责人)."""

    name: str = ""
    title: str = ""
    phone: str = ""
    present: bool = False


@dataclass
class Inspection:
    id: str
    enterprise_id: str
    officers: list[Officer]
    started_at: str
    ended_at: str | None = None
    place: str = ""
    task_id: str | None = None
    party: Party = field(default_factory=Party)
    checklist: dict[str, Any] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)
    status: str = "draft"
    amends_id: str | None = None
    seal_hash: str | None = None
    sealed_at: str | None = None
    revision: int = 1
    enterprise_name: str = ""
    created_at: str = ""
    updated_at: str = ""

    @property
    def sealed(self) -> bool:
        return self.status == "sealed"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status_label"] = INSPECTION_STATUSES.get(self.status, self.status)
        return data
