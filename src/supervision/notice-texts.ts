/**
 * The sentences supervision writes by itself (automatic reminders, warnings, assignment and
 * extension notices), in both languages. Each returns the Chinese as the stored text and the
 * English beside it (`en`), so the inbox and the item's record can answer a reader in the
 * language the request asks for; rows written before the English existed show their Chinese.
 */
import type { WarningReason } from './warning-level.js';

export interface NoticeText {
  title: string;
  body: string;
  en: { title: string; body: string };
}

interface Item {
  code: string;
  title: string;
  deadline: string | null;
}

const LEVELS: Record<string, { zh: string; en: string }> = {
  none: { zh: '无', en: 'no' },
  blue: { zh: '蓝色', en: 'blue' },
  yellow: { zh: '黄色', en: 'yellow' },
  red: { zh: '红色', en: 'red' },
};

// The same words as the web's reason.* catalogue entries.
const REASONS: Record<WarningReason, { zh: string; en: string }> = {
  overdue: { zh: '已超期', en: 'overdue' },
  behind_plan: { zh: '进度滞后', en: 'behind plan' },
  missed_milestone: { zh: '节点未完成', en: 'missed milestone' },
  missing_weekly_report: { zh: '本周未报送进展', en: 'no report this week' },
  deadline_near: { zh: '临近时限', en: 'deadline near' },
};

const RESULTS: Record<string, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'unsatisfied' },
};

const due = (d: string | null) => d ?? '—';

/** The day after a deadline passes (催办): the text recorded on the item is the body. */
export const overdueReminder = (p: Item): NoticeText => ({
  title: `催办：${p.title}`,
  body: `事项 ${p.code}「${p.title}」已超过整改时限（${due(p.deadline)}），请立即办理并报告进展。`,
  en: {
    title: `Reminder: ${p.title}`,
    body: `Item ${p.code} "${p.title}" is past its deadline (${due(p.deadline)}); act now and report progress.`,
  },
});

export const weeklyReportMissing = (p: Item, from: string, to: string): NoticeText => ({
  title: `周报缺报：${p.title}`,
  body: `事项 ${p.code}「${p.title}」缺少 ${from} 至 ${to} 的周进展报告，请尽快补报。`,
  en: {
    title: `Weekly report missing: ${p.title}`,
    body: `Item ${p.code} "${p.title}" has no progress report for ${from} to ${to}; please report soon.`,
  },
});

export function warningRaised(p: Item, level: string, reasons: readonly string[]): NoticeText {
  const l = LEVELS[level] ?? { zh: level, en: level };
  const why = (lang: 'zh' | 'en', sep: string) =>
    reasons.map((r) => REASONS[r as WarningReason]?.[lang] ?? r).join(sep);
  return {
    title: `${l.zh}预警：${p.title}`,
    body: `事项 ${p.code}「${p.title}」升为${l.zh}预警（${why('zh', '、')}），整改时限 ${due(p.deadline)}。`,
    en: {
      title: `${l.en[0].toUpperCase()}${l.en.slice(1)} warning: ${p.title}`,
      body:
        `Item ${p.code} "${p.title}" is now at a ${l.en} warning (${why('en', ', ')}); ` +
        `deadline ${due(p.deadline)}.`,
    },
  };
}

export const assignedLead = (p: Item): NoticeText => ({
  title: `新交办：${p.title}`,
  body: `事项 ${p.code}「${p.title}」已交办贵单位牵头办理，整改时限 ${due(p.deadline)}，请及时签收。`,
  en: {
    title: `New assignment: ${p.title}`,
    body:
      `Item ${p.code} "${p.title}" is assigned to your unit to lead, deadline ${due(p.deadline)}; ` +
      'please sign for it.',
  },
});

export const assignedCo = (p: Item): NoticeText => ({
  title: `配合办理：${p.title}`,
  body: `事项 ${p.code}「${p.title}」需贵单位配合办理，整改时限 ${due(p.deadline)}。`,
  en: {
    title: `Assisting: ${p.title}`,
    body: `Item ${p.code} "${p.title}" needs your unit's help, deadline ${due(p.deadline)}.`,
  },
});

export const returned = (p: Item): NoticeText => ({
  title: `退单：${p.title}`,
  body: `事项 ${p.code}「${p.title}」被退回受理中心，请重新交办。`,
  en: {
    title: `Returned: ${p.title}`,
    body: `Item ${p.code} "${p.title}" was returned to the intake centre; please assign it again.`,
  },
});

export function verified(p: Item, result: string): NoticeText {
  const r = RESULTS[result] ?? { zh: result, en: result };
  const again = result === 'unsatisfied';
  return {
    title: `验收结果：${r.zh}`,
    body: `事项 ${p.code}「${p.title}」验收结果：${r.zh}。${again ? '请重新整改。' : ''}`,
    en: {
      title: `Verification: ${r.en}`,
      body: `Item ${p.code} "${p.title}" was verified: ${r.en}.${again ? ' Please rectify it again.' : ''}`,
    },
  };
}
