import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Command } from 'commander';
import type { Kernel } from './kernel.js';
import type { ProblemHookSet } from './problems/problem-hooks.js';
import type { Job } from './jobs/job-runner.js';
import type { CliHost } from './cli/cli-host.js';
import type { ChainSpec } from './audit/chain.js';
import type { SeedContext } from './demo/demo-seed.js';

/** What a feature's demo seeding is given: the demo accounts and reference ids, and the clock. */
export type DemoContext = Pick<SeedContext, 'actors' | 'ids' | 'setNow' | 'now'> & {
  realNow: Date;
  log(msg: string): void;
};

/**
 * A feature's part of a month's settlement (月结): computed with the scorecard and frozen with it
 * when the month is settled, under `sections[key]` of the scorecard.
 */
export interface SettlementSection {
  key: string;
  compute(window: { month: string; firstDay: string; lastDay: string }): Promise<unknown>;
}

/**
 * The one shape every folder that adds behaviour takes. `src/features.ts` lists them in order; the
 * server (`buildApp`), the command line and the demo seeder all boot the same list through
 * `createKernel`, so a feature behaves the same wherever it runs.
 *
 * A feature's state is whatever `install` returns; other features read it with `k.of(feature)`,
 * typed by the feature object itself. Nothing is pushed into another feature's objects: what a
 * feature adds to the problem write path is declared in `hooks`, each by name, and composed by the
 * kernel in the order `src/features.ts` gives.
 */
export interface Feature<S = void> {
  readonly name: string;
  /** Creates the per-app state (services, caches, runtimes). Earlier features are installed. */
  install?(k: Kernel): S;
  /** What this feature adds to problem writes, each hook named "<feature>.<what>". */
  hooks?(state: S, k: Kernel): ProblemHookSet;
  /** Scheduled jobs this feature runs (the jobs feature schedules them; `qingdan jobs run` runs one). */
  jobs?(state: S, k: Kernel): Job[];
  /** Work before serving or running a command: loading caches, catching up queues. */
  start?(state: S, k: Kernel): Promise<void>;
  /** Reloads what another instance may have changed (settings caches); the scheduler calls it. */
  refresh?(state: S, k: Kernel): Promise<void>;
  /** HTTP routes. */
  routes?(state: S, k: Kernel): FastifyPluginAsyncTypebox;
  /** Runs only in a listening server (timers); tests drive apps with inject() and call jobs by hand. */
  listen?(state: S, k: Kernel): void;
  /** Figures this feature adds to the monthly settlement (src/assessment). */
  settlement?(state: S, k: Kernel): SettlementSection;
  /** Hash chains of its own that `qingdan audit verify` walks after the item chain. */
  auditChains?(state: S, k: Kernel): ChainSpec[];
  /** `qingdan` commands. They boot a kernel of their own through `cli.withKernel`. */
  cli?(program: Command, cli: CliHost): void;
  /**
   * Seeds this feature's part of the demo city, after the core story and supervision. Runs on a
   * kernel with every feature; `demo.setNow` moves its clock (back to `demo.realNow` afterwards).
   */
  demo?(state: S, k: Kernel, demo: DemoContext): Promise<void>;
  /** Stops timers and flushes queues; runs in reverse install order, before the database closes. */
  close?(state: S, k: Kernel): Promise<void>;
}

/** Declares a feature; the identity function gives `install`'s return type to the other members. */
export const defineFeature = <S = void>(feature: Feature<S>): Feature<S> => feature;
