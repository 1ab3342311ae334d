import { createActionGroup, emptyProps, props } from '@ngrx/store';

import type { AlarmDto } from '../../generated/models/alarm-dto';

/** The console's filters (the URL carries them). */
export interface AlarmQuery {
  state: AlarmDto['state'] | null;
  severity: AlarmDto['perceivedSeverity'] | null;
  ackState: AlarmDto['ackState'] | null;
  circuitId: string | null;
  page: number;
}

export const DEFAULT_ALARM_QUERY: AlarmQuery = {
  state: 'raised',
  severity: null,
  ackState: null,
  circuitId: null,
  page: 1,
};

const SEVERITIES: readonly AlarmDto['perceivedSeverity'][] = [
  'critical',
  'major',
  'minor',
  'warning',
  'indeterminate',
  'cleared',
];

export function alarmQueryFromParams(p: Record<string, string | undefined>): AlarmQuery {
  const page = Number(p['page']);
  return {
    state:
      p['state'] === 'all'
        ? null
        : p['state'] === 'cleared'
          ? 'cleared'
          : DEFAULT_ALARM_QUERY.state,
    severity: SEVERITIES.find((s) => s === p['severity']) ?? null,
    ackState: p['ack'] === 'acknowledged' || p['ack'] === 'unacknowledged' ? p['ack'] : null,
    circuitId: p['circuit'] || null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function alarmQueryToParams(q: AlarmQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.state !== DEFAULT_ALARM_QUERY.state) out['state'] = q.state ?? 'all';
  if (q.severity) out['severity'] = q.severity;
  if (q.ackState) out['ack'] = q.ackState;
  if (q.circuitId) out['circuit'] = q.circuitId;
  if (q.page !== 1) out['page'] = String(q.page);
  return out;
}

export const AlarmConsolePageActions = createActionGroup({
  source: 'Alarm Console Page',
  events: {
    'Query Changed': props<{ query: AlarmQuery }>(),
    Closed: emptyProps(),
    'Refresh Requested': emptyProps(),
    'Alarm Selected': props<{ alarmId: string | null }>(),
    'Acknowledge Requested': props<{ alarmId: string }>(),
    'Unacknowledge Requested': props<{ alarmId: string }>(),
    'Comment Submitted': props<{ alarmId: string; comment: string }>(),
  },
});
