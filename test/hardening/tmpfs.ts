import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A small tmpfs mounted for a test, so "disk full" is a real ENOSPC from the kernel. Needs root
 * (as the developers' machines and CI run); null where mounting is not permitted.
 */
export interface Tmpfs {
  dir: string;
  /** Writes a filler file until the file system is full; returns its path. */
  fill(): string;
  unmount(): void;
}

export function mountTmpfs(sizeMb: number): Tmpfs | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    fill() {
      const file = path.join(dir, `filler-${Date.now()}`);
      const fd = fs.openSync(file, 'w');
      const block = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) fs.writeSync(fd, block);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      }
      // The last bytes that fit in a partial block.
      try {
        for (;;) fs.writeSync(fd, block.subarray(0, 512));
      } catch {
        /* full */
      }
      fs.closeSync(fd);
      return file;
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
