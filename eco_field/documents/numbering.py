"""Document numbers (文号): {机关代字}环{文种代字}〔{年}〕{序号}号 from blocks reserved for this device.

A block is a range of serials for one kind and year, entered locally or pulled from the bureau. Issuing takes
the lowest free serial of the oldest open block inside the caller's BEGIN IMMEDIATE transaction, so two
processes never get the same number; a serial that was issued or voided is never handed out again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import sqlite_utils

from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound
from eco_field.store import settings
from eco_field.store.changes import record
from eco_field.store.database import write_transaction

# 文种代字 per document kind; 罚 and 责改 are attested (enforcement.md §3.3), the others follow the same style.
DEFAULT_CODES = {
    "inspection-record": "检",
    "interview-record": "询",
    "rectification-order": "责改",
    "penalty-notice": "罚告",
    "penalty-decision": "罚",
    "seizure-decision": "封扣",
    "daily-penalty-decision": "按日罚",
    "service-receipt": "送",
    "photo-evidence": "证",
    "readings-report": "测",
    # issue 13 (CASEDOCS): 不罚 is attested (吕环不罚〔2025〕6007号); the others follow the same style
    "daily-penalty-notice": "按日告",
    "no-penalty-decision": "不罚",
    "production-notice": "限停告",
    "production-limit-order": "限产",
    "production-halt-order": "停产",
    "detention-transfer": "移拘",
    "criminal-transfer": "移刑",
    "hearing-notice": "听通",
    "hearing-record": "听录",
    "seizure-release": "解封扣",
    "seizure-extension": "封扣延",
    "payment-reminder": "催告",
    "filing-approval": "立审",
    "investigation-report": "调报",
    "internal-approval": "内审",
    "closing-approval": "结审",
}
CODE_SETTING = "doc_code:"          # settings key prefix: doc_code:penalty-decision = 罚
WIDTH_SETTING = "doc_serial_width"  # zero-pad serials to this width (辽市环罚〔2025〕0202号); 0 = no padding
AUTO_BLOCK_SETTING = "doc_auto_block_size"
AUTO_BLOCK_SIZE = 100  # a device not enrolled with a bureau reserves its own first block of this size


@dataclass(frozen=True)
class Block:
    id: int
    kind: str
    year: int
    start: int
    end: int
    next: int
    source: str

    @property
    def remaining(self) -> int:
        return self.end - self.next + 1

    def to_dict(self) -> dict:
        return {**asdict(self), "remaining": self.remaining}


@dataclass(frozen=True)
class IssuedNumber:
    kind: str
    year: int
    serial: int
    number: str


def check_kind(kind: str) -> str:
    if kind not in DEFAULT_CODES:
        raise BadInput("numbers.unknown_kind", kind=kind, known=", ".join(DEFAULT_CODES))
    return kind


def kind_code(db: sqlite_utils.Database, kind: str) -> str:
    return settings.get(db, CODE_SETTING + check_kind(kind)) or DEFAULT_CODES[kind]


def set_kind_code(db: sqlite_utils.Database, kind: str, code: str) -> None:
    code = code.strip()
    if not code or any(ch in code for ch in "〔〕[]()（）"):
        raise BadInput("numbers.bad_code", code=code)
    with write_transaction(db):
        settings.put(db, CODE_SETTING + check_kind(kind), code)
        record(db, "setting", CODE_SETTING + kind, "set", {"value": code}, sync=False)


def format_number(db: sqlite_utils.Database, kind: str, year: int, serial: int) -> str:
    prefix = settings.get(db, "doc_prefix")
    width = int(settings.get(db, WIDTH_SETTING) or 0)
    return f"{prefix}环{kind_code(db, kind)}〔{year}〕{serial:0{width}d}号"


def _block(row: tuple) -> Block:
    return Block(*row)


BLOCK_SELECT = "SELECT id, kind, year, start_serial, end_serial, next_serial, source FROM number_blocks"


def list_blocks(db: sqlite_utils.Database, kind: str | None = None) -> list[Block]:
    where, params = (" WHERE kind = ?", [kind]) if kind else ("", [])
    return [_block(r) for r in db.execute(BLOCK_SELECT + where + " ORDER BY kind, year, start_serial", params)]


def add_block(db: sqlite_utils.Database, kind: str, year: int, start: int, end: int,
              source: str = "local") -> Block:
    """Reserve serials start..end of (kind, year) for this device. The same block again is a no-op;
    a block overlapping another one is refused (its numbers could be issued twice)."""
    check_kind(kind)
    if source not in ("local", "bureau"):
        raise BadInput("numbers.bad_source", source=source)
    if not (1900 <= year <= 9999) or start < 1 or end < start:
        raise BadInput("numbers.bad_block", kind=kind, year=year, start=start, end=end)
    with write_transaction(db):
        same = db.execute(BLOCK_SELECT + " WHERE kind = ? AND year = ? AND start_serial = ? AND end_serial = ?",
                          [kind, year, start, end]).fetchone()
        if same:
            return _block(same)
        clash = db.execute("SELECT start_serial, end_serial FROM number_blocks WHERE kind = ? AND year = ?"
                           " AND start_serial <= ? AND end_serial >= ?", [kind, year, end, start]).fetchone()
        if clash:
            raise BadInput("numbers.overlap", kind=kind, year=year, start=start, end=end, other_start=clash[0],
                           other_end=clash[1])
        cursor = db.execute("INSERT INTO number_blocks (kind, year, start_serial, end_serial, next_serial, source,"
                            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", [kind, year, start, end, start, source,
                                                                        utc_now()])
        block = _block(db.execute(BLOCK_SELECT + " WHERE id = ?", [cursor.lastrowid]).fetchone())
        _skip_used(db, block)
        record(db, "number_block", f"{kind}/{year}/{start}", "add", block.to_dict(), sync=source == "local")
        return _block(db.execute(BLOCK_SELECT + " WHERE id = ?", [block.id]).fetchone())


def _skip_used(db: sqlite_utils.Database, block: Block) -> int:
    """Move next_serial past serials already issued or voided; returns the new next_serial."""
    serial = block.next
    while serial <= block.end and db.execute(
            "SELECT 1 FROM document_numbers WHERE kind = ? AND year = ? AND serial = ?",
            [block.kind, block.year, serial]).fetchone():
        serial += 1
    if serial != block.next:
        db.execute("UPDATE number_blocks SET next_serial = ? WHERE id = ?", [serial, block.id])
    return serial


def issue(db: sqlite_utils.Database, kind: str, year: int) -> IssuedNumber:
    """Take the next free number; call inside the write transaction that stores the document, so a failed
    render rolls the number back. Raises BadInput when no block has a free serial."""
    if not db.conn.in_transaction:
        raise RuntimeError("numbering.issue must run inside write_transaction")
    for block in list_blocks(db, kind):
        if block.year != year:
            continue
        serial = _skip_used(db, block)
        if serial > block.end:
            continue
        number = format_number(db, kind, year, serial)
        db.execute("INSERT INTO document_numbers (kind, year, serial, number, status, at)"
                   " VALUES (?, ?, ?, ?, 'issued', ?)", [kind, year, serial, number, utc_now()])
        db.execute("UPDATE number_blocks SET next_serial = ? WHERE id = ?", [serial + 1, block.id])
        return IssuedNumber(kind, year, serial, number)
    blocks = [b for b in list_blocks(db, kind) if b.year == year]
    if not blocks and _auto_block(db, kind, year):
        return issue(db, kind, year)
    if blocks:
        used = ", ".join(f"{b.start}-{b.end}" for b in blocks)
        raise BadInput("numbers.exhausted", kind=kind, year=year, used=used)
    raise BadInput("numbers.no_block", kind=kind, year=year)


def put_synced(db: sqlite_utils.Database, kind: str, year: int, number: str, status: str, reason: str,
               at: str) -> None:
    """A number another device issued (or voided), after this workspace's numbers of the kind and year, for a
    throwaway workspace gathering documents from synced records (bureau/office/synced_records.py)."""
    serial = 1 + db.execute("SELECT count(*) FROM document_numbers WHERE kind = ? AND year = ?",
                            [kind, year]).fetchone()[0]
    db.execute("INSERT INTO document_numbers (kind, year, serial, number, status, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [kind, year, serial, number, status, reason, at])


def _auto_block(db: sqlite_utils.Database, kind: str, year: int) -> bool:
    """A standalone device (no bureau server configured) reserves serials 1..N itself the first time a kind is
    issued in a year; the block is recorded and pushed like any local block, so the bureau allocates after it.
    An enrolled device waits for the bureau's blocks. doc_auto_block_size = 0 turns this off."""
    size = int(settings.get(db, AUTO_BLOCK_SETTING) or AUTO_BLOCK_SIZE)
    if size <= 0 or settings.get(db, "server_url").strip():
        return False
    used = db.execute("SELECT coalesce(max(serial), 0) FROM document_numbers WHERE kind = ? AND year = ?",
                      [kind, year]).fetchone()[0]
    add_block(db, kind, year, used + 1, used + size)
    return True


def void(db: sqlite_utils.Database, kind: str, year: int, serial: int, reason: str) -> str:
    """Void a number: an issued one (its document becomes void) or an unused one of a block (never issued)."""
    if not reason.strip():
        raise BadInput("numbers.no_reason")
    with write_transaction(db):
        row = db.execute("SELECT number, status FROM document_numbers WHERE kind = ? AND year = ? AND serial = ?",
                         [check_kind(kind), year, serial]).fetchone()
        if row and row[1] == "void":
            raise BadInput("numbers.already_void", number=row[0])
        if row:
            number = row[0]
            db.execute("UPDATE document_numbers SET status = 'void', reason = ?, at = ? WHERE number = ?",
                       [reason, utc_now(), number])
            db.execute("UPDATE documents SET status = 'void', void_reason = ? WHERE number = ?", [reason, number])
            doc = db.execute("SELECT id FROM documents WHERE number = ?", [number]).fetchone()
            if doc:  # the bureau's copy of the document learns it is void, and why
                record(db, "document", doc[0], "void", {"status": "void", "void_reason": reason})
        else:
            if not db.execute("SELECT 1 FROM number_blocks WHERE kind = ? AND year = ? AND ? BETWEEN start_serial"
                              " AND end_serial", [kind, year, serial]).fetchone():
                raise NotFound("numbers.serial_in_no_block", serial=serial, kind=kind, year=year)
            number = format_number(db, kind, year, serial)
            db.execute("INSERT INTO document_numbers (kind, year, serial, number, status, reason, at)"
                       " VALUES (?, ?, ?, ?, 'void', ?, ?)", [kind, year, serial, number, reason, utc_now()])
        record(db, "document_number", number, "void",
               {"kind": kind, "year": year, "serial": serial, "number": number, "reason": reason})
    return number


def find_number(db: sqlite_utils.Database, number: str) -> tuple[str, int, int]:
    row = db.execute("SELECT kind, year, serial FROM document_numbers WHERE number = ?", [number]).fetchone()
    if row is None:
        raise NotFound("numbers.no_number", number=number)
    return row[0], row[1], row[2]


def list_numbers(db: sqlite_utils.Database, kind: str | None = None) -> list[dict]:
    where, params = (" WHERE kind = ?", [kind]) if kind else ("", [])
    rows = db.execute("SELECT kind, year, serial, number, status, reason, at FROM document_numbers" + where
                      + " ORDER BY kind, year, serial", params).fetchall()
    keys = ("kind", "year", "serial", "number", "status", "reason", "at")
    return [dict(zip(keys, r, strict=True)) for r in rows]

