"""The importer registry: one module per export format, tried in this order (the generic table last).

Each module has NAME, DESCRIPTION, `sniff(source) -> bool` (does this file look like mine?) and
`read(source, ctx) -> Iterator[Sample]` (streaming; declares its series on ctx as it meets them).
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

from eco_field.errors import BadInput
from eco_field.readings.formats import (
    aeris,
    calcmet,
    dusttrak,
    egm5,
    eureka,
    gasmet_pd,
    generic_table,
    hobo,
    ht8850,
    hydrolab,
    isc_datalog,
    lgr,
    licor,
    noise_sentry,
    nti_xl2,
    picarro,
    sniffer4d,
    svantek,
    tva2020,
    ysi_ecowatch,
    ysi_exo,
)

# Instrument families first (each recognises its own layout), the generic table last.
IMPORTERS: tuple[ModuleType, ...] = (
    isc_datalog, tva2020, calcmet, ht8850, sniffer4d, licor, lgr, aeris, gasmet_pd, picarro, egm5, ysi_exo,
    ysi_ecowatch, hydrolab, eureka, hobo, dusttrak, nti_xl2, noise_sentry, svantek, generic_table)
BY_NAME = {module.NAME: module for module in IMPORTERS}


READ_ERRORS = (csv.Error, ValueError, IndexError, KeyError, TypeError, UnicodeError, OverflowError, RuntimeError,
               zipfile.BadZipFile)


@contextmanager
def guarded(importer: ModuleType, ctx) -> Iterator[None]:
    """Inside: any failure other than BadInput becomes a BadInput naming the file and the importer."""
    try:
        yield
    except BadInput:
        raise
    except READ_ERRORS as exc:
        raise BadInput("readings.import.failed", file=ctx.source_name, fmt=importer.NAME, detail=str(exc)[:300]) from exc


def run(importer: ModuleType, source, ctx) -> Iterator:
    """The importer's samples, guarded (for callers that consume them outside a `guarded` block)."""
    with guarded(importer, ctx):
        yield from importer.read(source, ctx)


def detect(source) -> ModuleType | None:
    """The first importer whose sniff accepts the file."""
    for importer in IMPORTERS:
        try:
            if importer.sniff(source):
                return importer
        except (ValueError, IndexError, UnicodeError, StopIteration):
            continue
    return None
