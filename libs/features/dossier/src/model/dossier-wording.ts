import type { ChecklistWords, CoverageStatus } from './ai-act';
import { DossierCatalogue, dossierWordsFor, EN, fill } from './catalogue/catalogue';
import type { DossierInput } from './dossier-input';
import { DEFAULT_DOSSIER_LANGUAGE, DossierLanguage } from './dossier-language';

/**
 * The locale numbers and dates are written in. Arabic asks for Western digits explicitly (whatever the
 * ICU version's default), so scores read like the hashes, references and article numbers beside them.
 */
const LOCALE: Record<DossierLanguage, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar-u-nu-latn' };

const COVERAGE_KEY: Record<CoverageStatus, keyof DossierCatalogue['coverage']> = {
  covered: 'covered',
  'partly covered': 'partlyCovered',
  open: 'open',
};

/** The dossier's own English labels stored in its input (timeline, panel roles), by their catalogue key. */
const TIMELINE_KEY: Record<string, keyof DossierCatalogue['timeline']> = {
  'Tender published': 'tenderPublished',
  'Clarification questions due': 'questionsDue',
  'Responses due': 'responsesDue',
  'Evaluation started': 'evaluationStarted',
};
const ROLE_KEY: Record<string, keyof DossierCatalogue['roles']> = {
  Evaluator: 'evaluator',
  'Legal reviewer': 'legalReviewer',
};

export type DossierWording = ReturnType<typeof dossierWording>;

/** "Art. 14" → "art14", the key of an article's entries. */
const articleKey = (article: string) => article.replace(/\W/g, '').toLowerCase();

const PRINCIPLE_KEY = new Map(
  Object.entries(EN.principles).map(([key, name]) => [name, key as keyof DossierCatalogue['principles']]),
);

/** A Toolkit principle named in English in the input (criteria, columns, sheets), in the catalogue's language. */
export function principleNamer(t: DossierCatalogue): (englishName: string) => string {
  return (name) => {
    const key = PRINCIPLE_KEY.get(name);
    return key ? t.principles[key] : name;
  };
}

/** The language of the agency that owns the dossier; English when the input names none. */
export function dossierLanguageOf(input: Pick<DossierInput, 'agency'>): DossierLanguage {
  return input.agency.language ?? DEFAULT_DOSSIER_LANGUAGE;
}

/**
 * Everything the dossier needs to speak one language: its words, and numbers and dates in that
 * locale. English keeps the ISO dates it always printed; other languages write the month out.
 * Only the dossier's own words change: providers' answers and people's texts are printed as given.
 */
export function dossierWording(language: DossierLanguage) {
  const t = dossierWordsFor(language);
  const locale = LOCALE[language];
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const longDay = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const longMinute = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const finite = (value: number | null | undefined): value is number =>
    value !== null && value !== undefined && Number.isFinite(value);
  return {
    language,
    t,
    fill,
    dir: language === 'ar' ? ('rtl' as const) : ('ltr' as const),
    score: (value: number | null | undefined) => (finite(value) ? oneDecimal.format(value) : t.document.notAvailable),
    hundredths: (value: number) => twoDecimals.format(value),
    amount: (value: number) => value.toLocaleString(locale),
    day: (iso: string | null | undefined) =>
      !iso ? '—' : language === 'en' ? iso.slice(0, 10) : longDay.format(new Date(iso)),
    minute: (iso: string | null | undefined) =>
      !iso
        ? '—'
        : language === 'en'
          ? `${iso.slice(0, 16).replace('T', ' ')} UTC`
          : `${longMinute.format(new Date(iso))} UTC`,
    coverage: (status: CoverageStatus) => t.coverage[COVERAGE_KEY[status]],
    obligation: (article: string, englishTitle: string) =>
      (t.obligations as Record<string, string>)[articleKey(article)] ?? englishTitle,
    // An obligation's MCC-AI clause heading; other clause references (a red flag's) stay as published, in English.
    clause: (englishClause: string) => {
      const obligation = Object.entries(EN.clauses).find(([, clause]) => clause === englishClause);
      return obligation ? t.clauses[obligation[0] as keyof DossierCatalogue['clauses']] : englishClause;
    },
    severity: (severity: string) => (t.severity as Record<string, string>)[severity] ?? severity,
    timelineLabel: (label: string) => (TIMELINE_KEY[label] ? t.timeline[TIMELINE_KEY[label]] : label),
    role: (role: string) => (ROLE_KEY[role] ? t.roles[ROLE_KEY[role]] : role),
    principle: principleNamer(t),
  };
}

/** The clause checklist's reasons in the dossier's language. */
export function checklistWords(wording: DossierWording): ChecklistWords {
  return {
    obligation: wording.obligation,
    status: wording.coverage,
    redFlag: (title) => fill(wording.t.aiAct.redFlagBecause, { title }),
  };
}
