import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { GridDuty, GridStaffAgency, GridStaffRole } from '../../shared/grid-staff.js';
import type {
  CaseChannel,
  CaseLevel,
  CaseStatus,
  ClosureReason,
  HandlerKind,
} from '../../shared/case-workflow.js';
import type { LimitUnit } from '../../shared/working-time.js';

/** Kysely's view of the schema the migrations in ./migrations build. Keep the two in step. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export type PlaceKind =
  'district' | 'street' | 'town' | 'park' | 'community' | 'village' | 'compound' | 'building';

export type ManagementType = 'professional' | 'self_managed' | 'unmanaged';

export interface PlaceTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: PlaceKind;
  code: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  path: string;
  depth: number;
  address: string | null;
  lng: number | null;
  lat: number | null;
  management_type: ManagementType | null;
  /** A compound's outline (WGS-84 Polygon); null for other kinds and for compounds not drawn yet. */
  geometry: ColumnType<GeoJsonPolygon | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type Role =
  | 'district_admin'
  | 'street_staff'
  | 'community_staff'
  | 'grid_worker'
  | 'department_staff'
  | 'resident'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin';

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  place_id: number;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  password_changed_at: Timestamp;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  department_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: Timestamp;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  result: AuditResult;
  ip: string | null;
  request_id: string | null;
  place_path: string | null;
  details: Json<Record<string, unknown>>;
  seal_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface AuditSealHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface LouyuanMetaTable {
  key: string;
  value: string;
}

export type GridKind = 'base' | 'specialised' | 'economic' | 'kinship';

export interface GridTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string;
  level: number;
  kind: GridKind;
  name: string;
  place_id: number;
  path: string;
  lead_unit: string | null;
  geometry: Json<GeoJsonPolygon>;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  area_m2: number;
  households: Generated<number>;
  version: Generated<number>;
  /** Set when an adjustment replaced the grid: it leaves lists, the locator and the coverage check. */
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type GridAdjustmentKind = 'split' | 'merge' | 'redraw' | 'import';

export interface GridAdjustmentTable {
  id: Generated<number>;
  kind: GridAdjustmentKind;
  reason: string;
  actor_id: number | null;
  actor_name: string;
  place_path: string;
  parent_code: string | null;
  codes: ColumnType<string[], string[] | undefined, string[]>;
  at: Timestamp;
  details: Json<Record<string, unknown>>;
}

export interface GridVersionTable {
  id: Generated<number>;
  grid_id: number;
  code: string;
  version: number;
  name: string;
  geometry: Json<GeoJsonPolygon>;
  households: Generated<number>;
  valid_from: ColumnType<Date, Date | string, Date | string>;
  valid_to: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  adjustment_id: number | null;
  ended_by: number | null;
}

export type GeoJsonPolygon =
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

export type Housing = 'owned' | 'rented' | 'public' | 'other';
export type Relation = 'head' | 'member' | 'tenant';
export type ResidenceType = 'registered' | 'migrant' | 'foreign';

export interface HouseholdTable {
  id: Generated<number>;
  place_id: number;
  path: string;
  grid_id: number | null;
  grid_path: string | null;
  unit: string | null;
  room: string | null;
  address: string;
  lng: number | null;
  lat: number | null;
  housing: Generated<Housing>;
  members: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResidentTable {
  id: Generated<number>;
  household_id: number;
  path: string;
  grid_path: string | null;
  relation: Relation;
  name: string;
  name_pinyin: Generated<string>;
  name_initials: Generated<string>;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  residence_type: ResidenceType;
  id_number_enc: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  tags: Generated<string[]>;
  note: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ImportJobStatus = 'validating' | 'validated' | 'importing' | 'done' | 'failed' | 'expired';
export type ImportMode = 'all_or_nothing' | 'valid_only';

/** A finding as stored with an import job: row as the user sees it in the sheet, column header as in the file. */
export interface StoredFinding {
  row: number;
  column: string;
  reason: string;
  value?: string;
}

export interface ImportJobTable {
  id: Generated<number>;
  kind: Generated<'residents'>;
  owner_id: number | null;
  owner_name: string;
  place_id: number;
  path: string;
  file_name: string;
  file_size: Generated<number>;
  status: ImportJobStatus;
  mode: ImportMode | null;
  total_rows: Generated<number>;
  valid_rows: Generated<number>;
  invalid_rows: Generated<number>;
  finding_count: Generated<number>;
  findings: Json<StoredFinding[]>;
  inserted_residents: Generated<number>;
  created_households: Generated<number>;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Date | null;
}

export interface GridStaffTable {
  id: Generated<number>;
  name: string;
  name_pinyin: Generated<string>;
  name_initials: Generated<string>;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  user_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GridStaffAssignmentTable {
  id: Generated<number>;
  staff_id: number;
  grid_id: number;
  role: GridStaffRole;
  agency: Generated<GridStaffAgency>;
  duties: ColumnType<GridDuty[], GridDuty[] | undefined, GridDuty[]>;
  /** 'YYYY-MM-DD' */
  started_on: string;
  ended_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DepartmentTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: Generated<string>;
  created_at: Timestamp;
}

export interface CaseCategoryTable {
  id: Generated<number>;
  code: string;
  parent_code: string | null;
  name: string;
  name_en: Generated<string>;
  kind: 'event' | 'component' | 'local' | null;
  opening_standard: Generated<string>;
  closing_standard: Generated<string>;
  accept_limit: Generated<number>;
  accept_unit: Generated<LimitUnit>;
  dispatch_limit: Generated<number>;
  dispatch_unit: Generated<LimitUnit>;
  handle_limit: Generated<number>;
  handle_unit: Generated<LimitUnit>;
  default_handler: Generated<HandlerKind>;
  default_department_id: number | null;
  photo_before: Generated<boolean>;
  photo_after: Generated<boolean>;
  escalate_when_overdue: Generated<boolean>;
  published: Generated<boolean>;
  keywords: ColumnType<string[], string[] | undefined, string[]>;
  attributes: Json<unknown[]>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkCalendarDayTable {
  /** 'YYYY-MM-DD' */
  day: string;
  kind: 'holiday' | 'workday';
  name: Generated<string>;
  updated_at: Timestamp;
}

export interface CivicCaseTable {
  id: Generated<number>;
  code: Generated<string>;
  category_id: number;
  status: Generated<CaseStatus>;
  channel: CaseChannel;
  description: string;
  address: Generated<string>;
  lng: number;
  lat: number;
  place_id: number;
  path: string;
  grid_id: number | null;
  grid_path: string | null;
  overlay_grid_ids: ColumnType<number[], number[] | undefined, number[]>;
  attributes: Json<Record<string, unknown>>;
  reporter_user_id: number | null;
  reporter_name: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_hash: string | null;
  reporter_phone_masked: string | null;
  public_token: string;
  external_ref: string | null;
  open311_client_id: number | null;
  level: Generated<CaseLevel>;
  handler_kind: HandlerKind | null;
  handler_place_id: number | null;
  handler_user_id: number | null;
  handler_department_id: number | null;
  on_the_spot: Generated<boolean>;
  urgent: Generated<boolean>;
  supervised: Generated<boolean>;
  pending_request: 'extension' | 'deferral' | null;
  pending_detail: Json<Record<string, unknown> | null>;
  reported_at: Timestamp;
  accepted_at: Date | null;
  dispatched_at: Date | null;
  handled_at: Date | null;
  verified_at: Date | null;
  closed_at: Date | null;
  accept_due_at: Date;
  dispatch_due_at: Date | null;
  handle_due_at: Date | null;
  current_due_at: Date | null;
  current_started_at: Date | null;
  overdue_swept_at: Date | null;
  handled_on_time: boolean | null;
  closed_on_time: boolean | null;
  handling_minutes: number | null;
  returned_count: Generated<number>;
  rework_count: Generated<number>;
  escalation_count: Generated<number>;
  extension_count: Generated<number>;
  closure_reason: ClosureReason | null;
  rejection_reason: string | null;
  rating: number | null;
  rating_reasons: ColumnType<string[], string[] | undefined, string[]>;
  rating_comment: string | null;
  rated_at: Date | null;
  merged_into_id: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseDepartmentTable {
  case_id: number;
  department_id: number;
  lead: Generated<boolean>;
  reported_at: Date | null;
  created_at: Timestamp;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  actor_role: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  public: Generated<boolean>;
  details: Json<Record<string, unknown>>;
}

export interface CasePhotoTable {
  id: Generated<number>;
  case_id: number;
  event_id: number | null;
  stage: 'before' | 'after' | 'update';
  storage_key: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: number;
  width: number;
  height: number;
  sha256: string;
  lng: number | null;
  lat: number | null;
  taken_at: Date | null;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface OtpChallengeTable {
  id: Generated<number>;
  phone_hash: string;
  code_hash: string;
  expires_at: Date;
  attempts: Generated<number>;
  consumed_at: Date | null;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  case_id: number | null;
  kind: string;
  /** What the notice is about (migration 20261208_notifications of the notifications module). */
  subject_type: string | null;
  subject_id: string | null;
  subject_path: string | null;
  title: string;
  title_en: string | null;
  body: Generated<string>;
  read_at: Date | null;
  created_at: Timestamp;
}

export interface WebhookTable {
  id: Generated<number>;
  name: string;
  url: string;
  format: 'json' | 'wecom' | 'dingtalk';
  events: ColumnType<string[], string[], string[]>;
  secret: string | null;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  webhook_id: number;
  event: string;
  payload: Json<Record<string, unknown>>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  delivered_at: Date | null;
  failed_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Timestamp;
}

export interface Open311ClientTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_at: Timestamp;
  revoked_at: Date | null;
}

export interface DB {
  case_rollup: CaseRollupTable;
  case_rollup_dirty: CaseRollupDirtyTable;
  department: DepartmentTable;
  case_category: CaseCategoryTable;
  work_calendar_day: WorkCalendarDayTable;
  civic_case: CivicCaseTable;
  case_department: CaseDepartmentTable;
  case_event: CaseEventTable;
  case_photo: CasePhotoTable;
  otp_challenge: OtpChallengeTable;
  notification: NotificationTable;
  webhook: WebhookTable;
  webhook_delivery: WebhookDeliveryTable;
  open311_client: Open311ClientTable;
  import_job: ImportJobTable;
  grid_staff: GridStaffTable;
  grid_staff_assignment: GridStaffAssignmentTable;
  household: HouseholdTable;
  resident: ResidentTable;
  grid: GridTable;
  grid_adjustment: GridAdjustmentTable;
  grid_version: GridVersionTable;
  place: PlaceTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_seal_head: AuditSealHeadTable;
  louyuan_meta: LouyuanMetaTable;
}

export type Place = Selectable<PlaceTable>;
export type NewPlace = Insertable<PlaceTable>;
export type PlaceUpdate = Updateable<PlaceTable>;
export type AppUser = Selectable<AppUserTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type Grid = Selectable<GridTable>;
export type NewGrid = Insertable<GridTable>;
export type Household = Selectable<HouseholdTable>;
export type Resident = Selectable<ResidentTable>;
export type ImportJob = Selectable<ImportJobTable>;

export interface CaseRollupTable {
  day: string;
  dim: 'place' | 'grid' | 'department';
  node: string;
  category_id: Generated<number>;
  scope_path: string;
  reported: Generated<number>;
  accepted: Generated<number>;
  rejected: Generated<number>;
  still_reported: Generated<number>;
  merged: Generated<number>;
  dispatched: Generated<number>;
  dispatched_clean: Generated<number>;
  extended: Generated<number>;
  handled: Generated<number>;
  handled_on_time: Generated<number>;
  reworked: Generated<number>;
  timed: Generated<number>;
  handling_minutes: Generated<number>;
  rated: Generated<number>;
  satisfied: Generated<number>;
  open: Generated<number>;
  overdue: Generated<number>;
  due: Generated<number>;
  closed: Generated<number>;
  closed_on_time: Generated<number>;
}

export interface CaseRollupDirtyTable {
  id: Generated<number>;
  day: string;
}
