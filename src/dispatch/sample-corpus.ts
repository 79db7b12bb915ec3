/**
 * A generated corpus of citizen messages (留言主题 + 留言详情) in the seven classes, for measuring the
 * dispatch model where no city's real history may be shipped. It is made to be hard in the ways
 * real messages are: shared complaint boilerplate, places and estates in every class, a sentence
 * from another class in a quarter of the messages, 3 % labels a clerk would dispute, and lengths
 * from one line to a page. Held-out messages use wordings the training half never saw (each
 * topic's last sentence), so the test measures generalisation, not recall of templates.
 */
import { CLASSES, CLOSERS, ESTATES, IDENTITIES, OPENERS, PLACES, SHARED, type Topic } from './corpus-phrases.js';
import type { Example } from './linear-model.js';

export interface SampleOptions {
  count: number;
  seed?: number;
  /** Share of messages whose label is another class's (dispute, mis-routing). */
  labelNoise?: number;
}

/** A seedable generator of numbers in [0, 1): the same seed, the same corpus. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast, seedable, good enough to shuffle phrases.
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

/** Labelled messages, train and test halves (2 : 1) drawn from the same classes and topics. */
export function sampleCorpus(opts: SampleOptions): { train: Example[]; test: Example[] } {
  const rand = rng(opts.seed ?? 2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const labels = Object.keys(CLASSES);
  const noise = opts.labelNoise ?? 0.03;
  const train: Example[] = [];
  const test: Example[] = [];
  for (let i = 0; i < opts.count; i++) {
    const held = i % 3 === 2;
    const label = pick(labels);
    const topic = pick(CLASSES[label]);
    const text = message(topic, held, label, pick, rand);
    const shown = rand() < noise ? pick(labels.filter((l) => l !== label)) : label;
    (held ? test : train).push({ label: shown, text });
  }
  return { train, test };
}

function message(
  [subjects, details]: Topic,
  held: boolean,
  label: string,
  pick: <T>(xs: readonly T[]) => T,
  rand: () => number,
): string {
  const place = pick(PLACES);
  const estate = pick(ESTATES);
  const fill = (s: string) => s.replaceAll('{place}', place).replaceAll('{estate}', estate);
  const own = held ? details : details.slice(0, -1);
  const subject = rand() < 0.3 ? `关于${place}${pick(subjects)}的问题` : `${place}${pick(subjects)}`;
  const parts = [pick(OPENERS), fill(pick(IDENTITIES))];
  if (held) parts.push(`${details[details.length - 1]}。`);
  const n = 1 + Math.floor(rand() * 3);
  for (let j = 0; j < n; j++) parts.push(`${pick(own)}。`);
  if (rand() < 0.25) {
    const other = pick(Object.keys(CLASSES).filter((l) => l !== label));
    parts.push(`另外，${pick(pick(CLASSES[other])[1])}。`);
  }
  const shared = Math.floor(rand() * 4);
  for (let j = 0; j < shared; j++) parts.push(pick(SHARED));
  // A few long letters: the same grievance told again with dates, as real ones are.
  if (rand() < 0.05) for (let j = 0; j < 10; j++) parts.push(`${2020 + j}年${1 + j}月又反映过一次：${pick(own)}。`);
  parts.push(pick(CLOSERS));
  return `${subject}\n${parts.join('')}`;
}
