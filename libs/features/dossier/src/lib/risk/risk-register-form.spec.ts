import { checkedForm } from '@probity/web';
import { AddRiskDto } from './risk-register.dto';
import { addRiskChoices, addRiskFromForm, appetiteGrid } from './risk-register-form';

const FILLED = {
  providerId: '4c7f1e9a-8a0e-4f55-9a8e-3f1f2a3b4c5d',
  principle: 'human-oversight',
  description: 'Operators cannot pause the alerts.',
  likelihood: '4',
  likelihoodReason: 'Two operators at night.',
  impact: '5',
  impactReason: 'A wrongful stop cannot be undone.',
  mitigationKind: 'agency-measure',
  mitigationText: 'A third operator.',
  clause: '',
  owner: 'Control room',
  decision: 'mitigate',
  reason: 'Works council.',
};

describe('the page form that adds a risk', () => {
  it('becomes the API’s AddRiskDto, which accepts it', async () => {
    const { missing, plain } = addRiskFromForm(FILLED);
    expect(missing).toEqual([]);
    expect(plain).toMatchObject({
      likelihood: { value: 4, reason: 'Two operators at night.' },
      impact: { value: 5, reason: 'A wrongful stop cannot be undone.' },
      mitigation: { kind: 'agency-measure', text: 'A third operator.', clause: null },
    });
    expect((await checkedForm(AddRiskDto, plain)).problems).toEqual([]);
  });

  it('names every empty required field at once', () => {
    const { missing } = addRiskFromForm({ ...FILLED, description: ' ', owner: '', impact: '', reason: '' });
    expect(missing).toEqual([
      'Describe the risk.',
      'Rate the impact from 1 to 5.',
      'Name the owner of the risk.',
      'Give the reason for adding the risk.',
    ]);
  });

  it('refuses a rating off the scale in the API’s words', async () => {
    const { plain } = addRiskFromForm({ ...FILLED, likelihood: '7' });
    expect((await checkedForm(AddRiskDto, plain)).problems).toEqual([
      'likelihood and impact are whole numbers from 1 to 5',
    ]);
  });

  it('offers the choices with what was typed selected, mitigate and a contract condition by default', () => {
    const typed = addRiskChoices({ ...FILLED, decision: 'avoid' });
    expect(typed.principles.filter((p) => p.selected).map((p) => p.value)).toEqual(['human-oversight']);
    expect(typed.impacts.filter((i) => i.selected).map((i) => i.value)).toEqual(['5']);
    expect(typed.decisions.find((d) => d.selected)?.value).toBe('avoid');
    const fresh = addRiskChoices();
    expect(fresh.principles).toHaveLength(17);
    expect(fresh.decisions.find((d) => d.selected)?.value).toBe('mitigate');
    expect(fresh.kinds.find((k) => k.selected)?.value).toBe('contract-condition');
  });
});

describe('the risk appetite grid', () => {
  it('marks the likelihood × impact products above the appetite, likelihood 5 on top', () => {
    const grid = appetiteGrid(12);
    expect(grid.map((row) => row.likelihood)).toEqual([5, 4, 3, 2, 1]);
    const above = grid.flatMap((row) => row.cells.filter((cell) => cell.above).map((cell) => cell.score));
    expect(above.sort((a, b) => a - b)).toEqual([15, 15, 16, 20, 20, 25]);
    expect(appetiteGrid(25).some((row) => row.cells.some((cell) => cell.above))).toBe(false);
  });
});
