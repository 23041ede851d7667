import { compareProviders, EQUAL_WEIGHTS } from '@probity/scoring';
import { comparisonView } from './comparison-page.controller';

describe('the comparison page view', () => {
  it('draws no chart when nobody is ranked (the page says so instead)', () => {
    const view = comparisonView(compareProviders([], EQUAL_WEIGHTS), (name) => name);
    expect(view.providers).toEqual([]);
    expect(view.overviewChart).toBeNull();
  });
});
