import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import { dossierContentHash } from './content-hash';
import type { DossierInput } from './dossier-input';

describe('dossierContentHash', () => {
  const input = sampleDossierInput();
  const hash = dossierContentHash(input);

  it('is the same for the same content, whatever the key order', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(dossierContentHash(sampleDossierInput())).toBe(hash);
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as unknown as DossierInput;
    expect(dossierContentHash(reordered)).toBe(hash);
  });

  it('ignores the sign-off records: decisions on a version do not make a new one', () => {
    const signed: DossierInput = {
      ...input,
      signOff: { requiredReviewers: [{ name: 'L', role: 'Legal' }], decisions: [], comments: [], signedAt: 'now' },
    };
    expect(dossierContentHash(signed)).toBe(hash);
  });

  it('changes with anything the dossier shows', () => {
    expect(dossierContentHash({ ...input, case: { ...input.case, title: `${input.case.title}.` } })).not.toBe(hash);
    const providers = input.providers.map((p, i) => (i === 0 ? { ...p, overall: (p.overall ?? 0) - 0.001 } : p));
    expect(dossierContentHash({ ...input, providers })).not.toBe(hash);
    expect(dossierContentHash({ ...input, clarifications: [] })).not.toBe(hash);
  });
});
