// The production build of the server: every module under src/ (tests aside) transpiled to dist/
// (dist/cli/main.js is the `qingdan` command), plus the data files the code reads at run time next
// to their modules. Production runs this JavaScript with plain node, without tsx
// (`npm run start:prod`). esbuild transpiles file by file, as tsx does in development, and needs no
// type packages, so `npm ci --omit=dev && npm run build` works; `npm run typecheck` (in lint and CI)
// is where types are checked.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });

const modules = [];
const copied = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(from);
    else if (entry.name.endsWith('.test.ts')) continue;
    else if (entry.name.endsWith('.ts')) modules.push(from);
    else {
      // Every file under src that is not TypeScript (calendar data, …) is read at run time: copy it.
      const to = path.join(dist, path.relative(src, from));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      copied.push(path.relative(root, from));
    }
  }
};
walk(src);

await build({
  entryPoints: modules,
  outdir: dist,
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: true,
  logLevel: 'warning',
  tsconfig: path.join(root, 'tsconfig.build.json'),
});
process.stdout.write(
  `server compiled to dist/: ${modules.length} modules (data files: ${copied.join(', ') || 'none'})\n`,
);
