import Handlebars from 'handlebars';
import { impactAssessmentDossier } from '../fixtures/impact-assessment-dossier';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import { EN, SAME_AS_ENGLISH } from '../model/catalogue/catalogue';
import type { DossierMeta } from '../model/dossier-view';
import { createDossierTemplate } from './dossier-template';

const META: DossierMeta = {
  version: 2,
  status: 'signed',
  contentHash: 'b'.repeat(64),
  generatedAt: '2026-12-03T09:00:00Z',
};

/**
 * The fixed parts of every English catalogue entry long enough to be unmistakably English wording,
 * except the entries French spells alike ("Questionnaire", "Justification").
 */
function englishWording(): string[] {
  return Object.entries(EN)
    .flatMap(([group, entries]) =>
      Object.entries(entries as Record<string, string>).map(([key, text]) => ({ key: `${group}.${key}`, text })),
    )
    .filter(({ key }) => !SAME_AS_ENGLISH.fr.includes(key))
    .flatMap(({ text }) => text.split(/\{[a-zA-Z]+\}/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.length >= 12);
}

describe('the dossier in the agency’s language', () => {
  const template = createDossierTemplate();
  const signOff = {
    requiredReviewers: [{ name: 'L. Reviewer', role: 'Legal reviewer' }],
    decisions: [
      {
        reviewer: 'L. Reviewer',
        role: 'Legal reviewer',
        decision: 'approve' as const,
        text: null,
        decidedAt: '2026-12-03T08:30:00Z',
        pdfSha256: 'c'.repeat(64),
      },
    ],
    comments: [{ section: 'fria', author: 'L. Reviewer', text: 'Vu.', createdAt: '2026-12-02T17:01:00Z' }],
    signedAt: '2026-12-03T09:00:00Z',
  };

  it('prints no English fixed wording in a French agency’s dossier (data quoted as given aside)', () => {
    const input = { ...sampleDossierInput({ language: 'fr' }), signOff };
    const html = template(input, META);
    // Answers, names and other people's texts are printed as given: wording they contain is theirs.
    const data = JSON.stringify(input);
    const english = englishWording().filter((fragment) => !data.includes(fragment));
    expect(english.length).toBeGreaterThan(150);
    expect(english.filter((fragment) => html.includes(Handlebars.escapeExpression(fragment)))).toEqual([]);
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('<h1>Dossier d’évaluation</h1>');
    expect(html).toContain('Analyse d’impact sur les droits fondamentaux');
  });

  it('sets Arabic right to left and Spanish headings, and keeps the providers’ answers as given', () => {
    const arabic = template(sampleDossierInput({ language: 'ar' }), META);
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('<h1>ملف التقييم</h1>');
    const spanishInput = sampleDossierInput({
      language: 'es',
      answerOverrides: { red_contest: 'Answered in English.' },
    });
    const spanish = template(spanishInput, META);
    expect(spanish).toContain('<h2>1. Resumen ejecutivo</h2>');
    expect(spanish).toContain('Answered in English.');
  });

  it('takes the built-in questions in the agency’s language where the bank has them', () => {
    const english = sampleDossierInput();
    const french = sampleDossierInput({ language: 'fr' });
    const titleOf = (input: typeof english, name: string) =>
      input.providers[0].answers.find((answer) => answer.questionName === name)?.title;
    expect(titleOf(french, 'red_contest')).not.toEqual(titleOf(english, 'red_contest'));
    // Answers are quoted as the provider gave them, whatever the language of the dossier.
    expect(french.providers[0].answers.map((a) => a.answer)).toEqual(english.providers[0].answers.map((a) => a.answer));
  });

  it('writes dates and numbers for the locale, and English as before', () => {
    const french = template(sampleDossierInput({ language: 'fr' }), META);
    expect(french).toContain('3 décembre 2026');
    expect(french).toContain('note globale 96,5 sur 100');
    // Arabic keeps Western digits, like the hashes and article numbers beside them.
    expect(template(sampleDossierInput({ language: 'ar' }), META)).toContain('الدرجة الإجمالية 96.5 من 100');
    const english = template(sampleDossierInput(), META);
    expect(english).toContain('<html lang="en" dir="ltr">');
    expect(english).toContain('2026-12-03 09:00 UTC');
  });

  it('words a questionnaire’s own scoring model in the agency’s language too', () => {
    const { method, answers, results, input } = impactAssessmentDossier();
    const french = {
      ...input,
      agency: { ...input.agency, language: 'fr' as const },
      award: { method, answers, results },
    };
    const html = template(french, META);
    const english = englishWording().filter((fragment) => !JSON.stringify(french).includes(fragment));
    expect(english.filter((fragment) => html.includes(Handlebars.escapeExpression(fragment)))).toEqual([]);
    expect(html).toContain('Sans correspondance : ce questionnaire note avec son propre modèle');
    expect(html).toContain('Le questionnaire définit aussi son propre modèle de notation');
  });
});
