#!/usr/bin/env node
// The `qingdan` command. Runs in this very process (no child), so SIGTERM and Ctrl-C reach the
// server directly: the compiled build (`npm run build:server`) when tsx is not installed
// (`npm ci --omit=dev`), else the TypeScript sources through tsx's loader.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const compiled = path.join(root, 'dist', 'cli', 'main.js');
const haveTsx = fs.existsSync(path.join(root, 'node_modules', 'tsx', 'package.json'));
if (!haveTsx || process.env.NODE_ENV === 'production') {
  if (!fs.existsSync(compiled)) {
    process.stderr.write('qingdan: no compiled build in dist/ and no tsx: run `npm run build:server` first\n');
    process.exit(1);
  }
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href);
}
