import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { loadConfig } from '@probity/config';
import { configureWebApp } from '@probity/web';
import { DossierVerificationController } from './dossier-verification.controller';
import { DossierService, DossierVerification } from './dossier.service';

/** The HTTP contract of verification; the hash lookup itself is tested against PostgreSQL in test/. */
class KnownHashes {
  constructor(private readonly known: Set<string>) {}
  async verify(pdf: Buffer): Promise<DossierVerification> {
    const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
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

describe('POST /api/v1/dossiers/verify', () => {
  let app: NestExpressApplication;
  const genuine = Buffer.from('%PDF-1.7 genuine dossier');

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [DossierVerificationController],
      providers: [
        {
          provide: DossierService,
          useValue: new KnownHashes(new Set([createHash('sha256').update(genuine).digest('hex')])),
        },
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    configureWebApp(app, loadConfig({}));
    await app.init();
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
});
