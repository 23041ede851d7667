import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierInput } from './dossier-input';
import { buildDossierView, DossierMeta, dossierSections } from './dossier-view';

const META: DossierMeta = {
  version: 3,
  status: 'under review',
  contentHash: 'c'.repeat(64),
  generatedAt: '2026-11-22T10:15:42.123Z',
};

const NORTHWIND = '00000000-0000-4000-8000-000000000001';
const HELIOS = '00000000-0000-4000-8000-000000000002';
const BLACKBOX = '00000000-0000-4000-8000-000000000003';

describe('buildDossierView from the sample dossier input', () => {
  const input = sampleDossierInput();
  const view = buildDossierView(input, META);

  it('prints the meta, title, agency and case with formatted value and day-precision timeline', () => {
    expect(view.meta).toEqual({
      ...META,
      generatedAt: '2026-11-22 10:15 UTC',
      signed: false,
      statusText: 'under review',
    });
    expect(view.title).toBe(`Evaluation dossier ${input.case.reference} — ${input.case.title}`);
    expect(view.agency).toEqual(input.agency);
    expect(view.case.reference).toBe(input.case.reference);
    expect(view.case.valueText).toBe('1,850,000 EUR');
    expect(view.case.timeline).toEqual([
      { label: 'Tender published', date: '2026-11-01' },
      { label: 'Clarification questions due', date: '2026-11-15' },
      { label: 'Responses due', date: '2026-12-01' },
      { label: 'Evaluation started', date: '2026-12-02' },
    ]);
    expect(view.case.criteria.map((c) => c.weight).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('says "not stated" when the case has no estimated value and marks a signed render', () => {
    const signed = buildDossierView({ ...input, case: { ...input.case, value: null } }, { ...META, status: 'signed' });
    expect(signed.case.valueText).toBe('not stated');
    expect(signed.meta.signed).toBe(true);
  });

  it('lists every commentable section, provider chapters keyed by provider id in input order', () => {
    expect(view.sections.map((s) => s.key)).toEqual([
      'summary',
      'procedure',
      'comparison',
      'sensitivity',
      `provider:${NORTHWIND}`,
      `provider:${HELIOS}`,
      `provider:${BLACKBOX}`,
      'ai-act',
      'readiness',
      'fria',
      'answers',
      'sign-off',
    ]);
    expect(view.sections[5].title).toBe('5.2 Provider: Helios Forensic AI');
    expect(dossierSections(input)).toEqual(view.sections);
  });

  it('recommends the first-ranked provider with its margin over the runner-up', () => {
    expect(view.summary.recommendation).toEqual({
      name: 'Northwind Vision Analytics',
      overall: input.providers[0].overall!.toFixed(1),
      margin: (input.providers[0].overall! - input.providers[1].overall!).toFixed(1),
      runnerUp: 'Helios Forensic AI',
    });
  });

  it('ranks only eligible providers: the knocked-out provider is listed with its reasons instead', () => {
    expect(view.summary.ranked.map((r) => [r.rank, r.name])).toEqual([
      [1, 'Northwind Vision Analytics'],
      [2, 'Helios Forensic AI'],
    ]);
    expect(view.summary.ranked.map((r) => r.name)).not.toContain('Blackbox Surveillance Ltd');
    expect(view.summary.disqualified).toEqual([
      {
        name: 'Blackbox Surveillance Ltd',
        reasons: [
          {
            title: 'Refuses independent audit access',
            firedBy:
              '“No” to “Will you give independent auditors access to test the system and to inspect its model, code, training documentation and logs?”',
          },
          {
            title: 'Refuses to disclose data provenance',
            firedBy:
              '“We will not disclose this” to “Can you document where the training, validation and test data came from, and on what legal basis it was collected?”',
          },
          {
            title: 'The system cannot be stopped',
            firedBy: '“No” to “Can an authorised person stop the system safely at any time?”',
          },
        ],
      },
    ]);
    expect(view.summary.unscored).toEqual([]);
  });

  it('ranks by rank, not by input order, and leaves knocked-out providers out even when listed first', () => {
    const reordered: DossierInput = { ...input, providers: [...input.providers].reverse() };
    const again = buildDossierView(reordered, META);
    expect(again.summary.ranked.map((r) => r.name)).toEqual(['Northwind Vision Analytics', 'Helios Forensic AI']);
    expect(again.providers.map((p) => p.number)).toEqual(['5.1', '5.2', '5.3']);
    expect(again.providers[0].name).toBe('Blackbox Surveillance Ltd');
  });

  it('raises key risks only for eligible providers (high or critical red flags)', () => {
    expect(view.summary.keyRisks).toEqual([
      { provider: 'Helios Forensic AI', title: 'No disaggregated accuracy results', severity: 'high' },
    ]);
    // Blackbox has several high red flags, but it will not be contracted.
    expect(input.providers[2].redFlags.some((f) => f.severity === 'high')).toBe(true);
  });

  it('marks excluded providers in the comparison matrix and formats every score to one decimal', () => {
    expect(view.matrix.columns).toEqual(input.comparison.columns);
    expect(view.matrix.rows.map((r) => [r.name, r.disqualified])).toEqual([
      ['Northwind Vision Analytics', false],
      ['Helios Forensic AI', false],
      ['Blackbox Surveillance Ltd', true],
    ]);
    for (const row of view.matrix.rows) for (const s of row.scores) expect(s).toMatch(/^\d+\.\d$/);
  });

  it('builds a chapter per provider with standing, findings, coverage and answers', () => {
    const [northwind, helios, blackbox] = view.providers;
    expect(northwind.standingText).toBe('Rank 1');
    expect(blackbox.standingText).toBe('Excluded by a knock-out rule');
    expect(blackbox.disqualified).toBe(true);
    expect(blackbox.knockouts.map((k) => k.title)).toEqual([
      'Refuses independent audit access',
      'Refuses to disclose data provenance',
      'The system cannot be stopped',
    ]);
    const flag = input.providers[1].redFlags[0];
    expect(helios.redFlags[0].reference).toBe(`AI Act ${flag.aiAct} · MCC-AI ${flag.mcc}`);
    expect(northwind.coverage).toHaveLength(9);
    expect(northwind.coveredCount).toBe(northwind.coverage.filter((c) => c.status === 'covered').length);
    expect(northwind.legalIdentifiers.length).toBeGreaterThan(0);
    expect(northwind.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(northwind.chart.startsWith('<svg')).toBe(true);
    expect(northwind.answers.length).toBe(input.providers[0].answers.length);
    for (const answer of northwind.answers) expect(answer.answer).not.toBe('');
  });

  it('prints the points of the answers behind each obligation, and says when a required one is unanswered', () => {
    const provider = input.providers[1];
    const target = provider.answers.findIndex((a) => a.aiAct?.includes('Art. 14') && a.status === 'scored');
    const answers = provider.answers.map((a, i) =>
      i === target ? { ...a, points: null, status: 'unanswered-required' } : a,
    );
    const altered = buildDossierView({ ...input, providers: [input.providers[0], { ...provider, answers }] }, META);
    const oversight = altered.providers[1].coverage.find((c) => c.article === 'Art. 14')!;
    expect(oversight.status).toBe('open');
    const points = oversight.questions.map((q) => q.points);
    expect(points).toContain('unanswered');
    for (const p of points.filter((p) => p !== 'unanswered')) expect(p).toMatch(/^\d+\.\d$/);
  });

  it('groups the evaluators’ justifications by question and keeps the moderation notes', () => {
    const northwind = view.providers[0];
    expect(northwind.justifications.length).toBeGreaterThan(0);
    for (const group of northwind.justifications) {
      expect(group.entries.map((e) => e.evaluator)).toEqual(['A. Evaluator (demo)', 'C. Evaluator (demo)']);
    }
    expect(northwind.moderation[0].moderatedAt).toBe('2026-11-25 15:00 UTC');
  });

  it('prints unanswered answers and missing points explicitly', () => {
    const provider = input.providers[0];
    const altered: DossierInput = {
      ...input,
      providers: [
        {
          ...provider,
          answers: [
            { ...provider.answers[0], answer: '   ', points: null, status: 'unanswered-required' },
            ...provider.answers.slice(1),
          ],
        },
        ...input.providers.slice(1),
      ],
    };
    const first = buildDossierView(altered, META).providers[0].answers[0];
    expect(first.answer).toBe('(not answered)');
    expect(first.points).toBe('—');
  });

  it('shows the sensitivity analysis: shift, margin, stability, the cases that change and close pairs', () => {
    expect(view.sensitivity).toEqual({ shift: 10, margin: 2, stable: true, changes: [], closePairs: [] });
    const unstable: DossierInput = {
      ...input,
      sensitivity: {
        ...input.sensitivity,
        rankingStable: false,
        cases: [
          ...input.sensitivity.cases,
          {
            criterionId: 'fairness',
            criterionName: 'Fairness',
            delta: 10,
            changed: true,
            leaderChanged: true,
            swaps: [{ ahead: NORTHWIND, overtakenBy: HELIOS }],
          },
          {
            criterionId: 'lawfulness',
            criterionName: 'Lawfulness',
            delta: -10,
            changed: true,
            leaderChanged: false,
            swaps: [{ ahead: HELIOS, overtakenBy: 'unknown-provider' }],
          },
        ],
        closePairs: [{ a: NORTHWIND, b: HELIOS, difference: 1.234 }],
      },
    };
    expect(buildDossierView(unstable, META).sensitivity).toEqual({
      shift: 10,
      margin: 2,
      stable: false,
      changes: [
        {
          criterion: 'Fairness',
          delta: '+10',
          leaderChanged: true,
          swaps: 'Helios Forensic AI overtakes Northwind Vision Analytics',
        },
        {
          criterion: 'Lawfulness',
          delta: '-10',
          leaderChanged: false,
          swaps: 'unknown-provider overtakes Helios Forensic AI',
        },
      ],
      closePairs: [{ a: 'Northwind Vision Analytics', b: 'Helios Forensic AI', difference: '1.23' }],
    });
  });

  it('prints the panel’s conflict-of-interest declarations and the clarifications', () => {
    expect(view.panel.map((m) => m.declaration)).toEqual([
      'No conflict declared',
      'No conflict declared',
      'Conflict declared — recused',
      'No conflict declared',
    ]);
    expect(view.panel[2].declaredAt).toBe('2026-11-24');
    expect(view.clarifications).toEqual([{ ...input.clarifications[0], publishedAt: '2026-11-10' }]);
  });

  it('derives the clause checklist from eligible providers only', () => {
    const providersNamed = view.clauseChecklist.flatMap((c) => c.providers);
    expect(providersNamed).not.toContain('Blackbox Surveillance Ltd');
    expect(view.clauseChecklist.length).toBeGreaterThan(0);
    // Northwind covers everything: no clause is needed for the recommended provider, so no open obligation.
    expect(view.clauseChecklist.every((c) => !c.recommendedHasGap)).toBe(true);
    expect(view.summary.openObligations).toEqual([]);
  });

  it('sanitises the charts it embeds', () => {
    expect(view.charts.comparison.startsWith('<svg')).toBe(true);
    expect(view.charts.heatMap.startsWith('<svg')).toBe(true);
    const hostile = buildDossierView(
      { ...input, charts: { comparison: '<svg><script>alert(1)</script><rect onload="x()" width="1"/></svg>' } },
      META,
    );
    expect(hostile.charts.comparison).toBe('<svg><rect width="1" /></svg>');
    expect(hostile.charts.heatMap).toBe('');
  });

  it('prints the sign-off records with labels, section titles and minute-precision dates', () => {
    const signed = buildDossierView(
      {
        ...input,
        signOff: {
          requiredReviewers: [{ name: 'L. Reviewer', role: 'Legal' }],
          decisions: [
            {
              reviewer: 'L. Reviewer',
              role: 'Legal',
              decision: 'approve-with-conditions',
              text: 'Add clause 7.',
              decidedAt: '2026-12-03T08:30:59.000Z',
              pdfSha256: 'd'.repeat(64),
            },
          ],
          comments: [{ section: 'fria', author: 'L. Reviewer', text: 'Check (c).', createdAt: '2026-12-02T17:01:00Z' }],
          signedAt: '2026-12-03T09:00:00.000Z',
        },
      },
      { ...META, status: 'signed' },
    );
    expect(signed.signOff).toEqual({
      required: [{ name: 'L. Reviewer', role: 'Legal' }],
      requiredNames: 'L. Reviewer',
      decisions: [expect.objectContaining({ label: 'Approved with conditions', decidedAt: '2026-12-03 08:30 UTC' })],
      comments: [
        expect.objectContaining({
          sectionTitle: 'Annex A. Fundamental rights impact assessment',
          createdAt: '2026-12-02 17:01 UTC',
        }),
      ],
      signedAt: '2026-12-03 09:00 UTC',
    });
    expect(view.signOff).toEqual({ required: [], requiredNames: '', decisions: [], comments: [], signedAt: '—' });
  });

  it('recommends nobody when no provider remains eligible', () => {
    const none: DossierInput = {
      ...input,
      providers: input.providers.map((p) => ({ ...p, standing: { kind: 'disqualified' } as const })),
      comparison: { ...input.comparison, recommendedProviderId: null },
    };
    const empty = buildDossierView(none, META);
    expect(empty.summary.recommendation).toBeNull();
    expect(empty.summary.ranked).toEqual([]);
    expect(empty.summary.keyRisks).toEqual([]);
    expect(empty.clauseChecklist).toEqual([]);
    expect(empty.fria.every((section) => section.supplied.length === 0)).toBe(true);
  });
});
