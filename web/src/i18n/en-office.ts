import type { zhOffice } from './zh-office.js';

export const enOffice: Record<keyof typeof zhOffice, string> = {
  'nav.settlement': 'Monthly settlement', 'nav.comments': 'Comments', 'common.next': 'Next', 'common.previous': 'Previous',

  'inbox.lead': 'New reports, oldest first, with a suggested category, a suggested lead unit and likely duplicates.',
  'inbox.suggestedCategory': 'Suggested category', 'inbox.suggestedDepartment': 'Suggested lead unit', 'inbox.duplicates': 'Likely duplicates',

  'workspace.missingReports': 'No progress report this week', 'workspace.noMissing': 'No reports missing', 'workspace.warned': 'Items with warnings',
  'workspace.noWarnings': 'No warnings', 'workspace.hint': 'Open an item to plan milestones, ask for an extension or upload evidence.',

  'board.byWarning': 'By warning level', 'board.warning': 'Warning', 'board.item': 'Item', 'board.progress': 'Progress',
  'board.plannedReported': 'planned {planned} / reported {reported}', 'board.noWarnings': 'No warnings at this level',
  'board.missingReports': 'Missing weekly reports', 'board.actions': 'Supervision actions (last month)', 'board.actionUnit': 'Unit',
  'board.pickUnit': 'Pick a unit to record an action against it.',

  'leader.owned': 'Items owned by leaders', 'leader.ownedCount': 'Owned in all',

  'sup.title': 'Supervision', 'sup.lastReport': 'Last report', 'sup.nextReport': 'Next report due', 'sup.plan': 'Plan (back-scheduled milestones)',
  'sup.noPlan': 'No plan yet', 'sup.template': 'Template', 'sup.applyTemplate': 'Plan from template', 'sup.milestone': 'Milestone',
  'sup.due': 'Due', 'sup.weight': 'Weight', 'sup.addMilestone': 'Add milestone', 'sup.extensions': 'Extensions',
  'sup.extensionLine': 'deadline {from} → {to}', 'sup.newDeadline': 'Extend to', 'sup.askExtension': 'Ask for extension',
  'sup.grant': 'Grant', 'sup.refuse': 'Refuse', 'sup.actions': 'Supervision actions', 'sup.noActions': 'No supervision actions',
  'sup.automatic': 'automatic', 'sup.kind': 'Kind', 'sup.people': 'People', 'sup.peopleHint': 'Separate names with commas',
  'sup.record': 'Record action', 'sup.allActions': 'Show all {n}',
  'ext.pending': 'Pending', 'ext.granted': 'Granted', 'ext.refused': 'Refused',
  'supKind.reminder': 'Reminder', 'supKind.letter': 'Supervision letter', 'supKind.summons': 'Summons', 'supKind.notice': 'Public notice', 'supKind.flagged': 'Flagged supervision',

  'settle.button': 'Settle this month', 'settle.confirm': 'Settle {month}? Its scores are then frozen.',
  'settle.done': '{month} settled', 'settle.settledBy': 'Settled {at} {by}',

  'settings.questions': 'Category questions', 'settings.timeLimits': 'Time limits', 'settings.calendar': 'Holidays',
  'questions.lead': 'Questions asked when someone reports in this category; also Open311 service attributes.', 'questions.none': 'No questions for this category',
  'questions.add': 'Add question', 'questions.label': 'Question', 'questions.codeHint': 'Starts with a letter; used by the API',
  'questions.datatype': 'Answer type', 'questions.help': 'Help text', 'questions.required': 'Required',
  'questions.options': 'Options', 'questions.optionsHint': 'One per line: key=名称|English name', 'questions.up': 'Move question {n} up', 'questions.down': 'Move question {n} down',
  'datatype.string': 'Short text', 'datatype.text': 'Long text', 'datatype.number': 'Number', 'datatype.datetime': 'Date and time',
  'datatype.singlevaluelist': 'One choice', 'datatype.multivaluelist': 'Several choices',
  'limits.lead': 'Each category names a tier; assignment computes the deadline from it and the holiday calendar.', 'limits.amount': 'Limit',
  'limits.unit': 'Unit', 'limits.signFor': 'Sign-for limit (hours)',
  'tier.immediate': 'Fix at once', 'tier.enquiry': 'Enquiry', 'tier.simple': 'Simple', 'tier.cross_department': 'Cross-department', 'tier.historic': 'Historic',
  'unit.working_days': 'working days', 'unit.calendar_days': 'calendar days', 'unit.calendar_months': 'calendar months',
  'calendar.year': 'Year', 'calendar.daysOff': 'Days off ({n})', 'calendar.workdays': 'Adjusted workdays ({n})',
  'calendar.hint': 'One day per line: YYYY-MM-DD name', 'calendar.badLines': 'Lines not understood: {lines}',
  'calendar.source.custom': 'Entered by an administrator', 'calendar.source.shipped': 'Shipped (State Council notice)', 'calendar.source.none': 'No data for this year yet — please enter it',
  'nav.sheets': 'Import & export', 'sheets.import': 'Import a rectification list', 'sheets.importLead': 'Upload a 整改清单 as .xlsx or .csv; columns are found by their headers. Check with a dry run first; importing the same sheet again updates items instead of duplicating them.',
  'sheets.file': 'Spreadsheet', 'sheets.mode': 'Mode', 'sheets.dryRun': 'Dry run (check only, write nothing)', 'sheets.strict': 'Whole sheet (nothing if any row is wrong)',
  'sheets.validOnly': 'Valid rows only (rejected rows to a file)', 'sheets.run': 'Start', 'sheets.committed': 'Imported', 'sheets.checkedOk': 'No problems found; ready to import',
  'sheets.notImported': 'The sheet has problems; nothing was imported', 'sheets.totals': '{rows} rows: {valid} valid, {invalid} wrong; {created} created, {updated} updated',
  'sheets.rejected': 'Download the rejected rows', 'sheets.row': 'Row', 'sheets.column': 'Column', 'sheets.problem': 'Problem',
  'sheets.export': 'Export', 'sheets.search': 'Keywords', 'sheets.xlsx': 'Export Excel (.xlsx)', 'sheets.csv': 'Export CSV',
  'sheets.month': 'Month', 'sheets.settlement': 'Export the monthly settlement and rankings',
};
