import { parseQuestionnaireChoice, TEMPLATE_KEY_PATTERN } from './questionnaire-choice';

describe('parseQuestionnaireChoice', () => {
  it('reads a bare key as "the latest"', () => {
    expect(parseQuestionnaireChoice('responsible-ai-light')).toEqual({ key: 'responsible-ai-light' });
  });

  it('reads key@version as that exact version', () => {
    expect(parseQuestionnaireChoice(' facial-recognition@12 ')).toEqual({ key: 'facial-recognition', version: 12 });
  });

  it.each(['', 'Upper', 'key@0', 'key@v2', 'key@1@2', 'a b'])('refuses %j', (choice) => {
    expect(parseQuestionnaireChoice(choice)).toBeNull();
  });
});

describe('TEMPLATE_KEY_PATTERN', () => {
  it('accepts short lower-case keys with hyphens and refuses anything else', () => {
    expect(TEMPLATE_KEY_PATTERN.test('lpr-2026')).toBe(true);
    expect(
      ['-lead', 'trail-', 'UPPER', 'x', 'with space', 'a@1'].filter((key) => TEMPLATE_KEY_PATTERN.test(key)),
    ).toEqual([]);
  });
});
