import { describe, expect, it } from 'vitest';
import { Open311Error } from './errors.js';
import {
  checkJurisdiction,
  dateTimeParam,
  listParam,
  optionalParam,
  parseRequestsQuery,
  parseUpdatesQuery,
  requireApiKey,
} from './params.js';

/** Runs fn, expecting an Open311Error; returns it for inspection. */
function open311ErrorOf(fn: () => unknown): Open311Error {
  try {
    fn();
  } catch (err) {
    if (err instanceof Open311Error) return err;
    throw err;
  }
  throw new Error('expected an Open311Error');
}

describe('single and list parameters', () => {
  it('treats empty and blank values as absent', () => {
    expect(optionalParam({ service_code: '' }, 'service_code')).toBeUndefined();
    expect(optionalParam({ service_code: '  ' }, 'service_code')).toBeUndefined();
    expect(optionalParam({ service_code: ['', 'road'] }, 'service_code')).toBe('road');
    expect(listParam({ status: '' }, 'status')).toBeUndefined();
    expect(listParam({}, 'status')).toBeUndefined();
  });

  it('refuses a single parameter given twice with different values', () => {
    expect(optionalParam({ lat: ['30.1', '30.1'] }, 'lat')).toBe('30.1');
    const err = open311ErrorOf(() => optionalParam({ lat: ['30.1', '30.2'] }, 'lat'));
    expect(err.status).toBe(400);
    expect(err.items('en')[0].description).toMatch(/lat must be given once/);
  });

  it('splits comma lists, merges repeated keys, trims and de-duplicates', () => {
    expect(listParam({ service_request_id: 'JZ-1, JZ-2,,JZ-1' }, 'service_request_id')).toEqual(['JZ-1', 'JZ-2']);
    expect(listParam({ status: ['open', 'closed,open'] }, 'status')).toEqual(['open', 'closed']);
  });
});

describe('date-time parameters', () => {
  it('accepts ISO 8601 with Z or an offset and returns UTC', () => {
    expect(dateTimeParam({ start_date: '2026-11-29T08:00:00+08:00' }, 'start_date')).toBe('2026-11-29T00:00:00.000Z');
    expect(dateTimeParam({ start_date: '2026-11-29T00:00:00Z' }, 'start_date')).toBe('2026-11-29T00:00:00.000Z');
    expect(dateTimeParam({ start_date: '2026-11-29T00:00-0530' }, 'start_date')).toBe('2026-11-29T05:30:00.000Z');
    expect(dateTimeParam({ start_date: '2026-11-29T00:00:00.5Z' }, 'start_date')).toBe('2026-11-29T00:00:00.500Z');
    expect(dateTimeParam({ start_date: '' }, 'start_date')).toBeUndefined();
  });

  it.each([
    '2026-11-29',
    '2026-11-29T08:00:00',
    '2026-02-30T00:00:00Z',
    '2026-11-29T24:00:00Z',
    'yesterday',
    '1732867200',
  ])('refuses %s with a clear message', (value) => {
    const err = open311ErrorOf(() => dateTimeParam({ end_date: value }, 'end_date'));
    expect(err.status).toBe(400);
    expect(err.items('en')[0].description).toContain(`end_date must be an ISO 8601 date-time with a time zone`);
    expect(err.items('zh')[0].description).toContain('end_date 须为带时区的 ISO 8601 时间');
  });
});

describe('GET /requests query', () => {
  it('parses every filter', () => {
    expect(
      parseRequestsQuery({
        service_code: 'road,light',
        status: 'OPEN',
        start_date: '2026-11-01T00:00:00+08:00',
        end_date: '2026-11-29T00:00:00+08:00',
        jurisdiction_id: 'jingzhou',
      }),
    ).toEqual({
      serviceCodes: ['road', 'light'],
      statuses: ['open'],
      startDate: '2026-10-31T16:00:00.000Z',
      endDate: '2026-11-28T16:00:00.000Z',
    });
    expect(parseRequestsQuery({ service_code: '', status: '' })).toEqual({});
  });

  it('lets service_request_id override the other filters', () => {
    expect(parseRequestsQuery({ service_request_id: 'JZ-2026-000001,JZ-2026-000002', service_code: 'road' })).toEqual({
      serviceRequestIds: ['JZ-2026-000001', 'JZ-2026-000002'],
    });
  });

  it('reports every problem in one error', () => {
    const err = open311ErrorOf(() => parseRequestsQuery({ status: 'open,pending', start_date: 'x', end_date: 'y' }));
    expect(err.status).toBe(400);
    expect(err.items('en').map((e) => e.description)).toEqual([
      'start_date must be an ISO 8601 date-time with a time zone, e.g. 2026-11-29T08:00:00+08:00; got "x"',
      'end_date must be an ISO 8601 date-time with a time zone, e.g. 2026-11-29T08:00:00+08:00; got "y"',
      'status must be open or closed, got "pending"',
    ]);
    expect(err.items('en').every((e) => e.code === 400)).toBe(true);
  });

  it('refuses reversed ranges and spans over 90 days', () => {
    expect(
      open311ErrorOf(() =>
        parseRequestsQuery({ start_date: '2026-11-02T00:00:00Z', end_date: '2026-11-01T00:00:00Z' }),
      ).items('en')[0].description,
    ).toBe('start_date must not be after end_date');
    expect(
      open311ErrorOf(() =>
        parseUpdatesQuery({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }),
      ).items('en')[0].description,
    ).toMatch(/90 days/);
    expect(parseUpdatesQuery({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-03-31T00:00:00Z' })).toEqual({
      startDate: '2026-01-01T00:00:00.000Z',
      endDate: '2026-03-31T00:00:00.000Z',
    });
  });
});

describe('jurisdiction and api_key', () => {
  it('accepts a missing or matching jurisdiction_id and 404s another', () => {
    expect(() => checkJurisdiction({}, 'jingzhou')).not.toThrow();
    expect(() => checkJurisdiction({ jurisdiction_id: '' }, 'jingzhou')).not.toThrow();
    expect(() => checkJurisdiction({ jurisdiction_id: 'jingzhou' }, 'jingzhou')).not.toThrow();
    expect(open311ErrorOf(() => checkJurisdiction({ jurisdiction_id: 'wuhan' }, 'jingzhou')).status).toBe(404);
  });

  it('answers a missing api_key with 403', () => {
    expect(requireApiKey({ api_key: 'qd_abc' })).toBe('qd_abc');
    const err = open311ErrorOf(() => requireApiKey({ api_key: '' }));
    expect(err.status).toBe(403);
    expect(err.items('en')).toEqual([{ code: 403, description: 'api_key is required' }]);
  });
});
