import { tabsFor } from './tabs.page';

describe('tabsFor', () => {
  it('gives customers their status, circuits and tickets, field engineers their jobs', () => {
    expect(tabsFor('customer-engineer').map((t) => t.tab)).toEqual([
      'home',
      'circuits',
      'tickets',
      'inbox',
      'me',
    ]);
    expect(tabsFor('field-engineer').map((t) => t.tab)).toEqual(['jobs', 'inbox', 'me']);
  });
});
