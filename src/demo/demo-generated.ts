import { Readable } from 'node:stream';
import type { SeedContext } from './demo-seed.js';
import { DEMO_CATEGORIES, DEMO_DEPARTMENTS, DEMO_USERS } from './demo-reference.js';
import { TEMPLATES } from './demo-text.js';
import { ASKS, PHRASES, SINCE } from './demo-phrases.js';
import { placeIn } from './demo-places.js';
import { demoPhoto } from './demo-photos.js';
import { chooser, mulberry32 } from './demo-random.js';
import { planLife, profileOf, type LifeOptions, type Profile } from './demo-timeline.js';
import type { Actor } from '../auth/actor.js';

const DAY = 86_400_000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
/** Where reports come from, and how often their reporter sends a photo with them. */
const SOURCES: Array<readonly [number, readonly [code: string, photo: number]]> = [
  [30, ['web', 0.6]],
  [28, ['hotline', 0.05]],
  [9, ['field_research', 0.4]],
  [10, ['inspection', 0.7]],
  [4, ['media', 0.5]],
];
/** Districts by how many reports a month's city gets from them; the city itself for citywide ones. */
const AREAS: Array<readonly [number, string]> = [
  [18, 'jz-ss'],
  [8, 'jz-ss-zs'],
  [6, 'jz-ss-sc'],
  [2, 'jz-ss-zs-hp'],
  [12, 'jz-jz'],
  [5, 'jz-jz-xn'],
  [4, 'jz-jz-jn'],
  [2, 'jz-jz-jn-xh'],
  [8, 'jz-jl'],
  [3, 'jz-jl-hx'],
  [8, 'jz-sz'],
  [3, 'jz-sz-xk'],
  [2, 'jz-sz-wjc'],
  [1, 'jz-sz-wjc-sk'],
  [12, 'jz-kfq'],
  [4, 'jz-kfq-lt'],
];
const ENDS: Array<readonly [number, LifeOptions['end']]> = [
  [89, 'normal'],
  [3, 'reject'],
  [3, 'merge'],
  [3, 'return'],
  [2, 'long_term'],
];

/** How many days ago the item came in: eight months, denser recently as a campaign gathers pace. */
const ageDays = (u: number) => 1 + u ** 1.7 * 239;

/**
 * The generated part of the demo city: reports composed from the seed's kinds of problems (place ×
 * problem × how long × what it does × what is asked), placed in their districts, some with photos,
 * each living its life up to now (demo-timeline.ts), so open items are the recent ones.
 */
export async function seedGenerated(ctx: SeedContext, realNow: Date, count: number, log: (m: string) => void) {
  const c = chooser(mulberry32(20261129));
  const leaves = DEMO_CATEGORIES.filter((x) => x.dept && PHRASES[x.code]);
  const staff = new Map(DEMO_USERS.filter((u) => 'dept' in u).map((u) => [(u as { dept: string }).dept, u.username]));
  const profiles = new Map<string, Profile>(
    DEMO_DEPARTMENTS.map((d, i) => [d.code, profileOf(chooser(mulberry32(7919 * (i + 1))))]),
  );
  const earlier = new Map<string, string[]>();
  const ages = Array.from({ length: count }, () => ageDays(c.rnd())).sort((a, b) => b - a);
  for (const [i, age] of ages.entries()) {
    const cat = c.pick(leaves);
    const ph = PHRASES[cat.code];
    const area = c.weighted(AREAS);
    const place = placeIn(c, area, ph.place);
    const [title, seen] = c.pick(ph.problems);
    const [source, photoChance] =
      ph.place === 'enterprise' && c.chance(0.6) ? ['enterprise_forum', 0.1] : c.weighted(SOURCES);
    const local = new Date(realNow.getTime() - age * DAY);
    // Reports come in by day (07:00–22:00 Beijing time), not at the hour the seed runs.
    local.setUTCHours(0, 0, 0, 0);
    const created = Math.min(local.getTime() + c.between(-1, 14) * 3_600_000, realNow.getTime() - 3_600_000);
    ctx.setNow(new Date(created));
    const anonymous = c.chance(0.3);
    const rec = await ctx.services.problems.create(ctx.actors.shouli, {
      title: `${place.short}${title}`,
      description: `${place.lead}${seen}，${c.pick(SINCE)}，${c.pick(ph.impacts)}。${c.pick(ASKS)}`,
      categoryId: ctx.ids.categories[cat.code],
      areaId: ctx.ids.areas[area],
      address: place.address,
      // Hotline callers give an address; the app and inspectors also send a point on the map.
      ...(source !== 'hotline' && { lat: place.lat, lng: place.lng }),
      sourceCode: source,
      urgency: c.chance(0.04) ? 'urgent' : 'normal',
      isPublic: c.chance(0.93),
      anonymous,
      reporter: anonymous
        ? undefined
        : {
            name: `${c.pick([...SURNAMES])}${c.pick(['先生', '女士'])}`,
            phone: `139${String(Math.floor(c.rnd() * 1e8)).padStart(8, '0')}`,
          },
    });
    const code = rec.problem.code;
    const before = c.chance(photoChance);
    if (before) await photo(ctx, ctx.actors.shouli, code, i, ph.scene, false);
    const end = c.weighted(ENDS);
    const same = earlier.get(cat.code) ?? [];
    const unit = ctx.actors[staff.get(cat.dept!) ?? ''] ?? ctx.actors.admin;
    const steps = planLife(c, {
      created,
      tier: cat.tier ?? 'simple',
      urgency: rec.problem.urgency,
      profile: profiles.get(cat.dept!)!,
      end: end === 'merge' && !same.length ? 'normal' : end,
      mergeInto: same.length ? c.pick(same.slice(-20)) : undefined,
      afterPhoto: c.chance(before ? 0.75 : 0.25),
      measure: c.pick(TEMPLATES[cat.code].measures),
      leadDepartmentId: ctx.ids.departments[cat.dept!],
    });
    let attachmentIds: number[] = [];
    for (const s of steps) {
      if (s.at > realNow.getTime()) break;
      ctx.setNow(new Date(s.at));
      const who = s.who === 'desk' ? ctx.actors.shouli : s.who === 'ducha' ? ctx.actors.ducha : unit;
      if (s.action === 'photo') {
        attachmentIds = [await photo(ctx, who, code, i, ph.scene, true)];
        continue;
      }
      const input = s.action === 'rectify' && attachmentIds.length ? { ...s.input, attachmentIds } : s.input;
      attachmentIds = s.action === 'rectify' ? [] : attachmentIds;
      await ctx.services.actions.act(who, code, s.action, input);
    }
    if (end === 'normal') earlier.set(cat.code, [...same, code]);
    if ((i + 1) % 500 === 0) log(`demo: ${i + 1}/${count} generated items`);
  }
}

/** A generated photo through the attachments store, as a reporter's or a unit's upload. */
async function photo(
  ctx: SeedContext,
  actor: Actor,
  code: string,
  n: number,
  scene: Parameters<typeof demoPhoto>[1],
  after: boolean,
) {
  const png = demoPhoto(n * 2 + (after ? 1 : 0), scene, after);
  const name = after ? `整改后-${code}.png` : `现场照片-${code}.png`;
  const up = await ctx.attachments.upload(actor, code, undefined, { filename: name, stream: Readable.from([png]) });
  return up.id;
}
