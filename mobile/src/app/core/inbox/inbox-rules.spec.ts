import type { ChangeEventMessageDto } from '@circuitcare/client';

import { inboxLineOf, preferenceOf } from './inbox-rules';

const msg = (over: Partial<ChangeEventMessageDto>): ChangeEventMessageDto => ({
  kind: 'ticket',
  action: 'status',
  id: 'TT-1',
  time: '2026-12-03T10:00:00Z',
  data: { version: 4, name: 'Outlet down', status: 'resolved' },
  ...over,
});
const all = { status: true, notes: true, field: true, sla: true };

describe('inbox rules', () => {
  it('files ticket changes under the preference that governs them', () => {
    expect(preferenceOf('status')).toBe('status');
    expect(preferenceOf('dispatched')).toBe('status');
    expect(preferenceOf('note')).toBe('notes');
    expect(preferenceOf('field-progress')).toBe('field');
    expect(preferenceOf('sla-breach')).toBe('sla');
    expect(preferenceOf('updated')).toBeNull();
  });

  it('keeps one line per ticket version, and none for what the user turned off', () => {
    expect(inboxLineOf(msg({}), all)).toEqual({
      key: 'ticket:TT-1:4',
      kind: 'ticket',
      objectId: 'TT-1',
      text: 'inbox.ticket.status',
      params: { id: 'TT-1', name: 'Outlet down', status: 'resolved' },
    });
    expect(inboxLineOf(msg({ action: 'field-arrival' }), { ...all, field: false })).toBeNull();
    expect(inboxLineOf(msg({ action: 'updated' }), all)).toBeNull();
  });

  it('tells of a circuit going down or degraded, not of one coming back or of alarms', () => {
    const circuit = (state: string) =>
      msg({ kind: 'circuit', action: 'state', id: 'bank-a-MPLS-0001', data: { state } });
    expect(inboxLineOf(circuit('down'), all)?.text).toBe('inbox.circuit.down');
    expect(inboxLineOf(circuit('up'), all)).toBeNull();
    expect(inboxLineOf(msg({ kind: 'alarm', action: 'raised' }), all)).toBeNull();
  });
});
