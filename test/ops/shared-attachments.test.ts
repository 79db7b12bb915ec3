import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK, databaseBlobStore } from '../../src/attachments/blob-store.js';
import { dialects } from '../helpers/test-db.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type Instance, secondInstance, uploadOnOneServeOnOther } from './two-instances.js';

/**
 * Issue #17 point 1: with QINGDAN_ATTACHMENTS=database a photo uploaded on one instance is served by
 * another that shares only the database (its own data directory, its own pool), byte for byte.
 */
describe.each(await dialects())('attachments in the database (%s)', (dialect) => {
  let t: TestApp;
  let other: Instance;
  beforeAll(async () => {
    t = await createTestApp(dialect, { attachments: 'database' });
    other = await secondInstance(t);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('serves on the second instance the photo uploaded on the first', async () => {
    await uploadOnOneServeOnOther(t, other);
  });

  it('keeps a file of several chunks whole, and forgets a removed one', async () => {
    const store = databaseBlobStore(t.tdb.db);
    const bytes = crypto.randomBytes(CHUNK * 2 + 1234);
    const file = path.join(other.dataDir, 'big.bin');
    fs.writeFileSync(file, bytes);
    await store.put('2026/big.bin', file);
    expect(fs.existsSync(file)).toBe(false);
    const parts: Buffer[] = [];
    for await (const part of await store.open('2026/big.bin')) parts.push(part as Buffer);
    expect(parts.length).toBe(3);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
    await store.remove('2026/big.bin');
    await expect(store.open('2026/big.bin')).rejects.toMatchObject({ code: 'not_found' });
  });
});
