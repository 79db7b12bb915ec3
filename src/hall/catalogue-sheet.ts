import { cellText } from '../sheets/cell-value.js';
import type { SheetRow } from '../sheets/sheet-reader.js';
import type { VersionInputT } from './matter.schema.js';
import { AUDIENCES, FREE_SERVICES, LIFE_EVENTS, MATERIAL_FORMS, MATTER_TYPES, SERVICE_MODES } from './vocabulary.js';

/**
 * A catalogue sheet (事项目录表), one matter per row, read into versions. Headers are matched by
 * name; the materials cell lists one material per line (or ；), e.g.
 * "不动产权属证书（原件，1份）" or "完税凭证（复印件，2份）【容缺】".
 */
export const CATALOGUE_HEADERS: Record<string, string[]> = {
  code: ['事项编码', '编码'],
  name: ['事项名称', '名称'],
  type: ['事项类型', '类型'],
  department: ['实施部门', '主管部门', '部门'],
  implementingBody: ['实施主体'],
  legalBasis: ['设定依据', '法律依据'],
  conditions: ['受理条件', '申请条件'],
  audience: ['服务对象'],
  statutoryDays: ['法定时限', '法定办结时限'],
  promisedDays: ['承诺时限', '承诺办结时限'],
  fee: ['收费标准', '收费', '收费（元）', '收费(元)'],
  atMostOnce: ['最多跑一次', '跑动次数'],
  serviceMode: ['办理形式', '办理方式'],
  freeServices: ['免费服务'],
  lifeEvents: ['人生事件', '主题', '一件事'],
  materials: ['申请材料', '材料清单', '材料'],
};

export interface CatalogueRow {
  row: number;
  code: string;
  input?: VersionInputT;
  errors: string[];
}

const byZh = <T extends Record<string, { zh: string }>>(o: T, text: string) =>
  (Object.entries(o).find(([code, n]) => n.zh === text || code === text)?.[0] ?? null) as keyof T | null;
const list = (text: string) =>
  text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const days = (text: string) => (/^\d+/.test(text) ? Number(/^\d+/.exec(text)![0]) : text === '即办' ? 0 : NaN);

export function parseMaterials(text: string): { materials: VersionInputT['materials']; errors: string[] } {
  const errors: string[] = [];
  const materials = text
    .split(/[；;\n]/)
    .map((s) => s.trim().replace(/^\d+[.、．]\s*/, ''))
    .filter(Boolean)
    .map((item) => {
      const deferrable = /【容缺】|（容缺）|\(容缺\)/.test(item);
      const clean = item.replace(/【容缺】|（容缺）|\(容缺\)/g, '').trim();
      const m = /^(.*?)[（(]([^）)]*)[）)]$/.exec(clean);
      const name = (m ? m[1] : clean).trim();
      const detail = m ? m[2] : '';
      const formText = /原件及复印件|原件和复印件/.test(detail)
        ? '原件及复印件'
        : /复印件/.test(detail)
          ? '复印件'
          : '原件';
      const copies = Number(/(\d+)\s*份/.exec(detail)?.[1] ?? 1);
      if (!name) errors.push(`材料“${item}”没有名称`);
      return { name, form: byZh(MATERIAL_FORMS, formText)!, copies, required: !deferrable };
    });
  return { materials, errors };
}

/** Reads the rows after the header; `departments` maps names and codes to ids. */
export function readCatalogue(
  header: string[],
  rows: SheetRow[],
  departments: Map<string, number>,
): { rows: CatalogueRow[]; missingHeaders: string[] } {
  const col: Record<string, number> = {};
  for (const [field, names] of Object.entries(CATALOGUE_HEADERS)) {
    const i = header.findIndex((h) => names.includes(h.replace(/\s+/g, '')));
    if (i >= 0) col[field] = i;
  }
  const missingHeaders = ['code', 'name', 'department', 'promisedDays', 'materials']
    .filter((f) => col[f] === undefined)
    .map((f) => CATALOGUE_HEADERS[f][0]);
  if (missingHeaders.length) return { rows: [], missingHeaders };
  const out: CatalogueRow[] = [];
  for (const r of rows) {
    const get = (f: string) => {
      if (col[f] === undefined) return '';
      const t = cellText(r.cells[col[f]]);
      return t.ok ? t.text : '';
    };
    if (!get('code') && !get('name')) continue;
    const errors: string[] = [];
    const need = <T>(value: T | null, what: string, text: string): T => {
      if (value === null || (typeof value === 'number' && Number.isNaN(value))) errors.push(`${what}“${text}”无法识别`);
      return value as T;
    };
    const dept = departments.get(get('department'));
    if (dept === undefined) errors.push(`实施部门“${get('department')}”不存在`);
    const promised = need(days(get('promisedDays')), '承诺时限', get('promisedDays'));
    const statutoryText = get('statutoryDays');
    const feeText = get('fee');
    const fee = !feeText || /不收费|免费|^0$/.test(feeText) ? 0 : Math.round(Number(/[\d.]+/.exec(feeText)?.[0]) * 100);
    const { materials, errors: matErrors } = parseMaterials(get('materials'));
    errors.push(...matErrors);
    const lifeEvents = list(get('lifeEvents')).map((t) => need(byZh(LIFE_EVENTS, t), '人生事件', t));
    const freeServices = list(get('freeServices')).map((t) => need(byZh(FREE_SERVICES, t), '免费服务', t));
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/.test(get('code'))) errors.push(`事项编码“${get('code')}”不合格式`);
    const input: VersionInputT = {
      name: get('name'),
      type: need(byZh(MATTER_TYPES, get('type') || '公共服务'), '事项类型', get('type')),
      departmentId: dept ?? 0,
      implementingBody: get('implementingBody') || get('department'),
      legalBasis: get('legalBasis') || '—',
      conditions: get('conditions'),
      audience: need(byZh(AUDIENCES, get('audience') || '自然人和法人'), '服务对象', get('audience')),
      statutoryDays: statutoryText ? need(days(statutoryText), '法定时限', statutoryText) : promised,
      promisedDays: promised,
      feeFen: need(Number.isFinite(fee) ? fee : null, '收费标准', feeText),
      atMostOnce: /^(是|√|1|最多跑一次|0次|1次)$/.test(get('atMostOnce')),
      serviceMode: need(byZh(SERVICE_MODES, get('serviceMode') || '网上或窗口'), '办理形式', get('serviceMode')),
      freeServices: [...new Set(freeServices)],
      lifeEvents: [...new Set(lifeEvents)],
      materials,
    };
    if (!input.name) errors.push('缺少事项名称');
    out.push({ row: r.number, code: get('code'), input: errors.length ? undefined : input, errors });
  }
  return { rows: out, missingHeaders };
}
