import Type from 'typebox';
import { PageQuery, Paged } from '../../http/schemas.js';
import { MANAGED_ROLES } from '../../policy/capabilities.js';
import { RoleSchema, UserSchema } from '../auth/auth.schema.js';
import { USER_ACTIONS } from './users.policy.js';

export const ManagedRoleSchema = Type.Enum(MANAGED_ROLES, {
  description: 'Roles that can be given through the API (administrators are provisioned by the CLI)',
});

export const ManagedUserSchema = Type.Object({
  ...UserSchema.properties,
  version: Type.Integer(),
  allowedActions: Type.Array(Type.Enum(USER_ACTIONS)),
});

export const UserPage = Paged(ManagedUserSchema);

export const UserIdParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const UserListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 40, description: 'Username or display name' })),
    role: Type.Optional(RoleSchema),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const Username = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{2,39}$',
  description: 'lower case, 3–40 characters',
});
const Password = Type.String({ minLength: 8, maxLength: 128 });
const PlaceCode = Type.String({ pattern: '^[0-9]{6,24}$' });
const DepartmentCode = Type.String({ pattern: '^[a-z_]{2,40}$' });

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
    role: ManagedRoleSchema,
    placeCode: PlaceCode,
    /** Required for department_staff (the unit whose dispatched cases the account sees), refused otherwise. */
    departmentCode: Type.Optional(DepartmentCode),
    password: Password,
  },
  {
    additionalProperties: false,
    examples: [
      {
        username: 'wangfang',
        displayName: '王芳',
        role: 'community_staff',
        placeCode: '410103001001',
        password: 'Temp#2026a',
      },
    ],
  },
);

export const UpdateUserBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' })),
    disabled: Type.Optional(Type.Boolean()),
    role: Type.Optional(ManagedRoleSchema),
    placeCode: Type.Optional(PlaceCode),
    departmentCode: Type.Optional(DepartmentCode),
  },
  { additionalProperties: false, examples: [{ version: 1, displayName: '王芳（社区）' }] },
);

export const ResetPasswordBody = Type.Object(
  { newPassword: Password },
  { additionalProperties: false, examples: [{ newPassword: 'Reset#2026b' }] },
);
