import type { QuestionnaireTemplate } from '@probity/cases';
import { buildPortalForm, messagesFor, PORTAL_LANGUAGES, PortalLanguage } from '@probity/portal';
import {
  ImportProblem,
  importQuestionnaire,
  localised,
  QuestionnaireDefinition,
  questionnaireLanguages,
} from '@probity/questionnaires';

/** A template as its list row and its preview's heading show it. */
export function templateSummary(template: QuestionnaireTemplate) {
  const { id, key, version, title, publishedAt } = template;
  return { id, key, version, title, published: template.status === 'published', publishedAt };
}

/** How many warnings the import page lists in full before the rest sit behind "show all". */
const WARNINGS_IN_SIGHT = 20;

/** The import warnings of a stored definition: the import is pure, so they are recomputed, never stale. */
export function warningsOf(definition: QuestionnaireDefinition): ImportProblem[] {
  return importQuestionnaire(definition).warnings;
}

/** Warnings as the API returns them, beside the errors: how many, and each with its JSON path. */
export function warningSummary(warnings: ImportProblem[]): { count: number; items: ImportProblem[] } {
  return { count: warnings.length, items: warnings };
}

/** Warnings as a page shows them: the first ones in sight, the rest in a disclosure. */
export function warningView(warnings: ImportProblem[]) {
  return {
    count: warnings.length,
    first: warnings.slice(0, WARNINGS_IN_SIGHT),
    rest: warnings.slice(WARNINGS_IN_SIGHT),
  };
}

/**
 * The preview of a questionnaire in one of the portal's languages: every page (instructions and
 * questions, whatever the logic), the languages it can be shown in, its warnings and its scoring model.
 */
export function previewView(definition: QuestionnaireDefinition, language: PortalLanguage) {
  const locale = language === 'en' ? 'default' : language;
  const t = messagesFor(language);
  const written = new Set(questionnaireLanguages(definition));
  const scoringModel = definition['scoringModel'];
  return {
    language,
    locale,
    // Not `languages`/`dir`: those belong to the layout (the staff page itself stays in English, left to right).
    previewDir: language === 'ar' ? 'rtl' : 'ltr',
    previewLanguages: PORTAL_LANGUAGES.map((code) => ({
      code,
      name: messagesFor(code).language.name,
      current: code === language,
      // English is the default text every questionnaire has; others only if it was written in them.
      translated: code === 'en' || written.has(code),
    })),
    missingTranslation: language !== 'en' && !written.has(language),
    description: localised(definition.description, locale),
    sections: buildPortalForm(
      definition,
      {},
      {
        showAll: true,
        locale,
        wording: { ...t.question, untitledSection: t.section.untitledSection },
      },
    ),
    warnings: warningView(warningsOf(definition)),
    // The declarative scoring model is shown here once a questionnaire defines one.
    scoringModel: scoringModel === undefined ? null : JSON.stringify(scoringModel, null, 2),
    // The portal's own words ("required", "Not applicable") in the preview language, as providers read them.
    t,
  };
}
