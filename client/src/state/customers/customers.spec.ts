import { TestBed } from '@angular/core/testing';
import type { Action } from '@ngrx/store';
import { ReplaySubject, firstValueFrom, take, toArray } from 'rxjs';

import type { UserDto } from '../../generated/models/user-dto';
import { CircuitsService } from '../../generated/services/circuits.service';
import { setUpApiTestBed } from '../testing/api-test-bed';
import { CustomersApiActions } from './customers-api.actions';
import { CustomersPageActions } from './customers-page.actions';
import { customerIdsOf, loadCustomerHealth } from './customers.effects';
import { customersFeature, initialCustomersState } from './customers.feature';

const user = (over: Partial<UserDto>): UserDto =>
  ({ id: 'u', assignedCustomerIds: [], customerId: null, ...over }) as UserDto;

describe('customers feature', () => {
  it('makes a card per customer, named once its health is read', () => {
    const state = [
      CustomersPageActions.opened(),
      CustomersApiActions.idsLoaded({ customerIds: ['bank-a', 'bank-b'] }),
      CustomersApiActions.healthLoaded({
        customerId: 'bank-a',
        topology: { customerName: '甲银行' } as never,
      }),
      CustomersApiActions.customerFailed({
        customerId: 'bank-b',
        error: { status: 404, title: '', detail: 'gone' },
      }),
    ].reduce(customersFeature.reducer, initialCustomersState);
    const cards = customersFeature.selectCards.projector(
      state.ids,
      state.health,
      state.availability,
    );
    expect(cards.map((c) => [c.customerId, c.name])).toEqual([
      ['bank-a', '甲银行'],
      ['bank-b', null],
    ]);
    expect(cards[1]!.health.error?.status).toBe(404);
    expect(customersFeature.selectOptions.projector(state.ids, state.health)).toEqual([
      { id: 'bank-a', name: '甲银行' },
      { id: 'bank-b', name: 'bank-b' },
    ]);
  });
});

describe('customers effects', () => {
  it('knows an account manager’s customers and a customer user’s own without asking', async () => {
    setUpApiTestBed({});
    const circuits = TestBed.inject(CircuitsService);
    expect(
      await firstValueFrom(
        customerIdsOf(
          user({ role: 'account-manager', assignedCustomerIds: ['bank-b', 'bank-a'] }),
          circuits,
        ),
      ),
    ).toEqual(['bank-b', 'bank-a']);
    expect(
      await firstValueFrom(
        customerIdsOf(user({ role: 'customer-admin', customerId: 'bank-a' }), circuits),
      ),
    ).toEqual(['bank-a']);
  });

  it('collects the NOC’s customers from every page of circuits', async () => {
    const http = setUpApiTestBed({});
    const circuits = TestBed.inject(CircuitsService);
    const out = firstValueFrom(customerIdsOf(user({ role: 'noc-operator' }), circuits));
    const first = http.expectOne((r) => r.params.get('page') === '1');
    first.flush({
      items: [{ customerId: 'bank-b' }, { customerId: 'bank-a' }],
      page: 1,
      pageSize: 500,
      total: 501,
    });
    http
      .expectOne((r) => r.params.get('page') === '2')
      .flush({ items: [{ customerId: 'bank-c' }], page: 2, pageSize: 500, total: 501 });
    expect(await out).toEqual(['bank-a', 'bank-b', 'bank-c']);
  });

  it('reads each customer’s health and availability', async () => {
    const actions$ = new ReplaySubject<Action>();
    const http = setUpApiTestBed({ actions$: () => actions$ });
    const out = TestBed.runInInjectionContext(() =>
      firstValueFrom(loadCustomerHealth().pipe(take(2), toArray())),
    );
    actions$.next(CustomersApiActions.idsLoaded({ customerIds: ['bank-a'] }));
    const topo = http.expectOne((r) => r.url === '/api/v1/topology');
    expect(topo.request.params.get('customerId')).toBe('bank-a');
    expect(topo.request.params.get('format')).toBe('circuit-rows');
    topo.flush({ customerName: '甲银行' });
    http.expectOne((r) => r.url === '/api/v1/availability').flush({ aggregate: {}, items: [] });
    expect((await out).map((a) => a.type).sort()).toEqual(
      [CustomersApiActions.availabilityLoaded.type, CustomersApiActions.healthLoaded.type].sort(),
    );
  });
});
