import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { LinearModel } from './linear-model.js';
import { sampleCorpus } from './sample-corpus.js';

const { train, test } = sampleCorpus({ count: 1500, seed: 7 });

describe('dispatch linear model', () => {
  it('routes held-out messages with unseen wording far better than chance (1/7)', () => {
    const r = evaluate(train, test);
    expect(r.labels).toBe(7);
    expect(r.top1).toBeGreaterThan(0.85);
    expect(r.top3).toBeGreaterThan(0.95);
    expect(r.top3).toBeGreaterThanOrEqual(r.top1);
  });

  it('ranks every label and decides by the subject, not a shared word', () => {
    const model = LinearModel.train(train);
    const ranked = model.rank('学校周边餐馆油烟扰民，油烟直排');
    expect(ranked.map((r) => r.label).sort()).toEqual([...model.labels].sort());
    expect(ranked[0].label).toBe('环境保护');
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
    expect(model.rank('公司拖欠工资三个月，劳动监察不管')[0].label).toBe('劳动和社会保障');
  });

  it('gives the same ranking after a round trip through JSON', () => {
    const model = LinearModel.train(train.slice(0, 300));
    const back = LinearModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const e of test.slice(0, 50)) {
      expect(back.rank(e.text).map((r) => r.label)).toEqual(model.rank(e.text).map((r) => r.label));
    }
  });
});
