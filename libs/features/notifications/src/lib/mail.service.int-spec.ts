import { Logger } from '@nestjs/common';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { loadConfig } from '@probity/config';
import { SmtpSink, startSmtpSink, waitFor } from '@probity/testing';
import { MailService } from './mail.service';

const invite = {
  organisationName: 'Northwind Vision Analytics',
  agencyName: 'Metropolitan Police Service',
  caseTitle: 'Automated number-plate recognition',
  caseReference: 'PROC-2026-0142',
  portalUrl: 'https://probity.example/portal/invite/tok_4f9a2c71d0',
  responsesDue: '2026-12-04T17:00:00.000Z',
};

describe('MailService (real SMTP server, real files)', () => {
  let sink: SmtpSink;
  let dataDir: string;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    sink = await startSmtpSink();
    dataDir = await mkdtemp(join(tmpdir(), 'probity-mail-'));
  });

  afterAll(async () => {
    await sink.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers an invite over SMTP whose text and HTML parts both carry the portal link', async () => {
    const config = loadConfig({ SMTP_URL: sink.url, DATA_DIR: dataDir, MAIL_FROM: 'Probity <tenders@probity.test>' });
    const mail = new MailService(config);
    const to = ['bids@northwind.example', 'legal@northwind.example'];

    const sent = await mail.send('invite', to, invite);

    expect(sent.emlPath).toBeUndefined();
    const received = await waitFor(async () => sink.messages.find((m) => m.parsed.messageId === sent.messageId));
    expect(received.recipients.sort()).toEqual([...to].sort());
    expect(received.mailFrom).toBe('tenders@probity.test');
    expect(received.parsed.subject).toBe('Invitation to respond: PROC-2026-0142 – Automated number-plate recognition');
    expect(received.parsed.text).toContain(invite.portalUrl);
    expect(received.parsed.html).toContain(`href="${invite.portalUrl}"`);
    expect(received.parsed.html).toContain('<html lang="en"');
    expect(received.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(await readdir(dataDir)).toEqual([]);
    mail.onModuleDestroy();
  });

  it('fails fast, instead of pretending, when the SMTP server is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const mail = new MailService(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, DATA_DIR: dataDir }));

    await expect(mail.send('invite', ['bids@northwind.example'], invite)).rejects.toThrow(/ECONNREFUSED/);
    mail.onModuleDestroy();
  });

  it('without SMTP_URL writes each message as a parseable, owner-only .eml file under DATA_DIR/mail', async () => {
    const mail = new MailService(loadConfig({ DATA_DIR: dataDir }));
    const reset = {
      name: 'Amira Haddad',
      resetUrl: 'https://probity.example/password-reset/tok_91bd',
      expiresInMinutes: 30,
    };

    const sent = await mail.send('password-reset', ['amira.haddad@met.example'], reset);

    expect(sent.emlPath).toBeDefined();
    expect(sent.emlPath!.startsWith(join(dataDir, 'mail') + '/')).toBe(true);
    expect(sent.emlPath!.endsWith('.eml')).toBe(true);
    expect((await stat(sent.emlPath!)).mode & 0o777).toBe(0o600);
    const raw = await readFile(sent.emlPath!);
    expect(raw.includes('\r\n')).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe(sent.messageId);
    expect(parsed.subject).toBe('Reset your Probity password');
    expect(parsed.from?.value).toEqual([{ name: 'Probity', address: 'no-reply@probity.local' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('amira.haddad@met.example');
    expect(parsed.text).toContain(reset.resetUrl);
    expect(parsed.text).toContain('within 30 minutes');
    expect(parsed.html).toContain(`href="${reset.resetUrl}"`);
    expect(sink.messages.map((m) => m.parsed.messageId)).not.toContain(sent.messageId);
  });

  it('refuses a mail without recipients', async () => {
    const mail = new MailService(loadConfig({ DATA_DIR: dataDir }));
    await expect(mail.send('invite', [], invite)).rejects.toThrow(/no recipients/);
  });
});
