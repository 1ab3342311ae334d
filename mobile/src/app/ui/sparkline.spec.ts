import { sparklinePath } from './sparkline';

describe('sparklinePath', () => {
  it('scales the series into the box, the top value at the top edge', () => {
    expect(sparklinePath([0, 5, 10], 100, 50)).toBe('M0,50 L50,25 L100,0');
  });

  it('clips to a given maximum and draws nothing without points', () => {
    expect(sparklinePath([20, 0], 10, 10, 10)).toBe('M0,0 L10,10');
    expect(sparklinePath([], 10, 10)).toBe('');
    expect(sparklinePath([0, 0], 10, 10)).toBe('M0,10 L10,10');
  });
});
