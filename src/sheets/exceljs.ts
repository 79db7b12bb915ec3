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

export function excel(): typeof ExcelJS {
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
}
