/**
 * Browser-test plumbing: build the UI once, start the real server as a child process on a fresh
 * database (the demo city, a few generated items), and launch Debian's Chromium headless.
 * Without Chromium the suites skip, unless REQUIRE_BROWSER=1 (CI), which fails loudly instead.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_BROWSER = fs.existsSync(CHROMIUM);
if (!HAVE_BROWSER && process.env.REQUIRE_BROWSER === '1') {
  throw new Error(
    `REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}: install it (apt-get install chromium fonts-noto-cjk)`,
  );
}
/** Screenshots land here (git-ignored); the README names the folder. */
export const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
export const PASSWORD = 'qingdan2026';

/** Builds web/dist if it is missing or stale; a lock directory keeps parallel test files from building twice. */
export async function ensureWeb(): Promise<void> {
  const lock = path.join(ROOT, 'web', '.build-lock');
  for (let i = 0; ; i++) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another file is building; a lock older than five minutes was left by a killed run.
      if (i > 600 || Date.now() - fs.statSync(lock).mtimeMs > 300_000) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-web.mjs')], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface Server {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** `env` adds settings for one test file (an SMS gateway's URL, a tile source). */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-browser-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/main.ts', 'serve'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        QINGDAN_DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: '0',
        HOST: '127.0.0.1',
        QINGDAN_DEMO: '1',
        QINGDAN_DEMO_ITEMS: '50',
        LOG_LEVEL: 'warn',
        QINGDAN_LOGIN_PER_MINUTE: '1000',
        QINGDAN_PUBLIC_SUBMIT_PER_MINUTE: '1000',
        QINGDAN_WEB_DIR: path.join(ROOT, 'web', 'dist'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 150 s:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 740 };

/** A fresh browser profile (own cookies and localStorage) at a size; page errors fail the test. */
export async function newPage(
  browser: Browser,
  base: string,
  size = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: size,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
    deviceScaleFactor: 1,
    isMobile: size.width < 500,
    hasTouch: size.width < 500,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  // From the top, so the sticky header sits where it belongs in a full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

/** The server and browser of one test file, set once its `beforeAll` has run. */
export interface BrowserRig {
  server: Server;
  browser: Browser;
}

/**
 * The one setup of a browser test file: builds the UI if needed, starts a demo server (with `env`,
 * or what `env()` returns once earlier hooks have run) and Chromium together, and stops both after
 * the file. Read `rig.server` and `rig.browser` inside tests and later hooks.
 */
export function useBrowserServer(env: Record<string, string> | (() => Record<string, string>) = {}): BrowserRig {
  const rig = {} as BrowserRig;
  beforeAll(async () => {
    await ensureWeb();
    [rig.server, rig.browser] = await Promise.all([
      startServer(typeof env === 'function' ? env() : env),
      launchBrowser(),
    ]);
  }, 240_000);
  afterAll(async () => {
    await rig.browser?.close();
    await rig.server?.stop();
  });
  return rig;
}
