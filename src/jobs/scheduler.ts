import type { JobRunner } from './job-runner.js';

/**
 * The in-process scheduler: one timer that offers every job its current period each tick. Started
 * only when the server listens (never by tests unless they ask), stopped by the feature's close.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly runner: JobRunner,
    private readonly beforeTick: () => Promise<void>,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  get started(): boolean {
    return this.timer !== null;
  }

  start(tickMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      void this.tick();
    }, tickMs);
    // The timer alone must not keep a process alive that is otherwise done.
    this.timer.unref();
    void this.tick();
  }

  /** One pass over every job; a tick still running when the next fires is not overlapped. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        await this.beforeTick();
        for (const job of this.runner.list()) {
          try {
            await this.runner.run(job.name, { scheduled: true });
          } catch (err) {
            this.log(`job ${job.name} failed`, err);
          }
        }
      } catch (err) {
        this.log('scheduler tick failed', err);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
