import { PUBLISHED_RULES } from '@probity/rubric';

/** The officer's wording of the method table (staff pages are in English). */
export const OFFICER_METHOD_LABELS = {
  title: 'What each question is worth',
  intro:
    'Every question that applies to this tender and its effective weight in the total (points of 100), as providers see it in the portal. Check the outliers before the tender is published: a question worth far more or far less than the others is usually an accident of the weights.',
  outlierWarning:
    '{count} questions are outliers: worth more than {high} or less than {low} points (three times, or a third of, the average question).',
  high: 'far above average',
  low: 'far below average',
  criterionCaption: '{criterion}: {weight} % of the award, {points} points over its questions',
  question: 'Question',
  principle: 'Instrumental principle',
  points: 'Points of 100',
  total: 'All questions together: {total} points.',
  rulesTitle: 'The published rules',
  rules: Object.values(PUBLISHED_RULES),
};
