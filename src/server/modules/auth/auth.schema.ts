import Type from 'typebox';
import { Nullable } from '../../http/schemas.js';
import { ALL_ROLES, allCapabilities } from '../../policy/capabilities.js';

export const RoleSchema = Type.Enum(ALL_ROLES, { description: 'Account role' });

export const UserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  place: Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String() }),
  /** A department account's unit (the cases dispatched to it are its scope); null for every other role. */
  department: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  mustChangePassword: Type.Boolean(),
  disabled: Type.Boolean(),
  lockedUntil: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 40 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false, examples: [{ username: 'admin', password: 'Louyuan@2026' }] },
);

/** Built when the routes are registered: the capability names are the installed modules'. */
export const sessionResponse = () =>
  Type.Object({
    user: UserSchema,
    csrfToken: Type.String({ description: 'Send as x-csrf-token on every state-changing request' }),
    capabilities: Type.Array(Type.Enum(allCapabilities()), { description: 'What the role may do at all' }),
  });

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
    newPassword: Type.String({ minLength: 8, maxLength: 128 }),
  },
  {
    additionalProperties: false,
    examples: [{ currentPassword: 'Louyuan@2026', newPassword: 'Another#2026' }],
  },
);

export const ApiTokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S', description: 'Not blank' }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false, examples: [{ name: '12345 热线对接', expiresInDays: 90 }] },
);

export const TokenIdParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
