/**
 * Wording of the panel's "evidence supports the claim" page in the four languages Probity's pages
 * speak. `{name}` placeholders are filled by `fill`; a test holds every language to the English keys.
 */
export const EVIDENCE_CHECK_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type EvidenceCheckLanguage = (typeof EVIDENCE_CHECK_LANGUAGES)[number];

const EN = {
  languageName: 'English',
  switchLabel: 'Language',
  skipLink: 'Skip to main content',
  footer: 'Probity — responsible-AI procurement for law enforcement.',
  title: 'Evidence check',
  back: 'Back to scoring {organisation}',
  eyebrow: 'Checking the evidence of {organisation}',
  intro:
    'An answer the method marks as needing evidence earns its points only when evidence is attached and the panel confirms it supports the answer. Your verdicts are blind: other panel members do not see them. Changing a verdict re-scores the response.',
  claimsHeading: 'Answers that need evidence',
  claimLabel: 'The provider’s answer',
  filesLabel: 'Evidence attached',
  noFiles: 'No evidence is attached: this answer cannot be confirmed and earns no points.',
  verdictLegend: 'Does the evidence support this answer?',
  supports: 'The evidence supports the answer',
  doesNotSupport: 'The evidence does not support the answer',
  noteLabel: 'Note',
  noteHint: 'In a sentence: what in the evidence does or does not support the answer.',
  save: 'Save verdict',
  yourVerdict: 'Your verdict: {verdict}',
  notChecked: 'Not checked yet',
  none: 'This response has no answer that needs evidence.',
  closed: 'The case is no longer in evaluation; verdicts can no longer change.',
  saved: 'Your verdict is recorded. The response will be re-scored.',
  errorTitle: 'That was not saved',
  errorVerdict: 'Say whether the evidence supports the answer.',
  errorNote: 'Write a short note (up to 1,000 characters).',
};

export type EvidenceCheckMessages = typeof EN;

const FR: EvidenceCheckMessages = {
  languageName: 'Français',
  switchLabel: 'Langue',
  skipLink: 'Aller au contenu principal',
  footer: 'Probity — achat responsable de systèmes d’IA pour les services répressifs.',
  title: 'Vérification des preuves',
  back: 'Retour à la notation de {organisation}',
  eyebrow: 'Vérification des preuves de {organisation}',
  intro:
    'Une réponse pour laquelle la méthode exige des preuves ne rapporte ses points que si des preuves sont jointes et que le jury confirme qu’elles étayent la réponse. Vos avis sont à l’aveugle : les autres membres du jury ne les voient pas. Modifier un avis entraîne une nouvelle notation de la réponse.',
  claimsHeading: 'Réponses exigeant des preuves',
  claimLabel: 'La réponse du fournisseur',
  filesLabel: 'Preuves jointes',
  noFiles: 'Aucune preuve n’est jointe : cette réponse ne peut pas être confirmée et ne rapporte aucun point.',
  verdictLegend: 'Les preuves étayent-elles cette réponse ?',
  supports: 'Les preuves étayent la réponse',
  doesNotSupport: 'Les preuves n’étayent pas la réponse',
  noteLabel: 'Note',
  noteHint: 'En une phrase : ce qui, dans les preuves, étaye ou non la réponse.',
  save: 'Enregistrer l’avis',
  yourVerdict: 'Votre avis : {verdict}',
  notChecked: 'Pas encore vérifiée',
  none: 'Cette réponse ne contient aucune réponse exigeant des preuves.',
  closed: 'Le dossier n’est plus en évaluation ; les avis ne peuvent plus changer.',
  saved: 'Votre avis est enregistré. La réponse sera notée à nouveau.',
  errorTitle: 'Rien n’a été enregistré',
  errorVerdict: 'Indiquez si les preuves étayent la réponse.',
  errorNote: 'Rédigez une courte note (1 000 caractères au plus).',
};

const ES: EvidenceCheckMessages = {
  languageName: 'Español',
  switchLabel: 'Idioma',
  skipLink: 'Ir al contenido principal',
  footer: 'Probity — contratación responsable de sistemas de IA para las fuerzas del orden.',
  title: 'Comprobación de pruebas',
  back: 'Volver a la puntuación de {organisation}',
  eyebrow: 'Comprobación de las pruebas de {organisation}',
  intro:
    'Una respuesta para la que el método exige pruebas solo obtiene sus puntos si se adjuntan pruebas y el panel confirma que respaldan la respuesta. Sus valoraciones son ciegas: los demás miembros del panel no las ven. Cambiar una valoración vuelve a puntuar la respuesta.',
  claimsHeading: 'Respuestas que exigen pruebas',
  claimLabel: 'La respuesta del proveedor',
  filesLabel: 'Pruebas adjuntas',
  noFiles: 'No se adjuntan pruebas: esta respuesta no puede confirmarse y no obtiene puntos.',
  verdictLegend: '¿Respaldan las pruebas esta respuesta?',
  supports: 'Las pruebas respaldan la respuesta',
  doesNotSupport: 'Las pruebas no respaldan la respuesta',
  noteLabel: 'Nota',
  noteHint: 'En una frase: qué de las pruebas respalda o no la respuesta.',
  save: 'Guardar valoración',
  yourVerdict: 'Su valoración: {verdict}',
  notChecked: 'Aún no comprobada',
  none: 'Esta oferta no tiene respuestas que exijan pruebas.',
  closed: 'El expediente ya no está en evaluación; las valoraciones ya no pueden cambiar.',
  saved: 'Su valoración se ha registrado. La respuesta se volverá a puntuar.',
  errorTitle: 'No se ha guardado',
  errorVerdict: 'Indique si las pruebas respaldan la respuesta.',
  errorNote: 'Escriba una nota breve (hasta 1000 caracteres).',
};

const AR: EvidenceCheckMessages = {
  languageName: 'العربية',
  switchLabel: 'اللغة',
  skipLink: 'انتقل إلى المحتوى الرئيسي',
  footer: 'Probity — شراء مسؤول لأنظمة الذكاء الاصطناعي لأجهزة إنفاذ القانون.',
  title: 'التحقق من الأدلة',
  back: 'العودة إلى تقييم {organisation}',
  eyebrow: 'التحقق من أدلة {organisation}',
  intro:
    'الإجابة التي تشترط المنهجية دعمها بأدلة لا تنال نقاطها إلا إذا أُرفقت الأدلة وأكدت اللجنة أنها تدعم الإجابة. آراؤكم سرية: لا يراها أعضاء اللجنة الآخرون. تغيير الرأي يعيد تقييم الرد.',
  claimsHeading: 'الإجابات التي تتطلب أدلة',
  claimLabel: 'إجابة المورّد',
  filesLabel: 'الأدلة المرفقة',
  noFiles: 'لم تُرفق أي أدلة: لا يمكن تأكيد هذه الإجابة ولا تنال أي نقاط.',
  verdictLegend: 'هل تدعم الأدلة هذه الإجابة؟',
  supports: 'الأدلة تدعم الإجابة',
  doesNotSupport: 'الأدلة لا تدعم الإجابة',
  noteLabel: 'ملاحظة',
  noteHint: 'في جملة واحدة: ما الذي يدعم الإجابة في الأدلة أو لا يدعمها.',
  save: 'حفظ الرأي',
  yourVerdict: 'رأيكم: {verdict}',
  notChecked: 'لم يُتحقق منها بعد',
  none: 'لا يتضمن هذا الرد أي إجابة تتطلب أدلة.',
  closed: 'لم تعد القضية في مرحلة التقييم؛ لا يمكن تغيير الآراء بعد الآن.',
  saved: 'سُجّل رأيكم. سيُعاد تقييم الرد.',
  errorTitle: 'لم يُحفظ ذلك',
  errorVerdict: 'بيّنوا ما إذا كانت الأدلة تدعم الإجابة.',
  errorNote: 'اكتبوا ملاحظة قصيرة (1000 حرف كحد أقصى).',
};

export const EVIDENCE_CHECK_MESSAGES: Record<EvidenceCheckLanguage, EvidenceCheckMessages> = {
  en: EN,
  fr: FR,
  es: ES,
  ar: AR,
};

/** The page language: an explicit `?lang=` first, then the browser's preference, else English. */
export function evidenceCheckLanguage(
  query: unknown,
  acceptsLanguages: (offered: string[]) => string | false,
): EvidenceCheckLanguage {
  if (typeof query === 'string' && (EVIDENCE_CHECK_LANGUAGES as readonly string[]).includes(query))
    return query as EvidenceCheckLanguage;
  const preferred = acceptsLanguages([...EVIDENCE_CHECK_LANGUAGES]);
  return preferred ? (preferred as EvidenceCheckLanguage) : 'en';
}

export const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
