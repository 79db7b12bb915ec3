import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { ChainSpec, ChainVerdict } from './chain.js';

/**
 * A signed checkpoint: where each chain ended (last id and link) when it was taken, with an HMAC
 * under the audit key, written to a file outside the database. Someone who rewrites the chain and
 * recomputes every link still changes the link at the checkpointed id, which the file remembers.
 */
export interface Checkpoint {
  version: 1;
  takenAt: string;
  chains: Array<{ name: string; lastId: number; lastHash: string; keyedFrom: number | null }>;
  mac: string;
}

const macOf = (c: Omit<Checkpoint, 'mac'>, key: Buffer) =>
  crypto
    .createHmac('sha256', key)
    .update(JSON.stringify([c.version, c.takenAt, c.chains]))
    .digest('hex');

export function makeCheckpoint(
  verdicts: ReadonlyArray<{ spec: ChainSpec; verdict: ChainVerdict }>,
  takenAt: string,
  key: Buffer,
): Checkpoint {
  const body = {
    version: 1 as const,
    takenAt,
    chains: verdicts.map(({ spec, verdict }) => ({
      name: spec.name,
      lastId: verdict.lastId,
      lastHash: verdict.lastHash,
      keyedFrom: verdict.keyedFrom,
    })),
  };
  return { ...body, mac: macOf(body, key) };
}

export function writeCheckpoint(file: string, c: Checkpoint): void {
  fs.writeFileSync(file, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
}

/** What differs between the checkpoint file and the database now; empty when the chains still hold it. */
export async function compareCheckpoint(
  db: Db,
  file: string,
  specs: readonly ChainSpec[],
  key: Buffer,
): Promise<string[]> {
  let c: Checkpoint;
  try {
    c = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return [`cannot read the checkpoint ${file}: ${(err as Error).message}`];
  }
  const expected = macOf({ version: c.version, takenAt: c.takenAt, chains: c.chains }, key);
  if (typeof c.mac !== 'string' || c.mac.length !== expected.length) return ['the checkpoint has no valid signature'];
  if (!crypto.timingSafeEqual(Buffer.from(c.mac), Buffer.from(expected)))
    return ['the checkpoint signature does not match: it was edited or signed with another key'];
  const problems: string[] = [];
  for (const point of c.chains) {
    const spec = specs.find((s) => s.name === point.name);
    if (!spec) {
      problems.push(`the checkpoint names a chain "${point.name}" this installation does not have`);
      continue;
    }
    const head = await (db as unknown as Kysely<any>)
      .selectFrom(spec.head)
      .select('keyed_from')
      .where('id', '=', 1)
      .executeTakeFirst();
    const keyedFrom = head?.keyed_from == null ? null : Number(head.keyed_from);
    if (point.keyedFrom !== null && keyedFrom !== point.keyedFrom)
      problems.push(`${spec.name}: the keyed start moved from event ${point.keyedFrom} to ${keyedFrom}`);
    if (point.lastId === 0) continue;
    const row = await (db as unknown as Kysely<any>)
      .selectFrom(spec.events)
      .select('hash')
      .where('id', '=', point.lastId)
      .executeTakeFirst();
    if (!row) problems.push(`${spec.name}: event ${point.lastId} of the checkpoint is gone`);
    else if (row.hash !== point.lastHash)
      problems.push(`${spec.name}: the chain up to event ${point.lastId} was rewritten since the checkpoint`);
  }
  return problems;
}
