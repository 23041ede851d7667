import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import { AppConfig } from '@probity/config';
import { MailContexts, MailTemplate } from './mail-contexts';
import { renderMail } from './render-mail';

export interface SentMail {
  messageId: string;
  /** Set when no SMTP server is configured and the message was written to a file instead. */
  emlPath?: string;
}

/**
 * Sends one e-mail now. With SMTP_URL set it goes to that server; without (zero-setup, local
 * development) each message is written as an .eml file under DATA_DIR/mail, which any mail client
 * opens. Call it directly only for mails whose links carry secrets (invite, password reset); every
 * other mail goes through Notifier, so it survives a crash and is sent once.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport:
    | { kind: 'smtp'; transporter: Transporter<SMTPTransport.SentMessageInfo> }
    | { kind: 'file'; transporter: Transporter<StreamTransport.SentMessageInfo> };

  constructor(private readonly config: AppConfig) {
    this.transport = config.smtpUrl
      ? {
          kind: 'smtp',
          // Invites and resets are sent inside an HTTP request: a dead server must fail it in seconds, not minutes.
          transporter: createTransport({
            url: config.smtpUrl,
            connectionTimeout: 10000,
            greetingTimeout: 10000,
            socketTimeout: 30000,
          }),
        }
      : { kind: 'file', transporter: createTransport({ streamTransport: true, buffer: true, newline: 'windows' }) };
  }

  async send<T extends MailTemplate>(template: T, to: string[], context: MailContexts[T]): Promise<SentMail> {
    if (to.length === 0) throw new Error(`Mail ${template} has no recipients`);
    const { subject, text, html } = renderMail(template, context);
    const message = {
      from: this.config.mailFrom,
      to,
      subject,
      text,
      html,
      // RFC 3834: out-of-office replies and autoresponders should not answer.
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Probity-Template': template },
    };
    if (this.transport.kind === 'smtp') {
      const info = await this.transport.transporter.sendMail(message);
      this.logger.log({ template, messageId: info.messageId, recipients: to.length }, 'mail sent');
      return { messageId: info.messageId };
    }
    const info = await this.transport.transporter.sendMail(message);
    const directory = join(this.config.dataDir, 'mail');
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const emlPath = join(directory, `${stamp}-${template}-${randomBytes(4).toString('hex')}.eml`);
    // Invites and resets hold live tokens: readable by this user only.
    await writeFile(emlPath, info.message as Buffer, { mode: 0o600 });
    this.logger.log({ template, emlPath, recipients: to.length }, 'no SMTP_URL set: mail written to file');
    return { messageId: info.messageId, emlPath };
  }

  onModuleDestroy(): void {
    if (this.transport.kind === 'smtp') this.transport.transporter.close();
  }
}
