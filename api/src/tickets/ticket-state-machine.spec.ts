import { checkTransition, nextStatuses } from './ticket-state-machine';
import { TICKET_STATUSES } from './ticket.document';

describe('ticket state machine', () => {
  it('walks the happy path with the roles that own each step', () => {
    expect(checkTransition('acknowledged', 'inProgress', 'noc')).toEqual({
      ok: true,
      reasonRequired: false,
    });
    expect(checkTransition('inProgress', 'pending', 'field')).toEqual({
      ok: true,
      reasonRequired: true,
    });
    expect(checkTransition('pending', 'inProgress', 'customer').ok).toBe(true);
    expect(checkTransition('inProgress', 'resolved', 'field').ok).toBe(true);
    expect(checkTransition('resolved', 'closed', 'customer').ok).toBe(true);
    expect(checkTransition('resolved', 'closed', 'system').ok).toBe(true);
  });

  it('tells an illegal transition from one the role may not make', () => {
    expect(checkTransition('acknowledged', 'closed', 'customer')).toMatchObject({
      ok: false,
      reason: 'illegal',
    });
    expect(checkTransition('resolved', 'closed', 'noc')).toMatchObject({
      ok: false,
      reason: 'role',
      allowedBy: ['customer', 'system'],
    });
    expect(checkTransition('inProgress', 'resolved', 'customer')).toMatchObject({
      ok: false,
      reason: 'role',
    });
  });

  it('lets nothing leave a final status', () => {
    for (const from of ['closed', 'cancelled', 'rejected'] as const) {
      for (const to of TICKET_STATUSES) {
        for (const actor of ['customer', 'noc', 'field', 'system'] as const) {
          expect(checkTransition(from, to, actor).ok).toBe(false);
        }
      }
    }
  });

  it('lists the next statuses per actor', () => {
    expect(nextStatuses('resolved', 'customer').sort()).toEqual(['closed', 'reopened']);
    expect(nextStatuses('resolved', 'noc')).toEqual([]);
    expect(nextStatuses('acknowledged', null)).toEqual([]);
  });
});
