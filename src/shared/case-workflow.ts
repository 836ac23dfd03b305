/**
 * The case workflow (案件流转): states, actions and which states each action leaves from. Who may take an action
 * is decided by the server's policy layer (modules/cases/workflow/cases.policy.ts); this file is the state machine both
 * sides share, so the console shows only the buttons the server will accept.
 *
 * reported → accepted | rejected → dispatched → in_progress → handled → verified → closed (→ rated)
 * with returned (back to accepted), rework (back to in_progress), escalation (dispatched one level up),
 * whistle (吹哨报到: several departments, one lead), extension and deferral (挂账) requested and decided,
 * supervision (督办), merge into another case, and reopen.
 */

export const CASE_STATUSES = [
  'reported',
  'accepted',
  'rejected',
  'dispatched',
  'in_progress',
  'handled',
  'verified',
  'closed',
  'deferred',
  'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** States in which a case still needs work (deadlines run, the sweep looks at them). */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'reported',
  'accepted',
  'dispatched',
  'in_progress',
  'handled',
  'verified',
];
export const FINAL_STATUSES: readonly CaseStatus[] = ['rejected', 'closed', 'merged'];

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'dispatch',
  'whistle',
  'start',
  'return',
  'handle',
  'verify',
  'fail_verification',
  'close',
  'rate',
  'confirm',
  'not_fixed',
  'escalate',
  'request_extension',
  'grant_extension',
  'deny_extension',
  'request_deferral',
  'approve_deferral',
  'deny_deferral',
  'resume',
  'supervise',
  'reopen',
  'merge',
  'comment',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The states an action may leave from, and the state it leads to (null: the state does not change). */
export const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus | null }> = {
  accept: { from: ['reported'], to: 'accepted' },
  reject: { from: ['reported'], to: 'rejected' },
  dispatch: { from: ['accepted'], to: 'dispatched' },
  whistle: { from: ['accepted', 'dispatched', 'in_progress'], to: 'dispatched' },
  start: { from: ['dispatched'], to: 'in_progress' },
  return: { from: ['dispatched', 'in_progress'], to: 'accepted' },
  handle: { from: ['dispatched', 'in_progress'], to: 'handled' },
  verify: { from: ['handled'], to: 'verified' },
  fail_verification: { from: ['handled'], to: 'in_progress' },
  close: { from: ['verified'], to: 'closed' },
  rate: { from: ['closed'], to: null },
  confirm: { from: ['handled', 'verified', 'closed'], to: null },
  not_fixed: { from: ['handled', 'verified', 'closed'], to: 'in_progress' },
  escalate: { from: ['reported', 'accepted', 'dispatched', 'in_progress'], to: 'dispatched' },
  request_extension: { from: ['dispatched', 'in_progress'], to: null },
  grant_extension: { from: ['dispatched', 'in_progress'], to: null },
  deny_extension: { from: ['dispatched', 'in_progress'], to: null },
  request_deferral: { from: ['dispatched', 'in_progress'], to: null },
  approve_deferral: { from: ['dispatched', 'in_progress'], to: 'deferred' },
  deny_deferral: { from: ['dispatched', 'in_progress'], to: null },
  resume: { from: ['deferred'], to: 'in_progress' },
  supervise: {
    from: ['reported', 'accepted', 'dispatched', 'in_progress', 'handled', 'verified', 'deferred'],
    to: null,
  },
  reopen: { from: ['closed', 'rejected'], to: 'accepted' },
  merge: { from: ['reported', 'accepted'], to: 'merged' },
  comment: { from: CASE_STATUSES, to: null },
};

/** Who handles a dispatched case. */
export const HANDLER_KINDS = [
  'grid_worker',
  'community',
  'street',
  'district',
  'department',
  'property',
] as const;
export type HandlerKind = (typeof HANDLER_KINDS)[number];

/** The levels a case climbs when escalated (网格 → 社区 → 街道 → 区). */
export const CASE_LEVELS = ['grid', 'community', 'street', 'district'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

export function nextLevel(level: CaseLevel): CaseLevel | null {
  const i = CASE_LEVELS.indexOf(level);
  return i >= 0 && i < CASE_LEVELS.length - 1 ? CASE_LEVELS[i + 1]! : null;
}

/** Why a case was closed: closed is not the same as fixed. */
export const CLOSURE_REASONS = [
  'fixed',
  'partly_fixed',
  'explained',
  'cannot_fix',
  'invalid',
  'duplicate',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const CHANNELS = ['console', 'grid_app', 'resident_app', 'hotline', 'open311'] as const;
export type CaseChannel = (typeof CHANNELS)[number];

export const RATING_REASONS = [
  'fast',
  'thorough',
  'polite',
  'slow',
  'not_fixed',
  'rude',
  'no_contact',
] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

export function canLeave(action: CaseAction, status: CaseStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

type Labels<K extends string> = Record<K, { 'zh-CN': string; en: string }>;

export const STATUS_LABELS: Labels<CaseStatus> = {
  reported: { 'zh-CN': '待受理', en: 'reported' },
  accepted: { 'zh-CN': '待派遣', en: 'accepted' },
  rejected: { 'zh-CN': '不予受理', en: 'rejected' },
  dispatched: { 'zh-CN': '已派遣', en: 'dispatched' },
  in_progress: { 'zh-CN': '处置中', en: 'in progress' },
  handled: { 'zh-CN': '待核查', en: 'handled' },
  verified: { 'zh-CN': '待结案', en: 'verified' },
  closed: { 'zh-CN': '已结案', en: 'closed' },
  deferred: { 'zh-CN': '挂账', en: 'deferred' },
  merged: { 'zh-CN': '已合并', en: 'merged' },
};

export const ACTION_LABELS: Labels<CaseAction> = {
  accept: { 'zh-CN': '受理', en: 'accept' },
  reject: { 'zh-CN': '不予受理', en: 'reject' },
  dispatch: { 'zh-CN': '派遣', en: 'dispatch' },
  whistle: { 'zh-CN': '吹哨报到', en: 'whistle (summon departments)' },
  start: { 'zh-CN': '开始处置', en: 'start' },
  return: { 'zh-CN': '退回', en: 'return' },
  handle: { 'zh-CN': '处置反馈', en: 'report handled' },
  verify: { 'zh-CN': '核查通过', en: 'verify' },
  fail_verification: { 'zh-CN': '核查不通过', en: 'fail verification' },
  close: { 'zh-CN': '结案', en: 'close' },
  rate: { 'zh-CN': '评价', en: 'rate' },
  confirm: { 'zh-CN': '确认已解决', en: 'confirm fixed' },
  not_fixed: { 'zh-CN': '未解决', en: 'not fixed' },
  escalate: { 'zh-CN': '上报', en: 'escalate' },
  request_extension: { 'zh-CN': '申请延期', en: 'request extension' },
  grant_extension: { 'zh-CN': '同意延期', en: 'grant extension' },
  deny_extension: { 'zh-CN': '驳回延期', en: 'deny extension' },
  request_deferral: { 'zh-CN': '申请挂账', en: 'request deferral' },
  approve_deferral: { 'zh-CN': '同意挂账', en: 'approve deferral' },
  deny_deferral: { 'zh-CN': '驳回挂账', en: 'deny deferral' },
  resume: { 'zh-CN': '恢复办理', en: 'resume' },
  supervise: { 'zh-CN': '督办', en: 'supervise' },
  reopen: { 'zh-CN': '重新办理', en: 'reopen' },
  merge: { 'zh-CN': '合并', en: 'merge' },
  comment: { 'zh-CN': '补充说明', en: 'comment' },
};

/** Steps that need a note (a reason, what was done): the server refuses them without one, the console asks. */
export const NOTE_REQUIRED: ReadonlySet<CaseAction> = new Set<CaseAction>([
  'reject',
  'return',
  'fail_verification',
  'not_fixed',
  'escalate',
  'request_extension',
  'request_deferral',
  'supervise',
  'reopen',
  'comment',
  'handle',
]);

/** The case events a webhook may subscribe to. */
export const CASE_EVENT_NAMES = [
  'case.reported',
  'case.dispatched',
  'case.escalated',
  'case.supervised',
  'case.overdue',
  'case.handled',
  'case.closed',
  'case.rework',
  'case.rated',
  'case.request',
] as const;
export type CaseEventName = (typeof CASE_EVENT_NAMES)[number];

/** Webhook payload formats: JSON with an HMAC signature, the WeCom and DingTalk group robots. */
export const WEBHOOK_FORMATS = ['json', 'wecom', 'dingtalk'] as const;
