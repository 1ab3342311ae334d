import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type Db, MongoClient } from 'mongodb';

import { APP_CONFIG, type AppConfig } from '../config/app-config';

export const MONGO_CLIENT = Symbol('MONGO_CLIENT');
export const MONGO_DB = Symbol('MONGO_DB');

/** One MongoClient per process; repositories inject the Db. */
@Global()
@Module({
  providers: [
    {
      provide: MONGO_CLIENT,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<MongoClient> => {
        const client = new MongoClient(config.MONGO_URL, {
          appName: config.API_INSTANCE_ID,
          serverSelectionTimeoutMS: 10000,
          maxPoolSize: 20,
        });
        await client.connect();
        return client;
      },
    },
    {
      provide: MONGO_DB,
      inject: [MONGO_CLIENT, APP_CONFIG],
      useFactory: (client: MongoClient, config: AppConfig): Db => client.db(config.MONGO_DB),
    },
  ],
  exports: [MONGO_CLIENT, MONGO_DB],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(MONGO_CLIENT) private readonly client: MongoClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
