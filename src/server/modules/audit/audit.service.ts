import type { RequestContext } from '../../core/context.js';
import { verifyAuditChain } from '../../core/audit-trail.js';
import { paged, type PageRequest } from '../../core/paging.js';
import { escapeLike, underPath } from '../../core/sql.js';
import { requireCapability, scopePrefix } from '../../policy/authorize.js';
import type { AuditFilters } from './audit.schema.js';

/** Search the trail (audit administrator): entries at a place in the reader's subtree, and those at none. */
export async function searchAudit(ctx: RequestContext, f: AuditFilters, page: PageRequest) {
  requireCapability(ctx.actor, 'audit.read');
  const { db } = ctx.app.database;
  // Entries tied to a place are visible within the reader's subtree; entries without one (logins) too, since
  // the audit administrator sits at the district root.
  let query = db
    .selectFrom('audit_log')
    .where((eb) =>
      eb.or([eb('place_path', 'is', null), eb('place_path', 'like', underPath(scopePrefix(ctx.actor)))]),
    );
  if (f.actor) query = query.where('actor_name', 'like', `${escapeLike(f.actor)}%`);
  if (f.action) query = query.where('action', 'like', `${escapeLike(f.action)}%`);
  if (f.result) query = query.where('result', '=', f.result);
  if (f.subjectType) query = query.where('subject_type', '=', f.subjectType);
  if (f.subjectId) query = query.where('subject_id', '=', f.subjectId);
  if (f.from) query = query.where('occurred_at', '>=', new Date(f.from));
  if (f.to) query = query.where('occurred_at', '<', new Date(f.to));
  const result = await paged(query.selectAll(), page, (q) => q.orderBy('id', 'desc'));
  return {
    ...result,
    items: result.items.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      result: r.result,
      ip: r.ip,
      requestId: r.request_id,
      details: r.details,
      sealSeq: r.seal_seq,
      hash: r.hash,
    })),
  };
}

/** Recompute the hash chain (audit administrator). */
export async function verifyAudit(ctx: RequestContext) {
  requireCapability(ctx.actor, 'audit.read');
  return verifyAuditChain(ctx.app.database.db);
}
