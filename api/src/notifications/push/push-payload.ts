/**
 * What a push message carries: the Angular service worker's notification format
 * (`notification` is shown as is; `data.onActionClick.default` opens the page on a tap),
 * small enough for every push service (4 kB limit on the encrypted record).
 */
export interface PushMessage {
  notification: {
    title: string;
    body: string;
    tag: string;
    icon: string;
    badge: string;
    timestamp: number;
    data: {
      kind: 'ticket-change' | 'sla-alert' | 'circuit-fault';
      url: string;
      ticketId?: string;
      circuitId?: string;
      onActionClick: { default: { operation: 'navigateLastFocusedOrOpen'; url: string } };
    } & Record<string, unknown>;
  };
}

const MAX_TITLE = 120;
const MAX_BODY = 400;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function message(
  kind: PushMessage['notification']['data']['kind'],
  title: string,
  body: string,
  tag: string,
  url: string,
  at: Date,
  extra: Record<string, unknown>,
): PushMessage {
  return {
    notification: {
      title: clip(title, MAX_TITLE),
      body: clip(body, MAX_BODY),
      tag,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      timestamp: at.getTime(),
      data: {
        kind,
        url,
        ...extra,
        onActionClick: { default: { operation: 'navigateLastFocusedOrOpen', url } },
      },
    },
  };
}

/** The page of a ticket in the app: a field engineer's job sheet, everyone else's ticket. */
export function ticketUrl(ticketId: string, fieldEngineer: boolean): string {
  return `/${fieldEngineer ? 'jobs' : 'tickets'}/${encodeURIComponent(ticketId)}`;
}

export function ticketChangeMessage(p: {
  ticketId: string;
  ticketName: string;
  status: string;
  statusLabel: string;
  seq: number;
  summaries: readonly string[];
  at: Date;
  fieldEngineer: boolean;
}): PushMessage {
  const url = ticketUrl(p.ticketId, p.fieldEngineer);
  return message(
    'ticket-change',
    `${p.ticketId} ${p.statusLabel}: ${p.ticketName}`,
    p.summaries.join('\n'),
    // One notification per ticket on the phone: a newer change replaces the older one.
    `ticket-${p.ticketId}`,
    url,
    p.at,
    { ticketId: p.ticketId, seq: p.seq, status: p.status },
  );
}

export function slaAlertMessage(p: {
  ticketId: string;
  ticketName: string;
  subject: string;
  clock: string;
  alert: string;
  at: Date;
  fieldEngineer: boolean;
}): PushMessage {
  const url = ticketUrl(p.ticketId, p.fieldEngineer);
  return message('sla-alert', p.subject, p.ticketName, `sla-${p.ticketId}`, url, p.at, {
    ticketId: p.ticketId,
    clock: p.clock,
    alert: p.alert,
  });
}

const CIRCUIT_STATE_ZH = { down: '中断', degraded: '质量下降' } as const;

export function circuitFaultMessage(p: {
  circuitId: string;
  circuitName: string;
  state: 'down' | 'degraded';
  since: Date;
}): PushMessage {
  const url = `/circuits/${encodeURIComponent(p.circuitId)}`;
  return message(
    'circuit-fault',
    `${p.circuitName} ${CIRCUIT_STATE_ZH[p.state]} / ${p.state}`,
    `${p.circuitId} · ${p.since.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `circuit-${p.circuitId}`,
    url,
    p.since,
    { circuitId: p.circuitId, state: p.state },
  );
}
