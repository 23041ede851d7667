import { MARKING_GUIDES } from '@probity/questionnaires';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import { buildDossierView, DossierMeta } from './dossier-view';

const META: DossierMeta = {
  version: 1,
  status: 'under review',
  contentHash: 'a'.repeat(64),
  generatedAt: '2026-12-03T10:00:00.000Z',
};

describe('the dossier’s marking guides and evidence verdicts', () => {
  const input = sampleDossierInput();

  it('prints the published marking guide (0, 2, 4) of every judgement question in the method', () => {
    const view = buildDossierView(input, META);
    const misuse = view.markingGuides.find((guide) => guide.questionName === 'law_misuse');
    expect(misuse?.questionTitle).toMatch(/misuse/);
    expect(misuse?.levels).toEqual([
      { score: 0, text: MARKING_GUIDES.law_misuse[0].default },
      { score: 2, text: MARKING_GUIDES.law_misuse[2].default },
      { score: 4, text: MARKING_GUIDES.law_misuse[4].default },
    ]);
    expect(view.markingGuides.map((guide) => guide.questionName)).not.toContain('harm_security_testing');
  });

  it('shows per provider which claims the panel confirmed', () => {
    const [first, ...rest] = input.providers;
    const withVerdicts = {
      ...first,
      evidenceConfirmations: [
        {
          questionName: 'harm_security_testing',
          questionTitle: 'Penetration test',
          confirmed: true,
          supports: 2,
          doesNotSupport: 0,
        },
        {
          questionName: 'gov_qms',
          questionTitle: 'Quality management',
          confirmed: false,
          supports: 1,
          doesNotSupport: 1,
        },
      ],
    };
    const view = buildDossierView({ ...input, providers: [withVerdicts, ...rest] }, META);
    expect(view.providers[0].evidenceConfirmations.map((v) => [v.questionTitle, v.verdictText])).toEqual([
      ['Penetration test', 'confirmed'],
      ['Quality management', 'not confirmed'],
    ]);
    expect(view.providers[1].evidenceConfirmations).toEqual([]);
  });
});
