import { Type } from '@sinclair/typebox';
import { PASSWORD_RULE } from '../auth/secrets.js';

export const STAFF_ROLE_SCHEMA = Type.Union(
  (['admin', 'acceptance', 'department', 'supervisor', 'leader'] as const).map((r) => Type.Literal(r)),
);
const password = Type.String({ minLength: PASSWORD_RULE.minLength, maxLength: PASSWORD_RULE.maxLength });
const departmentId = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]);

export const UserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: STAFF_ROLE_SCHEMA,
  departmentId,
  active: Type.Boolean(),
});

/** A leader an item can be owned by (领办): what the assign form offers. */
export const LeaderSchema = Type.Object({ id: Type.Integer(), displayName: Type.String() });

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const PasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: password },
  { additionalProperties: false },
);
export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 50, pattern: '^[A-Za-z0-9_.-]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    password,
    role: STAFF_ROLE_SCHEMA,
    departmentId: Type.Optional(departmentId),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export const PatchUserBody = Type.Partial(
  Type.Object({
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: STAFF_ROLE_SCHEMA,
    departmentId,
    active: Type.Boolean(),
    password,
  }),
  { additionalProperties: false, minProperties: 1 },
);
export const ApiKeySchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  role: Type.String(),
  departmentId,
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    // 'public' keys belong to client apps (Open311, kiosks): they submit and read what the public may.
    role: Type.Optional(Type.Union([STAFF_ROLE_SCHEMA, Type.Literal('public')])),
    departmentId: Type.Optional(departmentId),
  },
  { additionalProperties: false },
);
