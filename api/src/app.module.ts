import { type DynamicModule, Module } from '@nestjs/common';

import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { IngestModule } from './ingest/ingest.module';
import { LoggingModule } from './logging/logging.module';

/**
 * The API process: HTTP read API and Kafka ingestion side by side (INGEST_ENABLED
 * turns the latter off for HTTP-only replicas). `forRoot(config)` lets tests and
 * tools pass an already validated configuration.
 */
@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), LoggingModule, DatabaseModule, IngestModule],
    };
  }
}
