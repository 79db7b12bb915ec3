import { describe, expect, it } from 'vitest';
import type { Open311Error } from './errors.js';
import { DEFAULT_JURISDICTIONS, parseJurisdictions, resolveJurisdiction } from './jurisdictions.js';

describe('parseJurisdictions', () => {
  it('defaults to the demo city and reads ids with optional area scopes', () => {
    expect(parseJurisdictions(undefined)).toEqual([{ id: DEFAULT_JURISDICTIONS, areaCode: null }]);
    expect(parseJurisdictions(' ')).toEqual([{ id: 'jingzhou.gov.cn', areaCode: null }]);
    expect(parseJurisdictions('jingzhou.gov.cn, shashi.jingzhou.gov.cn = jz-ss ,')).toEqual([
      { id: 'jingzhou.gov.cn', areaCode: null },
      { id: 'shashi.jingzhou.gov.cn', areaCode: 'jz-ss' },
    ]);
  });

  it.each(['a b', 'x=y=z', 'x=', '=jz', 'a,a', '-x'])('refuses "%s"', (raw) => {
    expect(() => parseJurisdictions(raw)).toThrow(/QINGDAN_OPEN311_JURISDICTIONS/);
  });
});

describe('resolveJurisdiction', () => {
  const one = parseJurisdictions('jingzhou.gov.cn');
  const two = parseJurisdictions('jingzhou.gov.cn,shashi=jz-ss');
  const status = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return (err as Open311Error).status;
    }
    return 200;
  };

  it('may be left out (or empty) when only one jurisdiction is served', () => {
    expect(resolveJurisdiction({}, one).id).toBe('jingzhou.gov.cn');
    expect(resolveJurisdiction({ jurisdiction_id: '' }, one).id).toBe('jingzhou.gov.cn');
    expect(resolveJurisdiction({ jurisdiction_id: 'JINGZHOU.gov.cn' }, one).id).toBe('jingzhou.gov.cn');
  });

  it('is required with several, and unknown ones are 404', () => {
    expect(status(() => resolveJurisdiction({}, two))).toBe(400);
    expect(resolveJurisdiction({ jurisdiction_id: 'shashi' }, two)).toEqual({ id: 'shashi', areaCode: 'jz-ss' });
    expect(status(() => resolveJurisdiction({ jurisdiction_id: 'wuhan.gov.cn' }, one))).toBe(404);
  });
});
