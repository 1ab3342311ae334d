import type { FixtureKind } from './matrix-fixture';
import { REPORTS_ID_SEGMENTS } from './matrix-reports-fixture';

/**
 * Reading the live OpenAPI document into the operations the matrix walks, and filling
 * their parameters from explicit tables. A parameter the tables do not know is an error:
 * a new route must be taught to the matrix, it cannot slip through untested.
 */

interface SchemaObject {
  $ref?: string;
  type?: 'object' | 'array' | 'integer' | 'number' | 'boolean' | 'string' | 'null';
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  nullable?: boolean;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  security?: Array<Record<string, unknown>>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface WalkedOperation {
  /** `GET /api/v1/circuits/{id}`: the key of the tables below. */
  key: string;
  method: HttpMethod;
  path: string;
  operationId: string;
  /** No bearer requirement in the document (login, health). */
  public: boolean;
  /** Server-sent events: a stream, not a response; covered by the events test. */
  streams: boolean;
  pathParam: { name: string; kind: FixtureKind } | null;
  /** Further path parameters that qualify the object of `pathParam` (an element's ifIndex). */
  companions: string[];
  requiredQuery: Record<string, string>;
  /** Optional query parameters that name a fixture object: walked with every such id. */
  filters: Array<{ name: string; kind: FixtureKind }>;
  body: unknown;
  /** Top-level body properties that name fixture objects (`customerId`, `circuitIds`…). */
  bodyRefs: Array<{ name: string; kind: FixtureKind; array: boolean }>;
}

/** Body properties holding lists of ids. */
const NAMED_LISTS: Record<string, FixtureKind> = {
  circuitIds: 'circuits',
  customerIds: 'customers',
  assignedCustomerIds: 'customers',
  orgUnitIds: 'orgUnits',
  elementIds: 'elements',
  linkIds: 'links',
  siteIds: 'sites',
  alarmIds: 'alarms',
  userIds: 'users',
};

/** `{id}` takes its kind from the collection segment before it. */
const ID_SEGMENTS: Record<string, FixtureKind> = {
  ...REPORTS_ID_SEGMENTS,
  circuits: 'circuits',
  alarms: 'alarms',
  'maintenance-windows': 'maintenanceWindows',
  users: 'users',
  customers: 'customers',
  'org-units': 'orgUnits',
  sites: 'sites',
  elements: 'elements',
  links: 'links',
  tickets: 'tickets',
  /** TMF621 facade: /tmf-api/troubleTicket/v4/troubleTicket/{id}. */
  troubleTicket: 'tickets',
  attachments: 'attachments',
  /** DELETE /push/subscriptions/{id}: a user's own web push subscriptions. */
  subscriptions: 'pushSubscriptions',
};

/** Named parameters, in the path or as list filters. */
const NAMED_PARAMS: Record<string, FixtureKind> = {
  circuitId: 'circuits',
  alarmId: 'alarms',
  maintenanceWindowId: 'maintenanceWindows',
  userId: 'users',
  customerId: 'customers',
  orgUnitId: 'orgUnits',
  siteId: 'sites',
  elementId: 'elements',
  deviceId: 'elements',
  linkId: 'links',
};

/**
 * Path parameters that only qualify the object named by the main one: their value comes
 * from the fixture object (`FixtureRef.params`) or, for a missing object, from here.
 */
export const COMPANION_PARAMS: Record<string, string> = { ifIndex: '1' };

/** Values of required query parameters that name no fixture object. */
export function requiredQueryValues(now: Date): Record<string, string> {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  return {
    from: new Date(minute - 7 * 24 * 3600_000).toISOString(),
    to: new Date(minute).toISOString(),
  };
}

/**
 * Request bodies the schema alone cannot make valid, by operation key. Everything else
 * gets a body built from the schema's required properties and examples.
 */
const BODY_OVERRIDES: Record<string, unknown> = {};

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function walkOpenApi(
  doc: OpenApiDocument,
  now: Date,
): {
  operations: WalkedOperation[];
  problems: string[];
} {
  const operations: WalkedOperation[] = [];
  const problems: string[] = [];
  const queryValues = requiredQueryValues(now);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [verb, op] of Object.entries(item)) {
      const method = verb.toUpperCase() as HttpMethod;
      if (!METHODS.includes(method)) continue;
      const key = `${method} ${path}`;
      const params = op.parameters ?? [];
      const streams = Object.values(op.responses ?? {}).some((r) =>
        Object.keys(r.content ?? {}).includes('text/event-stream'),
      );
      const companions = params
        .filter((p) => p.in === 'path' && p.name in COMPANION_PARAMS)
        .map((p) => p.name);
      const pathParams = params.filter((p) => p.in === 'path' && !companions.includes(p.name));
      let pathParam: WalkedOperation['pathParam'] = null;
      if (pathParams.length > 1 || (companions.length > 0 && pathParams.length === 0)) {
        problems.push(
          `${key}: path parameters ${params
            .filter((p) => p.in === 'path')
            .map((p) => p.name)
            .join(', ')}; the matrix fills one object id (and its COMPANION_PARAMS)`,
        );
        continue;
      }
      if (pathParams[0]) {
        const { name } = pathParams[0];
        const segment = path.split('/').at(path.split('/').indexOf(`{${name}}`) - 1) ?? '';
        const kind = name === 'id' ? ID_SEGMENTS[segment] : NAMED_PARAMS[name];
        if (!kind) {
          problems.push(
            `${key}: path parameter {${name}} after "${segment}" has no fixture kind (add it to ID_SEGMENTS or NAMED_PARAMS)`,
          );
          continue;
        }
        pathParam = { name, kind };
      }
      const requiredQuery: Record<string, string> = {};
      const filters: WalkedOperation['filters'] = [];
      for (const p of params.filter((q) => q.in === 'query')) {
        const kind = NAMED_PARAMS[p.name];
        if (p.required && !streams) {
          const value = queryValues[p.name];
          if (value === undefined) {
            problems.push(
              `${key}: required query parameter ${p.name} has no value (add it to requiredQueryValues)`,
            );
          } else {
            requiredQuery[p.name] = value;
          }
        } else if (kind) {
          filters.push({ name: p.name, kind });
        }
      }
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        key,
        method,
        path,
        operationId: op.operationId ?? key,
        public: !op.security || op.security.length === 0,
        streams,
        pathParam,
        companions,
        requiredQuery,
        filters,
        bodyRefs: bodySchema ? bodyRefsOf(bodySchema, doc) : [],
        body:
          key in BODY_OVERRIDES
            ? BODY_OVERRIDES[key]
            : bodySchema
              ? sampleOf(bodySchema, doc, now, 0)
              : undefined,
      });
    }
  }
  return { operations, problems };
}

function bodyRefsOf(schema: SchemaObject, doc: OpenApiDocument): WalkedOperation['bodyRefs'] {
  const resolved = schema.$ref
    ? doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')]
    : schema;
  const refs: WalkedOperation['bodyRefs'] = [];
  for (const name of Object.keys(resolved?.properties ?? {})) {
    const single = NAMED_PARAMS[name];
    const list = NAMED_LISTS[name];
    if (single) refs.push({ name, kind: single, array: false });
    else if (list) refs.push({ name, kind: list, array: true });
  }
  return refs;
}

/** A value satisfying `schema` as far as the document tells: required properties only. */
export function sampleOf(
  schema: SchemaObject,
  doc: OpenApiDocument,
  now: Date,
  depth: number,
): unknown {
  if (depth > 8) return null;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    return target ? sampleOf(target, doc, now, depth + 1) : null;
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const variant = schema.allOf?.[0] ?? schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (variant) return sampleOf(variant, doc, now, depth + 1);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        const prop = schema.properties?.[name];
        if (prop) out[name] = sampleOf(prop, doc, now, depth + 1);
      }
      return out;
    }
    case 'array':
      return schema.minItems && schema.items
        ? Array.from({ length: schema.minItems }, () =>
            sampleOf(schema.items!, doc, now, depth + 1),
          )
        : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date-time') return now.toISOString();
      return 'matrix'.padEnd(schema.minLength ?? 0, 'x');
    case 'null':
      return null;
    case undefined:
      return schema.properties ? sampleOf({ ...schema, type: 'object' }, doc, now, depth) : null;
  }
}
