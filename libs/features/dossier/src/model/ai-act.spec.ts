import { aiActCoverage, articlesCited, clauseChecklist, OBLIGATIONS, ObligationStatus } from './ai-act';
import type { DossierAnswer, DossierFinding, DossierStanding } from './dossier-input';

function answer(
  questionName: string,
  aiAct: string | undefined,
  points: number | null,
  status = 'scored',
): DossierAnswer {
  return { section: 'S', questionName, title: `Title of ${questionName}`, answer: 'x', points, status, aiAct };
}

const statusOf = (coverage: ObligationStatus[], article: string) => coverage.find((c) => c.article === article)!.status;

describe('articlesCited', () => {
  it('reduces references to distinct articles', () => {
    expect(articlesCited('Art. 14(4)(d); Art. 26(10)')).toEqual(['Art. 14', 'Art. 26']);
    expect(articlesCited('Art. 10(2)(f)-(g); Art. 10(3); Annex III 6')).toEqual(['Art. 10']);
    expect(articlesCited('Art.9')).toEqual(['Art. 9']);
    expect(articlesCited(undefined)).toEqual([]);
    expect(articlesCited('Annex IV')).toEqual([]);
  });
});

describe('aiActCoverage', () => {
  it('checks all nine obligations in order, each with its MCC-AI clause', () => {
    const coverage = aiActCoverage([]);
    expect(coverage.map((c) => c.article)).toEqual([
      'Art. 9',
      'Art. 10',
      'Art. 11',
      'Art. 12',
      'Art. 13',
      'Art. 14',
      'Art. 15',
      'Art. 26',
      'Art. 27',
    ]);
    expect(coverage.map((c) => c.clause)).toEqual(OBLIGATIONS.map((o) => o.clause));
  });

  it('leaves an obligation open when nothing scored addresses it: silence is not assurance', () => {
    expect(aiActCoverage([]).every((c) => c.status === 'open' && c.questions.length === 0)).toBe(true);
  });

  it('covers an obligation only when every related answer scores at least 75', () => {
    const coverage = aiActCoverage([answer('a', 'Art. 14(4)(d)', 75), answer('b', 'Art. 14; Art. 26(10)', 100)]);
    expect(statusOf(coverage, 'Art. 14')).toBe('covered');
    expect(statusOf(coverage, 'Art. 26')).toBe('covered');
    expect(coverage.find((c) => c.article === 'Art. 14')!.questions).toEqual([
      { questionName: 'a', title: 'Title of a', points: 75 },
      { questionName: 'b', title: 'Title of b', points: 100 },
    ]);
  });

  it('partly covers between 50 and 75, and opens below 50 whatever the other answers say', () => {
    expect(statusOf(aiActCoverage([answer('a', 'Art. 9', 100), answer('b', 'Art. 9(2)', 74.9)]), 'Art. 9')).toBe(
      'partly covered',
    );
    expect(statusOf(aiActCoverage([answer('a', 'Art. 9', 50)]), 'Art. 9')).toBe('partly covered');
    expect(statusOf(aiActCoverage([answer('a', 'Art. 9', 100), answer('b', 'Art. 9', 49.9)]), 'Art. 9')).toBe('open');
  });

  it('counts an unanswered required question as a gap and ignores N/A and informative answers', () => {
    expect(
      statusOf(
        aiActCoverage([answer('a', 'Art. 12', 100), answer('b', 'Art. 12', null, 'unanswered-required')]),
        'Art. 12',
      ),
    ).toBe('open');
    const ignored = aiActCoverage([
      answer('a', 'Art. 13', 100),
      answer('b', 'Art. 13', null, 'not-applicable'),
      answer('c', 'Art. 13', 0, 'informative'),
    ]);
    expect(statusOf(ignored, 'Art. 13')).toBe('covered');
    expect(ignored.find((c) => c.article === 'Art. 13')!.questions.map((q) => q.questionName)).toEqual(['a']);
  });
});

describe('clauseChecklist', () => {
  const provider = (
    id: string,
    standing: DossierStanding,
    coverage: ObligationStatus[],
    redFlags: DossierFinding[] = [],
  ) => ({ id, name: `Provider ${id}`, standing, coverage, redFlags });
  const flag = (title: string, mcc?: string): DossierFinding => ({
    ruleId: title,
    title,
    severity: 'high',
    explanation: '',
    mcc,
    firedBy: [],
  });
  const allCovered = aiActCoverage(OBLIGATIONS.map((o, i) => answer(`q${i}`, o.article, 100)));

  it('asks for nothing when every eligible provider covers every obligation', () => {
    expect(clauseChecklist([provider('a', { kind: 'ranked', rank: 1 }, allCovered)], 'a')).toEqual([]);
  });

  it('lists a clause per gap, in obligation order, with the recommended provider first', () => {
    const gaps = aiActCoverage([
      ...OBLIGATIONS.filter((o) => o.article !== 'Art. 14' && o.article !== 'Art. 10').map((o, i) =>
        answer(`q${i}`, o.article, 100),
      ),
      answer('ho', 'Art. 14', 60),
    ]);
    const checklist = clauseChecklist(
      [provider('b', { kind: 'ranked', rank: 2 }, gaps), provider('a', { kind: 'ranked', rank: 1 }, gaps)],
      'a',
    );
    expect(checklist).toEqual([
      {
        clause: 'MCC-AI Art. 3 — Data and data governance',
        because: ['Art. 10 Data and data governance open'],
        providers: ['Provider a', 'Provider b'],
        recommendedHasGap: true,
      },
      {
        clause: 'MCC-AI Art. 7 — Human oversight',
        because: ['Art. 14 Human oversight partly covered'],
        providers: ['Provider a', 'Provider b'],
        recommendedHasGap: true,
      },
    ]);
  });

  it('leaves out knocked-out providers and names red-flag clauses once, after the obligations', () => {
    const checklist = clauseChecklist(
      [
        provider('x', { kind: 'disqualified' }, aiActCoverage([]), [flag('Trains on agency data', 'Section D')]),
        provider('b', { kind: 'ranked', rank: 2 }, allCovered, [
          flag('No disaggregated results', 'Art. 3'),
          flag('Weak logging', 'Section D'),
          flag('No clause named'),
        ]),
      ],
      'a',
    );
    expect(checklist).toEqual([
      {
        clause: 'MCC-AI Art. 3 — Data and data governance',
        because: ['red flag: No disaggregated results'],
        providers: ['Provider b'],
        recommendedHasGap: false,
      },
      {
        clause: 'MCC-AI Section D',
        because: ['red flag: Weak logging'],
        providers: ['Provider b'],
        recommendedHasGap: false,
      },
    ]);
  });
});
