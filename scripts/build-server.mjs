// The production build of the server: TypeScript compiled to dist/ (dist/cli/main.js is the
// `qingdan` command), plus the data files the code reads at run time next to their modules.
// Production runs this JavaScript with plain node, without tsx (`npm run start:prod`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });

// Every file under src that is not TypeScript (calendar data, …) is read at run time: copy it.
const copied = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(from);
    else if (!entry.name.endsWith('.ts')) {
      const to = path.join(dist, path.relative(path.join(root, 'src'), from));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      copied.push(path.relative(root, from));
    }
  }
};
walk(path.join(root, 'src'));
process.stdout.write(`server compiled to dist/ (data files: ${copied.join(', ') || 'none'})\n`);
