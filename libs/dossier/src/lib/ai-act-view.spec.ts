import type { QuestionScore } from '@probity/scoring';
import { aiActCoverage, articlesCited } from './ai-act-view';

const score = (
  questionName: string,
  points: number | null,
  status: QuestionScore['status'] = 'scored',
): QuestionScore => ({
  questionName,
  title: questionName,
  principle: 'human-oversight',
  core: 'human-autonomy',
  weight: 1,
  status,
  points,
  contribution: 0,
  source: 'automatic',
});

describe('AI Act view', () => {
  it('reads article numbers from references', () => {
    expect(articlesCited('Art. 14(4)(d); Art. 26(10)')).toEqual(['Art. 14', 'Art. 26']);
    expect(articlesCited(undefined)).toEqual([]);
  });

  it('marks obligations covered, partly covered or open, with the clause that closes the gap', () => {
    const coverage = aiActCoverage(
      [score('stop', 100), score('override', 60), score('logging', 0), score('hidden', 100, 'hidden')],
      { stop: 'Art. 14(4)(e)', override: 'Art. 14(4)(d)', logging: 'Art. 12', hidden: 'Art. 9' },
    );
    const byArticle = Object.fromEntries(coverage.map((entry) => [entry.article, entry]));
    expect(byArticle['Art. 14'].status).toBe('partly covered');
    expect(byArticle['Art. 12'].status).toBe('open');
    expect(byArticle['Art. 12'].clause).toMatch(/MCC-AI Art\. 5/);
    expect(byArticle['Art. 9'].status).toBe('open');
    expect(byArticle['Art. 9'].questions).toEqual([]);
  });
});
