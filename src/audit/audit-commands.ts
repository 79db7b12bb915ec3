import path from 'node:path';
import type { Command } from 'commander';
import type { CliHost } from '../cli/cli-host.js';
import type { Kernel } from '../kernel.js';
import { ITEM_CHAIN, verifyChain } from './audit.repository.js';
import { auditKey } from './audit-key.js';
import { verifyLinks, type ChainSpec } from './chain.js';
import { compareCheckpoint, makeCheckpoint, writeCheckpoint } from './checkpoint.js';
import { checkItemStates } from './replay.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** The item chain and the chains features keep of their own (records that are not items). */
function chainsOf(k: Kernel): ChainSpec[] {
  return [ITEM_CHAIN, ...k.features.flatMap((f) => f.auditChains?.(k.of(f), k) ?? [])];
}

async function verifyItemChain(k: Kernel): Promise<boolean> {
  const r = await verifyChain(k.db);
  const keyed = r.keyedFrom === null ? 'no keyed events yet' : `HMAC-keyed from event ${r.keyedFrom}`;
  if (r.ok) {
    say(`audit chain intact: ${r.checked} events verified (${keyed})`);
    return true;
  }
  const b = r.firstBreak!;
  const code = b.problemId
    ? (await k.db.selectFrom('problems').select('code').where('id', '=', b.problemId).executeTakeFirst())?.code
    : undefined;
  say(
    `audit chain BROKEN at event ${b.eventId}${code ? ` (problem ${code})` : ''}: ${b.message}; ` +
      `${r.checked} events verified before it`,
  );
  return false;
}

async function verifyAll(k: Kernel, opts: { item?: string; checkpoint?: string }): Promise<boolean> {
  let ok = await verifyItemChain(k);
  for (const spec of chainsOf(k).slice(1)) {
    const c = await verifyLinks(k.db, spec);
    say(
      c.ok
        ? `${spec.name} chain intact: ${c.checked} events verified`
        : `${spec.name} chain BROKEN: ${c.message}; ${c.checked} events verified before it`,
    );
    ok &&= c.ok;
  }
  // The chain proves the events; replaying them proves the rows nobody appended an event for.
  const states = await checkItemStates(k.db, { code: opts.item });
  if (opts.item && states.checked === 0) {
    say(`item ${opts.item} does not exist`);
    ok = false;
  }
  for (const m of states.mismatches)
    say(
      `item ${m.code} differs from its events: ${m.column} is ${JSON.stringify(m.recorded)}, ` +
        `its events say ${JSON.stringify(m.replayed)}`,
    );
  if (!states.mismatches.length) say(`item states match their events: ${states.checked} items checked`);
  ok &&= states.mismatches.length === 0;
  if (opts.checkpoint) {
    const key = auditKey();
    const problems = key ? await compareCheckpoint(k.db, opts.checkpoint, chainsOf(k), key) : ['no audit key'];
    for (const p of problems) say(`checkpoint ${opts.checkpoint} does NOT hold: ${p}`);
    if (!problems.length) say(`checkpoint ${opts.checkpoint} holds: the chains still contain it`);
    ok &&= problems.length === 0;
  }
  return ok;
}

export function registerAuditCommands(program: Command, cli: CliHost): void {
  const audit = program.command('audit').description('the append-only, HMAC-chained event log');
  audit
    .command('verify')
    .description(
      're-compute the chains, replay each item from its events and compare with its row ' +
        '(exit code 1 on any break or difference)',
    )
    .option('--item <code>', 'check only this item (JZ-2026-000001) against its events')
    .option('--checkpoint <file>', 'also check a signed checkpoint from `qingdan audit checkpoint`')
    .action(async (opts: { item?: string; checkpoint?: string }) => {
      await cli.withKernel(
        async (k) => {
          if (!(await verifyAll(k, opts))) process.exitCode = 1;
        },
        { start: false },
      );
    });
  audit
    .command('checkpoint <file>')
    .description('verify the chains, then write a checkpoint signed with the audit key; keep it off this machine')
    .action(async (file: string) => {
      await cli.withKernel(
        async (k) => {
          const key = auditKey()!;
          const verdicts = [];
          for (const spec of chainsOf(k)) {
            const verdict = await verifyLinks(k.db, spec);
            if (!verdict.ok) {
              say(`not checkpointing a broken chain: ${verdict.message}`);
              process.exitCode = 1;
              return;
            }
            verdicts.push({ spec, verdict });
          }
          const c = makeCheckpoint(verdicts, k.clock().toISOString(), key);
          writeCheckpoint(path.resolve(file), c);
          say(
            `checkpoint written to ${path.resolve(file)}: ${c.chains.map((x) => `${x.name} @${x.lastId}`).join(', ')}`,
          );
        },
        { start: false },
      );
    });
}
