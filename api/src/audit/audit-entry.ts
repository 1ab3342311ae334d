import type { VerifiedPrincipal } from '../auth/principal';
import type { Role } from '../database/documents';

export type AuditOutcome = 'success' | 'failure';

export type AuditDetailValue = string | number | boolean | null;

/** What a caller hands to `AuditService.record` (the shared interface of the team brief). */
export interface AuditEntryInput {
  /** The verified caller; null for anonymous events (a failed login, a CLI run). */
  actor: VerifiedPrincipal | null;
  /** Name to record when there is no principal (the username tried at login, `cli`). */
  actorName?: string;
  /** Dotted action name: `auth.login`, `user.create`, `alarm.acknowledge`, `performance.export`. */
  action: string;
  /** The customer the event concerns (null: operator-wide); a customer-admin sees its own. */
  customerId: string | null;
  target?: { type: string; id: string };
  outcome: AuditOutcome;
  /** Small, non-secret facts (counts, field names, reasons). Secret-looking keys are dropped. */
  detail?: Record<string, AuditDetailValue>;
  ip?: string | null;
}

/** One stored entry of the append-only audit log (collection `auditLog`). */
export interface AuditEntryDocument {
  /** Time-ordered: `${at ISO}-${random}`, so `_id` order is time order. */
  _id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  customerId: string | null;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  detail: Record<string, AuditDetailValue>;
  ip: string | null;
}

/** Keys never stored in `detail`, whatever a caller passes: the audit log must hold no secrets. */
const SECRET_KEY = /pass|secret|token|hash|otp|totp|code|key|credential|cookie|authorization/i;
const MAX_DETAIL_KEYS = 20;
const MAX_STRING = 200;

function clip(value: string): string {
  return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
}

/** Drops secret-looking keys, bounds the size; exported for its unit test. */
export function sanitizeDetail(
  detail: Record<string, AuditDetailValue> | undefined,
): Record<string, AuditDetailValue> {
  const out: Record<string, AuditDetailValue> = {};
  if (!detail) {
    return out;
  }
  for (const [key, value] of Object.entries(detail).slice(0, MAX_DETAIL_KEYS)) {
    if (SECRET_KEY.test(key) || key.startsWith('$') || key.includes('.')) {
      continue;
    }
    if (typeof value === 'string') {
      out[key] = clip(value);
    } else if (typeof value === 'number') {
      // Stored as a double on purpose: FerretDB wraps int32 arithmetic.
      out[key] = Number.isFinite(value) ? value : null;
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function toAuditDocument(
  input: AuditEntryInput,
  at: Date,
  random: string,
): AuditEntryDocument {
  return {
    _id: `${at.toISOString()}-${random}`,
    at,
    actorId: input.actor?.userId ?? null,
    actorName: clipOrNull(input.actor?.username ?? input.actorName ?? null),
    actorRole: input.actor?.role ?? null,
    action: clip(input.action),
    customerId: input.customerId,
    targetType: input.target ? clip(input.target.type) : null,
    targetId: input.target ? clip(input.target.id) : null,
    outcome: input.outcome,
    detail: sanitizeDetail(input.detail),
    ip: input.ip ?? null,
  };
}

function clipOrNull(value: string | null): string | null {
  return value === null ? null : clip(value);
}
