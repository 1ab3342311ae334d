import type { TicketSummaryDto } from '../../generated/models/ticket-summary-dto';
import type { CustomerCard } from '../customers/customers.feature';
import { idle, loaded } from '../shared/loadable.model';
import { selectAccountCustomers, ticketsByCustomer } from './account-manager.selectors';

const ticket = (id: string, customerId: string, over: Partial<TicketSummaryDto> = {}) =>
  ({
    id,
    customerId,
    name: id,
    priority: 'P2',
    restoreBreached: false,
    restoreDueAt: null,
    lastUpdate: '2026-12-03T00:00:00Z',
    ...over,
  }) as TicketSummaryDto;

const card = (customerId: string, down: number, degraded = 0): CustomerCard => ({
  customerId,
  name: customerId,
  health: loaded({
    customerName: customerId,
    summary: { circuits: { up: 10, degraded, down, unknown: 0 } },
  } as never),
  availability: idle(),
});

describe('account manager selectors', () => {
  it('groups open tickets by customer, most urgent first', () => {
    const byCustomer = ticketsByCustomer([
      ticket('a1', 'bank-a', { restoreDueAt: '2026-12-03T10:00:00Z' }),
      ticket('b1', 'bank-b'),
      ticket('a2', 'bank-a', { restoreBreached: true }),
    ]);
    expect(byCustomer.get('bank-a')?.map((t) => t.id)).toEqual(['a2', 'a1']);
    expect(byCustomer.get('bank-b')?.map((t) => t.id)).toEqual(['b1']);
  });

  it('puts the customer with down circuits first, then breached tickets, then degraded', () => {
    const rows = selectAccountCustomers.projector(
      [card('calm', 0), card('degraded', 0, 3), card('late', 0), card('down', 2)],
      loaded({
        items: [ticket('t1', 'late', { restoreBreached: true }), ticket('t2', 'down')],
        page: 1,
        pageSize: 50,
        total: 2,
      }),
    );
    expect(rows.map((r) => r.customerId)).toEqual(['down', 'late', 'degraded', 'calm']);
    expect(rows[1]).toMatchObject({ breachedTickets: 1, openTickets: [{ id: 't1' }] });
    expect(rows[0]!.circuits).toEqual({ up: 10, degraded: 0, down: 2, unknown: 0 });
  });
});
