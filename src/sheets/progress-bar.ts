/**
 * A progress line for long CLI runs: bar, percent, rows and rows per second. On a terminal it
 * redraws in place (at most five times a second); piped into a log it prints a line every few
 * seconds instead, so logs stay readable.
 */
export class ProgressBar {
  private started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private label: string,
    private out: NodeJS.WriteStream = process.stderr,
  ) {}

  /** `fraction` 0..1 when known (bytes read of the file, items of a total). */
  update(rows: number, fraction: number | null, force = false): void {
    const now = Date.now();
    const every = this.out.isTTY ? 200 : 5000;
    if (!force && now - this.lastDraw < every) return;
    this.lastDraw = now;
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const rate = Math.round(rows / secs);
    const f = fraction === null ? null : Math.max(0, Math.min(1, fraction));
    const bar =
      f === null
        ? ''
        : `${'█'.repeat(Math.round(f * 24))}${'░'.repeat(24 - Math.round(f * 24))} ` +
          `${String(Math.round(f * 100)).padStart(3)}%  `;
    const line =
      `${this.label} ${bar}${rows.toLocaleString('en-US')} 行 rows  ` +
      `${rate.toLocaleString('en-US')} 行/秒 rows/s  ${secs.toFixed(0)} s`;
    if (this.out.isTTY) this.out.write(`\r${line}\u001b[K`);
    else this.out.write(`${line}\n`);
    this.drawn = true;
  }

  /** Writes the final state and moves to a new line. */
  done(rows: number, fraction: number | null = 1): void {
    this.update(rows, fraction, true);
    if (this.drawn && this.out.isTTY) this.out.write('\n');
  }

  /** Clears the line so other output (an issue) prints cleanly; the next update redraws it. */
  clear(): void {
    if (this.drawn && this.out.isTTY) this.out.write('\r\u001b[K');
  }
}
