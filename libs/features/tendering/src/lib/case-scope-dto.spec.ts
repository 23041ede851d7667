import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { scopeFromForm } from './case-scope-form';
import { CreateCaseDto } from './cases.dto';

const body = (aiActClassification: unknown) => ({
  reference: 'PROC-2026-0200',
  title: 'Post-event search of recorded footage',
  description: 'Searching recorded footage in serious-crime investigations.',
  intendedUse: 'Trained analysts, with a case reference for every search.',
  responsesDue: '2027-01-15T23:59:59.000Z',
  criteriaWeights: {
    lawfulness: 20,
    'minimization-of-harm': 20,
    'human-autonomy': 20,
    fairness: 20,
    'good-governance': 20,
  },
  questionnaireKey: 'responsible-ai-high-risk',
  aiActClassification,
});

async function problems(aiActClassification: unknown): Promise<string[]> {
  const errors = await validate(plainToInstance(CreateCaseDto, body(aiActClassification)));
  const messages = (list: typeof errors): string[] =>
    list.flatMap((error) => [...Object.values(error.constraints ?? {}), ...messages(error.children ?? [])]);
  return messages(errors);
}

describe('the case scope in the officer’s API and form', () => {
  it('accepts a scope of Annex III points, a biometric mode and the personal-data flag', async () => {
    await expect(
      problems({ annexIII: ['1a', '6e'], remoteBiometricIdentification: 'post', personalData: true }),
    ).resolves.toEqual([]);
    await expect(
      problems({ annexIII: [], remoteBiometricIdentification: 'none', personalData: false }),
    ).resolves.toEqual([]);
  });

  it.each([
    [
      'an old free-form point',
      { annexIII: '6(d)', remoteBiometricIdentification: 'none', personalData: true },
      /must be an array/,
    ],
    [
      'a use that is not an Annex III point',
      { annexIII: ['crime-analytics'], remoteBiometricIdentification: 'none', personalData: true },
      /each Annex III point must be one of/,
    ],
    [
      'an unknown biometric mode',
      { annexIII: ['1a'], remoteBiometricIdentification: 'live', personalData: true },
      /remoteBiometricIdentification must be one of/,
    ],
    [
      'no personal-data answer',
      { annexIII: [], remoteBiometricIdentification: 'none' },
      /personalData must be a boolean/,
    ],
    ['no scope at all', undefined, /must give the case scope/],
  ])('refuses %s (400)', async (_label, scope, expected) => {
    expect((await problems(scope)).join(' | ')).toMatch(expected);
  });

  it('reads the scope from the new-case form: one checkbox per point and two radio groups', () => {
    expect(
      scopeFromForm({
        annex_1a: 'yes',
        annex_6e: 'yes',
        annex_7: '',
        remoteBiometricIdentification: 'real-time',
        personalData: 'no',
      }),
    ).toEqual({ annexIII: ['1a', '6e'], remoteBiometricIdentification: 'real-time', personalData: false });
    expect(scopeFromForm({})).toEqual({ annexIII: [], remoteBiometricIdentification: '', personalData: undefined });
  });
});
