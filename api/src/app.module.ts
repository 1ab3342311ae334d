import { type DynamicModule, Module } from '@nestjs/common';

import { AlarmsModule } from './alarms/alarms.module';
import { AnnouncementsModule } from './announcements/announcements.module';
import { AssuranceModule } from './assurance/assurance.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AvailabilityModule } from './availability/availability.module';
import { CircuitsModule } from './circuits/circuits.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { EmergencyPlansModule } from './emergency-plans/emergency-plans.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { IngestModule } from './ingest/ingest.module';
import { JobsModule } from './jobs/jobs.module';
import { LoggingModule } from './logging/logging.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { MailerModule } from './notifications/mailer.module';
import { PerformanceModule } from './performance/performance.module';
import { ReportsModule } from './reports/reports.module';
import { TicketsModule } from './tickets/tickets.module';
import { TmfModule } from './tmf/tmf.module';
import { TopologyModule } from './topology/topology.module';
import { UserManagementModule } from './users/user-management.module';

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
        AuditModule,
        EventsModule,
        JobsModule,
        MailerModule,
        AuthModule,
        UserManagementModule,
        HealthModule,
        CircuitsModule,
        AlarmsModule,
        PerformanceModule,
        MaintenanceModule,
        AvailabilityModule,
        TopologyModule,
        TicketsModule,
        AttachmentsModule,
        TmfModule,
        ReportsModule,
        AssuranceModule,
        AnnouncementsModule,
        EmergencyPlansModule,
        IngestModule,
      ],
    };
  }
}
