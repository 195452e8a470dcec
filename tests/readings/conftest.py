"""Readings test helpers: fixture folders, an inspection at a coking plant (outlet DA001: PM 15, SO2 30,
NOx 150 mg/m³ at 8 % O2), and a way to run one importer without a database."""

from __future__ import annotations

from pathlib import Path

import pytest

from eco_field import demo
from eco_field.readings import formats
from eco_field.readings.model import ImportContext
from eco_field.readings.textio import open_source
from eco_field.store import inspections
from tests.conftest import FIXTURES

REAL = FIXTURES / "readings"
SYNTHETIC = Path(__file__).parent / "synthetic"
OFFICERS = ["14110000001", "14110000002"]


def coking_enterprise_id() -> str:
    return next(e.id for e in demo.demo_enterprises() if e.industry == "coking")


@pytest.fixture
def inspection(workspace):
    return inspections.create(workspace.db, coking_enterprise_id(), OFFICERS)


def parse(path: Path, fmt: str | None = None, mapping: dict | None = None):
    """(importer name, ctx, samples) for one file, without a database."""
    source = open_source(Path(path))
    importer = formats.BY_NAME[fmt] if fmt else formats.detect(source)
    ctx = ImportContext(str(path), mapping=mapping)
    samples = list(formats.run(importer, source, ctx))
    return importer.NAME, ctx, samples


def by_series(ctx, samples):
    """{series id: [samples]}"""
    out: dict[int, list] = {sid: [] for sid in ctx.series}
    for sample in samples:
        out[sample[0]].append(sample)
    return out
