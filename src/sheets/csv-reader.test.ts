import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CsvParser, detectEncoding, readCsv } from './csv-reader.js';
import { csvField, csvLine, unguard } from './csv-writer.js';

const parse = (text: string, delimiter = ',') => {
  const p = new CsvParser(delimiter);
  return [...p.push(text), ...p.end()].map((r) => r.cells);
};

async function read(chunks: Buffer[]) {
  const out: string[][] = [];
  for await (const r of readCsv(Readable.from(chunks))) out.push(r.cells);
  return out;
}

describe('CsvParser', () => {
  it('reads quotes, doubled quotes, and line breaks inside quotes', () => {
    expect(parse('a,"b,c","say ""hi"""\r\n"x\r\ny",,z')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['x\ny', '', 'z'],
    ]);
  });

  it('accepts LF, CRLF and CR line ends and a missing final line end', () => {
    expect(parse('1,2\n3,4\r\n5,6\r7,8')).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
      ['7', '8'],
    ]);
  });

  it('keeps a quote in the middle of a field as text', () => {
    expect(parse('5"寸屏,b')).toEqual([['5"寸屏', 'b']]);
  });

  it('survives records split across chunks anywhere', () => {
    const p = new CsvParser();
    const text = '序号,"问题\r\n描述"\r\n1,"路灯""不亮"""\r\n';
    const rows = [];
    for (const ch of Array.from(text)) rows.push(...p.push(ch));
    rows.push(...p.end());
    expect(rows.map((r) => r.cells)).toEqual([
      ['序号', '问题\n描述'],
      ['1', '路灯"不亮"'],
    ]);
  });
});

describe('readCsv', () => {
  it('drops a UTF-8 BOM and finds a tab or semicolon delimiter', async () => {
    expect(await read([Buffer.from('\uFEFF序号\t问题描述\r\n1\t路灯不亮\r\n')])).toEqual([
      ['序号', '问题描述'],
      ['1', '路灯不亮'],
    ]);
    expect(await read([Buffer.from('a;b\n1;2\n')])).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads GB18030/GBK, and UTF-8 cut inside a character between chunks', async () => {
    const gbk = Buffer.from('d0f2bac52ccecacce2c3e8caf60d0a', 'hex'); // 序号,问题描述\r\n in GBK
    expect(detectEncoding(gbk)).toBe('gb18030');
    expect(await read([gbk])).toEqual([['序号', '问题描述']]);
    const utf8 = Buffer.from('路灯,不亮\n');
    expect(await read([utf8.subarray(0, 4), utf8.subarray(4)])).toEqual([['路灯', '不亮']]);
  });
});

describe('csv writing', () => {
  it('quotes what needs quoting and keeps formulas as text', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', null, 3])).toBe('a,"b,c","say ""hi""",,3\r\n');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField(-5)).toBe('-5');
    expect(unguard("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguard("'正常")).toBe("'正常");
  });
});
