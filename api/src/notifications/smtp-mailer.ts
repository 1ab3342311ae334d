import { createTransport, type Transporter } from 'nodemailer';

import { MailDisabledError, type Mailer, type MailMessage, type MailReceipt } from './mailer.port';

export interface SmtpMailerOptions {
  url: string | undefined;
  from: string;
  requireTls: boolean;
}

/** The mail port over SMTP with nodemailer (pooled connections, bounded timeouts). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter | null;

  constructor(private readonly options: SmtpMailerOptions) {
    this.transport = options.url
      ? createTransport({
          url: options.url,
          pool: true,
          maxConnections: 3,
          requireTLS: options.requireTls,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    if (!this.transport) throw new MailDisabledError();
    const info = (await this.transport.sendMail({
      from: this.options.from,
      to: [...message.to],
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers ? { ...message.headers } : undefined,
      attachments: message.attachments?.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
    })) as { messageId: string; accepted: unknown[]; rejected: unknown[] };
    const asText = (list: unknown[]): string[] =>
      list.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address)));
    return {
      messageId: info.messageId,
      accepted: asText(info.accepted ?? []),
      rejected: asText(info.rejected ?? []),
    };
  }

  close(): void {
    this.transport?.close();
  }
}
