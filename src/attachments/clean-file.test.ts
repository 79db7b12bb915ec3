import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfScript } from './clean-file.js';

const pdf = (...parts: (string | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));

describe('pdfScript', () => {
  it('finds script and launch actions, spelled plainly or with #xx escapes', () => {
    expect(pdfScript(pdf('%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (x) >> >> endobj'))).toBe(
      'JavaScript',
    );
    expect(pdfScript(pdf('%PDF-1.7\n1 0 obj << /AA << /O << /S /J#61vaScript >> >> >> endobj'))).toBe('JavaScript');
    expect(pdfScript(pdf('%PDF-1.7\n1 0 obj << /A << /S /Launch /F (cmd.exe) >> >> endobj'))).toBe('Launch');
  });

  it('looks inside compressed object streams, and distrusts one it cannot read', () => {
    const packed = zlib.deflateSync(Buffer.from('5 0 << /S /JavaScript /JS 6 0 R >>'));
    const dict = `/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length}`;
    const head = `%PDF-1.7\n4 0 obj << ${dict} >>\nstream\n`;
    expect(pdfScript(pdf(head, packed, '\nendstream endobj'))).toBe('JavaScript');
    expect(pdfScript(pdf(head, Buffer.from('not deflate'), '\nendstream endobj'))).toBe('ObjStm');
  });

  it('passes a PDF whose names only begin alike, and ordinary compressed content', () => {
    const image = zlib.deflateSync(Buffer.from('BT /F1 12 Tf (JS is fine as text) Tj ET'));
    expect(
      pdfScript(
        pdf(
          '%PDF-1.7\n1 0 obj << /JSONData 1 /JBIG2Globals 2 >> endobj\n2 0 obj << /Length 9 >>\nstream\n',
          image,
          '\nendstream endobj',
        ),
      ),
    ).toBeNull();
  });
});
