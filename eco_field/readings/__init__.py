"""Instrument readings: importers for real export formats, units, limits and exceedance, storage.

Flow: service.import_file picks an importer (formats/), streams its samples into SQLite in one transaction,
keeps the source file as evidence, then computes per-series statistics and, for an outlet, the exceedance.
Readings imported here are on-site screening values, not a certified monitoring result.
"""
