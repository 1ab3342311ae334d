import { type Fault, type FaultTopology, computeState, trapsForChange } from './fault-state.model';

/** a:1 —L1— b:2, b:1 —L2— c:1; c:2 unlinked. */
const topology: FaultTopology = {
  interfacesByElement: new Map([
    ['a', ['a:1']],
    ['b', ['b:1', 'b:2']],
    ['c', ['c:1', 'c:2']],
  ]),
  linkEnds: new Map<string, readonly [string, string]>([
    ['L1', ['a:1', 'b:2']],
    ['L2', ['b:1', 'c:1']],
  ]),
  linkOfInterface: new Map([
    ['a:1', 'L1'],
    ['b:2', 'L1'],
    ['b:1', 'L2'],
    ['c:1', 'L2'],
  ]),
};

const fault = (id: string, f: Omit<Fault, 'id' | 'createdAt'>): Fault => ({
  id,
  createdAt: '2026-11-22T00:00:00Z',
  ...f,
});
const none = computeState(topology, []);

describe('fault state machine', () => {
  it('starts with everything up', () => {
    expect(
      [...none.interfaces.values()].every(
        (s) => s.operUp && s.adminUp && !s.congested && !s.errored,
      ),
    ).toBe(true);
    expect(none.deadElements.size).toBe(0);
  });

  it('link down: both ends oper down, a linkDown from each element', () => {
    const after = computeState(topology, [fault('f1', { kind: 'link-down', linkId: 'L1' })]);
    expect(after.interfaces.get('a:1')).toMatchObject({ adminUp: true, operUp: false });
    expect(after.interfaces.get('b:2')?.operUp).toBe(false);
    expect(after.interfaces.get('b:1')?.operUp).toBe(true);
    expect(trapsForChange(none, after)).toEqual([
      { kind: 'linkDown', elementId: 'a', ifIndex: 1, adminUp: true, operUp: false },
      { kind: 'linkDown', elementId: 'b', ifIndex: 2, adminUp: true, operUp: false },
    ]);
    expect(trapsForChange(after, none).map((t) => t.kind)).toEqual(['linkUp', 'linkUp']);
  });

  it('element down: it falls silent, its neighbours report their link interfaces down', () => {
    const after = computeState(topology, [fault('f1', { kind: 'element-down', elementId: 'b' })]);
    expect(after.deadElements.has('b')).toBe(true);
    expect(trapsForChange(none, after)).toEqual([
      { kind: 'linkDown', elementId: 'a', ifIndex: 1, adminUp: true, operUp: false },
      { kind: 'linkDown', elementId: 'c', ifIndex: 1, adminUp: true, operUp: false },
    ]);
    // Back up: coldStart from it, linkUp from the neighbours.
    expect(trapsForChange(after, none)).toEqual([
      { kind: 'coldStart', elementId: 'b' },
      { kind: 'linkUp', elementId: 'a', ifIndex: 1, adminUp: true, operUp: true },
      { kind: 'linkUp', elementId: 'c', ifIndex: 1, adminUp: true, operUp: true },
    ]);
  });

  it('interface down: admin and oper down there, no carrier on the far end', () => {
    const after = computeState(topology, [
      fault('f1', { kind: 'interface-down', elementId: 'c', ifIndex: 1 }),
    ]);
    expect(after.interfaces.get('c:1')).toMatchObject({ adminUp: false, operUp: false });
    expect(after.interfaces.get('b:1')).toMatchObject({ adminUp: true, operUp: false });
    expect(trapsForChange(none, after)).toHaveLength(2);
  });

  it('overlapping faults: lifting one of two keeps the link down and sends nothing', () => {
    const both = computeState(topology, [
      fault('f1', { kind: 'link-down', linkId: 'L2' }),
      fault('f2', { kind: 'element-down', elementId: 'c' }),
    ]);
    const one = computeState(topology, [fault('f1', { kind: 'link-down', linkId: 'L2' })]);
    expect(one.interfaces.get('b:1')?.operUp).toBe(false);
    expect(trapsForChange(both, one)).toEqual([{ kind: 'coldStart', elementId: 'c' }]);
  });

  it('degradations apply to interfaces or whole links, and not to down interfaces', () => {
    const s = computeState(topology, [
      fault('f1', { kind: 'congestion', elementId: 'c', ifIndex: 2 }),
      fault('f2', { kind: 'errors', linkId: 'L1' }),
      fault('f3', { kind: 'congestion', linkId: 'L2' }),
      fault('f4', { kind: 'link-down', linkId: 'L2' }),
    ]);
    expect(s.interfaces.get('c:2')?.congested).toBe(true);
    expect(s.interfaces.get('a:1')?.errored).toBe(true);
    expect(s.interfaces.get('b:2')?.errored).toBe(true);
    expect(s.interfaces.get('b:1')?.congested).toBe(false);
    expect(
      trapsForChange(none, computeState(topology, [fault('f1', { kind: 'errors', linkId: 'L1' })])),
    ).toEqual([]);
  });
});
