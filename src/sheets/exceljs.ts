/**
 * ExcelJS, loaded on first use. It adds ~28 MB to a process that loads it (measured with
 * `import('exceljs')`), and only imports and exports need it: a server that never handles a
 * spreadsheet should not carry it (issue #6 sets a 300 MB memory goal for the server).
 * `require` keeps the call synchronous for writers created inside synchronous code.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);
let loaded: typeof ExcelJS | undefined;

/**
 * ExcelJS decodes the text of inline-string and formula-string cells twice: its XML parser has
 * already turned `&amp;gt;` into `&gt;`, and `utils.xmlDecode` then makes that `>` (issue #14: a
 * reply's literal `&gt;` came out as `>`; shared strings were spared). The parser does all the
 * decoding XML needs, so the second pass becomes the identity. Writing never calls it.
 */
function keepEntities(): void {
  const utils = require('exceljs/lib/utils/utils.js') as { xmlDecode(text: string): string };
  utils.xmlDecode = (text) => text;
}

export function excel(): typeof ExcelJS {
  if (!loaded) {
    loaded = require('exceljs') as typeof ExcelJS;
    keepEntities();
  }
  return loaded;
}
