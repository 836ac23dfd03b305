import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/types.js';
import { hashPassword } from '../auth/auth.service.js';
import type { SeedContext } from '../manifest.js';

/** The demo accounts' initial password. Demo data only: a real deployment creates its own accounts. */
export const DEMO_PASSWORD = 'Louyuan@2026';

type Anchor = 'district' | 'street1' | 'street2' | 'community1' | 'community2' | 'community3' | 'compound1';

interface DemoAccountSpec {
  username: string;
  displayName: string;
  role: Role;
  anchor: Anchor;
  /** A department account's unit (department.code). */
  department?: string;
}

/** Every role, at several places: two streets, and communities in the same and in different streets. */
export const DEMO_ACCOUNT_SPECS: readonly DemoAccountSpec[] = [
  { username: 'admin', displayName: '区级管理员', role: 'district_admin', anchor: 'district' },
  { username: 'street1', displayName: '街道工作人员甲', role: 'street_staff', anchor: 'street1' },
  { username: 'street2', displayName: '街道工作人员乙', role: 'street_staff', anchor: 'street2' },
  { username: 'community1', displayName: '社区工作人员甲', role: 'community_staff', anchor: 'community1' },
  { username: 'community2', displayName: '社区工作人员乙', role: 'community_staff', anchor: 'community2' },
  { username: 'community3', displayName: '社区工作人员丙', role: 'community_staff', anchor: 'community3' },
  { username: 'grid1', displayName: '网格员甲', role: 'grid_worker', anchor: 'community1' },
  { username: 'grid2', displayName: '网格员乙', role: 'grid_worker', anchor: 'community3' },
  {
    username: 'dept1',
    displayName: '城管局工作人员',
    role: 'department_staff',
    anchor: 'district',
    department: 'urban_management',
  },
  { username: 'resident1', displayName: '居民张先生', role: 'resident', anchor: 'compound1' },
  { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin', anchor: 'district' },
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin', anchor: 'district' },
  { username: 'auditor', displayName: '审计管理员', role: 'audit_admin', anchor: 'district' },
];

async function anchors(db: Kysely<DB>): Promise<Record<Anchor, { id: number; code: string }>> {
  const first = async (kinds: DB['place']['kind'][], parentId: number | null, skip = 0) => {
    let q = db.selectFrom('place').select(['id', 'code']).where('kind', 'in', kinds);
    q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
    const row = await q.orderBy('code').offset(skip).limit(1).executeTakeFirst();
    if (!row) throw new Error(`demo accounts: no ${kinds.join('/')} under ${parentId ?? 'root'}`);
    return row;
  };
  const district = await first(['district'], null);
  const street1 = await first(['street'], district.id);
  const street2 = await first(['street'], district.id, 1);
  const community1 = await first(['community'], street1.id);
  const community2 = await first(['community'], street1.id, 1);
  const community3 = await first(['community'], street2.id);
  const compound1 = await first(['compound'], community1.id);
  return { district, street1, street2, community1, community2, community3, compound1 };
}

export async function seedDemoAccounts(ctx: SeedContext): Promise<void> {
  const at = await anchors(ctx.db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const departments = new Map(
    (await ctx.db.selectFrom('department').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
  );
  await ctx.db
    .insertInto('app_user')
    .values(
      DEMO_ACCOUNT_SPECS.map((spec) => ({
        username: spec.username,
        display_name: spec.displayName,
        role: spec.role,
        place_id: at[spec.anchor].id,
        password_hash: passwordHash,
        department_id: spec.department ? (departments.get(spec.department) ?? null) : null,
      })),
    )
    .execute();
  ctx.log(`accounts: ${DEMO_ACCOUNT_SPECS.length} demo accounts`);
}

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  nodeCode: string;
  nodeName: string;
  displayName: string;
}

/** The demo accounts as they stand in the database (an account deleted since seeding is left out). */
export async function listDemoAccounts(db: Kysely<DB>): Promise<DemoAccount[]> {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('place as p', 'p.id', 'u.place_id')
    .select(['u.username', 'u.role', 'u.display_name', 'p.code', 'p.name'])
    .where(
      'u.username',
      'in',
      DEMO_ACCOUNT_SPECS.map((s) => s.username),
    )
    .execute();
  const order = new Map(DEMO_ACCOUNT_SPECS.map((s, i) => [s.username, i]));
  return rows
    .sort((a, b) => (order.get(a.username) ?? 0) - (order.get(b.username) ?? 0))
    .map((r) => ({
      username: r.username,
      password: DEMO_PASSWORD,
      role: r.role,
      nodeCode: r.code,
      nodeName: r.name,
      displayName: r.display_name,
    }));
}
