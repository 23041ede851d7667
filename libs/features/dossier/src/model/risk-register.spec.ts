import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import { aiActCoverage } from './ai-act';
import type { DossierAnswer, DossierFinding } from './dossier-input';
import { impactOf } from './risk-impact';
import { proposeRisks, RiskFacts, riskFactsFromDossier } from './risk-register';

const ARTICLES = ['Art. 9', 'Art. 10', 'Art. 11', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 26', 'Art. 27'];

/** Answers that cover every AI Act obligation, so a test adds only the gap it is about. */
const covering: DossierAnswer[] = ARTICLES.map((article, i) => ({
  section: 'S',
  questionName: `cover_${i}`,
  title: `Covers ${article}`,
  answer: 'Yes',
  points: 100,
  status: 'scored',
  aiAct: article,
}));

const context = { highRisk: true, category: 'Annex III 6(a) risk assessment of victims' };

function facts(overrides: Partial<RiskFacts['provider']> = {}, questions: RiskFacts['questions'] = []): RiskFacts {
  return {
    provider: {
      id: 'p1',
      name: 'Provider',
      answers: covering,
      redFlags: [],
      missingEvidence: [],
      evidenceConfirmations: [],
      moderation: [],
      justifications: [],
      ...overrides,
    },
    questions: [
      { questionName: 'stop_button', principle: 'human-oversight' },
      { questionName: 'bias_test', principle: 'non-discrimination' },
      { questionName: 'dpia', principle: 'privacy' },
      ...questions,
    ],
    context,
  };
}

const redFlag: DossierFinding = {
  ruleId: 'no-stop',
  title: 'The system cannot be stopped',
  severity: 'critical',
  explanation: 'Operators cannot halt it.',
  mcc: 'Art. 7',
  firedBy: [{ questionName: 'stop_button', questionTitle: 'Can operators stop it?', answer: 'No' }],
};

describe('proposeRisks', () => {
  const cases: Array<{
    name: string;
    facts: RiskFacts;
    expected: Array<{
      key: string;
      principle: string;
      likelihood: number;
      impact: number;
      inherent: number;
      residual: number;
      clause: string | null;
      decision: string;
    }>;
  }> = [
    { name: 'a provider covering everything, with no findings', facts: facts(), expected: [] },
    {
      name: 'a critical red flag on human oversight',
      facts: facts({ redFlags: [redFlag] }),
      // Impact: scope 3 + high-risk use 1 + irremediable 1 = 5; likelihood 5 (critical); condition removes 2.
      expected: [
        {
          key: 'red-flag:no-stop',
          principle: 'human-oversight',
          likelihood: 5,
          impact: 5,
          inherent: 25,
          residual: 15,
          clause: 'MCC-AI Art. 7 — Human oversight',
          decision: 'mitigate',
        },
      ],
    },
    {
      name: 'an AI Act obligation left open by a weak answer',
      facts: facts({
        answers: covering.map((a) =>
          a.aiAct === 'Art. 10' ? { ...a, questionName: 'bias_test', points: 20, answer: 'Not tested' } : a,
        ),
      }),
      expected: [
        {
          key: 'ai-act:Art. 10',
          principle: 'non-discrimination',
          likelihood: 4,
          impact: 5,
          inherent: 20,
          residual: 10,
          clause: 'MCC-AI Art. 3 — Data and data governance',
          decision: 'mitigate',
        },
      ],
    },
    {
      name: 'an obligation only partly covered',
      facts: facts({
        answers: covering.map((a) => (a.aiAct === 'Art. 12' ? { ...a, points: 60 } : a)),
      }),
      // No principle on the answer: Art. 12 sits under traceability (scope 2 + 1, remediable) = 3.
      expected: [
        {
          key: 'ai-act:Art. 12',
          principle: 'traceability-auditability',
          likelihood: 3,
          impact: 3,
          inherent: 9,
          residual: 3,
          clause: 'MCC-AI Art. 5 — Record-keeping',
          decision: 'accept',
        },
      ],
    },
    {
      name: 'missing, unsupported and unconfirmed evidence',
      facts: facts(
        {
          answers: [
            ...covering,
            {
              section: 'S',
              questionName: 'dpia',
              title: 'DPIA done?',
              answer: 'Yes',
              points: 0,
              status: 'scored',
              mcc: 'Art. 3',
            },
          ],
          missingEvidence: [{ questionName: 'dpia', title: 'DPIA done?' }],
        },
        [
          { questionName: 'dpia', principle: 'privacy', evidence: 'missing' },
          { questionName: 'cover_5', principle: 'human-oversight', evidence: 'not-supported' },
          { questionName: 'cover_6', principle: 'accuracy', evidence: 'awaiting-confirmation' },
        ],
      ),
      expected: [
        // The DPIA answer scores 0 against Art. nothing, so only the evidence row; privacy: 2 + 1 + 1 = 4.
        {
          key: 'evidence:dpia',
          principle: 'privacy',
          likelihood: 3,
          impact: 4,
          inherent: 12,
          residual: 4,
          clause: 'MCC-AI Art. 3 — Data and data governance',
          decision: 'accept',
        },
        {
          key: 'evidence:cover_5',
          principle: 'human-oversight',
          likelihood: 4,
          impact: 5,
          inherent: 20,
          residual: 10,
          clause: 'MCC-AI Art. 7 — Human oversight',
          decision: 'mitigate',
        },
        {
          key: 'evidence:cover_6',
          principle: 'accuracy',
          likelihood: 2,
          impact: 5,
          inherent: 10,
          residual: 5,
          clause: null,
          decision: 'mitigate',
        },
      ],
    },
    {
      name: 'panel concerns: a moderated 0 and an unmoderated evaluator mean of 1; a 2 is no concern',
      facts: facts({
        moderation: [
          {
            questionName: 'bias_test',
            questionTitle: 'Bias testing',
            consensusScore: 0,
            reason: 'No method given',
            moderatedBy: 'A',
            moderatedAt: '2026-01-01T00:00:00Z',
          },
          {
            questionName: 'dpia',
            questionTitle: 'DPIA',
            consensusScore: 2,
            reason: 'Adequate',
            moderatedBy: 'A',
            moderatedAt: '2026-01-01T00:00:00Z',
          },
        ],
        justifications: [
          { questionName: 'stop_button', questionTitle: 'Stop', evaluator: 'E1', score: 1, text: 'Vague' },
          { questionName: 'stop_button', questionTitle: 'Stop', evaluator: 'E2', score: 1, text: 'Vague' },
        ],
      }),
      expected: [
        {
          key: 'panel:bias_test',
          principle: 'non-discrimination',
          likelihood: 4,
          impact: 5,
          inherent: 20,
          residual: 15,
          clause: null,
          decision: 'mitigate',
        },
        {
          key: 'panel:stop_button',
          principle: 'human-oversight',
          likelihood: 3,
          impact: 5,
          inherent: 15,
          residual: 10,
          clause: null,
          decision: 'mitigate',
        },
      ],
    },
  ];

  it.each(cases)('$name', ({ facts: given, expected }) => {
    const rows = proposeRisks(given);
    expect(
      rows.map((r) => ({
        key: r.key,
        principle: r.principle,
        likelihood: r.likelihood.value,
        impact: r.impact.value,
        inherent: r.inherent,
        residual: r.residual,
        clause: r.mitigation.clause,
        decision: r.decision,
      })),
    ).toEqual(expected);
    for (const r of rows) {
      expect(r.inherent).toBe(r.likelihood.value * r.impact.value);
      expect(r.residual).toBe(r.residualLikelihood * r.residualImpact);
      expect(r.likelihood.reason).not.toBe('');
      expect(r.impact.reason).toMatch(/scope: .*scale: .*irremediability: /);
      expect(r.source.questions.length).toBeGreaterThan(0);
    }
  });

  it('names the answers behind a red flag as its source', () => {
    const [row] = proposeRisks(facts({ redFlags: [redFlag] }));
    expect(row.source).toMatchObject({ kind: 'red-flag', ref: 'no-stop' });
    expect(row.source.questions).toEqual([
      { questionName: 'stop_button', title: 'Can operators stop it?', answer: 'No' },
    ]);
    expect(row.mitigation.kind).toBe('contract-condition');
    expect(row.owner).toBe('Procurement officer');
  });

  it('treats silence on an obligation as an open risk', () => {
    const rows = proposeRisks(facts({ answers: covering.filter((a) => a.aiAct !== 'Art. 27') }));
    expect(rows.map((r) => r.key)).toEqual(['ai-act:Art. 27']);
    expect(rows[0].source.summary).toMatch(/silence is not assurance/);
  });

  it('rates impact higher for biometric identification than for a use outside the high-risk list', () => {
    expect(
      impactOf('privacy', { highRisk: true, category: 'Annex III 1(a) remote biometric identification' }).value,
    ).toBe(5);
    expect(impactOf('privacy', { highRisk: false, category: 'none' }).value).toBe(3);
    expect(impactOf('efficiency', { highRisk: false, category: 'none' }).value).toBe(1);
  });
});

describe('the register is not an award criterion', () => {
  const deepFreeze = <T>(value: T): T => {
    if (value && typeof value === 'object') {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  };

  it('never changes a score, a rank or the comparison', () => {
    const input = sampleDossierInput();
    const before = JSON.stringify(input);
    deepFreeze(input);
    for (const provider of input.providers) proposeRisks(riskFactsFromDossier(input, provider.id));
    expect(JSON.stringify(input)).toBe(before);
  });

  it("proposes a traceable risk for every gap of the demo tender's weaker ranked provider", () => {
    const input = sampleDossierInput();
    const helios = input.providers.find((p) => p.name === 'Helios Forensic AI')!;
    expect(helios.standing.kind).toBe('ranked');
    const rows = proposeRisks(riskFactsFromDossier(input, helios.id));
    const open = aiActCoverage(helios.answers).filter((o) => o.status !== 'covered').length;
    expect(rows.length).toBe(helios.redFlags.length + helios.missingEvidence.length + open);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.map((r) => r.source.kind))).toEqual(new Set(['red-flag', 'ai-act', 'evidence']));
    const answered = new Set(helios.answers.map((a) => a.questionName));
    for (const r of rows) for (const q of r.source.questions) expect(answered.has(q.questionName)).toBe(true);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
