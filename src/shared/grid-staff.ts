/**
 * Staff on grids (网格力量): the words both sides share. Runs in the browser and on the server.
 *
 * Duties: the source text asks to "明确六员职责" without naming the six. We use the six roles Zhengzhou's grid
 * work commonly gives a grid worker (网格员"六员"): 信息采集员 (collects and keeps the household and place
 * records), 政策宣传员 (explains policy door to door), 矛盾调解员 (settles disputes early), 安全巡查员 (patrols
 * for fire, gas and building hazards), 便民服务员 (runs errands and services for residents) and 民意收集员
 * (gathers residents' requests and opinions). A micro-grid worker carries all six by default.
 */
export const GRID_DUTIES = [
  'info_collection',
  'policy_publicity',
  'dispute_mediation',
  'safety_patrol',
  'convenience_service',
  'opinion_collection',
] as const;
export type GridDuty = (typeof GRID_DUTIES)[number];

/** worker: the grid's own worker (a micro-grid needs one); leader: 网格长; specialist: a member of a specialised team. */
export const GRID_STAFF_ROLES = ['worker', 'leader', 'specialist'] as const;
export type GridStaffRole = (typeof GRID_STAFF_ROLES)[number];

/**
 * Where a person comes from. Base grids are staffed by the community; the commercial district's team (二七商圈
 * 专属网格, "整合公安、执法、巡防、商场安保等多方力量") brings police (公安), urban management (城管执法), patrol
 * (巡防), mall security (商场安保), led by the district's management committee (商圈管委会).
 */
export const GRID_STAFF_AGENCIES = [
  'community',
  'police',
  'urban_management',
  'patrol',
  'mall_security',
  'management_committee',
] as const;
export type GridStaffAgency = (typeof GRID_STAFF_AGENCIES)[number];
