import { BUILT_IN_QUESTIONNAIRES, questionsOf } from '@probity/questionnaires';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierAnswer, DossierProvider } from './dossier-input';
import { FRIA_SOURCES, friaAnnex } from './fria';

describe('friaAnnex', () => {
  const input = sampleDossierInput();
  const annex = friaAnnex(input);

  it('has the six Art. 27(1) headings (a)–(f) in order', () => {
    expect(annex.map((s) => s.key)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(annex[0].heading).toMatch(/^\(a\) /);
  });

  // Regression: heading (a) printed the case's intended use, and (b) and (c) read as the providers' support
  // years and their own ratings, as if they were the agency's assessment. Nothing but the agency's own
  // text is the agency's part; an unwritten heading says so.
  it('never presents the intended use or a provider’s answer as the agency’s text: unwritten headings say so', () => {
    const providerAnswers = new Set(input.providers.flatMap((p) => p.answers.map((a) => a.answer)));
    for (const section of annex) {
      expect(section.agency).toEqual({ written: false, text: 'Not yet written by the agency.' });
      expect(providerAnswers.has(section.agency.text)).toBe(false);
      expect(section.agency.text).not.toBe(input.case.intendedUse);
    }
    // The intended use stays visible, labelled as a source from the case record beside heading (a).
    expect(annex[0].caseRecord).toEqual([
      { label: 'Intended use stated when the case was raised', text: input.case.intendedUse },
    ]);
    expect(annex.slice(1).every((s) => s.caseRecord.length === 0)).toBe(true);
  });

  it('prints the agency’s written text under its heading, with the providers’ facts kept apart as sources', () => {
    const written = friaAnnex({
      ...input,
      deployer: {
        fria: [
          {
            key: 'b',
            text: 'Used on each serious case, from 2027 for four years.',
            writtenBy: 'A. Officer',
            writtenAt: '2026-12-01T10:00:00Z',
          },
        ],
        consultations: [],
      },
    });
    const b = written.find((s) => s.key === 'b')!;
    expect(b.agency).toEqual({
      written: true,
      text: 'Used on each serious case, from 2027 for four years.',
      writtenBy: 'A. Officer',
      writtenAt: '2026-12-01',
    });
    expect(b.supplied.length).toBeGreaterThan(0);
    expect(b.supplied.map((x) => x.answer)).not.toContain(b.agency.text);
    expect(written.find((s) => s.key === 'c')!.agency.written).toBe(false);
  });

  it('names only questions that exist in the built-in question banks', () => {
    const known = new Set(
      BUILT_IN_QUESTIONNAIRES.flatMap((q) => questionsOf(q.definition).map((located) => located.question.name)),
    );
    const unknown = Object.values(FRIA_SOURCES)
      .flatMap((h) => h.questionNames)
      .filter((name) => !known.has(name));
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
