import {
  type AlarmPlace,
  SIBLING_WINDOW_MS,
  correlate,
  correlationKeysOf,
  keysToSearch,
} from './alarm-correlation';

const T = Date.UTC(2026, 10, 22, 8, 0, 0);
const itf = (id: string, objectId: string, raisedAt = T): AlarmPlace => ({
  id,
  kind: 'interface',
  deviceId: objectId.slice(0, objectId.lastIndexOf(':')),
  objectId,
  raisedAt,
});
const element = (id: string, deviceId: string, raisedAt = T): AlarmPlace => ({
  id,
  kind: 'element',
  deviceId,
  objectId: deviceId,
  raisedAt,
});

// acc-1:3 ⇄ pe-1:7 ; acc-2:1 ⇄ pe-1:8 ; acc-3:1 ⇄ pe-1:9 (the access nodes all face pe-1)
const facingPe = ['acc-1:3', 'acc-2:1', 'acc-3:1'];
const fromAcc1 = { peer: { interfaceId: 'pe-1:7', deviceId: 'pe-1' }, facing: facingPe };

describe('correlate', () => {
  it('correlates the two ends of one link, without naming a root', () => {
    const d = correlate(itf('new', 'acc-1:3'), fromAcc1, [itf('far', 'pe-1:7')]);
    expect(d).toEqual({ rootCauses: [], rootOf: [], correlated: ['far'] });
  });

  it('correlates two alarms on the same interface', () => {
    const d = correlate(itf('new', 'acc-1:3'), fromAcc1, [itf('poll', 'acc-1:3')]);
    expect(d.correlated).toEqual(['poll']);
  });

  it('correlates neighbours facing one element when raised close together', () => {
    const d = correlate(itf('new', 'acc-1:3'), fromAcc1, [
      itf('n2', 'acc-2:1', T - 30_000),
      itf('n3-late', 'acc-3:1', T - SIBLING_WINDOW_MS - 1),
    ]);
    expect(d.correlated).toEqual(['n2']);
  });

  it('does not correlate unrelated interfaces (another port of the same element, elsewhere)', () => {
    const d = correlate(itf('new', 'acc-1:3'), fromAcc1, [
      itf('same-device', 'acc-1:4'),
      itf('elsewhere', 'core-9:1'),
      itf('new', 'acc-1:3'),
    ]);
    expect(d).toEqual({ rootCauses: [], rootOf: [], correlated: [] });
  });

  it('takes an element alarm on either end as the root cause of an interface alarm', () => {
    const d = correlate(itf('new', 'acc-1:3'), fromAcc1, [
      element('pe-down', 'pe-1'),
      element('acc-down', 'acc-1'),
      element('other', 'core-9'),
    ]);
    expect(d.rootCauses).toEqual(['acc-down', 'pe-down']);
  });

  it('makes an element alarm the root of its own and its facing neighbours interface alarms', () => {
    const d = correlate(element('pe-down', 'pe-1'), { peer: null, facing: facingPe }, [
      itf('own', 'pe-1:7'),
      itf('n1', 'acc-1:3'),
      itf('unrelated', 'acc-1:4'),
      element('other-element', 'acc-2'),
    ]);
    expect(d).toEqual({ rootCauses: [], rootOf: ['n1', 'own'], correlated: [] });
  });

  it('keys an interface alarm by its element and the element it faces', () => {
    expect(correlationKeysOf(itf('new', 'acc-1:3'), fromAcc1)).toEqual(['dev:acc-1', 'faces:pe-1']);
    expect(correlationKeysOf(itf('new', 'acc-1:9'), { peer: null, facing: [] })).toEqual([
      'dev:acc-1',
    ]);
    expect(correlationKeysOf(element('e', 'pe-1'), { peer: null, facing: facingPe })).toEqual([
      'dev:pe-1',
    ]);
  });

  it('searches what can relate: both ends elements, and what faces the far end or the element', () => {
    expect(keysToSearch(itf('new', 'acc-1:3'), fromAcc1)).toEqual([
      'dev:acc-1',
      'dev:pe-1',
      'faces:pe-1',
    ]);
    expect(keysToSearch(element('e', 'pe-1'), { peer: null, facing: facingPe })).toEqual([
      'dev:pe-1',
      'faces:pe-1',
    ]);
  });

  it('finds every related alarm through those keys (search keys ∩ stored keys)', () => {
    // Each candidate's stored keys, as ingestion wrote them.
    const stored: Record<string, string[]> = {
      far: ['dev:pe-1', 'faces:acc-1'],
      sibling: ['dev:acc-2', 'faces:pe-1'],
      same: ['dev:acc-1', 'faces:pe-1'],
      elementAlarm: ['dev:pe-1'],
    };
    const search = new Set(keysToSearch(itf('new', 'acc-1:3'), fromAcc1));
    for (const [name, keys] of Object.entries(stored)) {
      expect([name, keys.some((k) => search.has(k))]).toEqual([name, true]);
    }
  });
});
