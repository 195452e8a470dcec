<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../ui/cases_screen.py" line="149" />
        <location filename="../../ui/cases_screen.py" line="154" />
        <location filename="../../ui/context.py" line="75" />
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <location filename="../../ui/context.py" line="77" />
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/banner.py" line="13" />
        <location filename="../../ui/banner.py" line="14" />
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../ui/case_detail.py" line="49" />
        <source>Catalog</source>
        <translation>违法行为</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="49" />
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="50" />
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="50" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="50" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="50" />
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="51" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="51" />
        <source>Event</source>
        <translation>程序事项</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="51" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="60" />
        <source>Penalty calculator…</source>
        <translation>罚款裁量…</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="83" />
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="69" />
        <source>Statutory deadlines</source>
        <translation>法定期限</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="71" />
        <source>Procedure so far</source>
        <translation>已办程序</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="117" />
        <source>Facts: {facts}</source>
        <translation>违法事实：{facts}</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="119" />
        <source>Fine: {amount} yuan (range {low}–{high})</source>
        <translation>罚款：{amount} 元（法定幅度 {low}–{high} 元）</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="120" />
        <source>Fine: not assessed yet</source>
        <translation>罚款：尚未裁量</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="124" />
        <source>Catalog entry {id}</source>
        <translation>违法行为目录编号 {id}</translation>
    </message>
    <message>
        <location filename="../../ui/case_detail.py" line="140" />
        <source> ({n} days left)</source>
        <translation>（剩 {n} 天）</translation>
    </message>
</context>
<context>
    <name>CaseFields</name>
    <message>
        <location filename="../../ui/case_steps.py" line="41" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="41" />
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="42" />
        <source>Explanation or reason</source>
        <translation>说明或理由</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="43" />
        <source>Monitoring body</source>
        <translation>监测机构</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="44" />
        <source>Report number</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="45" />
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="45" />
        <source>Review</source>
        <translation>复核结论</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="46" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="47" />
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="48" />
        <source>Period (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="49" />
        <source>Ground</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="50" />
        <source>Ground of release</source>
        <translation>解除依据</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="51" />
        <source>Approved by</source>
        <translation>批准的负责人</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="52" />
        <source>Last day of payment</source>
        <translation>缴款截止日</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="53" />
        <source>Withdrawal decision</source>
        <translation>回避申请及决定</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="54" />
        <source>Re-check evidence</source>
        <translation>复查证据</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="55" />
        <source>Rights waived</source>
        <translation>放弃的权利</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <location filename="../../ui/cases_screen.py" line="45" />
        <source>No cases</source>
        <translation>没有案件</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="46" />
        <source>A case is opened from an inspection's findings: open the inspection, pick the violations from the catalog under “Findings”, then press “Open case”.</source>
        <translation>案件从检查发现的问题立案：打开检查，在「发现的问题」中为问题选择违法行为，再点「立案」。</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="48" />
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="49" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="50" />
        <source>Violations</source>
        <translation>违法行为</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="51" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="52" />
        <source>Next deadline</source>
        <translation>最近期限</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="53" />
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="54" />
        <source>Search: enterprise, violation, facts (Ctrl+F)</source>
        <translation>搜索：企业、违法行为、事实（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="68" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="69" />
        <source>Procedure</source>
        <translation>办案程序</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="70" />
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/cases_screen.py" line="161" />
        <source>Choose the monitoring report</source>
        <translation>选择监测报告</translation>
    </message>
</context>
<context>
    <name>CatalogPicker</name>
    <message>
        <location filename="../../ui/catalog_picker.py" line="22" />
        <source>Choose the violation</source>
        <translation>选择违法行为</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_picker.py" line="24" />
        <source>Search id, description or law</source>
        <translation>搜索编号、违法行为或法律</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <location filename="../../ui/checklist_widget.py" line="41" />
        <source>Section</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_widget.py" line="41" />
        <source>Check item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_widget.py" line="41" />
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_widget.py" line="42" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_widget.py" line="54" />
        <source>Industry checklist</source>
        <translation>行业检查表</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_widget.py" line="89" />
        <source>Basis: {basis}</source>
        <translation>依据：{basis}</translation>
    </message>
    <message>
        <location filename="../../ui/checklist_widget.py" line="91" />
        <source>(inferred in the research, not read in a source: check before relying on it)</source>
        <translation>（此依据未与法规原文核对，使用前请核实）</translation>
    </message>
</context>
<context>
    <name>DailyRounds</name>
    <message>
        <location filename="../../ui/daily_rounds.py" line="25" />
        <source>Daily continuous penalty</source>
        <translation>按日连续处罚</translation>
    </message>
    <message>
        <location filename="../../ui/daily_rounds.py" line="27" />
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../ui/daily_rounds.py" line="27" />
        <source>Re-check date</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../ui/daily_rounds.py" line="28" />
        <source>Period counted</source>
        <translation>计罚期间</translation>
    </message>
    <message>
        <location filename="../../ui/daily_rounds.py" line="28" />
        <source>Days counted</source>
        <translation>计罚日数</translation>
    </message>
    <message>
        <location filename="../../ui/daily_rounds.py" line="29" />
        <source>Amount (yuan)</source>
        <translation>罚款金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/daily_rounds.py" line="29" />
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../ui/daily_rounds.py" line="41" />
        <source>Round {n}</source>
        <translation>第{n}轮</translation>
    </message>
    <message>
        <location filename="../../ui/daily_rounds.py" line="42" />
        <source>{n} days</source>
        <translation>{n}日</translation>
    </message>
    <message>
        <location filename="../../ui/daily_rounds.py" line="43" />
        <source>Not decided yet</source>
        <translation>尚未决定</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../ui/documents_panel.py" line="79" />
        <source>Date of issue</source>
        <translation>落款日期</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="82" />
        <source>Preview draft</source>
        <translation>预览草稿</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="83" />
        <source>Make document</source>
        <translation>生成文书</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="90" />
        <source>No documents yet: choose a kind above, then “Preview draft” to check it or “Make document” to issue it.</source>
        <translation>尚无文书：在上方选择文书种类，按“预览草稿”核对，或按“生成文书”签发。</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="97" />
        <source>Print (A4)…</source>
        <translation>打印（A4）…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="98" />
        <source>Save a copy…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="99" />
        <source>Sign…</source>
        <translation>签名…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="143" />
        <source>Save the inspection first.</source>
        <translation>请先保存本次检查。</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="177" />
        <source>(void)</source>
        <translation>（已作废）</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="179" />
        <source>(signed, version {n})</source>
        <translation>（已签名，第{n}版）</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="236" />
        <location filename="../../ui/documents_panel.py" line="288" />
        <source>Making {title}…</source>
        <translation>正在生成{title}…</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="248" />
        <source>Draft (no number, not issued), {pages} pages.</source>
        <translation>草稿（未编号，未签发），共{pages}页。</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="250" />
        <source>Issuing it needs: {names}</source>
        <translation>签发前还须填写：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="261" />
        <source>Issue again</source>
        <translation>重新签发</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="262" />
        <source>{number} is in force for this record. Issuing again voids it (作废) and takes a new number. Issue again?</source>
        <translation>本记录已有现行文书{number}。重新生成将作废该文号并取得新文号。是否重新签发？</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="301" />
        <source>Issued {number} ({pages} pages).</source>
        <translation>已出具 {number}（{pages} 页）。</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="303" />
        <source>Voided: {numbers}</source>
        <translation>已作废：{numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="320" />
        <source>Sent {n} pages to the printer.</source>
        <translation>已发送 {n} 页到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="326" />
        <source>Save the document</source>
        <translation>保存文书</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="329" />
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/documents_panel.py" line="343" />
        <source>Signed by {name}: version {n} of {number}.</source>
        <translation>{name}已签名：{number}第{n}版。</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetail</name>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="65" />
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="67" />
        <source>Outlet</source>
        <translation>排放口</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="67" />
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="67" />
        <source>Pollutant</source>
        <translation>污染物</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="67" />
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="68" />
        <source>Ref. O₂ %</source>
        <translation>基准含氧量 %</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="68" />
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="70" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="70" />
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="70" />
        <location filename="../../ui/enterprise_detail.py" line="72" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="72" />
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="72" />
        <source>Violations</source>
        <translation>违法行为</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="72" />
        <source>Fine</source>
        <translation>罚款</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="73" />
        <source>No outlets or limits on record for this enterprise.</source>
        <translation>本企业尚无排放口与限值记录。</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="74" />
        <source>Not inspected yet: press “New inspection” to start one.</source>
        <translation>尚未检查过：按“新建检查”开始第一次检查。</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="75" />
        <source>No cases against this enterprise.</source>
        <translation>本企业没有案件。</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="79" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="79" />
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="80" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="80" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="81" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="81" />
        <source>Discharge permit</source>
        <translation>排污许可证</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="82" />
        <source>Site</source>
        <translation>厂址</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="89" />
        <source>Outlets and limits</source>
        <translation>排放口与限值</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="93" />
        <source>Past inspections</source>
        <translation>历次检查</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="94" />
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="104" />
        <source>radius {r} m</source>
        <translation>半径 {r} 米</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="105" />
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="111" />
        <source>air</source>
        <translation>废气</translation>
    </message>
    <message>
        <location filename="../../ui/enterprise_detail.py" line="111" />
        <source>water</source>
        <translation>废水</translation>
    </message>
</context>
<context>
    <name>EnterprisesScreen</name>
    <message>
        <location filename="../../ui/enterprises_screen.py" line="36" />
        <source>The archive is empty</source>
        <translation>企业档案为空</translation>
    </message>
    <message>
        <location filename="../../ui/enterprises_screen.py" line="37" />
        <source>Enterprises come from the bureau when you sync, or from `eco-field enterprises import FILE`.</source>
        <translation>企业档案在同步时从局端获取，也可用 `eco-field enterprises import 文件` 导入。</translation>
    </message>
    <message>
        <location filename="../../ui/enterprises_screen.py" line="39" />
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../ui/enterprises_screen.py" line="40" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/enterprises_screen.py" line="40" />
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/enterprises_screen.py" line="41" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/enterprises_screen.py" line="42" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/enterprises_screen.py" line="43" />
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../ui/enterprises_screen.py" line="44" />
        <source>Search name, credit code, county or industry</source>
        <translation>搜索名称、信用代码、区县或行业</translation>
    </message>
</context>
<context>
    <name>EventDetails</name>
    <message>
        <location filename="../../ui/event_details.py" line="18" />
        <source>Facts and reason of the measure</source>
        <translation>查封（扣押）的事实和理由</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="19" />
        <location filename="../../ui/event_details.py" line="23" />
        <source>Reason for the extension</source>
        <translation>延期理由</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="20" />
        <source>Facts of the release</source>
        <translation>解除的事实（经查明的情况）</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="21" />
        <source>Evidence preserved and why</source>
        <translation>先行登记保存的证据及理由</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="22" />
        <source>Facts of the violation</source>
        <translation>违法事实</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="24" />
        <source>Rectification plan filed</source>
        <translation>报备案的整改方案</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="25" />
        <source>Rectification completed and monitoring report</source>
        <translation>整改完成情况及监测报告</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="26" />
        <source>Reason for paying in instalments</source>
        <translation>分期（延期）缴纳的理由</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="27" />
        <location filename="../../ui/event_details.py" line="28" />
        <source>Facts and reason of the transfer</source>
        <translation>移送的事实和理由</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="29" />
        <source>Other remarks on the hearing</source>
        <translation>听证其他情况</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="32" />
        <source>Ground: item of art. 4 of the seizure measures</source>
        <translation>依据（《查封扣押办法》第四条）</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="33" />
        <source>Ground: item of art. 6 of the production measures</source>
        <translation>依据（《限产停产办法》第六条）</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="36" />
        <source>Seal up</source>
        <translation>查封</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="37" />
        <source>Detain</source>
        <translation>扣押</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="38" />
        <source>Limit production</source>
        <translation>限制生产</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="39" />
        <source>Halt production for rectification</source>
        <translation>停产整治</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="43" />
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="44" />
        <source>No: the party did not apply</source>
        <translation>否：当事人不申请回避</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="45" />
        <source>Yes: the party applied</source>
        <translation>是：当事人申请回避</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="65" />
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="66" />
        <source>not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="67" />
        <source>The responsible person who approved it</source>
        <translation>批准的负责人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="72" />
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="72" />
        <source>Ground</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="73" />
        <source>Period (at most 3 months)</source>
        <translation>期限（最长三个月）</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="73" />
        <source>Ground of release</source>
        <translation>解除依据</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="74" />
        <source>Approved by</source>
        <translation>批准的负责人</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="74" />
        <source>Last day of payment</source>
        <translation>缴款截止日</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="74" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="85" />
        <source>e.g. 2026-11-06 9时</source>
        <translation>如 2026-11-06 9时</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="87" />
        <source>Not one of the case's investigators</source>
        <translation>不得是本案调查人员</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="88" />
        <location filename="../../ui/event_details.py" line="121" />
        <source>Names, parted by 、</source>
        <translation>姓名，以“、”分隔</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="91" />
        <source>Name (position or relationship); at most two, parted by ；</source>
        <translation>姓名（职务或与当事人的关系），至多两人，以“；”分隔</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="96" />
        <source>Whom, why, and what was decided</source>
        <translation>申请谁回避、理由及决定</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="98" />
        <source>Beyond the facts, evidence and proposal on record (optional)</source>
        <translation>案卷载明的事实、证据和处罚建议之外的陈述（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="108" />
        <source>Hearing time</source>
        <translation>听证时间</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="108" />
        <source>Hearing place</source>
        <translation>听证地点</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="109" />
        <source>Presiding officer</source>
        <translation>听证主持人</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="110" />
        <source>Hearing officers</source>
        <translation>听证员</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="110" />
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="111" />
        <source>Party's agents</source>
        <translation>委托代理人</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="112" />
        <source>Withdrawal applied for</source>
        <translation>是否申请回避</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="113" />
        <source>Withdrawal decision</source>
        <translation>回避申请及决定</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="114" />
        <source>Investigators' added statement</source>
        <translation>调查人员补充陈述</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="115" />
        <source>Party's final statement</source>
        <translation>当事人最后陈述</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="119" />
        <source>Record number, photos, video, DCS data</source>
        <translation>笔录编号、照片、视频、自动监控（DCS）数据等</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="124" />
        <source>As the notice offered (default)</source>
        <translation>按告知书告知的权利（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="125" />
        <source>Statement and defence only</source>
        <translation>仅陈述、申辩</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="126" />
        <source>Statement, defence and hearing</source>
        <translation>陈述、申辩和听证</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="130" />
        <source>Re-check evidence</source>
        <translation>复查证据</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="131" />
        <source>Re-checked by</source>
        <translation>复查人员</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="132" />
        <source>Rights waived</source>
        <translation>放弃的权利</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="144" />
        <source>Granted by the violation catalog (leave blank)</source>
        <translation>违法行为目录已授权（无需填写）</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="145" />
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="147" />
        <source>Item {n}</source>
        <translation>第（{cn}）项</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="151" />
        <source>What the procedure asks for this step</source>
        <translation>本步骤须写明的内容</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="162" />
        <source>Choose the ground</source>
        <translation>请选择解除依据</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="165" />
        <source>Item {cn}: corrected, verified on the party's application (art. 19(1) of the seizure measures)</source>
        <translation>第{cn}项：当事人申请解除，经核查确已改正（查封扣押办法第十九条第一项）</translation>
    </message>
    <message>
        <location filename="../../ui/event_details.py" line="168" />
        <source>Item {cn}: {words}</source>
        <translation>第{cn}项：{words}</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <location filename="../../ui/evidence_tab.py" line="78" />
        <source>Import photos…</source>
        <translation>导入照片…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="79" />
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="81" />
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="82" />
        <location filename="../../ui/evidence_tab.py" line="266" />
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="83" />
        <location filename="../../ui/evidence_tab.py" line="263" />
        <source>Mark up…</source>
        <translation>标注…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="84" />
        <location filename="../../ui/evidence_tab.py" line="289" />
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="85" />
        <source>Undo removal</source>
        <translation>撤销移除</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="86" />
        <source>Drop photos or folders here, or use the buttons.</source>
        <translation>把照片或文件夹拖到这里，或使用按钮导入。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="118" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="119" />
        <source>Site map</source>
        <translation>现场示意图</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="135" />
        <source>Save the inspection first, then import its photos.</source>
        <translation>请先保存本次检查，再导入照片。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="137" />
        <source>Sealed: photos can only be added to an amendment.</source>
        <translation>已封存：只能在补正记录中添加照片。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="178" />
        <source>Import photos</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="183" />
        <source>Import a folder of photos</source>
        <translation>导入照片文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="218" />
        <source>Importing {done} of {total}: {name}</source>
        <translation>正在导入 {done}/{total}：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="226" />
        <source>{n} imported, {d} already here, {e} could not be read</source>
        <translation>导入 {n} 个，已存在 {d} 个，无法读取 {e} 个</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="229" />
        <source>Import cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="232" />
        <source>Some files were not imported</source>
        <translation>部分文件未导入</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="264" />
        <source>Edit caption</source>
        <translation>编辑证明事项</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="274" />
        <location filename="../../ui/evidence_tab.py" line="280" />
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="275" />
        <source>Why is {name} removed? (kept in the audit log; the original stays in the evidence store)</source>
        <translation>为什么移除 {name}？（移除理由记入审计日志；原始文件仍保存在证据库中）</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="280" />
        <source>Give a reason for removing the photo.</source>
        <translation>移除照片须写明理由。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="284" />
        <source>Removed {name}. “Undo removal” puts it back.</source>
        <translation>已移除 {name}。点击“撤销移除”可恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="289" />
        <source>Take out every photo the last import added?</source>
        <translation>撤销最近一次导入，移出该次导入的全部照片？</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="293" />
        <source>Import undone: {n} photos taken out.</source>
        <translation>已撤销导入：移出 {n} 张照片。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="303" />
        <source>Restored: {names}</source>
        <translation>已恢复：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="305" />
        <source>{n} were imported again meanwhile and are here already.</source>
        <translation>其中 {n} 个文件此后已重新导入，已在本次检查中。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="311" />
        <source>Caption saved.</source>
        <translation>证明事项已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_tab.py" line="329" />
        <source>Marked copy saved; the original is unchanged.</source>
        <translation>已保存标注件；原始照片未作任何改动。</translation>
    </message>
</context>
<context>
    <name>ExemptionFacts</name>
    <message>
        <location filename="../../ui/exemption_facts.py" line="35" />
        <source>Set only what the file establishes; the rest stays “not established”.</source>
        <translation>只填写案卷已查明的事实，其余保持“未查明”。</translation>
    </message>
    <message>
        <location filename="../../ui/exemption_facts.py" line="36" />
        <source>The list has no item for these violations.</source>
        <translation>免罚清单中没有适用于这些违法行为的条目。</translation>
    </message>
    <message>
        <location filename="../../ui/exemption_facts.py" line="47" />
        <location filename="../../ui/exemption_facts.py" line="52" />
        <source>not established</source>
        <translation>未查明</translation>
    </message>
    <message>
        <location filename="../../ui/exemption_facts.py" line="54" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/exemption_facts.py" line="55" />
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>FileFilters</name>
    <message>
        <location filename="../../ui/file_places.py" line="19" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/file_places.py" line="19" />
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../ui/file_places.py" line="20" />
        <source>Instrument exports</source>
        <translation>仪器导出数据</translation>
    </message>
    <message>
        <location filename="../../ui/file_places.py" line="20" />
        <source>PDF</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location filename="../../ui/file_places.py" line="21" />
        <source>TrueType fonts</source>
        <translation>TrueType 字体</translation>
    </message>
    <message>
        <location filename="../../ui/file_places.py" line="22" />
        <source>Monitoring reports</source>
        <translation>监测报告</translation>
    </message>
</context>
<context>
    <name>FindingsWidget</name>
    <message>
        <location filename="../../ui/findings_widget.py" line="35" />
        <source>Check item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="35" />
        <source>Violation (catalog)</source>
        <translation>违法行为（目录）</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="36" />
        <source>Facts found</source>
        <translation>检查发现的事实</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="36" />
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="37" />
        <source>On-the-spot correction</source>
        <translation>立行立改</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="49" />
        <source>Add from non-compliant items</source>
        <translation>从不符合项生成</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="50" />
        <source>Add finding</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="51" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="52" />
        <source>Choose violation…</source>
        <translation>选择违法行为…</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="53" />
        <source>Open case…</source>
        <translation>立案…</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="96" />
        <source>Corrected on the spot</source>
        <translation>已立行立改</translation>
    </message>
    <message>
        <location filename="../../ui/findings_widget.py" line="98" />
        <source>The party corrected this on the spot, in the officers' presence</source>
        <translation>当事人已在执法人员见证下当场改正（立行立改）</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <location filename="../../ui/first_start.py" line="138" />
        <source>Enrolled with {url} as {name}. Sync fetches your tasks.</source>
        <translation>已与局端 {url} 登记，执法人员：{name}。同步后即可收到任务。</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="143" />
        <source>Your data folder is {path}. Add enterprises, or enrol under Sync to receive tasks.</source>
        <translation>数据文件夹：{path}。可先添加企业，或在「同步」中登记以接收任务。</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="150" />
        <source>Your data folder is {path}. Enter this laptop's officers and bureau under Settings.</source>
        <translation>数据文件夹：{path}。可在「设置」中填写本机执法人员和机关信息。</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/first_start.py" line="38" />
        <source>Set up this laptop</source>
        <translation>设置本机</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="42" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="44" />
        <source>Certificate no. (执法证号)</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="52" />
        <source>Enrol with the bureau now (needs the network and an enrolment code)</source>
        <translation>现在与局端登记（需联网和登记码）</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="53" />
        <source>Try the demo: fictitious enterprises, officers and tasks</source>
        <translation>试用演示数据：虚构的企业、人员和任务</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="54" />
        <source>Start empty; enrol later under Sync</source>
        <translation>从空白开始，稍后在「同步」中登记</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="61" />
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="62" />
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="70" />
        <source>Officers who use this laptop</source>
        <translation>本机使用的执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="75" />
        <source>Bureau</source>
        <translation>执法机关</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="77" />
        <source>Bureau name</source>
        <translation>机关名称</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="78" />
        <source>Bureau sign (机关代字)</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="79" />
        <source>How to begin</source>
        <translation>如何开始</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="83" />
        <source>Bureau server URL</source>
        <translation>局端服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="84" />
        <source>Enrolment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location filename="../../ui/first_start.py" line="114" />
        <source>Enter the bureau server's address and the enrolment code, or choose another way to begin.</source>
        <translation>请填写局端服务器地址和登记码，或选择其他开始方式。</translation>
    </message>
</context>
<context>
    <name>InspectionEditor</name>
    <message>
        <location filename="../../ui/inspection_editor.py" line="58" />
        <source>← Back to list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="59" />
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="60" />
        <source>Seal…</source>
        <translation>封存…</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="61" />
        <source>Amend</source>
        <translation>补正</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="66" />
        <source>Site and people</source>
        <translation>现场与人员</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="67" />
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="68" />
        <location filename="../../ui/inspection_editor.py" line="206" />
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="70" />
        <source>Photos and evidence</source>
        <translation>照片与证据</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="72" />
        <source>Readings</source>
        <translation>监测数据</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="74" />
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="124" />
        <source>New inspection: {name}</source>
        <translation>新建检查：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="159" />
        <source>Seal</source>
        <translation>封存</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="159" />
        <source>Save the inspection before sealing it.</source>
        <translation>请先保存，再封存。</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="167" />
        <location filename="../../ui/inspection_editor.py" line="177" />
        <source>Open case</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="168" />
        <source>Save the inspection, and choose the catalog violation of at least one finding first.</source>
        <translation>请先保存检查，并至少为一个问题选择违法行为。</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="177" />
        <source>Case opened for {name}; see 案件 (Cases).</source>
        <translation>已为 {name} 立案，见「案件」。</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="187" />
        <source>Sealed — read only</source>
        <translation>已封存——只读</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="189" />
        <location filename="../../ui/inspection_editor.py" line="244" />
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="191" />
        <source>Saved (revision {n})</source>
        <translation>已保存（第 {n} 版）</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="193" />
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="195" />
        <source>Amendment</source>
        <translation>补正记录</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="206" />
        <source>No new non-compliant checklist items.</source>
        <translation>没有新的不符合项。</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_editor.py" line="245" />
        <source>Leave this inspection without saving?</source>
        <translation>不保存就离开这次检查吗？</translation>
    </message>
</context>
<context>
    <name>InspectionForm</name>
    <message>
        <location filename="../../ui/inspection_form.py" line="48" />
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="53" />
        <source>The party's representative is present</source>
        <translation>当事人现场负责人在场</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="65" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="66" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="67" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="71" />
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="72" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="73" />
        <source>Party's representative on site</source>
        <translation>当事人现场负责人</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="75" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="76" />
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="77" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="83" />
        <source>Officers present (at least two)</source>
        <translation>到场执法人员（至少两名）</translation>
    </message>
    <message>
        <location filename="../../ui/inspection_form.py" line="94" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>InspectionsScreen</name>
    <message>
        <location filename="../../ui/inspections_screen.py" line="27" />
        <source>No inspections yet</source>
        <translation>还没有检查记录</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="28" />
        <source>Start one from a task under 任务 (Tasks), or pick an enterprise under 企业 (Enterprises) and press “New inspection”.</source>
        <translation>在「任务」中选择一项任务开始检查，或在「企业」中选择企业后点击「新建检查」。</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="30" />
        <source>Go to tasks</source>
        <translation>前往任务</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="31" />
        <source>Go to enterprises</source>
        <translation>前往企业档案</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="32" />
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="33" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="34" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="35" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="36" />
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="37" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="38" />
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="39" />
        <source>Search by enterprise, place or inspection number</source>
        <translation>按企业、地点或检查编号搜索</translation>
    </message>
    <message>
        <location filename="../../ui/inspections_screen.py" line="42" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>IssuerSettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="184" />
        <source>Bureau details on decisions</source>
        <translation>决定书落款信息</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="188" />
        <source>A decision states these details of the bureau. Fill in what is missing before it is issued: {names}</source>
        <translation>决定书须载明本机关的以下信息。签发前请填写缺少的项目：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="191" />
        <source>A decision states these details of the bureau.</source>
        <translation>决定书须载明本机关的以下信息。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="197" />
        <source>Bureau name</source>
        <translation>机关名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="197" />
        <source>Document prefix (机关代字)</source>
        <translation>文号机关代字</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="198" />
        <source>Bureau address</source>
        <translation>机关地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="198" />
        <source>Contact and telephone</source>
        <translation>联系人及电话</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="199" />
        <source>Bank where fines are paid</source>
        <translation>罚款缴纳银行</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="200" />
        <source>Account (name and number)</source>
        <translation>缴款账户（户名及账号）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="201" />
        <source>Administrative review body (复议机关)</source>
        <translation>行政复议机关</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="202" />
        <source>Court for administrative litigation</source>
        <translation>行政诉讼法院</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/list_page.py" line="86" />
        <source>searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../ui/list_page.py" line="101" />
        <source>{n} in all</source>
        <translation>共 {n} 条</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="46" />
        <source>EcoField — field enforcement</source>
        <translation>生态执法现场通</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>Opening the data folder…</source>
        <translation>正在打开数据文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255" />
        <source>Making the demo cases…</source>
        <translation>正在生成演示案件……</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258" />
        <source>{n} demo cases (a fine with a hearing, a first violation not fined, a seizure followed by a daily penalty) are under Cases.</source>
        <translation>“案件”中有 {n} 件演示案件：罚款并举行听证、首违不罚、查封后按日连续处罚。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173" />
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173" />
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210" />
        <source>No document to print: open an inspection's or a case's documents and choose one.</source>
        <translation>没有可打印的文书：请打开检查或案件的「文书」，选择一份。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253" />
        <source>Demo data loaded: {e} enterprises, {o} officers, {t} tasks — all fictitious (名称带“演示”).</source>
        <translation>已载入演示数据：企业 {e} 家、执法人员 {o} 名、任务 {t} 项——均为虚构（名称带“演示”）。</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="24" />
        <source>Which column is which?</source>
        <translation>指定各列含义</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="25" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="25" />
        <source>Pollutant name (long form)</source>
        <translation>污染物名称列（长表）</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="26" />
        <source>Value (long form)</source>
        <translation>数值列（长表）</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="26" />
        <source>Unit (long form)</source>
        <translation>单位列（长表）</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="27" />
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="27" />
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="35" />
        <source>pollutant code, e.g. SO2</source>
        <translation>污染物代码，如 SO2</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="38" />
        <source>optional: save this mapping under a name</source>
        <translation>可选：保存此映射方案的名称</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="39" />
        <source>Profile name</source>
        <translation>映射方案名称</translation>
    </message>
    <message>
        <location filename="../../ui/mapping_dialog.py" line="44" />
        <source>EcoField could not read the header of {name}. Tell it where the time and the values are.</source>
        <translation>无法识别 {name} 的表头。请指出时间和数值所在的列。</translation>
    </message>
</context>
<context>
    <name>MarkupDialog</name>
    <message>
        <location filename="../../ui/markup_dialog.py" line="170" />
        <source>Mark up {name}</source>
        <translation>标注 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="175" />
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="175" />
        <source>Circle</source>
        <translation>圆圈</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="175" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="185" />
        <source>Undo last mark</source>
        <translation>撤销上一个标注</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="189" />
        <source>Drag to draw an arrow or a circle; click to place a text. The original photo is not changed: the marks are saved as a copy.</source>
        <translation>拖动鼠标画箭头或圆圈；单击放置文字。原始照片不会被改动：标注另存为标注件。</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="194" />
        <source>Save mark-up</source>
        <translation>保存标注</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="195" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="214" />
        <source>Text on the photo</source>
        <translation>照片上的文字</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="214" />
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="223" />
        <source>Discard the marks?</source>
        <translation>放弃已画的标注？</translation>
    </message>
    <message>
        <location filename="../../ui/markup_dialog.py" line="224" />
        <source>The marks drawn on this photo will be lost.</source>
        <translation>在这张照片上画的标注将会丢失。</translation>
    </message>
</context>
<context>
    <name>NextSteps</name>
    <message>
        <location filename="../../ui/case_steps.py" line="121" />
        <source>Open now ({n})</source>
        <translation>现在可以办理（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="127" />
        <source>No step is open now: see the reasons below.</source>
        <translation>现在没有可以办理的程序事项，原因见下。</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="130" />
        <source>Documents that may be made now ({n})</source>
        <translation>现在可以制作的文书（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="133" />
        <source>Not open now, and why ({n})</source>
        <translation>暂不能办理及原因（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="160" />
        <source>Open now: click to fill in its form</source>
        <translation>可以办理：点击打开相应表单</translation>
    </message>
</context>
<context>
    <name>NumberBlocksDialog</name>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="104" />
        <source>Document number blocks</source>
        <translation>文号号段</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="108" />
        <source>Blocks</source>
        <translation>号段</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="109" />
        <source>Used and void numbers</source>
        <translation>已开具与作废的文号</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="120" />
        <location filename="../../ui/number_blocks_dialog.py" line="133" />
        <location filename="../../ui/number_blocks_dialog.py" line="139" />
        <location filename="../../ui/number_blocks_dialog.py" line="151" />
        <source>Document kind</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="120" />
        <location filename="../../ui/number_blocks_dialog.py" line="133" />
        <location filename="../../ui/number_blocks_dialog.py" line="151" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="120" />
        <source>Serials</source>
        <translation>号段范围</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="121" />
        <source>Next number</source>
        <translation>下一个号</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="121" />
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="121" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="127" />
        <source>Add block</source>
        <translation>添加号段</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="134" />
        <source>First serial</source>
        <translation>起始号</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="134" />
        <source>Last serial</source>
        <translation>截止号</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="136" />
        <source>Enter a block by hand</source>
        <translation>手工录入号段</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="139" />
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="139" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="140" />
        <location filename="../../ui/number_blocks_dialog.py" line="152" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="145" />
        <source>e.g. misprinted, form spoiled</source>
        <translation>例如：打印错误、文书污损</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="146" />
        <location filename="../../ui/number_blocks_dialog.py" line="273" />
        <source>Void number</source>
        <translation>作废号码</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="152" />
        <source>Serial</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="154" />
        <source>Void a number (issued, or unused in a block)</source>
        <translation>作废号码（已开具的，或号段中尚未使用的）</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="195" />
        <source>This device is enrolled with a bureau: its blocks normally arrive when it syncs. Enter a block here when the bureau assigns one on paper.</source>
        <translation>本机已向局里登记：号段通常在同步时由局里下发。局里以书面方式分配号段时，可在此手工录入。</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="197" />
        <source>This device works without a bureau: the first time a kind of document is issued in a year it reserves serials 1–100 itself. Enter the blocks the bureau assigned here.</source>
        <translation>本机未向局里登记：某类文书在一年中首次开具时，本机自行预留 1–100 号。局里分配的号段请在此录入。</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="200" />
        <source>Entered on this device</source>
        <translation>本机录入</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="200" />
        <source>From the bureau</source>
        <translation>局里下发</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="206" />
        <source>used up</source>
        <translation>已用完</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="209" />
        <source>Issued</source>
        <translation>已开具</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="209" />
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="234" />
        <source>Block {title} {year} {start}–{end} added: {n} numbers free.</source>
        <translation>已添加号段：{title} {year} 年 {start}–{end}，可用 {n} 个号。</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="270" />
        <source>Void serial {serial} of {title} {year}? A void number is never issued again; this cannot be undone.</source>
        <translation>作废{title} {year} 年第 {serial} 号？作废的号码不再开具，且不可撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/number_blocks_dialog.py" line="280" />
        <source>{number} recorded as void.</source>
        <translation>{number} 已登记为作废。</translation>
    </message>
</context>
<context>
    <name>NumberInput</name>
    <message>
        <location filename="../../ui/number_input.py" line="49" />
        <source>The year must be a four-digit number, e.g. {year}.</source>
        <translation>年度须为四位数字，例如 {year}。</translation>
    </message>
    <message>
        <location filename="../../ui/number_input.py" line="60" />
        <location filename="../../ui/number_input.py" line="82" />
        <source>Choose the document kind.</source>
        <translation>请选择文书种类。</translation>
    </message>
    <message>
        <location filename="../../ui/number_input.py" line="62" />
        <source>The first serial must be a whole number of at least 1.</source>
        <translation>起始号须为不小于 1 的整数。</translation>
    </message>
    <message>
        <location filename="../../ui/number_input.py" line="64" />
        <source>The last serial must be a whole number of at least 1.</source>
        <translation>截止号须为不小于 1 的整数。</translation>
    </message>
    <message>
        <location filename="../../ui/number_input.py" line="67" />
        <source>The last serial ({end}) is smaller than the first ({start}).</source>
        <translation>截止号（{end}）小于起始号（{start}）。</translation>
    </message>
    <message>
        <location filename="../../ui/number_input.py" line="72" />
        <source>Serials {start}–{end} overlap the block {a}–{b} of the same kind and year: a number could be issued twice.</source>
        <translation>号段 {start}–{end} 与同种类同年度的已有号段 {a}–{b} 重叠，同一文号可能被开出两次。</translation>
    </message>
    <message>
        <location filename="../../ui/number_input.py" line="85" />
        <source>Enter the serial to void.</source>
        <translation>请填写要作废的序号。</translation>
    </message>
    <message>
        <location filename="../../ui/number_input.py" line="86" />
        <source>The serial must be a whole number of at least 1.</source>
        <translation>序号须为不小于 1 的整数。</translation>
    </message>
    <message>
        <location filename="../../ui/number_input.py" line="89" />
        <source>{number} is already void.</source>
        <translation>{number} 已作废。</translation>
    </message>
    <message>
        <location filename="../../ui/number_input.py" line="93" />
        <source>Serial {serial} of {year} is in no block of this kind on this device.</source>
        <translation>{year} 年第 {serial} 号不在本机此类文书的任何号段内。</translation>
    </message>
    <message>
        <location filename="../../ui/number_input.py" line="97" />
        <source>Give the reason for voiding the number.</source>
        <translation>请填写作废原因。</translation>
    </message>
</context>
<context>
    <name>OfficerPicker</name>
    <message>
        <location filename="../../ui/officer_picker.py" line="19" />
        <source>Filter by name, certificate number or unit</source>
        <translation>按姓名、执法证号或单位筛选</translation>
    </message>
    <message>
        <location filename="../../ui/officer_picker.py" line="37" />
        <source>Cert. No.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../ui/officer_picker.py" line="93" />
        <source>{n} officers selected</source>
        <translation>已选 {n} 名执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/officer_picker.py" line="95" />
        <source>an inspection needs at least two officers with certificates</source>
        <translation>现场检查须有两名以上持证执法人员</translation>
    </message>
</context>
<context>
    <name>PenaltyDialog</name>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="44" />
        <source>Penalty calculator</source>
        <translation>罚款裁量计算</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="50" />
        <source>(not considered)</source>
        <translation>（不考虑）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="60" />
        <source>Treatment</source>
        <translation>处罚情节</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="62" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="66" />
        <source>Legal ground for lighter/reduced</source>
        <translation>从轻、减轻的法定情形</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="67" />
        <source>not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="69" />
        <source>Total investment (where the fine depends on it)</source>
        <translation>项目总投资（按投资额计罚时）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="85" />
        <source>Discretion factors</source>
        <translation>裁量因素</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="86" />
        <source>No penalty (exemption list)</source>
        <translation>免罚清单（不予处罚）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="109" />
        <source>Blank: the suggested fine; e.g. 1000000.05</source>
        <translation>留空即采用建议罚款；例：1000000.05</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="110" />
        <source>Why it differs from the suggestion</source>
        <translation>与建议罚款不同的理由</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="111" />
        <source>Only for an amount outside the statutory range</source>
        <translation>仅在罚款超出法定幅度时填写</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="114" />
        <source>Decided fine (yuan)</source>
        <translation>决定罚款（元）</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="115" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="116" />
        <source>Legal ground</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="131" />
        <source>Discard the chosen factors?</source>
        <translation>放弃所选的裁量因素？</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="132" />
        <source>The factors chosen here are not saved. Close the calculator without saving them?</source>
        <translation>此处选择的裁量因素尚未保存。不保存就关闭计算器吗？</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="156" />
        <source>Cannot compute</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="162" />
        <source>Decided fine: {amount} yuan</source>
        <translation>决定罚款：{amount} 元</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="163" />
        <source>Suggested fine: {amount} yuan</source>
        <translation>建议罚款：{amount} 元</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="164" />
        <source>Statutory range {low}–{high} yuan; {formula}</source>
        <translation>法定幅度 {low}–{high} 元；{formula}</translation>
    </message>
    <message>
        <location filename="../../ui/penalty_dialog.py" line="176" />
        <source>Cannot save the fine</source>
        <translation>无法保存罚款</translation>
    </message>
</context>
<context>
    <name>PhotoDetail</name>
    <message>
        <location filename="../../ui/photo_detail.py" line="20" />
        <source>height above take-off {v} m</source>
        <translation>相对起飞点高度 {v} 米</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="21" />
        <source>altitude {v} m</source>
        <translation>海拔 {v} 米</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="22" />
        <source>gimbal pitch {v}°</source>
        <translation>云台俯仰 {v}°</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="23" />
        <source>gimbal yaw {v}°</source>
        <translation>云台偏航 {v}°</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="24" />
        <source>gimbal roll {v}°</source>
        <translation>云台横滚 {v}°</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="25" />
        <source>heading {v}°</source>
        <translation>机头朝向 {v}°</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="26" />
        <source>GPS {v}</source>
        <translation>GPS {v}</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="27" />
        <source>camera {v}</source>
        <translation>镜头 {v}</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="41" />
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="56" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="56" />
        <source>Taken at</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="56" />
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="57" />
        <source>Camera</source>
        <translation>相机</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="57" />
        <source>Drone</source>
        <translation>无人机</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="57" />
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="58" />
        <source>From site</source>
        <translation>距厂址</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="58" />
        <source>Also seen as</source>
        <translation>其他文件名</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="59" />
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="59" />
        <source>Marked copy</source>
        <translation>标注件</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="65" />
        <source>What this photo proves</source>
        <translation>这张照片证明的事项</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="66" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="74" />
        <source>Caption</source>
        <translation>证明事项</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="119" />
        <source>alt. {m} m</source>
        <translation>海拔 {m} 米</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="131" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="142" />
        <source>turned 180° when shown</source>
        <translation>显示时旋转 180°</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="142" />
        <source>turned 90° clockwise when shown</source>
        <translation>显示时顺时针旋转 90°</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="143" />
        <source>turned 90° counter-clockwise when shown</source>
        <translation>显示时逆时针旋转 90°</translation>
    </message>
    <message>
        <location filename="../../ui/photo_detail.py" line="146" />
        <source>orientation {n}</source>
        <translation>方向 {n}</translation>
    </message>
</context>
<context>
    <name>PhotoGrid</name>
    <message>
        <location filename="../../ui/photo_grid.py" line="20" />
        <source>no time</source>
        <translation>无时间</translation>
    </message>
    <message>
        <location filename="../../ui/photo_grid.py" line="21" />
        <source>no location</source>
        <translation>无位置</translation>
    </message>
    <message>
        <location filename="../../ui/photo_grid.py" line="22" />
        <source>off-window</source>
        <translation>时段外</translation>
    </message>
    <message>
        <location filename="../../ui/photo_grid.py" line="23" />
        <source>far from site</source>
        <translation>远离厂址</translation>
    </message>
    <message>
        <location filename="../../ui/photo_grid.py" line="24" />
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../ui/photo_grid.py" line="25" />
        <source>clock off</source>
        <translation>时钟不符</translation>
    </message>
</context>
<context>
    <name>PhotoNoteForm</name>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="195" />
        <source>Explain it (printed beside the photo)</source>
        <translation>说明疑点（印在照片旁）</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="196" />
        <source>Leave it out of the case</source>
        <translation>不作为本案证据</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="202" />
        <source>Record the note</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="212" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="213" />
        <source>Flagged because</source>
        <translation>疑点</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="214" />
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="215" />
        <source>Explanation or reason</source>
        <translation>说明或理由</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="216" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="230" />
        <source>Not open now: {reason}</source>
        <translation>暂不能办理：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="232" />
        <source>None of the photos this case cites is flagged: nothing to explain.</source>
        <translation>本案引用的照片均无疑点，无需说明。</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="241" />
        <source>not explained yet</source>
        <translation>尚未说明</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="242" />
        <source>left out of the case</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="242" />
        <source>explained</source>
        <translation>已说明</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="250" />
        <source>Noted: {text}</source>
        <translation>已登记：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="257" />
        <source>Why it was taken then or there, e.g. the camera clock was wrong</source>
        <translation>为何在该时间、地点拍摄，如相机时间设置有误</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="259" />
        <source>Why it is left out, e.g. taken at another site</source>
        <translation>排除的理由，如系在其他地点拍摄</translation>
    </message>
</context>
<context>
    <name>QCoreApplication.self</name>
    <message>
        <location filename="../../ui/cases_screen.py" line="155" />
        <source>Choose the report's PDF or scan first.</source>
        <translation>请先选择监测报告的 PDF 文件或扫描件。</translation>
    </message>
</context>
<context>
    <name>ReadingsChart</name>
    <message>
        <location filename="../../ui/readings_chart.py" line="84" />
        <source>Limit {v} {u}</source>
        <translation>限值 {v} {u}</translation>
    </message>
    <message>
        <location filename="../../ui/readings_chart.py" line="93" />
        <source>Exceeding ({n})</source>
        <translation>超标（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/readings_chart.py" line="109" />
        <source>Time ({day})</source>
        <translation>时间（{day}）</translation>
    </message>
    <message>
        <location filename="../../ui/readings_chart.py" line="110" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>ReadingsTab</name>
    <message>
        <location filename="../../ui/readings_tab.py" line="41" />
        <source>instantaneous</source>
        <translation>瞬时值</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="42" />
        <source>average</source>
        <translation>平均值</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="43" />
        <source>peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="44" />
        <source>minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="61" />
        <source>Import instrument data…</source>
        <translation>导入仪器数据…</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="64" />
        <source>Detect the format</source>
        <translation>自动识别格式</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="68" />
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="73" />
        <source>Pollutant</source>
        <translation>污染物</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="73" />
        <source>Statistic</source>
        <translation>统计量</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="73" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="74" />
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="74" />
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="74" />
        <source>Mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="74" />
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="75" />
        <source>Exceeding</source>
        <translation>超标次数</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="75" />
        <source>Max multiple</source>
        <translation>最大超标倍数</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="92" />
        <source>Outlet</source>
        <translation>排放口</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="111" />
        <source>no limit check</source>
        <translation>不对照限值</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="118" />
        <source>Save the inspection first, then import its readings.</source>
        <translation>请先保存本次检查，再导入监测数据。</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="147" />
        <source>Import instrument data</source>
        <translation>导入仪器数据</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="179" />
        <source>Reading {name}: {n} samples</source>
        <translation>正在读取 {name}：{n} 个数据</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="183" />
        <source>{fmt}: {n} series imported</source>
        <translation>{fmt}：导入 {n} 个数据序列</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="186" />
        <source>This file was already imported.</source>
        <translation>该文件已导入过。</translation>
    </message>
    <message>
        <location filename="../../ui/readings_tab.py" line="202" />
        <source>Import cancelled; nothing was stored.</source>
        <translation>已取消导入，未保存任何数据。</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="103" />
        <source>As printed on the report</source>
        <translation>按报告上印的编号填写</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="104" />
        <source>The qualified monitoring body that issued it</source>
        <translation>出具报告的有资质监测机构</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="105" />
        <source>The report's PDF or scan</source>
        <translation>报告的 PDF 文件或扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="106" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="108" />
        <source>Attach monitoring report</source>
        <translation>附加监测报告</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="115" />
        <source>Add result</source>
        <translation>添加监测结果</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="115" />
        <source>Remove result</source>
        <translation>删除所选结果</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="122" />
        <source>One row per result of the report. Limit: 100 (a maximum), ≥5 (a minimum) or 6～9 (a range); write 无量纲 as the unit of pH; the sampling date (optional) as YYYY-MM-DD. The multiple is computed.</source>
        <translation>报告的每项监测结果一行。限值写 100（最高允许限值）、≥5（下限）或 6～9（范围）；pH 的单位写「无量纲」；采样日期（可不填）写 YYYY-MM-DD。超标倍数由程序计算。</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="129" />
        <source>Report number</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="130" />
        <source>Monitoring body</source>
        <translation>监测机构</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="131" />
        <source>Report date</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="132" />
        <source>Report file</source>
        <translation>报告文件</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="133" />
        <source>Results</source>
        <translation>监测结果</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="145" />
        <source>Not open now: {reason}</source>
        <translation>暂不能办理：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="147" />
        <source>{body}, report {number} of {date}</source>
        <translation>{body}（报告编号 {number}，{date}）</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="150" />
        <source>Attached: {reports}</source>
        <translation>已附：{reports}</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="151" />
        <source>No monitoring report attached yet. An exceedance needs one before the notice; screening readings are only a lead.</source>
        <translation>尚未附监测报告。超标排放的违法行为在告知前须附有资质监测机构出具的监测报告；快速检测读数只作线索。</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="157" />
        <source> (no results entered: the notice and the decision cite it by number only)</source>
        <translation>（未录入监测结果：告知书、决定书只能引用报告编号）</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="158" />
        <source> ({count} results, {over} over the limit)</source>
        <translation>（监测结果{count}项，其中超过限值{over}项）</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="60" />
        <source>Outlet or point</source>
        <translation>排放口/监测点位</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="60" />
        <source>Pollutant</source>
        <translation>污染物</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="60" />
        <source>Measured</source>
        <translation>监测值</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="61" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="61" />
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="61" />
        <source>Standard (name and number)</source>
        <translation>标准（名称及编号）</translation>
    </message>
    <message>
        <location filename="../../ui/case_evidence_forms.py" line="62" />
        <source>Sampling date</source>
        <translation>采样日期</translation>
    </message>
</context>
<context>
    <name>SealFlow</name>
    <message>
        <location filename="../../ui/seal_flow.py" line="29" />
        <source>  · … and {n} more</source>
        <translation>  · ……另有 {n} 个</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="31" />
        <source>Still missing:</source>
        <translation>尚缺：</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="35" />
        <source>Enterprise: {name}</source>
        <translation>企业：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="36" />
        <source>Officers: {certs}</source>
        <translation>执法人员（执法证号）：{certs}</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="37" />
        <source>Time: {start} – {end}</source>
        <translation>时间：{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="38" />
        <source>not ended</source>
        <translation>未结束</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="39" />
        <source>Checklist: {answers}</source>
        <translation>检查表：{answers}</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="40" />
        <source>Findings: {n}</source>
        <translation>发现的问题：{n} 条</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="41" />
        <source>Evidence files: {n}</source>
        <translation>证据文件：{n} 个</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="42" />
        <source>After sealing the record is read-only; later changes are made as an amendment. Seal now?</source>
        <translation>封存后记录只读，此后的修改须以补正记录进行。现在封存吗？</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="49" />
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="50" />
        <source>document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="51" />
        <source>signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="52" />
        <source>instrument export</source>
        <translation>仪器导出数据</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="53" />
        <source>marked-up copy</source>
        <translation>标注副本</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="54" />
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="55" />
        <source>other file</source>
        <translation>其他文件</translation>
    </message>
    <message>
        <location filename="../../ui/screenshots.py" line="227" />
        <location filename="../../ui/seal_flow.py" line="61" />
        <source>Seal this inspection</source>
        <translation>封存本次检查</translation>
    </message>
    <message>
        <location filename="../../ui/seal_flow.py" line="65" />
        <source>{n} things are still missing (listed above). A sealed record cannot be completed later, only amended. Seal anyway?</source>
        <translation>还有 {n} 项未完成（见上文）。封存后不能再补填，只能以补正记录修改。仍要封存吗？</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="33" />
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="34" />
        <source>Urumqi time</source>
        <translation>乌鲁木齐时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="35" />
        <source>Hong Kong time</source>
        <translation>香港时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="36" />
        <source>Coordinated Universal Time</source>
        <translation>协调世界时</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="69" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73" />
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="88" />
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="91" />
        <source>Shipped font (WenQuanYi Micro Hei)</source>
        <translation>随程序提供的字体（文泉驿微米黑）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94" />
        <source>Document number blocks…</source>
        <translation>文号号段…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="97" />
        <source>Bureau details on decisions…</source>
        <translation>决定书落款信息…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="107" />
        <source>This machine's officer</source>
        <translation>本机执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="108" />
        <source>Bureau name</source>
        <translation>机关名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="109" />
        <source>Document prefix (机关代字)</source>
        <translation>文号机关代字</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="110" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="114" />
        <location filename="../../ui/settings_dialog.py" line="163" />
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="115" />
        <source>Bureau server URL</source>
        <translation>局端服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="116" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="120" />
        <source>Document font</source>
        <translation>文书字体</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="124" />
        <source>Document numbers (文号)</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="128" />
        <source>Decisions (决定书)</source>
        <translation>决定书</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="153" />
        <source>Choose the document font</source>
        <translation>选择文书字体</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="158" />
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="164" />
        <source>EcoField will use {path} from the next start.</source>
        <translation>下次启动时将使用 {path}。</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../ui/signature_pad.py" line="176" />
        <source>Sign {number}</source>
        <translation>签名：{number}</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="178" />
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="178" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="178" />
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="186" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="192" />
        <source>Signer</source>
        <translation>签名人</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="193" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="194" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="221" />
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="221" />
        <source>Enter the signer's name and sign on the pad.</source>
        <translation>请填写签名人姓名并在签名板上签名。</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="235" />
        <source>Discard the signature?</source>
        <translation>放弃这个签名？</translation>
    </message>
    <message>
        <location filename="../../ui/signature_pad.py" line="235" />
        <source>The signature drawn here is not saved. Discard it?</source>
        <translation>此处所写的签名尚未保存。确定放弃吗？</translation>
    </message>
</context>
<context>
    <name>SiteMap</name>
    <message>
        <location filename="../../ui/site_map.py" line="57" />
        <source>Wheel or +/− to zoom, drag to move, 0 or double-click to fit the site</source>
        <translation>滚轮或 +/− 缩放，拖动移动，按 0 或双击回到整个厂区</translation>
    </message>
    <message>
        <location filename="../../ui/site_map.py" line="172" />
        <source>No coordinates to draw</source>
        <translation>没有可绘制的坐标</translation>
    </message>
    <message>
        <location filename="../../ui/site_map.py" line="255" />
        <source>N</source>
        <translation>北</translation>
    </message>
</context>
<context>
    <name>StepForms</name>
    <message>
        <location filename="../../ui/case_steps.py" line="188" />
        <location filename="../../ui/case_steps.py" line="203" />
        <source>Event</source>
        <translation>程序事项</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="189" />
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="190" />
        <source>Statement</source>
        <translation>陈述申辩</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="191" />
        <source>Monitoring report</source>
        <translation>监测报告</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="192" />
        <source>Flagged photos</source>
        <translation>照片疑点</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="201" />
        <source>Record event</source>
        <translation>登记程序事项</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="205" />
        <location filename="../../ui/case_steps.py" line="229" />
        <location filename="../../ui/case_steps.py" line="257" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="222" />
        <source>Record approval</source>
        <translation>登记审批</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="224" />
        <source>Step</source>
        <translation>审批事项</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="226" />
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="227" />
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="228" />
        <source>Opinion</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="245" />
        <source>Not reviewed yet</source>
        <translation>尚未复核</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="246" />
        <source>Adopted</source>
        <translation>采纳</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="247" />
        <source>Not adopted</source>
        <translation>不采纳</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="248" />
        <source>Stated at the hearing</source>
        <translation>在听证会上陈述</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="250" />
        <source>Record statement</source>
        <translation>登记陈述申辩</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="253" />
        <source>What the party stated</source>
        <translation>当事人陈述申辩内容</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="254" />
        <source>Review</source>
        <translation>复核结论</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="255" />
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/case_steps.py" line="307" />
        <source>Not open now: {reason}</source>
        <translation>暂不能办理：{reason}</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../ui/sync_screen.py" line="47" />
        <source>one-time code from the bureau</source>
        <translation>局端发放的一次性注册码</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="48" />
        <source>Enrol this device</source>
        <translation>注册本设备</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="49" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="50" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="54" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="54" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="54" />
        <source>Mine</source>
        <translation>本机版本</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="55" />
        <source>Bureau's</source>
        <translation>局端版本</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="55" />
        <source>Detected</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="60" />
        <source>Choose a conflict to compare your version with the bureau's.</source>
        <translation>选择一条冲突，对比本机版本与局端版本。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="61" />
        <source>No conflicts: when the bureau has kept another version of a record you changed, it is listed here to settle.</source>
        <translation>没有冲突。局端保留了您改动过的记录的另一版本时，会列在这里等您处理。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="64" />
        <source>The bureau's version stands</source>
        <translation>以局端版本为准</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="65" />
        <source>Mine is re-entered as a new change</source>
        <translation>本机内容作为新修改重新录入</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="66" />
        <source>Mark as settled</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="78" />
        <source>Enrolled</source>
        <translation>已注册</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="78" />
        <source>Bureau server</source>
        <translation>局端服务器</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="79" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="79" />
        <source>Last successful sync</source>
        <translation>上次成功同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="80" />
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="80" />
        <source>Waiting to be sent</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="81" />
        <source>Open conflicts</source>
        <translation>未处理冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="82" />
        <source>This device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="86" />
        <source>Enrol with a bureau</source>
        <translation>向局端注册</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="88" />
        <source>Server URL</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="89" />
        <source>Code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="98" />
        <source>Conflicts (the bureau kept another version)</source>
        <translation>冲突（局端保留了另一版本）</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="110" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="121" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="121" />
        <source>no — enter the bureau's URL and a code</source>
        <translation>否——请输入局端地址和注册码</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="124" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="126" />
        <source>{n} changes, {b} files</source>
        <translation>{n} 条记录、{b} 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="148" />
        <source>Enrol</source>
        <translation>注册</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="148" />
        <source>Enter the bureau's server URL and the code.</source>
        <translation>请输入局端服务器地址和注册码。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="154" />
        <source>Enrolled as {name} ({cert}).</source>
        <translation>已注册为 {name}（{cert}）。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="177" />
        <source>Uploading records</source>
        <translation>上传记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="177" />
        <source>Uploading evidence files</source>
        <translation>上传证据文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="178" />
        <source>Uploading the audit log</source>
        <translation>上传审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="178" />
        <source>Downloading updates</source>
        <translation>下载更新</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="183" />
        <source>Synced: {p} sent, {b} files, {d} received, {c} conflicts</source>
        <translation>同步完成：上传 {p} 条、文件 {b} 个，下载 {d} 条，冲突 {c} 条</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="186" />
        <source>Sync cancelled; it continues where it stopped next time.</source>
        <translation>同步已取消；下次从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="188" />
        <source>Sync failed: {error}</source>
        <translation>同步失败：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="205" />
        <source>Mine:</source>
        <translation>本机版本：</translation>
    </message>
    <message>
        <location filename="../../ui/sync_screen.py" line="206" />
        <source>The bureau's:</source>
        <translation>局端版本：</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="99" />
        <source>Not enrolled with a bureau</source>
        <translation>未注册局端</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="101" />
        <source>Online: the bureau answers</source>
        <translation>在线：局端可达</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="101" />
        <source>Offline: no answer from the bureau</source>
        <translation>离线：局端无响应</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="103" />
        <source>Network: unknown</source>
        <translation>网络：未知</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="105" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="105" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="107" />
        <source>last sync failed</source>
        <translation>上次同步失败</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="109" />
        <source>{n} changes to sync</source>
        <translation>待同步 {n} 条</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="111" />
        <source>Last sync: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="112" />
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>TasksScreen</name>
    <message>
        <location filename="../../ui/tasks_screen.py" line="29" />
        <source>No tasks</source>
        <translation>没有任务</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="30" />
        <source>Tasks arrive from the bureau when you sync (同步). Without a task you can still inspect: pick an enterprise under 企业 and press “New inspection”.</source>
        <translation>任务在「同步」时从局端下发。没有任务也可以检查：在「企业」中选择企业后点击「新建检查」。</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="32" />
        <source>Go to sync</source>
        <translation>前往同步</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="33" />
        <source>Go to enterprises</source>
        <translation>前往企业档案</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="34" />
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="36" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="39" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="39" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="40" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="41" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="41" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="42" />
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="43" />
        <source>Search: task, enterprise, kind (Ctrl+F)</source>
        <translation>搜索：任务、企业、类型（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="46" />
        <location filename="../../ui/tasks_screen.py" line="70" />
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../ui/tasks_screen.py" line="70" />
        <source>Select a task first.</source>
        <translation>请先选择一项任务。</translation>
    </message>
</context>
</TS>