import type { AccessScope } from '../auth/access-scope';

/** What changed. Tickets arrive with issue 4; their publisher uses the same stream. */
export type ChangeEventKind = 'alarm' | 'circuit' | 'ticket';

/**
 * A circuit an event concerns, with what decides who may see it. Events about an
 * object shared by several tenants (an alarm on a PE) carry them under
 * `data.circuits`: each recipient gets only the ids of those it may see, as
 * `data.circuitIds` (see `redactFor`), never another tenant's circuit.
 */
export interface EventCircuitRef {
  id: string;
  customerId: string;
  orgPath: readonly string[];
}

/**
 * What a publisher hands over. `customerIds` and `orgUnitIds` decide who receives it:
 * orgUnitIds = union of the orgPath of every circuit concerned, so an org-subtree user
 * receives it iff its orgUnitId is in the list (and its customer in customerIds).
 * `data` goes to every recipient as is, except `data.circuits` (EventCircuitRef[]),
 * which is filtered per recipient: put nothing tenant-specific anywhere else in it.
 */
export interface ChangeEventInput {
  kind: ChangeEventKind;
  /** e.g. alarm: raised | changed | cleared | acknowledged | unacknowledged | commented; circuit: state. */
  action: string;
  /** Id of the changed object (alarm id, circuit id, ticket id). */
  id: string;
  customerIds: string[];
  orgUnitIds: string[];
  /** Users who receive it whatever their customer scope: the field engineers a ticket is dispatched to. */
  assigneeUserIds?: string[];
  data: Record<string, unknown>;
}

/** An event as stored in the stream: the input plus when and where it was published. */
export interface StoredChangeEvent extends ChangeEventInput {
  /** ISO time of publication. */
  time: string;
  /** API replica or ingestion worker that published it (diagnostics). */
  source: string;
}

/** An event as read back from the stream: `streamId` is its SSE id (Last-Event-ID). */
export interface ChangeEvent extends StoredChangeEvent {
  streamId: string;
}

/** What a client receives in the SSE `data:` line (the `event:` line is `${kind}.${action}`). */
export interface ChangeEventMessage {
  kind: ChangeEventKind;
  action: string;
  id: string;
  time: string;
  data: Record<string, unknown>;
}

/** Whether a caller with this scope may receive the event at all. */
export function eventVisibleTo(scope: AccessScope, event: ChangeEventInput): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'customers':
      return event.customerIds.some((id) => scope.customerIds.includes(id));
    case 'org-subtree':
      return (
        event.customerIds.includes(scope.customerId) && event.orgUnitIds.includes(scope.orgUnitId)
      );
    case 'dispatched':
      // Field engineers receive the events of the tickets dispatched to them only.
      return event.assigneeUserIds?.includes(scope.userId) ?? false;
    case 'none':
      return false;
  }
}

function circuitVisibleTo(scope: AccessScope, circuit: EventCircuitRef): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'customers':
      return scope.customerIds.includes(circuit.customerId);
    case 'org-subtree':
      return circuit.customerId === scope.customerId && circuit.orgPath.includes(scope.orgUnitId);
    case 'dispatched':
    case 'none':
      return false;
  }
}

function isCircuitRef(value: unknown): value is EventCircuitRef {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.customerId === 'string' && Array.isArray(v.orgPath);
}

/**
 * The message one recipient gets, or null when it may not see the event. `data.circuits`
 * becomes `data.circuitIds` with the visible ones only; a malformed `circuits` value is
 * dropped entirely (fail closed).
 */
export function redactFor(
  scope: AccessScope,
  event: ChangeEventInput & { time: string },
): ChangeEventMessage | null {
  if (!eventVisibleTo(scope, event)) return null;
  const { circuits, ...rest } = event.data;
  const data: Record<string, unknown> = { ...rest };
  if (circuits !== undefined) {
    data.circuitIds = Array.isArray(circuits)
      ? circuits
          .filter(isCircuitRef)
          .filter((c) => circuitVisibleTo(scope, c))
          .map((c) => c.id)
      : [];
  }
  return { kind: event.kind, action: event.action, id: event.id, time: event.time, data };
}

/** Union of the org paths of the circuits: the `orgUnitIds` of an event or an alarm. */
export function orgUnitsOf(circuits: ReadonlyArray<{ orgPath?: readonly string[] }>): string[] {
  return [...new Set(circuits.flatMap((c) => c.orgPath ?? []))].sort();
}

/** Stream ids are `<ms>-<seq>`; compares them numerically (null when malformed). */
export function compareStreamIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number);
  const [bm, bs] = b.split('-').map(Number);
  if (am !== bm) return (am ?? 0) - (bm ?? 0);
  return (as ?? 0) - (bs ?? 0);
}

export const STREAM_ID_PATTERN = /^\d{1,20}-\d{1,20}$/;
