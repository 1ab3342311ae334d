import { pollOids } from './sample-assembly';
import { packVarbinds } from './varbind-packing';

describe('packVarbinds', () => {
  it('packs in order, at most perPdu each, nothing lost', () => {
    const oids = Array.from({ length: 100 }, (_, i) => `1.3.6.1.${i}`);
    const pdus = packVarbinds(oids, 48);
    expect(pdus.map((p) => p.length)).toEqual([48, 48, 4]);
    expect(pdus.flat()).toEqual(oids);
  });

  it('handles the empty and exact cases', () => {
    expect(packVarbinds([], 48)).toEqual([]);
    expect(packVarbinds(['a', 'b'], 2)).toEqual([['a', 'b']]);
    expect(() => packVarbinds(['a'], 0)).toThrow(RangeError);
  });

  it('needs ceil((1 + 8 × interfaces) / perPdu) GETs for a poll', () => {
    const interfaces = Array.from({ length: 24 }, (_, i) => ({ ifIndex: i + 1, name: `ge-0/0/${i}` }));
    const oids = pollOids(interfaces);
    expect(oids).toHaveLength(1 + 8 * 24);
    expect(oids[0]).toBe('1.3.6.1.2.1.1.3.0');
    expect(packVarbinds(oids, 48)).toHaveLength(Math.ceil(193 / 48));
  });
});
