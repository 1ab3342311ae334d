import { type NetworkInventory } from '@circuitcare/topology';

export interface InventorySummaryRow {
  group: string;
  key: string;
  count: number;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** Counts per collection, element role, link kind and circuit product × customer. */
export function summarizeInventory(inv: NetworkInventory): InventorySummaryRow[] {
  const rows: InventorySummaryRow[] = [];
  const push = (group: string, counts: Map<string, number>) => {
    for (const [key, count] of counts) rows.push({ group, key, count });
  };
  push(
    'collection',
    new Map(
      Object.entries(inv).map(
        ([name, docs]) => [name, (docs as unknown[]).length] as [string, number],
      ),
    ),
  );
  push(
    'element role',
    countBy(inv.elements, (e) => e.role),
  );
  push(
    'elements by customer',
    countBy(inv.elements, (e) => e.customerId ?? 'operator'),
  );
  push(
    'sites by customer',
    countBy(inv.sites, (s) => s.customerId ?? 'operator'),
  );
  push(
    'link kind',
    countBy(inv.links, (l) => l.kind),
  );
  push(
    'circuits',
    countBy(inv.circuits, (c) => `${c.customerId} ${c.product}`),
  );
  push(
    'sla class',
    countBy(inv.circuits, (c) => c.slaClass),
  );
  return rows;
}

export function formatSummary(rows: readonly InventorySummaryRow[]): string {
  const width = Math.max(...rows.map((r) => r.group.length + r.key.length + 3));
  return rows
    .map((r) => `${`${r.group} / ${r.key}`.padEnd(width)} ${String(r.count).padStart(6)}`)
    .join('\n');
}
