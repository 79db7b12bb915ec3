import pg from 'pg';
import { EVENT_COLUMNS, PROBLEM_COLUMNS, sameStart, type FinalBatch, type NumberingStart } from './bulk-assign.js';
import type { BulkWriter, WriteResult } from './bulk-writer.js';

// PostgreSQL types of the bulk columns, for unnest(): one array parameter per column moves a
// whole batch in one statement, with no 65,535-parameter limit and no per-row round trip.
const INT = new Set([
  'id',
  'category_id',
  'source_id',
  'area_id',
  'is_public',
  'anonymous',
  'lead_department_id',
  'owner_leader_id',
  'progress_percent',
  'redo_count',
  'report_count',
  'merged_into_id',
  'parent_id',
  'created_by',
  'problem_id',
  'actor_id',
  'department_id',
  'tag_id',
  'last_event_id',
]);
const FLOAT = new Set(['lat', 'lng']);
const typeOf = (c: string) => (INT.has(c) ? 'int4' : FLOAT.has(c) ? 'float8' : 'text');

async function insertColumns(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
): Promise<void> {
  if (!rows.length) return;
  const arrays = columns.map((c, i) => `$${i + 1}::${typeOf(c)}[]`).join(', ');
  await client.query(
    `insert into ${table} (${columns.join(', ')}) select * from unnest(${arrays})`,
    columns.map((_, j) => rows.map((r) => r[j])),
  );
}

export function postgresBulkWriter(url: string): BulkWriter {
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();

  const nextId = async (table: string) => {
    const seq = (await client.query(`select pg_get_serial_sequence('${table}', 'id') as s`)).rows[0].s as string;
    const r = (await client.query(`select last_value, is_called from ${seq}`)).rows[0];
    return { seq, next: Number(r.last_value) + (r.is_called ? 1 : 0) };
  };
  const readStart = async (lock: boolean): Promise<NumberingStart & { seqs: [string, string] }> => {
    const head = (
      await client.query(
        `select last_event_id, last_hash, keyed_from from audit_head where id = 1${lock ? ' for update' : ''}`,
      )
    ).rows[0];
    const seqRows = (await client.query(`select scope, last_value from code_sequences${lock ? ' for update' : ''}`))
      .rows as Array<{ scope: string; last_value: number }>;
    const p = await nextId('problems');
    const e = await nextId('events');
    return {
      firstProblemId: p.next,
      firstEventId: e.next,
      lastEventId: Number(head.last_event_id),
      lastHash: head.last_hash,
      keyedFrom: head.keyed_from === null ? null : Number(head.keyed_from),
      sequences: Object.fromEntries(seqRows.map((r) => [r.scope, Number(r.last_value)])),
      seqs: [p.seq, e.seq],
    };
  };

  return {
    async expectedStart() {
      await connected;
      const { seqs: _seqs, ...start } = await readStart(false);
      return start;
    },
    async write(batch: FinalBatch): Promise<WriteResult> {
      await connected;
      await client.query('begin');
      try {
        // Inserting into problems or events takes ROW EXCLUSIVE, which this lock excludes, so nobody
        // draws problem or event ids meanwhile. The server's writers wait for the batch.
        await client.query('lock table problems, events in share row exclusive mode');
        // A lost batch after an OS crash is just a smaller bulk run; no need to wait for the flush.
        await client.query('set local synchronous_commit = off');
        const { seqs, ...actual } = await readStart(true);
        if (!sameStart(actual, batch.start)) {
          await client.query('rollback');
          return { ok: false, actual };
        }
        await insertColumns(client, 'problems', PROBLEM_COLUMNS, batch.problems);
        await insertColumns(client, 'events', EVENT_COLUMNS, batch.events);
        await insertColumns(client, 'problem_departments', ['problem_id', 'department_id'], batch.coDepartments);
        await insertColumns(client, 'problem_tags', ['problem_id', 'tag_id'], batch.tags);
        await client.query('select setval($1, $2, true), setval($3, $4, true)', [
          seqs[0],
          batch.end.firstProblemId - 1,
          seqs[1],
          batch.end.firstEventId - 1,
        ]);
        for (const [scope, value] of Object.entries(batch.end.sequences)) {
          if (batch.start.sequences[scope] === value) continue;
          await client.query(
            'insert into code_sequences (scope, last_value) values ($1, $2) ' +
              'on conflict (scope) do update set last_value = excluded.last_value',
            [scope, value],
          );
        }
        await insertColumns(client, 'audit_item_heads', ['problem_id', 'last_event_id', 'last_hash'], batch.heads);
        await client.query('commit');
        return { ok: true };
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      }
    },
    async finish() {
      await connected;
      await client.query('analyze problems, events, problem_departments, problem_tags');
    },
    async close() {
      await client.end();
    },
  };
}
