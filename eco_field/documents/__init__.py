"""Enforcement documents (执法文书) as PDF: numbering, fonts, layout, one module per kind (kinds/), and the
service the CLI and the GUI call (service.render / list_documents / verify_pdf).

Importing this package loads nothing heavy; ReportLab is imported by layout, fonts and the kinds, which only
service.render and verify pull in, so the GUI starts without it.
"""
