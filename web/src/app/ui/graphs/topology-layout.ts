/**
 * A preset layout for a customer's whole network (`GET /topology?format=cytoscape`):
 * computed once, in one pass, instead of a force-directed layout that would spin the CPU
 * for seconds on 600 nodes. Compounds (org units, sites, the operator group) are packed
 * recursively in shelves; Cytoscape draws each compound around its children, so only
 * leaves get positions. The customer's hierarchy sits on the left, the shared operator
 * network on the right, its elements in rows by role (access, PE, core).
 */
export interface LayoutNode {
  id: string;
  parent?: string | undefined;
  /** Sort and grouping hints. */
  kind: 'org' | 'site' | 'element' | 'group' | 'other';
  role?: string | undefined;
  label?: string | undefined;
}

export interface Point {
  x: number;
  y: number;
}

const LEAF_W = 70;
const LEAF_H = 56;
const PAD = 18;
const HEADER = 22;
const GAP = 14;
const ROLE_ORDER = ['access', 'pe', 'core'];

interface Box {
  w: number;
  h: number;
  /** Places the box's leaves with its top-left corner at (x, y). */
  place(x: number, y: number, out: Map<string, Point>): void;
}

export function layoutTopology(nodes: readonly LayoutNode[]): Map<string, Point> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, LayoutNode[]>();
  const roots: LayoutNode[] = [];
  for (const node of nodes) {
    if (node.parent && byId.has(node.parent)) {
      children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
    } else {
      roots.push(node);
    }
  }

  const order = (a: LayoutNode, b: LayoutNode): number => {
    const rank = (n: LayoutNode) => (n.kind === 'org' ? 0 : n.kind === 'site' ? 1 : 2);
    const role = (n: LayoutNode) => {
      const i = ROLE_ORDER.indexOf(n.role ?? '');
      return i === -1 ? ROLE_ORDER.length : i;
    };
    return (
      rank(a) - rank(b) ||
      role(a) - role(b) ||
      (a.label ?? a.id).localeCompare(b.label ?? b.id, 'zh-CN') ||
      a.id.localeCompare(b.id)
    );
  };

  const box = (node: LayoutNode): Box => {
    const kids = (children.get(node.id) ?? []).slice().sort(order);
    if (!kids.length) {
      return {
        w: LEAF_W,
        h: LEAF_H,
        place: (x, y, out) => out.set(node.id, { x: x + LEAF_W / 2, y: y + LEAF_H / 2 }),
      };
    }
    const boxes = kids.map((k) => ({ node: k, box: box(k) }));
    // The operator group: one row per role; elsewhere shelves of a width that keeps the
    // compound roughly 16:10.
    const byRole = node.kind === 'group';
    const area = boxes.reduce((sum, b) => sum + (b.box.w + GAP) * (b.box.h + GAP), 0);
    const maxRow = Math.max(...boxes.map((b) => b.box.w), Math.sqrt(area * 1.6));
    type Placed = { box: Box; dx: number; dy: number };
    const placed: Placed[] = [];
    let x = 0;
    let y = 0;
    let rowH = 0;
    let width = 0;
    let lastRole: string | undefined;
    for (const { node: kid, box: b } of boxes) {
      const newRole = byRole && lastRole !== undefined && kid.role !== lastRole;
      if (x > 0 && (x + b.w > maxRow * (byRole ? 3 : 1) || newRole)) {
        x = 0;
        y += rowH + GAP * (newRole ? 3 : 1);
        rowH = 0;
      }
      placed.push({ box: b, dx: x, dy: y });
      x += b.w + GAP;
      rowH = Math.max(rowH, b.h);
      width = Math.max(width, x - GAP);
      lastRole = kid.role;
    }
    const innerH = y + rowH;
    return {
      w: width + 2 * PAD,
      h: innerH + 2 * PAD + HEADER,
      place: (ox, oy, out) => {
        for (const p of placed) p.box.place(ox + PAD + p.dx, oy + PAD + HEADER + p.dy, out);
      },
    };
  };

  const out = new Map<string, Point>();
  const customer = roots.filter((r) => r.kind !== 'group').sort(order);
  const operator = roots.filter((r) => r.kind === 'group');
  let x = 0;
  let customerHeight = 0;
  for (const root of customer) {
    const b = box(root);
    b.place(x, 0, out);
    x += b.w + 80;
    customerHeight = Math.max(customerHeight, b.h);
  }
  x += 160;
  for (const root of operator) {
    const b = box(root);
    b.place(x, Math.max(0, (customerHeight - b.h) / 2), out);
    x += b.w + 80;
  }
  return out;
}

/** The layout hints of the API's Cytoscape nodes (classes `org-unit`, `site`, `element role-pe`, `operator-network`). */
export function layoutNodeOf(element: {
  data: Record<string, unknown>;
  classes: string;
}): LayoutNode {
  const classes = element.classes.split(' ');
  const kind: LayoutNode['kind'] = classes.includes('org-unit')
    ? 'org'
    : classes.includes('site')
      ? 'site'
      : classes.includes('operator-network')
        ? 'group'
        : classes.includes('element')
          ? 'element'
          : 'other';
  const role = classes.find((c) => c.startsWith('role-'))?.slice(5);
  const parent = element.data['parent'];
  const label = element.data['label'];
  return {
    id: String(element.data['id']),
    parent: typeof parent === 'string' ? parent : undefined,
    kind,
    role,
    label: typeof label === 'string' ? label : undefined,
  };
}
