/**
 * Writes examples/整改清单-示例.xlsx and .csv: the classic 整改清单 as `qingdan import` reads it.
 * Names are the demo city's (Jingzhou), so the file imports as is into `npm start`'s demo.
 * Run: npx tsx examples/make-example.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { csvLine, UTF8_BOM } from '../src/sheets/csv-writer.js';
import { EXPORT_WIDTHS } from '../src/sheets/export-rows.js';
import { SHEET_COLUMNS } from '../src/sheets/columns.js';
import { styleBody, styleHeader } from '../src/sheets/sheet-style.js';

const dir = path.dirname(fileURLToPath(import.meta.url));
const CLASSIC = SHEET_COLUMNS.filter((c) => c.field !== 'code' && c.field !== 'title');
const ROWS: Array<Array<string | number | Date | null>> = [
  [1, '企业专题调研会', '荆州开发区上下班高峰通勤公交太少，员工通勤时间长。', '荆州开发区', '通勤公交', '增开高峰通勤专线，优化线路', '市交通运输局',
    '市人力资源和社会保障局', '李明', '张建国', new Date(Date.UTC(2026, 11, 31)), '已开通两条高峰专线，完成60%', '整改中', null],
  [2, '领导一线调研', '新河村没有污水处理设施，生活污水直接排进沟渠。', '新河村', '污水处理', '投资建设污水处理站，配套管网入户', '市生态环境局',
    '市水利和湖泊局、市农业农村局', '孙涛', '刘振华', '2026年12月底', '处理站已建成投用，服务200余户', '已完成', '2026/10/15'],
  [3, '12345热线', '中山街道地铁口共享单车乱停乱放，行人无法通行。', '中山街道', '共享单车乱停放', '压减投放总量，施划停放区', '市城市管理执法委员会',
    '沙市区城管执法局', '陈刚', null, '长期坚持', '已施划停放区1000余个', '长期整改', null],
  [4, '媒体曝光', '山口村山区农户吃水难，旱季水源不够。', '山口村', '山区饮水', '延伸自来水管网到户', '市水利和湖泊局',
    null, '吴刚', null, '2027-06-30', null, null, null],
];

async function main() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('整改清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = CLASSIC.map((c) => ({ width: EXPORT_WIDTHS[c.field] }));
  styleHeader(ws.addRow(CLASSIC.map((c) => c.label)));
  for (const r of ROWS) {
    const row = ws.addRow(r);
    row.getCell(11).numFmt = 'yyyy-mm-dd';
    styleBody(row);
  }
  await wb.xlsx.writeFile(path.join(dir, '整改清单-示例.xlsx'));
  const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v as string | number | null));
  fs.writeFileSync(path.join(dir, '整改清单-示例.csv'), UTF8_BOM + csvLine(CLASSIC.map((c) => c.label)) + ROWS.map((r) => csvLine(r.map(text))).join(''));
}

void main();
