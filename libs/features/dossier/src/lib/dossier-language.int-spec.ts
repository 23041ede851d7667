import type { TestingModule } from '@nestjs/testing';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CasesService } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { IdentityService } from '@probity/identity';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierInput } from '../model/dossier-input';
import { dossierReviewHarness } from '../testing/dossier-review-harness';
import { dossierAgencyOf, DossierInputSource } from './case-dossier-source';

const run = promisify(execFile);

/**
 * The sample evaluation behind a real case row, with the agency read from the database as the real
 * source reads it (`dossierAgencyOf`): its name and the language its administrator set.
 */
class AgencyLanguageSource extends DossierInputSource {
  constructor(private readonly module: () => TestingModule) {
    super();
  }

  async inputFor(caseId: string): Promise<DossierInput> {
    const procurementCase = await this.module().get(CasesService).getCase(caseId);
    const agency = await dossierAgencyOf(this.module().get(IdentityService), procurementCase.agencyId);
    const sample = sampleDossierInput({ language: agency.language });
    return { ...sample, agency: { ...sample.agency, ...agency }, case: { ...sample.case, id: caseId } };
  }

  async markSignedOff(): Promise<void> {
    return undefined;
  }
}

describe('a dossier in the agency’s language (real PostgreSQL, Redis and Chromium)', () => {
  const harness = dossierReviewHarness((moduleRef) => new AgencyLanguageSource(moduleRef));
  let workdir: string;

  beforeAll(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'probity-dossier-language-'));
  });

  afterAll(async () => {
    if (workdir) await rm(workdir, { recursive: true, force: true });
  });

  async function renderedText(agencyName: string, language?: string): Promise<string> {
    const { moduleRef, dossiers } = harness.ready;
    const identity = moduleRef.get(IdentityService);
    const agency = await identity.createAgency(agencyName);
    if (language) await identity.setDossierLanguage(agency.id, language);
    const demo = demoCase(new Date('2026-11-01T00:00:00Z'));
    const caseId = (await moduleRef.get(CasesService).createCase(agency.id, demo)).id;
    const version = await harness.renderedVersion(caseId);
    const file = join(workdir, `${agencyName}.pdf`);
    await writeFile(file, (await dossiers.pdf(version.id))!);
    return (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, ' ');
  }

  it('prints a Spanish agency’s dossier with Spanish headings, and the providers’ answers as given', async () => {
    const text = await renderedText('Policía Nacional (test)', 'es');
    for (const heading of [
      'Expediente de evaluación',
      '1. Resumen ejecutivo',
      '2. Procedimiento',
      '3. Comparación de proveedores',
      '6. Reglamento europeo de IA y cláusulas contractuales',
      'Anexo A. Evaluación de impacto relativa a los derechos fundamentales',
      'Anexo B. Respuestas de los proveedores',
      'Sistema de IA de alto riesgo',
    ])
      expect(text).toContain(heading);
    expect(text).toMatch(/página 2 de \d+/);
    for (const english of ['Executive summary', 'Comparison of providers', 'Providers’ answers', 'page 2 of'])
      expect(text).not.toContain(english);
    // A provider's free-text answer, quoted as the provider wrote it.
    expect(text).toContain('Documented in our technical file, section 4');
  });

  it('keeps English for an agency that never chose a language', async () => {
    const text = await renderedText('Metropolitan Police (test)');
    expect(text).toContain('1. Executive summary');
    expect(text).toMatch(/page 2 of \d+/);
  });

  it('refuses a language outside the four in the database itself', async () => {
    const identity = harness.ready.moduleRef.get(IdentityService);
    const agency = await identity.createAgency('Bundespolizei (test)');
    await expect(identity.setDossierLanguage(agency.id, 'de')).rejects.toThrow(/agencies_dossier_language/);
    expect((await identity.getAgency(agency.id)).dossierLanguage).toBe('en');
  });
});
