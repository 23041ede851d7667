import { RESPONSIBLE_AI_HIGH_RISK } from '../bank/responsible-ai-bank';
import { importQuestionnaire } from './import-questionnaire';
import { publishedView } from './published-view';

describe('published view for providers', () => {
  const published = publishedView(RESPONSIBLE_AI_HIGH_RISK);
  const json = JSON.stringify(published);

  it('keeps questions, weights and knock-out rules but no points or red-flag rules', () => {
    expect(json).not.toMatch(/"score"|"scoreBands"|"scoreTrue"|"scoreFalse"|"redFlags"/);
    expect(published.knockouts?.length).toBe(RESPONSIBLE_AI_HIGH_RISK.knockouts?.length);
    expect(json).toContain('"weight"');
    expect(importQuestionnaire(json).ok).toBe(true);
  });

  it('leaves the internal definition untouched', () => {
    expect(JSON.stringify(RESPONSIBLE_AI_HIGH_RISK)).toContain('"score"');
    expect(RESPONSIBLE_AI_HIGH_RISK.redFlags?.length).toBeGreaterThan(0);
  });
});
