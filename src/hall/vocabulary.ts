/**
 * The hall's closed vocabularies, each code with its Chinese and English name. The API serves
 * them (GET /api/v1/matters/vocabulary) so the UI and imports never keep a copy of their own.
 */
type Named = { zh: string; en: string };
const named = <K extends string>(entries: Record<K, Named>) => entries;

export const MATTER_TYPES = named({
  licensing: { zh: '行政许可', en: 'Administrative licensing' },
  confirmation: { zh: '行政确认', en: 'Administrative confirmation' },
  payment: { zh: '行政给付', en: 'Administrative payment' },
  registration: { zh: '行政登记', en: 'Registration' },
  public_service: { zh: '公共服务', en: 'Public service' },
  other: { zh: '其他行政权力', en: 'Other administrative power' },
});
export type MatterType = keyof typeof MATTER_TYPES;

/** Life events (一件事) the guide is browsed by, for people and for enterprises. */
export const LIFE_EVENTS = named({
  birth: { zh: '出生', en: 'Birth' },
  schooling: { zh: '上学', en: 'Schooling' },
  employment: { zh: '就业创业', en: 'Work and jobs' },
  marriage: { zh: '婚姻', en: 'Marriage' },
  housing: { zh: '住房置业', en: 'Housing and property' },
  medical: { zh: '就医', en: 'Medical care' },
  social_security: { zh: '社会保障', en: 'Social security' },
  household: { zh: '户籍迁移', en: 'Household registration' },
  retirement: { zh: '退休养老', en: 'Retirement' },
  death: { zh: '身后事', en: 'After a death' },
  start_business: { zh: '开办企业', en: 'Starting a business' },
  operate_business: { zh: '经营变更', en: 'Running a business' },
  construction: { zh: '工程建设', en: 'Construction projects' },
  close_business: { zh: '企业注销', en: 'Closing a business' },
  tax: { zh: '纳税缴费', en: 'Taxes and fees' },
});
export type LifeEvent = keyof typeof LIFE_EVENTS;

/** The front desk's free services (免费复印、邮寄、刻章、图审) with default unit values in fen. */
export const FREE_SERVICES = named({
  copy: { zh: '免费复印', en: 'Free copies' },
  postage: { zh: '免费邮寄', en: 'Free postage' },
  seal: { zh: '免费刻章', en: 'Free seal carving' },
  drawing_review: { zh: '免费图审', en: 'Free drawing review' },
});
export type FreeService = keyof typeof FREE_SERVICES;
/** Market prices the hall saves applicants, per unit: a page, a parcel, a set of seals, a set of drawings. */
export const DEFAULT_UNIT_FEN: Record<FreeService, number> = {
  copy: 50,
  postage: 2000,
  seal: 40000,
  drawing_review: 800000,
};
export const FREE_SERVICE_UNITS: Record<FreeService, Named> = {
  copy: { zh: '页', en: 'page' },
  postage: { zh: '件', en: 'parcel' },
  seal: { zh: '套', en: 'set' },
  drawing_review: { zh: '套', en: 'set of drawings' },
};

export const MATERIAL_FORMS = named({
  original: { zh: '原件', en: 'Original' },
  copy: { zh: '复印件', en: 'Copy' },
  original_and_copy: { zh: '原件及复印件', en: 'Original and copy' },
});
export type MaterialForm = keyof typeof MATERIAL_FORMS;

export const SERVICE_MODES = named({
  online: { zh: '全程网办', en: 'Fully online' },
  offline: { zh: '窗口办理', en: 'At the window' },
  both: { zh: '网上或窗口', en: 'Online or at the window' },
});

export const AUDIENCES = named({
  person: { zh: '自然人', en: 'People' },
  enterprise: { zh: '法人', en: 'Enterprises' },
  both: { zh: '自然人和法人', en: 'People and enterprises' },
});

/** 好差评: the national five levels, 5 best. 不满意 and 非常不满意 are bad ratings. */
export const RATING_LEVELS = named({
  '5': { zh: '非常满意', en: 'Very satisfied' },
  '4': { zh: '满意', en: 'Satisfied' },
  '3': { zh: '基本满意', en: 'Basically satisfied' },
  '2': { zh: '不满意', en: 'Dissatisfied' },
  '1': { zh: '非常不满意', en: 'Very dissatisfied' },
});
export const isBadRating = (level: number) => level <= 2;

/** Reasons a rater may tick; `good` ones go with levels 3–5, the others with 1–2. */
export const RATING_REASONS = {
  efficient: { zh: '办事效率高', en: 'Quick service', good: true },
  once: { zh: '一次办成', en: 'Done in one visit', good: true },
  attitude_good: { zh: '服务态度好', en: 'Friendly staff', good: true },
  clear_guide: { zh: '指南清晰', en: 'Clear guide', good: true },
  fewer_materials: { zh: '材料精简', en: 'Few materials', good: true },
  repeat_visits: { zh: '多次跑腿', en: 'Had to come back', good: false },
  slow: { zh: '办理超时', en: 'Took too long', good: false },
  attitude_bad: { zh: '服务态度差', en: 'Unfriendly staff', good: false },
  not_told_once: { zh: '未一次性告知', en: 'Not told everything at once', good: false },
  extra_materials: { zh: '要求额外材料', en: 'Asked for extra materials', good: false },
  other: { zh: '其他', en: 'Other', good: false },
} as const;
export type RatingReason = keyof typeof RATING_REASONS;

export const codesOf = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];
export const vocabularyList = <T extends Record<string, Named>>(o: T) =>
  Object.entries(o).map(([code, n]) => ({ code, zh: n.zh, en: n.en }));
