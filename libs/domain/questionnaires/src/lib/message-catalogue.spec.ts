import { catalogueEntries, withEnglishFallback } from './message-catalogue';

const english = { cover: { title: 'Evaluation dossier', status: 'Status' }, signOff: { signed: 'Signed' } };

describe('a message catalogue with English as its fallback', () => {
  it('takes each entry the translation lacks or leaves empty from English', () => {
    expect(withEnglishFallback(english, { cover: { title: 'Dossier d’évaluation', status: '' } })).toEqual({
      cover: { title: 'Dossier d’évaluation', status: 'Status' },
      signOff: { signed: 'Signed' },
    });
  });

  it('lists every English entry with the translation’s text, undefined where it has none', () => {
    expect([...catalogueEntries(english, { signOff: { signed: 'Signé' } })]).toEqual([
      ['cover.title', undefined],
      ['cover.status', undefined],
      ['signOff.signed', 'Signé'],
    ]);
  });
});
