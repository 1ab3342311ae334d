/**
 * The mail port: tickets' notifications and delivered reports send through it, never
 * through nodemailer directly, so the transport can change in one place
 * (smtp-mailer.ts).
 */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MailMessage {
  to: readonly string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: readonly MailAttachment[];
  /** Extra headers, e.g. `X-CircuitCare-Ticket`. */
  headers?: Readonly<Record<string, string>>;
}

export interface MailReceipt {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  /** Whether an SMTP server is configured (SMTP_URL); when not, `send` throws. */
  readonly enabled: boolean;
  /** Sends one message; throws on a transport error or when every recipient is refused. */
  send(message: MailMessage): Promise<MailReceipt>;
}

export const MAILER = Symbol('MAILER');

export class MailDisabledError extends Error {
  constructor() {
    super('no SMTP server configured (SMTP_URL)');
  }
}
