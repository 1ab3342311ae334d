import { type LayoutNode, layoutTopology } from './topology-layout';

describe('layoutTopology', () => {
  const nodes: LayoutNode[] = [
    { id: 'org:ho', kind: 'org', label: 'HO' },
    { id: 'org:city', parent: 'org:ho', kind: 'org', label: 'City' },
    { id: 'site:1', parent: 'org:city', kind: 'site' },
    { id: 'site:2', parent: 'org:city', kind: 'site' },
    { id: 'cpe-1', parent: 'site:1', kind: 'element', role: 'cpe' },
    { id: 'cpe-2', parent: 'site:1', kind: 'element', role: 'cpe' },
    { id: 'cpe-3', parent: 'site:2', kind: 'element', role: 'cpe' },
    { id: 'group:operator', kind: 'group' },
    { id: 'core-1', parent: 'group:operator', kind: 'element', role: 'core' },
    { id: 'acc-1', parent: 'group:operator', kind: 'element', role: 'access' },
    { id: 'pe-1', parent: 'group:operator', kind: 'element', role: 'pe' },
  ];

  it('places every leaf, and no compound (Cytoscape sizes those around their children)', () => {
    const at = layoutTopology(nodes);
    expect([...at.keys()].sort()).toEqual(
      ['acc-1', 'core-1', 'cpe-1', 'cpe-2', 'cpe-3', 'pe-1'].sort(),
    );
  });

  it('never puts two leaves on the same spot', () => {
    const at = [...layoutTopology(nodes).values()];
    const spots = new Set(at.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(spots.size).toBe(at.length);
  });

  it('keeps the customer left of the operator network, whose roles come in rows access → PE → core', () => {
    const at = layoutTopology(nodes);
    const cpeX = Math.max(...['cpe-1', 'cpe-2', 'cpe-3'].map((id) => at.get(id)!.x));
    for (const id of ['acc-1', 'pe-1', 'core-1']) expect(at.get(id)!.x).toBeGreaterThan(cpeX);
    expect(at.get('acc-1')!.y).toBeLessThan(at.get('pe-1')!.y);
    expect(at.get('pe-1')!.y).toBeLessThan(at.get('core-1')!.y);
  });

  it('keeps the leaves of one site together, apart from another site', () => {
    const at = layoutTopology(nodes);
    const d = (a: string, b: string) =>
      Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y);
    expect(d('cpe-1', 'cpe-2')).toBeLessThan(d('cpe-1', 'cpe-3'));
  });

  it('places every element of a picture the size of the demo customer', () => {
    // 170 org units, 170 sites, 267 elements as in the demo's bank-a.
    const big: LayoutNode[] = [
      { id: 'org:0', kind: 'org' },
      { id: 'group:operator', kind: 'group' },
    ];
    for (let i = 1; i < 170; i++)
      big.push({ id: `org:${i}`, parent: `org:${Math.floor(i / 12)}`, kind: 'org' });
    for (let i = 0; i < 170; i++) big.push({ id: `site:${i}`, parent: `org:${i}`, kind: 'site' });
    for (let i = 0; i < 200; i++)
      big.push({ id: `cpe:${i}`, parent: `site:${i % 170}`, kind: 'element', role: 'cpe' });
    for (let i = 0; i < 67; i++)
      big.push({
        id: `op:${i}`,
        parent: 'group:operator',
        kind: 'element',
        role: ['access', 'pe', 'core'][i % 3],
      });
    const at = layoutTopology(big);
    expect(at.size).toBe(267);
  });
});
