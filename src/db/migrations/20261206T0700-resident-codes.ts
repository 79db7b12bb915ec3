import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from '../dialect.js';

// Written out here, not imported: a shipped migration must not change when the code does.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const newCode = () => Array.from({ length: 8 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');

/**
 * Issue #15, second part. Short tracking codes (8 characters without 0/O/1/I/L/U) on every item a
 * reporter holds a token for, kept in clear under a unique index because each later message to the
 * reporter repeats it; existing items get one here. Admin overrides of the messages to reporters.
 * One-time e-mail sign-in links (digests only). E-mail residents have no phone, so `residents.phone`
 * becomes nullable and `login_email` records the address a link proved. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('problems').addColumn('short_code', 'text').execute();
  const rows = await db
    .selectFrom('problems')
    .select('id')
    .where('tracking_token_hash', 'is not', null)
    .orderBy('id')
    .execute();
  const used = new Set<string>();
  for (const r of rows) {
    let code = newCode();
    while (used.has(code)) code = newCode();
    used.add(code);
    await db.updateTable('problems').set({ short_code: code }).where('id', '=', r.id).execute();
  }
  await db.schema.createIndex('problems_short_code_unique').on('problems').column('short_code').unique().execute();

  await db.schema
    .createTable('reporter_templates')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('reporter_templates_pk', ['action', 'lang'])
    .execute();

  await withId(db, db.schema.createTable('resident_email_links'))
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('resident_email_links_email_idx')
    .on('resident_email_links')
    .columns(['email_hash', 'created_at'])
    .execute();
  await db.schema
    .createIndex('resident_email_links_ip_idx')
    .on('resident_email_links')
    .columns(['ip', 'created_at'])
    .execute();

  if (isPostgres(db)) {
    await sql`alter table residents alter column phone drop not null`.execute(db);
    await db.schema
      .alterTable('residents')
      .addColumn('login_email', 'text', (c) => c.unique())
      .execute();
    return;
  }
  // SQLite cannot drop a NOT NULL: the table is rebuilt (nothing references it).
  await db.schema
    .createTable('residents_new')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    .addColumn('phone', 'text', (c) => c.unique())
    .addColumn('email', 'text')
    .addColumn('notify_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('login_email', 'text', (c) => c.unique())
    .execute();
  await sql`insert into residents_new (user_id, phone, email, notify_by, created_at)
    select user_id, phone, email, notify_by, created_at from residents`.execute(db);
  await db.schema.dropTable('residents').execute();
  await db.schema.alterTable('residents_new').renameTo('residents').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('resident_email_links').ifExists().execute();
  await db.schema.dropTable('reporter_templates').ifExists().execute();
  await db.schema.dropIndex('problems_short_code_unique').ifExists().execute();
  await db.schema.alterTable('problems').dropColumn('short_code').execute();
  // Residents who signed in by e-mail only have no phone, which the older schema cannot hold.
  await db.deleteFrom('residents').where('phone', 'is', null).execute();
  if (isPostgres(db)) {
    await db.schema.alterTable('residents').dropColumn('login_email').execute();
    await sql`alter table residents alter column phone set not null`.execute(db);
    return;
  }
  await db.schema
    .createTable('residents_old')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    .addColumn('phone', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('notify_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into residents_old (user_id, phone, email, notify_by, created_at)
    select user_id, phone, email, notify_by, created_at from residents`.execute(db);
  await db.schema.dropTable('residents').execute();
  await db.schema.alterTable('residents_old').renameTo('residents').execute();
}
