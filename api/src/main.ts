import 'reflect-metadata';

import { createApp } from './app/create-app';
import { ConfigError, loadConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
}

bootstrap().catch((error: unknown) => {
  // Before the logger exists the only channel is stderr; a config error is already one readable message.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
