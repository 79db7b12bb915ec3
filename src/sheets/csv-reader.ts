/**
 * A streaming CSV reader: RFC 4180 quotes (with "" inside), CRLF, LF or CR line ends, a BOM, and
 * the encodings Chinese sheets come in — UTF-8, and GB18030/GBK, which Excel on Chinese Windows
 * writes by default. The delimiter (comma, tab or semicolon) is taken from the first line.
 */
import type { Readable } from 'node:stream';

export interface CsvRecord {
  /** 1-based record number, as Excel shows the row (a quoted line break stays in one row). */
  number: number;
  cells: string[];
}

/** UTF-8 unless the first bytes are not valid UTF-8; then GB18030 (a superset of GBK/GB2312). */
export function detectEncoding(head: Uint8Array): 'utf-8' | 'utf-16le' | 'gb18030' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  // A multi-byte character may be cut at the end of the sample; drop up to three trailing bytes.
  for (let cut = 0; cut <= 3; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - cut)));
      return 'utf-8';
    } catch {
      /* try a shorter sample */
    }
  }
  return 'gb18030';
}

function pickDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    let n = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Parses decoded text chunks into records; holds at most one unfinished record in memory. */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private quoted = false;
  private quoteSeen = false;
  private pendingCR = false;
  private count = 0;
  constructor(private delimiter = ',') {}

  setDelimiter(d: string) {
    this.delimiter = d;
  }

  *push(text: string): Generator<CsvRecord> {
    for (const ch of text) {
      if (this.pendingCR) {
        this.pendingCR = false;
        if (ch === '\n') continue;
      }
      if (this.quoted) {
        if (ch === '"') {
          this.quoted = false;
          this.quoteSeen = true;
        } else if (ch === '\r') {
          // A line break inside a cell is \n, as Excel keeps it, whatever the file's line ends.
          this.field += '\n';
          this.pendingCR = true;
        } else this.field += ch;
        continue;
      }
      if (ch === '"') {
        // "" inside a quoted field is a literal quote; a quote mid-field is kept as text.
        if (this.quoteSeen) this.field += '"';
        if (this.quoteSeen || this.field === '') this.quoted = true;
        else this.field += ch;
        this.quoteSeen = false;
        continue;
      }
      this.quoteSeen = false;
      if (ch === this.delimiter) {
        this.row.push(this.field);
        this.field = '';
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        this.pendingCR = ch === '\r';
        yield this.endRecord();
        continue;
      }
      this.field += ch;
    }
  }

  *end(): Generator<CsvRecord> {
    if (this.field !== '' || this.row.length || this.quoted) yield this.endRecord();
  }

  private endRecord(): CsvRecord {
    this.row.push(this.field);
    const rec = { number: ++this.count, cells: this.row };
    this.row = [];
    this.field = '';
    this.quoted = false;
    this.quoteSeen = false;
    return rec;
  }
}

export async function* readCsv(input: Readable): AsyncGenerator<CsvRecord> {
  let decoder: TextDecoder | null = null;
  let parser: CsvParser | null = null;
  let pending = Buffer.alloc(0);
  const start = (head: Buffer) => {
    const enc = detectEncoding(head);
    decoder = new TextDecoder(enc, { ignoreBOM: false });
    const firstText = new TextDecoder(enc).decode(head.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
    parser = new CsvParser(pickDelimiter(firstText.split(/\r\n|\n|\r/)[0] ?? ''));
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (!decoder) {
      // Decide the encoding on a decent sample, not on a tiny first chunk.
      pending = Buffer.concat([pending, buf]);
      if (pending.length < 64 * 1024) continue;
      start(pending);
      yield* parser!.push(decoder!.decode(pending, { stream: true }));
      continue;
    }
    yield* parser!.push((decoder as TextDecoder).decode(buf, { stream: true }));
  }
  if (!decoder) {
    start(pending);
    yield* parser!.push(decoder!.decode(pending, { stream: true }));
  }
  yield* parser!.push((decoder as unknown as TextDecoder).decode());
  yield* parser!.end();
}
