"""涉嫌环境犯罪案件移送书 (行政执法机关移送涉嫌犯罪案件的规定 arts. 5–6; 环境保护行政执法与刑事司法衔接工作
办法 art. 6): the facts, the suspected offence and its basis (the catalog's 移送司法机关 measure, e.g. 法释〔2023〕7号),
the officer in charge, the materials list; a copy goes to the 人民检察院. Neither rule's text was available
this session; the 24-hour and 3-day limits are enforcement.md §2's reading of them."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak

from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import forms, transfers
from eco_field.documents.kinds.common import Source, case_base, sentence
from eco_field.documents.layout import Page

KIND = "criminal-transfer"
TITLE = "涉嫌环境犯罪案件移送书"
SOURCE = "case"
MEASURE = "移送司法机关"
OFFENCE = "污染环境罪（《中华人民共和国刑法》第三百三十八条）"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    bases = transfers.measure_bases(rec, MEASURE)
    rec.update(bases=bases, police=transfers.authority(src, "doc_police", "公安局"),
               procuratorate=transfers.authority(src, "doc_procuratorate", "人民检察院"))
    rec["materials"] = transfers.materials(rec, ["涉嫌犯罪案件移送书", "涉嫌犯罪案件调查报告"])
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    party = rec["party"]
    basis = "、".join(rec["bases"]) or "《最高人民法院、最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释》"
    out: list[Flowable] = page.heading()
    out.append(page.p(f"{rec['police']}：", "plain"))
    out.append(page.p(f"我局在查处{party['name']}（统一社会信用代码：{party['credit_code']}，地址：{party['address']}，"
                      f"法定代表人：{party['legal_rep']}）{'、'.join(v['entry']['description'] for v in rec['violations'])}"
                      f"一案中发现：{sentence(rec['case']['facts'])}"))
    out += words.basis_paragraphs(page, rec, subject="该单位")
    out.append(page.p(f"经审查，该单位及其有关人员的上述行为涉嫌{OFFENCE}，依据{basis}的规定，涉嫌构成犯罪。根据"
                      "《行政执法机关移送涉嫌犯罪案件的规定》的规定，现将该案移送你局依法处理，并请将处理结果书面告知我局。"))
    out.append(page.p(f"抄送：{rec['procuratorate']}", "plain"))
    out.append(page.p(f"案件承办人：{forms.officers_text(rec)}", "plain"))
    out.append(words.bureau_lines(page, rec))
    out.append(page.seal_block())
    out.append(PageBreak())
    out.append(page.p("涉嫌犯罪案件移送材料清单", "title"))
    out.append(transfers.materials_table(page, rec["materials"]))
    out.append(page.signatures([("移送人", forms.officers_text(rec)), ("接收人", "")]))
    return out
