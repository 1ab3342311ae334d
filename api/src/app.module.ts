import { type DynamicModule, Module } from '@nestjs/common';

import { AlarmsModule } from './alarms/alarms.module';
import { AuthModule } from './auth/auth.module';
import { CircuitsModule } from './circuits/circuits.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { IngestModule } from './ingest/ingest.module';
import { LoggingModule } from './logging/logging.module';
import { PerformanceModule } from './performance/performance.module';

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
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        AuthModule,
        HealthModule,
        CircuitsModule,
        AlarmsModule,
        PerformanceModule,
        IngestModule,
      ],
    };
  }
}
