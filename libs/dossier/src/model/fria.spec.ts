import { BUILT_IN_QUESTIONNAIRES, questionsOf } from '@probity/questionnaires';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierAnswer, DossierProvider } from './dossier-input';
import { FRIA_HEADINGS, friaAnnex } from './fria';

describe('friaAnnex', () => {
  const input = sampleDossierInput();
  const annex = friaAnnex(input);

  it('has the six Art. 27(1) headings (a)–(f) in order, the agency’s part pre-filled only from the intended use', () => {
    expect(annex.map((s) => s.key)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(annex[0].heading).toMatch(/^\(a\) /);
    expect(annex[0].agency).toBe(input.case.intendedUse);
    for (const section of annex.slice(1)) expect(section.agency).toBe('To be completed by the agency.');
  });

  it('names only questions that exist in the built-in question banks', () => {
    const known = new Set(
      BUILT_IN_QUESTIONNAIRES.flatMap((q) => questionsOf(q.definition).map((located) => located.question.name)),
    );
    const unknown = FRIA_HEADINGS.flatMap((h) => h.questionNames).filter((name) => !known.has(name));
    expect(unknown).toEqual([]);
  });

  it('pre-fills every heading from the sample’s eligible providers', () => {
    for (const section of annex) expect(section.supplied.length).toBeGreaterThan(0);
  });

  it('uses only eligible providers’ answers: a knocked-out provider’s system will not be deployed', () => {
    const providers = new Set(annex.flatMap((s) => s.supplied.map((x) => x.provider)));
    expect(providers).toEqual(new Set(['Northwind Vision Analytics', 'Helios Forensic AI']));
  });

  it('picks answers by named question or by cited article, and skips empty answers', () => {
    const answer = (questionName: string, text: string, aiAct?: string): DossierAnswer => ({
      section: 'S',
      questionName,
      title: `T ${questionName}`,
      answer: text,
      points: 100,
      status: 'scored',
      aiAct,
    });
    const provider: DossierProvider = {
      ...input.providers[0],
      name: 'P',
      answers: [
        answer('ho_custom', 'Two officers confirm every match.', 'Art. 14(4)(d)'),
        answer('custom_complaints', 'Complaints handled within 30 days.', 'Art. 86'),
        answer('law_misuse', 'Misuse is logged and reported.'),
        answer('harm_incidents', '   '),
        answer('unrelated', 'Not used', 'Art. 50'),
      ],
    };
    const sections = friaAnnex({ case: input.case, providers: [provider] });
    const supplied = (key: string) => sections.find((s) => s.key === key)!.supplied.map((x) => x.questionTitle);
    expect(supplied('d')).toEqual(['T law_misuse']);
    expect(supplied('e')).toEqual(['T ho_custom']);
    expect(supplied('f')).toEqual(['T custom_complaints']);
    expect(supplied('b')).toEqual([]);
    expect(sections.flatMap((s) => s.supplied.map((x) => x.answer))).not.toContain('Not used');
  });
});
