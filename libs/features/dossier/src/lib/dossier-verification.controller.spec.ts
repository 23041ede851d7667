import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { loadConfig } from '@probity/config';
import { startWebTestApp } from '@probity/testing';
import type { BrowserPool } from '@probity/pdf-rendering';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import { DossierSeal } from '../signing/dossier-seal';
import { DossierRenderer } from './dossier-renderer';
import { DossierVerificationController } from './dossier-verification.controller';
import { DossierService, DossierVerification } from './dossier.service';

/** The HTTP contract of verification; the hash lookup itself is tested against PostgreSQL in test/. */
class KnownHashes {
  constructor(private readonly known: Set<string>) {}
  async verify(pdf: Buffer): Promise<DossierVerification> {
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
    if (pdf.equals(untrustedSeal))
      return {
        valid: false,
        pdfSha256,
        reason: 'Valid signature, untrusted signer: the seal certificate does not chain to a trusted CA.',
        seal: {
          subject: 'CN=Mallory',
          issuer: 'CN=Mallory CA',
          certificateSha256: 'f'.repeat(64),
          timestampedAt: null,
          trusted: false,
        },
      };
    return this.known.has(pdfSha256)
      ? {
          valid: true,
          caseReference: 'PROC-1',
          caseTitle: 'Case',
          version: 2,
          status: 'rendered',
          renderedAt: null,
          pdfSha256,
          signed: false,
        }
      : { valid: false, reason: 'altered', pdfSha256 };
  }
}

const untrustedSeal = Buffer.from('%PDF-1.7 sealed by someone else');
const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('POST /api/v1/dossiers/verify', () => {
  let app: NestExpressApplication;
  const genuine = Buffer.from('%PDF-1.7 genuine dossier');

  beforeAll(async () => {
    app = await startWebTestApp({
      controllers: [DossierVerificationController],
      providers: [
        {
          provide: DossierService,
          useValue: new KnownHashes(new Set([createHash('sha256').update(genuine).digest('hex')])),
        },
        { provide: DossierSeal, useValue: { trustAnchorsPem: () => CA_PEM } },
      ],
    });
  });

  afterAll(() => app.close());

  it('answers whether the uploaded PDF is a dossier Probity rendered', async () => {
    const ok = await request(app.getHttpServer())
      .post('/api/v1/dossiers/verify')
      .attach('file', genuine, 'd.pdf')
      .expect(200);
    expect(ok.body).toMatchObject({ valid: true, caseReference: 'PROC-1', version: 2 });
    const tampered = await request(app.getHttpServer())
      .post('/api/v1/dossiers/verify')
      .attach('file', Buffer.from('%PDF-1.7 genuine dossieR'), 'd.pdf')
      .expect(200);
    expect(tampered.body).toMatchObject({ valid: false });
  });

  it('refuses a request without a file or with a file that is not a PDF', async () => {
    const missing = await request(app.getHttpServer()).post('/api/v1/dossiers/verify').expect(400);
    expect(missing.body.message).toMatch(/multipart field "file"/);
    await request(app.getHttpServer())
      .post('/api/v1/dossiers/verify')
      .attach('file', Buffer.from('MZ executable'), 'x.pdf')
      .expect(400);
  });

  it('the public /verify page checks an uploaded PDF without JavaScript and says what it is in plain words', async () => {
    const form = await request(app.getHttpServer()).get('/verify').expect(200);
    expect(form.text).toMatch(/<form method="post" action="\/verify\?_csrf=[^"]*" enctype="multipart\/form-data">/);
    expect(form.text).toMatch(/<label for="file">Dossier PDF<\/label>/);
    const genuineAnswer = await request(app.getHttpServer())
      .post('/verify')
      .attach('file', genuine, 'dossier-PROC-1.pdf')
      .expect(200);
    expect(genuineAnswer.text).toContain('This is a genuine review copy, not the signed dossier');
    expect(genuineAnswer.text).toContain('PROC-1 — Case');
    expect(genuineAnswer.text).toContain('dossier-PROC-1.pdf');
    const altered = await request(app.getHttpServer())
      .post('/verify')
      .attach('file', Buffer.from('%PDF-1.7 genuine dossieR'), 'd.pdf')
      .expect(200);
    expect(altered.text).toContain('This file is not a dossier Probity issued');
    const missing = await request(app.getHttpServer()).post('/verify').field('x', 'y').expect(400);
    expect(missing.text).toMatch(/role="alert"[\s\S]*Choose the PDF file/);
    expect(missing.text).toContain('aria-invalid="true"');
  });

  it('serves the seal CA certificate publicly for readers who choose to trust it', async () => {
    const response = await request(app.getHttpServer()).get('/verify/ca.pem').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-x509-ca-cert/);
    expect(response.text).toBe(CA_PEM);
  });

  it('says "valid signature, untrusted signer" in plain words, not that the dossier is genuine', async () => {
    const page = await request(app.getHttpServer())
      .post('/verify')
      .attach('file', untrustedSeal, { filename: 'dossier.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(page.text).toContain('<h1>Valid signature, untrusted signer</h1>');
    expect(page.text).toContain('CN&#x3D;Mallory'); // Handlebars escapes "="
    expect(page.text).toContain('does not chain to a certificate authority this installation trusts');
    expect(page.text).toContain('href="/verify/ca.pem"');
  });

  it('the sign-off page names the public verification page of this installation', () => {
    const renderer = new DossierRenderer(
      {} as BrowserPool,
      loadConfig({ PUBLIC_BASE_URL: 'https://probity.police.example' }),
    );
    const html = renderer.html(sampleDossierInput(), {
      version: 3,
      status: 'signed',
      contentHash: 'c'.repeat(64),
      generatedAt: '2026-12-03T10:00:00Z',
    });
    expect(html).toContain('https://probity.police.example/verify');
    expect(html).not.toContain('/api/v1/dossiers/verify');
  });
});
