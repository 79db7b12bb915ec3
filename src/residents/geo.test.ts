import { describe, expect, it } from 'vitest';
import { contains, distanceMetres, parseGeometry } from './geo.js';
import { wgs84ToGcj02 } from './gcj02.js';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
    [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
      [4, 4],
    ],
  ],
};

describe('geo', () => {
  it('finds points inside a polygon and outside its hole', () => {
    const g = parseGeometry(square);
    expect(contains(g, 1, 1)).toBe(true);
    expect(contains(g, 5, 5)).toBe(false);
    expect(contains(g, 11, 5)).toBe(false);
  });
  it('refuses what is not a polygon', () => {
    expect(() => parseGeometry({ type: 'Point', coordinates: [1, 2] })).toThrow(/Polygon/);
    expect(() =>
      parseGeometry({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [200, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toThrow();
  });
  it('measures distances in metres', () => {
    expect(Math.round(distanceMetres(30, 112, 30.001, 112))).toBe(111);
  });
  it('shifts positions in China to GCJ-02 by a few hundred metres and leaves others alone', () => {
    const [lng, lat] = wgs84ToGcj02(112.24, 30.33);
    const shift = distanceMetres(30.33, 112.24, lat, lng);
    expect(shift).toBeGreaterThan(100);
    expect(shift).toBeLessThan(1000);
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
  });
});
