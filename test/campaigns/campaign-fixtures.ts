import { creditCodeCheck } from '../../src/hall/identity.js';

/** A valid-looking unified social credit code (Jingzhou development zone, sequence n). */
export const creditCode = (n: number) => {
  const first = `91421003MA4${String(n).padStart(6, '0')}`;
  return first + creditCodeCheck(first);
};

/** The same code with its check character changed: 18 characters, wrong check digit. */
export const badCheckDigit = (n: number) => {
  const good = creditCode(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
};

export const odourMeasures = [
  { name: '废气收集设施改造', weight: 40, fraction: 0.4 },
  { name: '在线监测联网', weight: 30, fraction: 0.3 },
  { name: '第三方检测达标', weight: 30, fraction: 0.3 },
];
