import type { Static } from 'typebox';
import { runCommand } from '../../core/command.js';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../http/errors.js';
import { requireCapability } from '../../policy/authorize.js';
import { can } from '../../policy/capabilities.js';
import { forgetCalendar, forgetCategories } from './workflow/cases.calendar.js';
import type { CalendarPutBody, CategoryCreateBody, CategoryUpdateBody } from './cases.schema.js';

/** The category catalogue, the working-time calendar and the departments: what the console edits. */

function categoryQuery(ctx: RequestContext) {
  return ctx.app.database.db
    .selectFrom('case_category as c')
    .leftJoin('department as d', 'd.id', 'c.default_department_id')
    .selectAll('c')
    .select('d.code as department_code');
}
type CategoryRow = Awaited<ReturnType<ReturnType<typeof categoryQuery>['executeTakeFirstOrThrow']>>;

function presentCategory(row: CategoryRow) {
  return {
    code: row.code,
    parentCode: row.parent_code,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    openingStandard: row.opening_standard,
    closingStandard: row.closing_standard,
    acceptLimit: row.accept_limit,
    acceptUnit: row.accept_unit,
    dispatchLimit: row.dispatch_limit,
    dispatchUnit: row.dispatch_unit,
    handleLimit: row.handle_limit,
    handleUnit: row.handle_unit,
    defaultHandler: row.default_handler,
    defaultDepartment: row.department_code,
    photoBefore: row.photo_before,
    photoAfter: row.photo_after,
    escalateWhenOverdue: row.escalate_when_overdue,
    published: row.published,
    keywords: row.keywords,
    attributes: row.attributes as Record<string, unknown>[],
    active: row.active,
    version: row.version,
  };
}

/** Every category (majors and minors), for staff and for the reporting pages alike: nothing here is personal. */
export async function listCategories(ctx: RequestContext, includeRetired = false) {
  const rows = await categoryQuery(ctx)
    .$if(!includeRetired, (q) => q.where('c.active', '=', true))
    .orderBy('c.code')
    .execute();
  return { items: rows.map(presentCategory) };
}

async function departmentId(ctx: RequestContext, code: string | null | undefined) {
  if (!code) return null;
  const row = await ctx.app.database.db
    .selectFrom('department')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row)
    throw new AppError('FIELD_REQUIRED', { field: 'defaultDepartment' }, [
      { path: '/defaultDepartment', message: '' },
    ]);
  return row.id;
}

function checkHandler(handler: string | undefined, department: number | null | undefined) {
  if (handler === 'department' && !department) {
    throw new AppError('FIELD_REQUIRED', { field: 'defaultDepartment' }, [
      { path: '/defaultDepartment', message: '' },
    ]);
  }
}

export async function createCategory(ctx: RequestContext, input: Static<typeof CategoryCreateBody>) {
  requireCapability(ctx.actor, 'cases.configure');
  const dept = await departmentId(ctx, input.defaultDepartment);
  checkHandler(input.defaultHandler, dept);
  const parent = input.code.slice(0, 2);
  await runCommand(
    ctx,
    'case_category.create',
    async (trx) => {
      const major = await trx
        .selectFrom('case_category')
        .select('id')
        .where('code', '=', parent)
        .executeTakeFirst();
      if (!major) throw new AppError('UNKNOWN_CATEGORY', { code: parent }, [{ path: '/code', message: '' }]);
      const taken = await trx
        .selectFrom('case_category')
        .select('id')
        .where('code', '=', input.code)
        .executeTakeFirst();
      if (taken) throw new AppError('CODE_TAKEN', { code: input.code });
      await trx
        .insertInto('case_category')
        .values({
          code: input.code,
          parent_code: parent,
          name: input.name,
          name_en: input.nameEn ?? '',
          kind: input.kind,
          opening_standard: input.openingStandard ?? '',
          closing_standard: input.closingStandard ?? '',
          accept_limit: input.acceptLimit,
          accept_unit: input.acceptUnit,
          dispatch_limit: input.dispatchLimit,
          dispatch_unit: input.dispatchUnit,
          handle_limit: input.handleLimit,
          handle_unit: input.handleUnit,
          default_handler: input.defaultHandler,
          default_department_id: dept,
          photo_before: input.photoBefore,
          photo_after: input.photoAfter,
          escalate_when_overdue: input.escalateWhenOverdue ?? true,
          published: input.published ?? true,
          keywords: input.keywords ?? [],
          active: input.active ?? true,
        })
        .execute();
      return {
        value: null,
        audit: { subjectType: 'case_category', subjectId: input.code, details: { ...input } },
      };
    },
    { subjectType: 'case_category', subjectId: input.code },
  );
  forgetCategories(ctx.app.database.db);
  return presentCategory(await categoryQuery(ctx).where('c.code', '=', input.code).executeTakeFirstOrThrow());
}

export async function updateCategory(
  ctx: RequestContext,
  code: string,
  input: Static<typeof CategoryUpdateBody>,
) {
  requireCapability(ctx.actor, 'cases.configure');
  const dept =
    input.defaultDepartment === undefined ? undefined : await departmentId(ctx, input.defaultDepartment);
  await runCommand(
    ctx,
    'case_category.update',
    async (trx) => {
      const row = await trx
        .selectFrom('case_category')
        .selectAll()
        .where('code', '=', code)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
      const handler = input.defaultHandler ?? row.default_handler;
      checkHandler(handler, dept === undefined ? row.default_department_id : dept);
      const set = {
        name: input.name,
        name_en: input.nameEn,
        kind: input.kind,
        opening_standard: input.openingStandard,
        closing_standard: input.closingStandard,
        accept_limit: input.acceptLimit,
        accept_unit: input.acceptUnit,
        dispatch_limit: input.dispatchLimit,
        dispatch_unit: input.dispatchUnit,
        handle_limit: input.handleLimit,
        handle_unit: input.handleUnit,
        default_handler: input.defaultHandler,
        default_department_id: dept,
        photo_before: input.photoBefore,
        photo_after: input.photoAfter,
        escalate_when_overdue: input.escalateWhenOverdue,
        published: input.published,
        keywords: input.keywords,
        active: input.active,
      };
      const changed = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
      const updated = await trx
        .updateTable('case_category')
        .set({ ...changed, version: row.version + 1, updated_at: new Date() })
        .where('code', '=', code)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
      const { version: _v, ...rest } = input;
      return { value: null, audit: { subjectType: 'case_category', subjectId: code, details: rest } };
    },
    { subjectType: 'case_category', subjectId: code },
  );
  forgetCategories(ctx.app.database.db);
  return presentCategory(await categoryQuery(ctx).where('c.code', '=', code).executeTakeFirstOrThrow());
}

export async function getCalendarYear(ctx: RequestContext, year: number) {
  requireCapability(ctx.actor, 'cases.read');
  const rows = await ctx.app.database.db
    .selectFrom('work_calendar_day')
    .select(['day', 'kind', 'name'])
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
  return { year, days: rows, known: rows.length > 0 };
}

/** Replace one year's exceptions (holidays and make-up workdays) with the list given. */
export async function putCalendarYear(
  ctx: RequestContext,
  year: number,
  input: Static<typeof CalendarPutBody>,
) {
  requireCapability(ctx.actor, 'cases.configure');
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    if (!d.day.startsWith(`${year}-`) || seen.has(d.day)) {
      throw new AppError('VALIDATION_FAILED', {}, [{ path: `/days/${i}/day`, message: String(year) }]);
    }
    seen.add(d.day);
  });
  await runCommand(
    ctx,
    'work_calendar.update',
    async (trx) => {
      await trx
        .deleteFrom('work_calendar_day')
        .where('day', '>=', `${year}-01-01`)
        .where('day', '<=', `${year}-12-31`)
        .execute();
      if (input.days.length > 0) {
        await trx
          .insertInto('work_calendar_day')
          .values(input.days.map((d) => ({ day: d.day, kind: d.kind, name: d.name })))
          .execute();
      }
      return {
        value: null,
        audit: {
          subjectType: 'work_calendar',
          subjectId: String(year),
          details: { days: input.days.length },
        },
      };
    },
    { subjectType: 'work_calendar', subjectId: String(year) },
  );
  forgetCalendar(ctx.app.database.db);
  return getCalendarYear(ctx, year);
}

/** Case workers pick departments to dispatch to; account administrators to bind department accounts. */
export async function listDepartments(ctx: RequestContext) {
  if (!can(ctx.actor.role, 'users.read')) requireCapability(ctx.actor, 'cases.read');
  const rows = await ctx.app.database.db
    .selectFrom('department')
    .select(['code', 'name', 'name_en'])
    .orderBy('id')
    .execute();
  return { items: rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en })) };
}
