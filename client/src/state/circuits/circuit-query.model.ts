import type { CircuitsList$Params } from '../../generated/fn/circuits/circuits-list';

/** What the circuit table shows: the search and filters of GET /circuits, and its sort. */
export interface CircuitQuery {
  q: string;
  state: 'up' | 'degraded' | 'down' | null;
  product: 'leased-line' | 'mpls-vpn' | 'internet' | 'vpdn' | null;
  hasAlarm: boolean | null;
  orgUnitId: string | null;
  siteId: string | null;
  customerId: string | null;
  /** A sort key of the API (`name`, `-bandwidthBps`, …). */
  sort: string;
}

export const CIRCUIT_SORT_KEYS = [
  'id',
  'name',
  'product',
  'state',
  'stateSince',
  'bandwidthBps',
  'slaClass',
  'customerId',
  'orgUnitId',
] as const;

export const emptyCircuitQuery: CircuitQuery = {
  q: '',
  state: null,
  product: null,
  hasAlarm: null,
  orgUnitId: null,
  siteId: null,
  customerId: null,
  sort: 'state,name',
};

/** Rows per request: the API allows 500; 100 keeps the first screen quick. */
export const CIRCUIT_PAGE_SIZE = 100;

export function circuitListParams(query: CircuitQuery, page: number): CircuitsList$Params {
  const params: CircuitsList$Params = { page, pageSize: CIRCUIT_PAGE_SIZE, sort: query.sort };
  if (query.q.trim()) params.q = query.q.trim();
  if (query.state) params.state = query.state;
  if (query.product) params.product = query.product;
  if (query.hasAlarm !== null) params.hasAlarm = query.hasAlarm;
  if (query.orgUnitId) params.orgUnitId = query.orgUnitId;
  if (query.siteId) params.siteId = query.siteId;
  if (query.customerId) params.customerId = query.customerId;
  return params;
}

/** The pages a visible row range needs (0-based rows, inclusive). */
export function pagesFor(start: number, end: number, total: number | null): number[] {
  const last = total === null ? end : Math.min(end, Math.max(0, total - 1));
  if (total === 0 || last < start) return total === null ? [1] : [];
  const first = Math.floor(Math.max(0, start) / CIRCUIT_PAGE_SIZE) + 1;
  const final = Math.floor(last / CIRCUIT_PAGE_SIZE) + 1;
  const pages: number[] = [];
  for (let p = first; p <= final; p++) pages.push(p);
  return pages;
}

/** The query as URL parameters (the table's state survives a reload and can be linked). */
export function queryToParams(query: CircuitQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.q) out['q'] = query.q;
  if (query.state) out['state'] = query.state;
  if (query.product) out['product'] = query.product;
  if (query.hasAlarm !== null) out['alarm'] = String(query.hasAlarm);
  if (query.orgUnitId) out['orgUnit'] = query.orgUnitId;
  if (query.siteId) out['site'] = query.siteId;
  if (query.customerId) out['customer'] = query.customerId;
  if (query.sort !== emptyCircuitQuery.sort) out['sort'] = query.sort;
  return out;
}

export function queryFromParams(params: Record<string, string | undefined>): CircuitQuery {
  const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[]): T | null =>
    allowed.find((a) => a === value) ?? null;
  const sort = params['sort'] ?? '';
  const sortOk = sort
    .split(',')
    .every((k) => (CIRCUIT_SORT_KEYS as readonly string[]).includes(k.replace(/^-/, '')));
  return {
    q: (params['q'] ?? '').slice(0, 100),
    state: oneOf(params['state'], ['up', 'degraded', 'down'] as const),
    product: oneOf(params['product'], ['leased-line', 'mpls-vpn', 'internet', 'vpdn'] as const),
    hasAlarm: params['alarm'] === 'true' ? true : params['alarm'] === 'false' ? false : null,
    orgUnitId: params['orgUnit'] || null,
    siteId: params['site'] || null,
    customerId: params['customer'] || null,
    sort: sort && sortOk ? sort : emptyCircuitQuery.sort,
  };
}
