"""Thermo TVA2020 / TVA1000 logged-data text files (manual Appendix B), fixed-width ASCII, CRLF.

A title line, `VER=xx.xx`, a blank line, header lines, a line of dashes, records, a blank line, `END`.
Record: `dd mmm yy hh:mm:ss` (local, 2-digit year), tag (and comment), concentration or `------` (detector
off), unit PPB/PPM/% (the unit lock at upload time), a status word (OK, DET_OFF, DET_FAIL, OVERFLOW,
UNDERFLOW, CLAMPED, HIGH_ALRM …), detector PID/FID, leak flag OK/LEAKER!. Parsed by pattern, not by
exact column, so a longer tag or a comment does not shift the fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eco_field.messages import Message
from eco_field.readings.model import ImportContext, RowProblems, Sample, SeriesMeta
from eco_field.readings.status import status_flag
from eco_field.readings.textio import LineReader, Source
from eco_field.readings.units import normalize_unit
from eco_field.readings.values import parse_value

NAME = "thermo_tva2020"
DESCRIPTION = "Thermo TVA2020/TVA1000 FID/PID logged-data text (fixed width, status words, END)"
RECORD = re.compile(
    r"^(?P<t>\d{2} [A-Za-z]{3} \d{2} \d{1,2}:\d{2}:\d{2})\s+(?:(?P<tag>.*?)\s+)?"
    r"(?P<conc>[-+]?\d+(?:\.\d*)?|-{2,})\s*(?P<unit>PPB|PPM|%)\s+(?P<status>\S+)\s+(?P<det>PID|FID)"
    r"(?:\s+(?P<leak>OK|LEAKER!?))?\s*$", re.I)


def sniff(source: Source) -> bool:
    lines = [ln for ln in source.head_lines(60, "latin-1")]
    if any(ln.strip().upper().startswith("VER=") for ln in lines[:4]):
        return True
    return sum(1 for ln in lines if RECORD.match(ln)) >= 1


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    lines = LineReader(source, "latin-1")
    timer = ctx.time_parser()
    timer.pattern = "tva"
    ctx.options.update(encoding="latin-1", time_pattern="tva", layout="fixed-width")
    title, version, ended = "", "", False
    ids: dict[tuple[str, str], int] = {}
    problems = RowProblems(ctx)
    in_records = False
    for text in lines:
        stripped = text.strip()
        if not stripped:
            continue
        if ended:
            ctx.warn(Message("readings.tva.after_end", {"line": lines.number}))
            break
        if stripped.upper() == "END":
            ended = True
            continue
        if stripped.upper().startswith("VER="):
            version = stripped[4:].strip()
            continue
        m = RECORD.match(text)
        if m is None:
            if in_records:
                problems.bad(lines.number, Message("readings.rows.not_data", {"text": stripped[:80]}))
            elif not title:
                title = stripped
            if set(stripped) <= {"-", " "}:
                in_records = True
            continue
        in_records = True
        t = timer.parse(m["t"].upper())
        if t is None:
            problems.bad(lines.number, Message("readings.rows.bad_time", {"value": m["t"]}))
            continue
        problems.good()
        key = (m["det"].upper(), m["unit"].upper())
        sid = ids.get(key)
        if sid is None:
            sid = ids[key] = ctx.declare(SeriesMeta(
                "VOC", "%VOL" if key[1] == "%" else normalize_unit(key[1]), "instantaneous", sensor=key[0],
                make="Thermo Scientific", model="TVA2020/TVA1000", meta={"title": title, "version": version}))
        value, flag = parse_value(m["conc"])
        ok, word = status_flag(m["status"])
        ok = ok and value is not None
        flags = [f for f in (word, flag if value is not None else None, "LEAKER" if (m["leak"] or "").upper()
                             .startswith("LEAKER") else None) if f]
        yield (sid, lines.number, t, value, int(ok), ";".join(flags) or None, None, (m["tag"] or "").strip() or None,
               None, None, None)
    problems.finish()
    if not ended:
        ctx.warn(Message("readings.tva.no_end"))
