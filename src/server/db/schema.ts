import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AuditAction, AuditResult, Role } from '@/contracts/operators';

/** Booleans are stored as 0/1 integers so both dialects read them the same way. */
export type Flag = 0 | 1;

export interface WorkspacesTable {
  id: string;
  name: string;
  /** ROMA project_id and IoTDA project_id. */
  project_id: string;
  /** ROMA instance_id. */
  instance_id: string;
  /** EnOS orgId. */
  org_id: string;
}

export interface UsersTable {
  id: Generated<number>;
  workspace_id: string;
  username: string;
  password_hash: string;
  created_at: number;
  role: Generated<Role>;
  disabled: Generated<Flag>;
}

/** One change or refused change (DESIGN.md "Operators"); `before`/`after` are JSON of the changed fields. */
export interface AuditRecordsTable {
  id: Generated<number>;
  workspace_id: string;
  at: number;
  /** Null when the caller could not be identified. */
  username: string | null;
  action: AuditAction;
  result: AuditResult;
  device_id: number | null;
  target: string | null;
  error_code: string | null;
  error_msg: string | null;
  before: string | null;
  after: string | null;
  run_id: string | null;
  request_id: string | null;
  client_ip: string | null;
}

export interface TokensTable {
  /** SHA-256 of the token: a leaked database does not leak live tokens. */
  token_hash: string;
  user_id: number;
  workspace_id: string;
  expires_at: number;
  /** Null for tokens issued before 0020. */
  issued_at: Generated<number | null>;
}

export interface ProductsTable {
  id: number;
  workspace_id: string;
  product_key: string;
  product_name: string;
  manufacturer_id: string;
  model: string;
  protocol_type: number;
  product_type: number;
  extend_protocol_name: string | null;
}

export interface DevicesTable {
  id: Generated<number>;
  workspace_id: string;
  product_id: number;
  asset_id: string;
  device_key: string;
  /** The device secret sealed under the master key (secrets/secret-vault.ts); null where no usable secret is kept. */
  secret_sealed: string | null;
  node_id: string;
  device_name: string;
  client_id: string;
  app_name: string;
  app_id: string;
  status: number;
  online_status: number;
  connected: Flag;
  mirrored: Flag;
  frozen: Flag;
  node_type: number;
  parent_device_id: number | null;
  description: string;
  permissions: string;
  auth_user_name: string;
  created_user: string;
  last_updated_user: string;
  created_datetime: number;
  last_updated_datetime: number;
  last_login_datetime: number | null;
  last_active_time: number | null;
  connect_address: string;
  ssl_connect_address: string;
  client_ip: string | null;
  keep_alive: string | null;
  /** The replica whose gateway holds (or last held) the device's session (0017). */
  session_replica: Generated<string | null>;
  version: string | null;
  /** Bumped on every change; the ETag of `PUT` / `GET` and the guard of `If-Match`. */
  revision: number;
}

export interface DeviceTagsTable {
  device_id: number;
  tag: string;
}

/** SQLite only (0009): each device's latest change of its listed columns or tags, numbered in commit order. */
export interface DeviceListChangesTable {
  device_id: number;
  seq: number;
  /** The device's workspace (0012), so the event stream tells each workspace only of its own devices. */
  workspace_id: string | null;
  /** The seq of the device's latest change of state (0013); null: this entry's own, so anything past seq N with state_seq ≤ N changed only its last activity. */
  state_seq: number | null;
}

/** Connection history (DESIGN.md "Live devices"): every connect, disconnect and refused attempt. */
export interface DeviceConnectionsTable {
  id: Generated<number>;
  device_id: number;
  at: number;
  event: 'connected' | 'disconnected' | 'refused';
  reason: string;
  client_ip: string | null;
}

/** A device's latest property report, as the device sent it. */
export interface DeviceReportsTable {
  device_id: number;
  reported_at: number;
  /** JSON text of IoTDA's report body. */
  report: string;
}

export interface OrgPublicKeysTable {
  org_id: string;
  public_key: string;
  fingerprint: string;
  updated_at: number;
}

/** An IoTDA batch task (0015); its statuses and types as the contract spells them (iotda-batch-tasks.ts). */
export interface BatchTasksTable {
  task_id: string;
  workspace_id: string;
  task_name: string;
  task_type: string;
  /** JSON text: the device ids as sent, or null when the task was sent a filter. */
  targets: string | null;
  /** JSON text: the filter as sent, or null. */
  targets_filter: string | null;
  /** JSON text of the task policy as sent, or null. */
  task_policy: string | null;
  status: string;
  status_desc: string | null;
  created_user: string;
  created_at: number;
  updated_at: number;
}

/** PostgreSQL: each device's latest change of the list, by the transaction that made it (0016). */
export interface DeviceListCommitsTable {
  device_id: number;
  /** xid8, as text: it may pass 2^53. */
  xid: string;
}

/** A replica of the service on this database, and when it last said it is alive (0017). */
export interface ReplicasTable {
  id: string;
  seen_at: number;
}

/** Failed sign-ins of one username or one client address (`key`), in the current window (0019). */
export interface SignInFailuresTable {
  key: string;
  failures: number;
  first_at: number;
  /** 0 while under the limit. */
  blocked_until: number;
}

/** One device's subtask of a batch task, in the task's order (`seq`). */
export interface BatchTaskDetailsTable {
  task_id: string;
  seq: number;
  target: string;
  /** Null when the target names no device of the workspace. */
  device_id: number | null;
  status: string;
  error_code: string | null;
  error_msg: string | null;
  updated_at: number;
}

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  tokens: TokensTable;
  products: ProductsTable;
  devices: DevicesTable;
  device_tags: DeviceTagsTable;
  device_list_changes: DeviceListChangesTable;
  device_list_commits: DeviceListCommitsTable;
  device_connections: DeviceConnectionsTable;
  device_reports: DeviceReportsTable;
  org_public_keys: OrgPublicKeysTable;
  batch_tasks: BatchTasksTable;
  replicas: ReplicasTable;
  sign_in_failures: SignInFailuresTable;
  batch_task_details: BatchTaskDetailsTable;
  audit_records: AuditRecordsTable;
}

export type DeviceRow = Selectable<DevicesTable>;
export type NewDeviceRow = Insertable<DevicesTable>;
export type DeviceRowUpdate = Updateable<DevicesTable>;
export type ProductRow = Selectable<ProductsTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
