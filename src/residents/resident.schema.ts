import { Type } from '@sinclair/typebox';

export const CodeBody = Type.Object(
  { phone: Type.String({ minLength: 5, maxLength: 20 }) },
  { additionalProperties: false },
);
export const SessionBody = Type.Object(
  { phone: Type.String({ minLength: 5, maxLength: 20 }), code: Type.String({ minLength: 4, maxLength: 10 }) },
  { additionalProperties: false },
);
export const EmailLinkBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 200 }) },
  { additionalProperties: false },
);
export const EmailSessionBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 200 }), token: Type.String({ minLength: 10, maxLength: 100 }) },
  { additionalProperties: false },
);
const NotifyBy = Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('none')]);
export const ProfileSchema = Type.Object({
  phone: Type.Union([Type.String(), Type.Null()], { description: 'null for a resident signed in by e-mail only' }),
  email: Type.Union([Type.String(), Type.Null()]),
  notifyBy: NotifyBy,
});
export const ProfilePatch = Type.Object(
  {
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
    notifyBy: Type.Optional(NotifyBy),
  },
  { additionalProperties: false },
);
export const ClaimBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40 }), token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
const Words = Type.Object({ zh: Type.String(), en: Type.String() });
const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
export const MyReport = Type.Object({
  code: Type.String(),
  title: Type.String(),
  status: Type.String(),
  nextStep: Words,
  deadline: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  area: Nullable(Type.String()),
  satisfaction: Nullable(Type.String()),
  canVerify: Type.Boolean(),
  createdAt: Type.String(),
});
