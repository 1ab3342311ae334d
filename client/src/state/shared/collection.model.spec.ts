import {
  circuitsFound,
  circuitsSearching,
  upsertById,
  upsertLoaded,
  withPending,
  withoutPending,
} from './collection.model';
import { idle } from './loadable.model';

describe('collection helpers', () => {
  const a = { id: 'a', v: 1 };
  const b = { id: 'b', v: 1 };

  it('puts a changed item in place and a new one first', () => {
    expect(upsertById([a, b], { id: 'b', v: 2 })).toEqual([a, { id: 'b', v: 2 }]);
    expect(upsertById([a], b)).toEqual([b, a]);
    expect(upsertLoaded(idle<(typeof a)[]>(), a).data).toEqual([a]);
  });

  it('keeps each pending id once', () => {
    expect(withPending(['x', 'y'], 'x')).toEqual(['y', 'x']);
    expect(withoutPending(['x', 'y'], 'x')).toEqual(['y']);
  });

  it('keeps circuits only for the query asked last', () => {
    const asked = circuitsSearching({ circuitQuery: '', circuits: idle() }, 'new');
    expect(asked.circuits.loading).toBe(true);
    expect(circuitsFound(asked, 'old', [])).toBe(asked);
    const found = circuitsFound(asked, 'new', []).circuits;
    expect([found.data, found.loading]).toEqual([[], false]);
  });
});
