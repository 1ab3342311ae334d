import { distribute } from './customer-estate.builder';

describe('distribute', () => {
  it('splits a total by weight without losing any', () => {
    expect(distribute(10, [1, 1])).toEqual([5, 5]);
    expect(distribute(7, [3, 1, 1]).reduce((s, n) => s + n, 0)).toBe(7);
    expect(
      distribute(155, [30, 8, 8, 7, 5, 5, 6, 5, 3, 6, 5, 4, 5]).reduce((s, n) => s + n, 0),
    ).toBe(155);
  });
});
