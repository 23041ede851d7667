import { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { deflateRawSync, crc32 } from 'node:zlib';
import request from 'supertest';
import { CasesService, EvidenceService, MAX_EVIDENCE_BYTES, ProviderInvitesService } from '@probity/cases';
import { DEMO_PROVIDERS, demoCase, demoEvidencePdf } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { createApp } from '../../apps/api/src/create-app';
import { csrfOf } from '../support/tender-http';
import { STACK_TRACE } from './routes';

const QUESTION = 'harm_risk_management';

/** A minimal zip archive (one deflated entry per file), enough for type sniffers and unzip tools. */
function zipOf(entries: Array<{ name: string; content: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.content, { level: 9 });
    const checksum = crc32(entry.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** What providers upload, refused or stored byte for byte: never expanded, executed or written to disk by name. */
describe('evidence uploads under attack (real Postgres)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let cases: CasesService;
  let responseId: string;
  let token: string;
  let cookie: string;
  let csrf: string;
  let address = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Uploads claim one X-Forwarded-For each (see upload), believed only from a trusted (loopback) proxy.
    app = await createApp(servicesTestConfig(database.url, { TRUST_PROXY: 'loopback' }));
    await app.init();
    const agency = await app.get(IdentityService).createAgency('Uploads test agency');
    cases = app.get(CasesService);
    const created = await cases.createCase(agency.id, demoCase(new Date()));
    await cases.transition(created.id, 'open');
    const invited = await app.get(ProviderInvitesService).inviteProvider(created.id, DEMO_PROVIDERS[0].invite);
    responseId = invited.response.id;
    token = invited.token;
    const page = await request(app.getHttpServer()).get(`/portal/${token}`).expect(200);
    cookie = [page.headers['set-cookie']]
      .flat()
      .map((line) => String(line).split(';')[0])
      .join('; ');
    csrf = csrfOf(page.text);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  function upload(content: Buffer, filename: string, contentType = 'application/octet-stream') {
    // One address per upload: the portal's per-address limit is not what these tests are about.
    address += 1;
    return request(app.getHttpServer())
      .post(`/portal/${token}/evidence?_csrf=${encodeURIComponent(csrf)}`)
      .set('Cookie', cookie)
      .set('X-Forwarded-For', `198.51.100.${address % 250}`)
      .set('Accept', 'application/json')
      .field('questionName', QUESTION)
      .attach('file', content, { filename, contentType });
  }

  function expectRefused(response: request.Response, status: number, message: RegExp): void {
    expect(response.status).toBe(status);
    expect(response.body.message).toMatch(message);
    expect(response.text).not.toMatch(STACK_TRACE);
  }

  async function stored(id: string) {
    const found = (await app.get(EvidenceService).evidenceOf(responseId)).find((evidence) => evidence.id === id);
    if (!found) throw new Error(`evidence ${id} was not stored`);
    return found;
  }

  it('a file over the limit is refused with 413 and a message, and nothing is stored', async () => {
    const before = (await app.get(EvidenceService).evidenceOf(responseId)).length;
    const oversized = Buffer.alloc(MAX_EVIDENCE_BYTES + 1024, 0x20);
    oversized.write('%PDF-1.7\n', 0, 'latin1');
    expectRefused(await upload(oversized, 'big.pdf', 'application/pdf'), 413, /too large|File too large/i);
    expect(await app.get(EvidenceService).evidenceOf(responseId)).toHaveLength(before);
  });

  it('an oversized PDF at the public verification endpoint is refused with 413 too', async () => {
    const oversized = Buffer.alloc(50 * 1024 * 1024 + 1024, 0x20);
    oversized.write('%PDF-1.7\n', 0, 'latin1');
    const response = await request(app.getHttpServer())
      .post('/api/v1/dossiers/verify')
      .attach('file', oversized, { filename: 'dossier.pdf', contentType: 'application/pdf' });
    expectRefused(response, 413, /too large/i);
  });

  it('an empty file is refused with a message', async () => {
    expectRefused(await upload(Buffer.alloc(0), 'empty.pdf', 'application/pdf'), 415, /empty/);
  });

  it('a zip bomb is refused as an archive, never expanded', async () => {
    // 200 MB of zeros in a few hundred kilobytes.
    const bomb = zipOf([{ name: 'zeros.bin', content: Buffer.alloc(200 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    expectRefused(await upload(bomb, 'evidence.zip'), 415, /ZIP/);
    expectRefused(await upload(bomb, 'evidence.pdf', 'application/pdf'), 415, /ZIP/);
    // Expanding it would have cost 200 MB at least.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('a zip bomb dressed as a Word document is at most stored as it came, never expanded', async () => {
    const bomb = zipOf([
      { name: '[Content_Types].xml', content: Buffer.from('<?xml version="1.0"?><Types/>') },
      { name: 'word/document.xml', content: Buffer.alloc(200 * 1024 * 1024, 0x20) },
    ]);
    const rssBefore = process.memoryUsage().rss;
    const response = await upload(bomb, 'policy.docx');
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    if (response.status === 201) {
      const evidence = await stored(response.body.id);
      expect(evidence.sizeBytes).toBe(bomb.length);
      expect(evidence.sha256).toBe(sha256(bomb));
    } else {
      expectRefused(response, 415, /\S/);
    }
  });

  it('polyglots are typed by their leading bytes and never stored as HTML', async () => {
    const pdfWithScript = Buffer.concat([
      await demoEvidencePdf('Polyglot', 'with script'),
      Buffer.from('\n<html><body><script>alert(1)</script></body></html>\n'),
    ]);
    const asPdf = await upload(pdfWithScript, 'assessment.pdf', 'text/html');
    expect(asPdf.status).toBe(201);
    expect((await stored(asPdf.body.id)).contentType).toBe('application/pdf');
    expectRefused(await upload(pdfWithScript, 'assessment.html', 'text/html'), 415, /PDF/);

    const jpegThenZip = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]),
      Buffer.alloc(64),
      Buffer.from([0xff, 0xd9]),
      zipOf([{ name: 'payload.exe', content: Buffer.from('MZ not really') }]),
    ]);
    const asJpeg = await upload(jpegThenZip, 'photo.jpg', 'application/zip');
    expect(asJpeg.status).toBe(201);
    const jpeg = await stored(asJpeg.body.id);
    expect(jpeg.contentType).toBe('image/jpeg');
    expect(jpeg.sha256).toBe(sha256(jpegThenZip));
    expectRefused(await upload(jpegThenZip, 'photo.zip', 'application/zip'), 415, /JPG/);

    const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
    expectRefused(await upload(html, 'page.html', 'text/html'), 415, /not a recognised file type/);
    expectRefused(await upload(html, 'image.svg', 'image/svg+xml'), 415, /not a recognised file type/);
    const asText = await upload(html, 'notes.txt', 'text/html');
    expect(asText.status).toBe(201);
    expect((await stored(asText.body.id)).contentType).toBe('text/plain; charset=utf-8');
  });

  it('the declared content type is ignored: bytes decide', async () => {
    const pdf = await demoEvidencePdf('Declared', 'as an image');
    const declaredImage = await upload(pdf, 'declared.pdf', 'image/png');
    expect(declaredImage.status).toBe(201);
    expect((await stored(declaredImage.body.id)).contentType).toBe('application/pdf');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expectRefused(await upload(png, 'declared.pdf', 'application/pdf'), 415, /PNG.*rename it to \.png/);
  });

  it.each([
    ['../../../../../../tmp/probity-traversal.pdf', 'probity-traversal.pdf', '/tmp/probity-traversal.pdf'],
    ['..\\..\\..\\windows\\probity-traversal.pdf', 'probity-traversal.pdf', undefined],
    ['/etc/cron.d/probity-traversal.pdf', 'probity-traversal.pdf', '/etc/cron.d/probity-traversal.pdf'],
    ['line\r\nbreak.pdf', 'linebreak.pdf', undefined],
  ])('a traversal name %j is stored as %j and no file is written', async (name, expected, forbiddenPath) => {
    const content = await demoEvidencePdf('Traversal', name);
    const response = await upload(content, name, 'application/pdf');
    expect(response.status).toBe(201);
    const evidence = await stored(response.body.id);
    expect(evidence.fileName).toBe(expected);
    expect(evidence.sha256).toBe(sha256(content));
    if (forbiddenPath) expect(existsSync(forbiddenPath)).toBe(false);
  });

  it('a file name with a NUL byte is refused as a malformed upload, with a message', async () => {
    const response = await upload(await demoEvidencePdf('NUL', 'name'), 'report\u0000.exe.pdf', 'application/pdf');
    expectRefused(response, 400, /Malformed part header/);
  });
});
