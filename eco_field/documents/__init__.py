"""Enforcement documents (执法文书) as PDF: numbering, fonts, layout, one module per kind (kinds/), and the
service the CLI and the GUI call: service.render_draft (草稿, no number, nothing stored) / issue (numbered,
kept; issuing a kind again for the same record voids the earlier one) / sign (signature_cells, signing: a new
version of the same number) / list_documents / verify_pdf (verification: byte for byte against every version
kept). issuer.py knows which bureau details a decision needs before it is issued; facts.py what a document
states, for a verifier comparing a paper copy.

Importing this package loads nothing heavy; ReportLab is imported by layout, fonts and the kinds, which only
service.render and verify pull in, so the GUI starts without it.

Settings read (settings table; defaults in brackets): bureau_name, doc_prefix (机关代字), time_zone;
doc_code:<kind> (文种代字, numbering.DEFAULT_CODES; `numbers set-code`), doc_serial_width [0],
doc_auto_block_size [100; 0 = never reserve a block locally], doc_font (`documents fonts --set`),
doc_review_body [<city>人民政府], doc_court [有管辖权的人民法院], doc_payment, doc_payment_bank,
doc_payment_account, doc_bureau_address, doc_contact,
doc_hearing_threshold [200000].
"""
