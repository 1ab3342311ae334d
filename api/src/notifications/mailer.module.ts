import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MAILER } from './mailer.port';
import { SmtpMailer } from './smtp-mailer';

/** Outgoing mail (global): inject `MAILER` (the Mailer port). */
@Global()
@Module({
  providers: [
    {
      provide: MAILER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): SmtpMailer =>
        new SmtpMailer({
          url: config.SMTP_URL,
          from: config.MAIL_FROM,
          requireTls: config.SMTP_REQUIRE_TLS,
        }),
    },
  ],
  exports: [MAILER],
})
export class MailerModule implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: SmtpMailer) {}

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}
