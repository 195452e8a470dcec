"""Photo and drone evidence: ingest into the content-addressed store, EXIF/XMP metadata, thumbnails,
checks (time window, distance to site, duplicates), integrity verification and sealing. No Qt here.

Entry points for the CLI, the GUI and tests live in service.py (import, list, thumbnails, verify)
and seal.py (seal, verify_seal, amend).
"""
