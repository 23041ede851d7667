import { BUILT_IN_QUESTIONNAIRES } from '@probity/questionnaires';
import { accuracyFigures, accuracyRows } from './accuracy-figures';

describe('accuracy figures on the comparison page', () => {
  const definition = BUILT_IN_QUESTIONNAIRES[0].definition;
  const counts = (fp: number, testSet: string) => ({
    acc_threshold: '0.82',
    acc_test_set: testSet,
    acc_tp: 900,
    acc_fpr: fp,
    acc_tn: 9000 - fp,
    acc_fnr: 100,
  });

  it('computes the rates from each provider’s counts and flags the one measured elsewhere', () => {
    const figures = accuracyFigures(definition, [
      { id: 'a', answers: counts(54, 'Agency set v2') },
      { id: 'b', answers: counts(342, 'Agency set v2') },
      { id: 'c', answers: counts(90, 'Vendor benchmark') },
    ]);
    const rows = accuracyRows(figures, (id) => `Provider ${id}`);
    expect(rows.map((row) => [row.name, row.fpr, row.fnr, row.notComparable])).toEqual([
      ['Provider a', '0.6 %', '10 %', ''],
      ['Provider b', '3.8 %', '10 %', ''],
      ['Provider c', '1 %', '10 %', 'another test set'],
    ]);
  });

  it('has nothing to show for a questionnaire without a confusion matrix', () => {
    expect(accuracyFigures({ pages: [] }, [{ id: 'a', answers: {} }])).toEqual([]);
  });
});
