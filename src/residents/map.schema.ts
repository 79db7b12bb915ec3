import { Type } from '@sinclair/typebox';

/** The map's request and answer shapes: the routes validate with them, the UI types itself from them. */
export const Lat = Type.Number({ minimum: -90, maximum: 90 });
export const Lng = Type.Number({ minimum: -180, maximum: 180 });

export const NameRef = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
});

export const LocateAnswer = Type.Object({ area: NameRef });

export const NearbyQuery = Type.Object({
  lat: Lat,
  lng: Lng,
  radius: Type.Optional(Type.Integer({ minimum: 10, maximum: 2000, description: 'metres, default 300' })),
  categoryId: Type.Optional(Type.Integer({ minimum: 1, description: 'only items of this category' })),
});

/** An open public item near a pin: what a resident needs to recognise it and follow it, never contact. */
export const NearbyItem = Type.Object({
  code: Type.String(),
  title: Type.String(),
  status: Type.String(),
  categoryId: Type.Union([Type.Integer(), Type.Null()]),
  lat: Type.Number(),
  lng: Type.Number(),
  metres: Type.Integer({ description: 'distance from the pin' }),
});

export const NearbyAnswer = Type.Object({ radius: Type.Integer(), items: Type.Array(NearbyItem) });
