#!/usr/bin/env node
import { pino } from 'pino';

import { StaticWebServer } from './static-web.server';
import { loadWebServerConfig } from './web-server.config';

/**
 * `node demo/dist/web-server/web-server-cli.js --root web/dist/browser --port 4200
 *   --api http://127.0.0.1:3000`: a built app and the API behind one origin.
 */
async function main(): Promise<void> {
  const config = loadWebServerConfig(process.argv.slice(2));
  const logger = pino({ name: 'web-server', level: config.logLevel });
  const server = new StaticWebServer({ root: config.root, apiOrigin: config.apiOrigin, logger });
  const port = await server.listen(config.port, config.host);
  logger.info({ root: config.root, api: config.apiOrigin.origin, port }, 'serving');
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
