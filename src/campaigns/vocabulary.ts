/** The campaigns' closed vocabularies, with the words the UI and sheets use in both languages. */
export const SUBJECT_KINDS = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  estate: { zh: '住宅小区', en: 'Residential estate' },
  village: { zh: '村（社区）', en: 'Village' },
  school: { zh: '学校', en: 'School' },
  market: { zh: '市场', en: 'Market' },
  other: { zh: '其他', en: 'Other' },
} as const;

export const ENFORCEMENT_KINDS = {
  sealed: { zh: '查封', en: 'Sealed' },
  staggered: { zh: '错峰生产', en: 'Staggered production' },
  summoned: { zh: '约谈', en: 'Summoned' },
  ordered: { zh: '责令整改', en: 'Ordered to rectify' },
  fined: { zh: '罚款', en: 'Fined' },
  warned: { zh: '警告', en: 'Warned' },
} as const;

export const PANEL_ROLES = {
  resident: { zh: '居民代表', en: 'Resident representative' },
  enterprise: { zh: '企业代表', en: 'Enterprise' },
  deputy: { zh: '人大代表/政协委员', en: 'Deputy' },
  official: { zh: '职能部门', en: 'Official' },
} as const;

/** The five-level scale of the problem list's verification (5 非常满意 … 1 非常不满意). */
export const PANEL_SCALE = [1, 2, 3, 4, 5] as const;

/** Sources findings become items under; ensured on first use (the demo also lists them). */
export const FINDING_SOURCES = {
  visit: { code: 'field_research', name: '领导一线调研', nameEn: 'Field research' },
  forum: { code: 'enterprise_forum', name: '企业专题调研会', nameEn: 'Enterprise forum' },
  campaign: { code: 'campaign', name: '专项整治', nameEn: 'Campaign' },
} as const;
