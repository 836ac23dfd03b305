/**
 * Demo cases: a year of civic cases across the district, generated without I/O from a seeded random stream.
 *
 * The seed (cases.seed.ts) resolves places, grids, categories and the working-time calendar and hands them in;
 * this file decides what happened to each case and when. Every case is simulated step by step the way the
 * workflow (cases.transitions.ts) records it — deadlines with the working-time calendar, on-time flags and
 * working minutes computed the same way — and the simulation stops at the demo's "now" (`end`: the instant the
 * demo is seeded), so recent cases are left in every open state, some due and some overdue now.
 */
import type { Rng } from '../../../core/demo-utils.js';
import { demoMobile, pick } from '../../../core/demo-utils.js';
import type {
  CaseChannel,
  CaseLevel,
  CaseStatus,
  ClosureReason,
  HandlerKind,
  RatingReason,
} from '../../../../shared/case-workflow.js';
import {
  addWorkingMinutes,
  limitMinutes,
  localDate,
  workingMinutesBetween,
  type LimitUnit,
  type WorkCalendar,
} from '../../../../shared/working-time.js';

/**
 * The year of demo cases ends at the instant the demo is seeded (SeedContext.asOf), so a fresh start on any day
 * shows a living district: this month's reports, cases due today and overdue now. The same seed number and the
 * same `end` give the same cases.
 */
export const DEMO_CASES_DAYS = 365;
/** Cases at scale 1 (a district's year); scale 0.1 seeds 4,000, the tests' 0.01 seeds 400. */
export const DEMO_CASES_PER_YEAR = 40_000;

export interface DemoCategory {
  id: number;
  code: string;
  name: string;
  acceptLimit: number;
  acceptUnit: LimitUnit;
  dispatchLimit: number;
  dispatchUnit: LimitUnit;
  handleLimit: number;
  handleUnit: LimitUnit;
  handler: HandlerKind;
  departmentId: number | null;
  departmentName: string | null;
}

/** A located point: where a case can be, with the units that would handle it there. */
export interface DemoSpot {
  lng: number;
  lat: number;
  address: string;
  placeId: number;
  path: string;
  gridId: number;
  gridPath: string;
  overlayGridIds: number[];
  /** The linked account of the micro-grid's worker, if the grid has one. */
  worker: { id: number; name: string } | null;
  community: { id: number; name: string } | null;
  street: { id: number; name: string } | null;
  district: { id: number; name: string };
}

export interface DemoCaseEvent {
  at: Date;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  public: boolean;
  details: Record<string, unknown>;
  actor: { id: number | null; name: string; role: string | null };
}

/** One case as stored: the civic_case columns (the seed adds ids and encrypts the phone) and its timeline. */
export interface DemoCase {
  code: string;
  category: DemoCategory;
  spot: DemoSpot;
  channel: CaseChannel;
  status: CaseStatus;
  description: string;
  reporterUserId: number | null;
  reporterName: string | null;
  reporterPhone: string | null;
  publicToken: string;
  urgent: boolean;
  supervised: boolean;
  level: CaseLevel;
  handlerKind: HandlerKind | null;
  handlerPlaceId: number | null;
  handlerUserId: number | null;
  handlerDepartmentId: number | null;
  pendingDetail: Record<string, unknown> | null;
  reportedAt: Date;
  acceptedAt: Date | null;
  dispatchedAt: Date | null;
  handledAt: Date | null;
  verifiedAt: Date | null;
  closedAt: Date | null;
  acceptDueAt: Date;
  dispatchDueAt: Date | null;
  handleDueAt: Date | null;
  currentDueAt: Date | null;
  currentStartedAt: Date | null;
  handledOnTime: boolean | null;
  closedOnTime: boolean | null;
  handlingMinutes: number | null;
  returnedCount: number;
  reworkCount: number;
  escalationCount: number;
  extensionCount: number;
  closureReason: ClosureReason | null;
  rejectionReason: string | null;
  rating: number | null;
  ratingReasons: RatingReason[];
  ratedAt: Date | null;
  /** Index (in the returned list) of the earlier case this one was merged into. */
  mergedInto: number | null;
  events: DemoCaseEvent[];
}

// ---------------------------------------------------------------------------------------------------------
// Spread

/** Relative frequency by category code, and the months (1–12) in which it is more (or less) common. */
const CATEGORY_WEIGHT: Record<string, { w: number; months?: number[]; factor?: number }> = {
  '1001': { w: 12, months: [12, 1, 2], factor: 1.4 }, // flying-wire charging: e-bikes charged indoors in winter
  '1002': { w: 11 },
  '0403': { w: 11 },
  '0101': { w: 9, months: [6, 7, 8], factor: 1.8 }, // rubbish: smell and flies in summer
  '0401': { w: 9, months: [5, 6, 7, 8, 9], factor: 1.5 }, // street vending on summer evenings
  '0402': { w: 5, months: [6, 7, 8], factor: 1.3 },
  '0201': { w: 6 },
  '0902': { w: 5 },
  '0103': { w: 4 },
  '0404': { w: 4 },
  '1004': { w: 3 },
  '1006': { w: 3 },
  '0602': { w: 3, months: [11, 12, 1], factor: 1.5 },
  '0601': { w: 2 },
  '0701': { w: 2, months: [1, 2, 3], factor: 1.5 },
  '0102': { w: 2 },
  '0301': { w: 2, months: [5, 6, 7, 8], factor: 1.3 },
  '0302': { w: 2, months: [3, 4, 5], factor: 1.6 },
  '1005': { w: 2, months: [12, 1, 2], factor: 1.3 },
  '0502': { w: 1.5, months: [12, 1, 2], factor: 3 }, // fire hazards: heaters and stoves in winter
  '0603': { w: 1.2, months: [12, 1, 2], factor: 1.5 },
  '0801': { w: 1.5, months: [4, 5, 6, 7, 8, 9], factor: 1.4 },
  '0501': { w: 0.15, months: [6, 7, 8], factor: 30 }, // road flooding: the summer rains (道路积水)
  '0802': { w: 0.2, months: [6, 7, 8], factor: 3 }, // fallen trees: rare, after summer storms
  '0901': { w: 0.4 }, // unsafe buildings: rare
  '0702': { w: 1 },
  '0303': { w: 1 },
  '0202': { w: 1 },
  '1003': { w: 1 },
};
const OTHER_CATEGORY_WEIGHT = 0.5;

const CHANNEL_WEIGHTS: readonly [CaseChannel, number][] = [
  ['grid_app', 45],
  ['resident_app', 20],
  ['hotline', 17],
  ['console', 15],
  ['open311', 3],
];

const DESCRIPTIONS: Record<string, string[]> = {
  '0101': ['垃圾桶满溢，周边散落生活垃圾', '路边有暴露垃圾，气味较大', '小区门口垃圾未及时清运'],
  '0102': ['空地堆积建筑垃圾渣土', '路边积存渣土未清运'],
  '0103': ['路面有油污，行人易滑倒', '道路散落沙石'],
  '0201': ['单元门口张贴小广告', '电线杆上贴满办证小广告'],
  '0202': ['门头广告牌松动', '私设户外广告牌'],
  '0301': ['夜间施工噪音扰民', '工地晚上十点后仍在施工'],
  '0302': ['工地未覆盖防尘网，扬尘严重', '渣土车未苫盖'],
  '0303': ['楼顶私搭乱建', '一楼住户违规扩建院墙'],
  '0401': ['路口流动摊贩占道经营', '夜市摊点占用人行道'],
  '0402': ['商户在门外摆放货架', '饭店在店外摆桌经营'],
  '0403': ['电动车乱停乱放堵塞消防通道', '共享单车堆放在人行道上', '楼下电动车停放杂乱'],
  '0404': ['机动车占用消防通道', '车辆停在盲道上'],
  '0501': ['暴雨后路口积水严重', '地下通道积水，车辆无法通行'],
  '0502': ['楼道内私拉电线给电动车充电，存在火灾隐患', '居民在楼道堆放易燃物', '小饭馆液化气罐放在室外'],
  '0601': ['井盖破损，存在安全隐患', '人行道井盖缺失'],
  '0602': ['小区路灯不亮', '路口路灯损坏'],
  '0603': ['消防栓损坏漏水', '楼道灭火器过期'],
  '0701': ['路面塌陷出现坑洼', '人行道砖松动'],
  '0702': ['交通标志牌被撞倒', '限速牌被树枝遮挡'],
  '0801': ['绿地内堆放杂物', '绿化带垃圾较多'],
  '0802': ['大风后树木倒伏压住车辆', '行道树倾斜有倒伏风险'],
  '0901': ['老旧楼房外墙皮脱落', '阳台楼板有裂缝'],
  '0902': ['楼道堆放杂物影响通行', '楼梯间堆放旧家具'],
  '1001': ['居民从窗户飞线给电动车充电', '楼下私拉电线充电', '一楼飞线充电隐患'],
  '1002': ['楼道内堆放纸箱杂物', '单元门口堆积旧家具', '楼顶平台杂物堆积'],
  '1003': ['反映小区供暖问题', '反映拆迁补偿问题'],
  '1004': ['物业不及时维修电梯', '物业费收取争议'],
  '1005': ['独居老人需要上门帮助', '老人申请助餐服务'],
  '1006': ['楼上住户深夜噪音', '邻居占用公共区域引发纠纷'],
};

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const CLOSURE_WEIGHTS: readonly [ClosureReason, number][] = [
  ['fixed', 86],
  ['partly_fixed', 5],
  ['explained', 5],
  ['cannot_fix', 2],
  ['invalid', 2],
];
const RATING_WEIGHTS: readonly [number, number][] = [
  [5, 56],
  [4, 24],
  [3, 10],
  [2, 6],
  [1, 4],
];

function weighted<T>(rng: Rng, list: readonly (readonly [T, number])[]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [item, w] of list) {
    x -= w;
    if (x < 0) return item;
  }
  return list[list.length - 1]![0];
}

const between = (rng: Rng, lo: number, hi: number) => lo + rng() * (hi - lo);
const HOUR = 3600_000;
const DAY = 86_400_000;

function monthOf(instant: Date): number {
  return Number(localDate(instant).slice(5, 7));
}

function categoryWeight(code: string, month: number): number {
  const spec = CATEGORY_WEIGHT[code];
  if (!spec) return OTHER_CATEGORY_WEIGHT;
  return spec.months?.includes(month) ? spec.w * (spec.factor ?? 1) : spec.w;
}

function token(rng: Rng): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < 24; i++) out += alphabet[Math.floor(rng() * 64)];
  return out;
}

/** Stop states the most recent cases are left in, so every open state is present even at small scales. */
const RECENT_STOPS = ['report', 'accept', 'dispatch', 'start', 'handle', 'verify'] as const;
type Stop = (typeof RECENT_STOPS)[number] | null;

export interface DemoCasesInput {
  random: Rng;
  scale: number;
  calendar: WorkCalendar;
  categories: readonly DemoCategory[];
  spots: readonly DemoSpot[];
  /** The demo's now: the year of cases ends here. */
  end: Date;
}

/** The demo cases in order of reporting; codes are the local date of reporting and a sequence number. */
export function generateDemoCases(input: DemoCasesInput): DemoCase[] {
  const { random: rng, calendar, categories, spots } = input;
  const { end } = input;
  const count = Math.round(DEMO_CASES_PER_YEAR * input.scale);
  if (count <= 0 || categories.length === 0 || spots.length === 0) return [];
  const start = end.getTime() - DEMO_CASES_DAYS * DAY;

  // report instants first (sorted), so codes and merges follow the order of reporting
  const instants: number[] = [];
  while (instants.length < count) {
    const t = start + rng() * (end.getTime() - start);
    const day = localDate(new Date(t));
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    // fewer reports at weekends and at night
    if ((dow === 0 || dow === 6) && rng() < 0.3) continue;
    const hour = (new Date(t).getUTCHours() + 8) % 24;
    if ((hour < 7 || hour >= 22) && rng() < 0.85) continue;
    instants.push(Math.floor(t / 60_000) * 60_000);
  }
  instants.sort((a, b) => a - b);

  // a dozen cases reported 4–20 days before the end are stopped in each open state in turn
  const stops = new Map<number, Stop>();
  const window = instants
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t >= end.getTime() - 20 * DAY && t <= end.getTime() - 4 * DAY);
  const stride = Math.max(1, Math.floor(window.length / (RECENT_STOPS.length * 2)));
  for (let j = 0; j < RECENT_STOPS.length * 2 && j * stride < window.length; j++) {
    stops.set(window[j * stride]!.i, RECENT_STOPS[j % RECENT_STOPS.length]!);
  }
  const out: DemoCase[] = [];
  let sequence = 0;
  for (let i = 0; i < count; i++) {
    const reportedAt = new Date(instants[i]!);
    const month = monthOf(reportedAt);
    let category = weighted(
      rng,
      categories.map((c) => [c, categoryWeight(c.code, month)] as const),
    );
    let spot = pick(rng, spots);
    const stop: Stop = stops.get(i) ?? null;
    // a second report of a problem already reported in the last week: same place and category, merged
    let duplicateOf: number | null = null;
    if (stop === null && rng() < 0.035) {
      const since = reportedAt.getTime() - 7 * DAY;
      const candidates: number[] = [];
      for (let j = out.length - 1; j >= 0 && candidates.length < 20; j--) {
        if (out[j]!.reportedAt.getTime() < since) break;
        if (out[j]!.status !== 'merged') candidates.push(j);
      }
      if (candidates.length > 0) {
        duplicateOf = pick(rng, candidates);
        category = out[duplicateOf]!.category;
        spot = out[duplicateOf]!.spot;
      }
    }
    const c = simulate(rng, calendar, end, category, spot, reportedAt, stop, out, duplicateOf);
    sequence++;
    const day = localDate(reportedAt).replaceAll('-', '');
    c.code = `${day}${String(sequence).padStart(6, '0')}`;
    if (c.mergedInto !== null) {
      const mark = out[c.mergedInto]!.events.at(-1);
      if (mark?.action === 'merged_from') Object.assign(mark, { note: c.code, details: { from: c.code } });
    }
    out.push(c);
  }
  return out;
}

function simulate(
  rng: Rng,
  calendar: WorkCalendar,
  end: Date,
  category: DemoCategory,
  spot: DemoSpot,
  reportedAt: Date,
  stop: Stop,
  earlier: readonly DemoCase[],
  duplicateOf: number | null,
): DemoCase {
  const channel = weighted(rng, CHANNEL_WEIGHTS);
  const texts = DESCRIPTIONS[category.code] ?? [`${category.name}`];
  const description = pick(rng, texts);
  const surname = pick(rng, SURNAMES);
  const citizen = `${surname}${rng() < 0.5 ? '先生' : '女士'}`;
  const byWorker = channel === 'grid_app' && spot.worker !== null;
  const reporterName = byWorker ? spot.worker!.name : channel === 'console' ? '社区工作人员' : citizen;
  const withPhone = channel !== 'grid_app' && rng() < 0.7;
  const staff = { id: null, name: spot.community?.name ?? spot.district.name, role: 'community_staff' };
  const reporterActor = {
    id: byWorker ? spot.worker!.id : null,
    name: channel === 'hotline' ? '12345热线' : channel === 'open311' ? 'Open311' : reporterName,
    role: byWorker ? 'grid_worker' : channel === 'console' ? 'community_staff' : null,
  };
  const acceptDue = addWorkingMinutes(
    reportedAt,
    limitMinutes(category.acceptLimit, category.acceptUnit),
    calendar,
  );
  const c: DemoCase = {
    code: '',
    category,
    spot,
    channel,
    status: 'reported',
    description,
    reporterUserId: byWorker ? spot.worker!.id : null,
    reporterName,
    reporterPhone: withPhone ? demoMobile(rng) : null,
    publicToken: token(rng),
    urgent: rng() < 0.03,
    supervised: false,
    level: 'grid',
    handlerKind: null,
    handlerPlaceId: null,
    handlerUserId: null,
    handlerDepartmentId: null,
    pendingDetail: null,
    reportedAt,
    acceptedAt: null,
    dispatchedAt: null,
    handledAt: null,
    verifiedAt: null,
    closedAt: null,
    acceptDueAt: acceptDue,
    dispatchDueAt: null,
    handleDueAt: null,
    currentDueAt: acceptDue,
    currentStartedAt: reportedAt,
    handledOnTime: null,
    closedOnTime: null,
    handlingMinutes: null,
    returnedCount: 0,
    reworkCount: 0,
    escalationCount: 0,
    extensionCount: 0,
    closureReason: null,
    rejectionReason: null,
    rating: null,
    ratingReasons: [],
    ratedAt: null,
    mergedInto: null,
    events: [],
  };
  const handlerActor = () =>
    c.handlerKind === 'grid_worker'
      ? { id: c.handlerUserId, name: spot.worker?.name ?? '网格员', role: 'grid_worker' }
      : c.handlerKind === 'department'
        ? { id: null, name: category.departmentName ?? '职能部门', role: 'department_staff' }
        : { id: null, name: spot.community?.name ?? spot.district.name, role: 'community_staff' };
  let t = reportedAt;
  /** Record one step at `at` unless that is after the demo's end; false when the case stops here. */
  const step = (
    at: Date,
    action: string,
    to: CaseStatus | null,
    actor: DemoCaseEvent['actor'],
    extra: { note?: string; details?: Record<string, unknown>; public?: boolean } = {},
  ): boolean => {
    if (at.getTime() > end.getTime()) return false;
    c.events.push({
      at,
      action,
      fromStatus: action === 'report' ? null : c.status,
      toStatus: to ?? c.status,
      note: extra.note ?? null,
      public: extra.public ?? false,
      details: extra.details ?? {},
      actor,
    });
    if (to) c.status = to;
    t = at;
    return true;
  };
  const after = (from: Date, lo: number, hi: number) =>
    addWorkingMinutes(from, Math.round(between(rng, lo, hi)), calendar);
  const minutesOf = (limit: number, unit: LimitUnit) => limitMinutes(limit, unit);

  step(reportedAt, 'report', 'reported', reporterActor, {
    note: description,
    public: true,
    details: { channel, onTheSpot: false },
  });
  if (stop === 'report') return c;

  // rejected or merged before acceptance
  // cases held at a stop state take the plain path, so they reach it
  const free = stop === null;
  const branch = free ? rng() : 1;
  if (branch < 0.04) {
    const at = after(t, 10, 100);
    const reason = pick(rng, ['不属于受理范围', '诉求已由其他渠道办理', '信息不全，无法核实']);
    if (step(at, 'reject', 'rejected', staff, { note: reason, public: true })) {
      Object.assign(c, { rejectionReason: reason, currentDueAt: null, currentStartedAt: null });
    }
    return c;
  }
  if (duplicateOf !== null) {
    const at = after(t, 5, 60);
    const into = earlier[duplicateOf]!;
    if (step(at, 'merge', 'merged', staff, { public: true, details: { mergedInto: into.code } })) {
      Object.assign(c, { mergedInto: duplicateOf, currentDueAt: null, currentStartedAt: null });
      into.events.push({
        at,
        action: 'merged_from',
        fromStatus: null,
        toStatus: null,
        note: c.code,
        public: false,
        details: {},
        actor: staff,
      });
    }
    return c;
  }

  // accept: mostly within the limit
  const acceptMinutes = minutesOf(category.acceptLimit, category.acceptUnit);
  const acceptAt = after(t, acceptMinutes * 0.05, acceptMinutes * (rng() < 0.9 ? 0.9 : 1.8));
  if (!step(acceptAt, 'accept', 'accepted', staff, { public: true })) return c;
  const dispatchMinutes = minutesOf(category.dispatchLimit, category.dispatchUnit);
  const dispatchDue = addWorkingMinutes(acceptAt, dispatchMinutes, calendar);
  Object.assign(c, {
    acceptedAt: acceptAt,
    dispatchDueAt: dispatchDue,
    currentDueAt: dispatchDue,
    currentStartedAt: acceptAt,
  });
  if (stop === 'accept') return c;

  const handleMinutes = minutesOf(category.handleLimit, category.handleUnit);
  const dispatch = (at: Date): boolean => {
    const handler = defaultHandler(category, spot);
    if (!step(at, 'dispatch', 'dispatched', staff, { public: true, details: { handler: handler.label } })) {
      return false;
    }
    Object.assign(c, handler.patch);
    const due = c.handleDueAt ?? addWorkingMinutes(at, handleMinutes, calendar);
    Object.assign(c, {
      dispatchedAt: c.dispatchedAt ?? at,
      handleDueAt: due,
      currentDueAt: due,
      currentStartedAt: c.dispatchedAt ?? at,
    });
    return true;
  };
  if (!dispatch(after(t, dispatchMinutes * 0.05, dispatchMinutes * (rng() < 0.92 ? 0.8 : 1.6)))) return c;

  // returned to the dispatcher (wrong handler) and sent on again
  if (free && rng() < 0.06) {
    const reason = pick(rng, ['不属于本单位职责', '地址有误，请核实']);
    if (!step(after(t, 20, 200), 'return', 'accepted', handlerActor(), { note: reason })) return c;
    const due = addWorkingMinutes(t, dispatchMinutes, calendar);
    Object.assign(c, {
      returnedCount: c.returnedCount + 1,
      handlerKind: null,
      handlerUserId: null,
      handlerPlaceId: null,
      handlerDepartmentId: null,
      dispatchDueAt: due,
      currentDueAt: due,
      currentStartedAt: t,
    });
    if (!dispatch(after(t, 10, 120))) return c;
  }
  if (stop === 'dispatch') return c;

  if (!step(after(t, 5, 90), 'start', 'in_progress', handlerActor())) return c;
  if (stop === 'start') return c;

  // escalated one level up when the grid cannot solve it
  if (free && rng() < 0.03 && c.level !== 'street' && c.level !== 'district') {
    const level: CaseLevel = c.level === 'grid' ? 'community' : 'street';
    const unit = level === 'community' ? spot.community : spot.street;
    if (unit) {
      const note = '需上级协调处置';
      if (
        !step(after(t, 30, 240), 'escalate', 'dispatched', handlerActor(), {
          note,
          details: { level, unit: unit.name },
        })
      )
        return c;
      Object.assign(c, {
        level,
        handlerKind: level,
        handlerPlaceId: unit.id,
        handlerUserId: null,
        handlerDepartmentId: null,
        escalationCount: c.escalationCount + 1,
      });
      if (!step(after(t, 10, 120), 'start', 'in_progress', handlerActor())) return c;
    }
  }

  // extension asked and granted
  if (free && rng() < 0.05 && c.handleDueAt) {
    const extension = { limit: 1, unit: 'days' as const };
    if (
      !step(after(t, 30, 120), 'request_extension', null, handlerActor(), {
        note: '需协调多方，申请延期',
        details: { extension },
      })
    )
      return c;
    if (!step(after(t, 10, 120), 'grant_extension', null, staff, { details: { extension } })) return c;
    const from = c.handleDueAt > t ? c.handleDueAt : t;
    const due = addWorkingMinutes(from, limitMinutes(extension.limit, extension.unit), calendar);
    Object.assign(c, { handleDueAt: due, currentDueAt: due, extensionCount: c.extensionCount + 1 });
    c.events[c.events.length - 1]!.details.newDueAt = due.toISOString();
  }

  // deferred (挂账): waiting for funds or a season; stays deferred
  if (free && rng() < 0.02) {
    const note = '需列入年度计划统筹解决';
    if (!step(after(t, 30, 240), 'request_deferral', null, handlerActor(), { note })) return c;
    if (!step(after(t, 30, 480), 'approve_deferral', 'deferred', staff)) return c;
    Object.assign(c, {
      pendingDetail: { pausedAt: t.toISOString() },
      currentDueAt: null,
      currentStartedAt: null,
    });
    return c;
  }
  // a few are never handled: they stay overdue in progress
  if (free && rng() < 0.01) return c;

  const handle = (late: boolean): boolean => {
    const due = c.handleDueAt!;
    const used = workingMinutesBetween(t, due, calendar);
    const lateFrom = due > t ? due : t;
    const at = late
      ? addWorkingMinutes(lateFrom, Math.round(between(rng, 0.1, 1) * handleMinutes) + 1, calendar)
      : addWorkingMinutes(t, Math.round(between(rng, 0.1, 0.7) * Math.max(used, 1)), calendar);
    if (late && c.handlerKind !== 'grid_worker' && rng() < 0.3) {
      const superviseAt = addWorkingMinutes(lateFrom, 30, calendar);
      if (superviseAt < at) {
        if (
          !step(
            superviseAt,
            'supervise',
            null,
            { id: null, name: spot.street?.name ?? spot.district.name, role: 'street_staff' },
            { note: '请加快办理' },
          )
        )
          return false;
        c.supervised = true;
      }
    }
    const note = pick(rng, ['已现场处置完毕', '已清理完成', '已协调相关单位处理', '已上门沟通解决']);
    if (!step(at, 'handle', 'handled', handlerActor(), { note, public: true })) return false;
    Object.assign(c, {
      handledAt: at,
      handledOnTime: at <= due,
      handlingMinutes: Math.round(workingMinutesBetween(c.dispatchedAt ?? c.reportedAt, at, calendar)),
      currentDueAt: null,
      currentStartedAt: null,
    });
    return true;
  };
  if (!handle(free && rng() < 0.14)) return c;
  if (stop === 'handle') return c;

  // verification fails: back to work once
  if (free && rng() < 0.05) {
    if (!step(after(t, 30, 240), 'fail_verification', 'in_progress', staff, { note: '现场核查未处置到位' }))
      return c;
    Object.assign(c, {
      reworkCount: c.reworkCount + 1,
      verifiedAt: null,
      currentDueAt: c.handleDueAt,
      currentStartedAt: c.dispatchedAt,
    });
    if (!handle(rng() < 0.3)) return c;
  }

  // most cases are verified and closed within the handling deadline (closed on time); the rest later
  const remaining = c.handleDueAt ? workingMinutesBetween(t, c.handleDueAt, calendar) : 0;
  const quick = remaining > 10 && rng() < 0.85;
  const verifyAt = quick ? after(t, 1, remaining * 0.45) : after(t, 20, 900);
  if (!step(verifyAt, 'verify', 'verified', staff)) return c;
  c.verifiedAt = verifyAt;
  if (stop === 'verify') return c;

  const closeAt = quick ? after(t, 1, remaining * 0.45) : after(t, 10, 600);
  const reason = weighted(rng, CLOSURE_WEIGHTS);
  if (!step(closeAt, 'close', 'closed', staff, { public: true, details: {} })) return c;
  Object.assign(c, {
    closedAt: closeAt,
    closureReason: reason,
    closedOnTime: c.handleDueAt ? closeAt <= c.handleDueAt : true,
    currentDueAt: null,
    currentStartedAt: null,
  });

  if (rng() < 0.72) {
    const ratedAt = new Date(closeAt.getTime() + Math.round(between(rng, 1, 48)) * HOUR);
    const rating = weighted(rng, RATING_WEIGHTS);
    const reasons: RatingReason[] =
      rating >= 4
        ? [pick(rng, ['fast', 'thorough', 'polite'] as const)]
        : [pick(rng, ['slow', 'not_fixed', 'no_contact'] as const)];
    const by = channel === 'grid_app' || channel === 'console' ? 'callback' : 'reporter';
    const rater = by === 'reporter' ? { id: null, name: citizen, role: null } : staff;
    if (step(ratedAt, 'rate', null, rater, { public: true, details: { rating, reasons, by } })) {
      Object.assign(c, { rating, ratingReasons: reasons, ratedAt });
    }
  }
  return c;
}

/** The category's default handler at this spot, as a dispatch without a named handler chooses it. */
function defaultHandler(category: DemoCategory, spot: DemoSpot) {
  const base = {
    handlerKind: category.handler,
    handlerUserId: null,
    handlerPlaceId: null,
    handlerDepartmentId: null,
  };
  if (category.handler === 'department' && category.departmentId !== null) {
    return {
      patch: { ...base, handlerDepartmentId: category.departmentId, level: 'community' as CaseLevel },
      label: category.departmentName ?? '',
    };
  }
  if (category.handler === 'grid_worker') {
    return {
      patch: { ...base, handlerUserId: spot.worker?.id ?? null, level: 'grid' as CaseLevel },
      label: spot.worker?.name ?? 'grid',
    };
  }
  const unit =
    category.handler === 'district'
      ? spot.district
      : category.handler === 'street'
        ? (spot.street ?? spot.district)
        : (spot.community ?? spot.street ?? spot.district);
  const level: CaseLevel =
    category.handler === 'district' ? 'district' : category.handler === 'street' ? 'street' : 'community';
  return {
    patch: {
      ...base,
      handlerKind: category.handler === 'department' ? 'community' : category.handler,
      handlerPlaceId: unit.id,
      level,
    },
    label: unit.name,
  };
}
