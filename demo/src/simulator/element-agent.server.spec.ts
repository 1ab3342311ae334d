import { fromCounter64Octets } from './counter.util';
import { buildElementMib } from './element-agent.server';
import { ifEntryCell, ifXEntryCell, systemScalar, upTimeTicks } from './element-mib.view';
import { buildSimulatedNetwork } from './simulated-network.model';
import { tinyInventory } from './tiny-inventory.fixture';

const T0 = Date.UTC(2026, 10, 18, 2, 0, 0);
const network = buildSimulatedNetwork(tinyInventory(), 7, T0);
const cpe = network.elements.get('cpe-1')!;
const pe = network.elements.get('pe-1')!;

function compareOids(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Every instance OID of the Mib, in GETNEXT order from the root. */
function walk(oid: string): string[] {
  const mib = buildElementMib(cpe, () => T0);
  const out: string[] = [];
  let node = mib.getTreeNode(oid).getNextInstanceNode();
  while (node) {
    out.push(node.oid);
    node = mib.getTreeNode(node.oid).getNextInstanceNode();
  }
  return out;
}

describe("an element's MIB", () => {
  it('orders every OID lexicographically by sub-identifier (ifIndex 10 after 2)', () => {
    const oids = walk('1.3.6.1');
    expect(oids[0]).toBe('1.3.6.1.2.1.1.1.0');
    for (let i = 1; i < oids.length; i++)
      expect(compareOids(oids[i - 1]!, oids[i]!)).toBeLessThan(0);
    expect(oids.filter((o) => o.startsWith('1.3.6.1.2.1.2.2.1.1.'))).toEqual([
      '1.3.6.1.2.1.2.2.1.1.1',
      '1.3.6.1.2.1.2.2.1.1.2',
      '1.3.6.1.2.1.2.2.1.1.10',
    ]);
    expect(oids[oids.length - 1]).toBe('1.3.6.1.2.1.31.1.1.1.18.10');
  });

  it('finds the next instance from an OID that is not in the MIB', () => {
    const mib = buildElementMib(cpe, () => T0);
    expect(mib.getTreeNode('1.3.6.1.2.1.2.2.1.8.3').getNextInstanceNode()?.oid).toBe(
      '1.3.6.1.2.1.2.2.1.8.10',
    );
    expect(mib.getTreeNode('1.3.6.1.2.1.31.1.1.1.6').getNextInstanceNode()?.oid).toBe(
      '1.3.6.1.2.1.31.1.1.1.6.1',
    );
    expect(mib.getTreeNode('1.3.6.1.2.1.31.1.1.1.18.10').getNextInstanceNode()).toBeNull();
  });

  it('serves the system group and interface cells from the model', () => {
    expect(systemScalar(cpe, 'sysName', T0)).toBe('CPE-1');
    expect(systemScalar(cpe, 'ifNumber', T0)).toBe(3);
    expect(upTimeTicks(cpe, cpe.bootAtMs + 12_345)).toBe(1234);
    const core = pe.byIfIndex.get(2)!;
    expect(ifEntryCell(pe, core, 5, T0)).toBe(4294967295);
    expect(ifXEntryCell(core, 15, T0)).toBe(100_000);
    const hc = ifXEntryCell(core, 6, T0 + 60_000) as Buffer;
    expect(fromCounter64Octets(hc)).toBe(core.counters.totals(T0 + 60_000).inOctets % 2n ** 64n);
    expect(ifEntryCell(pe, core, 10, T0 + 60_000)).toBe(
      Number(core.counters.totals(T0 + 60_000).inOctets % 2n ** 32n),
    );
  });
});
