/** The parts of s3rver (a dev dependency without types) the S3 tests use: test/helpers/test-s3.ts. */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';
  interface KoaContext {
    method: string;
    url: string;
    headers: Record<string, string | string[] | undefined>;
    status: number;
    type: string;
    body: unknown;
  }
  export default class S3rver {
    constructor(options: {
      port?: number;
      address?: string;
      directory: string;
      silent?: boolean;
      configureBuckets?: { name: string }[];
    });
    middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void> | void)[];
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
