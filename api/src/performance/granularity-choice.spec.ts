import { chooseSource } from './granularity-choice';

const H = 3_600_000;
const D = 24 * H;

describe('chooseSource', () => {
  it.each([
    [1 * H, 'raw'],
    [6 * H, 'raw'],
    [6 * H + 1, '5m'],
    [3 * D, '5m'],
    [3 * D + 1, '1h'],
    [60 * D, '1h'],
    [60 * D + 1, '1d'],
    [400 * D, '1d'],
  ])('a range of %d ms reads %s', (span, source) => {
    expect(chooseSource(1_000_000, 1_000_000 + span)).toBe(source);
  });
});
