"""Checking a case file with nothing but the file: hashes, sizes, the record and the audit entries.

Hostile archives (path traversal, links, zip bombs, duplicate names) are refused before anything is read.
"""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from pathlib import Path
from typing import Any

from eco_field.casefile.layout import (
    FORMAT,
    MANIFEST,
    MAX_ENTRIES,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RECORD,
    path_problem,
)
from eco_field.errors import BadInput
from eco_field.messages import text
from eco_field.store.audit import entry_hash

CHUNK = 1024 * 1024


def verify_export(path: Path, extract_to: Path | None = None) -> dict[str, Any]:
    """{"ok", "case_id", "files", "problems"}; raises BadInput for an unreadable or hostile archive."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BadInput("casefile.not_zip", path=path) from exc
    with archive:
        infos = _screen(archive, path)
        manifest = _manifest(archive, infos, path)
        problems = _check_files(archive, infos, manifest) + _check_audit(manifest)
        if not problems and extract_to is not None:
            _extract(archive, manifest, extract_to)
    return {"ok": not problems, "case_id": manifest.get("case_id"), "files": len(manifest["files"]),
            "audit_entries": len(manifest.get("audit", [])), "problems": problems}


def _screen(archive: zipfile.ZipFile, path: Path) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise BadInput("casefile.too_many_entries", path=path, n=len(infos))
    seen: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        why = path_problem(info.filename)
        if why:
            raise BadInput("casefile.unsafe_entry", path=path, name=info.filename, why=why)
        if info.filename in seen:
            raise BadInput("casefile.entry_twice", path=path, name=info.filename)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BadInput("casefile.entry_link", path=path, name=info.filename)
        if info.file_size > CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BadInput("casefile.zip_bomb", path=path, name=info.filename, size=info.file_size,
                           packed=info.compress_size)
        total += info.file_size
        seen[info.filename] = info
    if total > MAX_TOTAL_BYTES:
        raise BadInput("casefile.too_large", path=path, size=total)
    return seen


def _manifest(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], path: Path) -> dict[str, Any]:
    info = infos.get(MANIFEST)
    if info is None or info.file_size > MAX_MANIFEST_BYTES:
        raise BadInput("casefile.not_casefile", path=path)
    try:
        manifest = json.loads(_read_capped(archive, info, MAX_MANIFEST_BYTES))
    except ValueError as exc:
        raise BadInput("casefile.not_casefile", path=path) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), list):
        raise BadInput("casefile.not_casefile", path=path)
    return manifest


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    with archive.open(info) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise BadInput("casefile.entry_larger", name=info.filename)
    return data


def _hash_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with archive.open(info) as handle:
        while chunk := handle.read(CHUNK):
            size += len(chunk)
            if size > cap:
                return "", size  # more bytes than the manifest promised: stop reading
            digest.update(chunk)
    return digest.hexdigest(), size


def _check_files(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], manifest: dict[str, Any]) -> list[str]:
    problems = []
    listed = {f.get("path") for f in manifest["files"]} | {MANIFEST, RECORD}
    problems += [text("casefile.problem.unlisted", name=name) for name in sorted(set(infos) - listed)]
    record = manifest.get("record", {})
    for item in [{"path": RECORD, "sha256": record.get("sha256"), "size": None}, *manifest["files"]]:
        name = item.get("path")
        if name not in infos:
            problems.append(text("casefile.problem.missing", name=name))
            continue
        cap = item["size"] if isinstance(item.get("size"), int) else infos[name].file_size
        sha, size = _hash_entry(archive, infos[name], cap)
        if sha != item.get("sha256") or (item.get("size") is not None and size != item["size"]):
            problems.append(text("casefile.problem.content", name=name))
    return problems


def _check_audit(manifest: dict[str, Any]) -> list[str]:
    """Every entry's hash recomputes, entries that are neighbours in one chain (seq n and n + 1) link up,
    no chain holds two entries with one seq, and every file's SHA-256 is covered. A case file from the
    bureau carries several devices' chains: each entry names its chain (the device id); a laptop's entries
    name none (its one local chain).

    What the file alone cannot show (it carries only the entries about its own records, so gaps in seq
    between them are normal): an entry taken out is noticed when it was the one covering a file, otherwise
    not, since nothing else in the file says it was there; an entry edited and re-hashed is noticed only when
    the next entry of its chain is in the file. The chain itself settles both: `eco-field audit
    verify` on the laptop, or the bureau's copy of the device's chain."""
    problems, by_seq = [], {}
    for entry in manifest.get("audit", []):
        try:
            digest = entry_hash(entry["seq"], entry["at"], entry["actor"], entry["entity"], entry["entity_id"],
                                entry["action"], entry["data_json"], entry["prev_hash"])
            chain, seq, claimed = str(entry.get("chain") or ""), entry["seq"], entry["hash"]
            if not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(claimed, str):
                raise TypeError("seq must be a number, hash a text")
        except (KeyError, TypeError, AttributeError):
            problems.append(text("casefile.problem.entry_incomplete"))
            continue
        if digest != claimed:
            problems.append(text("casefile.problem.entry_altered", entry=_name(chain, seq)))
        if (chain, seq) in by_seq:
            problems.append(text("casefile.problem.entry_twice", entry=_name(chain, seq)))
        by_seq[chain, seq] = entry
    for (chain, seq), entry in by_seq.items():
        before = by_seq.get((chain, seq - 1))
        if before and entry["prev_hash"] != before["hash"]:
            problems.append(text("casefile.problem.entry_gap", entry=_name(chain, seq), previous=seq - 1))
    covered = covered_hashes(list(by_seq.values()))
    for item in manifest["files"]:
        if item.get("sha256") not in covered:
            problems.append(text("casefile.problem.uncovered", name=item.get("path")))
    return problems


def _name(chain: str, seq: Any) -> str:
    return text("casefile.entry_of_device", seq=seq, chain=chain) if chain else str(seq)


def covered_hashes(entries: list[dict[str, Any]]) -> set[str]:
    """The SHA-256s audit entries vouch for: the sha256 / pdf_sha256 their data names."""
    covered = set()
    for entry in entries:
        try:
            data = json.loads(entry["data_json"]) if entry.get("data_json") else {}
        except (TypeError, ValueError):
            continue
        if isinstance(data, dict):
            covered.update(str(data.get(k)) for k in ("sha256", "pdf_sha256") if data.get(k))
    return covered


def _extract(archive: zipfile.ZipFile, manifest: dict[str, Any], target: Path) -> None:
    root = target.resolve()
    root.mkdir(parents=True, exist_ok=True)
    for name in [MANIFEST, RECORD, *(f["path"] for f in manifest["files"])]:
        dest = (root / name).resolve()
        if root not in dest.parents:
            raise BadInput("casefile.extract_outside", name=name, root=root)
        if dest.exists():
            raise BadInput("casefile.extract_exists", path=dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(name) as src, open(dest, "xb") as out:
            while chunk := src.read(CHUNK):
                out.write(chunk)
