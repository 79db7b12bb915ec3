import type { MilestoneTemplate } from './planned-progress.js';

/**
 * Standard plans (倒排模板): milestone names, their share of the time to the deadline and their
 * weight of the work. Spread backwards from the deadline by backSchedule.
 */
export const PLAN_TEMPLATES: Record<string, { name: string; nameEn: string; milestones: MilestoneTemplate[] }> = {
  standard: {
    name: '标准整改',
    nameEn: 'Standard rectification',
    milestones: [
      { name: '调查核实', fraction: 0.15, weight: 10 },
      { name: '制定整改方案', fraction: 0.15, weight: 15 },
      { name: '组织实施整改', fraction: 0.55, weight: 60 },
      { name: '自查验收', fraction: 0.15, weight: 15 },
    ],
  },
  construction: {
    name: '工程建设',
    nameEn: 'Construction project',
    milestones: [
      { name: '立项审批', fraction: 0.15, weight: 10 },
      { name: '设计招标', fraction: 0.2, weight: 15 },
      { name: '施工建设', fraction: 0.5, weight: 60 },
      { name: '竣工验收', fraction: 0.15, weight: 15 },
    ],
  },
  campaign: {
    name: '专项整治',
    nameEn: 'Campaign',
    milestones: [
      { name: '摸底排查', fraction: 0.2, weight: 20 },
      { name: '集中整治', fraction: 0.5, weight: 50 },
      { name: '巩固提升', fraction: 0.2, weight: 20 },
      { name: '总结评估', fraction: 0.1, weight: 10 },
    ],
  },
  quick: {
    name: '即知即改',
    nameEn: 'Fix at once',
    milestones: [
      { name: '现场处置', fraction: 0.6, weight: 70 },
      { name: '回访确认', fraction: 0.4, weight: 30 },
    ],
  },
};
