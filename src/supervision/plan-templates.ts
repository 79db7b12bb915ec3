import type { Lang } from '../errors.js';
import type { MilestoneTemplate } from './planned-progress.js';

/**
 * Standard plans (倒排模板): milestone names, their share of the time to the deadline and their
 * weight of the work. Spread backwards from the deadline by backSchedule.
 */
type NamedMilestone = MilestoneTemplate & { nameEn: string };

export const PLAN_TEMPLATES: Record<string, { name: string; nameEn: string; milestones: NamedMilestone[] }> = {
  standard: {
    name: '标准整改',
    nameEn: 'Standard rectification',
    milestones: [
      { name: '调查核实', nameEn: 'Investigate and verify', fraction: 0.15, weight: 10 },
      { name: '制定整改方案', nameEn: 'Draw up the rectification plan', fraction: 0.15, weight: 15 },
      { name: '组织实施整改', nameEn: 'Carry out the rectification', fraction: 0.55, weight: 60 },
      { name: '自查验收', nameEn: 'Self-check and acceptance', fraction: 0.15, weight: 15 },
    ],
  },
  construction: {
    name: '工程建设',
    nameEn: 'Construction project',
    milestones: [
      { name: '立项审批', nameEn: 'Project approval', fraction: 0.15, weight: 10 },
      { name: '设计招标', nameEn: 'Design and tendering', fraction: 0.2, weight: 15 },
      { name: '施工建设', nameEn: 'Construction', fraction: 0.5, weight: 60 },
      { name: '竣工验收', nameEn: 'Completion acceptance', fraction: 0.15, weight: 15 },
    ],
  },
  campaign: {
    name: '专项整治',
    nameEn: 'Campaign',
    milestones: [
      { name: '摸底排查', nameEn: 'Survey and screening', fraction: 0.2, weight: 20 },
      { name: '集中整治', nameEn: 'Concentrated clean-up', fraction: 0.5, weight: 50 },
      { name: '巩固提升', nameEn: 'Consolidate and improve', fraction: 0.2, weight: 20 },
      { name: '总结评估', nameEn: 'Review and evaluation', fraction: 0.1, weight: 10 },
    ],
  },
  quick: {
    name: '即知即改',
    nameEn: 'Fix at once',
    milestones: [
      { name: '现场处置', nameEn: 'Deal with it on site', fraction: 0.6, weight: 70 },
      { name: '回访确认', nameEn: 'Follow-up confirmation', fraction: 0.4, weight: 30 },
    ],
  },
};

// A milestone planned from a template is stored by its Chinese name (the plan's own words, which a
// unit may edit); its English is found here when an English reader asks, for old plans too.
const MILESTONE_EN = new Map(
  Object.values(PLAN_TEMPLATES).flatMap((t) => t.milestones.map((m) => [m.name, m.nameEn] as const)),
);

/** A milestone's name as the reader's language shows it: a template's English, or as written. */
export const milestoneLabel = (name: string, lang: Lang): string => (lang === 'en' && MILESTONE_EN.get(name)) || name;

/** The templates as the API lists them, each with `label` in the reader's language. */
export const planTemplatesIn = (lang: Lang) =>
  Object.entries(PLAN_TEMPLATES).map(([code, t]) => ({
    code,
    ...t,
    label: lang === 'en' ? t.nameEn : t.name,
    milestones: t.milestones.map((m) => ({ ...m, label: milestoneLabel(m.name, lang) })),
  }));
