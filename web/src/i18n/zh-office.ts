/** Back-office messages: boards, supervision of an item, settlement, settings editors. */
export const zhOffice = {
  'nav.settlement': '月度结算', 'nav.comments': '评论管理', 'common.next': '下一页', 'common.previous': '上一页',

  'inbox.lead': '新反映的问题按时间先后排列，附建议类别、建议牵头单位和可能的重复件。',
  'inbox.suggestedCategory': '建议类别', 'inbox.suggestedDepartment': '建议牵头单位', 'inbox.duplicates': '可能重复',

  'workspace.missingReports': '本周未报送进展', 'workspace.noMissing': '没有缺报的办件', 'workspace.warned': '预警办件',
  'workspace.noWarnings': '没有预警办件', 'workspace.hint': '打开办件可制定整改计划、申请延期和上传整改证据。',

  'board.byWarning': '按预警等级', 'board.warning': '预警', 'board.item': '问题', 'board.progress': '进度',
  'board.plannedReported': '计划 {planned} / 报送 {reported}', 'board.noWarnings': '没有该等级的预警',
  'board.missingReports': '未按周报送进展', 'board.actions': '督办记录（近一个月）', 'board.actionUnit': '督办对象单位',
  'board.pickUnit': '选择单位后可对该单位记录督办措施。',

  'leader.owned': '领导领办的问题', 'leader.ownedCount': '领办总数',

  'sup.title': '督办情况', 'sup.lastReport': '最近报送', 'sup.nextReport': '下次报送截止', 'sup.plan': '整改计划（倒排节点）',
  'sup.noPlan': '尚未制定整改计划', 'sup.template': '计划模板', 'sup.applyTemplate': '按模板倒排', 'sup.milestone': '节点名称',
  'sup.due': '完成时限', 'sup.weight': '权重', 'sup.addMilestone': '添加节点', 'sup.extensions': '延期申请',
  'sup.extensionLine': '时限 {from} → {to}', 'sup.newDeadline': '申请延至', 'sup.askExtension': '申请延期',
  'sup.grant': '同意延期', 'sup.refuse': '不同意', 'sup.actions': '督办措施', 'sup.noActions': '暂无督办措施',
  'sup.automatic': '系统自动', 'sup.kind': '措施类型', 'sup.people': '涉及人员', 'sup.peopleHint': '多人用逗号分隔',
  'sup.record': '记录督办措施', 'sup.allActions': '显示全部 {n} 条',
  'ext.pending': '待审批', 'ext.granted': '已同意', 'ext.refused': '未同意',
  'supKind.reminder': '催办', 'supKind.letter': '督办函', 'supKind.summons': '约谈', 'supKind.notice': '通报', 'supKind.flagged': '挂牌督办',

  'settle.button': '结算本月', 'settle.confirm': '确定结算 {month} 吗？结算后该月成绩冻结，不再随数据变化。',
  'settle.done': '{month} 已结算', 'settle.settledBy': '已结算 {at} {by}',

  'settings.questions': '类别补充问题', 'settings.timeLimits': '办理时限', 'settings.calendar': '节假日',
  'questions.lead': '群众选择该类别反映问题时需回答的补充问题，也作为 Open311 的服务属性。', 'questions.none': '该类别暂无补充问题',
  'questions.add': '添加问题', 'questions.label': '问题', 'questions.codeHint': '英文字母开头，用于接口',
  'questions.datatype': '回答类型', 'questions.help': '填写说明', 'questions.required': '必答',
  'questions.options': '选项', 'questions.optionsHint': '每行一个：代码=名称|英文名称', 'questions.up': '上移第 {n} 题', 'questions.down': '下移第 {n} 题',
  'datatype.string': '单行文字', 'datatype.text': '多行文字', 'datatype.number': '数字', 'datatype.datetime': '日期时间',
  'datatype.singlevaluelist': '单选', 'datatype.multivaluelist': '多选',
  'limits.lead': '每个问题类别对应一个时限档次，交办时按档次和节假日自动计算整改时限。', 'limits.amount': '时限',
  'limits.unit': '单位', 'limits.signFor': '签收时限（小时）',
  'tier.immediate': '即知即改', 'tier.enquiry': '咨询', 'tier.simple': '一般事项', 'tier.cross_department': '跨部门事项', 'tier.historic': '历史遗留',
  'unit.working_days': '工作日', 'unit.calendar_days': '自然日', 'unit.calendar_months': '自然月',
  'calendar.year': '年份', 'calendar.daysOff': '放假日期（{n} 天）', 'calendar.workdays': '调休上班日（{n} 天）',
  'calendar.hint': '每行一天：YYYY-MM-DD 名称', 'calendar.badLines': '无法识别的行：{lines}',
  'calendar.source.custom': '管理员录入', 'calendar.source.shipped': '系统内置（国务院办公厅通知）', 'calendar.source.none': '尚无该年数据，请录入',
  'nav.sheets': '导入导出', 'sheets.import': '导入整改清单', 'sheets.importLead': '上传 .xlsx 或 .csv 格式的整改清单，按表头识别列。建议先试导入检查，再正式导入；再次导入同一表格会更新而不会重复。',
  'sheets.file': '表格文件', 'sheets.mode': '导入方式', 'sheets.dryRun': '试导入（只检查，不写入）', 'sheets.strict': '整表导入（有错误则全部不导入）',
  'sheets.validOnly': '只导入正确的行（错误行另存）', 'sheets.run': '开始', 'sheets.committed': '已导入', 'sheets.checkedOk': '检查通过，可以正式导入',
  'sheets.notImported': '表格有问题，未导入', 'sheets.totals': '共 {rows} 行：正确 {valid} 行，错误 {invalid} 行；新建 {created} 个，更新 {updated} 个',
  'sheets.rejected': '下载错误行', 'sheets.row': '行', 'sheets.column': '列', 'sheets.problem': '问题',
  'sheets.export': '导出', 'sheets.search': '关键词', 'sheets.xlsx': '导出 Excel（.xlsx）', 'sheets.csv': '导出 CSV',
  'sheets.month': '结算月份', 'sheets.settlement': '导出月度结算和排名',
};
