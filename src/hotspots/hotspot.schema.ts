import { Type, type TSchema } from '@sinclair/typebox';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Named = nullable(Type.Object({ id: Type.Integer(), name: Type.String() }));

export const HotQuery = Type.Object(
  {
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 180, default: 30, description: 'the window, in days' })),
    sort: Type.Optional(
      Type.Union([Type.Literal('score'), Type.Literal('size'), Type.Literal('growth'), Type.Literal('support')], {
        description: 'score (size, growth and support together, the default), size, growth or support',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const ClusterSchema = Type.Object(
  {
    key: Type.String({ description: "the oldest member's code: stable while the cluster grows" }),
    title: Type.String(),
    area: Named,
    category: Named,
    days: Type.Integer(),
    reports: Type.Integer({ description: 'reports in the window (merged duplicates count)' }),
    previous: Type.Integer({ description: 'reports in the window before it' }),
    growth: Type.Integer({ description: 'reports minus previous' }),
    support: Type.Integer({ description: '"me too" (我也遇到) on the members' }),
    score: Type.Number(),
    firstAt: Type.String(),
    lastAt: Type.String(),
    memberCount: Type.Integer(),
    codes: Type.Array(Type.String(), { description: "every member's code, newest first" }),
    members: Type.Array(
      Type.Object({
        code: Type.String(),
        title: Type.String(),
        status: Type.String(),
        createdAt: Type.String(),
        support: Type.Integer(),
      }),
      { description: 'the newest 20 members' },
    ),
    promotedTo: nullable(Type.String({ description: 'the systemic item made of this cluster' })),
  },
  { description: 'A hot spot: similar items of one area within the window' },
);

export const ClusterPage = Type.Object({
  days: Type.Integer(),
  items: Type.Array(ClusterSchema),
  ms: Type.Integer({ description: 'time taken to answer, in milliseconds' }),
});

export const MetooState = Type.Object({
  code: Type.String(),
  count: Type.Integer({ description: '"me too" on this item' }),
  mine: Type.Boolean({ description: 'this account or device has said it' }),
});

const Codes = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
  minItems: 1,
  maxItems: 500,
  uniqueItems: true,
});

export const PromoteBody = Type.Object(
  {
    codes: Codes,
    kind: Type.Union([Type.Literal('monthly'), Type.Literal('campaign')], {
      description: 'monthly 每月一题, campaign 小切口大整治',
    }),
    title: Type.String({ minLength: 2, maxLength: 160 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    isPublic: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const PromoteResult = Type.Object({
  code: Type.String({ description: 'the new systemic item' }),
  kind: Type.String(),
  linked: Type.Integer(),
  children: Type.Integer({ description: 'linked items that had no parent and became its children' }),
});

export const AttachBody = Type.Object({ codes: Codes }, { additionalProperties: false });

export const AttachResult = Type.Object({
  campaignId: Type.Integer(),
  attached: Type.Array(Type.String()),
  already: Type.Array(Type.String({ description: 'attached before: left as they were' })),
});
