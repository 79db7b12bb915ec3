import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'web/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only add contention (PostgreSQL and Chromium share them too).
    maxWorkers: 2,
    pool: 'forks',
    // A browser poll waits on a page that waits on the server: on two loaded cores one round trip
    // can take longer than the default second, which fails a test that is right.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default', './test/helpers/totals-reporter.ts'],
    // Fewer scrypt rounds keep logins fast in tests; production uses the default (2^15).
    env: { QINGDAN_SCRYPT_N: '4096' },
  },
});
