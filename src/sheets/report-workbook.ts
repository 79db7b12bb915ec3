/**
 * The monthly settlement (月结) and rankings as one workbook, one sheet per view: notes, unit
 * scorecard, area scorecard, unit ranking, district ranking, red and black lists. The figures are
 * the assessment feature's (frozen snapshot once the month is settled), only laid out here.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excel } from './exceljs.js';
import type { SettlementService } from '../assessment/settlement.service.js';
import type { ScoreRow } from '../assessment/scorecard.js';
import { styleBody, styleHeader } from './sheet-style.js';

type Col = { label: string; width: number; value: (r: ScoreRow & { rank?: number | null }) => unknown; fmt?: string };
const pct = '0.0%';
const SCORE_COLS: Col[] = [
  { label: '受理件数', width: 10, value: (r) => r.received },
  { label: '按时签收', width: 10, value: (r) => r.signedWithinLimit },
  { label: '已整改', width: 9, value: (r) => r.rectified },
  { label: '已销号', width: 9, value: (r) => r.closed },
  { label: '逾期', width: 8, value: (r) => r.overdueCount },
  { label: '退单', width: 8, value: (r) => r.returned },
  { label: '返工', width: 8, value: (r) => r.redone },
  { label: '评价数', width: 9, value: (r) => r.rated },
  { label: '响应率', width: 10, value: (r) => r.responseRate, fmt: pct },
  { label: '解决率', width: 10, value: (r) => r.resolutionRate, fmt: pct },
  { label: '满意率', width: 10, value: (r) => r.satisfactionRate, fmt: pct },
  { label: '按时办结率', width: 12, value: (r) => r.onTimeRate, fmt: pct },
  { label: '退单率', width: 10, value: (r) => r.returnRate, fmt: pct },
  { label: '返工率', width: 10, value: (r) => r.redoRate, fmt: pct },
  { label: '平均办结工作日', width: 14, value: (r) => r.meanWorkingDaysToClose, fmt: '0.0' },
  { label: '综合得分', width: 10, value: (r) => r.composite, fmt: '0.00' },
];

function addTable(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  cols: Col[],
  rows: Array<ScoreRow & { rank?: number | null }>,
): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: cols[0].label === '名次' ? 2 : 1 }],
  });
  ws.columns = cols.map((c) => ({ width: c.width }));
  const head = ws.addRow(cols.map((c) => c.label));
  styleHeader(head);
  head.commit();
  for (const r of rows) {
    const row = ws.addRow(cols.map((c) => c.value(r) ?? null));
    cols.forEach((c, i) => {
      if (c.fmt) row.getCell(i + 1).numFmt = c.fmt;
    });
    styleBody(row);
    row.commit();
  }
  ws.commit();
}

/** Writes the workbook to `out`; returns the sheet names (staff only, like the scorecard). */
export async function exportReports(svc: SettlementService, month: string, out: Writable): Promise<string[]> {
  const card = await svc.scorecard(month);
  const rankings = await svc.rankings(month);
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '清单 Qingdan';
  const notes = wb.addWorksheet('说明');
  notes.columns = [{ width: 16 }, { width: 60 }];
  for (const [k, v] of [
    ['月份', month],
    [
      '状态',
      card.settled
        ? `已结算（${card.settledAt?.slice(0, 10)}，${card.settledBy ?? '—'}），数据已冻结`
        : '未结算：按导出时的数据实时计算',
    ],
    ['计算时间', card.computedAt],
    [
      '综合得分权重',
      `响应率 ${card.weights.response}，解决率 ${card.weights.resolution}，满意率 ${card.weights.satisfaction}`,
    ],
    [
      '满意度折算',
      Object.entries(card.satisfactionFactors)
        .map(([k2, v2]) => `${k2} ${v2}`)
        .join('，'),
    ],
  ] as const) {
    const row = notes.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  notes.commit();
  const named = (label: string): Col => ({ label, width: 26, value: (r) => r.name });
  const rankCol: Col = { label: '名次', width: 7, value: (r) => r.rank ?? null };
  addTable(wb, '单位月结', [named('单位'), ...SCORE_COLS], card.departments);
  addTable(wb, '区域月结', [named('区域'), ...SCORE_COLS], card.areas);
  addTable(wb, '单位排名', [rankCol, named('单位'), ...SCORE_COLS], rankings.departments);
  addTable(wb, '区县排名', [rankCol, named('区县'), ...SCORE_COLS], rankings.areas);
  const lists = wb.addWorksheet('红黑榜', { views: [{ state: 'frozen', ySplit: 1 }] });
  lists.columns = [{ width: 12 }, { width: 7 }, { width: 28 }, { width: 10 }];
  const head = lists.addRow(['榜单', '名次', '名称', '综合得分']);
  styleHeader(head);
  head.commit();
  for (const [label, items] of [
    ['单位红榜', rankings.redList],
    ['单位黑榜', rankings.blackList],
    ['区县红榜', rankings.areaLists.redList],
    ['区县黑榜', rankings.areaLists.blackList],
  ] as const) {
    for (const b of items) {
      const row = lists.addRow([label, b.rank, b.name, b.composite]);
      row.getCell(4).numFmt = '0.00';
      styleBody(row);
      row.commit();
    }
  }
  lists.commit();
  await wb.commit();
  return ['说明', '单位月结', '区域月结', '单位排名', '区县排名', '红黑榜'];
}
