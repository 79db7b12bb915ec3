import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLabelled } from './labelled-file.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-labelled-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

describe('labelled files for dispatch evaluate', () => {
  it('reads label,text CSV with and without a BOM, quoted line breaks kept', async () => {
    const body = '环境保护,"油烟扰民\n楼下餐馆"\r\n交通运输,公交班次太少\r\n';
    for (const p of [file('a.csv', body), file('b.csv', `\uFEFF${body}`)]) {
      expect(await readLabelled(p)).toEqual([
        { label: '环境保护', text: '油烟扰民\n楼下餐馆' },
        { label: '交通运输', text: '公交班次太少' },
      ]);
    }
  });

  it('reads a sheet in the import format: category is the label, title and description the text', async () => {
    const rows = ['某市留言,,,', '序号,留言主题,留言详情,一级标签', '1,油烟扰民,楼下餐馆油烟,环境保护'];
    for (let i = 2; i <= 12; i++) rows.push(`${i},公交,班次少${i},交通运输`);
    const got = await readLabelled(file('sheet.csv', rows.join('\n')));
    expect(got).toHaveLength(12);
    expect(got[0]).toEqual({ label: '环境保护', text: '油烟扰民\n楼下餐馆油烟' });
    expect(got[11]).toEqual({ label: '交通运输', text: '公交\n班次少12' });
  });

  it('refuses a file with no labelled rows', async () => {
    await expect(readLabelled(file('empty.csv', '只有一列\n'))).rejects.toThrow(/no labelled rows/);
  });
});
