import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config.js';

const env = {
  QINGDAN_ATTACHMENTS: 's3',
  QINGDAN_S3_ENDPOINT: 'http://127.0.0.1:4569/',
  QINGDAN_S3_BUCKET: 'qingdan',
  QINGDAN_S3_ACCESS_KEY_ID: 'AKID',
  QINGDAN_S3_SECRET_ACCESS_KEY: 'very-secret',
};

describe('QINGDAN_ATTACHMENTS=s3 settings', () => {
  it('reads the bucket, with us-east-1 and path-style addressing by default', () => {
    const c = parseConfig(env);
    expect(c.attachments).toBe('s3');
    expect(c.s3).toEqual({
      endpoint: 'http://127.0.0.1:4569',
      bucket: 'qingdan',
      region: 'us-east-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'very-secret',
      forcePathStyle: true,
    });
    expect(parseConfig({}).s3).toBeNull();
    const aws = parseConfig({ ...env, QINGDAN_S3_ENDPOINT: 'https://s3.cn-north-1.amazonaws.com.cn' }).s3!;
    expect(aws.forcePathStyle).toBe(false);
    const forced = parseConfig({ ...env, QINGDAN_S3_REGION: 'cn-north-1', QINGDAN_S3_FORCE_PATH_STYLE: 'false' }).s3!;
    expect(forced).toMatchObject({ region: 'cn-north-1', forcePathStyle: false });
  });

  it('refuses s3 without endpoint, bucket or credentials, naming the variable', () => {
    for (const name of Object.keys(env).slice(1)) {
      const without = { ...env, [name]: '' };
      expect(() => parseConfig(without)).toThrow(ConfigError);
      expect(() => parseConfig(without)).toThrow(name);
    }
    for (const bad of ['ftp://x', 'http://key:secret@minio:9000', 'not a url'])
      expect(() => parseConfig({ ...env, QINGDAN_S3_ENDPOINT: bad })).toThrow(/QINGDAN_S3_ENDPOINT must be/);
    expect(() => parseConfig({ ...env, QINGDAN_S3_BUCKET: 'Bad_Bucket' })).toThrow(/QINGDAN_S3_BUCKET/);
    expect(() => parseConfig({ ...env, QINGDAN_S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(/FORCE_PATH_STYLE/);
  });

  it('takes the secret from QINGDAN_S3_SECRET_ACCESS_KEY_FILE', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qingdan-s3-secret-'));
    const file = path.join(dir, 'secret');
    fs.writeFileSync(file, 'from-a-file\n');
    const fromFile = { ...env, QINGDAN_S3_SECRET_ACCESS_KEY: '', QINGDAN_S3_SECRET_ACCESS_KEY_FILE: file };
    expect(parseConfig(fromFile).s3!.secretAccessKey).toBe('from-a-file');
    expect(() => parseConfig({ ...fromFile, QINGDAN_S3_SECRET_ACCESS_KEY: 'x' })).toThrow(/not both/);
    expect(() => parseConfig({ ...fromFile, QINGDAN_S3_SECRET_ACCESS_KEY_FILE: `${file}.none` })).toThrow(
      /QINGDAN_S3_SECRET_ACCESS_KEY_FILE cannot be read/,
    );
    fs.rmSync(dir, { recursive: true });
  });
});
