import { dossierWordsFor } from './catalogue/catalogue';
import type { DossierReadinessItem } from './dossier-input';
import { readinessView } from './readiness-view';

describe('readinessView', () => {
  const item = (key: string, mandatory: boolean, status: string): DossierReadinessItem => ({
    key,
    title: `Item ${key}`,
    basis: 'AI Act Art. 26',
    mandatory,
    status,
    owner: null,
    dueDate: null,
    evidence: '',
  });

  it('lists the mandatory items still open; recommended ones never block', () => {
    const view = readinessView({
      deployer: {
        fria: [],
        consultations: [],
        readiness: [item('a', true, 'Done'), item('b', true, 'In progress'), item('c', false, 'Not started')],
      },
    })!;
    expect(view.open).toEqual(['Item b']);
    expect(view.ready).toBe(false);
    expect(view.items.map((i) => [i.key, i.open, i.owner])).toEqual([
      ['a', false, '—'],
      ['b', true, '—'],
      ['c', true, '—'],
    ]);
  });

  it('is ready when every mandatory item is done, and absent for dossiers made before the checklist', () => {
    const ready = readinessView({ deployer: { fria: [], consultations: [], readiness: [item('a', true, 'Done')] } });
    expect(ready?.ready).toBe(true);
    expect(readinessView({})).toBeNull();
    expect(readinessView({ deployer: { fria: [], consultations: [] } })).toBeNull();
  });
});

describe('the readiness checklist in the dossier’s language', () => {
  const item = {
    key: 'human-oversight',
    title: 'Named and trained human overseers',
    basis: 'AI Act Art. 26(2); Toolkit: people and skills',
    mandatory: true,
    status: 'In progress',
    owner: null,
    dueDate: null,
    evidence: '',
  };

  it('translates the items and status words the catalogue knows, and keeps the rest as recorded', () => {
    const reworded = { ...item, key: 'log-retention', title: 'Logs kept for a year', status: 'Done' };
    const view = readinessView(
      { deployer: { fria: [], consultations: [], readiness: [item, reworded] } },
      dossierWordsFor('fr'),
    );
    expect(view?.items.map((i) => [i.title, i.status])).toEqual([
      ['Personnes chargées du contrôle humain désignées et formées', 'En cours'],
      ['Logs kept for a year', 'Réalisé'],
    ]);
    expect(view?.open).toEqual(['Personnes chargées du contrôle humain désignées et formées']);
  });
});
