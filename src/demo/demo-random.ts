/** A small seeded PRNG so the demo city is the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picking helpers over one seeded sequence. */
export function chooser(rnd: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  /** One of `options` by weight. */
  const weighted = <T>(options: ReadonlyArray<readonly [weight: number, value: T]>): T => {
    let r = rnd() * options.reduce((s, [w]) => s + w, 0);
    for (const [w, v] of options) {
      r -= w;
      if (r < 0) return v;
    }
    return options[options.length - 1][1];
  };
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  return { rnd, pick, weighted, between, chance: (p: number) => rnd() < p };
}
export type Chooser = ReturnType<typeof chooser>;
