/**
 * The classic 整改清单 columns and how real sheets spell their headers. Import maps columns by
 * header, never by position: cities reorder, rename and add columns freely.
 */
import { AppError } from '../errors.js';

/** Fields of a city's own history sheet that the classic 整改清单 (and the export) does not have. */
export type HistoryField = 'reportedAt' | 'supportCount' | 'opposeCount' | 'externalRef' | 'externalUserId';
export const HISTORY_FIELDS: readonly HistoryField[] = [
  'reportedAt',
  'supportCount',
  'opposeCount',
  'externalRef',
  'externalUserId',
];
export type ClassicField = Exclude<SheetField, HistoryField>;

export type SheetField =
  | 'seq'
  | 'code'
  | 'source'
  | 'title'
  | 'description'
  | 'area'
  | 'category'
  | 'measures'
  | 'leadDepartment'
  | 'coDepartments'
  | 'responsiblePerson'
  | 'ownerLeader'
  | 'deadline'
  | 'progress'
  | 'completion'
  | 'completedOn'
  | 'reportedAt'
  | 'supportCount'
  | 'opposeCount'
  | 'externalRef'
  | 'externalUserId';

export interface SheetColumn {
  field: SheetField;
  /** Canonical header, also used when exporting the classic sheet. */
  label: string;
  labelEn: string;
  /** Other spellings seen in real sheets; compared after normalizeHeader. */
  aliases: readonly string[];
  required: boolean;
  /** Cells may hold several names separated by 、，,;； etc. (see splitMultiValue). */
  multiValue: boolean;
}

const col = (
  field: SheetField,
  label: string,
  labelEn: string,
  aliases: string[],
  extra: Partial<SheetColumn> = {},
): SheetColumn => ({ field, label, labelEn, aliases, required: false, multiValue: false, ...extra });

/** In the classic order; code and title are optional extras some sheets carry. */
export const SHEET_COLUMNS: readonly SheetColumn[] = [
  col('seq', '序号', 'No.', ['序', '顺序号', 'no', '排序']),
  col('code', '编号', 'Code', ['问题编号', '清单编号', '事项编号']),
  col('source', '问题来源', 'Source', ['来源', '问题出处', '线索来源', '反映渠道', '来源渠道']),
  col('title', '问题标题', 'Title', ['标题', '问题名称', '事项名称', '留言主题', '主题']),
  col(
    'description',
    '问题描述',
    'Description',
    [
      '问题清单',
      '存在问题',
      '问题表现',
      '问题内容',
      '主要问题',
      '具体问题',
      '问题',
      '问题具体表现',
      '存在的问题',
      '留言详情',
      '留言内容',
    ],
    { required: true },
  ),
  col('area', '所属区域', 'Area', ['区域', '所属地区', '地区', '所在区域', '县市区', '属地', '所属县市区']),
  col('category', '问题类别', 'Category', [
    '类别',
    '问题类型',
    '类型',
    '问题分类',
    '分类',
    '一级标签',
    '一级分类',
    '诉求类别',
  ]),
  col('measures', '整改措施', 'Measures', ['措施', '整改举措', '整改方案', '解决措施', '整改措施及目标']),
  col('leadDepartment', '牵头单位', 'Lead unit', [
    '责任单位',
    '主责单位',
    '牵头部门',
    '责任部门',
    '主办单位',
    '承办单位',
    '牵头责任单位',
  ]),
  col('coDepartments', '配合单位', 'Co-units', ['协办单位', '配合部门', '协同单位', '协办部门', '配合责任单位'], {
    multiValue: true,
  }),
  col('responsiblePerson', '责任人', 'Responsible person', ['具体责任人', '联系人', '经办人']),
  col('ownerLeader', '领办领导', 'Owner leader', [
    '包保领导',
    '分管领导',
    '责任领导',
    '牵头领导',
    '领办人',
    '领办市领导',
  ]),
  col('deadline', '整改时限', 'Deadline', ['时限', '完成时限', '整改期限', '办结时限', '整改时间', '完成时间节点']),
  col('progress', '整改进展', 'Progress', [
    '进展情况',
    '整改进展情况',
    '进展',
    '推进情况',
    '整改情况',
    '工作进展',
    // A citizen-message sheet's official reply is the item's latest progress.
    '答复意见',
    '答复内容',
    '回复内容',
    '回复意见',
  ]),
  col('completion', '完成情况', 'Completion', ['销号情况', '是否完成', '是否销号', '整改结果', '完成销号情况']),
  col('completedOn', '完成日期', 'Completed on', ['完成时间', '销号日期', '销号时间', '办结日期', '办结时间']),
  // A city's history (citizen messages, hotline records): when and how it was first reported.
  col('reportedAt', '反映时间', 'Reported at', [
    '留言时间',
    '反映日期',
    '留言日期',
    '来电时间',
    '诉求时间',
    '投诉时间',
    '发布时间',
    '提交时间',
  ]),
  col('supportCount', '点赞数', 'Support', ['点赞', '支持数', '赞同数', '点赞量']),
  col('opposeCount', '反对数', 'Oppose', ['反对', '不赞同数', '踩']),
  col('externalRef', '外部编号', 'External reference', ['留言编号', '原编号', '工单编号', '工单号', '诉求编号']),
  col('externalUserId', '外部用户编号', 'External user id', ['留言用户', '用户编号', '用户id', '留言人编号']),
];

/** Columns we recognise and deliberately drop, so they are not reported as unknown. */
export const IGNORED_HEADERS: readonly string[] = ['备注', '说明', '附件'];
export const IGNORE = 'ignore';

/**
 * Real headers carry line breaks, full-width brackets, stray spaces and required-marks (*).
 * NFKC folds full-width forms; then everything but letters, digits, brackets and slashes goes.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\\÷∕⁄|]/g, '/')
    .replace(/[【〔［{]/g, '(')
    .replace(/[】〕］}]/g, ')')
    .replace(/[^\p{L}\p{N}()/]/gu, '');
}

type Rank = 0 | 1 | 2;
const LOOKUP = new Map<string, { field: SheetField; rank: Rank }>();
for (const c of SHEET_COLUMNS) {
  LOOKUP.set(normalizeHeader(c.label), { field: c.field, rank: 0 });
  for (const a of c.aliases)
    if (!LOOKUP.has(normalizeHeader(a))) LOOKUP.set(normalizeHeader(a), { field: c.field, rank: 1 });
}
const IGNORED = new Set(IGNORED_HEADERS.map(normalizeHeader));

/** Exact spelling first; then without a hint in brackets (整改时限(年月日)); then 完成情况/销号情况. */
function classify(key: string): { field: SheetField; rank: Rank } | 'ignored' | null {
  const exact = LOOKUP.get(key);
  if (exact) return exact;
  if (IGNORED.has(key)) return 'ignored';
  const bare = key.replace(/\([^)]*\)?/g, '').replace(/\//g, '');
  const stripped = LOOKUP.get(bare);
  if (stripped) return { field: stripped.field, rank: 2 };
  if (IGNORED.has(bare)) return 'ignored';
  const pieces = key
    .split('/')
    .filter(Boolean)
    .map((p) => LOOKUP.get(p.replace(/\([^)]*\)?/g, ''))?.field);
  if (pieces.length > 1 && pieces[0] && pieces.every((f) => f === pieces[0])) return { field: pieces[0], rank: 2 };
  return null;
}

export interface HeaderMatch {
  mapping: Partial<Record<SheetField, number>>;
  /** Non-empty headers we could not place; the UI asks the user (then pass an override). */
  unknown: Array<{ index: number; header: string }>;
  /** A second column for an already-mapped field (the better-named or earlier one wins). */
  duplicates: Array<{ index: number; header: string; field: SheetField }>;
  missingRequired: SheetField[];
}

const FIELDS = new Set<string>(SHEET_COLUMNS.map((c) => c.field));

/**
 * Maps header cells to fields. `override` maps a header text (normalised like the cells) to a
 * field key or 'ignore'; it wins over the built-in aliases.
 */
export function matchHeaders(headerCells: string[], override: Record<string, string> = {}): HeaderMatch {
  const forced = new Map<string, string>();
  for (const [header, field] of Object.entries(override)) {
    if (field !== IGNORE && !FIELDS.has(field)) {
      throw new AppError('validation_failed', `未知的字段 ${field}（列“${header}”）/ unknown field ${field}`, {
        header,
        field,
      });
    }
    forced.set(normalizeHeader(header), field);
  }
  const candidates: Array<{ index: number; header: string; field: SheetField; rank: number }> = [];
  const unknown: HeaderMatch['unknown'] = [];
  headerCells.forEach((raw, index) => {
    const header = String(raw ?? '').trim();
    const norm = normalizeHeader(header);
    if (!norm) return;
    const f = forced.get(norm);
    if (f === IGNORE) return;
    if (f) {
      candidates.push({ index, header, field: f as SheetField, rank: -1 });
      return;
    }
    const c = classify(norm);
    if (c === 'ignored') return;
    if (c) candidates.push({ index, header, ...c });
    else unknown.push({ index, header });
  });
  // Best-named column wins a field: 牵头单位 beats 责任单位 wherever it sits.
  candidates.sort((a, b) => a.rank - b.rank || a.index - b.index);
  const mapping: HeaderMatch['mapping'] = {};
  const duplicates: HeaderMatch['duplicates'] = [];
  for (const c of candidates) {
    if (mapping[c.field] === undefined) mapping[c.field] = c.index;
    else duplicates.push({ index: c.index, header: c.header, field: c.field });
  }
  duplicates.sort((a, b) => a.index - b.index);
  const missingRequired = SHEET_COLUMNS.filter((c) => c.required && mapping[c.field] === undefined).map((c) => c.field);
  return { mapping, unknown, duplicates, missingRequired };
}
