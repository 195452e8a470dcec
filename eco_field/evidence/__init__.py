"""Photo and drone evidence: ingest, metadata, thumbnails, checks, integrity and sealing. No Qt here.

One import, end to end (service.import_paths, the one ingest path for the CLI, the GUI and tests):
  scan.expand         the files given and the folders walked (original_name = path relative to the folder)
  pool.run            the files on both cores, a bounded window in flight, results in submission order
  worker.process      per file, in a pool process: read once -> sniff -> SHA-256 -> EXIF/XMP metadata
                      (metadata.extract) -> the 256 px thumbnail (pixels.render, which refuses unreadable,
                      truncated or bomb-sized files): from the camera's embedded preview when the JPEG's
                      marker walk proves it whole and the preview matches it (jpeg.py, embedded.py), else
                      decoded at 1/8 with DCT scaling; meanwhile a thread writes and fsyncs the copy ->
                      rename into evidence/<2 hex>/<sha256>.<ext>
  service._commit     per file, in the parent: one transaction with the evidence row (audited), the
                      photo metadata and its checks (checks.check: time window, distance, duplicates)
A kill at any point leaves files without rows (harmless, reused by the next run), never rows without files.

Metadata (metadata.extract): EXIF/XMP via exif.py and xmp.py; capture times outside the standard fields
(Olympus APP12, Sony and Reconyx maker notes, GPS time alone) in camera_times.py; the camera clock checked
against GPS time (clock_diff_s; flag clock_mismatch in checks.py, reasons as message codes).

Before sealing (handling.py): every name the same bytes were seen under (names.py picks the camera's own to
show), captions (证明事项), removal with a reason and undo of the last removal and of the last import;
markup.py saves arrows, circles and text as a derived copy that points to its original. refusals.py turns an
import's refusal reasons into message codes. Originals in the store are read-only files.

seal.py seals an inspection (canonical record + every evidence hash, into the audit chain) and verifies it.
"""
