import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';

import type { Logger } from 'pino';

import { type DeviceSimulator, UnknownTargetError } from './device-simulator.service';
import { faultRequestSchema, fieldIssues } from './fault-request.schema';

/**
 * The simulator's control API: JSON over HTTP on 127.0.0.1 only.
 *   GET    /health                  → status and counters
 *   GET    /faults                  → active faults
 *   POST   /faults                  → inject ({kind, linkId | elementId[, ifIndex]}); "-up" kinds lift
 *   DELETE /faults/{id}             → lift one fault
 *   DELETE /faults[?only=degradations] → lift all (or only errors/congestion)
 *   GET    /elements                → id, name, mgmtIp, alive of every element
 *   GET    /elements/{id}           → state of an element (id, name or mgmtIp)
 *   POST   /elements/{id}/reboot    → reboot now (coldStart, counters reset)
 */

const MAX_BODY_BYTES = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error));
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, {
        error: `body larger than ${MAX_BODY_BYTES} bytes`,
        field: 'body',
      });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '')
    throw new HttpError(400, { error: 'a JSON body is required', field: 'body' });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, { error: 'body is not valid JSON', field: 'body' });
  }
}

export class ControlHttpServer {
  private server: Server | null = null;

  constructor(
    private readonly simulator: DeviceSimulator,
    private readonly logger: Logger,
  ) {}

  listen(port: number, host = '127.0.0.1'): Promise<number> {
    const server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (error instanceof HttpError) return send(res, error.status, error.body);
        if (error instanceof UnknownTargetError) {
          return send(res, 404, { error: error.message, field: error.field, value: error.value });
        }
        this.logger.error(
          { err: error instanceof Error ? error.message : String(error), url: req.url },
          'control request failed',
        );
        send(res, 500, { error: 'internal error' });
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
    const method = req.method ?? 'GET';
    const sim = this.simulator;

    if (parts[0] === 'health' && parts.length === 1 && method === 'GET') {
      return send(res, 200, { status: 'ok', ...sim.getStats() });
    }
    if (parts[0] === 'faults' && parts.length === 1) {
      if (method === 'GET') return send(res, 200, { faults: sim.listFaults() });
      if (method === 'POST') {
        const parsed = faultRequestSchema.safeParse(await readJson(req));
        if (!parsed.success)
          return send(res, 400, {
            error: 'invalid fault request',
            issues: fieldIssues(parsed.error),
          });
        const result = await sim.apply(parsed.data);
        return result.fault
          ? send(res, 201, result.fault)
          : send(res, 200, { cleared: result.cleared });
      }
      if (method === 'DELETE') {
        const only = url.searchParams.get('only');
        if (only !== null && only !== 'degradations') {
          return send(res, 400, { error: "only may be 'degradations'", field: 'only' });
        }
        return send(res, 200, { cleared: await sim.clearAll(only === 'degradations') });
      }
      return this.methodNotAllowed(res, 'GET, POST, DELETE');
    }
    if (parts[0] === 'faults' && parts.length === 2) {
      if (method !== 'DELETE') return this.methodNotAllowed(res, 'DELETE');
      const cleared = await sim.clear(parts[1] ?? '');
      return cleared
        ? send(res, 200, { cleared: [cleared] })
        : send(res, 404, { error: 'no such active fault', field: 'id', value: parts[1] });
    }
    if (parts[0] === 'elements' && parts.length === 1 && method === 'GET') {
      return send(res, 200, {
        elements: [...sim.network.elements.values()].map((e) => ({
          id: e.element._id,
          name: e.element.name,
          mgmtIp: e.element.mgmtIp,
          role: e.element.role,
          alive: e.alive,
        })),
      });
    }
    if (parts[0] === 'elements' && parts.length === 2) {
      if (method !== 'GET') return this.methodNotAllowed(res, 'GET');
      const state = sim.elementState(parts[1] ?? '');
      return state
        ? send(res, 200, state)
        : send(res, 404, { error: 'no such element', field: 'id', value: parts[1] });
    }
    if (parts[0] === 'elements' && parts.length === 3 && parts[2] === 'reboot') {
      if (method !== 'POST') return this.methodNotAllowed(res, 'POST');
      const e = await sim.reboot(parts[1] ?? '');
      return send(res, 200, {
        id: e.element._id,
        name: e.element.name,
        bootAt: new Date(e.bootAtMs).toISOString(),
      });
    }
    send(res, 404, { error: `no route ${method} ${url.pathname}`, field: 'path' });
  }

  private methodNotAllowed(res: ServerResponse, allow: string): void {
    res.setHeader('allow', allow);
    send(res, 405, { error: `method not allowed; use ${allow}`, field: 'method' });
  }
}
