import { buildPortalForm, FormQuestion, messagesFor, PortalLanguage } from '@probity/portal';
import { isRightToLeft, localised, QuestionnaireDefinition } from '@probity/questionnaires';

export interface BlankQuestion {
  number: string;
  title: string;
  description: string;
  required: boolean;
  naAllowed: boolean;
  evidenceRequested: boolean;
  /** Tick boxes: one (single) or several (multiple) of these. */
  choices: string[];
  multiple: boolean;
  matrix?: { columns: string[]; rows: string[] };
  unit?: string;
  /** Ruled lines to write the answer on; 0 when the answer is ticked. */
  answerLines: number;
}

export type BlankItem = { html: string } | { question: BlankQuestion };

export interface BlankQuestionnaireView {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  description: string;
  version: number;
  sections: Array<{
    number: number;
    title: string;
    description: string;
    conditional: boolean;
    questions: BlankQuestion[];
    /** Questions and the questionnaire's html blocks (sanitised) in order, as printed. */
    items: BlankItem[];
  }>;
  words: { required: string; notApplicable: string; evidence: string; conditional: string; version: string };
}

const LINES_BY_KIND: Partial<Record<FormQuestion['kind'], number>> = {
  comment: 6,
  text: 1,
  number: 1,
  date: 1,
  file: 2,
};

/**
 * A questionnaire laid out for printing and answering by hand: every section and question (those
 * shown only for some answers are marked), the choices as tick boxes, ruled lines for text.
 */
export function blankQuestionnaire(
  definition: QuestionnaireDefinition,
  options: { version: number; language?: PortalLanguage },
): BlankQuestionnaireView {
  const language = options.language ?? 'en';
  const t = messagesFor(language);
  const locale = language === 'en' ? 'default' : language;
  const form = buildPortalForm(
    definition,
    {},
    { showAll: true, locale, wording: { ...t.question, untitledSection: t.section.untitledSection } },
  );
  const conditionalPages = new Set(definition.pages.filter((page) => page.visibleIf).map((page) => page.name));
  return {
    lang: language,
    dir: isRightToLeft(language) ? 'rtl' : 'ltr',
    title: localised(definition.title, locale),
    description: localised(definition.description, locale),
    version: options.version,
    sections: form.map((section, sectionPosition) => {
      const questions = section.questions.map((question, questionPosition) =>
        blankQuestion(question, `${sectionPosition + 1}.${questionPosition + 1}`),
      );
      const byName = new Map(questions.map((question, position) => [section.questions[position].name, question]));
      return {
        number: sectionPosition + 1,
        title: section.title,
        description: section.description,
        conditional: conditionalPages.has(section.name),
        questions,
        items: section.items.map((item): BlankItem =>
          item.kind === 'html' ? { html: item.html } : { question: byName.get(item.name) as BlankQuestion },
        ),
      };
    }),
    words: {
      required: t.question.required,
      notApplicable: t.question.notApplicable,
      evidence: EVIDENCE[language],
      conditional: CONDITIONAL[language],
      version: VERSION[language],
    },
  };
}

function blankQuestion(question: FormQuestion, number: string): BlankQuestion {
  return {
    number,
    title: question.title,
    description: question.description,
    required: question.required,
    naAllowed: question.naAllowed,
    evidenceRequested: question.evidenceRequested,
    choices: question.choices.map((choice) => choice.label),
    multiple: question.kind === 'multiple',
    matrix: question.matrix && {
      columns: question.matrix.columns.map((column) => column.label),
      rows: question.matrix.rows.map((row) => row.label),
    },
    unit: question.unit,
    answerLines: LINES_BY_KIND[question.kind] ?? 0,
  };
}

// Print-only wording; the portal never shows these, so they live here rather than in its catalogs.
const CONDITIONAL: Record<PortalLanguage, string> = {
  en: 'Answer this section only if it applies to your system (see the scoping answers).',
  fr: 'Ne répondez à cette section que si elle s’applique à votre système (voir les réponses de cadrage).',
  es: 'Responda a esta sección solo si se aplica a su sistema (véanse las respuestas de delimitación).',
  ar: 'أجيبوا عن هذا القسم فقط إذا كان ينطبق على نظامكم (انظروا إجابات تحديد النطاق).',
};

const EVIDENCE: Record<PortalLanguage, string> = {
  en: 'Attach evidence for this answer (documents, test reports or certificates).',
  fr: 'Joignez des pièces justificatives pour cette réponse (documents, rapports de test ou certificats).',
  es: 'Adjunte documentación para esta respuesta (documentos, informes de pruebas o certificados).',
  ar: 'أرفقوا مستندات داعمة لهذه الإجابة (وثائق أو تقارير اختبار أو شهادات).',
};

const VERSION: Record<PortalLanguage, string> = { en: 'Version', fr: 'Version', es: 'Versión', ar: 'الإصدار' };
