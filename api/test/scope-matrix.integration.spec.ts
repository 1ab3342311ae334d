import {
  alarmChangeEvent,
  circuitRefsOf,
  circuitStateEvent,
} from '../src/alarms/alarm-change-events';
import { COLLECTIONS } from '../src/database/collections';
import type { AlarmDocument, CircuitDocument, Role } from '../src/database/documents';
import { ChangeEventsPublisher } from '../src/events/change-events.publisher';
import { type ApiHarness, startApi } from './support/api-harness';
import {
  type EventStream,
  openEventStream,
  parseFrames,
  type SseFrame,
} from './support/scope-matrix/matrix-events';
import {
  type FixtureRef,
  type MatrixFixture,
  reachable,
  seedMatrix,
} from './support/scope-matrix/matrix-fixture';
import {
  call,
  inPool,
  normalised,
  type Reply,
  withoutEcho,
} from './support/scope-matrix/matrix-http';
import {
  ALL_COMPARTMENTS,
  forbiddenMarkers,
  inScope,
  leaksIn,
  type MatrixUser,
} from './support/scope-matrix/matrix-scope';
import {
  COMPANION_PARAMS,
  type OpenApiDocument,
  type WalkedOperation,
  walkOpenApi,
} from './support/scope-matrix/openapi-walker';

/**
 * The cross-tenant and cross-scope matrix (issue 3): walks every route of the app's live
 * OpenAPI document with a user of every role of both banks, and proves that nothing outside
 * the caller's scope comes back — not in lists, not by id, not in exports, not in error
 * messages. Routes added later are walked automatically; a route whose parameters the
 * walker cannot fill fails the first test until it is taught (openapi-walker.ts).
 */

const OPERATORS: readonly Role[] = ['noc-operator', 'platform-admin'];
const USER_ADMINS: readonly Role[] = ['customer-admin', 'platform-admin'];

/**
 * Who may use a role-restricted route, written from the issue and docs/api.md, not read
 * from the code: every other role must get 403, whatever the id. Exact keys first, then
 * path prefixes (any method).
 */
const CUSTOMER_FILERS: readonly Role[] = ['customer-admin', 'customer-engineer'];
const TICKET_FILERS: readonly Role[] = [...CUSTOMER_FILERS, ...OPERATORS];
const FIELD_WORKERS: readonly Role[] = ['field-engineer', ...OPERATORS];
const TICKET_MOVERS: readonly Role[] = [...TICKET_FILERS, 'field-engineer'];
const TICKET_WRITERS: readonly Role[] = [...TICKET_MOVERS, 'account-manager'];
const TMF = '/tmf-api/troubleTicket/v4/troubleTicket';

const ROLE_RESTRICTED: Record<string, readonly Role[]> = {
  // Tickets (docs/tickets.md): who may file, move, write, work in the field, run the NOC.
  'POST /api/v1/tickets': TICKET_FILERS,
  'POST /api/v1/tickets/provisioning-requests': CUSTOMER_FILERS,
  'GET /api/v1/tickets/teams': OPERATORS,
  'GET /api/v1/tickets/queues': OPERATORS,
  'PATCH /api/v1/tickets/{id}': OPERATORS,
  'POST /api/v1/tickets/{id}/status': TICKET_MOVERS,
  'POST /api/v1/tickets/{id}/notes': TICKET_WRITERS,
  'POST /api/v1/tickets/{id}/attachments': TICKET_WRITERS,
  'POST /api/v1/tickets/{id}/dispatch': OPERATORS,
  'POST /api/v1/tickets/{id}/merge': OPERATORS,
  'POST /api/v1/tickets/{id}/alarms': OPERATORS,
  'POST /api/v1/tickets/{id}/join': CUSTOMER_FILERS,
  'POST /api/v1/tickets/{id}/field-reports': FIELD_WORKERS,
  'POST /api/v1/tickets/{id}/stages': FIELD_WORKERS,
  'POST /api/v1/tickets/{id}/satisfaction': CUSTOMER_FILERS,
  [`POST ${TMF}`]: TICKET_FILERS,
  [`PATCH ${TMF}/{id}`]: TICKET_MOVERS,
  'POST /api/v1/maintenance-windows': OPERATORS,
  'POST /api/v1/maintenance-windows/{id}/approve': OPERATORS,
  'POST /api/v1/maintenance-windows/{id}/cancel': OPERATORS,
  'POST /api/v1/maintenance-windows/{id}/complete': OPERATORS,
  'GET /api/v1/audit': USER_ADMINS,
  'POST /api/v1/alarms/{id}/acknowledge': OPERATORS,
  'POST /api/v1/alarms/{id}/unacknowledge': OPERATORS,
  'POST /api/v1/alarms/{id}/comments': OPERATORS,
  'POST /api/v1/alarms/{id}/clear': OPERATORS,
  'GET /api/v1/elements/{id}/impact': OPERATORS,
  'GET /api/v1/elements/{id}/interfaces/{ifIndex}/impact': OPERATORS,
  'GET /api/v1/links/{id}/impact': OPERATORS,
};
/** Issue 7 (docs/reports.md): reports and statistics, schedules, assurance, announcements, plans. */
const REPORT_READERS: readonly Role[] = ['customer-admin', 'account-manager', ...OPERATORS];
const SCHEDULERS: readonly Role[] = ['account-manager', ...OPERATORS];
const ISSUE_7_RESTRICTED: Record<string, readonly Role[]> = {
  'POST /api/v1/reports': REPORT_READERS,
  'GET /api/v1/reports': REPORT_READERS,
  'GET /api/v1/reports/{id}': REPORT_READERS,
  'GET /api/v1/reports/{id}/pdf': REPORT_READERS,
  'GET /api/v1/statistics': REPORT_READERS,
  'GET /api/v1/statistics/csv': REPORT_READERS,
  'GET /api/v1/statistics/xlsx': REPORT_READERS,
  'POST /api/v1/report-schedules': SCHEDULERS,
  'GET /api/v1/report-schedules': SCHEDULERS,
  'GET /api/v1/report-schedules/{id}': SCHEDULERS,
  'PATCH /api/v1/report-schedules/{id}': SCHEDULERS,
  'DELETE /api/v1/report-schedules/{id}': SCHEDULERS,
  'POST /api/v1/assurance-windows': ['customer-admin', 'account-manager'],
  'POST /api/v1/assurance-windows/{id}/approve': OPERATORS,
  'POST /api/v1/assurance-windows/{id}/reject': OPERATORS,
  'POST /api/v1/assurance-windows/{id}/cancel': ['customer-admin', 'account-manager', ...OPERATORS],
  'POST /api/v1/announcements': OPERATORS,
  'POST /api/v1/maintenance-windows/{id}/announce': OPERATORS,
  'POST /api/v1/emergency-plans': ['customer-admin'],
  'PUT /api/v1/emergency-plans/{id}': ['customer-admin'],
};
const ROLE_RESTRICTED_PREFIXES: ReadonlyArray<[string, readonly Role[]]> = [
  ['/api/v1/users', USER_ADMINS],
];

function allowedRoles(op: WalkedOperation): readonly Role[] | null {
  const exact = ROLE_RESTRICTED[op.key] ?? ISSUE_7_RESTRICTED[op.key];
  if (exact) return exact;
  const prefix = ROLE_RESTRICTED_PREFIXES.find(
    ([p]) => op.path === p || op.path.startsWith(`${p}/`),
  );
  return prefix ? prefix[1] : null;
}

const mayUse = (user: MatrixUser, op: WalkedOperation): boolean =>
  allowedRoles(op)?.includes(user.role) ?? true;

const EMERGENCY_PLAN = {
  title: 'Matrix plan',
  contacts: [{ level: 1, name: 'Duty', role: 'duty' }],
  steps: [{ order: 1, action: 'Call the NOC', owner: 'duty' }],
};

/**
 * Valid bodies where the schema's examples are not enough, per caller (a user
 * administrator creates users in its own customer). Used instead of the sample body.
 */
const BODY_FOR: Record<string, (caller: MatrixUser) => Record<string, unknown>> = {
  'POST /api/v1/users': (caller) => ({
    username: `new.${caller.username}`,
    displayName: 'Created by the matrix',
    role: 'customer-viewer',
    password: 'Long-enough-passphrase-2026',
    ...(caller.customerId ? { customerId: caller.customerId, orgUnitId: caller.orgUnitId } : {}),
  }),
  'PATCH /api/v1/users/{id}': () => ({ displayName: 'Renamed by the matrix' }),
  'POST /api/v1/users/{id}/password': () => ({ password: 'Another-long-passphrase-2026' }),
  // The document does not carry the plan's minimum of one contact and one step.
  'POST /api/v1/emergency-plans': () => EMERGENCY_PLAN,
  'PUT /api/v1/emergency-plans/{id}': () => ({ ...EMERGENCY_PLAN, version: 1 }),
};

const bodyOf = (op: WalkedOperation, caller: MatrixUser): unknown =>
  BODY_FOR[op.key]?.(caller) ?? op.body;

/** Routes not walked here, and why. Keep this short: every entry is a hole in the matrix. */
const NOT_WALKED: Record<string, string> = {
  'POST /api/v1/auth/login': 'public; the login of every matrix user goes through it',
  'POST /api/v1/auth/login/totp': 'second step of a login; acts on the caller only',
  'POST /api/v1/auth/refresh': 'acts on the presented refresh token only',
  'POST /api/v1/auth/logout': 'acts on the caller only, and would end its session',
  'POST /api/v1/auth/password': "changes the caller's own password only",
  'POST /api/v1/auth/totp/enrol': 'acts on the caller only',
  'POST /api/v1/auth/totp/confirm': 'acts on the caller only',
  'POST /api/v1/auth/totp/disable': 'acts on the caller only',
};

/** The live stream, for `reachable`: a field engineer gets no circuit events. */
const EVENTS = 'GET /api/v1/events';

const ANONYMOUS: MatrixUser = {
  username: '(anonymous)',
  role: 'field-engineer',
  customerId: null,
  orgUnitId: null,
  assignedCustomerIds: [],
  sees: [],
};

describe('scope matrix: every route of the live OpenAPI document, every role, both banks', () => {
  let api: ApiHarness;
  let origin: string;
  let fixture: MatrixFixture;
  let operations: WalkedOperation[];
  let walkProblems: string[];
  const tokens = new Map<string, string>();
  const streams = new Map<string, EventStream>();
  /** Per list route: did any caller get a fixture marker back? (Else the scan proves nothing.) */
  const listCoverage = new Map<string, number>();
  const now = new Date();
  /** route → caller → statuses seen ("in"/"out"/"missing" for ids): printed at the end. */
  const seen = new Map<string, Map<string, Set<string>>>();
  const record = (op: WalkedOperation, caller: MatrixUser, what: string, reply: Reply): void => {
    const byCaller = seen.get(op.key) ?? new Map<string, Set<string>>();
    const statuses = byCaller.get(caller.username) ?? new Set<string>();
    statuses.add(what ? `${what}:${reply.status}` : String(reply.status));
    byCaller.set(caller.username, statuses);
    seen.set(op.key, byCaller);
  };

  beforeAll(async () => {
    api = await startApi(`api_it_matrix_${process.pid}`, {
      // Thousands of requests from one address in a few minutes: the limits are not under test.
      RATE_LIMIT_PER_ADDRESS: '1000000',
      RATE_LIMIT_PER_USER: '1000000',
      RATE_LIMIT_AUTH_PER_ADDRESS: '1000000',
    });
    origin = new URL(api.baseUrl).origin;
    fixture = await seedMatrix(api.db, now);
    for (const user of fixture.users) tokens.set(user.username, await api.login(user.username));
    // Every caller's event stream stays open through all the tests: whatever the walk
    // changes (acknowledgements, windows…) is streamed too, and scanned at the end.
    for (const user of fixture.users) {
      streams.set(user.username, await openEventStream(api.baseUrl, tokens.get(user.username)!));
    }
    const res = await fetch(`${api.baseUrl}/openapi.json`);
    expect(res.status).toBe(200);
    ({ operations, problems: walkProblems } = walkOpenApi(
      (await res.json()) as OpenApiDocument,
      now,
    ));
  }, 300_000);

  afterAll(async () => {
    for (const stream of streams.values()) await stream.close();
    await api?.close();
    // The observed matrix, for review: one line per route, each caller's statuses.
    const lines = [...seen].map(
      ([key, byCaller]) =>
        `${key}\n${[...byCaller].map(([u, s]) => `    ${u.padEnd(16)} ${[...s].sort().join(' ')}`).join('\n')}`,
    );
    console.log(`scope matrix, statuses observed:\n${lines.join('\n')}`);
  });

  const tokenOf = (user: MatrixUser): string | null => tokens.get(user.username) ?? null;
  const callers = (): MatrixUser[] => [...fixture.users, ANONYMOUS];
  const walked = (op: WalkedOperation): boolean => !op.streams && !(op.key in NOT_WALKED);
  const refsOf = (op: WalkedOperation): FixtureRef[] => fixture.refs[op.pathParam!.kind];
  const allRefs = (): FixtureRef[] => Object.values(fixture.refs).flat();

  /** Leaks in one reply: forbidden markers, and ids of objects outside the caller's scope. */
  function leaks(caller: MatrixUser, reply: Reply, echoes: readonly string[]): string[] {
    const text = withoutEcho(reply, echoes);
    const ids = allRefs()
      .filter((ref) => !inScope(caller, ref.compartments) && text.includes(ref.id))
      .map((ref) => `id ${ref.id}`);
    const all = [...leaksIn(text, forbiddenMarkers(caller)), ...ids];
    // A few per reply say enough; the rest would bury the other failures.
    return all.length > 3 ? [...all.slice(0, 3), `(and ${all.length - 3} more)`] : all;
  }

  const markersIn = (reply: Reply): number => leaksIn(reply.text, ALL_COMPARTMENTS).length;

  it('walks every route of the document (a new route must be taught to the walker)', () => {
    expect(walkProblems).toEqual([]);
    const keys = operations.map((op) => op.key);
    expect(keys).toEqual(
      expect.arrayContaining(['GET /api/v1/circuits', 'GET /api/v1/circuits/{id}']),
    );
    const streams = operations.filter((op) => op.streams).map((op) => op.key);
    for (const key of streams) expect(key).toBe('GET /api/v1/events');
    console.log(
      `scope matrix: ${operations.length} operations, ${fixture.users.length} users; ` +
        `not walked: ${[...streams, ...operations.filter((op) => op.key in NOT_WALKED).map((op) => op.key)].join(', ') || 'none'}`,
    );
  });

  /** Every GET without an id, as every caller: the failures found. */
  async function scanLists(pass: string): Promise<string[]> {
    const failures: string[] = [];
    const ops = operations.filter((op) => op.method === 'GET' && !op.pathParam && walked(op));
    await inPool(
      4,
      ops.flatMap((op) =>
        callers().map((caller) => async () => {
          const reply = await call('GET', `${origin}${op.path}${query(op)}`, tokenOf(caller));
          record(op, caller, pass, reply);
          const where = `${op.key} as ${caller.username} (${pass || 'first pass'}): ${reply.status}`;
          for (const leak of leaks(caller, reply, [])) failures.push(`${where} leaks ${leak}`);
          if (caller === ANONYMOUS) {
            if (![200, 401].includes(reply.status)) failures.push(`${where} (expected 401)`);
            return;
          }
          if (!mayUse(caller, op)) {
            if (reply.status !== 403) failures.push(`${where} (role may not use it: expected 403)`);
          } else if (reply.status === 403) {
            failures.push(
              `${where} (unexpected 403: if intended, add the route to ROLE_RESTRICTED)`,
            );
          } else if (reply.status >= 500 || ![200, 400, 404].includes(reply.status)) {
            failures.push(`${where} (expected 200, or 400/404 when the route needs a filter)`);
          }
          if (reply.status === 200) {
            listCoverage.set(op.key, (listCoverage.get(op.key) ?? 0) + markersIn(reply));
          }
        }),
      ),
    );
    return failures;
  }

  it('lists and other GETs without an id: nothing outside the caller scope, CSV included', async () => {
    expect(await scanLists('')).toEqual([]);
  }, 600_000);

  it('list filters naming objects outside the scope narrow to nothing, exactly like a missing id', async () => {
    const failures: string[] = [];
    const ops = operations.filter((op) => op.method === 'GET' && !op.pathParam && walked(op));
    await inPool(
      4,
      ops.flatMap((op) =>
        op.filters.flatMap((filter) =>
          fixture.users
            .filter((caller) => mayUse(caller, op))
            .map((caller) => async () => {
              const url = (value: string): string =>
                `${origin}${op.path}${query(op, { [filter.name]: value })}`;
              const missingId = fixture.missing[filter.kind];
              const missing = await call('GET', url(missingId), tokenOf(caller));
              for (const ref of fixture.refs[filter.kind]) {
                const reply = await call('GET', url(ref.id), tokenOf(caller));
                record(
                  op,
                  caller,
                  `${filter.name}-${reachable(caller, ref, op.key) ? 'in' : 'out'}`,
                  reply,
                );
                const where = `${op.key}?${filter.name}=${ref.id} as ${caller.username}: ${reply.status}`;
                for (const leak of leaks(caller, reply, [ref.id]))
                  failures.push(`${where} leaks ${leak}`);
                if (reply.status >= 500) failures.push(`${where} (server error)`);
                if (reply.status === 200) {
                  listCoverage.set(op.key, (listCoverage.get(op.key) ?? 0) + markersIn(reply));
                }
                if (
                  !reachable(caller, ref, op.key) &&
                  normalised(reply, ref.id) !== normalised(missing, missingId)
                ) {
                  failures.push(
                    `${where} differs from a missing ${filter.name}:\n  ${normalised(reply, ref.id).slice(0, 300)}\n  ${normalised(missing, missingId).slice(0, 300)}`,
                  );
                }
              }
            }),
        ),
      ),
    );
    expect(failures).toEqual([]);
  }, 600_000);

  it('every list route returned fixture data to somebody (else its scan proved nothing)', () => {
    const ops = operations.filter(
      (op) => op.method === 'GET' && !op.pathParam && walked(op) && !NO_CUSTOMER_DATA[op.key],
    );
    const empty = ops.filter((op) => !listCoverage.get(op.key)).map((op) => op.key);
    expect(empty).toEqual([]);
  });

  it('GET by id: in scope 2xx, out of scope exactly like a missing id (404), no echo but the id', async () => {
    const failures: string[] = [];
    const reached = new Set<string>();
    const ops = operations.filter((op) => op.method === 'GET' && op.pathParam && walked(op));
    await inPool(
      4,
      ops.flatMap((op) =>
        callers().map((caller) => async () => {
          const missingId = fixture.missing[op.pathParam!.kind];
          const missing = await call('GET', urlFor(op, missingId), tokenOf(caller));
          record(op, caller, 'missing', missing);
          const expectedMissing = caller === ANONYMOUS ? 401 : mayUse(caller, op) ? 404 : 403;
          if (missing.status !== expectedMissing) {
            failures.push(
              `${op.key} as ${caller.username} with missing ${missingId}: ${missing.status}, expected ${expectedMissing}`,
            );
          }
          for (const leak of leaks(caller, missing, [missingId]))
            failures.push(`${op.key} missing id as ${caller.username} leaks ${leak}`);
          for (const ref of refsOf(op)) {
            const reply = await call('GET', urlFor(op, ref), tokenOf(caller));
            record(op, caller, reachable(caller, ref, op.key) ? 'in' : 'out', reply);
            const where = `${op.key} {${ref.id}} as ${caller.username}: ${reply.status}`;
            for (const leak of leaks(caller, reply, [ref.id]))
              failures.push(`${where} leaks ${leak}`);
            if (reachable(caller, ref, op.key)) {
              if (!mayUse(caller, op)) {
                if (reply.status !== 403)
                  failures.push(`${where} (role may not use it: expected 403)`);
              } else if (reply.status >= 200 && reply.status < 300) {
                reached.add(op.key);
              } else {
                failures.push(`${where} (in scope: expected 2xx)`);
              }
            } else if (normalised(reply, ref.id) !== normalised(missing, missingId)) {
              failures.push(
                `${where} differs from a missing id:\n  ${normalised(reply, ref.id).slice(0, 300)}\n  ${normalised(missing, missingId).slice(0, 300)}`,
              );
            }
          }
        }),
      ),
    );
    const unreached = ops
      .filter((op) => !reached.has(op.key))
      .map((op) => `${op.key} never answered 2xx in scope`);
    expect([...failures, ...unreached]).toEqual([]);
  }, 600_000);

  it('role-restricted changes without an id answer 403 to every other role', async () => {
    const failures: string[] = [];
    const ops = operations.filter(
      (op) => op.method !== 'GET' && !op.pathParam && walked(op) && allowedRoles(op),
    );
    await inPool(
      4,
      ops.flatMap((op) =>
        fixture.users
          .filter((caller) => !mayUse(caller, op))
          .map((caller) => async () => {
            const reply = await call(
              op.method,
              urlFor(op, null),
              tokenOf(caller),
              bodyOf(op, caller),
            );
            record(op, caller, '', reply);
            const where = `${op.key} as ${caller.username}: ${reply.status}`;
            if (reply.status !== 403) failures.push(`${where} (expected 403)`);
            for (const leak of leaks(caller, reply, [])) failures.push(`${where} leaks ${leak}`);
          }),
      ),
    );
    expect(failures).toEqual([]);
  }, 600_000);

  // Last: these change data (on in-scope objects, with sample bodies).
  it('changes by id: out of scope exactly like a missing id (404) and nothing changed; in scope reached', async () => {
    const failures: string[] = [];
    const ops = operations.filter((op) => op.method !== 'GET' && op.pathParam && walked(op));
    // Out of scope first, for every caller, before any in-scope change can alter the data.
    await inPool(
      4,
      ops.flatMap((op) =>
        callers().map((caller) => async () => {
          const missingId = fixture.missing[op.pathParam!.kind];
          const missing = await call(
            op.method,
            urlFor(op, missingId),
            tokenOf(caller),
            bodyOf(op, caller),
          );
          record(op, caller, 'missing', missing);
          const expectedMissing = caller === ANONYMOUS ? 401 : mayUse(caller, op) ? 404 : 403;
          if (missing.status !== expectedMissing) {
            failures.push(
              `${op.key} as ${caller.username} with missing ${missingId}: ${missing.status} ${missing.text.slice(0, 200)}, expected ${expectedMissing}`,
            );
          }
          for (const ref of refsOf(op).filter((r) => !reachable(caller, r, op.key))) {
            const reply = await call(
              op.method,
              urlFor(op, ref),
              tokenOf(caller),
              bodyOf(op, caller),
            );
            record(op, caller, 'out', reply);
            const where = `${op.key} {${ref.id}} as ${caller.username}: ${reply.status}`;
            for (const leak of leaks(caller, reply, [ref.id]))
              failures.push(`${where} leaks ${leak}`);
            if (normalised(reply, ref.id) !== normalised(missing, missingId)) {
              failures.push(
                `${where} differs from a missing id:\n  ${normalised(reply, ref.id).slice(0, 300)}\n  ${normalised(missing, missingId).slice(0, 300)}`,
              );
            }
          }
        }),
      ),
    );
    // In scope: never 404, never a server error. DELETE is not tried in scope (it would
    // remove the fixture the other callers need).
    const reached = new Set<string>();
    for (const op of ops.filter((o) => o.method !== 'DELETE')) {
      for (const caller of fixture.users) {
        for (const ref of refsOf(op).filter((r) => reachable(caller, r, op.key))) {
          const reply = await call(op.method, urlFor(op, ref), tokenOf(caller), bodyOf(op, caller));
          record(op, caller, 'in', reply);
          const where = `${op.key} {${ref.id}} as ${caller.username}: ${reply.status}`;
          for (const leak of leaks(caller, reply, [ref.id]))
            failures.push(`${where} leaks ${leak}`);
          if (!mayUse(caller, op)) {
            if (reply.status !== 403) failures.push(`${where} (role may not use it: expected 403)`);
          } else if (reply.status === 404 || reply.status >= 500) {
            failures.push(`${where} (in scope: ${reply.text.slice(0, 200)})`);
          } else {
            reached.add(op.key);
          }
        }
      }
    }
    const unreached = ops
      .filter((op) => op.method !== 'DELETE' && !reached.has(op.key))
      .map((op) => `${op.key} was never reached in scope`);
    expect([...failures, ...unreached]).toEqual([]);
  }, 600_000);

  it('changes naming objects outside the scope in their body are refused', async () => {
    const failures: string[] = [];
    const ops = operations.filter(
      (op) => op.method !== 'GET' && op.bodyRefs.length > 0 && walked(op),
    );
    for (const op of ops) {
      for (const caller of fixture.users.filter((u) => mayUse(u, op))) {
        // The object the route acts on must be one the caller may change; the body then
        // points elsewhere.
        const target = op.pathParam ? refsOf(op).find((r) => reachable(caller, r, op.key)) : null;
        if (op.pathParam && !target) continue;
        for (const field of op.bodyRefs) {
          for (const ref of fixture.refs[field.kind].filter((r) => !reachable(caller, r, op.key))) {
            const body = {
              ...(bodyOf(op, caller) as object),
              [field.name]: field.array ? [ref.id] : ref.id,
            };
            const reply = await call(op.method, urlFor(op, target ?? null), tokenOf(caller), body);
            record(op, caller, `body-${field.name}-out`, reply);
            const where = `${op.key} {${target?.id ?? ''}} ${field.name}=${ref.id} as ${caller.username}: ${reply.status}`;
            for (const leak of leaks(caller, reply, [ref.id]))
              failures.push(`${where} leaks ${leak}`);
            if (reply.status < 400 || reply.status >= 500) {
              failures.push(
                `${where} (an object outside the scope was accepted: ${reply.text.slice(0, 200)})`,
              );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('lists again after the changes: audit entries and changed objects stay in scope', async () => {
    // The walk has acknowledged, commented, cleared and approved as operators and
    // changed users as administrators: what that left behind (audit log, comments,
    // states) must be as well scoped as the fixture.
    expect(await scanLists('after')).toEqual([]);
    // And every object the caller may read, read again.
    const failures: string[] = [];
    const ops = operations.filter((op) => op.method === 'GET' && op.pathParam && walked(op));
    await inPool(
      4,
      ops.flatMap((op) =>
        fixture.users
          .filter((caller) => mayUse(caller, op))
          .flatMap((caller) =>
            refsOf(op)
              .filter((ref) => reachable(caller, ref, op.key))
              .map((ref) => async () => {
                const reply = await call('GET', urlFor(op, ref), tokenOf(caller));
                record(op, caller, 'in-after', reply);
                for (const leak of leaks(caller, reply, [ref.id])) {
                  failures.push(
                    `${op.key} {${ref.id}} as ${caller.username} (after): ${reply.status} leaks ${leak}`,
                  );
                }
              }),
          ),
      ),
    );
    expect(failures).toEqual([]);
  }, 600_000);

  // Last: the streams have seen every change the walk made.
  it('events: each stream carries exactly the changes in its scope, nothing of the other bank', async () => {
    // Anonymous callers and forged tickets open nothing.
    expect((await call('POST', `${api.baseUrl}/events/ticket`, null)).status).toBe(401);
    expect(
      (await call('GET', `${api.baseUrl}/events?ticket=forged-ticket-0123456789`, null)).status,
    ).toBe(401);

    // One change of every fixture alarm and circuit, built by the same functions as
    // ingestion and the alarm operations, through the app's own publisher (Redis stream →
    // hub → per-recipient filter → SSE).
    const alarms = await api.db.collection<AlarmDocument>(COLLECTIONS.alarms).find({}).toArray();
    const circuits = await api.db
      .collection<CircuitDocument>(COLLECTIONS.circuits)
      .find({})
      .toArray();
    const circuitsById = new Map(circuits.map((c) => [c._id, c]));
    const before = new Map([...streams].map(([u, s]) => [u, completeFrames(s).length]));
    await api.app.get(ChangeEventsPublisher).publish([
      ...alarms.map((a) => alarmChangeEvent(a, 'changed', circuitRefsOf(a, circuitsById))),
      ...circuits.map((c) =>
        circuitStateEvent({
          circuit: c,
          from: 'up',
          to: c.state,
          since: now,
          activeAlarmIds: c.activeAlarmIds,
        }),
      ),
    ]);

    const expected = (user: MatrixUser): string[] =>
      [
        ...fixture.refs.alarms
          .filter((r) => reachable(user, r, EVENTS))
          .map((r) => `alarm ${r.id}`),
        ...fixture.refs.circuits
          .filter((r) => reachable(user, r, EVENTS))
          .map((r) => `circuit ${r.id}`),
      ].sort();
    const received = (user: MatrixUser): string[] => {
      const stream = streams.get(user.username)!;
      const ids = completeFrames(stream)
        .slice(before.get(user.username))
        .filter((f) => f.event === 'alarm.changed' || f.event === 'circuit.state')
        .map((f) => {
          const message = JSON.parse(f.data) as { kind: string; id: string };
          return `${message.kind} ${message.id}`;
        });
      return [...new Set(ids)].sort();
    };
    const deadline = Date.now() + 30_000;
    while (
      Date.now() < deadline &&
      fixture.users.some((u) => received(u).length < expected(u).length)
    ) {
      await new Promise((r) => setTimeout(r, 200));
    }
    // A moment more for anything that should not come at all.
    await new Promise((r) => setTimeout(r, 1000));

    const failures: string[] = [];
    for (const user of fixture.users) {
      const got = received(user);
      const want = expected(user);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        failures.push(
          `${user.username} received [${got.join(', ')}], expected [${want.join(', ')}]`,
        );
      }
      const text = streams.get(user.username)!.text();
      const reply: Reply = { status: 200, text, contentType: 'text/event-stream', disposition: '' };
      for (const leak of leaks(user, reply, []))
        failures.push(`${user.username}'s stream leaks ${leak}`);
    }
    expect(failures).toEqual([]);
    // Both banks did receive their own changes: the test is not passing on silence.
    expect(received(fixture.users.find((u) => u.username === 'adm.tnqb')!)).toContain(
      'alarm al-mxbcd-1',
    );
    expect(received(fixture.users.find((u) => u.username === 'eng.tnqa.mxawh')!)).toContain(
      'alarm al-mxawh-1',
    );
  }, 120_000);

  function query(op: WalkedOperation, extra: Record<string, string> = {}): string {
    const qs = new URLSearchParams({ ...op.requiredQuery, ...extra }).toString();
    return qs ? `?${qs}` : '';
  }

  /** The operation's URL for a fixture object (or a missing id, or no id at all). */
  function urlFor(op: WalkedOperation, target: FixtureRef | string | null): string {
    let path = op.path;
    if (op.pathParam && target !== null) {
      const ref = typeof target === 'string' ? { id: target, params: undefined } : target;
      path = path.replace(`{${op.pathParam.name}}`, encodeURIComponent(ref.id));
      for (const name of op.companions) {
        path = path.replace(
          `{${name}}`,
          encodeURIComponent(ref.params?.[name] ?? COMPANION_PARAMS[name]!),
        );
      }
    }
    return `${origin}${path}${query(op)}`;
  }
});

/** Complete frames received so far: text up to the last blank line (a frame may be half-read). */
function completeFrames(stream: EventStream): SseFrame[] {
  const text = stream.text();
  return parseFrames(text.slice(0, text.lastIndexOf('\n\n') + 2));
}

/** GET routes that carry no customer data at all, so an empty scan is expected. */
const NO_CUSTOMER_DATA: Record<string, string> = {
  'GET /api/v1/health': 'dependency status only',
  'GET /api/v1/tickets/teams': 'operator teams only',
  'GET /api/v1/tickets/queues': 'counts per operator team and region',
  'GET /api/v1/notifications/preferences': "the caller's own settings",
  'GET /api/v1/push/vapid-public-key': "the server's public key",
};
