/**
 * Hand-built .xlsx files for issue #16 finding 3: a small zip writer whose entries may lie about
 * their size, hide from the central directory or use data descriptors, and a minimal workbook
 * (one sheet, shared strings) to put bombs into. Large bodies are deflated as a stream, so a
 * 300 MB shared string never exists in the test's memory.
 */
import { once } from 'node:events';
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The entry's uncompressed bytes, chunk by chunk. */
  chunks: Iterable<Buffer>;
  /** The size written into the headers instead of the true one (a lie). */
  declaredSize?: number;
  /** Sizes in a trailing data descriptor; the local header says 0 (as streaming writers do). */
  descriptor?: boolean;
  /** Left out of the central directory (a local entry only a sequential reader sees). */
  hidden?: boolean;
}

async function deflate(chunks: Iterable<Buffer>) {
  const z = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  let size = 0;
  let crc = 0;
  for (const c of chunks) {
    size += c.length;
    crc = zlib.crc32(c, crc);
    if (!z.write(c)) await once(z, 'drain');
  }
  z.end();
  await once(z, 'end');
  return { data: Buffer.concat(out), size, crc };
}

function header(sig: number, fields: [number, 2 | 4][]): Buffer {
  const b = Buffer.alloc(4 + fields.reduce((n, [, w]) => n + w, 0));
  b.writeUInt32LE(sig, 0);
  let p = 4;
  for (const [v, w] of fields) {
    if (w === 2) b.writeUInt16LE(v, p);
    else b.writeUInt32LE(v, p);
    p += w;
  }
  return b;
}

export async function zip(parts: ZipPart[]): Promise<Buffer> {
  const body: Buffer[] = [];
  const dir: Buffer[] = [];
  let offset = 0;
  let listed = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const d = await deflate(part.chunks);
    const size = part.declaredSize ?? d.size;
    const flags = 0x800 | (part.descriptor ? 0x08 : 0);
    const [lcrc, lcomp, lsize] = part.descriptor ? [0, 0, 0] : [d.crc, d.data.length, size];
    const local = header(0x04034b50, [
      [20, 2],
      [flags, 2],
      [8, 2],
      [0, 2],
      [0x21, 2],
      [lcrc, 4],
      [lcomp, 4],
      [lsize, 4],
      [name.length, 2],
      [0, 2],
    ]);
    body.push(local, name, d.data);
    if (part.descriptor)
      body.push(
        header(0x08074b50, [
          [d.crc, 4],
          [d.data.length, 4],
          [size, 4],
        ]),
      );
    if (!part.hidden) {
      listed++;
      dir.push(
        header(0x02014b50, [
          [20, 2],
          [20, 2],
          [flags, 2],
          [8, 2],
          [0, 2],
          [0x21, 2],
          [d.crc, 4],
          [d.data.length, 4],
          [size, 4],
          [name.length, 2],
          [0, 2],
          [0, 2],
          [0, 2],
          [0, 2],
          [0, 4],
          [offset, 4],
        ]),
        name,
      );
    }
    offset += local.length + name.length + d.data.length + (part.descriptor ? 16 : 0);
  }
  const dirBytes = Buffer.concat(dir);
  const end = header(0x06054b50, [
    [0, 2],
    [0, 2],
    [listed, 2],
    [listed, 2],
    [dirBytes.length, 4],
    [offset, 4],
    [0, 2],
  ]);
  return Buffer.concat([...body, dirBytes, end]);
}

const text = (s: string) => [Buffer.from(s, 'utf8')];
const NS = 'http://schemas.openxmlformats.org';
const REL = `${NS}/officeDocument/2006/relationships`;

/** The parts of a one-sheet workbook; `sharedStrings` and `sheet` are the bodies that carry bombs. */
export function workbookParts(o: { sharedStrings: Iterable<Buffer>; sheet: Iterable<Buffer> }): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      chunks: text(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${NS}/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      chunks: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      chunks: text(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}/spreadsheetml/2006/main" ` +
          `xmlns:r="${REL}"><sheets><sheet name="整改清单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/sharedStrings.xml', chunks: o.sharedStrings },
    { name: 'xl/worksheets/sheet1.xml', chunks: o.sheet },
  ];
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const MAIN = `xmlns="${NS}/spreadsheetml/2006/main"`;

/** Shared strings holding one string: `repeat` times `chunk`. */
export function* sharedStrings(chunk: Buffer, repeat: number): Generator<Buffer> {
  yield Buffer.from(`${XML}<sst ${MAIN} count="1" uniqueCount="1"><si><t>`);
  for (let i = 0; i < repeat; i++) yield chunk;
  yield Buffer.from('</t></si></sst>');
}

/** A sheet of one row of cells (their attributes and body, e.g. `t="s"><v>0</v>`); `addressed: false`
 * writes `<c>` without its `r` attribute. */
export function sheet(cells: string[], addressed = true): Buffer[] {
  const cs = cells.map((c, i) => `<c${addressed ? ` r="${String.fromCharCode(65 + i)}1"` : ''} ${c}</c>`).join('');
  return text(`${XML}<worksheet ${MAIN}><sheetData><row r="1">${cs}</row></sheetData></worksheet>`);
}
