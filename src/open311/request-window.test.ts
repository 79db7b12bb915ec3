import { describe, expect, it } from 'vitest';
import { requestWindow } from './request-window.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');

describe('requestWindow', () => {
  it('defaults to the last 90 days', () => {
    expect(requestWindow({}, NOW)).toEqual({ from: '2026-08-31T12:00:00.000Z', to: '2026-11-29T12:00:00.000Z' });
  });
  it('extends 90 days from a single given end', () => {
    expect(requestWindow({ startDate: '2026-01-01T00:00:00.000Z' }, NOW)).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    expect(requestWindow({ endDate: '2026-04-01T00:00:00.000Z' }, NOW)).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
  });
  it('keeps a full range as given (params.ts checks its span)', () => {
    const range = { startDate: '2026-11-01T00:00:00.000Z', endDate: '2026-11-02T00:00:00.000Z' };
    expect(requestWindow(range, NOW)).toEqual({ from: range.startDate, to: range.endDate });
  });
});
