import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import {
  type IncomingMessage,
  type Server,
  type ServerResponse,
  createServer,
  request as httpRequest,
} from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { Logger } from 'pino';

/**
 * Serves a built single-page app and proxies `/api/*` to the API on the same origin (so
 * the app's calls, its auth and its server-sent events are same-origin):
 * - files under `root` with their type; hashed files (`name-HASH.js`) cached for a year,
 *   index.html never (a new build is seen at once); text compressed with gzip once, in memory;
 * - any other GET that asks for HTML gets index.html (deep links work after a reload);
 * - `/api/*` streamed both ways without buffering (SSE flows as it comes).
 * Nothing here is specific to one app: the mobile app is served the same way on 8100.
 */
export interface StaticWebServerOptions {
  root: string;
  apiOrigin: URL;
  logger: Logger;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.webmanifest',
  '.txt',
  '.map',
]);
/** esbuild's output names: `chunk-ABCD1234.js`, `main-ABCD1234.js`, `styles-ABCD1234.css`. */
const HASHED = /-[A-Z0-9]{8,}\.(js|css|mjs)$/;

/** Headers of every app response: a strict policy; the app needs inline styles (Angular, charts). */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
    "form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'geolocation=(), microphone=()',
};

/** Request headers not passed to the API (hop-by-hop, RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

interface CachedFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  mtimeMs: number;
}

export class StaticWebServer {
  private server: Server | null = null;
  private readonly root: string;
  private readonly cache = new Map<string, CachedFile>();

  constructor(private readonly options: StaticWebServerOptions) {
    this.root = resolve(options.root);
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    await stat(join(this.root, 'index.html')).catch(() => {
      throw new Error(`no index.html in ${this.root}: build the app first`);
    });
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.options.logger.error(
          { err: error instanceof Error ? error.message : String(error), url: req.url },
          'request failed',
        );
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        }
        res.end('internal error');
      });
    });
    // SSE streams stay open for hours; Node's default request timeout would cut them.
    server.requestTimeout = 0;
    server.headersTimeout = 60_000;
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => ok());
    });
    this.server = server;
    const address = server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      this.proxy(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...SECURITY_HEADERS });
      res.end();
      return;
    }
    const file = await this.resolveFile(url.pathname);
    if (file) {
      await this.sendFile(req, res, file);
      return;
    }
    // An app route (no file): the app itself, which routes on the client.
    const wantsHtml =
      (req.headers.accept ?? '').includes('text/html') || extname(url.pathname) === '';
    if (wantsHtml) {
      await this.sendFile(req, res, join(this.root, 'index.html'));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    res.end('not found');
  }

  /** The file a path names inside root, or null: never a path that escapes root. */
  private async resolveFile(pathname: string): Promise<string | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const candidate = normalize(join(this.root, decoded));
    if (candidate !== this.root && !candidate.startsWith(this.root + sep)) return null;
    try {
      const info = await stat(candidate);
      if (!info.isFile()) return null;
      // A symlink inside root pointing outside it is not served either.
      const real = await realpath(candidate);
      const realRoot = await realpath(this.root);
      return real.startsWith(realRoot + sep) ? candidate : null;
    } catch {
      return null;
    }
  }

  private async sendFile(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const ext = extname(path);
    const type = TYPES[ext] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    };
    const gzipOk = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (COMPRESSIBLE.has(ext)) {
      const cached = await this.cached(path, type);
      const body = gzipOk && cached.gzip ? cached.gzip : cached.body;
      if (gzipOk && cached.gzip) headers['content-encoding'] = 'gzip';
      headers['vary'] = 'accept-encoding';
      headers['content-length'] = String(body.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const info = await stat(path);
    headers['content-length'] = String(info.size);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(path).pipe(res);
  }

  private async cached(path: string, type: string): Promise<CachedFile> {
    const info = await stat(path);
    const hit = this.cache.get(path);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const body = await readFile(path);
    const gzip = body.length > 1024 ? gzipSync(body, { level: 6 }) : null;
    const entry: CachedFile = { body, gzip, type, mtimeMs: info.mtimeMs };
    this.cache.set(path, entry);
    return entry;
  }

  private proxy(req: IncomingMessage, res: ServerResponse): void {
    const api = this.options.apiOrigin;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name)) continue;
      headers[name] = value;
    }
    const client = req.socket.remoteAddress ?? '';
    const forwarded = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = forwarded ? `${String(forwarded)}, ${client}` : client;
    headers['x-forwarded-proto'] = 'http';
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['host'] = api.host;
    const upstream = httpRequest(
      {
        protocol: api.protocol,
        hostname: api.hostname,
        port: api.port,
        method: req.method,
        path: req.url,
        headers,
      },
      (answer) => {
        const out: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value === undefined || HOP_BY_HOP.has(name)) continue;
          out[name] = value;
        }
        res.writeHead(answer.statusCode ?? 502, out);
        // Flush each chunk as it comes: an SSE frame must not wait for a buffer to fill.
        res.flushHeaders();
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error) => {
      this.options.logger.warn({ err: error.message, url: req.url }, 'API unreachable');
      if (!res.headersSent) {
        const body = JSON.stringify({
          type: 'urn:circuitcare:problem:api-unavailable',
          title: 'API unavailable',
          status: 502,
          detail: 'The API cannot be reached.',
          instance: req.url ?? '/',
        });
        res.writeHead(502, { 'content-type': 'application/problem+json' });
        res.end(body);
      } else {
        res.destroy();
      }
    });
    // A client gone (tab closed, EventSource closed) ends the upstream request too.
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }
}
