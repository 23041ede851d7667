import { NOT_APPLICABLE, RubricItem } from '@probity/rubric';
import { ScoringInputError } from './errors';
import { checkEvidence, EvidenceFile, missingEvidence } from './evidence';

const item = (questionName: string, overrides: Partial<RubricItem> = {}): RubricItem => ({
  questionName,
  title: `Title of ${questionName}`,
  principle: 'traceability-auditability',
  weight: 1,
  required: true,
  naAllowed: true,
  evidenceRequired: true,
  visible: true,
  scoring: { kind: 'single-choice', points: { yes: 100, no: 0 } },
  ...overrides,
});

const hash = (digit: string) => digit.repeat(64);

const ITEMS = [
  item('logged'), // answered, no file → finding
  item('tested'), // answered, one file → fine
  item('hiddenByLogic', { visible: false }), // hidden → never a finding
  item('notApplicable'), // answered N/A → no evidence needed
  item('unanswered'), // no answer → counted as unanswered elsewhere, not here
  item('optionalProof', { evidenceRequired: false }), // evidence not asked for
];
const ANSWERS = {
  logged: 'yes',
  tested: 'yes',
  hiddenByLogic: 'yes',
  notApplicable: NOT_APPLICABLE,
  optionalProof: 'yes',
};

describe('missingEvidence', () => {
  it('flags visible, answered questions that ask for evidence and have none', () => {
    expect(missingEvidence(ITEMS, ANSWERS, { tested: 1 })).toEqual([
      { questionName: 'logged', title: 'Title of logged', principle: 'traceability-auditability' },
    ]);
  });
});

describe('checkEvidence', () => {
  const files: EvidenceFile[] = [
    { questionName: 'zzz-removed', fileName: 'old.pdf', sha256: hash('f') },
    { questionName: 'tested', fileName: 'b-report.pdf', sha256: hash('b') },
    { questionName: 'hiddenByLogic', fileName: 'extra.pdf', sha256: hash('c') },
    { questionName: 'tested', fileName: 'a-summary.pdf', sha256: hash('a'), sizeBytes: 1024 },
    { questionName: 'notApplicable', fileName: 'why-na.pdf', sha256: hash('d') },
  ];

  it('lists every file with its hash in rubric order and says which support no scored answer', () => {
    const { missing, files: listed } = checkEvidence(ITEMS, ANSWERS, files);
    expect(missing.map((m) => m.questionName)).toEqual(['logged']);
    expect(listed.map((f) => [f.questionName, f.fileName, f.sha256.slice(0, 2), f.unused])).toEqual([
      ['tested', 'a-summary.pdf', 'aa', null],
      ['tested', 'b-report.pdf', 'bb', null],
      ['hiddenByLogic', 'extra.pdf', 'cc', 'hidden-question'],
      ['notApplicable', 'why-na.pdf', 'dd', 'not-applicable'],
      ['zzz-removed', 'old.pdf', 'ff', 'unknown-question'],
    ]);
    expect(listed[0]).toMatchObject({ questionTitle: 'Title of tested', sizeBytes: 1024 });
    expect(listed[4].questionTitle).toBeNull();
  });

  it('counts a file on a hidden question as no evidence for a visible one', () => {
    const { missing } = checkEvidence(ITEMS, ANSWERS, [
      { questionName: 'hiddenByLogic', fileName: 'x.pdf', sha256: hash('1') },
    ]);
    expect(missing.map((m) => m.questionName)).toEqual(['logged', 'tested']);
  });

  it('gives the same listing whatever order the files arrive in', () => {
    expect(checkEvidence(ITEMS, ANSWERS, [...files].reverse())).toEqual(checkEvidence(ITEMS, ANSWERS, files));
  });

  it('rejects a hash that is not a SHA-256 hex digest', () => {
    const bad = () => checkEvidence(ITEMS, ANSWERS, [{ questionName: 'tested', fileName: 'r.pdf', sha256: 'ABC' }]);
    expect(bad).toThrow(ScoringInputError);
    expect(bad).toThrow('evidence r.pdf for tested: sha256 must be 64 lower-case hex digits');
  });
});
