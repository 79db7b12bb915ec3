import { Type } from '@sinclair/typebox';

const Ref = Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]);
export const SuggestionSchema = Type.Object({
  code: Type.String(),
  title: Type.String(),
  status: Type.String(),
  category: Ref,
  area: Ref,
  reportCount: Type.Integer(),
  createdAt: Type.String(),
  score: Type.Number({ description: '0..1: 0.6 × text similarity + 0.2 × category + 0.2 × place' }),
  reasons: Type.Array(
    Type.Object({ code: Type.String(), message: Type.String(), value: Type.Optional(Type.Number()) }),
  ),
  reason: Type.String(),
});
export const Suggestions = Type.Object({ items: Type.Array(SuggestionSchema) });
export const DraftBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    categoryId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    areaId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const DuplicateInbox = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      createdAt: Type.String(),
      suggestions: Type.Array(SuggestionSchema),
    }),
  ),
});
