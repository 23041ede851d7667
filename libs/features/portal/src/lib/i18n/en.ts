import { OFFLINE_WORKBOOK_LABELS } from '@probity/questionnaires';

/**
 * The provider portal's English wording: the reference catalog. Every other catalog must have the
 * same keys (a unit test checks); `{name}` marks a value filled in when the page is rendered.
 */
export const EN = {
  language: {
    name: 'English',
    switchLabel: 'Language',
  },
  layout: {
    skipLink: 'Skip to main content',
    footer: 'Probity — responsible-AI procurement for law enforcement.',
  },
  notices: {
    saved: 'Your answers were saved.',
    asked: 'Your question was sent. The answer will be published to every invited provider.',
    submitted:
      'Your response was submitted. Its answers and evidence are now frozen; this receipt was also e-mailed to your contact addresses.',
  },
  overview: {
    cannotSubmitTitle: 'Your response cannot be submitted yet',
    cannotSubmitIntro: 'Please complete or correct these answers:',
    respondingAs: 'Responding as {organisation}.',
    submittedOn: 'Submitted {date}',
    dueBy: 'Responses are due by {date}.',
    aboutTitle: 'About this tender',
    intendedUseTitle: 'Intended use of the AI system',
    questionsDue: 'Clarification questions are accepted until {date}.',
    criteriaTitle: 'How responses are evaluated',
    criteriaIntro:
      'Answers are scored against the five core principles of the INTERPOL–UNICRI Toolkit for Responsible AI Innovation in Law Enforcement, with these published weights. Some answers are knock-out criteria: a response that fails one is not ranked.',
    criteriaCaption: 'Evaluation criteria and weights',
    principleHeading: 'Core principle',
    weightHeading: 'Weight (%)',
    questionnaireTitle: 'Questionnaire',
    questionnaireIntro:
      'Your answers are saved as you go. You can leave and come back with the same link, from any device.',
    sectionProgress: '{answered} of {required} required answered',
    sectionProgressAll: '{answered} of {total} in all',
    offlineWorkbook:
      'Download the questionnaire as a spreadsheet to prepare your answers offline; enter them here afterwards.',
    clarificationsTitle: 'Clarifications',
    clarificationsIntro:
      'Answers to providers’ questions, published to every invited provider without naming who asked.',
    publishedOn: 'Published {date}',
    noClarifications: 'No clarifications have been published yet.',
    methodHash:
      'Fingerprint (SHA-256) of the published evaluation method: {hash}. The signed evaluation dossier embeds the method it used; anyone can check that its fingerprint is this one.',
    amendmentsTitle: 'Amendments of the evaluation method',
    amendmentsIntro: 'Changes to the published weights before the response deadline, sent to every invited provider.',
    amendmentHeading: 'Amendment {number}, published {date}',
    amendmentReason: 'Reason: {reason}',
    amendmentExtended: 'The response deadline was extended to {date}.',
    amendmentCaption: 'Weights changed by amendment {number}',
    amendmentBefore: 'Before',
    amendmentAfter: 'After',
    noAmendments: 'The evaluation method has not been amended.',
    pendingTitle: 'Your questions awaiting an answer',
    askedOn: 'asked {date}',
    askLabel: 'Ask a question about this tender',
    askHint: 'The answer is published to every invited provider. Your organisation’s name is not shown.',
    askButton: 'Send the question',
    submitTitle: 'Submit your response',
    submittedText: 'Your response was submitted on {date}. Its answers are now frozen.',
    viewReceipt: 'View your receipt',
    submitIntro:
      'When you submit, every required answer is checked and your answers are frozen: they can no longer be changed. You receive a receipt with a fingerprint (SHA-256) of exactly what you submitted.',
    submitButton: 'Submit the response',
    closedOn: 'The response period closed on {date}.',
    confirmTitle: 'Submit your response?',
    confirmIntro: 'You are about to submit the response of {organisation} to “{case}”.',
    confirmIrreversible: 'Once submitted, your answers and evidence are frozen and can no longer be changed.',
    confirmSummary: 'You answered {answered} of {total} questions and attached {files} evidence files.',
    confirmButton: 'Yes, submit the response',
    confirmCancel: 'No, go back to my answers',
  },
  section: {
    sectionsNavLabel: 'Questionnaire sections',
    backToOverview: 'Back to the overview',
    conflictTitle: 'Your changes were not saved',
    conflictText:
      'The answers below are the latest saved ones (for example from another tab or device). Check them, make your changes again and save.',
    conflictDefault: 'These answers changed elsewhere.',
    problemsTitle: 'Some answers need correcting',
    readOnly: 'This response has been submitted. Its answers can no longer be changed.',
    save: 'Save',
    saveAndContinue: 'Save and continue',
    addEvidence: 'Add evidence for “{question}”',
    evidenceHint:
      'PDF, image, Word, Excel, OpenDocument or plain text; at most {megabytes} MB. The file type is checked from its content.',
    upload: 'Upload',
    uploadProgress: 'Upload progress',
    uploading: 'Uploading… {percent} %',
    uploaded: 'Uploaded. Showing the file…',
    uploadFailed: 'Not uploaded. {detail}',
    pagerLabel: 'Previous and next section',
    previous: 'Previous: {title}',
    next: 'Next: {title}',
    reviewAndSubmit: 'Review and submit',
    untitledSection: 'Section {number}',
    uploadRetrying: 'Not uploaded yet: trying again in {seconds} s. The file stays selected.',
  },
  method: {
    title: 'How you are scored',
    intro:
      'The complete method, published before answers: what each question is worth in the total (points of 100), and the rules the scorer applies to every provider alike. Each choice’s points and every band are shown in the questionnaire sections.',
    criterionCaption: '{criterion}: {weight} % of the award, {points} points over its questions',
    question: 'Question',
    principle: 'Instrumental principle',
    points: 'Points of 100',
    total: 'All questions together: {total} points.',
    rulesTitle: 'The rules',
    ruleWeights:
      'Each question is worth principle weight × question weight units; a criterion’s points are shared among its questions in proportion to their units, so every question’s points are published above and add up to 100.',
    ruleNa:
      '“Not applicable” is accepted only where the questionnaire offers it. A question answered N/A leaves the score: its points are shared, in proportion, by the other questions of its criterion. A table row answered N/A where offered leaves the table’s average.',
    ruleBlank:
      'A question left blank scores 0, the same as the worst answer, whether it is required or optional: leaving a question blank never beats answering it.',
    ruleTables:
      'A table scores the average over every row; a row left out scores 0. A table with rows left out cannot be submitted.',
    ruleEvidence:
      'A claim that asks for evidence earns its points only when the evidence is attached and the evaluation panel confirms it supports the claim; until then, and when the panel finds it does not, it scores 0, the same as the worst answer. Evidence never lowers a score.',
    ruleAccuracy:
      'Accuracy is asked as counts (TP, FP, TN, FN) at a stated operating threshold on a named test set. Probity computes the false positive rate FP / (FP + TN), the false negative rate FN / (FN + TP), precision and the base rate the same way for every provider and scores the rates by the published bands; figures measured on another test set, at another threshold or at a very different base rate are marked as not comparable.',
    ruleJudgement:
      'Questions that need judgement are scored by the evaluation panel on the published 0–4 scale; 4 is worth 100 points.',
    ruleKnockouts: 'A response that meets an exclusion (knock-out) rule is not ranked.',
    ruleRedFlags: 'Red flags are risks for the contract, not award criteria: they never change a score or a rank.',
  },
  model: {
    title: 'How you are scored: the questionnaire’s own scoring model',
    intro:
      'This questionnaire brings its own scoring model, published with the tender before any answer. The evaluation applies exactly this model to every provider: the points of each answer, the group totals, the values computed from them, the levels and the ranking below.',
    riskier: 'Higher values mean more risk: the lower the result, the better.',
    better: 'Higher values are better.',
    groupCaption: '{group}: the points of each answer ({questions} questions)',
    maximumAll:
      'The group’s total is the sum of its questions’ points. Its maximum is {maximum} points: every question of the group counts in it, shown to you or not.',
    maximumVisible:
      'The group’s total is the sum of its questions’ points. Its maximum counts only the questions shown to you (at most {maximum} points): a question hidden by your answers does not count.',
    groupRiskier: 'In this group more points mean more risk.',
    groupBetter: 'In this group more points are better (for example, measures that reduce the risk).',
    question: 'Question',
    answer: 'Answer',
    points: 'Points',
    weighted: 'Points × {weight} (question weight)',
    multiple: 'Each chosen answer adds its points.',
    perRow: 'Each row adds the points of the column chosen.',
    ratingNumber: 'The number chosen, from {lowest} to {highest}, is the points.',
    rangeBelow: 'below {to}',
    rangeFrom: '{from} or more',
    rangeBetween: '{from} to under {to}',
    blank:
      'A question shown to you and left blank counts as its worst answer: the most risk points, or the fewest points where more is better. A question hidden by your answers earns no points. “Not applicable”, where offered, leaves the question out of its group’s total and maximum.',
    valuesTitle: 'Values computed from the totals',
    valuesIntro:
      'Computed in this order, with the formulas of SurveyJS’s expression language: iif(condition, a, b) gives a when the condition holds, b otherwise.',
    valueHeading: 'Value',
    formulaHeading: 'Formula',
    maximumHeading: 'Its maximum',
    variablesTitle: 'Names used in the formulas',
    variableValue: 'the total of “{title}”',
    variableMaximum: 'the maximum of “{title}”',
    variableDerived: 'the value of “{title}”',
    levelsTitle: 'Levels',
    levelsPercent: 'The level is set by “{value}” as a percentage of its maximum.',
    levelsPoints: 'The level is set by “{value}” in points.',
    levelHeading: 'Level',
    rangePercent: 'Range (% of the maximum)',
    rangePoints: 'Range (points)',
    outcomeHeading: 'Outcome',
    passes: 'Passes',
    fails: 'Fails',
    rankingTitle: 'Ranking',
    rankByValueLowest: 'Responses are ranked by “{value}”, lowest first; equal values share a rank.',
    rankByValueHighest: 'Responses are ranked by “{value}”, highest first; equal values share a rank.',
    rankByLevelLowest:
      'Responses are ranked by level, the lowest level first; responses at the same level share a rank.',
    rankByLevelHighest:
      'Responses are ranked by level, the highest level first; responses at the same level share a rank.',
    rankNone: 'Responses are not ranked: each passes or fails by its level.',
    knockoutsTitle: 'Exclusion (knock-out) rules',
    knockoutsIntro: 'A response that meets one of these rules is not ranked, whatever its scores:',
  },
  question: {
    required: '(required)',
    choose: 'Choose…',
    yes: 'Yes',
    no: 'No',
    none: 'None',
    other: 'Other',
    notApplicable: 'Not applicable to our system',
    evidenceAttached: 'Evidence attached:',
    evidenceRequested: 'Evidence is requested for this answer. Upload it just below.',
    markingGuideTitle: 'How the panel scores this answer (0–4; 1 and 3 lie between the levels described)',
    evidenceRule:
      'An answer that needs evidence earns its points only when the evidence is attached and the evaluation panel confirms it supports the answer.',
    fileSize: '{bytes} bytes',
    remove: 'Remove {file}',
    answerRequired: '“{title}”: an answer is required.',
    notApplicableRefused: '“{title}”: “Not applicable” is not accepted for this question.',
    tableIncomplete: '“{title}”: answer every row of the table (missing: {rows}).',
    knockoutTitle: 'Exclusion rule: a response that meets it is not ranked.',
    disabled: 'This question cannot be changed now: it depends on your other answers.',
  },
  autosave: {
    saving: 'Saving…',
    saved: 'All changes saved at {time}.',
    savedSecondsAgo: 'Saved {seconds} s ago',
    savedMinutesAgo: 'Saved {minutes} min ago',
    conflict:
      'Not saved: these answers were changed in another tab or on another device. Your changes are kept in this browser. Reload the page: they are put back into the form for you to check and save.',
    invalid: 'Not saved: {messages}',
    failed: 'Not saved ({reason}). Your changes are kept in this browser; trying again in {seconds} s.',
    offline:
      'Not saved: no connection. Your changes are kept in this browser and are saved as soon as the connection is back.',
    intro: 'Answers are saved automatically as you type.',
    notSaved: 'Not saved ({reason}). Your changes are kept in this browser.',
    restored: 'Your unsaved changes from {time} were put back into the form.',
    restoredCheck:
      'Your unsaved changes from {time} were put back into the form, but the saved answers changed meanwhile (in another tab or on another device). Check them, then press Save.',
  },
  scope: {
    title: 'AI Act scope set by the agency',
    intro:
      'The agency has classified the intended use under the EU AI Act as follows. This classification decides which questions apply, the same for every provider; your answers cannot change it. If you think it is wrong, ask a clarification question: the answer is published to every invited provider.',
    notHighRisk: 'Not high-risk: no point of Annex III of the AI Act applies.',
    annex1a: 'Annex III 1(a): remote biometric identification',
    annex1b: 'Annex III 1(b): biometric categorisation by sensitive or protected attributes',
    annex1c: 'Annex III 1(c): emotion recognition',
    annex6a: 'Annex III 6(a): risk of a person becoming a victim of crime',
    annex6b: 'Annex III 6(b): polygraphs and similar tools',
    annex6c: 'Annex III 6(c): reliability of evidence',
    annex6d: 'Annex III 6(d): risk of offending or re-offending, personality traits or past criminal behaviour',
    annex6e: 'Annex III 6(e): profiling in the detection, investigation or prosecution of crime',
    annex7: 'Annex III 7: migration, asylum and border control',
    annex8: 'Annex III 8: administration of justice and democratic processes',
    rbiPost: 'Remote biometric identification after the event (post-remote), on recorded material.',
    rbiRealTime: 'Real-time remote biometric identification.',
    personalData: 'The system processes personal data.',
    noPersonalData: 'The system does not process personal data.',
  },
  receipt: {
    title: 'Submission receipt',
    received: 'Your response to {case} was received.',
    provider: 'Provider',
    submitted: 'Submitted',
    fingerprint: 'Fingerprint (SHA-256 of the questionnaire version, your answers and your evidence files)',
    evidenceCaption: 'Evidence files included',
    fileHeading: 'File',
    questionHeading: 'Question',
    mailed:
      'A copy of this receipt has been e-mailed to your contact addresses. Keep it: the fingerprint proves exactly what you submitted.',
    backToOverview: 'Back to the overview',
    answersTitle: 'Your answers',
    notAnswered: 'Not answered',
  },
  // The offline workbook (`/portal/<token>/offline.xlsx`): its sheet, column labels and answer formats.
  workbook: OFFLINE_WORKBOOK_LABELS,
};

export type PortalCatalog = typeof EN;
