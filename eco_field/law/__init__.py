"""Law: the violation catalog, the discretion (fine) calculator, cases and their statutory deadlines.

One flow end to end:
  catalog.load_catalog(data_dir)            resources/catalog/catalog.json, or the bureau's <data>/catalog.json
  discretion.suggest(entry, factors, ...)   [Y + Σ% × (1 − Y)] × max, 从轻/从重/减轻, 免罚 pre-check → Assessment
  cases.new_case(db, inspection, [...])     a case on an inspection; 发现 dated from the inspection
  cases.assess(db, case_id, factors)        every violation assessed (art. 29 overlaps fined once), stored
  cases.record_event(db, case_id, "filed", date)   立案/告知/决定/送达 … drive deadlines.compute()

Bureau-configurable data: resources/discretion/factors.json (<data>/discretion.json), the 免罚清单
resources/discretion/shanxi_exemptions.json (<data>/exemptions.json) and the holiday calendar
resources/catalog/calendar.json (<data>/calendar.json).
"""
