import {
  circuitFaultMessage,
  slaAlertMessage,
  ticketChangeMessage,
  ticketUrl,
} from './push-payload';

const at = new Date('2026-12-07T08:00:00.000Z');

describe('push payloads', () => {
  it('a ticket change: the Angular service worker notification, opening the ticket on a tap', () => {
    const m = ticketChangeMessage({
      ticketId: 'TT-20261207-0001',
      ticketName: 'Wuhan outlet down',
      status: 'inProgress',
      statusLabel: '处理中',
      seq: 3,
      summaries: ['Dispatched to field.wang', 'Engineer on the way'],
      at,
      fieldEngineer: false,
    });
    expect(m).toEqual({
      notification: {
        title: 'TT-20261207-0001 处理中: Wuhan outlet down',
        body: 'Dispatched to field.wang\nEngineer on the way',
        tag: 'ticket-TT-20261207-0001',
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        timestamp: at.getTime(),
        data: {
          kind: 'ticket-change',
          url: '/tickets/TT-20261207-0001',
          ticketId: 'TT-20261207-0001',
          seq: 3,
          status: 'inProgress',
          onActionClick: {
            default: { operation: 'navigateLastFocusedOrOpen', url: '/tickets/TT-20261207-0001' },
          },
        },
      },
    });
  });

  it('opens the job sheet for a field engineer', () => {
    expect(ticketUrl('TT-1', true)).toBe('/jobs/TT-1');
    expect(ticketUrl('a/b', false)).toBe('/tickets/a%2Fb');
    const m = slaAlertMessage({
      ticketId: 'TT-1',
      ticketName: 'Down',
      subject: 'restore target near',
      clock: 'restore',
      alert: 'warn',
      at,
      fieldEngineer: true,
    });
    expect(m.notification.data.onActionClick.default.url).toBe('/jobs/TT-1');
    expect(m.notification.tag).toBe('sla-TT-1');
  });

  it('stays small: long texts are clipped, so the encrypted record fits the 4 kB limit', () => {
    const m = ticketChangeMessage({
      ticketId: 'TT-1',
      ticketName: 'x'.repeat(500),
      status: 'inProgress',
      statusLabel: '处理中',
      seq: 1,
      summaries: Array.from({ length: 50 }, () => '很长的说明'.repeat(20)),
      at,
      fieldEngineer: false,
    });
    expect(m.notification.title.length).toBe(120);
    expect(m.notification.body.length).toBe(400);
    expect(Buffer.byteLength(JSON.stringify(m))).toBeLessThan(3000);
  });

  it('a circuit fault opens the circuit', () => {
    const m = circuitFaultMessage({
      circuitId: 'bank-a-MPLS-0005',
      circuitName: '武汉分行 MPLS',
      state: 'down',
      since: at,
    });
    expect(m.notification).toMatchObject({
      title: '武汉分行 MPLS 中断 / down',
      body: 'bank-a-MPLS-0005 · 2026-12-07 08:00 UTC',
      tag: 'circuit-bank-a-MPLS-0005',
      data: {
        kind: 'circuit-fault',
        circuitId: 'bank-a-MPLS-0005',
        state: 'down',
        onActionClick: { default: { url: '/circuits/bank-a-MPLS-0005' } },
      },
    });
  });
});
