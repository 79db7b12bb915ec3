// Lines of source and tests stay within 120 characters (the formatter wraps code; this catches
// strings and comments it cannot wrap). Prints each long line and exits 1 if there is any.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const LIMIT = 120;
const tracked = ['ls-files', '-co', '--exclude-standard', 'src', 'test', 'bench', 'web/src', 'scripts'];
const files = execFileSync('git', tracked, { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|mjs|css)$/.test(f) && fs.existsSync(f));
let long = 0;
for (const file of files) {
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if ([...line].length > LIMIT) {
        long++;
        process.stdout.write(`${file}:${i + 1}: ${[...line].length} characters\n`);
      }
    });
}
if (long) {
  process.stdout.write(`${long} lines longer than ${LIMIT} characters\n`);
  process.exit(1);
}
