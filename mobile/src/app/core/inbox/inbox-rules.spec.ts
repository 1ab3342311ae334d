import type { ChangeEventMessageDto } from '@circuitcare/client';

import { alerts, inboxLineOf, preferenceOf } from './inbox-rules';

const msg = (over: Partial<ChangeEventMessageDto>): ChangeEventMessageDto => ({
  kind: 'ticket',
  action: 'status',
  id: 'TT-1',
  time: '2026-12-03T10:00:00Z',
  data: { version: 4, name: 'Outlet down', status: 'resolved' },
  ...over,
});
const all = { status: true, notes: true, field: true, sla: true, circuitFaults: true };

describe('inbox rules', () => {
  it('files ticket changes under the preference that governs them', () => {
    expect(preferenceOf('status')).toBe('status');
    expect(preferenceOf('dispatched')).toBe('status');
    expect(preferenceOf('note')).toBe('notes');
    expect(preferenceOf('field-progress')).toBe('field');
    expect(preferenceOf('sla-breach')).toBe('sla');
    expect(preferenceOf('updated')).toBeNull();
  });

  it('keeps one line per ticket version, whatever the preferences; they decide what alerts', () => {
    expect(inboxLineOf(msg({}))).toEqual({
      key: 'ticket:TT-1:4',
      preference: 'status',
      kind: 'ticket',
      objectId: 'TT-1',
      text: 'inbox.ticket.status',
      params: { id: 'TT-1', name: 'Outlet down', status: 'resolved' },
    });
    const arrival = inboxLineOf(msg({ action: 'field-arrival' }))!;
    expect(arrival.preference).toBe('field');
    expect(alerts(arrival, { ...all, field: false })).toBe(false);
    expect(alerts(arrival, all)).toBe(true);
    expect(inboxLineOf(msg({ action: 'updated' }))).toBeNull();
  });

  it('tells of a circuit going down or degraded, not of one coming back or of alarms', () => {
    const circuit = (state: string) =>
      msg({ kind: 'circuit', action: 'state', id: 'bank-a-MPLS-0001', data: { state } });
    const down = inboxLineOf(circuit('down'))!;
    expect(down.text).toBe('inbox.circuit.down');
    expect(down.preference).toBe('circuitFaults');
    // Circuit faults turned off: listed, not alerted.
    expect(alerts(down, { ...all, circuitFaults: false })).toBe(false);
    expect(inboxLineOf(circuit('up'))).toBeNull();
    expect(inboxLineOf(msg({ kind: 'alarm', action: 'raised' }))).toBeNull();
  });
});
