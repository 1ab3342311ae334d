import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Paths pino replaces by "[redacted]": credentials never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'req.body.password',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'mfaToken',
  '*.mfaToken',
  'req.query.ticket',
  // Web push: the VAPID private key, and a browser's endpoint and keys (a capability).
  'VAPID_PRIVATE_KEY',
  '*.VAPID_PRIVATE_KEY',
  '*.endpoint',
  '*.keys',
];

/** The URL as logged: single-use stream tickets (`?ticket=`) replaced, like headers are. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]ticket=)[^&#]*/g, '$1[redacted]');
}

/** Structured JSON logs with a request id per HTTP request (nestjs-pino). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Nest 11's router (path-to-regexp 8) names wildcards; the library's default '*' only warns.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.LOG_LEVEL,
          name: config.API_INSTANCE_ID,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          serializers: {
            req: (req: { url?: string }) => ({ ...req, url: redactUrl(req.url ?? '') }),
          },
          // Health probes every few seconds would drown the useful lines.
          autoLogging: { ignore: (req) => (req.url ?? '').endsWith('/health') },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
