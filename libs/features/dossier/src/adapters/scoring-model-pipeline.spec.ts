import { buildDossierView } from '../model/dossier-view';
import { toOcdsReleasePackage } from '../ocds/ocds-export';
import { createDossierTemplate } from '../render/dossier-template';
import { checkAward } from '../reproducible/check-award';
import { impactAssessmentDossier } from '../fixtures/impact-assessment-dossier';

/*
 * The impact-assessment fixture through the pipeline after scoring: the recompute command's
 * scoring (the same calls as the scoring and comparison jobs), the dossier input, the printed
 * dossier and the OCDS export. Expected values: libs/domain/scoring/src/lib/impact-assessment.spec.ts.
 */
const { method, answers, results, input } = impactAssessmentDossier();

describe('a questionnaire’s own scoring model through comparison, recompute, dossier and OCDS', () => {
  it('stores the model outcome on each sheet and ranks by the model’s rule and direction', () => {
    expect(results.providers.map((p) => p.sheet.model?.level?.level)).toEqual([
      'level-1',
      'level-3',
      'level-4',
      'level-3',
      'level-1',
    ]);
    // No principle mapping: nobody is ranked by principle scores; the model ranks all five.
    expect(results.comparison.ranked).toEqual([]);
    expect(results.comparison.model?.ranked.map((p) => [p.rank, p.name, p.value])).toEqual([
      [1, 'Alpha Analytics', expect.closeTo(2.7, 9)],
      [2, 'Epsilon Labs', 13],
      [3, 'Delta Data', 31.5],
      [4, 'Beta Vision', 40.5],
      [5, 'Gamma Systems', 45],
    ]);
  });

  it('recomputes the model values from the embedded record and reports a tampered one', () => {
    const record = { method, answers, results };
    expect(checkAward(record)).toMatchObject({ methodProblems: [], differences: [] });
    const tampered = structuredClone(results);
    tampered.providers[2].sheet.model!.level!.level = 'level-3';
    expect(checkAward({ ...record, results: tampered }).differences).toEqual([
      'providers[2].sheet.model.level.level: embedded "level-3", recomputed "level-4"',
    ]);
  });

  it('gives the dossier the model’s standings, values and levels, and “not mapped” for principle views', () => {
    expect(input.providers.map((p) => p.standing)).toEqual([1, 4, 5, 3, 2].map((rank) => ({ kind: 'ranked', rank })));
    expect(input.comparison.recommendedProviderId).toBe('p1');
    expect(input.scoringModel?.principlesMapped).toBe(false);
    const view = buildDossierView(input, {
      version: 1,
      status: 'draft',
      contentHash: 'x',
      generatedAt: '2026-12-01T00:00:00Z',
    });
    expect(view.scoringModel?.rule).toBe(
      'Ranked by Risk score, lowest first (higher means more risk); equal values share a rank.',
    );
    expect(view.scoringModel?.rows[4]).toEqual({
      rank: 5,
      name: 'Gamma Systems',
      values: ['45 of 60', '16 of 29', '45 of 60'],
      measured: '75 %',
      level: 'Level IV: very high impact',
      outcome: 'fails',
    });
    const html = createDossierTemplate()(input, {
      version: 1,
      status: 'draft',
      contentHash: 'x',
      generatedAt: '2026-12-01T00:00:00Z',
    });
    expect(html).toContain('The questionnaire’s own scoring model');
    expect(html).toContain(
      'Risk score = <code>iif({mitigation} &gt;&#x3D; 0.75 * {mitigationMax}, {impact} * 0.9, {impact})</code>',
    );
    expect(html).toContain('Scoring model: Level III: high impact (passes), rank 4');
    expect(html).toContain('Not mapped: this questionnaire scores with its own model');
    expect(html).toContain('first under the questionnaire’s own scoring model');
    // Nothing to chart or tabulate by principle: the dossier says "not mapped" instead of a table of n/a.
    expect(html).not.toContain('<th scope="col" class="num">Lawfulness</th>');
    expect(view.providers.every((provider) => provider.chart === '')).toBe(true);
  });

  it('works the model through for the provider it puts first in the method statement (Annex C)', () => {
    const html = createDossierTemplate()(
      { ...input, award: { method, answers, results } },
      { version: 1, status: 'draft', contentHash: 'x', generatedAt: '2026-12-01T00:00:00Z' },
    );
    expect(html).toContain('Worked example under the model: Alpha Analytics');
    // Alpha Analytics: impact 3 of 60, mitigation 22 of 24, risk score 3 × 0.9 = 2.7, 4.5 % of 60.
    expect(html).toContain('<li>Impact: 3 of 60 points (3 question(s) hidden for this provider).</li>');
    expect(html).toContain('<li>Mitigation: 22 of 24 points (2 question(s) hidden for this provider).</li>');
    expect(html).toMatch(/Risk score = <code>iif\(.*<\/code> = 2\.7 of 60\./);
    expect(html).toContain('Risk score measures 4.5 % of its maximum: Level I: little to no impact, which passes.');
  });

  it('exports the model’s criteria, ranks and bids per level to OCDS', () => {
    const [release] = toOcdsReleasePackage(input, { publishedDate: '2026-12-05T10:00:00Z' }).releases;
    expect(release.tender.awardCriteriaDetails).toContain('Risk score = iif(');
    expect(release.tender.awardCriteriaDetails).toContain('Higher values mean more risk.');
    // Full scales: impact 60 (worked out in impact-assessment.spec.ts), mitigation 29.
    expect(release.tender.lots[0].awardCriteria.criteria.map((c) => [c.name, c.numbers[0].number])).toEqual([
      ['Impact', 60],
      ['Mitigation', 29],
    ]);
    expect(release.bids.details.map((bid) => bid.rank)).toEqual([1, 4, 5, 3, 2]);
    expect(release.bids.statistics.filter((s) => s.measure === 'bidsAtLevel').map((s) => [s.id, s.value])).toEqual([
      ['level-level-1', 2],
      ['level-level-2', 0],
      ['level-level-3', 2],
      ['level-level-4', 1],
    ]);
  });
});
