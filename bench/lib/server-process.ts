import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** Peak resident memory so far (VmHWM), in MiB; null where /proc is not available. */
  peakRssMb(): number | null;
  /** SIGTERM and wait; SIGKILL if it does not stop in time. */
  stop(): Promise<void>;
  /** SIGKILL at once and wait for the exit: a crash, as far as the process can tell. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Starts a TypeScript entry point as its own Node process and waits for the line naming the URL it
 * listens on. `node --import tsx` keeps it one process: the tsx CLI would run the program in a
 * child, and a SIGKILL sent to the CLI would leave the real server running.
 */
export async function startProcess(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start within ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      const m = /listening on (http:\/\/[\d.:a-z[\]]+)/i.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before listening:\n${out}`));
    });
  });
  const pid = child.pid!;
  const dead = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    pid,
    child,
    exited,
    output: () => out,
    peakRssMb() {
      try {
        const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
        return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
      } catch {
        return null;
      }
    },
    async stop() {
      if (dead()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (dead()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The Qingdan server on a free port with the given data directory or database. */
export function startQingdan(
  env: Record<string, string | undefined>,
  timeoutMs?: number,
  nodeArgs?: string[],
): Promise<ServerProcess> {
  return startProcess(
    'src/cli/main.ts',
    ['serve'],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      QINGDAN_DEMO: '0',
      ...env,
    },
    timeoutMs,
    nodeArgs,
  );
}
